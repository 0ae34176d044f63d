/**
 * Syntax highlighting with shiki, without WebAssembly: the core, the JavaScript regex engine, each
 * grammar and each theme load with `import()` the first time they are needed, so a page pays only
 * for the languages it shows. Any element can use it: `highlight(code, lang, theme)` resolves to
 * HTML in which every piece of the code is escaped.
 *
 * The HTML carries no `style` attribute (a strict Content-Security-Policy refuses them): colours and
 * font styles are classes (`hl-c-d73a49`, `hl-i`…) whose rules go into {@link highlightStyles}, one
 * constructed stylesheet that an element showing the HTML adopts.
 */
import type { HighlighterCore, LanguageRegistration, ShikiTransformer, ThemeRegistrationRaw } from 'shiki/core';

export type HighlightTheme = 'light' | 'dark';

/** The grammars this module can load, by shiki id. Each literal `import()` is its own chunk. */
const GRAMMARS: Record<string, () => Promise<{ default: LanguageRegistration[] }>> = {
  shellscript: () => import('shiki/langs/shellscript.mjs'),
  python: () => import('shiki/langs/python.mjs'),
  javascript: () => import('shiki/langs/javascript.mjs'),
  typescript: () => import('shiki/langs/typescript.mjs'),
  go: () => import('shiki/langs/go.mjs'),
  java: () => import('shiki/langs/java.mjs'),
  php: () => import('shiki/langs/php.mjs'),
  csharp: () => import('shiki/langs/csharp.mjs'),
  http: () => import('shiki/langs/http.mjs'),
  json: () => import('shiki/langs/json.mjs'),
};

const ALIASES: Record<string, string> = {
  bash: 'shellscript',
  sh: 'shellscript',
  shell: 'shellscript',
  curl: 'shellscript',
  js: 'javascript',
  node: 'javascript',
  ts: 'typescript',
  py: 'python',
  golang: 'go',
  cs: 'csharp',
  'c#': 'csharp',
};

const THEMES: Record<HighlightTheme, { id: string; load: () => Promise<{ default: ThemeRegistrationRaw }> }> = {
  light: { id: 'github-light', load: () => import('shiki/themes/github-light.mjs') },
  dark: { id: 'github-dark', load: () => import('shiki/themes/github-dark.mjs') },
};

/**
 * A few GitHub theme colours fall under WCAG AA contrast (4.5:1) on their own background: comments
 * in github-dark, orange parameters in github-light. They are replaced by close, readable shades.
 */
const COLOR_REPLACEMENTS: Record<string, Record<string, string>> = {
  'github-dark': { '#6a737d': '#959da5' },
  'github-light': { '#e36209': '#b35900' },
};

/** The shiki grammar id for a language name or alias (`undefined`: shown as plain text). */
export function grammarId(lang: string): string | undefined {
  const id = ALIASES[lang.toLowerCase()] ?? lang.toLowerCase();
  return id in GRAMMARS ? id : undefined;
}

const grammarImportCounts = new Map<string, number>();

/** How many times each grammar module was imported (for tests: a grammar loads once, and only when used). */
export function grammarImports(): ReadonlyMap<string, number> {
  return grammarImportCounts;
}

let core: Promise<HighlighterCore> | undefined;
const languages = new Map<string, Promise<void>>();
const themes = new Map<string, Promise<void>>();

function highlighter(): Promise<HighlighterCore> {
  core ??= Promise.all([import('shiki/core'), import('shiki/engine/javascript')]).then(([{ createHighlighterCore }, { createJavaScriptRegexEngine }]) =>
    createHighlighterCore({ themes: [], langs: [], engine: createJavaScriptRegexEngine({ forgiving: true }) }),
  );
  // A failed load (offline chunk) is retried next time.
  core.catch(() => (core = undefined));
  return core;
}

function once(cache: Map<string, Promise<void>>, key: string, load: () => Promise<void>): Promise<void> {
  let pending = cache.get(key);
  if (!pending) {
    pending = load();
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

function loadGrammar(h: HighlighterCore, id: string): Promise<void> {
  return once(languages, id, async () => {
    grammarImportCounts.set(id, (grammarImportCounts.get(id) ?? 0) + 1);
    const module = await GRAMMARS[id]!();
    await h.loadLanguage(module.default);
  });
}

function loadTheme(h: HighlighterCore, theme: HighlightTheme): Promise<void> {
  const { id, load } = THEMES[theme];
  return once(themes, id, async () => {
    const module = await load();
    await h.loadTheme(module.default);
  });
}

/** The rules behind the token classes, added as colours first appear (undefined outside browsers). */
export const highlightStyles: CSSStyleSheet | undefined = typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype ? new CSSStyleSheet() : undefined;
const ruled = new Set<string>();

function tokenClass(name: string, declaration: string): string {
  if (!ruled.has(name)) {
    ruled.add(name);
    highlightStyles?.insertRule(`.${name}{${declaration}}`, highlightStyles.cssRules.length);
  }
  return name;
}

/** `color:#D73A49;font-style:italic` → `hl-c-d73a49 hl-i`. Anything else is dropped (the text stays). */
function styleClasses(style: string): string[] {
  const classes: string[] = [];
  for (const declaration of style.split(';')) {
    const [name = '', value = ''] = declaration.split(':').map((part) => part.trim().toLowerCase());
    if ((name === 'color' || name === 'background-color') && /^#[0-9a-f]{3,8}$/.test(value)) classes.push(tokenClass(`hl-${name === 'color' ? 'c' : 'bg'}-${value.slice(1)}`, `${name}:${value}`));
    else if (name === 'font-style' && value === 'italic') classes.push(tokenClass('hl-i', 'font-style:italic'));
    else if (name === 'font-weight' && value === 'bold') classes.push(tokenClass('hl-b', 'font-weight:bold'));
    else if (name === 'text-decoration' && /^[a-z -]+$/.test(value)) classes.push(tokenClass(`hl-d-${value.replace(/ /g, '-')}`, `text-decoration:${value}`));
  }
  return classes;
}

/** Token styles as classes; the block's own colours come from the element showing it. */
const classesNotStyles: ShikiTransformer = {
  name: 'coze:classes-not-styles',
  pre(node) {
    delete node.properties['style'];
  },
  span(node) {
    const style = node.properties['style'];
    if (typeof style !== 'string') return;
    delete node.properties['style'];
    const classes = styleClasses(style);
    if (classes.length) this.addClassToHast(node, classes);
  },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Code as an unhighlighted block, escaped, in the same shape as shiki's output. */
export function plainHtml(code: string): string {
  return `<pre class="shiki plain" tabindex="0"><code>${escapeHtml(code)}</code></pre>`;
}

/**
 * Highlighted HTML for `code` (a `<pre class="shiki …"><code>` block). Loads the highlighter, the
 * grammar and the theme on first use. Unknown languages, and any failure to load, give the escaped
 * plain block instead: highlighting never loses the code.
 */
export async function highlight(code: string, lang: string, theme: HighlightTheme | string = 'light'): Promise<string> {
  const id = grammarId(lang);
  if (!id) return plainHtml(code);
  const which: HighlightTheme = theme === 'dark' || theme === 'github-dark' ? 'dark' : 'light';
  try {
    const h = await highlighter();
    await Promise.all([loadGrammar(h, id), loadTheme(h, which)]);
    const themeId = THEMES[which].id;
    return h.codeToHtml(code, { lang: id, theme: themeId, colorReplacements: COLOR_REPLACEMENTS, transformers: [classesNotStyles] });
  } catch {
    return plainHtml(code);
  }
}

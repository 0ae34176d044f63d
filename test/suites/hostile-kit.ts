/**
 * Watches for the three ways hostile text can win, for the "Hostile content" suite:
 *
 * - code runs: payloads call `window.__pwned(id)` (and `alert`/`confirm`/`prompt` are stubbed);
 * - something loads from the attacker: fetch, XHR, beacons, sockets, EventSource, and every resource
 *   the browser loads (PerformanceObserver 'resource' sees images, styles, frames, scripts, failed ones
 *   too) are checked for {@link ATTACKER};
 * - live markup: every shadow root is observed from its creation (attachShadow is wrapped before any
 *   element exists), so a `<script>`, `<iframe>`, an `on*` attribute, a `javascript:` link or a style
 *   pointing at the attacker is caught even if it is removed again; a final deep scan checks the page.
 *
 * Import this module first in the suite (before the elements are defined).
 */
import { ATTACKER } from './corpus.js';

export interface Findings {
  ran: string[];
  requests: string[];
  markup: string[];
}

const findings: Findings = { ran: [], requests: [], markup: [] };

/** What happened since the last {@link resetFindings}. */
export function currentFindings(): Findings {
  return { ran: [...findings.ran], requests: [...new Set(findings.requests)], markup: [...new Set(findings.markup)] };
}

export function resetFindings(): void {
  findings.ran.length = 0;
  findings.requests.length = 0;
  findings.markup.length = 0;
}

// Code that runs ------------------------------------------------------------------------------------

const w = window as unknown as Record<string, unknown>;
w['__pwned'] = (id: unknown) => void findings.ran.push(`__pwned(${String(id)})`);
for (const name of ['alert', 'confirm', 'prompt'] as const) w[name] = (message: unknown) => void findings.ran.push(`${name}(${String(message)})`);

// Requests to the attacker --------------------------------------------------------------------------

const attacker = new URL(ATTACKER).host;
const toAttacker = (url: unknown): boolean => {
  try {
    return new URL(String(url instanceof Request ? url.url : url), location.href).host === attacker;
  } catch {
    return String(url).includes(attacker);
  }
};
const noteRequest = (how: string, url: unknown) => {
  if (toAttacker(url)) findings.requests.push(`${how} ${String(url instanceof Request ? url.url : url)}`);
};

const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  noteRequest('fetch', input);
  return realFetch(input, init);
};
const realOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
  noteRequest('xhr', url);
  return (realOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
} as typeof XMLHttpRequest.prototype.open;
const realBeacon = navigator.sendBeacon.bind(navigator);
navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
  noteRequest('beacon', url);
  return realBeacon(url, data);
};
for (const name of ['WebSocket', 'EventSource'] as const) {
  const Real = w[name] as new (url: string | URL, ...rest: unknown[]) => object;
  w[name] = new Proxy(Real, {
    construct(target, args: [string | URL, ...unknown[]]) {
      noteRequest(name, args[0]);
      return new target(...args);
    },
  });
}
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) noteRequest('resource', entry.name);
}).observe({ type: 'resource', buffered: true });

// Live markup ---------------------------------------------------------------------------------------

/** Elements that must never appear inside the elements' shadow roots. */
const FORBIDDEN = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'LINK', 'PORTAL', 'MARQUEE', 'NOSCRIPT', 'TEMPLATE']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'srcset', 'poster', 'background', 'xlink:href', 'ping', 'codebase', 'cite', 'manifest']);
/** Schemes that run code or carry a document, once control characters and blanks are dropped. */
const DANGEROUS = /^(javascript|vbscript|data(?!:image\/(png|gif|jpe?g|webp);))/i;

function where(el: Element): string {
  const host = (el.getRootNode() as ShadowRoot).host;
  return `<${el.localName}> in ${host ? `<${host.localName}>` : 'the document'}`;
}

/** What is wrong with one element, if anything. */
function inspect(el: Element): string[] {
  const problems: string[] = [];
  if (FORBIDDEN.has(el.tagName.toUpperCase())) problems.push(`${where(el)} is live markup`);
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    const value = attr.value;
    if (name.startsWith('on')) problems.push(`${where(el)} has an event handler ${name}="${value.slice(0, 60)}"`);
    if (URL_ATTRIBUTES.has(name) && DANGEROUS.test(value.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ''))) {
      problems.push(`${where(el)} has ${name}="${value.slice(0, 60)}"`);
    }
    // A link may name any page (nothing loads until it is followed); anything that loads may not.
    if (value.includes(attacker) && (URL_ATTRIBUTES.has(name) || name === 'style') && !(name === 'href' && el.localName === 'a')) problems.push(`${where(el)} points ${name} at the attacker`);
    if (value.includes('__pwned') && (name.startsWith('on') || URL_ATTRIBUTES.has(name) || name === 'style')) problems.push(`${where(el)} carries a payload in ${name}`);
  }
  if (el.localName === 'style' && el.textContent?.includes(attacker)) problems.push(`${where(el)} loads from the attacker`);
  return problems;
}

function inspectTree(root: Node): void {
  if (root instanceof Element) findings.markup.push(...inspect(root));
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) findings.markup.push(...inspect(node as Element));
}

const observer = new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'attributes' && r.target instanceof Element) findings.markup.push(...inspect(r.target));
    for (const added of r.addedNodes) if (added instanceof Element || added instanceof DocumentFragment) inspectTree(added);
  }
});

observer.observe(document.body, { subtree: true, childList: true, attributes: true });
const realAttachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = realAttachShadow.call(this, init);
  observer.observe(root, { subtree: true, childList: true, attributes: true });
  return root;
};

/** Every element of the subtree, through open shadow roots. */
export function* deepElements(root: Node): Generator<Element> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = root instanceof Element ? root : walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** Scans a subtree (through shadow roots) for live markup, adding to the findings. */
export function scan(root: Node): void {
  for (const el of deepElements(root)) {
    // The page's own test scaffolding lives outside the elements' shadow roots and the mounted pages.
    findings.markup.push(...inspect(el));
  }
}

// Readable text -------------------------------------------------------------------------------------

/** The text a reader sees in a subtree: shadow content instead of the host's, slotted nodes where slotted. */
export function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
  if (!(node instanceof Element) && !(node instanceof DocumentFragment)) return '';
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    return (assigned.length ? assigned : [...node.childNodes]).map(deepText).join('');
  }
  // Not on screen: styles, scripts, and words only for screen readers ("opens in a new tab").
  if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
  if (node instanceof Element && node.matches('.sr-only, .visually-hidden')) return '';
  const children = node instanceof Element && node.shadowRoot ? [...node.shadowRoot.childNodes] : [...node.childNodes];
  let out = children.map(deepText).join('');
  if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) out += ` ${node.value} `;
  if (node instanceof Element && /^(P|DIV|LI|TR|TD|TH|PRE|H\d|DD|DT|SECTION|HEADER|BR)$/.test(node.tagName)) out = ` ${out} `;
  return out;
}

/** Blanks collapsed, as a reader sees them (zero-width and direction marks stay: they are the text). */
export const squash = (s: string): string => s.replace(/[ \t\n\r\f\v\u00a0]+/g, ' ').trim();

/**
 * The payloads whose text (or `expected(payload)`) is not found in `shown`; long texts are looked up by
 * their beginning (a view may show a long line cut, with the rest a click away).
 */
export function unreadable<T extends { id: string }>(payloads: readonly T[], shown: string, expected: (p: T) => string): string[] {
  const haystack = squash(shown);
  return payloads.filter((p) => !haystack.includes(squash(expected(p)).slice(0, 300))).map((p) => p.id);
}

/**
 * Asserts nothing ran, nothing went to the attacker, and no live markup exists under `root` (a
 * final deep scan, added to what the observers saw). Returns a readable report of what went wrong.
 */
export function breaches(root: Node): string[] {
  scan(root);
  const f = currentFindings();
  return [...f.ran.map((r) => `ran: ${r}`), ...f.requests.map((r) => `request: ${r}`), ...f.markup.map((m) => `markup: ${m}`)];
}

/**
 * Story fixture for the guides (docs/guides/*.md): checks that their code speaks the elements' real API,
 * and mounts a guide's live snippet on the in-browser emulator.
 *
 * Everything the guides' code blocks name is looked up in custom-elements.json (the same source as the
 * docs pages): tags, attributes, properties and methods of `document.querySelector('coze-…')` variables,
 * `coze-*` events, `--coze-*` custom properties and `::part(…)` names; and every
 * `coze-playground-elements/…` import or theme file must be a real entry of the package. A mismatch throws,
 * so the guide's story fails (in Storybook and in the story smoke test) until the guide is fixed.
 */
import manifest from '../../custom-elements.json';

interface ManifestDeclaration {
  tagName?: string;
  attributes?: Array<{ name: string }>;
  members?: Array<{ name: string; kind: string; privacy?: string; static?: boolean }>;
  events?: Array<{ name: string }>;
  cssParts?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
}

interface ElementApi {
  attributes: Set<string>;
  members: Set<string>;
  parts: Set<string>;
}

const elements = new Map<string, ElementApi>();
const events = new Set<string>();
const customProperties = new Set<string>();
for (const mod of (manifest as { modules: Array<{ declarations?: ManifestDeclaration[] }> }).modules) {
  for (const d of mod.declarations ?? []) {
    if (!d.tagName) continue;
    elements.set(d.tagName, {
      attributes: new Set((d.attributes ?? []).map((a) => a.name)),
      members: new Set((d.members ?? []).filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.static).map((m) => m.name)),
      parts: new Set((d.cssParts ?? []).map((p) => p.name)),
    });
    for (const e of d.events ?? []) events.add(e.name);
    for (const p of d.cssProperties ?? []) customProperties.add(p.name);
  }
}

/** The package's registering entries (`define/<tag>`, `define/all`) and theme files, as they are in the repository. */
const defineEntries = new Set(Object.keys(import.meta.glob('../../src/define/*.ts')).map((p) => p.replace(/^.*\/|\.ts$/g, '')));
defineEntries.delete('define');
const themeFiles = new Set(Object.keys(import.meta.glob('../../themes/*.css', { query: '?url' })).map((p) => p.replace(/^.*\//, '')));

/** Attributes any element takes (they are HTML's, not the elements' own). */
const GLOBAL_ATTRIBUTE = /^(id|class|style|slot|hidden|title|tabindex|part|exportparts|inert|dir|aria-.+|data-.+)$/;

export interface CodeBlock {
  lang: string;
  meta: string;
  code: string;
}

/** The fenced code blocks of a markdown text. */
export function codeBlocks(markdown: string): CodeBlock[] {
  return [...markdown.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? '', meta: (m[2] ?? '').trim(), code: m[3] ?? '' }));
}

function checkImports(code: string, problems: string[]): void {
  for (const m of code.matchAll(/\bimport\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g)) {
    const specifier = m[1]!;
    if (!specifier.startsWith('coze-playground-elements')) continue;
    const define = /^coze-playground-elements\/define\/([\w-]+)$/.exec(specifier);
    if (specifier === 'coze-playground-elements' || specifier === 'coze-playground-elements/define') continue;
    if (define && defineEntries.has(define[1]!)) continue;
    problems.push(`import '${specifier}' is not an entry of the package`);
  }
  for (const m of code.matchAll(/coze-playground-elements\/themes\/([\w.-]+)/g)) {
    if (!themeFiles.has(m[1]!)) problems.push(`theme file ${m[1]} does not exist`);
  }
}

/** `--coze-*` declarations and `tag::part(name)` selectors in CSS (a stylesheet, a style attribute). */
function checkCss(css: string, problems: string[]): void {
  for (const m of css.matchAll(/(--coze-[\w-]+)\s*:/g)) {
    if (!customProperties.has(m[1]!)) problems.push(`custom property ${m[1]} is not documented by any element`);
  }
  for (const m of css.matchAll(/(coze-[\w-]+)::part\(([\w-]+)\)/g)) {
    const api = elements.get(m[1]!);
    if (!api) problems.push(`<${m[1]}> is not an element of the package`);
    else if (!api.parts.has(m[2]!)) problems.push(`<${m[1]}> has no part "${m[2]}"`);
  }
}

function checkHtml(code: string, problems: string[]): void {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${code}`, 'text/html');
  for (const el of doc.querySelectorAll('*')) {
    if (el.localName === 'style') checkCss(el.textContent ?? '', problems);
    if (el.hasAttribute('style')) checkCss(el.getAttribute('style') ?? '', problems);
    if (!el.localName.startsWith('coze-')) continue;
    const api = elements.get(el.localName);
    if (!api) {
      problems.push(`<${el.localName}> is not an element of the package`);
      continue;
    }
    for (const { name } of el.attributes) {
      if (!api.attributes.has(name) && !GLOBAL_ATTRIBUTE.test(name)) problems.push(`<${el.localName}> has no attribute "${name}"`);
    }
  }
}

/** Properties and methods used on `const x = document.querySelector('coze-…')` variables, and `coze-*` events listened to. */
function checkScript(code: string, variables: Map<string, string>, problems: string[]): void {
  for (const [name, tag] of variables) {
    const api = elements.get(tag);
    if (!api) continue;
    for (const m of code.matchAll(new RegExp(`\\b${name}\\??\\.(\\w+)`, 'g'))) {
      const member = m[1]!;
      if (!api.members.has(member) && !(member in HTMLElement.prototype)) problems.push(`<${tag}> has no property or method "${member}"`);
    }
  }
  for (const m of code.matchAll(/\.(\w+)\s*=(?!=)/g)) {
    // `document.querySelector('coze-…').prop = …`
    const before = code.slice(0, m.index);
    const direct = /document\.querySelector\(['"](coze-[\w-]+)['"]\)$/.exec(before);
    const api = direct ? elements.get(direct[1]!) : undefined;
    if (direct && api && !api.members.has(m[1]!)) problems.push(`<${direct[1]}> has no property "${m[1]}"`);
  }
  for (const m of code.matchAll(/addEventListener\(['"](coze-[\w-]+)['"]/g)) {
    if (!events.has(m[1]!)) problems.push(`no element fires "${m[1]}"`);
  }
}

/** Every problem of a guide's code against the package's API (empty when the guide is right). */
export function guideProblems(markdown: string): string[] {
  const problems: string[] = [];
  const blocks = codeBlocks(markdown);
  const variables = new Map<string, string>();
  for (const block of blocks) {
    for (const m of block.code.matchAll(/const\s+(\w+)\s*=\s*document\.querySelector\(['"](coze-[\w-]+)['"]\)/g)) variables.set(m[1]!, m[2]!);
  }
  for (const block of blocks) {
    checkImports(block.code, problems);
    if (block.lang === 'html') {
      checkHtml(block.code, problems);
      for (const script of new DOMParser().parseFromString(block.code, 'text/html').querySelectorAll('script')) checkScript(script.textContent ?? '', variables, problems);
    }
    if (block.lang === 'css') checkCss(block.code, problems);
    if (block.lang === 'js' || block.lang === 'ts') checkScript(block.code, variables, problems);
  }
  return [...new Set(problems)];
}

/**
 * Checks a stylesheet that claims to restyle the elements through their public surface only: each rule
 * either sets `--coze-*` properties the elements document, on an element, or styles a documented part.
 */
export function publicStylingProblems(css: string): string[] {
  const problems: string[] = [];
  checkCss(css, problems);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  for (const rule of sheet.cssRules) {
    if (!(rule instanceof CSSStyleRule)) {
      problems.push(`unexpected rule: ${rule.cssText.slice(0, 60)}`);
      continue;
    }
    for (const selector of rule.selectorText.split(',').map((s) => s.trim())) {
      const part = /^(coze-[\w-]+)::part\([\w-]+\)$/.exec(selector);
      if (part) continue;
      if (!elements.has(selector)) {
        problems.push(`selector "${selector}" is neither an element nor one of its parts`);
        continue;
      }
      for (const property of rule.style) {
        if (!property.startsWith('--coze-')) problems.push(`"${selector}" sets ${property}, not a custom property`);
      }
    }
  }
  return problems;
}

/** The guide's code block marked `live` (```html live), without its scripts. */
export function liveSnippet(markdown: string): string {
  const block = codeBlocks(markdown).find((b) => b.lang === 'html' && b.meta === 'live');
  if (!block) throw new Error('The guide has no ```html live block');
  return block.code.replace(/<script\b[\s\S]*?<\/script>/g, '').trim();
}

/** Throws with every problem of the guide's code, so that its story shows (and the smoke test reports) them. */
export function assertGuide(markdown: string): void {
  const problems = guideProblems(markdown);
  if (problems.length) throw new Error(`The guide's code does not match the elements' API:\n- ${problems.join('\n- ')}`);
}

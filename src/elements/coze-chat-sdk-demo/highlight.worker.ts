/**
 * Highlighting off the main thread: shiki (JavaScript regex engine) tokenizes code blocks in this
 * worker, so that compiling grammars and tokenizing long answers never blocks the page. Grammars and
 * themes load on first use. Messages: `{ id, code, lang, theme }` in, `{ id, lines }` out (`null`
 * when the language is unknown or highlighting failed).
 */
import type { HighlighterCore, LanguageRegistration, ThemeRegistrationRaw } from 'shiki/core';

const GRAMMARS: Record<string, () => Promise<{ default: LanguageRegistration[] }>> = {
  typescript: () => import('shiki/langs/typescript.mjs'),
  javascript: () => import('shiki/langs/javascript.mjs'),
  json: () => import('shiki/langs/json.mjs'),
  python: () => import('shiki/langs/python.mjs'),
  shellscript: () => import('shiki/langs/shellscript.mjs'),
  go: () => import('shiki/langs/go.mjs'),
  java: () => import('shiki/langs/java.mjs'),
  html: () => import('shiki/langs/html.mjs'),
  css: () => import('shiki/langs/css.mjs'),
  sql: () => import('shiki/langs/sql.mjs'),
  yaml: () => import('shiki/langs/yaml.mjs'),
};

const THEMES: Record<string, () => Promise<{ default: ThemeRegistrationRaw }>> = {
  'github-light': () => import('shiki/themes/github-light.mjs'),
  'github-dark': () => import('shiki/themes/github-dark.mjs'),
};

let core: Promise<HighlighterCore> | undefined;
const loaded = new Map<string, Promise<void>>();

function once(key: string, load: () => Promise<void>): Promise<void> {
  let pending = loaded.get(key);
  if (!pending) {
    pending = load();
    loaded.set(key, pending);
    pending.catch(() => loaded.delete(key));
  }
  return pending;
}

async function tokenize(code: string, grammar: string, theme: string): Promise<unknown> {
  core ??= Promise.all([import('shiki/core'), import('shiki/engine/javascript')]).then(([{ createHighlighterCore }, { createJavaScriptRegexEngine }]) =>
    createHighlighterCore({ themes: [], langs: [], engine: createJavaScriptRegexEngine({ forgiving: true }) }),
  );
  const h = await core;
  await Promise.all([once(`lang:${grammar}`, async () => h.loadLanguage((await GRAMMARS[grammar]!()).default)), once(`theme:${theme}`, async () => h.loadTheme((await THEMES[theme]!()).default))]);
  return h.codeToTokens(code, { lang: grammar, theme }).tokens.map((line) => line.map((t) => [t.content, t.color ?? '', t.fontStyle ?? 0]));
}

addEventListener('message', (event: MessageEvent<{ id: number; code: string; grammar: string; theme: string }>) => {
  const { id, code, grammar, theme } = event.data;
  if (!GRAMMARS[grammar] || !THEMES[theme]) {
    postMessage({ id, lines: null });
    return;
  }
  tokenize(code, grammar, theme).then(
    (lines) => postMessage({ id, lines }),
    () => postMessage({ id, lines: null }),
  );
});

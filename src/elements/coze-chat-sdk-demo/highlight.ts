/**
 * Code highlighting for answers, as coloured tokens (rendered as Lit templates, never as HTML). shiki
 * runs in a worker (`highlight.worker.ts`), loaded on the first code block: compiling grammars and
 * tokenizing never blocks the page, however long the answer. Results are cached; `tokensFor` answers
 * at once from the cache, or asks the worker and calls back when the tokens are there.
 *
 * (The playground's `src/core/code/highlight.ts` returns HTML strings on the main thread; this element
 * renders no HTML strings and keeps long streams responsive, so it asks a worker for tokens.)
 */
export interface CodeToken {
  text: string;
  color?: string;
  italic?: boolean;
  bold?: boolean;
}

export type CodeLines = CodeToken[][];

const GRAMMARS = new Set(['typescript', 'javascript', 'json', 'python', 'shellscript', 'go', 'java', 'html', 'css', 'sql', 'yaml']);
const ALIASES: Record<string, string> = { ts: 'typescript', js: 'javascript', jsx: 'javascript', tsx: 'typescript', py: 'python', sh: 'shellscript', bash: 'shellscript', shell: 'shellscript', zsh: 'shellscript', golang: 'go', yml: 'yaml' };
const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Colours of the GitHub themes that miss WCAG AA contrast on their background, replaced by close shades. */
const READABLE: Record<string, Record<string, string>> = {
  'github-dark': { '#6a737d': '#959da5' },
  'github-light': { '#e36209': '#b35900', '#6a737d': '#5c636b' },
};

export function grammarFor(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const id = ALIASES[lang.toLowerCase()] ?? lang.toLowerCase();
  return GRAMMARS.has(id) ? id : undefined;
}

type WorkerLine = Array<[text: string, color: string, fontStyle: number]>;

const cache = new Map<string, CodeLines | null>();
const pending = new Map<number, { key: string; theme: string; ready: () => void }>();
let worker: Worker | null | undefined;
let nextId = 0;

function settle(id: number, lines: WorkerLine[] | null): void {
  const job = pending.get(id);
  if (!job) return;
  pending.delete(id);
  const readable = READABLE[job.theme] ?? {};
  const converted = lines?.map((line) =>
    line.map(([text, color, style]) => {
      const shown = color ? (readable[color.toLowerCase()] ?? color) : '';
      return { text, ...(shown ? { color: shown } : {}), ...(style & 1 ? { italic: true } : {}), ...(style & 2 ? { bold: true } : {}) };
    }),
  );
  if (cache.size > 500) cache.delete(cache.keys().next().value!);
  cache.set(job.key, converted ?? null);
  if (converted) job.ready();
}

function highlighter(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<{ id: number; lines: WorkerLine[] | null }>) => settle(e.data.id, e.data.lines));
    worker.addEventListener('error', () => {
      // No worker (blocked, or it failed to load): code stays plain.
      worker = null;
      for (const id of [...pending.keys()]) settle(id, null);
    });
  } catch {
    worker = null;
  }
  return worker;
}

/**
 * The highlighted lines of `code`, if ready; `null` when it stays plain (unknown language, no worker);
 * `undefined` while the worker works, and `ready` is called once the tokens are cached.
 */
export function tokensFor(code: string, lang: string | undefined, theme: 'light' | 'dark', ready: () => void): CodeLines | null | undefined {
  const grammar = grammarFor(lang);
  if (!grammar) return null;
  const themeId = THEMES[theme];
  const key = `${themeId}\u0000${grammar}\u0000${code}`;
  if (cache.has(key)) return cache.get(key);
  const w = highlighter();
  if (!w) return null;
  // Asked once: until the answer comes, the block is plain.
  cache.set(key, null);
  const id = ++nextId;
  pending.set(id, { key, theme: themeId, ready });
  w.postMessage({ id, code, grammar, theme: themeId });
  return undefined;
}

/**
 * UI benchmarks for `npm run bench`: the bench pages (scripts/bench/pages) built for production with
 * Vite, served with the emulator (scripts/bench/server.ts), and driven in headless Chromium.
 *
 * Every run is a fresh browser context (cold cache) and a fresh page load. The playground, RapiDoc and
 * Swagger UI get the same catalogue (ours as a catalogue, theirs exported as OpenAPI) and the same
 * interactions; the chat demo streams a very long reply while a user types. Plain JavaScript: the
 * functions handed to the page are sent as text and must reach it untransformed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';

const root = resolve(import.meta.dirname, '../..');
const pagesDir = resolve(root, 'scripts/bench/pages');
const outDir = resolve(root, '.bench-dist/ui');

/** The tools compared, and the page of each for a catalogue (`builtin` or `5000`). */
export const TOOLS = {
  ours: (catalogue) => (catalogue === 'builtin' ? '/playground.html' : '/playground.html?catalog=/data/catalog-5000.json'),
  rapidoc: (catalogue) => `/rapidoc.raw.html?spec=${catalogue}`,
  swagger: (catalogue) => `/swagger.raw.html?spec=${catalogue}`,
};

/** Switching APIs: from a small chat API to the largest form of the catalogue. */
const FROM = { id: 'chat.retrieve', method: 'GET', path: '/v3/chat/retrieve' };
const TO = { id: 'chat.create', method: 'POST', path: '/v3/chat' };
/** Narrows every tool's list in both catalogues (workflows, workspaces…; no synthetic API has a w). */
const FILTER_KEY = 'w';
const LAUNCH_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

class Timeout extends Error {}

async function build() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    configFile: false,
    root: pagesDir,
    logLevel: 'silent',
    publicDir: false,
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: { playground: resolve(pagesDir, 'playground.html'), chat: resolve(pagesDir, 'chat.html') } },
    },
  });
}

/** A fresh context and page with the probe installed; `deadline` (ms from now) closes it if the page hangs. */
async function open(browser, probe, url, deadlineMs) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript({ content: probe });
  const page = await context.newPage();
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => {
      reject(new Timeout(`page busy for more than ${deadlineMs / 1000} s`));
      void context.close().catch(() => {});
    }, deadlineMs);
  });
  expired.catch(() => {});
  /** Runs a step unless the deadline passed first. */
  const step = (promise) => Promise.race([promise, expired]);
  await step(page.goto(url, { waitUntil: 'commit' }));
  await step(page.waitForFunction(() => window.__bench, null, { timeout: deadlineMs }));
  return { page, step, close: () => (clearTimeout(timer), context.close().catch(() => {})) };
}

/** A quiet moment first: the tail of loading must not count as the interaction. */
const idle = (page) => page.evaluate(() => new Promise((r) => setTimeout(() => requestIdleCallback(() => r(), { timeout: 2000 }), 300)));

/**
 * One page load of a catalogue tool: its list on screen, the page ready for input, one filter
 * keystroke, switching to another API, and (ours) the 10,000-event stream and the 20 MB response.
 * Steps after a deadline are left out of the result.
 */
async function catalogueRun(browser, probe, base, tool, catalogue, { extras, deadlineMs }) {
  const result = {};
  let session;
  try {
    session = await open(browser, probe, base + TOOLS[tool](catalogue), deadlineMs);
    const { page, step } = session;
    result.rendered = await step(page.evaluate(() => window.__bench.ready()));
    result.interactive = await step(page.evaluate((after) => window.__probe.quiet(after), result.rendered));
    result.loadLongest = (await step(page.evaluate((t) => window.__probe.tasks(0, t), result.interactive))).longest;

    // One keystroke in the filter box (RapiDoc filters when Enter commits the text).
    const search = await step(page.evaluate(() => window.__bench.searchSelector));
    const commit = await step(page.evaluate(() => window.__bench.commitKey));
    await step(page.focus(search));
    if (commit) await step(page.keyboard.type(FILTER_KEY));
    await step(page.evaluate((key) => window.__bench.armFilter(key), commit ?? FILTER_KEY));
    await step(page.keyboard.press(commit ?? FILTER_KEY));
    result.filter = await step(page.evaluate(() => window.__probe.pending));
    await step(page.evaluate(() => window.__bench.clearFilter()));
    await step(idle(page));

    // Another API: a click on it, until it is shown.
    const target = await step(page.evaluate(([from, to]) => window.__bench.prepareOpen(from, to), [FROM, TO]));
    await step(idle(page));
    await step(page.evaluate((to) => window.__bench.armOpen(to), TO));
    await step(page.click(target));
    result.open = await step(page.evaluate(() => window.__probe.pending));

    if (extras) {
      await step(idle(page));
      result.stream = await step(page.evaluate(() => window.__bench.stream(10_000)));
      await step(idle(page));
      result.big = await step(page.evaluate(() => window.__bench.big(20)));
    }
  } catch (err) {
    if (!(err instanceof Timeout)) throw err;
    result.timeout = err.message;
  } finally {
    await session?.close();
  }
  return result;
}

/** One page load of the chat demo: a 20,000-token reply while a user types in the composer. */
async function chatRun(browser, probe, base, deadlineMs) {
  const session = await open(browser, probe, base + '/chat.html', deadlineMs);
  const { page, step } = session;
  try {
    const input = await step(page.evaluate(() => window.__bench.open()));
    await step(idle(page));
    await step(page.focus(input));
    let finished = false;
    const done = step(page.evaluate(() => window.__bench.stream(20_000))).finally(() => (finished = true));
    done.catch(() => {});
    // A user typing while the reply streams: a key every 40 ms or so.
    while (!finished) {
      await page.keyboard.press('a').catch(() => {});
      await new Promise((r) => setTimeout(r, 40));
    }
    return await done;
  } finally {
    await session.close();
  }
}

/**
 * Runs everything and returns `{ catalogues: { builtin|5000: { tool: result[] } }, chat: result[],
 * documents }`. Ours gets `runs` page loads per catalogue; RapiDoc and Swagger UI `runs` with the
 * built-in catalogue and `bigRuns` with the 5,000-entry one, where each page load may take at most
 * `deadlineMs` (their 5,000-operation pages can stay busy for minutes).
 */
export async function runUiBench({ runs = 5, otherRuns = 3, bigRuns = 3, otherBigRuns = 1, chatRuns = 3, deadlineMs = 60_000, log = () => {}, only } = {}) {
  register();
  await build();
  const { startBenchServer } = await import('./server.ts');
  const server = await startBenchServer(outDir, pagesDir);
  const probe = readFileSync(resolve(pagesDir, 'probe.js'), 'utf8');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  const out = { catalogues: {}, chat: [], documents: server.documents };
  try {
    for (const catalogue of only?.catalogues ?? ['builtin', '5000']) {
      out.catalogues[catalogue] = {};
      for (const tool of (only?.tools ?? Object.keys(TOOLS)).filter((t) => t in TOOLS)) {
        const ours = tool === 'ours';
        const n = catalogue === 'builtin' ? (ours ? runs : otherRuns) : ours ? bigRuns : otherBigRuns;
        const results = [];
        for (let i = 0; i < n; i++) {
          const started = Date.now();
          results.push(await catalogueRun(browser, probe, server.url, tool, catalogue, { extras: ours, deadlineMs: ours ? 180_000 : deadlineMs }));
          log(`${tool} · ${catalogue} catalogue · page load ${i + 1}/${n}: ${((Date.now() - started) / 1000).toFixed(1)} s${results.at(-1).timeout ? ` (${results.at(-1).timeout})` : ''}`);
        }
        out.catalogues[catalogue][tool] = results;
      }
    }
    for (let i = 0; i < (only?.tools && !only.tools.includes('chat') ? 0 : chatRuns); i++) {
      const started = Date.now();
      out.chat.push(await chatRun(browser, probe, server.url, 120_000));
      log(`chat demo · page load ${i + 1}/${chatRuns}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

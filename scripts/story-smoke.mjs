#!/usr/bin/env node
// Loads every story and every docs page of a built Storybook in headless Chromium and fails on any error:
// an exception, a console error, a failed request to the Storybook server, or Storybook's own error
// display. Each story must also be accessible: once it has settled, axe-core runs on the story root
// (shadow roots included) and any violation fails the story. Each autodocs page must show a filled
// ArgTypes table (from custom-elements.json).
//   node scripts/story-smoke.mjs storybook-static [results.json]
// Writes {passed, failed} to results.json (read by scripts/test.mjs). SMOKE_FILTER=text limits the run
// to entries whose id contains the text; SMOKE_WORKERS sets how many pages run at once (default 2);
// SMOKE_DEBUG=1 adds each entry's time.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = process.argv[2] ?? 'storybook-static';
const out = process.argv[3];
const filter = process.env.SMOKE_FILTER ?? '';
const workers = Math.max(1, Number(process.env.SMOKE_WORKERS ?? 2));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
const AXE = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'axe-core', 'axe.min.js');
const axeSource = readFileSync(AXE, 'utf8');

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // Browsers ask for a favicon on their own; Storybook ships none.
  if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
  let file = normalize(join(dir, decodeURIComponent(url.pathname)));
  if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end();
  // Cacheable, so that each worker's page loads Storybook's bundles once rather than once per story.
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((e) => (e.type === 'story' || e.type === 'docs') && e.id.includes(filter));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

/**
 * Resolves once the page has stopped changing: no finite animation running and the same rendered
 * content (shadow roots included) for three checks in a row, or after `limit` ms (a story that ticks a
 * timer forever, such as a pending request's elapsed time, is checked as it is then).
 */
async function settle(page, limit = 6000) {
  await page.evaluate(async (limit) => {
    const snapshot = () => {
      let text = '';
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) {
            text += `<${el.localName}>${el.shadowRoot.innerHTML.length}`;
            walk(el.shadowRoot);
          }
        }
      };
      walk(document);
      return document.body.innerHTML.length + text;
    };
    const animating = () =>
      document.getAnimations().some((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    const end = performance.now() + limit;
    let last = '';
    let same = 0;
    while (performance.now() < end && same < 3) {
      await new Promise((r) => setTimeout(r, 120));
      const now = snapshot();
      same = now === last && !animating() ? same + 1 : 0;
      last = now;
    }
  }, limit);
}

/** Runs axe on the story root; returns one line per violation and node ("rule: target — summary"). */
async function audit(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const run = () =>
    page.evaluate(async () => {
      const root = document.querySelector('#storybook-root');
      const result = await window.axe.run(root ?? document, { resultTypes: ['violations'] });
      return result.violations.flatMap((v) =>
        v.nodes.map((n) => `axe ${v.id} (${v.impact}): ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' , ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() || v.help}`),
      );
    });
  try {
    return await run();
  } catch {
    // The DOM changed under axe (a stream still arriving): settle and look again once.
    await settle(page, 2000);
    return run();
  }
}

/** One page per worker, reused for every entry it checks; `errors` collects what the current entry causes. */
async function openWorkerPage() {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const state = { page, errors: [] };
  page.on('pageerror', (e) => state.errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && state.errors.push(`console.error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`));
  page.on('response', (r) => r.status() >= 400 && state.errors.push(`HTTP ${r.status()} ${r.url()}`));
  return state;
}

async function check(worker, entry) {
  const { page } = worker;
  // Each entry starts with empty storage, as in a fresh browser (drafts, history, the pinned list).
  await page.evaluate(() => {
    try {
      localStorage.clear();
      sessionStorage.clear();
    } catch {
      // about:blank has no storage.
    }
  });
  const errors = (worker.errors = []);
  try {
    if (entry.type === 'story') {
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`);
      await page.waitForFunction(
        () =>
          document.body.classList.contains('sb-show-errordisplay') ||
          ['completed', 'finished', 'errored', 'aborted'].includes(window.__STORYBOOK_PREVIEW__?.currentRender?.phase),
        null,
        { timeout: 20_000 },
      );
      if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
        errors.push(`story error: ${(await page.textContent('#error-message'))?.trim()}`);
      } else {
        await settle(page);
        errors.push(...(await audit(page)));
      }
    } else {
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`);
      await page.waitForFunction(
        () => document.body.classList.contains('sb-show-errordisplay') || (document.body.classList.contains('sb-show-main') && document.querySelector('#storybook-docs .sbdocs-content')),
        null,
        { timeout: 30_000 },
      );
      if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
        errors.push(`docs error: ${(await page.textContent('#error-message'))?.trim()}`);
      }
      await settle(page, 8000);
      // A story that throws on a docs page shows its error in place of the story, without a console error.
      for (const text of await page.$$eval('#storybook-docs .sb-story > pre', (pres) => pres.map((p) => p.textContent ?? ''))) {
        if (/^\w*Error\b/.test(text)) errors.push(`story on the docs page: ${text.split('\n').slice(0, 4).join(' ')}`);
      }
      if (entry.tags?.includes('autodocs') && entry.title.startsWith('Elements/')) {
        // An element's API table comes from custom-elements.json; an empty one means the link broke.
        const rows = await page.evaluate(() => document.querySelectorAll('#storybook-docs .docblock-argstable tbody tr').length);
        if (rows < 5) errors.push(`docs: the ArgTypes table has ${rows} rows`);
      }
    }
    // Give a story's own async work (a catalogue load) a moment to fail loudly if it is going to.
    await page.waitForTimeout(150);
  } catch (e) {
    errors.push(String(e).split('\n')[0]);
  }
  return errors;
}

let passed = 0;
let failed = 0;
const queue = [...entries];
await Promise.all(
  Array.from({ length: workers }, async () => {
    const worker = await openWorkerPage();
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const started = Date.now();
      const errors = await check(worker, entry);
      const name = `${entry.title} › ${entry.name}${entry.type === 'docs' ? ' (docs)' : ''}${process.env.SMOKE_DEBUG ? ` (${Date.now() - started} ms)` : ''}`;
      if (errors.length) {
        failed++;
        console.log(`✗ ${name}\n    ${[...new Set(errors)].join('\n    ')}`);
      } else {
        passed++;
        console.log(`✓ ${name}`);
      }
    }
  }),
);
await browser.close();
server.close();
console.log(`stories: ${passed} passed, ${failed} failed`);
if (out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ passed, failed }));
}
process.exit(failed ? 1 : 0);

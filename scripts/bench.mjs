#!/usr/bin/env node
// Benchmarks with budgets (`npm run bench`). Timings are medians of several runs on this machine;
// sizes are gzip of the built library. Exits non-zero when a budget is exceeded.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const results = [];
function budget(name, value, limit, unit) {
  results.push({ name, value, limit, unit, ok: value <= limit });
}

// 1. Timings, measured in Node through tsx (the same core code the browser runs).
const timing = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/core.ts'], { encoding: 'utf8' });
if (timing.status !== 0) {
  console.error(timing.stderr);
  process.exit(1);
}
for (const [name, ms, limit] of JSON.parse(timing.stdout)) budget(name, ms, limit, 'ms');

// 2. Event streams in Chromium: the transport against bare eventsource-parser on the same bytes.
const { build: esbuild } = await import('esbuild');
const bundle = await esbuild({ entryPoints: ['scripts/bench/sse.browser.ts'], bundle: true, format: 'esm', write: false, target: 'es2022', minify: true });
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto('about:blank');
await page.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
await page.waitForFunction(() => window.__bench, null, { timeout: 240_000 });
const sse = await page.evaluate(() => window.__bench);
await browser.close();
if (sse.error) {
  console.error(sse.error);
  process.exit(1);
}
console.log(`stream: ${(sse.size / 1024 / 1024).toFixed(1)} MB, ${sse.events[0]} events (parser) / ${sse.events[1]} (transport)`);
console.log(`        bare eventsource-parser ${sse.bareMs.toFixed(0)} ms · transport ${sse.transportMs.toFixed(0)} ms (medians of 6)`);
budget('stream parse + deliver: transport time ÷ bare parser time (10 MB, 100,000 events)', sse.transportMs / sse.bareMs, 1.5, '×');

// 3. Sizes of the built library.
const out = '.bench-dist';
const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--mode', 'lib', '--logLevel', 'silent', '--outDir', out, '--emptyOutDir', '--minify'], { encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stderr);
  process.exit(1);
}
const gz = (file) => gzipSync(readFileSync(file)).length / 1024;
const chunks = readdirSync(join(out, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => join(out, 'chunks', f));
const catalogChunk = chunks.find((f) => f.includes('builtin-data'));
budget('built-in catalogue data chunk (gzip, loaded lazily)', gz(catalogChunk), 260, 'kB');

/** gzip kB of an entry and every chunk it imports statically (lazy `import()` chunks excluded). */
function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"();]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) visit(join(file, '..', m[1]));
  };
  visit(entry);
  return [...seen].reduce((n, f) => n + gz(f), 0);
}
// Issue budgets: the full playground ≤ 80 kB gzip without shiki grammars; the chat demo ≤ 40 kB.
// Measured here without lit, @lit/context, zod and yaml (left to the host's bundler).
budget('<coze-api-playground> up front (gzip, all its elements, no lazy chunks)', staticClosure(join(out, 'define/coze-api-playground.js')), 80, 'kB');
budget('<coze-chat-sdk-demo> up front (gzip, no lazy chunks)', staticClosure(join(out, 'define/coze-chat-sdk-demo.js')), 40, 'kB');

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(width)}  ${r.value.toFixed(1).padStart(8)} ${r.unit}  (budget ${r.limit} ${r.unit})`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

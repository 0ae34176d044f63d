#!/usr/bin/env node
// Loads every story of a built Storybook in headless Chromium and fails on any error: an exception,
// a console error, a failed request to the Storybook server, or Storybook's own error display.
//   node scripts/story-smoke.mjs storybook-static [results.json]
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const dir = process.argv[2] ?? 'storybook-static';
const out = process.argv[3];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // Browsers ask for a favicon on their own; Storybook ships none.
  if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
  let file = normalize(join(dir, decodeURIComponent(url.pathname)));
  if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
let passed = 0;
let failed = 0;
for (const story of stories) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    await page.waitForFunction(() => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'), null, { timeout: 20_000 });
    if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
      errors.push(`story error: ${(await page.textContent('#error-message'))?.trim()}`);
    }
    // Give a story's own async work (a catalogue load) a moment to fail loudly if it is going to.
    await page.waitForTimeout(150);
  } catch (e) {
    errors.push(String(e));
  }
  if (errors.length) {
    failed++;
    console.log(`✗ ${story.title} › ${story.name}\n    ${errors.join('\n    ')}`);
  } else {
    passed++;
    console.log(`✓ ${story.title} › ${story.name}`);
  }
  await page.close();
}
await browser.close();
server.close();
console.log(`stories: ${passed} passed, ${failed} failed`);
if (out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ passed, failed }));
}
process.exit(failed ? 1 : 0);

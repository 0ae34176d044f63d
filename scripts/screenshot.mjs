#!/usr/bin/env node
// Takes screenshots of pages in headless Chromium, to look at what was built.
//   node scripts/screenshot.mjs URL OUT.png [--width 1280] [--height 900] [--full] [--eval "js to run first"]
import { chromium } from 'playwright-core';

const [url, out, ...rest] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [--width N] [--height N] [--full] [--eval JS] [--wait MS]');
  process.exit(2);
}
const opt = (name, fallback) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : fallback;
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: Number(opt('width', 1280)), height: Number(opt('height', 900)) } });
page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));
await page.goto(url, { waitUntil: 'networkidle' });
const js = opt('eval');
if (js) await page.evaluate(js);
await page.waitForTimeout(Number(opt('wait', 400)));
await page.screenshot({ path: out, fullPage: rest.includes('--full') });
await browser.close();
console.log(out);

/**
 * The elements under a strict Content-Security-Policy: no `unsafe-eval`, no inline script, no inline
 * style. Every element is bundled with esbuild (ES modules, code splitting) from `src/define/all.ts`
 * through the page script `test/csp/page.ts`, served with the policy below over node:http next to the
 * emulator (at /coze-api), and driven in headless Chromium with playwright-core. The page must render,
 * run an API, highlight sample code, stream a chat reply (whose code block the highlighting worker
 * colours), and the browser must report no policy violation at all.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bundlePage, launchChromium, root, servePage, type PageServer } from './browser-page.js';

const pageDir = join(root, 'test', 'csp');

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
].join('; ');

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

let outDir = '';
let served: PageServer | undefined;
let origin = '';
let browser: Browser;
let page: Page;
const consoleProblems: string[] = [];
const pageErrors: string[] = [];

/** Violations the page saw (the listener is installed before any of the page's own code runs). */
function violations(): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);
}

describe('strict Content-Security-Policy', () => {
  before(async () => {
    // Every element, bundled with esbuild from the page script; the policy goes on every answer (the
    // page's, the scripts' and the worker's).
    outDir = await bundlePage('coze-csp-', { page: 'test/csp/page.ts' }, { conditions: ['browser', 'production'] });
    served = await servePage(outDir, { '/': join(pageDir, 'index.html'), '/page.css': join(pageDir, 'page.css') }, { 'content-security-policy': STRICT_CSP });
    origin = served.origin;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Playwright's init scripts are not subject to the page's policy; this one only listens.
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { __cspViolations: unknown[] }).__cspViolations = seen;
      document.addEventListener(
        'securitypolicyviolation',
        (e) => seen.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` }),
        true,
      );
    });
    page.on('console', (m) => {
      if (/content security policy|unsafe-eval|unsafe-inline|refused to/i.test(m.text())) consoleProblems.push(m.text());
    });
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    await page.goto(`${origin}/#conversations.create`);
    await page.waitForFunction(() => document.body.dataset['ready'] === 'true');
  });

  after(async () => {
    await browser?.close();
    await served?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('the page is served with the strict policy and has no inline script', async () => {
    const response = await page.request.get(`${origin}/`);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
    const html = await response.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'every script has a src');
    assert.doesNotMatch(html, /\sstyle=/i, 'no inline style attribute');
  });

  test('the full playground renders its API tree and the selected API', async () => {
    // The API list is a drawer that stays hidden until the pointer reaches it.
    await page.locator('coze-api-playground [part="open-tree"]').click();
    await page.locator('coze-api-tree [part~="item"]').first().waitFor();
    assert.ok((await page.locator('coze-api-tree [role="treeitem"]').count()) >= 20, 'the groups and their APIs are listed');
    await page.locator('coze-api-form [part="header"]', { hasText: '/v1/conversation/create' }).waitFor();
  });

  test('a run goes to the emulator and its answer shows', async () => {
    await page.locator('coze-api-code [part="run"]').click();
    const summary = page.locator('coze-api-response [part="summary"]');
    await summary.filter({ hasText: '200' }).waitFor();
    await page.locator('coze-api-response [part="json"]').filter({ hasText: '"data"' }).first().waitFor();
  });

  test('sample code is highlighted (its colours apply)', async () => {
    const code = page.locator('coze-api-code [part="code"] pre.shiki:not(.plain)');
    await code.waitFor();
    const colours = await code.evaluate((pre) => new Set([...pre.querySelectorAll('span')].map((s) => getComputedStyle(s).color)).size);
    assert.ok(colours >= 3, `several token colours apply (found ${colours})`);
  });

  test('the raw JSON editor marks the line of a syntax error', async () => {
    const form = page.locator('coze-api-form');
    await form.locator('#tab-json').click();
    const editor = form.locator('[part="json-editor"] textarea');
    await editor.fill('{\n  "name": "csp",\n  oops\n}');
    const marker = form.locator('[part="json-editor"] .error-line');
    await marker.waitFor({ state: 'attached' });
    // The marker sits on line 3: its offset comes from a CSSOM style, which the policy allows.
    assert.notEqual(await marker.evaluate((el) => getComputedStyle(el).top), '0px');
    await editor.fill('{}');
  });

  test('a streamed run shows its event timeline', async () => {
    await page.evaluate(() => (location.hash = '#workflows.runs.stream'));
    await page.locator('coze-api-form [part="header"]', { hasText: '/v1/workflow/stream_run' }).waitFor();
    await page.locator('coze-api-code [part="run"]').click();
    await page.locator('coze-api-response [part="events"]').filter({ hasText: 'Done' }).first().waitFor();
  });

  test('the chat demo streams a reply, and the worker highlights its code block', async () => {
    const demo = page.locator('coze-chat-sdk-demo');
    await demo.locator('[part~="run"]').click();
    await demo.locator('[part~="bubble"]').click();
    const input = demo.locator('textarea.input');
    await input.fill('Hello under a strict policy');
    await input.press('Enter');
    const reply = demo.locator('.msg.bot[aria-busy="false"]');
    await reply.filter({ hasText: 'no model was called' }).waitFor();
    assert.match(await reply.locator('.md').innerText(), /Hello under a strict policy/);
    const block = reply.locator('.code-block pre');
    await block.locator('span').first().waitFor();
    const colours = await block.evaluate((pre) => new Set([...pre.querySelectorAll('span')].map((s) => getComputedStyle(s).color)).size);
    assert.ok(colours >= 2, `the code block's token colours apply (found ${colours})`);
  });

  test('the browser reported no policy violation and no error', async () => {
    assert.deepEqual(await violations(), []);
    assert.deepEqual(consoleProblems, []);
    assert.deepEqual(pageErrors, []);
  });
});

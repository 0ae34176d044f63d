/**
 * The elements under a strict Content-Security-Policy: no `unsafe-eval`, no inline script, no inline
 * style. Every element is bundled with esbuild (ES modules, code splitting) from `src/define/all.ts`
 * through the page script `test/csp/page.ts`, served with the policy below over node:http next to the
 * emulator (at /coze-api), and driven in headless Chromium with playwright-core. The page must render,
 * run an API, highlight sample code, stream a chat reply (whose code block the highlighting worker
 * colours), and the browser must report no policy violation at all.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createEmulator } from '../../src/emulator/index.js';
import { emulatorMiddleware } from '../../src/emulator/node.js';

const root = join(import.meta.dirname, '..', '..');
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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

let outDir = '';
let server: Server;
let origin = '';
let browser: Browser;
let page: Page;
const consoleProblems: string[] = [];
const pageErrors: string[] = [];

/** Bundles the page script and the chat demo's highlighting worker into `outDir`. */
async function bundle(): Promise<void> {
  outDir = mkdtempSync(join(tmpdir(), 'coze-csp-'));
  await build({
    absWorkingDir: root,
    entryPoints: { page: 'test/csp/page.ts', 'highlight.worker': 'src/elements/coze-chat-sdk-demo/highlight.worker.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    conditions: ['browser', 'production'],
    outdir: outDir,
    logLevel: 'silent',
  });
}

function serve(): Promise<void> {
  const emulator = createEmulator({ basePath: '/coze-api', streamDelayMs: 2 });
  const emulatorRoute = emulatorMiddleware(emulator, '/coze-api');
  server = createServer((req, res) => {
    // The policy goes on every answer: the page's, the scripts' and the worker's.
    res.setHeader('content-security-policy', STRICT_CSP);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/coze-api/')) return emulatorRoute(req, res);
    let file: string;
    if (path === '/') file = join(pageDir, 'index.html');
    else if (path === '/page.css') file = join(pageDir, 'page.css');
    // The chat demo starts its worker as `new URL('./highlight.worker.ts', import.meta.url)`; Vite
    // bundles that file by itself, esbuild leaves the URL alone: answer it with the worker bundle.
    else if (path.endsWith('/highlight.worker.ts')) file = join(outDir, 'highlight.worker.js');
    else file = normalize(join(outDir, decodeURIComponent(path)));
    if (!file.startsWith(pageDir + sep) && !file.startsWith(outDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file) === '.ts' ? '.js' : extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

/** Violations the page saw (the listener is installed before any of the page's own code runs). */
function violations(): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);
}

describe('strict Content-Security-Policy', () => {
  before(async () => {
    await bundle();
    await serve();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
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
    await new Promise((r) => server?.close(r));
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

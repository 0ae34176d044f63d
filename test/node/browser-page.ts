/**
 * What the node tests that drive a real page share: bundling a page script (with the chat demo's
 * highlighting worker beside it), serving it over node:http next to the emulator at /coze-api, and
 * launching Debian's Chromium.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { createEmulator } from '../../src/emulator/index.js';
import { emulatorMiddleware } from '../../src/emulator/node.js';

export const root = join(import.meta.dirname, '..', '..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Bundles `entries` (name → file) as ES modules with code splitting into a new temporary folder, with
 * the highlighting worker as `highlight.worker.js`. Returns the folder.
 */
export async function bundlePage(prefix: string, entries: Record<string, string>, options: BuildOptions = {}): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), prefix));
  await build({
    absWorkingDir: root,
    entryPoints: { ...entries, 'highlight.worker': 'src/elements/coze-chat-sdk-demo/highlight.worker.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    outdir,
    logLevel: 'silent',
    ...options,
  });
  return outdir;
}

export interface PageServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the bundle in `outDir` and the `files` given by path (e.g. `/` → an HTML page), with the
 * emulator at /coze-api and `headers` on every answer. Anything else is refused.
 */
export async function servePage(outDir: string, files: Record<string, string>, headers: Record<string, string> = {}): Promise<PageServer> {
  const emulator = createEmulator({ basePath: '/coze-api', streamDelayMs: 2 });
  const emulatorRoute = emulatorMiddleware(emulator, '/coze-api');
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/coze-api/')) return emulatorRoute(req, res);
    let file: string;
    if (files[path]) file = files[path];
    // The chat demo starts its worker as `new URL('./highlight.worker.ts', import.meta.url)`, which
    // esbuild leaves alone: answer it with the worker bundle.
    else if (path.endsWith('/highlight.worker.ts')) file = join(outDir, 'highlight.worker.js');
    else file = normalize(join(outDir, decodeURIComponent(path)));
    if (!Object.values(files).includes(file) && !file.startsWith(outDir + sep)) {
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    server,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Debian's Chromium (or `CHROMIUM_PATH`), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

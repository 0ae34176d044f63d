/**
 * The bench's HTTP server: the production-built bench pages, the emulator at /coze-api, the documents
 * under /data (the built-in catalogue exported as OpenAPI, the 5,000-entry catalogue and its OpenAPI
 * export) and the comparison tools' files under /vendor (RapiDoc, Swagger UI).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { loadBuiltinCatalog } from '../../src/catalog/index.js';
import { exportOpenApi } from '../../src/core/openapi/export.js';
import { createEmulator } from '../../src/emulator/index.js';
import { emulatorMiddleware } from '../../src/emulator/node.js';
import { benchCatalog } from './catalog.js';

const root = resolve(import.meta.dirname, '../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** Files of the comparison tools, served as their packages ship them. */
const VENDOR: Record<string, string> = {
  '/vendor/rapidoc-min.js': 'node_modules/rapidoc/dist/rapidoc-min.js',
  '/vendor/swagger-ui-bundle.js': 'node_modules/swagger-ui-dist/swagger-ui-bundle.js',
  '/vendor/swagger-ui.css': 'node_modules/swagger-ui-dist/swagger-ui.css',
};

export interface BenchServer {
  url: string;
  /** Sizes of the served documents, bytes. */
  documents: Record<string, number>;
  close(): Promise<void>;
}

/**
 * Starts the server. `built` is the directory of the Vite-built pages; `pages` holds the pages served
 * as they are (the RapiDoc and Swagger UI ones).
 */
export async function startBenchServer(built: string, pages: string): Promise<BenchServer> {
  const builtin = await loadBuiltinCatalog();
  const big = benchCatalog(5000);
  const data: Record<string, string> = {
    '/data/openapi-builtin.json': JSON.stringify(exportOpenApi(builtin)),
    '/data/catalog-5000.json': JSON.stringify(big),
    '/data/openapi-5000.json': JSON.stringify(exportOpenApi(big)),
  };
  // Streams as fast as the server can write them: the client must keep up with the burst.
  const emulator = emulatorMiddleware(createEmulator({ basePath: '/coze-api', streamDelayMs: 0 }), '/coze-api');

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://bench').pathname);
    if (path.startsWith('/coze-api/')) return emulator(req, res);
    if (data[path] !== undefined) return send(res, 200, TYPES['.json']!, data[path]);
    const vendor = VENDOR[path];
    const file = vendor ? join(root, vendor) : path.endsWith('.raw.html') ? join(pages, path) : join(built, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(root + sep) && !file.startsWith(built + sep)) return send(res, 403, 'text/plain', 'forbidden');
    readFile(file).then(
      (body) => send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body),
      () => send(res, 404, 'text/plain', 'not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    documents: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.byteLength(v)])),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * Hosting the emulator in Node: a plain `http` server (the standalone `npm run emulator`) and a
 * Connect-style middleware (mounted in Vite's dev and preview servers by `npm start`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createEmulator, type Emulator, type EmulatorOptions } from './index.js';

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) headers.append(k, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  res.writeHead(response.status, headers);
  // Event streams go out event by event: flush each chunk as it comes.
  res.flushHeaders();
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on('close', () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((r) => res.once('drain', r));
  }
  res.end();
}

/** `(req, res, next)` middleware answering every request under `basePath` from the emulator. */
export function emulatorMiddleware(emulator: Emulator, basePath = '') {
  return (req: IncomingMessage, res: ServerResponse, next?: () => void): void => {
    if (basePath && !(req.url ?? '').startsWith(basePath)) return next?.();
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    emulator
      .handle(toRequest(req, origin, abort.signal))
      .then((response) => send(res, response))
      .catch(() => {
        // The `reset` fault, or a dropped client: end the connection without an answer.
        res.destroy();
      });
  };
}

export interface StartedEmulator {
  url: string;
  server: Server;
  emulator: Emulator;
  close(): Promise<void>;
}

/** Start a standalone emulator on `port` (0 picks a free one). */
export async function startEmulatorServer(port = 0, host = '127.0.0.1', options: EmulatorOptions = {}): Promise<StartedEmulator> {
  const emulator = createEmulator(options);
  const server = createServer(emulatorMiddleware(emulator));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    server,
    emulator,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Responses as Coze sends them: the envelope, `x-tt-logid`, event streams, CORS. */
import type { Faults } from './faults.js';

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, x-coze-emulator-fault, agw-js-conv, x-trace-id, accept',
  'access-control-expose-headers': 'x-tt-logid, content-length, content-type',
  'access-control-max-age': '600',
};

/** One record of an event stream as it goes on the wire. */
export interface SseRecord {
  event: string;
  data: string;
  id?: string;
}

export interface StreamOptions {
  /** Pause before each record, in ms (the emulated generation speed). */
  delayMs?: number;
  signal?: AbortSignal;
}

const encoder = new TextEncoder();

function baseHeaders(logid: string, extra: Record<string, string> = {}): Headers {
  return new Headers({ ...CORS_HEADERS, 'x-tt-logid': logid, ...extra });
}

/** A JSON response with the log id header. */
export function jsonResponse(body: unknown, logid: string, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: baseHeaders(logid, { 'content-type': 'application/json; charset=utf-8' }) });
}

/** `{code: 0, msg: '', data, detail: {logid}}` plus any top-level extras (message/list's `has_more`…). */
export function envelope(logid: string, data: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { code: 0, msg: '', ...(data === undefined ? {} : { data }), ...extra, detail: { logid } };
}

/** A Coze business error: HTTP 200 by default, like the service, with the code in the body. */
export function errorBody(logid: string, code: number, msg: string): Record<string, unknown> {
  return { code, msg, detail: { logid } };
}

function serialize(record: SseRecord): string {
  const lines = [];
  if (record.id !== undefined) lines.push(`id: ${record.id}`);
  lines.push(`event: ${record.event}`);
  for (const line of record.data.split('\n')) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

/** Waits `ms`, or less if `signal` aborts. The abort listener is removed either way (no pile-up on long streams). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A `text/event-stream` response fed from `records` as they are produced. Faults shape it: `slow`
 * spaces events out, `cut-after` ends it early without `done`, `stall-after` keeps it open and silent.
 */
export function sseResponse(records: AsyncIterable<SseRecord> | Iterable<SseRecord>, logid: string, faults: Faults, options: StreamOptions = {}): Response {
  const iterator = (Symbol.asyncIterator in records ? (records as AsyncIterable<SseRecord>)[Symbol.asyncIterator]() : (records as Iterable<SseRecord>)[Symbol.iterator]()) as AsyncIterator<SseRecord> | Iterator<SseRecord>;
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (cancelled) return;
      if (faults.cutAfter !== undefined && sent >= faults.cutAfter) {
        // As when the client goes away: the producer stops where it was (a chat is left canceled).
        cancelled = true;
        void iterator.return?.();
        controller.close();
        return;
      }
      if (faults.stallAfter !== undefined && sent >= faults.stallAfter) {
        // Silent until the client gives up (its abort cancels this stream).
        await sleep(3_600_000, options.signal);
        if (!cancelled) controller.close();
        return;
      }
      const delay = faults.slowMs ?? options.delayMs ?? 0;
      if (sent > 0) await sleep(delay, options.signal);
      const next = await iterator.next();
      if (cancelled) return;
      if (next.done) {
        controller.close();
        return;
      }
      sent++;
      controller.enqueue(encoder.encode(serialize(next.value)));
    },
    cancel() {
      cancelled = true;
      void iterator.return?.();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: baseHeaders(logid, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' }),
  });
}

/** The HTML page a gateway answers with when it fails (what a client gets instead of JSON). */
export function htmlErrorPage(logid: string, status = 502): Response {
  const body = `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>emulated gateway</center></body></html>`;
  return new Response(body, { status, headers: baseHeaders(logid, { 'content-type': 'text/html; charset=utf-8' }) });
}

/** A JSON body cut in the middle. */
export function brokenJson(logid: string): Response {
  return new Response('{"code":0,"msg":"","data":{"id":"74400000000', { status: 200, headers: baseHeaders(logid, { 'content-type': 'application/json; charset=utf-8' }) });
}

/** A valid JSON envelope of about `mb` megabytes, streamed out in pieces. */
export function bigJson(logid: string, mb: number): Response {
  const item = JSON.stringify({ id: '7440000000000000001', content: 'x'.repeat(1000) });
  const count = Math.max(1, Math.round((mb * 1024 * 1024) / (item.length + 1)));
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i === 0) controller.enqueue(encoder.encode('{"code":0,"msg":"","data":['));
      const end = Math.min(count, i + 500);
      let chunk = '';
      for (; i < end; i++) chunk += (i ? ',' : '') + item;
      controller.enqueue(encoder.encode(chunk));
      if (i >= count) {
        controller.enqueue(encoder.encode(`],"detail":{"logid":"${logid}"}}`));
        controller.close();
      }
    },
  });
  return new Response(stream, { status: 200, headers: baseHeaders(logid, { 'content-type': 'application/json; charset=utf-8' }) });
}

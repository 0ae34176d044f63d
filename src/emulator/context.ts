/** What a handler gets for one request: the parsed request, the state, and Coze-style answers. */
import type { EndpointEntry } from '../core/catalog/schema.js';
import type { RequestValues } from '../core/request/validate.js';
import type { Faults } from './faults.js';
import { envelope, errorBody, jsonResponse, sleep, sseResponse, type SseRecord, type StreamOptions } from './http.js';
import type { EmulatorState } from './state.js';

export type Handler = (ctx: EmulatorContext) => Response | Promise<Response>;

/** Handlers by catalogue entry id (`chat.create`…), or by `METHOD /path` for routes outside the catalogue. */
export type HandlerMap = Record<string, Handler>;

export class EmulatorContext {
  readonly url: URL;
  readonly method: string;
  /** The path below the emulator's mount point, e.g. `/v3/chat`. */
  readonly path: string;
  /** Path parameters by name (`{conversation_id}` → value). */
  params: Record<string, string> = {};
  /** The parsed JSON body (an object), or the multipart fields (strings and files). */
  body: Record<string, unknown> = {};
  form: FormData | undefined;
  readonly logid: string;
  /** The bearer token (already checked). Never echoed back. */
  token = '';

  constructor(
    readonly request: Request,
    path: string,
    readonly state: EmulatorState,
    readonly faults: Faults,
    readonly entry: EndpointEntry | undefined,
    readonly signal: AbortSignal,
    /** Pause between streamed events unless a handler asks otherwise (the emulator's `streamDelayMs`). */
    readonly streamDelayMs = 30,
  ) {
    this.url = new URL(request.url);
    this.method = request.method.toUpperCase();
    this.path = path;
    this.logid = state.nextLogId();
  }

  get query(): URLSearchParams {
    return this.url.searchParams;
  }

  /** A string input from the body, else the query (several Coze APIs accept either). */
  input(name: string): string | undefined {
    const fromBody = this.body[name];
    if (fromBody !== undefined && fromBody !== null) return typeof fromBody === 'string' ? fromBody : String(fromBody);
    return this.query.get(name) ?? undefined;
  }

  /** The request's values by location, for `validateRequest`. */
  values(): RequestValues {
    const query: Record<string, unknown> = {};
    for (const [k, v] of this.query) query[k] = query[k] === undefined ? v : ([] as unknown[]).concat(query[k], v);
    const header: Record<string, unknown> = {};
    this.request.headers.forEach((v, k) => (header[k] = v));
    return { path: this.params, query, header, body: this.body };
  }

  /** Success in the standard envelope; `extra` adds top-level keys (e.g. `first_id`, `has_more`). */
  ok(data?: unknown, extra: Record<string, unknown> = {}): Response {
    return jsonResponse(envelope(this.logid, data, extra), this.logid);
  }

  /** A body without the envelope (OAuth endpoints, message/modify's `message`…): `detail.logid` is added. */
  raw(body: Record<string, unknown>, status = 200): Response {
    return jsonResponse({ ...body, detail: { logid: this.logid } }, this.logid, status);
  }

  /** A Coze business error. HTTP 200 unless given (auth errors are 401/403, unknown paths 404). */
  fail(code: number, msg: string, status = 200): Response {
    return jsonResponse(errorBody(this.logid, code, msg), this.logid, status);
  }

  /** A `text/event-stream` answer; faults (slow, cut-after, stall-after) apply. */
  stream(records: AsyncIterable<SseRecord> | Iterable<SseRecord>, options: StreamOptions = {}): Response {
    return sseResponse(records, this.logid, this.faults, { signal: this.signal, delayMs: this.streamDelayMs, ...options });
  }

  /** Sleep that ends early when the client goes away. */
  sleep(ms: number): Promise<void> {
    return sleep(ms, this.signal);
  }
}

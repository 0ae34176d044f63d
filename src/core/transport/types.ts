/** How requests reach Coze: the request a form builds, and the run the transport gives back. */
import type { LocalizedText } from '../catalog/schema.js';

export type Region = 'cn' | 'com';

export const REGION_BASE_URLS: Readonly<Record<Region, string>> = {
  cn: 'https://api.coze.cn',
  com: 'https://api.coze.com',
};

/** A token, or a function that returns one; it is asked again with `refresh: true` after a 4100/4101. */
export type TokenProvider = string | ((request: { refresh: boolean }) => string | undefined | Promise<string | undefined>);

export type QueryValue = string | number | boolean;

export type RequestBody =
  | { kind: 'none' }
  /** `text` keeps the exact JSON the user typed (big integers stay exact); `value` is sent otherwise. */
  | { kind: 'json'; value: unknown; text?: string }
  | { kind: 'multipart'; fields: Array<{ name: string; value: string | Blob; filename?: string }> }
  | { kind: 'binary'; data: Blob | ArrayBuffer | Uint8Array; contentType: string };

/** One request, before it is sent: what the form produces and the transport consumes. */
export interface DraftRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template with `{name}` parameters, e.g. `/v1/conversations/{conversation_id}`. */
  path: string;
  pathParams?: Record<string, string | number>;
  /** Arrays become repeated keys (`?a=1&a=2`). */
  query?: Record<string, QueryValue | QueryValue[] | undefined>;
  headers?: Record<string, string>;
  body?: RequestBody;
  /** `www` for browser pages (OAuth authorize); everything else is `api`. */
  host?: 'api' | 'www';
}

export interface SendOptions {
  signal?: AbortSignal;
  /** Overrides the transport's timeout (ms until the response headers arrive). */
  timeoutMs?: number;
  /** Overrides the idle timeout (ms without a byte while reading the body or a stream). */
  idleTimeoutMs?: number;
  /**
   * Event names that end a stream normally (`done`, `Done` for Coze). A stream that closes without one
   * is reported as cut. An empty list turns the check off (for streams that just end).
   */
  streamEndEvents?: readonly string[];
}

/** One parsed Server-Sent Event, with when it arrived. `data` is the raw text; `json()` parses it once. */
export interface StreamEvent {
  index: number;
  event: string;
  data: string;
  id?: string;
  /** Milliseconds from the start of the run. */
  at: number;
  /** The data as JSON (`undefined` when it is not JSON, e.g. a bare `[DONE]`). */
  json(): unknown;
}

export type ErrorKind =
  /** The request could not be built (a path parameter of "." or "..", a bad base URL…). */
  | 'request'
  | 'network'
  | 'cors'
  | 'timeout'
  | 'aborted'
  | 'http'
  | 'coze'
  | 'parse'
  | 'stream-cut'
  /** The stream itself reported a failure (`event: error`, `conversation.chat.failed`, workflow `Error`). */
  | 'stream-error';

/** An error as a value: what happened and what to do, in both languages, with the facts. */
export interface TransportError {
  kind: ErrorKind;
  message: LocalizedText;
  hint?: LocalizedText;
  status?: number;
  /** The Coze code (`code`, `error_code` or the OAuth error string). */
  code?: number | string;
  /** The service's own message (`msg`), shown as is. */
  serviceMessage?: string;
  logid?: string;
}

export type ResponseBody =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown; text: string }
  | { kind: 'text'; text: string; contentType: string }
  | { kind: 'binary'; blob: Blob; contentType: string }
  | { kind: 'sse' };

/** What was actually sent, safe to show and keep: the token is never in it. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as text (JSON), a list of multipart fields, or a size for binary data. */
  body?: string | Array<{ name: string; value: string; file?: { name: string; size: number; type: string } }> | { size: number; contentType: string };
}

export type RunState = 'pending' | 'streaming' | 'done' | 'error';

/** One send: request, response, timing, body or events, and the error if any. */
export interface Run {
  id: string;
  state: RunState;
  request: SentRequest;
  status?: number;
  statusText?: string;
  headers: Record<string, string>;
  contentType?: string;
  logid?: string;
  /** Epoch ms when the request left. */
  startedAt: number;
  /** Time to the response headers, ms. */
  ttfbMs?: number;
  /** Time to the first stream event, ms. */
  firstEventMs?: number;
  totalMs?: number;
  /** Bytes of the response body received so far. */
  size: number;
  body?: ResponseBody;
  /** Stream events, in arrival order (append-only while streaming). */
  events: StreamEvent[];
  /** The envelope's `code` / `msg` when the body has them. */
  coze?: { code: number | string; msg: string };
  error?: TransportError;
}

export interface RunHandle {
  readonly id: string;
  /** The run as it is now; the same object is updated as data arrives (read it, do not change it). */
  readonly run: Run;
  /** Resolves when the run has finished (never rejects: failures are in `run.error`). */
  readonly done: Promise<Run>;
  /** Stream events as they arrive, from the first one (replays those already received). */
  events(): AsyncIterable<StreamEvent>;
  /** Called after every change (headers, each event, completion). Returns an unsubscribe function. */
  subscribe(listener: (run: Run) => void): () => void;
  abort(): void;
}

/** The interface elements use, through context. */
export interface Transport {
  send(request: DraftRequest, options?: SendOptions): RunHandle;
  /** The URL a request goes to (for links, copy-as-curl, and opening browser pages). */
  urlFor(request: DraftRequest): string;
}

export interface FetchTransportOptions {
  region?: Region;
  /** Any base URL (e.g. a self-hosted Coze Studio, or the local emulator); wins over `region`. */
  baseUrl?: string;
  /** Send requests to this URL instead; the proxy forwards them to the base URL (sent as `x-coze-base-url`). */
  proxyUrl?: string;
  token?: TokenProvider;
  fetch?: typeof fetch;
  /** Ms until the response headers arrive (default 60 s). */
  timeoutMs?: number;
  /** Ms of silence allowed while reading a body or stream (default 60 s). */
  idleTimeoutMs?: number;
  /** Added to every request (a request's own headers win). */
  headers?: Record<string, string>;
}

/**
 * The fetch transport: builds the URL and body of a draft request, sends it, and turns what comes
 * back into a {@link Run} — status, headers, timing, size, log id, the decoded body, or the parsed
 * events of a stream as they arrive. Failures are values (`run.error`) with a kind and an explanation.
 */
import { createParser } from 'eventsource-parser';
import type {
  DraftRequest,
  FetchTransportOptions,
  ResponseBody,
  Run,
  RunHandle,
  SendOptions,
  SentRequest,
  StreamEvent,
  Transport,
  TransportError,
} from './types.js';
import { REGION_BASE_URLS } from './types.js';

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_IDLE_MS = 60_000;
// A workflow that stops at a question node ends its stream with Interrupt (it is resumed by another call).
const COZE_STREAM_END = ['done', 'Done', 'Interrupt'];
const REDACTED = 'Bearer ‹token hidden›';

/** Thrown inside a send to stop it with a given error; never escapes. */
class Stop extends Error {
  constructor(readonly error: TransportError) {
    super(error.message.en);
  }
}

const text = (zh: string, en: string) => ({ zh, en });

class StreamEventImpl implements StreamEvent {
  private parsed: { value: unknown } | undefined;
  constructor(
    readonly index: number,
    readonly event: string,
    readonly data: string,
    readonly at: number,
    readonly id?: string,
  ) {}
  json(): unknown {
    if (!this.parsed) {
      let value: unknown;
      try {
        value = JSON.parse(this.data);
      } catch {
        value = undefined;
      }
      this.parsed = { value };
    }
    return this.parsed.value;
  }
}

/** The longest the transport works on buffered chunks before it lets the page render and take input. */
const SLICE_MS = 10;
/** The most bytes of a network chunk handled in one go (a fast server can send megabytes at once). */
const PIECE_BYTES = 32 * 1024;
const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Resolves in a new task: `scheduler.yield()` where there is one, else a message-channel turn. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Encodes one path parameter so that it can never change the path: `/`, `?`, `#`, `%` are escaped. */
function encodeSegment(name: string, value: string | number): string {
  const s = String(value);
  if (s === '.' || s === '..') {
    throw new Stop({
      kind: 'request',
      message: text(`路径参数 ${name} 不能是 "${s}"。`, `The path parameter ${name} cannot be "${s}".`),
      hint: text('"." 和 ".." 会改变请求路径，请填写真实的 ID。', '"." and ".." would change the request path; enter a real id.'),
    });
  }
  return encodeURIComponent(s);
}

/** Sets a header, or stops the send with an explanation when the value cannot be sent (a line break, non-Latin-1 text). */
function setHeader(headers: Headers, name: string, value: string): void {
  try {
    headers.set(name, value);
  } catch {
    throw new Stop({
      kind: 'request',
      message: text(`请求头 ${name} 无法发送：名称或值含有请求头不允许的字符（换行或非 ASCII 字符）。`, `The header ${name} cannot be sent: its name or value has characters a request header cannot carry (line breaks or non-ASCII characters).`),
      hint: text('请求头只能包含 ASCII 文本；其他内容请先编码（例如 URL 编码）。', 'Headers carry ASCII text only; encode anything else first (for example URL-encode it).'),
    });
  }
}

function isBrowserPage(): boolean {
  return typeof globalThis.location !== 'undefined' && typeof globalThis.document !== 'undefined';
}

let runCounter = 0;

export class FetchTransport implements Transport {
  constructor(private readonly options: FetchTransportOptions = {}) {}

  /** The base URL requests are built on (before a proxy). */
  get baseUrl(): string {
    let base = this.options.baseUrl || REGION_BASE_URLS[this.options.region ?? 'cn'];
    // A path such as "/coze-api" means this page's own server (the demo's emulator).
    if (base.startsWith('/') && typeof globalThis.location !== 'undefined') base = `${globalThis.location.origin}${base}`;
    return base.replace(/\/+$/, '');
  }

  urlFor(request: DraftRequest): string {
    let base = this.baseUrl;
    if (request.host === 'www') base = base.replace('://api.', '://www.').replace('://api-', '://www-');
    const path = request.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = request.pathParams?.[name];
      if (value === undefined || value === '') {
        throw new Stop({ kind: 'request', message: text(`缺少路径参数 ${name}。`, `The path parameter ${name} is missing.`) });
      }
      return encodeSegment(name, value);
    });
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) query.append(key, String(v));
    }
    const qs = query.toString();
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  }

  send(request: DraftRequest, options: SendOptions = {}): RunHandle {
    return new RunController(this.options, this, request, options);
  }
}

class RunController implements RunHandle {
  readonly id = `run-${++runCounter}`;
  readonly run: Run;
  readonly done: Promise<Run>;
  private readonly listeners = new Set<(run: Run) => void>();
  private readonly abortController = new AbortController();
  private wake: (() => void) | undefined;
  private readonly started = typeof performance !== 'undefined' ? performance.now() : Date.now();

  constructor(
    private readonly options: FetchTransportOptions,
    private readonly transport: FetchTransport,
    private readonly draft: DraftRequest,
    private readonly sendOptions: SendOptions,
  ) {
    this.run = { id: this.id, state: 'pending', request: { method: draft.method, url: '', headers: {} }, headers: {}, startedAt: Date.now(), size: 0, events: [] };
    if (sendOptions.signal?.aborted) this.abortController.abort();
    sendOptions.signal?.addEventListener('abort', () => this.abort(), { once: true });
    this.done = this.execute().then(() => this.run);
  }

  abort(): void {
    this.abortController.abort();
  }

  subscribe(listener: (run: Run) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async *events(): AsyncIterable<StreamEvent> {
    let next = 0;
    for (;;) {
      while (next < this.run.events.length) yield this.run.events[next++]!;
      if (this.run.state === 'done' || this.run.state === 'error') return;
      await new Promise<void>((resolve) => {
        const previous = this.wake;
        this.wake = () => {
          previous?.();
          resolve();
        };
      });
    }
  }

  private elapsed(): number {
    return (typeof performance !== 'undefined' ? performance.now() : Date.now()) - this.started;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
    for (const listener of this.listeners) {
      try {
        listener(this.run);
      } catch (err) {
        // A listener's bug must not break the run; report it where a developer sees it.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  private finish(error?: TransportError): void {
    if (error && !this.run.error) this.run.error = error;
    this.run.totalMs = this.elapsed();
    this.run.state = this.run.error ? 'error' : 'done';
    this.notify();
  }

  private async execute(): Promise<void> {
    try {
      let response = await this.attempt(false);
      if (await this.needsFreshToken(response)) response = await this.attempt(true);
      await this.readResponse(response);
      await this.explainCode();
      this.finish();
    } catch (err) {
      this.finish(err instanceof Stop ? err.error : this.classify(err, 'body'));
    }
  }

  /**
   * A Coze error code gets its meaning and what to do, from a table loaded the first time a code
   * comes back (most pages never need it).
   */
  private async explainCode(): Promise<void> {
    const error = this.run.error;
    if (error?.kind !== 'coze' && error?.kind !== 'stream-error') return;
    const code = typeof error.code === 'number' ? error.code : typeof error.code === 'string' && /^\d+$/.test(error.code) ? Number(error.code) : undefined;
    if (code === undefined || code === 0) return;
    try {
      const { explainCozeCode } = await import('./codes.js');
      const meaning = explainCozeCode(code);
      error.message = meaning.meaning;
      if (meaning.action) error.hint = meaning.action;
    } catch {
      // The table could not load (e.g. the network went away): the generic message stays.
    }
  }

  private async token(refresh: boolean): Promise<string | undefined> {
    const provider = this.options.token;
    if (typeof provider === 'function') {
      try {
        return (await provider({ refresh })) || undefined;
      } catch (err) {
        throw new Stop({ kind: 'request', message: text('获取访问令牌失败。', 'Getting the access token failed.'), serviceMessage: (err as Error)?.message });
      }
    }
    return provider || undefined;
  }

  /** Sends once; resolves with the response (headers received) or throws a Stop. */
  private async attempt(refresh: boolean): Promise<Response> {
    const url = this.transport.urlFor(this.draft);
    const target = this.options.proxyUrl ? `${this.options.proxyUrl.replace(/\/+$/, '')}${url.slice(new URL(url).origin.length)}` : url;
    const token = (await this.token(refresh))?.trim();
    const headers = new Headers(this.options.headers);
    for (const [k, v] of Object.entries(this.draft.headers ?? {})) setHeader(headers, k, v);
    if (token && !headers.has('authorization')) {
      // Never name the value: it is a secret.
      if (!/^[\x21-\x7e]+$/.test(token)) {
        throw new Stop({
          kind: 'request',
          message: text('访问令牌含有不能放进请求头的字符（空格、换行或非 ASCII 字符）。', 'The access token has characters that cannot go in a request header (spaces, line breaks or non-ASCII characters).'),
          hint: text('重新复制令牌，只复制令牌本身。', 'Copy the token again, and only the token.'),
        });
      }
      headers.set('authorization', `Bearer ${token}`);
    }
    if (this.options.proxyUrl) headers.set('x-coze-base-url', new URL(url).origin);
    const { body, preview } = this.encodeBody(headers);
    this.run.request = this.sentRequest(target, headers, preview);
    this.run.startedAt = Date.now();
    this.notify();

    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    const timeoutMs = this.sendOptions.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const attemptAbort = new AbortController();
    const onAbort = () => attemptAbort.abort();
    this.abortController.signal.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attemptAbort.abort();
    }, timeoutMs);
    try {
      const response = await doFetch(target, { method: this.draft.method, headers, body, signal: attemptAbort.signal });
      this.run.ttfbMs = this.elapsed();
      return response;
    } catch (err) {
      if (timedOut) throw new Stop(this.timeoutError(timeoutMs, 'headers'));
      throw new Stop(await this.classifyFetchFailure(err, target, doFetch));
    } finally {
      clearTimeout(timer);
      this.abortController.signal.removeEventListener('abort', onAbort);
    }
  }

  /** A 4100/4101 with a token function: ask it for a fresh token and try once more. */
  private async needsFreshToken(response: Response): Promise<boolean> {
    if (typeof this.options.token !== 'function') return false;
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('json')) return false;
    const body = (await response.clone().json().catch(() => undefined)) as { code?: unknown } | undefined;
    const code = body?.code;
    if (code === 4100 || code === 4101 || ((response.status === 401 || response.status === 403) && code === undefined)) {
      void response.body?.cancel().catch(() => undefined);
      return true;
    }
    return false;
  }

  private encodeBody(headers: Headers): { body: BodyInit | undefined; preview: SentRequest['body'] } {
    const b = this.draft.body ?? { kind: 'none' };
    switch (b.kind) {
      case 'none':
        return { body: undefined, preview: undefined };
      case 'json': {
        const json = b.text ?? JSON.stringify(b.value);
        if (!headers.has('content-type')) headers.set('content-type', 'application/json');
        return { body: json, preview: json };
      }
      case 'multipart': {
        const form = new FormData();
        const preview: Array<{ name: string; value: string; file?: { name: string; size: number; type: string } }> = [];
        for (const field of b.fields) {
          if (typeof field.value === 'string') {
            form.append(field.name, field.value);
            preview.push({ name: field.name, value: field.value });
          } else {
            const name = field.filename ?? (field.value as File).name ?? 'blob';
            form.append(field.name, field.value, name);
            preview.push({ name: field.name, value: name, file: { name, size: field.value.size, type: field.value.type } });
          }
        }
        // The browser sets multipart/form-data with its boundary.
        headers.delete('content-type');
        return { body: form, preview };
      }
      case 'binary': {
        headers.set('content-type', b.contentType);
        const size = b.data instanceof Blob ? b.data.size : b.data.byteLength;
        return { body: b.data as BodyInit, preview: { size, contentType: b.contentType } };
      }
    }
  }

  private sentRequest(url: string, headers: Headers, body: SentRequest['body']): SentRequest {
    const shown: Record<string, string> = {};
    headers.forEach((value, key) => (shown[key] = key === 'authorization' ? REDACTED : value));
    return { method: this.draft.method, url, headers: shown, ...(body !== undefined ? { body } : {}) };
  }

  private async readResponse(response: Response): Promise<void> {
    const run = this.run;
    run.status = response.status;
    run.statusText = response.statusText;
    response.headers.forEach((v, k) => (run.headers[k] = v));
    run.contentType = response.headers.get('content-type') ?? undefined;
    run.logid = response.headers.get('x-tt-logid') ?? undefined;
    const type = (run.contentType ?? '').toLowerCase();
    if (type.includes('text/event-stream') && response.ok) {
      run.state = 'streaming';
      run.body = { kind: 'sse' };
      this.notify();
      await this.readStream(response);
      return;
    }
    this.notify();
    const bytes = await this.readAll(response);
    run.body = this.decode(bytes, type);
    this.checkBody(response.status, type);
  }

  /** Reads the whole body, counting bytes, with the idle timeout between chunks. */
  private async readAll(response: Response): Promise<Uint8Array> {
    if (!response.body) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    await this.pump(response.body, (chunk) => chunks.push(chunk));
    if (chunks.length === 1) return chunks[0]!;
    const all = new Uint8Array(this.run.size);
    let offset = 0;
    for (const c of chunks) {
      all.set(c, offset);
      offset += c.length;
    }
    return all;
  }

  private async pump(body: ReadableStream<Uint8Array>, onChunk: (chunk: Uint8Array) => void): Promise<void> {
    const reader = body.getReader();
    const idleMs = this.sendOptions.idleTimeoutMs ?? this.options.idleTimeoutMs ?? DEFAULT_IDLE_MS;
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => reject(new Stop(this.abortedError()));
      if (this.abortController.signal.aborted) onAbort();
      this.abortController.signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);
    let slice = now();
    try {
      for (;;) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const idle = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Stop(this.timeoutError(idleMs, 'idle'))), idleMs);
        });
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await Promise.race([reader.read(), idle, aborted]);
        } finally {
          clearTimeout(timer);
        }
        if (result.done) return;
        this.run.size += result.value.byteLength;
        // Chunks already buffered resolve as microtasks of one task, and one chunk can hold megabytes:
        // a fast stream would hold the main thread until it ends. Work in pieces, and give the page a
        // turn every few milliseconds.
        const chunk = result.value;
        for (let at = 0; at < chunk.byteLength; at += PIECE_BYTES) {
          onChunk(chunk.byteLength <= PIECE_BYTES ? chunk : chunk.subarray(at, at + PIECE_BYTES));
          if (now() - slice > SLICE_MS) {
            await yieldToPage();
            slice = now();
          }
        }
      }
    } catch (err) {
      void reader.cancel().catch(() => undefined);
      throw err instanceof Stop ? err : new Stop(this.classify(err, 'body'));
    }
  }

  private async readStream(response: Response): Promise<void> {
    const run = this.run;
    const endEvents = this.sendOptions.streamEndEvents ?? COZE_STREAM_END;
    let ended = false;
    // Events parsed from one chunk arrived together: one timestamp and one notification per chunk
    // keeps long streams cheap (100,000 events must not mean 100,000 re-renders).
    let chunkAt = 0;
    const parser = createParser({
      onEvent: (message) => {
        const name = message.event ?? 'message';
        const event = new StreamEventImpl(run.events.length, name, message.data, chunkAt, message.id);
        run.events.push(event);
        if (endEvents.includes(name)) ended = true;
        if (name === 'error' || name === 'Error' || name === 'conversation.chat.failed') this.noteStreamFailure(event);
      },
    });
    const decoder = new TextDecoder();
    if (!response.body) return;
    const feed = (textChunk: string) => {
      const before = run.events.length;
      parser.feed(textChunk);
      if (run.events.length !== before) {
        if (run.firstEventMs === undefined) run.firstEventMs = chunkAt;
        this.notify();
      }
    };
    try {
      await this.pump(response.body, (chunk) => {
        chunkAt = this.elapsed();
        feed(decoder.decode(chunk, { stream: true }));
      });
    } finally {
      // Coze may end with a last event that has no blank line (or even no newline) after it: end the
      // pending line and event so it is dispatched. A stream that ended cleanly has nothing pending.
      feed(`${decoder.decode()}\n\n`);
    }
    if (!ended && endEvents.length && !run.error) {
      run.error = {
        kind: 'stream-cut',
        message: text(`事件流在结束事件前中断了（已收到 ${run.events.length} 个事件）。`, `The stream stopped before its end event (${run.events.length} event(s) received).`),
        hint: text('连接可能被网络或代理切断；已收到的内容保留在下方。可以重试。', 'The network or a proxy may have cut the connection; what arrived is kept below. You can retry.'),
        ...(run.logid ? { logid: run.logid } : {}),
      };
    }
  }

  /** `event: error`, `conversation.chat.failed` and workflow `Error` report failures inside a stream. */
  private noteStreamFailure(event: StreamEvent): void {
    if (this.run.error) return;
    const data = event.json() as Record<string, unknown> | undefined;
    const lastError = (data?.['last_error'] as Record<string, unknown> | undefined) ?? data;
    const rawCode = lastError?.['code'] ?? lastError?.['error_code'];
    const code = typeof rawCode === 'string' && /^\d+$/.test(rawCode) ? Number(rawCode) : (rawCode as number | string | undefined);
    const msg = (lastError?.['msg'] ?? lastError?.['error_message']) as string | undefined;
    this.run.error = {
      kind: 'stream-error',
      message: text('事件流报告了错误。', 'The stream reported an error.'),
      ...(code !== undefined && code !== 0 ? { code } : {}),
      ...(msg ? { serviceMessage: msg } : {}),
      ...(this.run.logid ? { logid: this.run.logid } : {}),
    };
  }

  private decode(bytes: Uint8Array, type: string): ResponseBody {
    if (bytes.byteLength === 0) return { kind: 'empty' };
    const contentType = type || 'application/octet-stream';
    if (/^(audio|video|image)\/|application\/(octet-stream|pdf|zip)/.test(type)) {
      return { kind: 'binary', blob: new Blob([bytes as BlobPart], { type: contentType }), contentType };
    }
    const body = new TextDecoder().decode(bytes);
    if (type.includes('json') || (!type && /^\s*[{[]/.test(body))) {
      try {
        return { kind: 'json', value: JSON.parse(body), text: body };
      } catch (err) {
        this.run.error = {
          kind: 'parse',
          message: text('响应声明为 JSON，但内容无法解析。', 'The response says it is JSON, but it cannot be parsed.'),
          hint: text('原文显示在下方；这通常是响应被截断或代理改写了内容。', 'The raw text is shown below; usually the body was cut short or rewritten by a proxy.'),
          serviceMessage: (err as Error).message,
          ...(this.run.status ? { status: this.run.status } : {}),
          ...(this.run.logid ? { logid: this.run.logid } : {}),
        };
        return { kind: 'text', text: body, contentType };
      }
    }
    return { kind: 'text', text: body, contentType };
  }

  /** Envelope codes and HTTP statuses become errors. */
  private checkBody(status: number, type: string): void {
    const run = this.run;
    const body = run.body;
    if (body?.kind === 'json' && body.value && typeof body.value === 'object' && !Array.isArray(body.value)) {
      const v = body.value as Record<string, unknown>;
      const code = v['code'] ?? v['error_code'] ?? (typeof v['error'] === 'string' ? v['error'] : undefined);
      const msg = (v['msg'] ?? v['error_message'] ?? v['error_description'] ?? '') as string;
      const detail = v['detail'] as { logid?: unknown } | undefined;
      if (!run.logid && typeof detail?.logid === 'string') run.logid = detail.logid;
      if (code !== undefined && code !== 0 && code !== '0') {
        run.coze = { code: code as number | string, msg };
        if (!run.error) run.error = this.cozeError(code as number | string, msg, status);
        return;
      }
      if (code === 0) run.coze = { code: 0, msg };
    }
    // fetch follows redirects itself: a 3xx that reaches here could not be followed (no Location).
    if (status >= 300 && !run.error) {
      const html = type.includes('text/html');
      run.error = {
        kind: 'http',
        status,
        message: text(`服务返回 HTTP ${status}${run.statusText ? ` ${run.statusText}` : ''}。`, `The service answered HTTP ${status}${run.statusText ? ` ${run.statusText}` : ''}.`),
        hint: html
          ? text('返回的是 HTML 错误页而不是 JSON：通常来自网关或代理，而不是扣子 API 本身。稍后重试，或检查基础 URL/代理设置。', 'An HTML error page came back instead of JSON: usually from a gateway or proxy, not the Coze API itself. Retry later, or check the base URL / proxy setting.')
          : status >= 500
            ? text('服务端出错，稍后重试。', 'A server-side failure; retry later.')
            : status < 400
              ? text('这是一个无法跟随的重定向（没有 Location）：通常来自代理或错误的基础 URL。', 'A redirect that could not be followed (no Location): usually from a proxy or a wrong base URL.')
              : text('检查请求地址、方法和参数。', 'Check the URL, method and parameters.'),
        ...(run.logid ? { logid: run.logid } : {}),
      };
    }
  }

  private cozeError(code: number | string, msg: string, status: number): TransportError {
    return {
      kind: 'coze',
      code,
      status,
      message: text(`扣子返回了错误：${code}`, `Coze answered with an error: ${code}`),
      ...(msg ? { serviceMessage: msg } : {}),
      ...(this.run.logid ? { logid: this.run.logid } : {}),
    };
  }

  private abortedError(): TransportError {
    return { kind: 'aborted', message: text('请求已取消。', 'The request was canceled.'), hint: text('已收到的内容保留在下方。', 'Whatever arrived is kept below.') };
  }

  private timeoutError(ms: number, phase: 'headers' | 'idle'): TransportError {
    const seconds = Math.round(ms / 100) / 10;
    return phase === 'headers'
      ? { kind: 'timeout', message: text(`${seconds} 秒内没有收到响应。`, `No response within ${seconds} s.`), hint: text('服务可能繁忙或网络不通；可以重试，或调大超时。', 'The service may be busy or unreachable; retry, or raise the timeout.') }
      : { kind: 'timeout', message: text(`响应在 ${seconds} 秒内没有新数据，已停止等待。`, `The response went silent for ${seconds} s, so the wait was stopped.`), hint: text('已收到的内容保留在下方；可以重试。', 'What arrived is kept below; you can retry.') };
  }

  private classify(err: unknown, phase: 'body'): TransportError {
    if (this.abortController.signal.aborted) return this.abortedError();
    return {
      kind: 'network',
      message: text(phase === 'body' ? '读取响应时连接中断。' : '网络请求失败。', phase === 'body' ? 'The connection broke while the response was being read.' : 'The network request failed.'),
      hint: text('检查网络后重试。', 'Check the network and retry.'),
      serviceMessage: (err as Error)?.message,
    };
  }

  /**
   * `fetch` rejects with the same TypeError for "offline" and "blocked by CORS". A no-cors probe tells
   * them apart: if an opaque request to the same URL gets through, the server is reachable and the
   * browser refused to show us the answer, which is CORS.
   */
  private async classifyFetchFailure(err: unknown, url: string, doFetch: typeof fetch): Promise<TransportError> {
    if (this.abortController.signal.aborted) return this.abortedError();
    const network: TransportError = {
      kind: 'network',
      message: text('无法连接到服务。', 'Could not reach the service.'),
      hint: text('检查网络、基础 URL 和区域设置后重试。', 'Check the network, the base URL and the region, then retry.'),
      serviceMessage: (err as Error)?.message,
    };
    if (!isBrowserPage() || this.options.fetch) return network;
    let crossOrigin = true;
    try {
      crossOrigin = new URL(url, globalThis.location.href).origin !== globalThis.location.origin;
    } catch {
      return network;
    }
    if (!crossOrigin) return network;
    try {
      await doFetch(url, { mode: 'no-cors', method: 'GET', signal: AbortSignal.timeout(5000) });
    } catch {
      return network;
    }
    return {
      kind: 'cors',
      message: text('浏览器拦截了这个跨域请求（CORS）。', 'The browser blocked this cross-origin request (CORS).'),
      hint: text('服务器可达，但它没有允许本页面的来源读取响应。请在设置中填写一个代理 URL，由代理（你的服务端）转发请求到扣子 API。', 'The server is reachable, but it does not allow this page’s origin to read the answer. Set a proxy URL in the settings: a proxy on your server forwards requests to the Coze API.'),
      serviceMessage: (err as Error)?.message,
    };
  }
}

/**
 * The Coze emulator: one `(Request) => Promise<Response>` handler over in-memory state that speaks
 * the real protocol (envelope, `x-tt-logid`, auth errors, parameter errors, pagination, event
 * streams). It runs anywhere `fetch` types exist: in a browser as an injectable `fetch`, in Node's
 * http server (`npm run emulator`), and inside Vite's dev server (`npm start`).
 *
 * Endpoints with emulated behaviour live in `handlers/`; every other catalogue endpoint validates its
 * required parameters and answers with the catalogue's example.
 */
import { loadBuiltinCatalog } from '../catalog/index.js';
import type { Catalog, EndpointEntry } from '../core/catalog/schema.js';
import { validateRequest } from '../core/request/validate.js';
import { EmulatorContext, type Handler, type HandlerMap } from './context.js';
import { FAULT_HEADER, mergeFaults, parseFaults, type Faults } from './faults.js';
import { bigJson, brokenJson, CORS_HEADERS, errorBody, htmlErrorPage, jsonResponse } from './http.js';
import { handlers as builtinHandlers } from './handlers/index.js';
import { seed } from './seed.js';
import { EmulatorState, type Clock } from './state.js';

export { EmulatorContext, type Handler, type HandlerMap } from './context.js';
export { FAULT_HEADER, parseFaults, type Faults } from './faults.js';
export { EmulatorState } from './state.js';

export interface EmulatorOptions {
  /** The catalogue that defines the routes; the built-in one by default. */
  catalog?: Catalog | Promise<Catalog>;
  /** Faults applied to every request (on top of the request's own fault header). */
  faults?: Faults;
  /** Pause between streamed events, in ms (default 30: fast, but visibly incremental). */
  streamDelayMs?: number;
  /** Where time comes from (tests pass a fixed clock). */
  clock?: Clock;
  /** Extra or replacement handlers, by catalogue id or `METHOD /path`. */
  handlers?: HandlerMap;
  /** Path prefix the emulator is mounted at (e.g. `/coze-api` inside the demo server). */
  basePath?: string;
}

export interface Emulator {
  /** Answer one request. Rejects only to emulate a dropped connection (the `reset` fault). */
  handle(request: Request): Promise<Response>;
  /** The emulator as a drop-in `fetch` (for the browser, or any code that takes a `fetch`). */
  fetch: typeof fetch;
  readonly state: EmulatorState;
  /** Settings handlers read (stream speed). */
  readonly options: Readonly<EmulatorOptions>;
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  entry?: EndpointEntry;
  key: string;
  /** Literal segments outweigh parameters: `/v1/plugins/mget` wins over `/v1/plugins/{plugin_id}`. */
  weight: number;
}

function compile(method: string, path: string, key: string, entry?: EndpointEntry): Route {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const m = /^\{([^}]+)\}$/.exec(segment);
      if (m) {
        names.push(m[1]!);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { method, pattern: new RegExp(`^${source}/?$`), names, key, weight: names.length, ...(entry ? { entry } : {}) };
}

/** Routes outside the catalogue that Coze serves and the SDKs call. */
const EXTRA_ROUTES: Array<[string, string]> = [['GET', '/v1/users/me']];

/**
 * Methods the service also accepts for a catalogue endpoint, because official SDKs send them (the
 * docs' method is the catalogue's): coze-js and coze-py retrieve chats with POST, coze-java messages.
 */
const METHOD_ALIASES: Array<[string, string]> = [
  ['POST', 'chat.retrieve'],
  ['POST', 'conversations.messages.retrieve'],
];

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const state = new EmulatorState(options.clock);
  seed(state);
  const handlers: HandlerMap = { ...builtinHandlers, ...options.handlers };
  const basePath = (options.basePath ?? '').replace(/\/$/, '');
  const routesReady = Promise.resolve(options.catalog ?? loadBuiltinCatalog()).then((catalog) => {
    const routes: Route[] = [];
    for (const e of catalog.entries) if (e.kind === 'endpoint' && e.host !== 'www') routes.push(compile(e.method === 'WS' ? 'GET' : e.method, e.path, e.id, e));
    for (const [method, path] of EXTRA_ROUTES) routes.push(compile(method, path, `${method} ${path}`));
    for (const [method, id] of METHOD_ALIASES) {
      const entry = catalog.entries.find((e): e is EndpointEntry => e.kind === 'endpoint' && e.id === id);
      if (entry) routes.push(compile(method, entry.path, id, entry));
    }
    return routes.sort((a, b) => a.weight - b.weight);
  });

  async function handle(request: Request): Promise<Response> {
    const faults = mergeFaults(options.faults, parseFaults(request.headers.get(FAULT_HEADER)));
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS_HEADERS });
    const url = new URL(request.url);
    let path = url.pathname;
    if (basePath && path.startsWith(basePath)) path = path.slice(basePath.length) || '/';
    const routes = await routesReady;
    const method = request.method.toUpperCase();
    let route: Route | undefined;
    let match: RegExpExecArray | null = null;
    for (const r of routes) {
      if (r.method !== method) continue;
      match = r.pattern.exec(path);
      if (match) {
        route = r;
        break;
      }
    }
    const abort = new AbortController();
    request.signal?.addEventListener('abort', () => abort.abort(), { once: true });
    const ctx = new EmulatorContext(request, path, state, faults, route?.entry, abort.signal, options.streamDelayMs ?? 30);
    if (faults.latencyMs) {
      await ctx.sleep(faults.latencyMs);
      // Latency is the way there: a client that gave up meanwhile (a timeout) never reached the service.
      if (abort.signal.aborted) throw new TypeError('the client went away during the injected latency');
    }
    if (faults.reset) throw new TypeError('connection reset by the emulator (fault injection)');
    if (faults.html) return htmlErrorPage(ctx.logid, faults.status ?? 502);
    if (faults.status) {
      // With a code, a Coze error at that HTTP status; without one, a bare status as a gateway gives it.
      if (faults.code !== undefined) return jsonResponse(errorBody(ctx.logid, faults.code, codeMessage(faults.code)), ctx.logid, faults.status);
      return new Response(`emulated HTTP ${faults.status}`, { status: faults.status, headers: { ...CORS_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'x-tt-logid': ctx.logid } });
    }
    if (!route || !match) {
      const known = routes.some((r) => r.pattern.test(path));
      return known
        ? ctx.fail(4000, `invalid request: ${method} is not allowed on ${path}`, 405)
        : ctx.fail(4200, `resource not found: there is no API at ${method} ${path}`, 404);
    }
    route.names.forEach((name, i) => (ctx.params[name] = safeDecode(match![i + 1]!)));
    const denied = authorize(ctx, route.entry);
    if (denied) return denied;
    if (faults.code !== undefined) return ctx.fail(faults.code, codeMessage(faults.code), faults.code === 4100 ? 401 : faults.code === 4101 ? 403 : 200);
    if (route.entry?.method === 'WS') return ctx.fail(4000, `${path} is a WebSocket API: connect to wss://ws.coze.cn${path} with an Upgrade request`, 426);
    const parsed = await readBody(ctx, route.entry);
    if (parsed) return parsed;
    if (route.entry) {
      const problems = validateRequest(route.entry, ctx.values(), { deep: false });
      if (problems[0]) return ctx.fail(4000, `invalid parameter: ${problems[0].message.en}`);
    }
    if (faults.brokenJson) return brokenJson(ctx.logid);
    if (faults.bigMb) return bigJson(ctx.logid, faults.bigMb);
    const handler: Handler = handlers[route.key] ?? fallback;
    return handler(ctx);
  }

  const emulator: Emulator = {
    handle,
    fetch: (input, init) => handle(new Request(input, init)),
    state,
    options,
  };
  return emulator;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Coze's answers for a missing, malformed or unauthorised token. OAuth token endpoints take none. */
function authorize(ctx: EmulatorContext, entry: EndpointEntry | undefined): Response | undefined {
  if (entry?.group === 'auth') return undefined;
  const header = ctx.request.headers.get('authorization');
  if (!header) return ctx.fail(4100, 'authentication is invalid: the request has no Authorization header (expected "Bearer <access token>")', 401);
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) return ctx.fail(4100, 'authentication is invalid: the Authorization header must be "Bearer <access token>"', 401);
  const token = m[1]!;
  if (token.length < 8 || /[^\w.\-~+/=]/.test(token)) return ctx.fail(700012006, 'access token invalid', 401);
  if (/^(pat|sat|czs)_expired/i.test(token)) return ctx.fail(4100, 'authentication is invalid: the access token has expired or was deleted', 401);
  if (/^(pat|sat|czs)_readonly/i.test(token) && entry?.mutates) return ctx.fail(4101, 'the token has no permission for this operation: it lacks the scope for this API', 403);
  ctx.token = token;
  return undefined;
}

/** Parses the body into `ctx.body` (JSON or multipart); answers 4000 for a body that cannot be read. */
async function readBody(ctx: EmulatorContext, entry: EndpointEntry | undefined): Promise<Response | undefined> {
  const type = ctx.request.headers.get('content-type') ?? '';
  if (ctx.method === 'GET' || ctx.method === 'HEAD') return undefined;
  if (type.includes('multipart/form-data')) {
    try {
      ctx.form = await ctx.request.formData();
    } catch {
      return ctx.fail(4000, 'invalid parameter: the multipart body could not be read');
    }
    for (const [k, v] of ctx.form) ctx.body[k] = v;
    return undefined;
  }
  const text = await ctx.request.text();
  if (!text.trim()) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) ctx.body = parsed as Record<string, unknown>;
    else return ctx.fail(4000, 'invalid parameter: the request body must be a JSON object');
  } catch {
    return ctx.fail(4000, `invalid parameter: the request body is not valid JSON${entry?.requestBody === 'multipart' ? ' (this API takes multipart/form-data)' : ''}`);
  }
  return undefined;
}

/** Every catalogue endpoint without emulated behaviour: its example, with this request's log id. */
function fallback(ctx: EmulatorContext): Response {
  const entry = ctx.entry;
  if (!entry) return ctx.fail(4200, `resource not found: ${ctx.method} ${ctx.path}`, 404);
  if (entry.response.kind === 'binary') return ctx.fail(4000, 'this emulated API returns no audio sample', 501);
  const example = entry.response.example;
  if (example === undefined || example === null) return ctx.ok(undefined);
  const body = JSON.parse(JSON.stringify(example)) as Record<string, unknown>;
  if (body && typeof body === 'object' && 'detail' in body) body['detail'] = { logid: ctx.logid };
  return jsonResponse(body, ctx.logid);
}

function codeMessage(code: number): string {
  const known: Record<number, string> = {
    4000: 'invalid parameter (emulated)',
    4100: 'authentication is invalid (emulated)',
    4101: 'the token has no permission for this resource (emulated)',
    4200: 'resource not found (emulated)',
    4015: 'the bot is not published to the API channel (emulated)',
    4016: 'the conversation already has a chat in progress (emulated)',
    5000: 'internal server error (emulated)',
  };
  return known[code] ?? `emulated error ${code}`;
}

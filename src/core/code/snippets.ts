/**
 * Raw-HTTP sample code for any API: a draft request becomes a HAR request, and `httpsnippet-lite`
 * turns that into curl, Python requests, fetch, axios, Go net/http, OkHttp, PHP, C#… The token is a
 * placeholder unless the caller passes the real one (only when the user chose to reveal it).
 *
 * `httpsnippet-lite` (all of its targets, ~100 kB) loads with `import()` on first use.
 */
import type { EndpointEntry } from '../catalog/schema.js';
import type { DraftRequest, QueryValue } from '../transport/types.js';

/** What the sample code shows instead of the access token. */
export const TOKEN_PLACEHOLDER = '{{COZE_API_TOKEN}}';

/** The environment variable SDK samples read the token from. */
export const TOKEN_ENV = 'COZE_API_TOKEN';

/** A HAR 1.2 request, as much of it as snippet generation reads. */
export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: Array<{ name: string; value: string }>;
  headers: Array<{ name: string; value: string }>;
  queryString: Array<{ name: string; value: string }>;
  headersSize: number;
  bodySize: number;
  postData?: {
    mimeType: string;
    text?: string;
    params?: Array<{ name: string; value?: string; fileName?: string; contentType?: string }>;
  };
}

/** The HTTP clients sample code is offered in: `httpsnippet-lite` target and client ids. */
export const HTTP_CLIENTS = {
  curl: { target: 'shell', client: 'curl', options: { indent: '  ' } },
  pythonRequests: { target: 'python', client: 'requests', options: {} },
  jsFetch: { target: 'javascript', client: 'fetch', options: {} },
  nodeFetch: { target: 'node', client: 'fetch', options: {} },
  nodeAxios: { target: 'node', client: 'axios', options: {} },
  goNative: { target: 'go', client: 'native', options: { showBoilerplate: true } },
  javaOkHttp: { target: 'java', client: 'okhttp', options: {} },
  phpGuzzle: { target: 'php', client: 'guzzle', options: {} },
  csharpHttpClient: { target: 'csharp', client: 'httpclient', options: {} },
  http: { target: 'http', client: 'http1.1', options: {} },
} as const;

export type HttpClientId = keyof typeof HTTP_CLIENTS;

export interface HarOptions {
  /**
   * The URL the request goes to, without its query (the transport's `urlFor` of the request with no
   * query). A relative URL (an emulator mounted at `/coze-api`) is resolved against `baseUrl`.
   */
  url: string;
  /** The real token, only when the user revealed it; the placeholder otherwise. */
  token?: string | undefined;
  /** For relative URLs; defaults to the page's address. */
  baseUrl?: string;
}

/** A URL made absolute (snippets need a host), against the page's address by default. */
export function absoluteUrl(url: string, base?: string): string {
  try {
    return new URL(url, base ?? globalThis.location?.href ?? 'http://localhost/').toString();
  } catch {
    return url;
  }
}

function queryPairs(query: DraftRequest['query']): Array<{ name: string; value: string }> {
  const pairs: Array<{ name: string; value: string }> = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value as QueryValue]) pairs.push({ name, value: String(v) });
  }
  return pairs;
}

/** The JSON text a draft sends: the user's own text when they edited it raw, else the pretty value. */
export function jsonBodyText(body: Extract<DraftRequest['body'], { kind: 'json' }>): string {
  if (body.text !== undefined) return body.text;
  return body.value === undefined ? '' : JSON.stringify(body.value, null, 2);
}

/**
 * A draft request as HAR: method, URL and query, the Authorization header (placeholder unless a
 * revealed token is given), the draft's own headers, a JSON body as text, multipart fields with
 * file names (file contents are never read into the sample).
 */
export function toHar(request: DraftRequest, options: HarOptions): HarRequest {
  const url = absoluteUrl(options.url, options.baseUrl);
  const headers: Array<{ name: string; value: string }> = [{ name: 'Authorization', value: `Bearer ${options.token || TOKEN_PLACEHOLDER}` }];
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (name.toLowerCase() === 'authorization') continue;
    headers.push({ name, value });
  }
  const har: HarRequest = {
    method: request.method,
    url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    queryString: queryPairs(request.query),
    headersSize: -1,
    bodySize: -1,
  };
  const body = request.body;
  switch (body?.kind) {
    case undefined:
    case 'none':
      break;
    case 'json':
      headers.push({ name: 'Content-Type', value: 'application/json' });
      har.postData = { mimeType: 'application/json', text: jsonBodyText(body) };
      break;
    case 'multipart':
      headers.push({ name: 'Content-Type', value: 'multipart/form-data' });
      har.postData = {
        mimeType: 'multipart/form-data',
        params: body.fields.map((f) =>
          typeof f.value === 'string'
            ? { name: f.name, value: f.value }
            : { name: f.name, value: '', fileName: f.filename ?? (f.value instanceof File ? f.value.name : 'file'), contentType: f.value.type || 'application/octet-stream' },
        ),
      };
      break;
    case 'binary':
      headers.push({ name: 'Content-Type', value: body.contentType });
      har.postData = { mimeType: body.contentType, text: '' };
      break;
    default: {
      const never: never = body;
      void never;
    }
  }
  return har;
}

/** A placeholder path for a required file the user has not chosen yet. */
export const FILE_PLACEHOLDER = 'path/to/file';

/**
 * The request with a placeholder file for each required file field left empty, so that the sample
 * shows where the file goes (`-F 'file=@path/to/file'`) before one is chosen.
 */
export function withFilePlaceholders(entry: EndpointEntry, request: DraftRequest): DraftRequest {
  if (request.body?.kind !== 'multipart') return request;
  const fields = [...request.body.fields];
  for (const p of entry.params) {
    if (p.in !== 'body' || p.type !== 'file' || !p.required || fields.some((f) => f.name === p.name)) continue;
    fields.push({ name: p.name, value: new Blob([]), filename: FILE_PLACEHOLDER });
  }
  return { ...request, body: { kind: 'multipart', fields } };
}

type SnippetLibrary = Pick<typeof import('httpsnippet-lite'), 'HTTPSnippet'>;

let loadLibrary: () => Promise<SnippetLibrary> = () => import('httpsnippet-lite');
let library: Promise<SnippetLibrary> | undefined;

/**
 * Supplies `httpsnippet-lite` some other way. Bundlers (Vite, Rollup, webpack) load it as is; a dev
 * server that serves `node_modules` untransformed cannot, because one of its dependencies
 * (`stringify-object`) is CommonJS. Such an environment can load the library's CommonJS build itself
 * and hand it over here.
 */
export function setSnippetLibrary(load: () => Promise<SnippetLibrary>): void {
  loadLibrary = load;
  library = undefined;
}

/** Sample code for a HAR request in one HTTP client (curl, Python requests, Go net/http…). */
export async function httpSnippet(har: HarRequest, client: HttpClientId): Promise<string> {
  library ??= loadLibrary();
  // A failed load (an offline chunk) is tried again next time.
  library.catch(() => (library = undefined));
  const { HTTPSnippet } = await library;
  const { target, client: clientId, options } = HTTP_CLIENTS[client];
  // The library's HAR type is the npm `har-format` one; ours is the subset it reads.
  const snippet = new HTTPSnippet(structuredClone(har) as unknown as ConstructorParameters<typeof HTTPSnippet>[0]);
  const out = await snippet.convert(target as Parameters<typeof snippet.convert>[0], clientId, options);
  const code = Array.isArray(out) ? out.join('\n\n') : (out ?? '');
  return code.replace(/\s+$/, '') + '\n';
}

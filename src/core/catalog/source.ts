/**
 * Where a catalogue comes from: the built-in one, an object a host passes, or a URL of a catalogue
 * JSON or an OpenAPI 3 document (JSON or YAML). All of them end as a validated {@link Catalog}.
 */
import { loadBuiltinCatalog } from '../../catalog/index.js';
import type { CatalogLoadError } from '../../context/index.js';
import { importOpenApi } from '../openapi/import.js';
import { parseDocument } from '../openapi/parse.js';
import { OpenApiError } from '../openapi/refs.js';
import { CatalogError, parseCatalog } from './load.js';
import type { Catalog } from './schema.js';

/** A catalogue could not be fetched (network, CORS, HTTP status). */
export class CatalogFetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Could not fetch ${url}: ${reason}`);
    this.name = 'CatalogFetchError';
  }
}

/** An OpenAPI document, told apart from a catalogue by its version key. */
function isOpenApi(data: unknown): boolean {
  return data !== null && typeof data === 'object' && ('openapi' in data || 'swagger' in data);
}

/** A parsed object → catalogue: imported when it is an OpenAPI document, validated when it is a catalogue. */
export function catalogFromData(data: unknown, source = 'catalogue'): Catalog {
  return isOpenApi(data) ? importOpenApi(data, { source }).catalog : parseCatalog(data, source);
}

export interface FetchCatalogOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** Fetch a catalogue JSON or an OpenAPI document (JSON or YAML) and turn it into a catalogue. */
export async function fetchCatalog(url: string, options: FetchCatalogOptions = {}): Promise<Catalog> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(url, { signal: options.signal, headers: { accept: 'application/json, application/yaml, text/yaml, */*' } });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new CatalogFetchError(url, `${(err as Error).message || 'network error'} (offline, or blocked by CORS: the server must allow this page's origin)`);
  }
  if (!response.ok) throw new CatalogFetchError(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  const text = await response.text();
  return catalogFromData(await parseDocument(text, url), url);
}

/**
 * The catalogue a provider's `catalog` setting names: the built-in one when empty, a fetched document
 * for a URL, or the given object (a catalogue or an OpenAPI document).
 */
export function loadCatalogSource(source: unknown, options: FetchCatalogOptions = {}): Promise<Catalog> {
  if (source === null || source === undefined || source === '') return loadBuiltinCatalog();
  if (typeof source === 'string') return fetchCatalog(source, options);
  return Promise.resolve().then(() => catalogFromData(source, 'catalog property'));
}

/** Why a catalogue did not load, in a form elements can render in either language. */
export function describeCatalogError(err: unknown, source: string): CatalogLoadError {
  if (err instanceof CatalogError || err instanceof OpenApiError) return { kind: 'invalid', source, problems: err.problems };
  if (err instanceof CatalogFetchError) return { kind: 'fetch', source: err.url, reason: err.reason, problems: [] };
  return { kind: 'other', source, reason: err instanceof Error ? err.message : String(err), problems: [] };
}

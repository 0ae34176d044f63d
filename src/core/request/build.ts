/**
 * From what a user typed to a request: the draft values a form holds for one API, their first values,
 * and the {@link DraftRequest} the transport sends and the sample code shows.
 */
import type { EndpointEntry, Param, Schema } from '../catalog/schema.js';
import type { DraftRequest, QueryValue } from '../transport/types.js';
import type { RequestValues } from './validate.js';

/**
 * A form's values for one API, by location. Body values are JSON values (and `File`s for multipart).
 * `bodyText` is set while the raw JSON editor is the source of truth (it may not parse yet).
 */
export interface DraftValues extends RequestValues {
  bodyText?: string;
}

/** Values a host supplies for parameters by name (e.g. `bot_id` of its demo bot), used for first values. */
export type Presets = Record<string, unknown>;

export function emptyValues(): DraftValues {
  return { path: {}, query: {}, header: {}, body: {} };
}

/**
 * The values a form starts with: presets by name, then documented defaults, then (for required
 * parameters) the catalogue's example, so that a first Run is a meaningful request.
 */
export function initialValues(entry: EndpointEntry, presets: Presets = {}): DraftValues {
  const values = emptyValues();
  for (const p of entry.params) {
    const start = presets[p.name] ?? p.default ?? (p.required ? p.example : undefined);
    if (start !== undefined && p.type !== 'file') values[p.in][p.name] = structuredClone(start);
  }
  return values;
}

/** Removes what a user left empty: blank strings, empty objects and arrays, nulls. */
export function prune(value: unknown): unknown {
  if (value === '' || value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof Blob !== 'undefined' && value instanceof Blob) return value;
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const kept = prune(v);
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/**
 * The JSON body a draft sends: the raw text when the user edits it, else the pruned form values. With
 * the entry, a required object the user left empty is still sent, as `{}` (a chatflow's `parameters`):
 * the service wants it there, and pruning would drop it.
 */
export function bodyJson(values: DraftValues, entry?: EndpointEntry): { value: unknown; text: string } | { error: string } {
  if (values.bodyText !== undefined) {
    try {
      return { value: JSON.parse(values.bodyText), text: values.bodyText };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }
  const value = (prune(values.body) ?? {}) as Record<string, unknown>;
  for (const p of entry?.params ?? []) {
    const left = values.body[p.name];
    if (p.in === 'body' && p.required && p.type === 'object' && !(p.name in value) && left && typeof left === 'object' && !Array.isArray(left)) value[p.name] = {};
  }
  return { value, text: JSON.stringify(value, null, 2) };
}

function toQueryValue(param: Param | Schema, value: unknown): QueryValue | QueryValue[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== '' && v !== undefined && v !== null).map((v) => (typeof v === 'object' ? JSON.stringify(v) : (v as QueryValue)));
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  if (param.type === 'boolean' && typeof value === 'string') return value === 'true';
  return value as QueryValue;
}

/**
 * The request a draft describes. Throws nothing: values that cannot be sent (invalid raw JSON) are
 * reported by {@link bodyJson}; callers validate first.
 */
export function buildRequest(entry: EndpointEntry, values: DraftValues): DraftRequest {
  if (entry.method === 'WS') throw new Error(`${entry.id} is a WebSocket API; it cannot be sent as an HTTP request`);
  const request: DraftRequest = { method: entry.method, path: entry.path, host: entry.host === 'www' ? 'www' : 'api' };
  const pathParams: Record<string, string> = {};
  const query: Record<string, QueryValue | QueryValue[]> = {};
  const headers: Record<string, string> = {};
  for (const p of entry.params) {
    const value = values[p.in][p.name];
    if (p.in === 'path' && value !== undefined && value !== '') pathParams[p.name] = String(value);
    if (p.in === 'query') {
      const q = toQueryValue(p, value);
      if (q !== undefined) query[p.name] = q;
    }
    if (p.in === 'header' && value !== undefined && value !== '') headers[p.name] = String(value);
  }
  if (Object.keys(pathParams).length) request.pathParams = pathParams;
  if (Object.keys(query).length) request.query = query;
  if (Object.keys(headers).length) request.headers = headers;
  if (entry.requestBody === 'json') {
    const body = bodyJson(values, entry);
    request.body = 'error' in body ? { kind: 'json', value: undefined, text: values.bodyText ?? '' } : { kind: 'json', value: body.value, ...(values.bodyText !== undefined ? { text: body.text } : {}) };
  } else if (entry.requestBody === 'multipart') {
    const fields: Array<{ name: string; value: string | Blob; filename?: string }> = [];
    for (const p of entry.params) {
      if (p.in !== 'body') continue;
      const value = values.body[p.name];
      if (value === undefined || value === null || value === '') continue;
      if (typeof Blob !== 'undefined' && value instanceof Blob) fields.push({ name: p.name, value, ...(value instanceof File ? { filename: value.name } : {}) });
      else fields.push({ name: p.name, value: typeof value === 'object' ? JSON.stringify(value) : String(value) });
    }
    request.body = { kind: 'multipart', fields };
  }
  return request;
}

/**
 * What a request form does to draft values, without any UI: read and write a value at a field path,
 * turn typed text into the value a schema wants (keeping big integers exact), keep the raw JSON body
 * and the body fields in step, and name fields the way validation problems name them.
 */
import type { EndpointEntry, ParamLocation, Schema } from '../catalog/schema.js';
import type { DraftValues } from '../request/build.js';
import { jsonErrorOffset } from '../json-offset.js';

/** A step into a value: an object key or an array index. */
export type Segment = string | number;

/** Where a value lives in a draft: its location and the steps inside it (`body`, `['messages', 0, 'role']`). */
export interface FieldPath {
  in: ParamLocation;
  segments: Segment[];
}

/**
 * The name validation uses for a field: `body.additional_messages[0].role`. Problems from
 * `validateRequest` carry exactly this, so a form can put each message at its field.
 */
export function pathKey(path: FieldPath): string {
  let out: string = path.in;
  for (const s of path.segments) out += typeof s === 'number' ? `[${s}]` : `.${s}`;
  return out;
}

/** A DOM id for a field path (ids allow few characters; every other one is escaped). */
export function fieldDomId(key: string): string {
  return `f-${key.replace(/[^a-zA-Z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}

export function getIn(root: unknown, segments: readonly Segment[]): unknown {
  let node = root;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}

/**
 * A copy of `root` with the value at `segments` replaced (or removed, for `undefined`). Missing
 * containers are created as arrays for numeric steps and objects otherwise. The input is not changed.
 */
export function setIn(root: unknown, segments: readonly Segment[], value: unknown): unknown {
  if (!segments.length) return value;
  const [head, ...rest] = segments as [Segment, ...Segment[]];
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    // An emptied item keeps its place (remove items with `withoutItem`).
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const obj: Record<string, unknown> = root && typeof root === 'object' && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  const next = setIn(obj[head], rest, value);
  if (next === undefined) delete obj[head];
  else obj[head] = next;
  return obj;
}

/** The draft with one value replaced. Editing a body field hands the body back to the fields (`bodyText` goes). */
export function withValue(values: DraftValues, path: FieldPath, value: unknown): DraftValues {
  const bag = setIn(values[path.in], path.segments, value) as Record<string, unknown> | undefined;
  const next: DraftValues = { ...values, [path.in]: bag ?? {} };
  if (path.in === 'body') delete next.bodyText;
  return next;
}

/** The draft with one item of the array at `path` removed. */
export function withoutItem(values: DraftValues, path: FieldPath, index: number): DraftValues {
  const list = getIn(values[path.in], path.segments);
  return withValue(values, path, Array.isArray(list) ? list.filter((_, i) => i !== index) : []);
}

/** The draft with one key of a map renamed, keeping its place among the others. */
export function withRenamedKey(values: DraftValues, path: FieldPath, from: string, to: string): DraftValues {
  const map = getIn(values[path.in], path.segments);
  const entries = map && typeof map === 'object' && !Array.isArray(map) ? Object.entries(map as Record<string, unknown>) : [];
  const renamed = Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v]));
  return withValue(values, path, renamed);
}

/**
 * Typed text → the value a numeric field keeps. A number when the text is exactly how that number
 * prints (so `12` → 12); otherwise the text itself, so that `1.`, `-` and 19-digit ids are not
 * rounded or reformatted while typing (validation says what is wrong with text that is not a number).
 */
export function numberFromText(text: string, schema: Pick<Schema, 'type' | 'format'>): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || String(n) !== trimmed) return text;
  if (schema.type === 'integer' && !Number.isSafeInteger(n)) return trimmed;
  return n;
}

/** How a value shows in a text input. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

export interface JsonParseError {
  message: string;
  /** 1-based, when the browser's message gave a position (or the input simply ended). */
  line?: number;
  column?: number;
  /** 0-based offset into the text. */
  offset?: number;
}

/**
 * `JSON.parse` that keeps integers beyond 2^53 exact, as strings (where the browser offers the source
 * text of each value), and reports a failure with its line and column when the message has a position.
 */
export function parseJsonExact(text: string): { value: unknown } | { error: JsonParseError } {
  try {
    const reviver = function (this: unknown, _key: string, value: unknown, context?: { source?: string }): unknown {
      if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source)) return context.source;
      return value;
    };
    return { value: JSON.parse(text, reviver as (key: string, value: unknown) => unknown) };
  } catch (err) {
    return { error: jsonError(text, (err as Error).message) };
  }
}

function jsonError(text: string, message: string): JsonParseError {
  const lineCol = /\(line (\d+) column (\d+)\)/.exec(message);
  const position = /at position (\d+)/.exec(message);
  let offset: number | undefined = position ? Number(position[1]) : undefined;
  if (offset === undefined && /end of JSON input/i.test(message)) offset = text.length;
  if (offset === undefined && !lineCol) offset = jsonErrorOffset(text);
  const clean = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  if (lineCol) return { message: clean, line: Number(lineCol[1]), column: Number(lineCol[2]), ...(offset !== undefined ? { offset } : {}) };
  if (offset === undefined) return { message: clean };
  const before = text.slice(0, offset).split('\n');
  return { message: clean, line: before.length, column: before[before.length - 1]!.length + 1, offset };
}

/**
 * The draft after the raw JSON body was edited: the text is kept as typed (`bodyText`, the source of
 * truth until a field is edited), and when it parses to an object the fields take its values.
 */
export function withBodyText(values: DraftValues, text: string): DraftValues {
  const parsed = parseJsonExact(text);
  const next: DraftValues = { ...values, bodyText: text };
  if ('value' in parsed && parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value)) next.body = parsed.value as Record<string, unknown>;
  return next;
}

/** The problem with a raw JSON body, if any (a syntax error, or JSON that is not an object). */
export function bodyTextProblem(text: string | undefined): { kind: 'syntax'; error: JsonParseError } | { kind: 'not-object' } | undefined {
  if (text === undefined) return undefined;
  const parsed = parseJsonExact(text);
  if ('error' in parsed) return { kind: 'syntax', error: parsed.error };
  if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return { kind: 'not-object' };
  return undefined;
}

/** Names of ids that responses return and later requests take (`conversation_id`, `file_id`…). */
export function isCarriedName(name: string): boolean {
  return /(^|_)id$/.test(name);
}

/** The first value a new array item starts with. */
export function emptyItem(schema: Schema | undefined): unknown {
  if (!schema) return '';
  if (schema.type === 'object') return {};
  if (schema.type === 'array') return [];
  if (schema.type === 'boolean' || schema.type === 'integer' || schema.type === 'number' || schema.enum) return undefined;
  return '';
}

/** A file as drafts keep it after a reload: its name and size, so the form can ask for it again. */
export function storedFile(value: unknown): { name: string; size: number } | undefined {
  if (!value || typeof value !== 'object' || !('$file' in value)) return undefined;
  const v = value as { $file: unknown; size?: unknown };
  return typeof v.$file === 'string' ? { name: v.$file, size: typeof v.size === 'number' ? v.size : 0 } : undefined;
}

/** Every path of an object or array field that can be expanded (for "expand all"). */
export function expandablePaths(entry: EndpointEntry, values: DraftValues): string[] {
  const out: string[] = [];
  const walk = (schema: Schema, path: FieldPath): void => {
    const value = getIn(values[path.in], path.segments);
    if (schema.type === 'object' && (schema.fields?.length || schema.additionalProperties)) {
      out.push(pathKey(path));
      for (const f of schema.fields ?? []) walk(f, { in: path.in, segments: [...path.segments, f.name] });
    }
    if (schema.type === 'array' && schema.items) {
      out.push(pathKey(path));
      if (Array.isArray(value)) value.forEach((_, i) => walk(schema.items!, { in: path.in, segments: [...path.segments, i] }));
    }
  };
  for (const p of entry.params) walk(p, { in: p.in, segments: [p.name] });
  return out;
}

/** The WebSocket base that goes with an HTTP API base: `https://api.coze.cn` → `wss://ws.coze.cn`. */
export function socketBase(httpBase: string): string {
  return httpBase.replace(/^http/, 'ws').replace('://api.', '://ws.').replace('://api-', '://ws-');
}

/**
 * Checking request values against a catalogue entry. One function serves both sides: the form runs it
 * before sending (and does not send on a problem), the emulator runs it on what arrives (and answers
 * like Coze does, naming the parameter). So the two always agree.
 */
import type { EndpointEntry, Field, Param, Schema } from '../catalog/schema.js';
import { prune } from './build.js';

/** Values of one request, by location. Body values are the parsed JSON (or multipart fields). */
export interface RequestValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body: Record<string, unknown>;
}

/** One problem with one value. `path` names it like a form field: `body.additional_messages[0].role`. */
export interface ValueProblem {
  path: string;
  param: string;
  kind: 'missing' | 'type' | 'enum' | 'range' | 'length' | 'format';
  message: { zh: string; en: string };
}

export interface ValidateOptions {
  /** Values in query/path/header arrive as text: accept "12" for an integer, "true" for a boolean. */
  textLocations?: boolean;
  /** Check nested fields too (the emulator checks the top level only, like the service). Default true. */
  deep?: boolean;
}

/** `body.meta.tags[0]` → `meta.tags[0]`: messages name the parameter as the docs do. */
const displayName = (path: string) => path.replace(/^(path|query|header|body)\./, '');

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Left out of the request: empty, or an array holding only empty items (a form drops those when it
 * builds the request, so `[""]` for a required array is as good as missing; an empty object is sent
 * as `{}`). An optional array is still checked, so that an item added and left empty gets a message.
 */
const isUnset = (value: unknown) => isEmpty(value) || (Array.isArray(value) && prune(value) === undefined);

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof File !== 'undefined' && value instanceof File) return 'file';
  if (typeof Blob !== 'undefined' && value instanceof Blob) return 'file';
  return typeof value;
}

/** Whether `value` fits `schema.type`. Text locations accept the textual form of numbers and booleans. */
function fitsType(schema: Schema, value: unknown, asText: boolean): boolean {
  const t = typeName(value);
  switch (schema.type) {
    case 'string':
      // Big integer ids are carried as strings; a JSON number is accepted where the docs say string too.
      return t === 'string' || (schema.format === 'int64' && t === 'number');
    case 'integer':
      if (t === 'number') return Number.isInteger(value);
      // int64 values travel as strings to keep all 19 digits.
      if (t === 'string') return (asText || schema.format === 'int64') && /^-?\d+$/.test(value as string);
      return false;
    case 'number':
      if (t === 'number') return Number.isFinite(value);
      return t === 'string' && asText && (value as string).trim() !== '' && Number.isFinite(Number(value));
    case 'boolean':
      return t === 'boolean' || (asText && (value === 'true' || value === 'false'));
    case 'array':
      return t === 'array' || (asText && t === 'string');
    case 'object':
      return t === 'object';
    case 'file':
      return t === 'file' || t === 'string';
  }
}

function label(schema: Schema): { zh: string; en: string } {
  const map: Record<Schema['type'], [string, string]> = {
    string: ['字符串', 'a string'],
    integer: ['整数', 'an integer'],
    number: ['数字', 'a number'],
    boolean: ['布尔值（true 或 false）', 'a boolean (true or false)'],
    array: ['数组', 'an array'],
    object: ['对象', 'an object'],
    file: ['文件', 'a file'],
  };
  const [zh, en] = map[schema.type];
  return { zh, en };
}

function checkValue(schema: Schema, value: unknown, path: string, param: string, asText: boolean, deep: boolean, out: ValueProblem[]): void {
  const shown = displayName(path);
  if (!fitsType(schema, value, asText)) {
    const want = label(schema);
    // Text typed where a number belongs is quoted ("2.5", "twenty"): "got string" would not say what is wrong.
    const got = typeof value === 'string' && (schema.type === 'integer' || schema.type === 'number') ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : typeName(value);
    out.push({ path, param, kind: 'type', message: { zh: `${shown} 应为${want.zh}，实际是 ${got}`, en: `${shown} must be ${want.en}, got ${got}` } });
    return;
  }
  if (schema.enum && !schema.enum.some((o) => o.value === value || (asText && String(o.value) === String(value)))) {
    const allowed = schema.enum.map((o) => JSON.stringify(o.value)).join(', ');
    out.push({ path, param, kind: 'enum', message: { zh: `${shown} 只能取 ${allowed} 之一`, en: `${shown} must be one of ${allowed}` } });
    return;
  }
  if ((schema.type === 'integer' || schema.type === 'number') && value !== '') {
    const n = Number(value);
    if (schema.minimum !== undefined && n < schema.minimum) out.push({ path, param, kind: 'range', message: { zh: `${shown} 不能小于 ${schema.minimum}`, en: `${shown} must be at least ${schema.minimum}` } });
    if (schema.maximum !== undefined && n > schema.maximum) out.push({ path, param, kind: 'range', message: { zh: `${shown} 不能大于 ${schema.maximum}`, en: `${shown} must be at most ${schema.maximum}` } });
  }
  if (typeof value === 'string' && schema.type === 'string') {
    const length = [...value].length;
    if (schema.maxLength !== undefined && length > schema.maxLength) out.push({ path, param, kind: 'length', message: { zh: `${shown} 最多 ${schema.maxLength} 个字符（现为 ${length}）`, en: `${shown} must be at most ${schema.maxLength} characters (it has ${length})` } });
    if (schema.minLength !== undefined && length < schema.minLength) out.push({ path, param, kind: 'length', message: { zh: `${shown} 至少 ${schema.minLength} 个字符`, en: `${shown} must be at least ${schema.minLength} characters` } });
  }
  if (Array.isArray(value)) {
    // Items left empty are dropped from the request: they do not count.
    const count = value.filter((item) => prune(item) !== undefined).length;
    if (schema.maxItems !== undefined && count > schema.maxItems) out.push({ path, param, kind: 'length', message: { zh: `${shown} 最多 ${schema.maxItems} 项（现为 ${count}）`, en: `${shown} must have at most ${schema.maxItems} items (it has ${count})` } });
    if (schema.minItems !== undefined && count < schema.minItems) out.push({ path, param, kind: 'length', message: { zh: `${shown} 至少 ${schema.minItems} 项`, en: `${shown} must have at least ${schema.minItems} items` } });
    if (deep && schema.items) value.forEach((item, i) => checkValue(schema.items!, item, `${path}[${i}]`, param, false, deep, out));
  }
  if (deep && schema.type === 'object' && schema.fields && value && typeof value === 'object' && !Array.isArray(value)) {
    checkFields(schema.fields, value as Record<string, unknown>, path, param, deep, out);
  }
}

function checkFields(fields: Field[], values: Record<string, unknown>, at: string, param: string, deep: boolean, out: ValueProblem[]): void {
  for (const f of fields) {
    const value = values[f.name];
    const path = `${at}.${f.name}`;
    const shown = displayName(path);
    if (isEmpty(value) || (f.required && isUnset(value))) {
      if (f.required) out.push({ path, param, kind: 'missing', message: { zh: `缺少必填参数 ${shown}`, en: `${shown} is required` } });
      continue;
    }
    checkValue(f, value, path, param, false, deep, out);
  }
}

/** Every problem with `values` for `entry`, in parameter order. An empty list means it may be sent. */
export function validateRequest(entry: EndpointEntry, values: RequestValues, options: ValidateOptions = {}): ValueProblem[] {
  const deep = options.deep ?? true;
  const out: ValueProblem[] = [];
  for (const p of entry.params) {
    const bag = values[p.in];
    // HTTP drops the spaces and line breaks around a header value.
    const raw = p.in === 'header' ? headerValue(bag, p.name) : bag[p.name];
    const value = typeof raw === 'string' && p.in === 'header' ? raw.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '') : raw;
    const path = `${p.in}.${p.name}`;
    if (isEmpty(value) || (p.required && isUnset(value))) {
      if (p.required) out.push({ path, param: p.name, kind: 'missing', message: { zh: `缺少必填参数 ${p.name}`, en: `${p.name} is required` } });
      continue;
    }
    // "." and ".." are the only values encoding cannot keep from changing the path (the URL parser
    // resolves them): the form says so at the field instead of sending somewhere else.
    if (p.in === 'path' && (value === '.' || value === '..')) {
      out.push({ path, param: p.name, kind: 'format', message: { zh: `${p.name} 不能是 "${value}"：它会改变请求路径`, en: `${p.name} cannot be "${value}": it would change the request path` } });
      continue;
    }
    // A header carries ASCII text only: anything else cannot even be sent.
    if (p.in === 'header' && typeof value === 'string' && /[^\t\x20-\x7e]/.test(value)) {
      out.push({ path, param: p.name, kind: 'format', message: { zh: `${p.name} 是请求头，只能包含 ASCII 文本（不能有中文、换行等）`, en: `${p.name} is a header: it can hold ASCII text only (no line breaks or non-ASCII characters)` } });
      continue;
    }
    const asText = p.in !== 'body' || entry.requestBody === 'multipart';
    checkValue(p as Param, value, path, p.name, asText, deep, out);
  }
  return out;
}

function headerValue(bag: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(bag)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

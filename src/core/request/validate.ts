/**
 * Checking request values against a catalogue entry. One function serves both sides: the form runs it
 * before sending (and does not send on a problem), the emulator runs it on what arrives (and answers
 * like Coze does, naming the parameter). So the two always agree.
 */
import type { EndpointEntry, Field, Param, Schema } from '../catalog/schema.js';

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
    out.push({ path, param, kind: 'type', message: { zh: `${shown} 应为${want.zh}，实际是 ${typeName(value)}`, en: `${shown} must be ${want.en}, got ${typeName(value)}` } });
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
    if (schema.maxItems !== undefined && value.length > schema.maxItems) out.push({ path, param, kind: 'length', message: { zh: `${shown} 最多 ${schema.maxItems} 项（现为 ${value.length}）`, en: `${shown} must have at most ${schema.maxItems} items (it has ${value.length})` } });
    if (schema.minItems !== undefined && value.length < schema.minItems) out.push({ path, param, kind: 'length', message: { zh: `${shown} 至少 ${schema.minItems} 项`, en: `${shown} must have at least ${schema.minItems} items` } });
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
    if (isEmpty(value)) {
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
    const value = p.in === 'header' ? headerValue(bag, p.name) : bag[p.name];
    const path = `${p.in}.${p.name}`;
    if (isEmpty(value) || (p.type === 'array' && Array.isArray(value) && value.length === 0 && p.required)) {
      if (p.required) out.push({ path, param: p.name, kind: 'missing', message: { zh: `缺少必填参数 ${p.name}`, en: `${p.name} is required` } });
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

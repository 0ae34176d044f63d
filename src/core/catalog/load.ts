/**
 * Loading a catalogue: zod validation plus the cross-field checks a schema cannot express, reported
 * as a list of `path: message` problems (`entries[12].params[3].type: expected one of …`).
 */
import * as z from 'zod/mini';
import { ProblemListError, type Problem } from '../problems.js';
import { catalog as catalogSchema, type Catalog, type EndpointEntry, type Field } from './schema.js';

/** One problem found in a catalogue, with the path of the bad value. */
export type CatalogProblem = Problem;

/** Thrown by {@link parseCatalog}; `problems` lists every bad field, `message` the first few. */
export class CatalogError extends ProblemListError {
  constructor(problems: CatalogProblem[], what = 'catalogue') {
    super(problems, what);
    this.name = 'CatalogError';
  }
}

/** `['entries', 12, 'params', 3, 'type']` → `entries[12].params[3].type`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Words for one zod issue; zod/mini ships no locale, so the messages are ours. */
function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  const received = describeValue(valueAt(root, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      return received === 'undefined' ? `required ${issue.expected} is missing` : `expected ${issue.expected}, received ${received}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, received ${JSON.stringify(valueAt(root, issue.path))}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `expected at least ${String(issue.minimum)} item(s)`;
    case 'invalid_format':
      return issue.message && issue.message !== 'Invalid input' ? issue.message : `expected a valid ${issue.format}`;
    case 'invalid_union': {
      const { discriminator } = issue as { discriminator?: string };
      if (discriminator === 'kind') return `expected "kind" to be one of "endpoint", "callback", "doc"`;
      return `does not match any allowed shape`;
    }
    default:
      return issue.message || 'invalid value';
  }
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Validate unknown data as a catalogue. Returns the typed catalogue, or throws a {@link CatalogError}
 * naming every problem. Checks shapes (zod) and meaning (unique ids, path parameters declared, groups
 * that exist, defaults that are allowed values…).
 */
export function parseCatalog(data: unknown, what = 'catalogue'): Catalog {
  const problems = validateCatalog(data);
  if (problems.length) throw new CatalogError(problems, what);
  return data as Catalog;
}

/** Like {@link parseCatalog} but returns the problems instead of throwing. */
export function validateCatalog(data: unknown): CatalogProblem[] {
  const result = z.safeParse(catalogSchema, data);
  if (!result.success) {
    return result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue, data) }));
  }
  return checkMeaning(result.data);
}

function checkMeaning(cat: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const groups = new Map(cat.groups.map((g) => [g.id, new Set((g.subgroups ?? []).map((s) => s.id))]));
  const ids = new Map<string, number>();
  cat.entries.forEach((entry, i) => {
    const at = `entries[${i}]`;
    const seen = ids.get(entry.id);
    if (seen !== undefined) add(`${at}.id`, `duplicate id "${entry.id}" (also entries[${seen}])`);
    else ids.set(entry.id, i);
    if (entry.group !== undefined && !groups.has(entry.group)) add(`${at}.group`, `unknown group "${entry.group}"`);
    if (entry.subgroup !== undefined) {
      if (entry.group === undefined) add(`${at}.subgroup`, 'a subgroup needs a group');
      else if (!groups.get(entry.group)?.has(entry.subgroup)) add(`${at}.subgroup`, `unknown subgroup "${entry.subgroup}" of group "${entry.group}"`);
    }
    if (entry.kind === 'endpoint') checkEndpoint(entry, at, add);
  });
  return problems;
}

function checkEndpoint(e: EndpointEntry, at: string, add: (path: string, message: string) => void): void {
  const inPath = [...e.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const pathParams = e.params.filter((p) => p.in === 'path').map((p) => p.name);
  for (const name of inPath) if (!pathParams.includes(name)) add(`${at}.params`, `path parameter "{${name}}" in ${e.path} is not declared`);
  e.params.forEach((p, j) => {
    const pat = `${at}.params[${j}]`;
    if (p.in === 'path') {
      if (!inPath.includes(p.name)) add(`${pat}.name`, `path parameter "${p.name}" does not appear in ${e.path}`);
      if (!p.required) add(`${pat}.required`, 'path parameters are always required');
    }
    if (p.in === 'body' && e.requestBody === 'none') add(`${pat}.in`, 'body parameter on an endpoint whose requestBody is "none"');
    if (p.type === 'file' && e.requestBody !== 'multipart') add(`${pat}.type`, 'file parameters need requestBody "multipart"');
    checkField(p, pat, add);
  });
  const names = new Set<string>();
  e.params.forEach((p, j) => {
    const key = `${p.in}:${p.name}`;
    if (names.has(key)) add(`${at}.params[${j}].name`, `duplicate ${p.in} parameter "${p.name}"`);
    names.add(key);
  });
  if (e.streamToggle !== undefined) {
    const toggle = e.params.find((p) => p.name === e.streamToggle && p.in === 'body');
    if (!toggle || toggle.type !== 'boolean') add(`${at}.streamToggle`, `"${e.streamToggle}" must name a boolean body parameter`);
  }
  if (e.stream === 'websocket' && e.method !== 'WS') add(`${at}.method`, 'WebSocket endpoints use method "WS"');
  if (e.method === 'WS' && e.host !== 'ws') add(`${at}.host`, 'WebSocket endpoints are served by the "ws" host');
  if (e.method === 'GET' && e.requestBody !== 'none') add(`${at}.requestBody`, 'GET requests carry no body');
  e.response.fields.forEach((f, j) => checkField(f, `${at}.response.fields[${j}]`, add));
}

function checkField(f: Field, at: string, add: (path: string, message: string) => void): void {
  if (f.enum && f.default !== undefined && !f.enum.some((o) => o.value === f.default)) {
    add(`${at}.default`, `default ${JSON.stringify(f.default)} is not one of the enum values`);
  }
  if (f.fields && f.type !== 'object') add(`${at}.fields`, `"fields" only applies to objects (type is ${f.type})`);
  if (f.items && f.type !== 'array') add(`${at}.items`, `"items" only applies to arrays (type is ${f.type})`);
  const seen = new Set<string>();
  f.fields?.forEach((child, k) => {
    if (seen.has(child.name)) add(`${at}.fields[${k}].name`, `duplicate field "${child.name}"`);
    seen.add(child.name);
    checkField(child, `${at}.fields[${k}]`, add);
  });
  if (f.items?.fields) f.items.fields.forEach((child, k) => checkField(child, `${at}.items.fields[${k}]`, add));
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Checks on the built-in catalogue's prose that a schema cannot make: every text written in both
 * languages (zh has Chinese, en has none), no leftover placeholders.
 */
export function lintCatalogText(cat: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${path}[${i}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 2 && typeof record['zh'] === 'string' && typeof record['en'] === 'string') {
      const zh = record['zh'];
      const en = record['en'];
      if (/\bTODO\b/.test(zh) || /\bTODO\b/.test(en)) problems.push({ path, message: 'placeholder text "TODO"' });
      else {
        if (!CJK.test(zh)) problems.push({ path: `${path}.zh`, message: 'zh text has no Chinese characters' });
        if (CJK.test(en)) problems.push({ path: `${path}.en`, message: 'en text contains Chinese characters' });
      }
      return;
    }
    for (const key of keys) {
      if (key === 'example' || key === 'default' || key === 'streamExample') continue;
      visit(record[key], path ? `${path}.${key}` : key);
    }
  };
  visit(cat, '');
  return problems;
}

/**
 * What the built-in catalogue promises beyond the schema: every endpoint and callback has a
 * description in both languages and so do all of its parameters and fields, at every depth, and
 * every entry links to its page in the Coze docs.
 */
export function lintCatalogCompleteness(cat: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const fields = (list: Field[] | undefined, at: string): void => {
    list?.forEach((f, i) => {
      const here = `${at}[${i}]`;
      if (!f.description) problems.push({ path: `${here}.description`, message: `"${f.name}" has no description` });
      fields(f.fields, `${here}.fields`);
      if (f.items?.fields) fields(f.items.fields, `${here}.items.fields`);
    });
  };
  cat.entries.forEach((entry, i) => {
    const at = `entries[${i}]`;
    if (!entry.docUrl) problems.push({ path: `${at}.docUrl`, message: `${entry.id} has no link to its doc page` });
    if (entry.kind === 'doc') return;
    if (!entry.description) problems.push({ path: `${at}.description`, message: `${entry.id} has no description` });
    if (entry.kind === 'endpoint') {
      fields(entry.params, `${at}.params`);
      fields(entry.response.fields, `${at}.response.fields`);
      if (entry.response.kind === 'json' && entry.response.example === undefined) problems.push({ path: `${at}.response.example`, message: `${entry.id} has no example response` });
    } else fields(entry.payload.fields, `${at}.payload.fields`);
  });
  return problems;
}

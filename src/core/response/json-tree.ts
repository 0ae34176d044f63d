/**
 * A JSON value as the rows of a collapsible tree, computed lazily: only expanded containers list
 * their children, big containers list them a page at a time ("show more"), and long strings show a
 * preview until they are opened (then as continuation rows of fixed width). The rows are a flat
 * list, so that a view can window them (render only the visible ones) at a fixed row height.
 */

/** An integer JSON.parse would round (beyond 2^53), kept as its source text. */
export class RawNumber {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
  toString(): string {
    return this.text;
  }
}

/** A number literal of 16+ digits in value position (`:`, `[` or `,` before it). */
const BIG_INTEGER = /[:[,]\s*-?\d{16,}/;

/**
 * The JSON value of `text` with big integers kept exact (as {@link RawNumber}). When the text has no
 * such number (the common case, checked with one regular-expression scan), `parsed` is returned as is.
 */
export function losslessJson(text: string, parsed: unknown): unknown {
  if (!BIG_INTEGER.test(text)) return parsed;
  try {
    const reviver = (_key: string, value: unknown, context?: { source?: string }) =>
      typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source) ? new RawNumber(context.source) : value;
    return JSON.parse(text, reviver as (this: unknown, key: string, value: unknown) => unknown);
  } catch {
    return parsed;
  }
}

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export function kindOf(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof RawNumber) return 'number';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'object';
  }
}

export interface JsonRow {
  /** Stable id: the node's JSON Pointer (`''` for the root); extra rows add `#more` or `#line:n`. */
  id: string;
  /**
   * `node`: a value; `more`: show the next page of a big container; `all`: show all of it (offered
   * when more than a page is hidden); `line`: a piece of an opened long string.
   */
  type: 'node' | 'more' | 'all' | 'line';
  depth: number;
  /** Property name or array index (absent for the root and for extra rows). */
  key?: string;
  /** The key is an array index. */
  index?: boolean;
  kind: JsonKind;
  /** A leaf's JSON text (cut for long strings), a container's compact preview, or a line's text. */
  text: string;
  /** Number of children of a container. */
  size?: number;
  expandable: boolean;
  expanded: boolean;
  /** A string whose preview is cut (it can be opened). */
  truncated?: boolean;
  /** For `more`/`all` rows: how many children are not shown yet. */
  hidden?: number;
  /** Id of the parent node (undefined for the root). */
  parent?: string;
  /** Position among its siblings (1-based) and their number, for `aria-posinset`/`aria-setsize`. */
  pos: number;
  setSize: number;
}

/** What the user opened: expanded containers, how many children big containers show, opened strings. */
export interface TreeViewState {
  expanded: Set<string>;
  /** Children shown per container id (default `page`). */
  limits: Map<string, number>;
  /** Long strings shown in full. */
  opened: Set<string>;
}

export interface FlattenOptions {
  /** Children shown at first, and added by each "show more" (default 100). */
  page?: number;
  /** Characters of a string shown before it is opened (default 200). */
  preview?: number;
  /** Characters per continuation row of an opened string (default 120). */
  lineWidth?: number;
}

const DEFAULTS = { page: 100, preview: 200, lineWidth: 120 };

export function emptyTreeState(): TreeViewState {
  return { expanded: new Set(), limits: new Map(), opened: new Set() };
}

/** JSON Pointer of a child (RFC 6901 escaping). */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && !(value instanceof RawNumber);
}

function sizeOf(value: Record<string, unknown> | unknown[]): number {
  return Array.isArray(value) ? value.length : Object.keys(value).length;
}

/** A leaf's JSON text, strings cut to `max` characters (`cut` says whether they were). */
export function leafText(value: unknown, max = DEFAULTS.preview): { text: string; cut: boolean } {
  if (typeof value === 'string') {
    if (value.length > max) return { text: `${JSON.stringify(value.slice(0, max)).slice(0, -1)}…"`, cut: true };
    return { text: JSON.stringify(value), cut: false };
  }
  if (value === undefined || value === null) return { text: 'null', cut: false };
  return { text: String(value), cut: false };
}

/** A one-line preview of a container: `{"id": "74…", "n": 1, …}` within about `max` characters. */
export function containerPreview(value: Record<string, unknown> | unknown[], max = 80): string {
  const array = Array.isArray(value);
  const parts: string[] = [];
  let length = 2;
  const keys = array ? undefined : Object.keys(value);
  const count = array ? value.length : keys!.length;
  for (let i = 0; i < count; i++) {
    const key = array ? undefined : keys![i]!;
    const child = array ? value[i] : (value as Record<string, unknown>)[key!];
    const shown = isContainer(child) ? (Array.isArray(child) ? (child.length ? '[…]' : '[]') : sizeOf(child) ? '{…}' : '{}') : leafText(child, 24).text;
    const part = array ? shown : `${JSON.stringify(key).slice(0, 30)}: ${shown}`;
    if (length + part.length > max && parts.length) {
      parts.push('…');
      break;
    }
    parts.push(part);
    length += part.length + 2;
  }
  return array ? `[${parts.join(', ')}]` : `{${parts.join(', ')}}`;
}

/** Splits an opened string into rows: at its line breaks, and every `width` characters. */
export function stringLines(value: string, width = DEFAULTS.lineWidth): string[] {
  const out: string[] = [];
  for (const line of value.split('\n')) {
    if (line.length <= width) out.push(line);
    else for (let i = 0; i < line.length; i += width) out.push(line.slice(i, i + width));
  }
  return out;
}

/** The visible rows of a value for a given view state. */
export function flattenJson(root: unknown, state: TreeViewState, options: FlattenOptions = {}): JsonRow[] {
  const page = options.page ?? DEFAULTS.page;
  const preview = options.preview ?? DEFAULTS.preview;
  const width = options.lineWidth ?? DEFAULTS.lineWidth;
  const rows: JsonRow[] = [];

  const visit = (value: unknown, id: string, depth: number, key: string | undefined, index: boolean, parent: string | undefined, pos: number, setSize: number): void => {
    const kind = kindOf(value);
    const base = { id, depth, kind, pos, setSize, ...(key !== undefined ? { key } : {}), ...(index ? { index } : {}), ...(parent !== undefined ? { parent } : {}) };
    if (!isContainer(value)) {
      const { text, cut } = leafText(value, preview);
      const opened = cut && state.opened.has(id);
      rows.push({ ...base, type: 'node', text: opened ? '' : text, expandable: cut, expanded: opened, ...(cut ? { truncated: true } : {}) });
      if (opened) {
        const lines = stringLines(value as string, width);
        lines.forEach((line, i) => rows.push({ id: `${id}#line:${i}`, type: 'line', depth: depth + 1, kind: 'string', text: line, expandable: false, expanded: false, parent: id, pos: i + 1, setSize: lines.length }));
      }
      return;
    }
    const size = sizeOf(value);
    const expanded = size > 0 && state.expanded.has(id);
    rows.push({ ...base, type: 'node', text: containerPreview(value), size, expandable: size > 0, expanded });
    if (!expanded) return;
    const limit = Math.min(size, state.limits.get(id) ?? page);
    const hidden = size - limit;
    const shownSet = limit + (hidden > page ? 2 : hidden > 0 ? 1 : 0);
    if (Array.isArray(value)) {
      for (let i = 0; i < limit; i++) visit(value[i], childPointer(id, i), depth + 1, String(i), true, id, i + 1, shownSet);
    } else {
      const keys = Object.keys(value);
      for (let i = 0; i < limit; i++) visit(value[keys[i]!], childPointer(id, keys[i]!), depth + 1, keys[i], false, id, i + 1, shownSet);
    }
    if (hidden > 0) {
      const extra = { depth: depth + 1, kind: kindOf(value), text: '', expandable: false, expanded: false, hidden, parent: id, setSize: shownSet };
      rows.push({ ...extra, id: `${id}#more`, type: 'more', pos: limit + 1 });
      if (hidden > page) rows.push({ ...extra, id: `${id}#all`, type: 'all', pos: limit + 2 });
    }
  };

  visit(root, '', 0, undefined, false, undefined, 1, 1);
  return rows;
}

/** The node at a pointer, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isContainer(node)) return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

/**
 * First expansion: the root, then deeper levels while the tree stays small (about `maxRows` rows),
 * so that a typical envelope shows `data` open and a 20 MB array stays one line.
 */
export function initialExpansion(root: unknown, maxRows = 120, maxDepth = 3): Set<string> {
  const expanded = new Set<string>();
  if (!isContainer(root)) return expanded;
  expanded.add('');
  let rows = 1 + Math.min(sizeOf(root), DEFAULTS.page);
  let level: Array<[string, unknown]> = [['', root]];
  for (let depth = 1; depth < maxDepth; depth++) {
    const next: Array<[string, unknown]> = [];
    for (const [id, value] of level) {
      const node = value as Record<string, unknown> | unknown[];
      const keys = Array.isArray(node) ? node.map((_, i) => i).slice(0, DEFAULTS.page) : Object.keys(node).slice(0, DEFAULTS.page);
      for (const key of keys) {
        const child = Array.isArray(node) ? node[key as number] : node[key as string];
        if (isContainer(child) && sizeOf(child) > 0) next.push([childPointer(id, key), child]);
      }
    }
    const added = next.reduce((n, [, v]) => n + Math.min(sizeOf(v as Record<string, unknown>), DEFAULTS.page), 0);
    if (!next.length || rows + added > maxRows) break;
    for (const [id] of next) expanded.add(id);
    rows += added;
    level = next;
  }
  return expanded;
}

/**
 * Every container among the rows it would show (pages of big containers stay as they are), up to
 * about `maxRows` rows, breadth first, so that "expand all" on a huge body stays bounded.
 */
export function expandAllIds(root: unknown, state: TreeViewState, maxRows = 20_000, page = DEFAULTS.page): Set<string> {
  const expanded = new Set<string>();
  if (!isContainer(root)) return expanded;
  let rows = 1;
  let level: Array<[string, unknown]> = [['', root]];
  while (level.length && rows < maxRows) {
    const next: Array<[string, unknown]> = [];
    for (const [id, value] of level) {
      const node = value as Record<string, unknown> | unknown[];
      const size = sizeOf(node);
      if (!size) continue;
      const limit = Math.min(size, state.limits.get(id) ?? page);
      if (rows + limit > maxRows) return expanded;
      expanded.add(id);
      rows += limit;
      const keys = Array.isArray(node) ? null : Object.keys(node);
      for (let i = 0; i < limit; i++) {
        const key = keys ? keys[i]! : i;
        const child = keys ? (node as Record<string, unknown>)[key as string] : (node as unknown[])[i];
        if (isContainer(child)) next.push([childPointer(id, key), child]);
      }
    }
    level = next;
  }
  return expanded;
}

/**
 * Filtering the catalogue tree as the user types: an entry matches when every word of the query is
 * found (ignoring case) in its zh or en title, its id, its path, or the name of its group or subgroup.
 * Also the ranges to highlight in a text, and which hidden field explains a match.
 */
import type { Catalog } from '../catalog/schema.js';
import type { Locale } from '../../i18n/index.js';
import { catalogTree, type TreeLeaf } from './model.js';

export interface TreeFilter {
  /** The words searched for, lower-cased; empty means no filter. */
  tokens: string[];
  /** Ids of the matching entries. */
  entries: Set<string>;
  /** Matching entries beneath each group key (groups without matches are absent). */
  counts: Map<string, number>;
  /** Number of matching entries. */
  total: number;
}

/** Half-open `[start, end)` ranges of a text to highlight. */
export type Ranges = Array<[number, number]>;

/** The words of a query: lower-cased, split on white space, without repeats. */
export function queryTokens(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
}

/** Lower-cased searchable texts of every entry, built once per catalogue. */
const indexes = new WeakMap<Catalog, Map<string, string>>();

function searchIndex(catalog: Catalog): Map<string, string> {
  let index = indexes.get(catalog);
  if (index) return index;
  index = new Map();
  for (const leaf of catalogTree(catalog).leaves) {
    const e = leaf.entry;
    const texts = [e.title.zh, e.title.en, e.id, e.kind === 'endpoint' ? e.path : ''];
    for (let b = leaf.parent; b; b = b.parent) texts.push(b.title.zh, b.title.en);
    // One string per entry, fields separated by a character nobody types, so a word never spans two fields.
    index.set(e.id, texts.join('\u0000').toLowerCase());
  }
  indexes.set(catalog, index);
  return index;
}

let last: { catalog: Catalog; key: string; filter: TreeFilter } | undefined;

/** The entries of a catalogue that match a query (the last answer is reused for the same query). */
export function filterCatalog(catalog: Catalog, query: string): TreeFilter {
  const tokens = queryTokens(query);
  const key = tokens.join(' ');
  if (last && last.catalog === catalog && last.key === key) return last.filter;
  const entries = new Set<string>();
  const counts = new Map<string, number>();
  if (tokens.length) {
    const index = searchIndex(catalog);
    for (const leaf of catalogTree(catalog).leaves) {
      const text = index.get(leaf.key)!;
      if (!tokens.every((t) => text.includes(t))) continue;
      entries.add(leaf.key);
      for (let b = leaf.parent; b; b = b.parent) counts.set(b.key, (counts.get(b.key) ?? 0) + 1);
    }
  }
  const filter: TreeFilter = { tokens, entries, counts, total: entries.size };
  last = { catalog, key, filter };
  return filter;
}

/** Where the words occur in a text (ignoring case), merged into non-overlapping ranges. */
export function highlightRanges(text: string, tokens: readonly string[]): Ranges {
  if (!tokens.length || !text) return [];
  const lower = text.toLowerCase();
  // Lower-casing that changes the length (rare letters such as İ) would shift ranges: highlight nothing.
  if (lower.length !== text.length) return [];
  const found: Ranges = [];
  for (const token of tokens) {
    for (let at = lower.indexOf(token); at !== -1; at = lower.indexOf(token, at + token.length)) found.push([at, at + token.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: Ranges = [];
  for (const range of found) {
    const prev = merged[merged.length - 1];
    if (prev && range[0] <= prev[1]) prev[1] = Math.max(prev[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** A field the tree does not show, shown under a matching entry because the match is there. */
export interface MatchDetail {
  field: 'path' | 'id' | 'title';
  text: string;
}

/**
 * For a matching entry whose visible title (in `locale`) lacks some of the words: the hidden field
 * (path, id or the title in the other language) holding most of them, so the user sees why it matched.
 */
export function matchDetail(leaf: TreeLeaf, tokens: readonly string[], locale: Locale): MatchDetail | undefined {
  if (!tokens.length) return undefined;
  const e = leaf.entry;
  const shown = (locale === 'zh-CN' ? e.title.zh : e.title.en).toLowerCase();
  const missing = tokens.filter((t) => !shown.includes(t));
  if (!missing.length) return undefined;
  const candidates: MatchDetail[] = [];
  if (e.kind === 'endpoint') candidates.push({ field: 'path', text: e.path });
  candidates.push({ field: 'id', text: e.id });
  candidates.push({ field: 'title', text: locale === 'zh-CN' ? e.title.en : e.title.zh });
  let best: MatchDetail | undefined;
  let bestHits = 0;
  for (const c of candidates) {
    const lower = c.text.toLowerCase();
    const hits = missing.filter((t) => lower.includes(t)).length;
    if (hits > bestHits) [best, bestHits] = [c, hits];
  }
  return best;
}

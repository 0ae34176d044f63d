/** Small questions asked of catalogue entries, shared by the elements, the CLI and the checks. */
import type { Catalog, CatalogEntry, EndpointEntry } from './schema.js';

/** Headers the transport sets itself; they are not parameters a user fills in. */
const TRANSPORT_HEADERS = new Set(['authorization', 'content-type']);

/** Sorted names of the required top-level parameters (all locations, transport headers excluded). */
export function requiredNames(entry: EndpointEntry): string[] {
  return entry.params
    .filter((p) => p.required && !(p.in === 'header' && TRANSPORT_HEADERS.has(p.name.toLowerCase())))
    .map((p) => p.name)
    .sort();
}

/** The entry with this id, if any. */
export function findEntry(catalog: Catalog, id: string): CatalogEntry | undefined {
  return catalog.entries.find((e) => e.id === id);
}

/** Runnable endpoints only. */
export function endpoints(catalog: Catalog): EndpointEntry[] {
  return catalog.entries.filter((e): e is EndpointEntry => e.kind === 'endpoint');
}

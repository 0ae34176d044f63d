/** Putting the built-in catalogue together from its index and section files (`catalog/`). */
import type { Catalog, CatalogEntry, CatalogGroup, LocalizedText } from './schema.js';

/** `catalog/index.json`: everything but the entries, plus the order of the section files. */
export interface CatalogIndex {
  version: 1;
  title?: LocalizedText;
  servers?: Catalog['servers'];
  groups: CatalogGroup[];
  sections: string[];
}

/** One `catalog/sections/<name>.json` file: a run of entries in navigation order. */
export interface CatalogSection {
  entries: CatalogEntry[];
}

/** Concatenate the sections in index order. Validation is the caller's (see `parseCatalog`). */
export function assembleCatalog(index: CatalogIndex, sections: Record<string, CatalogSection>): unknown {
  const entries: unknown[] = [];
  for (const name of index.sections) {
    const section = sections[name];
    if (!section) throw new Error(`catalog/index.json lists section "${name}" but no such section was given`);
    entries.push(...section.entries);
  }
  const { sections: _order, ...rest } = index;
  return { ...rest, entries };
}

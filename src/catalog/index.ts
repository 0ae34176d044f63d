/** The built-in catalogue of every Coze OpenAPI page, loaded lazily and validated once. */
import type { Catalog } from '../core/catalog/schema.js';

let pending: Promise<Catalog> | undefined;

/**
 * The built-in catalogue (every page of the Coze docs' "API 参考" navigation). The data (~1 MB of
 * JSON, ~100 kB gzip) is fetched as a separate chunk the first time this is called; later calls share it.
 */
export function loadBuiltinCatalog(): Promise<Catalog> {
  // The data and its validator (zod) load together, on first use: a page that never shows the
  // catalogue never pays for either.
  pending ??= Promise.all([import('./builtin-data.js'), import('../core/catalog/assemble.js'), import('../core/catalog/load.js')]).then(
    ([{ catalogIndex, catalogSections }, { assembleCatalog }, { parseCatalog }]) => parseCatalog(assembleCatalog(catalogIndex, catalogSections), 'built-in catalogue'),
  );
  return pending;
}

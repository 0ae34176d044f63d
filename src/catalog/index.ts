/** The built-in catalogue of every Coze OpenAPI page, loaded lazily and validated once. */
import { assembleCatalog } from '../core/catalog/assemble.js';
import { parseCatalog } from '../core/catalog/load.js';
import type { Catalog } from '../core/catalog/schema.js';

let pending: Promise<Catalog> | undefined;

/**
 * The built-in catalogue (every page of the Coze docs' "API 参考" navigation). The data (~1 MB of
 * JSON, ~100 kB gzip) is fetched as a separate chunk the first time this is called; later calls share it.
 */
export function loadBuiltinCatalog(): Promise<Catalog> {
  pending ??= import('./builtin-data.js').then(({ catalogIndex, catalogSections }) =>
    parseCatalog(assembleCatalog(catalogIndex, catalogSections), 'built-in catalogue'),
  );
  return pending;
}

/**
 * Command-line entry for the catalogue.
 *
 *   npm run catalog -- validate                 check the built-in catalogue (catalog/)
 *   npm run catalog -- export-openapi           print the built-in catalogue as OpenAPI 3.1 JSON
 *   npm run catalog -- import FILE...           import OpenAPI 3.0/3.1 documents (JSON or YAML)
 *   npm run catalog -- import --json FILE...    … and print the resulting catalogue as JSON
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleCatalog, type CatalogIndex, type CatalogSection } from '../src/core/catalog/assemble.js';
import { CatalogError, lintCatalogCompleteness, lintCatalogText, parseCatalog, validateCatalog } from '../src/core/catalog/load.js';
import { requiredNames } from '../src/core/catalog/query.js';
import { exportOpenApi } from '../src/core/openapi/export.js';
import { importOpenApi, OpenApiError } from '../src/core/openapi/import.js';
import { parseDocument } from '../src/core/openapi/parse.js';
import type { Catalog } from '../src/core/catalog/schema.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function loadBuiltinFromDisk(): unknown {
  const index = readJson(join(root, 'catalog/index.json')) as CatalogIndex;
  const sections: Record<string, CatalogSection> = {};
  for (const name of index.sections) sections[name] = readJson(join(root, 'catalog/sections', `${name}.json`)) as CatalogSection;
  return assembleCatalog(index, sections);
}

/** The section file each entry of the assembled catalogue came from, by entry index. */
function entrySections(): string[] {
  const index = readJson(join(root, 'catalog/index.json')) as CatalogIndex;
  return index.sections.flatMap((name) => {
    const section = readJson(join(root, 'catalog/sections', `${name}.json`)) as CatalogSection;
    return section.entries.map(() => name);
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'validate': {
      // `validate --section chat` shows only the problems of the entries in catalog/sections/chat.json.
      const only = args[0] === '--section' ? args[1] : undefined;
      const data = loadBuiltinFromDisk() as { entries: Array<{ id?: string; section?: string }> };
      const sectionOf = entrySections();
      const problems = validateCatalog(data);
      problems.push(...lintCatalogText(data as Catalog));
      if (!problems.length) problems.push(...lintCatalogCompleteness(data as Catalog));
      const label = (path: string) =>
        path.replace(/^entries\[(\d+)\]/, (m, i: string) => `${m} ${data.entries[Number(i)]?.id ?? '?'} (${sectionOf[Number(i)]})`);
      const shown = problems.filter((p) => !only || sectionOf[Number(/^entries\[(\d+)\]/.exec(p.path)?.[1] ?? -1)] === only);
      for (const p of shown) console.error(`${label(p.path)}: ${p.message}`);
      if (shown.length) {
        console.error(`${shown.length} problem(s)`);
        return 1;
      }
      const endpoints = data.entries.filter((e) => (e as { kind?: string }).kind === 'endpoint').length;
      console.log(`catalogue OK${only ? ` (section ${only})` : ''}: ${data.entries.length} entries, ${endpoints} endpoints`);
      return 0;
    }
    case 'export-openapi': {
      const cat = parseCatalog(loadBuiltinFromDisk(), 'built-in catalogue');
      process.stdout.write(`${JSON.stringify(exportOpenApi(cat), null, 2)}\n`);
      return 0;
    }
    case 'import': {
      const asJson = args.includes('--json');
      const files = args.filter((a) => a !== '--json');
      if (!files.length) {
        console.error('usage: npm run catalog -- import [--json] FILE...');
        return 2;
      }
      let failed = 0;
      let operations = 0;
      const catalogs: Catalog[] = [];
      for (const file of files) {
        try {
          const { catalog, warnings } = importOpenApi(await parseDocument(readFileSync(file, 'utf8'), file), { source: file });
          for (const w of warnings) console.error(`${file}: warning: ${w.path}: ${w.message}`);
          catalogs.push(catalog);
          for (const entry of catalog.entries) {
            if (entry.kind !== 'endpoint') continue;
            operations++;
            if (!asJson) console.log(`${entry.method} ${entry.path} required=${requiredNames(entry).join(',')}`);
          }
        } catch (err) {
          failed++;
          if (err instanceof OpenApiError || err instanceof CatalogError) {
            console.error(`${file}: ${err.problems.length} problem(s)`);
            for (const p of err.problems) console.error(`${file}: ${p.path || '(root)'}: ${p.message}`);
          } else console.error(`${file}: ${(err as Error).message}`);
        }
      }
      if (asJson) process.stdout.write(`${JSON.stringify(catalogs.length === 1 ? catalogs[0] : catalogs, null, 2)}\n`);
      else console.log(`${operations} operation(s) from ${files.length - failed} document(s)`);
      if (failed) console.error(`${failed} document(s) could not be imported`);
      return failed ? 1 : 0;
    }
    default:
      console.error('usage: npm run catalog -- validate | export-openapi | import [--json] FILE...');
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));

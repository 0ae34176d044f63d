/**
 * Maintainer tool: refresh the test fixtures that stand for the official per-page OpenAPI files.
 *
 *   npx tsx scripts/official-fixtures.ts ../shared/reference/coze-sdk-gen/docs/api-swagger
 *
 * The official files (coze-dev/coze-sdk-gen, MIT) carry the Coze docs' prose. The fixtures keep only
 * the facts the checks compare — paths, methods, servers, parameter names, locations, types and
 * required-ness, schemas and refs — with every description, summary and title removed.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const PROSE = new Set(['description', 'summary', 'title']);
const out = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/official-openapi');

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (node === null || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // A prose key holds a string; a field *named* description (under properties) holds a schema and stays.
    if (PROSE.has(key) && typeof value === 'string') continue;
    result[key] = strip(value);
  }
  return result;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/official-fixtures.ts DIR_OF_OFFICIAL_YAML_FILES');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
for (const file of files) {
  const doc = strip(parse(readFileSync(join(dir, file), 'utf8'))) as Record<string, unknown>;
  writeFileSync(join(out, `${basename(file, '.yaml')}.json`), `${JSON.stringify(doc)}\n`);
}
writeFileSync(join(out, 'index.json'), `${JSON.stringify(files.map((f) => basename(f, '.yaml')), null, 1)}\n`);
console.log(`${files.length} fixtures written to ${out}`);

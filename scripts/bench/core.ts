/** Timings for scripts/bench.mjs: prints `[name, median ms, budget ms][]` as JSON. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogIndex, catalogSections } from '../../src/catalog/builtin-data.js';
import { assembleCatalog } from '../../src/core/catalog/assemble.js';
import { parseCatalog } from '../../src/core/catalog/load.js';
import { exportOpenApi } from '../../src/core/openapi/export.js';
import { importOpenApi } from '../../src/core/openapi/import.js';

function median(runs: number, action: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    action();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const raw = () => JSON.parse(JSON.stringify(assembleCatalog(catalogIndex, catalogSections)));
const builtin = parseCatalog(raw());
const exported = JSON.parse(JSON.stringify(exportOpenApi(builtin)));
const dir = 'test/fixtures/official-openapi';
const official = readdirSync(dir).filter((f) => f !== 'index.json').map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const big: Record<string, unknown> = {};
for (let i = 0; i < 5000; i++) {
  big[`/v1/group${i % 50}/things${i}/{id}`] = {
    post: {
      operationId: `thing${i}`,
      tags: [`group${i % 50}`],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'object', properties: { c: { type: 'array', items: { type: 'integer' } } } } } } } } },
    },
  };
}
const bigDoc = { openapi: '3.1.0', info: { title: 'big' }, paths: big };

const out: Array<[string, number, number]> = [
  ['validate the built-in catalogue (156 entries)', median(7, () => parseCatalog(raw())), 250],
  ['export the built-in catalogue to OpenAPI 3.1', median(7, () => exportOpenApi(builtin)), 100],
  ['import the exported built-in catalogue back', median(7, () => importOpenApi(exported)), 400],
  ['import the 126 official per-page files', median(5, () => official.forEach((doc) => importOpenApi(doc))), 400],
  ['import a 5,000-operation document', median(3, () => importOpenApi(bigDoc)), 2500],
];
process.stdout.write(JSON.stringify(out));

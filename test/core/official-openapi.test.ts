/**
 * The built-in catalogue against the official per-page OpenAPI files of the Coze docs
 * (test/fixtures/official-openapi: the facts of coze-dev/coze-sdk-gen's docs/api-swagger, prose
 * stripped; refreshed with scripts/official-fixtures.ts). Every difference in method, path, host,
 * body kind, required parameters or top-level parameter set must be a recorded deviation.
 */
import { expect } from '@open-wc/testing';
import { loadBuiltinCatalog } from '../../src/catalog/index.js';
import { requiredNames } from '../../src/core/catalog/query.js';
import type { Deviation, EndpointEntry } from '../../src/core/catalog/schema.js';
import { importOpenApi } from '../../src/core/openapi/import.js';
import { fixtureDocument } from '../helpers.js';

const DIR = 'test/fixtures/official-openapi';

/** Top-level parameters as `in:name` (transport headers left out, as in `requiredNames`). */
function paramSet(entry: EndpointEntry): Set<string> {
  return new Set(entry.params.filter((p) => !(p.in === 'header' && /^(authorization|content-type)$/i.test(p.name))).map((p) => `${p.in}:${p.name}`));
}

/** Differences between what the official file says and what the catalogue says, as deviation keys. */
function differences(official: EndpointEntry, ours: EndpointEntry): string[] {
  const out: string[] = [];
  const compare = (about: Deviation['about'], a: string, b: string) => a !== b && out.push(`${about}: ${a} → ${b}`);
  compare('method', official.method, ours.method);
  compare('path', official.path, ours.path);
  compare('host', official.host, ours.host);
  compare('requestBody', official.requestBody, ours.requestBody);
  compare('required', requiredNames(official).join(','), requiredNames(ours).join(','));
  const a = paramSet(official);
  const b = paramSet(ours);
  for (const p of a) if (!b.has(p)) out.push(`param: ${p} → `);
  for (const p of b) if (!a.has(p)) out.push(`param:  → ${p}`);
  return out;
}

/** A param deviation covers a parameter when its official/catalogue text names it as `in:name`. */
function recorded(entry: EndpointEntry, difference: string): boolean {
  const deviations = entry.deviations ?? [];
  const [about, change] = difference.split(/: (.*)/s) as [Deviation['about'], string];
  if (about !== 'param') return deviations.some((d) => d.about === about && `${d.official} → ${d.catalogue}` === change);
  const name = change.replace(/→/, '').trim();
  return deviations.some((d) => d.about === 'param' && `${d.official} ${d.catalogue}`.split(/[\s,]+/).includes(name));
}

describe('built-in catalogue vs the official per-page OpenAPI files', () => {
  it('imports all 126 official files as 126 operations matching the catalogue (differences only as recorded deviations)', async () => {
    const slugs = (await fixtureDocument(`${DIR}/index.json`)) as string[];
    expect(slugs).to.have.length(126);
    const builtin = await loadBuiltinCatalog();
    const bySlug = new Map(builtin.entries.filter((e): e is EndpointEntry => e.kind === 'endpoint').map((e) => [e.slug, e]));
    const unexplained: string[] = [];
    let operations = 0;
    let matchingExactly = 0;
    for (const slug of slugs) {
      const { catalog } = importOpenApi(await fixtureDocument(`${DIR}/${slug}.json`), { source: slug });
      const ops = catalog.entries.filter((e): e is EndpointEntry => e.kind === 'endpoint');
      operations += ops.length;
      const ours = bySlug.get(slug);
      if (!ours) {
        unexplained.push(`${slug}: no catalogue entry`);
        continue;
      }
      const diffs = differences(ops[0]!, ours);
      if (!diffs.length) matchingExactly++;
      for (const d of diffs) if (!recorded(ours, d)) unexplained.push(`${ours.id} (${slug}) ${d}`);
    }
    expect(operations).to.equal(126);
    expect(unexplained, `differences from the official files without a deviation:\n${unexplained.join('\n')}`).to.deep.equal([]);
    // Deviations are the exception: most entries match their official file exactly.
    expect(matchingExactly).to.be.greaterThan(100);
  });

  it('records no deviation that is not real', async () => {
    const builtin = await loadBuiltinCatalog();
    const stale: string[] = [];
    for (const entry of builtin.entries) {
      if (entry.kind !== 'endpoint' || !entry.deviations) continue;
      const { catalog } = importOpenApi(await fixtureDocument(`${DIR}/${entry.slug}.json`));
      const diffs = differences(catalog.entries[0] as EndpointEntry, entry);
      for (const d of entry.deviations) {
        if (d.about === 'param') continue; // type/format notes about one parameter are informational
        if (!diffs.includes(`${d.about}: ${d.official} → ${d.catalogue}`)) stale.push(`${entry.id}: ${d.about}: ${d.official} → ${d.catalogue}`);
      }
    }
    expect(stale, `deviations that do not match a difference:\n${stale.join('\n')}`).to.deep.equal([]);
  });
});

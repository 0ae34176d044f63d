import { expect } from '@open-wc/testing';
import { CatalogError, parseCatalog, validateCatalog } from '../../src/core/catalog/load.js';
import type { Catalog, EndpointEntry } from '../../src/core/catalog/schema.js';
import { thrown } from '../helpers.js';

function endpoint(overrides: Partial<EndpointEntry> = {}): EndpointEntry {
  return {
    kind: 'endpoint',
    id: 'things.get',
    slug: 'get_thing',
    title: { zh: '获取', en: 'Get' },
    summary: { zh: '获取一项', en: 'Get one' },
    method: 'GET',
    host: 'api',
    path: '/v1/things/{thing_id}',
    notes: [],
    requestBody: 'none',
    params: [{ name: 'thing_id', in: 'path', type: 'string', required: true }],
    response: { kind: 'json', envelope: 'standard', fields: [] },
    stream: 'none',
    mutates: false,
    billable: false,
    ...overrides,
  };
}

function catalog(entries: unknown[]): Catalog {
  return { version: 1, groups: [{ id: 'things', title: { zh: '东西', en: 'Things' } }], entries } as Catalog;
}

describe('catalogue validation', () => {
  it('accepts a well-formed catalogue', () => {
    expect(parseCatalog(catalog([endpoint()])).entries).to.have.length(1);
  });

  it('names the path of a bad enum value and lists the allowed values', () => {
    const bad = catalog(Array.from({ length: 13 }, (_, i) => endpoint({ id: `things.get${i}` })));
    (bad.entries[12] as EndpointEntry).params = [
      { name: 'thing_id', in: 'path', type: 'string', required: true },
      { name: 'a', in: 'query', type: 'string' },
      { name: 'b', in: 'query', type: 'string' },
      { name: 'c', in: 'query', type: 'strnig' as 'string' },
    ];
    const err = thrown(() => parseCatalog(bad)) as CatalogError;
    expect(err).to.be.instanceOf(CatalogError);
    expect(err.problems[0]!.path).to.equal('entries[12].params[3].type');
    expect(err.problems[0]!.message).to.match(/^expected one of "string", "integer", "number", "boolean", "object", "array", "file", received "strnig"$/);
    expect(err.message).to.contain('entries[12].params[3].type: expected one of');
  });

  it('reports a missing required field, a wrong type and an unknown key, each at its path', () => {
    const e = endpoint() as unknown as Record<string, unknown>;
    delete e['title'];
    e['mutates'] = 'yes';
    e['descripton'] = { zh: '拼错', en: 'typo' };
    const problems = validateCatalog(catalog([e]));
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath['entries[0].title']).to.equal('required object is missing');
    expect(byPath['entries[0].mutates']).to.equal('expected boolean, received string');
    expect(byPath['entries[0]']).to.equal('unknown key "descripton"');
  });

  it('reports an unknown entry kind', () => {
    const problems = validateCatalog(catalog([{ ...endpoint(), kind: 'endpiont' }]));
    expect(problems).to.deep.include({ path: 'entries[0].kind', message: 'expected "kind" to be one of "endpoint", "callback", "doc"' });
  });

  it('finds nested problems deep inside fields', () => {
    const e = endpoint({
      method: 'POST',
      requestBody: 'json',
      params: [
        { name: 'thing_id', in: 'path', type: 'string', required: true },
        { name: 'meta', in: 'body', type: 'object', fields: [{ name: 'tags', type: 'array', items: { type: 'list' as 'array' } }] },
      ],
    });
    const problems = validateCatalog(catalog([e]));
    expect(problems[0]).to.deep.equal({ path: 'entries[0].params[1].fields[0].items.type', message: 'expected one of "string", "integer", "number", "boolean", "object", "array", "file", received "list"' });
  });

  it('checks meaning the schema cannot: path params, duplicate ids, groups, defaults, stream toggles', () => {
    const problems = validateCatalog(
      catalog([
        endpoint({ params: [] }),
        endpoint({ group: 'nowhere' }),
        endpoint({ id: 'things.other', method: 'POST', requestBody: 'json', streamToggle: 'stream', params: [{ name: 'thing_id', in: 'path', type: 'string', required: true }, { name: 'mode', in: 'body', type: 'string', enum: [{ value: 'a' }], default: 'b' }] }),
        endpoint({ id: 'things.ws', method: 'WS', stream: 'none' }),
      ]),
    );
    const text = problems.map((p) => `${p.path}: ${p.message}`);
    expect(text).to.include('entries[0].params: path parameter "{thing_id}" in /v1/things/{thing_id} is not declared');
    expect(text).to.include('entries[1].id: duplicate id "things.get" (also entries[0])');
    expect(text).to.include('entries[1].group: unknown group "nowhere"');
    expect(text).to.include('entries[2].params[1].default: default "b" is not one of the enum values');
    expect(text).to.include('entries[2].streamToggle: "stream" must name a boolean body parameter');
    expect(text).to.include('entries[3].host: WebSocket endpoints are served by the "ws" host');
  });

  it('rejects things that are not catalogues at all', () => {
    expect(validateCatalog(null)[0]).to.deep.equal({ path: '', message: 'expected object, received null' });
    expect(validateCatalog({ version: 2, groups: [], entries: [] })[0]!.path).to.equal('version');
  });
});

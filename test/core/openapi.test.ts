import { expect } from '@open-wc/testing';
import { loadBuiltinCatalog } from '../../src/catalog/index.js';
import type { CallbackEntry, EndpointEntry } from '../../src/core/catalog/schema.js';
import { exportOpenApi } from '../../src/core/openapi/export.js';
import { importOpenApi, normalizePath, OpenApiError } from '../../src/core/openapi/import.js';
import { parseDocument } from '../../src/core/openapi/parse.js';
import { fixtureDocument, normalized, rejected, thrown } from '../helpers.js';

function byId(entries: readonly { id: string }[], id: string) {
  const found = entries.find((e) => e.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}

describe('OpenAPI import', () => {
  it('reads an OpenAPI 3.0 YAML document: parameters, $refs, allOf, enums, nesting, multipart', async () => {
    const { catalog, warnings } = importOpenApi(await fixtureDocument('test/fixtures/openapi/pets-3.0.yaml'), { source: 'pets-3.0.yaml' });
    expect(catalog.groups.map((g) => g.id)).to.deep.equal(['pets', 'media']);
    expect(catalog.entries.map((e) => e.id)).to.deep.equal(['listPets', 'createPet', 'getPet', 'deletePet', 'uploadPhoto']);

    const list = byId(catalog.entries, 'listPets') as EndpointEntry;
    expect([list.method, list.path, list.group]).to.deep.equal(['GET', '/pets', 'pets']);
    expect(list.params.find((p) => p.name === 'limit')).to.deep.include({ in: 'query', type: 'integer', minimum: 1, maximum: 100, default: 20, description: { zh: 'How many to return', en: 'How many to return' } });
    expect(list.params.find((p) => p.name === 'species')!.enum!.map((o) => o.value)).to.deep.equal(['cat', 'dog', 'bird']);
    expect(list.params.some((p) => p.name === 'session'), 'cookie parameters are skipped').to.equal(false);
    expect(warnings.map((w) => w.message)).to.include('cookie parameter "session" is not supported; skipped');
    const items = list.response.fields.find((f) => f.name === 'items')!;
    expect(items.items!.fields!.map((f) => f.name)).to.deep.equal(['name', 'species', 'tags', 'id', 'parent']);
    const parent = items.items!.fields!.find((f) => f.name === 'parent')!;
    expect(parent.type, 'a recursive schema is cut, not expanded forever').to.equal('object');
    expect(parent.fields).to.equal(undefined);
    expect(list.response.example).to.deep.equal({ items: [{ id: 'p1', name: 'Tom', species: 'cat' }], has_more: false });

    const create = byId(catalog.entries, 'createPet') as EndpointEntry;
    expect(create.requestBody).to.equal('json');
    expect(create.params.filter((p) => p.required).map((p) => p.name).sort()).to.deep.equal(['name', 'owner', 'species']);
    const owner = create.params.find((p) => p.name === 'owner')!;
    expect(owner.fields!.map((f) => [f.name, f.type, !!f.required])).to.deep.equal([['name', 'string', true], ['phones', 'array', false]]);
    expect(create.params.find((p) => p.name === 'tags')!.additionalProperties).to.deep.equal({ type: 'string' });
    expect(create.mutates).to.equal(true);

    const get = byId(catalog.entries, 'getPet') as EndpointEntry;
    expect(get.params.map((p) => `${p.in}:${p.name}`)).to.deep.equal(['path:petId', 'header:X-Trace']);
    expect(get.params[0]).to.deep.include({ required: true, example: 'p1' });

    const del = byId(catalog.entries, 'deletePet') as EndpointEntry;
    expect([del.method, del.requestBody]).to.deep.equal(['DELETE', 'json']);
    expect(del.params.find((p) => p.name === 'reason')).to.deep.include({ in: 'body', required: true, maxLength: 200 });

    const upload = byId(catalog.entries, 'uploadPhoto') as EndpointEntry;
    expect(upload.requestBody).to.equal('multipart');
    expect(upload.params.find((p) => p.name === 'file')).to.deep.include({ type: 'file', required: true });
  });

  it('reads OpenAPI 3.1: type arrays, examples, const, event streams, binary bodies, webhooks', async () => {
    const { catalog } = importOpenApi(await fixtureDocument('test/fixtures/openapi/events-3.1.json'));
    const stream = byId(catalog.entries, 'streamAnswer') as EndpointEntry;
    expect(stream.stream).to.equal('sse');
    expect(stream.params.find((p) => p.name === 'question')).to.deep.include({ type: 'string', example: 'Why is the sky blue?', required: true });
    expect(stream.params.find((p) => p.name === 'mode')!.enum).to.deep.equal([{ value: 'fast' }]);
    const speak = byId(catalog.entries, 'speak') as EndpointEntry;
    expect(speak.response).to.deep.include({ kind: 'binary', contentType: 'audio/mpeg' });
    const hook = byId(catalog.entries, 'callbacks.answerReady') as CallbackEntry;
    expect(hook.kind).to.equal('callback');
    expect(hook.payload.example).to.deep.equal({ answer_id: 'a1' });
  });

  it('normalizes Express-style and percent-encoded path templates', () => {
    expect(normalizePath('/v1/bots/:bot_id/versions')).to.equal('/v1/bots/{bot_id}/versions');
    expect(normalizePath('/api/permission/oauth2/enterprise_id/%7Benterprise_id%7D/token')).to.equal('/api/permission/oauth2/enterprise_id/{enterprise_id}/token');
  });

  it('round-trips: import → export → import gives the same catalogue', async () => {
    for (const file of ['test/fixtures/openapi/pets-3.0.yaml', 'test/fixtures/openapi/events-3.1.json']) {
      const first = importOpenApi(await fixtureDocument(file)).catalog;
      const exported = exportOpenApi(first);
      expect(exported['openapi']).to.equal('3.1.0');
      const second = importOpenApi(JSON.parse(JSON.stringify(exported))).catalog;
      expect(normalized(second), file).to.deep.equal(normalized(first));
    }
  });

  it('exports the built-in catalogue as OpenAPI 3.1 and imports it back unchanged', async () => {
    const builtin = await loadBuiltinCatalog();
    const doc = exportOpenApi(builtin);
    const again = importOpenApi(JSON.parse(JSON.stringify(doc)), { source: 'export' }).catalog;
    expect(again.entries.length).to.equal(builtin.entries.length);
    expect(normalized(again)).to.deep.equal(normalized(builtin));
    const operations = Object.values(doc['paths'] as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(operations).to.equal(builtin.entries.filter((e) => e.kind === 'endpoint').length);
    expect(Object.keys(doc['webhooks'] as object)).to.have.length(builtin.entries.filter((e) => e.kind === 'callback').length);
  });

  it('imports a document of 2,000 operations', () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) paths[`/v1/things${i}/{id}`] = { get: { operationId: `getThing${i}`, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] } };
    const { catalog } = importOpenApi({ openapi: '3.0.0', info: { title: 'big' }, paths });
    expect(catalog.entries).to.have.length(2000);
  });
});

describe('OpenAPI import errors name the bad place', () => {
  const problemsOf = (doc: unknown) => (thrown(() => importOpenApi(doc, { source: 'doc.yaml' })) as OpenApiError).problems.map((p) => `${p.path}: ${p.message}`);

  it('rejects what is not OpenAPI 3', () => {
    expect(problemsOf('hello')).to.deep.equal([': expected an OpenAPI document (a JSON or YAML object)']);
    expect(problemsOf({ swagger: '2.0', paths: {} })).to.deep.equal(['swagger: Swagger 2.0 is not supported: convert the document to OpenAPI 3 first']);
    expect(problemsOf({ openapi: '4.0.0', paths: {} })[0]).to.equal('openapi: unsupported OpenAPI version "4.0.0": expected 3.0.x or 3.1.x');
    expect(problemsOf({ openapi: '3.1.0', info: {} })).to.deep.equal(['paths: the document has no paths (and no webhooks): nothing to import']);
  });

  it('names a bad parameter location, a bad schema type and a path without a slash', () => {
    const problems = problemsOf({
      openapi: '3.0.0',
      paths: {
        'pets': { get: {} },
        '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true }, { name: 'q', in: 'body' }, { name: 'n', in: 'query', schema: { type: 'int' } }] } },
      },
    });
    expect(problems).to.include('paths.pets: a path must start with "/"');
    expect(problems).to.include('paths["/pets/{id}"].get.parameters[1].in: expected one of "path", "query", "header", "cookie", received "body"');
    expect(problems).to.include('paths["/pets/{id}"].get.parameters[2].schema.type: expected one of "string", "number", "integer", "boolean", "array", "object", "null", received "int"');
  });

  it('detects $ref loops instead of hanging', () => {
    const problems = problemsOf({
      openapi: '3.0.0',
      paths: { '/a': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } },
      components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } },
    });
    expect(problems[0]).to.equal('paths["/a"].post.requestBody.content["application/json"].schema: $ref loop: #/components/schemas/A → #/components/schemas/B → #/components/schemas/A');
  });

  it('turns a $ref to nothing into a warning and an untyped value', () => {
    const { catalog, warnings } = importOpenApi({
      openapi: '3.0.0',
      paths: { '/a': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { f: { $ref: '#/components/schemas/Missing' } } } } } } } } },
    });
    expect((catalog.entries[0] as EndpointEntry).params[0]).to.deep.include({ name: 'f', type: 'string' });
    expect(warnings[0]!.message).to.equal('$ref "#/components/schemas/Missing" points to nothing (no components.schemas.Missing); read as an untyped value');
  });

  it('reports JSON and YAML syntax errors with where they are', async () => {
    const json = (await rejected(parseDocument('{"openapi": "3.0.0",}', 'a.json'))) as OpenApiError;
    expect(json.problems[0]!.message).to.match(/^not valid JSON: /);
    const yaml = (await rejected(parseDocument('openapi: 3.0.0\npaths:\n  /a: [unclosed\n', 'a.yaml'))) as OpenApiError;
    expect(yaml.problems[0]!.message).to.match(/^not valid YAML: .*line \d+/);
    expect(yaml.message).to.contain('Invalid a.yaml');
  });
});

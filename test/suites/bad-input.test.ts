/**
 * Suite "Bad input": wrong values for every parameter type, missing required values, oversized
 * values, path parameters that try to change the path, invalid JSON in the body editor, a token or a
 * header that cannot go in a request, and catalogues or OpenAPI documents that are malformed, huge
 * (10,000 APIs) or cyclic. Each gives a clear message where the user looks for it (at the field, in
 * the summary, at the editor, in the provider's error panel) and nothing is sent that should not be:
 * every request the page makes is watched at `fetch`, and what is sent reaches the emulator over
 * real HTTP.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-api-tree.js';
import '../../src/define/coze-api-form.js';
import '../../src/define/coze-api-code.js';
import '../../src/define/coze-api-response.js';
import type { Catalog, EndpointEntry } from '../../src/core/catalog/schema.js';
import type { CozeApiCode } from '../../src/elements/coze-api-code/coze-api-code.js';
import type { CozeApiForm } from '../../src/elements/coze-api-form/coze-api-form.js';
import type { CozeApiResponse } from '../../src/elements/coze-api-response/coze-api-response.js';
import type { CozeApiTree } from '../../src/elements/coze-api-tree/coze-api-tree.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';
import { EMULATOR_PRESETS, EMULATOR_TOKEN } from '../../src/emulator/presets.js';
import { watchFetch } from './secrets-kit.js';

const fetches = watchFetch();
after(() => fetches.stop());

/** Requests that reached for the emulator since `mark`. */
const sentSince = (mark: number) => fetches.sent.slice(mark).filter((r) => r.url.includes('/coze-api/'));

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

interface Mounted {
  pg: CozePlayground;
  form: CozeApiForm;
  code: CozeApiCode;
  response: CozeApiResponse;
  root: ShadowRoot;
}

/** A documentation-style try-it panel for one API: provider on the emulator, form, code and response. */
async function mount(api: string): Promise<Mounted> {
  const pg = await fixture<CozePlayground>(html`<coze-playground base-url="/coze-api" lang="en" .token=${EMULATOR_TOKEN} .presets=${{ ...EMULATOR_PRESETS }}>
    <coze-api-form api=${api}></coze-api-form><coze-api-code api=${api} language="curl"></coze-api-code><coze-api-response api=${api}></coze-api-response>
  </coze-playground>`);
  await pg.catalogComplete;
  const form = pg.querySelector('coze-api-form')!;
  const m = { pg, form, code: pg.querySelector('coze-api-code')!, response: pg.querySelector('coze-api-response')!, root: form.shadowRoot! };
  await settle(m);
  return m;
}

async function settle(m: Mounted): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await Promise.all([m.pg.updateComplete, m.form.updateComplete, m.code.updateComplete, m.response.updateComplete]);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}

const entryOf = (m: Mounted, id: string) => m.pg.loadedCatalog!.entries.find((e) => e.id === id) as EndpointEntry;

/** The input of a generated field, by the path validation uses (`body.limit`, `query.page_num`). */
function inputOf(m: Mounted, path: string): HTMLInputElement {
  const input = m.root.querySelector<HTMLInputElement>(`[data-path="${path}"] :is(input, textarea, select)`);
  if (!input) throw new Error(`no field for ${path}`);
  return input;
}

async function type(m: Mounted, input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle(m);
}

async function typeJson(m: Mounted, json: string): Promise<void> {
  m.root.querySelector<HTMLButtonElement>('#tab-json')!.click();
  await settle(m);
  await type(m, m.root.querySelector<HTMLTextAreaElement>('[part="json-editor"] textarea')!, json);
}

/** Presses the form's Run button; returns what reached for the emulator. */
async function pressRun(m: Mounted): Promise<number> {
  const mark = fetches.sent.length;
  m.root.querySelector<HTMLButtonElement>('[part="run"] button.primary')!.click();
  await settle(m);
  const api = m.form.api;
  await m.pg.session.run(api)?.done;
  await settle(m);
  return sentSince(mark).length;
}

/** The message shown at a field (what its `aria-describedby` error says). */
function fieldMessage(m: Mounted, path: string): string {
  return text(m.root.querySelector(`[data-path="${path}"] .error`));
}

const summary = (m: Mounted) => text(m.root.querySelector('[part="problems"]'));

/** Clicks a group's disclosure so that its nested fields render. */
async function open(m: Mounted, path: string): Promise<void> {
  const button = m.root.querySelector<HTMLButtonElement>(`[data-path="${path}"] .disclosure`)!;
  if (button.getAttribute('aria-expanded') !== 'true') button.click();
  await settle(m);
}

describe('Bad input', function () {
  this.timeout(30_000);
  beforeEach(() => localStorage.clear());

  describe('a wrong value for every parameter type: a message at the field and in the summary, nothing sent', () => {
    const cases: Array<{ name: string; api: string; path: string; enter: (m: Mounted) => Promise<void>; message: string }> = [
      { name: 'integer (words)', api: 'conversations.messages.list', path: 'body.limit', enter: (m) => type(m, inputOf(m, 'body.limit'), 'twenty'), message: 'limit must be an integer, got "twenty"' },
      { name: 'integer (a fraction)', api: 'conversations.messages.list', path: 'body.limit', enter: (m) => type(m, inputOf(m, 'body.limit'), '2.5'), message: 'limit must be an integer, got "2.5"' },
      { name: 'integer (above its maximum)', api: 'conversations.messages.list', path: 'body.limit', enter: (m) => type(m, inputOf(m, 'body.limit'), '500'), message: 'limit must be at most 50' },
      { name: 'integer in the query (below its minimum)', api: 'bots.list', path: 'query.page_num', enter: (m) => type(m, inputOf(m, 'query.page_num'), '0'), message: 'page_num must be at least 1' },
      { name: 'integer in the query (words)', api: 'bots.list', path: 'query.page_num', enter: (m) => type(m, inputOf(m, 'query.page_num'), 'first'), message: 'page_num must be an integer, got "first"' },
      {
        name: 'number (nested, above its maximum)',
        api: 'bots.create',
        path: 'body.model_info_config.top_p',
        enter: async (m) => {
          await open(m, 'body.model_info_config');
          await type(m, inputOf(m, 'body.model_info_config.top_p'), '1.5');
        },
        message: 'model_info_config.top_p must be at most 1',
      },
      {
        name: 'number (too big to be a number)',
        api: 'bots.create',
        path: 'body.model_info_config.top_p',
        enter: async (m) => {
          await open(m, 'body.model_info_config');
          await type(m, inputOf(m, 'body.model_info_config.top_p'), '1e999');
        },
        message: 'model_info_config.top_p must be a number, got "1e999"',
      },
      { name: 'string (too long)', api: 'bots.create', path: 'body.name', enter: (m) => type(m, inputOf(m, 'body.name'), 'a name of 21 letters!'), message: 'name must be at most 20 characters (it has 21)' },
      { name: 'file (none chosen)', api: 'files.upload', path: 'body.file', enter: async () => undefined, message: 'file is required' },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const m = await mount(c.api);
        await c.enter(m);
        expect(await pressRun(m), 'requests sent').to.equal(0);
        expect(m.pg.session.run(c.api)).to.equal(undefined);
        expect(fieldMessage(m, c.path)).to.contain(c.message);
        expect(summary(m)).to.contain(c.message);
        const input = inputOf(m, c.path);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
      });
    }

    const jsonCases: Array<{ name: string; api: string; body: unknown; message: string }> = [
      { name: 'string given a number', api: 'chat.create', body: { bot_id: EMULATOR_PRESETS.bot_id, user_id: 42 }, message: 'user_id must be a string, got number' },
      { name: 'boolean given text', api: 'chat.create', body: { bot_id: EMULATOR_PRESETS.bot_id, user_id: 'u', stream: 'yes' }, message: 'stream must be a boolean (true or false), got string' },
      { name: 'object given text', api: 'chat.create', body: { bot_id: EMULATOR_PRESETS.bot_id, user_id: 'u', meta_data: 'k=v' }, message: 'meta_data must be an object, got string' },
      { name: 'array given an object', api: 'chat.create', body: { bot_id: EMULATOR_PRESETS.bot_id, user_id: 'u', additional_messages: { role: 'user' } }, message: 'additional_messages must be an array, got object' },
      {
        name: 'enum given another word (nested in an array)',
        api: 'chat.create',
        body: { bot_id: EMULATOR_PRESETS.bot_id, user_id: 'u', additional_messages: [{ role: 'robot', content: 'hi', content_type: 'text' }] },
        message: 'additional_messages[0].role must be one of "user", "assistant"',
      },
      { name: 'array with too many items', api: 'bots.collaborators.add', body: { collaborators: [{ id: '1' }, { id: '2' }] }, message: 'collaborators must have at most 1 items (it has 2)' },
    ];
    for (const c of jsonCases) {
      it(`${c.name} (typed as JSON)`, async () => {
        const m = await mount(c.api);
        await typeJson(m, JSON.stringify(c.body, null, 2));
        expect(await pressRun(m), 'requests sent').to.equal(0);
        expect(summary(m)).to.contain(c.message);
      });
    }

    it('a header that cannot be sent (non-ASCII): at the field, nothing sent', async () => {
      const m = await mount('datasets.documents.list');
      await type(m, inputOf(m, 'header.Agw-Js-Conv'), '字符串');
      expect(await pressRun(m)).to.equal(0);
      const message = 'Agw-Js-Conv is a header: it can hold ASCII text only (no line breaks or non-ASCII characters)';
      expect(fieldMessage(m, 'header.Agw-Js-Conv')).to.equal(message);
      expect(summary(m)).to.contain(message);
    });

    it('a header the browser cannot carry, given to the transport directly: explained, nothing sent', async () => {
      const m = await mount('bots.list');
      const mark = fetches.sent.length;
      const run = await m.pg.currentTransport.send({ method: 'GET', path: '/v1/bots', headers: { 'x-note': 'line one\nline two' } }).done;
      expect(sentSince(mark)).to.deep.equal([]);
      expect(run.error?.kind).to.equal('request');
      expect(run.error?.message.en).to.equal('The header x-note cannot be sent: its name or value has characters a request header cannot carry (line breaks or non-ASCII characters).');
    });

    it('an access token that cannot go in a header: explained without showing it, nothing sent', async () => {
      const m = await mount('bots.list');
      const field = m.root.querySelector<HTMLInputElement>('#f-token')!;
      await type(m, field, 'pat_令牌…');
      expect(await pressRun(m)).to.equal(0);
      expect(m.pg.session.run('bots.list')!.run.error?.kind).to.equal('request');
      await waitUntil(() => text(m.response.shadowRoot?.querySelector('[part="error"]')).includes('The access token has characters that cannot go in a request header'), 'explained');
      expect(text(m.response.shadowRoot!.querySelector('[part="error"]'))).to.not.contain('令牌');
    });
  });

  describe('missing required values', () => {
    it('names each missing one at its field and in the summary, and sends nothing', async () => {
      const m = await mount('chat.create');
      await type(m, inputOf(m, 'body.bot_id'), '');
      await type(m, inputOf(m, 'body.user_id'), '   ');
      await type(m, inputOf(m, 'body.user_id'), '');
      expect(await pressRun(m)).to.equal(0);
      expect(fieldMessage(m, 'body.bot_id')).to.equal('bot_id is required');
      expect(fieldMessage(m, 'body.user_id')).to.equal('user_id is required');
      expect(text(m.root.querySelector('[part="problems"] h3'))).to.equal('Fix these before sending (2)');
    });

    it('names a missing path parameter, and the sample code shows where it goes', async () => {
      const m = await mount('bots.retrieve');
      await type(m, inputOf(m, 'path.bot_id'), '');
      expect(await pressRun(m)).to.equal(0);
      expect(fieldMessage(m, 'path.bot_id')).to.equal('bot_id is required');
      await waitUntil(() => text(m.code.shadowRoot!.querySelector('[part="code"]')).includes('/v1/bots/YOUR_BOT_ID'), 'placeholder in the sample');
    });
  });

  describe('oversized values', () => {
    it('counts a million characters, says so at the field, and sends nothing', async () => {
      const m = await mount('conversations.create');
      await type(m, inputOf(m, 'body.name'), 'x'.repeat(1_000_000));
      expect(await pressRun(m)).to.equal(0);
      expect(fieldMessage(m, 'body.name')).to.equal('name must be at most 100 characters (it has 1000000)');
    });

    it('counts characters, not UTF-16 units: 100 emoji fit a 100-character name', async () => {
      const m = await mount('conversations.create');
      await type(m, inputOf(m, 'body.name'), '🙂'.repeat(100));
      expect(await pressRun(m)).to.equal(1);
      expect(m.pg.session.run('conversations.create')!.run.status).to.equal(200);
      await type(m, inputOf(m, 'body.name'), '🙂'.repeat(101));
      expect(await pressRun(m)).to.equal(0);
      expect(fieldMessage(m, 'body.name')).to.equal('name must be at most 100 characters (it has 101)');
    });

    it('sends a 2 MB message where there is no limit, intact', async () => {
      const m = await mount('conversations.messages.create');
      const big = 'long '.repeat(400_000);
      await type(m, inputOf(m, 'body.content'), big);
      expect(await pressRun(m)).to.equal(1);
      const run = m.pg.session.run('conversations.messages.create')!.run;
      expect(run.status).to.equal(200);
      expect(JSON.parse(run.request.body as string).content).to.equal(big);
    });
  });

  describe('path parameters are encoded and never change the path', () => {
    for (const value of ['../../v1/workspaces', 'a?b=c&d', 'x#fragment', '100%', '%2e%2e', '%2F', 'ünï/cödé 🙂', ' spaced ']) {
      it(`sends ${JSON.stringify(value)} as one segment of /v1/bots/{bot_id}`, async () => {
        const m = await mount('bots.retrieve');
        await type(m, inputOf(m, 'path.bot_id'), value);
        const mark = fetches.sent.length;
        expect(await pressRun(m)).to.equal(1);
        const url = new URL(sentSince(mark)[0]!.url);
        expect(url.pathname).to.equal(`/coze-api/v1/bots/${encodeURIComponent(value)}`);
        // Nothing of the value leaks into the query or a fragment: only the form's own query parameter is there.
        expect([...url.searchParams.keys()]).to.deep.equal(['is_published']);
        expect(url.hash).to.equal('');
        // The emulator matched bots.retrieve, with the value decoded exactly.
        const run = m.pg.session.run('bots.retrieve')!.run;
        expect(run.coze?.msg ?? '').to.not.contain('there is no API at');
        expect(run.status).to.not.equal(404);
        await waitUntil(() => text(m.code.shadowRoot!.querySelector('[part="code"]')).includes(`/v1/bots/${encodeURIComponent(value)}`), 'the sample has the same URL');
      });
    }

    for (const value of ['.', '..']) {
      it(`refuses ${JSON.stringify(value)} at the field, and sends nothing`, async () => {
        const m = await mount('bots.retrieve');
        await type(m, inputOf(m, 'path.bot_id'), value);
        expect(await pressRun(m)).to.equal(0);
        expect(fieldMessage(m, 'path.bot_id')).to.equal(`bot_id cannot be "${value}": it would change the request path`);
      });
    }
  });

  describe('the raw JSON body', () => {
    it('shows invalid JSON at the editor with its line and column, and sends nothing', async () => {
      const m = await mount('chat.create');
      await typeJson(m, '{\n  "bot_id": "1",\n  "user_id": "u",\n}');
      const editor = m.root.querySelector<HTMLTextAreaElement>('[part="json-editor"] textarea')!;
      expect(editor.getAttribute('aria-invalid')).to.equal('true');
      expect(text(m.root.querySelector(`#${editor.getAttribute('aria-describedby')!.split(' ')[0]}`))).to.match(/^Invalid JSON at line 4, column 1: /);
      expect(await pressRun(m)).to.equal(0);
      expect(summary(m)).to.contain('The request body is not valid JSON');
    });

    it('places the error even where the browser names no position', async () => {
      const m = await mount('chat.create');
      // Chromium's message for this one is "Unexpected token ','…" with no position.
      await typeJson(m, '{\n  "bot_id": ,\n  "user_id": "u"\n}');
      const editor = m.root.querySelector<HTMLTextAreaElement>('[part="json-editor"] textarea')!;
      expect(text(m.root.querySelector(`#${editor.getAttribute('aria-describedby')!.split(' ')[0]}`))).to.match(/^Invalid JSON at line 2, column 13: /);
      expect(await pressRun(m)).to.equal(0);
    });

    it('refuses a body that is JSON but not an object', async () => {
      const m = await mount('chat.create');
      await typeJson(m, '["bot_id", "user_id"]');
      expect(await pressRun(m)).to.equal(0);
      expect(summary(m)).to.contain('The request body must be a JSON object.');
    });
  });

  describe('catalogues and OpenAPI documents', () => {
    /** A provider with a tree and a form, loading `catalog`; resolves once the load has finished. */
    async function load(catalog: string | object): Promise<{ pg: CozePlayground; tree: CozeApiTree; form: CozeApiForm; alert: string }> {
      const mark = fetches.sent.length;
      const pg = await fixture<CozePlayground>(html`<coze-playground base-url="/coze-api" lang="en" .token=${EMULATOR_TOKEN} .catalog=${catalog}><coze-api-tree></coze-api-tree><coze-api-form></coze-api-form></coze-playground>`);
      await pg.catalogComplete;
      await pg.updateComplete;
      const tree = pg.querySelector('coze-api-tree')!;
      const form = pg.querySelector('coze-api-form')!;
      await Promise.all([tree.updateComplete, form.updateComplete]);
      expect(sentSince(mark), 'nothing went to the API').to.deep.equal([]);
      return { pg, tree, form, alert: text(pg.shadowRoot!.querySelector('[role="alert"]')) };
    }

    const blobUrl = (body: string, type = 'application/json') => URL.createObjectURL(new Blob([body], { type }));

    it('explains a document that is not JSON or YAML, with where it breaks', async () => {
      const { alert, form } = await load(blobUrl('{"openapi": "3.0.0", "paths": {"/a": }}'));
      expect(alert).to.contain('The API catalogue could not be loaded');
      expect(alert).to.match(/\(root\): not valid JSON: .* \(line 1, column 38\)/);
      expect(text(form.shadowRoot!.querySelector('[role="alert"]'))).to.equal('The API catalogue could not be loaded.');
    });

    it('lists every bad field of a malformed catalogue by its path', async () => {
      const { alert } = await load({
        version: 1,
        groups: [],
        entries: [{ kind: 'endpoint', id: 'Bad Id', slug: 'x', title: { zh: '', en: 'x' }, summary: { zh: 'x', en: 'x' }, method: 'GET', host: 'api', path: '/v1/x/{id}', notes: [], requestBody: 'none', params: [{ name: 'n', in: 'cookie', type: 'string' }], response: { kind: 'json', envelope: 'standard', fields: [] }, stream: 'none', mutates: false, billable: false }],
      });
      expect(alert).to.contain('entries[0].id: expected a dotted camelCase id such as chat.create');
      expect(alert).to.contain('entries[0].title.zh: must not be empty');
      expect(alert).to.contain('entries[0].params[0].in: expected one of "path", "query", "header", "body", received "cookie"');
    });

    it('names a malformed OpenAPI operation by its path in the document', async () => {
      const { alert } = await load({ openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: { '/a': { get: { parameters: [{ name: 'q', in: 'body', schema: { type: 'string' } }, { name: 'n', in: 'query', schema: { type: 'int' } }] } } } });
      expect(alert).to.contain('paths["/a"].get.parameters[0].in: expected one of "path", "query", "header", "cookie", received "body"');
      expect(alert).to.contain('paths["/a"].get.parameters[1].schema.type: expected one of');
    });

    it('reports a $ref loop at its place instead of hanging', async () => {
      const { alert } = await load({
        openapi: '3.0.3',
        info: { title: 'loop', version: '1' },
        paths: { '/a': { post: { operationId: 'a.create', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } },
        components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } },
      });
      expect(alert).to.contain('$ref loop: #/components/schemas/A → #/components/schemas/B → #/components/schemas/A');
      expect(alert).to.contain('paths["/a"].post.requestBody.content["application/json"].schema');
    });

    it('imports a recursive schema (a tree of nodes), cutting it where it repeats', async () => {
      const { pg, form } = await load({
        openapi: '3.0.3',
        info: { title: 'tree', version: '1' },
        paths: { '/nodes': { post: { operationId: 'nodes.create', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } } } },
        components: { schemas: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } },
      });
      expect(pg.loadedCatalog!.entries).to.have.length(1);
      pg.session.select(pg.loadedCatalog!.entries[0]!.id);
      await form.updateComplete;
      await form.updateComplete;
      expect(text(form.shadowRoot!.querySelector('[data-path="body.children"]'))).to.contain('children');
    });

    function bigCatalog(n: number): Catalog {
      const entries: EndpointEntry[] = [];
      for (let i = 0; i < n; i++) {
        entries.push({
          kind: 'endpoint',
          id: `gen.api${i}`,
          slug: `gen_${i}`,
          group: 'gen',
          title: { zh: `接口 ${i}`, en: `Generated API ${i}` },
          summary: { zh: '生成的接口', en: 'A generated API' },
          method: 'GET',
          host: 'api',
          // The last one is a real API of the emulator.
          path: i === n - 1 ? '/v1/workspaces' : `/v1/generated/${i}`,
          notes: [],
          requestBody: 'none',
          params: [{ name: 'page_num', in: 'query', type: 'integer', minimum: 1 }],
          response: { kind: 'json', envelope: 'standard', fields: [] },
          stream: 'none',
          mutates: false,
          billable: false,
        });
      }
      return { version: 1, title: { zh: '大目录', en: 'Huge catalogue' }, groups: [{ id: 'gen', title: { zh: '生成', en: 'Generated' } }], entries };
    }

    it('loads a catalogue of 10,000 APIs: listed, searchable, and runnable', async () => {
      const { pg, tree, form, alert } = await load(bigCatalog(10_000));
      expect(alert).to.equal('');
      expect(text(tree.shadowRoot!.querySelector('[part="count"]'))).to.match(/10,?000 APIs/);
      const search = tree.shadowRoot!.querySelector<HTMLInputElement>('[part="search"] input, input[part="search"]')!;
      search.value = 'Generated API 9999';
      search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await waitUntil(() => /^1 matching/.test(text(tree.shadowRoot!.querySelector('[part="count"]'))), 'one match', { timeout: 10_000 });
      pg.session.select('gen.api9999');
      await form.updateComplete;
      await form.updateComplete;
      const mark = fetches.sent.length;
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="run"] button.primary')!.click();
      const run = await pg.session.run('gen.api9999')!.done;
      expect(run.status).to.equal(200);
      expect(sentSince(mark)).to.have.length(1);
    });

    it('imports an OpenAPI document of 10,000 operations', async () => {
      const paths: Record<string, unknown> = {};
      for (let i = 0; i < 10_000; i++) paths[`/v1/items/${i}`] = { get: { operationId: `items.get${i}`, summary: `Item ${i}`, parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] } };
      const { pg, tree, alert } = await load(blobUrl(JSON.stringify({ openapi: '3.1.0', info: { title: 'Many', version: '1' }, paths })));
      expect(alert).to.equal('');
      expect(pg.loadedCatalog!.entries.filter((e) => e.kind === 'endpoint')).to.have.length(10_000);
      expect(text(tree.shadowRoot!.querySelector('[part="count"]'))).to.match(/10,?000 APIs/);
    });
  });
});

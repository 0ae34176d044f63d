import { expect } from '@open-wc/testing';
import { loadBuiltinCatalog } from '../../src/catalog/index.js';
import { lintCatalogCompleteness, lintCatalogText } from '../../src/core/catalog/load.js';
import type { EndpointEntry } from '../../src/core/catalog/schema.js';
import { EXPECTED_ENDPOINTS } from './expected-endpoints.js';

describe('built-in catalogue', () => {
  it('loads and validates', async () => {
    const catalog = await loadBuiltinCatalog();
    expect(catalog.version).to.equal(1);
    expect(catalog.entries).to.have.length(156);
  });

  it('has one entry per page of the docs navigation: 126 runnable endpoints, 6 callback events, 24 doc pages', async () => {
    const { entries } = await loadBuiltinCatalog();
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    expect([count('endpoint'), count('callback'), count('doc')]).to.deep.equal([126, 6, 24]);
    const endpoints = entries.filter((e): e is EndpointEntry => e.kind === 'endpoint');
    expect(endpoints.filter((e) => e.stream === 'sse')).to.have.length(5);
    expect(endpoints.filter((e) => e.stream === 'websocket')).to.have.length(3);
  });

  it('covers each of the 126 runnable endpoints by method and path', async () => {
    const { entries } = await loadBuiltinCatalog();
    const actual = entries.filter((e): e is EndpointEntry => e.kind === 'endpoint').map((e) => `${e.method} ${e.path}`);
    expect(EXPECTED_ENDPOINTS).to.have.length(126);
    expect([...actual].sort()).to.deep.equal([...EXPECTED_ENDPOINTS].sort());
  });

  it('writes every title, summary and description in Chinese and in English', async () => {
    const catalog = await loadBuiltinCatalog();
    expect(lintCatalogText(catalog)).to.deep.equal([]);
    for (const e of catalog.entries) {
      expect(e.title.zh, e.id).to.match(/[\u3400-\u9fff]/);
      expect(e.title.en, e.id).to.not.match(/[\u3400-\u9fff]/);
      expect(e.summary.en.length, e.id).to.be.greaterThan(10);
    }
  });

  it('describes every parameter and response field, links every page, and gives JSON endpoints an example', async () => {
    expect(lintCatalogCompleteness(await loadBuiltinCatalog())).to.deep.equal([]);
  });

  it('uses stable dotted ids and unique slugs that match the doc links', async () => {
    const { entries } = await loadBuiltinCatalog();
    expect(new Set(entries.map((e) => e.id)).size).to.equal(entries.length);
    expect(new Set(entries.map((e) => e.slug)).size).to.equal(entries.length);
    for (const e of entries) expect(e.docUrl, e.id).to.equal(`https://www.coze.cn/open/docs/developer_guides/${e.slug}`);
    const ids = new Set(entries.map((e) => e.id));
    for (const id of ['chat.create', 'chat.retrieve', 'chat.submitToolOutputs', 'chat.cancel', 'conversations.list', 'conversations.messages.list', 'workflows.runs.stream', 'files.upload', 'audio.speech.create', 'datasets.documents.create']) {
      expect(ids.has(id), id).to.equal(true);
    }
  });

  it('marks calls that change data or can cost money', async () => {
    const { entries } = await loadBuiltinCatalog();
    const byId = new Map(entries.map((e) => [e.id, e]));
    const ep = (id: string) => byId.get(id) as EndpointEntry;
    expect(ep('chat.create')).to.include({ mutates: true, billable: true });
    expect(ep('workflows.runs.create')).to.include({ mutates: true, billable: true });
    expect(ep('audio.speech.create').billable).to.equal(true);
    expect(ep('conversations.delete')).to.include({ mutates: true, billable: false });
    expect(ep('conversations.list')).to.include({ mutates: false, billable: false });
    expect(ep('bots.list').mutates).to.equal(false);
    for (const e of entries) {
      if (e.kind === 'endpoint' && e.method === 'DELETE') expect(e.mutates, e.id).to.equal(true);
      if (e.kind === 'endpoint' && e.method === 'GET') expect(e.billable, e.id).to.equal(false);
    }
  });

  it('describes chat streaming with the real event sequence and the stream toggle', async () => {
    const { entries } = await loadBuiltinCatalog();
    const chat = entries.find((e) => e.id === 'chat.create') as EndpointEntry;
    expect(chat).to.include({ method: 'POST', path: '/v3/chat', stream: 'sse', streamToggle: 'stream', requestBody: 'json' });
    expect(chat.params.filter((p) => p.required).map((p) => p.name).sort()).to.deep.equal(['bot_id', 'user_id']);
    const events = chat.response.events!.map((e) => e.name);
    for (const name of ['conversation.chat.created', 'conversation.chat.in_progress', 'conversation.message.delta', 'conversation.message.completed', 'conversation.chat.completed', 'conversation.chat.failed', 'conversation.chat.requires_action', 'conversation.audio.delta', 'error', 'done']) {
      expect(events, name).to.include(name);
    }
    const sample = chat.response.streamExample!.map((r) => r.event);
    expect(sample[0]).to.equal('conversation.chat.created');
    expect(sample.at(-1)).to.equal('done');
    expect(sample.at(-2)).to.equal('conversation.chat.completed');
    for (const record of chat.response.streamExample!) if (record.event !== 'done') expect(() => JSON.parse(record.data), record.event).to.not.throw();
  });

  it('gives realistic examples in the standard envelope', async () => {
    const { entries } = await loadBuiltinCatalog();
    for (const e of entries) {
      if (e.kind !== 'endpoint' || e.response.kind !== 'json' || e.response.envelope !== 'standard') continue;
      const example = e.response.example as Record<string, unknown>;
      expect(example, e.id).to.be.an('object');
      expect(example['code'], e.id).to.equal(0);
      expect(JSON.stringify(example), e.id).to.not.match(/\bTODO\b|xxx{3,}/i);
    }
  });

  it('records where and why it departs from the official files', async () => {
    const { entries } = await loadBuiltinCatalog();
    const chat = entries.find((e) => e.id === 'chat.create') as EndpointEntry;
    const required = chat.deviations!.find((d) => d.about === 'required')!;
    expect([required.official, required.catalogue]).to.deep.equal(['', 'bot_id,user_id']);
    expect(required.reason.zh).to.match(/[\u3400-\u9fff]/);
  });
});

import { expect } from '@open-wc/testing';
import { loadBuiltinCatalog } from '../../src/catalog/index.js';
import type { EndpointEntry } from '../../src/core/catalog/schema.js';
import { buildRequest, initialValues } from '../../src/core/request/build.js';
import { HISTORY_MAX_AGE_MS, PlaygroundSession, STORAGE_KEYS } from '../../src/core/session.js';
import { FetchTransport } from '../../src/core/transport/fetch-transport.js';

const TOKEN = 'pat_SessionSecret_5544332211';

/** A Storage in memory, optionally full. */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  full = false;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.map.set(key, value);
  }
  dump() {
    return [...this.map.values()].join('\n');
  }
}

async function entry(id: string): Promise<EndpointEntry> {
  const catalog = await loadBuiltinCatalog();
  return catalog.entries.find((e) => e.id === id) as EndpointEntry;
}

const transport = () => new FetchTransport({ baseUrl: `${location.origin}/coze-api`, token: TOKEN });

describe('session', () => {
  it('starts a form with presets, defaults and required examples', async () => {
    const chat = await entry('chat.create');
    const values = initialValues(chat, { bot_id: '7431847190245277732' });
    expect(values.body['bot_id']).to.equal('7431847190245277732');
    expect(values.body['user_id'], 'a required parameter starts from its example').to.be.a('string');
  });

  it('builds requests: path params encoded, query arrays repeated, empty values left out', async () => {
    const retrieve = await entry('conversations.messages.list');
    const request = buildRequest(retrieve, { path: {}, query: { conversation_id: '123' }, header: {}, body: { limit: 20, before_id: '', order: undefined } });
    expect(request).to.deep.include({ method: 'POST', path: '/v1/conversation/message/list', query: { conversation_id: '123' } });
    expect(request.body).to.deep.equal({ kind: 'json', value: { limit: 20 } });
  });

  it('keeps drafts across sessions, without files or the token', async () => {
    const storage = new MemoryStorage();
    const first = new PlaygroundSession({ storage });
    first.setToken(TOKEN);
    first.setValues('files.upload', { path: {}, query: {}, header: {}, body: { file: new File(['abc'], 'a.png') } });
    first.setValues('chat.create', { path: {}, query: {}, header: {}, body: { bot_id: '42' } });
    expect(storage.dump()).to.not.contain(TOKEN);
    const second = new PlaygroundSession({ storage });
    expect(second.values(await entry('chat.create')).body).to.deep.equal({ bot_id: '42' });
    expect(second.values(await entry('files.upload')).body['file']).to.deep.equal({ $file: 'a.png', size: 3 });
    expect(second.token).to.equal(undefined);
  });

  it('discards corrupt saved state with a notice, and keeps working when storage is full', async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEYS.drafts, '{not json');
    storage.setItem(STORAGE_KEYS.history, '{"a":1}');
    const session = new PlaygroundSession({ storage });
    expect(session.notices.map((n) => n.key)).to.deep.equal(['drafts-reset', 'history-reset']);
    expect(storage.getItem(STORAGE_KEYS.drafts)).to.equal(null);
    storage.full = true;
    session.setValues('chat.create', { path: {}, query: {}, header: {}, body: { bot_id: '1' } });
    expect(session.notices.map((n) => n.key)).to.include('storage-full');
    expect(session.values(await entry('chat.create')).body['bot_id']).to.equal('1');
  });

  it('does not send values with problems, and says where they are', async () => {
    const session = new PlaygroundSession({ storage: null });
    const chat = await entry('chat.create');
    session.setValues(chat.id, { path: {}, query: {}, header: {}, body: { stream: 'yes' } });
    expect(session.trySend(chat, transport())).to.equal(undefined);
    expect(session.run(chat.id)).to.equal(undefined);
    const problems = session.problems(chat.id).map((p) => `${p.path}: ${p.message.en}`);
    expect(problems).to.include('body.bot_id: bot_id is required');
    expect(problems).to.include('body.stream: stream must be a boolean (true or false), got string');
    session.setValues(chat.id, { path: {}, query: {}, header: {}, body: {}, bodyText: '{"bot_id": ' });
    expect(session.check(chat)[0]!.message.en).to.match(/^The request body is not valid JSON: /);
  });

  it('runs, keeps the last 5 runs per API for 7 days without the token, and collects ids', async () => {
    const storage = new MemoryStorage();
    let now = Date.now();
    const session = new PlaygroundSession({ storage, now: () => now });
    const create = await entry('conversations.create');
    for (let i = 0; i < 6; i++) {
      const handle = session.send(create, transport());
      await handle.done;
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(session.history(create.id)).to.have.length(5);
    expect(storage.dump()).to.not.contain(TOKEN);
    expect(session.carried('conversation_id').length).to.be.greaterThan(0);
    const reopened = session.history(create.id)[0]!;
    session.reopen(reopened);
    expect(session.shown(create.id)).to.equal(reopened);
    now += HISTORY_MAX_AGE_MS + 1000;
    expect(session.history(create.id)).to.have.length(0);
    session.clearHistory();
    expect(new PlaygroundSession({ storage }).history()).to.have.length(0);
  });
});

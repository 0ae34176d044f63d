/**
 * The fetch transport in Chromium, over real HTTP to the emulator the test server hosts at /coze-api
 * (see web-test-runner.config.mjs), plus two helper servers: one without CORS headers, one dead port.
 */
import { expect } from '@open-wc/testing';
import { FetchTransport } from '../../src/core/transport/fetch-transport.js';
import type { DraftRequest, Run } from '../../src/core/transport/types.js';

declare global {
  interface Window {
    __TEST_ENV__: { noCorsUrl: string; deadUrl: string };
  }
}

const TOKEN = 'pat_TopSecretToken_9f8e7d6c5b4a';
const base = `${location.origin}/coze-api`;
const transport = (options: ConstructorParameters<typeof FetchTransport>[0] = {}) => new FetchTransport({ baseUrl: base, token: TOKEN, ...options });
const listBots: DraftRequest = { method: 'GET', path: '/v1/bots', query: { workspace_id: '7431847011263217676' } };
const withFault = (draft: DraftRequest, fault: string): DraftRequest => ({ ...draft, headers: { ...draft.headers, 'x-coze-emulator-fault': fault } });

/** A transport whose fetch answers with the given raw event-stream text, in the given pieces. */
function sseTransport(pieces: string[]): FetchTransport {
  const encoder = new TextEncoder();
  return new FetchTransport({
    baseUrl: 'https://api.coze.cn',
    token: TOKEN,
    fetch: async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (const p of pieces) controller.enqueue(encoder.encode(p));
            controller.close();
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      ),
  });
}

function expectNoToken(run: Run): void {
  expect(JSON.stringify(run)).to.not.contain(TOKEN);
  expect(JSON.stringify(run)).to.not.contain('TopSecret');
}

describe('transport: JSON requests', () => {
  it('returns a run with status, headers, timing, size, log id and the decoded envelope', async () => {
    const run = await transport().send(listBots).done;
    expect(run.state).to.equal('done');
    expect(run.error).to.equal(undefined);
    expect(run.status).to.equal(200);
    expect(run.request.url).to.equal(`${base}/v1/bots?workspace_id=7431847011263217676`);
    expect(run.request.headers['authorization']).to.equal('Bearer ‹token hidden›');
    expect(run.logid).to.match(/^\d{14}[0-9A-F]{20}$/);
    expect(run.body?.kind).to.equal('json');
    const body = (run.body as { value: { code: number; detail: { logid: string } } }).value;
    expect(body.code).to.equal(0);
    expect(body.detail.logid).to.equal(run.logid);
    expect(run.coze).to.deep.equal({ code: 0, msg: '' });
    expect(run.ttfbMs).to.be.a('number');
    expect(run.totalMs! >= run.ttfbMs!).to.equal(true);
    expect(run.size).to.be.greaterThan(100);
    expectNoToken(run);
  });

  it('explains a Coze error code (missing token → 4100) in both languages', async () => {
    const run = await transport({ token: undefined }).send(listBots).done;
    expect(run.state).to.equal('error');
    expect(run.error).to.include({ kind: 'coze', code: 4100, status: 401 });
    expect(run.error!.message.en).to.contain('Authentication failed');
    expect(run.error!.message.zh).to.contain('鉴权失败');
    expect(run.error!.hint!.en).to.contain('region');
    expect(run.error!.logid).to.equal(run.logid);
  });

  it('reports a parameter error with the service message naming the parameter', async () => {
    const run = await transport().send({ method: 'GET', path: '/v1/bots' }).done;
    expect(run.error).to.include({ kind: 'coze', code: 4000 });
    expect(run.error!.serviceMessage).to.equal('invalid parameter: workspace_id is required');
  });

  it('reports each Coze code the service can give, with its meaning', async () => {
    for (const code of [4000, 4015, 4101, 4200, 700012006]) {
      const run = await transport().send(withFault(listBots, `code=${code}`)).done;
      expect(run.error, String(code)).to.include({ kind: 'coze', code });
      expect(run.error!.message.en, String(code)).to.not.contain('answered with error code');
    }
    const unknown = await transport().send(withFault(listBots, 'code=123456')).done;
    expect(unknown.error!.message.en).to.equal('Coze answered with error code 123456.');
  });

  it('reports HTTP status errors of each family without a Coze code', async () => {
    for (const status of [400, 404, 429, 500, 503]) {
      const run = await transport().send(withFault(listBots, `status=${status}`)).done;
      expect(run.error, String(status)).to.include({ kind: 'http', status });
      expect(run.body).to.deep.include({ kind: 'text', text: `emulated HTTP ${status}` });
    }
  });

  it('recognises an HTML error page from a gateway', async () => {
    const run = await transport().send(withFault(listBots, 'html')).done;
    expect(run.error).to.include({ kind: 'http', status: 502 });
    expect(run.error!.hint!.en).to.contain('HTML error page');
  });

  it('keeps the raw text of a broken JSON body and says it cannot be parsed', async () => {
    const run = await transport().send(withFault(listBots, 'broken-json')).done;
    expect(run.error!.kind).to.equal('parse');
    expect(run.body).to.deep.include({ kind: 'text' });
    expect((run.body as { text: string }).text).to.match(/^\{"code":0/);
  });

  it('reports a dropped connection as a network error', async () => {
    const run = await transport().send(withFault(listBots, 'reset')).done;
    expect(run.error!.kind).to.equal('network');
  });

  it('times out when no answer comes', async () => {
    const run = await transport({ timeoutMs: 300 }).send(withFault(listBots, 'latency=3000')).done;
    expect(run.error!.kind).to.equal('timeout');
    expect(run.error!.message.en).to.equal('No response within 0.3 s.');
  });

  it('tells a CORS block apart from an unreachable server, and suggests the proxy for CORS', async () => {
    const cors = await new FetchTransport({ baseUrl: window.__TEST_ENV__.noCorsUrl, token: TOKEN }).send(listBots).done;
    expect(cors.error!.kind).to.equal('cors');
    expect(cors.error!.hint!.en).to.contain('proxy URL');
    expectNoToken(cors);
    const dead = await new FetchTransport({ baseUrl: window.__TEST_ENV__.deadUrl, token: TOKEN }).send(listBots).done;
    expect(dead.error!.kind).to.equal('network');
  });

  it('cancels with an AbortSignal', async () => {
    const abort = new AbortController();
    const handle = transport().send(withFault(listBots, 'latency=2000'), { signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    const run = await handle.done;
    expect(run.error!.kind).to.equal('aborted');
  });

  it('asks a token function for a fresh token after a 4100, and retries once', async () => {
    const calls: boolean[] = [];
    const provider = ({ refresh }: { refresh: boolean }) => {
      calls.push(refresh);
      return refresh ? 'pat_fresh_token_123' : 'pat_expired_token_123';
    };
    const run = await transport({ token: provider }).send(listBots).done;
    expect(calls).to.deep.equal([false, true]);
    expect(run.status).to.equal(200);
    expect(run.error).to.equal(undefined);
  });

  it('sends DELETE with a JSON body, multipart files, and extra headers', async () => {
    const del = await transport({ headers: { 'x-trace-id': 'trace-1' } })
      .send({ method: 'DELETE', path: '/v1/workspaces/{workspace_id}/members', pathParams: { workspace_id: '7431847011263217676' }, body: { kind: 'json', value: { user_ids: ['123'] } } })
      .done;
    expect(del.request.body).to.equal('{"user_ids":["123"]}');
    expect(del.request.headers['x-trace-id']).to.equal('trace-1');
    expect(del.error).to.equal(undefined);
    const file = new File(['a,b'], 'table.csv', { type: 'text/csv' });
    const up = await transport().send({ method: 'POST', path: '/v1/files/upload', body: { kind: 'multipart', fields: [{ name: 'file', value: file }] } }).done;
    expect(up.request.body).to.deep.equal([{ name: 'file', value: 'table.csv', file: { name: 'table.csv', size: 3, type: 'text/csv' } }]);
    expect(up.error).to.equal(undefined);
  });

  it('encodes path parameters so they never change the path', async () => {
    const t = transport();
    const url = t.urlFor({ method: 'GET', path: '/v1/bots/{bot_id}', pathParams: { bot_id: '../x?y#z%/中' } });
    expect(url).to.equal(`${base}/v1/bots/..%2Fx%3Fy%23z%25%2F%E4%B8%AD`);
    const run = await t.send({ method: 'GET', path: '/v1/bots/{bot_id}', pathParams: { bot_id: '..' } }).done;
    expect(run.error!.kind).to.equal('request');
    expect(run.error!.message.en).to.equal('The path parameter bot_id cannot be "..".');
  });

  it('builds URLs by region, custom base URL, and through a proxy', async () => {
    expect(new FetchTransport({ region: 'cn' }).urlFor(listBots)).to.match(/^https:\/\/api\.coze\.cn\/v1\/bots\?/);
    expect(new FetchTransport({ region: 'com' }).urlFor(listBots)).to.match(/^https:\/\/api\.coze\.com\/v1\/bots\?/);
    expect(new FetchTransport({ region: 'com' }).urlFor({ method: 'GET', path: '/api/permission/oauth2/authorize', host: 'www' })).to.equal('https://www.coze.com/api/permission/oauth2/authorize');
    const proxied = await new FetchTransport({ region: 'cn', proxyUrl: `${location.origin}/coze-api`, token: TOKEN }).send(listBots).done;
    expect(proxied.request.url).to.equal(`${location.origin}/coze-api/v1/bots?workspace_id=7431847011263217676`);
    expect(proxied.request.headers['x-coze-base-url']).to.equal('https://api.coze.cn');
    expect(proxied.status).to.equal(200);
  });
});

describe('transport: event streams', () => {
  it('parses what Coze really sends: no space after the colon, id lines, CRLF, multi-line data, a last event with no blank line', async () => {
    const run = await sseTransport([
      'event:conversation.chat.created\r\ndata:{"id":"1"}\r\n\r\n',
      'id: 0\r\nevent: Message\r\ndata: {"content":"line one\r\ndata: line two"}\r\n\r\n',
      'event: PING\ndata: {}\n\n',
      'event:conversation.message.delta\ndata:{"content":"Hel',
      'lo"}\n\n',
      'event:done\ndata:"[DONE]"',
    ]).send({ method: 'POST', path: '/v3/chat', body: { kind: 'json', value: {} } }).done;
    expect(run.error).to.equal(undefined);
    expect(run.events.map((e) => e.event)).to.deep.equal(['conversation.chat.created', 'Message', 'PING', 'conversation.message.delta', 'done']);
    expect(run.events[1]!.id).to.equal('0');
    expect(run.events[1]!.data).to.equal('{"content":"line one\nline two"}');
    expect(run.events[3]!.json()).to.deep.equal({ content: 'Hello' });
    expect(run.events[4]!.json()).to.equal('[DONE]');
    expect(run.events.every((e, i) => e.index === i && typeof e.at === 'number')).to.equal(true);
  });

  it('reports `event: error` with a code, and with an empty object', async () => {
    const coded = await sseTransport(['event: error\ndata: {"code":4011,"msg":"balance"}\n\n']).send({ method: 'POST', path: '/v3/chat' }).done;
    expect(coded.error).to.include({ kind: 'stream-error', code: 4011, serviceMessage: 'balance' });
    expect(coded.error!.message.en).to.contain('balance is insufficient');
    const empty = await sseTransport(['event:error\ndata:{}\n\n']).send({ method: 'POST', path: '/v3/chat' }).done;
    expect(empty.error!.kind).to.equal('stream-error');
    expect(empty.error!.message.en).to.equal('The stream reported an error.');
  });

  it('reports a failed chat and a workflow Error event', async () => {
    const failed = await sseTransport(['event:conversation.chat.failed\ndata:{"status":"failed","last_error":{"code":5000,"msg":"event interval error"}}\n\n', 'event:done\ndata:"[DONE]"\n\n']).send({ method: 'POST', path: '/v3/chat' }).done;
    expect(failed.error).to.include({ kind: 'stream-error', code: 5000, serviceMessage: 'event interval error' });
    const wf = await sseTransport(['id: 0\nevent: Error\ndata: {"error_code":4000,"error_message":"Request parameter error"}\n\n']).send({ method: 'POST', path: '/v1/workflow/stream_run' }).done;
    expect(wf.error).to.include({ kind: 'stream-error', code: 4000, serviceMessage: 'Request parameter error' });
  });

  it('says when a stream ends before its end event', async () => {
    const run = await sseTransport(['event:conversation.chat.created\ndata:{}\n\n']).send({ method: 'POST', path: '/v3/chat' }).done;
    expect(run.error!.kind).to.equal('stream-cut');
    expect(run.events).to.have.length(1);
    const plain = await sseTransport(['data: a\n\n']).send({ method: 'POST', path: '/x' }, { streamEndEvents: [] }).done;
    expect(plain.error).to.equal(undefined);
  });
});

describe('transport: streams over HTTP from the emulator', () => {
  const chat = (fault?: string): DraftRequest => ({
    method: 'POST',
    path: '/v3/chat',
    body: { kind: 'json', value: { bot_id: '7431847190245277732', user_id: 'u-1', stream: true, additional_messages: [{ role: 'user', content: 'Hello there', content_type: 'text' }] } },
    ...(fault ? { headers: { 'x-coze-emulator-fault': fault } } : {}),
  });

  it('delivers events as they arrive: the first is seen well before the stream ends', async () => {
    const handle = transport().send(chat('slow=40'));
    let stateAtFirstEvent: string | undefined;
    let eventsAtFirstSight = 0;
    for await (const event of handle.events()) {
      if (event.index === 0) {
        stateAtFirstEvent = handle.run.state;
        eventsAtFirstSight = handle.run.events.length;
      }
    }
    const run = await handle.done;
    expect(stateAtFirstEvent).to.equal('streaming');
    expect(eventsAtFirstSight).to.be.lessThan(3);
    expect(run.error).to.equal(undefined);
    expect(run.events.at(-1)!.event).to.equal('done');
    expect(run.firstEventMs!).to.be.lessThan(run.totalMs! - 200);
    expectNoToken(run);
  });

  it('aborts mid-stream and keeps what arrived', async () => {
    const handle = transport().send(chat('slow=60'));
    const off = handle.subscribe((r) => {
      if (r.events.length === 2) handle.abort();
    });
    const run = await handle.done;
    off();
    expect(run.error!.kind).to.equal('aborted');
    expect(run.events.length).to.be.within(2, 3);
    expect(run.events.some((e) => e.event === 'done')).to.equal(false);
  });

  it('reports a stream cut after N events', async () => {
    const run = await transport().send(chat('cut-after=3')).done;
    expect(run.error!.kind).to.equal('stream-cut');
    expect(run.events).to.have.length(3);
    expect(run.error!.message.en).to.equal('The stream stopped before its end event (3 event(s) received).');
  });

  it('stops waiting on a stalled stream', async () => {
    const run = await transport({ idleTimeoutMs: 300 }).send(chat('stall-after=2')).done;
    expect(run.error!.kind).to.equal('timeout');
    expect(run.events).to.have.length(2);
  });
});

describe('emulator in the browser, as an injectable fetch', () => {
  it('answers a streaming chat with no server and no network', async () => {
    const { createEmulator } = await import('../../src/emulator/index.js');
    const emulator = createEmulator({ streamDelayMs: 0 });
    const t = new FetchTransport({ baseUrl: 'https://emulator.invalid', token: 'pat_emulator', fetch: emulator.fetch });
    const run = await t.send({
      method: 'POST',
      path: '/v3/chat',
      body: { kind: 'json', value: { bot_id: '7431847190245277732', user_id: 'u', stream: true, additional_messages: [{ role: 'user', content: 'hi', content_type: 'text' }] } },
    }).done;
    expect(run.error).to.equal(undefined);
    const names = run.events.map((e) => e.event);
    expect(names[0]).to.equal('conversation.chat.created');
    expect(names.at(-1)).to.equal('done');
    const answer = run.events
      .filter((e) => e.event === 'conversation.message.delta')
      .map((e) => (e.json() as { content: string }).content)
      .join('');
    const completed = run.events.find((e) => e.event === 'conversation.message.completed' && (e.json() as { type: string }).type === 'answer');
    expect(answer).to.equal((completed!.json() as { content: string }).content);
  });
});

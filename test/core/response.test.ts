/** The response panel's pure helpers: stream assembly, copy-as-curl, JSON tree rows, windowing, JSON text. */
import { expect } from '@open-wc/testing';
import { curlCommand, shellQuote } from '../../src/core/code/curl.js';
import { assemble, prettyArguments, StreamAssembler, type AssembleEvent } from '../../src/core/response/assemble.js';
import { indentJson, jsonTokens } from '../../src/core/response/json-text.js';
import { emptyTreeState, expandAllIds, flattenJson, initialExpansion, losslessJson, RawNumber, stringLines, valueAt } from '../../src/core/response/json-tree.js';
import { formatBytes, formatMs, formatNumber } from '../../src/core/format.js';
import { textSegments } from '../../src/core/response/segments.js';
import { downloadName, eventStreamText, statusFamily } from '../../src/core/response/view.js';
import { rowAt, scrollToShow, visibleWindow } from '../../src/core/response/window.js';

const ev = (event: string, data: unknown, at = 0): AssembleEvent => ({ event, data: typeof data === 'string' ? data : JSON.stringify(data), at });
const chat = (status: string, extra: Record<string, unknown> = {}) => ({ id: 'c1', conversation_id: 'v1', status, ...extra });
const delta = (content: string, extra: Record<string, unknown> = {}) => ({ id: 'm1', type: 'answer', role: 'assistant', content, ...extra });

describe('assemble: chat streams', () => {
  it('concatenates answer deltas, keeps reasoning apart, collects follow-ups, usage and ids', () => {
    const result = assemble([
      ev('conversation.chat.created', chat('created'), 10),
      ev('conversation.chat.in_progress', chat('in_progress'), 12),
      ev('conversation.message.delta', delta('', { reasoning_content: 'Let me think. ' }), 20),
      ev('conversation.message.delta', delta('', { reasoning_content: 'Done thinking.' }), 25),
      ev('conversation.message.delta', delta('Hello'), 40),
      ev('conversation.message.delta', delta(', world'), 45),
      ev('conversation.message.completed', delta('Hello, world', { reasoning_content: 'Let me think. Done thinking.' }), 50),
      ev('conversation.message.completed', { id: 'm2', type: 'verbose', content: '{"msg_type":"generate_answer_finish"}' }, 51),
      ev('conversation.message.completed', { id: 'm3', type: 'follow_up', content: 'And then?' }, 52),
      ev('conversation.message.completed', { id: 'm4', type: 'follow_up', content: 'Why?' }, 53),
      ev('conversation.chat.completed', chat('completed', { usage: { token_count: 30, input_count: 10, output_count: 20 } }), 60),
      ev('done', '"[DONE]"', 61),
    ]);
    expect(result.kind).to.equal('chat');
    if (result.kind !== 'chat') return;
    expect(result.answer).to.equal('Hello, world');
    expect(result.completedAnswer).to.equal('Hello, world');
    expect(result.reasoning).to.equal('Let me think. Done thinking.');
    expect(result.followUps).to.deep.equal(['And then?', 'Why?']);
    expect(result.usage).to.deep.equal({ token_count: 30, input_count: 10, output_count: 20 });
    expect(result.firstTokenMs).to.equal(20);
    expect(result.completedMs).to.equal(60);
    expect(result).to.include({ conversationId: 'v1', chatId: 'c1', status: 'completed', done: true });
  });

  it('is incremental: feeding events one by one gives the same result as a whole list', () => {
    const events = [ev('conversation.chat.created', chat('created')), ev('conversation.message.delta', delta('a')), ev('conversation.message.delta', delta('b'))];
    const a = new StreamAssembler();
    a.push(events[0]!);
    a.push(events[1]!);
    expect((a.result as { answer: string }).answer).to.equal('a');
    a.push(events[2]!);
    expect(a.result).to.deep.equal(assemble(events));
    expect(a.count).to.equal(3);
  });

  it('separates answer messages, and shows a completed answer whose deltas were missed', () => {
    const result = assemble([ev('conversation.message.delta', delta('one')), ev('conversation.message.completed', { id: 'm9', type: 'answer', content: 'two' })]);
    expect((result as { answer: string }).answer).to.equal('one\n\ntwo');
  });

  it('lists the tool calls of requires_action', () => {
    const result = assemble([
      ev('conversation.chat.created', chat('created')),
      ev('conversation.message.completed', { id: 'f', type: 'function_call', content: '{"name":"get_weather"}' }),
      ev('conversation.chat.requires_action', chat('requires_action', { required_action: { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Hangzhou"}' } }] } } })),
      ev('done', '"[DONE]"'),
    ]);
    if (result.kind !== 'chat') throw new Error('not a chat');
    expect(result.toolCalls).to.deep.equal([{ id: 'call_1', type: 'function', name: 'get_weather', arguments: '{"location":"Hangzhou"}' }]);
    expect(result.toolMessages).to.deep.equal([{ type: 'function_call', content: '{"name":"get_weather"}' }]);
    expect(result.status).to.equal('requires_action');
    expect(prettyArguments('{"location":"Hangzhou"}')).to.equal('{\n  "location": "Hangzhou"\n}');
    expect(prettyArguments('not json')).to.equal('not json');
  });

  it('records failures from chat.failed and error events', () => {
    const failed = assemble([ev('conversation.chat.failed', chat('failed', { last_error: { code: 4011, msg: 'balance' } }))]);
    expect((failed as { failure?: unknown }).failure).to.deep.equal({ code: 4011, msg: 'balance' });
    const error = assemble([ev('conversation.chat.created', chat('created')), ev('error', { code: 4000, msg: 'bad' })]);
    expect((error as { failure?: unknown }).failure).to.deep.equal({ code: 4000, msg: 'bad' });
  });
});

describe('assemble: workflow streams', () => {
  it('joins Message contents per node and reads Done', () => {
    const result = assemble([
      ev('Message', { content: 'Hel', node_execute_uuid: 'n1', node_title: 'Output' }, 5),
      ev('Message', { content: 'lo', node_execute_uuid: 'n1', node_title: 'Output' }, 6),
      ev('PING', {}),
      ev('Message', { content: '{"output":"Hello"}', node_execute_uuid: 'n2', node_title: 'End', usage: { token_count: 3 } }),
      ev('Done', { debug_url: 'https://www.coze.cn/work_flow?execute_id=1' }),
    ]);
    if (result.kind !== 'workflow') throw new Error('not a workflow');
    expect(result.output).to.equal('Hello{"output":"Hello"}');
    expect(result.messages).to.deep.equal([
      { content: 'Hello', nodeTitle: 'Output' },
      { content: '{"output":"Hello"}', nodeTitle: 'End' },
    ]);
    expect(result.usage).to.deep.equal({ token_count: 3 });
    expect(result.debugUrl).to.equal('https://www.coze.cn/work_flow?execute_id=1');
    expect(result.firstTokenMs).to.equal(5);
    expect(result.done).to.equal(true);
  });

  it('reads an Interrupt with its question, and an Error', () => {
    const result = assemble([ev('Interrupt', { interrupt_data: { data: '{"content_type":"text","content":"Which city?"}', event_id: 'e/1', type: 2 }, node_title: 'Question' }), ev('Error', { error_code: 4200, error_message: 'gone' })]);
    if (result.kind !== 'workflow') throw new Error('not a workflow');
    expect(result.interrupt).to.deep.equal({ eventId: 'e/1', type: 2, data: '{"content_type":"text","content":"Which city?"}', question: 'Which city?', nodeTitle: 'Question' });
    expect(result.failure).to.deep.equal({ code: 4200, msg: 'gone' });
  });

  it('says "other" for streams that are neither', () => {
    expect(assemble([ev('message', 'hi')])).to.deep.equal({ kind: 'other' });
  });
});

describe('copy as curl', () => {
  const sent = {
    method: 'POST',
    url: 'https://api.coze.cn/v3/chat?conversation_id=1',
    headers: { authorization: 'Bearer ‹token hidden›', 'content-type': 'application/json', 'x-coze-emulator-fault': "it's" },
    body: '{"bot_id":"1","stream":true,"q":"it\'s"}',
  };

  it('writes the token as $COZE_API_TOKEN, never the token', () => {
    const text = curlCommand({ ...sent, headers: { ...sent.headers, authorization: 'Bearer pat_secret_123' } }, { secrets: ['pat_secret_123'] });
    expect(text).to.contain('-H "Authorization: Bearer $COZE_API_TOKEN"');
    expect(text).to.not.contain('pat_secret_123');
    expect(text).to.not.contain('token hidden');
  });

  it('quotes for the shell, streams with -N, and keeps the body exact', () => {
    const text = curlCommand(sent);
    expect(text.split(' \\\n  ')).to.deep.equal([
      'curl',
      '-N',
      "'https://api.coze.cn/v3/chat?conversation_id=1'",
      '-H "Authorization: Bearer $COZE_API_TOKEN"',
      '-H \'Content-Type: application/json\'',
      "-H 'X-Coze-Emulator-Fault: it'\\''s'",
      `--data-raw '{"bot_id":"1","stream":true,"q":"it'\\''s"}'`,
    ]);
    expect(shellQuote("a'b")).to.equal("'a'\\''b'");
  });

  it('writes GET without -X, multipart fields with -F, other methods with -X', () => {
    expect(curlCommand({ method: 'GET', url: 'https://x/y', headers: {} }, { multiline: false })).to.equal(`curl 'https://x/y' -H "Authorization: Bearer $COZE_API_TOKEN"`);
    const form = curlCommand({ method: 'POST', url: 'https://x/f', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: [{ name: 'file', value: 'a.wav', file: { name: 'a.wav', size: 3, type: 'audio/wav' } }, { name: 'note', value: '@not-a-file' }] }, { multiline: false });
    expect(form).to.equal(`curl 'https://x/f' -H "Authorization: Bearer $COZE_API_TOKEN" -F 'file=@a.wav;type=audio/wav' --form-string 'note=@not-a-file'`);
    expect(curlCommand({ method: 'DELETE', url: 'https://x/d', headers: {}, body: '{}' }, { multiline: false })).to.contain('-X DELETE');
  });
});

describe('JSON tree rows', () => {
  const value = { code: 0, data: { list: [1, 2, 3], text: 'x'.repeat(450) }, empty: {} };

  it('lists only expanded containers, with levels, positions and previews', () => {
    const state = emptyTreeState();
    state.expanded.add('');
    const rows = flattenJson(value, state);
    expect(rows.map((r) => [r.id, r.depth, r.pos, r.setSize, r.expandable])).to.deep.equal([
      ['', 0, 1, 1, true],
      ['/code', 1, 1, 3, false],
      ['/data', 1, 2, 3, true],
      ['/empty', 1, 3, 3, false],
    ]);
    expect(rows[2]!.text).to.equal(`{"list": […], "text": "${'x'.repeat(24)}…"}`);
    expect(rows[2]!.size).to.equal(2);
  });

  it('cuts long strings until they are opened, then shows them as lines', () => {
    const state = emptyTreeState();
    state.expanded = new Set(['', '/data']);
    let rows = flattenJson(value, state, { preview: 10, lineWidth: 200 });
    const text = rows.find((r) => r.id === '/data/text')!;
    expect(text).to.include({ truncated: true, expandable: true, expanded: false, text: '"xxxxxxxxxx…"' });
    state.opened.add('/data/text');
    rows = flattenJson(value, state, { preview: 10, lineWidth: 200 });
    expect(rows.filter((r) => r.type === 'line').map((r) => r.text.length)).to.deep.equal([200, 200, 50]);
    expect(stringLines('ab\ncdef', 2)).to.deep.equal(['ab', 'cd', 'ef']);
  });

  it('pages big containers: "show more" and "show all" rows', () => {
    const big = Array.from({ length: 250 }, (_, i) => i);
    const state = emptyTreeState();
    state.expanded.add('');
    let rows = flattenJson(big, state, { page: 100 });
    expect(rows.length).to.equal(1 + 100 + 2);
    expect(rows.at(-2)).to.include({ type: 'more', hidden: 150, pos: 101, setSize: 102 });
    expect(rows.at(-1)).to.include({ type: 'all', hidden: 150 });
    state.limits.set('', 200);
    rows = flattenJson(big, state, { page: 100 });
    expect(rows.at(-1)).to.include({ type: 'more', hidden: 50 });
  });

  it('opens the first levels of a small body, and only the top of a huge one', () => {
    expect([...initialExpansion({ code: 0, data: { a: { b: 1 } }, detail: { logid: 'x' } })]).to.deep.equal(['', '/data', '/detail', '/data/a']);
    const huge = { data: Array.from({ length: 20_000 }, () => ({ id: '1', content: 'x' })) };
    const expanded = initialExpansion(huge);
    expect(expanded.has('')).to.equal(true);
    expect(expanded.has('/data/0')).to.equal(false);
    const all = expandAllIds(huge, emptyTreeState(), 1000);
    expect(all.has('/data/99')).to.equal(true);
    expect(all.has('/data/100')).to.equal(false);
  });

  it('keeps big integers exact and finds values by pointer', () => {
    const text = '{"id":7440000000000000001,"n":1.5,"s":"7440000000000000001","a/b":{"~":2}}';
    const value = losslessJson(text, JSON.parse(text)) as Record<string, unknown>;
    expect(value['id']).to.be.instanceOf(RawNumber);
    expect(String(value['id'])).to.equal('7440000000000000001');
    expect(value['n']).to.equal(1.5);
    expect(valueAt(value, '/a~1b/~0')).to.equal(2);
    const plain = { a: 1 };
    expect(losslessJson('{"a":1}', plain)).to.equal(plain);
  });
});

describe('windowing', () => {
  it('renders the rows in view plus overscan, with the space around them', () => {
    const w = visibleWindow({ count: 10_000, rowHeight: 20, scrollTop: 2000, viewportHeight: 400, overscan: 5 });
    expect(w).to.deep.equal({ start: 95, end: 126, before: 1900, after: (10_000 - 126) * 20, total: 200_000 });
  });

  it('accounts for taller (opened) rows', () => {
    const extra = new Map([[2, 100]]);
    expect(rowAt(0, 10, 20, extra)).to.equal(0);
    expect(rowAt(50, 10, 20, extra)).to.equal(2);
    expect(rowAt(150, 10, 20, extra)).to.equal(2);
    expect(rowAt(161, 10, 20, extra)).to.equal(3);
    expect(scrollToShow(5, 0, 100, 20, extra)).to.equal(120);
    expect(scrollToShow(1, 500, 100, 20)).to.equal(20);
  });
});

describe('JSON text and formats', () => {
  it('indents JSON without parsing it', () => {
    expect(indentJson('{"a":[1,2],"b":{},"c":"x,{y}","n":7440000000000000001}')).to.equal('{\n  "a": [\n    1,\n    2\n  ],\n  "b": {},\n  "c": "x,{y}",\n  "n": 7440000000000000001\n}');
    expect(indentJson('plain text')).to.equal('plain text');
  });

  it('splits JSON into coloured tokens', () => {
    const tokens = jsonTokens('{"k": "v", "n": -1.5e3, "t": true, "z": null}');
    expect(tokens.map((t) => t.text).join('')).to.equal('{"k": "v", "n": -1.5e3, "t": true, "z": null}');
    expect(tokens.filter((t) => t.kind !== 'punct' && t.kind !== 'text').map((t) => `${t.kind}:${t.text}`)).to.deep.equal(['key:"k"', 'string:"v"', 'key:"n"', 'number:-1.5e3', 'key:"t"', 'boolean:true', 'key:"z"', 'null:null']);
  });

  it('formats sizes, durations, statuses, file names and event streams', () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(20 * 1024 * 1024)]).to.deep.equal(['512 B', '1.5 KB', '20.00 MB']);
    expect([formatMs(85.4), formatMs(1240), formatMs(undefined)]).to.deep.equal(['85 ms', '1.24 s', '–']);
    // Grouping and decimals follow the locale (German shown as a contrast: its marks are swapped).
    expect([formatNumber(12345, 'zh-CN'), formatBytes(5 * 1024 * 1024 * 1024, 'en'), formatMs(12345.6, 'de')]).to.deep.equal(['12,345', '5.00 GB', '12,35 s']);
    expect([statusFamily(200), statusFamily(302), statusFamily(404), statusFamily(502), statusFamily(undefined)]).to.deep.equal(['success', 'redirect', 'client', 'server', 'none']);
    expect(downloadName('audio.speech.create', 'audio/wav', new Date(2025, 0, 2, 3, 4, 5).getTime())).to.equal('audio-speech-create-20250102-030405.wav');
    expect(downloadName(undefined, 'application/json; charset=utf-8', 0)).to.match(/^coze-response-\d{8}-\d{6}\.json$/);
    expect(eventStreamText([{ index: 0, event: 'a', data: '1\n2', at: 0, id: '7', json: () => 1 }])).to.equal('id: 7\nevent: a\ndata: 1\ndata: 2\n\n');
  });

  it('cuts a growing text into stable blocks at line ends', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(i % 70)}`);
    const text = lines.join('\n');
    const parts = textSegments(text, 256);
    expect(parts.length).to.be.greaterThan(20);
    expect(parts.join('\n')).to.equal(text);
    for (const part of parts.slice(0, -1)) expect(part.length).to.be.within(256, 512);
    // Appending never moves an earlier cut: the blocks of a prefix are the same blocks.
    for (const end of [1000, 5000, 9000, text.length - 3]) {
      const early = textSegments(text.slice(0, end), 256);
      expect(early.slice(0, -1)).to.deep.equal(parts.slice(0, early.length - 1));
    }
    // A line without ends is cut at a space once it is long enough, and nothing is lost.
    const long = 'word '.repeat(600);
    const cut = textSegments(long, 256);
    expect(cut.join('')).to.equal(long);
    expect(cut[0]!.endsWith(' ')).to.equal(true);
    expect(textSegments('')).to.deep.equal(['']);
  });
});

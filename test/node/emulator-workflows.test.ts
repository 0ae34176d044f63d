/** Emulated workflows: runs (sync, async, streaming), interrupts and resumes, histories, the workflow catalogue. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { SEEDED_WORKFLOWS } from '../../src/emulator/handlers/workflows.js';

const BASE = 'https://api.coze.cn';
const AUTH = { Authorization: 'Bearer pat_emulator' };

/** An emulator on a clock the test moves by hand. */
function setup(): { emu: Emulator; advance: (ms: number) => void } {
  let now = Date.UTC(2025, 0, 15, 8, 0, 0);
  const emu = createEmulator({ streamDelayMs: 0, clock: { now: () => now } });
  return { emu, advance: (ms) => (now += ms) };
}

interface Usage {
  input_count: number;
  output_count: number;
  token_count: number;
}

interface Interrupt {
  data: string;
  event_id: string;
  type: number;
}

/** The envelope, with the workflow-run extras at the top level. */
interface Envelope<T> {
  code: number;
  msg: string;
  data: T;
  detail: { logid: string };
  execute_id: string;
  debug_url: string;
  usage?: Usage;
  interrupt_data?: Interrupt;
}

interface HistoryItem {
  execute_id: string;
  execute_status: string;
  run_mode: number;
  output: string;
  error_code: string;
  is_output_trimmed: boolean;
  node_execute_status: Record<string, { node_execute_uuid: string }>;
  usage: Usage;
  interrupt_data?: Interrupt;
}

interface Page<T> {
  items: T[];
  has_more: boolean;
  next_page_token?: string;
}

interface WorkflowItem {
  workflow_id: string;
  workflow_name: string;
  created_at: string;
}

interface WorkflowInfo {
  workflow_detail: WorkflowItem;
  input?: { parameters: Record<string, { type: string }> };
  output?: { terminate_plan: string };
}

interface MessageData {
  content: string;
  node_title: string;
  node_seq_id: string;
  node_is_finish: boolean;
  node_execute_uuid: string;
  usage?: Usage;
  token?: number;
}

interface InterruptEvent {
  interrupt_data: Interrupt;
  node_title: string;
}

const parse = <T>(text: string): T => JSON.parse(text) as T;

async function call<T = unknown>(emu: Emulator, method: string, path: string, body?: unknown): Promise<{ status: number; json: Envelope<T> }> {
  const res = await emu.fetch(`${BASE}${path}`, {
    method,
    headers: { ...AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Envelope<T> };
}

interface Rec {
  id?: string;
  event: string;
  data: string;
}

/** Reads a whole event stream into records (id / event / data lines). */
async function stream(emu: Emulator, path: string, body: unknown): Promise<{ type: string; records: Rec[] }> {
  const res = await emu.fetch(`${BASE}${path}`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  const records = text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const rec: Rec = { event: '', data: '' };
      for (const line of block.split('\n')) {
        const m = /^(\w+): ?(.*)$/.exec(line);
        if (!m) continue;
        if (m[1] === 'id') rec.id = m[2];
        if (m[1] === 'event') rec.event = m[2]!;
        if (m[1] === 'data') rec.data = m[2]!;
      }
      return rec;
    });
  return { type: res.headers.get('content-type') ?? '', records };
}

test('sync run: data is the serialized output echoing the input, with execute_id, debug_url and usage at the top level', async () => {
  const { emu } = setup();
  const { status, json } = await call<string>(emu, 'POST', '/v1/workflow/run', { workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, parameters: { input: 'hello workflow' } });
  assert.equal(status, 200);
  assert.equal(json.code, 0);
  assert.equal(typeof json.data, 'string');
  assert.deepEqual(JSON.parse(json.data), { output: 'hello workflow' });
  assert.match(json.execute_id, /^\d{19}$/);
  assert.match(json.debug_url, new RegExp(`execute_id=${json.execute_id}.*workflow_id=${SEEDED_WORKFLOWS.echoWorkflowId}`));
  const usage = json.usage!;
  assert.equal(usage.token_count, usage.input_count + usage.output_count);
  assert.ok(json.detail.logid);
  assert.equal(json.interrupt_data, undefined);
});

test('sync run without an input echoes all parameters; a non-object parameters is 4000', async () => {
  const { emu } = setup();
  const { json } = await call<string>(emu, 'POST', '/v1/workflow/run', { workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, parameters: { city: 'Hangzhou', days: 2 } });
  assert.equal(json.code, 0);
  assert.deepEqual(JSON.parse(parse<{ output: string }>(json.data).output), { city: 'Hangzhou', days: 2 });
  const bad = await call(emu, 'POST', '/v1/workflow/run', { workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, parameters: 'city=Hangzhou' });
  assert.equal(bad.json.code, 4000);
});

test('unknown or unpublished workflows answer 4200; bot_id with app_id answers 4000', async () => {
  const { emu } = setup();
  const unknown = await call(emu, 'POST', '/v1/workflow/run', { workflow_id: '7000000000000000001' });
  assert.equal(unknown.json.code, 4200);
  const draft = await call(emu, 'POST', '/v1/workflow/run', { workflow_id: SEEDED_WORKFLOWS.draftWorkflowId, parameters: { input: 'x' } });
  assert.equal(draft.json.code, 4200);
  const both = await call(emu, 'POST', '/v1/workflow/run', { workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, bot_id: '1', app_id: '2' });
  assert.equal(both.json.code, 4000);
  const missing = await call(emu, 'POST', '/v1/workflow/run', { parameters: {} });
  assert.equal(missing.json.code, 4000);
  assert.match(missing.json.msg, /workflow_id/);
});

test('async run: execute_id only, then the history shows Running and, a second later, Success with the output', async () => {
  const { emu, advance } = setup();
  const started = await call(emu, 'POST', '/v1/workflow/run', { workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, parameters: { input: 'later' }, is_async: true });
  assert.equal(started.json.code, 0);
  assert.equal(started.json.data, undefined);
  assert.equal(started.json.usage, undefined);
  const executeId: string = started.json.execute_id;
  assert.match(executeId, /^\d{19}$/);
  const path = `/v1/workflows/${SEEDED_WORKFLOWS.echoWorkflowId}/run_histories/${executeId}`;

  const running = await call<HistoryItem[]>(emu, 'GET', path);
  assert.equal(running.json.code, 0);
  assert.equal(running.json.data.length, 1);
  assert.equal(running.json.data[0]!.execute_status, 'Running');
  assert.equal(running.json.data[0]!.run_mode, 2);
  assert.equal(running.json.data[0]!.output, '');

  advance(1200);
  const done = await call<HistoryItem[]>(emu, 'GET', path);
  const item = done.json.data[0]!;
  assert.equal(item.execute_status, 'Success');
  assert.equal(item.execute_id, executeId);
  assert.deepEqual(JSON.parse(parse<{ Output: string }>(item.output).Output), { output: 'later' });
  assert.equal(item.error_code, '');
  assert.equal(item.is_output_trimmed, false);
  assert.ok(item.node_execute_status['Output']?.node_execute_uuid);
  assert.ok(item.usage.token_count > 0);
});

test('run history: unknown execute_id answers 4314, unknown workflow 4200', async () => {
  const { emu } = setup();
  const a = await call(emu, 'GET', `/v1/workflows/${SEEDED_WORKFLOWS.echoWorkflowId}/run_histories/7000000000000000009`);
  assert.equal(a.json.code, 4314);
  const b = await call(emu, 'GET', `/v1/workflows/7000000000000000001/run_histories/7000000000000000009`);
  assert.equal(b.json.code, 4200);
});

test('stream run: 3-field records with ids from 0, Message pieces per node, PING, the End message and Done', async () => {
  const { emu } = setup();
  const { type, records } = await stream(emu, '/v1/workflow/stream_run', { workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, parameters: { input: 'streaming is visibly incremental' } });
  assert.match(type, /text\/event-stream/);
  assert.deepEqual(records.map((r) => r.id), records.map((_, i) => String(i)));
  const events = records.map((r) => r.event);
  assert.equal(events.at(-1), 'Done');
  assert.ok(events.includes('PING'));
  const messages = records.filter((r) => r.event === 'Message').map((r) => parse<MessageData>(r.data));
  const output = messages.filter((m) => m.node_title === 'Output');
  assert.ok(output.length >= 2, 'the output node streams several pieces');
  assert.deepEqual(output.map((m) => m.node_seq_id), output.map((_, i) => String(i)));
  assert.deepEqual(output.map((m) => m.node_is_finish), output.map((_, i) => i === output.length - 1));
  assert.equal(output.map((m) => m.content).join(''), 'streaming is visibly incremental');
  const end = messages.at(-1)!;
  assert.equal(end.node_title, 'End');
  assert.equal(end.node_is_finish, true);
  assert.deepEqual(JSON.parse(end.content), { output: 'streaming is visibly incremental' });
  assert.equal(end.usage?.token_count, end.token);
  const done = parse<{ debug_url: string }>(records.at(-1)!.data);
  assert.match(done.debug_url, /^https:\/\/www\.coze\.cn\/work_flow\?execute_id=\d+/);
});

test('stream run of an unknown workflow answers a JSON error instead of a stream', async () => {
  const { emu } = setup();
  const r = await call(emu, 'POST', '/v1/workflow/stream_run', { workflow_id: '7000000000000000001' });
  assert.equal(r.json.code, 4200);
});

test('question workflow: the stream interrupts (no Done), stream_resume continues from id 0 with the answer and Done', async () => {
  const { emu } = setup();
  const first = await stream(emu, '/v1/workflow/stream_run', { workflow_id: SEEDED_WORKFLOWS.questionWorkflowId, parameters: {} });
  const events = first.records.map((r) => r.event);
  assert.equal(events.at(-1), 'Interrupt');
  assert.ok(!events.includes('Done'));
  assert.ok(events.includes('Message'));
  assert.deepEqual(first.records.map((r) => r.id), first.records.map((_, i) => String(i)));
  const interrupt = parse<InterruptEvent>(first.records.at(-1)!.data);
  assert.equal(interrupt.interrupt_data.type, 2);
  assert.equal(interrupt.node_title, 'Question');
  assert.match(interrupt.interrupt_data.event_id, /^\d+\/\d+$/);
  assert.match(parse<{ content: string }>(interrupt.interrupt_data.data).content, /city/);

  const resumed = await stream(emu, '/v1/workflow/stream_resume', { workflow_id: SEEDED_WORKFLOWS.questionWorkflowId, event_id: interrupt.interrupt_data.event_id, resume_data: 'Suzhou', interrupt_type: 2 });
  assert.equal(resumed.records[0]!.id, '0');
  assert.equal(resumed.records.at(-1)!.event, 'Done');
  const messages = resumed.records.filter((r) => r.event === 'Message').map((r) => parse<MessageData>(r.data));
  assert.match(messages.filter((m) => m.node_title === 'Output').map((m) => m.content).join(''), /Suzhou/);
  const end = parse<{ city: string; output: string }>(messages.at(-1)!.content);
  assert.equal(end.city, 'Suzhou');
  assert.match(end.output, /Suzhou/);

  // The same interrupt cannot be answered twice.
  const again = await call(emu, 'POST', '/v1/workflow/stream_resume', { workflow_id: SEEDED_WORKFLOWS.questionWorkflowId, event_id: interrupt.interrupt_data.event_id, resume_data: 'Suzhou', interrupt_type: 2 });
  assert.equal(again.json.code, 4315);
});

test('stream_resume rejects a wrong event_id, a wrong interrupt_type and a non-streaming interrupt', async () => {
  const { emu } = setup();
  const wrong = await call(emu, 'POST', '/v1/workflow/stream_resume', { workflow_id: SEEDED_WORKFLOWS.questionWorkflowId, event_id: '1/2', resume_data: 'x', interrupt_type: 2 });
  assert.equal(wrong.json.code, 4000);
  const first = await stream(emu, '/v1/workflow/stream_run', { workflow_id: SEEDED_WORKFLOWS.questionWorkflowId });
  const eventId = parse<InterruptEvent>(first.records.at(-1)!.data).interrupt_data.event_id;
  const badType = await call(emu, 'POST', '/v1/workflow/stream_resume', { workflow_id: SEEDED_WORKFLOWS.questionWorkflowId, event_id: eventId, resume_data: 'x', interrupt_type: 5 });
  assert.equal(badType.json.code, 4000);
  const viaSync = await call(emu, 'POST', '/v1/workflows/resume', { workflow_id: SEEDED_WORKFLOWS.questionWorkflowId, event_id: eventId, resume_data: 'x', interrupt_type: 2 });
  assert.equal(viaSync.json.code, 4000);
  assert.match(viaSync.json.msg, /stream_resume/);
});

test('non-streaming question run returns interrupt_data; /v1/workflows/resume finishes it and the history shows Success', async () => {
  const { emu } = setup();
  const run = await call<string>(emu, 'POST', '/v1/workflow/run', { workflow_id: SEEDED_WORKFLOWS.questionWorkflowId, parameters: { days: 1 } });
  assert.equal(run.json.code, 0);
  assert.equal(run.json.data, '');
  const interrupt = run.json.interrupt_data!;
  assert.equal(interrupt.type, 2);
  const eventId = interrupt.event_id;
  const history = `/v1/workflows/${SEEDED_WORKFLOWS.questionWorkflowId}/run_histories/${run.json.execute_id}`;
  const waiting = (await call<HistoryItem[]>(emu, 'GET', history)).json.data[0]!;
  assert.equal(waiting.execute_status, 'Running');
  assert.equal(waiting.interrupt_data?.event_id, eventId);

  const resumed = await call<string>(emu, 'POST', '/v1/workflows/resume', { workflow_id: SEEDED_WORKFLOWS.questionWorkflowId, event_id: eventId, resume_data: 'Xi\'an', interrupt_type: 2 });
  assert.equal(resumed.json.code, 0);
  assert.equal(resumed.json.execute_id, run.json.execute_id);
  assert.equal(parse<{ city: string }>(resumed.json.data).city, "Xi'an");
  assert.ok(resumed.json.debug_url);
  const finished = (await call<HistoryItem[]>(emu, 'GET', history)).json.data[0]!;
  assert.equal(finished.execute_status, 'Success');
  assert.equal(finished.interrupt_data, undefined);

  const twice = await call(emu, 'POST', '/v1/workflows/resume', { workflow_id: SEEDED_WORKFLOWS.questionWorkflowId, event_id: eventId, resume_data: 'x', interrupt_type: 2 });
  assert.equal(twice.json.code, 4315);
});

test('execute-nodes returns an output node\'s text by node_execute_uuid', async () => {
  const { emu } = setup();
  const { records } = await stream(emu, '/v1/workflow/stream_run', { workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, parameters: { input: 'node output' } });
  const first = parse<MessageData>(records[0]!.data);
  const done = parse<{ debug_url: string }>(records.at(-1)!.data);
  const executeId = new URL(done.debug_url).searchParams.get('execute_id')!;
  const base = `/v1/workflows/${SEEDED_WORKFLOWS.echoWorkflowId}/run_histories/${executeId}`;
  const node = await call(emu, 'GET', `${base}/execute_nodes/${first.node_execute_uuid}`);
  assert.equal(node.json.code, 0);
  assert.deepEqual(node.json.data, { is_finish: true, node_output: 'node output' });
  const history = (await call<HistoryItem[]>(emu, 'GET', base)).json.data[0]!;
  assert.equal(history.run_mode, 1);
  assert.equal(history.execute_status, 'Success');
  const unknown = await call(emu, 'GET', `${base}/execute_nodes/123`);
  assert.equal(unknown.json.code, 4200);
});

test('workflows.list pages published workflows and filters by workflow_mode and publish_status', async () => {
  const { emu } = setup();
  const ws = emu.state.workspaceId;
  const all = await call<Page<WorkflowItem>>(emu, 'GET', `/v1/workflows?workspace_id=${ws}&page_num=1`);
  assert.equal(all.json.code, 0);
  const ids = all.json.data.items.map((w) => w.workflow_id);
  assert.ok(ids.includes(SEEDED_WORKFLOWS.echoWorkflowId));
  assert.ok(!ids.includes(SEEDED_WORKFLOWS.draftWorkflowId), 'drafts are hidden by default');
  assert.equal(all.json.data.has_more, false);
  const item = all.json.data.items[0]!;
  assert.deepEqual(Object.keys(item).sort(), ['app_id', 'created_at', 'creator', 'description', 'icon_url', 'updated_at', 'workflow_id', 'workflow_name']);
  assert.equal(typeof item.created_at, 'string');

  const chatflows = await call<Page<WorkflowItem>>(emu, 'GET', `/v1/workflows?workspace_id=${ws}&page_num=1&workflow_mode=chatflow`);
  assert.deepEqual(chatflows.json.data.items.map((w) => w.workflow_id), [SEEDED_WORKFLOWS.chatflowId]);
  const drafts = await call<Page<WorkflowItem>>(emu, 'GET', `/v1/workflows?workspace_id=${ws}&page_num=1&publish_status=unpublished_draft`);
  assert.deepEqual(drafts.json.data.items.map((w) => w.workflow_id), [SEEDED_WORKFLOWS.draftWorkflowId]);

  const page1 = await call<Page<WorkflowItem>>(emu, 'GET', `/v1/workflows?workspace_id=${ws}&page_num=1&page_size=2`);
  const page2 = await call<Page<WorkflowItem>>(emu, 'GET', `/v1/workflows?workspace_id=${ws}&page_num=2&page_size=2`);
  assert.equal(page1.json.data.items.length, 2);
  assert.equal(page1.json.data.has_more, true);
  assert.equal(page2.json.data.items.length, 1);
  assert.equal(page2.json.data.has_more, false);
  const tooBig = await call(emu, 'GET', `/v1/workflows?workspace_id=${ws}&page_num=1&page_size=31`);
  assert.equal(tooBig.json.code, 4000);
});

test('workflows.retrieve gives the detail, with input/output schemas only on request; unknown id → 4200', async () => {
  const { emu } = setup();
  const plain = await call<WorkflowInfo>(emu, 'GET', `/v1/workflows/${SEEDED_WORKFLOWS.echoWorkflowId}`);
  assert.equal(plain.json.data.workflow_detail.workflow_name, 'echo');
  assert.equal(plain.json.data.input, undefined);
  const full = await call<WorkflowInfo>(emu, 'GET', `/v1/workflows/${SEEDED_WORKFLOWS.echoWorkflowId}?include_input_output=true`);
  assert.equal(full.json.data.input?.parameters['input']?.type, 'string');
  assert.equal(full.json.data.output?.terminate_plan, 'return_variables');
  const missing = await call(emu, 'GET', '/v1/workflows/7000000000000000001');
  assert.equal(missing.json.code, 4200);
});

test('workflows.versions.list pages with page_token, newest first', async () => {
  const { emu } = setup();
  const path = `/v1/workflows/${SEEDED_WORKFLOWS.echoWorkflowId}/versions`;
  const first = await call<Page<{ version: string }>>(emu, 'GET', `${path}?page_size=1`);
  assert.deepEqual(first.json.data.items.map((v) => v.version), ['v0.0.2']);
  assert.equal(first.json.data.has_more, true);
  const second = await call<Page<{ version: string }>>(emu, 'GET', `${path}?page_size=1&page_token=${first.json.data.next_page_token}`);
  assert.deepEqual(second.json.data.items.map((v) => v.version), ['v0.0.1']);
  assert.equal(second.json.data.has_more, false);
});

test('a version that does not exist cannot be run; an existing one can', async () => {
  const { emu } = setup();
  const bad = await call(emu, 'POST', '/v1/workflow/run', { workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, workflow_version: 'v9.9.9' });
  assert.equal(bad.json.code, 4200);
  const good = await call(emu, 'POST', '/v1/workflow/run', { workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, workflow_version: 'v0.0.1', parameters: { input: 'v1' } });
  assert.equal(good.json.code, 0);
});

test('runs are deterministic: two fresh emulators give the same ids and outputs', async () => {
  const a = setup();
  const b = setup();
  const body = { workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, parameters: { input: 'same' } };
  const ra = await call<string>(a.emu, 'POST', '/v1/workflow/run', body);
  const rb = await call<string>(b.emu, 'POST', '/v1/workflow/run', body);
  assert.equal(ra.json.execute_id, rb.json.execute_id);
  assert.equal(ra.json.data, rb.json.data);
  assert.deepEqual(ra.json.usage, rb.json.usage);
});

test('the seeded chatflow is in the workflows table for the chatflow handler', () => {
  const { emu } = setup();
  const chatflow = emu.state.table<{ mode: string; published: boolean }>('workflows').get(SEEDED_WORKFLOWS.chatflowId);
  assert.equal(chatflow?.mode, 'chatflow');
  assert.equal(chatflow?.published, true);
});

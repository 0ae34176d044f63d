/**
 * Emulated workflows: a few seeded workflows (one echoes its input, one asks a question and waits,
 * one chatflow, one never-published draft), runs in all three modes (sync, async, streaming), the
 * interrupt/resume cycle, run histories and node outputs, and the workflow catalogue endpoints.
 *
 * A run is computed as a "segment" (the nodes that produce output, then either the End node's result
 * or an interrupt); the same segment is rendered as a JSON answer, an event stream, or a history entry.
 */
import type { EmulatorContext, HandlerMap } from '../context.js';
import type { SseRecord } from '../http.js';
import type { EmulatorState, Table } from '../state.js';
import { accountUser, findWorkspace, readPage } from './account.js';
import { asRecord, asString } from '../values.js';

// ---------------------------------------------------------------------------------------------
// Seeded workflows
// ---------------------------------------------------------------------------------------------

/** Well-known ids of the seeded workflows, for demos, docs, tests and the chatflow handler. */
export const SEEDED_WORKFLOWS = {
  /** Published workflow whose output echoes its input (`parameters.input`, else all parameters as JSON). */
  echoWorkflowId: '7431847402117562371',
  /** Published workflow with a question node: runs stop with an interrupt (type 2) until resumed. */
  questionWorkflowId: '7431847402117562372',
  /** Published chatflow, run through POST /v1/workflows/chat. */
  chatflowId: '7431847402117562373',
  /** A workflow never published: running it fails with 4200. */
  draftWorkflowId: '7431847402117562374',
} as const;

export interface WorkflowParam {
  type: string;
  required: boolean;
  description: string;
  default_value: string;
}

export interface WorkflowVersion {
  version: string;
  description: string;
  created_at: number;
  updated_at: number;
}

export interface Workflow {
  workflow_id: string;
  workflow_name: string;
  description: string;
  icon_url: string;
  /** "0" for library workflows, else the Coze app that holds it. */
  app_id: string;
  space_id: string;
  mode: 'workflow' | 'chatflow';
  published: boolean;
  /** How runs behave: echo the input, ask a question first, or (chatflow) answer the user's input. */
  behaviour: 'echo' | 'question' | 'chat';
  input: Record<string, WorkflowParam>;
  output: { parameters: Record<string, WorkflowParam>; terminate_plan: 'return_variables' | 'use_answer_content'; content?: string };
  /** Published versions, newest first. */
  versions: WorkflowVersion[];
  created_at: number;
  updated_at: number;
}

export function workflowsTable(state: EmulatorState): Table<Workflow> {
  return state.table<Workflow>('workflows');
}

const param = (type: string, required: boolean, description: string): WorkflowParam => ({ type, required, description, default_value: '' });
const ICONS = 'https://lf-coze-web-cdn.coze.cn/obj/eden-cn/emulator/workflow_icons';

export function seed(state: EmulatorState): void {
  const day = 86_400;
  const at = state.seconds() - day * 20;
  const versions = (...list: Array<[string, string, number]>): WorkflowVersion[] =>
    list.map(([version, description, t]) => ({ version, description, created_at: t, updated_at: t + 30 }));
  const base = { app_id: '0', space_id: state.workspaceId, created_at: at, updated_at: at + day * 5 };
  const all: Workflow[] = [
    {
      ...base,
      workflow_id: SEEDED_WORKFLOWS.echoWorkflowId,
      workflow_name: 'echo',
      description: 'Returns its input unchanged (emulated).',
      icon_url: `${ICONS}/echo.png`,
      mode: 'workflow',
      published: true,
      behaviour: 'echo',
      input: { input: param('string', false, 'Text to echo back') },
      output: { parameters: { output: param('string', false, 'The input, unchanged') }, terminate_plan: 'return_variables' },
      versions: versions(['v0.0.2', 'Streams the echo through an output node', at + day * 5], ['v0.0.1', 'First release', at]),
    },
    {
      ...base,
      workflow_id: SEEDED_WORKFLOWS.questionWorkflowId,
      workflow_name: 'trip_planner',
      description: 'Asks which city you are visiting, then plans a day there (emulated).',
      icon_url: `${ICONS}/question.png`,
      mode: 'workflow',
      published: true,
      behaviour: 'question',
      input: { days: param('integer', false, 'How many days the trip lasts') },
      output: { parameters: { city: param('string', false, 'The city given in the answer'), output: param('string', false, 'The plan') }, terminate_plan: 'return_variables' },
      versions: versions(['v0.0.1', 'First release', at + day]),
    },
    {
      ...base,
      workflow_id: SEEDED_WORKFLOWS.chatflowId,
      workflow_name: 'support_chat',
      description: 'A chatflow that answers the user in a conversation (emulated).',
      icon_url: `${ICONS}/chatflow.png`,
      mode: 'chatflow',
      published: true,
      behaviour: 'chat',
      input: { USER_INPUT: param('string', true, "The user's message"), CONVERSATION_NAME: param('string', false, 'Conversation to keep the history in') },
      output: { parameters: { output: param('string', false, 'The answer') }, terminate_plan: 'use_answer_content', content: '{{output}}' },
      versions: versions(['v0.0.1', 'First release', at + day * 2]),
    },
    {
      ...base,
      workflow_id: SEEDED_WORKFLOWS.draftWorkflowId,
      workflow_name: 'draft_summary',
      description: 'Not published yet (emulated).',
      icon_url: `${ICONS}/draft.png`,
      mode: 'workflow',
      published: false,
      behaviour: 'echo',
      input: { input: param('string', true, 'Text to summarise') },
      output: { parameters: { output: param('string', false, 'The summary') }, terminate_plan: 'return_variables' },
      versions: [],
    },
  ];
  for (const wf of all) workflowsTable(state).set(wf.workflow_id, wf);
}

// ---------------------------------------------------------------------------------------------
// Runs, interrupts and their records
// ---------------------------------------------------------------------------------------------

interface Usage {
  input_count: number;
  output_count: number;
  token_count: number;
}

interface NodeStatus {
  node_id: string;
  is_finish: boolean;
  loop_index: number;
  batch_index: number;
  update_time: number;
  sub_execute_id: string;
  node_execute_uuid: string;
}

interface InterruptData {
  data: string;
  event_id: string;
  type: number;
}

/** One execution, as the run-history endpoint reports it. */
interface WorkflowRun {
  execute_id: string;
  workflow_id: string;
  bot_id: string;
  connector_id: string;
  connector_uid: string;
  run_mode: 0 | 1 | 2;
  create_time: number;
  update_time: number;
  /** Until this moment (ms) an async run shows as Running with no result. */
  ready_at: number;
  status: 'Running' | 'Success' | 'Interrupted';
  /** The End node's output: a JSON string. */
  data: string;
  usage: Usage;
  nodes: Record<string, NodeStatus>;
  /** Output-node results by node_execute_uuid (the execute-nodes endpoint). */
  node_outputs: Record<string, string>;
  interrupt?: InterruptData;
  debug_url: string;
  logid: string;
}

/** A question waiting for an answer. */
interface PendingInterrupt {
  event_id: string;
  execute_id: string;
  workflow_id: string;
  type: number;
  /** Raised in a streaming run: only stream_resume may answer it (and vice versa). */
  streaming: boolean;
  used: boolean;
}

const runsTable = (state: EmulatorState) => state.table<WorkflowRun>('workflow_runs');
const interruptsTable = (state: EmulatorState) => state.table<PendingInterrupt>('workflow_interrupts');

/** Async runs finish this long after they start (emulated time). */
const ASYNC_RUN_MS = 1000;

/** A node that prints output while the run goes on (an output or question node). */
interface NodeOutput {
  node_id: string;
  node_title: string;
  pieces: string[];
  uuid: string;
}

/** What one leg of a run produces: node output, then the End result or a question. */
interface Segment {
  nodes: NodeOutput[];
  end?: { content: string; uuid: string };
  interrupt?: { node_title: string; question: string; event_id: string };
  usage: Usage;
}

const OUTPUT_NODE = { node_id: '163842', node_title: 'Output' };
const QUESTION_NODE = { node_id: '174305', node_title: 'Question' };
const END_NODE = { node_id: '900001', node_title: 'End' };
const QUESTION = 'Which city are you visiting?';

/** Rough token count (about two characters a token), so usage follows the text deterministically. */
const tokens = (text: string) => Math.max(1, Math.ceil([...text].length / 2));

function usageOf(input: string, output: string): Usage {
  const input_count = 40 + tokens(input);
  const output_count = tokens(output);
  return { input_count, output_count, token_count: input_count + output_count };
}

/** Words with their trailing spaces or punctuation (Latin and CJK), the units pieces are cut at. */
const WORDS = /[^\s,.!?;:，。！？；：、]+[\s,.!?;:，。！？；：、]*|[\s,.!?;:，。！？；：、]+/gu;

/**
 * Splits text into up to four pieces of about six characters or more, as a model streams it: at word
 * or punctuation boundaries where there are enough of them, else (one long word) between characters.
 */
function splitPieces(text: string): string[] {
  const chars = [...text];
  const count = Math.min(4, Math.max(1, Math.ceil(chars.length / 6)));
  const words = text.match(WORDS) ?? [];
  if (words.length < count) {
    const size = Math.ceil(chars.length / count) || 1;
    return Array.from({ length: count }, (_, i) => chars.slice(i * size, (i + 1) * size).join('')).filter((p, i) => p !== '' || i === 0);
  }
  const target = chars.length / count;
  const pieces: string[] = [];
  let current = '';
  for (const word of words) {
    current += word;
    if ([...current].length >= target && pieces.length < count - 1) {
      pieces.push(current);
      current = '';
    }
  }
  if (current || pieces.length === 0) pieces.push(current);
  return pieces;
}

/** The text an echo run returns: `input` (or the chatflow's USER_INPUT), else every parameter as JSON. */
function echoText(params: Record<string, unknown>): string {
  const value = params['input'] ?? params['USER_INPUT'];
  if (value === undefined || value === null) return JSON.stringify(params);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function firstSegment(state: EmulatorState, wf: Workflow, params: Record<string, unknown>): Segment {
  const input = JSON.stringify(params);
  if (wf.behaviour === 'question') {
    const node = { ...QUESTION_NODE, pieces: splitPieces(QUESTION), uuid: state.nextId() };
    return { nodes: [node], interrupt: { node_title: QUESTION_NODE.node_title, question: QUESTION, event_id: '' }, usage: usageOf(input, QUESTION) };
  }
  const text = echoText(params);
  const content = JSON.stringify({ output: text });
  return { nodes: [{ ...OUTPUT_NODE, pieces: splitPieces(text), uuid: state.nextId() }], end: { content, uuid: state.nextId() }, usage: usageOf(input, content) };
}

function resumeSegment(state: EmulatorState, answer: string): Segment {
  const city = answer.trim();
  const note = `Got it: ${city}. Planning your day…`;
  const plan = `A day in ${city}: a morning walk through the old town, lunch at a local market, a museum in the afternoon and dinner by the river.`;
  const content = JSON.stringify({ city, output: plan });
  return { nodes: [{ ...OUTPUT_NODE, pieces: splitPieces(note), uuid: state.nextId() }], end: { content, uuid: state.nextId() }, usage: usageOf(answer, content) };
}

function debugUrl(wf: Workflow, executeId: string): string {
  return `https://www.coze.cn/work_flow?execute_id=${executeId}&space_id=${wf.space_id}&workflow_id=${wf.workflow_id}`;
}

function newRun(ctx: EmulatorContext, wf: Workflow, mode: WorkflowRun['run_mode']): WorkflowRun {
  const executeId = ctx.state.nextId();
  const ext = asRecord(ctx.body['ext']);
  const now = ctx.state.seconds();
  const run: WorkflowRun = {
    execute_id: executeId,
    workflow_id: wf.workflow_id,
    bot_id: ctx.input('bot_id') ?? '',
    connector_id: ctx.input('connector_id') || '1024',
    connector_uid: asString(ext?.['user_id']) || ctx.state.userId,
    run_mode: mode,
    create_time: now,
    update_time: now,
    ready_at: ctx.state.clock.now(),
    status: 'Running',
    data: '',
    usage: { input_count: 0, output_count: 0, token_count: 0 },
    nodes: {},
    node_outputs: {},
    debug_url: debugUrl(wf, executeId),
    logid: ctx.logid,
  };
  runsTable(ctx.state).set(executeId, run);
  return run;
}

/** Gives an interrupting segment its event id (`<execute_id>/<id>`, as Coze's look). */
function prepare(state: EmulatorState, run: WorkflowRun, segment: Segment): Segment {
  if (segment.interrupt) segment.interrupt.event_id = `${run.execute_id}/${state.nextId()}`;
  return segment;
}

function interruptData(segment: Segment): InterruptData | undefined {
  const i = segment.interrupt;
  return i && { data: JSON.stringify({ content_type: 'text', content: i.question }), event_id: i.event_id, type: 2 };
}

/** Records what a segment did: node statuses, outputs, the result or the pending question. */
function complete(state: EmulatorState, run: WorkflowRun, segment: Segment, streaming: boolean): void {
  const now = state.seconds();
  for (const n of segment.nodes) {
    run.nodes[n.node_title] = nodeStatus(n.node_id, n.uuid, now);
    run.node_outputs[n.uuid] = n.pieces.join('');
  }
  run.usage = addUsage(run.usage, segment.usage);
  run.update_time = Math.max(now, Math.floor(run.ready_at / 1000));
  const interrupt = interruptData(segment);
  if (interrupt) {
    run.status = 'Interrupted';
    run.interrupt = interrupt;
    interruptsTable(state).set(interrupt.event_id, { event_id: interrupt.event_id, execute_id: run.execute_id, workflow_id: run.workflow_id, type: interrupt.type, streaming, used: false });
    return;
  }
  if (segment.end) run.nodes[END_NODE.node_title] = nodeStatus(END_NODE.node_id, segment.end.uuid, now);
  run.status = 'Success';
  run.data = segment.end?.content ?? '';
  delete run.interrupt;
}

function nodeStatus(nodeId: string, uuid: string, now: number): NodeStatus {
  return { node_id: nodeId, is_finish: true, loop_index: 0, batch_index: 0, update_time: now, sub_execute_id: '', node_execute_uuid: uuid };
}

function addUsage(a: Usage, b: Usage): Usage {
  return { input_count: a.input_count + b.input_count, output_count: a.output_count + b.output_count, token_count: a.token_count + b.token_count };
}

// ---------------------------------------------------------------------------------------------
// Request reading
// ---------------------------------------------------------------------------------------------



/** `parameters` as an object (the framework has already rejected other types). */
function readParameters(ctx: EmulatorContext): Record<string, unknown> {
  return asRecord(ctx.body['parameters']) ?? {};
}

/** The published workflow a run names, or the error Coze gives. */
function runnableWorkflow(ctx: EmulatorContext): Workflow | Response {
  const wf = workflowsTable(ctx.state).get(ctx.input('workflow_id') ?? '');
  if (!wf || !wf.published) return ctx.fail(4200, 'workflow not found or not published');
  if (ctx.input('bot_id') && ctx.input('app_id')) return ctx.fail(4000, 'invalid parameter: bot_id and app_id cannot be given together');
  const version = ctx.input('workflow_version');
  if (version && !wf.versions.some((v) => v.version === version)) return ctx.fail(4200, `workflow version ${version} not found`);
  return wf;
}

// ---------------------------------------------------------------------------------------------
// Run endpoints
// ---------------------------------------------------------------------------------------------

/** The top-level fields of a synchronous answer (data is the serialized output). */
function syncAnswer(ctx: EmulatorContext, run: WorkflowRun, segment: Segment): Response {
  const interrupt = interruptData(segment);
  return ctx.ok(run.data, { execute_id: run.execute_id, debug_url: run.debug_url, usage: segment.usage, ...(interrupt ? { interrupt_data: interrupt } : {}) });
}

function runWorkflow(ctx: EmulatorContext): Response {
  const wf = runnableWorkflow(ctx);
  if (wf instanceof Response) return wf;
  const params = readParameters(ctx);
  const isAsync = ctx.body['is_async'] === true;
  const run = newRun(ctx, wf, isAsync ? 2 : 0);
  const segment = prepare(ctx.state, run, firstSegment(ctx.state, wf, params));
  if (isAsync) run.ready_at = ctx.state.clock.now() + ASYNC_RUN_MS;
  complete(ctx.state, run, segment, false);
  // An async run answers with its id only; the result shows in the run history later.
  if (isAsync) return ctx.ok(undefined, { execute_id: run.execute_id, debug_url: run.debug_url });
  return syncAnswer(ctx, run, segment);
}

/** The records of one segment, `id` counting from 0; the run is recorded once the last is out. */
async function* segmentRecords(ctx: EmulatorContext, run: WorkflowRun, segment: Segment): AsyncGenerator<SseRecord> {
  let id = 0;
  const record = (event: string, data: unknown): SseRecord => ({ id: String(id++), event, data: JSON.stringify(data) });
  for (const [index, node] of segment.nodes.entries()) {
    for (const [seq, content] of node.pieces.entries()) {
      if (ctx.signal.aborted) return;
      yield record('Message', { content, content_type: 'text', node_execute_uuid: node.uuid, node_id: node.node_id, node_is_finish: seq === node.pieces.length - 1, node_seq_id: String(seq), node_title: node.node_title });
    }
    // A heartbeat after the first node, as long runs send while later nodes work.
    if (index === 0) yield record('PING', {});
  }
  if (ctx.signal.aborted) return;
  complete(ctx.state, run, segment, true);
  const interrupt = interruptData(segment);
  if (interrupt && segment.interrupt) {
    yield record('Interrupt', { interrupt_data: interrupt, node_title: segment.interrupt.node_title });
    return;
  }
  if (segment.end) {
    const u = segment.usage;
    yield record('Message', { content: segment.end.content, content_type: 'text', cost: '0.00', node_execute_uuid: segment.end.uuid, node_id: END_NODE.node_id, node_is_finish: true, node_seq_id: '0', node_title: END_NODE.node_title, token: u.token_count, usage: u });
  }
  yield record('Done', { debug_url: run.debug_url });
}

function streamWorkflow(ctx: EmulatorContext): Response {
  const wf = runnableWorkflow(ctx);
  if (wf instanceof Response) return wf;
  const params = readParameters(ctx);
  const run = newRun(ctx, wf, 1);
  const segment = prepare(ctx.state, run, firstSegment(ctx.state, wf, params));
  return ctx.stream(segmentRecords(ctx, run, segment));
}

/** Checks a resume request against the pending interrupt; returns what to continue, or the error. */
function pendingInterrupt(ctx: EmulatorContext, streaming: boolean): { run: WorkflowRun; wf: Workflow; pending: PendingInterrupt } | Response {
  const wf = workflowsTable(ctx.state).get(ctx.input('workflow_id') ?? '');
  if (!wf || !wf.published) return ctx.fail(4200, 'workflow not found or not published');
  const eventId = ctx.input('event_id') ?? '';
  const pending = interruptsTable(ctx.state).get(eventId);
  const run = pending && runsTable(ctx.state).get(pending.execute_id);
  if (!pending || !run || pending.workflow_id !== wf.workflow_id) return ctx.fail(4000, `invalid parameter: event_id ${eventId} is not an interrupt of this workflow`);
  if (pending.used) return ctx.fail(4315, 'workflow execution already finished: this interrupt was already resumed');
  if (pending.streaming !== streaming) {
    return ctx.fail(4000, streaming ? 'invalid parameter: this interrupt came from a non-streaming run; resume it with POST /v1/workflows/resume' : 'invalid parameter: this interrupt came from a streaming run; resume it with POST /v1/workflow/stream_resume');
  }
  const type = Number(ctx.input('interrupt_type'));
  if (type !== pending.type) return ctx.fail(4000, `invalid parameter: interrupt_type must be ${pending.type} for this interrupt`);
  return { run, wf, pending };
}

function resumeStream(ctx: EmulatorContext): Response {
  const found = pendingInterrupt(ctx, true);
  if (found instanceof Response) return found;
  found.pending.used = true;
  found.run.status = 'Running';
  const segment = resumeSegment(ctx.state, ctx.input('resume_data') ?? '');
  return ctx.stream(segmentRecords(ctx, found.run, segment));
}

function resumeRun(ctx: EmulatorContext): Response {
  const found = pendingInterrupt(ctx, false);
  if (found instanceof Response) return found;
  const { run, pending } = found;
  pending.used = true;
  const segment = resumeSegment(ctx.state, ctx.input('resume_data') ?? '');
  // Resuming an async run is async too: the result appears in the history a moment later.
  if (run.run_mode === 2) run.ready_at = ctx.state.clock.now() + ASYNC_RUN_MS;
  complete(ctx.state, run, segment, false);
  if (run.run_mode === 2) return ctx.ok(undefined, { execute_id: run.execute_id, debug_url: run.debug_url });
  return syncAnswer(ctx, run, segment);
}

// ---------------------------------------------------------------------------------------------
// Histories
// ---------------------------------------------------------------------------------------------

function historyItem(run: WorkflowRun, nowMs: number): Record<string, unknown> {
  const ready = nowMs >= run.ready_at;
  // An interrupted run is still going: it waits for the answer.
  const status = ready && run.status === 'Success' ? 'Success' : 'Running';
  return {
    execute_id: run.execute_id,
    execute_status: status,
    bot_id: run.bot_id,
    connector_id: run.connector_id,
    connector_uid: run.connector_uid,
    run_mode: run.run_mode,
    output: status === 'Success' ? JSON.stringify({ Output: run.data }) : '',
    create_time: run.create_time,
    update_time: ready ? run.update_time : run.create_time,
    node_execute_status: ready ? run.nodes : {},
    error_code: '',
    error_message: '',
    debug_url: run.debug_url,
    usage: ready ? run.usage : { input_count: 0, output_count: 0, token_count: 0 },
    is_output_trimmed: false,
    logid: run.logid,
    ...(ready && run.status === 'Interrupted' && run.interrupt ? { interrupt_data: run.interrupt } : {}),
  };
}

function findRun(ctx: EmulatorContext): WorkflowRun | Response {
  const wf = workflowsTable(ctx.state).get(ctx.params['workflow_id'] ?? '');
  if (!wf) return ctx.fail(4200, 'workflow not found');
  const run = runsTable(ctx.state).get(ctx.params['execute_id'] ?? '');
  if (!run || run.workflow_id !== wf.workflow_id) return ctx.fail(4314, 'workflow execution record not found');
  return run;
}

function retrieveHistory(ctx: EmulatorContext): Response {
  const run = findRun(ctx);
  if (run instanceof Response) return run;
  return ctx.ok([historyItem(run, ctx.state.clock.now())]);
}

function retrieveNodeOutput(ctx: EmulatorContext): Response {
  const run = findRun(ctx);
  if (run instanceof Response) return run;
  const uuid = ctx.params['node_execute_uuid'] ?? '';
  const output = ctx.state.clock.now() >= run.ready_at ? run.node_outputs[uuid] : undefined;
  // Only output nodes keep their output here; the End node's result is in the run history.
  if (output === undefined) return ctx.fail(4200, 'node execution not found (only output nodes are kept)');
  return ctx.ok({ is_finish: true, node_output: output });
}

// ---------------------------------------------------------------------------------------------
// Workflow catalogue
// ---------------------------------------------------------------------------------------------

function basicInfo(state: EmulatorState, wf: Workflow): Record<string, unknown> {
  const creator = accountUser(state);
  return {
    workflow_id: wf.workflow_id,
    workflow_name: wf.workflow_name,
    description: wf.description,
    icon_url: wf.icon_url,
    app_id: wf.app_id,
    creator: { id: creator.user_id, name: creator.nick_name },
    created_at: String(wf.created_at),
    updated_at: String(wf.updated_at),
  };
}

function inputOutput(wf: Workflow): Record<string, unknown> {
  return { input: { parameters: structuredClone(wf.input) }, output: structuredClone(wf.output) };
}

function wantsInputOutput(ctx: EmulatorContext): boolean {
  return ctx.input('include_input_output') === 'true';
}

function matchesPublishStatus(wf: Workflow, status: string): boolean {
  if (status === 'all') return true;
  return status === 'unpublished_draft' ? !wf.published : wf.published;
}

function listWorkflows(ctx: EmulatorContext): Response {
  const ws = findWorkspace(ctx.state, ctx.input('workspace_id'));
  if (!ws) return ctx.fail(4200, 'workspace not found');
  const page = readPage(ctx, { defaultSize: 10, maxSize: 30 });
  if (page instanceof Response) return page;
  const mode = ctx.input('workflow_mode');
  const appId = ctx.input('app_id');
  const status = ctx.input('publish_status') || 'published_online';
  const matching = [...workflowsTable(ctx.state).values()].filter(
    (wf) => wf.space_id === ws.id && (!mode || wf.mode === mode) && (!appId || wf.app_id === appId) && matchesPublishStatus(wf, status),
  );
  const start = (page.num - 1) * page.size;
  return ctx.ok({ items: matching.slice(start, start + page.size).map((wf) => basicInfo(ctx.state, wf)), has_more: start + page.size < matching.length });
}

function retrieveWorkflow(ctx: EmulatorContext): Response {
  const wf = workflowsTable(ctx.state).get(ctx.params['workflow_id'] ?? '');
  if (!wf) return ctx.fail(4200, 'workflow not found');
  return ctx.ok({ workflow_detail: basicInfo(ctx.state, wf), ...(wantsInputOutput(ctx) ? inputOutput(wf) : {}) });
}

/** Published versions, newest first, paged by `page_token` (the previous page's last creation time in ms). */
function listVersions(ctx: EmulatorContext): Response {
  const wf = workflowsTable(ctx.state).get(ctx.params['workflow_id'] ?? '');
  if (!wf) return ctx.fail(4200, 'workflow not found');
  const size = Number(ctx.input('page_size') ?? 10);
  if (!Number.isInteger(size) || size < 1 || size > 30) return ctx.fail(4000, 'invalid parameter: page_size must be between 1 and 30');
  const token = ctx.input('page_token') ?? '';
  if (token && !/^\d+$/.test(token)) return ctx.fail(4000, 'invalid parameter: page_token is not a token from a previous page');
  // Drafts have no version entries: the unpublished_draft filter finds none.
  const status = ctx.input('publish_status') || 'published_online';
  const all = status === 'unpublished_draft' ? [] : wf.versions.filter((v) => !token || v.created_at * 1000 < Number(token));
  const items = all.slice(0, size);
  const last = items[items.length - 1];
  return ctx.ok({
    items: items.map((v) => ({ workflow_id: wf.workflow_id, version: v.version, description: v.description, created_at: String(v.created_at), updated_at: String(v.updated_at), creator: basicInfo(ctx.state, wf)['creator'], ...(wantsInputOutput(ctx) ? inputOutput(wf) : {}) })),
    has_more: all.length > items.length,
    next_page_token: last ? String(last.created_at * 1000) : '',
  });
}

export const handlers: HandlerMap = {
  'workflows.runs.create': runWorkflow,
  'workflows.runs.stream': streamWorkflow,
  'workflows.runs.resumeStream': resumeStream,
  'workflows.runs.resume': resumeRun,
  'workflows.runs.histories.retrieve': retrieveHistory,
  'workflows.runs.histories.executeNodes.retrieve': retrieveNodeOutput,
  'workflows.list': listWorkflows,
  'workflows.retrieve': retrieveWorkflow,
  'workflows.versions.list': listVersions,
};

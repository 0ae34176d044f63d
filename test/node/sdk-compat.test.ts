/**
 * The official Coze JavaScript SDK (`@coze/api`), unchanged, against the standalone emulator: every
 * call goes through the SDK's own axios transport, URL building, envelope unwrapping, SSE parser and
 * error classes, so a passing test means a real SDK user could point `baseURL` at the emulator.
 */
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  APIError,
  AuthenticationError,
  ChatEventType,
  ChatStatus,
  CozeAPI,
  RoleType,
  WorkflowEventType,
  type ChatV3Message,
  type CreateChatData,
  type StreamChatData,
  type WorkflowEvent,
  type WorkflowEventInterrupt,
  type WorkflowEventMessage,
} from '@coze/api';
import { startEmulatorServer, type StartedEmulator } from '../../src/emulator/node.js';
import { SEEDED_WORKFLOWS } from '../../src/emulator/handlers/workflows.js';
import { SEEDED } from '../../src/emulator/seed.js';

const TOKEN = 'pat_emulator';
/** How long a non-streaming chat may take to settle before a test gives up. */
const POLL_LIMIT_MS = 15_000;

let server: StartedEmulator;
let coze: CozeAPI;
let scratch: string;

before(async () => {
  server = await startEmulatorServer(0, '127.0.0.1', { streamDelayMs: 2 });
  coze = new CozeAPI({ baseURL: server.url, token: TOKEN, allowPersonalAccessTokenInBrowser: true });
  scratch = await mkdtemp(join(tmpdir(), 'coze-sdk-compat-'));
});

after(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Everything a finite SDK stream yields, in order. */
async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const events: T[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

/** `chat.retrieve` until the chat reaches one of `statuses` (how SDK users poll a non-streaming chat). */
async function pollChat(conversationId: string, chatId: string, statuses: ChatStatus[]): Promise<CreateChatData> {
  const deadline = Date.now() + POLL_LIMIT_MS;
  for (;;) {
    const chat = await coze.chat.retrieve(conversationId, chatId);
    if (statuses.includes(chat.status)) return chat;
    assert.ok(Date.now() < deadline, `chat ${chatId} still ${chat.status} after ${POLL_LIMIT_MS} ms`);
    await sleep(50);
  }
}

/** The message deltas of a chat stream, joined per message id. */
function assembleDeltas(events: StreamChatData[]): Map<string, string> {
  const byMessage = new Map<string, string>();
  for (const e of events) {
    if (e.event !== ChatEventType.CONVERSATION_MESSAGE_DELTA) continue;
    byMessage.set(e.data.id, (byMessage.get(e.data.id) ?? '') + e.data.content);
  }
  return byMessage;
}

function completedMessages(events: StreamChatData[]): ChatV3Message[] {
  const out: ChatV3Message[] = [];
  for (const e of events) if (e.event === ChatEventType.CONVERSATION_MESSAGE_COMPLETED) out.push(e.data);
  return out;
}

/** The stream events whose payload is the chat itself (created, in_progress, completed…). */
type ChatLifecycleEvent = Extract<StreamChatData, { data: CreateChatData }>;

function chatEvent(events: StreamChatData[], type: ChatLifecycleEvent['event']): CreateChatData | undefined {
  return events.find((e): e is ChatLifecycleEvent => e.event === type)?.data;
}

/** Awaits `call`, expecting the SDK to throw one of its `APIError`s; returns it. */
async function apiError(call: () => Promise<unknown>): Promise<APIError> {
  try {
    await call();
  } catch (error) {
    assert.ok(error instanceof APIError, `expected an APIError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the SDK to throw an APIError');
}

describe('account', () => {
  test('users.me returns the emulated user', async () => {
    const me = await coze.users.me();
    assert.equal(me.user_id, server.emulator.state.userId);
    assert.equal(typeof me.user_name, 'string');
    assert.equal(typeof me.nick_name, 'string');
    assert.equal(typeof me.avatar_url, 'string');
  });

  test('workspaces.list includes the personal workspace', async () => {
    const page = await coze.workspaces.list({ page_num: 1, page_size: 10 });
    assert.ok(Array.isArray(page.workspaces));
    assert.equal(typeof page.total_count, 'number');
    const own = page.workspaces.find((w) => w.id === server.emulator.state.workspaceId);
    assert.ok(own, `workspace ${server.emulator.state.workspaceId} missing from ${JSON.stringify(page.workspaces.map((w) => w.id))}`);
    assert.equal(typeof own.name, 'string');
    assert.equal(typeof own.workspace_type, 'string');
  });
});

describe('bots', () => {
  test('bots.listNew (GET /v1/bots) lists the seeded bots', async () => {
    const page = await coze.bots.listNew({ workspace_id: server.emulator.state.workspaceId, page_num: 1, page_size: 20 });
    assert.equal(typeof page.total, 'number');
    const ids = page.items.map((b) => b.id);
    assert.ok(ids.includes(SEEDED.assistantBotId), `assistant missing from ${JSON.stringify(ids)}`);
    const assistant = page.items.find((b) => b.id === SEEDED.assistantBotId);
    assert.equal(assistant?.name, 'Coze Assistant');
    assert.equal(assistant?.is_published, true);
  });

  test('bots.retrieveNew (GET /v1/bots/{bot_id}) returns the bot', async () => {
    const bot = await coze.bots.retrieveNew(SEEDED.toolBotId);
    assert.equal(bot.bot_id, SEEDED.toolBotId);
    assert.equal(bot.name, 'Weather Helper');
  });

  test('bots.list (GET /v1/space/published_bots_list) lists only published bots', async () => {
    const page = await coze.bots.list({ space_id: server.emulator.state.workspaceId, page_index: 1, page_size: 20 });
    assert.equal(typeof page.total, 'number');
    const ids = page.space_bots.map((b) => b.bot_id);
    assert.ok(ids.includes(SEEDED.assistantBotId), `assistant missing from ${JSON.stringify(ids)}`);
    assert.ok(!ids.includes(SEEDED.draftBotId), 'the draft bot is not published');
  });

  test('bots.retrieve (GET /v1/bot/get_online_info) returns the published bot', async () => {
    const bot = await coze.bots.retrieve({ bot_id: SEEDED.assistantBotId });
    assert.equal(bot.bot_id, SEEDED.assistantBotId);
    assert.equal(bot.name, 'Coze Assistant');
  });
});

describe('conversations', () => {
  test('conversations.create / retrieve / list', async () => {
    const created = await coze.conversations.create({ bot_id: SEEDED.assistantBotId, meta_data: { source: 'sdk-compat' } });
    assert.match(created.id, /^\d+$/);
    assert.equal(typeof created.created_at, 'number');
    assert.deepEqual(created.meta_data, { source: 'sdk-compat' });

    const fetched = await coze.conversations.retrieve(created.id);
    assert.equal(fetched.id, created.id);
    assert.deepEqual(fetched.meta_data, { source: 'sdk-compat' });

    const page = await coze.conversations.list({ bot_id: SEEDED.assistantBotId, page_num: 1, page_size: 50 });
    assert.equal(typeof page.has_more, 'boolean');
    assert.ok(page.conversations.some((c) => c.id === created.id), 'the new conversation is listed');
  });

  test('conversations.messages.create / list', async () => {
    const conversation = await coze.conversations.create({ bot_id: SEEDED.assistantBotId });
    const first = await coze.conversations.messages.create(conversation.id, { role: RoleType.User, content: 'first', content_type: 'text', meta_data: {} });
    const second = await coze.conversations.messages.create(conversation.id, { role: RoleType.Assistant, content: 'second', content_type: 'text', meta_data: { k: 'v' } });
    assert.equal(first.conversation_id, conversation.id);
    assert.equal(first.role, 'user');
    assert.equal(first.content, 'first');
    assert.deepEqual(second.meta_data, { k: 'v' });
    assert.notEqual(first.id, second.id);

    const listed = await coze.conversations.messages.list(conversation.id, { order: 'asc', limit: 10 });
    assert.deepEqual(listed.data.map((m) => m.id), [first.id, second.id]);
    assert.deepEqual(listed.data.map((m) => m.content), ['first', 'second']);
    assert.equal(listed.first_id, first.id);
    assert.equal(listed.last_id, second.id);
    assert.equal(listed.has_more, false);
  });
});

describe('chat', () => {
  test('chat.create, poll chat.retrieve until completed, then chat.messages.list', async () => {
    const conversation = await coze.conversations.create({ bot_id: SEEDED.assistantBotId });
    const chat = await coze.chat.create({
      bot_id: SEEDED.assistantBotId,
      user_id: 'sdk-compat-user',
      conversation_id: conversation.id,
      additional_messages: [{ role: RoleType.User, content: 'Hello, who are you?', content_type: 'text' }],
    });
    assert.match(chat.id, /^\d+$/);
    assert.equal(chat.conversation_id, conversation.id);
    assert.equal(chat.bot_id, SEEDED.assistantBotId);
    assert.ok([ChatStatus.CREATED, ChatStatus.IN_PROGRESS].includes(chat.status), `a new chat is created or in progress, not ${chat.status}`);

    const done = await pollChat(conversation.id, chat.id, [ChatStatus.COMPLETED, ChatStatus.FAILED]);
    assert.equal(done.status, ChatStatus.COMPLETED);
    assert.equal(typeof done.usage?.token_count, 'number');

    const messages = await coze.chat.messages.list(conversation.id, chat.id);
    const answer = messages.find((m) => m.type === 'answer');
    assert.ok(answer, `no answer among ${JSON.stringify(messages.map((m) => m.type))}`);
    assert.equal(answer.chat_id, chat.id);
    assert.equal(answer.role, 'assistant');
    assert.ok(answer.content.length > 0);
  });

  test('chat.createAndPoll (the SDK helper) settles to completed with messages', async () => {
    const result = await coze.chat.createAndPoll({
      bot_id: SEEDED.assistantBotId,
      additional_messages: [{ role: RoleType.User, content: 'One more question', content_type: 'text' }],
    });
    assert.equal(result.chat.status, ChatStatus.COMPLETED);
    assert.ok(result.messages?.some((m) => m.type === 'answer'));
  });

  test('chat.stream: deltas assemble to the completed answer; the last event is done', async () => {
    const events = await collect(
      coze.chat.stream({
        bot_id: SEEDED.assistantBotId,
        user_id: 'sdk-compat-user',
        additional_messages: [{ role: RoleType.User, content: 'Tell me about Coze', content_type: 'text' }],
      }),
    );
    const names = events.map((e) => e.event);
    assert.equal(names[0], ChatEventType.CONVERSATION_CHAT_CREATED);
    assert.ok(names.includes(ChatEventType.CONVERSATION_CHAT_IN_PROGRESS));
    const last = events.at(-1);
    assert.equal(last?.event, ChatEventType.DONE);
    assert.equal(last?.data, '[DONE]');
    assert.equal(names.at(-2), ChatEventType.CONVERSATION_CHAT_COMPLETED);

    const answers = completedMessages(events).filter((m) => m.type === 'answer');
    assert.equal(answers.length, 1, 'one completed answer');
    const answer = answers[0]!;
    const deltas = assembleDeltas(events);
    assert.ok((names.filter((n) => n === ChatEventType.CONVERSATION_MESSAGE_DELTA).length) > 1, 'the answer arrives in several deltas');
    assert.equal(deltas.get(answer.id), answer.content);
    assert.ok(answer.content.length > 0);

    const created = chatEvent(events, ChatEventType.CONVERSATION_CHAT_CREATED);
    const completed = chatEvent(events, ChatEventType.CONVERSATION_CHAT_COMPLETED);
    assert.ok(created && completed);
    assert.equal(completed.id, created.id);
    assert.equal(completed.status, ChatStatus.COMPLETED);
    assert.equal(answer.chat_id, created.id);
    assert.equal(answer.conversation_id, created.conversation_id);
  });

  test('chat.stream → requires_action from the tool bot → chat.submitToolOutputs (streaming) completes', async () => {
    const events = await collect(
      coze.chat.stream({
        bot_id: SEEDED.toolBotId,
        user_id: 'sdk-compat-user',
        additional_messages: [{ role: RoleType.User, content: "What's the weather in Hangzhou?", content_type: 'text' }],
      }),
    );
    const pending = chatEvent(events, ChatEventType.CONVERSATION_CHAT_REQUIRES_ACTION);
    assert.ok(pending, `no requires_action among ${JSON.stringify(events.map((e) => e.event))}`);
    assert.equal(pending.status, ChatStatus.REQUIRES_ACTION);
    assert.equal(events.at(-1)?.event, ChatEventType.DONE);
    const call = pending.required_action?.submit_tool_outputs.tool_calls[0];
    assert.ok(call, 'required_action.submit_tool_outputs.tool_calls[0]');
    assert.equal(call.function.name, 'get_weather');
    assert.doesNotThrow(() => JSON.parse(call.function.arguments), 'tool arguments are a JSON string');

    const retrieved = await coze.chat.retrieve(pending.conversation_id, pending.id);
    assert.equal(retrieved.status, ChatStatus.REQUIRES_ACTION);

    const resumed = await collect(
      coze.chat.submitToolOutputs({
        conversation_id: pending.conversation_id,
        chat_id: pending.id,
        tool_outputs: [{ tool_call_id: call.id, output: JSON.stringify({ weather: 'sunny', temperature: '26°C' }) }],
        stream: true,
      }),
    );
    assert.equal(resumed.at(-1)?.event, ChatEventType.DONE);
    const completed = chatEvent(resumed, ChatEventType.CONVERSATION_CHAT_COMPLETED);
    assert.ok(completed, `no chat.completed among ${JSON.stringify(resumed.map((e) => e.event))}`);
    assert.equal(completed.id, pending.id);
    const answer = completedMessages(resumed).find((m) => m.type === 'answer');
    assert.ok(answer && answer.content.length > 0, 'an answer after the tool output');
    assert.equal(assembleDeltas(resumed).get(answer.id), answer.content);
  });

  test('chat.create → requires_action → chat.submitToolOutputs (non-streaming) → completed', async () => {
    const chat = await coze.chat.create({
      bot_id: SEEDED.toolBotId,
      user_id: 'sdk-compat-user',
      additional_messages: [{ role: RoleType.User, content: 'Weather in Beijing?', content_type: 'text' }],
    });
    const pending = await pollChat(chat.conversation_id, chat.id, [ChatStatus.REQUIRES_ACTION, ChatStatus.COMPLETED, ChatStatus.FAILED]);
    assert.equal(pending.status, ChatStatus.REQUIRES_ACTION);
    const call = pending.required_action?.submit_tool_outputs.tool_calls[0];
    assert.ok(call);

    // With `stream: false` the SDK's generator yields nothing and *returns* the chat.
    const generator = coze.chat.submitToolOutputs({
      conversation_id: chat.conversation_id,
      chat_id: chat.id,
      tool_outputs: [{ tool_call_id: call.id, output: '{"weather":"cloudy"}' }],
      stream: false,
    });
    const step = await generator.next();
    assert.equal(step.done, true);
    const submitted = step.value;
    assert.ok(submitted && typeof submitted === 'object' && 'id' in submitted, `submit_tool_outputs returned ${JSON.stringify(submitted)}`);
    assert.equal(submitted.id, chat.id);

    const done = await pollChat(chat.conversation_id, chat.id, [ChatStatus.COMPLETED, ChatStatus.FAILED]);
    assert.equal(done.status, ChatStatus.COMPLETED);
  });

  test('chat.cancel cancels a chat in progress', async () => {
    const chat = await coze.chat.create({
      bot_id: SEEDED.assistantBotId,
      user_id: 'sdk-compat-user',
      additional_messages: [{ role: RoleType.User, content: 'A long question to cancel', content_type: 'text' }],
    });
    const cancelled = await coze.chat.cancel(chat.conversation_id, chat.id);
    assert.equal(cancelled.id, chat.id);
    assert.equal(cancelled.status, ChatStatus.CANCELED);
    const again = await coze.chat.retrieve(chat.conversation_id, chat.id);
    assert.equal(again.status, ChatStatus.CANCELED);
  });

  test('chat with a bot not published to the API channel fails with 4015 (plain and streaming)', async () => {
    const plain = await apiError(() => coze.chat.create({ bot_id: SEEDED.draftBotId, user_id: 'u', additional_messages: [{ role: RoleType.User, content: 'hi', content_type: 'text' }] }));
    assert.equal(plain.code, 4015);
    assert.ok(plain.logid, 'the error carries the log id');
    // A streaming request refused before it streams gets a JSON error body. The SDK (1.3.9) does not
    // throw for it (its body is a stream, so the `code` check sees nothing): its SSE parser yields
    // the unterminated body as one `error` event, which is what SDK users see from Coze as well.
    const streamed = await collect(coze.chat.stream({ bot_id: SEEDED.draftBotId, user_id: 'u', additional_messages: [{ role: RoleType.User, content: 'hi', content_type: 'text' }] }));
    assert.equal(streamed.length, 1);
    const only = streamed[0]!;
    assert.equal(only.event, ChatEventType.ERROR);
    assert.equal(only.event === ChatEventType.ERROR ? only.data.code : undefined, 4015);
  });
});

describe('workflows', () => {
  test('workflows.runs.create runs a workflow synchronously', async () => {
    const run = await coze.workflows.runs.create({ workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, parameters: { input: 'hello workflow' } });
    assert.match(run.execute_id, /^\d+$/);
    assert.equal(typeof run.data, 'string');
    assert.match(run.data, /hello workflow/, 'the echo workflow returns its input');
    assert.equal(typeof run.debug_url, 'string');
  });

  test('workflows.runs.stream of a workflow without questions ends with Done', async () => {
    const events = await collect(coze.workflows.runs.stream({ workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, parameters: { input: 'streamed echo' } }));
    assertWorkflowIds(events, 0);
    assert.equal(events.at(-1)?.event, WorkflowEventType.DONE);
    const messages = events.filter((e) => e.event === WorkflowEventType.MESSAGE).map((e) => e.data as WorkflowEventMessage);
    assert.ok(messages.length > 0);
    assert.match(messages.map((m) => m.content).join(''), /streamed echo/);
  });

  test('workflows.runs.stream → Interrupt → workflows.runs.resume → Done', async () => {
    const workflowId = SEEDED_WORKFLOWS.questionWorkflowId;
    const events = await collect(coze.workflows.runs.stream({ workflow_id: workflowId, parameters: { days: 2 } }));
    assertWorkflowIds(events, 0);
    const last = events.at(-1);
    assert.equal(last?.event, WorkflowEventType.INTERRUPT, `events: ${JSON.stringify(events.map((e) => e.event))}`);
    const interrupt = last.data as WorkflowEventInterrupt;
    assert.equal(typeof interrupt.interrupt_data.event_id, 'string');
    assert.equal(interrupt.interrupt_data.type, 2, 'a question node interrupts with type 2');
    assert.equal(typeof interrupt.node_title, 'string');

    const resumed = await collect(
      coze.workflows.runs.resume({ workflow_id: workflowId, event_id: interrupt.interrupt_data.event_id, resume_data: 'Hangzhou', interrupt_type: interrupt.interrupt_data.type }),
    );
    assertWorkflowIds(resumed);
    assert.equal(resumed.at(-1)?.event, WorkflowEventType.DONE);
    const messages = resumed.filter((e) => e.event === WorkflowEventType.MESSAGE).map((e) => e.data as WorkflowEventMessage);
    assert.ok(messages.length > 0, 'the resumed run outputs messages');
    assert.ok(messages.every((m) => typeof m.content === 'string' && typeof m.node_title === 'string'));
    assert.match(messages.map((m) => m.content).join(''), /Hangzhou/, 'the answer reaches the output');
  });
});

/**
 * Workflow stream records carry `id:` lines that count up by one (from 0 for a new run); the SDK
 * turns them into numbers, so a missing or non-numeric id shows up as NaN here.
 */
function assertWorkflowIds(events: WorkflowEvent[], first?: number): void {
  assert.ok(events.length > 0);
  const start = first ?? events[0]!.id;
  assert.ok(Number.isInteger(start), `the first event has id ${events[0]!.id}`);
  events.forEach((e, i) => assert.equal(e.id, start + i, `event ${i} (${e.event}) has id ${e.id}`));
}

describe('files', () => {
  test('files.upload (a file stream, as in Node) then files.retrieve', async () => {
    // .csv: Coze's documented upload types have no plain .txt.
    const path = join(scratch, 'notes.csv');
    const content = 'city,greeting\nHangzhou,你好\n';
    await writeFile(path, content);
    const uploaded = await coze.files.upload({ file: createReadStream(path) });
    assert.match(uploaded.id, /^\d+$/);
    assert.equal(uploaded.file_name, 'notes.csv');
    assert.equal(uploaded.bytes, Buffer.byteLength(content));
    assert.equal(typeof uploaded.created_at, 'number');

    const fetched = await coze.files.retrieve(uploaded.id);
    assert.deepEqual(fetched, uploaded);
  });
});

describe('audio', () => {
  test('audio.voices.list lists voices', async () => {
    const page = await coze.audio.voices.list({ page_num: 1, page_size: 10 });
    assert.ok(page.voice_list.length > 0);
    assert.equal(typeof page.has_more, 'boolean');
    const voice = page.voice_list[0]!;
    assert.equal(typeof voice.voice_id, 'string');
    assert.equal(typeof voice.name, 'string');
  });

  test('audio.speech.create returns WAV bytes', async () => {
    const { voice_list } = await coze.audio.voices.list();
    const voiceId = voice_list[0]?.voice_id;
    assert.ok(voiceId);
    const audio = await coze.audio.speech.create({ input: 'Hello from the emulator', voice_id: voiceId, response_format: 'wav' });
    const bytes = Buffer.from(audio);
    assert.ok(bytes.length > 44, `a WAV file, got ${bytes.length} bytes`);
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'RIFF');
    assert.equal(bytes.subarray(8, 12).toString('latin1'), 'WAVE');
  });
});

describe('more of the SDK surface', () => {
  test('conversations.messages.retrieve / update / delete and conversations.clear', async () => {
    const conversation = await coze.conversations.create({ bot_id: SEEDED.assistantBotId, messages: [{ role: RoleType.User, content: 'seeded question', content_type: 'text' }] });
    const created = await coze.conversations.messages.create(conversation.id, { role: RoleType.User, content: 'draft', content_type: 'text', meta_data: {} });

    const fetched = await coze.conversations.messages.retrieve(conversation.id, created.id);
    assert.equal(fetched.id, created.id);
    assert.equal(fetched.content, 'draft');

    // The SDK reads the modified message from the top-level `message` key, not `data`.
    const updated = await coze.conversations.messages.update(conversation.id, created.id, { content: 'final', content_type: 'text' });
    assert.equal(updated.id, created.id);
    assert.equal(updated.content, 'final');

    const deleted = await coze.conversations.messages.delete(conversation.id, created.id);
    assert.equal(deleted.id, created.id);
    const remaining = await coze.conversations.messages.list(conversation.id);
    assert.ok(!remaining.data.some((m) => m.id === created.id), 'the deleted message is gone');
    assert.ok(remaining.data.some((m) => m.content === 'seeded question'), 'messages given at creation are kept');

    const session = await coze.conversations.clear(conversation.id);
    assert.equal(session.conversation_id, conversation.id);
    assert.match(session.id, /^\d+$/);
    const after = await coze.conversations.retrieve(conversation.id);
    assert.equal(after.last_section_id, session.id, 'clearing starts a new section');
  });

  test('chat.stream with the reasoning bot streams reasoning_content before the answer', async () => {
    const events = await collect(coze.chat.stream({ bot_id: SEEDED.reasoningBotId, user_id: 'u', additional_messages: [{ role: RoleType.User, content: 'Why is the sky blue?', content_type: 'text' }] }));
    assert.equal(events.at(-1)?.event, ChatEventType.DONE);
    const deltas = events.flatMap((e) => (e.event === ChatEventType.CONVERSATION_MESSAGE_DELTA ? [e.data] : []));
    const firstReasoning = deltas.findIndex((d) => (d.reasoning_content ?? '').length > 0);
    const firstContent = deltas.findIndex((d) => d.content.length > 0);
    assert.ok(firstReasoning >= 0, 'some deltas carry reasoning_content');
    assert.ok(firstContent > firstReasoning, 'the reasoning comes first');
    const answer = completedMessages(events).find((m) => m.type === 'answer');
    assert.ok(answer);
    assert.equal(answer.reasoning_content, deltas.map((d) => d.reasoning_content ?? '').join(''));
  });

  test('workflows.runs.history finds a finished run', async () => {
    const run = await coze.workflows.runs.create({ workflow_id: SEEDED_WORKFLOWS.echoWorkflowId, parameters: { input: 'for the history' } });
    const history = await coze.workflows.runs.history(SEEDED_WORKFLOWS.echoWorkflowId, run.execute_id);
    assert.equal(history.length, 1);
    const record = history[0]!;
    assert.equal(record.execute_id, run.execute_id);
    assert.equal(record.execute_status, 'Success');
    assert.match(record.output, /for the history/);
  });

  test('workflows.chat.stream (a chatflow) answers and ends with done', async () => {
    const events = await collect(
      coze.workflows.chat.stream({
        workflow_id: SEEDED_WORKFLOWS.chatflowId,
        additional_messages: [{ role: RoleType.User, content: 'I need help with my order', content_type: 'text' }],
        parameters: {},
      }),
    );
    assert.equal(events[0]?.event, ChatEventType.CONVERSATION_CHAT_CREATED);
    assert.equal(events.at(-1)?.event, ChatEventType.DONE);
    const answer = completedMessages(events).find((m) => m.type === 'answer');
    assert.ok(answer && answer.content.length > 0, `events: ${JSON.stringify(events.map((e) => e.event))}`);
    assert.equal(assembleDeltas(events).get(answer.id), answer.content);
  });

  test('audio.transcriptions.create transcribes an uploaded WAV stream', async () => {
    const { voice_list } = await coze.audio.voices.list();
    const audio = await coze.audio.speech.create({ input: 'Transcribe me', voice_id: voice_list[0]!.voice_id, response_format: 'wav' });
    const path = join(scratch, 'speech.wav');
    await writeFile(path, Buffer.from(audio));
    const result = await coze.audio.transcriptions.create({ file: createReadStream(path) });
    assert.equal(typeof result.text, 'string');
    assert.ok(result.text.length > 0);
  });

  test('variables.update then variables.retrieve', async () => {
    await coze.variables.update({ bot_id: SEEDED.assistantBotId, connector_uid: 'sdk-user', data: [{ keyword: 'city', value: 'Hangzhou' }] });
    const data = await coze.variables.retrieve({ bot_id: SEEDED.assistantBotId, connector_uid: 'sdk-user', keywords: ['city'] });
    const city = data.items.find((i) => i.keyword === 'city');
    assert.equal(city?.value, 'Hangzhou');
    assert.equal(typeof city?.update_time, 'number');
  });

  test('datasets.create / list and datasets.documents.create / list (top-level document_infos)', async () => {
    const workspace = server.emulator.state.workspaceId;
    const { dataset_id } = await coze.datasets.create({ name: 'sdk-compat kb', space_id: workspace, format_type: 0 });
    assert.match(dataset_id, /^\d+$/);
    const page = await coze.datasets.list({ space_id: workspace, page_num: 1, page_size: 50 });
    assert.ok(page.dataset_list.some((d) => d.dataset_id === dataset_id));
    assert.equal(typeof page.total_count, 'number');

    const docs = await coze.datasets.documents.create({
      dataset_id,
      document_bases: [{ name: 'faq.txt', source_info: { file_base64: Buffer.from('Q: hi\nA: hello').toString('base64'), file_type: 'txt' } }],
      chunk_strategy: { chunk_type: 0 },
      // Optional in the SDK's types, required by the API.
      format_type: 0,
    });
    assert.equal(docs.length, 1);
    const listed = await coze.datasets.documents.list({ dataset_id, page: 1, page_size: 10 });
    assert.deepEqual(listed.document_infos.map((d) => d.document_id), [docs[0]!.document_id]);
    assert.equal(listed.total, 1);
  });

  test('bots.create / update / publish, then retrieveNew sees the change', async () => {
    const { bot_id } = await coze.bots.create({ space_id: server.emulator.state.workspaceId, name: 'SDK bot', description: 'made by the SDK', prompt_info: { prompt: 'Be brief.' } });
    assert.match(bot_id, /^\d+$/);
    await coze.bots.update({ bot_id, name: 'SDK bot v2' });
    await coze.bots.publish({ bot_id, connector_ids: ['1024'] });
    const bot = await coze.bots.retrieveNew(bot_id);
    assert.equal(bot.name, 'SDK bot v2');
    assert.equal(bot.prompt_info.prompt, 'Be brief.');
  });
});

describe('errors', () => {
  test('a bad token surfaces as the SDK AuthenticationError with the Coze code', async () => {
    const bad = new CozeAPI({ baseURL: server.url, token: 'x', allowPersonalAccessTokenInBrowser: true });
    const error = await apiError(() => bad.users.me());
    assert.ok(error instanceof AuthenticationError, error.constructor.name);
    assert.equal(error.status, 401);
    assert.equal(error.code, 700012006);
    assert.ok(error.logid, 'the log id is kept');
  });

  test('an expired token surfaces as AuthenticationError with code 4100', async () => {
    const expired = new CozeAPI({ baseURL: server.url, token: 'pat_expired_token', allowPersonalAccessTokenInBrowser: true });
    const error = await apiError(() => expired.conversations.create({ bot_id: SEEDED.assistantBotId }));
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.code, 4100);
  });

  test('an unknown conversation is a Coze business error, not a transport failure', async () => {
    const error = await apiError(() => coze.conversations.retrieve('7000000000000000001'));
    assert.equal(typeof error.code, 'number');
    assert.notEqual(error.code, 0);
    assert.ok(error.msg, 'the message is kept');
  });
});

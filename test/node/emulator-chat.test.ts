/** Conversations, messages, chat v3 and chatflows on the emulator, through real requests and responses. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { SEEDED } from '../../src/emulator/seed.js';

type Json = Record<string, unknown>;

/** What clients see, typed loosely enough for assertions on shapes. */
interface MessageView {
  id: string;
  conversation_id: string;
  bot_id?: string;
  chat_id: string;
  section_id: string;
  role: string;
  type: string;
  content: string;
  content_type: string;
  meta_data: Record<string, string>;
  created_at: number;
  updated_at: number;
  reasoning_content?: string;
}

interface ToolCallView {
  id: string;
  type: string;
  function: { name: string; arguments: string };
}

interface ChatView {
  id: string;
  conversation_id: string;
  bot_id?: string;
  section_id: string;
  status: string;
  created_at: number;
  completed_at?: number;
  meta_data: Record<string, string>;
  usage: { token_count: number; output_count: number; input_count: number };
  required_action?: { type: string; submit_tool_outputs: { tool_calls: ToolCallView[] } };
}

interface ConversationView {
  id: string;
  name: string;
  meta_data: Record<string, string>;
  connector_id: string;
  created_at: number;
  updated_at: number;
  last_section_id: string;
}

interface Envelope<T> {
  code: number;
  msg: string;
  data: T;
  first_id?: string;
  last_id?: string;
  has_more?: boolean;
  message?: MessageView;
  detail: { logid: string };
}

interface Harness {
  emulator: Emulator;
  /** Moves the emulated clock on (non-streaming chats progress with it). */
  tick(ms: number): void;
  call<T = Json>(method: string, path: string, body?: unknown): Promise<{ status: number; json: Envelope<T> }>;
  stream(path: string, body: unknown): Promise<Array<{ event: string; data: string }>>;
}

function harness(): Harness {
  let now = Date.UTC(2024, 10, 24, 7, 30, 0);
  const emulator = createEmulator({ streamDelayMs: 0, clock: { now: () => now } });
  const request = (method: string, path: string, body?: unknown) =>
    emulator.fetch(`http://emulator.test${path}`, {
      method,
      headers: { authorization: 'Bearer pat_emulator', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    emulator,
    tick: (ms) => void (now += ms),
    async call<T>(method: string, path: string, body?: unknown) {
      const res = await request(method, path, body);
      return { status: res.status, json: (await res.json()) as Envelope<T> };
    },
    async stream(path, body) {
      const res = await request('POST', path, body);
      assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/, `expected a stream, got ${await res.clone().text()}`);
      return parseSse(await res.text());
    },
  };
}

function parseSse(text: string): Array<{ event: string; data: string }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))!.slice(7);
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      return { event, data };
    });
}

type SseEvent = { event: string; data: string };

const parse = <T>(e: SseEvent): T => JSON.parse(e.data) as T;
const ofEvent = (events: SseEvent[], name: string) => events.filter((e) => e.event === name);
const deltasOf = (events: SseEvent[]) => ofEvent(events, 'conversation.message.delta').map((e) => parse<MessageView>(e));
const completedOf = (events: SseEvent[]) => ofEvent(events, 'conversation.message.completed').map((e) => parse<MessageView>(e));
const answerOf = (events: SseEvent[]) => completedOf(events).find((m) => m.type === 'answer')!;
const typesOf = (messages: MessageView[]) => messages.map((m) => m.type);

const ask = (content: string) => [{ role: 'user', content, content_type: 'text' }];
const chatBody = (bot_id: string, content: string, extra: Json = {}) => ({ bot_id, user_id: 'u_test', additional_messages: ask(content), ...extra });
const FINISH = '{"msg_type":"generate_answer_finish","data":"{\\"finish_reason\\":0,\\"FinData\\":\\"\\"}","from_module":null,"from_unit":null}';
const NO_SUCH_ID = '7000000000000000001';

async function startChat(h: Harness, body: Json, conversationId?: string): Promise<ChatView> {
  const { json } = await h.call<ChatView>('POST', `/v3/chat${conversationId ? `?conversation_id=${conversationId}` : ''}`, body);
  assert.equal(json.code, 0, json.msg);
  return json.data;
}

function retrieve(h: Harness, chat: { conversation_id: string; id: string }) {
  return h.call<ChatView>('GET', `/v3/chat/retrieve?conversation_id=${chat.conversation_id}&chat_id=${chat.id}`);
}

async function chatMessages(h: Harness, chat: { conversation_id: string; id: string }): Promise<MessageView[]> {
  return (await h.call<MessageView[]>('GET', `/v3/chat/message/list?conversation_id=${chat.conversation_id}&chat_id=${chat.id}`)).json.data;
}

function listMessages(h: Harness, conversationId: string, body: Json = {}) {
  return h.call<MessageView[]>('POST', `/v1/conversation/message/list?conversation_id=${conversationId}`, body).then((r) => r.json);
}

async function newConversation(h: Harness, body: Json = {}): Promise<ConversationView> {
  return (await h.call<ConversationView>('POST', '/v1/conversation/create', body)).json.data;
}

async function addMessage(h: Harness, conversationId: string, body: Json): Promise<Envelope<MessageView>> {
  return (await h.call<MessageView>('POST', `/v1/conversation/message/create?conversation_id=${conversationId}`, body)).json;
}

async function pollUntil(h: Harness, chat: ChatView, status: string): Promise<ChatView> {
  for (let i = 0; i < 10; i++) {
    h.tick(500);
    const { json } = await retrieve(h, chat);
    if (json.data.status === status) return json.data;
  }
  return assert.fail(`chat never reached ${status}`);
}

test('non-streaming chat: in_progress, then completed after ~1.5 s; messages stored in an auto-created conversation', async () => {
  const h = harness();
  const chat = await startChat(h, chatBody(SEEDED.assistantBotId, 'How do I sort an array?', { stream: false, meta_data: { order: 'A1' } }));
  assert.equal(chat.status, 'in_progress');
  assert.equal(chat.bot_id, SEEDED.assistantBotId);
  assert.deepEqual(chat.meta_data, { order: 'A1' });
  assert.ok(h.emulator.state.conversations.has(chat.conversation_id));

  assert.equal((await retrieve(h, chat)).json.data.status, 'in_progress');
  h.tick(1000);
  assert.equal((await retrieve(h, chat)).json.data.status, 'in_progress');
  assert.deepEqual(await chatMessages(h, chat), [], 'nothing produced yet');
  h.tick(600);
  const done = (await retrieve(h, chat)).json.data;
  assert.equal(done.status, 'completed');
  assert.ok(done.completed_at !== undefined && done.completed_at >= done.created_at);
  assert.ok(done.usage.token_count > 0 && done.usage.token_count === done.usage.input_count + done.usage.output_count);

  const messages = await chatMessages(h, chat);
  const types = typesOf(messages);
  assert.deepEqual(types.slice(0, 2), ['answer', 'verbose']);
  assert.ok(types.length >= 4 && types.length <= 5 && types.slice(2).every((t) => t === 'follow_up'));
  assert.equal(messages[1]!.content, FINISH);
  assert.match(messages[0]!.content, /```ts/);
  assert.ok(messages.every((m) => m.role === 'assistant' && m.chat_id === chat.id), 'the user question is not part of the chat message list');

  const history = await listMessages(h, chat.conversation_id, { order: 'asc' });
  assert.deepEqual(history.data.map((m) => [m.role, m.type]), [['user', 'question'], ['assistant', 'answer']]);
});

test('non-streaming chat requires auto_save_history (4007)', async () => {
  const h = harness();
  const { json } = await h.call('POST', '/v3/chat', chatBody(SEEDED.assistantBotId, 'hi', { stream: false, auto_save_history: false }));
  assert.equal(json.code, 4007);
});

test('bot errors: unknown bot 4006, unpublished bot 4015 unless the draft is asked for, unknown conversation 4002', async () => {
  const h = harness();
  assert.equal((await h.call('POST', '/v3/chat', chatBody(NO_SUCH_ID, 'hi'))).json.code, 4006);
  assert.equal((await h.call('POST', '/v3/chat', chatBody(SEEDED.draftBotId, 'hi'))).json.code, 4015);
  await startChat(h, chatBody(SEEDED.draftBotId, 'hi', { publish_status: 'unpublished_draft' }));
  assert.equal((await h.call('POST', `/v3/chat?conversation_id=${NO_SUCH_ID}`, chatBody(SEEDED.assistantBotId, 'hi'))).json.code, 4002);
});

test('one chat at a time per conversation (4016), free again once it completes', async () => {
  const h = harness();
  const first = await startChat(h, chatBody(SEEDED.assistantBotId, 'first'));
  const busy = await h.call('POST', `/v3/chat?conversation_id=${first.conversation_id}`, chatBody(SEEDED.assistantBotId, 'second'));
  assert.equal(busy.json.code, 4016);
  h.tick(2000);
  const second = await startChat(h, chatBody(SEEDED.assistantBotId, 'second'), first.conversation_id);
  assert.equal(second.conversation_id, first.conversation_id);
});

test('streaming chat: the documented event order, and the deltas assemble into the completed answer', async () => {
  const h = harness();
  const events = await h.stream('/v3/chat', chatBody(SEEDED.assistantBotId, 'Explain closures in JavaScript', { stream: true }));
  const names = events.map((e) => e.event);
  const deltas = deltasOf(events);
  assert.ok(deltas.length >= 40 && deltas.length <= 80, `${deltas.length} deltas`);
  const completed = completedOf(events);
  assert.ok(completed.length === 4 || completed.length === 5, 'answer, verbose and two or three follow-ups');
  assert.deepEqual(names, [
    'conversation.chat.created',
    'conversation.chat.in_progress',
    ...Array<string>(deltas.length).fill('conversation.message.delta'),
    ...Array<string>(completed.length).fill('conversation.message.completed'),
    'conversation.chat.completed',
    'done',
  ]);
  assert.deepEqual(typesOf(completed), ['answer', 'verbose', ...Array<string>(completed.length - 2).fill('follow_up')]);
  assert.equal(parse<ChatView>(events[0]!).status, 'created');
  assert.equal(parse<ChatView>(events[1]!).status, 'in_progress');

  const answer = completed[0]!;
  assert.equal(deltas.map((d) => d.content).join(''), answer.content);
  assert.match(answer.content, /\n- /);
  assert.match(answer.content, /```ts\n[\s\S]*\n```/);
  for (const d of deltas) {
    assert.equal(d.id, answer.id);
    assert.equal(d.type, 'answer');
    for (const key of ['conversation_id', 'bot_id', 'chat_id', 'section_id', 'role', 'content_type', 'meta_data', 'created_at', 'updated_at']) assert.ok(key in d, key);
  }
  assert.equal(completed[1]!.content, FINISH);
  const chatDone = parse<ChatView>(events.at(-2)!);
  assert.equal(chatDone.status, 'completed');
  assert.ok(chatDone.usage.output_count > 0);
  assert.equal(events.at(-1)!.data, '"[DONE]"');

  assert.equal((await retrieve(h, chatDone)).json.data.status, 'completed');
  const stored = await h.call<MessageView>('GET', `/v1/conversation/message/retrieve?conversation_id=${answer.conversation_id}&message_id=${answer.id}`);
  assert.equal(stored.json.data.content, answer.content);
});

test('replies are deterministic and follow the question (Chinese questions get Chinese answers)', async () => {
  const texts: string[] = [];
  for (let i = 0; i < 2; i++) texts.push(answerOf(await harness().stream('/v3/chat', chatBody(SEEDED.assistantBotId, '用一句话介绍一下西湖', { stream: true }))).content);
  assert.equal(texts[0], texts[1]);
  assert.match(texts[0]!, /西湖/);
  assert.match(texts[0]!, /模拟器/);
});

test('reasoning bot: reasoning_content deltas first (empty content), then the answer; the completed message has both', async () => {
  const h = harness();
  const events = await h.stream('/v3/chat', chatBody(SEEDED.reasoningBotId, 'Why is the sky blue?', { stream: true }));
  const deltas = deltasOf(events);
  const firstAnswer = deltas.findIndex((d) => d.content !== '');
  assert.ok(firstAnswer > 0, 'reasoning comes first');
  assert.ok(deltas.slice(0, firstAnswer).every((d) => d.content === '' && d.reasoning_content !== ''));
  assert.ok(deltas.slice(firstAnswer).every((d) => d.content !== '' && d.reasoning_content === ''));
  const answer = answerOf(events);
  assert.equal(answer.reasoning_content, deltas.map((d) => d.reasoning_content).join(''));
  assert.equal(answer.content, deltas.map((d) => d.content).join(''));
  assert.ok(!typesOf(completedOf(events)).includes('follow_up'), 'this bot has no follow-ups');
});

test('tool bot, streaming: requires_action with get_weather, then submit_tool_outputs continues with the output', async () => {
  const h = harness();
  const first = await h.stream('/v3/chat', chatBody(SEEDED.toolBotId, "What's the weather in Shanghai today?", { stream: true }));
  assert.deepEqual(
    first.map((e) => e.event),
    ['conversation.chat.created', 'conversation.chat.in_progress', 'conversation.message.completed', 'conversation.chat.requires_action', 'done'],
  );
  assert.equal(parse<MessageView>(first[2]!).type, 'function_call');
  const paused = parse<ChatView>(first[3]!);
  assert.equal(paused.status, 'requires_action');
  assert.equal(paused.required_action?.type, 'submit_tool_outputs');
  const call = paused.required_action!.submit_tool_outputs.tool_calls[0]!;
  assert.equal(call.type, 'function');
  assert.equal(call.function.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.function.arguments), { location: 'Shanghai' });
  assert.equal((await retrieve(h, paused)).json.data.status, 'requires_action');

  const path = `/v3/chat/submit_tool_outputs?conversation_id=${paused.conversation_id}&chat_id=${paused.id}`;
  const wrong = await h.call('POST', path, { stream: true, tool_outputs: [{ tool_call_id: 'call_nope', output: '{}' }] });
  assert.equal(wrong.json.code, 4000);

  const output = JSON.stringify({ temperature: '18°C', condition: 'Sunny' });
  const resumed = await h.stream(path, { stream: true, tool_outputs: [{ tool_call_id: call.id, output }] });
  const names = resumed.map((e) => e.event);
  assert.deepEqual(names.slice(0, 3), ['conversation.chat.created', 'conversation.chat.in_progress', 'conversation.message.completed']);
  assert.equal(parse<MessageView>(resumed[2]!).type, 'tool_response');
  assert.equal(parse<MessageView>(resumed[2]!).content, output);
  assert.deepEqual(names.slice(-2), ['conversation.chat.completed', 'done']);
  const answer = answerOf(resumed);
  assert.equal(deltasOf(resumed).map((d) => d.content).join(''), answer.content);
  assert.match(answer.content, /Sunny/);
  assert.match(answer.content, /Shanghai/);
  assert.equal(parse<ChatView>(resumed.at(-2)!).id, paused.id, 'the same chat continues');
});

test('tool bot, non-streaming: status becomes requires_action, and completes after submitting the output', async () => {
  const h = harness();
  const chat = await startChat(h, chatBody(SEEDED.toolBotId, '北京明天天气怎么样？', { stream: false }));
  const paused = await pollUntil(h, chat, 'requires_action');
  const call = paused.required_action!.submit_tool_outputs.tool_calls[0]!;
  assert.deepEqual(JSON.parse(call.function.arguments), { location: '北京' });

  const path = `/v3/chat/submit_tool_outputs?conversation_id=${chat.conversation_id}&chat_id=${chat.id}`;
  const submitted = await h.call<ChatView>('POST', path, { tool_outputs: [{ tool_call_id: call.id, output: '小雨，12℃' }] });
  assert.equal(submitted.json.code, 0);
  assert.equal(submitted.json.data.status, 'in_progress');
  assert.equal(submitted.json.data.required_action, undefined);
  await pollUntil(h, chat, 'completed');
  const messages = await chatMessages(h, chat);
  assert.deepEqual(typesOf(messages), ['function_call', 'tool_response', 'answer', 'verbose']);
  assert.match(messages[2]!.content, /小雨，12℃/);

  // Once completed there is nothing left to submit.
  assert.equal((await h.call('POST', path, { tool_outputs: [{ tool_call_id: call.id, output: 'x' }] })).json.code, 4000);
});

test('submit_tool_outputs and retrieve: unknown chat 4001, unknown conversation 4002', async () => {
  const h = harness();
  const chat = await startChat(h, chatBody(SEEDED.toolBotId, 'weather?', { stream: false }));
  const body = { tool_outputs: [{ tool_call_id: 'x', output: 'y' }] };
  assert.equal((await h.call('POST', `/v3/chat/submit_tool_outputs?conversation_id=${chat.conversation_id}&chat_id=${NO_SUCH_ID}`, body)).json.code, 4001);
  assert.equal((await h.call('POST', `/v3/chat/submit_tool_outputs?conversation_id=${NO_SUCH_ID}&chat_id=${chat.id}`, body)).json.code, 4002);
  assert.equal((await retrieve(h, { conversation_id: chat.conversation_id, id: NO_SUCH_ID })).json.code, 4001);
  const other = await newConversation(h);
  assert.equal((await retrieve(h, { conversation_id: other.id, id: chat.id })).json.code, 4001, 'the chat belongs to another conversation');
});

test('cancel: an in-progress chat becomes canceled; completed and requires_action chats answer 4104', async () => {
  const h = harness();
  const chat = await startChat(h, chatBody(SEEDED.assistantBotId, 'long task', { stream: false }));
  const canceled = await h.call<ChatView>('POST', '/v3/chat/cancel', { conversation_id: chat.conversation_id, chat_id: chat.id });
  assert.equal(canceled.json.code, 0);
  assert.equal(canceled.json.data.status, 'canceled');
  h.tick(5000);
  assert.equal((await retrieve(h, chat)).json.data.status, 'canceled');
  assert.deepEqual(await chatMessages(h, chat), [], 'a canceled chat produces no reply');
  assert.equal((await h.call('POST', '/v3/chat/cancel', { conversation_id: chat.conversation_id, chat_id: chat.id })).json.code, 4104);

  const done = await startChat(h, chatBody(SEEDED.assistantBotId, 'quick', { stream: false }));
  await pollUntil(h, done, 'completed');
  assert.equal((await h.call('POST', '/v3/chat/cancel', { conversation_id: done.conversation_id, chat_id: done.id })).json.code, 4104);

  const tool = await startChat(h, chatBody(SEEDED.toolBotId, 'weather', { stream: false }));
  await pollUntil(h, tool, 'requires_action');
  assert.equal((await h.call('POST', '/v3/chat/cancel', { conversation_id: tool.conversation_id, chat_id: tool.id })).json.code, 4104);
});

test('a streaming chat whose client disconnects stops producing and frees its conversation', async () => {
  const h = harness();
  const question = chatBody(SEEDED.assistantBotId, 'Tell me a long story', { stream: true });
  const res = await h.emulator.fetch('http://emulator.test/v3/chat', {
    method: 'POST',
    headers: { authorization: 'Bearer pat_emulator', 'content-type': 'application/json' },
    body: JSON.stringify(question),
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  while ((seen.match(/conversation\.message\.delta/g) ?? []).length < 5) seen += decoder.decode((await reader.read()).value);
  await reader.cancel();
  await new Promise((r) => setTimeout(r, 20));

  const chatId = /"id":"(\d+)"/.exec(seen)![1]!;
  const chat = h.emulator.state.chats.get(chatId)!;
  assert.equal(chat.status, 'canceled');
  const partial = [...h.emulator.state.messages.values()].find((m) => m.chat_id === chatId && m.type === 'answer')!;
  const full = answerOf(await harness().stream('/v3/chat', question)).content;
  assert.ok(partial.content.length > 0 && partial.content.length < full.length / 2, 'only a partial answer was produced');
  assert.ok(full.startsWith(partial.content));
  await startChat(h, chatBody(SEEDED.assistantBotId, 'next', { stream: false }), chat.conversation_id);
});

/** A published chatflow the emulator knows, whatever the workflows area seeds. */
const CHATFLOW_ID = '7487645233284931622';
function withChatflow(h: Harness, entry: Json = {}): void {
  h.emulator.state.table('workflows').set(CHATFLOW_ID, { workflow_id: CHATFLOW_ID, workflow_name: 'weekend_planner', mode: 'chatflow', published: true, ...entry });
}

test('workflows chat: chat-style events without bot_id, section_id present, done carries the debug_url', async () => {
  const h = harness();
  withChatflow(h);
  const events = await h.stream('/v1/workflows/chat', { workflow_id: CHATFLOW_ID, additional_messages: ask('plan a weekend trip'), parameters: { city: 'Hangzhou' } });
  const deltas = deltasOf(events);
  assert.deepEqual(events.map((e) => e.event), [
    'conversation.chat.created',
    'conversation.chat.in_progress',
    ...Array<string>(deltas.length).fill('conversation.message.delta'),
    'conversation.message.completed',
    'conversation.message.completed',
    'conversation.chat.completed',
    'done',
  ]);
  for (const e of events.slice(0, -1)) {
    const data = parse<Json>(e);
    assert.ok(!('bot_id' in data), `${e.event} has no bot_id`);
    assert.ok(data['section_id'], `${e.event} has a section_id`);
  }
  const done = parse<{ debug_url: string }>(events.at(-1)!);
  assert.match(done.debug_url, /^https:\/\/www\.coze\.cn\/work_flow\?execute_id=\d+&/);
  assert.ok(done.debug_url.includes(`workflow_id=${CHATFLOW_ID}`), done.debug_url);
  const answer = answerOf(events);
  assert.equal(deltas.map((d) => d.content).join(''), answer.content);
  assert.match(answer.content, /`city`/);
  const history = await listMessages(h, answer.conversation_id, { order: 'asc' });
  assert.deepEqual(typesOf(history.data), ['question', 'answer'], 'the chatflow keeps its history in the conversation');
});

test('workflows chat validates the workflow id against known workflows', async () => {
  const h = harness();
  const bad = await h.call('POST', '/v1/workflows/chat', { workflow_id: 'abc', additional_messages: ask('hi'), parameters: {} });
  assert.equal(bad.json.code, 4000);
  withChatflow(h, { published: false });
  const unpublished = await h.call('POST', '/v1/workflows/chat', { workflow_id: CHATFLOW_ID, additional_messages: ask('hi'), parameters: {} });
  assert.equal(unpublished.json.code, 4200);
  withChatflow(h, { workflow_name: 'trip_planner' });
  const unknown = await h.call('POST', '/v1/workflows/chat', { workflow_id: NO_SUCH_ID, additional_messages: ask('hi'), parameters: {} });
  assert.equal(unknown.json.code, 4200);
  const known = await h.stream('/v1/workflows/chat', { workflow_id: CHATFLOW_ID, additional_messages: ask('hi'), parameters: {} });
  assert.match(answerOf(known).content, /trip_planner/);
  const lastNotUser = await h.call('POST', '/v1/workflows/chat', { workflow_id: CHATFLOW_ID, additional_messages: [{ role: 'assistant', content: 'x', content_type: 'text' }], parameters: {} });
  assert.equal(lastNotUser.json.code, 4000);
  const missingConversation = await h.call('POST', '/v1/workflows/chat', { workflow_id: CHATFLOW_ID, conversation_id: NO_SUCH_ID, additional_messages: ask('hi'), parameters: {} });
  assert.equal(missingConversation.json.code, 4002);
});

test('conversations: create with messages, retrieve, rename, delete', async () => {
  const h = harness();
  const c = await newConversation(h, {
    bot_id: SEEDED.assistantBotId,
    name: 'Trip ideas',
    meta_data: { uuid: 'abc' },
    messages: [{ role: 'user', content: 'hello', content_type: 'text' }, { role: 'assistant', content: 'hi there', content_type: 'text' }],
  });
  assert.deepEqual(Object.keys(c).sort(), ['connector_id', 'created_at', 'creator_id', 'id', 'last_section_id', 'meta_data', 'name', 'updated_at']);
  assert.equal(c.connector_id, '1024');
  assert.deepEqual(c.meta_data, { uuid: 'abc' });
  assert.deepEqual(typesOf((await listMessages(h, c.id, { order: 'asc' })).data), ['question', 'answer']);

  const got = await h.call<ConversationView>('GET', `/v1/conversation/retrieve?conversation_id=${c.id}`);
  assert.equal(got.json.data.name, 'Trip ideas');
  h.tick(60_000);
  const renamed = await h.call<ConversationView>('PUT', `/v1/conversations/${c.id}`, { name: 'Weekend in Hangzhou' });
  assert.equal(renamed.json.data.name, 'Weekend in Hangzhou');
  assert.ok(renamed.json.data.updated_at > c.updated_at);
  assert.equal((await h.call('PUT', `/v1/conversations/${NO_SUCH_ID}`, { name: 'x' })).json.code, 4002);

  const deleted = await h.call('DELETE', `/v1/conversations/${c.id}`);
  assert.deepEqual(Object.keys(deleted.json).sort(), ['code', 'detail', 'msg']);
  assert.equal((await h.call('GET', `/v1/conversation/retrieve?conversation_id=${c.id}`)).json.code, 4002);
  assert.equal((await h.call('POST', '/v1/conversation/create', { bot_id: NO_SUCH_ID })).json.code, 4006);
  assert.equal((await h.call('POST', '/v1/conversation/create', { name: 'x'.repeat(101) })).json.code, 4000);
});

test('conversations list: page_num/page_size with has_more, newest first by default, ASC on request', async () => {
  const h = harness();
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    h.tick(1000);
    ids.push((await newConversation(h, { bot_id: SEEDED.toolBotId, name: `c${i}` })).id);
  }
  await newConversation(h, { bot_id: SEEDED.assistantBotId, name: 'other bot' });
  type Page = { conversations: ConversationView[]; has_more: boolean };
  const page = async (n: number, extra = '') => (await h.call<Page>('GET', `/v1/conversations?bot_id=${SEEDED.toolBotId}&page_num=${n}&page_size=2${extra}`)).json.data;
  const idsOf = (p: Page) => p.conversations.map((c) => c.id);
  const [p1, p2, p3] = [await page(1), await page(2), await page(3)];
  assert.deepEqual([idsOf(p1), p1.has_more], [[ids[4], ids[3]], true]);
  assert.deepEqual([idsOf(p2), p2.has_more], [[ids[2], ids[1]], true]);
  assert.deepEqual([idsOf(p3), p3.has_more], [[ids[0]], false]);
  assert.deepEqual(idsOf(await page(1, '&sort_order=ASC')), [ids[0], ids[1]]);
  assert.equal((await h.call('GET', `/v1/conversations?bot_id=${SEEDED.toolBotId}&page_size=51`)).json.code, 4000);
});

test('clear: a new section id; later messages and chats use it, earlier messages stay listed', async () => {
  const h = harness();
  const c = await newConversation(h, { bot_id: SEEDED.assistantBotId });
  await addMessage(h, c.id, { role: 'user', content: 'before', content_type: 'text' });
  const cleared = (await h.call<{ id: string; conversation_id: string }>('POST', `/v1/conversations/${c.id}/clear`)).json.data;
  assert.equal(cleared.conversation_id, c.id);
  assert.notEqual(cleared.id, c.last_section_id);
  assert.equal((await h.call<ConversationView>('GET', `/v1/conversation/retrieve?conversation_id=${c.id}`)).json.data.last_section_id, cleared.id);
  const after = await addMessage(h, c.id, { role: 'user', content: 'after', content_type: 'text' });
  assert.equal(after.data.section_id, cleared.id);
  const answer = answerOf(await h.stream(`/v3/chat?conversation_id=${c.id}`, chatBody(SEEDED.assistantBotId, 'count my turns', { stream: true })));
  assert.equal(answer.section_id, cleared.id);
  assert.match(answer.content, /turn 2 in the current context section/, 'the message before clearing no longer counts');
  assert.equal((await listMessages(h, c.id)).data.length, 4);
});

test('message list: before_id/after_id cursor paging with top-level first_id, last_id, has_more', async () => {
  const h = harness();
  const c = await newConversation(h);
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) ids.push((await addMessage(h, c.id, { role: i % 2 ? 'assistant' : 'user', content: `m${i}`, content_type: 'text' })).data.id);
  const contents = (p: Envelope<MessageView[]>) => p.data.map((m) => m.content);
  const p1 = await listMessages(h, c.id, { limit: 3 });
  assert.deepEqual(contents(p1), ['m6', 'm5', 'm4']);
  assert.deepEqual([p1.first_id, p1.last_id, p1.has_more], [ids[6], ids[4], true]);
  const p2 = await listMessages(h, c.id, { limit: 3, after_id: p1.last_id });
  assert.deepEqual([contents(p2), p2.has_more], [['m3', 'm2', 'm1'], true]);
  const p3 = await listMessages(h, c.id, { limit: 3, after_id: p2.last_id });
  assert.deepEqual([contents(p3), p3.has_more], [['m0'], false]);
  const back = await listMessages(h, c.id, { limit: 3, before_id: p2.first_id });
  assert.deepEqual([contents(back), back.has_more], [['m6', 'm5', 'm4'], false]);
  const asc = await listMessages(h, c.id, { limit: 4, order: 'asc' });
  assert.deepEqual([contents(asc), asc.has_more], [['m0', 'm1', 'm2', 'm3'], true]);
  const ascNext = await listMessages(h, c.id, { limit: 4, order: 'asc', after_id: asc.last_id });
  assert.deepEqual([contents(ascNext), ascNext.has_more], [['m4', 'm5', 'm6'], false]);
  const empty = await listMessages(h, c.id, { after_id: ids[0] });
  assert.deepEqual([empty.data, empty.first_id, empty.last_id, empty.has_more], [[], '', '', false]);
  assert.equal((await listMessages(h, c.id, { limit: 51 })).code, 4000);
  assert.equal((await listMessages(h, NO_SUCH_ID)).code, 4002);
});

test('message list: intermediate messages only on request, and chat_id filters one chat', async () => {
  const h = harness();
  const chat = await startChat(h, chatBody(SEEDED.assistantBotId, 'first question', { stream: false }));
  h.tick(2000);
  assert.deepEqual(typesOf((await listMessages(h, chat.conversation_id)).data), ['answer', 'question']);
  const middle = await listMessages(h, chat.conversation_id, { include_middle_message: true, order: 'asc' });
  assert.deepEqual(typesOf(middle.data).slice(0, 3), ['question', 'answer', 'verbose']);
  await addMessage(h, chat.conversation_id, { role: 'user', content: 'loose note', content_type: 'text' });
  const one = await listMessages(h, chat.conversation_id, { chat_id: chat.id });
  assert.equal(one.data.length, 2);
  assert.ok(one.data.every((m) => m.chat_id === chat.id));
});

test('message create and retrieve: no bot or chat, empty type; object_string content is checked', async () => {
  const h = harness();
  const c = await newConversation(h);
  const m = (await addMessage(h, c.id, { role: 'user', content: 'Good morning', content_type: 'text', meta_data: { source: 'web' } })).data;
  assert.deepEqual([m.bot_id, m.chat_id, m.type, m.section_id], ['', '', '', c.last_section_id]);
  assert.deepEqual(m.meta_data, { source: 'web' });
  const got = await h.call<MessageView>('GET', `/v1/conversation/message/retrieve?conversation_id=${c.id}&message_id=${m.id}`);
  assert.deepEqual(got.json.data, m);
  assert.equal((await h.call('GET', `/v1/conversation/message/retrieve?conversation_id=${c.id}&message_id=${NO_SUCH_ID}`)).json.code, 4005);
  assert.equal((await addMessage(h, c.id, { role: 'user', content: '[{"type":"text","text":"alone"}]', content_type: 'object_string' })).code, 4000);
  const withImage = JSON.stringify([{ type: 'text', text: 'see this' }, { type: 'image', file_url: 'https://example.com/a.png' }]);
  assert.equal((await addMessage(h, c.id, { role: 'user', content: withImage, content_type: 'object_string' })).code, 0);
  assert.equal((await addMessage(h, NO_SUCH_ID, { role: 'user', content: 'x', content_type: 'text' })).code, 4002);
});

test('message modify answers in a top-level `message`; content needs content_type; content or meta_data required', async () => {
  const h = harness();
  const c = await newConversation(h);
  const m = (await addMessage(h, c.id, { role: 'user', content: 'old', content_type: 'text' })).data;
  const path = `/v1/conversation/message/modify?conversation_id=${c.id}&message_id=${m.id}`;
  h.tick(5000);
  const modified = (await h.call('POST', path, { content: 'new', content_type: 'text', meta_data: { edited: 'true' } })).json;
  assert.equal(modified.code, 0);
  assert.ok(!Object.hasOwn(modified, 'data'), 'no data beside the top-level message');
  assert.equal(modified.message?.content, 'new');
  assert.deepEqual(modified.message?.meta_data, { edited: 'true' });
  assert.ok((modified.message?.updated_at ?? 0) > m.updated_at);
  assert.equal((await h.call<MessageView>('GET', `/v1/conversation/message/retrieve?conversation_id=${c.id}&message_id=${m.id}`)).json.data.content, 'new');
  assert.equal((await h.call('POST', path, { content: 'x' })).json.code, 4000);
  assert.equal((await h.call('POST', path, {})).json.code, 4000);
});

test('message delete returns the deleted message, which then disappears from the lists', async () => {
  const h = harness();
  const completed = completedOf(await h.stream('/v3/chat', chatBody(SEEDED.assistantBotId, 'delete me later', { stream: true })));
  const [answer, verbose] = [completed[0]!, completed[1]!];
  const base = `conversation_id=${answer.conversation_id}`;
  assert.equal((await h.call('POST', `/v1/conversation/message/delete?${base}&message_id=${verbose.id}`)).json.code, 4000, 'intermediate messages cannot be deleted');
  const deleted = await h.call<MessageView>('POST', `/v1/conversation/message/delete?${base}&message_id=${answer.id}`);
  assert.deepEqual([deleted.json.data.id, deleted.json.data.content], [answer.id, answer.content]);
  assert.deepEqual(typesOf((await listMessages(h, answer.conversation_id)).data), ['question']);
  assert.ok(!(await chatMessages(h, { conversation_id: answer.conversation_id, id: answer.chat_id })).some((m) => m.id === answer.id));
  assert.equal((await h.call('POST', `/v1/conversation/message/delete?${base}&message_id=${answer.id}`)).json.code, 4005);
});

test('feedback: rate an answer (latest rating wins), remove it; only answers can be rated', async () => {
  const h = harness();
  const answer = answerOf(await h.stream('/v3/chat', chatBody(SEEDED.assistantBotId, 'rate me', { stream: true })));
  const path = `/v1/conversations/${answer.conversation_id}/messages/${answer.id}/feedback`;
  const liked = await h.call('POST', path, { feedback_type: 'like' });
  assert.deepEqual(Object.keys(liked.json).sort(), ['code', 'detail', 'msg']);
  assert.equal(h.emulator.state.messages.get(answer.id)!.feedback?.feedback_type, 'like');
  await h.call('POST', path, { feedback_type: 'unlike', reason_types: ['wrong facts'], comment: 'the version is 5.0' });
  assert.deepEqual(h.emulator.state.messages.get(answer.id)!.feedback, { feedback_type: 'unlike', reason_types: ['wrong facts'], comment: 'the version is 5.0' });
  assert.equal((await h.call('DELETE', path)).json.code, 0);
  assert.equal(h.emulator.state.messages.get(answer.id)!.feedback, undefined);

  const question = (await listMessages(h, answer.conversation_id)).data.find((m) => m.role === 'user')!;
  assert.equal((await h.call('POST', `/v1/conversations/${answer.conversation_id}/messages/${question.id}/feedback`, { feedback_type: 'like' })).json.code, 4000);
  assert.equal((await h.call('POST', `/v1/conversations/${answer.conversation_id}/messages/${NO_SUCH_ID}/feedback`, { feedback_type: 'like' })).json.code, 4005);
  assert.equal((await h.call('POST', `/v1/conversations/${NO_SUCH_ID}/messages/${answer.id}/feedback`, { feedback_type: 'like' })).json.code, 4002);
  assert.equal((await h.call('POST', path, { feedback_type: 'meh' })).json.code, 4000);
});

test('a chat with no new message answers the latest question already in the conversation', async () => {
  const h = harness();
  const c = await newConversation(h, { bot_id: SEEDED.assistantBotId });
  await addMessage(h, c.id, { role: 'user', content: 'What is a monad?', content_type: 'text' });
  const answer = answerOf(await h.stream(`/v3/chat?conversation_id=${c.id}`, { bot_id: SEEDED.assistantBotId, user_id: 'u', stream: true }));
  assert.match(answer.content, /What is a monad\?/);
});

test('auto_save_history=false streams a reply but keeps nothing in the conversation', async () => {
  const h = harness();
  const c = await newConversation(h, { bot_id: SEEDED.assistantBotId });
  const events = await h.stream(`/v3/chat?conversation_id=${c.id}`, chatBody(SEEDED.assistantBotId, 'off the record', { stream: true, auto_save_history: false }));
  const answer = answerOf(events);
  assert.match(answer.content, /off the record/);
  assert.deepEqual((await listMessages(h, c.id)).data, []);
  assert.equal((await retrieve(h, { conversation_id: c.id, id: answer.chat_id })).json.code, 4001);
});

test('cancel during a stream: the status switches to canceled, the stream still ends with done but no chat.completed', async () => {
  const h = harness();
  const res = await h.emulator.fetch('http://emulator.test/v3/chat', {
    method: 'POST',
    headers: { authorization: 'Bearer pat_emulator', 'content-type': 'application/json' },
    body: JSON.stringify(chatBody(SEEDED.assistantBotId, 'stream then cancel', { stream: true })),
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('conversation.message.delta')) text += decoder.decode((await reader.read()).value);
  const chat = parse<ChatView>(parseSse(text)[0]!);
  const canceled = await h.call<ChatView>('POST', '/v3/chat/cancel', { conversation_id: chat.conversation_id, chat_id: chat.id });
  assert.equal(canceled.json.data.status, 'canceled');
  for (let r = await reader.read(); !r.done; r = await reader.read()) text += decoder.decode(r.value);
  const names = parseSse(text).map((e) => e.event);
  assert.equal(names.at(-1), 'done');
  assert.ok(!names.includes('conversation.chat.completed'));
  assert.equal((await retrieve(h, chat)).json.data.status, 'canceled');
});

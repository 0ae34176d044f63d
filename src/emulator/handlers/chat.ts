/**
 * Conversations, messages, chat v3 and chatflow runs: the emulated heart of the playground.
 *
 * A chat is a small script played out against the shared state. Streaming chats play it as SSE
 * events (the stream drives progress); non-streaming chats play it lazily against the clock: every
 * call that looks at a chat first `advance`s it, so a poller sees `in_progress`, then the outcome
 * once `ready_at` has passed. Replies are built from the user's question only, so the same inputs
 * always give the same words, pieces and token counts.
 */
import type { EmulatorContext, HandlerMap } from '../context.js';
import type { SseRecord } from '../http.js';
import type { Bot, Chat, Conversation, EmulatorState, Message } from '../state.js';

type Json = Record<string, unknown>;

/** How long a non-streaming chat "thinks" before its outcome shows (emulated time). */
const POLL_DELAY_MS = 1500;
const SLOW_POLL_DELAY_MS = 5000;
/** A streaming chat whose stream went silent this long (a dropped connection) stops blocking its conversation. */
const STALE_STREAM_MS = 60_000;
const MAX_META_PAIRS = 16;
const MAX_NAME_LENGTH = 100;
const MAX_WORKFLOW_MESSAGES = 50;
const API_CONNECTOR = '1024';

const FINISH_VERBOSE = JSON.stringify({
  msg_type: 'generate_answer_finish',
  data: JSON.stringify({ finish_reason: 0, FinData: '' }),
  from_module: null,
  from_unit: null,
});

// ---------------------------------------------------------------------------------------------
// Bookkeeping beyond the shared `Chat` record

interface ToolCall {
  id: string;
  name: string;
  arguments: string;
  location: string;
}

/** What a chat needs to play its script; kept beside `state.chats` under the same id. */
interface ChatRun {
  /** `stream`: the event stream drives progress; `poll`: progress follows the clock (`ready_at`). */
  mode: 'stream' | 'poll';
  /** `workflow` for /v1/workflows/chat runs, whose payloads carry no bot_id. */
  kind: 'bot' | 'workflow';
  behaviour: Bot['behaviour'];
  botName: string;
  followUps: boolean;
  /** Files and images sent with the question (object_string content). */
  attachments: number;
  /** Position of the question in its context section, quoted in the reply. */
  turn: number;
  /** The client-side tool call the chat paused for (tool bot). */
  toolCall?: ToolCall;
  /** What the client sent back for it; set once, then the reply uses it. */
  toolOutput?: string;
  /** When the stream last produced an event (ms), to spot streams nobody reads any more. */
  lastActivity: number;
  workflowId?: string;
  workflowName?: string;
  executeId?: string;
  parameterNames?: string[];
}

function runs(state: EmulatorState): Map<string, ChatRun> {
  return state.table<ChatRun>('chat.runs');
}

// ---------------------------------------------------------------------------------------------
// Small readers

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Ids arrive as strings, sometimes as numbers; "" and "0" mean "none". */
function idParam(value: unknown): string | undefined {
  const s = text(value)?.trim();
  return s && s !== '0' ? s : undefined;
}

function isRunning(chat: Chat): boolean {
  return chat.status === 'created' || chat.status === 'in_progress';
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

function excerpt(s: string, max: number): string {
  const chars = Array.from(s.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

function byId(a: { id: string }, b: { id: string }): number {
  const x = BigInt(a.id);
  const y = BigInt(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Coze limits custom key/value pairs: at most 16, keys 1–64 characters, values 1–512 characters. */
function metaDataProblem(value: unknown, name = 'meta_data'): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) return `${name} must be an object of strings`;
  const entries = Object.entries(value);
  if (entries.length > MAX_META_PAIRS) return `${name} holds at most ${MAX_META_PAIRS} pairs (it has ${entries.length})`;
  for (const [k, v] of entries) {
    if (k.length < 1 || k.length > 64) return `${name} keys must be 1–64 characters`;
    if (typeof v !== 'string') return `${name}.${k} must be a string`;
    if (v.length < 1 || v.length > 512) return `${name}.${k} must be 1–512 characters`;
  }
  return undefined;
}

function metaData(value: unknown): Record<string, string> {
  return isRecord(value) ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
}

/** object_string content: a serialized array of items; at most one text item, and text needs a file or image beside it. */
function objectStringProblem(content: string): string | undefined {
  let items: unknown;
  try {
    items = JSON.parse(content);
  } catch {
    return 'object_string content must be a serialized JSON array';
  }
  if (!Array.isArray(items) || items.length === 0) return 'object_string content must be a non-empty JSON array';
  let texts = 0;
  for (const item of items) {
    if (!isRecord(item) || !['text', 'file', 'image', 'audio'].includes(String(item['type']))) return 'each object_string item needs a type of text, file, image or audio';
    if (item['type'] === 'text') texts++;
    else if (!text(item['file_id']) && !text(item['file_url'])) return `an object_string ${String(item['type'])} item needs file_id or file_url`;
  }
  if (texts > 1) return 'object_string content holds at most one text item';
  if (texts === 1 && items.length === 1) return 'an object_string text item needs at least one file or image beside it';
  return undefined;
}

/** The words of a message and how many files or images came with it. */
function readContent(content: string, contentType: string): { words: string; attachments: number } {
  if (contentType !== 'object_string') return { words: content, attachments: 0 };
  try {
    const items: unknown = JSON.parse(content);
    if (!Array.isArray(items)) return { words: content, attachments: 0 };
    const words = items.filter((i): i is Json => isRecord(i) && i['type'] === 'text').map((i) => text(i['text']) ?? '').join(' ');
    return { words, attachments: items.filter((i) => isRecord(i) && i['type'] !== 'text').length };
  } catch {
    return { words: content, attachments: 0 };
  }
}

interface EnterMessage {
  role: 'user' | 'assistant';
  type: string;
  content: string;
  content_type: string;
  meta_data: Record<string, string>;
}

/** `additional_messages` / `messages`: checked one by one, as the service names the bad item. */
function readEnterMessages(value: unknown, field: string): EnterMessage[] | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return `${field} must be an array`;
  const out: EnterMessage[] = [];
  for (const [i, item] of value.entries()) {
    const at = `${field}[${i}]`;
    if (!isRecord(item)) return `${at} must be an object`;
    const role = item['role'];
    if (role !== 'user' && role !== 'assistant') return `${at}.role must be "user" or "assistant"`;
    const content = text(item['content']) ?? '';
    const contentType = text(item['content_type']) ?? 'text';
    if (contentType !== 'text' && contentType !== 'object_string') return `${at}.content_type must be "text" or "object_string"`;
    if (contentType === 'object_string') {
      const problem = objectStringProblem(content);
      if (problem) return `${at}: ${problem}`;
    }
    const metaProblem = metaDataProblem(item['meta_data'], `${at}.meta_data`);
    if (metaProblem) return metaProblem;
    out.push({ role, type: text(item['type']) ?? (role === 'user' ? 'question' : 'answer'), content, content_type: contentType, meta_data: metaData(item['meta_data']) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Views: the objects as clients see them (internal fields left out)

function conversationView(c: Conversation): Json {
  return {
    id: c.id,
    name: c.name,
    meta_data: c.meta_data,
    creator_id: c.creator_id,
    connector_id: c.connector_id,
    created_at: c.created_at,
    updated_at: c.updated_at,
    last_section_id: c.last_section_id,
  };
}

function messageView(m: Message, withBot = true): Json {
  const view: Json = { id: m.id, conversation_id: m.conversation_id };
  if (withBot) view['bot_id'] = m.bot_id;
  Object.assign(view, {
    chat_id: m.chat_id,
    section_id: m.section_id,
    role: m.role,
    type: m.type,
    content: m.content,
    content_type: m.content_type,
    meta_data: m.meta_data,
    created_at: m.created_at,
    updated_at: m.updated_at,
  });
  if (m.reasoning_content !== undefined) view['reasoning_content'] = m.reasoning_content;
  return view;
}

const ZERO_USAGE = { token_count: 0, output_count: 0, input_count: 0 };

function chatView(chat: Chat, run: ChatRun | undefined): Json {
  const view: Json = { id: chat.id, conversation_id: chat.conversation_id };
  if (run?.kind !== 'workflow') view['bot_id'] = chat.bot_id;
  view['created_at'] = chat.created_at;
  if (chat.completed_at !== undefined) view['completed_at'] = chat.completed_at;
  if (chat.failed_at !== undefined) view['failed_at'] = chat.failed_at;
  Object.assign(view, { last_error: chat.last_error, meta_data: chat.meta_data, status: chat.status });
  if (chat.required_action !== undefined) view['required_action'] = chat.required_action;
  view['usage'] = chat.usage ?? ZERO_USAGE;
  view['section_id'] = chat.section_id;
  return view;
}

// ---------------------------------------------------------------------------------------------
// State helpers

function newConversation(state: EmulatorState, fields: { bot_id: string; name: string; connector_id?: string; meta_data?: Record<string, string> }): Conversation {
  const now = state.seconds();
  const conversation: Conversation = {
    id: state.nextId(),
    name: fields.name,
    bot_id: fields.bot_id,
    connector_id: fields.connector_id ?? API_CONNECTOR,
    creator_id: state.userId,
    meta_data: fields.meta_data ?? {},
    last_section_id: state.nextId(),
    created_at: now,
    updated_at: now,
  };
  state.conversations.set(conversation.id, conversation);
  return conversation;
}

interface MessageFields {
  role: Message['role'];
  type: string;
  content: string;
  content_type?: string;
  bot_id?: string;
  chat_id?: string;
  meta_data?: Record<string, string>;
  reasoning_content?: string;
}

/** A message in `conversation`'s current section; stored only when `save` (auto_save_history). */
function newMessage(state: EmulatorState, conversation: Conversation, fields: MessageFields, save = true): Message {
  const now = state.seconds();
  const message: Message = {
    id: state.nextId(),
    conversation_id: conversation.id,
    bot_id: fields.bot_id ?? '',
    chat_id: fields.chat_id ?? '',
    section_id: conversation.last_section_id,
    role: fields.role,
    type: fields.type,
    content: fields.content,
    content_type: fields.content_type ?? 'text',
    meta_data: fields.meta_data ?? {},
    created_at: now,
    updated_at: now,
    ...(fields.reasoning_content !== undefined ? { reasoning_content: fields.reasoning_content } : {}),
  };
  if (save) {
    state.messages.set(message.id, message);
    conversation.updated_at = now;
  }
  return message;
}

function messagesOf(state: EmulatorState, conversationId: string): Message[] {
  return [...state.messages.values()].filter((m) => m.conversation_id === conversationId);
}

/** The user's latest question in the conversation's current section (used when a chat sends no new message). */
function lastQuestion(state: EmulatorState, conversation: Conversation): Message | undefined {
  return messagesOf(state, conversation.id)
    .filter((m) => m.role === 'user' && m.section_id === conversation.last_section_id)
    .sort(byId)
    .at(-1);
}

function questionsInSection(state: EmulatorState, conversation: Conversation): number {
  return messagesOf(state, conversation.id).filter((m) => m.role === 'user' && m.section_id === conversation.last_section_id).length;
}

/** Moves a non-streaming chat on when its time has come; frees chats whose stream was abandoned. */
function advance(state: EmulatorState, chat: Chat): void {
  const run = runs(state).get(chat.id);
  if (!run || !isRunning(chat)) return;
  const now = state.clock.now();
  if (run.mode === 'stream') {
    if (now - run.lastActivity > STALE_STREAM_MS) failChat(state, chat, 5000, 'the chat stream was abandoned');
    return;
  }
  if (now < chat.ready_at) return;
  const conversation = state.conversations.get(chat.conversation_id);
  if (!conversation) return failChat(state, chat, 4002, 'the conversation was deleted');
  if (needsTool(run)) pauseForTool(state, conversation, chat, run);
  else replyAtOnce(state, conversation, chat, run);
}

/** The whole reply of a non-streaming chat, written at the moment it completes. */
function replyAtOnce(state: EmulatorState, conversation: Conversation, chat: Chat, run: ChatRun): void {
  const save = chat.auto_save_history;
  const reply = composeReply(chat, run);
  const answer = newMessage(state, conversation, answerFields(chat, run, reply.answer, reply.reasoning), save);
  newMessage(state, conversation, { role: 'assistant', type: 'verbose', content: FINISH_VERBOSE, bot_id: chat.bot_id, chat_id: chat.id }, save);
  for (const q of reply.followUps) newMessage(state, conversation, { role: 'assistant', type: 'follow_up', content: q, bot_id: chat.bot_id, chat_id: chat.id }, save);
  completeChat(state, chat, run, answer);
}

function failChat(state: EmulatorState, chat: Chat, code: number, msg: string): void {
  chat.status = 'failed';
  chat.failed_at = state.seconds();
  chat.last_error = { code, msg };
}

function completeChat(state: EmulatorState, chat: Chat, run: ChatRun, answer: Message): void {
  chat.status = 'completed';
  chat.completed_at = state.seconds();
  chat.usage = usageFor(chat, run, answer);
}

function needsTool(run: ChatRun): boolean {
  return run.behaviour === 'tool' && run.toolOutput === undefined;
}

/** The tool bot stops for `get_weather`; the function_call message records the call. */
function pauseForTool(state: EmulatorState, conversation: Conversation, chat: Chat, run: ChatRun): Message {
  const location = locationIn(chat.question);
  const call: ToolCall = { id: `call_${state.nextId()}`, name: 'get_weather', arguments: JSON.stringify({ location }), location };
  run.toolCall = call;
  const message = newMessage(
    state,
    conversation,
    { role: 'assistant', type: 'function_call', content: JSON.stringify({ name: call.name, arguments: { location } }), bot_id: chat.bot_id, chat_id: chat.id },
    chat.auto_save_history,
  );
  chat.status = 'requires_action';
  chat.required_action = {
    type: 'submit_tool_outputs',
    submit_tool_outputs: { tool_calls: [{ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }] },
  };
  return message;
}

function answerFields(chat: Chat, run: ChatRun, content: string, reasoning: string | undefined): MessageFields {
  return {
    role: 'assistant',
    type: 'answer',
    content,
    ...(run.kind === 'bot' ? { bot_id: chat.bot_id } : {}),
    chat_id: chat.id,
    ...(reasoning !== undefined ? { reasoning_content: reasoning } : {}),
  };
}

/** Rough token counts: the prompt and history on the way in, the reply (and reasoning) on the way out. */
function usageFor(chat: Chat, run: ChatRun, answer: Message): NonNullable<Chat['usage']> {
  const input = 120 + Math.ceil(Array.from(chat.question).length * 1.3) + 40 * (run.turn - 1) + (run.toolOutput ? Math.ceil(run.toolOutput.length / 2) : 0);
  const output = Math.ceil(Array.from(answer.content).length / 3) + Math.ceil(Array.from(answer.reasoning_content ?? '').length / 3);
  return { token_count: input + output, output_count: output, input_count: input };
}

/** A conversation can run one chat at a time. */
function busyChat(state: EmulatorState, conversationId: string): Chat | undefined {
  for (const chat of state.chats.values()) {
    if (chat.conversation_id !== conversationId) continue;
    advance(state, chat);
    if (isRunning(chat)) return chat;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What the bots say

interface Reply {
  answer: string;
  reasoning?: string;
  followUps: string[];
}

const CITIES: Array<[string, string]> = [
  ['北京', 'Beijing'],
  ['上海', 'Shanghai'],
  ['杭州', 'Hangzhou'],
  ['广州', 'Guangzhou'],
  ['深圳', 'Shenzhen'],
  ['成都', 'Chengdu'],
  ['南京', 'Nanjing'],
  ['武汉', 'Wuhan'],
  ['西安', "Xi'an"],
  ['重庆', 'Chongqing'],
  ['苏州', 'Suzhou'],
  ['天津', 'Tianjin'],
];

/** Where the user asks about: a known city, else "in <Place>", else Hangzhou. */
function locationIn(question: string): string {
  for (const [zh, en] of CITIES) {
    if (question.includes(zh)) return zh;
    if (question.toLowerCase().includes(en.toLowerCase())) return en;
  }
  const named = /\bin ([A-Z][\w'-]+(?: [A-Z][\w'-]+)?)/.exec(question);
  if (named) return named[1]!;
  return hasCjk(question) ? '杭州' : 'Hangzhou';
}

function longestWord(words: string): string {
  return (words.match(/[\p{L}\p{N}_'-]+/gu) ?? []).reduce((best, w) => (Array.from(w).length > Array.from(best).length ? w : best), '');
}

/** The most frequent CJK character, a stand-in for "keyword" in Chinese questions. */
function topChar(words: string): string {
  const counts = new Map<string, number>();
  for (const c of Array.from(words)) if (/[\u3400-\u9fff]/.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best = '';
  for (const [c, n] of counts) if (n > (counts.get(best) ?? 0)) best = c;
  return best;
}

function keywordOf(question: string): string {
  return hasCjk(question) ? excerpt(question, 8) || '这个问题' : longestWord(question) || 'this topic';
}

function composeReply(chat: Chat, run: ChatRun): Reply {
  const q = chat.question;
  const zh = hasCjk(q) || (q === '' && hasCjk(run.botName));
  const answer = run.kind === 'workflow' ? workflowAnswer(q, run, zh) : run.toolOutput !== undefined ? toolAnswer(run, zh) : assistantAnswer(q, run, zh);
  const reply: Reply = { answer, followUps: run.followUps ? followUpsFor(q, zh) : [] };
  if (run.behaviour === 'reasoning') reply.reasoning = reasoningFor(q, zh);
  return reply;
}

function assistantAnswer(q: string, run: ChatRun, zh: boolean): string {
  const chars = Array.from(q).length;
  // The snippet quotes at most 40 characters; its comment shows what JavaScript would print.
  const shown = excerpt(q, 40);
  const quoted = JSON.stringify(shown);
  const attachments = run.attachments > 0;
  if (zh) {
    return [
      `收到你的问题：「${excerpt(q, 24) || '（空）'}」。下面是 **${run.botName}** 的模拟回答：`,
      '',
      `- 你的消息共有 ${chars} 个字符。`,
      `- 出现最多的字是「${topChar(q) || '无'}」。`,
      `- 这是当前上下文中的第 ${run.turn} 轮对话。`,
      ...(attachments ? [`- 另外附带了 ${run.attachments} 个文件或图片。`] : []),
      '',
      '下面的代码会复述你的问题：',
      '',
      '```ts',
      `const question = ${quoted};`,
      `console.log(question.length); // ${shown.length}`,
      '```',
      '',
      '这条回复来自本地的扣子模拟器，没有调用真实的大模型。',
    ].join('\n');
  }
  const words = (q.match(/\S+/g) ?? []).length;
  return [
    `Thanks for your message! Here is what **${run.botName}** (emulated) noticed about it:`,
    '',
    `- You wrote ${chars} characters in ${words} words.`,
    `- The longest word is \`${longestWord(q) || '(none)'}\`.`,
    `- This is turn ${run.turn} in the current context section.`,
    ...(attachments ? [`- You also attached ${run.attachments} file(s) or image(s).`] : []),
    '',
    'A tiny snippet that echoes your question:',
    '',
    '```ts',
    `const question = ${quoted};`,
    `console.log(question.length); // ${shown.length}`,
    '```',
    '',
    'This reply comes from the local Coze emulator, so no model was called.',
  ].join('\n');
}

/** The tool output as readable facts: the pairs of a JSON object, or the text itself. */
function summarizeOutput(output: string): { summary: string; block: string; lang: string } {
  try {
    const parsed: unknown = JSON.parse(output);
    if (isRecord(parsed)) {
      const summary = Object.entries(parsed)
        .slice(0, 4)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ');
      return { summary, block: JSON.stringify(parsed, null, 2), lang: 'json' };
    }
  } catch {
    // Plain text output: quoted as it is.
  }
  return { summary: excerpt(output, 60), block: output, lang: 'text' };
}

function toolAnswer(run: ChatRun, zh: boolean): string {
  const output = run.toolOutput ?? '';
  const call = run.toolCall;
  const location = call?.location ?? '';
  const { summary, block, lang } = summarizeOutput(output);
  if (zh) {
    return [
      `根据 \`get_weather\` 工具返回的结果，**${location}** 的天气如下：`,
      '',
      `- 地点：${location}`,
      `- 工具调用：\`${call?.id ?? ''}\``,
      `- 结果：${summary || '（空）'}`,
      '',
      '```' + lang,
      block,
      '```',
      '',
      '想查其他城市的天气，随时告诉我。',
    ].join('\n');
  }
  return [
    `Here is the weather for **${location}**, based on what your \`get_weather\` tool returned:`,
    '',
    `- Location: ${location}`,
    `- Tool call: \`${call?.id ?? ''}\``,
    `- Reported: ${summary || '(empty)'}`,
    '',
    '```' + lang,
    block,
    '```',
    '',
    'Ask me about another city any time.',
  ].join('\n');
}

function workflowAnswer(q: string, run: ChatRun, zh: boolean): string {
  const params = run.parameterNames?.length ? run.parameterNames.map((p) => `\`${p}\``).join(', ') : zh ? '无' : 'none';
  const output = JSON.stringify({ output: excerpt(q, 40), turn: run.turn });
  if (zh) {
    return [
      `对话流 **${run.workflowName}** 已处理你的输入：「${excerpt(q, 24) || '（空）'}」。`,
      '',
      `- 工作流 ID：\`${run.workflowId}\``,
      `- 自定义参数：${params}`,
      `- 当前会话轮次：${run.turn}`,
      '',
      '```json',
      output,
      '```',
      '',
      '（模拟运行，没有执行任何节点。）',
    ].join('\n');
  }
  return [
    `Chatflow **${run.workflowName}** handled your input "${excerpt(q, 40)}".`,
    '',
    `- Workflow: \`${run.workflowId}\``,
    `- Parameters: ${params}`,
    `- Conversation turn: ${run.turn}`,
    '',
    '```json',
    output,
    '```',
    '',
    '(An emulated run: no nodes were executed.)',
  ].join('\n');
}

function reasoningFor(q: string, zh: boolean): string {
  const chars = Array.from(q).length;
  if (zh) return `用户问的是「${excerpt(q, 24)}」。我先复述问题，再列出几点观察，最后给一段示例代码。问题一共 ${chars} 个字符，出现最多的字是「${topChar(q) || '无'}」。好，开始作答。`;
  return `The user asked "${excerpt(q, 40)}". I should restate it, list a few observations and end with a code sample. It has ${chars} characters and the longest word is "${longestWord(q) || 'none'}". Now I will write the answer.`;
}

/** Two or three suggestions, picked by the question so the same question always gets the same ones. */
function followUpsFor(q: string, zh: boolean): string[] {
  const kw = keywordOf(q);
  const all = zh ? [`能再详细讲讲「${kw}」吗？`, `关于「${kw}」还有哪些要注意的？`, '能再举一个例子吗？'] : [`Can you explain "${kw}" in more detail?`, `What should I watch out for with "${kw}"?`, 'Can you show me another example?'];
  return all.slice(0, 2 + (hash(q) % 2));
}

/** Words (with their leading space) and single CJK characters: the units a model streams. */
const TOKEN = /\s*(?:[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]|[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+)|\s+/gu;

/** Splits text into streaming pieces along token edges: 40–80 of them for a typical answer, fewer for short text. */
function pieces(content: string, min = 40, max = 80, per = 6): string[] {
  const tokens = content.match(TOKEN) ?? [];
  if (tokens.length === 0) return [];
  const count = Math.min(tokens.length, Math.max(min, Math.min(max, Math.round(Array.from(content).length / per))));
  const size = tokens.length / count;
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(tokens.slice(Math.round(i * size), Math.round((i + 1) * size)).join(''));
  return out.filter((p) => p !== '');
}

/**
 * The `reply-tokens=N` fault (benchmarks): the answer repeated as numbered parts until it is exactly
 * `count` tokens long, one token per piece, as a model streams a very long reply.
 */
function longPieces(answer: string, count: number, zh: boolean): string[] {
  const base = answer.match(TOKEN) ?? [];
  const out: string[] = [];
  for (let part = 2; base.length && out.length < count; part++) {
    out.push(...base);
    out.push(...`\n\n### ${zh ? `第 ${part} 部分` : `Part ${part}`}\n\n`.match(TOKEN)!);
  }
  return out.slice(0, count);
}

// ---------------------------------------------------------------------------------------------
// The event stream of a chat (v3 chats, tool-output continuations and chatflow runs)

function record(event: string, data: Json | string): SseRecord {
  return { event, data: typeof data === 'string' ? data : JSON.stringify(data) };
}

interface StreamPlan {
  conversation: Conversation;
  chat: Chat;
  run: ChatRun;
  /** The tool_response message a continuation starts with. */
  resumedWith?: Message;
}

/** Marks the stream as alive (see `STALE_STREAM_MS`). */
function touch(state: EmulatorState, run: ChatRun): void {
  run.lastActivity = state.clock.now();
}

/**
 * Plays a chat as SSE: created → in_progress → (function_call → requires_action) | (deltas →
 * answer → verbose → follow-ups → chat.completed) → done. State changes as the events go out, so a
 * client that disconnects leaves a partial answer and a canceled chat.
 */
async function* chatEvents(ctx: EmulatorContext, plan: StreamPlan): AsyncGenerator<SseRecord> {
  const { state } = ctx;
  const { chat, run } = plan;
  try {
    touch(state, run);
    yield record('conversation.chat.created', chatView(chat, run));
    chat.status = 'in_progress';
    touch(state, run);
    yield record('conversation.chat.in_progress', chatView(chat, run));
    if (plan.resumedWith) yield record('conversation.message.completed', messageView(plan.resumedWith, run.kind === 'bot'));
    if (needsTool(run)) yield* pauseEvents(state, plan);
    else yield* replyEvents(ctx, plan);
  } finally {
    // The client went away before the end: the chat stops where it was.
    if (isRunning(chat)) {
      chat.status = 'canceled';
      chat.completed_at = state.seconds();
    }
  }
}

/** The tool bot's half of a chat: the call it wants made, then the pause. */
function* pauseEvents(state: EmulatorState, { conversation, chat, run }: StreamPlan): Generator<SseRecord> {
  const call = pauseForTool(state, conversation, chat, run);
  touch(state, run);
  yield record('conversation.message.completed', messageView(call, run.kind === 'bot'));
  yield record('conversation.chat.requires_action', chatView(chat, run));
  yield record('done', '"[DONE]"');
}

/** The reply, piece by piece, then the messages that close it and the chat's final state. */
async function* replyEvents(ctx: EmulatorContext, { conversation, chat, run }: StreamPlan): AsyncGenerator<SseRecord> {
  const { state, signal } = ctx;
  const withBot = run.kind === 'bot';
  const save = chat.auto_save_history;
  const reply = composeReply(chat, run);
  const thinking = reply.reasoning !== undefined;
  const answer = newMessage(state, conversation, answerFields(chat, run, '', thinking ? '' : undefined), save);
  const delta = (content: string, reasoning: string | undefined) => {
    const data = messageView(answer, withBot);
    data['content'] = content;
    if (reasoning !== undefined) data['reasoning_content'] = reasoning;
    return record('conversation.message.delta', data);
  };
  // A thinking bot streams its reasoning first, with empty content.
  for (const piece of pieces(reply.reasoning ?? '', 12, 30, 8)) {
    if (signal.aborted) return;
    answer.reasoning_content = (answer.reasoning_content ?? '') + piece;
    touch(state, run);
    yield delta('', piece);
  }
  const long = ctx.faults.replyTokens;
  for (const piece of long ? longPieces(reply.answer, long, hasCjk(reply.answer)) : pieces(reply.answer)) {
    if (signal.aborted) return;
    answer.content += piece;
    answer.updated_at = state.seconds();
    touch(state, run);
    yield delta(piece, thinking ? '' : undefined);
  }
  yield record('conversation.message.completed', messageView(answer, withBot));
  const closing = [
    newMessage(state, conversation, { role: 'assistant', type: 'verbose', content: FINISH_VERBOSE, ...(withBot ? { bot_id: chat.bot_id } : {}), chat_id: chat.id }, save),
    ...reply.followUps.map((q) => newMessage(state, conversation, { role: 'assistant', type: 'follow_up', content: q, bot_id: chat.bot_id, chat_id: chat.id }, save)),
  ];
  for (const message of closing) {
    touch(state, run);
    yield record('conversation.message.completed', messageView(message, withBot));
  }
  // A chat canceled mid-stream keeps its status; the reply still finishes, as on Coze.
  if (isRunning(chat)) {
    completeChat(state, chat, run, answer);
    yield record('conversation.chat.completed', chatView(chat, run));
  }
  yield record('done', run.kind === 'workflow' ? JSON.stringify({ debug_url: debugUrl(state, run) }) : '"[DONE]"');
}

function debugUrl(state: EmulatorState, run: ChatRun): string {
  return `https://www.coze.cn/work_flow?execute_id=${run.executeId ?? ''}&space_id=${state.workspaceId}&workflow_id=${run.workflowId ?? ''}&execute_mode=2`;
}

function streamChat(ctx: EmulatorContext, plan: StreamPlan): Response {
  const slow = plan.run.behaviour === 'slow';
  return ctx.stream(chatEvents(ctx, plan), slow ? { delayMs: ctx.streamDelayMs * 4 } : {});
}

// ---------------------------------------------------------------------------------------------
// Lookups that answer with the Coze error when they fail

type Found<T> = { ok: T } | { error: Response };

function findConversation(ctx: EmulatorContext, id: string | undefined): Found<Conversation> {
  const conversation = id ? ctx.state.conversations.get(id) : undefined;
  if (!conversation) return { error: ctx.fail(4002, `conversation not found: ${id ?? '(none)'}`) };
  return { ok: conversation };
}

/** A chat of the given conversation, moved on to where the clock says it is. */
function findChat(ctx: EmulatorContext, conversationId: string | undefined, chatId: string | undefined): Found<{ chat: Chat; conversation: Conversation }> {
  const conv = findConversation(ctx, conversationId);
  if ('error' in conv) return conv;
  const chat = chatId ? ctx.state.chats.get(chatId) : undefined;
  if (!chat || chat.conversation_id !== conv.ok.id) return { error: ctx.fail(4001, `chat not found in this conversation: ${chatId ?? '(none)'}`) };
  advance(ctx.state, chat);
  return { ok: { chat, conversation: conv.ok } };
}

function findMessage(ctx: EmulatorContext, conversation: Conversation, messageId: string | undefined): Found<Message> {
  const message = messageId ? ctx.state.messages.get(messageId) : undefined;
  if (!message || message.conversation_id !== conversation.id) return { error: ctx.fail(4005, `message not found in this conversation: ${messageId ?? '(none)'}`) };
  return { ok: message };
}

// ---------------------------------------------------------------------------------------------
// Chat v3

interface Question {
  words: string;
  attachments: number;
}

function questionOf(state: EmulatorState, conversation: Conversation, entered: EnterMessage[]): Question {
  const last = entered.filter((m) => m.role === 'user').at(-1);
  if (last) return readContent(last.content, last.content_type);
  const earlier = lastQuestion(state, conversation);
  return earlier ? readContent(earlier.content, earlier.content_type) : { words: '', attachments: 0 };
}

function newChat(state: EmulatorState, conversation: Conversation, fields: { bot_id: string; user_id: string; meta_data: Record<string, string>; autoSave: boolean; question: string; mode: ChatRun['mode']; delayMs: number }): Chat {
  const chat: Chat = {
    id: state.nextId(),
    conversation_id: conversation.id,
    bot_id: fields.bot_id,
    user_id: fields.user_id,
    status: fields.mode === 'poll' ? 'in_progress' : 'created',
    created_at: state.seconds(),
    meta_data: fields.meta_data,
    last_error: { code: 0, msg: '' },
    section_id: conversation.last_section_id,
    usage: { ...ZERO_USAGE },
    ready_at: state.clock.now() + fields.delayMs,
    auto_save_history: fields.autoSave,
    question: fields.question,
  };
  state.chats.set(chat.id, chat);
  return chat;
}

/** The request's messages, stored in the conversation as part of this chat. */
function saveEntered(state: EmulatorState, conversation: Conversation, chat: Chat, entered: EnterMessage[]): void {
  for (const m of entered) {
    newMessage(state, conversation, { role: m.role, type: m.type, content: m.content, content_type: m.content_type, meta_data: m.meta_data, bot_id: chat.bot_id, chat_id: chat.id });
  }
}

function createChat(ctx: EmulatorContext): Response {
  const { state, body } = ctx;
  const stream = body['stream'] === true;
  const autoSave = body['auto_save_history'] !== false;
  if (!stream && !autoSave) return ctx.fail(4007, 'auto_save_history must be true when stream is false');
  const botId = text(body['bot_id']) ?? '';
  const bot = state.bots.get(botId);
  if (!bot) return ctx.fail(4006, `bot not found or no permission: ${botId}`);
  const draft = body['publish_status'] === 'unpublished_draft';
  if (draft && body['bot_version'] !== undefined) return ctx.fail(4000, 'invalid parameter: bot_version cannot be combined with publish_status=unpublished_draft');
  if (bot.publish_status !== 'published' && !draft) return ctx.fail(4015, `the bot ${botId} is not published to the API channel`);
  const metaProblem = metaDataProblem(body['meta_data']);
  if (metaProblem) return ctx.fail(4003, metaProblem);
  const entered = readEnterMessages(body['additional_messages'], 'additional_messages');
  if (typeof entered === 'string') return ctx.fail(4000, `invalid parameter: ${entered}`);

  const conversationId = idParam(ctx.input('conversation_id'));
  let conversation: Conversation;
  if (conversationId) {
    const found = findConversation(ctx, conversationId);
    if ('error' in found) return found.error;
    conversation = found.ok;
    const busy = busyChat(state, conversation.id);
    if (busy) return ctx.fail(4016, `the conversation already has a chat in progress (${busy.id})`);
  } else {
    const first = entered.filter((m) => m.role === 'user').at(-1);
    conversation = newConversation(state, { bot_id: bot.bot_id, name: first ? excerpt(readContent(first.content, first.content_type).words, 30) : '' });
  }

  const question = questionOf(state, conversation, entered);
  const mode = stream ? 'stream' : 'poll';
  const chat = newChat(state, conversation, {
    bot_id: bot.bot_id,
    user_id: text(body['user_id']) ?? '',
    meta_data: metaData(body['meta_data']),
    autoSave,
    question: question.words,
    mode,
    delayMs: bot.behaviour === 'slow' ? SLOW_POLL_DELAY_MS : POLL_DELAY_MS,
  });
  if (autoSave) saveEntered(state, conversation, chat, entered);
  const asked = entered.some((m) => m.role === 'user') ? 1 : 0;
  const run: ChatRun = {
    mode,
    kind: 'bot',
    behaviour: bot.behaviour,
    botName: bot.name,
    followUps: bot.follow_ups,
    attachments: question.attachments,
    turn: Math.max(1, questionsInSection(state, conversation) + (autoSave ? 0 : asked)),
    lastActivity: state.clock.now(),
  };
  runs(state).set(chat.id, run);
  if (stream) return streamChat(ctx, { conversation, chat, run });
  return ctx.ok(chatView(chat, run));
}

/** Chats started without auto_save_history are not kept for retrieval. */
function findSavedChat(ctx: EmulatorContext, conversationId: string | undefined, chatId: string | undefined): Found<{ chat: Chat; conversation: Conversation }> {
  const found = findChat(ctx, conversationId, chatId);
  if ('ok' in found && !found.ok.chat.auto_save_history) return { error: ctx.fail(4001, `chat not found: ${chatId ?? ''} was started with auto_save_history=false`) };
  return found;
}

function retrieveChat(ctx: EmulatorContext): Response {
  const conversationId = idParam(ctx.input('conversation_id'));
  const chatId = idParam(ctx.input('chat_id'));
  if (!conversationId || !chatId) return ctx.fail(4000, `invalid parameter: ${conversationId ? 'chat_id' : 'conversation_id'} is required`);
  const found = findSavedChat(ctx, conversationId, chatId);
  if ('error' in found) return found.error;
  return ctx.ok(chatView(found.ok.chat, runs(ctx.state).get(found.ok.chat.id)));
}

function listChatMessages(ctx: EmulatorContext): Response {
  const found = findSavedChat(ctx, idParam(ctx.query.get('conversation_id')), idParam(ctx.query.get('chat_id')));
  if ('error' in found) return found.error;
  const { chat } = found.ok;
  const run = runs(ctx.state).get(chat.id);
  // The user's own messages are left out: this lists what the bot produced.
  const produced = messagesOf(ctx.state, chat.conversation_id)
    .filter((m) => m.chat_id === chat.id && m.role === 'assistant')
    .sort(byId);
  return ctx.ok(produced.map((m) => messageView(m, run?.kind !== 'workflow')));
}

interface ToolOutput {
  tool_call_id: string;
  output: string;
}

function readToolOutputs(value: unknown): ToolOutput[] | string {
  if (!Array.isArray(value) || value.length === 0) return 'tool_outputs must be a non-empty array';
  const out: ToolOutput[] = [];
  for (const [i, item] of value.entries()) {
    if (!isRecord(item)) return `tool_outputs[${i}] must be an object`;
    const id = text(item['tool_call_id']);
    const output = item['output'];
    if (!id) return `tool_outputs[${i}].tool_call_id is required`;
    if (typeof output !== 'string') return `tool_outputs[${i}].output must be a string`;
    out.push({ tool_call_id: id, output });
  }
  return out;
}

function submitToolOutputs(ctx: EmulatorContext): Response {
  const { state } = ctx;
  const found = findChat(ctx, idParam(ctx.query.get('conversation_id')), idParam(ctx.query.get('chat_id')));
  if ('error' in found) return found.error;
  const { chat, conversation } = found.ok;
  const run = runs(state).get(chat.id);
  if (!chat.auto_save_history) return ctx.fail(5000, 'internal error: the chat was started with auto_save_history=false, so tool outputs cannot be submitted');
  if (!run || chat.status !== 'requires_action' || !run.toolCall) return ctx.fail(4000, `invalid parameter: the chat is ${chat.status}, not waiting for tool outputs`);
  const outputs = readToolOutputs(ctx.body['tool_outputs']);
  if (typeof outputs === 'string') return ctx.fail(4000, `invalid parameter: ${outputs}`);
  const pending = run.toolCall;
  const unknown = outputs.find((o) => o.tool_call_id !== pending.id);
  if (unknown) return ctx.fail(4000, `invalid parameter: tool_call_id ${unknown.tool_call_id} is not a pending tool call of this chat`);
  const output = outputs[0]!.output;

  run.toolOutput = output;
  const response = newMessage(state, conversation, { role: 'assistant', type: 'tool_response', content: output, bot_id: chat.bot_id, chat_id: chat.id });
  delete chat.required_action;
  const stream = ctx.body['stream'] === true;
  run.mode = stream ? 'stream' : 'poll';
  run.lastActivity = state.clock.now();
  chat.status = stream ? 'created' : 'in_progress';
  chat.ready_at = state.clock.now() + (run.behaviour === 'slow' ? SLOW_POLL_DELAY_MS : POLL_DELAY_MS);
  if (stream) return streamChat(ctx, { conversation, chat, run, resumedWith: response });
  return ctx.ok(chatView(chat, run));
}

function cancelChat(ctx: EmulatorContext): Response {
  const found = findChat(ctx, idParam(ctx.body['conversation_id']), idParam(ctx.body['chat_id']));
  if ('error' in found) return found.error;
  const { chat } = found.ok;
  if (!isRunning(chat)) return ctx.fail(4104, `the chat cannot be canceled: its status is ${chat.status}`);
  chat.status = 'canceled';
  chat.completed_at = ctx.state.seconds();
  return ctx.ok(chatView(chat, runs(ctx.state).get(chat.id)));
}

// ---------------------------------------------------------------------------------------------
// Chatflows (POST /v1/workflows/chat)

/**
 * The chatflow's display name. The workflows area keeps its workflows in the `workflows` table: once
 * it holds any, only a published entry runs (else 4200, as on Coze); with none, any numeric id runs.
 */
function workflowName(state: EmulatorState, workflowId: string): string | null {
  const table = state.table<unknown>('workflows');
  if (table.size === 0) return `Chatflow ${workflowId}`;
  const entry = table.get(workflowId);
  if (!isRecord(entry) || entry['published'] === false) return null;
  return text(entry['workflow_name']) ?? text(entry['name']) ?? `Chatflow ${workflowId}`;
}

function workflowChat(ctx: EmulatorContext): Response {
  const { state, body } = ctx;
  const workflowId = text(body['workflow_id'])?.trim() ?? '';
  if (!/^\d+$/.test(workflowId)) return ctx.fail(4000, 'invalid parameter: workflow_id must be a numeric id');
  const name = workflowName(state, workflowId);
  if (name === null) return ctx.fail(4200, `workflow not found or not published: ${workflowId}`);
  const botId = text(body['bot_id']);
  if (botId && text(body['app_id'])) return ctx.fail(4000, 'invalid parameter: send app_id or bot_id, not both');
  if (botId && !state.bots.has(botId)) return ctx.fail(4006, `bot not found or no permission: ${botId}`);
  const entered = readEnterMessages(body['additional_messages'], 'additional_messages');
  if (typeof entered === 'string') return ctx.fail(4000, `invalid parameter: ${entered}`);
  if (entered.length > MAX_WORKFLOW_MESSAGES) return ctx.fail(4000, `invalid parameter: additional_messages holds at most ${MAX_WORKFLOW_MESSAGES} items`);
  const last = entered.at(-1);
  if (!last || last.role !== 'user') return ctx.fail(4000, 'invalid parameter: the last additional message must be the user question (role=user)');

  const conversationId = idParam(body['conversation_id']);
  let conversation: Conversation;
  if (conversationId) {
    const found = findConversation(ctx, conversationId);
    if ('error' in found) return found.error;
    conversation = found.ok;
    const busy = busyChat(state, conversation.id);
    if (busy) return ctx.fail(4016, `the conversation already has a chat in progress (${busy.id})`);
  } else {
    conversation = newConversation(state, { bot_id: botId ?? '', name: excerpt(readContent(last.content, last.content_type).words, 30) });
  }
  const question = readContent(last.content, last.content_type);
  const chat = newChat(state, conversation, { bot_id: botId ?? '', user_id: '', meta_data: {}, autoSave: true, question: question.words, mode: 'stream', delayMs: 0 });
  saveEntered(state, conversation, chat, entered);
  const run: ChatRun = {
    mode: 'stream',
    kind: 'workflow',
    behaviour: 'assistant',
    botName: name,
    followUps: false,
    attachments: question.attachments,
    turn: Math.max(1, questionsInSection(state, conversation)),
    lastActivity: state.clock.now(),
    workflowId,
    workflowName: name,
    executeId: state.nextId(),
    parameterNames: isRecord(body['parameters']) ? Object.keys(body['parameters']) : [],
  };
  runs(state).set(chat.id, run);
  return streamChat(ctx, { conversation, chat, run });
}

// ---------------------------------------------------------------------------------------------
// Conversations

function createConversation(ctx: EmulatorContext): Response {
  const { state, body } = ctx;
  const botId = text(body['bot_id']);
  if (botId && !state.bots.has(botId)) return ctx.fail(4006, `bot not found or no permission: ${botId}`);
  const name = text(body['name']) ?? '';
  if (Array.from(name).length > MAX_NAME_LENGTH) return ctx.fail(4000, `invalid parameter: name must be at most ${MAX_NAME_LENGTH} characters`);
  const metaProblem = metaDataProblem(body['meta_data']);
  if (metaProblem) return ctx.fail(4003, metaProblem);
  const entered = readEnterMessages(body['messages'], 'messages');
  if (typeof entered === 'string') return ctx.fail(4000, `invalid parameter: ${entered}`);
  const conversation = newConversation(state, { bot_id: botId ?? '', name, connector_id: text(body['connector_id']) ?? API_CONNECTOR, meta_data: metaData(body['meta_data']) });
  for (const m of entered) newMessage(state, conversation, { role: m.role, type: m.type, content: m.content, content_type: m.content_type, meta_data: m.meta_data });
  return ctx.ok(conversationView(conversation));
}

function retrieveConversation(ctx: EmulatorContext): Response {
  const found = findConversation(ctx, idParam(ctx.query.get('conversation_id')));
  if ('error' in found) return found.error;
  return ctx.ok(conversationView(found.ok));
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : fallback;
}

function listConversations(ctx: EmulatorContext): Response {
  const { state, query } = ctx;
  const botId = query.get('bot_id') ?? '';
  if (!state.bots.has(botId)) return ctx.fail(4006, `bot not found or no permission: ${botId}`);
  const connector = query.get('connector_id') || API_CONNECTOR;
  const pageNum = positiveInt(query.get('page_num'), 1);
  const pageSize = Math.min(50, positiveInt(query.get('page_size'), 50));
  const ascending = (query.get('sort_order') ?? 'DESC').toUpperCase() === 'ASC';
  const all = [...state.conversations.values()]
    .filter((c) => c.bot_id === botId && c.connector_id === connector && c.creator_id === state.userId)
    .sort((a, b) => a.created_at - b.created_at || byId(a, b));
  if (!ascending) all.reverse();
  const start = (pageNum - 1) * pageSize;
  const page = all.slice(start, start + pageSize);
  return ctx.ok({ conversations: page.map(conversationView), has_more: start + pageSize < all.length });
}

function updateConversation(ctx: EmulatorContext): Response {
  const found = findConversation(ctx, ctx.params['conversation_id']);
  if ('error' in found) return found.error;
  const name = text(ctx.body['name']) ?? '';
  if (Array.from(name).length > MAX_NAME_LENGTH) return ctx.fail(4000, `invalid parameter: name must be at most ${MAX_NAME_LENGTH} characters`);
  found.ok.name = name;
  found.ok.updated_at = ctx.state.seconds();
  return ctx.ok(conversationView(found.ok));
}

function deleteConversation(ctx: EmulatorContext): Response {
  const { state } = ctx;
  const found = findConversation(ctx, ctx.params['conversation_id']);
  if ('error' in found) return found.error;
  const id = found.ok.id;
  state.conversations.delete(id);
  for (const m of messagesOf(state, id)) state.messages.delete(m.id);
  for (const chat of [...state.chats.values()]) {
    if (chat.conversation_id !== id) continue;
    state.chats.delete(chat.id);
    runs(state).delete(chat.id);
  }
  return ctx.ok(undefined);
}

/** A new context section: later chats no longer see earlier messages, which stay listed. */
function clearConversation(ctx: EmulatorContext): Response {
  const found = findConversation(ctx, ctx.params['conversation_id']);
  if ('error' in found) return found.error;
  found.ok.last_section_id = ctx.state.nextId();
  found.ok.updated_at = ctx.state.seconds();
  return ctx.ok({ id: found.ok.last_section_id, conversation_id: found.ok.id });
}

// ---------------------------------------------------------------------------------------------
// Messages

function contentProblem(content: string | undefined, contentType: string | undefined): string | undefined {
  if (contentType !== 'text' && contentType !== 'object_string') return 'content_type must be "text" or "object_string"';
  if (contentType === 'object_string') return objectStringProblem(content ?? '');
  return undefined;
}

function createMessage(ctx: EmulatorContext): Response {
  const { body } = ctx;
  const found = findConversation(ctx, idParam(ctx.query.get('conversation_id')));
  if ('error' in found) return found.error;
  const role = body['role'];
  if (role !== 'user' && role !== 'assistant') return ctx.fail(4000, 'invalid parameter: role must be "user" or "assistant"');
  const content = text(body['content']) ?? '';
  const contentType = text(body['content_type']);
  const problem = contentProblem(content, contentType);
  if (problem) return ctx.fail(4000, `invalid parameter: ${problem}`);
  const metaProblem = metaDataProblem(body['meta_data']);
  if (metaProblem) return ctx.fail(4003, metaProblem);
  // Messages written here belong to no chat or bot, and carry no type.
  const message = newMessage(ctx.state, found.ok, { role, type: '', content, content_type: contentType ?? 'text', meta_data: metaData(body['meta_data']) });
  return ctx.ok(messageView(message));
}

/** Types the conversation list shows unless intermediate messages are asked for. */
const LISTED_TYPES = new Set(['question', 'answer', '']);

function anchor(value: unknown): bigint | undefined | null {
  const id = idParam(value);
  if (id === undefined) return undefined;
  return /^\d+$/.test(id) ? BigInt(id) : null;
}

/**
 * Cursor paging in listing order: `after_id` continues past a message (pass the previous last_id),
 * `before_id` goes back before one (pass the previous first_id).
 */
function listMessages(ctx: EmulatorContext): Response {
  const { state, body } = ctx;
  const found = findConversation(ctx, idParam(ctx.query.get('conversation_id')));
  if ('error' in found) return found.error;
  const desc = (text(body['order']) ?? 'desc').toLowerCase() !== 'asc';
  const limit = Math.min(50, Math.max(1, Number(body['limit'] ?? 50) || 50));
  const after = anchor(body['after_id']);
  const before = anchor(body['before_id']);
  if (after === null || before === null) return ctx.fail(4000, 'invalid parameter: before_id and after_id must be message ids');
  const chatId = idParam(body['chat_id']);
  const middle = body['include_middle_message'] === true;
  for (const chat of state.chats.values()) if (chat.conversation_id === found.ok.id) advance(state, chat);

  const listed = messagesOf(state, found.ok.id)
    .filter((m) => (middle || LISTED_TYPES.has(m.type)) && (!chatId || m.chat_id === chatId))
    .sort(byId);
  if (desc) listed.reverse();
  // "Comes later in the listing": an older message when newest-first, a newer one when oldest-first.
  const later = (m: Message, than: bigint) => (desc ? BigInt(m.id) < than : BigInt(m.id) > than);
  let page: Message[];
  let hasMore: boolean;
  if (after !== undefined) {
    const rest = listed.filter((m) => later(m, after));
    page = rest.slice(0, limit);
    hasMore = rest.length > limit;
  } else if (before !== undefined) {
    const earlier = listed.filter((m) => BigInt(m.id) !== before && !later(m, before));
    page = earlier.slice(-limit);
    hasMore = earlier.length > limit;
  } else {
    page = listed.slice(0, limit);
    hasMore = listed.length > limit;
  }
  return ctx.ok(page.map((m) => messageView(m)), { first_id: page[0]?.id ?? '', last_id: page.at(-1)?.id ?? '', has_more: hasMore });
}

function retrieveMessage(ctx: EmulatorContext): Response {
  const conv = findConversation(ctx, idParam(ctx.query.get('conversation_id')));
  if ('error' in conv) return conv.error;
  const found = findMessage(ctx, conv.ok, idParam(ctx.query.get('message_id')));
  if ('error' in found) return found.error;
  return ctx.ok(messageView(found.ok));
}

/** Answers with the edited message in a top-level `message`, not in `data`. */
function modifyMessage(ctx: EmulatorContext): Response {
  const { body } = ctx;
  const conv = findConversation(ctx, idParam(ctx.query.get('conversation_id')));
  if ('error' in conv) return conv.error;
  const found = findMessage(ctx, conv.ok, idParam(ctx.query.get('message_id')));
  if ('error' in found) return found.error;
  const content = text(body['content']);
  const hasMeta = isRecord(body['meta_data']) && Object.keys(body['meta_data']).length > 0;
  if (!content && !hasMeta) return ctx.fail(4000, 'invalid parameter: content and meta_data cannot both be empty');
  if (content) {
    const contentType = text(body['content_type']);
    if (!contentType) return ctx.fail(4000, 'invalid parameter: content_type is required with content');
    const problem = contentProblem(content, contentType);
    if (problem) return ctx.fail(4000, `invalid parameter: ${problem}`);
    found.ok.content = content;
    found.ok.content_type = contentType;
  }
  if (hasMeta) {
    const metaProblem = metaDataProblem(body['meta_data']);
    if (metaProblem) return ctx.fail(4003, metaProblem);
    found.ok.meta_data = metaData(body['meta_data']);
  }
  found.ok.updated_at = ctx.state.seconds();
  return ctx.ok(undefined, { message: messageView(found.ok) });
}

function deleteMessage(ctx: EmulatorContext): Response {
  const conv = findConversation(ctx, idParam(ctx.query.get('conversation_id')));
  if ('error' in conv) return conv.error;
  const found = findMessage(ctx, conv.ok, idParam(ctx.query.get('message_id')));
  if ('error' in found) return found.error;
  if (!LISTED_TYPES.has(found.ok.type)) return ctx.fail(4000, `invalid parameter: only question and answer messages can be deleted (this one is ${found.ok.type})`);
  ctx.state.messages.delete(found.ok.id);
  return ctx.ok(messageView(found.ok));
}

function feedbackTarget(ctx: EmulatorContext): Found<Message> {
  const conv = findConversation(ctx, ctx.params['conversation_id']);
  if ('error' in conv) return conv;
  return findMessage(ctx, conv.ok, ctx.params['message_id']);
}

function createFeedback(ctx: EmulatorContext): Response {
  const found = feedbackTarget(ctx);
  if ('error' in found) return found.error;
  const message = found.ok;
  if (message.type !== 'answer' || message.role !== 'assistant') return ctx.fail(4000, 'invalid parameter: only answer messages from a chat can be rated');
  const feedbackType = text(ctx.body['feedback_type']) ?? '';
  const reasons = ctx.body['reason_types'];
  if (reasons !== undefined && (!Array.isArray(reasons) || reasons.some((r) => typeof r !== 'string' || Array.from(r).length > 30))) {
    return ctx.fail(4000, 'invalid parameter: reason_types must be tags of at most 30 characters');
  }
  const comment = text(ctx.body['comment']);
  // Rating again replaces the previous rating.
  message.feedback = {
    feedback_type: feedbackType,
    ...(Array.isArray(reasons) ? { reason_types: reasons.map(String) } : {}),
    ...(comment !== undefined ? { comment } : {}),
  };
  return ctx.ok(undefined);
}

function deleteFeedback(ctx: EmulatorContext): Response {
  const found = feedbackTarget(ctx);
  if ('error' in found) return found.error;
  delete found.ok.feedback;
  return ctx.ok(undefined);
}

export const handlers: HandlerMap = {
  'chat.create': createChat,
  'chat.retrieve': retrieveChat,
  // coze-js and coze-py send retrieve as POST; served once the router knows that route.
  'POST /v3/chat/retrieve': retrieveChat,
  'chat.messages.list': listChatMessages,
  'chat.submitToolOutputs': submitToolOutputs,
  'chat.cancel': cancelChat,
  'workflows.chat.stream': workflowChat,
  'conversations.create': createConversation,
  'conversations.retrieve': retrieveConversation,
  'conversations.list': listConversations,
  'conversations.update': updateConversation,
  'conversations.delete': deleteConversation,
  'conversations.clear': clearConversation,
  'conversations.messages.create': createMessage,
  'conversations.messages.list': listMessages,
  'conversations.messages.retrieve': retrieveMessage,
  'conversations.messages.update': modifyMessage,
  'conversations.messages.delete': deleteMessage,
  'conversations.messages.feedback.create': createFeedback,
  'conversations.messages.feedback.delete': deleteFeedback,
};

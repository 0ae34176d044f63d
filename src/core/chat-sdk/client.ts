/**
 * What a Chat SDK window does, without the window: conversations and their messages, sending a
 * question (uploading its files first), streaming the reply, stopping it, answering tool calls,
 * clearing context, rating answers, and a log of every request and stream event for developers.
 *
 * Framework-free. State is replaced, never mutated, so a view can compare by identity; listeners
 * hear `change` (often: a view should coalesce, e.g. once per animation frame), `reply` when an
 * answer is complete and `failure` when something went wrong.
 */
import type { DraftRequest, Run, RunHandle, StreamEvent, Transport, TransportError } from '../transport/types.js';
import { ReplyAssembler, type Reply, type ToolCall } from './assemble.js';
import type { ResolvedOptions } from './options.js';
import * as api from './requests.js';

export interface Attachment {
  id: string;
  name: string;
  size: number;
  type: string;
  state: 'uploading' | 'ready' | 'failed';
  fileId?: string;
  /** An object URL for image previews (revoked when the client is disposed). */
  preview?: string;
}

export interface UserItem {
  kind: 'user';
  id: string;
  text: string;
  attachments: Attachment[];
}

export interface ReplyItem {
  kind: 'reply';
  id: string;
  state: 'waiting' | 'streaming' | 'done' | 'stopped' | 'failed';
  content: string;
  reasoning: string;
  followUps: string[];
  functionCalls: Reply['functionCalls'];
  chatId?: string;
  messageId?: string;
  feedback?: 'like' | 'unlike';
}

export interface ToolItem {
  kind: 'tool';
  id: string;
  chatId: string;
  calls: ToolCall[];
  state: 'pending' | 'sending' | 'sent';
  outputs?: Record<string, string>;
}

export type RetryAction = { type: 'send'; userItemId: string } | { type: 'tool'; toolItemId: string } | { type: 'clear' };

export interface ErrorItem {
  kind: 'error';
  id: string;
  error: TransportError;
  retry?: RetryAction;
}

export interface DividerItem {
  kind: 'divider';
  id: string;
}

export type ChatItem = UserItem | ReplyItem | ToolItem | ErrorItem | DividerItem;

export interface Conversation {
  localId: string;
  /** The server's id, once created. */
  id?: string;
  title: string;
  items: readonly ChatItem[];
  createdAt: number;
}

/** One line of the developer timeline: a request going out, an answer, or a stream event. */
export interface TimelineEntry {
  index: number;
  /** Milliseconds since the client started. */
  at: number;
  kind: 'request' | 'response' | 'event';
  label: string;
  detail: string;
}

export interface ChatState {
  conversations: readonly Conversation[];
  currentId: string;
  /** A chat is being prepared, streamed or stopped: sending waits. */
  busy: boolean;
  /** Whether the current chat can be stopped. */
  streaming: boolean;
}

export interface ChatClientInit {
  options: ResolvedOptions;
  /** The transport, or a function that gives the current one (asked for every request). */
  transport: Transport | (() => Transport);
  /** Asked for a new token after a 4100/4101 when the options turn token refresh on. */
  refreshToken?: () => string | undefined | Promise<string | undefined>;
  /** Keep at most this many timeline entries (oldest dropped). */
  timelineLimit?: number;
}

const AUTH_CODES = new Set([4100, 4101, 700012006]);
const CANCEL_WAIT_MS = 5000;

let counter = 0;
const localId = (prefix: string) => `${prefix}-${++counter}`;

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** One line about a stream event: the piece of text a delta adds, or the gist of a message or chat. */
function summarize(event: StreamEvent): string {
  const data = event.json() as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object') return excerpt(event.data, 80);
  if (event.event === 'conversation.message.delta') {
    const piece = typeof data['content'] === 'string' && data['content'] ? data['content'] : typeof data['reasoning_content'] === 'string' ? `(reasoning) ${data['reasoning_content']}` : '';
    return JSON.stringify(piece.length > 80 ? `${piece.slice(0, 80)}…` : piece);
  }
  if (event.event === 'conversation.message.completed') return `${String(data['type'] ?? '')}: ${excerpt(String(data['content'] ?? ''), 80)}`;
  if (event.event.startsWith('conversation.chat.')) {
    const error = data['last_error'] as { code?: unknown } | undefined;
    return `${String(data['status'] ?? '')} chat_id=${String(data['id'] ?? '')}${error && error.code ? ` code=${String(error.code)}` : ''}`;
  }
  return excerpt(event.data, 80);
}

/** An answer that came back "successfully" but is not what the chat asked for (a proxy's page, a bare list…). */
function unexpectedAnswer(run: Run, expected: { zh: string; en: string }): TransportError {
  return {
    kind: 'parse',
    message: { zh: '服务的回答不是对话需要的内容。', en: 'The service’s answer is not what the chat expected.' },
    hint: expected,
    ...(run.status ? { status: run.status } : {}),
    ...(run.logid ? { logid: run.logid } : {}),
  };
}

function label(request: DraftRequest): string {
  return `${request.method} ${request.path.replace(/\{(\w+)\}/g, (_, n: string) => String(request.pathParams?.[n] ?? n))}`;
}

interface ActiveChat {
  handle: RunHandle;
  replyId: string;
  conversationLocalId: string;
  chatId?: string;
  stopped: boolean;
}

export class ChatClient extends EventTarget {
  readonly options: ResolvedOptions;
  private readonly transportSource: Transport | (() => Transport);
  private readonly refreshToken: ChatClientInit['refreshToken'];
  private token: string;
  private readonly started = Date.now();
  private readonly limit: number;
  private stateValue: ChatState;
  private readonly timelineEntries: TimelineEntry[] = [];
  private timelineCount = 0;
  private active: ActiveChat | undefined;
  private disposed = false;
  private readonly objectUrls: string[] = [];
  private readonly files = new Map<string, Blob>();

  constructor(init: ChatClientInit) {
    super();
    this.options = init.options;
    this.transportSource = init.transport;
    this.refreshToken = init.refreshToken;
    this.token = init.options.token;
    this.limit = init.timelineLimit ?? 5000;
    const first = this.blankConversation();
    this.stateValue = { conversations: [first], currentId: first.localId, busy: false, streaming: false };
  }

  get state(): ChatState {
    return this.stateValue;
  }

  get current(): Conversation {
    return this.stateValue.conversations.find((c) => c.localId === this.stateValue.currentId)!;
  }

  /** The timeline, oldest first (at least the newest `limit` entries; a live list), and how many entries there were in all. */
  get timeline(): { entries: readonly TimelineEntry[]; total: number } {
    return { entries: this.timelineEntries, total: this.timelineCount };
  }

  // State plumbing -----------------------------------------------------------------------------

  private blankConversation(): Conversation {
    return { localId: localId('conv'), title: '', items: [], createdAt: Date.now() };
  }

  private set(next: Partial<ChatState>): void {
    this.stateValue = { ...this.stateValue, ...next };
    this.dispatchEvent(new Event('change'));
  }

  private updateConversation(id: string, change: (c: Conversation) => Conversation): void {
    this.set({ conversations: this.stateValue.conversations.map((c) => (c.localId === id ? change(c) : c)) });
  }

  private push(conversationId: string, item: ChatItem): void {
    this.updateConversation(conversationId, (c) => ({ ...c, items: [...c.items, item] }));
  }

  private patch<T extends ChatItem>(conversationId: string, itemId: string, change: (item: T) => T | undefined): void {
    this.updateConversation(conversationId, (c) => ({
      ...c,
      items: c.items.flatMap((i) => {
        if (i.id !== itemId) return [i];
        const next = change(i as T);
        return next ? [next] : [];
      }),
    }));
  }

  private find<T extends ChatItem>(itemId: string): { conversation: Conversation; item: T } | undefined {
    for (const conversation of this.stateValue.conversations) {
      const item = conversation.items.find((i) => i.id === itemId);
      if (item) return { conversation, item: item as T };
    }
    return undefined;
  }

  private log(kind: TimelineEntry['kind'], labelText: string, detail: string, at = Date.now()): void {
    // Appended in place (a long stream logs thousands of events); trimmed in blocks, not one by one.
    this.timelineEntries.push({ index: this.timelineCount++, at: Math.max(0, Math.round(at - this.started)), kind, label: labelText, detail });
    if (this.timelineEntries.length > this.limit * 1.25) this.timelineEntries.splice(0, this.timelineEntries.length - this.limit);
    // Stream events are followed by a state change anyway; requests and answers tell the view themselves.
    if (kind !== 'event') this.dispatchEvent(new Event('change'));
  }

  private fail(conversationId: string, error: TransportError, retry?: RetryAction): void {
    this.push(conversationId, { kind: 'error', id: localId('error'), error, ...(retry ? { retry } : {}) });
    this.dispatchEvent(new CustomEvent('failure', { detail: { error } }));
  }

  // Requests -----------------------------------------------------------------------------------

  private get transport(): Transport {
    return typeof this.transportSource === 'function' ? this.transportSource() : this.transportSource;
  }

  private withToken(request: DraftRequest): DraftRequest {
    return this.token ? { ...request, headers: { ...request.headers, authorization: `Bearer ${this.token}` } } : request;
  }

  private isAuthFailure(run: Run): boolean {
    const code = run.error?.code;
    return typeof code === 'number' && AUTH_CODES.has(code);
  }

  /** Asks for a new token when allowed; whether there is one to try again with. */
  private async renewToken(run: Run): Promise<boolean> {
    if (!this.options.refresh || !this.refreshToken || !this.isAuthFailure(run)) return false;
    try {
      const fresh = await this.refreshToken();
      if (!fresh || fresh === this.token) return false;
      this.token = fresh;
      this.log('request', 'onRefreshToken', 'a new token was issued');
      return true;
    } catch {
      return false;
    }
  }

  /** Sends a request and waits for its answer's `data` (or the error). Retries once with a renewed token. */
  private async call(request: DraftRequest, renewed = false): Promise<{ data: unknown; run: Run } | { error: TransportError }> {
    this.log('request', label(request), '');
    const run = await this.transport.send(this.withToken(request)).done;
    this.log('response', label(request), run.error ? `${run.status ?? ''} ${run.error.code ?? run.error.kind}`.trim() : `${run.status ?? ''} ok`);
    if (run.error) {
      if (!renewed && (await this.renewToken(run))) return this.call(request, true);
      return { error: run.error };
    }
    if (run.body?.kind === 'text' || run.body?.kind === 'binary') return { error: unexpectedAnswer(run, { zh: '应为 JSON，实际收到的是其他内容。', en: 'JSON was expected; something else came back.' }) };
    const body = run.body?.kind === 'json' ? (run.body.value as Record<string, unknown>) : undefined;
    return { data: body?.['data'], run };
  }

  // Sending ------------------------------------------------------------------------------------

  /** Asks the bot: the text and any files (uploaded first, then sent as one object_string message). */
  async send(text: string, files: readonly File[] = []): Promise<void> {
    if (this.stateValue.busy || this.disposed || (!text.trim() && !files.length)) return;
    const attachments: Attachment[] = files.map((f) => {
      const id = localId('file');
      this.files.set(id, f);
      let preview: string | undefined;
      if (f.type.startsWith('image/') && typeof URL.createObjectURL === 'function') {
        preview = URL.createObjectURL(f);
        this.objectUrls.push(preview);
      }
      return { id, name: f.name, size: f.size, type: f.type || 'application/octet-stream', state: 'uploading', ...(preview ? { preview } : {}) };
    });
    const user: UserItem = { kind: 'user', id: localId('user'), text, attachments };
    const conversation = this.current;
    if (!conversation.title) this.updateConversation(conversation.localId, (c) => ({ ...c, title: excerpt(text || files.map((f) => f.name).join(', '), 40) }));
    this.push(conversation.localId, user);
    await this.deliver(conversation.localId, user.id);
  }

  /** Prepares and runs the chat for a user message already in the conversation. */
  private async deliver(conversationLocalId: string, userItemId: string): Promise<void> {
    this.set({ busy: true });
    const reply: ReplyItem = { kind: 'reply', id: localId('reply'), state: 'waiting', content: '', reasoning: '', followUps: [], functionCalls: [] };
    this.push(conversationLocalId, reply);
    const retry: RetryAction = { type: 'send', userItemId };
    const dropReply = () => this.patch(conversationLocalId, reply.id, () => undefined);
    try {
      const conversationId = await this.ensureConversation(conversationLocalId);
      // The preview was closed while waiting: the abandoned chat sends nothing more.
      if (this.disposed) return;
      if (typeof conversationId !== 'string') {
        dropReply();
        return this.fail(conversationLocalId, conversationId.error, retry);
      }
      const user = this.find<UserItem>(userItemId)?.item;
      if (!user) return dropReply();
      const uploaded = await this.upload(conversationLocalId, user);
      if (this.disposed) return;
      if ('error' in uploaded) {
        dropReply();
        return this.fail(conversationLocalId, uploaded.error, retry);
      }
      const message = api.userMessage(user.text, uploaded.files);
      await this.stream(api.streamChat(this.options.target, conversationId, this.options.user.id, message), conversationLocalId, reply.id, retry);
    } finally {
      this.set({ busy: false, streaming: false });
    }
  }

  private async ensureConversation(conversationLocalId: string): Promise<string | { error: TransportError }> {
    const existing = this.stateValue.conversations.find((c) => c.localId === conversationLocalId)?.id;
    if (existing) return existing;
    const answer = await this.call(api.createConversation(this.options.target));
    if ('error' in answer) return answer;
    const id = String((answer.data as { id?: unknown } | undefined)?.id ?? '');
    if (!id) return { error: unexpectedAnswer(answer.run, { zh: '回答里没有会话 ID（data.id）。', en: 'The answer has no conversation id (data.id).' }) };
    this.updateConversation(conversationLocalId, (c) => ({ ...c, id }));
    return id;
  }

  private async upload(conversationLocalId: string, user: UserItem): Promise<{ files: Array<{ fileId: string; type: string }> } | { error: TransportError }> {
    const out: Array<{ fileId: string; type: string }> = [];
    for (const attachment of user.attachments) {
      if (attachment.state === 'ready' && attachment.fileId) {
        out.push({ fileId: attachment.fileId, type: attachment.type });
        continue;
      }
      const setState = (change: Partial<Attachment>) =>
        this.patch<UserItem>(conversationLocalId, user.id, (u) => ({ ...u, attachments: u.attachments.map((a) => (a.id === attachment.id ? { ...a, ...change } : a)) }));
      setState({ state: 'uploading' });
      const blob = this.files.get(attachment.id);
      if (!blob) return { error: { kind: 'request', message: { zh: '找不到要上传的文件。', en: 'The file to upload is gone.' } } };
      const answer = await this.call(api.uploadFile(blob, attachment.name));
      const fileId = 'error' in answer ? '' : String((answer.data as { id?: unknown } | undefined)?.id ?? '');
      if ('error' in answer || !fileId) {
        setState({ state: 'failed' });
        return 'error' in answer ? answer : { error: unexpectedAnswer(answer.run, { zh: '回答里没有文件 ID（data.id）。', en: 'The answer has no file id (data.id).' }) };
      }
      setState({ state: 'ready', fileId });
      out.push({ fileId, type: attachment.type });
    }
    return { files: out };
  }

  /** Streams one chat into a reply item, then settles it: done, stopped, failed, or waiting for tools. */
  private async stream(request: DraftRequest, conversationLocalId: string, replyId: string, retry: RetryAction, renewed = false): Promise<void> {
    this.log('request', label(request), 'stream');
    const handle = this.transport.send(this.withToken(request));
    const active: ActiveChat = { handle, replyId, conversationLocalId, stopped: false };
    this.active = active;
    this.set({ streaming: true });
    const assembler = new ReplyAssembler();
    let seen = 0;
    const pump = () => {
      if (active.stopped) return;
      const events = handle.run.events;
      if (seen === events.length) return;
      let changed = false;
      for (; seen < events.length; seen++) {
        const event = events[seen]!;
        changed = assembler.push(event) || changed;
        this.log('event', event.event, summarize(event), handle.run.startedAt + event.at);
      }
      const r = assembler.reply;
      if (r.chatId) active.chatId = r.chatId;
      if (r.conversationId) {
        const conversation = this.stateValue.conversations.find((c) => c.localId === conversationLocalId);
        if (conversation && !conversation.id) this.updateConversation(conversationLocalId, (c) => ({ ...c, id: r.conversationId! }));
      }
      if (changed || (r.chatId && !this.find<ReplyItem>(replyId)?.item.chatId)) this.patch<ReplyItem>(conversationLocalId, replyId, (item) => this.applyReply(item, r, 'streaming'));
      else this.dispatchEvent(new Event('change'));
    };
    const unsubscribe = handle.subscribe(pump);
    const run = await handle.done;
    pump();
    unsubscribe();
    if (this.active === active) this.active = undefined;
    this.log('response', label(request), run.error ? `${run.status ?? ''} ${run.error.code ?? run.error.kind}`.trim() : `${run.status ?? ''} ${assembler.reply.status ?? ''}`.trim());
    if (active.stopped) return;
    const reply = assembler.reply;
    if (!renewed && run.events.length === 0 && (await this.renewToken(run))) return this.stream(request, conversationLocalId, replyId, retry, true);
    if (reply.status === 'requires_action' && reply.toolCalls?.length) {
      this.patch<ReplyItem>(conversationLocalId, replyId, (item) => (reply.content || reply.functionCalls.length ? this.applyReply(item, reply, 'done') : undefined));
      this.push(conversationLocalId, { kind: 'tool', id: localId('tool'), chatId: reply.chatId ?? '', calls: reply.toolCalls, state: 'pending' });
      return;
    }
    // A "successful" answer that is no event stream (a proxy's page, a JSON body) is a failure too.
    const error = run.error ?? (run.body?.kind === 'sse' ? undefined : unexpectedAnswer(run, { zh: '应为事件流（text/event-stream），实际收到的是其他内容。', en: 'An event stream (text/event-stream) was expected; something else came back.' }));
    if (error) {
      this.patch<ReplyItem>(conversationLocalId, replyId, (item) => (reply.content ? this.applyReply(item, reply, 'failed') : undefined));
      return this.fail(conversationLocalId, error, retry);
    }
    this.patch<ReplyItem>(conversationLocalId, replyId, (item) => this.applyReply(item, reply, 'done'));
    const done = this.find<ReplyItem>(replyId)?.item;
    this.dispatchEvent(new CustomEvent('reply', { detail: { item: done, conversationId: reply.conversationId, chatId: reply.chatId } }));
  }

  private applyReply(item: ReplyItem, r: Reply, state: ReplyItem['state']): ReplyItem {
    return {
      ...item,
      state,
      content: r.content,
      reasoning: r.reasoning,
      followUps: r.followUps,
      functionCalls: r.functionCalls,
      ...(r.chatId ? { chatId: r.chatId } : {}),
      ...(r.messageId ? { messageId: r.messageId } : {}),
    };
  }

  /**
   * Stops the reply being streamed: what arrived stays, marked as stopped. The chat is canceled on
   * the server (`/v3/chat/cancel`), then the stream is closed.
   */
  async stop(): Promise<void> {
    const active = this.active;
    if (!active || active.stopped) return;
    active.stopped = true;
    this.patch<ReplyItem>(active.conversationLocalId, active.replyId, (item) => ({ ...item, state: 'stopped' }));
    this.set({ streaming: false });
    const conversationId = this.stateValue.conversations.find((c) => c.localId === active.conversationLocalId)?.id;
    if (active.chatId && conversationId && this.options.target.type === 'bot') {
      await Promise.race([this.call(api.cancelChat(conversationId, active.chatId)), new Promise((resolve) => setTimeout(resolve, CANCEL_WAIT_MS))]);
    }
    active.handle.abort();
  }

  /** Runs the action an error offers again (the failed question, the tool outputs, the clearing). */
  async retry(errorItemId: string): Promise<void> {
    const found = this.find<ErrorItem>(errorItemId);
    if (!found || this.stateValue.busy) return;
    const { conversation, item } = found;
    this.patch(conversation.localId, item.id, () => undefined);
    const action = item.retry;
    if (action?.type === 'send') await this.deliver(conversation.localId, action.userItemId);
    else if (action?.type === 'tool') {
      const tool = this.find<ToolItem>(action.toolItemId)?.item;
      if (tool?.outputs) await this.submitTools(tool.id, tool.outputs);
    } else if (action?.type === 'clear') await this.clearContext();
  }

  /** Answers a chat's tool calls (call id → output text) and streams the rest of the reply. */
  async submitTools(toolItemId: string, outputs: Record<string, string>): Promise<void> {
    const found = this.find<ToolItem>(toolItemId);
    if (!found || this.stateValue.busy) return;
    const { conversation, item } = found;
    this.patch<ToolItem>(conversation.localId, item.id, (t) => ({ ...t, state: 'sending', outputs }));
    this.set({ busy: true });
    try {
      const list = item.calls.map((c) => ({ tool_call_id: c.id, output: outputs[c.id] ?? '' }));
      const retry: RetryAction = { type: 'tool', toolItemId };
      if (this.options.target.type === 'app' || !conversation.id) {
        // A chatflow asks again through the same endpoint, with the answer as the next user message.
        this.patch<ToolItem>(conversation.localId, item.id, (t) => ({ ...t, state: 'sent' }));
        const user: UserItem = { kind: 'user', id: localId('user'), text: list.map((o) => o.output).join('\n'), attachments: [] };
        this.push(conversation.localId, user);
        this.set({ busy: false });
        return await this.deliver(conversation.localId, user.id);
      }
      const reply: ReplyItem = { kind: 'reply', id: localId('reply'), state: 'waiting', content: '', reasoning: '', followUps: [], functionCalls: [] };
      this.patch<ToolItem>(conversation.localId, item.id, (t) => ({ ...t, state: 'sent' }));
      this.push(conversation.localId, reply);
      await this.stream(api.submitToolOutputs(conversation.id, item.chatId, list), conversation.localId, reply.id, retry);
      // A failed submission can be tried again: the card opens for editing.
      if (this.current.items.some((i) => i.kind === 'error' && i.retry?.type === 'tool' && i.retry.toolItemId === toolItemId)) {
        this.patch<ToolItem>(conversation.localId, item.id, (t) => ({ ...t, state: 'pending' }));
      }
    } finally {
      this.set({ busy: false, streaming: false });
    }
  }

  // Conversation tools -------------------------------------------------------------------------

  /** Starts a new context section: later questions no longer see earlier messages (which stay shown). */
  async clearContext(): Promise<void> {
    const conversation = this.current;
    if (this.stateValue.busy || !conversation.items.length) return;
    if (conversation.id) {
      this.set({ busy: true });
      const answer = await this.call(api.clearContext(conversation.id));
      this.set({ busy: false });
      if ('error' in answer) return this.fail(conversation.localId, answer.error, { type: 'clear' });
    }
    this.push(conversation.localId, { kind: 'divider', id: localId('divider') });
  }

  /** Opens a fresh conversation (the current one stays in the list). */
  newConversation(): void {
    if (this.stateValue.busy) return;
    const empty = this.stateValue.conversations.find((c) => c.items.length === 0);
    if (empty) {
      this.set({ currentId: empty.localId });
      return;
    }
    const next = this.blankConversation();
    this.set({ conversations: [...this.stateValue.conversations, next], currentId: next.localId });
  }

  switchTo(conversationLocalId: string): void {
    if (this.stateValue.busy || !this.stateValue.conversations.some((c) => c.localId === conversationLocalId)) return;
    this.set({ currentId: conversationLocalId });
  }

  /** Rates an answer (`like` / `unlike`), or takes the rating back (`undefined`). */
  async feedback(replyItemId: string, type: 'like' | 'unlike' | undefined): Promise<void> {
    const found = this.find<ReplyItem>(replyItemId);
    if (!found?.item.messageId || !found.conversation.id) return;
    const { conversation, item } = found;
    const conversationId = conversation.id!;
    const messageId = item.messageId!;
    const before = item.feedback;
    this.patch<ReplyItem>(conversation.localId, item.id, (r) => {
      const { feedback: _, ...rest } = r;
      return type ? { ...rest, feedback: type } : rest;
    });
    const answer = await this.call(api.messageFeedback(conversationId, messageId, type));
    if ('error' in answer) {
      this.patch<ReplyItem>(conversation.localId, item.id, (r) => {
        const { feedback: _, ...rest } = r;
        return before ? { ...rest, feedback: before } : rest;
      });
      this.fail(conversation.localId, answer.error);
    }
  }

  /** Speech to text (`/v1/audio/transcriptions`): the words, or the error. */
  async transcribe(audio: Blob, name = 'speech.webm'): Promise<{ text: string } | { error: TransportError }> {
    const answer = await this.call(api.transcribe(audio, name));
    if ('error' in answer) return answer;
    return { text: String((answer.data as { text?: unknown } | undefined)?.text ?? '') };
  }

  /** Stops whatever runs and frees image previews. */
  dispose(): void {
    this.disposed = true;
    this.active?.handle.abort();
    for (const url of this.objectUrls) URL.revokeObjectURL(url);
    this.objectUrls.length = 0;
  }
}

export type { ToolCall } from './assemble.js';
export type { StreamEvent };

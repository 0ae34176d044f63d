/**
 * What a Coze event stream adds up to, for people to read: the answer of a chat (deltas of type
 * `answer`, with the reasoning apart, follow-up suggestions, usage, the tool calls it waits for) or
 * the output of a workflow (its `Message` contents, the `Interrupt` it stopped at, `Done`, `Error`).
 *
 * {@link StreamAssembler} takes events one at a time (a view feeds it only the new ones), and
 * {@link assemble} runs it over a whole list. Both are pure: no I/O, no clock.
 */

/** An event as the transport (or run history) keeps it. */
export interface AssembleEvent {
  event: string;
  data: string;
  /** Milliseconds from the start of the run. */
  at: number;
  /** The data parsed as JSON, if the caller already has it. */
  json?: () => unknown;
}

export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as the model wrote them (a JSON text, usually). */
  arguments: string;
  type: string;
}

export interface Usage {
  token_count?: number;
  input_count?: number;
  output_count?: number;
  [key: string]: unknown;
}

export interface StreamFailure {
  code?: number | string;
  msg?: string;
}

export interface ChatAssembly {
  kind: 'chat';
  /** The answer as the deltas built it (all answer messages, in order, separated by a blank line). */
  answer: string;
  /** `reasoning_content` of the answer (thinking models), kept apart. */
  reasoning: string;
  /** The answer of the `conversation.message.completed` event of type answer, when it has arrived. */
  completedAnswer?: string;
  followUps: string[];
  conversationId?: string;
  chatId?: string;
  /** The chat's latest status (`created`, `in_progress`, `requires_action`, `completed`, `failed`, `canceled`). */
  status?: string;
  usage?: Usage;
  /** Ms from the start of the run to the first answer (or reasoning) text. */
  firstTokenMs?: number;
  /** Ms from the start of the run to `conversation.chat.completed`. */
  completedMs?: number;
  /** Tool calls of `conversation.chat.requires_action`, waiting for outputs. */
  toolCalls: ToolCall[];
  /** `function_call` messages (what the model asked a tool to do) and `tool_response`/`tool_output` messages. */
  toolMessages: Array<{ type: string; content: string }>;
  failure?: StreamFailure;
  /** The chatflow's `done` event carries a debug URL. */
  debugUrl?: string;
  done: boolean;
}

export interface WorkflowMessage {
  nodeTitle?: string;
  nodeId?: string;
  content: string;
}

export interface WorkflowInterrupt {
  eventId: string;
  type: number | string;
  /** The raw `data` (often a JSON text with the question). */
  data: string;
  /** The question text when `data` is `{content: …}`. */
  question?: string;
  nodeTitle?: string;
}

export interface WorkflowAssembly {
  kind: 'workflow';
  /** Every `Message` content, concatenated. */
  output: string;
  /** Contents grouped by node (consecutive pieces of one node execution are joined). */
  messages: WorkflowMessage[];
  interrupt?: WorkflowInterrupt;
  usage?: Usage;
  firstTokenMs?: number;
  debugUrl?: string;
  failure?: StreamFailure;
  done: boolean;
}

export interface OtherAssembly {
  kind: 'other';
}

export type Assembly = ChatAssembly | WorkflowAssembly | OtherAssembly;

const WORKFLOW_EVENTS = new Set(['Message', 'Interrupt', 'Done', 'Error', 'PING']);

type Json = Record<string, unknown>;

function parse(e: AssembleEvent): unknown {
  if (e.json) return e.json();
  try {
    return JSON.parse(e.data);
  } catch {
    return undefined;
  }
}

const record = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function failureOf(data: Json | undefined): StreamFailure | undefined {
  if (!data) return undefined;
  const source = record(data['last_error']) ?? data;
  const code = source['code'] ?? source['error_code'];
  const msg = str(source['msg'] ?? source['error_message'] ?? source['message']);
  if ((code === undefined || code === 0 || code === '0') && !msg) return undefined;
  return { ...(code !== undefined ? { code: code as number | string } : {}), ...(msg ? { msg } : {}) };
}

export class StreamAssembler {
  private chat: ChatAssembly | undefined;
  private workflow: WorkflowAssembly | undefined;
  /** Ids of answer messages that have text, and the one the last delta belonged to. */
  private readonly answered = new Set<string>();
  private lastAnswerId: string | undefined;
  private lastNode: string | undefined;
  /** Events taken so far. */
  count = 0;

  get result(): Assembly {
    return this.chat ?? this.workflow ?? { kind: 'other' };
  }

  push(e: AssembleEvent): void {
    this.count++;
    if (e.event.startsWith('conversation.') || (this.chat && (e.event === 'done' || e.event === 'error'))) this.pushChat(e);
    else if (WORKFLOW_EVENTS.has(e.event)) this.pushWorkflow(e);
    else if (e.event === 'error') this.pushChat(e);
  }

  pushAll(events: Iterable<AssembleEvent>): this {
    for (const e of events) this.push(e);
    return this;
  }

  private chatState(): ChatAssembly {
    return (this.chat ??= { kind: 'chat', answer: '', reasoning: '', followUps: [], toolCalls: [], toolMessages: [], done: false });
  }

  private pushChat(e: AssembleEvent): void {
    const chat = this.chatState();
    const data = record(parse(e));
    switch (e.event) {
      case 'conversation.chat.created':
      case 'conversation.chat.in_progress':
      case 'conversation.chat.completed':
      case 'conversation.chat.failed':
      case 'conversation.chat.requires_action':
      case 'conversation.chat.canceled': {
        if (!data) return;
        const id = str(data['id']);
        const conversation = str(data['conversation_id']);
        if (id) chat.chatId = id;
        if (conversation) chat.conversationId = conversation;
        const status = str(data['status']);
        if (status) chat.status = status;
        const usage = record(data['usage']);
        if (usage && (e.event === 'conversation.chat.completed' || Object.values(usage).some((v) => v))) chat.usage = usage as Usage;
        if (e.event === 'conversation.chat.completed') chat.completedMs = e.at;
        if (e.event === 'conversation.chat.failed') {
          const failure = failureOf(data);
          if (failure) chat.failure = failure;
        }
        if (e.event === 'conversation.chat.requires_action') chat.toolCalls = toolCallsOf(data);
        return;
      }
      case 'conversation.message.delta': {
        if (!data) return;
        const type = str(data['type']) ?? 'answer';
        if (type !== 'answer') return;
        const content = str(data['content']) ?? '';
        const reasoning = str(data['reasoning_content']) ?? '';
        if ((content || reasoning) && chat.firstTokenMs === undefined) chat.firstTokenMs = e.at;
        if (reasoning) chat.reasoning += reasoning;
        if (content) this.appendAnswer(chat, str(data['id']) ?? '', content);
        return;
      }
      case 'conversation.message.completed': {
        if (!data) return;
        const type = str(data['type']) ?? '';
        const content = str(data['content']) ?? '';
        if (type === 'answer') {
          const id = str(data['id']) ?? '';
          // A non-streamed answer (or one whose deltas were missed) still shows.
          if (!this.answered.has(id) && content) this.appendAnswer(chat, id, content);
          chat.completedAnswer = chat.completedAnswer === undefined ? content : `${chat.completedAnswer}\n\n${content}`;
          const reasoning = str(data['reasoning_content']);
          if (reasoning && !chat.reasoning) chat.reasoning = reasoning;
        } else if (type === 'follow_up') {
          if (content) chat.followUps.push(content);
        } else if (type === 'function_call' || type === 'tool_response' || type === 'tool_output') {
          chat.toolMessages.push({ type, content });
        }
        return;
      }
      case 'error': {
        const failure = failureOf(data) ?? { msg: e.data };
        chat.failure = failure;
        return;
      }
      case 'done': {
        chat.done = true;
        const url = data ? str(data['debug_url']) : undefined;
        if (url) chat.debugUrl = url;
        return;
      }
      default:
        return;
    }
  }

  /** Appends to the answer; a new answer message starts after a blank line. */
  private appendAnswer(chat: ChatAssembly, id: string, content: string): void {
    if (id !== this.lastAnswerId && chat.answer) chat.answer += '\n\n';
    chat.answer += content;
    this.answered.add(id);
    this.lastAnswerId = id;
  }

  private pushWorkflow(e: AssembleEvent): void {
    const wf = (this.workflow ??= { kind: 'workflow', output: '', messages: [], done: false });
    const data = record(parse(e));
    switch (e.event) {
      case 'Message': {
        if (!data) return;
        const content = str(data['content']) ?? '';
        if (content && wf.firstTokenMs === undefined) wf.firstTokenMs = e.at;
        wf.output += content;
        const node = str(data['node_execute_uuid']) ?? str(data['node_id']) ?? '';
        const last = wf.messages.at(-1);
        if (last && node === this.lastNode) last.content += content;
        else {
          const title = str(data['node_title']);
          const nodeId = str(data['node_id']);
          wf.messages.push({ content, ...(title ? { nodeTitle: title } : {}), ...(nodeId ? { nodeId } : {}) });
        }
        this.lastNode = node;
        const usage = record(data['usage']);
        if (usage) wf.usage = usage as Usage;
        return;
      }
      case 'Interrupt': {
        const interrupt = record(data?.['interrupt_data']) ?? data;
        if (!interrupt) return;
        const raw = interrupt['data'];
        const text = typeof raw === 'string' ? raw : raw === undefined ? '' : JSON.stringify(raw);
        let question: string | undefined;
        try {
          const parsed = record(typeof raw === 'string' ? JSON.parse(raw) : raw);
          question = str(parsed?.['content']) ?? str(parsed?.['question']);
        } catch {
          question = text || undefined;
        }
        const title = str(data?.['node_title']);
        wf.interrupt = { eventId: str(interrupt['event_id']) ?? '', type: (interrupt['type'] as number | string | undefined) ?? '', data: text, ...(question ? { question } : {}), ...(title ? { nodeTitle: title } : {}) };
        return;
      }
      case 'Done': {
        wf.done = true;
        const url = data ? str(data['debug_url']) : undefined;
        if (url) wf.debugUrl = url;
        return;
      }
      case 'Error': {
        wf.failure = failureOf(data) ?? { msg: e.data };
        return;
      }
      default:
        return;
    }
  }
}

function toolCallsOf(chat: Json): ToolCall[] {
  const action = record(chat['required_action']);
  const submit = record(action?.['submit_tool_outputs']);
  const calls = submit?.['tool_calls'];
  if (!Array.isArray(calls)) return [];
  return calls.map((c): ToolCall => {
    const call = record(c) ?? {};
    const fn = record(call['function']) ?? {};
    const args = fn['arguments'];
    return { id: str(call['id']) ?? '', type: str(call['type']) ?? 'function', name: str(fn['name']) ?? '', arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}) };
  });
}

/** What a whole list of events adds up to. */
export function assemble(events: Iterable<AssembleEvent>): Assembly {
  return new StreamAssembler().pushAll(events).result;
}

/** Tool arguments for reading: pretty-printed JSON when they parse, else as written. */
export function prettyArguments(args: string): string {
  try {
    return JSON.stringify(JSON.parse(args), null, 2);
  } catch {
    return args;
  }
}

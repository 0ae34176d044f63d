/**
 * Assembles a bot's reply from the events of a chat stream (`/v3/chat`, `/v3/chat/submit_tool_outputs`,
 * `/v1/workflows/chat`): the answer text piece by piece, the reasoning apart, follow-up questions,
 * the tool calls the chat waits for, and how it ended. Works on events as they arrive; cheap per
 * event (strings are appended, nothing is re-read), so a reply of 20,000 pieces stays fast.
 */

/** One client-side tool call a chat waits for (`conversation.chat.requires_action`). */
export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as the bot sent them (a JSON string). */
  arguments: string;
}

export type ChatStatus = 'created' | 'in_progress' | 'completed' | 'failed' | 'requires_action' | 'canceled';

export interface Reply {
  chatId?: string;
  conversationId?: string;
  /** The id of the (first) answer message, for feedback. */
  messageId?: string;
  /** The answer text (markdown). */
  content: string;
  /** What a thinking model streamed before its answer. */
  reasoning: string;
  followUps: string[];
  /** Plugin and tool calls the bot made (`function_call` messages), with their results when known. */
  functionCalls: Array<{ name: string; arguments: string; output?: string }>;
  /** Set while the chat waits for the client to run tools. */
  toolCalls?: ToolCall[];
  status?: ChatStatus;
  usage?: { token_count?: number; output_count?: number; input_count?: number };
  /** A failure the stream reported (`conversation.chat.failed`, `event: error`). */
  failure?: { code?: number | string; msg?: string };
  /** The stream's end event arrived. */
  done: boolean;
}

export function emptyReply(): Reply {
  return { content: '', reasoning: '', followUps: [], functionCalls: [], done: false };
}

interface EventLike {
  event: string;
  json(): unknown;
}

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** Per-stream bookkeeping the reply itself does not need to show. */
export class ReplyAssembler {
  readonly reply: Reply = emptyReply();
  /** Answer message ids in the order their first piece arrived. */
  private readonly answers: string[] = [];
  private readonly streamed = new Set<string>();

  /** Applies one event; returns whether the reply changed. */
  push(event: EventLike): boolean {
    const r = this.reply;
    const data = event.json();
    switch (event.event) {
      case 'conversation.chat.created':
      case 'conversation.chat.in_progress':
      case 'conversation.chat.completed':
      case 'conversation.chat.requires_action':
      case 'conversation.chat.failed':
        return this.chat(event.event, data);
      case 'conversation.message.delta':
        return this.delta(data);
      case 'conversation.message.completed':
        return this.completed(data);
      case 'error':
        r.failure = isRecord(data) ? { ...(data['code'] !== undefined ? { code: data['code'] as number | string } : {}), ...(str(data['msg']) ? { msg: str(data['msg'])! } : {}) } : {};
        r.status = 'failed';
        return true;
      case 'done':
        r.done = true;
        return false;
      default:
        return false;
    }
  }

  private chat(name: string, data: unknown): boolean {
    const r = this.reply;
    if (!isRecord(data)) return false;
    const id = str(data['id']);
    if (id && !r.chatId) r.chatId = id;
    const conversation = str(data['conversation_id']);
    if (conversation) r.conversationId = conversation;
    const status = str(data['status']) as ChatStatus | undefined;
    if (status) r.status = status;
    if (name === 'conversation.chat.failed') {
      r.status = 'failed';
      const last = isRecord(data['last_error']) ? data['last_error'] : data;
      r.failure = { ...(last['code'] !== undefined ? { code: last['code'] as number | string } : {}), ...(str(last['msg']) ? { msg: str(last['msg'])! } : {}) };
    }
    if (name === 'conversation.chat.completed') {
      r.status = 'completed';
      if (isRecord(data['usage'])) r.usage = data['usage'] as Reply['usage'] & object;
    }
    if (name === 'conversation.chat.requires_action') {
      r.status = 'requires_action';
      const action = isRecord(data['required_action']) ? data['required_action'] : {};
      const submit = isRecord(action['submit_tool_outputs']) ? action['submit_tool_outputs'] : {};
      const calls = Array.isArray(submit['tool_calls']) ? submit['tool_calls'] : [];
      r.toolCalls = calls.filter(isRecord).map((c) => {
        const fn = isRecord(c['function']) ? c['function'] : {};
        return { id: str(c['id']) ?? '', name: str(fn['name']) ?? str(c['type']) ?? '', arguments: str(fn['arguments']) ?? '' };
      });
    }
    return true;
  }

  private delta(data: unknown): boolean {
    const r = this.reply;
    if (!isRecord(data)) return false;
    const type = str(data['type']) ?? 'answer';
    if (type !== 'answer') return false;
    const id = str(data['id']) ?? '';
    const piece = str(data['content']) ?? '';
    const reasoning = str(data['reasoning_content']) ?? '';
    if (!this.streamed.has(id)) {
      this.streamed.add(id);
      this.answers.push(id);
      if (!r.messageId && id) r.messageId = id;
      // A second answer in the same chat starts a new paragraph.
      if (this.answers.length > 1 && r.content && piece) r.content += '\n\n';
    }
    if (reasoning) r.reasoning += reasoning;
    if (piece) r.content += piece;
    return Boolean(piece || reasoning);
  }

  private completed(data: unknown): boolean {
    const r = this.reply;
    if (!isRecord(data)) return false;
    const type = str(data['type']) ?? '';
    const content = str(data['content']) ?? '';
    switch (type) {
      case 'answer': {
        const id = str(data['id']) ?? '';
        if (!r.messageId && id) r.messageId = id;
        if (!this.streamed.has(id)) {
          // An answer that came whole (a card, or a bot that does not stream).
          this.streamed.add(id);
          this.answers.push(id);
          r.content = r.content && content ? `${r.content}\n\n${content}` : r.content || content;
          const reasoning = str(data['reasoning_content']);
          if (reasoning && !r.reasoning) r.reasoning = reasoning;
          return true;
        }
        // The whole message, in one piece: trust it over the pieces when it is the only answer.
        if (this.answers.length === 1 && content && content !== r.content) {
          r.content = content;
          return true;
        }
        return false;
      }
      case 'follow_up':
        if (!content) return false;
        r.followUps = [...r.followUps, content];
        return true;
      case 'function_call': {
        let name = '';
        let args = content;
        try {
          const call: unknown = JSON.parse(content);
          if (isRecord(call)) {
            name = str(call['name']) ?? '';
            args = typeof call['arguments'] === 'string' ? call['arguments'] : JSON.stringify(call['arguments'] ?? {});
          }
        } catch {
          // Not JSON: shown as it is.
        }
        r.functionCalls = [...r.functionCalls, { name, arguments: args }];
        return true;
      }
      case 'tool_response':
      case 'tool_output': {
        const calls = r.functionCalls;
        const open = calls.findIndex((c) => c.output === undefined);
        if (open < 0) return false;
        r.functionCalls = calls.map((c, i) => (i === open ? { ...c, output: content } : c));
        return true;
      }
      default:
        return false;
    }
  }
}

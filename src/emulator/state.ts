/**
 * The emulator's in-memory world: what a fresh Coze account looks like (one user, a personal
 * workspace, a few bots and workflows, voices), plus everything created through the API. Ids are
 * deterministic: the same calls in the same order give the same ids, so tests can rely on them.
 */

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface Bot {
  bot_id: string;
  name: string;
  description: string;
  icon_url: string;
  space_id: string;
  /** `draft` until published; published bots answer on the API channel. */
  publish_status: 'draft' | 'published';
  connector_ids: string[];
  version: string;
  prompt: string;
  /** How the emulated bot behaves in chats. */
  behaviour: 'assistant' | 'tool' | 'reasoning' | 'slow';
  follow_ups: boolean;
  created_at: number;
  updated_at: number;
}

export interface Conversation {
  id: string;
  name: string;
  bot_id: string;
  connector_id: string;
  creator_id: string;
  meta_data: Record<string, string>;
  last_section_id: string;
  created_at: number;
  updated_at: number;
}

export interface Message {
  id: string;
  conversation_id: string;
  bot_id: string;
  chat_id: string;
  section_id: string;
  role: 'user' | 'assistant';
  type: string;
  content: string;
  content_type: string;
  meta_data: Record<string, string>;
  reasoning_content?: string;
  created_at: number;
  updated_at: number;
  feedback?: { feedback_type: string; reason_types?: string[]; comment?: string };
}

export interface Chat {
  id: string;
  conversation_id: string;
  bot_id: string;
  user_id: string;
  status: 'created' | 'in_progress' | 'completed' | 'failed' | 'requires_action' | 'canceled';
  created_at: number;
  completed_at?: number;
  failed_at?: number;
  meta_data: Record<string, string>;
  last_error: { code: number; msg: string };
  section_id: string;
  required_action?: unknown;
  usage?: { token_count: number; output_count: number; input_count: number };
  /** When a non-streaming chat moves on (emulated progress, ms since epoch). */
  ready_at: number;
  auto_save_history: boolean;
  /** The user's question, kept to produce the answer. */
  question: string;
}

export interface StoredFile {
  id: string;
  file_name: string;
  bytes: number;
  created_at: number;
  mime_type: string;
  content: Uint8Array;
}

/** Anything else an area of the emulator keeps: datasets, documents, workflows, runs, variables… */
export type Table<T> = Map<string, T>;

export class EmulatorState {
  private counter = 0n;
  private logCounter = 0;
  readonly clock: Clock;
  readonly userId = '2117362945213780';
  readonly workspaceId = '7431847011263217676';
  readonly bots: Table<Bot> = new Map();
  readonly conversations: Table<Conversation> = new Map();
  readonly messages: Table<Message> = new Map();
  readonly chats: Table<Chat> = new Map();
  readonly files: Table<StoredFile> = new Map();
  /** Free-form tables for the other areas, created on first use by name. */
  private readonly tables = new Map<string, Map<string, unknown>>();

  constructor(clock: Clock = { now: () => Date.now() }) {
    this.clock = clock;
  }

  /** A new 19-digit id, as Coze ids look. Deterministic: a counter from a fixed base. */
  nextId(): string {
    this.counter += 1n;
    return (7_440_000_000_000_000_000n + this.counter * 4_093n).toString();
  }

  /** A log id in Coze's shape: a UTC timestamp then 20 hex digits. */
  nextLogId(): string {
    this.logCounter += 1;
    const d = new Date(this.clock.now());
    const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
    return `${stamp}${this.logCounter.toString(16).toUpperCase().padStart(20, '0')}`;
  }

  /** Seconds since the epoch, as Coze timestamps are. */
  seconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  table<T>(name: string): Table<T> {
    let t = this.tables.get(name);
    if (!t) this.tables.set(name, (t = new Map()));
    return t as Table<T>;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

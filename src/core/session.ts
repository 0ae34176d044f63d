/**
 * A playground session: which API is selected, the draft values of each API, the live run of each,
 * the run history, and ids worth carrying from one call to the next. Framework-free; the provider
 * element owns one and shares it through context. Listeners hear `change` events.
 *
 * Persistence (drafts, history) goes to a `Storage` under versioned keys. The token is never part of
 * it. Corrupt, outdated or over-quota storage is discarded with a notice, never fatal.
 */
import type { EndpointEntry } from './catalog/schema.js';
import { bodyJson, buildRequest, initialValues, type DraftValues, type Presets } from './request/build.js';
import { validateRequest, type ValueProblem } from './request/validate.js';
import type { Run, RunHandle, SendOptions, SentRequest, StreamEvent, TokenProvider, Transport, TransportError } from './transport/types.js';

export const STORAGE_KEYS = {
  drafts: 'coze-playground:drafts:v1',
  history: 'coze-playground:history:v1',
} as const;

/** A key of saved drafts or history of any version; versions older than {@link STORAGE_KEYS}' are dropped on load. */
const VERSIONED_KEY = /^coze-playground:(drafts|history):v(\d+)$/;

/** Runs kept per API, and for how long (as the Coze playground does). */
export const HISTORY_PER_API = 5;
export const HISTORY_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** Bodies and streams kept in history are capped so that storage stays small. */
const HISTORY_BODY_CHARS = 100_000;
const HISTORY_EVENTS = 300;

/** A finished run as history keeps it: enough to reopen its request and response, never the token. */
export interface HistoryEntry {
  runId: string;
  apiId: string;
  at: number;
  values: DraftValues;
  request: SentRequest;
  status?: number;
  logid?: string;
  ttfbMs?: number;
  totalMs?: number;
  size: number;
  contentType?: string;
  /** The body: JSON text or text (cut to a limit, `truncated` says so); binary bodies keep only their type and size. */
  body?: { kind: 'json' | 'text'; text: string; truncated: boolean } | { kind: 'binary'; contentType: string; size: number } | { kind: 'empty' } | { kind: 'sse' };
  events?: Array<{ event: string; data: string; at: number; id?: string }>;
  eventsTruncated?: boolean;
  error?: TransportError;
}

export type SessionChange = 'selection' | 'values' | 'problems' | 'run' | 'history' | 'shown' | 'carried' | 'token' | 'notice';

/** What the UI tells the user about saved state: what was reset, or what could not be saved. */
export type SessionNoticeKey = 'drafts-reset' | 'history-reset' | 'storage-full' | 'token-reset' | 'token-not-saved';

export interface SessionOptions {
  storage?: Storage | null;
  presets?: Presets;
  now?: () => number;
}

/** Ids that responses return and later requests take (`conversation_id`, `chat_id`, `file_id`…). */
const CARRIED = /(^|_)id$/;

export class PlaygroundSession extends EventTarget {
  private selected: string | undefined;
  private readonly drafts = new Map<string, DraftValues>();
  private readonly live = new Map<string, RunHandle>();
  private historyEntries: HistoryEntry[] = [];
  private readonly carriedIds = new Map<string, string[]>();
  private readonly problemLists = new Map<string, ValueProblem[]>();
  private readonly shownHistory = new Map<string, HistoryEntry>();
  private currentToken: TokenProvider | undefined;
  private revealed = false;
  private persistence: 'none' | 'session' | 'local' = 'none';
  private readonly storage: Storage | null;
  private readonly now: () => number;
  /** What was reset while loading saved state, for the UI to say (in English; elements translate by key). */
  readonly notices: Array<{ key: SessionNoticeKey; detail?: string }> = [];
  presets: Presets;

  constructor(options: SessionOptions = {}) {
    super();
    this.storage = options.storage === undefined ? safeLocalStorage() : options.storage;
    this.presets = options.presets ?? {};
    this.now = options.now ?? (() => Date.now());
    this.load();
  }

  private emit(change: SessionChange, apiId?: string): void {
    this.dispatchEvent(new CustomEvent('change', { detail: { change, apiId } }));
  }

  // Selection --------------------------------------------------------------------------------

  get selectedId(): string | undefined {
    return this.selected;
  }

  select(id: string | undefined): void {
    if (id === this.selected) return;
    this.selected = id;
    this.emit('selection', id);
  }

  // Draft values -----------------------------------------------------------------------------

  /** The values of an API's form: what the user left there, or the first values. */
  values(entry: EndpointEntry): DraftValues {
    return this.drafts.get(entry.id) ?? initialValues(entry, this.presets);
  }

  setValues(apiId: string, values: DraftValues): void {
    this.drafts.set(apiId, values);
    this.saveDrafts();
    this.emit('values', apiId);
  }

  resetValues(apiId: string): void {
    this.drafts.delete(apiId);
    this.saveDrafts();
    this.emit('values', apiId);
  }

  // Token ------------------------------------------------------------------------------------

  /** The access token (or provider function). Memory only: the session never stores it. */
  get token(): TokenProvider | undefined {
    return this.currentToken;
  }

  setToken(token: TokenProvider | undefined): void {
    if (token === this.currentToken) return;
    this.currentToken = token || undefined;
    this.emit('token');
  }

  /** Where the provider keeps a typed token (its `token-storage` opt-in); the session itself never stores it. */
  get tokenPersistence(): 'none' | 'session' | 'local' {
    return this.persistence;
  }

  setTokenPersistence(mode: 'none' | 'session' | 'local'): void {
    if (mode === this.persistence) return;
    this.persistence = mode;
    this.emit('token');
  }

  /** Whether the user chose to see the token (in the token field and in sample code). */
  get tokenRevealed(): boolean {
    return this.revealed;
  }

  setTokenRevealed(revealed: boolean): void {
    if (revealed === this.revealed) return;
    this.revealed = revealed;
    this.emit('token');
  }

  // Validation -------------------------------------------------------------------------------

  /** Problems found by the last {@link check} of an API's values (empty when none or not checked). */
  problems(apiId: string): ValueProblem[] {
    return this.problemLists.get(apiId) ?? [];
  }

  /** Checks an API's values (parameters, and the raw JSON body when edited); remembers the problems. */
  check(entry: EndpointEntry): ValueProblem[] {
    const values = this.values(entry);
    const problems: ValueProblem[] = [];
    if (entry.requestBody === 'json' && values.bodyText !== undefined) {
      const body = bodyJson(values);
      if ('error' in body) {
        problems.push({ path: 'body', param: 'body', kind: 'format', message: { zh: `请求体不是有效的 JSON：${body.error}`, en: `The request body is not valid JSON: ${body.error}` } });
      } else if (!body.value || typeof body.value !== 'object' || Array.isArray(body.value)) {
        problems.push({ path: 'body', param: 'body', kind: 'type', message: { zh: '请求体必须是一个 JSON 对象。', en: 'The request body must be a JSON object.' } });
      } else {
        problems.push(...validateRequest(entry, { ...values, body: body.value as Record<string, unknown> }));
      }
    } else {
      problems.push(...validateRequest(entry, values));
    }
    this.problemLists.set(entry.id, problems);
    this.emit('problems', entry.id);
    return problems;
  }

  /** Sends an API's values if they check out; otherwise records the problems and sends nothing. */
  trySend(entry: EndpointEntry, transport: Transport, options: SendOptions = {}): RunHandle | undefined {
    return this.check(entry).length ? undefined : this.send(entry, transport, options);
  }

  // Runs -------------------------------------------------------------------------------------

  /** The latest run of an API in this page (live or finished). */
  run(apiId: string): RunHandle | undefined {
    return this.live.get(apiId);
  }

  /**
   * Sends an API's current values through the transport. The previous run of the same API is
   * aborted. When the run ends it goes into history, and ids in its answer become carried values.
   */
  send(entry: EndpointEntry, transport: Transport, options: SendOptions = {}): RunHandle {
    this.live.get(entry.id)?.abort();
    this.shownHistory.delete(entry.id);
    const values = this.values(entry);
    const handle = transport.send(buildRequest(entry, values), options);
    this.live.set(entry.id, handle);
    this.emit('run', entry.id);
    handle.subscribe(() => this.emit('run', entry.id));
    void handle.done.then((run) => {
      this.remember(entry.id, values, run);
      this.collectIds(entry.id, run);
    });
    return handle;
  }

  // History ----------------------------------------------------------------------------------

  history(apiId?: string): HistoryEntry[] {
    const cutoff = this.now() - HISTORY_MAX_AGE_MS;
    return this.historyEntries.filter((h) => h.at >= cutoff && (apiId === undefined || h.apiId === apiId));
  }

  /** Shows a past run: its values go back into the form, its answer into the response panel. */
  reopen(entry: HistoryEntry): void {
    this.setValues(entry.apiId, structuredClone(entry.values));
    this.shownHistory.set(entry.apiId, entry);
    this.emit('shown', entry.apiId);
  }

  /** The past run being shown for an API (until the next run of it). */
  shown(apiId: string): HistoryEntry | undefined {
    return this.shownHistory.get(apiId);
  }

  clearHistory(apiId?: string): void {
    this.historyEntries = apiId === undefined ? [] : this.historyEntries.filter((h) => h.apiId !== apiId);
    this.saveHistory();
    this.emit('history', apiId);
  }

  private remember(apiId: string, values: DraftValues, run: Run): void {
    const entry = toHistory(apiId, values, run);
    const cutoff = this.now() - HISTORY_MAX_AGE_MS;
    const others = this.historyEntries.filter((h) => h.at >= cutoff && h.runId !== entry.runId);
    const mine = [entry, ...others.filter((h) => h.apiId === apiId)].slice(0, HISTORY_PER_API);
    this.historyEntries = [...mine, ...others.filter((h) => h.apiId !== apiId)].sort((a, b) => b.at - a.at);
    this.saveHistory();
    this.emit('history', apiId);
  }

  // Carried ids ------------------------------------------------------------------------------

  /** Recent values of an id-like name seen in responses, newest first (e.g. `conversation_id`). */
  carried(name: string): string[] {
    return this.carriedIds.get(name) ?? [];
  }

  private collectIds(apiId: string, run: Run): void {
    const found: Array<[string, string]> = [];
    // `data.id` of conversations.create is a conversation id: the resource is the API id's last noun.
    const parts = apiId.split('.');
    const resource = (parts.length > 1 ? parts[parts.length - 2]! : parts[0]!).replace(/s$/, '');
    const visit = (node: unknown, key: string, depth: number): void => {
      if (depth > 6 || found.length > 200) return;
      if (Array.isArray(node)) {
        for (const item of node.slice(0, 20)) visit(item, key, depth + 1);
        return;
      }
      if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
          // A bare `id` takes its name from its parent (`conversation: {id}` → conversation_id).
          const owner = key === 'data' || key === '' ? resource : key;
          const name = k === 'id' && !CARRIED.test(owner) ? `${owner.replace(/s$/, '')}_id` : k;
          visit(v, name, depth + 1);
        }
        return;
      }
      if ((typeof node === 'string' || typeof node === 'number') && CARRIED.test(key) && String(node).length >= 4) found.push([key, String(node)]);
    };
    if (run.body?.kind === 'json') visit(run.body.value, '', 0);
    for (const e of run.events.slice(0, 5)) visit(e.json(), '', 0);
    if (!found.length) return;
    for (const [name, value] of found) {
      const list = this.carriedIds.get(name) ?? [];
      this.carriedIds.set(name, [value, ...list.filter((v) => v !== value)].slice(0, 5));
    }
    this.emit('carried');
  }

  // Storage ----------------------------------------------------------------------------------

  /** Says something about saved state once (the form shows notices until dismissed). */
  notify(key: SessionNoticeKey, detail?: string): void {
    if (this.notices.some((n) => n.key === key)) return;
    this.notices.push({ key, ...(detail ? { detail } : {}) });
    this.emit('notice');
  }

  private load(): void {
    this.dropOutdated();
    const drafts = this.read(STORAGE_KEYS.drafts, 'drafts-reset');
    if (drafts && typeof drafts === 'object' && !Array.isArray(drafts)) {
      const entries = Object.entries(drafts as Record<string, unknown>);
      for (const [id, v] of entries) if (isValues(v)) this.drafts.set(id, v);
      // Drafts in a shape this version does not know (an older one) are dropped, and the rest kept.
      if (this.drafts.size < entries.length) {
        this.notify('drafts-reset', `${entries.length - this.drafts.size} draft(s) in an unknown shape`);
        this.saveDrafts();
      }
    } else if (drafts !== undefined) this.discard(STORAGE_KEYS.drafts, 'drafts-reset', 'not a map of drafts');
    const history = this.read(STORAGE_KEYS.history, 'history-reset');
    if (Array.isArray(history)) {
      this.historyEntries = history.filter(isHistoryEntry);
      if (this.historyEntries.length < history.length) {
        this.notify('history-reset', `${history.length - this.historyEntries.length} run(s) in an unknown shape`);
        this.saveHistory();
      }
    } else if (history !== undefined) this.discard(STORAGE_KEYS.history, 'history-reset', 'not a list of runs');
  }

  /** Drafts or history saved under an older version's key are removed (they would only use up the quota). */
  private dropOutdated(): void {
    if (!this.storage) return;
    const keys: string[] = [];
    try {
      for (let i = 0; i < this.storage.length; i++) keys.push(this.storage.key(i) ?? '');
    } catch {
      return;
    }
    for (const key of keys) {
      const match = VERSIONED_KEY.exec(key);
      if (!match) continue;
      const kind = match[1] as keyof typeof STORAGE_KEYS;
      const current = Number(VERSIONED_KEY.exec(STORAGE_KEYS[kind])![2]);
      if (Number(match[2]) < current) this.discard(key, kind === 'drafts' ? 'drafts-reset' : 'history-reset', `saved by an older version (${key})`);
    }
  }

  private read(key: string, notice: 'drafts-reset' | 'history-reset'): unknown {
    if (!this.storage) return undefined;
    let text: string | null;
    try {
      text = this.storage.getItem(key);
    } catch {
      return undefined;
    }
    if (text === null) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      this.discard(key, notice, 'not valid JSON');
      return undefined;
    }
  }

  private discard(key: string, notice: 'drafts-reset' | 'history-reset', detail: string): void {
    this.notify(notice, detail);
    try {
      this.storage?.removeItem(key);
    } catch {
      // Storage that cannot even remove is read-only; nothing more to do.
    }
  }

  private write(key: string, value: unknown): void {
    if (!this.storage) return;
    try {
      this.storage.setItem(key, JSON.stringify(value));
    } catch (err) {
      // Quota exceeded (or storage disabled): keep working in memory and say so once.
      this.notify('storage-full', (err as Error)?.name);
    }
  }

  private saveDrafts(): void {
    const out: Record<string, DraftValues> = {};
    for (const [id, v] of this.drafts) out[id] = storable(v);
    this.write(STORAGE_KEYS.drafts, out);
  }

  private saveHistory(): void {
    this.write(STORAGE_KEYS.history, this.historyEntries);
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function isValues(v: unknown): v is DraftValues {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return ['path', 'query', 'header', 'body'].every((k) => r[k] && typeof r[k] === 'object' && !Array.isArray(r[k])) && (r['bodyText'] === undefined || typeof r['bodyText'] === 'string');
}

function isHistoryEntry(v: unknown): v is HistoryEntry {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return typeof r['runId'] === 'string' && typeof r['apiId'] === 'string' && typeof r['at'] === 'number' && isValues(r['values']) && !!r['request'] && typeof r['request'] === 'object';
}

/** Files cannot be stored: keep their name so the form can say which file to pick again. */
function storable(values: DraftValues): DraftValues {
  const replace = (node: unknown): unknown => {
    if (typeof Blob !== 'undefined' && node instanceof Blob) return { $file: node instanceof File ? node.name : 'blob', size: node.size };
    if (Array.isArray(node)) return node.map(replace);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, replace(v)]));
    return node;
  };
  return replace(values) as DraftValues;
}

function cut(text: string): { text: string; truncated: boolean } {
  return text.length > HISTORY_BODY_CHARS ? { text: text.slice(0, HISTORY_BODY_CHARS), truncated: true } : { text, truncated: false };
}

function toHistory(apiId: string, values: DraftValues, run: Run): HistoryEntry {
  const body = run.body;
  let stored: HistoryEntry['body'];
  if (body?.kind === 'json') stored = { kind: 'json', ...cut(body.text) };
  else if (body?.kind === 'text') stored = { kind: 'text', ...cut(body.text) };
  else if (body?.kind === 'binary') stored = { kind: 'binary', contentType: body.contentType, size: body.blob.size };
  else if (body) stored = { kind: body.kind };
  const events = run.events.slice(0, HISTORY_EVENTS).map((e: StreamEvent) => ({ event: e.event, data: e.data, at: e.at, ...(e.id !== undefined ? { id: e.id } : {}) }));
  return {
    runId: run.id,
    apiId,
    at: run.startedAt,
    values: storable(values),
    request: run.request,
    size: run.size,
    ...(run.status !== undefined ? { status: run.status } : {}),
    ...(run.logid ? { logid: run.logid } : {}),
    ...(run.ttfbMs !== undefined ? { ttfbMs: run.ttfbMs } : {}),
    ...(run.totalMs !== undefined ? { totalMs: run.totalMs } : {}),
    ...(run.contentType ? { contentType: run.contentType } : {}),
    ...(stored ? { body: stored } : {}),
    ...(events.length ? { events, eventsTruncated: run.events.length > HISTORY_EVENTS } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}

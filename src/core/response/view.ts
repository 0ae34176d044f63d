/**
 * One shape for what a response panel shows, whether it is a live run or an entry of the run
 * history, plus the small formatting rules (sizes, durations, status families, file names).
 */
import type { HistoryEntry } from '../session.js';
import type { ResponseBody, Run, StreamEvent } from '../transport/types.js';

/** A stream event as the panel shows it: a live event, or one kept in history (same fields). */
export type ViewEvent = Pick<StreamEvent, 'index' | 'event' | 'data' | 'at' | 'id' | 'json'>;

export type ViewBody = ResponseBody | { kind: 'binary-meta'; contentType: string; size: number };

/** A live run or a history entry, in the run's own shape (history may lack a full body or all events). */
export interface RunView extends Omit<Run, 'id' | 'body' | 'events'> {
  /** The run id (live `run-3`, or the history entry's run id). */
  key: string;
  source: 'live' | 'history';
  body?: ViewBody;
  /** Live: the run's own (growing) list; history: the kept events. */
  events: readonly ViewEvent[];
  /** History keeps bodies and streams cut to a limit. */
  bodyTruncated?: boolean;
  eventsTruncated?: boolean;
}

export function viewOfRun(run: Run): RunView {
  return {
    key: run.id,
    source: 'live',
    state: run.state,
    request: run.request,
    headers: run.headers,
    startedAt: run.startedAt,
    size: run.size,
    events: run.events as readonly StreamEvent[],
    ...(run.status !== undefined ? { status: run.status } : {}),
    ...(run.statusText ? { statusText: run.statusText } : {}),
    ...(run.contentType ? { contentType: run.contentType } : {}),
    ...(run.logid ? { logid: run.logid } : {}),
    ...(run.ttfbMs !== undefined ? { ttfbMs: run.ttfbMs } : {}),
    ...(run.firstEventMs !== undefined ? { firstEventMs: run.firstEventMs } : {}),
    ...(run.totalMs !== undefined ? { totalMs: run.totalMs } : {}),
    ...(run.body ? { body: run.body } : {}),
    ...(run.error ? { error: run.error } : {}),
    ...(run.coze ? { coze: run.coze } : {}),
  };
}

function parsed(data: string): () => unknown {
  let cache: { value: unknown } | undefined;
  return () => {
    if (!cache) {
      try {
        cache = { value: JSON.parse(data) };
      } catch {
        cache = { value: undefined };
      }
    }
    return cache.value;
  };
}

const historyViews = new WeakMap<HistoryEntry, RunView>();

/** The view of a history entry (computed once per entry). */
export function viewOfHistory(entry: HistoryEntry): RunView {
  const cached = historyViews.get(entry);
  if (cached) return cached;
  let body: ViewBody | undefined;
  let bodyTruncated = false;
  const stored = entry.body;
  const contentType = entry.contentType ?? '';
  if (stored?.kind === 'json') {
    bodyTruncated = stored.truncated;
    let value: unknown;
    let ok = !stored.truncated;
    if (ok) {
      try {
        value = JSON.parse(stored.text);
      } catch {
        ok = false;
      }
    }
    body = ok ? { kind: 'json', value, text: stored.text } : { kind: 'text', text: stored.text, contentType: contentType || 'application/json' };
  } else if (stored?.kind === 'text') {
    bodyTruncated = stored.truncated;
    body = { kind: 'text', text: stored.text, contentType: contentType || 'text/plain' };
  } else if (stored?.kind === 'binary') {
    body = { kind: 'binary-meta', contentType: stored.contentType, size: stored.size };
  } else if (stored) {
    body = { kind: stored.kind };
  }
  const events: ViewEvent[] = (entry.events ?? []).map((e, index) => ({ index, event: e.event, data: e.data, at: e.at, ...(e.id !== undefined ? { id: e.id } : {}), json: parsed(e.data) }));
  const view: RunView = {
    key: entry.runId,
    source: 'history',
    state: entry.error ? 'error' : 'done',
    request: entry.request,
    headers: {},
    startedAt: entry.at,
    size: entry.size,
    events,
    ...(entry.status !== undefined ? { status: entry.status } : {}),
    ...(entry.contentType ? { contentType: entry.contentType } : {}),
    ...(entry.logid ? { logid: entry.logid } : {}),
    ...(entry.ttfbMs !== undefined ? { ttfbMs: entry.ttfbMs } : {}),
    ...(entry.totalMs !== undefined ? { totalMs: entry.totalMs } : {}),
    ...(body ? { body } : {}),
    ...(entry.error ? { error: entry.error } : {}),
    ...(bodyTruncated ? { bodyTruncated } : {}),
    ...(entry.eventsTruncated ? { eventsTruncated: true } : {}),
  };
  historyViews.set(entry, view);
  return view;
}

export type StatusFamily = 'info' | 'success' | 'redirect' | 'client' | 'server' | 'none';

export function statusFamily(status: number | undefined): StatusFamily {
  if (status === undefined) return 'none';
  if (status < 200) return 'info';
  if (status < 300) return 'success';
  if (status < 400) return 'redirect';
  if (status < 500) return 'client';
  return 'server';
}


const EXTENSIONS: Array<[RegExp, string]> = [
  [/json/, 'json'],
  [/event-stream/, 'sse.txt'],
  [/html/, 'html'],
  [/^text\//, 'txt'],
  [/audio\/(x-)?wav|audio\/wave/, 'wav'],
  [/audio\/(mpeg|mp3)/, 'mp3'],
  [/audio\/ogg|opus/, 'ogg'],
  [/audio\/pcm|audio\/l16/, 'pcm'],
  [/audio\/aac/, 'aac'],
  [/audio\/flac/, 'flac'],
  [/image\/png/, 'png'],
  [/image\/jpe?g/, 'jpg'],
  [/image\/gif/, 'gif'],
  [/image\/webp/, 'webp'],
  [/pdf/, 'pdf'],
  [/zip/, 'zip'],
];

export function extensionFor(contentType: string | undefined): string {
  const type = (contentType ?? '').toLowerCase();
  return EXTENSIONS.find(([re]) => re.test(type))?.[1] ?? 'bin';
}

/** `audio-speech-create-20250101-093000.wav`: the API, when it ran, and an extension from the type. */
export function downloadName(apiId: string | undefined, contentType: string | undefined, at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  const base = (apiId || 'coze-response').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${base}-${stamp}.${extensionFor(contentType)}`;
}

/** A stream written back in the `text/event-stream` format (for download). */
export function eventStreamText(events: readonly ViewEvent[]): string {
  let out = '';
  for (const e of events) {
    if (e.id !== undefined) out += `id: ${e.id}\n`;
    out += `event: ${e.event}\n`;
    for (const line of e.data.split('\n')) out += `data: ${line}\n`;
    out += '\n';
  }
  return out;
}

/** Whether a content type is an HTML page (shown as text, never rendered). */
export function isHtml(contentType: string | undefined): boolean {
  return /html/i.test(contentType ?? '');
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { curlCommand } from '../../core/code/curl.js';
import { prettyArguments, StreamAssembler, type ChatAssembly, type ToolCall, type WorkflowAssembly } from '../../core/response/assemble.js';
import { indentJson } from '../../core/response/json-text.js';
import { losslessJson } from '../../core/response/json-tree.js';
import { textSegments } from '../../core/response/segments.js';
import { formatBytes, formatMs } from '../../core/format.js';
import { downloadName, eventStreamText, isHtml, statusFamily, viewOfHistory, viewOfRun, type RunView, type ViewBody, type ViewEvent } from '../../core/response/view.js';
import { bodyJson, type DraftValues } from '../../core/request/build.js';
import type { RunHandle, TransportError } from '../../core/transport/types.js';
import { pick, type MessageKey, registerMessages } from '../../i18n/index.js';
import { PlaygroundConsumer } from '../shared/consumer.js';
import { styles } from './coze-api-response.styles.js';
import { EventTimeline, renderTokens } from './event-timeline.js';
import { JsonTreeView } from './json-tree-view.js';
import * as responseStrings from '../../i18n/parts/response.js';

registerMessages(responseStrings);

/** What a copy button copied. */
export type CopyKind = 'curl' | 'logid' | 'body' | 'answer';

declare global {
  interface HTMLElementEventMap {
    /** Something was copied to the clipboard; `detail.text` is what (never the token). */
    'coze-copy': CustomEvent<{ kind: CopyKind; text: string }>;
    /** A follow-up suggestion was chosen; cancel it to stop it from filling the chat request. */
    'coze-follow-up': CustomEvent<{ api: string; text: string; conversationId?: string }>;
  }
}

/** Text bodies longer than this show their beginning (the download has all of it). */
const TEXT_PREVIEW_CHARS = 200_000;
/** Stream events taken into the answer and the timeline per animation frame: at most this many… */
const FEED_PER_FRAME = 2000;
/** …and for at most this long (ms), checked every 64 events. */
const FEED_MS = 8;
/** How long the outcome of a cancel stays on screen, ms. */
const CANCEL_NOTICE_MS = 8_000;
/** Bot chat APIs: Stop also cancels their chat on the server (`/v3/chat/cancel`); follow-ups fill the next `chat.create`. */
const CHAT_APIS = new Set(['chat.create', 'chat.submitToolOutputs']);

/** Error kinds whose explanation does not already say that what arrived is kept. */
const KEPT_NOTE = new Set<TransportError['kind']>(['coze', 'http', 'stream-error']);

/** Links from a response are followed only when they are web pages (never `javascript:`). */
const safeUrl = (url: string | undefined): boolean => !!url && /^https?:\/\//i.test(url);

/** Per shown run: what the user opened and typed, and the work done on its events so far. */
interface RunUi {
  assembler: StreamAssembler;
  fed: number;
  events: readonly ViewEvent[] | undefined;
  timeline: EventTimeline;
  tree?: JsonTreeView;
  treeSource?: unknown;
  raw: boolean;
  reasoningOpen: boolean;
  outputs: Map<string, string>;
  missing: Set<string>;
  submitProblem?: string;
  cancel?: { state: 'pending' | 'done' | 'failed'; text: string };
}

/**
 * The response of an API run: status, timing, size and log id; the request as sent (with copy as
 * curl, never the token); response headers; and the body — JSON as a collapsible, windowed tree,
 * text (HTML error pages as text, never rendered), an audio player for speech, a download for
 * anything. Streams show a live, windowed event timeline and what the events add up to: a chat's
 * answer (reasoning apart, follow-ups, usage, time to first token) or a workflow's output, with a
 * form for `requires_action` tool calls that continues the chat, and a Stop button that aborts the
 * stream and cancels the chat. Errors are explained in words, with what arrived before them kept.
 *
 * It shows the API named by `api`, else the session's selected API: its live run, or the history
 * entry the session is showing.
 *
 * @tagname coze-api-response
 * @summary The response panel: summary, request, headers, and the body, tree or stream, of an API run.
 *
 * @csspart base - The whole panel.
 * @csspart summary - Status, time, size, log id and content type.
 * @csspart request - The request as sent (collapsible), with copy as curl.
 * @csspart headers - The response headers (collapsible table).
 * @csspart body - The response body area.
 * @csspart json - The JSON tree.
 * @csspart events - The event timeline of a stream.
 * @csspart answer - The assembled answer (chat) or output (workflow) of a stream.
 * @csspart reasoning - The reasoning box of a thinking model.
 * @csspart tool-form - The form that submits tool outputs of `requires_action`.
 * @csspart error - The explanation of a failed run.
 * @csspart audio - The audio player of a speech response.
 *
 * @cssprop [--coze-color-bg=#ffffff] - Background (dark: #17181c).
 * @cssprop [--coze-color-surface=#f7f8fa] - Panels, inputs and code blocks (dark: #202227).
 * @cssprop [--coze-color-text=#1f2329] - Text (dark: #e8eaed).
 * @cssprop [--coze-color-text-muted=#5c6370] - Secondary text (dark: #a3a8b3).
 * @cssprop [--coze-color-border=#dee0e3] - Borders and separators (dark: #3a3d45).
 * @cssprop [--coze-color-accent=#4d53e8] - Accent: selection, primary buttons, links (dark: #8f94ff).
 * @cssprop [--coze-color-accent-text=#ffffff] - Text on the accent colour (dark: #0f1014).
 * @cssprop [--coze-color-danger=#c62828] - Errors (dark: #ff8a80).
 * @cssprop [--coze-color-danger-bg=#fdecec] - Background of error messages (dark: #3b1f1f).
 * @cssprop [--coze-color-warning=#8a5a00] - Warnings (dark: #ffd27a).
 * @cssprop [--coze-color-warning-bg=#fff4d6] - Background of warnings (dark: #3a3020).
 * @cssprop [--coze-color-success=#1b7f3b] - Success, e.g. 2xx statuses (dark: #7ddc9a).
 * @cssprop [--coze-focus-ring=0 0 0 2px #4d53e8] - Focus indicator, a box-shadow (dark: 0 0 0 2px #8f94ff).
 * @cssprop [--coze-font-sans=system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif] - Text font, with CJK faces.
 * @cssprop [--coze-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace] - Code font.
 * @cssprop [--coze-response-body-height=440px] - Height of the JSON tree and the event timeline before they scroll.
 * @cssprop [--coze-response-json-key=#7a3e9d] - JSON keys.
 * @cssprop [--coze-response-json-string=#1b7f3b] - JSON strings.
 * @cssprop [--coze-response-json-number=#1750c6] - JSON numbers.
 * @cssprop [--coze-response-json-boolean=#b4235a] - JSON booleans.
 * @cssprop [--coze-response-json-null=#5c6370] - JSON null.
 *
 * @fires coze-run - Retry (or Ctrl/Cmd+Enter inside the panel) is about to run the API; cancelable.
 * @fires coze-copy - A copy button copied something; `detail.kind` and `detail.text`.
 * @fires coze-follow-up - A follow-up suggestion was chosen; cancelable (by default it fills the chat request).
 */
export class CozeApiResponse extends PlaygroundConsumer {
  static override styles = styles;

  /** The catalogue id of the API to show (e.g. `chat.create`); empty: the session's selected API. */
  @property({ reflect: true }) api = '';

  /** Bumped once per animation frame while a shown run changes. */
  @state() private frame = 0;
  /** A short status message (copied, follow-up added…), announced politely. */
  @state() private notice = '';

  private readonly ui = new Map<string, RunUi>();
  /** The run that continued a chat after its tool outputs were submitted, by the chat run's key. */
  private readonly continuations = new Map<string, RunHandle>();
  private readonly subscriptions = new Map<RunHandle, () => void>();
  private raf = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private shownKey = '';
  private current: { apiId: string | undefined; handle: RunHandle | undefined; view: RunView | undefined } = { apiId: undefined, handle: undefined, view: undefined };
  private audio: { blob: Blob; url: string } | undefined;

  // Lifecycle ----------------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const unsubscribe of this.subscriptions.values()) unsubscribe();
    this.subscriptions.clear();
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.stopTicker();
    clearTimeout(this.noticeTimer);
    this.revokeAudio();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached: follow the runs again.
    if (this.hasUpdated) this.requestUpdate();
  }

  private get apiId(): string | undefined {
    return this.api || this.session.selectedId;
  }

  /** What is shown, as a key: when only run progress changed, the frame-batched render suffices. */
  private displayKey(): string {
    const id = this.apiId;
    const shown = id ? this.session.shown(id) : undefined;
    const handle = id && !shown ? this.session.run(id) : undefined;
    return `${id ?? ''}|${shown?.runId ?? ''}|${handle?.id ?? ''}|${this.catalog ? 1 : 0}`;
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const keys = [...(changed as Map<PropertyKey, unknown>).keys()];
    if (this.hasUpdated && keys.length === 1 && keys[0] === 'sessionVersion' && this.displayKey() === this.shownKey) return false;
    return super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.shownKey = this.displayKey();
    const apiId = this.apiId;
    const shown = apiId ? this.session.shown(apiId) : undefined;
    const handle = apiId && !shown ? this.session.run(apiId) : undefined;
    const view = shown ? viewOfHistory(shown) : handle ? viewOfRun(handle.run) : undefined;
    this.current = { apiId, handle, view };
    // Follow the shown run and the continuations it led to; forget the state of runs no longer shown.
    const keep = new Set<string>();
    if (view) keep.add(view.key);
    this.track(handle);
    for (let c = view ? this.continuations.get(view.key) : undefined; c; c = this.continuations.get(c.id)) {
      keep.add(c.id);
      this.track(c);
    }
    this.prune(keep);
    this.syncAudio(view?.body);
  }

  /** Follows a live run: one render per animation frame however fast its events come. */
  private track(handle: RunHandle | undefined): void {
    if (!handle || this.subscriptions.has(handle)) return;
    const live = handle.run.state === 'pending' || handle.run.state === 'streaming';
    if (!live) return;
    const unsubscribe = handle.subscribe((run) => {
      this.scheduleFrame();
      if (run.state === 'done' || run.state === 'error') {
        this.subscriptions.get(handle)?.();
        this.subscriptions.delete(handle);
      }
    });
    this.subscriptions.set(handle, unsubscribe);
    this.startTicker();
  }

  private scheduleFrame(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.frame++;
    });
  }

  /** Keeps the elapsed time moving while something is pending, even when no byte arrives. */
  private startTicker(): void {
    this.ticker ??= setInterval(() => {
      if (this.subscriptions.size === 0) this.stopTicker();
      this.scheduleFrame();
    }, 250);
  }

  private stopTicker(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private uiFor(key: string): RunUi {
    let ui = this.ui.get(key);
    if (!ui) {
      ui = { assembler: new StreamAssembler(), fed: 0, events: undefined, timeline: new EventTimeline(this), raw: false, reasoningOpen: true, outputs: new Map(), missing: new Set() };
      this.ui.set(key, ui);
    }
    return ui;
  }

  /** Forgets the state of runs no longer shown (the shown run and its continuations stay). */
  private prune(keep: Set<string>): void {
    for (const [key, ui] of this.ui) {
      if (keep.has(key)) continue;
      ui.timeline.dispose();
      ui.tree?.dispose();
      this.ui.delete(key);
    }
  }

  /** The assembled stream of a run, fed with the events that arrived since the last render. */
  private assembled(view: RunView, ui: RunUi) {
    if (ui.events !== view.events) {
      ui.assembler = new StreamAssembler();
      ui.fed = 0;
      ui.events = view.events;
    }
    // A bounded slice per frame (by count and by time): 10,000 events arriving at once never make one
    // long task, on a fast machine or a slow one.
    const until = Math.min(view.events.length, ui.fed + FEED_PER_FRAME);
    const started = performance.now();
    for (; ui.fed < until; ui.fed++) {
      ui.assembler.push(view.events[ui.fed]!);
      if ((ui.fed & 63) === 63 && performance.now() - started > FEED_MS) {
        ui.fed++;
        break;
      }
    }
    if (ui.fed < view.events.length) this.scheduleFrame();
    return ui.assembler.result;
  }

  // Actions ------------------------------------------------------------------------------------

  private say(text: string): void {
    this.notice = text;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = ''), 4000);
  }

  private async copy(kind: CopyKind, text: string): Promise<void> {
    let ok = false;
    try {
      // Without permission some browsers never settle: give up after a second and use the fallback.
      await Promise.race([navigator.clipboard.writeText(text), new Promise((_, reject) => setTimeout(() => reject(new Error('clipboard timeout')), 1000))]);
      ok = true;
    } catch {
      // No clipboard permission (an iframe, an old browser): the selection-based fallback.
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
      this.renderRoot.appendChild(area);
      area.select();
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
    }
    this.dispatchEvent(new CustomEvent('coze-copy', { detail: { kind, text }, bubbles: true, composed: true }));
    this.say(this.t(ok ? 'response.copied' : 'response.copyFailed'));
  }

  private download(data: Blob, name: string): void {
    const url = URL.createObjectURL(data);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  private downloadBody(view: RunView): void {
    const body = view.body;
    const name = downloadName(this.apiId, view.contentType ?? (body?.kind === 'json' ? 'application/json' : undefined), view.startedAt);
    if (!body) return;
    if (body.kind === 'binary') this.download(body.blob, name);
    else if (body.kind === 'json' || body.kind === 'text') this.download(new Blob([body.text], { type: view.contentType ?? 'text/plain' }), name);
    else if (body.kind === 'sse') this.download(new Blob([eventStreamText(view.events)], { type: 'text/event-stream' }), downloadName(this.apiId, 'text/event-stream', view.startedAt));
  }

  private retry(): void {
    const entry = this.endpoint(this.apiId);
    if (entry) this.requestRun(entry);
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.retry();
    }
  };

  /** Stop: cancels the chat on the server when it can (so that it stops generating), then aborts the stream. */
  private async stop(handle: RunHandle, apiId: string, ui: RunUi): Promise<void> {
    const chat = ui.assembler.result;
    if (CHAT_APIS.has(apiId) && chat.kind === 'chat' && chat.conversationId && chat.chatId && handle.run.state === 'streaming') {
      ui.cancel = { state: 'pending', text: this.t('response.cancel.pending') };
      this.scheduleFrame();
      const cancel = this.transport.send({ method: 'POST', path: '/v3/chat/cancel', body: { kind: 'json', value: { conversation_id: chat.conversationId, chat_id: chat.chatId } } });
      const run = await Promise.race([cancel.done, new Promise<undefined>((r) => setTimeout(r, 3000))]);
      handle.abort();
      if (!run) {
        cancel.abort();
        ui.cancel = { state: 'failed', text: this.t('response.cancel.timeout') };
      } else if (run.error) {
        ui.cancel = { state: 'failed', text: this.t('response.cancel.failed', { reason: run.error.serviceMessage ?? pick(run.error.message, this.locale) }) };
      } else {
        const data = (run.body?.kind === 'json' ? (run.body.value as { data?: { status?: string } })?.data : undefined) ?? {};
        ui.cancel = { state: 'done', text: this.t('response.cancel.done', { status: data.status ?? 'canceled' }) };
      }
      const shown = ui.cancel;
      setTimeout(() => {
        if (ui.cancel === shown) {
          delete ui.cancel;
          this.scheduleFrame();
        }
      }, CANCEL_NOTICE_MS);
    } else {
      handle.abort();
    }
    this.scheduleFrame();
  }

  private submitToolOutputs(chat: ChatAssembly, ui: RunUi, key: string): void {
    ui.missing = new Set(chat.toolCalls.filter((c) => !(ui.outputs.get(c.id) ?? '').trim()).map((c) => c.id));
    delete ui.submitProblem;
    if (ui.missing.size) {
      this.requestUpdate();
      const first = chat.toolCalls.find((c) => ui.missing.has(c.id));
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>(`textarea[data-call="${CSS.escape(first?.id ?? '')}"]`)?.focus());
      return;
    }
    const submitEntry = this.endpoint('chat.submitToolOutputs');
    if (!submitEntry || !chat.conversationId || !chat.chatId) {
      ui.submitProblem = this.t('response.tools.unavailable');
      this.requestUpdate();
      return;
    }
    const values: DraftValues = {
      path: {},
      query: { conversation_id: chat.conversationId, chat_id: chat.chatId },
      header: {},
      body: { stream: true, tool_outputs: chat.toolCalls.map((c) => ({ tool_call_id: c.id, output: ui.outputs.get(c.id) ?? '' })) },
    };
    this.session.setValues('chat.submitToolOutputs', values);
    const handle = this.session.send(submitEntry, this.transport);
    this.continuations.set(key, handle);
    // Keep a few: enough to come back to recent chats, never a growing list.
    if (this.continuations.size > 20) this.continuations.delete(this.continuations.keys().next().value!);
    this.track(handle);
    this.requestUpdate();
  }

  /** A follow-up suggestion becomes the next question of the chat request (in the same conversation). */
  private followUp(text: string, chat: ChatAssembly): void {
    const api = 'chat.create';
    const event = new CustomEvent('coze-follow-up', { detail: { api, text, ...(chat.conversationId ? { conversationId: chat.conversationId } : {}) }, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return;
    const entry = this.endpoint(api);
    if (!entry) return;
    const values = structuredClone(this.session.values(entry));
    if (chat.conversationId) values.query = { ...values.query, conversation_id: chat.conversationId };
    const question = [{ role: 'user', content: text, content_type: 'text' }];
    // Where the user edits the raw JSON body, the question goes into that text.
    const raw = values.bodyText !== undefined ? bodyJson(values) : undefined;
    if (raw && 'value' in raw && raw.value && typeof raw.value === 'object' && !Array.isArray(raw.value)) {
      values.bodyText = JSON.stringify({ ...(raw.value as Record<string, unknown>), additional_messages: question }, null, 2);
    } else {
      delete values.bodyText;
    }
    values.body = { ...values.body, additional_messages: question };
    this.session.setValues(api, values);
    this.say(this.t('response.followUp.added'));
  }

  // Rendering ----------------------------------------------------------------------------------

  protected override render() {
    const { apiId, handle, view } = this.current;
    const state = view ? view.state : 'empty';
    return html`<section part="base" class="base" data-state=${state} aria-label=${this.t('response.title')} @keydown=${this.onKeydown}>
      ${this.renderHeader(view, handle, apiId)}
      <div class="sr-only" role="status" aria-live="polite">${this.notice || this.announce(view)}</div>
      ${view ? this.renderRun(view, apiId) : this.renderEmpty(apiId)}
    </section>`;
  }

  private announce(view: RunView | undefined): string {
    if (!view) return '';
    switch (view.state) {
      case 'pending':
        return this.t('response.state.pending');
      case 'streaming':
        return this.t('response.state.streaming');
      case 'done':
        return this.t('response.state.done', { status: view.status ?? '', time: formatMs(view.totalMs, this.locale) });
      case 'error':
        return this.t('response.state.error');
    }
  }

  private renderHeader(view: RunView | undefined, handle: RunHandle | undefined, apiId: string | undefined) {
    // The live run to stop: the shown run, or the continuation it led to.
    let live: { handle: RunHandle; api: string; ui: RunUi } | undefined;
    if (handle && view) {
      let h: RunHandle | undefined = handle;
      let api = apiId ?? '';
      while (h) {
        const ui = this.uiFor(h.id);
        if (h.run.state === 'pending' || h.run.state === 'streaming') live = { handle: h, api, ui };
        h = this.continuations.get(h.id);
        api = 'chat.submitToolOutputs';
      }
    }
    return html`<header class="head">
      <h2 class="title">${this.t('response.title')}</h2>
      ${view?.source === 'history' ? html`<span class="badge history">${this.t('response.history', { time: new Date(view.startedAt).toLocaleString(this.locale) })}</span>` : nothing}
      <span class="spacer"></span>
      ${live ? html`<button class="btn danger" @click=${() => void this.stop(live.handle, live.api, live.ui)} ?disabled=${live.ui.cancel?.state === 'pending'}>${this.t('response.stop')}</button>` : nothing}
    </header>`;
  }

  private renderEmpty(apiId: string | undefined) {
    return html`<div class="empty">
      <p class="empty-title">${apiId ? this.t('response.empty.title') : this.t('response.empty.noApi')}</p>
      ${apiId ? html`<p class="empty-hint">${this.t('response.empty.hint')} <kbd>Ctrl</kbd> + <kbd>Enter</kbd></p>` : nothing}
    </div>`;
  }

  private renderRun(view: RunView, apiId: string | undefined): TemplateResult {
    const ui = this.uiFor(view.key);
    return html`${view.state === 'pending' ? this.renderPending(view) : this.renderSummary(view)}
      ${view.error ? this.renderError(view.error, view, !!this.endpoint(apiId)) : nothing} ${this.renderRequest(view)}
      ${view.state !== 'pending' ? this.renderHeaders(view) : nothing} ${view.state !== 'pending' ? this.renderBody(view, ui) : nothing}`;
  }

  private renderPending(view: RunView) {
    const elapsed = Math.max(0, Date.now() - view.startedAt);
    return html`<div part="summary" class="summary pending">
      <span class="spinner" aria-hidden="true"></span>
      <span>${this.t('response.waiting')}</span>
      <span class="elapsed">${formatMs(elapsed, this.locale)}</span>
    </div>`;
  }

  private renderSummary(view: RunView) {
    const family = statusFamily(view.status);
    const streaming = view.state === 'streaming';
    const total = streaming ? Date.now() - view.startedAt : view.totalMs;
    return html`<dl part="summary" class="summary">
      <div class="fact">
        <dt>${this.t('response.status')}</dt>
        <dd><span class="status ${family}">${view.status ?? '–'}${view.statusText ? ` ${view.statusText}` : ''}</span>${streaming ? html` <span class="live">${this.t('response.streaming')}</span>` : nothing}</dd>
      </div>
      <div class="fact">
        <dt>${this.t('response.time')}</dt>
        <dd>
          <abbr title=${this.t('response.ttfb.long')}>TTFB</abbr> ${formatMs(view.ttfbMs, this.locale)} · ${this.t('response.total')} ${formatMs(total, this.locale)}${view.firstEventMs !== undefined
            ? html` · ${this.t('response.firstEvent')} ${formatMs(view.firstEventMs, this.locale)}`
            : nothing}
        </dd>
      </div>
      <div class="fact">
        <dt>${this.t('response.size')}</dt>
        <dd>${formatBytes(view.size, this.locale)}</dd>
      </div>
      ${view.logid
        ? html`<div class="fact logid">
            <dt>x-tt-logid</dt>
            <dd><code>${view.logid}</code><button class="btn small" aria-label=${this.t('response.copyLogid')} @click=${() => void this.copy('logid', view.logid!)}>${this.t('response.copy')}</button></dd>
          </div>`
        : nothing}
      ${view.contentType
        ? html`<div class="fact">
            <dt>${this.t('response.contentType')}</dt>
            <dd><code>${view.contentType}</code></dd>
          </div>`
        : nothing}
    </dl>`;
  }

  private errorKind(error: TransportError): string {
    return this.t(`response.kind.${error.kind}` as MessageKey);
  }

  private renderError(error: TransportError, view: RunView | undefined, canRetry: boolean) {
    // The transport's own hint already says so for stops, cuts and timeouts.
    const arrived = KEPT_NOTE.has(error.kind) && view && (view.events.length > 0 || (view.body && view.body.kind !== 'empty' && view.body.kind !== 'sse'));
    // Stopping is the user's own doing: said calmly, not as an alarm.
    const stopped = error.kind === 'aborted';
    return html`<div part="error" class=${stopped ? 'error stopped' : 'error'} role=${stopped ? 'status' : 'alert'}>
      <p class="error-kind">${this.errorKind(error)}</p>
      <p class="error-message">${pick(error.message, this.locale)}</p>
      ${error.hint ? html`<p class="error-hint">${pick(error.hint, this.locale)}</p>` : nothing}
      <dl class="facts">
        ${error.status !== undefined ? html`<div><dt>${this.t('response.error.status')}</dt> <dd>${error.status}</dd></div>` : nothing}
        ${error.code !== undefined ? html`<div><dt>${this.t('response.error.code')}</dt> <dd><code>${error.code}</code></dd></div>` : nothing}
        ${error.serviceMessage ? html`<div><dt>${this.t('response.error.service')}</dt> <dd><code>${error.serviceMessage}</code></dd></div>` : nothing}
        ${error.logid ? html`<div><dt>logid</dt> <dd><code>${error.logid}</code></dd></div>` : nothing}
      </dl>
      ${arrived ? html`<p class="error-kept">${this.t('response.error.kept')}</p>` : nothing}
      ${canRetry ? html`<button class="btn primary" @click=${() => this.retry()}>${this.t('response.retry')}</button>` : nothing}
    </div>`;
  }

  private renderRequest(view: RunView) {
    const request = view.request;
    if (!request.url) return nothing;
    const token = this.session.token;
    const curl = () => curlCommand(request, { secrets: typeof token === 'string' ? [token] : [] });
    const body = request.body;
    return html`<details part="request" class="section">
      <summary><span class="section-title">${this.t('response.request')}</span> <code class="method">${request.method}</code> <code class="url">${request.url}</code></summary>
      <div class="section-body">
        <div class="toolbar"><button class="btn" @click=${() => void this.copy('curl', curl())}>${this.t('response.copyCurl')}</button></div>
        ${this.renderHeaderTable(request.headers, this.t('response.request.headers'))}
        ${typeof body === 'string'
          ? html`<pre class="code" tabindex="0" aria-label=${this.t('response.request.body')}>${renderTokens(indentJson(body, 1_000_000))}</pre>`
          : Array.isArray(body)
            ? html`<table class="kv">
                <caption>${this.t('response.request.form')}</caption>
                <tbody>
                  ${body.map((f) => html`<tr><th scope="row">${f.name}</th><td>${f.file ? `${f.file.name} · ${f.file.type || 'application/octet-stream'} · ${formatBytes(f.file.size, this.locale)}` : f.value}</td></tr>`)}
                </tbody>
              </table>`
            : body
              ? html`<p class="muted">${this.t('response.request.binary', { type: body.contentType, size: formatBytes(body.size, this.locale) })}</p>`
              : nothing}
      </div>
    </details>`;
  }

  private renderHeaderTable(headers: Record<string, string>, caption: string) {
    const entries = Object.entries(headers);
    return html`<table class="kv">
      <caption>${caption}</caption>
      <tbody>
        ${entries.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}
      </tbody>
    </table>`;
  }

  private renderHeaders(view: RunView) {
    const entries = Object.keys(view.headers);
    if (view.source === 'history' && !entries.length) return nothing;
    return html`<details part="headers" class="section">
      <summary><span class="section-title">${this.t('response.headers')}</span> <span class="muted">(${entries.length})</span></summary>
      <div class="section-body">${this.renderHeaderTable(view.headers, this.t('response.headers'))}</div>
    </details>`;
  }

  private renderBody(view: RunView, ui: RunUi) {
    const body = view.body;
    if (!body) return nothing;
    return html`<div part="body" class="body">${this.renderBodyContent(view, body, ui)}</div>`;
  }

  private renderBodyContent(view: RunView, body: ViewBody, ui: RunUi) {
    switch (body.kind) {
      case 'empty':
        return html`<p class="muted">${this.t('response.body.empty')}</p>`;
      case 'json':
        return this.renderJson(view, body, ui);
      case 'text':
        return this.renderText(view, body.text, body.contentType);
      case 'binary':
        return this.renderBinary(view, body.blob, body.contentType);
      case 'binary-meta':
        return html`<p class="muted">${this.t('response.binary.info', { type: body.contentType, size: formatBytes(body.size, this.locale) })}</p>
          <p class="muted">${this.t('response.binary.notKept')}</p>`;
      case 'sse':
        return this.renderStream(view, ui);
    }
  }

  private bodyToolbar(view: RunView, extra: TemplateResult | typeof nothing = nothing) {
    return html`<div class="toolbar" role="group" aria-label=${this.t('response.body')}>
      <h3 class="sub">${this.t('response.body')}</h3>
      ${extra}
      <span class="spacer"></span>
      <button class="btn" @click=${() => this.downloadBody(view)}>${this.t('response.download')}</button>
    </div>`;
  }

  private renderJson(view: RunView, body: { value: unknown; text: string }, ui: RunUi) {
    if (!ui.tree || ui.treeSource !== body) {
      ui.tree?.dispose();
      ui.tree = new JsonTreeView(this);
      ui.treeSource = body;
      ui.tree.setRoot(losslessJson(body.text, body.value));
    }
    const tree = ui.tree;
    const setRaw = (raw: boolean) => {
      ui.raw = raw;
      this.requestUpdate();
    };
    const toolbar = this.bodyToolbar(
      view,
      html`<div class="seg" role="group" aria-label=${this.t('response.view')}>
          <button class="btn" aria-pressed=${String(!ui.raw)} @click=${() => setRaw(false)}>${this.t('response.view.tree')}</button>
          <button class="btn" aria-pressed=${String(ui.raw)} @click=${() => setRaw(true)}>${this.t('response.view.raw')}</button>
        </div>
        ${ui.raw
          ? nothing
          : html`<button class="btn" @click=${() => tree.expandAll()}>${this.t('response.expandAll')}</button>
              <button class="btn" @click=${() => tree.collapseAll()}>${this.t('response.collapseAll')}</button>`}
        <button class="btn" @click=${() => void this.copy('body', body.text)}>${this.t('response.copyBody')}</button>`,
    );
    if (ui.raw) return html`${toolbar}${this.renderPreformatted(view, indentJson(body.text.length > TEXT_PREVIEW_CHARS ? body.text.slice(0, TEXT_PREVIEW_CHARS) : body.text), body.text.length, true)}`;
    return html`${toolbar}${view.bodyTruncated ? html`<p class="muted">${this.t('response.history.truncated')}</p>` : nothing}
      ${tree.render({
        label: this.t('response.json.label'),
        keys: (n) => (n === 1 ? this.t('response.json.keys.one') : this.t('response.json.keys', { n })),
        items: (n) => (n === 1 ? this.t('response.json.items.one') : this.t('response.json.items', { n })),
        more: (n, hidden) => this.t('response.json.more', { n, hidden }),
        all: (n) => this.t('response.json.all', { n }),
        openString: this.t('response.json.openString'),
        closeString: this.t('response.json.closeString'),
      })}`;
  }

  /** A `<pre>` of (the beginning of) a text, coloured when it is JSON. */
  private renderPreformatted(view: RunView, text: string, fullLength: number, json: boolean) {
    const cut = fullLength > TEXT_PREVIEW_CHARS;
    const shown = cut ? text.slice(0, TEXT_PREVIEW_CHARS) : text;
    return html`<pre class="code text" tabindex="0" aria-label=${this.t('response.body')}>${json ? renderTokens(shown) : shown}</pre>
      ${cut || view.bodyTruncated ? html`<p class="muted">${this.t('response.text.cut', { shown: formatBytes(TEXT_PREVIEW_CHARS, this.locale), total: formatBytes(view.size, this.locale) })}</p>` : nothing}`;
  }

  private renderText(view: RunView, text: string, contentType: string) {
    const html_ = isHtml(contentType);
    return html`${this.bodyToolbar(view)} ${html_ ? html`<p class="note">${this.t('response.html')}</p>` : nothing}
      ${this.renderPreformatted(view, text, text.length, /json/.test(contentType))}`;
  }

  private syncAudio(body: ViewBody | undefined): void {
    const blob = body?.kind === 'binary' && /^audio\//.test(body.contentType) ? body.blob : undefined;
    if (this.audio?.blob === blob) return;
    this.revokeAudio();
    if (blob) this.audio = { blob, url: URL.createObjectURL(blob) };
  }

  private revokeAudio(): void {
    if (this.audio) URL.revokeObjectURL(this.audio.url);
    this.audio = undefined;
  }

  private renderBinary(view: RunView, blob: Blob, contentType: string) {
    const name = downloadName(this.apiId, contentType, view.startedAt);
    const info = html`<p class="muted">${this.t('response.binary.info', { type: contentType, size: formatBytes(blob.size, this.locale) })}</p>`;
    if (this.audio && this.audio.blob === blob) {
      return html`<div class="audio-box">
        <audio part="audio" controls preload="metadata" src=${this.audio.url} aria-label=${this.t('response.audio.label')}></audio>
        <a class="btn" href=${this.audio.url} download=${name}>${this.t('response.audio.download', { name })}</a>
      </div>
      ${info}`;
    }
    return html`${info}${this.bodyToolbar(view)}`;
  }

  // Streams ------------------------------------------------------------------------------------

  private renderStream(view: RunView, ui: RunUi): TemplateResult {
    const assembly = this.assembled(view, ui);
    if (!ui.timeline.sync(view.events, FEED_PER_FRAME)) this.scheduleFrame();
    const streaming = view.state === 'streaming';
    const answer = assembly.kind === 'chat' ? this.renderChat(view, assembly, ui, streaming) : assembly.kind === 'workflow' ? this.renderWorkflow(assembly, streaming) : nothing;
    const timeline = html`<section part="events" class="events" aria-label=${this.t('response.events')}>
      <h3 class="sub">${this.t('response.events')} <span class="muted">(${view.events.length})</span></h3>
      ${view.eventsTruncated ? html`<p class="muted">${this.t('response.history.eventsTruncated')}</p>` : nothing}
      ${ui.timeline.render(
        {
          label: this.t('response.events'),
          filter: this.t('response.events.filter'),
          all: (n) => this.t('response.events.all', { n }),
          payload: (i) => this.t('response.events.payload', { i }),
          none: this.t('response.events.none'),
        },
        streaming,
        html`<button class="btn" @click=${() => this.downloadBody(view)}>${this.t('response.download')}</button>`,
      )}
    </section>`;
    return html`${ui.cancel ? html`<p class="note cancel ${ui.cancel.state}" role="status">${ui.cancel.text}</p>` : nothing}
      ${answer} ${assembly.kind === 'chat' ? this.renderToolForm(assembly, ui, view.key) : nothing} ${timeline}
      ${this.renderContinuation(this.continuations.get(view.key))}`;
  }

  private renderUsage(usage: Record<string, unknown> | undefined, firstTokenMs: number | undefined) {
    const facts: TemplateResult[] = [];
    if (firstTokenMs !== undefined) facts.push(html`<span>${this.t('response.ttft')} ${formatMs(firstTokenMs, this.locale)}</span>`);
    if (usage) {
      for (const [key, label] of [
        ['input_count', 'response.usage.input'],
        ['output_count', 'response.usage.output'],
        ['token_count', 'response.usage.total'],
      ] as const) {
        if (typeof usage[key] === 'number') facts.push(html`<span>${this.t(label)} ${usage[key] as number}</span>`);
      }
    }
    return facts.length ? html`<p class="usage">${facts.map((f, i) => html`${i ? ' · ' : ''}${f}`)}</p>` : nothing;
  }

  private renderChat(view: RunView, chat: ChatAssembly, ui: RunUi, streaming: boolean) {
    // Follow-ups fill the next chat request: offered for bot chats, shown as text elsewhere (chatflows).
    const followable = CHAT_APIS.has(this.current.apiId ?? '') && !!this.endpoint('chat.create');
    const waiting = chat.status === 'requires_action' && chat.toolCalls.length > 0;
    return html`<section part="answer" class="answer" aria-label=${this.t('response.answer')} aria-busy=${streaming ? 'true' : 'false'}>
      <div class="answer-head">
        <h3 class="sub">${this.t('response.answer')}</h3>
        ${chat.status ? html`<span class="badge">${chat.status}</span>` : nothing}
        <span class="spacer"></span>
        ${chat.answer ? html`<button class="btn small" @click=${() => void this.copy('answer', chat.answer)}>${this.t('response.copy')}</button>` : nothing}
      </div>
      ${chat.reasoning
        ? html`<details part="reasoning" class="reasoning" ?open=${ui.reasoningOpen} @toggle=${(e: Event) => (ui.reasoningOpen = (e.target as HTMLDetailsElement).open)}>
            <summary>${this.t('response.reasoning')}</summary>
            <div class="reasoning-text">${this.renderLongText(chat.reasoning, false)}</div>
          </details>`
        : nothing}
      ${chat.answer || streaming
        ? html`<div class="answer-text">${this.renderLongText(chat.answer, streaming)}</div>`
        : html`<p class="muted">${waiting ? this.t('response.tools.waiting') : this.t('response.answer.none')}</p>`}
      ${chat.followUps.length
        ? html`<div class="chips" role="group" aria-label=${this.t('response.followUps')}>
            ${chat.followUps.map((q) => (followable ? html`<button class="chip" @click=${() => this.followUp(q, chat)}>${q}</button>` : html`<span class="chip">${q}</span>`))}
          </div>`
        : nothing}
      ${this.renderUsage(chat.usage, chat.firstTokenMs)}
      ${chat.failure && !view.error ? html`<p class="note failed">${this.t('response.stream.failed', { code: String(chat.failure.code ?? ''), msg: chat.failure.msg ?? '' })}</p>` : nothing}
      ${safeUrl(chat.debugUrl) ? html`<p><a href=${chat.debugUrl!} target="_blank" rel="noopener noreferrer">${this.t('response.debugUrl')}</a></p>` : nothing}
    </section>`;
  }

  /**
   * A streamed text in blocks of a few thousand characters (see `textSegments`): as it grows only the
   * last block changes, so each frame lays out a little text, not the whole answer.
   */
  private renderLongText(text: string, caret: boolean): TemplateResult[] {
    const parts = textSegments(text);
    const last = parts.length - 1;
    return parts.map((part, i) => html`<div class="seg">${part}${caret && i === last ? html`<span class="caret" aria-hidden="true"></span>` : nothing}</div>`);
  }

  private renderWorkflow(wf: WorkflowAssembly, streaming: boolean) {
    return html`<section part="answer" class="answer" aria-label=${this.t('response.output')} aria-busy=${streaming ? 'true' : 'false'}>
      <div class="answer-head"><h3 class="sub">${this.t('response.output')}</h3>${wf.done ? html`<span class="badge">Done</span>` : nothing}</div>
      ${wf.messages.length
        ? wf.messages.map(
            (m) => html`<div class="wf-message">
              ${m.nodeTitle ? html`<span class="node">${m.nodeTitle}</span>` : nothing}
              <div class="answer-text">${this.renderLongText(m.content, false)}</div>
            </div>`,
          )
        : html`<p class="muted">${this.t('response.answer.none')}</p>`}
      ${streaming ? html`<span class="caret" aria-hidden="true"></span>` : nothing}
      ${wf.interrupt
        ? html`<div class="interrupt">
            <p class="interrupt-title">${this.t('response.interrupt')}${wf.interrupt.nodeTitle ? ` · ${wf.interrupt.nodeTitle}` : ''}</p>
            ${wf.interrupt.question ? html`<p>${wf.interrupt.question}</p>` : nothing}
            <dl class="facts">
              <div><dt>event_id</dt> <dd><code>${wf.interrupt.eventId}</code></dd></div>
              <div><dt>interrupt_type</dt> <dd><code>${wf.interrupt.type}</code></dd></div>
            </dl>
            <p class="muted">${this.t('response.interrupt.hint')}</p>
          </div>`
        : nothing}
      ${this.renderUsage(wf.usage, wf.firstTokenMs)}
      ${wf.failure ? html`<p class="note failed">${this.t('response.stream.failed', { code: String(wf.failure.code ?? ''), msg: wf.failure.msg ?? '' })}</p>` : nothing}
      ${safeUrl(wf.debugUrl) ? html`<p><a href=${wf.debugUrl!} target="_blank" rel="noopener noreferrer">${this.t('response.debugUrl')}</a></p>` : nothing}
    </section>`;
  }

  private renderToolForm(chat: ChatAssembly, ui: RunUi, key: string) {
    if (!chat.toolCalls.length) return nothing;
    const disabled = this.continuations.has(key);
    const onSubmit = (e: Event) => {
      e.preventDefault();
      if (!disabled) this.submitToolOutputs(chat, ui, key);
    };
    return html`<form part="tool-form" class="tool-form" @submit=${onSubmit} aria-labelledby=${`${key}-tools`}>
      <h3 class="sub" id=${`${key}-tools`}>${this.t('response.tools.title')}</h3>
      <p class="muted">${this.t('response.tools.hint')}</p>
      ${chat.toolCalls.map((call, i) => this.renderToolCall(call, `${key}-tool-${i}`, ui, disabled))}
      ${ui.submitProblem ? html`<p class="note failed" role="alert">${ui.submitProblem}</p>` : nothing}
      <div class="toolbar">
        <button class="btn primary" type="submit" ?disabled=${disabled}>${disabled ? this.t('response.tools.submitted') : this.t('response.tools.submit')}</button>
      </div>
    </form>`;
  }

  private renderToolCall(call: ToolCall, id: string, ui: RunUi, disabled: boolean) {
    const missing = ui.missing.has(call.id);
    return html`<div class="tool-call">
      <p class="tool-name"><code>${call.name}</code> <span class="muted">${call.id}</span></p>
      <pre class="code" tabindex="0" aria-label=${this.t('response.tools.arguments', { name: call.name })}>${renderTokens(prettyArguments(call.arguments))}</pre>
      <label for=${id}>${this.t('response.tools.output', { name: call.name })}</label>
      <textarea
        id=${id}
        data-call=${call.id}
        rows="3"
        .value=${ui.outputs.get(call.id) ?? ''}
        ?disabled=${disabled}
        aria-invalid=${missing ? 'true' : 'false'}
        aria-describedby=${missing ? `${id}-problem` : nothing}
        placeholder='{"temperature": "22℃"}'
        @input=${(e: Event) => {
          ui.outputs.set(call.id, (e.target as HTMLTextAreaElement).value);
          if (ui.missing.delete(call.id)) this.requestUpdate();
        }}
      ></textarea>
      ${missing ? html`<p class="problem" id=${`${id}-problem`}>${this.t('response.tools.required')}</p>` : nothing}
    </div>`;
  }

  private renderContinuation(handle: RunHandle | undefined) {
    if (!handle) return nothing;
    const view = viewOfRun(handle.run);
    const ui = this.uiFor(view.key);
    return html`<section class="continuation" aria-label=${this.t('response.continuation')}>
      <h3 class="sub">${this.t('response.continuation')} <code class="method">POST</code> <code>/v3/chat/submit_tool_outputs</code></h3>
      ${view.state === 'pending' ? this.renderPending(view) : this.renderSummary(view)}
      ${view.error ? this.renderError(view.error, view, false) : nothing}
      ${view.body?.kind === 'sse' ? this.renderStream(view, ui) : view.body ? this.renderBodyContent(view, view.body, ui) : nothing}
    </section>`;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CallbackEntry, CatalogEntry, DocEntry, EndpointEntry, Field, Param, ParamLocation } from '../../core/catalog/schema.js';
import {
  bodyTextProblem,
  expandablePaths,
  fieldDomId,
  parseJsonExact,
  pathKey,
  socketBase,
  textOf,
  withBodyText,
  withoutItem,
  withRenamedKey,
  withValue,
  type FieldPath,
} from '../../core/form/draft.js';
import { bodyJson, type DraftValues } from '../../core/request/build.js';
import type { HistoryEntry, PlaygroundSession } from '../../core/session.js';
import type { DraftRequest } from '../../core/transport/types.js';
import { pick, type MessageKey, registerMessages } from '../../i18n/index.js';
import { PlaygroundConsumer } from '../shared/consumer.js';
import { styles } from './coze-api-form.styles.js';
import { docKeys, renderDocFields, renderEvents, type DocsContext } from './docs.js';
import { renderField, type FieldContext } from './fields.js';
import { renderJsonEditor } from './json-editor.js';
import * as formStrings from '../../i18n/parts/form.js';

registerMessages(formStrings);

const LOCATIONS: readonly ParamLocation[] = ['header', 'path', 'query', 'body'];
const TOKEN_ID = 'f-token';
/** The raw JSON editor answers for problems about the body as a whole (`body`). */
const BODY_ID = fieldDomId('body');

const TOKEN_NOTES: Record<'none' | 'session' | 'local', MessageKey> = {
  none: 'form.token.note',
  session: 'form.token.noteSession',
  local: 'form.token.noteLocal',
};

/** Notices each session has had dismissed, so that every form on a page shows them only until then. */
const dismissedNotices = new WeakMap<PlaygroundSession, Set<string>>();

/**
 * The request side of the playground for one API: its title, method, URL, description and notes
 * (注意事项), warnings for calls that change data or cost money, a form generated from the catalogue
 * (path, query, header and body parameters with type-appropriate inputs, nested objects and arrays,
 * maps, files, examples and carried ids), a raw JSON body editor kept in step with the fields, the
 * access token (in memory only), the response parameter docs and the run history.
 *
 * The API is the `api` attribute, else the playground session's selection. Values are the session's
 * drafts (they survive switching APIs and reloading). Ctrl/Cmd+Enter anywhere in the form, or the Run
 * button, runs the request through the playground transport; problems are shown at each field and
 * summarised at the top, and nothing is sent while there are any. WebSocket APIs, callback events
 * and documentation pages get an explanation and their docs instead of a form.
 *
 * @tagname coze-api-form
 * @summary The request form of one Coze API: docs, generated parameter inputs, JSON body, token, response docs and run history.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - Title, method, URL, summary, description, notes and doc link.
 * @csspart warnings - The warnings before running an API that changes data or costs money.
 * @csspart notices - Notices about saved drafts or history that had to be reset.
 * @csspart problems - The summary of problems that stop a run, with links to the fields.
 * @csspart section - Each parameter location (Header, Path, Query, Body).
 * @csspart field - One parameter or nested field (label, docs, input, message).
 * @csspart input - Each input, textarea and select of a parameter.
 * @csspart json-editor - The raw JSON body editor.
 * @csspart token - The access-token field.
 * @csspart run - The Run button bar.
 * @csspart response-docs - The response parameter docs.
 * @csspart history - The run history.
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
 * @cssprop [--coze-api-form-max-width=none] - Widest the form gets.
 *
 * @fires coze-run - Before a run is sent (cancelable: a host may veto it); `detail.api` is the API id.
 */
export class CozeApiForm extends PlaygroundConsumer {
  static override styles = styles;

  /** The catalogue id of the API to show (e.g. `chat.create`); empty: the session's selection. */
  @property({ reflect: true }) api = '';

  /** Hide the Run button (when a code panel beside the form has its own); Ctrl/Cmd+Enter still runs. */
  @property({ type: Boolean, attribute: 'hide-run', reflect: true }) hideRun = false;

  /** Which body editor is showing: the generated fields or the raw JSON. */
  @state() protected bodyView: 'fields' | 'json' = 'fields';

  /** Groups the user opened or closed (path key → open); others follow their default. */
  @state() protected openGroups: ReadonlyMap<string, boolean> = new Map();

  /** Response and payload docs the user opened or closed. */
  @state() protected openDocs: ReadonlyMap<string, boolean> = new Map();

  /** The last "expand all / collapse all" choice of the parameters and of the docs. */
  @state() protected paramsExpanded = false;
  @state() protected docsExpanded = false;

  /** Map keys typed that clash with another key of the same map. */
  @state() protected keyErrors: ReadonlyMap<string, string> = new Map();

  /** Text last typed per field, with the value it gave (so `1.` or `{"a": 1}` stay as typed). */
  private readonly typedText = new Map<string, { text: string; value: unknown }>();
  private shownId: string | undefined;

  // Which entry ----------------------------------------------------------------------------------

  private get entryId(): string | undefined {
    return this.api || this.session.selectedId || undefined;
  }

  private found: { catalog: unknown; id: string; entry: CatalogEntry | undefined } | undefined;

  /** The entry shown (looked up once per catalogue and id: a catalogue may hold thousands). */
  private get entry(): CatalogEntry | undefined {
    const id = this.entryId;
    const catalog = this.catalog;
    if (!id || !catalog) return undefined;
    if (this.found?.catalog !== catalog || this.found.id !== id) this.found = { catalog, id, entry: catalog.entries.find((e) => e.id === id) };
    return this.found.entry;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const entry = this.entry;
    if (entry && entry.id !== this.shownId) {
      // Another API: its own open groups, typed text and editor view.
      this.shownId = entry.id;
      this.openGroups = new Map();
      this.openDocs = new Map();
      this.keyErrors = new Map();
      this.typedText.clear();
      this.paramsExpanded = false;
      this.docsExpanded = false;
      this.bodyView = entry.kind === 'endpoint' && bodyTextProblem(this.session.values(entry).bodyText)?.kind === 'syntax' ? 'json' : 'fields';
    }
  }

  // Values ---------------------------------------------------------------------------------------

  private commit(entry: EndpointEntry, values: DraftValues): void {
    this.session.setValues(entry.id, values);
    // After a failed run, messages follow the edits (they disappear as the problems are fixed).
    if (this.session.problems(entry.id).length) this.session.check(entry);
  }

  private fieldContext(entry: EndpointEntry, values: DraftValues): FieldContext {
    const problems = new Map<string, string[]>();
    for (const p of this.session.problems(entry.id)) {
      const list = problems.get(p.path) ?? [];
      list.push(pick(p.message, this.locale));
      problems.set(p.path, list);
    }
    return {
      t: (key, v) => this.t(key, v),
      locale: this.locale,
      values,
      problems,
      openState: (key) => this.openGroups.get(key),
      toggle: (key, open) => (this.openGroups = new Map(this.openGroups).set(key, open)),
      carried: (name) => this.session.carried(name),
      typed: (key, value) => {
        const typed = this.typedText.get(key);
        return typed && (Object.is(typed.value, value) || JSON.stringify(typed.value) === JSON.stringify(value)) ? typed.text : textOf(value);
      },
      set: (path, value, typed) => {
        const key = pathKey(path);
        if (typed !== undefined) this.typedText.set(key, { text: typed, value });
        else this.typedText.delete(key);
        this.commit(entry, withValue(this.session.values(entry), path, value));
      },
      removeItem: (path, index) => {
        this.typedText.clear();
        this.commit(entry, withoutItem(this.session.values(entry), path, index));
      },
      renameKey: (path, from, to) => this.renameKey(entry, path, from, to),
      keyError: (key) => this.keyErrors.get(key),
    };
  }

  private renameKey(entry: EndpointEntry, path: FieldPath, from: string, to: string): void {
    const values = this.session.values(entry);
    const mapKey = pathKey(path);
    const errors = new Map(this.keyErrors);
    const map = path.segments.reduce<unknown>((node, s) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[s as string] : undefined), values[path.in]);
    if (to !== from && map && typeof map === 'object' && Object.hasOwn(map, to)) {
      errors.set(`${mapKey}#${from}`, this.t('form.map.duplicate', { key: to }));
      this.keyErrors = errors;
      return;
    }
    errors.delete(`${mapKey}#${from}`);
    this.keyErrors = errors;
    this.commit(entry, withRenamedKey(values, path, from, to));
  }

  private editJson(entry: EndpointEntry, text: string): void {
    this.typedText.clear();
    this.commit(entry, withBodyText(this.session.values(entry), text));
  }

  private formatJson(entry: EndpointEntry, text: string): void {
    const parsed = parseJsonExact(text);
    if ('value' in parsed) this.editJson(entry, JSON.stringify(parsed.value, null, 2));
  }

  // Running --------------------------------------------------------------------------------------

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
    const entry = this.entry;
    if (entry?.kind !== 'endpoint' || entry.method === 'WS') return;
    event.preventDefault();
    void this.run(entry);
  };

  /** Runs the API as the Run button does; on problems, moves focus to their summary. */
  private async run(entry: EndpointEntry): Promise<void> {
    const handle = this.requestRun(entry);
    if (handle || !this.session.problems(entry.id).length) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="problems"]')?.focus();
  }

  /** Shows and focuses the field a problem is about (opening its groups, switching to its editor). */
  private async focusProblem(entry: EndpointEntry, path: string): Promise<void> {
    if (path === 'body') this.bodyView = 'json';
    else if (path.startsWith('body.')) this.bodyView = 'fields';
    const open = new Map(this.openGroups);
    // Every enclosing group: `body.a[0].b` → `body.a`, `body.a[0]`.
    const cut = /(\.[^.[\]]+|\[\d+\])/g;
    const steps = path.match(cut) ?? [];
    let at = path.slice(0, path.length - steps.join('').length);
    for (const step of steps.slice(0, -1)) {
      at += step;
      open.set(at, true);
    }
    open.set(path, true);
    this.openGroups = open;
    await this.updateComplete;
    // The field itself, else the nearest enclosing one that is on screen.
    let target: HTMLElement | null = null;
    for (let key = path; !target; ) {
      target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(fieldDomId(key))}`);
      const shorter = key.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (shorter === key) break;
      key = shorter;
    }
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }

  // Rendering ------------------------------------------------------------------------------------

  protected override render() {
    return html`<div part="base" class="base" @keydown=${this.onKeydown}>${this.renderContent()}</div>`;
  }

  private renderContent(): TemplateResult {
    const status = this.catalogState?.status;
    if (!status || status === 'loading') return html`<p class="placeholder" role="status">${this.t('form.loading')}</p>`;
    if (status === 'error') return html`<p class="placeholder error" role="alert">${this.t('form.catalogError')}</p>`;
    const id = this.entryId;
    if (!id) return html`<p class="placeholder">${this.t('form.empty')}</p>`;
    const entry = this.entry;
    if (!entry) return html`<p class="placeholder error" role="alert">${this.t('form.notFound', { id })}</p>`;
    switch (entry.kind) {
      case 'endpoint':
        return entry.method === 'WS' ? this.renderSocket(entry) : this.renderEndpoint(entry);
      case 'callback':
        return this.renderCallback(entry);
      case 'doc':
        return this.renderDoc(entry);
    }
  }

  private renderEndpoint(entry: EndpointEntry): TemplateResult {
    const values = this.session.values(entry);
    return html`${this.renderHeader(entry)}${this.renderWarnings(entry)}${this.renderNotices()}${this.renderProblems(entry)}
      ${this.renderParams(entry, values)}${this.renderResponseDocs(entry)}${this.renderHistory(entry)}`;
  }

  private renderSocket(entry: EndpointEntry): TemplateResult {
    const fields: Field[] = entry.params.map(({ in: _where, ...field }) => field);
    const docs = this.docsContext();
    return html`${this.renderHeader(entry)}${this.renderWarnings(entry)}
      <section class="explain" aria-labelledby="ws-h">
        <h3 id="ws-h">${this.t('form.ws.title')}</h3>
        <p>${this.t('form.ws.body')}</p>
      </section>
      ${fields.length
        ? html`<section part="section" class="docs-section" aria-labelledby="ws-params">
            <h3 id="ws-params">${this.t('form.ws.params')}</h3>
            ${renderDocFields(docs, fields, 'ws')}
          </section>`
        : nothing}
      ${entry.response.events?.length
        ? html`<section part="response-docs" class="docs-section" aria-labelledby="ws-events">
            <div class="section-head"><h3 id="ws-events">${this.t('form.ws.events')}</h3>${this.renderDocsToggle(entry.response.events.flatMap((e) => [`ev.${e.name}`, ...docKeys(e.fields ?? [], `ev.${e.name}`)]))}</div>
            ${entry.response.description ? html`<p class="doc">${pick(entry.response.description, this.locale)}</p>` : nothing}
            ${renderEvents(docs, entry.response.events, 'ev')}
          </section>`
        : nothing}`;
  }

  private renderCallback(entry: CallbackEntry): TemplateResult {
    const docs = this.docsContext();
    return html`${this.renderHeader(entry)}
      <section class="explain" aria-labelledby="cb-h">
        <h3 id="cb-h" class="sr-only">${this.t('form.badge.callback')}</h3>
        <p>${this.t('form.callback.body', { type: entry.eventType })}</p>
      </section>
      <section part="response-docs" class="docs-section" aria-labelledby="cb-fields">
        <div class="section-head"><h3 id="cb-fields">${this.t('form.callback.fields')}</h3>${this.renderDocsToggle(docKeys(entry.payload.fields, 'payload'))}</div>
        ${renderDocFields(docs, entry.payload.fields, 'payload')}
      </section>
      <section class="docs-section" aria-labelledby="cb-sample">
        <h3 id="cb-sample">${this.t('form.callback.sample')}</h3>
        <pre class="sample" tabindex="0" aria-labelledby="cb-sample">${JSON.stringify(entry.payload.example, null, 2)}</pre>
      </section>`;
  }

  private renderDoc(entry: DocEntry): TemplateResult {
    return html`${this.renderHeader(entry)}
      <section class="explain"><p>${this.t('form.doc.body')}</p></section>`;
  }

  /** Title, badges, URL, summary, description, permission, notes and doc link. */
  private renderHeader(entry: CatalogEntry): TemplateResult {
    const description = entry.kind === 'doc' ? undefined : entry.description;
    const notes = entry.kind === 'doc' ? [] : entry.notes;
    return html`<div part="header" class="header">
      <div class="title-row">
        <h2 class="title">${pick(entry.title, this.locale)}</h2>
        ${this.renderBadges(entry)}
      </div>
      ${entry.kind === 'endpoint' ? this.renderUrl(entry) : entry.kind === 'callback' ? html`<p class="url"><code>${entry.eventType}</code></p>` : nothing}
      <p class="summary">${pick(entry.summary, this.locale)}</p>
      ${description ? html`<p class="description">${pick(description, this.locale)}</p>` : nothing}
      ${entry.kind === 'endpoint' && entry.permission?.length ? html`<p class="permission">${this.t('form.permission', { scopes: entry.permission.join(', ') })}</p>` : nothing}
      ${notes.length
        ? html`<section class="notes" aria-labelledby="notes-h">
            <h3 id="notes-h">${this.t('form.notes')}</h3>
            <ul>
              ${notes.map((n) => html`<li>${pick(n, this.locale)}</li>`)}
            </ul>
          </section>`
        : nothing}
      ${entry.docUrl && /^https?:\/\//i.test(entry.docUrl)
        ? html`<p class="doc-link"><a href=${entry.docUrl} target="_blank" rel="noopener noreferrer">${this.t('form.docLink')}<span class="sr-only"> ${this.t('form.docLinkNewTab')}</span> ↗</a></p>`
        : nothing}
    </div>`;
  }

  private renderBadges(entry: CatalogEntry) {
    if (entry.kind === 'callback') return html`<span class="badge kind">${this.t('form.badge.callback')}</span>`;
    if (entry.kind === 'doc') return html`<span class="badge kind">${this.t('form.badge.doc')}</span>`;
    return html`<span class="badge method" data-method=${entry.method}>${entry.method}</span>
      ${entry.stream === 'sse' ? html`<span class="badge kind">${this.t('form.badge.sse')}</span>` : nothing}`;
  }

  private renderUrl(entry: EndpointEntry) {
    let base = '';
    try {
      base = this.transport.urlFor({ method: 'GET', path: '', host: entry.host === 'www' ? 'www' : 'api' } satisfies DraftRequest);
    } catch {
      // A transport that cannot name its base still lets the path show.
    }
    if (entry.method === 'WS') base = socketBase(base);
    const pieces = entry.path.split(/(\{[^}]+\})/g);
    return html`<p class="url"><code><span class="url-base">${base}</span>${pieces.map((p) => (p.startsWith('{') ? html`<span class="path-param">${p}</span>` : p))}</code></p>`;
  }

  private renderWarnings(entry: EndpointEntry) {
    if (!entry.mutates && !entry.billable) return nothing;
    return html`<div part="warnings" class="warnings" role="note" aria-label=${this.t('form.warnings')}>
      <ul>
        ${entry.mutates ? html`<li><span class="icon" aria-hidden="true">⚠</span>${this.t('form.warn.mutates')}</li>` : nothing}
        ${entry.billable ? html`<li><span class="icon" aria-hidden="true">¤</span>${this.t('form.warn.billable')}</li>` : nothing}
      </ul>
    </div>`;
  }

  private renderNotices() {
    const session = this.session;
    const dismissed = dismissedNotices.get(session) ?? new Set<string>();
    const notices = session.notices.filter((n) => !dismissed.has(n.key));
    if (!notices.length) return nothing;
    const dismiss = (key: string) => {
      dismissedNotices.set(session, new Set(dismissed).add(key));
      this.requestUpdate();
    };
    return html`<div part="notices" class="notices" role="status">
      ${notices.map(
        (n) => html`<p>
          <span>${this.t(`form.notice.${n.key}` as MessageKey)}</span>
          <button type="button" class="link" @click=${() => dismiss(n.key)}>${this.t('form.notice.dismiss')}</button>
        </p>`,
      )}
    </div>`;
  }

  private renderProblems(entry: EndpointEntry) {
    const problems = this.session.problems(entry.id);
    if (!problems.length) return nothing;
    return html`<div part="problems" class="problems" role="alert" tabindex="-1" aria-labelledby="problems-h">
      <h3 id="problems-h">${this.t('form.problems.title', { count: problems.length })}</h3>
      <ul>
        ${problems.map(
          (p) => html`<li>
            <a
              href="#${p.path === 'body' ? BODY_ID : fieldDomId(p.path)}"
              @click=${(e: Event) => {
                e.preventDefault();
                void this.focusProblem(entry, p.path);
              }}
              >${pick(p.message, this.locale)}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderParams(entry: EndpointEntry, values: DraftValues): TemplateResult {
    const ctx = this.fieldContext(entry, values);
    const hasToken = entry.host !== 'www';
    const expandable = expandablePaths(entry, values);
    const sections = LOCATIONS.map((where) => this.renderLocation(entry, where, ctx, hasToken)).filter((s) => s !== nothing);
    return html`<section class="params" aria-labelledby="params-h">
      <div class="section-head">
        <h3 id="params-h">${this.t('form.params')}</h3>
        <div class="head-actions">
          ${expandable.length
            ? html`<button type="button" class="small" @click=${() => this.expandParams(expandable, !this.paramsExpanded)}>${this.t(this.paramsExpanded ? 'form.collapseAll' : 'form.expandAll')}</button>`
            : nothing}
          <button type="button" class="small" @click=${() => this.resetValues(entry)}>${this.t('form.reset')}</button>
        </div>
      </div>
      ${sections.length ? sections : html`<p class="hint">${this.t('form.params.none')}</p>`}
      ${this.renderRun(entry)}
    </section>`;
  }

  private expandParams(keys: string[], open: boolean): void {
    this.openGroups = new Map(keys.map((k) => [k, open]));
    this.paramsExpanded = open;
  }

  private resetValues(entry: EndpointEntry): void {
    this.typedText.clear();
    this.keyErrors = new Map();
    this.session.resetValues(entry.id);
    if (this.session.problems(entry.id).length) this.session.check(entry);
  }

  private renderLocation(entry: EndpointEntry, where: ParamLocation, ctx: FieldContext, hasToken: boolean): TemplateResult | typeof nothing {
    const params = entry.params.filter((p) => p.in === where);
    const withToken = where === 'header' && hasToken;
    const jsonBody = where === 'body' && entry.requestBody === 'json';
    if (!params.length && !withToken && !jsonBody) return nothing;
    const titleKey: MessageKey = where === 'body' && entry.requestBody === 'multipart' ? 'form.section.bodyMultipart' : (`form.section.${where}` as MessageKey);
    const headingId = `loc-${where}`;
    return html`<section part="section" class="location" data-in=${where} aria-labelledby=${headingId}>
      <h4 id=${headingId}>${this.t(titleKey)}</h4>
      ${withToken ? this.renderToken() : nothing}
      ${jsonBody ? this.renderBody(entry, params, ctx) : params.map((p) => this.renderParam(ctx, p))}
    </section>`;
  }

  private renderParam(ctx: FieldContext, param: Param) {
    return renderField(ctx, param, { in: param.in, segments: [param.name] });
  }

  /** A JSON body: tabs for the fields and the raw JSON, kept in step both ways. */
  private renderBody(entry: EndpointEntry, params: Param[], ctx: FieldContext): TemplateResult {
    const values = ctx.values;
    const problem = bodyTextProblem(values.bodyText);
    const locked = problem?.kind === 'syntax';
    // Without raw text (bodyText) the editor shows the fields' JSON, so the two always agree.
    const generated = bodyJson(values, entry);
    const json = values.bodyText ?? ('text' in generated ? generated.text : '{}');
    const view = this.bodyView;
    const tab = (name: 'fields' | 'json', label: string) =>
      html`<button
        type="button"
        role="tab"
        id="tab-${name}"
        aria-selected=${view === name ? 'true' : 'false'}
        aria-controls="panel-${name}"
        tabindex=${view === name ? 0 : -1}
        @click=${() => (this.bodyView = name)}
        @keydown=${this.onTabKeydown}
      >
        ${label}
      </button>`;
    return html`<div class="tabs" role="tablist" aria-label=${this.t('form.bodyViews')}>${tab('fields', this.t('form.tab.fields'))}${tab('json', this.t('form.tab.json'))}</div>
      <div role="tabpanel" id="panel-fields" aria-labelledby="tab-fields" ?hidden=${view !== 'fields'}>
        ${locked ? html`<p class="locked" role="note">${this.t('form.json.locked')}</p>` : nothing}
        <fieldset class="body-fields" ?disabled=${locked}>
          <legend class="sr-only">${this.t('form.section.body')}</legend>
          ${params.length ? params.map((p) => this.renderParam(ctx, p)) : html`<p class="hint">${this.t('form.params.none')}</p>`}
        </fieldset>
      </div>
      <div role="tabpanel" id="panel-json" aria-labelledby="tab-json" ?hidden=${view !== 'json'}>
        ${renderJsonEditor({
          t: (key, v) => this.t(key, v),
          id: BODY_ID,
          text: json,
          problem,
          messages: ctx.problems.get('body') ?? [],
          edit: (text) => this.editJson(entry, text),
          format: () => this.formatJson(entry, json),
        })}
      </div>`;
  }

  private readonly onTabKeydown = (event: KeyboardEvent) => {
    const order: Array<'fields' | 'json'> = ['fields', 'json'];
    const i = order.indexOf(this.bodyView);
    let next: 'fields' | 'json' | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') next = order[(i + 1) % 2];
    else if (event.key === 'Home') next = 'fields';
    else if (event.key === 'End') next = 'json';
    if (!next) return;
    event.preventDefault();
    this.bodyView = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  };

  /** The access token: masked unless revealed, in memory only (the session never stores it). */
  private renderToken(): TemplateResult {
    const session = this.session;
    const token = session.token;
    const revealed = session.tokenRevealed;
    if (typeof token === 'function') {
      return html`<div part="token" class="field token"><p class="hint">${this.t('form.token.provided')}</p></div>`;
    }
    return html`<div part="token" class="field token">
      <div class="label-row">
        <label class="name" for=${TOKEN_ID}>${this.t('form.token.label')}<span class="req" aria-hidden="true">*</span><span class="sr-only"> (${this.t('form.required')})</span></label>
        <span class="type">Authorization</span>
      </div>
      <div class="token-row">
        <input
          part="input"
          id=${TOKEN_ID}
          class="mono"
          type=${revealed ? 'text' : 'password'}
          autocomplete="off"
          spellcheck="false"
          aria-required="true"
          aria-describedby="${TOKEN_ID}-n"
          placeholder="pat_…"
          .value=${token ?? ''}
          @input=${(e: Event) => session.setToken((e.target as HTMLInputElement).value || undefined)}
        />
        <button type="button" class="small" aria-pressed=${revealed ? 'true' : 'false'} aria-controls=${TOKEN_ID} @click=${() => session.setTokenRevealed(!revealed)}>
          ${this.t('form.token.show')}
        </button>
      </div>
      <p class="hint" id="${TOKEN_ID}-n">${this.t('form.token.header')} ${this.t(TOKEN_NOTES[this.session.tokenPersistence])}</p>
    </div>`;
  }

  private renderRun(entry: EndpointEntry) {
    const run = this.session.run(entry.id)?.run;
    const busy = run?.state === 'pending' || run?.state === 'streaming';
    return html`<div part="run" class="run-bar">
      ${this.hideRun
        ? nothing
        : busy
          ? html`<button type="button" class="primary" @click=${() => this.session.run(entry.id)?.abort()}>${this.t('form.stop')}</button>`
          : html`<button type="button" class="primary" @click=${() => void this.run(entry)}>${this.t('form.run')}</button>`}
      <span class="hint" role="status">${busy ? this.t('form.running') : this.t('form.shortcut')}</span>
    </div>`;
  }

  private docsContext(): DocsContext {
    return {
      t: (key, v) => this.t(key, v),
      locale: this.locale,
      isOpen: (key, depth) => this.openDocs.get(key) ?? depth === 0,
      toggle: (key, open) => (this.openDocs = new Map(this.openDocs).set(key, open)),
    };
  }

  private renderDocsToggle(keys: string[]) {
    if (!keys.length) return nothing;
    return html`<button
      type="button"
      class="small"
      @click=${() => {
        const open = !this.docsExpanded;
        this.openDocs = new Map(keys.map((k) => [k, open]));
        this.docsExpanded = open;
      }}
    >
      ${this.t(this.docsExpanded ? 'form.collapseAll' : 'form.expandAll')}
    </button>`;
  }

  private renderResponseDocs(entry: EndpointEntry): TemplateResult {
    const { response } = entry;
    const docs = this.docsContext();
    const keys = [...docKeys(response.fields, 'res'), ...(response.events ?? []).flatMap((e) => [`ev.${e.name}`, ...docKeys(e.fields ?? [], `ev.${e.name}`)])];
    return html`<section part="response-docs" class="docs-section" aria-labelledby="res-h">
      <div class="section-head"><h3 id="res-h">${this.t('form.response')}</h3>${this.renderDocsToggle(keys)}</div>
      ${response.description ? html`<p class="doc">${pick(response.description, this.locale)}</p>` : nothing}
      ${response.kind === 'binary' ? html`<p class="doc">${this.t('form.response.binary', { type: response.contentType ?? 'application/octet-stream' })}</p>` : nothing}
      ${response.fields.length ? renderDocFields(docs, response.fields, 'res') : response.kind === 'binary' ? nothing : html`<p class="hint">${this.t('form.response.none')}</p>`}
      ${response.events?.length
        ? html`<h4>${this.t('form.response.events')}</h4>
            ${renderEvents(docs, response.events, 'ev')}`
        : nothing}
    </section>`;
  }

  private renderHistory(entry: EndpointEntry): TemplateResult {
    const list = this.session.history(entry.id);
    const shown = this.session.shown(entry.id)?.runId;
    const time = new Intl.DateTimeFormat(this.locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return html`<section part="history" class="history" aria-labelledby="history-h">
      <div class="section-head">
        <h3 id="history-h">${this.t('form.history')}</h3>
        ${list.length ? html`<button type="button" class="small" @click=${() => this.session.clearHistory(entry.id)}>${this.t('form.history.clear')}</button>` : nothing}
      </div>
      <p class="hint">${this.t('form.history.note')}</p>
      ${list.length
        ? html`<ul class="runs">
            ${list.map((h) => this.renderHistoryItem(h, time.format(h.at), h.runId === shown))}
          </ul>`
        : html`<p class="hint empty">${this.t('form.history.empty')}</p>`}
    </section>`;
  }

  private renderHistoryItem(h: HistoryEntry, when: string, current: boolean) {
    const ok = !h.error && h.status !== undefined && h.status < 400;
    const status = h.error
      ? `${this.t(`form.err.${h.error.kind}` as MessageKey, { code: String(h.error.code ?? '') })}${h.error.status && h.error.status >= 300 ? ` · ${this.t('form.history.http', { status: h.error.status })}` : ''}`
      : h.status !== undefined
        ? this.t('form.history.http', { status: h.status })
        : '';
    return html`<li>
      <button type="button" class="run-item ${current ? 'current' : ''}" aria-current=${ifDefined(current ? 'true' : undefined)} @click=${() => this.session.reopen(h)}>
        <span class="sr-only">${this.t('form.history.open')}</span>
        <span class="when">${when}</span>
        <span class="status ${ok ? 'ok' : 'bad'}">${status}</span>
        <span class="duration">${h.totalMs !== undefined ? this.t('form.history.ms', { ms: Math.round(h.totalMs) }) : '—'}</span>
        ${current ? html`<span class="badge kind">${this.t('form.history.shown')}</span>` : nothing}
      </button>
    </li>`;
  }
}

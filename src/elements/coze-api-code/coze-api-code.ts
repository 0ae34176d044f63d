import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CatalogEntry, EndpointEntry } from '../../core/catalog/schema.js';
import { highlight, highlightStyles, plainHtml, type HighlightTheme } from '../../core/code/highlight.js';
import { codeLanguages, isLanguageId, type CodeLanguage, type CodeVariant, type LanguageId } from '../../core/code/languages.js';
import { sampleBaseUrl, sampleCode, sampleKey, sampleUrl, type SampleInput, type SampleResult } from '../../core/code/sample.js';
import { defaultScenario, sdkScenarios, type SdkScenario } from '../../core/code/scenarios.js';
import { TOKEN_ENV, TOKEN_PLACEHOLDER } from '../../core/code/snippets.js';
import { buildRequest } from '../../core/request/build.js';
import type { DraftRequest } from '../../core/transport/types.js';
import { registerMessages, type MessageKey } from '../../i18n/index.js';
import { PlaygroundConsumer } from '../shared/consumer.js';
import { styles } from './coze-api-code.styles.js';
import * as codeStrings from '../../i18n/parts/code.js';

registerMessages(codeStrings);

declare global {
  interface HTMLElementEventMap {
    /** The sample code was copied; `detail.code` is the text (with the token only if the user revealed it). */
    'coze-code-copy': CustomEvent<{ api: string; language: LanguageId; variant: string; scenario?: SdkScenario; code: string }>;
    /** The user picked another language tab. */
    'coze-code-language-change': CustomEvent<{ language: LanguageId }>;
  }
}

/** What the panel shows for the current API. */
type Subject =
  | { kind: 'loading' }
  | { kind: 'catalog-error' }
  | { kind: 'empty' }
  | { kind: 'not-found'; id: string }
  | { kind: 'doc'; entry: CatalogEntry }
  | { kind: 'callback'; entry: Extract<CatalogEntry, { kind: 'callback' }> }
  | { kind: 'websocket'; entry: EndpointEntry }
  | { kind: 'endpoint'; entry: EndpointEntry };

/** Everything one sample depends on, with the key that says when it changed. */
interface Plan {
  key: string;
  input: SampleInput;
  grammar: string;
}

interface Generated {
  key: string;
  result: SampleResult;
  /** What it was written for: a newer sample of the same API, language, client and token may replace it in place. */
  api: string;
  language: LanguageId;
  variant: string;
  token: string | undefined;
}

interface Highlighted {
  code: string;
  grammar: string;
  theme: HighlightTheme;
  html: string;
}

const COPY_NOTICE_MS = 2000;

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The sample-code panel with the Run button, as on the Coze playground: for the API named by `api`
 * (else the session's selected API) it shows code that always matches the form's current values.
 *
 * Every API gets curl and raw-HTTP samples in Python (requests), JavaScript (fetch), Node.js (fetch,
 * axios), Go (net/http), Java (OkHttp), PHP (Guzzle), C# (HttpClient) and plain HTTP. The chat and
 * workflow APIs also get official-SDK code (cozepy, @coze/api, coze-go, coze-java) in the scenarios
 * the Coze page offers: streaming, non-streaming (create, poll, list messages), and with a
 * client-side plugin. The token is a placeholder unless the user chose to reveal it.
 *
 * Code shows as plain text at once and is highlighted when shiki has loaded that language's grammar
 * (each grammar loads only when its tab is shown). Run (or Ctrl/Cmd+Enter anywhere in the panel)
 * sends the form's request; while it runs, Stop aborts it.
 *
 * @tagname coze-api-code
 * @summary Sample code in many languages for the current API, always matching the form, with Run and Stop.
 *
 * @csspart base - The whole panel.
 * @csspart title - The panel heading.
 * @csspart tabs - The language tab list.
 * @csspart tab - One language tab.
 * @csspart tab-selected - The selected language tab (it also has `tab`).
 * @csspart toolbar - The row with the client and scenario choices and the copy button.
 * @csspart variants - The client choice (SDK or an HTTP library).
 * @csspart scenarios - The SDK scenario choice (streaming, non-streaming, client-side plugin).
 * @csspart code - The code area (the tab panel).
 * @csspart copy - The copy button.
 * @csspart run - The Run button.
 * @csspart stop - The Stop button, shown while a run is live.
 * @csspart footer - The notes under the code (token, shortcut, warnings).
 *
 * @cssprop [--coze-code-max-height=420px] - Height after which the code scrolls.
 * @cssprop [--coze-code-bg=#ffffff] - Code background (dark theme: #24292e, matching github-dark).
 * @cssprop [--coze-code-text=#24292e] - Colour of unhighlighted code (dark theme: #e1e4e8).
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
 *
 * @fires coze-run - Before a run (from Run or Ctrl/Cmd+Enter); cancel it to stop the run. `detail.api`.
 * @fires coze-code-copy - The code was copied; `detail` has the API, language, variant, scenario and code.
 * @fires coze-code-language-change - Another language tab was chosen; `detail.language`.
 */
export class CozeApiCode extends PlaygroundConsumer {
  static override styles = highlightStyles ? [styles, highlightStyles] : styles;

  /** The API to show (a catalogue id such as `chat.create`); empty: the session's selected API. */
  @property({ reflect: true }) api = '';

  /** The language tab shown: `curl`, `python`, `javascript`, `node`, `go`, `java`, `php`, `csharp` or `http`. */
  @property({ reflect: true }) language: LanguageId = 'curl';

  /** Hide the Run button (a read-only code panel, e.g. beside documentation). */
  @property({ type: Boolean, attribute: 'no-run', reflect: true }) noRun = false;

  /** The client chosen per language (`sdk`, or an HTTP client id). */
  @state() private variantChoice: Partial<Record<LanguageId, string>> = {};

  /** The SDK scenario chosen per API (otherwise it follows the form's `stream` switch). */
  @state() private scenarioChoice: Record<string, SdkScenario> = {};

  /** The polite status line (copied, sent, stopped, problems). */
  @state() private status = '';

  @state() private copied = false;

  @query('[part="run"]') private runButton?: HTMLButtonElement;
  @query('[part="code"] pre') private codeBlock?: HTMLElement;

  private plan: Plan | undefined;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly codeTask = new Task<[string | undefined], Generated | undefined>(this, {
    args: () => [this.plan?.key],
    task: async ([key]) => {
      const plan = this.plan;
      if (!key || !plan || plan.key !== key) return undefined;
      const { input } = plan;
      return { key, result: await sampleCode(input), api: input.entry.id, language: input.language, variant: input.variant.id, token: input.token };
    },
  });

  private readonly highlightTask = new Task<[string | undefined, string, HighlightTheme], Highlighted | undefined>(this, {
    args: () => [this.shownCode(), this.shownGrammar(), this.highlightTheme],
    task: async ([code, grammar, theme]) => (code === undefined ? undefined : { code, grammar, theme, html: await highlight(code, grammar, theme) }),
  });

  /** The system colour scheme, followed by the `auto` theme. */
  private readonly darkScheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  private readonly onSchemeChange = () => this.requestUpdate();

  constructor() {
    super();
    this.addEventListener('keydown', this.onKeydown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkScheme?.addEventListener('change', this.onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkScheme?.removeEventListener('change', this.onSchemeChange);
    clearTimeout(this.statusTimer);
  }

  // State ----------------------------------------------------------------------------------------

  private get apiId(): string | undefined {
    return this.api || this.session.selectedId || undefined;
  }

  private subjectCache: { state: unknown; id: string | undefined; subject: Subject } | undefined;

  /** What to show, looked up once per catalogue and API (renders during a stream are frequent). */
  private get subject(): Subject {
    const state = this.catalogState;
    const id = this.apiId;
    const cache = this.subjectCache;
    if (cache && cache.state === state && cache.id === id) return cache.subject;
    const subject = this.findSubject(id);
    this.subjectCache = { state, id, subject };
    return subject;
  }

  private findSubject(id: string | undefined): Subject {
    const state = this.catalogState;
    if (!state || state.status === 'loading') return { kind: 'loading' };
    if (state.status === 'error') return { kind: 'catalog-error' };
    if (!id) return { kind: 'empty' };
    const entry = state.catalog.entries.find((e) => e.id === id);
    if (!entry) return { kind: 'not-found', id };
    if (entry.kind === 'doc') return { kind: 'doc', entry };
    if (entry.kind === 'callback') return { kind: 'callback', entry };
    if (entry.method === 'WS') return { kind: 'websocket', entry };
    return { kind: 'endpoint', entry };
  }

  private get highlightTheme(): HighlightTheme {
    const theme = this.display?.theme ?? (this.theme || 'light');
    if (theme === 'auto') return this.darkScheme?.matches ? 'dark' : 'light';
    return theme === 'dark' ? 'dark' : 'light';
  }

  /** The token to write into samples: only a plain token the user chose to reveal. */
  private get revealedToken(): string | undefined {
    const token = this.session.token;
    return this.session.tokenRevealed && typeof token === 'string' && token ? token : undefined;
  }

  private variantOf(language: CodeLanguage): CodeVariant {
    const chosen = this.variantChoice[language.id];
    return language.variants.find((v) => v.id === chosen) ?? language.variants[0]!;
  }

  private scenarioFor(entry: EndpointEntry, request: DraftRequest): SdkScenario | undefined {
    const scenarios = sdkScenarios(entry.id);
    const chosen = this.scenarioChoice[entry.id];
    return chosen && scenarios.includes(chosen) ? chosen : defaultScenario(entry.id, request);
  }

  private makePlan(entry: EndpointEntry): Plan | undefined {
    const languages = codeLanguages(entry.id);
    const language = languages.find((l) => l.id === this.language) ?? languages[0]!;
    const variant = this.variantOf(language);
    let request: DraftRequest;
    try {
      request = buildRequest(entry, this.session.values(entry));
    } catch {
      return undefined;
    }
    const transport = this.transport;
    const urlFor = (r: DraftRequest) => transport.urlFor(r);
    const input: SampleInput = {
      entry,
      request,
      url: sampleUrl(urlFor, request),
      baseUrl: sampleBaseUrl(urlFor),
      token: this.revealedToken,
      language: language.id,
      variant,
      scenario: variant.kind === 'sdk' ? this.scenarioFor(entry, request) : undefined,
      locale: this.locale,
    };
    return { key: sampleKey(input), input, grammar: language.grammar };
  }

  /**
   * The code to show: the sample for the current plan, or, while a new one is being written after an
   * edit, the previous one of the same API, language, client and token (no flash of "writing…" on
   * every keystroke; never a sample with a token the user has hidden since).
   */
  private currentCode(): string | undefined {
    const generated = this.codeTask.value;
    const plan = this.plan;
    if (!generated || !plan || !generated.result.ok) return undefined;
    if (generated.key === plan.key) return generated.result.code;
    const { input } = plan;
    const same = generated.api === input.entry.id && generated.language === input.language && generated.variant === input.variant.id && generated.token === input.token;
    return same ? generated.result.code : undefined;
  }

  /** Whether Stop had the focus before this update (it disappears when the run ends). */
  private stopHadFocus = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.stopHadFocus = !!this.shadowRoot?.activeElement?.matches('[part="stop"]');
    if (changed.has('language') && !isLanguageId(this.language)) this.language = 'curl';
    const subject = this.subject;
    const next = subject.kind === 'endpoint' ? this.makePlan(subject.entry) : undefined;
    // Keep the same object while nothing the sample depends on changed.
    if (next?.key !== this.plan?.key) this.plan = next;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The run ended while Stop had the focus: keep the keyboard user on Run rather than lose the focus.
    if (this.stopHadFocus && !this.shadowRoot!.querySelector('[part="stop"]')) this.runButton?.focus();
    this.stopHadFocus = false;
  }

  private get liveRun() {
    const id = this.apiId;
    const handle = id ? this.session.run(id) : undefined;
    return handle && (handle.run.state === 'pending' || handle.run.state === 'streaming') ? handle : undefined;
  }

  // Actions --------------------------------------------------------------------------------------

  private announce(message: string): void {
    clearTimeout(this.statusTimer);
    this.status = message;
    this.statusTimer = setTimeout(() => {
      this.status = '';
      this.copied = false;
    }, COPY_NOTICE_MS * 3);
  }

  /** Runs the current API with the form's values (the Run button and Ctrl/Cmd+Enter). */
  run(): void {
    const subject = this.subject;
    if (this.noRun || subject.kind !== 'endpoint' || this.liveRun) return;
    const entry = subject.entry;
    const handle = this.requestRun(entry);
    if (handle) {
      this.announce(this.t('code.sent'));
      return;
    }
    const problems = this.session.problems(entry.id).length;
    this.announce(problems ? this.t('code.problems', { count: problems }) : this.t('code.vetoed'));
  }

  /** Stops the live run of the current API. */
  stop(): void {
    const handle = this.liveRun;
    if (!handle) return;
    handle.abort();
    this.announce(this.t('code.stopped'));
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
    event.preventDefault();
    this.run();
  };

  private selectLanguage(language: LanguageId, focus = false): void {
    if (language === this.language) return;
    this.language = language;
    this.dispatchEvent(new CustomEvent('coze-code-language-change', { detail: { language }, bubbles: true, composed: true }));
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${language}`)?.focus());
  }

  private onTabKeydown(event: KeyboardEvent, languages: CodeLanguage[]): void {
    const index = languages.findIndex((l) => l.id === this.language);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % languages.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + languages.length) % languages.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = languages.length - 1;
    if (next < 0) return;
    event.preventDefault();
    this.selectLanguage(languages[next]!.id, true);
  }

  private async copy(): Promise<void> {
    const code = this.shownCode();
    if (code === undefined) return;
    try {
      await navigator.clipboard.writeText(code);
      this.copied = true;
      this.announce(this.subject.kind === 'endpoint' ? this.t('code.copiedStatus', { language: this.t(`code.lang.${this.language}` as MessageKey) }) : this.t('code.copied'));
      const plan = this.plan;
      this.dispatchEvent(
        new CustomEvent('coze-code-copy', {
          detail: {
            api: this.apiId ?? '',
            language: this.language,
            variant: plan?.input.variant.id ?? '',
            ...(plan?.input.scenario ? { scenario: plan.input.scenario } : {}),
            code,
          },
          bubbles: true,
          composed: true,
        }),
      );
    } catch {
      // No clipboard permission: select the code so that the keyboard shortcut copies it.
      const block = this.codeBlock;
      const selection = window.getSelection();
      if (block && selection) {
        selection.selectAllChildren(block);
        block.focus();
      }
      this.copied = false;
      this.announce(this.t('code.copyFailed'));
    }
  }

  /** The text the code area shows (what Copy copies). */
  private shownCode(): string | undefined {
    const subject = this.subject;
    if (subject.kind === 'callback') return JSON.stringify(subject.entry.payload.example, null, 2) + '\n';
    if (subject.kind === 'websocket') return this.websocketUrl(subject.entry) + '\n';
    return this.currentCode();
  }

  /** The grammar of what the code area shows (empty: plain text). */
  private shownGrammar(): string {
    const subject = this.subject;
    if (subject.kind === 'callback') return 'json';
    return subject.kind === 'endpoint' ? (this.plan?.grammar ?? '') : '';
  }

  private websocketUrl(entry: EndpointEntry): string {
    const values = this.session.values(entry);
    const http = sampleUrl((r) => this.transport.urlFor(r), { method: 'GET', path: entry.path });
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(values.query)) if (v !== undefined && v !== '') query.append(k, String(v));
    const qs = query.toString();
    return http.replace(/^http(s?):\/\/api\./, 'ws$1://ws.').replace(/^http/, 'ws') + (qs ? `?${qs}` : '');
  }

  // Rendering ------------------------------------------------------------------------------------

  protected override render() {
    const subject = this.subject;
    return html`<section part="base" aria-labelledby="title">
      ${this.renderHeader(subject)} ${this.renderBody(subject)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
    </section>`;
  }

  private renderHeader(subject: Subject): TemplateResult {
    return html`<div class="header">
      <h2 id="title" part="title">${this.t('code.title')}</h2>
      ${this.noRun ? nothing : this.renderRun(subject)}
    </div>`;
  }

  private renderRun(subject: Subject): TemplateResult {
    if (subject.kind !== 'endpoint') {
      const reason = this.noRunReason(subject);
      return html`<div class="actions">
          <button part="run" type="button" disabled aria-describedby=${reason ? 'no-run' : nothing}>${this.t('code.run')}</button>
        </div>
        ${reason ? html`<p id="no-run" class="no-run">${this.t(reason)}</p>` : nothing}`;
    }
    const live = this.liveRun;
    const keys = isMac() ? '⌘+Enter' : 'Ctrl+Enter';
    return html`<div class="actions">
      ${live ? html`<button part="stop" type="button" aria-label=${this.t('code.stopLabel')} @click=${() => this.stop()}>${this.t('code.stop')}</button>` : nothing}
      <button
        part="run"
        type="button"
        aria-disabled=${live ? 'true' : 'false'}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        title=${this.t('code.shortcut', { keys })}
        @click=${() => this.run()}
      >
        ${live ? html`<span class="spinner" aria-hidden="true"></span>${this.t('code.running')}` : this.t('code.run')}
      </button>
    </div>`;
  }

  /** Why an entry has nothing to run (none while loading or without an API: the panel says so already). */
  private noRunReason(subject: Subject): MessageKey | undefined {
    switch (subject.kind) {
      case 'websocket':
        return 'code.noRun.websocket';
      case 'callback':
        return 'code.noRun.callback';
      case 'doc':
        return 'code.noRun.doc';
      default:
        return undefined;
    }
  }

  private renderBody(subject: Subject): TemplateResult {
    switch (subject.kind) {
      case 'loading':
        return html`<p class="message" role="status">${this.t('code.loading')}</p>`;
      case 'catalog-error':
        return html`<p class="message error" role="alert">${this.t('code.catalogError')}</p>`;
      case 'empty':
        return html`<p class="message">${this.t('code.empty')}</p>`;
      case 'not-found':
        return html`<p class="message error" role="alert">${this.t('code.notFound', { id: subject.id })}</p>`;
      case 'doc':
        return html`<p class="message">${this.t('code.doc')}</p>`;
      case 'callback':
        return this.renderStatic(this.t('code.callback', { event: subject.entry.eventType }), this.shownCode() ?? '', 'json');
      case 'websocket':
        return this.renderStatic(this.t('code.websocket'), this.shownCode() ?? '', '');
      case 'endpoint':
        return this.renderEndpoint(subject.entry);
    }
  }

  /** A fixed block (a callback's payload, a WebSocket address) with its note and a copy button. */
  private renderStatic(note: string, code: string, grammar: string): TemplateResult {
    return html`<p class="note">${note}</p>
      <div part="code">${this.renderCopy()}${this.renderCode(code, grammar)}</div>`;
  }

  private renderEndpoint(entry: EndpointEntry): TemplateResult {
    const languages = codeLanguages(entry.id);
    const language = languages.find((l) => l.id === this.language) ?? languages[0]!;
    return html`${this.renderTabs(languages, language)} ${this.renderToolbar(entry, language)}
      <div part="code" role="tabpanel" id="panel" aria-labelledby=${`tab-${language.id}`}>${this.renderCopy()}${this.renderGenerated(language)}</div>
      ${this.renderFooter(entry)}`;
  }

  private renderTabs(languages: CodeLanguage[], current: CodeLanguage): TemplateResult {
    return html`<div part="tabs" role="tablist" aria-label=${this.t('code.languages')} @keydown=${(e: KeyboardEvent) => this.onTabKeydown(e, languages)}>
      ${languages.map((l) => {
        const selected = l.id === current.id;
        return html`<button
          part=${selected ? 'tab tab-selected' : 'tab'}
          role="tab"
          type="button"
          id=${`tab-${l.id}`}
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls="panel"
          tabindex=${selected ? 0 : -1}
          @click=${() => this.selectLanguage(l.id)}
        >
          ${this.t(`code.lang.${l.id}` as MessageKey)}
        </button>`;
      })}
    </div>`;
  }

  private renderToolbar(entry: EndpointEntry, language: CodeLanguage): TemplateResult | typeof nothing {
    const variant = this.variantOf(language);
    const scenarios = variant.kind === 'sdk' ? sdkScenarios(entry.id) : [];
    const scenario = this.plan?.input.scenario;
    if (language.variants.length <= 1 && scenarios.length <= 1) return nothing;
    return html`<div class="toolbar" part="toolbar">
      ${language.variants.length > 1
        ? this.renderChoice(
            'variants',
            this.t('code.variants'),
            `variant-${language.id}`,
            language.variants.map((v) => ({ value: v.id, label: v.kind === 'sdk' ? this.t('code.variant.sdk', { name: v.label }) : v.label })),
            variant.id,
            (value) => (this.variantChoice = { ...this.variantChoice, [language.id]: value }),
          )
        : nothing}
      ${scenarios.length > 1
        ? this.renderChoice(
            'scenarios',
            this.t('code.scenarios'),
            `scenario-${entry.id}`,
            scenarios.map((s) => ({ value: s, label: this.t(`code.scenario.${s}` as MessageKey) })),
            scenario ?? scenarios[0]!,
            (value) => (this.scenarioChoice = { ...this.scenarioChoice, [entry.id]: value as SdkScenario }),
          )
        : nothing}
    </div>`;
  }

  private renderChoice(part: string, legend: string, name: string, options: Array<{ value: string; label: string }>, checked: string, choose: (value: string) => void): TemplateResult {
    return html`<fieldset part=${part}>
      <legend>${legend}</legend>
      ${options.map(
        (o) => html`<label class="segment">
          <input type="radio" name=${name} .value=${o.value} .checked=${o.value === checked} @change=${() => choose(o.value)} />
          <span>${o.label}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  private renderCopy(): TemplateResult {
    const endpoint = this.subject.kind === 'endpoint';
    return html`<button
      part="copy"
      type="button"
      aria-label=${endpoint ? this.t('code.copyLabel', { language: this.t(`code.lang.${this.language}` as MessageKey) }) : nothing}
      ?disabled=${this.shownCode() === undefined}
      @click=${() => void this.copy()}
    >
      ${this.copied ? this.t('code.copied') : this.t('code.copy')}
    </button>`;
  }


  private renderGenerated(language: CodeLanguage): TemplateResult {
    const generated = this.codeTask.value;
    if (generated && generated.key === this.plan?.key && !generated.result.ok) {
      return html`<p class="message error" role="alert">${this.t('code.invalidBody')}</p>`;
    }
    if (this.codeTask.status === TaskStatus.ERROR) {
      return html`<p class="message error" role="alert">${this.t('code.failed', { reason: String((this.codeTask.error as Error)?.message ?? this.codeTask.error) })}</p>`;
    }
    const code = this.currentCode();
    if (code === undefined) {
      // Writing the first sample loads the snippet library: say so instead of flashing stale code.
      return html`<p class="message" role="status">${this.t('code.generating')}</p>`;
    }
    return this.renderCode(code, language.grammar);
  }

  /** Highlighted HTML when ready for exactly this code, grammar and theme; escaped plain text until then. */
  private renderCode(code: string, grammar: string): TemplateResult {
    const done = this.highlightTask.value;
    if (done && done.code === code && done.grammar === grammar && done.theme === this.highlightTheme) return html`${unsafeHTML(done.html)}`;
    return html`${unsafeHTML(plainHtml(code))}`;
  }

  private renderFooter(entry: EndpointEntry): TemplateResult {
    const token = this.revealedToken;
    const keys = isMac() ? '⌘+Enter' : 'Ctrl+Enter';
    return html`<div class="footer" part="footer">
      ${token
        ? html`<span class="warning">${this.t('code.tokenShown')}</span>`
        : html`<span>${this.t('code.tokenHidden', { placeholder: TOKEN_PLACEHOLDER, env: TOKEN_ENV })}</span>`}
      ${this.noRun ? nothing : html`<span>${this.shortcutHint(keys)}</span>`}
      ${!this.noRun && entry.mutates ? html`<span class="warning">${this.t('code.mutates')}</span>` : nothing}
      ${!this.noRun && entry.billable ? html`<span class="warning">${this.t('code.billable')}</span>` : nothing}
    </div>`;
  }

  private shortcutHint(keys: string): TemplateResult {
    const [before, after] = this.t('code.shortcut', { keys: '\u0000' }).split('\u0000');
    const parts = keys.split('+');
    return html`${before}${parts.map((k, i) => html`${i ? '+' : ''}<kbd>${k}</kbd>`)}${after}`;
  }
}

import { provide } from '@lit/context';
import type { Catalog } from '../../core/catalog/schema.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { catalogContext, displayContext, sessionContext, transportContext, type CatalogState, type DisplaySettings, type Theme } from '../../context/index.js';
import type { Presets } from '../../core/request/build.js';
import { PlaygroundSession } from '../../core/session.js';
import { FetchTransport } from '../../core/transport/fetch-transport.js';
import type { Region, TokenProvider, Transport } from '../../core/transport/types.js';
import { msg, toLocale, type Locale, registerMessages } from '../../i18n/index.js';
import { styles } from './coze-playground.styles.js';
import * as catalogStrings from '../../i18n/parts/catalog.js';

registerMessages(catalogStrings);

/** Fired when a catalogue has loaded and validated (`detail.catalog`) or failed (`detail.error`). */
export type CatalogChangeEvent = CustomEvent<{ state: CatalogState }>;

declare global {
  interface HTMLElementEventMap {
    'coze-catalog-change': CatalogChangeEvent;
  }
}

const TOKEN_KEY = 'coze-playground:token:v1';

function safeStorage(name: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return globalThis[name] ?? null;
  } catch {
    return null;
  }
}

/**
 * The provider a playground is built in: it loads and validates the API catalogue and shares it,
 * with the transport (region or base URL, proxy, token) and the display language and theme, with
 * every element inside it through `@lit/context`.
 *
 * Without a `catalog`, it provides the built-in catalogue of every Coze OpenAPI. A `catalog` can be
 * the URL of a catalogue JSON or of an OpenAPI 3 document (JSON or YAML), or (as a property) a
 * catalogue object or a parsed OpenAPI document. A catalogue that cannot be fetched or does not
 * validate is reported in place, naming each bad field.
 *
 * @tagname coze-playground
 * @summary Shares the catalogue, the transport to Coze, the language and the theme with the elements inside it.
 *
 * @slot - The playground elements (tree, form, code, response…) and any host content.
 *
 * @csspart error - The panel that explains why the catalogue could not be loaded.
 * @csspart retry - The button in that panel that loads the catalogue again.
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
 *
 * @fires coze-catalog-change - The catalogue finished loading or failed; `detail.state` is the new state.
 */
export class CozePlayground extends LitElement {
  static override styles = styles;

  /**
   * The catalogue: a URL (attribute or property) of a catalogue JSON or an OpenAPI 3 document, or
   * (property only) a catalogue object or a parsed OpenAPI document. Empty: the built-in catalogue.
   */
  @property({ attribute: 'catalog' })
  catalog: string | Catalog | Record<string, unknown> | null = null;

  /** Display language: `zh-CN` or `en` (any `zh*` value means Chinese). */
  @property({ reflect: true })
  override lang = 'zh-CN';

  /** Colour theme: `light`, `dark`, or `auto` (follows the system). */
  @property({ reflect: true })
  theme: Theme = 'light';

  /**
   * Where a token typed into the playground is kept: `none` (memory only, the default), `session`
   * (this tab, sessionStorage) or `local` (this browser, localStorage). Switching back to `none`
   * removes a stored token.
   */
  @property({ attribute: 'token-storage', reflect: true })
  tokenStorage: 'none' | 'session' | 'local' = 'none';

  /** The `fetch` used for API calls and to load a catalogue URL (e.g. the in-browser emulator's). */
  @property({ attribute: false })
  fetch: typeof fetch | undefined;

  /** Coze region: `cn` (https://api.coze.cn) or `com` (https://api.coze.com). */
  @property({ reflect: true })
  region: Region = 'cn';

  /** Any base URL (a self-hosted Coze Studio, the local emulator such as `/coze-api`); wins over `region`. */
  @property({ attribute: 'base-url' })
  baseUrl = '';

  /** Send API calls through this proxy (it forwards them to the base URL, given in `x-coze-base-url`). */
  @property({ attribute: 'proxy-url' })
  proxyUrl = '';

  /**
   * The access token, or a function that returns one (asked again after a 4100/4101). Prefer setting
   * the property: an attribute value stays visible in the page's DOM.
   */
  @property({ attribute: 'token' })
  token: TokenProvider | undefined;

  @provide({ context: catalogContext })
  @state()
  protected catalogState: CatalogState = { status: 'loading' };

  @provide({ context: displayContext })
  @state()
  protected display: DisplaySettings = { locale: 'zh-CN', theme: 'light' };

  @provide({ context: transportContext })
  @state()
  protected transport: Transport = new FetchTransport();

  /** The session the elements inside share: selection, drafts, runs, history, carried ids. */
  @provide({ context: sessionContext })
  readonly session: PlaygroundSession = new PlaygroundSession();

  /**
   * First values for parameters by name, e.g. `{ bot_id: '…', user_id: 'docs-reader' }`, so that a
   * documentation page's try-it panel starts with its own bot.
   */
  @property({ attribute: false })
  get presets(): Presets {
    return this.session.presets;
  }
  set presets(value: Presets) {
    this.session.presets = value ?? {};
  }

  /** The transport the elements inside use (replaced whenever a connection setting changes). */
  get currentTransport(): Transport {
    return this.transport;
  }

  private loadId = 0;
  private abort: AbortController | undefined;

  /** The loaded catalogue, or `undefined` while loading or after an error. */
  get loadedCatalog(): Catalog | undefined {
    return this.catalogState.status === 'ready' ? this.catalogState.catalog : undefined;
  }

  /** Resolves when the current catalogue load has finished (successfully or not). */
  get catalogComplete(): Promise<CatalogState> {
    return this.pending ?? Promise.resolve(this.catalogState);
  }

  private pending: Promise<CatalogState> | undefined;

  private get locale(): Locale {
    return toLocale(this.lang);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.session.removeEventListener('change', this.onSessionChange);
  }

  /** A token typed into a form lives in the session; the transport follows it. */
  private readonly onSessionChange = (event: Event) => {
    if ((event as CustomEvent<{ change: string }>).detail.change !== 'token') return;
    this.rebuildTransport();
    this.storeToken();
  };

  /** Keeps the session's token where the user allowed it, and nowhere else. */
  private storeToken(): void {
    const token = this.session.token;
    for (const [mode, store] of [['session', safeStorage('sessionStorage')], ['local', safeStorage('localStorage')]] as const) {
      const wanted = mode === this.tokenStorage && typeof token === 'string' && !!token;
      try {
        if (!store) throw new DOMException('storage is not available', 'SecurityError');
        if (wanted) store.setItem(TOKEN_KEY, token);
        else store.removeItem(TOKEN_KEY);
      } catch (err) {
        // Storage full or disabled: the token stays in memory only, and the form says so.
        if (wanted) this.session.notify('token-not-saved', (err as Error)?.name);
      }
    }
  }

  private restoreToken(): void {
    if (this.tokenStorage === 'none' || this.session.token) return;
    const store = safeStorage(this.tokenStorage === 'local' ? 'localStorage' : 'sessionStorage');
    let saved: string | null = null;
    try {
      saved = store?.getItem(TOKEN_KEY) ?? null;
    } catch {
      saved = null;
    }
    // A saved value that cannot be a token (spaces, line breaks, non-ASCII: it could not even go in a
    // header) was not written by this element: drop it and say so, rather than fail every run.
    if (saved && !/^[\x21-\x7e]{1,4096}$/.test(saved)) {
      try {
        store?.removeItem(TOKEN_KEY);
      } catch {
        // Read-only storage: the bad value is ignored all the same.
      }
      this.session.notify('token-reset', 'not a token');
      return;
    }
    if (saved) this.session.setToken(saved);
  }

  private rebuildTransport(): void {
    const token = this.session.token;
    this.transport = new FetchTransport({
      region: this.region === 'com' ? 'com' : 'cn',
      ...(this.baseUrl ? { baseUrl: this.baseUrl } : {}),
      ...(this.proxyUrl ? { proxyUrl: this.proxyUrl } : {}),
      ...(token ? { token } : {}),
      ...(this.fetch ? { fetch: this.fetch } : {}),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.addEventListener('change', this.onSessionChange);
    // Re-attached after a disconnect that aborted a load: load again.
    if (this.hasUpdated && this.catalogState.status === 'loading') void this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('theme')) {
      const theme: Theme = this.theme === 'dark' || this.theme === 'auto' ? this.theme : 'light';
      this.display = { locale: this.locale, theme };
    }
    const keys = changed as Map<PropertyKey, unknown>;
    if (keys.has('token') && this.token !== undefined) this.session.setToken(this.token);
    if (keys.has('tokenStorage')) {
      // Restore first: announcing the new mode stores the session's token, which must not be empty yet.
      this.restoreToken();
      this.session.setTokenPersistence(this.tokenStorage === 'session' || this.tokenStorage === 'local' ? this.tokenStorage : 'none');
      this.storeToken();
    }
    if (['region', 'baseUrl', 'proxyUrl', 'token', 'fetch'].some((key) => keys.has(key))) this.rebuildTransport();
    if (changed.has('catalog') || changed.has('fetch')) void this.reload();
  }

  /** Load the catalogue again (after a network error, or when the document at the URL changed). */
  reload(): Promise<CatalogState> {
    const id = ++this.loadId;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.catalogState = { status: 'loading' };
    const source = typeof this.catalog === 'string' ? this.catalog : this.catalog ? 'catalog property' : 'built-in catalogue';
    // The loaders (fetch, YAML, OpenAPI import, validation) are a separate chunk, loaded with the catalogue.
    this.pending = import('../../core/catalog/source.js').then(
      (loader) => loader.loadCatalogSource(this.catalog, { signal: abort.signal, ...(this.fetch ? { fetch: this.fetch } : {}) }).then(
        (catalog): CatalogState => ({ status: 'ready', catalog }),
        (err: unknown): CatalogState => ({ status: 'error', error: loader.describeCatalogError(err, source) }),
      ),
      (err: unknown): CatalogState => ({ status: 'error', error: { kind: 'other', source, reason: err instanceof Error ? err.message : String(err), problems: [] } }),
    ).then((next) => {
      // Only the latest load may land; an older one finishing late is dropped.
      if (id !== this.loadId || abort.signal.aborted) return this.catalogState;
      this.catalogState = next;
      this.dispatchEvent(new CustomEvent('coze-catalog-change', { detail: { state: next }, bubbles: true, composed: true }));
      return next;
    });
    return this.pending;
  }


  protected override render() {
    return html`${this.renderError()}<slot></slot>`;
  }

  private renderError() {
    if (this.catalogState.status !== 'error') return nothing;
    const { error } = this.catalogState;
    const locale = this.locale;
    const shown = error.problems.slice(0, 50);
    const summary =
      error.kind === 'fetch'
        ? msg(locale, 'catalog.error.fetch', { url: error.source, reason: error.reason ?? '' })
        : error.kind === 'invalid'
          ? msg(locale, 'catalog.error.invalid', { source: error.source, count: error.problems.length })
          : `${error.source}: ${error.reason ?? ''}`;
    return html`<section part="error" role="alert">
      <h2>${msg(locale, 'catalog.error.title')}</h2>
      <p>${summary}</p>
      ${shown.length
        ? html`<ul>
            ${shown.map((p) => html`<li><code>${p.path || '(root)'}</code>: ${p.message}</li>`)}
            ${error.problems.length > shown.length ? html`<li>${msg(locale, 'catalog.error.more', { count: error.problems.length - shown.length })}</li>` : nothing}
          </ul>`
        : nothing}
      <button part="retry" @click=${() => void this.reload()}>${msg(locale, 'catalog.error.retry')}</button>
    </section>`;
  }
}

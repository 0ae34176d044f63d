/**
 * The base of every element that lives inside a playground: it takes the catalogue, transport,
 * session, language and theme from the nearest `<coze-playground>`, and works on its own (built-in
 * catalogue, real Coze API, a page-wide session, its own `lang`/`theme`) when there is none.
 */
import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { loadBuiltinCatalog } from '../../catalog/index.js';
import { catalogContext, displayContext, sessionContext, transportContext, type CatalogState, type DisplaySettings, type Theme } from '../../context/index.js';
import type { Catalog, EndpointEntry } from '../../core/catalog/schema.js';
import { PlaygroundSession } from '../../core/session.js';
import { FetchTransport } from '../../core/transport/fetch-transport.js';
import type { RunHandle, Transport } from '../../core/transport/types.js';
import { msg, toLocale, type Locale, type MessageKey } from '../../i18n/index.js';

declare global {
  interface HTMLElementEventMap {
    /** Before an API is run; cancel it to stop the run. `detail.api` is the catalogue id. */
    'coze-run': CustomEvent<{ api: string }>;
  }
}

let standaloneSession: PlaygroundSession | undefined;
let standaloneTransport: Transport | undefined;

export class PlaygroundConsumer extends LitElement {
  /** Language when used outside a provider (`zh-CN` or `en`); inside one, the provider's wins. */
  @property({ reflect: true }) override lang = '';

  /** Theme when used outside a provider (`light`, `dark`, `auto`); inside one, the provider's wins. */
  @property({ reflect: true }) theme: Theme | '' = '';

  @consume({ context: catalogContext, subscribe: true })
  @state()
  protected catalogState: CatalogState | undefined;

  @consume({ context: displayContext, subscribe: true })
  @state()
  protected display: DisplaySettings | undefined;

  @consume({ context: transportContext, subscribe: true })
  @state()
  protected providedTransport: Transport | undefined;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected providedSession: PlaygroundSession | undefined;

  /** Bumped on every session change, so that `render()` runs again. */
  @state() protected sessionVersion = 0;

  private listening: PlaygroundSession | undefined;
  private readonly onSessionChange = () => this.sessionVersion++;

  override connectedCallback(): void {
    super.connectedCallback();
    // Context answers synchronously during connect; no answer means there is no provider above.
    if (!this.catalogState) {
      this.catalogState = { status: 'loading' };
      loadBuiltinCatalog().then(
        (catalog) => (this.catalogState = { status: 'ready', catalog }),
        (err: unknown) => (this.catalogState = { status: 'error', error: { kind: 'other', source: 'built-in catalogue', reason: String(err), problems: [] } }),
      );
    }
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listening?.removeEventListener('change', this.onSessionChange);
    this.listening = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed as Map<PropertyKey, unknown>).has('providedSession')) this.listen();
    const theme = this.display?.theme ?? (this.theme || 'light');
    this.setAttribute('data-theme', theme);
  }

  private listen(): void {
    const session = this.session;
    if (session === this.listening) return;
    this.listening?.removeEventListener('change', this.onSessionChange);
    session.addEventListener('change', this.onSessionChange);
    this.listening = session;
  }

  protected get locale(): Locale {
    return this.display?.locale ?? toLocale(this.lang || document.documentElement.lang || 'zh-CN');
  }

  protected t(key: MessageKey, values?: Record<string, string | number>): string {
    return msg(this.locale, key, values);
  }

  protected get catalog(): Catalog | undefined {
    return this.catalogState?.status === 'ready' ? this.catalogState.catalog : undefined;
  }

  protected get transport(): Transport {
    // Outside a provider: the real Coze API, with whatever token the page-wide session holds.
    const session = this.session;
    return this.providedTransport ?? (standaloneTransport ??= new FetchTransport({ token: ({ refresh }) => (typeof session.token === 'function' ? session.token({ refresh }) : session.token) }));
  }

  protected get session(): PlaygroundSession {
    return this.providedSession ?? (standaloneSession ??= new PlaygroundSession());
  }

  /**
   * Runs an API with its current values, as the Run button and Ctrl/Cmd+Enter do: fires a cancelable
   * `coze-run` event first (a host may veto it), then checks the values (problems show in the form and
   * nothing is sent) and sends. Returns the run, or undefined when nothing was sent.
   */
  protected requestRun(entry: EndpointEntry): RunHandle | undefined {
    const event = new CustomEvent('coze-run', { detail: { api: entry.id }, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return undefined;
    return this.session.trySend(entry, this.transport);
  }

  /** The endpoint with this id in the catalogue (undefined while loading, or for other kinds). */
  protected endpoint(id: string | undefined): EndpointEntry | undefined {
    const entry = id ? this.catalog?.entries.find((e) => e.id === id) : undefined;
    return entry?.kind === 'endpoint' ? entry : undefined;
  }
}

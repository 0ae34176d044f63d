/**
 * The base of every element that works on the API catalogue: on top of `ContextConsumer` it takes the
 * catalogue from the nearest `<coze-playground>`, and works on its own (built-in catalogue, real Coze
 * API, a page-wide session) when there is none.
 */
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { loadBuiltinCatalog } from '../../catalog/index.js';
import { catalogContext, type CatalogState } from '../../context/index.js';
import type { Catalog, EndpointEntry } from '../../core/catalog/schema.js';
import { PlaygroundSession } from '../../core/session.js';
import { FetchTransport } from '../../core/transport/fetch-transport.js';
import type { RunHandle, Transport } from '../../core/transport/types.js';
import { ContextConsumer } from './context-consumer.js';

declare global {
  interface HTMLElementEventMap {
    /** Before an API is run; cancel it to stop the run. `detail.api` is the catalogue id. */
    'coze-run': CustomEvent<{ api: string }>;
  }
}

let standaloneSession: PlaygroundSession | undefined;
let standaloneTransport: Transport | undefined;

export class PlaygroundConsumer extends ContextConsumer {
  @consume({ context: catalogContext, subscribe: true })
  @state()
  protected catalogState: CatalogState | undefined;

  override connectedCallback(): void {
    // Context answers synchronously during connect; no answer means there is no provider above.
    super.connectedCallback();
    if (!this.catalogState) {
      this.catalogState = { status: 'loading' };
      loadBuiltinCatalog().then(
        (catalog) => (this.catalogState = { status: 'ready', catalog }),
        (err: unknown) => (this.catalogState = { status: 'error', error: { kind: 'other', source: 'built-in catalogue', reason: String(err), problems: [] } }),
      );
    }
  }

  protected override get watchedSession(): PlaygroundSession {
    return this.session;
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

/**
 * The base of every element that can live inside a playground: it takes the language, theme,
 * transport and session from the nearest `<coze-playground>` when there is one, and its own `lang` /
 * `theme` otherwise. It creates nothing itself, so an element that needs no catalogue or request
 * machinery (the chat demo) does not carry it; `PlaygroundConsumer` adds those.
 */
import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { displayContext, sessionContext, transportContext, type DisplaySettings, type Theme } from '../../context/index.js';
import type { PlaygroundSession, SessionChange } from '../../core/session.js';
import type { Transport } from '../../core/transport/types.js';
import { msg, toLocale, type Locale, type MessageKey } from '../../i18n/index.js';

export class ContextConsumer extends LitElement {
  /** Language when used outside a provider (`zh-CN` or `en`); inside one, the provider's wins. */
  @property({ reflect: true }) override lang = '';

  /** Theme when used outside a provider (`light`, `dark`, `auto`); inside one, the provider's wins. */
  @property({ reflect: true }) theme: Theme | '' = '';

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
  private readonly onSessionChange = (event: Event) => {
    this.sessionVersion++;
    this.sessionChanged((event as CustomEvent<{ change: SessionChange }>).detail.change);
  };

  /** Called on every change of the watched session, before the re-render it causes. */
  protected sessionChanged(_change: SessionChange): void {}

  override connectedCallback(): void {
    super.connectedCallback();
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

  /** The session whose changes re-render this element (the provider's; subclasses may add their own). */
  protected get watchedSession(): PlaygroundSession | undefined {
    return this.providedSession;
  }

  protected listen(): void {
    const session = this.watchedSession;
    if (session === this.listening) return;
    this.listening?.removeEventListener('change', this.onSessionChange);
    session?.addEventListener('change', this.onSessionChange);
    this.listening = session;
  }

  protected get locale(): Locale {
    return this.display?.locale ?? toLocale(this.lang || document.documentElement.lang || 'zh-CN');
  }

  protected t(key: MessageKey, values?: Record<string, string | number>): string {
    return msg(this.locale, key, values);
  }
}

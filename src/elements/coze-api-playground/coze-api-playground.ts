import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SessionChange } from '../../core/session.js';
import { PlaygroundConsumer } from '../shared/consumer.js';
import { styles } from './coze-api-playground.styles.js';
import { registerMessages } from '../../i18n/index.js';
import * as playgroundStrings from '../../i18n/parts/playground.js';

registerMessages(playgroundStrings);

const PIN_VERSION = 1;
const PIN_KEY = `coze-playground:tree-pinned:v${PIN_VERSION}`;
/** Pin state of any version; older ones than {@link PIN_VERSION} are dropped. */
const OLD_PIN_KEY = /^coze-playground:tree-pinned:v(\d+)$/;

/** Removes pin state saved under an older version's key; true when there was some. */
function dropOutdatedPin(): boolean {
  const old: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i) ?? '';
    const match = OLD_PIN_KEY.exec(key);
    if (match && Number(match[1]) < PIN_VERSION) old.push(key);
  }
  for (const key of old) localStorage.removeItem(key);
  return old.length > 0;
}

/** Reads the saved pin state; anything but a stored boolean, or an older version's, is reset (and said once). */
function readPinned(): { pinned: boolean; reset: boolean } {
  try {
    if (dropOutdatedPin() && localStorage.getItem(PIN_KEY) === null) return { pinned: false, reset: true };
    const raw = localStorage.getItem(PIN_KEY);
    if (raw === null) return { pinned: false, reset: false };
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'boolean') return { pinned: value, reset: false };
    localStorage.removeItem(PIN_KEY);
    return { pinned: false, reset: true };
  } catch {
    try {
      localStorage.removeItem(PIN_KEY);
    } catch {
      // Storage unavailable: the layout just is not remembered.
    }
    return { pinned: false, reset: true };
  }
}

/**
 * The whole Coze API Playground page, composed of the other elements in the layout of the Coze page:
 * the API list on the left hides by default and slides in when the pointer reaches the left edge (or
 * from the "API list" button), with a pin to keep it open (remembered in this browser); the API's
 * information, request form, response parameters and run history in the middle; the sample code with
 * its Run button and the response on the right. Selection follows the URL hash (`#chat.create`).
 *
 * Put it inside `<coze-playground>` to choose the catalogue, region, token, language and theme.
 *
 * @tagname coze-api-playground
 * @summary The full playground page: API list, request form, sample code with Run, and response.
 *
 * @csspart base - The three-column grid.
 * @csspart seam - The narrow left edge that reveals the API list.
 * @csspart drawer - The API list panel.
 * @csspart open-tree - The button that shows the API list.
 * @csspart pin - The pin button.
 * @csspart middle - The column with the request form.
 * @csspart right - The column with the sample code and the response.
 *
 * @cssprop [--coze-playground-height=100vh] - Height of the page.
 * @cssprop [--coze-playground-tree-width=300px] - Width of the API list.
 * @cssprop [--coze-playground-seam-width=10px] - Width of the left edge that reveals the API list.
 * @cssprop [--coze-color-bg=#ffffff] - Background (dark: #17181c).
 * @cssprop [--coze-color-surface=#f7f8fa] - Panels, inputs and code blocks (dark: #202227).
 * @cssprop [--coze-color-text=#1f2329] - Text (dark: #e8eaed).
 * @cssprop [--coze-color-border=#dee0e3] - Borders and separators (dark: #3a3d45).
 * @cssprop [--coze-focus-ring=0 0 0 2px #4d53e8] - Focus indicator, a box-shadow (dark: 0 0 0 2px #8f94ff).
 * @cssprop [--coze-font-sans=system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif] - Text font, with CJK faces.
 *
 * @fires coze-pin-change - The API list was pinned or unpinned; `detail.pinned`.
 */
export class CozeApiPlayground extends PlaygroundConsumer {
  static override styles = styles;

  /**
   * Loads `<coze-api-response>` the first time there is a response to show (a run starts, or a past
   * run is reopened), so that the page's first paint does not wait for it. `define/coze-api-playground`
   * sets it; when unset (or the element is already defined), nothing is loaded.
   */
  static loadResponsePanel: (() => Promise<unknown>) | undefined;

  private responseRequested = false;

  protected override sessionChanged(change: SessionChange): void {
    if (change === 'run' || change === 'shown') this.ensureResponsePanel();
  }

  private ensureResponsePanel(): void {
    if (this.responseRequested || customElements.get('coze-api-response')) return;
    this.responseRequested = true;
    void CozeApiPlayground.loadResponsePanel?.().catch(() => {
      // A failed chunk load (offline): try again at the next run.
      this.responseRequested = false;
    });
  }

  /** The API list stays open beside the form (remembered in localStorage). */
  @property({ type: Boolean, reflect: true }) pinned = false;

  /** The API list is showing (while the pointer is over it, or after the button). */
  @property({ type: Boolean, reflect: true, attribute: 'tree-open' }) treeOpen = false;

  @state() private pinReset = false;

  /** The last pin change could not be saved (storage full or disabled). */
  @state() private pinNotSaved = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = readPinned();
    this.pinned = saved.pinned;
    this.pinReset = saved.reset;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed as Map<PropertyKey, unknown>).has('pinned') && changed.get('pinned') !== undefined) {
      try {
        localStorage.setItem(PIN_KEY, JSON.stringify(this.pinned));
        this.pinNotSaved = false;
      } catch {
        // Quota or disabled storage: the pin state is not remembered; nothing breaks, and the drawer says so.
        this.pinNotSaved = true;
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if ((changed as Map<PropertyKey, unknown>).has('pinned') && changed.get('pinned') !== undefined) {
      this.dispatchEvent(new CustomEvent('coze-pin-change', { detail: { pinned: this.pinned }, bubbles: true, composed: true }));
    }
  }

  private openTree = (): void => {
    this.treeOpen = true;
  };

  private closeTree = (): void => {
    if (!this.pinned) this.treeOpen = false;
  };

  private onDrawerFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.renderRoot.querySelector('[part="drawer"]')?.contains(next)) this.closeTree();
  };

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.treeOpen && !this.pinned) {
      this.treeOpen = false;
      (this.renderRoot.querySelector('[part="open-tree"]') as HTMLElement | null)?.focus();
    }
  };

  private togglePin = (): void => {
    this.pinned = !this.pinned;
    this.treeOpen = this.pinned;
  };

  private showTree = (): void => {
    this.treeOpen = true;
    void this.updateComplete.then(() => (this.renderRoot.querySelector('coze-api-tree') as HTMLElement | null)?.focus());
  };

  protected override render() {
    return html`<div part="base" @keydown=${this.onKeydown}>
      ${this.renderTreeColumn()}
      <section part="middle" aria-label=${this.t('playground.request')}>
        <coze-api-form hide-run></coze-api-form>
      </section>
      <section part="right" aria-label=${this.t('playground.codeAndResponse')}>
        <coze-api-code></coze-api-code>
        <coze-api-response><p class="response-placeholder">${this.t('playground.responseEmpty')}</p></coze-api-response>
      </section>
    </div>`;
  }

  private renderTreeColumn() {
    return html`<div part="seam" @pointerenter=${this.openTree}>
      <button part="open-tree" aria-expanded=${this.treeOpen || this.pinned ? 'true' : 'false'} title=${this.t('playground.showApisHint')} @click=${this.showTree}>
        ${this.t('playground.showApis')}
      </button>
      <nav part="drawer" aria-label=${this.t('playground.apis')} @pointerleave=${this.closeTree} @focusout=${this.onDrawerFocusOut}>
        <div class="drawer-head">
          <span>${this.t('playground.apis')}</span>
          <button part="pin" aria-pressed=${this.pinned ? 'true' : 'false'} @click=${this.togglePin}>
            ${this.pinned ? this.t('playground.unpin') : this.t('playground.pin')}
          </button>
        </div>
        ${this.pinReset ? html`<p role="status" class="notice">${this.t('playground.pinReset')}</p>` : ''}
        ${this.pinNotSaved ? html`<p role="status" class="notice">${this.t('playground.pinNotSaved')}</p>` : ''}
        <coze-api-tree hash-sync></coze-api-tree>
      </nav>
    </div>`;
  }
}

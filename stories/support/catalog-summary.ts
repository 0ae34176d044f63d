/**
 * Story fixture: a tiny consumer that shows what the provider shares, so the stories (and the story
 * smoke test) can see the catalogue arrive through context.
 */
import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { catalogContext, displayContext, type CatalogState, type DisplaySettings } from '../../src/context/index.js';
import { defineElement } from '../../src/define/define.js';
import { pick } from '../../src/i18n/index.js';

class StoryCatalogSummary extends LitElement {
  static override styles = css`
    :host { display: block; padding: 12px; font-size: 14px; }
    ul { columns: 2; padding-left: 18px; }
  `;

  @consume({ context: catalogContext, subscribe: true })
  @state()
  catalogState: CatalogState | undefined;

  @consume({ context: displayContext, subscribe: true })
  @state()
  display: DisplaySettings | undefined;

  protected override render() {
    const s = this.catalogState;
    if (!s || s.status === 'loading') return html`<p>…</p>`;
    if (s.status === 'error') return html``;
    const locale = this.display?.locale ?? 'en';
    const kinds = { endpoint: 0, callback: 0, doc: 0 };
    for (const e of s.catalog.entries) kinds[e.kind]++;
    return html`<p data-testid="counts">${pick(s.catalog.title, locale)} · ${s.catalog.entries.length} entries · ${kinds.endpoint} endpoints · ${kinds.callback} callbacks · ${kinds.doc} docs</p>
      <ul>
        ${s.catalog.groups.map((g) => html`<li>${pick(g.title, locale)} (${s.catalog.entries.filter((e) => e.group === g.id).length})</li>`)}
      </ul>`;
  }
}

defineElement('story-catalog-summary', StoryCatalogSummary);

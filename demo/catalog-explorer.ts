import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { catalogContext, displayContext, type CatalogState, type DisplaySettings } from '../src/context/index.js';
import type { CatalogEntry } from '../src/core/catalog/schema.js';
import { defineElement } from '../src/define/define.js';
import { pick } from '../src/i18n/index.js';

const TEXT = {
  'zh-CN': { title: '扣子 OpenAPI 目录', search: '按名称、路径或 ID 筛选', entries: '个条目', endpoints: '个可调用接口', docs: '文档', callback: '回调事件', doc: '文档页', none: '没有匹配的条目' },
  en: { title: 'Coze OpenAPI catalogue', search: 'Filter by name, path or id', entries: 'entries', endpoints: 'runnable endpoints', docs: 'Docs', callback: 'callback', doc: 'doc page', none: 'Nothing matches' },
} as const;

class DemoCatalogExplorer extends LitElement {
  static override styles = css`
    :host { display: block; padding: 20px 24px; max-width: 1100px; margin: 0 auto; color: var(--coze-color-text); }
    header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; }
    h1 { font-size: 20px; margin: 0; }
    .stats { color: var(--coze-color-text-muted); font-size: 13px; }
    input { font: inherit; padding: 6px 10px; min-width: 260px; border-radius: 6px; border: 1px solid var(--coze-color-border); background: var(--coze-color-surface); color: var(--coze-color-text); }
    button { font: inherit; padding: 5px 12px; border-radius: 6px; border: 1px solid var(--coze-color-border); background: var(--coze-color-bg); color: var(--coze-color-text); cursor: pointer; }
    input:focus-visible, button:focus-visible, a:focus-visible { outline: none; box-shadow: var(--coze-focus-ring); }
    h2 { font-size: 15px; margin: 22px 0 6px; border-bottom: 1px solid var(--coze-color-border); padding-bottom: 4px; }
    h3 { font-size: 13px; margin: 12px 0 4px; color: var(--coze-color-text-muted); }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: grid; grid-template-columns: 64px minmax(0, 2fr) minmax(0, 3fr); gap: 10px; padding: 5px 0; font-size: 13px; align-items: baseline; }
    .method { font: 600 11px var(--coze-font-mono); text-align: center; border-radius: 4px; padding: 1px 0; background: var(--coze-color-surface); border: 1px solid var(--coze-color-border); }
    .GET { color: #1b7f3b; } .POST { color: #4d53e8; } .PUT { color: #8a5a00; } .DELETE { color: #c62828; } .WS { color: #7b3fb0; }
    :host([dark]) .GET { color: #7ddc9a; } :host([dark]) .POST { color: #8f94ff; } :host([dark]) .PUT { color: #ffd27a; } :host([dark]) .DELETE { color: #ff8a80; } :host([dark]) .WS { color: #d3a6ff; }
    code { font-family: var(--coze-font-mono); overflow-wrap: anywhere; }
    a { color: var(--coze-color-accent); }
    .summary { color: var(--coze-color-text-muted); }
  `;

  @consume({ context: catalogContext, subscribe: true }) @state() private catalogState: CatalogState | undefined;
  @consume({ context: displayContext, subscribe: true }) @state() private display: DisplaySettings | undefined;
  @state() private query = '';

  private isMatch(e: CatalogEntry): boolean {
    const q = this.query.trim().toLowerCase();
    if (!q) return true;
    const hay = [e.id, e.title.zh, e.title.en, e.kind === 'endpoint' ? `${e.method} ${e.path}` : ''].join(' ').toLowerCase();
    return q.split(/\s+/).every((word) => hay.includes(word));
  }

  private renderEntry(e: CatalogEntry, locale: 'zh-CN' | 'en') {
    const t = TEXT[locale];
    const badge = e.kind === 'endpoint' ? e.method : e.kind === 'callback' ? '⇠' : '¶';
    return html`<li>
      <span class="method ${badge}" aria-hidden=${e.kind !== 'endpoint'}>${badge}</span>
      <span><a href=${e.docUrl ?? '#'} target="_blank" rel="noopener">${pick(e.title, locale)}</a>
        ${e.kind === 'endpoint' ? html`<br /><code>${e.path}</code>` : html`<br /><span class="summary">${e.kind === 'callback' ? t.callback : t.doc}</span>`}</span>
      <span class="summary">${pick(e.summary, locale)}</span>
    </li>`;
  }

  protected override render() {
    const locale = this.display?.locale ?? 'zh-CN';
    const t = TEXT[locale];
    const s = this.catalogState;
    if (!s || s.status !== 'ready') return nothing;
    const { catalog } = s;
    const shown = catalog.entries.filter((e) => this.isMatch(e));
    const ungrouped = shown.filter((e) => !e.group);
    this.toggleAttribute('dark', this.display?.theme === 'dark');
    return html`<header>
        <div>
          <h1>${t.title}</h1>
          <div class="stats">${catalog.entries.length} ${t.entries} · ${catalog.entries.filter((e) => e.kind === 'endpoint').length} ${t.endpoints}</div>
        </div>
        <input type="search" aria-label=${t.search} placeholder=${t.search} .value=${this.query} @input=${(ev: Event) => (this.query = (ev.target as HTMLInputElement).value)} />
      </header>
      ${shown.length === 0 ? html`<p role="status">${t.none}</p>` : nothing}
      ${ungrouped.length ? html`<h2>${t.docs}</h2><ul>${ungrouped.map((e) => this.renderEntry(e, locale))}</ul>` : nothing}
      ${catalog.groups.map((g) => {
        const inGroup = shown.filter((e) => e.group === g.id);
        if (!inGroup.length) return nothing;
        const subs = g.subgroups ?? [];
        return html`<h2>${pick(g.title, locale)}</h2>
          <ul>${inGroup.filter((e) => !e.subgroup).map((e) => this.renderEntry(e, locale))}</ul>
          ${subs.map((sg) => {
            const inSub = inGroup.filter((e) => e.subgroup === sg.id);
            return inSub.length ? html`<h3>${pick(sg.title, locale)}</h3><ul>${inSub.map((e) => this.renderEntry(e, locale))}</ul>` : nothing;
          })}`;
      })}`;
  }
}

defineElement('demo-catalog-explorer', DemoCatalogExplorer);

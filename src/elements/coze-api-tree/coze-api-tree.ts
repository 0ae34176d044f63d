import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CatalogEntry } from '../../core/catalog/schema.js';
import { filterCatalog, highlightRanges, matchDetail, type TreeFilter } from '../../core/tree/filter.js';
import { ancestors, catalogTree, type CatalogTree, type TreeBranch, type TreeLeaf, type TreeNode } from '../../core/tree/model.js';
import { filtering, visibleChildren, visibleRows, type TreeRow } from '../../core/tree/visible.js';
import { pick, registerMessages } from '../../i18n/index.js';
import { PlaygroundConsumer } from '../shared/consumer.js';
import { styles } from './coze-api-tree.styles.js';
import * as treeStrings from '../../i18n/parts/tree.js';

registerMessages(treeStrings);

/** Fired before an entry is selected; cancel it to keep the current selection. */
export type SelectEvent = CustomEvent<{ id: string }>;

declare global {
  interface HTMLElementEventMap {
    'coze-select': SelectEvent;
  }
}

/** Rows rendered at first, and added each time the end of the rendered part scrolls near. */
const FIRST_ROWS = 200;
const MORE_ROWS = 200;
/** The most rows added in one go (a jump to the end of 5,000 rows fills in over a few frames). */
const MAX_STEP = 500;
/** Row height before any is measured, for the space kept for rows not rendered yet. */
const ROW_PX = 32;
/** Type-ahead: keys typed within this time form one prefix. */
const TYPEAHEAD_MS = 500;

/**
 * The API tree: every catalogue entry, grouped as the Coze docs group them, with a search box that
 * filters as you type. Entries without a group sit at the top and bottom in catalogue order; groups and
 * subgroups collapse; each entry carries its method (GET, POST, PUT, DELETE, PATCH, WS), and callback
 * events and documentation pages carry a badge of their own.
 *
 * Follows the WAI-ARIA tree pattern: one tab stop, arrow keys move and expand, Home/End, Enter or
 * Space select, `*` expands the sibling groups, and typing letters jumps to the next title that starts
 * with them. Selecting an entry selects it in the playground session (after a cancelable
 * `coze-select` event); a selection made elsewhere is shown and scrolled into view. With `hash-sync`,
 * the URL hash names the selected API (`#chat.create`): deep links select on load and on hashchange.
 *
 * Large catalogues stay fast: collapsed groups render nothing, long lists render in steps as they
 * scroll into view, and rows that did not change are not rendered again. Give the element a height
 * (or a parent that sets one) and the tree scrolls inside it, under the search box.
 *
 * @tagname coze-api-tree
 * @summary The catalogue of Coze APIs as a searchable, keyboard-navigable tree.
 *
 * @csspart base - The wrapper of the search box, the count and the tree.
 * @csspart search - The search input.
 * @csspart count - The live count of APIs or matches under the search box.
 * @csspart tree - The list with `role="tree"` (it scrolls when the element has a height).
 * @csspart group - A group or subgroup (`role="treeitem"`, with its children).
 * @csspart group-label - The row of a group: chevron, name and number of entries.
 * @csspart item - The row of an entry (`role="treeitem"`).
 * @csspart item-selected - Added to the selected entry's row.
 * @csspart badge - The method badge of an entry (or the callback / doc badge).
 * @csspart mark - A highlighted match of the search.
 * @csspart empty - The "nothing matches" panel.
 *
 * @cssprop [--coze-api-tree-indent=16px] - Indentation per level.
 * @cssprop [--coze-api-tree-badge-width=48px] - Width of the method badges.
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
 * @fires coze-select - Before an entry is selected (click, Enter, Space, or a deep link); `detail.id` is the entry id. Cancelable: a host may veto the selection.
 */
export class CozeApiTree extends PlaygroundConsumer {
  static override styles = styles;

  /** Focusing the element (e.g. when a layout opens the API list) focuses its search box. */
  static override shadowRootOptions: ShadowRootInit = { ...PlaygroundConsumer.shadowRootOptions, delegatesFocus: true };

  /** The search text. Set it to start filtered; it follows what the user types. */
  @property() query = '';

  /** Keep the URL hash and the selected API in step (`#chat.create`). */
  @property({ type: Boolean, reflect: true, attribute: 'hash-sync' }) hashSync = false;

  /** Documentation pages open their Coze documentation in a new tab instead of being selected. */
  @property({ type: Boolean, reflect: true, attribute: 'open-docs' }) openDocs = false;

  /** Groups the user opened (keys), when no filter is on. */
  @state() private expanded: ReadonlySet<string> = new Set();
  /** Groups the user closed while a filter is on (matches keep their groups open otherwise). */
  @state() private closedWhileFiltering: ReadonlySet<string> = new Set();
  /** The row that takes the tab stop. */
  @state() private focusKey: string | undefined;
  /** How many rows are rendered (the rest is kept as space until it scrolls near). */
  @state() private limit = FIRST_ROWS;

  @query('.scroller') private scroller!: HTMLElement | null;
  @query('.spacer') private spacer!: HTMLElement | null;

  private tree: CatalogTree | undefined;
  private filter: TreeFilter | undefined;
  private rows: TreeRow[] = [];
  private rowIndex = new Map<string, number>();
  /** The key of the row holding the tab stop in the render under way. */
  private tabStop: string | undefined;
  private lastSelected: string | undefined;
  /** An entry to scroll into view after the next render. */
  private reveal: string | undefined;
  private hashPending = false;
  private selectionChanged = false;
  private typed = '';
  private typedAt = 0;
  private observer: IntersectionObserver | undefined;
  /** Average height of the rendered rows (rows with a matched path or id under the title are taller). */
  private rowPx = ROW_PX;

  /** Opens every group (and subgroup). */
  expandAll(): void {
    const keys = [...(this.tree?.nodes.values() ?? [])].filter((n) => n.kind === 'group').map((n) => n.key);
    if (filtering(this.filter)) this.closedWhileFiltering = new Set();
    else this.expanded = new Set(keys);
  }

  /** Closes every group. */
  collapseAll(): void {
    if (filtering(this.filter)) this.closedWhileFiltering = new Set(this.filter.counts.keys());
    else this.expanded = new Set();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.hashPending = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.observer?.disconnect();
    this.observer = undefined;
  }

  // State ------------------------------------------------------------------------------------

  /** Session changes that do not touch the selection (typing in a form, runs) leave the tree alone. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const keys = changed as Map<PropertyKey, unknown>;
    if (keys.size === 1 && keys.has('sessionVersion') && this.session.selectedId === this.lastSelected) return false;
    return super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const keys = changed as Map<PropertyKey, unknown>;
    const catalog = this.catalog;
    const tree = catalog ? catalogTree(catalog) : undefined;
    const treeChanged = tree !== this.tree;
    this.tree = tree;
    if (keys.has('query') || treeChanged) {
      const filter = catalog ? filterCatalog(catalog, this.query) : undefined;
      if (filter !== this.filter) {
        this.filter = filter;
        this.closedWhileFiltering = new Set();
        this.limit = FIRST_ROWS;
      }
    }
    const selected = this.session.selectedId;
    if (selected !== this.lastSelected || treeChanged) {
      this.lastSelected = selected;
      this.selectionChanged = true;
      this.showSelected(selected);
    }
    this.rows = tree ? visibleRows(tree, this.filter, (b) => this.isExpanded(b)) : [];
    this.rowIndex = new Map(this.rows.map((r, i) => [r.node.key, i]));
    // The tab stop (and an entry to reveal) must be among the rendered rows.
    const needed = Math.max(this.rowIndex.get(this.tabKey() ?? '') ?? 0, this.rowIndex.get(this.reveal ?? '') ?? 0);
    if (needed >= this.limit) this.limit = needed + MORE_ROWS;
    if (keys.has('hashSync') && this.hashSync) this.hashPending = true;
  }

  /** Open the groups of the selected entry and remember to scroll it into view. */
  private showSelected(id: string | undefined): void {
    const node = id ? this.tree?.nodes.get(id) : undefined;
    if (!node) return;
    const closed = ancestors(node).filter((b) => !this.expanded.has(b.key));
    if (closed.length) this.expanded = new Set([...this.expanded, ...closed.map((b) => b.key)]);
    if (this.closedWhileFiltering.size) {
      const reopened = new Set(this.closedWhileFiltering);
      for (const b of ancestors(node)) reopened.delete(b.key);
      this.closedWhileFiltering = reopened;
    }
    this.focusKey = id;
    this.reveal = id;
  }

  private isExpanded(branch: TreeBranch): boolean {
    return filtering(this.filter) ? this.filter.counts.has(branch.key) && !this.closedWhileFiltering.has(branch.key) : this.expanded.has(branch.key);
  }

  private setExpanded(branch: TreeBranch, open: boolean): void {
    if (filtering(this.filter)) {
      const closed = new Set(this.closedWhileFiltering);
      if (open) closed.delete(branch.key);
      else closed.add(branch.key);
      this.closedWhileFiltering = closed;
    } else {
      const expanded = new Set(this.expanded);
      if (open) expanded.add(branch.key);
      else expanded.delete(branch.key);
      this.expanded = expanded;
    }
  }

  /** The key of the row that holds the tab stop: the focused one, else the selected one, else the first. */
  private tabKey(): string | undefined {
    if (this.focusKey && this.rowIndex.has(this.focusKey)) return this.focusKey;
    const selected = this.session.selectedId;
    if (selected && this.rowIndex.has(selected)) return selected;
    return this.rows[0]?.node.key;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.hashPending && this.catalog) {
      this.hashPending = false;
      // After this update: selecting from the hash changes the session, which updates the tree again.
      if (this.hashSync) void Promise.resolve().then(() => this.applyHash());
    } else if (this.selectionChanged) {
      this.writeHash();
    }
    this.selectionChanged = false;
    if (this.reveal) {
      const el = this.itemElement(this.reveal);
      this.reveal = undefined;
      if (el) this.scrollToRow(el);
    }
    this.watchSpacer();
  }

  // Selection and the URL hash ---------------------------------------------------------------

  /**
   * Selects an entry as a user action does: a cancelable `coze-select` event first, then the session
   * (or, with `open-docs`, a documentation page's link). Returns false when the host vetoed it.
   */
  private choose(leaf: TreeLeaf, from: 'user' | 'hash' = 'user'): boolean {
    const event = new CustomEvent('coze-select', { detail: { id: leaf.key }, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return false;
    const entry = leaf.entry;
    // Only web pages open (a catalogue's `javascript:` or `data:` address never does).
    if (this.openDocs && entry.kind === 'doc' && entry.docUrl && /^https?:\/\//i.test(entry.docUrl) && from === 'user') {
      window.open(entry.docUrl, '_blank', 'noopener');
      return true;
    }
    this.session.select(leaf.key);
    return true;
  }

  private readonly onHashChange = () => {
    if (this.hashSync) this.applyHash();
  };

  private applyHash(): void {
    let id: string;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    const node = id ? this.tree?.nodes.get(id) : undefined;
    if (node?.kind !== 'entry') {
      // No deep link: the hash follows the session (a page's own anchor is left alone).
      if (!id) this.writeHash();
      return;
    }
    if (this.session.selectedId === id) {
      this.reveal = id;
      this.requestUpdate();
      return;
    }
    this.choose(node, 'hash');
  }

  /** With `hash-sync`, the hash names the selected entry (replaced, so Back leaves the page as before). */
  private writeHash(): void {
    if (!this.hashSync || !this.catalog) return;
    const id = this.session.selectedId;
    if (!id || !this.tree?.nodes.has(id)) return;
    const hash = `#${encodeURIComponent(id)}`;
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  }

  // Rendering --------------------------------------------------------------------------------

  protected override render() {
    return html`<div part="base" class="base">${this.renderSearch()}${this.renderCount()}${this.renderBody()}</div>`;
  }

  private renderSearch() {
    return html`<div class="search">
      <svg class="search-icon" viewBox="0 0 16 16" aria-hidden="true"><circle cx="7" cy="7" r="4.5" /><path d="M10.5 10.5 14 14" /></svg>
      <input
        part="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        .value=${this.query}
        aria-label=${this.t('tree.search.label')}
        placeholder=${this.t('tree.search.placeholder')}
        @input=${this.onSearchInput}
        @compositionend=${this.onSearchInput}
        @keydown=${this.onSearchKeydown}
      />
    </div>`;
  }

  private renderCount() {
    let text = '';
    if (this.tree) {
      if (!filtering(this.filter)) text = this.t('tree.count.all', { count: this.tree.leaves.length });
      else text = this.filter.total ? this.t('tree.count.matches', { count: this.filter.total }) : this.t('tree.count.none');
    }
    return html`<div part="count" class="count" role="status">${text}</div>`;
  }

  private renderBody() {
    const state = this.catalogState;
    if (!state || state.status === 'loading') return html`<p class="note">${this.t('tree.loading')}</p>`;
    if (state.status === 'error') return html`<p class="note error">${this.t('tree.error')}</p>`;
    if (!this.rows.length) return filtering(this.filter) ? this.renderEmpty() : html`<p class="note">${this.t('tree.none')}</p>`;
    const budget = { left: this.limit };
    this.tabStop = this.tabKey();
    const nodes = this.renderNodes(this.tree!.roots, budget);
    const rest = Math.max(0, this.rows.length - this.limit);
    return html`<div class="scroller">
      <ul part="tree" role="tree" aria-label=${this.t('tree.label')} @keydown=${this.onTreeKeydown} @click=${this.onTreeClick} @focusin=${this.onTreeFocus}>
        ${nodes}
      </ul>
      ${rest ? html`<div class="spacer" aria-hidden="true"></div>` : nothing}
    </div>`;
  }

  private renderEmpty() {
    return html`<div part="empty" class="empty">
      <p class="empty-title">${this.t('tree.empty', { query: this.query.trim() })}</p>
      <p class="empty-hint">${this.t('tree.empty.hint')}</p>
      <button type="button" @click=${this.clearSearch}>${this.t('tree.clear')}</button>
    </div>`;
  }

  /** Visible nodes of one level, while the row budget lasts (children count against it too). */
  private renderNodes(nodes: readonly TreeNode[], budget: { left: number }): unknown {
    const shown = visibleChildren(nodes, this.filter);
    const items: Array<{ key: string; template: unknown }> = [];
    for (let i = 0; i < shown.length && budget.left > 0; i++) {
      const node = shown[i]!;
      budget.left--;
      const position = { posinset: i + 1, setsize: shown.length };
      items.push({ key: node.key, template: node.kind === 'group' ? this.renderGroup(node, position, budget) : this.renderEntry(node, position) });
    }
    return repeat(items, (item) => item.key, (item) => item.template);
  }

  private renderGroup(branch: TreeBranch, position: { posinset: number; setsize: number }, budget: { left: number }) {
    const expanded = this.isExpanded(branch);
    const id = domId(branch.key);
    const count = filtering(this.filter) ? (this.filter.counts.get(branch.key) ?? 0) : branch.size;
    return html`<li
      part="group"
      role="treeitem"
      id=${id}
      data-key=${branch.key}
      aria-level=${branch.level}
      aria-posinset=${position.posinset}
      aria-setsize=${position.setsize}
      aria-expanded=${expanded ? 'true' : 'false'}
      tabindex=${this.tabStop === branch.key ? '0' : '-1'}
    >
      <div part="group-label" class="row group-row">
        <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true"><path d="M6 4l4 4-4 4" /></svg>
        <span class="title">${this.highlight(pick(branch.title, this.locale))}</span>
        <span class="size" aria-hidden="true">${count}</span>
      </div>
      ${expanded ? html`<ul role="group">${this.renderNodes(branch.children, budget)}</ul>` : nothing}
    </li>`;
  }

  /** An entry row, re-rendered only when something it shows changed (thousands may be rendered). */
  private renderEntry(leaf: TreeLeaf, position: { posinset: number; setsize: number }) {
    const selected = this.session.selectedId === leaf.key;
    const tab = this.tabStop === leaf.key;
    return guard([leaf, selected, tab, position.posinset, position.setsize, this.filter, this.locale, this.openDocs], () => this.renderEntryRow(leaf, position, selected, tab));
  }

  private renderEntryRow(leaf: TreeLeaf, position: { posinset: number; setsize: number }, selected: boolean, tab: boolean): TemplateResult {
    const entry = leaf.entry;
    const detail = filtering(this.filter) ? matchDetail(leaf, this.filter.tokens, this.locale) : undefined;
    const opensDoc = this.openDocs && entry.kind === 'doc' && !!entry.docUrl && /^https?:\/\//i.test(entry.docUrl);
    return html`<li
      part=${selected ? 'item item-selected' : 'item'}
      role="treeitem"
      id=${domId(leaf.key)}
      class=${selected ? 'selected' : ''}
      data-key=${leaf.key}
      data-kind=${entry.kind}
      aria-level=${leaf.level}
      aria-posinset=${position.posinset}
      aria-setsize=${position.setsize}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${tab ? '0' : '-1'}
    >
      <div class="row entry-row">
        ${this.renderBadge(entry)}
        <span class="text">
          <span class="title" title=${pick(entry.title, this.locale)}>${this.highlight(pick(entry.title, this.locale))}</span>
          ${detail
            ? html`<span class="detail"><span class="visually-hidden">${this.t(`tree.detail.${detail.field}`)}: </span><span class=${detail.field === 'title' ? '' : 'mono'}>${this.highlight(detail.text)}</span></span>`
            : nothing}
        </span>
        ${opensDoc
          ? html`<svg class="external" viewBox="0 0 16 16" aria-hidden="true"><path d="M9 3h4v4M13 3 7 9M11 9.5V13H3V5h3.5" /></svg><span class="visually-hidden">${this.t('tree.opensDoc')}</span>`
          : nothing}
      </div>
    </li>`;
  }

  private renderBadge(entry: CatalogEntry) {
    if (entry.kind === 'endpoint') return html`<span part="badge" class="badge method" data-method=${entry.method}>${entry.method}</span>`;
    const label = entry.kind === 'callback' ? this.t('tree.badge.callback') : this.t('tree.badge.doc');
    return html`<span part="badge" class="badge kind" data-kind=${entry.kind} title=${this.t(entry.kind === 'callback' ? 'tree.kind.callback' : 'tree.kind.doc')}>${label}</span>`;
  }

  /** A text with the search words wrapped in `<mark>`. */
  private highlight(text: string): unknown {
    const ranges = filtering(this.filter) ? highlightRanges(text, this.filter.tokens) : [];
    if (!ranges.length) return text;
    const parts: unknown[] = [];
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) parts.push(text.slice(at, start));
      parts.push(html`<mark part="mark">${text.slice(start, end)}</mark>`);
      at = end;
    }
    if (at < text.length) parts.push(text.slice(at));
    return parts;
  }

  // Search -----------------------------------------------------------------------------------

  private readonly onSearchInput = (event: Event) => {
    // While an input method composes (pinyin), wait for the characters it produces.
    if ((event as InputEvent).isComposing) return;
    this.setQuery((event.target as HTMLInputElement).value);
  };

  private setQuery(value: string): void {
    if (value === this.query) return;
    this.query = value;
    if (this.scroller) this.scroller.scrollTop = 0;
  }

  private readonly clearSearch = () => {
    this.setQuery('');
    this.renderRoot.querySelector<HTMLInputElement>('[part="search"]')?.focus();
  };

  private readonly onSearchKeydown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown') {
      const key = filtering(this.filter) ? this.rows[0]?.node.key : this.tabKey();
      if (key) {
        event.preventDefault();
        void this.focusRow(key);
      }
    } else if (event.key === 'Enter') {
      // Enter in the search box selects the first matching entry.
      const first = this.rows.find((r) => r.node.kind === 'entry');
      if (first && filtering(this.filter)) {
        event.preventDefault();
        if (this.choose(first.node as TreeLeaf)) void this.focusRow(first.node.key);
      }
    } else if (event.key === 'Escape' && this.query) {
      event.preventDefault();
      event.stopPropagation();
      this.setQuery('');
    }
  };

  // Tree interaction -------------------------------------------------------------------------

  private rowOf(event: Event): TreeRow | undefined {
    const item = (event.target as Element).closest?.('[role="treeitem"]') as HTMLElement | null;
    const index = item ? this.rowIndex.get(item.dataset['key'] ?? '') : undefined;
    return index === undefined ? undefined : this.rows[index];
  }

  private readonly onTreeFocus = (event: FocusEvent) => {
    const row = this.rowOf(event);
    if (row && row.node.key !== this.focusKey) this.focusKey = row.node.key;
  };

  private readonly onTreeClick = (event: MouseEvent) => {
    const row = this.rowOf(event);
    if (!row) return;
    this.activate(row);
  };

  /** Enter, Space or a click: a group opens or closes, an entry is selected. */
  private activate(row: TreeRow): void {
    this.focusKey = row.node.key;
    if (row.node.kind === 'group') this.setExpanded(row.node, !row.expanded);
    else this.choose(row.node);
  }

  private readonly onTreeKeydown = (event: KeyboardEvent) => {
    const row = this.rowOf(event);
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = this.rowIndex.get(row.node.key)!;
    const node = row.node;
    let target: string | undefined;
    switch (event.key) {
      case 'ArrowDown':
        target = this.rows[index + 1]?.node.key;
        break;
      case 'ArrowUp':
        target = this.rows[index - 1]?.node.key;
        break;
      case 'Home':
        target = this.rows[0]?.node.key;
        break;
      case 'End':
        target = this.rows[this.rows.length - 1]?.node.key;
        break;
      case 'ArrowRight':
        if (node.kind === 'group') {
          if (!row.expanded) this.setExpanded(node, true);
          else target = this.rows[index + 1]?.node.key;
        }
        break;
      case 'ArrowLeft':
        if (node.kind === 'group' && row.expanded) this.setExpanded(node, false);
        else target = node.parent?.key;
        break;
      case 'Enter':
      case ' ':
        this.activate(row);
        break;
      case '*':
        this.expandSiblings(node);
        break;
      default:
        if (event.key.length === 1 && /\S/.test(event.key)) {
          target = this.typeAhead(event.key, index);
          if (!target) return;
          break;
        }
        return;
    }
    event.preventDefault();
    if (target && target !== node.key) void this.focusRow(target);
  };

  private expandSiblings(node: TreeNode): void {
    const siblings = visibleChildren(node.parent ? node.parent.children : (this.tree?.roots ?? []), this.filter);
    for (const sibling of siblings) if (sibling.kind === 'group' && !this.isExpanded(sibling)) this.setExpanded(sibling, true);
  }

  /** The next row whose title starts with what was typed (a repeated letter cycles through them). */
  private typeAhead(key: string, from: number): string | undefined {
    const now = performance.now();
    this.typed = now - this.typedAt > TYPEAHEAD_MS ? key : this.typed + key;
    this.typedAt = now;
    const repeated = [...this.typed].every((c) => c === this.typed[0]);
    const prefix = (repeated ? this.typed[0]! : this.typed).toLowerCase();
    const count = this.rows.length;
    // A new search starts after the current row; a longer prefix may still match the current row.
    const start = repeated ? from + 1 : from;
    for (let i = 0; i < count; i++) {
      const row = this.rows[(start + i) % count]!;
      if (this.label(row.node).toLowerCase().startsWith(prefix)) return row.node.key;
    }
    return undefined;
  }

  private label(node: TreeNode): string {
    return pick(node.kind === 'group' ? node.title : node.entry.title, this.locale);
  }

  /** Moves the tab stop and focus to a row, rendering it first if it is beyond the rendered part. */
  private async focusRow(key: string): Promise<void> {
    this.focusKey = key;
    await this.updateComplete;
    const el = this.itemElement(key);
    if (!el) return;
    el.focus({ preventScroll: true });
    this.scrollToRow(el);
  }

  private itemElement(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(domId(key))}`);
  }

  /** Scrolls the tree (or, when it does not scroll itself, the page) just enough to show a row. */
  private scrollToRow(item: HTMLElement): void {
    const row = (item.querySelector(':scope > .row') as HTMLElement | null) ?? item;
    const scroller = this.scroller;
    if (scroller && scroller.scrollHeight > scroller.clientHeight) {
      const r = row.getBoundingClientRect();
      const s = scroller.getBoundingClientRect();
      if (r.top < s.top) scroller.scrollTop -= s.top - r.top;
      else if (r.bottom > s.bottom) scroller.scrollTop += r.bottom - s.bottom;
    } else {
      row.scrollIntoView({ block: 'nearest' });
    }
  }

  // Rendering more rows as they scroll near --------------------------------------------------

  private watchSpacer(): void {
    const spacer = this.spacer;
    this.observer?.disconnect();
    if (!spacer) return;
    // The space kept for the rows not rendered yet, at the average height of those rendered.
    const tree = this.renderRoot.querySelector<HTMLElement>('[part="tree"]');
    const rendered = Math.min(this.limit, this.rows.length);
    if (tree && rendered >= 20) this.rowPx = tree.offsetHeight / rendered || ROW_PX;
    spacer.style.height = `${Math.round((this.rows.length - rendered) * this.rowPx)}px`;
    this.observer ??= new IntersectionObserver(this.onSpacerVisible, { rootMargin: '400px 0px' });
    this.observer.observe(spacer);
  }

  private readonly onSpacerVisible = (entries: IntersectionObserverEntry[]) => {
    const entry = entries[entries.length - 1];
    if (!entry?.isIntersecting) return;
    const bottom = (entry.rootBounds?.bottom ?? window.innerHeight) + 400;
    const needed = Math.ceil((bottom - entry.boundingClientRect.top) / this.rowPx);
    const step = Math.min(MAX_STEP, Math.max(MORE_ROWS, needed));
    this.limit = Math.min(this.rows.length, this.limit + step);
  };
}

/** An element id for a node key (entry ids are safe already; group keys hold `:` and `/`). */
function domId(key: string): string {
  return `node-${key.replace(/[^\w.-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`)}`;
}

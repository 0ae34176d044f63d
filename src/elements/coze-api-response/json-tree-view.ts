/**
 * The JSON tree of a response body: state (what is open, which row is active, the scroll position)
 * and its windowed rendering. One instance per shown body; the element owns it and renders it in
 * its own shadow root (so that `::part(json)` reaches it).
 *
 * Keyboard (WAI-ARIA tree, focus stays on the tree, the active row is `aria-activedescendant`):
 * ↑/↓ move, → opens a node or goes to its first child, ← closes it or goes to its parent, Home/End,
 * PageUp/PageDown, Enter/Space toggle (or show more), `*` expands everything.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { emptyTreeState, expandAllIds, flattenJson, initialExpansion, type JsonRow, type TreeViewState } from '../../core/response/json-tree.js';
import { scrollToShow, visibleWindow } from '../../core/response/window.js';
import { cssomStyle } from '../shared/cssom-style.js';

/** Height of one row, px (the stylesheet sets the same). */
export const TREE_ROW_HEIGHT = 22;
const PAGE = 100;

export interface JsonTreeLabels {
  label: string;
  keys: (n: number) => string;
  items: (n: number) => string;
  more: (n: number, hidden: number) => string;
  all: (n: number) => string;
  openString: string;
  closeString: string;
}

let treeCounter = 0;

export class JsonTreeView implements ReactiveController {
  private root: unknown;
  private state: TreeViewState = emptyTreeState();
  rows: JsonRow[] = [];
  private activeId = '';
  private scrollTop = 0;
  private viewportHeight = 440;
  private viewport: HTMLElement | undefined;
  private readonly domId = `json-tree-${++treeCounter}`;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  dispose(): void {
    this.host.removeController(this);
    if (this.frame) cancelAnimationFrame(this.frame);
  }

  /** Shows a new value: the first levels open while they stay small. */
  setRoot(root: unknown): void {
    this.root = root;
    this.state = { ...emptyTreeState(), expanded: initialExpansion(root) };
    this.activeId = '';
    this.scrollTop = 0;
    if (this.viewport) this.viewport.scrollTop = 0;
    this.refresh();
  }

  get rootValue(): unknown {
    return this.root;
  }

  private refresh(): void {
    this.rows = flattenJson(this.root, this.state, { page: PAGE });
    this.host.requestUpdate();
  }

  private get activeIndex(): number {
    const i = this.rows.findIndex((r) => r.id === this.activeId);
    return i < 0 ? 0 : i;
  }

  expandAll(): void {
    this.state.expanded = expandAllIds(this.root, this.state, 20_000, PAGE);
    this.refresh();
  }

  collapseAll(): void {
    this.state.expanded = new Set(this.rows.length ? [''] : []);
    this.state.opened.clear();
    this.activeId = '';
    this.refresh();
    this.reveal(0);
  }

  private toggle(row: JsonRow, open?: boolean): void {
    if (!row.expandable) return;
    const set = row.kind === 'string' ? this.state.opened : this.state.expanded;
    const next = open ?? !row.expanded;
    if (next) set.add(row.id);
    else set.delete(row.id);
    this.refresh();
  }

  private showMore(row: JsonRow, all: boolean): void {
    const parent = row.parent;
    if (parent === undefined) return;
    const shown = (this.state.limits.get(parent) ?? PAGE) + (all ? row.hidden ?? 0 : PAGE);
    this.state.limits.set(parent, shown);
    // Keep the cursor on the first newly shown child.
    const before = this.rows.findIndex((r) => r.id === row.id);
    this.refresh();
    this.activeId = this.rows[before]?.id ?? this.activeId;
    this.host.requestUpdate();
  }

  private activate(row: JsonRow): void {
    if (row.type === 'more') this.showMore(row, false);
    else if (row.type === 'all') this.showMore(row, true);
    else this.toggle(row);
  }

  private move(index: number): void {
    const i = Math.max(0, Math.min(this.rows.length - 1, index));
    this.activeId = this.rows[i]?.id ?? '';
    this.reveal(i);
    this.host.requestUpdate();
  }

  private reveal(index: number): void {
    const top = scrollToShow(index, this.scrollTop, this.viewportHeight, TREE_ROW_HEIGHT);
    if (top !== this.scrollTop) {
      this.scrollTop = top;
      if (this.viewport) this.viewport.scrollTop = top;
    }
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const index = this.activeIndex;
    const row = this.rows[index];
    if (!row) return;
    const page = Math.max(1, Math.floor(this.viewportHeight / TREE_ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown':
        this.move(index + 1);
        break;
      case 'ArrowUp':
        this.move(index - 1);
        break;
      case 'Home':
        this.move(0);
        break;
      case 'End':
        this.move(this.rows.length - 1);
        break;
      case 'PageDown':
        this.move(index + page);
        break;
      case 'PageUp':
        this.move(index - page);
        break;
      case 'ArrowRight':
        if (row.expandable && !row.expanded) this.toggle(row, true);
        else if (row.expanded) this.move(index + 1);
        break;
      case 'ArrowLeft':
        if (row.expandable && row.expanded) this.toggle(row, false);
        else if (row.parent !== undefined) this.move(this.rows.findIndex((r) => r.id === row.parent));
        break;
      case 'Enter':
      case ' ':
        this.activate(row);
        break;
      case '*':
        this.expandAll();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  private readonly onScroll = (e: Event): void => {
    this.scrollTop = (e.currentTarget as HTMLElement).scrollTop;
    // One re-render per frame, however fast the wheel turns.
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.host.requestUpdate();
      });
    }
  };

  private readonly setViewport = (el: Element | undefined): void => {
    this.viewport = el as HTMLElement | undefined;
  };

  hostUpdated(): void {
    const height = this.viewport?.clientHeight;
    if (height && Math.abs(height - this.viewportHeight) > 1) {
      this.viewportHeight = height;
      this.host.requestUpdate();
    }
  }

  render(labels: JsonTreeLabels) {
    const rows = this.rows;
    const win = visibleWindow({ count: rows.length, rowHeight: TREE_ROW_HEIGHT, scrollTop: this.scrollTop, viewportHeight: this.viewportHeight, overscan: 10 });
    const active = this.activeIndex;
    const activeShown = active >= win.start && active < win.end;
    const slice = rows.slice(win.start, win.end);
    return html`<div
      part="json"
      class="json-tree"
      role="tree"
      tabindex="0"
      aria-label=${labels.label}
      aria-activedescendant=${activeShown ? `${this.domId}-${active}` : nothing}
      @keydown=${this.onKeydown}
      @scroll=${this.onScroll}
      ${ref(this.setViewport)}
    >
      <div class="window" ${cssomStyle({ 'padding-top': `${win.before}px`, 'padding-bottom': `${win.after}px` })}>${slice.map((row, i) => this.renderRow(row, win.start + i, win.start + i === active, labels))}</div>
    </div>`;
  }

  private renderRow(row: JsonRow, index: number, active: boolean, labels: JsonTreeLabels) {
    const onClick = () => {
      this.activeId = row.id;
      if (row.type !== 'line' && (row.expandable || row.type !== 'node')) this.activate(row);
      else this.host.requestUpdate();
    };
    const indent = cssomStyle({ 'padding-left': `${row.depth * 16 + 4}px` });
    const common = { id: `${this.domId}-${index}`, cls: `row${active ? ' active' : ''}` };
    if (row.type === 'more' || row.type === 'all') {
      const text = row.type === 'more' ? labels.more(Math.min(PAGE, row.hidden ?? 0), row.hidden ?? 0) : labels.all(row.hidden ?? 0);
      return html`<div id=${common.id} class="${common.cls} more" role="treeitem" aria-level=${row.depth + 1} aria-posinset=${row.pos} aria-setsize=${row.setSize} ${indent} @click=${onClick}>
        <span class="twisty" aria-hidden="true">${row.type === 'more' ? '⋯' : '⇣'}</span><span class="more-text">${text}</span>
      </div>`;
    }
    if (row.type === 'line') {
      return html`<div id=${common.id} class="${common.cls} line" role="treeitem" aria-level=${row.depth + 1} aria-posinset=${row.pos} aria-setsize=${row.setSize} ${indent} @click=${onClick}>
        <span class="twisty" aria-hidden="true"></span><span class="v-string">${row.text || ' '}</span>
      </div>`;
    }
    const container = row.kind === 'object' || row.kind === 'array';
    const twisty = row.expandable ? (row.expanded ? '▾' : '▸') : '';
    return html`<div
      id=${common.id}
      class=${common.cls}
      role="treeitem"
      aria-level=${row.depth + 1}
      aria-posinset=${row.pos}
      aria-setsize=${row.setSize}
      aria-expanded=${row.expandable ? String(row.expanded) : nothing}
      ${indent}
      @click=${onClick}
    >
      <span class="twisty" aria-hidden="true">${twisty}</span>${row.key !== undefined
        ? html`<span class=${row.index ? 'k-index' : 'k-key'}>${row.index ? row.key : JSON.stringify(row.key)}</span><span class="p">: </span>`
        : nothing}${container
        ? html`${row.expanded ? html`<span class="p">${row.kind === 'array' ? '[' : '{'}</span>` : html`<span class="preview">${row.text}</span>`}<span class="count">${row.kind === 'array' ? labels.items(row.size ?? 0) : labels.keys(row.size ?? 0)}</span>`
        : row.expanded
          ? html`<span class="count">${labels.closeString}</span>`
          : html`<span class=${`v-${row.kind}`}>${row.text}</span>${row.truncated ? html`<span class="count">${labels.openString}</span>` : nothing}`}
    </div>`;
  }
}

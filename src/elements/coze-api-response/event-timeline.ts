/**
 * The live timeline of a stream's events: one row per event (index, name, arrival time, payload
 * folded), a filter by event name, and windowed rendering so that 10,000 events cost a few dozen
 * DOM rows. It follows the newest event while the list is scrolled to the bottom.
 *
 * Keyboard: the rows' toggle buttons form one tab stop; ↑/↓/Home/End move between them,
 * Enter/Space open or fold the payload.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { indentJson, jsonTokens } from '../../core/response/json-text.js';
import type { ViewEvent } from '../../core/response/view.js';
import { scrollToShow, visibleWindow } from '../../core/response/window.js';
import { cssomStyle } from '../shared/cssom-style.js';

/** Height of a folded row, px (the stylesheet sets the same). */
export const EVENT_ROW_HEIGHT = 28;

export interface TimelineLabels {
  label: string;
  filter: string;
  all: (n: number) => string;
  payload: (index: number) => string;
  none: string;
}

export function renderTokens(text: string, limit = 200_000) {
  return jsonTokens(text, limit).map((t) => (t.kind === 'text' || t.kind === 'punct' ? t.text : html`<span class=${`v-${t.kind}`}>${t.text}</span>`));
}

export class EventTimeline implements ReactiveController {
  private events: readonly ViewEvent[] = [];
  private fed = 0;
  private readonly counts = new Map<string, number>();
  private filter = '';
  private matching: number[] = [];
  private readonly open = new Set<number>();
  private readonly heights = new Map<number, number>();
  private scrollTop = 0;
  private viewportHeight = 320;
  private viewport: HTMLElement | undefined;
  private follow = true;
  private active = 0;
  private focusPending = false;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  dispose(): void {
    this.host.removeController(this);
    if (this.frame) cancelAnimationFrame(this.frame);
  }

  /** Takes (up to `budget` of) the events received since the last call; true when it has them all. */
  sync(events: readonly ViewEvent[], budget = Infinity): boolean {
    if (events !== this.events) {
      this.events = events;
      this.fed = 0;
      this.counts.clear();
      this.matching = [];
      this.open.clear();
      this.heights.clear();
    }
    const until = Math.min(events.length, this.fed + budget);
    for (; this.fed < until; this.fed++) {
      const e = events[this.fed]!;
      this.counts.set(e.event, (this.counts.get(e.event) ?? 0) + 1);
      if (this.filter && e.event === this.filter) this.matching.push(this.fed);
    }
    return this.fed === events.length;
  }

  private get size(): number {
    return this.filter ? this.matching.length : this.events.length;
  }

  private indexAt(position: number): number {
    return this.filter ? this.matching[position]! : position;
  }

  private positionOf(index: number): number {
    if (!this.filter) return index;
    let lo = 0;
    let hi = this.matching.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.matching[mid]!;
      if (v === index) return mid;
      if (v < index) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private extras(): Map<number, number> {
    const extra = new Map<number, number>();
    for (const index of this.open) {
      const pos = this.positionOf(index);
      if (pos >= 0) extra.set(pos, this.heights.get(index) ?? 0);
    }
    return extra;
  }

  private setFilter(name: string): void {
    this.filter = name;
    this.matching = [];
    if (name) for (let i = 0; i < this.fed; i++) if (this.events[i]!.event === name) this.matching.push(i);
    this.active = 0;
    this.scrollTop = 0;
    if (this.viewport) this.viewport.scrollTop = 0;
    this.follow = true;
    this.host.requestUpdate();
  }

  private toggle(index: number): void {
    if (this.open.has(index)) this.open.delete(index);
    else this.open.add(index);
    this.follow = false;
    this.host.requestUpdate();
  }

  private moveTo(position: number): void {
    const size = this.size;
    if (!size) return;
    this.active = Math.max(0, Math.min(size - 1, position));
    const extra = this.extras();
    const top = scrollToShow(this.active, this.scrollTop, this.viewportHeight, EVENT_ROW_HEIGHT, extra);
    if (top !== this.scrollTop && this.viewport) {
      this.scrollTop = top;
      this.viewport.scrollTop = top;
    }
    this.follow = false;
    this.focusPending = true;
    this.host.requestUpdate();
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (!(e.target as HTMLElement).classList?.contains('ev-head')) return;
    const moves: Record<string, number> = { ArrowDown: this.active + 1, ArrowUp: this.active - 1, Home: 0, End: this.size - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    this.moveTo(moves[e.key]!);
  };

  private readonly onScroll = (e: Event): void => {
    const el = e.currentTarget as HTMLElement;
    this.scrollTop = el.scrollTop;
    this.follow = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
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
    const viewport = this.viewport;
    if (!viewport) return;
    let changed = false;
    const height = viewport.clientHeight;
    if (height && Math.abs(height - this.viewportHeight) > 1) {
      this.viewportHeight = height;
      changed = true;
    }
    for (const row of viewport.querySelectorAll<HTMLElement>('.ev-row.open')) {
      const index = Number(row.dataset['index']);
      const extra = Math.max(0, row.offsetHeight - EVENT_ROW_HEIGHT);
      if (this.heights.get(index) !== extra) {
        this.heights.set(index, extra);
        changed = true;
      }
    }
    if (this.follow && viewport.scrollHeight > viewport.clientHeight && viewport.scrollTop + viewport.clientHeight < viewport.scrollHeight - 4) {
      viewport.scrollTop = viewport.scrollHeight;
      this.scrollTop = viewport.scrollTop;
      changed = true;
    }
    if (this.focusPending) {
      this.focusPending = false;
      viewport.querySelector<HTMLElement>(`.ev-row[data-pos="${this.active}"] .ev-head`)?.focus();
    }
    if (changed) this.host.requestUpdate();
  }

  /**
   * @param live whether the stream is still arriving: only then does the list follow the newest event.
   * @param tools extra controls for the toolbar (a download button).
   */
  render(labels: TimelineLabels, live: boolean, tools: unknown = nothing) {
    if (!live) this.follow = false;
    const size = this.size;
    const extra = this.extras();
    const win = visibleWindow({ count: size, rowHeight: EVENT_ROW_HEIGHT, scrollTop: this.scrollTop, viewportHeight: this.viewportHeight, extra, overscan: 6 });
    if (this.active >= size) this.active = Math.max(0, size - 1);
    const activeShown = this.active >= win.start && this.active < win.end;
    const rows = [];
    for (let pos = win.start; pos < win.end; pos++) rows.push(this.renderRow(this.events[this.indexAt(pos)]!, pos, labels));
    const names = [...this.counts.entries()];
    return html`<div class="ev-toolbar">
        <label class="ev-filter"
          >${labels.filter}
          <select .value=${this.filter} @change=${(e: Event) => this.setFilter((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.filter}>${labels.all(this.events.length)}</option>
            ${names.map(([name, n]) => html`<option value=${name} ?selected=${name === this.filter}>${name} (${n})</option>`)}
          </select>
        </label>
        <span class="spacer"></span>
        ${tools}
      </div>
      <div class="ev-viewport" tabindex=${activeShown ? '-1' : '0'} @keydown=${this.onKeydown} @scroll=${this.onScroll} ${ref(this.setViewport)}>
        ${size
          ? html`<div class="window" role="list" aria-label=${labels.label} ${cssomStyle({ 'padding-top': `${win.before}px`, 'padding-bottom': `${win.after}px` })}>${rows}</div>`
          : html`<p class="ev-none">${labels.none}</p>`}
      </div>`;
  }

  private renderRow(e: ViewEvent, pos: number, labels: TimelineLabels) {
    const open = this.open.has(e.index);
    const preview = e.data.length > 160 ? `${e.data.slice(0, 160)}…` : e.data;
    return html`<div class="ev-row${open ? ' open' : ''}" role="listitem" data-index=${e.index} data-pos=${pos}>
      <button
        class="ev-head"
        aria-expanded=${String(open)}
        tabindex=${pos === this.active ? '0' : '-1'}
        @click=${() => {
          this.active = pos;
          this.toggle(e.index);
        }}
      >
        <span class="ev-idx">#${e.index}</span> <span class="ev-name">${e.event}</span> <span class="ev-at">${Math.round(e.at)} ms</span> <span class="ev-preview">${open ? '' : preview}</span>
      </button>
      ${open ? html`<pre class="ev-payload" tabindex="0" aria-label=${labels.payload(e.index)}>${renderTokens(indentJson(e.data, 500_000))}</pre>` : nothing}
    </div>`;
  }
}

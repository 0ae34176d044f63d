/**
 * Windowing arithmetic for long lists: which rows of a list are visible in a scrolled viewport, and
 * the space to leave above and below them. Rows have one height, except a few (opened ones) whose
 * extra height is known; so 100,000 rows cost a handful of DOM nodes.
 */

export interface WindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  /** Extra height (beyond `rowHeight`) of particular rows, by index. */
  extra?: ReadonlyMap<number, number>;
  /** Rows rendered beyond each edge of the viewport (default 8). */
  overscan?: number;
}

export interface WindowRange {
  /** First rendered row (inclusive) and last (exclusive). */
  start: number;
  end: number;
  /** Space before the first rendered row and after the last one, px. */
  before: number;
  after: number;
  total: number;
}

/** Top offset of row `index`. */
export function rowTop(index: number, rowHeight: number, extra?: ReadonlyMap<number, number>): number {
  let top = index * rowHeight;
  if (extra) for (const [i, h] of extra) if (i < index) top += h;
  return top;
}

export function totalHeight(count: number, rowHeight: number, extra?: ReadonlyMap<number, number>): number {
  return rowTop(count, rowHeight, extra);
}

/** Index of the row at vertical offset `y`. */
export function rowAt(y: number, count: number, rowHeight: number, extra?: ReadonlyMap<number, number>): number {
  if (count <= 0) return 0;
  if (!extra || extra.size === 0) return Math.max(0, Math.min(count - 1, Math.floor(y / rowHeight)));
  const tall = [...extra].filter(([i]) => i < count).sort((a, b) => a[0] - b[0]);
  let offset = 0;
  let from = 0;
  for (const [i, h] of tall) {
    const top = offset + (i - from) * rowHeight;
    if (y < top) break;
    if (y < top + rowHeight + h) return i;
    offset = top + rowHeight + h;
    from = i + 1;
  }
  return Math.max(0, Math.min(count - 1, from + Math.floor((y - offset) / rowHeight)));
}

export function visibleWindow(input: WindowInput): WindowRange {
  const { count, rowHeight, scrollTop, viewportHeight, extra } = input;
  const overscan = input.overscan ?? 8;
  const total = totalHeight(count, rowHeight, extra);
  if (count === 0) return { start: 0, end: 0, before: 0, after: 0, total };
  const first = rowAt(Math.max(0, scrollTop), count, rowHeight, extra);
  const last = rowAt(Math.max(0, scrollTop + viewportHeight), count, rowHeight, extra);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, last + 1 + overscan);
  const before = rowTop(start, rowHeight, extra);
  const after = total - rowTop(end, rowHeight, extra);
  return { start, end, before, after, total };
}

/** The scrollTop that brings row `index` into view (unchanged when it already is). */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number, extra?: ReadonlyMap<number, number>): number {
  const top = rowTop(index, rowHeight, extra);
  const bottom = top + rowHeight + (extra?.get(index) ?? 0);
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, Math.min(top, bottom - viewportHeight));
  return scrollTop;
}

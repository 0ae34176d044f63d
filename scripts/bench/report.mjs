/**
 * Tables of the UI benchmarks (scripts/bench/ui.mjs) for `npm run bench`: medians over page loads,
 * ours next to RapiDoc and Swagger UI on the same catalogue, and the chat demo.
 */

const median = (xs) => {
  const sorted = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
};
const pick = (runs, get) => runs.map((r) => {
  try {
    return get(r);
  } catch {
    return undefined;
  }
});

/** Median of a metric over runs; `undefined` when no run got that far. */
export const med = (runs, get) => median(pick(runs ?? [], get));
/** The worst (largest) value of a metric over runs. */
export const worst = (runs, get) => {
  const xs = pick(runs ?? [], get).filter((x) => typeof x === 'number' && Number.isFinite(x));
  return xs.length ? Math.max(...xs) : undefined;
};

const ms = (v) => (v === undefined ? '' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)}`);

/** Rows of cells, the first column left-aligned, the others right-aligned; `heads` rows go above a rule. */
function table(heads, rows) {
  const all = [...heads, ...rows];
  const widths = all[0].map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
  return [...heads.map(line), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

/**
 * A cell in ms: the median over runs; "> N s" when every run timed out before the metric; "n/a"
 * where the tool has no such view. Long tasks: "none" (no task over 50 ms), the worst run in brackets.
 */
function cell(runs, get, { na, longTask = false } = {}) {
  if (na) return na;
  const v = med(runs, get);
  if (v === undefined) {
    const timeout = runs?.find((r) => r.timeout)?.timeout;
    return timeout ? `> ${timeout.match(/\d+ s/)?.[0] ?? 'limit'}` : '—';
  }
  if (!longTask) return ms(v);
  const w = worst(runs, get);
  return `${v === 0 ? 'none' : ms(v)}${w > v ? ` (${ms(w)})` : ''}`;
}

export function catalogueTable(results) {
  const cats = ['builtin', '5000'];
  const tools = [
    ['ours', 'playground'],
    ['rapidoc', 'RapiDoc 9.3.8'],
    ['swagger', 'Swagger UI 5.35.0'],
  ];
  const n = (tool, c) => results.catalogues[c]?.[tool]?.length ?? 0;
  const heads = [
    ['ms, median of n page loads', ...tools.flatMap(([, name]) => [name, ''])],
    ['', ...tools.flatMap(([tool]) => cats.map((c) => `${c === 'builtin' ? 'built-in' : '5,000'} ×${n(tool, c)}`))],
  ];
  // oursOnly: what the other tools show instead ('n/a': no such view; '—': not compared).
  const row = (label, get, options = {}) => [label, ...tools.flatMap(([tool]) => cats.map((c) => cell(results.catalogues[c]?.[tool], get, { ...options, na: tool !== 'ours' && options.oursOnly })))];
  const rows = [
    row('list on screen (from navigation)', (r) => r.rendered),
    row('ready for input (end of the last long task)', (r) => r.interactive),
    row('longest task while loading', (r) => r.loadLongest, { longTask: true }),
    row('filter: one keystroke → list updated', (r) => r.filter.ms),
    row('click another API → shown', (r) => r.open.ms),
    row('10,000-event stream: Run → all shown', (r) => r.stream.ms, { oursOnly: 'n/a' }),
    row('10,000-event stream: longest task', (r) => r.stream.longest, { oursOnly: 'n/a', longTask: true }),
    row('10,000-event stream: longest frame gap', (r) => r.stream.longestGap, { oursOnly: 'n/a' }),
    row('20 MB response: Run → shown', (r) => r.big.ms, { oursOnly: '—' }),
    row('20 MB response: longest task', (r) => r.big.longest, { oursOnly: '—', longTask: true }),
  ];
  return table(heads, rows);
}

export function chatTable(runs, sizes) {
  const n = runs.length;
  const count = (get) => `${runs.filter(get).length}/${n}`;
  const rows = [
    ['20,000-token reply (20,000 delta events): Enter → complete', `${ms(med(runs, (r) => r.ms))} ms`],
    ['longest main-thread task', `${cell(runs, (r) => r.longest, { longTask: true })} ms`],
    ['longest gap between frames', `${cell(runs, (r) => r.longestGap, { longTask: true })} ms`],
    ['frame gaps over 50 ms', String(med(runs, (r) => r.gapsOver50) ?? '')],
    ['keys typed while streaming: longest wait for the handler', `${ms(med(runs, (r) => r.inputDelayMax))} ms (${med(runs, (r) => r.keys) ?? 0} keys)`],
    ['keys typed while streaming: longest key → next paint', `${ms(med(runs, (r) => r.eventMax))} ms (0: all < 16 ms)`],
    ['scroll to the top while streaming stayed there 10 frames', `${count((r) => r.scroll.held)} runs (still streaming: ${count((r) => r.scroll.whileStreaming)})`],
    ['scroll back to the end: followed the reply to its last line', `${count((r) => r.scroll.followed)} runs`],
    ...sizes.map(([label, kb]) => [label, `${kb.toFixed(1)} kB`]),
  ];
  return table([[`chat demo, median of ${n} page loads (long tasks: worst run in brackets)`, '']], rows);
}

/**
 * Numbers, sizes and durations in the reader's locale (digit grouping and decimal marks from `Intl`;
 * the unit symbols B/KB/MB and ms/s are the same in both languages, as developer tools write them).
 */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, fraction: number): Intl.NumberFormat {
  const key = `${locale}|${fraction}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: fraction, maximumFractionDigits: fraction })));
  return format;
}

/** `12,345` (en), `12,345` (zh-CN); `fraction` fixes the number of decimals (default: none). */
export function formatNumber(n: number, locale = 'en', fraction = 0): string {
  return numberFormat(locale, fraction).format(n);
}

/** `512 B`, `1.5 KB`, `20.00 MB`, `1.25 GB`. */
export function formatBytes(bytes: number, locale = 'en'): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, locale, 1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, locale, 2)} MB`;
  return `${formatNumber(bytes / 1024 / 1024 / 1024, locale, 2)} GB`;
}

/** `85 ms`, `1.24 s`; `–` when there is no time. */
export function formatMs(ms: number | undefined, locale = 'en'): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${formatNumber(Math.round(ms), locale)} ms`;
  return `${formatNumber(ms / 1000, locale, 2)} s`;
}

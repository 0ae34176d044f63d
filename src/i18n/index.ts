/**
 * The two languages every element speaks, and the lookup of its strings.
 *
 * Each element module registers the strings it uses (`registerMessages(part)` with a file from
 * `./parts/`), so a page that loads one element carries that element's strings only. `en.ts` and
 * `zh-CN.ts` join all parts for the type of a key and for the completeness tests; nothing at runtime
 * imports them.
 */
import type { LocalizedText } from '../core/catalog/schema.js';
import { formatNumber } from '../core/format.js';
import type { en } from './en.js';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/** One element's strings: English and 简体中文 with the same keys. */
export interface MessagePart<K extends MessageKey = MessageKey> {
  en: Record<K, string>;
  zhCN: Record<K, string>;
}

const tables: Record<Locale, Partial<Messages>> = { 'zh-CN': {}, en: {} };

/** Adds an element's strings to the lookup (idempotent: registering a part twice changes nothing). */
export function registerMessages<K extends MessageKey>(part: MessagePart<K>): void {
  Object.assign(tables.en, part.en);
  Object.assign(tables['zh-CN'], part.zhCN);
}

/** `lang` attribute values → a supported locale (`zh`, `zh-Hans`, `zh-CN` → zh-CN; everything else → en). */
export function toLocale(lang: string | null | undefined): Locale {
  return lang && /^zh\b/i.test(lang) ? 'zh-CN' : 'en';
}

/**
 * A message with `{name}` placeholders filled in; number values are written the locale's way (`12,345`).
 * Pass codes and ids as strings. An unregistered key comes back as itself.
 */
export function msg(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const template = tables[locale][key] ?? tables.en[key] ?? key;
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in values)) return m;
    const value = values[name];
    return typeof value === 'number' ? formatNumber(value, locale) : String(value);
  });
}

/** The side of a catalogue text that matches the locale. */
export function pick(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'zh-CN' ? text.zh : text.en;
}

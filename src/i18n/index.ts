/** The two languages every element speaks, and the lookup of its strings. */
import type { LocalizedText } from '../core/catalog/schema.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const tables: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** `lang` attribute values → a supported locale (`zh`, `zh-Hans`, `zh-CN` → zh-CN; everything else → en). */
export function toLocale(lang: string | null | undefined): Locale {
  return lang && /^zh\b/i.test(lang) ? 'zh-CN' : 'en';
}

/** A message with `{name}` placeholders filled in. */
export function msg(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const template = tables[locale][key] ?? en[key];
  return values ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : template;
}

/** The side of a catalogue text that matches the locale. */
export function pick(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'zh-CN' ? text.zh : text.en;
}

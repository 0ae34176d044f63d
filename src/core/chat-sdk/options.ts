/**
 * The options of the Coze Web Chat SDK (`new CozeWebSDK.WebChatClient({ config, auth, userInfo, ui })`)
 * as form fields: where each one lives in the options object, its default, and the older
 * `componentProps` spelling it may also be found under. The options object itself is a
 * {@link LiteralObject} (what the embed code's object literal reads as), so that keys the form does
 * not know, and functions, survive every edit.
 *
 * Facts (option names, defaults) from the Coze Chat SDK docs and its published types; wording ours.
 */
import type { LocalizedText } from '../catalog/schema.js';
import { isLiteralObject, RawCode, type LiteralObject, type LiteralValue } from './literal.js';

/** Shown in code instead of the access token until the user reveals it. */
export const TOKEN_PLACEHOLDER = '{{ACCESS_TOKEN}}';

export type FieldKind = 'text' | 'secret' | 'url' | 'number' | 'boolean' | 'choice' | 'json' | 'links';
export type GroupId = 'target' | 'auth' | 'user' | 'look' | 'frame' | 'window' | 'list';
export type FieldId =
  | 'type'
  | 'botId'
  | 'botParameters'
  | 'appId'
  | 'workflowId'
  | 'appParameters'
  | 'token'
  | 'refresh'
  | 'userId'
  | 'nickname'
  | 'avatar'
  | 'icon'
  | 'layout'
  | 'lang'
  | 'zIndex'
  | 'bubble'
  | 'header'
  | 'headerClose'
  | 'footer'
  | 'footerText'
  | 'footerLinks'
  | 'title'
  | 'width'
  | 'uploadable'
  | 'clearContext'
  | 'newConversation'
  | 'audio'
  | 'functionCalls'
  | 'feedback'
  | 'conversations';

export interface OptionField {
  id: FieldId;
  group: GroupId;
  kind: FieldKind;
  path: readonly string[];
  /** Other places the SDK reads the same setting (the deprecated `componentProps`); cleared on write. */
  aliases?: ReadonlyArray<readonly string[]>;
  choices?: readonly string[];
  default?: string | number | boolean;
  required?: boolean;
  /** Shown only for this kind of target. */
  target?: 'bot' | 'app';
}

export const GROUPS: readonly GroupId[] = ['target', 'auth', 'user', 'look', 'frame', 'window', 'list'];

const cp = (name: string) => [['componentProps', name]] as const;

export const FIELDS: readonly OptionField[] = [
  { id: 'type', group: 'target', kind: 'choice', path: ['config', 'type'], choices: ['bot', 'app'], default: 'bot' },
  { id: 'botId', group: 'target', kind: 'text', path: ['config', 'bot_id'], aliases: [['config', 'botId']], required: true, target: 'bot' },
  { id: 'botParameters', group: 'target', kind: 'json', path: ['config', 'botInfo', 'parameters'], target: 'bot' },
  { id: 'appId', group: 'target', kind: 'text', path: ['config', 'appInfo', 'appId'], required: true, target: 'app' },
  { id: 'workflowId', group: 'target', kind: 'text', path: ['config', 'appInfo', 'workflowId'], required: true, target: 'app' },
  { id: 'appParameters', group: 'target', kind: 'json', path: ['config', 'appInfo', 'parameters'], target: 'app' },
  { id: 'token', group: 'auth', kind: 'secret', path: ['auth', 'token'] },
  { id: 'refresh', group: 'auth', kind: 'boolean', path: ['auth', 'onRefreshToken'], default: false },
  { id: 'userId', group: 'user', kind: 'text', path: ['userInfo', 'id'] },
  { id: 'nickname', group: 'user', kind: 'text', path: ['userInfo', 'nickname'] },
  { id: 'avatar', group: 'user', kind: 'url', path: ['userInfo', 'url'] },
  { id: 'icon', group: 'look', kind: 'url', path: ['ui', 'base', 'icon'], aliases: cp('icon') },
  { id: 'layout', group: 'look', kind: 'choice', path: ['ui', 'base', 'layout'], choices: ['pc', 'mobile'], default: 'pc', aliases: cp('layout') },
  { id: 'lang', group: 'look', kind: 'choice', path: ['ui', 'base', 'lang'], choices: ['zh-CN', 'en'], default: 'zh-CN', aliases: cp('lang') },
  { id: 'zIndex', group: 'look', kind: 'number', path: ['ui', 'base', 'zIndex'], aliases: cp('zIndex') },
  { id: 'bubble', group: 'look', kind: 'boolean', path: ['ui', 'asstBtn', 'isNeed'], default: true },
  { id: 'header', group: 'frame', kind: 'boolean', path: ['ui', 'header', 'isShow'], default: true },
  { id: 'headerClose', group: 'frame', kind: 'boolean', path: ['ui', 'header', 'isNeedClose'], default: true },
  { id: 'footer', group: 'frame', kind: 'boolean', path: ['ui', 'footer', 'isShow'], default: true },
  { id: 'footerText', group: 'frame', kind: 'text', path: ['ui', 'footer', 'expressionText'] },
  { id: 'footerLinks', group: 'frame', kind: 'links', path: ['ui', 'footer', 'linkvars'] },
  { id: 'title', group: 'window', kind: 'text', path: ['ui', 'chatBot', 'title'], aliases: cp('title') },
  { id: 'width', group: 'window', kind: 'number', path: ['ui', 'chatBot', 'width'], default: 460, aliases: cp('width') },
  { id: 'uploadable', group: 'window', kind: 'boolean', path: ['ui', 'chatBot', 'uploadable'], default: true, aliases: cp('uploadable') },
  { id: 'clearContext', group: 'window', kind: 'boolean', path: ['ui', 'chatBot', 'isNeedClearContext'], default: true },
  { id: 'newConversation', group: 'window', kind: 'boolean', path: ['ui', 'chatBot', 'isNeedAddNewConversation'], default: false },
  { id: 'audio', group: 'window', kind: 'boolean', path: ['ui', 'chatBot', 'isNeedAudio'], default: true },
  { id: 'functionCalls', group: 'window', kind: 'boolean', path: ['ui', 'chatBot', 'isNeedFunctionCallMessage'], default: true },
  { id: 'feedback', group: 'window', kind: 'boolean', path: ['ui', 'chatBot', 'feedback', 'isNeedFeedback'], default: false },
  { id: 'conversations', group: 'list', kind: 'boolean', path: ['ui', 'conversations', 'isNeed'], default: false },
];

export function field(id: FieldId): OptionField {
  return FIELDS.find((f) => f.id === id)!;
}

// Paths ----------------------------------------------------------------------------------------

export function getPath(tree: LiteralObject, path: readonly string[]): LiteralValue {
  let node: LiteralValue = tree;
  for (const key of path) {
    if (!isLiteralObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

function hasPath(tree: LiteralObject, path: readonly string[]): boolean {
  let node: LiteralValue = tree;
  for (const key of path) {
    if (!isLiteralObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = node[key];
  }
  return true;
}

/** A copy of `tree` with `value` at `path` (objects on the way are created); `undefined` removes it, and empties left behind. */
export function setPath(tree: LiteralObject, path: readonly string[], value: LiteralValue): LiteralObject {
  const [key, ...rest] = path;
  if (key === undefined) return tree;
  const out: LiteralObject = { ...tree };
  if (rest.length === 0) {
    if (value === undefined) delete out[key];
    else out[key] = value;
    return out;
  }
  const child = out[key];
  if (value === undefined && !isLiteralObject(child)) return tree;
  const next = setPath(isLiteralObject(child) ? child : {}, rest, value);
  if (value === undefined && Object.keys(next).length === 0) delete out[key];
  else out[key] = next;
  return out;
}

// Reading and writing fields --------------------------------------------------------------------

export interface FieldValue {
  /** The value to show: what the options hold, else the default. */
  value: string | number | boolean | LiteralObject | undefined;
  /** Set when the options hold code for this field (a variable, a call) that cannot be shown as a value. */
  code?: string;
  /** Whether the options set it (under its path or an alias). */
  explicit: boolean;
}

/** The kind of target: `app` when `config.type` says so, or when only `appInfo` is present. */
export function targetType(tree: LiteralObject): 'bot' | 'app' {
  const type = getPath(tree, ['config', 'type']);
  if (type === 'app' || type === 'bot') return type;
  return getPath(tree, ['config', 'appInfo']) !== undefined && getPath(tree, ['config', 'bot_id']) === undefined ? 'app' : 'bot';
}

export function readField(tree: LiteralObject, f: OptionField): FieldValue {
  if (f.id === 'refresh') return { value: getPath(tree, f.path) !== undefined, explicit: hasPath(tree, f.path) };
  if (f.id === 'type') return { value: targetType(tree), explicit: hasPath(tree, f.path) };
  for (const path of [f.path, ...(f.aliases ?? [])]) {
    if (!hasPath(tree, path)) continue;
    const raw = getPath(tree, path);
    if (raw instanceof RawCode) return { value: undefined, code: raw.source, explicit: true };
    if (raw === undefined || raw === null) continue;
    if (Array.isArray(raw)) return { value: undefined, code: '[…]', explicit: true };
    return { value: raw, explicit: true };
  }
  return { value: f.default, explicit: false };
}

/** The options with a field set (or removed, for `undefined` and `''`); old aliases of it are removed. */
export function writeField(tree: LiteralObject, f: OptionField, value: string | number | boolean | LiteralObject | undefined): LiteralObject {
  let next = tree;
  for (const alias of f.aliases ?? []) next = setPath(next, alias, undefined);
  if (f.id === 'refresh') {
    return setPath(next, f.path, value ? new RawCode(`function () {\n  return '${TOKEN_PLACEHOLDER}';\n}`) : undefined);
  }
  const kept = value === '' || (typeof value === 'number' && !Number.isFinite(value)) ? undefined : value;
  next = setPath(next, f.path, kept);
  if (f.id === 'type' && kept === 'app') next = setPath(next, ['config', 'bot_id'], undefined);
  if (f.id === 'type' && kept === 'bot') next = setPath(next, ['config', 'appInfo'], undefined);
  return next;
}

/** Whether a field applies to the current target (bot fields are hidden for an app and the other way round). */
export function fieldApplies(tree: LiteralObject, f: OptionField): boolean {
  return !f.target || f.target === targetType(tree);
}

// The options a running preview uses ------------------------------------------------------------

export type ChatTarget = { type: 'bot'; botId: string; parameters?: Record<string, unknown> } | { type: 'app'; appId: string; workflowId: string; parameters?: Record<string, unknown> };

export interface FooterLink {
  text: string;
  link: string;
}

/** The options, resolved: defaults filled in, code that cannot run dropped. */
export interface ResolvedOptions {
  target: ChatTarget;
  /** The access token of the options ('' when none: the transport's own token is used). */
  token: string;
  refresh: boolean;
  user: { id: string; nickname: string; avatar?: string };
  icon?: string;
  layout: 'pc' | 'mobile';
  lang?: 'zh-CN' | 'en';
  zIndex?: number;
  bubble: boolean;
  header: boolean;
  headerClose: boolean;
  footer: boolean;
  footerText?: string;
  footerLinks: Record<string, FooterLink>;
  title?: string;
  width: number;
  uploadable: boolean;
  clearContext: boolean;
  newConversation: boolean;
  audio: boolean;
  functionCalls: boolean;
  feedback: boolean;
  conversations: boolean;
}

/** A literal as plain JSON-like data (code inside it is left out: it cannot run here). */
export function toPlain(value: LiteralValue): unknown {
  if (value instanceof RawCode || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(toPlain).filter((v) => v !== undefined);
  if (isLiteralObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const plain = toPlain(v);
      if (plain !== undefined) out[k] = plain;
    }
    return out;
  }
  return value;
}

export function resolveOptions(tree: LiteralObject): ResolvedOptions {
  const read = (id: FieldId) => readField(tree, field(id)).value;
  const str = (id: FieldId) => {
    const v = read(id);
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  };
  const bool = (id: FieldId) => {
    const v = read(id);
    return typeof v === 'boolean' ? v : Boolean(field(id).default);
  };
  const num = (id: FieldId) => {
    const v = read(id);
    return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const params = (id: FieldId) => {
    const v = read(id);
    return isLiteralObject(v) ? (toPlain(v) as Record<string, unknown>) : undefined;
  };
  const optional = <T>(value: T | undefined | '') => (value === undefined || value === '' ? undefined : value);
  const target: ChatTarget =
    targetType(tree) === 'app'
      ? { type: 'app', appId: str('appId'), workflowId: str('workflowId'), ...(params('appParameters') ? { parameters: params('appParameters')! } : {}) }
      : { type: 'bot', botId: str('botId'), ...(params('botParameters') ? { parameters: params('botParameters')! } : {}) };
  const links: Record<string, FooterLink> = {};
  const rawLinks = read('footerLinks');
  if (isLiteralObject(rawLinks)) {
    for (const [name, v] of Object.entries(rawLinks)) {
      if (isLiteralObject(v) && typeof v['text'] === 'string' && typeof v['link'] === 'string') links[name] = { text: v['text'], link: v['link'] };
    }
  }
  // Without a language of its own, the window speaks the page's.
  const lang = readField(tree, field('lang')).explicit ? str('lang') : '';
  const token = str('token');
  return {
    target,
    token: token === TOKEN_PLACEHOLDER ? '' : token,
    refresh: bool('refresh'),
    user: { id: str('userId'), nickname: str('nickname'), ...(optional(str('avatar')) ? { avatar: str('avatar') } : {}) },
    ...(optional(str('icon')) ? { icon: str('icon') } : {}),
    layout: str('layout') === 'mobile' ? 'mobile' : 'pc',
    ...(lang === 'en' || lang === 'zh-CN' ? { lang } : /^zh/i.test(lang) ? { lang: 'zh-CN' as const } : lang ? { lang: 'en' as const } : {}),
    ...(num('zIndex') !== undefined ? { zIndex: num('zIndex')! } : {}),
    bubble: bool('bubble'),
    header: bool('header'),
    headerClose: bool('headerClose'),
    footer: bool('footer'),
    ...(optional(str('footerText')) ? { footerText: str('footerText') } : {}),
    footerLinks: links,
    ...(optional(str('title')) ? { title: str('title') } : {}),
    width: Math.min(Math.max(num('width') ?? 460, 280), 1200),
    uploadable: bool('uploadable'),
    clearContext: bool('clearContext'),
    newConversation: bool('newConversation'),
    audio: bool('audio'),
    functionCalls: bool('functionCalls'),
    feedback: bool('feedback'),
    conversations: bool('conversations'),
  };
}

// Checks --------------------------------------------------------------------------------------------

export interface OptionProblem {
  field: FieldId;
  message: LocalizedText;
}

/** Only http(s) addresses are used for links and pictures; anything else (javascript:, data:) is refused. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** What must be fixed before a run: required ids, numbers, addresses. */
export function checkOptions(tree: LiteralObject): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const f of FIELDS) {
    if (!fieldApplies(tree, f)) continue;
    const { value, code } = readField(tree, f);
    if (code !== undefined) continue;
    if (f.required && (value === undefined || value === '')) problems.push({ field: f.id, message: { zh: '必填。', en: 'Required.' } });
    if (f.kind === 'number' && value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) problems.push({ field: f.id, message: { zh: '应为数字。', en: 'Must be a number.' } });
    if (f.kind === 'url' && typeof value === 'string' && value && !safeHttpUrl(value)) problems.push({ field: f.id, message: { zh: '应为 http(s) 地址。', en: 'Must be an http(s) address.' } });
    if (f.kind === 'choice' && value !== undefined && !f.choices!.includes(String(value))) problems.push({ field: f.id, message: { zh: `应为 ${f.choices!.join(' / ')} 之一。`, en: `Must be one of ${f.choices!.join(' / ')}.` } });
  }
  return problems;
}

// Footer ------------------------------------------------------------------------------------------

export type FooterSegment = string | { text: string; href: string };

/** The footer text with its `{{name}}` placeholders replaced by the named links (http(s) only). */
export function footerSegments(text: string, links: Record<string, FooterLink>): FooterSegment[] {
  const out: FooterSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)) {
    if (m.index! > last) out.push(text.slice(last, m.index));
    const link = links[m[1]!];
    const href = safeHttpUrl(link?.link);
    out.push(link ? (href ? { text: link.text, href } : link.text) : m[0]);
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

// First options -----------------------------------------------------------------------------------

export interface DefaultOptionsInput {
  botId?: string;
  token?: string;
  userId?: string;
  title?: string;
  lang?: 'zh-CN' | 'en';
}

/** The options a fresh configurator starts with: a bot, token auth with refresh, a visitor, the basics. */
export function defaultOptions(input: DefaultOptionsInput = {}): LiteralObject {
  return {
    config: { type: 'bot', bot_id: input.botId ?? '' },
    auth: { type: 'token', token: input.token ?? '', onRefreshToken: new RawCode(`function () {\n  return '${TOKEN_PLACEHOLDER}';\n}`) },
    userInfo: { id: input.userId ?? 'visitor-1', nickname: input.lang === 'en' ? 'Visitor' : '访客' },
    ui: {
      base: { layout: 'pc', zIndex: 1000 },
      asstBtn: { isNeed: true },
      footer: { isShow: true, expressionText: 'Powered by {{coze}}', linkvars: { coze: { text: input.lang === 'en' ? 'Coze' : '扣子', link: input.lang === 'en' ? 'https://www.coze.com' : 'https://www.coze.cn' } } },
      chatBot: { title: input.title ?? (input.lang === 'en' ? 'Coze Assistant' : '扣子助手'), uploadable: true, width: 460 },
    },
  };
}

/**
 * User variables: values kept per bot (or app), channel and end user. Every bot of the emulated
 * account declares the same variables (`VARIABLES` below): enabled user variables that can be set,
 * one disabled variable and the read-only system variables, so each rule of the API can be tried.
 */
import type { EmulatorContext, HandlerMap } from '../context.js';

interface VariableDefinition {
  keyword: string;
  default_value: string;
  kind: 'user' | 'system';
  enabled: boolean;
}

interface StoredValue {
  value: string;
  create_time: number;
  update_time: number;
}

/** The variables every emulated bot and app declares. */
export const VARIABLES: readonly VariableDefinition[] = [
  { keyword: 'name', default_value: '', kind: 'user', enabled: true },
  { keyword: 'age', default_value: '', kind: 'user', enabled: true },
  { keyword: 'city', default_value: '北京', kind: 'user', enabled: true },
  { keyword: 'language', default_value: 'zh', kind: 'user', enabled: true },
  { keyword: 'preference', default_value: '', kind: 'user', enabled: true },
  { keyword: 'vip_level', default_value: '0', kind: 'user', enabled: false },
  { keyword: 'sys_uuid', default_value: '', kind: 'system', enabled: true },
  { keyword: 'sys_user_id', default_value: '', kind: 'system', enabled: true },
];

const VALUES_TABLE = 'variables.values';

/** Whose values these are: isolated by owner (bot or app), channel and end user. */
interface Scope {
  owner: string;
  connector: string;
  uid: string;
}

function valueKey(scope: Scope, keyword: string): string {
  return `${scope.owner}|${scope.connector}|${scope.uid}|${keyword}`;
}

/** The caller's scope, or the error for a missing or unusable bot. */
function scopeOf(ctx: EmulatorContext): Scope | Response {
  const botId = ctx.input('bot_id');
  const appId = ctx.input('app_id');
  const connector = ctx.input('connector_id') || '1024';
  const uid = ctx.input('connector_uid') ?? '';
  if (!botId && !appId) return ctx.fail(4000, 'invalid parameter: bot_id or app_id is required');
  if (botId) {
    const bot = ctx.state.bots.get(botId);
    if (!bot) return ctx.fail(4006, `bot not found: ${botId}`);
    if (bot.publish_status !== 'published' || !bot.connector_ids.includes(connector)) {
      return ctx.fail(4015, `the bot ${botId} is not published to the channel ${connector}`);
    }
    return { owner: `bot:${botId}`, connector, uid };
  }
  // Apps belong to another part of the account; any app id is taken as a published app.
  return { owner: `app:${appId}`, connector, uid };
}

/** The `data` items, or the error naming the first bad one. */
function readItems(ctx: EmulatorContext): Array<{ keyword: string; value: string }> | Response {
  const data = ctx.body['data'];
  if (!Array.isArray(data) || data.length === 0) return ctx.fail(4000, 'invalid parameter: data must be a non-empty array');
  const items: Array<{ keyword: string; value: string }> = [];
  for (const [i, raw] of data.entries()) {
    const item = (raw ?? {}) as Record<string, unknown>;
    if (typeof item['keyword'] !== 'string' || !item['keyword']) return ctx.fail(4000, `invalid parameter: data[${i}].keyword is required`);
    if (typeof item['value'] !== 'string') return ctx.fail(4000, `invalid parameter: data[${i}].value must be a string`);
    items.push({ keyword: item['keyword'], value: item['value'] });
  }
  return items;
}

/** Why a variable cannot be set, or undefined when it can. */
function refusal(keyword: string): string | undefined {
  const def = VARIABLES.find((v) => v.keyword === keyword);
  if (!def) return `variable ${keyword} is not declared by the bot`;
  if (def.kind === 'system') return `variable ${keyword} is a system variable and cannot be set`;
  if (!def.enabled) return `variable ${keyword} is disabled`;
  return undefined;
}

function update(ctx: EmulatorContext): Response {
  const scope = scopeOf(ctx);
  if (scope instanceof Response) return scope;
  const items = readItems(ctx);
  if (items instanceof Response) return items;
  // All or nothing: one refused keyword leaves every value as it was.
  for (const { keyword } of items) {
    const reason = refusal(keyword);
    if (reason) return ctx.fail(4000, `invalid parameter: ${reason}`);
  }
  const values = ctx.state.table<StoredValue>(VALUES_TABLE);
  const now = ctx.state.seconds();
  for (const { keyword, value } of items) {
    const key = valueKey(scope, keyword);
    const previous = values.get(key);
    values.set(key, { value, create_time: previous?.create_time ?? now, update_time: now });
  }
  return ctx.ok();
}

/** Keywords asked for: comma-joined and/or repeated (`keywords=a,b` or `keywords=a&keywords=b`). */
function requestedKeywords(ctx: EmulatorContext): Set<string> | undefined {
  const raw = [...ctx.query.getAll('keywords'), ...ctx.query.getAll('keywords[]')];
  const names = raw.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  return names.length ? new Set(names) : undefined;
}

function retrieve(ctx: EmulatorContext): Response {
  const scope = scopeOf(ctx);
  if (scope instanceof Response) return scope;
  const wanted = requestedKeywords(ctx);
  const values = ctx.state.table<StoredValue>(VALUES_TABLE);
  // Unknown names are simply absent; a variable never set shows its default with zero times.
  const items = VARIABLES.filter((v) => v.kind === 'user' && v.enabled && (!wanted || wanted.has(v.keyword))).map((v) => {
    const stored = values.get(valueKey(scope, v.keyword));
    return { keyword: v.keyword, value: stored?.value ?? v.default_value, create_time: stored?.create_time ?? 0, update_time: stored?.update_time ?? 0 };
  });
  return ctx.ok({ items });
}

export const handlers: HandlerMap = {
  'variables.update': update,
  'variables.retrieve': retrieve,
};

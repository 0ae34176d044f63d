/**
 * The emulated account: the current user, workspaces and their members, and bot management
 * (create, edit the draft, publish, list, read the configuration). Chat behaviour of bots lives
 * elsewhere; this module only keeps `state.bots` in step so published bots answer on the API channel.
 */
import type { EmulatorContext, HandlerMap } from '../context.js';
import type { Bot, EmulatorState, Table } from '../state.js';
import { asRecord, asString } from '../values.js';

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

export interface AccountUser {
  user_id: string;
  user_name: string;
  nick_name: string;
  avatar_url: string;
}

const AVATAR_BASE = 'https://lf-coze-web-cdn.coze.cn/obj/eden-cn/emulator/avatars';

/**
 * People the emulated account can add to workspaces. Two of them carry the ids used in the
 * catalogue's examples, so trying an example against the emulator gives a meaningful answer.
 */
const COLLEAGUES: ReadonlyArray<Omit<AccountUser, 'avatar_url'>> = [
  { user_id: '2135714797736410', user_name: 'lin_qiao', nick_name: 'Lin Qiao' },
  { user_id: '5524258580114937', user_name: 'zhou_ming', nick_name: 'Zhou Ming' },
  { user_id: '4026880821036612', user_name: 'xiaowang_01', nick_name: 'Xiao Wang' },
];

function usersTable(state: EmulatorState): Table<AccountUser> {
  return state.table<AccountUser>('users');
}

/** The user the emulator's tokens belong to. */
export function accountUser(state: EmulatorState): AccountUser {
  return (
    usersTable(state).get(state.userId) ?? {
      user_id: state.userId,
      user_name: 'coze_emulator',
      nick_name: 'Emulated User',
      avatar_url: `${AVATAR_BASE}/${state.userId}.png`,
    }
  );
}

// ---------------------------------------------------------------------------------------------
// Workspaces
// ---------------------------------------------------------------------------------------------

type Role = 'owner' | 'admin' | 'member';

interface Member {
  user_id: string;
  role_type: Role;
}

export interface Workspace {
  id: string;
  name: string;
  description: string;
  icon_url: string;
  workspace_type: 'personal' | 'team';
  enterprise_id: string;
  owner_uid: string;
  members: Member[];
  created_at: number;
}

function workspacesTable(state: EmulatorState): Table<Workspace> {
  return state.table<Workspace>('workspaces');
}

export function findWorkspace(state: EmulatorState, id: string | undefined): Workspace | undefined {
  return id === undefined ? undefined : workspacesTable(state).get(id);
}

const WORKSPACE_ICON = 'https://lf-coze-web-cdn.coze.cn/obj/eden-cn/emulator/space_icons';

function workspaceView(ws: Workspace, viewer: string): Record<string, unknown> {
  return {
    id: ws.id,
    name: ws.name,
    description: ws.description,
    icon_url: ws.icon_url,
    role_type: ws.members.find((m) => m.user_id === viewer)?.role_type ?? 'member',
    enterprise_id: ws.enterprise_id,
    workspace_type: ws.workspace_type,
    joined_status: 'joined',
    owner_uid: ws.owner_uid,
    admin_uids: ws.members.filter((m) => m.role_type === 'admin').map((m) => m.user_id),
  };
}

/** Page number and size from the query, with the endpoint's default and maximum size. */
export function readPage(
  ctx: EmulatorContext,
  options: { defaultSize: number; maxSize: number; numName?: string },
): { num: number; size: number } | Response {
  const numName = options.numName ?? 'page_num';
  const num = Number(ctx.input(numName) ?? 1);
  const size = Number(ctx.input('page_size') ?? options.defaultSize);
  if (!Number.isInteger(num) || num < 1) return ctx.fail(4000, `invalid parameter: ${numName} must be an integer from 1`);
  if (!Number.isInteger(size) || size < 1 || size > options.maxSize) return ctx.fail(4000, `invalid parameter: page_size must be between 1 and ${options.maxSize}`);
  return { num, size };
}

function slicePage<T>(items: T[], page: { num: number; size: number }): { items: T[]; hasMore: boolean } {
  const start = (page.num - 1) * page.size;
  return { items: items.slice(start, start + page.size), hasMore: start + page.size < items.length };
}

function listWorkspaces(ctx: EmulatorContext): Response {
  const page = readPage(ctx, { defaultSize: 20, maxSize: 50 });
  if (page instanceof Response) return page;
  const userId = ctx.input('user_id');
  const accountId = ctx.input('coze_account_id');
  if (Boolean(userId) !== Boolean(accountId)) return ctx.fail(4000, 'invalid parameter: user_id and coze_account_id must be given together');
  const enterpriseId = ctx.input('enterprise_id');
  // Without a filter the caller sees its own workspaces; with user_id, that user's.
  const who = userId || ctx.state.userId;
  const all = [...workspacesTable(ctx.state).values()].filter(
    (ws) => ws.members.some((m) => m.user_id === who) && (!enterpriseId || ws.enterprise_id === enterpriseId),
  );
  const { items } = slicePage(all, page);
  return ctx.ok({ workspaces: items.map((ws) => workspaceView(ws, who)), total_count: all.length });
}

function createWorkspace(ctx: EmulatorContext): Response {
  const name = ctx.input('name') ?? '';
  const description = ctx.input('description') ?? '';
  const ownerUid = ctx.input('owner_uid') || ctx.state.userId;
  if (!usersTable(ctx.state).has(ownerUid)) return ctx.fail(4000, `invalid parameter: owner_uid ${ownerUid} is not a known user`);
  const members: Member[] = [{ user_id: ownerUid, role_type: 'owner' }];
  // Someone creating a workspace for another owner stays in it as an admin.
  if (ownerUid !== ctx.state.userId) members.push({ user_id: ctx.state.userId, role_type: 'admin' });
  const ws: Workspace = {
    id: ctx.state.nextId(),
    name,
    description,
    icon_url: `${WORKSPACE_ICON}/team.png`,
    workspace_type: 'team',
    enterprise_id: '',
    owner_uid: ownerUid,
    members,
    created_at: ctx.state.seconds(),
  };
  workspacesTable(ctx.state).set(ws.id, ws);
  return ctx.ok({ id: ws.id });
}

function updateWorkspace(ctx: EmulatorContext): Response {
  const ws = findWorkspace(ctx.state, ctx.params['workspace_id']);
  if (!ws) return ctx.fail(4200, 'workspace not found');
  if (ws.workspace_type === 'personal') return ctx.fail(4000, 'invalid parameter: a personal workspace cannot be edited');
  // Empty values mean "leave unchanged".
  const name = ctx.input('name');
  const description = ctx.input('description');
  if (name) ws.name = name;
  if (description) ws.description = description;
  return ctx.ok();
}

function memberView(state: EmulatorState, m: Member): Record<string, unknown> {
  const user = usersTable(state).get(m.user_id);
  return {
    user_id: m.user_id,
    role_type: m.role_type,
    user_nickname: user?.nick_name ?? '',
    user_unique_name: user?.user_name ?? '',
  };
}

function listMembers(ctx: EmulatorContext): Response {
  const ws = findWorkspace(ctx.state, ctx.params['workspace_id']);
  if (!ws) return ctx.fail(4200, 'workspace not found');
  const page = readPage(ctx, { defaultSize: 20, maxSize: 50 });
  if (page instanceof Response) return page;
  const { items } = slicePage(ws.members, page);
  return ctx.ok({ total_count: ws.members.length, items: items.map((m) => memberView(ctx.state, m)) });
}

interface AddRequest {
  user_id: string;
  role_type: 'admin' | 'member';
}

/** The `users` array of an add-members body, or a 4000 message naming what is wrong. */
function readAddRequests(value: unknown): AddRequest[] | string {
  if (!Array.isArray(value) || value.length === 0) return 'users is required';
  if (value.length > 20) return 'users must have at most 20 items';
  const out: AddRequest[] = [];
  for (const [i, item] of value.entries()) {
    const rec = asRecord(item);
    const userId = asString(rec?.['user_id']);
    const role = rec?.['role_type'];
    if (!userId) return `users[${i}].user_id is required`;
    if (role !== 'admin' && role !== 'member') return `users[${i}].role_type must be "admin" or "member"`;
    out.push({ user_id: userId, role_type: role });
  }
  return out;
}

function addMembers(ctx: EmulatorContext): Response {
  const ws = findWorkspace(ctx.state, ctx.params['workspace_id']);
  if (!ws) return ctx.fail(4200, 'workspace not found');
  if (ws.workspace_type === 'personal') return ctx.fail(4000, 'invalid parameter: a personal workspace cannot have other members');
  const requests = readAddRequests(ctx.body['users']);
  if (typeof requests === 'string') return ctx.fail(4000, `invalid parameter: ${requests}`);
  const result = { added_success_user_ids: [] as string[], already_invited_user_ids: [] as string[], already_joined_user_ids: [] as string[], invited_success_user_ids: [] as string[], not_exist_user_ids: [] as string[] };
  for (const r of requests) {
    if (!usersTable(ctx.state).has(r.user_id)) result.not_exist_user_ids.push(r.user_id);
    else if (ws.members.some((m) => m.user_id === r.user_id)) result.already_joined_user_ids.push(r.user_id);
    else {
      // The emulated account is a personal plan: people join at once, without an invitation.
      ws.members.push({ user_id: r.user_id, role_type: r.role_type });
      result.added_success_user_ids.push(r.user_id);
    }
  }
  return ctx.ok(result);
}

function removeMembers(ctx: EmulatorContext): Response {
  const ws = findWorkspace(ctx.state, ctx.params['workspace_id']);
  if (!ws) return ctx.fail(4200, 'workspace not found');
  const ids = ctx.body['user_ids'];
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) return ctx.fail(4000, 'invalid parameter: user_ids must be an array of strings');
  if (ids.length > 5) return ctx.fail(4000, 'invalid parameter: user_ids must have at most 5 items');
  const result = { removed_success_user_ids: [] as string[], not_in_workspace_user_ids: [] as string[], owner_not_support_remove_user_ids: [] as string[] };
  for (const id of ids as string[]) {
    const member = ws.members.find((m) => m.user_id === id);
    if (!member) result.not_in_workspace_user_ids.push(id);
    else if (member.role_type === 'owner') result.owner_not_support_remove_user_ids.push(id);
    else {
      ws.members = ws.members.filter((m) => m !== member);
      result.removed_success_user_ids.push(id);
    }
  }
  return ctx.ok(result);
}

// ---------------------------------------------------------------------------------------------
// Bots: configuration kept beside `state.bots` (which holds what chats use)
// ---------------------------------------------------------------------------------------------

interface BotConfig {
  name: string;
  description: string;
  icon_url: string;
  prompt_info: { prompt: string; prompt_mode: string; prefix_prompt_info?: { prefix_prompt: string; dynamic_prompt: string } };
  onboarding_info: { prologue: string; suggested_questions: string[] };
  model_info: Record<string, unknown>;
  plugin_info_list: Array<{ plugin_id: string; name: string; description: string; icon_url: string; api_info_list: Array<{ api_id: string; name: string; description: string }> }>;
  workflow_info_list: Array<{ id: string; name: string; description: string; icon_url: string }>;
  knowledge: { knowledge_infos: Array<{ id: string; name: string }> };
  suggest_reply_info: { reply_mode: string; customized_prompt: string };
}

/** A bot's editable draft and, once published, the snapshot chats use. */
interface BotProfile {
  draft: BotConfig;
  published?: BotConfig;
  published_at?: number;
  /** The draft changed since the last publish (the `published_draft` list filter). */
  dirty: boolean;
  folder_id: string;
}

const MODEL_NAMES: Record<string, string> = {
  '1706077826': 'Doubao Function Call (emulated)',
  '1737521813': 'Doubao 1.5 Pro 32k (emulated)',
  '1742989917': 'DeepSeek R1 (emulated)',
};

const DEFAULT_MODEL: Record<string, unknown> = {
  model_id: '1706077826',
  model_name: MODEL_NAMES['1706077826'],
  temperature: 0.8,
  top_p: 1,
  top_k: 50,
  max_tokens: 4096,
  context_round: 10,
  frequency_penalty: 0,
  presence_penalty: 0,
  response_format: 'markdown',
  api_mode: 'chat_api',
  parameters: {},
};

/** Channels Coze knows by id; anything else is an enterprise custom channel. */
const BUILTIN_CONNECTORS = new Set(['1024', '999', '998', '10000122', '10000113', '10000120', '10000121', '10000126', '10000127', '10000011', '10000128', '10000117']);

function profilesTable(state: EmulatorState): Table<BotProfile> {
  return state.table<BotProfile>('bot_profiles');
}

function configFromBot(bot: Bot): BotConfig {
  return {
    name: bot.name,
    description: bot.description,
    icon_url: bot.icon_url,
    prompt_info: { prompt: bot.prompt, prompt_mode: 'standard' },
    onboarding_info: { prologue: `Hi, I am ${bot.name}.`, suggested_questions: [] },
    model_info: { ...DEFAULT_MODEL },
    plugin_info_list: [],
    workflow_info_list: [],
    knowledge: { knowledge_infos: [] },
    suggest_reply_info: { reply_mode: bot.follow_ups ? 'enable' : 'disable', customized_prompt: '' },
  };
}

const clone = <T>(value: T): T => structuredClone(value);

/** The bot's profile, made on first use for bots seeded by other modules. */
function profileOf(state: EmulatorState, bot: Bot): BotProfile {
  const table = profilesTable(state);
  let profile = table.get(bot.bot_id);
  if (!profile) {
    const draft = configFromBot(bot);
    const published = bot.publish_status === 'published';
    profile = { draft, dirty: false, folder_id: '', ...(published ? { published: clone(draft), published_at: bot.updated_at } : {}) };
    table.set(bot.bot_id, profile);
  }
  return profile;
}

/** Copies the fields chats read from a configuration into the bot record. */
function mirror(bot: Bot, config: BotConfig): void {
  bot.name = config.name;
  bot.description = config.description;
  bot.icon_url = config.icon_url;
  bot.prompt = config.prompt_info.prompt;
  bot.follow_ups = config.suggest_reply_info.reply_mode !== 'disable';
}



function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(asString).filter((s): s is string => s !== undefined) : [];
}

/** Applies the optional fields shared by create and update to `config`; a string is a 4000 message. */
function applyConfig(state: EmulatorState, config: BotConfig, body: Record<string, unknown>): string | undefined {
  const name = asString(body['name']);
  if (name !== undefined) {
    if ([...name].length < 1 || [...name].length > 20) return 'name must be 1 to 20 characters';
    config.name = name;
  }
  const description = asString(body['description']);
  if (description !== undefined) config.description = description;
  const iconFileId = asString(body['icon_file_id']);
  if (iconFileId) {
    const file = state.files.get(iconFileId);
    if (!file) return `icon_file_id ${iconFileId} is not an uploaded file`;
    config.icon_url = `https://lf-coze-web-cdn.coze.cn/obj/eden-cn/emulator/files/${file.id}/${encodeURIComponent(file.file_name)}`;
  }
  return applyPrompt(config, asRecord(body['prompt_info'])) ?? applyOnboarding(config, asRecord(body['onboarding_info'])) ?? applyTools(state, config, body) ?? applyModel(config, asRecord(body['model_info_config']));
}

function applyPrompt(config: BotConfig, info: Record<string, unknown> | undefined): string | undefined {
  if (!info) return undefined;
  const prompt = asString(info['prompt']);
  if (prompt !== undefined && [...prompt].length > 20_000) return 'prompt_info.prompt must be at most 20000 characters';
  const mode = asString(info['prompt_mode']) ?? config.prompt_info.prompt_mode;
  if (mode !== 'standard' && mode !== 'prefix') return 'prompt_info.prompt_mode must be "standard" or "prefix"';
  const prefix = asRecord(info['prefix_prompt_info']);
  config.prompt_info = {
    prompt: prompt ?? config.prompt_info.prompt,
    prompt_mode: mode,
    ...(prefix ? { prefix_prompt_info: { prefix_prompt: asString(prefix['prefix_prompt']) ?? '', dynamic_prompt: asString(prefix['dynamic_prompt']) ?? '' } } : {}),
  };
  return undefined;
}

function applyOnboarding(config: BotConfig, info: Record<string, unknown> | undefined): string | undefined {
  if (!info) return undefined;
  const prologue = asString(info['prologue']);
  if (prologue !== undefined && [...prologue].length > 300) return 'onboarding_info.prologue must be at most 300 characters';
  const questions = info['suggested_questions'] === undefined ? config.onboarding_info.suggested_questions : asStrings(info['suggested_questions']);
  if (questions.some((q) => [...q].length > 50)) return 'each onboarding_info.suggested_questions item must be at most 50 characters';
  config.onboarding_info = { prologue: prologue ?? config.onboarding_info.prologue, suggested_questions: questions };
  return undefined;
}

/** Plugins, workflows, knowledge and suggestion settings: stored as the configuration lists them. */
function applyTools(state: EmulatorState, config: BotConfig, body: Record<string, unknown>): string | undefined {
  const plugins = asRecord(body['plugin_id_list']);
  if (plugins) {
    const list = Array.isArray(plugins['id_list']) ? plugins['id_list'].map(asRecord) : [];
    if (list.some((p) => !asString(p?.['plugin_id']) || !asString(p?.['api_id']))) return 'every plugin_id_list.id_list item needs plugin_id and api_id';
    const byPlugin = new Map<string, string[]>();
    for (const p of list) byPlugin.set(asString(p?.['plugin_id'])!, [...(byPlugin.get(asString(p?.['plugin_id'])!) ?? []), asString(p?.['api_id'])!]);
    config.plugin_info_list = [...byPlugin].map(([plugin_id, apis]) => ({ plugin_id, name: '', description: '', icon_url: '', api_info_list: apis.map((api_id) => ({ api_id, name: '', description: '' })) }));
  }
  const workflows = asRecord(body['workflow_id_list']);
  if (workflows) {
    const ids = (Array.isArray(workflows['ids']) ? workflows['ids'] : []).map((w) => asString(asRecord(w)?.['id']));
    if (ids.some((id) => !id)) return 'every workflow_id_list.ids item needs id';
    const known = state.table<{ workflow_name: string; description: string; icon_url: string }>('workflows');
    config.workflow_info_list = (ids as string[]).map((id) => ({ id, name: known.get(id)?.workflow_name ?? '', description: known.get(id)?.description ?? '', icon_url: known.get(id)?.icon_url ?? '' }));
  }
  const knowledge = asRecord(body['knowledge']);
  if (knowledge) {
    const ids = asStrings(knowledge['dataset_ids']);
    if (ids.length > 150) return 'knowledge.dataset_ids must have at most 150 items';
    config.knowledge = { knowledge_infos: ids.map((id) => ({ id, name: '' })) };
  }
  const suggest = asRecord(body['suggest_reply_info']);
  if (suggest) {
    const mode = asString(suggest['reply_mode']) ?? config.suggest_reply_info.reply_mode;
    if (!['enable', 'disable', 'customized'].includes(mode)) return 'suggest_reply_info.reply_mode must be "enable", "disable" or "customized"';
    config.suggest_reply_info = { reply_mode: mode, customized_prompt: asString(suggest['customized_prompt']) ?? '' };
  }
  return undefined;
}

function applyModel(config: BotConfig, info: Record<string, unknown> | undefined): string | undefined {
  if (!info) return undefined;
  const modelId = asString(info['model_id']);
  if (!modelId) return 'model_info_config.model_id is required';
  config.model_info = { ...config.model_info, ...info, model_id: modelId, model_name: MODEL_NAMES[modelId] ?? `Model ${modelId} (emulated)` };
  return undefined;
}

function findBot(ctx: EmulatorContext, id: string | undefined): Bot | undefined {
  return id === undefined ? undefined : ctx.state.bots.get(id);
}

function createBot(ctx: EmulatorContext): Response {
  const spaceId = ctx.input('space_id');
  if (!findWorkspace(ctx.state, spaceId)) return ctx.fail(4200, 'workspace not found');
  const now = ctx.state.seconds();
  const bot: Bot = {
    bot_id: ctx.state.nextId(),
    name: '',
    description: '',
    icon_url: 'https://lf-coze-web-cdn.coze.cn/obj/eden-cn/emulator/assistant.png',
    space_id: spaceId!,
    publish_status: 'draft',
    connector_ids: [],
    version: '',
    prompt: '',
    behaviour: 'assistant',
    follow_ups: true,
    created_at: now,
    updated_at: now,
  };
  const draft = configFromBot(bot);
  draft.onboarding_info.prologue = '';
  const problem = applyConfig(ctx.state, draft, ctx.body);
  if (problem) return ctx.fail(4000, `invalid parameter: ${problem}`);
  mirror(bot, draft);
  ctx.state.bots.set(bot.bot_id, bot);
  profilesTable(ctx.state).set(bot.bot_id, { draft, dirty: false, folder_id: '' });
  return ctx.ok({ bot_id: bot.bot_id });
}

function updateBot(ctx: EmulatorContext): Response {
  const bot = findBot(ctx, ctx.input('bot_id'));
  if (!bot) return ctx.fail(4200, 'bot not found');
  const profile = profileOf(ctx.state, bot);
  const draft = clone(profile.draft);
  const problem = applyConfig(ctx.state, draft, ctx.body);
  if (problem) return ctx.fail(4000, `invalid parameter: ${problem}`);
  profile.draft = draft;
  bot.updated_at = ctx.state.seconds();
  // Chats keep using the published version; a never-published bot has only its draft.
  if (profile.published) profile.dirty = true;
  else mirror(bot, draft);
  return ctx.ok();
}

function publishBot(ctx: EmulatorContext): Response {
  const bot = findBot(ctx, ctx.input('bot_id'));
  if (!bot) return ctx.fail(4200, 'bot not found');
  const connectors = ctx.body['connector_ids'];
  if (!Array.isArray(connectors) || connectors.length === 0) return ctx.fail(4000, 'invalid parameter: connector_ids is required');
  const ids = asStrings(connectors);
  if (ids.length !== connectors.length) return ctx.fail(4000, 'invalid parameter: connector_ids must be strings');
  if (ids.some((id) => !BUILTIN_CONNECTORS.has(id)) && !ids.includes('1024')) return ctx.fail(4000, 'invalid parameter: publishing to a custom channel also requires the API channel 1024');
  const profile = profileOf(ctx.state, bot);
  // Versions are millisecond stamps; two publishes in the same millisecond still differ.
  const version = String(Math.max(ctx.state.clock.now(), Number(bot.version || 0) + 1));
  profile.published = clone(profile.draft);
  profile.published_at = ctx.state.seconds();
  profile.dirty = false;
  mirror(bot, profile.published);
  bot.publish_status = 'published';
  bot.connector_ids = [...new Set(ids)];
  bot.version = version;
  bot.updated_at = ctx.state.seconds();
  return ctx.ok({ bot_id: bot.bot_id, version });
}

type BotFilter = 'all' | 'published_online' | 'published_draft' | 'unpublished_draft';

function matchesFilter(bot: Bot, profile: BotProfile, filter: BotFilter, connector: string): boolean {
  const live = bot.publish_status === 'published' && bot.connector_ids.includes(connector);
  switch (filter) {
    case 'all':
      return true;
    case 'published_online':
      return live;
    case 'published_draft':
      return live && profile.dirty;
    case 'unpublished_draft':
      return bot.publish_status !== 'published';
  }
}

/** Newest edits first; ties keep creation order so the answer is stable. */
function botsOf(state: EmulatorState, spaceId: string): Bot[] {
  return [...state.bots.values()].filter((b) => b.space_id === spaceId).sort((a, b) => b.updated_at - a.updated_at);
}

function listBots(ctx: EmulatorContext): Response {
  const ws = findWorkspace(ctx.state, ctx.input('workspace_id'));
  if (!ws) return ctx.fail(4200, 'workspace not found');
  const page = readPage(ctx, { defaultSize: 20, maxSize: 100 });
  if (page instanceof Response) return page;
  const filter = (ctx.input('publish_status') || 'published_online') as BotFilter;
  const connector = ctx.input('connector_id') || '1024';
  const matching = botsOf(ctx.state, ws.id).filter((b) => matchesFilter(b, profileOf(ctx.state, b), filter, connector));
  const { items } = slicePage(matching, page);
  return ctx.ok({ items: items.map((b) => botListItem(ctx.state, b, filter === 'published_online')), total: matching.length });
}

function botListItem(state: EmulatorState, bot: Bot, showPublished: boolean): Record<string, unknown> {
  const profile = profileOf(state, bot);
  const config = (showPublished && profile.published) || profile.draft;
  const published = bot.publish_status === 'published';
  return {
    id: bot.bot_id,
    name: config.name,
    description: config.description,
    icon_url: config.icon_url,
    folder_id: profile.folder_id,
    is_published: published,
    ...(published && profile.published_at !== undefined ? { published_at: profile.published_at } : {}),
    updated_at: bot.updated_at,
    owner_user_id: state.userId,
  };
}

function botInfo(state: EmulatorState, bot: Bot, config: BotConfig, updateTime: number): Record<string, unknown> {
  return {
    bot_id: bot.bot_id,
    name: config.name,
    description: config.description,
    icon_url: config.icon_url,
    create_time: bot.created_at,
    update_time: updateTime,
    version: bot.version,
    bot_mode: 0,
    owner_user_id: state.userId,
    folder_id: profileOf(state, bot).folder_id,
    default_user_input_type: 'text',
    prompt_info: clone(config.prompt_info),
    onboarding_info: clone(config.onboarding_info),
    model_info: clone(config.model_info),
    plugin_info_list: clone(config.plugin_info_list),
    workflow_info_list: clone(config.workflow_info_list),
    knowledge: clone(config.knowledge),
    shortcut_commands: [],
    variables: [],
    voice_info_list: [],
    media_config: { is_voice_call_closed: false },
  };
}

function retrieveBot(ctx: EmulatorContext): Response {
  const bot = findBot(ctx, ctx.params['bot_id']);
  if (!bot) return ctx.fail(4200, 'bot not found');
  const profile = profileOf(ctx.state, bot);
  const wantPublished = (ctx.input('is_published') ?? 'true') !== 'false';
  if (!wantPublished) return ctx.ok(botInfo(ctx.state, bot, profile.draft, bot.updated_at));
  if (!profile.published) return ctx.fail(4200, 'the bot has no published version; pass is_published=false to read its draft');
  return ctx.ok(botInfo(ctx.state, bot, profile.published, profile.published_at ?? bot.updated_at));
}

/** The deprecated online-info endpoint: only bots live on the API channel exist for it. */
function retrieveOnlineBot(ctx: EmulatorContext): Response {
  const bot = findBot(ctx, ctx.input('bot_id'));
  const profile = bot && profileOf(ctx.state, bot);
  if (!bot || !profile?.published || !bot.connector_ids.includes('1024')) return ctx.fail(4200, 'bot not found or not published to the API channel');
  return ctx.ok(botInfo(ctx.state, bot, profile.published, profile.published_at ?? bot.updated_at));
}

function listPublishedBotsLegacy(ctx: EmulatorContext): Response {
  const ws = findWorkspace(ctx.state, ctx.input('space_id'));
  if (!ws) return ctx.fail(4200, 'workspace not found');
  const page = readPage(ctx, { defaultSize: 20, maxSize: 100, numName: 'page_index' });
  if (page instanceof Response) return page;
  const live = botsOf(ctx.state, ws.id).filter((b) => matchesFilter(b, profileOf(ctx.state, b), 'published_online', '1024'));
  const { items } = slicePage(live, page);
  return ctx.ok({
    total: live.length,
    space_bots: items.map((b) => {
      const profile = profileOf(ctx.state, b);
      const config = profile.published ?? profile.draft;
      return { bot_id: b.bot_id, bot_name: config.name, description: config.description, icon_url: config.icon_url, publish_time: String(profile.published_at ?? b.updated_at) };
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// Module wiring
// ---------------------------------------------------------------------------------------------

export function seed(state: EmulatorState): void {
  const users = usersTable(state);
  users.set(state.userId, { user_id: state.userId, user_name: 'coze_emulator', nick_name: 'Emulated User', avatar_url: `${AVATAR_BASE}/${state.userId}.png` });
  for (const c of COLLEAGUES) users.set(c.user_id, { ...c, avatar_url: `${AVATAR_BASE}/${c.user_id}.png` });
  workspacesTable(state).set(state.workspaceId, {
    id: state.workspaceId,
    name: 'Personal',
    description: '',
    icon_url: `${WORKSPACE_ICON}/personal.png`,
    workspace_type: 'personal',
    enterprise_id: '',
    owner_uid: state.userId,
    members: [{ user_id: state.userId, role_type: 'owner' }],
    created_at: state.seconds() - 86_400 * 60,
  });
}

export const handlers: HandlerMap = {
  'GET /v1/users/me': (ctx) => ctx.ok({ ...accountUser(ctx.state) }),
  'workspaces.list': listWorkspaces,
  'workspaces.create': createWorkspace,
  'workspaces.update': updateWorkspace,
  'workspaces.members.list': listMembers,
  'workspaces.members.add': addMembers,
  'workspaces.members.remove': removeMembers,
  'bots.create': createBot,
  'bots.update': updateBot,
  'bots.publish': publishBot,
  'bots.list': listBots,
  'bots.retrieve': retrieveBot,
  'legacy.bots.retrieveOnline': retrieveOnlineBot,
  'legacy.publishedBots.list': listPublishedBotsLegacy,
};

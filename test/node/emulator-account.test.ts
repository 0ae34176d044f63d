/** The emulated account: the current user, workspaces and members, bot management. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { SEEDED } from '../../src/emulator/seed.js';

const BASE = 'https://api.coze.cn';
const AUTH = { Authorization: 'Bearer pat_emulator' };

interface Envelope<T> {
  code: number;
  msg: string;
  data: T;
  detail: { logid: string };
}

interface WorkspaceItem {
  id: string;
  name: string;
  description: string;
  workspace_type: string;
  role_type: string;
  joined_status: string;
  admin_uids: string[];
}

interface WorkspaceList {
  workspaces: WorkspaceItem[];
  total_count: number;
}

interface MemberItem {
  user_id: string;
  role_type: string;
  user_nickname: string;
  user_unique_name: string;
}

interface BotItem {
  id: string;
  name: string;
  is_published: boolean;
  published_at?: number;
  owner_user_id: string;
}

interface BotInfo {
  bot_id: string;
  name: string;
  version: string;
  bot_mode: number;
  prompt_info: { prompt: string };
  onboarding_info: { prologue: string };
}

interface LegacyBot {
  bot_id: string;
  bot_name: string;
  publish_time: string;
}

function setup(): { emu: Emulator; advance: (ms: number) => void } {
  let now = Date.UTC(2025, 0, 15, 8, 0, 0);
  const emu = createEmulator({ streamDelayMs: 0, clock: { now: () => now } });
  return { emu, advance: (ms) => (now += ms) };
}

async function call<T = unknown>(emu: Emulator, method: string, path: string, body?: unknown, token = 'pat_emulator'): Promise<{ status: number; json: Envelope<T> }> {
  const res = await emu.fetch(`${BASE}${path}`, {
    method,
    headers: { ...AUTH, Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Envelope<T> };
}

async function createTeam(emu: Emulator, name = 'Docs team'): Promise<string> {
  const r = await call<{ id: string }>(emu, 'POST', '/v1/workspaces', { name, description: 'Where the docs team works.' });
  assert.equal(r.json.code, 0);
  return r.json.data.id;
}

test('GET /v1/users/me describes the emulated user', async () => {
  const { emu } = setup();
  const { status, json } = await call<Record<string, string>>(emu, 'GET', '/v1/users/me');
  assert.equal(status, 200);
  assert.equal(json.code, 0);
  assert.equal(json.data['user_id'], emu.state.userId);
  assert.deepEqual(Object.keys(json.data).sort(), ['avatar_url', 'nick_name', 'user_id', 'user_name']);
  const anonymous = await emu.fetch(`${BASE}/v1/users/me`);
  assert.equal(anonymous.status, 401);
});

test('workspaces.list starts with the personal workspace; created workspaces join it', async () => {
  const { emu } = setup();
  const before = await call<WorkspaceList>(emu, 'GET', '/v1/workspaces');
  assert.equal(before.json.data.total_count, 1);
  const personal = before.json.data.workspaces[0]!;
  assert.equal(personal.id, emu.state.workspaceId);
  assert.equal(personal.workspace_type, 'personal');
  assert.equal(personal.role_type, 'owner');
  assert.equal(personal.joined_status, 'joined');
  assert.deepEqual(personal.admin_uids, []);

  const id = await createTeam(emu);
  const after = await call<WorkspaceList>(emu, 'GET', '/v1/workspaces?page_num=1&page_size=1');
  assert.equal(after.json.data.total_count, 2);
  assert.equal(after.json.data.workspaces.length, 1);
  const page2 = await call<WorkspaceList>(emu, 'GET', '/v1/workspaces?page_num=2&page_size=1');
  assert.equal(page2.json.data.workspaces[0]!.id, id);
  assert.equal(page2.json.data.workspaces[0]!.workspace_type, 'team');
  assert.equal(page2.json.data.workspaces[0]!.name, 'Docs team');

  const half = await call(emu, 'GET', `/v1/workspaces?user_id=${emu.state.userId}`);
  assert.equal(half.json.code, 4000);
});

test('workspaces.create needs a description; update edits a team workspace but not the personal one', async () => {
  const { emu } = setup();
  const missing = await call(emu, 'POST', '/v1/workspaces', { name: 'No description' });
  assert.equal(missing.json.code, 4000);
  const id = await createTeam(emu);
  const upd = await call(emu, 'PUT', `/v1/workspaces/${id}`, { name: 'Renamed', description: '' });
  assert.equal(upd.json.code, 0);
  const list = await call<WorkspaceList>(emu, 'GET', '/v1/workspaces');
  const ws = list.json.data.workspaces.find((w) => w.id === id)!;
  assert.equal(ws.name, 'Renamed');
  assert.equal(ws.description, 'Where the docs team works.', 'an empty description leaves it unchanged');
  const personal = await call(emu, 'PUT', `/v1/workspaces/${emu.state.workspaceId}`, { name: 'Mine' });
  assert.equal(personal.json.code, 4000);
  const unknown = await call(emu, 'PUT', '/v1/workspaces/7000000000000000001', { name: 'x' });
  assert.equal(unknown.json.code, 4200);
});

test('workspace members: add reports each user in the right list, list shows them, remove protects the owner', async () => {
  const { emu } = setup();
  const id = await createTeam(emu);
  const add = await call<Record<string, string[]>>(emu, 'POST', `/v1/workspaces/${id}/members`, {
    users: [
      { user_id: '5524258580114937', role_type: 'admin' },
      { user_id: '4026880821036612', role_type: 'member' },
      { user_id: '9999999999999999', role_type: 'member' },
    ],
  });
  assert.equal(add.json.code, 0);
  assert.deepEqual(add.json.data, {
    added_success_user_ids: ['5524258580114937', '4026880821036612'],
    already_invited_user_ids: [],
    already_joined_user_ids: [],
    invited_success_user_ids: [],
    not_exist_user_ids: ['9999999999999999'],
  });
  const again = await call<Record<string, string[]>>(emu, 'POST', `/v1/workspaces/${id}/members`, { users: [{ user_id: '4026880821036612', role_type: 'member' }] });
  assert.deepEqual(again.json.data.already_joined_user_ids, ['4026880821036612']);

  const list = await call<{ total_count: number; items: MemberItem[] }>(emu, 'GET', `/v1/workspaces/${id}/members?page_num=1&page_size=20`);
  assert.equal(list.json.data.total_count, 3);
  const wang = list.json.data.items.find((m) => m.user_id === '4026880821036612')!;
  assert.deepEqual(Object.keys(wang).sort(), ['role_type', 'user_id', 'user_nickname', 'user_unique_name']);
  assert.equal(wang.user_unique_name, 'xiaowang_01');
  const ws = (await call<WorkspaceList>(emu, 'GET', '/v1/workspaces')).json.data.workspaces.find((w) => w.id === id)!;
  assert.deepEqual(ws.admin_uids, ['5524258580114937']);

  const remove = await call<Record<string, string[]>>(emu, 'DELETE', `/v1/workspaces/${id}/members`, { user_ids: [emu.state.userId, '4026880821036612', '2069720125416683'] });
  assert.deepEqual(remove.json.data, {
    removed_success_user_ids: ['4026880821036612'],
    not_in_workspace_user_ids: ['2069720125416683'],
    owner_not_support_remove_user_ids: [emu.state.userId],
  });
  const after = await call<{ total_count: number }>(emu, 'GET', `/v1/workspaces/${id}/members`);
  assert.equal(after.json.data.total_count, 2);
});

test('workspace members: bad role, too many ids, personal workspace and unknown workspace are rejected', async () => {
  const { emu } = setup();
  const id = await createTeam(emu);
  const owner = await call(emu, 'POST', `/v1/workspaces/${id}/members`, { users: [{ user_id: '5524258580114937', role_type: 'owner' }] });
  assert.equal(owner.json.code, 4000);
  const six = await call(emu, 'DELETE', `/v1/workspaces/${id}/members`, { user_ids: ['1', '2', '3', '4', '5', '6'] });
  assert.equal(six.json.code, 4000);
  const personal = await call(emu, 'POST', `/v1/workspaces/${emu.state.workspaceId}/members`, { users: [{ user_id: '5524258580114937', role_type: 'member' }] });
  assert.equal(personal.json.code, 4000);
  const unknown = await call(emu, 'GET', '/v1/workspaces/7000000000000000001/members');
  assert.equal(unknown.json.code, 4200);
});

test('bots.create makes a draft: hidden from the default list, visible as unpublished_draft and via is_published=false', async () => {
  const { emu } = setup();
  const ws = emu.state.workspaceId;
  const created = await call<{ bot_id: string }>(emu, 'POST', '/v1/bot/create', { space_id: ws, name: 'Kitchen helper', description: 'Teaches a dish a day.', prompt_info: { prompt: 'You are a patient cook.' }, onboarding_info: { prologue: 'What shall we cook?', suggested_questions: ['Something spicy'] } });
  assert.equal(created.json.code, 0);
  const botId = created.json.data.bot_id;
  assert.match(botId, /^\d{19}$/);

  const published = await call<{ items: BotItem[] }>(emu, 'GET', `/v1/bots?workspace_id=${ws}`);
  assert.ok(!published.json.data.items.some((b) => b.id === botId));
  const drafts = await call<{ items: BotItem[] }>(emu, 'GET', `/v1/bots?workspace_id=${ws}&publish_status=unpublished_draft`);
  const item = drafts.json.data.items.find((b) => b.id === botId)!;
  assert.equal(item.name, 'Kitchen helper');
  assert.equal(item.is_published, false);
  assert.equal(item.published_at, undefined);
  assert.equal(item.owner_user_id, emu.state.userId);

  const noPublished = await call(emu, 'GET', `/v1/bots/${botId}`);
  assert.equal(noPublished.json.code, 4200);
  const draft = await call<BotInfo>(emu, 'GET', `/v1/bots/${botId}?is_published=false`);
  assert.equal(draft.json.data.bot_id, botId);
  assert.equal(draft.json.data.prompt_info.prompt, 'You are a patient cook.');
  assert.equal(draft.json.data.onboarding_info.prologue, 'What shall we cook?');
  assert.equal(draft.json.data.bot_mode, 0);
});

test('bots.create validates space_id and name', async () => {
  const { emu } = setup();
  const noSpace = await call(emu, 'POST', '/v1/bot/create', { space_id: '7000000000000000001', name: 'X' });
  assert.equal(noSpace.json.code, 4200);
  const noName = await call(emu, 'POST', '/v1/bot/create', { space_id: emu.state.workspaceId });
  assert.equal(noName.json.code, 4000);
  const longName = await call(emu, 'POST', '/v1/bot/create', { space_id: emu.state.workspaceId, name: 'x'.repeat(21) });
  assert.equal(longName.json.code, 4000);
});

test('publish makes the bot live with a new version; later edits stay in the draft until the next publish', async () => {
  const { emu, advance } = setup();
  const ws = emu.state.workspaceId;
  const botId = (await call<{ bot_id: string }>(emu, 'POST', '/v1/bot/create', { space_id: ws, name: 'Tutor', prompt_info: { prompt: 'v1 prompt' } })).json.data.bot_id;
  const pub = await call<{ bot_id: string; version: string }>(emu, 'POST', '/v1/bot/publish', { bot_id: botId, connector_ids: ['1024'] });
  assert.equal(pub.json.code, 0);
  assert.equal(pub.json.data.bot_id, botId);
  const v1 = pub.json.data.version;
  assert.match(v1, /^\d{13}$/);
  assert.equal(emu.state.bots.get(botId)?.publish_status, 'published');

  const live = await call<{ items: BotItem[] }>(emu, 'GET', `/v1/bots?workspace_id=${ws}`);
  const item = live.json.data.items.find((b) => b.id === botId)!;
  assert.equal(item.is_published, true);
  assert.equal(typeof item.published_at, 'number');

  advance(5000);
  const upd = await call(emu, 'POST', '/v1/bot/update', { bot_id: botId, name: 'Tutor Pro', prompt_info: { prompt: 'v2 prompt' } });
  assert.equal(upd.json.code, 0);
  assert.equal((await call<BotInfo>(emu, 'GET', `/v1/bots/${botId}`)).json.data.prompt_info.prompt, 'v1 prompt');
  assert.equal((await call<BotInfo>(emu, 'GET', `/v1/bots/${botId}?is_published=false`)).json.data.name, 'Tutor Pro');
  const pending = await call<{ items: BotItem[] }>(emu, 'GET', `/v1/bots?workspace_id=${ws}&publish_status=published_draft`);
  assert.deepEqual(pending.json.data.items.map((b) => b.id), [botId]);

  const pub2 = await call<{ version: string }>(emu, 'POST', '/v1/bot/publish', { bot_id: botId, connector_ids: ['1024', '999'] });
  assert.notEqual(pub2.json.data.version, v1);
  const online = await call<BotInfo>(emu, 'GET', `/v1/bots/${botId}`);
  assert.equal(online.json.data.name, 'Tutor Pro');
  assert.equal(online.json.data.version, pub2.json.data.version);
  assert.equal(emu.state.bots.get(botId)?.prompt, 'v2 prompt');
});

test('unknown bot ids answer 4200 for update, publish and retrieve; a custom channel needs 1024', async () => {
  const { emu } = setup();
  const unknown = '7000000000000000001';
  assert.equal((await call(emu, 'POST', '/v1/bot/update', { bot_id: unknown, name: 'x' })).json.code, 4200);
  assert.equal((await call(emu, 'POST', '/v1/bot/publish', { bot_id: unknown, connector_ids: ['1024'] })).json.code, 4200);
  assert.equal((await call(emu, 'GET', `/v1/bots/${unknown}`)).json.code, 4200);
  const custom = await call(emu, 'POST', '/v1/bot/publish', { bot_id: SEEDED.draftBotId, connector_ids: ['7470849514748231718'] });
  assert.equal(custom.json.code, 4000);
  const noConnectors = await call(emu, 'POST', '/v1/bot/publish', { bot_id: SEEDED.draftBotId, connector_ids: [] });
  assert.equal(noConnectors.json.code, 4000);
});

test('bots.list shows the seeded published bots with the catalogue item shape and pages with total', async () => {
  const { emu } = setup();
  const ws = emu.state.workspaceId;
  const bots = [...emu.state.bots.values()].filter((b) => b.space_id === ws);
  const live = bots.filter((b) => b.publish_status === 'published' && b.connector_ids.includes('1024'));
  const r = await call<{ items: BotItem[]; total: number }>(emu, 'GET', `/v1/bots?workspace_id=${ws}&page_num=1&page_size=2`);
  assert.equal(r.json.code, 0);
  assert.equal(r.json.data.total, live.length);
  assert.equal(r.json.data.items.length, 2);
  assert.deepEqual(Object.keys(r.json.data.items[0]!).sort(), ['description', 'folder_id', 'icon_url', 'id', 'is_published', 'name', 'owner_user_id', 'published_at', 'updated_at']);
  const all = await call<{ total: number }>(emu, 'GET', `/v1/bots?workspace_id=${ws}&publish_status=all`);
  assert.equal(all.json.data.total, bots.length);
  const page2 = await call<{ items: BotItem[] }>(emu, 'GET', `/v1/bots?workspace_id=${ws}&page_num=2&page_size=2`);
  assert.equal(page2.json.data.items.length, Math.min(2, live.length - 2));
  const unknown = await call(emu, 'GET', '/v1/bots?workspace_id=7000000000000000001');
  assert.equal(unknown.json.code, 4200);
});

test('legacy endpoints: published_bots_list and get_online_info see only bots live on the API channel', async () => {
  const { emu } = setup();
  const list = await call<{ total: number; space_bots: LegacyBot[] }>(emu, 'GET', `/v1/space/published_bots_list?space_id=${emu.state.workspaceId}&page_index=1&page_size=10`);
  assert.equal(list.json.code, 0);
  const live = [...emu.state.bots.values()].filter((b) => b.space_id === emu.state.workspaceId && b.publish_status === 'published' && b.connector_ids.includes('1024'));
  assert.equal(list.json.data.total, live.length);
  assert.ok(list.json.data.space_bots.some((b) => b.bot_id === SEEDED.assistantBotId));
  assert.ok(!list.json.data.space_bots.some((b) => b.bot_id === SEEDED.draftBotId));
  const first = list.json.data.space_bots[0]!;
  assert.deepEqual(Object.keys(first).sort(), ['bot_id', 'bot_name', 'description', 'icon_url', 'publish_time']);
  assert.equal(typeof first.publish_time, 'string');
  const online = await call<BotInfo>(emu, 'GET', `/v1/bot/get_online_info?bot_id=${SEEDED.assistantBotId}`);
  assert.equal(online.json.data.bot_id, SEEDED.assistantBotId);
  assert.equal(online.json.data.name, 'Coze Assistant');
  const draft = await call(emu, 'GET', `/v1/bot/get_online_info?bot_id=${SEEDED.draftBotId}`);
  assert.equal(draft.json.code, 4200);
});

test('a read-only token cannot create bots or workspaces', async () => {
  const { emu } = setup();
  const r = await call(emu, 'POST', '/v1/bot/create', { space_id: emu.state.workspaceId, name: 'Nope' }, 'pat_readonly_12345');
  assert.equal(r.status, 403);
  assert.equal(r.json.code, 4101);
});

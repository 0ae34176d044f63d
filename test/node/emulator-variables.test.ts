/** The emulated user variables: per-user, per-bot, per-channel values with Coze's rules. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUTH, BASE } from './support.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { SEEDED } from '../../src/emulator/seed.js';

const BOT = SEEDED.assistantBotId;

interface Item {
  keyword: string;
  value: string;
  create_time: number;
  update_time: number;
}

interface Envelope {
  code: number;
  msg: string;
  data?: { items: Item[] };
}

function setup(): { emu: Emulator; advance: (s: number) => void } {
  let now = 1_750_000_000_000;
  return { emu: createEmulator({ streamDelayMs: 0, clock: { now: () => now } }), advance: (s) => (now += s * 1000) };
}

async function put(emu: Emulator, body: Record<string, unknown>): Promise<Envelope> {
  const res = await emu.fetch(`${BASE}/v1/variables`, { method: 'PUT', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as Envelope;
}

async function get(emu: Emulator, query: string): Promise<Envelope> {
  return (await (await emu.fetch(`${BASE}/v1/variables?${query}`, { headers: AUTH })).json()) as Envelope;
}

test('update then retrieve: values per user, defaults with zero times for unset variables', async () => {
  const { emu, advance } = setup();
  const set = await put(emu, { bot_id: BOT, connector_uid: 'alice', data: [{ keyword: 'name', value: 'Alice' }, { keyword: 'age', value: '30' }] });
  assert.equal(set.code, 0);
  assert.equal(set.data, undefined, 'ack only');
  const all = await get(emu, `bot_id=${BOT}&connector_uid=alice`);
  assert.equal(all.code, 0);
  const byKey = Object.fromEntries(all.data!.items.map((i) => [i.keyword, i]));
  assert.deepEqual(byKey['name'], { keyword: 'name', value: 'Alice', create_time: 1_750_000_000, update_time: 1_750_000_000 });
  assert.deepEqual(byKey['city'], { keyword: 'city', value: '北京', create_time: 0, update_time: 0 });
  assert.ok(!('vip_level' in byKey) && !('sys_uuid' in byKey), 'only enabled user variables');

  advance(60);
  await put(emu, { bot_id: BOT, connector_uid: 'alice', data: [{ keyword: 'name', value: 'Alicia' }] });
  const again = (await get(emu, `bot_id=${BOT}&connector_uid=alice&keywords=name`)).data!.items;
  assert.deepEqual(again, [{ keyword: 'name', value: 'Alicia', create_time: 1_750_000_000, update_time: 1_750_000_060 }]);

  const bob = (await get(emu, `bot_id=${BOT}&connector_uid=bob&keywords=name`)).data!.items;
  assert.equal(bob[0]!.value, '', 'another user does not see Alice\'s value');
  const sdk = (await get(emu, `bot_id=${BOT}&connector_uid=alice&connector_id=999&keywords=name`)).data!.items;
  assert.equal(sdk[0]!.value, '', 'another channel keeps its own values');
});

test('retrieve: keywords comma-joined or repeated; unknown names are simply absent', async () => {
  const { emu } = setup();
  const comma = (await get(emu, `bot_id=${BOT}&connector_uid=u&keywords=city,language,nope`)).data!.items.map((i) => i.keyword);
  const repeated = (await get(emu, `bot_id=${BOT}&connector_uid=u&keywords=city&keywords=language&keywords=nope`)).data!.items.map((i) => i.keyword);
  assert.deepEqual(comma, ['city', 'language']);
  assert.deepEqual(repeated, comma);
});

test('update: system, disabled and undeclared variables are 4000 and nothing is written', async () => {
  const { emu } = setup();
  for (const keyword of ['sys_uuid', 'vip_level', 'favourite_colour']) {
    const res = await put(emu, { bot_id: BOT, connector_uid: 'u', data: [{ keyword: 'name', value: 'X' }, { keyword, value: '1' }] });
    assert.equal(res.code, 4000, keyword);
    assert.match(res.msg, new RegExp(keyword));
  }
  const name = (await get(emu, `bot_id=${BOT}&connector_uid=u&keywords=name`)).data!.items[0]!;
  assert.equal(name.value, '');
  assert.equal((await put(emu, { bot_id: BOT, connector_uid: 'u', data: [{ keyword: 'age', value: 18 }] })).code, 4000, 'values are strings');
});

test('bot_id or app_id is needed; unknown bots are 4006, unpublished ones 4015; apps keep their own values', async () => {
  const { emu } = setup();
  const data = [{ keyword: 'name', value: 'A' }];
  assert.equal((await put(emu, { connector_uid: 'u', data })).code, 4000);
  assert.equal((await get(emu, 'connector_uid=u')).code, 4000);
  assert.equal((await put(emu, { bot_id: '123', connector_uid: 'u', data })).code, 4006);
  assert.equal((await put(emu, { bot_id: SEEDED.draftBotId, connector_uid: 'u', data })).code, 4015);
  assert.equal((await put(emu, { app_id: '7448857477636685850', connector_uid: 'u', data })).code, 0);
  const app = (await get(emu, 'app_id=7448857477636685850&connector_uid=u&keywords=name')).data!.items[0]!;
  assert.equal(app.value, 'A');
  const bot = (await get(emu, `bot_id=${BOT}&connector_uid=u&keywords=name`)).data!.items[0]!;
  assert.equal(bot.value, '', 'the bot has its own values');
});

test('required connector_uid and data are checked before anything else', async () => {
  const { emu } = setup();
  assert.equal((await put(emu, { bot_id: BOT, data: [{ keyword: 'name', value: 'A' }] })).code, 4000);
  assert.equal((await put(emu, { bot_id: BOT, connector_uid: 'u', data: [] })).code, 4000);
  assert.equal((await get(emu, `bot_id=${BOT}`)).code, 4000);
});

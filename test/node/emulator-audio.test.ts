/** The emulated audio API: playable WAV speech, recognition of it, voices, cloning, rooms. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUTH, BASE, type Envelope } from './support.js';
import { SEEDED_VOICES } from '../../src/emulator/handlers/audio.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { SEEDED } from '../../src/emulator/seed.js';



function emulator(): Emulator {
  return createEmulator({ streamDelayMs: 0, clock: { now: () => 1_750_000_000_000 } });
}

function speech(emu: Emulator, body: Record<string, unknown>): Promise<Response> {
  return emu.fetch(`${BASE}/v1/audio/speech`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function json<T = Record<string, unknown>>(res: Response): Promise<Envelope<T>> {
  return (await res.json()) as Envelope<T>;
}

function id(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

interface Chunk {
  id: string;
  at: number;
  size: number;
}

/** Walks the RIFF chunks independently of the emulator's own parser. */
function chunks(bytes: Uint8Array): Chunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Chunk[] = [];
  for (let at = 12; at + 8 <= bytes.length; ) {
    const size = view.getUint32(at + 4, true);
    out.push({ id: id(bytes, at), at, size });
    at += 8 + size + (size % 2);
  }
  return out;
}

async function wavOf(res: Response): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await res.arrayBuffer());
}

async function transcribe(emu: Emulator, file: File): Promise<Envelope<{ text: string }>> {
  const form = new FormData();
  form.append('file', file);
  return json(await emu.fetch(`${BASE}/v1/audio/transcriptions`, { method: 'POST', headers: AUTH, body: form }));
}

test('speech: a well-formed WAV (RIFF/WAVE, fmt, data) with consistent sizes and the log id header', async () => {
  const emu = emulator();
  const res = await speech(emu, { input: '今天天气晴朗。', voice_id: SEEDED_VOICES.cheerfulBoy });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'audio/wav');
  assert.match(res.headers.get('x-tt-logid') ?? '', /^\d{14}[0-9A-F]{20}$/);
  const bytes = await wavOf(res);
  const view = new DataView(bytes.buffer);
  assert.equal(id(bytes, 0), 'RIFF');
  assert.equal(id(bytes, 8), 'WAVE');
  assert.equal(view.getUint32(4, true), bytes.length - 8, 'RIFF size covers the rest of the file');
  const list = chunks(bytes);
  assert.deepEqual(list.map((c) => c.id), ['fmt ', 'data', 'LIST']);
  const fmt = list[0]!;
  assert.equal(fmt.size, 16);
  assert.equal(view.getUint16(fmt.at + 8, true), 1, 'PCM');
  assert.equal(view.getUint16(fmt.at + 10, true), 1, 'mono');
  assert.equal(view.getUint32(fmt.at + 12, true), 24000, 'default sample rate');
  assert.equal(view.getUint32(fmt.at + 16, true), 48000, 'byte rate');
  assert.equal(view.getUint16(fmt.at + 20, true), 2, 'block align');
  assert.equal(view.getUint16(fmt.at + 22, true), 16, 'bits per sample');
  const data = list[1]!;
  assert.equal(data.at, 36, 'data right after fmt: 44-byte header readers work');
  assert.equal(data.size, 7 * 1920 * 2, 'seven characters of 0.08 s (1920 samples), 16-bit mono');
  const last = list[2]!;
  assert.equal(last.at + 8 + last.size, bytes.length, 'chunks fill the file exactly');
  // Not silence: a real signal, within 16-bit range.
  let peak = 0;
  for (let i = 0; i < data.size / 2; i++) peak = Math.max(peak, Math.abs(view.getInt16(data.at + 8 + i * 2, true)));
  assert.ok(peak > 3000, `audible (peak ${peak})`);
});

test('speech: duration grows with the text, follows speed and sample_rate, and caps at 30 s', async () => {
  const emu = emulator();
  const dataBytes = async (body: Record<string, unknown>) => {
    const bytes = await wavOf(await speech(emu, { voice_id: SEEDED_VOICES.warmLily, ...body }));
    return chunks(bytes).find((c) => c.id === 'data')!.size;
  };
  const short = await dataBytes({ input: 'Hi' });
  const long = await dataBytes({ input: 'Hi there, how are you today?' });
  assert.ok(long > short * 10);
  assert.equal(await dataBytes({ input: 'Hi', speed: 2 }), short / 2);
  assert.equal(await dataBytes({ input: 'Hi', sample_rate: 8000 }), (short * 8000) / 24000);
  const capped = await dataBytes({ input: 'a'.repeat(1000) });
  assert.equal(capped, 30 * 24000 * 2);
});

test('speech: deterministic bytes for the same request', async () => {
  const a = await wavOf(await speech(emulator(), { input: '你好', voice_id: SEEDED_VOICES.cheerfulBoy }));
  const b = await wavOf(await speech(emulator(), { input: '你好', voice_id: SEEDED_VOICES.cheerfulBoy }));
  assert.deepEqual(a, b);
  const other = await wavOf(await speech(emulator(), { input: '你好', voice_id: SEEDED_VOICES.warmLily }));
  assert.notDeepEqual(a, other, 'another voice sounds different');
});

test('speech: pcm answers the raw samples; mp3 and ogg_opus are explained 4000s', async () => {
  const emu = emulator();
  const wav = await wavOf(await speech(emu, { input: 'abc', voice_id: SEEDED_VOICES.warmLily, response_format: 'wav' }));
  const pcmRes = await speech(emu, { input: 'abc', voice_id: SEEDED_VOICES.warmLily, response_format: 'pcm' });
  assert.equal(pcmRes.headers.get('content-type'), 'audio/pcm');
  const pcm = new Uint8Array(await pcmRes.arrayBuffer());
  const data = chunks(wav).find((c) => c.id === 'data')!;
  assert.deepEqual(pcm, wav.subarray(data.at + 8, data.at + 8 + data.size));
  for (const format of ['mp3', 'ogg_opus']) {
    const body = await json(await speech(emu, { input: 'abc', voice_id: SEEDED_VOICES.warmLily, response_format: format }));
    assert.equal(body.code, 4000);
    assert.match(body.msg, /wav or pcm/);
  }
});

test('speech: unknown or not-yet-cloned voices, and input over 1024 bytes, are 4000', async () => {
  const emu = emulator();
  assert.equal((await json(await speech(emu, { input: 'hi', voice_id: '123' }))).code, 4000);
  const pending = await json(await speech(emu, { input: 'hi', voice_id: SEEDED_VOICES.pendingClone }));
  assert.equal(pending.code, 4000);
  assert.match(pending.msg, /not been cloned/);
  const tooLong = await json(await speech(emu, { input: '字'.repeat(342), voice_id: SEEDED_VOICES.cheerfulBoy }));
  assert.equal(tooLong.code, 4000);
  assert.match(tooLong.msg, /1026 bytes/);
});

test('transcription reads back the text of the emulator\'s own speech; other audio gets a sentence with its size', async () => {
  const emu = emulator();
  const text = '请把会议改到下午三点 please';
  const wav = await wavOf(await speech(emu, { input: text, voice_id: SEEDED_VOICES.cheerfulBoy }));
  const back = await transcribe(emu, new File([wav], 'meeting.wav', { type: 'audio/wav' }));
  assert.equal(back.code, 0);
  assert.deepEqual(back.data, { text });
  const other = await transcribe(emu, new File([new Uint8Array(4321)], 'note.mp3'));
  assert.equal(other.code, 0);
  assert.match(other.data!.text, /4321-byte/);
});

test('transcription: a file that is not audio is 4000; an empty one 4300', async () => {
  const emu = emulator();
  assert.equal((await transcribe(emu, new File(['hello'], 'notes.docx'))).code, 4000);
  assert.equal((await transcribe(emu, new File([], 'silence.wav'))).code, 4300);
});

test('voices: seeded list with paging, voice_state and filter_system_voice', async () => {
  const emu = emulator();
  const list = async (query: string) => (await json<{ has_more: boolean; voice_list: Array<Record<string, unknown>> }>(await emu.fetch(`${BASE}/v1/audio/voices?${query}`, { headers: AUTH }))).data!;
  const all = await list('');
  assert.equal(all.voice_list.length, 7, 'cloned voices by default: the pending one is hidden');
  assert.equal(all.has_more, false);
  const first = all.voice_list[0]!;
  for (const key of ['voice_id', 'name', 'state', 'model_type', 'is_system_voice', 'language_code', 'language_name', 'preview_text', 'preview_audio', 'available_training_times', 'create_time', 'update_time']) {
    assert.ok(key in first, key);
  }
  assert.ok(!('pitch_hz' in first), 'no emulator internals');
  assert.ok(all.voice_list.some((v) => v['language_code'] === 'en') && all.voice_list.some((v) => v['language_code'] === 'zh'));
  const paged = await list('page_num=1&page_size=3');
  assert.equal(paged.voice_list.length, 3);
  assert.equal(paged.has_more, true);
  const own = await list('filter_system_voice=true&voice_state=all');
  assert.deepEqual(own.voice_list.map((v) => v['voice_id']), [SEEDED_VOICES.clonedAgent, SEEDED_VOICES.pendingClone]);
});

test('voice clone: a new voice appears in the list and can speak; a mismatching text is 1109', async () => {
  const emu = emulator();
  const sample = await wavOf(await speech(emu, { input: '你好，欢迎致电星河科技', voice_id: SEEDED_VOICES.cheerfulBoy }));
  const clone = async (fields: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new File([sample], 'sample.wav'));
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return json<{ voice_id: string }>(await emu.fetch(`${BASE}/v1/audio/voices/clone`, { method: 'POST', headers: AUTH, body: form }));
  };
  const mismatch = await clone({ voice_name: 'Mine', audio_format: 'wav', text: 'completely different words here' });
  assert.equal(mismatch.code, 1109);
  const made = await clone({ voice_name: 'Mine', audio_format: 'wav', text: '你好，欢迎致电星河科技' });
  assert.equal(made.code, 0);
  const voiceId = made.data!.voice_id;
  const own = await json<{ voice_list: Array<{ voice_id: string; name: string; available_training_times: number }> }>(
    await emu.fetch(`${BASE}/v1/audio/voices?filter_system_voice=true`, { headers: AUTH }),
  );
  const mine = own.data!.voice_list.find((v) => v.voice_id === voiceId);
  assert.equal(mine?.name, 'Mine');
  assert.equal(mine?.available_training_times, 9);
  assert.equal((await speech(emu, { input: 'hi', voice_id: voiceId })).headers.get('content-type'), 'audio/wav');
});

test('rooms: deterministic room, token and uid for a published bot; unknown and draft bots fail', async () => {
  const room = async (emu: Emulator, body: Record<string, unknown>) =>
    json<{ room_id: string; app_id: string; token: string; uid: string }>(
      await emu.fetch(`${BASE}/v1/audio/rooms`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    );
  const a = await room(emulator(), { bot_id: SEEDED.assistantBotId, uid: 'user_1', voice_id: SEEDED_VOICES.warmLily });
  const b = await room(emulator(), { bot_id: SEEDED.assistantBotId, uid: 'user_1', voice_id: SEEDED_VOICES.warmLily });
  assert.equal(a.code, 0);
  assert.deepEqual(a.data, b.data);
  assert.equal(a.data!.uid, 'user_1');
  assert.match(a.data!.room_id, /^\d{19}$/);
  assert.ok(a.data!.token.startsWith(`001${a.data!.app_id}`));
  const emu = emulator();
  assert.equal((await room(emu, { bot_id: '123' })).code, 4006);
  assert.equal((await room(emu, { bot_id: SEEDED.draftBotId })).code, 4015);
  assert.equal((await room(emu, { bot_id: SEEDED.assistantBotId, conversation_id: '999' })).code, 4002);
});

/**
 * Audio: the voice list, speech synthesis that answers a real, playable WAV (see `wav.ts`),
 * speech recognition that reads back what the emulator itself spoke, voice cloning and RTC rooms.
 */
import type { EmulatorContext, HandlerMap } from '../context.js';
import { CORS_HEADERS } from '../http.js';
import type { EmulatorState } from '../state.js';
import { extensionOf, singleFile, type SingleFileRules } from './files.js';
import { encodeWav, parseWav, pcmBytes, SOFTWARE_TAG, synthesize } from './wav.js';

interface EmotionInfo {
  emotion: string;
  display_name: string;
  emotion_scale_interval: { min: number; max: number; default: number };
}

export interface Voice {
  voice_id: string;
  name: string;
  state: 'init' | 'cloned';
  model_type: 'big' | 'small';
  model_name: string;
  is_system_voice: boolean;
  language_code: string;
  language_name: string;
  preview_text: string;
  preview_audio: string;
  support_emotions?: EmotionInfo[];
  available_training_times: number;
  create_time: number;
  update_time: number;
  /** How the emulated voice sounds: its fundamental frequency (not part of the API). */
  pitch_hz: number;
}

interface Room {
  room_id: string;
  bot_id: string;
  uid: string;
  voice_id: string;
  created_at: number;
}

export const VOICES_TABLE = 'audio.voices';
const ROOMS_TABLE = 'audio.rooms';

/** Well-known voice ids of the seeded account. */
export const SEEDED_VOICES = {
  /** A Chinese system voice with emotions (the default for demos). */
  cheerfulBoy: '7426720361733046281',
  /** An English system voice. */
  warmLily: '7426720361733046286',
  /** The account's own cloned voice. */
  clonedAgent: '7468512265134932019',
  /** A custom voice slot not cloned yet (state `init`): synthesis refuses it. */
  pendingClone: '7468512265134932020',
} as const;

/** The RTC application the emulated rooms belong to. */
const RTC_APP_ID = '65f0c0e1a7d3b2001c4e8a91';

const LANGUAGES: Record<string, string> = { zh: '中文', en: 'English', ja: '日本語', es: 'Español', id: 'Bahasa Indonesia', pt: 'Português' };

const MAX_INPUT_BYTES = 1024;
const TRANSCRIBE_RULES: SingleFileRules = { maxBytes: 10 * 1024 * 1024, codes: { empty: 4300, many: 4301, tooLarge: 4302 }, limitLabel: '10 MB' };
const TRANSCRIBE_FORMATS = new Set(['opus', 'ogg', 'mp3', 'wav', 'm4a', 'mp4', 'pcm', 'raw', 'spx', 'aac', 'amr']);

/** Emotions shift the pitch a little so they can be heard. */
const EMOTION_PITCH: Record<string, number> = { happy: 1.08, excited: 1.12, surprised: 1.1, fear: 1.05, sad: 0.92, coldness: 0.95, hate: 0.97, angry: 1.02, neutral: 1 };

function emotions(...names: Array<[string, string]>): EmotionInfo[] {
  return names.map(([emotion, display_name]) => ({ emotion, display_name, emotion_scale_interval: { min: 1, max: 5, default: 4 } }));
}

function voice(partial: Omit<Voice, 'model_name' | 'language_name' | 'preview_audio' | 'create_time' | 'update_time'> & { at?: number }): Voice {
  const at = partial.at ?? 1729686510;
  const { at: _ignored, ...rest } = partial;
  return {
    ...rest,
    model_name: '',
    language_name: LANGUAGES[partial.language_code] ?? partial.language_code,
    preview_audio: `https://lf-coze-web-cdn.coze.cn/obj/eden-cn/emulator/voices/${partial.voice_id}.wav`,
    create_time: at,
    update_time: at,
  };
}

export function seed(state: EmulatorState): void {
  const voices = state.table<Voice>(VOICES_TABLE);
  const system = { state: 'cloned' as const, is_system_voice: true, available_training_times: 0 };
  for (const v of [
    voice({ ...system, voice_id: SEEDED_VOICES.cheerfulBoy, name: '开朗大男孩', model_type: 'big', language_code: 'zh', preview_text: '你好呀，今天想聊点什么？', pitch_hz: 125, support_emotions: emotions(['happy', '开心'], ['sad', '悲伤'], ['angry', '生气']) }),
    voice({ ...system, voice_id: '7426720361733046282', name: '温柔女声', model_type: 'big', language_code: 'zh', preview_text: '别着急，我们慢慢来。', pitch_hz: 220, support_emotions: emotions(['happy', '开心'], ['sad', '悲伤'], ['neutral', '中性']) }),
    voice({ ...system, voice_id: '7426720361733046283', name: '知性姐姐', model_type: 'small', language_code: 'zh', preview_text: '欢迎收听今天的新闻。', pitch_hz: 200 }),
    voice({ ...system, voice_id: '7426720361733046284', name: '童趣小宝', model_type: 'small', language_code: 'zh', preview_text: '我们一起去公园玩吧！', pitch_hz: 300 }),
    voice({ ...system, voice_id: '7426720361733046285', name: 'Friendly Jason', model_type: 'big', language_code: 'en', preview_text: 'Hi there, what shall we talk about today?', pitch_hz: 115 }),
    voice({ ...system, voice_id: SEEDED_VOICES.warmLily, name: 'Warm Lily', model_type: 'big', language_code: 'en', preview_text: 'Take your time, I am here to help.', pitch_hz: 210, support_emotions: emotions(['happy', 'Happy'], ['sad', 'Sad']) }),
    voice({ voice_id: SEEDED_VOICES.clonedAgent, name: '客服小林', state: 'cloned', model_type: 'big', is_system_voice: false, language_code: 'zh', preview_text: '你好，我是你的专属 AI 克隆声音。', available_training_times: 8, pitch_hz: 190, at: 1738745290 }),
    voice({ voice_id: SEEDED_VOICES.pendingClone, name: 'My voice (not cloned yet)', state: 'init', model_type: 'big', is_system_voice: false, language_code: 'en', preview_text: '', available_training_times: 10, pitch_hz: 150, at: 1739181624 }),
  ]) {
    voices.set(v.voice_id, v);
  }
}

/** The voice as the API lists it (without the emulator's pitch). */
function voiceView(v: Voice): Record<string, unknown> {
  return {
    voice_id: v.voice_id,
    name: v.name,
    state: v.state,
    model_type: v.model_type,
    model_name: v.model_name,
    is_system_voice: v.is_system_voice,
    language_code: v.language_code,
    language_name: v.language_name,
    preview_text: v.preview_text,
    preview_audio: v.preview_audio,
    ...(v.support_emotions ? { support_emotions: v.support_emotions } : {}),
    available_training_times: v.available_training_times,
    create_time: v.create_time,
    update_time: v.update_time,
  };
}

/** A small stable hash (FNV-1a), for values that must look random but stay deterministic. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function numberInput(ctx: EmulatorContext, name: string, fallback: number): number {
  const raw = ctx.input(name);
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) ? n : fallback;
}

function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

function listVoices(ctx: EmulatorContext): Response {
  const hideSystem = isTrue(ctx.input('filter_system_voice'));
  const modelType = ctx.input('model_type') || undefined;
  const wantedState = ctx.input('voice_state') || 'cloned';
  const pageNum = Math.max(1, numberInput(ctx, 'page_num', 1));
  const pageSize = Math.min(100, Math.max(1, numberInput(ctx, 'page_size', 100)));
  const matching = [...ctx.state.table<Voice>(VOICES_TABLE).values()].filter(
    (v) => !(hideSystem && v.is_system_voice) && (!modelType || v.model_type === modelType) && (wantedState === 'all' || v.state === wantedState),
  );
  const start = (pageNum - 1) * pageSize;
  const page = matching.slice(start, start + pageSize);
  return ctx.ok({ has_more: start + pageSize < matching.length, voice_list: page.map(voiceView) });
}

/** Where a format the emulator cannot encode gets its explanation. */
const UNSUPPORTED_FORMATS = new Set(['mp3', 'ogg_opus', 'opus', 'ogg']);

function audioResponse(ctx: EmulatorContext, bytes: Uint8Array<ArrayBuffer>, contentType: string): Response {
  return new Response(bytes, {
    status: 200,
    headers: { ...CORS_HEADERS, 'content-type': contentType, 'content-length': String(bytes.length), 'x-tt-logid': ctx.logid },
  });
}

function findReadyVoice(ctx: EmulatorContext, voiceId: string): Voice | Response {
  const v = ctx.state.table<Voice>(VOICES_TABLE).get(voiceId);
  if (!v) return ctx.fail(4000, `invalid parameter: voice_id ${voiceId} does not exist (see GET /v1/audio/voices)`);
  if (v.state !== 'cloned') return ctx.fail(4000, `invalid parameter: voice ${voiceId} has not been cloned yet`);
  return v;
}

function createSpeech(ctx: EmulatorContext): Response {
  const input = String(ctx.body['input'] ?? '');
  const inputBytes = new TextEncoder().encode(input).length;
  if (inputBytes > MAX_INPUT_BYTES) return ctx.fail(4000, `invalid parameter: input is ${inputBytes} bytes of UTF-8, the limit is ${MAX_INPUT_BYTES}`);
  const v = findReadyVoice(ctx, String(ctx.body['voice_id'] ?? ''));
  if (v instanceof Response) return v;
  // The service's own default is mp3, which the emulator cannot encode; an omitted format gets WAV.
  const format = ctx.input('response_format') || 'wav';
  if (UNSUPPORTED_FORMATS.has(format)) {
    return ctx.fail(4000, `response_format ${format} is not available in the emulator: it produces wav or pcm audio only`);
  }
  const speed = numberInput(ctx, 'speed', 1);
  if (v.model_type === 'big' && (speed < 0.5 || speed > 2)) return ctx.fail(4000, `invalid parameter: speed must be between 0.5 and 2 for large-model voices, got ${speed}`);
  const sampleRate = numberInput(ctx, 'sample_rate', 24000);
  const emotion = ctx.input('emotion');
  const emotionPitch = emotion && v.support_emotions?.some((e) => e.emotion === emotion) ? (EMOTION_PITCH[emotion] ?? 1) : 1;
  const { samples, spoken } = synthesize(input, { sampleRate, speed, pitchHz: v.pitch_hz * emotionPitch, loudnessRate: numberInput(ctx, 'loudness_rate', 0) });
  if (format === 'pcm') return audioResponse(ctx, pcmBytes(samples), 'audio/pcm');
  return audioResponse(ctx, encodeWav(samples, sampleRate, spoken), 'audio/wav');
}

async function transcribe(ctx: EmulatorContext): Promise<Response> {
  const file = singleFile(ctx, TRANSCRIBE_RULES);
  if (file instanceof Response) return file;
  const ext = extensionOf(file.name);
  if (ext && !TRANSCRIBE_FORMATS.has(ext)) return ctx.fail(4000, `invalid parameter: .${ext} is not an audio format speech recognition accepts`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const wav = parseWav(bytes);
  if (wav?.info['ISFT'] === SOFTWARE_TAG && wav.info['ICMT'] !== undefined) return ctx.ok({ text: wav.info['ICMT'] });
  const length = wav && wav.seconds > 0 ? `, ${wav.seconds.toFixed(1)} s` : '';
  return ctx.ok({ text: `This is the emulator's transcription of a ${file.size}-byte recording${length}.` });
}

/** Letters and digits only, for comparing what a recording says with the text given for it. */
function normalize(text: string): string {
  return [...text.toLowerCase()].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');
}

/** Share of the expected characters that the recording contains, in order (a crude accuracy). */
function overlap(expected: string, heard: string): number {
  const a = normalize(expected);
  const b = normalize(heard);
  if (!a) return 1;
  let j = 0;
  let hits = 0;
  for (const c of a) {
    const at = b.indexOf(c, j);
    if (at >= 0) {
      hits++;
      j = at + 1;
    }
  }
  return hits / [...a].length;
}

async function cloneVoice(ctx: EmulatorContext): Promise<Response> {
  const file = singleFile(ctx, TRANSCRIBE_RULES);
  if (file instanceof Response) return file;
  const voices = ctx.state.table<Voice>(VOICES_TABLE);
  const existingId = ctx.input('voice_id');
  const existing = existingId ? voices.get(existingId) : undefined;
  if (existingId && (!existing || existing.is_system_voice)) return ctx.fail(4000, `invalid parameter: voice_id ${existingId} is not one of your voices`);
  if (existing && existing.available_training_times <= 0) return ctx.fail(4000, `voice ${existing.voice_id} has no training attempts left`);
  // A recording made by the emulator knows its own words: a different text is the WER mismatch.
  const text = ctx.input('text');
  const wav = parseWav(new Uint8Array(await file.arrayBuffer()));
  if (text && wav?.info['ISFT'] === SOFTWARE_TAG && overlap(text, wav.info['ICMT'] ?? '') < 0.5) {
    return ctx.fail(1109, 'WERError: the recording does not match the given text');
  }
  const now = ctx.state.seconds();
  const id = existing?.voice_id ?? ctx.state.nextId();
  const language = ctx.input('language') || existing?.language_code || 'zh';
  const cloned: Voice = {
    ...voice({
      voice_id: id,
      name: ctx.input('voice_name') ?? existing?.name ?? id,
      state: 'cloned',
      model_type: 'big',
      is_system_voice: false,
      language_code: language,
      preview_text: ctx.input('preview_text') || existing?.preview_text || '你好，我是你的专属 AI 克隆声音。',
      available_training_times: existing ? existing.available_training_times - 1 : 9,
      pitch_hz: 110 + (hash(id) % 180),
      at: existing?.create_time ?? now,
    }),
    update_time: now,
  };
  voices.set(id, cloned);
  return ctx.ok({ voice_id: id });
}

/** A join token in the RTC shape: version, app id, then an opaque (deterministic) payload. */
function roomToken(roomId: string, uid: string): string {
  const words = [hash(roomId), hash(uid), hash(`${roomId}:${uid}`), hash(`${uid}:${roomId}:${RTC_APP_ID}`)];
  const bytes = [...words.flatMap((w) => [w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255]), ...new TextEncoder().encode(`${roomId}:${uid}`)];
  return `001${RTC_APP_ID}${btoa(String.fromCharCode(...bytes))}`;
}

function createRoom(ctx: EmulatorContext): Response {
  const botId = ctx.input('bot_id') ?? '';
  const bot = ctx.state.bots.get(botId);
  if (!bot) return ctx.fail(4006, `bot not found: ${botId}`);
  const connector = ctx.input('connector_id') || '1024';
  if (bot.publish_status !== 'published' || !bot.connector_ids.includes(connector)) {
    return ctx.fail(4015, `the bot ${botId} is not published to the channel ${connector}`);
  }
  const conversationId = ctx.input('conversation_id');
  if (conversationId && !ctx.state.conversations.has(conversationId)) return ctx.fail(4002, `conversation not found: ${conversationId}`);
  const voiceId = ctx.input('voice_id') ?? '';
  if (voiceId) {
    const v = findReadyVoice(ctx, voiceId);
    if (v instanceof Response) return v;
  }
  const roomId = ctx.state.nextId();
  const uid = ctx.input('uid') || `user_${roomId}`;
  const room: Room = { room_id: roomId, bot_id: botId, uid, voice_id: voiceId, created_at: ctx.state.seconds() };
  ctx.state.table<Room>(ROOMS_TABLE).set(roomId, room);
  return ctx.ok({ room_id: roomId, app_id: RTC_APP_ID, token: roomToken(roomId, uid), uid });
}

export const handlers: HandlerMap = {
  'audio.voices.list': listVoices,
  'audio.speech.create': createSpeech,
  'audio.transcriptions.create': transcribe,
  'audio.voices.clone': cloneVoice,
  'audio.rooms.create': createRoom,
};

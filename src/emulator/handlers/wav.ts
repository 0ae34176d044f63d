/**
 * Deterministic "speech": a voiced tone per character, shaped like a syllable, written as a
 * standard 16-bit mono PCM WAV. The spoken text rides along in a `LIST/INFO` chunk so the
 * emulated speech recognition can read it back exactly. No randomness: the same text, voice and
 * settings always give the same bytes.
 */

export interface SpeechSettings {
  sampleRate: number;
  /** 1 = normal; the time per character is divided by it. */
  speed: number;
  /** The voice's fundamental frequency, in Hz. */
  pitchHz: number;
  /** Loudness change in percent (-50…100). */
  loudnessRate: number;
}

export interface Synthesis {
  samples: Int16Array;
  /** The part of the text that fits in the length cap (what the audio actually says). */
  spoken: string;
}

/** Seconds of audio per character at speed 1. */
export const SECONDS_PER_CHAR = 0.08;
/** Longest audio the emulator produces. */
export const MAX_SECONDS = 30;

/** The marker in `ISFT` that says a WAV came from the emulator (and its `ICMT` is the text). */
export const SOFTWARE_TAG = 'Coze emulator TTS';

const PAUSE_CHARS = new Set([...'，。、；：！？,.;:!?…—()（）《》“”"\'\n']);

/** Small pitch steps per character, so different words sound different. */
function pitchFor(codePoint: number, base: number): number {
  const step = (codePoint % 9) - 4;
  return base * 2 ** (step / 24);
}

/** Raised-cosine attack and a longer release: each character becomes a syllable, not a beep. */
function envelope(t: number): number {
  const attack = 0.18;
  const release = 0.4;
  if (t < attack) return 0.5 - 0.5 * Math.cos((Math.PI * t) / attack);
  if (t > 1 - release) return 0.5 + 0.5 * Math.cos((Math.PI * (t - (1 - release))) / release);
  return 1;
}

/** A few harmonics with falling weights: closer to a voice than a pure sine. */
function voiced(phase: number): number {
  return (Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase) + 0.12 * Math.sin(4 * phase)) / 1.87;
}

export function synthesize(text: string, settings: SpeechSettings): Synthesis {
  const rate = settings.sampleRate;
  const perChar = Math.max(1, Math.round((SECONDS_PER_CHAR / settings.speed) * rate));
  const maxSamples = MAX_SECONDS * rate;
  const chars = [...text];
  const fitting = Math.min(chars.length, Math.floor(maxSamples / perChar));
  const samples = new Int16Array(fitting * perChar);
  const gain = 0.45 * Math.min(2, Math.max(0.5, 1 + settings.loudnessRate / 100)) * 32767;
  let phase = 0;
  for (let c = 0; c < fitting; c++) {
    const ch = chars[c]!;
    if (/\s/u.test(ch) || PAUSE_CHARS.has(ch)) continue; // silence: the array is already zero
    const f0 = pitchFor(ch.codePointAt(0)!, settings.pitchHz);
    for (let i = 0; i < perChar; i++) {
      const t = i / perChar;
      // Pitch falls a little through the syllable, as speech does.
      phase += (2 * Math.PI * f0 * (1 - 0.08 * t)) / rate;
      samples[c * perChar + i] = Math.round(gain * envelope(t) * voiced(phase));
    }
  }
  return { samples, spoken: chars.slice(0, fitting).join('') };
}

const encoder = new TextEncoder();

function ascii(view: DataView, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
}

/** One INFO sub-chunk: id, size (with the NUL terminator), text, pad byte to an even length. */
function infoEntry(id: string, text: string): Uint8Array {
  const body = encoder.encode(text);
  const size = body.length + 1;
  const out = new Uint8Array(8 + size + (size % 2));
  const view = new DataView(out.buffer);
  ascii(view, 0, id);
  view.setUint32(4, size, true);
  out.set(body, 8);
  return out;
}

/** Raw little-endian 16-bit PCM, as the `pcm` response format sends it. */
export function pcmBytes(samples: Int16Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  samples.forEach((s, i) => view.setInt16(i * 2, s, true));
  return out;
}

/**
 * A RIFF/WAVE file: `fmt ` (PCM, mono, 16-bit), `data`, then `LIST/INFO` with the software tag
 * and the text. The INFO chunk goes last so readers that assume a 44-byte header still work.
 */
export function encodeWav(samples: Int16Array, sampleRate: number, text: string): Uint8Array<ArrayBuffer> {
  const data = pcmBytes(samples);
  const entries = [infoEntry('ISFT', SOFTWARE_TAG), infoEntry('ICMT', text)];
  const listSize = 4 + entries.reduce((n, e) => n + e.length, 0);
  const dataPadded = data.length + (data.length % 2);
  const total = 12 + 24 + 8 + dataPadded + 8 + listSize;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  ascii(view, 0, 'RIFF');
  view.setUint32(4, total - 8, true);
  ascii(view, 8, 'WAVE');
  ascii(view, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(view, 36, 'data');
  view.setUint32(40, data.length, true);
  out.set(data, 44);
  let at = 44 + dataPadded;
  ascii(view, at, 'LIST');
  view.setUint32(at + 4, listSize, true);
  ascii(view, at + 8, 'INFO');
  at += 12;
  for (const e of entries) {
    out.set(e, at);
    at += e.length;
  }
  return out;
}

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  dataBytes: number;
  seconds: number;
  /** INFO entries by id (`ISFT`, `ICMT`…). */
  info: Record<string, string>;
}

const decoder = new TextDecoder();

function readId(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

function readInfo(bytes: Uint8Array, start: number, end: number): Record<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const info: Record<string, string> = {};
  let at = start;
  while (at + 8 <= end) {
    const id = readId(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = bytes.subarray(at + 8, Math.min(end, at + 8 + size));
    info[id] = decoder.decode(body).replace(/\0+$/, '');
    at += 8 + size + (size % 2);
  }
  return info;
}

/** Reads a WAV's format and INFO text; `undefined` when the bytes are not a RIFF/WAVE file. */
export function parseWav(bytes: Uint8Array): WavInfo | undefined {
  if (bytes.length < 12 || readId(bytes, 0) !== 'RIFF' || readId(bytes, 8) !== 'WAVE') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result: WavInfo = { sampleRate: 0, channels: 0, bitsPerSample: 0, dataBytes: 0, seconds: 0, info: {} };
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = readId(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      result.channels = view.getUint16(body + 2, true);
      result.sampleRate = view.getUint32(body + 4, true);
      result.bitsPerSample = view.getUint16(body + 14, true);
    } else if (id === 'data') {
      result.dataBytes = Math.min(size, bytes.length - body);
    } else if (id === 'LIST' && readId(bytes, body) === 'INFO') {
      result.info = readInfo(bytes, body + 4, Math.min(bytes.length, body + size));
    }
    at = body + size + (size % 2);
  }
  const bytesPerSecond = result.sampleRate * result.channels * (result.bitsPerSample / 8);
  result.seconds = bytesPerSecond > 0 ? result.dataBytes / bytesPerSecond : 0;
  return result;
}

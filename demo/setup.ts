/**
 * What every demo page shares: the providers on the page talk to the local emulator (the dev
 * server's `/coze-api` under `npm start`, or the in-browser emulator in a static build) with seeded
 * ids as first values, until the settings bar switches them to the real Coze API.
 */
import { EMULATOR_PRESETS, EMULATOR_TOKEN } from '../src/emulator/presets.js';
import type { CozePlayground } from '../src/elements/coze-playground/coze-playground.js';
import './settings-bar.js';

export type DemoMode = { kind: 'emulator' } | { kind: 'coze'; region: 'cn' | 'com'; baseUrl: string; token: string };

let emulatorFetch: Promise<typeof fetch | undefined> | undefined;

/** `undefined` when the dev server hosts the emulator; otherwise an in-browser emulator's fetch. */
function emulatorTransport(): Promise<typeof fetch | undefined> {
  emulatorFetch ??= fetch('/coze-api/v1/users/me', { headers: { authorization: `Bearer ${EMULATOR_TOKEN}` } })
    .then((r) => (r.ok && (r.headers.get('content-type') ?? '').includes('json') ? undefined : Promise.reject(new Error('no server'))))
    .catch(async () => {
      const { createEmulator } = await import('../src/emulator/index.js');
      return createEmulator().fetch;
    });
  return emulatorFetch;
}

export async function applyMode(mode: DemoMode): Promise<void> {
  const providers = [...document.querySelectorAll('coze-playground')] as CozePlayground[];
  if (mode.kind === 'emulator') {
    const inBrowser = await emulatorTransport();
    for (const p of providers) {
      p.presets = { ...EMULATOR_PRESETS };
      p.fetch = inBrowser;
      p.baseUrl = inBrowser ? 'https://emulator.invalid' : '/coze-api';
      p.token = EMULATOR_TOKEN;
    }
  } else {
    for (const p of providers) {
      p.presets = {};
      p.fetch = undefined;
      p.region = mode.region;
      p.baseUrl = mode.baseUrl;
      p.token = mode.token || undefined;
    }
  }
}

export function connectDemo(): Promise<void> {
  return applyMode({ kind: 'emulator' });
}

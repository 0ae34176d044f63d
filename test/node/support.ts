/** What the emulator tests share: a base URL for requests made through `emulator.fetch`, a token, the envelope. */
export const BASE = 'http://emulator.test';
export const AUTH = { authorization: 'Bearer pat_emulator' } as const;

/** Coze's standard response envelope. */
export interface Envelope<T = Record<string, unknown>> {
  code: number;
  msg: string;
  data?: T;
  detail: { logid: string };
}

/**
 * Fault injection, for tests and demos: a request header (or the emulator's `faults` option) asks
 * the emulator to misbehave in one precise way.
 *
 *   x-coze-emulator-fault: latency=800
 *   x-coze-emulator-fault: status=502
 *   x-coze-emulator-fault: code=4100
 *   x-coze-emulator-fault: html                  (an HTML error page, HTTP 502, instead of JSON)
 *   x-coze-emulator-fault: broken-json           (a truncated JSON body)
 *   x-coze-emulator-fault: cut-after=3           (a stream that stops after 3 events, no `done`)
 *   x-coze-emulator-fault: slow=200              (200 ms between stream events)
 *   x-coze-emulator-fault: stall-after=2         (a stream that goes silent after 2 events)
 *   x-coze-emulator-fault: reset                 (the connection drops before any byte)
 *   x-coze-emulator-fault: big=20                (a valid JSON body of about 20 MB)
 *   x-coze-emulator-fault: reply-tokens=20000    (a streamed chat answer of 20,000 tokens, one per delta event)
 *
 * Several can be combined with `;`, e.g. `latency=300; cut-after=5`.
 */

export const FAULT_HEADER = 'x-coze-emulator-fault';

export interface Faults {
  latencyMs?: number;
  status?: number;
  code?: number;
  html?: boolean;
  brokenJson?: boolean;
  cutAfter?: number;
  slowMs?: number;
  stallAfter?: number;
  reset?: boolean;
  bigMb?: number;
  /** Streamed chat answers grow to this many tokens, one `conversation.message.delta` each (benchmarks). */
  replyTokens?: number;
}

/** Reads the fault header. Unknown words are ignored (a demo typo must not break the emulator). */
export function parseFaults(header: string | null | undefined): Faults {
  const faults: Faults = {};
  if (!header) return faults;
  for (const part of header.split(';')) {
    const [rawKey, rawValue] = part.split('=').map((s) => s.trim());
    const n = Number(rawValue);
    const num = Number.isFinite(n) && n >= 0 ? n : undefined;
    switch (rawKey) {
      case 'latency':
        faults.latencyMs = Math.min(num ?? 0, 60_000);
        break;
      case 'status':
        if (num && num >= 100 && num <= 599) faults.status = num;
        break;
      case 'code':
        if (num !== undefined) faults.code = num;
        break;
      case 'html':
        faults.html = true;
        break;
      case 'broken-json':
        faults.brokenJson = true;
        break;
      case 'cut-after':
        if (num !== undefined) faults.cutAfter = num;
        break;
      case 'slow':
        faults.slowMs = Math.min(num ?? 0, 10_000);
        break;
      case 'stall-after':
        if (num !== undefined) faults.stallAfter = num;
        break;
      case 'reset':
        faults.reset = true;
        break;
      case 'big':
        faults.bigMb = Math.min(num ?? 20, 64);
        break;
      case 'reply-tokens':
        if (num) faults.replyTokens = Math.min(Math.floor(num), 200_000);
        break;
    }
  }
  return faults;
}

export function mergeFaults(...all: Array<Faults | undefined>): Faults {
  return Object.assign({}, ...all.filter(Boolean));
}

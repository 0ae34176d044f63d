/**
 * Bench page: `<coze-chat-sdk-demo>` inside `<coze-playground>`, on the emulator at /coze-api. The
 * driver (scripts/bench/ui.mjs) opens the chat, asks for a very long streamed reply (the emulator's
 * reply-tokens fault) and types in the composer while it streams.
 */
import '../../../src/define/coze-playground.js';
import '../../../src/define/coze-chat-sdk-demo.js';
import type { CozePlayground } from '../../../src/elements/coze-playground/coze-playground.js';
import { EMULATOR_PRESETS, EMULATOR_TOKEN } from '../../../src/emulator/presets.js';
import { probe, publish } from './probe-types.js';

let fault = '';

const pg = document.createElement('coze-playground') as CozePlayground;
pg.lang = 'en';
pg.baseUrl = '/coze-api';
pg.token = EMULATOR_TOKEN;
pg.presets = { ...EMULATOR_PRESETS };
pg.fetch = (input, init) => {
  if (!fault) return fetch(input, init);
  const headers = new Headers(init?.headers);
  headers.set('x-coze-emulator-fault', fault);
  return fetch(input, { ...init, headers });
};
const demo = document.createElement('coze-chat-sdk-demo');
demo.setAttribute('bot-id', EMULATOR_PRESETS.bot_id);
pg.append(demo);
document.body.append(pg);

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => demo.shadowRoot?.querySelector<T>(selector) ?? null;
const replies = () => [...(demo.shadowRoot?.querySelectorAll<HTMLElement>('.msg.bot') ?? [])];
const log = () => $('[part="messages"]');

/** The reply is complete: not busy, no Stop button, its text on screen. */
const complete = (count: number) => {
  const last = replies().at(-1);
  return replies().length === count && last?.getAttribute('aria-busy') === 'false' && !$('[part~="stop"]') && (last.querySelector('.md')?.textContent?.length ?? 0) > 0;
};

interface ScrollCheck {
  /** A scroll to the top during streaming stayed there (the list did not jump back to the end). */
  held: boolean;
  /** After a scroll back to the end, the list followed the reply to its last line. */
  followed: boolean;
  /** The scroll to the top was watched for 10 frames while the reply was still streaming. */
  whileStreaming: boolean;
}

publish({
  /** Runs the demo and opens the chat window from its bubble. */
  open: async () => {
    await probe().until(() => $('[part~="run"]'));
    $('[part~="run"]')!.click();
    await probe().until(() => $('[part~="bubble"]'));
    $('[part~="bubble"]')!.click();
    await probe().until(() => $('textarea.input'));
    return 'coze-chat-sdk-demo textarea.input';
  },
  streaming: false,
  /**
   * Sends a question whose answer is `tokens` tokens long, one event each; while it streams, scrolls the
   * message list to the top and checks that it stays there, then back to the end and checks that
   * it follows the stream again. Resolves with the timings when the reply is complete.
   */
  stream: async function (this: { streaming: boolean }, tokens: number) {
    const count = replies().length + 1;
    const input = $<HTMLTextAreaElement>('textarea.input')!;
    input.value = 'Tell me a very long story';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await probe().until(() => $('[part~="send"]:not([disabled])'));
    fault = `reply-tokens=${tokens}`;
    const stopFrames = probe().frames();
    const stopDelays = probe().inputDelays();
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    this.streaming = true;
    // Once the reply overflows the list, a scroll to the top must stay there for the next 10 frames...
    await probe().until(() => (log()?.scrollHeight ?? 0) > 3 * (log()?.clientHeight ?? 1) || complete(count));
    const list = log()!;
    const scroll: ScrollCheck = { held: false, followed: false, whileStreaming: !complete(count) };
    if (scroll.whileStreaming) {
      list.scrollTop = 0;
      let frames = 0;
      let held = true;
      await probe().until(() => {
        if (list.scrollTop >= list.clientHeight) held = false;
        return ++frames >= 10;
      });
      scroll.held = held;
      scroll.whileStreaming = !complete(count);
      // ...and after a scroll back to the end, the list must follow the reply to its last line.
      list.scrollTop = list.scrollHeight;
    }
    const t1 = await probe().until(() => complete(count));
    await probe().until(() => true);
    scroll.followed = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
    this.streaming = false;
    fault = '';
    const frames = stopFrames();
    const delays = stopDelays();
    return {
      ms: t1 - t0,
      ...probe().tasks(t0, t1),
      ...frames,
      inputDelayMax: delays.length ? Math.max(...delays) : 0,
      keys: delays.length,
      eventMax: probe().events.filter((e) => e.start >= t0 && e.start <= t1).reduce((m, e) => Math.max(m, e.duration), 0),
      scroll,
      chars: replies().at(-1)?.querySelector('.md')?.textContent?.length ?? 0,
    };
  },
});

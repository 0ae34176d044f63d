/**
 * Story fixture: a guide's live snippet (its ```html live block) mounted as written, on the in-browser
 * emulator. The snippet's markup and `<style>` go into a shadow root of their own, so its page styles
 * stay in the story; its `<script>` is left out — the story does what the script would (register the
 * elements, which Storybook's preview already did, and hand over a token), pointing every provider and
 * every stand-alone chat demo at the emulator instead of Coze.
 */
import { createEmulator } from '../../src/emulator/index.js';
import { EMULATOR_PRESETS, EMULATOR_TOKEN } from '../../src/emulator/presets.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';
import type { CozeChatSdkDemo } from '../../src/elements/coze-chat-sdk-demo/coze-chat-sdk-demo.js';
import { assertGuide, liveSnippet } from './guide-check.js';

const emulator = createEmulator({ streamDelayMs: 20 });

export function guideExample(markdown: string, options: { height?: string } = {}): HTMLElement {
  assertGuide(markdown);
  const host = document.createElement('div');
  // A containing block for the snippet's fixed-position parts (the chat bubble with placement="page"),
  // so that they float in the story's frame rather than over the docs page around it.
  host.style.cssText = `position:relative;transform:translateZ(0);min-height:${options.height ?? '0'}`;
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = liveSnippet(markdown);
  for (const pg of root.querySelectorAll<CozePlayground>('coze-playground')) {
    pg.baseUrl = 'https://emulator.invalid';
    pg.fetch = emulator.fetch;
    pg.presets = { ...EMULATOR_PRESETS, ...pg.presets };
    pg.token = EMULATOR_TOKEN;
  }
  for (const demo of root.querySelectorAll<CozeChatSdkDemo>('coze-chat-sdk-demo')) {
    if (demo.closest('coze-playground')) continue;
    demo.baseUrl = 'https://emulator.invalid';
    demo.fetch = emulator.fetch;
    demo.token = EMULATOR_TOKEN;
  }
  return host;
}

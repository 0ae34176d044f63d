import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/coze-playground.js';
import '../src/define/coze-chat-sdk-demo.js';
import type { CozeChatSdkDemo } from '../src/elements/coze-chat-sdk-demo/coze-chat-sdk-demo.js';
import { createEmulator } from '../src/emulator/index.js';
import { EMULATOR_TOKEN } from '../src/emulator/presets.js';
import { SEEDED } from '../src/emulator/seed.js';

// Storybook has no emulator server: the in-browser emulator answers through the provider's fetch.
const emulator = createEmulator({ streamDelayMs: 20 });

interface Args {
  lang: 'zh-CN' | 'en';
  theme: 'light' | 'dark';
  botId: string;
  token?: string;
  layout?: 'pc' | 'mobile';
  running?: boolean;
  open?: boolean;
  showEvents?: boolean;
  previewOnly?: boolean;
  message?: string;
  /** Replace the embed code with this change of it (as a visitor typing in the editor). */
  editCode?: (code: string) => string;
}

const meta: Meta<Args> = {
  title: 'Elements/coze-chat-sdk-demo',
  component: 'coze-chat-sdk-demo',
  tags: ['autodocs'],
  args: { lang: 'zh-CN', theme: 'light', botId: SEEDED.assistantBotId },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: { layout: 'padded' },
  render: (args) =>
    html`<coze-playground lang=${args.lang} theme=${args.theme} base-url="https://emulator.invalid" .fetch=${emulator.fetch} .token=${EMULATOR_TOKEN}>
      <coze-chat-sdk-demo bot-id=${args.botId} .token=${args.token ?? ''} ?running=${args.running ?? false} ?open=${args.open ?? false} ?show-events=${args.showEvents ?? false} ?preview-only=${args.previewOnly ?? false}></coze-chat-sdk-demo>
    </coze-playground>`,
  // Stories that show a conversation type their question once the element is ready.
  play: async ({ canvasElement, args }) => {
    const el = canvasElement.querySelector<CozeChatSdkDemo>('coze-chat-sdk-demo');
    if (!el) return;
    await el.updateComplete;
    if (args.layout === 'mobile') {
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#field-layout')!;
      select.value = 'mobile';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      el.run();
      el.showChatBot();
    }
    if (args.editCode) {
      const editor = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea.code')!;
      editor.value = args.editCode(editor.value);
      editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    }
    if (args.message) el.sendMessage(args.message);
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The configurator and the embed code, before Run: edit either one and the other follows. */
export const Configurator: Story = {};

/** Run pressed: the floating bubble waits at the bottom right of the preview. */
export const Running: Story = { args: { running: true } };

/** The PC window open, with a streamed markdown answer and follow-up suggestions. */
export const OpenPc: Story = { args: { running: true, open: true, message: '怎么在网页里嵌入 Chat SDK？' } };

/** The mobile layout: the window fills a 375 px column. */
export const OpenMobile: Story = { args: { running: true, layout: 'mobile', message: '北京有什么好玩的？' } };

/** Dark theme, window open. */
export const Dark: Story = { args: { theme: 'dark', running: true, open: true, message: '用三点介绍一下扣子' } };

/** English, window open, with the event timeline beside the chat. */
export const EnglishWithEvents: Story = { args: { lang: 'en', running: true, open: true, showEvents: true, message: 'How do I embed the Chat SDK?' } };

/** An expired token: the chat says so in plain words and offers a retry. */
export const TokenError: Story = { args: { lang: 'en', running: true, open: true, token: 'pat_expired_story', message: 'Hello?' } };

/** A client-side tool call: the bot asks the page to run get_weather; the visitor answers in the card. */
export const ToolCall: Story = { args: { lang: 'en', botId: SEEDED.toolBotId, running: true, open: true, message: 'What is the weather in Beijing?' } };

/** A thinking bot: its reasoning streams first and then folds away under “Thought process”. */
export const Reasoning: Story = { args: { lang: 'en', botId: SEEDED.reasoningBotId, running: true, open: true, message: 'Why is the sky blue?' } };

/** Code the visitor typed that does not read: the error says where (line and column), the form keeps the last good values. */
export const CodeError: Story = {
  args: { lang: 'en', editCode: (code) => code.replace(/(bot_id: '\d+'),/, '$1\n      name: "a comma is missing above",') },
};

/** `preview-only`: no form and no code, the bubble started at once — for pages that just want the chat. */
export const PreviewOnly: Story = { args: { lang: 'en', previewOnly: true, running: true, open: true, message: 'What can you do?' } };

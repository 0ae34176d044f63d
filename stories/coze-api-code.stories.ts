import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { EndpointEntry } from '../src/core/catalog/schema.js';
import type { LanguageId } from '../src/core/code/languages.js';
import type { DraftValues } from '../src/core/request/build.js';
import '../src/define/coze-playground.js';
import '../src/define/coze-api-code.js';
import type { CozeApiCode } from '../src/elements/coze-api-code/coze-api-code.js';
import type { CozePlayground } from '../src/elements/coze-playground/coze-playground.js';
import { createEmulator } from '../src/emulator/index.js';
import { SEEDED } from '../src/emulator/seed.js';

interface Args {
  lang: 'zh-CN' | 'en';
  theme: 'light' | 'dark';
}

/** Storybook has no emulator server: the provider talks to an in-browser emulator instead. */
const emulator = createEmulator({ streamDelayMs: 20 });
/** For the running state: a stream slow enough to see Running… and Stop. */
const slowEmulator = createEmulator({ streamDelayMs: 400 });

interface Options {
  language?: LanguageId;
  fetch?: typeof fetch;
  /** The token the provider holds (default: a demo token). */
  token?: string;
  /** Change the form's first values. */
  values?: (values: DraftValues) => void;
  /** Runs after the element is in the page. */
  after?: (pg: CozePlayground, code: CozeApiCode) => void | Promise<void>;
}

/** A provider around one code panel, on the in-browser emulator, with the form's values set up. */
function story(args: Args, api: string | undefined, options: Options = {}): HTMLElement {
  const pg = document.createElement('coze-playground');
  pg.lang = args.lang;
  pg.theme = args.theme;
  pg.baseUrl = 'https://emulator.invalid';
  pg.fetch = options.fetch ?? emulator.fetch;
  pg.token = options.token ?? 'pat_emulator';
  pg.style.cssText = `display:block;max-width:860px;padding:12px;background:${args.theme === 'dark' ? '#17181c' : '#ffffff'}`;
  const code = document.createElement('coze-api-code');
  if (api) code.api = api;
  if (options.language) code.language = options.language;
  void pg.updateComplete.then(async () => {
    await pg.catalogComplete;
    const entry = api ? (pg.loadedCatalog?.entries.find((e) => e.id === api) as EndpointEntry | undefined) : undefined;
    if (entry?.kind === 'endpoint') {
      // Each story starts from the catalogue's first values, whatever an earlier story left in storage.
      pg.session.resetValues(entry.id);
      if (options.values) {
        const values = structuredClone(pg.session.values(entry));
        options.values(values);
        pg.session.setValues(entry.id, values);
      }
    }
    pg.append(code);
    await code.updateComplete;
    await options.after?.(pg, code);
  });
  return pg;
}

const chatValues = (values: DraftValues) => {
  values.body['bot_id'] = SEEDED.assistantBotId;
  values.body['user_id'] = 'docs-reader';
  values.body['stream'] = true;
  values.body['additional_messages'] = [{ role: 'user', content: '用一句话介绍一下西湖', content_type: 'text' }];
};

const meta: Meta<Args> = {
  title: 'Elements/coze-api-code',
  component: 'coze-api-code',
  tags: ['autodocs'],
  args: { lang: 'zh-CN', theme: 'light' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) => story(args, 'chat.create', { language: 'python', values: chatValues }),
};
export default meta;

type Story = StoryObj<Args>;

/** 发起对话 in Python: the cozepy SDK, with streaming, non-streaming and client-side plugin scenarios. */
export const ChatCreateSdk: Story = {};

/** The same chat in Go, the plugin scenario picked (requires_action → submit_tool_outputs). */
export const ChatCreatePluginGo: Story = {
  render: (args) =>
    story(args, 'chat.create', {
      language: 'go',
      values: (v) => {
        chatValues(v);
        v.body['bot_id'] = SEEDED.toolBotId;
        v.body['additional_messages'] = [{ role: 'user', content: '杭州今天天气怎么样？', content_type: 'text' }];
      },
      after: async (_pg, code) => {
        const plugin = [...code.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="scenarios"] input')].at(-1);
        plugin?.click();
        await code.updateComplete;
      },
    }),
};

/** A GET API (an agent's configuration) in curl, in English on the dark theme. */
export const GetApiEnglishDark: Story = {
  args: { lang: 'en', theme: 'dark' },
  render: (args) => story(args, 'bots.retrieve', { values: (v) => (v.path['bot_id'] = SEEDED.assistantBotId) }),
};

/** A workflow run streamed with the JavaScript SDK (@coze/api), Interrupt handled by resuming. */
export const WorkflowStreamJavaScript: Story = {
  render: (args) => story(args, 'workflows.runs.stream', { language: 'javascript' }),
};

/** A multipart upload: the file field as `-F file=@…` (a placeholder until a file is chosen). */
export const MultipartUpload: Story = {
  render: (args) =>
    story(args, 'files.upload', {
      values: (v) => (v.body['file'] = new File(['hello'], 'west-lake.png', { type: 'image/png' })),
    }),
};

/** The token stays a placeholder (`{{COZE_API_TOKEN}}`, or an environment variable in SDK code). */
export const TokenHidden: Story = {
  args: { lang: 'en', theme: 'light' },
  render: (args) => story(args, 'chat.create', { values: chatValues, token: 'pat_DemoOnly_NotARealToken' }),
};

/** The user chose to show the token: it is written into the code, with a warning under it. */
export const TokenRevealed: Story = {
  args: { lang: 'en', theme: 'light' },
  render: (args) =>
    story(args, 'chat.create', {
      values: chatValues,
      token: 'pat_DemoOnly_NotARealToken',
      after: (pg) => pg.session.setTokenRevealed(true),
    }),
};

/** A streaming chat is running: Running… and a Stop button that aborts it. */
export const Running: Story = {
  render: (args) =>
    story(args, 'chat.create', {
      values: chatValues,
      fetch: slowEmulator.fetch,
      after: (_pg, code) => code.run(),
    }),
};

/** The raw JSON body does not parse: the SDK sample says why instead of guessing. */
export const InvalidBody: Story = {
  args: { lang: 'en', theme: 'light' },
  render: (args) => story(args, 'chat.create', { language: 'java', values: (v) => (v.bodyText = '{"bot_id": "7431847190245277732",') }),
};

/** A WebSocket API cannot be run here: the reason, and the address to connect to. */
export const WebSocketApi: Story = { render: (args) => story(args, 'websockets.chat') };

/** A callback: no Run, the payload Coze pushes to your server. */
export const Callback: Story = { render: (args) => story(args, 'callbacks.botPublished') };

/** No API chosen yet. */
export const Empty: Story = { render: (args) => story(args, undefined) };

/** The catalogue is still loading (its URL never answers). */
export const Loading: Story = {
  render: (args) => {
    const pg = document.createElement('coze-playground');
    pg.lang = args.lang;
    pg.theme = args.theme;
    pg.fetch = () => new Promise<Response>(() => undefined);
    pg.catalog = 'https://emulator.invalid/catalog.json';
    const code = document.createElement('coze-api-code');
    code.api = 'chat.create';
    pg.append(code);
    return pg;
  },
};

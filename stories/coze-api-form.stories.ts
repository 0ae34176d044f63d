import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { EndpointEntry } from '../src/core/catalog/schema.js';
import '../src/define/coze-playground.js';
import '../src/define/coze-api-form.js';
import type { CozeApiForm } from '../src/elements/coze-api-form/coze-api-form.js';
import type { CozePlayground } from '../src/elements/coze-playground/coze-playground.js';
import { createEmulator } from '../src/emulator/index.js';

interface Args {
  lang: 'zh-CN' | 'en';
  theme: 'light' | 'dark';
}

/** Storybook has no emulator server: the provider talks to an in-browser emulator instead. */
const emulator = createEmulator({ streamDelayMs: 20 });

/**
 * A playground around one form, on the in-browser emulator. `setup` runs once the catalogue is in
 * (to put the form in a state: values, problems, runs).
 */
function story(args: Args, api: string | undefined, setup?: (pg: CozePlayground, entry: EndpointEntry | undefined) => void | Promise<void>): HTMLElement {
  const pg = document.createElement('coze-playground');
  pg.lang = args.lang;
  pg.theme = args.theme;
  pg.baseUrl = 'https://emulator.invalid';
  pg.fetch = emulator.fetch;
  pg.token = 'pat_emulator';
  pg.style.cssText = 'display:block;max-width:760px';
  const form = document.createElement('coze-api-form') as CozeApiForm;
  if (api) form.api = api;
  void pg.updateComplete.then(async () => {
    await pg.catalogComplete;
    const entry = api ? (pg.loadedCatalog?.entries.find((e) => e.id === api) as EndpointEntry | undefined) : undefined;
    // Each story starts from the catalogue's first values, whatever an earlier story left in storage.
    if (entry?.kind === 'endpoint') pg.session.resetValues(entry.id);
    await setup?.(pg, entry);
    pg.append(form);
  });
  return pg;
}

const meta: Meta<Args> = {
  title: 'Elements/coze-api-form',
  component: 'coze-api-form',
  tags: ['autodocs'],
  args: { lang: 'zh-CN', theme: 'light' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) => story(args, 'chat.create'),
};
export default meta;

type Story = StoryObj<Args>;

/** 发起对话: title, method, URL, notes, warnings, the generated form, JSON body, response docs and history. */
export const ChatCreate: Story = {};

/** The same in English on the dark theme. */
export const ChatCreateEnglishDark: Story = { args: { lang: 'en', theme: 'dark' } };

/** A multipart upload: the file input shows the chosen file's name and size. */
export const FilesUpload: Story = { render: (args) => story(args, 'files.upload') };

/** A GET with query parameters (page number, page size, sort order, channel). */
export const GetWithQuery: Story = { render: (args) => story(args, 'conversations.list') };

/** A run was tried with required values missing: messages at the fields and a summary with links. */
export const ValidationErrors: Story = {
  render: (args) =>
    story(args, 'chat.create', (pg, entry) => {
      if (!entry) return;
      const values = pg.session.values(entry);
      pg.session.setValues(entry.id, { ...values, body: { ...values.body, bot_id: '', additional_messages: [{ content: 'hi' }] } });
      pg.session.check(entry);
    }),
};

/** The raw JSON body does not parse: the error with line and column, the text kept, the fields on hold. */
export const RawJsonInvalid: Story = {
  render: (args) =>
    story(args, 'chat.create', (pg, entry) => {
      if (!entry) return;
      // The form opens the JSON editor by itself when it first meets a broken body.
      pg.session.setValues(entry.id, { ...pg.session.values(entry), bodyText: '{\n  "bot_id": "7431847190245277732",\n  "user_id" "u_5f3c9a2e"\n}' });
    }),
};

/** Two runs in the history (a success and a Coze error); click one to reopen its values. */
export const HistoryWithEntries: Story = {
  render: (args) =>
    story(args, 'conversations.list', async (pg, entry) => {
      if (!entry) return;
      pg.session.clearHistory(entry.id);
      await pg.session.send(entry, pg.currentTransport).done;
      const values = pg.session.values(entry);
      pg.session.setValues(entry.id, { ...values, query: { ...values.query, bot_id: '1' } });
      await pg.session.send(entry, pg.currentTransport).done;
    }),
};

/** A WebSocket API: an explanation, its connection parameters and its events instead of a form. */
export const WebSocketEntry: Story = { render: (args) => story(args, 'websockets.chat') };

/** A callback event: its payload fields and a sample payload. */
export const CallbackEntry: Story = { render: (args) => story(args, 'callbacks.botPublished') };

/** No API chosen yet (no `api` attribute and nothing selected). */
export const Empty: Story = { render: (args) => story(args, undefined) };

/** The catalogue is still loading. */
export const Loading: Story = {
  render: (args) => {
    const pg = document.createElement('coze-playground');
    pg.lang = args.lang;
    pg.theme = args.theme;
    pg.fetch = () => new Promise<Response>(() => {});
    pg.catalog = 'https://catalog.example.invalid/coze.json';
    pg.append(document.createElement('coze-api-form'));
    return pg;
  },
};

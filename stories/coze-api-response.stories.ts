import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { EndpointEntry } from '../src/core/catalog/schema.js';
import type { DraftValues } from '../src/core/request/build.js';
import '../src/define/coze-playground.js';
import '../src/define/coze-api-response.js';
import type { CozeApiResponse } from '../src/elements/coze-api-response/coze-api-response.js';
import type { CozePlayground } from '../src/elements/coze-playground/coze-playground.js';
import { createEmulator } from '../src/emulator/index.js';
import { SEEDED } from '../src/emulator/seed.js';

interface Args {
  lang: 'zh-CN' | 'en';
  theme: 'light' | 'dark';
}

/** Storybook has no emulator server: the provider talks to an in-browser emulator instead. */
const emulator = createEmulator({ streamDelayMs: 20 });

/** The emulator, asked to misbehave in one way (`x-coze-emulator-fault`). */
function withFault(fault: string): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    request.headers.set('x-coze-emulator-fault', fault);
    return emulator.fetch(request);
  };
}

interface Scenario {
  api?: string;
  /** Changes to the API's first values before the run (what a user would type in the form). */
  values?: (v: DraftValues) => void;
  /** The `fetch` the provider uses (default: the emulator). */
  fetch?: typeof fetch;
  token?: string;
  /** Send the API once the catalogue is in (default true when `api` is set). */
  run?: boolean;
  /** After the run has finished. */
  then?: (pg: CozePlayground, entry: EndpointEntry) => void | Promise<void>;
}

/** A provider on the in-browser emulator around one response panel, and (optionally) a run to show. */
function story(args: Args, scenario: Scenario = {}): HTMLElement {
  const pg = document.createElement('coze-playground');
  pg.lang = args.lang;
  pg.theme = args.theme;
  pg.baseUrl = 'https://emulator.invalid';
  pg.fetch = scenario.fetch ?? emulator.fetch;
  if (scenario.token !== '') pg.token = scenario.token ?? 'pat_emulator';
  pg.style.cssText = 'display:block;max-width:900px';
  const panel = document.createElement('coze-api-response') as CozeApiResponse;
  if (scenario.api) panel.api = scenario.api;
  pg.append(panel);
  void pg.updateComplete.then(async () => {
    await pg.catalogComplete;
    const api = scenario.api;
    const entry = api ? (pg.loadedCatalog?.entries.find((e) => e.id === api) as EndpointEntry | undefined) : undefined;
    if (!entry || scenario.run === false) return;
    // Each story starts from the catalogue's first values, whatever an earlier story left in storage.
    pg.session.resetValues(entry.id);
    const values = structuredClone(pg.session.values(entry));
    scenario.values?.(values);
    pg.session.setValues(entry.id, values);
    const handle = pg.session.send(entry, pg.currentTransport);
    await handle.done;
    await scenario.then?.(pg, entry);
  });
  return pg;
}

const chat = (botId: string, question: string) => (v: DraftValues) => {
  v.body['bot_id'] = botId;
  v.body['stream'] = true;
  v.body['additional_messages'] = [{ role: 'user', content: question, content_type: 'text' }];
};

/** A generated JSON body of about 5 MB: nested objects, long strings, a big integer, 4,000 items. */
function hugeJson(): typeof fetch {
  return async () => {
    const items = Array.from({ length: 4000 }, (_, i) => ({
      id: `74${String(i).padStart(17, '0')}`,
      index: i,
      title: `Item ${i}`,
      enabled: i % 3 !== 0,
      score: Math.round(Math.sin(i) * 10_000) / 100,
      owner: { user_id: `u_${(i * 7919) % 100_000}`, tags: ['alpha', 'beta', 'gamma'].slice(0, (i % 3) + 1) },
      note: null,
      content: `Paragraph ${i}: ${'lorem ipsum dolor sit amet '.repeat(44)}`,
    }));
    const body = `{"code":0,"msg":"","data":{"total":4000,"big_id":7440000000000000001,"items":${JSON.stringify(items)}},"detail":{"logid":"20250101120000000000000000000001"}}`;
    return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8', 'x-tt-logid': '20250101120000000000000000000001' } });
  };
}

const meta: Meta<Args> = {
  title: 'Elements/coze-api-response',
  component: 'coze-api-response',
  tags: ['autodocs'],
  args: { lang: 'zh-CN', theme: 'light' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) => story(args, { api: 'audio.voices.list' }),
};
export default meta;

type Story = StoryObj<Args>;

/** No run yet: the panel says how to run the API (Run, or Ctrl+Enter). */
export const Empty: Story = { render: (args) => story(args, { api: 'chat.create', run: false }) };

/** The request is out and nothing has come back: a spinner and the elapsed time. */
export const Pending: Story = { render: (args) => story(args, { api: 'audio.voices.list', fetch: withFault('latency=60000') }) };

/** A JSON answer: status, timing, size, log id, the request (copy as curl), headers, and the body as a tree. */
export const JsonSuccess: Story = {};

/** The same in English on the dark theme. */
export const JsonSuccessEnglishDark: Story = { args: { lang: 'en', theme: 'dark' } };

/** No token: Coze answers 4100, explained with the code, the service message, the log id and Retry. */
export const CozeError: Story = { args: { lang: 'en' }, render: (args) => story(args, { api: 'audio.voices.list', token: '' }) };

/** The connection dropped before any byte: a network error, with Retry. */
export const NetworkError: Story = { args: { lang: 'en' }, render: (args) => story(args, { api: 'audio.voices.list', fetch: withFault('reset') }) };

/** A gateway's HTML error page, shown as text and never rendered. */
export const HtmlErrorPage: Story = { render: (args) => story(args, { api: 'audio.voices.list', fetch: withFault('html') }) };

/** A chat streaming in: the answer grows, the event timeline follows, Stop cancels. */
export const StreamingChat: Story = {
  args: { lang: 'en' },
  render: (args) => story(args, { api: 'chat.create', fetch: withFault('slow=120'), values: chat(SEEDED.assistantBotId, 'Tell me about the West Lake') }),
};

/** A thinking bot: the reasoning in its own box, apart from the answer; usage and time to first token. */
export const ReasoningChat: Story = { render: (args) => story(args, { api: 'chat.create', values: chat(SEEDED.reasoningBotId, '西湖有什么好玩的？') }) };

/** The chat stops for a client-side tool: a form for its output continues the chat below. */
export const RequiresAction: Story = {
  args: { lang: 'en' },
  render: (args) => story(args, { api: 'chat.create', values: chat(SEEDED.toolBotId, 'What is the weather in Hangzhou?') }),
};

/** A workflow stream: the output of each node, then Done with the debug link. */
export const WorkflowStream: Story = {
  render: (args) =>
    story(args, {
      api: 'workflows.runs.stream',
      values: (v) => {
        v.body = { workflow_id: '7431847402117562371', parameters: { input: '你好，工作流' } };
      },
    }),
};

/** Speech synthesis: an audio player and a download with a sensible file name. */
export const Audio: Story = {
  render: (args) =>
    story(args, {
      api: 'audio.speech.create',
      values: (v) => {
        v.body['response_format'] = 'wav';
      },
    }),
};

/** A generated 5 MB JSON body: the tree opens lazily, big arrays show a page at a time, Download saves it all. */
export const HugeJson: Story = { args: { lang: 'en' }, render: (args) => story(args, { api: 'workspaces.list', fetch: hugeJson() }) };

/** A past run reopened from the history (the badge says when it ran). */
export const HistoryEntry: Story = {
  args: { lang: 'en' },
  render: (args) =>
    story(args, {
      api: 'chat.create',
      values: chat(SEEDED.assistantBotId, 'Remember this one'),
      then: (pg, entry) => {
        const past = pg.session.history(entry.id)[0];
        if (past) pg.session.reopen(past);
      },
    }),
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { EndpointEntry } from '../src/core/catalog/schema.js';
import type { DraftValues } from '../src/core/request/build.js';
import '../src/define/coze-playground.js';
import '../src/define/coze-api-playground.js';
import type { CozeApiPlayground } from '../src/elements/coze-api-playground/coze-api-playground.js';
import { createEmulator } from '../src/emulator/index.js';
import { EMULATOR_PRESETS, EMULATOR_TOKEN } from '../src/emulator/presets.js';
import { SEEDED } from '../src/emulator/seed.js';

interface Args {
  lang: 'zh-CN' | 'en';
  theme: 'light' | 'dark';
}

/** Storybook has no emulator server: the provider talks to an in-browser emulator instead. */
const emulator = createEmulator({ streamDelayMs: 20 });

interface Scenario {
  /** Keep the API list open beside the form. */
  pinned?: boolean;
  /** Send the selected API once, with these changes to its first values, so that a response shows. */
  run?: (values: DraftValues) => void;
  /** The catalogue never arrives. */
  loading?: boolean;
}

/**
 * The full page inside a provider on the in-browser emulator. Every story opens on `#chat.create`
 * (the page's tree follows the URL hash), so that stories shown together on the docs page agree.
 */
function story(args: Args, scenario: Scenario = {}): HTMLElement {
  history.replaceState(history.state, '', '#chat.create');
  const pg = document.createElement('coze-playground');
  pg.lang = args.lang;
  pg.theme = args.theme;
  if (scenario.loading) {
    pg.fetch = () => new Promise<Response>(() => undefined);
    pg.catalog = 'https://catalog.example.invalid/coze.json';
  } else {
    pg.baseUrl = 'https://emulator.invalid';
    pg.fetch = emulator.fetch;
    pg.presets = { ...EMULATOR_PRESETS };
    pg.token = EMULATOR_TOKEN;
  }
  const page = document.createElement('coze-api-playground') as CozeApiPlayground;
  page.style.setProperty('--coze-playground-height', '760px');
  pg.append(page);
  void pg.updateComplete.then(async () => {
    // The pin is remembered in the browser; each story sets the state it shows.
    page.pinned = scenario.pinned ?? false;
    page.treeOpen = page.pinned;
    if (scenario.loading) return;
    await pg.catalogComplete;
    const entry = pg.loadedCatalog?.entries.find((e) => e.id === 'chat.create') as EndpointEntry | undefined;
    if (!entry) return;
    pg.session.select(entry.id);
    // Each story starts from the catalogue's first values, whatever an earlier story left in storage.
    pg.session.resetValues(entry.id);
    if (!scenario.run) return;
    const values = structuredClone(pg.session.values(entry));
    scenario.run(values);
    pg.session.setValues(entry.id, values);
    await pg.session.send(entry, pg.currentTransport).done;
  });
  return pg;
}

const meta: Meta<Args> = {
  title: 'Elements/coze-api-playground',
  component: 'coze-api-playground',
  tags: ['autodocs'],
  args: { lang: 'zh-CN', theme: 'light' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: { layout: 'fullscreen' },
  render: (args) => story(args),
};
export default meta;

type Story = StoryObj<Args>;

/**
 * The Coze page: the API list hidden at the left edge (point at it, or press “API list”), 发起对话 in
 * the middle with its form, the sample code with Run on the right, the response below it after a run.
 */
export const Default: Story = {};

/** The dark theme, in Chinese. */
export const DarkChinese: Story = { args: { lang: 'zh-CN', theme: 'dark' } };

/** The API list pinned open beside the form (the pin is remembered in this browser). */
export const PinnedTree: Story = { args: { lang: 'en' }, render: (args) => story(args, { pinned: true }) };

/** After a run: a streamed chat answer, its event timeline and the request as sent, under the code. */
export const AfterRun: Story = {
  args: { lang: 'en' },
  render: (args) =>
    story(args, {
      pinned: true,
      run: (v) => {
        v.body['bot_id'] = SEEDED.assistantBotId;
        v.body['stream'] = true;
        v.body['additional_messages'] = [{ role: 'user', content: 'What is the West Lake famous for?', content_type: 'text' }];
      },
    }),
};

/** While the catalogue loads (here: a catalogue URL that never answers). */
export const Loading: Story = { render: (args) => story(args, { loading: true }) };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/coze-playground.js';
import '../src/define/coze-api-tree.js';
import '../src/define/coze-api-form.js';
import '../src/define/coze-api-code.js';
import '../src/define/coze-api-response.js';
import type { EndpointEntry } from '../src/core/catalog/schema.js';
import type { CatalogChangeEvent, CozePlayground } from '../src/elements/coze-playground/coze-playground.js';
import { createEmulator } from '../src/emulator/index.js';
import { EMULATOR_PRESETS, EMULATOR_TOKEN } from '../src/emulator/presets.js';
import cozeTheme from '../themes/coze.css?inline';
import neutralTheme from '../themes/neutral.css?inline';
import { publicStylingProblems } from './support/guide-check.js';
import { styleScope } from './support/style-scope.js';

interface Args {
  lang: 'zh-CN' | 'en';
  theme: 'light' | 'dark' | 'auto';
}

/** Storybook has no emulator server: the provider talks to an in-browser emulator instead. */
const emulator = createEmulator({ streamDelayMs: 20 });

const API = 'bots.retrieve';

/** The page's own layout around the elements (not a restyling of them): the same in every story. */
const layout = `
  .sampler { display: grid; grid-template-columns: 280px minmax(0, 1fr); min-height: 640px; }
  .sampler > coze-api-tree { height: 640px; border-right: 1px solid #8884; }
  .sampler > div { min-width: 0; }
`;

/** Once the catalogue is in: select one API and run it, so the tree, form, code and response all have something to show. */
async function selectAndRun(event: CatalogChangeEvent): Promise<void> {
  const pg = event.currentTarget as CozePlayground;
  const entry = pg.loadedCatalog?.entries.find((e) => e.id === API) as EndpointEntry | undefined;
  if (!entry) return;
  pg.session.select(API);
  pg.session.resetValues(API);
  await pg.session.send(entry, pg.currentTransport).done;
}

/** A tree, a form, a code panel and a response under one provider, on the emulator. */
const sampler = (args: Args) =>
  html`<coze-playground
    lang=${args.lang}
    theme=${args.theme}
    base-url="https://emulator.invalid"
    .fetch=${emulator.fetch}
    .token=${EMULATOR_TOKEN}
    .presets=${{ ...EMULATOR_PRESETS }}
    @coze-catalog-change=${selectAndRun}
  >
    <div class="sampler">
      <coze-api-tree></coze-api-tree>
      <div>
        <coze-api-form></coze-api-form>
        <coze-api-code></coze-api-code>
        <coze-api-response></coze-api-response>
      </div>
    </div>
  </coze-playground>`;

/**
 * A host's restyling that uses nothing but the public custom properties and `::part(...)` selectors:
 * no class names, no shadow-DOM piercing, no `!important`.
 */
const hostRestyle = `
coze-playground {
  --coze-color-bg: #fbfaf6;
  --coze-color-surface: #f1eee6;
  --coze-color-text: #1e1c17;
  --coze-color-text-muted: #57524a;
  --coze-color-border: #d8d2c4;
  --coze-color-accent: #0b6646;
  --coze-color-accent-text: #ffffff;
  --coze-color-success: #155c2e;
  --coze-focus-ring: 0 0 0 3px #0b664680;
  --coze-font-sans: 'Noto Serif CJK SC', Georgia, serif;
  --coze-code-bg: #f1eee6;
  --coze-code-text: #1e1c17;
  --coze-api-tree-indent: 22px;
  --coze-code-max-height: 260px;
  --coze-response-body-height: 280px;
  --coze-response-json-key: #6b3a00;
  --coze-response-json-string: #155c2e;
}
coze-api-tree::part(search) { border-radius: 999px; }
coze-api-tree::part(item) { border-radius: 999px; }
coze-api-tree::part(item-selected) { outline: 2px solid #0b6646; outline-offset: -2px; }
coze-api-form::part(header) { border-bottom: 3px double #0b6646; }
coze-api-form::part(section) { border-radius: 12px; }
coze-api-code::part(tab-selected) { text-decoration: underline 2px; text-underline-offset: 4px; }
coze-api-code::part(run) { border-radius: 999px; padding-inline: 22px; letter-spacing: 0.04em; }
coze-api-response::part(summary) { border-left: 4px solid #0b6646; }
`;

const meta: Meta<Args> = {
  title: 'Theming',
  tags: ['autodocs'],
  args: { lang: 'zh-CN', theme: 'light' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'], description: 'The provider’s `lang`.' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], description: 'The provider’s `theme`.' },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'Every element draws its colours, fonts and sizes from public custom properties (`--coze-color-bg`,',
          '`--coze-color-accent`, `--coze-font-sans`, … and a few of its own such as `--coze-code-max-height`), and names',
          'its inner pieces as CSS parts (`::part(run)`, `::part(search)`, …). Each element’s docs page lists both, with defaults.',
          '',
          '- **Built-in palettes**: `theme="light" | "dark" | "auto"` on `<coze-playground>` (or on an element used on its own);',
          '  `auto` follows the system’s `prefers-color-scheme`.',
          '- **Shipped themes**: `coze-playground-elements/themes/coze.css` (Coze’s own console look) and',
          '  `coze-playground-elements/themes/neutral.css` (greys, for a documentation site whose own brand should lead). They set',
          '  only the public properties, in light and dark, and a page can override any of them after loading the file.',
          '- **A host’s own look**: custom properties and `::part(...)` selectors are the whole public styling surface — the',
          '  “Host restyle” story uses nothing else. Class names and the markup inside the shadow roots are private and may change.',
          '',
          'In these stories each theme file is loaded into a shadow root around the story, so it styles that story only.',
        ].join('\n'),
      },
    },
  },
  render: (args) => styleScope([layout], sampler(args)),
};
export default meta;

type Story = StoryObj<Args>;

/** The built-in light palette (`theme="light"`, the default). */
export const Light: Story = {};

/** The built-in dark palette (`theme="dark"`). */
export const Dark: Story = { args: { theme: 'dark' } };

/** `theme="auto"`: light or dark as the system prefers (switch your OS or the browser's emulation to see it change). */
export const Auto: Story = { args: { theme: 'auto', lang: 'en' } };

const linkSource = (file: string, theme: string) => `<link rel="stylesheet" href="node_modules/coze-playground-elements/themes/${file}">

<coze-playground theme="${theme}">
  <coze-api-tree></coze-api-tree>
  <coze-api-form></coze-api-form>
  <coze-api-code></coze-api-code>
  <coze-api-response></coze-api-response>
</coze-playground>`;

/** `themes/coze.css`: Coze's indigo accent, cool greys and the PingFang / Noto CJK type stack. */
export const CozeTheme: Story = {
  render: (args) => styleScope([layout, cozeTheme], sampler(args)),
  parameters: { docs: { source: { code: linkSource('coze.css', 'light'), language: 'html' } } },
};

/** `themes/coze.css` in dark. */
export const CozeThemeDark: Story = {
  args: { theme: 'dark' },
  render: (args) => styleScope([layout, cozeTheme], sampler(args)),
  parameters: { docs: { source: { code: linkSource('coze.css', 'dark'), language: 'html' } } },
};

/** `themes/neutral.css`: no brand colour, a near-black accent — for docs sites whose own palette leads. */
export const NeutralTheme: Story = {
  args: { lang: 'en' },
  render: (args) => styleScope([layout, neutralTheme], sampler(args)),
  parameters: { docs: { source: { code: linkSource('neutral.css', 'light'), language: 'html' } } },
};

/** `themes/neutral.css` in dark. */
export const NeutralThemeDark: Story = {
  args: { lang: 'en', theme: 'dark' },
  render: (args) => styleScope([layout, neutralTheme], sampler(args)),
  parameters: { docs: { source: { code: linkSource('neutral.css', 'dark'), language: 'html' } } },
};

/**
 * A host restyles the elements with custom properties and `::part(...)` only (the stylesheet is shown
 * under “Show code”): a warm paper palette, a green accent, a serif face, pill-shaped search, rows and
 * Run button, a double rule under the API title and a bar beside the response summary.
 */
export const HostRestyle: Story = {
  args: { lang: 'en' },
  render: (args) => {
    // The point of the story: if the sheet ever reaches past the public surface, the story fails.
    const problems = publicStylingProblems(hostRestyle);
    if (problems.length) throw new Error(`The host's sheet goes beyond custom properties and parts:\n- ${problems.join('\n- ')}`);
    return styleScope([layout, hostRestyle], sampler(args));
  },
  parameters: { docs: { source: { code: `<style>${hostRestyle}</style>`, language: 'html' } } },
};

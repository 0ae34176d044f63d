import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/coze-playground.js';
import './support/catalog-summary.js';

const petstore = {
  openapi: '3.1.0',
  info: { title: 'Tiny pet store' },
  tags: [{ name: 'pets' }],
  paths: {
    '/pets': { get: { operationId: 'listPets', summary: 'List pets', tags: ['pets'], parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } }] } },
    '/pets/{petId}': { get: { operationId: 'getPet', summary: 'Get a pet', tags: ['pets'], parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }] } },
  },
};

const meta: Meta = {
  title: 'Elements/coze-playground',
  component: 'coze-playground',
  tags: ['autodocs'],
  args: { lang: 'zh-CN', theme: 'light' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: ({ lang, theme }) => html`<coze-playground lang=${lang} theme=${theme}><story-catalog-summary></story-catalog-summary></coze-playground>`,
};
export default meta;

type Story = StoryObj;

/** The built-in catalogue of every Coze OpenAPI page, shared through context. */
export const BuiltInCatalogue: Story = {};

/** The same, in English on the dark theme. */
export const DarkEnglish: Story = { args: { lang: 'en', theme: 'dark' } };

/** A catalogue imported from an OpenAPI 3.1 document at a URL (here a data: URL). */
export const FromOpenApiUrl: Story = {
  render: ({ lang, theme }) =>
    html`<coze-playground lang=${lang} theme=${theme} catalog=${`data:application/json,${encodeURIComponent(JSON.stringify(petstore))}`}>
      <story-catalog-summary></story-catalog-summary>
    </coze-playground>`,
};

/** A catalogue with bad fields: each problem is listed with the path of the bad value. */
export const InvalidCatalogue: Story = {
  render: ({ lang, theme }) =>
    html`<coze-playground
      lang=${lang}
      theme=${theme}
      .catalog=${{ version: 1, groups: [], entries: [{ kind: 'endpoint', id: 'x.y', slug: 'x', title: { zh: '某接口', en: 'Some API' }, summary: { zh: '说明', en: 'About' }, method: 'FETCH', host: 'api', path: 'v1/x', notes: [], requestBody: 'none', params: [{ name: 'a', in: 'body', type: 'strnig' }], response: { kind: 'json', envelope: 'standard', fields: [] }, stream: 'none', mutates: false, billable: false }] }}
    ></coze-playground>`,
};

/** The same problems, in English on the dark theme. */
export const InvalidCatalogueDarkEnglish: Story = { ...InvalidCatalogue, args: { lang: 'en', theme: 'dark' } };

/** The catalogue URL cannot be reached (offline, CORS): the message says so and offers a retry. */
export const Unreachable: Story = {
  args: { lang: 'en' },
  render: ({ lang, theme }) =>
    html`<coze-playground
      lang=${lang}
      theme=${theme}
      catalog="https://catalog.example.invalid/coze.json"
      .fetch=${() => Promise.reject(new TypeError('Failed to fetch'))}
    ></coze-playground>`,
};

/** While the catalogue loads (here: a catalogue URL that never answers). */
export const Loading: Story = {
  render: ({ lang, theme }) =>
    html`<coze-playground lang=${lang} theme=${theme} catalog="https://catalog.example.invalid/coze.json" .fetch=${() => new Promise<Response>(() => {})}>
      <story-catalog-summary></story-catalog-summary>
    </coze-playground>`,
};

/** `theme="auto"`: light or dark as the system prefers. */
export const AutoTheme: Story = { args: { lang: 'en', theme: 'auto' } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Catalog, CatalogEntry, HttpMethod } from '../src/core/catalog/schema.js';
import '../src/define/coze-playground.js';
import '../src/define/coze-api-tree.js';

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'WS'];
const NOUNS = ['widget', 'order', 'invoice', 'agent', 'report', 'ticket', 'session', 'dataset', 'voice', 'channel'];
const VERBS = [
  { id: 'list', zh: '查询', en: 'List' },
  { id: 'create', zh: '创建', en: 'Create' },
  { id: 'update', zh: '更新', en: 'Update' },
  { id: 'delete', zh: '删除', en: 'Delete' },
  { id: 'patch', zh: '修改', en: 'Patch' },
  { id: 'stream', zh: '订阅', en: 'Stream' },
];

/**
 * A large synthetic catalogue for the performance story and test: `count` entries in 50 groups (every
 * fifth with two subgroups), a few docs before and after the groups, and a callback now and then.
 */
export function generateCatalog(count = 5000): Catalog {
  const groups: Catalog['groups'] = [];
  for (let g = 0; g < 50; g++) {
    groups.push({
      id: `area${g}`,
      title: { zh: `业务域 ${g + 1}`, en: `Area ${g + 1}` },
      ...(g % 5 === 0 ? { subgroups: [{ id: 'core', title: { zh: '核心', en: 'Core' } }, { id: 'extra', title: { zh: '扩展', en: 'Extras' } }] } : {}),
    });
  }
  const doc = (id: string, zh: string, en: string): CatalogEntry => ({ kind: 'doc', id, slug: id.replace(/\W/g, '_').toLowerCase(), title: { zh, en }, summary: { zh, en } });
  const entries: CatalogEntry[] = [doc('guide.intro', '简介', 'Introduction'), doc('guide.auth', '鉴权', 'Authentication')];
  const inner = count - 3;
  const perGroup = Math.ceil(inner / 50);
  for (let i = 0; i < inner; i++) {
    const g = Math.floor(i / perGroup);
    const n = i % perGroup;
    const verb = VERBS[n % VERBS.length]!;
    const noun = NOUNS[g % NOUNS.length]!;
    const base = {
      id: `area${g}.${noun}${n}.${verb.id}`,
      slug: `area${g}_${noun}${n}_${verb.id}`,
      group: `area${g}`,
      ...(g % 5 === 0 ? { subgroup: n % 2 ? 'extra' : 'core' } : {}),
      title: { zh: `${verb.zh}${noun} ${n}（域 ${g + 1}）`, en: `${verb.en} ${noun} ${n} (area ${g + 1})` },
      summary: { zh: '合成条目', en: 'Synthetic entry' },
    };
    if (n % 37 === 36) {
      entries.push({ ...base, kind: 'callback', eventType: `${noun}.changed`, notes: [], payload: { fields: [], example: {} } });
      continue;
    }
    const method = METHODS[n % METHODS.length]!;
    entries.push({
      ...base,
      kind: 'endpoint',
      method,
      host: method === 'WS' ? 'ws' : 'api',
      path: `/v1/area${g}/${noun}s/${n}/${verb.id}`,
      notes: [],
      requestBody: 'none',
      params: [],
      response: { kind: 'json', envelope: 'standard', fields: [] },
      stream: method === 'WS' ? 'websocket' : 'none',
      mutates: method !== 'GET',
      billable: false,
    });
  }
  entries.push(doc('guide.errors', '错误码', 'Error codes'));
  return { version: 1, title: { zh: '合成目录', en: 'Synthetic catalogue' }, groups, entries };
}

interface Args {
  lang: 'zh-CN' | 'en';
  theme: 'light' | 'dark';
  query: string;
}

const frame = (args: Args, tree: unknown, extra?: { catalog?: unknown }) =>
  html`<coze-playground lang=${args.lang} theme=${args.theme} .catalog=${extra?.catalog ?? null} style="display:block;max-width:360px;border:1px solid #8884;border-radius:8px;overflow:hidden">
    ${tree}
  </coze-playground>`;

const meta: Meta<Args> = {
  title: 'Elements/coze-api-tree',
  component: 'coze-api-tree',
  tags: ['autodocs'],
  excludeStories: ['generateCatalog'],
  args: { lang: 'zh-CN', theme: 'light', query: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    query: { control: 'text' },
  },
  render: (args) => frame(args, html`<coze-api-tree style="height:560px" query=${args.query}></coze-api-tree>`),
};
export default meta;

type Story = StoryObj<Args>;

/** The built-in catalogue in Chinese: docs at the top and bottom, 18 collapsible groups between. */
export const Default: Story = {};

/** The same in English. */
export const English: Story = { args: { lang: 'en' } };

/** The dark theme. */
export const Dark: Story = { args: { theme: 'dark', query: '会话' } };

/** Filtered as you type: matches highlighted, their groups kept open, a path shown when it is what matched. */
export const FilteredWithMatches: Story = { args: { query: '/v3/chat' } };

/** Nothing matches: the tree says so and offers to clear the search. */
export const NothingMatches: Story = { args: { query: 'no-such-api' } };

/**
 * A deep link: with `hash-sync`, `#chat.create` in the URL selects that API on load (its group opens
 * and it scrolls into view); selecting another entry rewrites the hash.
 */
export const DeepLinkedSelection: Story = {
  render: (args) => {
    history.replaceState(history.state, '', '#chat.create');
    return frame(args, html`<coze-api-tree style="height:560px" hash-sync></coze-api-tree>`);
  },
};

/** While the catalogue loads (here: a catalogue URL that never answers). */
export const Loading: Story = {
  render: (args) =>
    html`<coze-playground
      lang=${args.lang}
      theme=${args.theme}
      catalog="https://catalog.example.invalid/coze.json"
      .fetch=${() => new Promise<Response>(() => {})}
      style="display:block;max-width:360px;border:1px solid #8884;border-radius:8px;overflow:hidden"
    >
      <coze-api-tree style="height:240px"></coze-api-tree>
    </coze-playground>`,
};

/** The catalogue could not be loaded: the provider explains why and offers a retry; the tree says so under its search box. */
export const CatalogueUnavailable: Story = {
  args: { lang: 'en' },
  render: (args) =>
    html`<coze-playground
      lang=${args.lang}
      theme=${args.theme}
      catalog="https://catalog.example.invalid/coze.json"
      .fetch=${() => Promise.reject(new TypeError('Failed to fetch'))}
      style="display:block;max-width:360px;border:1px solid #8884;border-radius:8px;overflow:hidden"
    >
      <coze-api-tree style="height:240px"></coze-api-tree>
    </coze-playground>`,
};

const big = generateCatalog(5000);

/** 5,000 generated entries in 50 groups: collapsed groups render nothing, long lists render as they scroll. */
export const FiveThousandEntries: Story = {
  render: (args) => frame(args, html`<coze-api-tree style="height:560px" query=${args.query}></coze-api-tree>`, { catalog: big }),
};

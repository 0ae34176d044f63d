import { aTimeout, expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-api-tree.js';
import type { Catalog } from '../../src/core/catalog/schema.js';
import type { CozeApiTree } from '../../src/elements/coze-api-tree/coze-api-tree.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';
import { generateCatalog } from '../../stories/coze-api-tree.stories.js';

interface Options {
  lang?: string;
  theme?: 'light' | 'dark';
  query?: string;
  hashSync?: boolean;
  openDocs?: boolean;
  catalog?: Catalog;
  height?: number;
}

async function mount(options: Options = {}): Promise<{ pg: CozePlayground; tree: CozeApiTree }> {
  const pg = await fixture<CozePlayground>(html`<coze-playground lang=${options.lang ?? 'en'} theme=${options.theme ?? 'light'} .catalog=${options.catalog ?? null}>
    <coze-api-tree style=${`height:${options.height ?? 600}px`} query=${options.query ?? ''} ?hash-sync=${options.hashSync} ?open-docs=${options.openDocs}></coze-api-tree>
  </coze-playground>`);
  await pg.catalogComplete;
  const tree = pg.querySelector('coze-api-tree')!;
  await settle(tree);
  return { pg, tree };
}

/** Waits for the tree to finish updating (including updates its own updates cause). */
async function settle(tree: CozeApiTree): Promise<void> {
  await tree.updateComplete;
  await nextFrame();
  await tree.updateComplete;
}

const root = (tree: CozeApiTree) => tree.shadowRoot!;
const items = (tree: CozeApiTree) => [...root(tree).querySelectorAll<HTMLElement>('[role="treeitem"]')];
const topLevel = (tree: CozeApiTree) => [...root(tree).querySelectorAll<HTMLElement>('[role="tree"] > [role="treeitem"]')];
const entries = (tree: CozeApiTree) => items(tree).filter((li) => li.dataset['kind']);
/** The text of a treeitem's own row (without its children). */
const rowText = (li: HTMLElement) => li.querySelector(':scope > .row')!.textContent!.replace(/\s+/g, ' ').trim();
const item = (tree: CozeApiTree, key: string) => items(tree).find((li) => li.dataset['key'] === key)!;
const byTitle = (tree: CozeApiTree, text: string) => items(tree).find((li) => li.querySelector(':scope > .row .title')?.textContent === text)!;
const countText = (tree: CozeApiTree) => root(tree).querySelector('[part="count"]')!.textContent!.trim();
const search = (tree: CozeApiTree) => root(tree).querySelector<HTMLInputElement>('[part="search"]')!;
const focused = (tree: CozeApiTree) => root(tree).activeElement as HTMLElement | null;

async function type(tree: CozeApiTree, text: string): Promise<void> {
  search(tree).focus();
  await sendKeys({ type: text });
  await settle(tree);
}

async function press(tree: CozeApiTree, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(tree);
}

function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

describe('<coze-api-tree>', () => {
  afterEach(clearHash);

  describe('catalogue', () => {
    it('lists the docs and the 18 groups of the built-in catalogue in catalogue order', async () => {
      const { tree } = await mount();
      const top = topLevel(tree);
      expect(top.map(rowText)).to.deep.equal([
        'Doc API overview',
        'Doc Changelog',
        'Doc Preparation',
        'Doc API Playground',
        'Authentication 14',
        'Bots and apps 19',
        'Workspaces 6',
        'Folders 2',
        'Enterprise and organizations 11',
        'Conversations and messages 14',
        'Chat 5',
        'Workflows 13',
        'Files 2',
        'Audio and video 24',
        'Knowledge bases 11',
        'Plugins 7',
        'Variables 2',
        'Channels 3',
        'End-user quotas 3',
        'Billing and benefits 4',
        'Callbacks 7',
        'Legacy APIs 2',
        'Doc Error codes',
        'Doc API FAQ',
        'Doc Model capability differences',
      ]);
      expect(top.every((li) => li.getAttribute('aria-level') === '1' && li.getAttribute('aria-setsize') === '25')).to.equal(true);
      expect(top.map((li) => li.getAttribute('aria-posinset'))).to.deep.equal(top.map((_, i) => String(i + 1)));
      expect(top.filter((li) => li.getAttribute('role') === 'treeitem' && li.hasAttribute('aria-expanded')).length).to.equal(18);
      expect(countText(tree)).to.equal('156 APIs');
      // Collapsed groups render nothing inside.
      expect(entries(tree).length).to.equal(7);
    });

    it('shows all 156 entries with their method, callback or doc badge when every group is open', async () => {
      const { tree } = await mount();
      tree.expandAll();
      await settle(tree);
      expect(entries(tree).length).to.equal(156);
      expect(rowText(item(tree, 'chat.create'))).to.equal('POST Create chat (v3)');
      expect(rowText(item(tree, 'conversations.delete'))).to.equal('DELETE Delete conversation');
      expect(rowText(item(tree, 'websockets.chat'))).to.equal('WS Streaming voice chat (WebSocket)');
      expect(rowText(item(tree, 'callbacks.botPublished'))).to.equal('Event Callback event: bot published');
      expect(rowText(item(tree, 'bots.botObject'))).to.equal('Doc Bot object');
      const voices = item(tree, 'group:audio/voices');
      expect(voices.getAttribute('aria-level')).to.equal('2');
      expect(item(tree, 'audio.speech.create').getAttribute('aria-level')).to.equal('3');
      expect(item(tree, 'audio.speech.create').closest('[role="group"]')!.parentElement).to.equal(voices);
    });
    it('orders groups as catalog.groups declares them, with ungrouped entries at the top and bottom', async () => {
      const entry = (id: string, group?: string, subgroup?: string) => ({
        kind: 'endpoint',
        id,
        slug: id.replace(/\./g, '_'),
        ...(group ? { group } : {}),
        ...(subgroup ? { subgroup } : {}),
        title: { zh: id, en: id },
        summary: { zh: id, en: id },
        method: 'GET',
        host: 'api',
        path: `/v1/${id.replace(/\./g, '/')}`,
        notes: [],
        requestBody: 'none',
        params: [],
        response: { kind: 'json', envelope: 'standard', fields: [] },
        stream: 'none',
        mutates: false,
        billable: false,
      });
      const catalog = {
        version: 1,
        groups: [
          { id: 'beta', title: { zh: '乙', en: 'Beta' }, subgroups: [{ id: 'deep', title: { zh: '深', en: 'Deep' } }] },
          { id: 'alpha', title: { zh: '甲', en: 'Alpha' } },
          { id: 'empty', title: { zh: '空', en: 'Empty' } },
        ],
        entries: [entry('intro'), entry('a.one', 'alpha'), entry('b.one', 'beta', 'deep'), entry('outro'), entry('a.two', 'alpha'), entry('b.two', 'beta')],
      } as unknown as Catalog;
      const { tree } = await mount({ catalog });
      expect(topLevel(tree).map(rowText)).to.deep.equal(['GET intro', 'Beta 2', 'Alpha 2', 'GET outro']);
      tree.expandAll();
      await settle(tree);
      expect(items(tree).map((li) => li.dataset['key'])).to.deep.equal(['intro', 'group:beta', 'group:beta/deep', 'b.one', 'b.two', 'group:alpha', 'a.one', 'a.two', 'outro']);
      expect(item(tree, 'b.one').getAttribute('aria-level')).to.equal('3');
      expect(item(tree, 'b.two').getAttribute('aria-posinset')).to.equal('2');
    });
  });

  describe('filter', () => {
    it('filters by zh title as you type, highlights the matches and keeps their groups open', async () => {
      const { tree } = await mount({ lang: 'zh-CN' });
      await type(tree, '会话');
      const shown = entries(tree);
      expect(shown.length).to.be.greaterThan(5);
      expect(countText(tree)).to.equal(`${shown.length} 个匹配`);
      expect(shown.every((li) => rowText(li).includes('会话') || li.closest('[data-key="group:conversations"]'))).to.equal(true);
      const group = item(tree, 'group:conversations');
      expect(group.getAttribute('aria-expanded')).to.equal('true');
      expect(group.querySelector(':scope > .row mark')!.textContent).to.equal('会话');
      expect(item(tree, 'conversations.create').querySelector('mark')!.textContent).to.equal('会话');
      // Groups without matches are gone.
      expect(item(tree, 'group:files')).to.equal(undefined);
    });

    it('filters by path and by id, showing the matched path or id under the title', async () => {
      const { tree } = await mount();
      await type(tree, '/v3/chat');
      expect(entries(tree).map((li) => li.dataset['key'])).to.deep.equal(['chat.create', 'chat.retrieve', 'chat.messages.list', 'chat.submitToolOutputs', 'chat.cancel']);
      expect(countText(tree)).to.equal('5 matching');
      const detail = item(tree, 'chat.cancel').querySelector('.detail')!;
      expect(detail.textContent).to.contain('/v3/chat/cancel');
      expect(detail.querySelector('mark')!.textContent).to.equal('/v3/chat');

      search(tree).select();
      await type(tree, 'workflows.runs.stream');
      expect(entries(tree).map((li) => li.dataset['key'])).to.deep.equal(['workflows.runs.stream']);
      expect(item(tree, 'workflows.runs.stream').querySelector('.detail mark')!.textContent).to.equal('workflows.runs.stream');
    });

    it('matches group names and every word of the query', async () => {
      const { tree } = await mount();
      await type(tree, 'knowledge');
      expect(entries(tree).length).to.equal(11);
      search(tree).select();
      await type(tree, 'list bot');
      expect(entries(tree).map((li) => li.dataset['key'])).to.include.members(['bots.list', 'bots.versions.list', 'legacy.publishedBots.list']);
      expect(entries(tree).every((li) => /list/i.test(rowText(li)))).to.equal(true);
    });

    it('says when nothing matches, and clears the search', async () => {
      const { tree } = await mount();
      await type(tree, 'zzzz');
      expect(root(tree).querySelector('[role="tree"]')).to.equal(null);
      expect(root(tree).querySelector('[part="empty"]')!.textContent).to.contain('No API matches “zzzz”.');
      expect(countText(tree)).to.equal('No matches');
      root(tree).querySelector<HTMLButtonElement>('[part="empty"] button')!.click();
      await settle(tree);
      expect(topLevel(tree).length).to.equal(25);
      expect(search(tree).value).to.equal('');
      expect(focused(tree)).to.equal(search(tree));
    });

    it('Escape clears the search; Down moves from the search box into the tree', async () => {
      const { tree } = await mount();
      await type(tree, 'upload');
      await press(tree, 'ArrowDown');
      expect(focused(tree)!.dataset['key']).to.equal('group:files');
      search(tree).focus();
      await press(tree, 'Escape');
      expect(search(tree).value).to.equal('');
      expect(countText(tree)).to.equal('156 APIs');
    });
  });

  describe('keyboard', () => {
    it('moves with Up/Down/Home/End, opens with Right, enters with Right, leaves with Left and closes with Left', async () => {
      const { tree } = await mount();
      const first = topLevel(tree)[0]!;
      expect(first.tabIndex).to.equal(0);
      expect(items(tree).filter((li) => li.tabIndex === 0).length).to.equal(1);
      first.focus();
      await press(tree, 'ArrowDown');
      expect(focused(tree)!.dataset['key']).to.equal('docs.changelog');
      await press(tree, 'End');
      expect(focused(tree)!.dataset['key']).to.equal('docs.modelParams');
      await press(tree, 'Home');
      expect(focused(tree)!.dataset['key']).to.equal('docs.overview');
      for (let i = 0; i < 4; i++) await press(tree, 'ArrowDown');
      const auth = focused(tree)!;
      expect(auth.dataset['key']).to.equal('group:auth');
      expect(auth.getAttribute('aria-expanded')).to.equal('false');
      await press(tree, 'ArrowRight');
      expect(auth.getAttribute('aria-expanded')).to.equal('true');
      expect(focused(tree)).to.equal(auth);
      await press(tree, 'ArrowRight');
      expect(focused(tree)!.dataset['key']).to.equal('auth.overview');
      expect(focused(tree)!.getAttribute('aria-level')).to.equal('2');
      await press(tree, 'ArrowLeft');
      expect(focused(tree)).to.equal(auth);
      await press(tree, 'ArrowLeft');
      expect(auth.getAttribute('aria-expanded')).to.equal('false');
      await press(tree, 'ArrowUp');
      expect(focused(tree)!.dataset['key']).to.equal('docs.apiPlayground');
      expect(items(tree).filter((li) => li.tabIndex === 0)).to.deep.equal([focused(tree)]);
    });

    it('jumps to the next title starting with a typed letter, and * opens the sibling groups', async () => {
      const { tree } = await mount();
      topLevel(tree)[0]!.focus();
      await press(tree, 'w');
      expect(focused(tree)!.dataset['key']).to.equal('group:workspaces');
      await press(tree, 'w');
      expect(focused(tree)!.dataset['key']).to.equal('group:workflows');
      await aTimeout(600);
      await press(tree, 'c');
      expect(focused(tree)!.dataset['key']).to.equal('group:connectors');
      await press(tree, 'c');
      expect(focused(tree)!.dataset['key']).to.equal('group:callbacks');
      // A longer prefix narrows the jump.
      await aTimeout(600);
      for (const key of 'chat') await press(tree, key);
      expect(focused(tree)!.dataset['key']).to.equal('group:chat');
      await press(tree, '*');
      expect(topLevel(tree).filter((li) => li.getAttribute('aria-expanded') === 'true').length).to.equal(18);
    });

    it('Enter and Space select entries and toggle groups', async () => {
      const { pg, tree } = await mount();
      const chat = item(tree, 'group:chat');
      chat.focus();
      await press(tree, 'Enter');
      expect(chat.getAttribute('aria-expanded')).to.equal('true');
      await press(tree, 'ArrowDown');
      await press(tree, 'Enter');
      expect(pg.session.selectedId).to.equal('chat.create');
      expect(item(tree, 'chat.create').getAttribute('aria-selected')).to.equal('true');
      await press(tree, 'ArrowDown');
      await press(tree, 'Space');
      expect(pg.session.selectedId).to.equal('chat.retrieve');
      expect(item(tree, 'chat.create').getAttribute('aria-selected')).to.equal('false');
    });
  });

  describe('selection', () => {
    it('a click selects the entry in the session and fires coze-select', async () => {
      const { pg, tree } = await mount();
      item(tree, 'group:files').click();
      await settle(tree);
      const fired = oneEvent(pg, 'coze-select');
      item(tree, 'files.upload').querySelector<HTMLElement>('.row')!.click();
      const event = await fired;
      expect(event.detail).to.deep.equal({ id: 'files.upload' });
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      await settle(tree);
      expect(pg.session.selectedId).to.equal('files.upload');
      expect(item(tree, 'files.upload').getAttribute('aria-selected')).to.equal('true');
      expect(item(tree, 'files.upload').getAttribute('part')).to.equal('item item-selected');
    });

    it('a host can veto a selection by cancelling coze-select', async () => {
      const { pg, tree } = await mount();
      pg.session.select('chat.create');
      await settle(tree);
      pg.addEventListener('coze-select', (e) => e.preventDefault(), { once: true });
      item(tree, 'chat.cancel').click();
      await settle(tree);
      expect(pg.session.selectedId).to.equal('chat.create');
      expect(item(tree, 'chat.cancel').getAttribute('aria-selected')).to.equal('false');
      expect(item(tree, 'chat.create').getAttribute('aria-selected')).to.equal('true');
    });

    it('shows a selection made elsewhere: opens its group and scrolls it into view', async () => {
      const { pg, tree } = await mount({ height: 260 });
      pg.session.select('apiApps.events.unsubscribe');
      await settle(tree);
      const li = item(tree, 'apiApps.events.unsubscribe');
      expect(li.getAttribute('aria-selected')).to.equal('true');
      expect(item(tree, 'group:callbacks').getAttribute('aria-expanded')).to.equal('true');
      expect(li.tabIndex).to.equal(0);
      const row = li.querySelector('.row')!.getBoundingClientRect();
      const box = root(tree).querySelector('.scroller')!.getBoundingClientRect();
      expect(row.top).to.be.at.least(box.top - 1);
      expect(row.bottom).to.be.at.most(box.bottom + 1);
    });

    it('with open-docs, a documentation page opens its Coze doc link instead of being selected', async () => {
      const { pg, tree } = await mount({ openDocs: true });
      const opened: unknown[][] = [];
      const original = window.open;
      window.open = ((...args: unknown[]) => (opened.push(args), null)) as typeof window.open;
      try {
        item(tree, 'docs.changelog').click();
        await settle(tree);
      } finally {
        window.open = original;
      }
      expect(opened).to.deep.equal([['https://www.coze.cn/open/docs/developer_guides/changelog', '_blank', 'noopener']]);
      expect(pg.session.selectedId).to.equal(undefined);
      expect(rowText(item(tree, 'docs.changelog'))).to.contain('(opens the documentation in a new tab)');
    });
  });

  describe('URL hash', () => {
    it('selects a deep-linked API on load and on hashchange, and writes the selection to the hash', async () => {
      history.replaceState(null, '', '#workflows.runs.stream');
      const { pg, tree } = await mount({ hashSync: true, height: 300 });
      await settle(tree);
      expect(pg.session.selectedId).to.equal('workflows.runs.stream');
      expect(item(tree, 'workflows.runs.stream').getAttribute('aria-selected')).to.equal('true');

      const length = history.length;
      location.hash = '#chat.cancel';
      await oneEvent(window, 'hashchange');
      await settle(tree);
      expect(pg.session.selectedId).to.equal('chat.cancel');

      item(tree, 'chat.create').click();
      await settle(tree);
      expect(location.hash).to.equal('#chat.create');
      expect(history.length).to.equal(length + 1); // the hashchange above added one entry, the click none
    });

    it('leaves the hash alone without hash-sync, and ignores unknown ids', async () => {
      history.replaceState(null, '', '#chat.create');
      const { pg, tree } = await mount();
      expect(pg.session.selectedId).to.equal(undefined);
      tree.hashSync = true;
      await settle(tree);
      await settle(tree);
      expect(pg.session.selectedId).to.equal('chat.create');
      history.replaceState(null, '', '#no.such.api');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await settle(tree);
      expect(pg.session.selectedId).to.equal('chat.create');
    });
  });

  describe('a 5,000-entry catalogue', () => {
    it('renders only what is expanded and matched, filters fast and renders more as it scrolls', async () => {
      const catalog = generateCatalog(5000);
      const { tree } = await mount({ catalog, height: 500 });
      expect(countText(tree)).to.equal('5,000 APIs');
      expect(items(tree).length).to.equal(53);

      const input = search(tree);
      for (const value of ['v', 'v1', 'v1/', 'v1/area', 'widget', 'widget 1']) {
        input.value = value;
        input.dispatchEvent(new InputEvent('input'));
        await tree.updateComplete;
        expect(items(tree).length).to.be.at.most(200);
      }
      expect(countText(tree)).to.match(/^\d+ matching$/);

      input.value = 'v1';
      input.dispatchEvent(new InputEvent('input'));
      await settle(tree);
      const scroller = root(tree).querySelector<HTMLElement>('.scroller')!;
      scroller.scrollTop = 8000;
      await aTimeout(300);
      await settle(tree);
      expect(items(tree).length).to.be.greaterThan(200);
      expect(items(tree).length).to.be.below(5000);

      // End: the last row (far beyond the rendered part) is rendered and focused.
      items(tree)[0]!.focus();
      await press(tree, 'End');
      expect(focused(tree)!.dataset['key']).to.match(/^area49\./);
      expect(focused(tree)!.getAttribute('aria-posinset')).to.equal(focused(tree)!.getAttribute('aria-setsize'));
    });
  });

  describe('language', () => {
    it('speaks zh-CN and en', async () => {
      const { pg, tree } = await mount({ lang: 'zh-CN' });
      expect(search(tree).getAttribute('aria-label')).to.equal('搜索 API');
      expect(search(tree).placeholder).to.equal('按名称、路径或 ID 搜索');
      expect(root(tree).querySelector('[role="tree"]')!.getAttribute('aria-label')).to.equal('API 列表');
      expect(countText(tree)).to.equal('共 156 个 API');
      expect(rowText(topLevel(tree)[4]!)).to.equal('鉴权 14');
      expect(rowText(topLevel(tree)[0]!)).to.equal('文档 API 介绍');
      pg.lang = 'en';
      await settle(tree);
      expect(search(tree).getAttribute('aria-label')).to.equal('Search APIs');
      expect(countText(tree)).to.equal('156 APIs');
      expect(rowText(topLevel(tree)[4]!)).to.equal('Authentication 14');
    });

    it('works without a provider, on the built-in catalogue', async () => {
      const tree = await fixture<CozeApiTree>(html`<coze-api-tree lang="en" style="height:400px"></coze-api-tree>`);
      for (let i = 0; i < 50 && !topLevel(tree).length; i++) await aTimeout(20);
      await settle(tree);
      expect(topLevel(tree).length).to.equal(25);
      const light = getComputedStyle(tree).backgroundColor;
      tree.theme = 'dark';
      await settle(tree);
      expect(getComputedStyle(tree).backgroundColor).to.not.equal(light);
      await expect(tree).to.be.accessible();
    });
  });

  describe('accessibility', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`passes axe with groups open, a selection and a filter (${theme})`, async () => {
        const { pg, tree } = await mount({ theme });
        expect(tree.getAttribute('data-theme')).to.equal(theme);
        pg.session.select('chat.create');
        tree.expandAll();
        await settle(tree);
        await expect(pg).to.be.accessible();
        await type(tree, 'chat');
        await expect(pg).to.be.accessible();
        search(tree).select();
        await type(tree, 'zzzz');
        await expect(pg).to.be.accessible();
      });
    }

    it('focusing the element focuses its search box', async () => {
      const { tree } = await mount();
      tree.focus();
      expect(focused(tree)).to.equal(search(tree));
    });

    it('shows a focus ring on the focused row', async () => {
      const { tree } = await mount();
      topLevel(tree)[0]!.focus();
      await press(tree, 'ArrowDown');
      const row = focused(tree)!.querySelector('.row')!;
      expect(getComputedStyle(row).boxShadow).to.contain('2px');
    });
  });
});

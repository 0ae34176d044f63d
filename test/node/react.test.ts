/**
 * The React wrappers (`coze-playground-elements/react`) in a real React 19 app: test/consumer/react/app.tsx
 * is bundled with esbuild (React is CommonJS; esbuild converts it), served over node:http next to the
 * emulator (at /coze-api), and driven in headless Chromium with playwright-core. The wrappers must
 * render their elements, pass React props to the elements as properties (objects included), and call
 * React handlers with the elements' events, which a handler may cancel.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bundlePage, launchChromium, root, servePage, type PageServer } from './browser-page.js';

const appDir = join(root, 'test', 'consumer', 'react');
const TAGS = ['coze-playground', 'coze-api-tree', 'coze-api-form', 'coze-api-code', 'coze-api-response', 'coze-api-playground', 'coze-chat-sdk-demo'];

let outDir = '';
let served: PageServer | undefined;
let origin = '';
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** `@fires` names from each element's class JSDoc, by `@tagname`. */
function firesByTag(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const dir = join(root, 'src', 'elements');
  for (const folder of readdirSync(dir)) {
    const file = join(dir, folder, `${folder}.ts`);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const tag = /@tagname\s+([a-z0-9-]+)/.exec(source)?.[1];
    if (tag) out.set(tag, [...source.matchAll(/@fires\s+([a-z0-9-]+)/g)].map((m) => m[1]!));
  }
  return out;
}

const propName = (event: string) => `on${event.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase())}`;

/** The visible entries of the first tree, by catalogue id. */
const treeItem = (id: string) => page.locator(`#parts coze-api-tree [role="treeitem"][data-key="${id}"] > .row`);
const listed = (id: string) => page.locator(`#${id} li`).allTextContents();

describe('React wrappers in a React app', () => {
  before(async () => {
    // React is CommonJS: esbuild converts it.
    outDir = await bundlePage('coze-react-', { app: join(appDir, 'app.tsx') }, { jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' } });
    served = await servePage(outDir, { '/': join(appDir, 'index.html') });
    origin = served.origin;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    await page.goto(`${origin}/`);
    await page.locator('#catalog', { hasText: 'ready' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await served?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('every wrapper renders its element, registered and with its shadow content', async () => {
    const rendered = await page.evaluate((tags) => {
      return tags.map((tag) => {
        const el = document.querySelector(tag);
        const shadow = el?.shadowRoot;
        return { tag, defined: !!customElements.get(tag), upgraded: !!el && el.constructor !== HTMLElement, content: shadow ? shadow.querySelectorAll('*').length : 0 };
      });
    }, TAGS);
    for (const r of rendered) {
      assert.ok(r.defined, `<${r.tag}> is registered by its wrapper`);
      assert.ok(r.upgraded, `<${r.tag}> is in the page and upgraded`);
      assert.ok(r.content > 0, `<${r.tag}> rendered into its shadow root`);
    }
    // The parts rendered their real content: the tree lists the catalogue, the full page has its layout.
    await page.waitForFunction(() => document.querySelector('#parts coze-api-tree')!.shadowRoot!.querySelectorAll('[role="treeitem"]').length >= 20);
    await page.locator('#page coze-api-playground [part="middle"] coze-api-form').waitFor();
    await page.locator('#chat coze-chat-sdk-demo [part~="run"]').waitFor();
  });

  test('props reach the elements as properties: strings and objects', async () => {
    const props = await page.evaluate(() => {
      const provider = document.querySelector('#parts') as HTMLElement & { baseUrl: string; presets: Record<string, unknown>; token: unknown };
      const chat = document.querySelector('coze-chat-sdk-demo') as HTMLElement & { botId: string };
      return { baseUrl: provider.baseUrl, presets: provider.presets, token: provider.token, botId: chat.botId, lang: provider.lang, baseUrlAttribute: provider.getAttribute('base-url') };
    });
    assert.equal(props.baseUrl, '/coze-api');
    assert.deepEqual(props.presets, { bot_id: '7431847190245277732', user_id: 'react-user' }, 'an object prop arrives as the object, not as "[object Object]"');
    assert.equal(props.token, 'pat_react_app');
    assert.equal(props.botId, '7431847190245277732');
    assert.equal(props.lang, 'en');
    assert.equal(props.baseUrlAttribute, null, 'set as a property, not as an attribute');

    // A prop driven by React state: typing in the app's filter box filters the tree.
    await page.locator('#filter').fill('conversation');
    await page.waitForFunction(() => (document.querySelector('#parts coze-api-tree') as HTMLElement & { query: string }).query === 'conversation');
    const search = page.locator('#parts coze-api-tree [part="search"]');
    assert.equal(await search.inputValue(), 'conversation');
    await treeItem('conversations.create').waitFor();
    assert.equal(await treeItem('chat.create').count(), 0, 'entries that do not match are filtered out');
  });

  test('a React handler receives the element event (onCozeSelect) and the selection follows', async () => {
    await treeItem('conversations.create').click();
    await page.locator('#selected li', { hasText: 'conversations.create' }).waitFor();
    assert.deepEqual(await listed('selected'), ['conversations.create']);
    await page.locator('#parts coze-api-form [part="header"]', { hasText: '/v1/conversation/create' }).waitFor();
  });

  test('a React handler can cancel the event: a vetoed selection is reported but not made', async () => {
    await page.locator('#veto').check();
    await treeItem('conversations.list').click();
    await page.locator('#selected li', { hasText: 'conversations.list' }).waitFor();
    assert.deepEqual(await listed('selected'), ['conversations.create', 'conversations.list']);
    // The session is updated in the same task as the event (after it, unless cancelled).
    const selectedId = await page.evaluate(() => (document.querySelector('#parts') as HTMLElement & { session: { selectedId?: string } }).session.selectedId);
    assert.equal(selectedId, 'conversations.create', 'the selection did not change');
    assert.match(await page.locator('#parts coze-api-form [part="header"]').innerText(), /\/v1\/conversation\/create/, 'the form still shows the API selected before');
    // Switched off again, the same click selects (the wrapper called the current handler, not a stale one).
    await page.locator('#veto').uncheck();
    await treeItem('conversations.list').click();
    await page.locator('#parts coze-api-form [part="header"]', { hasText: '/v1/conversations' }).waitFor();
  });

  test('onCozeRun hears a run from the sample code, and the response comes from the emulator', async () => {
    await treeItem('conversations.create').click();
    await page.locator('#parts coze-api-form [part="header"]', { hasText: '/v1/conversation/create' }).waitFor();
    await page.locator('#parts coze-api-code [part="run"]').click();
    await page.locator('#runs li', { hasText: 'conversations.create' }).waitFor();
    await page.locator('#parts coze-api-response [part="summary"]', { hasText: '200' }).waitFor();
  });

  test('a method called through a ref reaches the element (expandAll)', async () => {
    await page.locator('#filter').fill('');
    await page.locator('#expand').click();
    await treeItem('chat.create').waitFor();
  });

  test('other elements\' events reach their handlers too (onCozeChatSdkToggle)', async () => {
    const demo = page.locator('#chat coze-chat-sdk-demo');
    await demo.locator('[part~="run"]').click();
    await demo.locator('[part~="bubble"]').click();
    await page.locator('#chat-open', { hasText: 'true' }).waitFor();
  });

  test('each wrapper maps every event its element documents (@fires) to an on… prop, and nothing else', async () => {
    const maps = await page.evaluate(() => (window as unknown as { __wrapperEvents: Record<string, Record<string, string>> }).__wrapperEvents);
    const fires = firesByTag();
    assert.deepEqual(Object.keys(maps).sort(), [...fires.keys()].sort(), 'one wrapper per element');
    for (const [tag, events] of fires) {
      const expected = Object.fromEntries(events.map((event) => [propName(event), event]));
      assert.deepEqual(maps[tag], expected, `<${tag}>`);
    }
    assert.equal(maps['coze-api-tree']?.['onCozeSelect'], 'coze-select');
  });

  test('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-api-form.js';
import type { CozeApiForm } from '../../src/elements/coze-api-form/coze-api-form.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';
import { PlaygroundSession, STORAGE_KEYS } from '../../src/core/session.js';
import type { EndpointEntry } from '../../src/core/catalog/schema.js';
import { numberFromText, parseJsonExact, pathKey, setIn, withBodyText } from '../../src/core/form/draft.js';
import { emptyValues } from '../../src/core/request/build.js';

interface Mounted {
  pg: CozePlayground;
  form: CozeApiForm;
  root: ShadowRoot;
}

/** A playground on the emulator (over HTTP at /coze-api) with one form inside. */
async function mount(api: string | undefined, options: { lang?: string; theme?: 'light' | 'dark' } = {}): Promise<Mounted> {
  const pg = await fixture<CozePlayground>(
    html`<coze-playground base-url="/coze-api" lang=${options.lang ?? 'en'} theme=${options.theme ?? 'light'} .token=${'pat_emulator'}>
      <coze-api-form api=${api ?? ''}></coze-api-form>
    </coze-playground>`,
  );
  await pg.catalogComplete;
  const form = pg.querySelector('coze-api-form')!;
  await settle(form);
  return { pg, form, root: form.shadowRoot! };
}

async function settle(form: CozeApiForm): Promise<void> {
  await form.updateComplete;
  await form.updateComplete;
}

function $<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

/** The field of a parameter, by its path (`body.bot_id`, `query.conversation_id`). */
const field = (root: ShadowRoot, path: string) => $(root, `[data-path="${path}"]`);
const inputOf = <T extends HTMLElement = HTMLInputElement>(root: ShadowRoot, path: string) => $<T>(field(root, path), 'input, select, textarea');
const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

async function type(form: CozeApiForm, input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle(form);
}

async function choose(form: CozeApiForm, select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settle(form);
}

async function click(form: CozeApiForm, el: HTMLElement): Promise<void> {
  el.click();
  await settle(form);
}

function jsonEditor(root: ShadowRoot): HTMLTextAreaElement {
  return $<HTMLTextAreaElement>(root, '[part="json-editor"] textarea');
}

function entryOf(pg: CozePlayground, id: string): EndpointEntry {
  return pg.loadedCatalog!.entries.find((e) => e.id === id) as EndpointEntry;
}

/** Focuses an element of the form and presses Ctrl+Enter with the real keyboard. */
async function ctrlEnter(form: CozeApiForm, target: HTMLElement): Promise<void> {
  target.focus();
  await sendKeys({ press: 'Control+Enter' });
  await settle(form);
}

describe('<coze-api-form>', () => {
  beforeEach(() => localStorage.clear());
  after(() => localStorage.clear());

  describe('header', () => {
    it('shows the title, method, URL with the base, summary, notes, warnings and the doc link', async () => {
      const { root } = await mount('chat.create');
      const header = $(root, '[part="header"]');
      expect(text($(header, 'h2'))).to.equal('Create chat (v3)');
      expect(text($(header, '.badge.method'))).to.equal('POST');
      expect(text($(header, '.url'))).to.equal(`${location.origin}/coze-api/v3/chat`);
      expect(text($(header, '.notes h3'))).to.equal('Notes');
      expect(header.querySelectorAll('.notes li').length).to.equal(5);
      expect($<HTMLAnchorElement>(header, 'a').href).to.equal('https://www.coze.cn/open/docs/developer_guides/chat_v3');
      const warnings = text($(root, '[part="warnings"]'));
      expect(warnings).to.contain('creates, changes or deletes real data');
      expect(warnings).to.contain('can cost money');
    });

    it('speaks Chinese: 注意事项, 请求参数, and the zh descriptions', async () => {
      const { root } = await mount('chat.create', { lang: 'zh-CN' });
      expect(text($(root, 'h2'))).to.equal('发起对话');
      expect(text($(root, '.notes h3'))).to.equal('注意事项');
      expect(text($(root, '#params-h'))).to.equal('请求参数');
      expect(text($(field(root, 'body.bot_id'), '.doc'))).to.contain('要对话的智能体 ID');
    });

    it('follows the session selection when it has no api attribute', async () => {
      const { pg, form, root } = await mount(undefined);
      expect(text($(root, '.placeholder'))).to.equal('Choose an API to try it.');
      pg.session.select('files.retrieve');
      await settle(form);
      expect(text($(root, 'h2'))).to.equal('Retrieve file');
    });
  });

  describe('generated fields', () => {
    it('generates a field per parameter, by location, with required marks and accessible "required" text', async () => {
      const { root } = await mount('chat.create');
      const sections = [...root.querySelectorAll('[part="section"]')].map((s) => s.getAttribute('data-in'));
      expect(sections).to.deep.equal(['header', 'query', 'body']);
      const botId = field(root, 'body.bot_id');
      expect(text($(botId, 'label'))).to.equal('bot_id* (required)');
      expect($(botId, '.req').getAttribute('aria-hidden')).to.equal('true');
      expect(inputOf(root, 'body.bot_id').getAttribute('aria-required')).to.equal('true');
      expect(text($(field(root, 'query.conversation_id'), 'label'))).to.equal('conversation_id');
      expect(inputOf(root, 'body.bot_id').value).to.equal('7431847190245277732');
      // Docs at the field: description, default, example and the "use example" button.
      const stream = field(root, 'body.stream');
      expect(text(stream)).to.contain('Default: false');
      expect(text(stream)).to.contain('Example: true');
    });

    it('offers an enum as a select with labels, and a boolean as unset/true/false', async () => {
      const { pg, form, root } = await mount('chat.create');
      const status = inputOf<HTMLSelectElement>(root, 'body.publish_status');
      expect(status.tagName).to.equal('SELECT');
      expect([...status.options].map((o) => o.text)).to.deep.equal(['(not set: published_online)', 'Published online version (published_online)', 'Unpublished draft (unpublished_draft)']);
      await choose(form, status, '1');
      expect(pg.session.values(entryOf(pg, 'chat.create')).body['publish_status']).to.equal('unpublished_draft');
      const stream = inputOf<HTMLSelectElement>(root, 'body.stream');
      expect([...stream.options].map((o) => o.value)).to.deep.equal(['', 'true', 'false']);
      await choose(form, stream, 'true');
      expect(pg.session.values(entryOf(pg, 'chat.create')).body['stream']).to.equal(true);
      await choose(form, stream, '');
      expect(pg.session.values(entryOf(pg, 'chat.create')).body).to.not.have.property('stream');
    });

    it('adds and removes array items, each with the fields of an object item', async () => {
      const { pg, form, root } = await mount('chat.create');
      const group = field(root, 'body.additional_messages');
      expect(group.tagName).to.equal('FIELDSET');
      const add = $(group, ':scope > .group-body > button.add');
      await click(form, add);
      expect(group.querySelectorAll('.item').length).to.equal(1);
      await choose(form, inputOf<HTMLSelectElement>(root, 'body.additional_messages[0].role'), '0');
      await type(form, inputOf<HTMLTextAreaElement>(root, 'body.additional_messages[0].content'), 'Hello');
      await click(form, add);
      expect(group.querySelectorAll('.item').length).to.equal(2);
      expect(pg.session.values(entryOf(pg, 'chat.create')).body['additional_messages']).to.deep.equal([{ role: 'user', content: 'Hello' }, {}]);
      const removeSecond = $(group, '.item:nth-child(2) .item-head button');
      expect(removeSecond.getAttribute('aria-label')).to.equal('Remove item 2 of additional_messages');
      await click(form, removeSecond);
      expect(group.querySelectorAll('.item').length).to.equal(1);
      expect(pg.session.values(entryOf(pg, 'chat.create')).body['additional_messages']).to.deep.equal([{ role: 'user', content: 'Hello' }]);
    });

    it('nests object fields in a collapsible group, and maps as key/value rows', async () => {
      const { pg, form, root } = await mount('chat.create');
      const extra = field(root, 'body.extra_params');
      const toggle = $(extra, 'button.disclosure');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect($(extra, '.group-body').hidden).to.equal(true);
      await click(form, toggle);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await type(form, inputOf(root, 'body.extra_params.latitude'), '30.27');
      expect(pg.session.values(entryOf(pg, 'chat.create')).body['extra_params']).to.deep.equal({ latitude: '30.27' });

      const vars = field(root, 'body.custom_variables');
      await click(form, $(vars, 'button.disclosure'));
      await click(form, $(vars, 'button.add'));
      await type(form, $<HTMLInputElement>(vars, '.map-row input'), 'bot_name');
      await type(form, $<HTMLInputElement>(vars, '.map-row div:nth-child(2) input'), 'Xiaoxi');
      expect(pg.session.values(entryOf(pg, 'chat.create')).body['custom_variables']).to.deep.equal({ bot_name: 'Xiaoxi' });
    });

    it('expands and collapses every nested group at once', async () => {
      const { form, root } = await mount('chat.create');
      const toggles = () => [...root.querySelectorAll('.params button.disclosure')].map((b) => b.getAttribute('aria-expanded'));
      expect(toggles()).to.include('false');
      const all = [...root.querySelectorAll<HTMLButtonElement>('.params .section-head button')].find((b) => text(b) === 'Expand all')!;
      await click(form, all);
      expect(toggles().every((v) => v === 'true')).to.equal(true);
      expect(text(all)).to.equal('Collapse all');
      await click(form, all);
      expect(toggles().every((v) => v === 'false')).to.equal(true);
    });

    it('keeps 19-digit int64 values exact, and fills the example on request', async () => {
      const { pg, form, root } = await mount('commerce.billTasks.create');
      const started = inputOf(root, 'body.started_at');
      expect(started.getAttribute('inputmode')).to.equal('numeric');
      await type(form, started, '1749038258245999999');
      expect(started.value).to.equal('1749038258245999999');
      expect(pg.session.values(entryOf(pg, 'commerce.billTasks.create')).body['started_at']).to.equal('1749038258245999999');
      await type(form, started, '');
      const use = $(field(root, 'body.started_at'), 'button.link');
      expect(use.getAttribute('aria-label')).to.equal('Use example for started_at');
      await click(form, use);
      expect(inputOf(root, 'body.started_at').value).to.match(/^\d+$/);
    });

    it('takes a file for multipart uploads, shows its name and size, and sends it', async () => {
      const { pg, form, root } = await mount('files.upload');
      expect(text($(root, '.location[data-in="body"] h4'))).to.equal('Body (multipart/form-data)');
      const input = inputOf(root, 'body.file');
      expect(input.type).to.equal('file');
      expect(input.accept).to.contain('.pdf');
      const transfer = new DataTransfer();
      transfer.items.add(new File(['%PDF-1.4 hello'], 'report.pdf', { type: 'application/pdf' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(form);
      expect(text($(field(root, 'body.file'), '.file-status'))).to.equal('Chosen: report.pdf (14 B)');
      await ctrlEnter(form, input);
      const run = await pg.session.run('files.upload')!.done;
      expect(run.status).to.equal(200);
      const sent = (run.request.body as Array<{ name: string; file?: { name: string; size: number } }>).find((f) => f.name === 'file');
      expect(sent?.file).to.deep.include({ name: 'report.pdf', size: 14 });
    });

    it('offers ids from earlier responses as one-click chips', async () => {
      const { pg, form, root } = await mount('chat.retrieve');
      await pg.session.send(entryOf(pg, 'chat.create'), pg.currentTransport).done;
      await settle(form);
      const chips = [...field(root, 'query.conversation_id').querySelectorAll<HTMLButtonElement>('button.chip')];
      expect(chips.length).to.equal(1);
      await click(form, chips[0]!);
      expect(inputOf(root, 'query.conversation_id').value).to.equal(text(chips[0]!));
      expect(text(chips[0]!)).to.match(/^\d{19}$/);
    });
  });

  describe('raw JSON body', () => {
    it('keeps the JSON editor and the fields in step both ways', async () => {
      const { pg, form, root } = await mount('chat.create');
      await type(form, inputOf(root, 'body.user_id'), 'docs-reader');
      await click(form, $(root, '#tab-json'));
      const editor = jsonEditor(root);
      expect(JSON.parse(editor.value)).to.deep.include({ bot_id: '7431847190245277732', user_id: 'docs-reader' });
      const edited = JSON.parse(editor.value) as Record<string, unknown>;
      edited['user_id'] = 'from-json';
      edited['bot_version'] = '42';
      await type(form, editor, JSON.stringify(edited, null, 2));
      expect(pg.session.values(entryOf(pg, 'chat.create')).bodyText).to.equal(JSON.stringify(edited, null, 2));
      await click(form, $(root, '#tab-fields'));
      expect(inputOf(root, 'body.user_id').value).to.equal('from-json');
      expect(inputOf(root, 'body.bot_version').value).to.equal('42');
      // A big integer typed as a JSON number reaches the field with every digit.
      await click(form, $(root, '#tab-json'));
      await type(form, jsonEditor(root), '{"bot_id": 7431847190245277732, "user_id": "u"}');
      expect(inputOf(root, 'body.bot_id').value).to.equal('7431847190245277732');
    });

    it('shows a parse error with line and column at the editor, loses nothing, and sends nothing', async () => {
      const { pg, form, root } = await mount('chat.create');
      await click(form, $(root, '#tab-json'));
      const broken = '{\n  "bot_id": "7431847190245277732",\n  "user_id" "u"\n}';
      await type(form, jsonEditor(root), broken);
      const editor = jsonEditor(root);
      expect(editor.getAttribute('aria-invalid')).to.equal('true');
      const message = $(root, `#${editor.getAttribute('aria-describedby')}`);
      expect(text(message)).to.match(/^Invalid JSON at line 3, column 13: /);
      expect(editor.value).to.equal(broken);
      expect(pg.session.values(entryOf(pg, 'chat.create')).bodyText).to.equal(broken);
      // The fields wait for the JSON to be fixed instead of overwriting it.
      await click(form, $(root, '#tab-fields'));
      expect($<HTMLFieldSetElement>(root, 'fieldset.body-fields').disabled).to.equal(true);
      expect(text($(root, '.locked'))).to.contain('nothing you typed is lost');
      await ctrlEnter(form, $(root, '#tab-fields'));
      expect(pg.session.run('chat.create')).to.equal(undefined);
      expect(text($(root, '[part="problems"]'))).to.contain('The request body is not valid JSON');
    });
  });

  describe('validation and running', () => {
    it('shows missing required values at the fields and in a summary, and sends nothing', async () => {
      const { pg, form, root } = await mount('chat.create');
      await type(form, inputOf(root, 'body.bot_id'), '');
      await ctrlEnter(form, inputOf(root, 'body.user_id'));
      expect(pg.session.run('chat.create')).to.equal(undefined);
      const input = inputOf(root, 'body.bot_id');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => text($(root, `#${id}`)));
      expect(described).to.include('bot_id is required');
      const summary = $(root, '[part="problems"]');
      expect(text($(summary, 'h3'))).to.equal('Fix these before sending (1)');
      expect(root.activeElement).to.equal(summary);
      await click(form, $(summary, 'a'));
      expect(root.activeElement).to.equal(inputOf(root, 'body.bot_id'));
      // Fixing the value clears the message.
      await type(form, inputOf(root, 'body.bot_id'), '7431847190245277732');
      expect(root.querySelector('[part="problems"]')).to.equal(null);
      expect(inputOf(root, 'body.bot_id').getAttribute('aria-invalid')).to.equal('false');
    });

    it('opens the group of a nested problem and focuses its field', async () => {
      const { form, root } = await mount('chat.create');
      await click(form, $(field(root, 'body.additional_messages'), 'button.add'));
      await click(form, $(field(root, 'body.additional_messages'), 'button.disclosure'));
      await ctrlEnter(form, inputOf(root, 'body.user_id'));
      const links = [...root.querySelectorAll<HTMLAnchorElement>('[part="problems"] a')];
      const role = links.find((a) => text(a) === 'additional_messages[0].role is required')!;
      expect(role).to.exist;
      await click(form, role);
      expect(field(root, 'body.additional_messages').querySelector('.group-body')!.hasAttribute('hidden')).to.equal(false);
      expect(root.activeElement).to.equal(inputOf(root, 'body.additional_messages[0].role'));
    });

    it('runs on Ctrl+Enter from any field, and the run appears in the session', async () => {
      const { pg, form, root } = await mount('chat.create');
      await ctrlEnter(form, inputOf(root, 'body.user_id'));
      const handle = pg.session.run('chat.create');
      expect(handle).to.exist;
      const run = await handle!.done;
      expect(run.status).to.equal(200);
      expect(JSON.parse(run.request.body as string)).to.deep.include({ bot_id: '7431847190245277732', user_id: 'u_5f3c9a2e' });
    });

    it('lets the host veto a run through the cancelable coze-run event', async () => {
      const { pg, form, root } = await mount('chat.create');
      let seen = '';
      pg.addEventListener('coze-run', (e) => {
        seen = e.detail.api;
        e.preventDefault();
      });
      await click(form, $(root, '[part="run"] button'));
      expect(seen).to.equal('chat.create');
      expect(pg.session.run('chat.create')).to.equal(undefined);
    });

    it('builds a GET with query parameters and sends them', async () => {
      const { pg, form, root } = await mount('conversations.list');
      expect(text($(root, '.badge.method'))).to.equal('GET');
      expect(inputOf(root, 'query.page_num').value).to.equal('1');
      await type(form, inputOf(root, 'query.page_size'), '20');
      await choose(form, inputOf<HTMLSelectElement>(root, 'query.sort_order'), '0');
      await click(form, $(root, '[part="run"] button'));
      const run = await pg.session.run('conversations.list')!.done;
      expect(run.status).to.equal(200);
      expect(run.request.url).to.contain('bot_id=7431847190245277732').and.to.contain('page_size=20').and.to.contain('sort_order=ASC');
    });
  });

  describe('drafts', () => {
    it('keeps a draft when another API is selected and back', async () => {
      const { pg, form, root } = await mount(undefined);
      pg.session.select('chat.create');
      await settle(form);
      await type(form, inputOf(root, 'body.user_id'), 'kept-draft');
      pg.session.select('files.retrieve');
      await settle(form);
      expect(root.querySelector('[data-path="body.user_id"]')).to.equal(null);
      pg.session.select('chat.create');
      await settle(form);
      expect(inputOf(root, 'body.user_id').value).to.equal('kept-draft');
    });

    it('restores a draft in a new session reading the same storage (a reload)', async () => {
      const first = await mount('chat.create');
      await type(first.form, inputOf(first.root, 'body.user_id'), 'after-reload');
      expect(localStorage.getItem(STORAGE_KEYS.drafts)).to.contain('after-reload');
      const fresh = new PlaygroundSession();
      expect(fresh.values(entryOf(first.pg, 'chat.create')).body['user_id']).to.equal('after-reload');
      const second = await mount('chat.create');
      expect(inputOf(second.root, 'body.user_id').value).to.equal('after-reload');
    });
  });

  it('asks for a file again after a reload, naming the one chosen before', async () => {
    localStorage.setItem(STORAGE_KEYS.drafts, JSON.stringify({ 'files.upload': { path: {}, query: {}, header: {}, body: { file: { $file: 'report.pdf', size: 2048 } } } }));
    const { root } = await mount('files.upload');
    expect(text($(field(root, 'body.file'), '.file-status'))).to.equal('Choose report.pdf (2.0 KB) again: files are not kept after a reload.');
  });

  describe('token', () => {
    it('is masked, can be revealed, and lives in memory only', async () => {
      const { pg, form, root } = await mount('chat.create');
      const token = $<HTMLInputElement>(root, '[part="token"] input');
      expect(token.type).to.equal('password');
      expect(token.value).to.equal('pat_emulator');
      expect(text($(root, '[part="token"] .hint'))).to.contain('Kept in memory only');
      const reveal = $(root, '[part="token"] button');
      expect(reveal.getAttribute('aria-pressed')).to.equal('false');
      await click(form, reveal);
      expect(pg.session.tokenRevealed).to.equal(true);
      expect($<HTMLInputElement>(root, '[part="token"] input').type).to.equal('text');
      expect(reveal.getAttribute('aria-pressed')).to.equal('true');
      await type(form, $<HTMLInputElement>(root, '[part="token"] input'), 'pat_typed_secret');
      expect(pg.session.token).to.equal('pat_typed_secret');
      await type(form, inputOf(root, 'body.user_id'), 'someone');
      expect(JSON.stringify({ ...localStorage })).to.not.contain('pat_typed_secret');
    });

    it('says where the token is kept when the page opted in to storing it', async () => {
      const { pg, form, root } = await mount('chat.create');
      pg.tokenStorage = 'session';
      await type(form, $<HTMLInputElement>(root, '[part="token"] input'), 'pat_tab_only');
      expect(text($(root, '[part="token"] .hint'))).to.contain('Kept for this tab only');
      pg.tokenStorage = 'none';
      await pg.updateComplete;
      await type(form, $<HTMLInputElement>(root, '[part="token"] input'), 'pat_emulator');
    });
  });

  describe('history', () => {
    it('lists a run after it ends, reopens its values on click, and clears', async () => {
      const { pg, form, root } = await mount('chat.create');
      expect(text($(root, '[part="history"]'))).to.contain('No runs in the last 7 days.');
      await type(form, inputOf(root, 'body.user_id'), 'first-run');
      await ctrlEnter(form, inputOf(root, 'body.user_id'));
      await pg.session.run('chat.create')!.done;
      await settle(form);
      const items = [...root.querySelectorAll<HTMLButtonElement>('[part="history"] .run-item')];
      expect(items.length).to.equal(1);
      expect(text(items[0]!)).to.match(/^Reopen run: .+ HTTP 200 \d+ ms$/);
      await expect(form).to.be.accessible();
      await type(form, inputOf(root, 'body.user_id'), 'changed-later');
      await click(form, items[0]!);
      expect(inputOf(root, 'body.user_id').value).to.equal('first-run');
      expect(root.querySelector('[part="history"] .run-item')!.getAttribute('aria-current')).to.equal('true');
      await click(form, [...root.querySelectorAll<HTMLButtonElement>('[part="history"] button')].find((b) => text(b) === 'Clear history')!);
      expect(root.querySelectorAll('[part="history"] .run-item').length).to.equal(0);
    });

    it('shows notices about reset storage until dismissed', async () => {
      localStorage.setItem(STORAGE_KEYS.history, '{not json');
      const { form, root } = await mount('chat.create');
      const notices = $(root, '[part="notices"]');
      expect(text(notices)).to.contain('Saved run history could not be read and was reset.');
      await click(form, $(notices, 'button'));
      expect(root.querySelector('[part="notices"]')).to.equal(null);
    });
  });

  describe('other kinds of entry', () => {
    it('explains a WebSocket API instead of a form, with its parameters and events', async () => {
      const { root } = await mount('websockets.chat');
      expect(text($(root, '.url'))).to.match(/^ws:\/\/.+\/coze-api\/v1\/chat$/);
      expect(text($(root, '.explain'))).to.contain('cannot be run from a request form');
      expect(root.querySelector('input, select, textarea')).to.equal(null);
      expect(root.querySelector('[part="run"]')).to.equal(null);
      expect(text($(root, '[part="section"]'))).to.contain('bot_id');
      expect(root.querySelectorAll('[part="response-docs"] .events > li').length).to.be.greaterThan(5);
    });

    it('shows a callback event with its payload fields and sample payload', async () => {
      const { root } = await mount('callbacks.botPublished');
      expect(text($(root, '.badge'))).to.equal('Callback');
      expect(text($(root, '.explain'))).to.contain('bot.published');
      expect(text($(root, '[part="response-docs"]'))).to.contain('header').and.to.contain('event_type');
      expect(JSON.parse($(root, 'pre.sample').textContent!)).to.have.nested.property('header.event_type', 'bot.published');
    });

    it('lists the response parameters as a nested, expandable list', async () => {
      const { form, root } = await mount('chat.create');
      const docs = $(root, '[part="response-docs"]');
      const data = [...docs.querySelectorAll('details')].find((d) => text($(d, 'summary')).startsWith('data object'))!;
      expect(data.open).to.equal(true);
      const lastError = [...data.querySelectorAll('details')].find((d) => text($(d, 'summary')).startsWith('last_error'))!;
      expect(lastError.open).to.equal(false);
      await click(form, $(lastError, 'summary'));
      await new Promise((r) => setTimeout(r, 20));
      await settle(form);
      expect(text(lastError)).to.contain('msg');
    });
  });

  describe('keyboard', () => {
    it('switches the body editor tabs with the arrow keys', async () => {
      const { form, root } = await mount('chat.create');
      const fieldsTab = $(root, '#tab-fields');
      fieldsTab.focus();
      await sendKeys({ press: 'ArrowRight' });
      await settle(form);
      expect(root.activeElement).to.equal($(root, '#tab-json'));
      expect($(root, '#tab-json').getAttribute('aria-selected')).to.equal('true');
      expect($(root, '#panel-json').hidden).to.equal(false);
    });
  });

  describe('standalone', () => {
    it('works without a provider: built-in catalogue, its own language and dark theme', async () => {
      const form = await fixture<CozeApiForm>(html`<coze-api-form api="files.retrieve" lang="en" theme="dark"></coze-api-form>`);
      await waitUntil(() => form.shadowRoot!.querySelector('h2'), 'the catalogue did not load', { timeout: 10_000 });
      expect(text($(form.shadowRoot!, 'h2'))).to.equal('Retrieve file');
      expect(text($(form.shadowRoot!, '.url'))).to.equal('https://api.coze.cn/v1/files/retrieve');
      expect(getComputedStyle(form).backgroundColor).to.equal('rgb(23, 24, 28)');
      await expect(form).to.be.accessible();
    });
  });

  describe('draft helpers (src/core/form)', () => {
    it('parses JSON keeping big integers exact, and places syntax errors by line and column', () => {
      expect(parseJsonExact('{"id": 7431847190245277732, "n": 12}')).to.deep.equal({ value: { id: '7431847190245277732', n: 12 } });
      const broken = parseJsonExact('{\n  "a": 1,\n}');
      expect('error' in broken && broken.error).to.deep.include({ line: 3, column: 1 });
      const cut = parseJsonExact('{"a": ');
      expect('error' in cut && cut.error).to.deep.include({ line: 1, column: 7 });
    });

    it('turns typed numbers into numbers only when nothing would change', () => {
      expect(numberFromText('12', { type: 'integer' })).to.equal(12);
      expect(numberFromText('1.', { type: 'number' })).to.equal('1.');
      expect(numberFromText('9007199254740993', { type: 'integer', format: 'int64' })).to.equal('9007199254740993');
      expect(numberFromText('  ', { type: 'integer' })).to.equal(undefined);
    });

    it('sets values by path without touching the input, and names paths as validation does', () => {
      const before = { a: [{ b: 1 }] };
      expect(setIn(before, ['a', 0, 'c'], 'x')).to.deep.equal({ a: [{ b: 1, c: 'x' }] });
      expect(setIn(before, ['a', 0, 'b'], undefined)).to.deep.equal({ a: [{}] });
      expect(before).to.deep.equal({ a: [{ b: 1 }] });
      expect(pathKey({ in: 'body', segments: ['additional_messages', 0, 'role'] })).to.equal('body.additional_messages[0].role');
      const edited = withBodyText(emptyValues(), '{"user_id": "u"');
      expect(edited.bodyText).to.equal('{"user_id": "u"');
      expect(edited.body).to.deep.equal({});
    });
  });

  describe('accessibility', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`passes axe with the form filled (${theme})`, async () => {
        const { form, root } = await mount('chat.create', { theme });
        await click(form, $(field(root, 'body.additional_messages'), 'button.add'));
        await expect(form).to.be.accessible();
      });

      it(`passes axe with problems and invalid JSON shown (${theme})`, async () => {
        const { form, root } = await mount('chat.create', { theme, lang: 'zh-CN' });
        await type(form, inputOf(root, 'body.bot_id'), '');
        await ctrlEnter(form, inputOf(root, 'body.user_id'));
        await click(form, $(root, '#tab-json'));
        await type(form, jsonEditor(root), '{"a": }');
        await expect(form).to.be.accessible();
      });
    }

    it('passes axe for a WebSocket entry and a callback entry', async () => {
      const ws = await mount('websockets.chat', { theme: 'dark' });
      await expect(ws.form).to.be.accessible();
      const cb = await mount('callbacks.botPublished');
      await expect(cb.form).to.be.accessible();
    });
  });
});

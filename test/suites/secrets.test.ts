/**
 * Suite "Secrets": with a distinctive token, after runs of every kind (JSON, event stream, multipart
 * upload, binary audio, Coze error codes, HTTP errors, an HTML error page, broken JSON, a cut stream,
 * a dropped connection, CORS, an unreachable host, a stopped stream, a token function asked again
 * after 4100), the token appears nowhere but the Authorization header of the real requests: not in
 * the DOM (unless revealed), the sample code of any language, copied curl or code, the run history,
 * Web Storage, IndexedDB, Cache Storage, cookies, the URL, the console, events dispatched in the page,
 * or error messages. Opting in to keeping it stores it in one place only; opting out removes it.
 *
 * Everything runs in Chromium against the emulator over real HTTP (/coze-api on the test server).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-api-playground.js';
import '../../src/define/coze-chat-sdk-demo.js';
import type { EndpointEntry } from '../../src/core/catalog/schema.js';
import { initialValues, type DraftValues } from '../../src/core/request/build.js';
import type { CozeApiCode } from '../../src/elements/coze-api-code/coze-api-code.js';
import type { CozeApiForm } from '../../src/elements/coze-api-form/coze-api-form.js';
import type { CozeApiPlayground } from '../../src/elements/coze-api-playground/coze-api-playground.js';
import type { CozeApiResponse } from '../../src/elements/coze-api-response/coze-api-response.js';
import type { CozeChatSdkDemo } from '../../src/elements/coze-chat-sdk-demo/coze-chat-sdk-demo.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';
import { EMULATOR_PRESETS } from '../../src/emulator/presets.js';
import { SEEDED } from '../../src/emulator/seed.js';
import { domStrings, leaks, storedStrings, stringsIn, urlStrings, watchClipboard, watchConsole, watchErrors, watchEvents, watchFetch, type Found } from './secrets-kit.js';

/** Distinctive, and well-formed for the emulator (which checks a token's characters and length). */
const TOKEN = 'pat_ZebraSecret_31415926535_xq';
const TOKEN_KEY = 'coze-playground:token:v1';
const testEnv = (window as unknown as { __TEST_ENV__: { noCorsUrl: string; deadUrl: string } }).__TEST_ENV__;

const watches = { fetch: watchFetch(), console: watchConsole(), events: watchEvents(), clipboard: watchClipboard(), errors: watchErrors() };
after(() => Object.values(watches).forEach((w) => w.stop()));

/** Requests that carried a token: each must carry exactly `Bearer <token>`, and the token nowhere else. */
function checkRequests(secret: string): number {
  let authorized = 0;
  for (const r of watches.fetch.sent) {
    const auth = r.headers.find(([k]) => k.toLowerCase() === 'authorization')?.[1];
    if (auth !== undefined) {
      expect(auth, `Authorization of ${r.method} ${r.url}`).to.equal(`Bearer ${secret}`);
      authorized++;
    }
    const elsewhere = [r.url, r.body, ...r.headers.filter(([k]) => k.toLowerCase() !== 'authorization').flat()].join('\n');
    expect(elsewhere.includes(secret), `${r.method} ${r.url} carries the token outside Authorization`).to.equal(false);
  }
  return authorized;
}

/** Everywhere but the request headers and a masked input: the token must be in none of them. */
async function everywhere(extra: Found[] = []): Promise<Found[]> {
  return [
    ...domStrings().visible,
    ...(await storedStrings()),
    ...urlStrings(),
    ...watches.console.lines.map((text, i) => ({ where: `console line ${i}`, text })),
    ...watches.events.events.map((e) => ({ where: `event ${e.type}`, text: e.text })),
    ...watches.clipboard.copied.map((text, i) => ({ where: `clipboard copy ${i}`, text })),
    ...watches.errors.messages.map((text, i) => ({ where: `uncaught error ${i}`, text })),
    ...extra,
  ];
}

// The full playground -------------------------------------------------------------------------------

interface Page {
  pg: CozePlayground;
  app: CozeApiPlayground;
  form: CozeApiForm;
  code: CozeApiCode;
  response: CozeApiResponse;
}

let page: Page;
let container: HTMLElement;

async function mountPage(baseUrl = '/coze-api'): Promise<Page> {
  container?.remove();
  container = document.createElement('div');
  document.body.append(container);
  container.innerHTML = `<coze-playground base-url="${baseUrl}" lang="en"><coze-api-playground></coze-api-playground></coze-playground>`;
  const pg = container.querySelector('coze-playground')!;
  pg.presets = { ...EMULATOR_PRESETS };
  await pg.updateComplete;
  await pg.catalogComplete;
  const app = pg.querySelector('coze-api-playground')!;
  await app.updateComplete;
  const root = app.shadowRoot!;
  return { pg, app, form: root.querySelector('coze-api-form')!, code: root.querySelector('coze-api-code')!, response: root.querySelector('coze-api-response')! };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await Promise.all([page.app, page.form, page.code, page.response].map((el) => el.updateComplete));
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}

function entry(id: string): EndpointEntry {
  return page.pg.loadedCatalog!.entries.find((e) => e.id === id) as EndpointEntry;
}

/** Selects an API (as the tree does), sets its values, presses the code panel's Run and waits for the end. */
async function run(id: string, edit: (v: DraftValues) => void = () => undefined, fault?: string): Promise<void> {
  const { pg, code } = page;
  pg.session.select(id);
  const values = initialValues(entry(id), pg.presets);
  edit(values);
  pg.session.setValues(id, values);
  await settle();
  watches.fetch.fault = fault;
  try {
    code.shadowRoot!.querySelector<HTMLButtonElement>('[part="run"]')!.click();
    const handle = pg.session.run(id);
    expect(handle, `${id} was sent`).to.not.equal(undefined);
    await handle!.done;
  } finally {
    watches.fetch.fault = undefined;
  }
  await settle();
}

/** Types into the form's access-token field, as a user does. */
async function typeToken(token: string): Promise<HTMLInputElement> {
  const input = page.form.shadowRoot!.querySelector<HTMLInputElement>('#f-token')!;
  input.value = token;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle();
  return input;
}

/** The sample code of every language tab of the current API, as shown. */
async function everySample(): Promise<Found[]> {
  const root = page.code.shadowRoot!;
  const out: Found[] = [];
  for (const tab of [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')]) {
    tab.click();
    await settle();
    await waitUntil(() => !root.querySelector('[part="code"] .message'), `${tab.id} sample written`, { timeout: 8000 });
    out.push({ where: `sample ${tab.id}`, text: root.querySelector('[part="code"]')!.textContent ?? '' });
    root.querySelector<HTMLButtonElement>('[part="copy"]')?.click();
  }
  root.querySelector<HTMLButtonElement>('#tab-curl')?.click();
  await settle();
  return out;
}

describe('Secrets', function () {
  this.timeout(60_000);

  describe('the full playground, after runs of every kind', () => {
    const errors: Record<string, string> = {};

    before(async () => {
      localStorage.clear();
      sessionStorage.clear();
      page = await mountPage();
      page.pg.session.select('conversations.create');
      await settle();
      const input = await typeToken(TOKEN);
      expect(input.type, 'the token field is masked').to.equal('password');

      const kinds: Array<[string, string, (v: DraftValues) => void, string?]> = [
        ['json', 'conversations.create', () => undefined],
        ['sse', 'chat.create', (v) => Object.assign(v.body, { stream: true, additional_messages: [{ role: 'user', content: 'hi', content_type: 'text' }] })],
        ['multipart', 'files.upload', (v) => (v.body['file'] = new File(['name,age\nzebra,3\n'], 'notes.csv', { type: 'text/csv' }))],
        ['binary', 'audio.speech.create', (v) => Object.assign(v.body, { input: 'hello', voice_id: EMULATOR_PRESETS.voice_id, response_format: 'wav' })],
        ['coze-4100', 'bots.list', () => undefined, 'code=4100'],
        ['coze-4000', 'conversations.list', () => undefined, 'code=4000'],
        ['http-500', 'workspaces.list', () => undefined, 'status=500'],
        ['html', 'bots.retrieve', () => undefined, 'html'],
        ['broken-json', 'workflows.list', () => undefined, 'broken-json'],
        ['stream-cut', 'workflows.runs.stream', () => undefined, 'cut-after=2'],
        ['reset', 'audio.voices.list', () => undefined, 'reset'],
      ];
      for (const [kind, id, edit, fault] of kinds) {
        await run(id, edit, fault);
        const r = page.pg.session.run(id)!.run;
        errors[kind] = r.error ? `${r.error.kind}` : `status ${r.status}`;
      }

      // A stream stopped by the user.
      const chat = 'chat.create';
      page.pg.session.select(chat);
      page.pg.session.setValues(chat, { ...page.pg.session.values(entry(chat)), body: { ...page.pg.session.values(entry(chat)).body, stream: true } });
      watches.fetch.fault = 'slow=400';
      await settle();
      page.code.shadowRoot!.querySelector<HTMLButtonElement>('[part="run"]')!.click();
      await waitUntil(() => page.pg.session.run(chat)?.run.events.length, 'the stream started', { timeout: 8000 });
      await settle();
      page.code.shadowRoot!.querySelector<HTMLButtonElement>('[part="stop"]')!.click();
      errors['stopped'] = (await page.pg.session.run(chat)!.done).error?.kind ?? 'none';
      watches.fetch.fault = undefined;
      await settle();

      // Copy as curl, from the response's "request as sent".
      const copyCurl = [...page.response.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="request"] button')].find((b) => /curl/i.test(b.textContent ?? ''));
      copyCurl!.click();
      await waitUntil(() => watches.clipboard.copied.some((c) => c.startsWith('curl')), 'curl was copied');
    });

    it('ran every kind, each ending as it should', () => {
      expect(errors).to.deep.equal({
        json: 'status 200',
        sse: 'status 200',
        multipart: 'status 200',
        binary: 'status 200',
        'coze-4100': 'coze',
        'coze-4000': 'coze',
        'http-500': 'http',
        html: 'http',
        'broken-json': 'parse',
        'stream-cut': 'stream-cut',
        reset: 'network',
        stopped: 'aborted',
      });
    });

    it('sent the token as "Authorization: Bearer …" and nowhere else in any request', () => {
      expect(checkRequests(TOKEN)).to.be.greaterThan(11);
    });

    it('keeps it out of the DOM (the field stays masked), storage, the URL, the console, events and errors', async () => {
      expect(leaks(await everywhere(), TOKEN)).to.deep.equal([]);
      const masked = domStrings().masked.filter((m) => m.text.includes(TOKEN));
      expect(masked.map((m) => m.where)).to.deep.equal(['coze-api-form > input#f-token.value']);
    });

    it('keeps it out of every run, the run history and the history list', () => {
      const runs = ['conversations.create', 'chat.create', 'files.upload', 'audio.speech.create', 'bots.list', 'workflows.runs.stream'].map((id) => page.pg.session.run(id)!.run);
      const found: Found[] = [
        ...runs.map((r) => ({ where: `run ${r.id}`, text: stringsIn(r).join('\n') })),
        { where: 'session.history()', text: stringsIn(page.pg.session.history()).join('\n') },
      ];
      expect(page.pg.session.history().length).to.be.greaterThan(10);
      expect(runs.every((r) => r.request.headers['authorization'] === 'Bearer ‹token hidden›')).to.equal(true);
      expect(leaks(found, TOKEN)).to.deep.equal([]);
    });

    it('keeps it out of the sample code of every language, and out of what Copy copies', async () => {
      page.pg.session.select('chat.create');
      await settle();
      const samples = await everySample();
      expect(samples.length).to.be.greaterThan(7);
      expect(samples.every((s) => s.text.includes('{{COZE_API_TOKEN}}') || s.text.includes('COZE_API_TOKEN'))).to.equal(true);
      expect(leaks([...samples, ...(await everywhere())], TOKEN)).to.deep.equal([]);
      expect(watches.events.events.some((e) => e.type === 'coze-code-copy')).to.equal(true);
    });

    it('shows it in the field and the sample code once revealed, and hides it again', async () => {
      const form = page.form.shadowRoot!;
      const reveal = form.querySelector<HTMLButtonElement>('button[aria-controls="f-token"]')!;
      reveal.click();
      await settle();
      expect(form.querySelector<HTMLInputElement>('#f-token')!.type).to.equal('text');
      const shown = leaks(domStrings().visible, TOKEN);
      expect(shown.some((l) => l.startsWith('coze-api-form > input#f-token.value')), 'the field shows it').to.equal(true);
      expect(shown.some((l) => l.startsWith('text in coze-api-code')), 'the sample code shows it').to.equal(true);
      expect(shown.every((l) => /^(coze-api-form > input#f-token\.value|text in coze-api-code)/.test(l)), shown.join('\n')).to.equal(true);
      reveal.click();
      await settle();
      expect(form.querySelector<HTMLInputElement>('#f-token')!.type).to.equal('password');
      expect(leaks(domStrings().visible, TOKEN)).to.deep.equal([]);
    });

    it('asks a token function again after 4100, sending each answer only as Authorization', async () => {
      const asked: boolean[] = [];
      page.pg.session.setToken(({ refresh }) => (asked.push(refresh), TOKEN));
      await settle();
      const before = watches.fetch.sent.length;
      await run('bots.list', () => undefined, 'code=4100');
      expect(asked).to.deep.equal([false, true]);
      expect(watches.fetch.sent.length - before).to.equal(2);
      checkRequests(TOKEN);
      expect(leaks(await everywhere(), TOKEN)).to.deep.equal([]);
    });
  });

  describe('runs that never reach the emulator', () => {
    for (const [name, url, kind] of [
      ['CORS', testEnv.noCorsUrl, 'cors'],
      ['an unreachable host', testEnv.deadUrl, 'network'],
    ] as const) {
      it(`keeps it out of the explanation of ${name}`, async () => {
        page = await mountPage(url);
        page.pg.session.setToken(TOKEN);
        await run('conversations.create');
        const r = page.pg.session.run('conversations.create')!.run;
        expect(r.error?.kind).to.equal(kind);
        checkRequests(TOKEN);
        expect(leaks([{ where: 'run', text: stringsIn(r).join('\n') }, ...(await everywhere())], TOKEN)).to.deep.equal([]);
      });
    }

    after(() => container?.remove());
  });

  describe('the Chat SDK demo', () => {
    it('chats with it while its embed code, events and messages never show it', async () => {
      const pg = await fixture<CozePlayground>(html`<coze-playground base-url="/coze-api" lang="en" .token=${TOKEN}>
        <coze-chat-sdk-demo bot-id=${SEEDED.assistantBotId}></coze-chat-sdk-demo>
      </coze-playground>`);
      const demo = pg.querySelector<CozeChatSdkDemo>('coze-chat-sdk-demo')!;
      await demo.updateComplete;
      const root = demo.shadowRoot!;
      const sentBefore = watches.fetch.sent.length;
      root.querySelector<HTMLButtonElement>('[part~="run"]')!.click();
      await waitUntil(() => root.querySelector('[part~="bubble"]'), 'the bubble shows', { timeout: 10_000 });
      root.querySelector<HTMLButtonElement>('[part~="bubble"]')!.click();
      await waitUntil(() => root.querySelector('textarea.input'), 'the window opens', { timeout: 10_000 });
      const input = root.querySelector<HTMLTextAreaElement>('textarea.input')!;
      input.value = 'What is my token?';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await demo.updateComplete;
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      await waitUntil(() => [...root.querySelectorAll('.msg.bot')].some((m) => m.getAttribute('aria-busy') === 'false' && /no model was called/.test(m.textContent ?? '')), 'the reply streamed', { timeout: 15_000 });
      expect(watches.fetch.sent.length).to.be.greaterThan(sentBefore);
      expect(checkRequests(TOKEN)).to.be.greaterThan(0);
      expect(leaks(await everywhere(), TOKEN)).to.deep.equal([]);
    });

    it('writes a token typed into its options as a placeholder in the code, unless revealed', async () => {
      const other = 'pat_TypedIntoDemo_27182818_zz';
      const pg = await fixture<CozePlayground>(html`<coze-playground base-url="/coze-api" lang="en"><coze-chat-sdk-demo bot-id=${SEEDED.assistantBotId}></coze-chat-sdk-demo></coze-playground>`);
      const demo = pg.querySelector<CozeChatSdkDemo>('coze-chat-sdk-demo')!;
      await demo.updateComplete;
      const root = demo.shadowRoot!;
      const field = root.querySelector<HTMLInputElement>('[part~="configurator"] input[type="password"]')!;
      field.value = other;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await demo.updateComplete;
      const code = () => root.querySelector<HTMLTextAreaElement>('textarea.code')!.value;
      expect(code()).to.contain('{{ACCESS_TOKEN}}');
      expect(leaks(await everywhere(), other)).to.deep.equal([]);
      pg.session.setTokenRevealed(true);
      await demo.updateComplete;
      expect(code()).to.contain(other);
      pg.session.setTokenRevealed(false);
      await demo.updateComplete;
      expect(code()).to.not.contain(other);
    });
  });

  describe('keeping the token (opt-in)', () => {
    afterEach(() => {
      localStorage.removeItem(TOKEN_KEY);
      sessionStorage.removeItem(TOKEN_KEY);
    });

    it('stores it only under its own key where the user opted in, and removes it on opting out', async () => {
      const pg = await fixture<CozePlayground>(html`<coze-playground base-url="/coze-api" lang="en" token-storage="local" .token=${TOKEN}><coze-api-playground></coze-api-playground></coze-playground>`);
      await pg.catalogComplete;
      await pg.session.send(pg.loadedCatalog!.entries.find((e) => e.id === 'conversations.create') as EndpointEntry, pg.currentTransport).done;
      await new Promise((r) => setTimeout(r, 0));
      expect(localStorage.getItem(TOKEN_KEY)).to.equal(TOKEN);
      const stored = (await storedStrings()).filter((f) => f.where !== `localStorage[${TOKEN_KEY}]`);
      expect(leaks(stored, TOKEN), 'nowhere else (drafts, history, the other storage)').to.deep.equal([]);

      pg.tokenStorage = 'session';
      await pg.updateComplete;
      expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(TOKEN);
      expect(localStorage.getItem(TOKEN_KEY)).to.equal(null);

      pg.tokenStorage = 'none';
      await pg.updateComplete;
      expect(leaks(await storedStrings(), TOKEN)).to.deep.equal([]);
      expect(pg.session.token, 'it still works in memory').to.equal(TOKEN);

      const again = await fixture<CozePlayground>(html`<coze-playground token-storage="local"></coze-playground>`);
      expect(again.session.token, 'a new page finds nothing to restore').to.equal(undefined);
    });

    it('never stores a token typed into the form without the opt-in', async () => {
      page = await mountPage();
      page.pg.session.select('bots.list');
      await settle();
      await typeToken(TOKEN);
      await run('bots.list');
      expect(leaks(await storedStrings(), TOKEN)).to.deep.equal([]);
      container.remove();
    });
  });
});

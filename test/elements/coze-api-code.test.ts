/**
 * <coze-api-code> in Chromium, inside a provider whose transport reaches the emulator over HTTP at
 * /coze-api (see web-test-runner.config.mjs).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-api-code.js';
import { grammarImports, highlight } from '../../src/core/code/highlight.js';
import { sdkCode, sdkScenarios } from '../../src/core/code/sdk.js';
import type { EndpointEntry } from '../../src/core/catalog/schema.js';
import { buildRequest, type DraftValues } from '../../src/core/request/build.js';
import type { CozeApiCode } from '../../src/elements/coze-api-code/coze-api-code.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';

/** A token distinctive enough that any leak shows. */
const TOKEN = 'pat_Distinctive_S3cr3t_T0ken_q8w7e6';
const BOT_ID = '7431847190245277732';
const TOOL_BOT_ID = '7431847190245277733';

interface MountOptions {
  lang?: string;
  theme?: string;
  language?: string;
  fetch?: typeof fetch;
}

async function mount(api: string, options: MountOptions = {}): Promise<{ pg: CozePlayground; el: CozeApiCode }> {
  const pg = await fixture<CozePlayground>(html`<coze-playground lang=${options.lang ?? 'en'} theme=${options.theme ?? 'light'} base-url="/coze-api" .token=${TOKEN} .fetch=${options.fetch}>
    <coze-api-code api=${api} language=${options.language ?? 'curl'}></coze-api-code>
  </coze-playground>`);
  await pg.catalogComplete;
  const el = pg.querySelector('coze-api-code')!;
  await el.updateComplete;
  return { pg, el };
}

function shadow(el: CozeApiCode): ShadowRoot {
  return el.shadowRoot!;
}

function part<T extends HTMLElement = HTMLElement>(el: CozeApiCode, name: string): T | null {
  return shadow(el).querySelector<T>(`[part~="${name}"]`);
}

/** The code text once the sample for the current state has been written (and contains `expected`, if given). */
async function codeText(el: CozeApiCode, expected?: string | RegExp): Promise<string> {
  let text = '';
  await waitUntil(
    () => {
      const pre = shadow(el).querySelector('[part="code"] pre');
      text = pre?.textContent ?? '';
      if (!pre) return false;
      return expected === undefined ? true : typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    },
    `code never showed ${String(expected ?? 'anything')}`,
    { timeout: 8000 },
  );
  return text;
}

async function highlighted(el: CozeApiCode): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('[part="code"] pre.shiki:not(.plain) span[class*="hl-c-"]'), 'code was never highlighted', { timeout: 8000 });
}

function entryOf(pg: CozePlayground, id: string): EndpointEntry {
  const entry = pg.loadedCatalog!.entries.find((e) => e.id === id);
  if (entry?.kind !== 'endpoint') throw new Error(`no endpoint ${id}`);
  return entry;
}

function setValues(pg: CozePlayground, id: string, change: (values: DraftValues) => void): DraftValues {
  const values = structuredClone(pg.session.values(entryOf(pg, id)));
  change(values);
  pg.session.setValues(id, values);
  return values;
}

async function clickTab(el: CozeApiCode, language: string): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>(`#tab-${language}`)!.click();
  await el.updateComplete;
}

async function choose(el: CozeApiCode, group: 'variants' | 'scenarios', label: string): Promise<void> {
  const input = [...shadow(el).querySelectorAll<HTMLInputElement>(`[part="${group}"] input`)].find((i) => i.nextElementSibling?.textContent?.trim() === label);
  if (!input) throw new Error(`no ${group} choice "${label}"`);
  input.click();
  await el.updateComplete;
}

/** The JSON a curl sample sends (`--data '…'`, shell quoting undone). */
function curlBody(text: string): unknown {
  const match = /--data '([\s\S]*)'\s*$/.exec(text.trim());
  if (!match) throw new Error(`no --data in ${text}`);
  return JSON.parse(match[1]!.replace(/'\\''/g, "'"));
}

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('<coze-api-code>', () => {
  describe('lazy highlighting', () => {
    it('loads a grammar only when its tab is shown, once', async () => {
      performance.setResourceTimingBufferSize(5000);
      performance.clearResourceTimings();
      const { el } = await mount('bots.retrieve');
      await highlighted(el);
      expect(grammarImports().get('shellscript')).to.equal(1);
      expect(grammarImports().has('go')).to.equal(false);
      expect(grammarImports().has('csharp')).to.equal(false);
      const goChunkRequested = () => performance.getEntriesByType('resource').some((r) => /\/langs\/(dist\/)?go\.mjs/.test(r.name));
      expect(goChunkRequested()).to.equal(false);

      await clickTab(el, 'go');
      await codeText(el, 'net/http');
      await highlighted(el);
      expect(grammarImports().get('go')).to.equal(1);
      expect(goChunkRequested()).to.equal(true);
      expect(grammarImports().has('csharp')).to.equal(false);

      await clickTab(el, 'curl');
      await clickTab(el, 'go');
      await highlighted(el);
      expect(grammarImports().get('go')).to.equal(1);
    });

    it('escapes the code it highlights, in known and unknown languages', async () => {
      const evil = '<img src=x onerror="window.__pwned = 1"> & </code></pre><script>window.__pwned = 2</script>';
      for (const lang of ['javascript', 'no-such-language']) {
        const out = await highlight(evil, lang, 'dark');
        const box = document.createElement('div');
        box.innerHTML = out;
        expect(box.querySelectorAll('img, script').length, lang).to.equal(0);
        expect(box.querySelector('pre')!.textContent, lang).to.equal(evil);
      }
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('shows plain text at once, then the highlighted code', async () => {
      const { el } = await mount('bots.retrieve', { language: 'php' });
      const text = await codeText(el, 'GuzzleHttp');
      expect(text).to.contain('/coze-api/v1/bots/');
      await highlighted(el);
      expect(shadow(el).querySelector('[part="code"] pre')!.textContent).to.equal(text);
    });
  });

  describe('curl matches the form', () => {
    it('has the method, URL with the query, headers and the JSON body of the form', async () => {
      const { pg, el } = await mount('chat.create');
      const values = setValues(pg, 'chat.create', (v) => {
        v.query['conversation_id'] = '7445 026&x';
        v.body['bot_id'] = BOT_ID;
        v.body['user_id'] = 'u_tester';
        v.body['stream'] = true;
        v.body['additional_messages'] = [{ role: 'user', content: "It's 西湖 time", content_type: 'text' }];
      });
      const text = await codeText(el, 'u_tester');
      const url = pg.currentTransport.urlFor(buildRequest(entryOf(pg, 'chat.create'), values));
      expect(url).to.equal(`${location.origin}/coze-api/v3/chat?conversation_id=7445+026%26x`);
      expect(text).to.contain('curl --request POST');
      expect(text).to.contain(`--url '${url}'`);
      expect(text).to.contain("--header 'Authorization: Bearer {{COZE_API_TOKEN}}'");
      expect(text).to.contain("--header 'Content-Type: application/json'");
      const body = curlBody(text) as Record<string, unknown>;
      expect(body['bot_id']).to.equal(BOT_ID);
      expect(body['stream']).to.equal(true);
      expect(body['additional_messages']).to.deep.equal([{ role: 'user', content: "It's 西湖 time", content_type: 'text' }]);
    });

    it('encodes path parameters, and sends no body for a GET', async () => {
      const { pg, el } = await mount('bots.retrieve');
      setValues(pg, 'bots.retrieve', (v) => {
        v.path['bot_id'] = 'a/b c';
        v.query['is_published'] = false;
      });
      const text = await codeText(el, 'a%2Fb%20c');
      expect(text).to.contain('curl --request GET');
      expect(text).to.contain(`--url '${location.origin}/coze-api/v1/bots/a%2Fb%20c?is_published=false'`);
      expect(text).not.to.contain('--data');
    });

    it('changes when the session values change', async () => {
      const { pg, el } = await mount('bots.retrieve');
      await codeText(el, '/v1/bots/7379462189365198898');
      setValues(pg, 'bots.retrieve', (v) => (v.path['bot_id'] = BOT_ID));
      const text = await codeText(el, `/v1/bots/${BOT_ID}`);
      expect(text).not.to.contain('7379462189365198898');
    });

    it('shows multipart fields with file names, and a placeholder before a file is chosen', async () => {
      const { pg, el } = await mount('files.upload');
      expect(await codeText(el, 'file=@path/to/file')).to.contain('--form');
      setValues(pg, 'files.upload', (v) => (v.body['file'] = new File(['hello'], 'cat.png', { type: 'image/png' })));
      const text = await codeText(el, 'file=@cat.png');
      expect(text).not.to.contain('hello');
      await clickTab(el, 'python');
      expect(await codeText(el, 'files = ')).to.contain("open('cat.png', 'rb')");
    });
  });

  describe('languages', () => {
    const signatures: Record<string, string> = {
      curl: 'curl --request GET',
      python: 'import requests',
      javascript: 'await fetch(url, options)',
      node: "require('node-fetch')",
      go: '"net/http"',
      java: 'new OkHttpClient()',
      php: 'new \\GuzzleHttp\\Client()',
      csharp: 'new HttpClient()',
      http: 'GET /coze-api/v1/bots/7379462189365198898?is_published=true HTTP/1.1',
    };

    it('renders every language, each with the request', async () => {
      const { el } = await mount('bots.retrieve');
      const tabs = [...shadow(el).querySelectorAll('[role="tab"]')].map((t) => t.id.replace('tab-', ''));
      expect(tabs).to.deep.equal(Object.keys(signatures));
      for (const [language, signature] of Object.entries(signatures)) {
        await clickTab(el, language);
        const text = await codeText(el, signature);
        expect(text, language).to.contain('7379462189365198898');
        expect(shadow(el).querySelector(`#tab-${language}`)!.getAttribute('aria-selected')).to.equal('true');
      }
      await clickTab(el, 'node');
      await choose(el, 'variants', 'axios');
      expect(await codeText(el, "require('axios')")).to.contain('params: {is_published: ');
    });

    it('moves between tabs with the arrow keys, Home and End', async () => {
      const { el } = await mount('bots.retrieve');
      const tab = (id: string) => shadow(el).querySelector<HTMLElement>(`#tab-${id}`)!;
      tab('curl').focus();
      const press = async (key: string) => {
        shadow(el).activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        await el.updateComplete;
        await el.updateComplete;
      };
      await press('ArrowRight');
      expect(el.language).to.equal('python');
      expect(shadow(el).activeElement).to.equal(tab('python'));
      expect(tab('python').tabIndex).to.equal(0);
      expect(tab('curl').tabIndex).to.equal(-1);
      await press('End');
      expect(shadow(el).activeElement).to.equal(tab('http'));
      await press('ArrowRight');
      expect(shadow(el).activeElement).to.equal(tab('curl'));
      await press('ArrowLeft');
      expect(el.language).to.equal('http');
      await press('Home');
      expect(el.language).to.equal('curl');
    });
  });

  describe('SDK code', () => {
    const expectations: Record<string, Record<string, string[]>> = {
      python: { Streaming: ['coze.chat.stream('], 'Non-streaming': ['coze.chat.create(', 'coze.chat.retrieve(', 'coze.chat.messages.list('], 'Client-side plugin': ['CONVERSATION_CHAT_REQUIRES_ACTION', 'coze.chat.submit_tool_outputs('] },
      javascript: { Streaming: ['client.chat.stream('], 'Non-streaming': ['client.chat.create(', 'client.chat.retrieve(', 'client.chat.messages.list('], 'Client-side plugin': ['CONVERSATION_CHAT_REQUIRES_ACTION', 'client.chat.submitToolOutputs('] },
      go: { Streaming: ['cozeCli.Chat.Stream('], 'Non-streaming': ['cozeCli.Chat.Create(', 'cozeCli.Chat.Retrieve(', 'cozeCli.Chat.Messages.List('], 'Client-side plugin': ['ChatEventConversationChatRequiresAction', 'StreamSubmitToolOutputs('] },
      java: { Streaming: ['coze.chat().stream(req)'], 'Non-streaming': ['coze.chat().createAndPoll(req)'], 'Client-side plugin': ['CONVERSATION_CHAT_REQUIRES_ACTION', 'streamSubmitToolOutputs('] },
    };

    it('offers streaming, non-streaming and plugin samples for chat, with the form’s bot_id and message', async () => {
      const { pg, el } = await mount('chat.create');
      setValues(pg, 'chat.create', (v) => {
        v.body['bot_id'] = TOOL_BOT_ID;
        v.body['additional_messages'] = [{ role: 'user', content: '杭州今天天气怎么样', content_type: 'text' }];
      });
      for (const [language, scenarios] of Object.entries(expectations)) {
        await clickTab(el, language);
        const variants = [...shadow(el).querySelectorAll<HTMLInputElement>('[part="variants"] input')];
        expect(variants[0]!.checked, `${language} starts on its SDK`).to.equal(true);
        const labels = [...shadow(el).querySelectorAll('[part="scenarios"] label')].map((l) => l.textContent!.trim());
        expect(labels).to.deep.equal(['Streaming', 'Non-streaming', 'Client-side plugin']);
        for (const [scenario, fragments] of Object.entries(scenarios)) {
          await choose(el, 'scenarios', scenario);
          const text = await codeText(el, fragments[0]!);
          for (const fragment of fragments) expect(text, `${language} ${scenario}`).to.contain(fragment);
          expect(text, `${language} ${scenario}`).to.contain(TOOL_BOT_ID);
          expect(text, `${language} ${scenario}`).to.contain('杭州今天天气怎么样');
        }
      }
    });

    it('picks the scenario that matches the form’s stream switch until the user picks one', async () => {
      const { pg, el } = await mount('chat.create', { language: 'python' });
      await codeText(el, 'coze.chat.create(');
      const checked = () => shadow(el).querySelector<HTMLInputElement>('[part="scenarios"] input:checked')!.nextElementSibling!.textContent!.trim();
      expect(checked()).to.equal('Non-streaming');
      setValues(pg, 'chat.create', (v) => (v.body['stream'] = true));
      await codeText(el, 'coze.chat.stream(');
      expect(checked()).to.equal('Streaming');
      await choose(el, 'scenarios', 'Client-side plugin');
      setValues(pg, 'chat.create', (v) => (v.body['stream'] = false));
      await codeText(el, 'submit_tool_outputs');
      expect(checked()).to.equal('Client-side plugin');
    });

    it('writes workflow samples with the workflow id and parameters, and HTTP clients beside the SDK', async () => {
      const { pg, el } = await mount('workflows.runs.stream', { language: 'go' });
      setValues(pg, 'workflows.runs.stream', (v) => {
        v.body['workflow_id'] = '7487645233284931999';
        v.body['parameters'] = { city: '苏州' };
      });
      const go = await codeText(el, '7487645233284931999');
      expect(go).to.contain('cozeCli.Workflows.Runs.Stream(');
      expect(go).to.contain('"city": "苏州"');
      expect(go).to.contain('WorkflowEventTypeInterrupt');
      expect(shadow(el).querySelector('[part="scenarios"]')).to.equal(null);
      await choose(el, 'variants', 'net/http');
      expect(await codeText(el, 'http.NewRequest')).to.contain('7487645233284931999');
    });

    it('writes a complete sample for every SDK API, language and scenario, filled with the values', async () => {
      const { pg } = await mount('chat.create');
      const apis = ['chat.create', 'chat.submitToolOutputs', 'workflows.runs.create', 'workflows.runs.stream', 'workflows.runs.resumeStream', 'workflows.chat.stream'];
      let count = 0;
      for (const api of apis) {
        const entry = entryOf(pg, api);
        const request = buildRequest(entry, pg.session.values(entry));
        const required = entry.params.filter((p) => p.required && typeof p.example === 'string').map((p) => p.example as string);
        expect(required.length, api).to.be.greaterThan(0);
        for (const lang of ['python', 'javascript', 'go', 'java'] as const) {
          for (const scenario of sdkScenarios(api)) {
            const code = sdkCode(lang, scenario, { apiId: api, request, baseUrl: 'https://api.coze.cn', locale: 'en' })!;
            const where = `${api} ${lang} ${scenario}`;
            expect(code, where).to.be.a('string');
            for (const value of required) expect(code, where).to.contain(value);
            expect(code, where).not.to.match(/\bundefined\b|\bNaN\b|\[object Object\]/);
            const open = (code.match(/[([{]/g) ?? []).length;
            const close = (code.match(/[)\]}]/g) ?? []).length;
            expect(open, `${where}: brackets`).to.equal(close);
            count++;
          }
        }
      }
      expect(count).to.equal(4 * 9);
    });

    it('says when the raw JSON body cannot become an SDK call', async () => {
      const { pg, el } = await mount('chat.create', { language: 'java' });
      await codeText(el, 'CreateChatReq');
      setValues(pg, 'chat.create', (v) => (v.bodyText = '{"bot_id": '));
      await waitUntil(() => shadow(el).querySelector('[part="code"] [role="alert"]'));
      expect(part(el, 'code')!.textContent).to.contain('not valid JSON');
    });
  });

  describe('token', () => {
    it('never writes the token into any sample unless the user reveals it', async () => {
      const { pg, el } = await mount('chat.create');
      setValues(pg, 'chat.create', (v) => (v.body['bot_id'] = BOT_ID));
      const tabs = [...shadow(el).querySelectorAll('[role="tab"]')].map((t) => t.id.replace('tab-', ''));
      let samples = 0;
      for (const language of tabs) {
        await clickTab(el, language);
        const variants = [...shadow(el).querySelectorAll<HTMLInputElement>('[part="variants"] input')].map((i) => i.nextElementSibling!.textContent!.trim());
        for (const variant of variants.length ? variants : ['']) {
          if (variant) await choose(el, 'variants', variant);
          const scenarios = [...shadow(el).querySelectorAll('[part="scenarios"] label')].map((l) => l.textContent!.trim());
          for (const scenario of scenarios.length ? scenarios : ['']) {
            if (scenario) await choose(el, 'scenarios', scenario);
            const text = await codeText(el, BOT_ID);
            samples++;
            expect(text, `${language} ${variant} ${scenario}`).not.to.contain(TOKEN);
            expect(text, `${language} ${variant} ${scenario}`).to.match(/\{\{COZE_API_TOKEN\}\}|COZE_API_TOKEN/);
          }
        }
      }
      expect(samples).to.be.greaterThan(20);
      expect(shadow(el).textContent).not.to.contain(TOKEN);

      pg.session.setTokenRevealed(true);
      await clickTab(el, 'curl');
      expect(await codeText(el, TOKEN)).to.contain(`Authorization: Bearer ${TOKEN}`);
      expect(part(el, 'footer')!.textContent).to.contain('Your token is written in this code');
      await clickTab(el, 'python');
      await choose(el, 'variants', 'SDK (cozepy)');
      expect(await codeText(el, TOKEN)).to.contain(`TokenAuth(token="${TOKEN}")`);

      pg.session.setTokenRevealed(false);
      expect(await codeText(el, 'os.getenv("COZE_API_TOKEN")')).not.to.contain(TOKEN);
    });
  });

  describe('copy', () => {
    it('puts the code on the clipboard and says so politely', async () => {
      const { el } = await mount('bots.retrieve');
      const text = await codeText(el, 'curl');
      let copied: string | undefined;
      const clipboard = navigator.clipboard;
      const original = Object.getOwnPropertyDescriptor(clipboard, 'writeText');
      Object.defineProperty(clipboard, 'writeText', { configurable: true, value: async (value: string) => void (copied = value) });
      try {
        const event = oneEvent(el, 'coze-code-copy');
        part<HTMLButtonElement>(el, 'copy')!.click();
        const detail = (await event).detail;
        expect(copied).to.equal(text);
        expect(detail).to.include({ api: 'bots.retrieve', language: 'curl', code: text });
        await el.updateComplete;
        expect(part(el, 'copy')!.textContent!.trim()).to.equal('Copied');
        const status = shadow(el).querySelector('[role="status"][aria-live="polite"]')!;
        expect(status.textContent).to.contain('The cURL code is on the clipboard.');
      } finally {
        if (original) Object.defineProperty(clipboard, 'writeText', original);
        else delete (clipboard as unknown as Record<string, unknown>)['writeText'];
      }
    });
  });

  describe('run', () => {
    it('sends the form’s request: a run appears in the session', async () => {
      const { pg, el } = await mount('bots.retrieve');
      setValues(pg, 'bots.retrieve', (v) => (v.path['bot_id'] = BOT_ID));
      await codeText(el, BOT_ID);
      const vetoable = oneEvent(el, 'coze-run');
      part<HTMLButtonElement>(el, 'run')!.click();
      expect((await vetoable).detail.api).to.equal('bots.retrieve');
      const handle = pg.session.run('bots.retrieve')!;
      expect(handle).to.exist;
      const run = await handle.done;
      expect(run.request.url).to.equal(`${location.origin}/coze-api/v1/bots/${BOT_ID}?is_published=true`);
      expect(run.status).to.equal(200);
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')!.textContent).to.contain('Request sent.');
    });

    it('runs with Ctrl+Enter', async () => {
      const { pg, el } = await mount('bots.retrieve');
      await codeText(el);
      shadow(el).querySelector<HTMLElement>('#tab-curl')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
      expect(pg.session.run('bots.retrieve')).to.exist;
      await pg.session.run('bots.retrieve')!.done;
    });

    it('does not send values with problems, and says how many', async () => {
      const { pg, el } = await mount('chat.create');
      setValues(pg, 'chat.create', (v) => (v.body['bot_id'] = ''));
      await codeText(el);
      part<HTMLButtonElement>(el, 'run')!.click();
      await el.updateComplete;
      expect(pg.session.run('chat.create')).to.equal(undefined);
      expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')!.textContent).to.match(/Not sent: \d+ parameter\(s\) need attention/);
    });

    it('shows Running… and Stop during a slow stream; Stop aborts it and returns focus to Run', async () => {
      const slowFetch: typeof fetch = (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('x-coze-emulator-fault', 'slow=100');
        return fetch(input, { ...init, headers });
      };
      const { pg, el } = await mount('chat.create', { fetch: slowFetch });
      setValues(pg, 'chat.create', (v) => {
        v.body['bot_id'] = BOT_ID;
        v.body['stream'] = true;
        v.body['additional_messages'] = [{ role: 'user', content: 'Tell me a long story about the West Lake', content_type: 'text' }];
      });
      await codeText(el, 'Tell me a long story');
      const run = part<HTMLButtonElement>(el, 'run')!;
      run.focus();
      run.click();
      await waitUntil(() => pg.session.run('chat.create')?.run.state === 'streaming', 'the stream never started', { timeout: 8000 });
      await el.updateComplete;
      expect(part(el, 'run')!.textContent!.trim()).to.equal('Running…');
      expect(part(el, 'run')!.getAttribute('aria-disabled')).to.equal('true');
      const stop = part<HTMLButtonElement>(el, 'stop')!;
      expect(stop).to.exist;
      await expect(el).to.be.accessible();
      stop.focus();
      stop.click();
      const finished = await pg.session.run('chat.create')!.done;
      expect(finished.error?.kind).to.equal('aborted');
      await el.updateComplete;
      await el.updateComplete;
      expect(part(el, 'stop')).to.equal(null);
      expect(part(el, 'run')!.textContent!.trim()).to.equal('Run');
      expect(shadow(el).activeElement).to.equal(part(el, 'run'));
      expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')!.textContent).to.contain('Request stopped.');
    });

    it('disables Run for WebSocket, callback and documentation entries, with the reason', async () => {
      for (const [api, reason] of [
        ['websockets.chat', 'WebSocket APIs cannot be run here'],
        ['callbacks.botPublished', 'Coze sends this callback to your server'],
        ['audio.rtc.errorCodes', 'This page is documentation'],
      ] as const) {
        const { el } = await mount(api);
        const run = part<HTMLButtonElement>(el, 'run')!;
        expect(run.disabled, api).to.equal(true);
        const described = shadow(el).getElementById(run.getAttribute('aria-describedby')!)!;
        expect(described.textContent, api).to.contain(reason);
      }
      const { el } = await mount('websockets.chat');
      expect(await codeText(el, '/v1/chat?bot_id=')).to.match(/^ws/);
      const { el: callback } = await mount('callbacks.botPublished');
      expect(await codeText(callback, 'bot.published')).to.contain('"event_type"');
    });
  });

  describe('accessibility', () => {
    it('passes axe in light (zh-CN) with the SDK choices', async () => {
      const { el } = await mount('chat.create', { lang: 'zh-CN', language: 'python' });
      await codeText(el, 'cozepy');
      await highlighted(el);
      expect(shadow(el).textContent).to.contain('示例代码');
      expect(shadow(el).textContent).to.contain('流式响应');
      await expect(el).to.be.accessible();
    });

    it('passes axe in dark (en)', async () => {
      const { el } = await mount('workflows.chat.stream', { theme: 'dark', language: 'javascript' });
      await codeText(el, '@coze/api');
      await highlighted(el);
      expect(shadow(el).querySelector('pre.shiki')!.classList.contains('github-dark')).to.equal(true);
      await expect(el).to.be.accessible();
      await clickTab(el, 'go');
      await codeText(el, 'coze-go');
      await highlighted(el);
      await expect(el).to.be.accessible();
    });

    it('passes axe without a provider, for an entry that cannot run', async () => {
      const el = await fixture<CozeApiCode>(html`<coze-api-code api="websockets.chat" theme="dark" lang="en"></coze-api-code>`);
      await waitUntil(() => shadow(el).querySelector('[part="code"] pre'), 'never showed the address', { timeout: 8000 });
      await expect(el).to.be.accessible();
    });
  });
});

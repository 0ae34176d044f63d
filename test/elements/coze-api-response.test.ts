/**
 * <coze-api-response> in Chromium, inside a provider that talks to the emulator over HTTP
 * (base-url="/coze-api", token pat_emulator). Faults are asked for with a `fetch` wrapper that adds
 * the emulator's fault header; runs start as the Run button starts them (the session sends the
 * form's values), or from the panel's own Retry / Ctrl+Enter.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-api-response.js';
import type { EndpointEntry } from '../../src/core/catalog/schema.js';
import type { DraftValues } from '../../src/core/request/build.js';
import type { PlaygroundSession } from '../../src/core/session.js';
import type { CozeApiResponse } from '../../src/elements/coze-api-response/coze-api-response.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';
import { SEEDED } from '../../src/emulator/seed.js';

const TOKEN = 'pat_emulator';

interface Setup {
  pg: CozePlayground;
  el: CozeApiResponse;
  session: PlaygroundSession;
  entry(id: string): EndpointEntry;
  /** Sends an API with the given values, as the Run button does. */
  run(id: string, values?: (v: DraftValues) => void): void;
}

async function setup(options: { api?: string; fault?: string; fetch?: typeof fetch; lang?: string; theme?: string; token?: string | null } = {}): Promise<Setup> {
  const fault = options.fault;
  const withFault: typeof fetch | undefined =
    options.fetch ??
    (fault
      ? (input, init) => {
          const headers = new Headers(init?.headers);
          headers.set('x-coze-emulator-fault', fault);
          return fetch(input, { ...init, headers });
        }
      : undefined);
  const token = options.token === null ? undefined : (options.token ?? TOKEN);
  const pg = await fixture<CozePlayground>(html`<coze-playground base-url="/coze-api" lang=${options.lang ?? 'en'} theme=${options.theme ?? 'light'} .token=${token} .fetch=${withFault}>
    <coze-api-response api=${options.api ?? ''}></coze-api-response>
  </coze-playground>`);
  await pg.updateComplete;
  await pg.catalogComplete;
  const el = pg.querySelector('coze-api-response')!;
  await el.updateComplete;
  const session = pg.session;
  const entry = (id: string) => pg.loadedCatalog!.entries.find((e): e is EndpointEntry => e.id === id && e.kind === 'endpoint')!;
  const run = (id: string, change?: (v: DraftValues) => void) => {
    const e = entry(id);
    // From the catalogue's first values, whatever an earlier test left in the (shared) storage.
    session.resetValues(id);
    const values = structuredClone(session.values(e));
    change?.(values);
    session.setValues(id, values);
    session.send(e, pg.currentTransport);
  };
  return { pg, el, session, entry, run };
}

const $ = <T extends Element = HTMLElement>(el: CozeApiResponse, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CozeApiResponse, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: CozeApiResponse, label: string | RegExp) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
const state = (el: CozeApiResponse) => $(el, '[part="base"]')!.dataset['state'];
const settled = (el: CozeApiResponse, timeout = 15_000) => waitUntil(() => state(el) === 'done' || state(el) === 'error', 'the run did not finish', { timeout });
const key = (target: Element, k: string, extra: KeyboardEventInit = {}) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...extra }));

const chatValues = (botId: string, question: string) => (v: DraftValues) => {
  v.body['bot_id'] = botId;
  v.body['stream'] = true;
  v.body['additional_messages'] = [{ role: 'user', content: question, content_type: 'text' }];
};

describe('<coze-api-response>', () => {
  describe('states', () => {
    it('says how to run when there is no run yet, and asks for an API when none is selected', async () => {
      const { el, session } = await setup();
      expect(state(el)).to.equal('empty');
      expect(text($(el, '.empty'))).to.contain('Choose an API');
      session.select('audio.voices.list');
      await el.updateComplete;
      expect(text($(el, '.empty'))).to.contain('No response yet');
      expect(text($(el, '.empty'))).to.contain('press Run or Ctrl + Enter');
      await expect(el).to.be.accessible();
    });

    it('shows a spinner and the elapsed time while pending, and can be stopped', async () => {
      const { el, session, run } = await setup({ api: 'audio.voices.list', fault: 'latency=3000' });
      run('audio.voices.list');
      await waitUntil(() => state(el) === 'pending', 'not pending');
      expect($(el, '.spinner')).to.exist;
      expect(text($(el, '[part="summary"]'))).to.match(/Waiting for the response… \d+ ms/);
      await waitUntil(() => /[1-9]\d\d ms|\d\.\d\d s/.test(text($(el, '.elapsed'))), 'the elapsed time does not move', { timeout: 3000 });
      button(el, 'Stop')!.click();
      await settled(el);
      expect(session.run('audio.voices.list')!.run.error!.kind).to.equal('aborted');
      expect(text($(el, '[part="error"]'))).to.contain('The request was canceled');
    });

    it('shows a past run from the history, then the live run again after the next run', async () => {
      const { el, session, run } = await setup({ api: 'audio.voices.list' });
      run('audio.voices.list');
      await settled(el);
      const logid = session.run('audio.voices.list')!.run.logid!;
      run('audio.voices.list');
      await settled(el);
      const past = session.history('audio.voices.list').find((h) => h.logid === logid)!;
      session.reopen(past);
      await el.updateComplete;
      expect(text($(el, '.badge.history'))).to.contain('Past run');
      expect(text($(el, '[part="summary"]'))).to.contain(logid);
      expect(text($(el, '[part="json"]'))).to.contain('"voice_list"');
      run('audio.voices.list');
      await settled(el);
      expect($(el, '.badge.history')).to.equal(null);
      expect(text($(el, '[part="summary"]'))).to.not.contain(logid);
    });

    it('shows a past stream with its events and assembled answer', async () => {
      const { el, session, run } = await setup({ api: 'chat.create' });
      run('chat.create', chatValues(SEEDED.assistantBotId, 'History please'));
      await settled(el);
      const answer = text($(el, '.answer-text'));
      const past = session.history('chat.create')[0]!;
      session.reopen(past);
      await el.updateComplete;
      expect(text($(el, '.badge.history'))).to.contain('Past run');
      expect(text($(el, '.answer-text'))).to.equal(answer);
      expect(text($(el, '[part="events"] h3'))).to.contain(`(${past.events!.length})`);
    });
  });

  describe('JSON responses', () => {
    it('shows status, time, size, log id and content type, and the body as a tree', async () => {
      const { el, session, run } = await setup({ api: 'audio.voices.list' });
      run('audio.voices.list');
      await settled(el);
      const r = session.run('audio.voices.list')!.run;
      const summary = text($(el, '[part="summary"]'));
      expect(summary).to.contain('Status 200 OK');
      expect(summary).to.match(/TTFB \d+ ms · total \d+ ms/);
      expect(summary).to.match(/Size \d+\.\d KB/);
      expect(summary).to.contain(`x-tt-logid ${r.logid}`);
      expect(summary).to.contain('application/json');
      expect($(el, '.status.success')).to.exist;
      const tree = $(el, '[part="json"]')!;
      expect(tree.getAttribute('role')).to.equal('tree');
      expect($$(el, '[role="treeitem"]').length).to.be.greaterThan(5);
      expect(text(tree)).to.contain('"voice_list"');
      const headers = $(el, '[part="headers"]') as HTMLDetailsElement;
      expect(headers.open).to.equal(false);
      expect(text(headers.querySelector('summary'))).to.match(/Response headers \(\d+\)/);
      expect(text(headers)).to.contain('x-tt-logid');
    });

    it('expands and collapses nodes from the keyboard (WAI-ARIA tree)', async () => {
      const { el, run } = await setup({ api: 'audio.voices.list' });
      run('audio.voices.list');
      await settled(el);
      const tree = $(el, '[part="json"]')!;
      tree.focus();
      expect(el.shadowRoot!.activeElement).to.equal(tree);
      const active = () => el.shadowRoot!.getElementById(tree.getAttribute('aria-activedescendant')!)!;
      expect(active().getAttribute('aria-level')).to.equal('1');
      // Move to the first voice (root › code, msg, data › has_more, voice_list › 0).
      const firstVoice = () => $$(el, '[role="treeitem"]').find((r) => /^▸ ?0: \{/.test(text(r)))!;
      for (let i = 0; i < 10 && active() !== firstVoice(); i++) {
        key(tree, 'ArrowDown');
        await el.updateComplete;
      }
      expect(active()).to.equal(firstVoice());
      expect(active().getAttribute('aria-expanded')).to.equal('false');
      const rowsBefore = $$(el, '[role="treeitem"]').length;
      key(tree, 'ArrowRight');
      await el.updateComplete;
      expect(active().getAttribute('aria-expanded')).to.equal('true');
      expect($$(el, '[role="treeitem"]').length).to.be.greaterThan(rowsBefore);
      expect(text(tree)).to.contain('"preview_text"');
      key(tree, 'ArrowRight');
      await el.updateComplete;
      expect(text(active())).to.match(/^"voice_id": "\d+"$/);
      key(tree, 'ArrowLeft');
      await el.updateComplete;
      expect(active().getAttribute('aria-expanded')).to.equal('true');
      key(tree, 'ArrowLeft');
      await el.updateComplete;
      expect(active().getAttribute('aria-expanded')).to.equal('false');
      expect(text(tree)).to.not.contain('"preview_text"');
      key(tree, 'Enter');
      await el.updateComplete;
      expect(active().getAttribute('aria-expanded')).to.equal('true');
      key(tree, 'Home');
      await el.updateComplete;
      expect(active().getAttribute('aria-level')).to.equal('1');
    });

    it('expands and collapses everything, and shows the raw text', async () => {
      const { el, run } = await setup({ api: 'audio.voices.list' });
      run('audio.voices.list');
      await settled(el);
      const count = () => $$(el, '[role="treeitem"]').length;
      const start = count();
      button(el, 'Expand all')!.click();
      await el.updateComplete;
      expect(count()).to.be.greaterThan(start);
      expect($$(el, '[role="treeitem"][aria-expanded="false"]').length).to.equal(0);
      // Collapse all leaves the top level open: its keys (code, msg, data, detail), each folded.
      button(el, 'Collapse all')!.click();
      await el.updateComplete;
      expect(count()).to.equal(5);
      expect($$(el, '[role="treeitem"][aria-expanded="true"]').length).to.equal(1);
      button(el, 'Raw')!.click();
      await el.updateComplete;
      expect(button(el, 'Raw')!.getAttribute('aria-pressed')).to.equal('true');
      expect(text($(el, 'pre.text'))).to.contain('"voice_list": [');
    });

    it('copies the request as curl without the token', async () => {
      const { el, run } = await setup({ api: 'chat.create' });
      run('chat.create', chatValues(SEEDED.assistantBotId, 'curl me'));
      await settled(el);
      const request = $(el, '[part="request"]') as HTMLDetailsElement;
      expect(text(request.querySelector('summary'))).to.contain(`POST ${location.origin}/coze-api/v3/chat`);
      request.open = true;
      expect(text(request)).to.contain('Bearer ‹token hidden›');
      expect(text(request)).to.contain('"bot_id": "7431847190245277732"');
      const copied = oneEvent(el, 'coze-copy');
      button(el, 'Copy as curl')!.click();
      const { detail } = await copied;
      expect(detail.kind).to.equal('curl');
      expect(detail.text).to.contain(`curl \\\n  -N \\\n  '${location.origin}/coze-api/v3/chat'`);
      expect(detail.text).to.contain('-H "Authorization: Bearer $COZE_API_TOKEN"');
      expect(detail.text).to.contain('--data-raw \'{');
      expect(detail.text).to.not.contain(TOKEN);
      expect(el.shadowRoot!.innerHTML).to.not.contain(TOKEN);
    });

    it('copies the log id', async () => {
      const { el, session, run } = await setup({ api: 'audio.voices.list' });
      run('audio.voices.list');
      await settled(el);
      const copied = oneEvent(el, 'coze-copy');
      $<HTMLButtonElement>(el, '.logid button')!.click();
      expect((await copied).detail).to.deep.equal({ kind: 'logid', text: session.run('audio.voices.list')!.run.logid });
    });
  });

  describe('errors', () => {
    it('explains a missing token (4100) with the code, the log id and the service message, and retries', async () => {
      const { pg, el, session } = await setup({ api: 'audio.voices.list', token: null });
      session.resetValues('audio.voices.list');
      // Ctrl+Enter inside the panel runs the API, as the Run button does.
      const started = oneEvent(el, 'coze-run');
      key($(el, '[part="base"]')!, 'Enter', { ctrlKey: true });
      expect((await started).detail.api).to.equal('audio.voices.list');
      await settled(el);
      const error = $(el, '[part="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      const logid = session.run('audio.voices.list')!.run.logid!;
      expect(text(error)).to.contain('Coze error');
      expect(text(error)).to.contain('Authentication failed: the token is wrong, expired or deleted.');
      expect(text(error)).to.contain('Check the access token and that the region');
      expect(text(error)).to.contain('HTTP status 401');
      expect(text(error)).to.contain('Coze code 4100');
      expect(text(error)).to.contain('Service message authentication is invalid');
      expect(text(error)).to.contain(`logid ${logid}`);
      expect(text($(el, '[part="json"]'))).to.contain('4100');
      await expect(el).to.be.accessible();
      pg.token = TOKEN;
      await pg.updateComplete;
      await el.updateComplete;
      const retried = oneEvent(el, 'coze-run');
      button(el, 'Retry')!.click();
      await retried;
      await waitUntil(() => session.run('audio.voices.list')!.run.logid !== logid && state(el) === 'done', 'the retry did not succeed', { timeout: 10_000 });
      expect($(el, '[part="error"]')).to.equal(null);
      expect(text($(el, '[part="summary"]'))).to.contain('Status 200 OK');
    });

    it('shows the explanation in Chinese', async () => {
      const { el, run } = await setup({ api: 'audio.voices.list', token: null, lang: 'zh-CN' });
      run('audio.voices.list');
      await settled(el);
      expect(text($(el, '[part="error"]'))).to.contain('鉴权失败');
      expect(text($(el, '[part="error"]'))).to.contain('扣子错误码 4100');
      expect(button(el, '重试')).to.exist;
    });

    it('shows an HTML error page as text, never rendered', async () => {
      const { el, run } = await setup({ api: 'audio.voices.list', fault: 'html' });
      run('audio.voices.list');
      await settled(el);
      expect(text($(el, '[part="error"]'))).to.contain('The service answered HTTP 502');
      expect(text($(el, '[part="error"]'))).to.contain('An HTML error page came back');
      expect(text($(el, '.status.server'))).to.contain('502');
      expect(text($(el, '.note'))).to.contain('shown as text and never rendered');
      expect(text($(el, 'pre.text'))).to.contain('<!DOCTYPE html><html><head><title>502 Bad Gateway</title>');
      expect($(el, '[part="body"] h1')).to.equal(null);
      expect($(el, '[part="body"] center')).to.equal(null);
    });

    it('explains a broken JSON body and shows what arrived', async () => {
      const { el, run } = await setup({ api: 'audio.voices.list', fault: 'broken-json' });
      run('audio.voices.list');
      await settled(el);
      expect(text($(el, '[part="error"]'))).to.contain('Unreadable response');
      expect(text($(el, '[part="error"]'))).to.contain('says it is JSON, but it cannot be parsed');
      expect(text($(el, '[part="error"]'))).to.contain('The raw text is shown below');
      expect(text($(el, 'pre.text'))).to.contain('{"code":0,"msg":"","data":{"id":"74400000000');
    });

    it('explains a dropped connection', async () => {
      const { el, run } = await setup({ api: 'audio.voices.list', fault: 'reset' });
      run('audio.voices.list');
      await settled(el);
      expect(text($(el, '[part="error"]'))).to.contain('Network error');
      expect(text($(el, '[part="error"]'))).to.contain('Could not reach the service');
      await expect(el).to.be.accessible();
    });

    it('keeps the events of a stream cut mid-way', async () => {
      const { el, run } = await setup({ api: 'chat.create', fault: 'cut-after=6' });
      run('chat.create', chatValues(SEEDED.assistantBotId, 'Cut me off'));
      await settled(el);
      expect(text($(el, '[part="error"]'))).to.contain('Stream cut off');
      expect(text($(el, '[part="events"] h3'))).to.contain('(6)');
      expect(text($(el, '.answer-text'))).to.not.equal('');
    });
  });

  describe('streams', () => {
    it('grows the answer while streaming, and ends with the completed message', async () => {
      const { el, session, run } = await setup({ api: 'chat.create', fault: 'slow=30' });
      run('chat.create', chatValues(SEEDED.assistantBotId, 'Tell me about the West Lake'));
      await waitUntil(() => state(el) === 'streaming' && text($(el, '.answer-text')).length > 10, 'no partial answer', { timeout: 10_000 });
      const partial = $(el, '.answer-text')!.textContent!;
      expect($(el, '[part="answer"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, '[part="summary"]'))).to.contain('streaming…');
      await settled(el, 20_000);
      const final = $(el, '.answer-text')!.textContent!;
      expect(final.length).to.be.greaterThan(partial.length);
      expect(final.startsWith(partial)).to.equal(true);
      const completed = session
        .run('chat.create')!
        .run.events.filter((e) => e.event === 'conversation.message.completed')
        .map((e) => e.json() as { type: string; content: string })
        .find((m) => m.type === 'answer')!;
      expect(final).to.equal(completed.content);
      expect($(el, '[part="answer"]')!.getAttribute('aria-busy')).to.equal('false');
      // Follow-ups as chips, usage and time to first token.
      expect($$(el, '.chip').length).to.be.greaterThan(0);
      expect(text($(el, '.usage'))).to.match(/First token \d+ ms · Input tokens \d+ · Output tokens \d+ · Total tokens \d+/);
    });

    it('shows the reasoning of a thinking bot apart from its answer', async () => {
      const { el, run } = await setup({ api: 'chat.create' });
      run('chat.create', chatValues(SEEDED.reasoningBotId, 'Think first'));
      await settled(el);
      const reasoning = $(el, '[part="reasoning"]') as HTMLDetailsElement;
      expect(reasoning.tagName).to.equal('DETAILS');
      expect(text(reasoning.querySelector('summary'))).to.equal('Reasoning');
      const thought = text(reasoning.querySelector('.reasoning-text'));
      expect(thought).to.contain('The user asked "Think first"');
      expect(text($(el, '.answer-text'))).to.not.contain(thought);
      expect(text($(el, '.answer-text'))).to.contain('Deep Thinker');
      reasoning.querySelector('summary')!.click();
      await el.updateComplete;
      expect(reasoning.open).to.equal(false);
    });

    it('lists events in a timeline, filters them by name, and opens a payload', async () => {
      const { el, session, run } = await setup({ api: 'chat.create' });
      run('chat.create', chatValues(SEEDED.assistantBotId, 'Timeline'));
      await settled(el);
      const events = session.run('chat.create')!.run.events;
      const rows = () => $$(el, '[part="events"] [role="listitem"]');
      // While the stream arrived the list followed it: the last event is in view.
      expect(text(rows().at(-1))).to.match(new RegExp(`^#${events.length - 1} done \\d+ ms "\\[DONE\\]"$`));
      const select = $<HTMLSelectElement>(el, '[part="events"] select')!;
      expect([...select.options].map((o) => text(o))).to.include(`All events (${events.length})`);
      const filter = async (name: string) => {
        select.value = name;
        select.dispatchEvent(new Event('change'));
        await el.updateComplete;
      };
      await filter('conversation.chat.created');
      expect(rows().map(text)).to.have.length(1);
      expect(text(rows()[0])).to.match(/^#0 conversation\.chat\.created \d+ ms \{"id":/);
      await filter('conversation.message.completed');
      const completed = events.filter((e) => e.event === 'conversation.message.completed');
      expect(rows().length).to.equal(completed.length);
      const head = rows()[0]!.querySelector('button')!;
      expect(head.getAttribute('aria-expanded')).to.equal('false');
      head.click();
      await el.updateComplete;
      expect(head.getAttribute('aria-expanded')).to.equal('true');
      expect(text(rows()[0]!.querySelector('.ev-payload'))).to.contain('"conversation_id": "');
      // Keyboard: the rows' buttons are one tab stop; ↓ moves to the next.
      head.focus();
      key(head, 'ArrowDown');
      await el.updateComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(rows()[1]!.querySelector('button'));
    });

    it('renders only the visible rows of 10,000 events', async () => {
      const sse = async () => {
        let body = '';
        for (let i = 0; i < 10_000; i++) body += `event: ${i % 2 ? 'tick' : 'tock'}\ndata: {"n":${i}}\n\n`;
        body += 'event: done\ndata: "[DONE]"\n\n';
        return new Response(body, { headers: { 'content-type': 'text/event-stream', 'x-tt-logid': '20250101000000000000000000000001' } });
      };
      const { el, session, run } = await setup({ api: 'chat.create', fetch: sse });
      run('chat.create', chatValues(SEEDED.assistantBotId, 'many'));
      await session.run('chat.create')!.done;
      await settled(el);
      expect(text($(el, '[part="events"] h3'))).to.contain('(10001)');
      expect($$(el, '[part="events"] [role="listitem"]').length).to.be.lessThan(60);
      const viewport = $(el, '.ev-viewport')!;
      viewport.scrollTop = 28 * 5000;
      viewport.dispatchEvent(new Event('scroll'));
      await waitUntil(() => text($(el, '[part="events"] [role="listitem"]')).includes('#49'), 'scrolling did not move the window');
      expect($$(el, '[part="events"] [role="listitem"]').length).to.be.lessThan(60);
    });

    it('stops a streaming chat: aborts the stream and cancels the chat on the server', async () => {
      const { pg, el, session, run } = await setup({ api: 'chat.create', fault: 'slow=80' });
      run('chat.create', chatValues(SEEDED.assistantBotId, 'A long answer please'));
      await waitUntil(() => text($(el, '.answer-text')).length > 0, 'no answer yet', { timeout: 10_000 });
      button(el, 'Stop')!.click();
      await settled(el);
      const handle = session.run('chat.create')!;
      expect(handle.run.error!.kind).to.equal('aborted');
      expect(text($(el, '[part="error"]'))).to.contain('Stopped');
      await waitUntil(() => text($(el, '.note.cancel')).includes('canceled on the server'), 'no cancel outcome');
      expect(text($(el, '.note.cancel'))).to.contain('status: canceled');
      expect(text($(el, '.answer-text'))).to.not.equal('');
      expect(button(el, 'Stop')).to.equal(undefined);
      // The service agrees: the chat is canceled.
      const created = handle.run.events[0]!.json() as { id: string; conversation_id: string };
      const check = await pg.currentTransport.send({ method: 'GET', path: '/v3/chat/retrieve', query: { conversation_id: created.conversation_id, chat_id: created.id } }).done;
      expect((check.body as { value: { data: { status: string } } }).value.data.status).to.equal('canceled');
    });

    it('asks for tool outputs on requires_action and continues the chat with them', async () => {
      const { el, session, run } = await setup({ api: 'chat.create' });
      run('chat.create', chatValues(SEEDED.toolBotId, 'What is the weather in Hangzhou?'));
      await settled(el);
      const form = $(el, '[part="tool-form"]')!;
      expect(text(form)).to.contain('The chat is waiting for tool outputs');
      expect(text(form.querySelector('.tool-name'))).to.contain('get_weather');
      expect(text(form.querySelector('pre'))).to.equal('{ "location": "Hangzhou" }');
      // An empty output is refused, with the field marked.
      button(el, 'Submit tool outputs')!.click();
      await el.updateComplete;
      const area = form.querySelector('textarea')!;
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      expect(text(form)).to.contain('Enter what the tool returned.');
      expect(session.run('chat.submitToolOutputs')).to.equal(undefined);
      await expect(el).to.be.accessible();
      area.value = '{"temperature":"18℃","condition":"cloudy"}';
      area.dispatchEvent(new Event('input'));
      button(el, 'Submit tool outputs')!.click();
      await el.updateComplete;
      const continuation = session.run('chat.submitToolOutputs')!;
      expect(continuation.run.request.url).to.match(/\/v3\/chat\/submit_tool_outputs\?conversation_id=\d+&chat_id=\d+$/);
      expect(JSON.parse(continuation.run.request.body as string)).to.deep.equal({ stream: true, tool_outputs: [{ tool_call_id: (JSON.parse(JSON.stringify(session.run('chat.create')!.run.events.find((e) => e.event === 'conversation.chat.requires_action')!.json())) as { required_action: { submit_tool_outputs: { tool_calls: Array<{ id: string }> } } }).required_action.submit_tool_outputs.tool_calls[0]!.id, output: '{"temperature":"18℃","condition":"cloudy"}' }] });
      await continuation.done;
      await waitUntil(() => text($(el, '.continuation .answer-text')).includes('18℃'), 'the continuation answer does not mention the output', { timeout: 10_000 });
      expect(text($(el, '.continuation'))).to.contain('Continuation POST /v3/chat/submit_tool_outputs');
      expect(text($(el, '.continuation .answer-text'))).to.contain('cloudy');
      expect(button(el, 'Submitted')!.disabled).to.equal(true);
    });

    it('fills the chat request with a follow-up suggestion', async () => {
      const { el, session, entry, run } = await setup({ api: 'chat.create' });
      run('chat.create', chatValues(SEEDED.assistantBotId, 'Suggest something'));
      await settled(el);
      const chip = $<HTMLButtonElement>(el, '.chip')!;
      const chosen = oneEvent(el, 'coze-follow-up');
      chip.click();
      const { detail } = await chosen;
      expect(detail.text).to.equal(text(chip));
      const values = session.values(entry('chat.create'));
      expect(values.body['additional_messages']).to.deep.equal([{ role: 'user', content: text(chip), content_type: 'text' }]);
      expect(values.query['conversation_id']).to.equal(detail.conversationId);
    });

    it('assembles a workflow stream: node outputs and Done', async () => {
      const { el, run } = await setup({ api: 'workflows.runs.stream' });
      run('workflows.runs.stream', (v) => {
        v.body = { workflow_id: '7431847402117562371', parameters: { input: 'echo this' } };
      });
      await settled(el);
      const answer = $(el, '[part="answer"]')!;
      expect(text(answer.querySelector('h3'))).to.equal('Output');
      expect(text(answer)).to.contain('echo this');
      expect(text(answer)).to.contain('Done');
      expect(answer.querySelector('a')!.href).to.contain('coze.cn/work_flow');
    });
  });

  describe('binary and huge bodies', () => {
    it('plays synthesized speech and offers it for download', async () => {
      const { el, run } = await setup({ api: 'audio.speech.create' });
      run('audio.speech.create', (v) => {
        v.body['response_format'] = 'wav';
        v.body['input'] = '你好，扣子';
      });
      await settled(el);
      const audio = $<HTMLAudioElement>(el, 'audio[part="audio"]')!;
      expect(audio.controls).to.equal(true);
      expect(audio.src).to.match(/^blob:/);
      if (audio.readyState < 1) await oneEvent(audio, 'loadedmetadata');
      expect(audio.duration).to.be.greaterThan(0);
      const link = $<HTMLAnchorElement>(el, '.audio-box a[download]')!;
      expect(link.href).to.equal(audio.src);
      expect(link.getAttribute('download')).to.match(/^audio-speech-create-\d{8}-\d{6}\.wav$/);
      expect(text($(el, '[part="body"]'))).to.contain('audio/wav');
      await expect(el).to.be.accessible();
    });

    it('renders a 20 MB body lazily (a window of rows) and downloads it whole', async () => {
      const { el, session, run } = await setup({ api: 'workspaces.list', fault: 'big=20' });
      run('workspaces.list');
      // Responsiveness is a benchmark budget (npm run bench), not a timed test; this checks the shape.
      await session.run('workspaces.list')!.done;
      await settled(el, 30_000);
      await el.updateComplete;
      expect(session.run('workspaces.list')!.run.size).to.be.greaterThan(20_000_000);
      expect(text($(el, '[part="summary"]'))).to.contain('20.00 MB');
      const rows = $$(el, '[role="treeitem"]');
      expect(rows.length).to.be.lessThan(80);
      expect(text($(el, '[part="json"]'))).to.contain('"data": [');
      expect(text($(el, '[part="json"]'))).to.match(/"data": \[\d{2},\d{3} items/);
      // Big arrays show a page at a time.
      button(el, 'Expand all')!.click();
      await el.updateComplete;
      const tree = $(el, '[part="json"]')!;
      key(tree, 'End');
      await el.updateComplete;
      expect(text($(el, '[part="json"]'))).to.match(/Show 100 more \(\d{2},\d{3} hidden\) ⇣Show all \d{2},\d{3}/);
      expect($$(el, '[role="treeitem"]').length).to.be.lessThan(80);
      // Download: the whole body, as a file.
      const made: Blob[] = [];
      const create = URL.createObjectURL;
      const click = HTMLAnchorElement.prototype.click;
      let name = '';
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        made.push(blob as Blob);
        return create.call(URL, blob);
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        name = this.download;
      };
      try {
        button(el, 'Download')!.click();
      } finally {
        URL.createObjectURL = create;
        HTMLAnchorElement.prototype.click = click;
      }
      expect(made[0]!.size).to.equal(session.run('workspaces.list')!.run.size);
      expect(name).to.match(/^workspaces-list-\d{8}-\d{6}\.json$/);
    });
  });

  describe('accessibility', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`is accessible with a JSON body and an open request (${theme})`, async () => {
        const { el, run } = await setup({ api: 'audio.voices.list', theme });
        run('audio.voices.list');
        await settled(el);
        ($(el, '[part="request"]') as HTMLDetailsElement).open = true;
        ($(el, '[part="headers"]') as HTMLDetailsElement).open = true;
        await expect(el).to.be.accessible();
      });

      it(`is accessible with a finished chat stream (${theme})`, async () => {
        const { el, run } = await setup({ api: 'chat.create', theme });
        run('chat.create', chatValues(SEEDED.reasoningBotId, 'Accessible?'));
        await settled(el);
        $<HTMLButtonElement>(el, '.ev-head')!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });

      it(`is accessible in the error state (${theme})`, async () => {
        const { el, run } = await setup({ api: 'audio.voices.list', theme, fault: 'html' });
        run('audio.voices.list');
        await settled(el);
        await expect(el).to.be.accessible();
      });
    }

    it('uses the dark colours without a provider', async () => {
      const el = await fixture<CozeApiResponse>(html`<coze-api-response theme="dark" lang="en" api="audio.voices.list"></coze-api-response>`);
      await el.updateComplete;
      expect(el.getAttribute('data-theme')).to.equal('dark');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(23, 24, 28)');
      expect(text($(el, '.empty'))).to.contain('No response yet');
    });
  });
});

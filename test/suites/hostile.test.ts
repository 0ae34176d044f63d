/**
 * Suite "Hostile content": a corpus of XSS payloads (./corpus.ts) placed everywhere text arrives from
 * outside — response bodies and headers, stream events, chat answers (markdown), catalogue
 * descriptions and examples, imported OpenAPI documents, error messages, run history, and the embed
 * code the chat configurator reads. Pass: nothing runs (`__pwned` is never called), nothing is
 * requested from the attacker's origin, no live markup appears in the elements, and the text is still
 * there to read.
 *
 * Hostile answers come from a `fetch` that plays a hostile server for some URLs (the emulator answers
 * the rest over HTTP); hostile catalogues and history come in as a host page or a browser would pass them.
 */
import { breaches, deepText, resetFindings, squash, unreadable } from './hostile-kit.js';
import { expect } from '@open-wc/testing';
import { ATTACKER, CORPUS, HEADER_SAFE, type Payload } from './corpus.js';
import { clearSavedState, guarded, mountChat, mountPlayground, text, unmountAll, until, type ChatPage, type PlaygroundPage } from './faults-kit.js';
import { STORAGE_KEYS, type HistoryEntry } from '../../src/core/session.js';
import { defaultOptions } from '../../src/core/chat-sdk/options.js';
import { printSnippet } from '../../src/core/chat-sdk/snippet.js';
import { SEEDED } from '../../src/emulator/seed.js';

const LOGID = '20250101000000000000000000HOSTILE';
const json = (value: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(value), { ...init, headers: { 'content-type': 'application/json', 'x-tt-logid': LOGID, ...(init.headers as Record<string, string>) } });
const sse = (records: Array<[string, unknown]>) =>
  new Response(records.map(([event, data]) => `event: ${event}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`).join(''), {
    headers: { 'content-type': 'text/event-stream', 'x-tt-logid': LOGID },
  });

/** The corpus without its two very long lines (for places that show a bounded excerpt). */
const SHORT = CORPUS.filter((p) => p.family !== 'long');
const allText = (payloads: readonly Payload[] = CORPUS) => payloads.map((p) => p.text).join('\n');
/** How a JSON view writes a string: escaped, between quotes. */
const asJson = (p: Payload) => JSON.stringify(p.text).slice(1, -1);

/** Fails with every breach found under `root`, and every payload id that is not readable. */
function expectSafe(root: Node, unread: string[] = []): void {
  expect(breaches(root), 'nothing runs, loads from the attacker or lives in the markup').to.deep.equal([]);
  expect(unread, 'payloads whose text cannot be read').to.deep.equal([]);
}

/** The page does not grow sideways with a very long line (it wraps or scrolls inside its box). */
function expectContained(page: HTMLElement): void {
  const box = page.closest<HTMLElement>('.suite-page') ?? page;
  expect(box.getBoundingClientRect().width, 'the page stays as wide as the window').to.be.at.most(window.innerWidth + 1);
  expect(document.documentElement.scrollWidth, 'no page-wide horizontal overflow').to.be.at.most(window.innerWidth + 1);
}

const playgroundRoot = (page: PlaygroundPage) => page.provider;
const L = (s: string) => ({ zh: s, en: s });

/**
 * A catalogue whose every text is hostile: one endpoint carrying the whole corpus in its docs,
 * parameters (names, descriptions, examples, enum labels) and response docs; a callback whose sample
 * payload is hostile; and one documentation entry per payload, titled with it.
 */
function hostileCatalog(): Record<string, unknown> {
  const docUrl = `javascript:__pwned('docUrl')`;
  return {
    version: 1,
    title: L(SHORT[0]!.text),
    groups: [{ id: 'hostile', title: L(SHORT[1]!.text), subgroups: [{ id: 'docs', title: L(SHORT[2]!.text) }] }],
    entries: [
      {
        kind: 'endpoint',
        id: 'hostile.all',
        slug: 'hostile_all',
        group: 'hostile',
        title: L(SHORT[3]!.text),
        summary: L(SHORT[4]!.text),
        description: L(allText()),
        notes: SHORT.map((p) => L(p.text)),
        docUrl,
        method: 'POST',
        host: 'api',
        path: '/v1/hostile/{item_id}',
        permission: [SHORT[5]!.text],
        requestBody: 'json',
        params: [
          { in: 'path', name: 'item_id', type: 'string', required: true, example: SHORT[6]!.text, description: L(SHORT[6]!.text) },
          ...SHORT.slice(0, 20).map((p) => ({ in: 'query', name: `q_${p.id}`, type: 'string', required: true, example: p.text, description: L(p.text) })),
          ...SHORT.map((p) => ({ in: 'body', name: p.text, type: 'string', required: true, example: p.text, description: L(p.text) })),
          { in: 'body', name: 'choice', type: 'string', enum: SHORT.slice(0, 10).map((p) => ({ value: p.text, label: L(p.text) })), description: L(SHORT[7]!.text) },
        ],
        response: {
          kind: 'json',
          envelope: 'standard',
          description: L(SHORT[8]!.text),
          fields: SHORT.map((p) => ({ name: p.text, type: 'string', description: L(p.text) })),
          example: { code: 0, msg: '', data: Object.fromEntries(SHORT.map((p) => [p.id, p.text])) },
        },
        stream: 'none',
        mutates: true,
        billable: true,
      },
      {
        kind: 'callback',
        id: 'hostile.callback',
        slug: 'hostile_callback',
        group: 'hostile',
        title: L(SHORT[9]!.text),
        summary: L(SHORT[10]!.text),
        docUrl,
        eventType: SHORT[11]!.text,
        notes: [L(SHORT[12]!.text)],
        payload: { fields: SHORT.map((p) => ({ name: p.text, type: 'string', description: L(p.text) })), example: Object.fromEntries(SHORT.map((p) => [p.text, p.text])) },
      },
      ...CORPUS.map((p, i) => ({ kind: 'doc', id: `hostile.doc${i}`, slug: `hostile_doc_${i}`, group: 'hostile', subgroup: 'docs', title: L(p.text), summary: L(p.text), docUrl })),
    ],
  };
}

/** The same kind of text as an OpenAPI 3 document a host imports. */
function hostileOpenApi(): Record<string, unknown> {
  const schema = { type: 'object', description: SHORT[0]!.text, properties: Object.fromEntries(SHORT.map((p) => [p.text, { type: 'string', description: p.text, example: p.text, enum: [p.text] }])) };
  return {
    openapi: '3.0.3',
    info: { title: SHORT[1]!.text, description: allText(), version: SHORT[2]!.text },
    tags: SHORT.slice(0, 5).map((p) => ({ name: p.text, description: p.text })),
    paths: {
      '/v1/hostile/{item_id}': {
        post: {
          operationId: 'hostileImported',
          tags: [SHORT[0]!.text],
          summary: SHORT[3]!.text,
          description: allText(),
          externalDocs: { url: `javascript:__pwned('externalDocs')` },
          'x-coze-entry': { docUrl: `javascript:__pwned('x-coze-entry')` },
          parameters: [
            { in: 'path', name: 'item_id', required: true, description: SHORT[4]!.text, schema: { type: 'string', example: SHORT[4]!.text } },
            ...SHORT.slice(0, 20).map((p) => ({ in: 'query', name: `q_${p.id}`, required: true, description: p.text, example: p.text, schema: { type: 'string' } })),
          ],
          requestBody: { required: true, content: { 'application/json': { schema, example: Object.fromEntries(SHORT.map((p) => [p.text, p.text])) } } },
          responses: { '200': { description: SHORT[5]!.text, content: { 'application/json': { schema, example: Object.fromEntries(SHORT.map((p) => [p.id, p.text])) } } } },
        },
      },
    },
  };
}

/** Chooses each language tab of the sample code and checks the page after each. */
async function everySample(page: PlaygroundPage): Promise<void> {
  const code = page.code.shadowRoot!;
  for (const tab of [...code.querySelectorAll<HTMLElement>('[part~="tab"]')]) {
    tab.click();
    await page.updated();
    await until(() => /tab-selected/.test(tab.getAttribute('part') ?? '') && !!code.querySelector('[part="code"] pre'), `the ${text(tab)} sample shows`);
    // Highlighting arrives a moment later: let it land before the scan.
    await new Promise((r) => setTimeout(r, 80));
    await page.updated();
    expectSafe(playgroundRoot(page));
  }
}

/** The emulator for everything, except `/v3/chat`, which streams `answer` (with extras). */
function chatAnswering(next: () => { content: string; reasoning?: string; followUps?: string[]; fail?: string }): (url: URL) => Response | undefined {
  return (url) => {
    if (!/\/v3\/chat$/.test(url.pathname)) return undefined;
    const turn = next();
    const chat = { id: '9001', conversation_id: url.searchParams.get('conversation_id'), status: 'in_progress' };
    const message = { id: '9002', type: 'answer', role: 'assistant', content_type: 'text', chat_id: '9001' };
    if (turn.fail) return json({ code: 4000, msg: turn.fail });
    return sse([
      ['conversation.chat.created', { ...chat, status: 'created' }],
      ...(turn.reasoning ? [['conversation.message.delta', { ...message, content: '', reasoning_content: turn.reasoning }] as [string, unknown]] : []),
      ['conversation.message.delta', { ...message, content: turn.content.slice(0, Math.ceil(turn.content.length / 2)) }],
      ['conversation.message.delta', { ...message, content: turn.content.slice(Math.ceil(turn.content.length / 2)) }],
      ['conversation.message.completed', { ...message, content: turn.content, ...(turn.reasoning ? { reasoning_content: turn.reasoning } : {}) }],
      ...(turn.followUps ?? []).map((q): [string, unknown] => ['conversation.message.completed', { ...message, type: 'follow_up', content: q }]),
      ['conversation.chat.completed', { ...chat, status: 'completed' }],
      ['done', '"[DONE]"'],
    ]);
  };
}

/** Text of the chat window as a reader sees it. */
const windowText = (chat: ChatPage) => deepText(chat.$('[part~="window"]'));

describe('Hostile content', () => {
  beforeEach(() => {
    clearSavedState();
    resetFindings();
  });
  afterEach(() => unmountAll());

  describe('the watch itself', () => {
    // The checks below pass only if this watch sees what it must: here it is shown the real thing.
    it(
      'sees code that runs, a request to the attacker, and live markup in a shadow root',
      guarded(async () => {
        const host = document.createElement('div');
        host.className = 'suite-page';
        document.body.append(host);
        const root = host.attachShadow({ mode: 'open' });
        root.innerHTML = `<img src=x onerror="__pwned('selftest')"><p>plain</p>`;
        const picture = document.createElement('img');
        picture.src = `${ATTACKER}/selftest.png`;
        root.append(picture);
        await until(() => breaches(host).some((b) => b.startsWith('ran: __pwned(selftest)')) && breaches(host).some((b) => b.startsWith('request: resource')), 'the watch sees the handler run and the picture load');
        const found = breaches(host);
        expect(found.some((b) => b.includes('event handler onerror'))).to.equal(true);
        expect(found.some((b) => b.includes('points src at the attacker'))).to.equal(true);
        const script = document.createElement('script');
        script.textContent = '1';
        root.append(script);
        await new Promise((r) => setTimeout(r));
        expect(breaches(host).some((b) => b.includes('<script> in <div> is live markup'))).to.equal(true);
        host.remove();
        resetFindings();
        expect(unreadable(SHORT.slice(0, 2), `x ${SHORT[0]!.text} y`, (p) => p.text)).to.deep.equal([SHORT[1]!.id]);
      }),
    );
  });

  describe('in the playground', () => {
    it(
      'response bodies: JSON (values and keys), plain text and an HTML error page',
      guarded(async () => {
        const keyed = Object.fromEntries(SHORT.map((p) => [p.text, p.id]));
        const valued = Object.fromEntries(CORPUS.map((p) => [p.id, p.text]));
        let kind: 'json' | 'text' | 'html' = 'json';
        const page = await mountPlayground({
          answer: (url) => {
            if (!url.pathname.endsWith('/v1/audio/voices')) return undefined;
            if (kind === 'json') return json({ code: 0, msg: '', data: { keys: keyed, values: valued, list: SHORT.map((p) => p.text) } });
            if (kind === 'text') return new Response(allText(), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
            return new Response(`<!DOCTYPE html><html><body>${allText()}</body></html>`, { status: 502, headers: { 'content-type': 'text/html' } });
          },
        });
        await page.choose('audio.voices.list');
        await page.run();
        await page.settled();
        const response = page.response.shadowRoot!;
        // The tree, every node opened (a window of rows is drawn at a time; scroll through it).
        [...response.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Expand all')!.click();
        await page.updated();
        const tree = response.querySelector<HTMLElement>('[part="json"]')!;
        let seen = '';
        for (let top = 0; top <= tree.scrollHeight; top += Math.max(200, tree.clientHeight - 40)) {
          tree.scrollTop = top;
          tree.dispatchEvent(new Event('scroll'));
          await page.updated();
          await new Promise((r) => requestAnimationFrame(r));
          seen += deepText(tree);
        }
        expectSafe(playgroundRoot(page), unreadable(SHORT, seen, asJson));
        // The raw JSON text.
        [...response.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Raw')!.click();
        await page.updated();
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(response.querySelector('pre.text')!), asJson));
        // Plain text, then an HTML error page: shown as text, never rendered.
        for (const next of ['text', 'html'] as const) {
          kind = next;
          await page.run();
          await page.settled();
          const shown = deepText(page.response.shadowRoot!.querySelector('pre.text')!);
          expectSafe(playgroundRoot(page), unreadable(CORPUS, shown, (p) => p.text));
        }
        expect(page.errorText).to.contain('An HTML error page came back');
        expectContained(page.app);
      }),
    );

    it(
      'response headers, status text and log id',
      guarded(async () => {
        const page = await mountPlayground({
          answer: (url) => {
            if (!url.pathname.endsWith('/v1/audio/voices')) return undefined;
            const headers: Record<string, string> = { 'content-type': 'application/json', 'x-tt-logid': HEADER_SAFE[0]!.text };
            for (const p of HEADER_SAFE) headers[`x-hostile-${p.id}`] = p.text;
            return new Response('{"code":0,"msg":"","data":{}}', { status: 200, statusText: HEADER_SAFE[1]!.text, headers });
          },
        });
        await page.choose('audio.voices.list');
        await page.run();
        await page.settled();
        const response = page.response.shadowRoot!;
        (response.querySelector('[part="headers"]') as HTMLDetailsElement).open = true;
        await page.updated();
        expect(HEADER_SAFE.length).to.be.greaterThan(30);
        expectSafe(playgroundRoot(page), unreadable(HEADER_SAFE, deepText(response.querySelector('[part="headers"]')!), (p) => p.text));
        const summary = deepText(response.querySelector('[part="summary"]')!);
        expectSafe(playgroundRoot(page), unreadable(HEADER_SAFE.slice(0, 2), summary, (p) => p.text));
      }),
    );

    it(
      'stream events: answer, reasoning, follow-ups, tool calls, event names, links',
      guarded(async () => {
        const chat = { id: '9001', conversation_id: '9002', status: 'in_progress', debug_url: `javascript:__pwned('debug_url')` };
        const message = (type: string, content: string, extra: Record<string, unknown> = {}) => ({ id: '9003', chat_id: '9001', conversation_id: '9002', role: 'assistant', type, content_type: 'text', content, ...extra });
        const records: Array<[string, unknown]> = [
          ['conversation.chat.created', { ...chat, status: 'created' }],
          ...SHORT.map((p): [string, unknown] => ['conversation.message.delta', message('answer', '', { reasoning_content: `${p.text}\n` })]),
          ...SHORT.map((p): [string, unknown] => ['conversation.message.delta', message('answer', `${p.text}\n`)]),
          ['conversation.message.completed', message('answer', `${SHORT.map((p) => p.text).join('\n')}\n`)],
          ...SHORT.slice(0, 20).map((p): [string, unknown] => ['conversation.message.completed', message('follow_up', p.text)]),
          ...HEADER_SAFE.filter((p) => !p.text.includes('\n')).slice(0, 10).map((p): [string, unknown] => [p.text, { note: p.text }]),
          ['conversation.chat.requires_action', { ...chat, status: 'requires_action', required_action: { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: SHORT.slice(0, 12).map((p, i) => ({ id: `call_${i}`, type: 'function', function: { name: p.text, arguments: JSON.stringify({ q: p.text }) } })) } } }],
          ['done', '"[DONE]"'],
        ];
        const page = await mountPlayground({ answer: (url) => (/\/v3\/chat$/.test(url.pathname) ? sse(records) : undefined) });
        await page.choose('chat.create');
        await page.setField('body', JSON.stringify({ bot_id: SEEDED.assistantBotId, user_id: 'hostile', stream: true, additional_messages: [{ role: 'user', content: 'hi', content_type: 'text' }] }));
        await page.run();
        await page.settled();
        const response = page.response.shadowRoot!;
        await until(() => deepText(response.querySelector('.answer-text')!).includes('h70'), 'the answer is assembled');
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(response.querySelector('.answer-text')!), (p) => p.text));
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(response.querySelector('[part="reasoning"]')!), (p) => p.text));
        expectSafe(playgroundRoot(page), unreadable(SHORT.slice(0, 20), deepText(response.querySelector('.chips')!), (p) => p.text));
        expectSafe(playgroundRoot(page), unreadable(SHORT.slice(0, 12), deepText(response.querySelector('[part="tool-form"]')!), (p) => p.text));
        expect(response.querySelector('[part="answer"] a'), 'a javascript: debug link is not offered').to.equal(null);
        // The timeline lists every event (a window at a time): the names are text too.
        const names = HEADER_SAFE.filter((p) => !p.text.includes('\n')).slice(0, 10);
        const select = response.querySelector<HTMLSelectElement>('[part="events"] select')!;
        expectSafe(playgroundRoot(page), unreadable(names, deepText(select), (p) => p.text));
      }),
    );

    it(
      'a workflow stream: node titles, messages, an interrupt question, and a failure',
      guarded(async () => {
        const records: Array<[string, unknown]> = [
          ...SHORT.map((p): [string, unknown] => ['Message', { content: p.text, node_title: p.text, node_seq_id: '0', node_is_finish: true }]),
          ['Interrupt', { interrupt_data: { event_id: `<img src=x onerror=__pwned('event_id')>`, type: 2 }, node_title: SHORT[0]!.text, content: SHORT[1]!.text }],
          ['Error', { error_code: 4000, error_message: allText(SHORT) }],
          ['Done', { debug_url: `javascript:__pwned('wf_debug')` }],
        ];
        const page = await mountPlayground({ answer: (url) => (url.pathname.endsWith('/v1/workflow/stream_run') ? sse(records) : undefined) });
        await page.choose('workflows.runs.stream');
        await page.setField('body', JSON.stringify({ workflow_id: '7431847402117562371', parameters: {} }));
        await page.run();
        await page.settled();
        const response = page.response.shadowRoot!;
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(response.querySelector('[part="answer"]')!), (p) => p.text));
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(response.querySelector('[part="error"]')!), (p) => p.text));
      }),
    );

    it(
      'error messages: a Coze error, an OAuth-style error and a stream error event',
      guarded(async () => {
        let form: 'coze' | 'oauth' | 'event' = 'coze';
        const page = await mountPlayground({
          answer: (url) => {
            if (!url.pathname.endsWith('/v1/audio/voices')) return undefined;
            if (form === 'coze') return json({ code: 4000, msg: allText(), detail: { logid: LOGID } });
            if (form === 'oauth') return json({ error: SHORT[0]!.text, error_description: allText(SHORT) }, { status: 400 });
            return sse([['error', { code: 4000, msg: allText(SHORT) }]]);
          },
        });
        await page.choose('audio.voices.list');
        for (const next of ['coze', 'oauth', 'event'] as const) {
          form = next;
          await page.run();
          await page.settled();
          expect(page.state).to.equal('error');
          const shown = deepText(page.response.shadowRoot!.querySelector('[part="error"]')!);
          expectSafe(playgroundRoot(page), unreadable(next === 'coze' ? CORPUS : SHORT, shown, (p) => p.text));
        }
        expectContained(page.app);
      }),
    );

    it(
      'run history and drafts from storage: the list, a reopened run, the form and the sample code',
      guarded(async () => {
        const values = { path: {}, query: { page_num: SHORT[0]!.text }, header: {}, body: {} };
        const entries: HistoryEntry[] = [
          {
            runId: 'run-hostile-1',
            apiId: 'conversations.create',
            at: Date.now() - 1000,
            values: { path: {}, query: {}, header: {}, body: { name: SHORT[2]!.text, bot_id: SHORT[3]!.text, meta_data: Object.fromEntries(SHORT.slice(0, 10).map((p) => [p.id, p.text])) } },
            request: { method: 'POST', url: `${location.origin}/coze-api/v1/conversation/create?${SHORT[4]!.text}`, headers: { authorization: 'Bearer ‹token hidden›', [SHORT[5]!.id]: SHORT[5]!.text }, body: JSON.stringify({ name: SHORT[2]!.text }) },
            status: 200,
            logid: SHORT[6]!.text,
            size: 100,
            contentType: SHORT[7]!.text,
            body: { kind: 'text', text: allText(), truncated: false },
            error: { kind: 'coze', message: { zh: SHORT[8]!.text, en: SHORT[8]!.text }, hint: { zh: SHORT[9]!.text, en: SHORT[9]!.text }, code: SHORT[10]!.text, serviceMessage: allText(SHORT) },
          },
          {
            runId: 'run-hostile-2',
            apiId: 'conversations.create',
            at: Date.now() - 2000,
            values: { path: {}, query: {}, header: {}, body: {} },
            request: { method: 'POST', url: `${location.origin}/coze-api/v1/conversation/create`, headers: {} },
            status: 200,
            size: 100,
            body: { kind: 'sse' },
            events: SHORT.map((p, i) => ({ event: 'conversation.message.delta', data: JSON.stringify({ type: 'answer', content: p.text, id: String(i) }), at: i })),
          },
        ];
        localStorage.setItem(STORAGE_KEYS.history, JSON.stringify(entries));
        localStorage.setItem(STORAGE_KEYS.drafts, JSON.stringify({ 'conversations.list': values, 'conversations.create': { path: {}, query: {}, header: {}, body: { name: allText(SHORT.slice(0, 20)) }, bodyText: JSON.stringify({ name: allText(SHORT) }) } }));
        const page = await mountPlayground();
        await page.choose('conversations.create');
        const form = page.form.shadowRoot!;
        const items = [...form.querySelectorAll<HTMLButtonElement>('[part="history"] .run-item')];
        expect(items).to.have.length(2);
        expectSafe(playgroundRoot(page));
        // The hostile draft: in the JSON editor and in the sample code (highlighted, in every language).
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(form), (p) => JSON.stringify(p.text).slice(1, -1)));
        await until(() => deepText(page.code.shadowRoot!.querySelector('[part="code"]')!).includes('h70'), 'the sample code shows the draft');
        for (const tab of [...page.code.shadowRoot!.querySelectorAll<HTMLElement>('[part~="tab"]')]) {
          tab.click();
          await page.updated();
          await until(() => deepText(page.code.shadowRoot!.querySelector('[part="code"]')!).includes('h6'), `the ${text(tab)} sample`);
          await new Promise((r) => setTimeout(r, 50));
          expectSafe(playgroundRoot(page));
        }
        // Reopen the first run: its request, answer and error in the response panel.
        items[0]!.click();
        await customElements.whenDefined('coze-api-response');
        await page.updated();
        const response = page.response.shadowRoot!;
        (response.querySelector('[part="request"]') as HTMLDetailsElement).open = true;
        await page.updated();
        expectSafe(playgroundRoot(page), unreadable(CORPUS, deepText(response.querySelector('pre.text')!), (p) => p.text));
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(response.querySelector('[part="error"]')!), (p) => p.text));
        expectSafe(playgroundRoot(page), unreadable(SHORT.slice(5, 8), deepText(response), (p) => p.text));
        // The second: a stream from history.
        page.form.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="history"] .run-item')[1]!.click();
        await page.updated();
        await until(() => deepText(page.response.shadowRoot!.querySelector('.answer-text') ?? page.response).includes('h70'), 'the past answer shows');
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(page.response.shadowRoot!.querySelector('.answer-text')!), (p) => p.text));
        // A query draft goes into the request URL encoded, never as markup.
        await page.choose('conversations.list');
        await until(() => deepText(page.code.shadowRoot!.querySelector('[part="code"]')!).includes('page_num'), 'the sample code of the list');
        expectSafe(playgroundRoot(page));
      }),
    );

    it(
      'catalogue descriptions and examples: the API list, the form, the sample code, the docs',
      guarded(async () => {
        const page = await mountPlayground({ catalog: hostileCatalog() });
        expect(page.provider.loadedCatalog, 'the hostile catalogue loads').to.exist;
        await page.choose('hostile.all');
        const form = page.form.shadowRoot!;
        // Every field documented and filled with its example; notes, description, response docs.
        [...form.querySelectorAll<HTMLButtonElement>('button')].filter((b) => text(b) === 'Expand all').forEach((b) => b.click());
        await page.updated();
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(form), (p) => p.text));
        expect(form.querySelector('a[href^="javascript"]'), 'no javascript: doc link').to.equal(null);
        await everySample(page);
        // The callback's sample payload, and documentation pages titled with every payload.
        await page.choose('hostile.callback');
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(form), (p) => p.text));
        await page.choose('hostile.doc0');
        expectSafe(playgroundRoot(page));
        const tree = page.tree.shadowRoot!;
        let titles = '';
        const list = tree.querySelector<HTMLElement>('[part="tree"]')!;
        const scroller = (list.closest('[part="base"]') as HTMLElement | null) ?? list;
        for (let top = 0; top <= scroller.scrollHeight; top += 200) {
          scroller.scrollTop = top;
          scroller.dispatchEvent(new Event('scroll'));
          await page.updated();
          await new Promise((r) => requestAnimationFrame(r));
          titles += deepText(list);
        }
        expectSafe(playgroundRoot(page), unreadable(CORPUS, titles, (p) => p.text));
        expectContained(page.app);
      }),
    );

    it(
      'an imported OpenAPI document (fetched from a URL): list, form, docs, sample code',
      guarded(async () => {
        const page = await mountPlayground({ catalog: '/hostile/openapi.json', answer: (url) => (url.pathname === '/hostile/openapi.json' ? json(hostileOpenApi()) : undefined) });
        expect(page.provider.loadedCatalog, 'the hostile document imports').to.exist;
        const id = page.provider.loadedCatalog!.entries[0]!.id;
        await page.choose(id);
        const form = page.form.shadowRoot!;
        [...form.querySelectorAll<HTMLButtonElement>('button')].filter((b) => text(b) === 'Expand all').forEach((b) => b.click());
        await page.updated();
        expectSafe(playgroundRoot(page), unreadable(SHORT, deepText(form), (p) => p.text));
        expect(form.querySelector('a[href^="javascript"]'), 'no javascript: doc link').to.equal(null);
        await everySample(page);
        // The list: the operation's tag as its group, its summary as its title.
        expectSafe(playgroundRoot(page), unreadable([SHORT[0]!, SHORT[3]!], deepText(page.tree), (p) => p.text));
      }),
    );

    it(
      'catalogue errors: a catalogue and an OpenAPI document that do not validate, named by their hostile fields',
      guarded(async () => {
        const bad = hostileCatalog();
        const entries = bad['entries'] as Array<Record<string, unknown>>;
        for (const p of SHORT.slice(0, 30)) entries[0]![p.text] = p.id;
        entries[1]!['kind'] = SHORT[31]!.text;
        const page = await mountPlayground({ catalog: bad });
        expect(page.provider.loadedCatalog).to.equal(undefined);
        const panel = page.provider.shadowRoot!.querySelector('[part="error"]')!;
        expect(panel.getAttribute('role')).to.equal('alert');
        expectSafe(page.provider, unreadable(SHORT.slice(0, 30), deepText(panel), (p) => JSON.stringify(p.text)));
        unmountAll();
        const doc = hostileOpenApi();
        for (const p of SHORT.slice(0, 20)) (doc['paths'] as Record<string, unknown>)[p.text] = { get: { responses: p.text } };
        const again = await mountPlayground({ catalog: doc });
        expect(again.provider.loadedCatalog).to.equal(undefined);
        const shown = again.provider.shadowRoot!.querySelector('[part="error"]')!;
        expectSafe(again.provider, unreadable(SHORT.slice(0, 20), deepText(shown), (p) => JSON.stringify(p.text)));
      }),
    );
  });

  describe('in the Chat SDK demo', () => {
    it(
      'chat answers as markdown (the whole corpus, ten payloads an answer): inert and readable',
      guarded(async () => {
        // Ten payloads an answer, as paragraphs of their own (blank lines between): seven turns.
        const batches: Payload[][] = [];
        for (let i = 0; i < CORPUS.length; i += 10) batches.push(CORPUS.slice(i, i + 10));
        let turn = 0;
        // With the developer timeline on: stream events are listed there too.
        const chat = await mountChat({ events: true, answer: chatAnswering(() => ({ content: batches[turn++]!.map((p) => p.text).join('\n\n') })) });
        await chat.open();
        const unread: string[] = [];
        for (const [i, batch] of batches.entries()) {
          await chat.send(`question ${i}`);
          await chat.replied('', i + 1, 20_000);
          const shown = squash(deepText(chat.replies.at(-1)!.querySelector('.md') ?? chat.replies.at(-1)!));
          for (const p of batch) if (!shown.includes(squash(p.md ?? p.text).slice(0, 300))) unread.push(`${p.id}: ${shown.slice(0, 160)}`);
        }
        // Code blocks are highlighted in a worker: let the last ones land before the final scan.
        await new Promise((r) => setTimeout(r, 200));
        expect(deepText(chat.$('[part~="timeline"]'))).to.contain('conversation.message.delta');
        expectSafe(chat.el, unread);
        expectContained(chat.el);
      }, 120_000),
    );

    it(
      'the visitor’s own messages, reasoning, follow-ups, conversation titles and error messages',
      guarded(async () => {
        let turn = 0;
        const chat = await mountChat({
          answer: chatAnswering(() => (turn++ === 0 ? { content: 'ok', reasoning: allText(SHORT), followUps: SHORT.slice(0, 6).map((p) => p.text) } : { content: '', fail: allText(SHORT) })),
        });
        chat.el.shadowRoot!.querySelector<HTMLInputElement>('#field-conversations')!.checked = true;
        chat.el.shadowRoot!.querySelector<HTMLInputElement>('#field-conversations')!.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        await chat.updated();
        await chat.open();
        await chat.send(allText(SHORT));
        await chat.replied('ok', 1);
        chat.$<HTMLButtonElement>('.reasoning-toggle').click();
        await chat.updated();
        expectSafe(chat.el, unreadable(SHORT, deepText(chat.$('.msg.user')), (p) => p.text));
        expectSafe(chat.el, unreadable(SHORT, deepText(chat.$('.reasoning-text')), (p) => p.text));
        expectSafe(chat.el, unreadable(SHORT.slice(0, 6), deepText(chat.$('.chips')), (p) => p.text));
        chat.$<HTMLButtonElement>('[aria-label="Conversations"]').click();
        await chat.updated();
        expectSafe(chat.el, unreadable(SHORT.slice(0, 1), deepText(chat.$('[part~="conversations"]')), (p) => p.text.slice(0, 20)));
        await chat.send('and now fail');
        await chat.failed(1);
        expectSafe(chat.el, unreadable(SHORT, deepText(chat.errorCards[0]!), (p) => p.text));
        expectContained(chat.el);
      }, 60_000),
    );

    it(
      'the embed code the configurator reads: the form, the window, and code it cannot read',
      guarded(async () => {
        const chat = await mountChat();
        const options = defaultOptions({ botId: SEEDED.assistantBotId, token: '', userId: SHORT[0]!.text, lang: 'en' }) as Record<string, Record<string, unknown>>;
        const ui = options['ui'] as Record<string, Record<string, unknown>>;
        ui['chatBot'] = { ...ui['chatBot'], title: SHORT[1]!.text };
        ui['footer'] = { isShow: true, expressionText: `${SHORT[2]!.text} {{a}} {{b}}`, linkvars: { a: { text: SHORT[3]!.text, link: `javascript:__pwned('footer')` }, b: { text: SHORT[4]!.text, link: `data:text/html,<script>__pwned('footer-data')</script>` } } };
        ui['base'] = { ...ui['base'], icon: `javascript:__pwned('icon')` };
        options['userInfo'] = { ...options['userInfo'], nickname: SHORT[5]!.text, url: `${ATTACKER}/avatar.png` };
        const print = () => printSnippet({ options: options as never, version: '1.2.0-beta.19', region: 'cn' }, { token: '', revealed: false });
        const code = print();
        const editor = chat.$<HTMLTextAreaElement>('textarea.code');
        editor.value = code;
        editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await chat.updated();
        expect(chat.root.querySelector('.code-error'), 'the code reads').to.equal(null);
        expectSafe(chat.el, unreadable(SHORT.slice(0, 6), deepText(chat.$('[part~="configurator"]')), (p) => p.text));
        // The icon and avatar must be http(s) addresses: Run refuses and says which fields.
        chat.$<HTMLButtonElement>('[part~="run"]').click();
        await chat.updated();
        expect(chat.root.querySelector('[part~="bubble"]')).to.equal(null);
        expectSafe(chat.el);
        // Without the bad addresses, the window shows the hostile title, nickname and footer as text.
        expect(text(chat.$('[part~="configurator"]'))).to.contain('Must be an http(s) address.');
        ui['base'] = { ...ui['base'], icon: 'https://example.com/icon.png' };
        options['userInfo'] = { ...options['userInfo'], url: 'https://example.com/avatar.png' };
        editor.value = print();
        editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await chat.updated();
        await chat.open();
        await chat.send('hello');
        await chat.replied('', 1);
        expectSafe(chat.el, unreadable([SHORT[1]!, SHORT[2]!, SHORT[3]!, SHORT[4]!], windowText(chat), (p) => p.text));
        // The nickname is said to screen readers before each message (on screen: its first letter).
        expect(chat.$('.msg.user').textContent).to.contain(`${SHORT[5]!.text}:`);
        expect(chat.root.querySelector('footer a'), 'no footer link with a javascript: or data: address').to.equal(null);
        // Code that cannot be read: the error names the place, quoting hostile code as text.
        editor.value = `${code.slice(0, code.indexOf('({') + 2)} ${SHORT[0]!.text} ${CORPUS[57]!.text}`;
        editor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await chat.updated();
        expect(chat.root.querySelector('.code-error')).to.exist;
        expectSafe(chat.el);
        expectContained(chat.el);
      }, 60_000),
    );
  });
});

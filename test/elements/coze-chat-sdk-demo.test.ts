import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-chat-sdk-demo.js';
import type { CozeChatSdkDemo } from '../../src/elements/coze-chat-sdk-demo/coze-chat-sdk-demo.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';
import { SEEDED } from '../../src/emulator/seed.js';
import { SEEDED_WORKFLOWS } from '../../src/emulator/handlers/workflows.js';
import { LiteralError, parseLiteral, printLiteral, RawCode } from '../../src/core/chat-sdk/literal.js';
import { defaultOptions, footerSegments, resolveOptions, TOKEN_PLACEHOLDER } from '../../src/core/chat-sdk/options.js';
import { parseSnippet, printSnippet } from '../../src/core/chat-sdk/snippet.js';
import { ReplyAssembler } from '../../src/core/chat-sdk/assemble.js';
import { IncrementalMarkdown, lexMarkdown } from '../../src/core/chat-sdk/markdown.js';

const testEnv = (window as unknown as { __TEST_ENV__: { deadUrl: string } }).__TEST_ENV__;

// Helpers ------------------------------------------------------------------------------------------

interface MountOptions {
  lang?: 'en' | 'zh-CN';
  theme?: 'light' | 'dark';
  botId?: string;
  fetch?: typeof fetch;
  events?: boolean;
}

/** A playground on the emulator (over HTTP at /coze-api) with the Chat SDK demo inside. */
async function mount(options: MountOptions = {}): Promise<CozeChatSdkDemo> {
  const pg = await fixture<CozePlayground>(
    html`<coze-playground base-url="/coze-api" lang=${options.lang ?? 'en'} theme=${options.theme ?? 'light'} .token=${'pat_emulator'} .fetch=${options.fetch}>
      <coze-chat-sdk-demo bot-id=${options.botId ?? SEEDED.assistantBotId} ?show-events=${options.events ?? false}></coze-chat-sdk-demo>
    </coze-playground>`,
  );
  const el = pg.querySelector('coze-chat-sdk-demo')!;
  await el.updateComplete;
  return el;
}

/** A `fetch` that asks the emulator to misbehave (`x-coze-emulator-fault`). */
function faulty(fault: string): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('x-coze-emulator-fault', fault);
    return fetch(input, { ...init, headers });
  };
}

const root = (el: CozeChatSdkDemo) => el.shadowRoot!;
function $<T extends Element = HTMLElement>(el: CozeChatSdkDemo | ParentNode, selector: string): T {
  const scope = 'shadowRoot' in el && (el as CozeChatSdkDemo).shadowRoot ? (el as CozeChatSdkDemo).shadowRoot! : (el as ParentNode);
  const found = scope.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}
const all = <T extends Element = HTMLElement>(el: CozeChatSdkDemo, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const codeOf = (el: CozeChatSdkDemo) => $<HTMLTextAreaElement>(el, 'textarea.code').value;

async function type(el: CozeChatSdkDemo, input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function change(el: CozeChatSdkDemo, input: HTMLInputElement | HTMLSelectElement, value: string | boolean): Promise<void> {
  if (typeof value === 'boolean') (input as HTMLInputElement).checked = value;
  else input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Run, then open the window from the bubble. */
async function openChat(el: CozeChatSdkDemo): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="run"]').click();
  // The chat (client, window, markdown) loads when the preview first starts.
  await until(() => el.shadowRoot!.querySelector('[part~="bubble"]') !== null, 'the bubble shows');
  $<HTMLButtonElement>(el, '[part~="bubble"]').click();
  await until(() => el.shadowRoot!.querySelector('textarea.input') !== null, 'the window opens');
  await el.updateComplete;
}

async function send(el: CozeChatSdkDemo, message: string): Promise<void> {
  const input = $<HTMLTextAreaElement>(el, 'textarea.input');
  await type(el, input, message);
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await el.updateComplete;
}

const replies = (el: CozeChatSdkDemo) => all(el, '.msg.bot');
const lastReply = (el: CozeChatSdkDemo) => replies(el).at(-1);
const replyText = (el: CozeChatSdkDemo) => text(lastReply(el)?.querySelector('.md'));

/** Waits until reply number `count` (1-based) is complete and is the last, containing `words`. */
async function replied(el: CozeChatSdkDemo, words: string, count = 1): Promise<void> {
  await until(
    () => replies(el).length === count && lastReply(el)?.getAttribute('aria-busy') === 'false' && replyText(el).includes(words) && !el.shadowRoot!.querySelector('[part~="stop"]'),
    `reply ${count}, complete, with “${words}”`,
  );
}

async function until(check: () => boolean, message: string, timeout = 15_000): Promise<void> {
  await waitUntil(check, message, { timeout, interval: 20 });
}

/** An SSE response with these events (for answers the emulator would never write). */
function sse(records: Array<[string, unknown]>): Response {
  const body = records.map(([event, data]) => `event:${event}\ndata:${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`).join('');
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

/** The emulator for everything, except `/v3/chat`, which streams this answer. */
function answering(content: string): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('/v3/chat?')) return fetch(input, init);
    const chat = { id: '9001', conversation_id: new URL(url).searchParams.get('conversation_id'), status: 'in_progress' };
    const message = { id: '9002', type: 'answer', role: 'assistant', content_type: 'text', chat_id: '9001' };
    return sse([
      ['conversation.chat.created', { ...chat, status: 'created' }],
      ['conversation.chat.in_progress', chat],
      ...[...content].reduce<string[]>((pieces, c, i) => (i % 9 === 0 ? [...pieces, c] : [...pieces.slice(0, -1), pieces.at(-1) + c]), []).map((piece): [string, unknown] => ['conversation.message.delta', { ...message, content: piece }]),
      ['conversation.message.completed', { ...message, content }],
      ['conversation.chat.completed', { ...chat, status: 'completed' }],
      ['done', '"[DONE]"'],
    ]);
  };
}

// Core ---------------------------------------------------------------------------------------------

describe('chat-sdk core', () => {
  it('reads the JavaScript object-literal subset without running it', () => {
    const value = parseLiteral(`{
      // a comment
      bot_id: '743', "quoted": "a\\nb", n: -1.5e2, ok: true, nothing: null, gone: undefined,
      list: [1, 'two', { three: 3 },],
      onRefreshToken: function () { return 'x'; },
      arrow: () => fetchToken(),
      el: document.getElementById('chat'),
      method() { return 1 },
      /* block */ tpl: \`plain\`,
    }`);
    expect(value).to.deep.include({ bot_id: '743', quoted: 'a\nb', n: -150, ok: true, nothing: null, tpl: 'plain' });
    const v = value as Record<string, unknown>;
    expect(v['list']).to.deep.equal([1, 'two', { three: 3 }]);
    expect((v['onRefreshToken'] as RawCode).source).to.equal("function () { return 'x'; }");
    expect((v['arrow'] as RawCode).source).to.equal('() => fetchToken()');
    expect((v['el'] as RawCode).source).to.equal("document.getElementById('chat')");
    expect((v['method'] as RawCode).source).to.equal('function () { return 1 }');
  });

  it('says where code cannot be read, with line and column', () => {
    const cases: Array<[string, number, number, string]> = [
      ['{\n  a: 1\n  b: 2\n}', 3, 3, 'Expected “,” or “}” but found “b”.'],
      ["{ a: 'open }", 1, 6, 'A string is not closed'],
      ['{ a: [1, 2 }', 1, 12, 'Expected “,” or “]” but found “}”.'],
      ['{ a: `x${y}` }', 1, 8, 'not supported'],
      ['{ a: 1', 1, 1, 'An object is not closed'],
      ['{ ...rest }', 1, 3, 'Spread syntax'],
    ];
    for (const [source, line, column, message] of cases) {
      let error: unknown;
      try {
        parseLiteral(source);
      } catch (err) {
        error = err;
      }
      expect(error, source).to.be.instanceOf(LiteralError);
      const e = error as LiteralError;
      expect([e.line, e.column], source).to.deep.equal([line, column]);
      expect(e.text.en, source).to.contain(message);
      expect(e.text.zh, source).to.not.equal('');
    }
  });

  it('prints options and reads them back unchanged, the token kept out of the code', () => {
    const options = { ...defaultOptions({ botId: '7431', token: 'pat_secret_123', lang: 'en' }), extra: { webChat: { tag: 'x' } } };
    const hidden = printSnippet({ options, version: '1.2.0-beta.19', region: 'cn' }, { token: 'pat_secret_123', revealed: false });
    expect(hidden).to.contain('https://lf-cdn.coze.cn/obj/unpkg/flow-platform/chat-app-sdk/1.2.0-beta.19/libs/cn/index.js');
    expect(hidden).to.not.contain('pat_secret_123');
    expect(hidden).to.contain(`token: '${TOKEN_PLACEHOLDER}'`);
    const back = parseSnippet(hidden, { token: 'pat_secret_123', version: 'x', region: 'oversea' });
    expect(back.ok).to.equal(true);
    if (!back.ok) return;
    expect(back.snippet.version).to.equal('1.2.0-beta.19');
    expect(back.snippet.region).to.equal('cn');
    expect(printLiteral(back.snippet.options)).to.equal(printLiteral(options));
    const shown = printSnippet(back.snippet, { token: 'pat_secret_123', revealed: true });
    expect(shown.match(/pat_secret_123/g)).to.have.length(2);
    const again = parseSnippet(shown, { token: 'pat_secret_123', version: 'x', region: 'cn' });
    expect(again.ok && printLiteral(again.snippet.options)).to.equal(printLiteral(options));
  });

  it('resolves options with defaults and the older componentProps spelling', () => {
    const r = resolveOptions({ config: { bot_id: '1' }, componentProps: { title: 'Old title', layout: 'mobile' }, ui: { asstBtn: { isNeed: false } } });
    expect(r).to.deep.include({ title: 'Old title', layout: 'mobile', bubble: false, header: true, uploadable: true, feedback: false, width: 460 });
    expect(r.target).to.deep.equal({ type: 'bot', botId: '1' });
    expect(footerSegments('By {{a}} and {{b}}', { a: { text: 'A', link: 'https://a.example' }, b: { text: 'B', link: 'javascript:alert(1)' } })).to.deep.equal(['By ', { text: 'A', href: 'https://a.example/' }, ' and ', 'B']);
  });

  it('assembles a reply from stream events: answer, reasoning, follow-ups, tool calls', () => {
    const a = new ReplyAssembler();
    const ev = (event: string, data: unknown) => ({ event, json: () => data });
    a.push(ev('conversation.chat.created', { id: 'c1', conversation_id: 'v1', status: 'created' }));
    a.push(ev('conversation.message.delta', { id: 'm1', type: 'answer', content: '', reasoning_content: 'hmm ' }));
    a.push(ev('conversation.message.delta', { id: 'm1', type: 'answer', content: 'Hel' }));
    a.push(ev('conversation.message.delta', { id: 'm1', type: 'answer', content: 'lo' }));
    a.push(ev('conversation.message.completed', { id: 'm1', type: 'answer', content: 'Hello' }));
    a.push(ev('conversation.message.completed', { id: 'm2', type: 'follow_up', content: 'More?' }));
    a.push(ev('conversation.chat.requires_action', { id: 'c1', status: 'requires_action', required_action: { submit_tool_outputs: { tool_calls: [{ id: 't1', function: { name: 'get_weather', arguments: '{"location":"Hangzhou"}' } }] } } }));
    expect(a.reply).to.deep.include({ chatId: 'c1', conversationId: 'v1', messageId: 'm1', content: 'Hello', reasoning: 'hmm ', status: 'requires_action' });
    expect(a.reply.followUps).to.deep.equal(['More?']);
    expect(a.reply.toolCalls).to.deep.equal([{ id: 't1', name: 'get_weather', arguments: '{"location":"Hangzhou"}' }]);
  });

  it('lexes a growing answer incrementally, keeping settled blocks', () => {
    const md = new IncrementalMarkdown();
    const full = '# Title\n\nFirst paragraph.\n\n- a\n- b\n\n```ts\nconst x = 1;\n```\n\nLast words.';
    let previous: readonly unknown[] = [];
    for (let i = 1; i <= full.length; i += 3) {
      const tokens = md.lex(full.slice(0, i));
      // Blocks that settled keep their identity as text is appended.
      const kept = previous.slice(0, Math.max(0, previous.length - 2));
      kept.forEach((t, j) => expect(tokens[j]).to.equal(t));
      previous = tokens;
    }
    const finalTokens = md.lex(full);
    expect(finalTokens.map((t) => t.type)).to.deep.equal(lexMarkdown(full).map((t) => t.type));
  });
});

// The element --------------------------------------------------------------------------------------

describe('<coze-chat-sdk-demo>', () => {
  describe('configurator and code', () => {
    it('rewrites the code as the form changes', async () => {
      const el = await mount();
      expect(codeOf(el)).to.contain(`bot_id: '${SEEDED.assistantBotId}'`);
      await type(el, $<HTMLInputElement>(el, '#field-title'), 'Help desk');
      expect(codeOf(el)).to.contain("title: 'Help desk'");
      await change(el, $<HTMLSelectElement>(el, '#field-layout'), 'mobile');
      expect(codeOf(el)).to.contain("layout: 'mobile'");
      await change(el, $<HTMLInputElement>(el, '#field-conversations'), true);
      expect(codeOf(el)).to.match(/conversations: \{\s+isNeed: true,/);
      await change(el, $<HTMLInputElement>(el, '#field-feedback'), true);
      expect(codeOf(el)).to.match(/feedback: \{\s+isNeedFeedback: true,/);
      await change(el, $<HTMLSelectElement>(el, '#field-type'), 'app');
      await type(el, $<HTMLInputElement>(el, '#field-appId'), '7440000000000000001');
      await type(el, $<HTMLInputElement>(el, '#field-workflowId'), '7431847402117562371');
      expect(codeOf(el)).to.contain("type: 'app'").and.contain("appId: '7440000000000000001'").and.contain("workflowId: '7431847402117562371'").and.not.contain('bot_id');
    });

    it('updates the form from edited code, keeping what the form does not know', async () => {
      const el = await mount();
      const editor = $<HTMLTextAreaElement>(el, 'textarea.code');
      const edited = codeOf(el)
        .replace(`bot_id: '${SEEDED.assistantBotId}'`, `bot_id: '${SEEDED.toolBotId}'`)
        .replace("layout: 'pc'", "layout: 'mobile'")
        .replace('ui: {', "extra: { webChat: { source: 'docs' } },\n    ui: {");
      const changed = oneEvent(el, 'coze-chat-sdk-change');
      await type(el, editor, edited);
      expect((await changed).detail.options).to.have.property('extra');
      expect($<HTMLInputElement>(el, '#field-botId').value).to.equal(SEEDED.toolBotId);
      expect($<HTMLSelectElement>(el, '#field-layout').value).to.equal('mobile');
      // Edits in the form keep the extra key the form has no field for.
      await type(el, $<HTMLInputElement>(el, '#field-title'), 'Weather');
      expect(codeOf(el)).to.contain("source: 'docs'").and.contain("title: 'Weather'").and.contain(`bot_id: '${SEEDED.toolBotId}'`);
    });

    it('explains code it cannot read (line and column), and loses nothing', async () => {
      const el = await mount();
      const before = $<HTMLInputElement>(el, '#field-botId').value;
      const lines = codeOf(el).split('\n');
      const at = lines.findIndex((l) => l.includes('bot_id'));
      lines[at] = lines[at]!.replace(/,$/, '');
      lines.splice(at + 1, 0, "      name: 'missing comma above',");
      const broken = lines.join('\n');
      await type(el, $<HTMLTextAreaElement>(el, 'textarea.code'), broken);
      const alert = $(el, '.code-error[role="alert"]');
      expect(text(alert)).to.contain(`Line ${at + 2}, column 7: Expected “,” or “}” but found “name”.`);
      expect($<HTMLTextAreaElement>(el, 'textarea.code').value).to.equal(broken);
      expect($<HTMLTextAreaElement>(el, 'textarea.code').getAttribute('aria-invalid')).to.equal('true');
      expect($<HTMLInputElement>(el, '#field-botId').value).to.equal(before);
      expect(text($(el, '.gutter .error-line'))).to.equal(String(at + 2));
      // Fixed code reads again.
      await type(el, $<HTMLTextAreaElement>(el, 'textarea.code'), broken.replace("missing comma above',", "fixed',").replace(`'${before}'`, `'${before}',`));
      expect(root(el).querySelector('.code-error')).to.equal(null);
      // A bad edit, then the form's version back.
      await type(el, $<HTMLTextAreaElement>(el, 'textarea.code'), 'new CozeWebSDK.WebChatClient({ config: { bot_id: 1 ');
      expect(text($(el, '.code-error'))).to.contain('An object is not closed');
      $<HTMLButtonElement>(el, '.code-error button').click();
      await el.updateComplete;
      expect(codeOf(el)).to.contain('new CozeWebSDK.WebChatClient({');
      expect(root(el).querySelector('.code-error')).to.equal(null);
    });

    it('keeps the token out of the code until it is revealed, and copies the code', async () => {
      const el = await mount();
      el.token = 'pat_secret_abc123';
      await el.updateComplete;
      expect(codeOf(el)).to.not.contain('pat_secret_abc123');
      expect(codeOf(el)).to.contain(TOKEN_PLACEHOLDER);
      // The placeholder in edited code keeps the real token.
      await type(el, $<HTMLTextAreaElement>(el, 'textarea.code'), codeOf(el).replace('zIndex: 1000', 'zIndex: 2000'));
      expect($<HTMLInputElement>(el, '#field-token').value).to.equal('pat_secret_abc123');
      const reveal = all<HTMLButtonElement>(el, '.code-bar button').find((b) => text(b) === 'Show token')!;
      reveal.click();
      await el.updateComplete;
      expect(codeOf(el)).to.contain("token: 'pat_secret_abc123'");
      let copied = '';
      const clipboard = navigator.clipboard;
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
      try {
        all<HTMLButtonElement>(el, '.code-bar button').find((b) => text(b) === 'Copy')!.click();
        await until(() => copied !== '', 'the code is copied');
        expect(copied).to.equal(codeOf(el));
      } finally {
        Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
      }
    });

    it('names required fields that are missing instead of running', async () => {
      const el = await mount({ botId: '' });
      await type(el, $<HTMLInputElement>(el, '#field-botId'), '');
      $<HTMLButtonElement>(el, '[part~="run"]').click();
      await el.updateComplete;
      await el.updateComplete;
      expect(el.running).to.equal(false);
      expect($<HTMLInputElement>(el, '#field-botId').getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).activeElement?.id).to.equal('field-botId');
      expect(text($(el, '#field-botId-problem'))).to.equal('Required.');
    });
  });

  describe('chat', () => {
    it('streams a reply piece by piece after Run → bubble → send', async () => {
      const el = await mount({ fetch: faulty('slow=80'), events: true });
      expect(root(el).querySelector('[part~="bubble"]')).to.equal(null);
      await openChat(el);
      expect(root(el).activeElement).to.equal($(el, 'textarea.input'));
      expect($(el, '[part~="window"]').getAttribute('role')).to.equal('dialog');
      await send(el, 'How do I embed the SDK?');
      await until(() => text(all(el, '.msg.user').at(-1)).includes('How do I embed the SDK?'), 'the question shows');
      // Part of the answer is there, the rest is still coming.
      await until(() => replyText(el).length > 20, 'the first pieces arrive');
      const partial = replyText(el);
      expect(lastReply(el)!.getAttribute('aria-busy')).to.equal('true');
      expect(partial).to.not.contain('no model was called');
      expect($(el, '[part~="stop"]')).to.exist;
      await until(() => replyText(el).length > partial.length, 'more pieces arrive');
      await replied(el, 'no model was called');
      await until(() => all(el, '.chip').length >= 2, 'follow-up suggestions show');
      expect(lastReply(el)!.getAttribute('aria-busy')).to.equal('false');
      expect(text($(el, '[role="status"]'))).to.contain('replied:');
      expect(text($(el, '.events'))).to.contain('POST /v1/conversation/create').and.contain('conversation.message.delta').and.contain('conversation.chat.completed');
      // A suggestion is asked with one click.
      const chip = all<HTMLButtonElement>(el, '.chip')[0]!;
      const question = text(chip);
      chip.click();
      await until(() => text(all(el, '.msg.user').at(-1)).includes(question), 'the suggestion is sent');
    });

    it('stops a reply mid-stream and cancels the chat', async () => {
      const el = await mount({ fetch: faulty('slow=80'), events: true });
      await openChat(el);
      await send(el, 'Tell me a long story');
      await until(() => replyText(el).length > 10, 'the reply starts');
      $<HTMLButtonElement>(el, '[part~="stop"]').click();
      await el.updateComplete;
      await until(() => text(lastReply(el)).includes('Stopped.'), 'the reply shows as stopped');
      const kept = replyText(el);
      await until(() => text($(el, '.events')).includes('POST /v3/chat/cancel'), 'the chat is canceled');
      await new Promise((r) => setTimeout(r, 400));
      expect(replyText(el)).to.equal(kept);
      expect(kept).to.not.contain('no model was called');
      expect(root(el).querySelector('[part~="stop"]')).to.equal(null);
      expect(root(el).querySelector('[part~="send"]')).to.exist;
    });

    it('runs a client-side tool call: the card, the answer, then the reply', async () => {
      const el = await mount({ botId: SEEDED.toolBotId, events: true });
      await openChat(el);
      await send(el, 'What is the weather in Beijing?');
      await until(() => root(el).querySelector('.tool-card') !== null, 'the tool card shows');
      const card = $(el, '.tool-card');
      expect(text(card)).to.contain('get_weather').and.contain('Beijing');
      const output = $<HTMLTextAreaElement>(card, 'textarea');
      expect($<HTMLButtonElement>(card, 'button').disabled).to.equal(true);
      await type(el, output, '{"temperature": "21°C", "sky": "clear"}');
      $<HTMLButtonElement>(el, '.tool-card button').click();
      await until(() => replyText(el).includes('21°C'), 'the bot answers with the tool output');
      expect(replyText(el)).to.contain('Beijing');
      expect(text($(el, '.tool-card'))).to.contain('Result sent.');
      expect(text($(el, '.events'))).to.contain('POST /v3/chat/submit_tool_outputs');
    });

    it('uploads a file and sends it with the question', async () => {
      const el = await mount({ events: true });
      await openChat(el);
      const picker = $<HTMLInputElement>(el, 'input[type="file"]');
      const files = new DataTransfer();
      files.items.add(new File(['city,temp\nHangzhou,21'], 'notes.csv', { type: 'text/csv' }));
      picker.files = files.files;
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(text($(el, '.pending-files'))).to.contain('notes.csv');
      await send(el, 'Summarize this file');
      await replied(el, 'attached 1 file');
      expect(text(all(el, '.msg.user').at(-1))).to.contain('notes.csv');
      expect(root(el).querySelector('.pending-files')).to.equal(null);
      expect(text($(el, '.events'))).to.contain('POST /v1/files/upload');
    });

    it('renders hostile markdown inert and readable', async () => {
      const hostile = [
        'Hi <img src=x onerror="window.__pwned=1"> there.',
        '',
        '<script>window.__pwned=2</script>',
        '',
        '[bad](javascript:window.__pwned=3) and [docs](https://www.coze.cn/open/docs) and <a href="javascript:alert(1)">raw</a>',
        '',
        '![pic](javascript:alert(1)) **bold** `code`',
        '',
        '```js',
        'const a = 1 < 2;',
        '```',
      ].join('\n');
      const el = await mount({ fetch: answering(hostile) });
      await openChat(el);
      await send(el, 'hello');
      await until(() => replyText(el).includes('bold'), 'the answer renders');
      const answer = $(el, '.msg.bot .md');
      expect(answer.querySelector('img')).to.equal(null);
      expect(answer.querySelector('script')).to.equal(null);
      expect(answer.querySelectorAll('a[href^="javascript"]')).to.have.length(0);
      expect(text(answer)).to.contain('<img src=x onerror="window.__pwned=1">').and.contain('<script>window.__pwned=2</script>').and.contain('bad');
      const links = [...answer.querySelectorAll('a')];
      expect(links).to.have.length(1);
      expect(links[0]!.getAttribute('href')).to.equal('https://www.coze.cn/open/docs');
      expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(links[0]!.getAttribute('target')).to.equal('_blank');
      expect(answer.querySelector('strong')?.textContent).to.equal('bold');
      expect(text(answer.querySelector('pre'))).to.equal('const a = 1 < 2;');
      // Code is highlighted (in a worker) into coloured spans, still as text nodes.
      await until(() => root(el).querySelector('.msg.bot .md pre span[style*="color"]') !== null, 'the code is highlighted');
      expect(text($(el, '.msg.bot .md pre'))).to.equal('const a = 1 < 2;');
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('keeps the conversation when the window closes and opens again', async () => {
      const el = await mount();
      await openChat(el);
      await send(el, 'first question');
      await replied(el, 'turn 1');
      // Escape closes the window and gives focus back to the bubble.
      $(el, '[part~="window"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await el.updateComplete;
      await el.updateComplete;
      expect(root(el).querySelector('[part~="window"]')).to.equal(null);
      expect(el.open).to.equal(false);
      expect(root(el).activeElement).to.equal($(el, '[part~="bubble"]'));
      $<HTMLButtonElement>(el, '[part~="bubble"]').click();
      await el.updateComplete;
      expect(text(all(el, '.msg.user')[0])).to.contain('first question');
      await send(el, 'second question');
      await replied(el, 'turn 2', 2);
    });

    it('keeps keyboard focus inside the open window', async () => {
      const el = await mount();
      await openChat(el);
      const win = $(el, '[part~="window"]');
      for (let i = 0; i < 12; i++) {
        await sendKeys({ press: 'Tab' });
        expect(win.contains(root(el).activeElement), `after ${i + 1} Tab presses`).to.equal(true);
      }
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Shift+Tab' });
        expect(win.contains(root(el).activeElement)).to.equal(true);
      }
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(root(el).activeElement).to.equal($(el, '[part~="bubble"]'));
    });

    it('shows reasoning apart, collapsed once the answer is there', async () => {
      const el = await mount({ botId: SEEDED.reasoningBotId });
      await openChat(el);
      await send(el, 'Why is the sky blue?');
      await replied(el, 'no model was called');
      const toggle = $<HTMLButtonElement>(el, '.reasoning-toggle');
      expect(text(toggle)).to.equal('Thought process');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const reasoning = $(el, '.reasoning-text');
      expect(reasoning.hidden).to.equal(true);
      expect(replyText(el)).to.not.contain('Now I will write the answer');
      toggle.click();
      await el.updateComplete;
      expect(reasoning.hidden).to.equal(false);
      expect(text(reasoning)).to.contain('Now I will write the answer');
    });

    it('rates answers, clears the context and starts new conversations', async () => {
      const el = await mount({ events: true });
      await change(el, $<HTMLInputElement>(el, '#field-feedback'), true);
      await change(el, $<HTMLInputElement>(el, '#field-newConversation'), true);
      await openChat(el);
      await send(el, 'rate me');
      await replied(el, 'no model was called');
      const like = $<HTMLButtonElement>(el, '.actions [aria-label="Helpful"]');
      like.click();
      await until(() => text($(el, '.events')).includes('/feedback'), 'the rating is sent');
      await until(() => text($(el, '.events')).match(/feedback 200 ok/) !== null, 'the rating is accepted');
      expect($(el, '.actions [aria-label="Helpful"]').getAttribute('aria-pressed')).to.equal('true');
      $<HTMLButtonElement>(el, '[aria-label="Clear the context"]').click();
      await until(() => root(el).querySelector('.divider') !== null, 'a context divider shows');
      await send(el, 'after clearing');
      await replied(el, 'turn 1', 2);
      $<HTMLButtonElement>(el, 'header [aria-label="New conversation"]').click();
      await until(() => all(el, '.msg').length === 0, 'the new conversation is empty');
      expect(text($(el, '.empty'))).to.contain('Ask');
    });

    it('says what went wrong in plain words, with a retry', async () => {
      const el = await mount();
      el.token = 'pat_expired_token';
      await el.updateComplete;
      await openChat(el);
      await send(el, 'hello');
      await until(() => root(el).querySelector('.error-card') !== null, 'the error shows');
      expect(text($(el, '.error-card'))).to.contain('Authentication failed').and.contain('code 4100');
      expect($(el, '.error-card button').textContent).to.contain('Retry');
      expect(text($(el, '[role="status"]'))).to.contain('The chat failed: Authentication failed');
    });

    it('retries after a quota error and after a network failure', async () => {
      let fault = 'code=4020';
      const fetchWithFault: typeof fetch = (input, init) => (fault ? faulty(fault)(input, init) : fetch(input, init));
      const el = await mount({ fetch: fetchWithFault });
      await openChat(el);
      await send(el, 'hello');
      await until(() => root(el).querySelector('.error-card') !== null, 'the quota error shows');
      expect(text($(el, '.error-card'))).to.contain('Requests per minute exceed the purchased quota');
      fault = '';
      $<HTMLButtonElement>(el, '.error-card button').click();
      await until(() => replyText(el).includes('no model was called'), 'the retry answers');
      expect(root(el).querySelector('.error-card')).to.equal(null);

      const offline = await fixture<CozeChatSdkDemo>(html`<coze-chat-sdk-demo lang="en" bot-id=${SEEDED.assistantBotId} token="pat_emulator" base-url=${testEnv.deadUrl}></coze-chat-sdk-demo>`);
      await openChat(offline);
      await send(offline, 'hello');
      await until(() => offline.shadowRoot!.querySelector('.error-card') !== null, 'the network error shows', 20_000);
      expect(text($(offline, '.error-card'))).to.contain('Could not reach the service');
    });

    it('asks the page for a new token after a 4100 when refresh is on', async () => {
      const el = await mount();
      el.token = 'pat_expired_before';
      let asked = 0;
      el.refreshToken = () => {
        asked++;
        return 'pat_emulator_refreshed';
      };
      await el.updateComplete;
      await openChat(el);
      await send(el, 'hello again');
      await replied(el, 'no model was called');
      expect(asked).to.equal(1);
      expect(root(el).querySelector('.error-card')).to.equal(null);
    });

    it('chats with an app through its chatflow', async () => {
      const el = await mount({ events: true });
      await change(el, $<HTMLSelectElement>(el, '#field-type'), 'app');
      await type(el, $<HTMLInputElement>(el, '#field-appId'), '7440000000000000001');
      await type(el, $<HTMLInputElement>(el, '#field-workflowId'), SEEDED_WORKFLOWS.chatflowId);
      await type(el, $<HTMLTextAreaElement>(el, '#field-appParameters'), '{"city": "Hangzhou"}');
      await openChat(el);
      await send(el, 'plan my day');
      await replied(el, SEEDED_WORKFLOWS.chatflowId);
      expect(replyText(el)).to.contain('city');
      expect(text($(el, '.events'))).to.contain('POST /v1/workflows/chat');
    });

    it('uses the mobile layout at 375 px', async () => {
      const el = await mount();
      await change(el, $<HTMLSelectElement>(el, '#field-layout'), 'mobile');
      await openChat(el);
      const win = $(el, '[part~="window"]');
      expect(win.classList.contains('mobile')).to.equal(true);
      expect(win.getBoundingClientRect().width).to.equal(375);
      expect(win.getBoundingClientRect().height).to.equal($(el, '[part~="stage"]').getBoundingClientRect().height - 2);
      // The bubble hides behind a full-height mobile window; Escape still closes it.
      expect(root(el).querySelector('[part~="bubble"]')).to.equal(null);
    });

    it('works on its own, without a provider', async () => {
      const el = await fixture<CozeChatSdkDemo>(html`<coze-chat-sdk-demo lang="en" bot-id=${SEEDED.assistantBotId} token="pat_emulator" base-url="/coze-api"></coze-chat-sdk-demo>`);
      await openChat(el);
      await send(el, 'standalone');
      await replied(el, 'no model was called');
      expect(text($(el, '#chat-title'))).to.equal('Coze Assistant');
    });

    it('speaks Chinese in the window when the SDK language says so', async () => {
      const el = await mount({ lang: 'en' });
      await change(el, $<HTMLSelectElement>(el, '#field-lang'), 'zh-CN');
      await openChat(el);
      expect($(el, 'textarea.input').getAttribute('placeholder')).to.equal('有问题尽管问…');
      expect($(el, '[part~="window"]').getAttribute('lang')).to.equal('zh-CN');
      expect(text($(el, '[part~="configurator"] .panel-title'))).to.equal('Configuration');
    });
  });

  describe('long answers', () => {
    /** A stream of `count` pieces of markdown (paragraphs, lists, headings, code), `perChunk` per network chunk. */
    function longAnswer(count: number, perChunk: number): typeof fetch {
      const encoder = new TextEncoder();
      const pieces: string[] = [];
      let code = false;
      for (let i = 0; i < count; i++) {
        if (i % 400 === 0 && i) pieces.push((code = !code) ? '\n\n```ts\n' : '\n```\n\n');
        else if (code) pieces.push(i % 8 === 0 ? `\nconst v${i} = ${i};` : ' ');
        else if (i % 120 === 0) pieces.push(`\n\n## Part ${i / 120}\n\n`);
        else if (i % 60 === 0) pieces.push('\n\n- one\n- **two**\n\n');
        else pieces.push(i % 13 === 0 ? ' `code`' : ` word${i % 97}`);
      }
      return async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (!url.includes('/v3/chat?')) return fetch(input, init);
        const message = { id: 'm1', type: 'answer', role: 'assistant', content_type: 'text', chat_id: 'c1' };
        let i = 0;
        const body = new ReadableStream<Uint8Array>({
          start: (c) => c.enqueue(encoder.encode(`event:conversation.chat.created\ndata:{"id":"c1","status":"created"}\n\n`)),
          async pull(c) {
            await new Promise((r) => setTimeout(r, 16));
            if (i >= pieces.length) {
              c.enqueue(encoder.encode('event:conversation.chat.completed\ndata:{"id":"c1","status":"completed"}\n\nevent:done\ndata:"[DONE]"\n\n'));
              c.close();
              return;
            }
            let chunk = '';
            for (let n = 0; n < perChunk && i < pieces.length; n++, i++) chunk += `event:conversation.message.delta\ndata:${JSON.stringify({ ...message, content: pieces[i] })}\n\n`;
            c.enqueue(encoder.encode(chunk));
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      };
    }

    it('streams a 20,000-piece answer and stays scrollable while it grows', async () => {
      const el = await mount({ fetch: longAnswer(20_000, 100) });
      await openChat(el);
      await send(el, 'a very long answer, please');
      await until(() => replyText(el).length > 20_000, 'a good part of the answer is there', 20_000);
      // The visitor scrolls up: the window stays where they put it while the answer keeps growing.
      const log = $(el, '.log');
      log.scrollTop = 0;
      log.dispatchEvent(new Event('scroll'));
      await new Promise((r) => setTimeout(r, 300));
      expect(log.scrollTop).to.equal(0);
      expect(lastReply(el)!.getAttribute('aria-busy')).to.equal('true');
      await until(() => lastReply(el)?.getAttribute('aria-busy') === 'false', 'the answer completes', 30_000);
      expect(replyText(el).length).to.be.greaterThan(80_000);
      expect(log.scrollTop).to.equal(0);
      // Scrolled back to the bottom, following resumes.
      log.scrollTop = log.scrollHeight;
    }).timeout(60_000);
  });

  describe('accessibility', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`is accessible closed and open (${theme})`, async () => {
        const el = await mount({ theme, events: true });
        await expect(el).to.be.accessible();
        await openChat(el);
        await send(el, 'Show me **markdown**');
        await replied(el, 'no model was called');
        await until(() => all(el, '.chip').length > 0, 'suggestions show');
        await expect(el).to.be.accessible();
      });
    }

    it('is accessible in Chinese with a tool card and an error', async () => {
      const el = await mount({ lang: 'zh-CN', botId: SEEDED.toolBotId });
      await openChat(el);
      await send(el, '北京天气怎么样？');
      await until(() => root(el).querySelector('.tool-card') !== null, 'the tool card shows');
      await expect(el).to.be.accessible();
      const bad = await mount({ lang: 'zh-CN', theme: 'dark' });
      bad.token = 'pat_expired_x';
      await bad.updateComplete;
      await openChat(bad);
      await send(bad, '你好');
      await until(() => bad.shadowRoot!.querySelector('.error-card') !== null, 'the error shows');
      await expect(bad).to.be.accessible();
    });
  });
});

/**
 * Suite "Faults": the emulator misbehaves on purpose (`x-coze-emulator-fault`) while a user works in
 * the full playground and in the Chat SDK demo, for a JSON API, a multipart upload, a binary response
 * and a stream. Every case checks what a user would: a specific message, a page that still reacts,
 * the form and the draft as they were, a retry that works, and no uncaught error or unhandled
 * rejection (see `guarded`).
 *
 * Each kind shares one mounted page across its cases (mounting the playground is the slow part); a
 * case starts from a clean state (no fault, default timeouts) and ends with a successful retry.
 * "Timeout" and "stall" cases shorten the transport's timeouts through a scope transport (see
 * `LimitedTransport`); everything else is the provider's real stack against the real emulator.
 */
import { expect } from '@open-wc/testing';
import { COZE_ERROR_CODES } from '../../src/core/transport/codes.js';
import { SEEDED } from '../../src/emulator/seed.js';
import { ChatPage, clearSavedState, EMULATED_REPLY, guarded, mountChat, mountPlayground, PlaygroundPage, text, unmountAll, until } from './faults-kit.js';

const SHORT = { timeoutMs: 700, idleTimeoutMs: 700 };

/** One fault and what the user must be told about it. */
interface FaultCase {
  name: string;
  fault: string;
  /** Words the explanation must contain (the error panel, or the chat's error card). */
  says: string[];
  /** Shorten the transport's timeouts for this case. */
  short?: boolean;
  /** Only where the answer is an event stream. */
  streamOnly?: boolean;
}

const FAULTS: FaultCase[] = [
  { name: '3xx status (a redirect that was not followed)', fault: 'status=302', says: ['The service answered HTTP 302', 'redirect'] },
  { name: '4xx status (404)', fault: 'status=404', says: ['The service answered HTTP 404', 'Check the URL, method and parameters.'] },
  { name: '4xx status (429)', fault: 'status=429', says: ['The service answered HTTP 429'] },
  { name: '5xx status (503)', fault: 'status=503', says: ['The service answered HTTP 503', 'A server-side failure; retry later.'] },
  { name: 'a Coze error at HTTP 500', fault: 'status=500; code=5000', says: [COZE_ERROR_CODES[5000]!.meaning.en, 'code 5000'] },
  { name: 'an HTML error page', fault: 'html', says: ['The service answered HTTP 502', 'An HTML error page came back instead of JSON'] },
  { name: 'broken JSON', fault: 'broken-json', says: ['The response says it is JSON, but it cannot be parsed.'] },
  { name: 'a connection reset', fault: 'reset', says: ['Could not reach the service.', 'Check the network'] },
  { name: 'a timeout', fault: 'latency=3000', short: true, says: ['No response within 0.7 s.', 'retry, or raise the timeout'] },
  { name: 'a stream cut after 4 events', fault: 'cut-after=4', streamOnly: true, says: ['The stream stopped before its end event (4 event(s) received).'] },
  { name: 'a stream that stalls after 3 events', fault: 'stall-after=3', short: true, streamOnly: true, says: ['The response went silent for 0.7 s'] },
];

// The playground -----------------------------------------------------------------------------------

interface PlaygroundKind {
  name: string;
  api: string;
  /** The request URL the fault is limited to. */
  path: RegExp;
  stream?: boolean;
  /** What the user enters before running. */
  prepare(page: PlaygroundPage): Promise<void>;
  /** What a successful run shows. */
  ok(page: PlaygroundPage): Promise<void>;
}

const okStatus = (page: PlaygroundPage) => expect(page.responseText('[part="summary"]')).to.contain('Status 200 OK');

const PLAYGROUND_KINDS: PlaygroundKind[] = [
  {
    name: 'JSON API',
    api: 'conversations.create',
    path: /\/v1\/conversation\/create/,
    prepare: (page) => page.setField('body.name', 'Faults suite conversation'),
    ok: async (page) => {
      okStatus(page);
      expect(page.responseText('[part="json"]')).to.contain('"id"');
    },
  },
  {
    name: 'multipart upload',
    api: 'files.upload',
    path: /\/v1\/files\/upload/,
    prepare: (page) => page.setField('body.file', new File(['city,temp\nHangzhou,21\n'], 'faults.csv', { type: 'text/csv' })),
    ok: async (page) => {
      okStatus(page);
      expect(page.responseText('[part="json"]')).to.contain('"faults.csv"');
    },
  },
  {
    name: 'binary response',
    api: 'audio.speech.create',
    path: /\/v1\/audio\/speech/,
    prepare: (page) => page.setField('body.response_format', 'wav'),
    ok: async (page) => {
      okStatus(page);
      expect(page.response.shadowRoot!.querySelector('audio[part="audio"]')).to.exist;
    },
  },
  {
    name: 'stream',
    api: 'chat.create',
    path: /\/v3\/chat(\?|$)/,
    stream: true,
    // The raw JSON body, as a user types it in the JSON tab.
    prepare: (page) =>
      page.setField(
        'body',
        JSON.stringify({ bot_id: SEEDED.assistantBotId, user_id: 'faults-suite', stream: true, additional_messages: [{ role: 'user', content: 'Faults: a question', content_type: 'text' }] }, null, 2),
      ),
    ok: async (page) => {
      okStatus(page);
      await until(() => page.responseText('.answer-text').includes(EMULATED_REPLY), 'the answer is assembled');
    },
  },
];

/** A page per kind, shared by its cases. */
function playgroundKind(kind: PlaygroundKind, body: (get: () => PlaygroundPage) => void): void {
  describe(`${kind.name} (${kind.api})`, () => {
    let page: PlaygroundPage;
    before(async () => {
      clearSavedState();
      page = await mountPlayground({ limited: true });
      await page.choose(kind.api);
      await kind.prepare(page);
    });
    beforeEach(async () => {
      page.faults.clear();
      page.transport!.limits = {};
      page.session.run(kind.api)?.abort();
      if (page.session.selectedId !== kind.api) await page.choose(kind.api);
    });
    after(() => unmountAll());
    body(() => page);
  });
}

/**
 * Runs the API with a fault and checks the whole user story: the explanation, a page that still
 * reacts (also while waiting), the form and draft unchanged, and a retry without the fault.
 */
async function playgroundCase(page: PlaygroundPage, kind: PlaygroundKind, fault: string, says: string[], short = false, quick = false): Promise<void> {
  const form = page.formSnapshot();
  const draft = page.draft(kind.api);
  if (short) page.transport!.limits = { timeoutMs: SHORT.timeoutMs, idleTimeoutMs: SHORT.idleTimeoutMs };
  page.faults.set(fault, kind.path);
  await page.run();
  if (short) {
    // While it waits, the page reacts.
    await until(() => page.state === 'pending' || page.state === 'streaming', 'the run is under way');
    await page.interact();
  }
  await page.settled();
  expect(page.state, 'the run ends in an error').to.equal('error');
  const shown = page.errorText;
  for (const words of says) expect(shown).to.contain(words);
  expect(page.response.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
  if (!quick) await page.interact();
  expect(page.formSnapshot(), 'the form').to.deep.equal(form);
  expect(page.draft(kind.api), 'the draft').to.equal(draft);
  // Retry, the fault gone.
  page.faults.clear();
  page.transport!.limits = {};
  await page.retry();
  await page.settled();
  expect(page.state, `the retry succeeds (${page.errorText})`).to.equal('done');
  expect(page.response.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  await kind.ok(page);
  expect(page.formSnapshot(), 'the form after the retry').to.deep.equal(form);
}

describe('Faults', () => {
  describe('in the playground', () => {
    for (const kind of PLAYGROUND_KINDS) {
      playgroundKind(kind, (get) => {
        for (const c of FAULTS.filter((f) => !f.streamOnly || kind.stream)) {
          it(
            c.name,
            guarded(() => playgroundCase(get(), kind, c.fault, c.says, c.short)),
          );
        }

        it(
          '2xx status other than 200, with a text body: shown as it is, not as an error',
          guarded(async () => {
            const page = get();
            const form = page.formSnapshot();
            page.faults.set('status=202', kind.path);
            await page.run();
            await page.settled();
            expect(page.state).to.equal('done');
            expect(page.responseText('[part="summary"]')).to.contain('Status 202');
            expect(page.responseText('pre.text')).to.contain('emulated HTTP 202');
            await page.interact();
            expect(page.formSnapshot()).to.deep.equal(form);
            page.faults.clear();
            await page.run();
            await page.settled();
            await kind.ok(page);
          }),
        );

        it(
          'a 20 MB body: shown in a window of rows, the page still reacting',
          guarded(async () => {
            const page = get();
            const form = page.formSnapshot();
            page.faults.set('big=20', kind.path);
            await page.run();
            await page.settled(45_000);
            expect(page.state).to.equal('done');
            expect(page.responseText('[part="summary"]')).to.contain('20.00 MB');
            expect(page.response.shadowRoot!.querySelectorAll('[role="treeitem"]').length).to.be.lessThan(80);
            await page.interact();
            expect(page.formSnapshot()).to.deep.equal(form);
            page.faults.clear();
            await page.run();
            await page.settled();
            await kind.ok(page);
          }, 60_000),
        );

        it(
          'a response that arrives after the user moved to another API',
          guarded(async () => {
            const page = get();
            const form = page.formSnapshot();
            const draft = page.draft(kind.api);
            page.faults.set('latency=1200', kind.path);
            await page.run();
            const handle = page.session.run(kind.api)!;
            await until(() => page.state === 'pending', 'the run is pending');
            await page.choose('audio.voices.list');
            expect(handle.run.state, 'the answer is still on its way when the user moves').to.equal('pending');
            await handle.done;
            await page.updated();
            await page.interact();
            // The other API's panels show the other API only.
            expect(page.state).to.equal('empty');
            expect(page.responseText('.empty')).to.contain('No response yet');
            expect(page.responseText('[part="base"]')).to.not.contain('Status 200');
            expect(text(page.form.shadowRoot!.querySelector('.title'))).to.equal('List voices');
            // Back to the first API: its late answer is there, in its history too, its form as it was.
            await page.choose(kind.api);
            expect(page.state).to.equal('done');
            await kind.ok(page);
            expect(page.session.history(kind.api)[0]?.runId).to.equal(handle.id);
            expect(page.formSnapshot()).to.deep.equal(form);
            expect(page.draft(kind.api)).to.equal(draft);
            page.faults.clear();
            await page.run();
            await page.settled();
            await kind.ok(page);
          }),
        );
      });
    }

    // One case per code, each with its own run, message, intact form and retry (the page's reactions
    // to input are checked by the cases above; here they would only repeat).
    describe('each Coze error code of the reference', () => {
      playgroundKind(PLAYGROUND_KINDS[0]!, (get) => {
        for (const [code, meaning] of Object.entries(COZE_ERROR_CODES)) {
          const says = [meaning.meaning.en, `Coze code ${code}`, ...(meaning.action ? [meaning.action.en] : [])];
          it(
            `code ${code}`,
            guarded(() => playgroundCase(get(), PLAYGROUND_KINDS[0]!, `code=${code}`, says, false, true)),
          );
        }
      });
    });
  });

  // The Chat SDK demo ------------------------------------------------------------------------------

  interface ChatKind {
    name: string;
    /** The request of a chat turn the fault is limited to. */
    path: RegExp;
    stream?: boolean;
    /** Sends one question, as the visitor does. */
    ask(chat: ChatPage): Promise<void>;
    /** What the reply says once it works. */
    reply: string;
  }

  const CHAT_KINDS: ChatKind[] = [
    { name: 'JSON API (conversation create)', path: /\/v1\/conversation\/create/, ask: (chat) => chat.send('Faults: a question'), reply: EMULATED_REPLY },
    {
      name: 'multipart upload (a file with the question)',
      path: /\/v1\/files\/upload/,
      ask: async (chat) => {
        await chat.attach(new File(['city,temp\nHangzhou,21\n'], 'faults.csv', { type: 'text/csv' }));
        await chat.send('Faults: summarize this file');
      },
      reply: 'attached 1 file',
    },
    { name: 'stream (the chat itself)', path: /\/v3\/chat\?/, stream: true, ask: (chat) => chat.send('Faults: a question'), reply: EMULATED_REPLY },
  ];

  /** A chat page per kind; each case starts a fresh preview (so that every turn creates its conversation). */
  function chatKind(kind: ChatKind, body: (get: () => ChatPage) => void, fresh = true): void {
    describe(kind.name, () => {
      let chat: ChatPage;
      before(async () => {
        clearSavedState();
        chat = await mountChat({ limited: true });
        if (!fresh) await chat.open();
      });
      beforeEach(async () => {
        chat.faults.clear();
        chat.transport!.limits = {};
        if (fresh) await chat.open();
      });
      after(() => unmountAll());
      body(() => chat);
    });
  }

  /** `quick`: the message and an intact configuration and draft only (no retry; see the codes loop). */
  async function chatCase(chat: ChatPage, kind: ChatKind, fault: string, says: string[], short = false, quick = false): Promise<void> {
    const config = chat.configSnapshot();
    if (short) chat.transport!.limits = { timeoutMs: SHORT.timeoutMs, idleTimeoutMs: SHORT.idleTimeoutMs };
    chat.faults.set(fault, kind.path);
    const cards = chat.errorCards.length;
    await kind.ask(chat);
    await chat.failed(cards + 1);
    const question = text(chat.all('.msg.user').at(-1));
    expect(question).to.contain('Faults:');
    const shown = chat.lastError;
    for (const words of says) expect(shown).to.contain(words);
    // The window reacts; what the visitor typed meanwhile stays; the configuration is untouched.
    if (quick) await chat.type('a draft typed after the failure');
    else await chat.interact('a draft typed after the failure');
    expect(chat.configSnapshot(), 'the configurator and the code').to.deep.equal(config);
    expect(text(chat.all('.msg.user').at(-1)), 'the question stays in the conversation').to.equal(question);
    expect(chat.composer.value, 'the draft').to.equal('a draft typed after the failure');
    if (quick) return;
    chat.faults.clear();
    chat.transport!.limits = {};
    const replies = chat.replies.length;
    await chat.retry();
    await chat.replied(kind.reply, replies + 1);
    expect(chat.errorCards, 'the error is gone after the retry').to.have.length(0);
    expect(chat.composer.value, 'the draft').to.equal('a draft typed after the failure');
  }

  describe('in the Chat SDK demo', () => {
    for (const kind of CHAT_KINDS) {
      chatKind(kind, (get) => {
        for (const c of FAULTS.filter((f) => !f.streamOnly || kind.stream)) {
          // The chat window shows the Coze code as "code N"; the panel's other words are the transport's.
          it(
            c.name,
            guarded(() => chatCase(get(), kind, c.fault, c.says, c.short)),
          );
        }

        it(
          'a 20 MB body',
          guarded(async () => {
            const chat = get();
            const config = chat.configSnapshot();
            chat.faults.set('big=20', kind.path);
            await kind.ask(chat);
            await chat.failed(1, 40_000);
            expect(chat.lastError).to.contain('The service’s answer is not what the chat expected.');
            await chat.interact('a draft typed after the failure');
            expect(chat.configSnapshot()).to.deep.equal(config);
            chat.faults.clear();
            await chat.retry();
            await chat.replied(kind.reply, 1);
            expect(chat.composer.value).to.equal('a draft typed after the failure');
          }, 60_000),
        );

        it(
          'a response that arrives after the visitor started the preview again',
          guarded(async () => {
            const chat = get();
            chat.faults.set('latency=1200', kind.path);
            await kind.ask(chat);
            const sentBefore = chat.faults.sent.length;
            // Run again: a fresh preview, the old chat abandoned while its request is still out.
            await chat.open();
            expect(chat.all('.msg')).to.have.length(0);
            await until(() => chat.faults.answered >= sentBefore, 'the late answer arrives');
            await new Promise((r) => setTimeout(r, 300));
            expect(chat.all('.msg'), 'nothing of the old chat lands in the new one').to.have.length(0);
            expect(chat.faults.sent.slice(sentBefore).filter((u) => /\/v3\/chat\?|\/v1\/files\/upload/.test(u)), 'the abandoned chat sends nothing more').to.deep.equal([]);
            chat.faults.clear();
            await kind.ask(chat);
            await chat.replied(kind.reply, 1);
          }),
        );
      });
    }

    // One case per code: the chat shows its meaning, the configuration and the draft stay. One
    // conversation for all codes (only the stream request fails). Retrying after a Coze error is
    // the same path for every code; the cases above retry after one (code 5000 at HTTP 500).
    describe('each Coze error code of the reference (the chat stream)', () => {
      chatKind(
        CHAT_KINDS[2]!,
        (get) => {
          for (const [code, meaning] of Object.entries(COZE_ERROR_CODES)) {
            it(
              `code ${code}`,
              guarded(() => chatCase(get(), CHAT_KINDS[2]!, `code=${code}`, [meaning.meaning.en, `code ${code}`], false, true)),
            );
          }
        },
        false,
      );
    });
  });
});

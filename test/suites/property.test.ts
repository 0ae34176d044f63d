/**
 * Suite "Property-based": random form inputs for every runnable API of the built-in catalogue
 * (seeded, so every run tries the same cases). For each case:
 *
 *   - building the request never throws;
 *   - the form's check (`PlaygroundSession.check`, what stops Run) agrees with the emulator's answer
 *     to the request as actually sent (serialized by the real transport, parsed by the emulator):
 *     when the form finds nothing wrong with a parameter, the emulator does not reject one; when the
 *     form finds a parameter wrong, the emulator rejects the same request with the same message.
 *     (The emulator, like Coze, checks parameters themselves, not what is nested in them.)
 *
 * Thousands of cases go through the emulator in this page (`createEmulator().fetch`, with every API's
 * handler answering "accepted" once the emulator's own routing, auth, body parsing and parameter
 * checks pass); a subset of read-only APIs goes over real HTTP to the test server's emulator, with
 * its real handlers.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { loadBuiltinCatalog } from '../../src/catalog/index.js';
import type { Catalog, EndpointEntry } from '../../src/core/catalog/schema.js';
import { sampleUrl } from '../../src/core/code/sample.js';
import { buildRequest, type DraftValues } from '../../src/core/request/build.js';
import { PlaygroundSession } from '../../src/core/session.js';
import { FetchTransport } from '../../src/core/transport/fetch-transport.js';
import { createEmulator, type HandlerMap } from '../../src/emulator/index.js';
import { EMULATOR_TOKEN } from '../../src/emulator/presets.js';
import { draftValues, seedFor, topLevel, verdictOf } from './property-kit.js';

/** Change it to explore new cases; a failure prints the seed and path to replay it. */
const SEED = 20_261_124;
const RUNS_IN_PAGE = 30;
const RUNS_OVER_HTTP = 5;

const catalog: Catalog = await loadBuiltinCatalog();
const runnable = catalog.entries.filter((e): e is EndpointEntry => e.kind === 'endpoint' && e.method !== 'WS' && e.host === 'api');

/**
 * APIs that share their method and path with an earlier catalogue entry (the OAuth token endpoint
 * serves several grant types): the emulator cannot tell them apart and checks the first entry's
 * parameters, so for these only building and sending are checked, not the verdict.
 */
const routeOwner = new Map<string, string>();
for (const e of runnable) {
  const key = `${e.method} ${e.path.replace(/\{[^}]+\}/g, '{}')}`;
  if (!routeOwner.has(key)) routeOwner.set(key, e.id);
}
const sharedRoute = (e: EndpointEntry) => routeOwner.get(`${e.method} ${e.path.replace(/\{[^}]+\}/g, '{}')}`)!;

/**
 * Rules the real handlers add on top of the catalogue, which a form cannot know (checked over HTTP
 * only; the emulator's shared parameter check has none of them). Any other rejection of values the
 * form accepts fails the suite.
 */
const HANDLER_RULES: Array<[api: string, msg: RegExp, why: string]> = [
  ['workspaces.list', /^invalid parameter: user_id and coze_account_id must be given together$/, 'a pair of optional parameters'],
  ['variables.retrieve', /^invalid parameter: bot_id or app_id is required$/, 'one of two optional parameters is needed'],
  ['chat.retrieve', /^invalid parameter: (conversation_id|chat_id) is required$/, 'the emulator reads a blank or "0" id as no id'],
];

const accepted: HandlerMap = Object.fromEntries(runnable.map((e) => [e.id, (ctx) => ctx.ok({ accepted: true })]));
const emulator = createEmulator({ catalog, handlers: accepted, streamDelayMs: 0 });
const inPage = new FetchTransport({ baseUrl: 'http://emulator.test', token: EMULATOR_TOKEN, fetch: emulator.fetch });
const overHttp = new FetchTransport({ baseUrl: '/coze-api', token: EMULATOR_TOKEN });

/** One case: build, check as the form does, send as the transport does, compare. */
async function agrees(entry: EndpointEntry, values: DraftValues, transport: FetchTransport): Promise<void> {
  let request;
  try {
    request = buildRequest(entry, values);
    sampleUrl((r) => transport.urlFor(r), request);
  } catch (err) {
    throw new Error(`building the request threw: ${(err as Error).message}`);
  }
  const session = new PlaygroundSession({ storage: null });
  session.setValues(entry.id, values);
  const problems = session.check(entry);
  const top = topLevel(entry, problems);
  const run = await transport.send(request).done;
  const where = `${entry.id} ${JSON.stringify(run.request)}`;

  if (run.error?.kind === 'request') {
    // The transport refused to send it: the form must have said why, at a parameter.
    expect(top.map((p) => p.message.en), `${where}: the transport refused "${run.error.message.en}" but the form found nothing`).to.not.deep.equal([]);
    return;
  }
  const verdict = verdictOf(run);
  if (sharedRoute(entry) !== entry.id) return;
  if (top.length) {
    expect(verdict, `${where}: the form found "${top[0]!.message.en}"`).to.deep.equal({ kind: 'rejected', msg: `invalid parameter: ${top[0]!.message.en}` });
  } else if (verdict.kind === 'rejected' && !HANDLER_RULES.some(([api, msg]) => api === entry.id && msg.test(verdict.msg) && transport === overHttp)) {
    expect.fail(`${where}: the form found nothing wrong with the parameters, the emulator answered "${verdict.msg}"`);
  }
  if (!problems.length && transport === inPage) expect(verdict, where).to.deep.equal({ kind: 'accepted' });
}

describe('Property-based', function () {
  this.timeout(60_000);

  it(`covers every runnable API of the catalogue (${runnable.length})`, () => {
    expect(runnable.length).to.be.greaterThan(110);
  });

  describe(`form values vs the emulator, in the page (${RUNS_IN_PAGE} seeded cases per API)`, () => {
    for (const entry of runnable) {
      const owner = sharedRoute(entry);
      it(owner === entry.id ? entry.id : `${entry.id} (its route is also ${owner}'s: built and sent, verdict not compared)`, async () => {
        await fc.assert(
          fc.asyncProperty(draftValues(entry), (values) => agrees(entry, values, inPage)),
          { seed: seedFor(SEED, entry.id), numRuns: RUNS_IN_PAGE, includeErrorInReport: true },
        );
      });
    }
  });

  describe(`read-only APIs over real HTTP, real handlers (${RUNS_OVER_HTTP} seeded cases per API)`, () => {
    for (const entry of runnable.filter((e) => e.method === 'GET' && !e.mutates && !e.billable)) {
      it(entry.id, async () => {
        await fc.assert(
          fc.asyncProperty(draftValues(entry), (values) => agrees(entry, values, overHttp)),
          { seed: seedFor(SEED + 1, entry.id), numRuns: RUNS_OVER_HTTP, includeErrorInReport: true },
        );
      });
    }
  });
});

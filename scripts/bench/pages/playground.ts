/**
 * Bench page: a console built from `<coze-playground>` with `<coze-api-tree>`, `<coze-api-form>` and
 * `<coze-api-response>`, on the emulator at /coze-api. `?catalog=<url>` loads that catalogue instead
 * of the built-in one. The driver (scripts/bench/ui.mjs) works it through `window.__bench`.
 */
import '../../../src/define/coze-playground.js';
import '../../../src/define/coze-api-tree.js';
import '../../../src/define/coze-api-form.js';
import '../../../src/define/coze-api-response.js';
import type { EndpointEntry } from '../../../src/core/catalog/schema.js';
import type { CozePlayground } from '../../../src/elements/coze-playground/coze-playground.js';
import { EMULATOR_PRESETS, EMULATOR_TOKEN } from '../../../src/emulator/presets.js';
import { probe, publish } from './probe-types.js';

const FAULT_HEADER = 'x-coze-emulator-fault';
/** The fault the next API calls ask the emulator for ('' = none). */
let fault = '';

const pg = document.createElement('coze-playground') as CozePlayground;
pg.lang = 'en';
pg.baseUrl = '/coze-api';
pg.token = EMULATOR_TOKEN;
pg.presets = { ...EMULATOR_PRESETS };
pg.fetch = (input, init) => {
  if (!fault) return fetch(input, init);
  const headers = new Headers(init?.headers);
  headers.set(FAULT_HEADER, fault);
  return fetch(input, { ...init, headers });
};
const catalogUrl = new URLSearchParams(location.search).get('catalog');
if (catalogUrl) pg.catalog = catalogUrl;
pg.innerHTML = `<div class="console">
  <aside><coze-api-tree></coze-api-tree></aside>
  <main><coze-api-form></coze-api-form></main>
  <section><coze-api-response></coze-api-response></section>
</div>`;
document.body.append(pg);

const tree = pg.querySelector('coze-api-tree')!;
const form = pg.querySelector('coze-api-form')!;
const response = pg.querySelector('coze-api-response')!;
const treeRoot = () => tree.shadowRoot;
const count = () => treeRoot()?.querySelector('[part="count"]')?.textContent?.trim() ?? '';
const formTitle = () => form.shadowRoot?.querySelector('h2.title')?.textContent ?? '';
const state = () => response.shadowRoot?.querySelector<HTMLElement>('[part="base"]')?.dataset['state'];

/** An API as the driver names it to every tool. */
interface Operation {
  id: string;
  method: string;
  path: string;
}

function entry(id: string): EndpointEntry {
  const found = pg.loadedCatalog?.entries.find((e): e is EndpointEntry => e.kind === 'endpoint' && e.id === id);
  if (!found) throw new Error(`bench: no endpoint ${id} in the catalogue`);
  return found;
}

/** The form of `id` is on screen: its title and its first field. */
const formShows = (id: string) => formTitle() === entry(id).title.en && !!form.shadowRoot?.querySelector('[part="field"]');

async function select(id: string): Promise<void> {
  pg.session.select(id);
  await probe().until(() => formShows(id));
}

/** Sends an API as the Run button does, with `fault`; resolves when `shown()` holds, with the timings. */
async function run(id: string, withFault: string, shown: () => boolean, change?: (body: Record<string, unknown>) => void) {
  const e = entry(id);
  pg.session.resetValues(id);
  const values = structuredClone(pg.session.values(e));
  change?.(values.body);
  pg.session.setValues(id, values);
  fault = withFault;
  const stop = probe().frames();
  const t0 = performance.now();
  const handle = pg.session.send(e, pg.currentTransport);
  const t1 = await probe().until(() => shown() && (state() === 'done' || state() === 'error'));
  fault = '';
  const frames = stop();
  const result = await handle.done;
  return { ms: t1 - t0, ...probe().tasks(t0, t1), longestGap: frames.longestGap, state: state(), events: result.events.length, size: result.size, error: result.error?.kind };
}

publish({
  /** Time from navigation until the tree shows its rows (and the count under the search box). */
  ready: () => probe().until(() => (treeRoot()?.querySelectorAll('[role="treeitem"]').length ?? 0) > 0 && count() !== ''),
  searchSelector: 'coze-api-tree [part="search"]',
  /** Measures the next keystroke `key` in the search box: until the list (and its count) changed. */
  armFilter: (key: string) => {
    const before = count();
    probe().arm('keydown', key, () => count() !== before);
  },
  clearFilter: async () => {
    tree.query = '';
    await probe().until(() => !count().includes('match'));
  },
  /** Shows `from` in the form; the driver then clicks `to` in the tree. */
  prepareOpen: async (from: Operation, to: Operation) => {
    await select(from.id);
    await probe().until(() => treeRoot()?.querySelector(`[data-key="${to.id}"]`));
    return `coze-api-tree [data-key="${to.id}"] > .row`;
  },
  armOpen: (to: Operation) => probe().arm('click', undefined, () => formShows(to.id)),
  /** A chat whose streamed answer is `tokens` tokens long, one event each (the emulator's reply-tokens fault). */
  stream: async (tokens: number) => {
    await select('chat.create');
    const events = () => response.shadowRoot?.querySelector('[part="events"] h3')?.textContent ?? '';
    const answer = () => response.shadowRoot?.querySelector('.answer-text')?.textContent?.length ?? 0;
    return run('chat.create', `reply-tokens=${tokens}`, () => /\((\d{5,})\)/.test(events()) && answer() > 0, (body) => {
      body['bot_id'] = EMULATOR_PRESETS.bot_id;
      body['stream'] = true;
      body['additional_messages'] = [{ role: 'user', content: 'Tell me a long story', content_type: 'text' }];
    });
  },
  /** A JSON answer of about `mb` MB (the emulator's big fault): until its tree shows rows. */
  big: async (mb: number) => {
    await select('workspaces.list');
    const rows = () => response.shadowRoot?.querySelectorAll('[part="json"] [role="treeitem"]').length ?? 0;
    return run('workspaces.list', `big=${mb}`, () => rows() > 0);
  },
});

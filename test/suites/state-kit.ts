/**
 * Helpers for the "Saved state" suite: the full playground mounted on the emulator (over real HTTP at
 * /coze-api) in a container this module owns, readers of what its parts show, a run through the code
 * panel's Run button, and a way to fill the real localStorage of the test page up to its quota.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-api-playground.js';
import type { EndpointEntry } from '../../src/core/catalog/schema.js';
import type { CozeApiCode } from '../../src/elements/coze-api-code/coze-api-code.js';
import type { CozeApiForm } from '../../src/elements/coze-api-form/coze-api-form.js';
import type { CozeApiPlayground } from '../../src/elements/coze-api-playground/coze-api-playground.js';
import type { CozeApiResponse } from '../../src/elements/coze-api-response/coze-api-response.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';
import { EMULATOR_PRESETS, EMULATOR_TOKEN } from '../../src/emulator/presets.js';

export interface StatePage {
  pg: CozePlayground;
  app: CozeApiPlayground;
  form: CozeApiForm;
  code: CozeApiCode;
  response: CozeApiResponse;
  /** Waits for every part to render what changed. */
  settle(): Promise<void>;
  remove(): void;
}

export interface MountOptions {
  lang?: 'en' | 'zh-CN';
  tokenStorage?: 'none' | 'session' | 'local';
  /** Set the emulator's token as the provider property (default true). */
  token?: boolean;
  api?: string;
}

/** The full playground page, on the emulator, with the API `api` selected. */
export async function mountPage(options: MountOptions = {}): Promise<StatePage> {
  const container = document.createElement('div');
  document.body.append(container);
  const pg = document.createElement('coze-playground');
  pg.setAttribute('base-url', '/coze-api');
  pg.lang = options.lang ?? 'en';
  if (options.tokenStorage) pg.tokenStorage = options.tokenStorage;
  pg.presets = { ...EMULATOR_PRESETS };
  if (options.token !== false) pg.token = EMULATOR_TOKEN;
  pg.append(document.createElement('coze-api-playground'));
  container.append(pg);
  await pg.updateComplete;
  await pg.catalogComplete;
  const app = pg.querySelector('coze-api-playground')!;
  await app.updateComplete;
  const root = app.shadowRoot!;
  const page: StatePage = {
    pg,
    app,
    form: root.querySelector('coze-api-form')!,
    code: root.querySelector('coze-api-code')!,
    response: root.querySelector('coze-api-response')!,
    async settle() {
      for (let i = 0; i < 2; i++) {
        await Promise.all([pg, app, page.form, page.code, page.response].map((el) => el.updateComplete));
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      }
    },
    remove: () => container.remove(),
  };
  pg.session.select(options.api ?? 'conversations.create');
  await page.settle();
  return page;
}

export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The notices the form shows about saved state ('' when none). */
export function formNotices(page: StatePage): string {
  return text(page.form.shadowRoot!.querySelector('[part="notices"]'));
}

/** The notices in the API list drawer (pin state). */
export function drawerNotices(page: StatePage): string {
  return [...page.app.shadowRoot!.querySelectorAll('[part="drawer"] .notice')].map(text).join(' ');
}

export function endpoint(page: StatePage, id: string): EndpointEntry {
  return page.pg.loadedCatalog!.entries.find((e) => e.id === id) as EndpointEntry;
}

/** Types into a generated field of the form (by its path, e.g. `body.name`). */
export async function typeField(page: StatePage, path: string, value: string): Promise<void> {
  const input = page.form.shadowRoot!.querySelector<HTMLInputElement>(`[data-path="${path}"] input, [data-path="${path}"] textarea`);
  expect(input, `a field for ${path}`).to.exist;
  input!.value = value;
  input!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await page.settle();
}

/** Presses Run in the code panel and waits until the run has ended and its answer shows. */
export async function runSelected(page: StatePage): Promise<void> {
  const id = page.pg.session.selectedId!;
  page.code.shadowRoot!.querySelector<HTMLButtonElement>('[part="run"]')!.click();
  const handle = page.pg.session.run(id);
  expect(handle, `${id} was sent`).to.exist;
  const run = await handle!.done;
  expect(run.error, run.error?.message.en).to.equal(undefined);
  expect(run.status).to.equal(200);
  await page.settle();
  // The response panel's code loads when it is first needed: wait for it to render the answer.
  await waitUntil(() => text(page.response.shadowRoot?.querySelector('[part="summary"]')).includes('200'), 'the answer shows', { timeout: 5000 });
}

/** Entries of the form's run history list. */
export function historyItems(page: StatePage): string[] {
  return [...page.form.shadowRoot!.querySelectorAll('[part="history"] li')].map(text);
}

/**
 * Fills the real localStorage with filler entries until the browser refuses more (QuotaExceededError).
 * Returns a function that removes them again.
 */
export function fillLocalStorage(): () => void {
  const keys: string[] = [];
  let size = 1 << 20;
  let n = 0;
  while (size >= 1) {
    const key = `__filler_${n++}`;
    try {
      localStorage.setItem(key, 'x'.repeat(size));
      keys.push(key);
    } catch (err) {
      expect((err as DOMException).name).to.equal('QuotaExceededError');
      size = Math.floor(size / 4);
    }
  }
  expect(() => localStorage.setItem('__probe', 'y'), 'the storage is full').to.throw();
  return () => keys.forEach((k) => localStorage.removeItem(k));
}

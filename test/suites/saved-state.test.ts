/**
 * Suite "Saved state": what the playground keeps in the browser (drafts, run history, the API list's
 * pin, and the opt-in kept token) found corrupt, written by an older version, or refused because the
 * storage is full. In every case the page loads, says what it reset (or could not save), and keeps
 * working: a run reaches the emulator (over real HTTP) and lands in the run history.
 *
 * Quota errors are real: the test page's localStorage is filled until Chromium refuses more.
 */
import { expect } from '@open-wc/testing';
import { STORAGE_KEYS } from '../../src/core/session.js';
import { EMULATOR_TOKEN } from '../../src/emulator/presets.js';
import { drawerNotices, fillLocalStorage, formNotices, historyItems, mountPage, runSelected, text, typeField, type StatePage } from './state-kit.js';

const PIN_KEY = 'coze-playground:tree-pinned:v1';
const TOKEN_KEY = 'coze-playground:token:v1';
const DRAFTS_RESET = 'Saved drafts could not be read and were reset.';
const HISTORY_RESET = 'Saved run history could not be read and was reset.';
const STORAGE_FULL = 'Browser storage is full: drafts and history last only until this page closes.';

/** A draft as this version writes it. */
const draft = (body: Record<string, unknown>) => ({ path: {}, query: {}, header: {}, body });

/** A history entry as this version writes it. */
function historyEntry(runId: string, apiId: string, at = Date.now() - 60_000) {
  return { runId, apiId, at, values: draft({}), request: { method: 'POST', url: 'http://x/v1/conversation/create', headers: {} }, status: 200, size: 2, totalMs: 12, body: { kind: 'json', text: '{}', truncated: false } };
}

let page: StatePage | undefined;
let unfill: (() => void) | undefined;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  page?.remove();
  page = undefined;
  unfill?.();
  unfill = undefined;
  localStorage.clear();
  sessionStorage.clear();
});

/** The page works: a run of the selected API succeeds and shows in the run history. */
async function keepsWorking(p: StatePage): Promise<void> {
  const before = historyItems(p).filter((i) => /HTTP 200/.test(i)).length;
  await runSelected(p);
  expect(historyItems(p).filter((i) => /HTTP 200/.test(i)).length).to.equal(before + 1);
}

describe('Saved state', function () {
  this.timeout(30_000);

  describe('drafts', () => {
    for (const [name, saved] of [
      ['not JSON', '{"conversations.create": {"body": '],
      ['JSON of the wrong kind', '["a", "list"]'],
      ['a huge string', JSON.stringify('x'.repeat(200_000))],
    ] as const) {
      it(`resets corrupt drafts (${name}), says so, and saves new ones`, async () => {
        localStorage.setItem(STORAGE_KEYS.drafts, saved);
        page = await mountPage();
        expect(formNotices(page)).to.contain(DRAFTS_RESET);
        expect(localStorage.getItem(STORAGE_KEYS.drafts)).to.equal(null);
        await typeField(page, 'body.name', 'after the reset');
        expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.drafts)!)['conversations.create'].body.name).to.equal('after the reset');
        await keepsWorking(page);
      });
    }

    it('drops drafts saved by an older version, and keeps the current ones', async () => {
      localStorage.setItem('coze-playground:drafts:v0', JSON.stringify({ 'conversations.create': { params: { name: 'old format' } } }));
      localStorage.setItem(STORAGE_KEYS.drafts, JSON.stringify({ 'conversations.create': draft({ name: 'kept' }) }));
      page = await mountPage();
      expect(formNotices(page)).to.contain(DRAFTS_RESET);
      expect(localStorage.getItem('coze-playground:drafts:v0')).to.equal(null);
      const input = page.form.shadowRoot!.querySelector<HTMLInputElement>('[data-path="body.name"] input')!;
      expect(input.value).to.equal('kept');
      await keepsWorking(page);
    });

    it('drops drafts in a shape it does not know, keeps the others, and says so', async () => {
      localStorage.setItem(STORAGE_KEYS.drafts, JSON.stringify({ 'conversations.create': draft({ name: 'good one' }), 'bots.list': { query: 'not an object' } }));
      page = await mountPage();
      expect(formNotices(page)).to.contain(DRAFTS_RESET);
      expect(page.form.shadowRoot!.querySelector<HTMLInputElement>('[data-path="body.name"] input')!.value).to.equal('good one');
      expect(Object.keys(JSON.parse(localStorage.getItem(STORAGE_KEYS.drafts)!))).to.deep.equal(['conversations.create']);
      await keepsWorking(page);
    });

    it('keeps edits in memory when the storage is full, says so once, and still runs them', async () => {
      page = await mountPage();
      expect(formNotices(page)).to.equal('');
      unfill = fillLocalStorage();
      await typeField(page, 'body.name', 'kept in memory');
      expect(formNotices(page)).to.contain(STORAGE_FULL);
      await typeField(page, 'body.name', 'still in memory');
      expect(formNotices(page).split(STORAGE_FULL).length - 1, 'said once').to.equal(1);
      expect(localStorage.getItem(STORAGE_KEYS.drafts)).to.equal(null);
      await keepsWorking(page);
      expect(page.pg.session.run('conversations.create')!.run.request.body).to.contain('still in memory');
    });
  });

  describe('run history', () => {
    for (const [name, saved] of [
      ['not JSON', '[{"runId": "r1", '],
      ['JSON of the wrong kind', '{"runs": []}'],
    ] as const) {
      it(`resets a corrupt history (${name}), says so, and records new runs`, async () => {
        localStorage.setItem(STORAGE_KEYS.history, saved);
        page = await mountPage();
        expect(formNotices(page)).to.contain(HISTORY_RESET);
        expect(historyItems(page)).to.deep.equal([]);
        await keepsWorking(page);
        expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.history)!)).to.have.length(1);
      });
    }

    it('drops history saved by an older version', async () => {
      localStorage.setItem('coze-playground:history:v0', JSON.stringify([{ id: 'old', api: 'conversations.create' }]));
      page = await mountPage();
      expect(formNotices(page)).to.contain(HISTORY_RESET);
      expect(localStorage.getItem('coze-playground:history:v0')).to.equal(null);
      await keepsWorking(page);
    });

    it('drops runs in a shape it does not know, keeps the others, and says so', async () => {
      const { values: _dropped, ...withoutValues } = historyEntry('run-old', 'conversations.create');
      localStorage.setItem(STORAGE_KEYS.history, JSON.stringify([historyEntry('run-good', 'conversations.create'), withoutValues]));
      page = await mountPage();
      expect(formNotices(page)).to.contain(HISTORY_RESET);
      expect(historyItems(page)).to.have.length(1);
      expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.history)!).map((h: { runId: string }) => h.runId)).to.deep.equal(['run-good']);
      await keepsWorking(page);
    });

    it('keeps runs in memory when the storage is full, and says so', async () => {
      page = await mountPage();
      unfill = fillLocalStorage();
      await keepsWorking(page);
      expect(formNotices(page)).to.contain(STORAGE_FULL);
      expect(localStorage.getItem(STORAGE_KEYS.history)).to.equal(null);
      expect(page.pg.session.history('conversations.create')).to.have.length(1);
    });
  });

  describe('the API list pin', () => {
    const pinButton = (p: StatePage) => p.app.shadowRoot!.querySelector<HTMLButtonElement>('[part="pin"]')!;

    for (const [name, saved] of [
      ['not JSON', '{broken'],
      ['not a boolean', '"yes"'],
    ] as const) {
      it(`resets a corrupt pin state (${name}), says so, and saves a new one`, async () => {
        localStorage.setItem(PIN_KEY, saved);
        page = await mountPage();
        expect(page.app.pinned).to.equal(false);
        expect(drawerNotices(page)).to.contain('The saved layout could not be read and was reset.');
        pinButton(page).click();
        await page.settle();
        expect(localStorage.getItem(PIN_KEY)).to.equal('true');
        await keepsWorking(page);
      });
    }

    it('drops a pin state saved by an older version, and says so', async () => {
      localStorage.setItem('coze-playground:tree-pinned:v0', '1');
      page = await mountPage();
      expect(page.app.pinned).to.equal(false);
      expect(localStorage.getItem('coze-playground:tree-pinned:v0')).to.equal(null);
      expect(drawerNotices(page)).to.contain('The saved layout could not be read and was reset.');
      await keepsWorking(page);
    });

    it('pins in memory when the storage is full, and says it could not be remembered', async () => {
      page = await mountPage();
      unfill = fillLocalStorage();
      pinButton(page).click();
      await page.settle();
      expect(page.app.pinned).to.equal(true);
      expect(getComputedStyle(page.app.shadowRoot!.querySelector('[part="drawer"]')!).visibility).to.equal('visible');
      expect(drawerNotices(page)).to.contain('The pin could not be remembered');
      expect(localStorage.getItem(PIN_KEY)).to.equal(null);
      await keepsWorking(page);
    });
  });

  describe('settings: the kept access token', () => {
    it('removes a corrupt kept token instead of sending it, says so, and takes a new one', async () => {
      localStorage.setItem(TOKEN_KEY, 'pat_\u4ee4\u724c broken\n{"x":1}');
      page = await mountPage({ tokenStorage: 'local', token: false });
      expect(page.pg.session.token).to.equal(undefined);
      expect(localStorage.getItem(TOKEN_KEY)).to.equal(null);
      expect(formNotices(page)).to.contain('The saved access token could not be read and was removed: enter it again.');
      const field = page.form.shadowRoot!.querySelector<HTMLInputElement>('#f-token')!;
      field.value = EMULATOR_TOKEN;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await page.settle();
      expect(localStorage.getItem(TOKEN_KEY)).to.equal(EMULATOR_TOKEN);
      await keepsWorking(page);
    });

    it('keeps an opted-in token in memory when the storage is full, and says so', async () => {
      unfill = fillLocalStorage();
      page = await mountPage({ tokenStorage: 'local' });
      expect(localStorage.getItem(TOKEN_KEY)).to.equal(null);
      expect(formNotices(page)).to.contain('The access token could not be saved in this browser');
      await keepsWorking(page);
    });

    it('speaks Chinese about what it reset', async () => {
      localStorage.setItem(STORAGE_KEYS.drafts, '{');
      localStorage.setItem(TOKEN_KEY, 'not a token at all');
      page = await mountPage({ lang: 'zh-CN', tokenStorage: 'local', token: false });
      expect(formNotices(page)).to.contain('已保存的参数草稿无法读取，已重置。');
      expect(formNotices(page)).to.contain('已保存的访问令牌无法读取，已删除：请重新填写。');
    });
  });

  describe('everything at once', () => {
    it('loads with every kind of saved state broken, lists each reset, and works', async () => {
      localStorage.setItem(STORAGE_KEYS.drafts, 'null garbage');
      localStorage.setItem(STORAGE_KEYS.history, '42');
      localStorage.setItem(PIN_KEY, '[]');
      localStorage.setItem(TOKEN_KEY, '\u0000');
      page = await mountPage({ tokenStorage: 'local' });
      const notices = formNotices(page);
      expect(notices).to.contain(DRAFTS_RESET);
      expect(notices).to.contain(HISTORY_RESET);
      expect(drawerNotices(page)).to.contain('The saved layout could not be read and was reset.');
      expect(page.pg.session.token, 'the token the page gives wins').to.equal(EMULATOR_TOKEN);
      expect(localStorage.getItem(TOKEN_KEY), 'and replaces the broken one').to.equal(EMULATOR_TOKEN);
      await keepsWorking(page);
      // Each notice can be dismissed, and stays dismissed while the page is open.
      for (let button; (button = page.form.shadowRoot!.querySelector<HTMLButtonElement>('[part="notices"] button')); ) {
        button.click();
        await page.settle();
      }
      expect(formNotices(page)).to.equal('');
      expect(text(page.form.shadowRoot!.querySelector('[part="history"]'))).to.contain('HTTP 200');
    });
  });
});

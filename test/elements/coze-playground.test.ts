import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/coze-playground.js';
import '../../stories/support/catalog-summary.js';
import { defineElement } from '../../src/define/define.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';

/** The text the story fixture consumer renders from the context it receives. */
async function summaryText(el: CozePlayground): Promise<string> {
  await el.catalogComplete;
  const summary = el.querySelector('story-catalog-summary') as HTMLElement & { updateComplete: Promise<boolean> };
  await summary.updateComplete;
  return summary.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
}

function alertOf(el: CozePlayground): HTMLElement | null {
  return el.shadowRoot!.querySelector('[role="alert"]');
}

const invalidCatalogue = {
  version: 1,
  groups: [],
  entries: [{ kind: 'endpoint', id: 'x.y', slug: 'x', title: { zh: '接口', en: 'API' }, summary: { zh: '说明', en: 'About' }, method: 'FETCH', host: 'api', path: 'v1/x', notes: [], requestBody: 'none', params: [], response: { kind: 'json', envelope: 'standard', fields: [] }, stream: 'none', mutates: false, billable: false }],
};

describe('<coze-playground>', () => {
  describe('catalogue', () => {
    it('provides the built-in catalogue of every Coze API to elements inside it', async () => {
      const el = await fixture<CozePlayground>(html`<coze-playground lang="en"><story-catalog-summary></story-catalog-summary></coze-playground>`);
      const text = await summaryText(el);
      expect(text).to.contain('Coze OpenAPI · 156 entries · 126 endpoints · 6 callbacks · 24 docs');
      expect(text).to.contain('Conversations and messages (14)');
    });

    it('imports an OpenAPI YAML document from a URL', async () => {
      const el = await fixture<CozePlayground>(html`<coze-playground lang="en" catalog="/__raw/test/fixtures/openapi/pets-3.0.yaml"><story-catalog-summary></story-catalog-summary></coze-playground>`);
      expect(await summaryText(el)).to.contain('Pet clinic · 5 entries · 5 endpoints');
    });

    it('lists every problem of an invalid catalogue with the path of the bad field', async () => {
      const el = await fixture<CozePlayground>(html`<coze-playground lang="en" .catalog=${invalidCatalogue}><story-catalog-summary></story-catalog-summary></coze-playground>`);
      await el.catalogComplete;
      await el.updateComplete;
      const alert = alertOf(el)!;
      expect(alert).to.exist;
      expect(alert.textContent).to.contain('The API catalogue could not be loaded');
      expect(alert.textContent).to.contain('entries[0].method: expected one of "GET", "POST", "PUT", "PATCH", "DELETE", "WS", received "FETCH"');
      expect(alert.textContent).to.contain('entries[0].path: expected a path starting with / and without query or fragment');
      expect(await summaryText(el)).to.equal('');
    });

    it('explains an unreachable URL (offline or CORS), and loads on retry', async () => {
      let online = false;
      const flakyFetch = (input: RequestInfo | URL) => (online ? fetch(input) : Promise.reject(new TypeError('Failed to fetch')));
      const el = await fixture<CozePlayground>(html`<coze-playground lang="en" catalog="/__raw/test/fixtures/openapi/pets-3.0.yaml" .fetch=${flakyFetch}></coze-playground>`);
      await el.catalogComplete;
      await el.updateComplete;
      expect(alertOf(el)!.textContent).to.contain('Could not fetch /__raw/test/fixtures/openapi/pets-3.0.yaml: Failed to fetch (offline, or blocked by CORS');
      online = true;
      const changed = oneEvent(el, 'coze-catalog-change');
      (el.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement).click();
      expect((await changed).detail.state.status).to.equal('ready');
      await el.updateComplete;
      expect(alertOf(el)).to.equal(null);
    });

    it('reports an HTTP error status', async () => {
      const el = await fixture<CozePlayground>(html`<coze-playground lang="en" catalog="/__raw/test/fixtures/no-such-file.json"></coze-playground>`);
      await el.catalogComplete;
      await el.updateComplete;
      expect(alertOf(el)!.textContent).to.contain('HTTP 404');
    });

    it('keeps only the latest of overlapping loads', async () => {
      let release!: () => void;
      const slow = new Promise<void>((r) => (release = r));
      const slowFetch = async (input: RequestInfo | URL) => {
        await slow;
        return fetch(input);
      };
      const el = await fixture<CozePlayground>(html`<coze-playground lang="en" .fetch=${slowFetch} catalog="/__raw/test/fixtures/openapi/pets-3.0.yaml"><story-catalog-summary></story-catalog-summary></coze-playground>`);
      el.fetch = undefined;
      el.catalog = '/__raw/test/fixtures/openapi/events-3.1.json';
      await el.updateComplete;
      const latest = el.catalogComplete;
      release();
      await latest;
      await new Promise((r) => setTimeout(r, 50));
      expect(await summaryText(el)).to.contain('Streams and webhooks');
    });
  });

  describe('transport', () => {
    it('shares a transport built from base-url and token, and replaces it when they change', async () => {
      const el = await fixture<CozePlayground>(html`<coze-playground base-url="/coze-api" .token=${'pat_emulator'}></coze-playground>`);
      const first = el.currentTransport;
      expect(first.urlFor({ method: 'GET', path: '/v1/users/me' })).to.equal(`${location.origin}/coze-api/v1/users/me`);
      const run = await first.send({ method: 'GET', path: '/v1/users/me' }).done;
      expect(run.status).to.equal(200);
      expect(JSON.stringify(run)).to.not.contain('pat_emulator');
      el.region = 'com';
      el.baseUrl = '';
      await el.updateComplete;
      expect(el.currentTransport).to.not.equal(first);
      expect(el.currentTransport.urlFor({ method: 'GET', path: '/v1/users/me' })).to.equal('https://api.coze.com/v1/users/me');
    });
  });

  describe('token storage', () => {
    const KEY = 'coze-playground:token:v1';
    afterEach(() => {
      sessionStorage.removeItem(KEY);
      localStorage.removeItem(KEY);
    });

    it('keeps the token in memory only by default', async () => {
      const el = await fixture<CozePlayground>(html`<coze-playground></coze-playground>`);
      el.session.setToken('pat_memory_only_123');
      expect(sessionStorage.getItem(KEY)).to.equal(null);
      expect(localStorage.getItem(KEY)).to.equal(null);
    });

    it('stores it where the user opted in, restores it, and removes it on opting out', async () => {
      const el = await fixture<CozePlayground>(html`<coze-playground token-storage="session"></coze-playground>`);
      el.session.setToken('pat_opted_in_456');
      expect(sessionStorage.getItem(KEY)).to.equal('pat_opted_in_456');
      const again = await fixture<CozePlayground>(html`<coze-playground token-storage="session"></coze-playground>`);
      expect(again.session.token).to.equal('pat_opted_in_456');
      again.tokenStorage = 'local';
      await again.updateComplete;
      expect(localStorage.getItem(KEY)).to.equal('pat_opted_in_456');
      expect(sessionStorage.getItem(KEY)).to.equal(null);
      again.tokenStorage = 'none';
      await again.updateComplete;
      expect(localStorage.getItem(KEY)).to.equal(null);
      expect(again.session.token).to.equal('pat_opted_in_456');
    });
  });

  describe('language and theme', () => {
    it('speaks Chinese by default and English when asked', async () => {
      const el = await fixture<CozePlayground>(html`<coze-playground .catalog=${invalidCatalogue}></coze-playground>`);
      await el.catalogComplete;
      await el.updateComplete;
      expect(alertOf(el)!.textContent).to.contain('无法加载 API 目录');
      el.lang = 'en';
      await el.updateComplete;
      expect(alertOf(el)!.textContent).to.contain('The API catalogue could not be loaded');
    });

    it('switches the colour tokens for the dark theme', async () => {
      const el = await fixture<CozePlayground>(html`<coze-playground theme="light"></coze-playground>`);
      const light = getComputedStyle(el).backgroundColor;
      el.theme = 'dark';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(el).backgroundColor).to.not.equal(light);
      expect(getComputedStyle(el).getPropertyValue('--coze-color-text').trim()).to.equal('#e8eaed');
    });
  });

  describe('accessibility', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`is accessible in the error state (${theme})`, async () => {
        const el = await fixture<CozePlayground>(html`<coze-playground theme=${theme} lang="en" .catalog=${invalidCatalogue}></coze-playground>`);
        await el.catalogComplete;
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });
    }

    it('can be retried from the keyboard', async () => {
      const el = await fixture<CozePlayground>(html`<coze-playground lang="en" .catalog=${invalidCatalogue}></coze-playground>`);
      await el.catalogComplete;
      await el.updateComplete;
      const retry = el.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement;
      expect(retry.tagName).to.equal('BUTTON');
      retry.focus();
      expect(el.shadowRoot!.activeElement).to.equal(retry);
    });
  });

  describe('registration', () => {
    it('ignores a second definition of the same tag instead of throwing', () => {
      class Impostor extends HTMLElement {}
      expect(() => defineElement('coze-playground', Impostor)).to.not.throw();
      expect(customElements.get('coze-playground')).to.not.equal(Impostor);
    });
  });
});

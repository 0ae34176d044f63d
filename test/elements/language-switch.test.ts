/**
 * Switching the provider's language at run time: every panel re-renders in the new language and
 * nothing the user did is lost (typed values, the chosen sample language, the response on screen,
 * the history). Dates follow the language too.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/all.js';
import type { CozeApiPlayground } from '../../src/elements/coze-api-playground/coze-api-playground.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';

const API = 'audio.voices.list';
const HAN = /[\u4e00-\u9fff]/;

type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

async function settle(page: CozeApiPlayground): Promise<void> {
  await page.updateComplete;
  for (const tag of ['coze-api-tree', 'coze-api-form', 'coze-api-code', 'coze-api-response']) await (page.shadowRoot!.querySelector(tag) as Updatable).updateComplete;
}

describe('switching language at run time', () => {
  beforeEach(() => localStorage.clear());

  it('re-renders every panel in the new language and keeps what the user did', async () => {
    const provider = await fixture<CozePlayground>(html`<coze-playground base-url="/coze-api" .token=${'pat_emulator'} lang="en"><coze-api-playground></coze-api-playground></coze-playground>`);
    await provider.catalogComplete;
    const page = provider.querySelector<CozeApiPlayground>('coze-api-playground')!;
    provider.session.select(API);
    await settle(page);
    const panel = (tag: string) => page.shadowRoot!.querySelector(tag)!.shadowRoot!;

    // The user's work: a typed value, a chosen sample language, a run on screen.
    const input = [...panel('coze-api-form').querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent?.includes('page_size'))!;
    input.value = '7';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const python = [...panel('coze-api-code').querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent!.includes('Python'))!;
    python.click();
    await settle(page);
    (panel('coze-api-code').querySelector('[part="run"]') as HTMLButtonElement).click();
    await waitUntil(() => provider.session.run(API)?.run.state === 'done', 'the run finishes');
    await settle(page);
    const enTime = panel('coze-api-form').querySelector('.run-item .when')!.textContent!;
    expect(panel('coze-api-response').textContent).to.contain('200');
    expect(page.shadowRoot!.querySelector('[part="open-tree"]')!.textContent).to.contain('API list');

    provider.lang = 'zh-CN';
    await settle(page);

    // Every panel speaks Chinese now.
    for (const tag of ['coze-api-tree', 'coze-api-form', 'coze-api-code', 'coze-api-response']) {
      expect(panel(tag).textContent, tag).to.match(HAN);
    }
    expect(page.shadowRoot!.querySelector('[part="open-tree"]')!.textContent).to.contain('API 列表');
    expect((panel('coze-api-tree').querySelector('[part="search"]') as HTMLInputElement).placeholder).to.match(HAN);
    // …and nothing was lost.
    const after = [...panel('coze-api-form').querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent?.includes('page_size'))!;
    expect(after.value).to.equal('7');
    expect(panel('coze-api-code').querySelector('[role="tab"][aria-selected="true"]')!.textContent).to.contain('Python');
    await waitUntil(() => /page_size["']?\s*[:=]\s*["']?7/.test(panel('coze-api-code').querySelector('pre')?.textContent ?? ''), 'the sample code is written again, with the value', { timeout: 8000 });
    expect(panel('coze-api-response').textContent).to.contain('200');
    expect(provider.session.history(API)).to.have.length(1);
    // The history's time is written the Chinese way (24-hour clock, no AM/PM).
    const zhTime = panel('coze-api-form').querySelector('.run-item .when')!.textContent!;
    expect(enTime).to.match(/AM|PM/);
    expect(zhTime).to.not.match(/AM|PM/);

    // And back.
    provider.lang = 'en';
    await settle(page);
    expect(page.shadowRoot!.querySelector('[part="open-tree"]')!.textContent).to.contain('API list');
    expect([...panel('coze-api-form').querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent?.includes('page_size'))!.value).to.equal('7');
  });
});

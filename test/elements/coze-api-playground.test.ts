import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-api-playground.js';
import type { CozeApiPlayground } from '../../src/elements/coze-api-playground/coze-api-playground.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';

const PIN_KEY = 'coze-playground:tree-pinned:v1';

async function page(theme: 'light' | 'dark' = 'light', lang = 'en'): Promise<{ provider: CozePlayground; el: CozeApiPlayground }> {
  const provider = await fixture<CozePlayground>(html`<coze-playground base-url="/coze-api" .token=${'pat_emulator'} lang=${lang} theme=${theme}><coze-api-playground></coze-api-playground></coze-playground>`);
  await provider.catalogComplete;
  const el = provider.querySelector('coze-api-playground')!;
  await el.updateComplete;
  return { provider, el };
}

const part = (el: CozeApiPlayground, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`) as HTMLElement;

describe('<coze-api-playground>', () => {
  beforeEach(() => localStorage.removeItem(PIN_KEY));

  it('lays out the tree, the form, the code and the response', async () => {
    const { el } = await page();
    for (const tag of ['coze-api-tree', 'coze-api-form', 'coze-api-code', 'coze-api-response']) {
      expect(el.shadowRoot!.querySelector(tag), tag).to.exist;
    }
  });

  it('hides the API list until the pointer reaches the seam, and keeps it open when pinned', async () => {
    const { el } = await page();
    const drawer = part(el, 'drawer');
    expect(getComputedStyle(drawer).visibility).to.equal('hidden');
    part(el, 'seam').dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(el.treeOpen).to.equal(true);
    drawer.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(el.treeOpen).to.equal(false);
    part(el, 'pin').click();
    await el.updateComplete;
    expect(el.pinned).to.equal(true);
    expect(localStorage.getItem(PIN_KEY)).to.equal('true');
    drawer.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(getComputedStyle(drawer).visibility).to.equal('visible');
  });

  it('remembers the pin across pages, and resets a corrupt saved value', async () => {
    localStorage.setItem(PIN_KEY, 'true');
    expect((await page()).el.pinned).to.equal(true);
    localStorage.setItem(PIN_KEY, '{broken');
    const { el } = await page();
    expect(el.pinned).to.equal(false);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('reset');
  });

  it('opens the API list from the keyboard and closes it with Escape', async () => {
    const { el } = await page();
    part(el, 'open-tree').click();
    await el.updateComplete;
    expect(el.treeOpen).to.equal(true);
    part(el, 'base').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.treeOpen).to.equal(false);
  });

  it('loads the response panel at the first run, and shows that run in it', async () => {
    const { provider, el } = await page();
    // Before any run the panel is a placeholder: its element has not been loaded.
    expect(customElements.get('coze-api-response')).to.equal(undefined);
    const response = el.shadowRoot!.querySelector('coze-api-response')!;
    expect(response.textContent).to.contain('No response yet');
    provider.session.select('audio.voices.list');
    await el.updateComplete;
    const code = el.shadowRoot!.querySelector('coze-api-code')!;
    await code.updateComplete;
    const run = () => code.shadowRoot!.querySelector('[part="run"]') as HTMLButtonElement;
    await waitUntil(() => run() && !run().disabled, 'the Run button is enabled');
    run().click();
    await customElements.whenDefined('coze-api-response');
    await provider.session.run('audio.voices.list')!.done;
    await (response as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(response.shadowRoot!.textContent).to.contain('200');
    await expect(el).to.be.accessible();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible (${theme})`, async () => {
      const { el } = await page(theme);
      await expect(el).to.be.accessible();
    });
  }
});

/**
 * The full playground with the keyboard only (real key presses through Playwright): open the API
 * list, find an API, choose it, fill a parameter, run with Ctrl+Enter, read the response, run again,
 * and reopen the first run from the history. No clicks, no programmatic focus after the start.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-api-playground.js';
import type { CozeApiPlayground } from '../../src/elements/coze-api-playground/coze-api-playground.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';

const API = 'audio.voices.list';

/** The element that really has focus, through every shadow root. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The custom elements (hosts) the focused element sits in, innermost first. */
function hostsOf(el: Element | null): string[] {
  const out: string[] = [];
  let node: Node | null = el;
  while (node) {
    const root = node.getRootNode();
    if (!(root instanceof ShadowRoot)) break;
    out.push(root.host.localName);
    node = root.host;
  }
  return out;
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(what: string, matches: (el: Element) => boolean, options: { back?: boolean; max?: number } = {}): Promise<Element> {
  for (let i = 0; i < (options.max ?? 80); i++) {
    const el = deepActive();
    if (el && matches(el)) return el;
    await press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${what}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

describe('keyboard-only walkthrough of the full playground', () => {
  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', location.pathname);
  });

  it('tree → form → run → response → history, without a pointer', async () => {
    const provider = await fixture<CozePlayground>(
      html`<coze-playground base-url="/coze-api" .token=${'pat_emulator'} lang="en"><coze-api-playground></coze-api-playground></coze-playground>`,
    );
    await provider.catalogComplete;
    const page = provider.querySelector<CozeApiPlayground>('coze-api-playground')!;
    await page.updateComplete;
    (document.activeElement as HTMLElement | null)?.blur();

    // 1. The API list is hidden; its button is the first stop.
    const open = await tabTo('the API list button', (el) => el.getAttribute('part') === 'open-tree');
    expect(open.textContent).to.contain('API list');
    await press('Enter');
    await waitUntil(() => page.treeOpen && hostsOf(deepActive()).includes('coze-api-tree'), 'focus moves into the API list');

    // 2. Search by id, Enter chooses the first match.
    await tabTo('the search box', (el) => el.getAttribute('part') === 'search', { back: true, max: 5 });
    await sendKeys({ type: API });
    await waitUntil(() => page.shadowRoot!.querySelector('coze-api-tree')!.shadowRoot!.querySelector('[part="count"]')?.textContent?.includes('1'), 'the list narrows');
    await press('Enter');
    await waitUntil(() => provider.session.selectedId === API, 'the API is selected');

    // 3. Escape hides the list again and puts focus back on its button.
    await press('Escape');
    await waitUntil(() => !page.treeOpen, 'the list closes');
    expect(deepActive()?.getAttribute('part')).to.equal('open-tree');

    // 4. Into the form: the page_size query parameter.
    const form = page.shadowRoot!.querySelector('coze-api-form')!;
    await waitUntil(() => form.shadowRoot!.textContent!.includes('page_size'), 'the form shows the API');
    const size = await tabTo('the page_size field', (el) => el instanceof HTMLInputElement && hostsOf(el)[0] === 'coze-api-form' && (el.labels?.[0]?.textContent ?? '').includes('page_size'));
    await sendKeys({ type: '3' });
    expect((size as HTMLInputElement).value).to.equal('3');

    // 5. Ctrl+Enter runs it; the response panel loads and shows the answer.
    await press('Control+Enter');
    await waitUntil(() => provider.session.run(API)?.run.state === 'done', 'the run finishes', { timeout: 10_000 });
    const response = page.shadowRoot!.querySelector('coze-api-response')!;
    await waitUntil(() => response.shadowRoot?.textContent?.includes('200'), 'the response shows the status');
    expect(provider.session.run(API)!.run.request.url).to.contain('page_size=3');

    // 6. The response body is a keyboard tree: Tab reaches it, arrows move in it.
    const body = await tabTo('the JSON tree', (el) => el.getAttribute('role') === 'tree' && hostsOf(el)[0] === 'coze-api-response');
    await press('ArrowDown');
    expect(body.getAttribute('aria-activedescendant')).to.be.a('string').and.not.equal('');

    // 7. Run again from the form, then reopen the first run from the history list.
    await tabTo('the page_size field again', (el) => el === size, { back: true, max: 120 });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '5' });
    await press('Control+Enter');
    await waitUntil(() => provider.session.history(API).length === 2 && provider.session.run(API)?.run.state === 'done', 'two runs in the history', { timeout: 10_000 });
    // Newest first: the first run is the last item of the list.
    const older = await tabTo('the older history entry', (el) => el.classList.contains('run-item') && el.closest('li') === el.closest('ul')!.lastElementChild);
    await press('Enter');
    await waitUntil(() => response.shadowRoot!.textContent!.includes('Past run'), 'the response shows the reopened run');
    expect(provider.session.shown(API)?.request.url).to.contain('page_size=3');
    expect(older.isConnected).to.equal(true);
  });
});

/**
 * Helpers for the "Faults" and "Hostile content" suites: a page with the full playground or the Chat
 * SDK demo on the emulator (over real HTTP at /coze-api), a switch that asks the emulator for one
 * fault at a time (the `x-coze-emulator-fault` header, optionally only for one path), a watch for
 * uncaught errors and unhandled rejections, and small readers of the elements' shadow roots.
 *
 * Pages are mounted imperatively into a container this module owns (not open-wc's `fixture`, which
 * is removed after every test), so that a data-driven describe can share one page across its cases.
 */
import { ContextProvider } from '@lit/context';
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define/coze-playground.js';
import '../../src/define/coze-api-playground.js';
import '../../src/define/coze-chat-sdk-demo.js';
import { transportContext } from '../../src/context/index.js';
import type { EndpointEntry } from '../../src/core/catalog/schema.js';
import type { PlaygroundSession } from '../../src/core/session.js';
import { FetchTransport } from '../../src/core/transport/fetch-transport.js';
import type { DraftRequest, RunHandle, SendOptions, Transport } from '../../src/core/transport/types.js';
import type { CozeApiCode } from '../../src/elements/coze-api-code/coze-api-code.js';
import type { CozeApiForm } from '../../src/elements/coze-api-form/coze-api-form.js';
import type { CozeApiPlayground } from '../../src/elements/coze-api-playground/coze-api-playground.js';
import type { CozeApiResponse } from '../../src/elements/coze-api-response/coze-api-response.js';
import type { CozeApiTree } from '../../src/elements/coze-api-tree/coze-api-tree.js';
import type { CozeChatSdkDemo } from '../../src/elements/coze-chat-sdk-demo/coze-chat-sdk-demo.js';
import type { CozePlayground } from '../../src/elements/coze-playground/coze-playground.js';
import { FAULT_HEADER } from '../../src/emulator/faults.js';
import { SEEDED } from '../../src/emulator/seed.js';

export const TOKEN = 'pat_emulator';
export const BASE_URL = '/coze-api';
/** What every emulated bot reply says. */
export const EMULATED_REPLY = 'no model was called';

// Uncaught errors ----------------------------------------------------------------------------------

/** Collects `error` and `unhandledrejection` events of the window until stopped. */
export function watchUncaught(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`uncaught: ${e.message || String(e.error)}`);
  const onRejection = (e: PromiseRejectionEvent) => {
    const reason = e.reason as { message?: string } | undefined;
    errors.push(`unhandled rejection: ${reason?.message ?? String(e.reason)}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Lets queued tasks, microtasks and a frame run, so that late errors land before the check. */
export async function settle(): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

/**
 * A test body that also fails on any uncaught error or unhandled rejection while it ran. Its time
 * limit (30 s unless given) leaves room for a loaded machine; each wait inside has its own shorter one.
 */
export function guarded(body: () => Promise<void>, timeoutMs = 30_000): (this: Mocha.Context) => Promise<void> {
  return async function (this: Mocha.Context) {
    this.timeout(timeoutMs);
    const watch = watchUncaught();
    try {
      await body();
      await settle();
    } finally {
      watch.stop();
    }
    expect(watch.errors, 'uncaught errors or unhandled rejections').to.deep.equal([]);
  };
}

// Faults -------------------------------------------------------------------------------------------

/** The fault the emulator is asked for, changed between steps of a test; `only` limits it to some URLs. */
export class FaultSwitch {
  fault = '';
  only: RegExp | undefined;
  /** URLs of every request sent through {@link fetch}. */
  readonly sent: string[] = [];
  /** The same, with the fault each was sent with (for failure messages). */
  readonly log: string[] = [];
  /** How many of them have been answered (headers arrived) or failed. */
  answered = 0;
  /** Where requests go after the fault header is added (the network, or a test's own answers first). */
  next: typeof fetch = (input, init) => window.fetch(input, init);

  set(fault: string, only?: RegExp): void {
    this.fault = fault;
    this.only = only;
  }

  clear(): void {
    this.fault = '';
    this.only = undefined;
  }

  readonly fetch: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    this.sent.push(url);
    this.log.push(`${url.replace(location.origin, '')}${this.fault && (!this.only || this.only.test(url)) ? ` [${this.fault}]` : ''}`);
    let sending: Promise<Response>;
    if (!this.fault || (this.only && !this.only.test(url))) sending = this.next(input, init);
    else {
      const headers = new Headers(init?.headers);
      headers.set(FAULT_HEADER, this.fault);
      sending = this.next(input, { ...init, headers });
    }
    const count = () => void this.answered++;
    sending.then(count, count);
    return sending;
  };
}

// Mounting -----------------------------------------------------------------------------------------

const mounted: HTMLElement[] = [];

function container(): HTMLElement {
  const box = document.createElement('div');
  box.className = 'suite-page';
  document.body.append(box);
  mounted.push(box);
  return box;
}

/** Removes every page mounted so far. */
export function unmountAll(): void {
  for (const box of mounted.splice(0)) box.remove();
}

export interface Timeouts {
  /** Ms until the response headers must arrive. */
  timeoutMs: number;
  /** Ms of silence allowed in a body or stream. */
  idleTimeoutMs: number;
}

/**
 * The transport a test scope provides: the provider's kind of FetchTransport (same base URL, token
 * and fetch), with timeouts a test can shorten for one case (they go in as per-send options).
 */
export class LimitedTransport implements Transport {
  limits: Partial<Timeouts> = {};
  private readonly inner: FetchTransport;

  constructor(fetchImpl: typeof fetch) {
    this.inner = new FetchTransport({ baseUrl: BASE_URL, token: TOKEN, fetch: fetchImpl });
  }

  send(request: DraftRequest, options: SendOptions = {}): RunHandle {
    return this.inner.send(request, { ...this.limits, ...options });
  }

  urlFor(request: DraftRequest): string {
    return this.inner.urlFor(request);
  }
}

interface ProviderOptions {
  lang?: string;
  /**
   * A scope element between the provider and the element provides a {@link LimitedTransport}, so that
   * a case can shorten the timeouts (the provider's own transport keeps its 60 s defaults). The
   * catalogue, session and language still come from the provider.
   */
  limited?: boolean;
  catalog?: unknown;
  /** Answers some requests itself (a hostile server); returns undefined for the emulator to answer. */
  answer?: (url: URL, init: RequestInit | undefined) => Response | Promise<Response> | undefined;
}

async function mountProvider(inner: HTMLElement, faults: FaultSwitch, options: ProviderOptions): Promise<{ provider: CozePlayground; transport: LimitedTransport | undefined }> {
  const answer = options.answer;
  if (answer) {
    faults.next = async (input, init) => (await answer(new URL(input instanceof Request ? input.url : String(input), location.href), init)) ?? window.fetch(input, init);
  }
  const provider = document.createElement('coze-playground');
  provider.setAttribute('base-url', BASE_URL);
  provider.lang = options.lang ?? 'en';
  provider.token = TOKEN;
  provider.fetch = faults.fetch;
  provider.presets = { bot_id: SEEDED.assistantBotId, user_id: 'faults-suite' };
  if (options.catalog !== undefined) provider.catalog = options.catalog as CozePlayground['catalog'];
  const scope = document.createElement('div');
  scope.className = 'transport-scope';
  const transport = options.limited ? new LimitedTransport(faults.fetch) : undefined;
  if (transport) new ContextProvider(scope, { context: transportContext, initialValue: transport as Transport });
  provider.append(scope);
  container().append(provider);
  await provider.updateComplete;
  scope.append(inner);
  await provider.catalogComplete;
  return { provider, transport };
}

export const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export async function until(check: () => boolean, message: string, timeout = 10_000): Promise<void> {
  await waitUntil(check, message, { timeout, interval: 15 });
}

/** The full playground page (`<coze-api-playground>`) with handles on its parts. */
export class PlaygroundPage {
  constructor(
    readonly provider: CozePlayground,
    readonly app: CozeApiPlayground,
    readonly faults: FaultSwitch,
    readonly transport: LimitedTransport | undefined,
  ) {}

  get session(): PlaygroundSession {
    return this.provider.session;
  }

  private part<T extends Element>(tag: string): T {
    const found = this.app.shadowRoot!.querySelector<T>(tag);
    if (!found) throw new Error(`no ${tag} in the playground`);
    return found;
  }

  get tree(): CozeApiTree {
    return this.part('coze-api-tree');
  }
  get form(): CozeApiForm {
    return this.part('coze-api-form');
  }
  get code(): CozeApiCode {
    return this.part('coze-api-code');
  }
  get response(): CozeApiResponse {
    return this.part('coze-api-response');
  }

  entry(id: string): EndpointEntry {
    const entry = this.provider.loadedCatalog!.entries.find((e): e is EndpointEntry => e.id === id && e.kind === 'endpoint');
    if (!entry) throw new Error(`no endpoint ${id}`);
    return entry;
  }

  async updated(): Promise<void> {
    for (const el of [this.app, this.tree, this.form, this.code]) await el.updateComplete;
    // The response panel loads with the first run.
    if (customElements.get('coze-api-response')) await this.response.updateComplete;
  }

  /** Chooses an API as a click in the API list does (the list opens first, its group too). */
  async choose(id: string): Promise<void> {
    this.app.shadowRoot!.querySelector<HTMLElement>('[part="open-tree"]')!.click();
    await this.updated();
    const root = this.tree.shadowRoot!;
    const row = () => root.querySelector<HTMLElement>(`[role="treeitem"][data-key="${CSS.escape(id)}"] .row`);
    for (let i = 0; i < 4 && !row(); i++) {
      // Open the groups on the way: their keys are prefixes of the entry's group path.
      const closed = [...root.querySelectorAll<HTMLElement>('[part="group"][aria-expanded="false"]')].find((g) => this.entryInGroup(id, g.dataset['key'] ?? ''));
      if (!closed) break;
      closed.querySelector<HTMLElement>('.row')!.click();
      await this.updated();
    }
    const target = row();
    if (!target) throw new Error(`${id} is not in the API list`);
    target.click();
    await this.updated();
    expect(this.session.selectedId).to.equal(id);
  }

  private entryInGroup(id: string, groupKey: string): boolean {
    const entry = this.provider.loadedCatalog!.entries.find((e) => e.id === id);
    return !!entry && !!groupKey && [entry.group, entry.subgroup].some((g) => g && groupKey.split(/[/:>]/).includes(g));
  }

  // The form ------------------------------------------------------------------------------------

  /** Every input of the form with its value (files by name): what "the form is intact" compares. */
  formSnapshot(): string[] {
    return [...this.form.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')].map((input) => {
      // A file input drawn again cannot hold its file: the status line beside it names the chosen one.
      if (input instanceof HTMLInputElement && input.type === 'file') return `${input.id}=${text(input.parentElement?.querySelector('.file-status'))}`;
      if (input instanceof HTMLInputElement && input.type === 'checkbox') return `${input.id}=${input.checked}`;
      return `${input.id}=${input.value}`;
    });
  }

  /** The session's draft of an API as JSON (files as their names). */
  draft(id: string): string {
    return JSON.stringify(this.session.values(this.entry(id)), (_, v: unknown) => (v instanceof File ? `file:${v.name}:${v.size}` : v));
  }

  /** Sets a field of the form as a user does (text typed, an option chosen, a file picked). */
  async setField(key: string, value: string | File): Promise<void> {
    const id = `f-${key.replace(/[^a-zA-Z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
    const input = this.form.shadowRoot!.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
    if (!input) throw new Error(`no field ${key} in the form`);
    if (value instanceof File) {
      const files = new DataTransfer();
      files.items.add(value);
      (input as HTMLInputElement).files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (input instanceof HTMLSelectElement) {
      const option = [...input.options].find((o) => o.value === value || o.text === value || o.text.endsWith(`(${value})`));
      if (!option) throw new Error(`no option ${value} for ${key}`);
      input.value = option.value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await this.updated();
  }

  // Running -------------------------------------------------------------------------------------

  /** Presses Run in the code panel. */
  async run(): Promise<void> {
    const run = this.code.shadowRoot!.querySelector<HTMLButtonElement>('[part="run"]')!;
    expect(run.disabled, 'Run is enabled').to.equal(false);
    run.click();
    await customElements.whenDefined('coze-api-response');
    await this.updated();
  }

  /** The response panel's state: empty, pending, streaming, done or error. */
  get state(): string | undefined {
    if (!customElements.get('coze-api-response')) return 'empty';
    return this.response.shadowRoot!.querySelector<HTMLElement>('[part="base"]')?.dataset['state'];
  }

  async settled(timeout = 10_000): Promise<void> {
    await until(() => this.state === 'done' || this.state === 'error', `the run did not finish (state ${this.state})`, timeout);
    await this.updated();
  }

  /** Text of a part of the response panel. */
  responseText(selector: string): string {
    return text(this.response.shadowRoot!.querySelector(selector));
  }

  get errorText(): string {
    return this.responseText('[part="error"]');
  }

  /** Presses the response panel's Retry button. */
  async retry(): Promise<void> {
    const button = [...this.response.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="error"] button')].find((b) => text(b) === 'Retry');
    expect(button, 'a Retry button').to.exist;
    button!.click();
    await this.updated();
  }

  /**
   * The page still reacts to input: another language tab of the sample code is chosen and shown,
   * and the response panel's headers open and close. (How fast is a benchmark's business.)
   */
  async interact(): Promise<void> {
    const tabs = [...this.code.shadowRoot!.querySelectorAll<HTMLElement>('[part~="tab"]')];
    const next = tabs.find((t) => !/tab-selected/.test(t.getAttribute('part') ?? ''));
    expect(next, 'another language tab').to.exist;
    next!.click();
    await this.updated();
    await until(() => /tab-selected/.test(next!.getAttribute('part') ?? ''), 'the clicked language tab is selected');
    tabs.find((t) => t !== next && /curl/i.test(text(t)))?.click();
    await this.updated();
  }
}

export async function mountPlayground(options: ProviderOptions = {}): Promise<PlaygroundPage> {
  const faults = new FaultSwitch();
  const app = document.createElement('coze-api-playground');
  const { provider, transport } = await mountProvider(app, faults, options);
  await app.updateComplete;
  const page = new PlaygroundPage(provider, app, faults, transport);
  await page.updated();
  return page;
}

// The Chat SDK demo --------------------------------------------------------------------------------

export class ChatPage {
  constructor(
    readonly provider: CozePlayground,
    readonly el: CozeChatSdkDemo,
    readonly faults: FaultSwitch,
    readonly transport: LimitedTransport | undefined,
  ) {}

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  $<T extends Element = HTMLElement>(selector: string): T {
    const found = this.root.querySelector<T>(selector);
    if (!found) throw new Error(`nothing matches ${selector}`);
    return found;
  }

  all<T extends Element = HTMLElement>(selector: string): T[] {
    return [...this.root.querySelectorAll<T>(selector)];
  }

  async updated(): Promise<void> {
    await this.el.updateComplete;
  }

  /** Run, then open the window from the bubble. */
  async open(): Promise<void> {
    this.$<HTMLButtonElement>('[part~="run"]').click();
    await until(() => this.root.querySelector('[part~="bubble"]') !== null, 'the bubble shows');
    this.$<HTMLButtonElement>('[part~="bubble"]').click();
    await until(() => this.root.querySelector('textarea.input') !== null, 'the window opens');
    await this.updated();
  }

  get composer(): HTMLTextAreaElement {
    return this.$<HTMLTextAreaElement>('textarea.input');
  }

  async type(value: string): Promise<void> {
    const input = this.composer;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.updated();
  }

  async attach(file: File): Promise<void> {
    const picker = this.$<HTMLInputElement>('input[type="file"]');
    const files = new DataTransfer();
    files.items.add(file);
    picker.files = files.files;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await this.updated();
  }

  /** Types a question and presses Enter. */
  async send(question: string): Promise<void> {
    await this.type(question);
    this.composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await this.updated();
  }

  get errorCards(): HTMLElement[] {
    return this.all('.error-card');
  }

  get lastError(): string {
    return text(this.errorCards.at(-1));
  }

  get busy(): boolean {
    return this.root.querySelector('[part~="stop"]') !== null || this.root.querySelector('.msg.bot[aria-busy="true"]') !== null;
  }

  /** Waits for error card number `count` and for the chat to be idle again. */
  async failed(count = 1, timeout = 10_000): Promise<void> {
    await until(() => this.errorCards.length === count && !this.busy, `error card ${count} shows (${this.errorCards.length} shown)`, timeout);
    await this.updated();
  }

  /** Presses Retry on the last error card. */
  async retry(): Promise<void> {
    const card = this.errorCards.at(-1);
    const button = card?.querySelector<HTMLButtonElement>('button');
    expect(button && text(button), 'a Retry button on the error').to.equal('Retry');
    expect(button!.disabled, 'Retry is enabled').to.equal(false);
    button!.click();
    await this.updated();
    // The error makes way for the new attempt.
    await until(() => !card!.isConnected, `the error card goes away on Retry (requests: ${this.faults.log.slice(-4).join(', ')})`);
  }

  get replies(): HTMLElement[] {
    return this.all('.msg.bot');
  }

  replyText(): string {
    return text(this.replies.at(-1)?.querySelector('.md'));
  }

  /** Waits until reply number `count` (1-based) is complete, the last, and contains `words`. */
  async replied(words: string, count: number, timeout = 10_000): Promise<void> {
    await until(
      () => !this.busy && this.replies.length === count && this.replies.at(-1)?.getAttribute('aria-busy') === 'false' && this.replyText().includes(words),
      `complete reply ${count} with “${words}” (${this.replies.length} replies; last: ${this.replyText().slice(0, 60)}; error: ${this.lastError.slice(0, 160)}; requests: ${this.faults.log.slice(-6).join(', ')})`,
      timeout,
    );
  }

  /** The configurator's inputs and the embed code: what "the form is intact" compares. */
  configSnapshot(): string[] {
    const inputs = this.all<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[part~="configurator"] :is(input, textarea, select)').map((i) =>
      i instanceof HTMLInputElement && i.type === 'checkbox' ? `${i.id}=${i.checked}` : `${i.id}=${i.value}`,
    );
    return [...inputs, `code=${this.el.embedCode}`];
  }

  /**
   * The window still reacts: text typed into the composer stays there and enables Send; the window
   * closes from the bubble and opens again with the conversation. Leaves `draft` in the composer.
   */
  async interact(draft: string): Promise<void> {
    await this.type(draft);
    expect(this.composer.value).to.equal(draft);
    await until(() => this.root.querySelector<HTMLButtonElement>('[part~="send"]')?.disabled === false, 'Send is enabled for the typed draft');
    const before = this.all('.msg').length;
    this.$<HTMLButtonElement>('[part~="bubble"]').click();
    await this.updated();
    await until(() => this.root.querySelector('[part~="window"]') === null, 'the window closes');
    this.$<HTMLButtonElement>('[part~="bubble"]').click();
    await this.updated();
    await until(() => this.root.querySelector('textarea.input') !== null, 'the window opens again');
    expect(this.all('.msg').length, 'the conversation is kept').to.equal(before);
  }
}

export async function mountChat(options: ProviderOptions & { botId?: string; events?: boolean } = {}): Promise<ChatPage> {
  const faults = new FaultSwitch();
  const el = document.createElement('coze-chat-sdk-demo');
  el.botId = options.botId ?? SEEDED.assistantBotId;
  el.showEvents = options.events ?? false;
  const { provider, transport } = await mountProvider(el, faults, options);
  await el.updateComplete;
  return new ChatPage(provider, el, faults, transport);
}

/** Removes the suites' saved drafts, history and layout, so that every page starts the same. */
export function clearSavedState(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('coze-playground:')) localStorage.removeItem(key);
}

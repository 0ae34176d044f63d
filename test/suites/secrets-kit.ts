/**
 * Helpers for the "Secrets" suite: watchers installed on the page's real boundaries (every `fetch`
 * the elements make, the console, every event dispatched, the clipboard, uncaught errors), and
 * readers of everywhere a token could end up (the whole DOM through every shadow root, storage,
 * IndexedDB, Cache Storage, cookies, the URL). Each reader returns labelled strings, so a failing
 * check names where the secret was found.
 */

/** Every string inside a value (objects, arrays, maps, sets, errors), depth- and size-limited, cycle-safe. */
export function stringsIn(value: unknown, limit = 20_000): string[] {
  const out: string[] = [];
  const seen = new WeakSet<object>();
  const visit = (node: unknown, depth: number): void => {
    if (out.length >= limit || depth > 12) return;
    if (typeof node === 'string') {
      out.push(node);
      return;
    }
    if (typeof node === 'number' || typeof node === 'boolean' || typeof node === 'bigint') return;
    if (!node || typeof node !== 'object') return;
    if (seen.has(node)) return;
    seen.add(node);
    if (typeof Node !== 'undefined' && node instanceof Node) {
      out.push(node.textContent ?? '');
      return;
    }
    if (node instanceof Error) out.push(node.message, String(node.stack ?? ''));
    if (node instanceof Map) {
      for (const [k, v] of node) {
        visit(k, depth + 1);
        visit(v, depth + 1);
      }
      return;
    }
    if (node instanceof Set || Array.isArray(node)) {
      for (const v of node) visit(v, depth + 1);
      return;
    }
    if (ArrayBuffer.isView(node) || node instanceof ArrayBuffer || node instanceof Blob) return;
    for (const key of Object.keys(node)) {
      out.push(key);
      let v: unknown;
      try {
        v = (node as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      visit(v, depth + 1);
    }
  };
  visit(value, 0);
  return out;
}

/** One request as the browser was asked to send it. */
export interface SentRecord {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  /** The body as text (JSON, text, each multipart field's name and string value; files by name and content). */
  body: string;
}

async function bodyText(body: BodyInit | null | undefined): Promise<string> {
  if (body === null || body === undefined) return '';
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof FormData) {
    const parts: string[] = [];
    for (const [name, value] of body) parts.push(name, typeof value === 'string' ? value : `${value.name}:${await value.text()}`);
    return parts.join('\n');
  }
  if (body instanceof Blob) return body.text();
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return new TextDecoder().decode(body as ArrayBuffer);
  return String(body);
}

/**
 * Wraps `window.fetch` (what the elements' transport calls) to keep a copy of every request, and
 * optionally add the emulator's fault header to the next ones.
 */
export function watchFetch(): { sent: SentRecord[]; fault: string | undefined; stop(): void } {
  const original = window.fetch;
  const state = {
    sent: [] as SentRecord[],
    fault: undefined as string | undefined,
    stop() {
      window.fetch = original;
    },
  };
  window.fetch = async function watched(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request ? input : undefined;
    const headers = new Headers(init?.headers ?? request?.headers);
    if (state.fault && !headers.has('x-coze-emulator-fault')) headers.set('x-coze-emulator-fault', state.fault);
    const record: SentRecord = {
      url: String(request ? request.url : input),
      method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
      headers: [...headers],
      body: await bodyText(init?.body ?? null),
    };
    state.sent.push(record);
    return original.call(window, request ?? (input as RequestInfo | URL), { ...init, headers });
  } as typeof fetch;
  return state;
}

/** Keeps the text of everything written to the console until stopped (and still writes it). */
export function watchConsole(): { lines: string[]; stop(): void } {
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
  const originals = methods.map((m) => console[m]);
  const lines: string[] = [];
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      lines.push(stringsIn(args).join(' '));
      (originals[i] as (...a: unknown[]) => void).apply(console, args);
    };
  });
  return {
    lines,
    stop() {
      methods.forEach((m, i) => ((console as unknown as Record<string, unknown>)[m] = originals[i]));
    },
  };
}

/** Keeps the type and the detail strings of every event dispatched in the page (host-visible or not). */
export function watchEvents(): { events: Array<{ type: string; text: string }>; stop(): void } {
  const original = EventTarget.prototype.dispatchEvent;
  const events: Array<{ type: string; text: string }> = [];
  EventTarget.prototype.dispatchEvent = function watched(this: EventTarget, event: Event): boolean {
    if (event instanceof CustomEvent || event.type.startsWith('coze-')) events.push({ type: event.type, text: stringsIn((event as CustomEvent).detail).join('\n') });
    return original.call(this, event);
  };
  return {
    events,
    stop() {
      EventTarget.prototype.dispatchEvent = original;
    },
  };
}

/** Replaces the clipboard's `writeText` so that copies are kept (headless Chromium has no permission). */
export function watchClipboard(): { copied: string[]; stop(): void } {
  const clipboard = navigator.clipboard;
  const copied: string[] = [];
  Object.defineProperty(clipboard, 'writeText', { configurable: true, value: async (text: string) => void copied.push(text) });
  return {
    copied,
    stop() {
      delete (clipboard as unknown as Record<string, unknown>)['writeText'];
    },
  };
}

/** Messages of uncaught errors and unhandled rejections. */
export function watchErrors(): { messages: string[]; stop(): void } {
  const messages: string[] = [];
  const onError = (e: ErrorEvent) => messages.push(`${e.message} ${String((e.error as Error | undefined)?.stack ?? '')}`);
  const onRejection = (e: PromiseRejectionEvent) => messages.push(stringsIn(e.reason).join(' '));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    messages,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

// Where a token could end up -----------------------------------------------------------------------

export interface Found {
  where: string;
  text: string;
}

/**
 * The DOM as a user and a script can read it: text, every attribute, and the value of every input,
 * textarea and select, through every open shadow root. Password inputs are reported apart (their
 * value is masked on screen).
 */
export function domStrings(root: Node = document): { visible: Found[]; masked: Found[] } {
  const visible: Found[] = [];
  const masked: Found[] = [];
  const label = (el: Element) => `${(el.getRootNode() as ShadowRoot).host?.localName ?? 'document'} > ${el.localName}${el.id ? `#${el.id}` : ''}`;
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.textContent) visible.push({ where: `text in ${node.parentElement ? label(node.parentElement) : '?'}`, text: node.textContent });
      return;
    }
    if (node instanceof Element) {
      for (const attr of node.attributes) visible.push({ where: `${label(node)}[${attr.name}]`, text: attr.value });
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement) {
        const entry = { where: `${label(node)}.value`, text: node.value };
        if (node instanceof HTMLInputElement && node.type === 'password') masked.push(entry);
        else visible.push(entry);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return { visible, masked };
}

function storageStrings(name: 'localStorage' | 'sessionStorage'): Found[] {
  const store = window[name];
  const out: Found[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i)!;
    out.push({ where: `${name}[${key}]`, text: `${key}\n${store.getItem(key) ?? ''}` });
  }
  return out;
}

/** Every record of every IndexedDB database of this origin. */
async function indexedDbStrings(): Promise<Found[]> {
  const out: Found[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(info.name!);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    for (const store of db.objectStoreNames) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      out.push({ where: `indexedDB ${info.name}/${store}`, text: stringsIn(all).join('\n') });
    }
    db.close();
  }
  return out;
}

async function cacheStrings(): Promise<Found[]> {
  if (typeof caches === 'undefined') return [];
  const out: Found[] = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) out.push({ where: `cache ${name}`, text: `${request.url}\n${await (await cache.match(request))?.text()}` });
  }
  return out;
}

/** Storage of every kind the page can write: Web Storage, IndexedDB, Cache Storage, cookies. */
export async function storedStrings(): Promise<Found[]> {
  return [
    ...storageStrings('localStorage'),
    ...storageStrings('sessionStorage'),
    ...(await indexedDbStrings()),
    ...(await cacheStrings()),
    { where: 'document.cookie', text: document.cookie },
  ];
}

/** The page's address and history state. */
export function urlStrings(): Found[] {
  return [
    { where: 'location.href', text: location.href },
    { where: 'history.state', text: stringsIn(history.state).join('\n') },
  ];
}

/** The places among `found` whose text contains `secret` (an empty list is the wanted answer). */
export function leaks(found: Found[], secret: string): string[] {
  return found.filter((f) => f.text.includes(secret)).map((f) => `${f.where}: …${excerpt(f.text, secret)}…`);
}

function excerpt(text: string, secret: string): string {
  const at = text.indexOf(secret);
  return text.slice(Math.max(0, at - 40), at + secret.length + 40);
}

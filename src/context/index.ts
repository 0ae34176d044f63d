/**
 * Every context the elements share, in one place. Keys use `Symbol.for` with a version, so two copies
 * of the library on one page (only one of which defines the tags) still find each other's providers.
 */
import { createContext } from '@lit/context';
import type { Catalog } from '../core/catalog/schema.js';
import type { PlaygroundSession } from '../core/session.js';
import type { Transport } from '../core/transport/types.js';
import type { Locale } from '../i18n/index.js';

/** The catalogue as the provider has it: replaced (never mutated) on every change. */
export type CatalogState =
  | { status: 'loading' }
  | { status: 'ready'; catalog: Catalog }
  | { status: 'error'; error: CatalogLoadError };

/** What went wrong loading a catalogue, in a form elements can render in either language. */
export interface CatalogLoadError {
  /** `invalid`: the document does not validate; `fetch`: it could not be fetched; `other`: anything else. */
  kind: 'invalid' | 'fetch' | 'other';
  /** Where the catalogue came from (a URL, "catalog property"). */
  source: string;
  /** For `fetch` and `other`: the reason, as the browser or parser gave it. */
  reason?: string;
  /** For `invalid`: `path: message` problems, one per bad field. */
  problems: Array<{ path: string; message: string }>;
}

export type Theme = 'light' | 'dark' | 'auto';

/** Display preferences every element follows. */
export interface DisplaySettings {
  locale: Locale;
  theme: Theme;
}

export const catalogContext = createContext<CatalogState>(Symbol.for('coze-playground-elements/catalog@1'));
export const displayContext = createContext<DisplaySettings>(Symbol.for('coze-playground-elements/display@1'));

/** How requests reach Coze (or the emulator): the provider's transport, replaced when its settings change. */
export const transportContext = createContext<Transport>(Symbol.for('coze-playground-elements/transport@1'));

/**
 * The session (selected API, draft values, runs, history, carried ids). A stable object with methods;
 * it fires `change` events, which consumers listen to (its identity never changes).
 */
export const sessionContext = createContext<PlaygroundSession>(Symbol.for('coze-playground-elements/session@1'));

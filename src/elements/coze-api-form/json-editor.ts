/**
 * The raw JSON body editor of `<coze-api-form>`: a plain textarea with a line-number gutter (no heavy
 * editor), the parse error at the editor with its line and column, and a Format button.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { JsonParseError } from '../../core/form/draft.js';
import type { MessageKey } from '../../i18n/index.js';
import { cssomStyle } from '../shared/cssom-style.js';

export interface JsonEditorContext {
  t(key: MessageKey, values?: Record<string, string | number>): string;
  id: string;
  text: string;
  /** A syntax error, or JSON that is not an object. */
  problem: { kind: 'syntax'; error: JsonParseError } | { kind: 'not-object' } | undefined;
  /** Problems from the last check that concern the body as a whole. */
  messages: string[];
  edit(text: string): void;
  format(): void;
}

/** Pixels per line; the textarea and the gutter share it so their numbers line up. */
export const JSON_LINE_HEIGHT = 20;

function errorText(ctx: JsonEditorContext): string | undefined {
  const p = ctx.problem;
  if (!p) return undefined;
  if (p.kind === 'not-object') return ctx.t('form.json.notObject');
  const { line, column, message } = p.error;
  return line !== undefined && column !== undefined ? ctx.t('form.json.errorAt', { line, column, message }) : ctx.t('form.json.error', { message });
}

export function renderJsonEditor(ctx: JsonEditorContext): TemplateResult {
  const lines = ctx.text.split('\n').length;
  const numbers = Array.from({ length: lines }, (_, i) => i + 1).join('\n');
  const error = errorText(ctx);
  // The live parse error already says what the last check would; other body-wide messages show otherwise.
  const extra = error ? [] : ctx.messages;
  const errorLine = ctx.problem?.kind === 'syntax' ? ctx.problem.error.line : undefined;
  const invalid = !!error || extra.length > 0;
  const rows = Math.min(Math.max(lines + 1, 8), 28);
  const syncScroll = (e: Event) => {
    const ta = e.target as HTMLTextAreaElement;
    const gutter = ta.previousElementSibling as HTMLElement | null;
    if (gutter) gutter.scrollTop = ta.scrollTop;
  };
  return html`<div part="json-editor" class="json-editor">
    <label class="sr-only" for=${ctx.id}>${ctx.t('form.json.label')}</label>
    <div class="editor-frame ${invalid ? 'invalid' : ''}" ${cssomStyle({ '--_lh': `${JSON_LINE_HEIGHT}px` })}>
      <div class="gutter" aria-hidden="true">
        <pre>${numbers}</pre>
        ${errorLine !== undefined ? html`<div class="error-line" ${cssomStyle({ top: `calc(${errorLine - 1} * var(--_lh) + 8px)` })}></div>` : nothing}
      </div>
      <textarea
        id=${ctx.id}
        class="mono"
        rows=${rows}
        wrap="off"
        spellcheck="false"
        autocomplete="off"
        autocapitalize="off"
        .value=${ctx.text}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(invalid ? `${ctx.id}-e` : `${ctx.id}-h`)}
        @input=${(e: Event) => ctx.edit((e.target as HTMLTextAreaElement).value)}
        @scroll=${syncScroll}
      ></textarea>
    </div>
    <div class="json-foot">
      <div id="${ctx.id}-e" class="json-error" aria-live="polite">${error ? html`<p class="error">${error}</p>` : nothing}${extra.map((m) => html`<p class="error">${m}</p>`)}</div>
      ${invalid ? nothing : html`<p class="hint" id="${ctx.id}-h">${ctx.t('form.json.synced')}</p>`}
      <button type="button" class="small" ?disabled=${!!ctx.problem} @click=${ctx.format}>${ctx.t('form.json.format')}</button>
    </div>
  </div>`;
}

/**
 * A light code editor: a textarea with a line-number gutter that scrolls with it, the line of an
 * error marked. No editor library: the embed code is a few dozen lines.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface EditorView {
  code: string;
  label: string;
  /** 1-based line of the error, if the code cannot be read. */
  errorLine?: number;
  errorId?: string;
  onInput: (code: string) => void;
}

function syncGutter(e: Event): void {
  const area = e.target as HTMLTextAreaElement;
  const gutter = area.previousElementSibling?.firstElementChild as HTMLElement | null | undefined;
  if (gutter) gutter.style.transform = `translateY(${-area.scrollTop}px)`;
}

export function renderEditor(v: EditorView): TemplateResult {
  const lines = v.code.split('\n').length;
  const numbers: unknown[] = [];
  for (let i = 1; i <= lines; i++) numbers.push(i === v.errorLine ? html`<span class="error-line">${i}</span>\n` : `${i}\n`);
  return html`<div class="editor" part="editor">
    <div class="gutter-clip" aria-hidden="true"><pre class="gutter">${numbers}</pre></div>
    <textarea
      class="code"
      spellcheck="false"
      autocapitalize="off"
      autocomplete="off"
      wrap="off"
      aria-label=${v.label}
      aria-invalid=${v.errorLine ? 'true' : 'false'}
      aria-describedby=${v.errorLine && v.errorId ? v.errorId : nothing}
      .value=${v.code}
      @input=${(e: Event) => {
        v.onInput((e.target as HTMLTextAreaElement).value);
        syncGutter(e);
      }}
      @scroll=${syncGutter}
    ></textarea>
  </div>`;
}

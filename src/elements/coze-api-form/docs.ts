/**
 * Read-only parameter docs for `<coze-api-form>`: response fields, callback payloads and WebSocket
 * parameters as a nested list whose objects and arrays expand (`<details>`), and stream events.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EventDescription, Field, Schema } from '../../core/catalog/schema.js';
import { pick, type Locale, type MessageKey } from '../../i18n/index.js';
import { typeLabel } from './fields.js';

export interface DocsContext {
  t(key: MessageKey, values?: Record<string, string | number>): string;
  locale: Locale;
  /** Whether the entry at `key` is open (`depth` 0 starts open). */
  isOpen(key: string, depth: number): boolean;
  toggle(key: string, open: boolean): void;
}

/** The nested fields of a field: an object's fields, or those of an array's object items. */
export function childFields(schema: Schema): Field[] {
  if (schema.fields?.length) return schema.fields;
  if (schema.type === 'array' && schema.items) return childFields(schema.items);
  return [];
}

/** Keys of every entry that can expand, for "expand all". */
export function docKeys(fields: Field[], prefix: string): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const key = `${prefix}.${f.name}`;
    const children = childFields(f);
    if (children.length) out.push(key, ...docKeys(children, key));
  }
  return out;
}

function row(ctx: DocsContext, field: Field) {
  const doc = pick(field.description, ctx.locale);
  const options = field.enum?.map((o) => {
    const label = pick(o.label, ctx.locale);
    return label ? `${String(o.value)} (${label})` : String(o.value);
  });
  return html`<span><code class="name">${field.name}</code>${field.required ? html`<span class="req" aria-hidden="true">*</span><span class="sr-only"> (${ctx.t('form.required')})</span>` : nothing}</span>
    <span class="type">${typeLabel(field)}</span>
    ${doc ? html`<span class="doc">${doc}</span>` : nothing}
    ${options?.length ? html`<span class="doc enum">${options.join(' · ')}</span>` : nothing}`;
}

/** Fields as a nested list; objects and arrays of objects expand to show their fields. */
export function renderDocFields(ctx: DocsContext, fields: Field[], prefix: string, depth = 0): TemplateResult {
  return html`<ul class="doc-fields">
    ${fields.map((f) => {
      const key = `${prefix}.${f.name}`;
      const children = childFields(f);
      if (!children.length) return html`<li class="doc-field"><div class="doc-row">${row(ctx, f)}</div></li>`;
      const open = ctx.isOpen(key, depth);
      return html`<li class="doc-field">
        <details ?open=${open} @toggle=${(e: Event) => {
          const now = (e.target as HTMLDetailsElement).open;
          if (now !== open) ctx.toggle(key, now);
        }}>
          <summary class="doc-row">${row(ctx, f)}</summary>
          ${open ? renderDocFields(ctx, children, key, depth + 1) : nothing}
        </details>
      </li>`;
    })}
  </ul>`;
}

/** Stream or WebSocket events: name, meaning, and their data fields. */
export function renderEvents(ctx: DocsContext, events: EventDescription[], prefix: string): TemplateResult {
  return html`<ul class="doc-fields events">
    ${events.map((ev) => {
      const key = `${prefix}.${ev.name}`;
      const open = ctx.isOpen(key, 1);
      const doc = html`<code class="name">${ev.name}</code><span class="doc">${pick(ev.description, ctx.locale)}</span>`;
      if (!ev.fields?.length) return html`<li class="doc-field"><div class="doc-row">${doc}</div></li>`;
      return html`<li class="doc-field">
        <details ?open=${open} @toggle=${(e: Event) => {
          const now = (e.target as HTMLDetailsElement).open;
          if (now !== open) ctx.toggle(key, now);
        }}>
          <summary class="doc-row">${doc}</summary>
          ${open ? renderDocFields(ctx, ev.fields, key, 1) : nothing}
        </details>
      </li>`;
    })}
  </ul>`;
}

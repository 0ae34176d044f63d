/**
 * Render helpers for the generated request fields of `<coze-api-form>`: one function per kind of
 * input, all taking the same explicit {@link FieldContext} (no `this`), so the element stays small
 * and each helper can be read on its own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Field, Schema } from '../../core/catalog/schema.js';
import { emptyItem, fieldDomId, getIn, isCarriedName, numberFromText, pathKey, storedFile, textOf, type FieldPath } from '../../core/form/draft.js';
import type { DraftValues } from '../../core/request/build.js';
import { formatBytes } from '../../core/format.js';
import { pick, type Locale, type MessageKey } from '../../i18n/index.js';

/** What every field helper needs from the form. */
export interface FieldContext {
  t(key: MessageKey, values?: Record<string, string | number>): string;
  locale: Locale;
  values: DraftValues;
  /** Messages of the last check, by field path key (`body.messages[0].role`). */
  problems: ReadonlyMap<string, string[]>;
  /** Whether a group is open; `undefined` = not chosen by the user. */
  openState(key: string): boolean | undefined;
  toggle(key: string, open: boolean): void;
  carried(name: string): string[];
  /** The text last typed into a field, shown instead of the value's own text while they agree. */
  typed(key: string, value: unknown): string;
  set(path: FieldPath, value: unknown, typed?: string): void;
  removeItem(path: FieldPath, index: number): void;
  renameKey(path: FieldPath, from: string, to: string): void;
  /** Map keys typed that clash with another key, by map path key + row index. */
  keyError(key: string): string | undefined;
}

const child = (path: FieldPath, segment: string | number): FieldPath => ({ in: path.in, segments: [...path.segments, segment] });

/** The type as the docs write it: `string`, `array<object>`, `integer · int64`. */
export function typeLabel(schema: Schema): string {
  const base = schema.type === 'array' && schema.items ? `array<${schema.items.type}>` : schema.type;
  return schema.format && schema.format !== 'binary' ? `${base} · ${schema.format}` : base;
}

/** Short text for a default or example value. */
export function valueText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function constraints(ctx: FieldContext, s: Schema): string[] {
  const out: string[] = [];
  if (s.minimum !== undefined) out.push(ctx.t('form.c.min', { n: s.minimum }));
  if (s.maximum !== undefined) out.push(ctx.t('form.c.max', { n: s.maximum }));
  if (s.minLength !== undefined) out.push(ctx.t('form.c.minLength', { n: s.minLength }));
  if (s.maxLength !== undefined) out.push(ctx.t('form.c.maxLength', { n: s.maxLength }));
  if (s.minItems !== undefined) out.push(ctx.t('form.c.minItems', { n: s.minItems }));
  if (s.maxItems !== undefined) out.push(ctx.t('form.c.maxItems', { n: s.maxItems }));
  if (s.pattern) out.push(ctx.t('form.c.pattern', { pattern: s.pattern }));
  if (s.format === 'int64' && s.type === 'integer') out.push(ctx.t('form.c.int64'));
  if (s.accept) out.push(ctx.t('form.c.accept', { accept: s.accept.length > 80 ? `${s.accept.slice(0, 77)}…` : s.accept }));
  return out;
}

/** Whether a group starts open: when it is required or holds something, unless the user said otherwise. */
function isOpen(ctx: FieldContext, key: string, field: Field, value: unknown): boolean {
  const chosen = ctx.openState(key);
  if (chosen !== undefined) return chosen;
  const filled = Array.isArray(value) ? value.length > 0 : !!value && typeof value === 'object' && Object.keys(value).length > 0;
  return !!field.required || filled;
}

function messagesOf(ctx: FieldContext, key: string): string[] {
  return ctx.problems.get(key) ?? [];
}

/** `aria-describedby` ids of a field: description, details, error. */
function describedBy(id: string, hasDoc: boolean, hasMeta: boolean, hasError: boolean): string | undefined {
  const ids = [hasDoc ? `${id}-d` : '', hasMeta ? `${id}-m` : '', hasError ? `${id}-e` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function renderRequired(ctx: FieldContext, required: boolean | undefined) {
  return required ? html`<span class="req" aria-hidden="true">*</span><span class="sr-only"> (${ctx.t('form.required')})</span>` : nothing;
}

function renderError(ctx: FieldContext, id: string, messages: string[]) {
  return messages.length ? html`<p class="error" id="${id}-e">${messages.join(' ')}</p>` : nothing;
}

/** Default, example (with "use example"), constraints and carried ids under a field. */
function renderMeta(ctx: FieldContext, id: string, field: Field, path: FieldPath, name: string) {
  const parts: TemplateResult[] = [];
  if (field.default !== undefined) parts.push(html`<span>${ctx.t('form.default', { value: valueText(field.default) })}</span>`);
  if (field.example !== undefined && field.type !== 'file') {
    parts.push(html`<span>${ctx.t('form.example', { value: valueText(field.example) })}</span>`);
  }
  const list = constraints(ctx, field);
  if (list.length) parts.push(html`<span>${ctx.t('form.constraints', { list: list.join(ctx.locale === 'zh-CN' ? '；' : '; ') })}</span>`);
  const carried = (field.type === 'string' || field.type === 'integer') && isCarriedName(name) ? ctx.carried(name).slice(0, 3) : [];
  const useExample =
    field.example !== undefined && field.type !== 'file'
      ? html`<button type="button" class="link" aria-label=${ctx.t('form.useExampleFor', { name })} @click=${() => ctx.set(path, structuredClone(field.example))}>${ctx.t('form.useExample')}</button>`
      : nothing;
  if (!parts.length && !carried.length && useExample === nothing) return nothing;
  return html`<div class="meta">
    ${parts.length ? html`<p id="${id}-m">${parts.map((p, i) => html`${i ? html`<span aria-hidden="true"> · </span>` : nothing}${p}`)}</p>` : nothing}
    ${useExample}
    ${carried.length
      ? html`<div class="chips" role="group" aria-label=${ctx.t('form.carried')}>
          <span aria-hidden="true">${ctx.t('form.carried')}</span>
          ${carried.map((v) => html`<button type="button" class="chip" aria-label=${ctx.t('form.carriedUse', { name, value: v })} @click=${() => ctx.set(path, field.type === 'integer' ? numberFromText(v, field) : v)}>${v}</button>`)}
        </div>`
      : nothing}
  </div>`;
}

/** One request parameter or nested field, with its label, docs and input (or nested group). */
export function renderField(ctx: FieldContext, field: Field, path: FieldPath): TemplateResult {
  const key = pathKey(path);
  const value = getIn(ctx.values[path.in], path.segments);
  if (isGroup(field)) return renderGroup(ctx, field, path, key, value);
  const id = fieldDomId(key);
  const messages = messagesOf(ctx, key);
  const doc = pick(field.description, ctx.locale);
  const meta = renderMeta(ctx, id, field, path, field.name);
  const hasMetaText = field.default !== undefined || (field.example !== undefined && field.type !== 'file') || constraints(ctx, field).length > 0;
  return html`<div part="field" class="field" data-path=${key}>
    <div class="label-row">
      <label class="name" for=${id}>${field.name}${renderRequired(ctx, field.required)}</label>
      <span class="type">${typeLabel(field)}</span>
    </div>
    ${doc ? html`<p class="doc" id="${id}-d">${doc}</p>` : nothing}
    ${meta}
    ${renderInput(ctx, field, path, id, describedBy(id, !!doc, hasMetaText, messages.length > 0), messages.length > 0, field.required)}
    ${renderError(ctx, id, messages)}
  </div>`;
}

function isGroup(schema: Schema): boolean {
  return schema.type === 'array' || schema.type === 'object';
}

/** An object or array: a collapsible fieldset whose legend button shows and hides its content. */
function renderGroup(ctx: FieldContext, field: Field, path: FieldPath, key: string, value: unknown): TemplateResult {
  const id = fieldDomId(key);
  const open = isOpen(ctx, key, field, value);
  const messages = messagesOf(ctx, key);
  const doc = pick(field.description, ctx.locale);
  const count = Array.isArray(value) ? value.length : undefined;
  return html`<fieldset part="field" class="field group" data-path=${key}>
    <legend>
      <button type="button" class="disclosure" id=${id} aria-expanded=${open ? 'true' : 'false'} aria-controls="${id}-c" aria-describedby=${ifDefined(describedBy(id, !!doc, false, messages.length > 0))} @click=${() => ctx.toggle(key, !open)}>
        <span class="chevron" aria-hidden="true"></span><span class="name">${field.name}</span>${renderRequired(ctx, field.required)}
      </button>
      <span class="type">${typeLabel(field)}${count !== undefined ? html` <span class="count">(${count})</span>` : nothing}</span>
    </legend>
    ${doc ? html`<p class="doc" id="${id}-d">${doc}</p>` : nothing}
    ${renderError(ctx, id, messages)}
    <div class="group-body" id="${id}-c" ?hidden=${!open}>
      ${renderMeta(ctx, id, field, path, field.name)}
      ${field.type === 'array' ? renderArray(ctx, field, path, value) : renderObject(ctx, field, path, value)}
    </div>
  </fieldset>`;
}

function renderArray(ctx: FieldContext, field: Schema & { name: string }, path: FieldPath, value: unknown) {
  const items = Array.isArray(value) ? value : [];
  const itemSchema = field.items ?? { type: 'string' as const };
  const add = () => {
    ctx.set(path, [...items, emptyItem(itemSchema)]);
    ctx.toggle(pathKey(path), true);
  };
  return html`<ol class="items">
      ${items.map((_, i) => {
        const itemPath = child(path, i);
        const itemKey = pathKey(itemPath);
        const itemId = fieldDomId(itemKey);
        const label = ctx.t('form.array.item', { n: i + 1 });
        const messages = messagesOf(ctx, itemKey);
        const body = isGroup(itemSchema) && itemSchema.type === 'object'
          ? html`<div class="item-fields" role="group" aria-labelledby="${itemId}-l">${renderObject(ctx, itemSchema, itemPath, getIn(ctx.values[path.in], itemPath.segments))}</div>`
          : itemSchema.type === 'array'
            ? renderField(ctx, { ...itemSchema, name: label }, itemPath)
            : html`${renderInput(ctx, itemSchema, itemPath, itemId, describedBy(itemId, false, false, messages.length > 0), messages.length > 0, false, `${field.name} ${label}`)}${renderError(ctx, itemId, messages)}`;
        return html`<li class="item">
          <div class="item-head">
            <span class="item-label" id="${itemId}-l">${label}</span>
            <button type="button" class="link danger" aria-label=${ctx.t('form.array.removeItem', { n: i + 1, name: field.name })} @click=${() => ctx.removeItem(path, i)}>${ctx.t('form.array.remove')}</button>
          </div>
          ${body}
        </li>`;
      })}
    </ol>
    ${items.length ? nothing : html`<p class="hint">${ctx.t('form.array.empty')}</p>`}
    <button type="button" class="add" aria-label=${ctx.t('form.array.addTo', { name: field.name })} @click=${add}><span aria-hidden="true">+ </span>${ctx.t('form.array.add')}</button>`;
}

/** An object: its documented fields, then (for maps) one key/value row per other key. */
function renderObject(ctx: FieldContext, schema: Schema, path: FieldPath, value: unknown) {
  const fields = schema.fields ?? [];
  const isMap = !!schema.additionalProperties || !fields.length;
  return html`${fields.map((f) => renderField(ctx, f, child(path, f.name)))}${isMap ? renderMap(ctx, schema, path, value, new Set(fields.map((f) => f.name))) : nothing}`;
}

/** Free-form key/value rows. Typed maps use the value schema's input; untyped ones take JSON or text. */
function renderMap(ctx: FieldContext, schema: Schema, path: FieldPath, value: unknown, known: Set<string>) {
  const map = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const rows = Object.entries(map).filter(([k]) => !known.has(k));
  const valueSchema: Schema | undefined = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  const key = pathKey(path);
  const name = String(path.segments[path.segments.length - 1] ?? key);
  const add = () => {
    if ('' in map) return;
    ctx.set(path, { ...map, '': valueSchema ? emptyItem(valueSchema) ?? '' : '' });
  };
  return html`<div class="map" role="group" aria-label=${name}>
    ${valueSchema ? nothing : html`<p class="hint">${ctx.t('form.map.anyHint')}</p>`}
    ${rows.length
      ? html`<div class="map-head" aria-hidden="true"><span>${ctx.t('form.map.key')}</span><span>${ctx.t('form.map.value')}</span><span></span></div>`
      : html`<p class="hint">${ctx.t('form.map.empty')}</p>`}
    ${rows.map(([k, v], i) => {
      const rowPath = child(path, k);
      const rowKey = pathKey(rowPath);
      const keyId = `${fieldDomId(key)}-k${i}`;
      const valueId = fieldDomId(rowKey);
      const clash = ctx.keyError(`${key}#${i}`);
      const messages = messagesOf(ctx, rowKey);
      return html`<div class="map-row">
        <div>
          <input part="input" id=${keyId} class="mono" .value=${k} aria-label=${ctx.t('form.map.keyOf', { n: i + 1, name })} aria-invalid=${clash ? 'true' : 'false'} aria-describedby=${ifDefined(clash ? `${keyId}-e` : undefined)} autocomplete="off" spellcheck="false" @input=${(e: Event) => ctx.renameKey(path, k, (e.target as HTMLInputElement).value)} />
          ${clash ? html`<p class="error" id="${keyId}-e">${clash}</p>` : nothing}
        </div>
        <div>
          ${valueSchema && valueSchema.type !== 'object' && valueSchema.type !== 'array'
            ? renderInput(ctx, valueSchema, rowPath, valueId, describedBy(valueId, false, false, messages.length > 0), messages.length > 0, false, ctx.t('form.map.valueOf', { key: k || '…' }))
            : renderAnyInput(ctx, rowPath, valueId, v, ctx.t('form.map.valueOf', { key: k || '…' }))}
          ${renderError(ctx, valueId, messages)}
        </div>
        <button type="button" class="link danger" aria-label=${ctx.t('form.map.removeKey', { key: k || '…', name })} @click=${() => ctx.set(rowPath, undefined)}>${ctx.t('form.map.remove')}</button>
      </div>`;
    })}
    <button type="button" class="add" ?disabled=${'' in map} aria-label=${ctx.t('form.map.addTo', { name })} @click=${add}><span aria-hidden="true">+ </span>${ctx.t('form.map.add')}</button>
  </div>`;
}

/** Text → a JSON value when it reads as one (numbers, booleans, objects, quoted text), else the text. */
export function anyFromText(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed || !/^[[{"\-\d]|^(true|false|null)$/.test(trimmed)) return text;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

function renderAnyInput(ctx: FieldContext, path: FieldPath, id: string, value: unknown, label: string) {
  const key = pathKey(path);
  return html`<input part="input" id=${id} class="mono" .value=${ctx.typed(key, value)} aria-label=${label} autocomplete="off" spellcheck="false"
    @input=${(e: Event) => {
      const text = (e.target as HTMLInputElement).value;
      ctx.set(path, anyFromText(text), text);
    }} />`;
}

/** Long text gets a textarea: JSON strings, long limits, prompt-like names, long examples. */
function wantsTextarea(schema: Schema, name: string): boolean {
  if (schema.format === 'json') return true;
  if ((schema.maxLength ?? 0) > 256) return true;
  if (/^(content|prompt|prompt_info|instructions|description|text|input|query|onboarding_info)$/.test(name)) return true;
  return typeof schema.example === 'string' && (schema.example.length > 60 || schema.example.includes('\n'));
}

/** The input for a leaf value: text, textarea, number-ish text, select, file. */
export function renderInput(ctx: FieldContext, schema: Schema, path: FieldPath, id: string, describedby: string | undefined, invalid: boolean, required: boolean | undefined, label?: string): TemplateResult {
  const key = pathKey(path);
  const value = getIn(ctx.values[path.in], path.segments);
  const name = String(path.segments[path.segments.length - 1] ?? '');
  const common = { id, describedby, invalid: invalid ? 'true' : 'false', required: required ? 'true' : undefined, label };
  if (schema.enum) return renderEnum(ctx, schema, path, value, common);
  switch (schema.type) {
    case 'boolean':
      return renderBoolean(ctx, schema, path, value, common);
    case 'integer':
    case 'number':
      return html`<input part="input" type="text" class="mono" id=${id} inputmode=${schema.type === 'integer' ? 'numeric' : 'decimal'} autocomplete="off" spellcheck="false"
        .value=${ctx.typed(key, value)} aria-label=${ifDefined(label)} aria-describedby=${ifDefined(describedby)} aria-invalid=${common.invalid} aria-required=${ifDefined(common.required)}
        @input=${(e: Event) => {
          const text = (e.target as HTMLInputElement).value;
          ctx.set(path, numberFromText(text, schema), text);
        }} />`;
    case 'file':
      return renderFile(ctx, schema, path, value, common);
    case 'object':
    case 'array':
      return renderAnyInput(ctx, path, id, value, label ?? name);
    case 'string':
    default: {
      const onInput = (e: Event) => {
        const text = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
        ctx.set(path, text === '' ? undefined : text, text);
      };
      const text = ctx.typed(key, value);
      if (wantsTextarea(schema, name)) {
        return html`<textarea part="input" id=${id} class=${schema.format === 'json' ? 'mono' : ''} rows=${schema.format === 'json' ? 4 : 3} spellcheck="false"
          .value=${text} aria-label=${ifDefined(label)} aria-describedby=${ifDefined(describedby)} aria-invalid=${common.invalid} aria-required=${ifDefined(common.required)} @input=${onInput}></textarea>`;
      }
      const mono = /(^|_)id$/.test(name) || schema.format === 'int64' || schema.format === 'uri';
      return html`<input part="input" type="text" id=${id} class=${mono ? 'mono' : ''} autocomplete="off" spellcheck="false" inputmode=${ifDefined(schema.format === 'int64' ? 'numeric' : undefined)}
        .value=${text} aria-label=${ifDefined(label)} aria-describedby=${ifDefined(describedby)} aria-invalid=${common.invalid} aria-required=${ifDefined(common.required)} @input=${onInput} />`;
    }
  }
}

interface Common {
  id: string;
  describedby: string | undefined;
  invalid: string;
  required: string | undefined;
  label: string | undefined;
}

function renderEnum(ctx: FieldContext, schema: Schema, path: FieldPath, value: unknown, c: Common) {
  const options = schema.enum ?? [];
  const selected = options.findIndex((o) => o.value === value || String(o.value) === String(value));
  const unset = schema.default !== undefined ? ctx.t('form.unsetDefault', { value: valueText(schema.default) }) : ctx.t('form.unset');
  return html`<select part="input" id=${c.id} aria-label=${ifDefined(c.label)} aria-describedby=${ifDefined(c.describedby)} aria-invalid=${c.invalid} aria-required=${ifDefined(c.required)}
    @change=${(e: Event) => {
      const i = Number((e.target as HTMLSelectElement).value);
      ctx.set(path, i >= 0 ? options[i]!.value : undefined);
    }}>
    <option value="-1" ?selected=${selected < 0}>${unset}</option>
    ${options.map((o, i) => {
      const label = pick(o.label, ctx.locale);
      return html`<option value=${i} ?selected=${i === selected}>${label ? `${label} (${String(o.value)})` : String(o.value)}</option>`;
    })}
  </select>`;
}

/** A tri-state select: not set, true, false (an unset boolean is left out of the request). */
function renderBoolean(ctx: FieldContext, schema: Schema, path: FieldPath, value: unknown, c: Common) {
  const current = value === true || value === 'true' ? 'true' : value === false || value === 'false' ? 'false' : '';
  const unset = schema.default !== undefined ? ctx.t('form.unsetDefault', { value: valueText(schema.default) }) : ctx.t('form.unset');
  return html`<select part="input" class="bool" id=${c.id} aria-label=${ifDefined(c.label)} aria-describedby=${ifDefined(c.describedby)} aria-invalid=${c.invalid} aria-required=${ifDefined(c.required)}
    @change=${(e: Event) => {
      const v = (e.target as HTMLSelectElement).value;
      ctx.set(path, v === '' ? undefined : v === 'true');
    }}>
    <option value="" ?selected=${current === ''}>${unset}</option>
    <option value="true" ?selected=${current === 'true'}>${ctx.t('form.switch.on')}</option>
    <option value="false" ?selected=${current === 'false'}>${ctx.t('form.switch.off')}</option>
  </select>`;
}

function renderFile(ctx: FieldContext, schema: Schema, path: FieldPath, value: unknown, c: Common) {
  const file = typeof Blob !== 'undefined' && value instanceof Blob ? value : undefined;
  const stored = storedFile(value);
  const name = file instanceof File ? file.name : 'blob';
  const status = file
    ? ctx.t('form.file.chosen', { name, size: formatBytes(file.size, ctx.locale) })
    : stored
      ? ctx.t('form.file.again', { name: stored.name, size: formatBytes(stored.size, ctx.locale) })
      : undefined;
  const describedby = [c.describedby, status ? `${c.id}-s` : ''].filter(Boolean).join(' ') || undefined;
  return html`<div class="file">
    <input part="input" type="file" id=${c.id} accept=${ifDefined(schema.accept)} aria-label=${ifDefined(c.label)} aria-describedby=${ifDefined(describedby)} aria-invalid=${c.invalid} aria-required=${ifDefined(c.required)}
      @change=${(e: Event) => {
        const chosen = (e.target as HTMLInputElement).files?.[0];
        ctx.set(path, chosen ?? undefined);
      }} />
    <p class="file-status ${stored && !file ? 'warn' : ''}" id="${c.id}-s" aria-live="polite">${status ?? ''}</p>
    ${file || stored
      ? html`<button type="button" class="link danger" @click=${(e: Event) => {
          const input = (e.target as HTMLElement).closest('.file')?.querySelector('input');
          if (input) input.value = '';
          ctx.set(path, undefined);
        }}>${ctx.t('form.file.clear')}</button>`
      : nothing}
  </div>`;
}

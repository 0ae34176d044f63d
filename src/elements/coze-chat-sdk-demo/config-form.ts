/**
 * The configurator: every Chat SDK option as a form field, grouped as the SDK docs group them. Pure
 * rendering: values come from the options object, every edit goes back through `onField`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isLiteralObject, RawCode, type LiteralObject } from '../../core/chat-sdk/literal.js';
import { fieldApplies, FIELDS, GROUPS, readField, type FieldId, type GroupId, type OptionField, type OptionProblem } from '../../core/chat-sdk/options.js';
import type { SdkRegion } from '../../core/chat-sdk/snippet.js';
import { pick, type Locale, type MessageKey } from '../../i18n/index.js';

export type FieldInput = string | number | boolean | LiteralObject | undefined;

export interface FormView {
  tree: LiteralObject;
  locale: Locale;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  problems: readonly OptionProblem[];
  /** JSON fields being typed that do not parse yet: their text and error. */
  jsonDrafts: Partial<Record<FieldId, { text: string; error?: string }>>;
  tokenRevealed: boolean;
  /** Under a provider, an empty token means "the playground's token". */
  hasFallbackToken: boolean;
  version: string;
  region: SdkRegion;
  onField: (field: OptionField, value: FieldInput) => void;
  onJson: (field: OptionField, text: string) => void;
  onRevealToken: () => void;
  onVersion: (version: string) => void;
  onRegion: (region: SdkRegion) => void;
}

const OPEN_GROUPS = new Set<GroupId>(['target', 'auth', 'look']);

const inputValue = (e: Event) => (e.target as HTMLInputElement).value;

function problemOf(view: FormView, id: FieldId): string | undefined {
  const p = view.problems.find((x) => x.field === id);
  return p ? pick(p.message, view.locale) : undefined;
}

function describedBy(...ids: Array<string | false | undefined>): string | typeof nothing {
  const list = ids.filter(Boolean).join(' ');
  return list || nothing;
}

function label(view: FormView, f: OptionField): string {
  return view.t(`chat.field.${f.id}` as MessageKey);
}

function help(view: FormView, f: OptionField): string | undefined {
  switch (f.id) {
    case 'token':
      return view.hasFallbackToken ? view.t('chat.help.token') : view.t('chat.help.tokenStandalone');
    case 'footerText':
      return view.t('chat.help.footerText');
    case 'botParameters':
    case 'appParameters':
      return view.t('chat.help.json');
    case 'refresh':
      return view.t('chat.help.refresh');
    default:
      return undefined;
  }
}

function textField(view: FormView, f: OptionField): TemplateResult {
  const { value, code } = readField(view.tree, f);
  const id = `field-${f.id}`;
  const problem = problemOf(view, f.id);
  const hint = help(view, f);
  const secret = f.kind === 'secret';
  const shown = code !== undefined ? code : value === undefined ? '' : String(value);
  const type = secret && !view.tokenRevealed ? 'password' : f.kind === 'number' ? 'number' : f.kind === 'url' ? 'url' : 'text';
  return html`<div class="field ${f.kind}">
    <label for=${id}>${label(view, f)}${f.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
    <div class="input-row">
      <input
        id=${id}
        name=${f.id}
        type=${type}
        autocomplete="off"
        spellcheck="false"
        .value=${shown}
        ?required=${Boolean(f.required)}
        ?disabled=${code !== undefined}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${describedBy(problem && `${id}-problem`, hint && `${id}-help`, code !== undefined && `${id}-code`)}
        @input=${(e: Event) => {
          const text = inputValue(e);
          view.onField(f, f.kind === 'number' ? (text.trim() === '' ? undefined : Number(text)) : text);
        }}
      />
      ${secret
        ? html`<button type="button" class="ghost" aria-pressed=${view.tokenRevealed ? 'true' : 'false'} @click=${view.onRevealToken}>${view.t(view.tokenRevealed ? 'chat.token.hide' : 'chat.token.show')}</button>`
        : nothing}
    </div>
    ${code !== undefined ? html`<p class="hint" id="${id}-code">${view.t('chat.inCode')}</p>` : nothing}
    ${hint ? html`<p class="hint" id="${id}-help">${hint}</p>` : nothing}
    ${problem ? html`<p class="problem" id="${id}-problem">${problem}</p>` : nothing}
  </div>`;
}

function booleanField(view: FormView, f: OptionField): TemplateResult {
  const { value, code } = readField(view.tree, f);
  const id = `field-${f.id}`;
  const hint = help(view, f);
  return html`<div class="field check ${hint ? 'wide' : ''}">
    <input
      id=${id}
      type="checkbox"
      .checked=${value === true}
      ?disabled=${code !== undefined}
      aria-describedby=${describedBy(hint && `${id}-help`)}
      @change=${(e: Event) => view.onField(f, (e.target as HTMLInputElement).checked)}
    />
    <label for=${id}>${label(view, f)}</label>
    ${hint ? html`<p class="hint" id="${id}-help">${hint}</p>` : nothing}
  </div>`;
}

function choiceField(view: FormView, f: OptionField): TemplateResult {
  const read = readField(view.tree, f);
  // The language defaults to the page's, as the preview does.
  const value = f.id === 'lang' && !read.explicit ? view.locale : read.value;
  const id = `field-${f.id}`;
  const problem = problemOf(view, f.id);
  return html`<div class="field choice">
    <label for=${id}>${label(view, f)}</label>
    <select id=${id} ?disabled=${read.code !== undefined} aria-invalid=${problem ? 'true' : 'false'} @change=${(e: Event) => view.onField(f, (e.target as HTMLSelectElement).value)}>
      ${f.choices!.map((c) => html`<option value=${c} ?selected=${String(value) === c}>${view.t(`chat.choice.${f.id}.${c}` as MessageKey)}</option>`)}
      ${value !== undefined && !f.choices!.includes(String(value)) ? html`<option value=${String(value)} selected>${String(value)}</option>` : nothing}
    </select>
    ${problem ? html`<p class="problem" id="${id}-problem">${problem}</p>` : nothing}
  </div>`;
}

function jsonField(view: FormView, f: OptionField): TemplateResult {
  const { value, code } = readField(view.tree, f);
  const id = `field-${f.id}`;
  const draft = view.jsonDrafts[f.id];
  const text = draft?.text ?? (code !== undefined ? code : isLiteralObject(value) ? JSON.stringify(value, (_, v: unknown) => (v instanceof RawCode ? v.source : v), 2) : '');
  const hint = help(view, f);
  return html`<div class="field json">
    <label for=${id}>${label(view, f)}</label>
    <textarea
      id=${id}
      rows="3"
      spellcheck="false"
      placeholder='{ "key": "value" }'
      .value=${text}
      ?disabled=${code !== undefined}
      aria-invalid=${draft?.error ? 'true' : 'false'}
      aria-describedby=${describedBy(hint && `${id}-help`, draft?.error && `${id}-problem`)}
      @input=${(e: Event) => view.onJson(f, (e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${hint ? html`<p class="hint" id="${id}-help">${hint}</p>` : nothing}
    ${draft?.error ? html`<p class="problem" id="${id}-problem">${view.t('chat.jsonError', { error: draft.error })}</p>` : nothing}
  </div>`;
}

function linksField(view: FormView, f: OptionField): TemplateResult {
  const { value } = readField(view.tree, f);
  const links = isLiteralObject(value) ? value : {};
  const rows = Object.entries(links).map(([name, v]) => ({ name, text: isLiteralObject(v) && typeof v['text'] === 'string' ? v['text'] : '', link: isLiteralObject(v) && typeof v['link'] === 'string' ? v['link'] : '' }));
  const write = (next: typeof rows) => {
    const out: LiteralObject = {};
    for (const r of next) if (r.name) out[r.name] = { text: r.text, link: r.link };
    view.onField(f, Object.keys(out).length ? out : undefined);
  };
  const edit = (i: number, key: 'name' | 'text' | 'link', v: string) => write(rows.map((r, j) => (j === i ? { ...r, [key]: key === 'name' ? v.replace(/[^\w-]/g, '') : v } : r)));
  const unused = () => {
    let n = rows.length + 1;
    while (rows.some((r) => r.name === `link${n}`)) n++;
    return `link${n}`;
  };
  return html`<fieldset class="field links">
    <legend>${label(view, f)}</legend>
    ${rows.length
      ? html`<div class="link-rows">
          ${rows.map(
            (r, i) => html`<div class="link-row">
              <input aria-label=${view.t('chat.links.name')} placeholder=${view.t('chat.links.name')} .value=${r.name} @change=${(e: Event) => edit(i, 'name', inputValue(e))} />
              <input aria-label=${`${view.t('chat.links.text')} (${r.name})`} placeholder=${view.t('chat.links.text')} .value=${r.text} @input=${(e: Event) => edit(i, 'text', inputValue(e))} />
              <input type="url" aria-label=${`${view.t('chat.links.link')} (${r.name})`} placeholder="https://" .value=${r.link} @input=${(e: Event) => edit(i, 'link', inputValue(e))} />
              <button type="button" class="ghost" aria-label=${view.t('chat.links.remove', { name: r.name })} @click=${() => write(rows.filter((_, j) => j !== i))}>×</button>
            </div>`,
          )}
        </div>`
      : nothing}
    <button type="button" class="ghost" @click=${() => write([...rows, { name: unused(), text: '', link: 'https://' }])}>${view.t('chat.links.add')}</button>
  </fieldset>`;
}

function renderField(view: FormView, f: OptionField): TemplateResult | typeof nothing {
  if (!fieldApplies(view.tree, f)) return nothing;
  switch (f.kind) {
    case 'boolean':
      return booleanField(view, f);
    case 'choice':
      return choiceField(view, f);
    case 'json':
      return jsonField(view, f);
    case 'links':
      return linksField(view, f);
    default:
      return textField(view, f);
  }
}

function scriptGroup(view: FormView): TemplateResult {
  return html`<details class="group">
    <summary>${view.t('chat.group.script')}</summary>
    <div class="fields">
      <div class="field text">
        <label for="field-version">${view.t('chat.field.version')}</label>
        <input id="field-version" spellcheck="false" .value=${view.version} @change=${(e: Event) => view.onVersion(inputValue(e).trim())} />
      </div>
      <div class="field choice">
        <label for="field-region">${view.t('chat.field.region')}</label>
        <select id="field-region" @change=${(e: Event) => view.onRegion((e.target as HTMLSelectElement).value === 'oversea' ? 'oversea' : 'cn')}>
          <option value="cn" ?selected=${view.region === 'cn'}>${view.t('chat.choice.region.cn')}</option>
          <option value="oversea" ?selected=${view.region === 'oversea'}>${view.t('chat.choice.region.oversea')}</option>
        </select>
      </div>
    </div>
  </details>`;
}

/** The whole form: a group per area of the SDK options, the first ones open. */
export function renderForm(view: FormView): TemplateResult {
  return html`<form class="config-form" @submit=${(e: Event) => e.preventDefault()} aria-label=${view.t('chat.configurator')}>
    ${GROUPS.map((g) => {
      const fields = FIELDS.filter((f) => f.group === g);
      const hasProblem = fields.some((f) => view.problems.some((p) => p.field === f.id));
      return html`<details class="group" ?open=${OPEN_GROUPS.has(g) || hasProblem}>
        <summary>${view.t(`chat.group.${g}` as MessageKey)}</summary>
        <div class="fields">${fields.map((f) => renderField(view, f))}</div>
      </details>`;
    })}
    ${scriptGroup(view)}
  </form>`;
}

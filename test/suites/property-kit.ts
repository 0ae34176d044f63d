/**
 * Helpers for the "Property-based" suite: fast-check arbitraries of what a user can put into the form
 * of any catalogue API, and the comparison of the form's check with the emulator's answer.
 *
 * Values are generated the way the form produces them, so that every generated case is one a user
 * can reach: text typed into number fields goes through the form's own `numberFromText`, booleans and
 * enums come from their selects, files are files, nested objects and arrays are filled field by field
 * (items may be left empty), and sometimes the whole JSON body is typed into the raw editor instead,
 * where any JSON of any shape can appear.
 */
import fc from 'fast-check';
import type { EndpointEntry, Field, Param, Schema } from '../../src/core/catalog/schema.js';
import { numberFromText } from '../../src/core/form/draft.js';
import type { DraftValues } from '../../src/core/request/build.js';
import type { ValueProblem } from '../../src/core/request/validate.js';
import type { Run } from '../../src/core/transport/types.js';

/** Text people type, including the characters that break naive code. */
const typedText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '0', '-1', '12', '1.5', '1e999', '9007199254740993', '7431847190245277732', 'true', 'null', '../x', '.', '..', 'a?b#c', '100%', '%2e%2e', '\u00e9\u00e8', '令牌', '🙂', '\n', '"quoted"', '{}', '[]') },
);

/** What a number field holds after the user typed into it. */
function numberInput(schema: Schema): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? -5;
  const max = schema.maximum ?? 1000;
  const inRange = schema.type === 'integer' ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }).map(String) : fc.double({ min, max: Math.max(min, max), noNaN: true }).map(String);
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.integer({ min: -100, max: 100_000 }).map(String) }, { weight: 2, arbitrary: typedText }).map((text) => numberFromText(text, schema));
}

function stringInput(schema: Schema): fc.Arbitrary<unknown> {
  const limit = schema.maxLength;
  return limit !== undefined
    ? fc.oneof({ weight: 3, arbitrary: typedText }, { weight: 1, arbitrary: fc.integer({ min: Math.max(0, limit - 1), max: limit + 2 }).map((n) => 'x'.repeat(n)) })
    : typedText;
}

/** The value a form field can hold for `schema` (`undefined`: left empty). */
export function formValue(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(undefined, ...schema.enum.map((o) => o.value));
  switch (schema.type) {
    case 'boolean':
      return fc.constantFrom(undefined, true, false);
    case 'integer':
    case 'number':
      return numberInput(schema);
    case 'string':
      return stringInput(schema);
    case 'file':
      return fc.constantFrom(undefined, new File(['RIFF....WAVEfmt '], 'sample.wav', { type: 'audio/wav' }), new File(['%PDF-1.4'], 'doc.pdf', { type: 'application/pdf' }));
    case 'array': {
      if (depth > 2 || !schema.items) return fc.constant(undefined);
      return fc.option(fc.array(formValue(schema.items, depth + 1), { maxLength: 3 }), { nil: undefined });
    }
    case 'object': {
      if (depth > 2) return fc.constant(undefined);
      if (schema.fields?.length) return fc.option(fieldsValue(schema.fields, depth + 1), { nil: undefined });
      // A map (or a free-form object): key/value rows of text.
      return fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), typedText, { maxKeys: 3 }), { nil: undefined });
    }
  }
}

/** An object filled field by field; required fields are filled more often. */
function fieldsValue(fields: readonly Field[], depth: number): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of fields) shape[f.name] = fc.oneof({ weight: f.required ? 6 : 2, arbitrary: formValue(f, depth) }, { weight: 1, arbitrary: fc.constant(undefined) });
  return fc.record(shape).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

/** Any JSON a user can type into the raw body editor (wrong types included). */
const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

function jsonEditorBody(params: readonly Param[]): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params) shape[p.name] = fc.oneof({ weight: 3, arbitrary: formValue(p) }, { weight: 2, arbitrary: anyJson }, { weight: 2, arbitrary: fc.constant(undefined) });
  return fc.record(shape).map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
}

/** Draft values of `entry` as a user can leave them in the form. */
export function draftValues(entry: EndpointEntry): fc.Arbitrary<DraftValues> {
  const byIn = (where: Param['in']) => entry.params.filter((p) => p.in === where);
  const bag = (params: readonly Param[]) => fieldsValue(params, 0);
  const body = byIn('body');
  const fieldsBody = bag(body).map((b) => ({ body: b }));
  const editorBody = jsonEditorBody(body).map((b) => ({ body: b, bodyText: JSON.stringify(b, null, 2) }));
  const bodyArb = entry.requestBody === 'json' && body.length ? fc.oneof({ weight: 4, arbitrary: fieldsBody }, { weight: 1, arbitrary: editorBody }) : fieldsBody;
  return fc.record({ path: bag(byIn('path')), query: bag(byIn('query')), header: bag(byIn('header')), b: bodyArb }).map(({ b, ...rest }) => ({ ...rest, ...b }));
}

/** Problems about a parameter itself (`body.limit`), not about something nested in it: the emulator checks only those, as Coze does. */
export function topLevel(entry: EndpointEntry, problems: readonly ValueProblem[]): ValueProblem[] {
  const names = new Set(entry.params.map((p) => `${p.in}.${p.name}`));
  return problems.filter((p) => names.has(p.path));
}

/** The emulator's answer, as far as parameter checking goes. */
export type Verdict = { kind: 'accepted' } | { kind: 'rejected'; msg: string } | { kind: 'other'; detail: string };

export function verdictOf(run: Run): Verdict {
  const msg = run.coze?.msg ?? '';
  if (run.coze?.code === 4000 && msg.startsWith('invalid parameter: ')) return { kind: 'rejected', msg };
  if (!run.error && run.status === 200) return { kind: 'accepted' };
  return { kind: 'other', detail: `${run.error?.kind ?? ''} ${run.status ?? ''} ${run.coze?.code ?? ''} ${msg} ${run.error?.message.en ?? ''}`.trim() };
}

/** A stable seed per API, from one base seed. */
export function seedFor(base: number, id: string): number {
  let h = base | 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  return h;
}

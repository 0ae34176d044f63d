/**
 * The custom-elements manifest (from the elements' JSDoc) documents everything a host can style or
 * listen to: every `--coze-*` custom property an element reads, with its default; every `part` its
 * templates set; every event it dispatches. Storybook's docs pages and IDE plugins read this file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..');

interface Declaration {
  tagName?: string;
  name: string;
  summary?: string;
  description?: string;
  cssProperties?: Array<{ name: string; default?: string; description?: string }>;
  cssParts?: Array<{ name: string; description?: string }>;
  events?: Array<{ name: string; description?: string }>;
  attributes?: Array<{ name: string; description?: string }>;
}

function manifest(): { modules: Array<{ path: string; declarations?: Declaration[] }> } {
  const file = join(root, 'custom-elements.json');
  if (!existsSync(file)) {
    const r = spawnSync('npx', ['cem', 'analyze', '--litelement', '--globs', 'src/elements/**/*.ts', '--exclude', 'src/**/*.styles.ts'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const TAGS = ['coze-playground', 'coze-api-playground', 'coze-api-tree', 'coze-api-form', 'coze-api-code', 'coze-api-response', 'coze-chat-sdk-demo'];
const elements = new Map<string, Declaration>();
for (const mod of manifest().modules) for (const d of mod.declarations ?? []) if (d.tagName) elements.set(d.tagName, d);

/** Everything an element's templates and styles are made of: its folder, plus the shared styles it pulls in. */
function sources(tag: string): string {
  const dir = join(root, 'src/elements', tag);
  let text = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  if (text.includes('privateTokens')) text += readFileSync(join(root, 'src/styles/host.ts'), 'utf8');
  if (text.includes('lightTokens')) text += readFileSync(join(root, 'src/styles/theme.ts'), 'utf8');
  return text;
}

test('the manifest has every element, each with a summary and a description', () => {
  assert.deepEqual([...elements.keys()].sort(), [...TAGS].sort());
  for (const [tag, d] of elements) {
    assert.ok(d.summary && d.summary.length > 20, `${tag}: summary`);
    assert.ok(d.description && d.description.length > 80, `${tag}: description`);
  }
});

for (const tag of TAGS) {
  test(`${tag}: every custom property it reads is documented with a default`, () => {
    const d = elements.get(tag)!;
    const text = sources(tag);
    const read = new Set([...text.matchAll(/var\((--coze-[a-z0-9-]+)/g), ...text.matchAll(/^\s*(--coze-[a-z0-9-]+):/gm)].map((m) => m[1]!));
    const documented = new Map((d.cssProperties ?? []).map((p) => [p.name, p]));
    for (const name of read) {
      const doc = documented.get(name);
      assert.ok(doc, `${tag} reads ${name} but does not document it`);
      assert.ok(doc.default, `${tag}: ${name} has no default`);
      assert.ok(doc.description, `${tag}: ${name} has no description`);
    }
    for (const name of documented.keys()) assert.ok(read.has(name), `${tag} documents ${name} but never reads it`);
  });

  test(`${tag}: every part is documented, and every documented part exists`, () => {
    const d = elements.get(tag)!;
    const text = sources(tag);
    const literal = new Set([...text.matchAll(/part="([a-z0-9 -]+)"/g)].flatMap((m) => m[1]!.split(' ')));
    const documented = new Set((d.cssParts ?? []).map((p) => p.name));
    for (const name of literal) assert.ok(documented.has(name), `${tag}: part "${name}" is not documented`);
    for (const name of documented) {
      // Parts chosen at run time (e.g. `part=${selected ? 'tab tab-selected' : 'tab'}`) appear as strings.
      assert.ok(literal.has(name) || new RegExp(`['"\`\\s]${name}['"\`\\s]`).test(text), `${tag}: documented part "${name}" is never set`);
    }
    for (const p of d.cssParts ?? []) assert.ok(p.description, `${tag}: part ${p.name} has no description`);
  });

  test(`${tag}: every event it dispatches is documented`, () => {
    const d = elements.get(tag)!;
    const text = sources(tag);
    const fired = new Set([...text.matchAll(/new CustomEvent(?:<[^>]*>)?\('([a-z-]+)'/g)].map((m) => m[1]!));
    const documented = new Map((d.events ?? []).map((e) => [e.name, e]));
    for (const name of fired) {
      assert.ok(documented.has(name), `${tag} fires ${name} but does not document it`);
      assert.ok(documented.get(name)!.description, `${tag}: event ${name} has no description`);
    }
    for (const a of d.attributes ?? []) assert.ok(a.description, `${tag}: attribute ${a.name} has no description`);
  });
}

/** The command-line entry, run as people and checks run it: `npm run catalog -- …`. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const official = join(root, 'test/fixtures/official-openapi');

function catalog(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/catalog.ts', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('validate: the built-in catalogue is valid and complete', () => {
  const r = catalog('validate');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /catalogue OK: 156 entries, 126 endpoints/);
});

test('export-openapi prints the built-in catalogue as an OpenAPI 3.1 document', () => {
  const r = catalog('export-openapi');
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.openapi, '3.1.0');
  const ops = Object.values(doc.paths as Record<string, object>).reduce((n: number, item) => n + Object.keys(item).length, 0);
  assert.equal(ops, 126);
  assert.equal(doc.paths['/v3/chat'].post.operationId, 'chat.create');
  assert.deepEqual(doc.paths['/v3/chat'].post.requestBody.content['application/json'].schema.required, ['bot_id', 'user_id']);
});

test('import prints one line per operation and a count; export → import round-trips', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coze-cli-'));
  const file = join(dir, 'builtin.json');
  writeFileSync(file, catalog('export-openapi').out);
  const r = catalog('import', file);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.at(-1), '126 operation(s) from 1 document(s)');
  assert.ok(lines.includes('POST /v3/chat required=bot_id,user_id'), lines.slice(0, 5).join('\n'));
  assert.ok(lines.includes('DELETE /v1/workspaces/{workspace_id}/members required=user_ids,workspace_id'));
});

test('import reads YAML and JSON, many files at once', () => {
  const files = readdirSync(official).filter((f) => f !== 'index.json').map((f) => join(official, f));
  const r = catalog('import', ...files, join(root, 'test/fixtures/openapi/pets-3.0.yaml'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /\n131 operation\(s\) from 127 document\(s\)\n$/);
  assert.match(r.out, /^GET \/pets required=$/m);
  assert.match(r.out, /^POST \/pets\/\{petId\}\/photos required=file,petId$/m);
});

test('import of a broken document exits non-zero and names the bad place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coze-cli-'));
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'openapi: 3.0.0\npaths:\n  /x:\n    get:\n      parameters:\n        - name: q\n          in: body\n');
  const r = catalog('import', bad);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad\.yaml: paths\["\/x"\]\.get\.parameters\[0\]\.in: expected one of "path", "query", "header", "cookie", received "body"/);
  assert.match(r.err, /1 document\(s\) could not be imported/);
});

test('import --json prints the catalogue', () => {
  const r = catalog('import', '--json', join(root, 'test/fixtures/openapi/pets-3.0.yaml'));
  assert.equal(r.code, 0, r.err);
  const cat = JSON.parse(r.out);
  assert.equal(cat.version, 1);
  assert.deepEqual(cat.entries.map((e: { id: string }) => e.id), ['listPets', 'createPet', 'getPet', 'deletePet', 'uploadPhoto']);
});

test('unknown commands print the usage', () => {
  const r = catalog('frobnicate');
  assert.equal(r.code, 2);
  assert.match(r.err, /usage: npm run catalog -- validate \| export-openapi \| import/);
});

test('the official fixtures carry facts only, no Chinese prose', () => {
  for (const f of readdirSync(official)) {
    const text = readFileSync(join(official, f), 'utf8');
    const prose = text.match(/"(description|summary|title)":"[^"]*"/);
    assert.equal(prose, null, `${f}: ${prose?.[0]}`);
  }
});

test('npm run emulator -- --port N starts a standalone emulator that prints its URL and allows CORS', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/emulator.ts', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
      setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
    });
    const preflight = await fetch(`${url}/v3/chat`, { method: 'OPTIONS', headers: { origin: 'https://docs.example.com', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const me = await fetch(`${url}/v1/users/me`, { headers: { authorization: 'Bearer pat_emulator' } });
    const body = (await me.json()) as { code: number; data: { user_id: string }; detail: { logid: string } };
    assert.equal(body.code, 0);
    assert.equal(body.detail.logid, me.headers.get('x-tt-logid'));
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/emulator.ts', '--port', 'abc'], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--port must be a port number, got abc/);
  } finally {
    child.kill();
  }
});

/** The emulated files API: multipart upload rules, stored bytes, retrieval. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUTH, BASE, type Envelope } from './support.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';



async function upload(emulator: Emulator, form: FormData, headers: Record<string, string> = {}): Promise<{ status: number; body: Envelope; logid: string | null }> {
  const res = await emulator.fetch(`${BASE}/v1/files/upload`, { method: 'POST', body: form, headers: { ...AUTH, ...headers } });
  return { status: res.status, body: (await res.json()) as Envelope, logid: res.headers.get('x-tt-logid') };
}

function formWith(...files: Array<[string, File]>): FormData {
  const form = new FormData();
  for (const [field, file] of files) form.append(field, file);
  return form;
}

test('upload answers the file object and stores the bytes; retrieve reads it back', async () => {
  const emulator = createEmulator({ streamDelayMs: 0, clock: { now: () => 1_750_000_000_500 } });
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const up = await upload(emulator, formWith(['file', new File([bytes], 'logo.png', { type: 'image/png' })]));
  assert.equal(up.status, 200);
  assert.equal(up.body.code, 0);
  assert.equal(up.body.detail.logid, up.logid);
  const data = up.body.data as { id: string; bytes: number; file_name: string; created_at: number };
  assert.deepEqual(Object.keys(data).sort(), ['bytes', 'created_at', 'file_name', 'id']);
  assert.match(data.id, /^\d{19}$/);
  assert.equal(data.bytes, 7);
  assert.equal(data.file_name, 'logo.png');
  assert.equal(data.created_at, 1_750_000_000, 'created_at is in seconds');
  const stored = emulator.state.files.get(data.id);
  assert.ok(stored);
  assert.deepEqual([...stored.content], [...bytes]);
  assert.equal(stored.mime_type, 'image/png');

  const res = await emulator.fetch(`${BASE}/v1/files/retrieve?file_id=${data.id}`, { headers: AUTH });
  const got = (await res.json()) as Envelope;
  assert.equal(got.code, 0);
  assert.deepEqual(got.data, data);
});

test('retrieve: an unknown file id is 4200', async () => {
  const emulator = createEmulator({ streamDelayMs: 0 });
  const res = await emulator.fetch(`${BASE}/v1/files/retrieve?file_id=7000000000000000001`, { headers: AUTH });
  const body = (await res.json()) as Envelope;
  assert.equal(body.code, 4200);
  assert.match(body.msg, /7000000000000000001/);
});

test('upload: a zero-byte file is 4300', async () => {
  const emulator = createEmulator({ streamDelayMs: 0 });
  const { body } = await upload(emulator, formWith(['file', new File([], 'empty.pdf')]));
  assert.equal(body.code, 4300);
  assert.equal(emulator.state.files.size, 0);
});

test('upload: more than one file is 4301, whatever the field names', async () => {
  const emulator = createEmulator({ streamDelayMs: 0 });
  const a = new File(['a'], 'a.pdf');
  const b = new File(['b'], 'b.pdf');
  assert.equal((await upload(emulator, formWith(['file', a], ['file', b]))).body.code, 4301);
  assert.equal((await upload(emulator, formWith(['file', a], ['other', b]))).body.code, 4301);
  assert.equal(emulator.state.files.size, 0);
});

test('upload: a body declared larger than 512 MB is 4302', async () => {
  const emulator = createEmulator({ streamDelayMs: 0 });
  const { body } = await upload(emulator, formWith(['file', new File(['small'], 'big.zip')]), { 'content-length': String(600 * 1024 * 1024) });
  assert.equal(body.code, 4302);
  assert.match(body.msg, /512 MB/);
});

test('upload: an extension outside the accepted list is 4303; no extension is accepted', async () => {
  const emulator = createEmulator({ streamDelayMs: 0 });
  const refused = await upload(emulator, formWith(['file', new File(['MZ'], 'setup.exe')]));
  assert.equal(refused.body.code, 4303);
  assert.match(refused.body.msg, /\.exe/);
  const accepted = await upload(emulator, formWith(['file', new File(['data'], 'blob')]));
  assert.equal(accepted.body.code, 0);
});

test('upload: a JSON body instead of multipart is refused with 4000 naming the file field', async () => {
  const emulator = createEmulator({ streamDelayMs: 0 });
  const res = await emulator.fetch(`${BASE}/v1/files/upload`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: '{}' });
  const body = (await res.json()) as Envelope;
  assert.equal(body.code, 4000);
  assert.match(body.msg, /file/);
});

test('ids are deterministic: two fresh emulators give the same id to the same upload', async () => {
  const ids = [];
  for (let i = 0; i < 2; i++) {
    const { body } = await upload(createEmulator({ streamDelayMs: 0 }), formWith(['file', new File(['x'], 'x.csv')]));
    ids.push((body.data as { id: string }).id);
  }
  assert.equal(ids[0], ids[1]);
});

/** The emulated knowledge bases: datasets, documents in emulated processing time, images. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUTH, BASE } from './support.js';
import { SEEDED_DATASETS } from '../../src/emulator/handlers/datasets.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';

const STR = { 'agw-js-conv': 'str' };

interface Envelope {
  code: number;
  msg: string;
  data?: Record<string, unknown>;
  detail: { logid: string };
  [key: string]: unknown;
}

/** An emulator on a clock the test moves by hand. */
function setup(): { emu: Emulator; advance: (ms: number) => void } {
  let now = 1_750_000_000_000;
  const emu = createEmulator({ streamDelayMs: 0, clock: { now: () => now } });
  return { emu, advance: (ms) => (now += ms) };
}

async function call(emu: Emulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Envelope> {
  const init: RequestInit = { method, headers: { ...AUTH, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await emu.fetch(`${BASE}${path}`, init);
  return (await res.json()) as Envelope;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function uploadImage(emu: Emulator, name: string): Promise<string> {
  const form = new FormData();
  form.append('file', new File([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], name, { type: 'image/jpeg' }));
  const res = await emu.fetch(`${BASE}/v1/files/upload`, { method: 'POST', headers: AUTH, body: form });
  return ((await res.json()) as { data: { id: string } }).data.id;
}

test('datasets: create, list with name/format filters and paging, update (full overwrite), delete', async () => {
  const { emu } = setup();
  const space = emu.state.workspaceId;
  const made = await call(emu, 'POST', '/v1/datasets', { name: 'Support FAQ', space_id: space, format_type: 0, description: 'answers' });
  assert.equal(made.code, 0);
  const id = made.data!['dataset_id'] as string;
  assert.match(id, /^\d{19}$/);
  await call(emu, 'POST', '/v1/datasets', { name: 'Photos', space_id: space, format_type: 2 });

  const all = await call(emu, 'GET', `/v1/datasets?space_id=${space}`);
  assert.equal(all.data!['total_count'], 4, 'two seeded plus two new');
  const named = await call(emu, 'GET', `/v1/datasets?space_id=${space}&name=faq`);
  const list = named.data!['dataset_list'] as Array<Record<string, unknown>>;
  assert.deepEqual(list.map((d) => d['name']), ['Support FAQ']);
  assert.equal(list[0]!['description'], 'answers');
  assert.equal(list[0]!['doc_count'], 0);
  const images = await call(emu, 'GET', `/v1/datasets?space_id=${space}&format_type=2&page_num=1&page_size=1`);
  assert.equal(images.data!['total_count'], 2);
  assert.equal((images.data!['dataset_list'] as unknown[]).length, 1);

  assert.equal((await call(emu, 'PUT', `/v1/datasets/${id}`, { name: 'Support' })).code, 0);
  const after = (await call(emu, 'GET', `/v1/datasets?space_id=${space}&name=Support`)).data!['dataset_list'] as Array<Record<string, unknown>>;
  assert.equal(after[0]!['name'], 'Support');
  assert.equal(after[0]!['description'], '', 'omitted description is reset');

  assert.equal((await call(emu, 'DELETE', `/v1/datasets/${id}`)).code, 0);
  assert.equal((await call(emu, 'DELETE', `/v1/datasets/${id}`)).code, 4200);
  assert.equal((await call(emu, 'PUT', `/v1/datasets/${id}`, { name: 'x' })).code, 4200);
});

test('datasets: unknown workspace and a non-image icon are refused', async () => {
  const { emu } = setup();
  const ws = await call(emu, 'POST', '/v1/datasets', { name: 'x', space_id: '1', format_type: 0 });
  assert.equal(ws.code, 4200);
  assert.match(ws.msg, new RegExp(emu.state.workspaceId));
  const form = new FormData();
  form.append('file', new File(['%PDF'], 'a.pdf'));
  const fileId = ((await (await emu.fetch(`${BASE}/v1/files/upload`, { method: 'POST', headers: AUTH, body: form })).json()) as { data: { id: string } }).data.id;
  assert.equal((await call(emu, 'POST', '/v1/datasets', { name: 'x', space_id: emu.state.workspaceId, format_type: 0, file_id: fileId })).code, 4000);
  assert.equal((await call(emu, 'POST', '/v1/datasets', { name: 'x', space_id: emu.state.workspaceId, format_type: 0, file_id: '42' })).code, 4200);
});

test('documents: created processing, progress reaches 100 after ~1 s of emulated time, then listed as done', async () => {
  const { emu, advance } = setup();
  const datasetId = SEEDED_DATASETS.textDatasetId;
  const text = 'First part.\n\nSecond part.\n\nThird part.';
  const created = await call(
    emu,
    'POST',
    '/open_api/knowledge/document/create',
    { dataset_id: datasetId, format_type: 0, chunk_strategy: { chunk_type: 0 }, document_bases: [{ name: 'notes.txt', source_info: { file_base64: b64(text), file_type: 'txt' } }] },
    STR,
  );
  assert.equal(created.code, 0);
  assert.equal(created['data'], undefined, 'top-level document_infos, no data');
  const [doc] = created['document_infos'] as Array<Record<string, unknown>>;
  assert.equal(doc!['status'], 0);
  assert.equal(doc!['char_count'], 0);
  assert.equal(doc!['size'], Buffer.byteLength(text));
  assert.equal(doc!['type'], 'txt');
  const documentId = doc!['document_id'] as string;

  const progress = async () => ((await call(emu, 'POST', `/v1/datasets/${datasetId}/process`, { document_ids: [documentId] })).data!['data'] as Array<Record<string, unknown>>)[0]!;
  advance(400);
  const mid = await progress();
  assert.equal(mid['status'], 0);
  assert.equal(mid['progress'], 40);
  assert.equal(mid['remaining_time'], 1);
  advance(700);
  const end = await progress();
  assert.equal(end['status'], 1);
  assert.equal(end['progress'], 100);
  assert.equal(end['document_name'], 'notes.txt');

  const listed = await call(emu, 'POST', '/open_api/knowledge/document/list', { dataset_id: datasetId, page: 1, size: 10 }, STR);
  assert.equal(listed['total'], 3);
  const first = (listed['document_infos'] as Array<Record<string, unknown>>)[0]!;
  assert.equal(first['document_id'], documentId, 'newest first');
  assert.equal(first['status'], 1);
  assert.equal(first['char_count'], [...text].length);
  assert.equal(first['slice_count'], 3, 'one chunk per paragraph');
});

test('documents: ids are strings with Agw-Js-Conv: str, bare numbers without it', async () => {
  const { emu } = setup();
  const body = { dataset_id: SEEDED_DATASETS.textDatasetId, page: 1, size: 1 };
  const withHeader = await emu.fetch(`${BASE}/open_api/knowledge/document/list`, { method: 'POST', headers: { ...AUTH, ...STR, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.match(await withHeader.text(), /"document_id":"\d{19}"/);
  const without = await emu.fetch(`${BASE}/open_api/knowledge/document/list`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(without.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.ok(without.headers.get('x-tt-logid'));
  assert.match(await without.text(), /"document_id":\d{19},/);
});

test('documents: the JavaScript SDK\'s page_size is honoured; pages split the list', async () => {
  const { emu } = setup();
  const page = (extra: Record<string, number>) => call(emu, 'POST', '/open_api/knowledge/document/list', { dataset_id: SEEDED_DATASETS.textDatasetId, ...extra }, STR);
  const one = await page({ page: 1, page_size: 1 });
  const two = await page({ page: 2, size: 1 });
  assert.equal((one['document_infos'] as unknown[]).length, 1);
  assert.equal(one['total'], 2);
  assert.notDeepEqual(one['document_infos'], two['document_infos']);
});

test('documents: business rules (mixed sources, wrong format, custom chunks, bad Base64, unknown dataset)', async () => {
  const { emu } = setup();
  const create = (body: Record<string, unknown>) =>
    call(emu, 'POST', '/open_api/knowledge/document/create', { dataset_id: SEEDED_DATASETS.textDatasetId, format_type: 0, chunk_strategy: { chunk_type: 0 }, ...body }, STR);
  const local = { name: 'a.txt', source_info: { file_base64: b64('hi'), file_type: 'txt' } };
  const web = { name: 'page', source_info: { document_source: 1, web_url: 'https://example.com/a' } };
  assert.equal((await create({ document_bases: [local, web] })).code, 4000);
  assert.equal((await create({ document_bases: [local], format_type: 2 })).code, 4000);
  assert.equal((await create({ document_bases: [local], chunk_strategy: { chunk_type: 1 } })).code, 4000);
  assert.equal((await create({ document_bases: [local], chunk_strategy: { chunk_type: 1, separator: '#', max_tokens: 50 } })).code, 4000);
  assert.equal((await create({ document_bases: [{ name: 'x', source_info: { file_base64: '***', file_type: 'txt' } }] })).code, 4000);
  assert.equal((await create({ document_bases: [{ ...local, update_rule: { update_type: 1, update_interval: 24 } }] })).code, 4000, 'auto refresh is for web pages');
  assert.equal((await create({ dataset_id: '1', document_bases: [local] })).code, 4200);
  const ok = await create({ document_bases: [web, { ...web, name: 'page 2' }] });
  assert.equal(ok.code, 0);
  assert.equal((ok['document_infos'] as unknown[]).length, 2);
});

test('documents: an empty file ends processing as failed (9) with a description', async () => {
  const { emu, advance } = setup();
  const created = await call(
    emu,
    'POST',
    '/open_api/knowledge/document/create',
    { dataset_id: SEEDED_DATASETS.textDatasetId, format_type: 0, chunk_strategy: { chunk_type: 0 }, document_bases: [{ name: 'empty.txt', source_info: { file_base64: '', file_type: 'txt' } }] },
    STR,
  );
  const id = (created['document_infos'] as Array<{ document_id: string }>)[0]!.document_id;
  advance(1500);
  const item = ((await call(emu, 'POST', `/v1/datasets/${SEEDED_DATASETS.textDatasetId}/process`, { document_ids: [id] })).data!['data'] as Array<Record<string, unknown>>)[0]!;
  assert.equal(item['status'], 9);
  assert.ok(item['status_descript']);
  const ds = (await call(emu, 'GET', `/v1/datasets?space_id=${emu.state.workspaceId}&name=产品`)).data!['dataset_list'] as Array<Record<string, unknown>>;
  assert.deepEqual(ds[0]!['failed_file_list'], ['empty.txt']);
});

test('documents: update renames and sets web refresh rules; delete is all-or-nothing', async () => {
  const { emu } = setup();
  const [pdfId, txtId] = SEEDED_DATASETS.textDocumentIds;
  assert.equal((await call(emu, 'POST', '/open_api/knowledge/document/update', { document_id: pdfId, document_name: 'Manual.pdf' }, STR)).code, 0);
  assert.equal((await call(emu, 'POST', '/open_api/knowledge/document/update', { document_id: pdfId, update_rule: { update_type: 1, update_interval: 24 } }, STR)).code, 4000);
  assert.equal((await call(emu, 'POST', '/open_api/knowledge/document/update', { document_name: 'x' }, STR)).code, 4000);
  assert.equal((await call(emu, 'POST', '/open_api/knowledge/document/update', { document_id: '1', document_name: 'x' }, STR)).code, 4200);
  const names = async () =>
    ((await call(emu, 'POST', '/open_api/knowledge/document/list', { dataset_id: SEEDED_DATASETS.textDatasetId }, STR))['document_infos'] as Array<{ name: string }>).map((d) => d.name);
  assert.ok((await names()).includes('Manual.pdf'));

  assert.equal((await call(emu, 'POST', '/open_api/knowledge/document/delete', { document_ids: [txtId, '1'] }, STR)).code, 4200);
  assert.equal((await names()).length, 2, 'nothing deleted');
  assert.equal((await call(emu, 'POST', '/open_api/knowledge/document/delete', { document_ids: [txtId] }, STR)).code, 0);
  assert.deepEqual(await names(), ['Manual.pdf']);
});

test('process: a document of another dataset is 4200', async () => {
  const { emu } = setup();
  const res = await call(emu, 'POST', `/v1/datasets/${SEEDED_DATASETS.textDatasetId}/process`, { document_ids: [SEEDED_DATASETS.imageDocumentIds[0]] });
  assert.equal(res.code, 4200);
});

test('images: add by file_id, automatic captions once processed, caption filters, manual caption update', async () => {
  const { emu, advance } = setup();
  const space = emu.state.workspaceId;
  const datasetId = (await call(emu, 'POST', '/v1/datasets', { name: 'Pics', space_id: space, format_type: 2 })).data!['dataset_id'] as string;
  const fileId = await uploadImage(emu, 'sunset.jpg');
  const base = { name: 'sunset', source_info: { document_source: 5, source_file_id: fileId } };
  const noCaptionType = await call(emu, 'POST', '/open_api/knowledge/document/create', { dataset_id: datasetId, format_type: 2, chunk_strategy: { chunk_type: 0 }, document_bases: [base] }, STR);
  assert.equal(noCaptionType.code, 4000, 'the first image upload must choose caption_type');
  const created = await call(emu, 'POST', '/open_api/knowledge/document/create', { dataset_id: datasetId, format_type: 2, chunk_strategy: { chunk_type: 0, caption_type: 0 }, document_bases: [base] }, STR);
  assert.equal(created.code, 0);
  const docId = (created['document_infos'] as Array<{ document_id: string; type: string }>)[0]!;
  assert.equal(docId.type, 'jpg');

  const photos = async (query = '') => (await call(emu, 'GET', `/v1/datasets/${datasetId}/images${query}`)).data!;
  assert.equal(((await photos())['photo_infos'] as Array<{ caption: string }>)[0]!.caption, '', 'no caption while processing');
  advance(1000);
  const auto = ((await photos())['photo_infos'] as Array<{ caption: string; status: number }>)[0]!;
  assert.equal(auto.status, 1);
  assert.match(auto.caption, /sunset/);

  assert.equal((await call(emu, 'PUT', `/v1/datasets/${datasetId}/images/${docId.document_id}`, { caption: 'A red sky' })).code, 0);
  assert.equal(((await photos('?keyword=red'))['photo_infos'] as Array<{ caption: string }>)[0]!.caption, 'A red sky');
  assert.equal((await photos('?keyword=blue'))['total_count'], 0);

  const seeded = SEEDED_DATASETS.imageDatasetId;
  const without = (await call(emu, 'GET', `/v1/datasets/${seeded}/images?has_caption=false`)).data!;
  assert.deepEqual((without['photo_infos'] as Array<{ name: string }>).map((p) => p.name), ['beach']);
  assert.equal((await call(emu, 'GET', `/v1/datasets/${SEEDED_DATASETS.textDatasetId}/images`)).code, 4000, 'not an image knowledge base');
  assert.equal((await call(emu, 'PUT', `/v1/datasets/${seeded}/images/1`, { caption: 'x' })).code, 4200);
});

/**
 * Knowledge bases (datasets), their documents and images. Documents are "processed" in emulated
 * time: status 0 with a growing progress for about a second after upload, then done (1) or, for
 * an empty file, failed (9). Nothing runs in the background; progress is worked out from the clock
 * whenever it is read, so tests can move a fixed clock forward instead of waiting.
 *
 * The `/open_api/knowledge/document/*` endpoints answer `document_id` as a JSON string only when
 * the request carries `Agw-Js-Conv: str` (as the SDKs send); without it the ids are bare 19-digit
 * numbers, which lose precision in JavaScript, just as the service's gateway does.
 */
import type { EmulatorContext, HandlerMap } from '../context.js';
import { CORS_HEADERS, envelope } from '../http.js';
import type { EmulatorState } from '../state.js';
import { extensionOf, isImageFile } from './files.js';
import { asRecord } from '../values.js';

interface ChunkStrategy {
  chunk_type: number;
  separator?: string;
  max_tokens?: number;
  remove_extra_spaces?: boolean;
  remove_urls_emails?: boolean;
  caption_type?: number;
}

interface Dataset {
  dataset_id: string;
  name: string;
  description: string;
  space_id: string;
  /** 0 text, 1 table, 2 image. */
  format_type: number;
  /** 1 enabled, 3 disabled. */
  status: number;
  /** The uploaded image used as the icon ('' for the default icon). */
  icon_file_id: string;
  icon_ext: string;
  /** Set by the first document upload. */
  chunk_strategy: ChunkStrategy | undefined;
  create_time: number;
  update_time: number;
}

/** Where a document came from: 0 local file (Base64), 1 web page, 5 uploaded file_id. */
type SourceType = 0 | 1 | 5;

interface KnowledgeDocument {
  document_id: string;
  dataset_id: string;
  name: string;
  type: string;
  size: number;
  /** Characters the parsed document has (counted once, shown when processing is done). */
  chars: number;
  slices: number;
  source_type: SourceType;
  format_type: number;
  update_type: number;
  update_interval: number;
  web_url: string;
  /** When it was uploaded, in ms (processing progress counts from here). */
  created_ms: number;
  create_time: number;
  update_time: number;
  tos_uri: string;
  chunk_strategy: ChunkStrategy;
  /** Images: the caption set by hand ('' when none). */
  caption: string;
  /** An empty file cannot be parsed: processing ends in status 9. */
  fails: boolean;
}

export const DATASETS_TABLE = 'datasets';
export const DOCUMENTS_TABLE = 'datasets.documents';

/** Known ids of the seeded knowledge bases (the catalogue's examples point at them). */
export const SEEDED_DATASETS = {
  textDatasetId: '7363569245306945580',
  textDocumentIds: ['7386942056030109740', '7385083080979005484'],
  imageDatasetId: '7446689358658306092',
  imageDocumentIds: ['7446670805219110956', '7446670805219094572'],
} as const;

/** How long the emulated parsing and chunking of one document takes. */
export const PROCESSING_MS = 1000;
const CDN = 'https://lf-coze-web-cdn.coze.cn/obj/eden-cn/emulator';
const TEXT_FILE_TYPES = new Set(['pdf', 'txt', 'doc', 'docx']);
const AUTO_CHUNK_TOKENS = 800;

const datasets = (state: EmulatorState) => state.table<Dataset>(DATASETS_TABLE);
const documents = (state: EmulatorState) => state.table<KnowledgeDocument>(DOCUMENTS_TABLE);

// ---------------------------------------------------------------------------------------------
// Seed

const SEED_FAQ = '扣子是新一代 AI 应用开发平台。\n\n常见问题：如何创建智能体？在工作空间中点击“创建智能体”。\n\n如何发布？在智能体编辑页点击“发布”，选择 API 渠道。';

export function seed(state: EmulatorState): void {
  const at = state.seconds() - 86_400 * 30;
  const base = { status: 1, icon_file_id: '', icon_ext: '', create_time: at, update_time: at, space_id: state.workspaceId };
  datasets(state).set(SEEDED_DATASETS.textDatasetId, {
    ...base,
    dataset_id: SEEDED_DATASETS.textDatasetId,
    name: '产品文档',
    description: 'Product manual and FAQ (emulated).',
    format_type: 0,
    chunk_strategy: { chunk_type: 0 },
  });
  datasets(state).set(SEEDED_DATASETS.imageDatasetId, {
    ...base,
    dataset_id: SEEDED_DATASETS.imageDatasetId,
    name: '图片素材',
    description: 'Pictures for the assistant (emulated).',
    format_type: 2,
    chunk_strategy: { chunk_type: 0, caption_type: 1 },
  });
  const doc = (d: Partial<KnowledgeDocument> & Pick<KnowledgeDocument, 'document_id' | 'dataset_id' | 'name' | 'type' | 'size'>): KnowledgeDocument => ({
    chars: 0,
    slices: 1,
    source_type: 0,
    format_type: 0,
    update_type: 0,
    update_interval: 0,
    web_url: '',
    created_ms: at * 1000,
    create_time: at,
    update_time: at + 1,
    tos_uri: `FileBizType.BIZ_BOT_DATASET/${state.userId}_${d.document_id}.${d.type}`,
    chunk_strategy: { chunk_type: 0 },
    caption: '',
    fails: false,
    ...d,
  });
  const faqBytes = new TextEncoder().encode(SEED_FAQ).length;
  for (const d of [
    doc({ document_id: SEEDED_DATASETS.textDocumentIds[0], dataset_id: SEEDED_DATASETS.textDatasetId, name: 'Coze.pdf', type: 'pdf', size: 14164, chars: 3541, slices: 5 }),
    doc({ document_id: SEEDED_DATASETS.textDocumentIds[1], dataset_id: SEEDED_DATASETS.textDatasetId, name: 'FAQ.txt', type: 'txt', size: faqBytes, chars: [...SEED_FAQ].length, slices: 3 }),
    doc({ document_id: SEEDED_DATASETS.imageDocumentIds[0], dataset_id: SEEDED_DATASETS.imageDatasetId, name: 'cat', type: 'jpg', size: 171340, source_type: 5, format_type: 2, caption: '小猫' }),
    doc({ document_id: SEEDED_DATASETS.imageDocumentIds[1], dataset_id: SEEDED_DATASETS.imageDatasetId, name: 'beach', type: 'png', size: 98231, source_type: 5, format_type: 2 }),
  ]) {
    documents(state).set(d.document_id, d);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading helpers

function numberInput(ctx: EmulatorContext, name: string, fallback: number): number {
  const raw = ctx.input(name);
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) ? n : fallback;
}

function page<T>(items: T[], pageNum: number, pageSize: number): T[] {
  const start = (Math.max(1, pageNum) - 1) * pageSize;
  return items.slice(start, start + pageSize);
}


function findDataset(ctx: EmulatorContext, id: string): Dataset | Response {
  const d = datasets(ctx.state).get(id);
  return d ?? ctx.fail(4200, `dataset not found: ${id}`);
}

/** The documents of one dataset, newest first. */
function documentsOf(state: EmulatorState, datasetId: string): KnowledgeDocument[] {
  return [...documents(state).values()].filter((d) => d.dataset_id === datasetId).reverse();
}

// ---------------------------------------------------------------------------------------------
// Processing in emulated time

interface Progress {
  status: 0 | 1 | 9;
  progress: number;
  remaining_time: number;
  done: boolean;
}

function progressOf(doc: KnowledgeDocument, nowMs: number): Progress {
  const elapsed = Math.max(0, nowMs - doc.created_ms);
  if (elapsed >= PROCESSING_MS) return { status: doc.fails ? 9 : 1, progress: 100, remaining_time: 0, done: true };
  return { status: 0, progress: Math.floor((elapsed * 100) / PROCESSING_MS), remaining_time: Math.ceil((PROCESSING_MS - elapsed) / 1000), done: false };
}

/** The full chunk strategy as the API shows it (every field present). */
function chunkView(c: ChunkStrategy): Required<ChunkStrategy> {
  return {
    chunk_type: c.chunk_type,
    separator: c.separator ?? '',
    max_tokens: c.max_tokens ?? 0,
    remove_extra_spaces: c.remove_extra_spaces ?? false,
    remove_urls_emails: c.remove_urls_emails ?? false,
    caption_type: c.caption_type ?? 0,
  };
}

function documentView(state: EmulatorState, doc: KnowledgeDocument): Record<string, unknown> {
  const p = progressOf(doc, state.clock.now());
  const finished = p.done && !doc.fails;
  return {
    document_id: doc.document_id,
    name: doc.name,
    type: doc.type,
    size: doc.size,
    char_count: finished ? doc.chars : 0,
    slice_count: finished ? doc.slices : 0,
    hit_count: 0,
    status: p.status,
    source_type: doc.source_type,
    format_type: doc.format_type,
    update_type: doc.update_type,
    update_interval: doc.update_interval,
    create_time: doc.create_time,
    update_time: p.done ? Math.max(doc.update_time, Math.floor((doc.created_ms + PROCESSING_MS) / 1000)) : doc.update_time,
    tos_uri: doc.tos_uri,
    chunk_strategy: chunkView(doc.chunk_strategy),
  };
}

function documentUrl(state: EmulatorState, doc: KnowledgeDocument): string {
  if (doc.web_url) return doc.web_url;
  return `${CDN}/datasets/${doc.dataset_id}/${doc.document_id}.${doc.type}?x-expires=${state.seconds() + 3600}`;
}

/** What an image is captioned: the manual caption, else (automatic captioning) one made up from its name once processed. */
function captionOf(state: EmulatorState, dataset: Dataset, doc: KnowledgeDocument): string {
  if (doc.caption) return doc.caption;
  const auto = (dataset.chunk_strategy?.caption_type ?? 0) === 0;
  return auto && progressOf(doc, state.clock.now()).done && !doc.fails ? `Image "${doc.name}" (automatic caption)` : '';
}

function datasetView(state: EmulatorState, d: Dataset): Record<string, unknown> {
  const docs = documentsOf(state, d.dataset_id);
  const now = state.clock.now();
  const processing = docs.filter((doc) => !progressOf(doc, now).done);
  const failed = docs.filter((doc) => doc.fails && progressOf(doc, now).done);
  const iconKey = d.icon_file_id ? `${d.icon_file_id}.${d.icon_ext || 'png'}` : `default_${d.format_type === 2 ? 'image' : 'text'}.png`;
  return {
    dataset_id: d.dataset_id,
    name: d.name,
    description: d.description,
    space_id: d.space_id,
    status: d.status,
    format_type: d.format_type,
    can_edit: true,
    icon_uri: `FileBizType.BIZ_DATASET_ICON/${iconKey}`,
    icon_url: `${CDN}/dataset-icons/${iconKey}`,
    avatar_url: `${CDN}/avatar.png`,
    creator_id: state.userId,
    creator_name: 'Emulated User',
    doc_count: docs.length,
    file_list: docs.map((doc) => doc.name),
    hit_count: 0,
    bot_used_count: 0,
    slice_count: docs.reduce((n, doc) => n + (progressOf(doc, now).done && !doc.fails ? doc.slices : 0), 0),
    all_file_size: docs.reduce((n, doc) => n + doc.size, 0),
    create_time: d.create_time,
    update_time: d.update_time,
    failed_file_list: failed.map((doc) => doc.name),
    processing_file_list: processing.map((doc) => doc.name),
    processing_file_id_list: processing.map((doc) => doc.document_id),
    chunk_strategy: d.chunk_strategy ? chunkView(d.chunk_strategy) : { chunk_type: 0 },
  };
}

// ---------------------------------------------------------------------------------------------
// Datasets

/** The icon named by `file_id`: it must be an uploaded image. Empty when none is given. */
function iconFrom(ctx: EmulatorContext): { id: string; ext: string } | Response {
  const fileId = ctx.input('file_id');
  if (!fileId) return { id: '', ext: '' };
  const file = ctx.state.files.get(fileId);
  if (!file) return ctx.fail(4200, `file not found: ${fileId}`);
  if (!isImageFile(file)) return ctx.fail(4000, `invalid parameter: the icon file ${fileId} is not an image`);
  return { id: fileId, ext: extensionOf(file.file_name) || 'png' };
}

function createDataset(ctx: EmulatorContext): Response {
  const spaceId = ctx.input('space_id') ?? '';
  if (spaceId !== ctx.state.workspaceId && !ctx.state.table('workspaces').has(spaceId)) {
    return ctx.fail(4200, `workspace not found: ${spaceId} (the emulated account's workspace is ${ctx.state.workspaceId})`);
  }
  const icon = iconFrom(ctx);
  if (icon instanceof Response) return icon;
  const now = ctx.state.seconds();
  const dataset: Dataset = {
    dataset_id: ctx.state.nextId(),
    name: ctx.input('name') ?? '',
    description: ctx.input('description') ?? '',
    space_id: spaceId,
    format_type: Number(ctx.body['format_type']),
    status: 1,
    icon_file_id: icon.id,
    icon_ext: icon.ext,
    chunk_strategy: undefined,
    create_time: now,
    update_time: now,
  };
  datasets(ctx.state).set(dataset.dataset_id, dataset);
  return ctx.ok({ dataset_id: dataset.dataset_id });
}

function listDatasets(ctx: EmulatorContext): Response {
  const spaceId = ctx.input('space_id') ?? '';
  const name = (ctx.input('name') ?? '').toLowerCase();
  const format = ctx.input('format_type');
  const matching = [...datasets(ctx.state).values()]
    .reverse()
    .filter((d) => d.space_id === spaceId && (!name || d.name.toLowerCase().includes(name)) && (format === undefined || format === '' || d.format_type === Number(format)));
  const list = page(matching, numberInput(ctx, 'page_num', 1), numberInput(ctx, 'page_size', 10));
  return ctx.ok({ total_count: matching.length, dataset_list: list.map((d) => datasetView(ctx.state, d)) });
}

function updateDataset(ctx: EmulatorContext): Response {
  const dataset = findDataset(ctx, ctx.params['dataset_id'] ?? '');
  if (dataset instanceof Response) return dataset;
  const icon = iconFrom(ctx);
  if (icon instanceof Response) return icon;
  // A full overwrite: what is not sent goes back to its default.
  dataset.name = ctx.input('name') ?? dataset.name;
  dataset.description = ctx.input('description') ?? '';
  dataset.icon_file_id = icon.id;
  dataset.icon_ext = icon.ext;
  dataset.update_time = ctx.state.seconds();
  return ctx.ok();
}

function deleteDataset(ctx: EmulatorContext): Response {
  const dataset = findDataset(ctx, ctx.params['dataset_id'] ?? '');
  if (dataset instanceof Response) return dataset;
  for (const doc of documentsOf(ctx.state, dataset.dataset_id)) documents(ctx.state).delete(doc.document_id);
  datasets(ctx.state).delete(dataset.dataset_id);
  return ctx.ok();
}

// ---------------------------------------------------------------------------------------------
// Documents

/** Whether the caller asked for int64 values as strings (`Agw-Js-Conv: str`). */
function wantsStringIds(ctx: EmulatorContext): boolean {
  return (ctx.request.headers.get('agw-js-conv') ?? '').trim().toLowerCase() === 'str';
}

/** A document endpoint's answer: ids as strings with `Agw-Js-Conv: str`, as bare numbers without. */
function documentsAnswer(ctx: EmulatorContext, extra: Record<string, unknown>): Response {
  if (wantsStringIds(ctx)) return ctx.ok(undefined, extra);
  const text = JSON.stringify(envelope(ctx.logid, undefined, extra)).replace(/"document_id":"(\d+)"/g, '"document_id":$1');
  return new Response(text, { status: 200, headers: { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8', 'x-tt-logid': ctx.logid } });
}

/** The chunk strategy of a create call, or the reason it is not usable. */
function readChunkStrategy(raw: unknown): ChunkStrategy | string {
  const c = asRecord(raw);
  if (!c) return 'chunk_strategy must be an object';
  const type = c['chunk_type'] ?? 0;
  if (type !== 0 && type !== 1) return 'chunk_strategy.chunk_type must be 0 or 1';
  const strategy: ChunkStrategy = { chunk_type: type };
  if (type === 1) {
    if (typeof c['separator'] !== 'string' || !c['separator']) return 'chunk_strategy.separator is required when chunk_type is 1';
    const max = c['max_tokens'];
    if (typeof max !== 'number' || max < 100 || max > 2000) return 'chunk_strategy.max_tokens must be between 100 and 2000 when chunk_type is 1';
    strategy.separator = c['separator'];
    strategy.max_tokens = max;
  }
  for (const flag of ['remove_extra_spaces', 'remove_urls_emails'] as const) if (typeof c[flag] === 'boolean') strategy[flag] = c[flag];
  if (c['caption_type'] !== undefined) {
    if (c['caption_type'] !== 0 && c['caption_type'] !== 1) return 'chunk_strategy.caption_type must be 0 or 1';
    strategy.caption_type = c['caption_type'];
  }
  return strategy;
}

/** Base64 to bytes, or undefined when it is not Base64 (works in browsers and Node alike). */
function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  try {
    const binary = atob(clean);
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The text of a file when it is readable UTF-8 (txt, or a "pdf" that is really text in a demo). */
function textOf(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** How many chunks a text makes under a strategy (by separator, then by size). */
function sliceCount(text: string | undefined, chars: number, strategy: ChunkStrategy): number {
  if (chars === 0) return 0;
  const limit = strategy.chunk_type === 1 ? (strategy.max_tokens ?? AUTO_CHUNK_TOKENS) : AUTO_CHUNK_TOKENS;
  if (text === undefined) return Math.ceil(chars / limit);
  const separator = strategy.chunk_type === 1 ? (strategy.separator ?? '\n\n') : '\n\n';
  return text
    .split(separator)
    .map((s) => [...s.trim()].length)
    .filter((n) => n > 0)
    .reduce((total, n) => total + Math.ceil(n / limit), 0);
}

interface NewDocument {
  name: string;
  type: string;
  size: number;
  chars: number;
  text: string | undefined;
  web_url: string;
  caption: string;
  update_type: number;
  update_interval: number;
}

/** One `document_bases` item read against its source, or the reason it is refused. */
function readBase(ctx: EmulatorContext, raw: unknown, i: number, source: SourceType): NewDocument | Response {
  const at = `document_bases[${i}]`;
  const base = asRecord(raw);
  const info = asRecord(base?.['source_info']);
  if (!base || typeof base['name'] !== 'string' || !base['name']) return ctx.fail(4000, `invalid parameter: ${at}.name is required`);
  if (!info) return ctx.fail(4000, `invalid parameter: ${at}.source_info is required`);
  const rule = asRecord(base['update_rule']);
  const updateType = Number(rule?.['update_type'] ?? 0);
  const updateInterval = Number(rule?.['update_interval'] ?? (updateType === 1 ? 24 : 0));
  if (updateType === 1 && source !== 1) return ctx.fail(4000, `invalid parameter: ${at}.update_rule applies to web pages only`);
  if (updateType === 1 && !(updateInterval >= 24)) return ctx.fail(4000, `invalid parameter: ${at}.update_rule.update_interval must be at least 24 hours`);
  const common = { name: base['name'], caption: typeof base['caption'] === 'string' ? base['caption'] : '', update_type: updateType, update_interval: updateType === 1 ? updateInterval : 0 };
  if (source === 0) {
    const fileType = String(info['file_type'] ?? '').toLowerCase();
    if (!TEXT_FILE_TYPES.has(fileType)) return ctx.fail(4000, `invalid parameter: ${at}.source_info.file_type must be one of pdf, txt, doc, docx`);
    const bytes = typeof info['file_base64'] === 'string' ? decodeBase64(info['file_base64']) : undefined;
    if (!bytes) return ctx.fail(4000, `invalid parameter: ${at}.source_info.file_base64 must be the Base64 content of the file`);
    const text = textOf(bytes);
    // Binary documents: about four bytes of file per character of text.
    const chars = text !== undefined ? [...text].length : Math.floor(bytes.length / 4);
    return { ...common, type: fileType, size: bytes.length, chars, text, web_url: '' };
  }
  if (source === 1) {
    const url = String(info['web_url'] ?? '');
    if (!/^https?:\/\/[^\s/]+/.test(url)) return ctx.fail(4000, `invalid parameter: ${at}.source_info.web_url must be an http(s) address`);
    // The emulator does not fetch pages: their size is made up from the address, deterministically.
    const size = 2048 + ([...url].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 30_011, 7) % 30_000);
    return { ...common, type: 'html', size, chars: Math.floor(size / 3), text: undefined, web_url: url };
  }
  const fileId = String(info['source_file_id'] ?? '');
  const file = ctx.state.files.get(fileId);
  if (!file) return ctx.fail(4200, `file not found: ${at}.source_info.source_file_id ${fileId}`);
  if (!isImageFile(file)) return ctx.fail(4000, `invalid parameter: ${at}: file ${fileId} (${file.file_name}) is not an image`);
  return { ...common, type: extensionOf(file.file_name) || 'jpg', size: file.bytes, chars: 0, text: undefined, web_url: '' };
}

/** The one upload method of the request, or the reason it is refused. */
function sourceOf(ctx: EmulatorContext, dataset: Dataset, bases: unknown[]): SourceType | Response {
  const sources = new Set(bases.map((b) => Number(asRecord(asRecord(b)?.['source_info'])?.['document_source'] ?? 0)));
  if (sources.size > 1) return ctx.fail(4000, 'invalid parameter: use one upload method (document_source) per request');
  const source = [...sources][0] ?? 0;
  const allowed: number[] = dataset.format_type === 2 ? [5] : [0, 1];
  if (!allowed.includes(source)) {
    const kind = dataset.format_type === 2 ? 'an image knowledge base takes document_source 5 (file_id)' : 'a text knowledge base takes document_source 0 (Base64) or 1 (web page)';
    return ctx.fail(4000, `invalid parameter: document_source ${source} does not fit: ${kind}`);
  }
  return source as SourceType;
}

function createDocuments(ctx: EmulatorContext): Response {
  const dataset = findDataset(ctx, ctx.input('dataset_id') ?? '');
  if (dataset instanceof Response) return dataset;
  const format = Number(ctx.body['format_type']);
  if (format !== dataset.format_type) return ctx.fail(4000, `invalid parameter: format_type ${format} does not match the knowledge base (format_type ${dataset.format_type})`);
  const strategy = readChunkStrategy(ctx.body['chunk_strategy']);
  if (typeof strategy === 'string') return ctx.fail(4000, `invalid parameter: ${strategy}`);
  const isFirst = documentsOf(ctx.state, dataset.dataset_id).length === 0;
  if (dataset.format_type === 2 && isFirst && !dataset.chunk_strategy && strategy.caption_type === undefined) {
    return ctx.fail(4000, 'invalid parameter: the first upload to an image knowledge base must set chunk_strategy.caption_type');
  }
  const bases = ctx.body['document_bases'] as unknown[];
  const source = sourceOf(ctx, dataset, bases);
  if (source instanceof Response) return source;
  const read: NewDocument[] = [];
  for (const [i, raw] of bases.entries()) {
    const doc = readBase(ctx, raw, i, source);
    if (doc instanceof Response) return doc;
    read.push(doc);
  }
  dataset.chunk_strategy ??= strategy;
  dataset.update_time = ctx.state.seconds();
  const created = read.map((n) => addDocument(ctx.state, dataset, n, source, strategy));
  return documentsAnswer(ctx, { document_infos: created.map((d) => documentView(ctx.state, d)) });
}

function addDocument(state: EmulatorState, dataset: Dataset, n: NewDocument, source: SourceType, strategy: ChunkStrategy): KnowledgeDocument {
  const id = state.nextId();
  const now = state.clock.now();
  const doc: KnowledgeDocument = {
    document_id: id,
    dataset_id: dataset.dataset_id,
    name: n.name,
    type: n.type,
    size: n.size,
    chars: n.chars,
    slices: dataset.format_type === 2 ? 1 : sliceCount(n.text, n.chars, strategy),
    source_type: source,
    format_type: dataset.format_type,
    update_type: n.update_type,
    update_interval: n.update_interval,
    web_url: n.web_url,
    created_ms: now,
    create_time: Math.floor(now / 1000),
    update_time: Math.floor(now / 1000),
    tos_uri: `FileBizType.BIZ_BOT_DATASET/${state.userId}_${id}.${n.type}`,
    chunk_strategy: strategy,
    caption: n.caption,
    fails: n.size === 0 || (source !== 5 && n.chars === 0),
  };
  documents(state).set(id, doc);
  return doc;
}

function listDocuments(ctx: EmulatorContext): Response {
  const dataset = findDataset(ctx, ctx.input('dataset_id') ?? '');
  if (dataset instanceof Response) return dataset;
  // The docs name the page size `size`; the JavaScript SDK sends `page_size`.
  const size = numberInput(ctx, 'size', numberInput(ctx, 'page_size', 10));
  if (size < 1) return ctx.fail(4000, 'invalid parameter: size must be at least 1');
  const all = documentsOf(ctx.state, dataset.dataset_id);
  const list = page(all, numberInput(ctx, 'page', 1), size);
  return documentsAnswer(ctx, { document_infos: list.map((d) => documentView(ctx.state, d)), total: all.length });
}

function updateDocument(ctx: EmulatorContext): Response {
  const id = ctx.input('document_id');
  if (!id) return ctx.fail(4000, 'invalid parameter: document_id is required');
  const doc = documents(ctx.state).get(id);
  if (!doc) return ctx.fail(4200, `document not found: ${id}`);
  const name = ctx.body['document_name'];
  if (name !== undefined && (typeof name !== 'string' || !name.trim())) return ctx.fail(4000, 'invalid parameter: document_name must be a non-empty string');
  const rule = asRecord(ctx.body['update_rule']);
  if (rule) {
    const type = Number(rule['update_type'] ?? 0);
    const interval = Number(rule['update_interval'] ?? 24);
    if (type === 1 && doc.source_type !== 1) return ctx.fail(4000, 'invalid parameter: update_rule applies to web pages only');
    if (type === 1 && !(interval >= 24)) return ctx.fail(4000, 'invalid parameter: update_rule.update_interval must be at least 24 hours');
    doc.update_type = type === 1 ? 1 : 0;
    doc.update_interval = type === 1 ? interval : 0;
  }
  if (typeof name === 'string') doc.name = name;
  doc.update_time = ctx.state.seconds();
  // The deprecated `document_info` is left out, as the service usually does.
  return ctx.ok();
}

function deleteDocuments(ctx: EmulatorContext): Response {
  const ids = ctx.body['document_ids'] as unknown[];
  const table = documents(ctx.state);
  // All or nothing: an unknown id deletes none of them.
  for (const id of ids) if (typeof id !== 'string' || !table.has(id)) return ctx.fail(4200, `document not found: ${String(id)}`);
  for (const id of ids as string[]) table.delete(id);
  return ctx.ok();
}

function documentProgress(ctx: EmulatorContext): Response {
  const dataset = findDataset(ctx, ctx.params['dataset_id'] ?? '');
  if (dataset instanceof Response) return dataset;
  const ids = ctx.body['document_ids'] as unknown[];
  const items: Array<Record<string, unknown>> = [];
  for (const id of ids) {
    const doc = documents(ctx.state).get(String(id));
    if (!doc || doc.dataset_id !== dataset.dataset_id) return ctx.fail(4200, `document ${String(id)} is not in dataset ${dataset.dataset_id}`);
    const p = progressOf(doc, ctx.state.clock.now());
    items.push({
      document_id: doc.document_id,
      document_name: doc.name,
      url: documentUrl(ctx.state, doc),
      size: doc.size,
      type: doc.type,
      status: p.status,
      progress: p.progress,
      remaining_time: p.remaining_time,
      update_type: doc.update_type,
      update_interval: doc.update_interval,
      ...(p.status === 9 ? { status_descript: 'document parsing failed: the file has no content' } : {}),
    });
  }
  return ctx.ok({ data: items });
}

// ---------------------------------------------------------------------------------------------
// Images

function imageDataset(ctx: EmulatorContext): Dataset | Response {
  const dataset = findDataset(ctx, ctx.params['dataset_id'] ?? '');
  if (dataset instanceof Response) return dataset;
  if (dataset.format_type !== 2) return ctx.fail(4000, `invalid parameter: dataset ${dataset.dataset_id} is not an image knowledge base`);
  return dataset;
}

function listImages(ctx: EmulatorContext): Response {
  const dataset = imageDataset(ctx);
  if (dataset instanceof Response) return dataset;
  const keyword = (ctx.input('keyword') ?? '').toLowerCase();
  const hasCaption = ctx.input('has_caption');
  const photos = documentsOf(ctx.state, dataset.dataset_id).map((doc) => ({ doc, caption: captionOf(ctx.state, dataset, doc) }));
  const matching = photos.filter(
    ({ doc, caption }) =>
      (!keyword || caption.toLowerCase().includes(keyword) || doc.name.toLowerCase().includes(keyword)) &&
      (hasCaption === undefined || hasCaption === '' || (hasCaption === 'true') === caption.length > 0),
  );
  const list = page(matching, numberInput(ctx, 'page_num', 1), numberInput(ctx, 'page_size', 10));
  return ctx.ok({
    total_count: matching.length,
    photo_infos: list.map(({ doc, caption }) => ({
      document_id: doc.document_id,
      name: doc.name,
      caption,
      status: progressOf(doc, ctx.state.clock.now()).status,
      type: doc.type,
      size: doc.size,
      source_type: doc.source_type,
      creator_id: ctx.state.userId,
      create_time: doc.create_time,
      update_time: doc.update_time,
      url: documentUrl(ctx.state, doc),
    })),
  });
}

function updateImage(ctx: EmulatorContext): Response {
  const dataset = imageDataset(ctx);
  if (dataset instanceof Response) return dataset;
  const id = ctx.params['document_id'] ?? '';
  const doc = documents(ctx.state).get(id);
  if (!doc || doc.dataset_id !== dataset.dataset_id) return ctx.fail(4200, `image ${id} is not in dataset ${dataset.dataset_id}`);
  doc.caption = ctx.input('caption') ?? '';
  doc.update_time = ctx.state.seconds();
  return ctx.ok();
}

export const handlers: HandlerMap = {
  'datasets.create': createDataset,
  'datasets.list': listDatasets,
  'datasets.update': updateDataset,
  'datasets.delete': deleteDataset,
  'datasets.documents.create': createDocuments,
  'datasets.documents.list': listDocuments,
  'datasets.documents.update': updateDocument,
  'datasets.documents.delete': deleteDocuments,
  'datasets.process': documentProgress,
  'datasets.images.list': listImages,
  'datasets.images.update': updateImage,
};

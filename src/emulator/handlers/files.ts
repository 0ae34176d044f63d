/**
 * Files: `POST /v1/files/upload` keeps the uploaded bytes in `state.files` and answers the file
 * object; `GET /v1/files/retrieve` reads it back. The multipart helpers here also serve the other
 * upload endpoints (speech recognition, voice cloning).
 */
import type { EmulatorContext, HandlerMap } from '../context.js';
import type { StoredFile } from '../state.js';

/** The service's limit for one uploaded file. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** Room for the multipart framing around the file when judging a declared Content-Length. */
const MULTIPART_SLACK_BYTES = 64 * 1024;

/** Extensions the upload accepts when the catalogue entry does not list them (it normally does). */
const DEFAULT_ACCEPT =
  '.doc,.docx,.xls,.xlsx,.ppt,.pptx,.pdf,.numbers,.csv,.cpp,.py,.java,.c,.jpg,.jpeg,.jp2,.png,.gif,.webp,.heic,.heif,.bmp,.pcd,.tif,.tiff,.wav,.mp3,.flac,.m4a,.aac,.ogg,.wma,.mid,.midi,.mp4,.avi,.mov,.3gp,.3gpp,.flv,.webm,.wmv,.rmvb,.m4v,.mkv,.rar,.zip,.7z,.gz,.gzip,.bz2';

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  mp4: 'video/mp4',
  webm: 'video/webm',
  zip: 'application/zip',
};

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'jp2', 'png', 'gif', 'webp', 'heic', 'heif', 'bmp', 'pcd', 'tif', 'tiff']);

/** The lower-case extension of a file name, without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** Whether a stored file is a picture (image knowledge bases and dataset icons take only those). */
export function isImageFile(file: StoredFile): boolean {
  return file.mime_type.startsWith('image/') || IMAGE_EXTENSIONS.has(extensionOf(file.file_name));
}

function isFile(value: FormDataEntryValue | unknown): value is File {
  return typeof value === 'object' && value !== null && typeof (value as Blob).arrayBuffer === 'function' && typeof (value as Blob).size === 'number';
}

/** Every file part of the multipart body, whatever its field name. */
function fileParts(ctx: EmulatorContext): File[] {
  const out: File[] = [];
  if (!ctx.form) return out;
  for (const [, value] of ctx.form) if (isFile(value)) out.push(value);
  return out;
}

/** The size the client declared for the whole request body, if it said. */
function declaredBodyBytes(ctx: EmulatorContext): number | undefined {
  const header = ctx.request.headers.get('content-length');
  if (!header || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

export interface SingleFileRules {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Codes for: no file or an empty one, more than one file, too large. */
  codes: { empty: number; many: number; tooLarge: number };
  /** How the limit reads in messages ("512 MB"). */
  limitLabel: string;
}

const UPLOAD_RULES: SingleFileRules = { maxBytes: MAX_UPLOAD_BYTES, codes: { empty: 4300, many: 4301, tooLarge: 4302 }, limitLabel: '512 MB' };

/**
 * The one file of a multipart upload in the `file` field, or the Coze error to answer. The
 * declared Content-Length is checked as well as the file, so an oversized upload is refused by
 * what the client announced even before its bytes are looked at.
 */
export function singleFile(ctx: EmulatorContext, rules: SingleFileRules = UPLOAD_RULES): File | Response {
  const parts = fileParts(ctx);
  if (parts.length > 1) return ctx.fail(rules.codes.many, `only one file may be uploaded per request, got ${parts.length}`);
  const declared = declaredBodyBytes(ctx);
  if (declared !== undefined && declared > rules.maxBytes + MULTIPART_SLACK_BYTES) {
    return ctx.fail(rules.codes.tooLarge, `file too large: the request declares ${declared} bytes, the limit is ${rules.limitLabel}`);
  }
  const file = ctx.form?.get('file');
  if (!isFile(file)) {
    const hint = ctx.form ? 'send it in the multipart field "file"' : 'the body must be multipart/form-data with the file in the field "file"';
    return ctx.fail(rules.codes.empty, `file is empty: ${hint}`);
  }
  if (file.size === 0) return ctx.fail(rules.codes.empty, `file is empty: ${file.name || 'the file'} has 0 bytes`);
  if (file.size > rules.maxBytes) return ctx.fail(rules.codes.tooLarge, `file too large: ${file.size} bytes, the limit is ${rules.limitLabel}`);
  return file;
}

/** The accepted extensions, as the catalogue entry's `accept` lists them. */
function acceptedExtensions(ctx: EmulatorContext): Set<string> {
  const accept = ctx.entry?.params.find((p) => p.name === 'file')?.accept ?? DEFAULT_ACCEPT;
  return new Set(accept.split(',').map((s) => s.trim().replace(/^\./, '').toLowerCase()).filter(Boolean));
}

/** Stores an uploaded file's bytes and metadata; also used by other areas' tests through the API. */
export async function storeFile(ctx: EmulatorContext, file: File): Promise<StoredFile> {
  const name = file.name || 'file';
  const stored: StoredFile = {
    id: ctx.state.nextId(),
    file_name: name,
    bytes: file.size,
    created_at: ctx.state.seconds(),
    mime_type: file.type || MIME_BY_EXTENSION[extensionOf(name)] || 'application/octet-stream',
    content: new Uint8Array(await file.arrayBuffer()),
  };
  ctx.state.files.set(stored.id, stored);
  return stored;
}

/** The file object as the API shows it (never the bytes, never a URL). */
export function fileView(file: StoredFile): Record<string, unknown> {
  return { id: file.id, bytes: file.bytes, file_name: file.file_name, created_at: file.created_at };
}

async function upload(ctx: EmulatorContext): Promise<Response> {
  const file = singleFile(ctx);
  if (file instanceof Response) return file;
  const ext = extensionOf(file.name);
  // A name without an extension leaves the type to the content, which the service sniffs.
  if (ext && !acceptedExtensions(ctx).has(ext)) {
    return ctx.fail(4303, `unsupported file type .${ext}: upload a document, code, image, audio, video or archive file`);
  }
  const stored = await storeFile(ctx, file);
  return ctx.ok(fileView(stored));
}

function retrieve(ctx: EmulatorContext): Response {
  const id = ctx.input('file_id') ?? '';
  const file = ctx.state.files.get(id);
  if (!file) return ctx.fail(4200, `file not found: ${id}`);
  return ctx.ok(fileView(file));
}

export const handlers: HandlerMap = {
  'files.upload': upload,
  'files.retrieve': retrieve,
};

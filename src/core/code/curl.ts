/**
 * "Copy as curl" for a request as it was sent. The token never appears: the Authorization header is
 * always written as `Bearer $COZE_API_TOKEN` (a shell variable the reader sets), whatever the sent
 * request held, and any secret passed in `secrets` is replaced by that variable wherever it occurs.
 */
import type { SentRequest } from '../transport/types.js';

export interface CurlOptions {
  /** The shell variable that holds the token (default `COZE_API_TOKEN`). */
  tokenVariable?: string;
  /** Strings that must never appear in the output (e.g. the token itself); each is replaced by the variable. */
  secrets?: readonly string[];
  /** One option per line, joined with ` \` (default true). */
  multiline?: boolean;
}

/** Headers curl computes itself, or that only make sense for the browser's own connection. */
const SKIPPED = new Set(['content-length', 'host', 'connection', 'accept-encoding', 'authorization']);

/** Quotes a word for a POSIX shell: single quotes, with `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `content-type` → `Content-Type`, for readability (HTTP header names are case-insensitive). */
function headerName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

function isStreaming(request: SentRequest): boolean {
  const accept = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'accept')?.[1] ?? '';
  return accept.includes('text/event-stream') || (typeof request.body === 'string' && /"stream"\s*:\s*true\b/.test(request.body));
}

/** The curl command line that repeats a sent request. */
export function curlCommand(request: SentRequest, options: CurlOptions = {}): string {
  const variable = options.tokenVariable ?? 'COZE_API_TOKEN';
  const args: string[] = ['curl'];
  if (isStreaming(request)) args.push('-N');
  const method = request.method.toUpperCase();
  const body = request.body;
  // curl picks POST for a body and GET without one; say the method when it differs.
  const implied = body === undefined ? 'GET' : 'POST';
  if (method !== implied) args.push(`-X ${method}`);
  args.push(shellQuote(request.url));
  // Double quotes so that the shell expands the variable.
  args.push(`-H "Authorization: Bearer $${variable}"`);
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (SKIPPED.has(lower)) continue;
    // `-F` writes multipart/form-data with its own boundary.
    if (lower === 'content-type' && Array.isArray(body)) continue;
    args.push(`-H ${shellQuote(`${headerName(lower)}: ${value}`)}`);
  }
  if (typeof body === 'string') {
    args.push(`--data-raw ${shellQuote(body)}`);
  } else if (Array.isArray(body)) {
    for (const field of body) {
      if (field.file) {
        const type = field.file.type ? `;type=${field.file.type}` : '';
        args.push(`-F ${shellQuote(`${field.name}=@${field.file.name}${type}`)}`);
      } else {
        // --form-string: a value starting with @ or < stays text.
        args.push(`--form-string ${shellQuote(`${field.name}=${field.value}`)}`);
      }
    }
  } else if (body) {
    args.push(`--data-binary ${shellQuote('@body.bin')}`);
  }
  let text = args.join(options.multiline === false ? ' ' : ' \\\n  ');
  for (const secret of options.secrets ?? []) {
    if (secret && secret.length >= 4) text = text.split(secret).join(`$${variable}`);
  }
  return text;
}

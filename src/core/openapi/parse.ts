/**
 * Reading an OpenAPI document (or a catalogue) from text: JSON, or YAML. The YAML parser is loaded
 * only when a document is not JSON, so pages that never see YAML never download it.
 */
import { jsonErrorOffset } from '../json-offset.js';
import { OpenApiError } from './refs.js';

/**
 * Parse JSON or YAML text. A syntax error becomes an {@link OpenApiError} that says where it is
 * (line and column for YAML), so a user can find it in the file.
 */
export async function parseDocument(text: string, source = 'document'): Promise<unknown> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new OpenApiError([{ path: '', message: `not valid JSON: ${(err as Error).message}${whereJsonBreaks(text, (err as Error).message)}` }], source);
    }
  }
  const { parse } = await import('yaml');
  try {
    // maxAliasCount bounds "billion laughs" alias expansion in hostile YAML.
    return parse(text, { maxAliasCount: 1000, prettyErrors: true });
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] ?? 'syntax error';
    throw new OpenApiError([{ path: '', message: `not valid YAML: ${message}` }], source);
  }
}

/** ` (line L, column C)` of the first character where `text` stops being JSON, unless the browser's message says already. */
function whereJsonBreaks(text: string, message: string): string {
  const at = /\bline \d+/.test(message) ? undefined : jsonErrorOffset(text);
  if (at === undefined) return '';
  const lines = text.slice(0, at).split('\n');
  return ` (line ${lines.length}, column ${lines[lines.length - 1]!.length + 1})`;
}

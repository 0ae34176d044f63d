/** Reading an OpenAPI document from text: JSON, or YAML (the `yaml` package, loaded only when needed in browsers). */
import { parse as parseYaml } from 'yaml';
import { OpenApiError } from './refs.js';

/**
 * Parse JSON or YAML text. A syntax error becomes an {@link OpenApiError} that names the line and
 * column, so a user can find it in the file.
 */
export function parseDocument(text: string, source = 'document'): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new OpenApiError([{ path: '', message: `not valid JSON: ${(err as Error).message}` }], source);
    }
  }
  try {
    // maxAliasCount bounds "billion laughs" alias expansion in hostile YAML.
    return parseYaml(text, { maxAliasCount: 1000, prettyErrors: true });
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] ?? 'syntax error';
    throw new OpenApiError([{ path: '', message: `not valid YAML: ${message}` }], source);
  }
}

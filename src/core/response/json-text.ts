/**
 * JSON text for reading: re-indented without parsing (so big integers and key order stay exactly as
 * sent) and split into coloured tokens. Both stop at a size limit and leave the rest as plain text.
 */

export type TokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punct' | 'text';

export interface Token {
  kind: TokenKind;
  text: string;
}

const TOKEN = /("(?:[^"\\\n]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false)|(null)|([{}[\],:])|(\s+)|([^"\s{}[\],:]+|")/g;

/** Coloured tokens of a JSON (or JSON-like) text; beyond `limit` characters the rest is one text token. */
export function jsonTokens(text: string, limit = 200_000): Token[] {
  const head = text.length > limit ? text.slice(0, limit) : text;
  const tokens: Token[] = [];
  const push = (kind: TokenKind, t: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && (kind === 'text' || kind === 'punct')) last.text += t;
    else tokens.push({ kind, text: t });
  };
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(head))) {
    if (m[1] !== undefined) {
      if (m[2] !== undefined) {
        push('key', m[1]);
        push('punct', m[2]);
      } else push('string', m[1]);
    } else if (m[3] !== undefined) push('number', m[3]);
    else if (m[4] !== undefined) push('boolean', m[4]);
    else if (m[5] !== undefined) push('null', m[5]);
    else if (m[6] !== undefined) push('punct', m[6]);
    else push('text', m[0]);
  }
  if (head.length < text.length) push('text', text.slice(limit));
  return tokens;
}

/**
 * The text indented by two spaces per level, when it looks like JSON (starts with `{` or `[`);
 * other text, and text longer than `limit`, comes back unchanged. No parsing: numbers keep their digits.
 */
export function indentJson(text: string, limit = 2_000_000): string {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed) || text.length > limit) return text;
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = () => '\n' + '  '.repeat(depth);
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += trimmed[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{':
      case '[': {
        // Keep empty containers on one line.
        let j = i + 1;
        while (j < trimmed.length && /\s/.test(trimmed[j]!)) j++;
        const close = c === '{' ? '}' : ']';
        if (trimmed[j] === close) {
          out += c + close;
          i = j;
        } else {
          depth++;
          out += c + newline();
        }
        break;
      }
      case '}':
      case ']':
        depth = Math.max(0, depth - 1);
        out += newline() + c;
        break;
      case ',':
        out += ',' + newline();
        break;
      case ':':
        out += ': ';
        break;
      default:
        if (!/\s/.test(c)) out += c;
    }
  }
  return out;
}

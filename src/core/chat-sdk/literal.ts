/**
 * A small reader and printer for the part of JavaScript that Chat SDK embed code uses: object and
 * array literals, strings, numbers, booleans, `null`, `undefined`, comments, trailing commas, and
 * (kept verbatim, never run) function expressions and simple expressions such as
 * `document.getElementById('chat')`. No `eval`, no `new Function`: the code is tokenized and parsed.
 *
 * Errors carry a line and column (1-based) and a message in both languages.
 */
import type { LocalizedText } from '../catalog/schema.js';

/** Source code kept as it was written (a function, a variable, a call): printed back, never run. */
export class RawCode {
  constructor(readonly source: string) {}
}

export type LiteralValue = string | number | boolean | null | undefined | RawCode | LiteralValue[] | LiteralObject;
export interface LiteralObject {
  [key: string]: LiteralValue;
}

export function isLiteralObject(value: unknown): value is LiteralObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawCode);
}

/** Where code could not be read: 1-based line and column, and what was wrong. */
export class LiteralError extends Error {
  constructor(
    readonly text: LocalizedText,
    readonly offset: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${text.en}`);
  }
}

type TokenKind = 'punct' | 'string' | 'number' | 'ident' | 'template' | 'eof';

interface Token {
  kind: TokenKind;
  /** The value: a string's contents, a number's value as text, the punctuator or identifier. */
  value: string;
  start: number;
  end: number;
}

const PUNCTUATORS = ['=>', '...', '{', '}', '[', ']', '(', ')', ',', ':', ';', '.', '=', '?', '!', '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '~'];
const IDENT_START = /[A-Za-z_$\u00a0-\uffff]/;
const IDENT_PART = /[\w$\u00a0-\uffff]/;

const quote = (s: string) => `“${s}”`;

/** Line and column (1-based) of an offset. */
export function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Tokenizer {
  private pos: number;
  constructor(
    private readonly src: string,
    start: number,
  ) {
    this.pos = start;
  }

  fail(text: LocalizedText, offset: number): never {
    const { line, column } = position(this.src, offset);
    throw new LiteralError(text, offset, line, column);
  }

  /** Skips spaces and comments. */
  private skip(): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === undefined) return;
      if (/\s/.test(c)) {
        this.pos++;
      } else if (c === '/' && s[this.pos + 1] === '/') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && s[this.pos + 1] === '*') {
        const end = s.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail({ zh: '注释没有结束（缺少 */）。', en: 'A comment is not closed (missing */).' }, this.pos);
        this.pos = end + 2;
      } else return;
    }
  }

  next(): Token {
    this.skip();
    const s = this.src;
    const start = this.pos;
    const c = s[start];
    if (c === undefined) return { kind: 'eof', value: '', start, end: start };
    if (c === '"' || c === "'") return this.string(c);
    if (c === '`') return this.template();
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[start + 1] ?? ''))) return this.number();
    if (IDENT_START.test(c)) {
      let end = start + 1;
      while (end < s.length && IDENT_PART.test(s[end]!)) end++;
      this.pos = end;
      return { kind: 'ident', value: s.slice(start, end), start, end };
    }
    for (const p of PUNCTUATORS) {
      if (s.startsWith(p, start)) {
        this.pos = start + p.length;
        return { kind: 'punct', value: p, start, end: this.pos };
      }
    }
    return this.fail({ zh: `无法识别的字符 ${quote(c)}。`, en: `Unexpected character ${quote(c)}.` }, start);
  }

  private string(q: string): Token {
    const s = this.src;
    const start = this.pos;
    let i = start + 1;
    let out = '';
    for (;;) {
      const c = s[i];
      if (c === undefined || c === '\n') this.fail({ zh: '字符串没有结束（缺少引号）。', en: 'A string is not closed (missing quote).' }, start);
      if (c === q) break;
      if (c === '\\') {
        const [text, length] = this.escape(i);
        out += text;
        i += length;
        continue;
      }
      out += c;
      i++;
    }
    this.pos = i + 1;
    return { kind: 'string', value: out, start, end: this.pos };
  }

  private template(): Token {
    const s = this.src;
    const start = this.pos;
    let i = start + 1;
    let out = '';
    for (;;) {
      const c = s[i];
      if (c === undefined) this.fail({ zh: '模板字符串没有结束（缺少 `）。', en: 'A template string is not closed (missing `).' }, start);
      if (c === '`') break;
      if (c === '$' && s[i + 1] === '{') this.fail({ zh: '不支持模板字符串中的 ${…} 表达式，请改用普通字符串。', en: '${…} inside a template string is not supported; use a plain string.' }, i);
      if (c === '\\') {
        const [text, length] = this.escape(i);
        out += text;
        i += length;
        continue;
      }
      out += c;
      i++;
    }
    this.pos = i + 1;
    return { kind: 'template', value: out, start, end: this.pos };
  }

  /** One escape sequence at `i` (the backslash): its text and its length in the source. */
  private escape(i: number): [string, number] {
    const s = this.src;
    const e = s[i + 1];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
    if (e === undefined) this.fail({ zh: '字符串没有结束。', en: 'A string is not closed.' }, i);
    if (e in simple && !(e === '0' && /[0-9]/.test(s[i + 2] ?? ''))) return [simple[e]!, 2];
    if (e === '\n') return ['', 2];
    if (e === '\r') return ['', s[i + 2] === '\n' ? 3 : 2];
    if (e === 'x') {
      const hex = s.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) this.fail({ zh: '无效的 \\x 转义。', en: 'Invalid \\x escape.' }, i);
      return [String.fromCharCode(parseInt(hex, 16)), 4];
    }
    if (e === 'u') {
      if (s[i + 2] === '{') {
        const close = s.indexOf('}', i + 3);
        const hex = close > 0 ? s.slice(i + 3, close) : '';
        if (!/^[0-9a-fA-F]{1,6}$/.test(hex) || parseInt(hex, 16) > 0x10ffff) this.fail({ zh: '无效的 \\u{…} 转义。', en: 'Invalid \\u{…} escape.' }, i);
        return [String.fromCodePoint(parseInt(hex, 16)), close - i + 1];
      }
      const hex = s.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail({ zh: '无效的 \\u 转义。', en: 'Invalid \\u escape.' }, i);
      return [String.fromCharCode(parseInt(hex, 16)), 6];
    }
    return [e, 2];
  }

  private number(): Token {
    const s = this.src;
    const start = this.pos;
    const m = /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:[0-9][0-9_]*\.?[0-9_]*|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9_]+)?)/.exec(s.slice(start, start + 64));
    const text = m![0];
    const end = start + text.length;
    if (IDENT_PART.test(s[end] ?? '')) this.fail({ zh: `数字后面不能紧跟 ${quote(s[end]!)}。`, en: `A number cannot be followed by ${quote(s[end]!)}.` }, end);
    this.pos = end;
    return { kind: 'number', value: text.replace(/_/g, ''), start, end };
  }
}

function describe(t: Token): [zh: string, en: string] {
  if (t.kind === 'eof') return ['代码结尾', 'the end of the code'];
  if (t.kind === 'string' || t.kind === 'template') return ['字符串', 'a string'];
  return [quote(t.value), quote(t.value)];
}

function expectedText(what: LocalizedText, found: Token): LocalizedText {
  const [zh, en] = describe(found);
  return { zh: `这里应为${what.zh}，却是${zh}。`, en: `Expected ${what.en} but found ${en}.` };
}

/** Reads one value starting at an offset of a larger source; `end` is where it stopped. */
class Parser {
  private readonly tokens: Tokenizer;
  private token: Token;
  private ahead: Token[] = [];

  constructor(
    private readonly src: string,
    start: number,
  ) {
    this.tokens = new Tokenizer(src, start);
    this.token = this.tokens.next();
  }

  get current(): Token {
    return this.token;
  }

  advance(): Token {
    const t = this.token;
    this.token = this.ahead.shift() ?? this.tokens.next();
    return t;
  }

  private peek(n = 1): Token {
    while (this.ahead.length < n) this.ahead.push(this.tokens.next());
    return this.ahead[n - 1]!;
  }

  fail(text: LocalizedText, offset = this.token.start): never {
    return this.tokens.fail(text, offset);
  }

  /** Whether the code ended (a method, so that narrowing of the current token does not stick). */
  atEnd(): boolean {
    return this.token.kind === 'eof';
  }

  is(value: string): boolean {
    return this.token.kind === 'punct' && this.token.value === value;
  }

  expect(value: string, what?: LocalizedText): Token {
    if (!this.is(value)) this.fail(expectedText(what ?? { zh: quote(value), en: quote(value) }, this.token));
    return this.advance();
  }

  value(): LiteralValue {
    const t = this.token;
    switch (t.kind) {
      case 'string':
      case 'template':
        this.advance();
        return t.value;
      case 'number':
        this.advance();
        return Number(t.value);
      case 'ident':
        return this.identifierValue();
      case 'punct':
        if (t.value === '{') return this.object();
        if (t.value === '[') return this.array();
        if (t.value === '-' || t.value === '+') {
          this.advance();
          const n = this.token;
          if (n.kind !== 'number') this.fail(expectedText({ zh: '数字', en: 'a number' }, n));
          this.advance();
          return t.value === '-' ? -Number(n.value) : Number(n.value);
        }
        if (t.value === '(') {
          if (this.arrowAhead()) return this.raw(t.start);
        }
        return this.fail(expectedText({ zh: '一个值', en: 'a value' }, t));
      case 'eof':
        return this.fail(expectedText({ zh: '一个值', en: 'a value' }, t));
    }
  }

  private identifierValue(): LiteralValue {
    const t = this.token;
    switch (t.value) {
      case 'true':
        this.advance();
        return true;
      case 'false':
        this.advance();
        return false;
      case 'null':
        this.advance();
        return null;
      case 'undefined':
        this.advance();
        return undefined;
      case 'NaN':
      case 'Infinity':
        this.advance();
        return Number(t.value);
      default:
        return this.raw(t.start);
    }
  }

  /** Whether the `(` here starts an arrow function's parameter list. */
  private arrowAhead(): boolean {
    let depth = 0;
    for (let n = 0; ; n++) {
      const t = n === 0 ? this.token : this.peek(n);
      if (t.kind === 'eof') return false;
      if (t.kind === 'punct' && (t.value === '(' || t.value === '[' || t.value === '{')) depth++;
      if (t.kind === 'punct' && (t.value === ')' || t.value === ']' || t.value === '}')) {
        depth--;
        if (depth === 0) {
          const after = this.peek(n + 1);
          return after.kind === 'punct' && after.value === '=>';
        }
      }
    }
  }

  /**
   * Code kept verbatim: a function expression, an arrow function, or an expression built from names,
   * member access and calls (`window.myToken`, `document.getElementById('x')`, `new Foo()`). It ends at
   * the `,` `}` or `]` that closes the surrounding literal.
   */
  private raw(start: number): RawCode {
    let depth = 0;
    let end = start;
    let last: Token | undefined;
    for (;;) {
      const t = this.token;
      if (t.kind === 'eof') {
        if (depth > 0) this.fail({ zh: '括号没有闭合。', en: 'A bracket is not closed.' }, start);
        break;
      }
      if (t.kind === 'punct') {
        if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
        else if (t.value === ')' || t.value === ']' || t.value === '}') {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && (t.value === ',' || t.value === ';')) break;
      }
      // Two plain values in a row outside brackets (`abc def`, `'a' 'b'`) are a missing comma, not an expression.
      if (depth === 0 && last && isOperand(last) && isOperand(t) && !(last.kind === 'ident' && ['function', 'async', 'new', 'typeof', 'await', 'return', 'void'].includes(last.value))) {
        this.fail(expectedText({ zh: '“,”', en: '“,”' }, t));
      }
      last = t;
      end = t.end;
      this.advance();
    }
    return new RawCode(dedent(this.src.slice(start, end)));
  }

  object(): LiteralObject {
    const open = this.expect('{');
    const out: LiteralObject = {};
    while (!this.is('}')) {
      if (this.current.kind === 'eof') this.fail({ zh: '对象没有闭合（缺少 }）。', en: 'An object is not closed (missing }).' }, open.start);
      if (this.is('...')) this.fail({ zh: '不支持展开语法（...）。', en: 'Spread syntax (...) is not supported.' });
      const keyToken = this.current;
      let key: string;
      if (keyToken.kind === 'ident' || keyToken.kind === 'string') key = keyToken.value;
      else if (keyToken.kind === 'number') key = String(Number(keyToken.value));
      else if (this.is('[')) this.fail({ zh: '不支持计算属性名（[…]）。', en: 'Computed property names ([…]) are not supported.' });
      else this.fail(expectedText({ zh: '属性名', en: 'a property name' }, keyToken));
      this.advance();
      if (this.is('(') && keyToken.kind === 'ident') {
        // A method (`onRefreshToken() { … }`): kept as a function expression.
        out[key] = this.method(key, keyToken.start);
      } else if ((this.is(',') || this.is('}')) && keyToken.kind === 'ident') {
        // Shorthand (`{ token }`): a variable of the page, kept as code.
        out[key] = new RawCode(key);
      } else {
        this.expect(':', { zh: `属性 ${key} 后的“:”`, en: `“:” after the property ${key}` });
        out[key] = this.value();
      }
      if (this.is(',')) this.advance();
      else if (this.atEnd()) this.fail({ zh: '对象没有闭合（缺少 }）。', en: 'An object is not closed (missing }).' }, open.start);
      else if (!this.is('}')) this.fail(expectedText({ zh: '“,”或“}”', en: '“,” or “}”' }, this.current));
    }
    this.advance();
    return out;
  }

  private method(name: string, start: number): RawCode {
    const raw = this.raw(start);
    // `name(args) { … }` is printed back as `function (args) { … }` under the same key.
    return new RawCode(raw.source.replace(new RegExp(`^${name.replace(/[$]/g, '\\$')}\\s*`), 'function '));
  }

  array(): LiteralValue[] {
    const open = this.expect('[');
    const out: LiteralValue[] = [];
    while (!this.is(']')) {
      if (this.current.kind === 'eof') this.fail({ zh: '数组没有闭合（缺少 ]）。', en: 'An array is not closed (missing ]).' }, open.start);
      out.push(this.value());
      if (this.is(',')) this.advance();
      else if (this.atEnd()) this.fail({ zh: '数组没有闭合（缺少 ]）。', en: 'An array is not closed (missing ]).' }, open.start);
      else if (!this.is(']')) this.fail(expectedText({ zh: '“,”或“]”', en: '“,” or “]”' }, this.current));
    }
    this.advance();
    return out;
  }
}

function isOperand(t: Token): boolean {
  return t.kind === 'ident' || t.kind === 'string' || t.kind === 'number' || t.kind === 'template';
}

/** Removes the indentation shared by the second and later lines, so that code can be re-indented. */
function dedent(source: string): string {
  const lines = source.split('\n');
  if (lines.length < 2) return source;
  const rest = lines.slice(1).filter((l) => l.trim());
  const indent = Math.min(...rest.map((l) => /^[ \t]*/.exec(l)![0].length), Infinity);
  if (!Number.isFinite(indent) || indent === 0) return source;
  // The closing line of a function usually sits one level left of its body: keep the body's relative depth.
  return [lines[0], ...lines.slice(1).map((l) => l.slice(Math.min(indent, /^[ \t]*/.exec(l)![0].length)))].join('\n');
}

/**
 * Reads one literal value from `source` at `start`, then the punctuator `closing` after it (e.g. the
 * `)` of a call). Returns the value and the offset just after `closing`. Throws a {@link LiteralError}.
 */
export function parseLiteralAt(source: string, start: number, closing: string): { value: LiteralValue; end: number } {
  const parser = new Parser(source, start);
  const value = parser.value();
  const end = parser.expect(closing).end;
  return { value, end };
}

/** Reads a whole source that holds exactly one literal value. */
export function parseLiteral(source: string): LiteralValue {
  const parser = new Parser(source, 0);
  const value = parser.value();
  if (parser.current.kind !== 'eof') parser.fail(expectedText({ zh: '代码结尾', en: 'the end of the code' }, parser.current));
  return value;
}

// Printing -------------------------------------------------------------------------------------

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function printString(value: string): string {
  return `'${value.replace(/[\\'\n\r\t\u2028\u2029]|<\/(?=script)/gi, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u2028': '\\u2028', '\u2029': '\\u2029' })[c] ?? '<\\/')}'`;
}

function printKey(key: string): string {
  return IDENTIFIER.test(key) ? key : printString(key);
}

/** Prints a value as JavaScript, two spaces per level, starting at `indent`. */
export function printLiteral(value: LiteralValue, indent = ''): string {
  const inner = `${indent}  `;
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (value instanceof RawCode) return value.source.split('\n').join(`\n${indent}`);
  if (typeof value === 'string') return printString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = value.every((v) => v === null || typeof v !== 'object');
    const items = value.map((v) => printLiteral(v, inner));
    if (flat && items.join(', ').length < 60) return `[${items.join(', ')}]`;
    return `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${printKey(k)}: ${printLiteral(v, inner)},`).join('\n')}\n${indent}}`;
}

/**
 * Form values written as source literals of Python, JavaScript, Go and Java: strings, numbers,
 * booleans, lists and maps, inline when short and one item a line when long.
 */

export type LiteralLanguage = 'python' | 'javascript' | 'go' | 'java';

/** One indentation step per language (Go is gofmt's tab). */
export const INDENT: Record<LiteralLanguage, string> = { python: '    ', javascript: '  ', go: '\t', java: '    ' };

/** Longest literal kept on one line. */
const INLINE_LIMIT = 72;

/** A string literal. JSON's escapes (\" \\ \n \t \uXXXX) are valid in all four languages. */
export function str(value: string): string {
  return JSON.stringify(value);
}

/** A JavaScript string literal in single quotes. */
export function jsStr(value: string): string {
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function num(value: number, lang: LiteralLanguage): string {
  if (!Number.isFinite(value)) return lang === 'python' ? 'None' : 'null';
  if (lang === 'java' && Number.isInteger(value) && Math.abs(value) > 2_147_483_647) return `${value}L`;
  return String(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function wrap(open: string, items: string[], close: string, indent: string, lang: LiteralLanguage, trailingComma: boolean): string {
  if (!items.length) return `${open}${close}`;
  const inline = `${open}${items.join(', ')}${close}`;
  if (inline.length <= INLINE_LIMIT && !inline.includes('\n')) return inline;
  const inner = indent + INDENT[lang];
  const last = items.length - 1;
  return `${open}\n${items.map((item, i) => `${inner}${item}${i < last || trailingComma ? ',' : ''}`).join('\n')}\n${indent}${close}`;
}

/**
 * A JSON-like value as a literal. `indent` is the indentation of the line the literal starts on, so
 * that nested lines line up. Go maps and lists are `map[string]any` / `[]any`; Java uses `Map.of` and
 * `List.of` (Java 9+).
 */
export function literal(value: unknown, lang: LiteralLanguage, indent = ''): string {
  const inner = indent + INDENT[lang];
  if (value === null || value === undefined) return lang === 'python' ? 'None' : lang === 'go' ? 'nil' : 'null';
  if (typeof value === 'string') return lang === 'javascript' ? jsStr(value) : str(value);
  if (typeof value === 'number') return num(value, lang);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return lang === 'python' ? (value ? 'True' : 'False') : String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => literal(v, lang, inner));
    switch (lang) {
      case 'python':
        return wrap('[', items, ']', indent, lang, true);
      case 'javascript':
        return wrap('[', items, ']', indent, lang, true);
      case 'go':
        return wrap('[]any{', items, '}', indent, lang, true);
      case 'java':
        return wrap('List.of(', items, ')', indent, lang, false);
    }
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    switch (lang) {
      case 'python':
        return wrap('{', entries.map(([k, v]) => `${str(k)}: ${literal(v, lang, inner)}`), '}', indent, lang, true);
      case 'javascript':
        if (!entries.length) return '{}';
        return wrap('{ ', entries.map(([k, v]) => `${IDENTIFIER.test(k) ? k : jsStr(k)}: ${literal(v, lang, inner)}`), ' }', indent, lang, true).replace(/^\{ \n/, '{\n').replace(/\n(\s*) \}$/, '\n$1}');
      case 'go':
        return goMap('map[string]any', entries.map(([k, v]) => [str(k), literal(v, lang, inner)]), indent);
      case 'java':
        if (entries.length > 10) return wrap('Map.ofEntries(', entries.map(([k, v]) => `Map.entry(${str(k)}, ${literal(v, lang, inner)})`), ')', indent, lang, false);
        return wrap('Map.of(', entries.map(([k, v]) => `${str(k)}, ${literal(v, lang, inner)}`), ')', indent, lang, false);
    }
  }
  return str(String(value));
}

/** A Go map literal; when it takes several lines, its values line up as gofmt writes them. */
function goMap(type: string, entries: Array<[string, string]>, indent: string): string {
  const inline = wrap(`${type}{`, entries.map(([k, v]) => `${k}: ${v}`), '}', indent, 'go', true);
  if (!inline.includes('\n')) return inline;
  return `${type}{\n${goFields(entries, indent + INDENT.go).join('\n')}\n${indent}}`;
}

/** A map of strings (`custom_variables`, `meta_data`, `ext`): every value written as a string. */
export function stringMap(value: unknown, lang: LiteralLanguage, indent = ''): string {
  const entries = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : [];
  const text = (v: unknown) => (lang === 'javascript' ? jsStr : str)(typeof v === 'string' ? v : JSON.stringify(v));
  switch (lang) {
    case 'go':
      return goMap('map[string]string', entries.map(([k, v]) => [str(k), text(v)]), indent);
    case 'java':
      if (entries.length > 10) return wrap('Map.ofEntries(', entries.map(([k, v]) => `Map.entry(${str(k)}, ${text(v)})`), ')', indent, lang, false);
      return wrap('Map.of(', entries.map(([k, v]) => `${str(k)}, ${text(v)}`), ')', indent, lang, false);
    default:
      return literal(Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])), lang, indent);
  }
}

/**
 * Go composite-literal fields as gofmt writes them: the values of consecutive one-line fields line
 * up in a column.
 */
export function goFields(fields: Array<[string, string]>, indent: string): string[] {
  const out: string[] = [];
  let run: Array<[string, string]> = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([k]) => k.length));
    for (const [k, v] of run) out.push(`${indent}${k}:${' '.repeat(width - k.length + 1)}${v},`);
    run = [];
  };
  for (const [k, v] of fields) {
    if (v.includes('\n')) {
      flush();
      out.push(`${indent}${k}: ${v},`);
    } else run.push([k, v]);
  }
  flush();
  return out;
}

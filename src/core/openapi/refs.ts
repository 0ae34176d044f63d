/** Local `$ref` resolution for OpenAPI documents, with loop detection. */
import { ProblemListError, type Problem } from '../problems.js';

/** A problem in an OpenAPI document, with the path of the bad value (`paths["/v1/x"].get.parameters[2].in`). */
export type OpenApiProblem = Problem;

export class OpenApiError extends ProblemListError {
  constructor(problems: OpenApiProblem[], source = 'OpenAPI document') {
    super(problems, source);
    this.name = 'OpenApiError';
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Append a key to a display path: `a.b`, `a["/v1/x"]`, `a[3]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key) && !key.includes('-')) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** Turns `#/components/schemas/A~1B` into the display path of its target. */
function pointerToPath(pointer: string): string {
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<string>((path, key) => childPath(path, /^\d+$/.test(key) ? Number(key) : key), '');
}

/**
 * Resolves local references (`#/…`) in one document. External references (other files, URLs) are
 * reported, not fetched: an importer in a browser must not reach out to addresses a document names.
 */
export class RefResolver {
  constructor(
    private readonly root: JsonObject,
    /** A problem that makes the document unusable (a `$ref` loop). */
    private readonly fail: (problem: OpenApiProblem) => void,
    /** A problem the importer can work around (a `$ref` to nothing is read as an untyped value). */
    private readonly warn: (problem: OpenApiProblem) => void,
  ) {}

  /**
   * Follows `$ref` chains from `node` to a value that is not a reference. Returns the value, the
   * ref names passed through (for recursion checks by the caller), and `undefined` on a broken ref.
   */
  deref(node: Json | undefined, path: string): { value: Json | undefined; refs: string[] } {
    const refs: string[] = [];
    let current = node;
    while (isObject(current) && typeof current['$ref'] === 'string') {
      const ref = current['$ref'];
      if (refs.includes(ref)) {
        this.fail({ path, message: `$ref loop: ${[...refs, ref].join(' → ')}` });
        return { value: undefined, refs };
      }
      refs.push(ref);
      if (!ref.startsWith('#/')) {
        this.warn({ path: childPath(path, '$ref'), message: `external $ref "${ref}" is not supported; inline it or bundle the document` });
        return { value: undefined, refs };
      }
      const target = this.lookup(ref);
      if (target === undefined) {
        this.warn({ path: childPath(path, '$ref'), message: `$ref "${ref}" points to nothing (no ${pointerToPath(ref)}); read as an untyped value` });
        return { value: undefined, refs };
      }
      current = target;
    }
    return { value: current, refs };
  }

  private lookup(ref: string): Json | undefined {
    let node: Json | undefined = this.root;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
      if (Array.isArray(node)) node = node[Number(key)];
      else if (isObject(node)) node = node[key];
      else return undefined;
    }
    return node;
  }
}

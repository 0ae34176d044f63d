/**
 * OpenAPI 3.0 / 3.1 → catalogue.
 *
 * Reads any OpenAPI 3 document (path, query and header parameters, JSON and multipart bodies, local
 * `$ref`s, `allOf`, enums, nested schemas, examples) and produces a validated catalogue. Catalogue
 * metadata that OpenAPI has no place for (bilingual texts, groups, warnings, stream kinds…) travels in
 * `x-coze-*` extensions written by {@link exportOpenApi}, so export → import gives back the same catalogue.
 */
import { parseCatalog } from '../catalog/load.js';
import type {
  Catalog,
  CatalogEntry,
  CatalogGroup,
  EndpointEntry,
  EndpointResponse,
  EnumOption,
  Field,
  HttpMethod,
  LocalizedText,
  Param,
  ParamType,
  Schema,
} from '../catalog/schema.js';
import { childPath, isObject, OpenApiError, RefResolver, type Json, type JsonObject, type OpenApiProblem } from './refs.js';

export { OpenApiError, type OpenApiProblem } from './refs.js';

export interface ImportResult {
  catalog: Catalog;
  /** Things that were skipped or repaired (unsupported methods, cookie parameters, undeclared path parameters…). */
  warnings: OpenApiProblem[];
}

export interface ImportOptions {
  /** Named in error messages, e.g. the file name. */
  source?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const IGNORED_METHODS = ['head', 'options', 'trace'] as const;
const SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];
const MAX_DEPTH = 32;

/** Import an OpenAPI 3.0/3.1 document (already parsed from JSON or YAML). Throws {@link OpenApiError}. */
export function importOpenApi(doc: unknown, options: ImportOptions = {}): ImportResult {
  return new Importer(doc, options).run();
}

class Importer {
  private readonly problems: OpenApiProblem[] = [];
  private readonly warnings: OpenApiProblem[] = [];
  private readonly refs: RefResolver;
  private readonly root: JsonObject;
  private readonly groups = new Map<string, CatalogGroup>();
  private readonly usedIds = new Set<string>();

  constructor(
    doc: unknown,
    private readonly options: ImportOptions,
  ) {
    this.root = isObject(doc) ? doc : {};
    this.refs = new RefResolver(
      this.root,
      (p) => this.problems.push(p),
      (p) => this.warnings.push(p),
    );
    if (!isObject(doc)) this.fail('', 'expected an OpenAPI document (a JSON or YAML object)');
  }

  private fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  private warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  run(): ImportResult {
    const source = this.options.source ?? 'OpenAPI document';
    if (this.problems.length) throw new OpenApiError(this.problems, source);
    this.checkVersion();
    const paths = this.root['paths'];
    if (paths !== undefined && !isObject(paths)) this.fail('paths', `expected an object of paths, received ${kindOf(paths)}`);
    const meta = isObject(this.root['x-coze-catalog']) ? this.root['x-coze-catalog'] : undefined;
    this.readGroups(meta);
    const entries: CatalogEntry[] = [];
    if (isObject(paths)) {
      for (const [rawPath, item] of Object.entries(paths)) entries.push(...this.readPathItem(rawPath, item));
    }
    const webhooks = this.root['webhooks'];
    if (isObject(webhooks)) {
      for (const [name, item] of Object.entries(webhooks)) {
        const entry = this.readWebhook(name, item);
        if (entry) entries.push(entry);
      }
    }
    if (meta && Array.isArray(meta['docs'])) {
      for (const doc of meta['docs']) if (isObject(doc)) entries.push(doc as unknown as CatalogEntry);
    }
    if (!paths && !webhooks) this.fail('paths', 'the document has no paths (and no webhooks): nothing to import');
    if (this.problems.length) throw new OpenApiError(this.problems, source);
    const ordered = orderEntries(entries, meta);
    const catalog: Catalog = {
      version: 1,
      ...(this.readTitle(meta) ? { title: this.readTitle(meta)! } : {}),
      ...(this.readServers() ? { servers: this.readServers()! } : {}),
      groups: [...this.groups.values()],
      entries: ordered,
    };
    return { catalog: parseCatalog(catalog, `catalogue imported from ${source}`), warnings: this.warnings };
  }

  private checkVersion(): void {
    const version = this.root['openapi'];
    if (typeof version !== 'string') {
      if (typeof this.root['swagger'] === 'string') {
        this.fail('swagger', `Swagger ${this.root['swagger']} is not supported: convert the document to OpenAPI 3 first`);
      } else {
        this.fail('openapi', 'expected a version string such as "3.1.0" (is this an OpenAPI document?)');
      }
      throw new OpenApiError(this.problems, this.options.source);
    }
    if (!/^3\.[01](\.\d+)?/.test(version)) {
      this.fail('openapi', `unsupported OpenAPI version "${version}": expected 3.0.x or 3.1.x`);
      throw new OpenApiError(this.problems, this.options.source);
    }
  }

  private readTitle(meta: JsonObject | undefined): LocalizedText | undefined {
    if (meta) return isLocalized(meta['title']) ? meta['title'] : undefined;
    const info = this.root['info'];
    if (isObject(info) && typeof info['title'] === 'string' && info['title']) return { zh: info['title'], en: info['title'] };
    return undefined;
  }

  private readServers(): Catalog['servers'] | undefined {
    const servers = this.root['servers'];
    if (!Array.isArray(servers)) return undefined;
    const out = servers.filter(isObject).flatMap((s) =>
      typeof s['url'] === 'string' ? [{ url: s['url'], ...(typeof s['description'] === 'string' ? { description: s['description'] } : {}) }] : [],
    );
    return out.length ? out : undefined;
  }

  private readGroups(meta: JsonObject | undefined): void {
    if (meta && Array.isArray(meta['groups'])) {
      for (const g of meta['groups']) if (isObject(g) && typeof g['id'] === 'string') this.groups.set(g['id'], g as unknown as CatalogGroup);
    }
    const tags = this.root['tags'];
    if (Array.isArray(tags)) {
      for (const tag of tags) if (isObject(tag) && typeof tag['name'] === 'string') this.groupForTag(tag['name'], tag);
    }
  }

  private groupForTag(name: string, tag?: JsonObject): string {
    const id = slugify(name) || 'group';
    if (!this.groups.has(id)) {
      const title = tag && isLocalized(tag['x-coze-title']) ? tag['x-coze-title'] : { zh: name, en: name };
      this.groups.set(id, { id, title });
    }
    return id;
  }

  private readPathItem(rawPath: string, item: Json): CatalogEntry[] {
    const at = childPath('paths', rawPath);
    if (!rawPath.startsWith('/')) {
      this.fail(at, 'a path must start with "/"');
      return [];
    }
    const { value } = this.refs.deref(item, at);
    if (!isObject(value)) {
      if (value !== undefined) this.fail(at, `expected a path item object, received ${kindOf(value)}`);
      return [];
    }
    const shared = this.readParameterList(value['parameters'], childPath(at, 'parameters'));
    const entries: CatalogEntry[] = [];
    for (const key of Object.keys(value)) {
      if ((IGNORED_METHODS as readonly string[]).includes(key)) this.warn(childPath(at, key), `${key.toUpperCase()} operations are not imported`);
    }
    for (const method of METHODS) {
      const op = value[method];
      if (op === undefined) continue;
      const opAt = childPath(at, method);
      if (!isObject(op)) {
        this.fail(opAt, `expected an operation object, received ${kindOf(op)}`);
        continue;
      }
      const entry = this.readOperation(rawPath, method, op, shared, opAt, value);
      if (entry) entries.push(entry);
    }
    return entries;
  }

  private readOperation(rawPath: string, method: (typeof METHODS)[number], op: JsonObject, shared: Param[], at: string, pathItem: JsonObject): EndpointEntry | undefined {
    const meta = isObject(op['x-coze-entry']) ? op['x-coze-entry'] : {};
    const own = this.readParameterList(op['parameters'], childPath(at, 'parameters'));
    const params = mergeParams(shared, own);
    // The exporter writes a second operation on the same method + path as `/path#entry-id`.
    const path = normalizePath(rawPath.replace(/#.*$/, ''));
    const verb: HttpMethod = String(op['x-coze-original-method'] ?? '').toLowerCase() === 'websocket' ? 'WS' : (method.toUpperCase() as HttpMethod);
    const body = this.readRequestBody(op['requestBody'], childPath(at, 'requestBody'));
    params.push(...body.params);
    this.reconcilePathParams(path, params, at);
    const response = this.readResponses(op['responses'], childPath(at, 'responses'), meta);
    const host = (meta['host'] as EndpointEntry['host'] | undefined) ?? hostOf(op['servers'] ?? pathItem['servers'] ?? this.root['servers'], verb);
    const summaryText = typeof op['summary'] === 'string' && op['summary'] ? op['summary'] : undefined;
    const descriptionText = typeof op['description'] === 'string' && op['description'] ? op['description'] : undefined;
    const title = localizedOr(meta['title'], summaryText ?? (typeof op['operationId'] === 'string' ? op['operationId'] : `${verb} ${path}`));
    const tags = Array.isArray(op['tags']) ? op['tags'].filter((t): t is string => typeof t === 'string') : [];
    const group = typeof meta['group'] === 'string' ? meta['group'] : tags[0] !== undefined ? this.groupForTag(tags[0]) : undefined;
    const id = this.uniqueId(typeof meta['id'] === 'string' ? meta['id'] : idFor(op['operationId'], verb, path));
    const stream: EndpointEntry['stream'] = verb === 'WS' ? 'websocket' : response.kind === 'sse' ? 'sse' : 'none';
    const entry: EndpointEntry = {
      kind: 'endpoint',
      id,
      slug: typeof meta['slug'] === 'string' ? meta['slug'] : slugify(typeof op['operationId'] === 'string' ? op['operationId'] : id),
      ...(group !== undefined ? { group } : {}),
      ...(typeof meta['subgroup'] === 'string' ? { subgroup: meta['subgroup'] } : {}),
      title,
      summary: localizedOr(meta['summary'], summaryText ?? title.en),
      ...(isLocalized(meta['description']) ? { description: meta['description'] } : descriptionText ? { description: { zh: descriptionText, en: descriptionText } } : {}),
      ...(docUrlOf(meta, op) ? { docUrl: docUrlOf(meta, op)! } : {}),
      method: verb,
      host,
      path,
      ...(Array.isArray(meta['permission']) ? { permission: meta['permission'] as string[] } : typeof op['x-coze-permission'] === 'string' ? { permission: [op['x-coze-permission']] } : {}),
      notes: Array.isArray(meta['notes']) ? (meta['notes'] as unknown as LocalizedText[]) : [],
      requestBody: body.kind,
      params,
      response,
      stream: (meta['stream'] as EndpointEntry['stream'] | undefined) ?? stream,
      ...(typeof meta['streamToggle'] === 'string' ? { streamToggle: meta['streamToggle'] } : {}),
      mutates: typeof meta['mutates'] === 'boolean' ? meta['mutates'] : verb !== 'GET' && verb !== 'WS',
      billable: typeof meta['billable'] === 'boolean' ? meta['billable'] : false,
      ...(typeof meta['pagination'] === 'string' ? { pagination: meta['pagination'] as NonNullable<EndpointEntry['pagination']> } : {}),
      ...(Array.isArray(meta['deviations']) ? { deviations: meta['deviations'] as unknown as NonNullable<EndpointEntry['deviations']> } : {}),
    };
    return entry;
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}${n}`;
    this.usedIds.add(id);
    return id;
  }

  /** Path parameters written in the path but not declared are added; declared ones that are not in the path are dropped. */
  private reconcilePathParams(path: string, params: Param[], at: string): void {
    const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const name of inPath) {
      if (!params.some((p) => p.in === 'path' && p.name === name)) {
        this.warn(childPath(at, 'parameters'), `path parameter "{${name}}" is not declared; added as a required string`);
        params.push({ name, in: 'path', type: 'string', required: true });
      }
    }
    for (let i = params.length - 1; i >= 0; i--) {
      const p = params[i]!;
      if (p.in !== 'path') continue;
      if (!inPath.includes(p.name)) {
        this.warn(childPath(at, 'parameters'), `path parameter "${p.name}" does not appear in ${path}; dropped`);
        params.splice(i, 1);
      } else p.required = true;
    }
  }

  private readParameterList(list: Json | undefined, at: string): Param[] {
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      this.fail(at, `expected an array of parameters, received ${kindOf(list)}`);
      return [];
    }
    const out: Param[] = [];
    list.forEach((raw, i) => {
      const pAt = childPath(at, i);
      const { value, refs } = this.refs.deref(raw, pAt);
      if (value === undefined) return;
      if (!isObject(value)) {
        this.fail(pAt, `expected a parameter object, received ${kindOf(value)}`);
        return;
      }
      const name = value['name'];
      const location = value['in'];
      if (typeof name !== 'string' || !name) {
        this.fail(childPath(pAt, 'name'), 'a parameter needs a non-empty name');
        return;
      }
      if (location === 'cookie') {
        this.warn(pAt, `cookie parameter "${name}" is not supported; skipped`);
        return;
      }
      if (location !== 'path' && location !== 'query' && location !== 'header') {
        this.fail(childPath(pAt, 'in'), `expected one of "path", "query", "header", "cookie", received ${JSON.stringify(location)}`);
        return;
      }
      if (location === 'header' && ['authorization', 'content-type', 'accept'].includes(name.toLowerCase())) return;
      const schemaNode = value['schema'] ?? (isObject(value['content']) ? firstMediaSchema(value['content']) : undefined);
      const schema = schemaNode === undefined ? { type: 'string' as ParamType } : this.convertSchema(schemaNode, childPath(pAt, 'schema'), refs, 0);
      const param: Param = { name, in: location, ...schema };
      const description = localizedFrom(value['x-coze-description'], value['description']);
      if (description) param.description = description;
      else if (!schema.description) delete param.description;
      if (value['required'] === true) param.required = true;
      if (value['example'] !== undefined) param.example = value['example'];
      else if (isObject(value['examples'])) {
        const first = Object.values(value['examples']).find(isObject);
        if (first && first['value'] !== undefined) param.example = first['value'];
      }
      out.push(param);
    });
    return out;
  }

  private readRequestBody(node: Json | undefined, at: string): { kind: EndpointEntry['requestBody']; params: Param[] } {
    if (node === undefined) return { kind: 'none', params: [] };
    const { value, refs } = this.refs.deref(node, at);
    if (!isObject(value)) {
      if (value !== undefined) this.fail(at, `expected a request body object, received ${kindOf(value)}`);
      return { kind: 'none', params: [] };
    }
    const content = value['content'];
    if (!isObject(content)) {
      this.fail(childPath(at, 'content'), 'a request body needs a "content" map of media types');
      return { kind: 'none', params: [] };
    }
    const types = Object.keys(content);
    const multipart = types.find((t) => t.startsWith('multipart/form-data') || t === 'application/x-www-form-urlencoded');
    const json = types.find((t) => t === 'application/json' || /\+json$|\/json;/.test(t));
    const chosen = json ?? multipart ?? types[0];
    if (chosen === undefined) return { kind: 'none', params: [] };
    const kind: EndpointEntry['requestBody'] = chosen === json ? 'json' : 'multipart';
    if (chosen !== json && chosen !== multipart) this.warn(childPath(at, 'content'), `media type "${chosen}" imported as multipart form fields`);
    const media = content[chosen];
    const mediaAt = childPath(childPath(at, 'content'), chosen);
    if (!isObject(media) || media['schema'] === undefined) return { kind, params: [] };
    const schema = this.convertSchema(media['schema'], childPath(mediaAt, 'schema'), refs, 0, kind === 'multipart');
    if (schema.type !== 'object') {
      // A body that is not an object of fields (an array, a bare string): one parameter named "body".
      this.warn(childPath(mediaAt, 'schema'), 'the body is not an object with properties; imported as a single parameter named "body"');
      return { kind, params: [{ ...schema, name: 'body', in: 'body', ...(value['required'] === true ? { required: true } : {}) }] };
    }
    return { kind, params: (schema.fields ?? []).map((f) => ({ ...f, in: 'body' })) };
  }

  private readResponses(node: Json | undefined, at: string, meta: JsonObject): EndpointResponse {
    const metaResponse = isObject(meta['response']) ? meta['response'] : {};
    const base = (kind: EndpointResponse['kind'], fields: Field[], example?: unknown, contentType?: string): EndpointResponse => {
      const envelope = (metaResponse['envelope'] as EndpointResponse['envelope'] | undefined) ??
        (fields.some((f) => f.name === 'code') && fields.some((f) => f.name === 'msg') ? 'standard' : 'none');
      const response: EndpointResponse = {
        kind: (metaResponse['kind'] as EndpointResponse['kind'] | undefined) ?? kind,
        envelope,
        fields,
      };
      // A document we exported says exactly what the content type is; otherwise take the media type.
      const ct = isObject(meta['response']) ? (metaResponse['contentType'] as string | undefined) : contentType;
      if (ct) response.contentType = ct;
      if (isLocalized(metaResponse['description'])) response.description = metaResponse['description'];
      if (example !== undefined) response.example = example;
      if (Array.isArray(metaResponse['events'])) response.events = metaResponse['events'] as unknown as EndpointResponse['events'];
      if (Array.isArray(metaResponse['streamExample'])) response.streamExample = metaResponse['streamExample'] as unknown as EndpointResponse['streamExample'];
      return response;
    };
    if (node === undefined) return base('json', []);
    if (!isObject(node)) {
      this.fail(at, `expected a map of responses, received ${kindOf(node)}`);
      return base('json', []);
    }
    const code = ['200', '201', '202', '204'].find((c) => node[c] !== undefined) ?? Object.keys(node).find((c) => /^2/.test(c)) ?? (node['default'] !== undefined ? 'default' : undefined);
    if (code === undefined) return base('json', []);
    const rAt = childPath(at, code);
    const { value, refs } = this.refs.deref(node[code], rAt);
    if (!isObject(value) || !isObject(value['content'])) return base('json', []);
    const content = value['content'];
    const types = Object.keys(content);
    const json = types.find((t) => t === 'application/json' || /\+json$|\/json;/.test(t));
    const sse = types.find((t) => t.startsWith('text/event-stream'));
    const binary = types.find((t) => /^(audio|video|image)\/|^application\/octet-stream/.test(t));
    const chosen = json ?? sse ?? binary ?? types[0];
    if (chosen === undefined) return base('json', []);
    const media = content[chosen];
    const mAt = childPath(childPath(rAt, 'content'), chosen);
    const schema = isObject(media) && media['schema'] !== undefined ? this.convertSchema(media['schema'], childPath(mAt, 'schema'), refs, 0) : undefined;
    const fields = schema?.fields ?? [];
    const example = isObject(media) ? exampleOf(media) : undefined;
    if (chosen === json) return base(sse ? 'sse' : 'json', fields, example);
    if (chosen === sse) return base('sse', fields, example);
    if (chosen === binary) return base('binary', [], undefined, chosen);
    return base('json', fields, example);
  }

  private readWebhook(name: string, item: Json): CatalogEntry | undefined {
    const at = childPath('webhooks', name);
    const { value } = this.refs.deref(item, at);
    if (!isObject(value)) return undefined;
    const op = METHODS.map((m) => value[m]).find(isObject);
    if (!op) return undefined;
    const meta = isObject(op['x-coze-entry']) ? op['x-coze-entry'] : {};
    const body = this.readRequestBody(op['requestBody'], childPath(at, 'post.requestBody'));
    const media = isObject(op['requestBody']) && isObject(op['requestBody']['content']) ? op['requestBody']['content']['application/json'] : undefined;
    const title = localizedOr(meta['title'], typeof op['summary'] === 'string' && op['summary'] ? op['summary'] : name);
    const id = this.uniqueId(typeof meta['id'] === 'string' ? meta['id'] : `callbacks.${camel(name)}`);
    const tags = Array.isArray(op['tags']) ? op['tags'].filter((t): t is string => typeof t === 'string') : [];
    const group = typeof meta['group'] === 'string' ? meta['group'] : tags[0] !== undefined ? this.groupForTag(tags[0]) : undefined;
    return {
      kind: 'callback',
      id,
      slug: typeof meta['slug'] === 'string' ? meta['slug'] : slugify(name),
      ...(group !== undefined ? { group } : {}),
      ...(typeof meta['subgroup'] === 'string' ? { subgroup: meta['subgroup'] } : {}),
      title,
      summary: localizedOr(meta['summary'], title.en),
      ...(isLocalized(meta['description']) ? { description: meta['description'] } : {}),
      ...(docUrlOf(meta, op) ? { docUrl: docUrlOf(meta, op)! } : {}),
      eventType: typeof meta['eventType'] === 'string' ? meta['eventType'] : name,
      notes: Array.isArray(meta['notes']) ? (meta['notes'] as unknown as LocalizedText[]) : [],
      payload: { fields: body.params.map(({ in: _in, ...field }) => field), example: isObject(media) ? (exampleOf(media) ?? {}) : {} },
    };
  }

  /**
   * One OpenAPI schema → our schema. `stack` holds the `$ref`s being expanded above this node: a ref
   * met again is recursion (a tree of nodes), which is cut there as a plain object.
   */
  private convertSchema(node: Json, at: string, stack: string[], depth: number, multipart = false): Schema {
    const { value, refs } = this.refs.deref(node, at);
    if (refs.some((r) => stack.includes(r))) return { type: 'object', description: { zh: '（递归结构，此处不再展开）', en: '(recursive structure, not expanded here)' } };
    if (value === undefined) return { type: 'string' };
    if (typeof value === 'boolean') return { type: 'object', additionalProperties: true };
    if (!isObject(value)) {
      this.fail(at, `expected a schema object, received ${kindOf(value)}`);
      return { type: 'string' };
    }
    if (depth > MAX_DEPTH) {
      this.warn(at, `schema nested deeper than ${MAX_DEPTH} levels; cut here`);
      return { type: 'object' };
    }
    const nextStack = [...stack, ...refs];
    const merged = this.flatten(value, at, nextStack);
    const type = this.schemaType(merged, at, multipart);
    const out: Schema = { type };
    const description = localizedFrom(merged['x-coze-description'], merged['description'] ?? merged['title']);
    if (description) out.description = description;
    if (typeof merged['format'] === 'string' && !(type === 'file' && ['binary', 'base64'].includes(merged['format']))) out.format = merged['format'];
    const enumValues = Array.isArray(merged['enum']) ? merged['enum'].filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v)) : [];
    if (enumValues.length) {
      const labels = Array.isArray(merged['x-coze-enum-labels']) ? merged['x-coze-enum-labels'] : [];
      out.enum = enumValues.map((v, i): EnumOption => (isLocalized(labels[i]) ? { value: v, label: labels[i] } : { value: v }));
    } else if (merged['const'] !== undefined && ['string', 'number', 'boolean'].includes(typeof merged['const'])) {
      out.enum = [{ value: merged['const'] as string | number | boolean }];
    }
    if (merged['default'] !== undefined) out.default = merged['default'];
    const example = merged['example'] ?? (Array.isArray(merged['examples']) ? merged['examples'][0] : undefined);
    if (example !== undefined) out.example = example;
    for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
      if (typeof merged[key] === 'number') out[key] = merged[key];
    }
    if (typeof merged['pattern'] === 'string') out.pattern = merged['pattern'];
    if (typeof merged['x-coze-accept'] === 'string') out.accept = merged['x-coze-accept'];
    else if (type === 'file' && typeof merged['contentMediaType'] === 'string') out.accept = merged['contentMediaType'];
    if (type === 'array') {
      const items = merged['items'];
      if (items !== undefined) out.items = this.convertSchema(items, childPath(at, 'items'), nextStack, depth + 1, multipart);
    }
    if (type === 'object') {
      const props = merged['properties'];
      if (isObject(props)) {
        const required = Array.isArray(merged['required']) ? merged['required'] : [];
        out.fields = Object.entries(props).map(([name, child]) => {
          const field: Field = { name, ...this.convertSchema(child, childPath(childPath(at, 'properties'), name), nextStack, depth + 1, multipart) };
          if (required.includes(name)) field.required = true;
          return field;
        });
      }
      const extra = merged['additionalProperties'];
      if (extra === true || (isObject(extra) && Object.keys(extra).length === 0)) out.additionalProperties = true;
      else if (isObject(extra)) out.additionalProperties = this.convertSchema(extra, childPath(at, 'additionalProperties'), nextStack, depth + 1);
    }
    return out;
  }

  /** `allOf` parts merged into one schema (in order, own keys last); `oneOf` / `anyOf` reduced to their first non-null option. */
  private flatten(schema: JsonObject, at: string, stack: string[]): JsonObject {
    let merged: JsonObject = { ...schema };
    const allOf = schema['allOf'];
    if (Array.isArray(allOf)) {
      const parts: JsonObject[] = [];
      allOf.forEach((part, i) => {
        const partAt = childPath(childPath(at, 'allOf'), i);
        const { value, refs } = this.refs.deref(part, partAt);
        if (refs.some((r) => stack.includes(r)) || !isObject(value)) return;
        parts.push(this.flatten(value, partAt, [...stack, ...refs]));
      });
      const { allOf: _allOf, ...own } = schema;
      parts.push(own);
      merged = parts.reduce<JsonObject>(
        (acc, part) => ({
          ...acc,
          ...part,
          properties: { ...(isObject(acc['properties']) ? acc['properties'] : {}), ...(isObject(part['properties']) ? part['properties'] : {}) },
          required: [...(Array.isArray(acc['required']) ? acc['required'] : []), ...(Array.isArray(part['required']) ? part['required'] : [])],
        }),
        {},
      );
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = schema[key];
      if (!Array.isArray(options) || merged['type'] !== undefined || merged['properties'] !== undefined) continue;
      const pick = options.find((o) => !(isObject(o) && o['type'] === 'null'));
      if (pick === undefined) continue;
      const { value, refs } = this.refs.deref(pick, childPath(at, key));
      if (isObject(value) && !refs.some((r) => stack.includes(r))) {
        const flat = this.flatten(value, childPath(at, key), [...stack, ...refs]);
        merged = { ...flat, ...merged };
        delete merged[key];
      }
    }
    return merged;
  }

  private schemaType(schema: JsonObject, at: string, multipart: boolean): ParamType {
    let raw = schema['type'];
    if (Array.isArray(raw)) raw = raw.find((t) => t !== 'null') ?? 'null';
    if (raw !== undefined && (typeof raw !== 'string' || !SCHEMA_TYPES.includes(raw))) {
      this.fail(childPath(at, 'type'), `expected one of ${SCHEMA_TYPES.map((t) => `"${t}"`).join(', ')}, received ${JSON.stringify(raw)}`);
      return 'string';
    }
    if (schema['x-coze-type'] === 'file') return 'file';
    if (raw === 'string' && multipart && (schema['format'] === 'binary' || schema['format'] === 'base64' || schema['contentMediaType'] !== undefined)) return 'file';
    if (raw === undefined || raw === 'null') {
      if (schema['properties'] !== undefined || schema['additionalProperties'] !== undefined) return 'object';
      if (schema['items'] !== undefined) return 'array';
      if (Array.isArray(schema['enum']) && schema['enum'].length) {
        const t = typeof schema['enum'][0];
        return t === 'number' ? 'number' : t === 'boolean' ? 'boolean' : 'string';
      }
      return raw === 'null' ? 'string' : 'object';
    }
    return raw as ParamType;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isLocalized(value: unknown): value is LocalizedText {
  return isObject(value) && typeof value['zh'] === 'string' && typeof value['en'] === 'string' && !!value['zh'] && !!value['en'];
}

function localizedOr(value: unknown, fallback: string): LocalizedText {
  return isLocalized(value) ? value : { zh: fallback, en: fallback };
}

function localizedFrom(ext: unknown, plain: unknown): LocalizedText | undefined {
  if (isLocalized(ext)) return ext;
  if (typeof plain === 'string' && plain.trim()) return { zh: plain.trim(), en: plain.trim() };
  return undefined;
}

function docUrlOf(meta: JsonObject, op: JsonObject): string | undefined {
  if (typeof meta['docUrl'] === 'string') return /^https?:\/\//.test(meta['docUrl']) ? meta['docUrl'] : undefined;
  const ext = op['externalDocs'];
  if (isObject(ext) && typeof ext['url'] === 'string' && /^https?:\/\//.test(ext['url'])) return ext['url'];
  const source = op['x-coze-source'];
  return typeof source === 'string' && /^https?:\/\//.test(source) ? source : undefined;
}

function firstMediaSchema(content: JsonObject): Json | undefined {
  const media = Object.values(content).find(isObject);
  return media?.['schema'];
}

function exampleOf(media: JsonObject): unknown {
  if (media['example'] !== undefined) return media['example'];
  if (isObject(media['examples'])) {
    const first = Object.values(media['examples']).find(isObject);
    if (first && first['value'] !== undefined) return first['value'];
  }
  return undefined;
}

function mergeParams(shared: Param[], own: Param[]): Param[] {
  const out = shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in));
  return [...out, ...own];
}

/** `/v1/bots/:bot_id` and `/v1/bots/%7Bbot_id%7D` → `/v1/bots/{bot_id}`. */
export function normalizePath(raw: string): string {
  let path = raw;
  try {
    path = decodeURI(raw);
  } catch {
    // A malformed escape: keep the path as written.
  }
  return path
    .split('/')
    .map((segment) => (/^:[A-Za-z_][\w-]*$/.test(segment) ? `{${segment.slice(1)}}` : segment))
    .join('/');
}

function hostOf(servers: Json | undefined, method: HttpMethod): EndpointEntry['host'] {
  const url = Array.isArray(servers) && isObject(servers[0]) && typeof servers[0]['url'] === 'string' ? servers[0]['url'] : '';
  if (method === 'WS' || /^wss?:\/\//.test(url)) return 'ws';
  if (/^https?:\/\/www\./.test(url)) return 'www';
  return 'api';
}

function camel(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(joined) ? joined : `n${joined}`;
}

function idFor(operationId: Json | undefined, method: HttpMethod, path: string): string {
  if (typeof operationId === 'string' && /[A-Za-z]/.test(operationId)) return camel(operationId);
  const segments = path.split('/').filter(Boolean).map((s) => camel(s.replace(/[{}]/g, '')));
  return [method.toLowerCase(), ...segments].join('.');
}

function slugify(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Entries in the order the exporter recorded (`x-coze-catalog.order`), else document order. */
function orderEntries(entries: CatalogEntry[], meta: JsonObject | undefined): CatalogEntry[] {
  const order = meta && Array.isArray(meta['order']) ? meta['order'].filter((id): id is string => typeof id === 'string') : [];
  if (!order.length) return entries;
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...entries].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

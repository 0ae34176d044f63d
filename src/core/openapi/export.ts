/**
 * Catalogue → OpenAPI 3.1.
 *
 * Standard tools read the usual parts (paths, parameters, bodies, responses, webhooks for callback
 * events), in English. Everything else — the Chinese texts, groups, notes, warnings, stream samples,
 * doc pages and order — rides along in `x-coze-*` extensions, so {@link importOpenApi} restores the
 * catalogue exactly.
 */
import type { Catalog, CallbackEntry, EndpointEntry, Field, Param, Schema } from '../catalog/schema.js';

type Obj = Record<string, unknown>;

const HOSTS: Record<EndpointEntry['host'], string | undefined> = {
  api: undefined,
  ws: 'wss://ws.coze.cn',
  www: 'https://www.coze.cn',
};

export interface ExportOptions {
  /** `info.version` of the document; defaults to the catalogue format version. */
  version?: string;
}

/** The catalogue as an OpenAPI 3.1 document (a plain object, ready for `JSON.stringify`). */
export function exportOpenApi(catalog: Catalog, options: ExportOptions = {}): Obj {
  const paths: Record<string, Obj> = {};
  const webhooks: Record<string, Obj> = {};
  const docs: unknown[] = [];
  for (const entry of catalog.entries) {
    switch (entry.kind) {
      case 'endpoint': {
        const item = (paths[entry.path] ??= {});
        const method = entry.method === 'WS' ? 'get' : entry.method.toLowerCase();
        if (item[method]) {
          // Two catalogue entries on the same method + path (e.g. several OAuth pages share the token
          // endpoint): OpenAPI allows one operation per pair, so later ones go under a fragment key
          // that the importer reads back as the same path.
          const alias = `${entry.path}#${entry.id}`;
          (paths[alias] ??= {})[method] = operationFor(entry);
        } else item[method] = operationFor(entry);
        break;
      }
      case 'callback':
        webhooks[entry.id] = { post: webhookFor(entry) };
        break;
      case 'doc':
        docs.push(entry);
        break;
    }
  }
  const title = catalog.title ?? { zh: 'API', en: 'API' };
  return {
    openapi: '3.1.0',
    info: { title: title.en, version: options.version ?? String(catalog.version) },
    ...(catalog.servers ? { servers: catalog.servers } : {}),
    tags: catalog.groups.map((g) => ({ name: g.id, description: g.title.en, 'x-coze-title': g.title })),
    paths,
    ...(Object.keys(webhooks).length ? { webhooks } : {}),
    'x-coze-catalog': {
      version: catalog.version,
      ...(catalog.title ? { title: catalog.title } : {}),
      groups: catalog.groups,
      order: catalog.entries.map((e) => e.id),
      docs,
    },
  };
}

function operationFor(e: EndpointEntry): Obj {
  const op: Obj = {
    operationId: e.id,
    summary: e.title.en,
    ...(e.description ? { description: e.description.en } : {}),
    ...(e.group ? { tags: [e.group] } : {}),
    ...(e.docUrl ? { externalDocs: { url: e.docUrl } } : {}),
  };
  const server = HOSTS[e.host];
  if (server) op['servers'] = [{ url: server }];
  if (e.method === 'WS') op['x-coze-original-method'] = 'WebSocket';
  const params = e.params.filter((p) => p.in !== 'body').map(parameterFor);
  if (params.length) op['parameters'] = params;
  if (e.requestBody !== 'none') {
    const body = e.params.filter((p) => p.in === 'body');
    const media = e.requestBody === 'json' ? 'application/json' : 'multipart/form-data';
    op['requestBody'] = {
      ...(body.some((p) => p.required) ? { required: true } : {}),
      content: { [media]: { schema: objectSchema(body) } },
    };
  }
  op['responses'] = { '200': responseFor(e) };
  const { kind: _k, method: _m, path: _p, params: _params, requestBody: _b, response, ...meta } = e;
  op['x-coze-entry'] = {
    ...meta,
    response: {
      kind: response.kind,
      envelope: response.envelope,
      ...(response.contentType ? { contentType: response.contentType } : {}),
      ...(response.description ? { description: response.description } : {}),
      ...(response.events ? { events: response.events } : {}),
      ...(response.streamExample ? { streamExample: response.streamExample } : {}),
    },
  };
  return op;
}

function responseFor(e: EndpointEntry): Obj {
  const r = e.response;
  const description = r.description?.en ?? 'Success';
  const withBody = (): Obj => ({
    schema: objectSchema(r.fields),
    ...(r.example !== undefined ? { example: r.example } : {}),
  });
  switch (r.kind) {
    case 'binary':
      return { description, content: { [r.contentType ?? 'application/octet-stream']: { schema: { type: 'string', format: 'binary' } } } };
    case 'sse':
      return {
        description,
        content: e.streamToggle
          ? { 'application/json': withBody(), 'text/event-stream': { schema: { type: 'string' } } }
          : { 'text/event-stream': withBody() },
      };
    case 'json':
    case 'websocket':
      return r.fields.length || r.example !== undefined ? { description, content: { 'application/json': withBody() } } : { description };
  }
}

function webhookFor(e: CallbackEntry): Obj {
  const { kind: _k, payload, ...meta } = e;
  return {
    operationId: e.id,
    summary: e.title.en,
    ...(e.description ? { description: e.description.en } : {}),
    ...(e.group ? { tags: [e.group] } : {}),
    requestBody: { content: { 'application/json': { schema: objectSchema(payload.fields), example: payload.example } } },
    responses: { '200': { description: 'Acknowledged' } },
    'x-coze-entry': meta,
  };
}

function parameterFor(p: Param): Obj {
  const { name, in: location, required, description, example, ...schema } = p;
  return {
    name,
    in: location,
    ...(required ? { required: true } : {}),
    ...(description ? { description: description.en, 'x-coze-description': description } : {}),
    schema: schemaFor(schema),
    ...(example !== undefined ? { example } : {}),
  };
}

function objectSchema(fields: Field[]): Obj {
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])),
    ...(required.length ? { required } : {}),
  };
}

function fieldSchema(f: Field): Obj {
  const { name: _n, required: _r, in: _in, ...schema } = f as Field & { in?: string };
  return schemaFor(schema);
}

function schemaFor(s: Schema): Obj {
  const out: Obj = {};
  if (s.type === 'file') {
    out['type'] = 'string';
    out['format'] = 'binary';
    out['x-coze-type'] = 'file';
  } else out['type'] = s.type;
  if (s.description) {
    out['description'] = s.description.en;
    out['x-coze-description'] = s.description;
  }
  if (s.format !== undefined && s.type !== 'file') out['format'] = s.format;
  if (s.enum) {
    out['enum'] = s.enum.map((o) => o.value);
    if (s.enum.some((o) => o.label)) out['x-coze-enum-labels'] = s.enum.map((o) => o.label ?? null);
  }
  for (const key of ['default', 'example', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern'] as const) {
    if (s[key] !== undefined) out[key] = s[key];
  }
  if (s.accept !== undefined) out['x-coze-accept'] = s.accept;
  if (s.items) out['items'] = schemaFor(s.items);
  if (s.fields) {
    out['properties'] = Object.fromEntries(s.fields.map((f) => [f.name, fieldSchema(f)]));
    const required = s.fields.filter((f) => f.required).map((f) => f.name);
    if (required.length) out['required'] = required;
  }
  if (s.additionalProperties !== undefined) out['additionalProperties'] = s.additionalProperties === true ? true : s.additionalProperties === false ? false : schemaFor(s.additionalProperties);
  return out;
}

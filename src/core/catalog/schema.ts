/**
 * The catalogue's data model and its zod schema.
 *
 * A catalogue is plain JSON: a list of groups (as the Coze docs navigation groups them) and a list of
 * entries in navigation order. An entry is a runnable endpoint, a callback event Coze pushes to a
 * subscriber, or a documentation page. Everything the UI shows about an API (titles, descriptions,
 * parameters, response fields, examples, warnings) comes from here.
 */
import * as z from 'zod/mini';

/** Text in both languages the elements speak. */
export const localizedText = z.strictObject({
  zh: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});
export type LocalizedText = z.infer<typeof localizedText>;

export const PARAM_TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'file'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export const PARAM_LOCATIONS = ['path', 'query', 'header', 'body'] as const;
export type ParamLocation = (typeof PARAM_LOCATIONS)[number];

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'WS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const enumOption = z.strictObject({
  value: z.union([z.string(), z.number(), z.boolean()]),
  label: z.optional(localizedText),
});
export type EnumOption = z.infer<typeof enumOption>;

/**
 * A value's shape: the type plus what the form needs to build an input for it. Objects list their
 * `fields`; arrays describe their `items`; maps (free-form key/value objects) set `additionalProperties`.
 */
export interface Schema {
  type: ParamType;
  description?: LocalizedText;
  /** Extra meaning for the type: `int64` (big integer, keep exact), `json` (a JSON-serialized string), `uri`, `binary`… */
  format?: string;
  enum?: EnumOption[];
  default?: unknown;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  items?: Schema;
  fields?: Field[];
  additionalProperties?: boolean | Schema;
  /** For `file` fields: accepted MIME types or extensions, as in an `<input accept>`. */
  accept?: string;
}

/** A named member of an object (a body field, a nested field, a response field). */
export interface Field extends Schema {
  name: string;
  required?: boolean;
}

/** A request parameter: a field with a location. */
export interface Param extends Field {
  in: ParamLocation;
}

const schemaShape = {
  type: z.enum(PARAM_TYPES),
  format: z.optional(z.string()),
  enum: z.optional(z.array(enumOption).check(z.minLength(1))),
  default: z.optional(z.unknown()),
  example: z.optional(z.unknown()),
  minimum: z.optional(z.number()),
  maximum: z.optional(z.number()),
  minLength: z.optional(z.number()),
  maxLength: z.optional(z.number()),
  minItems: z.optional(z.number()),
  maxItems: z.optional(z.number()),
  pattern: z.optional(z.string()),
  accept: z.optional(z.string()),
  items: z.optional(z.lazy(() => schema)),
  fields: z.optional(z.lazy(() => z.array(field))),
  additionalProperties: z.optional(z.lazy(() => z.union([z.boolean(), schema]))),
};

export const schema: z.ZodMiniType<Schema> = z.strictObject({
  ...schemaShape,
  description: z.optional(localizedText),
});

export const field: z.ZodMiniType<Field> = z.strictObject({
  ...schemaShape,
  name: z.string().check(z.minLength(1)),
  required: z.optional(z.boolean()),
  description: z.optional(localizedText),
});

export const param: z.ZodMiniType<Param> = z.strictObject({
  ...schemaShape,
  name: z.string().check(z.minLength(1)),
  required: z.optional(z.boolean()),
  description: z.optional(localizedText),
  in: z.enum(PARAM_LOCATIONS),
});

/** One Server-Sent Event (or WebSocket frame) an endpoint can emit. */
export const streamEvent = z.strictObject({
  name: z.string().check(z.minLength(1)),
  description: localizedText,
  fields: z.optional(z.array(field)),
});
export type EventDescription = z.infer<typeof streamEvent>;

/** One record of a sample stream, as it would appear on the wire. */
export const streamSample = z.strictObject({
  event: z.string(),
  data: z.string(),
  id: z.optional(z.string()),
});
export type StreamSample = z.infer<typeof streamSample>;

/**
 * Where the catalogue departs from the official per-page OpenAPI file (because the docs say otherwise,
 * or the official file lacks something), recorded so that the difference is deliberate and checked.
 */
export const deviation = z.strictObject({
  about: z.enum(['method', 'path', 'required', 'param', 'requestBody', 'host']),
  official: z.string(),
  catalogue: z.string(),
  reason: localizedText,
});
export type Deviation = z.infer<typeof deviation>;

export const RESPONSE_KINDS = ['json', 'binary', 'sse', 'websocket'] as const;
export const ENVELOPES = ['standard', 'none'] as const;

export const response = z.strictObject({
  /** What a successful call answers with. `sse` endpoints with a `streamToggle` answer JSON when it is off. */
  kind: z.enum(RESPONSE_KINDS),
  /** `standard` = `{code, msg, data, detail:{logid}}`; `none` = a bare object (OAuth token endpoints). */
  envelope: z.enum(ENVELOPES),
  /** The MIME type of a binary body (e.g. `audio/mpeg`). */
  contentType: z.optional(z.string()),
  description: z.optional(localizedText),
  fields: z.array(field),
  /** A realistic JSON body (the non-streaming answer where there is one). */
  example: z.optional(z.unknown()),
  events: z.optional(z.array(streamEvent)),
  streamExample: z.optional(z.array(streamSample)),
});
export type EndpointResponse = z.infer<typeof response>;

const ID_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;
const SLUG_PATTERN = /^[a-z0-9_]+$/;

const entryBase = {
  id: z.string().check(z.regex(ID_PATTERN, 'expected a dotted camelCase id such as chat.create')),
  slug: z.string().check(z.regex(SLUG_PATTERN, 'expected the doc page slug (lowercase, digits, _)')),
  group: z.optional(z.string()),
  subgroup: z.optional(z.string()),
  title: localizedText,
  summary: localizedText,
  /** The page in the Coze docs (always set in the built-in catalogue; imported documents may lack one). */
  docUrl: z.optional(z.url()),
};

export const endpointEntry = z.strictObject({
  ...entryBase,
  kind: z.literal('endpoint'),
  method: z.enum(HTTP_METHODS),
  /** Which Coze host serves it: `api` (REST), `ws` (WebSocket), `www` (browser OAuth pages). */
  host: z.enum(['api', 'ws', 'www']),
  /** Path relative to the host, path parameters as `{name}`. */
  path: z.string().check(z.regex(/^\/[^\s?#]*$/, 'expected a path starting with / and without query or fragment')),
  permission: z.optional(z.array(z.string())),
  description: z.optional(localizedText),
  /** 注意事项: constraints and pitfalls, one item each. */
  notes: z.array(localizedText),
  requestBody: z.enum(['none', 'json', 'multipart']),
  params: z.array(param),
  response,
  stream: z.enum(['none', 'sse', 'websocket']),
  /** Name of the boolean body parameter that turns streaming on (`stream` on /v3/chat); absent = always. */
  streamToggle: z.optional(z.string()),
  /** Creates, changes or deletes data. The UI asks before running it. */
  mutates: z.boolean(),
  /** Can cost money (model tokens, paid plugins, TTS/ASR…). The UI warns before running it. */
  billable: z.boolean(),
  pagination: z.optional(z.enum(['page-number', 'page-index', 'page-body', 'cursor', 'page-token'])),
  deviations: z.optional(z.array(deviation)),
});
export type EndpointEntry = z.infer<typeof endpointEntry>;

export const callbackEntry = z.strictObject({
  ...entryBase,
  kind: z.literal('callback'),
  /** `header.event_type` of the pushed payload, e.g. `bot.published`. */
  eventType: z.string().check(z.minLength(1)),
  description: z.optional(localizedText),
  notes: z.array(localizedText),
  payload: z.strictObject({
    fields: z.array(field),
    example: z.unknown(),
  }),
});
export type CallbackEntry = z.infer<typeof callbackEntry>;

export const docEntry = z.strictObject({
  ...entryBase,
  kind: z.literal('doc'),
});
export type DocEntry = z.infer<typeof docEntry>;

export const entry = z.discriminatedUnion('kind', [endpointEntry, callbackEntry, docEntry]);
export type CatalogEntry = z.infer<typeof entry>;

export const subgroup = z.strictObject({ id: z.string().check(z.minLength(1)), title: localizedText });
export const group = z.strictObject({
  id: z.string().check(z.minLength(1)),
  title: localizedText,
  subgroups: z.optional(z.array(subgroup)),
});
export type CatalogGroup = z.infer<typeof group>;

export const catalog = z.strictObject({
  version: z.literal(1),
  title: z.optional(localizedText),
  /** Base URLs by region; a catalogue imported from OpenAPI carries its `servers` here. */
  servers: z.optional(z.array(z.strictObject({ url: z.string(), description: z.optional(z.string()) }))),
  groups: z.array(group),
  entries: z.array(entry),
});
export type Catalog = z.infer<typeof catalog>;

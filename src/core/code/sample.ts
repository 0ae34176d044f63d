/**
 * One code panel's sample: from an API, its draft request and the chosen language, variant and
 * scenario to the code text. The key says when two inputs give the same code, so that a panel
 * regenerates only when something it shows changed.
 */
import type { EndpointEntry } from '../catalog/schema.js';
import type { DraftRequest } from '../transport/types.js';
import type { CodeVariant, LanguageId } from './languages.js';
import type { SdkScenario } from './scenarios.js';
import { absoluteUrl, httpSnippet, toHar, withFilePlaceholders } from './snippets.js';

export interface SampleInput {
  entry: EndpointEntry;
  request: DraftRequest;
  /** Where the request goes, without its query (absolute, or relative to the page). */
  url: string;
  /** The API's base URL, for SDK clients. */
  baseUrl: string;
  /** The real token, only when the user revealed it. */
  token?: string | undefined;
  language: LanguageId;
  variant: CodeVariant;
  scenario?: SdkScenario | undefined;
  locale: 'zh-CN' | 'en';
}

export type SampleResult = { ok: true; code: string } | { ok: false; reason: 'invalid-body' };

/** A string that changes whenever the sample would (files count by name, size and type, not content). */
export function sampleKey(input: SampleInput): string {
  const { entry, ...rest } = input;
  return JSON.stringify({ ...rest, api: entry.id }, (_key, value: unknown) =>
    typeof Blob !== 'undefined' && value instanceof Blob ? { file: value instanceof File ? value.name : 'blob', size: value.size, type: value.type } : value,
  );
}

/** The documented defaults of an API's parameters, by name. */
export function parameterDefaults(entry: EndpointEntry): Record<string, unknown> {
  return Object.fromEntries(entry.params.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]));
}

/**
 * The URL a request goes to, without its query. Path parameters left empty become a visible
 * placeholder (`YOUR_CONVERSATION_ID`) instead of failing, so the sample shows where they go.
 */
export function sampleUrl(urlFor: (request: DraftRequest) => string, request: DraftRequest): string {
  const bare: DraftRequest = { ...request };
  delete bare.query;
  try {
    return urlFor(bare);
  } catch {
    const pathParams: Record<string, string | number> = { ...request.pathParams };
    for (const [, name] of request.path.matchAll(/\{([^}]+)\}/g)) {
      if (name && (pathParams[name] === undefined || pathParams[name] === '')) pathParams[name] = `YOUR_${name.toUpperCase()}`;
    }
    try {
      return urlFor({ ...bare, pathParams });
    } catch {
      return request.path;
    }
  }
}

/** The base URL of the API, absolute and without a trailing slash. */
export function sampleBaseUrl(urlFor: (request: DraftRequest) => string): string {
  try {
    return absoluteUrl(urlFor({ method: 'GET', path: '/' })).replace(/\/+$/, '');
  } catch {
    return 'https://api.coze.cn';
  }
}

export async function sampleCode(input: SampleInput): Promise<SampleResult> {
  const { variant } = input;
  if (variant.kind === 'sdk') {
    // The SDK templates are only needed once someone looks at SDK code.
    const { sdkCode } = await import('./sdk.js');
    const code = sdkCode(variant.sdk, input.scenario ?? 'stream', {
      apiId: input.entry.id,
      request: input.request,
      baseUrl: absoluteUrl(input.baseUrl),
      token: input.token,
      defaults: parameterDefaults(input.entry),
      locale: input.locale,
    });
    return code === undefined ? { ok: false, reason: 'invalid-body' } : { ok: true, code };
  }
  const har = toHar(withFilePlaceholders(input.entry, input.request), { url: input.url, token: input.token });
  let code = await httpSnippet(har, variant.client);
  // httpsnippet writes Python's file argument as a string; it is meant to be the open() call.
  if (variant.client === 'pythonRequests') code = code.replace(/"open\('((?:[^'\\]|\\.)*)', 'rb'\)"/g, "open('$1', 'rb')");
  return { ok: true, code };
}

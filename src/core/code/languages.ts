/**
 * Which sample code a code panel offers for an API: the languages (tabs), and in each language its
 * variants (the official SDK where Coze has one for the API, then raw-HTTP clients).
 */
import { SDK_PACKAGES, sdkScenarios, type SdkLanguage } from './scenarios.js';
import type { HttpClientId } from './snippets.js';

export const LANGUAGE_IDS = ['curl', 'python', 'javascript', 'node', 'go', 'java', 'php', 'csharp', 'http'] as const;
export type LanguageId = (typeof LANGUAGE_IDS)[number];

export type CodeVariant =
  | { id: 'sdk'; kind: 'sdk'; sdk: SdkLanguage; label: string }
  | { id: HttpClientId; kind: 'http'; client: HttpClientId; label: string };

export interface CodeLanguage {
  id: LanguageId;
  /** The shiki grammar that highlights it. */
  grammar: string;
  variants: CodeVariant[];
}

const HTTP_VARIANTS: Record<LanguageId, Array<{ client: HttpClientId; label: string }>> = {
  curl: [{ client: 'curl', label: 'cURL' }],
  python: [{ client: 'pythonRequests', label: 'requests' }],
  javascript: [{ client: 'jsFetch', label: 'fetch' }],
  node: [
    { client: 'nodeFetch', label: 'fetch' },
    { client: 'nodeAxios', label: 'axios' },
  ],
  go: [{ client: 'goNative', label: 'net/http' }],
  java: [{ client: 'javaOkHttp', label: 'OkHttp' }],
  php: [{ client: 'phpGuzzle', label: 'Guzzle' }],
  csharp: [{ client: 'csharpHttpClient', label: 'HttpClient' }],
  http: [{ client: 'http', label: 'HTTP/1.1' }],
};

const GRAMMARS: Record<LanguageId, string> = {
  curl: 'shellscript',
  python: 'python',
  javascript: 'javascript',
  node: 'javascript',
  go: 'go',
  java: 'java',
  php: 'php',
  csharp: 'csharp',
  http: 'http',
};

const SDK_LANGUAGES: Partial<Record<LanguageId, SdkLanguage>> = { python: 'python', javascript: 'javascript', go: 'go', java: 'java' };

export function isLanguageId(value: unknown): value is LanguageId {
  return typeof value === 'string' && (LANGUAGE_IDS as readonly string[]).includes(value);
}

/** The languages offered for an API, each with the SDK variant first when the API has SDK samples. */
export function codeLanguages(apiId: string | undefined): CodeLanguage[] {
  const hasSdk = !!apiId && sdkScenarios(apiId).length > 0;
  return LANGUAGE_IDS.map((id) => {
    const sdk = SDK_LANGUAGES[id];
    const variants: CodeVariant[] = [
      ...(hasSdk && sdk ? [{ id: 'sdk' as const, kind: 'sdk' as const, sdk, label: SDK_PACKAGES[sdk] }] : []),
      ...HTTP_VARIANTS[id].map(({ client, label }) => ({ id: client, kind: 'http' as const, client, label })),
    ];
    return { id, grammar: GRAMMARS[id], variants };
  });
}

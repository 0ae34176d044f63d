/**
 * Which APIs have official-SDK samples, in which scenarios, and which scenario matches a form. Small
 * and loaded with the panel; the templates themselves (`sdk.ts`) load on first use.
 */
import type { DraftRequest } from '../transport/types.js';

export type SdkLanguage = 'python' | 'javascript' | 'go' | 'java';
export type SdkScenario = 'stream' | 'nonStream' | 'plugin';

/** The package each SDK sample uses. */
export const SDK_PACKAGES: Readonly<Record<SdkLanguage, string>> = {
  python: 'cozepy',
  javascript: '@coze/api',
  go: 'coze-go',
  java: 'coze-java',
};

const SCENARIOS: Readonly<Record<string, readonly SdkScenario[]>> = {
  'chat.create': ['stream', 'nonStream', 'plugin'],
  'chat.submitToolOutputs': ['stream', 'nonStream'],
  'workflows.runs.create': ['nonStream'],
  'workflows.runs.stream': ['stream'],
  'workflows.runs.resumeStream': ['stream'],
  'workflows.chat.stream': ['stream'],
};

/** The SDK scenarios of an API (empty: the API has no SDK sample, only raw HTTP ones). */
export function sdkScenarios(apiId: string): readonly SdkScenario[] {
  return SCENARIOS[apiId] ?? [];
}

/** The scenario that matches the form: the `stream` switch decides between streaming and not. */
export function defaultScenario(apiId: string, request: DraftRequest): SdkScenario | undefined {
  const scenarios = sdkScenarios(apiId);
  if (scenarios.length <= 1 || !scenarios.includes('nonStream')) return scenarios[0];
  const body = request.body?.kind === 'json' && isRecord(request.body.value) ? request.body.value : {};
  return body['stream'] === true ? 'stream' : 'nonStream';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

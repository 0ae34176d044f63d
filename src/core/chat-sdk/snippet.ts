/**
 * The Chat SDK embed code: a `<script src>` that loads the SDK from Coze's CDN and a second script
 * that calls `new CozeWebSDK.WebChatClient({ … })`. Printed from the options, and read back from code
 * a user edited (without running it), with the access token kept out of the code unless revealed.
 */
import type { LocalizedText } from '../catalog/schema.js';
import { isLiteralObject, LiteralError, parseLiteralAt, position, printLiteral, RawCode, type LiteralObject, type LiteralValue } from './literal.js';
import { TOKEN_PLACEHOLDER } from './options.js';

/** The SDK version the configurator starts with (a published 1.2.0 beta). */
export const DEFAULT_SDK_VERSION = '1.2.0-beta.19';

/** `cn` loads the SDK for coze.cn; `oversea` the one for coze.com. */
export type SdkRegion = 'cn' | 'oversea';

export function sdkScriptUrl(version: string, region: SdkRegion): string {
  return region === 'oversea'
    ? `https://sf-cdn.coze.com/obj/unpkg-va/flow-platform/chat-app-sdk/${version}/libs/oversea/index.js`
    : `https://lf-cdn.coze.cn/obj/unpkg/flow-platform/chat-app-sdk/${version}/libs/cn/index.js`;
}

export interface Snippet {
  options: LiteralObject;
  version: string;
  region: SdkRegion;
  /** `const client = …` when the code keeps the client in a variable. */
  binding?: { keyword: string; name: string };
}

export interface PrintOptions {
  /** The real access token ('' when there is none). */
  token: string;
  /** Show the token itself; otherwise {@link TOKEN_PLACEHOLDER} stands in for it. */
  revealed: boolean;
}

/** Replaces strings equal to `from` and, inside code, occurrences of `from`, by `to`. */
function swap(value: LiteralValue, from: string, to: string, inStrings: boolean): LiteralValue {
  if (!from) return value;
  if (typeof value === 'string') return inStrings && value === from ? to : value;
  if (value instanceof RawCode) return value.source.includes(from) ? new RawCode(value.source.split(from).join(to)) : value;
  if (Array.isArray(value)) return value.map((v) => swap(v, from, to, inStrings));
  if (isLiteralObject(value)) {
    const out: LiteralObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = swap(v, from, to, inStrings);
    return out;
  }
  return value;
}

/** Sets `auth.token` (when the options have an auth block) to what the code should show. */
function shownToken(options: LiteralObject, print: PrintOptions): LiteralObject {
  const auth = options['auth'];
  if (!isLiteralObject(auth) || !('token' in auth) || typeof auth['token'] !== 'string') return options;
  const shown = print.revealed && print.token ? print.token : TOKEN_PLACEHOLDER;
  return { ...options, auth: { ...auth, token: shown } };
}

/** The embed code for a snippet. */
export function printSnippet(snippet: Snippet, print: PrintOptions): string {
  let options = shownToken(snippet.options, print);
  // Functions hold the placeholder; revealed, they show the token as the real embed code would.
  if (print.revealed && print.token) options = swap(options, TOKEN_PLACEHOLDER, print.token, false) as LiteralObject;
  const binding = snippet.binding ? `${snippet.binding.keyword} ${snippet.binding.name} = ` : '';
  return [
    `<script src="${sdkScriptUrl(snippet.version, snippet.region)}"></script>`,
    '<script>',
    `  ${binding}new CozeWebSDK.WebChatClient(${printLiteral(options, '  ')});`,
    '</script>',
    '',
  ].join('\n');
}

export interface SnippetError {
  message: LocalizedText;
  /** 1-based. */
  line: number;
  column: number;
}

export type SnippetResult = { ok: true; snippet: Snippet } | { ok: false; error: SnippetError };

const SCRIPT_SRC = /<script\b[^>]*?\bsrc\s*=\s*(["'])([^"']*)\1/i;
const SDK_PATH = /\/chat-app-sdk\/([\w.+-]+)\/libs\/(cn|oversea)\/index\.js(?:[?#]|$)/;
const CALL = /(?:\b(const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*)?\bnew\s+CozeWebSDK\s*\.\s*WebChatClient\s*\(/;

function errorAt(code: string, offset: number, message: LocalizedText): SnippetResult {
  return { ok: false, error: { message, ...position(code, offset) } };
}

export interface ParseOptions {
  /** The real token: where the code shows {@link TOKEN_PLACEHOLDER} (or this token inside functions), it is kept. */
  token: string;
  /** Used when the code has no SDK `<script src>`. */
  version: string;
  region: SdkRegion;
}

/**
 * Reads embed code back into a snippet, or says where and why it cannot: a line and a column, in
 * both languages. Nothing in the code is run.
 */
export function parseSnippet(code: string, current: ParseOptions): SnippetResult {
  let version = current.version;
  let region = current.region;
  const script = SCRIPT_SRC.exec(code);
  if (script) {
    const sdk = SDK_PATH.exec(script[2]!);
    if (!sdk) {
      return errorAt(code, script.index + script[0].length - script[2]!.length - 1, {
        zh: '<script src> 加载的不是 Chat SDK，应为 …/chat-app-sdk/<版本>/libs/cn/index.js（或 libs/oversea）。',
        en: 'The <script src> does not load the Chat SDK; expected …/chat-app-sdk/<version>/libs/cn/index.js (or libs/oversea).',
      });
    }
    version = sdk[1]!;
    region = sdk[2] === 'oversea' ? 'oversea' : 'cn';
  }
  const call = CALL.exec(code);
  if (!call) {
    return errorAt(code, script ? script.index : 0, {
      zh: '找不到 new CozeWebSDK.WebChatClient({ … }) 调用。',
      en: 'Could not find the call new CozeWebSDK.WebChatClient({ … }).',
    });
  }
  const start = call.index + call[0].length;
  let value: LiteralValue;
  try {
    value = parseLiteralAt(code, start, ')').value;
  } catch (err) {
    if (err instanceof LiteralError) return { ok: false, error: { message: err.text, line: err.line, column: err.column } };
    throw err;
  }
  if (!isLiteralObject(value)) {
    return errorAt(code, start, { zh: 'WebChatClient 的参数应为一个对象 { … }。', en: 'The argument of WebChatClient must be an object literal { … }.' });
  }
  let options = value;
  const auth = options['auth'];
  if (isLiteralObject(auth) && auth['token'] === TOKEN_PLACEHOLDER) options = { ...options, auth: { ...auth, token: current.token } };
  // Inside functions the token goes back to the placeholder: the options never hold it in code.
  if (current.token) options = swap(options, current.token, TOKEN_PLACEHOLDER, false) as LiteralObject;
  const binding = call[1] && call[2] ? { keyword: call[1], name: call[2] } : undefined;
  return { ok: true, snippet: { options, version, region, ...(binding ? { binding } : {}) } };
}

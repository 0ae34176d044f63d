/**
 * Official-SDK sample code for the chat and workflow APIs, as the Coze playground offers it: Python
 * (cozepy), JavaScript (@coze/api), Go (coze-go) and Java (coze-java), in the scenarios the Coze page
 * names: streaming, non-streaming (create, poll, list the messages) and with a client-side plugin
 * (`requires_action` → `submit_tool_outputs`). Every template is filled with the form's own values.
 *
 * The token is read from the `COZE_API_TOKEN` environment variable unless the caller passes the real
 * one (only when the user chose to reveal it).
 */
import type { DraftRequest } from '../transport/types.js';
import { goFields, INDENT, jsStr, literal, str, stringMap } from './literals.js';
import { sdkScenarios, type SdkLanguage, type SdkScenario } from './scenarios.js';
import { TOKEN_ENV } from './snippets.js';

export { SDK_PACKAGES, defaultScenario, sdkScenarios, type SdkLanguage, type SdkScenario } from './scenarios.js';

export interface SdkInput {
  apiId: string;
  /** The draft request: its query and JSON body are the values the sample uses. */
  request: DraftRequest;
  /** Absolute base URL of the API (`https://api.coze.cn`, a self-hosted Coze Studio, the emulator). */
  baseUrl: string;
  /** The real token, only when the user revealed it. */
  token?: string | undefined;
  /** Documented defaults by parameter name: optional values equal to them are left out of the sample. */
  defaults?: Record<string, unknown>;
  locale?: 'zh-CN' | 'en';
}

/**
 * The SDK sample for an API, language and scenario; `undefined` when there is none (not an SDK API,
 * or a request body that is not valid JSON, which no SDK call can express).
 */
export function sdkCode(lang: SdkLanguage, scenario: SdkScenario, input: SdkInput): string | undefined {
  if (!sdkScenarios(input.apiId).includes(scenario)) return undefined;
  const ctx = makeContext(input);
  if (!ctx) return undefined;
  const body = TEMPLATES[lang](input.apiId, scenario, ctx);
  return body === undefined ? undefined : body.replace(/\n{4,}/g, '\n\n\n').replace(/\s+$/, '') + '\n';
}

// Values ----------------------------------------------------------------------------------------

interface Ctx {
  /** A value as the form has it (required ones: empty string when blank). */
  value(name: string): unknown;
  /** An optional value, unless blank or equal to its documented default. */
  given(name: string): unknown;
  /** Optional values set in the form that a template did not use (reported in a comment). */
  leftover(used: readonly string[]): string[];
  baseUrl: string;
  token: string | undefined;
  t: Comments;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function blank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length) || (isRecord(v) && !Object.keys(v).length);
}

function makeContext(input: SdkInput): Ctx | undefined {
  const body = input.request.body;
  let fromBody: Record<string, unknown> = {};
  if (body?.kind === 'json') {
    if (body.value === undefined) return undefined;
    if (isRecord(body.value)) fromBody = body.value;
  }
  const values: Record<string, unknown> = { ...(input.request.query ?? {}), ...fromBody };
  const defaults = input.defaults ?? {};
  const given = (name: string) => {
    const v = values[name];
    if (blank(v) || (name in defaults && same(v, defaults[name]))) return undefined;
    return v;
  };
  return {
    value: (name) => values[name] ?? '',
    given,
    leftover: (used) => Object.keys(values).filter((k) => k !== 'stream' && !used.includes(k) && given(k) !== undefined),
    baseUrl: input.baseUrl.replace(/\/+$/, ''),
    token: input.token || undefined,
    t: COMMENTS[input.locale === 'zh-CN' ? 'zh-CN' : 'en'],
  };
}

interface ChatMessage {
  role: 'user' | 'assistant';
  type: string | undefined;
  content: string;
  contentType: string;
  meta: Record<string, unknown> | undefined;
}

function messagesOf(value: unknown): ChatMessage[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((m) => ({
    role: m['role'] === 'assistant' ? 'assistant' : 'user',
    type: typeof m['type'] === 'string' && m['type'] ? m['type'] : undefined,
    content: typeof m['content'] === 'string' ? m['content'] : m['content'] === undefined ? '' : JSON.stringify(m['content']),
    contentType: typeof m['content_type'] === 'string' && m['content_type'] ? m['content_type'] : 'text',
    meta: isRecord(m['meta_data']) && Object.keys(m['meta_data']).length ? m['meta_data'] : undefined,
  }));
}

/** A message the SDK helpers build (`build_user_question_text`…): plain text in the usual role/type. */
function isSimple(m: ChatMessage): boolean {
  return m.contentType === 'text' && (m.type === undefined || m.type === (m.role === 'user' ? 'question' : 'answer'));
}

function toolOutputsOf(value: unknown): Array<{ id: string; output: string }> {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((o) => ({
    id: String(o['tool_call_id'] ?? ''),
    output: typeof o['output'] === 'string' ? o['output'] : JSON.stringify(o['output'] ?? ''),
  }));
}

const upper = (s: string) => s.toUpperCase();
const pascal = (s: string) => s.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

// Comments, in the reader's language ------------------------------------------------------------

interface Comments {
  tokenEnv: string;
  tokenShown: string;
  stream: string;
  create: string;
  poll: string;
  list: string;
  shortcut: (call: string) => string;
  createAndPoll: string;
  plugin: string;
  requiresAction: string;
  submitNonStream: string;
  interrupt: string;
  asyncRun: string;
  leftover: (names: string) => string;
}

const COMMENTS: Record<'en' | 'zh-CN', Comments> = {
  en: {
    tokenEnv: `The access token is read from the ${TOKEN_ENV} environment variable.`,
    tokenShown: 'The token is written out because you chose to show it: keep it out of source control.',
    stream: 'Print the answer as it streams in.',
    create: 'Start the chat (non-streaming): it answers at once with the chat in progress.',
    poll: 'Poll the chat until it has finished (at most 10 minutes, then cancel it).',
    list: 'List the messages of the finished chat and print the answers.',
    shortcut: (call: string) => `The SDK can do all of this in one call: ${call}`,
    createAndPoll: 'Start the chat, poll until it finishes and list its messages, in one call.',
    plugin: 'Run your client-side plugin here and return its result as a string.',
    requiresAction: 'The bot waits for the results of client-side plugins: run them, submit the outputs and keep reading.',
    submitNonStream: 'Without streaming the chat continues in the background: poll it as in the non-streaming chat sample.',
    interrupt: 'A question node paused the workflow: answer it to resume.',
    asyncRun: 'is_async: the run continues in the background; query its result with execute_id.',
    leftover: (names: string) => `Also set in the form, not covered by this SDK call: ${names} (the HTTP samples send them).`,
  },
  'zh-CN': {
    tokenEnv: `访问令牌从环境变量 ${TOKEN_ENV} 读取。`,
    tokenShown: '你选择了显示令牌，因此令牌直接写在这里：不要把它提交到代码仓库。',
    stream: '边接收边打印回答。',
    create: '发起对话（非流式）：接口立即返回进行中的对话。',
    poll: '轮询对话直到结束（最多 10 分钟，超时则取消对话）。',
    list: '对话结束后，查看对话的消息并打印回答。',
    shortcut: (call: string) => `SDK 也可以一步完成以上操作：${call}`,
    createAndPoll: '一步完成：发起对话、轮询直到结束、查看对话的消息。',
    plugin: '在这里运行你的端插件，并以字符串返回结果。',
    requiresAction: '智能体在等待端插件的结果：运行插件、提交结果，然后继续读取。',
    submitNonStream: '非流式提交后对话在后台继续：像非流式对话示例那样轮询对话。',
    interrupt: '问答节点暂停了工作流：回答后恢复运行。',
    asyncRun: 'is_async：工作流在后台运行，用 execute_id 查询运行结果。',
    leftover: (names: string) => `表单中还设置了 ${names}，此 SDK 调用未包含（HTTP 示例会发送它们）。`,
  },
};

// Python (cozepy) -------------------------------------------------------------------------------

const PY = INDENT.python;

function pyArgs(pairs: Array<[string, string | undefined]>, indent: string): string[] {
  return pairs.filter((p): p is [string, string] => p[1] !== undefined).map(([k, v]) => `${indent}${k}=${v},`);
}

function pyOpt(ctx: Ctx, name: string, indent: string, render: 'value' | 'strings' = 'value'): string | undefined {
  const v = ctx.given(name);
  if (v === undefined) return undefined;
  return render === 'strings' ? stringMap(v, 'python', indent) : literal(v, 'python', indent);
}

function pyMessage(m: ChatMessage, indent: string): string {
  const meta = m.meta ? `, meta_data=${stringMap(m.meta, 'python', indent)}` : '';
  if (isSimple(m)) return `Message.${m.role === 'user' ? 'build_user_question_text' : 'build_assistant_answer'}(${str(m.content)}${meta})`;
  const inner = indent + PY;
  const type = m.type ?? (m.role === 'user' ? 'question' : 'answer');
  return [
    'Message(',
    `${inner}role=MessageRole.${upper(m.role)},`,
    `${inner}type=MessageType.${upper(type)},`,
    `${inner}content=${str(m.content)},`,
    `${inner}content_type=MessageContentType.${upper(m.contentType)},`,
    ...(m.meta ? [`${inner}meta_data=${stringMap(m.meta, 'python', inner)},`] : []),
    `${indent})`,
  ].join('\n');
}

function pyMessages(value: unknown, indent: string): string | undefined {
  const messages = messagesOf(value);
  if (!messages.length) return undefined;
  const inner = indent + PY;
  return `[\n${messages.map((m) => `${inner}${pyMessage(m, inner)},`).join('\n')}\n${indent}]`;
}

function pyChatArgs(ctx: Ctx, indent: string): { lines: string[]; used: string[] } {
  const used = ['bot_id', 'user_id', 'conversation_id', 'additional_messages', 'custom_variables', 'auto_save_history', 'meta_data'];
  const lines = pyArgs(
    [
      ['bot_id', literal(ctx.value('bot_id'), 'python')],
      ['user_id', literal(ctx.value('user_id'), 'python')],
      ['conversation_id', pyOpt(ctx, 'conversation_id', indent)],
      ['additional_messages', pyMessages(ctx.given('additional_messages'), indent)],
      ['custom_variables', pyOpt(ctx, 'custom_variables', indent, 'strings')],
      ['auto_save_history', pyOpt(ctx, 'auto_save_history', indent)],
      ['meta_data', pyOpt(ctx, 'meta_data', indent, 'strings')],
    ],
    indent,
  );
  return { lines, used };
}

function pyLeftover(ctx: Ctx, used: string[]): string[] {
  const rest = ctx.leftover(used);
  return rest.length ? [`# ${ctx.t.leftover(rest.join(', '))}`] : [];
}

function pyProgram(ctx: Ctx, body: string[]): string {
  const code = body.join('\n');
  const stdlib = ['json', 'os', 'time'].filter((m) => new RegExp(`\\b${m}\\.`).test(code) || (m === 'os' && !ctx.token));
  const base = ctx.baseUrl === 'https://api.coze.cn' ? 'COZE_CN_BASE_URL' : ctx.baseUrl === 'https://api.coze.com' ? 'COZE_COM_BASE_URL' : str(ctx.baseUrl);
  const known = ['ChatEventType', 'ChatStatus', 'Message', 'MessageContentType', 'MessageRole', 'MessageType', 'ToolOutput', 'WorkflowEventType'];
  const names = [...(base.startsWith('COZE_') ? [base] : []), 'Coze', ...known.filter((n) => new RegExp(`\\b${n}\\b`).test(code)), 'TokenAuth'].sort((a, b) => {
    const rank = (s: string) => (s === upper(s) ? 0 : 1);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  const importLine = `from cozepy import ${names.join(', ')}`;
  const imports = importLine.length > 100 ? `from cozepy import (\n${names.map((n) => `${PY}${n},`).join('\n')}\n)` : importLine;
  const token = ctx.token ? str(ctx.token) : `os.getenv(${str(TOKEN_ENV)})`;
  return [
    '# pip install cozepy',
    ...stdlib.map((m) => `import ${m}`),
    '',
    imports,
    '',
    `# ${ctx.token ? ctx.t.tokenShown : ctx.t.tokenEnv}`,
    `coze = Coze(auth=TokenAuth(token=${token}), base_url=${base})`,
    '',
    ...body,
  ].join('\n');
}

const PY_PRINT_DELTA = [
  `${PY}if event.event == ChatEventType.CONVERSATION_MESSAGE_DELTA:`,
  `${PY}${PY}print(event.message.content, end="", flush=True)`,
];

function pyWorkflowHandler(ctx: Ctx): string[] {
  const i1 = PY, i2 = PY + PY, i3 = i2 + PY, i4 = i3 + PY, i5 = i4 + PY;
  return [
    'def handle(stream):',
    `${i1}for event in stream:`,
    `${i2}if event.event == WorkflowEventType.MESSAGE:`,
    `${i3}print(event.message.content)`,
    `${i2}elif event.event == WorkflowEventType.ERROR:`,
    `${i3}print("error:", event.error)`,
    `${i2}elif event.event == WorkflowEventType.INTERRUPT:`,
    `${i3}# ${ctx.t.interrupt}`,
    `${i3}handle(`,
    `${i4}coze.workflows.runs.resume(`,
    `${i5}workflow_id=workflow_id,`,
    `${i5}event_id=event.interrupt.interrupt_data.event_id,`,
    `${i5}resume_data="your answer",`,
    `${i5}interrupt_type=event.interrupt.interrupt_data.type,`,
    `${i4})`,
    `${i3})`,
  ];
}

function python(api: string, scenario: SdkScenario, ctx: Ctx): string | undefined {
  const i1 = PY, i2 = PY + PY, i3 = i2 + PY;
  switch (api) {
    case 'chat.create': {
      if (scenario === 'stream') {
        const { lines, used } = pyChatArgs(ctx, i1);
        return pyProgram(ctx, [
          ...pyLeftover(ctx, used),
          `# ${ctx.t.stream}`,
          'for event in coze.chat.stream(',
          ...lines,
          '):',
          ...PY_PRINT_DELTA,
          `${i1}elif event.event == ChatEventType.CONVERSATION_CHAT_COMPLETED:`,
          `${i2}print()`,
          `${i2}print("token usage:", event.chat.usage.token_count)`,
        ]);
      }
      if (scenario === 'nonStream') {
        const { lines, used } = pyChatArgs(ctx, i1);
        return pyProgram(ctx, [
          ...pyLeftover(ctx, used),
          `# ${ctx.t.create}`,
          'chat = coze.chat.create(',
          ...lines,
          ')',
          '',
          `# ${ctx.t.poll}`,
          'start = time.time()',
          'while chat.status in (ChatStatus.CREATED, ChatStatus.IN_PROGRESS):',
          `${i1}if time.time() - start > 600:`,
          `${i2}coze.chat.cancel(conversation_id=chat.conversation_id, chat_id=chat.id)`,
          `${i2}break`,
          `${i1}time.sleep(1)`,
          `${i1}chat = coze.chat.retrieve(conversation_id=chat.conversation_id, chat_id=chat.id)`,
          '',
          `# ${ctx.t.list}`,
          'messages = coze.chat.messages.list(conversation_id=chat.conversation_id, chat_id=chat.id)',
          'for message in messages:',
          `${i1}if message.type == MessageType.ANSWER:`,
          `${i2}print(message.content)`,
          '',
          `# ${ctx.t.shortcut('coze.chat.create_and_poll(...)')}`,
        ]);
      }
      const { lines, used } = pyChatArgs(ctx, i2);
      const i4 = i3 + PY, i5 = i4 + PY;
      return pyProgram(ctx, [
        'def run_local_plugin(name: str, arguments: str) -> str:',
        `${i1}# ${ctx.t.plugin}`,
        `${i1}return json.dumps({"plugin": name, "arguments": json.loads(arguments or "{}")}, ensure_ascii=False)`,
        '',
        '',
        'def handle(stream):',
        `${i1}for event in stream:`,
        `${i2}if event.event == ChatEventType.CONVERSATION_MESSAGE_DELTA:`,
        `${i3}print(event.message.content, end="", flush=True)`,
        `${i2}elif event.event == ChatEventType.CONVERSATION_CHAT_REQUIRES_ACTION:`,
        `${i3}# ${ctx.t.requiresAction}`,
        `${i3}tool_calls = event.chat.required_action.submit_tool_outputs.tool_calls`,
        `${i3}tool_outputs = [`,
        `${i4}ToolOutput(tool_call_id=call.id, output=run_local_plugin(call.function.name, call.function.arguments))`,
        `${i4}for call in tool_calls`,
        `${i3}]`,
        `${i3}handle(`,
        `${i4}coze.chat.submit_tool_outputs(`,
        `${i5}conversation_id=event.chat.conversation_id,`,
        `${i5}chat_id=event.chat.id,`,
        `${i5}tool_outputs=tool_outputs,`,
        `${i5}stream=True,`,
        `${i4})`,
        `${i3})`,
        `${i2}elif event.event == ChatEventType.CONVERSATION_CHAT_COMPLETED:`,
        `${i3}print()`,
        '',
        '',
        ...pyLeftover(ctx, used),
        'handle(',
        `${i1}coze.chat.stream(`,
        ...lines,
        `${i1})`,
        ')',
      ]);
    }
    case 'chat.submitToolOutputs': {
      const outputs = toolOutputsOf(ctx.value('tool_outputs'));
      const args = [
        `${i1}conversation_id=${literal(ctx.value('conversation_id'), 'python')},`,
        `${i1}chat_id=${literal(ctx.value('chat_id'), 'python')},`,
        `${i1}tool_outputs=[`,
        ...outputs.map((o) => `${i2}ToolOutput(tool_call_id=${str(o.id)}, output=${str(o.output)}),`),
        `${i1}],`,
        `${i1}stream=${scenario === 'stream' ? 'True' : 'False'},`,
      ];
      const used = ['conversation_id', 'chat_id', 'tool_outputs'];
      if (scenario === 'stream') {
        return pyProgram(ctx, [...pyLeftover(ctx, used), `# ${ctx.t.stream}`, 'stream = coze.chat.submit_tool_outputs(', ...args, ')', 'for event in stream:', ...PY_PRINT_DELTA]);
      }
      return pyProgram(ctx, [...pyLeftover(ctx, used), 'chat = coze.chat.submit_tool_outputs(', ...args, ')', `# ${ctx.t.submitNonStream}`, 'print(chat.status)']);
    }
    case 'workflows.runs.create': {
      const isAsync = ctx.given('is_async') === true;
      const used = ['workflow_id', 'parameters', 'bot_id', 'app_id', 'ext', 'is_async'];
      return pyProgram(ctx, [
        ...pyLeftover(ctx, used),
        'result = coze.workflows.runs.create(',
        ...pyArgs(
          [
            ['workflow_id', literal(ctx.value('workflow_id'), 'python')],
            ['parameters', pyOpt(ctx, 'parameters', i1)],
            ['bot_id', pyOpt(ctx, 'bot_id', i1)],
            ['app_id', pyOpt(ctx, 'app_id', i1)],
            ['ext', pyOpt(ctx, 'ext', i1, 'strings')],
            ['is_async', isAsync ? 'True' : undefined],
          ],
          i1,
        ),
        ')',
        ...(isAsync ? [`# ${ctx.t.asyncRun}`, 'print(result.execute_id)'] : ['print(result.data)']),
      ]);
    }
    case 'workflows.runs.stream':
    case 'workflows.runs.resumeStream': {
      const resume = api === 'workflows.runs.resumeStream';
      const used = resume ? ['workflow_id', 'event_id', 'resume_data', 'interrupt_type'] : ['workflow_id', 'parameters', 'bot_id', 'app_id', 'ext'];
      const call = resume
        ? [
            `${i1}coze.workflows.runs.resume(`,
            ...pyArgs(
              [
                ['workflow_id', 'workflow_id'],
                ['event_id', literal(ctx.value('event_id'), 'python')],
                ['resume_data', literal(ctx.value('resume_data'), 'python')],
                ['interrupt_type', literal(ctx.value('interrupt_type'), 'python')],
              ],
              i2,
            ),
            `${i1})`,
          ]
        : [
            `${i1}coze.workflows.runs.stream(`,
            ...pyArgs(
              [
                ['workflow_id', 'workflow_id'],
                ['parameters', pyOpt(ctx, 'parameters', i2)],
                ['bot_id', pyOpt(ctx, 'bot_id', i2)],
                ['app_id', pyOpt(ctx, 'app_id', i2)],
                ['ext', pyOpt(ctx, 'ext', i2, 'strings')],
              ],
              i2,
            ),
            `${i1})`,
          ];
      return pyProgram(ctx, [`workflow_id = ${literal(ctx.value('workflow_id'), 'python')}`, '', '', ...pyWorkflowHandler(ctx), '', '', ...pyLeftover(ctx, used), 'handle(', ...call, ')']);
    }
    case 'workflows.chat.stream': {
      const used = ['workflow_id', 'additional_messages', 'parameters', 'app_id', 'bot_id', 'conversation_id', 'ext'];
      return pyProgram(ctx, [
        ...pyLeftover(ctx, used),
        `# ${ctx.t.stream}`,
        'for event in coze.workflows.chat.stream(',
        ...pyArgs(
          [
            ['workflow_id', literal(ctx.value('workflow_id'), 'python')],
            ['additional_messages', pyMessages(ctx.value('additional_messages'), i1) ?? '[]'],
            ['parameters', pyOpt(ctx, 'parameters', i1)],
            ['app_id', pyOpt(ctx, 'app_id', i1)],
            ['bot_id', pyOpt(ctx, 'bot_id', i1)],
            ['conversation_id', pyOpt(ctx, 'conversation_id', i1)],
            ['ext', pyOpt(ctx, 'ext', i1, 'strings')],
          ],
          i1,
        ),
        '):',
        ...PY_PRINT_DELTA,
        `${i1}elif event.event == ChatEventType.CONVERSATION_CHAT_COMPLETED:`,
        `${i2}print()`,
        `${i2}print("token usage:", event.chat.usage.token_count)`,
      ]);
    }
  }
  return undefined;
}

// JavaScript (@coze/api) ------------------------------------------------------------------------

const JS = INDENT.javascript;

function jsProps(pairs: Array<[string, string | undefined]>, indent: string): string[] {
  return pairs.filter((p): p is [string, string] => p[1] !== undefined).map(([k, v]) => `${indent}${k}: ${v},`);
}

function jsOpt(ctx: Ctx, name: string, indent: string, render: 'value' | 'strings' = 'value'): string | undefined {
  const v = ctx.given(name);
  if (v === undefined) return undefined;
  return render === 'strings' ? stringMap(v, 'javascript', indent) : literal(v, 'javascript', indent);
}

function jsMessages(value: unknown, indent: string): string | undefined {
  const messages = messagesOf(value);
  if (!messages.length) return undefined;
  const inner = indent + JS;
  const one = (m: ChatMessage) => {
    const parts = [`role: RoleType.${m.role === 'user' ? 'User' : 'Assistant'}`, ...(m.type ? [`type: ${jsStr(m.type)}`] : []), `content: ${jsStr(m.content)}`, `content_type: ${jsStr(m.contentType)}`];
    if (m.meta) parts.push(`meta_data: ${stringMap(m.meta, 'javascript', inner)}`);
    return `{ ${parts.join(', ')} }`;
  };
  return `[\n${messages.map((m) => `${inner}${one(m)},`).join('\n')}\n${indent}]`;
}

function jsChatProps(ctx: Ctx, indent: string): { lines: string[]; used: string[] } {
  const used = ['bot_id', 'user_id', 'additional_messages', 'custom_variables', 'auto_save_history', 'meta_data', 'conversation_id', 'extra_params', 'shortcut_command', 'parameters'];
  const lines = jsProps(
    [
      ['bot_id', literal(ctx.value('bot_id'), 'javascript')],
      ['user_id', literal(ctx.value('user_id'), 'javascript')],
      ['conversation_id', jsOpt(ctx, 'conversation_id', indent)],
      ['additional_messages', jsMessages(ctx.given('additional_messages'), indent)],
      ['custom_variables', jsOpt(ctx, 'custom_variables', indent, 'strings')],
      ['auto_save_history', jsOpt(ctx, 'auto_save_history', indent)],
      ['meta_data', jsOpt(ctx, 'meta_data', indent, 'strings')],
      ['extra_params', jsOpt(ctx, 'extra_params', indent, 'strings')],
      ['shortcut_command', jsOpt(ctx, 'shortcut_command', indent)],
      ['parameters', jsOpt(ctx, 'parameters', indent)],
    ],
    indent,
  );
  return { lines, used };
}

function jsLeftover(ctx: Ctx, used: string[]): string[] {
  const rest = ctx.leftover(used);
  return rest.length ? [`// ${ctx.t.leftover(rest.join(', '))}`] : [];
}

function jsProgram(ctx: Ctx, body: string[]): string {
  const code = body.join('\n');
  const base = ctx.baseUrl === 'https://api.coze.cn' ? 'COZE_CN_BASE_URL' : ctx.baseUrl === 'https://api.coze.com' ? 'COZE_COM_BASE_URL' : jsStr(ctx.baseUrl);
  const known = ['ChatEventType', 'ChatStatus', 'RoleType', 'WorkflowEventType'];
  const names = ['CozeAPI', ...(base.startsWith('COZE_') ? [base] : []), ...known.filter((n) => new RegExp(`\\b${n}\\b`).test(code))];
  const token = ctx.token ? jsStr(ctx.token) : `process.env.${TOKEN_ENV}`;
  return [
    '// npm install @coze/api  (Node.js 18+, ES module)',
    `import { ${names.join(', ')} } from '@coze/api';`,
    '',
    `// ${ctx.token ? ctx.t.tokenShown : ctx.t.tokenEnv}`,
    'const client = new CozeAPI({',
    `${JS}token: ${token},`,
    `${JS}baseURL: ${base},`,
    '});',
    '',
    ...body,
  ].join('\n');
}

function jsWorkflowHandler(ctx: Ctx): string[] {
  const i1 = JS, i2 = i1 + JS, i3 = i2 + JS, i4 = i3 + JS, i5 = i4 + JS;
  return [
    'async function handle(stream) {',
    `${i1}for await (const event of stream) {`,
    `${i2}if (event.event === WorkflowEventType.MESSAGE) {`,
    `${i3}console.log(event.data.content);`,
    `${i2}} else if (event.event === WorkflowEventType.ERROR) {`,
    `${i3}console.error('error:', event.data);`,
    `${i2}} else if (event.event === WorkflowEventType.INTERRUPT) {`,
    `${i3}// ${ctx.t.interrupt}`,
    `${i3}const { interrupt_data } = event.data;`,
    `${i3}await handle(`,
    `${i4}client.workflows.runs.resume({`,
    `${i5}workflow_id: workflowId,`,
    `${i5}event_id: interrupt_data.event_id,`,
    `${i5}resume_data: 'your answer',`,
    `${i5}interrupt_type: interrupt_data.type,`,
    `${i4}}),`,
    `${i3});`,
    `${i2}}`,
    `${i1}}`,
    '}',
  ];
}

function javascript(api: string, scenario: SdkScenario, ctx: Ctx): string | undefined {
  const i1 = JS, i2 = i1 + JS, i3 = i2 + JS, i4 = i3 + JS;
  const printDelta = [`${i1}if (part.event === ChatEventType.CONVERSATION_MESSAGE_DELTA) {`, `${i2}process.stdout.write(part.data.content);`];
  switch (api) {
    case 'chat.create': {
      if (scenario === 'stream') {
        const { lines, used } = jsChatProps(ctx, i1);
        return jsProgram(ctx, [
          ...jsLeftover(ctx, used),
          `// ${ctx.t.stream}`,
          'const stream = await client.chat.stream({',
          ...lines,
          '});',
          'for await (const part of stream) {',
          ...printDelta,
          `${i1}} else if (part.event === ChatEventType.CONVERSATION_CHAT_COMPLETED) {`,
          `${i2}console.log('\\ntoken usage:', part.data.usage?.token_count);`,
          `${i1}}`,
          '}',
        ]);
      }
      if (scenario === 'nonStream') {
        const { lines, used } = jsChatProps(ctx, i1);
        return jsProgram(ctx, [
          ...jsLeftover(ctx, used),
          `// ${ctx.t.create}`,
          'let chat = await client.chat.create({',
          ...lines,
          '});',
          '',
          `// ${ctx.t.poll}`,
          'const started = Date.now();',
          'while (chat.status === ChatStatus.CREATED || chat.status === ChatStatus.IN_PROGRESS) {',
          `${i1}if (Date.now() - started > 10 * 60 * 1000) {`,
          `${i2}await client.chat.cancel(chat.conversation_id, chat.id);`,
          `${i2}break;`,
          `${i1}}`,
          `${i1}await new Promise((resolve) => setTimeout(resolve, 1000));`,
          `${i1}chat = await client.chat.retrieve(chat.conversation_id, chat.id);`,
          '}',
          '',
          `// ${ctx.t.list}`,
          'const messages = await client.chat.messages.list(chat.conversation_id, chat.id);',
          'for (const message of messages) {',
          `${i1}if (message.type === 'answer') console.log(message.content);`,
          '}',
          '',
          `// ${ctx.t.shortcut('await client.chat.createAndPoll({ ... })')}`,
        ]);
      }
      const { lines, used } = jsChatProps(ctx, i1);
      return jsProgram(ctx, [
        'function runLocalPlugin(name, args) {',
        `${i1}// ${ctx.t.plugin}`,
        `${i1}return JSON.stringify({ plugin: name, arguments: JSON.parse(args || '{}') });`,
        '}',
        '',
        'async function handle(stream) {',
        `${i1}for await (const part of stream) {`,
        `${i2}if (part.event === ChatEventType.CONVERSATION_MESSAGE_DELTA) {`,
        `${i3}process.stdout.write(part.data.content);`,
        `${i2}} else if (part.event === ChatEventType.CONVERSATION_CHAT_REQUIRES_ACTION) {`,
        `${i3}// ${ctx.t.requiresAction}`,
        `${i3}const chat = part.data;`,
        `${i3}const tool_outputs = chat.required_action.submit_tool_outputs.tool_calls.map((call) => ({`,
        `${i4}tool_call_id: call.id,`,
        `${i4}output: runLocalPlugin(call.function.name, call.function.arguments),`,
        `${i3}}));`,
        `${i3}await handle(`,
        `${i4}client.chat.submitToolOutputs({ conversation_id: chat.conversation_id, chat_id: chat.id, tool_outputs, stream: true }),`,
        `${i3});`,
        `${i2}}`,
        `${i1}}`,
        '}',
        '',
        ...jsLeftover(ctx, used),
        'await handle(',
        `${i1}await client.chat.stream({`,
        ...lines.map((l) => JS + l.replace(/\n/g, `\n${JS}`)),
        `${i1}}),`,
        ');',
      ]);
    }
    case 'chat.submitToolOutputs': {
      const outputs = toolOutputsOf(ctx.value('tool_outputs'));
      const props = [
        `${i1}conversation_id: ${literal(ctx.value('conversation_id'), 'javascript')},`,
        `${i1}chat_id: ${literal(ctx.value('chat_id'), 'javascript')},`,
        `${i1}tool_outputs: [`,
        ...outputs.map((o) => `${i2}{ tool_call_id: ${jsStr(o.id)}, output: ${jsStr(o.output)} },`),
        `${i1}],`,
        `${i1}stream: ${scenario === 'stream'},`,
      ];
      const used = ['conversation_id', 'chat_id', 'tool_outputs'];
      if (scenario === 'stream') {
        return jsProgram(ctx, [...jsLeftover(ctx, used), `// ${ctx.t.stream}`, 'const stream = client.chat.submitToolOutputs({', ...props, '});', 'for await (const part of stream) {', ...printDelta, `${i1}}`, '}']);
      }
      return jsProgram(ctx, [...jsLeftover(ctx, used), 'const { value: chat } = await client.chat', `${i1}.submitToolOutputs({`, ...props.map((l) => JS + l), `${i1}})`, `${i1}.next();`, `// ${ctx.t.submitNonStream}`, 'console.log(chat.status);']);
    }
    case 'workflows.runs.create': {
      const isAsync = ctx.given('is_async') === true;
      const used = ['workflow_id', 'parameters', 'bot_id', 'app_id', 'ext', 'is_async'];
      return jsProgram(ctx, [
        ...jsLeftover(ctx, used),
        'const result = await client.workflows.runs.create({',
        ...jsProps(
          [
            ['workflow_id', literal(ctx.value('workflow_id'), 'javascript')],
            ['parameters', jsOpt(ctx, 'parameters', i1)],
            ['bot_id', jsOpt(ctx, 'bot_id', i1)],
            ['app_id', jsOpt(ctx, 'app_id', i1)],
            ['ext', jsOpt(ctx, 'ext', i1, 'strings')],
            ['is_async', isAsync ? 'true' : undefined],
          ],
          i1,
        ),
        '});',
        ...(isAsync ? [`// ${ctx.t.asyncRun}`, 'console.log(result.execute_id);'] : ['console.log(result.data);']),
      ]);
    }
    case 'workflows.runs.stream':
    case 'workflows.runs.resumeStream': {
      const resume = api === 'workflows.runs.resumeStream';
      const used = resume ? ['workflow_id', 'event_id', 'resume_data', 'interrupt_type'] : ['workflow_id', 'parameters', 'bot_id', 'app_id', 'ext'];
      const props = resume
        ? jsProps(
            [
              ['workflow_id', 'workflowId'],
              ['event_id', literal(ctx.value('event_id'), 'javascript')],
              ['resume_data', literal(ctx.value('resume_data'), 'javascript')],
              ['interrupt_type', literal(ctx.value('interrupt_type'), 'javascript')],
            ],
            i2,
          )
        : jsProps(
            [
              ['workflow_id', 'workflowId'],
              ['parameters', jsOpt(ctx, 'parameters', i2)],
              ['bot_id', jsOpt(ctx, 'bot_id', i2)],
              ['app_id', jsOpt(ctx, 'app_id', i2)],
              ['ext', jsOpt(ctx, 'ext', i2, 'strings')],
            ],
            i2,
          );
      return jsProgram(ctx, [
        `const workflowId = ${literal(ctx.value('workflow_id'), 'javascript')};`,
        '',
        ...jsWorkflowHandler(ctx),
        '',
        ...jsLeftover(ctx, used),
        'await handle(',
        `${i1}client.workflows.runs.${resume ? 'resume' : 'stream'}({`,
        ...props,
        `${i1}}),`,
        ');',
      ]);
    }
    case 'workflows.chat.stream': {
      const used = ['workflow_id', 'additional_messages', 'parameters', 'app_id', 'bot_id', 'conversation_id', 'ext'];
      return jsProgram(ctx, [
        ...jsLeftover(ctx, used),
        `// ${ctx.t.stream}`,
        'const stream = await client.workflows.chat.stream({',
        ...jsProps(
          [
            ['workflow_id', literal(ctx.value('workflow_id'), 'javascript')],
            ['additional_messages', jsMessages(ctx.value('additional_messages'), i1) ?? '[]'],
            ['parameters', jsOpt(ctx, 'parameters', i1)],
            ['app_id', jsOpt(ctx, 'app_id', i1)],
            ['bot_id', jsOpt(ctx, 'bot_id', i1)],
            ['conversation_id', jsOpt(ctx, 'conversation_id', i1)],
            ['ext', jsOpt(ctx, 'ext', i1, 'strings')],
          ],
          i1,
        ),
        '});',
        'for await (const part of stream) {',
        ...printDelta,
        `${i1}} else if (part.event === ChatEventType.CONVERSATION_CHAT_COMPLETED) {`,
        `${i2}console.log('\\ntoken usage:', part.data.usage?.token_count);`,
        `${i1}}`,
        '}',
      ]);
    }
  }
  return undefined;
}

// Go (coze-go) ----------------------------------------------------------------------------------

const GO = INDENT.go;

function goOpt(ctx: Ctx, name: string, indent: string, render: 'value' | 'strings' = 'value'): string | undefined {
  const v = ctx.given(name);
  if (v === undefined) return undefined;
  return render === 'strings' ? stringMap(v, 'go', indent) : literal(v, 'go', indent);
}

function goMessage(m: ChatMessage, indent: string): string {
  const meta = m.meta ? stringMap(m.meta, 'go', indent) : 'nil';
  if (isSimple(m)) return `coze.${m.role === 'user' ? 'BuildUserQuestionText' : 'BuildAssistantAnswer'}(${str(m.content)}, ${meta})`;
  const inner = indent + GO;
  const type = m.type ?? (m.role === 'user' ? 'question' : 'answer');
  const fields: Array<[string, string]> = [
    ['Role', `coze.MessageRole${pascal(m.role)}`],
    ['Type', `coze.MessageType${pascal(type)}`],
    ['Content', str(m.content)],
    ['ContentType', `coze.MessageContentType${pascal(m.contentType)}`],
    ...(m.meta ? ([['MetaData', stringMap(m.meta, 'go', inner)]] as Array<[string, string]>) : []),
  ];
  return `&coze.Message{\n${goFields(fields, inner).join('\n')}\n${indent}}`;
}

function goMessages(value: unknown, indent: string): string | undefined {
  const messages = messagesOf(value);
  if (!messages.length) return undefined;
  const inner = indent + GO;
  return `[]*coze.Message{\n${messages.map((m) => `${inner}${goMessage(m, inner)},`).join('\n')}\n${indent}}`;
}

function goStruct(type: string, fields: Array<[string, string | undefined]>, indent: string): string {
  const kept = fields.filter((f): f is [string, string] => f[1] !== undefined);
  return `&coze.${type}{\n${goFields(kept, indent + GO).join('\n')}\n${indent}}`;
}

function goChatReq(ctx: Ctx, indent: string): { req: string; used: string[] } {
  const inner = indent + GO;
  const used = ['bot_id', 'user_id', 'conversation_id', 'additional_messages', 'custom_variables', 'meta_data'];
  const req = goStruct(
    'CreateChatsReq',
    [
      ['BotID', literal(ctx.value('bot_id'), 'go')],
      ['UserID', literal(ctx.value('user_id'), 'go')],
      ['ConversationID', goOpt(ctx, 'conversation_id', inner)],
      ['Messages', goMessages(ctx.given('additional_messages'), inner)],
      ['CustomVariables', goOpt(ctx, 'custom_variables', inner, 'strings')],
      ['MetaData', goOpt(ctx, 'meta_data', inner, 'strings')],
    ],
    indent,
  );
  return { req, used };
}

function goLeftover(ctx: Ctx, used: string[], indent: string): string[] {
  const rest = ctx.leftover(used);
  return rest.length ? [`${indent}// ${ctx.t.leftover(rest.join(', '))}`] : [];
}

const goCheck = (indent: string, what = 'return') => [`${indent}if err != nil {`, `${indent}${GO}fmt.Println("error:", err)`, `${indent}${GO}${what}`, `${indent}}`];

function goProgram(ctx: Ctx, main: string[], helpers: string[] = []): string {
  const code = [...main, ...helpers].join('\n');
  const std = ['context', 'encoding/json', 'errors', 'fmt', 'io', 'os', 'time'].filter((pkg) => {
    const name = pkg.split('/').pop()!;
    return new RegExp(`\\b${name}\\.`).test(code) || (pkg === 'os' && !ctx.token) || pkg === 'context' || pkg === 'fmt';
  });
  const base = ctx.baseUrl === 'https://api.coze.cn' ? 'coze.CnBaseURL' : ctx.baseUrl === 'https://api.coze.com' ? 'coze.ComBaseURL' : str(ctx.baseUrl);
  const token = ctx.token ? str(ctx.token) : `os.Getenv(${str(TOKEN_ENV)})`;
  return [
    '// go get github.com/coze-dev/coze-go',
    'package main',
    '',
    'import (',
    ...std.map((p) => `${GO}${str(p)}`),
    '',
    `${GO}"github.com/coze-dev/coze-go"`,
    ')',
    '',
    'func main() {',
    `${GO}// ${ctx.token ? ctx.t.tokenShown : ctx.t.tokenEnv}`,
    `${GO}cozeCli := coze.NewCozeAPI(coze.NewTokenAuth(${token}), coze.WithBaseURL(${base}))`,
    `${GO}ctx := context.Background()`,
    '',
    ...main,
    '}',
    ...(helpers.length ? ['', ...helpers] : []),
  ].join('\n');
}

function goChatLoop(indent: string, streamVar: string, extraCases: string[] = []): string[] {
  const i1 = indent + GO, i2 = i1 + GO;
  return [
    `${indent}defer ${streamVar}.Close()`,
    `${indent}for {`,
    `${i1}event, err := ${streamVar}.Recv()`,
    `${i1}if errors.Is(err, io.EOF) {`,
    `${i2}break`,
    `${i1}}`,
    ...goCheck(i1),
    `${i1}switch event.Event {`,
    `${i1}case coze.ChatEventConversationMessageDelta:`,
    `${i2}fmt.Print(event.Message.Content)`,
    ...extraCases,
    `${i1}}`,
    `${indent}}`,
  ];
}

function goWorkflowHelper(ctx: Ctx): string[] {
  const i1 = GO, i2 = i1 + GO, i3 = i2 + GO, i4 = i3 + GO;
  return [
    'func handleWorkflow(ctx context.Context, cozeCli coze.CozeAPI, workflowID string, stream coze.Stream[coze.WorkflowEvent]) {',
    `${i1}defer stream.Close()`,
    `${i1}for {`,
    `${i2}event, err := stream.Recv()`,
    `${i2}if errors.Is(err, io.EOF) {`,
    `${i3}return`,
    `${i2}}`,
    ...goCheck(i2),
    `${i2}switch event.Event {`,
    `${i2}case coze.WorkflowEventTypeMessage:`,
    `${i3}fmt.Println(event.Message.Content)`,
    `${i2}case coze.WorkflowEventTypeError:`,
    `${i3}fmt.Println("error:", event.Error.ErrorMessage)`,
    `${i2}case coze.WorkflowEventTypeInterrupt:`,
    `${i3}// ${ctx.t.interrupt}`,
    `${i3}resumed, err := cozeCli.Workflows.Runs.Resume(ctx, &coze.ResumeRunWorkflowsReq{`,
    ...goFields(
      [
        ['WorkflowID', 'workflowID'],
        ['EventID', 'event.Interrupt.InterruptData.EventID'],
        ['ResumeData', '"your answer"'],
        ['InterruptType', 'event.Interrupt.InterruptData.Type'],
      ],
      i4,
    ),
    `${i3}})`,
    ...goCheck(i3),
    `${i3}handleWorkflow(ctx, cozeCli, workflowID, resumed)`,
    `${i2}}`,
    `${i1}}`,
    '}',
  ];
}

function go(api: string, scenario: SdkScenario, ctx: Ctx): string | undefined {
  const i1 = GO, i2 = i1 + GO, i3 = i2 + GO;
  switch (api) {
    case 'chat.create': {
      const { req, used } = goChatReq(ctx, i1);
      const head = [...goLeftover(ctx, used, i1), `${i1}req := ${req}`, ''];
      if (scenario === 'stream') {
        return goProgram(ctx, [
          ...head,
          `${i1}// ${ctx.t.stream}`,
          `${i1}stream, err := cozeCli.Chat.Stream(ctx, req)`,
          ...goCheck(i1),
          ...goChatLoop(i1, 'stream', [`${i2}case coze.ChatEventConversationChatCompleted:`, `${i3}fmt.Println("\\ntoken usage:", event.Chat.Usage.TokenCount)`]),
        ]);
      }
      if (scenario === 'nonStream') {
        return goProgram(ctx, [
          ...head,
          `${i1}// ${ctx.t.create}`,
          `${i1}created, err := cozeCli.Chat.Create(ctx, req)`,
          ...goCheck(i1),
          `${i1}chat := created.Chat`,
          '',
          `${i1}// ${ctx.t.poll}`,
          `${i1}deadline := time.Now().Add(10 * time.Minute)`,
          `${i1}for chat.Status == coze.ChatStatusCreated || chat.Status == coze.ChatStatusInProgress {`,
          `${i2}if time.Now().After(deadline) {`,
          `${i3}_, _ = cozeCli.Chat.Cancel(ctx, &coze.CancelChatsReq{ConversationID: chat.ConversationID, ChatID: chat.ID})`,
          `${i3}break`,
          `${i2}}`,
          `${i2}time.Sleep(time.Second)`,
          `${i2}retrieved, err := cozeCli.Chat.Retrieve(ctx, &coze.RetrieveChatsReq{ConversationID: chat.ConversationID, ChatID: chat.ID})`,
          ...goCheck(i2),
          `${i2}chat = retrieved.Chat`,
          `${i1}}`,
          '',
          `${i1}// ${ctx.t.list}`,
          `${i1}messages, err := cozeCli.Chat.Messages.List(ctx, &coze.ListChatsMessagesReq{ConversationID: chat.ConversationID, ChatID: chat.ID})`,
          ...goCheck(i1),
          `${i1}for _, message := range messages.Messages {`,
          `${i2}if message.Type == coze.MessageTypeAnswer {`,
          `${i3}fmt.Println(message.Content)`,
          `${i2}}`,
          `${i1}}`,
          '',
          `${i1}// ${ctx.t.shortcut('cozeCli.Chat.CreateAndPoll(ctx, req, nil)')}`,
        ]);
      }
      const i4 = i3 + GO;
      return goProgram(
        ctx,
        [
          ...head,
          `${i1}stream, err := cozeCli.Chat.Stream(ctx, req)`,
          `${i1}for {`,
          ...goCheck(i2),
          `${i2}chat := printUntilAction(stream)`,
          `${i2}if chat == nil {`,
          `${i3}return`,
          `${i2}}`,
          `${i2}// ${ctx.t.requiresAction}`,
          `${i2}var outputs []*coze.ToolOutput`,
          `${i2}for _, call := range chat.RequiredAction.SubmitToolOutputs.ToolCalls {`,
          `${i3}outputs = append(outputs, &coze.ToolOutput{`,
          ...goFields(
            [
              ['ToolCallID', 'call.ID'],
              ['Output', 'runLocalPlugin(call.Function.Name, call.Function.Arguments)'],
            ],
            i4,
          ),
          `${i3}})`,
          `${i2}}`,
          `${i2}stream, err = cozeCli.Chat.StreamSubmitToolOutputs(ctx, &coze.SubmitToolOutputsChatReq{`,
          ...goFields(
            [
              ['ConversationID', 'chat.ConversationID'],
              ['ChatID', 'chat.ID'],
              ['ToolOutputs', 'outputs'],
            ],
            i3,
          ),
          `${i2}})`,
          `${i1}}`,
        ],
        [
          '// printUntilAction prints the answer as it streams in; it returns the chat when the bot waits for plugin results.',
          'func printUntilAction(stream coze.Stream[coze.ChatEvent]) *coze.Chat {',
          `${i1}defer stream.Close()`,
          `${i1}for {`,
          `${i2}event, err := stream.Recv()`,
          `${i2}if errors.Is(err, io.EOF) {`,
          `${i3}return nil`,
          `${i2}}`,
          ...goCheck(i2, 'return nil'),
          `${i2}switch event.Event {`,
          `${i2}case coze.ChatEventConversationMessageDelta:`,
          `${i3}fmt.Print(event.Message.Content)`,
          `${i2}case coze.ChatEventConversationChatRequiresAction:`,
          `${i3}return event.Chat`,
          `${i2}}`,
          `${i1}}`,
          '}',
          '',
          `// runLocalPlugin: ${ctx.t.plugin}`,
          'func runLocalPlugin(name, arguments string) string {',
          `${i1}out, _ := json.Marshal(map[string]any{"plugin": name, "arguments": json.RawMessage(arguments)})`,
          `${i1}return string(out)`,
          '}',
        ],
      );
    }
    case 'chat.submitToolOutputs': {
      const outputs = toolOutputsOf(ctx.value('tool_outputs'));
      const list = `[]*coze.ToolOutput{\n${outputs.map((o) => `${i3}{ToolCallID: ${str(o.id)}, Output: ${str(o.output)}},`).join('\n')}\n${i2}}`;
      const req = goStruct(
        'SubmitToolOutputsChatReq',
        [
          ['ConversationID', literal(ctx.value('conversation_id'), 'go')],
          ['ChatID', literal(ctx.value('chat_id'), 'go')],
          ['ToolOutputs', list],
        ],
        i1,
      );
      const used = ['conversation_id', 'chat_id', 'tool_outputs'];
      if (scenario === 'stream') {
        return goProgram(ctx, [...goLeftover(ctx, used, i1), `${i1}// ${ctx.t.stream}`, `${i1}stream, err := cozeCli.Chat.StreamSubmitToolOutputs(ctx, ${req})`, ...goCheck(i1), ...goChatLoop(i1, 'stream')]);
      }
      return goProgram(ctx, [...goLeftover(ctx, used, i1), `${i1}chat, err := cozeCli.Chat.SubmitToolOutputs(ctx, ${req})`, ...goCheck(i1), `${i1}// ${ctx.t.submitNonStream}`, `${i1}fmt.Println(chat.Status)`]);
    }
    case 'workflows.runs.create': {
      const isAsync = ctx.given('is_async') === true;
      const used = ['workflow_id', 'parameters', 'bot_id', 'app_id', 'ext', 'is_async'];
      const req = goStruct(
        'RunWorkflowsReq',
        [
          ['WorkflowID', literal(ctx.value('workflow_id'), 'go')],
          ['Parameters', goOpt(ctx, 'parameters', i2)],
          ['BotID', goOpt(ctx, 'bot_id', i2)],
          ['AppID', goOpt(ctx, 'app_id', i2)],
          ['Ext', goOpt(ctx, 'ext', i2, 'strings')],
          ['IsAsync', isAsync ? 'true' : undefined],
        ],
        i1,
      );
      return goProgram(ctx, [
        ...goLeftover(ctx, used, i1),
        `${i1}result, err := cozeCli.Workflows.Runs.Create(ctx, ${req})`,
        ...goCheck(i1),
        ...(isAsync ? [`${i1}// ${ctx.t.asyncRun}`, `${i1}fmt.Println(result.ExecuteID)`] : [`${i1}fmt.Println(result.Data)`]),
      ]);
    }
    case 'workflows.runs.stream':
    case 'workflows.runs.resumeStream': {
      const resume = api === 'workflows.runs.resumeStream';
      const used = resume ? ['workflow_id', 'event_id', 'resume_data', 'interrupt_type'] : ['workflow_id', 'parameters', 'bot_id', 'app_id', 'ext'];
      const req = resume
        ? goStruct(
            'ResumeRunWorkflowsReq',
            [
              ['WorkflowID', 'workflowID'],
              ['EventID', literal(ctx.value('event_id'), 'go')],
              ['ResumeData', literal(ctx.value('resume_data'), 'go')],
              ['InterruptType', literal(ctx.value('interrupt_type'), 'go')],
            ],
            i1,
          )
        : goStruct(
            'RunWorkflowsReq',
            [
              ['WorkflowID', 'workflowID'],
              ['Parameters', goOpt(ctx, 'parameters', i2)],
              ['BotID', goOpt(ctx, 'bot_id', i2)],
              ['AppID', goOpt(ctx, 'app_id', i2)],
              ['Ext', goOpt(ctx, 'ext', i2, 'strings')],
            ],
            i1,
          );
      return goProgram(
        ctx,
        [
          `${i1}workflowID := ${literal(ctx.value('workflow_id'), 'go')}`,
          ...goLeftover(ctx, used, i1),
          `${i1}stream, err := cozeCli.Workflows.Runs.${resume ? 'Resume' : 'Stream'}(ctx, ${req})`,
          ...goCheck(i1),
          `${i1}handleWorkflow(ctx, cozeCli, workflowID, stream)`,
        ],
        goWorkflowHelper(ctx),
      );
    }
    case 'workflows.chat.stream': {
      const used = ['workflow_id', 'additional_messages', 'parameters', 'app_id', 'bot_id', 'conversation_id', 'ext'];
      const pointers: string[] = [];
      const pointer = (name: string, variable: string) => {
        const v = ctx.given(name);
        if (v === undefined) return undefined;
        pointers.push(`${i1}${variable} := ${literal(String(v), 'go')}`);
        return `&${variable}`;
      };
      const fields: Array<[string, string | undefined]> = [
        ['WorkflowID', literal(ctx.value('workflow_id'), 'go')],
        ['AdditionalMessages', goMessages(ctx.value('additional_messages'), i2) ?? '[]*coze.Message{}'],
        ['Parameters', goOpt(ctx, 'parameters', i2)],
        ['AppID', pointer('app_id', 'appID')],
        ['BotID', pointer('bot_id', 'botID')],
        ['ConversationID', pointer('conversation_id', 'conversationID')],
        ['Ext', goOpt(ctx, 'ext', i2, 'strings')],
      ];
      const req = goStruct('WorkflowsChatStreamReq', fields, i1);
      return goProgram(ctx, [
        ...pointers,
        ...goLeftover(ctx, used, i1),
        `${i1}// ${ctx.t.stream}`,
        `${i1}stream, err := cozeCli.Workflows.Chat.Stream(ctx, ${req})`,
        ...goCheck(i1),
        ...goChatLoop(i1, 'stream', [`${i2}case coze.ChatEventConversationChatCompleted:`, `${i3}fmt.Println("\\ntoken usage:", event.Chat.Usage.TokenCount)`]),
      ]);
    }
  }
  return undefined;
}

// Java (coze-java) ------------------------------------------------------------------------------

const J = INDENT.java;
const J2 = J + J;
/** Builder calls continue two steps in. */
const JC = J2;

function javaOpt(ctx: Ctx, name: string, indent: string, render: 'value' | 'strings' = 'value'): string | undefined {
  const v = ctx.given(name);
  if (v === undefined) return undefined;
  return render === 'strings' ? stringMap(v, 'java', indent) : literal(v, 'java', indent);
}

function javaMessage(m: ChatMessage, indent: string): string {
  if (isSimple(m) && !m.meta) return `Message.${m.role === 'user' ? 'buildUserQuestionText' : 'buildAssistantAnswer'}(${str(m.content)})`;
  const inner = indent + J2;
  const type = m.type ?? (m.role === 'user' ? 'question' : 'answer');
  return [
    'Message.builder()',
    `${inner}.role(MessageRole.${upper(m.role)})`,
    `${inner}.type(MessageType.${upper(type)})`,
    `${inner}.content(${str(m.content)})`,
    `${inner}.contentType(MessageContentType.${upper(m.contentType)})`,
    ...(m.meta ? [`${inner}.metaData(${stringMap(m.meta, 'java', inner)})`] : []),
    `${inner}.build()`,
  ].join('\n');
}

function javaMessages(value: unknown, indent: string): string | undefined {
  const messages = messagesOf(value);
  if (!messages.length) return undefined;
  const inner = indent + J2;
  return `List.of(\n${messages.map((m, i) => `${inner}${javaMessage(m, inner)}${i < messages.length - 1 ? ',' : ''}`).join('\n')})`;
}

function javaBuilder(type: string, calls: Array<[string, string | undefined]>, indent: string): string {
  const kept = calls.filter((c): c is [string, string] => c[1] !== undefined);
  return [`${type}.builder()`, ...kept.map(([m, v]) => `${indent}${JC}.${m}(${v})`), `${indent}${JC}.build()`].join('\n');
}

/** Workflow parameters as a `HashMap` filled line by line, as the coze-java samples do. */
function javaParameters(ctx: Ctx, indent: string): string[] {
  const v = ctx.given('parameters');
  if (!isRecord(v)) return [];
  return [`${indent}Map<String, Object> parameters = new HashMap<>();`, ...Object.entries(v).map(([k, val]) => `${indent}parameters.put(${str(k)}, ${literal(val, 'java', indent)});`), ''];
}

function javaLeftover(ctx: Ctx, used: string[], indent: string): string[] {
  const rest = ctx.leftover(used);
  return rest.length ? [`${indent}// ${ctx.t.leftover(rest.join(', '))}`] : [];
}

const JAVA_IMPORTS: Record<string, string> = {
  CreateChatReq: 'com.coze.openapi.client.chat.CreateChatReq',
  SubmitToolOutputsReq: 'com.coze.openapi.client.chat.SubmitToolOutputsReq',
  Chat: 'com.coze.openapi.client.chat.model.Chat',
  ChatEvent: 'com.coze.openapi.client.chat.model.ChatEvent',
  ChatEventType: 'com.coze.openapi.client.chat.model.ChatEventType',
  ChatPoll: 'com.coze.openapi.client.chat.model.ChatPoll',
  ChatToolCall: 'com.coze.openapi.client.chat.model.ChatToolCall',
  ToolOutput: 'com.coze.openapi.client.chat.model.ToolOutput',
  Message: 'com.coze.openapi.client.connversations.message.model.Message',
  MessageContentType: 'com.coze.openapi.client.connversations.message.model.MessageContentType',
  MessageRole: 'com.coze.openapi.client.connversations.message.model.MessageRole',
  MessageType: 'com.coze.openapi.client.connversations.message.model.MessageType',
  WorkflowChatReq: 'com.coze.openapi.client.workflows.chat.WorkflowChatReq',
  ResumeRunReq: 'com.coze.openapi.client.workflows.run.ResumeRunReq',
  RunWorkflowReq: 'com.coze.openapi.client.workflows.run.RunWorkflowReq',
  RunWorkflowResp: 'com.coze.openapi.client.workflows.run.RunWorkflowResp',
  WorkflowEvent: 'com.coze.openapi.client.workflows.run.model.WorkflowEvent',
  WorkflowEventType: 'com.coze.openapi.client.workflows.run.model.WorkflowEventType',
  TokenAuth: 'com.coze.openapi.service.auth.TokenAuth',
  CozeAPI: 'com.coze.openapi.service.service.CozeAPI',
  Flowable: 'io.reactivex.Flowable',
  ArrayList: 'java.util.ArrayList',
  HashMap: 'java.util.HashMap',
  List: 'java.util.List',
  Map: 'java.util.Map',
  AtomicReference: 'java.util.concurrent.atomic.AtomicReference',
};

function javaProgram(ctx: Ctx, main: string[], helpers: string[] = []): string {
  const code = [...main, ...helpers].join('\n');
  const imports = Object.entries(JAVA_IMPORTS)
    .filter(([name]) => name === 'CozeAPI' || name === 'TokenAuth' || new RegExp(`\\b${name}\\b`).test(code))
    .map(([, path]) => path)
    .sort();
  const groups = [imports.filter((p) => p.startsWith('com.')), imports.filter((p) => p.startsWith('io.')), imports.filter((p) => p.startsWith('java.'))].filter((g) => g.length);
  const token = ctx.token ? str(ctx.token) : `System.getenv(${str(TOKEN_ENV)})`;
  return [
    '// Maven: com.coze:coze-api',
    ...groups.flatMap((g) => [...g.map((p) => `import ${p};`), '']),
    'public class Main {',
    `${J}public static void main(String[] args) throws Exception {`,
    `${J2}// ${ctx.token ? ctx.t.tokenShown : ctx.t.tokenEnv}`,
    `${J2}CozeAPI coze = new CozeAPI.Builder()`,
    `${J2}${J2}.baseURL(${str(ctx.baseUrl)})`,
    `${J2}${J2}.auth(new TokenAuth(${token}))`,
    `${J2}${J2}.readTimeout(60000)`,
    `${J2}${J2}.build();`,
    '',
    ...main,
    '',
    `${J2}coze.shutdownExecutor();`,
    `${J}}`,
    ...(helpers.length ? ['', ...helpers] : []),
    '}',
  ].join('\n');
}

function javaChatReq(ctx: Ctx): { req: string; used: string[] } {
  const used = ['bot_id', 'user_id', 'conversation_id', 'additional_messages', 'custom_variables', 'auto_save_history', 'meta_data'];
  const inner = J2 + JC;
  const req = javaBuilder(
    'CreateChatReq',
    [
      ['botID', literal(ctx.value('bot_id'), 'java')],
      ['userID', literal(ctx.value('user_id'), 'java')],
      ['conversationID', javaOpt(ctx, 'conversation_id', inner)],
      ['messages', javaMessages(ctx.given('additional_messages'), inner)],
      ['customVariables', javaOpt(ctx, 'custom_variables', inner, 'strings')],
      ['autoSaveHistory', javaOpt(ctx, 'auto_save_history', inner)],
      ['metaData', javaOpt(ctx, 'meta_data', inner, 'strings')],
    ],
    J2,
  );
  return { req, used };
}

function javaDeltaLambda(indent: string, extra: string[] = []): string[] {
  const i1 = indent + J, i2 = i1 + J;
  return [
    `${i1}if (ChatEventType.CONVERSATION_MESSAGE_DELTA.equals(event.getEvent())) {`,
    `${i2}System.out.print(event.getMessage().getContent());`,
    `${i1}}`,
    ...extra,
  ];
}

function java(api: string, scenario: SdkScenario, ctx: Ctx): string | undefined {
  const i2 = J2, i3 = J2 + J, i4 = i3 + J, i5 = i4 + J;
  switch (api) {
    case 'chat.create': {
      const { req, used } = javaChatReq(ctx);
      const head = [...javaLeftover(ctx, used, i2), `${i2}CreateChatReq req = ${req};`, ''];
      if (scenario === 'stream') {
        return javaProgram(ctx, [
          ...head,
          `${i2}// ${ctx.t.stream}`,
          `${i2}Flowable<ChatEvent> events = coze.chat().stream(req);`,
          `${i2}events.blockingForEach(event -> {`,
          ...javaDeltaLambda(i2, [
            `${i3}if (ChatEventType.CONVERSATION_CHAT_COMPLETED.equals(event.getEvent())) {`,
            `${i4}System.out.println("\\ntoken usage: " + event.getChat().getUsage().getTokenCount());`,
            `${i3}}`,
          ]),
          `${i2}});`,
        ]);
      }
      if (scenario === 'nonStream') {
        return javaProgram(ctx, [
          ...head,
          `${i2}// ${ctx.t.createAndPoll}`,
          `${i2}ChatPoll result = coze.chat().createAndPoll(req);`,
          `${i2}for (Message message : result.getMessages()) {`,
          `${i3}if (MessageType.ANSWER.equals(message.getType())) {`,
          `${i4}System.out.println(message.getContent());`,
          `${i3}}`,
          `${i2}}`,
          `${i2}System.out.println("token usage: " + result.getChat().getUsage().getTokenCount());`,
        ]);
      }
      return javaProgram(
        ctx,
        [
          ...head,
          `${i2}Flowable<ChatEvent> events = coze.chat().stream(req);`,
          `${i2}while (events != null) {`,
          `${i3}AtomicReference<Chat> waiting = new AtomicReference<>();`,
          `${i3}events.blockingForEach(event -> {`,
          ...javaDeltaLambda(i3, [
            `${i4}if (ChatEventType.CONVERSATION_CHAT_REQUIRES_ACTION.equals(event.getEvent())) {`,
            `${i5}waiting.set(event.getChat());`,
            `${i4}}`,
          ]),
          `${i3}});`,
          `${i3}Chat chat = waiting.get();`,
          `${i3}if (chat == null) {`,
          `${i4}break;`,
          `${i3}}`,
          `${i3}// ${ctx.t.requiresAction}`,
          `${i3}List<ToolOutput> outputs = new ArrayList<>();`,
          `${i3}for (ChatToolCall call : chat.getRequiredAction().getSubmitToolOutputs().getToolCalls()) {`,
          `${i4}outputs.add(ToolOutput.of(call.getID(), runLocalPlugin(call.getFunction().getName(), call.getFunction().getArguments())));`,
          `${i3}}`,
          `${i3}events = coze.chat().streamSubmitToolOutputs(SubmitToolOutputsReq.builder()`,
          `${i3}${JC}.conversationID(chat.getConversationID())`,
          `${i3}${JC}.chatID(chat.getID())`,
          `${i3}${JC}.toolOutputs(outputs)`,
          `${i3}${JC}.build());`,
          `${i2}}`,
        ],
        [`${J}// ${ctx.t.plugin}`, `${J}private static String runLocalPlugin(String name, String arguments) {`, `${J2}return "{\\"plugin\\": \\"" + name + "\\", \\"arguments\\": " + arguments + "}";`, `${J}}`],
      );
    }
    case 'chat.submitToolOutputs': {
      const outputs = toolOutputsOf(ctx.value('tool_outputs'));
      const inner = J2 + JC + J2;
      const list = `List.of(\n${outputs.map((o, i) => `${inner}ToolOutput.of(${str(o.id)}, ${str(o.output)})${i < outputs.length - 1 ? ',' : ''}`).join('\n')})`;
      const req = javaBuilder(
        'SubmitToolOutputsReq',
        [
          ['conversationID', literal(ctx.value('conversation_id'), 'java')],
          ['chatID', literal(ctx.value('chat_id'), 'java')],
          ['toolOutputs', list],
        ],
        J2,
      );
      const used = ['conversation_id', 'chat_id', 'tool_outputs'];
      const head = [...javaLeftover(ctx, used, i2), `${i2}SubmitToolOutputsReq req = ${req};`, ''];
      if (scenario === 'stream') {
        return javaProgram(ctx, [...head, `${i2}// ${ctx.t.stream}`, `${i2}coze.chat().streamSubmitToolOutputs(req).blockingForEach(event -> {`, ...javaDeltaLambda(i2), `${i2}});`]);
      }
      return javaProgram(ctx, [...head, `${i2}// ${ctx.t.submitNonStream}`, `${i2}System.out.println(coze.chat().submitToolOutputs(req));`]);
    }
    case 'workflows.runs.create': {
      const isAsync = ctx.given('is_async') === true;
      const used = ['workflow_id', 'parameters', 'bot_id', 'app_id', 'ext', 'is_async'];
      const inner = J2 + JC;
      const req = javaBuilder(
        'RunWorkflowReq',
        [
          ['workflowID', literal(ctx.value('workflow_id'), 'java')],
          ['parameters', ctx.given('parameters') !== undefined ? 'parameters' : undefined],
          ['botID', javaOpt(ctx, 'bot_id', inner)],
          ['appID', javaOpt(ctx, 'app_id', inner)],
          ['ext', javaOpt(ctx, 'ext', inner, 'strings')],
          ['isAsync', isAsync ? 'true' : undefined],
        ],
        J2,
      );
      return javaProgram(ctx, [
        ...javaLeftover(ctx, used, i2),
        ...javaParameters(ctx, i2),
        `${i2}RunWorkflowReq req = ${req};`,
        `${i2}RunWorkflowResp result = coze.workflows().runs().create(req);`,
        ...(isAsync ? [`${i2}// ${ctx.t.asyncRun}`, `${i2}System.out.println(result.getExecuteID());`] : [`${i2}System.out.println(result.getData());`]),
      ]);
    }
    case 'workflows.runs.stream':
    case 'workflows.runs.resumeStream': {
      const resume = api === 'workflows.runs.resumeStream';
      const used = resume ? ['workflow_id', 'event_id', 'resume_data', 'interrupt_type'] : ['workflow_id', 'parameters', 'bot_id', 'app_id', 'ext'];
      const inner = J2 + JC;
      const req = resume
        ? javaBuilder(
            'ResumeRunReq',
            [
              ['workflowID', 'workflowID'],
              ['eventID', literal(ctx.value('event_id'), 'java')],
              ['resumeData', literal(ctx.value('resume_data'), 'java')],
              ['interruptType', literal(ctx.value('interrupt_type'), 'java')],
            ],
            J2,
          )
        : javaBuilder(
            'RunWorkflowReq',
            [
              ['workflowID', 'workflowID'],
              ['parameters', ctx.given('parameters') !== undefined ? 'parameters' : undefined],
              ['botID', javaOpt(ctx, 'bot_id', inner)],
              ['appID', javaOpt(ctx, 'app_id', inner)],
              ['ext', javaOpt(ctx, 'ext', inner, 'strings')],
            ],
            J2,
          );
      const helper = [
        `${J}private static void handle(CozeAPI coze, String workflowID, Flowable<WorkflowEvent> events) {`,
        `${J2}events.blockingForEach(event -> {`,
        `${i3}if (WorkflowEventType.MESSAGE.equals(event.getEvent())) {`,
        `${i4}System.out.println(event.getMessage().getContent());`,
        `${i3}} else if (WorkflowEventType.ERROR.equals(event.getEvent())) {`,
        `${i4}System.out.println("error: " + event.getError());`,
        `${i3}} else if (WorkflowEventType.INTERRUPT.equals(event.getEvent())) {`,
        `${i4}// ${ctx.t.interrupt}`,
        `${i4}handle(coze, workflowID, coze.workflows().runs().resume(ResumeRunReq.builder()`,
        `${i4}${JC}.workflowID(workflowID)`,
        `${i4}${JC}.eventID(event.getInterrupt().getInterruptData().getEventID())`,
        `${i4}${JC}.resumeData("your answer")`,
        `${i4}${JC}.interruptType(event.getInterrupt().getInterruptData().getType())`,
        `${i4}${JC}.build()));`,
        `${i3}}`,
        `${J2}});`,
        `${J}}`,
      ];
      return javaProgram(
        ctx,
        [
          `${i2}String workflowID = ${literal(ctx.value('workflow_id'), 'java')};`,
          ...javaLeftover(ctx, used, i2),
          ...(resume ? [] : javaParameters(ctx, i2)),
          `${i2}${resume ? 'ResumeRunReq' : 'RunWorkflowReq'} req = ${req};`,
          `${i2}handle(coze, workflowID, coze.workflows().runs().${resume ? 'resume' : 'stream'}(req));`,
        ],
        helper,
      );
    }
    case 'workflows.chat.stream': {
      const used = ['workflow_id', 'additional_messages', 'parameters', 'app_id', 'bot_id', 'conversation_id', 'ext'];
      const inner = J2 + JC;
      const req = javaBuilder(
        'WorkflowChatReq',
        [
          ['workflowID', literal(ctx.value('workflow_id'), 'java')],
          ['additionalMessages', javaMessages(ctx.value('additional_messages'), inner) ?? 'List.of()'],
          ['parameters', ctx.given('parameters') !== undefined ? 'parameters' : undefined],
          ['appID', javaOpt(ctx, 'app_id', inner)],
          ['botID', javaOpt(ctx, 'bot_id', inner)],
          ['conversationID', javaOpt(ctx, 'conversation_id', inner)],
          ['ext', javaOpt(ctx, 'ext', inner, 'strings')],
        ],
        J2,
      );
      return javaProgram(ctx, [
        ...javaLeftover(ctx, used, i2),
        ...javaParameters(ctx, i2),
        `${i2}WorkflowChatReq req = ${req};`,
        '',
        `${i2}// ${ctx.t.stream}`,
        `${i2}Flowable<ChatEvent> events = coze.workflows().chats().stream(req);`,
        `${i2}events.blockingForEach(event -> {`,
        ...javaDeltaLambda(i2),
        `${i2}});`,
      ]);
    }
  }
  return undefined;
}

const TEMPLATES: Record<SdkLanguage, (api: string, scenario: SdkScenario, ctx: Ctx) => string | undefined> = {
  python,
  javascript,
  go,
  java,
};

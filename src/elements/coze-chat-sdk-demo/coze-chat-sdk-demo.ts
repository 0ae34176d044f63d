import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatClient, ChatState, ReplyItem } from '../../core/chat-sdk/client.js';
import type { LiteralObject } from '../../core/chat-sdk/literal.js';
import type { IncrementalMarkdown, Token } from '../../core/chat-sdk/markdown.js';
import { checkOptions, defaultOptions, field, readField, resolveOptions, TOKEN_PLACEHOLDER, writeField, type FieldId, type OptionField, type OptionProblem, type ResolvedOptions } from '../../core/chat-sdk/options.js';
import { DEFAULT_SDK_VERSION, parseSnippet, printSnippet, type SdkRegion, type Snippet, type SnippetError } from '../../core/chat-sdk/snippet.js';
import type { Presets } from '../../core/request/build.js';
import type { PlaygroundSession } from '../../core/session.js';
import type { Transport, TransportError } from '../../core/transport/types.js';
import { msg, pick, type Locale, type MessageKey, registerMessages } from '../../i18n/index.js';
import { ContextConsumer } from '../shared/context-consumer.js';
import { cssomStyle } from '../shared/cssom-style.js';
import type { WindowView } from './chat-window.js';
import { icons } from './icons.js';
import { renderEditor } from './code-editor.js';
import { renderForm, type FieldInput, type FormView } from './config-form.js';
import { styles } from './coze-chat-sdk-demo.styles.js';
import type { MarkdownView } from './markdown.js';
import * as chatStrings from '../../i18n/parts/chat.js';

registerMessages(chatStrings);

/** `detail` of `coze-chat-sdk-change`: the options object and the embed code (token hidden unless revealed). */
export interface ChatSdkChangeDetail {
  options: LiteralObject;
  code: string;
}

declare global {
  interface HTMLElementEventMap {
    /** The configuration changed (form or code). */
    'coze-chat-sdk-change': CustomEvent<ChatSdkChangeDetail>;
    /** Before the preview starts; cancel it to keep the preview from running. */
    'coze-chat-sdk-run': CustomEvent<{ options: LiteralObject }>;
    /** The chat window opened or closed. */
    'coze-chat-sdk-toggle': CustomEvent<{ open: boolean }>;
    /** The bot finished a reply. */
    'coze-chat-sdk-reply': CustomEvent<{ conversationId?: string; chatId?: string; messageId?: string; content: string }>;
    /** A request of the chat failed (the chat shows it with a retry). */
    'coze-chat-sdk-error': CustomEvent<{ error: TransportError }>;
  }
}

type PreviewModule = typeof import('./preview.js');
let previewModule: Promise<PreviewModule> | undefined;

/** The chat client, window and markdown load when a preview first starts (not with the page). */
function loadPreview(): Promise<PreviewModule> {
  previewModule ??= import('./preview.js');
  previewModule.catch(() => (previewModule = undefined));
  return previewModule;
}

/** The most characters of a streamed reply added to the view in one frame (see `tokensOf`). */
const REVEAL_PER_FRAME = 2000;
const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex="0"]';
const TIMELINE_SHOWN = 200;
const MAX_FILES = 6;

/**
 * The Coze page's "try the SDK" section for the Web **Chat SDK**, as one element: a configurator for
 * every SDK option, the equivalent embed code in an editor that stays in sync both ways, and a live
 * preview — Run shows the SDK's floating bubble, which opens a chat window that talks to the bot
 * through the playground's transport (streamed replies, stop, retry, files, tool calls, feedback).
 *
 * Works under a `<coze-playground>` (its transport, language, theme and token) or on its own with
 * `bot-id`, `token` and `base-url`; these attributes win over the provider's settings.
 *
 * Keyboard: the open window is a modal dialog (focus stays inside; Escape closes it and returns focus
 * to the bubble); Enter sends, Shift+Enter starts a new line. New replies are announced politely.
 *
 * @tagname coze-chat-sdk-demo
 * @summary Configure the Coze Chat SDK in a form or in code, see its embed code, and chat with the bot from its bubble.
 *
 * @csspart base - The element's layout.
 * @csspart configurator - The options form.
 * @csspart code - The embed code panel (toolbar, editor, errors).
 * @csspart editor - The code editor.
 * @csspart run - The Run button.
 * @csspart preview - The preview area (stage and event timeline).
 * @csspart stage - Where the bubble and the window appear (`placement="inline"`).
 * @csspart bubble - The floating bubble.
 * @csspart window - The chat window.
 * @csspart header - The window's title bar.
 * @csspart close - The window's close button.
 * @csspart conversations - The conversation list.
 * @csspart messages - The message list.
 * @csspart composer - The message input and its buttons.
 * @csspart send - The send button.
 * @csspart stop - The stop button (while a reply streams).
 * @csspart footer - The window's footer text.
 * @csspart timeline - The event timeline (`show-events`).
 *
 * @cssprop [--coze-chat-sdk-stage-height=600px] - Height of the inline preview stage.
 * @cssprop [--coze-chat-sdk-window-height=560px] - Height of the PC chat window (capped by the stage or viewport).
 * @cssprop [--coze-chat-sdk-bubble-size=56px] - Diameter of the floating bubble.
 * @cssprop [--coze-chat-sdk-accent=var(--coze-color-accent, #4d53e8)] - Colour of the bubble, the user's messages and primary buttons.
 * @cssprop [--coze-chat-sdk-panel-height=620px] - Tallest the configurator and code panels get before they scroll.
 * @cssprop [--coze-color-bg=#ffffff] - Background (dark: #17181c).
 * @cssprop [--coze-color-surface=#f7f8fa] - Panels, inputs and code blocks (dark: #202227).
 * @cssprop [--coze-color-text=#1f2329] - Text (dark: #e8eaed).
 * @cssprop [--coze-color-text-muted=#5c6370] - Secondary text (dark: #a3a8b3).
 * @cssprop [--coze-color-border=#dee0e3] - Borders and separators (dark: #3a3d45).
 * @cssprop [--coze-color-accent=#4d53e8] - Accent: selection, primary buttons, links (dark: #8f94ff).
 * @cssprop [--coze-color-accent-text=#ffffff] - Text on the accent colour (dark: #0f1014).
 * @cssprop [--coze-color-danger=#c62828] - Errors (dark: #ff8a80).
 * @cssprop [--coze-color-danger-bg=#fdecec] - Background of error messages (dark: #3b1f1f).
 * @cssprop [--coze-color-warning=#8a5a00] - Warnings (dark: #ffd27a).
 * @cssprop [--coze-color-warning-bg=#fff4d6] - Background of warnings (dark: #3a3020).
 * @cssprop [--coze-color-success=#1b7f3b] - Success, e.g. 2xx statuses (dark: #7ddc9a).
 * @cssprop [--coze-focus-ring=0 0 0 2px #4d53e8] - Focus indicator, a box-shadow (dark: 0 0 0 2px #8f94ff).
 * @cssprop [--coze-font-sans=system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif] - Text font, with CJK faces.
 * @cssprop [--coze-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace] - Code font.
 *
 * @fires coze-chat-sdk-change - The configuration changed; `detail.options`, `detail.code`.
 * @fires coze-chat-sdk-run - Cancelable: Run was pressed; `detail.options`.
 * @fires coze-chat-sdk-toggle - The chat window opened or closed; `detail.open`.
 * @fires coze-chat-sdk-reply - A reply is complete; `detail.content`, ids.
 * @fires coze-chat-sdk-error - A chat request failed; `detail.error`.
 */
export class CozeChatSdkDemo extends ContextConsumer {
  static override styles = styles;

  /** The bot to chat with (`config.bot_id`); wins over the provider's presets. */
  @property({ attribute: 'bot-id' }) botId = '';

  /**
   * An access token for the preview (`auth.token`); wins over the provider's. Prefer the property:
   * an attribute stays visible in the page's DOM.
   */
  @property() token = '';

  /** Talk to this base URL (e.g. `/coze-api` for the local emulator) with the element's own transport. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** Where the bubble and window appear: `inline` (in the element's preview area) or `page` (fixed to the page, as the SDK does). */
  @property({ reflect: true }) placement: 'inline' | 'page' = 'inline';

  /** Show the event timeline: every request and stream event of the chat as it arrives. */
  @property({ type: Boolean, attribute: 'show-events', reflect: true }) showEvents = false;

  /** Only the preview (no form, no code), started at once: for pages that just want the chat. */
  @property({ type: Boolean, attribute: 'preview-only', reflect: true }) previewOnly = false;

  /** Whether the preview runs (the bubble is shown). Set it to start with the preview running. */
  @property({ type: Boolean, reflect: true }) running = false;

  /** Whether the chat window is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The `fetch` of the element's own transport (with `base-url`), e.g. an in-browser emulator's. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  /** Called for a new token after a 4100/4101 when the options turn token refresh on (`auth.onRefreshToken`). */
  @property({ attribute: false }) refreshToken: (() => string | undefined | Promise<string | undefined>) | undefined;

  @state() private tree: LiteralObject = {};
  @state() private version = DEFAULT_SDK_VERSION;
  @state() private region: SdkRegion = 'cn';
  @state() private binding: Snippet['binding'];
  @state() private code = '';
  @state() private codeError: SnippetError | undefined;
  @state() private problems: OptionProblem[] = [];
  @state() private jsonDrafts: FormView['jsonDrafts'] = {};
  @state() private chat: ChatState | undefined;
  @state() private runCode = '';
  @state() private draft = '';
  @state() private files: File[] = [];
  @state() private listOpen = false;
  @state() private announcement = '';
  @state() private codeNotice = '';
  @state() private windowNotice = '';
  @state() private voice: WindowView['voice'] = 'idle';
  @state() private copiedId: string | undefined;
  @state() private highlightVersion = 0;
  @state() private reasoningOpen = new Set<string>();
  @state() private toolDrafts: Record<string, Record<string, string>> = {};
  @state() private timelineVersion = 0;

  private client: ChatClient | undefined;
  private preview: PreviewModule | undefined;
  /** Bumped by every start and stop, so that a late module load does not start a stopped preview. */
  private generation = 0;
  private starting = false;
  private pendingMessage: string | undefined;
  private initialized = false;
  private defaultsLocale: Locale | undefined;
  private edited = false;
  private checked = false;
  private revealedShown = false;
  private frame = 0;
  private stick = true;
  /** Where the log was scrolled to by the element itself (to tell the visitor's scrolling from it). */
  private autoScrollTop = 0;
  private focusNext: 'window' | 'bubble' | 'problem' | undefined;
  private readonly lexers = new Map<string, IncrementalMarkdown>();
  private recorder: MediaRecorder | undefined;

  /** The embed code as shown (the token hidden unless revealed). */
  get embedCode(): string {
    return this.code;
  }

  /** The SDK options as the form and code hold them (the token as a placeholder unless revealed). */
  get sdkOptions(): LiteralObject {
    return this.publicOptions();
  }

  /** The options with `auth.token` replaced by the placeholder, unless the user revealed the token. */
  private publicOptions(): LiteralObject {
    const token = this.treeToken();
    return token && !this.revealed ? writeField(this.tree, field('token'), TOKEN_PLACEHOLDER) : this.tree;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.initialized) {
      this.initialized = true;
      this.revealedShown = this.session.tokenRevealed;
      this.startFromDefaults();
    }
  }

  /** The first configuration: the bot and token given, texts in the page's language. */
  private startFromDefaults(): void {
    const presets = this.session.presets;
    const current = readField(this.tree, field('botId')).value;
    this.defaultsLocale = this.locale;
    this.tree = defaultOptions({
      botId: this.botId || (typeof current === 'string' && current) || String(presets['bot_id'] ?? ''),
      token: this.token,
      userId: String(presets['user_id'] ?? 'visitor-1'),
      lang: this.locale,
    });
    this.regenerate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopClient();
    this.recorder?.stop();
    this.logObserver?.disconnect();
    this.observedList = undefined;
  }

  private logObserver: ResizeObserver | undefined;
  private observedList: Element | undefined;

  /** While the visitor has not scrolled up, the message list shows its end. */
  private followEnd(): void {
    if (!this.open || !this.stick) return;
    const log = this.renderRoot.querySelector('.log');
    if (!log) return;
    log.scrollTop = log.scrollHeight;
    this.autoScrollTop = log.scrollTop;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const keys = changed as Map<PropertyKey, unknown>;
    // The attributes win: a new bot-id or token goes into the options (and the code).
    if (keys.has('botId') && this.botId && this.botId !== readField(this.tree, field('botId')).value) this.commit(writeField(this.tree, field('botId'), this.botId), false);
    if (keys.has('token') && this.initialized && this.token !== this.treeToken()) this.commit(writeField(this.tree, field('token'), this.token), false);
    // The demo's presets may arrive after the element: a bot id nobody typed follows them.
    const preset = this.session.presets['bot_id'];
    if (!this.edited && !this.botId && typeof preset === 'string' && preset && readField(this.tree, field('botId')).value === '') {
      this.commit(writeField(this.tree, field('botId'), preset), false);
    }
    // A configuration nobody touched follows the page's language (its title, nickname, footer).
    if (!this.edited && this.initialized && this.locale !== this.defaultsLocale) {
      this.startFromDefaults();
      const untouched = this.client?.state.conversations.every((c) => c.items.length === 0);
      if (this.client && untouched) {
        this.stopClient();
        this.startClient();
      }
    }
    if (this.session.tokenRevealed !== this.revealedShown) {
      this.revealedShown = this.session.tokenRevealed;
      if (!this.codeError) this.regenerate();
    }
    if (this.previewOnly && !this.running) this.running = true;
    if (this.running && !this.client && !this.starting) this.startClient();
    if (!this.running && (this.client || this.starting)) this.stopClient();
    if (keys.has('open') && this.open && !this.running) this.open = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.followEnd();
    // Long answers settle their height a frame later (blocks off screen keep an estimated size until
    // they are laid out): the list keeps following the end whenever its content changes size.
    const list = this.renderRoot.querySelector('.log > *') ?? undefined;
    if (list !== this.observedList) {
      this.logObserver ??= new ResizeObserver(() => this.followEnd());
      if (this.observedList) this.logObserver.unobserve(this.observedList);
      if (list) this.logObserver.observe(list);
      this.observedList = list;
    }
    if (this.showEvents) {
      const events = this.renderRoot.querySelector('.events');
      if (events) events.scrollTop = events.scrollHeight;
    }
    // The window may still be loading: the focus waits for its target to exist.
    const target = this.focusNext;
    const element =
      target === 'window'
        ? (this.renderRoot.querySelector<HTMLElement>('#chat-window textarea.input') ?? this.renderRoot.querySelector<HTMLElement>(`#chat-window :is(${FOCUSABLE})`))
        : target === 'bubble'
          ? this.renderRoot.querySelector<HTMLElement>('[part~="bubble"]')
          : target === 'problem'
            ? this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')
            : null;
    if (element) {
      this.focusNext = undefined;
      element.focus();
    }
  }

  // Public methods ------------------------------------------------------------------------------

  /**
   * Applies the configuration: checks it (problems show in the form), fires the cancelable
   * `coze-chat-sdk-run`, then (re)starts the preview with a fresh chat. Returns whether it runs.
   */
  run(): boolean {
    this.checked = true;
    this.problems = checkOptions(this.tree);
    if (this.problems.length) {
      this.focusNext = 'problem';
      return false;
    }
    const event = new CustomEvent('coze-chat-sdk-run', { detail: { options: this.publicOptions() }, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return false;
    this.stopClient();
    this.open = false;
    this.running = true;
    this.startClient();
    return true;
  }

  /** Opens the chat window (as the SDK's `client.showChatBot()`), starting the preview if needed. */
  showChatBot(): void {
    if (!this.running && !this.run()) return;
    if (this.open) return;
    this.open = true;
    this.focusNext = 'window';
    this.stick = true;
    this.dispatchEvent(new CustomEvent('coze-chat-sdk-toggle', { detail: { open: true }, bubbles: true, composed: true }));
  }

  /** Closes the chat window (as `client.hideChatBot()`); the conversation stays. */
  hideChatBot(): void {
    if (!this.open) return;
    this.open = false;
    this.listOpen = false;
    this.focusNext = this.client?.options.bubble ? 'bubble' : undefined;
    this.dispatchEvent(new CustomEvent('coze-chat-sdk-toggle', { detail: { open: false }, bubbles: true, composed: true }));
  }

  /**
   * Sends a message as the visitor would, opening the window first (e.g. for a page's "Ask about
   * pricing" button). Ignored while a reply is still running.
   */
  sendMessage(text: string): void {
    this.showChatBot();
    if (this.client) this.send(text);
    else if (this.running) this.pendingMessage = text;
  }

  // Configuration ---------------------------------------------------------------------------------

  /**
   * What the demo shares with a provider's session (the presets and whether the token is shown); on
   * its own, a small state of its own.
   */
  private get session(): Pick<PlaygroundSession, 'presets' | 'tokenRevealed' | 'setTokenRevealed'> {
    return this.providedSession ?? this.ownSession;
  }

  private readonly ownSession = {
    presets: {} as Presets,
    tokenRevealed: false,
    setTokenRevealed: (revealed: boolean) => {
      this.ownSession.tokenRevealed = revealed;
      this.requestUpdate();
    },
  };

  private get revealed(): boolean {
    return this.session.tokenRevealed;
  }

  private treeToken(): string {
    const v = readField(this.tree, field('token')).value;
    return typeof v === 'string' ? v : '';
  }

  private snippet(): Snippet {
    return { options: this.tree, version: this.version, region: this.region, ...(this.binding ? { binding: this.binding } : {}) };
  }

  private regenerate(): void {
    this.code = printSnippet(this.snippet(), { token: this.treeToken(), revealed: this.revealed });
    this.codeError = undefined;
  }

  private emitChange(): void {
    this.dispatchEvent(new CustomEvent('coze-chat-sdk-change', { detail: { options: this.publicOptions(), code: this.code }, bubbles: true, composed: true }));
  }

  /** New options from the form (or an attribute): the code is printed again. */
  private commit(tree: LiteralObject, byUser = true): void {
    this.tree = tree;
    if (byUser) this.edited = true;
    if (this.checked) this.problems = checkOptions(tree);
    this.regenerate();
    this.emitChange();
  }

  private onField = (f: OptionField, value: FieldInput) => {
    this.commit(writeField(this.tree, f, value));
  };

  private onJson = (f: OptionField, text: string) => {
    if (!text.trim()) {
      this.jsonDrafts = { ...this.jsonDrafts, [f.id]: { text } };
      this.commit(writeField(this.tree, f, undefined));
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      this.jsonDrafts = { ...this.jsonDrafts, [f.id]: { text, error: (err as Error).message } };
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      this.jsonDrafts = { ...this.jsonDrafts, [f.id]: { text, error: this.t('chat.jsonNotObject') } };
      return;
    }
    // The text stays as typed (no reformatting under the caret) while the options take its value.
    this.jsonDrafts = { ...this.jsonDrafts, [f.id]: { text } };
    this.commit(writeField(this.tree, f, parsed as LiteralObject));
  };

  /** Code typed in the editor: when it reads, the form follows; when not, the error says where. */
  private onCode = (code: string) => {
    this.code = code;
    const result = parseSnippet(code, { token: this.treeToken(), version: this.version, region: this.region });
    if (!result.ok) {
      this.codeError = result.error;
      return;
    }
    this.codeError = undefined;
    this.tree = result.snippet.options;
    this.version = result.snippet.version;
    this.region = result.snippet.region;
    this.binding = result.snippet.binding;
    this.jsonDrafts = {};
    this.edited = true;
    if (this.checked) this.problems = checkOptions(this.tree);
    this.emitChange();
  };

  private async copyCode(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.code);
      this.codeNotice = this.t('chat.code.copied');
    } catch {
      this.codeNotice = this.t('chat.code.copyFailed');
    }
    this.announce(this.codeNotice);
  }

  // The preview -------------------------------------------------------------------------------------

  /**
   * The transport the chat uses, asked for at every request (a provider replaces its transport when
   * its settings change): the element's own with `base-url`/`fetch`, else the provider's.
   */
  private chatTransport = (): Transport => {
    if (!this.baseUrl && !this.fetch && this.providedTransport) return this.providedTransport;
    const own = this.ownTransport;
    if (own && own.baseUrl === this.baseUrl && own.fetch === this.fetch && own.token === this.token) return own.transport;
    // On its own (or with its own base-url/fetch): a transport of its own, from the preview chunk.
    const transport = new this.preview!.FetchTransport({ ...(this.baseUrl ? { baseUrl: this.baseUrl } : {}), ...(this.fetch ? { fetch: this.fetch } : {}), ...(this.token ? { token: this.token } : {}) });
    this.ownTransport = { baseUrl: this.baseUrl, fetch: this.fetch, token: this.token, transport };
    return transport;
  };

  private ownTransport: { baseUrl: string; fetch: typeof fetch | undefined; token: string; transport: Transport } | undefined;

  private startClient(): void {
    const generation = ++this.generation;
    this.starting = true;
    void loadPreview().then(
      (preview) => {
        if (generation !== this.generation || !this.running) return;
        this.starting = false;
        this.adoptWindowStyles(preview);
        this.preview = preview;
        this.createClient(preview);
      },
      () => {
        if (generation !== this.generation) return;
        this.starting = false;
        this.running = false;
        this.announce(this.t('chat.stage.loadFailed'));
      },
    );
  }

  /** The bubble and window styles came with the preview chunk: add them to the element's own. */
  private adoptWindowStyles(preview: PreviewModule): void {
    const root = this.renderRoot;
    if (!(root instanceof ShadowRoot) || this.windowStylesAdopted) return;
    this.windowStylesAdopted = true;
    adoptStyles(root, [...(this.constructor as typeof CozeChatSdkDemo).elementStyles, preview.windowStyles]);
  }

  private windowStylesAdopted = false;

  private createClient(preview: PreviewModule): void {
    const options = resolveOptions(this.tree);
    const client = new preview.ChatClient({ options, transport: this.chatTransport, ...(this.refreshToken ? { refreshToken: this.refreshToken } : {}) });
    client.addEventListener('change', this.schedule);
    client.addEventListener('reply', this.onReply);
    client.addEventListener('failure', this.onFailure);
    this.client = client;
    this.chat = client.state;
    this.runCode = this.code;
    this.lexers.clear();
    this.shownChars.clear();
    this.toolDrafts = {};
    this.draft = '';
    this.files = [];
    if (!options.bubble && !this.open) this.showChatBot();
    const pending = this.pendingMessage;
    this.pendingMessage = undefined;
    if (pending) this.send(pending);
  }

  private stopClient(): void {
    this.generation++;
    this.starting = false;
    const client = this.client;
    if (!client) return;
    client.removeEventListener('change', this.schedule);
    client.removeEventListener('reply', this.onReply);
    client.removeEventListener('failure', this.onFailure);
    client.dispose();
    this.client = undefined;
    this.chat = undefined;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Chat changes come in bursts (every stream chunk): the view follows at most once per frame. */
  private schedule = () => {
    if (this.frame) return;
    const flush = () => {
      this.frame = 0;
      this.revealBudget = REVEAL_PER_FRAME;
      if (!this.client) return;
      this.chat = this.client.state;
      this.timelineVersion++;
    };
    this.frame = document.visibilityState === 'hidden' ? (setTimeout(flush, 50) as unknown as number) : requestAnimationFrame(flush);
  };

  private onReply = (event: Event) => {
    const { item, conversationId, chatId } = (event as CustomEvent<{ item?: ReplyItem; conversationId?: string; chatId?: string }>).detail;
    const content = item?.content ?? '';
    this.announce(this.tw('chat.w.announce.reply', { title: this.windowTitle(), text: excerpt(content, 200) }));
    this.dispatchEvent(
      new CustomEvent('coze-chat-sdk-reply', {
        detail: { content, ...(conversationId ? { conversationId } : {}), ...(chatId ? { chatId } : {}), ...(item?.messageId ? { messageId: item.messageId } : {}) },
        bubbles: true,
        composed: true,
      }),
    );
  };

  private onFailure = (event: Event) => {
    const { error } = (event as CustomEvent<{ error: TransportError }>).detail;
    this.announce(this.tw('chat.w.announce.error', { text: pick(error.message, this.windowLocale) }));
    this.dispatchEvent(new CustomEvent('coze-chat-sdk-error', { detail: { error }, bubbles: true, composed: true }));
  };

  private announce(text: string): void {
    // The same words twice in a row are still announced: the region's text must change.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private get windowLocale(): Locale {
    return this.client?.options.lang ?? this.locale;
  }

  private tw = (key: MessageKey, values?: Record<string, string | number>) => msg(this.windowLocale, key, values);

  private windowTitle(): string {
    return this.client?.options.title || this.tw('chat.w.defaultTitle');
  }

  private get codeTheme(): 'light' | 'dark' {
    const theme = this.getAttribute('data-theme');
    if (theme === 'dark') return 'dark';
    if (theme === 'auto' && typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches) return 'dark';
    return 'light';
  }

  /**
   * The blocks of a reply as far as it is shown. A streamed reply is revealed at most
   * `REVEAL_PER_FRAME` characters per frame, so a burst (a fast stream, a long answer arriving at
   * once) is lexed and laid out over several frames instead of in one long one.
   */
  private tokensOf = (item: ReplyItem): readonly Token[] => {
    let lexer = this.lexers.get(item.id);
    if (!lexer) this.lexers.set(item.id, (lexer = new this.preview!.IncrementalMarkdown()));
    const total = item.content.length;
    const before = this.shownChars.get(item.id);
    const live = item.state === 'streaming' || item.state === 'waiting';
    // A reply first seen finished (a reopened conversation) shows at once. Otherwise it grows only in
    // the frame's own render (see `schedule`), not in renders a keystroke asks for.
    let shown = total;
    if (before !== undefined || live) {
      const step = Math.min(this.revealBudget, total - (before ?? 0));
      this.revealBudget -= step;
      shown = (before ?? 0) + step;
    }
    this.shownChars.set(item.id, shown);
    // More to reveal, or the last piece just went on screen: the reply's busy state (read before this
    // call) needs one more frame to catch up.
    if (shown < total || (before !== undefined && before < total)) this.schedule();
    return lexer.lex(shown === total ? item.content : item.content.slice(0, shown));
  };

  /** Characters of each reply on screen (see `tokensOf`). */
  private readonly shownChars = new Map<string, number>();
  /** Characters replies may still grow by in this frame's render. */
  private revealBudget = 0;

  /** The reply has arrived but is still being revealed: it stays "busy" until it is all on screen. */
  private revealing = (item: ReplyItem): boolean => {
    const shown = this.shownChars.get(item.id);
    return shown !== undefined && shown < item.content.length;
  };

  private toggleBubble = () => (this.open ? this.hideChatBot() : this.showChatBot());

  /** Focus stays in the open window; Escape closes it. */
  private onWindowKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (this.listOpen) this.listOpen = false;
      else this.hideChatBot();
      return;
    }
    if (e.key !== 'Tab') return;
    const win = this.renderRoot.querySelector('#chat-window');
    if (!win) return;
    const focusable = [...win.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]') && el.getClientRects().length > 0);
    if (!focusable.length) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    const active = (this.renderRoot as ShadowRoot).activeElement;
    if (e.shiftKey && (active === first || !win.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !win.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  private send = (text?: string) => {
    const client = this.client;
    // One chat at a time: while a reply runs, what was typed stays in the input.
    if (!client || client.state.busy) return;
    const content = text ?? this.draft;
    const files = text === undefined ? this.files : [];
    if (text === undefined) {
      this.draft = '';
      this.files = [];
    }
    this.stick = true;
    this.windowNotice = '';
    void client.send(content, files);
  };

  private async copyReply(itemId: string, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copiedId = itemId;
      this.announce(this.tw('chat.w.copied'));
      setTimeout(() => {
        if (this.copiedId === itemId) this.copiedId = undefined;
      }, 2000);
    } catch {
      this.windowNotice = this.tw('chat.w.copyFailed');
    }
  }

  private async toggleVoice(): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (this.recorder && this.voice === 'recording') {
      this.recorder.stop();
      return;
    }
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      this.windowNotice = this.tw('chat.w.micUnavailable');
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      this.windowNotice = this.tw('chat.w.micUnavailable');
      return;
    }
    const recorder = new MediaRecorder(stream);
    const chunks: Blob[] = [];
    recorder.addEventListener('dataavailable', (e) => chunks.push(e.data));
    recorder.addEventListener('stop', () => {
      for (const track of stream.getTracks()) track.stop();
      this.recorder = undefined;
      this.voice = 'transcribing';
      const type = recorder.mimeType || 'audio/webm';
      void client.transcribe(new Blob(chunks, { type }), `speech.${type.includes('ogg') ? 'ogg' : 'webm'}`).then((result) => {
        this.voice = 'idle';
        if ('error' in result) this.windowNotice = pick(result.error.message, this.windowLocale);
        else if (result.text) this.draft = this.draft ? `${this.draft} ${result.text}` : result.text;
      });
    });
    this.recorder = recorder;
    this.voice = 'recording';
    recorder.start();
  }

  private windowView(options: ResolvedOptions, chat: ChatState): WindowView {
    const client = this.client!;
    const md: MarkdownView = {
      theme: this.codeTheme,
      onHighlighted: this.onHighlighted,
      newTab: this.tw('chat.w.newTab'),
      copyCode: this.tw('chat.w.copyCode'),
      onCopy: (text) => void this.copyReply('code', text),
    };
    return {
      options,
      state: chat,
      tw: this.tw,
      locale: this.windowLocale,
      title: this.windowTitle(),
      md,
      tokensOf: this.tokensOf,
      revealing: this.revealing,
      draft: this.draft,
      files: this.files,
      notice: this.windowNotice,
      listOpen: this.listOpen,
      reasoningOpen: this.reasoningOpen,
      toolDrafts: this.toolDrafts,
      voice: this.voice,
      copiedId: this.copiedId,
      onKeydown: this.onWindowKeydown,
      onClose: () => this.hideChatBot(),
      onDraft: (text) => (this.draft = text),
      onSend: this.send,
      onStop: () => void client.stop(),
      onRetry: (id) => void client.retry(id),
      onPickFiles: (files) => (this.files = [...this.files, ...files].slice(0, MAX_FILES)),
      onRemoveFile: (index) => (this.files = this.files.filter((_, i) => i !== index)),
      onClear: () => void client.clearContext(),
      onNew: () => {
        client.newConversation();
        this.listOpen = false;
      },
      onToggleList: () => (this.listOpen = !this.listOpen),
      onSwitch: (id) => {
        client.switchTo(id);
        this.listOpen = false;
        this.stick = true;
      },
      onFeedback: (id, type) => void client.feedback(id, type),
      onCopy: (id, text) => void this.copyReply(id, text),
      onToggleReasoning: (id) => {
        const next = new Set(this.reasoningOpen);
        if (!next.delete(id)) next.add(id);
        this.reasoningOpen = next;
      },
      onToolDraft: (itemId, callId, text) => (this.toolDrafts = { ...this.toolDrafts, [itemId]: { ...this.toolDrafts[itemId], [callId]: text } }),
      onSubmitTool: (itemId) => void client.submitTools(itemId, this.toolDrafts[itemId] ?? {}),
      onVoice: () => void this.toggleVoice(),
      onLogScroll: (e) => {
        // Following the reply stops when the visitor scrolls up, and resumes at the bottom. (Heights of
        // blocks that come into view change as they render, so only a move up counts as leaving.)
        const log = e.target as HTMLElement;
        if (log.scrollHeight - log.scrollTop - log.clientHeight < 48) this.stick = true;
        else if (log.scrollTop < this.autoScrollTop - 8) this.stick = false;
        this.autoScrollTop = Math.min(this.autoScrollTop, log.scrollTop);
      },
    };
  }

  /** Highlighted code arrives block by block: the window renders again at most once a frame. */
  private onHighlighted = () => {
    if (this.highlightFrame) return;
    this.highlightFrame = requestAnimationFrame(() => {
      this.highlightFrame = 0;
      this.highlightVersion++;
    });
  };

  private highlightFrame = 0;

  // Rendering ---------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<div part="base" class="layout">
      ${this.previewOnly ? nothing : html`${this.renderConfigurator()}${this.renderCode()}`} ${this.renderPreview()}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderConfigurator(): TemplateResult {
    const view: FormView = {
      tree: this.tree,
      locale: this.locale,
      t: (key, values) => this.t(key, values),
      problems: this.problems,
      jsonDrafts: this.jsonDrafts,
      tokenRevealed: this.revealed,
      hasFallbackToken: Boolean(this.providedTransport) || Boolean(this.token),
      version: this.version,
      region: this.region,
      onField: this.onField,
      onJson: this.onJson,
      onRevealToken: () => this.session.setTokenRevealed(!this.revealed),
      onVersion: (version) => {
        if (!/^[\w.+-]+$/.test(version)) return;
        this.version = version;
        this.regenerate();
        this.emitChange();
      },
      onRegion: (region) => {
        this.region = region;
        this.regenerate();
        this.emitChange();
      },
    };
    return html`<section part="configurator" class="panel" aria-labelledby="config-title">
      <h3 id="config-title" class="panel-title">${this.t('chat.configurator')}</h3>
      ${renderForm(view)}
    </section>`;
  }

  private renderCode(): TemplateResult {
    const error = this.codeError;
    const stale = this.running && this.runCode !== this.code && !error;
    return html`<section part="code" class="panel" aria-labelledby="code-title">
      <div class="code-bar">
        <h3 id="code-title" class="panel-title">${this.t('chat.code.title')}</h3>
        <span class="spacer"></span>
        <button type="button" class="ghost" aria-pressed=${this.revealed ? 'true' : 'false'} @click=${() => this.session.setTokenRevealed(!this.revealed)}>${this.t(this.revealed ? 'chat.token.hide' : 'chat.token.show')}</button>
        <button type="button" class="ghost" @click=${() => void this.copyCode()}>${icons.copy} ${this.t('chat.code.copy')}</button>
        <button type="button" part="run" class="primary" @click=${() => this.run()}>${this.running ? this.t('chat.rerun') : this.t('chat.run')}</button>
      </div>
      ${renderEditor({ code: this.code, label: this.t('chat.code.label'), ...(error ? { errorLine: error.line, errorId: 'code-error' } : {}), onInput: this.onCode })}
      ${error
        ? html`<div class="code-error" id="code-error" role="alert">
            <p>${this.t('chat.code.error', { line: error.line, column: error.column, message: pick(error.message, this.locale) })}</p>
            <p class="muted">${this.t('chat.code.kept')}</p>
            <button type="button" class="ghost" @click=${() => (this.regenerate(), this.emitChange())}>${this.t('chat.code.reset')}</button>
          </div>`
        : nothing}
      ${this.problems.length ? html`<p class="problem" role="alert">${this.t('chat.problems')}</p>` : nothing}
      ${stale ? html`<p class="hint">${this.t('chat.stale')}</p>` : nothing}
      ${this.codeNotice ? html`<p class="hint" aria-hidden="true">${this.codeNotice}</p>` : nothing}
    </section>`;
  }

  private renderPreview(): TemplateResult {
    const events = this.showEvents ? this.renderTimeline() : nothing;
    if (this.placement === 'page') {
      return html`<div part="preview" class="preview page">${this.renderFloating()}${events}</div>`;
    }
    return html`<div part="preview" class="preview inline ${this.showEvents ? 'with-events' : ''}">
      <div part="stage" class="stage" role="region" aria-label=${this.t('chat.stage.label')}>${this.renderStageNote()}${this.renderFloating()}</div>
      ${events}
    </div>`;
  }

  private renderStageNote(): TemplateResult {
    const options = this.client?.options;
    const key: MessageKey = !this.running ? 'chat.stage.idle' : options && !options.bubble ? 'chat.stage.noBubble' : 'chat.stage.ready';
    return html`<div class="stage-note">
      <p>${this.t(key)}</p>
      ${this.running && options && !options.bubble && !this.open ? html`<button type="button" class="ghost" @click=${() => this.showChatBot()}>${this.t('chat.stage.open')}</button>` : nothing}
    </div>`;
  }

  /** The bubble and the window (inside the stage, or fixed to the page). */
  private renderFloating(): TemplateResult | typeof nothing {
    const client = this.client;
    const chat = this.chat;
    if (!this.running || !client || !chat) return nothing;
    const options = client.options;
    const title = this.windowTitle();
    const z = cssomStyle({ 'z-index': options.zIndex });
    const hideBubble = !options.bubble || (this.open && options.layout === 'mobile');
    return html`${hideBubble
      ? nothing
      : html`<button
          type="button"
          part="bubble"
          class="bubble ${this.open ? 'is-open' : ''}"
          ${z}
          aria-label=${this.open ? this.tw('chat.w.bubbleClose', { title }) : this.tw('chat.w.bubble', { title })}
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-haspopup="dialog"
          @click=${this.toggleBubble}
        >
          ${this.open ? icons.close : options.icon ? html`<img src=${options.icon} alt="" referrerpolicy="no-referrer" />` : icons.bot}
        </button>`}
    ${this.open && this.preview ? this.preview.renderWindow(this.windowView(options, chat)) : nothing}`;
  }

  private renderTimeline(): TemplateResult {
    // The timeline is a live list in the client; `timelineVersion` changes when it grows.
    void this.timelineVersion;
    const timeline = this.client?.timeline ?? { entries: [], total: 0 };
    const shown = timeline.entries.slice(-TIMELINE_SHOWN);
    const hidden = timeline.total - shown.length;
    return html`<aside part="timeline" class="timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title" class="panel-title">${this.t('chat.events.title')}</h3>
      ${timeline.total === 0 ? html`<p class="muted">${this.t('chat.events.empty')}</p>` : nothing}
      ${hidden > 0 ? html`<p class="muted small">${this.t('chat.events.hidden', { count: hidden })}</p>` : nothing}
      <ol class="events" tabindex="0" aria-label=${this.t('chat.events.title')}>
        ${repeat(
          shown,
          (e) => e.index,
          (e) => html`<li class=${e.kind}><span class="at">+${e.at} ms</span> <span class="name">${e.label}</span>${e.detail ? html` <span class="detail">${e.detail}</span>` : nothing}</li>`,
        )}
      </ol>
    </aside>`;
  }
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/[`*_#>|~[\]()]/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export type { FieldId };

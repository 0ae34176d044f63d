/**
 * The chat window the SDK opens from its bubble: header, messages (markdown answers, reasoning,
 * follow-up chips, tool-call cards, errors with retry), the composer and the footer. Pure rendering
 * from a {@link WindowView}; the element owns state, focus and the chat client.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatItem, ChatState, ErrorItem, ReplyItem, ToolItem, UserItem } from '../../core/chat-sdk/client.js';
import type { Token } from '../../core/chat-sdk/markdown.js';
import { footerSegments, safeHttpUrl, type ResolvedOptions } from '../../core/chat-sdk/options.js';
import { pick, type Locale, type MessageKey } from '../../i18n/index.js';
import { icons } from './icons.js';
import { cssomStyle } from '../shared/cssom-style.js';
import { answerBlocks, type MarkdownView } from './markdown.js';

export interface WindowView {
  options: ResolvedOptions;
  state: ChatState;
  /** Strings in the window's language (the SDK's `ui.base.lang`). */
  tw: (key: MessageKey, values?: Record<string, string | number>) => string;
  locale: Locale;
  title: string;
  md: MarkdownView;
  tokensOf: (item: ReplyItem) => readonly Token[];
  /** The reply has arrived but is not all on screen yet (a burst is revealed over a few frames). */
  revealing: (item: ReplyItem) => boolean;
  draft: string;
  files: readonly File[];
  /** A short message above the composer (microphone unavailable, copy failed…). */
  notice: string;
  listOpen: boolean;
  reasoningOpen: ReadonlySet<string>;
  toolDrafts: Readonly<Record<string, Readonly<Record<string, string>>>>;
  voice: 'idle' | 'recording' | 'transcribing';
  copiedId: string | undefined;
  onKeydown: (e: KeyboardEvent) => void;
  onClose: () => void;
  onDraft: (text: string) => void;
  onSend: (text?: string) => void;
  onStop: () => void;
  onRetry: (errorItemId: string) => void;
  onPickFiles: (files: File[]) => void;
  onRemoveFile: (index: number) => void;
  onClear: () => void;
  onNew: () => void;
  onToggleList: () => void;
  onSwitch: (conversationLocalId: string) => void;
  onFeedback: (itemId: string, type: 'like' | 'unlike' | undefined) => void;
  onCopy: (itemId: string, text: string) => void;
  onToggleReasoning: (itemId: string) => void;
  onToolDraft: (itemId: string, callId: string, text: string) => void;
  onSubmitTool: (itemId: string) => void;
  onVoice: () => void;
  onLogScroll: (e: Event) => void;
}


/** A picture from an http(s) address, or the default icon. */
function avatar(url: string | undefined, fallback: TemplateResult | string): TemplateResult {
  const src = safeHttpUrl(url);
  return html`<span class="avatar" aria-hidden="true">${src ? html`<img src=${src} alt="" referrerpolicy="no-referrer" />` : fallback}</span>`;
}

function renderHeader(v: WindowView): TemplateResult {
  const o = v.options;
  if (!o.header) return html`<h2 id="chat-title" class="sr-only">${v.title}</h2>`;
  return html`<header part="header">
    ${o.conversations
      ? html`<button type="button" class="icon-button" aria-label=${v.tw('chat.w.conversations')} aria-expanded=${v.listOpen ? 'true' : 'false'} aria-controls="conversation-list" @click=${v.onToggleList}>${icons.list}</button>`
      : nothing}
    ${avatar(o.icon, icons.bot)}
    <h2 id="chat-title">${v.title}</h2>
    <span class="spacer"></span>
    ${o.newConversation ? html`<button type="button" class="icon-button" aria-label=${v.tw('chat.w.newConversation')} title=${v.tw('chat.w.newConversation')} ?disabled=${v.state.busy} @click=${v.onNew}>${icons.plus}</button>` : nothing}
    ${o.headerClose ? html`<button type="button" class="icon-button" part="close" aria-label=${v.tw('chat.w.close')} title=${v.tw('chat.w.close')} @click=${v.onClose}>${icons.close}</button>` : nothing}
  </header>`;
}

function renderList(v: WindowView): TemplateResult {
  return html`<nav id="conversation-list" part="conversations" aria-label=${v.tw('chat.w.conversations')}>
    <button type="button" class="ghost wide" ?disabled=${v.state.busy} @click=${v.onNew}>${icons.plus} ${v.tw('chat.w.newConversation')}</button>
    <ul>
      ${v.state.conversations.map(
        (c) => html`<li>
          <button type="button" class="conversation" aria-current=${c.localId === v.state.currentId ? 'true' : 'false'} ?disabled=${v.state.busy} @click=${() => v.onSwitch(c.localId)}>${c.title || v.tw('chat.w.untitled')}</button>
        </li>`,
      )}
    </ul>
  </nav>`;
}

function renderUser(v: WindowView, item: UserItem): TemplateResult {
  const user = v.options.user;
  return html`<li class="msg user">
    ${avatar(user.avatar, (user.nickname || v.tw('chat.w.you')).slice(0, 1))}
    <div class="body">
      <span class="sr-only">${user.nickname || v.tw('chat.w.you')}:</span>
      ${item.text ? html`<p class="plain">${item.text}</p>` : nothing}
      ${item.attachments.length
        ? html`<ul class="attachments">
            ${item.attachments.map(
              (a) => html`<li class="attachment ${a.state}">
                ${a.preview ? html`<img src=${a.preview} alt="" />` : nothing}<span>${a.name}</span>
                ${a.state === 'uploading' ? html`<span class="muted">${v.tw('chat.w.uploading')}</span>` : a.state === 'failed' ? html`<span class="danger">${v.tw('chat.w.uploadFailed')}</span>` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>
  </li>`;
}

function renderReasoning(v: WindowView, item: ReplyItem): TemplateResult | typeof nothing {
  if (!item.reasoning) return nothing;
  const thinking = item.state === 'streaming' && !item.content;
  const open = v.reasoningOpen.has(item.id) || thinking;
  const id = `reasoning-${item.id}`;
  return html`<div class="reasoning">
    <button type="button" class="reasoning-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} @click=${() => v.onToggleReasoning(item.id)}>
      ${thinking ? v.tw('chat.w.thinking') : v.tw('chat.w.thought')}
    </button>
    <div id=${id} class="reasoning-text" ?hidden=${!open}>${item.reasoning}</div>
  </div>`;
}

function renderReply(v: WindowView, item: ReplyItem, last: boolean): TemplateResult {
  const o = v.options;
  const revealing = v.revealing(item);
  const streaming = item.state === 'streaming' || item.state === 'waiting' || revealing;
  const settled = (item.state === 'done' || item.state === 'stopped') && !revealing;
  return html`<li class="msg bot ${item.state}" aria-busy=${streaming ? 'true' : 'false'}>
    ${avatar(o.icon, icons.bot)}
    <div class="body">
      <span class="sr-only">${v.title}:</span>
      ${o.functionCalls && item.functionCalls.length
        ? html`<ul class="calls">
            ${item.functionCalls.map((c) => html`<li><span class="call-name">${v.tw('chat.w.call', { name: c.name || '?' })}</span> <code>${c.arguments}</code></li>`)}
          </ul>`
        : nothing}
      ${renderReasoning(v, item)}
      ${item.state === 'waiting' && !item.content && !item.reasoning ? html`<p class="typing"><span class="dots" aria-hidden="true"><i></i><i></i><i></i></span><span class="sr-only">${v.tw('chat.w.waiting')}</span></p>` : nothing}
      ${item.content ? html`<div class="md">${answerBlocks(v.tokensOf(item), v.md, streaming)}</div>` : nothing}
      ${item.state === 'stopped' ? html`<p class="note">${v.tw('chat.w.stopped')}</p>` : nothing}
      ${settled && item.content
        ? html`<div class="actions">
            <button type="button" class="icon-button small" aria-label=${v.copiedId === item.id ? v.tw('chat.w.copied') : v.tw('chat.w.copy')} title=${v.tw('chat.w.copy')} @click=${() => v.onCopy(item.id, item.content)}>${icons.copy}</button>
            ${o.feedback && item.messageId
              ? html`<button type="button" class="icon-button small" aria-label=${v.tw('chat.w.like')} title=${v.tw('chat.w.like')} aria-pressed=${item.feedback === 'like' ? 'true' : 'false'} @click=${() => v.onFeedback(item.id, item.feedback === 'like' ? undefined : 'like')}>${icons.like}</button>
                  <button type="button" class="icon-button small" aria-label=${v.tw('chat.w.unlike')} title=${v.tw('chat.w.unlike')} aria-pressed=${item.feedback === 'unlike' ? 'true' : 'false'} @click=${() => v.onFeedback(item.id, item.feedback === 'unlike' ? undefined : 'unlike')}>${icons.unlike}</button>`
              : nothing}
            ${v.copiedId === item.id ? html`<span class="muted">${v.tw('chat.w.copied')}</span>` : nothing}
          </div>`
        : nothing}
      ${last && item.state === 'done' && item.followUps.length
        ? html`<div class="chips" role="group" aria-label=${v.tw('chat.w.suggestions')}>
            ${item.followUps.map((q) => html`<button type="button" class="chip" ?disabled=${v.state.busy} @click=${() => v.onSend(q)}>${q}</button>`)}
          </div>`
        : nothing}
    </div>
  </li>`;
}

function renderTool(v: WindowView, item: ToolItem): TemplateResult {
  const drafts = v.toolDrafts[item.id] ?? {};
  const editable = item.state === 'pending';
  const titleId = `tool-${item.id}`;
  return html`<li class="msg tool">
    <div class="tool-card" role="group" aria-labelledby=${titleId}>
      <p class="tool-title" id=${titleId}>${v.tw('chat.w.tool.title', { name: item.calls.map((c) => c.name).join(', ') })}</p>
      ${item.calls.map((c) => {
        const id = `out-${item.id}-${c.id}`;
        const value = drafts[c.id] ?? item.outputs?.[c.id] ?? '';
        return html`<div class="tool-call">
          <p class="muted">${v.tw('chat.w.tool.args')}</p>
          <pre class="args">${c.arguments || '{}'}</pre>
          <label for=${id}>${v.tw('chat.w.tool.output', { name: c.name })}</label>
          <textarea id=${id} rows="2" spellcheck="false" placeholder=${v.tw('chat.w.tool.placeholder')} .value=${value} ?readonly=${!editable} @input=${(e: Event) => v.onToolDraft(item.id, c.id, (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>`;
      })}
      ${editable
        ? html`<button type="button" class="primary" ?disabled=${v.state.busy || item.calls.some((c) => !(drafts[c.id] ?? '').trim())} @click=${() => v.onSubmitTool(item.id)}>${v.tw('chat.w.tool.submit')}</button>`
        : html`<p class="note">${item.state === 'sending' ? v.tw('chat.w.tool.sending') : v.tw('chat.w.tool.sent')}</p>`}
    </div>
  </li>`;
}

function renderError(v: WindowView, item: ErrorItem): TemplateResult {
  const e = item.error;
  const facts = [e.code !== undefined ? v.tw('chat.w.error.code', { code: String(e.code) }) : '', e.logid ? `logid ${e.logid}` : ''].filter(Boolean).join(' · ');
  return html`<li class="msg error">
    <div class="error-card">
      <p class="error-title">${pick(e.message, v.locale)}</p>
      ${e.hint ? html`<p>${pick(e.hint, v.locale)}</p>` : nothing}
      ${e.serviceMessage ? html`<p class="muted">${e.serviceMessage}</p>` : nothing}
      ${facts ? html`<p class="muted small">${facts}</p>` : nothing}
      ${item.retry ? html`<button type="button" class="ghost" ?disabled=${v.state.busy} @click=${() => v.onRetry(item.id)}>${v.tw('chat.w.retry')}</button>` : nothing}
    </div>
  </li>`;
}

function renderItem(v: WindowView, item: ChatItem, last: boolean): TemplateResult {
  switch (item.kind) {
    case 'user':
      return renderUser(v, item);
    case 'reply':
      return renderReply(v, item, last);
    case 'tool':
      return renderTool(v, item);
    case 'error':
      return renderError(v, item);
    case 'divider':
      return html`<li class="divider" role="separator"><span>${v.tw('chat.w.cleared')}</span></li>`;
  }
}

function renderMessages(v: WindowView): TemplateResult {
  const conversation = v.state.conversations.find((c) => c.localId === v.state.currentId);
  const items = conversation?.items ?? [];
  const lastReply = [...items].reverse().find((i) => i.kind === 'reply')?.id;
  return html`<div part="messages" class="log" tabindex="0" aria-label=${v.tw('chat.w.messages')} @scroll=${v.onLogScroll}>
    ${items.length === 0 ? html`<div class="empty">${avatar(v.options.icon, icons.bot)}<p>${v.tw('chat.w.empty', { title: v.title })}</p></div>` : nothing}
    <ol>
      ${repeat(
        items,
        (i) => i.id,
        (i) => renderItem(v, i, i.id === lastReply),
      )}
    </ol>
  </div>`;
}

function renderComposer(v: WindowView): TemplateResult {
  const o = v.options;
  const streaming = v.state.streaming;
  const canSend = !v.state.busy && (v.draft.trim() !== '' || v.files.length > 0);
  return html`<div part="composer">
    ${v.notice ? html`<p class="notice">${v.notice}</p>` : nothing}
    ${v.files.length
      ? html`<ul class="pending-files">
          ${v.files.map(
            (f, i) => html`<li class="file-chip"><span>${f.name}</span><button type="button" class="icon-button small" aria-label=${v.tw('chat.w.removeFile', { name: f.name })} @click=${() => v.onRemoveFile(i)}>${icons.close}</button></li>`,
          )}
        </ul>`
      : nothing}
    <div class="composer-row">
      ${o.clearContext ? html`<button type="button" class="icon-button" aria-label=${v.tw('chat.w.clear')} title=${v.tw('chat.w.clear')} ?disabled=${v.state.busy} @click=${v.onClear}>${icons.broom}</button>` : nothing}
      ${o.uploadable
        ? html`<label class="icon-button file-button" title=${v.tw('chat.w.upload')}>
            ${icons.attach}<span class="sr-only">${v.tw('chat.w.upload')}</span>
            <input
              type="file"
              multiple
              class="file-input"
              ?disabled=${v.state.busy}
              @change=${(e: Event) => {
                const input = e.target as HTMLInputElement;
                v.onPickFiles([...(input.files ?? [])]);
                input.value = '';
              }}
            />
          </label>`
        : nothing}
      <textarea
        class="input"
        rows="1"
        aria-label=${v.tw('chat.w.input')}
        placeholder=${v.tw('chat.w.placeholder')}
        .value=${v.draft}
        @input=${(e: Event) => v.onDraft((e.target as HTMLTextAreaElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            if (canSend) v.onSend();
          }
        }}
      ></textarea>
      ${o.audio
        ? html`<button type="button" class="icon-button ${v.voice}" aria-label=${v.voice === 'recording' ? v.tw('chat.w.micStop') : v.tw('chat.w.mic')} aria-pressed=${v.voice === 'recording' ? 'true' : 'false'} ?disabled=${v.voice === 'transcribing' || v.state.busy} @click=${v.onVoice}>${icons.mic}</button>`
        : nothing}
      ${streaming
        ? html`<button type="button" class="icon-button stop" part="stop" aria-label=${v.tw('chat.w.stop')} title=${v.tw('chat.w.stop')} @click=${v.onStop}>${icons.stop}</button>`
        : html`<button type="button" class="icon-button send" part="send" aria-label=${v.tw('chat.w.send')} title=${v.tw('chat.w.send')} ?disabled=${!canSend} @click=${() => v.onSend()}>${icons.send}</button>`}
    </div>
  </div>`;
}

function renderFooter(v: WindowView): TemplateResult | typeof nothing {
  const o = v.options;
  if (!o.footer) return nothing;
  const segments = o.footerText ? footerSegments(o.footerText, o.footerLinks) : [v.tw('chat.w.footer')];
  return html`<footer part="footer">
    ${segments.map((s) => (typeof s === 'string' ? s : html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}<span class="sr-only"> ${v.md.newTab}</span></a>`))}
  </footer>`;
}

/** The open chat window (a modal dialog: focus stays inside, Escape closes it). */
export function renderWindow(v: WindowView): TemplateResult {
  const o = v.options;
  return html`<section
    part="window"
    id="chat-window"
    class="window ${o.layout}"
    role="dialog"
    aria-modal="true"
    aria-labelledby="chat-title"
    lang=${v.locale}
    ${cssomStyle({ '--_window-width': `${o.width}px`, 'z-index': o.zIndex !== undefined ? o.zIndex + 1 : undefined })}
    @keydown=${v.onKeydown}
  >
    ${renderHeader(v)} ${v.listOpen && o.conversations ? renderList(v) : nothing} ${renderMessages(v)} ${renderComposer(v)} ${renderFooter(v)}
  </section>`;
}


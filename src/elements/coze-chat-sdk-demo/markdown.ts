/**
 * Markdown tokens (from `marked`'s lexer) as Lit templates. Nothing is ever parsed as HTML: raw HTML
 * in an answer shows as text, links work only for http(s) (opening in a new tab, `rel=noopener`),
 * pictures load only from http(s). Settled blocks are skipped on re-render (`guard` on the token).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Token, Tokens } from 'marked';
import { safeHttpUrl } from '../../core/chat-sdk/options.js';
import { tokensFor, type CodeLines } from './highlight.js';
import { cssomStyle } from '../shared/cssom-style.js';

export interface MarkdownView {
  theme: 'light' | 'dark';
  /** Called when highlighted code becomes ready (render again). */
  onHighlighted: () => void;
  /** Accessible text appended to links that open in a new tab. */
  newTab: string;
  copyCode: string;
  onCopy: (text: string) => void;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', hellip: '…', mdash: '—', ndash: '–' };

/** Character references in text (`&amp;`, `&#39;`) as the characters they stand for. */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

function inline(tokens: readonly Token[] | undefined, view: MarkdownView): unknown[] {
  return (tokens ?? []).map((t) => inlineToken(t, view));
}

function inlineToken(t: Token, view: MarkdownView): unknown {
  switch (t.type) {
    case 'text': {
      const text = t as Tokens.Text;
      return text.tokens?.length ? inline(text.tokens, view) : decode(text.raw);
    }
    case 'escape':
      return (t as Tokens.Escape).text;
    case 'strong':
      return html`<strong>${inline((t as Tokens.Strong).tokens, view)}</strong>`;
    case 'em':
      return html`<em>${inline((t as Tokens.Em).tokens, view)}</em>`;
    case 'del':
      return html`<del>${inline((t as Tokens.Del).tokens, view)}</del>`;
    case 'codespan':
      return html`<code>${(t as Tokens.Codespan).text}</code>`;
    case 'br':
      return html`<br />`;
    case 'link': {
      const link = t as Tokens.Link;
      const href = safeHttpUrl(link.href);
      const content = inline(link.tokens, view);
      // Anything but http(s) (javascript:, data:, relative paths) stays plain text.
      if (!href) return html`<span class="unsafe-link">${content}</span>`;
      return html`<a href=${href} target="_blank" rel="noopener noreferrer" title=${link.title ?? nothing}>${content}<span class="sr-only"> ${view.newTab}</span></a>`;
    }
    case 'image': {
      const image = t as Tokens.Image;
      const src = safeHttpUrl(image.href);
      if (!src) return image.text ? html`<span class="unsafe-link">[${image.text}]</span>` : nothing;
      return html`<img src=${src} alt=${image.text} loading="lazy" referrerpolicy="no-referrer" />`;
    }
    case 'html':
      // Raw HTML is shown, not interpreted.
      return (t as Tokens.HTML).raw;
    case 'checkbox':
      return nothing;
    default:
      return 'tokens' in t && t.tokens ? inline(t.tokens, view) : t.raw;
  }
}

function langOf(t: Tokens.Code): string {
  return (t.lang ?? '').trim().split(/\s+/)[0] ?? '';
}

/** A block still being streamed stays plain; it is highlighted (in a worker) once it is complete. */
function highlighted(t: Token, view: MarkdownView, open: boolean): CodeLines | null | undefined {
  return t.type === 'code' && !open ? tokensFor((t as Tokens.Code).text, langOf(t as Tokens.Code), view.theme, view.onHighlighted) : null;
}

function codeBlock(t: Tokens.Code, view: MarkdownView, lines: CodeLines | null | undefined): TemplateResult {
  const lang = langOf(t);
  const body = lines
    ? lines.map(
        (line, i) =>
          html`${i ? '\n' : ''}${line.map((tok) =>
            tok.color || tok.italic || tok.bold ? html`<span ${cssomStyle({ color: tok.color, 'font-style': tok.italic ? 'italic' : undefined, 'font-weight': tok.bold ? '600' : undefined })}>${tok.text}</span>` : tok.text,
          )}`,
      )
    : t.text;
  return html`<div class="code-block">
    <div class="code-head"><span class="code-lang">${lang || 'text'}</span><button type="button" class="icon-button small" @click=${() => view.onCopy(t.text)}>${view.copyCode}</button></div>
    <pre tabindex="0"><code>${body}</code></pre>
  </div>`;
}

function heading(t: Tokens.Heading, view: MarkdownView): TemplateResult {
  const content = inline(t.tokens, view);
  switch (t.depth) {
    case 1:
      return html`<h1>${content}</h1>`;
    case 2:
      return html`<h2>${content}</h2>`;
    case 3:
      return html`<h3>${content}</h3>`;
    case 4:
      return html`<h4>${content}</h4>`;
    case 5:
      return html`<h5>${content}</h5>`;
    default:
      return html`<h6>${content}</h6>`;
  }
}

function listItem(item: Tokens.ListItem, view: MarkdownView): TemplateResult {
  return html`<li class=${item.task ? 'task' : ''}>
    ${item.task ? html`<input type="checkbox" disabled .checked=${Boolean(item.checked)} aria-label=${item.text} />` : nothing}${blocks(item.tokens, view, false)}
  </li>`;
}

function table(t: Tokens.Table, view: MarkdownView): TemplateResult {
  const align = (a: Tokens.TableCell['align']) => cssomStyle({ 'text-align': a ?? undefined });
  return html`<div class="table-wrap" tabindex="0">
    <table>
      <thead>
        <tr>
          ${t.header.map((c) => html`<th scope="col" ${align(c.align)}>${inline(c.tokens, view)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${t.rows.map((row) => html`<tr>${row.map((c) => html`<td ${align(c.align)}>${inline(c.tokens, view)}</td>`)}</tr>`)}
      </tbody>
    </table>
  </div>`;
}

function block(t: Token, view: MarkdownView, open: boolean, lines?: CodeLines | null): unknown {
  switch (t.type) {
    case 'space':
    case 'def':
      return nothing;
    case 'paragraph':
      return html`<p>${inline((t as Tokens.Paragraph).tokens, view)}</p>`;
    case 'heading':
      return heading(t as Tokens.Heading, view);
    case 'code':
      return codeBlock(t as Tokens.Code, view, lines);
    case 'blockquote':
      return html`<blockquote>${blocks((t as Tokens.Blockquote).tokens, view, false)}</blockquote>`;
    case 'list': {
      const list = t as Tokens.List;
      const items = list.items.map((i) => listItem(i, view));
      return list.ordered ? html`<ol start=${typeof list.start === 'number' ? list.start : nothing}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'table':
      return table(t as Tokens.Table, view);
    case 'hr':
      return html`<hr />`;
    case 'html':
      return html`<p class="raw-html">${(t as Tokens.HTML).raw}</p>`;
    case 'text': {
      const text = t as Tokens.Text;
      return text.tokens?.length ? inline(text.tokens, view) : decode(text.raw);
    }
    case 'checkbox':
      return nothing;
    default:
      return html`<p>${t.raw}</p>`;
  }
}

/**
 * Block tokens as templates. With `streaming`, the last blocks are the ones still growing: their code
 * is not highlighted yet. Each block re-renders only when its token, its highlighting or the theme
 * changed, so a long answer costs little per frame.
 */
export function blocks(tokens: readonly Token[], view: MarkdownView, streaming: boolean): unknown[] {
  const last = tokens.length - 1;
  return tokens.map((t, i) => {
    const open = streaming && i >= last - 1;
    const lines = highlighted(t, view, open);
    return guard([t, open, view.theme, lines, view.newTab], () => block(t, view, open, lines));
  });
}

/** Blocks per group of a long answer (see `answerBlocks`). */
const GROUP = 40;

/**
 * The blocks of a whole answer, in groups of `GROUP`. A group whose blocks are all settled is skipped
 * as one unit while the answer grows (no per-block work), and off screen the browser skips its style
 * and layout (`content-visibility` on `.md-group`): a 100,000-character answer costs about as much per
 * frame as a short one.
 */
export function answerBlocks(tokens: readonly Token[], view: MarkdownView, streaming: boolean): unknown[] {
  if (tokens.length <= GROUP) return [html`<div class="md-group">${blocks(tokens, view, streaming)}</div>`];
  const groups: unknown[] = [];
  const openFrom = streaming ? tokens.length - 2 : tokens.length;
  for (let start = 0; start < tokens.length; start += GROUP) {
    const slice = tokens.slice(start, start + GROUP);
    const live = start + slice.length > openFrom;
    // What can still change in a settled group: its code blocks' highlighting and the display settings.
    const code = slice.filter((t) => t.type === 'code').map((t) => highlighted(t, view, false));
    const render = () => html`<div class="md-group">${blocks(slice, view, live && streaming)}</div>`;
    groups.push(live ? render() : guard([slice[0], slice.length, view.theme, view.newTab, ...code], render));
  }
  return groups;
}

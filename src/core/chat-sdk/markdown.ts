/**
 * Markdown for a streaming answer: lexed with `marked` into tokens (never turned into HTML here), and
 * lexed incrementally. While an answer grows, only its last blocks can still change meaning, so the
 * earlier ones are kept (same token objects, so a view can skip them) and only the end is read again.
 */
import { Lexer, type Token, type TokensList } from 'marked';

export type { Token } from 'marked';

/** Blocks at the end that more text may still change (a paragraph that becomes a table, a list that grows). */
const OPEN_BLOCKS = 2;

export class IncrementalMarkdown {
  private text = '';
  private settled: Token[] = [];
  private settledLength = 0;
  private links: TokensList['links'] = Object.create(null) as TokensList['links'];
  private tokensValue: Token[] = [];

  /** The block tokens of `text`; settled blocks keep their identity across calls while text is appended. */
  lex(input: string): readonly Token[] {
    const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
    if (text === this.text) return this.tokensValue;
    if (!text.startsWith(this.text)) this.reset();
    const rest = text.slice(this.settledLength);
    const lexer = new Lexer({ gfm: true });
    Object.assign(lexer.tokens.links, this.links);
    const fresh = lexer.lex(rest);
    const consumed = fresh.reduce((n, t) => n + t.raw.length, 0);
    // If the lexer did not account for every character, nothing can be settled safely.
    const settle = consumed === rest.length ? Math.max(0, fresh.length - OPEN_BLOCKS) : 0;
    for (let i = 0; i < settle; i++) {
      const token = fresh[i]!;
      this.settled.push(token);
      this.settledLength += token.raw.length;
    }
    if (settle) Object.assign(this.links, fresh.links);
    this.text = text;
    this.tokensValue = [...this.settled, ...fresh.slice(settle)];
    return this.tokensValue;
  }

  private reset(): void {
    this.settled = [];
    this.settledLength = 0;
    this.links = Object.create(null) as TokensList['links'];
  }
}

/** Lexes a whole text at once (for finished answers). */
export function lexMarkdown(text: string): readonly Token[] {
  return new IncrementalMarkdown().lex(text);
}

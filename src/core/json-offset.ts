/**
 * The offset of the first character where `text` stops being JSON (`undefined` when it is valid JSON,
 * or nested too deep to follow). Browsers' `JSON.parse` errors do not always say where (Chromium's
 * "Unexpected token" names no position), and a user needs a line and column to find the mistake.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const stop = (): never => {
    throw i;
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) stop();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) stop();
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') stop();
          string();
          space();
          if (text[i] !== ':') stop();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else stop();
      }
    }
    if (c === '"') return string();
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 512));
    if (!literal) stop();
    i += literal![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : undefined;
  } catch (offset) {
    // A RangeError is a nesting too deep to follow: no position then.
    return typeof offset === 'number' ? offset : undefined;
  }
}

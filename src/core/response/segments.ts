/**
 * A long, growing text (a streamed answer) cut into blocks of about `size` characters at line ends,
 * so that a view can render each block in its own element: when text is appended only the last
 * block changes, and the browser lays out that block alone instead of the whole answer.
 *
 * Cuts are stable while the text grows: a cut depends only on the text before it. Each cut is at a
 * line end at least `size` characters into its block (the line feed itself is dropped: the block
 * boundary is the line break); a line longer than `2 × size` is cut at its last space (or anywhere).
 */
export function textSegments(text: string, size = 2048): string[] {
  const out: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    const lineEnd = text.indexOf('\n', start + size);
    if (lineEnd !== -1 && lineEnd - start <= 2 * size) {
      out.push(text.slice(start, lineEnd));
      start = lineEnd + 1;
      continue;
    }
    // No line end in reach: the block stays open until the text is long enough to cut a line.
    if (text.length - start <= 2 * size) break;
    const limit = start + 2 * size;
    const space = text.lastIndexOf(' ', limit);
    const cut = space > start + size ? space + 1 : limit;
    out.push(text.slice(start, cut));
    start = cut;
  }
  out.push(text.slice(start));
  return out;
}

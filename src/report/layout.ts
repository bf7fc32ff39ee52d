/**
 * Fitting the text report to the terminal (issue 15): words wrap whole (wrap-ansi; a word
 * longer than the line stays whole rather than break), and a source line too long for the
 * terminal is shown as a window around the flagged span, so the ^^^ underline stays under its
 * word. Widths are display columns (string-width: wide characters and emoji count two).
 */
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';

/** `text` as lines of at most `width` columns (no limit when width is undefined). */
export function wrap(text: string, width: number | undefined): string[] {
  if (width === undefined) return text.split('\n');
  return wrapAnsi(text, Math.max(10, width), { hard: false, trim: true, wordWrap: true }).split('\n');
}

/**
 * `first` then `text` wrapped: the first line starts with `first`, the following ones with
 * `indent` (a hanging indent of the same width).
 */
export function hang(first: string, text: string, width: number | undefined, indent = ' '.repeat(stringWidth(first))): string[] {
  const lines = wrap(text, width === undefined ? undefined : width - stringWidth(indent));
  return lines.map((l, i) => (i === 0 ? first : indent) + l);
}

/**
 * The part of a source line to show and where the underline goes, in display columns.
 * `start`/`end` are character (code point) indexes into `chars`.
 */
export function sourceWindow(chars: string[], start: number, end: number, width: number | undefined): { text: string; pad: number; len: number } {
  const w = (a: number, b: number): number => stringWidth(chars.slice(a, b).join(''));
  end = Math.max(end, start + 1);
  if (width === undefined || w(0, chars.length) <= width) {
    return { text: chars.join(''), pad: w(0, start), len: Math.max(1, w(start, end)) };
  }
  // Begin at a word start far enough left to give some context, and end at a word end.
  const room = Math.max(width - 2, w(start, end)); // 2 for the ellipses
  let from = start;
  const context = Math.floor((room - w(start, end)) / 3);
  while (from > 0 && w(from - 1, start) <= context) from--;
  while (from > 0 && from < start && /\S/.test(chars[from - 1])) from++; // to a word start
  let to = end;
  while (to < chars.length && w(from, to + 1) <= room) to++;
  if (to < chars.length) {
    let cut = to;
    while (cut > end && /\S/.test(chars[cut])) cut--; // back to a word end
    if (cut > end) to = cut;
  }
  const left = from > 0 ? '…' : '';
  const right = to < chars.length ? '…' : '';
  return { text: left + chars.slice(from, to).join('').trimEnd() + right, pad: stringWidth(left) + w(from, start), len: Math.max(1, w(start, Math.min(end, to))) };
}

export { stringWidth };

/**
 * Offsets <-> 1-based line:column. Offsets are UTF-16 indexes into the draft's text (BOM
 * removed); columns count characters (code points), so an emoji or "ë" is one column.
 * A CRLF ends a line at the \r; the \r itself is never counted in a column.
 */
export interface Position {
  line: number;
  column: number;
}

export class LineMap {
  private readonly starts: number[] = [0];
  /** Offsets of the high surrogates of surrogate pairs, in order (usually none). */
  private readonly pairs: number[] = [];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.pairs.push(i);
      }
    }
  }

  /**
   * The 1-based line and column of an offset, in logarithmic time: a 200,000-character line
   * with thousands of findings must not be counted through once per finding.
   */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = upperBound(this.starts, o) - 1;
    const start = this.starts[line];
    // a pair counts as one character when the whole pair is before the offset
    const pairsBefore = this.pairs.length ? upperBound(this.pairs, o - 2) - upperBound(this.pairs, start - 1) : 0;
    return { line: line + 1, column: o - start - pairsBefore + 1 };
  }

  /** The text of a 1-based line, without its line ending. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /** Offset of a 1-based line:column (the inverse of position, for parsers that give line:col). */
  offset(line: number, column: number): number {
    const start = this.starts[Math.max(0, line - 1)] ?? this.text.length;
    let o = start;
    for (let c = 1; c < column && o < this.text.length; c++) {
      const ch = this.text.charCodeAt(o);
      o += ch >= 0xd800 && ch <= 0xdbff ? 2 : 1;
    }
    return o;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** The number of items of the sorted `xs` that are <= x. */
function upperBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Strip a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

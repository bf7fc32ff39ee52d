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

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  /** The 1-based line and column of an offset. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo];
    let column = 1;
    for (let i = start; i < o; i++) {
      const c = this.text.charCodeAt(i);
      // a high surrogate followed by a low one is one character
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < o) {
        const d = this.text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      column++;
    }
    return { line: lo + 1, column };
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

/** Strip a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

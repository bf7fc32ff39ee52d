/**
 * A draft's text as HTML with its flagged spans highlighted: a pure function (no I/O, no
 * state) shared by the HTML report and any page that shows a draft. Every character of the
 * text is escaped; spans are given as the report gives them (1-based line and column counted
 * in Unicode code points, end exclusive) and may overlap: each stretch of text is wrapped once,
 * with the numbers of every mark covering it.
 */

export interface Mark {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Shown as a superscript after the span and used to link to the explanation. */
  n: number;
  severity: 'error' | 'warning' | 'info';
  /** Plain text for the tooltip (escaped here). */
  title: string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Code-unit offset of (line, column) in `text`; columns count code points. */
function offsetOf(lineStarts: number[], text: string, line: number, column: number): number {
  const start = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1];
  let i = start;
  for (let c = 1; c < column && i < text.length && text[i] !== '\n'; c++) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

export function highlightHtml(text: string, marks: Mark[], opts: { idPrefix?: string } = {}): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const spans = marks
    .map((m) => ({ m, start: offsetOf(lineStarts, text, m.line, m.column), end: offsetOf(lineStarts, text, m.endLine, m.endColumn) }))
    .map((s) => (s.end > s.start ? s : { ...s, end: Math.min(text.length, s.start + 1) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const prefix = opts.idPrefix ?? 'f';
  let out = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const piece = escapeHtml(text.slice(a, b));
    const over = spans.filter((s) => s.start < b && s.end > a);
    if (over.length === 0) {
      out += piece;
      continue;
    }
    const worst = over.reduce((w, s) => (rank[s.m.severity] < rank[w.m.severity] ? s : w)).m.severity;
    const title = escapeHtml(over.map((s) => `${s.m.n}. ${s.m.title}`).join('\n'));
    out += `<mark class="${worst}" title="${title}">${piece}</mark>`;
    const ending = over.filter((s) => s.end === b);
    if (ending.length) out += ending.map((s) => `<sup><a href="#${escapeHtml(prefix)}${s.m.n}">${s.m.n}</a></sup>`).join('');
  }
  return out;
}

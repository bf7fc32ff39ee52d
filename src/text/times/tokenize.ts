/** The times tokenizer: numbers, words and single punctuation marks, with the gaps between them. */

export interface Tok {
  s: number;
  e: number;
  t: string;
  l: string;
  k: 'n' | 'w' | 'p';
  /** No space between this token and the previous one. */
  att: boolean;
  /** A blank line (paragraph break) before this token: never part of the same time. */
  brk: boolean;
  /** A line break before this token. */
  nl: boolean;
}

const TOKEN_RE = /\d+|[A-Za-z]+(?:['’][A-Za-z]+)*|\S/gu;

export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let prevEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    const s = m.index;
    const c = t.charCodeAt(0);
    const k: Tok['k'] = c >= 48 && c <= 57 ? 'n' : /^[A-Za-z]/.test(t) ? 'w' : 'p';
    let nls = 0;
    for (let i = prevEnd; i < s; i++) if (text.charCodeAt(i) === 10) nls++;
    out.push({ s, e: s + t.length, t, l: t.toLowerCase().replace(/’/g, "'"), k, att: s === prevEnd && out.length > 0, brk: nls >= 2, nl: nls >= 1 });
    prevEnd = s + t.length;
  }
  return out;
}


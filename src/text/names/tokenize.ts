/**
 * The name tokeniser: words with offsets, capitals, possessives, sentence starts, Title Case
 * lines and the gaps that join the parts of one name.
 */
import { normKey } from './normalize.js';
import { words } from './words.js';

export type Cap = 'lower' | 'title' | 'upper' | 'other';

export interface Tok {
  start: number;
  /** End of the name itself (a possessive 's is outside). */
  end: number;
  /** End including a possessive suffix. */
  fullEnd: number;
  raw: string;
  key: string;
  cap: Cap;
  /** The possessive suffix as written ("'s", "’s", "’", "'"), or ''. */
  poss: string;
  /** First word of a sentence, a line, a heading or a list item. */
  sentStart: boolean;
  /** Text between the previous token and this one. */
  gap: string;
  /** All letters, digits only. */
  numeric: boolean;
  /** On a line written in Title Case or capitals (a heading): capitals say little there. */
  titleLine: boolean;
  /** The gap before joins this token to the previous one as parts of one name (see joinsName). */
  join: boolean;
  /** A piece of a CamelCase hashtag or handle after its first piece. */
  tag?: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}]+)*['’ʼ]?/gu;

function capOf(s: string): Cap {
  if (/^[A-Za-z]+$/.test(s)) {
    const c = s.charCodeAt(0);
    if (c >= 97) return 'lower';
    if (s.length > 1 && s === s.toUpperCase()) return 'upper';
    return 'title';
  }
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (!letters) return 'other';
  const first = letters[0];
  const isUp = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
  if (!isUp(first)) return first === first.toLowerCase() && first !== first.toUpperCase() ? 'lower' : 'other';
  if (letters.length > 1 && isUp(letters) && letters === letters.toUpperCase()) return 'upper';
  return 'title';
}

/**
 * Tokens of `text` (usually Draft.prose), with offsets into it. `isName` (optional) tells which
 * keys are known names, so a sentence full of names is not taken for a Title Case heading.
 */
export function tokenize(text: string, isName?: (key: string) => boolean): Tok[] {
  const toks: Tok[] = [];
  let prevEnd = 0;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    let raw = m[0];
    const start = m.index;
    const fullEnd = start + raw.length;
    let poss = '';
    const last = raw.charCodeAt(raw.length - 1);
    const pm = (last === 115 || last === 83 || last > 127 || last === 39) && raw.length > 2 ? /(['’ʼ][sS]|['’ʼ])$/.exec(raw) : null;
    if (pm && raw.length - pm[0].length >= 2) {
      poss = pm[0];
      raw = raw.slice(0, raw.length - poss.length);
    }
    const gap = text.slice(prevEnd, start);
    const prev = toks[toks.length - 1];
    const sentStart =
      !prev ||
      (gap !== ' ' && /[\n\r]/.test(gap) || (/[.!?…]["'”’)\]]*\s*["'“‘(\[]*\s*$/.test(gap) && !isInitialDot(prev, gap)));
    // A hashtag or handle written in CamelCase is several words: #WellDoneAmelia, #AmeliaHughes.
    const tag = start > 0 && (text[start - 1] === '#' || text[start - 1] === '@') && /\p{Ll}\p{Lu}/u.test(raw);
    const pieces = tag ? camelPieces(raw) : [raw];
    let off = start;
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k];
      const lastPiece = k === pieces.length - 1;
      const g = k === 0 ? gap : '';
      toks.push({
        start: off,
        end: off + piece.length,
        fullEnd: lastPiece ? fullEnd : off + piece.length,
        raw: piece,
        key: normKey(piece),
        cap: capOf(piece),
        poss: lastPiece ? poss : '',
        sentStart: k === 0 ? sentStart : false,
        gap: g,
        numeric: piece.charCodeAt(0) < 58 && /^\p{N}+$/u.test(piece),
        titleLine: false,
        join: k === 0 ? joinsName(gap) : true,
        tag: k > 0,
      });
      off += piece.length;
    }
    prevEnd = fullEnd;
  }
  markTitleLines(toks, isName);
  return toks;
}

function camelPieces(raw: string): string[] {
  return raw.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u).filter(Boolean);
}

/** "Jack S. went": the dot after a single capital is an initial, not a sentence end. */
function isInitialDot(prev: Tok, gap: string): boolean {
  return prev.raw.length === 1 && /^\p{Lu}$/u.test(prev.raw) && /^\.[ \t]*$/.test(gap);
}

const SMALL = words.small;

/** A line where nearly every longer word is capitalised is a heading or a title: capitals say little. */
function markTitleLines(toks: Tok[], isName?: (key: string) => boolean): void {
  let i = 0;
  while (i < toks.length) {
    let j = i + 1;
    while (j < toks.length && !/[\n\r]/.test(toks[j].gap)) j++;
    // Count without the known names first (a list of names is not a heading); if that leaves
    // too few words to judge, count them too ("# Well Done Will!").
    let words = 0;
    let caps = 0;
    let allWords = 0;
    let allCaps = 0;
    for (let k = i; k < j; k++) {
      const t = toks[k];
      if (t.numeric || SMALL.has(t.key)) continue;
      const capital = t.cap === 'title' || t.cap === 'upper';
      allWords++;
      if (capital) allCaps++;
      if (isName?.(t.key)) continue;
      words++;
      if (capital) caps++;
    }
    if (words < 3 && allWords <= 4) {
      words = allWords;
      caps = allCaps;
    }
    if (words >= 3 && caps >= words - 0 && caps / words >= 0.99) {
      for (let k = i; k < j; k++) toks[k].titleLine = true;
    } else if (words >= 4 && caps / words >= 0.75) {
      for (let k = i; k < j; k++) toks[k].titleLine = true;
    }
    i = j;
  }
}

/** True when the text between two tokens joins the parts of one name: spaces, one line break, a hyphen. */
export function joinsName(gap: string): boolean {
  if (gap === ' ') return true;
  return gap.length <= 12 && /^[\s\-‐‑]*$/u.test(gap) && (gap.match(/\n/g)?.length ?? 0) <= 1;
}

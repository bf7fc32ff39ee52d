/**
 * Words of a sentence for scoring: tokens with offsets, clause breaks, a lexicon look-up that
 * knows "-ly" and "'s", and the two ways capitals are read (emphasis, or a name in Title Case).
 */

export interface Token {
  /** Lower-cased word, curly apostrophe straightened. */
  w: string;
  raw: string;
  start: number;
  end: number;
  /** True for punctuation that ends a clause (, ; : — –). */
  brk: boolean;
  /** Valence after negation, intensity, capitals and contrast. */
  v: number;
  /** Covered by a phrase, sarcasm or kindly match: not scored as a word. */
  covered: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[,;:—–()]|\s-\s/gu;

/** @handles, URLs and e-mail addresses are not words: blank them (same length) before scoring. */
const NOT_WORDS_RE = /https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+|@[\p{L}\p{N}_]+/gu;

export function tokenize(s: string): Token[] {
  const toks: Token[] = [];
  const masked = s.includes('@') || s.includes('http') || s.includes('www.') ? s.replace(NOT_WORDS_RE, (m) => ' '.repeat(m.length)) : s;
  for (const m of masked.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const brk = !/[\p{L}\p{N}]/u.test(raw);
    toks.push({ w: brk ? raw.trim() : raw.toLowerCase().replace(/’/g, "'"), raw, start: m.index!, end: m.index! + raw.length, brk, v: 0, covered: false });
  }
  return toks;
}

/** Every word (and every word without a possessive 's, and the parts of "drop-off") for the phrases' quick filter. */
export function wordSet(lowered: string): Set<string> {
  const set = new Set<string>();
  for (const w of lowered.split(/[^\p{L}\p{N}'_-]+/u)) {
    if (!w) continue;
    set.add(w);
    const bare = w.replace(/^['-]+|['-]+$/g, '');
    set.add(bare);
    if (bare.endsWith("'s")) set.add(bare.slice(0, -2));
    if (bare.includes('-')) for (const part of bare.split('-')) if (part) set.add(part);
  }
  return set;
}

export function lookup(lex: Map<string, number>, w: string): number | undefined {
  let v = lex.get(w);
  if (v !== undefined) return v;
  if (w.endsWith("'s")) return lex.get(w.slice(0, -2));
  if (w.length > 5 && w.endsWith('ily')) {
    v = lex.get(w.slice(0, -3) + 'y'); // happily -> happy
    if (v !== undefined) return v;
  }
  if (w.length > 4 && w.endsWith('ly')) {
    v = lex.get(w.slice(0, -2)); // brilliantly -> brilliant
    if (v !== undefined) return v;
    v = lex.get(w.slice(0, -2) + 'e');
    if (v !== undefined) return v;
  }
  return undefined;
}

export function lowerSameLength(s: string): string {
  const l = s.toLowerCase();
  return l.length === s.length ? l : s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface Capitals {
  /** Words in capitals that read as emphasis (not acronyms, not a heading in capitals). */
  emphasis: Set<Token>;
  /** Title Case words inside ordinary text: names and titles ("Horrible Histories"), not feelings. */
  inName: Set<Token>;
}

/** How the capitals of a sentence read. `acronyms` are upper case already (PE, PTA). */
export function readCapitals(s: string, toks: Token[], acronyms: Set<string>): Capitals {
  const words = toks.filter((x) => !x.brk && /\p{L}/u.test(x.raw));
  const caps = toks.filter(
    (x) => !x.brk && x.raw.length >= 2 && /^[\p{Lu}'’]+$/u.test(x.raw) && /\p{Lu}{2}/u.test(x.raw) && !acronyms.has(x.raw.replace(/['’]S$/, '')),
  );
  // Mostly capitals: a heading ("SPORTS DAY RESULTS"), not emphasis, unless it ends in "!"
  // ("PLEASE STOP PARKING ON THE ZIG ZAGS!!!" shouts).
  const mostlyCaps = words.length > 0 && caps.length / words.length > 0.5;
  const shouting = mostlyCaps && !/!\s*$/.test(s);
  const emphasis = new Set(shouting ? [] : caps);
  const isTitle = (x: Token | undefined) => !!x && !x.brk && /^\p{Lu}\p{Ll}/u.test(x.raw);
  const titleWords = words.filter((x) => isTitle(x)).length;
  const titleCaseLine = words.length >= 3 && titleWords / words.length > 0.6;
  const inName = new Set<Token>();
  if (!titleCaseLine) {
    for (let i = 0; i < toks.length; i++) {
      if (!isTitle(toks[i])) continue;
      // The first word is capitalised anyway: it belongs to a name only before two more
      // capitalised words ("Horrible Histories Live"), not before a name ("Sadly Mr Ahmed").
      if (i === 0 ? isTitle(toks[1]) && isTitle(toks[2]) : isTitle(toks[i - 1]) || isTitle(toks[i + 1])) inName.add(toks[i]);
    }
  }
  return { emphasis, inName };
}

/**
 * The rule files' small phrase language, compiled to linear-time regular expressions:
 * words separated by spaces; `a|b` one of these words; `*` any one word; `word*` any word
 * starting so (a `*` inside a word is any letters: `#*sucks`, `@*help`); `word?` an optional
 * word; ` | ` (with spaces) separates whole alternative phrases. Text is lower-cased first.
 */
import type { PhraseSpec } from './options.js';

export interface CompiledPhrase {
  re: RegExp;
  weight: number;
  label: string;
  source: string;
  /** Words one of which a sentence must contain for the phrase to match (null: always try). */
  keys?: string[] | null;
}

export interface Match {
  start: number;
  end: number;
  p: CompiledPhrase;
  text: string;
}

/** A word character without the u flag: anything but white space and punctuation other than ' _ - (phrases run on lower-cased text). */
const WILD_CHAR = "[^\\s!\"#$%&()*+,./:;<=>?@[\\\\\\]^`{|}~\\u2013\\u2014\\u2018-\\u201f\\u2026]";

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function phraseToRegExp(phrase: string): RegExp {
  return new RegExp(phraseToSource(phrase), 'g');
}

/** The regular expression's source for a phrase; throws on a malformed phrase (cheap: no RegExp is built). */
export function phraseToSource(phrase: string): string {
  const alternatives = phrase
    .trim()
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/\s+\|\s+/)
    .map((alt) => {
      const words = alt.split(/\s+/).filter(Boolean);
      if (words.length === 0) throw new Error(`empty phrase in "${phrase}"`);
      let re = '';
      let needSep = false;
      for (let w of words) {
        const optional = w.length > 1 && w.endsWith('?');
        if (optional) w = w.slice(0, -1);
        const alts = w
          .split('|')
          .filter(Boolean)
          .map((a) => {
            if (a === '*') return `${WILD_CHAR}+`;
            if (a.includes('*')) return a.split('*').map(escapeRe).join(`${WILD_CHAR}*`);
            return escapeRe(a);
          });
        if (alts.length === 0) throw new Error(`empty word in "${phrase}"`);
        const slot = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
        // Words may be separated by spaces or a comma ("once again, some parents").
        const sep = '[\\s,]+';
        if (!needSep) re += optional ? `(?:${slot}${sep})?` : slot;
        else re += optional ? `(?:${sep}${slot})?` : `${sep}${slot}`;
        if (!optional) needSep = true;
      }
      return re;
    });
  // A possessive "'s" may follow ("the council's", "the other school's").
  return `(?<!${WILD_CHAR})(?:${alternatives.join('|')})(?:'s)?(?!${WILD_CHAR})`;
}

/**
 * A quick filter: for each whole alternative, the words of its first required slot. A
 * sentence without any of them cannot match, so its regular expression is not run.
 */
export function phraseKeys(phrase: string): string[] | null {
  const keys: string[] = [];
  for (const alt of phrase.trim().toLowerCase().replace(/[’‘]/g, "'").split(/\s+\|\s+/)) {
    const slot = alt.split(/\s+/).find((w) => w && !(w.length > 1 && w.endsWith('?')));
    if (!slot) return null;
    for (const a of slot.split('|').filter(Boolean)) {
      if (a.includes('*') || !/^[\p{L}\p{N}'_-]+$/u.test(a)) return null;
      keys.push(a);
    }
  }
  return keys;
}

/**
 * A phrase whose RegExp is built on first use. Most phrases are ruled out for a sentence by
 * their keywords, and building ~400 look-around RegExps up front cost ~18 ms a run.
 */
export function lazyPhrase(phrase: string, weight: number, label: string): CompiledPhrase {
  const source = phraseToSource(phrase); // validates now, so a bad phrase fails on load
  let re: RegExp | undefined;
  return {
    get re() {
      // No u flag: the ASCII-negated WILD_CHAR class means the same on lower-cased text and compiles at once.
      return (re ??= new RegExp(source, 'g'));
    },
    keys: phraseKeys(phrase),
    weight,
    label,
    source: phrase,
  };
}

export function compilePhrases(list: PhraseSpec[], defaultWeight: number): CompiledPhrase[] {
  return list.map((p) => {
    const o = typeof p === 'string' ? { phrase: p } : p;
    return lazyPhrase(o.phrase, o.weight ?? defaultWeight, o.label ?? o.phrase.replace(/[|*]/g, (c) => (c === '|' ? '/' : '')));
  });
}

/** Drop matches that lie inside a longer (or earlier, equally long) match. */
function dedupe(ms: Match[]): Match[] {
  ms.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Match[] = [];
  let reach = -1;
  for (const m of ms) {
    if (m.end <= reach) continue;
    out.push(m);
    reach = m.end;
  }
  return out;
}

export const overlaps = (a: Match, ms: Match[]): boolean => ms.some((b) => a.start < b.end && b.start < a.end);

/** Every match of a list in a sentence (lower-cased copy `lowered`; `words` for the quick filter). */
export function findAll(list: CompiledPhrase[], lowered: string, original: string, words: Set<string>): Match[] {
  const out: Match[] = [];
  for (const p of list) {
    if (p.keys && !p.keys.some((k) => words.has(k))) continue;
    p.re.lastIndex = 0;
    for (const m of lowered.matchAll(p.re)) {
      out.push({ start: m.index!, end: m.index! + m[0].length, p, text: original.slice(m.index!, m.index! + m[0].length) });
    }
  }
  return dedupe(out);
}

/**
 * Small text helpers shared by the personal-data stages: sentences, word lists as regular
 * expressions, and spans.
 */

export interface Span {
  start: number;
  end: number;
}

/** Sentences of the prose: ends at . ! ? followed by a space, a blank line, or a heading line's end. */
export function sentences(prose: string): Span[] {
  const out: Span[] = [];
  const re = /[.!?]+["'”’)\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:#|[-*+] |\d+\. ))|(?<=^[ \t]*#[^\n]*)\n/gm;
  let start = 0;
  for (let m = re.exec(prose); m; m = re.exec(prose)) {
    const end = m.index + m[0].length;
    if (prose.slice(start, end).trim()) out.push(trim(prose, start, end));
    start = end;
  }
  if (prose.slice(start).trim()) out.push(trim(prose, start, prose.length));
  return out;
}

function trim(s: string, start: number, end: number): Span {
  while (start < end && /\s/.test(s[start])) start++;
  while (end > start && /\s/.test(s[end - 1])) end--;
  return { start, end };
}

export function escapeRe(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** A word or phrase list as one alternation; phrases match across any whitespace. */
export function alternation(list: readonly string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.trim().split(/\s+/).map(escapeRe).join('\\s+'))
    .join('|');
}

const cache = new Map<string, RegExp>();

/** A cached RegExp of whole words or phrases from a list, case-insensitive by default. */
export function wordsRe(list: readonly string[], flags = 'gi'): RegExp {
  const key = `${flags}\u0000${list.join('\u0000')}`;
  let re = cache.get(key);
  if (!re) {
    re = list.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(list)})(?![\\p{L}\\p{N}])`, `${flags}u`) : /(?!)/g;
    cache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

export function lowerSet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => w.toLowerCase()));
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The words of a stretch of text, lower-cased. */
export function wordsOf(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
}

/** An acronym in a word list ("SEND", "ASD") matches only in capitals, so "send" and "add" stay words. */
function isAcronym(w: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
}

/** Matches of a list of words and phrases, any case except for acronyms. */
export function findTerms(s: string, list: readonly string[]): RegExpMatchArray[] {
  const caps = new Set(list.filter(isAcronym));
  const out: RegExpMatchArray[] = [];
  for (const m of s.matchAll(wordsRe(list))) {
    const upper = m[0].toUpperCase();
    if (caps.has(upper) && m[0] !== upper && !list.some((w) => w.toLowerCase() === m[0].toLowerCase() && !isAcronym(w))) continue;
    out.push(m);
  }
  return out;
}

/** The last sentence of a stretch of text: a stop followed by a capital, ! ? or a blank line ends one ("no. 5", "D.O.B. 04" do not). */
export function lastSentence(s: string): string {
  return s.split(/[!?]\s|\.\s+(?=\p{Lu})|\n\s*\n/u).pop() ?? '';
}

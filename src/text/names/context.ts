/**
 * Context cues that make a roster word someone or something else: a person from outside the
 * school ("BBC presenter Holly Hamilton", "Holly Hamilton from BBC News", "Samuel Pepys"), an
 * author's name for their work ("which Austen book?"), a mascot or a toy ("Bruno the Bear",
 * "our class bear Bruno"), a costume or a part ("dressed as Alice", "a very convincing Alice"),
 * a school value ("our value this half term is Grace").
 *
 * The verdict is 'word': the other rules stay quiet, and a pupil on the no-publish list with
 * the name still gets a warning. A pupil's full name as the roster writes it never reaches
 * here (find.ts reports it first): a full roster name is always a pupil.
 */
import { isNamePart } from './build-index.js';
import { joinsName, type Tok } from './tokenize.js';
import { englishWords, words } from './words.js';
import type { NameIndex } from './types.js';

const sameLine = (t: Tok | undefined) => !!t && !t.sentStart && joinsName(t.gap) && !/\n/.test(t.gap);
const capital = (t: Tok | undefined) => !!t && (t.cap === 'title' || t.cap === 'upper');
/** "Year 4", "Oak Class", "Reception": a place in the school, so "from Year 4" is a pupil's. */
const SCHOOL_PLACE = new Set(['year', 'yr', 'class', 'reception', 'nursery', 'key', 'ks1', 'ks2', 'house', 'our']);

export function outsider(index: NameIndex, toks: Tok[], i: number, n: number, kind: 'first' | 'surname'): 'word' | undefined {
  const t = toks[i];
  if (t.cap !== 'title') return undefined;
  // The whole written name: a capitalised word before a surname, or after a first name.
  let s = i;
  let e = i + n;
  if (kind === 'surname' && sameLine(t) && capital(toks[i - 1]) && !toks[i - 1].poss) s = i - 1;
  if (kind === 'first' && !toks[e - 1].poss && sameLine(toks[e]) && toks[e].cap === 'title') e++;
  const full = e - s >= 2;
  const before = toks[s - 1];
  const after = toks[e];
  const lastPoss = !!toks[e - 1].poss;

  // "Samuel Pepys", "Jane Eyre": a first name with a capitalised word after it that is no name of ours.
  if (kind === 'first' && e > i + n && !t.titleLine) {
    const next = toks[i + n];
    if (!isNamePart(index, next.key) && !words.family.has(next.key) && !englishWords().has(next.key)) return 'word';
  }
  // "author Julia Donaldson", "BBC presenter Holly Hamilton".
  if (full && before && !toks[s].sentStart && sameLine(toks[s]) && words.outsiderRoles.has(before.key)) return 'word';
  if (full && after && !lastPoss && !/\n/.test(after.gap)) {
    // "Holly Hamilton from BBC News", "Jo Marsh of Marsh Photography".
    const org = toks[e + 1];
    if ((after.key === 'from' || after.key === 'of' || after.key === 'at') && sameLine(after) && capital(org) && sameLine(org) && !SCHOOL_PLACE.has(org.key) && !index.classes.has(org.key) && !index.first.has(org.key)) return 'word';
    // "Holly Hamilton, BBC presenter", "Jane Hill (the author)".
    if (/^\s*[,(–—-]\s*$/.test(after.gap)) {
      for (let k = e; k < Math.min(toks.length, e + 4); k++) {
        if (k > e && (toks[k].sentStart || /[,.;:!?)]/.test(toks[k].gap))) break;
        if (words.outsiderRoles.has(toks[k].key) && toks[k].key !== 'character') return 'word';
      }
    }
  }
  // "which Austen book?", "a Dahl story", "Dahl's books": an author's name for the work.
  if (kind === 'surname' && e === i + n && after && sameLine(after) && after.cap === 'lower' && words.workWords.has(after.key)) return 'word';
  // Mascots and toys: "class bear Bruno", "Bruno the Bear".
  const prev = t.sentStart ? undefined : toks[i - 1];
  if (prev && sameLine(t) && prev.cap === 'lower' && words.mascotWords.has(prev.key)) return 'word';
  const the = toks[i + n];
  if (kind === 'first' && the && the.key === 'the' && sameLine(the) && !toks[i + n - 1].poss && toks[i + n + 1]?.cap === 'title' && sameLine(toks[i + n + 1]) && !isNamePart(index, toks[i + n + 1].key)) return 'word';
  // Costumes and parts: "dressed as Alice", "starred as Matilda", "a very convincing Alice".
  if (prev && prev.key === 'as' && toks[i - 2] && words.costumeVerbs.has(toks[i - 2].key)) return 'word';
  if (kind === 'first' && prev && !full) {
    for (let k = i - 1, seen = 0; k >= 0 && seen < 3; k--, seen++) {
      const w = toks[k];
      if (w.key === 'a' || w.key === 'an') {
        if (k < i - 1) return 'word'; // an article with words between: "a very convincing Alice"
        break;
      }
      if (w.cap !== 'lower' || words.prepositions.has(w.key) || words.vocativeNext.has(w.key) || w.key === 'and' || /[,.;:!?]/.test(toks[k + 1].gap)) break;
      if (toks[k].sentStart) break;
    }
  }
  // A value or a theme: "our value this half term is Grace", "This week's word: Hope".
  if (prev && (prev.key === 'is' || prev.key === 'was' || /:\s*$/.test(t.gap))) {
    for (let k = i - 1, seen = 0; k >= 0 && seen < 10; k--, seen++) {
      if (words.valueWords.has(toks[k].key)) return 'word';
      if (toks[k].sentStart) break;
    }
  }
  return undefined;
}

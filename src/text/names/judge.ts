/**
 * Is a roster word used as a name here? For names that are not words the answer is yes; for
 * word-like names ("Rose", "Will", "Green") and surnames shared with someone else ("C.S. Lewis",
 * "Howard Carter") the words around it decide.
 */
import { isNamePart, isWord } from './build-index.js';
import { outsider } from './context.js';
import { joinsName, type Tok } from './tokenize.js';
import { DETERMINERS, LANGUAGES, MODALS, MONTHS, NAME_WORDS, PLACE_NAMES, PLACE_PREP, PLACE_WORDS, PRONOUNS, SUBJECT_VERBS, TITLES, englishWords, firstNamesExtra, words } from './words.js';
import type { IndexedPupil, MatchMode, NameIndex } from './types.js';

/**
 * 'word': the context reads it as a word or as someone else ("proud of Leo" with Leo also a
 * star sign, "by C.S. Lewis", "Howard Carter"), but a reader could still take it for the pupil.
 * Such a match is kept only when a pupil on the no-publish list has the name (a warning there).
 * 'firstBefore': a surname after a capitalised word no pupil has ("Howard Carter"): someone
 * else if that word is a known first name (settled with compromise's name lexicon).
 */
export type Verdict = 'yes' | 'no' | 'maybe' | 'word' | 'firstBefore';

export const FAMILY = words.family;

const VOCATIVE_NEXT = words.vocativeNext;

/**
 * Is the word at toks[i..i+n) used as a name here? For names that are not words the answer is
 * yes; for word-like names ("Rose", "Will", "Green") the context decides.
 */
export function judge(index: NameIndex, toks: Tok[], i: number, n: number, mode: MatchMode, kind: 'first' | 'surname' = 'first'): Verdict {
  const v = judgeWord(index, toks, i, n, mode);
  const t = toks[i];
  if ((v === 'yes' || v === 'maybe') && mode === 'prose' && t.cap === 'title') {
    const other = outsider(index, toks, i, n, kind);
    if (other) return other;
    if (kind === 'surname') return someoneElse(index, toks, i, n) ?? v;
  }
  return v;
}

function judgeWord(index: NameIndex, toks: Tok[], i: number, n: number, mode: MatchMode): Verdict {
  const t = toks[i];
  const wordish = n === 1 && isWord(index, t.key);
  if (mode === 'tag') return 'yes';
  const after = toks[i + n];
  // "Thompson Road", "Hughes Primary School", "Okafor House": a place named after someone.
  if (after && after.cap === 'title' && !after.sentStart && joinsName(after.gap) && PLACE_WORDS.has(after.key) && !isNamePart(index, after.key)) return 'no';
  if (n === 1 && mode === 'prose' && LANGUAGES.has(t.key)) return 'no';
  if (n === 1 && mode === 'prose' && PLACE_NAMES.has(t.key) && i > 0 && !t.sentStart && PLACE_PREP.has(toks[i - 1].key)) return 'no';
  // A list of names: "will and freya", "Rose, Will and Grace": a word-like name joined by "and"
  // or a comma to a name that is not a word is a name too, in any case and any position.
  if (wordish && mode === 'prose' && listedWithName(index, toks, i, n)) return 'yes';
  if (!wordish) return 'yes';
  if (mode === 'words') return after && PLACE_WORDS.has(after.key) ? 'no' : 'word';
  if (t.cap === 'lower' || t.cap === 'other') return 'no';
  // Capitals that are not the writer's choice: a word in an all-capitals line.
  if (t.cap === 'upper') return 'word';
  const prev = t.sentStart ? undefined : toks[i - 1];
  const next = toks[i + n];
  const nextJoined = next && !next.sentStart && joinsName(next.gap);
  const season = MONTHS.has(t.key) || SEASONS.has(t.key);
  if (prev && prev.numeric) return 'no';
  if (prev && DETERMINERS.has(prev.key)) {
    // "the Rose garden", "this Summer", "in May" are words; "proud of Leo", "by Will", "our Leo"
    // may be the pupil (a capital mid-sentence after a preposition or a possessive).
    // ("full of Hope", "a performance of Jack and the Beanstalk" are words and titles.)
    if (season || !(PREPOSITIONS.has(prev.key) || POSSESSIVES.has(prev.key) || RELATIVES.has(prev.key))) return 'no';
    return 'word';
  }
  if (prev && PRONOUNS.has(prev.key) && MODALS.has(t.key)) return 'no';
  // "School Hall", "Village Green", "Burger King", "St Mary's Church": part of a longer proper name.
  if (!t.titleLine && prev && t.join && (prev.cap === 'title' || prev.cap === 'upper') && (!prev.sentStart || t.tag) && (!isNamePart(index, prev.key) || prev.poss) && !TITLES.has(prev.key)) return 'word';
  if (nextJoined && PLACE_WORDS.has(next.key) && !t.poss) return 'no';
  if (!t.titleLine && nextJoined && (next.cap === 'title' || next.cap === 'upper') && !isNamePart(index, next.key)) return 'word';
  if (MONTHS.has(t.key) && nextJoined && (/^\d/.test(next.raw) || /^(st|nd|rd|th)$/.test(next.key))) return 'no';
  if (MONTHS.has(t.key) && prev && (/^\d/.test(prev.raw) || /^(is|was|be|until|till|since|early|late|mid|next|last|this)$/.test(prev.key))) return 'no';
  if (MODALS.has(t.key) && nextJoined && (PRONOUNS.has(next.key) || next.key === 'be' || next.key === 'not')) return 'no';
  if (t.sentStart || t.titleLine) {
    // Spoken to or labelled: "Will, you were brilliant", "Grace: 10 points", "Hope - well done!"
    if (next && !/\n/.test(next.gap) && /^\s*[,:!–—-]\s*$/.test(next.gap) && (VOCATIVE_NEXT.has(next.key) || next.numeric)) return 'yes';
    if (next && next.cap === 'lower' && SUBJECT_VERBS.has(next.key) && !/[,;:]/.test(next.gap)) return 'yes';
    // Doing something to something: "Summer arranging the harvest table", "Will painting a fence".
    const obj = toks[i + n + 1];
    if (
      next && next.cap === 'lower' && nextJoined && /^[a-z]{3,}ing$/.test(next.key) && !t.poss &&
      obj && obj.cap === 'lower' && joinsName(obj.gap) && OBJECT_START.has(obj.key)
    ) return 'yes';
    // A list of names: "Rose and Will", "Rose, Will and Grace".
    if (next && next.key === 'and') {
      const after = toks[i + n + 1];
      if (after && after.cap === 'title' && index.first.has(after.key)) return 'yes';
    }
    if (next && /^\s*,\s*$/.test(next.gap) && next.cap === 'title' && index.first.has(next.key)) return 'yes';
    return 'maybe';
  }
  return 'yes';
}

const SEASONS = words.seasons;
const PREPOSITIONS = words.prepositions;
const LIST_PREP = new Set(['of', 'for', 'with', 'about', 'to']);
/** Words that introduce people: "thanks to jack and poppy", "made by rose and will". */
const PERSON_LEAD = new Set(['to', 'by', 'with', 'from', 'thanks', 'congratulations', 'congrats', 'done']);
/** "the poster that Leo made", "look what Leo found": may start a clause. */
const RELATIVES = new Set(['that', 'what', 'so']);
const POSSESSIVES = words.possessives;
/** Words that start the object of a verb: "arranging the table", "painting our fence". */
const OBJECT_START = words.objectStart;

/** A first name of the roster that is not an everyday word ("Freya", "Amelia"): a sure name. */
function sureFirstName(index: NameIndex, t: Tok | undefined): boolean {
  return !!t && !t.numeric && index.first.has(t.key) && !isWord(index, t.key);
}

/** "will and freya", "freya and will", "Freya, Will": next to a sure name in a list. */
function listedWithName(index: NameIndex, toks: Tok[], i: number, n: number): boolean {
  const t = toks[i];
  const next = toks[i + n];
  const prev = t.sentStart ? undefined : toks[i - 1];
  const season = MONTHS.has(t.key) || SEASONS.has(t.key);
  // "the rose and Amelia", "in May and Amelia", "Summer term": a word here, whatever follows.
  // ("proud of Summer and Amelia" is two pupils: not a time word after "of", "for", "with").
  if (prev && (prev.numeric || (DETERMINERS.has(prev.key) && ((season && !LIST_PREP.has(prev.key)) || !PREPOSITIONS.has(prev.key))))) return false;
  // "we will and Amelia will", "I hope and Amelia agrees": a verb after a pronoun.
  if (prev && (PRONOUNS.has(prev.key) || MODALS.has(prev.key)) && t.cap === 'lower') return false;
  if (next && !next.sentStart && PLACE_WORDS.has(next.key) && joinsName(next.gap)) return false;
  if (next && !/\n/.test(next.gap)) {
    if ((next.key === 'and' || next.raw === '&') && joinsName(next.gap) && !t.poss) {
      const partner = toks[i + n + 1];
      if (partner && joinsName(partner.gap) && sureFirstName(index, partner)) return true;
      // "thanks to jack and poppy for setting up": two first names of ours after a word that
      // introduces people, in the same case.
      if (
        prev && PERSON_LEAD.has(prev.key) && partner && joinsName(partner.gap) && partner.cap === t.cap && !partner.poss &&
        index.first.has(partner.key) && !partner.numeric && !SEASONS.has(partner.key) && !MONTHS.has(partner.key)
      ) return true;
    }
    if (/^\s*,\s*$/.test(next.gap) && sureFirstName(index, next) && t.cap !== 'lower') return true;
  }
  if (prev && !/\n/.test(t.gap) && (prev.key === 'and' || prev.raw === '&') && joinsName(t.gap) && !prev.sentStart) {
    const partner = toks[i - 2];
    const lead = toks[i - 3];
    const pairLead = !!partner && !partner.sentStart && !!lead && PERSON_LEAD.has(lead.key) && partner.cap === t.cap && index.first.has(partner.key) && !SEASONS.has(t.key) && !MONTHS.has(t.key);
    if (partner && joinsName(prev.gap) && !partner.poss && (sureFirstName(index, partner) || pairLead)) {
      // "Amelia and will be there", "Amelia and may go": the verb, unless capitalised or followed
      // by what cannot follow a verb's bare form here.
      const after = toks[i + n];
      const verbAfter = MODALS.has(t.key) && t.cap === 'lower' && after && !after.sentStart && joinsName(after.gap) && !OBJECT_START.has(after.key) && !PREPOSITIONS.has(after.key);
      if (!verbAfter) return true;
    }
  }
  return false;
}

/**
 * A pupil's surname alone that belongs to someone else: an author with initials ("C.S. Lewis"),
 * a person whose first name no pupil has ("Howard Carter"), or a title or another person's
 * name after it ("Robinson Crusoe", "Lewis Hamilton"). 'word', so no-publish still warns.
 */
function someoneElse(index: NameIndex, toks: Tok[], i: number, n: number): Verdict | undefined {
  const t = toks[i];
  const ids = index.last.get(toks.slice(i, i + n).map((x) => x.key).join(''));
  const prev = toks[i - 1];
  // Initials: "C.S. Lewis", "J. R. R. Tolkien". The pupil's own first initial ("A. Hughes") stays a pupil.
  if (prev && !t.sentStart && /^\p{Lu}$/u.test(prev.raw) && /^\.?[ \t]*$/.test(t.gap) && t.gap !== '') {
    let k = i - 1;
    while (k > 0 && /^\p{Lu}$/u.test(toks[k - 1].raw) && /^\.\s*$/.test(toks[k].gap)) k--;
    const firstInitial = toks[k].key;
    const pupilInitial = (ids ?? []).some((id) => index.pupils[id].firstKeys.some((f) => f[0] === firstInitial));
    if (!pupilInitial && (k < i - 1 || /\./.test(t.gap))) return 'word';
  }
  // "Howard Carter": a capitalised first name no pupil has, right before the surname (whether
  // the word is a first name, not "Congrats" or "Hooray", is settled with compromise's lexicon).
  if (
    prev && t.join && joinsName(t.gap) && !/\n/.test(t.gap) && prev.cap === 'title' && prev.key.length > 2 && !prev.poss &&
    !index.first.has(prev.key) && !index.last.has(prev.key) && !index.lastPart.has(prev.key) &&
    (!(englishWords().has(prev.key) || NAME_WORDS.has(prev.key)) || firstNamesExtra().has(prev.key)) && !t.tag && !TITLES.has(prev.key) && !DETERMINERS.has(prev.key) && !PRONOUNS.has(prev.key)
  ) return 'firstBefore';
  // "Robinson Crusoe", "Lewis Hamilton": another capitalised word straight after, not a name of ours.
  const next = toks[i + n];
  if (
    !t.titleLine && next && !next.sentStart && next.join && joinsName(next.gap) && !/\n/.test(next.gap) && !toks[i + n - 1].poss &&
    next.cap === 'title' && !isNamePart(index, next.key) && !FAMILY.has(next.key) && !englishWords().has(next.key)
  ) return 'word';
  return undefined;
}

export function noPublishAmong(index: NameIndex, ids: number[]): boolean {
  return ids.some((id) => index.pupils[id].noPublish);
}

export function ids2pupils(index: NameIndex, ids: number[]): IndexedPupil[] {
  return ids.map((id) => index.pupils[id]);
}

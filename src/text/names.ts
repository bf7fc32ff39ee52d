/**
 * The pupil-name index: built once per run from the school's roster, staff list, no-publish
 * list, class names and allowed names; matched against a draft in time linear in the text,
 * whatever the roster's size (one pass over the tokens, a few hash look-ups per token).
 *
 * What counts as a name is decided from the text around it, because many names are words:
 * capitals, the position in the sentence, the words before and after, neighbouring name
 * parts, and (only for the few cases these leave open) compromise's part-of-speech tags.
 */
import type { School, TextSpan } from '../types.js';
import {
  DETERMINERS,
  LANGUAGES,
  MODALS,
  PLACE_NAMES,
  PLACE_PREP,
  MONTHS,
  NAME_WORDS,
  PARTICLES,
  PLACE_WORDS,
  PRONOUNS,
  SUBJECT_VERBS,
  TITLES,
  joinsName,
  nameParts,
  normKey,
  tokenize,
  type Tok,
} from './name-normalize.js';

import { ENGLISH_WORDS } from './english-words.js';
import { FAMOUS_NAMES } from './name-famous.js';

export { fileNameWords, normKey, tokenize } from './name-normalize.js';

let english: Set<string> | undefined;
function englishWords(): Set<string> {
  return (english ??= new Set(ENGLISH_WORDS.split(' ')));
}

export interface IndexedPupil {
  id: number;
  first: string;
  last: string;
  preferred?: string;
  /** "Amelia Hughes" as the roster writes it. */
  display: string;
  /** The name to use in a post: the preferred name, else the first name. */
  firstShown: string;
  firstKeys: string[];
  lastKey: string;
  lastParts: string[];
  noPublish: boolean;
  className?: string;
  source: string;
}

export interface NameIndex {
  pupils: IndexedPupil[];
  /** Concatenated first/preferred-name key → pupils. */
  first: Map<string, number[]>;
  /** Concatenated surname key → pupils. */
  last: Map<string, number[]>;
  /** Each significant part of a multi-part surname → pupils (used only next to the first name). */
  lastPart: Map<string, number[]>;
  /** Staff: first-name key → surname keys. */
  staffFull: Map<string, Set<string>>;
  staffLast: Set<string>;
  /** Class names (keys of the whole name and of the name without "Year 4"). */
  classes: Set<string>;
  /** Allowed names (public figures), concatenated keys. */
  allow: Set<string>;
  /** Roster name keys that are also everyday English words ("hunt", "cash"), besides NAME_WORDS. */
  wordKeys: Set<string>;
  /** First-word keys of staff first names, allowed names and class names: a quick filter. */
  prefixes: Set<string>;
  maxFirst: number;
  maxLast: number;
  maxPhrase: number;
  hasRoster: boolean;
}

export type NameKind = 'full' | 'surname' | 'initial' | 'first';

export interface NameMatch {
  kind: NameKind;
  /** The whole name as written (first name and surname, or the surname alone). */
  span: TextSpan;
  /** The words written, e.g. "Amelia Hughes's". */
  text: string;
  /** The pupils it may be (more than one when a name is shared). */
  pupils: IndexedPupil[];
  /** The surname part (or initial), for full names and initials. */
  surnameSpan?: TextSpan;
  /** How sure: 'maybe' needs part-of-speech tags to decide (see resolveMaybes). */
  confidence: 'yes' | 'maybe';
  /** What to write instead ("Amelia", "Amelia's"), when there is one answer. */
  suggestion?: string;
  fix?: { span: TextSpan; replacement: string };
  /** Index of the first token, for the part-of-speech check. */
  tokenIndex: number;
  /** On a heading-like line where every word is capitalised. */
  titleLine?: boolean;
  /**
   * The context reads it as a word or as someone else ("proud of Leo", "by C.S. Lewis"), but
   * a pupil on the no-publish list has this name: only the no-publish rule reports it, as a
   * warning. Other rules skip weak matches.
   */
  weak?: boolean;
  /** The capitalised word before a surname alone ("howard" in "Howard Carter"): if it is a known first name, this is someone else. */
  otherFirst?: string;
}

export type MatchMode =
  /** Prose: capitals and context matter. */
  | 'prose'
  /** File names and keywords: capitals mean nothing; word-like names only as part of a full name. */
  | 'words'
  /** A people tag in a photo's metadata: every roster name in it is a name. */
  | 'tag';

const WINDOW = 4;

function push(map: Map<string, number[]>, key: string, id: number): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id); // ids arrive in order: a repeat is always the last one
}

function classKeys(name: string): string[] {
  const keys = [normKey(name)];
  const stripped = name.replace(/^\s*(?:(?:year|yr|y|class|reception|nursery)\b\s*)?\d*\s*/i, '').trim();
  if (stripped && stripped !== name) keys.push(normKey(stripped));
  return keys.filter((k) => k.length > 0);
}

/** Builds the index. Cheap (a few ms for thousands of pupils); use getNameIndex to build it once per run. */
export function buildNameIndex(school: Pick<School, 'roster' | 'staff' | 'noPublish' | 'classes' | 'allowNames'>): NameIndex {
  const pupils: IndexedPupil[] = [];
  const byFull = new Map<string, IndexedPupil>();
  const partsCount = new Map<number, number>();
  const add = (p: School['roster'][number], noPublish: boolean) => {
    const firstParts = nameParts(p.first);
    const lastParts = nameParts(p.last);
    const firstKey = firstParts.join('');
    const lastKey = lastParts.join('');
    const fullKey = firstKey + '|' + lastKey;
    const existing = byFull.get(fullKey);
    if (existing) {
      if (noPublish) existing.noPublish = true;
      return;
    }
    const firstKeys = [firstKey];
    if (firstParts.length > 1) firstKeys.push(firstParts[0]);
    const preferredParts = p.preferred ? nameParts(p.preferred) : [];
    if (preferredParts.length) firstKeys.push(preferredParts.join(''));
    const first = p.first.trim();
    const shown = (p.preferred || p.first).trim();
    const rec: IndexedPupil = {
      id: pupils.length,
      first,
      last: p.last.trim(),
      preferred: p.preferred?.trim() || undefined,
      display: `${shown} ${p.last.trim()}`.trim(),
      firstShown: shown,
      firstKeys: firstKeys.length === 1 ? firstKeys : [...new Set(firstKeys.filter(Boolean))],
      lastKey,
      lastParts,
      noPublish,
      className: p.className,
      source: p.source,
    };
    partsCount.set(rec.id, Math.max(firstParts.length, preferredParts.length));
    pupils.push(rec);
    byFull.set(fullKey, rec);
  };
  for (const p of school.roster ?? []) if (p.first || p.last) add(p, false);
  for (const p of school.noPublish ?? []) if (p.first || p.last) add(p, true);

  const first = new Map<string, number[]>();
  const last = new Map<string, number[]>();
  const lastPart = new Map<string, number[]>();
  let maxFirst = 1;
  let maxLast = 1;
  for (const p of pupils) {
    for (const k of p.firstKeys) push(first, k, p.id);
    maxFirst = Math.max(maxFirst, partsCount.get(p.id) ?? 1);
    if (p.lastKey) push(last, p.lastKey, p.id);
    maxLast = Math.max(maxLast, p.lastParts.length);
    if (p.lastParts.length > 1) {
      for (const part of p.lastParts) if (!PARTICLES.has(part) && part.length > 1) push(lastPart, part, p.id);
    }
  }

  const staffFull = new Map<string, Set<string>>();
  const staffLast = new Set<string>();
  for (const s of school.staff ?? []) {
    const lk = normKey(s.last);
    if (!lk) continue;
    staffLast.add(lk);
    for (const fk of [normKey(s.first), normKey(s.preferred ?? '')]) {
      if (!fk) continue;
      let set = staffFull.get(fk);
      if (!set) staffFull.set(fk, (set = new Set()));
      set.add(lk);
    }
  }

  const classNames = new Set<string>(school.classes ?? []);
  for (const p of pupils) if (p.className) classNames.add(p.className);
  const classes = new Set<string>();
  for (const c of classNames) for (const k of classKeys(c)) classes.add(k);

  const allow = new Set<string>();
  let maxPhrase = 3;
  const pupilFull = new Set(pupils.map((p) => p.firstKeys.map((f) => f + p.lastKey)).flat());
  for (const [a, builtIn] of [...(school.allowNames ?? []).map((x) => [x, false] as const), ...FAMOUS_NAMES.map((x) => [x, true] as const)]) {
    const parts = nameParts(a);
    if (!parts.length) continue;
    const key = parts.join('');
    if (builtIn && pupilFull.has(key)) continue; // a pupil who shares a famous name is still a pupil
    allow.add(key);
    maxPhrase = Math.max(maxPhrase, Math.min(parts.length, 6));
  }

  const prefixes = new Set<string>();
  for (const s of school.staff ?? []) for (const f of [s.first, s.preferred ?? '']) if (nameParts(f)[0]) prefixes.add(nameParts(f)[0]);
  for (const s of school.staff ?? []) if (normKey(s.first)) prefixes.add(normKey(s.first));
  for (const a of [...(school.allowNames ?? []), ...FAMOUS_NAMES]) if (nameParts(a)[0]) prefixes.add(nameParts(a)[0]);
  for (const c of classNames) {
    const parts = nameParts(c);
    if (parts[0]) prefixes.add(parts[0]);
    const stripped = nameParts(c.replace(/^\s*(?:(?:year|yr|y|class|reception|nursery)\b\s*)?\d*\s*/i, ''));
    if (stripped[0]) prefixes.add(stripped[0]);
    for (const k of classKeys(c)) prefixes.add(k);
  }
  const dict = englishWords();
  const wordKeys = new Set<string>();
  for (const k of [...first.keys(), ...last.keys(), ...lastPart.keys()]) if (dict.has(k) && !NAME_WORDS.has(k)) wordKeys.add(k);
  return {
    wordKeys,
    prefixes,
    pupils,
    first,
    last,
    lastPart,
    staffFull,
    staffLast,
    classes,
    allow,
    maxFirst: Math.min(maxFirst, 3),
    maxLast: Math.min(Math.max(maxLast, WINDOW), 5),
    maxPhrase,
    hasRoster: pupils.length > 0,
  };
}

/** The index for this run's school, built once and kept in the run cache. */
export function getNameIndex(ctx: { school: School; runCache: Map<string, unknown> }): NameIndex {
  const cached = ctx.runCache.get('names:index') as { school: School; index: NameIndex } | undefined;
  if (cached && cached.school === ctx.school) return cached.index;
  const index = buildNameIndex(ctx.school);
  ctx.runCache.set('names:index', { school: ctx.school, index });
  return index;
}

/** A name that is also an everyday word ("Rose", "Will", "Hunt"): context decides. */
function isWord(index: NameIndex, key: string): boolean {
  return NAME_WORDS.has(key) || index.wordKeys.has(key) || key.length <= 2;
}

/** Is `key` a known part of some pupil's or staff member's name? */
function isNamePart(index: NameIndex, key: string): boolean {
  return index.first.has(key) || index.last.has(key) || index.lastPart.has(key) || index.staffLast.has(key) || index.staffFull.has(key);
}

interface Span {
  n: number;
  key: string;
}

/** Concatenated keys of tokens i..i+n-1 (n = 1..max), stopping where the gap does not join name parts. */
function windows(toks: Tok[], i: number, max: number): Span[] {
  const out: Span[] = [];
  let key = '';
  for (let n = 1; n <= max && i + n - 1 < toks.length; n++) {
    const t = toks[i + n - 1];
    if (n > 1 && (!t.join || toks[i + n - 2].poss)) break;
    key += t.key;
    out.push({ n, key });
  }
  return out;
}

const CLASS_WORDS = new Set(['class', 'classes', 'group', 'team', 'house', 'set', 'table', 'classroom', 'form', 'year']);
const CLASS_BEFORE = new Set(['class', 'year', 'yr', 'reception', 'form', 'group', 'house']);

/** Tokens that are never a pupil: staff with a title or full name, class names, allowed names. */
function protectedTokens(index: NameIndex, toks: Tok[]): Uint8Array {
  const prot = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // A title marks an adult: "Mrs Green", "Mr. Okafor's class", "Miss Jane Hill".
    if (TITLES.has(t.key) && (t.cap !== 'lower' || /^(mr|mrs|ms|miss|mx|dr)$/.test(t.key)) && !t.poss) {
      // The title covers the next word, and a second one when the two are a first name and a
      // known surname ("Mrs Jane Hill"); never a pupil named right after ("Mrs Green Amelia ...").
      let j = i + 1;
      let count = 0;
      const nameLike = (k: number) =>
        k < toks.length &&
        (toks[k].cap === 'title' || toks[k].cap === 'upper' || PARTICLES.has(toks[k].key)) &&
        /^\.?[\s\-]*$/.test(toks[k].gap) &&
        !/\n/.test(toks[k].gap);
      if (nameLike(j)) {
        prot[j] = 1;
        count = 1;
        const second = j + 1;
        if (!toks[j].poss && nameLike(second) && (index.staffLast.has(toks[second].key) || index.last.has(toks[second].key) || PARTICLES.has(toks[j].key))) {
          prot[second] = 1;
          count = 2;
        }
      }
      if (count) prot[i] = 1;
    }
    // Staff full names: "Jane Green".
    if (index.prefixes.has(t.key)) for (const fw of windows(toks, i, 2)) {
      const lasts = index.staffFull.get(fw.key);
      if (!lasts) continue;
      const j = i + fw.n;
      if (j >= toks.length || !joinsName(toks[j].gap)) continue;
      for (const lw of windows(toks, j, index.maxLast)) {
        if (lasts.has(lw.key) && !pupilFullName(index, fw.key, lw.key)) {
          for (let k = i; k < j + lw.n; k++) prot[k] = 1;
        }
      }
    }
    // Allowed names: "Roald Dahl".
    if (index.allow.size && index.prefixes.has(t.key)) {
      for (const w of windows(toks, i, index.maxPhrase)) if (index.allow.has(w.key)) for (let k = i; k < i + w.n; k++) prot[k] = 1;
    }
    // Class names in a class context: "Green Class", "Class Oak", "Year 4 Maple".
    if (index.classes.size && index.prefixes.has(t.key)) {
      for (const w of windows(toks, i, 4)) {
        if (!index.classes.has(w.key)) continue;
        const next = toks[i + w.n];
        const prev = toks[i - 1];
        const prev2 = toks[i - 2];
        const inContext =
          w.n > 1 && /\d/.test(w.key) ||
          (next && CLASS_WORDS.has(next.key) && !/[\n.!?]/.test(next.gap)) ||
          (prev && CLASS_BEFORE.has(prev.key) && !/[\n.!?]/.test(t.gap)) ||
          (prev && prev.numeric && prev2 && CLASS_BEFORE.has(prev2.key)) ||
          (prev && /^y\d+$/.test(prev.key));
        if (inContext) for (let k = i; k < i + w.n; k++) prot[k] = 1;
      }
    }
  }
  return prot;
}

function pupilFullName(index: NameIndex, firstKey: string, lastKey: string): boolean {
  const ids = index.first.get(firstKey);
  return !!ids && ids.some((id) => index.pupils[id].lastKey === lastKey);
}

/**
 * 'word': the context reads it as a word or as someone else ("proud of Leo" with Leo also a
 * star sign, "by C.S. Lewis", "Howard Carter"), but a reader could still take it for the pupil.
 * Such a match is kept only when a pupil on the no-publish list has the name (a warning there).
 * 'firstBefore': a surname after a capitalised word no pupil has ("Howard Carter"): someone
 * else if that word is a known first name (settled with compromise's name lexicon).
 */
type Verdict = 'yes' | 'no' | 'maybe' | 'word' | 'firstBefore';

const FAMILY = new Set(['twins', 'triplets', 'family', 'families', 'brothers', 'sisters', 'siblings', 'children', 'boys', 'girls', 'cousins']);

const VOCATIVE_NEXT = new Set(['you', 'your', 'well', 'congratulations', 'congrats', 'thanks', 'thank', 'great', 'brilliant', 'fantastic', 'amazing', 'super', 'superb', 'what', 'we', 'i', 'star', 'gold', 'silver', 'bronze', 'winner', 'first', 'second', 'third']);

/**
 * Is the word at toks[i..i+n) used as a name here? For names that are not words the answer is
 * yes; for word-like names ("Rose", "Will", "Green") the context decides.
 */
function judge(index: NameIndex, toks: Tok[], i: number, n: number, mode: MatchMode, kind: 'first' | 'surname' = 'first'): Verdict {
  const v = judgeWord(index, toks, i, n, mode);
  const t = toks[i];
  if ((v === 'yes' || v === 'maybe') && kind === 'surname' && mode === 'prose' && t.cap === 'title') return someoneElse(index, toks, i, n) ?? v;
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

const SEASONS = new Set(['summer', 'autumn', 'winter', 'spring', 'easter', 'christmas']);
const PREPOSITIONS = new Set(['of', 'by', 'for', 'from', 'to', 'with', 'without', 'than', 'about', 'at', 'on', 'in', 'into', 'after', 'before']);
const LIST_PREP = new Set(['of', 'for', 'with', 'about', 'to']);
/** "the poster that Leo made", "look what Leo found": may start a clause. */
const RELATIVES = new Set(['that', 'what', 'so']);
const POSSESSIVES = new Set(['our', 'my', 'your', 'his', 'her', 'their']);
/** Words that start the object of a verb: "arranging the table", "painting our fence". */
const OBJECT_START = new Set(['the', 'a', 'an', 'our', 'his', 'her', 'their', 'my', 'your', 'its', 'some', 'this', 'these', 'those', 'that', 'every', 'all']);

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
    }
    if (/^\s*,\s*$/.test(next.gap) && sureFirstName(index, next) && t.cap !== 'lower') return true;
  }
  if (prev && !/\n/.test(t.gap) && (prev.key === 'and' || prev.raw === '&') && joinsName(t.gap) && !prev.sentStart) {
    const partner = toks[i - 2];
    if (partner && joinsName(prev.gap) && !partner.poss && sureFirstName(index, partner)) {
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
    !englishWords().has(prev.key) && !NAME_WORDS.has(prev.key) && !TITLES.has(prev.key) && !DETERMINERS.has(prev.key) && !PRONOUNS.has(prev.key)
  ) return 'firstBefore';
  // "Robinson Crusoe", "Lewis Hamilton": another capitalised word straight after, not a name of ours.
  const next = toks[i + n];
  if (
    !t.titleLine && next && !next.sentStart && next.join && joinsName(next.gap) && !/\n/.test(next.gap) && !toks[i + n - 1].poss &&
    next.cap === 'title' && !isNamePart(index, next.key) && !FAMILY.has(next.key) && !englishWords().has(next.key)
  ) return 'word';
  return undefined;
}

function noPublishAmong(index: NameIndex, ids: number[]): boolean {
  return ids.some((id) => index.pupils[id].noPublish);
}

function ids2pupils(index: NameIndex, ids: number[]): IndexedPupil[] {
  return ids.map((id) => index.pupils[id]);
}

/** Finds pupil names in `text` (Draft.prose, alt text, a caption, or a file name's words). */
export function findNames(index: NameIndex, text: string, opts: { mode?: MatchMode; kinds?: NameKind[] } = {}): NameMatch[] {
  const mode = opts.mode ?? 'prose';
  const want = new Set<NameKind>(opts.kinds ?? ['full', 'surname', 'initial', 'first']);
  if (!index.hasRoster) return [];
  const toks = tokenize(text, (k) => index.first.has(k) || index.last.has(k));
  const prot = protectedTokens(index, toks);
  const out: NameMatch[] = [];
  const possOf = (t: Tok) => t.poss;

  for (let i = 0; i < toks.length; i++) {
    if (prot[i]) continue;
    const t = toks[i];
    if (t.numeric) continue;

    // 1. A first name, perhaps followed by a surname or an initial.
    let firstHit: { n: number; ids: number[] } | undefined;
    for (const w of windows(toks, i, index.maxFirst)) {
      const ids = index.first.get(w.key);
      if (ids) firstHit = { n: w.n, ids };
    }
    if (firstHit) {
      const fEndTok = toks[i + firstHit.n - 1];
      const j = i + firstHit.n;
      const nextTok = toks[j];
      if (nextTok && !prot[j] && nextTok.join && !fEndTok.poss) {
        // 1a. Full name: first name + that pupil's surname (or a part of a double-barrelled one).
        let best: { n: number; ids: number[] } | undefined;
        for (const w of windows(toks, j, index.maxLast)) {
          if (prot[j + w.n - 1]) break;
          let ids = (index.last.get(w.key) ?? []).filter((id) => firstHit!.ids.includes(id));
          if (!ids.length && w.n === 1) ids = (index.lastPart.get(w.key) ?? []).filter((id) => firstHit!.ids.includes(id));
          if (!ids.length) continue;
          if (w.n > 1 && !multiTokenOk(toks, j, w.n, ids.map((id) => index.pupils[id]))) continue;
          best = { n: w.n, ids };
        }
        if (best) {
          const lastTok = toks[j + best.n - 1];
          const allLower = toks.slice(i, j + best.n).every((x) => x.cap === 'lower');
          const bothWords = isWord(index, toks[i].key) && firstHit.n === 1 && best.n === 1 && isWord(index, nextTok.key);
          const quiet = mode !== 'tag' && bothWords && (allLower || mode === 'words' || nextTok.cap === 'lower' || t.cap === 'lower');
          if (!quiet) {
            if (want.has('full')) {
              const firstText = text.slice(t.start, fEndTok.end);
              out.push({
                kind: 'full',
                span: { start: t.start, end: lastTok.fullEnd },
                text: text.slice(t.start, lastTok.fullEnd),
                pupils: ids2pupils(index, best.ids),
                surnameSpan: { start: nextTok.start, end: lastTok.end },
                confidence: 'yes',
                suggestion: firstText + possOf(lastTok),
                fix: { span: { start: fEndTok.end, end: lastTok.fullEnd }, replacement: possOf(lastTok) },
                tokenIndex: i,
              });
            }
            i = j + best.n - 1;
            continue;
          }
        }
        // 1b. An initial for the surname: "Jack S.", "Jack S".
        if (/^\p{Lu}$/u.test(nextTok.raw) && !/\n/.test(nextTok.gap) && /^[ \t]+$/.test(nextTok.gap)) {
          const letter = normKey(nextTok.raw);
          const ids = firstHit.ids.filter((id) => index.pupils[id].lastKey.startsWith(letter));
          const after = toks[j + 1];
          const pronounI = nextTok.raw === 'I' && after && after.cap === 'lower';
          const article = nextTok.raw === 'A' && after && after.cap === 'lower' && !/^\./.test(text.slice(nextTok.end));
          if (ids.length && !pronounI && !article && judgeFirstForInitial(index, toks, i, firstHit.n)) {
            const dot = text[nextTok.end] === '.';
            // Keep a full stop that ends the sentence; drop the initial's own dot otherwise.
            const rest = text.slice(nextTok.end + (dot ? 1 : 0));
            const sentenceEnds = dot && (/^\s*$/.test(rest) || /^\s*\n/.test(rest) || /^\s+["“]?\p{Lu}/u.test(rest));
            const end = nextTok.end + (dot ? 1 : 0);
            if (want.has('initial')) {
              out.push({
                kind: 'initial',
                span: { start: t.start, end },
                text: text.slice(t.start, end),
                pupils: ids2pupils(index, ids),
                surnameSpan: { start: nextTok.start, end },
                confidence: 'yes',
                suggestion: text.slice(t.start, fEndTok.end),
                fix: { span: { start: fEndTok.end, end }, replacement: sentenceEnds ? '.' : '' },
                tokenIndex: i,
              });
            }
            i = j;
            continue;
          }
        }
      }
    }

    // 2. Reversed register order: "Hughes, Amelia".
    let lastHit: { n: number; ids: number[] } | undefined;
    for (const w of windows(toks, i, index.maxLast)) {
      if (prot[i + w.n - 1]) break;
      const ids = index.last.get(w.key);
      if (!ids) continue;
      if (w.n > 1 && !multiTokenOk(toks, i, w.n, ids.map((id) => index.pupils[id]))) continue;
      lastHit = { n: w.n, ids };
    }
    if (!lastHit && !firstHit && t.cap === 'title' && t.key.length > 3 && t.key.endsWith('s')) {
      // "the Patels"
      const ids = index.last.get(t.key.slice(0, -1));
      if (ids && !isWord(index, t.key.slice(0, -1))) lastHit = { n: 1, ids };
    }
    if (lastHit) {
      const lEnd = toks[i + lastHit.n - 1];
      const j = i + lastHit.n;
      const nt = toks[j];
      if (nt && /^\s*,\s*$/.test(nt.gap) && !/\n/.test(nt.gap) && t.cap !== 'lower') {
        for (const w of windows(toks, j, index.maxFirst)) {
          const ids = (index.first.get(w.key) ?? []).filter((id) => lastHit!.ids.includes(id));
          if (!ids.length) continue;
          const fEnd = toks[j + w.n - 1];
          if (want.has('full')) {
            const firstText = text.slice(nt.start, fEnd.end);
            out.push({
              kind: 'full',
              span: { start: t.start, end: fEnd.fullEnd },
              text: text.slice(t.start, fEnd.fullEnd),
              pupils: ids2pupils(index, ids),
              surnameSpan: { start: t.start, end: lEnd.end },
              confidence: 'yes',
              suggestion: firstText + fEnd.poss,
              fix: { span: { start: t.start, end: fEnd.fullEnd }, replacement: firstText + fEnd.poss },
              tokenIndex: i,
            });
          }
          lastHit = undefined;
          i = j + w.n - 1;
          break;
        }
        if (!lastHit) continue;
      }
    }

    // 3. A first name alone (reported only where any pupil name matters, e.g. beside a photo).
    if (firstHit && (!lastHit || firstHit.n >= lastHit.n)) {
      const v0 = judge(index, toks, i, firstHit.n, mode, 'first');
      const v = v0 === 'firstBefore' ? 'yes' : v0; // only surnames are judged that way
      const endTok = toks[i + firstHit.n - 1];
      if (v !== 'no' && (v !== 'word' || noPublishAmong(index, firstHit.ids)) && want.has('first')) {
        out.push({
          kind: 'first',
          span: { start: t.start, end: endTok.fullEnd },
          text: text.slice(t.start, endTok.fullEnd),
          pupils: ids2pupils(index, firstHit.ids),
          confidence: v === 'word' ? 'yes' : v,
          ...(v === 'word' ? { weak: true } : {}),
          tokenIndex: i,
          titleLine: t.titleLine,
        });
      }
      i += firstHit.n - 1;
      continue;
    }

    // 4. A surname alone: "well done Hughes!", "the Patel twins", "A. Hughes". Not when it is
    // also a staff member's first name ("thanks to Thomas" with a Mr Thomas Hill on the staff).
    if (lastHit && !(lastHit.n === 1 && index.staffFull.has(t.key))) {
      const v0 = judge(index, toks, i, lastHit.n, mode, 'surname');
      const otherFirst = v0 === 'firstBefore' ? toks[i - 1].key : undefined;
      const v = v0 === 'firstBefore' ? 'maybe' : v0;
      const endTok = toks[i + lastHit.n - 1];
      // A surname the context gives to someone else ("Jo Marsh", "Marsh Event Photography",
      // "by C.S. Lewis") is not the pupil, even one on the no-publish list.
      if (v !== 'no' && v !== 'word' && want.has('surname')) {
        let start = t.start;
        const pupils = ids2pupils(index, lastHit.ids);
        const prev = toks[i - 1];
        // A first-name initial before it belongs to the name: "A. Hughes", "A Hughes".
        if (
          prev &&
          !t.sentStart &&
          /^\p{Lu}$/u.test(prev.raw) &&
          /^\.?[ \t]+$/.test(t.gap) &&
          pupils.some((p) => p.firstKeys.some((k) => k[0] === prev.key))
        ) {
          start = prev.start;
        }
        const only = pupils.length === 1 ? pupils[0] : undefined;
        // "the Patel twins" → "the twins": the surname used to name a family can simply go.
        const after = toks[i + lastHit.n];
        const family = !only && !endTok.poss && after && after.join && FAMILY.has(after.key) && after.cap === 'lower';
        out.push({
          kind: 'surname',
          span: { start, end: endTok.fullEnd },
          text: text.slice(start, endTok.fullEnd),
          pupils,
          surnameSpan: { start: t.start, end: endTok.end },
          confidence: v,
          ...(otherFirst ? { otherFirst } : {}),
          titleLine: t.titleLine,
          suggestion: only ? only.firstShown + endTok.poss : family ? `the ${after.raw}` : undefined,
          fix: only
            ? { span: { start, end: endTok.fullEnd }, replacement: only.firstShown + endTok.poss }
            : family
              ? { span: { start, end: after.start }, replacement: '' }
              : undefined,
          tokenIndex: i,
        });
      }
      i += lastHit.n - 1;
    }
  }
  return out;
}

/** A surname written over several words must look like a name: the roster's own parts, capitals or particles. */
function multiTokenOk(toks: Tok[], i: number, n: number, pupils: IndexedPupil[]): boolean {
  if (pupils.some((p) => p.lastParts.length === n)) return true;
  for (let k = i; k < i + n; k++) {
    const t = toks[k];
    if (t.cap === 'lower' && !PARTICLES.has(t.key)) return false;
  }
  return true;
}

/** "May I", "Will A" are not names with an initial; a capitalised first name before a capital letter is. */
function judgeFirstForInitial(index: NameIndex, toks: Tok[], i: number, n: number): boolean {
  const t = toks[i];
  if (n > 1 || !isWord(index, t.key)) return t.cap !== 'lower';
  if (t.cap !== 'title') return false;
  const prev = t.sentStart ? undefined : toks[i - 1];
  if (prev && (DETERMINERS.has(prev.key) || PRONOUNS.has(prev.key))) return false;
  return true;
}

/**
 * Settles the 'maybe' matches (a word-like name at the start of a sentence or in a heading)
 * with compromise's tags: kept when compromise reads the word as a person, or as the subject
 * of a past-tense verb. Loads compromise only when there is something to settle.
 */
export async function resolveMaybes(
  text: string,
  matches: NameMatch[],
  load?: () => Promise<NlpFn>,
  /** Where a doubtful first name of a no-publish pupil is kept (weak) rather than dropped: a
   * caption or alt text describes who is in the photo ("Leo in our back garden"). */
  captionAt: (m: NameMatch) => boolean = () => false,
): Promise<NameMatch[]> {
  // Also kept: a name that is a word only by the dictionary's say-so ("Leo", a star sign), not
  // one of the everyday words people start sentences with ("Hope you...", "Summer is here").
  const keepWeak = (m: NameMatch) => noPublishFirst(m) && (captionAt(m) || !NAME_WORDS.has(normKey(m.text.replace(/['’]s?$/, ''))));
  const maybes = matches.filter((m) => m.confidence === 'maybe');
  if (!maybes.length) return matches;
  let nlp: NlpFn;
  try {
    nlp = load ? await load() : ((await (await import('./nlp.js')).loadNlp()) as NlpFn);
  } catch {
    // No tagger: a doubtful no-publish first name anywhere is kept, for safety.
    return matches.filter((m) => m.confidence !== 'maybe' || noPublishFirst(m)).map((m) => (m.confidence === 'maybe' ? { ...m, confidence: 'yes' as const, weak: true } : m));
  }
  const keep = new Set<NameMatch>();
  let firstNames: Set<string> | undefined;
  for (const m of maybes) {
    if (m.otherFirst) {
      // "Howard Carter" is someone else; "Congrats Carter", "Hooray Carter" are the pupil.
      firstNames ??= (await import('./person-names.js')).firstNameLexicon(nlp as never);
      if (!firstNames.has(m.otherFirst)) keep.add(m);
      continue;
    }
    const around = sentenceAround(text, m.span.start);
    const offset = around.offset;
    let sentence = around.sentence;
    if (m.titleLine) {
      // A heading in Title Case: lower-case the other words so the tagger sees a normal sentence.
      const rel0 = m.span.start - offset;
      const rel1 = m.span.end - offset;
      sentence = sentence.slice(0, rel0).toLowerCase() + sentence.slice(rel0, rel1) + sentence.slice(rel1).toLowerCase();
    }
    const doc = nlp(sentence);
    const terms = doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: NlpTerm[] }>;
    const flat = terms.flatMap((s) => s.terms).filter((x) => x.text !== ''); // contractions add empty terms
    const rel = m.span.start - offset;
    const idx = flat.findIndex((x) => x.offset && x.offset.start <= rel && rel < x.offset.start + x.offset.length);
    if (idx < 0) continue;
    const term = flat[idx];
    const next = flat[idx + 1];
    const tags = new Set(term.tags);
    const nextTags = new Set(next?.tags ?? []);
    const after = flat[idx + 2];
    const afterTags = new Set(after?.tags ?? []);
    // A word-like name at the start of a sentence is a person only with evidence from the
    // sentence, not because the tagger's lexicon lists it as a first name ("Ivy", "Grace").
    const wordish = tags.has('Modal') || tags.has('Month') || tags.has('Date') || tags.has('Season') || tags.has('Adjective');
    const joined = !/[,;:]/.test(term.post ?? '');
    // "Grace sang", "Will won": the subject of a past-tense verb.
    const pastSubject = joined && nextTags.has('PastTense') && !nextTags.has('Copula') && !nextTags.has('Passive');
    // "Grace wins the prize": a present-tense verb with an object.
    const presentSubject =
      joined && nextTags.has('PresentTense') && /s$/.test(next?.text ?? '') && !nextTags.has('Copula') &&
      (afterTags.has('Determiner') || afterTags.has('Possessive') || afterTags.has('ProperNoun') || afterTags.has('Pronoun') || afterTags.has('Noun'));
    // "Grace's painting": a possessive before a noun ("Summer's here" is a contraction).
    const possessive =
      /['’]s$/.test(m.text) && (nextTags.has('Noun') || nextTags.has('Gerund')) && !nextTags.has('Pronoun') && !IS_AFTER.has((next?.text ?? '').toLowerCase());
    // "# Star of the Week: Grace": in a heading, a capitalised word inside the sentence.
    const properMidSentence = !!m.titleLine && idx > 0 && tags.has('ProperNoun') && !tags.has('Verb') && !wordish;
    if (!wordish && (pastSubject || presentSubject || possessive || properMidSentence)) keep.add(m);
  }
  // A no-publish pupil's first name in a caption or alt text is never dropped for doubt: the
  // no-publish rule warns.
  return matches
    .filter((m) => m.confidence !== 'maybe' || keep.has(m) || keepWeak(m))
    .map((m) => (m.confidence === 'maybe' && !keep.has(m) ? { ...m, confidence: 'yes' as const, weak: true } : m));
  // (At the start of a sentence in the text, "Hope you have a lovely half term" stays a word:
  // a warning on every such post would teach the school to ignore the rule; "Leo in the
  // garden" does not.)
}

/** A first name of a pupil on the no-publish list (a surname can be someone else's: "Jo Marsh"). */
function noPublishFirst(m: NameMatch): boolean {
  return m.kind === 'first' && m.pupils.some((p) => p.noPublish);
}

/** Words after "Summer's" that make it "Summer is": "Summer's here", "May's nearly over". */
const IS_AFTER = new Set(
  'here there back over gone nearly almost finally coming arrived been got a an the not so very really just still on off out in at my our your great fab lovely amazing hot cold sunny warm nearly'.split(' '),
);

export type NlpFn = (text: string) => { json(opts?: unknown): unknown };
interface NlpTerm {
  text: string;
  post?: string;
  tags: string[];
  offset?: { start: number; length: number };
}

function sentenceAround(text: string, pos: number): { sentence: string; offset: number } {
  let s = pos;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1])) s--;
  let e = pos;
  while (e < text.length && !/[.!?\n]/.test(text[e])) e++;
  if (e < text.length) e++;
  return { sentence: text.slice(s, e), offset: s };
}

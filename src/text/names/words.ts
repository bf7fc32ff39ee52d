/**
 * The name detector's word lists as Sets, built once when the detector is first loaded. The
 * lists themselves are data in lexicon/ (and ../common/lexicon/), compiled at build time by
 * scripts/gen-lexicons.ts.
 */
import * as L from './lexicon.gen.js';
import * as C from '../common/lexicon.gen.js';
import { entries, lazySet } from '../common/lexicon-set.js';

const s = (list: string) => new Set(entries(list));

export const TITLES = s(C.honorifics);
export const PARTICLES = s(C.nameParticles);
export const MONTHS = s(C.months);
export const PLACE_WORDS = s(L.placeWords);
export const DETERMINERS = s(L.determiners);
export const PRONOUNS = s(L.pronouns);
export const NAME_WORDS = s(L.nameWords);
export const MODALS = s(L.modals);
export const SUBJECT_VERBS = s(L.subjectVerbs);
export const LANGUAGES = s(L.languages);
export const PLACE_NAMES = s(L.placeNames);
export const PLACE_PREP = s(L.placePrep);
export const FAMOUS_NAMES = entries(L.famousNames);

/** Smaller lists used by one stage each. */
export const words = {
  small: s(L.smallWords),
  classWords: s(L.classWords),
  classBefore: s(L.classBefore),
  family: s(L.familyWords),
  vocativeNext: s(L.vocativeNext),
  seasons: s(L.seasons),
  prepositions: s(L.prepositions),
  possessives: s(L.possessives),
  objectStart: s(L.objectStart),
  isAfter: s(L.isAfter),
  outsiderRoles: s(L.outsiderRoles),
  workWords: s(L.workWords),
  mascotWords: s(L.mascotWords),
  costumeVerbs: s(L.costumeVerbs),
  valueWords: s(L.valueWords),
};

/** Everyday English words (14,000; built on first use). */
export const englishWords = lazySet(C.englishWords);

/** First names common in UK schools (also used by the no-roster finder), some of them words ("Dean", "Mark"). */
export const firstNamesExtra = lazySet(L.firstNamesExtra);

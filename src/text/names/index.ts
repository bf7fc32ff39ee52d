/**
 * Pupils' names in a draft, matched against the school's roster. The detector's only public
 * surface; its stages, in calling order:
 *
 *   build-index.ts  getNameIndex(): the roster, staff, classes and allowed names as hash maps,
 *                   once per run
 *   tokenize.ts     words with offsets, capitals, sentence starts, Title Case lines
 *   protect.ts      words that are never a pupil (staff, classes, famous names)
 *   find.ts         findNames(): full names, initials, register order, first names, surnames
 *   judge.ts        is a word-like name ("Rose", "Will") or a shared surname used as a name here?
 *   resolve.ts      resolveMaybes(): the doubtful ones, settled with compromise's tags
 *   person-names.ts findPersonNames(): full names without a roster (compromise + lexicons)
 *
 * What counts as a name is decided from the text around it, because many names are words:
 * capitals, the position in the sentence, the words before and after, neighbouring name
 * parts, and (only for the few cases these leave open) compromise's part-of-speech tags.
 * Word lists are data in lexicon/ (compiled by scripts/gen-lexicons.ts).
 */
export { buildNameIndex, getNameIndex } from './build-index.js';
export { findNames } from './find.js';
export { resolveMaybes, type NlpFn } from './resolve.js';
export { fileNameWords, nameParts, normKey } from './normalize.js';
export { tokenize, type Tok } from './tokenize.js';
export type { IndexedPupil, MatchMode, NameIndex, NameKind, NameMatch } from './types.js';

/** The name detector's shared types: the roster index and a match. */
import type { TextSpan } from '../../types.js';

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

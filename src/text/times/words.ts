/**
 * The times detector's word lists as Sets. The lists are data in lexicon/ (compiled at build
 * time by scripts/gen-lexicons.ts; general English and UK school usage, none taken from
 * evaluation data).
 */
import * as L from './lexicon.gen.js';
import { entries } from '../common/lexicon-set.js';

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));
const list = (s: string) => new Set(entries(s));

export const HOUR_WORDS: Readonly<Record<string, number>> = L.numberWords.hours;
export const UNITS: Readonly<Record<string, number>> = L.numberWords.units;
export const TEENS: Readonly<Record<string, number>> = L.numberWords.teens;
export const TENS: Readonly<Record<string, number>> = L.numberWords.tens;

export const NOON_WORDS = set('noon midday midnight');
export const HRS_WORDS = set('hrs hr hours');
export const PAST_TO = set('past to after til till');
export const STRONG_LEADS = set('at @');
export const TIME_ZONES = list(L.timeZones);
export const LEADS = list(L.leads);
export const FOLLOW_OK = list(L.followOk);
export const EACH_REPEATS = list(L.eachRepeats);
export const LABEL_NOUNS = list(L.labelNouns);
export const NOT_TIME_BEFORE_AT = list(L.notTimeBeforeAt);
export const MONEY_WORDS = list(L.moneyWords);
export const EVENT_WORDS = list(L.eventWords);
export const EVENING_EVENTS = list(L.eveningEvents);
export const BIBLE = list(L.bibleBooks);
export const COLON_NOT_AFTER = list(L.colonNotAfter);
export const COLON_NOT_BEFORE = list(L.colonNotBefore);
export const TIME_NOUN_EVENTS = list(L.timeNounEvents);
export const COLON_SCORE_WORDS = list(L.colonScoreWords);
export const NOON_NOT_BEFORE = list(L.noonNotBefore);
export const UNTIL_LEADS = list(L.untilLeads);
export const SOFT_LEADS = list(L.softLeads);
export const STAMP_WORDS = list(L.stampWords);
export const STAMP_LINE_WORDS = list(L.stampLineWords);
export const AGE_BEFORE = list(L.ageBefore);
export const BARE_HOUR_EVENTS = list(L.bareHourEvents);

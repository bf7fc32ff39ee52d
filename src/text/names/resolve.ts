/**
 * Settles the doubtful matches (a word-like name at the start of a sentence or in a heading)
 * with compromise's part-of-speech tags, loaded only when there is something to settle.
 */
import { normKey } from './normalize.js';
import { NAME_WORDS, words } from './words.js';
import type { NameMatch } from './types.js';

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
    nlp = load ? await load() : ((await (await import('../nlp.js')).loadNlp()) as NlpFn);
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
const IS_AFTER = words.isAfter;

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

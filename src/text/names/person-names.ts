/**
 * Full person names without a roster ("Amelia Hughes", "J. van der Berg"): for a school that
 * has not set up its pupil list yet. Built on compromise's tagger and its own name lexicons
 * (about 3,100 first names and 900 surnames ship inside compromise, MIT licence, so no extra
 * package), plus capitalisation runs and context cues (titles, job words before a name,
 * "said"/"told" after it, organisation and place words that rule a run out).
 *
 * Only names of two or more words are reported: a first name alone is what the policy allows.
 */
import type { Nlp } from '../nlp.js';
import * as L from './lexicon.gen.js';
import { entries } from '../common/lexicon-set.js';

export interface PersonName {
  start: number;
  end: number;
  text: string;
  /** How much evidence there was; 2 is the bar. */
  score: number;
}

interface Lexicons {
  first: Set<string>;
  last: Set<string>;
  /** Words compromise knows that are not names (common words, places, organisations). */
  common: Set<string>;
  place: Set<string>;
  org: Set<string>;
}

let lexCache: { nlp: Nlp; lex: Lexicons } | undefined;

function lexicons(nlp: Nlp): Lexicons {
  if (lexCache && lexCache.nlp === nlp) return lexCache.lex;
  const lexicon = nlp.world().model.one.lexicon as Record<string, string | string[]>;
  const first = new Set<string>(EXTRA_FIRST);
  const last = new Set<string>(EXTRA_LAST);
  const common = new Set<string>();
  const place = new Set<string>();
  const org = new Set<string>(ORG_WORDS);
  for (const [w, tagv] of Object.entries(lexicon)) {
    const tag = Array.isArray(tagv) ? tagv.join(' ') : String(tagv);
    if (/MaleName|FemaleName|FirstName/.test(tag)) first.add(w);
    else if (/LastName/.test(tag)) last.add(w);
    else if (/Place|City|Country|Region/.test(tag)) place.add(w);
    else if (/Organization/.test(tag)) org.add(w);
    else if (!/Person|Honorific/.test(tag)) common.add(w);
  }
  for (const w of NOT_FIRST) first.delete(w);
  const lex = { first, last, common, place, org };
  lexCache = { nlp, lex };
  return lex;
}

/** Known first names: compromise's name lexicon and the list below (for telling "Howard Carter" from "Congrats Carter"). */
export function firstNameLexicon(nlp: Nlp): Set<string> {
  return lexicons(nlp).first;
}

/** First names common in UK schools or in the news that compromise's lexicon lacks. */
const EXTRA_FIRST = entries(L.firstNamesExtra);

const EXTRA_LAST = entries(L.lastNamesExtra);

/** Lexicon "first names" that mislead more than they help in capitalised runs. */
const NOT_FIRST = entries(L.notFirstNames);

/** Words that make a capitalised run an organisation, an event or a place. */
const ORG_WORDS = entries(L.organisationWords);

/** Title and role words right before a name: "Mr", "President", "coach", "striker". */
const TITLE_WORDS = new Set(entries(L.roleWords));

const PARTICLE = new Set(entries(L.runParticles));
const CUE_BEFORE = new Set(entries(L.cueBefore));
const CUE_AFTER = new Set(entries(L.cueAfter));

interface Term {
  text: string;
  normal: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

const capRe = /^\p{Lu}[\p{L}\p{M}'’\-.]*$/u;

function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’](s)?$/, '')
    .replace(/['’.]/g, '');
}

/** Full names in `text`. `nlp` is compromise (see loadNlp); call once per text. */
export function findPersonNames(nlp: Nlp, text: string): PersonName[] {
  const lex = lexicons(nlp);
  const doc = nlp(text);
  const sentences = doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: Term[] }>;
  const out: PersonName[] = [];
  for (const s of sentences) {
    const terms = s.terms;
    let i = 0;
    while (i < terms.length) {
      // A run of capitalised words (particles and initials allowed inside), not broken by punctuation.
      if (!isCap(terms[i])) {
        i++;
        continue;
      }
      let j = i + 1;
      while (
        j < terms.length &&
        !/['’]s?$/.test(terms[j - 1].text) &&
        (isCap(terms[j]) || (PARTICLE.has(terms[j].normal) && j + 1 < terms.length && isCap(terms[j + 1]))) &&
        joined(terms[j - 1], terms[j])
      )
        j++;
      scoreRun(terms, i, j, lex, text, out);
      i = j;
    }
  }
  return out;
}

function isCap(t: Term): boolean {
  const w = t.text;
  if (!capRe.test(w)) return false;
  if (w.length > 1 && w === w.toUpperCase() && !/^\p{Lu}\.?$/u.test(w)) return false; // ALL CAPS
  return true;
}

function joined(a: Term, b: Term): boolean {
  const post = a.post.replace(/\s+/g, ' ');
  const pre = b.pre;
  if (pre && /["“(\[]/.test(pre)) return false;
  return post === ' ' || post === '' || post === '. ' && /^\p{Lu}$/u.test(a.text) || post === '-';
}

function scoreRun(terms: Term[], i: number, j: number, lex: Lexicons, text: string, out: PersonName[]): void {
  // Drop leading titles and role words ("Prime Minister", "Mr", "Coach") and a sentence-initial common word.
  let titled = false;
  const start0 = i;
  while (i < j && (TITLE_WORDS.has(norm(terms[i].text)) || terms[i].tags.includes('Demonym') || isCommonStart(terms[i], lex, i === 0))) {
    if (TITLE_WORDS.has(norm(terms[i].text)) || terms[i].tags.includes('Demonym')) titled = true;
    i++;
  }
  // Titles and nationalities inside a run come before the name: "Trade and Industry Secretary Ian Lang".
  for (let k = j - 2; k > i; k--) {
    if (TITLE_WORDS.has(norm(terms[k].text)) || terms[k].tags.includes('Demonym')) {
      i = k + 1;
      titled = true;
      break;
    }
  }
  if (j - i >= 3 && !lex.first.has(norm(terms[i].text)) && lex.first.has(norm(terms[i + 1].text)) && /(an|ian|ese|ish|er|man|men|in|ite|i)$/.test(norm(terms[i].text))) {
    i++;
    titled = true;
  }
  const prevTerm = terms[i - 1];
  if (i === start0 && prevTerm && (TITLE_WORDS.has(norm(prevTerm.text)) || prevTerm.tags.includes('Demonym') || prevTerm.tags.includes('Actor') || CUE_BEFORE.has(prevTerm.normal))) titled = true;
  // Drop trailing organisation/event words and suffixes: a name never ends with them.
  while (j - i >= 2 && (isOrgWord(terms[j - 1], lex) || /^(jr|sr|ii|iii|iv)$/.test(norm(terms[j - 1].text)))) j--;
  const n = j - i;
  if (n < 2) return;
  if (!/\s/.test(text.slice(terms[i].offset.start, terms[j - 1].offset.start))) return; // one hyphenated word
  if (n > 4) return; // long capitalised runs are titles, organisations or headlines
  const words = terms.slice(i, j);
  const keys = words.map((t) => norm(t.text));
  if (keys.some((k) => lex.org.has(k) || ORG_SET.has(k))) return;
  if (NOT_START.has(keys[0])) return;

  let score = 0;
  const f = keys[0];
  const l = keys[n - 1];
  const initial = /^\p{Lu}\.?$/u.test(words[0].text);
  if (lex.first.has(f)) score += 2;
  else if (initial) score += 1;
  if (lex.last.has(l)) score += 1;
  const unknownLast = !lex.common.has(l) && !lex.place.has(l) && !lex.first.has(l);
  if (unknownLast) score += 1;
  const unknownFirst = !lex.common.has(f) && !lex.place.has(f) && !initial;
  if (unknownFirst && !lex.first.has(f)) score += 1;
  const cueAfter = !!terms[j] && (CUE_AFTER.has(terms[j].normal) || terms[j].tags.includes('PastTense'));
  if (!lex.first.has(f) && !initial && !titled && !cueAfter && !words.some((t) => t.tags.includes('Person'))) score -= 0.5;
  const personTags = words.filter((t) => t.tags.includes('Person')).length;
  if (personTags >= 2) score += 1;
  if (titled) score += 2;
  const after = terms[j];
  const post = words[n - 1].post;
  if (after && post.trim() === '' && (CUE_AFTER.has(after.normal) || (after.tags.includes('PastTense') && !after.tags.includes('Participle')))) score += 1;
  else if (after && /,/.test(post) && (after.tags.includes('Determiner') || after.tags.includes('Actor') || after.tags.includes('Value'))) score += 1;
  else if (after && /\(/.test(post) && (after.tags.includes('Country') || after.tags.includes('Place') || /^\p{Lu}/u.test(after.text))) score += 1;
  else if (after && after.normal === 'of' && terms[j + 1]?.tags.includes('Country')) score += 1;
  else if (after && post.trim() === '' && after.tags.includes('Value')) score += 0.5; // results: "Andrew Park 72 67"
  // In a list or a results table: "1. Name", "20 - Name", ", Name,".
  const before = terms[i - 1];
  const pre = words[0].pre;
  if (before && (before.tags.includes('Value') || /^\d/.test(before.text)) && /[.\-–:]\s*$/.test(before.post + pre)) score += 1;
  else if (before && /,\s*$/.test(before.post) && /,/.test(post)) score += 0.5;
  if (/['’]s?$/.test(words[n - 1].text)) score += 0.5;
  // Places and common words pull down.
  for (const k of keys) {
    if (lex.place.has(k) && !lex.first.has(k) && !lex.last.has(k)) score -= 2;
    else if (lex.common.has(k) && !lex.first.has(k) && !lex.last.has(k)) score -= 1;
  }
  if (words.some((t) => t.tags.includes('Place') || t.tags.includes('Organization') || t.tags.includes('Country'))) score -= 1;
  if (score < 2) return;
  const start = words[0].offset.start;
  const last = words[n - 1];
  let end = last.offset.start + last.offset.length;
  const m = /['’]s?$/.exec(text.slice(start, end));
  if (m) end -= m[0].length;
  out.push({ start, end, text: text.slice(start, end), score });
}

const ORG_SET = new Set(ORG_WORDS);
/** Articles and place prefixes that start names of places, teams and papers: "La Stampa", "Santa Fe", "O Globo". */
const NOT_START = new Set(entries(L.notStart));

function isCommonStart(t: Term, lex: Lexicons, sentenceStart: boolean): boolean {
  const k = norm(t.text);
  if (lex.first.has(k) || lex.last.has(k)) return false;
  if (lex.common.has(k) || lex.place.has(k) || lex.org.has(k)) return true;
  return sentenceStart && ( t.tags.includes('Determiner') || t.tags.includes('Preposition') || t.tags.includes('Conjunction') || t.tags.includes('Pronoun') || t.tags.includes('Adverb'));
}

function isOrgWord(t: Term, lex: Lexicons): boolean {
  const k = norm(t.text);
  return ORG_SET.has(k) || (lex.common.has(k) && !lex.last.has(k) && !lex.first.has(k) && t.tags.includes('Noun') && !t.tags.includes('ProperNoun'));
}

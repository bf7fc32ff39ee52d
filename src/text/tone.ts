/**
 * Sentence tone scorer for the `negative-tone` rule: pure, fast and explainable.
 *
 * Each sentence gets a score in "lexicon points" (below 0 = negative) built from evidence that
 * is listed in `reasons`, so a teacher (or `smcheck explain`) can see why it was flagged:
 *
 *  - word valences from a sentiment lexicon (AFINN-165 by default, with the rule's overrides)
 *    and multi-word phrases ("well done", "can't wait", "no homework");
 *  - negation ("don't forget" is not negative, "not good" is), intensifiers ("very", "so")
 *    and downtoners ("a bit");
 *  - contrast: "sadly we lost, but we played brilliantly" weighs the clause after "but" more
 *    (VADER's rule), and "although ..., ..." weighs the main clause more;
 *  - emphasis: CAPITALS and "!!"/"??" make negative sentences more negative (never positive
 *    ones: "Well done EVERYONE!!!" stays positive);
 *  - grievance patterns ("once again", "it has come to our attention", "some parents"),
 *    sarcasm ("Thanks to whoever left the gate open") and who the negativity is aimed at
 *    (parents, staff, the council, other schools, named people).
 *
 * Nothing here reads files or loads modules: the caller passes the base lexicon (see
 * `loadAfinn` in src/checks/tone.ts) and the rule's options, compiled once with `compileTone`.
 */

export type ToneKind = 'grievance' | 'negative' | 'none';

export interface SentenceTone {
  /** Offsets into the text given to scoreSentences (half-open). */
  start: number;
  end: number;
  /** Below 0 is negative; see `reasons` for how it was reached. */
  score: number;
  kind: ToneKind;
  /** Who the negativity is aimed at (the label of the first target found), if anyone. */
  target?: string;
  /** The matched target text as written ("SOME parents", "Mr Brown"). */
  targetText?: string;
  /** The words and phrases that made it negative, as written ("once again", "disappointed"). */
  cues: string[];
  reasons: string[];
  /** What the kind was decided from (for tuning thresholds without scoring again). */
  evidence?: { negative: number; grievance: number; aimed: boolean };
}

/** A phrase pattern: words separated by spaces; `a|b` alternatives; `*` one word; `word*` prefix. */
export interface WeightedPhrase {
  phrase: string;
  weight?: number;
  label?: string;
}

export interface ToneOptions {
  /** Word valences added to (or overriding) the base lexicon; 0 removes a word. */
  lexicon?: Record<string, number>;
  /** Multi-word phrases with their own valence; their words are not scored again. */
  phrases?: Record<string, number>;
  negators: string[];
  intensifiers: string[];
  downtoners: string[];
  /** Words after which the rest of the sentence counts more ("but", "however"). */
  contrast: string[];
  /** Words that open a clause that counts less ("although", "though", "despite"). */
  concessive: string[];
  /** Phrases that air a grievance; weight = points subtracted (default 2). */
  grievances: Array<string | WeightedPhrase>;
  /** Sarcastic or passive-aggressive openings ("thanks to whoever"); default weight 3. */
  sarcasm: Array<string | WeightedPhrase>;
  /** Who negativity can be aimed at; label names the group in messages. */
  targets: Array<string | WeightedPhrase>;
  /** Titles that make "Mr Brown" a named person. */
  titles: string[];
  /** Words that, just before a target, make it the one cared for, not blamed ("our children", "puts children at risk"). */
  notTargetAfter?: string[];
  /** Upper-case words that are not shouting (PE, PTA, SATs...). */
  acronyms: string[];
  thresholds: {
    /** A sentence at or below this score that is aimed at people is a grievance. */
    grievance: number;
    /** A sentence at or below this score is negative (warning). */
    negative: number;
    /** Negative words (no grievance phrase) aimed at people: at or below this (default: `negative`). */
    aimed?: number;
  };
  emphasis: {
    /** Multiplier for a negative word written in capitals. */
    caps: number;
    /** Extra share of negativity per emphasis cue (capitals, "!!", "??"), at most 3 cues. */
    perCue: number;
  };
  /** Share of each positive word's valence that counts (1 = all; lower when praise is often sarcastic). */
  positiveWeight?: number;
  /** Score each sentence (default) or each block (paragraph, caption, a whole short post) as one. */
  unit?: 'sentence' | 'block';
  /** Multipliers for the clauses around a contrast word. */
  contrastWeights: { before: number; after: number };
  /** Valence kept (and flipped) after a negator, e.g. 0.75: "not good" = -0.75 x good. */
  negationFactor: number;
  intensifierFactor: number;
  downtonerFactor: number;
}

interface CompiledPhrase {
  re: RegExp;
  weight: number;
  label: string;
  source: string;
  /** Words one of which a sentence must contain for the phrase to match (null: always try). */
  keys?: string[] | null;
}

export interface CompiledTone {
  options: ToneOptions;
  lexicon: Map<string, number>;
  phrases: CompiledPhrase[];
  grievances: CompiledPhrase[];
  sarcasm: CompiledPhrase[];
  targets: CompiledPhrase[];
  negators: Set<string>;
  intensifiers: Set<string>;
  downtoners: Set<string>;
  contrast: Set<string>;
  concessive: Set<string>;
  acronyms: Set<string>;
  notTargetAfter: Set<string>;
  titleRe: RegExp | null;
}

// ---------------------------------------------------------------------------------------------
// Phrase patterns

/** A word character without the u flag: anything but white space and punctuation other than ' _ - (phrases run on lower-cased text). */
const WILD_CHAR = "[^\\s!\"#$%&()*+,./:;<=>?@[\\\\\\]^`{|}~\\u2013\\u2014\\u2018-\\u201f\\u2026]";

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Compile the small phrase language into a linear-time regular expression (no nested
 * quantifiers): words separated by spaces; `a|b` one of these words; `*` any one word;
 * `word*` any word starting so; `word?` an optional word; ` | ` (with spaces) separates whole
 * alternative phrases. Matching is case-insensitive (the caller lower-cases the text).
 */
export function phraseToRegExp(phrase: string): RegExp {
  return new RegExp(phraseToSource(phrase), 'g');
}

/** The regular expression's source for a phrase; throws on a malformed phrase (cheap: no RegExp is built). */
export function phraseToSource(phrase: string): string {
  const alternatives = phrase
    .trim()
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/\s+\|\s+/)
    .map((alt) => {
      const words = alt.split(/\s+/).filter(Boolean);
      if (words.length === 0) throw new Error(`empty phrase in "${phrase}"`);
      let re = '';
      let needSep = false;
      for (let w of words) {
        const optional = w.length > 1 && w.endsWith('?');
        if (optional) w = w.slice(0, -1);
        const alts = w
          .split('|')
          .filter(Boolean)
          .map((a) => {
            if (a === '*') return `${WILD_CHAR}+`;
            // "word*" starts so, "*sucks" ends so, "@*help" both: a "*" inside a word is any letters
            if (a.includes('*')) return a.split('*').map(escapeRe).join(`${WILD_CHAR}*`);
            return escapeRe(a);
          });
        if (alts.length === 0) throw new Error(`empty word in "${phrase}"`);
        const slot = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
        // Words may be separated by spaces or a comma ("once again, some parents").
        const sep = '[\\s,]+';
        if (!needSep) re += optional ? `(?:${slot}${sep})?` : slot;
        else re += optional ? `(?:${sep}${slot})?` : `${sep}${slot}`;
        if (!optional) needSep = true;
      }
      return re;
    });
  // A possessive "'s" may follow ("the council's", "the other school's").
  return `(?<!${WILD_CHAR})(?:${alternatives.join('|')})(?:'s)?(?!${WILD_CHAR})`;
}

/**
 * A phrase whose RegExp is built on first use. Most phrases are ruled out for a sentence by
 * their keywords, and building ~400 Unicode look-around RegExps up front cost ~18 ms a run.
 */
function lazyPhrase(phrase: string, weight: number, label: string): CompiledPhrase {
  const source = phraseToSource(phrase); // validates now, so a bad phrase fails on load
  let re: RegExp | undefined;
  return {
    get re() {
      // No u flag: a Unicode look-around RegExp costs ~1 ms to compile on first use; the
      // ASCII-negated WILD_CHAR class means the same on lower-cased text and compiles at once.
      return (re ??= new RegExp(source, 'g'));
    },
    keys: phraseKeys(phrase),
    weight,
    label,
    source: phrase,
  };
}

/**
 * A quick filter: for each whole alternative, the words of its first required slot. A
 * sentence without any of them cannot match, so its regular expression is not run.
 */
export function phraseKeys(phrase: string): string[] | null {
  const keys: string[] = [];
  for (const alt of phrase.trim().toLowerCase().replace(/[’‘]/g, "'").split(/\s+\|\s+/)) {
    const slot = alt.split(/\s+/).find((w) => w && !(w.length > 1 && w.endsWith('?')));
    if (!slot) return null;
    for (const a of slot.split('|').filter(Boolean)) {
      if (a.includes('*') || !/^[\p{L}\p{N}'_-]+$/u.test(a)) return null;
      keys.push(a);
    }
  }
  return keys;
}

function compilePhrases(list: Array<string | WeightedPhrase>, defaultWeight: number): CompiledPhrase[] {
  return list.map((p) => {
    const o = typeof p === 'string' ? { phrase: p } : p;
    return lazyPhrase(o.phrase, o.weight ?? defaultWeight, o.label ?? o.phrase.replace(/[|*]/g, (c) => (c === '|' ? '/' : '')));
  });
}

export function compileTone(options: ToneOptions, baseLexicon: Record<string, number> = {}): CompiledTone {
  const lexicon = new Map<string, number>();
  for (const [w, v] of Object.entries(baseLexicon)) if (!w.includes(' ')) lexicon.set(w.toLowerCase(), v);
  for (const [w, v] of Object.entries(options.lexicon ?? {})) {
    // 0 is kept, so that "clearly: 0" also stops the look-up of "clear" for "clearly".
    lexicon.set(w.toLowerCase(), v);
  }
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase().replace(/’/g, "'")));
  return {
    options,
    lexicon,
    phrases: Object.entries(options.phrases ?? {}).map(([phrase, v]) => lazyPhrase(phrase, v, phrase)),
    grievances: compilePhrases(options.grievances, 2),
    sarcasm: compilePhrases(options.sarcasm, 3),
    targets: compilePhrases(options.targets, 0),
    negators: lower(options.negators),
    intensifiers: lower(options.intensifiers),
    downtoners: lower(options.downtoners),
    contrast: lower(options.contrast),
    concessive: lower(options.concessive),
    acronyms: new Set(options.acronyms.map((a) => a.toUpperCase())),
    notTargetAfter: lower(options.notTargetAfter ?? []),
    titleRe: options.titles.length
      ? new RegExp(
          `(?<![\\p{L}])(?:${options.titles.map(escapeRe).join('|')})\\.?\\s+\\p{Lu}[\\p{L}'’-]+`,
          'gu',
        )
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Sentence splitting

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'prof', 'rev', 'sr', 'jr', 'vs', 'etc', 'eg', 'ie', 'no',
  'approx', 'dept', 'est', 'govt', 'inc', 'ltd', 'co', 'mt', 'fr', 'sgt', 'capt', 'nb', 'ps',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'yr',
]);

/**
 * Split text into sentence spans: at . ! ? … (and runs of them) followed by space and a
 * non-lower-case start, and at line breaks (with `softBreaks`, only at blank lines: a markdown
 * paragraph wraps its lines). Abbreviations (Mr., e.g.), initials, decimals,
 * times (3.30) and URLs do not end a sentence. Spans are trimmed and never empty.
 */
export function splitSentences(text: string, opts: { softBreaks?: boolean } = {}): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const n = text.length;
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ start: s, end: e });
  };
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '\n' && (!opts.softBreaks || /^\n[ \t\r]*\n/.test(text.slice(i, i + 64)))) {
      push(start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      let j = i;
      while (j < n && /[.!?…]/.test(text[j])) j++;
      // Closing quotes and brackets belong to the sentence.
      while (j < n && /["'”’)\]]/.test(text[j])) j++;
      const next = text[j];
      if (j >= n) {
        i = j;
        break;
      }
      if (!/\s/.test(next)) {
        i = j;
        continue; // "3.30", "www.x.com", "e.g.x"
      }
      if (c === '.' && j === i + 1) {
        // A single full stop: check the word before it.
        let k = i - 1;
        while (k >= 0 && /[\p{L}]/u.test(text[k])) k--;
        const word = text.slice(k + 1, i);
        const lw = word.toLowerCase();
        if (ABBREVIATIONS.has(lw) || (word.length === 1 && /\p{Lu}/u.test(word)) || (k >= 0 && text[k] === '.')) {
          i = j;
          continue;
        }
      }
      // A sentence does not start with a lower-case letter ("3 p.m. in the hall", "wait... what").
      let m = j;
      while (m < n && (text[m] === ' ' || text[m] === '\t')) m++;
      if (m < n && /\p{Ll}/u.test(text[m])) {
        i = j;
        continue;
      }
      push(start, j);
      start = j;
      i = j;
      continue;
    }
    i++;
  }
  push(start, n);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scoring

interface Token {
  /** Lower-cased word, curly apostrophe straightened. */
  w: string;
  raw: string;
  start: number;
  end: number;
  /** True for punctuation that ends a clause (, ; : — –). */
  brk: boolean;
  /** Valence after the rules below. */
  v: number;
  /** Covered by a phrase, sarcasm or grievance match: not scored as a word. */
  covered: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[,;:—–()]|\s-\s/gu;

/** @handles, URLs and e-mail addresses are not words: blank them (same length) before scoring. */
const NOT_WORDS_RE = /https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+|@[\p{L}\p{N}_]+/gu;

function tokenize(s: string): Token[] {
  const toks: Token[] = [];
  const masked = s.includes('@') || s.includes('http') || s.includes('www.') ? s.replace(NOT_WORDS_RE, (m) => ' '.repeat(m.length)) : s;
  for (const m of masked.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const brk = !/[\p{L}\p{N}]/u.test(raw);
    toks.push({
      w: brk ? raw.trim() : raw.toLowerCase().replace(/’/g, "'"),
      raw,
      start: m.index!,
      end: m.index! + raw.length,
      brk,
      v: 0,
      covered: false,
    });
  }
  return toks;
}

function lookup(lex: Map<string, number>, w: string): number | undefined {
  let v = lex.get(w);
  if (v !== undefined) return v;
  if (w.endsWith("'s")) return lex.get(w.slice(0, -2));
  if (w.length > 5 && w.endsWith('ily')) {
    v = lex.get(w.slice(0, -3) + 'y'); // happily -> happy
    if (v !== undefined) return v;
  }
  if (w.length > 4 && w.endsWith('ly')) {
    v = lex.get(w.slice(0, -2)); // brilliantly -> brilliant
    if (v !== undefined) return v;
    v = lex.get(w.slice(0, -2) + 'e'); // (not used much, but cheap)
    if (v !== undefined) return v;
  }
  return undefined;
}

function isNegator(t: CompiledTone, w: string): boolean {
  return t.negators.has(w) || w.endsWith("n't");
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function lowerSameLength(s: string): string {
  const l = s.toLowerCase();
  return l.length === s.length ? l : s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

interface Match {
  start: number;
  end: number;
  p: CompiledPhrase;
  text: string;
}

/** Drop matches that lie inside a longer (or earlier, equally long) match. */
function dedupe(ms: Match[]): Match[] {
  ms.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Match[] = [];
  let reach = -1;
  for (const m of ms) {
    if (m.end <= reach) continue;
    out.push(m);
    reach = m.end;
  }
  return out;
}

const overlaps = (a: Match, ms: Match[]) => ms.some((b) => a.start < b.end && b.start < a.end);

function findAll(list: CompiledPhrase[], lowered: string, original: string, words: Set<string>): Match[] {
  const out: Match[] = [];
  for (const p of list) {
    if (p.keys && !p.keys.some((k) => words.has(k))) continue;
    p.re.lastIndex = 0;
    for (const m of lowered.matchAll(p.re)) {
      out.push({ start: m.index!, end: m.index! + m[0].length, p, text: original.slice(m.index!, m.index! + m[0].length) });
    }
  }
  return dedupe(out);
}

/** Score one sentence (the whole string). Offsets in the result are relative to `s`. */
export function scoreSentence(s: string, t: CompiledTone, extraTargets: CompiledPhrase[] = []): Omit<SentenceTone, 'start' | 'end'> {
  const o = t.options;
  const reasons: string[] = [];
  const lowered = lowerSameLength(s.replace(/’/g, "'"));
  // Every word (and every word without a possessive 's) for the phrases' quick filter.
  const wordSet = new Set<string>();
  for (const w of lowered.split(/[^\p{L}\p{N}'_-]+/u)) {
    if (!w) continue;
    wordSet.add(w);
    const bare = w.replace(/^['-]+|['-]+$/g, '');
    wordSet.add(bare);
    if (bare.endsWith("'s")) wordSet.add(bare.slice(0, -2));
    // "drop-off", "anti-litter": the parts too, as a phrase may name one of them
    if (bare.includes('-')) for (const part of bare.split('-')) if (part) wordSet.add(part);
  }
  const toks = tokenize(s);
  const words = toks.filter((x) => !x.brk);

  const cover = (ms: Match[]) => {
    for (const m of ms) for (const tk of toks) if (tk.start >= m.start && tk.end <= m.end) tk.covered = true;
  };

  // 1. Sarcasm, grievance patterns and phrases take their words out of the word score.
  const sarcasm = findAll(t.sarcasm, lowered, s, wordSet);
  // A grievance phrase inside a sarcastic opening is the same evidence: "Thank you to the
  // parents who…" counts once (as sarcasm), so real thanks with nothing negative stays quiet.
  const grievances = findAll(t.grievances, lowered, s, wordSet).filter((m) => !sarcasm.some((x) => m.start >= x.start && m.end <= x.end));
  const phrases = findAll(t.phrases, lowered, s, wordSet).filter((m) => !overlaps(m, sarcasm));
  cover(sarcasm);
  cover(phrases);

  // 2. Word valences with negation and intensity.
  const caps = toks.filter(
    (x) => !x.brk && x.raw.length >= 2 && /^[\p{Lu}'’]+$/u.test(x.raw) && /\p{Lu}{2}/u.test(x.raw) && !t.acronyms.has(x.raw.replace(/['’]S$/, '')),
  );
  const lettersWords = words.filter((x) => /\p{L}/u.test(x.raw));
  // Mostly capitals: a heading ("SPORTS DAY RESULTS"), not emphasis, unless it ends in "!"
  // ("PLEASE STOP PARKING ON THE ZIG ZAGS!!!" shouts).
  const mostlyCaps = lettersWords.length > 0 && caps.length / lettersWords.length > 0.5;
  const shouting = mostlyCaps && !/!\s*$/.test(s);
  const capsSet = new Set(shouting ? [] : caps);
  // Title Case runs inside ordinary text are names and titles, not feelings: "Horrible
  // Histories", "the Big Bad Wolf", "The Very Hungry Caterpillar". (Not in a Title Case heading.)
  const isTitle = (x: Token | undefined) => !!x && !x.brk && /^\p{Lu}\p{Ll}/u.test(x.raw);
  const titleWords = lettersWords.filter((x) => isTitle(x)).length;
  const titleCaseLine = lettersWords.length >= 3 && titleWords / lettersWords.length > 0.6;
  const inName = new Set<Token>();
  if (!titleCaseLine) {
    for (let i = 0; i < toks.length; i++) {
      if (!isTitle(toks[i])) continue;
      // The first word is capitalised anyway: it belongs to a name only before two more
      // capitalised words ("Horrible Histories Live"), not before a name ("Sadly Mr Ahmed").
      if (i === 0 ? isTitle(toks[1]) && isTitle(toks[2]) : isTitle(toks[i - 1]) || isTitle(toks[i + 1])) inName.add(toks[i]);
    }
  }

  let concessiveEnd = -1;
  if (words.length && t.concessive.has(words[0].w)) {
    const comma = toks.findIndex((x) => x.brk && x.w === ',');
    if (comma > 0) concessiveEnd = comma;
  }
  let contrastAt = -1;
  for (let i = 1; i < toks.length; i++) {
    if (!toks[i].brk && t.contrast.has(toks[i].w)) {
      // "yet again" is a grievance, not a contrast; "not yet" is a negation.
      const next = toks[i + 1];
      if (toks[i].w === 'yet' && next && (next.w === 'again' || next.w === 'another')) continue;
      if (toks[i].w === 'yet' && isNegator(t, toks[i - 1].w)) continue;
      contrastAt = i;
      break;
    }
  }

  let pos = 0;
  let neg = 0;
  const negWords: string[] = [];
  const cues: Array<{ at: number; text: string }> = [];
  const posWords: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.brk || tk.covered || inName.has(tk)) continue;
    let v = lookup(t.lexicon, tk.w);
    if (v === undefined || v === 0) continue;
    let note = '';
    // Negation: a negator within the 3 words before, in the same clause.
    for (let k = i - 1, seen = 0; k >= 0 && seen < 3; k--) {
      if (toks[k].brk) break;
      seen++;
      if (isNegator(t, toks[k].w)) {
        v = -v * o.negationFactor;
        note = ` negated by "${toks[k].raw}"`;
        break;
      }
    }
    const prev = toks[i - 1];
    if (prev && !prev.brk && t.intensifiers.has(prev.w)) {
      v *= o.intensifierFactor;
      note += ` intensified by "${prev.raw}"`;
    }
    if (prev && !prev.brk && t.downtoners.has(prev.w)) {
      v *= o.downtonerFactor;
      note += ` softened by "${prev.raw}"`;
    }
    if (v < 0 && capsSet.has(tk)) {
      v *= o.emphasis.caps;
      note += ' in capitals';
    }
    if (contrastAt >= 0) {
      if (i < contrastAt) v *= o.contrastWeights.before;
      else v *= o.contrastWeights.after;
    } else if (concessiveEnd >= 0) {
      if (i < concessiveEnd) v *= o.contrastWeights.before;
      else v *= o.contrastWeights.after;
    }
    tk.v = v;
    const desc = `"${tk.raw}" ${v > 0 ? '+' : ''}${round(v)}${note}`;
    if (v < 0) {
      neg += v;
      negWords.push(desc);
      cues.push({ at: tk.start, text: tk.raw });
    } else {
      pos += v;
      posWords.push(desc);
    }
  }
  for (const m of phrases) {
    let v = m.p.weight;
    const at0 = toks.findIndex((x) => x.start >= m.start);
    const before = at0 > 0 ? toks[at0 - 1] : undefined;
    if (v < 0 && before && !before.brk && t.intensifiers.has(before.w)) v *= o.intensifierFactor; // "really fed up"
    if (contrastAt >= 0) {
      const at = toks.findIndex((x) => x.start >= m.start);
      v *= at >= 0 && at < contrastAt ? o.contrastWeights.before : o.contrastWeights.after;
    }
    const desc = `"${m.text}" ${v > 0 ? '+' : ''}${round(v)}`;
    if (v < 0) {
      neg += v;
      negWords.push(desc);
      cues.push({ at: m.start, text: m.text });
    } else {
      pos += v;
      posWords.push(desc);
    }
  }
  if (negWords.length) reasons.push(`negative words: ${negWords.join(', ')}`);
  if (posWords.length) reasons.push(`positive words: ${posWords.join(', ')}`);

  // 3. Grievance patterns and sarcasm.
  let grievance = 0;
  const seenG = new Set<string>();
  for (const m of grievances) {
    const key = `${m.start}:${m.end}`;
    if (seenG.has(key)) continue;
    seenG.add(key);
    // A grievance pattern inside the weaker half of a contrast counts less.
    let w = m.p.weight;
    if (contrastAt >= 0) {
      const at = toks.findIndex((x) => x.start >= m.start);
      if (at >= 0 && at < contrastAt) w *= o.contrastWeights.before;
    }
    grievance += w;
    cues.push({ at: m.start, text: m.text });
    reasons.push(`grievance pattern "${m.text}" -${round(w)}`);
  }
  for (const m of sarcasm) {
    grievance += m.p.weight;
    cues.push({ at: m.start, text: m.text });
    reasons.push(`sarcasm "${m.text}" -${m.p.weight}`);
  }

  // 4. Emphasis: capitals and repeated punctuation make negativity stronger.
  let emphasisCues = 0;
  const capsWords = [...capsSet].map((x) => x.raw);
  if (capsWords.length) emphasisCues++;
  const punct = s.match(/[!?]{2,}/g);
  if (punct) emphasisCues++;
  let negative = neg - grievance;
  if (negative < 0 && emphasisCues > 0) {
    const extra = negative * o.emphasis.perCue * Math.min(emphasisCues, 3);
    negative += extra;
    const what = [capsWords.length ? `capitals (${capsWords.join(' ')})` : '', punct ? `"${punct[0]}"` : '']
      .filter(Boolean)
      .join(' and ');
    reasons.push(`emphasis: ${what} ${round(extra)}`);
  }
  const pw = o.positiveWeight ?? 1;
  if (pos > 0 && pw !== 1) reasons.push(`positive words count x${pw}`);
  let score = round(pos * pw + negative);

  // 5. Who is it aimed at?
  let targetMatch: Match | undefined;
  const targetMatches = findAll([...t.targets, ...extraTargets], lowered, s, wordSet);
  if (t.titleRe) {
    t.titleRe.lastIndex = 0;
    for (const m of s.matchAll(t.titleRe)) {
      targetMatches.push({ start: m.index!, end: m.index! + m[0].length, p: { re: t.titleRe, weight: 0, label: 'a named person', source: 'title' }, text: m[0] });
    }
  }
  targetMatches.sort((a, b) => a.start - b.start);
  const cared = (at: number) => {
    const before = toks.filter((x) => x.end <= at && !x.brk);
    const w1 = before[before.length - 1]?.w ?? '';
    const w2 = before[before.length - 2]?.w ?? '';
    // "some of our families" singles people out again
    return t.notTargetAfter.has(w1) && w2 !== 'of';
  };
  const aimedAt = targetMatches.filter((m) => !cared(m.start));
  targetMatch = aimedAt[0];

  let kind: ToneKind = 'none';
  const hasEvidence = neg < 0 || grievance > 0;
  // A target with a weight (a company's help-desk handle, "my order") is evidence in itself,
  // once something else in the sentence is negative. Each labelled group counts once.
  if (hasEvidence) {
    const byLabel = new Map<string, Match>();
    for (const m of aimedAt) if (m.p.weight > 0 && (byLabel.get(m.p.label)?.p.weight ?? 0) < m.p.weight) byLabel.set(m.p.label, m);
    for (const m of byLabel.values()) {
      score = round(score - m.p.weight);
      reasons.push(`about ${m.p.label} ("${m.text}") -${m.p.weight}`);
    }
  }
  // Aimed at people: a grievance pattern lowers the bar to the grievance threshold; negative
  // words alone must reach the negative threshold ("the children were horrified to learn...").
  const aimedBar = o.thresholds.aimed ?? o.thresholds.negative;
  if (targetMatch && ((grievance > 0 && score <= o.thresholds.grievance) || (neg < 0 && score <= aimedBar))) kind = 'grievance';
  else if (hasEvidence && score <= o.thresholds.negative) kind = 'negative';
  if (targetMatch && kind !== 'none') reasons.push(`aimed at ${targetMatch.p.label} ("${targetMatch.text}")`);
  reasons.push(`score ${score}`);

  // Cues in reading order; a word inside a longer cue ("disappointed" in "we are
  // disappointed") is not repeated.
  cues.sort((a, b) => a.at - b.at || b.text.length - a.text.length);
  const cueTexts: string[] = [];
  let reach = -1;
  for (const c of cues) {
    if (c.at + c.text.length <= reach) continue;
    cueTexts.push(c.text.replace(/\s+/g, ' '));
    reach = Math.max(reach, c.at + c.text.length);
  }
  const res: Omit<SentenceTone, 'start' | 'end'> = { score, kind, cues: cueTexts, reasons, evidence: { negative: round(neg), grievance: round(grievance), aimed: !!targetMatch } };
  if (targetMatch && kind === 'grievance') {
    res.target = targetMatch.p.label;
    res.targetText = targetMatch.text;
  }
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
  return spans.map(({ start, end }) => ({
    start: start + from,
    end: end + from,
    ...scoreSentence(part.slice(start, end).replace(/\r?\n/g, (m) => ' '.repeat(m.length)), t, extraTargets),
  }));
}

/** Compile extra target names (e.g. staff from the school's data) as phrases. */
export function compileTargets(names: string[], label: string): CompiledPhrase[] {
  return names
    .map((n) => n.trim().replace(/[|*]/g, ''))
    .filter((n) => n.length > 1)
    .map((n) => ({ re: phraseToRegExp(n), weight: 0, label, source: n, keys: phraseKeys(n) }));
}

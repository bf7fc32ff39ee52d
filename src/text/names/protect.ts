/**
 * Words that are never a pupil, whatever the roster: staff with a title or a full name, class
 * names in a class context ("Oak Class"), allowed and famous names ("Roald Dahl").
 */
import { joinsName, type Tok } from './tokenize.js';
import { PARTICLES, TITLES, words } from './words.js';
import type { NameIndex } from './types.js';

interface Span {
  n: number;
  key: string;
}

/** Concatenated keys of tokens i..i+n-1 (n = 1..max), stopping where the gap does not join name parts. */
export function windows(toks: Tok[], i: number, max: number): Span[] {
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

const CLASS_WORDS = words.classWords;
const CLASS_BEFORE = words.classBefore;

/** Tokens that are never a pupil: staff with a title or full name, class names, allowed names. */
export function protectedTokens(index: NameIndex, toks: Tok[]): Uint8Array {
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
  if (index.classes.size) classLists(index, toks, prot);
  return prot;
}

const VERSUS = new Set(['and', 'or', 'v', 'vs', 'versus', 'beat', 'beats', 'against', 'between', 'plus', 'drew', 'with']);

/**
 * Class or house names used as teams: "Oak beat Willow 1-0", "between Cedar and Willow",
 * "Oak were the winners, Willow second, and Cedar and Ash joint third". A class name that is
 * also a pupil's first name (Willow) is the class when it is set against a class name that is
 * no pupil's (Oak), or when the sentence lists two or more such class names.
 */
function classLists(index: NameIndex, toks: Tok[], prot: Uint8Array): void {
  const bareClass = (k: number) => {
    const t = toks[k];
    if (!t || t.cap !== 'title' || !index.classes.has(t.key) || t.poss) return false;
    const next = toks[k + 1];
    return !(next && CLASS_WORDS.has(next.key) && !/[\n.!?]/.test(next.gap));
  };
  const teamOnly = (k: number) => bareClass(k) && !index.first.has(toks[k].key) && !index.last.has(toks[k].key);
  let s = 0;
  while (s < toks.length) {
    let e = s + 1;
    while (e < toks.length && !toks[e].sentStart) e++;
    const teams = new Set<string>();
    for (let k = s; k < e; k++) if (teamOnly(k)) teams.add(toks[k].key);
    for (let k = s; k < e; k++) {
      if (prot[k] || !bareClass(k) || teamOnly(k)) continue;
      let linked = teams.size >= 2;
      for (const d of [-2, -1, 1, 2]) {
        const o = k + d;
        if (linked || o < s || o >= e || !teamOnly(o)) continue;
        const between = toks.slice(Math.min(k, o) + 1, Math.max(k, o));
        const gapOk = between.every((x) => VERSUS.has(x.key)) && (between.length > 0 || /,/.test(toks[Math.max(k, o)].gap));
        if (gapOk) linked = true;
      }
      // never a pupil's full name ("Willow Hughes")
      const next = toks[k + 1];
      if (linked && !(next && joinsName(next.gap) && index.last.has(next.key))) prot[k] = 1;
    }
    s = e;
  }
}

export function pupilFullName(index: NameIndex, firstKey: string, lastKey: string): boolean {
  const ids = index.first.get(firstKey);
  return !!ids && ids.some((id) => index.pupils[id].lastKey === lastKey);
}

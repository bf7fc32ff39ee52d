/**
 * Word valences of one sentence: each lexicon word and phrase, with negation ("not good"),
 * intensity ("very", "a bit"), capitals, and contrast ("sadly we lost, but we played
 * brilliantly" weighs the clause after "but" more; "although ..., ..." the main clause).
 */
import type { CompiledTone } from './compile.js';
import type { Match } from './phrases.js';
import { lookup, round, type Capitals, type Token } from './tokens.js';

export interface Cue {
  at: number;
  text: string;
}

export interface WordScore {
  pos: number;
  neg: number;
  negWords: string[];
  posWords: string[];
  cues: Cue[];
  /** Index of the contrast word ("but"), or -1: grievance phrases before it count less. */
  contrastAt: number;
}

export function isNegator(t: CompiledTone, w: string): boolean {
  return t.negators.has(w) || w.endsWith("n't");
}

/** Where a contrast word ("but", "however") splits the sentence, or -1. */
function findContrast(t: CompiledTone, toks: Token[]): number {
  for (let i = 1; i < toks.length; i++) {
    if (toks[i].brk || !t.contrast.has(toks[i].w)) continue;
    // "yet again" is a grievance, not a contrast; "not yet" is a negation.
    const next = toks[i + 1];
    if (toks[i].w === 'yet' && next && (next.w === 'again' || next.w === 'another')) continue;
    if (toks[i].w === 'yet' && isNegator(t, toks[i - 1].w)) continue;
    return i;
  }
  return -1;
}

export function scoreWords(t: CompiledTone, toks: Token[], caps: Capitals, phrases: Match[]): WordScore {
  const o = t.options;
  const words = toks.filter((x) => !x.brk);
  let concessiveEnd = -1;
  if (words.length && t.concessive.has(words[0].w)) {
    const comma = toks.findIndex((x) => x.brk && x.w === ',');
    if (comma > 0) concessiveEnd = comma;
  }
  const contrastAt = findContrast(t, toks);
  const clauseWeight = (i: number) => {
    const split = contrastAt >= 0 ? contrastAt : concessiveEnd;
    if (split < 0) return 1;
    return i < split ? o.contrastWeights.before : o.contrastWeights.after;
  };
  const out: WordScore = { pos: 0, neg: 0, negWords: [], posWords: [], cues: [], contrastAt };
  const add = (v: number, desc: string, cue: Cue) => {
    if (v < 0) {
      out.neg += v;
      out.negWords.push(desc);
      out.cues.push(cue);
    } else {
      out.pos += v;
      out.posWords.push(desc);
    }
  };
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.brk || tk.covered || caps.inName.has(tk)) continue;
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
    if (v < 0 && caps.emphasis.has(tk)) {
      v *= o.emphasis.caps;
      note += ' in capitals';
    }
    v *= clauseWeight(i);
    tk.v = v;
    add(v, `"${tk.raw}" ${v > 0 ? '+' : ''}${round(v)}${note}`, { at: tk.start, text: tk.raw });
  }
  for (const m of phrases) {
    let v = m.p.weight;
    const at = toks.findIndex((x) => x.start >= m.start);
    const before = at > 0 ? toks[at - 1] : undefined;
    if (v < 0 && before && !before.brk && t.intensifiers.has(before.w)) v *= o.intensifierFactor; // "really fed up"
    if (contrastAt >= 0) v *= at >= 0 && at < contrastAt ? o.contrastWeights.before : o.contrastWeights.after;
    add(v, `"${m.text}" ${v > 0 ? '+' : ''}${round(v)}`, { at: m.start, text: m.text });
  }
  return out;
}

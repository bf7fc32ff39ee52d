/**
 * Who a sentence is about and whether it blames: grievance phrases, sarcasm and scolding
 * capitals add blame; targets say who it is aimed at ("some parents", "whoever", "Mr Brown",
 * the council, an @handle); kindly phrases (sympathy, loss, a leaver, a lost pet, a match
 * report) take the sting out of negative words. `decide` turns the evidence into a kind.
 */
import type { CompiledTone } from './compile.js';
import { findAll, type CompiledPhrase, type Match } from './phrases.js';
import type { Cue } from './score.js';
import { round, type Capitals, type Token } from './tokens.js';

export interface Blame {
  /** Points of blame from grievance phrases, sarcasm and scolding capitals. */
  points: number;
  cues: Cue[];
  reasons: string[];
}

/** Grievance phrases (outside sarcasm), sarcasm, and shout words in capitals ("NOT", "WILL"). */
export function findBlame(t: CompiledTone, grievances: Match[], sarcasm: Match[], toks: Token[], caps: Capitals, contrastAt: number): Blame {
  const o = t.options;
  const out: Blame = { points: 0, cues: [], reasons: [] };
  for (const m of grievances) {
    // A grievance pattern inside the weaker half of a contrast counts less.
    let w = m.p.weight;
    if (contrastAt >= 0) {
      const at = toks.findIndex((x) => x.start >= m.start);
      if (at >= 0 && at < contrastAt) w *= o.contrastWeights.before;
    }
    out.points += w;
    out.cues.push({ at: m.start, text: m.text });
    out.reasons.push(`grievance pattern "${m.text}" -${round(w)}`);
  }
  for (const m of sarcasm) {
    out.points += m.p.weight;
    out.cues.push({ at: m.start, text: m.text });
    out.reasons.push(`sarcasm "${m.text}" -${m.p.weight}`);
  }
  const shout = o.emphasis.shout ?? 0;
  if (shout > 0) {
    const shouted = [...caps.emphasis].filter((x) => t.shouts.has(x.raw.toUpperCase())).slice(0, 2);
    for (const x of shouted) {
      out.points += shout;
      out.cues.push({ at: x.start, text: x.raw });
      out.reasons.push(`scolding capitals "${x.raw}" -${shout}`);
    }
  }
  return out;
}

/**
 * Who the sentence is aimed at: targets from the rule (and staff names), and "Title Name".
 * A target just after a caring word ("our children", "puts children at risk") is not blamed.
 */
export function findTargets(t: CompiledTone, s: string, lowered: string, words: Set<string>, toks: Token[], extra: CompiledPhrase[]): Match[] {
  const found = findAll([...t.accounts, ...t.targets, ...extra], lowered, s, words);
  if (t.titleRe) {
    t.titleRe.lastIndex = 0;
    for (const m of s.matchAll(t.titleRe)) {
      found.push({ start: m.index!, end: m.index! + m[0].length, p: { re: t.titleRe, weight: 0, label: 'a named person', source: 'title' }, text: m[0] });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const cared = (at: number) => {
    const before = toks.filter((x) => x.end <= at && !x.brk);
    const w1 = before[before.length - 1]?.w ?? '';
    const w2 = before[before.length - 2]?.w ?? '';
    // "some of our families" singles people out again
    return t.notTargetAfter.has(w1) && w2 !== 'of';
  };
  return found.filter((m) => !cared(m.start));
}

export type ToneKind = 'grievance' | 'negative' | 'none';

export interface Evidence {
  /** Sum of negative word valences (after kindly phrases took theirs out). */
  negative: number;
  /** Points of blame. */
  grievance: number;
  aimed: boolean;
  /** A kindly phrase was found (sympathy, loss, a match report...). */
  kindly?: boolean;
  /** The sentence (or its block) tags an account: `thresholds.addressed` applies. */
  addressed?: boolean;
}

/**
 * The kind from the evidence: aimed at someone with blame (or strongly negative words) is a
 * grievance; blame strong enough (`thresholds.scold`) is one even when no one is named (it is
 * aimed at the readers); negativity aimed at no one is a warning, unless told kindly.
 */
export function decide(t: CompiledTone, score: number, ev: Evidence): { kind: ToneKind; readers: boolean } {
  const th = t.options.thresholds;
  const bar = ev.addressed && th.addressed !== undefined ? th.addressed : th.grievance;
  const aimedBar = ev.addressed && th.addressed !== undefined ? Math.max(th.addressed, th.aimed ?? th.negative) : (th.aimed ?? th.negative);
  const blamed = ev.grievance > 0 && score <= bar;
  if (ev.aimed && (blamed || (ev.negative < 0 && score <= aimedBar))) return { kind: 'grievance', readers: false };
  if (!ev.aimed && th.scold !== undefined && blamed && ev.grievance >= th.scold) return { kind: 'grievance', readers: true };
  if (ev.kindly) return { kind: 'none', readers: false };
  if ((ev.negative < 0 || ev.grievance > 0) && score <= th.negative) return { kind: 'negative', readers: false };
  return { kind: 'none', readers: false };
}

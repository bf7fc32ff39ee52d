/**
 * The tokens around a candidate time: what leads into it, what follows it, and the words
 * near it (events, money, parts of the day) that decide whether a number is a time.
 */
import { tokenize, type Tok } from './tokenize.js';
import type { PartOfDay } from './types.js';
import { EACH_REPEATS, EVENING_EVENTS, EVENT_WORDS, FOLLOW_OK, MONEY_WORDS, TIME_NOUN_EVENTS } from './words.js';

export interface Tail {
  end: number;
  pod?: PartOfDay;
  mer?: 'am' | 'pm';
  /** Inside the span (a part-of-day phrase) or only looked at ("tomorrow"). */
  inSpan: boolean;
}

export class Context {
  readonly T: Tok[];

  constructor(readonly text: string) {
    this.T = tokenize(text);
  }

  /** Token i follows i-1 closely enough to be in the same expression. */
  near(i: number): boolean {
    const t = this.T[i];
    return !!t && !t.brk;
  }

  w(i: number): string | undefined {
    const t = this.T[i];
    return t && t.k === 'w' ? t.l : undefined;
  }

  isSentenceStart(i: number): boolean {
    const p = this.T[i - 1];
    if (!p || p.brk || this.T[i].nl) return true;
    return p.k === 'p' && /^[.!?:;"“(\-–—•*#>]$/.test(p.t);
  }

  parseTail(j: number): Tail | null {
    const a = this.w(j);
    if (!a || !this.near(j)) return null;
    const podOf = (w: string | undefined): PartOfDay | undefined =>
      w === 'morning' ? 'morning' : w === 'afternoon' ? 'afternoon' : w === 'evening' ? 'evening' : w === 'night' ? 'night' : undefined;
    const merOf = (p: PartOfDay): 'am' | 'pm' => (p === 'morning' ? 'am' : 'pm');
    if (a === 'in') {
      let k = j + 1;
      if (this.w(k) === 'the') k++;
      const b = this.w(k);
      if (b === 'am' || b === 'pm') return { end: k + 1, mer: b, inSpan: true };
      const p = podOf(b);
      if (p && p !== 'night') return { end: k + 1, pod: p, mer: merOf(p), inSpan: true };
      return null;
    }
    if (a === 'at' && this.w(j + 1) === 'night') return { end: j + 2, pod: 'night', mer: 'pm', inSpan: true };
    if (a === 'tonight' || a === 'tonite') return { end: j + 1, pod: 'evening', mer: 'pm', inSpan: true };
    if (a === 'this') {
      const p = podOf(this.w(j + 1));
      if (p) return { end: j + 2, pod: p, mer: merOf(p), inSpan: true };
    }
    if (a === 'tomorrow' || a === 'today') {
      const p = podOf(this.w(j + 1));
      if (p) return { end: j + 2, pod: p, mer: merOf(p), inSpan: false };
      return { end: j + 1, inSpan: false };
    }
    return null;
  }

  /** The next token after an expression keeps a weak time a time. */
  followOk(j: number): boolean {
    const n = this.T[j];
    if (!n || n.brk) return true;
    if (n.k === 'p') {
      if (/^[%/+=×x*^]$/.test(n.t)) return false;
      if (/^[-–—]$/.test(n.t)) return this.T[j + 1]?.k !== 'n';
      return true;
    }
    if (n.k === 'n') return false;
    if (n.nl) return true;
    // "at 9 each morning", "at 4 each Friday": a repeat, not "3 each" (a price or a share)
    if (n.l === 'each') {
      const m = this.T[j + 1];
      return !!m && !m.brk && m.k === 'w' && EACH_REPEATS.has(m.l);
    }
    return FOLLOW_OK.has(n.l);
  }

  /** The clause ends at token j: end of text, punctuation, a line break or a time word. */
  endsClause(j: number): boolean {
    const n = this.T[j];
    if (!n || n.brk || n.nl) return true;
    if (n.k === 'p') return !/^[-–—]$/.test(n.t);
    return /^(on|in|at|tonight|tonite|today|tomorrow|sharp|prompt|promptly|please|and|or|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(n.l);
  }

  /** "finishing time is", "pick-up time:", "start time" right before token i. */
  timeNounBefore(i: number): boolean {
    let k = i - 1;
    const t = (j: number) => this.T[j];
    if (t(k) && (t(k).t === ':' || t(k).l === 'is' || t(k).l === 'will' || t(k).l === 'be' || t(k).l === 'now')) k--;
    if (t(k) && t(k).l === 'be' && t(k - 1)?.l === 'will') k -= 2;
    if (!t(k) || !/^times?$/.test(t(k).l)) return false;
    const p = t(k - 1);
    return !!p && p.k === 'w' && TIME_NOUN_EVENTS.has(p.l);
  }

  /** One of `words` within `n` tokens before token i, in the same sentence. */
  wordBefore(i: number, n: number, words: Set<string>): boolean {
    for (let k = i - 1, c = 0; k >= 0 && c < n; k--, c++) {
      const t = this.T[k];
      if ((t.k === 'p' && /^[.!?;]$/.test(t.t)) || this.T[k + 1].brk) return false;
      if (t.k === 'w' && words.has(t.l)) return true;
    }
    return false;
  }

  /** An event word shortly before token i, in the same sentence. */
  eventBefore(i: number): boolean {
    for (let k = i - 1, n = 0; k >= 0 && n < 7; k--, n++) {
      const t = this.T[k];
      if (t.k === 'p' && /^[.!?;]$/.test(t.t)) return false;
      if (t.k === 'w' && EVENT_WORDS.has(t.l)) return true;
      if (this.T[k + 1].brk) return false;
    }
    return false;
  }

  /**
   * A part-of-day phrase ending right before token i that says when on its own: "this
   * evening", "tonight", "Saturday morning" (not "quiz night", an event's name).
   */
  dayPhraseBefore(i: number): { start: number; end: number } | undefined {
    const t = this.T[i - 1];
    if (!t || t.k !== 'w' || this.T[i].brk) return undefined;
    if (t.l === 'tonight' || t.l === 'tonite') return { start: t.s, end: t.e };
    if (!/^(morning|afternoon|evening|night)$/.test(t.l)) return undefined;
    const d = this.T[i - 2];
    if (d && d.k === 'w' && !this.T[i - 1].brk && /^(this|tomorrow|friday|monday|tuesday|wednesday|thursday|saturday|sunday|every|each|on|the|that)$/.test(d.l)) {
      const start = /^(on|the)$/.test(d.l) ? t.s : d.s;
      if (d.l === 'the' && t.l === 'night') return undefined;
      return { start, end: t.e };
    }
    return undefined;
  }

  /** A part of day just before token i: "this morning at 10", "tonight @ 3:20". */
  podBefore(i: number): PartOfDay | undefined {
    for (let k = i - 1, n = 0; k >= 0 && n < 3; k--, n++) {
      const t = this.T[k];
      if (t.k !== 'w' || this.T[k + 1].brk) return undefined;
      if (t.l === 'morning') return 'morning';
      if (t.l === 'afternoon') return 'afternoon';
      if (t.l === 'evening' || t.l === 'tonight' || t.l === 'tonite') return 'evening';
      if (t.l === 'night') return 'evening'; // "quiz night at 7"
    }
    return undefined;
  }

  /** An evening kind of event in the same sentence ("disco", "bonfire"...). */
  eveningEventNear(i: number): boolean {
    for (let k = i - 1, n = 0; k >= 0 && n < 12; k--, n++) {
      const t = this.T[k];
      if ((t.k === 'p' && /^[.!?]$/.test(t.t)) || this.T[k + 1].brk) break;
      if (EVENING_EVENTS.has(t.l)) return true;
    }
    for (let k = i + 1, n = 0; k < this.T.length && n < 12; k++, n++) {
      const t = this.T[k];
      if ((t.k === 'p' && /^[.!?]$/.test(t.t)) || t.brk) break;
      if (EVENING_EVENTS.has(t.l)) return true;
    }
    return false;
  }

  moneyNear(i: number): boolean {
    for (let k = i - 1, n = 0; k >= 0 && n < 4; k--, n++) {
      const t = this.T[k];
      if (t.k === 'p' && /^[.!?;]$/.test(t.t)) return false;
      if (MONEY_WORDS.has(t.l) || /^[£$€]$/.test(t.t)) return true;
    }
    return false;
  }
}

/**
 * Candidate times, one form each: "6pm", "6.30", "18:00", "1800hrs", "half past six", "noon",
 * a bare "3". Each parse method reads from a token and returns the time's core (hour, minute,
 * am/pm, how it was written) or null.
 */
import { Context } from './context.js';
import { HOUR_WORDS, HRS_WORDS, LABEL_NOUNS, NOON_WORDS, PAST_TO, TEENS, TENS, TIME_ZONES, UNITS } from './words.js';

export type Kind = 'colon' | 'scolon' | 'dot' | 'hform' | 'hhmm' | 'pair' | 'bare' | 'word' | 'noon' | 'phrase' | 'half';

export interface Core {
  i0: number;
  /** Exclusive token index. */
  i1: number;
  h: number;
  m: number;
  kind: Kind;
  mer?: 'am' | 'pm';
  weakMer?: boolean;
  oclock?: boolean;
  ish?: boolean;
  tz?: boolean;
  hrs?: boolean;
  /** Digits of an hhmm number. */
  digits?: number;
  /** Written with a leading zero ("06:30"): a 24-hour time. */
  zero?: boolean;
  inherited?: boolean;
  fromTail?: boolean;
}

export class Matcher extends Context {
  parseMer(i: number): { end: number; mer: 'am' | 'pm'; weak: boolean } | null {
    const t = this.T[i];
    if (!t || t.brk || t.k !== 'w') return null;
    if (t.l === 'am' || t.l === 'pm') {
      // "6 am" but not "I am": the previous token is a number or part of a time
      return { end: i + 1, mer: t.l, weak: false };
    }
    if (t.l === 'a' || t.l === 'p') {
      const mer = t.l === 'a' ? 'am' : 'pm';
      const d1 = this.T[i + 1];
      const d2 = this.T[i + 2];
      if (d1 && d1.att && d1.t === '.' && d2 && d2.att && d2.l === 'm') {
        let end = i + 3;
        const d3 = this.T[end];
        if (d3 && d3.att && d3.t === '.') end++;
        return { end, mer, weak: false };
      }
      if (d1 && !d1.brk && !d1.att && d1.l === 'm') return { end: i + 2, mer, weak: false };
      if (t.att) {
        // "3p", "9a." — only counts where the context says time
        return { end: i + 1, mer, weak: true };
      }
      return null;
    }
    if (t.l === 'a.m' || t.l === 'p.m') return { end: i + 1, mer: t.l[0] === 'a' ? 'am' : 'pm', weak: false };
    return null;
  }

  parseOclock(i: number): number {
    const t = this.T[i];
    if (!t || t.brk) return -1;
    if (t.l === "o'clock" || t.l === 'oclock') return i + 1;
    if (t.l === 'o' && this.T[i + 1]?.l === 'clock' && this.near(i + 1)) return i + 2;
    return -1;
  }

  /** Minutes written in words: "thirty", "forty-five", "fifty nine", "oh five". */
  parseMinuteWords(i: number): { end: number; v: number } | null {
    const a = this.w(i);
    if (!a || !this.near(i)) return null;
    if ((a === 'oh' || a === 'o') && UNITS[this.w(i + 1) ?? ''] && this.near(i + 1)) {
      return { end: i + 2, v: UNITS[this.w(i + 1)!] };
    }
    if (TEENS[a] !== undefined) return { end: i + 1, v: TEENS[a] };
    if (TENS[a] !== undefined) {
      let j = i + 1;
      if (this.T[j]?.t === '-' && this.T[j].att) j++;
      const u = this.w(j);
      if (u && UNITS[u] !== undefined && this.near(j)) return { end: j + 1, v: TENS[a] + UNITS[u] };
      return { end: i + 1, v: TENS[a] };
    }
    return null;
  }

  /** Does a number token stand on its own (not "A4", "3,456", "2/3", "£5", "5th")? */
  numStandsAlone(i: number, allowDashBefore: boolean): boolean {
    const t = this.T[i];
    const p = this.T[i - 1];
    if (p && t.att) {
      if (p.k !== 'p') return false;
      if (/^[.,/:£$€#+'’]$/.test(p.t)) return false;
      if (/^[-–—]$/.test(p.t) && !allowDashBefore) return false;
    }
    if (p && /^[£$€]$/.test(p.t)) return false;
    if (p && p.t === '.' && p.att && this.T[i - 2]?.l === 'no') return false;
    return true;
  }

  /** After a number's digits: the next token glued to it is not a unit or another number. */
  numEndsCleanly(j: number): boolean {
    const n = this.T[j];
    if (!n || !n.att) return true;
    if (n.k === 'n') return false;
    if (n.k === 'w') return /^(am|pm|a|p|h|hrs|hr|ish|o'clock|oclock|hours)$/.test(n.l);
    if (/^[/%°'"’”]$/.test(n.t)) {
      // "6'" and "6%" are not times; a closing quote after a number is fine only if followed by space
      return n.t === '’' || n.t === '”' || n.t === '"' ? !(this.T[j + 1]?.att) : false;
    }
    if ((n.t === '.' || n.t === ',' || n.t === ':') && this.T[j + 1]?.k === 'n' && this.T[j + 1].att) return false;
    return true;
  }

  /** After the core: "ish", "o'clock", am/pm, time zone. */
  finish(c: Core): Core {
    let j = c.i1;
    const t = () => this.T[j];
    if (t() && !t().brk && t().l === 'ish') {
      c.ish = true;
      j++;
    } else if (t()?.t === '-' && t().att && this.T[j + 1]?.l === 'ish') {
      c.ish = true;
      j += 2;
    }
    if (c.kind === 'bare' || c.kind === 'word') {
      const oc = this.parseOclock(j);
      if (oc > 0 && c.h >= 1 && c.h <= 12) {
        c.oclock = true;
        j = oc;
      }
    }
    if (c.kind !== 'noon') {
      const mer = this.parseMer(j);
      if (mer && c.h >= 0 && c.h <= 12 && !(c.kind === 'hform')) {
        c.mer = mer.mer;
        c.weakMer = mer.weak;
        j = mer.end;
      }
    }
    if (t() && !t().brk && TIME_ZONES.has(t().l) && t().k === 'w') {
      c.tz = true;
      j++;
    } else if (t()?.t === '(' && TIME_ZONES.has(this.T[j + 1]?.l ?? '') && this.T[j + 2]?.t === ')') {
      c.tz = true;
      j += 3;
    }
    c.i1 = j;
    return c;
  }

  /** The hour of a "past/to" phrase: a number, an hour word, noon or midnight (with am/pm). */
  parseHourSpec(i: number): Core | null {
    const t = this.T[i];
    if (!t || t.brk) return null;
    if (t.k === 'n') {
      if (!this.numStandsAlone(i, false)) return null;
      const n = +t.t;
      if (t.t.length > 2 || n > 23) return null;
      if (this.T[i + 1]?.l === 'h' && this.T[i + 1].att) return this.finish({ i0: i, i1: i + 2, h: n, m: 0, kind: 'hform' });
      if (!this.numEndsCleanly(i + 1)) return null;
      if (n < 1 || n > 12) return null;
      return this.finish({ i0: i, i1: i + 1, h: n, m: 0, kind: 'bare' });
    }
    if (t.k === 'w') {
      if (HOUR_WORDS[t.l] !== undefined) return this.finish({ i0: i, i1: i + 1, h: HOUR_WORDS[t.l], m: 0, kind: 'word' });
      if (NOON_WORDS.has(t.l)) return { i0: i, i1: i + 1, h: t.l === 'midnight' ? 0 : 12, m: 0, kind: 'noon' };
    }
    return null;
  }

  /** "half past six", "quarter to four", "ten past nine", "20 minutes to 2pm", "half three". */
  parsePhrase(i: number): Core | null {
    const t = this.T[i];
    let j = i;
    let mins: number | null = null;
    let minWord = '';
    if (t.l === 'a' && this.w(i + 1) === 'quarter' && this.near(i + 1)) {
      mins = 15;
      minWord = 'quarter';
      j = i + 2;
    } else if (t.l === 'quarter') {
      mins = 15;
      minWord = 'quarter';
      j = i + 1;
    } else if (t.l === 'half') {
      mins = 30;
      minWord = 'half';
      j = i + 1;
    } else if (t.k === 'n' && t.t.length <= 2 && +t.t >= 1 && +t.t <= 59 && this.numStandsAlone(i, false)) {
      mins = +t.t;
      minWord = 'digits';
      j = i + 1;
    } else {
      const mw = this.parseMinuteWords(i) ?? (UNITS[t.l] ? { end: i + 1, v: UNITS[t.l] } : null);
      if (mw) {
        mins = mw.v;
        minWord = this.T.slice(i, mw.end).map((x) => x.l).join(' ').replace(' - ', '-');
        j = mw.end;
      }
    }
    if (mins === null) return null;
    let minutesWord = false;
    if (/^(minutes|minute|mins|min)$/.test(this.w(j) ?? '') && this.near(j)) {
      minutesWord = true;
      j++;
    }
    const rel = this.w(j);
    if (minWord === 'half' && !minutesWord) {
      // "half past six" or the British "half six"
      if (rel === 'past' && this.near(j)) {
        const h = this.parseHourSpec(j + 1);
        if (h) return this.phraseCore(i, h, 30, 'past');
        return null;
      }
      const prev = this.w(i - 1);
      if (prev === 'a' || prev === 'and' || prev === 'in' || prev === 'the' || prev === 'first' || prev === 'second') return null;
      const h = this.parseHourSpec(j);
      if (h && h.kind !== 'noon' && h.kind !== 'hform' && this.near(j)) {
        const c = this.phraseCore(i, h, 30, 'past');
        c.kind = 'half';
        return c;
      }
      return null;
    }
    if (!rel || !PAST_TO.has(rel) || !this.near(j)) return null;
    // a time-like "to"/"after" only with minute amounts people use for it; "5 to 6" is a range
    const h = this.parseHourSpec(j + 1);
    if (!h) return null;
    if (rel === 'to' || rel === 'til' || rel === 'till') {
      const ok =
        minWord === 'quarter' || minutesWord || h.kind === 'noon' ||
        ['five', 'ten', 'twenty', 'twenty five', 'twenty-five'].includes(minWord);
      if (!ok) return null;
      if (rel !== 'to' && !(minWord === 'quarter' || minutesWord)) return null;
      const prev = this.w(i - 1);
      if (prev && (prev === 'from' || prev === 'between' || LABEL_NOUNS.has(prev))) return null;
      return this.phraseCore(i, h, mins, 'to');
    }
    if (rel === 'after') {
      if (!(minWord === 'quarter' || minutesWord || /^(five|ten|twenty|twenty.five)$/.test(minWord))) return null;
      return this.phraseCore(i, h, mins, 'past');
    }
    // past
    if (minWord === 'digits' && !minutesWord && mins > 30 && h.kind !== 'noon') return null;
    return this.phraseCore(i, h, mins, 'past');
  }

  phraseCore(i: number, h: Core, mins: number, rel: 'past' | 'to'): Core {
    let hour = h.h;
    let m = mins;
    if (rel === 'to') {
      hour = hour === 0 ? 23 : hour - 1;
      if (h.kind !== 'hform' && !h.mer && hour === 0) hour = 12;
      m = 60 - mins;
      if (h.kind === 'noon' && h.h === 12) hour = 11;
    }
    return { i0: i, i1: h.i1, h: hour, m, kind: 'phrase', mer: h.kind === 'noon' ? (h.h === 12 ? (rel === 'to' ? 'am' : 'pm') : rel === 'to' ? 'pm' : 'am') : h.mer, tz: h.tz };
  }

  parseNumCore(i: number, allowDashBefore: boolean): Core | null {
    const t = this.T[i];
    if (!this.numStandsAlone(i, allowDashBefore)) return null;
    const d = t.t;
    const n = +d;
    const a = this.T[i + 1];
    const b = this.T[i + 2];
    // colon: 6:30, 18:00, 15:23:24 (spaces allowed around the colon: markdown may split it)
    if (a && a.t === ':' && !a.brk && b && b.k === 'n' && !b.brk && b.t.length === 2 && d.length <= 2 && n <= 24 && +b.t <= 59) {
      let j = i + 3;
      const spaced = !a.att || !b.att;
      if (this.T[j]?.t === ':' && this.T[j].att && this.T[j + 1]?.k === 'n' && this.T[j + 1].att && this.T[j + 1].t.length === 2) j += 2;
      if (this.T[j]?.t === '.' && this.T[j].att && this.T[j + 1]?.k === 'n' && this.T[j + 1].att) return null; // 3:45.2 race time
      if (this.T[j]?.t === ':' && this.T[j].att && this.T[j + 1]?.k === 'n') return null;
      if (!this.numEndsCleanly(j)) return null;
      return this.finish({ i0: i, i1: j, h: n, m: +b.t, kind: spaced ? 'scolon' : 'colon', zero: d.length === 2 && d[0] === '0' });
    }
    // dot: 6.30 (never 12.06.25, 3.5, 1.250)
    if (a && a.t === '.' && a.att && b && b.k === 'n' && b.att) {
      if (b.t.length !== 2 || d.length > 2 || n > 23 || +b.t > 59) return null;
      const c = this.T[i + 3];
      if (c && c.att && /^[./,]$/.test(c.t) && this.T[i + 4]?.k === 'n' && this.T[i + 4].att) return null;
      if (!this.numEndsCleanly(i + 3)) return null;
      return this.finish({ i0: i, i1: i + 3, h: n, m: +b.t, kind: 'dot', zero: d.length === 2 && d[0] === '0' });
    }
    // 15h, 15h30, 3h18
    if (a && a.l === 'h' && a.att && d.length <= 2 && n <= 23) {
      let j = i + 2;
      let m = 0;
      if (b && b.k === 'n' && b.att && b.t.length === 2 && +b.t <= 59) {
        m = +b.t;
        j++;
      }
      if (!this.numEndsCleanly(j)) return null;
      return this.finish({ i0: i, i1: j, h: n, m, kind: 'hform' });
    }
    if (a && a.t === ',' && a.att && b?.k === 'n' && b.att) return null;
    // 1800hrs, 0735 GMT, 630 pm, "at 1030"
    if (d.length === 3 || d.length === 4) {
      const hh = Math.floor(n / 100);
      const mm = n % 100;
      if (mm > 59 || hh > 23) return null;
      if (!this.numEndsCleanly(i + 1)) return null;
      let j = i + 1;
      let hrs = false;
      if (this.T[j] && !this.T[j].brk && (HRS_WORDS.has(this.T[j].l) || (this.T[j].l === 'h' && this.T[j].att))) {
        hrs = true;
        j++;
      }
      const c = this.finish({ i0: i, i1: j, h: hh, m: mm, kind: 'hhmm', hrs, digits: d.length });
      if (c.mer && (hh < 1 || hh > 12)) return null;
      return c;
    }
    if (d.length > 2 || n > 24) return null;
    // "at 3 15"
    if (a && a.k === 'n' && !a.att && !a.brk && a.t.length === 2 && +a.t <= 59 && n >= 1 && n <= 12 && this.numEndsCleanly(i + 2)) {
      const c = this.finish({ i0: i, i1: i + 2, h: n, m: +a.t, kind: 'pair' });
      return c;
    }
    if (!this.numEndsCleanly(i + 1)) return null;
    // 12 noon
    if (n === 12 && a && !a.brk && NOON_WORDS.has(a.l)) {
      return { i0: i, i1: i + 2, h: a.l === 'midnight' ? 0 : 12, m: 0, kind: 'noon' };
    }
    return this.finish({ i0: i, i1: i + 1, h: n, m: 0, kind: 'bare' });
  }

  parseWordCore(i: number): Core | null {
    const t = this.T[i];
    const l = t.l;
    if (NOON_WORDS.has(l) || (l === 'mid' && this.T[i + 1] && (this.T[i + 1].l === 'day' || (this.T[i + 1].t === '-' && this.T[i + 2]?.l === 'day')))) {
      const end = l === 'mid' ? (this.T[i + 1].l === 'day' ? i + 2 : i + 3) : i + 1;
      const c: Core = { i0: i, i1: end, h: l === 'midnight' ? 0 : 12, m: 0, kind: 'noon' };
      return c;
    }
    if (l === 'twelve' && this.T[i + 1] && !this.T[i + 1].brk && NOON_WORDS.has(this.T[i + 1].l)) {
      return { i0: i, i1: i + 2, h: this.T[i + 1].l === 'midnight' ? 0 : 12, m: 0, kind: 'noon' };
    }
    if (HOUR_WORDS[l] !== undefined) {
      const h = HOUR_WORDS[l];
      let j = i + 1;
      let m = 0;
      const mw = this.parseMinuteWords(j);
      if (mw && mw.v >= 1 && mw.v <= 59 && !(mw.v < 10 && !/^(oh|o)$/.test(this.T[j].l))) {
        m = mw.v;
        j = mw.end;
      }
      return this.finish({ i0: i, i1: j, h, m, kind: 'word' });
    }
    return null;
  }

  parseCore(i: number, allowDashBefore = false): Core | null {
    const t = this.T[i];
    if (!t) return null;
    if (t.k === 'n' || t.k === 'w') {
      const ph = this.parsePhrase(i);
      if (ph) return ph;
    }
    if (t.k === 'n') return this.parseNumCore(i, allowDashBefore);
    if (t.k === 'w') return this.parseWordCore(i);
    return null;
  }

  /** A part of day written after the time. */
}

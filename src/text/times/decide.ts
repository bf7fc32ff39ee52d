/**
 * Deciding: is a candidate a time or a count, which hour it means (a bare "3" at school is
 * 3 pm), and which part of the day it falls in.
 */
import type { Tail } from './context.js';
import type { Core, Matcher } from './match.js';
import type { PartOfDay } from './types.js';
import { AGE_BEFORE, BARE_HOUR_EVENTS, BIBLE, COLON_NOT_AFTER, COLON_NOT_BEFORE, COLON_SCORE_WORDS, EVENT_WORDS, LABEL_NOUNS, NOON_NOT_BEFORE, SOFT_LEADS, UNTIL_LEADS } from './words.js';

export function isStrong(c: Core): boolean {
  switch (c.kind) {
    case 'colon':
    case 'noon':
    case 'phrase':
    case 'half':
      return true;
    case 'hform':
      return c.m > 0 || c.h >= 13 || !!c.tz;
    case 'hhmm':
      return (!!c.mer && !c.weakMer && !c.fromTail) || (c.digits === 4 && (c.hrs || !!c.tz));
    default:
      return (!!c.mer && !c.weakMer && !c.fromTail) || !!c.oclock;
  }
}

export function hour24(c: Core): { h: number; exact: boolean } {
  if (c.kind === 'noon') return { h: c.h, exact: true };
  if (c.mer) {
    const h12 = c.h % 12;
    return { h: c.mer === 'pm' ? h12 + 12 : h12, exact: true };
  }
  if (c.h >= 13 || c.h === 0 || c.zero) return { h: c.h % 24, exact: true }; // "06:30" is 24-hour
  if ((c.kind === 'hform' || (c.kind === 'hhmm' && c.digits === 4)) && c.h <= 12) return { h: c.h, exact: true };
  // A bare 1–12: a school day reading. 7–11 morning, 12 midday, 1–6 afternoon/evening.
  const h = c.h;
  if (h >= 7 && h <= 11) return { h, exact: false };
  if (h === 12) return { h: 12, exact: false };
  return { h: h + 12, exact: false };
}

export function podOfHour(h: number): PartOfDay {
  if (h >= 5 && h < 12) return 'morning';
  if (h === 12) return 'midday';
  if (h > 12 && h < 18) return 'afternoon';
  if (h >= 18 && h < 22) return 'evening';
  return 'night';
}

export function validHour(c: Core): boolean {
  if (c.kind === 'colon' || c.kind === 'scolon' || c.kind === 'hform' || c.kind === 'hhmm' || c.kind === 'dot') return c.h <= 24;
  if (c.kind === 'noon' || c.kind === 'phrase') return c.h >= 0 && c.h <= 23;
  return c.h >= 1 && c.h <= 12;
}


export function decideSingle(
  M: Matcher, c: Core, i: number, lead: string | undefined, leadStrong: boolean, leadIdx: number,
  tail: Tail | null, strong: boolean, labelDirect: boolean, late: boolean,
): boolean {
  const T = M.T;
  if (!validHour(c)) return false;
  const nextTok = c.i1;
  if (strong) {
    if (c.kind === 'colon') {
      const p = T[(leadIdx >= 0 ? leadIdx : i) - 1];
      const pl = leadIdx >= 0 ? T[leadIdx].l : p?.l;
      if (pl && COLON_NOT_BEFORE.has(pl) && !c.mer) return false;
      // "Score: 10:12", "Final result - 21:15"
      if (!c.mer && p && p.k === 'p' && /^[:\-–—]$/.test(p.t) && leadIdx < 0) {
        const pw = T[i - 2];
        if (pw && pw.k === 'w' && COLON_NOT_BEFORE.has(pw.l)) return false;
      }
      if (p && p.k === 'w' && BIBLE.has(p.l) && /^[A-Z]/.test(p.t) && !c.mer) return false;
      if (T[i - 1] && T[i - 1].k === 'w' && LABEL_NOUNS.has(T[i - 1].l) && !c.mer) return false;
      const n = T[nextTok];
      if (n && !n.brk && n.k === 'w' && COLON_NOT_AFTER.has(n.l)) return false;
      // "The final score was 21:15", "we won 12:10"
      if (!c.mer && !leadStrong && M.wordBefore(leadIdx >= 0 ? leadIdx : i, 4, COLON_SCORE_WORDS)) return false;
      return true;
    }
    if (c.kind === 'noon') {
      const w = T[c.i0];
      // "Tom's Midnight Garden", "The Midnight Gang": a capitalised word mid-sentence is a title
      if (/^[A-Z]/.test(w.t) && !M.isSentenceStart(c.i0) && !(c.i0 > 0 && T[c.i0 - 1].k === 'n')) return false;
      const n = T[nextTok];
      if (n && !n.brk && n.k === 'w' && NOON_NOT_BEFORE.has(n.l)) return false;
      if (n && n.t === '-' && n.att && T[nextTok + 1]?.k === 'w') return false; // "midday-meal"
      const p = T[c.i0 - 1];
      if (p && p.att && p.t === '-') return false; // "after-midnight"? keep compounds out
      if (p && p.l === 'high' && w.l === 'noon') return false; // the idiom "high noon"
      return true;
    }
    if (c.kind === 'half' || (c.kind === 'phrase' && T[c.i0].l !== 'half' && !T.slice(c.i0, c.i1).some((x) => x.l === 'past'))) {
      // "half six", "ten to four": keep counts out ("ten to four children"), and without a
      // word like "at" before it, odds ("ten to one we win")
      if (!M.followOk(nextTok)) return false;
      if (!lead && T.slice(c.i0, c.i1).some((x) => x.l === 'to')) return M.endsClause(nextTok);
      return true;
    }
    if (labelDirect && !c.mer && !c.oclock) return false;
    return true;
  }
  // ---- weak: needs a word introducing a time and nothing after that makes it a count
  if (labelDirect) return false;
  // "At 11, children move up to secondary school": an age, not a time
  if (leadStrong && c.kind === 'bare' && leadIdx >= 0 && M.isSentenceStart(leadIdx) && T[nextTok]?.t === ',') return false;
  // "Finishing time is 3.30", "Pick-up time: 3.15"
  if (!lead && (c.kind === 'dot' || c.kind === 'bare' || c.kind === 'scolon') && M.timeNounBefore(i) && M.followOk(nextTok)) return true;
  // "who turns 8 today", "aged 7": an age, never a time
  if (!lead && c.kind === 'bare' && i > 0 && T[i - 1].k === 'w' && AGE_BEFORE.has(T[i - 1].l)) return false;
  // "bar opens 7", "kick-off 10": an event word that takes a bare hour, the clause ending there
  if (
    !lead && c.kind === 'bare' && i > 0 && T[i - 1].k === 'w' && BARE_HOUR_EVENTS.has(T[i - 1].l) && !T[i].brk &&
    (T[i - 1].l !== 'off' || /^kick/.test(T[i - 2]?.l ?? '') || /^kick/.test(T[i - 3]?.l ?? '')) &&
    (M.endsClause(nextTok) || ['tonight', 'tomorrow', 'today', 'sharp', 'prompt', 'til', 'till', 'until', 'on'].includes(T[nextTok]?.l ?? '')) && !M.moneyNear(i)
  ) return true;
  // "Film starts 6.15": an event word right before a dotted time
  if (!lead && (c.kind === 'dot' || c.kind === 'scolon') && i > 0 && T[i - 1].k === 'w' && EVENT_WORDS.has(T[i - 1].l) && !T[i].brk && M.followOk(nextTok) && !M.moneyNear(i)) return true;
  const followOk = M.followOk(nextTok) || late;
  if (!followOk) return false;
  const k = c.kind;
  const dig = c.digits ?? 0;
  const ev = () => M.eventBefore(leadIdx >= 0 ? leadIdx : i);
  if (k === 'dot' && M.moneyNear(leadIdx >= 0 ? leadIdx : i)) return false;
  if (tail && tail.inSpan) {
    if (k === 'hhmm' && dig === 3) return true;
    if (k === 'bare' || k === 'word' || k === 'dot' || k === 'scolon' || k === 'pair' || k === 'hform' || k === 'hhmm') return true;
  }
  if (tail && !tail.inSpan && (k === 'bare' || k === 'word' || k === 'dot') && (T[nextTok].l === 'tomorrow' || T[nextTok].l === 'today') && (lead === undefined || leadStrong)) {
    // "9 tomorrow", "at 9 tomorrow"
    return k !== 'word' || leadStrong || !!tail.pod;
  }
  if (c.weakMer) {
    return !!lead || late;
  }
  if (late && (k === 'bare' || k === 'dot' || k === 'word') && (leadStrong || lead === 'from' || ev())) return true;
  if (leadStrong) {
    if (k === 'bare' || k === 'dot' || k === 'pair' || k === 'scolon' || k === 'hform' || k === 'word') return true;
    if (k === 'hhmm') return dig === 4 || !!c.ish;
    return false;
  }
  if (!lead) return false;
  const year = k === 'hhmm' && dig === 4 && c.h >= 19 && c.h <= 20;
  if (UNTIL_LEADS.has(lead)) {
    if (lead === 'by' && (k === 'bare' || k === 'hhmm') && !ev()) return false;
    if (lead === 'through' || lead === 'thru') return false;
    if (k === 'bare' || k === 'dot' || k === 'hform' || k === 'scolon') return true;
    if (k === 'hhmm') return dig === 4 && !year;
    if (k === 'word') return !!c.ish;
    return false;
  }
  if (SOFT_LEADS.has(lead)) {
    if (c.ish && (k === 'bare' || k === 'dot' || k === 'word')) return true;
    if (k === 'hhmm') return dig === 4 && !year && c.m !== 0 && lead !== 'from' && lead !== 'since';
    if ((k === 'bare' || k === 'dot' || k === 'scolon') && lead !== 'since' && ev()) return true;
    return false;
  }
  return false;
}

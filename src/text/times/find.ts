/**
 * findClockTimes(): one pass over the tokens; at each token, a candidate time (match.ts), the
 * word that introduced it, a range or a tail ("6-8pm", "at 7 tonight"), then the decision
 * (decide.ts) and the allowed times (allow.ts).
 */
import { allowedValues, sameTime } from './allow.js';
import { isTimeStamp } from './stamp.js';
import { decideSingle, hour24, isStrong, podOfHour, validHour } from './decide.js';
import { Matcher, type Core } from './match.js';
import type { ClockPart, ClockTime, FindClockTimesOptions, PartOfDay } from './types.js';
import { COLON_SCORE_WORDS, LABEL_NOUNS, LEADS, NOT_TIME_BEFORE_AT, STRONG_LEADS } from './words.js';

export function findClockTimes(text: string, opts: FindClockTimesOptions = {}): ClockTime[] {
  const M = new Matcher(text);
  const T = M.T;
  const out: ClockTime[] = [];
  let i = 0;
  let listLead: string | undefined;
  while (i < T.length) {
    const r = tryAt(M, i, listLead);
    listLead = undefined;
    if (r) {
      out.push(r.time);
      i = r.next;
      // "Sessions at 9, 10 and 11": the next item of a list of times after "at" is one too
      const n = T[i];
      if (r.time.lead && STRONG_LEADS.has(r.time.lead) && n && !n.brk && (n.t === ',' || n.l === 'and' || n.l === 'or')) {
        let j = i + 1;
        if (n.t === ',' && T[j] && (T[j].l === 'and' || T[j].l === 'or')) j++;
        if (T[j] && !T[j].brk && T[j].k === 'n') {
          listLead = r.time.lead;
          i = j;
        }
      }
    } else i++;
  }
  // when the post or a message was written ("Last updated 7:45 PM"): not an event's time
  for (let k = out.length - 1; k >= 0; k--) if (isTimeStamp(text, out[k].start, out[k].end)) out.splice(k, 1);
  if (opts.allow && opts.allow.length > 0) {
    const allowed = allowedValues(opts.allow);
    return out.filter((t) => !t.parts.every((p) => allowed.some((a) => sameTime(a, p))));
  }
  return out;
}

function tryAt(M: Matcher, i: number, listLead?: string): { time: ClockTime; next: number } | null {
  const T = M.T;
  const t = T[i];
  if (t.k === 'p') return null;
  const c1 = M.parseCore(i);
  if (!c1) return null;

  // The word that introduced it: "at", "at about", "from", "between", "until"...
  let leadIdx = -1;
  let lead: string | undefined;
  let atIdx = -1;
  if (i > 0 && !T[i].brk) {
    const p = T[i - 1];
    if (p.k === 'w' && p.l === 'than' && i > 1 && /^(later|earlier|sooner)$/.test(T[i - 2].l)) {
      // "no later than 8.40"
      leadIdx = i - 1;
      lead = 'before';
    } else if (p.k === 'w' && LEADS.has(p.l)) {
      leadIdx = i - 1;
      lead = p.l;
      if ((lead === 'about' || lead === 'around' || lead === 'approximately' || lead === 'approx') && i > 1 && (T[i - 2].l === 'at' || T[i - 2].t === '@') && !T[i - 1].brk) {
        atIdx = i - 2;
      }
      if (p.l === 'til' && T[i - 2]?.t === "'") leadIdx = i - 2;
    } else if (p.t === '@') {
      leadIdx = i - 1;
      lead = '@';
    } else if (p.t === '.' && i > 1 && T[i - 2].k === 'w' && /^(approx|appx)$/.test(T[i - 2].l) && !T[i - 1].brk && !p.brk) {
      // the abbreviation with its full stop: "back at approx. 5.30"
      leadIdx = i - 2;
      lead = 'approx';
      if (i > 2 && (T[i - 3].l === 'at' || T[i - 3].t === '@') && !T[i - 2].brk) atIdx = i - 3;
    }
  }
  if (listLead && !lead) lead = listLead;
  const leadNode = lead;
  const leadStrong = !!leadNode && (STRONG_LEADS.has(leadNode) || atIdx >= 0);
  if (leadStrong && leadIdx >= 0) {
    const before = T[(atIdx >= 0 ? atIdx : leadIdx) - 1];
    if (before && before.k === 'w' && NOT_TIME_BEFORE_AT.has(before.l) && !isStrong(c1)) return null;
  }

  // a range?
  let c2: Core | null = null;
  let late = -1;
  let conn = '';
  {
    let j = c1.i1;
    const n = T[j];
    if (n && !n.brk) {
      let k = -1;
      if (/^[-–—]$/.test(n.t)) {
        conn = '-';
        k = j + 1;
      } else if (n.k === 'w' && /^(to|till|til|until|untill|through|thru)$/.test(n.l)) {
        conn = n.l;
        k = j + 1;
      } else if (n.t === "'" && T[j + 1]?.l === 'til') {
        conn = 'til';
        k = j + 2;
      } else if (n.l === 'and' && leadNode === 'between') {
        conn = 'and';
        k = j + 1;
      }
      if (k > 0 && T[k] && !T[k].brk) {
        c2 = M.parseCore(k, true);
        if (c2 && c2.kind !== 'phrase' && c2.kind !== 'half' && T[k].k === 'p') c2 = null;
        if (!c2 && conn !== '-' && conn !== 'and' && /^(late|close|closing|finish|midnight|lunch|lunchtime|teatime)$/.test(T[k].l ?? '') && T[k].k === 'w') {
          late = k + 1;
          if (T[k].l === 'midnight') late = -1;
        }
      }
    }
  }

  // am/pm carried from one end to the other ("6-8pm", "8am until 6")
  if (c2 && !c1.mer && c2.mer && c1.kind !== 'noon' && c1.h <= 12) {
    const inherit = c1.h <= c2.h || c1.h === 12 ? c2.mer : c2.mer === 'pm' ? 'am' : 'pm';
    c1.mer = inherit;
    c1.weakMer = c2.weakMer;
    c1.inherited = true;
  }

  let end = c2 ? c2.i1 : late > 0 ? late : c1.i1;
  // "onwards"
  if (T[end] && !T[end].brk && /^(onwards|onward)$/.test(T[end].l)) end++;
  if (T[end]?.l === 'ish' && !T[end].brk) end++;
  const tail = M.parseTail(end);
  const tailIn = tail && tail.inSpan ? tail : null;
  if (tail) {
    for (const c of [c1, c2]) if (c && !c.mer && c.kind !== 'noon' && c.h <= 12 && tail.mer) {
      c.mer = tail.mer;
      c.fromTail = true;
    }
  }
  const spanEndTok = tailIn ? tailIn.end : end;
  // "this morning at 10", "tonight at 8 o'clock": a part of day written just before
  const podHint = tail?.pod ? undefined : M.podBefore(atIdx >= 0 ? atIdx : leadIdx >= 0 ? leadIdx : i);
  if (podHint) {
    for (const c of [c1, c2]) if (c && !c.mer && c.kind !== 'noon' && c.h <= 12) {
      c.mer = podHint === 'morning' ? 'am' : 'pm';
      c.fromTail = true;
    }
  }

  // ---- decide
  const s1 = isStrong(c1);
  const s2 = c2 ? isStrong(c2) : false;
  const eventCue = () => M.eventBefore(leadIdx >= 0 ? leadIdx : i);
  const blockedByLabel = () => {
    const p = T[(leadIdx >= 0 ? leadIdx : i) - 1];
    return !!p && p.k === 'w' && LABEL_NOUNS.has(p.l) && !(leadIdx >= 0 && STRONG_LEADS.has(T[leadIdx].l));
  };
  const prevWordBeforeCore = T[i - 1];
  const labelDirect = !!prevWordBeforeCore && prevWordBeforeCore.k === 'w' && LABEL_NOUNS.has(prevWordBeforeCore.l) && !T[i].brk;

  let ok = false;
  let needFollow = true;
  if (c2) {
    if (!validHour(c1) || !validHour(c2)) {
      ok = false;
    } else if (s1 || s2) {
      ok = !labelDirect || s1;
      needFollow = false;
    } else if ((c1.kind === 'dot' && (c2.kind === 'dot' || c2.kind === 'bare')) || (c1.kind === 'bare' && c2.kind === 'dot' && conn === '-')) {
      // "9.30-11.30", "6.30-8", "6-7.30": a dotted time with minutes in a range
      const span = (c2.h - c1.h + 12) % 12;
      ok = !M.moneyNear(i) && conn !== 'and' && !labelDirect && (c1.kind === 'dot' && c2.kind === 'dot' ? true : span >= 1 && span <= 8);
      needFollow = true;
    } else if (c1.weakMer && c2.weakMer) {
      ok = true;
    } else {
      const bareKinds = (c: Core) => c.kind === 'bare' || c.kind === 'word' || c.kind === 'dot' || c.kind === 'hhmm' || c.kind === 'scolon' || c.kind === 'pair';
      const ordered = ((c2.h - c1.h + 12) % 12) >= 1 && ((c2.h - c1.h + 12) % 12) <= 8;
      if (bareKinds(c1) && bareKinds(c2) && ordered && !blockedByLabel() && !labelDirect &&
        (c1.kind !== 'hhmm' || c1.digits === 4) && (c2.kind !== 'hhmm' || c2.digits === 4)) {
        if (tail && tail.inSpan) ok = true;
        else if (leadNode === 'from' && conn !== '-' && conn !== 'and' && conn !== 'to') ok = true;
        else if ((leadNode === 'from' || leadNode === 'between' || leadStrong) && eventCue()) ok = true;
        else if (leadNode === 'from' && conn === 'to' && (c1.kind === 'dot' || c2.kind === 'dot')) ok = true;
        // "Lunch is 12-1", "Club runs 3-4": an event word before a short range, no score near
        else if (!leadNode && conn === '-' && c1.kind === 'bare' && c2.kind === 'bare' && ((c2.h - c1.h + 12) % 12) <= 3 &&
          eventCue() && !M.wordBefore(i, 6, COLON_SCORE_WORDS)) ok = true;
      }
    }
    if (ok && needFollow && !M.followOk(spanEndTok)) ok = false;
    if (!ok) {
      // fall back to the first time alone (e.g. "at 6 - doors close later")
      c2 = null;
      end = c1.i1;
    }
  }
  if (!c2) {
    ok = decideSingle(M, c1, i, leadNode, leadStrong, leadIdx, tail, s1, labelDirect, late > 0);
    if (late > 0 && ok) end = late;
    else end = c1.i1;
  }
  if (!ok) return null;

  // ---- build the result
  let spanStartTok = c1.i0;
  let endTok = end;
  if (T[endTok] && !T[endTok].brk && /^(onwards|onward)$/.test(T[endTok].l)) endTok++;
  if (T[endTok]?.l === 'ish' && !T[endTok].brk) endTok++;
  const tail2 = M.parseTail(endTok);
  let dayPhrase: string | undefined;
  if (tail2 && tail2.inSpan) {
    dayPhrase = M.text.slice(T[endTok].s, T[tail2.end - 1].e);
    endTok = tail2.end;
  }
  if (c2 && (leadNode === 'from' || leadNode === 'between') && leadIdx >= 0) spanStartTok = leadIdx;
  let dayBefore: string | undefined;
  if (!dayPhrase && podHint) {
    const db = M.dayPhraseBefore(atIdx >= 0 ? atIdx : leadIdx >= 0 ? leadIdx : spanStartTok);
    if (db) dayBefore = M.text.slice(db.start, db.end);
  }
  const start = T[spanStartTok].s;
  const stop = T[endTok - 1].e;
  let replaceStart = start;
  if (atIdx >= 0) replaceStart = T[atIdx].s;
  else if (leadIdx >= 0 && (leadNode === 'at' || leadNode === '@' || leadNode === 'around' || leadNode === 'about' || leadNode === 'approximately' || leadNode === 'approx')) replaceStart = T[leadIdx].s;

  const parts: ClockPart[] = [];
  for (const c of c2 ? [c1, c2] : [c1]) {
    const h = hour24(c);
    parts.push({ start: T[c.i0].s, end: T[c.i1 - 1].e, text: M.text.slice(T[c.i0].s, T[c.i1 - 1].e), hour: h.h, minute: c.m, exact: h.exact });
  }
  // a bare "at 7" at a disco is in the evening, at breakfast club in the morning
  if (!tail && !podHint && !c1.mer && c1.kind !== 'noon' && c1.h >= 6 && c1.h <= 9 && !parts[0].exact && M.eveningEventNear(i)) {
    for (const p of parts) if (!p.exact && p.hour < 12) p.hour += 12;
  }
  const pod = tail2?.pod ?? tail?.pod ?? podHint ?? podOfHour(parts[0].hour);
  return {
    time: {
      start,
      end: stop,
      text: M.text.slice(start, stop),
      partOfDay: pod,
      parts,
      replaceStart,
      lead: atIdx >= 0 ? 'at' : leadNode,
      dayPhrase,
      dayBefore,
    },
    next: endTok,
  };
}

/**
 * Time stamps: when the post or a message was written, not when an event happens. A dateline
 * ("Thursday 16 July, 5:30 p.m.", "Last updated 7:45 PM on 10 April") or a time right after
 * "sent", "posted", "updated" ("the letter we sent at about 4:00") tells nobody where children
 * will be.
 */
import { STAMP_LINE_WORDS, STAMP_WORDS } from './words.js';

export function isTimeStamp(text: string, start: number, end: number): boolean {
  // "sent at about 4:00", "posted 7.45pm", "updated at 10:15"
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
  const m = /([a-z]+)\s+(?:(?:at|on)\s+)?(?:(?:about|around|approximately|approx\.?)\s+)?$/.exec(before);
  if (m && STAMP_WORDS.has(m[1])) return true;
  // A line that holds only a date and the time.
  // (a dateline is short: look at most 80 characters either side, so a long text stays linear)
  const head = text.slice(Math.max(0, start - 80), start);
  const nl = head.lastIndexOf('\n');
  if (nl < 0 && start > 80) return false;
  const ls = start - head.length + nl + 1;
  const tail = text.slice(end, end + 80);
  const nl2 = tail.indexOf('\n');
  if (nl2 < 0 && end + 80 < text.length) return false;
  const le = nl2 < 0 ? text.length : end + nl2;
  const rest = (text.slice(ls, start) + ' ' + text.slice(end, le)).toLowerCase();
  const words = rest.match(/[a-z]+/g) ?? [];
  if (!words.some((w) => STAMP_LINE_WORDS.has(w) && !/^(am|pm|a|p|m|on|at|of|st|nd|rd|th)$/.test(w))) return false;
  return words.every((w) => STAMP_LINE_WORDS.has(w));
}

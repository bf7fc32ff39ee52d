/** allowTimes: times the school publishes on purpose (config `allowTimes`, "8:45", "3:15pm"). */
import { findClockTimes } from './find.js';
import type { ClockPart } from './types.js';

export interface AllowedValue {
  hour: number;
  minute: number;
  exact: boolean;
}

const allowCache = new Map<string, AllowedValue[]>();

export function allowedValues(list: string[]): AllowedValue[] {
  const key = list.join('\u0000');
  const hit = allowCache.get(key);
  if (hit) return hit;
  const vals: AllowedValue[] = [];
  for (const s of list) {
    const found = findClockTimes(/^\s*[\d]/.test(s) || /^\s*(noon|midday|midnight)/i.test(s) ? `at ${s}` : s);
    for (const f of found) for (const p of f.parts) vals.push({ hour: p.hour, minute: p.minute, exact: p.exact });
  }
  if (allowCache.size > 50) allowCache.clear();
  allowCache.set(key, vals);
  return vals;
}

export function sameTime(a: AllowedValue, p: ClockPart): boolean {
  if (a.minute !== p.minute) return false;
  if (a.exact && p.exact) return a.hour === p.hour;
  return a.hour % 12 === p.hour % 12;
}

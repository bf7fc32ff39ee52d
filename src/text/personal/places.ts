/**
 * Where people live: full UK postcodes (checked by the `postcode` package, the official
 * format, not any two tokens) and street addresses with a house number ("14 Elm Road"), with
 * or without a town and postcode after them: one find per address.
 *
 * Left alone: the school's own address (`schoolAddresses`), a venue's address (after a name
 * ending in School, Centre, Hall...: "Castlebrook Primary School, 1 Mill Lane"), an outward
 * code alone ("NN1"), numbers that are rooms, years, pages or classes ("Room 14").
 */
import type { PersonalFind, PersonalOptions } from './options.js';
import { alternation, lastSentence, wordsRe } from './text.js';

const POSTCODE = /(?<![\p{L}\p{N}])([A-Za-z]{1,2}\d[A-Za-z\d]?)[ \t]?(\d[A-Za-z]{2})(?![\p{L}\p{N}])/gu;

type PostcodeLib = typeof import('postcode');
let lib: Promise<PostcodeLib> | undefined;

function norm(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export async function findPlaces(prose: string, o: PersonalOptions, kinds: Set<string>): Promise<PersonalFind[]> {
  const own = o.schoolAddresses.map(norm).filter(Boolean);
  const isOwn = (s: string): boolean => {
    const n = norm(s);
    return own.some((a) => n.includes(a) || a.includes(n));
  };
  const out: PersonalFind[] = [];

  // Postcodes first: an address swallows the postcode that follows it.
  const postcodes: { start: number; end: number }[] = [];
  const cands = [...prose.matchAll(POSTCODE)].filter((m) => m[1] === m[1].toUpperCase() || m[0] === m[0].toLowerCase());
  if (cands.length) {
    lib ??= import('postcode');
    const m = await lib;
    // the CommonJS build (what the bundle gets) puts the functions on `default`
    const isValid = m.isValid ?? (m as unknown as { default: PostcodeLib }).default.isValid;
    for (const c of cands) if (isValid(`${c[1]} ${c[2]}`)) postcodes.push({ start: c.index, end: c.index + c[0].length });
  }

  const addresses: { start: number; end: number }[] = [];
  if (kinds.has('address') && o.streetTypes.length) {
    const name = "(?:[A-Z][\\p{L}'’-]*\\.?[ \\t]+){1,3}";
    const notHouse = new RegExp(`(?:(?<![\\p{L}])(?:${alternation(o.notHouseNumberAfter)})\\.?|[£$€#-])\\s*$`, 'iu');
    const re = new RegExp(`(?<![\\p{L}\\p{N}.,/:£$-])(\\d{1,4}[A-Za-z]?),?[ \\t]+${name}(?:${alternation(o.streetTypes)})(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of prose.matchAll(re)) {
      const before = sentenceBefore(prose, m.index);
      if (notHouse.test(before)) continue;
      let end = m.index + m[0].length;
      // ", Northampton, NN1 4AB" or " NN1 4AB": the rest of the same address
      const pc = postcodes.find((p) => p.start >= end && p.start - end <= 40 && /^[,\s]*(?:[A-Z][\p{L}'’-]*[ \t]*){0,3}[,\s]*$/u.test(prose.slice(end, p.start)));
      if (pc) end = pc.end;
      const text = prose.slice(m.index, end);
      if (isOwn(text) || isVenue(before, o)) continue;
      addresses.push({ start: m.index, end });
      out.push({ kind: 'address', start: m.index, end });
    }
  }
  if (kinds.has('postcode')) {
    for (const p of postcodes) {
      if (addresses.some((a) => p.start >= a.start && p.end <= a.end)) continue;
      if (isOwn(prose.slice(p.start, p.end)) || isVenue(sentenceBefore(prose, p.start), o)) continue;
      out.push({ kind: 'postcode', start: p.start, end: p.end });
    }
  }
  return out;
}

function sentenceBefore(prose: string, at: number): string {
  return lastSentence(prose.slice(Math.max(0, at - 120), at));
}

/** "Castlebrook Primary School, " / "the Leisure Centre, Burton Road, ": a venue's address. */
function isVenue(before: string, o: PersonalOptions): boolean {
  if (!o.venueWords.length) return false;
  const re = wordsRe(o.venueWords);
  for (const m of before.matchAll(re)) {
    const rest = before.slice(m.index + m[0].length);
    if (/^[\s,:(–-]*(?:(?:[A-Z][\p{L}'’-]*|\d+[A-Za-z]?)[ \t]*){0,5}[\s,:(–-]*$/u.test(rest) && /^[A-Z]/.test(m[0])) return true;
  }
  return false;
}

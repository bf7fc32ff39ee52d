/**
 * Numbers that identify one person, each checked by its own check digit or letter, so a
 * look-alike (a reference, an order number) that fails the check is left alone:
 *   UPN   Unique Pupil Number: a check letter and 12 digits (DfE: digits 2-13 weighted 2-13,
 *         modulus 23, letters A-Z without I, O and S)
 *   NHS   10 digits, modulus 11 (the nhs-number-validator package); written 3-3-4 or next
 *         to the word "NHS"
 *   NINO  National Insurance number: two prefix letters under HMRC's rules, 6 digits, A-D
 * and dates of birth: a full date with a year next to a birth word ("born on 3 March 2016",
 * "DOB 21/09/2016"), no older than `birthYearsBack`.
 */
import type { PersonalFind, PersonalOptions } from './options.js';
import { lastSentence, wordsRe } from './text.js';

const UPN = /(?<![\p{L}\p{N}])([A-HJ-NP-RT-Z])[ \t]?(\d{3})[ \t]?(\d{3})[ \t]?(\d{3})[ \t]?(\d{3})(?![\p{L}\p{N}])/gu;
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The DfE check letter of a UPN's 12 digits. */
export function upnCheckLetter(twelve: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i + 2);
  return UPN_LETTERS[sum % 23];
}

const NHS = /(?<![\p{L}\p{N}£$.,/-])(\d{3})([ \t-]?)(\d{3})\2(\d{4})(?![\p{L}\p{N}]|[.,/-]\d)/gu;

const NINO = /(?<![\p{L}\p{N}])([A-Z]{2})[ \t]?(\d{2})[ \t]?(\d{2})[ \t]?(\d{2})[ \t]?([A-D])(?![\p{L}\p{N}])/gu;
const NINO_NEVER = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** HMRC's prefix rules: neither letter D, F, I, Q, U or V; the second not O; some pairs never issued. */
export function ninoPrefixOk(prefix: string): boolean {
  const [a, b] = prefix.toUpperCase();
  if ('DFIQUV'.includes(a) || 'DFIQUVO'.includes(b)) return false;
  return !NINO_NEVER.has(prefix.toUpperCase());
}

let nhsLib: Promise<{ validate(n: string): boolean }> | undefined;

export async function findIdentifiers(prose: string, kinds: Set<string>): Promise<PersonalFind[]> {
  const out: PersonalFind[] = [];
  if (kinds.has('upn')) {
    for (const m of prose.matchAll(UPN)) {
      const digits = m.slice(2, 6).join('');
      if (upnCheckLetter(digits) === m[1]) out.push({ kind: 'upn', start: m.index, end: m.index + m[0].length });
    }
  }
  if (kinds.has('nhs') && /\d{3}[ \t-]?\d{3}[ \t-]?\d{4}/.test(prose)) {
    nhsLib ??= import('nhs-number-validator').then((m) => (m.default ?? m) as { validate(n: string): boolean });
    const { validate } = await nhsLib;
    for (const m of prose.matchAll(NHS)) {
      const n = `${m[1]}${m[3]}${m[4]}`;
      if (n.startsWith('0') || !validate(n)) continue;
      const spaced = m[2] !== '';
      const near = prose.slice(Math.max(0, m.index - 60), m.index);
      if (!spaced && !/\bNHS\b/i.test(near)) continue;
      out.push({ kind: 'nhs', start: m.index, end: m.index + m[0].length });
    }
  }
  if (kinds.has('nino')) {
    for (const m of prose.matchAll(NINO)) {
      if (ninoPrefixOk(m[1])) out.push({ kind: 'nino', start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

// ---- dates of birth ----------------------------------------------------------------------

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?';
const DATE = new RegExp(
  [
    `\\b(${DAY})(?:\\s+of)?\\s+${MONTH},?\\s+(\\d{4})\\b`,
    `\\b${MONTH}\\s+(${DAY}),?\\s+(\\d{4})\\b`,
    `\\b([0-3]?\\d)[/.-]([01]?\\d)[/.-](\\d{4}|\\d{2})\\b`,
  ].join('|'),
  'giu',
);

export function findBirthDates(prose: string, o: PersonalOptions, now = new Date()): PersonalFind[] {
  if (!o.birthWords.length) return [];
  const out: PersonalFind[] = [];
  const oldest = now.getFullYear() - o.birthYearsBack;
  for (const m of prose.matchAll(DATE)) {
    const year = m[2] ?? m[4] ?? m[7];
    let y = Number(year);
    if (year.length === 2) y += y > now.getFullYear() % 100 ? 1900 : 2000;
    if (y < oldest || y > now.getFullYear()) continue;
    const start = m.index;
    const end = start + m[0].length;
    const before = lastSentence(prose.slice(Math.max(0, start - 60), start));
    const after = prose.slice(end, end + 30).split(/[.!?]\s|\n/)[0];
    const birth = wordsRe(o.birthWords);
    if (birth.test(before) || /^\s*\(/.test(after) && wordsRe(o.birthWords).test(after)) out.push({ kind: 'birth', start, end });
  }
  return out;
}

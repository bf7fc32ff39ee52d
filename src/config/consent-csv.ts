/**
 * The photo-consent register as a school's MIS exports it: pupils by name and/or UPN or
 * admission number, a column per use (website, social media, press, print... with the many
 * header spellings MIS exports use), an optional expiry date or academic year, and leavers.
 * Values: Yes/No/Y/N/TRUE/FALSE/1/0/blank (blank means no). Dates: dd/mm/yyyy or ISO.
 * The protected form (src/config/protected.ts) has a `name_hmac` column instead of names.
 */
import type { ConsentEntry } from '../types.js';
import { UsageError } from '../errors.js';
import { HEADER_ALIASES, nameColumns, normaliseHeader, personOf, readCsv, type CsvTable } from './school-csv.js';

/** What a consent column holds. */
export type ConsentColumn =
  | { kind: 'use'; use: string }
  | { kind: 'expires' }
  | { kind: 'academicYear' }
  | { kind: 'leaver' }
  | { kind: 'leaving' }
  | { kind: 'ignore' };

/** Header words → canonical use, first match wins (so "Social media" is not "media"). */
const USE_WORDS: [RegExp, string][] = [
  [/social|facebook|twitter|instagram|tiktok|youtube|linkedin|^x$/, 'socialMedia'],
  [/website|web|internet|online/, 'website'],
  [/press|newspaper|television|^tv|localmedia|externalmedia|journalist/, 'press'],
  [/print|prospectus|newsletter|brochure|publication|display|noticeboard|leaflet/, 'print'],
  [/video|film|recording/, 'video'],
  [/photo|image|picture|media|consent|permission/, 'photos'],
];

/** Columns read for something other than a use, or ignored. Compared on the normalised header. */
export function classifyColumn(header: string): ConsentColumn {
  const h = normaliseHeader(header).replace(/[^a-z0-9]/g, '');
  if (!h) return { kind: 'ignore' };
  if (/leav|^left$|dateleft|^leaver|^status$|enrolmentstatus|onroll/.test(h)) return /date|^left$|dateleft|on$/.test(h) && !/^leaver$/.test(h) ? { kind: 'leaving' } : { kind: 'leaver' };
  if (/expir|validuntil|validto|until|enddate|reviewdate|renewal|renewby/.test(h)) return { kind: 'expires' };
  if (/academicyear|consentyear|schoolyear|yearofconsent|validfor/.test(h)) return { kind: 'academicYear' };
  // when consent was given, and columns that say nothing about consent to a use
  if (/date|signed|received|returned|dob|birth|note|comment/.test(h)) return { kind: 'ignore' };
  for (const [re, use] of USE_WORDS) if (re.test(h)) return { kind: 'use', use };
  return { kind: 'ignore' };
}

const YES = new Set(['y', 'yes', 'true', '1', 'x', '✓', '✔', 'granted', 'given', 'consent', 'consented', 'consentgiven', 'agreed', 'ok', 'allowed', 'permitted', 'approved']);
const NO = new Set([
  '', 'n', 'no', 'false', '0', '-', '✗', '✘', 'refused', 'withdrawn', 'declined', 'notgiven', 'none', 'notasked', 'pending', 'notreturned',
  'noresponse', 'unknown', 'na', 'n/a', 'notconsented', 'noconsent', 'denied',
]);

/** Yes → true, no or blank → false, anything else → undefined. */
export function yesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase().replace(/[.!]+$/, '');
  const squashed = v.replace(/[\s_]+/g, '');
  if (YES.has(squashed)) return true;
  if (NO.has(squashed) || NO.has(v)) return false;
  if (/^(yes|y)\b/.test(v)) return true; // "Yes - first name only"
  if (/^(no|n)\b/.test(v)) return false;
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 100) y += 2000;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date as MIS exports write it (dd/mm/yyyy, d-m-yy, dd.mm.yyyy, ISO with or without a time, "31 Aug 2027"); undefined if it is not one. */
export function parseDate(value: string): string | undefined {
  const v = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/.exec(v);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  if (m) return iso(+m[3], +m[2], +m[1]); // UK order: day first
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2}|\d{4})$/i.exec(v);
  if (m && MONTHS.includes(m[2].toLowerCase())) return iso(+m[3], MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]);
  return undefined;
}

/** "2025/26", "2025-2026", "AY 2025/26" → the last day of that academic year (31 August). */
export function academicYearEnd(value: string): string | undefined {
  const m = /(\d{4})\s*[/-]\s*(\d{2}|\d{4})\b/.exec(value);
  if (!m) return undefined;
  const start = +m[1];
  const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + +m[2] : +m[2];
  if (end !== start + 1) return undefined;
  return `${end}-08-31`;
}

function columnsOf(table: CsvTable): ConsentColumn[] {
  return table.headers.map((h) => (HEADER_ALIASES[normaliseHeader(h)] ? { kind: 'ignore' } : classifyColumn(h)));
}

/** Load the consent register (plain form). Paths as shown in messages. */
export function loadConsent(file: string, shown: string): ConsentEntry[] {
  const table = readCsv(file, shown, 'consent list');
  return consentRows(table, shown);
}

/** The consent rows of a parsed table; `hashesOf` reads a protected row's keyed hashes. */
export function consentRows(table: CsvTable, shown: string, hashesOf?: (cells: string[]) => string[] | undefined): ConsentEntry[] {
  const col = nameColumns(table, shown, 'consent list', true);
  const kinds = columnsOf(table);
  if (!kinds.some((k) => k.kind === 'use')) {
    throw new UsageError(
      `${shown}:1: the consent list has no consent column (its first row has ${table.headers.length} columns; not shown, as a row of the consent list may name a pupil). ` +
        `Add a Yes/No column per use, e.g. 'Social Media', 'Website', 'Press', 'Print'.`,
    );
  }
  const out: ConsentEntry[] = [];
  for (const { line, cells } of table.rows) {
    const source = `${shown}:${line}`;
    const hashes = hashesOf?.(cells);
    const person = hashes ? undefined : personOf(col, cells, source);
    if (!person && !hashes) continue; // a row without a name is a blank or separator row
    const e: ConsentEntry = { first: person?.first ?? '', last: person?.last ?? '', uses: {}, source };
    if (person?.preferred) e.preferred = person.preferred;
    if (person?.ids) e.ids = person.ids;
    if (hashes) e.hashes = hashes;
    kinds.forEach((k, i) => {
      const raw = (cells[i] ?? '').trim();
      const at = `${source}: ${table.headers[i]} '${raw}'`;
      if (k.kind === 'use') {
        const v = yesNo(raw);
        if (v === undefined) throw new UsageError(`${source}: the value in column '${table.headers[i]}' is not yes or no (not shown: a row of the consent list may name a pupil). Use Yes/No (or Y/N); blank means no.`);
        // two columns for one use (e.g. "Photos" and "Photo consent"): consent needs both
        e.uses[k.use] = k.use in e.uses ? e.uses[k.use] && v : v;
      } else if (k.kind === 'expires' || k.kind === 'academicYear') {
        if (!raw) return;
        const d = parseDate(raw) ?? academicYearEnd(raw);
        if (!d) throw new UsageError(`${at} is not a date or an academic year. Write dates as dd/mm/yyyy (or yyyy-mm-dd), years as 2025/26.`);
        e.expires = e.expires && e.expires < d ? e.expires : d;
      } else if (k.kind === 'leaver') {
        if (!raw) return;
        const d = parseDate(raw);
        if (d) e.leaving = d;
        else if (/^(left|leaver|leaving|former|off\s*roll|inactive|past)\b/i.test(raw)) e.leaver = true;
        else if (/^(current|on\s*roll|active|attending)\b/i.test(raw)) e.leaver = false;
        else {
          const v = yesNo(raw);
          if (v === undefined) throw new UsageError(`${at} is not yes/no, a date or a status (Left, Current).`);
          e.leaver = v;
        }
      } else if (k.kind === 'leaving') {
        if (!raw) return;
        const d = parseDate(raw);
        if (d) e.leaving = d;
        else if (yesNo(raw) !== undefined) e.leaver = yesNo(raw);
        else throw new UsageError(`${at} is not a date. Write dates as dd/mm/yyyy (or yyyy-mm-dd).`);
      }
    });
    out.push(e);
  }
  return out;
}

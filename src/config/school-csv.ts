/**
 * School data from CSV files as a school's MIS (SIMS, Arbor, Bromcom...) exports them: a BOM,
 * quoted fields, CRLF, and varied headers. A problem is one line naming the file, the line and
 * what to fix.
 */
import { parse } from 'csv-parse/sync';
import type { Person } from '../types.js';
import { UsageError } from '../errors.js';
import { decodeText } from '../inputs/decode.js';
import { readRegularFile } from '../inputs/read-file.js';

/**
 * Comma, semicolon (Excel where the decimal mark is a comma) or tab: the one that splits the
 * first line with a known header into the most cells, outside quotes.
 */
function guessDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 20);
  const line = lines.find((l) => l.split(/[,;\t]/).some((c) => HEADER_ALIASES[normaliseHeader(c.replace(/^\uFEFF/, '').replace(/"/g, ''))])) ?? lines[0] ?? '';
  const outside = line.replace(/"[^"]*"/g, '');
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t']) {
    const n = outside.split(d).length - 1;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

/** Header → field. Headers are compared lower-cased with spaces, dots, dashes and underscores removed. */
export const HEADER_ALIASES: Record<string, Field> = {
  forename: 'first',
  legalforename: 'first',
  firstname: 'first',
  first: 'first',
  givenname: 'first',
  givennames: 'first',
  forenames: 'first',
  christianname: 'first',
  preferredforename: 'preferred',
  preferredfirstname: 'preferred',
  preferredname: 'preferred',
  knownas: 'preferred',
  chosenname: 'preferred',
  surname: 'last',
  legalsurname: 'last',
  lastname: 'last',
  last: 'last',
  familyname: 'last',
  preferredsurname: 'last',
  name: 'full',
  fullname: 'full',
  pupilname: 'full',
  pupil: 'full',
  student: 'full',
  studentname: 'full',
  staffname: 'full',
  year: 'year',
  yeargroup: 'year',
  ncyear: 'year',
  yearofstudy: 'year',
  reggroup: 'className',
  registrationgroup: 'className',
  class: 'className',
  classname: 'className',
  form: 'className',
  tutorgroup: 'className',
  upn: 'upn',
  uniquepupilnumber: 'upn',
  adno: 'adno',
  admissionno: 'adno',
  admissionnumber: 'adno',
  admno: 'adno',
  namehmac: 'hmac',
};

export function normaliseHeader(h: string): string {
  return h.toLowerCase().replace(/[\s._\-/]+/g, '');
}

/** `hmac`: the keyed hashes of a protected list (src/config/protected.ts). */
type Field = 'first' | 'last' | 'preferred' | 'full' | 'year' | 'className' | 'upn' | 'adno' | 'hmac';

/** A UPN or admission number as compared: upper case, no spaces or leading zeros lost. */
export function normId(s: string): string {
  return s.replace(/[\s-]+/g, '').toUpperCase();
}

export interface CsvTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/** School lists larger than this are refused (a whole MIS export is far smaller). */
const MAX_CSV_BYTES = 50 * 1024 * 1024;

export function readCsv(file: string, shown: string, what: string): CsvTable {
  let buf: Buffer;
  try {
    buf = readRegularFile(file, shown, MAX_CSV_BYTES, what, 'nothing: export only the columns smcheck needs');
  } catch (e) {
    const msg = (e as Error).message;
    throw new UsageError(
      /no such file/.test(msg)
        ? `${shown}: no such file (the ${what} named in the config). Check the path in smcheck.yml, or run 'smcheck init' to make a template.`
        : msg,
    );
  }
  // Excel on Windows saves "CSV" as Windows-1252, "Unicode text" as UTF-16: decode, never garble
  const decoded = decodeText(buf);
  if (!decoded) {
    throw new UsageError(`${shown}: the ${what} is not a CSV text file. Export it from your MIS as CSV (comma separated).`);
  }
  const text = decoded.text;
  const delimiter = guessDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new UsageError(`${shown}:${err.lines ?? 1}: the ${what} is not valid CSV: ${err.message.replace(/^CSV_[A-Z_]+:?\s*/, '').replace(/:\s*.*$/, '')}`);
  }
  // Skip title rows some MIS exports put above the header (a single filled cell).
  let headerIdx = records.findIndex((r) => r.record.filter((c) => c !== '').length >= 1 && r.record.some((c) => HEADER_ALIASES[normaliseHeader(c)]));
  if (headerIdx < 0) headerIdx = 0;
  const header = records[headerIdx];
  if (!header) return { headers: [], rows: [] };
  // A row longer than the header, with something in the extra cells, is a name with an unquoted
  // comma (Hughes, Amelia) or a shifted row: every column after it would be wrong, so say where.
  const width = header.record.length;
  for (const r of records.slice(headerIdx + 1)) {
    if (r.record.length > width && r.record.slice(width).some((c) => c !== '')) {
      throw new UsageError(
        `${shown}:${r.info.lines}: the ${what} has ${r.record.length} fields on this line but ${width} in the header. ` +
          `A name with a comma in it must be in quotes ("Hughes, Amelia"); check this line in the file.`,
      );
    }
  }
  return {
    headers: header.record,
    rows: records.slice(headerIdx + 1).map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

/** Which column holds which field; a table without any name column is a usage error (unless `idOnly` and it has a UPN or admission number column). */
export function nameColumns(table: CsvTable, shown: string, what: string, idOnly = false): Partial<Record<Field, number>> {
  const col: Partial<Record<Field, number>> = {};
  table.headers.forEach((h, i) => {
    const f = HEADER_ALIASES[normaliseHeader(h)];
    if (f && col[f] === undefined) col[f] = i;
  });
  const hasId = col.upn !== undefined || col.adno !== undefined || col.hmac !== undefined;
  if (col.first === undefined && col.full === undefined && col.preferred === undefined && !(idOnly && hasId)) {
    // The first row of a header-less no-publish or consent list is a pupil: never print it.
    const secret = /no-publish|consent/i.test(what);
    const found = secret
      ? `its first row has ${table.headers.length} column${table.headers.length === 1 ? '' : 's'} and none is a name header; the row is not shown, as it may name a pupil`
      : `found: ${table.headers.map((h) => `'${h}'`).join(', ') || 'nothing'}`;
    throw new UsageError(
      `${shown}:1: the ${what} has no name column (${found}). ` +
        `Add a header row with 'Forename' and 'Surname' (or 'first_name' and 'last_name', or one 'Name' column).`,
    );
  }
  return col;
}

/** The person a row names, or undefined for a row with no name (blank or separator rows). */
export function personOf(col: Partial<Record<Field, number>>, cells: string[], source: string): Person | undefined {
  const get = (k: Field): string => (col[k] !== undefined ? (cells[col[k]!] ?? '').trim() : '');
  let first = get('first');
  let last = get('last');
  const preferred = get('preferred');
  if (!first && !last && col.full !== undefined) {
    const full = get('full');
    if (full.includes(',')) {
      const [l, f] = full.split(',', 2).map((s) => s.trim());
      first = f;
      last = l;
    } else {
      const parts = full.split(/\s+/).filter(Boolean);
      first = parts[0] ?? '';
      last = parts.slice(1).join(' ');
    }
  }
  if (!first && preferred) first = preferred;
  const ids = (['upn', 'adno'] as const).map((k) => normId(get(k))).filter(Boolean);
  if (!first && !last && ids.length === 0) return undefined;
  const p: Person = { first, last, source };
  if (ids.length) p.ids = ids;
  if (preferred && preferred !== first) p.preferred = preferred;
  const year = get('year');
  if (year) p.year = year;
  const cls = get('className');
  if (cls) p.className = cls;
  return p;
}

/** Load pupils or staff. Accepts separate first/last columns, or one "Name" column ("Hughes, Amelia" or "Amelia Hughes"). */
export function loadPeople(file: string, shown: string, what: string, notes?: string[]): Person[] {
  const table = readCsv(file, shown, what);
  const col = nameColumns(table, shown, what);
  const people: Person[] = [];
  for (const { line, cells } of table.rows) {
    const p = personOf(col, cells, `${shown}:${line}`);
    if (p) people.push(p);
  }
  if (people.length === 0 && notes) notes.push(`${shown}: the ${what} has a header but no names in it. Export it again from your MIS with its rows.`);
  return people;
}

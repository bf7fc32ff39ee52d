/**
 * A pupil's consent for one use on one day, from the consent register: given, refused (a No
 * or a blank), expired, a leaver, or no record at all. The register is matched to the roster
 * by UPN or admission number when both have them, else by name (legal or preferred first
 * name with the surname, in any spelling the name index accepts).
 */
import type { ConsentEntry, School } from '../types.js';
import type { IndexedPupil } from '../text/names/index.js';
import { nameParts } from '../text/names/index.js';

export type ConsentState = 'given' | 'refused' | 'expired' | 'leaver' | 'noRecord';

export interface ConsentIndex {
  byName: Map<string, ConsentEntry>;
  byId: Map<string, ConsentEntry>;
  /** roster source (file:line) → ids, to match a pupil of the name index by UPN / admission number. */
  idsBySource: Map<string, string[]>;
}

const nameKey = (first: string, last: string) => `${nameParts(first).join('')}|${nameParts(last).join('')}`;

export function buildConsentIndex(school: Pick<School, 'consent' | 'roster'>): ConsentIndex {
  const idx: ConsentIndex = { byName: new Map(), byId: new Map(), idsBySource: new Map() };
  for (const e of school.consent ?? []) {
    for (const f of [e.first, e.preferred ?? '']) if (f || e.last) idx.byName.set(nameKey(f, e.last), e);
    for (const id of e.ids ?? []) idx.byId.set(id, e);
  }
  for (const p of school.roster ?? []) if (p.ids?.length) idx.idsBySource.set(p.source, p.ids);
  return idx;
}

export function consentEntry(idx: ConsentIndex, pupil: IndexedPupil): ConsentEntry | undefined {
  for (const id of idx.idsBySource.get(pupil.source) ?? []) {
    const e = idx.byId.get(id);
    if (e) return e;
  }
  return idx.byName.get(nameKey(pupil.first, pupil.last)) ?? (pupil.preferred ? idx.byName.get(nameKey(pupil.preferred, pupil.last)) : undefined);
}

/** Today as YYYY-MM-DD in local time; SMCHECK_TODAY=YYYY-MM-DD sets it (tests, re-checking an old post). */
export function today(): string {
  const env = process.env.SMCHECK_TODAY;
  if (env && /^\d{4}-\d{2}-\d{2}$/.test(env)) return env;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The state of one entry for `use` on `day`. General photo consent ("Photos: No") refuses every use. */
export function consentState(e: ConsentEntry | undefined, use: string, day: string): ConsentState {
  if (!e) return 'noRecord';
  if (e.leaver || (e.leaving !== undefined && e.leaving <= day)) return 'leaver';
  if (e.expires !== undefined && e.expires < day) return 'expired';
  const specific = e.uses[use];
  const general = use === 'photos' ? undefined : e.uses.photos;
  if (specific === false || general === false) return 'refused';
  if (specific === true || (specific === undefined && general === true)) return 'given';
  return 'refused'; // no column for this use: no consent to it
}

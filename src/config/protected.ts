/**
 * The protected form of the no-publish list and the consent register: each pupil's names
 * and ids replaced by keyed hashes (HMAC-SHA-256 of the normalised name, the key kept in a
 * separate file or the SMCHECK_KEY environment variable). A protected file reveals no name
 * to whoever gets hold of it without the key; smcheck matches it against the roster, so it
 * gives the same verdicts as the plain file.
 *
 *   # smcheck protected list v1 (HMAC-SHA-256) key 1a2b3c4d: ...      ← marker row
 *   name_hmac,Social Media,Website,Expires                            ← consent columns kept
 *   9f…e1 47…0c,Yes,No,31/08/2027                                     ← one hash per name form
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ConsentEntry, Person } from '../types.js';
import { UsageError } from '../errors.js';
import { nameParts } from '../text/names/index.js';
import { normaliseHeader, readCsv } from './school-csv.js';
import { consentRows } from './consent-csv.js';

export const MARKER = '# smcheck protected list v1';
export const KEY_ENV = 'SMCHECK_KEY';

export interface Key {
  bytes: Buffer;
  /** Short public fingerprint, written in the protected file so a wrong key is a clear error. */
  id: string;
  /** Where it came from, for messages. */
  from: string;
}

export function keyFromText(text: string, from: string): Key {
  const t = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'utf8');
  if (bytes.length < 16) throw new UsageError(`${from}: the key is too short (at least 16 characters; 'smcheck protect' makes a good one).`);
  return { bytes, id: createHash('sha256').update('smcheck-key-id\u0000').update(bytes).digest('hex').slice(0, 8), from };
}

export function readKeyFile(file: string, shown: string): Key {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${shown}: key file not found. Give the key file that 'smcheck protect' made, or set ${KEY_ENV}.` : `${shown}: could not read the key (${code}).`);
  }
  return keyFromText(text, shown);
}

/** A new random key, as the text of a key file. */
export function newKeyText(): string {
  return randomBytes(32).toString('hex') + '\n';
}

/** Hashes of a person: each name form (first or preferred name with the surname) and each id. */
export function personHashes(key: Key, p: { first: string; last: string; preferred?: string; ids?: string[] }): string[] {
  const mac = (s: string) => createHmac('sha256', key.bytes).update(s).digest('hex');
  const last = nameParts(p.last).join('');
  const out = new Set<string>();
  for (const f of [p.first, p.preferred ?? '']) {
    const first = nameParts(f).join('');
    if (first || last) out.add(mac(`name:${first}|${last}`));
  }
  for (const id of p.ids ?? []) out.add(mac(`id:${id}`));
  return [...out];
}

/** True when the file is a protected list (its first line is the marker). */
export function isProtected(file: string): boolean {
  try {
    const head = readFileSync(file, 'utf8').slice(0, 200).replace(/^\uFEFF/, '');
    return head.startsWith(MARKER);
  } catch {
    return false; // the plain loader reports a missing file
  }
}

function markerKeyId(file: string): string | undefined {
  const head = readFileSync(file, 'utf8').slice(0, 300);
  return /\bkey ([0-9a-f]{8})\b/.exec(head)?.[1];
}

function checkKey(file: string, shown: string, key: Key | undefined, what: string): Key {
  if (!key) {
    throw new UsageError(`${shown}: the ${what} is protected (names replaced by keyed hashes) and needs its key: set 'key:' in smcheck.yml to the key file, or ${KEY_ENV}.`);
  }
  const id = markerKeyId(file);
  if (id && id !== key.id) {
    throw new UsageError(`${shown}: the ${what} was protected with a different key (key ${id}; ${key.from} is key ${key.id}). Use the key file 'smcheck protect' wrote for it.`);
  }
  return key;
}

function hashColumn(headers: string[]): number {
  return headers.findIndex((h) => normaliseHeader(h) === 'namehmac');
}

const hashesOf = (col: number) => (cells: string[]) => {
  const v = (cells[col] ?? '').trim();
  return v ? v.split(/\s+/) : undefined;
};

/** The roster pupils a protected people list names (the no-publish list). */
export function loadProtectedPeople(file: string, shown: string, what: string, key: Key | undefined, roster: Person[]): Person[] {
  const k = checkKey(file, shown, key, what);
  const table = readCsv(file, shown, what);
  const col = hashColumn(table.headers);
  if (col < 0) throw new UsageError(`${shown}: the protected ${what} has no 'name_hmac' column. Make it again with 'smcheck protect'.`);
  const wanted = new Set(table.rows.flatMap((r) => hashesOf(col)(r.cells) ?? []));
  if (wanted.size > 0 && roster.length === 0) {
    throw new UsageError(`${shown}: a protected ${what} is matched against the roster: set 'roster:' in smcheck.yml.`);
  }
  return roster.filter((p) => personHashes(k, p).some((h) => wanted.has(h)));
}

/** The consent register in protected form: each row matched to its roster pupil. */
export function loadProtectedConsent(file: string, shown: string, key: Key | undefined, roster: Person[]): ConsentEntry[] {
  const k = checkKey(file, shown, key, 'consent list');
  const table = readCsv(file, shown, 'consent list');
  const col = hashColumn(table.headers);
  if (col < 0) throw new UsageError(`${shown}: the protected consent list has no 'name_hmac' column. Make it again with 'smcheck protect'.`);
  const entries = consentRows(table, shown, hashesOf(col));
  if (entries.length > 0 && roster.length === 0) {
    throw new UsageError(`${shown}: a protected consent list is matched against the roster: set 'roster:' in smcheck.yml.`);
  }
  const byHash = new Map<string, Person>();
  for (const p of roster) for (const h of personHashes(k, p)) byHash.set(h, p);
  for (const e of entries) {
    const p = (e.hashes ?? []).map((h) => byHash.get(h)).find(Boolean);
    if (!p) continue; // a row for nobody on the roster: it can match no pupil, as in the plain form
    e.first = p.first;
    e.last = p.last;
    if (p.preferred) e.preferred = p.preferred;
    if (p.ids) e.ids = p.ids;
  }
  return entries;
}

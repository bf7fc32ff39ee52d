/**
 * The pupil-name index: built once per run from the school's roster, staff list, no-publish
 * list, class names and allowed names, so a draft is matched in time linear in the text,
 * whatever the roster's size (a few hash look-ups per token).
 */
import type { School } from '../../types.js';
import { nameParts, normKey } from './normalize.js';
import { FAMOUS_NAMES, NAME_WORDS, PARTICLES, englishWords } from './words.js';
import type { IndexedPupil, NameIndex } from './types.js';

const WINDOW = 4;

function push(map: Map<string, number[]>, key: string, id: number): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id); // ids arrive in order: a repeat is always the last one
}

function classKeys(name: string): string[] {
  const keys = [normKey(name)];
  const stripped = name.replace(/^\s*(?:(?:year|yr|y|class|reception|nursery)\b\s*)?\d*\s*/i, '').trim();
  if (stripped && stripped !== name) keys.push(normKey(stripped));
  return keys.filter((k) => k.length > 0);
}

/** Builds the index. Cheap (a few ms for thousands of pupils); use getNameIndex to build it once per run. */
export function buildNameIndex(school: Pick<School, 'roster' | 'staff' | 'noPublish' | 'classes' | 'allowNames'>): NameIndex {
  const pupils: IndexedPupil[] = [];
  const byFull = new Map<string, IndexedPupil>();
  const partsCount = new Map<number, number>();
  const add = (p: School['roster'][number], noPublish: boolean) => {
    const firstParts = nameParts(p.first);
    const lastParts = nameParts(p.last);
    const firstKey = firstParts.join('');
    const lastKey = lastParts.join('');
    const fullKey = firstKey + '|' + lastKey;
    const existing = byFull.get(fullKey);
    if (existing) {
      if (noPublish) existing.noPublish = true;
      return;
    }
    const firstKeys = [firstKey];
    if (firstParts.length > 1) firstKeys.push(firstParts[0]);
    const preferredParts = p.preferred ? nameParts(p.preferred) : [];
    if (preferredParts.length) firstKeys.push(preferredParts.join(''));
    const first = p.first.trim();
    const shown = (p.preferred || p.first).trim();
    const rec: IndexedPupil = {
      id: pupils.length,
      first,
      last: p.last.trim(),
      preferred: p.preferred?.trim() || undefined,
      display: `${shown} ${p.last.trim()}`.trim(),
      firstShown: shown,
      firstKeys: firstKeys.length === 1 ? firstKeys : [...new Set(firstKeys.filter(Boolean))],
      lastKey,
      lastParts,
      noPublish,
      className: p.className,
      source: p.source,
    };
    partsCount.set(rec.id, Math.max(firstParts.length, preferredParts.length));
    pupils.push(rec);
    byFull.set(fullKey, rec);
  };
  for (const p of school.roster ?? []) if (p.first || p.last) add(p, false);
  for (const p of school.noPublish ?? []) if (p.first || p.last) add(p, true);

  const first = new Map<string, number[]>();
  const last = new Map<string, number[]>();
  const lastPart = new Map<string, number[]>();
  let maxFirst = 1;
  let maxLast = 1;
  for (const p of pupils) {
    for (const k of p.firstKeys) push(first, k, p.id);
    maxFirst = Math.max(maxFirst, partsCount.get(p.id) ?? 1);
    if (p.lastKey) push(last, p.lastKey, p.id);
    maxLast = Math.max(maxLast, p.lastParts.length);
    if (p.lastParts.length > 1) {
      for (const part of p.lastParts) if (!PARTICLES.has(part) && part.length > 1) push(lastPart, part, p.id);
    }
  }

  const staffFull = new Map<string, Set<string>>();
  const staffLast = new Set<string>();
  for (const s of school.staff ?? []) {
    const lk = normKey(s.last);
    if (!lk) continue;
    staffLast.add(lk);
    for (const fk of [normKey(s.first), normKey(s.preferred ?? '')]) {
      if (!fk) continue;
      let set = staffFull.get(fk);
      if (!set) staffFull.set(fk, (set = new Set()));
      set.add(lk);
    }
  }

  const classNames = new Set<string>(school.classes ?? []);
  for (const p of pupils) if (p.className) classNames.add(p.className);
  const classes = new Set<string>();
  for (const c of classNames) for (const k of classKeys(c)) classes.add(k);

  const allow = new Set<string>();
  let maxPhrase = 3;
  const pupilFull = new Set(pupils.map((p) => p.firstKeys.map((f) => f + p.lastKey)).flat());
  for (const [a, builtIn] of [...(school.allowNames ?? []).map((x) => [x, false] as const), ...FAMOUS_NAMES.map((x) => [x, true] as const)]) {
    const parts = nameParts(a);
    if (!parts.length) continue;
    const key = parts.join('');
    if (builtIn && pupilFull.has(key)) continue; // a pupil who shares a famous name is still a pupil
    allow.add(key);
    maxPhrase = Math.max(maxPhrase, Math.min(parts.length, 6));
  }

  const prefixes = new Set<string>();
  for (const s of school.staff ?? []) for (const f of [s.first, s.preferred ?? '']) if (nameParts(f)[0]) prefixes.add(nameParts(f)[0]);
  for (const s of school.staff ?? []) if (normKey(s.first)) prefixes.add(normKey(s.first));
  for (const a of [...(school.allowNames ?? []), ...FAMOUS_NAMES]) if (nameParts(a)[0]) prefixes.add(nameParts(a)[0]);
  for (const c of classNames) {
    const parts = nameParts(c);
    if (parts[0]) prefixes.add(parts[0]);
    const stripped = nameParts(c.replace(/^\s*(?:(?:year|yr|y|class|reception|nursery)\b\s*)?\d*\s*/i, ''));
    if (stripped[0]) prefixes.add(stripped[0]);
    for (const k of classKeys(c)) prefixes.add(k);
  }
  const dict = englishWords();
  const wordKeys = new Set<string>();
  for (const k of [...first.keys(), ...last.keys(), ...lastPart.keys()]) if (dict.has(k) && !NAME_WORDS.has(k)) wordKeys.add(k);
  return {
    wordKeys,
    prefixes,
    pupils,
    first,
    last,
    lastPart,
    staffFull,
    staffLast,
    classes,
    allow,
    maxFirst: Math.min(maxFirst, 3),
    maxLast: Math.min(Math.max(maxLast, WINDOW), 5),
    maxPhrase,
    hasRoster: pupils.length > 0,
  };
}

/** The index for this run's school, built once and kept in the run cache. */
export function getNameIndex(ctx: { school: School; runCache: Map<string, unknown> }): NameIndex {
  const cached = ctx.runCache.get('names:index') as { school: School; index: NameIndex } | undefined;
  if (cached && cached.school === ctx.school) return cached.index;
  const index = buildNameIndex(ctx.school);
  ctx.runCache.set('names:index', { school: ctx.school, index });
  return index;
}

/** A name that is also an everyday word ("Rose", "Will", "Hunt"): context decides. */
export function isWord(index: NameIndex, key: string): boolean {
  return NAME_WORDS.has(key) || index.wordKeys.has(key) || key.length <= 2;
}

/** Is `key` a known part of some pupil's or staff member's name? */
export function isNamePart(index: NameIndex, key: string): boolean {
  return index.first.has(key) || index.last.has(key) || index.lastPart.has(key) || index.staffLast.has(key) || index.staffFull.has(key);
}

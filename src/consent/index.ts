/**
 * Who is in a draft's photos and whether each may be posted. Stages, in calling order:
 *   1. readPictured (src/inputs/pictured.ts): the draft's `pictured:` names, per photo or for all;
 *   2. people tags and captions inside each photo's metadata;
 *   3. resolveName (resolve.ts): each name → a roster pupil, several (ambiguous), an adult, or no one;
 *   4. consentState (status.ts): each pupil's consent for the use on the day.
 * The check kind (src/checks/consent.ts) only maps the result to hits.
 */
import type { CheckContext, School, TextSpan } from '../types.js';
import type { PhotoMeta } from '../inputs/photo/meta.js';
import { keyNamesPhoto, readPictured } from '../inputs/pictured.js';
import { buildNameIndex, findNames, getNameIndex, resolveMaybes, type NameIndex } from '../text/names/index.js';
import { resolveName, type Resolved } from './resolve.js';
import { buildConsentIndex, consentEntry, consentState, today, type ConsentIndex, type ConsentState } from './status.js';

export type { ConsentState } from './status.js';

/** One person seen in the post's photos, and what smcheck makes of them. */
export interface Sighting {
  /** The name as written. */
  match: string;
  /** In the draft's `pictured:`: where the name stands. */
  span?: TextSpan;
  /** The photo (ImageRef.path) it is about, when known. */
  photo?: string;
  /** Where in the photo: 'people tags' or 'caption'. */
  field?: string;
  resolved: Resolved;
  /** For a pupil: their consent state and entry's expiry. */
  state?: ConsentState;
  expires?: string;
}

export interface PhotoCoverage {
  photo: string;
  /** Someone says who is in it (pictured:, people tags, a caption naming a pupil). */
  known: boolean;
}

export interface ConsentScan {
  sightings: Sighting[];
  coverage: PhotoCoverage[];
}

/** The name index to resolve against: the roster's; with no roster, the consent register's names stand in for it. */
function indexFor(ctx: CheckContext): NameIndex {
  const school = ctx.school;
  if ((school.roster?.length ?? 0) > 0 || !school.consent?.length) return getNameIndex(ctx);
  const cached = ctx.runCache.get('consent:index') as { school: School; index: NameIndex } | undefined;
  if (cached?.school === school) return cached.index;
  const roster = school.consent.filter((e) => e.first || e.last).map((e) => ({ first: e.first, last: e.last, preferred: e.preferred, source: e.source }));
  const index = buildNameIndex({ ...school, roster });
  ctx.runCache.set('consent:index', { school, index });
  return index;
}

function consentIndex(ctx: CheckContext): ConsentIndex {
  const cached = ctx.runCache.get('consent:register') as { school: School; idx: ConsentIndex } | undefined;
  if (cached?.school === ctx.school) return cached.idx;
  const idx = buildConsentIndex(ctx.school);
  ctx.runCache.set('consent:register', { school: ctx.school, idx });
  return idx;
}

const perDraft = new WeakMap<object, Map<string, Promise<ConsentScan>>>();

/** Everyone the post's photos show, resolved, with their consent for `use`. Computed once per draft and use. */
export function scanConsent(ctx: CheckContext, use: string): Promise<ConsentScan> {
  let m = perDraft.get(ctx.draft);
  if (!m) perDraft.set(ctx.draft, (m = new Map()));
  let p = m.get(use);
  if (!p) m.set(use, (p = scan(ctx, use)));
  return p;
}

async function scan(ctx: CheckContext, use: string): Promise<ConsentScan> {
  const index = indexFor(ctx);
  const register = consentIndex(ctx);
  const day = today();
  const pictured = readPictured(ctx.draft);
  const sightings: Sighting[] = [];
  const withState = (s: Sighting): Sighting => {
    if (s.resolved.kind === 'pupil') {
      const e = consentEntry(register, s.resolved.pupil);
      s.state = consentState(e, use, day);
      if (e?.expires) s.expires = e.expires;
    }
    return s;
  };
  const photoPath = (key: string | undefined) => (key === undefined ? undefined : ctx.draft.images.find((i) => keyNamesPhoto(key, i))?.path ?? key);
  for (const n of pictured.names) sightings.push(withState({ match: n.name, span: n.span, photo: photoPath(n.photo), resolved: resolveName(index, n.name) }));

  let metas: PhotoMeta[] = [];
  if (ctx.draft.images.length > 0) {
    try {
      metas = await ctx.photos();
    } catch {
      metas = []; // a photo that cannot be read is reported by the engine
    }
  }
  const coverage: PhotoCoverage[] = [];
  for (const ref of ctx.draft.images) {
    const meta = metas.find((x) => x.path === ref.path);
    if (!meta) continue; // missing or unreadable: the engine reports it, and the draft is not checked
    const before = sightings.length;
    for (const tag of meta.people ?? []) {
      for (const name of tag.value.split(/\s*[;|]\s*/).filter(Boolean)) {
        sightings.push(withState({ match: name, photo: ref.path, field: 'people tags', resolved: resolveName(index, name) }));
      }
    }
    const tagged = sightings.length > before;
    let captioned = false;
    for (const t of meta.texts ?? []) {
      for (const found of await resolveMaybes(t.value, findNames(index, t.value, { mode: 'prose' }), undefined, () => true)) {
        if (found.weak) continue;
        const resolved: Resolved = found.pupils.length === 1 ? { kind: 'pupil', pupil: found.pupils[0] } : { kind: 'ambiguous', pupils: found.pupils };
        sightings.push(withState({ match: found.text.replace(/\s+/g, ' ').trim(), photo: ref.path, field: 'caption', resolved }));
        captioned = true;
      }
    }
    // a group ("Year 4 choir") says pupils are in the photo but not which: consent is not known
    const person = (n: { name: string }) => resolveName(index, n.name).kind !== 'group';
    const declared =
      pictured.noPupils ||
      pictured.names.some((n) => n.photo === undefined && person(n)) ||
      [...pictured.photos].some((k) => keyNamesPhoto(k, ref) && (pictured.noPupilsIn.has(k) || pictured.names.some((n) => n.photo === k && person(n))));
    coverage.push({ photo: ref.path, known: declared || tagged || captioned });
  }
  return { sightings: dedupe(sightings), coverage };
}

/**
 * One sighting per pupil and photo: a pupil named in `pictured:` for every photo is reported
 * there once, not again for each photo's tags; the same pupil named for a photo and tagged or
 * captioned in it is one sighting (the first: `pictured:` comes first).
 */
function dedupe(sightings: Sighting[]): Sighting[] {
  const seen = new Set<string>();
  return sightings.filter((s) => {
    if (s.resolved.kind !== 'pupil') return true;
    const id = s.resolved.pupil.id;
    const k = `${id}|${s.photo ?? '*'}`;
    if (seen.has(k) || seen.has(`${id}|*`)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * `photo`: what an attached photo's metadata gives away. One kind for the image rules; each
 * rule lists the parts it reports (`report:`), so the rules stay data:
 *
 *   location   GPS position (inside the school's site: `siteSeverity`, a warning by default)
 *   people     names of people shown (face regions, IPTC PersonInImage, People/ keywords)
 *   texts      captions, titles, descriptions, comments, place names written into the photo
 *   keywords   keywords and tags
 *   credits    photographer (Artist, creator, by-line) and copyright notice
 *   owner      the camera owner's name
 *   serial     camera serial numbers
 *   thumbnail  an embedded thumbnail with a different shape (a crop the thumbnail undoes)
 *   trailing   data hidden after the end of the picture (the 'aCropalypse' leak)
 *   embedded   extra images or video inside the photo (motion photo, depth map, original)
 *   damaged    a photo that is damaged (metadata read, picture broken): never passes
 *   size       larger than school.maxImageSize on the long side
 *   extension  content and extension disagree (a PNG named .jpg)
 *   device     taken on a device that is not in the school's list (off when none listed)
 *
 * Each part has its own message (`messages.<part>` in the rule file). Parts listed in `warn`
 * are warnings whatever the rule's severity; captions and keywords with no name in them are
 * warnings too (they travel with the photo but say nothing about a pupil).
 */
import * as z from 'zod';
import type { CheckContext, CheckKind, Hit, Rule, School, Severity } from '../types.js';
import { distanceMetres, thumbnailIsStale, type PhotoMeta } from '../inputs/photo/index.js';

export const PARTS = [
  'location', 'people', 'texts', 'keywords', 'credits', 'owner', 'serial', 'thumbnail',
  'trailing', 'embedded', 'damaged', 'size', 'extension', 'device',
] as const;
export type Part = (typeof PARTS)[number];

const options = z
  .object({
    report: z.array(z.enum(PARTS)).min(1),
    warn: z.array(z.enum(PARTS)).default([]),
    siteSeverity: z.enum(['error', 'warning', 'info']).default('warning'),
    embeddedKinds: z.array(z.string().min(1)).default(['video', 'depth', 'original', 'matte', 'image', 'uncropped', 'trailer']),
    /** Photographer, copyright or owner values that are fine (the school's own name is always fine). */
    allow: z.array(z.string().min(1)).default([]),
    /** Treat two capitalised words in a caption or keyword as a name: always with no roster; with one, for names the lists do not know. */
    guessNames: z.boolean().default(true),
  })
  .strict();

export type PhotoOptions = z.infer<typeof options>;

/** Decides whether a caption or keyword names someone (roster match, or a name-like phrase). */
export type NameTest = (text: string) => boolean;

const NAME_LIKE = /(?:^|[^\p{L}])\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?\s+(?:\p{Lu}\.?\s+)?\p{Lu}\p{Ll}*[-'’]?\p{L}+/u;
const CONTACT = /[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d\s()-]{8,}\d/;
/** Capitalised pairs that are not people (titles of events, places in a school). */
const NOT_PEOPLE = /^(?:Sports Day|Red Nose Day|World Book Day|Harvest Festival|Christmas|Easter|Year \d+|Class \w+|Summer Fair|School Trip|Nativity Play|Science Week|Book Week)$/i;

export function guessNameTest(): NameTest {
  return (text) => {
    if (CONTACT.test(text)) return true;
    const m = NAME_LIKE.exec(text);
    return !!m && !NOT_PEOPLE.test(m[0].trim());
  };
}

/** Rounds to 2 decimals (about 1 km): enough to show it is real, not enough to find a house. */
function place(lat: number, lon: number): string {
  const r = (v: number) => (Math.round(v * 100) / 100).toFixed(2);
  return `${r(lat)}, ${r(lon)}`;
}

function list(values: string[], max = 3): string {
  const uniq = [...new Set(values.map((v) => v.replace(/\s+/g, ' ').trim()).map((v) => (v.length > 60 ? `${v.slice(0, 57)}…` : v)))];
  const shown = uniq.slice(0, max).map((v) => `'${v}'`).join(', ');
  return uniq.length > max ? `${shown} and ${uniq.length - max} more` : shown;
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function deviceMatches(meta: PhotoMeta, d: School['devices'][number]): boolean {
  if (!d.make && !d.model && !d.serial) return false;
  if (d.serial) {
    const want = d.serial.replace(/\s+/g, '').toLowerCase();
    if (!meta.serials.some((s) => s.value.replace(/\s+/g, '').toLowerCase() === want)) return false;
  }
  if (d.make && !(meta.make && (norm(meta.make).includes(norm(d.make)) || norm(d.make).includes(norm(meta.make))))) return false;
  if (d.model) {
    const m = meta.model ? norm(meta.model) : '';
    const w = norm(d.model);
    if (!m || !(m === w || m.endsWith(` ${w}`) || m.includes(w))) return false;
  }
  return true;
}

/** The hits for one photo. Pure: the engine-free core, used by the check and the evaluation. */
export function photoHits(meta: PhotoMeta, o: PhotoOptions, school: School, isName: NameTest, credited: (holder: string) => boolean = () => false): Hit[] {
  const hits: Hit[] = [];
  const want = new Set(o.report);
  const warn = new Set(o.warn);
  const photo = meta.path;
  const clean = `smcheck clean ${/\s/.test(photo) ? JSON.stringify(photo) : photo}`;
  const push = (part: Part, data: Record<string, string | number>, extra: Partial<Hit> = {}) => {
    if (typeof data.match === 'string') {
      const m = data.match.replace(/\s+/g, ' ').trim();
      data.match = m.length > 80 ? `${m.slice(0, 77)}…` : m;
    }
    const h: Hit = { photo, messageId: part, data, suggestion: clean, ...extra };
    if (warn.has(part) && !extra.severity) h.severity = 'warning';
    hits.push(h);
  };
  const allowed = [school.name, ...o.allow].filter((x): x is string => !!x).map(norm).filter(Boolean);
  const isAllowed = (v: string) => allowed.some((a) => norm(v).includes(a));

  if (want.has('damaged') && meta.damage?.length) {
    const metadataOnly = meta.damage.every((d) => d.startsWith("the photo's hidden data"));
    push('damaged', { match: meta.damage[0], damage: meta.damage.join('; ') }, {
      suggestion: metadataOnly ? clean : 'Copy or export the photo again from the camera or phone, and attach the new copy',
    });
  }
  if (want.has('location') && meta.gps) {
    const { lat, lon } = meta.gps;
    const data = { match: `GPS near ${place(lat, lon)}`, place: place(lat, lon) };
    const site = school.site;
    if (site && distanceMetres(site, meta.gps) <= site.radius) {
      push('location', { ...data, where: 'the school' }, { messageId: 'location-school', severity: o.siteSeverity as Severity });
    } else {
      push('location', data);
    }
  } else if (want.has('location') && meta.gpsUnread) {
    // GPS data the damaged file no longer lets smcheck read: ExifTool or a website may still read it
    push('location', { match: 'damaged GPS data', damage: (meta.damage ?? []).join('; ') }, { messageId: 'location-damaged' });
  }
  if (want.has('people') && meta.people.length) {
    push('people', { match: meta.people.map((p) => p.value).join(', '), names: list(meta.people.map((p) => p.value), 12), count: meta.people.length });
  }
  if (want.has('texts')) {
    const texts = meta.texts.filter((t) => !isAllowed(t.value));
    if (texts.length) {
      const named = texts.filter((t) => isName(t.value));
      const shown = named.length ? named : texts;
      push('texts', { match: shown[0].value, texts: list(shown.map((t) => t.value)), count: texts.length },
        named.length ? {} : { severity: 'warning' });
    }
  }
  if (want.has('keywords')) {
    const kws = meta.keywords.filter((k) => !isAllowed(k.value));
    if (kws.length) {
      const named = kws.filter((k) => isName(k.value));
      push('keywords', { match: (named[0] ?? kws[0]).value, keywords: list((named.length ? named : kws).map((k) => k.value), 5), count: kws.length },
        named.length ? {} : { severity: 'warning' });
    }
  }
  if (want.has('credits')) {
    const credits = [...meta.creators, ...meta.copyright].filter((c) => !isAllowed(c.value));
    if (credits.length) {
      // the post already credits every photographer or holder named: the metadata says nothing the
      // post does not, so a warning (a clean copy is still safer)
      const allNamed = credits.every((c) => credited(c.value));
      push('credits', { match: credits[0].value, credits: list(credits.map((c) => c.value)) },
        allNamed ? { severity: 'warning', messageId: 'credits-named' } : {});
    }
  }
  if (want.has('owner')) {
    const owners = meta.owners.filter((c) => !isAllowed(c.value));
    if (owners.length) push('owner', { match: owners[0].value, owners: list(owners.map((c) => c.value)) });
  }
  if (want.has('serial') && meta.serials.length) {
    push('serial', { match: meta.serials[0].value, serial: meta.serials[0].value });
  }
  if (want.has('thumbnail') && thumbnailIsStale(meta)) {
    const th = meta.thumbnail!;
    push('thumbnail', { match: `thumbnail ${th.width} × ${th.height}`, thumb: `${th.width} × ${th.height}`, size: `${meta.width} × ${meta.height}` });
  }
  if (want.has('trailing') && meta.trailingBytes) {
    const n = meta.trailingBytes;
    const size = n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1048576).toFixed(1)} MB`;
    push('trailing', { match: `${n} hidden bytes`, bytes: n, size });
  }
  if (want.has('embedded')) {
    const kinds = new Set(o.embeddedKinds);
    const found = meta.embedded.filter((e) => kinds.has(e.kind));
    if (found.length) push('embedded', { match: found[0].kind, what: [...new Set(found.map((e) => e.detail ?? e.kind))].join('; ') });
  }
  if (want.has('size') && meta.width && meta.height) {
    const max = school.maxImageSize || 2048;
    const long = Math.max(meta.width, meta.height);
    if (long > max) {
      push('size', { match: `${meta.width} × ${meta.height}`, size: `${meta.width} × ${meta.height}`, max },
        { severity: 'warning', suggestion: `${clean} (it also makes the copy ${max} px on the long side)` });
    }
  }
  if (want.has('extension') && meta.extensionMismatch) {
    const ext = meta.fileName.split('.').pop() ?? '';
    push('extension', { match: meta.fileName, format: meta.format.toUpperCase(), ext }, { severity: 'warning' });
  }
  if (want.has('device') && school.devices.length) {
    const known = school.devices.some((d) => deviceMatches(meta, d));
    const camera = [meta.make, meta.model].filter(Boolean).join(' ');
    if (!known && (camera || meta.serials.length)) {
      push('device', { match: camera || meta.serials[0].value, camera: camera || `a camera with serial number ${meta.serials[0].value}` },
        { suggestion: 'Use a school camera or tablet, or ask the Head for permission' });
    }
  }
  return hits;
}

async function nameTest(ctx: CheckContext, o: PhotoOptions, photos: PhotoMeta[]): Promise<NameTest> {
  const guess = guessNameTest();
  const { roster, staff, noPublish } = ctx.school;
  if (!roster.length && !staff.length && !noPublish.length) return o.guessNames ? guess : () => false;
  const { getNameIndex, findNames, resolveMaybes } = await import('../text/names/index.js');
  const index = getNameIndex(ctx);
  const fullNames = [...roster, ...staff, ...noPublish].map((p) => norm(`${p.first} ${p.last}`));
  // A caption is a sentence: read it as prose, so a pupil's first name alone counts ("Amelia on the
  // beam"). A word-like name at the start ("Rose bed by the pond") is settled by the part-of-speech
  // check the names rules use, except for a pupil on the no-publish list: "Leo in our back garden"
  // counts whatever the tagger says, as a miss there costs the most.
  const captions = new Set<string>();
  for (const m of photos) {
    for (const t of m.texts) {
      const found = findNames(index, t.value, { mode: 'prose' });
      if (found.some((f) => f.confidence === 'yes' || f.pupils.some((p) => p.noPublish))) captions.add(t.value);
      else if (found.length && (await resolveMaybes(t.value, found)).length) captions.add(t.value);
    }
  }
  // Someone the lists do not know ("Tobias Okafor at the museum": a new starter, a brother or
  // sister, a parent) is still a name: the same guess as with no roster, minus the staff, the
  // allowed names, the classes and titled adults ("Mr D Fairbairn").
  const adults = [...staff.map((p) => norm(`${p.first} ${p.last}`)), ...ctx.school.allowNames.map(norm), ...ctx.school.classes.map(norm)].filter(Boolean);
  const unlisted = (text: string) => {
    if (!o.guessNames) return false;
    const m = NAME_LIKE.exec(text);
    if (!m || NOT_PEOPLE.test(m[0].trim())) return false;
    const n = norm(m[0]);
    if (/^(?:mr|mrs|miss|ms|mx|dr|sir|dame|rev|prof)\b/.test(n) || /\b(?:class|year)\b/.test(n)) return false;
    return !adults.some((a) => n === a || n.includes(a) || a.includes(n));
  };
  return (text) => {
    if (CONTACT.test(text)) return true;
    if (captions.has(text)) return true;
    if (findNames(index, text, { mode: 'words' }).length > 0) return true;
    const t = norm(text);
    return fullNames.some((n) => n && t.includes(n)) || unlisted(text);
  };
}

export const check: CheckKind<PhotoOptions> = {
  kind: 'photo',
  summary: "What an attached photo's metadata gives away: GPS, names, captions, owner, hidden pixels, size, device",
  options,
  async run(ctx: CheckContext, rule: Rule<PhotoOptions>): Promise<Hit[]> {
    if (ctx.draft.images.length === 0) return [];
    const o = rule.options;
    if (o.report.length === 1 && o.report[0] === 'device' && ctx.school.devices.length === 0) return [];
    const photos = await ctx.photos();
    if (!photos.length) return [];
    const isName = o.report.includes('texts') || o.report.includes('keywords') ? await nameTest(ctx, o, photos) : () => false;
    let credited: (holder: string) => boolean = () => false;
    if (o.report.includes('credits') && photos.some((m) => m.creators.length || m.copyright.length)) {
      const { cleanHolder, isMeaningfulHolder, isOwnHolder, namesHolder } = await import('../text/attribution.js');
      const prose = ctx.draft.prose;
      const pupils = [...ctx.school.roster, ...ctx.school.noPublish];
      credited = (raw) => {
        const name = cleanHolder(raw);
        // a pupil's name in the photo is never "credited": the name must come out of the photo
        return isMeaningfulHolder(name) && !isOwnHolder(name, { staff: pupils }) && namesHolder(prose, name);
      };
    }
    return photos.flatMap((m) => photoHits(m, o, ctx.school, isName, credited));
  },
};

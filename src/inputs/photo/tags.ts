/**
 * exifr's tags → PhotoMeta: GPS, camera, people and owners, credits, captions, keywords and
 * names of people shown. Values that are camera placeholders (../../text/common/lexicon/
 * camera-placeholders.txt) are dropped.
 */
import { lazySet } from '../../text/common/lexicon-set.js';
import { cameraPlaceholders } from '../../text/common/lexicon.gen.js';
import type { Tagged } from './layout.js';
import type { PhotoMeta } from './meta.js';

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (Array.isArray(v) && typeof v[0] === 'number') return v[0];
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, g: string) => {
    if (g[0] === '#') {
      const code = g[1] === 'x' || g[1] === 'X' ? parseInt(g.slice(2), 16) : parseInt(g.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[g.toLowerCase()] ?? m;
  });
}

function bytesToText(u: Uint8Array): string {
  const b = Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  const head = b.toString('latin1', 0, 8);
  if (head.startsWith('UNICODE')) return b.subarray(8).toString('utf16le');
  if (head.startsWith('ASCII') || head === '\0\0\0\0\0\0\0\0' || head.startsWith('JIS')) return b.subarray(8).toString('utf8');
  return b.toString('utf8');
}

/** Every string a tag value holds (arrays, XMP language alternatives, nested structures). */
export function strings(v: unknown, depth = 0): string[] {
  if (v === null || v === undefined || depth > 6) return [];
  if (typeof v === 'string') {
    const s = decodeEntities(v).replace(/\0+/g, ' ').trim();
    return s && s !== 'x-default' ? [s] : [];
  }
  if (typeof v === 'number') return Number.isFinite(v) ? [String(v)] : [];
  if (v instanceof Uint8Array) return strings(bytesToText(v), depth + 1);
  if (Array.isArray(v)) return v.flatMap((x) => strings(x, depth + 1));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('value' in o && ('lang' in o || Object.keys(o).length <= 2)) return strings(o.value, depth + 1);
    return Object.entries(o).filter(([k]) => k !== 'parseType' && k !== 'lang').flatMap(([, x]) => strings(x, depth + 1));
  }
  return [];
}

/** Values found under `key` anywhere inside `v` (for XMP structures such as region lists). */
export function deep(v: unknown, key: string, depth = 0): unknown[] {
  if (!v || typeof v !== 'object' || depth > 8) return [];
  if (Array.isArray(v)) return v.flatMap((x) => deep(x, key, depth + 1));
  const out: unknown[] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k === key) out.push(x);
    else out.push(...deep(x, key, depth + 1));
  }
  return out;
}

/** Placeholder values cameras and apps write when nobody filled a field in. */
const placeholders = lazySet(cameraPlaceholders.toLowerCase());
const FILLER = /^(?:-+|\?+|\.+|0+)$/;
function isPlaceholder(s: string): boolean {
  return FILLER.test(s) || placeholders().has(s.toLowerCase());
}

function add(list: Tagged[], tag: string, v: unknown): void {
  for (const s of strings(v)) {
    if (s.length > 2000 || isPlaceholder(s)) continue;
    if (!list.some((x) => x.value === s)) list.push({ tag, value: s });
  }
}

function parseXmpCoord(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  // XMP exif:GPSLatitude is "DDD,MM.mmk" or "DDD,MM,SSk"
  const m = /^\s*(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])?\s*$/i.exec(v);
  if (!m) return undefined;
  let d = parseFloat(m[1]) + (m[2] ? parseFloat(m[2]) / 60 : 0) + (m[3] ? parseFloat(m[3]) / 3600 : 0);
  if (m[4] && /[SW]/i.test(m[4])) d = -d;
  return d;
}

export function collectTags(t: any, meta: PhotoMeta): void {
  const ifd0 = t.ifd0 ?? {}, exif = t.exif ?? {}, gps = t.gps ?? {}, iptc = t.iptc ?? {};
  const ns = (n: string) => (t[n] && typeof t[n] === 'object' ? t[n] : {});
  const dc = ns('dc'), ps = ns('photoshop'), aux = ns('aux'), exifEX = ns('exifEX'), ext = ns('Iptc4xmpExt');
  const core = ns('Iptc4xmpCore'), plus = ns('plus'), ihdr = t.ihdr ?? {}, tiffX = ns('tiff');

  if (Array.isArray(t.errors) && t.errors.length) {
    for (const e of t.errors) meta.warnings.push(String(e?.message ?? e).slice(0, 120));
  }

  // Orientation
  const o = num(ifd0.Orientation) ?? num(tiffX.Orientation);
  if (o !== undefined) meta.orientation = o;

  // GPS: EXIF GPS IFD first, then XMP exif:GPSLatitude, then DJI drone XMP.
  const gpsKeys = Object.keys(gps);
  const xmpLat = exif.GPSLatitude !== undefined && typeof exif.GPSLatitude === 'string';
  if (gpsKeys.some((k) => k === 'GPSLatitude' || k === 'GPSLongitude') || xmpLat || ns('drone-dji').GpsLatitude !== undefined) {
    meta.gpsTagsPresent = true;
  }
  let lat = num(gps.latitude), lon = num(gps.longitude);
  if ((lat === undefined || lon === undefined) && gps.GPSLatitude !== undefined) {
    // exifr gives up on one missing ref; do the maths ourselves
    const dms = (v: unknown) => (Array.isArray(v) && v.length >= 1 && v.every((x) => typeof x === 'number')
      ? (v[0] as number) + ((v[1] as number) ?? 0) / 60 + ((v[2] as number) ?? 0) / 3600 : num(v));
    lat = dms(gps.GPSLatitude); lon = dms(gps.GPSLongitude);
    if (lat !== undefined && gps.GPSLatitudeRef === 'S') lat = -lat;
    if (lon !== undefined && gps.GPSLongitudeRef === 'W') lon = -lon;
  }
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    const xl = parseXmpCoord(exif.GPSLatitude), xo = parseXmpCoord(exif.GPSLongitude);
    if (xl !== undefined && xo !== undefined) { lat = xl; lon = xo; }
    else {
      const dl = num(Number(ns('drone-dji').GpsLatitude)), dn = num(Number(ns('drone-dji').GpsLongitude));
      if (dl !== undefined && dn !== undefined) { lat = dl; lon = dn; }
    }
  }
  if (lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon) && !(lat === 0 && lon === 0)) {
    meta.gps = { lat, lon };
    const alt = num(gps.GPSAltitude);
    if (alt !== undefined) meta.gps.alt = alt;
  }

  const ew = num(exif.ExifImageWidth ?? exif.PixelXDimension), eh = num(exif.ExifImageHeight ?? exif.PixelYDimension);
  if (ew && eh) meta.exifSize = { width: ew, height: eh };

  // Camera
  const make = strings(ifd0.Make)[0] ?? strings(ihdr.Make)[0] ?? strings(exif.Make)[0];
  const model = strings(ifd0.Model)[0] ?? strings(ihdr.Model)[0] ?? strings(exif.Model)[0];
  if (make) meta.make = make;
  if (model) meta.model = model;
  const sw = strings(ifd0.Software)[0] ?? strings(ihdr.Software)[0] ?? strings(ns('xmp').CreatorTool)[0];
  if (sw) meta.software = sw;
  add(meta.serials, 'BodySerialNumber', exif.BodySerialNumber ?? (typeof exif.SerialNumber === 'string' ? exif.SerialNumber : undefined));
  add(meta.serials, 'CameraSerialNumber', ifd0.CameraSerialNumber);
  add(meta.serials, 'XMP-exifEX:BodySerialNumber', exifEX.BodySerialNumber);
  add(meta.serials, 'XMP-aux:SerialNumber', aux.SerialNumber);

  // People and owners
  add(meta.owners, 'CameraOwnerName', exif.CameraOwnerName ?? exif.OwnerName);
  add(meta.owners, 'XMP-aux:OwnerName', aux.OwnerName);
  add(meta.creators, 'Artist', ifd0.Artist ?? tiffX.Artist);
  add(meta.creators, 'XMP-dc:Creator', dc.creator ?? dc.Creator);
  add(meta.creators, 'IPTC:By-line', iptc.Byline);
  add(meta.creators, 'XPAuthor', ifd0.XPAuthor);
  add(meta.creators, 'XMP-plus:ImageCreator', deep(plus.ImageCreator, 'ImageCreatorName'));
  add(meta.creators, 'IPTC:Credit', iptc.Credit ?? ps.Credit);
  add(meta.copyright, 'Copyright', ifd0.Copyright ?? tiffX.Copyright);
  add(meta.copyright, 'XMP-dc:Rights', dc.rights);
  add(meta.copyright, 'IPTC:CopyrightNotice', iptc.CopyrightNotice);
  add(meta.copyright, 'XMP-plus:CopyrightOwner', deep(plus.CopyrightOwner, 'CopyrightOwnerName'));

  // Captions, titles, descriptions, comments, places
  add(meta.texts, 'ImageDescription', ifd0.ImageDescription);
  add(meta.texts, 'XMP-dc:Description', dc.description);
  add(meta.texts, 'IPTC:Caption-Abstract', iptc.Caption);
  add(meta.texts, 'XMP-dc:Title', dc.title);
  add(meta.texts, 'IPTC:ObjectName', iptc.ObjectName);
  add(meta.texts, 'IPTC:Headline', iptc.Headline ?? ps.Headline);
  add(meta.texts, 'XPTitle', ifd0.XPTitle);
  add(meta.texts, 'XPComment', ifd0.XPComment);
  add(meta.texts, 'XPSubject', ifd0.XPSubject);
  add(meta.texts, 'UserComment', exif.UserComment);
  add(meta.texts, 'AltTextAccessibility', core.AltTextAccessibility);
  add(meta.texts, 'ExtDescrAccessibility', core.ExtDescrAccessibility);
  add(meta.texts, 'IPTC:SpecialInstructions', iptc.SpecialInstructions ?? ps.Instructions);
  add(meta.texts, 'CreatorContactInfo', core.CreatorContactInfo);
  add(meta.texts, 'IPTC:Sub-location', iptc.Sublocation ?? core.Location);
  add(meta.texts, 'IPTC:City', iptc.City ?? ps.City);
  add(meta.texts, 'XMP-iptcExt:LocationShown', ext.LocationShown);
  add(meta.texts, 'XMP-iptcExt:LocationCreated', ext.LocationCreated);
  add(meta.texts, 'XMP-iptcExt:Event', ext.Event);
  add(meta.texts, 'PNG:Comment', ihdr.comment);

  // Keywords
  add(meta.keywords, 'XMP-dc:Subject', dc.subject);
  add(meta.keywords, 'IPTC:Keywords', iptc.Keywords);
  for (const s of strings(ifd0.XPKeywords)) add(meta.keywords, 'XPKeywords', s.split(';'));

  // Names of people shown: MWG and Microsoft regions, IPTC Extension, People/ hierarchies.
  add(meta.people, 'XMP-mwg-rs:RegionName', deep(ns('mwg-rs').Regions, 'Name'));
  add(meta.people, 'XMP-MP:RegionPersonDisplayName', deep(ns('MP').RegionInfo, 'PersonDisplayName'));
  add(meta.people, 'XMP-MP:RegionPersonDisplayName', deep(ns('MPRI'), 'PersonDisplayName'));
  add(meta.people, 'XMP-iptcExt:PersonInImage', ext.PersonInImage);
  add(meta.people, 'XMP-iptcExt:PersonInImageName', deep(ext.PersonInImageWDetails, 'PersonName'));
  add(meta.people, 'XMP-iptcExt:ImageRegionPersonInImage', deep(ext.ImageRegion, 'PersonInImage'));
  add(meta.people, 'XMP-iptcExt:ImageRegionPersonName', deep(ext.ImageRegion, 'PersonName'));
  const hier: [string, unknown][] = [
    ['XMP-digiKam:TagsList', ns('digiKam').TagsList], ['XMP-lr:HierarchicalSubject', ns('lr').hierarchicalSubject],
    ['XMP-mediapro:CatalogSets', ns('mediapro').CatalogSets], ['XMP-microsoft:LastKeywordXMP', ns('MicrosoftPhoto').LastKeywordXMP],
  ];
  for (const [tag, v] of hier) {
    for (const s of strings(v)) {
      const m = /^(?:People|Persons?|Personen|Personnes)[/|](.+)$/i.exec(s);
      if (m) add(meta.people, tag, m[1].split(/[/|]/).pop());
    }
  }
}

export function addPngText(meta: PhotoMeta, t: Tagged): void {
  const key = t.tag.slice(4).toLowerCase();
  if (key === 'author') add(meta.creators, t.tag, t.value);
  else if (key === 'copyright') add(meta.copyright, t.tag, t.value);
  else if (['description', 'title', 'comment', 'disclaimer', 'source', 'warning'].includes(key)) add(meta.texts, t.tag, t.value);
  else if (key === 'parameters' || key === 'prompt' || key === 'workflow' || key === 'dream') {
    // Stable Diffusion / ComfyUI / others write their generation settings here.
    meta.provenance = { ...meta.provenance, aiGenerated: true };
  }
}

/**
 * The second reader: a raw scan of the bytes for metadata, independent of the container walk
 * and of exifr. It looks for EXIF (TIFF headers), XMP packets, Photoshop/IPTC blocks, GPS
 * entries (binary EXIF and XMP) and names of people shown (XMP face regions, IPTC Extension)
 * anywhere in the file. index.ts compares what it finds with what the structured reader read:
 * when the scan finds more, the photo is damaged and never passes (issue 13).
 *
 * Each needle is specific enough that random picture data practically never holds it (a TIFF
 * header is also checked for a plausible first directory).
 */

import type { Layout } from './layout.js';
import type { PhotoMeta } from './meta.js';

export interface RawScan {
  /** Offsets of TIFF headers ("II*\0" / "MM\0*") with a plausible first directory. */
  tiff: number[];
  /** Offsets of XMP packets ("<x:xmpmeta" or, without it, "<rdf:RDF"). */
  xmp: number[];
  /** Offsets of Photoshop image resource blocks holding IPTC ("8BIM" 0x0404). */
  iptc: number[];
  /** A binary GPSLatitude entry (tag 2, RATIONAL, 3 values). */
  gps: boolean;
  /** An XMP GPS latitude (a camera position). */
  xmpGps: boolean;
  /** XMP face-region or person-in-image names. */
  people: boolean;
}

const GPS_LAT_LE = Buffer.from([0x02, 0x00, 0x05, 0x00, 0x03, 0x00, 0x00, 0x00]);
const GPS_LAT_BE = Buffer.from([0x00, 0x02, 0x00, 0x05, 0x00, 0x00, 0x00, 0x03]);
const IPTC_8BIM = Buffer.from([0x38, 0x42, 0x49, 0x4d, 0x04, 0x04]);
/** XMP GPS positions the reader maps to a location (exif:, DJI drones); IPTC's LocationShown GPS is a place shown, not a camera position. */
const XMP_GPS = ['exif:GPSLatitude', 'drone-dji:GpsLatitude'];
/** XMP names of people shown: MWG region names, Microsoft regions, IPTC Extension persons. */
const XMP_PEOPLE = ['mwg-rs:Name', 'PersonDisplayName', 'PersonInImage', 'Iptc4xmpExt:PersonName'];

/** Offsets of `needle` in `buf`, outside the skipped ranges (sorted, not overlapping). */
function all(buf: Buffer, needle: Buffer | string, skip: [number, number][], max = 64): number[] {
  const out: number[] = [];
  let from = 0;
  for (const [s, e] of [...skip, [buf.length, buf.length] as [number, number]]) {
    const part = buf.subarray(from, s);
    for (let i = part.indexOf(needle); i >= 0 && out.length < max; i = part.indexOf(needle, i + 1)) out.push(from + i);
    from = Math.max(from, e);
  }
  return out;
}

function plausibleTiff(buf: Buffer, at: number): boolean {
  if (at + 8 > buf.length) return true; // a header cut short still says EXIF was here
  const le = buf[at] === 0x49;
  const ifd = le ? buf.readUInt32LE(at + 4) : buf.readUInt32BE(at + 4);
  if (ifd < 8) return false;
  if (at + ifd + 2 > buf.length) return ifd < 1 << 20;
  const n = le ? buf.readUInt16LE(at + ifd) : buf.readUInt16BE(at + ifd);
  return n > 0 && n < 512;
}

/**
 * The scan covers the whole file except `skip`: the compressed picture data, which no reader
 * (ExifTool, a browser, a website) takes metadata from, and which is most of a photo's bytes.
 */
export function rawScan(buf: Buffer, skip: [number, number][] = []): RawScan {
  const has = (n: Buffer | string) => all(buf, n, skip, 1).length > 0;
  const tiff = [...all(buf, 'II*\0', skip), ...all(buf, 'MM\0*', skip)].filter((at) => plausibleTiff(buf, at)).sort((a, b) => a - b);
  let xmp = all(buf, '<x:xmpmeta', skip);
  if (!xmp.length) xmp = all(buf, '<rdf:RDF', skip);
  const iptc = all(buf, IPTC_8BIM, skip);
  const gps = has(GPS_LAT_LE) || has(GPS_LAT_BE);
  const xmpGps = xmp.length > 0 && XMP_GPS.some(has);
  const people = xmp.length > 0 && XMP_PEOPLE.some(has);
  return { tiff, xmp, iptc, gps, xmpGps, people };
}

/** exifr output keys that are not XMP namespaces. */
const NOT_XMP = new Set(['ifd0', 'ifd1', 'exif', 'gps', 'interop', 'iptc', 'ihdr', 'errors', 'thumbnail', 'makerNote', 'icc', 'jfif', 'userComment']);

/**
 * Compares the raw scan with what the structured reader read (the walk's layout, exifr's tags
 * and the PhotoMeta made from them). Returns what the scan found and the reader did not, in
 * plain words; an empty list when everything the scan found was read. Sets `meta.gpsUnread`
 * when GPS data is there but no position could be read from it.
 */
export function crossCheck(buf: Buffer, l: Layout, tags: any, meta: PhotoMeta): string[] {
  const raw = rawScan(buf, [...l.pixels].sort((a, b) => a[0] - b[0]));
  const out: string[] = [];
  const end = l.end ?? buf.length;
  const inImage = (at: number) => at >= l.start && at < end;
  const within = (at: number, s: number | undefined, e: number | undefined) => s !== undefined && at >= s && at < (e ?? buf.length);
  const rawExifAt = l.rawExif ? l.rawExif.byteOffset - buf.byteOffset : undefined;
  const inExif = (at: number) => within(at, l.tiffStart, l.tiffEnd) || within(at, rawExifAt, rawExifAt === undefined ? undefined : rawExifAt + l.rawExif!.length);
  const inPs = (at: number) => l.psBlocks.some(([s, e]) => at >= s && at < e);
  const walked = l.format === 'jpeg' || l.format === 'png' || l.format === 'webp' || l.format === 'gif';

  const errors = Array.isArray(tags?.errors) ? tags.errors : [];
  if (errors.length) out.push(`smcheck could not read all of it (${String(errors[0]?.message ?? errors[0]).slice(0, 80)})`);

  // EXIF: every TIFF header inside the image must be the EXIF block the walk found (or inside
  // it: maker notes), the MPF index, or a Photoshop block; and a block found must have been read.
  const exifRead = !!(tags && (tags.ifd0 || tags.exif || tags.gps || tags.ifd1));
  const tiffs = raw.tiff.filter(inImage);
  if (l.format === 'jpeg') {
    // (JPEG: other APP segments hold TIFF headers too, e.g. Kodak's APP3 and FlashPix; an APP1
    // whose "Exif" name is damaged is found by the walk, containers/jpeg.ts)
    if ((l.tiffStart !== undefined) && !exifRead && !errors.length && tiffs.length) out.push('its EXIF block could not be read');
  } else if (walked) {
    const stray = tiffs.filter((at) => !inExif(at) && at !== l.mpfBase && !inPs(at));
    if (stray.length) out.push('it holds an EXIF block in a place smcheck could not read');
    else if ((l.tiffStart !== undefined || l.rawExif) && !exifRead && !errors.length && tiffs.length) out.push('its EXIF block could not be read');
  } else if (l.format !== 'tiff' && tiffs.length && !exifRead) {
    out.push('it holds an EXIF block smcheck could not read');
  }

  // XMP: as many packets as the walk found (or, where exifr walks the file, any read at all).
  const xmps = raw.xmp.filter((at) => inImage(at) && !inExif(at) && !inPs(at));
  const xmpRead = !!tags && Object.keys(tags).some((k) => !NOT_XMP.has(k));
  // (HEIC and TIFF: exifr finds the XMP itself; the XMP of auxiliary images, such as an
  // iPhone's HDR gain map, is not read and holds no names or places, which the checks below cover)
  if (walked && xmps.length > l.xmpBlocks) out.push('it holds an XMP block smcheck could not read');

  // IPTC (Photoshop image resources) outside a Photoshop block the walk found.
  if (l.format === 'jpeg' && raw.iptc.some((at) => inImage(at) && !inPs(at) && !inExif(at))) out.push('it holds an IPTC block smcheck could not read');

  // GPS and names: in XMP, only when no XMP was read (an XMP read in full was interpreted: IPTC's
  // LocationShown GPS or a Pet region's name are not a camera position or a person)
  const xmpUnread = !xmpRead || (walked && xmps.length > l.xmpBlocks);
  const gps = raw.gps || (raw.xmpGps && xmpUnread);
  if (gps && !meta.gpsTagsPresent) out.push('it holds GPS data smcheck could not read');
  if (raw.people && xmpUnread && !meta.people.length) out.push('it holds names of people smcheck could not read');
  if (gps && !meta.gps && (out.length || meta.damage?.length)) meta.gpsUnread = true;
  return out;
}

/**
 * Reads a photo's metadata once: format from the magic bytes, structure walked by hand (cheap:
 * segment and chunk headers only, never pixels), tags through exifr from an in-memory buffer.
 *
 * - JPEG / PNG / WebP / GIF: this file walks the container itself (dimensions, EXIF/XMP blocks,
 *   MPF extra images, C2PA boxes, bytes after the end marker, damage).
 * - WebP and GIF: exifr cannot read them, so their raw EXIF and XMP blocks are wrapped in a
 *   tiny synthetic JPEG that exifr can read.
 * - HEIC / AVIF / TIFF / DNG: exifr reads the tags; dimensions from the `ispe` boxes or IFD0.
 *
 * A photo that cannot be read at all throws InputError with one line naming the file and what to
 * do. A photo that is damaged but whose metadata can still be read comes back with `damage` set:
 * the image-metadata rule reports that as an error, so a damaged photo never passes.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { ImageRef } from '../types.js';
import type { PhotoMeta } from './photo-meta.js';

/** Largest photo smcheck accepts (same as sharp's default pixel limit: 16383 × 16383). */
export const MAX_PIXELS = 268_402_689;

type Tagged = { tag: string; value: string };

/** What the container walk finds before exifr runs. */
interface Layout {
  format: string;
  /** Offset where the real file starts (garbage in front of a JPEG). */
  start: number;
  width?: number;
  height?: number;
  /** Start and end of the EXIF block (its TIFF header onwards), when known. */
  tiffStart?: number;
  tiffEnd?: number;
  /** Raw EXIF (TIFF) and XMP blocks for formats exifr cannot read. */
  rawExif?: Buffer;
  rawXmp?: Buffer;
  /** Offset just after the image's end marker (JPEG EOI, PNG IEND, RIFF end). */
  end?: number;
  mpf?: { type: number; size: number; offset: number }[];
  /** Size of the Photoshop thumbnail (APP13 image resource 0x040C), if any. */
  psThumb?: { width: number; height: number };
  mpfBase?: number;
  c2pa?: Buffer[];
  damage: string[];
  warnings: string[];
  pngText: Tagged[];
}

const EXT_FORMAT: Record<string, string> = {
  jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg', png: 'png', heic: 'heic', heif: 'heic',
  hif: 'heic', avif: 'avif', tif: 'tiff', tiff: 'tiff', dng: 'tiff', webp: 'webp', gif: 'gif',
};

let exifrModule: Promise<any> | undefined;
function loadExifr(): Promise<any> {
  // The ESM build: importing the package's CJS main makes Node lex 75 KB of CommonJS first (~15 ms).
  exifrModule ??= import('exifr/dist/full.esm.mjs').then((m: any) => m.default ?? m);
  return exifrModule;
}

/** exifr writes some warnings to the console ("ILOC box has more than one extent"); smcheck prints only its report. */
let quietDepth = 0;
let realWarn: typeof console.warn = console.warn;
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  if (quietDepth++ === 0) {
    realWarn = console.warn;
    console.warn = () => {};
  }
  try {
    return await fn();
  } finally {
    if (--quietDepth === 0) console.warn = realWarn;
  }
}

const EXIFR_OPTIONS = {
  tiff: true, ifd0: true, exif: true, gps: true, interop: false, ifd1: true,
  xmp: true, iptc: true, icc: false, jfif: false, ihdr: true,
  makerNote: false, userComment: true, multiSegment: true,
  mergeOutput: false, translateValues: false, reviveValues: true, sanitize: true,
  silentErrors: true,
};

/** Reads one photo. Throws InputError (one plain line) when it cannot be read at all. */
export async function readPhoto(ref: ImageRef): Promise<PhotoMeta> {
  let buf: Buffer;
  try {
    buf = await readWhole(ref.absPath);
  } catch (e: any) {
    const why = e?.code === 'ENOENT' ? 'the file does not exist (check the name and folder)'
      : e?.code === 'EISDIR' ? 'it is a folder, not a photo'
      : e?.code === 'ENOTFILE' ? 'it is not a regular file (a device or a pipe), so it cannot be a photo'
      : e?.code === 'EACCES' || e?.code === 'EPERM' ? 'smcheck is not allowed to open it (check the file permissions)'
      : `it could not be opened (${e?.code ?? e?.message ?? 'unknown error'})`;
    throw new InputError(`${ref.path}: ${why}.`);
  }
  return readPhotoBuffer(buf, ref);
}

/**
 * The whole file in one buffer: one open, one stat, one read into a buffer of that size.
 * Synchronous on purpose: a photo is small and local, and four async round trips per file cost
 * more than the read itself (295 photos: 15 ms sync against ~250 ms async). Only regular
 * files are read, so a pipe or device can never make smcheck wait forever.
 */
async function readWhole(file: string): Promise<Buffer> {
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    const size = st.size;
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (!n) break;
      got += n;
    }
    return got < size ? buf.subarray(0, got) : buf;
  } finally {
    closeSync(fd);
  }
}

/** Reads several photos (in parallel); the first photo that cannot be read rejects. */
export async function readPhotos(refs: ImageRef[]): Promise<PhotoMeta[]> {
  return Promise.all(refs.map((r) => readPhoto(r)));
}

/** Reads a photo already in memory (used by readPhoto, the benchmark and the tests). */
export async function readPhotoBuffer(buf: Buffer, ref: Pick<ImageRef, 'path' | 'absPath'>): Promise<PhotoMeta> {
  const name = ref.path;
  if (buf.length === 0) {
    throw new InputError(`${name}: the file is empty (0 bytes), so there is no photo in it. Copy the photo again from the camera or phone.`);
  }
  const layout = walk(buf);
  if (!layout) {
    throw new InputError(looksLikeText(buf)
      ? `${name}: this is a text file, not a photo. Check that you attached the right file.`
      : `${name}: this is not a photo smcheck can read (not a JPEG, PNG, HEIC, AVIF, WebP, GIF or TIFF file). Check that you attached the right file.`);
  }
  const fileName = path.basename(ref.path);
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const extFormat = EXT_FORMAT[ext];
  const sameFamily = (a: string, b: string) => a === b || (['heic', 'heif'].includes(a) && ['heic', 'heif'].includes(b));
  const meta: PhotoMeta = {
    path: ref.path, absPath: ref.absPath, fileName, bytes: buf.length, format: layout.format,
    extensionMismatch: !!extFormat && !sameFamily(extFormat, layout.format),
    width: layout.width, height: layout.height,
    gpsTagsPresent: false, serials: [], creators: [], copyright: [], owners: [], texts: [],
    keywords: [], people: [], embedded: [], warnings: [...layout.warnings],
  };
  checkExifStructure(buf, layout);
  if (layout.damage.length) meta.damage = [...layout.damage];

  // Tags through exifr, from the buffer (never from a path: see the issue's known traps).
  const exifrInput = exifrInputFor(buf, layout);
  let tags: any;
  if (exifrInput) {
    try {
      const exifr = await loadExifr();
      tags = await quietly(() => exifr.parse(exifrInput, EXIFR_OPTIONS));
    } catch (e: any) {
      meta.warnings.push(`metadata could not be fully read (${String(e?.message ?? e).slice(0, 80)})`);
    }
  }
  if (tags && typeof tags === 'object') collectTags(tags, meta, layout);
  for (const t of layout.pngText) addPngText(meta, t);

  // Dimensions for formats whose container this file does not walk.
  if (meta.width === undefined && tags?.ifd0 && !(num(tags.ifd0.SubfileType) ?? 0) && !(num(tags.ifd0.NewSubfileType) ?? 0)) {
    // (a reduced-resolution IFD0, as in DNG, is the preview, not the photo)
    const w = num(tags.ifd0.ImageWidth), h = num(tags.ifd0.ImageHeight ?? tags.ifd0.ImageLength);
    if (w && h) { meta.width = w; meta.height = h; }
  }
  if (meta.width !== undefined && meta.height !== undefined) {
    if (meta.width * meta.height > MAX_PIXELS) {
      throw new InputError(`${name}: the file says the photo is ${meta.width} × ${meta.height} pixels, which no camera makes, so the file is probably damaged. Export or copy the photo again.`);
    }
    if (meta.width === 0 || meta.height === 0) {
      meta.damage = [...(meta.damage ?? []), 'the file says the photo has no pixels'];
    }
  }

  thumbnailInfo(buf, layout, tags, meta);
  extras(buf, layout, tags, meta);
  provenance(buf, layout, tags, meta);

  const anything = meta.width !== undefined || tags;
  if (!anything) {
    throw new InputError(`${name}: smcheck could not read this ${layout.format.toUpperCase()} file: it is too damaged (${meta.damage?.[0] ?? 'no picture found in it'}). Export or copy the photo again.`);
  }
  return meta;
}

// ---------------------------------------------------------------------------------------------
// Container walking

function walk(buf: Buffer): Layout | undefined {
  const b0 = buf[0], b1 = buf[1], b2 = buf[2];
  const base = (format: string, start = 0): Layout => ({ format, start, damage: [], warnings: [], pngText: [] });
  if (b0 === 0xff && b1 === 0xd8 && b2 === 0xff) return walkJpeg(buf, base('jpeg'));
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47 && buf.readUInt32BE(4) === 0x0d0a1a0a) return walkPng(buf, base('png'));
  if (buf.length >= 4 && (buf.toString('latin1', 0, 4) === 'II*\0' || buf.toString('latin1', 0, 4) === 'MM\0*')) {
    const l = base('tiff');
    l.tiffStart = 0;
    l.tiffEnd = buf.length;
    return l;
  }
  if (buf.length >= 12 && buf.toString('latin1', 4, 8) === 'ftyp') return walkIsoBmff(buf);
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return walkWebp(buf, base('webp'));
  if (buf.length >= 10 && (buf.toString('latin1', 0, 6) === 'GIF87a' || buf.toString('latin1', 0, 6) === 'GIF89a')) return walkGif(buf, base('gif'));
  // A damaged JPEG: broken first byte, or junk in front of the start marker.
  if (b1 === 0xd8 && b2 === 0xff && (buf[3] & 0xf0) === 0xe0) {
    const l = walkJpeg(buf, base('jpeg'), true);
    l.damage.unshift('the start of the file is damaged (its JPEG start marker is broken)');
    return l;
  }
  const soi = buf.subarray(0, 65536).indexOf(JPEG_SOI_APP);
  if (soi > 0) {
    const l = walkJpeg(buf, base('jpeg', soi));
    l.damage.unshift(`the file starts with ${soi} bytes that are not part of any photo`);
    return l;
  }
  return undefined;
}

const JPEG_SOI_APP = Buffer.from([0xff, 0xd8, 0xff]);
const EOI = Buffer.from([0xff, 0xd9]);
const XMP_NS = 'http://ns.adobe.com/xap/1.0/\0';

function walkJpeg(buf: Buffer, l: Layout, brokenSoi = false): Layout {
  void brokenSoi;
  let pos = l.start + 2;
  let scanStart: number | undefined;
  const len = buf.length;
  while (pos + 4 <= len) {
    if (buf[pos] !== 0xff) {
      l.damage.push('the photo\'s internal structure is broken (a marker is missing)');
      break;
    }
    const m = buf[pos + 1];
    if (m === 0xff) { pos++; continue; }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) { pos += 2; continue; }
    if (m === 0xd9) { l.end = pos + 2; break; }
    const segLen = buf.readUInt16BE(pos + 2);
    const s = pos + 4, e = pos + 2 + segLen;
    if (segLen < 2) { l.damage.push('the photo\'s internal structure is broken (a block has a wrong length)'); break; }
    if (e > len) {
      l.damage.push('the file is cut short: part of the photo is missing');
      scanStart = undefined;
      // still hand the partial segment to exifr via the buffer
      break;
    }
    if (m === 0xe1) {
      if (l.tiffStart === undefined && buf.toString('latin1', s, s + 6) === 'Exif\0\0') {
        l.tiffStart = s + 6;
        l.tiffEnd = e;
      } else if (buf.toString('latin1', s, s + XMP_NS.length) === XMP_NS) {
        checkXmpPacket(buf.subarray(s + XMP_NS.length, e), l);
      }
    } else if (m === 0xe2 && buf.toString('latin1', s, s + 4) === 'MPF\0') {
      parseMpf(buf, s + 4, e, l);
    } else if (m === 0xed && buf.toString('latin1', s, s + 14) === 'Photoshop 3.0\0') {
      photoshopThumb(buf, s + 14, e, l);
    } else if (m === 0xeb) {
      // APP11: JUMBF boxes (C2PA content credentials live here).
      (l.c2pa ??= []).push(buf.subarray(s, e));
    } else if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) {
      if (l.width === undefined && e - s >= 5) {
        l.height = buf.readUInt16BE(s + 1);
        l.width = buf.readUInt16BE(s + 3);
      }
    } else if (m === 0xda) {
      scanStart = e;
      break;
    }
    pos = e;
  }
  if (scanStart !== undefined) {
    const eoi = buf.indexOf(EOI, scanStart);
    if (eoi < 0) l.damage.push('the file is cut short: part of the photo is missing');
    else l.end = eoi + 2;
  } else if (l.end === undefined && !l.damage.length) {
    l.damage.push('the file is cut short: there is no picture data in it');
  }
  if (l.width === undefined && !l.damage.length) l.damage.push('the photo has no size information (its frame header is missing)');
  return l;
}

/** Reads the size of the thumbnail Photoshop keeps in its image resources (APP13). */
function photoshopThumb(buf: Buffer, q: number, end: number, l: Layout): void {
  while (q + 12 <= end && buf.toString('latin1', q, q + 4) === '8BIM') {
    const id = buf.readUInt16BE(q + 4);
    const nameLen = buf[q + 6];
    let r = q + 7 + nameLen;
    if ((1 + nameLen) % 2) r++;
    if (r + 4 > end) return;
    const size = buf.readUInt32BE(r);
    const d = r + 4;
    if ((id === 0x040c || id === 0x0409) && d + 12 <= end) {
      const width = buf.readUInt32BE(d + 4), height = buf.readUInt32BE(d + 8);
      if (width && height && width < 10000 && height < 10000) l.psThumb = { width, height };
      return;
    }
    q = d + size + (size % 2);
  }
}

/** An XMP packet that opens its RDF block but never closes it cannot be read (names may hide in it). */
function checkXmpPacket(x: Buffer, l: Layout): void {
  if (x.indexOf('<rdf:RDF') >= 0 && x.indexOf('</rdf:RDF>') < 0) {
    l.damage.push("the photo's hidden data (XMP) is damaged, so smcheck could not read all of it");
  }
}

function parseMpf(buf: Buffer, t: number, end: number, l: Layout): void {
  try {
    const le = buf.toString('latin1', t, t + 2) === 'II';
    const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
    const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
    const ifd = t + u32(t + 4);
    const n = u16(ifd);
    if (n > 100) return;
    let count = 0, entriesOff = 0;
    for (let i = 0; i < n; i++) {
      const en = ifd + 2 + i * 12;
      if (en + 12 > end) return;
      const tag = u16(en);
      if (tag === 0xb001) count = u32(en + 8);
      if (tag === 0xb002) entriesOff = u32(en + 8);
    }
    if (!count || !entriesOff || count > 64) return;
    const list: { type: number; size: number; offset: number }[] = [];
    for (let i = 0; i < count; i++) {
      const en = t + entriesOff + i * 16;
      if (en + 16 > end) break;
      list.push({ type: u32(en) & 0xffffff, size: u32(en + 4), offset: u32(en + 8) });
    }
    l.mpf = list;
    l.mpfBase = t;
  } catch {
    l.warnings.push('the multi-picture (MPF) index could not be read');
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
function crc32(b: Buffer): number {
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function walkPng(buf: Buffer, l: Layout): Layout {
  let pos = 8;
  const len = buf.length;
  let sawIdat = false;
  while (pos + 8 <= len) {
    const n = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const s = pos + 8, e = s + n;
    if (e + 4 > len) {
      l.damage.push('the file is cut short: part of the photo is missing');
      break;
    }
    if (type === 'IHDR' && n >= 8) {
      l.width = buf.readUInt32BE(s);
      l.height = buf.readUInt32BE(s + 4);
      if (crc32(buf.subarray(pos + 4, e)) !== buf.readUInt32BE(e)) {
        l.damage.push('the photo\'s header is damaged (its checksum is wrong)');
      }
    } else if (type === 'IDAT') {
      sawIdat = true;
    } else if (type === 'eXIf') {
      l.tiffStart = s;
      l.tiffEnd = e;
    } else if (type === 'caBX') {
      (l.c2pa ??= []).push(buf.subarray(s, e));
    } else if (type === 'tEXt' || type === 'iTXt' || type === 'zTXt') {
      readPngText(buf, type, s, e, l);
    } else if (type === 'IEND') {
      l.end = e + 4;
      break;
    }
    pos = e + 4;
  }
  if (l.end === undefined && !l.damage.length) l.damage.push('the file is cut short: part of the photo is missing');
  if (!sawIdat && l.end !== undefined) l.damage.push('the file holds no picture data');
  return l;
}

function readPngText(buf: Buffer, type: string, s: number, e: number, l: Layout): void {
  const z = buf.indexOf(0, s);
  if (z < 0 || z >= e) return;
  const key = buf.toString('latin1', s, z);
  if (key === 'XML:com.adobe.xmp') return; // exifr reads the XMP
  let value = '';
  if (type === 'tEXt') value = buf.toString('latin1', z + 1, e);
  else if (type === 'iTXt') {
    const compressed = buf[z + 1] === 1;
    let p = z + 3;
    const langEnd = buf.indexOf(0, p); if (langEnd < 0 || langEnd >= e) return;
    const tkEnd = buf.indexOf(0, langEnd + 1); if (tkEnd < 0 || tkEnd >= e) return;
    p = tkEnd + 1;
    if (compressed) return; // rare; skipped rather than inflating on the check path
    value = buf.toString('utf8', p, e);
  } else return; // zTXt: compressed, skipped
  l.pngText.push({ tag: `PNG:${key}`, value });
}

function walkWebp(buf: Buffer, l: Layout): Layout {
  const riffEnd = 8 + buf.readUInt32LE(4);
  let pos = 12;
  const len = buf.length;
  while (pos + 8 <= len) {
    const type = buf.toString('latin1', pos, pos + 4);
    const n = buf.readUInt32LE(pos + 4);
    const s = pos + 8, e = s + n;
    if (e > len) { l.damage.push('the file is cut short: part of the photo is missing'); break; }
    if (type === 'VP8X' && n >= 10) {
      l.width = 1 + buf.readUIntLE(s + 4, 3);
      l.height = 1 + buf.readUIntLE(s + 7, 3);
    } else if (type === 'VP8 ' && n >= 10 && l.width === undefined) {
      l.width = buf.readUInt16LE(s + 6) & 0x3fff;
      l.height = buf.readUInt16LE(s + 8) & 0x3fff;
    } else if (type === 'VP8L' && n >= 5 && l.width === undefined) {
      const bits = buf.readUInt32LE(s + 1);
      l.width = (bits & 0x3fff) + 1;
      l.height = ((bits >> 14) & 0x3fff) + 1;
    } else if (type === 'EXIF') {
      let d = buf.subarray(s, e);
      if (d.toString('latin1', 0, 6) === 'Exif\0\0') d = d.subarray(6);
      l.rawExif = d;
    } else if (type === 'XMP ') {
      l.rawXmp = buf.subarray(s, e);
      checkXmpPacket(l.rawXmp, l);
    } else if (type === 'C2PA') {
      (l.c2pa ??= []).push(buf.subarray(s, e));
    }
    pos = e + (n & 1);
  }
  if (riffEnd <= len) l.end = riffEnd;
  else if (!l.damage.length) l.damage.push('the file is cut short: part of the photo is missing');
  return l;
}

function walkGif(buf: Buffer, l: Layout): Layout {
  l.width = buf.readUInt16LE(6);
  l.height = buf.readUInt16LE(8);
  const x0 = buf.indexOf('<x:xmpmeta');
  if (x0 >= 0) {
    const x1 = buf.indexOf('</x:xmpmeta>', x0);
    if (x1 > 0) l.rawXmp = buf.subarray(x0, x1 + 12);
  }
  if (buf[buf.length - 1] !== 0x3b) l.damage.push('the file is cut short: part of the animation is missing');
  return l;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
function walkIsoBmff(buf: Buffer): Layout | undefined {
  const size = buf.readUInt32BE(0);
  const brands: string[] = [buf.toString('latin1', 8, 12)];
  for (let p = 16; p + 4 <= Math.min(size, buf.length, 256); p += 4) brands.push(buf.toString('latin1', p, p + 4));
  let format: string;
  if (brands[0] === 'avif' || brands[0] === 'avis') format = 'avif';
  else if (HEIF_BRANDS.has(brands[0])) format = 'heic';
  else if (brands.some((b) => HEIF_BRANDS.has(b))) format = 'heic';
  else if (brands.includes('avif')) format = 'avif';
  else if (brands[0] === 'mif1' || brands[0] === 'msf1' || brands.includes('mif1')) format = 'heif';
  else return undefined; // MP4/MOV video or something else: not a photo
  const l: Layout = { format, start: 0, damage: [], warnings: [], pngText: [] };
  if (!/^[\x20-\x7e]{4}$/.test(brands[0])) l.damage.push('the start of the file is damaged (its file-type box is broken)');
  // Image sizes: the largest `ispe` property is the primary image (the others are tiles,
  // thumbnails, depth or gain maps).
  const head = buf.subarray(0, Math.min(buf.length, 1 << 20));
  let best = 0;
  for (let p = head.indexOf('ispe'); p >= 0; p = head.indexOf('ispe', p + 4)) {
    if (p + 16 > head.length) break;
    const w = head.readUInt32BE(p + 8), h = head.readUInt32BE(p + 12);
    if (w * h > best) { best = w * h; l.width = w; l.height = h; }
  }
  if (!head.includes('meta')) l.damage.push('the photo\'s index (meta box) is missing');
  // Does the file hold all the bytes its boxes announce?
  let pos = 0;
  while (pos + 8 <= buf.length) {
    let n = buf.readUInt32BE(pos);
    if (n === 1 && pos + 16 <= buf.length) n = Number(buf.readBigUInt64BE(pos + 8));
    if (n === 0) { pos = buf.length; break; }
    if (n < 8) { l.damage.push('the photo\'s internal structure is broken'); break; }
    pos += n;
  }
  if (pos > buf.length) l.damage.push('the file is cut short: part of the photo is missing');
  else l.end = pos;
  return l;
}

/**
 * Checks the EXIF block's own structure (cheap: the header, IFD0 and the pointers to the EXIF
 * and GPS directories). exifr skips what it cannot read without saying so; a photo whose
 * metadata is broken could hide what smcheck looks for, so it is reported as damaged.
 */
function checkExifStructure(buf: Buffer, l: Layout): void {
  let b: Buffer;
  if (l.rawExif) b = l.rawExif;
  else if (l.tiffStart !== undefined) b = buf.subarray(l.tiffStart, Math.min(l.tiffEnd ?? buf.length, buf.length));
  else return;
  const broken = (what: string) => {
    const msg = `the photo's hidden data (EXIF) is damaged: ${what}`;
    if (!l.damage.includes(msg)) l.damage.push(msg);
  };
  if (b.length < 8) return broken('it is cut short');
  const order = b.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return broken('its header is broken');
  const le = order === 'II';
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  if (u16(2) !== 42 && u16(2) !== 43 && u16(2) !== 0x55 && u16(2) !== 0x4f52) return broken('its header is broken');
  const dir = (off: number, name: string): number | undefined => {
    if (off < 8 || off + 2 > b.length) { broken(`the ${name} points outside the file`); return undefined; }
    const n = u16(off);
    if (off + 2 + n * 12 > b.length) { broken(`the ${name} runs past its end`); return undefined; }
    return n;
  };
  const ifd0 = u32(4);
  const n0 = dir(ifd0, 'main directory');
  if (n0 === undefined) return;
  for (let i = 0; i < n0; i++) {
    const e = ifd0 + 2 + i * 12;
    const tag = u16(e);
    if (tag !== 0x8769 && tag !== 0x8825) continue;
    const off = u32(e + 8);
    const name = tag === 0x8825 ? 'GPS directory' : 'EXIF directory';
    const n = dir(off, name);
    if (tag !== 0x8825 || n === undefined) continue;
    for (let j = 0; j < n; j++) {
      const g = off + 2 + j * 12;
      const gt = u16(g), type = u16(g + 2), count = u32(g + 4);
      if ((gt !== 2 && gt !== 4) || type !== 5 || count < 1 || count > 3) continue;
      const at = u32(g + 8);
      if (at + count * 8 > b.length) { broken('the GPS position points outside the file'); continue; }
      for (let k = 0; k < count; k++) {
        if (u32(at + k * 8 + 4) === 0 && u32(at + k * 8) !== 0) { broken('the GPS position cannot be read (division by zero)'); break; }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// exifr input

function exifrInputFor(buf: Buffer, l: Layout): Buffer | undefined {
  if (l.format === 'webp' || l.format === 'gif') {
    if (!l.rawExif && !l.rawXmp) return undefined;
    return syntheticJpeg(l.rawExif, l.rawXmp);
  }
  if (l.format === 'jpeg' && (l.start > 0 || buf[0] !== 0xff)) {
    // Junk in front, or a broken first byte: hand exifr the JPEG from its start marker.
    const copy = Buffer.from(buf.subarray(l.start));
    copy[0] = 0xff;
    return copy;
  }
  return buf;
}

/** A minimal JPEG holding only an EXIF and an XMP block, so exifr reads WebP/GIF metadata. */
function syntheticJpeg(exif?: Buffer, xmp?: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  const seg = (payload: Buffer) => {
    if (payload.length + 2 > 0xffff) return;
    const h = Buffer.from([0xff, 0xe1, 0, 0]);
    h.writeUInt16BE(payload.length + 2, 2);
    parts.push(h, payload);
  };
  if (exif) seg(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exif]));
  if (xmp) seg(Buffer.concat([Buffer.from(XMP_NS, 'latin1'), xmp]));
  parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// Tags → PhotoMeta

function num(v: unknown): number | undefined {
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
function strings(v: unknown, depth = 0): string[] {
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
function deep(v: unknown, key: string, depth = 0): unknown[] {
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
const PLACEHOLDER = /^(?:unknown|none|n\/?a|null|undefined|default|-+|\?+|\.+|0+|owner|user|author|artist|copyright|camera owner|photographer|no copyright|untitled|image|picture|photo|description|olympus digital camera|sony dsc|digital camera|minolta digital camera|default caption|<unknown>|x-default)$/i;

function add(list: Tagged[], tag: string, v: unknown): void {
  for (const s of strings(v)) {
    if (s.length > 2000 || PLACEHOLDER.test(s)) continue;
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

function collectTags(t: any, meta: PhotoMeta, layout: Layout): void {
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
  void layout;
}

function addPngText(meta: PhotoMeta, t: Tagged): void {
  const key = t.tag.slice(4).toLowerCase();
  if (key === 'author') add(meta.creators, t.tag, t.value);
  else if (key === 'copyright') add(meta.copyright, t.tag, t.value);
  else if (['description', 'title', 'comment', 'disclaimer', 'source', 'warning'].includes(key)) add(meta.texts, t.tag, t.value);
  else if (key === 'parameters' || key === 'prompt' || key === 'workflow' || key === 'dream') {
    // Stable Diffusion / ComfyUI / others write their generation settings here.
    meta.provenance = { ...meta.provenance, aiGenerated: true };
  }
}

// ---------------------------------------------------------------------------------------------
// Thumbnail, extra images, bytes after the end, provenance

function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let p = 2;
  while (p + 9 < b.length) {
    if (b[p] !== 0xff) return undefined;
    const m = b[p + 1];
    if (m === 0xff) { p++; continue; }
    const n = b.readUInt16BE(p + 2);
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) {
      return { height: b.readUInt16BE(p + 5), width: b.readUInt16BE(p + 7) };
    }
    if (m === 0xda || m === 0xd9) return undefined;
    p += 2 + n;
  }
  return undefined;
}

function thumbnailInfo(buf: Buffer, l: Layout, t: any, meta: PhotoMeta): void {
  const ifd1 = t?.ifd1;
  if (!ifd1) return;
  const off = num(ifd1.ThumbnailOffset ?? ifd1.JPEGInterchangeFormat);
  const n = num(ifd1.ThumbnailLength ?? ifd1.JPEGInterchangeFormatLength);
  if (off === undefined || !n) {
    const w = num(ifd1.ImageWidth), h = num(ifd1.ImageHeight ?? ifd1.ImageLength);
    if (w && h) meta.thumbnail = { width: w, height: h, bytes: 0 };
    return;
  }
  const base = l.format === 'webp' || l.format === 'gif' ? undefined : l.tiffStart;
  let size: { width: number; height: number } | undefined;
  if (base !== undefined && base + off + n <= buf.length) size = jpegSize(buf.subarray(base + off, base + off + n));
  else if (l.rawExif && off + n <= l.rawExif.length) size = jpegSize(l.rawExif.subarray(off, off + n));
  meta.thumbnail = { bytes: n, ...(size ?? {}) };
}

function ratioDiffers(a: number, b: number, tolerance = 0.04): boolean {
  return Math.abs(Math.log(a / b)) > tolerance;
}

/** True when the embedded thumbnail shows a different framing than the photo itself. */
export function thumbnailIsStale(meta: PhotoMeta): boolean {
  const th = meta.thumbnail;
  if (!th?.width || !th.height || !meta.width || !meta.height) return false;
  const main = meta.width / meta.height, thumb = th.width / th.height;
  if (!ratioDiffers(main, thumb)) return false;
  if (!ratioDiffers(1 / main, thumb)) return false; // rotated, not cropped
  // Cameras write 160 × 120 thumbnails with black bars whatever the photo's shape. If the photo
  // still has the shape the camera recorded, the thumbnail shows the same scene: not a leak.
  const ex = meta.exifSize;
  if (ex) {
    const cam = ex.width / ex.height;
    return ratioDiffers(cam, main) && ratioDiffers(1 / cam, main);
  }
  return !(th.width === 160 && th.height === 120);
}

const MPF_KIND: Record<number, string> = {
  0x010001: 'preview', 0x010002: 'preview', 0x020001: 'image', 0x020002: 'depth', 0x020003: 'image',
};

function extras(buf: Buffer, l: Layout, t: any, meta: PhotoMeta): void {
  const ns = (n: string) => (t?.[n] && typeof t[n] === 'object' ? t[n] : {});
  const cam = ns('GCamera');
  let declaredFromEnd = 0; // bytes at the end of the file that the XMP says are a video/items
  // Google / Samsung motion photos, portrait mode depth maps, the original kept by lens blur.
  const micro = num(cam.MicroVideoOffset);
  if (num(cam.MotionPhoto) === 1 || num(cam.MicroVideo) === 1 || micro) {
    meta.embedded.push({ kind: 'video', detail: 'a motion photo: a short video is stored inside the photo' });
    if (micro) declaredFromEnd = Math.max(declaredFromEnd, micro);
  }
  if (ns('GDepth').Data || ns('GDepth').Format) meta.embedded.push({ kind: 'depth', detail: 'a depth map (the outline of everyone in the photo)' });
  if (ns('GImage').Data) meta.embedded.push({ kind: 'original', detail: 'the original photo, before background blur was applied' });
  const items = deep(ns('Container').Directory, 'Item').flatMap((x) => (Array.isArray(x) ? x : [x])) as any[];
  let itemBytes = 0;
  for (const it of items) {
    const sem = String(it?.Semantic ?? ''), mime = String(it?.Mime ?? ''), len = num(Number(it?.Length)) ?? 0;
    if (sem === 'Primary') continue;
    itemBytes += len;
    if (/video/i.test(mime) || sem === 'MotionPhoto') {
      if (!meta.embedded.some((e) => e.kind === 'video')) meta.embedded.push({ kind: 'video', detail: 'a motion photo: a short video is stored inside the photo' });
    } else if (/depth/i.test(sem)) {
      if (!meta.embedded.some((e) => e.kind === 'depth')) meta.embedded.push({ kind: 'depth', detail: 'a depth map (the outline of everyone in the photo)' });
    } else if (/original/i.test(sem)) {
      meta.embedded.push({ kind: 'original', detail: 'the original photo, before it was edited' });
    } else if (/gainmap/i.test(sem)) {
      meta.embedded.push({ kind: 'gainmap', detail: 'an HDR brightness map' });
    } else {
      meta.embedded.push({ kind: 'image', detail: `an extra ${mime || 'item'} (${sem || 'unnamed'})` });
    }
  }
  declaredFromEnd = Math.max(declaredFromEnd, itemBytes);

  // MPF (CIPA multi-picture format): previews, stereo pairs, gain maps after the main image.
  let mpfEnd = 0;
  if (l.mpf && l.mpfBase !== undefined) {
    for (const e of l.mpf.slice(1)) {
      if (!e.offset || !e.size) continue;
      const at = l.mpfBase + e.offset;
      mpfEnd = Math.max(mpfEnd, at + e.size);
      if (at + e.size > buf.length) { meta.warnings.push('an extra image listed in the photo is missing'); continue; }
      const img = buf.subarray(at, at + e.size);
      let kind = MPF_KIND[e.type] ?? 'image';
      const head = img.subarray(0, Math.min(img.length, 65536)).toString('latin1');
      if (/hdrgm:|HDRGainMap|apple_desktop:|urn:com:apple:photo:2020:aux:hdrgainmap/i.test(head)) kind = 'gainmap';
      else if (/depth|disparity/i.test(head) && kind === 'image') kind = 'depth';
      const size = jpegSize(img);
      const stale = !!(size && meta.width && meta.height && ratioDiffers(size.width / size.height, meta.width / meta.height)
        && ratioDiffers(size.height / size.width, meta.width / meta.height));
      meta.embedded.push({
        kind: stale && (kind === 'preview' || kind === 'gainmap') ? 'uncropped' : kind,
        detail: `${kind === 'preview' ? 'a preview copy' : kind === 'gainmap' ? 'an HDR brightness map' : kind === 'depth' ? 'a depth map' : 'an extra image'}${size ? ` (${size.width} × ${size.height})` : ''}${stale ? ' with a different shape from the photo: it may still show what was cropped out' : ''}`,
      });
    }
  }

  // Photoshop's own thumbnail (it keeps the photo's shape; another shape means a crop it predates).
  if (l.psThumb && meta.width && meta.height) {
    const { width: w, height: h } = l.psThumb;
    if (ratioDiffers(w / h, meta.width / meta.height) && ratioDiffers(h / w, meta.width / meta.height)) {
      meta.embedded.push({ kind: 'uncropped', detail: `a Photoshop preview (${w} × ${h}) with a different shape from the photo: it may still show what was cropped out` });
    }
  }

  // HEIC auxiliary images (Apple portrait mattes and depth maps).
  if (l.format === 'heic' || l.format === 'heif') {
    const head = buf.subarray(0, Math.min(buf.length, 1 << 20)).toString('latin1');
    if (/portraiteffectsmatte|hairsegmentationmatte|skinsegmentationmatte/.test(head)) meta.embedded.push({ kind: 'matte', detail: 'a cut-out outline of the people in the photo (portrait mode)' });
    if (/aux:depth|auxid:depth|urn:mpeg:hevc:2015:auxid:2/.test(head)) meta.embedded.push({ kind: 'depth', detail: 'a depth map (the outline of everyone in the photo)' });
  }

  // Bytes after the end of the image.
  if (l.end !== undefined && l.end < buf.length && !(l.format === 'heic' || l.format === 'heif' || l.format === 'avif')) {
    let tailStart = Math.max(l.end, mpfEnd);
    if (declaredFromEnd && buf.length - declaredFromEnd >= l.end - 16) tailStart = buf.length;
    const tail = buf.subarray(tailStart);
    if (tail.length) classifyTail(tail, meta);
  }
}

function classifyTail(tail: Buffer, meta: PhotoMeta): void {
  if (tail.length < 32 || tail.every((b) => b === 0 || b === 0xff)) return; // padding
  if (tail[0] === 0xff && tail[1] === 0xd8) {
    meta.embedded.push({ kind: 'image', detail: 'another whole photo is stored after this one' });
    return;
  }
  const ftyp = tail.subarray(0, 64).indexOf('ftyp');
  if (ftyp >= 0 || tail.subarray(0, 4096).indexOf('MotionPhoto_Data') >= 0) {
    if (!meta.embedded.some((e) => e.kind === 'video')) meta.embedded.push({ kind: 'video', detail: 'a short video is stored inside the photo' });
    return;
  }
  const end4 = tail.subarray(tail.length - 4).toString('latin1');
  const end8 = tail.subarray(tail.length - 8).toString('latin1');
  const trailer = end4 === 'SEFT' ? 'a Samsung data block (it may hold a video or the original photo)'
    : /^AXS[!*]/.test(tail.toString('latin1', 0, 4)) ? 'a block of metadata added after the picture (AFCP), which can hold captions and names'
    : end8 === 'cbipcbbl' ? 'a block of metadata added after the picture by Photo Mechanic, which can hold captions and names'
    : tail.readUInt32BE(tail.length - 4) === 0xa1b2c3d4 ? 'a block of metadata added after the picture by FotoStation, which can hold captions and names'
    : undefined;
  if (trailer) {
    meta.embedded.push({ kind: 'trailer', detail: trailer });
    return;
  }
  meta.trailingBytes = tail.length;
}

const AI_SOURCE = /trainedAlgorithmicMedia|compositeSynthetic|algorithmicMedia|compositeWithTrainedAlgorithmicMedia/;

function provenance(buf: Buffer, l: Layout, t: any, meta: PhotoMeta): void {
  const dst = strings(t?.Iptc4xmpExt?.DigitalSourceType).join(' ');
  if (AI_SOURCE.test(dst)) meta.provenance = { ...meta.provenance, aiGenerated: true };
  const sw = `${meta.software ?? ''}`;
  if (/midjourney|dall[·-]?e|stable diffusion|firefly|imagen|novelai/i.test(sw)) meta.provenance = { ...meta.provenance, aiGenerated: true };
  let jumbf: Buffer | undefined = l.c2pa ? Buffer.concat(l.c2pa) : undefined;
  if (!jumbf && (l.format === 'heic' || l.format === 'heif' || l.format === 'avif' || l.format === 'tiff')) {
    const i = buf.indexOf('c2pa');
    if (i >= 0 && buf.indexOf('jumb') >= 0) jumbf = buf.subarray(Math.max(0, i - 64));
  }
  if (!jumbf || jumbf.indexOf('c2pa') < 0) return;
  const p: NonNullable<PhotoMeta['provenance']> = { ...meta.provenance, c2pa: true };
  if (AI_SOURCE.test(jumbf.toString('latin1'))) p.aiGenerated = true;
  const gen = cborTextAfter(jumbf, 'claim_generator');
  if (gen) p.claimGenerator = gen;
  const cw = jumbf.indexOf('stds.schema-org.CreativeWork');
  if (cw >= 0) {
    const author = jumbf.indexOf('author', cw);
    if (author >= 0) {
      const name = cborTextAfter(jumbf.subarray(author), 'name');
      if (name) p.creator = name;
    }
  }
  meta.provenance = p;
}

/** The CBOR text string that follows the CBOR text key `key` in `b`, if any. */
function cborTextAfter(b: Buffer, key: string): string | undefined {
  const k = Buffer.concat([Buffer.from([0x60 + key.length]), Buffer.from(key, 'latin1')]);
  const i = b.indexOf(k);
  if (i < 0) return undefined;
  let p = i + k.length;
  const h = b[p];
  if (h === undefined || h < 0x60 || h > 0x79) return undefined;
  let n = h - 0x60;
  p++;
  if (h === 0x78) { n = b[p]; p++; } else if (h === 0x79) { n = b.readUInt16BE(p); p += 2; }
  if (p + n > b.length || n > 500) return undefined;
  return b.toString('utf8', p, p + n) || undefined;
}

function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 512);
  let printable = 0;
  for (const c of head) if (c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127) || c >= 0xc2) printable++;
  return printable / head.length > 0.95;
}

/** Decimal degrees rounded to about 1 km (2 decimals), for messages that must not locate a home. */
export function roundCoord(v: number): string {
  return (Math.round(v * 100) / 100).toFixed(2);
}

/** Distance in metres between two points (haversine). */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6_371_000, rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}

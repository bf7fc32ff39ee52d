/**
 * The format of a photo from its magic bytes (and, for messages, from its extension). A JPEG
 * with a broken first byte or junk in front is still sniffed as JPEG, with a note saying so.
 */

/** Extension → the format a file with that name should hold. */
export const EXT_FORMAT: Record<string, string> = {
  jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg', png: 'png', heic: 'heic', heif: 'heic',
  hif: 'heic', avif: 'avif', tif: 'tiff', tiff: 'tiff', dng: 'tiff', webp: 'webp', gif: 'gif',
};

/** Two format names for the same family (a .heif holding HEIC is no mismatch). */
export function sameFamily(a: string, b: string): boolean {
  return a === b || (['heic', 'heif'].includes(a) && ['heic', 'heif'].includes(b));
}

export interface Sniffed {
  format: string;
  /** Offset where the photo really starts. */
  start: number;
  /** Damage seen already at the start of the file (listed first). */
  note?: string;
}

export const JPEG_SOI_APP = Buffer.from([0xff, 0xd8, 0xff]);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

/** The format of `buf`, or undefined when it is no photo smcheck reads. */
export function sniff(buf: Buffer): Sniffed | undefined {
  const b0 = buf[0], b1 = buf[1], b2 = buf[2];
  if (b0 === 0xff && b1 === 0xd8 && b2 === 0xff) return { format: 'jpeg', start: 0 };
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47 && buf.readUInt32BE(4) === 0x0d0a1a0a) return { format: 'png', start: 0 };
  if (buf.length >= 4 && (buf.toString('latin1', 0, 4) === 'II*\0' || buf.toString('latin1', 0, 4) === 'MM\0*')) return { format: 'tiff', start: 0 };
  if (buf.length >= 12 && buf.toString('latin1', 4, 8) === 'ftyp') {
    const format = isoBmffFormat(buf);
    return format ? { format, start: 0 } : undefined;
  }
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return { format: 'webp', start: 0 };
  if (buf.length >= 10 && (buf.toString('latin1', 0, 6) === 'GIF87a' || buf.toString('latin1', 0, 6) === 'GIF89a')) return { format: 'gif', start: 0 };
  // A damaged JPEG: broken first byte, or junk in front of the start marker.
  if (b1 === 0xd8 && b2 === 0xff && (buf[3] & 0xf0) === 0xe0) {
    return { format: 'jpeg', start: 0, note: 'the start of the file is damaged (its JPEG start marker is broken)' };
  }
  const soi = buf.subarray(0, 65536).indexOf(JPEG_SOI_APP);
  if (soi > 0) return { format: 'jpeg', start: soi, note: `the file starts with ${soi} bytes that are not part of any photo` };
  return undefined;
}

/** HEIC, HEIF or AVIF from the `ftyp` brands; undefined for MP4/MOV video or anything else. */
function isoBmffFormat(buf: Buffer): string | undefined {
  const size = buf.readUInt32BE(0);
  const brands: string[] = [buf.toString('latin1', 8, 12)];
  for (let p = 16; p + 4 <= Math.min(size, buf.length, 256); p += 4) brands.push(buf.toString('latin1', p, p + 4));
  if (brands[0] === 'avif' || brands[0] === 'avis') return 'avif';
  if (HEIF_BRANDS.has(brands[0])) return 'heic';
  if (brands.some((b) => HEIF_BRANDS.has(b))) return 'heic';
  if (brands.includes('avif')) return 'avif';
  if (brands[0] === 'mif1' || brands[0] === 'msf1' || brands.includes('mif1')) return 'heif';
  return undefined;
}

/** True when the first bytes read as text (a draft or a note attached by mistake). */
export function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 512);
  let printable = 0;
  for (const c of head) if (c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127) || c >= 0xc2) printable++;
  return printable / head.length > 0.95;
}

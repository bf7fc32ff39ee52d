/**
 * exifr glue: loaded lazily (the ESM build), quiet (it warns on the console), given a buffer and
 * never a path. exifr cannot read WebP or GIF, so their raw EXIF and XMP blocks are wrapped in a
 * tiny synthetic JPEG that it can read.
 */
import { XMP_NS, type Layout } from './layout.js';

let exifrModule: Promise<any> | undefined;
export function loadExifr(): Promise<any> {
  // The ESM build: importing the package's CJS main makes Node lex 75 KB of CommonJS first (~15 ms).
  exifrModule ??= import('exifr/dist/full.esm.mjs').then((m: any) => m.default ?? m);
  return exifrModule;
}

/** exifr writes some warnings to the console ("ILOC box has more than one extent"); smcheck prints only its report. */
let quietDepth = 0;
let realWarn: typeof console.warn = console.warn;
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
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

export const EXIFR_OPTIONS = {
  tiff: true, ifd0: true, exif: true, gps: true, interop: false, ifd1: true,
  xmp: true, iptc: true, icc: false, jfif: false, ihdr: true,
  makerNote: false, userComment: true, multiSegment: true,
  mergeOutput: false, translateValues: false, reviveValues: true, sanitize: true,
  silentErrors: true,
};


export function exifrInputFor(buf: Buffer, l: Layout): Buffer | undefined {
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

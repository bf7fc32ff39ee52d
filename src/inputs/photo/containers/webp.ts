/**
 * WebP: walks the RIFF chunks. Finds the size (VP8X, VP8, VP8L), the raw EXIF and XMP blocks
 * (exifr cannot read WebP, see exifr.ts) and C2PA.
 */
import { checkXmpPacket, type Layout } from '../layout.js';

export function walkWebp(buf: Buffer, l: Layout): Layout {
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
      l.xmpBlocks++;
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

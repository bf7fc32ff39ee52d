/**
 * ISO-BMFF (HEIC, HEIF, AVIF): the image size from the largest `ispe` property and whether the
 * top-level boxes hold all the bytes they announce. exifr reads the tags from the whole file.
 */
import type { Layout } from '../layout.js';

export function walkIsoBmff(buf: Buffer, l: Layout): Layout {
  const first = buf.toString('latin1', 8, 12);
  if (!/^[\x20-\x7e]{4}$/.test(first)) l.damage.push('the start of the file is damaged (its file-type box is broken)');
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

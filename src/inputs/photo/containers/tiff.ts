/**
 * TIFF (and DNG): the whole file is the EXIF block. Also the IFD structure check every format
 * with an EXIF block goes through (checkExifStructure).
 */
import type { Layout } from '../layout.js';

export function walkTiff(buf: Buffer, l: Layout): Layout {
  l.tiffStart = 0;
  l.tiffEnd = buf.length;
  return l;
}

/**
 * Checks the EXIF block's own structure (cheap: the header, IFD0 and the pointers to the EXIF
 * and GPS directories). exifr skips what it cannot read without saying so; a photo whose
 * metadata is broken could hide what smcheck looks for, so it is reported as damaged.
 */
export function checkExifStructure(buf: Buffer, l: Layout): void {
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

/**
 * JPEG: walks the segment headers up to the start of the picture data (SOS), then looks for the
 * end marker. Finds the frame size, the EXIF block (APP1 "Exif"), XMP packets, the MPF index of
 * extra images (APP2), Photoshop's thumbnail (APP13) and C2PA boxes (APP11).
 */
import { checkXmpPacket, XMP_NS, type Layout } from '../layout.js';

const EOI = Buffer.from([0xff, 0xd9]);
const XMP_EXT = 'http://ns.adobe.com/xmp/extension/\0';

export function walkJpeg(buf: Buffer, l: Layout): Layout {
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
    if (m < 0xc0) {
      // 0x02-0xBF are no JPEG markers: a changed byte, and what follows cannot be trusted
      l.damage.push('the photo\'s internal structure is broken (a marker is damaged)');
      break;
    }
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
        l.xmpBlocks++;
        checkXmpPacket(buf.subarray(s + XMP_NS.length, e), l);
      } else if (buf.toString('latin1', s, s + XMP_EXT.length) === XMP_EXT) {
        l.xmpBlocks++; // extended XMP: the rest of a packet too large for one segment
      } else if (/^(?:[^]{0,10})(?:II\*\0|MM\0\*|<x:xmpmeta|<\?xpacket)/.test(buf.toString('latin1', s, Math.min(e, s + 48)))) {
        // EXIF or XMP whose name is damaged ("Exjf", a broken namespace): exifr skips it, ExifTool may not
        l.damage.push("the photo's hidden data is damaged: the name of its EXIF or XMP block is broken, so smcheck could not read it");
      }
    } else if (m === 0xe2 && buf.toString('latin1', s, s + 4) === 'MPF\0') {
      parseMpf(buf, s + 4, e, l);
    } else if (m === 0xed && buf.toString('latin1', s, s + 14) === 'Photoshop 3.0\0') {
      l.psBlocks.push([s, e]);
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
    l.pixels.push([scanStart, eoi < 0 ? buf.length : eoi]);
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

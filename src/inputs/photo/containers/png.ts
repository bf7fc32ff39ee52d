/**
 * PNG: walks the chunks (length, type, data, CRC). Finds the size (IHDR, checksum checked), the
 * EXIF block (eXIf), C2PA (caBX), text chunks (tEXt, iTXt) and the end (IEND).
 */
import type { Layout } from '../layout.js';

/** Chunks that carry metadata: their checksums are checked (a few KB at most). */
const METADATA_CHUNKS = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf']);

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

export function walkPng(buf: Buffer, l: Layout): Layout {
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
      l.pixels.push([s, e]);
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
    if (METADATA_CHUNKS.has(type) && crc32(buf.subarray(pos + 4, e)) !== buf.readUInt32BE(e)) {
      // a changed byte in a text or EXIF block: what it says can no longer be trusted
      l.damage.push(`the photo's hidden data (its ${type} block) is damaged, so smcheck could not read all of it`);
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
  if (key === 'XML:com.adobe.xmp') { l.xmpBlocks++; return; } // exifr reads the XMP
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

/** GIF: the size from the screen descriptor, the XMP packet (an application extension), the trailer. */
import type { Layout } from '../layout.js';

export function walkGif(buf: Buffer, l: Layout): Layout {
  l.width = buf.readUInt16LE(6);
  l.height = buf.readUInt16LE(8);
  const x0 = buf.indexOf('<x:xmpmeta');
  if (x0 >= 0) {
    const x1 = buf.indexOf('</x:xmpmeta>', x0);
    if (x1 > 0) {
      l.rawXmp = buf.subarray(x0, x1 + 12);
      l.xmpBlocks++;
    }
  }
  if (buf[buf.length - 1] !== 0x3b) l.damage.push('the file is cut short: part of the animation is missing');
  return l;
}

/**
 * Format → container walker, like src/checks/index.ts. Every walker has the same shape,
 * `(buf, layout) => layout`, and touches neither exifr nor PhotoMeta. A new format is one file
 * and one line here (and its magic bytes in ../sniff.ts).
 */
import { newLayout, type Layout } from '../layout.js';
import { sniff } from '../sniff.js';
import { walkGif } from './gif.js';
import { walkIsoBmff } from './isobmff.js';
import { walkJpeg } from './jpeg.js';
import { walkPng } from './png.js';
import { walkTiff } from './tiff.js';
import { walkWebp } from './webp.js';

export type Walker = (buf: Buffer, l: Layout) => Layout;

const WALKERS: Record<string, Walker> = {
  jpeg: walkJpeg, png: walkPng, tiff: walkTiff, webp: walkWebp, gif: walkGif,
  heic: walkIsoBmff, heif: walkIsoBmff, avif: walkIsoBmff,
};

/** The layout of `buf`, or undefined when it is no photo smcheck reads. */
export function walk(buf: Buffer): Layout | undefined {
  const s = sniff(buf);
  if (!s) return undefined;
  const l = WALKERS[s.format](buf, newLayout(s.format, s.start));
  if (s.note) l.damage.unshift(s.note);
  return l;
}

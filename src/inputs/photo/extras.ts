/**
 * What a photo holds besides its picture: the EXIF thumbnail (and whether it shows another
 * framing), MPF extra images, Photoshop's preview, motion-photo video, depth maps and kept
 * originals (Google/Samsung XMP), HEIC portrait mattes, and bytes after the end of the image.
 */
import type { Layout } from './layout.js';
import type { PhotoMeta } from './meta.js';
import { deep, num } from './tags.js';

export function jpegSize(b: Buffer): { width: number; height: number } | undefined {
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

export function thumbnailInfo(buf: Buffer, l: Layout, t: any, meta: PhotoMeta): void {
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

export function extras(buf: Buffer, l: Layout, t: any, meta: PhotoMeta): void {
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

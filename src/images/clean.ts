/**
 * `smcheck clean`: writes a copy of a photo re-drawn from its pixels, with every piece of
 * metadata gone (as mat2 does: never trust that "nothing was detected" means clean).
 *
 * - orientation is applied to the pixels first, so the copy looks the same without EXIF;
 * - the colour profile (ICC) is kept, so colours do not shift; nothing else is kept;
 * - HEIC/HEIF is decoded with libheif (WebAssembly, shipped in the npm package) and written
 *   as JPEG; AVIF, DNG and TIFF are written as JPEG too (slow to encode, or not taken by sites);
 * - the copy goes next to the original as `<name>.clean.<ext>`, or into `outDir`; the original
 *   is never written to;
 * - the copy is read back and checked: if anything identifying is left, cleaning fails.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../errors.js';
import { readPhotoBuffer, type PhotoMeta } from '../inputs/photo/index.js';
import { claimName, refusal, writeOutput } from '../outputs/write.js';

export interface CleanOptions {
  /** Write the copy here instead of next to the original. */
  outDir?: string;
  /**
   * Shrink so the long side is at most this many pixels: pass school.maxImageSize. Default
   * 2048 (UK online-safety advice, and the config's default); 0 keeps the full size.
   */
  maxSize?: number;
  /** JPEG/WebP/AVIF quality (default 90). */
  quality?: number;
  /** Replace an existing copy (never an input, never through a link). */
  force?: boolean;
  /** Every file the run reads: never written over. */
  inputs?: string[];
  /** Copies already written in this run (absolute paths): a second photo gets its own name. */
  taken?: Set<string>;
}

export interface CleanResult {
  /** Path of the clean copy. */
  out: string;
  /** What was taken out, in plain words ("the GPS position", "2 names of people: ..."). */
  removed: string[];
  /** The original's metadata, as read before cleaning. */
  before: PhotoMeta;
  /** Format written (jpeg, png, webp, gif, avif). */
  format: string;
  width: number;
  height: number;
  /** True when the photo was made smaller to fit maxSize. */
  resized: boolean;
}

export const DEFAULT_MAX_SIZE = 2048;

// AVIF is written as JPEG: encoding AVIF takes seconds, and not every site takes it.
const SAME_FORMAT = new Set(['jpeg', 'png', 'webp', 'gif']);
const EXT: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif' };

/** The path the clean copy of `file` is written to. */
export function cleanPathFor(file: string, outFormat: string, outDir?: string): string {
  const dir = outDir ?? path.dirname(file);
  const base = path.basename(file, path.extname(file));
  const origExt = path.extname(file).slice(1);
  // keep the user's spelling of the extension when the format does not change (.JPG stays .JPG)
  const keep = origExt && (EXT[outFormat] === origExt.toLowerCase() || (outFormat === 'jpeg' && /^jpe?g$/i.test(origExt)));
  return path.join(dir, `${base}.clean.${keep ? origExt : EXT[outFormat]}`);
}

/** Cleans one photo. Throws InputError (one plain line) if it cannot be read or re-drawn. */
export async function cleanPhoto(file: string, opts: CleanOptions = {}): Promise<CleanResult> {
  const abs = path.resolve(file);
  let buf: Buffer;
  try {
    buf = await readFile(abs);
  } catch (e: any) {
    throw new InputError(`${file}: ${e?.code === 'ENOENT' ? 'the file does not exist (check the name and folder)' : `it could not be opened (${e?.code ?? e?.message})`}.`);
  }
  const before = await readPhotoBuffer(buf, { path: file, absPath: abs });
  // Broken metadata is fine (it is all dropped); broken pixels are not re-drawn.
  const pixelDamage = (before.damage ?? []).filter((d) => !isMetadataDamage(d));
  if (pixelDamage.length) {
    throw new InputError(`${file}: cannot make a clean copy because the photo is damaged (${pixelDamage[0]}). Export or copy the photo again from the camera or phone, then clean that.`);
  }
  const outFormat = SAME_FORMAT.has(before.format) ? before.format : 'jpeg';
  const wanted = cleanPathFor(file, outFormat, opts.outDir);
  if (path.resolve(wanted) === abs) throw new InputError(`${file}: the clean copy would overwrite the original; choose another --out folder.`);
  // IMG_1.heic and IMG_1.jpg in one run: the second copy is IMG_1-heic.clean.jpg
  const origExt = path.extname(file).slice(1).toLowerCase();
  const alt = path.join(path.dirname(wanted), `${path.basename(file, path.extname(file))}-${origExt}${path.basename(wanted).slice(path.basename(file, path.extname(file)).length)}`);
  const out = opts.taken ? claimName(opts.taken, wanted, alt) : wanted;
  const writeOpts = { force: opts.force, inputs: [abs, ...(opts.inputs ?? [])], shown: out, what: 'the clean copy', mkdir: Boolean(opts.outDir) };
  const refused = refusal(path.resolve(out), writeOpts);
  if (refused) throw refused;

  const { default: sharp } = await import('sharp');
  let pipeline: import('sharp').Sharp;
  let tmpIcc: string | undefined;
  try {
    if (before.format === 'heic' || before.format === 'heif') {
      const dec = await decodeHeif(buf, file);
      let { raw, width, height } = dec;
      const icc = dec.icc;
      // libheif applies the HEIF `irot`/`imir` boxes; a file without them relies on EXIF.
      const o = hasHeifTransform(buf) ? 1 : before.orientation ?? 1;
      if (o >= 5) {
        const r = await sharp(raw, { raw: { width, height, channels: 4 } }).rotate(o === 5 || o === 6 ? 90 : 270).raw().toBuffer({ resolveWithObject: true });
        raw = r.data; width = r.info.width; height = r.info.height;
      }
      pipeline = sharp(raw, { raw: { width, height, channels: 4 } });
      if (o === 3) pipeline = pipeline.rotate(180);
      else if (o === 2 || o === 5) pipeline = pipeline.flop();
      else if (o === 4 || o === 7) pipeline = pipeline.flip();
      if (icc) {
        tmpIcc = path.join(await mkdtemp(path.join(os.tmpdir(), 'smcheck-icc-')), 'profile.icc');
        await writeFile(tmpIcc, icc);
        pipeline = pipeline.withIccProfile(tmpIcc);
      }
    } else {
      const animated = before.format === 'gif' || before.format === 'webp';
      pipeline = sharp(buf, { failOn: 'error', animated }).autoOrient().keepIccProfile();
    }
    const q = opts.quality ?? 90;
    let resized = false;
    const maxSize = opts.maxSize ?? DEFAULT_MAX_SIZE;
    if (maxSize && before.width && before.height && Math.max(before.width, before.height) > maxSize) {
      pipeline = pipeline.resize({ width: maxSize, height: maxSize, fit: 'inside', withoutEnlargement: true });
      resized = true;
    }
    switch (outFormat) {
      case 'png': pipeline = pipeline.png({ compressionLevel: 9 }); break;
      case 'webp': pipeline = pipeline.webp({ quality: q }); break;
      case 'gif': pipeline = pipeline.gif(); break;
      case 'avif': pipeline = pipeline.avif({ quality: q }); break;
      default: pipeline = pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: q });
    }
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });

    // Read the copy back: nothing identifying may be left.
    const after = await readPhotoBuffer(data, { path: out, absPath: path.resolve(out) });
    const left = leftovers(after);
    if (left.length) throw new InputError(`${file}: the clean copy still held ${left.join(', ')}; it was not written. Please report this.`);
    await writeOutput(out, data, writeOpts);
    return { out, removed: describeRemoved(before, resized, maxSize), before, format: outFormat, width: info.width, height: info.height, resized };
  } catch (e: any) {
    if (e instanceof InputError || (e as Error)?.name === 'OutputError') throw e;
    throw new InputError(`${file}: smcheck could not re-draw this photo (${plainSharpError(e)}). Export or copy the photo again, then clean that.`);
  } finally {
    if (tmpIcc) await rm(path.dirname(tmpIcc), { recursive: true, force: true });
  }
}

/** Cleans several photos one after another; a photo that fails does not stop the others. */
export async function cleanPhotos(files: string[], opts: CleanOptions = {}): Promise<(CleanResult | { file: string; error: string })[]> {
  const out: (CleanResult | { file: string; error: string })[] = [];
  const taken = opts.taken ?? new Set<string>();
  for (const f of files) {
    try {
      out.push(await cleanPhoto(f, { ...opts, taken, inputs: [...(opts.inputs ?? []), ...files.map((x) => path.resolve(x))] }));
    } catch (e: any) {
      out.push({ file: f, error: e instanceof InputError ? e.message : `${f}: ${String(e?.message ?? e)}` });
    }
  }
  return out;
}

/** Damage to the metadata only (the pixels are intact): cleaning drops it anyway. */
export function isMetadataDamage(d: string): boolean {
  return d.startsWith("the photo's hidden data");
}

function plainSharpError(e: any): string {
  const m = String(e?.message ?? e);
  if (/HEIF processing error|heif/i.test(m)) return 'its HEIC picture data could not be decoded';
  if (/premature end|truncated|unexpected end/i.test(m)) return 'the picture data is cut short';
  if (/unsupported image format|bad seek|not a known file format/i.test(m)) return 'the picture data could not be decoded';
  if (/pixel limit/i.test(m)) return 'the photo is too large';
  return m.split('\n')[0].slice(0, 100);
}

let heifModule: Promise<any> | undefined;

async function decodeHeif(buf: Buffer, file: string): Promise<{ raw: Buffer; width: number; height: number; icc?: Buffer }> {
  heifModule ??= import('libheif-js/wasm-bundle.js' as string).then((m: any) => m.default ?? m);
  const libheif = await heifModule;
  const decoder = new libheif.HeifDecoder();
  // the WebAssembly decoder prints its own errors; smcheck prints only its report
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = () => {};
  let images: any[] = [];
  let display: any;
  let width = 0, height = 0;
  try {
    try {
      images = decoder.decode(buf) ?? [];
    } catch {
      images = [];
    }
    if (!images.length) throw new InputError(`${file}: smcheck could not decode this HEIC photo. Export it as JPEG from the phone or Photos app, then clean that.`);
    width = images[0].get_width();
    height = images[0].get_height();
    display = await new Promise((resolve, reject) => {
      images[0].display({ data: new Uint8ClampedArray(width * height * 4), width, height }, (d: any) => (d ? resolve(d) : reject(new Error('HEIF processing error'))));
    });
  } finally {
    Object.assign(console, saved);
    for (const i of images) i.free?.();
  }
  // libheif applies the HEIF rotation/mirror boxes; the ICC profile comes from sharp's header read.
  let icc: Buffer | undefined;
  try {
    const { default: sharp } = await import('sharp');
    icc = (await sharp(buf).metadata()).icc;
  } catch {
    icc = undefined;
  }
  return { raw: Buffer.from(display.data.buffer, display.data.byteOffset, display.data.byteLength), width, height, icc };
}

/** True when the HEIF file has rotation/mirror boxes (libheif applies them when decoding). */
function hasHeifTransform(buf: Buffer): boolean {
  const head = buf.subarray(0, Math.min(buf.length, 1 << 20));
  return head.indexOf('irot') >= 0 || head.indexOf('imir') >= 0;
}

/** Identifying things still present in a supposedly clean photo. */
export function leftovers(m: PhotoMeta): string[] {
  const left: string[] = [];
  if (m.gps || m.gpsTagsPresent) left.push('a GPS position');
  if (m.people.length) left.push('names of people');
  if (m.creators.length || m.copyright.length || m.owners.length) left.push('a photographer, owner or copyright');
  if (m.texts.length || m.keywords.length) left.push('captions or keywords');
  if (m.serials.length) left.push('a serial number');
  if (m.make || m.model) left.push('the camera make and model');
  if (m.thumbnail) left.push('a thumbnail');
  if (m.trailingBytes) left.push('hidden data after the picture');
  if (m.embedded.length) left.push('an embedded image or video');
  if (m.provenance) left.push('content credentials');
  return left;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What cleaning took out of `m`, in plain words for the report. */
export function describeRemoved(m: PhotoMeta, resized = false, maxSize?: number): string[] {
  const r: string[] = [];
  if (m.gps) r.push('the GPS position (where the photo was taken)');
  else if (m.gpsTagsPresent) r.push('empty GPS fields');
  if (m.people.length) r.push(`${plural(m.people.length, 'name')} of people in the photo (${m.people.map((p) => p.value).join(', ')})`);
  if (m.texts.length) r.push(`${plural(m.texts.length, 'caption, title or comment', 'captions, titles or comments')}`);
  if (m.keywords.length) r.push(plural(m.keywords.length, 'keyword'));
  if (m.creators.length) r.push(`the photographer's name (${m.creators.map((c) => c.value).join(', ')})`);
  if (m.copyright.length) r.push('the copyright notice');
  if (m.owners.length) r.push("the camera owner's name");
  if (m.serials.length) r.push('the camera serial number');
  if (m.make || m.model) r.push(`the camera make and model (${[m.make, m.model].filter(Boolean).join(' ')})`);
  if (m.thumbnail) r.push('the embedded thumbnail');
  if (m.trailingBytes) r.push(`${m.trailingBytes} bytes of hidden data after the picture`);
  for (const e of m.embedded) r.push(e.detail ?? `an embedded ${e.kind}`);
  if (m.provenance?.c2pa) r.push('the content credentials (C2PA)');
  if (m.orientation && m.orientation !== 1) r.push('the rotation flag (the pixels were turned instead)');
  if (resized && maxSize) r.push(`the full size (the copy is ${maxSize} px on the long side)`);
  r.push('all other metadata (dates, camera settings, software)');
  return r;
}

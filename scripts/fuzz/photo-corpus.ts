/**
 * A seeded corpus of byte-damaged photos made from smcheck's own fixtures (test/fixtures/photos),
 * for the "a damaged photo never passes" tests (issue 13). The same seed always gives the same
 * bytes, so the corpus is made at test time and only ExifTool's reading of it is committed.
 *
 *   node --import tsx scripts/fuzz/photo-corpus.ts --out DIR     write the corpus to DIR
 *   node --import tsx scripts/fuzz/photo-corpus.ts --truth       re-run ExifTool over a fresh corpus and
 *                                                                write test/fixtures/photo-fuzz/truth.json
 *
 * Damage kinds: single-bit flips anywhere or inside the metadata, overwritten bytes in the EXIF
 * header (APP1 length, "Exif" identifier, byte order, 42, IFD0 offset) or its first directory,
 * truncations, splices (a range copied from another photo, a range removed, a range repeated)
 * and damage inside the XMP packet. Never from ../shared/eval: that data is research-only.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(root, 'test/fixtures/photos');
export const TRUTH = path.join(root, 'test/fixtures/photo-fuzz/truth.json');
export const SEED = 13;
export const COUNT = 400;

export interface FuzzFile { name: string; from: string; kind: string; bytes: Buffer }
export interface FuzzTruth { gps: boolean; names: string[]; sha: string }

/** mulberry32: small, fast, the same on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fixtures damaged most often: the ones with a location or a name to hide. */
const WEIGHTS: Record<string, number> = {
  'gps.jpg': 6, 'gps.webp': 4, 'photo.heic': 4, 'faces-mwg.jpg': 6, 'xmp.png': 3, 'xmp.gif': 2,
  'gps-school.jpg': 2, 'caption-owner.jpg': 2, 'copyright.jpg': 2, 'junk-before.jpg': 2, 'truncated-gps.jpg': 1,
};

/** Where a photo's EXIF block starts (its TIFF header), or -1. */
function exifAt(b: Buffer): number {
  const i = b.indexOf('Exif\0\0');
  if (i >= 0) return i + 6;
  const ii = b.indexOf('II*\0');
  return ii >= 0 ? ii : b.indexOf('MM\0*');
}

export function makeCorpus(seed = SEED, count = COUNT): FuzzFile[] {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const names = readdirSync(FIXTURES).filter((n) => /\.(jpe?g|png|webp|gif|heic)$/i.test(n) && !/^(empty|not-a-photo)\./.test(n)).sort();
  const photos = new Map(names.map((n) => [n, readFileSync(path.join(FIXTURES, n))]));
  const bag = names.flatMap((n) => Array<string>(WEIGHTS[n] ?? 1).fill(n));
  const out: FuzzFile[] = [];
  const kinds = ['flip', 'flip-meta', 'exif-header', 'exif-ifd', 'truncate', 'truncate-meta', 'splice', 'cut', 'repeat', 'xmp'] as const;
  for (let i = 0; out.length < count; i++) {
    const from = bag[int(bag.length)];
    const src = photos.get(from)!;
    let b = Buffer.from(src);
    let kind: string = kinds[int(kinds.length)];
    const exif = exifAt(b);
    const xmp = b.indexOf('<x:xmpmeta');
    const metaEnd = Math.min(b.length, Math.max(exif, xmp, 0) + 2048);
    switch (kind) {
      case 'flip': {
        for (let k = 1 + int(8); k > 0; k--) { const p = int(b.length); b[p] ^= 1 << int(8); }
        break;
      }
      case 'flip-meta': {
        for (let k = 1 + int(4); k > 0; k--) { const p = int(metaEnd); b[p] ^= 1 << int(8); }
        break;
      }
      case 'exif-header': {
        if (exif < 0) { kind = 'flip-meta'; const p = int(metaEnd); b[p] ^= 1 << int(8); break; }
        // the APP1 marker and length, "Exif\0\0", byte order, 42, the IFD0 offset
        const p = Math.max(0, exif - 10) + int(Math.min(exif, 10) + 8);
        b[p] = rand() < 0.5 ? b[p] ^ (1 << int(8)) : int(256);
        break;
      }
      case 'exif-ifd': {
        if (exif < 0) { kind = 'flip-meta'; const p = int(metaEnd); b[p] ^= 1 << int(8); break; }
        // IFD0's entry count or one of its first entries (tag, type, count, pointer)
        const p = Math.min(b.length - 1, exif + 8 + int(2 + 12 * 12));
        b[p] = rand() < 0.5 ? b[p] ^ (1 << int(8)) : int(256);
        break;
      }
      case 'truncate': b = b.subarray(0, 1 + int(b.length - 1)); break;
      case 'truncate-meta': b = b.subarray(0, Math.max(1, Math.min(b.length - 1, int(metaEnd + 64)))); break;
      case 'splice': {
        const other = photos.get(names[int(names.length)])!;
        const n = 1 + int(Math.min(512, other.length));
        const at = int(other.length - n + 1);
        const to = int(b.length);
        b = Buffer.concat([b.subarray(0, to), other.subarray(at, at + n), b.subarray(to + (rand() < 0.5 ? n : 0))]);
        break;
      }
      case 'cut': {
        const at = int(metaEnd || b.length), n = 1 + int(64);
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + n)]);
        break;
      }
      case 'repeat': {
        const at = int(metaEnd || b.length), n = 1 + int(64);
        b = Buffer.concat([b.subarray(0, at + n), b.subarray(at, at + n), b.subarray(at + n)]);
        break;
      }
      case 'xmp': {
        if (xmp < 0) { kind = 'flip'; const p = int(b.length); b[p] ^= 1 << int(8); break; }
        const end = b.indexOf('</x:xmpmeta>', xmp);
        const span = (end > xmp ? end + 12 : Math.min(b.length, xmp + 4096)) - xmp;
        for (let k = 1 + int(3); k > 0; k--) { const p = xmp + int(span); b[p] = rand() < 0.5 ? b[p] ^ (1 << int(8)) : int(256); }
        break;
      }
    }
    if (b.length === 0 || b.equals(src)) continue;
    const ext = path.extname(from);
    out.push({ name: `${String(out.length).padStart(3, '0')}-${path.basename(from, ext)}-${kind}${ext}`, from, kind, bytes: b });
  }
  return out;
}

export const sha = (b: Buffer) => createHash('sha1').update(b).digest('hex').slice(0, 12);

/** Writes the corpus into `dir` (made if missing); returns the files. */
export function writeCorpus(dir: string, seed = SEED, count = COUNT): FuzzFile[] {
  mkdirSync(dir, { recursive: true });
  const files = makeCorpus(seed, count);
  for (const f of files) writeFileSync(path.join(dir, f.name), f.bytes);
  return files;
}

/** Tags ExifTool reads as the name of a person shown (the same union as ../shared/eval's personNames). */
const PERSON_TAGS = new Set(['XMP-mwg-rs:RegionName', 'XMP-MP:RegionPersonDisplayName', 'XMP-iptcExt:PersonInImage',
  'XMP-iptcExt:PersonInImageName', 'XMP-iptcExt:ImageRegionPersonInImage']);

/** ExifTool's reading of every file in `dir`: GPS position (numeric, not 0,0) and names of people shown. */
export function exiftoolTruth(dir: string, files: FuzzFile[]): Record<string, FuzzTruth> {
  let raw: string;
  try {
    raw = execFileSync('exiftool', ['-json', '-n', '-G1', '-q', '-q', '.'], { cwd: dir, maxBuffer: 1 << 28, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e: any) {
    raw = String(e?.stdout ?? '[]'); // exit 1 when some files could not be read at all
  }
  const byName = new Map<string, Record<string, unknown>>();
  for (const r of JSON.parse(raw) as Record<string, unknown>[]) byName.set(path.basename(String(r.SourceFile)), r);
  const truth: Record<string, FuzzTruth> = {};
  for (const f of files) {
    const r = byName.get(f.name) ?? {};
    const num = (k: string) => {
      const c = r[`Composite:${k}`];
      if (typeof c === 'number') return c;
      return Object.entries(r).find(([key, v]) => key.endsWith(`:${k}`) && typeof v === 'number')?.[1] as number | undefined;
    };
    const lat = num('GPSLatitude'), lon = num('GPSLongitude');
    const names = new Set<string>();
    for (const [k, v] of Object.entries(r)) {
      if (!PERSON_TAGS.has(k)) continue;
      for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string' || typeof x === 'number') names.add(String(x));
    }
    truth[f.name] = { gps: lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0), names: [...names].sort(), sha: sha(f.bytes) };
  }
  return truth;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  if (outAt >= 0) {
    const files = writeCorpus(path.resolve(args[outAt + 1]));
    console.log(`photo-corpus: ${files.length} damaged photos written to ${args[outAt + 1]} (seed ${SEED})`);
  } else if (args.includes('--truth')) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'smcheck-fuzz-'));
    try {
      const files = writeCorpus(tmp);
      const truth = exiftoolTruth(tmp, files);
      const ver = execFileSync('exiftool', ['-ver'], { encoding: 'utf8' }).trim();
      mkdirSync(path.dirname(TRUTH), { recursive: true });
      const lines = Object.entries(truth).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
      writeFileSync(TRUTH, `{"tool": "ExifTool ${ver}", "command": "exiftool -json -n -G1", "seed": ${SEED}, "count": ${COUNT},\n "files": {\n${lines.join(',\n')}\n }}\n`);
      const gps = Object.values(truth).filter((t) => t.gps).length, named = Object.values(truth).filter((t) => t.names.length).length;
      console.log(`photo-corpus: truth for ${files.length} files written to ${path.relative(root, TRUTH)} (GPS in ${gps}, names in ${named})`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  } else {
    console.error('usage: photo-corpus.ts --out DIR | --truth');
    process.exit(2);
  }
}

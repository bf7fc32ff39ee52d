/**
 * Photo benchmarks: metadata reading per photo, `clean` per photo, and smcheck side by side
 * with `exiftool -json -fast` over the same folder (when ExifTool is installed).
 *
 *   node --import tsx scripts/bench/images.ts
 *
 * Targets (issue 5): reading < 1 ms per 12-megapixel JPEG; >= 5x faster per file than
 * ExifTool's batch mode over the same folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanPhoto } from '../../src/images/clean.js';
import { readPhoto, readPhotoBuffer } from '../../src/inputs/photo/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const evalDir = [path.resolve(root, '../shared/eval/images'), path.resolve(root, '../../shared/eval/images')].find((d) => existsSync(d)) ?? path.resolve(root, '../shared/eval/images');
const fixtures = path.join(root, 'test/fixtures/photos');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(1));

async function time<T>(fn: () => Promise<T>, runs: number): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'smcheck-bench-'));
try {
  // A 12-megapixel JPEG (4000 x 3000) with EXIF and XMP, like a phone photo.
  const { default: sharp } = await import('sharp');
  const noise = Buffer.alloc(500 * 375 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  const big = path.join(tmp, 'phone-12mp.jpg');
  await sharp(noise, { raw: { width: 500, height: 375, channels: 3 } })
    .resize(4000, 3000, { kernel: 'cubic' })
    .withExif({ IFD0: { Make: 'Apple', Model: 'iPhone 13', Artist: 'A Teacher', Copyright: 'Someone' } })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Sports day</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>')
    .jpeg({ quality: 90 })
    .toFile(big);
  const bigBuf = readFileSync(big);
  const mb = (bigBuf.length / 1e6).toFixed(1);
  const ref = { path: big, absPath: big };
  await readPhotoBuffer(bigBuf, ref); // load exifr once
  const fromBuffer = await time(() => readPhotoBuffer(bigBuf, ref), 200);
  const fromFile = await time(() => readPhoto({ ...ref, source: 'cli' }), 50);
  const { default: exifr } = (await import('exifr')) as any;
  const exifrOnly = await time(() => exifr.parse(bigBuf, { tiff: true, xmp: true, iptc: true, gps: true, ifd1: true, mergeOutput: false }), 200);
  console.log(`photo metadata: 12-megapixel JPEG (4000x3000, ${mb} MB) from a buffer: ${fmt(fromBuffer)} ms (median of 200; target < 1 ms; exifr.parse alone ${fmt(exifrOnly)} ms)`);
  console.log(`photo metadata: same photo read from disk (readPhoto, file read included): ${fmt(fromFile)} ms (median of 50)`);

  // clean per photo
  const cleanBig = await time(() => cleanPhoto(big, { outDir: tmp, maxSize: 0, force: true }), 5);
  const cleanBigShrunk = await time(() => cleanPhoto(big, { outDir: tmp, maxSize: 2048, force: true }), 5);
  const cleanSmall = await time(() => cleanPhoto(path.join(fixtures, 'faces-mwg.jpg'), { outDir: tmp, force: true }), 20);
  await cleanPhoto(path.join(fixtures, 'photo.heic'), { outDir: tmp, force: true });
  const cleanHeic = await time(() => cleanPhoto(path.join(fixtures, 'photo.heic'), { outDir: tmp, force: true }), 5);
  console.log(`clean: 12-megapixel JPEG kept at full size: ${fmt(cleanBig)} ms; shrunk to 2048 px (the default): ${fmt(cleanBigShrunk)} ms (median of 5)`);
  console.log(`clean: 400x300 JPEG: ${fmt(cleanSmall)} ms (median of 20); 320x240 HEIC to JPEG: ${fmt(cleanHeic)} ms (median of 5, WASM decoder warm)`);

  // Side by side with ExifTool over one folder.
  const folder = existsSync(evalDir) ? evalDir : fixtures;
  const files = walk(folder).filter((f) => !/\.(json|md)$/i.test(f));
  const exiftool = spawnSync('exiftool', ['-ver'], { encoding: 'utf8' });
  const smRuns: number[] = [];
  let errors = 0;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    errors = 0;
    for (const f of files) {
      try {
        await readPhoto({ path: f, absPath: f, source: 'cli' });
      } catch {
        errors++;
      }
    }
    smRuns.push(performance.now() - t);
  }
  const sm = median(smRuns);
  const label = folder === evalDir ? '../shared/eval/images' : 'test/fixtures/photos';
  console.log(`photo metadata over ${label}: ${files.length} files in ${fmt(sm)} ms = ${fmt(sm / files.length)} ms per file (median of 3 runs; ${errors} unreadable files)`);
  if (exiftool.status === 0) {
    const etRuns: number[] = [];
    const list = path.join(tmp, 'files.txt');
    writeFileSync(list, files.join('\n'));
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      try {
        execFileSync('exiftool', ['-json', '-fast', '-@', list], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 28 });
      } catch {
        /* exiftool exits 1 when some files have errors; the time still counts */
      }
      etRuns.push(performance.now() - t);
    }
    const et = median(etRuns);
    console.log(`exiftool ${exiftool.stdout.trim()} -json -fast over the same ${files.length} files: ${fmt(et)} ms = ${fmt(et / files.length)} ms per file (median of 3 runs)`);
    console.log(`photo metadata vs exiftool: ${(et / sm).toFixed(1)}x faster per file (target >= 5x)`);
  } else {
    console.log('exiftool: not installed, side-by-side comparison skipped');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

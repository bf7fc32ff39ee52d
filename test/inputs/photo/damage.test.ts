/**
 * Issue 13 point 1: a damaged photo never passes. The seeded fuzz corpus (scripts/fuzz/
 * photo-corpus.ts: a few hundred byte-damaged copies of test/fixtures/photos, made in a temp
 * folder) is checked against ExifTool's committed reading of it (test/fixtures/photo-fuzz/
 * truth.json): no PASS on any file in which ExifTool reads a GPS position or a person's name.
 * The same over ../shared/eval/images/corrupt when that research-only folder is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPhotoBuffer } from '../../../src/inputs/photo/index.js';
import { makeCorpus, sha } from '../../../scripts/fuzz/photo-corpus.js';
import { EVAL_IMAGES, loadFuzzTruth, runEvalCorrupt, runFuzzCorpus } from '../../../scripts/fuzz/photo-verdicts.js';

const truth = loadFuzzTruth();

describe('seeded fuzz corpus of damaged photos vs ExifTool', () => {
  it('the script makes the corpus the committed truth describes (same seed, same bytes)', () => {
    const files = makeCorpus(truth.seed, truth.count);
    expect(files).toHaveLength(truth.count);
    const stale = files.filter((f) => truth.files[f.name]?.sha !== sha(f.bytes)).map((f) => f.name);
    expect(stale, 'run: node --import tsx scripts/fuzz/photo-corpus.ts --truth').toEqual([]);
    // the corpus is worth something: ExifTool still reads a position or a name in many of them
    expect(Object.values(truth.files).filter((t) => t.gps).length).toBeGreaterThan(50);
    expect(Object.values(truth.files).filter((t) => t.names.length).length).toBeGreaterThan(20);
  });

  it('no PASS where ExifTool reads GPS or a name; no hang', async () => {
    const { verdicts, summary } = await runFuzzCorpus();
    const by = (s: string) => verdicts.filter((v) => v.status === s).length;
    console.log(`photo fuzz corpus: ${summary.total} files, ${by('pass')} PASS, ${by('fail')} FAIL, ${by('error')} error; PASS with GPS ${summary.passWithGps.length}, with names ${summary.passWithNames.length}, where the original fails ${summary.passOriginalFails.length}`);
    expect(summary.timeouts).toEqual([]);
    expect(summary.passWithGps).toEqual([]);
    expect(summary.passWithNames).toEqual([]);
    // errors are one plain line naming the file
    for (const v of verdicts.filter((x) => x.status === 'error')) {
      expect(v.why?.split('\n')).toHaveLength(1);
      expect(v.why).not.toMatch(/\bat \w+ \(|Error:|undefined/);
    }
  }, 180_000);
});

describe('damage the structured reader cannot account for', () => {
  const dir = path.resolve(__dirname, '../../fixtures/photos');
  const gps = readFileSync(path.join(dir, 'gps.jpg'));
  const read = (b: Buffer) => readPhotoBuffer(b, { path: 'x.jpg', absPath: 'x.jpg' });

  it('a changed byte in the "Exif" name: damaged, and the GPS still reported as unread', async () => {
    const b = Buffer.from(gps);
    const at = b.indexOf('Exif\0\0');
    b[at + 2] ^= 0x04; // "Exif" -> "Exmf"
    const m = await read(b);
    expect(m.gps).toBeUndefined();
    expect(m.damage?.join(' ')).toMatch(/EXIF or XMP block is broken|GPS data smcheck could not read/);
    expect(m.gpsUnread).toBe(true);
  });

  it('an IFD entry pointing outside the block: exifr gives up, the raw scan still sees GPS', async () => {
    const b = Buffer.from(gps);
    const tiff = b.indexOf('Exif\0\0') + 6;
    const le = b[tiff] === 0x49;
    const ifd = le ? b.readUInt32LE(tiff + 4) : b.readUInt32BE(tiff + 4);
    // the first entry's value pointer to far away
    const e = tiff + ifd + 2;
    if (le) b.writeUInt32LE(0x7fff0000, e + 8); else b.writeUInt32BE(0x7fff0000, e + 8);
    const m = await read(b);
    expect(m.damage?.length).toBeGreaterThan(0);
  });

  it('an undamaged photo is not damaged', async () => {
    for (const f of ['gps.jpg', 'faces-mwg.jpg', 'xmp.png', 'gps.webp', 'photo.heic', 'xmp.gif', 'clean.jpg', 'copyright.jpg']) {
      const m = await readPhotoBuffer(readFileSync(path.join(dir, f)), { path: f, absPath: f });
      expect(m.damage, f).toBeUndefined();
    }
  });
});

const evalPresent = existsSync(path.join(EVAL_IMAGES, 'truth.json'));
if (!evalPresent) console.log(`photo damage: ../shared/eval/images is absent, so its 33 damaged files are skipped (${EVAL_IMAGES})`);

describe.skipIf(!evalPresent)('the damaged files of ../shared/eval/images (research-only, read in place)', () => {
  it('no PASS on any of them; none where ExifTool reads GPS or a name', async () => {
    const { verdicts, summary } = await runEvalCorrupt();
    console.log(`shared eval corrupt/: ${summary.total} files, ${summary.pass} PASS`);
    expect(summary.total).toBe(33);
    expect(summary.timeouts).toEqual([]);
    expect(verdicts.filter((v) => v.status === 'pass').map((v) => v.file)).toEqual([]);
  }, 120_000);
});

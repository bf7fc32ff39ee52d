/**
 * The photo rules against ExifTool's reading of the shared photos (../shared/eval/images).
 * Skipped, with the reason printed, only when that folder is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateImages, IMAGES_DIR, type Evaluation } from '../../scripts/eval/images.js';

const present = existsSync(path.join(IMAGES_DIR, 'truth.json'));
if (!present) console.log(`images-truth: skipped, ${IMAGES_DIR} is absent (the shared evaluation photos are not checked out)`);

describe.skipIf(!present)('photo rules vs ExifTool (shared eval images)', () => {
  let ev: Evaluation;
  it('runs over every file without a crash or a hang', async () => {
    ev = await evaluateImages();
    expect(ev.files.length).toBeGreaterThan(250);
    expect(ev.corrupt.crashes).toEqual([]);
  }, 120_000);

  it('image-location fires exactly where ExifTool finds a GPS position', () => {
    console.log(`image-location agreement: ${ev.location.agree}/${ev.location.total}; stricter on damaged GPS data ExifTool cannot read: ${ev.location.stricter.length} (${ev.location.stricter.join(', ')})`);
    expect(ev.location.disagreements).toEqual([]);
  });

  it('every person name ExifTool found is reported', () => {
    console.log(`person names reported: ${ev.names.found}/${ev.names.total}`);
    expect(ev.names.total).toBeGreaterThan(30);
    expect(ev.names.missing).toEqual([]);
  });

  it('every damaged file ends as a clear error or a failing result, never a pass', () => {
    const corrupt = ev.files.filter((r) => r.file.startsWith('corrupt/'));
    for (const r of corrupt) {
      expect(['error', 'fail'], r.file).toContain(r.status);
      if (r.status === 'error') {
        expect(r.error!.split('\n'), r.file).toHaveLength(1);
        expect(r.error!.startsWith(r.file), r.file).toBe(true);
        expect(r.error, r.file).not.toMatch(/\bat \w+ \(|Error:|undefined/);
      }
    }
    expect(ev.corrupt.passed).toEqual([]);
  });

  it('files ExifTool cannot read are errors in smcheck too', () => {
    for (const r of ev.files.filter((f) => !f.truth.readable)) expect(r.status, r.file).toBe('error');
  });
});

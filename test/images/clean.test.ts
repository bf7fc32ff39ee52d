import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { cleanPathFor, cleanPhoto, cleanPhotos } from '../../src/images/clean.js';
import { readPhotoBuffer } from '../../src/inputs/photo/index.js';
import { breakGpsPointer } from './jpeg-surgery.js';

const dir = path.resolve(__dirname, '../fixtures/photos');
let tmp: string;
beforeAll(async () => { tmp = await mkdtemp(path.join(os.tmpdir(), 'smcheck-clean-')); });
afterAll(async () => { await rm(tmp, { recursive: true, force: true }); });

async function readBack(file: string) {
  return readPhotoBuffer(await readFile(file), { path: file, absPath: file });
}

describe('cleanPhoto', () => {
  it('writes <name>.clean.<ext> next to the original, never touching the original', async () => {
    const src = path.join(tmp, 'gps.jpg');
    await copyFile(path.join(dir, 'gps.jpg'), src);
    const before = await readFile(src);
    const r = await cleanPhoto(src);
    expect(r.out).toBe(path.join(tmp, 'gps.clean.jpg'));
    expect(await readFile(src)).toEqual(before);
    const after = await readBack(r.out);
    expect(after.gps).toBeUndefined();
    expect(after.gpsTagsPresent).toBe(false);
    expect(after.make).toBeUndefined();
    expect(r.removed[0]).toMatch(/GPS position/);
    expect(r.removed.join(' ')).toMatch(/Apple iPhone 12/);
  });

  it('removes names from face regions, captions, owner, serial', async () => {
    const a = await cleanPhoto(path.join(dir, 'faces-mwg.jpg'), { outDir: tmp });
    expect(a.out).toBe(path.join(tmp, 'faces-mwg.clean.jpg'));
    expect(a.removed.join(' ')).toMatch(/Poppy Lindqvist, Tobias Okafor/);
    expect((await readBack(a.out)).people).toEqual([]);
    const b = await cleanPhoto(path.join(dir, 'caption-owner.jpg'), { outDir: tmp });
    const m = await readBack(b.out);
    expect([m.texts, m.keywords, m.owners, m.serials]).toEqual([[], [], [], []]);
  });

  it('drops a stale thumbnail and hidden trailing bytes', async () => {
    const a = await cleanPhoto(path.join(dir, 'stale-thumb.jpg'), { outDir: tmp });
    expect((await readBack(a.out)).thumbnail).toBeUndefined();
    const b = await cleanPhoto(path.join(dir, 'trailing.png'), { outDir: tmp });
    expect(b.format).toBe('png');
    expect(b.out.endsWith('trailing.clean.png')).toBe(true);
    expect((await readBack(b.out)).trailingBytes).toBeUndefined();
    expect(b.removed.join(' ')).toMatch(/3000 bytes of hidden data/);
  });

  it('turns the pixels of a sideways photo instead of keeping the flag', async () => {
    const r = await cleanPhoto(path.join(dir, 'rotated.jpg'), { outDir: tmp });
    expect([r.width, r.height]).toEqual([300, 400]);
    const m = await readBack(r.out);
    expect(m.orientation).toBeUndefined();
    expect([m.width, m.height]).toEqual([300, 400]);
  });

  it('keeps the colour profile', async () => {
    const { default: sharp } = await import('sharp');
    const src = path.join(tmp, 'p3.jpg');
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#cc3344' } })
      .withIccProfile('p3').withExif({ IFD0: { Artist: 'Someone Else' } }).jpeg().toFile(src);
    const r = await cleanPhoto(src, { outDir: tmp });
    const md = await sharp(r.out).metadata();
    expect(md.icc).toBeDefined();
    expect(md.exif).toBeUndefined();
    expect(r.removed.join(' ')).toMatch(/Someone Else/);
  });

  it('decodes a HEIC and writes a JPEG without its GPS', async () => {
    const r = await cleanPhoto(path.join(dir, 'photo.heic'), { outDir: tmp });
    expect(r.format).toBe('jpeg');
    expect(r.out).toBe(path.join(tmp, 'photo.clean.jpg'));
    expect([r.width, r.height]).toEqual([320, 240]);
    const m = await readBack(r.out);
    expect(m.format).toBe('jpeg');
    expect(m.gps).toBeUndefined();
  }, 30_000);

  it('keeps WebP and GIF as they are, without their metadata', async () => {
    const w = await cleanPhoto(path.join(dir, 'gps.webp'), { outDir: tmp });
    expect(w.format).toBe('webp');
    expect((await readBack(w.out)).gps).toBeUndefined();
    const g = await cleanPhoto(path.join(dir, 'xmp.gif'), { outDir: tmp });
    expect(g.format).toBe('gif');
    expect((await readBack(g.out)).texts).toEqual([]);
  });

  it('shrinks a photo larger than maxSize', async () => {
    const r = await cleanPhoto(path.join(dir, 'large.jpg'), { outDir: tmp, maxSize: 2048 });
    expect([r.width, r.height]).toEqual([2048, 1365]);
    expect(r.resized).toBe(true);
    const small = await cleanPhoto(path.join(dir, 'clean.jpg'), { outDir: tmp, maxSize: 2048 });
    expect(small.resized).toBe(false);
    const byDefault = await cleanPhoto(path.join(dir, 'large.jpg'), { outDir: tmp, force: true });
    expect([byDefault.width, byDefault.height]).toEqual([2048, 1365]);
    const full = await cleanPhoto(path.join(dir, 'large.jpg'), { outDir: tmp, maxSize: 0, force: true });
    expect([full.width, full.height]).toEqual([2400, 1600]);
  });

  it('refuses unreadable and damaged photos with one clear line, and cleanPhotos carries on', async () => {
    await expect(cleanPhoto(path.join(dir, 'empty.jpg'), { outDir: tmp })).rejects.toBeInstanceOf(InputError);
    await expect(cleanPhoto(path.join(dir, 'truncated-gps.jpg'), { outDir: tmp })).rejects.toThrow(/damaged \(the file is cut short/);
    const all = await cleanPhotos([path.join(dir, 'not-a-photo.jpg'), path.join(dir, 'clean.jpg')], { outDir: tmp, force: true });
    expect('error' in all[0] && all[0].error).toMatch(/text file/);
    expect('out' in all[1] && (await stat(all[1].out)).size).toBeGreaterThan(0);
  });

  it('cleans a photo whose metadata (not its pixels) is damaged', async () => {
    const src = path.join(tmp, 'broken-exif.jpg');
    await writeFile(src, await breakGpsPointer(await readFile(path.join(dir, 'gps.jpg'))));
    const r = await cleanPhoto(src);
    const m = await readBack(r.out);
    expect(m.damage).toBeUndefined();
    expect(m.make).toBeUndefined();
  });

  it('names the copy', () => {
    expect(cleanPathFor('/a/IMG_1.JPG', 'jpeg')).toBe('/a/IMG_1.clean.JPG');
    expect(cleanPathFor('/a/IMG_1.HEIC', 'jpeg', '/out')).toBe('/out/IMG_1.clean.jpg');
    expect(cleanPathFor('/a/x.png', 'png')).toBe('/a/x.clean.png');
  });
});

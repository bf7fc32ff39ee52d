import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { distanceMetres, readPhoto, readPhotoBuffer, readPhotos, roundCoord, thumbnailIsStale } from '../../src/inputs/photo/index.js';
import type { ImageRef } from '../../src/types.js';
import { breakGpsPointer } from '../images/jpeg-surgery.js';

const dir = path.resolve(__dirname, '../fixtures/photos');
const ref = (name: string): ImageRef => ({ path: `photos/${name}`, absPath: path.join(dir, name), source: 'cli' });
const read = (name: string) => readPhoto(ref(name));

describe('readPhoto: what a photo gives away', () => {
  it('finds the GPS position of a phone photo', async () => {
    const m = await read('gps.jpg');
    expect(m.format).toBe('jpeg');
    expect(m.gps?.lat).toBeCloseTo(51.50722, 4);
    expect(m.gps?.lon).toBeCloseTo(-0.1275, 4);
    expect(m.gpsTagsPresent).toBe(true);
    expect(m.make).toBe('Apple');
    expect(m.damage).toBeUndefined();
  });

  it('treats GPS at 0,0 as tags present but no position', async () => {
    const m = await read('gps-zero.jpg');
    expect(m.gps).toBeUndefined();
    expect(m.gpsTagsPresent).toBe(true);
  });

  it('reports nothing for a clean photo', async () => {
    const m = await read('clean.jpg');
    expect(m).toMatchObject({ width: 400, height: 300, gpsTagsPresent: false, people: [], creators: [], copyright: [], texts: [], keywords: [], owners: [], serials: [], embedded: [] });
    expect(m.gps).toBeUndefined();
    expect(m.thumbnail).toBeUndefined();
    expect(m.trailingBytes).toBeUndefined();
  });

  it('reads names from MWG face regions', async () => {
    const m = await read('faces-mwg.jpg');
    expect(m.people.map((p) => p.value)).toEqual(['Poppy Lindqvist', 'Tobias Okafor']);
    expect(m.people[0].tag).toBe('XMP-mwg-rs:RegionName');
  });

  it("reads an outside photographer's name and copyright", async () => {
    const m = await read('copyright.jpg');
    expect(m.creators.map((c) => c.value)).toContain('Jo Marsh');
    expect(m.copyright.map((c) => c.value)).toContain('© 2024 Marsh Event Photography Ltd');
  });

  it('reads captions, Windows tags, owner and serial number', async () => {
    const m = await read('caption-owner.jpg');
    expect(m.texts).toContainEqual({ tag: 'ImageDescription', value: 'Poppy Lindqvist wins the sack race' });
    expect(m.texts).toContainEqual({ tag: 'XPComment', value: 'Year 4 sports day' });
    expect(m.keywords.map((k) => k.value)).toEqual(['sports day', 'Poppy Lindqvist']);
    expect(m.owners).toEqual([{ tag: 'CameraOwnerName', value: 'Mr D Fairbairn' }]);
    expect(m.serials).toEqual([{ tag: 'BodySerialNumber', value: '0421337' }]);
  });

  it('reads XMP from a PNG', async () => {
    const m = await read('xmp.png');
    expect(m.format).toBe('png');
    expect(m.texts).toContainEqual({ tag: 'XMP-dc:Description', value: 'Tobias Okafor at the museum' });
    expect(m.texts).toContainEqual({ tag: 'XMP-dc:Title', value: 'Class trip' });
    expect(m.creators).toContainEqual({ tag: 'XMP-dc:Creator', value: 'Sam Teacher' });
  });

  it('reads a HEIC: size and GPS', async () => {
    const m = await read('photo.heic');
    expect(m.format).toBe('heic');
    expect([m.width, m.height]).toEqual([320, 240]);
    expect(m.gps?.lat).toBeCloseTo(51.507, 2);
    expect(m.model).toBe('iPhone 13');
  });

  it('reads EXIF GPS and XMP from a WebP (which exifr cannot read itself)', async () => {
    const m = await read('gps.webp');
    expect(m.format).toBe('webp');
    expect([m.width, m.height]).toEqual([320, 240]);
    expect(m.gps?.lat).toBeCloseTo(51.507, 2);
    expect(m.creators).toContainEqual({ tag: 'XMP-dc:Creator', value: 'Sam Teacher' });
  });

  it('reads XMP from a GIF', async () => {
    const m = await read('xmp.gif');
    expect(m.format).toBe('gif');
    expect([m.width, m.height]).toEqual([160, 120]);
    expect(m.texts).toContainEqual({ tag: 'XMP-dc:Description', value: 'Poppy Lindqvist on the climbing frame' });
  });

  it('spots a thumbnail left over from before a crop, and stays quiet on a matching one', async () => {
    const stale = await read('stale-thumb.jpg');
    expect(stale.thumbnail).toMatchObject({ width: 240, height: 160 });
    expect([stale.width, stale.height]).toEqual([450, 800]);
    expect(thumbnailIsStale(stale)).toBe(true);
    const ok = await read('thumb-ok.jpg');
    expect(ok.thumbnail).toMatchObject({ width: 240, height: 160 });
    expect(thumbnailIsStale(ok)).toBe(false);
  });

  it('does not call a camera-style letterboxed 160x120 thumbnail stale', () => {
    const base = { width: 5184, height: 3456, thumbnail: { width: 160, height: 120, bytes: 5000 } } as any;
    expect(thumbnailIsStale({ ...base, exifSize: { width: 5184, height: 3456 } })).toBe(false);
    expect(thumbnailIsStale({ ...base, exifSize: { width: 3456, height: 5184 } })).toBe(false);
    expect(thumbnailIsStale({ ...base, width: 2000, height: 2000, exifSize: { width: 5184, height: 3456 } })).toBe(true);
  });

  it('finds bytes hidden after the end of a PNG (aCropalypse)', async () => {
    const m = await read('trailing.png');
    expect(m.trailingBytes).toBe(3000);
  });

  it('tells a video or a whole photo appended after the picture from leftover bytes', async () => {
    const jpg = await readFile(path.join(dir, 'clean.jpg'));
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(4000, 7)]);
    const video = await readPhotoBuffer(Buffer.concat([jpg, mp4]), { path: 'mv.jpg', absPath: '/mv.jpg' });
    expect(video.embedded.map((e) => e.kind)).toEqual(['video']);
    expect(video.trailingBytes).toBeUndefined();
    const two = await readPhotoBuffer(Buffer.concat([jpg, jpg]), { path: 'two.jpg', absPath: '/two.jpg' });
    expect(two.embedded.map((e) => e.kind)).toEqual(['image']);
    const padded = await readPhotoBuffer(Buffer.concat([jpg, Buffer.alloc(500)]), { path: 'pad.jpg', absPath: '/pad.jpg' });
    expect([padded.trailingBytes, padded.embedded]).toEqual([undefined, []]);
  });

  it("spots a Photoshop preview with another shape than the photo", async () => {
    const jpg = await readFile(path.join(dir, 'clean.jpg'));
    const psSeg = (w: number, h: number) => {
      const res = Buffer.alloc(28);
      res.writeUInt32BE(1, 0); res.writeUInt32BE(w, 4); res.writeUInt32BE(h, 8);
      const body = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x0c, 0, 0]), Buffer.from([0, 0, 0, res.length]), res]);
      const head = Buffer.from([0xff, 0xed, 0, 0]);
      head.writeUInt16BE(body.length + 2, 2);
      return Buffer.concat([head, body]);
    };
    const withThumb = (w: number, h: number) => Buffer.concat([jpg.subarray(0, 2), psSeg(w, h), jpg.subarray(2)]);
    const stale = await readPhotoBuffer(withThumb(160, 160), { path: 'ps.jpg', absPath: '/ps.jpg' });
    expect(stale.embedded.map((e) => e.kind)).toEqual(['uncropped']);
    const same = await readPhotoBuffer(withThumb(160, 120), { path: 'ps.jpg', absPath: '/ps.jpg' });
    expect(same.embedded).toEqual([]);
  });

  it('records AI-generated markers', async () => {
    const m = await read('ai-generated.jpg');
    expect(m.provenance?.aiGenerated).toBe(true);
  });

  it('detects the format from the content, not the name', async () => {
    const m = await read('png-named.jpg');
    expect(m.format).toBe('png');
    expect(m.extensionMismatch).toBe(true);
    expect((await read('gps.jpg')).extensionMismatch).toBe(false);
  });

  it('keeps the orientation flag', async () => {
    expect((await read('rotated.jpg')).orientation).toBe(6);
  });

  it('reads several photos', async () => {
    const all = await readPhotos([ref('gps.jpg'), ref('clean.jpg')]);
    expect(all.map((m) => m.fileName)).toEqual(['gps.jpg', 'clean.jpg']);
  });
});

describe('readPhoto: photos that cannot be read', () => {
  const fails = async (p: Promise<unknown>, re: RegExp) => {
    const err = await p.then(() => undefined, (e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(re);
    expect(err.message.split('\n')).toHaveLength(1);
    return err;
  };

  it('an empty file', () => fails(read('empty.jpg'), /^photos\/empty\.jpg: the file is empty/));
  it('a text file named .jpg', () => fails(read('not-a-photo.jpg'), /text file, not a photo/));
  it('random bytes', () => fails(readPhotoBuffer(Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251)), { path: 'x.jpg', absPath: '/x.jpg' }), /not a photo smcheck can read/));
  it('a missing file', () => fails(read('no-such-file.jpg'), /does not exist/));
  it('a folder', () => fails(readPhoto({ path: 'photos', absPath: dir, source: 'cli' }), /folder/));

  it('absurd dimensions', async () => {
    const buf = await readFile(path.join(dir, 'clean.jpg'));
    const copy = Buffer.from(buf);
    // rewrite the SOF0 height/width to 65500 x 65500
    for (let p = 2; p < copy.length;) {
      const m = copy[p + 1], n = copy.readUInt16BE(p + 2);
      if (m >= 0xc0 && m <= 0xc2) { copy.writeUInt16BE(65500, p + 5); copy.writeUInt16BE(65500, p + 7); break; }
      p += 2 + n;
    }
    await fails(readPhotoBuffer(copy, { path: 'huge.jpg', absPath: '/huge.jpg' }), /65500 × 65500 pixels/);
  });

  it('a JPEG cut short still gives its GPS, and says it is damaged (it must never pass)', async () => {
    const m = await read('truncated-gps.jpg');
    expect(m.gps?.lat).toBeCloseTo(51.507, 2);
    expect(m.damage).toEqual(['the file is cut short: part of the photo is missing']);
  });

  it('junk before the start marker: GPS still found, damage reported', async () => {
    const m = await read('junk-before.jpg');
    expect(m.gps?.lon).toBeCloseTo(-0.1275, 3);
    expect(m.damage?.[0]).toMatch(/starts with 24 bytes/);
  });

  it('a broken first byte of the start marker: still read, damage reported', async () => {
    const buf = Buffer.from(await readFile(path.join(dir, 'gps.jpg')));
    buf[0] = 0;
    const m = await readPhotoBuffer(buf, { path: 'flip.jpg', absPath: '/flip.jpg' });
    expect(m.gps).toBeDefined();
    expect(m.damage?.[0]).toMatch(/start marker is broken/);
  });

  it('a GPS pointer out of range: no position, and the metadata is reported as damaged', async () => {
    const buf = await breakGpsPointer(await readFile(path.join(dir, 'gps.jpg')));
    const m = await readPhotoBuffer(buf, { path: 'p.jpg', absPath: '/p.jpg' });
    expect(m.gps).toBeUndefined();
    expect(m.damage?.[0]).toBe("the photo's hidden data (EXIF) is damaged: the GPS directory points outside the file");
    // the raw scan still sees the GPS entries the pointer no longer leads to: image-location reports it
    expect(m.damage).toContain("the photo's hidden data is damaged or unreadable: it holds GPS data smcheck could not read");
    expect(m.gpsUnread).toBe(true);
  });

  it('an XMP packet that never closes is reported as damaged (names may hide in it)', async () => {
    const buf = Buffer.from(await readFile(path.join(dir, 'faces-mwg.jpg')));
    const at = buf.indexOf('</rdf:RDF>');
    buf.write('</rdf:RDX>', at, 'latin1');
    const m = await readPhotoBuffer(buf, { path: 'x.jpg', absPath: '/x.jpg' });
    expect(m.damage?.[0]).toMatch(/XMP\) is damaged/);
  });

  it('random damage in the first bytes never crashes (seeded bit flips and overwrites)', async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (const name of ['gps.jpg', 'xmp.png', 'photo.heic', 'gps.webp', 'stale-thumb.jpg']) {
      const orig = await readFile(path.join(dir, name));
      for (let k = 0; k < 60; k++) {
        const buf = Buffer.from(orig);
        for (let i = 0; i < 6; i++) {
          const p = Math.floor(rnd() * Math.min(buf.length, 2048));
          buf[p] = k % 2 ? buf[p] ^ (1 << Math.floor(rnd() * 8)) : Math.floor(rnd() * 256);
        }
        const r = await readPhotoBuffer(buf, { path: name, absPath: '/' + name }).then(() => 'ok', (e) => (e instanceof InputError ? 'error' : `crash: ${e?.stack ?? e}`));
        expect(r.startsWith('crash'), `${name} #${k}: ${r}`).toBe(false);
      }
    }
  });

  it('never hangs on a truncated file of any length', async () => {
    const buf = await readFile(path.join(dir, 'faces-mwg.jpg'));
    for (let n = 1; n < buf.length; n += 97) {
      const r = await readPhotoBuffer(buf.subarray(0, n), { path: 'cut.jpg', absPath: '/cut.jpg' }).then(
        (m) => (m.damage?.length ? 'damaged' : 'ok'),
        (e) => (e instanceof InputError ? 'error' : `crash: ${e}`),
      );
      expect(r === 'damaged' || r === 'error', `cut at ${n}: ${r}`).toBe(true);
    }
  });
});

describe('helpers', () => {
  it('rounds coordinates to about 1 km', () => {
    expect(roundCoord(51.50722)).toBe('51.51');
    expect(roundCoord(-0.1275)).toBe('-0.13');
  });
  it('measures distances in metres', () => {
    expect(distanceMetres({ lat: 52.2, lon: 0.12 }, { lat: 52.2005, lon: 0.1201 })).toBeGreaterThan(50);
    expect(distanceMetres({ lat: 52.2, lon: 0.12 }, { lat: 52.2005, lon: 0.1201 })).toBeLessThan(60);
  });
});


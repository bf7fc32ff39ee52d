import { describe, expect, it } from 'vitest';
import { emptySchool } from '../../src/config/config.js';
import { guessNameTest, photoHits } from '../../src/checks/photo.js';
import type { School } from '../../src/types.js';
import type { PhotoMeta } from '../../src/inputs/photo/index.js';
import { ruleTester, runOn } from '../helpers/rule-tester.js';

const P = 'test/fixtures/photos/';
const school: School = {
  ...emptySchool(),
  name: 'Hillside Primary',
  site: { lat: 52.2, lon: 0.12, radius: 300 },
  devices: [{ make: 'Canon', model: 'PowerShot SX740 HS', serial: 'SCH0001' }, { make: 'Apple', model: 'iPad (9th generation)' }],
};
const t = await ruleTester({ rules: ['image-location', 'image-metadata', 'school-equipment'], school });
const photo = (name: string, text = 'Our sports day was great fun.') => ({ text, photos: [P + name], name });

t.run('image-location', {
  valid: [
    'No photo attached here.',
    photo('clean.jpg'),
    photo('gps-zero.jpg'),
    photo('faces-mwg.jpg'),
    photo('xmp.png'),
  ],
  invalid: [
    { ...photo('gps.jpg'), excerpts: ['GPS near 51.51, -0.13'], severity: 'error', message: /gps\.jpg records where it was taken \(a GPS position near 51\.51, -0\.13\)/ },
    { ...photo('photo.heic'), excerpts: ['GPS near 51.51, -0.13'], severity: 'error' },
    { ...photo('gps-school.jpg'), count: 1, severity: 'warning', message: /at the school/ },
    { ...photo('truncated-gps.jpg'), count: 1, severity: 'error', name: 'a truncated JPEG still reports its GPS' },
    { ...photo('junk-before.jpg'), count: 1, severity: 'error', name: 'junk before the start marker still reports its GPS' },
    { text: 'Two photos', photos: [P + 'gps.jpg', P + 'clean.jpg', P + 'photo.heic'], count: 2, name: 'one finding per photo with GPS' },
  ],
});

t.run('image-metadata', {
  valid: [
    photo('clean.jpg'),
    photo('gps.jpg'),
    photo('thumb-ok.jpg'),
    photo('rotated.jpg'),
    photo('photo.heic'),
    photo('gps-zero.jpg'),
  ],
  invalid: [
    { ...photo('faces-mwg.jpg'), excerpts: ['Poppy Lindqvist, Tobias Okafor'], severity: 'error', message: /names the people in it \('Poppy Lindqvist', 'Tobias Okafor'\)/ },
    { ...photo('xmp.png'), excerpts: ['Tobias Okafor at the museum', 'Sam Teacher'], severity: 'error' },
    { ...photo('copyright.jpg'), excerpts: ['Jo Marsh'], severity: 'error', message: /photographer's name or copyright notice \('Jo Marsh', '© 2024 Marsh Event Photography Ltd'\)/ },
    { ...photo('stale-thumb.jpg'), excerpts: ['thumbnail 240 × 160'], message: /different shape from the photo \(450 × 800\)/ },
    { ...photo('trailing.png'), excerpts: ['3000 hidden bytes'], severity: 'error', message: /has 3 KB of hidden data after the end of the picture/ },
    { ...photo('large.jpg'), excerpts: ['2400 × 1600'], severity: 'warning', message: /limit of 2048 px/, suggestion: 'smcheck clean test/fixtures/photos/large.jpg (it also makes the copy 2048 px on the long side)' },
    { ...photo('png-named.jpg'), excerpts: ['png-named.jpg'], severity: 'warning', message: /really a PNG photo with a \.jpg name/ },
    { ...photo('truncated-gps.jpg'), excerpts: ['the file is cut short: part of the photo is missing'], severity: 'error', message: /is damaged/ },
    { ...photo('junk-before.jpg'), excerpts: ['the file starts with 24 bytes that are not part of any photo'], severity: 'error' },
  ],
});

t.run('school-equipment', {
  valid: [
    photo('gps-school.jpg'),
    photo('clean.jpg'),
    photo('rotated.jpg'),
  ],
  invalid: [
    { ...photo('gps.jpg'), excerpts: ['Apple iPhone 12'], severity: 'warning', message: /taken on Apple iPhone 12, which is not one of the school's/ },
    { ...photo('caption-owner.jpg'), excerpts: ['Canon EOS 250D'], severity: 'warning', name: 'same make, another model and serial' },
  ],
});

describe('image-metadata: severities', () => {
  it('caption, keywords, owner and serial: errors where a name is written, warnings where not', async () => {
    const out = await runOn('Sports day', t.rules, school, { photos: [P + 'caption-owner.jpg'] });
    const got = out.findings.filter((f) => f.rule === 'image-metadata').map((f) => [f.excerpt, f.severity]);
    expect(got).toEqual([
      ['Poppy Lindqvist wins the sack race', 'error'],
      ['Poppy Lindqvist', 'error'],
      ['Mr D Fairbairn', 'error'],
      ['0421337', 'warning'],
    ]);
  });

  it('a caption with no name in it is only a warning', () => {
    const meta = { path: 'a.jpg', fileName: 'a.jpg', texts: [{ tag: 'XPComment', value: 'Year 4 sports day' }], keywords: [{ tag: 'XPKeywords', value: 'sports day' }] } as unknown as PhotoMeta;
    const hits = photoHits({ ...blank(), ...meta }, { report: ['texts', 'keywords'], warn: [], siteSeverity: 'warning', embeddedKinds: [], allow: [], guessNames: true }, school, guessNameTest());
    expect(hits.map((h) => h.severity)).toEqual(['warning', 'warning']);
  });

  it("the school's own name as photographer is not flagged", () => {
    const meta = { ...blank(), copyright: [{ tag: 'Copyright', value: '© Hillside Primary School 2025' }], creators: [{ tag: 'Artist', value: 'Jo Marsh' }] };
    const hits = photoHits(meta, { report: ['credits'], warn: [], siteSeverity: 'warning', embeddedKinds: [], allow: [], guessNames: true }, school, () => false);
    expect(hits.map((h) => h.data?.credits)).toEqual(["'Jo Marsh'"]);
  });

  it('embedded video and depth maps are errors; HDR gain maps and same-shape previews are not', () => {
    const o = { report: ['embedded' as const], warn: [], siteSeverity: 'warning' as const, embeddedKinds: ['video', 'depth', 'original', 'matte', 'image', 'uncropped', 'trailer'], allow: [], guessNames: true };
    expect(photoHits({ ...blank(), embedded: [{ kind: 'gainmap' }, { kind: 'preview' }] }, o, school, () => false)).toEqual([]);
    const hits = photoHits({ ...blank(), embedded: [{ kind: 'video', detail: 'a motion photo' }, { kind: 'depth', detail: 'a depth map' }] }, o, school, () => false);
    expect(hits).toHaveLength(1);
    expect(hits[0].data?.what).toBe('a motion photo; a depth map');
  });

  it('with the sample school roster, a caption naming a pupil is an error', async () => {
    const r = await ruleTester({ rules: ['image-metadata'], config: 'fixtures/smcheck.yml' });
    const meta = { ...blank(), texts: [{ tag: 'ImageDescription', value: 'amelia hughes on the beam' }, { tag: 'XPTitle', value: 'Gym display' }] };
    const rule = r.rules[0] as any;
    const ctx = { draft: { images: [{ path: 'a.jpg' }] }, school: r.school, runCache: new Map(), photos: async () => [meta], nlp: async () => null } as any;
    const hits = await rule.check.run(ctx, rule);
    expect(hits.map((h: any) => [h.data.match, h.severity])).toEqual([['amelia hughes on the beam', undefined]]);
  });
});

describe('image-metadata: found by the blind test (test/blind)', () => {
  const run = async (meta: PhotoMeta, prose: string) => {
    const r = await ruleTester({ rules: ['image-metadata'], config: 'fixtures/smcheck.yml' });
    const rule = r.rules[0] as any;
    const ctx = { draft: { prose, images: [{ path: 'a.jpg' }] }, school: r.school, runCache: new Map(), photos: async () => [meta], nlp: async () => null } as any;
    return (await rule.check.run(ctx, rule)) as any[];
  };

  it('a caption naming a pupil by first name alone is an error (here a pupil on the no-publish list)', async () => {
    const hits = await run({ ...blank(), texts: [{ tag: 'ImageDescription', value: 'Leo building a den in our back garden' }] }, 'Home learning');
    expect(hits.map((h) => [h.messageId, h.severity])).toEqual([['texts', undefined]]);
  });

  it('a caption with no pupil in it stays a warning', async () => {
    const hits = await run({ ...blank(), texts: [{ tag: 'ImageDescription', value: 'Rose bed by the pond' }] }, 'Garden');
    expect(hits.map((h) => [h.messageId, h.severity])).toEqual([['texts', 'warning']]);
  });

  it('a caption naming someone the lists do not know is an error; titled staff, classes, allowed names and events are not', async () => {
    const caption = async (value: string) => (await run({ ...blank(), texts: [{ tag: 'ImageDescription', value }] }, 'Trip')).map((h) => h.severity);
    expect(await caption('Tobias Okafor at the museum')).toEqual([undefined]);
    expect(await caption('Poppy Lindqvist wins the sack race')).toEqual([undefined]);
    expect(await caption('Helen Green with the choir')).toEqual([undefined]); // a full name on the staff list was already a name
    expect(await caption('Mr Okafor and the Year 6 team')).toEqual(['warning']);
    expect(await caption('Oak Class assembly')).toEqual(['warning']);
    expect(await caption('Julia Donaldson visits')).toEqual(['warning']);
    expect(await caption('Sports Day relay')).toEqual(['warning']);
  });

  it('a photographer the post already credits is a warning, not an error', async () => {
    const meta = { ...blank(), creators: [{ tag: 'Artist', value: 'Kit Lomax' }], copyright: [{ tag: 'Copyright', value: '© 2025 Lomax Studio Ltd' }] };
    const credited = await run(meta, 'Class photos this week. Photo: Kit Lomax, Lomax Studio.');
    expect(credited.map((h) => [h.messageId, h.severity])).toEqual([['credits-named', 'warning']]);
    const uncredited = await run(meta, 'Class photos this week.');
    expect(uncredited.map((h) => [h.messageId, h.severity])).toEqual([['credits', undefined]]);
    // one holder credited, the other not: still an error
    const half = await run({ ...meta, copyright: [{ tag: 'Copyright', value: '© 2025 Brightside Images' }] }, 'Photo: Kit Lomax.');
    expect(half.map((h) => h.severity)).toEqual([undefined]);
  });

  it("a pupil named as the photographer is never 'credited', even when the post has the word", async () => {
    const hits = await run({ ...blank(), creators: [{ tag: 'Artist', value: 'Grace Wood' }] }, 'We walked through the wood with Grace.');
    expect(hits.map((h) => [h.messageId, h.severity])).toEqual([['credits', undefined]]);
  });
});

describe('photos in a draft: status', () => {
  it('a photo that cannot be read makes the draft an error, never a pass', async () => {
    const out = await runOn('Hello', t.rules, school, { photos: [P + 'empty.jpg'] });
    expect(out.status).toBe('error');
    expect(out.error).toMatch(/empty\.jpg: the file is empty/);
  });
  it('a damaged photo whose GPS is readable fails, with both findings', async () => {
    const out = await runOn('Hello', t.rules, school, { photos: [P + 'truncated-gps.jpg'] });
    expect(out.status).toBe('fail');
    expect(out.findings.map((f) => f.rule).sort()).toEqual(['image-location', 'image-metadata', 'school-equipment']);
  });
  it('school-equipment is off when the school lists no devices', async () => {
    const r = await ruleTester({ rules: ['school-equipment'], school: { ...school, devices: [] } });
    const out = await runOn('Hello', r.rules, r.school, { photos: [P + 'gps.jpg'] });
    expect(out.findings).toEqual([]);
    expect(out.status).toBe('pass');
  });
});

function blank(): PhotoMeta {
  return {
    path: 'a.jpg', absPath: '/a.jpg', fileName: 'a.jpg', bytes: 1, format: 'jpeg', extensionMismatch: false,
    gpsTagsPresent: false, serials: [], creators: [], copyright: [], owners: [], texts: [], keywords: [], people: [], embedded: [], warnings: [],
  };
}

/**
 * photo-consent, consent-unchecked and no-publish for pictured pupils, through the real engine
 * with the sample school (fixtures/: roster, no-publish list and consent register) on a fixed day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { loadRules } from '../../src/engine/rules.js';
import { ROOT, ruleTester, runOn } from '../helpers/rule-tester.js';
import type { School } from '../../src/types.js';

// The consent register's dates are read against this day (Will Carter's consent ran out on 31/08/2026;
// Harry Hughes-Owen left on 22/07/2026).
process.env.SMCHECK_TODAY = '2026-12-04';

const CONFIG = 'fixtures/smcheck.yml';
const PHOTO = 'test/fixtures/photos/clean.jpg';
const fm = (pictured: string, body = 'What a race on sports day!') => `---\npictured: ${pictured}\n---\n${body}\n`;

const t = await ruleTester({ rules: ['photo-consent', 'consent-unchecked', 'no-publish'], config: CONFIG });

t.run('photo-consent', {
  valid: [
    { name: 'a pupil with consent', text: fm('[Amelia Hughes]'), photos: [PHOTO] },
    { name: 'first names alone, each unambiguous, all with consent', text: fm('[Amelia, Aarav, Rose, Summer]'), photos: [PHOTO] },
    { name: 'a preferred name', text: fm('Tom Hill'), photos: [PHOTO] },
    { name: 'a comma-separated line', text: fm('Amelia, Rose and Max'), photos: [PHOTO] },
    { name: 'pictured: none', text: fm('none'), photos: [PHOTO] },
    { name: 'pictured: [staff]', text: fm('[staff]'), photos: [PHOTO] },
    { name: 'staff and titled adults are not pupils', text: fm('[Mrs Green, Helen Green, Amelia]'), photos: [PHOTO] },
    { name: 'consent that runs out later (Zoë, 31/08/2027), any spelling', text: fm('[Zoe Muller]'), photos: [PHOTO] },
    { name: 'a people tag naming a pupil with consent', text: 'Relay day!', photos: ['test/fixtures/consent/tag-consent.jpg'] },
    { name: 'per photo, by file name', text: fm('\n  clean.jpg: [Amelia]'), photos: [PHOTO] },
    { name: 'a YAML list with dashes', text: fm('\n  - Amelia Hughes\n  - Rose'), photos: [PHOTO] },
    { name: 'an adult marked in brackets', text: fm('[Amelia, Jo Marsh (parent)]'), photos: [PHOTO] },
    { name: 'a group is not a name (consent-unchecked says it)', text: fm('[Year 4 choir]'), photos: [PHOTO] },
    { name: 'no photos, no pictured: nothing to check', text: 'Sports day is on Friday.' },
  ],
  invalid: [
    { name: 'no consent for social media (website only)', text: fm('[Oliver Bennett]'), photos: [PHOTO], excerpts: ['Oliver Bennett'], message: /no consent to photos on social media/, severity: 'error' },
    { name: 'a preferred first name alone', text: fm('[Ollie]'), photos: [PHOTO], excerpts: ['Ollie'], message: /social media/ },
    { name: 'No for every use', text: fm('[Grace Wood]'), photos: [PHOTO], excerpts: ['Grace Wood'], message: /no consent/ },
    { name: 'expired consent', text: fm('[Will]'), photos: [PHOTO], excerpts: ['Will'], message: /ran out on 31\/08\/2026/ },
    { name: 'a leaver (leaving date passed)', text: fm('[Harry Hughes-Owen]'), photos: [PHOTO], excerpts: ['Harry Hughes-Owen'], message: /leaver/ },
    { name: 'a full name that is no pupil on the roster', text: fm('[Tobias Okafor]'), photos: [PHOTO], excerpts: ['Tobias Okafor'], message: /not a pupil on the roster/, severity: 'error' },
    { name: 'an unknown first name asks which pupil', text: fm('[Bob]'), photos: [PHOTO], excerpts: ['Bob'], message: /which pupil/, severity: 'warning' },
    { name: 'only the pupil without consent among several', text: fm('[Amelia, Jack, Rose]'), photos: [PHOTO], excerpts: ['Jack'] },
    { name: 'per photo', text: fm('\n  clean.jpg: [Amelia, Ethan]'), photos: [PHOTO], excerpts: ['Ethan'], message: /in 'clean\.jpg'/ },
    { name: "a people tag in the photo's metadata", text: 'Relay day!', photos: ['test/fixtures/consent/tag-no-consent.jpg'], excerpts: ['Oliver Bennett'], message: /people tags/ },
    { name: "a caption in the photo's metadata", text: 'Egg and spoon!', photos: ['test/fixtures/consent/caption-leaver.jpg'], excerpts: ['Harry Hughes-Owen'], message: /\(caption\), but is a leaver/ },
    { name: 'pictured: and a tag naming the same pupil: one finding', text: fm('[Oliver]'), photos: ['test/fixtures/consent/tag-no-consent.jpg'], excerpts: ['Oliver'] },
    { name: 'a no-publish pupil lacks consent too', text: fm('[Leo]'), photos: [PHOTO], excerpts: ['Leo'] },
  ],
});

t.run('no-publish', {
  valid: [{ name: 'pupils not on the list', text: fm('[Amelia, Oliver]'), photos: [PHOTO] }],
  invalid: [
    { name: 'a no-publish pupil in pictured:, named nowhere in the text', text: fm('[Amelia, Leo]', 'Great running, everyone!'), photos: [PHOTO], excerpts: ['Leo'], severity: 'error' },
    { name: "a no-publish pupil found only in a photo's people tags", text: 'Great running, everyone!', photos: ['test/fixtures/consent/tag-listed.jpg'], excerpts: ['Leo Marsh'], severity: 'error' },
    { name: 'a full name in per-photo pictured:', text: fm('\n  clean.jpg: [Ava Thompson]'), photos: [PHOTO], excerpts: ['Ava Thompson'] },
  ],
});

t.run('consent-unchecked', {
  valid: [
    { name: 'pictured: names', text: fm('[Amelia]'), photos: [PHOTO] },
    { name: 'pictured: none', text: fm('none'), photos: [PHOTO] },
    { name: 'pictured: staff', text: fm('staff'), photos: [PHOTO] },
    { name: 'people tags', text: 'Relay!', photos: ['test/fixtures/consent/tag-consent.jpg'] },
    { name: 'no photo', text: 'Sports day is on Friday.' },
  ],
  invalid: [
    { name: 'a photo no one says anything about', text: 'What a day!', photos: [PHOTO], severity: 'info', message: /could not be checked/ },
    { name: 'per photo: a photo left out of the map', text: fm('\n  other.jpg: [Amelia]'), photos: [PHOTO], count: 1 },
    { name: 'only a group: which pupils is not known', text: fm('[the Year 4 choir]'), photos: [PHOTO], count: 1 },
  ],
});

describe('photo-consent: names the roster cannot settle', () => {
  let school: School;
  beforeAll(() => {
    school = loadConfig(path.join(ROOT, CONFIG), ROOT).school;
  });
  it('a first name two pupils share is a warning asking which pupil, naming no one', async () => {
    const rules = (await loadRules({ dirs: [], disable: [], cwd: ROOT })).filter((r) => r.id === 'photo-consent');
    const twoAmelias: School = { ...school, roster: [...school.roster, { first: 'Amelia', last: 'Zed', source: 'x:1' }] };
    const out = await runOn(fm('[Amelia]'), rules, twoAmelias, { photos: [PHOTO] });
    expect(out.findings.map((f) => [f.excerpt, f.severity])).toEqual([['Amelia', 'warning']]);
    expect(out.findings[0].message).toMatch(/more than one pupil has this name/);
    expect(out.findings[0].message).not.toMatch(/Hughes|Zed/);
    expect(out.status).toBe('pass');
  });
  it('a pupil on the roster but not in the consent register: no record, no photo', async () => {
    const rules = (await loadRules({ dirs: [], disable: [], cwd: ROOT })).filter((r) => r.id === 'photo-consent');
    const withoutChloe: School = { ...school, consent: school.consent!.filter((e) => e.first !== 'Chloe') };
    const out = await runOn(fm('[Chloe]'), rules, withoutChloe, { photos: [PHOTO] });
    expect(out.findings.map((f) => [f.excerpt, f.severity])).toEqual([['Chloe', 'error']]);
    expect(out.findings[0].message).toMatch(/not in the consent register/);
  });
  it('a blank in the social media column means no', async () => {
    const rules = (await loadRules({ dirs: [], disable: [], cwd: ROOT })).filter((r) => r.id === 'photo-consent');
    const blank: School = { ...school, consent: school.consent!.map((e) => (e.first === 'Amelia' ? { ...e, uses: { website: true, socialMedia: false } } : e)) };
    const out = await runOn(fm('[Amelia]'), rules, blank, { photos: [PHOTO] });
    expect(out.findings.map((f) => f.excerpt)).toEqual(['Amelia']);
  });
  it('without a consent register, photo-consent and consent-unchecked do nothing', async () => {
    const rules = (await loadRules({ dirs: [], disable: [], cwd: ROOT })).filter((r) => r.id === 'photo-consent' || r.id === 'consent-unchecked');
    const out = await runOn(fm('[Oliver]'), rules, { ...school, consent: undefined }, { photos: [PHOTO] });
    expect(out.findings).toEqual([]);
  });
  it("the message never shows the rest of the register or the no-publish list", async () => {
    const rules = await loadRules({ dirs: [], disable: [], cwd: ROOT });
    const out = await runOn(fm('[Leo, Oliver]', 'Well done!'), rules, school, { photos: [PHOTO] });
    const text = out.findings.map((f) => f.message).join('\n');
    for (const other of ['Ava', 'Thompson', 'Grace', 'Will', 'Harry']) expect(text).not.toContain(other);
  });
  it('a name in pictured: is not published text: no name-with-image or pupil-surname finding', async () => {
    const rules = await loadRules({ dirs: [], disable: [], cwd: ROOT });
    const out = await runOn(fm('[Amelia Hughes]', 'Well done to everyone!'), rules, school, { photos: [PHOTO] });
    expect(out.findings.filter((f) => f.rule === 'name-with-image' || f.rule === 'pupil-surname')).toEqual([]);
    expect(out.status).toBe('pass');
  });
});

afterAll(() => {
  delete process.env.SMCHECK_TODAY;
});

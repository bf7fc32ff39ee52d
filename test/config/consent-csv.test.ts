/** The consent register as MIS systems export it: header variants, values, dates, leavers, ids. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { academicYearEnd, classifyColumn, loadConsent, parseDate, yesNo } from '../../src/config/consent-csv.js';
import { consentState } from '../../src/consent/status.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'smcheck-consent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const load = (csv: string) => {
  const f = path.join(dir, `c${n++}.csv`);
  writeFileSync(f, csv);
  return loadConsent(f, 'consent.csv');
};

describe('consent column headers', () => {
  const cases: [string, string][] = [
    ['Photo consent - Social media', 'use:socialMedia'],
    ['Consent: Social Media', 'use:socialMedia'],
    ['Social Media Consent', 'use:socialMedia'],
    ['SOCIAL_MEDIA', 'use:socialMedia'],
    ['Facebook/Twitter', 'use:socialMedia'],
    ['Website', 'use:website'],
    ['Photo consent - Website', 'use:website'],
    ['School website photos', 'use:website'],
    ['Press', 'use:press'],
    ['Local newspaper', 'use:press'],
    ['Print', 'use:print'],
    ['Prospectus', 'use:print'],
    ['Photos', 'use:photos'],
    ['Photographic Consent', 'use:photos'],
    ['Media Consent', 'use:photos'],
    ['Expires', 'expires'],
    ['Consent expiry', 'expires'],
    ['Valid until', 'expires'],
    ['Academic Year', 'academicYear'],
    ['Leaving date', 'leaving'],
    ['Date of leaving', 'leaving'],
    ['Leaver', 'leaver'],
    ['Status', 'leaver'],
    ['Date consent given', 'ignore'],
    ['Notes', 'ignore'],
    ['DOB', 'ignore'],
  ];
  for (const [h, want] of cases) {
    it(`'${h}' → ${want}`, () => {
      const c = classifyColumn(h);
      expect(c.kind === 'use' ? `use:${c.use}` : c.kind).toBe(want);
    });
  }
});

describe('consent values and dates', () => {
  it('yes/no in the spellings exports use; blank is no', () => {
    for (const v of ['Yes', 'YES', 'y', 'Y', 'TRUE', 'true', '1', 'x', 'Granted', 'Consent given', 'Yes - first name only']) expect(yesNo(v), v).toBe(true);
    for (const v of ['No', 'n', 'N', 'FALSE', '0', '', '  ', 'Refused', 'Withdrawn', 'Not given', 'N/A', 'Not asked']) expect(yesNo(v), v).toBe(false);
    expect(yesNo('maybe')).toBeUndefined();
  });
  it('dates as dd/mm/yyyy, dd/mm/yy, ISO (with a time), dd-mm-yyyy and "31 Aug 2027"', () => {
    expect(parseDate('31/08/2027')).toBe('2027-08-31');
    expect(parseDate('1/9/27')).toBe('2027-09-01');
    expect(parseDate('2027-08-31')).toBe('2027-08-31');
    expect(parseDate('2027-08-31T00:00:00')).toBe('2027-08-31');
    expect(parseDate('31-08-2027')).toBe('2027-08-31');
    expect(parseDate('31 Aug 2027')).toBe('2027-08-31');
    expect(parseDate('31 August 2027')).toBe('2027-08-31');
    expect(parseDate('31/02/2027')).toBeUndefined();
    expect(parseDate('soon')).toBeUndefined();
  });
  it('an academic year runs to 31 August', () => {
    expect(academicYearEnd('2025/26')).toBe('2026-08-31');
    expect(academicYearEnd('2025-2026')).toBe('2026-08-31');
    expect(academicYearEnd('AY 2025/26')).toBe('2026-08-31');
    expect(academicYearEnd('2025/27')).toBeUndefined();
  });
});

describe('consent register files', () => {
  it('a SIMS-style export: BOM, title row, CRLF, Adno, prefixed use headers, expiry and leaving dates', () => {
    const rows = load(
      '\uFEFF"Photographic consent export"\r\n' +
        '"Adno","Legal Forename","Legal Surname","Photo consent - Website","Photo consent - Social media","Consent expiry","Leaving date"\r\n' +
        '"001","Amelia","Hughes","Yes","Yes","31/08/2027",""\r\n' +
        '"002","Oliver","Bennett","Yes","","",""\r\n' +
        '"003","Harry","Hughes-Owen","Y","Y","","22/07/2026"\r\n',
    );
    expect(rows).toEqual([
      { first: 'Amelia', last: 'Hughes', ids: ['001'], uses: { website: true, socialMedia: true }, expires: '2027-08-31', source: 'consent.csv:3' },
      { first: 'Oliver', last: 'Bennett', ids: ['002'], uses: { website: true, socialMedia: false }, source: 'consent.csv:4' },
      { first: 'Harry', last: 'Hughes-Owen', ids: ['003'], uses: { website: true, socialMedia: true }, leaving: '2026-07-22', source: 'consent.csv:5' },
    ]);
  });
  it('Arbor-style: one Name column, Consent: headers, TRUE/FALSE, an academic year, a Leaver column', () => {
    const [a, b] = load('Name,Consent: Social Media,Consent: Press,Academic Year,Leaver\n"Hughes, Amelia",TRUE,FALSE,2026/27,\nOliver Bennett,1,0,2025/26,Yes\n');
    expect(a).toMatchObject({ first: 'Amelia', last: 'Hughes', uses: { socialMedia: true, press: false }, expires: '2027-08-31' });
    expect(b).toMatchObject({ first: 'Oliver', last: 'Bennett', uses: { socialMedia: true, press: false }, expires: '2026-08-31', leaver: true });
  });
  it('a register by UPN only (no names)', () => {
    const [a] = load('UPN,Social Media Consent,Expires\nA123456789012,Yes,2027-08-31\n');
    expect(a).toMatchObject({ first: '', last: '', ids: ['A123456789012'], uses: { socialMedia: true } });
  });
  it('columns that say nothing about consent are ignored (notes, dates given, parent names)', () => {
    const [a] = load('Forename,Surname,Date consent given,Parent name,Notes,Social Media\nAmelia,Hughes,01/09/2025,Jo Hughes,"see file",Yes\n');
    expect(a.uses).toEqual({ socialMedia: true });
  });
  it('no consent column: one line naming the file and what to add', () => {
    expect(() => load('Forename,Surname,Year\nAmelia,Hughes,4\n')).toThrow(/^consent\.csv:1: the consent list has no consent column .* 'Social Media'/);
  });
  it('a bad value or date names the line and column', () => {
    expect(() => load('Forename,Surname,Social Media\nAmelia,Hughes,perhaps\n')).toThrow("consent.csv:2: the value in column 'Social Media' is not yes or no (not shown");
    expect(() => load('Forename,Surname,Social Media,Expires\nAmelia,Hughes,Yes,next year\n')).toThrow(/consent\.csv:2: Expires 'next year' is not a date/);
  });
});

describe('consent state on a day', () => {
  const e = { first: 'A', last: 'B', uses: { socialMedia: true, website: true }, source: 'x' };
  it('given, refused, expired, leaver, no record', () => {
    expect(consentState(e, 'socialMedia', '2026-12-04')).toBe('given');
    expect(consentState({ ...e, uses: { website: true } }, 'socialMedia', '2026-12-04')).toBe('refused');
    expect(consentState({ ...e, uses: { socialMedia: true, photos: false } }, 'socialMedia', '2026-12-04')).toBe('refused');
    expect(consentState({ ...e, uses: { photos: true } }, 'socialMedia', '2026-12-04')).toBe('given');
    expect(consentState({ ...e, expires: '2026-12-03' }, 'socialMedia', '2026-12-04')).toBe('expired');
    expect(consentState({ ...e, expires: '2026-12-04' }, 'socialMedia', '2026-12-04')).toBe('given');
    expect(consentState({ ...e, leaving: '2026-12-04' }, 'socialMedia', '2026-12-04')).toBe('leaver');
    expect(consentState({ ...e, leaving: '2027-07-20' }, 'socialMedia', '2026-12-04')).toBe('given');
    expect(consentState({ ...e, leaver: true }, 'socialMedia', '2026-12-04')).toBe('leaver');
    expect(consentState(undefined, 'socialMedia', '2026-12-04')).toBe('noRecord');
  });
});

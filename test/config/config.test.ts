import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findConfig, loadConfig } from '../../src/config/config.js';
import { loadPeople } from '../../src/config/school-csv.js';
import { loadConsent } from '../../src/config/consent-csv.js';
import { UsageError } from '../../src/errors.js';
import { ROOT } from '../helpers/rule-tester.js';
import { tmpDir } from '../helpers/tmp.js';

function tmp(files: Record<string, string>): string {
  const dir = tmpDir('smcheck-cfg-');
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

const people = (csv: string) => {
  const dir = tmp({ 'r.csv': csv });
  return loadPeople(path.join(dir, 'r.csv'), 'r.csv', 'roster');
};

describe('roster CSV as MIS systems export it', () => {
  it('SIMS: BOM, CRLF, quoted fields, a title row, Legal/Preferred Forename, Reg Group', () => {
    const p = people('\uFEFF"Pupil list"\r\n"Legal Forename","Preferred Forename","Legal Surname","Year","Reg Group"\r\n"Oliver","Ollie","Bennett","4","4 Oak"\r\n"Siobhan","","O\'Brien","5","5 Willow"\r\n');
    expect(p).toEqual([
      { first: 'Oliver', last: 'Bennett', preferred: 'Ollie', year: '4', className: '4 Oak', source: 'r.csv:3' },
      { first: 'Siobhan', last: "O'Brien", year: '5', className: '5 Willow', source: 'r.csv:4' },
    ]);
  });
  it('Arbor-style Forename/Surname/Year/class headers', () => {
    const p = people('Forename,Surname,Year,class\nZoë,Müller,5,Maple\n');
    expect(p[0]).toMatchObject({ first: 'Zoë', last: 'Müller', year: '5', className: 'Maple' });
  });
  it('first_name / last_name headers, any case and spacing', () => {
    const p = people('FIRST_NAME,Last Name\nAmelia,Hughes\n');
    expect(p[0]).toMatchObject({ first: 'Amelia', last: 'Hughes' });
  });
  it('a quoted field with a comma and an embedded quote', () => {
    const p = people('Forename,Surname\n"Mary ""May""",Ellis\n"Jo, Jr",Smith\n');
    expect(p.map((x) => x.first)).toEqual(['Mary "May"', 'Jo, Jr']);
  });
  it('a single Name column, "Surname, Forename" or "Forename Surname"', () => {
    const p = people('Name,Year\n"Hughes, Amelia",4\nDaan Van der Berg,6\n');
    expect(p.map((x) => [x.first, x.last])).toEqual([['Amelia', 'Hughes'], ['Daan', 'Van der Berg']]);
  });
  it('blank rows are skipped', () => {
    expect(people('Forename,Surname\r\n\r\nA,B\r\n,\r\n')).toHaveLength(1);
  });
  it('no name column: one line naming the file and what to do', () => {
    expect(() => people('UPN,DOB\nX123,2016-01-01\n')).toThrow(
      /^r\.csv:1: the roster has no name column \(found: 'UPN', 'DOB'\)\. Add a header row with 'Forename' and 'Surname'/,
    );
  });
  it('a file that is not CSV text', () => {
    expect(() => people('PK\u0003\u0004\u0000\u0000binary')).toThrow(/not a CSV text file/);
  });
  it('broken quoting names the line', () => {
    expect(() => people('Forename,Surname\nA,"B\nC,D\n')).toThrow(/^r\.csv:\d+: the roster is not valid CSV/);
  });
});

describe('consent CSV', () => {
  const consent = (csv: string) => {
    const dir = tmp({ 'c.csv': csv });
    return loadConsent(path.join(dir, 'c.csv'), 'c.csv');
  };
  it('one yes/no column per use, each row with its own pupil (a nameless row does not shift the rest)', () => {
    const c = consent('Forename,Surname,Photos,Social Media\r\nAmelia,Hughes,Yes,No\r\n,,Yes,Yes\r\nLeo,Marsh,N,N\r\n');
    expect(c).toEqual([
      { first: 'Amelia', last: 'Hughes', uses: { photos: true, socialMedia: false }, source: 'c.csv:2' },
      { first: 'Leo', last: 'Marsh', uses: { photos: false, socialMedia: false }, source: 'c.csv:4' },
    ]);
  });
  it('a value that is not yes or no names the line and column', () => {
    expect(() => consent('Forename,Surname,Photos\nAmelia,Hughes,maybe\n')).toThrow("c.csv:2: the value in column 'Photos' is not yes or no (not shown");
  });
});

describe('smcheck.yml', () => {
  it('is found from the draft folder upwards', () => {
    const dir = tmp({ 'smcheck.yml': 'school: X\n', 'drafts/week1/post.md': 'Hi' });
    expect(findConfig(path.join(dir, 'drafts', 'week1'))).toBe(path.join(dir, 'smcheck.yml'));
  });
  it('loads the sample school', () => {
    const cfg = loadConfig(path.join(ROOT, 'fixtures', 'smcheck.yml'), ROOT);
    expect(cfg.school.roster.length).toBe(30);
    expect(cfg.school.staff.map((s) => `${s.first} ${s.last}`)).toContain('Helen Green');
    expect(cfg.school.noPublish.map((s) => s.first)).toEqual(['Leo', 'Ava']);
    expect(cfg.school.schoolDomains).toEqual(['southend.example.sch.uk']);
    expect(cfg.school.site).toEqual({ lat: 52.2905, lon: -0.601, radius: 250 });
  });
  it('a config naming a missing file: one line, exit-2 error', () => {
    const dir = tmp({ 'smcheck.yml': 'roster: data/missing.csv\n' });
    let err: unknown;
    try {
      loadConfig(path.join(dir, 'smcheck.yml'), dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/^data\/missing\.csv: no such file \(the roster named in the config\)/);
  });
  it('an unknown key points at its line', () => {
    const dir = tmp({ 'smcheck.yml': 'school: X\nnoPublsh: a.csv\n' });
    expect(() => loadConfig(path.join(dir, 'smcheck.yml'), dir)).toThrow("smcheck.yml:2:1: config: unknown key 'noPublsh' (did you mean 'noPublish'?)");
  });
  it('a wrong type says what is expected', () => {
    const dir = tmp({ 'smcheck.yml': 'classes: Oak\n' });
    expect(() => loadConfig(path.join(dir, 'smcheck.yml'), dir)).toThrow("smcheck.yml:1:10: config: 'classes': should be a list");
  });
  it('a YAML syntax error points at the line', () => {
    const dir = tmp({ 'smcheck.yml': 'school: X\n  roster: [a\n' });
    expect(() => loadConfig(path.join(dir, 'smcheck.yml'), dir)).toThrow(/^smcheck\.yml:\d+:\d+: config is not valid YAML/);
  });
  it('a missing rules folder is named', () => {
    const dir = tmp({ 'smcheck.yml': 'rules: [rules/local]\n' });
    expect(() => loadConfig(path.join(dir, 'smcheck.yml'), dir)).toThrow(/the rules folder 'rules\/local' does not exist/);
  });
});

/**
 * `smcheck protect` (the keyed-hash form of the no-publish list and consent register) and
 * `--record` / `smcheck verify-record`, end to end through the built binary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/rule-tester.js';
import { loadConfig } from '../../src/config/config.js';

const BIN = path.join(ROOT, 'bin', 'smcheck.js');
const DATA = path.join(ROOT, 'fixtures', 'data');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'smcheck-protect-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function smcheck(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SMCHECK_TODAY: '2026-12-04', SMCHECK_KEY: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every pupil's first name and surname in the sample school's lists. */
function names(): string[] {
  const school = loadConfig(path.join(ROOT, 'fixtures', 'smcheck.yml'), ROOT).school;
  return [...new Set([...school.roster, ...school.noPublish].flatMap((p) => [p.first, p.last]).filter((n) => n.length > 2))];
}

const config = (lists: string, extra = '') =>
  `school: Sample\nroster: ${path.join(DATA, 'roster.csv')}\nstaff: ${path.join(DATA, 'staff.csv')}\n${lists}allowNames: [Roald Dahl, Julia Donaldson]\nclasses: [Oak, Maple, Willow, Green]\nschoolDomains: [southend.example.sch.uk]\nallowTimes: ["8:40am", "3:15pm"]\nsite: { lat: 52.2905, lon: -0.6010, radius: 250 }\n${extra}`;

beforeAll(() => {
  expect(existsSync(path.join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first').toBe(true);
  copyFileSync(path.join(DATA, 'no-publish.csv'), path.join(tmp, 'no-publish.csv'));
  if (existsSync(path.join(DATA, 'consent.csv'))) copyFileSync(path.join(DATA, 'consent.csv'), path.join(tmp, 'consent.csv'));
});

describe('smcheck protect', () => {
  it('writes a new protected file and a key, and the protected file holds no name', () => {
    const r = smcheck(['protect', 'no-publish.csv', '--key', 'school.key'], tmp);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('created  school.key');
    expect(r.out).toContain('created  no-publish.protected.csv: 2 pupils');
    const text = readFileSync(path.join(tmp, 'no-publish.protected.csv'), 'utf8');
    expect(text.startsWith('# smcheck protected list v1')).toBe(true);
    for (const n of names()) expect(text.toLowerCase(), n).not.toContain(n.toLowerCase());
    expect(text).not.toMatch(/Maple|Willow/); // classes are dropped too
    expect(readFileSync(path.join(tmp, 'school.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });
  it('never overwrites: a second run stops with one line', () => {
    const r = smcheck(['protect', 'no-publish.csv', '--key', 'school.key'], tmp);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^smcheck: no-publish\.protected\.csv: already exists; smcheck never overwrites a file/);
  });
  it('the consent register keeps its consent columns and loses its names and admission numbers', () => {
    if (!existsSync(path.join(tmp, 'consent.csv'))) return;
    const r = smcheck(['protect', 'consent.csv', '--key', 'school.key'], tmp);
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(tmp, 'consent.protected.csv'), 'utf8');
    for (const n of names()) expect(text.toLowerCase(), n).not.toContain(n.toLowerCase());
    expect(text.split(/\r?\n/)[1]).toMatch(/^name_hmac,/);
  });
  it('a protected list with the wrong key, or no key: one line saying what to do', () => {
    writeFileSync(path.join(tmp, 'other.key'), 'f'.repeat(64) + '\n');
    writeFileSync(path.join(tmp, 'wrong.yml'), config('noPublish: no-publish.protected.csv\n', 'key: other.key\n'));
    let r = smcheck(['-c', path.join(tmp, 'wrong.yml'), 'fixtures/drafts/harvest-festival.md']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no-publish\.protected\.csv: the no-publish list was protected with a different key/);
    writeFileSync(path.join(tmp, 'nokey.yml'), config('noPublish: no-publish.protected.csv\n'));
    r = smcheck(['-c', path.join(tmp, 'nokey.yml'), 'fixtures/drafts/harvest-festival.md']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs its key: set 'key:' in smcheck\.yml/);
  });
  it('gives the same verdicts and findings as the plain lists, on the sample drafts and every blind-test post', () => {
    const consent = existsSync(path.join(tmp, 'consent.protected.csv'));
    writeFileSync(path.join(tmp, 'plain.yml'), config(`noPublish: no-publish.csv\n${consent ? 'consent: consent.csv\n' : ''}`));
    writeFileSync(path.join(tmp, 'hashed.yml'), config(`noPublish: no-publish.protected.csv\n${consent ? 'consent: consent.protected.csv\n' : ''}`, 'key: school.key\n'));
    const run = (cfg: string) => {
      const r = smcheck(['-c', path.join(tmp, cfg), '--format', 'json', 'fixtures/drafts', 'test/blind/posts', 'test/checks/consent-drafts']);
      expect(r.err).toBe('');
      return JSON.parse(r.out) as { results: { draft: string; status: string; findings: unknown[] }[] };
    };
    const plain = run('plain.yml');
    const hashed = run('hashed.yml');
    expect(plain.results.length).toBeGreaterThan(150);
    expect(plain.results.some((r) => (r.findings as { rule: string }[]).some((f) => f.rule === 'no-publish'))).toBe(true);
    expect(hashed.results).toEqual(plain.results);
    // the key may also come from SMCHECK_KEY
    const key = readFileSync(path.join(tmp, 'school.key'), 'utf8');
    writeFileSync(path.join(tmp, 'envkey.yml'), config(`noPublish: no-publish.protected.csv\n${consent ? 'consent: consent.protected.csv\n' : ''}`));
    const r = smcheck(['-c', path.join(tmp, 'envkey.yml'), '--format', 'json', 'fixtures/drafts'], ROOT, { SMCHECK_KEY: key });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as typeof plain).results).toEqual(plain.results.filter((x) => x.draft.startsWith('fixtures/')));
  });
});

describe('--record and smcheck verify-record', () => {
  const work = path.join(tmp, 'post');
  const records = path.join(tmp, 'records');
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', work]);
    copyFileSync(path.join(ROOT, 'fixtures', 'drafts', 'harvest-festival.md'), path.join(work, 'harvest-festival.md'));
    spawnSync('mkdir', ['-p', path.join(work, 'photos')]);
    copyFileSync(path.join(ROOT, 'fixtures', 'drafts', 'photos', 'harvest-table.jpg'), path.join(work, 'photos', 'harvest-table.jpg'));
    copyFileSync(path.join(ROOT, 'fixtures', 'drafts', 'sports-day.md'), path.join(work, 'sports-day.md'));
    copyFileSync(path.join(ROOT, 'fixtures', 'drafts', 'photos', 'relay.jpg'), path.join(work, 'photos', 'relay.jpg'));
  });
  const cfg = path.join(ROOT, 'fixtures', 'smcheck.yml');

  it('writes one small record per draft, with hashes, verdict and positions, and no names or text', () => {
    const r = smcheck(['-c', cfg, '--record', records, 'harvest-festival.md', 'photos/harvest-table.jpg'], work);
    expect(r.code).toBe(0);
    const files = readdirSync(records);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{12}\.json$/);
    const rec = JSON.parse(readFileSync(path.join(records, files[0]), 'utf8'));
    expect(Object.keys(rec)).toEqual(['smcheckRecord', 'date', 'version', 'rules', 'schoolData', 'draft', 'photos', 'verdict', 'findings', 'suppressions']);
    expect(rec.verdict).toBe('pass');
    expect(rec.draft).toMatch(/^[0-9a-f]{64}$/);
    expect(rec.photos).toHaveLength(1);
    const text = readFileSync(path.join(records, files[0]), 'utf8');
    for (const w of ['harvest', 'Harvest', 'table', ...names()]) expect(text).not.toContain(w);
  });
  it('a failing check is recorded with each finding’s rule and position, and nothing of the text', () => {
    const r = smcheck(['-c', cfg, '--record', records, 'sports-day.md', 'photos/relay.jpg'], work);
    expect(r.code).toBe(1);
    const file = readdirSync(records).map((f) => path.join(records, f)).find((f) => JSON.parse(readFileSync(f, 'utf8')).verdict === 'fail')!;
    const rec = JSON.parse(readFileSync(file, 'utf8'));
    expect(rec.findings.length).toBeGreaterThan(3);
    for (const f of rec.findings) expect(Object.keys(f).every((k) => ['rule', 'severity', 'line', 'column', 'photo'].includes(k))).toBe(true);
    expect(rec.findings.some((f: { photo?: number }) => f.photo === 0)).toBe(true);
    const text = readFileSync(file, 'utf8');
    for (const w of ['Amelia', 'Hughes', 'Leo', 'relay', 'sports', ...names()]) expect(text).not.toContain(w);
    const v = smcheck(['verify-record', file, 'sports-day.md', 'photos/relay.jpg'], work);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/^NOT PASSED {2}these are exactly the files checked by smcheck .* but the check found \d+ errors/);
  });
  it('verify-record: the same files verify (by record file or by the record folder)', () => {
    const file = readdirSync(records).map((f) => path.join(records, f)).find((f) => JSON.parse(readFileSync(f, 'utf8')).verdict === 'pass')!;
    let v = smcheck(['verify-record', file, 'harvest-festival.md', 'photos/harvest-table.jpg'], work);
    expect(v.out).toMatch(/^VERIFIED {2}harvest-festival\.md and 1 photo are exactly the files checked by smcheck/);
    expect(v.code).toBe(0);
    v = smcheck(['verify-record', records, 'harvest-festival.md', 'photos/harvest-table.jpg'], work);
    expect(v.code).toBe(0);
  });
  it('verify-record: one byte of the photo changed → fails, naming the photo', () => {
    const file = readdirSync(records).map((f) => path.join(records, f)).find((f) => JSON.parse(readFileSync(f, 'utf8')).verdict === 'pass')!;
    const photo = path.join(work, 'photos', 'harvest-table.jpg');
    const bytes = readFileSync(photo);
    bytes[bytes.length - 10] ^= 0x01;
    writeFileSync(photo, bytes);
    const v = smcheck(['verify-record', file, 'harvest-festival.md', 'photos/harvest-table.jpg'], work);
    expect(v.code).toBe(1);
    expect(v.out).toContain('DIFFERS  photos/harvest-table.jpg: differs from every photo that was checked');
    expect(v.out).not.toContain('DIFFERS  harvest-festival.md');
  });
  it('verify-record: a changed draft, a missing photo', () => {
    const file = readdirSync(records).map((f) => path.join(records, f)).find((f) => JSON.parse(readFileSync(f, 'utf8')).verdict === 'pass')!;
    writeFileSync(path.join(work, 'harvest-festival.md'), readFileSync(path.join(work, 'harvest-festival.md'), 'utf8') + ' ');
    let v = smcheck(['verify-record', file, 'harvest-festival.md'], work);
    expect(v.code).toBe(1);
    expect(v.out).toContain('DIFFERS  harvest-festival.md: differs from the draft that was checked.');
    expect(v.out).toContain('1 photo that was checked with this draft was not given here.');
    v = smcheck(['verify-record', records, 'harvest-festival.md'], work);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/no record in .* is of this draft/);
  });
  it('verify-record on something that is not a record: one line, exit 2', () => {
    const v = smcheck(['verify-record', path.join(work, 'photos', 'relay.jpg'), 'sports-day.md'], work);
    expect(v.code).toBe(2);
    expect(v.err).toMatch(/is not a smcheck record/);
  });
  it('record: in the config works like --record', () => {
    const dir = path.join(tmp, 'cfgrec');
    writeFileSync(path.join(tmp, 'rec.yml'), config(`noPublish: no-publish.csv\n`, `record: ${path.join(tmp, 'cfgrec')}\n`));
    const r = smcheck(['-c', path.join(tmp, 'rec.yml'), 'harvest-festival.md'], work);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});

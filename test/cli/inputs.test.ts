/**
 * Every input staff have (issue 15), through the built binary: Word documents, UTF-16 and
 * Windows-1252 text, standard input, globs, SMCHECK_CONFIG, Excel's CSVs; and smcheck's own
 * outputs are never read back as drafts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/rule-tester.js';
import { tmpDir } from '../helpers/tmp.js';

const BIN = path.join(ROOT, 'bin', 'smcheck.js');

function smcheck(args: string[], cwd: string, opts: { input?: string | Buffer; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: opts.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SMCHECK_CONFIG: '', ...opts.env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function school(files: Record<string, string | Buffer> = {}): string {
  const dir = tmpDir('smcheck-inputs-');
  const all: Record<string, string | Buffer> = {
    'smcheck.yml': 'roster: data/roster.csv\nnoPublish: data/no-publish.csv\n',
    'data/roster.csv': 'Forename,Surname\nAmelia,Hughes\nZoë,Clarke\nLeo,Marsh\n',
    'data/no-publish.csv': 'Forename,Surname\nZoë,Clarke\nLeo,Marsh\n',
    ...files,
  };
  for (const [name, body] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

const utf16 = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const win1252 = (s: string): Buffer => Buffer.from(s, 'latin1');

beforeAll(() => {
  expect(existsSync(path.join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first').toBe(true);
});

describe('drafts in the encodings and formats staff save', () => {
  it('a Windows-1252 draft: Zoë on the no-publish list is found (it PASSed before), with a note', () => {
    const dir = school({ 'post.md': win1252('Well done to Zo\u00eb for her painting.\n') });
    const r = smcheck(['post.md', '--format', 'json'], dir);
    const res = JSON.parse(r.out).results[0];
    expect(res.status).toBe('fail');
    expect(res.findings.map((f: { rule: string }) => f.rule)).toContain('no-publish');
    expect(res.findings.find((f: { rule: string }) => f.rule === 'reading').message).toMatch(/Windows-1252/);
  });
  it('a UTF-16 draft: decoded, not refused, with the right line:column', () => {
    const dir = school({ 'post.md': utf16('Sports day\n\nWell done to Amelia Hughes!\n') });
    const r = smcheck(['post.md'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}3:14 +error .*Amelia Hughes/m);
    expect(r.out).toMatch(/UTF-16/);
  });
  it('a Word document: line:column is paragraph:character', () => {
    const dir = school();
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'drafts', 'word-draft.docx'), path.join(dir, 'post.docx'));
    const r = smcheck(['post.docx'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}4:14 +error .*Amelia Hughes/m);
  });
  it('a name written with a Cyrillic "о" or a zero-width space is still the name', () => {
    const dir = school({ 'a.md': 'Well done to Le\u043e for his painting.\n', 'b.md': 'Well done to Z\u200bo\u00eb today.\n' });
    const r = smcheck(['a.md', 'b.md', '--format', 'json'], dir);
    const results = JSON.parse(r.out).results;
    for (const res of results) expect(res.findings.map((f: { rule: string }) => f.rule), res.draft).toContain('no-publish');
  });
});

describe('standard input and globs', () => {
  it('smcheck - reads the draft from standard input', () => {
    const dir = school();
    const r = smcheck(['-'], dir, { input: 'Well done to Amelia Hughes!\n' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL {2}stdin/);
    expect(r.out).toMatch(/1:14 +error/);
  });
  it('text piped in with no paths is checked too; nothing piped in is a usage error, never a PASS', () => {
    const dir = school();
    expect(smcheck([], dir, { input: 'Well done to Amelia Hughes!\n' }).code).toBe(1);
    const empty = smcheck(['-'], dir, { input: '' });
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/nothing on standard input/);
  });
  it('a quoted glob is expanded by smcheck (cmd and PowerShell do not)', () => {
    const dir = school({ 'drafts/a.md': 'Well done to Amelia Hughes!\n', 'drafts/b.md': 'A lovely day.\n', 'drafts/c.txt': 'Hello\n' });
    const r = smcheck(['drafts/*.md', '--format', 'json'], dir);
    expect(JSON.parse(r.out).results.map((x: { draft: string }) => x.draft)).toEqual(['drafts/a.md', 'drafts/b.md']);
    const none = smcheck(['drafts/*.docx'], dir);
    expect(none.code).not.toBe(0);
  });
});

describe('SMCHECK_CONFIG: one shared config from any folder', () => {
  it('is used instead of searching upwards', () => {
    const shared = school();
    const elsewhere = tmpDir('smcheck-inputs-');
    writeFileSync(path.join(elsewhere, 'post.md'), 'Well done to Leo today.\n');
    const r = smcheck(['post.md', '--format', 'json'], elsewhere, { env: { SMCHECK_CONFIG: path.join(shared, 'smcheck.yml') } });
    expect(JSON.parse(r.out).results[0].findings.map((f: { rule: string }) => f.rule)).toContain('no-publish');
    const missing = smcheck(['post.md'], elsewhere, { env: { SMCHECK_CONFIG: path.join(shared, 'nope.yml') } });
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/SMCHECK_CONFIG/);
  });
});

describe('CSVs as Excel saves them', () => {
  it('semicolons (Excel where the decimal mark is a comma) load', () => {
    const dir = school({ 'data/no-publish.csv': 'Forename;Surname;Reg Group\r\nLeo;Marsh;4 Oak\r\n' });
    const r = smcheck(['-', '--format', 'json'], dir, { input: 'Well done to Leo today.\n' });
    expect(JSON.parse(r.out).results[0].findings.map((f: { rule: string }) => f.rule)).toContain('no-publish');
  });
  it('a Windows-1252 no-publish list: Zoë is Zoë', () => {
    const dir = school({ 'data/no-publish.csv': win1252('Forename,Surname\r\nZo\u00eb,Clarke\r\n') });
    const r = smcheck(['-', '--format', 'json'], dir, { input: 'Well done to Zoë today.\n' });
    expect(JSON.parse(r.out).results[0].findings.map((f: { rule: string }) => f.rule)).toContain('no-publish');
  });
  it('a Name column with an unquoted comma is an error naming the line, never a wrong roster', () => {
    const dir = school({ 'data/roster.csv': 'Name\r\n"Hughes, Amelia"\r\nClarke, Zoe\r\n' });
    const r = smcheck(['-'], dir, { input: 'Hello\n' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/data\/roster\.csv:3: .*must be in quotes/);
  });
  it('a header-only roster says it has no pupils', () => {
    const dir = school({ 'data/roster.csv': 'Forename,Surname\r\n' });
    const r = smcheck(['-'], dir, { input: 'Hello everyone\n' });
    expect(r.out).toMatch(/data\/roster\.csv: the roster has a header but no names/);
  });
});

describe("smcheck's own outputs are not drafts", () => {
  it('a saved report, a fixed copy and a clean copy in the folder are skipped, said once', () => {
    const dir = school({ 'drafts/post.md': 'A lovely day.\n', 'drafts/post.fixed.md': 'A lovely day.\n', 'drafts/report.txt': 'FAIL  drafts/old.md\n  1:1 error\n' });
    const r = smcheck(['drafts'], dir);
    expect(r.code).toBe(0);
    expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(/^smcheck: skipped 2 files smcheck wrote itself \(drafts\/post\.fixed\.md, drafts\/report\.txt\)/)]);
    expect(r.out).not.toMatch(/report\.txt/);
  });
});

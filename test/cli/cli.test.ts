/**
 * The CLI end to end: spawn the built binary (bin/smcheck.js → dist/) as a user would.
 * `npm test` builds first; these tests fail loudly if dist/ is missing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { ROOT } from '../helpers/rule-tester.js';
import { tmpDir } from '../helpers/tmp.js';

const BIN = path.join(ROOT, 'bin', 'smcheck.js');

function smcheck(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmpdir(): string {
  return tmpDir('smcheck-cli-');
}

const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

beforeAll(() => {
  expect(existsSync(path.join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first').toBe(true);
});

describe('smcheck on the sample school', () => {
  it('a post that breaks the policy: FAIL, exit 1', () => {
    const r = smcheck(['fixtures/drafts/sports-day.md', 'fixtures/drafts/photos/relay.jpg']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL: \d+ problems? to fix before posting\./);
    expect(r.out).toContain('@NorthantsAthletics');
    expect(r.err).toBe('');
  });

  it('a clean post: PASS, exit 0', () => {
    const r = smcheck(['fixtures/drafts/harvest-festival.md']);
    expect(r.out).toContain('PASS: safe to post.');
    expect(r.code).toBe(0);
  });

  it('a folder: every draft with its photos, one verdict', () => {
    const r = smcheck(['fixtures/drafts']);
    expect(r.out).toMatch(/\d+ drafts checked: \d+ safe to post, \d+ need changes\./);
    expect(r.out).toContain('fixtures/drafts/harvest-festival.md  (with fixtures/drafts/photos/harvest-table.jpg)');
    expect(r.code).toBe(1);
  });

  it('--format json validates against docs/report.schema.json on several inputs', () => {
    for (const args of [
      ['fixtures/drafts'],
      ['fixtures/drafts/harvest-festival.md'],
      ['fixtures/drafts/sports-day.md', 'fixtures/drafts/photos/relay.jpg'],
      ['fixtures/drafts/office-hours.txt', 'missing.md'],
      ['fixtures/drafts/photos/garden.jpg'],
    ]) {
      const r = smcheck(['--format', 'json', ...args]);
      const report = JSON.parse(r.out);
      expect(validate(report), `${args.join(' ')}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(report.summary.drafts).toBe(report.results.length);
    }
  });

  it('--output writes the report to a file, and nothing to the screen', () => {
    const dir = tmpdir();
    const out = path.join(dir, 'report.json');
    const r = smcheck(['--format', 'json', '-o', out, 'fixtures/drafts/harvest-festival.md']);
    expect(r.out).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.passed).toBe(1);
  });

  it('--quiet leaves out warnings; --max-warnings fails a draft with too many', () => {
    const dir = tmpdir();
    writeFileSync(path.join(dir, 'p.md'), '<!-- smcheck-disable-next-line tagging -->\n@a\n');
    const loud = smcheck(['--format', 'json', path.join(dir, 'p.md')], dir);
    expect(JSON.parse(loud.out).summary.findings.warning).toBe(1);
    expect(loud.code).toBe(0);
    const quiet = smcheck(['--format', 'json', '--quiet', path.join(dir, 'p.md')], dir);
    expect(JSON.parse(quiet.out).summary.findings.warning).toBe(0);
    const strict = smcheck(['--max-warnings', '0', path.join(dir, 'p.md')], dir);
    expect(strict.code).toBe(1);
  });

  it('--disable switches a rule off; an unknown id is a usage error', () => {
    const dir = tmpdir();
    writeFileSync(path.join(dir, 'p.md'), 'Thanks @a\n');
    expect(smcheck(['--disable', 'tagging', 'p.md'], dir).code).toBe(0);
    const bad = smcheck(['--disable', 'taging', 'p.md'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^smcheck: unknown rule id 'taging' in --disable/);
  });

  it('colour only on request: NO_COLOR and --no-color give plain text', () => {
    const r = smcheck(['fixtures/drafts/harvest-festival.md'], ROOT, { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(r.out).toContain('\u001b[');
    const plain = smcheck(['--no-color', 'fixtures/drafts/harvest-festival.md'], ROOT, { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(plain.out).not.toContain('\u001b[');
  });
});

describe('inputs that cannot be read', () => {
  it('a missing draft is status error with its reason, the others are still checked, exit 3', () => {
    const r = smcheck(['--format', 'json', 'nope.md', 'fixtures/drafts/harvest-festival.md']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.out);
    expect(report.results.map((x: { status: string }) => x.status)).toEqual(['error', 'pass']);
    expect(report.results[0].error).toBe('nope.md: no such file. Check the path and try again.');
  });

  it('a missing photo makes its draft status error, exit 3; the text is still checked', () => {
    const r = smcheck(['--format', 'json', 'fixtures/drafts/sports-day.md', 'nope.jpg']);
    expect(r.code).toBe(3);
    const res = JSON.parse(r.out).results[0];
    expect(res.status).toBe('error');
    expect(res.error).toContain('nope.jpg: no such photo');
    expect(res.findings.some((f: { rule: string }) => f.rule === 'tagging')).toBe(true);
  });

  it('a photo named in the draft that does not exist is named with the draft', () => {
    const dir = tmpdir();
    writeFileSync(path.join(dir, 'p.md'), '![Sunflowers](gone.jpg)\n');
    const r = smcheck(['p.md'], dir);
    expect(r.code).toBe(3);
    expect(r.out).toContain('gone.jpg: no such photo (named in p.md)');
    expect(r.out).toContain('NOT CHECKED');
  });

  it('a path that is neither a draft nor a photo', () => {
    const dir = tmpdir();
    writeFileSync(path.join(dir, 'notes.xlsx'), 'x');
    const r = smcheck(['--format', 'json', 'notes.xlsx'], dir);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out).results[0].error).toMatch(/not a draft \(\.md, \.markdown, \.txt, \.docx\) or a photo/);
  });

  it('a binary file named .md is not a draft', () => {
    const dir = tmpdir();
    writeFileSync(path.join(dir, 'x.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const r = smcheck(['x.md'], dir);
    expect(r.code).toBe(3);
    expect(r.out).toContain('x.md: is not a text file');
  });
});

describe('configuration errors stop the run with exit 2 and file:line:column', () => {
  function school(files: Record<string, string>): string {
    const dir = tmpdir();
    for (const [n, b] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, n)), { recursive: true });
      writeFileSync(path.join(dir, n), b);
    }
    writeFileSync(path.join(dir, 'post.md'), 'Hello\n');
    return dir;
  }
  const rule = (extra: string) => `id: local\nextends: pattern\nmessage: "x"\npolicy: "Be respectful."\ntokens: [x]\n${extra}`;

  it('a rule file with a YAML syntax error', () => {
    const dir = school({ 'smcheck.yml': 'rules: [rules]\n', 'rules/local.yml': rule('severity: [error\n') });
    const r = smcheck(['post.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^smcheck: rules\/local\.yml:\d+:\d+: rule is not valid YAML/);
    expect(r.out).toBe('');
  });
  it('a rule file with an unknown key', () => {
    const dir = school({ 'smcheck.yml': 'rules: [rules]\n', 'rules/local.yml': rule('sevrity: error\n') });
    const r = smcheck(['post.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe("smcheck: rules/local.yml:6:1: rule: unknown key 'sevrity' (did you mean 'severity'?)\n");
  });
  it('a rule file with an unknown extends (given with --rules)', () => {
    const dir = school({ 'more/local.yml': rule('').replace('extends: pattern', 'extends: regexp') });
    const r = smcheck(['--rules', 'more', 'post.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^smcheck: more\/local\.yml:2:10: rule: unknown check kind 'regexp'/);
  });
  it('a roster with no name column', () => {
    const dir = school({ 'smcheck.yml': 'roster: roster.csv\n', 'roster.csv': 'UPN,Year\nA1,4\n' });
    const r = smcheck(['post.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^smcheck: roster\.csv:1: the roster has no name column/);
  });
  it('a config naming a missing file', () => {
    const dir = school({ 'smcheck.yml': 'school: X\nnoPublish: data/no-publish.csv\n' });
    const r = smcheck(['post.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^smcheck: data\/no-publish\.csv: no such file \(the no-publish list named in the config\)/);
  });
  it('a --config that does not exist', () => {
    const r = smcheck(['--config', 'nope.yml', 'fixtures/drafts/harvest-festival.md']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope\.yml: config file not found/);
  });
  it('an unknown option is a usage error, with no stack trace', () => {
    const r = smcheck(['--formt', 'json', 'x.md']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option '--formt'/);
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('commands', () => {
  it('--help shows usage, options, examples and exit codes', () => {
    const r = smcheck(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: smcheck');
    expect(r.out).toContain('--format <format>');
    expect(r.out).toContain('$ smcheck draft.md photo.jpg');
    expect(r.out).toContain('Exit codes: 0 safe to post');
  });
  it('--version', () => {
    const r = smcheck(['--version']);
    expect(r.out.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
  it('rules lists every rule with severity, kind and policy line', () => {
    const r = smcheck(['rules']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/tagging\s+error\s+pattern\s+“The "tagging" function will be turned off where possible\.”/);
  });
  it('explain tagging: policy, what it catches and leaves alone, examples', () => {
    const r = smcheck(['explain', 'tagging']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('The "tagging" function will be turned off where possible.');
    expect(r.out).toContain('Catches');
    expect(r.out).toContain('Leaves alone');
    expect(r.out).toContain('✗ Thanks to @NorthantsFA for the trophies!');
    expect(r.out).toContain('✓ Thanks to the Northamptonshire FA for the trophies!');
  });
  it('explain of an unknown rule lists the known ones', () => {
    const r = smcheck(['explain', 'nope']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no rule 'nope'\. Known rules: .*tagging/);
  });
  it('init writes a config and templates, and never overwrites them', () => {
    const dir = tmpdir();
    const first = smcheck(['init'], dir);
    expect(first.code).toBe(0);
    expect(first.out).toContain('created  smcheck.yml');
    expect(first.out).toContain('created  data/roster.csv');
    writeFileSync(path.join(dir, 'smcheck.yml'), 'school: Mine\n');
    const second = smcheck(['init'], dir);
    expect(second.out).toContain('kept     smcheck.yml (already exists; not overwritten)');
    expect(readFileSync(path.join(dir, 'smcheck.yml'), 'utf8')).toBe('school: Mine\n');
  });
  it('the config init writes is valid, with its templates', () => {
    const dir = tmpdir();
    smcheck(['init'], dir);
    writeFileSync(path.join(dir, 'post.md'), 'Hello everyone\n');
    const r = smcheck(['post.md'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
  it('--fix writes draft.fixed.md and never changes the original', () => {
    const dir = tmpdir();
    copyFileSync(path.join(ROOT, 'fixtures', 'drafts', 'sports-day.md'), path.join(dir, 'post.md'));
    const before = readFileSync(path.join(dir, 'post.md'), 'utf8');
    const local = path.join(dir, 'rules');
    mkdirSync(local);
    writeFileSync(path.join(local, 'kids.yml'), 'id: kids\nextends: pattern\nmessage: "x"\npolicy: "Be respectful."\nswap: { brilliant: excellent }\n');
    const r = smcheck(['--fix', '--rules', 'rules', 'post.md'], dir);
    expect(readFileSync(path.join(dir, 'post.md'), 'utf8')).toBe(before);
    expect(r.out).toContain('Fixed copy written to post.fixed.md');
    expect(readFileSync(path.join(dir, 'post.fixed.md'), 'utf8')).toContain('excellent relay');
  });
});

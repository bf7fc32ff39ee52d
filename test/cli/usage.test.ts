/**
 * Errors in the right place and the small things users of ESLint and Vale expect (issue 15):
 * RE2 regexes checked at load, misspelt commands, --disable lists, templating, --print-config,
 * --color, docs links, init without placeholders, no CSV row of a protected list in an error.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/rule-tester.js';
import { smcheck } from '../helpers/cli.js';

const temps: string[] = [];
function tmpdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'smcheck-usage-'));
  temps.push(dir);
  for (const [n, b] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, n)), { recursive: true });
    writeFileSync(path.join(dir, n), b);
  }
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const rule = (patterns: string) => `id: mine\nextends: pattern\nmessage: "x {match}"\npolicy: "Be kind."\npatterns:\n  - ${patterns}\n`;

describe('a regex RE2 cannot run is a rule-file error at load (exit 2)', () => {
  it('a look-behind: file:line:column and what RE2 does not support', () => {
    const dir = tmpdir({ 'smcheck.yml': 'rules: [r]\n', 'r/mine.yml': rule("'(?<=Mr )Smith'"), 'p.md': 'Hello\n' });
    const r = smcheck(['p.md'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^smcheck: r\/mine\.yml:6:5: rule: 'patterns\.0': RE2\b.*does not support look-behind \(\?<=…\)/);
  });
  it('a back-reference', () => {
    const dir = tmpdir({ 'smcheck.yml': 'rules: [r]\n', 'r/mine.yml': rule("'(\\w+) \\1'"), 'p.md': 'Hello\n' });
    const r = smcheck(['p.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/r\/mine\.yml:6:5: .*back-reference/);
  });
  it('the same rule passed with --rules, and a pattern RE2 runs is fine', () => {
    const dir = tmpdir({ 'r/mine.yml': rule("'(?:^|\\W)(Smith)'"), 'bad/mine.yml': rule("'(?!x)y'"), 'p.md': 'Hello Smith\n' });
    expect(smcheck(['--rules', 'r', 'p.md'], dir).code).toBe(1);
    const bad = smcheck(['--rules', 'bad', 'p.md'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad\/mine\.yml:6:5: .*look-ahead/);
  });
});

describe('a misspelt command is a usage error with "did you mean"', () => {
  it('smcheck clena photo.jpg', () => {
    const r = smcheck(['clena', 'fixtures/drafts/photos/garden.jpg']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^smcheck: unknown command 'clena'\. Did you mean 'clean'\?/);
  });
  it('smcheck rule', () => {
    const r = smcheck(['rule']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command 'rule'\. Did you mean 'rules'\?/);
  });
  it('a real file with a command-like name is still checked', () => {
    const dir = tmpdir({ rule: 'Hello everyone\n' });
    const r = smcheck(['rule'], dir);
    expect(r.err).not.toMatch(/unknown command/);
  });
});

describe('--disable', () => {
  it('takes comma lists, repeatable', () => {
    const dir = tmpdir({ 'p.md': 'Thanks @a, doors open at 6:30pm\n' });
    expect(smcheck(['p.md'], dir).code).toBe(1);
    expect(smcheck(['--disable', 'tagging,exact-time', 'p.md'], dir).code).toBe(0);
    expect(smcheck(['--disable', 'tagging', '--disable', 'exact-time', 'p.md'], dir).code).toBe(0);
  });
  it('suggests the nearest rule id', () => {
    const dir = tmpdir({ 'p.md': 'Hi\n' });
    const r = smcheck(['--disable', 'tagging,exact-tim', 'p.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown rule id 'exact-tim' in --disable\. Did you mean 'exact-time'\?/);
  });
});

describe('templating', () => {
  it("the README's example rule fills {replacement} for swaps and never prints a placeholder", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n# rules\/local\/house-style\.yml\n(id: house-style[\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'the house-style example in README.md').toBeTruthy();
    const dir = tmpdir({ 'r/house-style.yml': example!, 'p.md': 'The kids loved it, an epic fail for the teachers, aged 7 yrs\n' });
    const r = smcheck(['--rules', 'r', '-f', 'json', 'p.md'], dir);
    const messages = JSON.parse(r.out).results[0].findings.filter((f: { rule: string }) => f.rule === 'house-style').map((f: { message: string }) => f.message);
    expect(messages).toContain("Write 'children' rather than 'kids'");
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) expect(m).not.toMatch(/\{\w+\}/);
  });
});

describe('small things', () => {
  it('--print-config: the config used, lists by count only, every rule with its severity', () => {
    const r = smcheck(['--print-config', 'fixtures/drafts/sports-day.md', '--disable', 'tagging']);
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.out);
    expect(cfg.file).toBe('fixtures/smcheck.yml');
    expect(cfg.noPublish).toBe(2);
    expect(cfg.rules['no-publish']).toMatchObject({ severity: 'error', kind: 'names', protected: true });
    expect(cfg.rules.tagging.severity).toBe('off');
    expect(cfg.settings.classes).toContain('Oak');
    expect(r.out).not.toMatch(/Marsh|Thompson/);
  });

  it('--color forces colour into a pipe; --no-color and NO_COLOR turn it off', () => {
    const on = smcheck(['--color', 'fixtures/drafts/harvest-festival.md'], ROOT, { NO_COLOR: undefined });
    expect(on.out).toContain('\u001b[');
    const off = smcheck(['--no-color', 'fixtures/drafts/harvest-festival.md'], ROOT, { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(off.out).not.toContain('\u001b[');
  });

  it('init writes no placeholder link', () => {
    const dir = tmpdir();
    expect(smcheck(['init'], dir).code).toBe(0);
    const cfg = readFileSync(path.join(dir, 'smcheck.yml'), 'utf8');
    expect(cfg).not.toMatch(/https?:\/\/(github\.com\/?\s|example)/);
    expect(cfg).not.toMatch(/https?:\/\//);
  });

  it('a header-less no-publish or consent list: the error never prints a row', () => {
    const np = tmpdir({ 'smcheck.yml': 'noPublish: np.csv\n', 'np.csv': 'Zara,Quill,4 Oak\n', 'p.md': 'Hi\n' });
    const r = smcheck(['p.md'], np);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/np\.csv:1: the no-publish list has no name column/);
    expect(r.err).not.toMatch(/Zara|Quill/);
    const consent = tmpdir({ 'smcheck.yml': 'consent: c.csv\n', 'c.csv': 'Zara,Quill,Yes\n', 'p.md': 'Hi\n' });
    const c = smcheck(['p.md'], consent);
    expect(c.code).toBe(2);
    expect(c.err).not.toMatch(/Zara|Quill/);
  });
});

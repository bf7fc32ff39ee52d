/**
 * The text and JSON reports as a person and a tool see them (issues 15, 13.5–6, 10): the built
 * binary spawned on real fixtures. Merged blocks and groups, the config line, closing lines and
 * the verdict table, wrapping, control characters, protected rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import stringWidth from 'string-width';
import { ROOT } from '../helpers/rule-tester.js';
import { smcheck } from '../helpers/cli.js';

const temps: string[] = [];

function tmpdir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'smcheck-report-'));
  temps.push(dir);
  for (const [n, b] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, n)), { recursive: true });
    writeFileSync(path.join(dir, n), b);
  }
  return dir;
}

const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const valid = (report: unknown): boolean => {
  const ok = validate(report);
  if (!ok) console.error(validate.errors);
  return Boolean(ok);
};

beforeAll(() => {
  expect(existsSync(path.join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first').toBe(true);
});
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const SPORTS = ['fixtures/drafts/sports-day.md'];

describe('one block per problem (issue 15)', () => {
  it('a full name beside a photo: one block naming both rules, one policy line, no "Instead: Amelia"', () => {
    const r = smcheck(SPORTS);
    expect(r.code).toBe(1);
    const block = r.out.slice(r.out.indexOf('  7:14'), r.out.indexOf('  7:70'));
    expect(block.match(/^ {2}7:14 /gm)).toHaveLength(1);
    expect(block).toContain('name-with-image, pupil-surname');
    expect(block).toContain("never post a pupil's name with an image");
    // pupil-surname's own message ("use the first name only") would contradict it
    expect(block).not.toContain('use the first name only');
    expect(block.match(/Policy:/g)).toHaveLength(1);
    expect(block).not.toMatch(/Instead: Amelia\b/);
    expect(block).toContain("Instead: (remove it) — 'Amelia' (pupil-surname) would still break name-with-image");
    expect(block).toContain('docs/rules/name-with-image.md');
    expect(block).toContain('docs/rules/pupil-surname.md');
  });

  it('a rewrite that removes the name is kept ("the twins" for "Patel")', () => {
    const r = smcheck(SPORTS);
    const block = r.out.slice(r.out.indexOf('  7:70'), r.out.indexOf('  8:18'));
    expect(block).toContain('Instead: the twins');
  });

  it('two policy lines are each quoted once; a people tag and its name-with-image are one block', () => {
    const r = smcheck(SPORTS);
    const leo = r.out.slice(r.out.indexOf('  8:18'), r.out.indexOf('  10:3'));
    expect(leo.match(/Policy:/g)).toHaveLength(2);
    expect(leo).toContain("is on the school's no-publish list");
    const photo = r.out.slice(r.out.indexOf('  photo'));
    expect(photo.match(/^ {2}photo /gm)).toHaveLength(1);
    expect(photo).toContain('image-metadata, name-with-image');
  });

  it('the closing line counts problems as blocks, and the JSON keeps one finding per rule with a shared group', () => {
    const text = smcheck(SPORTS);
    expect(text.out).toMatch(/FAIL: 6 problems to fix before posting\.\n$/);
    const r = smcheck(['--format', 'json', ...SPORTS]);
    const report = JSON.parse(r.out);
    expect(valid(report)).toBe(true);
    const findings = report.results[0].findings as { rule: string; line?: number; column?: number; group: number; docs?: string; file: string }[];
    // 11: pupil-surname also reports the full name stored in the photo (issue 10)
    expect(findings).toHaveLength(11);
    const amelia = findings.filter((f) => f.line === 7 && f.column === 14);
    expect(amelia.map((f) => f.rule).sort()).toEqual(['name-with-image', 'pupil-surname']);
    expect(amelia[0].group).toBe(amelia[1].group);
    const patel = findings.filter((f) => f.line === 7 && f.column === 70);
    expect(patel[0].group).toBe(patel[1].group);
    expect(patel[0].group).not.toBe(amelia[0].group);
    const photo = findings.filter((f) => f.line === undefined);
    expect(photo.map((f) => f.rule).sort()).toEqual(['image-metadata', 'name-with-image', 'pupil-surname']);
    expect(photo[0].group).toBe(photo[1].group);
    expect(new Set(findings.map((f) => f.group)).size).toBe(6);
    for (const f of findings) expect(f.docs).toBe(path.join(ROOT, 'docs', 'rules', `${f.rule}.md`));
  });
});

describe('which config and lists were used (issue 10)', () => {
  it('the text report starts with the config and its counts, never a name', () => {
    const r = smcheck(SPORTS);
    expect(r.out.split('\n')[0]).toBe('fixtures/smcheck.yml (South End Junior School (sample)): 30 pupils, 4 staff, 2 on the no-publish list, consent for 30.');
    expect(r.out).not.toMatch(/Marsh|Thompson/);
  });

  it('the JSON report carries the same under config', () => {
    const report = JSON.parse(smcheck(['--format', 'json', ...SPORTS]).out);
    expect(report.config).toEqual([
      { file: 'fixtures/smcheck.yml', pupils: 30, staff: 4, noPublish: 2, consent: 30, disabled: [], replaced: [], school: 'South End Junior School (sample)' },
    ]);
  });

  it('a consent list is counted', () => {
    const dir = tmpdir({
      'smcheck.yml': 'roster: r.csv\nconsent: c.csv\n',
      'r.csv': 'Forename,Surname\nAmy,Able\nBen,Best\n',
      'c.csv': 'Forename,Surname,Photos\nAmy,Able,Yes\nBen,Best,No\n',
      'p.md': 'Hello\n',
    });
    const r = smcheck(['p.md'], dir);
    expect(r.out.split('\n')[0]).toBe('smcheck.yml: 2 pupils, 0 staff, 0 on the no-publish list, consent for 2.');
    expect(JSON.parse(smcheck(['-f', 'json', 'p.md'], dir).out).config[0].consent).toBe(2);
  });

  it('with no config: a notice that names were found by language analysis only, and how to set up', () => {
    const dir = tmpdir({ 'p.md': 'A lovely day at the seaside.\n' });
    const r = smcheck(['p.md'], dir);
    expect(r.out.split('\n')[0]).toMatch(/^No smcheck\.yml found: pupils' names were looked for by language analysis only.*Run 'smcheck init'/);
    expect(r.out).toContain('PASS: safe to post.');
    const report = JSON.parse(smcheck(['-f', 'json', 'p.md'], dir).out);
    expect(valid(report)).toBe(true);
    expect(report.config[0].file).toBeNull();
    expect(report.config[0].notice).toMatch(/language analysis only/);
  });
});

describe('the closing line and the verdict table', () => {
  it('a folder run: a verdict table, failing drafts first, then the totals', () => {
    const r = smcheck(['fixtures/drafts']);
    const table = r.out.slice(r.out.indexOf('VERDICT'));
    const rows = table.split('\n').slice(1).filter((l) => /^(PASS|FAIL|NOT CHECKED)\s/.test(l));
    expect(rows.length).toBe(8);
    const firstPass = rows.findIndex((l) => l.startsWith('PASS'));
    expect(rows.slice(firstPass).every((l) => l.startsWith('PASS'))).toBe(true);
    expect(rows.find((l) => l.includes('sports-day.md'))).toMatch(/^FAIL\s+6\s+0\s+fixtures\/drafts\/sports-day\.md$/);
    expect(r.out).toMatch(/8 drafts checked: 2 safe to post, 6 need changes\.\nFAIL: \d+ problems to fix before posting\. Also \d+ warnings? worth a look\.\n$/);
  });

  it('an unreadable input never ends "FAIL: 0 problems"; it is NOT CHECKED, listed first', () => {
    const r = smcheck(['fixtures/drafts/harvest-festival.md', 'nope.md']);
    expect(r.code).toBe(3);
    expect(r.out).not.toMatch(/0 problems/);
    expect(r.out).toMatch(/VERDICT.*\nNOT CHECKED\s+0\s+0\s+nope\.md\nPASS/);
    expect(r.out).toMatch(/NOT CHECKED: 1 input could not be read; do not post it until checked\.\n$/);
  });

  it('photos checked on their own are counted as photos, not drafts', () => {
    const r = smcheck(['fixtures/drafts/photos/garden.jpg', 'fixtures/drafts/photos/harvest-table.jpg']);
    expect(r.out).toMatch(/2 photos checked: /);
    expect(r.out).toMatch(/fixtures\/drafts\/photos\/garden\.jpg \(photo\)/);
    const one = smcheck(['fixtures/drafts/photos/garden.jpg']);
    expect(one.out).not.toMatch(/drafts? checked/);
    expect(one.out).toMatch(/\nFAIL: \d+ problems? to fix before posting\./);
  });

  it('a pass with warnings says so', () => {
    const dir = tmpdir({ 'p.md': '<!-- smcheck-disable-next-line tagging -->\n@a\n' });
    const r = smcheck(['p.md'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/PASS: safe to post\. 1 warning worth a look\.\n$/);
  });
});

describe('wrapping to the terminal width', () => {
  for (const cols of [60, 100]) {
    it(`at ${cols} columns: no line is wider, no word is broken, the underline stays under its word`, () => {
      const r = smcheck(SPORTS, ROOT, { COLUMNS: String(cols) });
      const lines = r.out.split('\n');
      for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(cols);
      // every word of the messages is whole: the words of the draft's report unwrapped are the same
      const flat = smcheck(SPORTS).out;
      const words = (s: string) => s.replace(/[│^…]/g, ' ').split(/\s+/).filter((w) => /^[A-Za-z']{4,}$/.test(w));
      const all = new Set(words(flat));
      for (const w of words(r.out)) expect(all.has(w), `'${w}' is a broken word`).toBe(true);
      // each underline sits under the span it names
      for (let i = 1; i < lines.length; i++) {
        const m = /^( {10}│ )( *)(\^+)$/.exec(lines[i]);
        if (!m) continue;
        const src = lines[i - 1].slice(m[1].length);
        const under = Array.from(src).slice(m[2].length, m[2].length + m[3].length).join('');
        expect(['Amelia Hughes', 'Patel', 'Leo', 'Amelia', '@NorthantsAthletics']).toContain(under);
      }
    });
  }
});

describe('control characters never reach the terminal raw (issue 13.6)', () => {
  it('ESC and BEL in a draft and its file name are shown as visible symbols', () => {
    const name = 'evil\u001b]0;pwned\u0007.md';
    const dir = tmpdir({ [name]: 'Thanks @a \u001b[2J\u0007 for coming\n' });
    const r = smcheck([name], dir);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(r.out).toContain('evil␛]0;pwned␇.md');
    expect(r.out).toContain('Thanks @a ␛[2J␇ for coming');
    const json = smcheck(['-f', 'json', name], dir);
    expect(json.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(JSON.parse(json.out).results[0].draft).toBe(name);
  });

  it('an error naming a file with control characters is escaped too', () => {
    const dir = tmpdir({});
    const r = smcheck(['--config', 'x\u001b[31m.yml', 'p.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\u001b/);
    expect(r.err).toContain('x␛[31m.yml');
  });
});

describe('no-publish is protected (issue 15 small things, issue 13.5)', () => {
  const school = {
    'smcheck.yml': 'roster: r.csv\nnoPublish: np.csv\n',
    'r.csv': 'Forename,Surname\nZara,Quill\nAmy,Able\n',
    'np.csv': 'Forename,Surname\nZara,Quill\n',
  };

  it('a bare smcheck-disable does not switch off no-publish; naming it does', () => {
    const dir = tmpdir({
      ...school,
      'bare.md': '<!-- smcheck-disable -- checked -->\nWell done Zara Quill\n',
      'named.md': '<!-- smcheck-disable no-publish, pupil-surname -- parent asked us to -->\nWell done Zara Quill\n',
    });
    const bare = smcheck(['-f', 'json', 'bare.md'], dir);
    expect(bare.code).toBe(1);
    const res = JSON.parse(bare.out).results[0];
    expect(res.findings.map((f: { rule: string }) => f.rule)).toContain('no-publish');
    expect(res.findings.some((f: { rule: string; message: string }) => f.rule === 'suppression' && /names no rule does not switch off 'no-publish'/.test(f.message))).toBe(true);
    const named = smcheck(['-f', 'json', 'named.md'], dir);
    expect(JSON.parse(named.out).results[0].findings.filter((f: { rule: string }) => f.rule === 'no-publish')).toEqual([]);
  });

  it('a rule folder cannot replace no-publish (exit 2, says how to switch it off)', () => {
    const dir = tmpdir({
      ...school,
      'smcheck.yml': 'roster: r.csv\nnoPublish: np.csv\nrules: [mine]\n',
      'mine/no-publish.yml': 'id: no-publish\nextends: pattern\nmessage: "x"\npolicy: "p"\ntokens: [nothing-matches-this]\n',
      'p.md': 'Well done Zara\n',
    });
    const r = smcheck(['p.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^smcheck: mine\/no-publish\.yml: rule 'no-publish' has the id of a built-in rule that a rule folder cannot replace.*disable: \[no-publish\]/);
  });

  it('a user rule replacing a built-in one is named in the report header, the JSON and smcheck rules', () => {
    const dir = tmpdir({
      'smcheck.yml': 'rules: [mine]\n',
      'mine/tagging.yml': 'id: tagging\nextends: pattern\nmessage: "no tags: {match}"\npolicy: "No tagging."\npatterns: ["@\\\\w+"]\n',
      'p.md': 'Hello @bob\n',
    });
    const r = smcheck(['p.md'], dir);
    expect(r.out).toContain("Your rule mine/tagging.yml replaces the built-in rule 'tagging'.");
    const report = JSON.parse(smcheck(['-f', 'json', 'p.md'], dir).out);
    expect(valid(report)).toBe(true);
    expect(report.config[0].replaced).toEqual([{ rule: 'tagging', by: 'mine/tagging.yml' }]);
    const rules = smcheck(['rules'], dir);
    expect(rules.out).toMatch(/tagging .*replaces the built-in rule/);
  });
});

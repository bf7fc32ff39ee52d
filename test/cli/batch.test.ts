/**
 * Batches end to end (issue 16): the built binary on folders, with and without worker threads.
 * Stable order whatever the scheduling, streamed JSON that parses and validates, SARIF valid
 * against the SARIF 2.1.0 schema, the HTML report escaped, inputs that cannot be checked
 * reported (exit 3), and a 10,000-draft run whose peak memory stays under the target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { ROOT } from '../helpers/rule-tester.js';
// @ts-expect-error: a plain .mjs script without types
import { makeCorpus } from '../../scripts/make-corpus.mjs';

const BIN = path.join(ROOT, 'bin', 'smcheck.js');
const MAX_RSS = path.join(ROOT, 'test', 'helpers', 'max-rss.mjs');

function smcheck(args: string[], cwd = ROOT, env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const temps: string[] = [];
function tmpdir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'smcheck-batch-'));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

beforeAll(() => {
  expect(existsSync(path.join(ROOT, 'dist', 'worker.js')), 'run `npm run build` first').toBe(true);
});

const reportSchema = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(path.join(ROOT, 'docs', 'report.schema.json'), 'utf8')));
const sarifSchema = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, logger: false }).compile(
  JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')),
);

describe('order and streaming', () => {
  it('the same report, in the same order, with 3 worker threads as in one thread (text and JSON)', () => {
    const one = smcheck(['fixtures/drafts'], ROOT, { SMCHECK_WORKERS: '0' });
    const three = smcheck(['fixtures/drafts'], ROOT, { SMCHECK_WORKERS: '3' });
    expect(one.code).toBe(1);
    expect(three.code).toBe(1);
    expect(three.out).toBe(one.out);
    const j1 = smcheck(['--format', 'json', 'fixtures/drafts'], ROOT, { SMCHECK_WORKERS: '0' });
    const j3 = smcheck(['--format', 'json', 'fixtures/drafts'], ROOT, { SMCHECK_WORKERS: '3' });
    expect(j3.out).toBe(j1.out);
  });

  it('streamed JSON parses, validates against docs/report.schema.json and keeps the walk order', () => {
    const dir = tmpdir();
    makeCorpus(dir, { drafts: 45, seed: 3 });
    const r = smcheck(['--format', 'json', '.'], dir, { SMCHECK_WORKERS: '2' });
    expect(r.err).toBe('');
    const report = JSON.parse(r.out);
    expect(reportSchema(report), JSON.stringify(reportSchema.errors)).toBe(true);
    const drafts = report.results.map((x: { draft: string }) => x.draft);
    expect(drafts).toHaveLength(45);
    expect(drafts).toEqual([...drafts].sort());
    // A third of the drafts have a photo named after them, paired by name.
    expect(report.results.filter((x: { images: string[] }) => x.images.length === 1)).toHaveLength(15);
    expect(report.summary.drafts).toBe(45);
    expect(report.summary.passed + report.summary.failed + report.summary.errored).toBe(45);
    expect(r.code).toBe(report.summary.failed ? 1 : 0);
  });

  it('a batch ends with the summary: counts, rules most broken, worst first', () => {
    const r = smcheck(['fixtures/drafts']);
    expect(r.out).toMatch(/Rules most broken:\n {2}\S+ +\d+ drafts?, \d+ findings?/);
    // The verdict table: failing drafts worst first, then the ones that passed.
    expect(r.out).toMatch(/VERDICT +ERRORS +WARNINGS +INPUT\nFAIL +6 +0 +fixtures\/drafts\/sports-day\.md\nFAIL +3 +3 +fixtures\/drafts\/garden-trip\.md\n/);
    expect(r.out).toMatch(/PASS +0 +0 +fixtures\/drafts\/office-hours\.txt\n\n8 drafts checked: 2 safe to post, 6 need changes\.\nFAIL:/);
    // No progress bar when stderr is not a terminal.
    expect(r.err).toBe('');
  });
});

describe('inputs that cannot be checked are reported, exit 3', () => {
  it('a symlinked draft and a folder named x.jpg in a walked folder', () => {
    const dir = tmpdir();
    writeFileSync(path.join(dir, 'ok.md'), 'A lovely day.\n');
    mkdirSync(path.join(dir, 'x.jpg'));
    mkdirSync(path.join(dir, 'elsewhere'));
    writeFileSync(path.join(dir, 'elsewhere', 'real.md'), 'Another lovely day.\n');
    symlinkSync(path.join(dir, 'elsewhere', 'real.md'), path.join(dir, 'linked.md'));
    const r = smcheck(['--format', 'json', '.'], dir);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.out);
    const byDraft = Object.fromEntries(report.results.map((x: { draft: string; status: string; error?: string }) => [x.draft, x]));
    expect(byDraft['ok.md'].status).toBe('pass');
    expect(byDraft['linked.md']).toMatchObject({ status: 'error', error: expect.stringMatching(/symbolic link/) });
    expect(byDraft['x.jpg']).toMatchObject({ status: 'error', error: expect.stringMatching(/is a folder, not a photo/) });
  });
});

describe('images given as web addresses', () => {
  it('a data: image makes the draft not checked (exit 3); a remote image is a warning that it was not checked', () => {
    const dir = tmpdir();
    writeFileSync(path.join(dir, 'a.md'), '# Hi\n\n![a](data:image/png;base64,iVBORw0KGgo=)\n');
    writeFileSync(path.join(dir, 'b.md'), 'Hi\n\n![b](https://example.com/x.jpg)\n');
    const r = smcheck(['--format', 'json', 'a.md', 'b.md'], dir);
    expect(r.code).toBe(3);
    const [a, b] = JSON.parse(r.out).results;
    expect(a).toMatchObject({ status: 'error', error: expect.stringMatching(/^a\.md:3: an image is embedded in the draft as data:/) });
    expect(b.status).toBe('pass');
    expect(b.findings).toEqual([expect.objectContaining({ rule: 'remote-image', severity: 'warning', line: 3, message: expect.stringMatching(/https:\/\/example\.com\/x\.jpg is on another website and was not checked/) })]);
  });
});

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema, with regions for text and the photo for photo findings', () => {
    const dir = tmpdir();
    const out = path.join(dir, 'report.sarif');
    const r = smcheck(['--format', 'sarif', '-o', out, 'fixtures/drafts', 'no-such-draft.md']);
    expect(r.code).toBe(3);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarifSchema(log), JSON.stringify(sarifSchema.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0].results;
    const surname = results.find((x: { ruleId: string }) => x.ruleId === 'pupil-surname');
    expect(surname.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'fixtures/drafts/sports-day.md', uriBaseId: 'SRCROOT' }, region: { startLine: 7, startColumn: 14, endLine: 7, endColumn: 27 } });
    const gps = results.find((x: { ruleId: string }) => x.ruleId === 'image-location');
    expect(gps.locations[0].physicalLocation.artifactLocation.uri).toBe('fixtures/drafts/photos/garden.jpg');
    expect(results.find((x: { ruleId: string }) => x.ruleId === 'not-checked')).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'no-such-draft.md' } } }] });
    expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('pupil-surname');
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
  });
});

describe('HTML report', () => {
  it('is one file with the summary, a card per draft, every piece of a draft escaped', () => {
    const dir = tmpdir();
    writeFileSync(path.join(dir, 'evil.md'), '# Hello <script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> Amelia Hughes at 6pm & more\n');
    copyFileSync(path.join(ROOT, 'fixtures', 'drafts', 'photos', 'garden.jpg'), path.join(dir, 'evil-<b>1.jpg'));
    copyFileSync(path.join(ROOT, 'fixtures', 'smcheck.yml'), path.join(dir, 'smcheck.yml'));
    cpSync(path.join(ROOT, 'fixtures', 'data'), path.join(dir, 'data'), { recursive: true });
    const r = smcheck(['--format', 'html', '-o', 'report.html', '.'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).toContain('evil-&lt;b&gt;1.jpg');
    expect(html).toMatch(/<mark class="error" title="[^"]*">Amelia Hughes<\/mark>/);
    expect(html).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+" alt="evil-&lt;b&gt;1\.jpg">/);
    expect(html).toMatch(/<section class="summary"><h1>1 draft checked<\/h1>/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe('memory stays flat', () => {
  // The pipeline (walk, pool, streaming, counters) on 10,000 short drafts with the sample school's
  // config and the text rules that need no language model, so the test stays quick: the bench
  // measures peak memory with every rule on the full corpus (500 / 2,000 / 10,000 drafts).
  const LIGHT = ['--disable', 'negative-tone', '--disable', 'pupil-surname', '--disable', 'name-with-image', '--disable', 'no-publish', '--disable', 'missing-attribution'];
  const peak = (n: number): number => {
    const dir = tmpdir();
    makeCorpus(dir, { drafts: n, seed: 10, photos: false, words: [20, 60] });
    const out = path.join(dir, 'report.json');
    const r = smcheck(['--format', 'json', '-o', out, ...LIGHT, '.'], dir, { SMCHECK_WORKERS: '2' }, ['--import', MAX_RSS]);
    expect(r.code === 0 || r.code === 1, r.err).toBe(true);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.summary.drafts).toBe(n);
    expect(report.results).toHaveLength(n);
    rmSync(dir, { recursive: true, force: true });
    return Number(/smcheck-max-rss: (\d+)/.exec(r.err)?.[1]) / 1024;
  };

  it('10,000 drafts: peak memory of the whole run (all threads) under 200 MB', () => {
    const big = peak(10_000);
    console.log(`peak RSS, 10,000 drafts: ${big.toFixed(0)} MB`);
    expect(big).toBeGreaterThan(0);
    expect(big).toBeLessThan(200);
  }, 600_000);
});

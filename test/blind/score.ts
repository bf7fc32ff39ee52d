/**
 * Blind-test scoring: run smcheck (the real check command, in-process, JSON report) over
 * test/blind/posts and match its findings to test/blind/expected.json.
 *
 * Matching: a finding matches an expected entry of the same rule when
 *  - both are about the draft's text and their spans overlap (the expected excerpt is located in
 *    the draft's source, occurrence by occurrence, so two "Hope"s are two places), or
 *  - both are about the same photo (expected `file`, the finding's `file` is that photo).
 * A finding is a true positive if it matches a required expectation, ignored if it only matches
 * an optional one, else a false positive. A required expectation no finding matches is a miss.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../../src/cli/check.js';
import type { Report } from '../../src/types.js';

export const BLIND = path.dirname(fileURLToPath(import.meta.url));
export const POSTS = path.join(BLIND, 'posts');

export interface Expected {
  rule: string;
  excerpt?: string;
  file?: string;
  optional?: boolean;
}
interface Span { start: number; end: number }
export interface Outcome {
  post: string;
  rule: string;
  kind: 'tp' | 'fp' | 'fn';
  text: string;
  line?: number;
}
export interface Row { rule: string; tp: number; fp: number; fn: number; p: number; r: number }

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) s.push(i + 1);
  return s;
}

/**
 * Locate each expected excerpt in the source: the first occurrence not yet used by the same rule.
 * A space in an excerpt matches any run of white space (an excerpt may run over a line break).
 */
function locate(source: string, exp: Expected[]): (Span | undefined)[] {
  const used = new Map<string, number[]>();
  return exp.map((e) => {
    if (!e.excerpt || e.file) return undefined;
    const taken = used.get(e.rule) ?? [];
    const re = new RegExp(e.excerpt.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
    for (const m of source.matchAll(re)) {
      if (taken.includes(m.index)) continue;
      taken.push(m.index);
      used.set(e.rule, taken);
      return { start: m.index, end: m.index + m[0].length };
    }
    throw new Error(`expected excerpt not in the post: ${JSON.stringify(e.excerpt)}`);
  });
}

export async function runBlind(): Promise<Report> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'smcheck-blind-'));
  const out = path.join(dir, 'report.json');
  try {
    const root = path.resolve(BLIND, '../..');
    await runCheck([path.relative(root, POSTS)], { format: 'json', output: out, rules: [], disable: [] }, root);
    return JSON.parse(readFileSync(out, 'utf8')) as Report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function score(report: Report, expected: Record<string, Expected[]>) {
  const outcomes: Outcome[] = [];
  const posts = readdirSync(POSTS).filter((f) => /\.(md|txt)$/.test(f)).sort();
  const seen = new Set<string>();
  for (const post of posts) {
    const exp = expected[post];
    if (!exp) throw new Error(`no expectations for ${post}`);
    const result = report.results.find((r) => path.basename(r.draft) === post);
    if (!result) throw new Error(`no result for ${post}`);
    if (result.status === 'error') throw new Error(`${post}: ${result.error}`);
    seen.add(post);
    const source = readFileSync(path.join(POSTS, post), 'utf8');
    const starts = lineStarts(source);
    const spans = locate(source, exp);
    const found = exp.map(() => false);
    for (const f of result.findings) {
      if (f.rule === 'suppression') continue;
      const onPhoto = path.basename(f.file) !== post;
      let fspan: Span | undefined;
      if (!onPhoto && f.line !== undefined) {
        const s = starts[f.line - 1] + (f.column ?? 1) - 1;
        const e = f.endLine !== undefined ? starts[f.endLine - 1] + (f.endColumn ?? 1) - 1 : s + (f.excerpt?.length ?? 1);
        fspan = { start: s, end: Math.max(e, s + 1) };
      }
      let required = false;
      let optional = false;
      exp.forEach((e, i) => {
        if (e.rule !== f.rule) return;
        let hit = false;
        if (e.file) hit = onPhoto && path.basename(f.file) === path.basename(e.file);
        else if (fspan && spans[i]) hit = fspan.start < spans[i]!.end && spans[i]!.start < fspan.end;
        if (!hit) return;
        if (e.optional) optional = true;
        else {
          required = true;
          found[i] = true;
        }
      });
      const text = onPhoto ? `${path.basename(f.file)}: ${f.excerpt ?? f.message}` : (f.excerpt ?? f.message);
      if (required) outcomes.push({ post, rule: f.rule, kind: 'tp', text, line: f.line });
      else if (!optional) outcomes.push({ post, rule: f.rule, kind: 'fp', text, line: f.line });
    }
    exp.forEach((e, i) => {
      if (!e.optional && !found[i]) outcomes.push({ post, rule: e.rule, kind: 'fn', text: e.file ? `${e.file}` : e.excerpt! });
    });
  }
  for (const k of Object.keys(expected)) if (!seen.has(k)) throw new Error(`expectations for a missing post: ${k}`);

  // Recall counts expectations; precision counts findings (a range reported in two pieces is two true positives).
  const rules = [...new Set([...Object.values(expected).flat().map((e) => e.rule), ...outcomes.map((o) => o.rule)])].sort();
  const rows: Row[] = rules.map((rule) => {
    const mine = outcomes.filter((o) => o.rule === rule);
    const tp = mine.filter((o) => o.kind === 'tp').length;
    const fp = mine.filter((o) => o.kind === 'fp').length;
    const fn = mine.filter((o) => o.kind === 'fn').length;
    const expectedFound = Object.values(expected).flat().filter((e) => e.rule === rule && !e.optional).length - fn;
    return { rule, tp, fp, fn, p: tp + fp ? tp / (tp + fp) : 1, r: expectedFound + fn ? expectedFound / (expectedFound + fn) : 1 };
  });
  const all = rows.reduce((a, r) => ({ tp: a.tp + r.tp, fp: a.fp + r.fp, fn: a.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });
  const expTotal = Object.values(expected).flat().filter((e) => !e.optional).length;
  const total: Row = { rule: 'ALL', ...all, p: all.tp / Math.max(1, all.tp + all.fp), r: (expTotal - all.fn) / Math.max(1, expTotal) };
  // Post level: a post with expected errors must fail, a clean post must pass.
  let postsOk = 0;
  const postRows: string[] = [];
  for (const post of posts) {
    const result = report.results.find((r) => path.basename(r.draft) === post)!;
    const shouldFail = expected[post].some((e) => !e.optional);
    const ok = shouldFail === (result.status === 'fail');
    if (ok) postsOk++;
    else postRows.push(`${post}: expected ${shouldFail ? 'FAIL' : 'PASS'}, got ${result.status.toUpperCase()}`);
  }
  return { rows, total, outcomes, posts: posts.length, postsOk, postRows };
}

export function table(rows: Row[], total: Row): string {
  const pct = (x: number) => (x * 100).toFixed(0).padStart(4) + '%';
  const lines = [`${'rule'.padEnd(20)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}     P     R`];
  for (const r of [...rows, total]) lines.push(`${r.rule.padEnd(20)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)} ${pct(r.p)} ${pct(r.r)}`);
  return lines.join('\n');
}

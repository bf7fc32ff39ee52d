/**
 * The blind test: the whole product (the check command, folder batch, JSON report) over 153
 * hand-written posts judged before smcheck was run on them (see README.md). Prints per-rule
 * precision and recall; the floors are the measured numbers, so a regression fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BLIND, runBlind, score, table, type Expected } from './score.js';

const expected = JSON.parse(readFileSync(path.join(BLIND, 'expected.json'), 'utf8')) as Record<string, Expected[]>;

// Floors: [precision, recall] per rule, as measured (rounded down), so a regression fails.
// Batches 1-3 (125 posts) before the blind-test fixes (code at a43cde9): ALL P 0.89 R 0.93, 111/125
// verdicts; after them: P 0.93 R 0.96, 119/125. Batch 4 (28 posts, held out, first run): P 0.95
// R 1.00, 27/28. All 153 posts now: P 0.96 R 0.97, 148/153 (see test/blind/README.md).
// no-publish R 0.83 -> 1.00 after the names fix for doubtful first names (a caption naming Leo);
// name-with-image R 0.86 -> 1.00 (alt text 'Summer arranging...', 'will and freya'): ALL R 1.00, 149/153;
// pupil-surname P 0.85 -> 1.00 (C.S. Lewis, Howard Carter, Robinson Crusoe): ALL P 0.98, 152/153.
// Raise a floor when a fix lifts a number; never lower one to make a change pass.
const FLOORS: Record<string, [number, number]> = {
  'exact-time': [0.97, 1],
  'image-location': [1, 1],
  'image-metadata': [0.93, 1],
  'missing-attribution': [1, 1],
  'name-with-image': [1, 1],
  'negative-tone': [1, 1],
  'no-publish': [1, 1],
  'pupil-surname': [1, 1],
  tagging: [1, 1],
  ALL: [0.98, 1],
};
const POSTS_RIGHT = 153; // c21 (a past-tense report of a time) passes since exact-time pastReports

describe('blind test (test/blind/posts)', () => {
  let s: ReturnType<typeof score>;
  beforeAll(async () => {
    s = score(await runBlind(), expected);
    const lines = [table(s.rows, s.total), `posts judged right (pass/fail): ${s.postsOk}/${s.posts}`];
    for (const o of s.outcomes.filter((x) => x.kind !== 'tp')) lines.push(`  ${o.kind.toUpperCase()} ${o.rule.padEnd(20)} ${o.post}${o.line ? `:${o.line}` : ''}  ${JSON.stringify(o.text)}`);
    for (const p of s.postRows) lines.push(`  POST ${p}`);
    console.log(lines.join('\n'));
  }, 120_000);

  it('every post was checked and every expectation is in its post', () => {
    expect(s.posts).toBe(Object.keys(expected).length);
  });

  it(`at least ${POSTS_RIGHT} posts get the right verdict (PASS/FAIL)`, () => {
    expect(s.postsOk).toBeGreaterThanOrEqual(POSTS_RIGHT);
  });

  for (const [rule, [p, r]] of Object.entries(FLOORS)) {
    it(`${rule}: precision >= ${p}, recall >= ${r}`, () => {
      const row = rule === 'ALL' ? s.total : s.rows.find((x) => x.rule === rule);
      expect(row, rule).toBeDefined();
      expect(row!.p).toBeGreaterThanOrEqual(p);
      expect(row!.r).toBeGreaterThanOrEqual(r);
    });
  }
});

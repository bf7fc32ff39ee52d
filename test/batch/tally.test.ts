/** The batch summary kept as counters (src/engine/tally.ts) and its text form. */
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import type { DraftResult, Finding } from '../../src/types.js';
import { Tally } from '../../src/engine/tally.js';
import { batchLines } from '../../src/report/stream.js';

const f = (rule: string, severity: Finding['severity'] = 'error'): Finding => ({ rule, severity, message: 'm', policy: 'p', file: 'x.md', line: 1, column: 1 });
const r = (draft: string, status: DraftResult['status'], findings: Finding[]): DraftResult => ({ draft, images: [], status, findings, suppressions: [] });

describe('Tally', () => {
  const t = new Tally(3);
  t.add(r('a.md', 'pass', [f('exact-time', 'warning')]));
  t.add(r('b.md', 'fail', [f('pupil-surname'), f('pupil-surname'), f('exact-time')]));
  t.add(r('c.md', 'fail', [f('exact-time')]));
  t.add(r('d.md', 'error', []));
  t.add(r('e.md', 'fail', [f('tagging'), f('exact-time'), f('pupil-surname'), f('no-publish')]));
  t.add(r('f.md', 'fail', [f('tagging', 'warning')]));
  const out = t.result();

  it('counts drafts checked, passed, failed, not checked and findings by severity', () => {
    expect(out.summary).toEqual({ drafts: 6, passed: 1, failed: 4, errored: 1, findings: { error: 8, warning: 2, info: 0 } });
  });

  it('the rules most broken: by drafts with an error, then by problems', () => {
    expect(out.rules.map((x) => [x.rule, x.drafts, x.findings])).toEqual([
      ['exact-time', 3, 3], ['pupil-surname', 2, 3], ['no-publish', 1, 1], ['tagging', 1, 1],
    ]);
  });

  it('the failing drafts, worst first (not checked first, then most errors), only the worst kept', () => {
    expect(out.worst.map((w) => w.draft)).toEqual(['d.md', 'e.md', 'b.md']);
    expect(out.worst[2]).toMatchObject({ errors: 3, warnings: 0, rules: ['pupil-surname', 'exact-time'] });
  });

  it('is printed after a batch', () => {
    const text = batchLines(out, new Chalk({ level: 0 }), { worst: true }).join('\n');
    expect(text).toContain('Rules most broken:\n  exact-time             3 drafts, 3 findings');
    expect(text).toContain('Worst first (3 of 5):\n  NOT CHECKED  d.md  could not be read');
    expect(text).toContain('FAIL  e.md  4 problems (exact-time, no-publish, pupil-surname)');
  });
});

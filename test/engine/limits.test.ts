/**
 * User patterns cannot hang a run or flood a report (issue 13 point 4): RE2 runs them in linear
 * time, the search stops past the cap, and at most MAX_FINDINGS_PER_RULE findings per rule and
 * draft are listed, errors first, with one note for the rest.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadRuleFile } from '../../src/engine/rules.js';
import { checkDraft } from '../../src/engine/run.js';
import { parseDraft } from '../../src/inputs/draft.js';
import { emptySchool } from '../../src/config/config.js';
import { MAX_FINDINGS_PER_RULE } from '../../src/types.js';
import { tmpDir } from '../helpers/tmp.js';

async function run(pattern: string, text: string) {
  const dir = tmpDir();
  const f = path.join(dir, 'r.yml');
  writeFileSync(f, `id: user-rule\nextends: pattern\nseverity: error\nmessage: "found {match}"\npolicy: "p"\npatterns: ['${pattern}']\n`);
  const rule = await loadRuleFile(f, 'r.yml');
  const parsed = parseDraft(text, { path: 'post.txt', absPath: path.join(dir, 'post.txt'), format: 'text' });
  const t0 = performance.now();
  const out = await checkDraft({ kind: 'draft', path: 'post.txt', parsed }, { rules: [rule], school: emptySchool() });
  return { out, ms: performance.now() - t0 };
}

describe('user patterns are bounded', () => {
  it('(a+)+ on 100,000 a\'s finishes: one match, not 100,000 overlapping ones', async () => {
    const { out, ms } = await run('(a+)+', 'a'.repeat(100_000));
    expect(ms).toBeLessThan(20_000);
    expect(out.findings.length).toBe(1);
  });
  it('(a+)+ on 20,000 separate matches: a capped list and one note', async () => {
    const { out, ms } = await run('(a+)+', 'aaa b '.repeat(20_000));
    expect(ms).toBeLessThan(20_000);
    const listed = out.findings.filter((f) => f.severity === 'error');
    expect(listed.length).toBe(MAX_FINDINGS_PER_RULE);
    expect(out.findings.filter((f) => f.severity === 'info').map((f) => f.message)).toEqual([expect.stringMatching(/more findings of this rule are not listed/)]);
    expect(out.status).toBe('fail');
  });
  it('a pattern that matches everywhere cannot make 10,000 findings', async () => {
    const { out } = await run('a', 'a '.repeat(10_000));
    expect(out.findings.length).toBe(MAX_FINDINGS_PER_RULE + 1);
  });
  it('under the cap, every finding is listed and no note is added', async () => {
    const { out } = await run('a', 'a '.repeat(20));
    expect(out.findings.length).toBe(20);
  });
});

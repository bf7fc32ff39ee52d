import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/engine/rules.js';
import { emptySchool } from '../../src/config/config.js';
import { runOn, ROOT } from '../helpers/rule-tester.js';

const all = await loadRules({ dirs: [], disable: [], cwd: ROOT });
const rules = all.filter((r) => r.id === 'tagging');
const known = new Set(all.map((r) => r.id));
const run = (text: string) => runOn(text, rules, emptySchool());

describe('suppressions', () => {
  it('disable-next-line silences the next line only, and is recorded with its reason', async () => {
    const out = await run('<!-- smcheck-disable-next-line tagging -- the FA asked to be tagged -->\nThanks @NorthantsFA\nand @bob');
    expect(out.findings.map((f) => [f.rule, f.excerpt])).toEqual([['tagging', '@bob']]);
    expect(out.suppressions).toEqual([{ rule: 'tagging', reason: 'the FA asked to be tagged', file: 'draft.md', line: 1, suppressed: 1 }]);
    expect(out.status).toBe('fail');
  });

  it('disable ... enable covers a range', async () => {
    const out = await run('@a\n<!-- smcheck-disable tagging -- agreed with the head -->\n@b\n@c\n<!-- smcheck-enable tagging -->\n@d');
    expect(out.findings.map((f) => f.excerpt)).toEqual(['@a', '@d']);
    expect(out.suppressions[0].suppressed).toBe(2);
  });

  it('disable without enable runs to the end of the draft', async () => {
    const out = await run('<!-- smcheck-disable tagging -- ok -->\n@a\n\n@b');
    expect(out.findings).toEqual([]);
    expect(out.status).toBe('pass');
  });

  it('a suppression without a reason still works but is a warning', async () => {
    const out = await run('<!-- smcheck-disable-next-line tagging -->\n@a');
    expect(out.findings.map((f) => [f.rule, f.severity])).toEqual([['suppression', 'warning']]);
    expect(out.findings[0].message).toMatch(/has no reason/);
    expect(out.suppressions[0].reason).toBeNull();
    expect(out.status).toBe('pass');
  });

  it('a suppression that silences nothing is reported', async () => {
    const out = await run('<!-- smcheck-disable-next-line tagging -- just in case -->\nNo handles here.');
    expect(out.findings.map((f) => f.message)).toEqual(['Suppression of tagging silenced nothing: remove it']);
    expect(out.suppressions).toEqual([]);
  });

  it('a suppression naming a rule that does not exist is reported', async () => {
    const out = await runOn('<!-- smcheck-disable-next-line taging -- typo -->\n@a', rules, emptySchool());
    expect(out.findings.map((f) => f.rule).sort()).toEqual(['suppression', 'tagging']);
    expect(out.findings.some((f) => /'taging', which is not a rule/.test(f.message))).toBe(true);
  });

  it('front matter disables a rule for the whole draft, with a reason', async () => {
    const out = await run('---\nsmcheck:\n  disable:\n    - { rule: tagging, reason: "tagging our own page" }\n---\n@southendjs @pta');
    expect(out.findings).toEqual([]);
    expect(out.suppressions).toEqual([{ rule: 'tagging', reason: 'tagging our own page', file: 'draft.md', line: 2, suppressed: 2 }]);
  });

  it('a directive inside a fenced code block is an example, not a directive', async () => {
    const out = await run('```\n<!-- smcheck-disable tagging -- x -->\n```\n@a');
    expect(out.findings.map((f) => f.excerpt)).toEqual(['@a']);
  });

  it('a suppression naming a rule switched off in the config is not a typo', async () => {
    const out = await runOn('<!-- smcheck-disable-next-line tagging -- ok -->\n@a', [], emptySchool(), { knownRuleIds: known });
    expect(out.findings).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRuleFile, loadRules } from '../../src/engine/rules.js';
import { UsageError } from '../../src/errors.js';
import { ROOT } from '../helpers/rule-tester.js';
import { tmpDir } from '../helpers/tmp.js';

function ruleFile(body: string): { abs: string; shown: string } {
  const dir = tmpDir('smcheck-rule-');
  const abs = path.join(dir, 'my-rule.yml');
  writeFileSync(abs, body);
  return { abs, shown: 'rules/local/my-rule.yml' };
}

async function loadError(body: string): Promise<string> {
  const f = ruleFile(body);
  try {
    await loadRuleFile(f.abs, f.shown);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected the rule to be rejected');
}

const GOOD = ['id: my-rule', 'extends: pattern', 'severity: warning', 'message: "No {match}"', 'policy: "Be respectful."', 'tokens: [rubbish]'];

describe('rule files are decoded strictly', () => {
  it('loads a good rule with its options', async () => {
    const f = ruleFile(GOOD.join('\n'));
    const r = await loadRuleFile(f.abs, f.shown);
    expect(r.id).toBe('my-rule');
    expect(r.severity).toBe('warning');
    expect(r.options).toMatchObject({ tokens: ['rubbish'], ignoreCase: true, wholeWord: true });
  });

  it('a YAML syntax error names file:line:column', async () => {
    const msg = await loadError([...GOOD.slice(0, 4), 'policy: "unclosed', 'tokens: [a]'].join('\n'));
    expect(msg).toMatch(/^rules\/local\/my-rule\.yml:\d+:\d+: rule is not valid YAML/);
  });

  it('an unknown key names its line and suggests the right one', async () => {
    const msg = await loadError([...GOOD, 'ignorecase: false'].join('\n'));
    expect(msg).toBe("rules/local/my-rule.yml:7:1: rule: unknown key 'ignorecase' (did you mean 'ignoreCase'?)");
  });

  it('an unknown extends names the line and column of the kind', async () => {
    const msg = await loadError(GOOD.map((l) => (l.startsWith('extends') ? 'extends: patern' : l)).join('\n'));
    expect(msg).toMatch(/^rules\/local\/my-rule\.yml:2:10: rule: unknown check kind 'patern' in 'extends'\. Known kinds: .*pattern/);
  });

  it('a bad value names the key', async () => {
    const msg = await loadError(GOOD.map((l) => (l.startsWith('severity') ? 'severity: fatal' : l)).join('\n'));
    expect(msg).toBe('rules/local/my-rule.yml:3:11: rule: \'severity\': must be one of error, warning, info');
  });

  it('a missing required key is reported', async () => {
    const msg = await loadError(GOOD.filter((l) => !l.startsWith('policy')).join('\n'));
    expect(msg).toMatch(/my-rule\.yml:1:1: rule: 'policy': is required/);
  });

  it('a pattern rule with nothing to match is rejected', async () => {
    const msg = await loadError(GOOD.filter((l) => !l.startsWith('tokens')).join('\n'));
    expect(msg).toMatch(/at least one of tokens, patterns or swap/);
  });

  it('a regular expression RE2 cannot run is rejected when the rule loads: file:line:column and what RE2 lacks', async () => {
    const f = ruleFile([...GOOD.slice(0, 5), "patterns: ['(?<=a)b']"].join('\n'));
    await expect(loadRuleFile(f.abs, f.shown)).rejects.toThrow(/my-rule\.yml:6:\d+: rule: 'patterns\.0': RE2\b.*does not support look-behind/);
  });
});

describe('rule sets', () => {
  it('a user rule with the same id replaces the built-in one', async () => {
    const dir = tmpDir('smcheck-rules-');
    writeFileSync(path.join(dir, 'tagging.yml'), GOOD.map((l) => (l.startsWith('id') ? 'id: tagging' : l)).join('\n'));
    const rules = await loadRules({ dirs: [dir], disable: [], cwd: ROOT });
    const tagging = rules.filter((r) => r.id === 'tagging');
    expect(tagging).toHaveLength(1);
    expect(tagging[0].severity).toBe('warning');
  });

  it('disable removes a rule, and an unknown id in disable is an error', async () => {
    const rules = await loadRules({ dirs: [], disable: ['tagging'], cwd: ROOT });
    expect(rules.some((r) => r.id === 'tagging')).toBe(false);
    await expect(loadRules({ dirs: [], disable: ['taging'], cwd: ROOT })).rejects.toThrow(/unknown rule id 'taging'/);
  });

  it('every built-in rule quotes a line of the policy word for word', async () => {
    const { readFileSync } = await import('node:fs');
    const policy = readFileSync(path.join(ROOT, 'docs', 'policy.txt'), 'utf8').replace(/\*\*/g, '').replace(/\s+/g, ' ');
    const rules = await loadRules({ dirs: [], disable: [], cwd: ROOT });
    for (const r of rules) expect(policy, `${r.id}: ${r.policy}`).toContain(r.policy.replace(/\s+/g, ' '));
  });
});

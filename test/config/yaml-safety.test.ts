/**
 * Hostile YAML is a rule or config error with file:line:column, never an internal error
 * (issue 13 point 7).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { loadRuleFile } from '../../src/engine/rules.js';
import { parseDraft } from '../../src/inputs/draft.js';
import { InputError, UsageError } from '../../src/errors.js';
import { tmpDir } from '../helpers/tmp.js';

const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');

function file(name: string, body: string): string {
  const dir = tmpDir();
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), body);
  return path.join(dir, name);
}

async function error(p: Promise<unknown> | (() => unknown)): Promise<Error> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e as Error;
  }
  throw new Error('no error');
}

describe('YAML alias bombs and prototype keys', () => {
  it('an alias bomb in a rule file: a rule error at the first alias', async () => {
    const f = file('bomb.yml', `id: bomb\nextends: pattern\n${BOMB}\n`);
    const e = await error(loadRuleFile(f, 'rules/bomb.yml'));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/^rules\/bomb\.yml:4:8: rule: .*aliases \(\*a/);
  });
  it('an alias bomb in smcheck.yml: a config error with file:line:column', async () => {
    const f = file('smcheck.yml', `school: Mine\n${BOMB}\n`);
    const e = await error(() => loadConfig(f, path.dirname(f)));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/^smcheck\.yml:3:8: config: .*aliases/);
  });
  it('an alias bomb in a draft\'s front matter: that draft is not checked, with its line', async () => {
    const e = await error(() => parseDraft(`---\ntitle: Hi\n${BOMB}\n---\nHello\n`, { path: 'post.md', absPath: '/post.md', format: 'markdown' }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/^post\.md:4:8: the front matter/);
  });
  for (const kind of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`extends: ${kind} is an unknown check kind, at its place`, async () => {
      const f = file('x.yml', `id: x\nextends: ${kind}\nmessage: hi\n`);
      const e = await error(loadRuleFile(f, 'rules/x.yml'));
      expect(e).toBeInstanceOf(UsageError);
      expect(e.message).toMatch(new RegExp(`^rules/x\\.yml:2:10: rule: unknown check kind '${kind}'`));
    });
  }
});

/**
 * The three legal-half rules in the built binary: every library they load lazily (phone,
 * postcode, email, NHS, domains) must load from the bundle, not only under vitest.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/rule-tester.js';
import { tmpDir } from '../helpers/tmp.js';

const BIN = path.join(ROOT, 'bin', 'smcheck.js');

describe('personal-data, confidential and link-safety in the built CLI', () => {
  it('loads every library and reports each kind of data', () => {
    const dir = tmpDir();
    const draft = path.join(dir, 'post.md');
    writeFileSync(
      draft,
      [
        'CONFIDENTIAL: for tickets call Sarah on 07700 900123 or email jo.smith@gmail.com.',
        'Bring it back to 14 Elm Road, NN1 4AB, or to NN2 6JD. NHS number 943 476 5919.',
        'The handbook: https://bit.ly/cbpals and https://www.facebook.com/jo.smith.9',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', draft], { encoding: 'utf8', cwd: dir });
    expect(r.stderr).toBe('');
    const res = JSON.parse(r.stdout).results[0];
    expect(res.status).toBe('fail');
    const got = res.findings.filter((f: { rule: string }) => ['personal-data', 'confidential', 'link-safety'].includes(f.rule)).map((f: { rule: string; excerpt: string }) => `${f.rule} ${f.excerpt}`);
    expect(got).toEqual([
      'confidential CONFIDENTIAL',
      'personal-data 07700 900123',
      'personal-data jo.smith@gmail.com',
      'personal-data 14 Elm Road, NN1 4AB',
      'personal-data NN2 6JD',
      'personal-data 943 476 5919',
      'link-safety https://bit.ly/cbpals',
      'link-safety https://www.facebook.com/jo.smith.9',
    ]);
  });
  it('explains each rule', () => {
    for (const id of ['personal-data', 'confidential', 'link-safety']) {
      const r = spawnSync(process.execPath, [BIN, 'explain', id, '--no-color'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(id);
      expect(r.stdout).toMatch(/Catches[\s\S]*Leaves alone/);
    }
  });
});

import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from './tmp.js';

describe('test temp folders (issue 13 point 8)', () => {
  let made = '';
  it('a folder made in a test exists during it', () => {
    made = tmpDir('smcheck-cfg-');
    writeFileSync(path.join(made, 'x.csv'), 'Forename\n');
    expect(existsSync(made)).toBe(true);
  });
  it('and is gone after it', () => {
    expect(made).not.toBe('');
    expect(existsSync(made)).toBe(false);
  });
  it('every test process writes into its own temp folder, checked for litter at the end', () => {
    expect(process.env.SMCHECK_TEST_TMP).toBeTruthy();
    expect(os.tmpdir()).toBe(process.env.SMCHECK_TEST_TMP);
  });
});

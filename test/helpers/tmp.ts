/**
 * Temporary folders for tests, removed after the test that made them (or, for one made outside
 * a test, after the file's tests). Use `tmpDir()` instead of mkdtemp in tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

const perTest: string[] = [];
const perFile: string[] = [];
let inTest = false;

export function tmpDir(prefix = 'smcheck-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  (inTest ? perTest : perFile).push(dir);
  return dir;
}

const remove = (dirs: string[]): void => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
};

// registered by test/helpers/setup.ts in every test file
export function registerTmpCleanup(beforeEachHook: (fn: () => void) => void): void {
  beforeEachHook(() => {
    inTest = true;
  });
  afterEach(() => {
    inTest = false;
    remove(perTest);
  });
  afterAll(() => remove(perFile));
}

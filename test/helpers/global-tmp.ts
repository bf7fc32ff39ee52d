/**
 * vitest globalSetup: every test process gets its own temporary folder (TMPDIR), and the run
 * fails if a test left anything in it, so no test litters the machine's temp folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let dir = '';

export function setup(): void {
  dir = mkdtempSync(path.join(os.tmpdir(), 'smcheck-test-run-'));
  process.env.TMPDIR = dir;
  process.env.SMCHECK_TEST_TMP = dir;
}

export function teardown(): void {
  if (!dir) return;
  const left = readdirSync(dir);
  rmSync(dir, { recursive: true, force: true });
  if (left.length > 0) {
    throw new Error(`tests left ${left.length} item(s) in the temp folder: ${left.slice(0, 5).join(', ')}${left.length > 5 ? ', ...' : ''}. Use tmpDir() from test/helpers/tmp.ts.`);
  }
}

/** Spawn the built binary (bin/smcheck.js → dist/) as a user would, plain text unless asked. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './rule-tester.js';

export const BIN = path.join(ROOT, 'bin', 'smcheck.js');

/** env values of undefined remove the variable (COLUMNS, FORCE_COLOR are unset by default). */
export function smcheck(args: string[], cwd = ROOT, env: Record<string, string | undefined> = {}) {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', COLUMNS: undefined, FORCE_COLOR: undefined, ...env };
  for (const k of Object.keys(base)) if (base[k] === undefined) delete base[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: base as NodeJS.ProcessEnv });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

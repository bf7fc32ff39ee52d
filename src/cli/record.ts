/** Writes the record of each checked draft (src/record/record.ts) for `--record DIR` or `record:` in the config. */
import type { LoadedConfig } from '../config/config.js';
import type { DraftOutcome } from '../engine/run.js';
import type { LoadedRule } from '../engine/rules.js';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { OutputError } from '../outputs/write.js';
import { buildRecord, filesHash, rulesHash, writeRecord } from '../record/record.js';
import { VERSION } from '../version.js';

export async function writeRecords(items: { outcome: DraftOutcome; rules: LoadedRule[]; config: LoadedConfig }[], dir: string | undefined, cwd: string): Promise<void> {
  const hashes = new Map<LoadedConfig, { rules: string; schoolData: string }>();
  for (const { outcome, rules, config } of items) {
    const target = dir ?? config.recordDir;
    if (!target) continue;
    let h = hashes.get(config);
    if (!h) hashes.set(config, (h = { rules: rulesHash(rules), schoolData: filesHash(config.dataFiles) }));
    try {
      const inputs = [outcome.draft, ...outcome.images].map((p) => path.resolve(cwd, p));
      await writeRecord(target, buildRecord(outcome, { cwd, version: VERSION, ...h }), inputs);
    } catch (e) {
      throw new UsageError(e instanceof OutputError ? e.message : `${target}: could not write the record of the check (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
    }
  }
}

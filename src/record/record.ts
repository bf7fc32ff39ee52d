/**
 * A record of every check (`--record DIR`, or `record:` in smcheck.yml): one small JSON file
 * per checked draft, the school's evidence that each post went through the procedure. It holds
 * the date, smcheck's version, hashes of the rule set and of the school's data, the SHA-256 of
 * the draft and of each photo, the verdict, each finding's rule and position, and each
 * suppression with its reason — and nothing else from the post: no names, no text, no metadata,
 * not even file names (a file name can name a pupil).
 * `smcheck verify-record` (src/cli/verify-record.ts) checks files against a record.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DraftResult, Rule } from '../types.js';
import { OutputError, writeOutput } from '../outputs/write.js';

export const RECORD_FORMAT = 1;

export interface CheckRecord {
  smcheckRecord: number;
  date: string;
  version: string;
  /** SHA-256 of the rules that ran (ids, kinds, severities, options, messages). */
  rules: string;
  /** SHA-256 of the config and the school data files it names (roster, lists, consent register). */
  schoolData: string;
  draft: string;
  photos: string[];
  verdict: DraftResult['status'];
  findings: { rule: string; severity: string; line?: number; column?: number; photo?: number }[];
  suppressions: { rule: string; line: number; reason: string | null; suppressed: number }[];
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A stable hash of a rule set: the same rules with the same options give the same hash, in any order. */
export function rulesHash(rules: Pick<Rule, 'id' | 'extends' | 'severity' | 'options' | 'message' | 'messages'>[]): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  const list = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => canon({ id: r.id, extends: r.extends, severity: r.severity, options: r.options, message: r.message, messages: r.messages }));
  return createHash('sha256').update(JSON.stringify(list)).digest('hex');
}

/** SHA-256 over the named files' contents (missing files count as empty). */
export function filesHash(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    let bytes: Buffer = Buffer.alloc(0);
    try {
      bytes = readFileSync(f);
    } catch {
      /* a file that cannot be read was reported when the config loaded */
    }
    h.update(createHash('sha256').update(bytes).digest());
  }
  return h.digest('hex');
}

export function buildRecord(
  result: DraftResult,
  ctx: { cwd: string; version: string; rules: string; schoolData: string; date?: Date },
): CheckRecord {
  const photoAbs = result.images.map((p) => path.resolve(ctx.cwd, p));
  const hashOr = (f: string) => {
    try {
      return sha256File(f);
    } catch {
      return 'unreadable';
    }
  };
  return {
    smcheckRecord: RECORD_FORMAT,
    date: (ctx.date ?? new Date()).toISOString(),
    version: ctx.version,
    rules: ctx.rules,
    schoolData: ctx.schoolData,
    draft: hashOr(path.resolve(ctx.cwd, result.draft)),
    photos: photoAbs.map(hashOr),
    verdict: result.status,
    findings: result.findings.map((f) => {
      const out: CheckRecord['findings'][number] = { rule: f.rule, severity: f.severity };
      const photo = result.images.indexOf(f.file);
      if (photo >= 0 && f.file !== result.draft) out.photo = photo;
      if (f.line !== undefined) out.line = f.line;
      if (f.column !== undefined) out.column = f.column;
      return out;
    }),
    suppressions: result.suppressions.map((s) => ({ rule: s.rule, line: s.line, reason: s.reason, suppressed: s.suppressed })),
  };
}

/** Write a record as a new file in `dir` (never over an existing file or an input): <date>-<draft hash>.json. Returns its path. */
export async function writeRecord(dir: string, record: CheckRecord, inputs: string[] = []): Promise<string> {
  const stamp = record.date.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const base = `${stamp}-${record.draft.slice(0, 12)}`;
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n > 1 ? `-${n}` : ''}.json`);
    try {
      await writeOutput(file, JSON.stringify(record, null, 2) + '\n', { mkdir: true, inputs, what: 'the record of the check' });
      return file;
    } catch (e) {
      if (!(e instanceof OutputError) || e.reason !== 'exists' || n > 1000) throw e;
    }
  }
}

/**
 * `smcheck verify-record RECORD DRAFT [PHOTOS...]`: are these exactly the files that a check
 * recorded (src/record/record.ts), and did they pass? RECORD is a record file, or the record
 * folder (then the newest record of this draft is used). Says which file differs.
 * Exit 0: the same files, and they passed; 1: a file differs, or they did not pass; 2: usage.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { RECORD_FORMAT, sha256File, type CheckRecord } from '../record/record.js';

function readRecord(file: string, shown: string): CheckRecord {
  let rec: CheckRecord;
  try {
    rec = JSON.parse(readFileSync(file, 'utf8')) as CheckRecord;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${shown}: ${code === 'ENOENT' ? 'no such record' : code ? `could not read the record (${code})` : 'is not a smcheck record (not JSON)'}.`);
  }
  if (!rec || rec.smcheckRecord !== RECORD_FORMAT || typeof rec.draft !== 'string' || !Array.isArray(rec.photos)) {
    throw new UsageError(`${shown}: is not a smcheck record (written by 'smcheck --record').`);
  }
  return rec;
}

function hashOf(cwd: string, p: string): string {
  try {
    return sha256File(path.resolve(cwd, p));
  } catch (e) {
    throw new UsageError(`${p}: could not read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

export async function runVerifyRecord(recordPath: string, draft: string, photos: string[], cwd = process.cwd()): Promise<number> {
  const say = (s: string) => process.stdout.write(s + '\n');
  const abs = path.resolve(cwd, recordPath);
  const draftHash = hashOf(cwd, draft);
  const photoHashes = photos.map((p) => ({ p, h: hashOf(cwd, p) }));
  let file = abs;
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    /* readRecord names a missing file */
  }
  if (isDir) {
    const mine = readdirSync(abs)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .reverse()
      .map((f) => path.join(abs, f))
      .find((f) => {
        try {
          return (JSON.parse(readFileSync(f, 'utf8')) as CheckRecord).draft === draftHash;
        } catch {
          return false;
        }
      });
    if (!mine) {
      say(`DIFFERS  ${draft}: no record in ${recordPath} is of this draft: it is not a draft that smcheck checked and recorded (or it was changed after).`);
      return 1;
    }
    file = mine;
  }
  const shown = path.relative(cwd, file) || file;
  const rec = readRecord(file, shown);
  const problems: string[] = [];
  if (rec.draft !== draftHash) problems.push(`${draft}: differs from the draft that was checked.`);
  const left = [...rec.photos];
  for (const { p, h } of photoHashes) {
    const i = left.indexOf(h);
    if (i >= 0) left.splice(i, 1);
    else problems.push(`${p}: differs from every photo that was checked (changed, or not one of them).`);
  }
  if (left.length > 0) problems.push(`${left.length} photo${left.length > 1 ? 's' : ''} that ${left.length > 1 ? 'were' : 'was'} checked with this draft ${left.length > 1 ? 'were' : 'was'} not given here.`);
  const when = `smcheck ${rec.version} on ${rec.date.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`;
  if (problems.length > 0) {
    for (const p of problems) say(`DIFFERS  ${p}`);
    say(`These are not exactly the files in ${shown} (checked by ${when}).`);
    return 1;
  }
  if (rec.verdict !== 'pass') {
    const errors = rec.findings.filter((f) => f.severity === 'error').length;
    say(`NOT PASSED  these are exactly the files checked by ${when}, but the check ${rec.verdict === 'error' ? 'could not finish' : `found ${errors} error${errors === 1 ? '' : 's'}`}.`);
    return 1;
  }
  const n = photoHashes.length;
  say(`VERIFIED  ${draft}${n ? ` and ${n} photo${n > 1 ? 's' : ''}` : ''} are exactly the files checked by ${when}, and they passed (${shown}).`);
  return 0;
}

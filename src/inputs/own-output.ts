/**
 * smcheck's own outputs are never read as drafts: fixed copies (`post.fixed.md`), clean photos
 * (`IMG_1.clean.jpg`) and text reports saved with `-o` (found by their first line, whatever
 * their name: `report.txt` in the drafts folder would otherwise be checked next run).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isOwnOutput } from './paths.js';

// The first line of a text report: a verdict, two spaces, the draft's name.
const REPORT_HEAD = /^(?:PASS|FAIL|NOT CHECKED) {2}\S/;

/** True when `abs` (named `name`) is a file smcheck wrote. Reads at most 64 bytes. */
export function isOwnOutputFile(name: string, abs: string): boolean {
  if (isOwnOutput(name)) return true;
  if (!/\.(?:txt|md|markdown)$/i.test(name)) return false;
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const head = Buffer.alloc(64);
    const n = readSync(fd, head, 0, 64, 0);
    return REPORT_HEAD.test(head.subarray(0, n).toString('utf8'));
  } catch {
    return false; // unreadable: reading it as a draft will say so
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The end of the text report: after a run over several inputs a verdict table (each draft or
 * photo: PASS / FAIL / NOT CHECKED, errors, warnings; failing first), then one closing line
 * that nobody can misread. A run with warnings says so; an unreadable input ends in
 * NOT CHECKED, never "FAIL: 0 problems"; photos checked on their own are counted as photos.
 * Problems are counted as the text report shows them: one per block (a full name beside a photo
 * breaking two rules is one problem), not one per rule as in the JSON summary.
 * `verdictTable` is exported for the batch summary of big runs.
 */
import type { Chalk } from 'chalk';
import type { DraftResult, Report } from '../types.js';
import { safe } from './escape.js';
import { toBlocks } from './blocks.js';

type C = InstanceType<typeof Chalk>;

const plural = (n: number, w: string, ws = `${w}s`): string => `${n} ${n === 1 ? w : ws}`;
/** A photo checked on its own (not attached to a draft) is its own result. */
export const isPhotoResult = (r: DraftResult): boolean => r.images.length === 1 && r.images[0] === r.draft;
/** Problems (blocks) of a result with this severity. */
export const count = (r: DraftResult, s: 'error' | 'warning'): number => toBlocks(r.findings).filter((b) => b.severity === s).length;
const ORDER = { error: 0, fail: 1, pass: 2 } as const;

export function statusLabel(r: DraftResult, c: C): string {
  if (r.status === 'pass') return c.green('PASS');
  if (r.status === 'fail') return c.red.bold('FAIL');
  return c.red.bold('NOT CHECKED');
}

/** One row per input, NOT CHECKED then FAIL then PASS (each in the order given). */
export function verdictTable(results: DraftResult[], c: C): string[] {
  const rows = [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const head = `${'VERDICT'.padEnd(11)}  ${'ERRORS'.padStart(6)}  ${'WARNINGS'.padStart(8)}  INPUT`;
  const out = [c.dim(head)];
  for (const r of rows) {
    const label = r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : 'NOT CHECKED';
    const padded = statusLabel(r, c) + ' '.repeat(11 - label.length);
    const e = count(r, 'error');
    const w = count(r, 'warning');
    out.push(`${padded}  ${String(e).padStart(6)}  ${(w ? c.yellow : String)(String(w).padStart(8))}  ${safe(r.draft)}${isPhotoResult(r) ? c.dim(' (photo)') : ''}`);
  }
  return out;
}

/** "2 drafts and 1 photo" */
export function inputsLabel(results: DraftResult[]): string {
  const photos = results.filter(isPhotoResult).length;
  return countsLabel(results.length - photos, photos);
}

export function countsLabel(drafts: number, photos: number): string {
  if (photos === 0) return plural(drafts, 'draft');
  if (drafts === 0) return plural(photos, 'photo');
  return `${plural(drafts, 'draft')} and ${plural(photos, 'photo')}`;
}

/** Totals of a streamed batch (src/report/stream.ts), which keeps no results. */
export interface Totals {
  errors: number;
  warnings: number;
  /** inputsLabel of all the results. */
  label: string;
}

export function closingLines(report: Report, c: C, totals?: Totals): string[] {
  const { summary, results } = report;
  const errors = totals?.errors ?? results.reduce((n, r) => n + count(r, 'error'), 0);
  const warnings = totals?.warnings ?? results.reduce((n, r) => n + count(r, 'warning'), 0);
  const also = warnings ? c.yellow(` Also ${plural(warnings, 'warning')} worth a look.`) : '';
  if ((totals ? summary.drafts : results.length) === 1 && results.length === 1) {
    const r = results[0];
    const what = isPhotoResult(r) ? 'photo' : 'post';
    if (r.status === 'pass') {
      return [c.green.bold(`PASS: safe to post.`) + (warnings ? c.yellow(` ${plural(warnings, 'warning')} worth a look.`) : '')];
    }
    if (r.status === 'fail') {
      const why = errors > 0 ? `${plural(errors, 'problem')} to fix before posting.` : `more warnings than --max-warnings allows; look at them before posting.`;
      return [c.red.bold(`FAIL: ${why}`) + (errors > 0 ? also : '')];
    }
    const found = errors > 0 ? ` ${plural(errors, 'problem')} found in what could be read.` : '';
    return [c.red.bold(`NOT CHECKED: ${safe(r.draft)} could not be read in full. Do not post this ${what} until it has been checked.`) + found];
  }
  const lines = [
    c.bold(`${totals?.label ?? inputsLabel(results)} checked: `) +
      c.green(`${summary.passed} safe to post`) +
      ', ' +
      (summary.failed ? c.red.bold(`${summary.failed} need changes`) : '0 need changes') +
      (summary.errored ? ', ' + c.red.bold(`${summary.errored} could not be read`) : '') +
      '.',
  ];
  if (summary.errored) {
    const fix = errors ? ` ${plural(errors, 'problem')} to fix in the others.` : '';
    lines.push(c.red.bold(`NOT CHECKED: ${plural(summary.errored, 'input')} could not be read; do not post ${summary.errored === 1 ? 'it' : 'them'} until checked.`) + fix + also);
  } else if (summary.failed) {
    const why = errors > 0 ? `${plural(errors, 'problem')} to fix before posting.` : 'more warnings than --max-warnings allows.';
    lines.push(c.red.bold(`FAIL: ${why}`) + (errors > 0 ? also : ''));
  } else {
    lines.push(c.green.bold('PASS: all safe to post.') + (warnings ? c.yellow(` ${plural(warnings, 'warning')} worth a look.`) : ''));
  }
  return lines;
}

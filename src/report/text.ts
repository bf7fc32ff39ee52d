/**
 * `--format text` (the default): for people. Grouped by draft; each finding as
 * `line:col  severity  message  rule-id`, the source line with the span underlined, the policy
 * line and the suggestion; then a verdict nobody can miss.
 */
import { Chalk } from 'chalk';
import type { DraftResult, Finding, Report } from '../types.js';
import type { ReportContext } from './types.js';

export function formatText(report: Report, ctx: ReportContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const out: string[] = [];
  for (const r of report.results) {
    out.push(...formatResult(r, ctx, c));
  }
  out.push(...verdict(report, c));
  return `${out.join('\n')}\n`;
}

function sevLabel(f: Finding, c: InstanceType<typeof Chalk>): string {
  if (f.severity === 'error') return c.red('error  ');
  if (f.severity === 'warning') return c.yellow('warning');
  return c.blue('info   ');
}

function formatResult(r: DraftResult, ctx: ReportContext, c: InstanceType<typeof Chalk>): string[] {
  const out: string[] = [];
  const head =
    r.status === 'pass' ? c.green('PASS') : r.status === 'fail' ? c.red.bold('FAIL') : c.red.bold('NOT CHECKED');
  const photos = r.images.filter((i) => i !== r.draft);
  out.push(`${head}  ${c.bold(r.draft)}${photos.length ? c.dim(`  (with ${photos.join(', ')})`) : ''}`);
  if (r.status === 'error' && r.error) {
    out.push(`  ${c.red('could not be read:')} ${r.error}`);
  }
  const source = ctx.sources.get(r.draft);
  const lines = source?.split(/\r?\n/);
  let lastFile = r.draft;
  // Findings on the same span (one name breaking two rules) share one excerpt of the source.
  const groups: Finding[][] = [];
  for (const f of r.findings) {
    const last = groups[groups.length - 1]?.[0];
    const same = last && last.file === f.file && last.line !== undefined && last.line === f.line && last.column === f.column && last.endLine === f.endLine && last.endColumn === f.endColumn;
    if (same) groups[groups.length - 1].push(f);
    else groups.push([f]);
  }
  for (const group of groups) {
    const first = group[0];
    if (first.file !== lastFile && first.line === undefined) {
      out.push(`  ${c.bold(first.file)}`);
      lastFile = first.file;
    }
    for (const f of group) {
      const where = f.line !== undefined ? `${f.line}:${f.column}` : 'photo';
      out.push(`  ${c.dim(where.padEnd(7))} ${sevLabel(f, c)}  ${f.message}  ${c.dim(f.rule)}`);
    }
    if (first.line !== undefined && lines && lines[first.line - 1] !== undefined) {
      const chars = Array.from(lines[first.line - 1]);
      const startCol = first.column ?? 1;
      const endCol = first.endLine === first.line && first.endColumn !== undefined ? first.endColumn : chars.length + 1;
      out.push(`          ${c.dim('│')} ${chars.join('').replace(/\t/g, ' ')}`);
      out.push(`          ${c.dim('│')} ${' '.repeat(Math.max(0, startCol - 1))}${c.red('^'.repeat(Math.max(1, endCol - startCol)))}`);
    }
    const policies = [...new Set(group.map((f) => f.policy).filter(Boolean))];
    for (const p of policies) out.push(`          ${c.dim('│ Policy:')} ${c.italic(`“${p}”`)}`);
    const suggestions = [...new Set(group.map((f) => f.suggestion).filter((x): x is string => x !== undefined))];
    for (const sug of suggestions) out.push(`          ${c.dim('│')} ${c.green('Instead:')} ${sug || '(remove it)'}`);
  }
  for (const s of r.suppressions) {
    out.push(`  ${c.dim(`line ${s.line}: ${s.rule} suppressed (${s.suppressed}) — ${s.reason ?? 'no reason given'}`)}`);
  }
  if (r.fixed) out.push(`  ${c.green('Fixed copy written to')} ${r.fixed} ${c.dim('(your original is unchanged)')}`);
  for (const p of r.cleaned ?? []) out.push(`  ${c.green('Clean copy of the photo written to')} ${p} ${c.dim('(post this one; the original is unchanged)')}`);
  out.push('');
  return out;
}

function verdict(report: Report, c: InstanceType<typeof Chalk>): string[] {
  const { summary } = report;
  const problems = summary.findings.error;
  const warnings = summary.findings.warning;
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  const lines: string[] = [];
  if (summary.drafts === 1) {
    const r = report.results[0];
    if (r.status === 'pass') {
      lines.push(c.green.bold(`PASS: safe to post.`) + (warnings ? c.yellow(` ${plural(warnings, 'warning')} worth a look.`) : ''));
    } else if (r.status === 'fail') {
      const n = r.findings.filter((f) => f.severity === 'error').length;
      lines.push(c.red.bold(`FAIL: ${plural(n || r.findings.length, 'problem')} to fix before posting.`) + (warnings ? c.yellow(` Also ${plural(warnings, 'warning')}.`) : ''));
    } else {
      lines.push(c.red.bold(`NOT CHECKED: ${r.draft} could not be read. Do not post it until it has been checked.`));
    }
  } else {
    lines.push(
      c.bold(`${plural(summary.drafts, 'draft')} checked: `) +
        c.green(`${summary.passed} safe to post`) +
        ', ' +
        (summary.failed ? c.red.bold(`${summary.failed} need changes`) : '0 need changes') +
        (summary.errored ? ', ' + c.red.bold(`${summary.errored} could not be read`) : '') +
        '.',
    );
    if (summary.failed || summary.errored) {
      lines.push(c.red.bold(`FAIL: ${plural(problems, 'problem')} to fix before posting.`));
    } else {
      lines.push(c.green.bold('PASS: all safe to post.'));
    }
  }
  return lines;
}

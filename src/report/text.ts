/**
 * `--format text` (the default): for people. First a line saying which config and school lists
 * were used; then, per draft, one block per problem (src/report/blocks.ts): position, severity,
 * the message, every rule it breaks, the source line with the span underlined, each policy line
 * once, one suggestion and the rules' docs; then a verdict table (several inputs) and a closing
 * line nobody can miss (src/report/verdict.ts). Wrapped to the terminal (src/report/layout.ts);
 * every string from a draft, a file name or a photo is made safe for the terminal (escape.ts).
 */
import path from 'node:path';
import { Chalk } from 'chalk';
import type { ConfigSummary, DraftResult, Report, Severity } from '../types.js';
import type { ReportContext } from './types.js';
import { toBlocks, type Block } from './blocks.js';
import { hang, sourceWindow, wrap } from './layout.js';
import { safe, safeLines } from './escape.js';
import { closingLines, verdictTable } from './verdict.js';

type C = InstanceType<typeof Chalk>;

const GUTTER = '          '; // 10 columns, under "line:col" and the severity
const MSG_INDENT = ' '.repeat(19);

export function formatText(report: Report, ctx: ReportContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const out: string[] = [];
  for (const cfg of report.config ?? []) out.push(...configLines(cfg, ctx, c));
  if (out.length) out.push('');
  for (const r of report.results) out.push(...formatResult(r, ctx, c));
  if (report.results.length > 1) out.push(...verdictTable(report.results, c), '');
  out.push(...closingLines(report, c).flatMap((l) => wrap(l, ctx.width)));
  return `${out.join('\n')}\n`;
}

/** "smcheck.yml: 150 pupils, 25 staff, 4 on the no-publish list, consent for 148." Counts only. */
export function configLine(cfg: ConfigSummary): string {
  if (!cfg.file) return (cfg.notice ?? 'No config.').replace(/^./, (ch) => ch.toUpperCase());
  const parts = [
    `${cfg.pupils} pupil${cfg.pupils === 1 ? '' : 's'}`,
    `${cfg.staff} staff`,
    `${cfg.noPublish} on the no-publish list`,
    cfg.consent === null ? 'no consent list' : `consent for ${cfg.consent}`,
  ];
  return `${safe(cfg.file)}${cfg.school ? ` (${safe(cfg.school)})` : ''}: ${parts.join(', ')}.`;
}

export function configLines(cfg: ConfigSummary, ctx: ReportContext, c: C): string[] {
  const out = wrap(configLine(cfg), ctx.width).map((l) => (cfg.file ? c.dim(l) : c.yellow(l)));
  if (cfg.disabled.length) out.push(...wrap(`Switched off in ${safe(cfg.file ?? 'the config')}: ${cfg.disabled.join(', ')}.`, ctx.width).map((l) => c.dim(l)));
  for (const r of cfg.replaced) {
    out.push(...wrap(`Your rule ${safe(r.by)} replaces the built-in rule '${r.rule}'.`, ctx.width).map((l) => c.yellow(l)));
  }
  return out;
}

function sevLabel(s: Severity, c: C): string {
  if (s === 'error') return c.red('error  ');
  if (s === 'warning') return c.yellow('warning');
  return c.blue('info   ');
}

export function formatResult(r: DraftResult, ctx: ReportContext, c: C): string[] {
  const { width } = ctx;
  const out: string[] = [];
  const photos = r.images.filter((i) => i !== r.draft).map(safe);
  const head = `${statusWord(r)}  ${safe(r.draft)}${photos.length ? `  (with ${photos.join(', ')})` : ''}`;
  out.push(...wrap(head, width).map((l, i) => (i === 0 ? colourHead(l, r, c) : c.dim(l))));
  if (r.status === 'error' && r.error) {
    out.push(...hang('  could not be read: ', safeLines(r.error).replace(/\n/g, ' '), width).map((l) => c.red(l)));
  }
  const lines = ctx.sources.get(r.draft)?.split(/\r?\n/);
  let lastFile = r.draft;
  for (const b of toBlocks(r.findings)) {
    const first = b.findings[0];
    if (first.file !== lastFile && first.line === undefined) {
      out.push(`  ${c.bold(safe(first.file))}`);
      lastFile = first.file;
    }
    out.push(...blockLines(b, lines, ctx, c));
  }
  for (const s of r.suppressions) {
    out.push(...hang('  ', `line ${s.line}: ${s.rule} suppressed (${s.suppressed}) — ${safe(s.reason ?? 'no reason given')}`, width).map((l) => c.dim(l)));
  }
  if (r.fixed) out.push(...hang('  ', `Fixed copy written to ${safe(r.fixed)} (your original is unchanged)`, width).map((l) => c.green(l)));
  for (const p of r.cleaned ?? []) out.push(...hang('  ', `Clean copy of the photo written to ${safe(p)} (post this one; the original is unchanged)`, width).map((l) => c.green(l)));
  out.push('');
  return out;
}

const statusWord = (r: DraftResult): string => (r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : 'NOT CHECKED');

function colourHead(line: string, r: DraftResult, c: C): string {
  const word = statusWord(r);
  const rest = line.slice(word.length);
  const status = r.status === 'pass' ? c.green(word) : c.red.bold(word);
  const m = /^(\s+)(\S+)(.*)$/.exec(rest);
  return m ? `${status}${m[1]}${c.bold(m[2])}${c.dim(m[3])}` : status + rest;
}

function blockLines(b: Block, lines: string[] | undefined, ctx: ReportContext, c: C): string[] {
  const { width } = ctx;
  const out: string[] = [];
  const first = b.findings[0];
  const where = first.line !== undefined ? `${first.line}:${first.column}` : 'photo';
  // The message (one per strict finding), then every rule the block breaks.
  const lead = `  ${where.padEnd(7)} ${sevLabel(b.severity, c)}  `;
  b.messages.forEach((m, i) => {
    const text = `${safe(m)}${i === b.messages.length - 1 ? `  ${b.rules.join(', ')}` : ''}`;
    const wrapped = hang(i === 0 ? lead : MSG_INDENT, text, width, MSG_INDENT);
    out.push(...dimRuleIds(wrapped, b.rules, c, i === b.messages.length - 1));
  });
  const bar = `${GUTTER}${c.dim('│')} `;
  const room = width === undefined ? undefined : width - GUTTER.length - 2;
  if (first.line !== undefined && lines && lines[first.line - 1] !== undefined) {
    const chars = Array.from(safe(lines[first.line - 1]));
    const startCol = (first.column ?? 1) - 1;
    const endCol = first.endLine === first.line && first.endColumn !== undefined ? first.endColumn - 1 : chars.length;
    const win = sourceWindow(chars, startCol, endCol, room);
    out.push(`${bar}${win.text}`);
    out.push(`${bar}${' '.repeat(win.pad)}${c.red('^'.repeat(win.len))}`);
  }
  for (const p of b.policies) out.push(...hang('Policy: ', `“${safe(p)}”`, room).map((l, i) => bar + (i === 0 ? c.dim('Policy:') + c.italic(l.slice(7)) : c.italic(l))));
  if (b.suggestion !== undefined) {
    const text = b.suggestion === '' ? '(remove it)' : safe(b.suggestion);
    const note = b.withheld ? ` — '${safe(b.withheld.suggestion)}' (${b.withheld.rule}) would still break ${b.withheld.breaks}` : '';
    out.push(...hang('Instead: ', text + note, room).map((l, i) => bar + (i === 0 ? c.green('Instead:') + l.slice(8) : l)));
  }
  if (b.docs.length) {
    const shown = b.docs.map((d) => shownPath(d, ctx.cwd)).join(', ');
    out.push(...hang('Docs: ', shown, room).map((l) => bar + c.dim(l)));
  }
  return out;
}

/** Dim the trailing rule ids of a message's last line. */
function dimRuleIds(lines: string[], rules: string[], c: C, last: boolean): string[] {
  if (!last) return lines;
  const ids = rules.join(', ');
  return lines.map((l, i) => (i === lines.length - 1 && l.endsWith(ids) ? l.slice(0, -ids.length) + c.dim(ids) : l));
}

function shownPath(p: string, cwd: string | undefined): string {
  const base = cwd ?? process.cwd();
  const rel = path.relative(base, p);
  return safe(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p);
}

/**
 * Streaming forms of the formats, for batches: each draft's result is written as soon as it
 * and those before it are done, and only counters are kept (src/engine/tally.ts). Text and
 * JSON reuse their formatter's pieces; HTML and SARIF stream natively (html.ts, sarif.ts).
 */
import { Chalk } from 'chalk';
import type { DraftResult, Report } from '../types.js';
import type { BatchSummary } from '../engine/tally.js';
import type { ReportHead, StreamContext, StreamReporter } from './types.js';

export type StreamFormat = 'text' | 'json' | 'html' | 'sarif';

export async function streamReporter(format: StreamFormat, ctx: StreamContext): Promise<StreamReporter> {
  if (format === 'json') return jsonStream();
  if (format === 'html') return (await import('./html.js')).htmlStream(ctx);
  if (format === 'sarif') return (await import('./sarif.js')).sarifStream(ctx);
  return textStream(await import('./text.js'), await import('./verdict.js'), ctx);
}

/** Inputs beyond which the verdict table lists only what failed or was not checked. */
const TABLE_ALL_UP_TO = 200;

function textStream(text: typeof import('./text.js'), verdict: typeof import('./verdict.js'), ctx: StreamContext): StreamReporter {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const rctx = { color: ctx.color, sources: new Map<string, string>(), width: ctx.width, cwd: ctx.cwd };
  let head: ReportHead;
  let only: DraftResult | undefined;
  // The verdict table's rows, rendered as each result passes (NOT CHECKED, FAIL, PASS).
  const rows: Record<DraftResult['status'], string[]> = { error: [], fail: [], pass: [] };
  const failing: { errors: number; row: string }[] = [];
  let header = '';
  const totals = { errors: 0, warnings: 0, drafts: 0, photos: 0 };
  return {
    wantsText: true,
    begin(h) {
      head = h;
      const out = (h.config ?? []).flatMap((cfg) => text.configLines(cfg, rctx, c));
      return out.length ? `${out.join('\n')}\n\n` : '';
    },
    result(r, source) {
      only = only === undefined ? r : only;
      totals.errors += verdict.count(r, 'error');
      totals.warnings += verdict.count(r, 'warning');
      if (verdict.isPhotoResult(r)) totals.photos++;
      else totals.drafts++;
      const [h, row] = verdict.verdictTable([r], c);
      header = h;
      if (r.status === 'fail') failing.push({ errors: verdict.count(r, 'error'), row });
      else rows[r.status].push(row);
      if (rows.pass.length > TABLE_ALL_UP_TO) rows.pass.length = 0;
      rctx.sources.clear();
      if (source !== undefined) rctx.sources.set(r.draft, source);
      return `${text.formatResult(r, rctx, c).join('\n')}\n`;
    },
    end(batch) {
      const n = batch.summary.drafts;
      const report: Report = { ...head, summary: batch.summary, results: n === 1 && only ? [only] : [] } as Report;
      const out: string[] = [];
      if (n > 1) {
        out.push(...batchLines(batch, c));
        const passRows = n <= TABLE_ALL_UP_TO ? rows.pass : [];
        // Failing drafts worst first (most problems; stable for equal counts).
        const fails = failing.sort((a, b) => b.errors - a.errors).map((f) => f.row);
        out.push(header, ...rows.error, ...fails, ...passRows);
        if (passRows.length < batch.summary.passed) out.push(c.dim(`(and ${batch.summary.passed} PASS)`));
        out.push('');
      }
      const closing = verdict.closingLines(report, c, n === 1 ? undefined : { errors: totals.errors, warnings: totals.warnings, label: verdict.countsLabel(totals.drafts, totals.photos) });
      out.push(...closing);
      return `${out.join('\n')}\n`;
    },
  };
}

/** After a batch (more than one draft): the rules most broken and the failing drafts, worst first. */
export function batchLines(batch: BatchSummary, c: InstanceType<typeof Chalk>, opts: { worst?: boolean } = {}): string[] {
  const { summary, rules, worst } = batch;
  if (summary.drafts < 2 || worst.length === 0) return [];
  const out: string[] = [];
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (rules.length > 0) {
    out.push(c.bold('Rules most broken:'));
    for (const r of rules.slice(0, 5)) out.push(`  ${r.rule.padEnd(22)} ${plural(r.drafts, 'draft')}, ${plural(r.findings, 'finding')}`);
  }
  if (!opts.worst) {
    out.push('');
    return out;
  }
  const shown = summary.failed + summary.errored;
  out.push(c.bold(shown > worst.length ? `Worst first (${worst.length} of ${shown}):` : 'Worst first:'));
  for (const w of worst) {
    const label = w.status === 'error' ? c.red.bold('NOT CHECKED') : c.red('FAIL');
    const what = w.status === 'error' ? 'could not be read' : `${plural(w.errors, 'problem')}${w.warnings ? `, ${plural(w.warnings, 'warning')}` : ''}`;
    out.push(`  ${label}  ${w.draft}  ${c.dim(`${what}${w.rules.length ? ` (${w.rules.slice(0, 3).join(', ')})` : ''}`)}`);
  }
  out.push('');
  return out;
}

/** JSON, streamed: the same report object, with `summary` written after `results`. */
function jsonStream(): StreamReporter {
  let first = true;
  return {
    wantsText: false,
    begin(head) {
      const top = JSON.stringify(head, null, 2);
      return `${top.slice(0, top.lastIndexOf('}')).replace(/\s*$/, '')},\n  "results": [`;
    },
    result(r) {
      const body = JSON.stringify(r, null, 2).replace(/\n/g, '\n    ');
      const sep = first ? '\n    ' : ',\n    ';
      first = false;
      return sep + body;
    },
    end(batch) {
      const summary = JSON.stringify(batch.summary, null, 2).replace(/\n/g, '\n  ');
      return `${first ? '' : '\n  '}],\n  "summary": ${summary}\n}\n`;
    },
  };
}

/**
 * Turn draft outcomes into the versioned report of DESIGN.md (the JSON contract), plus the
 * exit code. Reporters only format what is decided here.
 */
import type { ConfigSummary, DraftResult, Report } from '../types.js';
import type { DraftOutcome } from './run.js';

export const EXIT = { ok: 0, fail: 1, usage: 2, unreadable: 3 } as const;

export function buildReport(outcomes: DraftOutcome[], version: string, opts: { quiet?: boolean; config?: ConfigSummary[] } = {}): Report {
  const results: DraftResult[] = outcomes.map((o) => toResult(o, opts));
  const findings = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const f of r.findings) findings[f.severity]++;
  return {
    tool: 'smcheck',
    version,
    ...(opts.config ? { config: opts.config } : {}),
    summary: {
      drafts: results.length,
      passed: results.filter((r) => r.status === 'pass').length,
      failed: results.filter((r) => r.status === 'fail').length,
      errored: results.filter((r) => r.status === 'error').length,
      findings,
    },
    results,
  };
}

/** One draft's outcome as the report has it (with --quiet, errors only). */
export function toResult(o: DraftOutcome, opts: { quiet?: boolean } = {}): DraftResult {
  const r: DraftResult = { draft: o.draft, images: o.images, status: o.status } as DraftResult;
  if (o.error !== undefined) r.error = o.error;
  r.findings = opts.quiet ? o.findings.filter((f) => f.severity === 'error') : o.findings;
  r.suppressions = o.suppressions;
  if (o.fixed !== undefined) r.fixed = o.fixed;
  if (o.cleaned !== undefined) r.cleaned = o.cleaned;
  return r;
}

/** 3 if any input could not be read (an unchecked draft must never look safe), else 1 if any failed, else 0. */
export function exitCodeOf(summary: Report['summary']): number {
  if (summary.errored > 0) return EXIT.unreadable;
  if (summary.failed > 0) return EXIT.fail;
  return EXIT.ok;
}

export function exitCode(report: Report): number {
  return exitCodeOf(report.summary);
}

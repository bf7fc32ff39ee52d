import type { Report } from '../types.js';

export interface ReportContext {
  color: boolean;
  /** Draft texts by path as reported, to show the offending line. */
  sources: Map<string, string>;
  /** Terminal width in columns to wrap to; undefined: do not wrap (a pipe or a file). */
  width?: number;
  /** The folder paths are shown relative to (docs links). */
  cwd?: string;
}

export type Formatter = (report: Report, ctx: ReportContext) => string;

/** The report's top-level keys other than results and summary (tool, version, ...). */
export type ReportHead = Omit<Report, 'results' | 'summary'>;

/**
 * A format that writes a batch as it goes (src/cli/check.ts): `begin`, then `result` once per
 * draft in order (with the draft's text when the format shows it), then `end` with the
 * counters. Each returns the piece to write.
 */
export interface StreamReporter {
  /** Whether `result` needs the draft's text. */
  wantsText: boolean;
  begin(head: ReportHead): string | Promise<string>;
  result(r: import('../types.js').DraftResult, text: string | undefined): string | Promise<string>;
  end(batch: import('../engine/tally.js').BatchSummary): string | Promise<string>;
}

export interface StreamContext {
  color: boolean;
  cwd: string;
  /** Terminal width to wrap text to; undefined: no wrapping. */
  width?: number;
}

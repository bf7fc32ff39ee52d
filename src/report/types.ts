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

import type { Report } from '../types.js';

export interface ReportContext {
  color: boolean;
  /** Draft texts by path as reported, to show the offending line. */
  sources: Map<string, string>;
}

export type Formatter = (report: Report, ctx: ReportContext) => string;

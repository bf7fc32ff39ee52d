/** `--format json`: the report contract of DESIGN.md, validated by docs/report.schema.json. */
import type { Report } from '../types.js';
import type { ReportContext } from './types.js';

export function formatJson(report: Report, _ctx: ReportContext): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

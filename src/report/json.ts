/** `--format json`: the report contract of DESIGN.md, validated by docs/report.schema.json. */
import type { Report } from '../types.js';
import type { ReportContext } from './types.js';
import { escapeJsonControls } from './escape.js';

export function formatJson(report: Report, _ctx: ReportContext): string {
  return `${escapeJsonControls(JSON.stringify(report, null, 2))}\n`;
}

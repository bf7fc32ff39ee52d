/**
 * The batch summary, kept as counters while results stream past (a 10,000-draft run holds no
 * results): drafts checked, passed, failed, not checked; findings by severity; the rules most
 * broken; the failing drafts, worst first (the worst `keep` only).
 */
import type { DraftResult, Report, Severity } from '../types.js';

export interface RuleCount {
  rule: string;
  /** Drafts with at least one finding of this rule at error severity (warnings in `warnings`). */
  drafts: number;
  findings: number;
  warnings: number;
}

export interface WorstDraft {
  draft: string;
  status: DraftResult['status'];
  errors: number;
  warnings: number;
  /** The rules it broke, most findings first. */
  rules: string[];
}

export interface BatchSummary {
  summary: Report['summary'];
  rules: RuleCount[];
  worst: WorstDraft[];
}

export class Tally {
  readonly summary: Report['summary'] = { drafts: 0, passed: 0, failed: 0, errored: 0, findings: { error: 0, warning: 0, info: 0 } };
  private rules = new Map<string, RuleCount>();
  private worst: (WorstDraft & { order: number })[] = [];

  constructor(private keep = 10) {}

  add(r: DraftResult): void {
    const s = this.summary;
    s.drafts++;
    if (r.status === 'pass') s.passed++;
    else if (r.status === 'fail') s.failed++;
    else s.errored++;
    const mine = new Map<string, number>();
    let errors = 0;
    let warnings = 0;
    const seen = new Set<string>();
    for (const f of r.findings) {
      s.findings[f.severity as Severity]++;
      if (f.severity === 'info') continue;
      let rc = this.rules.get(f.rule);
      if (!rc) {
        rc = { rule: f.rule, drafts: 0, findings: 0, warnings: 0 };
        this.rules.set(f.rule, rc);
      }
      if (f.severity === 'error') {
        errors++;
        rc.findings++;
        if (!seen.has(f.rule)) {
          seen.add(f.rule);
          rc.drafts++;
        }
      } else {
        warnings++;
        rc.warnings++;
      }
      mine.set(f.rule, (mine.get(f.rule) ?? 0) + 1);
    }
    if (r.status === 'pass') return;
    const entry = {
      draft: r.draft, status: r.status, errors, warnings, order: s.drafts,
      rules: [...mine.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id),
    };
    // Keep the worst `keep`, sorted: not checked first (it may be anything), then most errors.
    const list = this.worst;
    let i = list.length;
    while (i > 0 && worse(entry, list[i - 1])) i--;
    if (i < this.keep) {
      list.splice(i, 0, entry);
      if (list.length > this.keep) list.pop();
    }
  }

  result(): BatchSummary {
    const rules = [...this.rules.values()]
      .filter((r) => r.findings > 0)
      .sort((a, b) => b.drafts - a.drafts || b.findings - a.findings || (a.rule < b.rule ? -1 : 1));
    return { summary: this.summary, rules, worst: this.worst.map(({ order: _order, ...w }) => w) };
  }
}

function worse(a: WorstDraft & { order: number }, b: WorstDraft & { order: number }): boolean {
  const rank = (w: WorstDraft): number => (w.status === 'error' ? 1 : 0);
  return rank(a) - rank(b) > 0 || (rank(a) === rank(b) && (a.errors - b.errors > 0 || (a.errors === b.errors && a.warnings > b.warnings)));
}

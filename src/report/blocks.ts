/**
 * One block per problem for the text report (issue 15): the findings of a result that share a
 * `group` (the same span, or the same name in the same photo) are shown once, listing every rule
 * they break, each policy line once, and one suggestion that is consistent with all of them.
 *
 * Which suggestion: a finding without a suggestion asks for the strictest remedy (remove it:
 * "never post any pupil name with an image"). Another rule's rewrite is offered only if it keeps
 * none of the words that finding flags: "the twins" for "Patel" beside a photo is fine, "Amelia"
 * for "Amelia Hughes" beside a photo is not (the name still may not appear). Messages shown are
 * those of the strictest findings, so the block never says "use the first name" and "no name".
 */
import type { Finding, Severity } from '../types.js';

export interface Block {
  findings: Finding[];
  /** The most severe severity in the block. */
  severity: Severity;
  /** Rule ids, in report order, once each. */
  rules: string[];
  /** Messages to show (the strictest findings'), once each. */
  messages: string[];
  /** Distinct policy lines. */
  policies: string[];
  /** The one suggestion: text, '' for "remove it", or undefined for none. */
  suggestion?: string;
  /** Set when a rule's rewrite was left out because it would still break another rule. */
  withheld?: { rule: string; suggestion: string; breaks: string };
  docs: string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];
const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];

export function toBlocks(findings: Finding[]): Block[] {
  const byGroup = new Map<string, Finding[]>();
  findings.forEach((f, i) => {
    const key = f.group !== undefined ? `g${f.group}` : `i${i}`;
    const list = byGroup.get(key);
    if (list) list.push(f);
    else byGroup.set(key, [f]);
  });
  return [...byGroup.values()].map(block);
}

function block(group: Finding[]): Block {
  const severity = group.reduce<Severity>((s, f) => (RANK[f.severity] < RANK[s] ? f.severity : s), 'info');
  const top = group.filter((f) => f.severity === severity);
  const strict = top.filter((f) => f.suggestion === undefined || f.suggestion === '');
  const b: Block = {
    findings: group,
    severity,
    rules: uniq(group.map((f) => f.rule)),
    messages: uniq((strict.length ? strict : top.slice(0, 1)).map((f) => f.message)),
    policies: uniq(group.map((f) => f.policy).filter(Boolean)),
    docs: uniq(group.map((f) => f.docs).filter((d): d is string => Boolean(d))),
  };
  if (strict.length === 0) {
    // every most-severe finding offers a rewrite: the first one's (report order)
    b.suggestion = top[0].suggestion;
    return b;
  }
  if (strict.some((f) => f.suggestion === '')) b.suggestion = '';
  const flagged = new Set(strict.flatMap((f) => words(f.excerpt ?? '')));
  for (const f of group) {
    if (!f.suggestion) continue;
    const kept = words(f.suggestion).filter((w) => flagged.has(w));
    if (kept.length === 0) {
      if (b.suggestion === undefined || b.suggestion === '') b.suggestion = f.suggestion;
    } else if (!b.withheld) {
      b.withheld = { rule: f.rule, suggestion: f.suggestion, breaks: strict[0].rule };
    }
  }
  if (b.suggestion === undefined && b.withheld) b.suggestion = '';
  return b;
}

/**
 * Suppressions, for the person who has checked a finding and decided:
 *   <!-- smcheck-disable ID[, ID] -- reason -->   ...   <!-- smcheck-enable ID -->
 *   <!-- smcheck-disable-next-line ID -- reason -->
 *   front matter:  smcheck: { disable: [ { rule: ID, reason: ... } ] }
 * A suppression without a reason is itself a warning; one that silences nothing is reported
 * (as ESLint reports unused disable directives); every one used is listed in the result.
 */
import type { Finding, SuppressionRecord } from '../types.js';
import type { ParsedDraft } from '../inputs/draft.js';
import type { LineMap } from '../text/positions.js';

export const SUPPRESSION_RULE = 'suppression';

export interface Directive {
  kind: 'disable' | 'enable' | 'next-line' | 'front-matter';
  rules: string[]; // empty = every rule
  reason: string | null;
  /** Where the directive is written. */
  line: number;
  column?: number;
  endColumn?: number;
  offset: number;
  end: number;
  /** Covered range of offsets (disable...enable), or line for next-line. */
  from?: number;
  to?: number;
  targetLine?: number;
  used: number;
  /** Findings of protected rules (no-publish) this bare directive would have silenced, but did not. */
  refused?: string[];
}

const COMMENT = /<!--\s*smcheck-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;

export function parseDirectives(draft: ParsedDraft, lines: LineMap): { directives: Directive[]; problems: { line: number; message: string }[] } {
  const directives: Directive[] = [];
  const problems: { line: number; message: string }[] = [];
  const { text } = draft;
  for (const m of text.matchAll(COMMENT)) {
    const offset = m.index!;
    // a directive inside a code block is an example, not a directive
    if (draft.format === 'markdown' && insideCode(draft, offset)) continue;
    const kindWord = m[1];
    const body = m[2];
    const sep = body.search(/\s--\s|\s--$/);
    const idsPart = (sep >= 0 ? body.slice(0, sep) : body).trim();
    const reason = sep >= 0 ? body.slice(sep).replace(/^\s*--\s*/, '').trim() || null : null;
    const rules = idsPart ? idsPart.split(/[\s,]+/).filter((r) => r && r !== 'all') : [];
    const end = offset + m[0].length;
    const at = lines.position(offset);
    const line = at.line;
    const endAt = lines.position(offset + m[0].length);
    const kind = kindWord === 'disable-next-line' ? 'next-line' : kindWord === 'enable' ? 'enable' : 'disable';
    const d: Directive = { kind, rules, reason, line, column: at.column, endColumn: endAt.line === line ? endAt.column : undefined, offset, end, used: 0 };
    if (kind === 'next-line') d.targetLine = lines.position(end).line + 1;
    directives.push(d);
  }
  // close disable ranges at the matching enable (or the end of the draft)
  for (const d of directives) {
    if (d.kind !== 'disable') continue;
    d.from = d.end;
    d.to = text.length;
    const enable = directives.find(
      (e) => e.kind === 'enable' && e.offset > d.offset && (e.rules.length === 0 || d.rules.length === 0 || e.rules.some((r) => d.rules.includes(r))),
    );
    if (enable) d.to = enable.offset;
  }
  const fm = draft.frontMatterSmcheck;
  if (fm) {
    const value = fm.value as { disable?: unknown } | null;
    const list = Array.isArray(value?.disable) ? value!.disable : value?.disable ? [value.disable] : [];
    for (const item of list) {
      let rule: string | undefined;
      let reason: string | null = null;
      if (typeof item === 'string') rule = item;
      else if (item && typeof item === 'object') {
        const o = item as { rule?: unknown; reason?: unknown };
        rule = typeof o.rule === 'string' ? o.rule : undefined;
        reason = typeof o.reason === 'string' && o.reason.trim() ? o.reason.trim() : null;
      }
      if (!rule) {
        problems.push({ line: fm.line, message: "Front matter 'smcheck: disable' entry has no rule: write it as { rule: exact-time, reason: why }" });
        continue;
      }
      directives.push({ kind: 'front-matter', rules: [rule], reason, line: fm.line, offset: 0, end: 0, used: 0 });
    }
  }
  return { directives, problems };
}

function insideCode(draft: ParsedDraft, offset: number): boolean {
  // code is blanked out of prose like comments are; a directive in a code block sits
  // between blocks that are prose... keep it simple: fenced code starts with ``` or ~~~ on a line.
  const before = draft.text.slice(0, offset);
  const fences = before.match(/^(```|~~~)/gm);
  return (fences?.length ?? 0) % 2 === 1;
}

/** Which directive, if any, silences this finding. */
export function applySuppressions<F extends Finding & { offset?: number; photoRefLine?: number }>(
  findings: F[],
  directives: Directive[],
  protectedRules: ReadonlySet<string> = new Set(),
): F[] {
  const kept: F[] = [];
  const covers = (d: Directive, f: F): boolean => {
    if (d.kind === 'enable') return false;
    if (d.rules.length > 0 && !d.rules.includes(f.rule)) return false;
    if (d.kind === 'front-matter') return true;
    const line = f.line ?? f.photoRefLine;
    if (d.kind === 'next-line') return line !== undefined && (line === d.targetLine || line === d.line);
    const off = f.offset;
    return off !== undefined && off >= d.from! && off < d.to!;
  };
  for (const f of findings) {
    // A bare directive (no rule named) never silences a protected rule: it must be named.
    const d = directives.find((d) => covers(d, f) && !(d.rules.length === 0 && protectedRules.has(f.rule)));
    if (d) {
      d.used++;
    } else {
      const bare = directives.find((d) => d.rules.length === 0 && covers(d, f));
      if (bare && !(bare.refused ??= []).includes(f.rule)) bare.refused.push(f.rule);
      kept.push(f);
    }
  }
  return kept;
}

export function suppressionReport(
  directives: Directive[],
  file: string,
  knownRules: Set<string>,
  activeRules: Set<string> = knownRules,
): { records: SuppressionRecord[]; warnings: (Finding & { offset?: number })[] } {
  const records: SuppressionRecord[] = [];
  const warnings: (Finding & { offset?: number })[] = [];
  const policy = 'Seek advice and report any mistakes using the school\'s reporting process.';
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const label = d.rules.length ? d.rules.join(', ') : 'all rules';
    for (const r of d.refused ?? []) {
      warnings.push({
        rule: SUPPRESSION_RULE, severity: 'warning', file, line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn, offset: d.offset, policy,
        message: `A suppression that names no rule does not switch off '${r}': name it (smcheck-disable ${r} -- why) if you have checked`,
      });
    }
    for (const r of d.rules) {
      if (!knownRules.has(r)) {
        warnings.push({
          rule: SUPPRESSION_RULE, severity: 'warning', file, line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn, offset: d.offset, policy,
          message: `Suppression names '${r}', which is not a rule: check the spelling ('smcheck rules' lists them)`,
        });
      }
    }
    if (d.reason === null) {
      warnings.push({
        rule: SUPPRESSION_RULE, severity: 'warning', file, line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn, offset: d.offset, policy,
        message: `Suppression of ${label} has no reason: add one after ' -- ' so whoever reviews the post knows why`,
        suggestion: `<!-- smcheck-${d.kind === 'next-line' ? 'disable-next-line' : 'disable'} ${d.rules.join(', ') || 'all'} -- why this is fine -->`,
      });
    }
    const allOff = d.rules.length > 0 && d.rules.every((r) => !activeRules.has(r));
    if (d.used === 0 && !allOff && !d.refused?.length) {
      warnings.push({
        rule: SUPPRESSION_RULE, severity: 'warning', file, line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn, offset: d.offset, policy,
        message: `Suppression of ${label} silenced nothing: remove it`,
      });
    } else if (d.used > 0) {
      for (const r of d.rules.length ? d.rules : ['*']) {
        records.push({ rule: r, reason: d.reason, file, line: d.line, suppressed: d.used });
      }
    }
  }
  return { records, warnings };
}

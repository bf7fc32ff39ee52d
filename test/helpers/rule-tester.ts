/**
 * A RuleTester in the style of ESLint's: run real rules through the real engine on one-line
 * drafts, and assert which cases are flagged (and with what excerpt) and which stay quiet.
 *
 *   const t = await ruleTester({ rules: ['tagging'] });
 *   t.run('tagging', {
 *     valid: ['Email office@school.org'],
 *     invalid: [{ text: 'Thanks @bob', excerpts: ['@bob'] }],
 *   });
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding, ImageRef, School } from '../../src/types.js';
import { emptySchool, loadConfig } from '../../src/config/config.js';
import { loadRules, type LoadedRule } from '../../src/engine/rules.js';
import { checkDraft } from '../../src/engine/run.js';
import { parseDraft } from '../../src/inputs/draft.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface InvalidCase {
  text: string;
  /** Expected excerpts of this rule's findings, in order (exact). */
  excerpts?: string[];
  /** Or just how many findings. */
  count?: number;
  severity?: Finding['severity'];
  /** A substring every message must contain. */
  message?: string | RegExp;
  /** The suggestion, exactly (a string) or matching (a RegExp). */
  suggestion?: string | RegExp;
  /** Photos attached to the draft (paths relative to the repo). */
  photos?: string[];
  /** Markdown (default) or plain text. */
  format?: 'markdown' | 'text';
  name?: string;
}

export interface ValidCase {
  text: string;
  photos?: string[];
  format?: 'markdown' | 'text';
  name?: string;
}

export interface TesterOptions {
  /** Rule ids to load (default: all built-in). */
  rules?: string[];
  /** A config file (relative to the repo) for the school data. */
  config?: string;
  school?: School;
  extraRuleDirs?: string[];
}

export async function runOn(
  text: string,
  rules: LoadedRule[],
  school: School,
  opts: { photos?: string[]; format?: 'markdown' | 'text'; fix?: boolean; knownRuleIds?: Set<string> } = {},
) {
  const absPath = path.join(ROOT, 'test', '__inline__', opts.format === 'text' ? 'draft.txt' : 'draft.md');
  const draft = parseDraft(text, { path: 'draft.md', absPath, format: opts.format ?? 'markdown' });
  const extra: ImageRef[] = (opts.photos ?? []).map((p) => ({ path: p, absPath: path.resolve(ROOT, p), source: 'cli' }));
  // run through checkDraft with a pre-parsed draft: write-free, so tests need no temp files
  return checkDraft({ kind: 'draft', path: 'draft.md', extraImages: extra, parsed: draft }, { rules, school, cwd: ROOT, fix: opts.fix, knownRuleIds: opts.knownRuleIds });
}

export async function ruleTester(opts: TesterOptions = {}) {
  const school = opts.school ?? (opts.config ? loadConfig(path.resolve(ROOT, opts.config), ROOT).school : emptySchool());
  const all = await loadRules({ dirs: opts.extraRuleDirs ?? [], disable: [], cwd: ROOT });
  const rules = opts.rules ? all.filter((r) => opts.rules!.includes(r.id)) : all;
  return {
    rules,
    school,
    run(ruleId: string, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }) {
      describe(ruleId, () => {
        for (const c of cases.valid) {
          const v = typeof c === 'string' ? { text: c } : c;
          it(`valid: ${v.name ?? v.text}`, async () => {
            const out = await runOn(v.text, rules, school, v);
            const mine = out.findings.filter((f) => f.rule === ruleId);
            expect(mine.map((f) => `${f.excerpt}: ${f.message}`)).toEqual([]);
          });
        }
        for (const c of cases.invalid) {
          it(`invalid: ${c.name ?? c.text}`, async () => {
            const out = await runOn(c.text, rules, school, c);
            const mine = out.findings.filter((f) => f.rule === ruleId);
            if (c.excerpts) expect(mine.map((f) => f.excerpt)).toEqual(c.excerpts);
            else expect(mine.length).toBe(c.count ?? 1);
            if (!c.excerpts && c.count === undefined) expect(mine.length).toBeGreaterThan(0);
            for (const f of mine) {
              if (c.severity) expect(f.severity).toBe(c.severity);
              if (c.message) expect(f.message).toMatch(c.message);
              if (typeof c.suggestion === 'string') expect(f.suggestion).toBe(c.suggestion);
              else if (c.suggestion) expect(f.suggestion).toMatch(c.suggestion);
              expect(f.policy.length).toBeGreaterThan(0);
            }
          });
        }
      });
    },
  };
}

/**
 * Rule loading: every *.yml in the built-in rules/ folder, then the config's and --rules
 * folders (a rule with the same id replaces the earlier one, so a school can tune a default
 * rule by copying it). Each file is decoded strictly: the common keys plus its kind's options,
 * and any problem is `file:line:column: what is wrong` (exit 2).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { CheckKind, Rule } from '../types.js';
import { UsageError } from '../errors.js';
import { parseYaml, validateYaml } from '../config/strict-yaml.js';
import { checkKinds, knownKinds } from '../checks/index.js';
import { didYouMean } from '../did-you-mean.js';

export const RULE_ID = /^[a-z][a-z0-9-]*$/;

export const baseRuleShape = {
  id: z.string().regex(RULE_ID, 'a rule id is lower-case letters, digits and dashes, like my-rule'),
  extends: z.string().min(1),
  severity: z.enum(['error', 'warning', 'info']).default('error'),
  message: z.string().min(1),
  messages: z.record(z.string(), z.string()).default({}),
  policy: z.string().min(1),
  section: z.string().optional(),
  description: z.string().optional(),
  catches: z.array(z.string()).optional(),
  ignores: z.array(z.string()).optional(),
  examples: z.object({ bad: z.array(z.string()).optional(), good: z.array(z.string()).optional() }).strict().optional(),
  protected: z.boolean().optional(),
  docs: z.string().min(1).optional(),
};

const headerSchema = z.object({ extends: z.string().min(1, 'give the check kind this rule uses') }).passthrough();

export interface LoadedRule extends Rule {
  check: CheckKind;
  /** Set when this (user) rule replaced a built-in rule of the same id: that rule's file. */
  replaces?: string;
}

/** The folder holding package.json (works from src/ under vitest and from dist/ when bundled). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'rules'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('smcheck: cannot find its own rules/ folder');
    dir = parent;
  }
}

export function builtinRulesDir(): string {
  return path.join(packageRoot(), 'rules');
}

function ruleFiles(dir: string, shownDir: string): { abs: string; shown: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UsageError(`${shownDir}: rules folder not found. Check the path given with --rules or 'rules:' in smcheck.yml.`);
  }
  return names
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((n) => ({ abs: path.join(dir, n), shown: path.join(shownDir, n) }));
}

export async function loadRuleFile(abs: string, shown: string): Promise<LoadedRule> {
  let source: string;
  try {
    source = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new UsageError(`${shown}: could not read the rule file (${(e as NodeJS.ErrnoException).code}).`);
  }
  const parsed = parseYaml(source, shown, 'rule');
  const header = validateYaml(parsed, headerSchema);
  const kindName = header.value.extends;
  // an own key only: 'extends: __proto__' or 'constructor' is an unknown kind, not Object's
  const loader = Object.hasOwn(checkKinds, kindName) ? checkKinds[kindName] : undefined;
  if (!loader) {
    const line = header.lineOf(['extends']);
    const col = (source.split('\n')[line - 1]?.indexOf(kindName) ?? -1) + 1 || 1;
    throw new UsageError(`${shown}:${line}:${col}: rule: unknown check kind '${kindName}' in 'extends'. Known kinds: ${knownKinds().join(', ')}.`);
  }
  const { check } = await loader();
  const optionsShape = (check.options as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const full = z.object({ ...baseRuleShape, ...optionsShape }).strict();
  const { value } = validateYaml(parsed, full);
  const v = value as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  for (const k of Object.keys(optionsShape)) if (k in v) options[k] = v[k];
  // let the kind's own refinements run too (cross-field checks)
  const opt = check.options.safeParse(options);
  if (!opt.success) {
    const issue = opt.error.issues[0];
    throw new UsageError(`${shown}: rule '${String(v.id)}': ${issue.path.join('.') || 'options'}: ${issue.message}`);
  }
  return {
    id: v.id as string,
    extends: kindName,
    severity: v.severity as Rule['severity'],
    message: v.message as string,
    messages: v.messages as Record<string, string>,
    policy: v.policy as string,
    section: v.section as string | undefined,
    description: v.description as string | undefined,
    catches: v.catches as string[] | undefined,
    ignores: v.ignores as string[] | undefined,
    examples: v.examples as Rule['examples'],
    file: shown,
    ...(v.protected ? { protected: true } : {}),
    ...(v.docs ? { docs: v.docs as string } : {}),
    options: opt.data as Record<string, unknown>,
    check,
  };
}

export interface RuleLoadOptions {
  /** Extra folders, absolute, in order (config first, then --rules). */
  dirs: string[];
  disable: string[];
  severity?: Record<string, 'error' | 'warning' | 'info'>;
  cwd?: string;
  /** Load only the built-in rules (for `explain`). */
  builtinDir?: string;
}

/** A path as the user would recognise it: relative below the current folder, absolute elsewhere. */
function shownPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** Where `npm run build` puts the built-in rules, already validated (scripts/compile-rules.ts). */
export function compiledRulesPath(): string {
  return path.join(packageRoot(), 'dist', 'rules.json');
}

export interface CompiledRules {
  stamp: string;
  rules: Omit<LoadedRule, 'check'>[];
}

/** A fingerprint of a rules folder's files (names and contents). */
export function rulesStamp(files: { abs: string }[]): string {
  const h = createHash('sha1');
  for (const f of files) {
    h.update(path.basename(f.abs));
    h.update('\0');
    h.update(readFileSync(f.abs));
    h.update('\0');
  }
  return h.digest('hex');
}

/**
 * The built-in rules: from dist/rules.json when it matches rules/ byte for byte (decoding and
 * validating ~30 KB of YAML costs more than all the checks on a post), else from the YAML.
 */
async function loadBuiltin(dir: string, cwd: string): Promise<LoadedRule[]> {
  const files = ruleFiles(dir, shownPath(dir, cwd));
  const compiledFile = compiledRulesPath();
  if (dir === builtinRulesDir() && existsSync(compiledFile)) {
    try {
      const compiled = JSON.parse(readFileSync(compiledFile, 'utf8')) as CompiledRules;
      if (compiled.stamp === rulesStamp(files)) {
        return await Promise.all(
          compiled.rules.map(async (r) => {
            const loader = checkKinds[r.extends];
            if (!loader) throw new Error('stale');
            return { ...r, file: path.join(shownPath(dir, cwd), path.basename(r.file)), check: (await loader()).check };
          }),
        );
      }
    } catch {
      /* fall back to the YAML */
    }
  }
  return Promise.all(files.map((f) => loadRuleFile(f.abs, f.shown)));
}

/** A built-in rule's page, docs/rules/ID.md of the installed smcheck (absolute), when it exists. */
function builtinDocs(rule: LoadedRule): LoadedRule {
  if (rule.docs) return rule;
  const page = path.join(packageRoot(), 'docs', 'rules', `${rule.id}.md`);
  return existsSync(page) ? { ...rule, docs: page } : rule;
}

export async function loadRules(opts: RuleLoadOptions): Promise<LoadedRule[]> {
  const cwd = opts.cwd ?? process.cwd();
  const builtin = opts.builtinDir ?? builtinRulesDir();
  const extra = opts.dirs.flatMap((d) => ruleFiles(d, shownPath(d, cwd)));
  const builtins = (await loadBuiltin(builtin, cwd)).map(builtinDocs);
  const byId = new Map<string, LoadedRule>(builtins.map((r) => [r.id, r]));
  const builtinIds = new Set(byId.keys());
  // later folders override: a user rule with a built-in id replaces it, and says so
  // (`smcheck rules`, the report's header) — except a protected rule, which only the
  // config's `disable:` can switch off.
  for (const r of await Promise.all(extra.map((f) => loadRuleFile(f.abs, f.shown)))) {
    const before = byId.get(r.id);
    if (before && builtinIds.has(r.id)) {
      if (before.protected) {
        throw new UsageError(
          `${r.file}: rule '${r.id}' has the id of a built-in rule that a rule folder cannot replace (it protects pupils who must never be published). ` +
            `Give your rule a new id; to switch '${r.id}' off, write 'disable: [${r.id}]' in smcheck.yml.`,
        );
      }
      byId.set(r.id, { ...r, replaces: before.replaces ?? before.file });
    } else byId.set(r.id, before?.replaces ? { ...r, replaces: before.replaces } : r);
  }
  for (const [id, sev] of Object.entries(opts.severity ?? {})) {
    const r = byId.get(id);
    if (!r) throw new UsageError(`unknown rule id '${id}' in severity. Run 'smcheck rules' to list the rule ids.`);
    r.severity = sev;
  }
  const all = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  return applyDisable(all, opts.disable.map((id) => ({ id, where: 'disable' })));
}

/** The rules left after switching some off; an id that names no rule is a usage error saying where it was written. */
export function applyDisable(rules: LoadedRule[], disable: { id: string; where: string }[]): LoadedRule[] {
  for (const { id, where } of disable) {
    if (!rules.some((r) => r.id === id)) {
      const hint = didYouMean(id, rules.map((r) => r.id));
      throw new UsageError(`unknown rule id '${id}' in ${where}.${hint || ''} Run 'smcheck rules' to list the rule ids.`);
    }
  }
  const off = new Set(disable.map((d) => d.id));
  return rules.filter((r) => !off.has(r.id));
}

/**
 * `smcheck [check] <paths...>`: config → inputs → engine → report → exit code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ConfigSummary, Report } from '../types.js';
import { UsageError } from '../errors.js';
import { findConfig, loadConfig, type LoadedConfig } from '../config/config.js';
import { applyDisable, loadRules, type LoadedRule } from '../engine/rules.js';
import { checkDraft, fixedPath, type DraftInput, type DraftOutcome } from '../engine/run.js';
import { buildReport, exitCode } from '../engine/report.js';
import { summarizeConfig } from '../engine/config-summary.js';
import { resolveInputs } from '../batch/inputs.js';
import { VERSION } from '../version.js';
import { terminalWidth, useColor } from './color.js';
import { OutputError, refusal, writeOutput } from '../outputs/write.js';

export interface CheckOptions {
  config?: string;
  format: 'text' | 'json';
  output?: string;
  rules: string[];
  disable: string[];
  maxWarnings?: number;
  quiet?: boolean;
  fix?: boolean;
  color?: boolean;
  /** Replace existing output files (never an input, never through a link). */
  force?: boolean;
  /** Write a record of each checked draft into this folder (else the config's `record:`). */
  record?: string;
}

interface Group {
  config: LoadedConfig;
  rules: LoadedRule[];
  known: Set<string>;
  summary: ConfigSummary;
}

export async function runCheck(paths: string[], opts: CheckOptions, cwd = process.cwd()): Promise<number> {
  const { inputs, invalid } = resolveInputs(paths, cwd);
  const extraRuleDirs = opts.rules.map((d) => path.resolve(cwd, d));
  for (const d of extraRuleDirs) {
    if (!existsSync(d)) throw new UsageError(`${path.relative(cwd, d) || d}: rules folder not found (given with --rules).`);
  }

  // One config per folder tree: drafts in different schools' folders use their own config.
  const groups = new Map<string, Promise<Group>>();
  const groupForDir = (dir: string): Promise<Group> => {
    const file = opts.config ?? findConfig(dir);
    const key = file ? path.resolve(cwd, file) : '';
    let g = groups.get(key);
    if (!g) {
      g = (async () => {
        const config = loadConfig(file, cwd);
        const all = await loadRules({ dirs: [...config.ruleDirs, ...extraRuleDirs], disable: [], severity: config.severity, cwd });
        const configName = path.relative(cwd, config.file ?? '') || 'the config';
        const disable = [
          ...config.disable.map((id) => ({ id, where: `disable: in ${configName}` })),
          ...opts.disable.map((id) => ({ id, where: '--disable' })),
        ];
        return { config, rules: applyDisable(all, disable), known: new Set(all.map((r) => r.id)), summary: summarizeConfig(config, all, cwd) };
      })();
      groups.set(key, g);
    }
    return g;
  };
  const groupFor = (input: DraftInput): Promise<Group> => groupForDir(path.dirname(path.resolve(cwd, input.path)));
  // Every file this run reads: no output may replace one of them.
  const inputFiles = inputs.flatMap((i) => [path.resolve(cwd, i.path), ...(i.extraImages ?? []).map((x) => x.absPath)]);
  const reportTarget = opts.output ? path.resolve(cwd, opts.output) : undefined;
  if (reportTarget) {
    const refused = refusal(reportTarget, { force: opts.force, inputs: inputFiles, shown: opts.output, what: 'the report' });
    if (refused) throw new UsageError(refused.message);
  }
  if (inputs.length === 0 && invalid.length === 0) {
    throw new UsageError('no drafts or photos found in the paths given. Give a draft (.md, .txt), a photo, or a folder that has some.');
  }
  // Config and rule errors stop the run before anything is checked (exit 2).
  for (const input of inputs) await groupFor(input);
  if (inputs.length === 0) await groupForDir(cwd);

  const runCache = new Map<string, unknown>();
  // SMCHECK_TIMING=1: time per rule on stderr (as ESLint's TIMING=1), for whoever tunes a rule.
  const timing = process.env.SMCHECK_TIMING ? new Map<string, number>() : undefined;
  if (timing) runCache.set('timing', timing);
  const outcomes: DraftOutcome[] = [];
  const drafts = inputs.filter((i) => i.kind === 'draft');
  const photos = inputs.filter((i) => i.kind === 'photo');
  const recorded: { outcome: DraftOutcome; group: Group }[] = [];
  for (const input of drafts) {
    const g = await groupFor(input);
    const outcome = await checkDraft(input, { rules: g.rules, school: g.config.school, cwd, maxWarnings: opts.maxWarnings, fix: opts.fix, runCache, knownRuleIds: g.known });
    outcomes.push(outcome);
    if (opts.record || g.config.recordDir) recorded.push({ outcome, group: g });
  }
  if (recorded.length > 0) {
    const { writeRecords } = await import('./record.js');
    await writeRecords(recorded.map((r) => ({ outcome: r.outcome, rules: r.group.rules, config: r.group.config })), opts.record ? path.resolve(cwd, opts.record) : undefined, cwd);
  }
  // A photo found in a folder that a draft already attached is reported with that draft.
  const attached = new Set(outcomes.flatMap((o) => o.images.map((i) => path.resolve(cwd, i))));
  for (const input of photos) {
    if (attached.has(path.resolve(cwd, input.path))) continue;
    const g = await groupFor(input);
    outcomes.push(await checkDraft(input, { rules: g.rules, school: g.config.school, cwd, maxWarnings: opts.maxWarnings, fix: opts.fix, runCache, knownRuleIds: g.known }));
  }
  for (const bad of invalid) {
    outcomes.push({ draft: bad.path, images: [], status: 'error', error: bad.reason, findings: [], suppressions: [] });
  }

  if (timing) {
    const rows = [...timing.entries()].sort((a, b) => b[1] - a[1]);
    process.stderr.write(`Rule timings (ms, including first use of each check kind; process up ${performance.now().toFixed(0)} ms):\n`);
    for (const [id, ms] of rows) process.stderr.write(`  ${id.padEnd(22)} ${ms.toFixed(1).padStart(8)}\n`);
  }
  const notWritten: string[] = [];
  if (opts.fix) {
    const first = groups.values().next().value;
    const all = [...inputFiles, ...outcomes.flatMap((o) => [path.resolve(cwd, o.draft), ...o.images.map((i) => path.resolve(cwd, i))])];
    notWritten.push(...(await writeFixes(outcomes, cwd, { maxSize: first ? (await first).config.school.maxImageSize : undefined, force: opts.force, inputs: all })));
  }

  const config = await Promise.all([...groups.values()].map(async (g) => (await g).summary));
  const report = buildReport(outcomes, VERSION, { quiet: opts.quiet, config });
  // The drafts' text as read by the runner, to show the offending lines (text format only).
  const sources = new Map<string, string>();
  for (const o of outcomes) if (o.text !== undefined) sources.set(o.draft, o.text);
  const text = await format(report, opts.format, {
    color: opts.output ? false : useColor(opts.color),
    sources,
    width: opts.output ? undefined : terminalWidth(),
    cwd,
  });
  if (reportTarget) {
    // the photos a draft names are known only now: they are inputs too
    const allInputs = [...inputFiles, ...outcomes.flatMap((o) => [path.resolve(cwd, o.draft), ...o.images.map((i) => path.resolve(cwd, i))])];
    try {
      await writeOutput(reportTarget, text, { force: opts.force, inputs: allInputs, shown: opts.output, what: 'the report' });
    } catch (e) {
      throw new UsageError(e instanceof OutputError ? e.message : `${opts.output}: could not write the report (${(e as Error).message}).`);
    }
  } else {
    process.stdout.write(text);
  }
  // A copy --fix could not write is a usage problem (exit 2 at least): the user asked for it.
  for (const line of notWritten) process.stderr.write(`smcheck: not written: ${line}\n`);
  return notWritten.length ? Math.max(exitCode(report), 2) : exitCode(report);
}

async function format(report: Report, kind: 'text' | 'json', ctx: import('../report/types.js').ReportContext): Promise<string> {
  if (kind === 'json') {
    const { formatJson } = await import('../report/json.js');
    return formatJson(report, ctx);
  }
  const { formatText } = await import('../report/text.js');
  return formatText(report, ctx);
}

/** Writes the fixed copies and clean photos; returns a line for each copy it may not write. */
async function writeFixes(outcomes: DraftOutcome[], cwd: string, opts: { maxSize?: number; force?: boolean; inputs: string[] }): Promise<string[]> {
  const refused: string[] = [];
  for (const o of outcomes) {
    if (o.fixedText !== undefined) {
      const out = fixedPath(o.draft);
      try {
        await writeOutput(path.resolve(cwd, out), o.fixedText, { force: opts.force, inputs: opts.inputs, shown: out, what: 'the fixed copy' });
        o.fixed = out;
      } catch (e) {
        if (!(e instanceof OutputError)) throw e;
        refused.push(e.message);
      }
    }
  }
  const photos = [...new Set(outcomes.flatMap((o) => o.images))];
  const withPhotoFindings = new Set(outcomes.flatMap((o) => o.findings.filter((f) => f.line === undefined).map((f) => f.file)));
  const toClean = photos.filter((p) => withPhotoFindings.has(p));
  if (toClean.length === 0) return refused;
  const { cleanPhotos } = await import('./clean.js');
  const cleaned = await cleanPhotos(toClean, { maxSize: opts.maxSize, force: opts.force, inputs: opts.inputs }, cwd, outcomes);
  for (const o of outcomes) {
    const mine = cleaned.filter((c) => c.out && o.images.includes(c.photo)).map((c) => c.out!);
    if (mine.length) o.cleaned = mine;
  }
  for (const c of cleaned) if (c.refused && c.error) refused.push(c.error);
  return refused;
}

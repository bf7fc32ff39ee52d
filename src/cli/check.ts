/**
 * `smcheck [check] <paths...>`: config → inputs → engine → report → exit code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { checkDraft, fixedPath, type DraftInput, type DraftOutcome } from '../engine/run.js';
import { exitCodeOf, toResult } from '../engine/report.js';
import { Tally } from '../engine/tally.js';
import { resolveInputs } from '../batch/inputs.js';
import { Groups, type GroupOptions } from '../batch/groups.js';
import { notChecked, Pool, workersFor } from '../batch/pool.js';
import { streamReporter, type StreamFormat } from '../report/stream.js';
import { Progress } from './progress.js';
import { expandGlobs } from '../batch/globs.js';
import { findConfig, loadConfig } from '../config/config.js';
import { VERSION } from '../version.js';
import { terminalWidth, useColor } from './color.js';
import { OutputError, openOutput, refusal, writeOutput, type WriteOptions } from '../outputs/write.js';

export interface CheckOptions {
  config?: string;
  format: StreamFormat;
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

export async function runCheck(paths: string[], opts: CheckOptions, cwd = process.cwd()): Promise<number> {
  // `-` is the draft on standard input; globs are expanded for shells that do not
  const fromStdin = paths.includes('-');
  const { inputs, invalid, skipped } = resolveInputs(await expandGlobs(paths.filter((p) => p !== '-'), cwd), cwd);
  if (skipped.length > 0) {
    const names = skipped.slice(0, 3).join(', ') + (skipped.length > 3 ? `, and ${skipped.length - 3} more` : '');
    process.stderr.write(`smcheck: skipped ${skipped.length === 1 ? "1 file smcheck wrote itself" : `${skipped.length} files smcheck wrote itself`} (${names}): reports and fixed or clean copies are not drafts.\n`);
  }
  if (fromStdin) inputs.unshift(await stdinInput(cwd, opts.config));
  const extraRuleDirs = opts.rules.map((d) => path.resolve(cwd, d));
  for (const d of extraRuleDirs) {
    if (!existsSync(d)) throw new UsageError(`${path.relative(cwd, d) || d}: rules folder not found (given with --rules).`);
  }
  if ((opts.format === 'html' || opts.format === 'sarif') && !opts.output && process.stdout.isTTY) {
    throw new UsageError(`--format ${opts.format} writes a file: add -o report.${opts.format === 'html' ? 'html' : 'sarif'}.`);
  }
  // Every file this run reads: no output may replace one of them.
  const inputFiles = inputs.flatMap((i) => [path.resolve(cwd, i.path), ...(i.extraImages ?? []).map((x) => x.absPath)]);
  const reportTarget = opts.output ? path.resolve(cwd, opts.output) : undefined;
  if (reportTarget) {
    const refused = refusal(reportTarget, { force: opts.force, inputs: inputFiles, shown: opts.output, what: 'the report' });
    if (refused) throw new UsageError(refused.message);
  }
  const groupOpts: GroupOptions = { config: opts.config, extraRuleDirs, disable: opts.disable };
  const groups = new Groups(groupOpts, cwd);
  const configOf = (input: DraftInput): string => groups.configFor(path.dirname(path.resolve(cwd, input.path)));
  if (inputs.length === 0 && invalid.length === 0) {
    throw new UsageError('no drafts or photos found in the paths given. Give a draft (.md, .txt), a photo, or a folder that has some.');
  }
  // Config and rule errors stop the run before anything is checked (exit 2).
  const configs = new Set(inputs.map(configOf));
  if (inputs.length === 0) configs.add(groups.configFor(cwd));
  for (const file of configs) await groups.forConfig(file);

  // SMCHECK_TIMING=1: time per rule on stderr (as ESLint's TIMING=1), in this process (no pool).
  const timing = process.env.SMCHECK_TIMING ? new Map<string, number>() : undefined;
  const drafts = inputs.filter((i) => i.kind === 'draft');
  const photos = inputs.filter((i) => i.kind === 'photo');
  const reporter = await streamReporter(opts.format, { color: opts.output ? false : useColor(opts.color), cwd, width: opts.output ? undefined : terminalWidth() });
  const size = timing ? 0 : workersFor(drafts.length + photos.length);
  const pool = size > 0 ? new Pool(size, { cwd, groups: groupOpts, maxWarnings: opts.maxWarnings, fix: opts.fix, keepText: reporter.wantsText }) : undefined;
  const runCache = new Map<string, unknown>();
  if (timing) runCache.set('timing', timing);
  const check = async (input: DraftInput): Promise<DraftOutcome> => {
    const config = configOf(input);
    if (pool) return pool.check(input, config);
    try {
      const g = await groups.forConfig(config);
      return await checkDraft(input, { rules: g.rules, school: g.config.school, cwd, maxWarnings: opts.maxWarnings, fix: opts.fix, runCache, knownRuleIds: g.known });
    } catch (e) {
      return notChecked(input, `internal error: ${(e as Error).message}; this draft was not checked.`);
    }
  };

  const attached = new Set<string>();
  const sink = await openSink(reportTarget, () => ({ force: opts.force, inputs: [...inputFiles, ...attached], shown: opts.output, what: 'the report' }));
  const progress = Progress.for(inputs.length + invalid.length, opts);
  const tally = new Tally();
  // --fix writes copies after every draft is checked, and reports them: its results wait.
  const held: DraftOutcome[] | undefined = opts.fix ? [] : undefined;
  const notWritten: string[] = [];
  const emit = async (o: DraftOutcome): Promise<void> => {
    for (const i of o.images) attached.add(path.resolve(cwd, i));
    progress?.tick(o.status !== 'pass');
    if (held) held.push(o);
    else await write(o);
  };
  const write = async (o: DraftOutcome): Promise<void> => {
    const r = toResult(o, { quiet: opts.quiet });
    tally.add(r);
    const piece = await reporter.result(r, reporter.wantsText ? o.text : undefined);
    if (progress && !opts.output) progress.clear();
    await sink.write(piece);
    progress?.draw(true);
  };
  try {
    const config = await Promise.all(groups.loaded().map(async (g) => (await g).summary));
    await sink.write(await reporter.begin({ tool: 'smcheck', version: VERSION, config }));
    // --record / the config's `record:`: a record of each checked draft, written as it passes.
    const recordDraft = async (o: DraftOutcome): Promise<void> => {
      const g = await groups.forConfig(groups.configFor(path.dirname(path.resolve(cwd, o.draft))));
      if (!opts.record && !g.config.recordDir) return;
      const { writeRecords } = await import('./record.js');
      await writeRecords([{ outcome: o, rules: g.rules, config: g.config }], opts.record ? path.resolve(cwd, opts.record) : undefined, cwd);
    };
    await inOrder(drafts, check, async (o) => {
      await recordDraft(o);
      await emit(o);
    }, size);
    // A photo found in a folder that a draft already attached is reported with that draft.
    const loose = photos.filter((p) => !attached.has(path.resolve(cwd, p.path)));
    if (progress) progress.total -= photos.length - loose.length;
    await inOrder(loose, check, emit, size);
    for (const bad of invalid) await emit({ draft: bad.path, images: [], status: 'error', error: bad.reason, findings: [], suppressions: [] });
    if (held) {
      const first = groups.loaded()[0];
      const all = [...inputFiles, ...held.flatMap((o) => [path.resolve(cwd, o.draft), ...o.images.map((i) => path.resolve(cwd, i))])];
      notWritten.push(...(await writeFixes(held, cwd, { maxSize: first ? (await first).config.school.maxImageSize : undefined, force: opts.force, inputs: all })));
      for (const o of held) await write(o);
    }
    progress?.clear();
    await sink.write(await reporter.end(tally.result()));
    await sink.close();
  } catch (e) {
    progress?.clear();
    await sink.abort();
    if (e instanceof OutputError) throw new UsageError(e.message);
    throw e;
  } finally {
    await pool?.close();
  }
  if (timing) {
    const rows = [...timing.entries()].sort((a, b) => b[1] - a[1]);
    process.stderr.write(`Rule timings (ms, including first use of each check kind; process up ${performance.now().toFixed(0)} ms):\n`);
    for (const [id, ms] of rows) process.stderr.write(`  ${id.padEnd(22)} ${ms.toFixed(1).padStart(8)}\n`);
  }
  // A copy --fix could not write is a usage problem (exit 2 at least): the user asked for it.
  for (const line of notWritten) process.stderr.write(`smcheck: not written: ${line}\n`);
  return notWritten.length ? Math.max(exitCodeOf(tally.summary), 2) : exitCodeOf(tally.summary);
}

/** The draft on standard input, read under the size cap of the config that applies here. */
async function stdinInput(cwd: string, configFile?: string): Promise<DraftInput> {
  const { readStdin } = await import('../inputs/stdin.js');
  const { parseDraftBytes } = await import('../inputs/draft.js');
  const { DEFAULT_MAX_DRAFT_BYTES } = await import('../inputs/read-file.js');
  const { InputError } = await import('../errors.js');
  const max = loadConfig(configFile ?? findConfig(cwd), cwd).school.maxDraftBytes ?? DEFAULT_MAX_DRAFT_BYTES;
  const where = { path: STDIN_NAME, absPath: path.join(cwd, STDIN_NAME), format: 'markdown' as const };
  let bytes: Buffer;
  try {
    bytes = await readStdin(max);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { kind: 'draft', path: STDIN_NAME, readError: e.message };
  }
  // nothing piped in is a mistake, never an empty draft that passes
  if (bytes.length === 0) throw new UsageError('nothing on standard input. Pipe a draft in, or give a draft, a photo or a folder (smcheck --help).');
  try {
    return { kind: 'draft', path: STDIN_NAME, parsed: parseDraftBytes(bytes, where) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { kind: 'draft', path: STDIN_NAME, readError: e.message };
  }
}

/** How a draft read from standard input is named in the report. */
export const STDIN_NAME = 'stdin';

/**
 * Check `items` with at most a window of them in flight, handing each outcome to `emit` in the
 * items' order as soon as it and those before it are done: output order never depends on
 * scheduling, and memory holds only the window.
 */
async function inOrder<T>(items: T[], check: (x: T) => Promise<DraftOutcome>, emit: (o: DraftOutcome) => Promise<void>, workers: number): Promise<void> {
  const window = Math.max(1, workers * 8);
  const inflight: Promise<DraftOutcome>[] = [];
  let next = 0;
  while (next < items.length && inflight.length < window) inflight.push(check(items[next++]));
  while (inflight.length > 0) {
    await emit(await inflight.shift()!);
    if (next < items.length) inflight.push(check(items[next++]));
  }
}

/**
 * Where the report goes: stdout (respecting back-pressure), or the -o file, streamed through
 * the safe writer (a new temporary file moved into place at the end, under its rules).
 */
type Sink = { write(s: string): Promise<void>; close(): Promise<void>; abort(): Promise<void> };
async function openSink(target: string | undefined, writeOpts: () => WriteOptions): Promise<Sink> {
  if (!target) {
    const stream = process.stdout;
    return {
      write: (s) => (s === '' || stream.write(s) ? Promise.resolve() : new Promise((res) => stream.once('drain', () => res()))),
      close: () => Promise.resolve(),
      abort: () => Promise.resolve(),
    };
  }
  try {
    return await openOutput(target, writeOpts);
  } catch (e) {
    throw new UsageError(e instanceof OutputError ? e.message : `${target}: could not write the report (${(e as Error).message}).`);
  }
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

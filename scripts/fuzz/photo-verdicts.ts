/**
 * smcheck's verdict on every photo of a folder, each checked on its own through the real engine
 * with the built-in image-location and image-metadata rules (as `smcheck photo.jpg` would), next
 * to ExifTool's reading. Used by the fuzz tests and to print a summary:
 *
 *   node --import tsx scripts/fuzz/photo-verdicts.ts            the seeded fuzz corpus (made in a temp folder)
 *   node --import tsx scripts/fuzz/photo-verdicts.ts --eval     ../shared/eval/images/corrupt (research-only, read in place)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, TRUTH, writeCorpus, type FuzzTruth } from './photo-corpus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** ../shared/eval/images from the main checkout, or from a worktree in /work/wt/NAME. */
export const EVAL_IMAGES = [path.resolve(root, '../shared/eval/images'), path.resolve(root, '../../shared/eval/images')]
  .find((d) => existsSync(path.join(d, 'truth.json'))) ?? path.resolve(root, '../shared/eval/images');

export interface Verdict {
  file: string;
  status: 'pass' | 'fail' | 'error' | 'timeout';
  /** the first error finding or the input error, for messages */
  why?: string;
  ms: number;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), ms); })]).finally(() => clearTimeout(timer));
}

/** The verdict on each of `files` (paths relative to `dir`). */
export async function verdicts(dir: string, files: string[]): Promise<Verdict[]> {
  const { loadRules } = await import('../../src/engine/rules.js');
  const { checkDraft } = await import('../../src/engine/run.js');
  const { emptySchool } = await import('../../src/config/config.js');
  const all = await loadRules({ dirs: [], disable: [], cwd: dir });
  const rules = all.filter((r) => r.id === 'image-location' || r.id === 'image-metadata');
  const school = emptySchool();
  const out: Verdict[] = [];
  for (const file of files) {
    const t = performance.now();
    const r = await withTimeout(checkDraft({ kind: 'photo', path: file }, { rules, school, cwd: dir }), 10_000);
    const ms = performance.now() - t;
    if (r === 'timeout') { out.push({ file, status: 'timeout', ms }); continue; }
    const err = r.findings.find((f) => f.severity === 'error');
    out.push({ file, status: r.status as Verdict['status'], why: r.error ?? (err ? `${err.rule}: ${err.message}` : undefined), ms });
  }
  return out;
}

export interface FuzzSummary {
  total: number;
  pass: number;
  passWithGps: string[];
  passWithNames: string[];
  /** PASS although the undamaged fixture it was made from fails */
  passOriginalFails: string[];
  timeouts: string[];
  slowest: { file: string; ms: number };
}

export function summarise(v: Verdict[], truth: Record<string, { gps: boolean; names: string[] }>, originalFails: (file: string) => boolean = () => false): FuzzSummary {
  const pass = v.filter((x) => x.status === 'pass');
  const slow = v.reduce((a, b) => (b.ms > a.ms ? b : a), { file: '', ms: 0 } as Verdict);
  return {
    total: v.length,
    pass: pass.length,
    passWithGps: pass.filter((x) => truth[x.file]?.gps).map((x) => x.file),
    passWithNames: pass.filter((x) => truth[x.file]?.names.length).map((x) => x.file),
    passOriginalFails: pass.filter((x) => originalFails(x.file)).map((x) => x.file),
    timeouts: v.filter((x) => x.status === 'timeout').map((x) => x.file),
    slowest: { file: slow.file, ms: Math.round(slow.ms) },
  };
}

export function loadFuzzTruth(): { seed: number; count: number; files: Record<string, FuzzTruth> } {
  return JSON.parse(readFileSync(TRUTH, 'utf8'));
}

/** The seeded corpus in a temp folder, its verdicts and summary; the folder is removed after. */
export async function runFuzzCorpus(): Promise<{ verdicts: Verdict[]; summary: FuzzSummary; stale: string[] }> {
  const truth = loadFuzzTruth();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'smcheck-fuzz-'));
  try {
    const files = writeCorpus(tmp, truth.seed, truth.count);
    const { sha } = await import('./photo-corpus.js');
    const stale = files.filter((f) => truth.files[f.name]?.sha !== sha(f.bytes)).map((f) => f.name);
    const v = await verdicts(tmp, files.map((f) => f.name));
    const fromOf = new Map(files.map((f) => [f.name, f.from]));
    const originals = await verdicts(FIXTURES, [...new Set(files.map((f) => f.from))]);
    const failing = new Set(originals.filter((o) => o.status !== 'pass').map((o) => o.file));
    return { verdicts: v, summary: summarise(v, truth.files, (f) => failing.has(fromOf.get(f)!)), stale };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The damaged files of ../shared/eval/images (corrupt/), read in place. */
export async function runEvalCorrupt(): Promise<{ verdicts: Verdict[]; summary: FuzzSummary }> {
  const all = JSON.parse(readFileSync(path.join(EVAL_IMAGES, 'truth.json'), 'utf8')).files as Record<string, { gps: boolean; personNames: string[]; corrupt?: { derivedFrom: string } }>;
  const files = Object.keys(all).filter((f) => f.startsWith('corrupt/'));
  const truth = Object.fromEntries(files.map((f) => [f, { gps: all[f].gps, names: all[f].personNames ?? [] }]));
  const v = await verdicts(EVAL_IMAGES, files);
  const origs = [...new Set(files.map((f) => all[f].corrupt?.derivedFrom).filter((x): x is string => !!x))];
  const ov = await verdicts(EVAL_IMAGES, origs);
  const failing = new Set(ov.filter((o) => o.status !== 'pass').map((o) => o.file));
  return { verdicts: v, summary: summarise(v, truth, (f) => failing.has(all[f].corrupt?.derivedFrom ?? '')) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const evalMode = process.argv.includes('--eval');
  const r = evalMode ? await runEvalCorrupt() : await runFuzzCorpus();
  const s = r.summary;
  const by = (st: string) => r.verdicts.filter((v) => v.status === st).length;
  console.log(`${evalMode ? EVAL_IMAGES + '/corrupt' : 'seeded fuzz corpus'}: ${s.total} files: ${by('pass')} PASS, ${by('fail')} FAIL, ${by('error')} error, ${by('timeout')} timeout; slowest ${s.slowest.ms} ms (${s.slowest.file})`);
  console.log(`  PASS where ExifTool reads GPS: ${s.passWithGps.length} ${s.passWithGps.join(' ')}`);
  console.log(`  PASS where ExifTool reads a person's name: ${s.passWithNames.length} ${s.passWithNames.join(' ')}`);
  console.log(`  PASS where the undamaged original fails: ${s.passOriginalFails.length}`);
  if ('stale' in r && (r as any).stale.length) console.log(`  truth.json is stale for ${(r as any).stale.length} files: run scripts/fuzz/photo-corpus.ts --truth`);
  if (process.argv.includes('--files')) for (const v of r.verdicts) console.log(`  ${v.status.padEnd(5)} ${v.file}  ${v.why ?? ''}`);
}

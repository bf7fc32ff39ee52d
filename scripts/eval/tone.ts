/**
 * Evaluate the `tone` check kind on the public Twitter complaints set
 * (Preoţiuc-Pietro, Gaman & Aletras, ACL 2019), read from ../shared/eval/text/complaints.jsonl.
 * The data is research-only: it is read here and never copied into the repo.
 *
 *   npx tsx scripts/eval/tone.ts                        # the tune part (the default)
 *   npx tsx scripts/eval/tone.ts --cv                   # + 5-fold threshold choice inside it
 *   npx tsx scripts/eval/tone.ts --part look --errors 40   # mistakes, folds 0-2 of tune only
 *   npx tsx scripts/eval/tone.ts --part check --cv      # folds 3-4 of tune: numbers only
 *   npx tsx scripts/eval/tone.ts --part test --held-out # the held-out part: the numbers to report
 *   --config file.yml (default scripts/eval/tone-complaints.yml), --unit sentence|block,
 *   --set key=number (e.g. positiveWeight=0.25), --domains (per-domain counts)
 *
 * Fixed split: FNV-1a (32-bit) of the tweet id; even hash = "tune", odd hash = "test"
 * (held out). Inside tune, a second hash makes 5 folds. Nothing is fitted: the lists and
 * thresholds are hand-chosen (thresholds by cross-validation over a small grid inside tune),
 * and only mistakes of the tune part's folds 0-2 were read while choosing phrases.
 *
 * The complaint configuration is a real rule file, scripts/eval/tone-complaints.yml, loaded
 * through the rule loader (src/engine/rules.ts) like any school's own rule.
 * A tweet is a complaint when anything in it is flagged (grievance or negative).
 * Baselines, each alone on the same rows: AFINN-165 via `sentiment` (score < 0),
 * `vader-sentiment` (compound <= -0.05, VADER's own cut-off), `wink-sentiment` (score < 0).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { compileOptions, toneOptions, type ToneRuleOptions } from '../../src/checks/tone.js';
import { loadRuleFile } from '../../src/engine/rules.js';
import { scoreSentences, type CompiledTone } from '../../src/text/tone/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
// ../shared/eval beside the checkout (/work/main), or two levels up from a worktree (/work/wt/NAME).
const dataPath =
  [resolve(repo, '../shared/eval/text/complaints.jsonl'), resolve(repo, '../../shared/eval/text/complaints.jsonl')].find((p) => existsSync(p)) ??
  resolve(repo, '../shared/eval/text/complaints.jsonl');
const require = createRequire(import.meta.url);

interface Row {
  id: string;
  text: string;
  label: 0 | 1;
  domain: string;
  annotated: boolean;
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
export const partOf = (id: string): 'tune' | 'test' => (fnv1a(id) % 2 === 0 ? 'tune' : 'test');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Load a rule file's kind options (everything but the common rule keys). */
export function loadRuleOptions(file: string, overrides: Record<string, unknown> = {}): CompiledTone {
  const y = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const k of ['id', 'extends', 'severity', 'message', 'messages', 'policy', 'section', 'description', 'catches', 'ignores', 'examples']) delete y[k];
  return compileOptions(toneOptions.parse({ ...y, ...overrides }));
}

interface Scores {
  p: number;
  r: number;
  f1: number;
  f1neg: number;
  macro: number;
  acc: number;
  n: number;
}

function metrics(gold: number[], pred: boolean[]): Scores {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  gold.forEach((g, i) => {
    if (pred[i] && g) tp++;
    else if (pred[i]) fp++;
    else if (g) fn++;
    else tn++;
  });
  const f = (a: number, b: number, c: number) => (2 * a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  const f1 = f(tp, fp, fn);
  const f1neg = f(tn, fn, fp);
  return { p: tp / (tp + fp || 1), r: tp / (tp + fn || 1), f1, f1neg, macro: (f1 + f1neg) / 2, acc: (tp + tn) / gold.length, n: gold.length };
}

/** A fold of the tune part (0..4), from a second hash, for cross-validation inside it. */
export const foldOf = (id: string): number => fnv1a(`fold:${id}`) % 5;

/**
 * The tune part is cut in two: folds 0-2 ("look": mistakes may be read while writing phrases)
 * and folds 3-4 ("check": numbers only, a stand-in for held-out data while tuning).
 */
type Part = 'tune' | 'look' | 'check' | 'test';
function inPart(r: Row, part: Part): boolean {
  const p = partOf(r.id);
  if (part === 'test') return p === 'test';
  if (p !== 'tune') return false;
  if (part === 'tune') return true;
  return part === 'look' ? foldOf(r.id) <= 2 : foldOf(r.id) >= 3;
}

/** A tweet is a complaint when any of its sentences (or, with `unit: block`, the tweet) is flagged. */
function flagger(tone: CompiledTone): (text: string) => boolean {
  return (text) => scoreSentences(text, tone).some((s) => s.kind !== 'none');
}

const GRID_G = [0, -0.5, -1, -1.5, -2, -2.5, -3];
const GRID_N = [-2, -3, -4, -5, -6];
const GRID_A = [-1, -1.5, -2, -2.5, -3, -3.5, -4, -5, -6];

interface Thresholds {
  grievance: number;
  negative: number;
  aimed?: number;
}
type Evidence = Array<{ score: number; negative: number; grievance: number; aimed: boolean }>;

/** The kind's decision (src/text/tone/judge.ts) from a sentence's evidence, for any thresholds. */
function decide(ev: Evidence, th: Thresholds): boolean {
  const aimedBar = th.aimed ?? th.negative;
  return ev.some(
    (s) =>
      (s.aimed && ((s.grievance > 0 && s.score <= th.grievance) || (s.negative < 0 && s.score <= aimedBar))) ||
      ((s.negative < 0 || s.grievance > 0) && s.score <= th.negative),
  );
}

/**
 * 5-fold choice of the thresholds inside a part: for each fold, the grid point with the best
 * macro-F1 on the other four folds, scored on that fold. Returns the pooled out-of-fold
 * macro-F1 and the point chosen on all five folds. (Scores do not depend on thresholds, so
 * each tweet is scored once.)
 */
function crossValidate(rows: Row[], tone: CompiledTone, withAimed: boolean) {
  const gold = rows.map((r) => r.label as number);
  const folds = rows.map((r) => foldOf(r.id));
  const ev: Evidence[] = rows.map((r) => scoreSentences(r.text, tone).map((s) => ({ score: s.score, ...s.evidence! })));
  const grid: Thresholds[] = [];
  for (const grievance of GRID_G)
    for (const negative of GRID_N)
      for (const aimed of withAimed ? GRID_A : [undefined]) grid.push(aimed === undefined ? { grievance, negative } : { grievance, negative, aimed });
  const preds = grid.map((th) => ev.map((e) => decide(e, th)));
  const best = (keep: (i: number) => boolean) => {
    const idx = gold.map((_, i) => i).filter(keep);
    let top = { k: 0, macro: -1 };
    preds.forEach((p, k) => {
      const m = metrics(idx.map((i) => gold[i]), idx.map((i) => p[i])).macro;
      if (m > top.macro + 1e-9) top = { k, macro: m };
    });
    return top;
  };
  const oof: boolean[] = new Array(rows.length).fill(false);
  const chosen: string[] = [];
  const show = (th: Thresholds) => Object.values(th).join(',');
  for (let k = 0; k < 5; k++) {
    const top = best((i) => folds[i] !== k);
    chosen.push(show(grid[top.k]));
    folds.forEach((f, i) => {
      if (f === k) oof[i] = preds[top.k][i];
    });
  }
  const all = best(() => true);
  return { oof: metrics(gold, oof), chosen, all: { key: show(grid[all.k]), macro: all.macro } };
}

async function main() {
  const part = (arg('--part') ?? 'tune') as Part;
  if (part === 'test' && !process.argv.includes('--held-out')) {
    console.log('The held-out part is only read with --part test --held-out (count each look in docs/rules/negative-tone.md).');
    return;
  }
  const config = resolve(process.cwd(), arg('--config') ?? resolve(here, 'tone-complaints.yml'));
  const rows: Row[] = readFileSync(dataPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
  const rowsPart = rows.filter((r) => inPart(r, part));

  const Sentiment = require('sentiment');
  const afinn = new Sentiment();
  const vader = require('vader-sentiment');
  const wink = require('wink-sentiment');

  const tone = loadRuleOptions(resolve(repo, 'rules/negative-tone.yml'));
  const rule = await loadRuleFile(config, config);
  const complaints = compileOptions(rule.options as ToneRuleOptions);
  // Quick experiments without editing the file: --unit sentence|block, --set key=number
  if (arg('--unit')) complaints.options.unit = arg('--unit') as 'sentence' | 'block';
  for (let i = 0; i < process.argv.length; i++) {
    if (process.argv[i] !== '--set') continue;
    const [k, v] = process.argv[i + 1].split('=');
    const path = k.split('.');
    let obj = complaints.options as unknown as Record<string, unknown>;
    for (const p of path.slice(0, -1)) obj = (obj[p] = { ...(obj[p] as object) }) as Record<string, unknown>;
    obj[path[path.length - 1]] = Number(v);
  }
  const flagC = flagger(complaints);
  const methods: Array<[string, (t: string) => boolean]> = [
    ['AFINN `sentiment` alone (score < 0)', (t) => afinn.analyze(t).score < 0],
    ['`vader-sentiment` alone (compound <= -0.05)', (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound <= -0.05],
    ['`wink-sentiment` alone (score < 0)', (t) => wink(t).score < 0],
    ['smcheck negative-tone (rules/negative-tone.yml)', flagger(tone)],
    [`smcheck tone + ${config.replace(repo + '/', '')}`, flagC],
  ];

  const pct = (x: number) => x.toFixed(3);
  console.log(`complaints.jsonl: ${rows.length} rows; part "${part}": ${rowsPart.length} rows, ${rowsPart.filter((r) => r.annotated).length} annotated, ${rowsPart.filter((r) => r.label).length} complaints`);
  console.log('');
  const subsets: Array<[string, Row[]]> = [
    ['all rows', rowsPart],
    ['annotated customer-service rows', rowsPart.filter((r) => r.annotated)],
  ];
  const preds = new Map<string, boolean[]>();
  for (const [name, fn] of methods) preds.set(name, rowsPart.map((r) => fn(r.text)));
  for (const [sub, subset] of subsets) {
    const idx = subset.map((r) => rowsPart.indexOf(r));
    console.log(`${sub} (${subset.length}):`);
    console.log('  method                                              P(c)   R(c)   F1(c)  macro-F1  acc');
    for (const [name] of methods) {
      const m = metrics(idx.map((i) => rowsPart[i].label), idx.map((i) => preds.get(name)![i]));
      console.log(`  ${name.padEnd(50)}  ${pct(m.p)}  ${pct(m.r)}  ${pct(m.f1)}  ${pct(m.macro)}    ${pct(m.acc)}`);
    }
    console.log('');
  }
  console.log('Published (10-fold cross-validation on all 3,449 tweets; macro-F1):');
  console.log('  majority class 0.391; logistic regression bag-of-words 0.775; all features 0.780;');
  console.log('  LSTM 0.770; all features + distant supervision 0.790 (Preoţiuc-Pietro et al. 2019);');
  console.log('  transformers up to 0.87 (Jin & Aletras 2020).');

  if (process.argv.includes('--domains')) {
    const mine = preds.get(methods[methods.length - 1][0])!;
    const by = new Map<string, { n: number; pos: number; flagged: number; tp: number }>();
    rowsPart.forEach((r, i) => {
      const d = by.get(r.domain) ?? { n: 0, pos: 0, flagged: 0, tp: 0 };
      d.n++;
      d.pos += r.label;
      if (mine[i]) d.flagged++;
      if (mine[i] && r.label) d.tp++;
      by.set(r.domain, d);
    });
    console.log('\ndomain          rows  complaints  flagged  caught  false alarms');
    for (const [d, v] of [...by].sort()) console.log(`  ${d.padEnd(14)} ${String(v.n).padStart(4)}  ${String(v.pos).padStart(10)}  ${String(v.flagged).padStart(7)}  ${String(v.tp).padStart(6)}  ${String(v.flagged - v.tp).padStart(6)} of ${v.n - v.pos}`);
  }

  if (process.argv.includes('--cv')) {
    if (part === 'test') throw new Error('--cv is for the tune part');
    const cv = crossValidate(rowsPart, complaints, complaints.options.thresholds.aimed !== undefined || process.argv.includes('--aimed'));
    console.log(`\n5-fold threshold choice inside "${part}" (grievance x negative [x aimed] grid): out-of-fold macro-F1 ${pct(cv.oof.macro)} (P ${pct(cv.oof.p)} R ${pct(cv.oof.r)} F1 ${pct(cv.oof.f1)})`);
    console.log(`  pairs chosen per fold: ${cv.chosen.join('  ')}; on all folds: ${cv.all.key} (${pct(cv.all.macro)}); the file has ${Object.values(complaints.options.thresholds).join(',')}`);
  }

  const errors = Number(arg('--errors') ?? 0);
  if (errors > 0) {
    if (part !== 'look') {
      console.log('\n(--errors is only shown for the "look" part, so the other parts stay unread)');
      return;
    }
    const mine = preds.get(methods[methods.length - 1][0])!;
    const fps = rowsPart.filter((r, i) => mine[i] && !r.label);
    const fns = rowsPart.filter((r, i) => !mine[i] && r.label);
    const show = (r: Row, flagged: boolean) => {
      const s = scoreSentences(r.text, complaints);
      const pick = flagged ? s.filter((x) => x.kind !== 'none') : s;
      return pick.map((x) => x.reasons.join('; ')).join(' || ');
    };
    console.log(`\nfalse alarms (${fps.length}):`);
    for (const r of fps.slice(0, errors)) console.log(`  [${r.domain}] ${r.text.replace(/\s+/g, ' ')}\n     ${show(r, true)}`);
    console.log(`\nmissed (${fns.length}):`);
    for (const r of fns.slice(0, errors)) console.log(`  [${r.domain}] ${r.text.replace(/\s+/g, ' ')}\n     ${show(r, false)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

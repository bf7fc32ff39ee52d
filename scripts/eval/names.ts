/**
 * Measures the no-roster full-name detector (src/text/names/person-names.ts) on the CoNLL-2003 test
 * split (../shared/eval/text/conll_per.jsonl, research use only: nothing of it is copied here).
 * Scored on `prose` sentences against person spans of two or more tokens: exact-span and
 * overlap precision/recall, for compromise's plain people() (baseline, all and 2+-word) and ours.
 *   npx tsx scripts/eval/names.ts [--all] [--ours] [--errors N]
 * --all scores every sentence (headlines, tables) instead of the `prose` ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadNlp } from '../../src/text/nlp.js';
import { findPersonNames } from '../../src/text/names/person-names.js';

interface Rec {
  id: string;
  text: string;
  persons: { start: number; end: number; text: string; tokens: [number, number] }[];
  prose: boolean;
}
type Span = { start: number; end: number };

const file = fileURLToPath(new URL('../../../shared/eval/text/conll_per.jsonl', import.meta.url));
const recs: Rec[] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((r: Rec) => process.argv.includes('--all') || r.prose);
const showErrors = Number(process.argv[process.argv.indexOf('--errors') + 1]) || 0;

const nlp = await loadNlp();

function score(name: string, predict: (r: Rec) => Span[]) {
  let tp = 0, fp = 0, fn = 0, otp = 0, ofp = 0, ofn = 0;
  const errs: string[] = [];
  const t0 = performance.now();
  for (const r of recs) {
    const gold = r.persons.filter((p) => p.tokens[1] - p.tokens[0] >= 2);
    const pred = predict(r);
    const eq = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
    const ov = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
    for (const p of pred) {
      if (gold.some((g) => eq(g, p))) tp++;
      else { fp++; if (errs.length < showErrors) errs.push(`FP ${r.text.slice(p.start, p.end)} | ${r.text}`); }
      if (gold.some((g) => ov(g, p))) otp++; else ofp++;
    }
    for (const g of gold) {
      if (!pred.some((p) => eq(g, p))) { fn++; if (errs.length < showErrors) errs.push(`FN ${g.text} | ${r.text}`); }
      if (!pred.some((p) => ov(g, p))) ofn++;
    }
  }
  const ms = performance.now() - t0;
  const f = (x: number) => x.toFixed(2);
  const P = tp / (tp + fp), R = tp / (tp + fn), oP = otp / (otp + ofp), oR = (otp) / (otp + ofn);
  console.log(`${name.padEnd(34)} exact P ${f(P)} R ${f(R)} F1 ${f((2 * P * R) / (P + R))} | overlap P ${f(oP)} R ${f(1 - ofn / (tp + fn))} | ${(recs.length / (ms / 1000)).toFixed(0)} sentences/s`);
  void oR;
  for (const e of errs) console.log('  ' + e);
}

const clean = (text: string, s: Span): Span => {
  let { start, end } = s;
  while (end > start && /[\s,.;:!?)"']/.test(text[end - 1])) end--;
  const m = /['’]s$/.exec(text.slice(start, end));
  if (m) end -= 2;
  while (start < end && /[\s("']/.test(text[start])) start++;
  return { start, end };
};
const people = (r: Rec): Span[] =>
  (nlp(r.text).people().json({ offset: true }) as { offset: { start: number; length: number } }[]).map((p) =>
    clean(r.text, { start: p.offset.start, end: p.offset.start + p.offset.length }),
  );

console.log(`CoNLL-2003 test, ${process.argv.includes('--all') ? 'all' : 'prose'} sentences: ${recs.length}; gold person spans of 2+ tokens: ${recs.reduce((a, r) => a + r.persons.filter((p) => p.tokens[1] - p.tokens[0] >= 2).length, 0)}`);
if (!process.argv.includes('--ours')) {
  score('compromise people() (baseline)', people);
  score('compromise people(), 2+ words only', (r) => people(r).filter((s) => /\s/.test(r.text.slice(s.start, s.end))));
}
score('smcheck findPersonNames', (r) => findPersonNames(nlp, r.text));
if (process.argv.includes('--halves')) {
  // The detector was tuned looking at errors over the whole set (there is no separate dev split):
  // the two halves by document show how much the numbers move.
  const all = recs.splice(0);
  recs.push(...all.filter((r) => (r as unknown as { doc: number }).doc % 2 === 0));
  score('smcheck, even documents', (r) => findPersonNames(nlp, r.text));
  recs.splice(0, recs.length, ...all.filter((r) => (r as unknown as { doc: number }).doc % 2 === 1));
  score('smcheck, odd documents', (r) => findPersonNames(nlp, r.text));
}

/**
 * Clock-time detection speed: findClockTimes (src/text/times/) over school-post sentences,
 * with chrono-node on the same sentences for comparison, and the missing-attribution helpers
 * over a long draft.
 *
 *   node --import tsx scripts/bench/times.ts
 *
 * The sentences are made here from templates (times, traps and plain prose in the mix a school
 * post has): no evaluation data is read.
 */
import { findClockTimes } from '../../src/text/times/index.js';
import { findCredits, findQuotations, findShareMarkers } from '../../src/text/attribution.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const TEMPLATES = [
  'Doors open at {t} for the summer disco in the hall.',
  'Well done to Year {n} for a brilliant assembly this morning!',
  'Tickets cost £{p} from the office, and we raised £1,250 last year.',
  'The coach leaves at {t} on Friday, please be on time.',
  'We won {n}-2 against St Mary’s in a tense match.',
  'Please read for 30 minutes every night and sign the reading record.',
  'Cake sale from {h} till {h2} in the canteen after school.',
  'Our midday supervisors do a wonderful job every day.',
  'Children in Years 3-6 can join the choir on Tuesdays.',
  'The match kicks off at quarter to {w} on the top field.',
  'Sports day is on 12.06.25, weather permitting.',
  'Turn to page {n} in your reading book and answer question {n}.',
  'The trip returns around {h}.45 this afternoon.',
  'Thank you to all the parents who came to our harvest festival.',
];
const times = ['6pm', '6.30pm', '18:00', '7:15', 'half past six', '1800hrs', '3.15pm', 'noon'];
const words = ['four', 'two', 'three', 'nine'];

function sentences(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const tpl = TEMPLATES[i % TEMPLATES.length];
    out.push(
      tpl
        .replace(/\{t\}/g, times[i % times.length])
        .replace(/\{n\}/g, String((i % 6) + 1))
        .replace(/\{p\}/g, `${(i % 5) + 1}.50`)
        .replace(/\{h\}/g, String((i % 5) + 2))
        .replace(/\{h2\}/g, String((i % 5) + 4))
        .replace(/\{w\}/g, words[i % words.length]),
    );
  }
  return out;
}

const N = 5000;
const sents = sentences(N);
const doc = sents.join(' ');
const words5k = sentences(400).join(' ');

// warm up
for (let i = 0; i < 3; i++) findClockTimes(doc);

const perSentence: number[] = [];
for (let r = 0; r < 20; r++) {
  const t0 = performance.now();
  for (const s of sents) findClockTimes(s);
  perSentence.push(performance.now() - t0);
}
const ms = median(perSentence);
console.log(`times: ${N.toLocaleString('en-GB')} sentences one by one: ${ms.toFixed(1)} ms (median of 20), ${Math.round((N / ms) * 1000).toLocaleString('en-GB')} sentences/s`);

const whole: number[] = [];
for (let r = 0; r < 20; r++) {
  const t0 = performance.now();
  findClockTimes(words5k);
  whole.push(performance.now() - t0);
}
console.log(`times: one ${words5k.split(/\s+/).length.toLocaleString('en-GB')}-word draft: ${median(whole).toFixed(2)} ms (median of 20)`);

const allow = ['8:45', '3:15pm', '8.30am-4pm'];
const withAllow: number[] = [];
for (let r = 0; r < 20; r++) {
  const t0 = performance.now();
  findClockTimes(words5k, { allow });
  withAllow.push(performance.now() - t0);
}
console.log(`times: same draft with 3 allowTimes: ${median(withAllow).toFixed(2)} ms (median of 20)`);

const att: number[] = [];
for (let r = 0; r < 20; r++) {
  const t0 = performance.now();
  findCredits(words5k);
  findQuotations(words5k);
  findShareMarkers(words5k);
  att.push(performance.now() - t0);
}
console.log(`attribution: credits, quotations and repost markers in the same draft: ${median(att).toFixed(2)} ms (median of 20)`);

if (!process.argv.includes('--no-chrono')) {
  const t0 = performance.now();
  const chrono = await import('chrono-node');
  const load = performance.now() - t0;
  const ref = new Date(2024, 5, 12, 9, 0);
  for (let i = 0; i < 2; i++) for (const s of sents.slice(0, 500)) chrono.en.GB.parse(s, ref);
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t1 = performance.now();
    for (const s of sents) chrono.en.GB.parse(s, ref);
    runs.push(performance.now() - t1);
  }
  const cm = median(runs);
  console.log(`times baseline: chrono-node on the same ${N.toLocaleString('en-GB')} sentences: ${cm.toFixed(1)} ms (median of 5), ${Math.round((N / cm) * 1000).toLocaleString('en-GB')} sentences/s; import ${load.toFixed(0)} ms`);
}

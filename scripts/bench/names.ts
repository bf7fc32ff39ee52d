/**
 * Pupil-name matching at scale, and the cost of loading compromise.
 *   node --import tsx scripts/bench/names.ts
 * A generated 2,000-pupil roster (invented names, seeded) and a 5,000-word draft that names
 * 50 pupils in 300 sentences; prints the index build time, the matching time (median of 20)
 * and compromise's cold load time in a fresh process (median of 5), each way we could load it.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildNameIndex, findNames, resolveMaybes } from '../../src/text/names/index.js';
import type { Person, School } from '../../src/types.js';

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)];

const FIRST = 'Amelia Olivia Isla Ava Mia Ivy Lily Freya Florence Rose Willow Grace Summer Hope May Amber Poppy Evie Harper Sienna Noah Oliver Leo Arthur Oscar Theo Archie Harry Jack Will Max Bill Freddie Alfie Charlie Thomas George Henry Jacob Zoë Siobhan Carys Priya Ravi Aisha Omar Yusuf Kacper Zofia Tomasz Niamh Rhys Dylan Maryam Zara Ibrahim Hamza Layla Arjun Ananya'.split(' ');
const LAST = "Hughes|Patel Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Walker Wright Robinson Thompson White Green Hill Young King Church Wood Baker Carter Okafor Okonkwo Müller O'Brien Hughes-Owen Kowalczyk Nowak Nguyen Khan Ahmed Ali Begum Singh Kaur Murphy Kelly Campbell Stewart Morgan Price Lloyd Van der Berg Fairbrother Lindqvist Ashdown Brennan Osei Mensah Adeyemi".replace(/ /g, '|').replace('Van|der|Berg', 'Van der Berg').split('|');

const roster: Person[] = Array.from({ length: 2000 }, (_, i) => ({
  first: pick(FIRST),
  last: `${pick(LAST)}${i % 3 === 0 ? '' : pick(['ford', 'ton', 'wick', 'ley', 'man', 'by', 'son'])}`,
  className: pick(['Oak', 'Maple', 'Willow', 'Ash', 'Elm', 'Rowan']),
  source: `roster.csv:${i + 2}`,
}));
const school: School = {
  roster,
  staff: [{ first: 'Helen', last: 'Green', source: 's' }, { first: 'David', last: 'Okafor', source: 's' }],
  noPublish: roster.slice(0, 20),
  classes: ['Oak', 'Maple', 'Willow'],
  allowNames: ['Roald Dahl'],
  schoolDomains: [],
  allowTimes: [],
  devices: [],
  maxImageSize: 2048,
};

const WORDS = 'the|children|had|a|wonderful|time|at|sports day|this|week|and|we will|remember|the rose garden|our bakers|made|bread|in May|with Mrs Green|and Oak Class|while|everyone|cheered|loudly|for|their|friends|on|the field'.split('|');
const sentences: string[] = [];
let words = 0;
let named = 0;
const planted: string[] = [];
while (words < 5000) {
  const n = 9 + Math.floor(rand() * 6);
  const s = Array.from({ length: n }, () => pick(WORDS));
  if (sentences.length % 6 === 0) {
    const p = pick(roster);
    s.splice(3, 0, `${p.first} ${p.last}`);
    if (process.env.NAMES_DEBUG) planted.push(`${p.first} ${p.last}`);
    named++;
  }
  s[0] = s[0][0].toUpperCase() + s[0].slice(1);
  sentences.push(s.join(' ') + '.');
  words += s.join(' ').split(' ').length;
}
const draft = sentences.join(sentences.length % 2 ? ' ' : '\n');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

const tb = performance.now();
const index = buildNameIndex(school);
const build = performance.now() - tb;

const times: number[] = [];
let hits = 0;
for (let i = 0; i < 21; i++) {
  const t0 = performance.now();
  const found = findNames(index, draft);
  hits = found.length;
  times.push(performance.now() - t0);
}
times.shift(); // the first run warms up the JIT

console.log(`names: index of a ${roster.length.toLocaleString('en-GB')}-pupil roster built in ${fmt(build)}`);
console.log(`names: ${roster.length.toLocaleString('en-GB')}-pupil roster x ${words.toLocaleString('en-GB')}-word draft: ${fmt(median(times))} (median of 20; ${hits} names found, ${named} full names planted; target < 50 ms)`);

// Word-like names at the start of a sentence are settled with compromise, loaded only then.
const maybeText = 'Summer is here. Grace sang a solo. Will you come?';
const tm = performance.now();
await resolveMaybes(maybeText, findNames(index, maybeText));
console.log(`names: settling sentence-initial word-names with compromise (includes loading it): ${fmt(performance.now() - tm)}`);

// compromise's cold load time, in a fresh process each time.
const root = fileURLToPath(new URL('../../', import.meta.url));
const loaders: [string, string][] = [
  ["import('compromise') (ES source)", "await import('compromise')"],
  ["require('compromise') (prebuilt bundle; what loadNlp uses)", "createRequire(process.cwd() + '/x.js')('compromise')"],
  ["require('compromise/two') (prebuilt, tagger only)", "createRequire(process.cwd() + '/x.js')('compromise/two')"],
  ["require('compromise/one') (prebuilt, tokeniser only)", "createRequire(process.cwd() + '/x.js')('compromise/one')"],
];
for (const [name, code] of loaders) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const src = `import { createRequire } from 'node:module'; const t = performance.now(); ${code}; console.log(performance.now() - t);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', src], { cwd: root, encoding: 'utf8' });
    runs.push(Number(out.trim()));
  }
  console.log(`names: compromise load, ${name}: ${fmt(median(runs))} (median of 5 cold processes)`);
}
if (process.env.NAMES_DEBUG) {
  const got = new Set(findNames(index, draft).map((m) => m.text));
  console.log(planted.filter((p) => !got.has(p)));
}

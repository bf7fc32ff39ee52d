/**
 * Why the shipped negative-tone rule reads each sentence as it does (dev aid):
 *   npx tsx scripts/eval/tone-why.ts post.md [more.md]    # flagged sentences with their reasons
 *   echo "some sentence" | npx tsx scripts/eval/tone-why.ts --all
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compileOptions, toneOptions } from '../../src/checks/tone.js';
import { scoreSentences } from '../../src/text/tone/index.js';
const y = parse(readFileSync(new URL('../../rules/negative-tone.yml', import.meta.url), 'utf8')) as Record<string, unknown>;
for (const k of ['id', 'extends', 'severity', 'message', 'messages', 'policy', 'section', 'description', 'catches', 'ignores', 'examples']) delete y[k];
const tone = compileOptions(toneOptions.parse(y));
const all = process.argv.includes('--all');
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const texts = files.length ? files.map((f) => readFileSync(f, 'utf8')) : readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const text of texts) for (const s of scoreSentences(text, tone, [], { softBreaks: true })) {
  if (!all && s.kind === 'none') continue;
  console.log(`[${s.kind}${s.target ? ' @' + s.target : ''}] ${text.slice(s.start, s.end).replace(/\s+/g, ' ')}\n    ${s.reasons.join('; ')}`);
}

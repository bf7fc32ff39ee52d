/**
 * Score negative-tone on a folder of labelled one-sentence posts (test/blind-tone/ by default):
 * `sentences.jsonl`, one object a line: `id`, `label` (grievance | clean | mild), `target`, `text`.
 * Each sentence is checked as its own draft through the real engine, with the sample school's
 * config (fixtures/smcheck.yml: its staff are people a grievance can name).
 *
 *   npx tsx scripts/eval/tone-blind.ts [folder]
 *
 * Flagged = any negative-tone finding (error or warning). grievance is positive, clean negative;
 * mild is left out of precision and recall and listed. Also shows the stricter reading (an
 * error only) and every miss and false alarm with its message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/config.js';
import { loadRules } from '../../src/engine/rules.js';
import { checkDraft } from '../../src/engine/run.js';
import { parseDraft } from '../../src/inputs/draft.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(process.cwd(), process.argv[2] ?? path.join(ROOT, 'test/blind-tone'));

interface Row {
  id: string;
  label: 'grievance' | 'clean' | 'mild';
  target?: string;
  text: string;
}
const rows = readFileSync(path.join(dir, 'sentences.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

const school = loadConfig(path.join(ROOT, 'fixtures/smcheck.yml'), ROOT).school;
const rules = (await loadRules({ dirs: [], disable: [], cwd: ROOT })).filter((r) => r.id === 'negative-tone');

const results: Array<{ row: Row; severity: 'error' | 'warning' | 'none'; message: string }> = [];
for (const row of rows) {
  const absPath = path.join(ROOT, 'test', '__inline__', `${row.id}.md`);
  const draft = parseDraft(row.text, { path: `${row.id}.md`, absPath, format: 'markdown' });
  const out = await checkDraft({ kind: 'draft', path: `${row.id}.md`, extraImages: [], parsed: draft }, { rules, school, cwd: ROOT });
  const mine = out.findings.filter((f) => f.rule === 'negative-tone');
  const severity = mine.some((f) => f.severity === 'error') ? 'error' : mine.some((f) => f.severity === 'warning') ? 'warning' : 'none';
  results.push({ row, severity, message: mine.map((f) => f.message).join(' | ') });
}

function prf(flagged: (sev: string) => boolean) {
  let tp = 0, fp = 0, fn = 0;
  for (const r of results) {
    if (r.row.label === 'mild') continue;
    const f = flagged(r.severity);
    if (f && r.row.label === 'grievance') tp++;
    else if (f) fp++;
    else if (r.row.label === 'grievance') fn++;
  }
  const p = tp / (tp + fp || 1), rc = tp / (tp + fn || 1);
  return `TP ${tp}  FP ${fp}  FN ${fn}   P ${p.toFixed(2)}  R ${rc.toFixed(2)}  F1 ${(2 * p * rc / (p + rc || 1)).toFixed(2)}`;
}
const count = (l: string) => rows.filter((r) => r.label === l).length;
console.log(`${path.relative(process.cwd(), dir) || dir}: ${rows.length} sentences (${count('grievance')} grievance, ${count('clean')} clean, ${count('mild')} mild)`);
console.log(`any finding:  ${prf((s) => s !== 'none')}`);
console.log(`error only:   ${prf((s) => s === 'error')}`);
const show = (title: string, keep: (r: (typeof results)[number]) => boolean) => {
  const xs = results.filter(keep);
  console.log(`\n${title} (${xs.length}):`);
  for (const r of xs) console.log(`  ${r.row.id} [${r.severity}] ${r.row.text}${r.message ? `\n      ${r.message}` : ''}`);
};
show('missed grievances', (r) => r.row.label === 'grievance' && r.severity === 'none');
show('grievances only warned', (r) => r.row.label === 'grievance' && r.severity === 'warning');
show('false alarms on clean sentences', (r) => r.row.label === 'clean' && r.severity !== 'none');
show('mild (not scored)', (r) => r.row.label === 'mild');

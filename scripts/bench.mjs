// npm run bench: whole-process timings as ratios to `node -e 0` measured in the same run
// (the floor F), then every scripts/bench/*.ts (in-process measurements owned by each area).
// Runs are interleaved (floor, A, B, floor, A, B, ...) so machine load hits all of them alike.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const bin = path.join(root, 'bin', 'smcheck.js');

const cases = [
  { label: 'node -e 0 (floor F)', args: ['-e', '0'] },
  { label: 'smcheck --help', args: [bin, '--help'], target: 1.5 },
  { label: 'smcheck clean draft, no photo', args: [bin, 'fixtures/drafts/disco-reminder.md'] },
  { label: 'smcheck sample draft + 1 photo, all rules', args: [bin, 'fixtures/drafts/sports-day.md', 'fixtures/drafts/photos/relay.jpg'], target: 4 },
];

function once(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status === null || r.status >= 2) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
for (const c of cases) once(c.args); // warm the file cache once (cold = new process, not cold disk)
const times = cases.map(() => []);
for (let i = 0; i < RUNS; i++) cases.forEach((c, j) => times[j].push(once(c.args)));
const floor = median(times[0]);
console.log(`Whole process, median of ${RUNS} interleaved runs (${process.version}, ${process.platform}):`);
cases.forEach((c, j) => {
  const m = median(times[j]);
  const ratio = m / floor;
  const verdict = c.target ? (ratio <= c.target ? `  ok (target <= ${c.target}x)` : `  OVER target ${c.target}x`) : '';
  console.log(`  ${c.label.padEnd(44)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x F${verdict}`);
});

const benchDir = path.join(root, 'scripts', 'bench');
const files = existsSync(benchDir) ? readdirSync(benchDir).filter((f) => /\.(ts|mjs)$/.test(f)).sort() : [];
for (const f of files) {
  console.log(`\n== scripts/bench/${f}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, f)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(r.stdout);
  if (r.status !== 0) console.log(`  (failed: exit ${r.status}) ${r.stderr.split('\n').slice(0, 5).join('\n  ')}`);
}

// Issue 16's benchmark, in one run: a generated corpus (2,000 drafts of 50–300 words, a third
// with a photo) in a temp folder, timed as whole processes against `node -e 0` and against
// peers on the same drafts (alex, write-good, markdownlint-cli2, textlint: devDependencies).
// Writes bench/results.md with the machine's core count, load and the date.
//   node scripts/bench/batch.mjs            (npm run bench runs it)
//   BENCH_DRAFTS=300 BENCH_BIG=0 node scripts/bench/batch.mjs   (a quick look; not for results.md)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus } from '../make-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'smcheck.js');
const probe = path.join(root, 'scripts', 'bench-probe.mjs');
const N = Number(process.env.BENCH_DRAFTS ?? 2000);
const BIG = process.env.BENCH_BIG !== '0';
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 11);
const quick = N !== 2000 || !BIG;
const cores = os.availableParallelism();
const load0 = os.loadavg();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'smcheck-bench-'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function run(cmd, args, cwd, env = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const m = /smcheck-probe: maxrss_kb=(\d+) cpu_ms=(\d+)/.exec(r.stderr ?? '');
  return { ms, status: r.status, err: r.stderr, rssMb: m ? Number(m[1]) / 1024 : undefined, cpuMs: m ? Number(m[2]) : undefined };
}
const node = (args, cwd, env) => run(process.execPath, args, cwd, env);
const smcheck = (args, cwd, env) => {
  const r = node(['--import', probe, bin, ...args], cwd, env);
  if (r.status === null || r.status >= 2) throw new Error(`smcheck ${args.join(' ')} exited ${r.status}: ${r.err.slice(0, 400)}`);
  return r;
};
const peer = (name) => path.join(root, 'node_modules', '.bin', name);

try {
  console.log(`corpus: ${N} drafts in ${tmp} (${cores} cores, load ${load0.map((x) => x.toFixed(1)).join(' ')})`);
  const withCfg = path.join(tmp, 'school');
  const noCfg = path.join(tmp, 'teacher');
  const made = makeCorpus(withCfg, { drafts: N, seed: 16 });
  makeCorpus(noCfg, { drafts: N, seed: 16, config: false });
  const files = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f)).sort();
  const drafts = files(withCfg);

  // Cold: one draft + its photo, a new process each time, interleaved with the floor.
  const one = ['week-001/post-00001.md', 'week-001/post-00001.jpg'];
  for (const c of [withCfg, noCfg]) smcheck(one, c); // warm the file cache once
  const floor = [];
  const coldCfg = [];
  const coldNo = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(node(['-e', '0'], root).ms);
    coldCfg.push(smcheck(one, withCfg).ms);
    coldNo.push(smcheck(one, noCfg).ms);
  }
  const F = median(floor);

  // Batch: the whole corpus, all cores, report to stdout (discarded).
  const batchCfg = smcheck(['--format', 'json', '.'], withCfg);
  const batchNo = smcheck(['--format', 'json', '.'], noCfg);
  const oneCore = smcheck(['--format', 'json', '.'], withCfg, { SMCHECK_WORKERS: '0' });

  // Peers on the same drafts (their own defaults; each reads the same files).
  const peers = [];
  const tryPeer = (label, cmd, args) => {
    if (!existsSync(cmd)) return peers.push({ label, skipped: 'not installed' });
    const r = run(cmd, args, noCfg);
    peers.push({ label, ms: r.ms, status: r.status });
  };
  const rel = drafts.map((d) => path.relative(withCfg, d)).map((p) => p.split(path.sep).join('/'));
  tryPeer('alex', peer('alex'), ['--quiet', ...rel]);
  tryPeer('write-good', peer('write-good'), ['--parse', ...rel]);
  tryPeer('markdownlint-cli2', peer('markdownlint-cli2'), ['**/*.md']);
  tryPeer('textlint (sentence-length)', peer('textlint'), ['--rule', 'sentence-length', '--rules-base-directory', path.join(root, 'node_modules'), ...rel]);

  // Peak memory as the folder grows (with config, all rules).
  const mem = [];
  const sizes = BIG ? [500, 2000, 10000] : [Math.min(500, N), N];
  for (const n of sizes) {
    let dir = withCfg;
    if (n !== N) {
      dir = path.join(tmp, `mem-${n}`);
      makeCorpus(dir, { drafts: n, seed: 16 });
    }
    const r = smcheck(['--format', 'json', '.'], dir);
    mem.push({ n, rssMb: r.rssMb, ms: r.ms });
    if (dir !== withCfg) rmSync(dir, { recursive: true, force: true });
  }

  // Photos: smcheck checking 300 of the corpus's photos (whole process, every photo rule) vs
  // `exiftool -fast -json` reading them.
  const photos = readdirSync(withCfg, { recursive: true }).filter((f) => f.endsWith('.jpg')).sort().slice(0, 300);
  let exif;
  const hasExiftool = spawnSync('exiftool', ['-ver'], { stdio: 'ignore' }).status === 0;
  if (hasExiftool) {
    const s = median([0, 1, 2].map(() => smcheck(['--format', 'json', ...photos], withCfg).ms));
    const e = median([0, 1, 2].map(() => run('exiftool', ['-fast', '-json', ...photos], withCfg).ms));
    exif = { s, e, n: photos.length };
  }
  const load1 = os.loadavg();

  // ---- report
  const dps = (r) => (N / r.ms) * 1000;
  const alex = peers.find((p) => p.label === 'alex');
  const alexDps = alex?.ms ? (N / alex.ms) * 1000 : undefined;
  const x = (v) => `${v.toFixed(1)}×`;
  const coresUsed = (r) => (r.cpuMs / r.ms).toFixed(2);
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const rows = [
    ['one draft + photo, cold, with the school\'s config', `${x(median(coldCfg) / F)} \`node -e 0\` (${median(coldCfg).toFixed(0)} ms; F = ${F.toFixed(0)} ms)`, '≤ 3×'],
    ['the same with no config', `${x(median(coldNo) / F)} \`node -e 0\` (${median(coldNo).toFixed(0)} ms)`, '≤ 3×'],
    ['batch drafts/s with config, vs alex', `${dps(batchCfg).toFixed(0)} vs ${alexDps?.toFixed(0) ?? '–'} (${alexDps ? x(dps(batchCfg) / alexDps) : '–'})`, '≥ 10× alex'],
    ['batch with no config', `${dps(batchNo).toFixed(0)} drafts/s (${alexDps ? x(dps(batchNo) / alexDps) : '–'} alex)`, '≥ 5× alex'],
    ['cores used (CPU time / wall time, batch with config)', `${coresUsed(batchCfg)} of ${cores} (one thread: ${dps(oneCore).toFixed(0)} drafts/s, ${coresUsed(oneCore)} cores)`, 'all'],
    ...mem.map((m) => [`peak memory, ${m.n.toLocaleString('en')} drafts`, `${m.rssMb.toFixed(0)} MB (${((m.n / m.ms) * 1000).toFixed(0)} drafts/s)`, '≤ 200 MB']),
    ['photos: smcheck (all photo rules, whole process) vs `exiftool -fast -json`', exif ? `${exif.n} files: ${exif.s.toFixed(0)} ms vs ${exif.e.toFixed(0)} ms (${x(exif.e / exif.s)} faster)` : 'ExifTool not installed', '≥ 5× (metadata only: scripts/bench/images.ts)'],
  ];
  const table = ['| | measured | target |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const peerLines = peers.map((p) => (p.skipped ? `- ${p.label}: ${p.skipped}` : `- ${p.label}: ${((N / p.ms) * 1000).toFixed(0)} drafts/s (${(p.ms / 1000).toFixed(1)} s, exit ${p.status})`)).join('\n');
  const md = `# smcheck batch benchmark (issue 16)

Run ${date} UTC on ${cores} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.
Load average ${load0.map((v) => v.toFixed(1)).join(' / ')} at the start and ${load1.map((v) => v.toFixed(1)).join(' / ')} at the end:
${Math.max(load0[0], load1[0]) > cores ? `**the machine was shared and loaded** (more runnable processes than cores), so times are slower and noisier than on an idle machine; ratios to \`node -e 0\` and to the peers were measured in the same conditions.` : 'the machine was not loaded.'}

Corpus: ${made.drafts} drafts of 50–300 words in folders of 100, ${made.photos} with a photo beside them
(\`scripts/make-corpus.mjs\`, seed 16), once with the sample school's config (\`fixtures/\`) and
once without. Cold runs: median of ${RUNS} interleaved with \`node -e 0\`. Batch: one run each,
report to stdout. Memory: peak resident set of the whole process (all threads).

${table}

Peers on the same ${N} drafts (no config):
${peerLines}

Made by \`npm run bench\` (scripts/bench/batch.mjs).
`;
  console.log(md);
  if (!quick) {
    mkdirSync(path.join(root, 'bench'), { recursive: true });
    writeFileSync(path.join(root, 'bench', 'results.md'), md);
    console.log('written: bench/results.md');
  } else console.log('(quick run: bench/results.md not written)');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// Build the CLI into dist/ with esbuild: one small entry chunk for argument parsing, and
// separate chunks (code splitting) for the engine, checks and reporters, loaded on demand.
// Native and heavy packages (sharp, exifr, compromise, libheif-js) stay in node_modules and
// are imported only when a rule needs them.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

// Word lists (src/text/*/lexicon/) → lexicon.gen.ts, bundled below (see scripts/gen-lexicons.ts).
const { spawnSync } = await import('node:child_process');
const lex = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-lexicons.ts'], { stdio: ['ignore', 'inherit', 'inherit'], cwd: new URL('..', import.meta.url) });
if (lex.status !== 0) {
  console.error('build: the word lists did not compile (see above)');
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts', worker: 'src/batch/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['sharp', 'mammoth', 'open', 'exifr', 'exifr/*', 'compromise', 'libheif-js', 'libheif-js/*', 'compromise/*', 'sentiment', 'sentiment/*', 'unhomoglyph'],
  define: { __SMCHECK_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: 'warning',
});

// Validate the built-in rules now, not on every run (see scripts/compile-rules.ts).
const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/compile-rules.ts'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: new URL('..', import.meta.url) });
if (r.status !== 0) {
  console.error('build: the built-in rules did not validate (see above)');
  process.exit(1);
}

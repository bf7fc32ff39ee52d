/**
 * The command line: commander wiring only. Everything heavier than argument parsing is
 * imported when a command runs, so `smcheck --help` starts as fast as Node itself.
 */
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { closest } from './did-you-mean.js';
import { UsageError } from './errors.js';
import { VERSION } from './version.js';
import { safeLines } from './report/escape.js';

const collect = (value: string, prev: string[]): string[] => [...prev, value];
/** `--disable a,b --disable c` → [a, b, c] */
const collectList = (value: string, prev: string[]): string[] => [...prev, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
const COMMANDS = ['init', 'rules', 'explain', 'clean'];

const EXAMPLES = `
Examples:
  $ smcheck draft.md photo.jpg           check a post and the photo that goes with it
  $ smcheck drafts/                      check every draft in a folder (with their photos)
  $ smcheck --format json -o report.json drafts/
  $ smcheck --fix draft.md photo.jpg     also write draft.fixed.md and photo.clean.jpg
  $ smcheck clean photo.jpg              make a copy of a photo with its metadata removed
  $ smcheck explain pupil-surname        what a rule checks, and why
  $ smcheck init                         start a config and school data files here
  $ smcheck serve                        check posts in your browser instead
  $ smcheck protect data/no-publish.csv  write a copy of a list with names replaced by keyed hashes
  $ smcheck --record records/ draft.md   keep a record of the check; smcheck verify-record checks it

Exit codes: 0 safe to post, 1 something to fix, 2 usage or config error (nothing checked),
3 a draft or photo could not be read (do not post it unchecked).`;

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('smcheck')
    .description("Check a social-media post and its photos against the school's Social Media Policy before posting.")
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run smcheck --help for usage)')
    .configureOutput({ outputError: (str, write) => write(safeLines(str)) });

  program
    .argument('[paths...]', 'drafts (.md, .txt, .docx), photos (.jpg, .png, .heic...), folders, globs ("drafts/*.md"), or - for standard input')
    .option('-c, --config <file>', 'config file (default: smcheck.yml found from the draft\'s folder upwards)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'html', 'sarif']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of the screen')
    .option('-r, --rules <dir>', 'an extra folder of rule files (repeatable)', collect, [])
    .option('-d, --disable <ids>', 'switch rules off: an id or a comma list (repeatable)', collectList, [])
    .option('--max-warnings <n>', 'fail a draft with more than n warnings', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings needs a whole number, not '${v}'`);
      return n;
    })
    .option('-q, --quiet', 'report errors only, not warnings')
    .option('--fix', 'write fixed copies (draft.fixed.md, photo.clean.jpg); originals are never changed')
    .option('--force', 'replace output files that already exist (never an input, never through a link)')
    .option('--color', 'colour even when the output is not a terminal')
    .option('--no-color', 'plain text output (also when NO_COLOR is set)')
    .option('--record <dir>', 'write a record of each check (hashes and verdict, no names or text) into this folder')
    .option('--print-config', 'print the configuration used for the first path (config file, lists by count, rules) as JSON, and check nothing')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts) => {
      if (opts.printConfig) {
        const { printConfig } = await import('./cli/print-config.js');
        process.stdout.write(await printConfig(paths[0], opts));
        return;
      }
      unknownCommand(paths[0]);
      // text piped in with no paths is a draft, as `smcheck -` is
      if (paths.length === 0 && !process.stdin.isTTY && process.env.SMCHECK_NO_STDIN === undefined) paths = ['-'];
      if (paths.length === 0) {
        program.outputHelp();
        process.exitCode = 2;
        return;
      }
      const { runCheck } = await import('./cli/check.js');
      process.exitCode = await runCheck(paths, opts);
    });

  program
    .command('init')
    .description('write a commented smcheck.yml and template CSV files here (never overwrites)')
    .action(async () => {
      const { runInit } = await import('./cli/init.js');
      process.exitCode = await runInit(process.cwd());
    });

  program
    .command('rules')
    .description('list the rules that would run: id, severity, kind and the policy line')
    .option('-c, --config <file>', 'config file')
    .option('-r, --rules <dir>', 'an extra folder of rule files (repeatable)', collect, [])
    .option('--color', 'colour even when the output is not a terminal')
    .option('--no-color', 'plain text output')
    .action(async (opts) => {
      const { runRules } = await import('./cli/rules.js');
      process.exitCode = await runRules(opts);
    });

  program
    .command('explain')
    .description('what a rule checks, the policy behind it, and an example of each')
    .argument('<id>', 'rule id, e.g. pupil-surname')
    .option('-c, --config <file>', 'config file')
    .option('-r, --rules <dir>', 'an extra folder of rule files (repeatable)', collect, [])
    .option('--color', 'colour even when the output is not a terminal')
    .option('--no-color', 'plain text output')
    .action(async (id: string, opts) => {
      const { runExplain } = await import('./cli/explain.js');
      process.exitCode = await runExplain(id, opts);
    });

  program
    .command('clean')
    .description('write a copy of each photo re-drawn from its pixels, with all metadata removed')
    .argument('<photos...>', 'photos to clean')
    .option('--out <dir>', 'write the copies into this folder (default: next to each photo, as name.clean.jpg)')
    .option('--force', 'replace copies that already exist (never an input, never through a link)')
    .option('-c, --config <file>', 'config file (for maxImageSize; default: smcheck.yml found upwards)')
    .option('--color', 'colour even when the output is not a terminal')
    .option('--no-color', 'plain text output')
    .action(async (photos: string[], opts) => {
      const { runClean } = await import('./cli/clean.js');
      process.exitCode = await runClean(photos, opts);
    });

  program
    .command('serve')
    .description('open a page in your browser to check posts and photos (this computer only)')
    .option('-p, --port <n>', 'port on 127.0.0.1 (default 4747; 0 picks a free one)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port needs a number from 0 to 65535, not '${v}'`);
      return n;
    }, 4747)
    .option('-c, --config <file>', 'config file (default: smcheck.yml found from this folder upwards)')
    .option('--no-open', 'do not open the browser')
    .action(async (opts) => {
      const { runServe } = await import('./cli/serve.js');
      process.exitCode = await runServe(opts);
    });

  program
    .command('protect')
    .description('write the protected form of a no-publish list or consent register (names replaced by keyed hashes) as a new file')
    .argument('<list>', 'the CSV file, e.g. data/no-publish.csv')
    .option('--key <file>', 'the key file (default: $SMCHECK_KEY, else smcheck.key here, made if missing)')
    .option('--out <file>', 'where to write it (default: LIST.protected.csv; never overwritten)')
    .action(async (list: string, opts) => {
      const { runProtect } = await import('./cli/protect.js');
      process.exitCode = await runProtect(list, opts);
    });

  program
    .command('verify-record')
    .description('confirm that a draft and its photos are exactly the files a record says were checked and passed')
    .argument('<record>', 'a record file, or the record folder')
    .argument('<draft>', 'the draft')
    .argument('[photos...]', 'its photos')
    .action(async (record: string, draft: string, photos: string[]) => {
      const { runVerifyRecord } = await import('./cli/verify-record.js');
      process.exitCode = await runVerifyRecord(record, draft, photos);
    });

  return program;
}

/**
 * `smcheck clena photo.jpg` or `smcheck rule`: a first word that is no file but nearly a command
 * is a usage error with "did you mean", not "no such file".
 */
function unknownCommand(first: string | undefined): void {
  if (!first || !/^[a-z][a-z-]*$/i.test(first) || existsSync(first)) return;
  const near = closest(first, COMMANDS);
  if (near) throw new UsageError(`unknown command '${first}'. Did you mean '${near}'? (run smcheck --help for the commands)`);
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride((err) => {
    // commander's own messages (unknown option, missing argument) are usage errors
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
      process.exit(0);
    }
    process.exit(2);
  });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof UsageError || (e as Error).name === 'UsageError') {
      process.stderr.write(`smcheck: ${safeLines((e as Error).message)}\n`);
      process.exitCode = 2;
      return;
    }
    const err = e as Error;
    process.stderr.write(
      `smcheck: internal error: ${safeLines(err.message)}\nThis is a bug in smcheck, not in your post. Nothing was posted. ` +
        `Please report it with the command you ran${process.env.SMCHECK_DEBUG ? `\n${err.stack}` : ' (set SMCHECK_DEBUG=1 for details)'}.\n`,
    );
    process.exitCode = 2;
  }
}

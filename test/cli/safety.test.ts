/**
 * Output never destroys input, and nothing goes over the network (issue 13 points 3, issue 15):
 * every command spawned from the built binary, every input hashed before and after, with
 * symbolic links and earlier outputs lying where smcheck would write.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/rule-tester.js';
import { tmpDir } from '../helpers/tmp.js';

const BIN = path.join(ROOT, 'bin', 'smcheck.js');
const PHOTOS = path.join(ROOT, 'test', 'fixtures', 'photos');
const NO_NET = path.join(ROOT, 'test', 'helpers', 'no-network.mjs');

function smcheck(args: string[], cwd: string, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** sha256 of every regular file under dir, and the target of every link. */
function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) out.set(path.relative(dir, p), `link`);
      else if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** A school folder with a draft, photos, a config, and traps where smcheck writes. */
function school(): string {
  const dir = tmpDir('smcheck-safe-');
  mkdirSync(path.join(dir, 'data'));
  writeFileSync(path.join(dir, 'smcheck.yml'), 'roster: data/roster.csv\nnoPublish: data/no-publish.csv\n');
  writeFileSync(path.join(dir, 'data', 'roster.csv'), 'Forename,Surname\nAmelia,Hughes\nLeo,Marsh\n');
  writeFileSync(path.join(dir, 'data', 'no-publish.csv'), 'Forename,Surname\nLeo,Marsh\n');
  writeFileSync(path.join(dir, 'post.md'), 'Well done to Amelia Hughes at 3:15pm!\n\n![Sports day](gps.jpg)\n');
  writeFileSync(path.join(dir, 'other.md'), 'Well done to Amelia Hughes!\n');
  copyFileSync(path.join(PHOTOS, 'gps.jpg'), path.join(dir, 'gps.jpg'));
  copyFileSync(path.join(PHOTOS, 'gps.jpg'), path.join(dir, 'IMG_1.jpg'));
  copyFileSync(path.join(PHOTOS, 'photo.heic'), path.join(dir, 'IMG_1.heic'));
  // traps: a link where --fix writes post's fixed copy and gps's clean copy, an earlier output
  symlinkSync(path.join(dir, 'post.md'), path.join(dir, 'post.fixed.md'));
  symlinkSync(path.join(dir, 'gps.jpg'), path.join(dir, 'gps.clean.jpg'));
  writeFileSync(path.join(dir, 'other.fixed.md'), 'an earlier fixed copy\n');
  writeFileSync(path.join(dir, 'old-report.txt'), 'an earlier report\n');
  return dir;
}

const COMMANDS: { name: string; args: string[] }[] = [
  { name: 'check', args: ['post.md', 'other.md'] },
  { name: 'check a folder', args: ['.'] },
  { name: '--fix', args: ['--fix', 'post.md', 'other.md'] },
  { name: '--fix --force', args: ['--fix', '--force', 'post.md', 'other.md'] },
  { name: 'clean', args: ['clean', 'gps.jpg', 'IMG_1.jpg', 'IMG_1.heic'] },
  { name: 'clean --force', args: ['clean', '--force', 'gps.jpg'] },
  { name: 'init', args: ['init'] },
  { name: '-o onto the draft', args: ['-o', 'post.md', 'post.md'] },
  { name: '-o --force onto the draft', args: ['--force', '-o', 'post.md', 'post.md'] },
  { name: '-o onto an earlier report', args: ['-o', 'old-report.txt', 'post.md'] },
  { name: '-o onto a photo', args: ['--force', '-o', 'gps.jpg', 'post.md'] },
  { name: 'rules', args: ['rules'] },
  { name: 'explain', args: ['explain', 'no-publish'] },
];

beforeAll(() => {
  expect(existsSync(path.join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first').toBe(true);
});

const exitCodes = new Map<string, number | null>();

describe('every command leaves every input byte-identical', () => {
  for (const cmd of COMMANDS) {
    it(cmd.name, () => {
      const dir = school();
      const before = hashes(dir);
      const r = smcheck(cmd.args, dir);
      exitCodes.set(cmd.name, r.code);
      expect(r.err, r.err).not.toMatch(/internal error/);
      const after = hashes(dir);
      for (const [file, h] of before) {
        if (file === 'other.fixed.md' && cmd.args.includes('--force')) continue; // replaced, as asked
        expect(after.get(file), `${cmd.name}: ${file}`).toBe(h);
      }
      expect(lstatSync(path.join(dir, 'post.fixed.md')).isSymbolicLink()).toBe(true);
      expect(lstatSync(path.join(dir, 'gps.clean.jpg')).isSymbolicLink()).toBe(true);
      expect(readdirSync(dir).filter((f) => f.includes('smcheck-tmp'))).toEqual([]);
    });
  }
});

describe('outputs are refused with one line, and written when they may be', () => {
  it('-o onto a draft: refused (exit 2) before checking, the draft byte-identical', () => {
    const dir = school();
    const draft = readFileSync(path.join(dir, 'post.md'));
    const r = smcheck(['-o', 'post.md', 'post.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('smcheck: post.md: is one of the files being checked; smcheck never writes the report over an input. Choose another name.');
    expect(readFileSync(path.join(dir, 'post.md')).equals(draft)).toBe(true);
    const forced = smcheck(['--force', '-o', './sub/../post.md', 'post.md'], dir);
    expect(forced.code).toBe(2);
    expect(readFileSync(path.join(dir, 'post.md')).equals(draft)).toBe(true);
  });
  it('-o onto an existing file needs --force', () => {
    const dir = school();
    const r = smcheck(['-o', 'old-report.txt', 'other.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/old-report\.txt: already exists; .*--force/);
    const f = smcheck(['--force', '-o', 'old-report.txt', 'other.md'], dir);
    expect(f.code).toBe(1);
    expect(readFileSync(path.join(dir, 'old-report.txt'), 'utf8')).toMatch(/FAIL/);
  });
  it('--fix never writes through a link or over an earlier copy without --force, and says so', () => {
    const dir = school();
    const r = smcheck(['--fix', 'post.md', 'other.md'], dir);
    expect(r.err).toMatch(/not written: post\.fixed\.md: is a symbolic link/);
    expect(r.err).toMatch(/not written: other\.fixed\.md: already exists/);
    expect(r.err).toMatch(/not written: gps\.clean\.jpg: is a symbolic link/);
    expect(r.code).toBe(2);
    const f = smcheck(['--fix', '--force', 'other.md'], dir);
    expect(f.code).toBe(1);
    expect(readFileSync(path.join(dir, 'other.fixed.md'), 'utf8')).toBe('Well done to Amelia!\n');
  });
  it('IMG_1.heic and IMG_1.jpg get distinct clean copies', () => {
    const dir = school();
    const r = smcheck(['clean', 'IMG_1.jpg', 'IMG_1.heic'], dir);
    expect(r.code, r.out + r.err).toBe(0);
    expect(existsSync(path.join(dir, 'IMG_1.clean.jpg'))).toBe(true);
    expect(existsSync(path.join(dir, 'IMG_1-heic.clean.jpg'))).toBe(true);
    const again = smcheck(['clean', 'IMG_1.jpg'], dir);
    expect(again.code).toBe(2);
    expect(again.out).toMatch(/IMG_1\.clean\.jpg: already exists/);
  });
});

describe('nothing goes over the network', () => {
  it('the blocker works: a command that used the network would fail', () => {
    const r = spawnSync(process.execPath, ['--import', NO_NET, '-e', "require('node:net').connect(80, 'example.org')"], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/network use blocked/);
  });
  for (const cmd of COMMANDS) {
    it(`${cmd.name}, with Node's network modules made to throw`, () => {
      const r = smcheck(cmd.args, school(), ['--import', NO_NET]);
      expect(r.err).not.toMatch(/network use blocked|internal error/);
      expect(r.code).toBe(exitCodes.get(cmd.name) ?? smcheck(cmd.args, school()).code);
    });
  }
});

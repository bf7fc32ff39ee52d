import { describe, expect, it } from 'vitest';
import { linkSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { claimName, OutputError, writeOutput } from '../../src/outputs/write.js';
import { tmpDir } from '../helpers/tmp.js';

const reason = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'written';
  } catch (e) {
    expect(e).toBeInstanceOf(OutputError);
    return (e as OutputError).reason;
  }
};

describe('writeOutput: output never destroys input (issue 13 point 3, issue 15)', () => {
  it('writes a new file, and leaves no temporary file behind', async () => {
    const dir = tmpDir();
    await writeOutput(path.join(dir, 'r.txt'), 'report');
    expect(readFileSync(path.join(dir, 'r.txt'), 'utf8')).toBe('report');
    expect(readdirSync(dir)).toEqual(['r.txt']);
  });
  it('never over an existing file without force; with force, replaces it', async () => {
    const dir = tmpDir();
    const t = path.join(dir, 'r.txt');
    writeFileSync(t, 'old');
    expect(await reason(writeOutput(t, 'new'))).toBe('exists');
    expect(readFileSync(t, 'utf8')).toBe('old');
    await writeOutput(t, 'new', { force: true });
    expect(readFileSync(t, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['r.txt']);
  });
  it('never over an input, even with force, however it is spelt (.., a hard link)', async () => {
    const dir = tmpDir();
    const draft = path.join(dir, 'post.md');
    writeFileSync(draft, 'Amelia');
    linkSync(draft, path.join(dir, 'hard.md'));
    for (const t of [draft, path.join(dir, 'x', '..', 'post.md'), path.join(dir, 'hard.md')]) {
      expect(await reason(writeOutput(t, 'report', { force: true, inputs: [draft] }))).toBe('input');
    }
    expect(readFileSync(draft, 'utf8')).toBe('Amelia');
  });
  it('never through a symbolic link, even with force: the file it points to is untouched', async () => {
    const dir = tmpDir();
    const orig = path.join(dir, 'post.md');
    writeFileSync(orig, 'Amelia');
    symlinkSync(orig, path.join(dir, 'post.fixed.md'));
    symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'dangling.fixed.md'));
    expect(await reason(writeOutput(path.join(dir, 'post.fixed.md'), 'fixed', { force: true }))).toBe('symlink');
    expect(await reason(writeOutput(path.join(dir, 'dangling.fixed.md'), 'fixed', { force: true }))).toBe('symlink');
    expect(readFileSync(orig, 'utf8')).toBe('Amelia');
    expect(lstatSync(path.join(dir, 'post.fixed.md')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).some((f) => f.includes('nowhere'))).toBe(false);
  });
  it('a folder is not replaced', async () => {
    const dir = tmpDir();
    expect(await reason(writeOutput(dir, 'x', { force: true }))).toBe('not-file');
  });
  it('distinct names for outputs that would collide', () => {
    const taken = new Set<string>();
    expect(claimName(taken, '/a/IMG_1.clean.jpg', '/a/IMG_1-jpg.clean.jpg')).toBe('/a/IMG_1.clean.jpg');
    expect(claimName(taken, '/a/IMG_1.clean.jpg', '/a/IMG_1-heic.clean.jpg')).toBe('/a/IMG_1-heic.clean.jpg');
    expect(claimName(taken, '/a/IMG_1.clean.jpg', '/a/IMG_1-heic.clean.jpg')).toBe('/a/IMG_1-heic-2.clean.jpg');
  });
});

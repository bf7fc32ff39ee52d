/**
 * Folder walking and photo pairing (src/batch/): pairing rules, .smcheckignore, what is skipped
 * silently and what is reported as not checked (issue 13 point 5), and linear pairing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveInputs } from '../../src/batch/inputs.js';
import { walkFolder, type WalkProblem } from '../../src/batch/walk.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A temp folder with the given files ('' content; a name ending in / is a folder). */
function tree(files: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'smcheck-walk-'));
  dirs.push(root);
  for (const f of files) {
    const p = path.join(root, f);
    if (f.endsWith('/')) mkdirSync(p, { recursive: true });
    else {
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, 'Hello.\n');
    }
  }
  return root;
}

function pairs(root: string): Record<string, string[]> {
  const { inputs } = resolveInputs(['.'], root);
  const out: Record<string, string[]> = {};
  for (const i of inputs) out[i.path] = i.kind === 'photo' ? ['(on its own)'] : (i.extraImages ?? []).map((x) => x.path);
  return out;
}

describe('pairing photos with drafts', () => {
  it('by name: the draft whose name a photo starts with, up to . - or _', () => {
    const root = tree(['sports-day.md', 'sports-day.jpg', 'sports-day-2.JPG', 'sports-day_relay.png', 'disco.md', 'disco-hall.jpg', 'sportsday.jpg', 'other.jpg']);
    expect(pairs(root)).toEqual({
      'disco.md': ['disco-hall.jpg'],
      'sports-day.md': ['sports-day-2.JPG', 'sports-day.jpg', 'sports-day_relay.png'],
      'sportsday.jpg': ['(on its own)'],
      'other.jpg': ['(on its own)'],
    });
  });

  it('a photo matching two drafts goes with both (sports.md and sports-day.md)', () => {
    const root = tree(['sports.md', 'sports-day.md', 'sports-day-1.jpg']);
    expect(pairs(root)).toEqual({ 'sports-day.md': ['sports-day-1.jpg'], 'sports.md': ['sports-day-1.jpg'] });
  });

  it('the only draft in a folder takes every photo in it', () => {
    const root = tree(['trip/post.md', 'trip/IMG_1.jpg', 'trip/IMG_2.heic']);
    expect(pairs(root)).toEqual({ [path.join('trip', 'post.md')]: [path.join('trip', 'IMG_1.jpg'), path.join('trip', 'IMG_2.heic')] });
  });

  it('a folder named after a draft beside it holds that draft\'s photos', () => {
    const root = tree(['2025-06-13-sports-day.md', '2025-06-13-sports-day/IMG_1.jpg', '2025-06-13-sports-day/IMG_2.jpg', 'disco.md', 'random/IMG_3.jpg']);
    expect(pairs(root)).toEqual({
      '2025-06-13-sports-day.md': [path.join('2025-06-13-sports-day', 'IMG_1.jpg'), path.join('2025-06-13-sports-day', 'IMG_2.jpg')],
      'disco.md': [],
      [path.join('random', 'IMG_3.jpg')]: ['(on its own)'],
    });
  });

  it('a folder named after a draft but with drafts of its own pairs inside itself', () => {
    const root = tree(['a.md', 'b.md', 'a/inner.md', 'a/x.jpg']);
    expect(pairs(root)[path.join('a', 'inner.md')]).toEqual([path.join('a', 'x.jpg')]);
    expect(pairs(root)['a.md']).toEqual([]);
  });

  it('pairs through a map: 3,000 drafts and 3,000 photos in one folder, each photo with its own draft', () => {
    const names: string[] = [];
    for (let i = 0; i < 3_000; i++) names.push(`p${i}.md`, `p${i}-1.jpg`);
    const root = tree(names);
    const t = performance.now();
    const { inputs } = resolveInputs(['.'], root);
    const ms = performance.now() - t;
    expect(inputs).toHaveLength(3_000);
    expect(inputs.every((i) => i.extraImages?.length === 1 && i.extraImages[0].path === `${path.basename(i.path, '.md')}-1.jpg`)).toBe(true);
    // The old pairing compared every photo with every draft of the folder (9 million here).
    expect(ms).toBeLessThan(3000);
  });
});

describe('walking folders', () => {
  it('recursive, in a stable order: a folder\'s files, then its subfolders by name', () => {
    const root = tree(['b.md', 'a.md', 'z/1.md', 'z/2.md', 'm/x.md', 'm/y/deep.md']);
    const { inputs } = resolveInputs(['.'], root);
    expect(inputs.map((i) => i.path)).toEqual(['a.md', 'b.md', path.join('m', 'x.md'), path.join('m', 'y', 'deep.md'), path.join('z', '1.md'), path.join('z', '2.md')]);
  });

  it('skips hidden folders and files, node_modules, READMEs and smcheck\'s own outputs', () => {
    const root = tree(['post.md', '.git/x.md', '.drafts/y.md', '.hidden.md', 'node_modules/pkg/README.md', 'node_modules/pkg/z.md', 'README.md', 'post.fixed.md', 'post.clean.jpg']);
    expect(Object.keys(pairs(root))).toEqual(['post.md']);
  });

  it('.smcheckignore (gitignore syntax) skips what it names, from its own folder down', () => {
    const root = tree(['keep.md', 'old/a.md', 'archive-2024.md', 'term/notes.txt', 'term/post.md', 'term/drafts-old/x.md', 'other/notes.txt']);
    writeFileSync(path.join(root, '.smcheckignore'), '# last year\nold/\narchive-*.md\n');
    writeFileSync(path.join(root, 'term', '.smcheckignore'), '*.txt\ndrafts-old\n');
    expect(Object.keys(pairs(root))).toEqual(['keep.md', path.join('other', 'notes.txt'), path.join('term', 'post.md')]);
  });

  it('a negated pattern brings a file back', () => {
    const root = tree(['a.md', 'b.md', 'c.md']);
    writeFileSync(path.join(root, '.smcheckignore'), '*.md\n!b.md\n');
    expect(Object.keys(pairs(root))).toEqual(['b.md']);
  });
});

describe('what cannot be checked is reported, never skipped silently', () => {
  it('a symbolic link to a draft, to a folder, and a folder named like a photo or a draft', () => {
    const root = tree(['real/post.md', 'x.jpg/', 'notes.md/inner.md', 'ok.md']);
    symlinkSync(path.join(root, 'real', 'post.md'), path.join(root, 'linked.md'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'linked-folder'));
    symlinkSync(path.join(root, 'nowhere.md'), path.join(root, 'broken.md'));
    const { inputs, invalid } = resolveInputs(['.'], root);
    expect(inputs.map((i) => i.path)).toEqual(['ok.md', path.join('real', 'post.md')]);
    const reasons = Object.fromEntries(invalid.map((p) => [p.path, p.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['broken.md', 'linked-folder', 'linked.md', 'notes.md', 'x.jpg']);
    expect(reasons['linked.md']).toMatch(/symbolic link.*not checked/);
    expect(reasons['x.jpg']).toMatch(/is a folder, not a photo/);
    expect(reasons['notes.md']).toMatch(/is a folder, not a draft/);
  });

  it('a folder named x.jpg given on the command line', () => {
    const root = tree(['x.jpg/']);
    const { inputs, invalid } = resolveInputs(['x.jpg'], root);
    expect(inputs).toEqual([]);
    expect(invalid[0].reason).toMatch(/x\.jpg: is a folder, not a photo/);
  });

  it('a folder that cannot be read', () => {
    const root = tree(['a/ok.md', 'locked/secret.md']);
    const problems: WalkProblem[] = [];
    const seen: string[] = [];
    // As root, permissions do not stop readdir: make the read fail as it does for a teacher.
    const readdir = (dir: string): never => {
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: 'EACCES' });
    };
    walkFolder('.', root, (f) => seen.push(...f.drafts), problems, (abs) => (abs.endsWith('locked') ? readdir(abs) : undefined));
    expect(seen).toEqual([path.join('a', 'ok.md')]);
    expect(problems).toEqual([{ path: 'locked', reason: expect.stringMatching(/^locked: this folder could not be read \(EACCES\)/) }]);
  });
});

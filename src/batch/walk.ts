/**
 * Walk a folder for drafts and photos, in a stable order (names compared by code unit, a
 * folder's files before its subfolders), without recursion (any depth) and in time linear in
 * the number of entries. Skipped without a word: hidden entries, `node_modules`, smcheck's own
 * outputs (`x.fixed.md`, `x.clean.jpg`) and whatever a `.smcheckignore` names (gitignore
 * syntax, via the `ignore` package; a file applies to its own folder and those below it).
 *
 * What cannot be checked is never skipped silently (issue 13 point 5): a folder that cannot be
 * read, a symbolic link (smcheck does not follow links: the file it points to may be anywhere)
 * and a folder named like a draft or a photo (`x.jpg/`) each come back in `problems`, and the
 * CLI reports them as inputs that were not checked (exit 3).
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isDraftPath, isPhotoPath } from '../inputs/paths.js';

export const IGNORE_FILE = '.smcheckignore';
const SKIP_DIRS = new Set(['node_modules']);

export interface WalkedFolder {
  /** The folder as shown to the user (joined onto the path given). */
  dir: string;
  drafts: string[];
  photos: string[];
  /** Names of direct subfolders that were walked (for sibling-folder pairing). */
  subdirs: string[];
}

export interface WalkProblem {
  path: string;
  reason: string;
}

interface Frame {
  shown: string;
  abs: string;
  /** Ignore matchers in force: each with the folder (absolute) its patterns are relative to. */
  ignores: { base: string; ig: Ignore }[];
}

/** Pre-order walk: calls `onFolder` for every folder in order, before its subfolders. */
export function walkFolder(
  shown: string,
  abs: string,
  onFolder: (f: WalkedFolder) => void,
  problems: WalkProblem[],
  /** Tests only: called before each folder is read, may throw as readdir would. */
  beforeRead?: (abs: string) => void,
): void {
  const stack: Frame[] = [{ shown, abs, ignores: [] }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    let entries: Dirent[];
    try {
      beforeRead?.(frame.abs);
      entries = readdirSync(frame.abs, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      problems.push({ path: frame.shown, reason: `${frame.shown}: this folder could not be read (${code}), so the drafts in it were not checked. Check its permissions and run again.` });
      continue;
    }
    const ignores = withIgnoreFile(frame, entries, problems);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folder: WalkedFolder = { dir: frame.shown, drafts: [], photos: [], subdirs: [] };
    const children: Frame[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const childAbs = path.join(frame.abs, e.name);
      const childShown = path.join(frame.shown, e.name);
      const dir = e.isDirectory();
      if (isIgnored(ignores, childAbs, dir)) continue;
      const named = isDraftPath(e.name) || isPhotoPath(e.name);
      if (e.isSymbolicLink()) {
        if (named || pointsToFolder(childAbs)) problems.push({ path: childShown, reason: `${childShown}: is a symbolic link; smcheck does not follow links, so it was not checked. Check the file or folder it points to directly.` });
      } else if (dir) {
        if (SKIP_DIRS.has(e.name)) continue;
        if (named) {
          problems.push({ path: childShown, reason: `${childShown}: is a folder, not a ${isDraftPath(e.name) ? 'draft' : 'photo'}, so it was not checked. Rename it, or check the files inside it by name.` });
          continue;
        }
        folder.subdirs.push(e.name);
        children.push({ shown: childShown, abs: childAbs, ignores });
      } else if (e.isFile()) {
        if (e.name.startsWith('~$')) continue; // Word's lock files
        if (isDraftPath(e.name) && !/^readme\./i.test(e.name)) folder.drafts.push(childShown);
        else if (isPhotoPath(e.name)) folder.photos.push(childShown);
      } else if (named) {
        problems.push({ path: childShown, reason: `${childShown}: is not a regular file (a device, pipe or socket), so it was not checked.` });
      }
    }
    onFolder(folder);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function withIgnoreFile(frame: Frame, entries: Dirent[], problems: WalkProblem[]): Frame['ignores'] {
  if (!entries.some((e) => e.name === IGNORE_FILE && e.isFile())) return frame.ignores;
  const file = path.join(frame.abs, IGNORE_FILE);
  try {
    const ig = ignore().add(readFileSync(file, 'utf8'));
    return [...frame.ignores, { base: frame.abs, ig }];
  } catch (e) {
    const shown = path.join(frame.shown, IGNORE_FILE);
    problems.push({ path: shown, reason: `${shown}: could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}), so the folder was checked without it.` });
    return frame.ignores;
  }
}

function isIgnored(ignores: Frame['ignores'], abs: string, dir: boolean): boolean {
  for (const { base, ig } of ignores) {
    const rel = path.relative(base, abs).split(path.sep).join('/');
    if (ig.ignores(dir ? `${rel}/` : rel)) return true;
  }
  return false;
}

function pointsToFolder(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Turn command-line paths into draft inputs: drafts, photos attached to the drafts given with
 * them, and folders walked (walk.ts) for drafts with their own photos (pairing rules: pair.ts).
 * What cannot be checked (a missing path, an unreadable folder, a link) comes back in `invalid`.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ImageRef } from '../types.js';
import type { DraftInput } from '../engine/run.js';
import { isDraftPath, isPhotoPath } from '../inputs/paths.js';
import { walkFolder } from './walk.js';
import { Pairer } from './pair.js';
import { isOwnOutputFile } from '../inputs/own-output.js';

export interface ResolvedInputs {
  inputs: DraftInput[];
  /** Paths that are neither drafts, photos nor folders: reported as errors. */
  invalid: { path: string; reason: string }[];
  /** Files smcheck wrote itself (fixed and clean copies, reports), met in folders: not read. */
  skipped: string[];
}

export function resolveInputs(paths: string[], cwd = process.cwd()): ResolvedInputs {
  const drafts: DraftInput[] = [];
  const cliPhotos: ImageRef[] = [];
  const invalid: ResolvedInputs['invalid'] = [];
  const folderInputs: DraftInput[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      /* missing: decided by the extension below, read errors come later */
    }
    if (isDir && (isDraftPath(p) || isPhotoPath(p))) {
      invalid.push({ path: p, reason: `${p}: is a folder, not a ${isDraftPath(p) ? 'draft' : 'photo'}, so it was not checked. Rename it, or give the files inside it.` });
    } else if (isDir) folderInputs.push(...walk(p, abs, cwd, invalid, skipped));
    else if (isDraftPath(p)) drafts.push({ kind: 'draft', path: p });
    else if (isPhotoPath(p)) cliPhotos.push({ path: p, absPath: abs, source: 'cli' });
    else {
      let exists = true;
      try {
        statSync(abs);
      } catch {
        exists = false;
      }
      invalid.push({
        path: p,
        reason: exists
          ? `${p}: not a draft (.md, .markdown, .txt, .docx) or a photo (.jpg, .png, .heic, ...). Give a draft, a photo or a folder.`
          : `${p}: no such file or folder. Check the path and try again.`,
      });
    }
  }
  const inputs: DraftInput[] = [];
  if (drafts.length > 0) {
    for (const d of drafts) inputs.push({ ...d, extraImages: [...cliPhotos] });
  } else {
    for (const ph of cliPhotos) inputs.push({ kind: 'photo', path: ph.path });
  }
  inputs.push(...folderInputs);
  return { inputs, invalid, skipped };
}

function walk(shown: string, abs: string, cwd: string, invalid: ResolvedInputs['invalid'], skipped: string[]): DraftInput[] {
  const pairer = new Pairer(cwd);
  // smcheck's own outputs (fixed and clean copies, saved text reports) are never drafts
  const keep = (p: string): boolean => {
    if (!isOwnOutputFile(path.basename(p), path.resolve(cwd, p))) return true;
    skipped.push(p);
    return false;
  };
  walkFolder(shown, abs, (f) => pairer.add({ ...f, drafts: f.drafts.filter(keep), photos: f.photos.filter(keep) }), invalid);
  // Photos referenced from a draft are attached when the draft is read; the CLI checks the
  // leftovers on their own unless some draft referenced them.
  return [...pairer.drafts, ...pairer.loose];
}

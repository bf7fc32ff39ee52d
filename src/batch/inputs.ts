/**
 * Turn command-line paths into draft inputs: drafts, photos attached to the drafts given with
 * them, and folders walked for drafts with their own photos. A photo in a folder belongs to the
 * draft that references it, or to the draft whose name it starts with (sports-day.md ↔
 * sports-day-2.jpg), or to the only draft in its folder; any other photo is checked on its own.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImageRef } from '../types.js';
import type { DraftInput } from '../engine/run.js';
import { isDraftPath, isOwnOutput, isPhotoPath } from '../inputs/paths.js';

export interface ResolvedInputs {
  inputs: DraftInput[];
  /** Paths that are neither drafts, photos nor folders: reported as errors. */
  invalid: { path: string; reason: string }[];
}

export function resolveInputs(paths: string[], cwd = process.cwd()): ResolvedInputs {
  const drafts: DraftInput[] = [];
  const cliPhotos: ImageRef[] = [];
  const invalid: ResolvedInputs['invalid'] = [];
  const folderInputs: DraftInput[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      /* missing: decided by the extension below, read errors come later */
    }
    if (isDir) folderInputs.push(...walkFolder(p, abs));
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
          ? `${p}: not a draft (.md, .markdown, .txt) or a photo (.jpg, .png, .heic, ...). Give a draft, a photo or a folder.`
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
  return { inputs, invalid };
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

function walkFolder(shown: string, abs: string): DraftInput[] {
  const byDir = new Map<string, { drafts: string[]; photos: string[] }>();
  const visit = (dirShown: string, dirAbs: string): void => {
    let entries;
    try {
      entries = readdirSync(dirAbs, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    const here = { drafts: [] as string[], photos: [] as string[] };
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const childShown = path.join(dirShown, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) visit(childShown, path.join(dirAbs, e.name));
      } else if (e.isFile() && !isOwnOutput(e.name)) {
        if (isDraftPath(e.name) && !/^readme\./i.test(e.name)) here.drafts.push(childShown);
        else if (isPhotoPath(e.name)) here.photos.push(childShown);
      }
    }
    byDir.set(dirShown, here);
  };
  visit(shown, abs);
  const out: DraftInput[] = [];
  const claimed = new Set<string>();
  for (const [, { drafts, photos }] of byDir) {
    for (const d of drafts) {
      const stem = path.basename(d, path.extname(d)).toLowerCase();
      const mine = photos.filter((ph) => {
        const s = path.basename(ph).toLowerCase();
        return drafts.length === 1 || s.startsWith(`${stem}.`) || s.startsWith(`${stem}-`) || s.startsWith(`${stem}_`);
      });
      mine.forEach((m) => claimed.add(m));
      out.push({ kind: 'draft', path: d, extraImages: mine.map((m) => ({ path: m, absPath: path.resolve(m), source: 'folder' as const })) });
    }
  }
  // Photos referenced from a draft are attached when the draft is read; those left over are
  // checked on their own unless some draft references them (the runner dedupes by path).
  for (const [, { photos }] of byDir) {
    for (const ph of photos) if (!claimed.has(ph)) out.push({ kind: 'photo', path: ph });
  }
  return out;
}

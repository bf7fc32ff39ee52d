/**
 * Pair the photos found by the walk with the drafts they belong to, through maps (linear in
 * the number of files, whatever the folder's size). A photo belongs to:
 *  1. the draft whose name it starts with: `sports-day.md` ↔ `sports-day.jpg`,
 *     `sports-day-2.jpg`, `sports-day_relay.png` (case-insensitive; every draft it matches);
 *  2. the only draft in its folder;
 *  3. the draft beside its folder: photos in `2025-06-13-sports-day/` (a folder with no drafts of
 *     its own) belong to `2025-06-13-sports-day.md` next to that folder;
 *  4. a draft that names it (`![…](photos/x.jpg)`): found when the draft is read, so the CLI
 *     drops such a photo from the photos checked on their own.
 * Any other photo is checked on its own.
 */
import path from 'node:path';
import type { ImageRef } from '../types.js';
import type { DraftInput } from '../engine/run.js';
import type { WalkedFolder } from './walk.js';

const SEPARATORS = new Set(['.', '-', '_']);

export class Pairer {
  readonly drafts: DraftInput[] = [];
  readonly loose: DraftInput[] = [];
  /** Per folder (as shown): its drafts by lower-case stem. */
  private stems = new Map<string, Map<string, DraftInput[]>>();

  constructor(private cwd: string) {}

  /** Add one walked folder; folders must come parent first (the walk's pre-order). */
  add(folder: WalkedFolder): void {
    const byStem = new Map<string, DraftInput[]>();
    for (const d of folder.drafts) {
      const input: DraftInput = { kind: 'draft', path: d, extraImages: [] };
      this.drafts.push(input);
      const stem = path.basename(d, path.extname(d)).toLowerCase();
      const list = byStem.get(stem);
      if (list) list.push(input);
      else byStem.set(stem, [input]);
    }
    if (folder.subdirs.length > 0 && byStem.size > 0) this.stems.set(folder.dir, byStem);
    const only = folder.drafts.length === 1 ? this.drafts[this.drafts.length - 1] : undefined;
    const besideFolder = folder.drafts.length === 0 ? this.stems.get(path.dirname(folder.dir))?.get(path.basename(folder.dir).toLowerCase()) : undefined;
    for (const ph of folder.photos) {
      const owners = only ? [only] : besideFolder ?? byPrefix(byStem, path.basename(ph).toLowerCase());
      if (owners.length === 0) {
        this.loose.push({ kind: 'photo', path: ph });
        continue;
      }
      const ref: ImageRef = { path: ph, absPath: path.resolve(this.cwd, ph), source: 'folder' };
      for (const o of owners) o.extraImages!.push(ref);
    }
  }
}

/** Drafts whose stem is the photo's name up to a separator. */
function byPrefix(byStem: Map<string, DraftInput[]>, name: string): DraftInput[] {
  if (byStem.size === 0) return [];
  const out: DraftInput[] = [];
  for (let i = 1; i < name.length; i++) {
    if (!SEPARATORS.has(name[i])) continue;
    const hit = byStem.get(name.slice(0, i));
    if (hit) out.push(...hit);
  }
  return out;
}

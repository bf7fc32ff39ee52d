/**
 * `smcheck clean <photos...> [--out DIR]`, and the photo half of `--fix`: a copy of each photo
 * re-drawn from its pixels with every piece of metadata removed. The original is never touched.
 */
import path from 'node:path';
import { Chalk } from 'chalk';
import type { DraftOutcome } from '../engine/run.js';
import { InputError } from '../errors.js';
import { useColor } from './color.js';

export interface CleanOptions {
  out?: string;
  color?: boolean;
  config?: string;
  /** Long side in pixels for the copy (the config's maxImageSize; 0 keeps the full size). */
  maxSize?: number;
}

export interface CleanResult {
  photo: string;
  out?: string;
  removed: string[];
  error?: string;
}

export async function cleanPhotos(photos: string[], opts: CleanOptions, cwd = process.cwd(), outcomes?: DraftOutcome[]): Promise<CleanResult[]> {
  const { cleanPhoto } = await import('../images/clean.js');
  const results: CleanResult[] = [];
  for (const p of photos) {
    try {
      const r = await cleanPhoto(path.isAbsolute(p) ? p : path.join(cwd, p), { outDir: opts.out ? path.resolve(cwd, opts.out) : undefined, maxSize: opts.maxSize });
      results.push({ photo: p, out: path.relative(cwd, r.out) || r.out, removed: r.removed });
    } catch (e) {
      const abs = path.isAbsolute(p) ? p : path.join(cwd, p);
      const msg = e instanceof InputError ? e.message.split(abs).join(p) : `${p}: could not be cleaned (${(e as Error).message}).`;
      results.push({ photo: p, removed: [], error: msg });
    }
  }
  if (outcomes) {
    for (const r of results) {
      for (const o of outcomes) {
        if (!o.images.includes(r.photo)) continue;
        if (r.error) {
          o.status = 'error';
          o.error = [o.error, r.error].filter(Boolean).join(' ');
        }
      }
    }
  }
  return results;
}

export async function runClean(photos: string[], opts: CleanOptions): Promise<number> {
  const c = new Chalk({ level: useColor(opts.color) ? 1 : 0 });
  const { findConfig, loadConfig } = await import('../config/config.js');
  const cfgFile = opts.config ?? findConfig(path.dirname(path.resolve(photos[0] ?? '.')));
  const maxSize = loadConfig(cfgFile).school.maxImageSize;
  const results = await cleanPhotos(photos, { ...opts, maxSize });
  let failed = 0;
  for (const r of results) {
    if (r.error) {
      failed++;
      process.stdout.write(`${c.red('NOT CLEANED')}  ${r.error}\n`);
    } else {
      const removed = r.removed.length ? `removed: ${r.removed.join(', ')}` : 'no metadata was found; the copy is re-drawn anyway';
      process.stdout.write(`${c.green('CLEANED')}  ${r.photo} → ${c.bold(r.out!)}  ${c.dim(removed)}\n`);
    }
  }
  if (failed === 0) process.stdout.write(c.green.bold(`Post the .clean copies, not the originals (the originals are unchanged).\n`));
  return failed ? 3 : 0;
}

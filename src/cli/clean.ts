/**
 * `smcheck clean <photos...> [--out DIR]`, and the photo half of `--fix`: a copy of each photo
 * re-drawn from its pixels with every piece of metadata removed. The original is never touched.
 */
import path from 'node:path';
import { Chalk } from 'chalk';
import type { DraftOutcome } from '../engine/run.js';
import { InputError } from '../errors.js';
import { OutputError } from '../outputs/write.js';
import { useColor } from './color.js';

export interface CleanOptions {
  out?: string;
  color?: boolean;
  config?: string;
  /** Long side in pixels for the copy (the config's maxImageSize; 0 keeps the full size). */
  maxSize?: number;
  /** Replace existing copies (never an input, never through a link). */
  force?: boolean;
  /** Every file the run reads (absolute): never written over. */
  inputs?: string[];
}

export interface CleanResult {
  photo: string;
  out?: string;
  removed: string[];
  error?: string;
  /** The copy was not written because its name is taken (an input, a link, an existing file). */
  refused?: boolean;
}

export async function cleanPhotos(photos: string[], opts: CleanOptions, cwd = process.cwd(), outcomes?: DraftOutcome[]): Promise<CleanResult[]> {
  const { cleanPhoto } = await import('../images/clean.js');
  const results: CleanResult[] = [];
  const taken = new Set<string>();
  const inputs = [...(opts.inputs ?? []), ...photos.map((p) => path.resolve(cwd, p))];
  for (const p of photos) {
    const abs = path.isAbsolute(p) ? p : path.join(cwd, p);
    try {
      const r = await cleanPhoto(abs, { outDir: opts.out ? path.resolve(cwd, opts.out) : undefined, maxSize: opts.maxSize, force: opts.force, inputs, taken });
      results.push({ photo: p, out: path.relative(cwd, r.out) || r.out, removed: r.removed });
    } catch (e) {
      if (e instanceof OutputError) {
        results.push({ photo: p, removed: [], error: e.message.split(`${path.resolve(cwd)}${path.sep}`).join(''), refused: true });
        continue;
      }
      const msg = e instanceof InputError ? e.message.split(abs).join(p) : `${p}: could not be cleaned (${(e as Error).message}).`;
      results.push({ photo: p, removed: [], error: msg });
    }
  }
  if (outcomes) {
    for (const r of results) {
      if (r.refused) continue; // reported by the caller: the photo was checked, only its copy was not written
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
  let refused = 0;
  for (const r of results) {
    if (r.error) {
      if (r.refused) refused++;
      else failed++;
      process.stdout.write(`${c.red('NOT CLEANED')}  ${r.error}\n`);
    } else {
      const removed = r.removed.length ? `removed: ${r.removed.join(', ')}` : 'no metadata was found; the copy is re-drawn anyway';
      process.stdout.write(`${c.green('CLEANED')}  ${r.photo} → ${c.bold(r.out!)}  ${c.dim(removed)}\n`);
    }
  }
  if (failed === 0 && refused === 0) process.stdout.write(c.green.bold(`Post the .clean copies, not the originals (the originals are unchanged).\n`));
  return failed ? 3 : refused ? 2 : 0;
}

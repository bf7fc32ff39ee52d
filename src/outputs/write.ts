/**
 * The one way smcheck writes a file: the report of `-o`, a draft's `.fixed` copy, a photo's
 * `.clean` copy, `init`'s templates. Output never destroys input:
 *
 * - never over a file this run reads (same file, by device and inode: hard links and `..`
 *   spellings included), even with --force;
 * - never through a symbolic link: a link where the output goes is refused, even with --force;
 * - never over an existing file without --force;
 * - atomically: the bytes go to a new temporary file beside the target (opened with O_EXCL, so
 *   it cannot be a planted link), then move into place. Without --force the move is a hard link,
 *   which fails if the name was taken meanwhile; with --force it is a rename, which replaces the
 *   old file in one step. A reader sees the old file or the new one, never half of either.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, statSync, type Stats } from 'node:fs';
import { link, lstat, mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    message: string,
    readonly reason: 'input' | 'symlink' | 'exists' | 'not-file' | 'io',
  ) {
    super(message);
  }
}

export interface WriteOptions {
  /** Replace an existing regular file (never an input, never a link). */
  force?: boolean;
  /** Files this run reads: never written over. */
  inputs?: Iterable<string>;
  /** The target as the user should see it in messages (default: the path given). */
  shown?: string;
  /** What is being written, for messages ("the report", "the fixed copy"). */
  what?: string;
  /** Create the target's folder if it is missing. */
  mkdir?: boolean;
}

const idOf = (s: Stats): string => `${s.dev}:${s.ino}`;

/** The identities (device:inode) of the inputs that exist. */
export function inputIds(inputs: Iterable<string> | undefined): Set<string> {
  const ids = new Set<string>();
  for (const p of inputs ?? []) {
    try {
      ids.add(idOf(statSync(p)));
    } catch {
      /* a missing input cannot be overwritten */
    }
  }
  return ids;
}

/**
 * Why `target` may not be written, or undefined when it may. Run before the work (so `-o` onto
 * a draft is refused before anything is checked) and again when writing.
 */
export function refusal(target: string, opts: WriteOptions = {}, ids = inputIds(opts.inputs)): OutputError | undefined {
  const shown = opts.shown ?? target;
  const what = opts.what ?? 'the output';
  let st: Stats;
  try {
    st = lstatSync(target);
  } catch {
    return undefined; // nothing there: a new file
  }
  if (st.isSymbolicLink()) {
    return new OutputError(`${shown}: is a symbolic link; smcheck never writes ${what} through a link. Remove the link or choose another name.`, 'symlink');
  }
  if (ids.has(idOf(st))) {
    return new OutputError(`${shown}: is one of the files being checked; smcheck never writes ${what} over an input. Choose another name.`, 'input');
  }
  if (!st.isFile()) {
    return new OutputError(`${shown}: is not a regular file; choose another name for ${what}.`, 'not-file');
  }
  if (!opts.force) {
    return new OutputError(`${shown}: already exists; smcheck does not replace it. Use --force to replace it, or choose another name.`, 'exists');
  }
  return undefined;
}

/** Write `data` to `target` under the rules above. Throws OutputError (one plain line). */
export async function writeOutput(target: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<void> {
  const abs = path.resolve(target);
  const shown = opts.shown ?? target;
  const ids = inputIds(opts.inputs);
  const refused = refusal(abs, { ...opts, shown }, ids);
  if (refused) throw refused;
  const dir = path.dirname(abs);
  if (opts.mkdir) await mkdir(dir, { recursive: true });
  const tmp = tempBeside(abs);
  let moved = false;
  try {
    const fh = await open(tmp, 'wx', 0o644);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await moveIntoPlace(tmp, abs, { ...opts, shown }, ids);
    moved = true;
  } catch (e) {
    throw asOutputError(e, shown, opts.what);
  } finally {
    if (!moved) await unlink(tmp).catch(() => undefined);
  }
}

/**
 * The same, streamed (a batch's report, written as drafts finish): pieces go to a new
 * temporary file beside the target; `close` moves it into place under the same rules, with
 * the options as they are then (the photos a draft names are inputs known only at the end);
 * `abort` removes it.
 */
export async function openOutput(
  target: string,
  opts: () => WriteOptions,
): Promise<{ write(s: string): Promise<void>; close(): Promise<void>; abort(): Promise<void> }> {
  const abs = path.resolve(target);
  const first = opts();
  const shown = first.shown ?? target;
  const refused = refusal(abs, { ...first, shown });
  if (refused) throw refused;
  if (first.mkdir) await mkdir(path.dirname(abs), { recursive: true });
  const tmp = tempBeside(abs);
  let fh: FileHandle;
  try {
    fh = await open(tmp, 'wx', 0o644);
  } catch (e) {
    throw asOutputError(e, shown, first.what);
  }
  let pending: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    size = 0;
    await fh.write(chunk);
  };
  let finished = false;
  return {
    async write(s) {
      pending.push(s);
      size += s.length;
      if (size >= 1 << 16) await flush().catch((e) => Promise.reject(asOutputError(e, shown, first.what)));
    },
    async close() {
      try {
        await flush();
        await fh.sync();
        await fh.close();
        const last = opts();
        await moveIntoPlace(tmp, abs, { ...last, shown }, inputIds(last.inputs));
        finished = true;
      } catch (e) {
        throw asOutputError(e, shown, first.what);
      } finally {
        if (!finished) await unlink(tmp).catch(() => undefined);
      }
    },
    async abort() {
      if (finished) return;
      finished = true;
      await fh.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
    },
  };
}

function tempBeside(abs: string): string {
  return path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.smcheck-tmp`);
}

function asOutputError(e: unknown, shown: string, what: string | undefined): OutputError {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new OutputError(`${shown}: could not write ${what ?? 'the output'} (${code}). Check the folder exists and that you can write to it.`, 'io');
}

/** Move a finished temporary file to `abs`: a rename with --force, else a hard link that never replaces. */
async function moveIntoPlace(tmp: string, abs: string, opts: WriteOptions & { shown: string }, ids: Set<string>): Promise<void> {
  const { shown } = opts;
  if (opts.force) {
    // check again just before the move: a link or an input may have appeared meanwhile
    const late = refusal(abs, opts, ids);
    if (late) throw late;
    await rename(tmp, abs);
    return;
  }
  try {
    await link(tmp, abs); // fails with EEXIST if the name is taken: never replaces anything
    await unlink(tmp).catch(() => undefined);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw refusal(abs, opts, ids) ?? new OutputError(`${shown}: already exists.`, 'exists');
    // file systems without hard links (FAT, some network shares): check, then rename
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw e;
    const late = await lstat(abs).then(() => true, () => false);
    if (late) throw refusal(abs, opts, ids) ?? new OutputError(`${shown}: already exists.`, 'exists');
    await rename(tmp, abs);
  }
}

/**
 * An output name no other output of this run has taken: when two inputs would write the same
 * name (IMG_1.heic and IMG_1.jpg both → IMG_1.clean.jpg), the later one takes `alternative`
 * (IMG_1-heic.clean.jpg), then a number. `taken` holds absolute paths and is updated.
 */
export function claimName(taken: Set<string>, wanted: string, alternative: string): string {
  let name = taken.has(path.resolve(wanted)) ? alternative : wanted;
  const dir = path.dirname(name);
  const base = path.basename(name);
  const dot = base.indexOf('.', 1);
  const [stem, rest] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  for (let n = 2; taken.has(path.resolve(name)); n++) name = path.join(dir, `${stem}-${n}${rest}`);
  taken.add(path.resolve(name));
  return name;
}

/**
 * Reading a file a user named, safely: regular files only (a FIFO would hang, /dev/zero or
 * /dev/urandom named `post.md` would never end), and never more than a size cap, checked before
 * reading and again while reading (a file that grows is cut off, not read for ever).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';

/** Drafts larger than this are refused unless the config raises `maxDraftSize` (in MB). */
export const DEFAULT_MAX_DRAFT_BYTES = 5 * 1024 * 1024;

export function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/**
 * The bytes of `abs`, or an InputError naming `shown`. `what` says what the file is for
 * ("draft", "roster"); `raise` says how to allow a larger file.
 */
export function readRegularFile(abs: string, shown: string, maxBytes: number, what = 'draft', raise = 'maxDraftSize in smcheck.yml'): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for ever
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${shown}: no such file. Check the path and try again.`);
    if (code === 'EISDIR') throw new InputError(`${shown}: is a folder, not a ${what}.`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${shown}: permission denied. Check that you can open the file.`);
    throw new InputError(`${shown}: could not be read (${code ?? (e as Error).message}).`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(`${shown}: is a folder, not a ${what}.`);
    if (!st.isFile()) {
      throw new InputError(`${shown}: is not a regular file (a pipe, device or socket), so it was not read. Save the ${what} as a file and check that.`);
    }
    const tooBig = (): InputError =>
      new InputError(`${shown}: is larger than ${megabytes(maxBytes)} (${megabytes(Math.max(st.size, maxBytes + 1))}), so it was not checked. Check a smaller file, or raise ${raise}.`);
    if (st.size > maxBytes) throw tooBig();
    const chunks: Buffer[] = [];
    let len = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - len) || 1);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') break;
        throw new InputError(`${shown}: could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      len += n;
      if (len > maxBytes) throw tooBig();
    }
    return Buffer.concat(chunks, len);
  } finally {
    closeSync(fd);
  }
}

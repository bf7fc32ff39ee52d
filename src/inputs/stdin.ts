/** A draft pasted on standard input (`smcheck -`, or piped with no paths). */
import { InputError } from '../errors.js';
import { megabytes } from './read-file.js';

/** The bytes of standard input, up to `maxBytes` (more is an error, not a hang on memory). */
export async function readStdin(maxBytes: number, stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let len = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    len += b.length;
    if (len > maxBytes) {
      throw new InputError(`standard input: is larger than ${megabytes(maxBytes)}, so it was not checked. Check a smaller draft, or raise maxDraftSize in smcheck.yml.`);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, len);
}

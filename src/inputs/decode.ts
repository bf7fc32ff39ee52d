/**
 * Bytes → text for drafts and CSVs, as staff save them: UTF-8 (with or without a BOM), UTF-16
 * with a BOM (Word's "Unicode text", Excel's "Unicode text"), UTF-16 without one when its
 * zero bytes give it away, and Windows-1252 (Word and Excel on Windows, "ANSI"): a file that is
 * not valid UTF-8 is read as Windows-1252, where every byte is a character, instead of turning
 * "Zoë" into "Zo�" and missing her on the no-publish list. Decoding uses the WHATWG encodings
 * built into Node (TextDecoder), so no table is hand-made here.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** True when the file started with a byte-order mark. */
  bom: boolean;
}

/** How staff would recognise the encoding, for the report's note. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 ("Unicode text", little-endian)',
  'utf-16be': 'UTF-16 ("Unicode text", big-endian)',
  'windows-1252': 'Windows-1252 ("ANSI", from Word or Excel on Windows)',
};

/** Undefined when the bytes are not text at all (zero bytes that are not UTF-16). */
export function decodeText(buf: Uint8Array): DecodedText | undefined {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  if (buf.includes(0)) {
    const guess = utf16WithoutBom(buf);
    if (!guess) return undefined;
    return { text: new TextDecoder(guess).decode(buf), encoding: guess, bom: false };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(buf), encoding: 'windows-1252', bom: false };
  }
}

/**
 * UTF-16 without a BOM: text in Latin script has a zero in every other byte. Say so only when
 * nearly all of one side's bytes are zero and the other side's are not.
 */
function utf16WithoutBom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (buf.length < 4 || buf.length % 2 !== 0) return undefined;
  const n = Math.min(buf.length, 4096) >> 1;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i++) {
    if (buf[2 * i] === 0) evenZero++;
    if (buf[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= n * 0.9 && evenZero <= n * 0.1) return 'utf-16le';
  if (evenZero >= n * 0.9 && oddZero <= n * 0.1) return 'utf-16be';
  return undefined;
}

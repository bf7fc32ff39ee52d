/**
 * Name keys: what two spellings of one name have in common.
 *
 * A key is what two spellings of one name have in common: lower case, no diacritics
 * (Zoë = Zoe, Müller = Muller), no apostrophes (O'Brien = O’Brien = OBrien), possessive
 * removed (Hughes's = Hughes’ = Hughes). Multi-part names are compared by concatenating the
 * keys of their parts, so "Hughes-Owen", "Hughes Owen" and "HughesOwen" are one key.
 */

const FOLD: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i',
};

const APOS = /['’ʼ‘`´]/g;
const MARKS = /\p{M}+/gu;
const FOLDABLE = /[ßæœøđðłþı]/g;

const keyCache = new Map<string, string>();

/** Lower case, diacritics and apostrophes removed. */
export function normKey(s: string): string {
  if (/^[A-Za-z0-9]+$/.test(s)) return s.toLowerCase();
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const k = slowKey(s);
  if (keyCache.size < 50_000) keyCache.set(s, k);
  return k;
}

function slowKey(s: string): string {
  let k = s.normalize('NFD').replace(MARKS, '').toLowerCase();
  if (FOLDABLE.test(k)) k = k.replace(FOLDABLE, (c) => FOLD[c] ?? c);
  FOLDABLE.lastIndex = 0;
  return k.replace(APOS, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The keys of the parts of a name: "Van der Berg" → [van, der, berg]; "Hughes-Owen" → [hughes, owen]. */
export function nameParts(s: string): string[] {
  if (/^[A-Za-z]+$/.test(s)) return [s.toLowerCase()];
  return s
    .split(/[\s\-‐‑–.]+/u)
    .map(normKey)
    .filter((k) => k.length > 0);
}

/** Turns a photo's file name into words: "AmeliaHughes_2.JPG" → "Amelia Hughes 2". */
export function fileNameWords(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return base
    .replace(/([\p{Ll}])([\p{Lu}])/gu, '$1 $2')
    .replace(/([\p{Lu}])([\p{Lu}][\p{Ll}])/gu, '$1 $2')
    .replace(/[_\-.+~()[\]]+/g, ' ')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
}

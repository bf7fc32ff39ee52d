/**
 * Look-alike characters folded in the prose, keeping its length (every offset still points
 * into the file): "Leo" typed with a Cyrillic "о", "Ｌｅｏ" in full-width letters, "Le\u00ADo"
 * with a soft hyphen or "Le\u200Bo" with a zero-width space are all "Leo" to the checks.
 *
 * - invisible characters (Unicode's Default_Ignorable_Code_Point: zero-width spaces and joiners,
 *   soft hyphens, word joiners) are taken out of their word, which closes up; the word's
 *   run of non-space characters is padded with spaces at its end, so the length is kept and a
 *   span found in the prose still starts where the word starts in the file;
 * - full-width and other compatibility letters and digits become their plain form (NFKC) when
 *   that is one character;
 * - letters that Unicode's confusables data (UTS #39 confusables.txt, through the `unhomoglyph`
 *   package) says look like a plain Latin letter or digit become that letter, in a word that
 *   also has plain Latin letters ("Lеo") or whose letters all look Latin ("Ѕага"). A word
 *   really written in Cyrillic or Greek ("Мир", "Αθήνα") is left alone, and so are accented
 *   Latin letters ("Zoë" stays "Zoë").
 */
import { createRequire } from 'node:module';

// no ASCII letters change, so plain-ASCII prose is returned at once
const NON_ASCII = /[^\x00-\x7f]/;
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ASCII_ALNUM = /^[A-Za-z0-9]$/;
const COMBINING = /\p{M}/u;
const RUN = /\S+/g;

let skeleton: ((s: string) => string) | undefined;
function unhomoglyph(ch: string): string {
  skeleton ??= createRequire(import.meta.url)('unhomoglyph') as (s: string) => string;
  return skeleton(ch);
}

/** The plain Latin letter or digit `ch` looks like, or undefined. */
function lookalike(ch: string): string | undefined {
  if (!LETTER_OR_DIGIT.test(ch)) return undefined;
  let c = ch;
  const nfkc = ch.normalize('NFKC');
  if (nfkc.length === 1 && nfkc !== ch) c = nfkc;
  if (ASCII_ALNUM.test(c)) return c;
  if (COMBINING.test(c.normalize('NFD'))) return undefined; // an accented letter is a letter
  const s = unhomoglyph(c);
  if (!ASCII_ALNUM.test(s)) return undefined;
  const upper = c !== c.toLowerCase();
  if (upper && s === 'l') return 'I'; // the skeleton folds I and l together
  return upper ? s.toUpperCase() : s;
}

/** `prose` with look-alike characters folded; always the same length. */
export function foldLookalikes(prose: string): string {
  if (!NON_ASCII.test(prose)) return prose;
  return prose.replace(RUN, (run) => (NON_ASCII.test(run) ? foldRun(run) : run));
}

function foldRun(run: string): string {
  const chars = Array.from(run);
  const out: string[] = [];
  let removed = 0;
  let i = 0;
  while (i < chars.length) {
    if (!isWordChar(chars[i])) {
      out.push(chars[i]);
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && isWordChar(chars[j])) j++;
    const word = chars.slice(i, j);
    const folded = word.map((c) => (INVISIBLE.test(c) ? '' : lookalike(c)));
    const mixed = word.some((c) => ASCII_ALNUM.test(c)) || word.every((c, k) => folded[k] !== undefined || COMBINING.test(c));
    for (let k = 0; k < word.length; k++) {
      const c = word[k];
      if (INVISIBLE.test(c)) {
        removed += c.length;
        continue;
      }
      const f = folded[k];
      if (mixed && f !== undefined) {
        out.push(f);
        removed += c.length - f.length; // a letter outside the BMP folds to one unit
      } else {
        out.push(c);
      }
    }
    i = j;
  }
  return out.join('') + ' '.repeat(removed);
}

function isWordChar(c: string): boolean {
  return LETTER_OR_DIGIT.test(c) || COMBINING.test(c) || INVISIBLE.test(c);
}

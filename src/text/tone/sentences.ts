/**
 * Sentence spans for the tone detector. (STYLE.md plans one shared splitter in
 * src/text/common/sentences.ts; until then this is the tone detector's own.)
 */

// Words before a full stop that do not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'prof', 'rev', 'sr', 'jr', 'vs', 'etc', 'eg', 'ie', 'no',
  'approx', 'dept', 'est', 'govt', 'inc', 'ltd', 'co', 'mt', 'fr', 'sgt', 'capt', 'nb', 'ps',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'yr',
]);

/**
 * Split text into sentence spans: at . ! ? … (and runs of them) followed by space and a
 * non-lower-case start, and at line breaks (with `softBreaks`, only at blank lines: a markdown
 * paragraph wraps its lines). Abbreviations (Mr., e.g.), initials, decimals,
 * times (3.30) and URLs do not end a sentence. Spans are trimmed and never empty.
 */
export function splitSentences(text: string, opts: { softBreaks?: boolean } = {}): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const n = text.length;
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ start: s, end: e });
  };
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '\n' && (!opts.softBreaks || /^\n[ \t\r]*\n/.test(text.slice(i, i + 64)))) {
      push(start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      let j = i;
      while (j < n && /[.!?…]/.test(text[j])) j++;
      // Closing quotes and brackets belong to the sentence.
      while (j < n && /["'”’)\]]/.test(text[j])) j++;
      const next = text[j];
      if (j >= n) {
        i = j;
        break;
      }
      if (!/\s/.test(next)) {
        i = j;
        continue; // "3.30", "www.x.com", "e.g.x"
      }
      if (c === '.' && j === i + 1) {
        // A single full stop: check the word before it.
        let k = i - 1;
        while (k >= 0 && /[\p{L}]/u.test(text[k])) k--;
        const word = text.slice(k + 1, i);
        const lw = word.toLowerCase();
        if (ABBREVIATIONS.has(lw) || (word.length === 1 && /\p{Lu}/u.test(word)) || (k >= 0 && text[k] === '.')) {
          i = j;
          continue;
        }
      }
      // A sentence does not start with a lower-case letter ("3 p.m. in the hall", "wait... what").
      let m = j;
      while (m < n && (text[m] === ' ' || text[m] === '\t')) m++;
      if (m < n && /\p{Ll}/u.test(text[m])) {
        i = j;
        continue;
      }
      push(start, j);
      start = j;
      i = j;
      continue;
    }
    i++;
  }
  push(start, n);
  return out;
}

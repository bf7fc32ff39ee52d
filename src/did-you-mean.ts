/** "Did you mean …?" for a mistyped rule id, command or key (Levenshtein distance via `leven`). */
import leven from 'leven';

/** The known word closest to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = leven(w, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  // a prefix ("rule" for "rules") or up to a third of the word's letters wrong
  if (best && (bestD <= Math.max(2, Math.floor(word.length / 3)) || best.toLowerCase().startsWith(w))) return best;
  return undefined;
}

/** " Did you mean 'x'?" or ''. */
export function didYouMean(word: string, known: readonly string[]): string {
  const c = closest(word, known);
  return c ? ` Did you mean '${c}'?` : '';
}

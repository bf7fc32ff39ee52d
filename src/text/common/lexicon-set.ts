/**
 * Word lists compiled from lexicon/ folders (scripts/gen-lexicons.ts) arrive as one string,
 * entries joined by "\n". These turn one into a Set on first use, so a detector that is not
 * used costs nothing at start-up.
 */
export function lazySet(list: string): () => Set<string> {
  let set: Set<string> | undefined;
  return () => (set ??= new Set(list.split('\n')));
}

/** The entries of a compiled list. */
export function entries(list: string): string[] {
  return list ? list.split('\n') : [];
}

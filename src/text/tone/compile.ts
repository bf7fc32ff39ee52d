/** Compile a rule's options once: lexicon map, phrase lists, word sets, the title pattern. */
import type { ToneOptions } from './options.js';
import { compilePhrases, escapeRe, lazyPhrase, phraseKeys, phraseToRegExp, type CompiledPhrase } from './phrases.js';

export interface CompiledTone {
  options: ToneOptions;
  lexicon: Map<string, number>;
  phrases: CompiledPhrase[];
  grievances: CompiledPhrase[];
  sarcasm: CompiledPhrase[];
  kindly: CompiledPhrase[];
  targets: CompiledPhrase[];
  accounts: CompiledPhrase[];
  complaints: CompiledPhrase[];
  negators: Set<string>;
  intensifiers: Set<string>;
  downtoners: Set<string>;
  contrast: Set<string>;
  concessive: Set<string>;
  acronyms: Set<string>;
  shouts: Set<string>;
  notTargetAfter: Set<string>;
  titleRe: RegExp | null;
}

export function compileTone(options: ToneOptions, baseLexicon: Record<string, number> = {}): CompiledTone {
  const lexicon = new Map<string, number>();
  for (const [w, v] of Object.entries(baseLexicon)) if (!w.includes(' ')) lexicon.set(w.toLowerCase(), v);
  // 0 is kept, so that "clearly: 0" also stops the look-up of "clear" for "clearly".
  for (const [w, v] of Object.entries(options.lexicon ?? {})) lexicon.set(w.toLowerCase(), v);
  const lower = (xs: string[] = []) => new Set(xs.map((x) => x.toLowerCase().replace(/’/g, "'")));
  return {
    options,
    lexicon,
    phrases: Object.entries(options.phrases ?? {}).map(([phrase, v]) => lazyPhrase(phrase, v, phrase)),
    grievances: compilePhrases(options.grievances, 2),
    sarcasm: compilePhrases(options.sarcasm, 3),
    kindly: compilePhrases(options.kindly ?? [], 0),
    targets: compilePhrases(options.targets, 0),
    accounts: compilePhrases(options.accounts ?? [], 0),
    complaints: compilePhrases(options.complaints ?? [], 1),
    negators: lower(options.negators),
    intensifiers: lower(options.intensifiers),
    downtoners: lower(options.downtoners),
    contrast: lower(options.contrast),
    concessive: lower(options.concessive),
    acronyms: new Set(options.acronyms.map((a) => a.toUpperCase())),
    shouts: new Set((options.shouts ?? []).map((a) => a.toUpperCase())),
    notTargetAfter: lower(options.notTargetAfter),
    titleRe: options.titles.length
      ? new RegExp(`(?<![\\p{L}])(?:${options.titles.map(escapeRe).join('|')})\\.?\\s+\\p{Lu}[\\p{L}'’-]+`, 'gu')
      : null,
  };
}

/** Compile extra target names (e.g. staff from the school's data) as phrases. */
export function compileTargets(names: string[], label: string): CompiledPhrase[] {
  return names
    .map((n) => n.trim().replace(/[|*]/g, ''))
    .filter((n) => n.length > 1)
    .map((n) => ({ re: phraseToRegExp(n), weight: 0, label, source: n, keys: phraseKeys(n) }));
}

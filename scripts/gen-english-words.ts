/**
 * Writes src/text/common/lexicon/english-words.txt: everyday English words (from compromise's lexicon, MIT
 * licence, plus common nouns it leaves to inference), used to tell which roster names are
 * also words ("Hunt", "Cash", "Ball") so that "the egg hunt" is never a pupil's surname.
 * Names, places and organisations are left out. Run after upgrading compromise:
 *   npx tsx scripts/gen-english-words.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const nlp = createRequire(import.meta.url)('compromise');
const lexicon = nlp.world().model.one.lexicon as Record<string, string | string[]>;
const words = new Set<string>();
for (const [w, t] of Object.entries(lexicon)) {
  const tag = Array.isArray(t) ? t.join(' ') : String(t);
  if (/Name|Person|Honorific|Place|City|Country|Region|Organization|Acronym/.test(tag)) continue;
  if (/^[a-z]{2,}$/.test(w)) words.add(w);
}
// Common concrete nouns and verbs that compromise infers rather than lists (and that are surnames).
const EXTRA =
  'ball booth bell bull bush cart chalk cliff coat cook cope crook crow dart dear dean dent dew dove drake duck ' +
  'fairy fell fern finch fish flint fox frost fry gale gill glass good gosling gray grey hale hall hay heath hedge ' +
  'hill hood hook horn house hunt jay keen kemp knight lamb lane lark law leach lees light lime ling lord love ' +
  'marsh mason mead mill moss munday nash oak page park parr peach pike pine plant pond pool pope post potts ' +
  'power proud read reed rich rider ring rook root rush salt sands savage shepherd short silk slater small snow ' +
  'spring stag stone street strong swan swift thorn tower trout tucker vine wall ward waters way webb well west ' +
  'white wild winter wise wolf wren wright booth banks brook brooks burns cross day fields gates glover hart ' +
  'hayes hills holmes homes hope jewel joy kidd king knott lock long lucky major march miles mills moody noble ' +
  'norman nurse parsons penny pickles quick rainbow raven rose royal sharp sparrow stamp steel sweet summers ' +
  'temple tiger tinker turner walker weaver webster wells wood woods young ' +
  // first names that are everyday words too
  'mark jack frank bill pat rob sue nick drew grant chase miles dawn rusty sandy sunny sky joy ray guy dot kit pip';
for (const w of EXTRA.split(/\s+/)) if (w) words.add(w);
const sorted = [...words].sort();
const out =
  "# Everyday English words: tells which roster names are also words ('Hunt', 'Cash', 'Ball'), so 'the egg hunt' is never a surname.\n" +
  "# Written by scripts/gen-english-words.ts; do not edit by hand (add words to that script's EXTRA list).\n" +
  "# Source: compromise's lexicon (MIT licence, (c) Spencer Kelly), names, places and organisations left out, plus common nouns.\n\n" +
  sorted.join('\n') + '\n';
writeFileSync(new URL('../src/text/common/lexicon/english-words.txt', import.meta.url), out);
console.log(`wrote ${sorted.length} words (${out.length.toLocaleString('en-GB')} bytes)`);

/**
 * A named child's special-category details: health, special educational needs, free school
 * meals and pupil premium, looked-after or adopted status, child protection (the categories and
 * their words are rule options). A detail counts when a pupil is named in the same sentence,
 * or anywhere in a short post that names one pupil only (a post about that child). Left alone: awareness events ("Autism
 * Acceptance Week"), a word inside an organisation's name ("Nationwide Children's Hospital"),
 * and any post that names no pupil ("our nut-free school").
 */
import type { Mention } from './people.js';
import type { PersonalFind, PersonalOptions } from './options.js';
import { findTerms, lowerSet, type Span } from './text.js';

export function findSpecial(prose: string, sents: Span[], mentions: Mention[], o: PersonalOptions, words: number): PersonalFind[] {
  const out: PersonalFind[] = [];
  const awareness = lowerSet(o.awarenessWords);
  // a short post about one child: the only pupil it names
  const short = words <= o.shortPost && new Set(mentions.map((m) => m.name.toLowerCase())).size === 1;
  for (const [category, terms] of Object.entries(o.specialCategory)) {
    for (const m of findTerms(prose, terms)) {
      if (m.index === undefined) continue;
      const start = m.index;
      const end = start + m[0].length;
      const next = /^\s+([\p{L}'’-]+)/u.exec(prose.slice(end, end + 30))?.[1]?.toLowerCase() ?? '';
      const prevWord = /([\p{L}'’-]+)\s*$/u.exec(prose.slice(Math.max(0, start - 30), start))?.[1] ?? '';
      if (awareness.has(next) || awareness.has(prevWord.toLowerCase())) continue;
      // part of a proper name: "Nationwide Children's Hospital", "Diabetes UK"
      const nextRaw = /^\s+([\p{L}'’-]+)/u.exec(prose.slice(end, end + 30))?.[1] ?? '';
      const isMention = (w: string, at: number): boolean => mentions.some((n) => Math.abs(n.start - at) < w.length + 3);
      if (/^\p{Lu}/u.test(m[0]) && ((/^\p{Lu}/u.test(prevWord) && !isMention(prevWord, start - prevWord.length - 1)) || (/^\p{Lu}/u.test(nextRaw) && !isMention(nextRaw, end + 1)))) continue;
      const sentence = sents.find((s) => s.start <= start && start < s.end);
      const named = sentence && mentions.some((n) => n.start >= sentence.start && n.end <= sentence.end);
      if (!named && !short) continue;
      const who = (named ? mentions.find((n) => n.start >= sentence!.start && n.end <= sentence!.end) : mentions[0])!.name;
      out.push({ kind: 'special', start, end, data: { category: category.replace(/-/g, ' '), pupil: who } });
    }
  }
  return out;
}

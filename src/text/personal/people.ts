/**
 * Where pupils are named, for the special-category and relative stages: a capitalised first
 * (or preferred) name from the roster, or, with no roster, a person compromise finds. Not a
 * name: "Holly Class", "Summer term", "Hope you...", a member of staff ("Grace Holloway").
 */
import type { PersonalOptions } from './options.js';
import { lowerSet, type Span } from './text.js';

export interface PupilSchool {
  roster: { first: string; last: string; preferred?: string }[];
  staff: { first: string; last: string }[];
}

export interface Mention extends Span {
  name: string;
  /** Surnames of roster pupils with this first name. */
  surnames: string[];
}

const NAME = /(?<![\p{L}\p{N}'’])\p{Lu}[\p{Ll}'’-]+(?![\p{L}\p{N}])/gu;
const NOT_AFTER_SENTENCE_START = /^\s+(?:you|we|they|i|to|the|everyone|all|this|that|it)\b/i;

/** First name (lower case) -> surnames of the roster pupils who have it. */
export function rosterFirstNames(school: PupilSchool): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of school.roster) {
    for (const f of new Set([p.first, p.preferred].filter(Boolean) as string[])) {
      const k = f.toLowerCase();
      map.set(k, [...(map.get(k) ?? []), p.last]);
    }
  }
  return map;
}

export function rosterMentions(prose: string, school: PupilSchool, o: PersonalOptions, sentenceStarts: Set<number>): Mention[] {
  const names = rosterFirstNames(school);
  if (!names.size) return [];
  const notAfter = lowerSet(o.notNameAfter);
  const titles = lowerSet(o.titles.map((t) => t.replace(/\.$/, '')));
  const staff = new Set(school.staff.map((s) => `${s.first} ${s.last}`.toLowerCase()));
  const out: Mention[] = [];
  for (const m of prose.matchAll(NAME)) {
    const word = m[0].replace(/['’]s$/, '');
    const surnames = names.get(word.toLowerCase());
    if (!surnames) continue;
    const end = m.index + word.length;
    const next = /^\s+([\p{L}'’-]+)/u.exec(prose.slice(end, end + 30))?.[1] ?? '';
    if (notAfter.has(next.toLowerCase())) continue;
    if (staff.has(`${word} ${next}`.toLowerCase())) continue;
    const prev = /([\p{L}.]+)\s*$/u.exec(prose.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
    if (titles.has(prev.toLowerCase().replace(/\.$/, ''))) continue;
    if (sentenceStarts.has(m.index) && NOT_AFTER_SENTENCE_START.test(prose.slice(end, end + 12))) continue;
    out.push({ start: m.index, end, name: word, surnames });
  }
  return out;
}

/** No roster: the people compromise finds, less those with a title (staff, visitors). */
export async function nlpMentions(doc: unknown, o: PersonalOptions): Promise<Mention[]> {
  const d = doc as { people(): { json(opts: object): { text: string; offset: { start: number; length: number } }[] } };
  const titles = lowerSet(o.titles.map((t) => t.replace(/\.$/, '')));
  const out: Mention[] = [];
  for (const p of d.people().json({ offset: true })) {
    const text = p.text.replace(/[^\p{L}'’ -]+$/u, '').replace(/['’]s$/, '');
    const first = text.split(/\s+/)[0] ?? '';
    if (!first || titles.has(first.toLowerCase().replace(/\.$/, ''))) continue;
    out.push({ start: p.offset.start, end: p.offset.start + text.length, name: text, surnames: [] });
  }
  return out;
}

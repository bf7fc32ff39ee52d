/**
 * A relative's name that gives away a pupil's surname or family: "Summer's mum Claire
 * Bright", "Nadia Hussain, Muhammad's mum", "thanks to Mr Okafor, Tobi's dad", "Mr Okoro,
 * father of Nathan in Birch Class", and, with a roster, "Louis's mum ... Her name is Jenna
 * Bennett" (a full name in the next sentence with the pupil's surname). The find is the
 * relative's name. Left alone: first names only ("Sarah (Charlie's mum)", "parents Gary and
 * Michelle"), members of staff, and relations of staff ("Mr Fox's wife").
 */
import type { Mention } from './people.js';
import type { PersonalFind, PersonalOptions } from './options.js';
import { alternation, lowerSet, type Span } from './text.js';

export interface RelativeSchool {
  staff: { first: string; last: string }[];
}

const CAP = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?";

export function findRelatives(prose: string, sents: Span[], mentions: Mention[], hasRoster: boolean, school: RelativeSchool, o: PersonalOptions): PersonalFind[] {
  if (!o.relations.length) return [];
  const rel = `(?:${alternation(o.relations)})`;
  const title = `(?:${alternation(o.titles.map((t) => t.replace(/\.$/, '')))})\\.?`;
  const full = `((?:${title}\\s+${CAP})|(?:${CAP}\\s+${CAP}))`;
  const pupil = `(${CAP})['’]s?`;
  const shapes: { re: RegExp; name: number; pupil: number }[] = [
    // Summer's mum Claire Bright / Summer's mum, Claire Bright / Summer's mum is Claire Bright
    { re: new RegExp(`(?<![\\p{L}])${pupil}\\s+${rel},?\\s+(?:(?:is|was|called|named)\\s+)?${full}(?![\\p{L}])`, 'gu'), name: 2, pupil: 1 },
    // Nadia Hussain, Muhammad's mum / Mr Okafor, Tobi's dad / Claire Bright (Summer's mum)
    { re: new RegExp(`(?<![\\p{L}])${full},?\\s+\\(?${pupil}\\s+${rel}(?![\\p{L}])`, 'gu'), name: 1, pupil: 2 },
    // Mr Okoro, father of Nathan / Jo Bright, the mum of Summer
    { re: new RegExp(`(?<![\\p{L}])${full},?\\s+(?:the\\s+|a\\s+)?${rel}\\s+of\\s+(${CAP})(?![\\p{L}])`, 'gu'), name: 1, pupil: 2 },
    // mum of Nathan, Jo Okoro
    { re: new RegExp(`(?<![\\p{L}])${rel}\\s+of\\s+(${CAP}),?\\s+${full}(?![\\p{L}])`, 'gu'), name: 2, pupil: 1 },
  ];
  const staffFull = new Set(school.staff.map((s) => `${s.first} ${s.last}`.toLowerCase()));
  const staffLast = new Set(school.staff.map((s) => s.last.toLowerCase()));
  const titles = lowerSet(o.titles.map((t) => t.replace(/\.$/, '')));
  const notNames = lowerSet(o.notNameAfter);
  const isStaff = (name: string): boolean => {
    const parts = name.split(/\s+/);
    const first = parts[0].replace(/\.$/, '').toLowerCase();
    if (titles.has(first)) return staffLast.has(parts[parts.length - 1].toLowerCase());
    return staffFull.has(name.toLowerCase());
  };
  const isPupil = (w: string, at: number): Mention | undefined | null => {
    if (!hasRoster) return titles.has(w.toLowerCase()) ? undefined : null;
    return mentions.find((m) => m.start === at);
  };
  const relRe = new RegExp(`(?<![\\p{L}])${rel}(?![\\p{L}])`, 'iu');
  const relationIn = (s: string): string => (relRe.exec(s)?.[0] ?? 'relative').toLowerCase();
  const out: PersonalFind[] = [];
  const taken: Span[] = [];
  const add = (start: number, end: number, pupilName: string, surnames: string[], name: string, relation: string): void => {
    if (taken.some((t) => t.start < end && start < t.end)) return;
    taken.push({ start, end });
    const last = name.split(/\s+/).pop()!.toLowerCase();
    const gives = surnames.some((s) => s.toLowerCase() === last);
    out.push({ kind: 'relative', start, end, data: { pupil: pupilName, relative: name, relation, gives: gives ? 'surname' : 'family' } });
  };
  for (const s of shapes) {
    for (const m of prose.matchAll(s.re)) {
      const name = m[s.name];
      const pupilWord = m[s.pupil];
      const pupilAt = m.index + m[0].indexOf(pupilWord, s.pupil < s.name ? 0 : m[0].indexOf(name) + name.length);
      const p = isPupil(pupilWord, pupilAt);
      if (p === undefined) continue;
      const first = name.split(/\s+/)[0].replace(/\.$/, '').toLowerCase();
      if (notNames.has(first) || isStaff(name)) continue;
      const nameAt = m.index + m[0].indexOf(name, s.name < s.pupil ? 0 : m[0].indexOf(pupilWord) + pupilWord.length);
      add(nameAt, nameAt + name.length, pupilWord, p?.surnames ?? [], name, relationIn(m[0]));
    }
  }
  // Louis's mum ... Her name is Jenna Bennett: a full name in the same or the next sentence
  // that carries the pupil's roster surname.
  if (hasRoster) {
    const possessive = new RegExp(`${pupil}\\s+${rel}(?![\\p{L}])`, 'gu');
    const fullRe = new RegExp(`(?<![\\p{L}])${CAP}\\s+(${CAP})(?![\\p{L}])`, 'gu');
    for (const m of prose.matchAll(possessive)) {
      const p = mentions.find((x) => x.start === m.index);
      if (!p) continue;
      const i = sents.findIndex((x) => x.start <= m.index && m.index < x.end);
      const zone = sents.slice(Math.max(0, i), i + 2);
      for (const z of zone) {
        for (const f of prose.slice(z.start, z.end).matchAll(fullRe)) {
          const at = z.start + f.index;
          if (mentions.some((x) => x.start === at)) continue; // the pupil's own full name: pupil-surname
          if (!p.surnames.some((sn) => sn.toLowerCase() === f[1].toLowerCase()) || isStaff(f[0])) continue;
          add(at, at + f[0].length, p.name, p.surnames, f[0], relationIn(m[0]));
        }
      }
    }
  }
  return out;
}

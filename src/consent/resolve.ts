/**
 * Who a written name is: a pupil on the roster (through the roster's name index, a first name
 * alone when only one pupil has it), several pupils (ambiguous), an adult (staff, a titled
 * adult, an allowed name), a full name that is no pupil on the roster, or a name no one has.
 */
import type { IndexedPupil, NameIndex } from '../text/names/index.js';
import { nameParts } from '../text/names/index.js';

export type Resolved =
  | { kind: 'pupil'; pupil: IndexedPupil }
  | { kind: 'ambiguous'; pupils: IndexedPupil[] }
  | { kind: 'adult' }
  | { kind: 'notOnRoster' }
  | { kind: 'unknown' }
  /** A group, not a person ("Year 4 choir", "the football team"): whose consent is unknown. */
  | { kind: 'group' };

const TITLE = /^(mr|mrs|miss|ms|mx|dr|sir|dame|rev|revd|prof|coach|pc|cllr|lady|lord)\.?\s+/i;
const GROUP = /\d|\b(class|classes|team|squad|group|choir|band|year|years|reception|nursery|pupils|children|kids|everyone|all|crowd|families|club|cast|council|house|form)\b/i;
const ADULT_NOTE = /\b(parent|mum|mom|dad|carer|grand\w*|staff|teacher|assistant|ta|head\w*|governor|visitor|volunteer|coach|author|guest|adult)\b/i;
const ADULT_WORDS = /^(mum|mom|dad|parent|parents|grandma|grandad|grandparent|nan|grandpa|carer|visitor|volunteer|teacher|staff|head|headteacher|governor|coach|the author|author|photographer)s?$/i;

function uniq(ids: number[] | undefined): number[] {
  return [...new Set(ids ?? [])];
}

/** Resolve one written name ("Amelia", "Amelia Hughes", "Hughes, Amelia", "Amelia H.", "Mrs Green"). */
export function resolveName(index: NameIndex, written: string): Resolved {
  const note = /\(([^)]*)\)/.exec(written)?.[1] ?? '';
  if (ADULT_NOTE.test(note)) return { kind: 'adult' }; // "Jo Marsh (parent)"
  let name = written.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (!name) return { kind: 'unknown' };
  if (TITLE.test(name) || ADULT_WORDS.test(name)) return { kind: 'adult' };
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma) name = `${comma[2]} ${comma[1]}`;
  const parts = nameParts(name);
  if (parts.length === 0) return { kind: 'unknown' };
  if (GROUP.test(name) && !index.first.has(parts[0])) return { kind: 'group' };
  const whole = parts.join('');
  const pick = (ids: number[]): Resolved =>
    ids.length === 1 ? { kind: 'pupil', pupil: index.pupils[ids[0]] } : { kind: 'ambiguous', pupils: ids.map((i) => index.pupils[i]) };

  if (parts.length > 1) {
    // first name(s) + surname, or + an initial ("Amelia H.")
    const found = new Set<number>();
    for (let k = 1; k < parts.length; k++) {
      const first = parts.slice(0, k).join('');
      const last = parts.slice(k).join('');
      for (const id of uniq(index.first.get(first))) {
        const p = index.pupils[id];
        if (p.lastKey === last || (last.length === 1 && p.lastKey.startsWith(last))) found.add(id);
      }
    }
    if (found.size) return pick([...found]);
    // a two-part first name written alone ("Mary Jane")
    const asFirst = uniq(index.first.get(whole));
    if (asFirst.length) return pick(asFirst);
    if (index.allow.has(whole)) return { kind: 'adult' };
    for (let k = 1; k < parts.length; k++) {
      if (index.staffFull.get(parts.slice(0, k).join(''))?.has(parts.slice(k).join(''))) return { kind: 'adult' };
    }
    return { kind: 'notOnRoster' };
  }
  const byFirst = uniq(index.first.get(whole));
  if (byFirst.length) return pick(byFirst);
  const byLast = uniq(index.last.get(whole));
  if (byLast.length) return pick(byLast);
  if (index.staffFull.has(whole) || index.staffLast.has(whole) || index.allow.has(whole)) return { kind: 'adult' };
  return { kind: 'unknown' };
}

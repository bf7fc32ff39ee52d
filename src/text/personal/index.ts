/**
 * Personal data in a draft: the only import from outside this folder. Stages, in calling order:
 *   contact.ts      email addresses (linkify-it), UK phone numbers (libphonenumber-js)
 *   places.ts       postcodes (postcode), street addresses with a house number
 *   identifiers.ts  UPN, NHS and National Insurance numbers by their checks; dates of birth
 *   people.ts       where pupils are named (roster, or compromise with no roster)
 *   special.ts      a named child's health, SEN, FSM, care or child-protection details
 *   relatives.ts    a relative's name that gives away a pupil's surname
 * Each library loads only when the draft has something it could find.
 */
import { findEmails, findPhones, type ContactSchool } from './contact.js';
import { findIdentifiers, findBirthDates } from './identifiers.js';
import type { PersonalFind, PersonalKind, PersonalOptions } from './options.js';
import { nlpMentions, rosterMentions, type Mention, type PupilSchool } from './people.js';
import { findPlaces } from './places.js';
import { findRelatives } from './relatives.js';
import { findSpecial } from './special.js';
import { findTerms, sentences, wordsRe } from './text.js';

export { personalOptions, type PersonalFind, type PersonalKind, type PersonalOptions } from './options.js';
export { upnCheckLetter, ninoPrefixOk } from './identifiers.js';

const ALL: PersonalKind[] = ['email', 'phone', 'postcode', 'address', 'birth', 'upn', 'nhs', 'nino', 'special', 'relative'];

export interface PersonalInput {
  text: string;
  prose: string;
  school: ContactSchool & PupilSchool;
  /** compromise's parse of the prose, asked for only with no roster and a word to look at. */
  nlp(): Promise<unknown>;
}

export async function findPersonalData(input: PersonalInput, o: PersonalOptions): Promise<PersonalFind[]> {
  const { prose, school } = input;
  const kinds = new Set<string>(o.report ?? ALL);
  const finds: PersonalFind[] = [];
  if (kinds.has('email')) finds.push(...(await findEmails(input.text, school, o)));
  if (kinds.has('phone')) finds.push(...(await findPhones(prose, o)));
  if (kinds.has('postcode') || kinds.has('address')) finds.push(...(await findPlaces(prose, o, kinds)));
  finds.push(...(await findIdentifiers(prose, kinds)));
  if (kinds.has('birth')) finds.push(...findBirthDates(prose, o));
  if (kinds.has('special') || kinds.has('relative')) {
    const sents = sentences(prose);
    const hasRoster = school.roster.length > 0;
    const cue = (kinds.has('special') && Object.values(o.specialCategory).some((t) => findTerms(prose, t).length > 0)) || (kinds.has('relative') && wordsRe(o.relations).test(prose));
    if (cue) {
      let mentions: Mention[];
      if (hasRoster) mentions = rosterMentions(prose, school, o, new Set(sents.map((s) => s.start)));
      else mentions = await nlpMentions(await input.nlp(), o);
      const words = (prose.match(/[\p{L}\p{N}]+/gu) ?? []).length;
      if (kinds.has('special')) finds.push(...findSpecial(prose, sents, mentions, o, words));
      if (kinds.has('relative')) finds.push(...findRelatives(prose, sents, mentions, hasRoster, school, o));
    }
  }
  // one find per stretch of text: the longest wins (an address over its postcode)
  finds.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonalFind[] = [];
  for (const f of finds) if (!out.some((g) => f.start < g.end && g.start < f.end)) out.push(f);
  return out;
}

/**
 * Contact details of people: email addresses (found by linkify-it) and UK phone numbers
 * (parsed and checked by libphonenumber-js, GB by default). Both libraries load only when
 * the draft has an @ or a long enough run of digits.
 *
 * Left alone: the school's role addresses on its domains (office@, head@...), a member of
 * staff's title-and-surname address there (mr.fox@: how the school names staff in public),
 * addresses the text says are not real; the school's own numbers, numbers introduced as an
 * office's or organisation's, references and order numbers shaped like phones, and 03/08/09
 * numbers (organisations' lines, not people's).
 */
import type { PersonalFind, PersonalOptions } from './options.js';
import { lastSentence, lowerSet, wordsRe } from './text.js';

type Linkify = import('linkify-it').LinkifyIt;
let linkify: Promise<Linkify> | undefined;

function loadLinkify(): Promise<Linkify> {
  linkify ??= import('linkify-it').then((m) => m.linkifyit());
  return linkify;
}

/** The spans of HTML comments: never published. */
function commentSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) out.push([m.index, m.index + m[0].length]);
  return out;
}

export interface ContactSchool {
  schoolDomains: string[];
  classes: string[];
  staff: { first: string; last: string }[];
}

export async function findEmails(text: string, school: ContactSchool, o: PersonalOptions): Promise<PersonalFind[]> {
  if (!text.includes('@')) return [];
  const L = await loadLinkify();
  const matches = L.match(text) ?? [];
  const comments = commentSpans(text);
  const roles = lowerSet([...o.roleAddresses, ...school.classes]);
  const titles = o.titles.map((t) => t.toLowerCase().replace(/\.$/, ''));
  const surnames = lowerSet(school.staff.map((s) => s.last));
  const out: PersonalFind[] = [];
  for (const m of matches) {
    if (m.schema !== 'mailto:' && !/^mailto:/i.test(m.url)) continue;
    const raw = m.raw.replace(/^mailto:/i, '');
    const start = m.index + (m.raw.length - raw.length);
    if (comments.some(([a, b]) => start >= a && start < b)) continue;
    const [local, domain = ''] = raw.toLowerCase().split('@');
    const own = school.schoolDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
    if (own && (isRole(local, roles) || isTitleSurname(local, titles, surnames))) continue;
    const after = text.slice(m.lastIndex, m.lastIndex + 40);
    if (wordsRe(o.placeholderMarkers).test(after.split(/[\n.;]/)[0])) continue;
    out.push({ kind: 'email', start, end: m.lastIndex, data: own ? { whose: 'staff' } : {} });
  }
  return out;
}

/** office, admin, year4, oakclass, head.teacher... */
function isRole(local: string, roles: Set<string>): boolean {
  const flat = local.replace(/[._-]/g, '');
  if (roles.has(local) || roles.has(flat)) return true;
  const base = flat.replace(/\d+$/, '').replace(/class$/, '');
  return roles.has(base) || /^(?:year|yr|class|reception)\d*$/.test(flat);
}

/** mr.fox, mrsfox, miss_price: a member of staff as the school names them in public. */
function isTitleSurname(local: string, titles: string[], surnames: Set<string>): boolean {
  for (const t of titles) {
    if (!local.startsWith(t)) continue;
    const rest = local.slice(t.length).replace(/^[._-]/, '');
    if (rest && (surnames.size === 0 ? /^[a-z'-]+$/.test(rest) : surnames.has(rest))) return true;
  }
  return false;
}

// ---- phones ------------------------------------------------------------------------------

/**
 * A run that could be a UK number as people write it: +44 (0)..., 0044..., or 0..., with
 * spaces, dots, dashes, brackets, or one line break between the groups.
 */
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}£$€.,/:-])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:\)?[ \t]?[-.]?[ \t]?(?:\r?\n[ \t]*)?\(?\d){8,11}(?![\p{L}\p{N}]|[.,/:-]\d)/gu;

function digits(s: string): string {
  return s.replace(/\D/g, '');
}

function national(s: string): string {
  const d = digits(s);
  if (d.startsWith('44')) return `0${d.slice(2).replace(/^0/, '')}`;
  if (d.startsWith('0044')) return `0${d.slice(4).replace(/^0/, '')}`;
  return d;
}

type PhoneLib = typeof import('libphonenumber-js');
let phoneLib: Promise<PhoneLib> | undefined;

export async function findPhones(prose: string, o: PersonalOptions): Promise<PersonalFind[]> {
  if (!/\d(?:\D{0,3}\d){8}/.test(prose)) return [];
  const candidates = [...prose.matchAll(PHONE_CANDIDATE)];
  if (!candidates.length) return [];
  phoneLib ??= import('libphonenumber-js');
  const { parsePhoneNumberFromString } = await phoneLib;
  const own = new Set(o.schoolPhones.map(national));
  const prefixes = o.personalPrefixes;
  const out: PersonalFind[] = [];
  for (const m of candidates) {
    const raw = m[0].replace(/[\s(]+$/, '');
    const nat = national(raw);
    const parsed = parsePhoneNumberFromString(raw.replace(/\s+/g, ' '), 'GB');
    if (!parsed || parsed.countryCallingCode !== '44') continue;
    if (!parsed.isPossible()) continue;
    if (own.has(nat) || own.has(`0${parsed.nationalNumber}`)) continue;
    if (!prefixes.some((p) => nat.startsWith(p))) continue;
    const before = lastSentence(prose.slice(Math.max(0, m.index - 40), m.index));
    if (endsWithAny(before, o.officeWords) || endsWithAny(before, o.referenceWords)) continue;
    out.push({ kind: 'phone', start: m.index, end: m.index + raw.length, data: { number: raw.replace(/\s+/g, ' ') } });
  }
  return out;
}

/** Does the text just before a number end with one of the phrases (then perhaps on/at/is/:/no.)? */
function endsWithAny(before: string, phrases: string[]): boolean {
  if (!phrases.length) return false;
  const tail = before.replace(/(?:\s|[:#(]|\bon\b|\bat\b|\bis\b|\bno\.?|\bnumber\b|\bnumbers\b|\btel\.?|\bphone\b)*$/i, '');
  const re = wordsRe(phrases);
  for (const m of tail.matchAll(re)) if (m.index + m[0].length >= tail.length - 1) return true;
  return false;
}

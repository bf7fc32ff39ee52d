/**
 * Options of the `personal-data` kind. Every list here is school policy or a language fact a
 * school may want to change, so its default is written in rules/personal-data.yml, not here.
 */
import * as z from 'zod';

const words = z.array(z.string().min(1)).default([]);

export const personalOptions = z
  .object({
    /** Which kinds of personal data to look for (all by default). */
    report: z.array(z.enum(['email', 'phone', 'postcode', 'address', 'birth', 'upn', 'nhs', 'nino', 'special', 'relative'])).optional(),
    /** Local parts of the school's role addresses on schoolDomains (office@, admin@...): never flagged. */
    roleAddresses: words.describe("role addresses on the school's domains that may be published"),
    /** Words after an address that say it is made up: "(not a real email address)". */
    placeholderMarkers: words.describe('words after an address that say it is not real'),
    /** The school's own published numbers (any spacing): never flagged. */
    schoolPhones: words.describe("the school's own published phone numbers"),
    /** Words just before a number that make it the school's or an organisation's ("the office on"). */
    officeWords: words.describe("words before a number that make it the school's own"),
    /** Words just before a number that make it a reference, not a phone ("order no.", "ref"). */
    referenceWords: words.describe('words before a number that make it a reference number'),
    /** Number prefixes that belong to people (mobiles, landlines); 03, 08, 09 numbers are organisations'. */
    personalPrefixes: words.describe('national prefixes of personal numbers'),
    /** The school's own postcodes and street addresses: never flagged. */
    schoolAddresses: words.describe("the school's own postcodes and address lines"),
    /** Street types that end an address after a house number ("14 Elm Road"). */
    streetTypes: words.describe('street types (Road, Lane, Close...)'),
    /** Words just before a number that make it something other than a house number ("Room 14", "Year 6"). */
    notHouseNumberAfter: words.describe('words before a number that make it not a house number'),
    /** Words that end an organisation's name before an address (a venue, not a home). */
    venueWords: words.describe("words ending a venue's name before its address"),
    /** Words that make a date a date of birth ("born", "DOB", "birthday"). */
    birthWords: words.describe('words that make a date a date of birth'),
    /** Oldest birth year reported: older dates are history ("Queen Victoria was born on 24 May 1819"). */
    birthYearsBack: z.number().int().positive().default(100),
    /** Special-category details of a named child: category -> words or phrases. */
    specialCategory: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
    /** Words after a special-category word that make it an awareness event ("Autism Acceptance Week"). */
    awarenessWords: words.describe('words that make a condition an awareness event'),
    /** A post up to this many words is about one child: a named pupil anywhere in it counts. */
    shortPost: z.number().int().nonnegative().default(200),
    /** Words after a capitalised name that make it something else ("Holly Class", "Summer term"). */
    notNameAfter: words.describe('words after a name that make it not a pupil'),
    /** Family words that link a named relative to a pupil ("Summer's mum Claire Bright"). */
    relations: words.describe('family words (mum, dad, grandma...)'),
    /** Titles before a surname ("Mr Okafor, Tobi's dad"). */
    titles: words.describe('titles before a surname'),
    /** What to write instead, by kind of data. */
    suggestions: z.record(z.string().min(1), z.string()).default({}),
  })
  .strict();

export type PersonalOptions = z.infer<typeof personalOptions>;

export type PersonalKind = NonNullable<PersonalOptions['report']>[number];

/** One piece of personal data found in the prose. */
export interface PersonalFind {
  kind: PersonalKind;
  start: number;
  end: number;
  /** Template values for the message (e.g. the category of a special-category detail). */
  data?: Record<string, string>;
}

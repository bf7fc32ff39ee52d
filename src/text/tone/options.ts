/**
 * The `tone` kind's options: one zod schema, `.strict()`, each key described. Every default a
 * school may want to change is written in rules/negative-tone.yml, not here; the defaults below
 * only make a bare `extends: tone` rule load.
 */
import * as z from 'zod';

const phrase = z.union([
  z.string().min(1),
  z
    .object({
      phrase: z.string().min(1),
      weight: z.number().min(0).max(20).optional(),
      label: z.string().min(1).optional(),
    })
    .strict(),
]);
/** A phrase pattern: words separated by spaces; `a|b` alternatives; `*` one word; `word*` prefix. */
export type PhraseSpec = z.output<typeof phrase>;

const words = (what: string) => z.array(z.string()).default([]).describe(what);
const phrases = (what: string) => z.array(phrase).default([]).describe(what);

export const toneOptions = z
  .object({
    base: z.enum(['afinn', 'none']).default('afinn').describe('Base word list: `afinn` (AFINN-165, from the sentiment package) or `none` (only `lexicon`).'),
    suggestion: z.string().default('Say what you would like people to do, positively: "Please remember to …"').describe('Shown with a grievance: how to say it positively.'),
    suggestions: z.record(z.string(), z.string()).default({}).describe('A positive rewording for a grievance, by who it is aimed at (a target label: "parents", "the readers"); `suggestion` for the rest.'),
    negativeSuggestion: z.string().default('Say it positively (what went well, what happens next), or leave it out.').describe('Shown with general negativity.'),
    lexicon: z.record(z.string(), z.number().min(-5).max(5)).default({}).describe('Word valences added to (or overriding) the base list; 0 removes a word.'),
    phrases: z.record(z.string(), z.number().min(-10).max(10)).default({}).describe('Multi-word phrases with their own valence; their words are not scored again.'),
    negators: words('Words that flip the valence of the next few words ("not good").'),
    intensifiers: words('Words that make the next word count more ("very").'),
    downtoners: words('Words that make the next word count less ("a bit").'),
    contrast: words('Words after which the rest of the sentence counts more ("but").'),
    concessive: words('Words that open a clause that counts less ("although").'),
    grievances: phrases('Phrases that air a grievance or blame; weight = points taken off (default 2).'),
    sarcasm: phrases('Sarcasm, mockery and scolding ("thanks to whoever", "very grown up", 🙄); default weight 3.'),
    kindly: phrases('Sympathy, loss, a leaver, a lost pet, an awareness message, a match report: negativity told kindly. A sentence with one is never a warning, and needs stronger blame to be a grievance.'),
    targets: phrases('Who a grievance can be aimed at; `label` names them in the message; `weight` adds to other evidence.'),
    accounts: phrases('Accounts a post can address (a tagged @handle): targets that also make `complaints` count.'),
    complaints: phrases('Broken expectations ("still waiting", "never arrived", "on hold for an hour"): blame only in a sentence addressed to one of `accounts`; default weight 1.'),
    titles: words('Titles that make "Mr Brown" a named person.'),
    notTargetAfter: words('Words that, just before a target, make it the one cared for, not blamed ("our children").'),
    acronyms: words('Upper-case words that are not shouting (PE, PTA, SATs...).'),
    shouts: words('Upper-case words that scold when written in capitals inside ordinary text ("NOT", "WILL", "MUST").'),
    staffAsTargets: z.boolean().default(true).describe("Also treat the school's staff names (from the staff CSV) as people a grievance can name."),
    thresholds: z
      .object({
        grievance: z.number().max(0).describe('Aimed at people, with blame: an error at or below this score.'),
        negative: z.number().max(0).describe('Negativity aimed at no one: a warning at or below this score.'),
        aimed: z.number().max(0).optional().describe('Negative words alone (no blame phrase) aimed at people: an error at or below this (default: `negative`).'),
        addressed: z.number().max(0).optional().describe('A sentence in a block that tags one of `accounts`, with blame or negative words: an error at or below this.'),
        scold: z.number().min(0).optional().describe('Blame this strong (points of grievance and sarcasm) is an error even with no one named: it is aimed at the readers.'),
      })
      .strict()
      .default({ grievance: -3, negative: -4 })
      .describe('Scores (in lexicon points, below 0 = negative) at which a sentence is flagged.'),
    emphasis: z
      .object({ caps: z.number().min(1).max(5), perCue: z.number().min(0).max(2), shout: z.number().min(0).max(5).optional() })
      .strict()
      .default({ caps: 1.5, perCue: 0.25 })
      .describe('Capitals and "!!": `caps` multiplies a negative word in capitals; `perCue` adds a share per cue; `shout` is the blame each of `shouts` in capitals adds (at most two).'),
    contrastWeights: z
      .object({ before: z.number().min(0).max(5), after: z.number().min(0).max(5) })
      .strict()
      .default({ before: 0.5, after: 1.5 })
      .describe('Multipliers for the clauses before and after a contrast word.'),
    positiveWeight: z.number().min(0).max(1).default(1).describe("Share of positive words' valence that counts (praise aimed at a company is often sarcastic)."),
    unit: z.enum(['sentence', 'block']).default('sentence').describe('Score each sentence (default) or each block (paragraph, caption, list item) as one.'),
    negationFactor: z.number().min(0).max(2).default(0.75).describe('Valence kept (and flipped) after a negator: "not good" = -0.75 x good.'),
    intensifierFactor: z.number().min(1).max(5).default(1.5).describe('Multiplier after an intensifier.'),
    downtonerFactor: z.number().min(0).max(1).default(0.5).describe('Multiplier after a downtoner.'),
  })
  .strict()
  .superRefine((o, ctx) => {
    const lists = { grievances: o.grievances, sarcasm: o.sarcasm, kindly: o.kindly, targets: o.targets, accounts: o.accounts, complaints: o.complaints } as const;
    for (const [key, list] of Object.entries(lists)) {
      list.forEach((p, i) => {
        const text = typeof p === 'string' ? p : p.phrase;
        if (/[()[\]{}\\^$+]/.test(text)) {
          ctx.addIssue({
            code: 'custom',
            path: [key, i],
            message: `"${text}": use words, "a|b" for alternatives, "*" for any word and "word?" for an optional word (no regular-expression syntax)`,
          });
        }
      });
    }
  });

/** The options a rule file gives, after defaults: what the detector compiles. */
export type ToneOptions = z.output<typeof toneOptions>;

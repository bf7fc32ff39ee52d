/**
 * `times`: exact clock times of events ("Doors open at 6pm", "6-8pm", "half past six").
 * The detector is src/text/times/; this kind turns its finds into hits with a part-of-day
 * suggestion ("mention 'in the evening' instead of '6pm'") and a --fix replacement where the
 * sentence still reads well ("at 6pm" -> "in the evening"). Times listed in the config's
 * `allowTimes:` (office hours) and in the rule's own `allowTimes` are left alone.
 */
import * as z from 'zod';
import type { CheckContext, CheckKind, Hit, Rule } from '../types.js';
import { findClockTimes, type PartOfDay } from '../text/times/index.js';

const options = z
  .object({
    /** Times that may be published, added to the config's allowTimes. */
    allowTimes: z.array(z.union([z.string().min(1), z.number()])).default([]),
    /** How each part of the day is said in the suggestion and the fix. */
    partsOfDay: z
      .object({
        morning: z.string().min(1),
        midday: z.string().min(1),
        afternoon: z.string().min(1),
        evening: z.string().min(1),
        night: z.string().min(1),
      })
      .partial()
      .default({}),
    /** Suggest a replacement that --fix applies. */
    fix: z.boolean().default(true),
    /**
     * A time in a report of something that has happened ("we held a silence at eleven
     * o'clock") tells nobody where children will be: with a past cue and no upcoming cue in
     * its sentence it is reported with this severity instead of the rule's.
     */
    pastReports: z
      .object({
        severity: z.enum(['error', 'warning', 'info']).default('warning'),
        /** Words that mark a report of the past, in the time's sentence (whole words or phrases). */
        past: z.array(z.string().min(1)).default([]),
        /** Words and phrases that point at something still to come; any one in the time's sentence keeps the rule's severity. */
        upcoming: z.array(z.string().min(1)).default([]),
        /** Stronger cues ("next", "tomorrow", "reminder") that keep the rule's severity from anywhere in the paragraph. */
        upcomingInParagraph: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

type Options = z.infer<typeof options>;

const DEFAULT_PHRASES: Record<PartOfDay, string> = {
  morning: 'in the morning',
  midday: 'at lunchtime',
  afternoon: 'in the afternoon',
  evening: 'in the evening',
  night: 'at night',
};

/** Leads after which "in the evening" reads well in place of "<lead> 6pm". */
const REPLACEABLE_LEADS = new Set([undefined, 'at', '@', 'around', 'about', 'approximately', 'from', 'between']);

/** The text around a time, back to the last stop (or a blank line) and forward to the next. */
function around(prose: string, start: number, end: number, stops: RegExp): string {
  const blank = (i: number) => prose[i] === '\n' && /^\r?\n/.test(prose.slice(i + 1, i + 3).replace(/^[ \t]+/, ''));
  let a = start;
  while (a > 0 && !stops.test(prose[a - 1]) && !blank(a - 1)) a--;
  let b = end;
  while (b < prose.length && !stops.test(prose[b]) && !blank(b)) b++;
  return prose.slice(a, b).toLowerCase().replace(/[’]/g, "'");
}

function words(s: string): string {
  return ` ${(s.match(/[a-z']+/g) ?? []).join(' ')} `;
}

/**
 * A report of the past: a past cue in the time's sentence, no upcoming cue in that sentence
 * ("The disco was moved to 6pm on Friday") and no strong one in its paragraph ("Next Wednesday
 * … Workshops run 9:00–11:30").
 */
function pastReportTest(pastWords: string[], upcoming: string[], inParagraph: string[]): (prose: string, start: number, end: number) => boolean {
  const norm = (list: string[]) => list.map((w) => w.toLowerCase().trim().split(/\s+/).join(' '));
  const past = norm(pastWords);
  const ahead = norm(upcoming);
  const strong = norm(inParagraph);
  const has = (flat: string, cue: string) => flat.includes(` ${cue} `) || (cue.startsWith("'") && flat.includes(`${cue} `));
  return (prose, start, end) => {
    const sentence = words(around(prose, start, end, /[.!?]/));
    if (!past.some((w) => has(sentence, w))) return false;
    if (ahead.some((u) => has(sentence, u))) return false;
    const paragraph = words(around(prose, start, end, /[]/));
    return !strong.some((u) => has(paragraph, u));
  };
}

export const check: CheckKind<Options> = {
  kind: 'times',
  summary: 'Exact clock times of events (6pm, 18:00, half past six, 6-8pm): suggest the part of the day instead',
  options,
  run(ctx: CheckContext, rule: Rule<Options>): Hit[] {
    const o = rule.options;
    const { prose, text } = ctx.draft;
    const allow = [...(ctx.school.allowTimes ?? []), ...o.allowTimes.map(String)];
    const hits: Hit[] = [];
    const past = o.pastReports ? pastReportTest(o.pastReports.past, o.pastReports.upcoming, o.pastReports.upcomingInParagraph) : undefined;
    for (const t of findClockTimes(prose, { allow })) {
      const phrase = o.partsOfDay[t.partOfDay] ?? DEFAULT_PHRASES[t.partOfDay];
      // as the reader sees it: "**6**pm" -> "6pm", a line break -> a space
      const shown = text.slice(t.start, t.end).replace(/[*_~`]+/g, '').replace(/\s+/g, ' ').trim();
      const already = t.dayPhrase ?? t.dayBefore;
      const say = already ? already.replace(/\s+/g, ' ') : phrase;
      const hit: Hit = {
        span: { start: t.start, end: t.end },
        data: { match: shown, partOfDay: say },
        suggestion: already ? `Leave out the time: '${say}' is enough` : `Mention '${say}' instead of '${shown}'`,
      };
      if (past && o.pastReports && past(prose, t.start, t.end)) {
        hit.severity = o.pastReports.severity;
        hit.messageId = 'past';
      }
      if (t.dayBefore && !t.dayPhrase) {
        // "this evening at 7 for carols" -> "this evening for carols"
        let from = t.replaceStart;
        while (from > 0 && /[ \t]/.test(text[from - 1])) from--;
        if (o.fix && t.lead !== undefined && REPLACEABLE_LEADS.has(t.lead) && prose.slice(from, t.end) === text.slice(from, t.end)) {
          hit.fix = { span: { start: from, end: t.end }, replacement: '' };
        }
        hits.push(hit);
        continue;
      }
      const from = t.replaceStart;
      const rangeLead = t.lead === 'from' || t.lead === 'between';
      // a bare hour with no word before it ("the bar opens 7"): am or pm is a guess, so the
      // user chooses the words
      const guessed = t.lead === undefined && t.parts.every((p) => !p.exact);
      const leadOk = REPLACEABLE_LEADS.has(t.lead) && (!rangeLead || t.parts.length === 2) && !guessed;
      // only where no markdown sits inside the replaced text (prose == text there)
      if (o.fix && leadOk && prose.slice(from, t.end) === text.slice(from, t.end)) {
        hit.fix = { span: { start: from, end: t.end }, replacement: say };
      }
      hits.push(hit);
    }
    return hits;
  },
};

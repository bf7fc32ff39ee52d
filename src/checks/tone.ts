/**
 * Check kind `tone`: flags sentences that air a grievance or read as negative (rule
 * `negative-tone`). The scoring lives in src/text/tone.ts; this file holds the options schema,
 * loads the AFINN-165 word list (lazily, from the `sentiment` package) and turns scored
 * sentences into hits.
 */
import { createRequire } from 'node:module';
import * as z from 'zod';
import type { CheckContext, CheckKind, Hit, Rule } from '../types.js';
import { compileTargets, compileTone, scoreSentences, type CompiledTone, type ToneOptions } from '../text/tone.js';

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

export const toneOptions = z
  .object({
    /** Base word list: `afinn` (AFINN-165, from the sentiment package) or `none` (only `lexicon`). */
    base: z.enum(['afinn', 'none']).default('afinn'),
    /** Shown with a grievance: how to say it positively. */
    suggestion: z.string().default('Say what you would like people to do, positively: "Please remember to …"'),
    /** Shown with general negativity. */
    negativeSuggestion: z.string().default('Say it positively (what went well, what happens next), or leave it out.'),
    lexicon: z.record(z.string(), z.number().min(-5).max(5)).default({}),
    phrases: z.record(z.string(), z.number().min(-10).max(10)).default({}),
    negators: z.array(z.string()).default([]),
    intensifiers: z.array(z.string()).default([]),
    downtoners: z.array(z.string()).default([]),
    contrast: z.array(z.string()).default([]),
    concessive: z.array(z.string()).default([]),
    grievances: z.array(phrase).default([]),
    sarcasm: z.array(phrase).default([]),
    targets: z.array(phrase).default([]),
    titles: z.array(z.string()).default([]),
    notTargetAfter: z.array(z.string()).default([]),
    acronyms: z.array(z.string()).default([]),
    /** Also treat the school's staff names (from the staff CSV) as people a grievance can name. */
    staffAsTargets: z.boolean().default(true),
    thresholds: z
      .object({ grievance: z.number().max(0), negative: z.number().max(0), aimed: z.number().max(0).optional() })
      .strict()
      .default({ grievance: -3, negative: -4 }),
    emphasis: z
      .object({ caps: z.number().min(1).max(5), perCue: z.number().min(0).max(2) })
      .strict()
      .default({ caps: 1.5, perCue: 0.25 }),
    contrastWeights: z
      .object({ before: z.number().min(0).max(5), after: z.number().min(0).max(5) })
      .strict()
      .default({ before: 0.5, after: 1.5 }),
    /** Share of positive words' valence that counts (praise aimed at a company is often sarcastic). */
    positiveWeight: z.number().min(0).max(1).default(1),
    /** Score each sentence (default) or each block (paragraph, caption, list item) as one. */
    unit: z.enum(['sentence', 'block']).default('sentence'),
    negationFactor: z.number().min(0).max(2).default(0.75),
    intensifierFactor: z.number().min(1).max(5).default(1.5),
    downtonerFactor: z.number().min(0).max(1).default(0.5),
  })
  .superRefine((o, ctx) => {
    const lists = { grievances: o.grievances, sarcasm: o.sarcasm, targets: o.targets } as const;
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

export type ToneRuleOptions = z.output<typeof toneOptions>;

let afinn: Record<string, number> | undefined;
/**
 * AFINN-165 (Finn Årup Nielsen), as shipped in the `sentiment` package (a runtime dependency):
 * read from node_modules on first use, never bundled into dist/ (the path is not a literal, so
 * esbuild leaves it alone).
 */
export function loadAfinn(): Record<string, number> {
  if (!afinn) {
    const require = createRequire(import.meta.url);
    const id = ['sentiment', 'languages', 'en', 'labels.json'].join('/');
    afinn = require(id) as Record<string, number>;
  }
  return afinn;
}

const compiled = new WeakMap<object, CompiledTone>();
/** Compile a rule's options once (the options object is shared by every draft of a run). */
export function compileOptions(o: ToneRuleOptions): CompiledTone {
  let c = compiled.get(o);
  if (!c) {
    c = compileTone(o as ToneOptions, o.base === 'afinn' ? loadAfinn() : {});
    compiled.set(o, c);
  }
  return c;
}

export const check: CheckKind<ToneRuleOptions> = {
  kind: 'tone',
  summary: 'Flags sentences that air a grievance (error) or read as negative (warning), with a positive rewording',
  options: toneOptions,
  run(ctx: CheckContext, rule: Rule<ToneRuleOptions>): Hit[] {
    const o = rule.options;
    const tone = compileOptions(o);
    const text = ctx.draft.prose;
    let extra: ReturnType<typeof compileTargets> = [];
    if (o.staffAsTargets && ctx.school.staff.length) {
      const key = `tone:staff:${rule.id}`;
      const cached = ctx.runCache.get(key) as typeof extra | undefined;
      if (cached) extra = cached;
      else {
        const names = ctx.school.staff.flatMap((p) => [`${p.first} ${p.last}`, ...(p.preferred ? [`${p.preferred} ${p.last}`] : [])]);
        extra = compileTargets(names, 'a member of staff');
        ctx.runCache.set(key, extra);
      }
    }
    const hits: Hit[] = [];
    // Each block (paragraph, heading, list item, caption, alt text...) on its own: a sentence
    // never runs from a heading into the paragraph under it, and wrapped lines are joined.
    const blocks = [...ctx.draft.blocks].sort((a, b) => a.start - b.start || b.end - a.end);
    const ranges: Array<{ start: number; end: number }> = [];
    for (const b of blocks) {
      const last = ranges[ranges.length - 1];
      if (last && b.start < last.end) continue; // inside a block already taken (a list item's paragraph)
      ranges.push({ start: b.start, end: b.end });
    }
    if (ranges.length === 0 && text.trim()) ranges.push({ start: 0, end: text.length });
    const sentences = ranges.flatMap((range) => scoreSentences(text, tone, extra, { softBreaks: true, range }));
    for (const s of sentences) {
      if (s.kind === 'none') continue;
      const cues = s.cues.slice(0, 4).map((c) => `'${c}'`).join(', ');
      const data: Record<string, string | number> = { cues, score: s.score, why: s.reasons.filter((r) => !r.startsWith('score ')).join('; ') };
      if (s.kind === 'grievance') {
        const group = s.target ?? 'people';
        const said = (s.targetText ?? '').replace(/\s+/g, ' ');
        data.group = group;
        data.target = said || group;
        // "parents", or "parents ('SOME families')" when the words differ from the group's name
        data.aimed = !said || said.toLowerCase() === group.toLowerCase() ? group : `${group} ('${said}')`;
        hits.push({
          span: { start: s.start, end: s.end },
          ...(rule.messages.grievance ? { messageId: 'grievance' } : {}),
          severity: 'error',
          data,
          suggestion: o.suggestion,
        });
      } else {
        hits.push({
          span: { start: s.start, end: s.end },
          ...(rule.messages.negative ? { messageId: 'negative' } : {}),
          severity: 'warning',
          data,
          suggestion: o.negativeSuggestion,
        });
      }
    }
    return hits;
  },
};

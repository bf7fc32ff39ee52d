/**
 * Check kind `tone`: flags sentences that air a grievance or read as negative (rule
 * `negative-tone`). The detector and its options schema live in src/text/tone/; this file
 * loads the AFINN-165 word list (lazily, from the `sentiment` package) and turns scored
 * sentences into hits.
 */
import { createRequire } from 'node:module';
import type { CheckContext, CheckKind, Hit, Rule } from '../types.js';
import { compileTargets, compileTone, scoreSentences, toneOptions, type CompiledTone, type ToneOptions } from '../text/tone/index.js';

export { toneOptions };
export type ToneRuleOptions = ToneOptions;

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
    c = compileTone(o, o.base === 'afinn' ? loadAfinn() : {});
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
          suggestion: o.suggestions[group] ?? o.suggestion,
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

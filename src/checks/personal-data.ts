/**
 * `personal-data`: contact details, addresses, identifiers, dates of birth, a named child's
 * special-category details and relatives' names (the detector is src/text/personal/). Each
 * hit names its kind of data (`messageId`), shows just the data and suggests what to write
 * instead. There is never a --fix: what to do with personal data is the author's call.
 */
import type { CheckContext, CheckKind, Hit, Rule } from '../types.js';
import { findPersonalData, personalOptions, type PersonalOptions } from '../text/personal/index.js';

export const check: CheckKind<PersonalOptions> = {
  kind: 'personal-data',
  summary: "People's contact details, addresses, identifiers, birth dates and a named child's sensitive details",
  options: personalOptions,
  async run(ctx: CheckContext, rule: Rule<PersonalOptions>): Promise<Hit[]> {
    const o = rule.options;
    const { draft, school } = ctx;
    const finds = await findPersonalData({ text: draft.text, prose: draft.prose, school, nlp: () => ctx.nlp() }, o);
    return finds.map((f) => {
      const match = draft.text.slice(f.start, f.end).replace(/\s+/g, ' ');
      const data = { match, ...f.data };
      const suggestion = o.suggestions[f.kind]?.replace(/\{(\w+)\}/g, (m, k: string) => String((data as Record<string, string>)[k] ?? m));
      return { span: { start: f.start, end: f.end }, messageId: f.data?.gives === 'surname' ? 'relative-surname' : f.kind, data, suggestion };
    });
  },
};

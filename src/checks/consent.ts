/**
 * `consent`: photo consent for everyone a post's photos show (src/consent/).
 *
 *   mode: consent    a pictured pupil without consent for `use` in the consent register, with
 *                    expired consent, a leaver, not in the register, or a full name that is no
 *                    pupil on the roster (the rule's severity); a name several pupils share, or
 *                    that no pupil has, is a warning asking which pupil is meant.
 *   mode: unchecked  a photo no one says anything about (no `pictured:`, no people tags, no
 *                    caption naming a pupil): consent could not be checked.
 *   use: socialMedia (default) | website | press | print | video | photos: the consent column
 *                    that must say yes (a general "Photos" column counts too; its No refuses all).
 *
 * Both modes need the school's consent register (`consent:` in smcheck.yml).
 * Messages by id: refused, expired, leaver, noRecord, notOnRoster, ambiguous, unknown
 * (consent); the rule's message (unchecked). Values: {match}, {photo}, {where}, {use}, {expires}.
 */
import * as z from 'zod';
import path from 'node:path';
import type { CheckContext, CheckKind, Hit, Rule } from '../types.js';
import { scanConsent, type Sighting } from '../consent/index.js';

const options = z
  .object({
    mode: z.enum(['consent', 'unchecked']).describe('consent: pictured pupils without consent; unchecked: photos no one says who is in'),
    use: z.string().min(1).default('socialMedia').describe('the consent column that must say yes'),
  })
  .strict();

type Options = z.infer<typeof options>;

const USE_WORDS: Record<string, string> = { socialMedia: 'social media', website: 'the website', press: 'the press', print: 'print', video: 'video', photos: 'photos' };

function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function hitFor(s: Sighting, messageId: string, use: string, severity?: 'warning'): Hit {
  const photo = s.photo ? path.basename(s.photo) : '';
  const where = s.span ? (photo ? ` in '${photo}'` : '') : ` in '${photo}' (${s.field})`;
  const data = { match: s.match, photo, where, use: USE_WORDS[use] ?? use, expires: s.expires ? ukDate(s.expires) : '' };
  const hit: Hit = s.span ? { span: s.span, messageId, data } : { photo: s.photo, messageId, data };
  if (severity) hit.severity = severity;
  return hit;
}

export const check: CheckKind<Options> = {
  kind: 'consent',
  summary: "Photo consent: who is in each photo (pictured:, people tags, captions) against the school's consent register",
  options,
  async run(ctx: CheckContext, rule: Rule<Options>): Promise<Hit[]> {
    const o = rule.options;
    if (!ctx.school.consent) return [];
    const { sightings, coverage } = await scanConsent(ctx, o.use);
    if (o.mode === 'unchecked') return coverage.filter((c) => !c.known).map((c) => ({ photo: c.photo, data: { photo: path.basename(c.photo) } }));
    const hits: Hit[] = [];
    for (const s of sightings) {
      const r = s.resolved;
      if (r.kind === 'pupil' && s.state && s.state !== 'given') hits.push(hitFor(s, s.state, o.use));
      else if (r.kind === 'notOnRoster') hits.push(hitFor(s, 'notOnRoster', o.use));
      else if (r.kind === 'ambiguous') hits.push(hitFor(s, 'ambiguous', o.use, 'warning'));
      else if (r.kind === 'unknown') hits.push(hitFor(s, 'unknown', o.use, 'warning'));
    }
    return hits;
  },
};

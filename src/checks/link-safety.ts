/**
 * `link-safety`: links whose address alone is a risk (the detector is src/text/links/): a
 * shortener hiding the destination, plain http:, a raw IP address, a file download, a file
 * on a file-sharing host, a person's social-network profile, a domain on the block list.
 */
import * as z from 'zod';
import type { CheckContext, CheckKind, Hit, Rule } from '../types.js';
import { checkLink } from '../text/links/index.js';

const list = z.array(z.string().min(1)).default([]);

const options = z
  .object({
    shorteners: list.describe('URL shorteners: the destination is hidden'),
    fileHosts: list.describe('file-sharing hosts: a link shares a file'),
    downloadExtensions: list.describe('file types that download and may run (exe, zip...)'),
    allow: list.describe('domains never flagged (the school domains are never flagged either)'),
    block: list.describe('domains the school does not link to'),
    organisations: list.describe("profile handles that are organisations' pages"),
    suggestions: z.record(z.string().min(1), z.string()).default({}),
  })
  .strict();

type Options = z.infer<typeof options>;

export const check: CheckKind<Options> = {
  kind: 'link-safety',
  summary: 'Links that hide their destination, download files, use plain http, or point at a person',
  options,
  async run(ctx: CheckContext, rule: Rule<Options>): Promise<Hit[]> {
    const o = rule.options;
    const { draft, school } = ctx;
    const hits: Hit[] = [];
    for (const link of draft.links) {
      const written = draft.text.slice(link.span.start, link.span.end);
      const inner = link.bare ? written : link.url;
      const v = await checkLink(link.url, inner, school.schoolDomains ?? [], o);
      if (!v) continue;
      // the excerpt is the address: for [text](url), just the url
      const at = link.bare ? -1 : written.indexOf(link.url);
      const span = at >= 0 ? { start: link.span.start + at, end: link.span.start + at + link.url.length } : link.span;
      const data = { match: draft.text.slice(span.start, span.end), host: v.host };
      hits.push({ span, messageId: v.problem, data, suggestion: o.suggestions[v.problem]?.replace(/\{host\}/g, v.host) });
    }
    return hits;
  },
};

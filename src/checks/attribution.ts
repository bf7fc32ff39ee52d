/**
 * `attribution`: someone else's material shared without acknowledging the author.
 *
 * Shared material: a link to another organisation's page, article or video (not the school's
 * own domains from `schoolDomains:`, nor a share button pointing at them, nor a payment or
 * form service); a quoted passage (blockquote, or a long "…" quotation); a "shared from",
 * "repost", "RT", "as seen on" marker that names no one; an attached photo whose metadata
 * names a creator or copyright holder other than the school or its staff.
 *
 * Acknowledged: "Credit: …", "Photo by …", "Photo: …", "Source: …", "via …", "courtesy of …",
 * "© …", "thanks to … for sharing", an @mention of the source, a link whose text names it, or
 * the source's name written in the post. A photographer named in a photo's metadata must be
 * named in the post.
 *
 * Each hit points at the shared item (the link, the quotation, the marker or the photo) and
 * suggests a credit line with the source guessed from the link's address.
 */
import * as z from 'zod';
import type { CheckContext, CheckKind, Hit, Rule } from '../types.js';
import {
  ACTION_BEFORE, cleanHolder, creditLine, findCredits, findQuotations, findShareMarkers, guessSource, isMeaningfulHolder,
  isOwnHolder, isOwnUrl, isServiceUrl, linkTextNames, namesHolder, namesSource, quoteAttributed, findVerses, verseCredited,
  webImageHint,
} from '../text/attribution.js';
import { isPersonalProfile } from '../text/links/index.js';

const options = z
  .object({
    /** Check links, quotations, repost markers and photo metadata (each can be switched off). */
    links: z.boolean().default(true),
    quotes: z.boolean().default(true),
    reposts: z.boolean().default(true),
    photos: z.boolean().default(true),
    /** An inline "…" quotation counts as a quoted passage from this many words. */
    quoteMinWords: z.number().int().min(1).default(12),
    /** A blockquote counts from this many words. */
    blockquoteMinWords: z.number().int().min(1).default(5),
    /** More hosts whose links are services, not material (the school's payment system...). */
    serviceHosts: z.array(z.string().min(1)).default([]),
    /** Names for hosts: { "northamptonchron.co.uk": "Northampton Chronicle & Echo" }. */
    organisations: z.record(z.string().min(1), z.string().min(1)).default({}),
  })
  .strict();

type Options = z.infer<typeof options>;

const NOTICE = /^\s*(?:reminder|remember|please|note|nb|n\.b\.|important|don['’]t forget|do not forget|dates? for (?:the|your) diary|save the date|notice|update|a reminder|just a reminder|warning|update)\b/i;

/** The words just before a link say whose it is: "…recipes from Eat Well Kids: <link>", "…read by Cressida Cowell -". */
const INTRO_FROM = /\b(?:from|by)\s+((?:the\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:(?:of|and|&|the|for)\s+)?[\p{Lu}\p{N}][\p{L}\p{N}'’&.-]*){0,5})\s*[:\-–—]?\s*$/u;
const NOT_SOURCE = /^(?:the\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|year|class|today|tomorrow|here|us|our|we|school|the school|office|reception)\b/i;

function introducedBy(before: string): boolean {
  const m = INTRO_FROM.exec(before);
  return !!m && !NOT_SOURCE.test(m[1]);
}

/** A private person's name: two or three capitalised words ("Sam Reynolds", "Mary-Jo de Souza"). */
const PERSON_NAME = /^\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:de|van|von|der|le|la|du|da|di|o['’])\s+)?\p{Lu}[\p{L}'’-]+){1,2}$/u;
const ORGANISATION = /\b(?:ltd|limited|plc|llp|inc|photography|photographic|photos?|studios?|images?|media|news|press|echo|chronicle|times|gazette|telegraph|mercury|post|herald|council|school|academy|trust|club|society|association|group|agency|council|pictures|productions|design|creative)\b/i;
/** "Photo kindly shared by a parent", "thank you to one of our families for the photo", "Photo: a Year 4 parent". */
const FAMILY_CREDIT = /\b(?:(?:photos?|pictures?|images?|pics?)\s*(?::|–|—|-)\s*(?:kindly\s+)?(?:shared\s+by\s+|sent\s+by\s+|taken\s+by\s+|from\s+|courtesy\s+of\s+)?|(?:photos?|pictures?|images?|pics?)\s+(?:kindly\s+)?(?:shared|sent(?:\s+in)?|taken|provided|supplied)\s+by\s+|(?:photos?|pictures?|images?|pics?)\s+(?:courtesy\s+of|from)\s+|thank(?:s|\s+you)\s+(?:so\s+much\s+|very\s+much\s+)?to\s+)(?:a|one\s+of\s+our|our|one\s+of\s+the)\s+(?:year\s+\d\s+|reception\s+|lovely\s+|wonderful\s+)?(?:parents?|families|family|mums?|dads?|carers?|grandparents?|grans?|grandads?|parent\s+helpers?)\b/i;

const words = (s: string) => s.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export const check: CheckKind<Options> = {
  kind: 'attribution',
  summary: "Others' links, quotations, reposts and photos shared without a credit to the author",
  options,
  async run(ctx: CheckContext, rule: Rule<Options>): Promise<Hit[]> {
    const o = rule.options;
    const d = ctx.draft;
    const prose = d.prose;
    const credits = findCredits(prose);
    const named = credits.filter((c) => c.name.length > 0);
    const hits: Hit[] = [];

    if (o.links) {
      const seen = new Set<string>();
      for (const link of d.links) {
        if (isOwnUrl(link.url, ctx.school.schoolDomains ?? [])) continue;
        if (isServiceUrl(link.url, o.serviceHosts)) continue;
        if (isPersonalProfile(link.url)) continue; // a person's profile is not material to credit: link-safety reports it
        // "[our Facebook page](…)": the school's own account elsewhere
        if (/^\s*(?:our|my)\b/i.test(link.text) || /^\s*the\s+school'?s\b/i.test(link.text)) continue;
        // "Book your slot here: …", "Pay for the trip …": a link to act on, not material
        const before = prose.slice(Math.max(0, link.span.start - 100), link.span.start).split(/\n\s*\n|[.!?]\s/).pop() ?? '';
        if (ACTION_BEFORE.test(before) || ACTION_BEFORE.test(link.text)) continue;
        const src = guessSource(link.url, o.organisations);
        const key = src.keys[0] ?? src.name;
        if (seen.has(key)) continue;
        // a credit in the words that introduce the link, in the same sentence: "Here are some
        // lunchbox ideas from Change4Life: https://www.nhs.uk/…"
        // (the whole sentence, which can be longer than the 100 characters looked at above)
        const sentence = prose.slice(Math.max(0, link.span.start - 400), link.span.start).split(/\n\s*\n|[.!?]\s/).pop() ?? '';
        const introStart = link.span.start - sentence.length;
        const introduced = named.some((c) => c.start >= introStart && c.end <= link.span.start) || introducedBy(before);
        const ok =
          introduced ||
          linkTextNames(link.text, src) ||
          namesSource(prose, src) ||
          ((src.unknown || !src.known) && named.length > 0);
        if (ok) continue;
        seen.add(key);
        hits.push({
          span: { start: link.span.start, end: link.span.end },
          data: { source: src.where, credit: src.name, match: link.bare ? link.url : link.text || link.url },
          suggestion: `Add a credit line, e.g. "${creditLine(src.name)}" (and make sure you have permission to share it)`,
        });
      }
    }

    // a quotation next to an uncredited link most likely comes from that link's source
    const linkSources = [...new Set(hits.map((h) => String(h.data?.credit ?? '')).filter(Boolean))];
    if (o.quotes) {
      const spans: { start: number; end: number }[] = [];
      for (const q of d.quotes) {
        const body = prose.slice(q.start, q.end);
        // a blockquote used to make a notice stand out is the school's own words
        if (NOTICE.test(body)) continue;
        if (words(body) >= o.blockquoteMinWords) spans.push(q);
      }
      for (const q of findQuotations(prose, o.quoteMinWords)) {
        if (!spans.some((s) => q.start >= s.start && q.end <= s.end)) spans.push(q);
      }
      const ownPeople = await peopleOfTheSchool(ctx);
      for (const q of spans.sort((a, b) => a.start - b.start)) {
        if (quoteAttributed(prose, q) || named.length > 0) continue;
        // "“No thanks, Callum, …”", "“I was nervous at first…” Lydia remembers": an inline
        // quotation in a paragraph about the school's own people is their words, not a source's
        if (!d.quotes.includes(q) && ownPeople(paragraphOf(prose, q))) continue;
        hits.push({
          span: q,
          messageId: 'quote',
          // a blockquote is someone else's passage; an inline quotation may be the school's own words
          ...(d.quotes.includes(q) ? {} : { severity: 'warning' as const }),
          suggestion: `Say who wrote or said it, e.g. "${creditLine(linkSources.length === 1 && !linkSources[0].startsWith('<') ? linkSources[0] : '<the author or source>', 'quote')}" after the quotation`,
        });
      }
    }

    if (o.quotes) {
      // lines of verse (a poem, a song) with no credit in, after or introducing them
      const ownPeople = await peopleOfTheSchool(ctx);
      for (const v of findVerses(prose)) {
        if (hits.some((h) => h.span && h.span.start < v.end && v.start < h.span.end)) continue;
        if (verseCredited(prose, v)) continue;
        // verse about the school's own classes and people is the school's own ("in came Rowan Class")
        if (ownPeople(prose.slice(v.start, v.end), true)) continue;
        hits.push({ span: v, messageId: 'verse', suggestion: `Say who wrote it, e.g. "${creditLine('<the poet or source>', 'quote')}" after the lines (or "written by our Year 4 poets")` });
      }
    }

    if (o.photos) {
      // a picture found online: "Image result for poetry" as alt text, "…-quotes-…-sayings.jpg"
      for (const b of d.blocks) {
        if (b.kind !== 'alt' && !(b.kind === 'frontmatter' && /alt|caption/i.test(b.key ?? ''))) continue;
        const t = prose.slice(b.start, b.end);
        if (webImageHint(t)) hits.push({ span: { start: b.start, end: b.end }, messageId: 'webImage', data: { match: t.trim() } });
      }
      for (const img of d.images) {
        const base = img.path.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
        if (!webImageHint(base)) continue;
        const hit: Hit = img.span ? { span: img.span } : { photo: img.path };
        hits.push({ ...hit, messageId: 'webImage', data: { match: base } });
      }
    }

    if (o.reposts) {
      for (const m of findShareMarkers(prose)) {
        if (m.named || named.length > 0) continue;
        hits.push({
          span: { start: m.start, end: m.end },
          messageId: 'repost',
          data: { match: m.text },
          suggestion: `Name whose post it is, e.g. "Shared from <organisation or person>" or "${creditLine('<the original author>')}"`,
        });
      }
    }

    if (o.photos && d.images.length > 0) {
      const metas = await ctx.photos();
      const own = { schoolName: ctx.school.name, schoolDomains: ctx.school.schoolDomains, staff: ctx.school.staff };
      const pupils = [...(ctx.school.roster ?? []), ...(ctx.school.noPublish ?? [])];
      for (const meta of metas) {
        const holders: { name: string; role: string }[] = [];
        const add = (raw: string, role: string) => {
          const name = cleanHolder(raw);
          if (!isMeaningfulHolder(name) || isOwnHolder(name, own)) return;
          // a pupil as the photographer: never suggest printing a pupil's name (image-metadata
          // already asks for the name to be removed from the photo)
          if (isOwnHolder(name, { staff: pupils })) return;
          if (holders.some((h) => namesHolder(h.name, name) || namesHolder(name, h.name))) return;
          holders.push({ name, role });
        };
        for (const c of meta.creators ?? []) add(c.value, 'creator');
        for (const c of meta.copyright ?? []) add(c.value, 'copyright holder');
        // Only private people named (no studio, paper or company): most likely a pupil's family.
        // Printing a parent's full name beside a photo of their child gives the child's surname,
        // so a credit to "a parent" or "one of our families" acknowledges them well enough.
        const holderNames = [...(meta.creators ?? []), ...(meta.copyright ?? [])].map((c) => cleanHolder(c.value)).filter((n) => isMeaningfulHolder(n));
        const private_ = holders.length > 0 && holderNames.every((n) => PERSON_NAME.test(n) && !ORGANISATION.test(n));
        if (private_ && FAMILY_CREDIT.test(prose)) continue;
        for (const h of holders) {
          if (namesHolder(prose, h.name)) continue;
          hits.push({
            photo: meta.path,
            messageId: 'photo',
            data: { match: h.name, creator: h.name, role: h.role, photo: meta.fileName },
            suggestion: private_
              ? `Add a credit line, e.g. "${creditLine(h.name, 'photo')}", or "Photo kindly shared by a parent" if they are a pupil's family: their full name could identify their child (and make sure you have permission to use it)`
              : `Add a credit line, e.g. "${creditLine(h.name, 'photo')}" (and make sure you have permission to use it)`,
          });
        }
      }
    }
    return hits;
  },
};

/** The paragraph around a span. */
function paragraphOf(prose: string, q: { start: number; end: number }): string {
  const a = prose.lastIndexOf('\n\n', q.start);
  const b = prose.indexOf('\n\n', q.end);
  return prose.slice(a < 0 ? 0 : a, b < 0 ? prose.length : b);
}

/** Does a text name one of the school's people (a pupil on the roster, a member of staff)? */
async function peopleOfTheSchool(ctx: CheckContext): Promise<(text: string, classesToo?: boolean) => boolean> {
  const { getNameIndex, tokenize } = await import('../text/names/index.js');
  const index = getNameIndex(ctx);
  return (text, classesToo = false) => {
    if (classesToo && /\b(?:Year|Class|Reception)\s+\w/.test(text)) return true;
    for (const t of tokenize(text)) {
      if (t.cap !== 'title') continue;
      if (classesToo && index.classes.has(t.key)) return true;
      if (index.first.has(t.key) && !index.classes.has(t.key)) return true;
      if (index.staffFull.has(t.key) || index.staffLast.has(t.key)) return true;
    }
    return /\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+\p{Lu}/u.test(text);
  };
}

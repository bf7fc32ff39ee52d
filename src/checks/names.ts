/**
 * `names`: pupils' names, matched against the school's roster (src/text/names/).
 *
 *   mode: surname     a pupil's surname: full name, surname alone, initial ("Jack S."), any
 *                     spelling; suggestion and --fix: the first name alone. Without a roster,
 *                     full person names found by NLP (src/text/names/person-names.ts).
 *   mode: with-image  when a photo is attached: any pupil name, a first name alone too, in the
 *                     text and alt text, a photo's file name, or its metadata (people tags,
 *                     captions, keywords).
 *   mode: no-publish  a pupil on the no-publish list named anywhere (text, file names,
 *                     metadata); a first name or surname shared with other pupils is a warning.
 *
 *   fileNames (default true), metadata (default true): also look in photos' file names / metadata.
 *   links (default true): also look in link addresses (a name in a URL is published too).
 *   noRoster: full-names (default) | off: what the surname and with-image modes do when the
 *   school has no roster. noRosterSeverity: severity of those guesses (default: the rule's).
 *
 * Messages (rule.messages) by id: surname, initial, noRoster, fileName, metadata, link, ambiguous,
 * word (no-publish: a name the context reads as a word or as someone else);
 * template values: {match}, {first}, {photo}, {field}, {url}.
 */
import * as z from 'zod';
import type { CheckContext, CheckKind, Hit, Rule, TextSpan } from '../types.js';
import type { PhotoMeta } from '../inputs/photo/index.js';
import { fileNameWords, findNames, getNameIndex, resolveMaybes, type MatchMode, type NameIndex, type NameMatch } from '../text/names/index.js';
import { nameParts } from '../text/names/index.js';
import { picturedText } from '../inputs/pictured.js';

const options = z
  .object({
    mode: z.enum(['surname', 'with-image', 'no-publish']),
    fileNames: z.boolean().default(true),
    metadata: z.boolean().default(true),
    links: z.boolean().default(true),
    noRoster: z.enum(['full-names', 'off']).default('full-names'),
    noRosterSeverity: z.enum(['error', 'warning', 'info']).optional(),
  })
  .strict();

type Options = z.infer<typeof options>;

interface Source {
  text: string;
  mode: MatchMode;
  /** Set for a link's address: the finding points at the link. */
  link?: { span: TextSpan; url: string };
  /** Set for file names and metadata: the finding is about this photo. */
  photo?: string;
  field?: string;
}

function photoName(p: string): string {
  return p.replace(/^.*[\\/]/, '');
}

/** Where to look: the prose (text, headings, alt text, captions), then each photo's name and metadata. */
/** A link's address as words: "https://school.example/news/amelia-hughes-wins" → "school example news amelia hughes wins". */
function urlWords(url: string): string {
  let u = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '');
  try {
    u = decodeURIComponent(u);
  } catch {
    /* keep it as written */
  }
  return fileNameWords(u.replace(/[/?#=&%:@]+/g, ' ').replace(/\.(html?|php|aspx?)\b/gi, ' ') + '.x');
}

async function sources(ctx: CheckContext, o: Options, withPhotos: boolean): Promise<Source[]> {
  const out: Source[] = [{ text: ctx.draft.prose, mode: 'prose' }];
  if (o.links) {
    for (const l of ctx.draft.links ?? []) {
      if (/^(mailto|tel):/i.test(l.url)) continue;
      out.push({ text: urlWords(l.url), mode: 'words', link: { span: l.span, url: l.url }, field: 'link' });
    }
  }
  if (!withPhotos || ctx.draft.images.length === 0) return out;
  if (o.fileNames) {
    for (const img of ctx.draft.images) out.push({ text: fileNameWords(photoName(img.path)), mode: 'words', photo: img.path, field: 'file name' });
  }
  if (o.metadata) {
    let metas: PhotoMeta[] = [];
    try {
      metas = await ctx.photos();
    } catch {
      metas = []; // a photo that cannot be read is reported by the engine
    }
    for (const m of metas) {
      for (const p of m.people ?? []) out.push({ text: p.value, mode: 'tag', photo: m.path, field: 'people tags' });
      for (const t of m.texts ?? []) out.push({ text: t.value, mode: 'prose', photo: m.path, field: 'caption' });
      for (const k of m.keywords ?? []) out.push({ text: k.value, mode: 'words', photo: m.path, field: 'keywords' });
    }
  }
  return out;
}

/** The three rules look at the same texts: match each text once per draft. */
const perDraft = new WeakMap<object, Map<string, Promise<NameMatch[]>>>();

function matchAll(ctx: CheckContext, index: NameIndex, src: Source): Promise<NameMatch[]> {
  let cache = perDraft.get(ctx.draft);
  if (!cache) perDraft.set(ctx.draft, (cache = new Map()));
  const key = `${src.mode}\u0000${src.text}`;
  let p = cache.get(key);
  if (!p) {
    // Captions and alt text say who is in the photo: a doubtful no-publish name there is kept.
    const alts = src.photo || src.link ? [] : ctx.draft.blocks.filter((b) => b.kind === 'alt' || (b.kind === 'frontmatter' && /caption|alt/i.test(b.key ?? '')));
    const captionAt = src.field === 'caption' ? () => true : (m: NameMatch) => alts.some((b) => b.start <= m.span.start && m.span.start < b.end);
    p = resolveMaybes(src.text, findNames(index, src.text, { mode: src.mode }), undefined, captionAt);
    cache.set(key, p);
  }
  return p;
}

/** A hit in the text, or on a link whose address holds the name. */
/** True when a word stands inside a sentence: something other than white space and markup before it since the last sentence end or line start. */
function midSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === '"' || c === '“') return false;
    if (/[\p{L}\p{N}]/u.test(c)) return true;
  }
  return false;
}

function textHit(src: Source, m: NameMatch, messageId: string | undefined, extra: Partial<Hit> = {}): Hit {
  const match = m.text.replace(/\s+/g, ' ').trim();
  if (src.link) {
    return { span: src.link.span, messageId: messageId === 'ambiguous' || messageId === 'word' ? messageId : 'link', data: { match, url: src.link.url }, ...extra };
  }
  return { span: m.span, messageId, data: { match }, ...extra };
}

function photoHit(src: Source, m: NameMatch, messageId: string, extra: Partial<Hit> = {}): Hit {
  return {
    photo: src.photo,
    messageId,
    data: { match: m.text.replace(/\s+/g, ' ').trim(), photo: photoName(src.photo!), field: src.field ?? '' },
    ...extra,
  };
}

export const check: CheckKind<Options> = {
  kind: 'names',
  summary: "Pupils' names from the roster: surnames, names beside photos, the no-publish list",
  options,
  async run(ctx: CheckContext, rule: Rule<Options>): Promise<Hit[]> {
    const o = rule.options;
    const school = ctx.school;
    const hasRoster = (school.roster?.length ?? 0) > 0;
    const index = getNameIndex(ctx);
    const hits: Hit[] = [];

    if (o.mode === 'with-image' && ctx.draft.images.length === 0) return [];

    if (o.mode === 'no-publish') {
      if (!index.pupils.some((p) => p.noPublish)) return [];
      // The draft's `pictured:` names are not published, but a listed pupil in the photos is still pictured.
      const pictured = picturedText(ctx.draft);
      const extra: Source[] = pictured ? [{ text: pictured, mode: 'tag', field: 'pictured' }] : [];
      for (const src of [...(await sources(ctx, o, true)), ...extra]) {
        for (const m of await matchAll(ctx, index, src)) {
          const listed = m.pupils.filter((p) => p.noPublish);
          if (!listed.length) continue;
          const shared = listed.length < m.pupils.length;
          // Weak: the context reads it as a word or someone else ("proud of Leo", "by C.S. Lewis"),
          // but a miss costs a child's safety, so it is a warning, never silence.
          // ...except a capitalised first name in the middle of a sentence of the post ("We are
          // proud of Leo"): that is how people write a child's name, so it is an error.
          const capitalisedMid = m.weak && !shared && m.kind === 'first' && !src.photo && !src.link && /^\p{Lu}/u.test(m.text) && midSentence(src.text, m.span.start);
          const doubt = shared ? 'ambiguous' : m.weak && !capitalisedMid ? 'word' : undefined;
          const severity = doubt ? ({ severity: 'warning' } as const) : {};
          if (src.photo) {
            hits.push(photoHit(src, m, doubt ?? (src.field === 'file name' ? 'fileName' : 'metadata'), severity));
          } else {
            hits.push(textHit(src, m, doubt, severity));
          }
        }
      }
      return hits;
    }

    if (!hasRoster) {
      if (o.noRoster === 'off') return [];
      return noRosterHits(ctx, o, rule, index);
    }

    if (o.mode === 'surname') {
      // A photo's file name and the names stored in it are published with it: a surname there too.
      for (const src of await sources(ctx, o, true)) {
        for (const m of await matchAll(ctx, index, src)) {
          if (m.kind === 'first' || m.weak) continue;
          if (src.photo) {
            hits.push(photoHit(src, m, src.field === 'file name' ? 'fileName' : 'metadata'));
            continue;
          }
          if (src.link) {
            hits.push(textHit(src, m, 'link'));
            continue;
          }
          const hit: Hit = {
            span: m.span,
            messageId: m.kind === 'full' ? undefined : m.kind,
            data: { match: m.text.replace(/\s+/g, ' ').trim(), first: m.suggestion ?? 'the first name' },
          };
          if (m.suggestion) hit.suggestion = m.suggestion;
          if (m.fix) hit.fix = m.fix;
          hits.push(hit);
        }
      }
      return hits;
    }

    // with-image
    for (const src of await sources(ctx, o, true)) {
      for (const m of await matchAll(ctx, index, src)) {
        if (m.weak) continue;
        if (src.photo) hits.push(photoHit(src, m, src.field === 'file name' ? 'fileName' : 'metadata'));
        else hits.push(textHit(src, m, undefined));
      }
    }
    return hits;
  },
};

/** No roster: full person names found by NLP, minus staff, allowed names and class names. */
async function noRosterHits(ctx: CheckContext, o: Options, rule: Rule<Options>, index: NameIndex): Promise<Hit[]> {
  const prose = ctx.draft.prose;
  if (!/\p{Lu}[\p{Ll}'’]+[\s\u00a0]+(?:\p{Lu}\.?\s+)?\p{Lu}/u.test(prose)) return []; // no two capitalised words in a row: nothing to find
  const { loadNlp } = await import('../text/nlp.js');
  const { findPersonNames } = await import('../text/names/person-names.js');
  const nlp = await loadNlp();
  const hits: Hit[] = [];
  const severity = o.noRosterSeverity && o.noRosterSeverity !== rule.severity ? o.noRosterSeverity : undefined;
  for (const p of findPersonNames(nlp, prose)) {
    if (isKnownAdultOrAllowed(index, p.text)) continue;
    const prev = prose.slice(Math.max(0, p.start - 12), p.start);
    if (/\b(Mr|Mrs|Miss|Ms|Mx|Dr|Sir|Dame|Rev|Prof)\.?\s*$/i.test(prev)) continue;
    const first = p.text.split(/\s+/)[0];
    const hit: Hit = { span: { start: p.start, end: p.end }, messageId: 'noRoster', data: { match: p.text.replace(/\s+/g, ' '), first } };
    if (severity) hit.severity = severity;
    if (o.mode === 'surname') {
      hit.suggestion = first;
      const lastWordEnd = p.end;
      const firstEnd = p.start + (prose.slice(p.start).match(/^\S+/)?.[0].length ?? 0);
      const poss = /^['’]s?/.exec(prose.slice(lastWordEnd))?.[0] ?? '';
      hit.fix = { span: { start: firstEnd, end: lastWordEnd + poss.length }, replacement: poss };
    }
    hits.push(hit);
  }
  return hits;
}

function isKnownAdultOrAllowed(index: NameIndex, text: string): boolean {
  const parts = nameParts(text);
  const key = parts.join('');
  if (index.allow.has(key)) return true;
  for (let k = 1; k < parts.length; k++) {
    const lasts = index.staffFull.get(parts.slice(0, k).join(''));
    if (lasts && lasts.has(parts.slice(k).join(''))) return true;
  }
  if (index.classes.has(key)) return true;
  return false;
}

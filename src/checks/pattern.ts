/**
 * `pattern`: Vale-style existence and substitution checks over the draft's prose.
 *
 *   tokens:   [words or phrases]         existence: flag each occurrence
 *   patterns: [regular expressions]      existence, RE2 syntax (linear time: never hangs)
 *   swap:     { word: replacement }      substitution: flag and suggest the replacement
 *   exceptions: [words or phrases]       matches equal to one of these are not flagged
 *   ignoreCase (default true), wholeWord (default true), scope: prose | text
 *   escalate: { tokens, patterns, severity, messageId }   matches of these take another
 *             severity and message ("not for publication" is an error in a warning rule)
 *
 * A regular expression with a capture group flags the first group only, so context can be
 * matched around it (RE2 has no look-behind). Every match is one hit; `{match}` in the
 * message is the matched text.
 */
import * as z from 'zod';
import { RE2JS } from 're2js';
import { MAX_FINDINGS_PER_RULE } from '../types.js';
import type { CheckContext, CheckKind, Hit, Rule } from '../types.js';

/** What RE2 leaves out that people write, said in words (RE2 runs in linear time: no pattern can hang). */
const UNSUPPORTED: [RegExp, string][] = [
  [/\(\?<[=!]/, 'look-behind (?<=…) or (?<!…)'],
  [/\(\?[=!]/, 'look-ahead (?=…) or (?!…)'],
  [/\\[1-9]|\\k</, 'back-references (\\1, \\k<name>)'],
  [/\(\?>/, 'atomic groups (?>…)'],
  [/[*+?}]\+/, 'possessive quantifiers (a*+, a++)'],
];

/** Why RE2 cannot run this pattern, or undefined when it can. Checked when the rule file loads. */
export function re2Problem(src: string): string | undefined {
  try {
    RE2JS.compile(src);
    return undefined;
  } catch (e) {
    const what = UNSUPPORTED.find(([re]) => re.test(src))?.[1];
    const fix = 'match the words around it in the pattern and put what to flag in a capture group (the first group is what is flagged)';
    return what
      ? `RE2, the regular-expression engine smcheck uses (it never hangs), does not support ${what}: ${fix}`
      : `RE2 cannot read this regular expression: ${(e as Error).message}`;
  }
}

const re2Pattern = z.string().min(1).superRefine((src, ctx) => {
  const why = re2Problem(src);
  if (why) ctx.addIssue({ code: 'custom', message: why });
});

const options = z
  .object({
    tokens: z.array(z.string().min(1)).optional(),
    patterns: z.array(re2Pattern).optional(),
    swap: z.record(z.string().min(1), z.string()).optional(),
    exceptions: z.array(z.string()).optional(),
    ignoreCase: z.boolean().default(true),
    wholeWord: z.boolean().default(true),
    scope: z.enum(['prose', 'text']).default('prose'),
    suggestion: z.string().optional(),
    escalate: z
      .object({
        tokens: z.array(z.string().min(1)).optional(),
        patterns: z.array(z.string().min(1)).optional(),
        severity: z.enum(['error', 'warning', 'info']).default('error'),
        messageId: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((o) => (o.tokens?.length ?? 0) + (o.patterns?.length ?? 0) + Object.keys(o.swap ?? {}).length > 0, {
    message: 'a pattern rule needs at least one of tokens, patterns or swap',
  });

type Options = z.infer<typeof options>;

interface Compiled {
  re: { matcher(s: string): { find(from?: number): boolean; start(g?: number): number; end(g?: number): number; groupCount(): number } };
  swap?: Map<string, string>;
  /** Matches of the rule's `escalate` list. */
  escalate?: boolean;
}

const cache = new WeakMap<object, Promise<Compiled[]>>();

function escapeRe(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** A phrase matches across any run of whitespace (line breaks, markdown left as spaces). */
function phrase(s: string): string {
  return s.trim().split(/\s+/).map(escapeRe).join('\\s+');
}

async function compile(o: Options, file: string): Promise<Compiled[]> {
  const flags = o.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0;
  // \b is ASCII in RE2; use explicit letter/digit boundaries so "Zoë" is one word.
  // Word lists (tokens, swap) are literal phrases: a JavaScript RegExp of them cannot backtrack
  // badly (no nested quantifiers) and costs nothing to build, where RE2 with case folding of
  // Unicode classes took ~250 ms for a list of 60 phrases. User-written `patterns` stay RE2.
  const words = (body: string): Compiled['re'] => literalRe(o.wholeWord ? `(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])` : body, o.ignoreCase);
  const out: Compiled[] = [];
  const build = (src: string): Compiled['re'] => {
    try {
      return RE2JS.compile(src, flags) as unknown as Compiled['re'];
    } catch (e) {
      throw new Error(`${file}: bad regular expression /${src}/: ${(e as Error).message}`);
    }
  };
  if (o.tokens?.length) out.push({ re: words(o.tokens.map(phrase).join('|')) });
  for (const p of o.patterns ?? []) out.push({ re: build(p) });
  const e = o.escalate;
  if (e?.tokens?.length) out.push({ re: words(e.tokens.map(phrase).join('|')), escalate: true });
  for (const p of e?.patterns ?? []) out.push({ re: build(p), escalate: true });
  const swap = Object.entries(o.swap ?? {});
  if (swap.length) {
    const map = new Map(swap.map(([k, v]) => [normal(k, o.ignoreCase), v]));
    out.push({ re: words(swap.map(([k]) => phrase(k)).join('|')), swap: map });
  }
  return out;
}

/** A JavaScript RegExp behind the same small matcher interface as RE2's (group 0 only). */
function literalRe(src: string, ignoreCase: boolean): Compiled['re'] {
  const re = new RegExp(src, ignoreCase ? 'giu' : 'gu');
  return {
    matcher(s: string) {
      let m: RegExpExecArray | null = null;
      return {
        find(from = 0) {
          re.lastIndex = from;
          m = re.exec(s);
          return m !== null;
        },
        start: () => m!.index,
        end: () => m!.index + m![0].length,
        groupCount: () => 0,
      };
    },
  };
}

function normal(s: string, ignoreCase: boolean): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return ignoreCase ? t.toLowerCase() : t;
}

/** Where the exception phrases stand in the text: a match inside one ("Kids" in "Kids Club") is not flagged. */
function exceptionSpans(text: string, o: Options): (start: number, end: number) => boolean {
  const spans: [number, number][] = [];
  if (o.exceptions?.length) {
    const hay = o.ignoreCase ? text.toLowerCase() : text;
    for (const e of o.exceptions) {
      const parts = (o.ignoreCase ? e.toLowerCase() : e).trim().split(/\s+/);
      const first = parts[0];
      if (!first) continue;
      for (let i = hay.indexOf(first); i >= 0; i = hay.indexOf(first, i + 1)) {
        // the remaining words may be separated by any whitespace
        let end = i + first.length;
        let ok = true;
        for (const part of parts.slice(1)) {
          let j = end;
          while (j < hay.length && /\s/.test(hay[j])) j++;
          if (j === end || !hay.startsWith(part, j)) {
            ok = false;
            break;
          }
          end = j + part.length;
        }
        if (ok) spans.push([i, end]);
      }
    }
  }
  return (start, end) => spans.some(([s, e]) => start >= s && end <= e);
}

export const check: CheckKind<Options> = {
  kind: 'pattern',
  summary: 'Word lists and regular expressions (RE2, linear time): flag or suggest a replacement',
  options,
  async run(ctx: CheckContext, rule: Rule<Options>): Promise<Hit[]> {
    const o = rule.options;
    let compiled = cache.get(o);
    if (!compiled) {
      compiled = compile(o, rule.file);
      cache.set(o, compiled);
    }
    const text = o.scope === 'text' ? ctx.draft.text : ctx.draft.prose;
    const exceptions = new Set((o.exceptions ?? []).map((e) => normal(e, o.ignoreCase)));
    const inException = exceptionSpans(text, o);
    const hits: Hit[] = [];
    const seen = new Set<string>();
    // escalated matches first, so a stronger finding wins over a plain one on the same words
    const ordered = [...(await compiled)].sort((a, b) => Number(!!b.escalate) - Number(!!a.escalate));
    const taken: [number, number][] = [];
    // Each search is linear; restarting one character after each match could still be
    // quadratic on overlapping matches (`a+` on 'aaaa…'), so stop once the engine's cap is passed.
    const enough = (): boolean => hits.length > MAX_FINDINGS_PER_RULE;
    for (const c of ordered) {
      if (enough()) break;
      const m = c.re.matcher(text);
      let from = 0;
      while (from <= text.length && !enough() && m.find(from)) {
        const g = m.groupCount() >= 1 && m.start(1) >= 0 ? 1 : 0;
        const start = m.start(g);
        const end = m.end(g);
        // go on from the end of what was reported (matches do not overlap: `a+` on 'aaaa…' is
        // one finding, and the search stays linear); a whole-word wrapper's consumed boundary
        // character can start the next match
        from = Math.max(end, m.start(0) + 1);
        if (end <= start) continue;
        const key = `${start}:${end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (taken.some(([s, e]) => start < e && s < end)) continue;
        taken.push([start, end]);
        const matched = text.slice(start, end);
        const norm = normal(matched, o.ignoreCase);
        if (exceptions.has(norm) || inException(start, end)) continue;
        const hit: Hit = { span: { start, end }, data: { match: matched.replace(/\s+/g, ' ') } };
        if (c.escalate && o.escalate) {
          hit.severity = o.escalate.severity;
          if (o.escalate.messageId) hit.messageId = o.escalate.messageId;
        }
        if (c.swap) {
          const replacement = c.swap.get(norm);
          if (replacement !== undefined) {
            hit.messageId = 'swap';
            hit.data!.replacement = replacement;
            hit.suggestion = replacement;
            hit.fix = { span: { start, end }, replacement };
          }
        } else if (o.suggestion !== undefined) {
          hit.suggestion = o.suggestion.replace(/\{match\}/g, matched);
        }
        hits.push(hit);
      }
    }
    return hits;
  },
};

/**
 * The runner: one draft (with its photos) through every loaded rule, hits turned into
 * findings (message, line:column, excerpt, policy), suppressions applied, status decided.
 * A draft or photo that cannot be read makes the status `error`: an unchecked draft must
 * never look safe.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FINDINGS_PER_RULE } from '../types.js';
import type { CheckContext, DraftResult, Finding, Hit, ImageRef, School, Severity } from '../types.js';
import type { PhotoMeta } from '../inputs/photo/index.js';
import { InputError } from '../errors.js';
import { readDraft, type ParsedDraft } from '../inputs/draft.js';
import { ENCODING_NAMES } from '../inputs/decode.js';
import { LineMap } from '../text/positions.js';
import type { LoadedRule } from './rules.js';
import { applySuppressions, parseDirectives, suppressionReport, SUPPRESSION_RULE } from './suppress.js';

export interface DraftInput {
  /** A draft file, or a photo checked on its own. */
  kind: 'draft' | 'photo';
  path: string;
  /** Photos given on the command line (or paired by folder) that attach to this draft. */
  extraImages?: ImageRef[];
  /** An already parsed draft (tests, editors, standard input): used instead of reading `path`. */
  parsed?: ParsedDraft;
  /** Reading it already failed (standard input too large): the draft is reported as not checked. */
  readError?: string;
}

export interface RunOptions {
  rules: LoadedRule[];
  school: School;
  cwd?: string;
  /** A draft with more warnings than this fails. */
  maxWarnings?: number;
  /** Compute a fixed copy of the text (surnames removed, swaps applied). */
  fix?: boolean;
  /** Shared across drafts of one run. */
  runCache?: Map<string, unknown>;
  /** Every rule id that exists, switched on or not: a suppression naming a disabled rule is not a typo. */
  knownRuleIds?: Set<string>;
}

export interface DraftOutcome extends DraftResult {
  /** With --fix: the fixed text, when any fix applied. */
  fixedText?: string;
  /** With --fix: how many fixes were applied. */
  fixesApplied?: number;
  /** With --fix: clean copies written for this draft's photos. */
  cleaned?: string[];
  /** The draft's text (BOM removed), for reporters that show source lines. Not part of the JSON report. */
  text?: string;
}

/** The pseudo-rule of a warning about an image given as a web address (never checked). */
export const UNCHECKED_IMAGE_RULE = 'remote-image';

type Located = Finding & { offset?: number; photoRefLine?: number };

export function photoRef(p: string, cwd: string, source: ImageRef['source']): ImageRef {
  return { path: p, absPath: path.resolve(cwd, p), source };
}

function emptyDraftFor(photo: ImageRef): ParsedDraft {
  return {
    path: photo.path, absPath: photo.absPath, format: 'none', text: '', prose: '',
    blocks: [], links: [], quotes: [], frontMatter: {}, images: [photo],
  };
}

export async function checkDraft(input: DraftInput, opts: RunOptions): Promise<DraftOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const runCache = opts.runCache ?? new Map<string, unknown>();
  const errors: string[] = [];
  let draft: ParsedDraft;
  if (input.kind === 'photo') {
    draft = emptyDraftFor(photoRef(input.path, cwd, 'standalone'));
  } else {
    try {
      if (input.readError) throw new InputError(input.readError);
      draft = input.parsed ?? (await readDraft(input.path, cwd, { maxBytes: opts.school.maxDraftBytes }));
    } catch (e) {
      if (e instanceof InputError) {
        return { draft: input.path, images: (input.extraImages ?? []).map((i) => i.path), status: 'error', error: e.message, findings: [], suppressions: [] };
      }
      throw e;
    }
    for (const img of input.extraImages ?? []) {
      if (!draft.images.some((i) => i.absPath === img.absPath)) draft.images.push(img);
    }
  }

  // A photo that is missing is an error for this draft; the text is still checked.
  const present: ImageRef[] = [];
  for (const img of draft.images) {
    try {
      const s = await stat(img.absPath);
      if (!s.isFile()) errors.push(`${img.path}: is not a file.`);
      else present.push(img);
    } catch {
      const from = img.source === 'markdown' || img.source === 'frontmatter' ? ` (named in ${draft.path})` : '';
      errors.push(`${img.path}: no such photo${from}. Check the path and try again.`);
    }
  }

  let photosPromise: Promise<PhotoMeta[]> | undefined;
  const photoCache = (runCache.get('photos') as Map<string, Promise<PhotoMeta>> | undefined) ?? new Map<string, Promise<PhotoMeta>>();
  runCache.set('photos', photoCache);
  let nlpPromise: Promise<unknown> | undefined;
  const ctx: CheckContext = {
    draft,
    school: opts.school,
    runCache,
    nlp() {
      nlpPromise ??= import('../text/nlp.js').then(async (m) => {
        const nlp = await m.loadNlp();
        return nlp(draft.prose);
      });
      return nlpPromise;
    },
    photos() {
      photosPromise ??= (async () => {
        if (present.length === 0) return [];
        const { readPhoto } = await import('../inputs/photo/index.js');
        const out: PhotoMeta[] = [];
        for (const ref of present) {
          let p = photoCache.get(ref.absPath);
          if (!p) {
            p = readPhoto(ref);
            photoCache.set(ref.absPath, p);
          }
          try {
            const meta = await p;
            out.push({ ...meta, path: ref.path });
          } catch (e) {
            const msg = e instanceof InputError ? e.message : `${ref.path}: could not be read (${(e as Error).message}).`;
            if (!errors.includes(msg)) errors.push(msg);
          }
        }
        return out;
      })();
      return photosPromise;
    },
  };

  const lines = new LineMap(draft.text);
  const located: Located[] = [];
  const fixes: { start: number; end: number; replacement: string; finding: Located }[] = [];
  const timing = runCache.get('timing') as Map<string, number> | undefined;
  for (const rule of opts.rules) {
    let hits: Hit[];
    const t0 = timing ? performance.now() : 0;
    try {
      hits = await rule.check.run(ctx, rule);
      if (timing) timing.set(rule.id, (timing.get(rule.id) ?? 0) + performance.now() - t0);
    } catch (e) {
      if (e instanceof InputError) {
        if (!errors.includes(e.message)) errors.push(e.message);
        continue;
      }
      errors.push(`rule '${rule.id}' could not finish (${(e as Error).message}); this draft was not fully checked.`);
      continue;
    }
    for (const hit of hits) {
      const f = toFinding(hit, rule, draft, lines);
      located.push(f);
      if (opts.fix && hit.fix) fixes.push({ ...hit.fix.span, replacement: hit.fix.replacement, finding: f });
    }
  }
  // Every attached photo is read even if no rule asked for it: a photo that cannot be read
  // must never come out as PASS.
  if (present.length > 0) await ctx.photos();

  // Images given as URLs: never a silent PASS (issue 13 point 5).
  for (const u of draft.uncheckedImages ?? []) {
    const at = lines.position(u.span.start);
    if (/^data:/i.test(u.url)) {
      errors.push(`${draft.path}:${at.line}: an image is embedded in the draft as data:, which smcheck cannot check. Save it as a photo file beside the draft and link that.`);
    } else {
      const shown = u.url.length > 80 ? `${u.url.slice(0, 77)}...` : u.url;
      located.push({ rule: UNCHECKED_IMAGE_RULE, severity: 'warning', file: draft.path, line: at.line, column: at.column, message: `The image ${shown} is on another website and was not checked (smcheck never goes online). Download it and link the file, or check it yourself before posting.`, policy: '' });
    }
  }
  const { directives, problems } = parseDirectives(draft, lines);
  const protectedRules = new Set(opts.rules.filter((r) => r.protected).map((r) => r.id));
  const unsuppressed = applySuppressions(dedupe(located), directives, protectedRules);
  const kept = capPerRule(unsuppressed);
  const active = new Set(opts.rules.map((r) => r.id));
  const { records, warnings } = suppressionReport(directives, draft.path, opts.knownRuleIds ?? active, active);
  for (const message of opts.school.notes ?? []) warnings.push({ rule: READING_RULE, severity: 'info', file: draft.path, line: 1, column: 1, message, policy: '' });
  const note = readingNote(draft);
  if (note) warnings.push({ rule: READING_RULE, severity: 'info', file: draft.path, line: 1, column: 1, message: note, policy: '' });
  for (const p of problems) {
    warnings.push({ rule: SUPPRESSION_RULE, severity: 'warning', file: draft.path, line: p.line, column: 1, message: p.message, policy: '' });
  }
  const findings = assignGroups(sortFindings([...kept, ...warnings])).map(strip);

  const outcome: DraftOutcome = {
    draft: draft.path,
    images: draft.images.map((i) => i.path),
    status: 'pass',
    findings,
    suppressions: records,
  };
  if (draft.format !== 'none') outcome.text = draft.text;
  // counted before the cap, so --max-warnings sees every warning
  const count = (s: Severity): number => unsuppressed.filter((f) => f.severity === s).length + warnings.filter((f) => f.severity === s).length;
  if (errors.length > 0) {
    outcome.status = 'error';
    outcome.error = errors.join(' ');
  } else if (count('error') > 0 || (opts.maxWarnings !== undefined && count('warning') > opts.maxWarnings)) {
    outcome.status = 'fail';
  }
  if (opts.fix) {
    const keptSet = new Set(kept);
    const applicable = fixes.filter((f) => keptSet.has(f.finding));
    if (applicable.length > 0) {
      outcome.fixedText = applyFixes(draft.text, applicable);
      outcome.fixesApplied = applicable.length;
    }
  }
  return outcome;
}

/** Findings about how a draft was read (its encoding, a Word document) carry this id. */
export const READING_RULE = 'reading';

function readingNote(draft: ParsedDraft): string | undefined {
  if (!draft.encoding) return undefined;
  if (draft.encoding === 'docx') return 'read from a Word document: each line number is a paragraph number.';
  return `saved as ${ENCODING_NAMES[draft.encoding]}, not UTF-8: smcheck decoded it, so accented names (Zoë) were read correctly. Saving drafts as UTF-8 avoids surprises in other tools.`;
}

function toFinding(hit: Hit, rule: LoadedRule, draft: ParsedDraft, lines: LineMap): Located {
  const f: Located = {
    rule: rule.id,
    severity: hit.severity ?? rule.severity,
    message: '',
    policy: rule.policy,
    file: draft.path,
  };
  if (rule.section) f.section = rule.section;
  if (rule.docs) f.docs = rule.docs;
  let excerpt: string | undefined;
  if (hit.photo) {
    f.file = hit.photo;
    const ref = draft.images.find((i) => i.path === hit.photo);
    if (ref?.span) f.photoRefLine = lines.position(ref.span.start).line;
  }
  if (hit.span && !hit.photo) {
    const { start, end } = hit.span;
    const a = lines.position(start);
    const b = lines.position(end);
    f.line = a.line;
    f.column = a.column;
    f.endLine = b.line;
    f.endColumn = b.column;
    f.offset = start;
    excerpt = excerptOf(draft, start, end);
  }
  const data: Record<string, string | number> = { ...(hit.data ?? {}) };
  if (data.match === undefined && excerpt !== undefined) data.match = excerpt;
  if (hit.photo) data.photo ??= path.basename(hit.photo);
  f.message = message(rule, hit.messageId, data);
  if (excerpt !== undefined) f.excerpt = excerpt;
  else if (hit.data?.match !== undefined) f.excerpt = String(hit.data.match);
  if (hit.suggestion !== undefined) f.suggestion = hit.suggestion;
  return f;
}

/**
 * The excerpt as a reader sees it: markup inside the span left out ("6:*30*pm" → "6:30pm",
 * "**Amelia**\nHughes" → "Amelia Hughes"), whitespace folded. Falls back to the raw text for
 * spans outside the prose (rules with scope: text).
 */
export function excerptOf(draft: { text: string; prose: string }, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const t = draft.text[i];
    const p = draft.prose[i];
    if (p !== ' ' || /\s/.test(t)) out += p; // kept prose, or real whitespace
  }
  const clean = out.replace(/\s+/g, ' ').trim();
  return clean || draft.text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/**
 * The hit's message: its `messages.<id>` template, else the rule's `message`; a template whose
 * placeholders this hit cannot fill gives way to the next one, and a placeholder nothing can
 * fill shows the match, so no report ever prints `{replacement}` raw.
 */
function message(rule: LoadedRule, messageId: string | undefined, data: Record<string, string | number>): string {
  const templates = [messageId ? rule.messages[messageId] : undefined, rule.message].filter((t): t is string => Boolean(t));
  const complete = templates.find((t) => [...t.matchAll(/\{(\w+)\}/g)].every((m) => data[m[1]] !== undefined));
  if (complete) return fill(complete, data);
  return fill(templates[0], data).replace(/\{(\w+)\}/g, (all) => (data.match !== undefined ? String(data.match) : all));
}

export function fill(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (data[key] !== undefined ? String(data[key]) : all));
}

/** At most MAX_FINDINGS_PER_RULE findings per rule, the rest counted in one note. */
function capPerRule(findings: Located[]): Located[] {
  const count = new Map<string, number>();
  const out: Located[] = [];
  const over = new Map<string, Located>();
  // errors first, so the findings kept are never milder than those left out
  const bySeverity = findings.length > MAX_FINDINGS_PER_RULE ? [...findings].sort((a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity]) : findings;
  for (const f of bySeverity) {
    const n = (count.get(f.rule) ?? 0) + 1;
    count.set(f.rule, n);
    if (n <= MAX_FINDINGS_PER_RULE) out.push(f);
    else if (!over.has(f.rule)) over.set(f.rule, f);
  }
  for (const [rule, first] of over) {
    out.push({
      rule, severity: 'info', file: first.file, line: first.line, column: first.column, policy: first.policy,
      message: `more findings of this rule are not listed (at most ${MAX_FINDINGS_PER_RULE} per rule and draft). Fix these first, then check again.`,
    });
  }
  return out;
}

function dedupe(findings: Located[]): Located[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.rule}|${f.file}|${f.line}|${f.column}|${f.endLine}|${f.endColumn}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const SEV_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function sortFindings(findings: Located[]): Located[] {
  return findings.sort(
    (a, b) =>
      (a.line === undefined ? 1 : 0) - (b.line === undefined ? 1 : 0) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      SEV_ORDER[a.severity] - SEV_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}

/**
 * Findings about the same thing share a group number (1, 2, … in report order): the same span
 * of text, or the same name (excerpt) in the same photo. "Amelia Hughes" beside a photo breaks
 * pupil-surname and name-with-image: two findings (tools and suppressions name rules), one group.
 */
function assignGroups(findings: Located[]): Located[] {
  const ids = new Map<string, number>();
  for (const f of findings) {
    const key = f.line !== undefined ? `${f.file}\0${f.line}:${f.column}-${f.endLine}:${f.endColumn}` : `${f.file}\0photo\0${f.excerpt ?? f.message}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size + 1));
    f.group = id;
  }
  return findings;
}

const FINDING_KEYS = ['rule', 'severity', 'message', 'policy', 'section', 'file', 'line', 'column', 'endLine', 'endColumn', 'excerpt', 'suggestion', 'group', 'docs'] as const;

/** The finding as the report contract has it: its keys in the contract's order, internal ones dropped. */
function strip(f: Located): Finding {
  const out: Record<string, unknown> = {};
  for (const k of FINDING_KEYS) if (f[k] !== undefined) out[k] = f[k];
  return out as unknown as Finding;
}

/** Apply non-overlapping fixes (later ones that overlap an earlier one are skipped). */
export function applyFixes(text: string, fixes: { start: number; end: number; replacement: string }[]): string {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const f of sorted) {
    if (f.start < pos) continue;
    out += text.slice(pos, f.start) + f.replacement;
    pos = f.end;
  }
  return out + text.slice(pos);
}

export function fixedPath(draftPath: string): string {
  const ext = path.extname(draftPath);
  // a Word document's fixed copy is its text (smcheck does not write Word files)
  if (ext.toLowerCase() === '.docx') return `${draftPath.slice(0, -ext.length)}.fixed.txt`;
  return ext ? `${draftPath.slice(0, -ext.length)}.fixed${ext}` : `${draftPath}.fixed.md`;
}

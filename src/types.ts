/**
 * Shared types: the contract between config, inputs, engine, checks and reporters.
 * Data flows one way: cli → config → inputs → engine → checks → report.
 */
import type * as z from 'zod';

export type Severity = 'error' | 'warning' | 'info';

/** A half-open range of UTF-16 offsets into `Draft.text` (the file's text, BOM removed). */
export interface TextSpan {
  start: number;
  end: number;
}

/** A photo attached to a draft, before it is read. */
export interface ImageRef {
  /** The path as the user gave it, or as written in the draft resolved against the draft's folder. */
  path: string;
  absPath: string;
  /** How it got attached. */
  source: 'cli' | 'markdown' | 'frontmatter' | 'folder' | 'standalone';
  /** Markdown alt text, if any; its span is in `Draft.altSpans`. */
  alt?: string;
  /** Where the reference stands in the draft (markdown image or front-matter entry). */
  span?: TextSpan;
}

/** A unit of published text in a draft: a paragraph, heading, list item, alt text, caption... */
export interface Block {
  kind: 'paragraph' | 'heading' | 'listItem' | 'blockquote' | 'tableCell' | 'alt' | 'frontmatter' | 'text';
  start: number;
  end: number;
  /** For front-matter blocks: the key ("title", "caption"). */
  key?: string;
}

export interface Link {
  url: string;
  /** The visible text of the link ('' for a bare URL). */
  text: string;
  /** The whole link construct in Draft.text. */
  span: TextSpan;
  /** True for a bare URL in the prose (GFM autolink literal or <url>). */
  bare: boolean;
}

export interface Draft {
  /** Path as the user gave it (or the photo's path for a photo checked on its own). */
  path: string;
  absPath: string;
  /** markdown: parsed with micromark; text: plain text; none: a photo checked on its own. */
  format: 'markdown' | 'text' | 'none';
  /** File content with a leading BOM removed; CRLF kept. */
  text: string;
  /**
   * Same length as `text`: every character that a reader of the published post would not
   * see as prose (markdown syntax, URLs, HTML comments, code, front-matter keys) is replaced
   * by a space; newlines are kept. Offsets into `prose` are offsets into `text`.
   */
  prose: string;
  blocks: Block[];
  links: Link[];
  /** Spans of quoted passages (blockquotes, and "…" quotations are left to the checks). */
  quotes: TextSpan[];
  frontMatter: Record<string, unknown>;
  images: ImageRef[];
}

/** A pupil or member of staff from the school's CSV files. */
export interface Person {
  first: string;
  last: string;
  preferred?: string;
  year?: string;
  className?: string;
  /** UPN and admission number, normalised (src/config/school-csv.ts normId), when the CSV has them. */
  ids?: string[];
  /** file:line it came from, for messages. */
  source: string;
}

/** One row of the consent register (src/config/consent-csv.ts). */
export interface ConsentEntry {
  first: string;
  last: string;
  preferred?: string;
  /** UPN / admission number, normalised. */
  ids?: string[];
  /** Protected form: keyed hashes (HMAC-SHA-256) of the row's normalised names and ids, instead of them. */
  hashes?: string[];
  /**
   * Use → granted? Canonical keys for the uses smcheck knows: socialMedia, website, press,
   * print, video, photos (consent to photographs in general); other columns by header, lower-cased.
   */
  uses: Record<string, boolean>;
  /** Consent valid up to and including this day (YYYY-MM-DD), from an expiry date or an academic year. */
  expires?: string;
  /** Marked as a leaver (a Leaver column, or a status such as "Left"). */
  leaver?: boolean;
  /** Leaving date (YYYY-MM-DD): a leaver from that day on. */
  leaving?: string;
  source: string;
}

export interface Device {
  make?: string;
  model?: string;
  serial?: string;
}

/** Everything the config and school data say, resolved and validated. */
export interface School {
  name?: string;
  /** The config file it came from, if any. */
  configPath?: string;
  roster: Person[];
  staff: Person[];
  noPublish: Person[];
  consent?: ConsentEntry[];
  classes: string[];
  allowNames: string[];
  schoolDomains: string[];
  allowTimes: string[];
  site?: { lat: number; lon: number; radius: number };
  devices: Device[];
  maxImageSize: number;
  /** Drafts larger than this many bytes are refused (the config's maxDraftSize; default 5 MB). */
  maxDraftBytes?: number;
  /** Things to say about the school's data files (a roster with no pupils), shown once per draft as info. */
  notes?: string[];
}

/** A rule after loading: the common keys plus its kind's validated options. */
export interface Rule<O = Record<string, unknown>> {
  id: string;
  extends: string;
  severity: Severity;
  /** Default message template: `{match}` and any key of Hit.data. */
  message: string;
  /** Further message templates a check can pick by `Hit.messageId` (ESLint-style). */
  messages: Record<string, string>;
  policy: string;
  section?: string;
  description?: string;
  /** For `smcheck explain`: what the rule catches and what it deliberately leaves alone. */
  catches?: string[];
  ignores?: string[];
  examples?: { bad?: string[]; good?: string[] };
  /** Rule file it came from. */
  file: string;
  /**
   * A protected rule (no-publish) is never switched off by a bare `smcheck-disable` (the
   * directive must name it) and never replaced by a rule of the same id from a user folder.
   */
  protected?: boolean;
  /** A page about the rule: docs/rules/ID.md of the installed smcheck, or a user rule's `docs:`. */
  docs?: string;
  /** Kind-specific options, validated by the kind's schema. */
  options: O;
}

/** What a check returns; the engine turns it into a Finding (message, position, policy). */
export interface Hit {
  /** Where in Draft.text. Omitted for findings about a photo. */
  span?: TextSpan;
  /** Path (as in ImageRef.path) of the photo this finding is about. */
  photo?: string;
  /** Key into rule.messages; default: rule.message. */
  messageId?: string;
  /** Template values. `match` defaults to the excerpt. */
  data?: Record<string, string | number>;
  /** Overrides the rule's severity for this hit (e.g. an ambiguous match as a warning). */
  severity?: Severity;
  suggestion?: string;
  /** A replacement for --fix, applied to a copy of the draft. */
  fix?: { span: TextSpan; replacement: string };
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  policy: string;
  section?: string;
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  excerpt?: string;
  suggestion?: string;
  /** Findings of one result about the same thing (one span, or one name in one photo) share a group. */
  group?: number;
  /** A page about the rule (see Rule.docs). */
  docs?: string;
}

export interface SuppressionRecord {
  rule: string;
  reason: string | null;
  file: string;
  line: number;
  /** How many findings it silenced. */
  suppressed: number;
}

export interface DraftResult {
  draft: string;
  images: string[];
  status: 'pass' | 'fail' | 'error';
  error?: string;
  findings: Finding[];
  suppressions: SuppressionRecord[];
  /** Path of the fixed copy written by --fix, if any. */
  fixed?: string;
  /** Clean copies of the photos written by --fix, if any. */
  cleaned?: string[];
}

/** Which config and school lists a run used (counts only: a list's names are never shown). */
export interface ConfigSummary {
  /** The config file as shown to the user, or null when none was found. */
  file: string | null;
  school?: string;
  pupils: number;
  staff: number;
  noPublish: number;
  /** Pupils with a consent row; null when no consent list is configured. */
  consent: number | null;
  /** Rules switched off by the config's `disable:`. */
  disabled: string[];
  /** Built-in rules replaced by a user rule with the same id. */
  replaced: { rule: string; by: string }[];
  /** Set when no config was found: names were found by language analysis only. */
  notice?: string;
}

export interface Report {
  tool: 'smcheck';
  version: string;
  /** One entry per config used (a run over several schools' folders uses several). */
  config?: ConfigSummary[];
  summary: {
    drafts: number;
    passed: number;
    failed: number;
    errored: number;
    findings: { error: number; warning: number; info: number };
  };
  results: DraftResult[];
}

/** A photo's metadata, read once per run and shared by every check (see src/inputs/photo/index.ts). */
export type { PhotoMeta } from './inputs/photo/index.js';

/** What a check sees. Heavy things are computed lazily and cached per draft. */
export interface CheckContext {
  draft: Draft;
  school: School;
  /** compromise's parse of `draft.prose` (loaded only when a check asks). */
  nlp(): Promise<unknown>;
  /** Metadata of every attached photo; a photo that cannot be read throws InputError. */
  photos(): Promise<import('./inputs/photo/index.js').PhotoMeta[]>;
  /** Per-run cache shared by all drafts (e.g. a name index built once from the roster). */
  runCache: Map<string, unknown>;
}

/** A check kind: one file in src/checks/. Options are validated by `options` when a rule loads. */
export interface CheckKind<O = any> {
  kind: string;
  /** One line for `smcheck rules` and docs. */
  summary: string;
  options: z.ZodType<O>;
  run(ctx: CheckContext, rule: Rule<O>): Hit[] | Promise<Hit[]>;
}

/**
 * At most this many findings per rule and draft are reported (a pattern matching every
 * character of a 100,000-character line must not make 100,000 findings); the rest are counted
 * in one note. Check kinds may stop searching once they have one more than this.
 */
export const MAX_FINDINGS_PER_RULE = 100;

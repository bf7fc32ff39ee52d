/**
 * A draft post: read the file, parse Markdown with micromark (positions kept), and work out
 * what a reader of the published post would see (the "prose"), its blocks, links, quotes,
 * front matter and attached photos. Every offset is into `Draft.text`.
 */
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Nodes, Root } from 'mdast';
import type { Block, Draft, ImageRef, Link, TextSpan } from '../types.js';
import { InputError } from '../errors.js';
import { stripBom, LineMap } from '../text/positions.js';
import { foldLookalikes } from '../text/lookalikes.js';
import { yamlToJs } from '../config/strict-yaml.js';
import { isPhotoPath } from './paths.js';
import { decodeText, type TextEncoding } from './decode.js';
import { DEFAULT_MAX_DRAFT_BYTES, readRegularFile } from './read-file.js';

/** Front-matter keys whose values get published with the post, so they are checked as text. */
export const PUBLISHED_KEYS = new Set([
  'title', 'subtitle', 'caption', 'captions', 'description', 'summary', 'excerpt', 'alt', 'text', 'body', 'headline', 'tags',
]);

export interface ParsedDraft extends Draft {
  /** Images given as a URL (data:, https:, ...): not local photos, so never checked; the runner reports them. */
  uncheckedImages?: { url: string; span: TextSpan }[];
  /** The front-matter `smcheck:` block, raw, for suppressions. */
  frontMatterSmcheck?: { value: unknown; line: number };
  /** How the file's bytes were decoded, when not plain UTF-8 (noted in the report). */
  encoding?: TextEncoding | 'docx';
}

export interface ReadOptions {
  /** Drafts larger than this many bytes are refused (default 5 MB; the config's maxDraftSize). */
  maxBytes?: number;
}

export async function readDraft(userPath: string, cwd = process.cwd(), opts: ReadOptions = {}): Promise<ParsedDraft> {
  const absPath = path.resolve(cwd, userPath);
  const buf = readRegularFile(absPath, userPath, opts.maxBytes ?? DEFAULT_MAX_DRAFT_BYTES);
  const ext = path.extname(userPath).toLowerCase();
  if (ext === '.docx') {
    const { docxText } = await import('./docx.js');
    const draft = parseDraft(await docxText(buf, userPath), { path: userPath, absPath, format: 'text', paragraphPerLine: true });
    draft.encoding = 'docx';
    return draft;
  }
  return parseDraftBytes(buf, { path: userPath, absPath, format: ext === '.txt' ? 'text' : 'markdown' });
}

/** A draft from its bytes (a file, or standard input): decoded, then parsed. */
export function parseDraftBytes(buf: Uint8Array, where: { path: string; absPath: string; format: 'markdown' | 'text' }): ParsedDraft {
  const decoded = decodeText(buf);
  if (!decoded) {
    throw new InputError(`${where.path}: is not a text file. Save the draft as plain text or Markdown (.md, .txt), or as a Word document (.docx).`);
  }
  const draft = parseDraft(decoded.text, where);
  if (decoded.encoding !== 'utf-8') draft.encoding = decoded.encoding;
  return draft;
}

export function parseDraft(
  text: string,
  where: { path: string; absPath: string; format: 'markdown' | 'text'; paragraphPerLine?: boolean },
): ParsedDraft {
  text = stripBom(text);
  const draft: ParsedDraft = {
    path: where.path,
    absPath: where.absPath,
    format: where.format,
    text,
    prose: '',
    blocks: [],
    links: [],
    quotes: [],
    frontMatter: {},
    images: [],
  };
  const prose = blankOut(text);
  if (where.format === 'text') {
    parsePlainText(draft, prose, where.paragraphPerLine);
  } else {
    parseMarkdown(draft, prose);
  }
  draft.prose = foldLookalikes(prose.join(''));
  return draft;
}

/** An array of characters, all spaces except line endings: prose is copied in where it is. */
function blankOut(text: string): string[] {
  const out = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    out[i] = c === '\n' || c === '\r' ? c : ' ';
  }
  return out;
}

function copy(prose: string[], text: string, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const c = text[i];
    prose[i] = c === '\t' ? ' ' : c;
  }
}

// A URL in plain text: scheme or www., up to whitespace; trailing punctuation is not part of it.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

function parsePlainText(draft: Draft, prose: string[], paragraphPerLine = false): void {
  const { text } = draft;
  copy(prose, text, 0, text.length);
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    url = url.replace(/[.,;:!?)\]]+$/, '');
    const start = m.index!;
    const end = start + url.length;
    draft.links.push({ url: /^www\./i.test(url) ? `http://${url}` : url, text: '', span: { start, end }, bare: true });
    for (let i = start; i < end; i++) prose[i] = ' ';
  }
  // blocks: paragraphs separated by blank lines (a Word document: one paragraph a line)
  const re = paragraphPerLine ? /\S[^\n]*/g : /\S[\s\S]*?(?=\r?\n[ \t]*\r?\n|$)/g;
  for (const m of text.matchAll(re)) {
    draft.blocks.push({ kind: 'text', start: m.index!, end: m.index! + m[0].length });
  }
  maskComments(text, prose);
}

function maskComments(text: string, prose: string[]): void {
  // indexOf, not a lazy regex: many unclosed '<!--' must not make this quadratic
  for (let at = text.indexOf('<!--'); at >= 0; ) {
    const close = text.indexOf('-->', at + 4);
    if (close < 0) return;
    for (let i = at; i < close + 3; i++) if (prose[i] !== '\n' && prose[i] !== '\r') prose[i] = ' ';
    at = text.indexOf('<!--', close + 3);
  }
}

function parseMarkdown(draft: ParsedDraft, prose: string[]): void {
  const { text } = draft;
  let tree: Root;
  try {
    tree = fromMarkdown(text, {
      extensions: [gfm(), frontmatter(['yaml'])],
      mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
    });
  } catch (e) {
    throw new InputError(`${draft.path}: the Markdown could not be read (${(e as Error).message}).`);
  }

  // `walk` queues a child: the tree is walked with an explicit stack, in document order, so
  // 5,000 nested blockquotes cannot overflow the call stack
  const visit = (node: Nodes, inQuote: boolean, walk: (child: Nodes, inQuote: boolean) => void): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'yaml':
        if (start !== undefined && end !== undefined) readFrontMatter(draft, prose, start, end);
        return;
      case 'text':
      case 'inlineCode':
        if (start !== undefined && end !== undefined) {
          copy(prose, text, start, end);
          if (node.type === 'inlineCode') {
            // the backticks themselves are syntax
            blankEdges(prose, text, start, end, '`');
          }
        }
        return;
      case 'code':
      case 'html':
        // Published as it stands (a social network shows tags and indented text literally), so
        // its words are checked: a name inside <div>…</div> or an indented paragraph must not
        // slip through. Only the markup itself (fences, tags, comments) is blanked.
        if (start !== undefined && end !== undefined) copyLiteral(prose, text, start, end, node.type);
        return;
      case 'definition':
      case 'footnoteDefinition':
        return;
      case 'image': {
        if (start === undefined || end === undefined) return;
        const altSpan = altRange(text, start, end);
        if (altSpan && altSpan.end > altSpan.start) {
          copy(prose, text, altSpan.start, altSpan.end);
          for (let i = altSpan.start; i < altSpan.end; i++) if ('*_`'.includes(prose[i])) prose[i] = ' ';
          draft.blocks.push({ kind: 'alt', start: altSpan.start, end: altSpan.end });
        }
        addImageRef(draft, node.url, { start, end }, node.alt ?? undefined, 'markdown');
        return;
      }
      case 'link': {
        if (start === undefined || end === undefined) return;
        const bare = text[start] !== '[';
        const linkText = bare ? '' : node.children.map((c) => ('value' in c ? c.value : '')).join('');
        draft.links.push({ url: node.url, text: linkText, span: { start, end }, bare });
        if (!bare) for (const c of node.children) walk(c, inQuote);
        return;
      }
      case 'linkReference': {
        for (const c of node.children) walk(c, inQuote);
        return;
      }
      default:
        break;
    }
    if (start !== undefined && end !== undefined) {
      if (node.type === 'paragraph') draft.blocks.push({ kind: inQuote ? 'blockquote' : 'paragraph', start, end });
      else if (node.type === 'heading') draft.blocks.push({ kind: 'heading', start, end });
      else if (node.type === 'tableCell') draft.blocks.push({ kind: 'tableCell', start, end });
      else if (node.type === 'blockquote') draft.quotes.push({ start, end });
    }
    if ('children' in node) {
      for (const c of node.children as Nodes[]) walk(c, inQuote || node.type === 'blockquote');
    }
  };
  const stack: [Nodes, boolean][] = [[tree, false]];
  while (stack.length > 0) {
    const [node, inQuote] = stack.pop()!;
    const children: [Nodes, boolean][] = [];
    visit(node, inQuote, (c, q) => children.push([c, q]));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  draft.blocks.sort((a, b) => a.start - b.start);
}

function copyLiteral(prose: string[], text: string, start: number, end: number, kind: 'code' | 'html'): void {
  copy(prose, text, start, end);
  const blank = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (prose[i] !== '\n' && prose[i] !== '\r') prose[i] = ' ';
  };
  const slice = text.slice(start, end);
  if (kind === 'code') {
    // fence lines (``` or ~~~ with an info string) are syntax
    for (const m of slice.matchAll(/^[ \t]*(?:`{3,}|~{3,}).*$/gm)) blank(start + m.index!, start + m.index! + m[0].length);
    return;
  }
  for (const m of slice.matchAll(/<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>|<![^<>]*>/g)) blank(start + m.index!, start + m.index! + m[0].length);
}

function blankEdges(prose: string[], text: string, start: number, end: number, ch: string): void {
  for (let i = start; i < end && text[i] === ch; i++) prose[i] = ' ';
  for (let i = end - 1; i >= start && text[i] === ch; i--) prose[i] = ' ';
}

/** The alt text of `![alt](url)` / `![alt][ref]`: from after "![" to its closing bracket. */
function altRange(text: string, start: number, end: number): TextSpan | undefined {
  if (text[start] !== '!' || text[start + 1] !== '[') return undefined;
  let depth = 0;
  for (let i = start + 2; i < end; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) return { start: start + 2, end: i };
      depth--;
    }
  }
  return undefined;
}

function addImageRef(draft: Draft, url: string, span: TextSpan, alt: string | undefined, source: ImageRef['source']): void {
  if (!url) return;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    // Not a local photo: reported by the runner (a data: image is an error, a remote one a warning).
    ((draft as ParsedDraft).uncheckedImages ??= []).push({ url, span });
    return;
  }
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    /* keep as written */
  }
  if (!isPhotoPath(decoded)) return;
  const absPath = path.resolve(path.dirname(draft.absPath), decoded);
  const shown = path.join(path.dirname(draft.path), decoded);
  if (draft.images.some((i) => i.absPath === absPath)) return;
  draft.images.push({ path: shown, absPath, source, alt, span });
}

function readFrontMatter(draft: ParsedDraft, prose: string[], start: number, end: number): void {
  const { text } = draft;
  const firstNl = text.indexOf('\n', start);
  const contentStart = firstNl + 1;
  // the closing fence is the last line of the node
  let contentEnd = text.lastIndexOf('\n', end - 1) + 1;
  if (contentEnd < contentStart) contentEnd = contentStart;
  const src = text.slice(contentStart, contentEnd);
  const doc = parseDocument(src, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const lm = new LineMap(text);
    const at = lm.position(contentStart + (err.pos?.[0] ?? 0));
    throw new InputError(
      `${draft.path}:${at.line}:${at.column}: the front matter (between the --- lines) is not valid YAML: ${err.message.split('\n')[0]}`,
    );
  }
  const lm = new LineMap(text);
  const value = yamlToJs(doc, (offset, message) => {
    const at = lm.position(contentStart + offset);
    return new InputError(`${draft.path}:${at.line}:${at.column}: the front matter (between the --- lines): ${message}`);
  });
  if (value && typeof value === 'object' && !Array.isArray(value)) draft.frontMatter = value as Record<string, unknown>;
  const root = doc.contents;
  if (!isMap(root)) return;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const lower = key.toLowerCase();
    if (lower === 'images' || lower === 'image' || lower === 'photos' || lower === 'photo') {
      for (const scalar of scalarsOf(pair.value as YamlNode | null)) {
        const [s, e] = scalar.range;
        addImageRef(draft, String(scalar.value), { start: contentStart + s, end: contentStart + e }, undefined, 'frontmatter');
      }
    } else if (lower === 'smcheck') {
      const r = (pair.key as YamlNode).range;
      draft.frontMatterSmcheck = { value: (pair.value as YamlNode | null)?.toJSON?.() ?? null, line: lm.position(contentStart + (r?.[0] ?? 0)).line };
    } else if (PUBLISHED_KEYS.has(lower)) {
      for (const scalar of scalarsOf(pair.value as YamlNode | null)) {
        const [s0, e0] = scalar.range;
        let s = contentStart + s0;
        let e = contentStart + e0;
        // leave out quotes around a quoted scalar
        if (text[s] === '"' || text[s] === "'") {
          s++;
          if (e > s && text[e - 1] === text[s - 1]) e--;
        }
        copy(prose, text, s, e);
        draft.blocks.push({ kind: 'frontmatter', start: s, end: e, key });
      }
    }
  }
}

interface RangedScalar {
  value: unknown;
  range: [number, number, number];
}

function scalarsOf(node: YamlNode | null | undefined): RangedScalar[] {
  if (!node) return [];
  if (isScalar(node) && node.range) return [{ value: node.value, range: node.range }];
  if (isSeq(node)) return node.items.flatMap((n) => scalarsOf(n as YamlNode));
  if (isMap(node)) return node.items.flatMap((p) => scalarsOf(p.value as YamlNode));
  return [];
}

export type { Link, Block };

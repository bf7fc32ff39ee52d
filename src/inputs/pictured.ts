/**
 * Who is in a draft's photos, as its front matter says: `pictured:`. Not published text (the
 * draft parser leaves it out of the prose), so a name here is never a name-with-image finding.
 *
 *   pictured: [Amelia Hughes, Oliver]           everyone in every photo of the post
 *   pictured: Amelia, Oliver                    the same, as one line
 *   pictured: none                              no one (also: nobody, [], staff, [staff], adults)
 *   pictured:                                   per photo, by file name
 *     relay.jpg: [Amelia, Oliver]
 *     crowd.jpg: staff
 */
import type { Draft, ImageRef, TextSpan } from '../types.js';

export interface PicturedName {
  /** The name as written. */
  name: string;
  /** Where it stands in Draft.text (inside the front matter), when found. */
  span?: TextSpan;
  /** The photo key as written (a file name), or undefined: every photo of the post. */
  photo?: string;
}

export interface Pictured {
  /** The draft has a `pictured:` key. */
  given: boolean;
  names: PicturedName[];
  /** `pictured: none` / `staff` for the whole post. */
  noPupils: boolean;
  /** Photo keys declared to show no pupils. */
  noPupilsIn: Set<string>;
  /** Photo keys named in a per-photo map. */
  photos: Set<string>;
}

const NO_PUPILS = /^(none|nobody|no[- ]one|no pupils|no children|staff|staff only|adults|adults only|teachers|parents|grown-?ups|visitors|n\/a|-)$/i;

function listOf(v: unknown): string[] | undefined {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap((x) => listOf(x) ?? []);
  if (typeof v === 'string') return v.split(/\s*[,;]\s*|\s+and\s+|\s*&\s*/).map((s) => s.trim()).filter(Boolean);
  if (typeof v === 'number') return [String(v)];
  return undefined;
}

/** Where the `pictured:` block stands in the text: from its key to the next top-level key or the closing fence. */
function blockRange(text: string): TextSpan | undefined {
  if (!/^(?:\uFEFF)?---[ \t]*\r?\n/.test(text)) return undefined;
  const m = /^pictured[ \t]*:/im.exec(text);
  if (!m) return undefined;
  const fence = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(4));
  const fenceAt = fence ? fence.index + 4 : text.length;
  if (m.index > fenceAt) return undefined;
  const rest = text.slice(m.index + m[0].length, fenceAt);
  const next = /\n(?=[^\s#-])/.exec(rest);
  return { start: m.index + m[0].length, end: next ? m.index + m[0].length + next.index : fenceAt };
}

export function readPictured(draft: Pick<Draft, 'frontMatter' | 'text'>): Pictured {
  const out: Pictured = { given: false, names: [], noPupils: false, noPupilsIn: new Set(), photos: new Set() };
  const key = Object.keys(draft.frontMatter ?? {}).find((k) => k.toLowerCase() === 'pictured');
  if (!key) return out;
  out.given = true;
  const value = draft.frontMatter[key];
  const range = blockRange(draft.text);
  let cursor = range?.start ?? 0;
  const locate = (name: string): TextSpan | undefined => {
    if (!range) return undefined;
    const i = draft.text.indexOf(name, cursor);
    if (i < 0 || i + name.length > range.end) return undefined;
    cursor = i + name.length;
    return { start: i, end: i + name.length };
  };
  const add = (names: string[], photo?: string) => {
    const real = names.filter((n) => !NO_PUPILS.test(n));
    if (real.length === 0) {
      if (photo === undefined) out.noPupils = true;
      else out.noPupilsIn.add(photo);
    }
    for (const n of names) {
      const span = locate(n);
      if (!NO_PUPILS.test(n)) out.names.push(photo === undefined ? { name: n, span } : { name: n, span, photo });
    }
  };
  const list = listOf(value);
  if (list) add(list);
  else if (value && typeof value === 'object') {
    for (const [photo, v] of Object.entries(value as Record<string, unknown>)) {
      out.photos.add(photo);
      if (range) cursor = Math.max(cursor, draft.text.indexOf(photo, cursor) + photo.length);
      add(listOf(v) ?? [], photo);
    }
  }
  return out;
}

/** Does a per-photo key ("relay.jpg", "photos/relay.jpg") name this photo? */
export function keyNamesPhoto(key: string, ref: Pick<ImageRef, 'path'>): boolean {
  const norm = (s: string) => s.replace(/\\/g, '/').toLowerCase();
  const k = norm(key);
  const p = norm(ref.path);
  return p === k || p.endsWith('/' + k) || p.split('/').pop() === k.split('/').pop();
}

/**
 * The draft's text with everything blanked but the names in `pictured:` (same length, so
 * offsets still point into the draft): what the no-publish rule reads to find a listed pupil
 * the post says is in its photos.
 */
export function picturedText(draft: Pick<Draft, 'frontMatter' | 'text'>): string | undefined {
  const spans = readPictured(draft).names.flatMap((n) => (n.span ? [n.span] : []));
  if (spans.length === 0) return undefined;
  const chars = draft.text.replace(/[^\n]/g, ' ').split('');
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) chars[i] = draft.text[i];
    if (s.end < chars.length) chars[s.end] = '\n'; // each name its own line: two names never read as one
  }
  return chars.join('');
}

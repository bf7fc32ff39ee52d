/**
 * Finds pupil names in a text, one pass over its tokens: a first name with a surname or an
 * initial, the register order ("Hughes, Amelia"), a first name alone, a surname alone.
 */
import { isWord } from './build-index.js';
import { normKey } from './normalize.js';
import { protectedTokens, windows } from './protect.js';
import { FAMILY, ids2pupils, judge, noPublishAmong } from './judge.js';
import { tokenize, type Tok } from './tokenize.js';
import { DETERMINERS, PARTICLES, PRONOUNS } from './words.js';
import type { IndexedPupil, MatchMode, NameIndex, NameKind, NameMatch } from './types.js';

/** Finds pupil names in `text` (Draft.prose, alt text, a caption, or a file name's words). */
export function findNames(index: NameIndex, text: string, opts: { mode?: MatchMode; kinds?: NameKind[] } = {}): NameMatch[] {
  const mode = opts.mode ?? 'prose';
  const want = new Set<NameKind>(opts.kinds ?? ['full', 'surname', 'initial', 'first']);
  if (!index.hasRoster) return [];
  const toks = tokenize(text, (k) => index.first.has(k) || index.last.has(k));
  const prot = protectedTokens(index, toks);
  const out: NameMatch[] = [];
  const possOf = (t: Tok) => t.poss;

  for (let i = 0; i < toks.length; i++) {
    if (prot[i]) continue;
    const t = toks[i];
    if (t.numeric) continue;

    // 1. A first name, perhaps followed by a surname or an initial.
    let firstHit: { n: number; ids: number[] } | undefined;
    for (const w of windows(toks, i, index.maxFirst)) {
      const ids = index.first.get(w.key);
      if (ids) firstHit = { n: w.n, ids };
    }
    if (firstHit) {
      const fEndTok = toks[i + firstHit.n - 1];
      const j = i + firstHit.n;
      const nextTok = toks[j];
      // "Jamie. W", "Harvey.K": a team sheet's initial after a dot (never a full name across it).
      const dottedInitial = !!nextTok && /^\.[ \t]*$/.test(nextTok.gap) && /^\p{Lu}$/u.test(nextTok.raw);
      if (nextTok && !prot[j] && (nextTok.join || dottedInitial) && !fEndTok.poss) {
        // 1a. Full name: first name + that pupil's surname (or a part of a double-barrelled one).
        let best: { n: number; ids: number[] } | undefined;
        if (nextTok.join) for (const w of windows(toks, j, index.maxLast)) {
          if (prot[j + w.n - 1]) break;
          let ids = (index.last.get(w.key) ?? []).filter((id) => firstHit!.ids.includes(id));
          if (!ids.length && w.n === 1) ids = (index.lastPart.get(w.key) ?? []).filter((id) => firstHit!.ids.includes(id));
          if (!ids.length) continue;
          if (w.n > 1 && !multiTokenOk(toks, j, w.n, ids.map((id) => index.pupils[id]))) continue;
          best = { n: w.n, ids };
        }
        if (best) {
          const lastTok = toks[j + best.n - 1];
          const allLower = toks.slice(i, j + best.n).every((x) => x.cap === 'lower');
          const bothWords = isWord(index, toks[i].key) && firstHit.n === 1 && best.n === 1 && isWord(index, nextTok.key);
          const quiet = mode !== 'tag' && bothWords && (allLower || mode === 'words' || nextTok.cap === 'lower' || t.cap === 'lower');
          if (!quiet) {
            if (want.has('full')) {
              const firstText = text.slice(t.start, fEndTok.end);
              out.push({
                kind: 'full',
                span: { start: t.start, end: lastTok.fullEnd },
                text: text.slice(t.start, lastTok.fullEnd),
                pupils: ids2pupils(index, best.ids),
                surnameSpan: { start: nextTok.start, end: lastTok.end },
                confidence: 'yes',
                suggestion: firstText + possOf(lastTok),
                fix: { span: { start: fEndTok.end, end: lastTok.fullEnd }, replacement: possOf(lastTok) },
                tokenIndex: i,
              });
            }
            i = j + best.n - 1;
            continue;
          }
        }
        // 1b. An initial for the surname: "Jack S.", "Jack S".
        if (/^\p{Lu}$/u.test(nextTok.raw) && !/\n/.test(nextTok.gap) && (/^[ \t]+$/.test(nextTok.gap) || dottedInitial)) {
          const letter = normKey(nextTok.raw);
          const ids = firstHit.ids.filter((id) => index.pupils[id].lastKey.startsWith(letter));
          const after = toks[j + 1];
          const pronounI = nextTok.raw === 'I' && after && after.cap === 'lower';
          const article = nextTok.raw === 'A' && after && after.cap === 'lower' && !/^\./.test(text.slice(nextTok.end));
          if (ids.length && !pronounI && !article && judgeFirstForInitial(index, toks, i, firstHit.n)) {
            const dot = text[nextTok.end] === '.';
            // Keep a full stop that ends the sentence; drop the initial's own dot otherwise.
            const rest = text.slice(nextTok.end + (dot ? 1 : 0));
            const sentenceEnds = dot && (/^\s*$/.test(rest) || /^\s*\n/.test(rest) || /^\s+["“]?\p{Lu}/u.test(rest));
            const end = nextTok.end + (dot ? 1 : 0);
            if (want.has('initial')) {
              out.push({
                kind: 'initial',
                span: { start: t.start, end },
                text: text.slice(t.start, end),
                pupils: ids2pupils(index, ids),
                surnameSpan: { start: nextTok.start, end },
                confidence: 'yes',
                suggestion: text.slice(t.start, fEndTok.end),
                fix: { span: { start: fEndTok.end, end }, replacement: sentenceEnds ? '.' : '' },
                tokenIndex: i,
              });
            }
            i = j;
            continue;
          }
        }
      }
    }

    // 2. Reversed register order: "Hughes, Amelia".
    let lastHit: { n: number; ids: number[] } | undefined;
    for (const w of windows(toks, i, index.maxLast)) {
      if (prot[i + w.n - 1]) break;
      const ids = index.last.get(w.key);
      if (!ids) continue;
      if (w.n > 1 && !multiTokenOk(toks, i, w.n, ids.map((id) => index.pupils[id]))) continue;
      lastHit = { n: w.n, ids };
    }
    if (!lastHit && !firstHit && t.cap === 'title' && t.key.length > 3 && t.key.endsWith('s')) {
      // "the Patels"
      const ids = index.last.get(t.key.slice(0, -1));
      if (ids && !isWord(index, t.key.slice(0, -1))) lastHit = { n: 1, ids };
    }
    if (lastHit) {
      const lEnd = toks[i + lastHit.n - 1];
      const j = i + lastHit.n;
      const nt = toks[j];
      // Not the end of someone else's full name ("Nadia Hussain, Muhammad's mum"), nor a possessive.
      const ownsName = i > 0 && !t.sentStart && t.join && toks[i - 1].cap === 'title' && !toks[i - 1].poss;
      if (nt && /^\s*,\s*$/.test(nt.gap) && !/\n/.test(nt.gap) && t.cap !== 'lower' && !ownsName) {
        for (const w of windows(toks, j, index.maxFirst)) {
          const ids = (index.first.get(w.key) ?? []).filter((id) => lastHit!.ids.includes(id));
          if (!ids.length) continue;
          const fEnd = toks[j + w.n - 1];
          if (fEnd.poss) continue;
          if (want.has('full')) {
            const firstText = text.slice(nt.start, fEnd.end);
            out.push({
              kind: 'full',
              span: { start: t.start, end: fEnd.fullEnd },
              text: text.slice(t.start, fEnd.fullEnd),
              pupils: ids2pupils(index, ids),
              surnameSpan: { start: t.start, end: lEnd.end },
              confidence: 'yes',
              suggestion: firstText + fEnd.poss,
              fix: { span: { start: t.start, end: fEnd.fullEnd }, replacement: firstText + fEnd.poss },
              tokenIndex: i,
            });
          }
          lastHit = undefined;
          i = j + w.n - 1;
          break;
        }
        if (!lastHit) continue;
      }
    }

    // 3. A first name alone (reported only where any pupil name matters, e.g. beside a photo).
    if (firstHit && (!lastHit || firstHit.n >= lastHit.n)) {
      const v0 = judge(index, toks, i, firstHit.n, mode, 'first');
      const v = v0 === 'firstBefore' ? 'yes' : v0; // only surnames are judged that way
      const endTok = toks[i + firstHit.n - 1];
      if (v !== 'no' && (v !== 'word' || noPublishAmong(index, firstHit.ids)) && want.has('first')) {
        out.push({
          kind: 'first',
          span: { start: t.start, end: endTok.fullEnd },
          text: text.slice(t.start, endTok.fullEnd),
          pupils: ids2pupils(index, firstHit.ids),
          confidence: v === 'word' ? 'yes' : v,
          ...(v === 'word' ? { weak: true } : {}),
          tokenIndex: i,
          titleLine: t.titleLine,
        });
      }
      i += firstHit.n - 1;
      continue;
    }

    // 4. A surname alone: "well done Hughes!", "the Patel twins", "A. Hughes". Not when it is
    // also a staff member's first name ("thanks to Thomas" with a Mr Thomas Hill on the staff).
    if (lastHit && !(lastHit.n === 1 && index.staffFull.has(t.key))) {
      const v0 = judge(index, toks, i, lastHit.n, mode, 'surname');
      const otherFirst = v0 === 'firstBefore' ? toks[i - 1].key : undefined;
      const v = v0 === 'firstBefore' ? 'maybe' : v0;
      const endTok = toks[i + lastHit.n - 1];
      // A surname the context gives to someone else ("Jo Marsh", "Marsh Event Photography",
      // "by C.S. Lewis") is not the pupil, even one on the no-publish list.
      if (v !== 'no' && v !== 'word' && want.has('surname')) {
        let start = t.start;
        const pupils = ids2pupils(index, lastHit.ids);
        const prev = toks[i - 1];
        // A first-name initial before it belongs to the name: "A. Hughes", "A Hughes".
        if (
          prev &&
          !t.sentStart &&
          /^\p{Lu}$/u.test(prev.raw) &&
          /^\.?[ \t]+$/.test(t.gap) &&
          pupils.some((p) => p.firstKeys.some((k) => k[0] === prev.key))
        ) {
          start = prev.start;
        }
        const only = pupils.length === 1 ? pupils[0] : undefined;
        // "the Patel twins" → "the twins": the surname used to name a family can simply go.
        const after = toks[i + lastHit.n];
        const family = !only && !endTok.poss && after && after.join && FAMILY.has(after.key) && after.cap === 'lower';
        out.push({
          kind: 'surname',
          span: { start, end: endTok.fullEnd },
          text: text.slice(start, endTok.fullEnd),
          pupils,
          surnameSpan: { start: t.start, end: endTok.end },
          confidence: v,
          ...(otherFirst ? { otherFirst } : {}),
          titleLine: t.titleLine,
          suggestion: only ? only.firstShown + endTok.poss : family ? `the ${after.raw}` : undefined,
          fix: only
            ? { span: { start, end: endTok.fullEnd }, replacement: only.firstShown + endTok.poss }
            : family
              ? { span: { start, end: after.start }, replacement: '' }
              : undefined,
          tokenIndex: i,
        });
      }
      i += lastHit.n - 1;
    }
  }
  return out;
}

/** A surname written over several words must look like a name: the roster's own parts, capitals or particles. */
function multiTokenOk(toks: Tok[], i: number, n: number, pupils: IndexedPupil[]): boolean {
  if (pupils.some((p) => p.lastParts.length === n)) return true;
  for (let k = i; k < i + n; k++) {
    const t = toks[k];
    if (t.cap === 'lower' && !PARTICLES.has(t.key)) return false;
  }
  return true;
}

/** "May I", "Will A" are not names with an initial; a capitalised first name before a capital letter is. */
function judgeFirstForInitial(index: NameIndex, toks: Tok[], i: number, n: number): boolean {
  const t = toks[i];
  if (n > 1 || !isWord(index, t.key)) return t.cap !== 'lower';
  if (t.cap !== 'title') return false;
  const prev = t.sentStart ? undefined : toks[i - 1];
  if (prev && (DETERMINERS.has(prev.key) || PRONOUNS.has(prev.key))) return false;
  return true;
}

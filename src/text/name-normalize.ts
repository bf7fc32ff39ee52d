/**
 * Text tools for name matching: normalised keys and a tokeniser that keeps offsets.
 *
 * A key is what two spellings of one name have in common: lower case, no diacritics
 * (Zoë = Zoe, Müller = Muller), no apostrophes (O'Brien = O’Brien = OBrien), possessive
 * removed (Hughes's = Hughes’ = Hughes). Multi-part names are compared by concatenating the
 * keys of their parts, so "Hughes-Owen", "Hughes Owen" and "HughesOwen" are one key.
 */

const FOLD: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i',
};

const APOS = /['’ʼ‘`´]/g;
const MARKS = /\p{M}+/gu;
const FOLDABLE = /[ßæœøđðłþı]/g;

const keyCache = new Map<string, string>();

/** Lower case, diacritics and apostrophes removed. */
export function normKey(s: string): string {
  if (/^[A-Za-z0-9]+$/.test(s)) return s.toLowerCase();
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const k = slowKey(s);
  if (keyCache.size < 50_000) keyCache.set(s, k);
  return k;
}

function slowKey(s: string): string {
  let k = s.normalize('NFD').replace(MARKS, '').toLowerCase();
  if (FOLDABLE.test(k)) k = k.replace(FOLDABLE, (c) => FOLD[c] ?? c);
  FOLDABLE.lastIndex = 0;
  return k.replace(APOS, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The keys of the parts of a name: "Van der Berg" → [van, der, berg]; "Hughes-Owen" → [hughes, owen]. */
export function nameParts(s: string): string[] {
  if (/^[A-Za-z]+$/.test(s)) return [s.toLowerCase()];
  return s
    .split(/[\s\-‐‑–.]+/u)
    .map(normKey)
    .filter((k) => k.length > 0);
}

export type Cap = 'lower' | 'title' | 'upper' | 'other';

export interface Tok {
  start: number;
  /** End of the name itself (a possessive 's is outside). */
  end: number;
  /** End including a possessive suffix. */
  fullEnd: number;
  raw: string;
  key: string;
  cap: Cap;
  /** The possessive suffix as written ("'s", "’s", "’", "'"), or ''. */
  poss: string;
  /** First word of a sentence, a line, a heading or a list item. */
  sentStart: boolean;
  /** Text between the previous token and this one. */
  gap: string;
  /** All letters, digits only. */
  numeric: boolean;
  /** On a line written in Title Case or capitals (a heading): capitals say little there. */
  titleLine: boolean;
  /** The gap before joins this token to the previous one as parts of one name (see joinsName). */
  join: boolean;
  /** A piece of a CamelCase hashtag or handle after its first piece. */
  tag?: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}]+)*['’ʼ]?/gu;

function capOf(s: string): Cap {
  if (/^[A-Za-z]+$/.test(s)) {
    const c = s.charCodeAt(0);
    if (c >= 97) return 'lower';
    if (s.length > 1 && s === s.toUpperCase()) return 'upper';
    return 'title';
  }
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (!letters) return 'other';
  const first = letters[0];
  const isUp = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
  if (!isUp(first)) return first === first.toLowerCase() && first !== first.toUpperCase() ? 'lower' : 'other';
  if (letters.length > 1 && isUp(letters) && letters === letters.toUpperCase()) return 'upper';
  return 'title';
}

/**
 * Tokens of `text` (usually Draft.prose), with offsets into it. `isName` (optional) tells which
 * keys are known names, so a sentence full of names is not taken for a Title Case heading.
 */
export function tokenize(text: string, isName?: (key: string) => boolean): Tok[] {
  const toks: Tok[] = [];
  let prevEnd = 0;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    let raw = m[0];
    const start = m.index;
    const fullEnd = start + raw.length;
    let poss = '';
    const last = raw.charCodeAt(raw.length - 1);
    const pm = (last === 115 || last === 83 || last > 127 || last === 39) && raw.length > 2 ? /(['’ʼ][sS]|['’ʼ])$/.exec(raw) : null;
    if (pm && raw.length - pm[0].length >= 2) {
      poss = pm[0];
      raw = raw.slice(0, raw.length - poss.length);
    }
    const gap = text.slice(prevEnd, start);
    const prev = toks[toks.length - 1];
    const sentStart =
      !prev ||
      (gap !== ' ' && /[\n\r]/.test(gap) || (/[.!?…]["'”’)\]]*\s*["'“‘(\[]*\s*$/.test(gap) && !isInitialDot(prev, gap)));
    // A hashtag or handle written in CamelCase is several words: #WellDoneAmelia, #AmeliaHughes.
    const tag = start > 0 && (text[start - 1] === '#' || text[start - 1] === '@') && /\p{Ll}\p{Lu}/u.test(raw);
    const pieces = tag ? camelPieces(raw) : [raw];
    let off = start;
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k];
      const lastPiece = k === pieces.length - 1;
      const g = k === 0 ? gap : '';
      toks.push({
        start: off,
        end: off + piece.length,
        fullEnd: lastPiece ? fullEnd : off + piece.length,
        raw: piece,
        key: normKey(piece),
        cap: capOf(piece),
        poss: lastPiece ? poss : '',
        sentStart: k === 0 ? sentStart : false,
        gap: g,
        numeric: piece.charCodeAt(0) < 58 && /^\p{N}+$/u.test(piece),
        titleLine: false,
        join: k === 0 ? joinsName(gap) : true,
        tag: k > 0,
      });
      off += piece.length;
    }
    prevEnd = fullEnd;
  }
  markTitleLines(toks, isName);
  return toks;
}

function camelPieces(raw: string): string[] {
  return raw.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u).filter(Boolean);
}

/** "Jack S. went": the dot after a single capital is an initial, not a sentence end. */
function isInitialDot(prev: Tok, gap: string): boolean {
  return prev.raw.length === 1 && /^\p{Lu}$/u.test(prev.raw) && /^\.[ \t]*$/.test(gap);
}

const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'but', 'as', 'is']);

/** A line where nearly every longer word is capitalised is a heading or a title: capitals say little. */
function markTitleLines(toks: Tok[], isName?: (key: string) => boolean): void {
  let i = 0;
  while (i < toks.length) {
    let j = i + 1;
    while (j < toks.length && !/[\n\r]/.test(toks[j].gap)) j++;
    // Count without the known names first (a list of names is not a heading); if that leaves
    // too few words to judge, count them too ("# Well Done Will!").
    let words = 0;
    let caps = 0;
    let allWords = 0;
    let allCaps = 0;
    for (let k = i; k < j; k++) {
      const t = toks[k];
      if (t.numeric || SMALL.has(t.key)) continue;
      const capital = t.cap === 'title' || t.cap === 'upper';
      allWords++;
      if (capital) allCaps++;
      if (isName?.(t.key)) continue;
      words++;
      if (capital) caps++;
    }
    if (words < 3 && allWords <= 4) {
      words = allWords;
      caps = allCaps;
    }
    if (words >= 3 && caps >= words - 0 && caps / words >= 0.99) {
      for (let k = i; k < j; k++) toks[k].titleLine = true;
    } else if (words >= 4 && caps / words >= 0.75) {
      for (let k = i; k < j; k++) toks[k].titleLine = true;
    }
    i = j;
  }
}

/** True when the text between two tokens joins the parts of one name: spaces, one line break, a hyphen. */
export function joinsName(gap: string): boolean {
  if (gap === ' ') return true;
  return gap.length <= 12 && /^[\s\-‐‑]*$/u.test(gap) && (gap.match(/\n/g)?.length ?? 0) <= 1;
}

/** Turns a photo's file name into words: "AmeliaHughes_2.JPG" → "Amelia Hughes 2". */
export function fileNameWords(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return base
    .replace(/([\p{Ll}])([\p{Lu}])/gu, '$1 $2')
    .replace(/([\p{Lu}])([\p{Lu}][\p{Ll}])/gu, '$1 $2')
    .replace(/[_\-.+~()[\]]+/g, ' ')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
}

/** Titles that mark an adult: "Mrs Green", "Mr Okafor's class". */
export const TITLES = new Set([
  'mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir', 'dame', 'lady', 'lord', 'rev', 'revd', 'reverend',
  'father', 'fr', 'prof', 'professor', 'madame', 'mme', 'mlle', 'monsieur', 'herr', 'frau', 'senor',
  'coach', 'captain', 'capt', 'councillor', 'cllr', 'mayor', 'pc', 'sgt', 'sergeant', 'officer',
  'st', 'saint', 'ste', 'nurse', 'bishop', 'canon', 'vicar', 'pastor', 'imam', 'rabbi', 'head', 'headteacher', 'auntie',
  'aunty', 'uncle', 'grandma', 'grandpa', 'nanny', 'master',
]);

/** Particles of multi-part surnames; may be written lower case: "Van der Berg", "de la Cruz". */
export const PARTICLES = new Set([
  'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'lo', 'von',
  'vom', 'zu', 'ten', 'ter', 'st', 'saint', 'mac', 'mc', 'o', 'al', 'el', 'bin', 'bint', 'ibn', 'ap',
  'ben', 'y', 'e',
]);

/** Words after a capitalised name-word that make it a place, an institution or a title, not a pupil. */
export const PLACE_WORDS = new Set([
  'road', 'rd', 'street', 'st', 'lane', 'avenue', 'ave', 'close', 'drive', 'way', 'park', 'farm', 'hall',
  'school', 'primary', 'academy', 'college', 'church', 'chapel', 'centre', 'center', 'library', 'museum',
  'house', 'court', 'gardens', 'garden', 'green', 'hill', 'wood', 'woods', 'field', 'fields', 'common',
  'square', 'place', 'crescent', 'terrace', 'grove', 'mews', 'row', 'walk', 'gate', 'bridge', 'street',
  'class', 'classes', 'group', 'team', 'house', 'club', 'fair', 'fete', 'festival', 'term', 'holiday',
  'holidays', 'camp', 'concert', 'show', 'trip', 'cup', 'award', 'awards', 'trophy', 'league', 'voices',
  'flag', 'day', 'week', 'theatre', 'cinema', 'stadium', 'station', 'reserve', 'forest', 'valley',
  'county', 'council', 'trust', 'hospital', 'zoo', 'shop', 'cafe', 'market', 'lodge', 'manor', 'castle',
  'abbey', 'cathedral', 'estate', 'village', 'town', 'city', 'island', 'beach', 'bay', 'lake', 'river',
  'mountain', 'top', 'end', 'cross', 'street', 'sports', 'music', 'art', 'reading', 'book', 'books',
]);

/** Words before a name-word that make it a common noun or a date: "the rose garden", "this Summer", "in May". */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'my', 'your', 'his', 'her', 'their', 'its',
  'every', 'each', 'some', 'any', 'no', 'next', 'last', 'early', 'late', 'mid', 'all', 'whole', 'what',
  'such', 'more', 'most', 'very', 'so', 'too', 'of', 'in', 'on', 'during', 'until', 'till', 'since',
  'through', 'throughout', 'into', 'by', 'from', 'before', 'after', 'than', 'for', 'without', 'many',
  'much', 'few',
  'great', 'big', 'little', 'good', 'new', 'old', 'beautiful', 'lovely', 'amazing', 'dark', 'light',
  'bright', 'pale', 'deep', 'royal', 'wild', 'english', 'british',
]);

export const PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it', 'who', 'which', 'that', 'there', 'this', 'everyone', 'anyone', 'someone', 'nobody', 'somebody']);

/**
 * Pupil names that are also everyday English words. Written by hand for this project: first
 * names and surnames that a careful reader would not take for a name unless the context
 * says so ("we will", "the rose garden", "our bakers", "in May", "Green Class").
 */
export const NAME_WORDS = new Set(
  (
    'rose will summer hope grace may amber bill max green hill young king church wood baker brown white black ' +
    'cook mason hunter fisher bishop knight cooper ward hall wall marsh field bell page rich price ' +
    'sharp long short little small west north south east gray grey gold golden silver frost snow rain dawn joy ' +
    'faith ruby pearl jasper olive ivy holly daisy poppy lily iris violet jade crystal sky river brook storm autumn ' +
    'april june august march winter spring pat sue chase destiny harmony ' +
    'melody honey sunny penny ginger sage rowan heather hazel willow ash aspen robin wren raven dove fox wolf lamb ' +
    'swan drake crane hawk finch sparrow bird banks rivers woods fields hills stone rock cliff dale glen ' +
    'lane street ford bridge reed read rush wise good best moody noble lord duke earl prince queen pope dean ' +
    'cross chapel temple house castle tower mill miller butcher turner weaver potter porter gardener farmer ' +
    'archer smith wright slater thatcher tailor glover dyer fuller tanner barber steward marshall sergeant ' +
    'squire bond freeman strong hardy jolly merry bliss love mercy patience constance prudence charity honor ' +
    'honour trinity verity liberty justice serenity unity journey ocean sea coral jet onyx opal garnet emerald ' +
    'sapphire diamond beryl rusty sandy dusty misty stormy breeze blaze ember spark star sun moon cloud hail eve ' +
    'day bay bush birch elm oak maple cherry berry apple plum peach fig lemon lime orange basil rosemary clover ' +
    'heath fern moss flower blossom bloom meadow forest grove glade marsh moor down downs mount vale dell combe ' +
    'crag flint clay sand lake pool pond well wells gate gates hedge hedges walls yard court barn lodge mills ' +
    'shore coast english french welsh bass pike salmon fish crab heron duck eagle falcon crow rook jay lark ' +
    'swift peacock bull lamb hart buck doe hare rabbit badger beaver mole lion tiger cat kitty bunny ' +
    'joy jewel brandy candy cookie sugar major general chance lucky happy reign ' +
    'royal saint angel heaven deacon abbot parson priest vicar clerk baron marquis count butler ' +
    'sweet hay haze bright blue red scarlet ebony ivory sable tan ' +
    'carol christmas easter sunday monday friday tuesday faith hero rebel king kings bishop ' +
    'shepherd sheppard gardner rider ryder walker wainwright fletcher bowman forester fowler falconer ' +
    'hope hopes graces roses summers wills young youngs kings greens hills woods churches ' +
    'paris london jordan chelsea florence sydney brooklyn austin dakota phoenix india kenya georgia virginia ' +
    'carolina lincoln victoria york kent devon cornwall essex norfolk '
  )
    .split(/\s+/)
    .filter(Boolean),
);

/** Month names that are also first names: "in May", "May 12th". */
export const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** English modal and auxiliary verbs that are also names: "Will", "May", "Can". */
export const MODALS = new Set(['will', 'may', 'can', 'must', 'shall', 'should', 'might']);

/** Past-tense and other verbs that, right after a sentence-initial word, make it a subject: "Will won". */
export const SUBJECT_VERBS = new Set(
  (
    'won ran sang came made got took drew wrote built brought did was had said went read gave found told kept ' +
    'left met swam threw caught ate fell flew grew knew rode saw spoke stood taught thought wore began became ' +
    'beat bought chose dug fought forgot hid held hit led lost paid put sat set shook shot slept slid sold sent ' +
    'spent spun stole stuck struck swept swung tore understood woke wove also scored helped played painted designed finished completed created showed shared performed received represented'
  ).split(/\s+/),
);

/** Languages and nationalities that are also surnames: "We learnt French today" is not a pupil. */
export const LANGUAGES = new Set(
  'english french welsh scottish irish german spanish italian polish dutch greek latin chinese japanese urdu hindi punjabi arabic portuguese russian british european african american asian indian'.split(' '),
);

/** Names that are also places: after "to", "in", "from", "about"... they are the place. */
export const PLACE_NAMES = new Set(
  'india florence georgia sydney paris jordan chelsea kenya austin brooklyn devon kent york london lincoln chester derby preston bristol bath holland england wales scotland ireland britain france spain china africa america asia europe egypt rome troy persia israel sierra madison dakota phoenix virginia carolina victoria adelaide savannah siena verona vienna geneva lourdes odessa'.split(' '),
);

export const PLACE_PREP = new Set(['to', 'in', 'from', 'about', 'at', 'of', 'visited', 'visit', 'visiting', 'near', 'across', 'around', 'through', 'into', 'toward', 'towards', 'across', 'via']);

/**
 * Clock times in prose: "6pm", "6.30 pm", "18:00", "1800hrs", "half past six", "quarter to
 * four", "noon", "at 3", "6-8pm", "from 6 till 8", "between 3.15 and 4pm", "6pm until late".
 *
 * A small tokenizer and a hand-written matcher: one pass over the tokens, each candidate
 * looked at a few tokens either side, so the cost is linear in the text. No NLP library: both
 * compromise-dates and chrono-node were measured (scripts/eval/times.ts) and were slower and
 * less precise on the shapes that matter here.
 *
 * The hard part is not finding times but leaving alone the numbers that are not times: dates
 * (12.06.25), years, "Year 6", ages (7-11), scores (3-2), ratios (2:1), prices (3.50), decimals
 * (3.5 miles), durations (2 hours), room and page numbers, phone numbers. So a form that is a
 * time on its own ("6pm", "18:00", "half past six", "noon") is taken as it is, while a bare
 * number ("at 3", "until 8", "3.30") needs a word before it that introduces a time and a word
 * after it that does not make it a count of something ("at 3 years old").
 *
 * Text may be a Draft's `prose` (markdown syntax replaced by spaces), so any run of spaces or a
 * single line break may sit between the parts of a time; a blank line never does.
 */

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night' | 'midday';

export interface ClockPart {
  start: number;
  end: number;
  text: string;
  /** 0–23, the best reading (a bare "3" is taken as 3 pm, see `exact`). */
  hour: number;
  minute: number;
  /** True when the text fixes am/pm ("3pm", "15:00", "noon"); false for "3:15", "at 3". */
  exact: boolean;
}

export interface ClockTime {
  /** UTF-16 offsets into the text; end exclusive. */
  start: number;
  end: number;
  text: string;
  partOfDay: PartOfDay;
  /** The clock times inside the expression: one, or two for a range. */
  parts: ClockPart[];
  /**
   * Where a replacement by a part of day may start: includes a leading "at", "at about",
   * "around" ("Doors open at 6pm" → "Doors open in the evening"). Equal to `start` otherwise.
   */
  replaceStart: number;
  /** The word before the time that introduced it ("at", "until", "before"...), lower case. */
  lead?: string;
  /** A part-of-day phrase written with the time ("in the evening", "tonight"), if any. */
  dayPhrase?: string;
  /** A part-of-day phrase written just before it ("this evening at 7"), if any. */
  dayBefore?: string;
}

export interface FindClockTimesOptions {
  /** Times that may be published, as written in the config: "8:45", "3:15pm", "8.30am-4pm". */
  allow?: string[];
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Tok {
  s: number;
  e: number;
  t: string;
  l: string;
  k: 'n' | 'w' | 'p';
  /** No space between this token and the previous one. */
  att: boolean;
  /** A blank line (paragraph break) before this token: never part of the same time. */
  brk: boolean;
  /** A line break before this token. */
  nl: boolean;
}

const TOKEN_RE = /\d+|[A-Za-z]+(?:['’][A-Za-z]+)*|\S/gu;

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let prevEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    const s = m.index;
    const c = t.charCodeAt(0);
    const k: Tok['k'] = c >= 48 && c <= 57 ? 'n' : /^[A-Za-z]/.test(t) ? 'w' : 'p';
    let nls = 0;
    for (let i = prevEnd; i < s; i++) if (text.charCodeAt(i) === 10) nls++;
    out.push({ s, e: s + t.length, t, l: t.toLowerCase().replace(/’/g, "'"), k, att: s === prevEnd && out.length > 0, brk: nls >= 2, nl: nls >= 1 });
    prevEnd = s + t.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Word lists (general English and UK school usage; none taken from evaluation data)

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const HOUR_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };

const NOON_WORDS = set('noon midday midnight');
const TIME_ZONES = set('gmt bst utc cet cest est edt pst pdt cst cdt mst mdt ist');
const HRS_WORDS = set('hrs hr hours');
/** Words that introduce a time. */
const LEADS = set("at @ from between until till til untill by before after around about approximately approx circa since through thru");
/** Words that may follow a bare time ("at 3 on Friday", "until 8.") without making it a count. */
const FOLLOW_OK = set(`and or but so then to till til until untill through thru on in at for from sharp prompt promptly
  onwards onward ish tonight tonite tomorrow today this next every please when where while as after before
  we you they i he she it there is was will has had can could would should may might
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  gmt bst utc cet est edt pst pdt cst ist o'clock oclock latest`);
/** After "each", words that make it a repeat of the time ("at 9 each morning"), not a count ("3 each"). */
const EACH_REPEATS = set(`morning mornings afternoon afternoons evening evenings night nights day days weekday week time session
  monday tuesday wednesday thursday friday saturday sunday`);
/** Nouns that make the following number a label or a count, not a time: "Year 6", "page 3". */
const LABEL_NOUNS = set(`year years yr yrs y page pages pp p room rooms class classes no number num chapter chapters ch
  level levels stage stages grade grades age ages aged size sizes step steps platform gate bus buses route flight flights
  question questions q table tables team teams group groups set sets unit units lesson lessons week weeks day days term
  terms part parts verse verses psalm score scored scoring won lost beat beating drew draw drawn led leading trailing
  division league round rounds heat heats lane lanes seat seats row rows block house floor tier key phase phases
  band bands book books volume issue episode series season top under u over aisle bay court pitch hole holes
  stand stands box boxes zone zones ward wards form forms standard standards`);
/** Words before "at" that make "at N" a score or a level, not a time. */
const NOT_TIME_BEFORE_AT = set('level levelled tied locked square drawn draw score scores scored stood standing capped peaked valued aged priced sold selling');
/** Words near a dotted number that make it money ("tickets at 3.50"). */
const MONEY_WORDS = set(`ticket tickets cost costs costing price prices priced pay paid paying charge charged fee fees sold sell selling
  buy bought shares share stock stocks each per pence p dollars pounds euros cents`);
/** Words that say an event happens at a time: they let "around 6", "from 6", "by 6" count. */
const EVENT_WORDS = set(`open opens opening opened start starts starting started begin begins beginning began finish finishes
  finishing finished end ends ending close closes closing meet meets meeting arrive arrives arriving arrival collect collected
  collection pick pickup picked leave leaves leaving depart departs departing departure return returns returning back
  kick kicks kickoff doors gates run runs running held place ready due home drop dropped serve served served serving
  come coming be there here gather gathering assemble register registration performance show concert disco party fair
  service assembly match game session club lunch lunchtime dinner breakfast registration`);
/** Events that happen in the evening: a bare "at 7" near them is 7 pm. */
const EVENING_EVENTS = set(`disco discos party parties concert concerts show shows film movie bonfire fireworks quiz dinner ball prom
  evening evenings tonight tonite performance performances play ceilidh barbecue bbq`);
/** Bible books: "John 3:16" is a verse, not a time. */
const BIBLE = set(`genesis exodus leviticus numbers deuteronomy joshua judges ruth samuel kings chronicles ezra nehemiah esther
  job psalm psalms proverbs ecclesiastes isaiah jeremiah lamentations ezekiel daniel hosea joel amos obadiah jonah micah
  nahum habakkuk zephaniah haggai zechariah malachi matthew mark luke john acts romans corinthians galatians ephesians
  philippians colossians thessalonians timothy titus philemon hebrews james peter jude revelation`);
/** After a colon time these make it a ratio, a duration or a race time: "1:30 hours", "1:50 scale". */
const COLON_NOT_AFTER = set('hours hour hrs hr mins min minutes minute seconds second secs sec scale ratio split splits lead win victory defeat loss');
const COLON_NOT_BEFORE = set('ratio ratios scale in of pb record time times score scores scored won lost beat beating win drew verse result results final ft ht');
/** "<this> time is 3.30": the kinds of time a school post gives. */
const TIME_NOUN_EVENTS = set(`start starting finish finishing end ending pick pickup up collection home departure leaving arrival
  drop off kick opening closing lunch break tea meeting registration session show performance`);
/** Words a few tokens before a colon number that make it a score: "the final score was 21:15". */
const COLON_SCORE_WORDS = set('score scores scored scoring won win winning lost losing beat beating drew draw result results final ft ht');
/** Nouns after noon/midday/midnight that make it a job or a meal: "midday supervisors". */
const NOON_NOT_BEFORE = set(`supervisor supervisors assistant assistants meal meals break breaks staff team teams feast feasts sun snack
  snacks lunch lunches duty duties play playtime assistant's supervisor's club clubs gang garden mass`);
const PAST_TO = set('past to after til till');

// ---------------------------------------------------------------------------------------------
// Matching

type Kind = 'colon' | 'scolon' | 'dot' | 'hform' | 'hhmm' | 'pair' | 'bare' | 'word' | 'noon' | 'phrase' | 'half';

interface Core {
  i0: number;
  /** Exclusive token index. */
  i1: number;
  h: number;
  m: number;
  kind: Kind;
  mer?: 'am' | 'pm';
  weakMer?: boolean;
  oclock?: boolean;
  ish?: boolean;
  tz?: boolean;
  hrs?: boolean;
  /** Digits of an hhmm number. */
  digits?: number;
}

interface Tail {
  end: number;
  pod?: PartOfDay;
  mer?: 'am' | 'pm';
  /** Inside the span (a part-of-day phrase) or only looked at ("tomorrow"). */
  inSpan: boolean;
}

class Matcher {
  readonly T: Tok[];

  constructor(readonly text: string) {
    this.T = tokenize(text);
  }

  /** Token i follows i-1 closely enough to be in the same expression. */
  near(i: number): boolean {
    const t = this.T[i];
    return !!t && !t.brk;
  }

  w(i: number): string | undefined {
    const t = this.T[i];
    return t && t.k === 'w' ? t.l : undefined;
  }

  isSentenceStart(i: number): boolean {
    const p = this.T[i - 1];
    if (!p || p.brk || this.T[i].nl) return true;
    return p.k === 'p' && /^[.!?:;"“(\-–—•*#>]$/.test(p.t);
  }

  parseMer(i: number): { end: number; mer: 'am' | 'pm'; weak: boolean } | null {
    const t = this.T[i];
    if (!t || t.brk || t.k !== 'w') return null;
    if (t.l === 'am' || t.l === 'pm') {
      // "6 am" but not "I am": the previous token is a number or part of a time
      return { end: i + 1, mer: t.l, weak: false };
    }
    if (t.l === 'a' || t.l === 'p') {
      const mer = t.l === 'a' ? 'am' : 'pm';
      const d1 = this.T[i + 1];
      const d2 = this.T[i + 2];
      if (d1 && d1.att && d1.t === '.' && d2 && d2.att && d2.l === 'm') {
        let end = i + 3;
        const d3 = this.T[end];
        if (d3 && d3.att && d3.t === '.') end++;
        return { end, mer, weak: false };
      }
      if (d1 && !d1.brk && !d1.att && d1.l === 'm') return { end: i + 2, mer, weak: false };
      if (t.att) {
        // "3p", "9a." — only counts where the context says time
        return { end: i + 1, mer, weak: true };
      }
      return null;
    }
    if (t.l === 'a.m' || t.l === 'p.m') return { end: i + 1, mer: t.l[0] === 'a' ? 'am' : 'pm', weak: false };
    return null;
  }

  parseOclock(i: number): number {
    const t = this.T[i];
    if (!t || t.brk) return -1;
    if (t.l === "o'clock" || t.l === 'oclock') return i + 1;
    if (t.l === 'o' && this.T[i + 1]?.l === 'clock' && this.near(i + 1)) return i + 2;
    return -1;
  }

  /** Minutes written in words: "thirty", "forty-five", "fifty nine", "oh five". */
  parseMinuteWords(i: number): { end: number; v: number } | null {
    const a = this.w(i);
    if (!a || !this.near(i)) return null;
    if ((a === 'oh' || a === 'o') && UNITS[this.w(i + 1) ?? ''] && this.near(i + 1)) {
      return { end: i + 2, v: UNITS[this.w(i + 1)!] };
    }
    if (TEENS[a] !== undefined) return { end: i + 1, v: TEENS[a] };
    if (TENS[a] !== undefined) {
      let j = i + 1;
      if (this.T[j]?.t === '-' && this.T[j].att) j++;
      const u = this.w(j);
      if (u && UNITS[u] !== undefined && this.near(j)) return { end: j + 1, v: TENS[a] + UNITS[u] };
      return { end: i + 1, v: TENS[a] };
    }
    return null;
  }

  /** Does a number token stand on its own (not "A4", "3,456", "2/3", "£5", "5th")? */
  numStandsAlone(i: number, allowDashBefore: boolean): boolean {
    const t = this.T[i];
    const p = this.T[i - 1];
    if (p && t.att) {
      if (p.k !== 'p') return false;
      if (/^[.,/:£$€#+'’]$/.test(p.t)) return false;
      if (/^[-–—]$/.test(p.t) && !allowDashBefore) return false;
    }
    if (p && /^[£$€]$/.test(p.t)) return false;
    if (p && p.t === '.' && p.att && this.T[i - 2]?.l === 'no') return false;
    return true;
  }

  /** After a number's digits: the next token glued to it is not a unit or another number. */
  numEndsCleanly(j: number): boolean {
    const n = this.T[j];
    if (!n || !n.att) return true;
    if (n.k === 'n') return false;
    if (n.k === 'w') return /^(am|pm|a|p|h|hrs|hr|ish|o'clock|oclock|hours)$/.test(n.l);
    if (/^[/%°'"’”]$/.test(n.t)) {
      // "6'" and "6%" are not times; a closing quote after a number is fine only if followed by space
      return n.t === '’' || n.t === '”' || n.t === '"' ? !(this.T[j + 1]?.att) : false;
    }
    if ((n.t === '.' || n.t === ',' || n.t === ':') && this.T[j + 1]?.k === 'n' && this.T[j + 1].att) return false;
    return true;
  }

  /** After the core: "ish", "o'clock", am/pm, time zone. */
  finish(c: Core): Core {
    let j = c.i1;
    const t = () => this.T[j];
    if (t() && !t().brk && t().l === 'ish') {
      c.ish = true;
      j++;
    } else if (t()?.t === '-' && t().att && this.T[j + 1]?.l === 'ish') {
      c.ish = true;
      j += 2;
    }
    if (c.kind === 'bare' || c.kind === 'word') {
      const oc = this.parseOclock(j);
      if (oc > 0 && c.h >= 1 && c.h <= 12) {
        c.oclock = true;
        j = oc;
      }
    }
    if (c.kind !== 'noon') {
      const mer = this.parseMer(j);
      if (mer && c.h >= 0 && c.h <= 12 && !(c.kind === 'hform')) {
        c.mer = mer.mer;
        c.weakMer = mer.weak;
        j = mer.end;
      }
    }
    if (t() && !t().brk && TIME_ZONES.has(t().l) && t().k === 'w') {
      c.tz = true;
      j++;
    } else if (t()?.t === '(' && TIME_ZONES.has(this.T[j + 1]?.l ?? '') && this.T[j + 2]?.t === ')') {
      c.tz = true;
      j += 3;
    }
    c.i1 = j;
    return c;
  }

  /** The hour of a "past/to" phrase: a number, an hour word, noon or midnight (with am/pm). */
  parseHourSpec(i: number): Core | null {
    const t = this.T[i];
    if (!t || t.brk) return null;
    if (t.k === 'n') {
      if (!this.numStandsAlone(i, false)) return null;
      const n = +t.t;
      if (t.t.length > 2 || n > 23) return null;
      if (this.T[i + 1]?.l === 'h' && this.T[i + 1].att) return this.finish({ i0: i, i1: i + 2, h: n, m: 0, kind: 'hform' });
      if (!this.numEndsCleanly(i + 1)) return null;
      if (n < 1 || n > 12) return null;
      return this.finish({ i0: i, i1: i + 1, h: n, m: 0, kind: 'bare' });
    }
    if (t.k === 'w') {
      if (HOUR_WORDS[t.l] !== undefined) return this.finish({ i0: i, i1: i + 1, h: HOUR_WORDS[t.l], m: 0, kind: 'word' });
      if (NOON_WORDS.has(t.l)) return { i0: i, i1: i + 1, h: t.l === 'midnight' ? 0 : 12, m: 0, kind: 'noon' };
    }
    return null;
  }

  /** "half past six", "quarter to four", "ten past nine", "20 minutes to 2pm", "half three". */
  parsePhrase(i: number): Core | null {
    const t = this.T[i];
    let j = i;
    let mins: number | null = null;
    let minWord = '';
    if (t.l === 'a' && this.w(i + 1) === 'quarter' && this.near(i + 1)) {
      mins = 15;
      minWord = 'quarter';
      j = i + 2;
    } else if (t.l === 'quarter') {
      mins = 15;
      minWord = 'quarter';
      j = i + 1;
    } else if (t.l === 'half') {
      mins = 30;
      minWord = 'half';
      j = i + 1;
    } else if (t.k === 'n' && t.t.length <= 2 && +t.t >= 1 && +t.t <= 59 && this.numStandsAlone(i, false)) {
      mins = +t.t;
      minWord = 'digits';
      j = i + 1;
    } else {
      const mw = this.parseMinuteWords(i) ?? (UNITS[t.l] ? { end: i + 1, v: UNITS[t.l] } : null);
      if (mw) {
        mins = mw.v;
        minWord = this.T.slice(i, mw.end).map((x) => x.l).join(' ').replace(' - ', '-');
        j = mw.end;
      }
    }
    if (mins === null) return null;
    let minutesWord = false;
    if (/^(minutes|minute|mins|min)$/.test(this.w(j) ?? '') && this.near(j)) {
      minutesWord = true;
      j++;
    }
    const rel = this.w(j);
    if (minWord === 'half' && !minutesWord) {
      // "half past six" or the British "half six"
      if (rel === 'past' && this.near(j)) {
        const h = this.parseHourSpec(j + 1);
        if (h) return this.phraseCore(i, h, 30, 'past');
        return null;
      }
      const prev = this.w(i - 1);
      if (prev === 'a' || prev === 'and' || prev === 'in' || prev === 'the' || prev === 'first' || prev === 'second') return null;
      const h = this.parseHourSpec(j);
      if (h && h.kind !== 'noon' && h.kind !== 'hform' && this.near(j)) {
        const c = this.phraseCore(i, h, 30, 'past');
        c.kind = 'half';
        return c;
      }
      return null;
    }
    if (!rel || !PAST_TO.has(rel) || !this.near(j)) return null;
    // a time-like "to"/"after" only with minute amounts people use for it; "5 to 6" is a range
    const h = this.parseHourSpec(j + 1);
    if (!h) return null;
    if (rel === 'to' || rel === 'til' || rel === 'till') {
      const ok =
        minWord === 'quarter' || minutesWord || h.kind === 'noon' ||
        ['five', 'ten', 'twenty', 'twenty five', 'twenty-five'].includes(minWord);
      if (!ok) return null;
      if (rel !== 'to' && !(minWord === 'quarter' || minutesWord)) return null;
      const prev = this.w(i - 1);
      if (prev && (prev === 'from' || prev === 'between' || LABEL_NOUNS.has(prev))) return null;
      return this.phraseCore(i, h, mins, 'to');
    }
    if (rel === 'after') {
      if (!(minWord === 'quarter' || minutesWord || /^(five|ten|twenty|twenty.five)$/.test(minWord))) return null;
      return this.phraseCore(i, h, mins, 'past');
    }
    // past
    if (minWord === 'digits' && !minutesWord && mins > 30 && h.kind !== 'noon') return null;
    return this.phraseCore(i, h, mins, 'past');
  }

  phraseCore(i: number, h: Core, mins: number, rel: 'past' | 'to'): Core {
    let hour = h.h;
    let m = mins;
    if (rel === 'to') {
      hour = hour === 0 ? 23 : hour - 1;
      if (h.kind !== 'hform' && !h.mer && hour === 0) hour = 12;
      m = 60 - mins;
      if (h.kind === 'noon' && h.h === 12) hour = 11;
    }
    return { i0: i, i1: h.i1, h: hour, m, kind: 'phrase', mer: h.kind === 'noon' ? (h.h === 12 ? (rel === 'to' ? 'am' : 'pm') : rel === 'to' ? 'pm' : 'am') : h.mer, tz: h.tz };
  }

  parseNumCore(i: number, allowDashBefore: boolean): Core | null {
    const t = this.T[i];
    if (!this.numStandsAlone(i, allowDashBefore)) return null;
    const d = t.t;
    const n = +d;
    const a = this.T[i + 1];
    const b = this.T[i + 2];
    // colon: 6:30, 18:00, 15:23:24 (spaces allowed around the colon: markdown may split it)
    if (a && a.t === ':' && !a.brk && b && b.k === 'n' && !b.brk && b.t.length === 2 && d.length <= 2 && n <= 24 && +b.t <= 59) {
      let j = i + 3;
      const spaced = !a.att || !b.att;
      if (this.T[j]?.t === ':' && this.T[j].att && this.T[j + 1]?.k === 'n' && this.T[j + 1].att && this.T[j + 1].t.length === 2) j += 2;
      if (this.T[j]?.t === '.' && this.T[j].att && this.T[j + 1]?.k === 'n' && this.T[j + 1].att) return null; // 3:45.2 race time
      if (this.T[j]?.t === ':' && this.T[j].att && this.T[j + 1]?.k === 'n') return null;
      if (!this.numEndsCleanly(j)) return null;
      return this.finish({ i0: i, i1: j, h: n, m: +b.t, kind: spaced ? 'scolon' : 'colon', zero: d.length === 2 && d[0] === '0' });
    }
    // dot: 6.30 (never 12.06.25, 3.5, 1.250)
    if (a && a.t === '.' && a.att && b && b.k === 'n' && b.att) {
      if (b.t.length !== 2 || d.length > 2 || n > 23 || +b.t > 59) return null;
      const c = this.T[i + 3];
      if (c && c.att && /^[./,]$/.test(c.t) && this.T[i + 4]?.k === 'n' && this.T[i + 4].att) return null;
      if (!this.numEndsCleanly(i + 3)) return null;
      return this.finish({ i0: i, i1: i + 3, h: n, m: +b.t, kind: 'dot', zero: d.length === 2 && d[0] === '0' });
    }
    // 15h, 15h30, 3h18
    if (a && a.l === 'h' && a.att && d.length <= 2 && n <= 23) {
      let j = i + 2;
      let m = 0;
      if (b && b.k === 'n' && b.att && b.t.length === 2 && +b.t <= 59) {
        m = +b.t;
        j++;
      }
      if (!this.numEndsCleanly(j)) return null;
      return this.finish({ i0: i, i1: j, h: n, m, kind: 'hform' });
    }
    if (a && a.t === ',' && a.att && b?.k === 'n' && b.att) return null;
    // 1800hrs, 0735 GMT, 630 pm, "at 1030"
    if (d.length === 3 || d.length === 4) {
      const hh = Math.floor(n / 100);
      const mm = n % 100;
      if (mm > 59 || hh > 23) return null;
      if (!this.numEndsCleanly(i + 1)) return null;
      let j = i + 1;
      let hrs = false;
      if (this.T[j] && !this.T[j].brk && (HRS_WORDS.has(this.T[j].l) || (this.T[j].l === 'h' && this.T[j].att))) {
        hrs = true;
        j++;
      }
      const c = this.finish({ i0: i, i1: j, h: hh, m: mm, kind: 'hhmm', hrs, digits: d.length });
      if (c.mer && (hh < 1 || hh > 12)) return null;
      return c;
    }
    if (d.length > 2 || n > 24) return null;
    // "at 3 15"
    if (a && a.k === 'n' && !a.att && !a.brk && a.t.length === 2 && +a.t <= 59 && n >= 1 && n <= 12 && this.numEndsCleanly(i + 2)) {
      const c = this.finish({ i0: i, i1: i + 2, h: n, m: +a.t, kind: 'pair' });
      return c;
    }
    if (!this.numEndsCleanly(i + 1)) return null;
    // 12 noon
    if (n === 12 && a && !a.brk && NOON_WORDS.has(a.l)) {
      return { i0: i, i1: i + 2, h: a.l === 'midnight' ? 0 : 12, m: 0, kind: 'noon' };
    }
    return this.finish({ i0: i, i1: i + 1, h: n, m: 0, kind: 'bare' });
  }

  parseWordCore(i: number): Core | null {
    const t = this.T[i];
    const l = t.l;
    if (NOON_WORDS.has(l) || (l === 'mid' && this.T[i + 1] && (this.T[i + 1].l === 'day' || (this.T[i + 1].t === '-' && this.T[i + 2]?.l === 'day')))) {
      const end = l === 'mid' ? (this.T[i + 1].l === 'day' ? i + 2 : i + 3) : i + 1;
      const c: Core = { i0: i, i1: end, h: l === 'midnight' ? 0 : 12, m: 0, kind: 'noon' };
      return c;
    }
    if (l === 'twelve' && this.T[i + 1] && !this.T[i + 1].brk && NOON_WORDS.has(this.T[i + 1].l)) {
      return { i0: i, i1: i + 2, h: this.T[i + 1].l === 'midnight' ? 0 : 12, m: 0, kind: 'noon' };
    }
    if (HOUR_WORDS[l] !== undefined) {
      const h = HOUR_WORDS[l];
      let j = i + 1;
      let m = 0;
      const mw = this.parseMinuteWords(j);
      if (mw && mw.v >= 1 && mw.v <= 59 && !(mw.v < 10 && !/^(oh|o)$/.test(this.T[j].l))) {
        m = mw.v;
        j = mw.end;
      }
      return this.finish({ i0: i, i1: j, h, m, kind: 'word' });
    }
    return null;
  }

  parseCore(i: number, allowDashBefore = false): Core | null {
    const t = this.T[i];
    if (!t) return null;
    if (t.k === 'n' || t.k === 'w') {
      const ph = this.parsePhrase(i);
      if (ph) return ph;
    }
    if (t.k === 'n') return this.parseNumCore(i, allowDashBefore);
    if (t.k === 'w') return this.parseWordCore(i);
    return null;
  }

  /** A part of day written after the time. */
  parseTail(j: number): Tail | null {
    const a = this.w(j);
    if (!a || !this.near(j)) return null;
    const podOf = (w: string | undefined): PartOfDay | undefined =>
      w === 'morning' ? 'morning' : w === 'afternoon' ? 'afternoon' : w === 'evening' ? 'evening' : w === 'night' ? 'night' : undefined;
    const merOf = (p: PartOfDay): 'am' | 'pm' => (p === 'morning' ? 'am' : 'pm');
    if (a === 'in') {
      let k = j + 1;
      if (this.w(k) === 'the') k++;
      const b = this.w(k);
      if (b === 'am' || b === 'pm') return { end: k + 1, mer: b, inSpan: true };
      const p = podOf(b);
      if (p && p !== 'night') return { end: k + 1, pod: p, mer: merOf(p), inSpan: true };
      return null;
    }
    if (a === 'at' && this.w(j + 1) === 'night') return { end: j + 2, pod: 'night', mer: 'pm', inSpan: true };
    if (a === 'tonight' || a === 'tonite') return { end: j + 1, pod: 'evening', mer: 'pm', inSpan: true };
    if (a === 'this') {
      const p = podOf(this.w(j + 1));
      if (p) return { end: j + 2, pod: p, mer: merOf(p), inSpan: true };
    }
    if (a === 'tomorrow' || a === 'today') {
      const p = podOf(this.w(j + 1));
      if (p) return { end: j + 2, pod: p, mer: merOf(p), inSpan: false };
      return { end: j + 1, inSpan: false };
    }
    return null;
  }

  /** The next token after an expression keeps a weak time a time. */
  followOk(j: number): boolean {
    const n = this.T[j];
    if (!n || n.brk) return true;
    if (n.k === 'p') {
      if (/^[%/+=×x*^]$/.test(n.t)) return false;
      if (/^[-–—]$/.test(n.t)) return this.T[j + 1]?.k !== 'n';
      return true;
    }
    if (n.k === 'n') return false;
    if (n.nl) return true;
    // "at 9 each morning", "at 4 each Friday": a repeat, not "3 each" (a price or a share)
    if (n.l === 'each') {
      const m = this.T[j + 1];
      return !!m && !m.brk && m.k === 'w' && EACH_REPEATS.has(m.l);
    }
    return FOLLOW_OK.has(n.l);
  }

  /** The clause ends at token j: end of text, punctuation, a line break or a time word. */
  endsClause(j: number): boolean {
    const n = this.T[j];
    if (!n || n.brk || n.nl) return true;
    if (n.k === 'p') return !/^[-–—]$/.test(n.t);
    return /^(on|in|at|tonight|tonite|today|tomorrow|sharp|prompt|promptly|please|and|or|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(n.l);
  }

  /** "finishing time is", "pick-up time:", "start time" right before token i. */
  timeNounBefore(i: number): boolean {
    let k = i - 1;
    const t = (j: number) => this.T[j];
    if (t(k) && (t(k).t === ':' || t(k).l === 'is' || t(k).l === 'will' || t(k).l === 'be' || t(k).l === 'now')) k--;
    if (t(k) && t(k).l === 'be' && t(k - 1)?.l === 'will') k -= 2;
    if (!t(k) || !/^times?$/.test(t(k).l)) return false;
    const p = t(k - 1);
    return !!p && p.k === 'w' && TIME_NOUN_EVENTS.has(p.l);
  }

  /** One of `words` within `n` tokens before token i, in the same sentence. */
  wordBefore(i: number, n: number, words: Set<string>): boolean {
    for (let k = i - 1, c = 0; k >= 0 && c < n; k--, c++) {
      const t = this.T[k];
      if ((t.k === 'p' && /^[.!?;]$/.test(t.t)) || this.T[k + 1].brk) return false;
      if (t.k === 'w' && words.has(t.l)) return true;
    }
    return false;
  }

  /** An event word shortly before token i, in the same sentence. */
  eventBefore(i: number): boolean {
    for (let k = i - 1, n = 0; k >= 0 && n < 7; k--, n++) {
      const t = this.T[k];
      if (t.k === 'p' && /^[.!?;]$/.test(t.t)) return false;
      if (t.k === 'w' && EVENT_WORDS.has(t.l)) return true;
      if (this.T[k + 1].brk) return false;
    }
    return false;
  }

  /**
   * A part-of-day phrase ending right before token i that says when on its own: "this
   * evening", "tonight", "Saturday morning" (not "quiz night", an event's name).
   */
  dayPhraseBefore(i: number): { start: number; end: number } | undefined {
    const t = this.T[i - 1];
    if (!t || t.k !== 'w' || this.T[i].brk) return undefined;
    if (t.l === 'tonight' || t.l === 'tonite') return { start: t.s, end: t.e };
    if (!/^(morning|afternoon|evening|night)$/.test(t.l)) return undefined;
    const d = this.T[i - 2];
    if (d && d.k === 'w' && !this.T[i - 1].brk && /^(this|tomorrow|friday|monday|tuesday|wednesday|thursday|saturday|sunday|every|each|on|the|that)$/.test(d.l)) {
      const start = /^(on|the)$/.test(d.l) ? t.s : d.s;
      if (d.l === 'the' && t.l === 'night') return undefined;
      return { start, end: t.e };
    }
    return undefined;
  }

  /** A part of day just before token i: "this morning at 10", "tonight @ 3:20". */
  podBefore(i: number): PartOfDay | undefined {
    for (let k = i - 1, n = 0; k >= 0 && n < 3; k--, n++) {
      const t = this.T[k];
      if (t.k !== 'w' || this.T[k + 1].brk) return undefined;
      if (t.l === 'morning') return 'morning';
      if (t.l === 'afternoon') return 'afternoon';
      if (t.l === 'evening' || t.l === 'tonight' || t.l === 'tonite') return 'evening';
      if (t.l === 'night') return 'evening'; // "quiz night at 7"
    }
    return undefined;
  }

  /** An evening kind of event in the same sentence ("disco", "bonfire"...). */
  eveningEventNear(i: number): boolean {
    for (let k = i - 1, n = 0; k >= 0 && n < 12; k--, n++) {
      const t = this.T[k];
      if ((t.k === 'p' && /^[.!?]$/.test(t.t)) || this.T[k + 1].brk) break;
      if (EVENING_EVENTS.has(t.l)) return true;
    }
    for (let k = i + 1, n = 0; k < this.T.length && n < 12; k++, n++) {
      const t = this.T[k];
      if ((t.k === 'p' && /^[.!?]$/.test(t.t)) || t.brk) break;
      if (EVENING_EVENTS.has(t.l)) return true;
    }
    return false;
  }

  moneyNear(i: number): boolean {
    for (let k = i - 1, n = 0; k >= 0 && n < 4; k--, n++) {
      const t = this.T[k];
      if (t.k === 'p' && /^[.!?;]$/.test(t.t)) return false;
      if (MONEY_WORDS.has(t.l) || /^[£$€]$/.test(t.t)) return true;
    }
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Deciding

const STRONG_LEADS = set('at @');
const UNTIL_LEADS = set('until till til untill before after by through thru');
const SOFT_LEADS = set('around about approximately approx circa from since');

function isStrong(c: Core): boolean {
  switch (c.kind) {
    case 'colon':
    case 'noon':
    case 'phrase':
    case 'half':
      return true;
    case 'hform':
      return c.m > 0 || c.h >= 13 || !!c.tz;
    case 'hhmm':
      return (!!c.mer && !c.weakMer && !c.fromTail) || (c.digits === 4 && (c.hrs || !!c.tz));
    default:
      return (!!c.mer && !c.weakMer && !c.fromTail) || !!c.oclock;
  }
}

function hour24(c: Core): { h: number; exact: boolean } {
  if (c.kind === 'noon') return { h: c.h, exact: true };
  if (c.mer) {
    const h12 = c.h % 12;
    return { h: c.mer === 'pm' ? h12 + 12 : h12, exact: true };
  }
  if (c.h >= 13 || c.h === 0 || c.zero) return { h: c.h % 24, exact: true }; // "06:30" is 24-hour
  if ((c.kind === 'hform' || (c.kind === 'hhmm' && c.digits === 4)) && c.h <= 12) return { h: c.h, exact: true };
  // A bare 1–12: a school day reading. 7–11 morning, 12 midday, 1–6 afternoon/evening.
  const h = c.h;
  if (h >= 7 && h <= 11) return { h, exact: false };
  if (h === 12) return { h: 12, exact: false };
  return { h: h + 12, exact: false };
}

function podOfHour(h: number): PartOfDay {
  if (h >= 5 && h < 12) return 'morning';
  if (h === 12) return 'midday';
  if (h > 12 && h < 18) return 'afternoon';
  if (h >= 18 && h < 22) return 'evening';
  return 'night';
}

function validHour(c: Core): boolean {
  if (c.kind === 'colon' || c.kind === 'scolon' || c.kind === 'hform' || c.kind === 'hhmm' || c.kind === 'dot') return c.h <= 24;
  if (c.kind === 'noon' || c.kind === 'phrase') return c.h >= 0 && c.h <= 23;
  return c.h >= 1 && c.h <= 12;
}

export function findClockTimes(text: string, opts: FindClockTimesOptions = {}): ClockTime[] {
  const M = new Matcher(text);
  const T = M.T;
  const out: ClockTime[] = [];
  let i = 0;
  let listLead: string | undefined;
  while (i < T.length) {
    const r = tryAt(M, i, listLead);
    listLead = undefined;
    if (r) {
      out.push(r.time);
      i = r.next;
      // "Sessions at 9, 10 and 11": the next item of a list of times after "at" is one too
      const n = T[i];
      if (r.time.lead && STRONG_LEADS.has(r.time.lead) && n && !n.brk && (n.t === ',' || n.l === 'and' || n.l === 'or')) {
        let j = i + 1;
        if (n.t === ',' && T[j] && (T[j].l === 'and' || T[j].l === 'or')) j++;
        if (T[j] && !T[j].brk && T[j].k === 'n') {
          listLead = r.time.lead;
          i = j;
        }
      }
    } else i++;
  }
  if (opts.allow && opts.allow.length > 0) {
    const allowed = allowedValues(opts.allow);
    return out.filter((t) => !t.parts.every((p) => allowed.some((a) => sameTime(a, p))));
  }
  return out;
}

function tryAt(M: Matcher, i: number, listLead?: string): { time: ClockTime; next: number } | null {
  const T = M.T;
  const t = T[i];
  if (t.k === 'p') return null;
  const c1 = M.parseCore(i);
  if (!c1) return null;

  // The word that introduced it: "at", "at about", "from", "between", "until"...
  let leadIdx = -1;
  let lead: string | undefined;
  let atIdx = -1;
  if (i > 0 && !T[i].brk) {
    const p = T[i - 1];
    if (p.k === 'w' && p.l === 'than' && i > 1 && /^(later|earlier|sooner)$/.test(T[i - 2].l)) {
      // "no later than 8.40"
      leadIdx = i - 1;
      lead = 'before';
    } else if (p.k === 'w' && LEADS.has(p.l)) {
      leadIdx = i - 1;
      lead = p.l;
      if ((lead === 'about' || lead === 'around' || lead === 'approximately' || lead === 'approx') && i > 1 && (T[i - 2].l === 'at' || T[i - 2].t === '@') && !T[i - 1].brk) {
        atIdx = i - 2;
      }
      if (p.l === 'til' && T[i - 2]?.t === "'") leadIdx = i - 2;
    } else if (p.t === '@') {
      leadIdx = i - 1;
      lead = '@';
    } else if (p.t === '.' && i > 1 && T[i - 2].k === 'w' && /^(approx|appx)$/.test(T[i - 2].l) && !T[i - 1].brk && !p.brk) {
      // the abbreviation with its full stop: "back at approx. 5.30"
      leadIdx = i - 2;
      lead = 'approx';
      if (i > 2 && (T[i - 3].l === 'at' || T[i - 3].t === '@') && !T[i - 2].brk) atIdx = i - 3;
    }
  }
  if (listLead && !lead) lead = listLead;
  const leadNode = lead;
  const leadStrong = !!leadNode && (STRONG_LEADS.has(leadNode) || atIdx >= 0);
  if (leadStrong && leadIdx >= 0) {
    const before = T[(atIdx >= 0 ? atIdx : leadIdx) - 1];
    if (before && before.k === 'w' && NOT_TIME_BEFORE_AT.has(before.l) && !isStrong(c1)) return null;
  }

  // a range?
  let c2: Core | null = null;
  let late = -1;
  let conn = '';
  {
    let j = c1.i1;
    const n = T[j];
    if (n && !n.brk) {
      let k = -1;
      if (/^[-–—]$/.test(n.t)) {
        conn = '-';
        k = j + 1;
      } else if (n.k === 'w' && /^(to|till|til|until|untill|through|thru)$/.test(n.l)) {
        conn = n.l;
        k = j + 1;
      } else if (n.t === "'" && T[j + 1]?.l === 'til') {
        conn = 'til';
        k = j + 2;
      } else if (n.l === 'and' && leadNode === 'between') {
        conn = 'and';
        k = j + 1;
      }
      if (k > 0 && T[k] && !T[k].brk) {
        c2 = M.parseCore(k, true);
        if (c2 && c2.kind !== 'phrase' && c2.kind !== 'half' && T[k].k === 'p') c2 = null;
        if (!c2 && conn !== '-' && conn !== 'and' && /^(late|close|closing|finish|midnight|lunch|lunchtime|teatime)$/.test(T[k].l ?? '') && T[k].k === 'w') {
          late = k + 1;
          if (T[k].l === 'midnight') late = -1;
        }
      }
    }
  }

  // am/pm carried from one end to the other ("6-8pm", "8am until 6")
  if (c2 && !c1.mer && c2.mer && c1.kind !== 'noon' && c1.h <= 12) {
    const inherit = c1.h <= c2.h || c1.h === 12 ? c2.mer : c2.mer === 'pm' ? 'am' : 'pm';
    c1.mer = inherit;
    c1.weakMer = c2.weakMer;
    c1.inherited = true;
  }

  let end = c2 ? c2.i1 : late > 0 ? late : c1.i1;
  // "onwards"
  if (T[end] && !T[end].brk && /^(onwards|onward)$/.test(T[end].l)) end++;
  if (T[end]?.l === 'ish' && !T[end].brk) end++;
  const tail = M.parseTail(end);
  const tailIn = tail && tail.inSpan ? tail : null;
  if (tail) {
    for (const c of [c1, c2]) if (c && !c.mer && c.kind !== 'noon' && c.h <= 12 && tail.mer) {
      c.mer = tail.mer;
      c.fromTail = true;
    }
  }
  const spanEndTok = tailIn ? tailIn.end : end;
  // "this morning at 10", "tonight at 8 o'clock": a part of day written just before
  const podHint = tail?.pod ? undefined : M.podBefore(atIdx >= 0 ? atIdx : leadIdx >= 0 ? leadIdx : i);
  if (podHint) {
    for (const c of [c1, c2]) if (c && !c.mer && c.kind !== 'noon' && c.h <= 12) {
      c.mer = podHint === 'morning' ? 'am' : 'pm';
      c.fromTail = true;
    }
  }

  // ---- decide
  const s1 = isStrong(c1);
  const s2 = c2 ? isStrong(c2) : false;
  const eventCue = () => M.eventBefore(leadIdx >= 0 ? leadIdx : i);
  const blockedByLabel = () => {
    const p = T[(leadIdx >= 0 ? leadIdx : i) - 1];
    return !!p && p.k === 'w' && LABEL_NOUNS.has(p.l) && !(leadIdx >= 0 && STRONG_LEADS.has(T[leadIdx].l));
  };
  const prevWordBeforeCore = T[i - 1];
  const labelDirect = !!prevWordBeforeCore && prevWordBeforeCore.k === 'w' && LABEL_NOUNS.has(prevWordBeforeCore.l) && !T[i].brk;

  let ok = false;
  let needFollow = true;
  if (c2) {
    if (!validHour(c1) || !validHour(c2)) {
      ok = false;
    } else if (s1 || s2) {
      ok = !labelDirect || s1;
      needFollow = false;
    } else if ((c1.kind === 'dot' && (c2.kind === 'dot' || c2.kind === 'bare')) || (c1.kind === 'bare' && c2.kind === 'dot' && conn === '-')) {
      // "9.30-11.30", "6.30-8", "6-7.30": a dotted time with minutes in a range
      const span = (c2.h - c1.h + 12) % 12;
      ok = !M.moneyNear(i) && conn !== 'and' && !labelDirect && (c1.kind === 'dot' && c2.kind === 'dot' ? true : span >= 1 && span <= 8);
      needFollow = true;
    } else if (c1.weakMer && c2.weakMer) {
      ok = true;
    } else {
      const bareKinds = (c: Core) => c.kind === 'bare' || c.kind === 'word' || c.kind === 'dot' || c.kind === 'hhmm' || c.kind === 'scolon' || c.kind === 'pair';
      const ordered = ((c2.h - c1.h + 12) % 12) >= 1 && ((c2.h - c1.h + 12) % 12) <= 8;
      if (bareKinds(c1) && bareKinds(c2) && ordered && !blockedByLabel() && !labelDirect &&
        (c1.kind !== 'hhmm' || c1.digits === 4) && (c2.kind !== 'hhmm' || c2.digits === 4)) {
        if (tail && tail.inSpan) ok = true;
        else if (leadNode === 'from' && conn !== '-' && conn !== 'and' && conn !== 'to') ok = true;
        else if ((leadNode === 'from' || leadNode === 'between' || leadStrong) && eventCue()) ok = true;
        else if (leadNode === 'from' && conn === 'to' && (c1.kind === 'dot' || c2.kind === 'dot')) ok = true;
        // "Lunch is 12-1", "Club runs 3-4": an event word before a short range, no score near
        else if (!leadNode && conn === '-' && c1.kind === 'bare' && c2.kind === 'bare' && ((c2.h - c1.h + 12) % 12) <= 3 &&
          eventCue() && !M.wordBefore(i, 6, COLON_SCORE_WORDS)) ok = true;
      }
    }
    if (ok && needFollow && !M.followOk(spanEndTok)) ok = false;
    if (!ok) {
      // fall back to the first time alone (e.g. "at 6 - doors close later")
      c2 = null;
      end = c1.i1;
    }
  }
  if (!c2) {
    ok = decideSingle(M, c1, i, leadNode, leadStrong, leadIdx, tail, s1, labelDirect, late > 0);
    if (late > 0 && ok) end = late;
    else end = c1.i1;
  }
  if (!ok) return null;

  // ---- build the result
  let spanStartTok = c1.i0;
  let endTok = end;
  if (T[endTok] && !T[endTok].brk && /^(onwards|onward)$/.test(T[endTok].l)) endTok++;
  if (T[endTok]?.l === 'ish' && !T[endTok].brk) endTok++;
  const tail2 = M.parseTail(endTok);
  let dayPhrase: string | undefined;
  if (tail2 && tail2.inSpan) {
    dayPhrase = M.text.slice(T[endTok].s, T[tail2.end - 1].e);
    endTok = tail2.end;
  }
  if (c2 && (leadNode === 'from' || leadNode === 'between') && leadIdx >= 0) spanStartTok = leadIdx;
  let dayBefore: string | undefined;
  if (!dayPhrase && podHint) {
    const db = M.dayPhraseBefore(atIdx >= 0 ? atIdx : leadIdx >= 0 ? leadIdx : spanStartTok);
    if (db) dayBefore = M.text.slice(db.start, db.end);
  }
  const start = T[spanStartTok].s;
  const stop = T[endTok - 1].e;
  let replaceStart = start;
  if (atIdx >= 0) replaceStart = T[atIdx].s;
  else if (leadIdx >= 0 && (leadNode === 'at' || leadNode === '@' || leadNode === 'around' || leadNode === 'about' || leadNode === 'approximately' || leadNode === 'approx')) replaceStart = T[leadIdx].s;

  const parts: ClockPart[] = [];
  for (const c of c2 ? [c1, c2] : [c1]) {
    const h = hour24(c);
    parts.push({ start: T[c.i0].s, end: T[c.i1 - 1].e, text: M.text.slice(T[c.i0].s, T[c.i1 - 1].e), hour: h.h, minute: c.m, exact: h.exact });
  }
  // a bare "at 7" at a disco is in the evening, at breakfast club in the morning
  if (!tail && !podHint && !c1.mer && c1.kind !== 'noon' && c1.h >= 6 && c1.h <= 9 && !parts[0].exact && M.eveningEventNear(i)) {
    for (const p of parts) if (!p.exact && p.hour < 12) p.hour += 12;
  }
  const pod = tail2?.pod ?? tail?.pod ?? podHint ?? podOfHour(parts[0].hour);
  return {
    time: {
      start,
      end: stop,
      text: M.text.slice(start, stop),
      partOfDay: pod,
      parts,
      replaceStart,
      lead: atIdx >= 0 ? 'at' : leadNode,
      dayPhrase,
      dayBefore,
    },
    next: endTok,
  };
}

function decideSingle(
  M: Matcher, c: Core, i: number, lead: string | undefined, leadStrong: boolean, leadIdx: number,
  tail: Tail | null, strong: boolean, labelDirect: boolean, late: boolean,
): boolean {
  const T = M.T;
  if (!validHour(c)) return false;
  const nextTok = c.i1;
  if (strong) {
    if (c.kind === 'colon') {
      const p = T[(leadIdx >= 0 ? leadIdx : i) - 1];
      const pl = leadIdx >= 0 ? T[leadIdx].l : p?.l;
      if (pl && COLON_NOT_BEFORE.has(pl) && !c.mer) return false;
      // "Score: 10:12", "Final result - 21:15"
      if (!c.mer && p && p.k === 'p' && /^[:\-–—]$/.test(p.t) && leadIdx < 0) {
        const pw = T[i - 2];
        if (pw && pw.k === 'w' && COLON_NOT_BEFORE.has(pw.l)) return false;
      }
      if (p && p.k === 'w' && BIBLE.has(p.l) && /^[A-Z]/.test(p.t) && !c.mer) return false;
      if (T[i - 1] && T[i - 1].k === 'w' && LABEL_NOUNS.has(T[i - 1].l) && !c.mer) return false;
      const n = T[nextTok];
      if (n && !n.brk && n.k === 'w' && COLON_NOT_AFTER.has(n.l)) return false;
      // "The final score was 21:15", "we won 12:10"
      if (!c.mer && !leadStrong && M.wordBefore(leadIdx >= 0 ? leadIdx : i, 4, COLON_SCORE_WORDS)) return false;
      return true;
    }
    if (c.kind === 'noon') {
      const w = T[c.i0];
      // "Tom's Midnight Garden", "The Midnight Gang": a capitalised word mid-sentence is a title
      if (/^[A-Z]/.test(w.t) && !M.isSentenceStart(c.i0) && !(c.i0 > 0 && T[c.i0 - 1].k === 'n')) return false;
      const n = T[nextTok];
      if (n && !n.brk && n.k === 'w' && NOON_NOT_BEFORE.has(n.l)) return false;
      if (n && n.t === '-' && n.att && T[nextTok + 1]?.k === 'w') return false; // "midday-meal"
      const p = T[c.i0 - 1];
      if (p && p.att && p.t === '-') return false; // "after-midnight"? keep compounds out
      if (p && p.l === 'high' && w.l === 'noon') return false; // the idiom "high noon"
      return true;
    }
    if (c.kind === 'half' || (c.kind === 'phrase' && T[c.i0].l !== 'half' && !T.slice(c.i0, c.i1).some((x) => x.l === 'past'))) {
      // "half six", "ten to four": keep counts out ("ten to four children"), and without a
      // word like "at" before it, odds ("ten to one we win")
      if (!M.followOk(nextTok)) return false;
      if (!lead && T.slice(c.i0, c.i1).some((x) => x.l === 'to')) return M.endsClause(nextTok);
      return true;
    }
    if (labelDirect && !c.mer && !c.oclock) return false;
    return true;
  }
  // ---- weak: needs a word introducing a time and nothing after that makes it a count
  if (labelDirect) return false;
  // "At 11, children move up to secondary school": an age, not a time
  if (leadStrong && c.kind === 'bare' && leadIdx >= 0 && M.isSentenceStart(leadIdx) && T[nextTok]?.t === ',') return false;
  // "Finishing time is 3.30", "Pick-up time: 3.15"
  if (!lead && (c.kind === 'dot' || c.kind === 'bare' || c.kind === 'scolon') && M.timeNounBefore(i) && M.followOk(nextTok)) return true;
  // "Film starts 6.15": an event word right before a dotted time
  if (!lead && (c.kind === 'dot' || c.kind === 'scolon') && i > 0 && T[i - 1].k === 'w' && EVENT_WORDS.has(T[i - 1].l) && !T[i].brk && M.followOk(nextTok) && !M.moneyNear(i)) return true;
  const followOk = M.followOk(nextTok) || late;
  if (!followOk) return false;
  const k = c.kind;
  const dig = c.digits ?? 0;
  const ev = () => M.eventBefore(leadIdx >= 0 ? leadIdx : i);
  if (k === 'dot' && M.moneyNear(leadIdx >= 0 ? leadIdx : i)) return false;
  if (tail && tail.inSpan) {
    if (k === 'hhmm' && dig === 3) return true;
    if (k === 'bare' || k === 'word' || k === 'dot' || k === 'scolon' || k === 'pair' || k === 'hform' || k === 'hhmm') return true;
  }
  if (tail && !tail.inSpan && (k === 'bare' || k === 'word' || k === 'dot') && (T[nextTok].l === 'tomorrow' || T[nextTok].l === 'today') && (lead === undefined || leadStrong)) {
    // "9 tomorrow", "at 9 tomorrow"
    return k !== 'word' || leadStrong || !!tail.pod;
  }
  if (c.weakMer) {
    return !!lead || late;
  }
  if (late && (k === 'bare' || k === 'dot' || k === 'word') && (leadStrong || lead === 'from' || ev())) return true;
  if (leadStrong) {
    if (k === 'bare' || k === 'dot' || k === 'pair' || k === 'scolon' || k === 'hform' || k === 'word') return true;
    if (k === 'hhmm') return dig === 4 || !!c.ish;
    return false;
  }
  if (!lead) return false;
  const year = k === 'hhmm' && dig === 4 && c.h >= 19 && c.h <= 20;
  if (UNTIL_LEADS.has(lead)) {
    if (lead === 'by' && (k === 'bare' || k === 'hhmm') && !ev()) return false;
    if (lead === 'through' || lead === 'thru') return false;
    if (k === 'bare' || k === 'dot' || k === 'hform' || k === 'scolon') return true;
    if (k === 'hhmm') return dig === 4 && !year;
    if (k === 'word') return !!c.ish;
    return false;
  }
  if (SOFT_LEADS.has(lead)) {
    if (c.ish && (k === 'bare' || k === 'dot' || k === 'word')) return true;
    if (k === 'hhmm') return dig === 4 && !year && c.m !== 0 && lead !== 'from' && lead !== 'since';
    if ((k === 'bare' || k === 'dot' || k === 'scolon') && lead !== 'since' && ev()) return true;
    return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// allowTimes

interface AllowedValue {
  hour: number;
  minute: number;
  exact: boolean;
}

const allowCache = new Map<string, AllowedValue[]>();

function allowedValues(list: string[]): AllowedValue[] {
  const key = list.join('\u0000');
  const hit = allowCache.get(key);
  if (hit) return hit;
  const vals: AllowedValue[] = [];
  for (const s of list) {
    const found = findClockTimes(/^\s*[\d]/.test(s) || /^\s*(noon|midday|midnight)/i.test(s) ? `at ${s}` : s);
    for (const f of found) for (const p of f.parts) vals.push({ hour: p.hour, minute: p.minute, exact: p.exact });
  }
  if (allowCache.size > 50) allowCache.clear();
  allowCache.set(key, vals);
  return vals;
}

function sameTime(a: AllowedValue, p: ClockPart): boolean {
  if (a.minute !== p.minute) return false;
  if (a.exact && p.exact) return a.hour === p.hour;
  return a.hour % 12 === p.hour % 12;
}

// Core carries two more flags set while deciding ranges and tails.
interface Core {
  /** Written with a leading zero ("06:30"): a 24-hour time. */
  zero?: boolean;
  inherited?: boolean;
  fromTail?: boolean;
}

/**
 * Shared material and credits: pure helpers for the `missing-attribution` rule.
 *
 * "Is this shared material?" — a link to another organisation's page, a quoted passage, a
 * "repost"/"shared from"/"RT" marker, a photo whose metadata names someone else.
 * "Is the author acknowledged?" — "Credit: …", "Photo by …", "Source: …", "via …",
 * "courtesy of …", "© …", "thanks to … for sharing", an @mention, a link whose text names the
 * source, or the source's name written anywhere in the post.
 *
 * Everything here is plain string work on the draft's text: no network, no NLP.
 */

// ---------------------------------------------------------------------------------------------
// Hosts and organisations

/** The lower-case host of a URL ("www." removed), or null for mailto:, tel:, relative links. */
export function hostOf(url: string): string | null {
  const u = url.trim();
  if (/^(mailto|tel|sms|javascript|data):/i.test(u)) return null;
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:@]+(?:@[^/?#:]+)?)/i.exec(u) ?? /^(www\.[^/?#:\s]+)/i.exec(u);
  if (!m) {
    // a bare domain written without a scheme: "bbc.co.uk/news"
    const d = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/?#:]|$)/i.exec(u);
    if (!d || !/\.[a-z]{2,}$/i.test(d[1])) return null;
    return d[1].toLowerCase().replace(/^www\./, '');
  }
  const host = m[1].replace(/^.*@/, '').toLowerCase();
  return host.replace(/^www\d?\./, '').replace(/^m\./, '');
}

function onDomain(host: string, domain: string): boolean {
  const d = domain.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, '');
  return !!d && (host === d || host.endsWith('.' + d));
}

/** Share buttons of social platforms carry the shared page in a query parameter. */
const SHARE_PARAMS = ['u', 'url', 'href', 'link', 'text', 'body'];

/**
 * The school's own material: its domains (and subdomains), a share link of a social platform
 * that points at one of them, or a relative link (a page of the same site).
 */
export function isOwnUrl(url: string, schoolDomains: string[]): boolean {
  const host = hostOf(url);
  if (host === null) return true; // mailto:, tel:, a relative link to the same site
  if (schoolDomains.some((d) => onDomain(host, d))) return true;
  const q = url.indexOf('?');
  if (q >= 0 && schoolDomains.length > 0) {
    for (const part of url.slice(q + 1).split(/[&#]/)) {
      const [k, v] = part.split('=');
      if (!v || !SHARE_PARAMS.includes(k.toLowerCase())) continue;
      let decoded = v;
      try {
        decoded = decodeURIComponent(v.replace(/\+/g, ' '));
      } catch {
        /* keep as is */
      }
      const inner = /https?:\/\/\S+/i.exec(decoded)?.[0] ?? decoded;
      const h = hostOf(inner);
      if (h && schoolDomains.some((d) => onDomain(h, d))) return true;
    }
  }
  return false;
}

/** Words before a link that make it something to do (book, pay, sign up), not material to credit. */
export const ACTION_BEFORE = /\b(?:(?:book|reserve)\s+(?:your|a|an|now|here|online|tickets?|places?|slots?|appointments?|in)\b|pay\s+(?:for|online|here|via|now|by|your)\b|sign\s*-?up\b|register\s+(?:here|now|online|for|your|at)\b|apply\s+(?:here|now|online|for|at)\b|fill\s+in\b|complete\s+(?:the|this|our)\s+(?:form|survey|questionnaire)\b|donate\b|order\s+(?:your|here|now|online)\b|vote\s+(?:here|now|for)\b)/i;

/** Links that are services (payments, forms, video calls), not anyone's material to credit. */
export const SERVICE_HOSTS = [
  'parentpay.com', 'scopay.com', 'schoolmoney.co.uk', 'schoolgateway.com', 'arbor-education.com', 'arbor.sc',
  'forms.office.com', 'forms.gle', 'docs.google.com', 'drive.google.com', 'calendar.google.com', 'meet.google.com',
  'teams.microsoft.com', 'zoom.us', 'classdojo.com', 'tapestryjournal.com', 'seesaw.me', 'app.seesaw.me', 'parentmail.co.uk',
  'schoolcomms.com', 'weduc.co.uk', 'sims.co.uk', 'schoolcloud.co.uk', 'parentseveningsystem.co.uk', 'schoolspider.co.uk',
  'squidcard.com', 'studybugs.com', 'myed.com', 'edulink.app', 'bromcom.com', 'scholarpack.com', 'pupilasset.com', 'juniperbookings.co.uk', 'eventbrite.co.uk', 'eventbrite.com', 'ticketsource.co.uk', 'justgiving.com',
  'gofundme.com', 'paypal.com', 'paypal.me', 'maps.google.com', 'goo.gl', 'what3words.com', 'surveymonkey.com', 'microsoft.com',
  'office.com', 'outlook.com', 'sharepoint.com', 'onedrive.live.com', 'dropbox.com', 'wetransfer.com',
];

export function isServiceUrl(url: string, extra: string[] = []): boolean {
  const host = hostOf(url);
  if (!host) return false;
  if (host === 'google.com' && /\/maps\b/.test(url)) return true;
  return [...SERVICE_HOSTS, ...extra].some((d) => onDomain(host, d));
}

/** Link shorteners: the organisation cannot be told from the host. */
const SHORTENERS = ['bit.ly', 'tinyurl.com', 't.co', 'ow.ly', 'buff.ly', 'is.gd', 'rb.gy', 'shorturl.at', 'lnkd.in', 'tiny.cc', 'cutt.ly'];

/** Well-known sources by domain. Subpaths first ("bbc.co.uk/sport" before "bbc.co.uk"). */
const KNOWN: [string, string][] = [
  ['bbc.co.uk/sport', 'BBC Sport'], ['bbc.com/sport', 'BBC Sport'], ['bbc.co.uk/newsround', 'BBC Newsround'],
  ['bbc.co.uk/bitesize', 'BBC Bitesize'], ['bbc.co.uk/cbeebies', 'CBeebies'], ['bbc.co.uk/cbbc', 'CBBC'],
  ['bbc.co.uk/news', 'BBC News'], ['bbc.com/news', 'BBC News'], ['bbc.co.uk', 'BBC'], ['bbc.com', 'BBC'],
  ['theguardian.com', 'The Guardian'], ['guardian.co.uk', 'The Guardian'], ['telegraph.co.uk', 'The Telegraph'],
  ['independent.co.uk', 'The Independent'], ['thetimes.co.uk', 'The Times'], ['dailymail.co.uk', 'Daily Mail'],
  ['mirror.co.uk', 'Daily Mirror'], ['skysports.com', 'Sky Sports'], ['news.sky.com', 'Sky News'], ['itv.com', 'ITV'],
  ['channel4.com', 'Channel 4'], ['gov.uk', 'GOV.UK'], ['nhs.uk', 'the NHS'], ['nspcc.org.uk', 'NSPCC'],
  ['rspb.org.uk', 'RSPB'], ['rspca.org.uk', 'RSPCA'], ['nationaltrust.org.uk', 'National Trust'],
  ['english-heritage.org.uk', 'English Heritage'], ['wwf.org.uk', 'WWF'], ['unicef.org.uk', 'UNICEF UK'],
  ['savethechildren.org.uk', 'Save the Children'], ['booktrust.org.uk', 'BookTrust'], ['literacytrust.org.uk', 'National Literacy Trust'],
  ['twinkl.co.uk', 'Twinkl'], ['twinkl.com', 'Twinkl'], ['natgeokids.com', 'National Geographic Kids'],
  ['nasa.gov', 'NASA'], ['esa.int', 'ESA'], ['metoffice.gov.uk', 'the Met Office'], ['ofsted.gov.uk', 'Ofsted'],
  ['thinkuknow.co.uk', 'Thinkuknow'], ['childnet.com', 'Childnet'], ['saferinternet.org.uk', 'UK Safer Internet Centre'],
  ['internetmatters.org', 'Internet Matters'], ['nhm.ac.uk', 'the Natural History Museum'], ['sciencemuseum.org.uk', 'the Science Museum'],
  ['britishmuseum.org', 'the British Museum'], ['roalddahl.com', 'Roald Dahl Story Company'], ['wikipedia.org', 'Wikipedia'],
  ['youtube.com', 'YouTube'], ['youtu.be', 'YouTube'], ['vimeo.com', 'Vimeo'], ['facebook.com', 'Facebook'], ['fb.com', 'Facebook'],
  ['instagram.com', 'Instagram'], ['twitter.com', 'X (Twitter)'], ['x.com', 'X (Twitter)'], ['tiktok.com', 'TikTok'],
  ['linkedin.com', 'LinkedIn'], ['threads.net', 'Threads'], ['bsky.app', 'Bluesky'], ['pinterest.com', 'Pinterest'],
  ['pinterest.co.uk', 'Pinterest'], ['flickr.com', 'Flickr'], ['unsplash.com', 'Unsplash'], ['pexels.com', 'Pexels'],
  ['gettyimages.co.uk', 'Getty Images'], ['gettyimages.com', 'Getty Images'], ['shutterstock.com', 'Shutterstock'],
];

/** Platforms where the material belongs to the account in the path: youtube.com/@name, x.com/name. */
const PLATFORMS = new Set(['youtube.com', 'facebook.com', 'instagram.com', 'twitter.com', 'x.com', 'tiktok.com', 'threads.net', 'linkedin.com', 'bsky.app', 'vimeo.com', 'flickr.com', 'pinterest.com', 'pinterest.co.uk']);
const PLATFORM_NOT_ACCOUNTS = new Set([
  'watch', 'shorts', 'embed', 'share', 'sharer', 'sharer.php', 'intent', 'home', 'search', 'hashtag', 'p', 'reel', 'reels', 'tv',
  'video', 'videos', 'photo', 'photos', 'story.php', 'permalink.php', 'groups', 'events', 'pages', 'pin', 'company', 'in', 'posts',
  'status', 'i', 'explore', 'channel', 'c', 'user', 'playlist', 'profile', 'profile.php', 'feed', 'login', 'www',
]);

export interface SourceGuess {
  /** A name to write in the credit line: "BBC Sport", "Northamptonchron", "@BBCSport on X (Twitter)". */
  name: string;
  /** Where the material is, for messages: "BBC Sport", "YouTube", "@NASA on YouTube". */
  where: string;
  /** Names that count as naming the source in the post (lower case, spaces removed). */
  keys: string[];
  /** True when the name came from the built-in list or a platform account, not a guess from the host. */
  known: boolean;
  /** The host cannot tell who the author is (link shortener, a platform without an account). */
  unknown: boolean;
}

const squash = (s: string) => s.toLowerCase().replace(/['’]s\b/g, '').replace(/[^a-z0-9]+/g, '');

function titleCase(label: string): string {
  const words = label.split(/[-_]+/).filter(Boolean);
  return words
    .map((w) => (w.length <= 3 || !/[aeiouy]/.test(w) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

/** Public suffixes common in UK school posts; the label before them names the organisation. */
const SUFFIXES = ['co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'sch.uk', 'nhs.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk', 'com.au', 'co.nz', 'org.au'];

/** The registrable label of a host: "www.northamptonchron.co.uk" -> "northamptonchron". */
export function mainLabel(host: string): string {
  // reserved names used in documentation ("news.example.co.uk") say nothing about the owner
  host = host.replace(/(^|\.)(?:example|test|invalid|localhost)(?=\.|$)/g, '').replace(/^\./, '');
  const parts = host.split('.');
  for (const suf of SUFFIXES) {
    if (host.endsWith('.' + suf)) {
      const rest = host.slice(0, -suf.length - 1).split('.');
      // "stmarys.northants.sch.uk": a school's name comes before its local authority's
      if (suf === 'sch.uk') return rest[0];
      // "school.northants.sch.uk": the label just before the suffix
      return rest[rest.length - 1];
    }
  }
  return parts.length >= 2 ? parts[parts.length - 2] : parts[0];
}

/** Who published what a URL points at, as far as the URL tells. */
export function guessSource(url: string, extra: Record<string, string> = {}): SourceGuess {
  const host = hostOf(url) ?? '';
  const pathPart = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  const hostPath = (host + pathPart).toLowerCase();
  if (SHORTENERS.some((d) => onDomain(host, d))) return { name: '<the original author>', where: 'a shortened link', keys: [], known: false, unknown: true };
  for (const [d, name] of [...Object.entries(extra), ...KNOWN]) {
    const dl = d.toLowerCase();
    // "gov.uk" and "nhs.uk" are also suffixes: a council or an NHS trust is its own source
    const exactOnly = dl === 'gov.uk' || dl === 'nhs.uk';
    const matches = dl.includes('/') ? hostPath.startsWith(dl) || hostPath.includes('.' + dl) : exactOnly ? host === dl : onDomain(host, dl);
    if (!matches) continue;
    const baseHost = dl.replace(/\/.*$/, '');
    if (PLATFORMS.has(baseHost) || (baseHost === 'youtu.be')) {
      const seg = pathPart.split('/').filter(Boolean)[0] ?? '';
      const account = seg.replace(/^@/, '');
      if (account && !PLATFORM_NOT_ACCOUNTS.has(account.toLowerCase()) && baseHost !== 'youtu.be' && /^[A-Za-z0-9_.-]{2,}$/.test(account)) {
        return { name: `@${account} on ${name}`, where: `@${account} on ${name}`, keys: [squash(account)], known: true, unknown: false };
      }
      const what = baseHost === 'youtube.com' || baseHost === 'youtu.be' || baseHost === 'vimeo.com' ? 'video' : 'post';
      return { name: `<the ${what}'s creator> on ${name}`, where: name, keys: [], known: false, unknown: true };
    }
    const keys = [squash(name.replace(/^the /i, ''))];
    const short = name.replace(/^the /i, '').split(' ')[0];
    if (short.length >= 3 && /^[A-Z0-9.]+$/.test(short)) keys.push(squash(short)); // "BBC" for "BBC Sport"
    keys.push(squash(mainLabel(baseHost)));
    return { name, where: name, keys: [...new Set(keys)], known: true, unknown: false };
  }
  if (!host) return { name: '<the original author>', where: 'another site', keys: [], known: false, unknown: true };
  // "northnorthants.gov.uk": the council, not GOV.UK
  const label = /\.(?:gov|nhs)\.uk$/.test(host) ? host.split('.').slice(-3)[0] : mainLabel(host);
  return { name: titleCase(label), where: host, keys: [squash(label)], known: false, unknown: false };
}

// ---------------------------------------------------------------------------------------------
// Credits written in the post

export interface Credit {
  start: number;
  end: number;
  /** What kind of credit: "credit", "by", "via", "courtesy", "copyright", "thanks", "mention", "from". */
  kind: string;
  /** The name credited, as written ("" when the phrase names no one). */
  name: string;
}

// A name: words starting with a capital letter or digit, joined by spaces, "&", "of", "and", "the", "'s".
const NAME = String.raw`((?:the\s+)?[@A-Z0-9\u00C0-\u024F][\w\u00C0-\u024F.'’&-]*(?:\s+(?:(?:of|and|&|the|for|de|van|von|at)\s+)?[A-Z0-9\u00C0-\u024F][\w\u00C0-\u024F.'’&-]*){0,6})`;
const LOWER_NAME = String.raw`((?:the\s+)?[\w\u00C0-\u024F@][\w\u00C0-\u024F.'’&-]*(?:\s+[\w\u00C0-\u024F][\w\u00C0-\u024F.'’&-]*){0,4})`;

/** "photos?" -> "[Pp]hotos?": a keyword in either case, while the name after it keeps its capitals. */
const ci = (alts: string) => alts.split('|').map((a) => `[${a[0].toUpperCase()}${a[0]}]${a.slice(1)}`).join('|');

const CREDIT_PATTERNS: [string, RegExp][] = [
  ['credit', new RegExp(String.raw`\b(?:photo|image|picture|video|film|words|text|illustration|artwork|music|poem|article|story|content)?\s*(?:credits?|source|sources)\s*(?::|-|–|—|=)\s*` + LOWER_NAME, 'giu')],
  ['credit', new RegExp(String.raw`\b(?:` + ci('photos?|photographs?|pictures?|pics?|images?|videos?|film|footage|illustrations?|artwork') + String.raw`)\s*(?::|–|—)\s*` + NAME, 'gu')],
  ['by', new RegExp(String.raw`\b(?:` + ci('photos?|photographs?|pictures?|pics?|images?|videos?|film|footage|illustrations?|artwork|poem|story|article|words|drawings?|graphics?|music|song|book') + String.raw`)\s+(?:taken\s+|written\s+|drawn\s+|filmed\s+|made\s+|shared\s+|kindly\s+[a-z]+\s+)?by\s+` + NAME, 'gu')],
  ['via', new RegExp(String.raw`\bvia\s+` + NAME, 'gu')],
  ['courtesy', new RegExp(String.raw`\bcourtesy\s+of\s+` + LOWER_NAME, 'giu')],
  ['copyright', new RegExp(String.raw`(?:©|\(c\)|\bcopyright\b)\s*(?:\d{4}\s*)?(?:by\s+)?` + LOWER_NAME, 'giu')],
  ['thanks', new RegExp(String.raw`\bthank(?:s| you)\s+(?:so\s+much\s+|very\s+much\s+)?(?:to\s+)?` + LOWER_NAME + String.raw`\s+for\s+(?:sharing|letting\s+us\s+share|allowing\s+us|permission|the\s+(?:photos?|pictures?|images?|video|article|story|words|poem))`, 'giu')],
  ['from', new RegExp(String.raw`\b(?:` + ci('article|story|video|post|report|piece|photos?|pictures?|images?|blog|film|clip|guide|resources?|page|poem|song|interview|podcast|footage|news|tips|ideas|advice') + String.raw`)(?:\s+(?:from|on|by|in|published\s+by|shared\s+by)|(?:\s+[a-z]+){1,4}?\s+(?:from|by))\s+` + NAME, 'gu')],
  ['from', new RegExp(String.raw`\b(?:` + ci('shared|reposted|taken|borrowed|copied|reproduced|used|republished') + String.raw`)\s+(?:[a-z]+\s+)?(?:from|with\s+(?:kind\s+)?permission\s+(?:of|from))\s+` + NAME, 'gu')],
  ['from', new RegExp(String.raw`\b[Aa]s\s+seen\s+on\s+` + NAME, 'gu')],
  ['from', new RegExp(String.raw`\b(?:reported|published|featured|written|filmed|shared|posted)\s+(?:\w+\s+)?(?:by|in|on)\s+` + NAME, 'gu')],
  // the author as the subject: "North Northamptonshire Council have published new guidance", "The NSPCC has produced a guide"
  ['by', new RegExp(NAME + String.raw`\s+(?:have|has)\s+(?:just\s+|kindly\s+|recently\s+|now\s+)?(?:published|written|produced|created|made|released|shared|posted|launched|put\s+together|updated)\b`, 'gu')],
  // the author's own page: "on the county FA's own page", "Mrs Shah's blog", "the RSPB's guide"
  ['by', new RegExp(String.raw`((?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z0-9][\w&.-]*(?:\s+[A-Z0-9][\w&.-]*){0,4})['’]s?\s+(?:own\s+|official\s+|new\s+|latest\s+)?(?:website|web\s*page|webpage|page|site|guide|guidance|article|video|blog|post|report|advice|leaflet|booklet|podcast|film|poster|resources?|tips)\b`, 'gu')],
  ['mention', /(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)/gu],
  ['from', new RegExp(String.raw`^\s*(?:—|–|-{1,2}|~)\s*` + NAME, 'gmu')],
];

/** A platform alone is where something was shared, not who made it: "Shared from Facebook". */
const PLATFORM_ONLY = /^(?:the\s+)?(?:facebook|instagram|twitter|x|tiktok|youtube|whatsapp|snapchat|threads|linkedin|nextdoor|pinterest|bluesky|the\s+internet|internet|online|google|social\s+media)$/i;

const NOT_NAMES = new Set(['i', 'they', 'he', 'she', 'the', 'a', 'an', 'our', 'us', 'we', 'this', 'that', 'these', 'it', 'here', 'there', 'school', 'the school', 'you', 'me', 'my', 'your', 'everyone', 'all']);

/** Every credit phrase in a text (offsets into it). */
export function findCredits(text: string): Credit[] {
  const out: Credit[] = [];
  for (const [kind, re] of CREDIT_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const name = (m[1] ?? '').trim().replace(/[.,;:!?)]+$/, '');
      if (NOT_NAMES.has(name.toLowerCase()) || PLATFORM_ONLY.test(name)) continue;
      if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tomorrow)\b/i.test(name)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, kind, name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Does the text name this source (its name, its short name or its host's label), as a word? */
export function namesSource(text: string, src: SourceGuess): boolean {
  if (src.keys.length === 0) return false;
  const words = text.split(/[^\p{L}\p{N}@&'’.-]+/u).filter(Boolean);
  // compare squashed runs of 1–4 words against the keys
  const sq = words.map(squash);
  for (let i = 0; i < sq.length; i++) {
    let acc = '';
    for (let j = i; j < Math.min(sq.length, i + 5); j++) {
      acc += sq[j];
      if (acc.length >= 2 && src.keys.some((k) => acc === k || (k.length >= 5 && acc.startsWith(k) && acc.length - k.length <= 6))) return true;
    }
  }
  return false;
}

/** Link texts that name nothing. */
const GENERIC_LINK = /^(?:here|click here|this|this link|link|the link|more|read more|find out more|learn more|full story|the full story|the story|this story|watch|watch here|watch it here|video|the video|this video|article|the article|this article|website|the website|this website|their website|page|this page|see more|details|more details|more info|more information|info|visit|go|open|download)$/i;

/** A link's visible text names its source ("Read the [BBC Sport report](…)"). */
export function linkTextNames(linkText: string, src: SourceGuess): boolean {
  const t = linkText.trim();
  if (!t || GENERIC_LINK.test(t) || /^(https?:\/\/|www\.)/i.test(t)) return false;
  if (namesSource(t, src)) return true;
  // the link text credits someone itself: "[lunchbox ideas from Change4Life](nhs.uk/…)", "[a poem by
  // Joseph Coelho](…)". A known host may publish others' material, so this counts there too.
  if (findCredits(t).some((c) => c.name.length > 0)) return true;
  if (src.known) return false;
  // the host does not say who the author is: a name in the link text does ("NASA's launch video")
  const words = t.split(/\s+/);
  return /[\p{L}\p{N}]['’]s\b/u.test(t) || /(?:^|\s)@\w/.test(t) || words.slice(1).some((w) => /^\p{Lu}/u.test(w)) || /^\p{Lu}{2,}\b/u.test(t);
}

// ---------------------------------------------------------------------------------------------
// Quotations and share markers

export interface Span {
  start: number;
  end: number;
}

/** Inline quotations of at least `minWords` words in “curly” or "straight" double quotes. */
export function findQuotations(text: string, minWords = 12): Span[] {
  const out: Span[] = [];
  const re = /“([^”\n]{10,800})”|"([^"\n]{10,800})"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[1] ?? m[2] ?? '';
    if (body.trim().split(/\s+/).length >= minWords) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Words next to a quotation that say who said or wrote it: "said Dr Patel", "— Michael Rosen". */
const SPEECH = /\b(?:said|says|wrote|writes|explained|explains|told|tells|added|adds|commented|comments|according\s+to|in\s+the\s+words\s+of|as\s+\w+\s+(?:said|put\s+it)|quoted|quote\s+from|remarked|shared|reported|stated|states|reminds\s+us|put\s+it|asked|replied|remembers|remembered|recalls|recalled|exclaimed|shouted|laughed|whispered|joked|admitted|agreed|beamed|smiled|announced|declared)\b/i;

/** Is a quotation at [start,end) attributed next to it (same paragraph, just before or after)? */
export function quoteAttributed(text: string, q: Span): boolean {
  // "> “…” — Dr Seuss": the name inside the blockquote, after the quotation
  const inside = text.slice(q.start, q.end);
  if (/[”"'’.!?]\s*(?:—|–|-{1,2}|~|\u2015)\s*[\p{Lu}@]/u.test(inside) || /\n[\s>*_]*(?:—|–|-{1,2}|~)\s*[\p{Lu}@]/u.test(inside)) return true;
  const before = text.slice(Math.max(0, q.start - 80), q.start);
  const afterRaw = text.slice(q.end, Math.min(text.length, q.end + 120));
  const after = afterRaw.replace(/^[ \t]*\n?(?:[ \t>]*\n)?/, '');
  const beforePara = before.split(/\n\s*\n/).pop() ?? '';
  if (SPEECH.test(beforePara.slice(-60))) return true;
  const afterLine = after.split(/\n\s*\n/)[0] ?? '';
  if (SPEECH.test(afterLine.slice(0, 60))) return true;
  // "— Michael Rosen", "- Head of PE", "(BBC, 2024)", "~ Maya Angelou"
  if (/^[\s>*_]*(?:—|–|-{1,2}|~|\u2015)\s*\S/.test(after)) return true;
  if (/^[\s>*_]*\((?:[A-Z@]|\w+\s+\d{4})/.test(after)) return true;
  return false;
}

export interface ShareMarker extends Span {
  text: string;
  /** The marker names its source right after it ("Shared from the RSPB", "RT @bbc"). */
  named: boolean;
}

const SHARE_RE = /\b(?:shared\s+from|sharing\s+(?:this\s+)?from|re-?posted\s+from|re-?posting|re-?post|regram|re-?shared|as\s+seen\s+on|reproduced\s+from|RT)\b/giu;

/** "shared from", "repost", "RT", "as seen on"... and whether a name follows. */
export function findShareMarkers(text: string): ShareMarker[] {
  const out: ShareMarker[] = [];
  SHARE_RE.lastIndex = 0;
  for (let m = SHARE_RE.exec(text); m; m = SHARE_RE.exec(text)) {
    const word = m[0];
    if (/^rt$/i.test(word)) {
      // "RT" only in capitals and as a marker: "RT @bbc", "RT:", at the start of a line
      if (word !== 'RT') continue;
      const after = text.slice(m.index + 2, m.index + 4);
      const lineStart = m.index === 0 || /[\n]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index));
      if (!/^\s?@|^:/.test(after) && !lineStart) continue;
    }
    const rest = text.slice(m.index + word.length, m.index + word.length + 80);
    const nm = new RegExp(String.raw`^\s*(?::|-|–|by|from|of|on)?\s*(?:our\s+friends\s+at\s+)?` + NAME, 'u').exec(rest);
    const named = (!!nm && !PLATFORM_ONLY.test(nm[1].trim().replace(/[.,;:!?)]+$/, ''))) || /^\s*:?\s*@\w/.test(rest);
    out.push({ start: m.index, end: m.index + word.length, text: word, named });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Photos

const JUNK_CREATORS = /^(?:unknown|none|n\/?a|null|owner|user|admin|administrator|author|artist|photographer|camera|picasa|windows user|apple|iphone|ipad|samsung|google|android|canon|nikon|sony|olympus|fujifilm|panasonic|huawei|xiaomi|oneplus|motorola|gopro|dji|school|staff|teacher|office|reception|pupil|student|[a-z]?\d+)$/i;

/** A creator or copyright holder as a name: "© 2024 Marsh Event Photography Ltd. All rights reserved." -> "Marsh Event Photography Ltd". */
export function cleanHolder(raw: string): string {
  return raw
    .replace(/\ball\s+rights\s+reserved\.?/gi, '')
    .replace(/©|\(c\)|\bcopyright\b|\bphoto(?:graph)?\s+by\b|\bimage\s+by\b/gi, ' ')
    .replace(/\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b/g, ' ')
    .replace(/^[\s,.:;-]+|[\s,.:;-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isMeaningfulHolder(name: string): boolean {
  return name.length >= 2 && /\p{L}/u.test(name) && !JUNK_CREATORS.test(name);
}

/** Is this creator the school itself or one of its staff (their own material)? */
export function isOwnHolder(name: string, own: { schoolName?: string; schoolDomains?: string[]; staff?: { first: string; last: string }[] }): boolean {
  const n = squash(name);
  if (!n) return true;
  const school = own.schoolName ? squash(own.schoolName.replace(/\(.*?\)/g, '')) : '';
  if (school && (n.includes(school) || school.includes(n))) return true;
  for (const d of own.schoolDomains ?? []) {
    const lbl = squash(mainLabel(d));
    if (lbl.length >= 4 && n.includes(lbl)) return true;
  }
  const words = name.toLowerCase().replace(/[^\p{L}\s'-]/gu, ' ').split(/\s+/).filter(Boolean);
  for (const s of own.staff ?? []) {
    const last = s.last.toLowerCase();
    const first = s.first.toLowerCase();
    if (last && words.includes(last) && (words.includes(first) || words.some((w) => /^(mr|mrs|ms|miss|dr|mx)$/.test(w) || w === first[0]))) return true;
  }
  return false;
}

/** The post names this person or company: the full name, or its surname / first distinctive word. */
export function namesHolder(text: string, holder: string): boolean {
  const low = text.toLowerCase();
  const h = holder.toLowerCase().replace(/\b(?:ltd|limited|plc|llp|inc|co)\b\.?/g, '').replace(/\s+/g, ' ').trim();
  if (!h) return false;
  const wordRe = (w: string) => new RegExp(String.raw`(?<![\p{L}\p{N}])` + w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + String.raw`(?![\p{L}\p{N}])`, 'u');
  if (wordRe(h).test(low)) return true;
  const words = h.split(' ').filter((w) => w.length >= 3 && !/^(the|and|photography|photos|photo|images|studio|studios|media|events?|pictures)$/.test(w));
  if (words.length === 0) return false;
  // a person's surname ("Jo Marsh" -> "marsh"), or a company's first distinctive word ("Marsh Event Photography" -> "marsh")
  const key = holder.trim().split(/\s+/).length <= 3 && !/\b(ltd|limited|photography|studio|media|images)\b/i.test(holder) ? words[words.length - 1] : words[0];
  return wordRe(key).test(low);
}

/** A credit line to suggest: "Credit: BBC Sport". */
export function creditLine(name: string, kind: 'link' | 'quote' | 'photo' | 'repost' = 'link'): string {
  if (kind === 'photo') return `Photo: ${name}`;
  if (kind === 'quote') return `— ${name}`;
  return `Credit: ${name}`;
}

// ---------------------------------------------------------------------------------------------
// Verse and pictures found online

/**
 * Lines of verse: a paragraph of four or more short lines (single line breaks), at least one of
 * them broken in mid-sentence, that is neither a list nor a table of labels ("Acorn: Daisy &
 * Oscar"). A poem, a song or a chant someone wrote: it needs a credit as a quotation does.
 */
export function findVerses(text: string): Span[] {
  const out: Span[] = [];
  const para = /(?:^|\n[ \t]*\n)([^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*){3,})/g;
  for (let m = para.exec(text); m; m = para.exec(text)) {
    const block = m[1];
    const start = m.index + m[0].length - block.length;
    const lines = block.split('\n');
    const trimmed = lines.map((l) => l.trim());
    if (trimmed.some((l) => l.length > 70 || l.length < 2)) continue;
    if (trimmed.filter((l) => /:\s/.test(l)).length > 1) continue; // labels: a list of winners, a timetable
    if (trimmed.filter((l) => /^(?:[-*•+]|\d+[.)])\s/.test(l)).length > 1) continue; // a list (text drafts keep markers)
    if (trimmed.filter((l) => /\d/.test(l)).length > trimmed.length / 2) continue; // dates, scores, times
    const body = trimmed.filter((l) => !/^(?:—|–|-{1,2}|~)\s*\S/.test(l)); // a credit line is not verse
    let broken = 0;
    for (let k = 0; k + 1 < body.length; k++) {
      const a = body[k];
      const b = body[k + 1];
      if (!/[.!?;:,…)"”’]$/.test(a) || /^[\p{Ll}]/u.test(b)) broken++;
    }
    if (body.length < 4 || broken < 1) continue;
    // most lines start with a word (not a name tag, an emoji list or a link)
    if (body.filter((l) => /^["“‘']?\p{L}/u.test(l)).length < body.length - 1) continue;
    out.push({ start, end: start + block.length });
  }
  return out;
}

/** Who wrote the verse is said inside it ("– Nationwide Children's Hospital"), right after it, or in the line that introduces it. */
export function verseCredited(text: string, v: Span): boolean {
  const inside = text.slice(v.start, v.end);
  if (/(?:^|\n)[ \t>*_]*(?:—|–|-{1,2}|~|\u2015)\s*[\p{Lu}@]/u.test(inside)) return true;
  if (/(?:^|\n)[ \t]*(?:by|written\s+by|from)\s+\p{Lu}/u.test(inside.split('\n').slice(-1)[0] ?? '')) return true;
  const after = text.slice(v.end, v.end + 160).replace(/^\s*/, '').split(/\n/)[0] ?? '';
  if (/^(?:—|–|-{1,2}|~|\u2015|\()\s*\S/.test(after) || /^(?:by|written\s+by|poem\s+by|words\s+by)\s+\S/i.test(after)) return true;
  // the sentence that introduces it: "... this poem by Michael Rosen:", "our Year 4 poets wrote:"
  const before = text.slice(Math.max(0, v.start - 240), v.start).trimEnd();
  const intro = before.split(/\n\s*\n/).pop()?.split(/(?<=[.!?])\s+/).pop() ?? '';
  if (/\b(?:by|from|wrote|written|writes|composed|penned)\b/i.test(intro) && /[:\u2013\u2014-]\s*$|\bby\s+\S+/i.test(intro)) return true;
  return false;
}

/** Words in alt text or a file name that say a picture was found online ("Image result for…", "…-quotes-…-sayings", "shutterstock_…"). */
const WEB_IMAGE = /\bimage\s+result\s+for\b|\bimages?\s+(?:from|via)\s+google\b|(?:^|[-_\s])(?:image-result|shutterstock|istock(?:photo)?|gettyimages|depositphotos|dreamstime|alamy|adobestock|clipart|clip-art|stock-photo|stock-image|wallpapers?|free-printable|printables?)(?:[-_\s.]|$)|(?:^|[-_\s])(?:quotes?|sayings)(?:[-_\s].*)?(?:[-_\s])(?:quotes?|sayings|best|about|inspirational|famous)(?:[-_\s.]|$)/i;

export function webImageHint(s: string): boolean {
  return WEB_IMAGE.test(s);
}

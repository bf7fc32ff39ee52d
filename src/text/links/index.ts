/**
 * What a link's address alone says about it (no network): a hidden destination (a URL
 * shortener), plain http:, a raw IP address, a file download (.exe, .zip...), a file on a
 * file-sharing host, a person's profile on a social network, or a domain on the school's block
 * list. Domains come from the Public Suffix List (tldts, loaded on first use). The school's
 * domains and the allow list are never flagged.
 */
import social from './social.json' with { type: 'json' };

export type LinkProblem = 'shortener' | 'http' | 'ip' | 'download' | 'file-host' | 'profile' | 'blocked';

export interface LinkOptions {
  shorteners: string[];
  fileHosts: string[];
  downloadExtensions: string[];
  allow: string[];
  block: string[];
  /** Profile handles that are organisations the school links to (e.g. "castlebrookpta"). */
  organisations: string[];
}

export interface LinkVerdict {
  problem: LinkProblem;
  host: string;
}

type Network = { shape: string; person: string[]; reserved: string[] };
const NETWORKS = social.networks as Record<string, Network>;

function hostOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]*)/i.exec(url);
  return (m?.[1] ?? '').toLowerCase().replace(/\.$/, '');
}

function under(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => {
    const x = d.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    return host === x || host.endsWith(`.${x}`);
  });
}

function networkOf(host: string): Network | undefined {
  const h = host.replace(/^(?:www|m|mobile|web|en-gb|uk)\./, '');
  return NETWORKS[h];
}

/** A person's profile on a social network, from the address alone (a page of an organisation is not). */
export function isPersonalProfile(url: string, organisations: readonly string[] = []): boolean {
  const host = hostOf(url);
  const net = networkOf(host);
  if (!net) return false;
  let path: string;
  let query = '';
  try {
    const u = new URL(url);
    path = u.pathname;
    query = u.search;
  } catch {
    return false;
  }
  const segs = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  if (!segs.length) return false;
  const first = segs[0].toLowerCase();
  if (net.person.includes(first)) return first !== 'profile.php' || /[?&]id=/.test(query);
  let handle: string | undefined;
  if (net.shape === 'segment') handle = segs.length === 1 && !net.reserved.includes(first) ? segs[0] : undefined;
  else if (net.shape === 'at') handle = first.startsWith('@') && segs.length === 1 ? segs[0].slice(1) : undefined;
  else if (net.shape === 'add') handle = first === 'add' && segs.length === 2 ? segs[1] : undefined;
  else if (net.shape === 'in') return first === 'in' && segs.length >= 2;
  if (!handle || !/^[\p{L}\p{N}._-]+$/u.test(handle)) return false;
  return looksPersonal(handle, organisations);
}

/**
 * A handle shaped like a person's: name parts joined by . _ or - ("jo.smith", "coach_jo_smith",
 * "jo.smith.9") or a name with digits after it ("josmith85"), as networks make them for
 * people. One word or CamelCase ("northantsfa", "SouthEndJuniors") is how organisations
 * name their pages, and a part that is an organisation word ("castlebrook.pta") makes it one.
 */
export function looksPersonal(handle: string, organisations: readonly string[] = []): boolean {
  const h = handle.toLowerCase();
  if (organisations.some((o) => o.toLowerCase() === h)) return false;
  const parts = handle.split(/[._-]+|(?<=\p{Ll})(?=\p{Lu})|(?<=\D)(?=\d)|(?<=\d)(?=\D)/u).filter(Boolean).map((x) => x.toLowerCase());
  if (parts.some((x) => social.organisationWords.includes(x))) return false;
  const words = h.split(/[._-]+/).filter((x) => /\p{L}/u.test(x));
  return words.length >= 2 || /^\p{L}{3,}\d{1,4}$/u.test(h);
}

type Tldts = typeof import('tldts');
let tldts: Promise<Tldts> | undefined;

/** The first problem with a link, or null. `written` is the address as it stands in the draft. */
export async function checkLink(url: string, written: string, schoolDomains: readonly string[], o: LinkOptions): Promise<LinkVerdict | null> {
  if (/^(?:mailto|tel|sms):/i.test(url)) return null;
  tldts ??= import('tldts');
  const lib = await tldts;
  // the CommonJS build (what the bundle gets) puts the functions on `default`
  const parse = lib.parse ?? (lib as unknown as { default: Tldts }).default.parse;
  const p = parse(url);
  const host = (p.hostname ?? hostOf(url)).toLowerCase();
  if (!host) return null;
  if (under(host, schoolDomains) || under(host, o.allow)) return null;
  const site = p.domain ?? host;
  if (under(host, o.block)) return { problem: 'blocked', host: site };
  if (p.isIp || /^\[.*\]$/.test(host)) return { problem: 'ip', host };
  if (under(host, o.shorteners)) return { problem: 'shortener', host: site };
  let path = '';
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    /* leave path empty */
  }
  const ext = /\.([a-z0-9]{1,5})$/.exec(path)?.[1];
  if (ext && o.downloadExtensions.includes(ext)) return { problem: 'download', host: site };
  if (under(host, o.fileHosts)) return { problem: 'file-host', host: site };
  if (isPersonalProfile(url, o.organisations)) return { problem: 'profile', host: site };
  if (/^http:\/\//i.test(written.trim())) return { problem: 'http', host: site };
  return null;
}

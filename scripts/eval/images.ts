/**
 * smcheck's photo rules against ExifTool's reading of the shared photos
 * (../shared/eval/images/truth.json, research-only: read in place, never copied).
 *
 *   npx tsx scripts/eval/images.ts            the agreement tables
 *   npx tsx scripts/eval/images.ts --files    also one line per file
 *
 * Each photo is checked on its own through the real engine with the built-in image-location
 * and image-metadata rules (as `smcheck photo.jpg` would), and compared with truth.json:
 *   - image-location fires  <=>  truth.gps (ExifTool finds a numeric, non-(0,0) position);
 *   - every name in truth.personNames is in an image-metadata finding;
 *   - every damaged file (corrupt/) ends as status `error` with one line, or as a result;
 *     a damaged file must never PASS; nothing may crash or hang (10 s limit per file).
 * Other fields (credits, captions, serials, ...) are compared with readPhoto's output for
 * information.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** ../shared/eval/images from the main checkout, or from a worktree in /work/wt/NAME. */
export const IMAGES_DIR = [path.resolve(here, '../../../shared/eval/images'), path.resolve(here, '../../../../shared/eval/images')]
  .find((d) => existsSync(path.join(d, 'truth.json'))) ?? path.resolve(here, '../../../shared/eval/images');

interface Truth {
  format: string | null;
  readable: boolean;
  gps: boolean;
  lat: number | null;
  lon: number | null;
  gpsTagsPresent: boolean;
  personNames: string[];
  artist: string | null;
  creator: string[] | null;
  iptcByline: string | null;
  xpAuthor: string | null;
  copyright: string | null;
  caption: string | null;
  serial: string | null;
  keywords: string[];
  hasThumbnail: boolean;
  orientation: number | null;
  exiftoolError: string | null;
  corrupt?: { derivedFrom: string; kind: string; detail: string };
}

export interface FileResult {
  file: string;
  truth: Truth;
  status: 'pass' | 'fail' | 'error' | 'crash' | 'timeout';
  error?: string;
  locationFires: boolean;
  /** image-location fired only because the photo is damaged and holds GPS data smcheck could not read */
  locationDamaged?: boolean;
  locationSeverity?: string;
  reportedNames: string;
  damaged: boolean;
  ms: number;
  meta?: import('../../src/inputs/photo/index.js').PhotoMeta;
}

export interface Evaluation {
  files: FileResult[];
  location: { agree: number; total: number; disagreements: { file: string; truth: boolean; smcheck: boolean; why: string }[]; stricter: string[] };
  names: { found: number; total: number; missing: { file: string; name: string; why: string }[] };
  corrupt: { total: number; errors: number; results: number; passed: string[]; crashes: string[] };
  fields: { field: string; agree: number; total: number; misses: string[]; extras: string[] }[];
  ms: number;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), ms); })]).finally(() => clearTimeout(timer));
}

export async function evaluateImages(dir = IMAGES_DIR): Promise<Evaluation> {
  const truth: Record<string, Truth> = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')).files;
  const { loadRules } = await import('../../src/engine/rules.js');
  const { checkDraft } = await import('../../src/engine/run.js');
  const { emptySchool } = await import('../../src/config/config.js');
  const { readPhoto } = await import('../../src/inputs/photo/index.js');
  const all = await loadRules({ dirs: [], disable: [], cwd: dir });
  const rules = all.filter((r) => r.id === 'image-location' || r.id === 'image-metadata');
  const school = emptySchool();
  const files: FileResult[] = [];
  const t0 = performance.now();
  for (const [file, t] of Object.entries(truth)) {
    const start = performance.now();
    const r: FileResult = { file, truth: t, status: 'crash', locationFires: false, reportedNames: '', damaged: false, ms: 0 };
    try {
      const out = await withTimeout(checkDraft({ kind: 'photo', path: file }, { rules, school, cwd: dir }), 10_000);
      if (out === 'timeout') r.status = 'timeout';
      else {
        r.status = out.status;
        if (out.error) r.error = out.error;
        const loc = out.findings.filter((f) => f.rule === 'image-location');
        r.locationFires = loc.length > 0;
        r.locationDamaged = loc.length > 0 && loc.every((f) => /is damaged: post a clean copy/.test(f.message));
        r.locationSeverity = loc[0]?.severity;
        const meta = out.findings.filter((f) => f.rule === 'image-metadata');
        r.reportedNames = meta.map((f) => `${f.excerpt ?? ''} ${f.message}`).join('\n');
        r.damaged = meta.some((f) => /is damaged/.test(f.message));
      }
      try {
        r.meta = await readPhoto({ path: file, absPath: path.join(dir, file), source: 'cli' });
      } catch {
        r.meta = undefined;
      }
    } catch (e) {
      r.status = 'crash';
      r.error = String((e as Error)?.stack ?? e);
    }
    r.ms = performance.now() - start;
    files.push(r);
  }
  const ms = performance.now() - t0;

  // image-location vs ExifTool's GPS
  const disagreements: Evaluation['location']['disagreements'] = [];
  const stricter: string[] = [];
  for (const r of files) {
    if (r.locationFires === r.truth.gps) continue;
    // stricter than ExifTool on purpose: a damaged photo holding GPS bytes nobody can read in full fails (issue 13)
    if (r.locationDamaged && !r.truth.gps) { stricter.push(r.file); continue; }
    let why: string;
    if (r.status === 'error') why = `smcheck could not read it: ${r.error}`;
    else if (r.truth.gps) why = `ExifTool reads ${r.truth.lat}, ${r.truth.lon}; smcheck found ${r.meta?.gpsTagsPresent ? 'GPS tags but no usable position' : 'no GPS tags'}`;
    else why = `smcheck reads ${r.meta?.gps?.lat}, ${r.meta?.gps?.lon}; ExifTool: ${r.truth.gpsTagsPresent ? 'tags but no usable position' : 'no GPS'}`;
    disagreements.push({ file: r.file, truth: r.truth.gps, smcheck: r.locationFires, why });
  }

  // person names
  const missing: Evaluation['names']['missing'] = [];
  let namesTotal = 0;
  for (const r of files) {
    for (const n of r.truth.personNames ?? []) {
      namesTotal++;
      if (!r.reportedNames.includes(n)) {
        missing.push({ file: r.file, name: n, why: r.status === 'error' ? `smcheck could not read it: ${r.error}` : r.meta ? `readPhoto people: ${JSON.stringify(r.meta.people.map((p) => p.value))}` : 'not read' });
      }
    }
  }

  // damaged files
  const corrupt = files.filter((r) => r.file.startsWith('corrupt/'));
  const cor = {
    total: corrupt.length,
    errors: corrupt.filter((r) => r.status === 'error').length,
    results: corrupt.filter((r) => r.status === 'pass' || r.status === 'fail').length,
    passed: corrupt.filter((r) => r.status === 'pass').map((r) => r.file),
    crashes: files.filter((r) => r.status === 'crash' || r.status === 'timeout').map((r) => `${r.file}: ${r.status} ${r.error ?? ''}`),
  };

  // other fields, for information
  const fields: Evaluation['fields'] = [];
  const cmp = (field: string, truthHas: (t: Truth) => boolean, mineHas: (m: NonNullable<FileResult['meta']>) => boolean) => {
    const row = { field, agree: 0, total: 0, misses: [] as string[], extras: [] as string[] };
    for (const r of files) {
      if (!r.meta) continue;
      row.total++;
      const a = truthHas(r.truth), b = mineHas(r.meta);
      if (a === b) row.agree++;
      else (a ? row.misses : row.extras).push(r.file);
    }
    fields.push(row);
  };
  cmp('photographer (Artist, dc:creator, By-line, XPAuthor)', (t) => !!(t.artist || t.creator?.length || t.iptcByline || t.xpAuthor), (m) => m.creators.some((c) => /^(Artist|XMP-dc:Creator|IPTC:By-line|XPAuthor)$/.test(c.tag)));
  cmp('copyright', (t) => !!t.copyright, (m) => m.copyright.some((c) => !c.tag.startsWith('XMP-plus')));
  cmp('caption (ImageDescription, dc:description, Caption-Abstract)', (t) => !!t.caption, (m) => m.texts.some((x) => ['ImageDescription', 'XMP-dc:Description', 'IPTC:Caption-Abstract'].includes(x.tag)));
  cmp('keywords', (t) => (t.keywords ?? []).length > 0, (m) => m.keywords.length > 0);
  cmp('serial number', (t) => !!t.serial, (m) => m.serials.length > 0);
  cmp('EXIF thumbnail (IFD1)', (t) => !!t.hasThumbnail, (m) => !!m.thumbnail);
  cmp('orientation', (t) => t.orientation !== null && t.orientation !== undefined, (m) => m.orientation !== undefined);

  return {
    files,
    location: { agree: files.length - disagreements.length - stricter.length, total: files.length, disagreements, stricter },
    names: { found: namesTotal - missing.length, total: namesTotal, missing },
    corrupt: cor,
    fields,
    ms,
  };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(IMAGES_DIR, 'truth.json'))) {
    console.log(`images eval: skipped, ${IMAGES_DIR} is not there`);
    return;
  }
  const ev = await evaluateImages();
  const n = ev.files.length;
  console.log(`smcheck photo rules vs ExifTool 12.57 on ${n} files (${(ev.ms / 1000).toFixed(1)} s, ${(ev.ms / n).toFixed(1)} ms per file through the engine)\n`);
  console.log(`image-location fires exactly where ExifTool finds a GPS position: ${ev.location.agree}/${ev.location.total}`);
  const gpsTrue = ev.files.filter((r) => r.truth.gps);
  console.log(`  ExifTool GPS: ${gpsTrue.length} files; image-location fired on ${gpsTrue.filter((r) => r.locationFires).length} of them, and on ${ev.files.filter((r) => !r.truth.gps && r.locationFires).length} others`);
  for (const d of ev.location.disagreements) console.log(`  DISAGREE ${d.file}: ExifTool ${d.truth ? 'GPS' : 'no GPS'}, smcheck ${d.smcheck ? 'fires' : 'quiet'}: ${d.why}`);
  console.log(`\nperson names ExifTool found, reported by image-metadata: ${ev.names.found}/${ev.names.total}`);
  for (const m of ev.names.missing) console.log(`  MISSING ${m.file}: '${m.name}' (${m.why})`);
  console.log(`\ndamaged files (corrupt/): ${ev.corrupt.total}: ${ev.corrupt.errors} clear errors (status error, one line), ${ev.corrupt.results} results (${ev.corrupt.passed.length} passed)`);
  for (const r of ev.files.filter((f) => f.file.startsWith('corrupt/'))) {
    const how = r.status === 'error' ? `error: ${r.error}` : `${r.status}${r.damaged ? ' (reported as damaged)' : ''}${r.locationFires ? ', GPS reported' : ''}`;
    console.log(`  ${r.file.padEnd(44)} ${how}`);
  }
  console.log(`crashes or hangs: ${ev.corrupt.crashes.length}`);
  for (const c of ev.corrupt.crashes) console.log(`  ${c}`);
  const realErrors = ev.files.filter((r) => !r.file.startsWith('corrupt/') && r.status === 'error');
  console.log(`\noriginals that smcheck cannot read: ${realErrors.length}`);
  for (const r of realErrors) console.log(`  ${r.file}: ${r.error}`);
  const realDamaged = ev.files.filter((r) => !r.file.startsWith('corrupt/') && r.damaged);
  console.log(`originals reported as damaged: ${realDamaged.length}${realDamaged.length ? `: ${realDamaged.map((r) => r.file).join(', ')}` : ''}`);
  console.log('\nother fields (readPhoto vs truth.json, for information):');
  for (const f of ev.fields) {
    console.log(`  ${f.field.padEnd(58)} ${f.agree}/${f.total}${f.misses.length ? `  missed: ${f.misses.join(', ')}` : ''}${f.extras.length ? `  extra: ${f.extras.join(', ')}` : ''}`);
  }
  if (process.argv.includes('--files')) {
    console.log('\nper file:');
    for (const r of ev.files) console.log(`  ${r.file}: ${r.status}${r.locationFires ? ' GPS' : ''}${r.damaged ? ' damaged' : ''} ${r.ms.toFixed(1)} ms`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}

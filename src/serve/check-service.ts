/**
 * What `smcheck serve` does with a request: the same config, rules and engine as the CLI
 * (no second implementation). An upload is written to a private temporary folder (mode 0700),
 * checked there exactly as `smcheck post.md photo.jpg` would check it, and the folder is removed
 * before the answer is sent. Nothing is written anywhere else.
 */
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Report } from '../types.js';
import { UsageError } from '../errors.js';
import { findConfig } from '../config/config.js';
import { Groups, type Group } from '../batch/groups.js';
import { checkDraft, photoRef } from '../engine/run.js';
import { buildReport } from '../engine/report.js';
import { VERSION } from '../version.js';

export interface UploadedFile {
  /** The name the user's file had (only its last part is used, made safe). */
  name: string;
  data: Buffer;
}

export interface CheckUpload {
  text: string;
  /** The draft's file name when it was opened from a file (decides Markdown or plain text). */
  name?: string;
  photos: UploadedFile[];
}

export interface PhotoView {
  /** The name the photo has in the report's findings. */
  name: string;
  /** A small JPEG (rotated, metadata stripped) as a data: URL, or absent if it cannot be drawn. */
  thumb?: string;
}

export interface CheckAnswer {
  report: Report;
  /** The draft's text as it was checked (findings' lines and columns point into it). */
  text: string;
  /** The text with the mechanical fixes applied (surnames removed…), when any applied. */
  fixedText?: string;
  photos: PhotoView[];
}

export interface SchoolInfo {
  school?: string;
  config?: string;
  pupils: number;
  staff: number;
  noPublish: number;
  consent?: number;
  rules: string[];
}

const PHOTO_EXT = /\.(jpe?g|png|heic|heif|tiff?|webp|avif|gif)$/i;

/** A file name safe to write in our own folder: last path part, no control or odd characters. */
export function safeName(name: string, fallback: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '-').replace(/^[.\s-]+/, '').slice(0, 120);
  return cleaned || fallback;
}

/**
 * Loads the config and rules as the CLI does (src/batch/groups.ts), once, and again only when the
 * config file changes.
 */
export class CheckService {
  private loaded?: Promise<{ group: Group; file?: string; mtime: number }>;
  /** How many checks ran (the API tests assert that a refused request checked nothing). */
  checks = 0;

  constructor(private readonly opts: { config?: string; cwd: string }) {}

  private configFile(): string | undefined {
    return this.opts.config ? path.resolve(this.opts.cwd, this.opts.config) : findConfig(this.opts.cwd);
  }

  private async load(): Promise<Group> {
    const file = this.configFile();
    const mtime = file ? await stat(file).then((s) => s.mtimeMs, () => -1) : 0;
    const current = this.loaded ? await this.loaded.catch(() => undefined) : undefined;
    if (!current || current.mtime !== mtime || current.file !== file) {
      const groups = new Groups({ config: file, extraRuleDirs: [], disable: [] }, this.opts.cwd);
      this.loaded = groups.forConfig(file ?? '').then((group) => ({ group, file, mtime }));
    }
    return (await this.loaded!).group;
  }

  /** Fails with a UsageError (one plain line) when the config or a rule file is wrong. */
  async info(): Promise<SchoolInfo> {
    const { config, rules } = await this.load();
    const s = config.school;
    return {
      school: s.name,
      config: config.file ? path.relative(this.opts.cwd, config.file) || config.file : undefined,
      pupils: s.roster.length,
      staff: s.staff.length,
      noPublish: s.noPublish.length,
      consent: s.consent?.length,
      rules: rules.map((r) => r.id),
    };
  }

  async check(upload: CheckUpload): Promise<CheckAnswer> {
    const { config, rules, known } = await this.load();
    this.checks++;
    return withPrivateFolder(async (dir) => {
      const draftName = /\.(md|markdown|txt)$/i.test(upload.name ?? '') ? safeName(upload.name!, 'post.md') : 'post.md';
      const draftPath = path.join(dir, draftName);
      await writeFile(draftPath, upload.text, { mode: 0o600 });
      const photoNames = await writePhotos(dir, upload.photos, new Set([draftName.toLowerCase()]));
      const outcome = await checkDraft(
        { kind: 'draft', path: draftName, extraImages: photoNames.map((n) => photoRef(n, dir, 'cli')) },
        { rules, school: config.school, cwd: dir, fix: true, runCache: new Map(), knownRuleIds: known },
      );
      const photos: PhotoView[] = [];
      for (const n of photoNames) photos.push({ name: n, thumb: await thumbnail(path.join(dir, n), dir) });
      const report = buildReport([outcome], VERSION);
      return { report, text: outcome.text ?? upload.text, fixedText: outcome.fixedText, photos };
    });
  }

  /** The photo re-drawn from its pixels with every piece of metadata removed (as `smcheck clean`). */
  async clean(photo: UploadedFile): Promise<{ name: string; data: Buffer }> {
    const { config } = await this.load();
    return withPrivateFolder(async (dir) => {
      const [name] = await writePhotos(dir, [photo], new Set());
      const out = path.join(dir, 'out');
      const { cleanPhoto } = await import('../images/clean.js');
      const r = await cleanPhoto(path.join(dir, name!), { outDir: out, maxSize: config.school.maxImageSize });
      return { name: path.basename(r.out), data: await readFile(r.out) };
    });
  }
}

/** The text of a Word document, for the page's editor (mammoth, loaded only when asked). */
export async function docxText(data: Buffer): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  try {
    const r = await mammoth.extractRawText({ buffer: data });
    return r.value.replace(/\n{3,}/g, '\n\n').trim() + '\n';
  } catch {
    throw new UsageError('that file could not be read as a Word document (.docx). Save it again from Word, or paste the text.');
  }
}

async function withPrivateFolder<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'smcheck-serve-'));
  try {
    await chmod(dir, 0o700);
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writePhotos(dir: string, photos: UploadedFile[], taken: Set<string>): Promise<string[]> {
  const names: string[] = [];
  for (const [i, p] of photos.entries()) {
    let name = safeName(p.name, `photo-${i + 1}.jpg`);
    if (!PHOTO_EXT.test(name)) throw new UsageError(`${name}: not a photo smcheck can read. Use JPEG, PNG, HEIC, WebP, TIFF or AVIF.`);
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${stem}-${k}${ext}`;
    taken.add(name.toLowerCase());
    await writeFile(path.join(dir, name), p.data, { mode: 0o600 });
    names.push(name);
  }
  return names;
}

/**
 * A 320 px JPEG of the photo, turned the right way up, with no metadata (sharp keeps none unless
 * asked). HEIC, which sharp's prebuilt package does not decode, goes through `smcheck clean`'s
 * decoder first. A photo that cannot be drawn gets no thumbnail: the page shows its name.
 */
async function thumbnail(file: string, dir: string): Promise<string | undefined> {
  const sharp = (await import('sharp')).default;
  const draw = async (f: string) =>
    sharp(f, { failOn: 'none' }).rotate().resize(320, 320, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer();
  try {
    return `data:image/jpeg;base64,${(await draw(file)).toString('base64')}`;
  } catch {
    if (!/\.hei[cf]$/i.test(file)) return undefined;
    try {
      const { cleanPhoto } = await import('../images/clean.js');
      const r = await cleanPhoto(file, { outDir: path.join(dir, 'thumbs'), maxSize: 640 });
      return `data:image/jpeg;base64,${(await draw(r.out)).toString('base64')}`;
    } catch {
      return undefined;
    }
  }
}

/**
 * smcheck.yml: found from the draft's folder upwards (or given with --config), validated
 * strictly, and resolved into a School (with its CSV data loaded) plus the rule folders.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { School } from '../types.js';
import { UsageError } from '../errors.js';
import { parseStrictYaml } from './strict-yaml.js';
import { loadPeople } from './school-csv.js';
import { loadConsent } from './consent-csv.js';
import { KEY_ENV, isProtected, keyFromText, loadProtectedConsent, loadProtectedPeople, readKeyFile, type Key } from './protected.js';

export const CONFIG_NAMES = ['smcheck.yml', 'smcheck.yaml', '.smcheck.yml', '.smcheck.yaml'];

const stringList = z.array(z.string().min(1));

export const configSchema = z
  .object({
    school: z.string().optional(),
    roster: z.string().min(1).optional(),
    staff: z.string().min(1).optional(),
    noPublish: z.string().min(1).optional(),
    consent: z.string().min(1).optional(),
    key: z.string().min(1).optional(),
    record: z.string().min(1).optional(),
    rules: z.union([z.string().min(1), stringList]).optional(),
    disable: stringList.optional(),
    allowNames: stringList.optional(),
    classes: stringList.optional(),
    schoolDomains: stringList.optional(),
    allowTimes: z.array(z.union([z.string().min(1), z.number()])).optional(),
    site: z
      .object({
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        radius: z.number().positive().default(300),
      })
      .strict()
      .optional(),
    devices: z
      .array(
        z
          .object({ make: z.string().optional(), model: z.string().optional(), serial: z.union([z.string(), z.number()]).optional() })
          .strict(),
      )
      .optional(),
    maxImageSize: z.number().int().positive().optional(),
    maxDraftSize: z.number().positive().max(1024).optional(),
    severity: z.record(z.string(), z.enum(['error', 'warning', 'info'])).optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;

export interface LoadedConfig {
  /** Absolute path of the config file, if one was found. */
  file?: string;
  school: School;
  /** Extra rule folders (absolute). */
  ruleDirs: string[];
  disable: string[];
  severity: Record<string, 'error' | 'warning' | 'info'>;
  /** `record:` folder (absolute): write a record of every check there. */
  recordDir?: string;
  /** Absolute paths of the config and the school data files it names (hashed into each record). */
  dataFiles: string[];
}

/**
 * The config to use: SMCHECK_CONFIG when set (a shared config used from any folder), else
 * the first config file from `startDir` upwards.
 */
export function findConfig(startDir: string): string | undefined {
  const shared = process.env.SMCHECK_CONFIG;
  if (shared) return path.resolve(shared);
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = path.join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function emptySchool(): School {
  return {
    roster: [],
    staff: [],
    noPublish: [],
    classes: [],
    allowNames: [],
    schoolDomains: [],
    allowTimes: [],
    devices: [],
    maxImageSize: 2048,
  };
}

/** Load and validate a config file, and the school data it names. Paths in it are relative to it. */
export function loadConfig(file: string | undefined, cwd = process.cwd()): LoadedConfig {
  if (!file) return { school: emptySchool(), ruleDirs: [], disable: [], severity: {}, dataFiles: [] };
  const abs = path.resolve(cwd, file);
  const shown = path.relative(cwd, abs) || abs;
  let source: string;
  try {
    source = readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? process.env.SMCHECK_CONFIG && path.resolve(process.env.SMCHECK_CONFIG) === abs
          ? `${shown}: config file not found (named by SMCHECK_CONFIG). Fix or unset SMCHECK_CONFIG.`
          : `${shown}: config file not found. Check the --config path, or run 'smcheck init' to make one.`
        : `${shown}: could not read the config (${code}).`,
    );
  }
  const { value: cfg } = parseStrictYaml(source, shown, configSchema, 'config');
  const base = path.dirname(abs);
  const rel = (p: string): { abs: string; shown: string } => {
    const a = path.resolve(base, p);
    return { abs: a, shown: path.relative(cwd, a) || a };
  };
  const school = emptySchool();
  school.configPath = abs;
  if (cfg.school) school.name = cfg.school;
  if (cfg.roster) {
    const r = rel(cfg.roster);
    school.roster = loadPeople(r.abs, r.shown, 'roster', (school.notes ??= []));
  }
  if (cfg.staff) {
    const r = rel(cfg.staff);
    school.staff = loadPeople(r.abs, r.shown, 'staff list');
  }
  // The key for protected lists: SMCHECK_KEY, else the file named by `key:`; read only when a list needs it.
  let key: Key | undefined;
  const getKey = (): Key | undefined => {
    if (key) return key;
    if (process.env[KEY_ENV]) return (key = keyFromText(process.env[KEY_ENV]!, KEY_ENV));
    if (cfg.key) {
      const r = rel(cfg.key);
      return (key = readKeyFile(r.abs, r.shown));
    }
    return undefined;
  };
  const dataFiles = [abs];
  for (const f of [cfg.roster, cfg.staff, cfg.noPublish, cfg.consent]) if (f) dataFiles.push(rel(f).abs);
  if (cfg.noPublish) {
    const r = rel(cfg.noPublish);
    school.noPublish = isProtected(r.abs)
      ? loadProtectedPeople(r.abs, r.shown, 'no-publish list', getKey(), school.roster)
      : loadPeople(r.abs, r.shown, 'no-publish list');
  }
  if (cfg.consent) {
    const r = rel(cfg.consent);
    school.consent = isProtected(r.abs) ? loadProtectedConsent(r.abs, r.shown, getKey(), school.roster) : loadConsent(r.abs, r.shown);
  }
  school.classes = cfg.classes ?? [];
  school.allowNames = cfg.allowNames ?? [];
  school.schoolDomains = (cfg.schoolDomains ?? []).map((d) => d.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, ''));
  school.allowTimes = (cfg.allowTimes ?? []).map(String);
  if (cfg.site) school.site = cfg.site;
  school.devices = (cfg.devices ?? []).map((d) => ({ ...d, serial: d.serial === undefined ? undefined : String(d.serial) }));
  if (cfg.maxImageSize) school.maxImageSize = cfg.maxImageSize;
  if (cfg.maxDraftSize) school.maxDraftBytes = Math.round(cfg.maxDraftSize * 1024 * 1024);
  const ruleDirs = (cfg.rules === undefined ? [] : Array.isArray(cfg.rules) ? cfg.rules : [cfg.rules]).map((d) => {
    const r = rel(d);
    if (!existsSync(r.abs) || !statSync(r.abs).isDirectory()) {
      throw new UsageError(`${shown}: the rules folder '${d}' does not exist (looked in ${r.shown}). Fix 'rules:' in the config.`);
    }
    return r.abs;
  });
  const out: LoadedConfig = { file: abs, school, ruleDirs, disable: cfg.disable ?? [], severity: cfg.severity ?? {}, dataFiles };
  if (cfg.record) out.recordDir = rel(cfg.record).abs;
  return out;
}

/**
 * Which config and school lists a run used, for the first line of every report (issue 10: no
 * silent PASS without the school's lists). Counts only: no name from any list is ever shown.
 */
import path from 'node:path';
import type { ConfigSummary } from '../types.js';
import type { LoadedConfig } from '../config/config.js';
import type { LoadedRule } from './rules.js';

export const NO_CONFIG_NOTICE =
  "no smcheck.yml found: pupils' names were looked for by language analysis only, without the school's pupil, staff, " +
  "no-publish or consent lists. Run 'smcheck init' in the school's folder to set them up.";

/** A path as the user would recognise it: relative below `cwd`, absolute elsewhere. */
function shown(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

export function summarizeConfig(config: LoadedConfig, rules: LoadedRule[], cwd: string): ConfigSummary {
  const { school } = config;
  const out: ConfigSummary = {
    file: config.file ? shown(config.file, cwd) : null,
    pupils: school.roster.length,
    staff: school.staff.length,
    noPublish: school.noPublish.length,
    consent: school.consent ? school.consent.length : null,
    disabled: [...config.disable],
    replaced: rules.filter((r) => r.replaces).map((r) => ({ rule: r.id, by: r.file })),
  };
  if (school.name) out.school = school.name;
  if (!config.file) out.notice = NO_CONFIG_NOTICE;
  return out;
}

/**
 * `smcheck --print-config [path]`: the configuration smcheck would use for a draft (as ESLint's
 * --print-config): which config file, the school lists by count (never a name from them), the
 * config's own settings, and every rule with its severity, kind, file and whether it is on.
 */
import path from 'node:path';
import { findConfig, loadConfig } from '../config/config.js';
import { loadRules } from '../engine/rules.js';
import { summarizeConfig } from '../engine/config-summary.js';
import { escapeJsonControls } from '../report/escape.js';

export interface PrintConfigOptions {
  config?: string;
  rules: string[];
  disable: string[];
}

export async function printConfig(target: string | undefined, opts: PrintConfigOptions, cwd = process.cwd()): Promise<string> {
  const dir = target ? path.dirname(path.resolve(cwd, target)) : cwd;
  const file = opts.config ?? process.env.SMCHECK_CONFIG ?? findConfig(dir);
  const config = loadConfig(file, cwd);
  const all = await loadRules({ dirs: [...config.ruleDirs, ...opts.rules.map((d) => path.resolve(cwd, d))], disable: [], severity: config.severity, cwd });
  const off = new Set([...config.disable, ...opts.disable]);
  const { school } = config;
  const out = {
    ...summarizeConfig(config, all, cwd),
    settings: {
      classes: school.classes,
      allowNames: school.allowNames,
      schoolDomains: school.schoolDomains,
      allowTimes: school.allowTimes,
      ...(school.site ? { site: school.site } : {}),
      devices: school.devices.length,
      maxImageSize: school.maxImageSize,
    },
    ruleDirs: config.ruleDirs.map((d) => path.relative(cwd, d) || '.'),
    rules: Object.fromEntries(
      all.map((r) => [
        r.id,
        {
          severity: off.has(r.id) ? 'off' : r.severity,
          kind: r.extends,
          file: r.file,
          ...(r.protected ? { protected: true } : {}),
          ...(r.replaces ? { replaces: r.replaces } : {}),
        },
      ]),
    ),
  };
  return `${escapeJsonControls(JSON.stringify(out, null, 2))}\n`;
}

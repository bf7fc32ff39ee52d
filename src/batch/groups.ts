/**
 * One config per folder tree: drafts in different schools' folders use their own config. The
 * config is found once per folder (memoised on the way up, so 10,000 drafts in 50 folders look
 * for it 50 times, not 10,000) and loaded once per config file. Used by the CLI and, with the
 * same options, by each worker thread.
 */
import path from 'node:path';
import { findConfig, loadConfig, type LoadedConfig } from '../config/config.js';
import { applyDisable, loadRules, type LoadedRule } from '../engine/rules.js';
import { summarizeConfig } from '../engine/config-summary.js';
import type { ConfigSummary } from '../types.js';

export interface Group {
  config: LoadedConfig;
  rules: LoadedRule[];
  known: Set<string>;
  /** The report's config line: which config and lists were used (counts only). */
  summary: ConfigSummary;
}

/** What a group needs from the command line (plain data: it is sent to worker threads). */
export interface GroupOptions {
  /** --config, as given. */
  config?: string;
  /** --rules folders, absolute. */
  extraRuleDirs: string[];
  /** --disable ids. */
  disable: string[];
}

export class Groups {
  private byFile = new Map<string, Promise<Group>>();
  private configOfDir = new Map<string, string | undefined>();

  constructor(private opts: GroupOptions, private cwd: string) {}

  /** The config file (absolute, or '' for none) that applies to a folder. */
  configFor(dir: string): string {
    if (this.opts.config) return path.resolve(this.cwd, this.opts.config);
    return this.findUp(path.resolve(this.cwd, dir)) ?? '';
  }

  forDir(dir: string): Promise<Group> {
    return this.forConfig(this.configFor(dir));
  }

  /** The group of a config file ('' = none). */
  forConfig(file: string): Promise<Group> {
    let g = this.byFile.get(file);
    if (!g) {
      g = this.load(file);
      this.byFile.set(file, g);
    }
    return g;
  }

  /** Every group loaded so far (the first one gives --fix its photo size). */
  loaded(): Promise<Group>[] {
    return [...this.byFile.values()];
  }

  private async load(file: string): Promise<Group> {
    const { cwd } = this;
    const config = loadConfig(file || undefined, cwd);
    const all = await loadRules({ dirs: [...config.ruleDirs, ...this.opts.extraRuleDirs], disable: [], severity: config.severity, cwd });
    const configName = path.relative(cwd, config.file ?? '') || 'the config';
    const disable = [
      ...config.disable.map((id) => ({ id, where: `disable: in ${configName}` })),
      ...this.opts.disable.map((id) => ({ id, where: '--disable' })),
    ];
    return { config, rules: applyDisable(all, disable), known: new Set(all.map((r) => r.id)), summary: summarizeConfig(config, all, cwd) };
  }

  /** findConfig, once per folder. */
  private findUp(dir: string): string | undefined {
    if (!this.configOfDir.has(dir)) this.configOfDir.set(dir, findConfig(dir));
    return this.configOfDir.get(dir);
  }
}

/** `smcheck rules`: the rules that would run, with their severity, kind and policy line. */
import path from 'node:path';
import { Chalk } from 'chalk';
import { findConfig, loadConfig } from '../config/config.js';
import { loadRules, type LoadedRule } from '../engine/rules.js';
import { useColor } from './color.js';
import { safe } from '../report/escape.js';

export interface RulesOptions {
  config?: string;
  rules: string[];
  color?: boolean;
}

export async function loadForCommand(opts: RulesOptions, cwd = process.cwd()): Promise<{ rules: LoadedRule[]; disabled: string[] }> {
  const file = opts.config ?? findConfig(cwd);
  const config = loadConfig(file, cwd);
  const rules = await loadRules({
    dirs: [...config.ruleDirs, ...opts.rules.map((d) => path.resolve(cwd, d))],
    disable: [],
    severity: config.severity,
    cwd,
  });
  return { rules, disabled: config.disable };
}

export async function runRules(opts: RulesOptions): Promise<number> {
  const c = new Chalk({ level: useColor(opts.color) ? 1 : 0 });
  const { rules, disabled } = await loadForCommand(opts);
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) {
    const off = disabled.includes(r.id);
    const sev = r.severity === 'error' ? c.red('error  ') : r.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
    const note = r.replaces ? c.yellow(`  (${safe(r.file)} replaces the built-in rule)`) : '';
    process.stdout.write(
      `${(off ? c.dim : c.bold)(r.id.padEnd(width))}  ${off ? c.dim('off    ') : sev}  ${c.dim(r.extends.padEnd(14))} ${c.italic(`“${safe(r.policy)}”`)}${note}\n`,
    );
  }
  process.stdout.write(c.dim(`\n${rules.length} rules. 'smcheck explain <id>' tells what one checks and why.\n`));
  return 0;
}

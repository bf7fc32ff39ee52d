/** `smcheck explain <id>`: the policy text, what the rule catches and leaves alone, and examples. */
import { Chalk } from 'chalk';
import { UsageError } from '../errors.js';
import { didYouMean } from '../did-you-mean.js';
import { useColor } from './color.js';
import { safe, safeLines } from '../report/escape.js';
import { loadForCommand, type RulesOptions } from './rules.js';

export async function runExplain(id: string, opts: RulesOptions): Promise<number> {
  const c = new Chalk({ level: useColor(opts.color) ? 1 : 0 });
  const { rules } = await loadForCommand(opts);
  const found = rules.find((r) => r.id === id);
  // a user's rule file is shown as text: no control character reaches the terminal raw
  const rule = found && {
    ...found,
    file: safe(found.file),
    policy: safe(found.policy),
    section: found.section && safe(found.section),
    description: found.description && safeLines(found.description),
    catches: found.catches?.map(safe),
    ignores: found.ignores?.map(safe),
    examples: found.examples && { bad: found.examples.bad?.map(safe), good: found.examples.good?.map(safe) },
  };
  if (!rule) {
    throw new UsageError(`no rule '${id}'.${didYouMean(id, rules.map((r) => r.id))} Known rules: ${rules.map((r) => r.id).join(', ')}.`);
  }
  const out: string[] = [];
  out.push(`${c.bold(rule.id)}  ${rule.severity}  (check kind: ${rule.extends}; defined in ${rule.file})`);
  out.push('');
  out.push(c.bold('Policy'));
  out.push(`  "${rule.policy}"`);
  if (rule.section) out.push(c.dim(`  (section: ${rule.section})`));
  if (rule.description) {
    out.push('', c.bold('What it checks'), ...wrap(rule.description, 78).map((l) => `  ${l}`));
  }
  if (rule.catches?.length) out.push('', c.bold('Catches'), ...rule.catches.map((s) => `  - ${s}`));
  if (rule.ignores?.length) out.push('', c.bold('Leaves alone'), ...rule.ignores.map((s) => `  - ${s}`));
  if (rule.examples?.bad?.length) out.push('', c.bold('Example it flags'), ...rule.examples.bad.map((s) => `  ${c.red('✗')} ${s}`));
  if (rule.examples?.good?.length) out.push('', c.bold('Example it allows'), ...rule.examples.good.map((s) => `  ${c.green('✓')} ${s}`));
  out.push('', c.dim(`To switch it off for one line, with a reason the report keeps:`));
  out.push(c.dim(`  <!-- smcheck-disable-next-line ${rule.id} -- why this is fine -->`));
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.trim().split(/\n\s*\n/)) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    lines.push('');
  }
  lines.pop();
  return lines;
}

// Part of the build: decode and validate the built-in rules/*.yml once, and write them as
// dist/rules.json with a fingerprint of their sources. At run time smcheck uses the JSON only
// while the fingerprint matches rules/ (so an edited rule is never ignored).
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRulesDir, compiledRulesPath, loadRuleFile, rulesStamp, type CompiledRules } from '../src/engine/rules.js';

const dir = builtinRulesDir();
const files = readdirSync(dir)
  .filter((n) => /\.ya?ml$/i.test(n))
  .sort()
  .map((n) => ({ abs: path.join(dir, n), shown: path.join('rules', n) }));
const rules = await Promise.all(files.map((f) => loadRuleFile(f.abs, f.shown)));
const out: CompiledRules = { stamp: rulesStamp(files), rules: rules.map(({ check: _check, ...r }) => r) };
writeFileSync(compiledRulesPath(), JSON.stringify(out));
console.log(`compiled ${rules.length} built-in rules into dist/rules.json`);

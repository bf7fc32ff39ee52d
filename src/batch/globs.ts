/**
 * Globs for shells that do not expand them (Windows cmd and PowerShell, or a quoted pattern):
 * `smcheck "drafts/*.md"`. A path that exists is never treated as a pattern; a pattern that
 * matches nothing is left as it is, so it is reported as missing. Matching is tinyglobby's.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const GLOB_CHARS = /[*?[\]{}]/;

export async function expandGlobs(paths: string[], cwd: string): Promise<string[]> {
  if (!paths.some((p) => GLOB_CHARS.test(p) && !existsSync(path.resolve(cwd, p)))) return paths;
  const { globSync } = await import('tinyglobby');
  const out: string[] = [];
  for (const p of paths) {
    if (!GLOB_CHARS.test(p) || existsSync(path.resolve(cwd, p))) {
      out.push(p);
      continue;
    }
    const pattern = p.split(path.sep).join('/');
    const found = globSync(pattern, { cwd, onlyFiles: true, dot: false, expandDirectories: false, absolute: path.isAbsolute(p) }).sort();
    if (found.length === 0) out.push(p);
    else out.push(...found.map((f) => path.normalize(f)));
  }
  return out;
}

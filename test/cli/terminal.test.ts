/**
 * What a person sees in a real terminal (issue 15): smcheck run in a pseudo-terminal made by
 * `script` (util-linux), so stdout.isTTY and the terminal's width are real. Skips, saying why,
 * where `script` is absent.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { stripVTControlCharacters } from 'node:util';
import { ROOT } from '../helpers/rule-tester.js';
import { BIN } from '../helpers/cli.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasScript) console.log('terminal tests: skipped, `script` (util-linux) is not installed');

function inTerminal(cols: number, args: string[], env: Record<string, string> = {}) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const base: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'LINES']) if (!(k in env)) delete base[k];
  const r = spawnSync('script', ['-q', '-e', '-c', `stty cols ${cols} rows 200; ${quoted}`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: base, timeout: 60_000 });
  return { code: r.status, raw: r.stdout.replace(/\r\n/g, '\n') };
}

describe.skipIf(!hasScript)('in a real terminal', () => {
  for (const cols of [60, 100]) {
    it(`${cols} columns: coloured, every line fits, the underline under its word`, () => {
      const { code, raw } = inTerminal(cols, ['fixtures/drafts/sports-day.md']);
      expect(code).toBe(1);
      expect(raw).toContain('\u001b['); // a terminal gets colour
      const lines = stripVTControlCharacters(raw).split('\n');
      for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(cols);
      const i = lines.findIndex((l) => /^ {10}│ +\^+$/.test(l) && lines[lines.indexOf(l) - 1].includes('Amelia Hughes'));
      expect(i).toBeGreaterThan(0);
      const col = lines[i].indexOf('^');
      expect(lines[i - 1].slice(col, col + 'Amelia Hughes'.length)).toBe('Amelia Hughes');
      expect(lines.at(-2) ?? lines.at(-1)).toMatch(/FAIL: 6 problems to fix before posting\./);
    });
  }

  it('NO_COLOR and --no-color give plain text in a terminal too', () => {
    expect(inTerminal(80, ['fixtures/drafts/harvest-festival.md'], { NO_COLOR: '1' }).raw).not.toContain('\u001b[');
    expect(inTerminal(80, ['--no-color', 'fixtures/drafts/harvest-festival.md']).raw).not.toContain('\u001b[');
  });

  it('a draft with ESC and BEL cannot drive the terminal', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'smcheck-tty-'));
    const draft = path.join(dir, 'evil.md');
    writeFileSync(draft, 'Thanks @a \u001b]0;pwned\u0007 and \u001b[2J for coming\n');
    let raw: string;
    try {
      raw = inTerminal(80, [draft]).raw;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(stripVTControlCharacters(raw)).toContain('Thanks @a ␛]0;pwned␇ and ␛[2J for coming');
    // only SGR colour sequences reach the terminal: no title, clear-screen or bell
    expect(raw.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});

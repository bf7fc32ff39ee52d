import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/engine/rules.js';
import { emptySchool } from '../../src/config/config.js';
import { runOn, ROOT } from '../helpers/rule-tester.js';

const rules = (await loadRules({ dirs: [], disable: [], cwd: ROOT })).filter((r) => r.id === 'tagging');
const at = async (text: string, format: 'markdown' | 'text' = 'markdown') =>
  (await runOn(text, rules, emptySchool(), { format })).findings.map((f) => [f.line, f.column, f.endLine, f.endColumn, f.excerpt]);

describe('findings map back to line:column in the original file', () => {
  it('CRLF line endings', async () => {
    expect(await at('First line\r\nSecond @bob line\r\n')).toEqual([[2, 8, 2, 12, '@bob']]);
  });
  it('a BOM is not a column', async () => {
    expect(await at('\uFEFF@bob')).toEqual([[1, 1, 1, 5, '@bob']]);
  });
  it('multi-byte characters count as one column each', async () => {
    expect(await at('Zoë 😀 Müller 🎉🎉 @bob')).toEqual([[1, 17, 1, 21, '@bob']]);
  });
  it('front matter, headings and alt text keep their real positions', async () => {
    expect(await at('---\r\ntitle: Hi @pta\r\n---\r\n## Thanks @coach\r\n\r\n![Me and @sam](a.png)\r\n')).toEqual([
      [2, 11, 2, 15, '@pta'],
      [4, 11, 4, 17, '@coach'],
      [6, 10, 6, 14, '@sam'],
    ]);
  });
  it('plain text with CRLF and a BOM', async () => {
    expect(await at('\uFEFFa\r\nb\r\n  @x_y', 'text')).toEqual([[3, 3, 3, 7, '@x_y']]);
  });
});

describe('excerpts read as the post does', () => {
  it('markup inside a span is left out, line breaks fold to spaces', async () => {
    const { excerptOf } = await import('../../src/engine/run.js');
    const { parseDraft } = await import('../../src/inputs/draft.js');
    const d = parseDraft('Doors open at 6:*30*pm and **Amelia**\nHughes ran', { path: 'd.md', absPath: '/tmp/d.md', format: 'markdown' });
    const a = d.text.indexOf('6:');
    expect(excerptOf(d, a, d.text.indexOf('pm') + 2)).toBe('6:30pm');
    const b = d.text.indexOf('**Amelia');
    expect(excerptOf(d, b, d.text.indexOf('Hughes') + 6)).toBe('Amelia Hughes');
  });
});

/**
 * Property tests for reading drafts (issue 13 "what it must show"): random Markdown nesting and
 * sizes, random encodings. Invariants: no crash (only InputError for bad bytes), prose the same
 * length as the text, and time within a bound linear in size.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDraft, parseDraftBytes } from '../../src/inputs/draft.js';
import { InputError } from '../../src/errors.js';

const WHERE = { path: 'p.md', absPath: '/p.md', format: 'markdown' as const };

// Markdown building blocks, nested at random: quotes, lists, emphasis, links, images, code,
// HTML comments, front matter, tables, look-alike and invisible characters.
const word = fc.constantFrom('Amelia', 'Hughes', 'L\u0435o', 'Zo\u00eb', 'at', '3:15pm', 'the', 'class', '\u200b', 'caf\u00e9', '\u00ad', '😀', '@school', 'https://x.org/a');
const inline = fc.array(word, { minLength: 1, maxLength: 12 }).chain((ws) =>
  fc.constantFrom((s: string) => s, (s: string) => `*${s}*`, (s: string) => `**${s}**`, (s: string) => `[${s}](http://x.org)`, (s: string) => `![${s}](p.jpg)`, (s: string) => `\`${s}\``, (s: string) => `<!-- ${s} -->`).map((f) => f(ws.join(' '))),
);
const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    inline,
    tie('block').map((b) => b.split('\n').map((l) => `> ${l}`).join('\n')),
    tie('block').map((b) => b.split('\n').map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n')),
    inline.map((s) => `# ${s}`),
    inline.map((s) => `| a | b |\n|---|---|\n| ${s} | x |`),
    inline.map((s) => `\`\`\`\n${s}\n\`\`\``),
  ),
})).block;
const markdown = fc.tuple(fc.boolean(), fc.array(block, { maxLength: 20 })).map(([fm, bs]) => `${fm ? '---\ntitle: Sports Day\n---\n' : ''}${bs.join('\n\n')}\n`);

function encode(text: string, enc: 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'win1252'): Buffer {
  switch (enc) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const b = Buffer.from(text, 'utf16le');
      for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
    }
    case 'win1252': return Buffer.from(text.replace(/[^\x00-\xff]/g, '?'), 'latin1');
  }
}

describe('drafts: random Markdown, nesting and encodings', () => {
  it('never crashes, and prose keeps the text\'s length', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const d = parseDraft(md, WHERE);
        expect(d.prose.length).toBe(d.text.length);
        for (const b of d.blocks) expect(b.end).toBeLessThanOrEqual(d.text.length);
      }),
      { numRuns: 150, seed: 13 },
    );
  });
  it('every encoding decodes back to the text (Windows-1252 for its own characters)', () => {
    fc.assert(
      fc.property(markdown, fc.constantFrom('utf8', 'utf8bom', 'utf16le', 'utf16be', 'win1252') as fc.Arbitrary<Parameters<typeof encode>[1]>, (md, enc) => {
        const d = parseDraftBytes(encode(md, enc), WHERE);
        const want = enc === 'win1252' ? md.replace(/[^\x00-\xff]/g, '?') : md;
        expect(d.text).toBe(want);
      }),
      { numRuns: 150, seed: 15 },
    );
  });
  it('random bytes: a draft or one InputError, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        try {
          const d = parseDraftBytes(bytes, WHERE);
          expect(d.prose.length).toBe(d.text.length);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 200, seed: 4 },
    );
  });
  it('deep nesting of any kind, to 3,000 levels, does not overflow the stack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('> ', '- ', '* ', '1. '), (depth, marker) => {
        const md = marker === '> ' ? `${'>'.repeat(depth)} Amelia\n` : Array.from({ length: Math.min(depth, 300) }, (_, i) => `${'  '.repeat(i)}${marker}Amelia`).join('\n');
        const d = parseDraft(md, WHERE);
        expect(d.prose).toContain('Amelia');
      }),
      { numRuns: 8, seed: 5 },
    );
  });
  it('time is within a bound linear in size (x8 the text: well under x8 squared the time)', () => {
    const unit = fc.sample(markdown, { numRuns: 40, seed: 9 }).join('\n');
    const time = (text: string): number => {
      const t0 = performance.now();
      parseDraft(text, WHERE);
      return performance.now() - t0;
    };
    time(unit); // warm up
    const small = Math.max(time(unit.repeat(2)), 5);
    const large = time(unit.repeat(16));
    // linear would be x8; quadratic x64. Allow x24 for a loaded machine and GC.
    expect(large / small).toBeLessThan(24);
  });
});

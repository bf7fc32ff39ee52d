/**
 * Reading drafts safely (issue 13 points 2 and 4, issue 15 "every input staff have"): encodings,
 * Word documents, look-alike characters, size caps, non-regular files, deep nesting, long lines.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDraft, readDraft } from '../../src/inputs/draft.js';
import { decodeText } from '../../src/inputs/decode.js';
import { InputError } from '../../src/errors.js';
import { LineMap } from '../../src/text/positions.js';
import { foldLookalikes } from '../../src/text/lookalikes.js';
import { ROOT } from '../helpers/rule-tester.js';
import { tmpDir } from '../helpers/tmp.js';

const utf16le = (s: string, bom = true): Buffer => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string): Buffer => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

async function read(name: string, bytes: Buffer | string, opts = {}) {
  const dir = tmpDir();
  writeFileSync(path.join(dir, name), bytes);
  return readDraft(name, dir, opts);
}

describe('encodings: decoded, never read as garbage (issue 13 point 2)', () => {
  it('Windows-1252 (Word/Excel on Windows): "Zoë" is Zoë, and the report notes it', async () => {
    const d = await read('post.md', Buffer.from([...Buffer.from('Well done Zo'), 0xeb, ...Buffer.from(' and Ren'), 0xe9, 0x0a]));
    expect(d.text).toBe('Well done Zoë and René\n');
    expect(d.encoding).toBe('windows-1252');
  });
  it('UTF-16 with a BOM, either byte order, is decoded, not refused', async () => {
    const le = await read('le.md', utf16le('Hello Zoë\nLine two\n'));
    expect(le.text).toBe('Hello Zoë\nLine two\n');
    expect(le.encoding).toBe('utf-16le');
    const be = await read('be.txt', utf16be('Hello Zoë\n'));
    expect(be.text).toBe('Hello Zoë\n');
    expect(be.encoding).toBe('utf-16be');
  });
  it('UTF-16 without a BOM is recognised by its zero bytes', () => {
    expect(decodeText(utf16le('Hello Zoë and friends\n', false))?.text).toBe('Hello Zoë and friends\n');
  });
  it('UTF-8 (with or without a BOM) is UTF-8 and needs no note', async () => {
    const d = await read('post.md', '\uFEFFHello Zoë\n');
    expect(d.text).toBe('Hello Zoë\n');
    expect(d.encoding).toBeUndefined();
  });
  it('binary with zero bytes is not a text file', async () => {
    await expect(read('post.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44]))).rejects.toThrow(/is not a text file/);
  });
});

describe('look-alike characters keep the prose the same length (issue 13 point 2)', () => {
  const cases: [string, string][] = [
    ['Well done Le\u043e!', 'Well done Leo!'], // Cyrillic о
    ['Well done \uff2c\uff45\uff4f!', 'Well done Leo!'], // full-width
    ['Well done Le\u00ado!', 'Well done Leo! '], // soft hyphen: the run closes up, padded at its end
    ['Well done Le\u200bo!', 'Well done Leo! '], // zero-width space
    ['Well done \u0391melia', 'Well done Amelia'], // Greek Alpha
    ['Well done \u0406sla', 'Well done Isla'], // Cyrillic І
  ];
  for (const [input, want] of cases) {
    it(JSON.stringify(input), () => {
      const d = parseDraft(input, { path: 'p.md', absPath: '/p.md', format: 'markdown' });
      expect(d.prose).toBe(want);
      expect(d.prose.length).toBe(d.text.length);
    });
  }
  it('real Cyrillic and Greek words, and accented Latin letters, are left alone', () => {
    expect(foldLookalikes('Zoë, Мир и Αθήνα')).toBe('Zoë, Мир и Αθήνα');
  });
});

describe('Word documents (.docx): one paragraph a line', () => {
  it('reads the text with mammoth; line numbers are paragraph numbers', async () => {
    const d = await readDraft('test/fixtures/drafts/word-draft.docx', ROOT);
    expect(d.encoding).toBe('docx');
    const lm = new LineMap(d.text);
    const at = d.text.indexOf('Amelia Hughes');
    expect(lm.position(at)).toEqual({ line: 4, column: 14 });
    expect(d.blocks.map((b) => d.text.slice(b.start, b.end))).toEqual(['Sports Day', 'What a day we had on the field.', 'Well done to Amelia Hughes who won the sprint at 3:15pm.']);
  });
  it('a broken .docx is one clear line', async () => {
    await expect(read('post.docx', 'not a zip')).rejects.toThrow(/could not be read as a Word document/);
  });
});

describe('bounded: size caps, regular files only, deep nesting, long lines (issue 13 point 4)', () => {
  it('a draft above the cap is refused with one line naming the setting', async () => {
    await expect(read('big.md', 'a'.repeat(2048), { maxBytes: 1024 })).rejects.toThrow(/big\.md: is larger than 0 MB .*maxDraftSize in smcheck\.yml/);
    const ok = await read('ok.md', 'a'.repeat(1024), { maxBytes: 1024 });
    expect(ok.text.length).toBe(1024);
  });
  it('a FIFO named .md is refused at once, not waited on', async () => {
    const dir = tmpDir();
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    await expect(readDraft('pipe.md', dir)).rejects.toThrow(/is not a regular file/);
  });
  it('/dev/zero named .md is refused, not read for ever', async () => {
    const dir = tmpDir();
    symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    await expect(readDraft('zero.md', dir)).rejects.toBeInstanceOf(InputError);
  });
  it('5,000 nested blockquotes do not overflow the stack', () => {
    const text = `${'>'.repeat(5000)} Hello Amelia\n`;
    const d = parseDraft(text, { path: 'p.md', absPath: '/p.md', format: 'markdown' });
    expect(d.prose).toContain('Hello Amelia');
  });
  it('line:column of many findings on one 200,000-character line is fast', () => {
    const line = 'Amelia '.repeat(30_000);
    const lm = new LineMap(`${line}\n😀 x`);
    const t0 = performance.now();
    for (let o = 0; o < line.length; o += 7) lm.position(o);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(lm.position(line.length + 4)).toEqual({ line: 2, column: 3 }); // after '😀 ': a pair is one column
  });
});

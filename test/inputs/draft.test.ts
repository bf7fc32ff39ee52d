import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../src/inputs/draft.js';
import { LineMap } from '../../src/text/positions.js';

const md = (text: string) => parseDraft(text, { path: 'd.md', absPath: '/tmp/d.md', format: 'markdown' });

describe('positions', () => {
  it('counts columns in characters, not UTF-16 units or bytes', () => {
    const text = 'Zoë 😀 Müller\nnext';
    const lm = new LineMap(text);
    expect(lm.position(text.indexOf('Müller'))).toEqual({ line: 1, column: 7 });
    expect(lm.position(text.indexOf('next'))).toEqual({ line: 2, column: 1 });
  });
  it('CRLF: the \\r is not a column and lines split right', () => {
    const text = 'one\r\ntwo Hughes\r\n';
    const lm = new LineMap(text);
    expect(lm.position(text.indexOf('Hughes'))).toEqual({ line: 2, column: 5 });
    expect(lm.lineText(2)).toBe('two Hughes');
  });
  it('a BOM is removed before offsets are counted', () => {
    const d = md('\uFEFFHello Hughes');
    expect(d.text.startsWith('Hello')).toBe(true);
    expect(new LineMap(d.text).position(d.text.indexOf('Hughes'))).toEqual({ line: 1, column: 7 });
  });
  it('offset() inverts position()', () => {
    const text = 'a😀b\nZoë c';
    const lm = new LineMap(text);
    for (const o of [0, 1, 3, 5, 6, 9]) {
      const p = lm.position(o);
      expect(lm.offset(p.line, p.column)).toBe(o);
    }
  });
});

describe('markdown drafts', () => {
  it('prose keeps the offsets and blanks the syntax', () => {
    const d = md('# Sports *day*\n\nWell done **Amelia\nHughes**!');
    expect(d.prose.length).toBe(d.text.length);
    expect(d.prose).toBe('  Sports  day \n\nWell done   Amelia\nHughes  !');
  });
  it('URLs are links, not prose; link text is prose', () => {
    const d = md('See https://bbc.co.uk/news and [the BBC](https://bbc.co.uk).');
    expect(d.links.map((l) => [l.url, l.text, l.bare])).toEqual([
      ['https://bbc.co.uk/news', '', true],
      ['https://bbc.co.uk', 'the BBC', false],
    ]);
    expect(d.prose).not.toContain('bbc.co.uk');
    expect(d.prose).toContain('the BBC');
  });
  it("HTML comments are not prose (they hold smcheck directives); a code block's words are", () => {
    expect(md('Hi <!-- Hughes -->\n').prose).not.toContain('Hughes');
    const d = md('Hi\n\n```\nHughes\n```\n');
    expect(d.prose).toContain('Hughes');
    expect(d.prose).not.toContain('```');
  });
  it('alt text is prose and the photo is attached relative to the draft', () => {
    const d = md('![Amelia at the *race*](photos/relay.jpg "Relay")');
    expect(d.prose.trim()).toBe('Amelia at the  race');
    expect(d.images).toEqual([{ path: 'photos/relay.jpg', absPath: '/tmp/photos/relay.jpg', source: 'markdown', alt: 'Amelia at the race', span: { start: 0, end: 49 } }]);
    expect(d.blocks.some((b) => b.kind === 'alt')).toBe(true);
  });
  it('remote images are not local photos', () => {
    expect(md('![x](https://example.org/a.jpg)').images).toEqual([]);
  });
  it('front matter: published keys are prose, images attach, other keys are not prose', () => {
    const d = md('---\r\ntitle: "Well done Amelia Hughes"\r\nauthor: Mrs Shah\r\nimages:\r\n  - a.jpg\r\n  - b.png\r\n---\r\nBody');
    expect(d.prose).toContain('Well done Amelia Hughes');
    expect(d.prose).not.toContain('Mrs Shah');
    expect(d.prose).not.toContain('title');
    expect(d.images.map((i) => i.path)).toEqual(['a.jpg', 'b.png']);
    expect(d.frontMatter.author).toBe('Mrs Shah');
  });
  it('bad front matter is an input error naming the line', () => {
    expect(() => md('---\ntitle: [unclosed\n---\nBody')).toThrow(/^d\.md:\d+:\d+: the front matter .* is not valid YAML/);
  });
  it('blockquotes are quotes', () => {
    const d = md('Intro\n\n> "Forty bags of rubbish"\n');
    expect(d.quotes).toHaveLength(1);
    expect(d.blocks.find((b) => b.kind === 'blockquote')).toBeTruthy();
  });
});

describe('plain-text drafts', () => {
  it('all text is prose except URLs', () => {
    const d = parseDraft('Read www.example.org/a, then *this*.', { path: 'd.txt', absPath: '/tmp/d.txt', format: 'text' });
    expect(d.links[0].url).toBe('http://www.example.org/a');
    expect(d.prose).toContain('*this*');
    expect(d.prose).not.toContain('example');
  });
});

describe('Markdown that is published as it stands is still checked', () => {
  it('keeps the words of raw HTML, indented and fenced code in prose, blanking only the markup', () => {
    const text = '<div class="x">Well done Grace Wood</div>\n\nHello\n\n    Isla Young, indented\n\n```js\nMax King\n```\n';
    const d = md(text);
    expect(d.prose.length).toBe(text.length);
    expect(d.prose).toContain('Well done Grace Wood');
    expect(d.prose).not.toContain('<div');
    expect(d.prose).toContain('Isla Young, indented');
    expect(d.prose).toContain('Max King');
    expect(d.prose).not.toContain('```');
  });
});

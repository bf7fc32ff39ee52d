/** The name index and matcher on their own (no engine): normalisation, traps, linear time, the no-roster detector. */
import { describe, expect, it } from 'vitest';
import { buildNameIndex, findNames, getNameIndex, resolveMaybes } from '../../src/text/names/index.js';
import { fileNameWords, normKey, tokenize } from '../../src/text/names/index.js';
import { loadNlp } from '../../src/text/nlp.js';
import { findPersonNames } from '../../src/text/names/person-names.js';
import { testSchool } from './names-fixture.js';

const school = testSchool();
const index = buildNameIndex(school);
const found = (text: string, mode: 'prose' | 'words' | 'tag' = 'prose') =>
  findNames(index, text, { mode }).filter((m) => m.confidence === 'yes').map((m) => `${m.kind}:${m.text}`);

describe('normKey', () => {
  it.each([
    ['Zoë', 'zoe'], ['Müller', 'muller'], ["O'Brien", 'obrien'], ['O’Brien', 'obrien'], ['OBRIEN', 'obrien'],
    ['Hughes-Owen', 'hughesowen'], ['Van der Berg', 'vanderberg'], ['Straße', 'strasse'], ['Łukasz', 'lukasz'], ['Søren', 'soren'],
  ])('%s → %s', (a, b) => expect(normKey(a)).toBe(b));
});

describe('tokenize', () => {
  it('keeps offsets, splits possessives and marks sentence starts', () => {
    const toks = tokenize("Well done Hughes's team. Rose won");
    expect(toks.map((t) => [t.raw, t.poss, t.sentStart])).toEqual([
      ['Well', '', true], ['done', '', false], ['Hughes', "'s", false], ['team', '', false], ['Rose', '', true], ['won', '', false],
    ]);
    expect(toks[2].start).toBe(10);
    expect(toks[2].fullEnd).toBe(18);
  });
  it('an initial\'s dot does not end the sentence', () => {
    const toks = tokenize('Jack S. won');
    expect(toks[2].sentStart).toBe(false);
  });
  it('file names become words', () => {
    expect(fileNameWords('AmeliaHughes_2.JPG')).toBe('Amelia Hughes 2');
    expect(fileNameWords('amelia-sports-day.jpg')).toBe('amelia sports day');
    expect(fileNameWords('photos/IMG_0042.jpeg')).toBe('IMG 0042');
  });
});

describe('findNames', () => {
  it('full names in every spelling', () => {
    expect(found('Zoe Muller, ZOË MÜLLER, Siobhan OBrien, Carys Hughes Owen, Pieter Vanderberg')).toEqual([
      'full:Zoe Muller', 'full:ZOË MÜLLER', 'full:Siobhan OBrien', 'full:Carys Hughes Owen', 'full:Pieter Vanderberg',
    ]);
  });
  it('first names alone, with word-like names judged by context', () => {
    expect(found('Well done Will! We will go. Rose won. The rose garden.')).toEqual(['first:Will', 'first:Rose']);
  });
  it('staff, classes and allowed names are protected', () => {
    expect(found('Mrs Green, Miss Hill, Helen Green, Mr Okafor’s class, Green Class, Year 4 Maple, Roald Dahl')).toEqual([]);
  });
  it('file-name mode: word-like names only as part of a full name', () => {
    expect(found('rose garden 2', 'words')).toEqual([]);
    expect(found('will carter 1', 'words')).toEqual(['full:will carter']);
    expect(found('amelia sports day', 'words')).toEqual(['first:amelia']);
  });
  it('tag mode: every name counts', () => {
    expect(found('Rose', 'tag')).toEqual(['first:Rose']);
  });
  it('the index is built once per run', () => {
    const ctx = { school, runCache: new Map<string, unknown>() };
    expect(getNameIndex(ctx)).toBe(getNameIndex(ctx));
  });
  it('matching time is linear in the text, whatever the roster size', () => {
    const roster = Array.from({ length: 5000 }, (_, i) => ({ first: `Pupil${i}`, last: `Surname${i}`, source: 'x' }));
    const big = buildNameIndex({ ...school, roster });
    const text = 'Well done Pupil17 Surname17 and everyone else in the team today. '.repeat(400);
    const t0 = performance.now();
    const hits = findNames(big, text);
    const ms = performance.now() - t0;
    expect(hits.length).toBe(400);
    expect(ms).toBeLessThan(1000); // generous: the bench measures it properly
  });
  it('resolveMaybes keeps a sentence-initial word-name only when the tags say it is a person', async () => {
    const text = 'Summer is here. Amber painted a tiger.';
    const all = findNames(index, text);
    expect(all.filter((m) => m.confidence === 'maybe').map((m) => m.text)).toEqual(['Summer']);
    const kept = await resolveMaybes(text, all);
    expect(kept.map((m) => m.text)).toEqual(['Amber']);
  });
});

describe('loadNlp', () => {
  it('loads compromise once and hands back the same function', async () => {
    const [a, b] = await Promise.all([loadNlp(), loadNlp()]);
    expect(a).toBe(b);
    expect(typeof a).toBe('function');
    expect(a('Amelia sang.').people().out('array')).toEqual(['Amelia']);
  });
});

describe('findPersonNames (no roster)', () => {
  it('finds full names and leaves titles, places and organisations', async () => {
    const nlp = await loadNlp();
    const text = 'Well done to Amelia Hughes and Tomasz Kowalczyk. Mrs Green took Year 4 to the Natural History Museum in South Kensington with Oak Class.';
    expect(findPersonNames(nlp, text).map((p) => p.text)).toEqual(['Amelia Hughes', 'Tomasz Kowalczyk']);
  });
  it('strips a possessive and a leading job title', async () => {
    const nlp = await loadNlp();
    expect(findPersonNames(nlp, "We met author Julia Donaldson's illustrator today.").map((p) => p.text)).toEqual(['Julia Donaldson']);
  });
});

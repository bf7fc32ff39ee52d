import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileOptions, loadAfinn, toneOptions } from '../../src/checks/tone.js';
import { compileTargets, compileTone, phraseKeys, phraseToRegExp, scoreSentence, scoreSentences, splitSentences, type ToneOptions } from '../../src/text/tone/index.js';
import { parentTable } from './tone-parent-table.js';
import { grievance, negative, neutral, secondTable, upbeat } from './tone-table.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RULE_KEYS = ['id', 'extends', 'severity', 'message', 'messages', 'policy', 'section', 'description', 'catches', 'ignores', 'examples'];

/** The kind options of the shipped rule file, through the kind's own schema. */
function ruleOptions(overrides: Record<string, unknown> = {}) {
  const y = parse(readFileSync(path.join(ROOT, 'rules/negative-tone.yml'), 'utf8')) as Record<string, unknown>;
  for (const k of RULE_KEYS) delete y[k];
  return toneOptions.parse({ ...y, ...overrides });
}
const tone = compileOptions(ruleOptions());
const score = (s: string) => scoreSentence(s, tone);
const kind = (s: string) => score(s).kind;

describe('splitSentences', () => {
  const split = (t: string, soft = false) => splitSentences(t, { softBreaks: soft }).map((s) => t.slice(s.start, s.end));
  it('splits at . ! ? and runs of them', () => {
    expect(split('What a day!!! We won. Did you see it?? Yes')).toEqual(['What a day!!!', 'We won.', 'Did you see it??', 'Yes']);
  });
  it('keeps abbreviations, initials, decimals, times and web addresses inside a sentence', () => {
    expect(split('Mr. Smith and Dr. Jones met J. K. Rowling at 3.30 p.m. in the hall. Visit www.school.org today.')).toEqual([
      'Mr. Smith and Dr. Jones met J. K. Rowling at 3.30 p.m. in the hall.',
      'Visit www.school.org today.',
    ]);
    expect(split('Bring e.g. a coat, hat etc. and a drink.')).toEqual(['Bring e.g. a coat, hat etc. and a drink.']);
  });
  it('keeps closing quotes with their sentence and does not split before a lower-case word', () => {
    expect(split('She said "Well done!" Then we left. Wait... what happened?')).toEqual(['She said "Well done!"', 'Then we left.', 'Wait... what happened?']);
  });
  it('breaks at every line, or (soft) only at blank lines', () => {
    expect(split('Reminder\nPlease bring a coat')).toEqual(['Reminder', 'Please bring a coat']);
    expect(split('Once again some parents\nparked badly.\n\nThanks all', true)).toEqual(['Once again some parents\nparked badly.', 'Thanks all']);
  });
  it('gives offsets into the text and skips empty or punctuation-only pieces', () => {
    const t = '  Hello there.   ---  \n\n  Bye!  ';
    const spans = splitSentences(t);
    expect(spans.map((s) => t.slice(s.start, s.end))).toEqual(['Hello there.', 'Bye!']);
  });
});

describe('phraseToRegExp (the rule files\' phrase syntax)', () => {
  const m = (p: string, s: string) => [...s.toLowerCase().matchAll(phraseToRegExp(p))].map((x) => x[0]);
  it('matches whole words only, case-insensitively (text is lower-cased first)', () => {
    expect(m('once again', 'Once again, and ONCE AGAIN')).toEqual(['once again', 'once again']);
    expect(m('still', 'stillness is still good')).toEqual(['still']);
  });
  it('supports a|b words, * any word, word* prefixes, optional word? and " | " whole alternatives', () => {
    expect(m('some|certain parents', 'some parents and certain parents')).toEqual(['some parents', 'certain parents']);
    expect(m('left the? * open', 'left the gate open, left doors open')).toEqual(['left the gate open', 'left doors open']);
    expect(m('disappoint*', 'disappointed, disappointing')).toEqual(['disappointed', 'disappointing']);
    expect(m('very? rude', 'very rude and rude')).toEqual(['very rude', 'rude']);
    expect(m('it has come to our attention | it\'s come to our attention', "it's come to our attention")).toEqual(["it's come to our attention"]);
  });
  it('takes a possessive and a comma between words', () => {
    expect(m('other school', "the other school's coach")).toEqual(["other school's"]);
    expect(m('once again some parents', 'once again, some parents')).toEqual(['once again, some parents']);
  });
  it('quick filter: the words a sentence must contain, or null when any sentence could match', () => {
    expect(phraseKeys('once|yet again | again and again')).toEqual(['once', 'yet', 'again']);
    expect(phraseKeys('very? rude')).toEqual(['rude']);
    expect(phraseKeys("we're|i'm so? fed up")).toEqual(["we're", "i'm"]);
    expect(phraseKeys('* primary')).toBeNull();
    expect(phraseKeys('anti-* | stop bullying')).toBeNull();
    // a hyphenated word's parts count as words of the sentence
    expect(scoreSentence('Lovely to see the anti-litter team out!', tone).reasons.join()).not.toMatch(/negative words/);
  });
  it('the schema refuses regular-expression syntax in phrases, with a plain message', () => {
    const r = toneOptions.safeParse({ grievances: ['(once|twice) again'] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toMatch(/use words, "a\|b" for alternatives/);
  });
});

describe('scoreSentence: the evidence', () => {
  it('uses AFINN-165 from the sentiment package, with the rule\'s changes', () => {
    const afinn = loadAfinn();
    expect(Object.keys(afinn).length).toBeGreaterThan(3000);
    expect(afinn.disappointed).toBe(-2);
    expect(tone.lexicon.get('lost')).toBe(-1); // softened for school sport
    expect(tone.lexicon.get('disgraceful')).toBe(-4); // added
  });
  it('negation flips a word: "not good" is negative, "don\'t forget" is not', () => {
    expect(score('It was not good.').score).toBeLessThan(0);
    expect(score("Don't forget your PE kit.").score).toBeGreaterThanOrEqual(0);
    expect(score("Don't forget your PE kit.").reasons.join()).toMatch(/negated by "Don't"/);
  });
  it('an intensifier makes a word count more, a downtoner less', () => {
    expect(score('The food was very bad.').score).toBeLessThan(score('The food was bad.').score);
    expect(score('The food was a bit bad.').score).toBeGreaterThan(score('The food was bad.').score);
  });
  it('contrast: the clause after "but" counts more ("sadly we lost, but ...")', () => {
    const r = score('Sadly we lost, but we played brilliantly!');
    expect(r.score).toBeGreaterThan(0);
    expect(r.kind).toBe('none');
    expect(score('We played brilliantly, but sadly we lost badly.').score).toBeLessThan(score('We played brilliantly and sadly we lost badly.').score);
  });
  it('"although ..., ..." weighs the main clause more', () => {
    expect(score('Although it was awful weather, the day was fantastic.').score).toBeGreaterThan(0);
  });
  it('capitals and "!!" make a negative sentence more negative, never a positive one', () => {
    const plain = score('The heating has failed again.').score;
    expect(score('The heating has FAILED again.').score).toBeLessThan(plain);
    expect(score('The heating has failed again!!!').score).toBeLessThan(plain);
    expect(score('Well done EVERYONE!!!').score).toBeGreaterThan(0);
    expect(score('Well done EVERYONE!!!').kind).toBe('none');
  });
  it('known acronyms and all-capital headings are not shouting', () => {
    expect(score('PE kit is needed on Monday for SATs practice.').reasons.join()).not.toMatch(/capitals/);
    expect(score('SPORTS DAY CANCELLED').reasons.join()).not.toMatch(/capitals/);
  });
  it('grievance patterns add up and are listed', () => {
    const r = score("Once again we are disappointed that SOME parents still think the zig-zags don't apply to them.");
    expect(r.kind).toBe('grievance');
    expect(r.target).toBe('parents');
    expect(r.targetText).toBe('parents');
    expect(r.cues).toEqual(['Once again', 'we are disappointed', 'SOME parents', 'still', "don't apply to them"]);
    expect(r.reasons.join('\n')).toMatch(/emphasis: capitals \(SOME\)/);
  });
  it('sarcasm: "thanks to whoever" + a misdeed is a grievance; real thanks is not', () => {
    const bad = score('Thanks to whoever left the gate open this morning.');
    expect(bad.kind).toBe('grievance');
    expect(bad.target).toBe('people');
    expect(bad.reasons.join()).toMatch(/sarcasm "Thanks to whoever"/);
    expect(kind('Thank you to whoever handed in a purse to the office.')).toBe('none');
  });
  it('a target is needed for a grievance; "our children" and "puts children at risk" are not targets', () => {
    expect(kind('The state of the field after the weekend is disgusting!!')).toBe('negative');
    expect(kind('The parents left the field in a disgusting state!!')).toBe('grievance');
    expect(score('This is completely unacceptable and puts children at risk.').target).toBeUndefined();
    expect(kind('Some of our families have ignored our requests again.')).toBe('grievance');
  });
  it('named people: a title and a name, or staff names passed in', () => {
    const r = score('Mr Brown was careless and left the classroom in an awful mess.');
    expect(r.kind).toBe('grievance');
    expect(r.target).toBe('a named person');
    expect(r.targetText).toBe('Mr Brown');
    const staff = compileTargets(['Helen Green'], 'a member of staff');
    expect(scoreSentence('Helen Green was rude and unhelpful again.', tone).kind).toBe('negative');
    const s = scoreSentence('Helen Green was rude and unhelpful again.', tone, staff);
    expect([s.kind, s.target, s.targetText]).toEqual(['grievance', 'a member of staff', 'Helen Green']);
  });
  it('@handles, links and e-mail addresses are not words', () => {
    expect(score('@CareTeam see https://bad.example/awful-hate or mail sad@x.org').reasons.join()).not.toMatch(/words:/);
  });
  it('thresholds and lists come from the options: a school can tune them', () => {
    const strict = compileOptions(ruleOptions({ thresholds: { grievance: -3, negative: -2 } }));
    expect(scoreSentence('The new menu is horrible.', tone).kind).toBe('none');
    expect(scoreSentence('The new menu is horrible.', strict).kind).toBe('negative');
    const o = ruleOptions();
    const extra = compileOptions({ ...o, grievances: [...o.grievances, { phrase: 'parking wars', weight: 4 }] });
    expect(scoreSentence('The parking wars with parents continue.', extra).kind).toBe('grievance');
    const quiet = compileTone({ ...(o as unknown as ToneOptions), lexicon: { horrible: 0 } }, loadAfinn());
    expect(scoreSentence('The new menu is horrible and horrible.', quiet).score).toBe(0);
  });
  it('scoreSentences gives offsets into the whole text, and a range keeps them', () => {
    const text = 'Great day! Once again some parents parked on the zig-zags.';
    const all = scoreSentences(text, tone);
    expect(all.map((s) => [text.slice(s.start, s.end), s.kind])).toEqual([
      ['Great day!', 'none'],
      ['Once again some parents parked on the zig-zags.', 'grievance'],
    ]);
    const part = scoreSentences(text, tone, [], { range: { start: 11, end: text.length } });
    expect(part.map((s) => [s.start, s.end])).toEqual([[11, text.length]]);
  });
});

describe('school-post table (written for smcheck): every sentence as expected', () => {
  it(`has at least 120 sentences (${grievance.length + negative.length + neutral.length + upbeat.length})`, () => {
    expect(grievance.length + negative.length + neutral.length + upbeat.length).toBeGreaterThanOrEqual(120);
  });
  it.each(grievance)('grievance (error): %s', (s) => {
    const r = score(s);
    expect(r.kind, r.reasons.join('\n')).toBe('grievance');
    expect(r.target).toBeTruthy();
  });
  it.each(negative)('negative (at least a warning): %s', (s) => {
    const r = score(s);
    expect(r.kind, r.reasons.join('\n')).not.toBe('none');
  });
  it.each(neutral)('neutral notice, never flagged: %s', (s) => {
    const r = score(s);
    expect(r.kind, r.reasons.join('\n')).toBe('none');
  });
  it.each(upbeat)('upbeat with negative words, never flagged: %s', (s) => {
    const r = score(s);
    expect(r.kind, r.reasons.join('\n')).toBe('none');
  });
  it('second table (written after tuning): no false alarms, at least 14 of 15 problems flagged', () => {
    const quiet = secondTable.filter(([, want]) => want === 'none');
    const problems = secondTable.filter(([, want]) => want !== 'none');
    expect(quiet.filter(([s]) => kind(s) !== 'none').map(([s]) => s)).toEqual([]);
    expect(problems.filter(([s]) => kind(s) !== 'none').length).toBeGreaterThanOrEqual(14);
  });
});

describe('issue 11 table: what a parent reads as a dig, and the sad-but-kind (written for smcheck)', () => {
  const kindOf = (s: string) => {
    const kinds = scoreSentences(s, tone).map((x) => x.kind);
    return kinds.includes('grievance') ? 'grievance' : kinds.includes('negative') ? 'negative' : 'none';
  };
  const why = (s: string) => scoreSentences(s, tone).map((x) => x.reasons.join('; ')).join(' || ');
  it.each(parentTable.filter(([, w]) => w === 'grievance').map(([s]) => s))('an error: %s', (s) => expect(kindOf(s), why(s)).toBe('grievance'));
  it.each(parentTable.filter(([, w]) => w === 'flag').map(([s]) => s))('at least a warning: %s', (s) => expect(kindOf(s), why(s)).not.toBe('none'));
  it.each(parentTable.filter(([, w]) => w === 'none').map(([s]) => s))('never flagged: %s', (s) => expect(kindOf(s), why(s)).toBe('none'));
  it('a grievance names who it is about and the words that did it', () => {
    const r = scoreSentence('Mr Lane finally found the register 🙄', tone);
    expect([r.kind, r.target, r.targetText]).toEqual(['grievance', 'a named person', 'Mr Lane']);
    expect(r.cues).toEqual(['finally found', '🙄']);
    const readers = scoreSentence('How many times do we need to say this?', tone);
    expect([readers.kind, readers.target]).toEqual(['grievance', 'the readers']);
    expect(readers.reasons).toContain('aimed at the readers (no one named)');
  });
  it('kindly phrases take the sting out of negative words, and say so', () => {
    const r = scoreSentence('Has anyone seen Tiger? The owners are really worried.', tone);
    expect(r.kind).toBe('none');
    const k = scoreSentence('The owners are really worried.', tone);
    expect(k.reasons.join()).toMatch(/told kindly: "The owners are really worried"/);
  });
  it('sarcasm: praise in the sentence does not count', () => {
    const r = scoreSentence('Congratulations to a school up the road that rates itself rather highly 😏', tone);
    expect(r.reasons).toContain('positive words do not count (sarcasm or scolding)');
    expect(r.target).toBe('another school');
  });
});

describe('a post that tags an account and complains (accounts, complaints, thresholds.addressed)', () => {
  // Sentences written for this test, not taken from any data set.
  const flagged = (s: string) => scoreSentences(s, tone).filter((x) => x.kind === 'grievance');
  it.each([
    '@AcmeCoaches our coach still has not arrived and nobody answers the phone.',
    '@CountyHighways three weeks and still no reply about the broken crossing light.',
    '@AcmeCoaches We booked in May. Still waiting for the refund.',
  ])('an error aimed at the account tagged: %s', (s) => {
    const g = flagged(s);
    expect(g.length, scoreSentences(s, tone).map((x) => x.reasons.join('; ')).join(' || ')).toBeGreaterThan(0);
    expect(g[0].target).toBe('the account tagged');
  });
  it.each([
    'Our coach still has not arrived, so we are playing games in the hall.',
    'Still no reply from the photographer about the proofs: we will let you know.',
    'Thank you @AcmeCoaches for getting us home safely!',
    '@CountyLibrary do you have any places left for the summer reading challenge?',
  ])('quiet: %s', (s) => expect(flagged(s)).toEqual([]));
});

describe('options for short posts (used by scripts/eval/tone-complaints.yml; the school rule leaves them off)', () => {
  it('"*" anywhere in a word: "*sucks" ends so, "@*help" starts and ends so', () => {
    const re = phraseToRegExp('#*sucks|@*help');
    expect('so cross #printersucks today'.match(re)?.[0]).toBe('#printersucks');
    expect('hi @acmehelp any news'.match(re)?.[0]).toBe('@acmehelp');
    expect('hi @acmehelpdesk any news'.match(re)).toBeNull();
    expect(phraseKeys('#*sucks')).toBeNull();
  });
  it('the school rule keeps its defaults: sentence by sentence, all praise counts, a strict bar for negative words alone', () => {
    const o = ruleOptions();
    expect(o.unit).toBe('sentence');
    expect(o.positiveWeight).toBe(1);
    expect(o.thresholds.aimed).toBeLessThan(o.thresholds.negative);
  });
  it('unit: block scores a paragraph as one', () => {
    const text = 'The printer jammed again. Nobody has come to fix it.';
    expect(scoreSentences(text, tone)).toHaveLength(2);
    const block = compileOptions(ruleOptions({ unit: 'block' }));
    const one = scoreSentences(text, block);
    expect(one).toHaveLength(1);
    expect(text.slice(one[0].start, one[0].end)).toBe(text);
  });
  it('positiveWeight: praise counts less, and the reason says so', () => {
    const s = 'Brilliant, the lift is broken and filthy.';
    const full = scoreSentence(s, tone);
    const half = scoreSentence(s, compileOptions(ruleOptions({ positiveWeight: 0.5 })));
    expect(half.score).toBeLessThan(full.score);
    expect(half.reasons).toContain('positive words count x0.5');
  });
  it('a weighted target adds to other evidence, never on its own', () => {
    const o = ruleOptions({ accounts: [], targets: [{ phrase: '@*help', label: 'the help desk', weight: 1 }] });
    const t = compileOptions(o);
    const bad = scoreSentence('@acmehelp the lift is broken', t);
    const plain = scoreSentence('the lift is broken', t);
    expect(bad.score).toBe(plain.score - 1);
    expect(bad.reasons.some((r) => r.startsWith('about the help desk ("@acmehelp") -1'))).toBe(true);
    expect(scoreSentence('@acmehelp what time do you open?', t).score).toBe(0);
  });
  it('thresholds.aimed: negative words aimed at people get their own bar', () => {
    const s = 'The staff were unhelpful.'; // "unhelpful" -2, aimed at staff
    const plain = compileOptions(ruleOptions({ grievances: [] }));
    expect(scoreSentence(s, plain).kind).toBe('none');
    const t = compileOptions(ruleOptions({ grievances: [], thresholds: { grievance: -3, negative: -4, aimed: -2 } }));
    expect(scoreSentence(s, t).kind).toBe('grievance');
    expect(scoreSentence(s, t).evidence).toEqual({ negative: -2, grievance: 0, aimed: true });
  });
});

describe('scripts/eval/tone-complaints.yml (the measured complaint configuration) loads through the real rule loader', async () => {
  const { loadRuleFile } = await import('../../src/engine/rules.js');
  const rule = await loadRuleFile(path.join(ROOT, 'scripts/eval/tone-complaints.yml'), 'tone-complaints.yml');
  const t = compileOptions(rule.options as Parameters<typeof compileOptions>[0]);
  const flagged = (s: string) => scoreSentences(s, t).some((x) => x.kind !== 'none');
  it('is a `tone` rule scoring whole posts', () => {
    expect(rule.extends).toBe('tone');
    expect(t.options.unit).toBe('block');
  });
  // Sentences written for this test, not taken from the data.
  it.each([
    '@AcmeHelp my parcel still has not arrived and nobody answers the phone',
    'Three weeks waiting for a refund @AcmeRail, this is ridiculous',
    '@AcmeBank why does the app keep crashing every time I log in?',
    'Thanks @AcmeAir for cancelling my flight with no warning #fail',
  ])('flags a complaint: %s', (s) => expect(flagged(s)).toBe(true));
  it.each([
    '@AcmeHelp do you have this coat in a size 12?',
    'Thanks @AcmeHelp, the problem is solved now!',
    'Loving my new headphones from @AcmeAudio',
    'What time does the shop open on Sunday?',
  ])('leaves alone: %s', (s) => expect(flagged(s)).toBe(false));
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleTester, runOn, ROOT } from '../helpers/rule-tester.js';
import { emptySchool } from '../../src/config/config.js';
import type { InvalidCase, ValidCase } from '../helpers/rule-tester.js';
import { QUIET } from '../text/times-cases.js';

const t = await ruleTester({ rules: ['exact-time'] });

const invalid: InvalidCase[] = [
  // a report of the past is information; an upcoming cue in the sentence (or a strong one in the paragraph) keeps the error
  { name: 'past report: held ... at', text: "We held a two-minute silence at eleven o'clock to remember the fallen.", excerpts: ["eleven o'clock"], severity: 'info', message: /in a report of something that has happened/ },
  { name: 'past report: trip recap', text: 'Yesterday we set off at 8.30am and arrived at the zoo at 10.', excerpts: ['8.30am', '10'], severity: 'info' },
  { name: 'past report of this morning, with advice after it', text: 'At 7:30 this morning, two pupils were approached by a stranger. The police will be patrolling. Please talk to your children.', excerpts: ['7:30 this morning'], severity: 'info' },
  { name: 'a strong upcoming cue in the paragraph keeps the error', text: 'Last time we started at 9am. Next week is the same.', excerpts: ['9am'], severity: 'error' },
  { name: 'a bare hour after an event word', text: 'The bar opens 7.', excerpts: ['7'] },
  { name: 'kick-off and a bare hour', text: 'Kick-off 10, so be there early.', excerpts: ['10'] },
  { name: 'past tense with a weekday is still upcoming', text: 'The disco was moved to 6pm on Friday.', excerpts: ['6pm'], severity: 'error' },
  { name: 'past and future in one sentence keeps the error', text: 'Last year the fair started at 2pm, and this year it starts at 1pm.', excerpts: ['2pm', '1pm'], severity: 'error' },
  { name: 'a reminder in the past tense keeps the error', text: "Don't forget: the coach left at 8am last time, so please be early.", excerpts: ['8am'], severity: 'error' },
  { text: 'Doors open at 6pm for the Christmas disco.', excerpts: ['6pm'], suggestion: "Mention 'in the evening' instead of '6pm'", severity: 'error', message: /Exact time '6pm'/ },
  { text: 'The disco starts at 6 pm.', excerpts: ['6 pm'] },
  { text: 'Pick-up is at 7.30pm from the hall.', excerpts: ['7.30pm'], suggestion: "Mention 'in the evening' instead of '7.30pm'" },
  { text: 'The coach leaves at 6:30 sharp.', excerpts: ['6:30'] },
  { text: 'The coach leaves at 06:30 sharp.', excerpts: ['06:30'], suggestion: "Mention 'in the morning' instead of '06:30'" },
  { text: 'We set off at 18:00 on Friday.', excerpts: ['18:00'] },
  { text: 'Meet in the car park at 1800hrs.', excerpts: ['1800hrs'] },
  { text: 'Collect your child at half past six.', excerpts: ['half past six'] },
  { text: 'The match kicks off at quarter to four.', excerpts: ['quarter to four'], suggestion: "Mention 'in the afternoon' instead of 'quarter to four'" },
  { text: 'Assembly starts at ten past nine.', excerpts: ['ten past nine'], suggestion: "Mention 'in the morning' instead of 'ten past nine'" },
  { text: "The fete opens at six o'clock.", excerpts: ["six o'clock"] },
  { text: 'The picnic starts at noon.', excerpts: ['noon'], suggestion: "Mention 'at lunchtime' instead of 'noon'" },
  { text: 'Join us at midday for the picnic.', excerpts: ['midday'] },
  { text: 'The concert is at 3 in the hall.', excerpts: ['3'] },
  { text: 'Come along at 3 and bring a friend.', excerpts: ['3'] },
  { text: 'The disco runs 6-8pm in the hall.', excerpts: ['6-8pm'] },
  { text: 'The disco runs 6–8pm in the hall.', excerpts: ['6–8pm'] },
  { text: 'Cake sale from 6 till 8 in the canteen.', excerpts: ['from 6 till 8'] },
  { text: 'Open afternoon between 3.15 and 4pm.', excerpts: ['between 3.15 and 4pm'], suggestion: "Mention 'in the afternoon' instead of 'between 3.15 and 4pm'" },
  { text: 'Summer fair: 6pm until late!', excerpts: ['6pm until late'] },
  // the excerpt is the prose as the engine shows it; the message names the time as read
  { name: 'split by bold', text: 'Doors open at **6**pm on Friday.', excerpts: ['6pm'], message: /Exact time '6pm'/, suggestion: "Mention 'in the evening' instead of '6pm'" },
  { name: 'split by italics inside', text: 'Doors open at 6:*30*pm on Friday.', excerpts: ['6:30pm'], message: /Exact time '6:30pm'/ },
  { name: 'split by a line break', text: 'Doors open at 6\npm on Friday.', count: 1 },
  { name: 'bold time', text: 'Doors open at **6.30pm** on Friday.', excerpts: ['6.30pm'] },
  { text: 'Meet at half six at the bus stop.', excerpts: ['half six'] },
  { text: 'Pick-up is at 3.15 today.', excerpts: ['3.15'] },
  { text: 'The trip returns around 4.45 this afternoon.', excerpts: ['4.45 this afternoon'], suggestion: "Leave out the time: 'this afternoon' is enough" },
  { text: "Parents' evening: 3:30–6:30 in the classrooms.", excerpts: ['3:30–6:30'] },
  { text: 'Please arrive by 8.40am.', excerpts: ['8.40am'] },
  { text: 'Breakfast club opens at 7.45.', excerpts: ['7.45'] },
  { text: 'The show begins at seven thirty.', excerpts: ['seven thirty'], suggestion: "Mention 'in the evening' instead of 'seven thirty'" },
  { text: 'Sports day starts at 9:15 and finishes by 2:30.', excerpts: ['9:15', '2:30'] },
  { text: 'Collection from 5pm onwards.', excerpts: ['5pm onwards'] },
  { text: 'Doors 5.30pm, show 6pm.', excerpts: ['5.30pm', '6pm'] },
  { text: 'The coach will be back at about 5.', excerpts: ['5'] },
  { text: 'Come to the hall at twenty to three.', excerpts: ['twenty to three'] },
  { text: 'The party finishes at 9 in the evening.', excerpts: ['9 in the evening'] },
  { text: 'Carols around the tree at 6 tonight.', excerpts: ['6 tonight'], suggestion: "Leave out the time: 'tonight' is enough" },
  { text: 'We should be back by half three.', excerpts: ['half three'] },
  { text: 'Film night, 5:30-7pm, in the hall.', excerpts: ['5:30-7pm'] },
  { text: 'Swimming is 1.15 - 2.15 on Mondays.', excerpts: ['1.15 - 2.15'] },
  { text: 'Come between 2 and 4 pm.', excerpts: ['between 2 and 4 pm'] },
  { text: 'Drop-off is 8.30am – 8.45am at the side gate.', excerpts: ['8.30am – 8.45am'] },
  { text: 'It all finishes at midnight.', excerpts: ['midnight'], suggestion: "Mention 'at night' instead of 'midnight'" },
  { text: 'We meet at 7:00 p.m. in the library.', excerpts: ['7:00 p.m.'] },
  { text: 'The stall opens at 11 and closes at 1.', excerpts: ['11', '1'] },
  { text: 'The club runs until 5 every Tuesday.', excerpts: ['5'] },
  { text: 'Please arrive before 8.45 on Monday.', excerpts: ['8.45'] },
  { name: 'heading', text: '# Disco at 6pm!\n\nSee you there.', excerpts: ['6pm'] },
  { name: 'list item', text: 'Reminders:\n\n- PE kit on Monday\n- Disco at 6.30pm on Friday', excerpts: ['6.30pm'] },
  { name: 'front-matter title', text: '---\ntitle: Disco at 6pm\n---\nSee you there!', excerpts: ['6pm'] },
  { name: 'image alt text', text: '![Children arriving at 8.45am](photo.jpg)', excerpts: ['8.45am'] },
  { name: 'table cell', text: '| Event | When |\n|---|---|\n| Disco | 6-8pm |', excerpts: ['6-8pm'] },
  { name: 'two in one sentence with a range', text: 'Doors open at 5.45pm and the show runs 6-7.30pm.', excerpts: ['5.45pm', '6-7.30pm'] },
  { text: 'Bonfire night starts at 7 and the fireworks at 8.', excerpts: ['7', '8'] },
  { text: 'Kick-off is 10.30am on Saturday.', excerpts: ['10.30am'] },
  { text: 'The nativity is at 2 o’clock on Tuesday.', excerpts: ['2 o’clock'] },
  { text: 'We leave at 9ish.', excerpts: ['9ish'] },
  { text: 'Doors open at 6 P.M. on the dot.', excerpts: ['6 P.M.'] },
  { text: 'Pick up is at 12 noon.', excerpts: ['12 noon'] },
  { text: 'Please collect at 3:15pm from Oak class.', excerpts: ['3:15pm'] },
  { text: 'The match starts at a quarter past two.', excerpts: ['a quarter past two'] },
  { name: 'plain text draft', text: 'Disco: doors 6pm, pick-up 8pm.', format: 'text', excerpts: ['6pm', '8pm'] },
];

const valid: (string | ValidCase)[] = [
  ...QUIET,
  'Reminder: the Christmas disco is this Friday evening!',
  'Sports day is on Friday morning.',
  'The ratio of adults to children is 2:1 on the trip.',
  'She finished the fun run in 25:30 minutes.',
  { name: 'time inside a link address only', text: 'See [the timetable](https://example.org/times/6pm-8pm) for details.' },
  { name: 'time in an HTML comment', text: 'Disco on Friday! <!-- doors 6pm -->' },
  { name: 'suppressed with a reason', text: '<!-- smcheck-disable-next-line exact-time -- office hours are public -->\nThe office is open from 8:30am.' },
  'The 2024-25 term dates are on the website.',
  'Please bring £2 for the cake sale.',
];

t.run('exact-time', { valid, invalid });

describe('exact-time with the sample school (allowTimes: 8:40am, 3:15pm)', () => {
  const withSchool = ruleTesterWithConfig();
  it('leaves the office hours alone and flags the disco times', async () => {
    const { rules, school } = await withSchool;
    const text = readFileSync(path.join(ROOT, 'fixtures/drafts/disco-reminder.md'), 'utf8');
    const out = await runOn(text, rules, school);
    expect(out.findings.filter((f) => f.rule === 'exact-time').map((f) => f.excerpt)).toEqual(['6pm', '7.30pm']);
  });
  it('allows 3:15pm written as 3.15pm, and a bare 8:40', async () => {
    const { rules, school } = await withSchool;
    const out = await runOn('The office closes at 3.15pm and opens at 8:40. The fair opens at 4pm.', rules, school);
    expect(out.findings.filter((f) => f.rule === 'exact-time').map((f) => f.excerpt)).toEqual(['4pm']);
  });
});

describe('exact-time --fix', () => {
  it('replaces "at 6pm" with the part of the day', async () => {
    const { rules } = await ruleTesterWithConfig();
    const out = await runOn('Doors open at 6pm and pick-up is at 7.30pm.', rules, emptySchool(), { fix: true });
    expect(out.fixedText).toBe('Doors open in the evening and pick-up is in the evening.');
  });
  it('leaves out the time when the post already says the part of the day', async () => {
    const { rules } = await ruleTesterWithConfig();
    const out = await runOn('Join us this evening at 7 for carols.', rules, emptySchool(), { fix: true });
    expect(out.findings.map((f) => f.suggestion)).toEqual(["Leave out the time: 'this evening' is enough"]);
    expect(out.fixedText).toBe('Join us this evening for carols.');
    const quiz = await runOn('Quiz night at 7 in the hall.', rules, emptySchool(), { fix: true });
    expect(quiz.fixedText).toBe('Quiz night in the evening in the hall.');
  });
  it('does not rewrite "before 9am" (the meaning would change)', async () => {
    const { rules } = await ruleTesterWithConfig();
    const out = await runOn('Please arrive before 9am.', rules, emptySchool(), { fix: true });
    expect(out.findings.length).toBe(1);
    expect(out.fixedText).toBeUndefined();
  });
  it('leaves a bare hour with no word before it to the user (am or pm would be a guess)', async () => {
    const { rules } = await ruleTesterWithConfig();
    const out = await runOn('The bar opens 7.', rules, emptySchool(), { fix: true });
    expect(out.findings.length).toBe(1);
    expect(out.fixedText).toBeUndefined();
    const age = await runOn('Happy birthday to Leo, who turns 8 today!', rules, emptySchool(), { fix: true });
    expect(age.findings.length).toBe(0);
  });
});

describe('exact-time table size', () => {
  it('has at least 80 cases', () => {
    expect(invalid.length + valid.length).toBeGreaterThanOrEqual(80);
    expect(invalid.length).toBeGreaterThanOrEqual(40);
    expect(valid.length).toBeGreaterThanOrEqual(40);
  });
});

async function ruleTesterWithConfig() {
  return ruleTester({ rules: ['exact-time'], config: 'fixtures/smcheck.yml' });
}

describe('exact-time: the examples in its rule file', () => {
  const rule = t.rules.find((r) => r.id === 'exact-time')!;
  for (const bad of rule.examples?.bad ?? []) {
    it(`flags: ${bad}`, async () => {
      const out = await runOn(bad, t.rules, t.school);
      expect(out.findings.filter((f) => f.rule === 'exact-time').length).toBeGreaterThan(0);
    });
  }
  for (const good of rule.examples?.good ?? []) {
    it(`leaves alone: ${good}`, async () => {
      const out = await runOn(good, t.rules, t.school);
      expect(out.findings.filter((f) => f.rule === 'exact-time')).toEqual([]);
    });
  }
});

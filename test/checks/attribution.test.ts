import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleTester, runOn, ROOT } from '../helpers/rule-tester.js';
import type { InvalidCase, ValidCase } from '../helpers/rule-tester.js';
import { check } from '../../src/checks/attribution.js';
import { parseDraft } from '../../src/inputs/draft.js';
import type { CheckContext, PhotoMeta, Rule, School } from '../../src/types.js';

// The sample school: schoolDomains [southend.example.sch.uk], staff from fixtures/data/staff.csv
const t = await ruleTester({ rules: ['missing-attribution'], config: 'fixtures/smcheck.yml' });

const CHRON = 'https://www.northamptonchron.co.uk/news/litter-pick-heroes';

const invalid: InvalidCase[] = [
  // links to other organisations' material, no credit
  { text: `Our eco club made the local paper! Read the story at ${CHRON}`, excerpts: [CHRON], suggestion: 'Add a credit line, e.g. "Credit: Northamptonchron" (and make sure you have permission to share it)', message: /Link to material from northamptonchron\.co\.uk with no credit/ },
  { text: 'Great tips for parents: https://www.bbc.co.uk/bitesize/parents', excerpts: ['https://www.bbc.co.uk/bitesize/parents'], suggestion: 'Add a credit line, e.g. "Credit: BBC Bitesize" (and make sure you have permission to share it)' },
  { text: 'What a match! [Watch the highlights](https://www.bbc.co.uk/sport/football/123)', excerpts: ['Watch the highlights'], message: /from BBC Sport/ },
  { text: 'Watch [this video](https://www.youtube.com/watch?v=abc123) about the planets.', excerpts: ['this video'], message: /from YouTube/ },
  { text: 'Watch [this video](https://www.youtube.com/@SpaceKids/videos) about the planets.', excerpts: ['this video'], suggestion: 'Add a credit line, e.g. "Credit: @SpaceKids on YouTube" (and make sure you have permission to share it)' },
  { text: 'Lovely idea for the holidays: [here](https://www.kids-crafts-corner.org/summer)', excerpts: ['here'], suggestion: 'Add a credit line, e.g. "Credit: Kids Crafts Corner" (and make sure you have permission to share it)' },
  { text: 'Read more: <https://www.theguardian.com/education/2024/reading>', count: 1, message: /The Guardian/ },
  { text: 'Have a look at www.natgeokids.com/uk/discover for ideas.', count: 1, message: /National Geographic Kids/ },
  { text: 'A must-read for parents: https://www.nspcc.org.uk/keeping-children-safe/online-safety', count: 1 },
  { text: 'https://bit.ly/3xyz has some great ideas.', count: 1, suggestion: 'Add a credit line, e.g. "Credit: <the original author>" (and make sure you have permission to share it)' },
  { text: 'Great article [here](https://www.bbc.co.uk/news/education-1) and [here](https://www.bbc.co.uk/news/education-2).', excerpts: ['here'], name: 'two links to one source: one finding' },
  { text: 'See [this](https://www.rspb.org.uk/birds) and [that](https://www.wwf.org.uk/tigers).', excerpts: ['this', 'that'] },
  { text: 'Shared on [Facebook](https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.bbc.co.uk%2Fnews)', count: 1, name: 'share button for another site' },
  { text: 'Look at this: https://x.com/SpaceKidsUK/status/12345', count: 1, message: /@SpaceKidsUK on X/ },
  { text: '# Summer reading\n\nTen great books: https://www.booksforkids.example.org/summer', count: 1 },
  { text: '- Spelling practice: https://www.spellingcity.com\n- Times tables: https://www.ttrockstars.com', count: 2 },
  { text: 'A fab video: https://vimeo.com/12345', count: 1, message: /Vimeo/ },
  { text: 'School admissions: https://www.northnorthants.gov.uk/schools', count: 1, suggestion: 'Add a credit line, e.g. "Credit: Northnorthants" (and make sure you have permission to share it)' },
  { text: 'Thank you for sharing! https://www.kidsreading.org/tips', count: 1, name: 'thanks with no name' },
  { text: 'Read it at https://www.example-news.co.uk/story', count: 1 },
  // a credit earlier in the post, not introducing the link, does not credit a known source
  { text: 'Photo: Jo Marsh.\n\nMore tips: [packed-lunch recipes](https://www.nhs.uk/healthier-families/recipes/)', count: 1, name: 'credit elsewhere in the post' },
  { text: 'Some picnic recipes for the holidays: [ideas for lunch](https://www.nhs.uk/healthier-families/recipes/)', count: 1, name: 'link text with no name in it' },
  { text: 'Some picnic recipes from the office: https://www.nhs.uk/healthier-families/recipes/', count: 1, name: '"from" a word that names no one' },
  { text: 'New tips from Monday: https://www.nhs.uk/healthier-families/recipes/', count: 1, name: '"from" a day' },
  { text: 'We have published a list of ten tips: https://www.kidsreading.org/tips', count: 1, name: '"we have published" credits no one' },
  { text: 'They have made a brilliant guide: https://www.kidsreading.org/guide', count: 1, name: '"they have made" credits no one' },
  { text: "Details are on a parent's blog: https://www.kidsreading.org/blog", count: 1, name: "a lower-case possessive credits no one" },
  { text: 'Thank you to the Nene Valley Bat Group for sharing their photos. In other news, here is a great guide: https://www.facebook.com/BatFacts/posts/1', count: 1, name: 'a credit in an earlier sentence is for something else' },
  // a platform is where it was shared, not who made it (blind test e-v07)
  { text: 'Shared from Facebook: a lost cat has been found near the park.', excerpts: ['Shared from'] },
  { text: 'As seen on Instagram - what a clever idea for the holidays!', count: 1 },
  { text: 'Great ideas via Facebook: https://www.kidsreading.org/ideas', count: 1, name: 'via a platform only' },
  { text: '---\ntitle: Great news\n---\nRead more at https://www.localnews.co.uk/school', count: 1 },
  // quotations
  { text: '> The children collected forty bags of rubbish in one afternoon.', count: 1, severity: 'error', message: /Quoted passage with no credit/ },
  { text: 'From the article:\n\n> Reading for pleasure is the single biggest indicator of success.', count: 1 },
  { text: 'We love this:\n\n> Every child deserves to feel safe, happy and loved at school.\n\nSee you Monday!', count: 1 },
  { text: '"Reading for pleasure is the single biggest indicator of a child\'s future success in life." We agree!', count: 1, severity: 'warning' },
  { text: 'Our motto: “Every child deserves to feel safe, happy and loved at school every single day of the year.”', count: 1, severity: 'warning' },
  // repost markers with no name
  { text: 'Repost! Such a lovely idea for reading at home.', excerpts: ['Repost'], message: /'Repost' shares someone else's post/ },
  { text: 'Reposting this great idea for the holidays.', excerpts: ['Reposting'] },
  { text: 'Regram - we loved this!', excerpts: ['Regram'] },
  { text: 'Reshared because it is so important.', excerpts: ['Reshared'] },
  { text: 'RT: please share with families.', excerpts: ['RT'] },
  // photos whose metadata names someone else
  { text: 'Sports day was brilliant!', photos: ['test/fixtures/photos/copyright.jpg'], count: 1, message: /Jo Marsh as its creator/, suggestion: 'Add a credit line, e.g. "Photo: Jo Marsh" (and make sure you have permission to use it)' },
  { text: 'Sports day was brilliant! Photo: the PTA', photos: ['test/fixtures/photos/copyright.jpg'], count: 1, name: 'credit that names someone else' },
  { text: '![Sports day](../../test/fixtures/photos/copyright.jpg)\n\nWhat a day!', count: 1, name: 'markdown image with a photographer' },
  { text: 'Home learning heroes!', photos: ['fixtures/drafts/photos/garden.jpg'], count: 1, suggestion: 'Add a credit line, e.g. "Photo: Sam Reynolds", or "Photo kindly shared by a parent" if they are a pupil\'s family: their full name could identify their child (and make sure you have permission to use it)', name: 'a private person: the suggestion offers a credit that names no one' },
  { text: 'Sports day! Photo kindly shared by a parent.', photos: ['test/fixtures/photos/copyright.jpg'], count: 1, name: 'a studio must be named, not "a parent"' },
  // mixed
  { text: `> The children collected forty bags of rubbish.\n\nRead the whole story at ${CHRON}`, count: 2 },
  { text: 'Repost: great tips https://www.parentingtips.co.uk/reading', count: 2 },
];

const valid: (string | ValidCase)[] = [
  // no shared material
  'Well done to everyone who ran today!',
  'Our sports day is on Friday. Bring a water bottle!',
  'Email office@southend.example.sch.uk for details.',
  'Call us on 01234 567890.',
  'We loved the "Star of the Week" assembly.',
  'Art and sport this week: what a busy time!',
  'Photos taken from the top of the hill were amazing.',
  'The children copied from the board beautifully.',
  // own website and share buttons
  'Read more on [our website](https://southend.example.sch.uk/news/sports-day).',
  'All the photos: https://www.southend.example.sch.uk/gallery/sports-day',
  'Term dates: https://blog.southend.example.sch.uk/term-dates',
  'Share on [Facebook](https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fsouthend.example.sch.uk%2Fnews%2Fsports-day)',
  'Tweet it: https://twitter.com/intent/tweet?url=https://southend.example.sch.uk/news&text=Sports',
  'See the [term dates](/term-dates) page.',
  'Follow [our Facebook page](https://www.facebook.com/SouthEndJuniors) for news.',
  // services
  'Pay for the trip on [ParentPay](https://www.parentpay.com/) by Friday.',
  'Book your slot: https://forms.office.com/r/abc123',
  'Please fill in https://docs.google.com/forms/d/e/xyz/viewform',
  'Join the meeting: https://teams.microsoft.com/l/meetup-join/123',
  'Tickets: https://www.eventbrite.co.uk/e/summer-fair-123',
  // credited links
  'Great tips from the BBC: https://www.bbc.co.uk/bitesize/parents',
  'Read [the BBC Sport report](https://www.bbc.co.uk/sport/football/123).',
  `Our eco club made the local paper! Read the story at ${CHRON} (Credit: Northampton Chronicle)`,
  `Source: Northampton Chronicle ${CHRON}`,
  'Thanks to @RSPB for sharing these tips: https://www.rspb.org.uk/birds',
  'Great ideas via Kids Crafts Corner: https://www.kids-crafts-corner.org/summer',
  'Image courtesy of the National Trust https://www.nationaltrust.org.uk/visit',
  'Watch [NASA\'s video of the launch](https://www.youtube.com/watch?v=abc123).',
  'Watch this video by Space Kids: https://www.youtube.com/watch?v=abc123',
  'Video: Space Kids https://www.youtube.com/watch?v=abc123',
  'Read the [Guardian article](https://www.theguardian.com/education/2024/reading).',
  'Thank you to the Northampton Chronicle for sharing our story: ' + CHRON,
  'Ten tips from the NSPCC: https://www.nspcc.org.uk/keeping-children-safe/online-safety',
  'Chickenpox advice from the NHS: https://www.nhs.uk/conditions/chickenpox/',
  'Term dates are on GOV.UK: https://www.gov.uk/school-term-holiday-dates',
  'Look at this from @SpaceKidsUK: https://x.com/SpaceKidsUK/status/12345',
  'As seen on BBC Look East: https://www.bbc.co.uk/news/england/123',
  '© Walker Books 2024 https://www.walker.co.uk/gruffalo',
  // a credit in the link text or in the words that introduce the link, on a host that publishes
  // others' material (blind test d-c11)
  'Simple packed-lunch recipes: [picnic ideas from Eat Well Kids](https://www.nhs.uk/healthier-families/recipes/)',
  'Here are some picnic recipes from Eat Well Kids: https://www.nhs.uk/healthier-families/recipes/',
  'Bedtime listening: [a story read by Cressida Cowell](https://www.youtube.com/watch?v=zz99)',
  // the author as the subject, or the author's own page (blind test e-c03, e-c05)
  'The Wildlife Trust have published a brilliant spotter sheet. Print it here: https://www.wildlifebcn.org/spotter-sheet',
  'Details are on the Northants Cricket Board\'s own page: https://www.ncb-camps.example.org/holiday-camp',
  "Mrs Shah's blog explains the new reading scheme: https://readingblog.example.org/new-scheme",
  // a long sentence: the credit starts more than 100 characters before the link (blind test f-c10)
  'An enormous thank you to the Nene Valley Bat Group for sharing their wonderful and very detailed guide to building bat boxes at home with us: https://www.facebook.com/NeneBats/posts/bat-boxes',
  // attributed quotations
  'Mrs Patel said: "You have all worked so hard this year and I could not be prouder of every one of you."',
  '"You have all worked so hard this year and I could not be prouder of every one of you," said Mrs Patel.',
  '> Reading for pleasure is the single biggest indicator of success.\n>\n> — National Literacy Trust',
  '> Every child deserves to feel safe, happy and loved at school.\n\n— Our school vision',
  'In the words of Michael Morpurgo: “Stories can change the world, one reader at a time, if we only let them.”',
  '> Well done Year 6!',
  '> **Reminder:** PE kits are needed on Monday and Thursday this half term.',
  '> Please remember that the school will be closed for staff training on Monday.',
  // named reposts
  'Shared from the National Literacy Trust: ten tips for reading at home.',
  'RT @bbcnews: schools are closed today because of snow.',
  'Reposted from Northants Wildlife Trust - what a beautiful picture!',
  'Shared from the Rushden Families Facebook group: a lost cat has been found near the park.',
  // photos with the school's own or no creator
  { text: 'Sports day was brilliant!', photos: ['test/fixtures/photos/clean.jpg'] },
  { text: 'Sports day was brilliant! Photo: Jo Marsh', photos: ['test/fixtures/photos/copyright.jpg'] },
  { text: 'Sports day was brilliant! Photos © Marsh Event Photography', photos: ['test/fixtures/photos/copyright.jpg'] },
  { text: 'Sports day was brilliant! Thanks to Jo Marsh for the photos.', photos: ['test/fixtures/photos/copyright.jpg'] },
  { text: 'Harvest festival', photos: ['test/fixtures/photos/caption-owner.jpg'] },
  // a private person's photo (most likely a pupil's family) credited to "a parent" (blind test v22)
  { text: 'Home learning heroes! Photo kindly shared by a parent.', photos: ['fixtures/drafts/photos/garden.jpg'] },
  { text: 'Thank you to one of our families for this lovely photo of a bug hotel.', photos: ['fixtures/drafts/photos/garden.jpg'] },
  { text: 'Bug hotels galore. Photo: a Year 4 parent', photos: ['fixtures/drafts/photos/garden.jpg'] },
];

t.run('missing-attribution', { valid, invalid });

// A second set, written before the rule saw it. On first run it flagged all 7 items to flag
// and 3 it should not have (a booking link, a blockquote credited inside it, a YouTube link
// credited "footage ... from the Royal Observatory"): fixed, and kept here.
const SECOND: [number, string][] = [
  [1, 'What a lovely story about our local library! https://www.northantslibraries.co.uk/news/summer-reading'],
  [0, 'What a lovely story from Northants Libraries about summer reading! https://www.northantslibraries.co.uk/news/summer-reading'],
  [1, 'We love this idea for rainy days 🌧️ [Find out more](https://www.play-ideas.co.uk/rainy-day)'],
  [0, 'Lots of online safety advice for parents from @InternetMatters: https://www.internetmatters.org/advice/'],
  [1, 'Important online safety advice for parents: https://www.internetmatters.org/advice/'],
  [0, 'Book your parents evening slot here: https://www.schoolcloud.co.uk/southend'],
  [0, 'Dinner money is now due. Please pay via ParentPay.'],
  [1, '> “The more that you read, the more things you will know.”\n\nLet’s keep reading over the holidays!'],
  [0, '> “The more that you read, the more things you will know.” — Dr. Seuss'],
  [0, 'As Dr Seuss said, “The more that you read, the more things you will know. The more that you learn, the more places you’ll go.”'],
  [1, 'Reposting for anyone who missed it – a brilliant free event at the museum this weekend.'],
  [0, 'Reposting from Northampton Museum – a brilliant free event this weekend.'],
  [0, 'Check out our new website! https://southend.example.sch.uk'],
  [0, 'Photos from sports day are now on our website: https://www.southend.example.sch.uk/gallery'],
  [1, 'Amazing footage of the eclipse https://www.youtube.com/watch?v=xyz'],
  [0, 'Amazing footage of the eclipse from the Royal Observatory https://www.youtube.com/watch?v=xyz'],
  [0, 'Year 5 wrote their own poems this week. Well done!'],
  [0, 'Our head teacher, Mrs Shah, said "I am so proud of every child in this school and everything they have achieved."'],
  [1, 'Wise words to finish the week: "Be the reason someone smiles today, because kindness is the best gift you can ever give."'],
  [0, 'Thank you to Tesco Rushden for donating fruit for sports day! https://www.tesco.com/community'],
];

describe('missing-attribution: a second set of posts', () => {
  for (const [n, text] of SECOND) {
    it(`${n}: ${text.slice(0, 80)}`, async () => {
      const out = await runOn(text, t.rules, t.school);
      expect(out.findings.filter((f) => f.rule === 'missing-attribution').map((f) => f.excerpt).length).toBe(n);
    });
  }
});

describe('missing-attribution with the sample draft', () => {
  it('flags the article link and the quotation of fixtures/drafts/shared-article.md', async () => {
    const text = readFileSync(path.join(ROOT, 'fixtures/drafts/shared-article.md'), 'utf8');
    const out = await runOn(text, t.rules, t.school);
    const mine = out.findings.filter((f) => f.rule === 'missing-attribution');
    expect(mine.map((f) => f.line)).toEqual([4, 6]);
    expect(mine[0].suggestion).toMatch(/Credit: Northamptonchron/);
    expect(mine[1].suggestion).toMatch(/— Northamptonchron/);
  });
});

// The photo part through a fake context: hand-made PhotoMeta, as the photo reader produces it.
function meta(p: Partial<PhotoMeta>): PhotoMeta {
  return {
    path: 'photo.jpg', absPath: '/tmp/photo.jpg', fileName: 'photo.jpg', bytes: 1000, format: 'jpeg', extensionMismatch: false,
    gpsTagsPresent: false, serials: [], creators: [], copyright: [], owners: [], texts: [], keywords: [], people: [], embedded: [], warnings: [],
    ...p,
  };
}

async function runFake(text: string, metas: PhotoMeta[], school: Partial<School> = {}) {
  const draft = parseDraft(text, { path: 'draft.md', absPath: '/tmp/draft.md', format: 'markdown' });
  draft.images.push(...metas.map((m) => ({ path: m.path, absPath: m.absPath, source: 'cli' as const })));
  const ctx: CheckContext = {
    draft,
    school: { ...t.school, ...school },
    nlp: async () => null,
    photos: async () => metas,
    runCache: new Map(),
  };
  const rule = t.rules.find((r) => r.id === 'missing-attribution')! as unknown as Rule<never>;
  return check.run(ctx, rule as never);
}

describe('missing-attribution: photo metadata (fake context)', () => {
  it('asks for the photographer named in the metadata', async () => {
    const hits = await runFake('Look at our garden!', [meta({ creators: [{ tag: 'Artist', value: 'Sam Okafor' }] })]);
    expect(hits.map((h) => [h.photo, h.data?.creator, h.messageId])).toEqual([['photo.jpg', 'Sam Okafor', 'photo']]);
  });
  it('is quiet when the credit names them, or with empty metadata (photo reader not filled)', async () => {
    expect(await runFake('Look at our garden! Photo by Sam Okafor', [meta({ creators: [{ tag: 'Artist', value: 'Sam Okafor' }] })])).toEqual([]);
    expect(await runFake('Look at our garden!', [meta({})])).toEqual([]);
  });
  it('names the copyright holder and merges it with the same person as creator', async () => {
    const hits = await runFake('Our garden', [meta({ creators: [{ tag: 'Artist', value: 'Jo Marsh' }], copyright: [{ tag: 'Copyright', value: '© 2024 Marsh Event Photography Ltd' }] })]);
    expect(hits.length).toBe(1);
    const other = await runFake('Our garden', [meta({ copyright: [{ tag: 'Copyright', value: 'Getty Images' }] })]);
    expect(other.map((h) => h.data?.creator)).toEqual(['Getty Images']);
  });
  it('leaves the school and its staff alone, and placeholders', async () => {
    const staff = t.school.staff[0];
    const hits = await runFake('Our garden', [
      meta({ creators: [{ tag: 'Artist', value: `${staff.first} ${staff.last}` }] }),
      meta({ path: 'b.jpg', copyright: [{ tag: 'Copyright', value: '© South End Junior School' }] }),
      meta({ path: 'c.jpg', creators: [{ tag: 'Artist', value: 'Unknown' }] }),
    ]);
    expect(hits).toEqual([]);
  });
  it("never asks to print a pupil's name (a pupil as photographer)", async () => {
    const pupil = t.school.roster[0];
    const hits = await runFake('Our garden', [meta({ creators: [{ tag: 'Artist', value: `${pupil.first} ${pupil.last}` }] })]);
    expect(hits).toEqual([]);
  });
  it('gives one finding per photo and holder', async () => {
    const hits = await runFake('Our trip', [
      meta({ path: 'a.jpg', creators: [{ tag: 'Artist', value: 'Sam Okafor' }] }),
      meta({ path: 'b.jpg', creators: [{ tag: 'Artist', value: 'Lee Chan' }] }),
    ]);
    expect(hits.map((h) => h.photo)).toEqual(['a.jpg', 'b.jpg']);
  });
});

describe('missing-attribution table size', () => {
  it('has at least 80 cases', () => {
    expect(invalid.length + valid.length).toBeGreaterThanOrEqual(80);
  });
});

describe('missing-attribution: the examples in its rule file', () => {
  const rule = t.rules.find((r) => r.id === 'missing-attribution')!;
  for (const bad of rule.examples?.bad ?? []) {
    it(`flags: ${bad}`, async () => {
      const out = await runOn(bad, t.rules, t.school);
      expect(out.findings.filter((f) => f.rule === 'missing-attribution').length).toBeGreaterThan(0);
    });
  }
  for (const good of rule.examples?.good ?? []) {
    it(`leaves alone: ${good}`, async () => {
      const out = await runOn(good, t.rules, t.school);
      expect(out.findings.filter((f) => f.rule === 'missing-attribution')).toEqual([]);
    });
  }
});

// Verse, pictures found online, and the school's own people's words (issue 10).
t.run('missing-attribution', {
  valid: [
    'Our Year 4 poets wrote this:\n\nThe wind is loud\nand the rain is cold\nwe stay inside\nwith our stories told',
    'Poem of the month\n\nLook inside and you will see much more;\ntouch someone\'s soul and you open a door.\nImagine a world where kindness abounds,\nwhere laughter\'s the only sound...\n– Nationwide Children\'s Hospital',
    '\'Twas the middle of a maths lesson, when all through the room,\nnot a child was stirring, not even a tune;\nYear 5 were busy learning their angles,\nand in came Oak Class to say hello.',
    'The winners were:\n\nOak: Amelia and Jack\nMaple: Rose\nWillow: Leo and Max\nGreen: Grace',
    'Amelia ran for the county. "I was nervous at first, but I got better as the training went on and I was very proud of myself."',
  ],
  invalid: [
    { text: 'A poem for our leavers:\n\nOnly four years, and still I came to know\nthe magic living underneath this roof.\nI built the bricks I stand on with that magic\nand the magic is you!', count: 1, message: /verse/ },
    { text: '---\nimages: [photos/a.jpg]\nalt: Image result for stage curtains\n---\nOur assembly is on Friday.', count: 1, message: /found online/ },
  ],
});

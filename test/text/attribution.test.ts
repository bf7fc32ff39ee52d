import { describe, expect, it } from 'vitest';
import {
  cleanHolder, findCredits, findQuotations, findShareMarkers, guessSource, hostOf, isMeaningfulHolder, isOwnHolder,
  isOwnUrl, isServiceUrl, linkTextNames, mainLabel, namesHolder, namesSource, quoteAttributed,
} from '../../src/text/attribution.js';

const SCHOOL = ['southend.example.sch.uk'];

describe('hosts', () => {
  it.each([
    ['https://www.bbc.co.uk/sport/football', 'bbc.co.uk'],
    ['http://m.facebook.com/page', 'facebook.com'],
    ['https://user@news.example.org:8080/x', 'news.example.org'],
    ['www.rspb.org.uk/birds', 'rspb.org.uk'],
    ['bbc.co.uk/news', 'bbc.co.uk'],
    ['mailto:office@school.org', null],
    ['tel:01234567890', null],
    ['/news/sports-day', null],
  ])('hostOf(%s) = %s', (url, host) => expect(hostOf(url)).toBe(host));

  it.each([
    ['https://southend.example.sch.uk/news', true],
    ['https://www.southend.example.sch.uk/news', true],
    ['https://blog.southend.example.sch.uk/post', true],
    ['https://notsouthend.example.sch.uk/', false],
    ['https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fsouthend.example.sch.uk%2Fnews', true],
    ['https://twitter.com/intent/tweet?url=https://southend.example.sch.uk/news&text=Sports', true],
    ['https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.bbc.co.uk%2Fnews', false],
    ['mailto:office@southend.example.sch.uk', true],
    ['/news/sports-day', true],
    ['https://www.bbc.co.uk/news', false],
  ])('isOwnUrl(%s) = %s', (url, own) => expect(isOwnUrl(url, SCHOOL)).toBe(own));

  it('knows services that are not material', () => {
    expect(isServiceUrl('https://www.parentpay.com/login')).toBe(true);
    expect(isServiceUrl('https://forms.office.com/r/abc')).toBe(true);
    expect(isServiceUrl('https://docs.google.com/forms/d/xyz')).toBe(true);
    expect(isServiceUrl('https://booking.myschoolsystem.co.uk/x', ['myschoolsystem.co.uk'])).toBe(true);
    expect(isServiceUrl('https://www.bbc.co.uk/news')).toBe(false);
  });

  it('finds the organisation label of a host', () => {
    expect(mainLabel('www.northamptonchron.co.uk')).toBe('northamptonchron');
    expect(mainLabel('news.northamptonchron.example.co.uk')).toBe('northamptonchron');
    expect(mainLabel('blog.kidsreading.org')).toBe('kidsreading');
    expect(mainLabel('stmarys.northants.sch.uk')).toBe('stmarys');
  });
});

describe('guessSource', () => {
  it.each([
    ['https://www.bbc.co.uk/sport/football/123', 'BBC Sport'],
    ['https://www.bbc.co.uk/news/uk-123', 'BBC News'],
    ['https://www.bbc.co.uk/bitesize/topics/x', 'BBC Bitesize'],
    ['https://www.theguardian.com/education/2024/x', 'The Guardian'],
    ['https://www.rspb.org.uk/birds', 'RSPB'],
    ['https://www.gov.uk/school-term-dates', 'GOV.UK'],
    ['https://www.youtube.com/@NASA/videos', '@NASA on YouTube'],
    ['https://x.com/NorthantsFA/status/1', '@NorthantsFA on X (Twitter)'],
    ['https://www.youtube.com/watch?v=abc', "<the video's creator> on YouTube"],
    ['https://bit.ly/3abc', '<the original author>'],
    ['https://www.northamptonchron.co.uk/news/x', 'Northamptonchron'],
    ['https://www.kids-reading-club.org/tips', 'Kids Reading Club'],
    ['https://www.nspcc.org.uk/keeping-children-safe', 'NSPCC'],
    ['https://www.gov.uk/school-term-holiday-dates', 'GOV.UK'],
    ['https://www.northnorthants.gov.uk/schools', 'Northnorthants'],
  ])('%s -> %s', (url, name) => expect(guessSource(url).name).toBe(name));

  it('takes names from the rule for unknown hosts', () => {
    expect(guessSource('https://www.northamptonchron.co.uk/x', { 'northamptonchron.co.uk': 'Northampton Chronicle & Echo' }).name).toBe('Northampton Chronicle & Echo');
  });

  it('recognises the source named in a text', () => {
    const bbc = guessSource('https://www.bbc.co.uk/sport/x');
    expect(namesSource('A great report from the BBC!', bbc)).toBe(true);
    expect(namesSource('A great report from BBC Sport!', bbc)).toBe(true);
    expect(namesSource('A great report!', bbc)).toBe(false);
    const chron = guessSource('https://www.northamptonchron.co.uk/x');
    expect(namesSource('Thanks to the Northampton Chronicle for the story', chron)).toBe(true);
    expect(namesSource('Thanks to our friends in Northampton', chron)).toBe(false);
    const fa = guessSource('https://x.com/NorthantsFA/status/1');
    expect(namesSource('Well done, says @NorthantsFA', fa)).toBe(true);
  });

  it('tells link texts that name the source from generic ones', () => {
    const bbc = guessSource('https://www.bbc.co.uk/sport/x');
    expect(linkTextNames('the BBC Sport report', bbc)).toBe(true);
    expect(linkTextNames('here', bbc)).toBe(false);
    expect(linkTextNames('read more', bbc)).toBe(false);
    expect(linkTextNames('https://www.bbc.co.uk/sport/x', bbc)).toBe(false);
  });
});

describe('findCredits', () => {
  const names = (s: string) => findCredits(s).map((c) => c.name);
  it.each([
    ['Credit: BBC Sport', 'BBC Sport'],
    ['Photo credit: Jo Marsh', 'Jo Marsh'],
    ['Source - the Met Office', 'the Met Office'],
    ['Photo by Jo Marsh Photography', 'Jo Marsh Photography'],
    ['Photos taken by Mr Khan', 'Mr Khan'],
    ['Photo: Northampton Chronicle', 'Northampton Chronicle'],
    ['Great news via BBC Newsround', 'BBC Newsround'],
    ['Image courtesy of the RSPB', 'the RSPB'],
    ['© 2024 Marsh Event Photography', 'Marsh Event Photography'],
    ['(c) Getty Images', 'Getty Images'],
    ['Thank you to Northants Wildlife Trust for sharing this', 'Northants Wildlife Trust'],
    ['Thanks @NorthantsFA', 'NorthantsFA'],
    ['A lovely article from The Guardian about reading', 'The Guardian'],
    ['Reproduced with kind permission of Walker Books', 'Walker Books'],
  ])('%s', (text, name) => expect(names(text)).toContain(name));

  it.each([
    'Great work today everyone!',
    'Email office@school.org for details.',
    'Photo day is on Monday.',
    'The source of the river was our topic.',
  ])('no credit in: %s', (text) => expect(names(text).filter((n) => n.length > 0)).toEqual([]));
});

describe('quotations', () => {
  it('finds long quotations, not short ones', () => {
    expect(findQuotations('We loved the "Star of the Week" board.')).toEqual([]);
    const text = 'He said: “Reading is the most important thing you can do for your child every single day.”';
    expect(findQuotations(text).length).toBe(1);
  });

  it('sees who said it', () => {
    const q = (text: string) => quoteAttributed(text, findQuotations(text, 5)[0]);
    expect(q('Mrs Patel said: "You have all worked so hard this year, well done."')).toBe(true);
    expect(q('"You have all worked so hard this year, well done," said Mrs Patel.')).toBe(true);
    expect(q('"You have all worked so hard this year, well done."\n— Mrs Patel')).toBe(true);
    expect(q('"You have all worked so hard this year, well done."\n\nSee you soon!')).toBe(false);
  });
});

describe('share markers', () => {
  it.each([
    ['Repost! Such a lovely idea.', false],
    ['Shared from the National Literacy Trust: tips', true],
    ['RT @bbcnews: school places', true],
    ['As seen on BBC Breakfast this morning', true],
    ['Reposting this great idea', false],
  ])('%s', (text, named) => {
    const m = findShareMarkers(text);
    expect(m.length).toBe(1);
    expect(m[0].named).toBe(named);
  });

  it('ignores "rt" inside words and lower-case "rt"', () => {
    expect(findShareMarkers('Art and sport this week. The rt hon visitor.')).toEqual([]);
  });
});

describe('photo holders', () => {
  it('cleans copyright strings', () => {
    expect(cleanHolder('© 2024 Marsh Event Photography Ltd. All rights reserved.')).toBe('Marsh Event Photography Ltd');
    expect(cleanHolder('Copyright (c) 2019-2023 Jo Marsh')).toBe('Jo Marsh');
    expect(cleanHolder('Photo by Sam Lee')).toBe('Sam Lee');
  });

  it('drops placeholders', () => {
    expect(isMeaningfulHolder('Jo Marsh')).toBe(true);
    for (const junk of ['Unknown', 'iPhone', 'Owner', 'Administrator', '1234', 'Canon']) expect(isMeaningfulHolder(junk)).toBe(false);
  });

  it('knows the school and its staff', () => {
    const own = { schoolName: 'South End Junior School (sample)', schoolDomains: SCHOOL, staff: [{ first: 'David', last: 'Fairbairn' }] };
    expect(isOwnHolder('South End Junior School', own)).toBe(true);
    expect(isOwnHolder('© South End Junior', own)).toBe(true);
    expect(isOwnHolder('David Fairbairn', own)).toBe(true);
    expect(isOwnHolder('Mr D Fairbairn', own)).toBe(true);
    expect(isOwnHolder('Jo Marsh', own)).toBe(false);
  });

  it('finds the holder named in a post', () => {
    expect(namesHolder('Photo by Jo Marsh', 'Jo Marsh')).toBe(true);
    expect(namesHolder('Photos: Marsh Event Photography', 'Jo Marsh')).toBe(true);
    expect(namesHolder('Thanks to Marsh Event Photography Ltd', 'Marsh Event Photography Ltd')).toBe(true);
    expect(namesHolder('Photo by the PTA', 'Jo Marsh')).toBe(false);
    expect(namesHolder('We went to the marshes', 'Jo Marsh')).toBe(false);
  });
});

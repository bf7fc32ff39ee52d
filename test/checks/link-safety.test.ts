/** link-safety through the real engine: decided from the address alone. */
import { describe, expect, it } from 'vitest';
import { emptySchool } from '../../src/config/config.js';
import { isPersonalProfile } from '../../src/text/links/index.js';
import { ruleTester, runOn, type InvalidCase } from '../helpers/rule-tester.js';

const school = { ...emptySchool(), schoolDomains: ['castlebrook.example.sch.uk'] };
const t = await ruleTester({ rules: ['link-safety'], school });
const bad = (text: string, excerpt: string, message: RegExp): InvalidCase => ({ text, excerpts: [excerpt], severity: 'warning', message });

const SHORT = /shortened link/;
const HTTP = /plain http/;
const IP = /raw IP/;
const DL = /downloads a file/;
const FILE = /file-sharing site/;
const PROFILE = /person's profile/;

t.run('link-safety', {
  valid: [
    'Tickets: https://www.eventbrite.co.uk/e/castlebrook-nativity-tickets-1000000000001',
    'See https://castlebrook.example.sch.uk/pals for the handbook.',
    'Old site: http://castlebrook.example.sch.uk/news',
    'Download https://castlebrook.example.sch.uk/forms/trip.zip',
    'Guidance: https://www.gov.uk/guidance/school-uniform.pdf',
    'Read [the BBC story](https://www.bbc.co.uk/news/education-123).',
    'Our PTA: https://www.facebook.com/CastlebrookPTA',
    'Follow https://twitter.com/northantsfa for fixtures.',
    'Like https://www.facebook.com/SouthEndJuniors',
    'https://x.com/BBCSport has the results.',
    'https://www.instagram.com/natlibraryuk posts lovely photos.',
    'Join https://www.facebook.com/groups/castlebrookparents',
    'The event: https://www.facebook.com/events/123456789',
    'The post: https://x.com/bbcsport/status/12345',
    'A photo: https://www.instagram.com/p/Cabc123/',
    'Video: https://www.youtube.com/watch?v=abc123',
    'Visit www.example.org/page for details.',
    'Email office@castlebrook.example.sch.uk',
    'Pay on https://www.parentpay.com',
    'Book at https://forms.office.com/r/abc123',
    'Recipes at https://www.bbcgoodfood.com/recipes',
    'See https://www.nhs.uk/conditions/chickenpox/',
    'LinkedIn page: https://www.linkedin.com/company/castlebrook',
    'TikTok: https://www.tiktok.com/@castlebrookschool',
    'Docs at https://example.org/report.docx',
  ],
  invalid: [
    bad('The handbook is here: https://bit.ly/cbpals.', 'https://bit.ly/cbpals', SHORT),
    bad('Sign up: https://tinyurl.com/y6abc', 'https://tinyurl.com/y6abc', SHORT),
    bad('https://t.co/abc123 for the video', 'https://t.co/abc123', SHORT),
    bad('Survey: https://goo.gl/forms/abc', 'https://goo.gl/forms/abc', SHORT),
    bad('Form: https://ow.ly/abc', 'https://ow.ly/abc', SHORT),
    bad('[Our form](https://cutt.ly/xyz)', 'https://cutt.ly/xyz', SHORT),
    bad('See www.bit.ly/abc', 'www.bit.ly/abc', SHORT),
    bad('Link https://rb.gy/abc12', 'https://rb.gy/abc12', SHORT),
    bad('Link https://buff.ly/3abc', 'https://buff.ly/3abc', SHORT),
    bad('Link https://is.gd/abc', 'https://is.gd/abc', SHORT),
    bad('Results at http://example.org/results', 'http://example.org/results', HTTP),
    bad('[Results](http://www.sportsclub.example/results)', 'http://www.sportsclub.example/results', HTTP),
    bad('Old page http://www.example.com/page', 'http://www.example.com/page', HTTP),
    bad('Form at http://192.0.2.10/form', 'http://192.0.2.10/form', IP),
    bad('Form at https://203.0.113.5/x', 'https://203.0.113.5/x', IP),
    bad('Try [the form](https://[2001:db8::1]/page)', 'https://[2001:db8::1]/page', IP),
    bad('Install https://example.org/setup.exe', 'https://example.org/setup.exe', DL),
    bad('Photos: https://example.org/photos.zip', 'https://example.org/photos.zip', DL),
    bad('Get https://example.org/app.apk', 'https://example.org/app.apk', DL),
    bad('Get https://example.org/tool.msi', 'https://example.org/tool.msi', DL),
    bad('Get https://example.org/pack.rar', 'https://example.org/pack.rar', DL),
    bad('Get https://example.org/pack.7z', 'https://example.org/pack.7z', DL),
    bad('Get https://example.org/run.bat', 'https://example.org/run.bat', DL),
    bad('Mac: https://example.org/app.dmg', 'https://example.org/app.dmg', DL),
    bad('Photos: https://www.dropbox.com/s/abc123/sports-day.jpg', 'https://www.dropbox.com/s/abc123/sports-day.jpg', FILE),
    bad('Letter: https://drive.google.com/file/d/abc/view', 'https://drive.google.com/file/d/abc/view', FILE),
    bad('Slides: https://1drv.ms/p/s!abc', 'https://1drv.ms/p/s!abc', FILE),
    bad('Video: https://we.tl/t-abc123', 'https://we.tl/t-abc123', FILE),
    bad('Video: https://wetransfer.com/downloads/abc', 'https://wetransfer.com/downloads/abc', FILE),
    bad('File: https://www.mediafire.com/file/abc/report.pdf', 'https://www.mediafire.com/file/abc/report.pdf', FILE),
    bad('File: https://mega.nz/file/abc', 'https://mega.nz/file/abc', FILE),
    bad('Doc: https://onedrive.live.com/view.aspx?id=abc', 'https://onedrive.live.com/view.aspx?id=abc', FILE),
    bad('Thanks to https://www.facebook.com/jo.smith.9', 'https://www.facebook.com/jo.smith.9', PROFILE),
    bad('Thanks https://www.facebook.com/profile.php?id=100001234567', 'https://www.facebook.com/profile.php?id=100001234567', PROFILE),
    bad('Follow https://www.instagram.com/coach.jo.smith', 'https://www.instagram.com/coach.jo.smith', PROFILE),
    bad('See https://x.com/jo_smith', 'https://x.com/jo_smith', PROFILE),
    bad('See https://twitter.com/josmith85', 'https://twitter.com/josmith85', PROFILE),
    bad('See https://www.tiktok.com/@jo.smith', 'https://www.tiktok.com/@jo.smith', PROFILE),
    bad('See https://www.linkedin.com/in/jo-smith-123', 'https://www.linkedin.com/in/jo-smith-123', PROFILE),
    bad('See https://m.facebook.com/claire.bright.77', 'https://m.facebook.com/claire.bright.77', PROFILE),
    bad('[Claire](https://www.facebook.com/claire.bright)', 'https://www.facebook.com/claire.bright', PROFILE),
    bad('See https://www.threads.net/@sam.jones', 'https://www.threads.net/@sam.jones', PROFILE),
    bad('Add https://www.snapchat.com/add/sam_jones', 'https://www.snapchat.com/add/sam_jones', PROFILE),
    bad('See https://www.facebook.com/people/Jo-Smith/100001', 'https://www.facebook.com/people/Jo-Smith/100001', PROFILE),
  ],
});

describe('link-safety options', () => {
  it('flags the block list and never the allow list', async () => {
    const rules = t.rules.map((r) => ({ ...r, options: { ...r.options, block: ['badsite.example'], allow: ['bit.ly'] } }));
    const out = await runOn('See https://www.badsite.example/page and https://bit.ly/abc', rules, school);
    expect(out.findings.map((f) => [f.excerpt, f.message.includes('does not link to')])).toEqual([['https://www.badsite.example/page', true]]);
  });
  it('tells a person from an organisation by the handle alone', () => {
    expect(isPersonalProfile('https://www.facebook.com/jo.smith')).toBe(true);
    expect(isPersonalProfile('https://www.facebook.com/castlebrook.pta')).toBe(false);
    expect(isPersonalProfile('https://www.facebook.com/jo.smith', ['jo.smith'])).toBe(false);
    expect(isPersonalProfile('https://example.org/jo.smith')).toBe(false);
  });
});

/**
 * personal-data through the real engine: every kind of data, every common shape, and the
 * traps a school post is full of (prices, dates, ages, times, years, rooms, scores, the
 * school's own contact details, references shaped like phones, awareness posts).
 */
import { describe, expect, it } from 'vitest';
import { emptySchool } from '../../src/config/config.js';
import { ninoPrefixOk, upnCheckLetter } from '../../src/text/personal/index.js';
import type { Person, School } from '../../src/types.js';
import { ruleTester, runOn, type InvalidCase } from '../helpers/rule-tester.js';

const pupil = (first: string, last: string, className = 'Oak'): Person => ({ first, last, className, source: 'test' });
const school: School = {
  ...emptySchool(),
  roster: [
    pupil('Summer', 'King'), pupil('Muhammad', 'Hussain'), pupil('Ellie', 'Jones'), pupil('Tobi', 'Adeyemi'),
    pupil('Nathan', 'Okoro', 'Birch'), pupil('Louis', 'Bennett'), pupil('Teddy', 'Ryan'), pupil('Max', 'Fry'),
    pupil('Hope', 'Walker'), pupil('Freya', 'Price'), pupil('Zoë', 'Brown'),
  ],
  staff: [
    { first: 'Helen', last: 'Green', source: 'test' }, { first: 'Mark', last: 'Fox', source: 'test' },
    { first: 'Sarah', last: 'Wood', source: 'test' },
  ],
  classes: ['Holly', 'Oak', 'Birch'],
  schoolDomains: ['castlebrook.example.sch.uk'],
};

const t = await ruleTester({ rules: ['personal-data'], school });
const kind = (k: string): RegExp =>
  ({
    email: /email address/, phone: /phone number/, postcode: /full postcode/, address: /street address/, birth: /date of birth/,
    upn: /Unique Pupil Number/, nhs: /NHS number/, nino: /National Insurance/, special: /special-category/, relative: /relative|family/,
  })[k]!;
const inv = (text: string, excerpts: string[], k: string, extra: Partial<InvalidCase> = {}): InvalidCase => ({ text, excerpts, message: kind(k), severity: 'error', ...extra });

// ---- phones: every shape of one number, and of landlines ---------------------------------
const mobileShapes = [
  '07700 900123', '07700900123', '07700 900 123', '0770 090 0123', '07700-900-123', '07700.900.123', '07700 900-123',
  '+44 7700 900123', '+447700900123', '+44 (0)7700 900123', '+44(0)7700900123', '0044 7700 900123', '(07700) 900123',
];
const landShapes = ['01632 960100', '01632 960 100', '(01632) 960100', '01632-960-100', '01632.960.100', '020 7946 0958', '0161 496 0000', '0113 496 0123', '+44 20 7946 0958', '029 2018 0123'];

const validUpn = `${upnCheckLetter('201234567890')}201234567890`;
const wrongUpn = `${validUpn[0] === 'A' ? 'B' : 'A'}201234567890`;

t.run('personal-data', {
  valid: [
    // emails the school may publish
    'Email office@castlebrook.example.sch.uk for a form.',
    'Questions to admin@castlebrook.example.sch.uk or head@castlebrook.example.sch.uk please.',
    'Contact enquiries@castlebrook.example.sch.uk.',
    'Year 4 homework goes to year4@castlebrook.example.sch.uk.',
    'Oak Class can be reached at oak@castlebrook.example.sch.uk.',
    'Send photos to mr.fox@castlebrook.example.sch.uk by Friday.',
    'Our SENCo is on senco@castlebrook.example.sch.uk.',
    'From: j.pritchard@example.com (not a real email address)',
    '<!-- note to self: jo.smith@gmail.com asked for a copy -->\nA lovely day.',
    'Tickets @ £3 each.',
    // phones that are not people's
    'Please ring the office on 01632 960100 if your child is ill.',
    'Call the school office on 07700 900123 for details.',
    'Ring reception: 01632 960100.',
    'Childline is free on 0800 1111.',
    'NSPCC helpline 0808 800 5000.',
    'Call the council on 0300 123 4567.',
    'Order no. 07700 900123 has been sent.',
    'Your booking reference is 01632 960100.',
    'Invoice 020 7946 0958 is paid.',
    'Ref 1234 567 8901.',
    'Registered charity number 1123456.',
    // prices, dates, times, ages, years, rooms, scores
    'Tickets cost £12.50, or £40 for a family of four.',
    'We raised £1,234.56 for the appeal!',
    'The trip is on 21/09/2026.',
    'Term starts 3 September 2026.',
    'Our school opened on 3 March 1998.',
    'Children aged 7-11 can join.',
    'Doors open 6pm–8pm.',
    'In 2016 we won the cup.',
    'Year 6 meet in Room 101.',
    'We won 3-1, then 10-0 in the final.',
    'Pages 12 to 14 of the reading book.',
    'Happy birthday Freya, 7 today!',
    'It was my birthday (57 today!).',
    'Queen Victoria was born on 24 May 1819.',
    // postcodes and addresses that are not homes
    'Castlebrook Primary School, 1 Mill Lane, NN1 4AB',
    'Meet at the Leisure Centre, 12 High Street.',
    'Twycross Zoo, Burton Road, CV9 3PX.',
    'Our catchment covers NN1 and NN2.',
    'The AB12 bus and the M1 motorway.',
    'We read 14 Cows for India.',
    'Year 4 Oak Class walked to the park.',
    'We sang 3 Christmas songs.',
    // identifiers that fail their check
    `Pupil ${wrongUpn} is not a real UPN.`,
    'Reference 943 476 5918 (not a valid NHS number).',
    'Specimen NI number QQ 12 34 56 C.',
    'Not an NI number: BG 12 34 56 A.',
    'Code DF123456A.',
    'Order 9434765919 shipped.',
    // special categories with no pupil named
    'It is Autism Acceptance Week: we learned about how brains differ.',
    'We are a nut-free school: please no nuts in lunchboxes.',
    'Allergy Awareness Week starts Monday.',
    'If your child has asthma, please send in a named inhaler.',
    'Free school meals: apply through the council website.',
    'Our SEN lead runs a coffee morning for parents.',
    'We visited the Nationwide Children\'s Hospital display.',
    'Pupil premium funding paid for the new library.',
    'Hope you all have a lovely half term, and get well soon to anyone with a cold.',
    'Holly Class went to the hospital radio station.',
    // relatives named by first name only, or of staff
    'Thanks to Sarah (Summer\'s mum) for the cakes.',
    'A huge thank you to parents Gary and Michelle for the music.',
    'Mr Fox\'s wife brought the bank card.',
    'Thanks to Summer\'s mum for the flowers.',
    'Thank you to Mrs Green, Nathan\'s teacher.',
  ],
  invalid: [
    // emails
    inv('Contact Jo at jo.smith@gmail.com for tickets.', ['jo.smith@gmail.com'], 'email', { suggestion: "the school office's address, or 'contact the office for details'" }),
    inv('Email kirsty.walsh82@example.com or dharper.home@example.com.', ['kirsty.walsh82@example.com', 'dharper.home@example.com'], 'email'),
    inv('Send it to mark.fox@castlebrook.example.sch.uk (our Year 6 teacher).', ['mark.fox@castlebrook.example.sch.uk'], 'email'),
    inv('Reply to [Gemma](mailto:gemmasutton@example.com).', ['gemmasutton@example.com'], 'email'),
    inv('Write to <nicola.pike1978@example.com> today.', ['nicola.pike1978@example.com'], 'email'),
    inv('Email: Jo.Smith@Outlook.COM', ['Jo.Smith@Outlook.COM'], 'email'),
    inv('Coach: coach_dan@hotmail.co.uk', ['coach_dan@hotmail.co.uk'], 'email'),
    { ...inv('Plain text too: jo@example.org', ['jo@example.org'], 'email'), format: 'text' },
    // phones: every shape
    ...mobileShapes.map((p) => inv(`For tickets call Sarah on ${p}.`, [p], 'phone', { name: `mobile ${p}` })),
    ...landShapes.map((p) => inv(`Ring Mrs Jones on ${p} after school.`, [p], 'phone', { name: `landline ${p}` })),
    inv('Call Sarah on 01632\n960100 if you can help.', ['01632 960100'], 'phone', { name: 'a number split over a line' }),
    inv('Text me: 07700 900123 or 07700 900456', ['07700 900123', '07700 900456'], 'phone'),
    inv('**07700 900123** is Dan\'s number', ['07700 900123'], 'phone'),
    // postcodes
    inv('Drop it at NN1 4AB please.', ['NN1 4AB'], 'postcode'),
    inv('She lives in SW1A 1AA.', ['SW1A 1AA'], 'postcode'),
    inv('Postcode EC1V 9HX.', ['EC1V 9HX'], 'postcode'),
    inv('Postcode m1 1ae.', ['m1 1ae'], 'postcode'),
    inv('The collection point is B33 8TH.', ['B33 8TH'], 'postcode'),
    inv('Parcel to CR2 6XH, thanks.', ['CR2 6XH'], 'postcode'),
    inv('Return to DN55 1PT.', ['DN55 1PT'], 'postcode'),
    inv('It went to W1A 0AX.', ['W1A 0AX'], 'postcode'),
    inv('Postcode NN14AB, no space.', ['NN14AB'], 'postcode'),
    // addresses, one finding each
    inv('Please bring it back to 14 Elm Road, NN1 4AB.', ['14 Elm Road, NN1 4AB'], 'address'),
    inv('Collect from 3a Mill Lane.', ['3a Mill Lane'], 'address'),
    inv('Party at 27 Saint Andrews Close on Saturday.', ['27 Saint Andrews Close'], 'address'),
    inv('Drop-off: 5 High Street, Northampton, NN1 4AB.', ['5 High Street, Northampton, NN1 4AB'], 'address'),
    inv('The lost coat is at 112 Park Avenue.', ['112 Park Avenue'], 'address'),
    inv('Bring donations to 9 Orchard Way or 10 Kings Drive.', ['9 Orchard Way', '10 Kings Drive'], 'address'),
    inv('Address: 1 Church View NN2 6JD', ['1 Church View NN2 6JD'], 'address'),
    inv('Meet at 45 The Crescent.', ['45 The Crescent'], 'address'),
    // dates of birth
    inv('Ellie was born on 3 March 2016.', ['3 March 2016'], 'birth'),
    inv('Born 2 May 2016, she is our youngest.', ['2 May 2016'], 'birth'),
    inv('DOB: 21/09/2016', ['21/09/2016'], 'birth'),
    inv('Date of birth 21.09.2016.', ['21.09.2016'], 'birth'),
    inv('Her birthday is 3rd of March 2016.', ['3rd of March 2016'], 'birth'),
    inv('Max (born March 3, 2016) starts today.', ['March 3, 2016'], 'birth'),
    inv('D.O.B. 04-11-15', ['04-11-15'], 'birth'),
    inv('Mrs Wood was born on 12 June 1975.', ['12 June 1975'], 'birth'),
    // identifiers with a right check
    inv(`UPN ${validUpn}`, [validUpn], 'upn'),
    inv(`Pupil number ${upnCheckLetter('820501234123')}820501234123 on the form.`, [`${upnCheckLetter('820501234123')}820501234123`], 'upn'),
    inv('NHS number 943 476 5919.', ['943 476 5919'], 'nhs'),
    inv('NHS no: 9434765919', ['9434765919'], 'nhs'),
    inv('Her number is 401 023 2137.', ['401 023 2137'], 'nhs'),
    inv('NI number AB 12 34 56 C.', ['AB 12 34 56 C'], 'nino'),
    inv('NINO: JG103759A', ['JG103759A'], 'nino'),
    inv('National Insurance: CE 34 56 78 D', ['CE 34 56 78 D'], 'nino'),
    // special categories of a named child
    inv('Ellie, who carries an inhaler for her asthma, ran brilliantly.', ['inhaler', 'asthma'], 'special'),
    inv('Teddy went to hospital for an operation on his leg.', ['hospital', 'operation'], 'special'),
    inv('Get well soon Max, who has a broken arm.', ['broken arm'], 'special'),
    inv('Tobi has an EHCP and loves maths.', ['EHCP'], 'special'),
    inv('Nathan gets SEN support in Birch Class.', ['SEN support'], 'special'),
    inv('Louis, who has dyslexia, read aloud today.', ['dyslexia'], 'special'),
    inv('Zoë is autistic and found the noise hard.', ['autistic'], 'special'),
    inv('Muhammad has ADHD.', ['ADHD'], 'special'),
    inv('Freya gets free school meals.', ['free school meals'], 'special'),
    inv('Summer is one of our pupil premium children.', ['pupil premium'], 'special'),
    inv('Teddy is a looked-after child.', ['looked-after'], 'special'),
    inv('Louis was adopted last year.', ['adopted'], 'special'),
    inv('Max has a social worker.', ['social worker'], 'special'),
    inv('Ellie has a nut allergy so please no nuts.', ['allergy'], 'special'),
    inv('Zoë has epilepsy.', ['epilepsy'], 'special'),
    inv('Nathan is diabetic and needs his insulin at lunch.', ['diabetic', 'insulin'], 'special'),
    inv('Freya is in a wheelchair this week.', ['wheelchair'], 'special'),
    inv('# Hello from Max\n\nI have a cast on my broken leg and I am on crutches.', ['a cast on', 'broken leg', 'crutches'], 'special', { name: 'a short post about one child' }),
    inv('Tobi, our Autism Acceptance Week speaker, is autistic.', ['autistic'], 'special'),
    // relatives
    inv("Thank you to Summer's mum Claire Bright for the cakes.", ['Claire Bright'], 'relative'),
    inv('A huge thank you to Mr Okafor, Tobi\'s dad, for the talk.', ['Mr Okafor'], 'relative'),
    inv("A session by Nadia Hussain, Muhammad's mum.", ['Nadia Hussain'], 'relative', { message: /gives away Muhammad's surname/ }),
    inv('Thanks to Mr Okoro, father of Nathan in Birch Class.', ['Mr Okoro'], 'relative', { message: /gives away Nathan's surname/ }),
    inv("Louis's mum led the workshop. Her name is Jenna Bennett, and she acts.", ['Jenna Bennett'], 'relative'),
    inv('Claire Bright (Summer\'s mum) ran the stall.', ['Claire Bright'], 'relative'),
    inv("Ellie's grandma, Mrs Pat Jones, visited.", ['Mrs Pat'], 'relative', { count: 1, excerpts: undefined }),
    inv('Thanks to the mum of Teddy, Jo Ryan.', ['Jo Ryan'], 'relative'),
  ],
});

describe('personal-data with no roster', async () => {
  const t2 = await ruleTester({ rules: ['personal-data'], school: emptySchool() });
  t2.run('personal-data', {
    valid: ['It is Autism Acceptance Week.', 'Thanks to Sarah (Summer\'s mum).', 'Please send in named inhalers.'],
    invalid: [
      inv('Ellie, who carries an inhaler for her asthma, ran well.', ['inhaler', 'asthma'], 'special'),
      inv("Thank you to Summer's mum Claire Bright for the cakes.", ['Claire Bright'], 'relative'),
      inv('Mr Okafor, Tobi\'s dad, gave a talk.', ['Mr Okafor'], 'relative'),
    ],
  });
});

describe('personal-data: the data itself', () => {
  it('computes the DfE check letter and the NINO prefix rules', () => {
    expect(upnCheckLetter('201234567890')).toMatch(/^[A-HJ-NP-RT-Z]$/);
    expect(ninoPrefixOk('AB')).toBe(true);
    for (const p of ['QQ', 'DA', 'AO', 'BG', 'GB', 'NK', 'ZZ', 'AV']) expect(ninoPrefixOk(p)).toBe(false);
  });
  it('never offers a fix for personal data', async () => {
    const out = await runOn('Call Sarah on 07700 900123 at 14 Elm Road.', t.rules, school, { fix: true });
    expect(out.findings.map((f) => f.excerpt)).toEqual(['07700 900123', '14 Elm Road']);
    expect(out.fixesApplied ?? 0).toBe(0);
  });
  it('takes the school numbers and addresses from the rule options', async () => {
    const rules = t.rules.map((r) => ({ ...r, options: { ...r.options, schoolPhones: ['07700900123'], schoolAddresses: ['14 Elm Road'] } }));
    const out = await runOn('Call 07700 900123 or visit 14 Elm Road.', rules, school);
    expect(out.findings).toEqual([]);
  });
});

describe('the three rules: their own examples', () => {
  for (const id of ['personal-data', 'confidential', 'link-safety']) {
    it(`${id}: every bad example is flagged and no good one is`, async () => {
      const tt = await ruleTester({ rules: [id], school: emptySchool() });
      const rule = tt.rules.find((r) => r.id === id)!;
      for (const text of rule.examples?.bad ?? []) {
        const out = await runOn(text, tt.rules, emptySchool());
        expect(out.findings.filter((f) => f.rule === id).length, text).toBeGreaterThan(0);
      }
      for (const text of rule.examples?.good ?? []) {
        const out = await runOn(text, tt.rules, emptySchool());
        expect(out.findings.filter((f) => f.rule === id).map((f) => f.excerpt), text).toEqual([]);
      }
    });
  }
});

// A seeded corpus of school drafts for the batch benchmark and tests: `n` drafts of 50–300
// words in week folders of 100, a third with a photo beside them (paired by name), with the
// sample school's config (fixtures/) copied in when `config` is set. Deterministic for a seed.
//   node scripts/make-corpus.mjs <dir> [n] [--no-config] [--no-photos]
import { copyFileSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const OPENINGS = [
  'What a fantastic week we have had in school!',
  'Year 4 have been busy learning about the Romans this term.',
  'Our Harvest Festival assembly was a real celebration of the season.',
  'Reminder: the Christmas disco is on Friday evening in the hall.',
  'Maple Class visited the museum on Tuesday as part of their topic.',
  'Sports Day was a huge success despite the clouds.',
];
const MIDDLES = [
  'The children worked together brilliantly and showed real kindness to one another.',
  'Thank you to all the families who sent in donations for the food bank.',
  'Well done to Amelia Hughes for her wonderful poem about autumn leaves.',
  'Leo was first over the line in the sack race.',
  'Doors open at 6pm and pick-up is at 7.30pm from the main entrance.',
  'Ollie and Aarav built a working model of a Roman aqueduct out of cardboard.',
  'Mrs Green and Green Class made fruit kebabs for everyone to share at lunch.',
  'We are so proud of how everyone tried their best, whatever the result.',
  'Please remember to label uniform, water bottles and lunch boxes with your child\'s name.',
  'The choir sang beautifully and the hall was full of smiles.',
  'Our reading champions have read over two hundred books between them this half term.',
  'Thanks to @NorthantsAthletics for lending us the starting pistol and the finish tape.',
  'Once again we are disappointed that some parents still park on the zig-zags.',
  'The Patel twins led the class assembly with confidence and humour.',
  'Photos from the trip are on the class page, and more will follow next week.',
];
const CLOSINGS = ['Have a lovely weekend!', 'See you all on Monday.', 'Thank you for your support.', 'Keep up the great work, everyone.'];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Write the corpus into `dir`; returns { drafts, photos }. */
export function makeCorpus(dir, { drafts = 2000, seed = 16, config = true, photos = true, words = [50, 300] } = {}) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const photoFiles = ['harvest-table.jpg', 'relay.jpg', 'garden.jpg'].map((f) => path.join(root, 'fixtures', 'drafts', 'photos', f));
  mkdirSync(dir, { recursive: true });
  if (config) {
    cpSync(path.join(root, 'fixtures', 'data'), path.join(dir, 'data'), { recursive: true });
    copyFileSync(path.join(root, 'fixtures', 'smcheck.yml'), path.join(dir, 'smcheck.yml'));
  }
  let nPhotos = 0;
  for (let i = 0; i < drafts; i++) {
    const week = path.join(dir, `week-${String(Math.floor(i / 100) + 1).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(week, { recursive: true });
    const target = words[0] + Math.floor(r() * (words[1] - words[0] + 1));
    const parts = [`# ${pick(OPENINGS).replace(/[!.]$/, '')}`, '', pick(OPENINGS)];
    let count = parts.join(' ').split(/\s+/).length;
    while (count < target) {
      const s = pick(MIDDLES);
      parts.push(s);
      count += s.split(/\s+/).length;
    }
    parts.push('', pick(CLOSINGS), '');
    const stem = `post-${String(i + 1).padStart(5, '0')}`;
    writeFileSync(path.join(week, `${stem}.md`), parts.join('\n'));
    if (photos && i % 3 === 0) {
      copyFileSync(photoFiles[nPhotos % photoFiles.length], path.join(week, `${stem}.jpg`));
      nPhotos++;
    }
  }
  return { drafts, photos: nPhotos };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, n] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: node scripts/make-corpus.mjs <dir> [n] [--no-config] [--no-photos]');
    process.exit(2);
  }
  const out = makeCorpus(dir, { drafts: Number(n ?? 2000), config: !process.argv.includes('--no-config'), photos: !process.argv.includes('--no-photos') });
  console.log(`${out.drafts} drafts, ${out.photos} photos in ${dir}`);
}

/** `smcheck init`: a commented smcheck.yml and template CSVs in the current folder. Never overwrites. */
import path from 'node:path';
import { UsageError } from '../errors.js';
import { OutputError, writeOutput } from '../outputs/write.js';

const CONFIG = `# smcheck configuration ('smcheck --help'; the "Config" section of smcheck's README.md)
# Paths are relative to this file. Every key is optional.

# The school's name, shown in reports.
school: My School

# Pupils, as your MIS exports them (SIMS, Arbor, Bromcom...): a CSV with a header row.
# Accepted headers include Forename / Legal Forename / Preferred Forename / first_name,
# Surname / Legal Surname / last_name, Year, Reg Group / class.
roster: data/roster.csv

# Staff names are never flagged as pupils ("Mrs Green" is fine).
staff: data/staff.csv

# Pupils whose names and images must never be published.
noPublish: data/no-publish.csv

# The photo-consent register: a Yes/No column per use (Website, Social Media, Press, Print;
# a blank means no), optional Consent Expiry and Leaving Date. Drafts say who is in their photos
# with 'pictured:' in their front matter. 'smcheck protect' makes a copy without names.
# consent: data/consent.csv
# key: ../private/smcheck.key     # the key of lists made by 'smcheck protect' (or SMCHECK_KEY)
# record: records/                # keep a record of every check (hashes and verdicts, no names)

# Extra folders of your own rules (YAML files; see 'smcheck explain tagging' for the shape).
# rules: [rules/local]

# Rules switched off, by id ('smcheck rules' lists them).
# disable: [tagging]

# Public figures and authors that are not pupils.
allowNames: [Roald Dahl]

# Class names that are not pupils ("Green Class", "Oak").
# classes: [Oak, Maple, Green]

# The school's own web domains: links to them are not "someone else's material".
# schoolDomains: [myschool.example.sch.uk]

# Times that may be published, such as office opening hours.
# allowTimes: ["8:30am", "4pm"]

# The school site: GPS inside it is a warning, not an error (radius in metres).
# site: { lat: 52.29, lon: -0.60, radius: 300 }

# The school's cameras and tablets: photos of pupils should come from these.
# devices:
#   - { make: Apple, model: iPad (9th generation) }

# Photos larger than this (pixels, long side) get a warning; 'smcheck clean' shrinks them.
# maxImageSize: 2048
`;

const FILES: Record<string, string> = {
  'smcheck.yml': CONFIG,
  'data/roster.csv': 'Legal Forename,Preferred Forename,Legal Surname,Year,Reg Group\r\n',
  'data/staff.csv': 'Title,Forename,Surname\r\n',
  'data/no-publish.csv': 'Forename,Surname,Reg Group\r\n',
  'data/consent.csv': 'Legal Forename,Legal Surname,Website,Social Media,Press,Print,Consent Expiry,Leaving Date\r\n',
};

export async function runInit(dir: string): Promise<number> {
  for (const [rel, content] of Object.entries(FILES)) {
    try {
      await writeOutput(path.join(dir, rel), content, { shown: rel, what: 'a template', mkdir: true });
      process.stdout.write(`created  ${rel}\n`);
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      if (e.reason === 'io') throw new UsageError(e.message);
      const why = e.reason === 'exists' ? 'already exists; not overwritten' : e.reason === 'symlink' ? 'a symbolic link; not written through' : 'not a regular file; left alone';
      process.stdout.write(`kept     ${rel} (${why})\n`);
    }
  }
  process.stdout.write(
    '\nNext: export your roster, staff list and no-publish list from your MIS into data/,\n' +
      'then check a post with:  smcheck draft.md photo.jpg\n',
  );
  return 0;
}

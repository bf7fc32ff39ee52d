/** Loads the invented test school in test/fixtures/names/ (plain CSV, parsed here so the tests stand alone). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Person, School } from '../../src/types.js';

const dir = fileURLToPath(new URL('../fixtures/names/', import.meta.url));

function people(file: string): Person[] {
  const rows = parse(readFileSync(dir + file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r, i) => ({
    first: r.first,
    last: r.last,
    preferred: r.preferred || undefined,
    className: r.class || undefined,
    source: `${file}:${i + 2}`,
  }));
}

export function testSchool(over: Partial<School> = {}): School {
  return {
    name: 'Test School',
    roster: people('roster.csv'),
    staff: people('staff.csv'),
    noPublish: people('no-publish.csv'),
    classes: ['Oak', 'Maple', 'Willow', 'Green'],
    allowNames: ['Roald Dahl', 'Jack Wilshere'],
    schoolDomains: [],
    allowTimes: [],
    devices: [],
    maxImageSize: 0,
    ...over,
  };
}

export const fixtureDir = dir;

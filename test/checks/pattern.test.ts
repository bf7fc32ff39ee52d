import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { ruleTester, runOn, ROOT } from '../helpers/rule-tester.js';
import { loadRules } from '../../src/engine/rules.js';
import { emptySchool } from '../../src/config/config.js';
import { tmpDir } from '../helpers/tmp.js';

const t = await ruleTester({ rules: ['tagging'] });

t.run('tagging', {
  valid: [
    'Well done to everyone who ran today!',
    'Email the office at office@southend.example.sch.uk for details.',
    'Tickets @ £3 each from the office.',
    'Our email is year4@school.org and year5@school.org.',
    { text: 'Contact us: office@school.org', format: 'text' },
    'Read more at [our page](https://twitter.com/southend) today.',
    'Follow the link https://example.org/@channel for the video.',
    'Price: 3 @ 50p.',
  ],
  invalid: [
    { text: 'Thanks to @NorthantsFA for the trophies!', excerpts: ['@NorthantsFA'], severity: 'error', message: /tagging is off/ },
    { text: '@bob well done', excerpts: ['@bob'] },
    { text: 'Shout out to @jane.doe. and @Sam_1!', excerpts: ['@jane.doe', '@Sam_1'] },
    { text: 'Great work @Zoë', excerpts: ['@Zoë'] },
    { text: '# Heading @coach\n\nText', excerpts: ['@coach'] },
    { text: '![Team with @coach](photo.jpg)', excerpts: ['@coach'] },
    { text: '---\ntitle: Thanks @pta\n---\nBody', excerpts: ['@pta'] },
    { text: 'Hi @a_b and @c_d', excerpts: ['@a_b', '@c_d'] },
    { text: 'Inline `@still_tags` is pasted as it is', excerpts: ['@still_tags'] },
    { text: 'Thanks @bob\r\nand @sue', excerpts: ['@bob', '@sue'], format: 'text' },
  ],
});

describe('pattern kind options', () => {
  const dir = tmpDir('smcheck-rules-');
  writeFileSync(
    path.join(dir, 'words.yml'),
    [
      'id: local-words',
      'extends: pattern',
      'severity: warning',
      'message: "Say \'{replacement}\' rather than \'{match}\'"',
      'policy: "Always use a professional and appropriate tone."',
      'swap:',
      '  kids: children',
      '  "parents evening": "parents\' evening"',
      'tokens: [awesome sauce]',
      'exceptions: [Kids Club]',
    ].join('\n'),
  );
  it('swaps with a suggestion and a fix, matches phrases across line breaks, honours exceptions', async () => {
    const rules = (await loadRules({ dirs: [dir], disable: [], cwd: ROOT })).filter((r) => r.id === 'local-words');
    const out = await runOn('The kids loved it.\nParents\nevening is next week. Awesome sauce! Kids Club is open.', rules, emptySchool(), { fix: true });
    expect(out.findings.map((f) => [f.excerpt, f.suggestion, f.line])).toEqual([
      ['kids', 'children', 1],
      ['Parents evening', "parents' evening", 2],
      ['Awesome sauce', undefined, 3],
    ]);
    expect(out.findings[0].message).toBe("Say 'children' rather than 'kids'");
    expect(out.fixedText).toContain('The children loved it.');
  });
  it('finds adjacent whole words', async () => {
    const rules = (await loadRules({ dirs: [dir], disable: [], cwd: ROOT })).filter((r) => r.id === 'local-words');
    const out = await runOn('kids kids kids', rules, emptySchool());
    expect(out.findings.map((f) => f.column)).toEqual([1, 6, 11]);
  });
});

// npm run demo: smcheck on the sample school in fixtures/: a post that breaks the policy
// (with its photo), a photo post whose pictured pupils lack consent, and one that is safe to post. Exits 0 when both come out as they should.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = [
  { args: ['fixtures/drafts/sports-day.md', 'fixtures/drafts/photos/relay.jpg'], expect: 1, what: 'a post that breaks the policy' },
  { args: ['fixtures/drafts/choir.md'], expect: 1, what: 'a photo of pupils without consent for social media (pictured: in the draft)' },
  { args: ['fixtures/drafts/harvest-festival.md', 'fixtures/drafts/photos/harvest-table.jpg'], expect: 0, what: 'a post that is safe' },
];
let ok = true;
for (const r of runs) {
  console.log(`\n$ smcheck ${r.args.join(' ')}      # ${r.what}\n`);
  const p = spawnSync(process.execPath, [path.join(root, 'bin', 'smcheck.js'), ...r.args], { cwd: root, stdio: 'inherit' });
  console.log(`(exit code ${p.status}${p.status === r.expect ? '' : `, expected ${r.expect}`})`);
  if (p.status !== r.expect) ok = false;
}
process.exit(ok ? 0 : 1);

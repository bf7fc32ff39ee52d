import { buildNameIndex, findNames } from './src/text/names/index.js';
import { testSchool } from './test/text/names-fixture.js';
const idx = buildNameIndex(testSchool());
for (const s of process.argv.slice(2)) console.log(s, '=>', JSON.stringify(findNames(idx, s).map(m => [m.kind, m.text, m.confidence, m.weak ?? false, m.otherFirst ?? ''])));

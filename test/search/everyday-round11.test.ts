/**
 * Everyday words, round 11 (issue 9; docs/search.md, Everyday words, round 11). A related term the index lacks whole
 * is searched as its words (空壳支部 → 空壳, 支部); when one of those words is also a word the query types as its own
 * concept (支部 of 支部人太多或者光有个空架子), it no longer stands for the bridged concept too: before, one 支部 of a
 * passage matched both 支部 and 空架子, and a passage saying only 支部 led the one that says 空壳支部. The real engine
 * over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const before = createSearchEngine(corpus, { relatedOnce: false });
const ids = (e: ReturnType<typeof createSearchEngine>, q: string): string[] => e.search(q, { limit: 5 }).results.map((r) => r.id);

describe('a related term the query types as a word of its own stands for that word only', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.relatedOnce).toBe(true);
  });

  it('支部人太多或者光有个空架子: the passage on 空壳支部 first, no longer one that only says 支部', () => {
    // 空架子 reaches 空壳支部 through the village lexicon; the analyser still lists 支部 among its related words.
    const c = engine.explain('支部人太多或者光有个空架子').analyzed.concepts.find((x) => x.text === '空架子');
    expect(c?.related).toEqual(expect.arrayContaining(['空壳', '支部']));
    // 003-027 (建强村党支部, 支部 three times) led 002-012 (全面整治“超大支部”和“空壳支部”).
    expect(ids(before, '支部人太多或者光有个空架子')[0]).toBe('003-027');
    expect(ids(engine, '支部人太多或者光有个空架子')[0]).toBe('002-012');
    expect(ids(engine, '支部人太多或者光有个空架子')).toContain('003-027');
  });

  it('a query that types none of the related words is answered as before (the rule is off for it)', () => {
    for (const q of ['村里就是个空架子', '村委会办公的地方又小又破', '低保一个人一年多少钱']) {
      expect(engine.search(q, { limit: 10 }).results.map((r) => [r.id, r.score])).toEqual(
        before.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]),
      );
    }
    expect(ids(engine, '村里就是个空架子')[0]).toBe('002-012');
  });
});

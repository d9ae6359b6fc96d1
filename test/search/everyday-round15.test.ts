/**
 * Everyday words, round 15 (issue 9; docs/search.md, Everyday words, round 15).
 *
 * unheldNearby: a sentence none of whose words the texts hold (庙里也放书给人看) used to get no library neighbours, so
 * nothing at all. Now a word's neighbour stands in when it is sure (nearbySure) or when it stands in one passage with
 * a neighbour of another word of the query; page chrome, a label of a few characters, still gets none, and
 * neighbours never make an answer full.
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const before = createSearchEngine(corpus, { unheldNearby: 0 });
type Engine = ReturnType<typeof createSearchEngine>;
const ids = (e: Engine, q: string): string[] => e.search(q, { limit: 5 }).results.map((r) => r.id);
const scored = (e: Engine, q: string): [string, number][] => e.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]);

describe('neighbours for a sentence none of whose words the texts hold (unheldNearby)', () => {
  it('is on by default, for sentences of seven Han characters or more', () => {
    expect(SEARCH_DEFAULTS.unheldNearby).toBe(7);
  });

  it('庙里也放书给人看: the passage on temple reading rooms, through the sure neighbour 寺庙', () => {
    const q = '庙里也放书给人看';
    expect(before.search(q).total).toBe(0);
    const r = engine.search(q);
    // 003-016: 推动农家书屋、寺庙书屋 … 文化惠民工程实现全覆盖.
    expect(r.results[0]?.id).toBe('003-016');
    expect(r.partial).toBe(true);
  });

  it('在外面发达的老乡请回来: the passage on bringing successful natives home (乡贤回归工程)', () => {
    const q = '在外面发达的老乡请回来';
    expect(before.search(q).total).toBe(0);
    // 回来 → 回归 (sure); 发达 → 完善 stands with 回归 in 002-016's text.
    expect(ids(engine, q)[0]).toBe('002-016');
    expect(engine.search(q).partial).toBe(true);
  });

  it('page chrome and short labels the texts lack still get nothing', () => {
    for (const q of ['本文移动端', '推荐范文', '您的位置', '转载请保留', '免责声明', '庙里放书']) {
      expect(engine.search(q).total, q).toBe(0);
    }
  });

  it('a query holding a word of the texts is answered as before', () => {
    for (const q of ['村里有敬老院吗', '老支书病了还在干', '家里老人走丢了咋找', '村干部贪了小钱谁来查']) {
      expect(scored(engine, q), q).toEqual(scored(before, q));
    }
  });
});

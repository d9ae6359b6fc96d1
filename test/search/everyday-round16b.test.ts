/**
 * Everyday words, round 16, second half (issue 9; docs/search.md, Everyday words, round 16 (second half)).
 *
 * coverageSpecific: a concept's weight in the coverage factor is × its specificity (the library idf of its rarest head,
 * scaled to 0..1) to a power, so that a passage holding one generic word of an everyday sentence as typed (发展, 农户,
 * 开发) covers less of it than one holding its telling words, itself or through related terms. Not in a query with
 * English words. Measured at 0.5 and not kept (a never-tuned set's everyday kind fell): off by default, so the default
 * engine answers as before; these tests hold the option's behaviour for a later round.
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const before = getSharedEngine();
const engine = createSearchEngine(corpus, { coverageSpecific: 0.5 });
type Engine = ReturnType<typeof createSearchEngine>;
const first = (e: Engine, q: string): string | undefined => e.search(q, { limit: 5 }).results[0]?.id;
const scored = (e: Engine, q: string): [string, number][] => e.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]);

describe('coverage weighted by how specific a word is (coverageSpecific)', () => {
  it('is off by default (0)', () => {
    expect(SEARCH_DEFAULTS.coverageSpecific).toBe(0);
  });

  it('几个村抱团一起搞发展: the passage on neighbouring villages banding together, ahead of one holding 发展 and 一起', () => {
    const q = '几个村抱团一起搞发展';
    // 001-002: 突出区域抱团、集聚发展理念 … 以连片村党组织为主体.
    expect(first(before, q)).not.toBe('001-002');
    expect(first(engine, q)).toBe('001-002');
  });

  it('种果树的农户收入涨了多少: the fruit growers whose income rose, first', () => {
    const q = '种果树的农户收入涨了多少';
    // 001-014: 甜樱桃“北果南引”项目 … 果农增收xx%以上.
    // round 20 re-fit: the default answers 001-014 first as well now (better: what coverageSpecific 0.5 was written for).
    expect(first(before, q)).toBe('001-014');
    expect(first(engine, q)).toBe('001-014');
  });

  it('靠山吃山开发点资源: the passage on developing local resources, first', () => {
    const q = '靠山吃山开发点资源';
    // 003-004: 发展以青稞、牦牛为主的种养业 … 和资源开发利用等扶贫产业.
    expect(first(before, q)).not.toBe('003-004');
    expect(first(engine, q)).toBe('003-004');
  });

  it('a query with English words, and a near miss the texts never discuss, are answered as before', () => {
    for (const q of ['party building in villages', '乡村 e-commerce 党支部', '快递到村里还要自己去镇上取']) {
      expect(scored(engine, q), q).toEqual(scored(before, q));
    }
    expect(engine.search('快递到村里还要自己去镇上取').partial).toBe(true);
  });
});

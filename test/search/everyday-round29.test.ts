/**
 * Everyday words, round 29 (issue 9; docs/search.md, Everyday words, round 29 (chat-everyday25/chat-everyday25x,
 * issue 9)).
 *
 * placeNeighbours: a place or direction word read as an aspect beside the query's subject (placeAsAspect) that no
 * text holds gets the library neighbours a word the texts lack gets, still as an aspect; a two-character place word
 * the dictionary lacks made of a noun and a locative (城里: 城 + 里) reads as the library's two-character words that
 * hold the noun and share one of its first two senses (城 "city" → 城市). Before, such a word reached nothing.
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const off = createSearchEngine(corpus, { placeNeighbours: false });
type Engine = ReturnType<typeof createSearchEngine>;
const ids = (e: Engine, q: string, limit = 10): string[] => e.search(q, { limit }).results.map((r) => r.id);
const concept = (e: Engine, q: string, word: string) => e.explain(q).analyzed.concepts.find((c) => c.text === word);
const terms = (e: Engine, q: string, word: string): string[] => (concept(e, q, word)?.nearby ?? []).map((n) => n.term);

describe('a place word no text holds reads through the library (placeNeighbours)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.placeNeighbours).toBe(true);
  });

  it('农村跟城里比…都不行: 城里 reads as 城市, and the passage on the gap between town and country comes higher', () => {
    const q = '农村跟城里比到底差在哪，路啊医院啊学校啊都不行';
    expect(terms(engine, q, '城里')).toContain('城市');
    expect(terms(off, q, '城里')).toEqual([]);
    // Still a where beside the subject: an aspect, never what qualifies a passage.
    expect(concept(engine, q, '城里')).toMatchObject({ place: true, aspect: true });
    // 002-003 (城乡差距: 城市 … 农村) sixth, where the option off puts it eighth.
    expect(ids(engine, q).indexOf('002-003')).toBe(5);
    expect(ids(off, q).indexOf('002-003')).toBe(7);
    expect(engine.search(q).partial).toBe(off.search(q).partial);
  });

  it('a place word the dictionary knows gets its library neighbours (乡下 → 农村), still as an aspect', () => {
    const q = '城里老人来乡下养老';
    expect(terms(engine, q, '乡下')).toContain('农村');
    expect(terms(off, q, '乡下')).toEqual([]);
    expect(concept(engine, q, '乡下')).toMatchObject({ place: true, aspect: true });
    expect(ids(engine, q, 1)).toEqual(ids(off, q, 1));
  });

  it('a place word the texts hold (村里) and a direction word with no reading get none', () => {
    expect(terms(engine, '城里单位跟村里结对子', '村里')).toEqual([]);
    expect(terms(engine, '光等着上面给钱', '上面')).toEqual([]);
  });

  it('leaves queries whose place words the texts hold, page chrome and never-discussed topics as they were', () => {
    for (const q of ['村里开会叫不来人', '村里没钱咋发展集体经济', '城里单位跟村里结对子', '光等着上面给钱', '登录', '城里房价多少钱一平', '飞机票价格']) {
      expect(ids(engine, q)).toEqual(ids(off, q));
      expect(engine.search(q).partial).toBe(off.search(q).partial);
    }
  });
});

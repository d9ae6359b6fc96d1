/**
 * Everyday words, round 25 (issue 9; docs/search.md, Everyday words, round 25 (chat-everyday21/chat-everyday21x,
 * issue 9)).
 *
 * loneCharacterIdf: a one-character naming word the texts hold (村, 点, 心), typed beside a longer word they hold too,
 * weighs the library idf of its character (every passage holding it, inside any word: 村民, 村干部 …) over the idf of
 * the lone word (the few passages where jieba cut it alone). A verb or adverb (干, 派, 没) keeps its weight.
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const off = createSearchEngine(corpus, { loneCharacterIdf: false });
type Engine = ReturnType<typeof createSearchEngine>;
const ids = (e: Engine, q: string, limit = 10): string[] => e.search(q, { limit }).results.map((r) => r.id);

describe('a lone naming character weighs its character, not the thin slice jieba cut alone (loneCharacterIdf)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.loneCharacterIdf).toBe(true);
  });

  it('几个村抱团一起搞发展: the passage on villages joining forces comes first, not one that says 村 alone', () => {
    const q = '几个村抱团一起搞发展';
    // 001-002: 党建联盟, 区域抱团、集聚发展. Off, 002-015 (兴村 …, nothing of joining forces) came first.
    expect(ids(engine, q, 1)[0]).toBe('001-002');
    expect(ids(off, q, 1)[0]).toBe('002-015');
    expect(ids(off, q, 2)[1]).toBe('001-002');
    expect(engine.search(q).partial).toBe(off.search(q).partial);
  });

  it('挨着的几个村能不能抱团一块儿发展 and 靠山吃山开发点资源: first with the rule, second without', () => {
    expect(ids(engine, '挨着的几个村能不能抱团一块儿发展', 1)[0]).toBe('001-002');
    expect(ids(off, '挨着的几个村能不能抱团一块儿发展', 2)).toEqual(['002-015', '001-002']);
    // 003-004: Lhasa's production built on its own resources (青稞, 牦牛, 文化旅游). Off, 001-013 came first through the
    // lone word 点 of 对点服务; with the rule 点 weighs as the character, common in the library.
    expect(ids(engine, '靠山吃山开发点资源', 1)[0]).toBe('003-004');
    expect(ids(off, '靠山吃山开发点资源', 2)).toEqual(['001-013', '003-004']);
  });

  it('a verb keeps its weight: 强村带着穷村一块干 is answered as with the rule off', () => {
    const q = '强村带着穷村一块干';
    expect(ids(engine, q)).toEqual(ids(off, q));
  });

  it('a lone character typed alone, or a query of longer words only, is answered as before', () => {
    for (const q of ['村', '村集体经济', '第一书记']) {
      expect(ids(engine, q)).toEqual(ids(off, q));
      expect(engine.search(q).partial).toBe(off.search(q).partial);
    }
  });

  it('topics the texts never discuss and page chrome stay as they were', () => {
    for (const q of ['野狗咬人', '电动三轮车驾照', '本文移动端', '推荐范文']) {
      const a = engine.search(q);
      const b = off.search(q);
      expect(a.results.map((r) => r.id)).toEqual(b.results.map((r) => r.id));
      expect(a.partial).toBe(b.partial);
    }
  });
});

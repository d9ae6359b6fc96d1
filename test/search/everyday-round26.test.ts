/**
 * Everyday words, round 26 (issue 9; docs/search.md, Everyday words, round 26 (chat-everyday22/chat-everyday22x,
 * issue 9)).
 *
 * placeCountParts: a word the texts lack that begins with a place or direction word (村里人, 城里人: 村里, 城里) or with
 * a count of one (一个月, 一个个, 一年到头: 一个, 一年) names who or what is there, or how much of it, not the place nor
 * the count. That leading part and its bigram no longer stand in for the word (before, 村里 of 村里人 made any passage
 * saying 村里 look like one about villagers); the place is read as a place word typed alone is, an aspect.
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const off = createSearchEngine(corpus, { placeCountParts: false });
type Engine = ReturnType<typeof createSearchEngine>;
const ids = (e: Engine, q: string, limit = 10): string[] => e.search(q, { limit }).results.map((r) => r.id);
const concept = (e: Engine, q: string, word: string) => e.explain(q).analyzed.concepts.find((c) => c.text === word);

describe('a place or a count of one beginning a word the texts lack is not that word (placeCountParts)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.placeCountParts).toBe(true);
  });

  it('村里人跟干部关系处得咋样: the passage on cadres and the masses answers first, not one that only says 村里', () => {
    const q = '村里人跟干部关系处得咋样';
    expect(concept(engine, q, '村里人')?.parts).not.toContain('村里');
    expect(concept(off, q, '村里人')?.parts).toContain('村里');
    // The place is still read, as when typed alone: an aspect beside the subject.
    expect(concept(engine, q, '村里')).toMatchObject({ place: true, aspect: true });
    // 002-020 (党群干群关系); off, 002-026 (…村里有钱了…) was first on 村里 alone.
    expect(ids(engine, q, 1)).toEqual(['002-020']);
    expect(ids(off, q, 1)).toEqual(['002-026']);
    expect(engine.search(q).partial).toBe(off.search(q).partial);
  });

  it('本地的能人留不住，一个个都往城里跑: 一个 of 一个个 no longer finds passages counting one of something', () => {
    const q = '本地的能人留不住，一个个都往城里跑';
    expect(concept(engine, q, '一个个')?.parts ?? []).not.toContain('一个');
    expect(concept(off, q, '一个个')?.parts).toContain('一个');
    expect(ids(engine, q, 1)).toEqual(['000-005']);
    expect(ids(off, q, 1)).toEqual(['003-000']);
  });

  it('在家门口打工一个月能挣多少钱 and 出去干一个月能挣多少: 一个月 is a month, not 一个', () => {
    expect(ids(engine, '有没有帮忙找工作的，出去干一个月能挣多少', 1)).toEqual(['003-020']);
    expect(ids(off, '有没有帮忙找工作的，出去干一个月能挣多少', 1)).toEqual(['003-000']);
    const q = '在家门口打工一个月能挣多少钱';
    expect(ids(engine, q, 5).indexOf('003-005')).toBeLessThan(ids(off, q, 5).indexOf('003-005'));
  });

  it('leaves words the texts hold, place words typed alone and a leading part that is not a place or a count of one', () => {
    for (const q of ['村里开会叫不来人', '一年能挣多少', '城里和乡下之间那道坎咋破', '农村的路水电医院学校跟城里差得远']) {
      expect(ids(engine, q)).toEqual(ids(off, q));
    }
    // 三轮车's 三轮 is a count but not of one: kept as a part.
    const q = '电动三轮车驾照';
    expect(concept(engine, q, '三轮车')?.parts).toEqual(concept(off, q, '三轮车')?.parts);
  });

  it('page chrome and topics the texts never discuss answer as with the option off', () => {
    for (const q of ['本文移动端', '推荐范文', '您的位置', '转载请保留', '野狗咬人', '飞机票价格']) {
      const a = engine.search(q, { limit: 10 });
      const b = off.search(q, { limit: 10 });
      expect(a.results.map((r) => r.id)).toEqual(b.results.map((r) => r.id));
      expect(a.partial).toBe(b.partial);
    }
  });
});

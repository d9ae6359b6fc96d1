/**
 * Everyday words, round 8 (issue 9; docs/search.md, Everyday words, round 8). A set phrase people split with 了 or
 * 过 as they talk (拖了后腿, 当过兵回来), or with a complement after its verb (摘掉穷帽子), is read as the lexicon and
 * the texts write it. Two lone characters of jieba's cut that
 * together make a CC-CEDICT word the texts lack (走|丢 of 家里老人走丢了咋找) are one word of the query: as lone
 * characters they were no key word, and the query's one other word (老人, through the related term 养老驿站) made a
 * full answer of a topic the texts never discuss. The real engine over the seeds, and a small library made up here to
 * show that a library holding the word answers it in full.
 */
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { analyzeQuery, joinSeparable } from '../../src/search/analyze.js';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const words = (e: ReturnType<typeof createSearchEngine>, q: string): string[] => e.explain(q).analyzed.concepts.map((c) => c.text);

const model = corpus.passages[0] as Passage;
const library = (texts: string[], options: Parameters<typeof createSearchEngine>[1] = {}): ReturnType<typeof createSearchEngine> => {
  const passages = texts.map((text, i) => ({ ...model, id: `n-${i}`, docId: `n${i}`, articleId: `n${i}`, section: null, text }));
  return createSearchEngine({ ...corpus, passages, byId: new Map(passages.map((p) => [p.id, p])) }, options);
};

describe('two lone characters that make a dictionary word the texts lack', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.loneCharacterWords).toBe(true);
  });

  it('家里老人走丢了咋找: a topic the texts never discuss is answered partially, by 老人 only', () => {
    const r = engine.search('家里老人走丢了咋找', { limit: 5 });
    expect(r.partial).toBe(true);
    expect(r.matched).toEqual(['老人']);
    expect(r.results[0]?.id).toBe('001-012'); // 养老驿站, the nearest the texts come
    expect(words(engine, '家里老人走丢了咋找')).toContain('走丢');
    // Before, 走 and 丢 were lone characters, no key word, and 老人 alone made the answer full. (Round 17's
    // standInListed would make that answer partial as well: 001-012 names 养老驿站 only in a list.)
    const before = createSearchEngine(corpus, { loneCharacterWords: false, standInListed: false });
    expect(words(before, '家里老人走丢了咋找')).toEqual(expect.arrayContaining(['走', '丢']));
    expect(before.search('家里老人走丢了咋找', { limit: 5 }).partial).toBe(false);
  });

  it('leaves apart lone characters that make no dictionary word, and stop words', () => {
    expect(words(engine, '谁家的鸡跑我家菜地里了')).toEqual(expect.arrayContaining(['鸡', '跑']));
    const isWord = (w: string): boolean => w === '走丢' || w === '了咋';
    const concepts = analyzeQuery('老人走丢了咋找', [], { isDictionaryWord: isWord, inTexts: () => false }).concepts.map((c) => c.text);
    expect(concepts).toContain('走丢');
    expect(concepts).not.toContain('了咋');
  });

  it('a library that holds the word answers the same query in full', () => {
    const small = library(['老人走丢了，村里组织志愿者帮忙寻找。', '村里建起养老驿站，老人有了吃饭休息的地方。']);
    const r = small.search('家里老人走丢了咋找', { limit: 5 });
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe('n-0');
  });
});

describe('a longer expression split by 了, 过 or a complement', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.separableLonger).toBe(true);
  });

  it('joins across the marker only where the result is a say string of the related terms or a word of the texts', () => {
    const none = (): boolean => false;
    expect(joinSeparable('农业拖了后腿', none, true)).toBe('农业拖后腿');
    expect(joinSeparable('当过兵回来', none, true)).toBe('当兵回来');
    expect(joinSeparable('找不到工作', none, true)).toBe('找工作');
    // Nothing said across the marker: left as typed (了解 is no marker, 为了 and 吃过饭 make no such string).
    for (const t of ['多了解政策', '为了脱贫', '吃过饭了']) expect(joinSeparable(t, none, true)).toBe(t);
    // A word of the texts across the marker (亮身份 of 党员亮了身份).
    expect(joinSeparable('党员亮了身份', (w) => w === '亮身份', true)).toBe('党员亮身份');
    // Off (the round 4 rule alone): two-character words only.
    expect(joinSeparable('农业拖了后腿', none)).toBe('农业拖了后腿');
  });

  it('农业拖了后腿: the passage on agriculture as the short leg (短腿) first, in full', () => {
    const before = createSearchEngine(corpus, { separableLonger: false });
    const r = engine.search('农业拖了后腿', { limit: 5 });
    expect(r.results[0]?.id).toBe('002-002');
    expect(r.partial).toBe(false);
    const marked = r.results[0]?.segments.filter((x) => x.match).map((x) => x.text) ?? [];
    expect(marked).toContain('短腿');
    // Before: 拖|了|后腿, 后腿 in no text, partial, and 002-003 (the town–country gap) first.
    const b = before.search('农业拖了后腿', { limit: 5 });
    expect(b.partial).toBe(true);
    expect(b.results[0]?.id).toBe('002-003');
  });

  it('当过兵回来能不能进村两委: the passage that picks village committee members from veterans first', () => {
    const r = engine.search('当过兵回来能不能进村两委', { limit: 5 });
    expect(r.results[0]?.id).toBe('000-005');
    const marked = r.results[0]?.segments.filter((x) => x.match).map((x) => x.text) ?? [];
    expect(marked).toContain('退役军人');
  });
});

describe('a complement after a one-character verb', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.complementJoin).toBe(true);
  });

  it('goes where the verb and what follows make a say string or a text word without it, never before 来 or 去', () => {
    const none = (): boolean => false;
    expect(joinSeparable('能摘掉穷帽子', none, true, true)).toBe('能摘穷帽子');
    expect(joinSeparable('也能搞成产业', none, true, true)).toBe('也能搞产业');
    expect(joinSeparable('党员亮出身份', (w) => w === '亮身份', true, true)).toBe('党员亮身份');
    // 出来 is one complement: 搬出来 is not 搬来 (moved in).
    expect(joinSeparable('从山里搬出来的人', none, true, true)).toBe('从山里搬出来的人');
    // Off: left as typed.
    expect(joinSeparable('能摘掉穷帽子', none, true)).toBe('能摘掉穷帽子');
  });

  it('薄弱村啥时候能摘掉穷帽子: the passage where every weak village took off its hat (摘帽) first', () => {
    const r = engine.search('薄弱村啥时候能摘掉穷帽子', { limit: 5 });
    expect(r.results[0]?.id).toBe('001-015');
    const marked = r.results[0]?.segments.filter((x) => x.match).map((x) => x.text) ?? [];
    expect(marked).toContain('摘帽');
    const before = createSearchEngine(corpus, { complementJoin: false });
    expect(before.search('薄弱村啥时候能摘掉穷帽子', { limit: 5 }).results[0]?.id).toBe('002-022');
  });
});

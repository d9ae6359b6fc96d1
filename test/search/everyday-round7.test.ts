/**
 * Everyday words, round 7 (issue 9, item 7; docs/search.md, Everyday words, round 7): a library neighbour found by a
 * CC-CEDICT gloss must be the same part of speech as the everyday word in the senses that link them. English glosses
 * share words across parts of speech (pay, conduct, train), Chinese words do not: 交钱 "to pay up" is no 工资 "pay",
 * 做人 "to conduct oneself" no 行为 "conduct". The real engine over the seeds, and a small library made up here to show
 * that the rule comes from the dictionary, not from this library.
 */
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { createSearchEngine } from '../../src/search/index.js';
import { NEIGHBOUR_DEFAULTS } from '../../src/search/neighbours.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const ids = (e: ReturnType<typeof createSearchEngine>, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const nearbyOf = (e: ReturnType<typeof createSearchEngine>, q: string, word: string): string[] =>
  (e.explain(q).analyzed.concepts.find((c) => c.text === word)?.nearby ?? []).map((n) => n.term);

const model = corpus.passages[0] as Passage;
const library = (texts: string[], options: Parameters<typeof createSearchEngine>[1] = {}): ReturnType<typeof createSearchEngine> => {
  const passages = texts.map((text, i) => ({ ...model, id: `n-${i}`, docId: `n${i}`, articleId: `n${i}`, section: null, text }));
  return createSearchEngine({ ...corpus, passages, byId: new Map(passages.map((p) => [p.id, p])) }, options);
};

describe('gloss neighbours of the same part of speech', () => {
  // The engine without the rule, for the before/after of each query (built once for the file).
  const before = createSearchEngine(corpus, { neighbours: { samePos: false } });

  it('is on by default', () => {
    expect(NEIGHBOUR_DEFAULTS.samePos).toBe(true);
  });

  it('先看病后交钱: the pay-after-treatment passage first, partial, and no passage about wages among the answers', () => {
    const r = engine.search('先看病后交钱', { limit: 5 });
    expect(r.results[0]?.id).toBe('003-007');
    expect(r.partial).toBe(true);
    const marked = r.results.flatMap((x) => x.segments.filter((s) => s.match).map((s) => s.text));
    expect(marked).not.toContain('工资');
    expect(r.results.map((x) => x.id)).not.toContain('003-005');
    // Before, 交钱 "to pay up" reached 工资 "wages; pay" too, and the monthly-wage passage (003-005) was an answer.
    expect(nearbyOf(before, '先看病后交钱', '交钱')).toContain('工资');
    expect(ids(before, '先看病后交钱')).toContain('003-005');
    expect(nearbyOf(engine, '先看病后交钱', '交钱')).toEqual(['付费']);
  });

  it('村里开讲堂讲做人的道理: only the moral-lecture-hall passage, no longer one that says 行为 "conduct"', () => {
    const r = engine.search('村里开讲堂讲做人的道理', { limit: 5 });
    expect(r.results.map((x) => x.id)).toEqual(['003-014']);
    expect(r.partial).toBe(true);
    expect(ids(before, '村里开讲堂讲做人的道理')).toEqual(['003-014', '000-008']);
  });

  it('leaves neighbours of the same part of speech: 翻倍 → 翻番, 法子 → 方法', () => {
    expect(nearbyOf(engine, '村里人的收入翻倍了没', '翻倍')).toContain('翻番');
    expect(nearbyOf(engine, '教农民用新法子种地', '法子')).toContain('方法');
  });

  it('answers topics the texts never discuss no better than before: nothing full', () => {
    for (const q of ['玉米收购价一斤多少钱', '野猪拱了庄稼谁赔', '村里啥时候通天然气']) {
      const r = engine.search(q);
      expect(r.total === 0 || r.partial, q).toBe(true);
    }
  });

  it('over documents added later: a verb is not stood in for by a noun glossed with the same English word', () => {
    const texts = ['看病先诊疗后付费。', '工人的工资按月发放。'];
    const r = library(texts).search('先看病后交钱');
    expect(r.results.map((x) => x.id)).toEqual(['n-0']);
    expect(r.partial).toBe(true);
    expect(nearbyOf(library(texts), '先看病后交钱', '交钱')).toEqual(['付费']);
    // Without the rule, 交钱 "to pay up" also reached 工资 "wages; pay", and the wage passage was an answer.
    expect(ids(library(texts, { neighbours: { samePos: false } }), '先看病后交钱')).toEqual(['n-0', 'n-1']);
  });
});

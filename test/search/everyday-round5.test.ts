/**
 * Everyday words, round 5 (issue 9, item 7; docs/search.md, Everyday words, round 5): rules of the engine that serve
 * everyday queries over any library. The real engine over the seeds, and small libraries made up here to show that
 * the rules come from whatever texts the engine holds.
 */
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const nearbyOf = (e: ReturnType<typeof createSearchEngine>, q: string): string[] =>
  e.explain(q).analyzed.concepts.flatMap((c) => (c.nearby ?? []).map((n) => n.term));

const model = corpus.passages[0] as Passage;
const library = (texts: string[], options: Parameters<typeof createSearchEngine>[1] = {}): ReturnType<typeof createSearchEngine> => {
  // Each passage a document of its own: a neighbour must stand with the query's named words in one passage.
  const passages = texts.map((text, i) => ({ ...model, id: `n-${i}`, docId: `n${i}`, articleId: `n${i}`, section: null, text }));
  return createSearchEngine({ ...corpus, passages, byId: new Map(passages.map((p) => [p.id, p])) }, options);
};

describe('a lone character does not choose among neighbours', () => {
  it('救急的钱: 钱 stands beside no 救助 in any passage, yet 救急 still reaches the emergency-aid passage, partially', () => {
    const r = engine.search('家里突然出事了能申请救急的钱吗', { limit: 5 });
    expect(r.results[0]?.id).toBe('003-007');
    expect(r.partial).toBe(true);
    expect(r.matched).toContain('救助');
    expect(nearbyOf(engine, '家里突然出事了能申请救急的钱吗')).toContain('救助');
    // With 钱 as an anchor, no neighbour of 救急 stands in a passage with it, and nothing answers.
    const before = createSearchEngine(corpus, { nearbyAnchorChars: 1 });
    expect(nearbyOf(before, '家里突然出事了能申请救急的钱吗')).toEqual([]);
    expect(before.search('家里突然出事了能申请救急的钱吗').total).toBe(0);
  });

  it('a named word of two characters still chooses: 网络整理 (page chrome) gets no 整顿, which never stands with 网络', () => {
    expect(nearbyOf(engine, '网络整理')).toEqual([]);
    expect(nearbyOf(engine, '来源:网络整理')).toEqual([]);
  });

  it('over documents added later: the neighbour comes from their words, and a topic they lack still gets nothing', () => {
    const texts = ['困难群众遇到急事可以申请临时救助。', '人往基层走、钱往基层投，政策往基层倾斜。', '乡村医生定期到户巡诊。'];
    const r = library(texts).search('出事了救急的钱');
    expect(r.results.map((x) => x.id)).toEqual(['n-0']);
    expect(r.partial).toBe(true);
    expect(r.matched).toEqual(['救助']);
    expect(library(texts, { nearbyAnchorChars: 1 }).search('出事了救急的钱').total).toBe(0);
    expect(library(texts).search('飞机票钱').total).toBe(0);
  });
});

describe('a word the engine understands is not corrected as a typo', () => {
  it('领头羊 (bellwether) is said on purpose: searched as typed, through its related terms (头雁, 领雁, 带头人)', () => {
    const r = engine.search('村里得有个领头羊', { limit: 5 });
    expect(r.corrected).toBeNull();
    expect(r.results.map((x) => x.id)).toEqual(expect.arrayContaining(['000-004', '000-005']));
    // Corrected to 领头雁, the one passage that holds 领头雁 was all it found.
    const before = createSearchEngine(corpus, { keepUnderstood: false }).search('村里得有个领头羊', { limit: 5 });
    expect(before.corrected).toBe('村里得有个领头雁');
    expect(before.results.map((x) => x.id)).toEqual(['000-004']);
  });

  it('a typo the lexicon does not know is still corrected: 集体经计 → 集体经济, 领头燕 → 领头雁', () => {
    expect(engine.search('集体经计').corrected).toBe('集体经济');
    expect(engine.search('领头燕').corrected).toBe('领头雁');
  });
});

/**
 * Everyday words, round 12 (issue 9; docs/search.md, Everyday words, round 12). Two ways the way people talk hid an
 * everyday expression of the village lexicon from the analyser, each fixed without a table entry:
 *
 * - an adverb, a 到, a 的 or a measure word typed inside the expression (年纪都大了 for 年纪大, 分到钱 for 分钱, 住院花的钱
 *   for 住院花钱, 找个活干 for 找活干): dropped where the characters on its two sides make the lexicon's string without it
 *   (insideJoin);
 * - an expression jieba cut into stop words only (能人 of 本地的能人: 的|能|人): no word of the query was left for its
 *   group to attach to; it is now a concept of its own (loneSay).
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { joinInside } from '../../src/search/analyze.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
// unheldNearby (round 15) off too: with it, a sentence none of whose words the texts hold gets neighbours, so "no result at
// all before" needs it off to say what these rules' before was.
const before = createSearchEngine(corpus, { insideJoin: false, loneSay: false, unheldNearby: 0 });
const ids = (e: ReturnType<typeof createSearchEngine>, q: string): string[] => e.search(q, { limit: 5 }).results.map((r) => r.id);
const concept = (e: ReturnType<typeof createSearchEngine>, q: string, text: string) =>
  e.explain(q).analyzed.concepts.find((c) => c.text === text);

describe('an adverb or 到 inside an everyday expression (insideJoin)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.insideJoin).toBe(true);
  });

  it('drops it only where the lexicon writes the expression without it', () => {
    expect(joinInside('村干部年纪都大了接班的没人')).toBe('村干部年纪大了接班的没人');
    expect(joinInside('干不了活的老人残疾人也能分到钱')).toBe('干不了活的老人残疾人也能分钱');
    // Not where the characters around it make no string of the lexicon, nor inside one the query already says.
    expect(joinInside('大家都来参加')).toBe('大家都来参加');
    expect(joinInside('村里都是老人')).toBe('村里都是老人');
    expect(joinInside('住院花的钱能报回来几成')).toBe('住院花钱能报回来几成');
    expect(joinInside('在家门口找个活干')).toBe('在家门口找活干');
    // 编篮子 (the wicker group) would start inside 竹编, a word of the cut: a basket of bamboo weaving is not said so.
    expect(joinInside('竹编的篮子')).toBe('竹编的篮子');
    // Likewise 分钱 inside 能分|到|钱 (jieba's cut of this question), where 分 ends the word 能分.
    expect(joinInside('失去劳动能力的贫困户能分到钱吗')).toBe('失去劳动能力的贫困户能分到钱吗');
  });

  it('在家门口找个活干: 找活干 brings the jobs group, a full answer led by 003-020 (no result before)', () => {
    expect(before.search('在家门口找个活干').total).toBe(0);
    const r = engine.search('在家门口找个活干', { limit: 5 });
    expect(r.partial).toBeFalsy();
    expect(r.results[0]?.id).toBe('003-020');
  });

  it('竹编的篮子, a near miss of the wicker passage, stays partial', () => {
    expect(engine.search('竹编的篮子').partial).toBe(true);
  });

  it('村干部年纪都大了接班的没人: 年纪 brings the ageing group, and the passage on 年龄结构老化 comes up', () => {
    expect(concept(before, '村干部年纪都大了接班的没人', '年纪')?.related ?? []).toEqual([]);
    expect(concept(engine, '村干部年纪都大了接班的没人', '年纪')?.related).toEqual(expect.arrayContaining(['老龄化', '老化', '后继乏人']));
    // 002-031: 农村党员年龄结构老化严重 … 派用场的喊不动; before, not among the first five.
    expect(ids(before, '村干部年纪都大了接班的没人')).not.toContain('002-031');
    expect(ids(engine, '村干部年纪都大了接班的没人').slice(0, 2)).toContain('002-031');
  });

  it('我们村党员年纪都大了咋办: a full answer, 002-031 first (partial before)', () => {
    expect(before.search('我们村党员年纪都大了咋办').partial).toBe(true);
    const r = engine.search('我们村党员年纪都大了咋办', { limit: 5 });
    expect(r.partial).toBeFalsy();
    expect(r.results[0]?.id).toBe('002-031');
  });

  it('分到钱 reads as 分钱: the dividend group reaches 003-020 (失能和弱能贫困户得到分红)', () => {
    expect(concept(engine, '干不了活的老人残疾人也能分到钱', '分钱')?.related).toEqual(expect.arrayContaining(['分红']));
    expect(ids(engine, '干不了活的老人残疾人也能分到钱').slice(0, 2)).toContain('003-020');
  });
});

describe('an everyday expression cut into stop words only (loneSay)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.loneSay).toBe(true);
  });

  it('本地的能人留不住都往外跑: 能人 is a concept with the lead-goose group (no result at all before)', () => {
    expect(before.explain('本地的能人留不住都往外跑').analyzed.concepts.map((c) => c.text)).not.toContain('能人');
    expect(before.search('本地的能人留不住都往外跑').total).toBe(0);
    expect(concept(engine, '本地的能人留不住都往外跑', '能人')?.related).toEqual(expect.arrayContaining(['致富能手', '带头人']));
    // 000-005: 二要留住本土人才 … 致富能手; 004-003 says 能人引领 and 致富能手.
    const got = ids(engine, '本地的能人留不住都往外跑');
    expect(got.slice(0, 2)).toEqual(expect.arrayContaining(['000-005', '004-003']));
  });

  it('a query whose expressions keep a word of their own is answered as before', () => {
    for (const q of ['村里没有能人带头', '村干部年纪大了', '党员带头打扫卫生']) {
      expect(engine.search(q, { limit: 10 }).results.map((r) => [r.id, r.score])).toEqual(
        before.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]),
      );
    }
  });
});

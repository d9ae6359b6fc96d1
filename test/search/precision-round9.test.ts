/**
 * Ranking precision, round 9 (issue 9; docs/search.md, Precision, round 9): one list of asking words for the whole
 * engine (the adverb rule now reads 有没有 / 能不能 … as the bigram signal does), and the typed-stretch bonus in its
 * cheap form (only the page's first results within reach of the first place are looked at). On the real engine and
 * library.
 */
import { describe, expect, it } from 'vitest';
import { ASKING as SIGNAL_ASKING, isQuestion as signalAsks } from '../../src/search/bigram-signal.js';
import { ASKING, isQuestion } from '../../src/search/question.js';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const passage = (id: string) => corpus.byId.get(id);
const words = (q: string): string[] => engine.explain(q).analyzed.concepts.map((c) => c.text);
const ids = (e: typeof engine, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);

describe('one list of asking words', () => {
  it('the bigram signal and the question rules read the same words', () => {
    expect(SIGNAL_ASKING).toBe(ASKING);
    expect(signalAsks).toBe(isQuestion);
    for (const q of ['三治融合怎么推进', '扶贫产业有没有成效', '能不能贷款', '是不是试点']) expect(isQuestion(q)).toBe(true);
    expect(isQuestion('易地扶贫搬迁 主要做法')).toBe(false);
  });

  it('a question asked only by 有没有 drops 主要 before its verb, as one asked by 哪些 does', () => {
    const noAdverbs = createSearchEngine(corpus, { questionAdverbs: false });
    const q = '拉萨扶贫主要发展产业有没有成效';
    expect(words(q)).not.toContain('主要');
    expect(words('拉萨扶贫主要发展哪些产业')).not.toContain('主要');
    // 003-023 says 主要任务: as a word of the query 主要 brought it among the first results.
    expect(passage('003-023')?.text).toContain('主要任务');
    expect(ids(noAdverbs, q)).toContain('003-023');
    expect(ids(engine, q)).not.toContain('003-023');
    expect(ids(engine, q)[0]).toBe('003-004');
  });
});

describe('typed stretches, on in their cheap form', () => {
  const off = createSearchEngine(corpus, { typedStretchBonus: 0 });
  it('of two results near a tie, the one holding the words as typed together comes first', () => {
    const q = '村两为班子成员怎么选';
    // 002-030 holds 农村两委班子成员 (村两委班子成员 whole); 000-005 村（社区）“两委”班子成员 (两委班子成员 only).
    expect(passage('002-030')?.text).toContain('农村两委班子成员');
    // round 20 re-fit: 002-030 first with the rule off now too (000-005 2nd); the default unchanged.
    expect(ids(off, q).slice(0, 2)).toEqual(['002-030', '000-005']);
    expect(ids(engine, q).slice(0, 2)).toEqual(['002-030', '000-005']);
  });

  it('reorders only the first five, so a small page is the same stretch of a large one', () => {
    for (const q of ['村两为班子成员怎么选', '生态扶贫2020年的文件', '为什么要建强村党支部']) {
      const large = ids(engine, q, 10);
      expect(ids(engine, q, 3)).toEqual(large.slice(0, 3));
      if (large.length > 3) expect(engine.search(q, { limit: 3, page: 2 }).results.map((r) => r.id)).toEqual(large.slice(3, 6));
    }
  });
});

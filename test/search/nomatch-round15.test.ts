/**
 * No-match near misses, round 15 (issue 9; docs/search.md, No-match near misses, round 15). A question asking how a
 * thing is done or what it holds is no full match for a passage that names the thing only as an item of a list whose
 * clause says nothing else the question asks (展示书法、藏香、藏纸、石刻: listedMention); in X的Y有哪些Z the question asks
 * for Z, and Y is its subject, not the kind of answer (askedNounSubject). The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { onlyListed } from '../../src/search/mention.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const listedOff = createSearchEngine(getSharedCorpus(), { listedMention: false });
const subjectOff = createSearchEngine(getSharedCorpus(), { askedNounSubject: false });

describe('a thing only listed does not say how it is made or what it holds', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.listedMention).toBe(true);
    expect(SEARCH_DEFAULTS.askedNounSubject).toBe(true);
  });

  it('asking how a listed thing is made or what it holds is a partial answer now (full with the rule off), the same first passage', () => {
    // 003-017: 集中展示书法、藏香、藏纸、石刻、柳条制作…; 003-014: 共建成文化大舞台(道德讲堂、善行义举榜)2367个.
    for (const [q, first] of [
      ['藏纸是怎么做出来的', '003-017'],
      ['道德讲堂讲什么内容', '003-014'],
    ] as const) {
      const now = engine.search(q, { limit: 5 });
      const then = listedOff.search(q, { limit: 5 });
      expect(then.partial, q).toBe(false);
      expect(now.partial, q).toBe(true);
      expect(now.results[0]?.id, q).toBe(first);
      expect(then.results[0]?.id, q).toBe(first);
    }
  });

  it('a list whose clause says what is asked still answers in full, as do the thing spoken of beyond the list and the words of a saying', () => {
    for (const [q, first] of [
      // 展示 stands in the clause of the list.
      ['藏香藏纸在哪展示', '003-017'],
      // 004-003: 抓好村组干部、驻村干部、致富能手和返乡创业人员的培育扶持 (培育 for 培养).
      ['驻村干部怎么培养', '004-003'],
      // 003-012: C、D级危房 … 出现一户改造一户.
      ['危房是怎么改造的', '003-012'],
      // 003-025: 多劳多得、勤劳致富、光荣脱贫成为基层群众的共识 — the saying, as it is said.
      ['多劳多得是怎么说的', '003-025'],
    ] as const) {
      const now = engine.search(q, { limit: 5 });
      expect(now.partial, q).toBe(false);
      expect(now.results.map((r) => r.id), q).toContain(first);
    }
  });

  it('reads a list item, its clause and the evidence as the rule means them', () => {
    const text = '在各类大型活动现场集中展示书法、藏香、藏纸、石刻、柳条制作等传统技艺,48名非遗代表性传承人';
    expect(onlyListed(text, '藏纸', ['做'])).toBe(true);
    expect(onlyListed(text, '藏纸', ['展示'])).toBe(false);
    // What stands in another clause says nothing of the item.
    expect(onlyListed(text, '藏纸', ['传承人'])).toBe(true);
    // The item itself is the thing, not evidence: 道德 of 道德讲堂.
    expect(onlyListed('共建成文化大舞台(道德讲堂、善行义举榜)2367个', '讲堂', ['道德', '讲'])).toBe(true);
    // Not an item of a list anywhere: the passage speaks of it.
    expect(onlyListed('设立志愿服务站376个,志愿服务站由村委会管理', '志愿服务站', [])).toBe(false);
    // Not held: decides nothing.
    expect(onlyListed(text, '唐卡', [])).toBe(false);
    // Its first two characters elsewhere (淘宝 of 淘宝村 beside 淘宝网店): spoken of beyond the list.
    expect(onlyListed('培育全国淘宝镇x个、淘宝村xx个,拥有农村淘宝网店xxxx余家', '淘宝村', [])).toBe(false);
  });
});

describe('X的Y有哪些Z asks for Z about Y', () => {
  it('the subject before the asked noun must be held: a partial answer now (the village alone made it full with the rule off)', () => {
    // 001-012 names 迎丰村; only 002-019 says 村规民约 (修订完善村规民约), and no text lists its clauses.
    const q = '迎丰村的村规民约有哪些条款';
    const now = engine.search(q, { limit: 5 });
    const then = subjectOff.search(q, { limit: 5 });
    expect(then.partial).toBe(false);
    expect(then.results[0]?.id).toBe('001-012');
    expect(now.partial).toBe(true);
    expect(now.matched).toEqual(['迎丰村', '村规民约']);
    expect(now.results.map((r) => r.id)).toContain('002-019');
  });

  it('a noun after X的 that the question asks about without a noun of its own is still the kind of answer', () => {
    const [standard] = [...engine.explain('农村低保的标准是什么').analyzed.concepts.filter((c) => c.text === '标准')];
    expect(standard?.aspect).toBe(true);
    // An abstract noun asked for (意义) leaves the noun before it the kind of answer, as before.
    const [aim] = [...engine.explain('乡村振兴的总要求有什么意义').analyzed.concepts.filter((c) => c.text === '总要求')];
    expect(aim?.aspect).toBe(subjectOff.explain('乡村振兴的总要求有什么意义').analyzed.concepts.find((c) => c.text === '总要求')?.aspect);
    const [rules] = [...engine.explain('迎丰村的村规民约有哪些条款').analyzed.concepts.filter((c) => c.text === '村规民约')];
    expect(rules?.aspect).toBeFalsy();
    expect(subjectOff.explain('迎丰村的村规民约有哪些条款').analyzed.concepts.find((c) => c.text === '村规民约')?.aspect).toBe(true);
  });
});

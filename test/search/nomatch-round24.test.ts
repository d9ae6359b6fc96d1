/**
 * No-match near misses, round 24 (issue 9; docs/search.md, No-match near misses, round 24). A question asking each
 * member of a numbered set (分别 / 具体 + 是, 指 …: 三官一师具体指哪三官哪一师) is answered in full only by a passage
 * listing the members beside the set's name (askedMembersListed). The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { asksMembers, listsMembers } from '../../src/search/members.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { askedMembersListed: false });

describe('the members of a numbered set asked', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.askedMembersListed).toBe(true);
  });

  it('reads a question asking each member, not one asking what the set is, which ones, or a number of each', () => {
    expect(asksMembers('三官一师具体指哪三官哪一师')?.keys).toEqual(['三官', '3官']);
    expect(asksMembers('爱国卫生7个专项行动分别是哪7个')?.keys).toEqual(['7个', '七个']);
    for (const q of ['三官一师是什么意思', '“五个一批”是哪五个', '报销比例分别是多少', '两年分别是什么情况']) expect(asksMembers(q), q).toBeUndefined();
  });

  it('finds a list beside the name: before it, introduced after it, or the head repeated', () => {
    const asked = (q: string) => asksMembers(q) as NonNullable<ReturnType<typeof asksMembers>>;
    expect(listsMembers('留下政治、物质、精神“三笔财富”,助力', asked('三笔财富分别是什么'))).toBe(true);
    expect(listsMembers('提出了“xx十条”,即扛起担当、构建体系、优化设置。', asked('xx十条具体包括哪几条'))).toBe(true);
    expect(listsMembers('完善党建网民生网综治网“三网合一”的体系', asked('三网合一分别指什么'))).toBe(true);
    expect(listsMembers('选派党员“三官一师”到村担任“平安书记”,乡村治理', asked('三官一师具体指哪三官哪一师'))).toBe(false);
    // A list after the name that is not introduced as its members (建设“四个合格”的农村党员队伍、集聚…人才、…).
    expect(listsMembers('建设“四个合格”的农村党员队伍、集聚人才、深化工程', asked('四个合格分别是什么'))).toBe(false);
  });

  it('a set only named is no full answer now (full with the rule off), the same passage first', () => {
    const q = '三官一师具体指哪三官哪一师';
    const now = engine.search(q, { limit: 5 });
    const then = off.search(q, { limit: 5 });
    expect(then.partial).toBe(false);
    expect(now.partial).toBe(true);
    expect(now.results[0]?.id).toBe('002-018');
    expect(then.results[0]?.id).toBe('002-018');
  });

  it('keeps full answers where the members are listed, and the questions the rule does not read', () => {
    for (const [q, first] of [
      ['三笔财富分别是指哪三笔', '003-026'], // 政治、物质、精神“三笔财富”
      ['五个振兴分别是什么', '003-026'], // 产业、人才、文化、生态、组织“五个振兴”
      ['“五个一批”是哪五个', '003-004'], // 哪 + a numeral: the judges count the name (not read by the rule)
      ['三官一师是什么意思', '002-018'],
    ] as const) {
      const r = engine.search(q, { limit: 5 });
      expect(r.partial, q).toBe(false);
      expect(r.results[0]?.id, q).toBe(first);
    }
  });
});

/**
 * Precision, round 25 (issue 9; docs/search.md, Precision, round 25): an article's scope words (scopeWords). A word of
 * the query that an article's title holds, typed within a stretch of the query the title holds that no passage of
 * another article holds (边疆民族地区 of 以高质量党建引领边疆民族地区乡村振兴), is what every passage of that article is
 * about: a section's lead-in that says it again (对于边疆民族地区的党组织：一要…) is no more about it than the section's next
 * passage, which holds the question's other words. Default on. On the real engine and library, tuning queries only
 * (eval-chat.json's non-x blocks, their judgements); `off` is the engine with the option off, which gives the answers
 * before round 25 (592fb13's).
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { scopeWords: false });
const ids = (e: typeof engine, q: string): string[] => e.search(q, { limit: 10 }).results.map((r) => r.id);

describe('an article’s scope words tell its passages apart no more than its title does (scopeWords)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.scopeWords).toBe(true);
  });

  it('puts the passage holding the question’s verb before the section’s lead-in that only names the region again', () => {
    // chat-nomatch9-03 (judged 000-005): 000-004 says 边疆民族地区 and 人才, 000-005 says 人才 and 留住本土人才.
    const q = '边疆民族地区怎么把本地的人才留住？';
    const on = engine.search(q, { limit: 10 });
    expect(on.partial).toBe(false);
    expect(on.results.slice(0, 2).map((r) => r.id)).toEqual(['000-005', '000-004']);
    const before = off.search(q, { limit: 10 });
    expect(before.partial).toBe(false);
    expect(before.results.slice(0, 2).map((r) => r.id)).toEqual(['000-004', '000-005']);
  });

  it('does so however far the lead-in led', () => {
    // chat-nomatch11-24 (judged 000-005: 从致富能手…等人员中选拔): off, 000-004 led at three times its score.
    const q = '边疆民族地区“头雁”队伍从哪些人里选';
    expect(ids(engine, q)[0]).toBe('000-005');
    expect(engine.search(q).partial).toBe(false);
    expect(ids(off, q).slice(0, 2)).toEqual(['000-004', '000-005']);
  });

  it('leaves the lead-in first where the next passage holds no word of the question it lacks', () => {
    // chat-precision10-27 (judged 000-002): 000-002 holds 产业融合, which 000-001 holds too (in a list).
    const q = '边疆民族地区怎么推动产业融合';
    expect(ids(engine, q)).toEqual(ids(off, q));
    expect(ids(engine, q)[0]).toBe('000-001');
  });

  it('reads no word several articles hold as a scope word, and leaves a lead-in holding every word asked', () => {
    // 党建引领乡村振兴 is in two titles and many passages of both; 拉萨 in no title; 000-004 holds 党组织, 引领, 人才振兴.
    for (const q of ['如何理解党建引领乡村振兴', '拉萨户厕改造一共搞了多少户', '边疆民族地区的党组织怎么引领人才振兴']) {
      expect(ids(engine, q)).toEqual(ids(off, q));
    }
  });
});

/**
 * No-match near misses, round 25 (issue 9; docs/search.md, No-match near misses, round 25). A passage holding a
 * required word of the query only as the measure word of a count (文艺下乡活动5000余场次 for 场次 of 电影放映场次安排)
 * counts something in that unit; it does not speak of it, so it is no full match (countUnitHeld). The real engine
 * over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { onlyCountUnit, typedAsUnit } from '../../src/search/mention.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { countUnitHeld: false });

describe('a word held only as the measure word of a count', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.countUnitHeld).toBe(true);
  });

  it('reads a count before the word: digits, or a Chinese numeral with its order; not a lone numeral nor the anonymised x', () => {
    expect(onlyCountUnit('开展文艺下乡活动5000余场次,为广大群众', '场次')).toBe(true);
    expect(onlyCountUnit('受益群众311万人次', '人次')).toBe(true);
    expect(onlyCountUnit('开展活动五千余场次', '场次')).toBe(true);
    // The word also stands outside a count: the passage speaks of it.
    expect(onlyCountUnit('活动5000余场次,场次安排由乡镇统筹', '场次')).toBe(false);
    // A lone numeral is part of a name (第一责任人, 四下基层), x an anonymised name (xx农商银行).
    expect(onlyCountUnit('党政一把手是第一责任人', '责任人')).toBe(false);
    expect(onlyCountUnit('xx农商银行推出', '农商银行')).toBe(false);
    expect(onlyCountUnit('没有这个词', '场次')).toBe(false);
    expect(typedAsUnit('文艺下乡活动五千余场次', '场次')).toBe(true);
    expect(typedAsUnit('电影放映场次安排', '场次')).toBe(false);
  });

  it('a topic the passage only counts in is no full answer now (full with the rule off), the same passage first', () => {
    for (const q of ['电影放映场次安排', '帮我查一下电影放映场次安排']) {
      const now = engine.search(q, { limit: 5 });
      const then = off.search(q, { limit: 5 });
      expect(then.partial, q).toBe(false);
      expect(now.partial, q).toBe(true);
      expect(now.results[0]?.id, q).toBe('003-016');
      expect(then.results[0]?.id, q).toBe('003-016');
    }
  });

  it('keeps full answers where the quantity is asked or the count is typed', () => {
    for (const q of ['文艺下乡活动开展了多少场次', '文艺下乡活动五千余场次']) {
      const r = engine.search(q, { limit: 5 });
      expect(r.partial, q).toBe(false);
      expect(r.results[0]?.id, q).toBe('003-016');
    }
  });
});

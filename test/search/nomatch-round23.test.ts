/**
 * No-match near misses, round 23 (issue 9; docs/search.md, No-match near misses, round 23). A question asking for a
 * number that is not money (是多少, 有多少条, 几个, 多久) and holding a word read as the kind of answer (an aspect, which
 * a full match need not hold) is answered in full only by a passage stating a number near its subject
 * (askedNumberStated). The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { asksNumber, numbersOf } from '../../src/search/quantity.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { askedNumberStated: false });

describe('a number asked with the kind of answer', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.askedNumberStated).toBe(true);
  });

  it('reads a question asking a number, not one naming a few or asking which', () => {
    for (const q of ['扫黑除恶的举报电话是多少', '脱贫攻坚的新闻报道有多少条', '安置点建了几个', '预备党员多久可以转正']) expect(asksNumber(q), q).toBe(true);
    // 这几个字 (these), 哪几个 (which ones), 近几年 (lately), 好几个 (several): no number asked.
    for (const q of ['这几个字是对谁提的要求', '大走访活动有哪几个“大”', '近几年村里变化大吗', '好几个村抱团发展']) expect(asksNumber(q), q).toBe(false);
  });

  it('finds numbers as the texts write them: digits, the anonymised x, Chinese numerals, before a measure or unit', () => {
    const text = '建成易地扶贫搬迁安置点39个,村文艺队xxx支,三个村联合,xx市党组织';
    const found = numbersOf(text).map(([s, e]) => text.slice(s, e));
    expect(found).toEqual(['39个', 'xxx支', '三个']);
  });

  it('a number asked of a topic no passage gives a number for is no full answer now (full with the rule off)', () => {
    // 举报电话 is the kind of answer (an aspect); 002-023 speaks of 扫黑除恶 and states no number at all.
    const q = '扫黑除恶的举报电话是多少';
    const now = engine.search(q, { limit: 5 });
    const then = off.search(q, { limit: 5 });
    expect(then.partial).toBe(false);
    expect(now.partial).toBe(true);
    expect(now.matched).toEqual(['扫黑除恶']);
    expect(now.results[0]?.id).toBe('002-023');
    expect(then.results[0]?.id).toBe('002-023');
  });

  it('a passage stating the number comes first where one only naming the topic came first', () => {
    // 003-024 states the count (脱贫攻坚相关新闻2000余条); 003-023 speaks of 采访报道 and 集中报道脱贫攻坚 with no count, and
    // was a full match because 新闻报道 is the kind of answer.
    const q = '脱贫攻坚的新闻报道有多少条';
    const now = engine.search(q, { limit: 5 });
    const then = off.search(q, { limit: 5 });
    expect(now.partial).toBe(false);
    expect(now.results[0]?.id).toBe('003-024');
    expect(then.results[0]?.id).toBe('003-023');
  });

  it('keeps full answers that state the number near the subject, or through a related term', () => {
    for (const [q, first] of [
      ['村里跳舞唱歌的队伍有多少', '003-016'], // 村文艺队285支: 文艺 is a related term of 跳舞
      ['村级集体经计 收入多少', '002-022'], // 村集体经济年经常性收入xxx万元: 集体, a piece of the corrected word
      ['拉萨农村低保标准提高到多少', '003-007'],
    ] as const) {
      const now = engine.search(q, { limit: 5 });
      expect(now.partial, q).toBe(false);
      expect(now.results[0]?.id, q).toBe(first);
    }
  });

  it('leaves a number question with no word read as the kind of answer alone', () => {
    // No aspect: the words alone decide, as before (jieba's 安置|点建 makes 003-012 no full match either way).
    for (const q of ['易地搬迁安置点建了几个', '搬迁安置点建了多少个']) {
      const now = engine.search(q, { limit: 5 });
      const then = off.search(q, { limit: 5 });
      expect(now.partial, q).toBe(then.partial);
      expect(now.results.map((r) => r.id), q).toEqual(then.results.map((r) => r.id));
    }
  });
});

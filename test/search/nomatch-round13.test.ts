/**
 * No-match near misses, round 13 (issue 9; docs/search.md, No-match near misses, round 13). A question asking for an
 * amount of money (多少钱, 交多少, 补助标准, 工资多少: askedAmountStated) is answered in full only by a passage stating
 * an amount (…元, or a share …%) within amountWindow characters of its subject, the words a full match must hold that
 * do not name the payment (危房改造 of 危房改造补助标准, 生活费 of 生活费补助标准, not 补助 or 标准). A query ending in the
 * payment it asks about, read as the head (乡镇干部的工资: paymentNear) or after a verb of two characters that says what
 * it is for (文艺队演出补贴: paymentModified), needs that payment near its subject. The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { askedAmountStated: false });
const noPayment = createSearchEngine(getSharedCorpus(), { paymentNear: false });
const unmodified = createSearchEngine(getSharedCorpus(), { paymentModified: false });
// Round 24's sameSenseSay gives 挣 of 挣工资 stand-ins (挣钱 → 增收, 收入), and stand-ins make the answer partial: the
// payment rules' full answer to 当护林员护草员也能挣工资 is checked with it off (the ranking is checked as it is).
const noSay = createSearchEngine(getSharedCorpus(), { sameSenseSay: false });

describe('an asked amount must be stated near the subject', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.askedAmountStated).toBe(true);
    expect(SEARCH_DEFAULTS.paymentNear).toBe(true);
    expect(SEARCH_DEFAULTS.amountWindow).toBe(20);
    expect(SEARCH_DEFAULTS.paymentModified).toBe(true);
  });

  it('a subsidy standard the texts never state is a partial answer now (full with the rule off), the same first passage', () => {
    // 003-012 names C、D级危房 and their 改造, no amount; 003-006 names 退牧还草 and 湿地生态效益补偿, its amounts are
    // another policy's (人均增收3500元, “三包”标准3620元).
    for (const q of ['危房改造补助标准是多少', '退牧还草补助标准', '湿地生态效益补偿标准']) {
      const now = engine.search(q, { limit: 5 });
      const then = off.search(q, { limit: 5 });
      expect(then.partial, q).toBe(false);
      expect(now.partial, q).toBe(true);
      expect(now.results[0]?.id, q).toBe(then.results[0]?.id);
    }
  });

  it('money questions the texts answer stay full, the passage stating the amount first', () => {
    for (const [q, first] of [
      ['就业精准帮扶后月工资能拿多少', '003-005'], // 人均月工资3000元以上
      ['勤劳致富奖励资金一共设了多少钱', '003-009'], // 设立1000万元勤劳致富奖励资金
      ['贫困大学生每学期生活费给多少钱', '003-008'], // 生活费 is the subject: 每生每学期3000元
      ['大学生生活费补助标准', '003-008'],
      ['住院自己要掏多少钱', '003-007'], // a share answers what one pays: 报销比例分别达到95%
    ] as const) {
      const now = engine.search(q, { limit: 5 });
      expect(now.partial, q).toBe(false);
      expect(now.results[0]?.id, q).toBe(first);
    }
  });

  it('a payment asked as the head needs that payment near the subject; one a verb governs does not', () => {
    for (const q of ['乡镇干部的工资', '回乡发展的大学生补贴', '自主创业的大学生补贴']) {
      expect(noPayment.search(q).partial, q).toBe(false);
      expect(engine.search(q).partial, q).toBe(true);
    }
    // 挣|工资: the object of a verb, not the head of what is asked (003-006: 八类岗位上实现就业).
    const wages = engine.search('当护林员护草员也能挣工资', { limit: 5 });
    expect(noSay.search('当护林员护草员也能挣工资').partial).toBe(false);
    expect(wages.results.slice(0, 3).map((r) => r.id)).toContain('003-006');
  });

  it('a payment after a verb of two characters is what it is for (演出|补贴), one of one character takes it (挣|工资)', () => {
    // 003-016 names 村文艺队 and 文艺下乡, no subsidy; 003-006's 补助 stands near no 文艺.
    expect(unmodified.search('文艺队演出补贴').partial).toBe(false);
    const now = engine.search('文艺队演出补贴', { limit: 5 });
    expect(now.partial).toBe(true);
    expect(now.results[0]?.id).toBe('003-016');
    expect(noSay.search('当护林员护草员也能挣工资').partial).toBe(false);
  });
});

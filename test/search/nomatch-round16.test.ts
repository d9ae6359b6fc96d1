/**
 * No-match near misses, round 16 (issue 9; docs/search.md, No-match near misses, round 16). A question asking how much
 * money with 多少 before the payment it asks about (能拿多少补偿, 一个月多少工资) asks for an amount as 补偿多少 does, and
 * askedAmountStated holds it to the same test: a full match states an amount near its subject (amountBeforePayment).
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { asksMoney } from '../../src/search/quantity.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { amountBeforePayment: false });

describe('多少 before the payment asks for an amount', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.amountBeforePayment).toBe(true);
  });

  it('reads 多少 before a payment word as a question about money, and 多少 before anything else as before', () => {
    for (const q of ['旧宅腾退能拿多少补偿', '搬迁群众一个月多少工资', '护林员能拿多少补贴', '给多少钱的奖励']) {
      expect(asksMoney(q, true), q).toBe(true);
    }
    expect(asksMoney('旧宅腾退能拿多少补偿')).toBe(false);
    for (const q of ['安置点建了多少个', '招募了多少名志愿者', '多少人拿到了补贴']) expect(asksMoney(q, true), q).toBe(false);
  });

  it('a passage naming the subject with no amount near it is no full answer now (full with the rule off), the same first passage', () => {
    // 003-011: 全市1267户搬迁群众签订旧宅腾退协议,119户完成旧房拆除工作 — households, no sum paid.
    const q = '旧宅腾退能拿多少补偿';
    const now = engine.search(q, { limit: 5 });
    const then = off.search(q, { limit: 5 });
    expect(then.partial).toBe(false);
    expect(now.partial).toBe(true);
    expect(now.results[0]?.id).toBe('003-011');
    expect(then.results[0]?.id).toBe('003-011');
  });

  it('the passage stating the amount comes first and the answer stays full', () => {
    // 003-005: 实施就业精准帮扶,实现1户1人以上就业,人均月工资3000元以上; with the rule off 003-020 (工资性收入, no sum) led.
    const q = '就业的人能拿多少工资';
    const now = engine.search(q, { limit: 5 });
    expect(now.partial).toBe(false);
    expect(now.results[0]?.id).toBe('003-005');
    expect(off.search(q, { limit: 5 }).results[0]?.id).not.toBe('003-005');
  });
});

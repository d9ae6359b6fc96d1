/**
 * No-match near misses, round 26 (issue 9; docs/search.md, No-match near misses, round 26). Two kinds of answer a
 * passage must give before it is a full match: a question asking a fact of a year no text speaks of (askedYearHeld),
 * and a question asking which one of a kind (哪个单位, 哪个省) answered by a passage naming nothing of that kind
 * (askedKindNamed). The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { namesKind, whichKinds } from '../../src/search/question.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const yearOff = createSearchEngine(getSharedCorpus(), { askedYearHeld: false });
const kindOff = createSearchEngine(getSharedCorpus(), { askedKindNamed: false });

describe('a question asking a fact of a year no text speaks of', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.askedYearHeld).toBe(true);
  });

  it('is no full answer now (full with the rule off), the same passage first', () => {
    for (const q of ['拉萨2023年的农村低保标准调到多少了', '麻烦问下拉萨2023年农村低保标准是多少 谢谢']) {
      const now = engine.search(q, { limit: 5 });
      const then = yearOff.search(q, { limit: 5 });
      expect(then.partial, q).toBe(false);
      expect(now.partial, q).toBe(true);
      expect(now.results[0]?.id, q).toBe('003-007');
      expect(then.results[0]?.id, q).toBe('003-007');
    }
  });

  it('keeps full answers without the year, to a request for material, to a how-question', () => {
    for (const [q, first] of [
      ['拉萨农村低保标准提高到多少', '003-007'],
      ['拉萨2023年农村低保标准 材料', '003-007'],
      ['乡风文明 2024 最新', '002-037'],
      ['2024年乡风文明怎么建设', '002-038'],
    ] as const) {
      const r = engine.search(q, { limit: 5 });
      expect(r.partial, q).toBe(false);
      expect(r.results[0]?.id, q).toBe(first);
    }
  });

  it('keeps a full answer from an article dated in the year asked (004, 2023-01-16)', () => {
    const r = engine.search('2023年基层党建推进乡村振兴有哪些做法', { limit: 5 });
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe('004-000');
  });
});

describe('a question asking which one of a kind', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.askedKindNamed).toBe(true);
  });

  it('reads the kind after 哪个 / 哪家 / 哪所 / 哪座, and a passage names it by one of its characters', () => {
    expect(whichKinds('张青是哪个单位的专家', ['张青', '单位', '专家'])).toEqual(['单位']);
    expect(whichKinds('林易贷是哪家银行推出的', ['林易贷', '银行', '推出'])).toEqual(['银行']);
    expect(whichKinds('村两委班子成员从哪些人里选', ['两委', '班子', '成员'])).toEqual([]);
    expect(namesKind('由xx县人社局牵头', '县')).toBe(true);
    expect(namesKind('在镇党委领导下成立新农人临时党支部', '部门')).toBe(true);
    expect(namesKind('由水果首席农技推广专家张青主持', '单位')).toBe(false);
  });

  it('is no full answer where the passage names nothing of the kind (full with the rule off), the same passage first', () => {
    for (const q of ['张青是哪个单位的专家', '北果南引的甜樱桃具体是什么品种，从哪个省引进的？']) {
      const now = engine.search(q, { limit: 5 });
      const then = kindOff.search(q, { limit: 5 });
      expect(then.partial, q).toBe(false);
      expect(now.partial, q).toBe(true);
      expect(now.results[0]?.id, q).toBe('001-014');
      expect(then.results[0]?.id, q).toBe('001-014');
    }
  });

  it('keeps full answers where the passage names one', () => {
    for (const [q, first] of [
      ['非遗扶贫就业工坊在哪个县', '003-017'],
      ['新农人党组织是哪个部门组建的', '001-006'],
      ['林易贷是哪家银行推出的', '001-015'],
    ] as const) {
      const r = engine.search(q, { limit: 5 });
      expect(r.partial, q).toBe(false);
      expect(r.results[0]?.id, q).toBe(first);
    }
  });
});

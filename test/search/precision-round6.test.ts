/**
 * Material words, questions about numbers and question forms, round 6 (issue 9; docs/search.md, Precision, round 6):
 * what the user asks about decides the first answer, not the kind of text they want (研究范文, 2019, 学习材料), a verb
 * repeating the topic (搬 of 易地扶贫搬迁), nor a number word inside another word (一共).
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const text = (id: string): string => corpus.byId.get(id)?.text ?? '';
const aspects = (q: string): string[] => engine.explain(q).analyzed.concepts.filter((c) => c.aspect).map((c) => c.text);
const first = (q: string): string | undefined => engine.search(q).results[0]?.id;

describe('words describing the material wanted, beside a subject', () => {
  it('a material word or year the texts hold, a material compound, a verb fused to a material word: aspects', () => {
    expect(text('003-011')).toContain('2019');
    expect(aspects('扶贫产业 汇报 2019')).toEqual(['2019']);
    expect(aspects('组织振兴 2022 研究范文')).toEqual(['研究']);
    expect(aspects('乡风文明 学习心得 2023')).toEqual(['学习心得']);
    // Alone, or used as a verb (学习 of 在手机上学习党课), such a word is what the query is about.
    expect(aspects('在手机上学习党课')).toEqual([]);
    expect(aspects('2019')).toEqual([]);
    // Written against the subject, a verb was part of it in round 6 (人才振兴培训课件: 培训 stayed); round 7 reads the
    // material stretch whole (precision-round7.test.ts): 培训|课件 is the kind of text wanted, 培训 an aspect.
    expect(aspects('人才振兴培训课件')).toEqual(['培训']);
    // A verb before material words, with a space after them (调研|报告 then 2021), and a short noun that material
    // words open (最新|政策): the kind of text wanted.
    expect(aspects('党建引领乡村振兴 调研报告 2021')).toEqual(['调研']);
    expect(aspects('易地扶贫搬迁 今年 最新政策')).toEqual(['今年', '政策']);
    // Not when the subject stands between them (控辍保学最新政策 is about 控辍保学's 政策 as typed apart).
    expect(aspects('最新 控辍保学 政策')).toEqual([]);
  });

  it.each([
    // 002's title is 2022年…的探讨与研究范文 and its first section 问题提出与研究意义: 研究 matched all of them.
    ['组织振兴 2022 研究范文', '000-011'],
    // 2019 stands in 003-011 (截至2019年底), which says nothing of 扶贫产业.
    ['扶贫产业 汇报 2019', '003-004'],
    // 003-024 says 政策 four times (政策宣讲 to relocated households) and is no relocation policy.
    ['易地扶贫搬迁 今年 最新政策', '003-012'],
  ])('%s: the passage about the subject comes first', (q, id) => {
    const r = engine.search(q);
    expect(r.results[0]?.id).toBe(id);
    expect(r.partial).toBe(false);
  });

  it('is off with materialAspects: false (the round 5 behaviour, for the ablation)', () => {
    const before = createSearchEngine(corpus, { materialAspects: false });
    expect(before.explain('扶贫产业 汇报 2019').analyzed.concepts.filter((c) => c.aspect)).toEqual([]);
  });
});

describe('questions about a number', () => {
  it('有多少人次 asks for 人次, not for 人 and a word 次; the words the texts hold are not corrected', () => {
    const r = engine.search('开展五好活动受益的群众有多少人次');
    expect(text('003-014')).toContain('受益群众311万人次');
    expect(r.corrected).toBeNull();
    expect(r.results[0]?.id).toBe('003-014');
    expect(r.partial).toBe(false);
    expect(engine.explain('受助学生有多少人次').analyzed.concepts.map((c) => c.text)).toContain('人次');
  });

  it('一共 is no number, and 搬 adds nothing to 易地扶贫搬迁: the passage with the figures comes first', () => {
    const q = '易地扶贫搬迁一共搬了多少人';
    expect(engine.explain(q).parsed.text).toBe(q);
    expect(engine.explain(q).analyzed.concepts.map((c) => c.text)).toEqual(['易地扶贫搬迁']);
    const r = engine.search(q);
    expect(r.corrected).toBeNull();
    expect(text('003-012')).toContain('实现122979名群众搬迁入住');
    expect(r.results[0]?.id).toBe('003-012');
  });

  it('the passage stating the figure leads one that repeats the topic (脱贫攻坚相关新闻2000余条)', () => {
    const q = '脱贫攻坚宣传新闻发了多少条';
    expect(text('003-024')).toContain('刊播脱贫攻坚相关新闻2000余条');
    expect(text('003-023')).not.toMatch(/\d/);
    expect(first(q)).toBe('003-024');
    // Without the rule, the passage on the same campaign without a figure came first.
    const off = createSearchEngine(corpus, { quantityBonus: 0 });
    expect(off.search(q).results[0]?.id).toBe('003-023');
    // A question about no number is left alone.
    expect(off.search('脱贫攻坚宣传新闻').results.map((r) => r.id)).toEqual(engine.search('脱贫攻坚宣传新闻').results.map((r) => r.id));
  });
});

describe('question forms and quoted names', () => {
  it('a verb after 靠啥 is what the means achieve, not the kind of answer asked for', () => {
    expect(aspects('乡村人才靠啥留住')).toEqual([]);
    expect(aspects('社保兜底靠啥措施')).toContain('措施');
    expect(text('000-005')).toContain('留住本土人才');
    expect(first('乡村人才靠啥留住')).toBe('000-005');
  });

  it('“党建+”模式有哪些: the passage saying “党建+”模式 comes first', () => {
    expect(text('002-009')).toContain('党建+”模式');
    expect(engine.explain('“党建+”模式有哪些').analyzed.wholeBare).toBe('党建模式');
    expect(first('“党建+”模式有哪些')).toBe('002-009');
  });

  it('“六脱”是哪六个: the passage under the heading “六脱”措施 is found, though the heading is cut 六|脱', () => {
    expect(corpus.byId.get('003-004')?.section).toContain('“六脱”措施');
    const ids = engine.search('“六脱”是哪六个').results.map((r) => r.id);
    expect(ids.slice(0, 3)).toContain('003-004');
  });

  it('a related term is not read inside another word (村规 of 乡村规划 is no 村规民约)', () => {
    const c = engine.explain('乡村规划要注意什么').analyzed.concepts.find((x) => x.text === '乡村规划');
    expect(c?.relatedText).toEqual([]);
    expect(engine.explain('村规 怎么定').analyzed.concepts.some((x) => x.relatedText.length > 0)).toBe(true);
  });
});

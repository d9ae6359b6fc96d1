/**
 * Ranking precision, round 8 (issue 9; docs/search.md, Precision, round 8): a count question's measure word left to the
 * subject when it opens a word of it (多少|项目|资金, not 多少项|目资金), a question's adverbs (主要, 具体) before its
 * verb dropped, and the typed-stretch bonus (measured, off by default: the words a query typed together found together
 * in a passage). On the real engine and library.
 */
import { describe, expect, it } from 'vitest';
import { heldShare, typedStretches } from '../../src/search/bigram-signal.js';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const before = createSearchEngine(corpus, { typedStretchBonus: 0 });
// The typed-stretch bonus at the weight measured (docs/search.md, Precision, round 8); off by default for now.
const stretched = createSearchEngine(corpus, { typedStretchBonus: 0.2 });
const passage = (id: string) => corpus.byId.get(id);
const words = (q: string): string[] => engine.explain(q).analyzed.concepts.map((c) => c.text);
const ids = (e: typeof engine, q: string): string[] => e.search(q).results.map((r) => r.id);

describe('typed stretches', () => {
  it('are the runs of four characters or more between asking words, spaces and punctuation', () => {
    expect(typedStretches('三治融合怎么推进')).toEqual(['三治融合']);
    expect(typedStretches('生态扶贫2020年的文件')).toEqual(['生态扶贫2020年的文件']);
    expect(typedStretches('集体经济 收入')).toEqual(['集体经济']);
    expect(typedStretches('推进 融合')).toEqual([]);
  });

  it('a text holds its longest piece of four characters or more, as a share of every stretch', () => {
    expect(heldShare('深入推进三治融合', ['三治融合'])).toBe(1);
    expect(heldShare('推进乡村振兴战略深度融合', ['三治融合'])).toBe(0);
    expect(heldShare('把生态扶贫作为惠民之策', ['生态扶贫2020年的文件'])).toBeCloseTo(4 / 12);
    // Three characters are not enough: 村干部 is held by too many passages to tell them apart.
    expect(heldShare('村干部', ['村干部吃拿卡要'])).toBe(0);
  });
});

describe('the words typed together found together', () => {
  it('为什么要建强村党支部: a clear first result leaves the rest as they were (round 9: only results within reach of the first place are looked at)', () => {
    const q = '为什么要建强村党支部';
    expect(passage('002-012')?.text).not.toContain('村党支部');
    expect(passage('001-005')?.text).toContain('村党支部');
    // Round 8's full form put 001-005 second here; the cheap form of round 9 looks at nothing below a clear first.
    // round 20 re-fit: 002-008 (巩固党在农村的执政基础: a why) 2nd, 002-012 3rd; 001-005 still not lifted.
    expect(ids(before, q).slice(0, 3)).toEqual(['003-027', '002-008', '002-012']);
    expect(ids(stretched, q)).toEqual(ids(before, q));
    expect(stretched.search(q).partial).toBe(false);
  });

  it('a stretch that is one word of the query the index holds whole adds nothing: the word already says it', () => {
    for (const q of ['联席会议', '易地扶贫搬迁', '三治融合怎么推进']) expect(ids(stretched, q)).toEqual(ids(before, q));
  });

  it('a theme name typed as a stretch is left to the theme rules: 产业振兴 in a heading is no topic', () => {
    const q = '产业振兴 旅游';
    expect(passage('000-002')?.section).toContain('产业振兴');
    expect(ids(stretched, q).slice(0, 3)).toEqual(ids(before, q).slice(0, 3));
  });

  it('a partial answer is left as it was', () => {
    const q = '村干部吃拿卡要有人管没';
    expect(stretched.search(q).partial).toBe(true);
    expect(ids(stretched, q)).toEqual(ids(before, q));
  });
});

describe('a count question whose measure word opens a word of the subject', () => {
  it('多少项目资金 asks about 项目 and 资金, not 目资金', () => {
    expect(words('第一书记争取了多少项目资金')).toEqual(['第一书记', '争取', '项目', '资金']);
    expect(words('上面派来的书记跑来多少项目钱')).toContain('项目');
    expect(words('有多少家庭受惠')).toContain('家庭');
  });

  it('a measure word jieba keeps with the count stays a question form: 几个|人, 多少|项|荣誉', () => {
    expect(words('乡镇医生平均有几个人')).not.toContain('个人');
    expect(words('迎丰村拿了多少项荣誉称号')).toEqual(['迎丰村', '荣誉称号']);
  });

  it('上面派来的书记跑来多少项目钱: the first secretary\'s project funds (001-014) first', () => {
    expect(passage('001-014')?.text).toContain('争取项目资金');
    expect(ids(engine, '上面派来的书记跑来多少项目钱')[0]).toBe('001-014');
  });
});

describe('a question\'s adverb before its verb or asking word', () => {
  const noAdverbs = createSearchEngine(corpus, { questionAdverbs: false });
  it('主要 / 具体 / 到底 asking how exactly are no subject; before a noun they stay', () => {
    expect(words('拉萨扶贫主要发展哪些产业')).not.toContain('主要');
    expect(words('生态振兴主要抓哪两块')).toEqual(['生态振兴', '抓']);
    expect(words('五个振兴具体怎么推进')).toEqual(['五个振兴', '推进']);
    // Before a noun (主要内容) or in a query that asks nothing (主要做法), 主要 qualifies what is wanted.
    expect(words('乡贤回归工程的主要内容有哪些')).toContain('主要');
    expect(words('易地扶贫搬迁 主要做法')).toContain('主要');
  });

  it('拉萨扶贫主要发展哪些产业: the passage on Lhasa\'s poverty-relief industries first, not one saying 主要任务', () => {
    const q = '拉萨扶贫主要发展哪些产业';
    expect(passage('003-023')?.text).toContain('主要任务');
    expect(ids(noAdverbs, q)[0]).toBe('003-023');
    expect(ids(engine, q)[0]).toBe('003-004');
  });
});

/**
 * Questions as people ask them (issue 9, round 4): what a question wants about its subject (X的作用和意义, 处理得怎么样,
 * 是谁提出的), counting words (一共建了), a subject jieba cuts against the texts (生活|垃圾处理), the place an article
 * is about (拉萨), long names the texts always write with the same neighbour, and quoted sayings as people
 * misremember them. Each asserts what the user sees: which passage comes first and whether the answer says it is
 * partial.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const text = (id: string): string => corpus.byId.get(id)?.text ?? '';
const aspects = (q: string): string[] => engine.explain(q).analyzed.concepts.filter((c) => c.aspect).map((c) => c.text);
const words = (q: string): string[] => engine.explain(q).analyzed.concepts.map((c) => c.text);
const marked = (id: string, q: string): string[] => {
  const hit = engine.search(q, { limit: 20 }).results.find((r) => r.id === id);
  return (hit?.segments ?? []).filter((s) => s.match).map((s) => s.text);
};

describe('X的作用和意义, X的重要意义, X有什么作用和意义: what is asked about the subject', () => {
  it('the abstract nouns ending the query after X的, or joined to an asked-for word by 和, are what is asked', () => {
    expect(aspects('家庭医生的作用和意义')).toEqual(['作用', '意义']);
    expect(aspects('扫黑除恶的重要意义')).toEqual(['重要', '意义']);
    expect(aspects('厕所革命的好处')).toEqual(['好处']);
    expect(aspects('三免一补有什么作用和意义')).toEqual(['作用', '意义']);
    // A noun that is not such a word stays the subject: 拉萨的文化大舞台 asks about 文化大舞台.
    expect(aspects('拉萨的文化大舞台')).toEqual([]);
  });

  it.each([
    ['家庭医生的作用和意义', '003-010'],
    ['扫黑除恶的重要意义', '002-023'],
    ['结对共建的意义和作用', '001-004'],
    ['厕所革命的作用和意义', '003-018'],
  ])('%s: the passage about the subject first, a full answer, though it never says 意义', (q, id) => {
    expect(text(id)).not.toContain('意义');
    const r = engine.search(q);
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe(id);
    // The heading 研究意义 of 002-001…006 brings none of them in.
    expect(r.results.map((x) => x.id)).not.toContain('002-001');
  });
});

describe('how to understand or view something, and how two things relate', () => {
  it('如何理解 / 怎么看待 / 如何认识 are question words: 认识 of 认识不到位 does not bring 002-027 first', () => {
    expect(engine.explain('如何认识乡村治理的重要性').analyzed.dropped).toEqual(['如何认识']);
    expect(engine.explain('怎么看待党建和乡村振兴两张皮').analyzed.dropped).toEqual(['怎么看待']);
    expect(text('002-027')).toContain('认识不到位');
    const r = engine.search('如何认识乡村治理的重要性');
    expect(r.results[0]?.id).toBe('003-029');
    expect(r.partial).toBe(false);
  });

  it('A与B的关系: 关系 is what is asked, the passage that sets the two side by side comes first, in full', () => {
    expect(aspects('组织覆盖与工作覆盖的关系')).toEqual(['关系']);
    expect(text('002-040')).toContain('组织覆盖与工作覆盖相结合');
    expect(engine.search('组织覆盖与工作覆盖的关系').results[0]?.id).toBe('002-040');
    const r = engine.search('发展共同体和治理共同体的关系');
    expect(r.partial).toBe(false);
    expect(r.results.slice(0, 2).map((x) => x.id)).toContain('004-004');
  });
});

describe('how well something is done', () => {
  it('the verb before 得怎么样 is what is asked, not the subject', () => {
    expect(aspects('拉萨的生活垃圾处理得怎么样')).toEqual(['处理']);
    expect(aspects('先锋模范作用发挥得怎么样')).toEqual(['发挥']);
  });
});

describe('counting words: 一共, 总共', () => {
  it('are no subject, and 一共建了, which jieba cuts 一|共建|了, does not search 共建', () => {
    expect(words('一共招募了多少志愿者')).not.toContain('一共');
    expect(words('拉萨一共建了多少个安置点')).not.toContain('共建');
    expect(engine.search('一共招募了多少志愿者').results[0]?.id).toBe('003-014');
  });

  it('拉萨一共建了多少个安置点: the passage with 安置点39个 first, not 004-001 on 结对共建', () => {
    expect(text('003-012')).toContain('安置点39个');
    const r = engine.search('拉萨一共建了多少个安置点');
    expect(r.results[0]?.id).toBe('003-012');
    expect(r.results.map((x) => x.id)).not.toContain('004-001');
  });
});

describe('a query word no text has, whose first characters complete the word before it as the texts write it', () => {
  it('is cut the texts\' way: 生活|垃圾处理 → 生活垃圾|处理', () => {
    expect(text('003-019')).toContain('生活垃圾');
    expect(words('拉萨的生活垃圾处理得怎么样')).toEqual(['拉萨', '生活垃圾', '处理']);
  });

  it('拉萨的生活垃圾处理得怎么样: the passage on Lhasa\'s household rubbish first, in full', () => {
    const r = engine.search('拉萨的生活垃圾处理得怎么样');
    expect(r.results[0]?.id).toBe('003-019');
    expect(r.partial).toBe(false);
  });
});

describe('the place an article is about', () => {
  it('counts for the article\'s passages that do not repeat it: 拉萨 of the Lhasa article', () => {
    for (const id of ['003-012', '003-014']) expect(text(id)).not.toContain('拉萨');
    for (const [q, id] of [
      ['拉萨的文化大舞台有多少个', '003-014'],
      ['拉萨一共建了多少个安置点', '003-012'],
    ] as const) {
      const r = engine.search(q);
      expect(r.results[0]?.id, q).toBe(id);
      // A full answer: the passage is Lhasa's, though it does not say so.
      expect(r.partial, q).toBe(false);
    }
  });

  it('brings in no passage by itself: passages of the article that hold none of the other words are no results', () => {
    const r = engine.search('拉萨的文化大舞台有多少个', { limit: 50 });
    for (const hit of r.results) expect(hit.text.includes('拉萨') || hit.text.includes('舞台') || hit.text.includes('文化'), hit.id).toBe(true);
  });

  it('is no name of another article: 拉萨 with a word only the other texts have stays partial', () => {
    const r = engine.search('拉萨的淘宝村');
    expect(r.partial).toBe(true);
  });
});

describe('a long name the texts always write after the same word (社会主义核心价值观, 德治“三治融合”)', () => {
  it('is still found when the query puts another word next to it', () => {
    const r = engine.search('核心价值观教育怎么搞');
    expect(r.partial).toBe(false);
    expect(['000-006', '002-038']).toContain(r.results[0]?.id);
    expect(marked(r.results[0]?.id ?? '', '核心价值观教育怎么搞')).toContain('核心价值观');
  });
});

describe('a quoted saying no text holds as written', () => {
  it('“一户一档”是什么: its words are searched, and the answer says it is partial', () => {
    expect(corpus.passages.some((p) => p.text.includes('一户一档'))).toBe(false);
    const r = engine.search('“一户一档”是什么');
    expect(r.results[0]?.id).toBe('003-018');
    expect(r.partial).toBe(true);
  });

  it('a quoted phrase the texts do hold is still required as written', () => {
    const r = engine.search('“集体经济发展”', { limit: 50 });
    expect(r.partial).toBe(false);
    for (const hit of r.results) expect(hit.text.replace(/\s/g, '')).toContain('集体经济发展');
  });

  it('a quoted phrase about nothing in the texts still finds nothing', () => {
    expect(engine.search('“飞机票价格”是什么').total).toBe(0);
  });

  it('a query that is nothing but a quotation is searched exactly as typed: no passage holds “一户一档”', () => {
    expect(engine.search('“一户一档”').total).toBe(0);
  });
});

describe('sayings made of function characters (等靠要, 要我脱贫), which jieba cuts into stop words', () => {
  it('什么是等靠要: found, in full, though no word of it is left to search once the stop words go', () => {
    expect(text('003-013')).toContain('等靠要');
    const r = engine.search('什么是等靠要');
    expect(r.results.map((x) => x.id)).toEqual(['003-013']);
    expect(r.partial).toBe(false);
  });

  it('等靠要怎么申请: the saying found, and the answer partial, since no passage says 申请 of it', () => {
    const r = engine.search('等靠要怎么申请');
    expect(r.results[0]?.id).toBe('003-013');
    expect(r.partial).toBe(true);
  });

  it('a stretch with a place word (村里有 of 村里有纠纷找谁调解) is no such saying: still nothing', () => {
    expect(text('002-026')).toContain('村里有钱了');
    // Round 24 (sameSenseSay): 调解 "to mediate" reads as the everyday 说和 (→ 三治融合), and the query is answered
    // partially by 002-018, not by the passage saying 村里有钱了; without that reading it still finds nothing.
    const r = engine.search('村里有纠纷找谁调解');
    expect(r.partial).toBe(true);
    expect(r.results.map((x) => x.id)).not.toContain('002-026');
    expect(createSearchEngine(corpus, { sameSenseSay: false }).search('村里有纠纷找谁调解').total).toBe(0);
  });

  it('要我脱贫是什么意思: the passage saying 要我脱贫 comes first among the many that say 脱贫', () => {
    expect(text('003-025')).toContain('要我脱贫');
    const r = engine.search('要我脱贫是什么意思', { limit: 50 });
    expect(r.total).toBeGreaterThan(10);
    expect(r.results[0]?.id).toBe('003-025');
  });

  it('要我脱贫和我要脱贫有什么区别: the same passage first', () => {
    expect(engine.search('要我脱贫和我要脱贫有什么区别').results[0]?.id).toBe('003-025');
  });
});

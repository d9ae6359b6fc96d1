/**
 * The character-bigram signal for questions (issue 9, round 5; src/search/bigram-signal.ts): a question's first results
 * reordered by how much of it they hold as written, and a question the words find nothing for answered by the
 * passages holding enough of it as written, marked partial. Keyword queries are left alone. Each asserts what the
 * user sees against the real engine, and against the same engine with the signal off.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { contentPairs, isQuestion, questionPairs, rerank } from '../../src/search/bigram-signal.js';
import { GRAM_PREFIX } from '../../src/search/analyze.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const without = createSearchEngine(corpus, { bigrams: false });
// Words alone: neither the bigram signal nor round 8's typed stretches (困难家庭大学生 typed together is one of them) nor
// round 13's junctions (家大 of 家庭|大学生).
const wordsAlone = createSearchEngine(corpus, { bigrams: false, typedStretchBonus: 0, junctionBonus: 0 });
const text = (id: string): string => corpus.byId.get(id)?.text ?? '';
const ids = (r: { results: { id: string }[] }): string[] => r.results.map((x) => x.id);
const pair = (s: string): string => `${GRAM_PREFIX}${s}`;

describe('which queries are questions, and their pairs', () => {
  it('a query with an asking word or an A-not-A form is a question; a keyword query is not', () => {
    for (const q of ['困难家庭大学生有多少人次得到资助', '三治融合怎么推进', '低保标准是多少', '非遗扶贫就业作坊是不是全国首批', '谁负责政治审查把关', '拉萨的垃圾填埋场只有一个吗']) {
      expect(isQuestion(q), q).toBe(true);
    }
    for (const q of ['困难家庭大学生 资助', '三治融合', '厕所革命 成效']) expect(isQuestion(q), q).toBe(false);
  });

  it('a question’s content pairs leave out its asking words and the pairs across them', () => {
    expect(questionPairs('低保是多少')).toEqual(['低保', '保是', '是多', '多少'].map(pair));
    expect(contentPairs('低保是多少')).toEqual(['低保', '保是'].map(pair));
    expect(contentPairs('谁负责政治审查把关')).toEqual(['负责', '责政', '政治', '治审', '审查', '查把', '把关'].map(pair));
  });

  it('rerank orders by score share plus weight × bigram share, in the engine’s units, ties in the engine’s order', () => {
    const head = [
      { index: 1, score: 10 },
      { index: 2, score: 9.5 },
      { index: 3, score: 5 },
    ];
    const gram = (i: number): number => ({ 1: 0, 2: 4, 3: 4 })[i] ?? 0;
    // 2: 9.5 + 0.2 × 10 × 4/4 = 11.5 beats 1's 10; 3: 5 + 2 = 7 stays last.
    expect(rerank(head, gram, 4, 0.2)).toEqual([
      { index: 2, score: 11.5 },
      { index: 1, score: 10 },
      { index: 3, score: 7 },
    ]);
    expect(rerank(head, gram, 4, 0)).toEqual(head);
    expect(rerank(head, () => 0, 0, 0.2)).toEqual(head);
  });
});

describe('a question’s first results, reordered by the question said as written', () => {
  it('困难家庭大学生有多少人次得到资助: the passage saying 困难家庭大学生 and 受助学生1968人次 comes first', () => {
    const q = '困难家庭大学生有多少人次得到资助';
    expect(text('003-009')).toContain('困难家庭大学生');
    expect(text('003-008')).not.toContain('困难家庭大学生');
    // By words alone the passage on the aid policy (家庭经济困难学生资助政策) leads.
    expect(ids(wordsAlone.search(q))[0]).toBe('003-008');
    const r = engine.search(q);
    expect(r.results[0]?.id).toBe('003-009');
    expect(r.partial).toBe(false);
    // The same passages, only in another order; scores still fall down the page.
    expect(new Set(ids(r))).toEqual(new Set(ids(without.search(q))));
    const scores = r.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('pages agree with one long page (the reordering is the same on every page)', () => {
    const q = '困难家庭大学生有多少人次得到资助';
    const long = ids(engine.search(q, { limit: 10 }));
    const paged = [...ids(engine.search(q, { limit: 5, page: 1 })), ...ids(engine.search(q, { limit: 5, page: 2 }))];
    expect(paged).toEqual(long);
    expect(engine.search(q, { limit: 5 }).total).toBe(without.search(q, { limit: 5 }).total);
  });

  // round 20 re-fit: the keyword tie-breaker (bigrams.keywordWeight 0.1) is on by default now, so the question signal
  // is checked with it off; the default keeps the same first eight (9th 003-017 → 003-003, neither on aid) and order.
  const noKeyword = createSearchEngine(corpus, { bigrams: { keywordWeight: 0 } });
  it.each(['困难家庭大学生 资助', '三治融合'])('%s: a keyword query is ranked by its words alone', (q) => {
    const a = noKeyword.search(q, { limit: 10 });
    const b = without.search(q, { limit: 10 });
    expect(ids(a)).toEqual(ids(b));
    expect(a.results.map((x) => x.score)).toEqual(b.results.map((x) => x.score));
    expect(ids(engine.search(q, { limit: 10 })).slice(0, 8)).toEqual(ids(b).slice(0, 8));
  });

  it('农村电商 经验 (经验: a request for material) gets the material tie-breaker only (round 17, materialWeight)', () => {
    const q = '农村电商 经验';
    // round 20 re-fit: with the keyword tie-breaker on by default, "only the material tie-breaker" is read with it off.
    const noMaterial = createSearchEngine(corpus, { bigrams: { materialWeight: 0, keywordWeight: 0 } });
    expect(ids(engine.search(q, { limit: 10 }))).toEqual(ids(without.search(q, { limit: 10 })));
    const a = noMaterial.search(q, { limit: 10 });
    expect(a.results.map((x) => x.score)).toEqual(without.search(q, { limit: 10 }).results.map((x) => x.score));
  });

  it('a theme or document filter still holds, and a quoted phrase is searched as it is', () => {
    const r = engine.search('doc:003 困难家庭大学生有多少人次得到资助');
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.every((x) => x.docId === '003')).toBe(true);
    const quoted = '“困难家庭大学生”有多少人次得到资助';
    expect(ids(engine.search(quoted))).toEqual(ids(without.search(quoted)));
  });
});

describe('a question the words find nothing for', () => {
  it('村党部是什么意思 (村党支部 shortened): the passage on 建强村党支部 answers, marked partial', () => {
    const q = '村党部是什么意思';
    expect(text('003-027')).toContain('村党支部');
    // By words alone: nothing (村党部 is no word of the texts, nor any of its pieces).
    expect(without.search(q).total).toBe(0);
    const r = engine.search(q);
    expect(r.results[0]?.id).toBe('003-027');
    expect(r.partial).toBe(true);
    expect(r.suggestions).toEqual([]);
  });

  it('stays empty when no passage holds half of its content pairs and two of them: 村里wifi密码多少, 村里有纠纷找谁调解', () => {
    // 村里有纠纷找谁调解 with round 24's sameSenseSay off: with it, 调解 reads as 说和 (→ 三治融合), a partial answer
    // that owes nothing to the bigram signal (everyday-round24.test.ts).
    const noSay = createSearchEngine(corpus, { sameSenseSay: false });
    for (const q of ['村里wifi密码多少', '村里有纠纷找谁调解', '彩票中奖去哪领', '明天下不下雨']) {
      const r = (q === '村里有纠纷找谁调解' ? noSay : engine).search(q);
      expect(r.total, q).toBe(0);
      expect(r.suggestions.length, q).toBeGreaterThan(0);
    }
  });

  it('a no-match question never gets a full answer', () => {
    for (const q of ['房价咋样啊', '新冠疫苗接种的材料有吗', '高铁站在哪呀', '足球比赛什么时候开始']) {
      const r = engine.search(q);
      expect(r.total > 0 && !r.partial, q).toBe(false);
    }
  });
});

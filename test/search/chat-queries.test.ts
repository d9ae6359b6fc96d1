/**
 * Search as people type it in chat (issue 9): markup and politeness cleaned away, partial answers instead of
 * nothing, typos corrected against the library's own words, theme words, names the texts lack, highlights that
 * stand as words.
 */
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { createSearchEngine } from '../../src/search/index.js';
import { stripChatMarkup } from '../../src/search/chat-markup.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const ids = (q: string, limit = 5): string[] => engine.search(q, { limit }).results.map((r) => r.id);
const marks = (q: string, id: string): string[] => {
  for (let page = 1; ; page++) {
    const r = engine.search(q, { limit: 50, page });
    const hit = r.results.find((x) => x.id === id);
    if (hit) return hit.segments.filter((s) => s.match).map((s) => s.text);
    if (page >= r.pageCount) return [];
  }
};

describe('chat markup', () => {
  it.each([
    ['<@U024BE7LH> 集体经济', '集体经济'],
    ['<@W01ABCD|zhang> 集体经济', '集体经济'],
    ['<!channel> <!here|here> <!subteam^S0123|@team> 集体经济', '集体经济'],
    ['<#C024BE7LR|general> 集体经济', '集体经济'],
    ['@_user_1 @_all 集体经济', '集体经济'],
    ['@小张 @所有人 集体经济', '集体经济'],
    ['集体经济 <https://example.com/a|乡村振兴>', '集体经济 乡村振兴'],
    ['请发到 a@b.com 集体经济', '请发到 a@b.com 集体经济'],
  ])('%s → %s', (input, expected) => {
    expect(stripChatMarkup(input)).toBe(expected);
  });

  it('a query of mentions only asks for something to search', () => {
    expect(() => engine.search('<@U024BE7LH>')).toThrow(expect.objectContaining({ code: 'QUERY_EMPTY' }));
  });
});

describe('politeness, requests and material words', () => {
  it('answer as the bare subject does', () => {
    const plain = ids('集体经济');
    for (const q of ['请问 集体经济', '麻烦查下 集体经济 谢谢', '急！集体经济 材料', '集体经济 ppt', '集体经济 2024 最新', '帮我找一下集体经济的内容，谢谢']) {
      const r = engine.search(q);
      expect(r.results.map((x) => x.id), q).toEqual(plain);
      expect(r.partial, q).toBe(false);
    }
  });

  it('keeps a material word or a year the texts themselves contain', () => {
    expect(corpus.passages.some((p) => p.text.includes('政策文件'))).toBe(true);
    expect(engine.explain('防返贫 文件').analyzed.dropped).toEqual([]);
    expect(engine.explain('防返贫 2025年 ppt').analyzed.dropped).toEqual(['2025', 'ppt']);
    // 2020 stands in the texts and stays; its 年 goes with it (round 14, yearSuffix).
    expect(engine.explain('第一书记 2020年').analyzed.dropped).toEqual(['年']);
    expect(engine.explain('第一书记 2020年').analyzed.concepts.map((c) => c.text)).toContain('2020');
  });

  it('words only about the asking find nothing and get suggestions', () => {
    const r = engine.search('谢谢');
    expect(r.total).toBe(0);
    expect(r.suggestions.length).toBeGreaterThan(0);
  });
});

describe('never nothing when something is related', () => {
  it('an unfamiliar word leaves a partial answer by the words the texts know', () => {
    const r = engine.search('人才 振兴 foo');
    expect(r.partial).toBe(true);
    expect(r.matched).toEqual(['人才', '振兴']);
    expect(r.results[0]?.text).toMatch(/人才/);
  });

  it('a partial answer is marked on every page and its results hold one of the matched words', () => {
    for (let page = 1; page <= 2; page++) {
      const r = engine.search('厕所革命 飞机', { page });
      expect(r.partial).toBe(true);
      expect(r.matched).toEqual(['厕所革命']);
      for (const x of r.results) expect(x.text).toContain('厕所');
    }
  });

  it('mends jieba’s cut where a word of the texts was split (安置|点有|几个)', () => {
    const r = engine.search('安置点有几个');
    expect(r.partial).toBe(false);
    expect(r.results[0]?.text).toContain('安置点39个');
  });

  it('a query standing in a text across punctuation is found as written (“志”“智”双扶)', () => {
    expect(ids('志智双扶')).toEqual(expect.arrayContaining(['003-009', '003-013']));
  });
});

describe('question forms', () => {
  it.each([
    ['消薄是什么意思', ['002-022', '001-014', '001-015']],
    ['乡村运营师是干什么的', ['001-016']],
    ['三治融合是哪三治', ['002-018', '001-010']],
    ['村级活动场所面积多大', ['002-013']],
  ])('%s is answered in full, not as a partial match of its question words', (query, relevant) => {
    const r = engine.search(query, { limit: 5 });
    expect(r.partial).toBe(false);
    expect(relevant).toContain(r.results[0]?.id);
  });

  it('多少种疾病 asks how many diseases: no word 种疾病 is searched', () => {
    const { analyzed } = engine.explain('多少种疾病纳入大病救治');
    expect(analyzed.concepts.map((c) => c.text)).toEqual(['疾病', '纳入', '大病', '救治']);
    expect(ids('多少种疾病纳入大病救治')[0]).toBe('003-007');
  });
});

describe('typos', () => {
  it.each([
    ['集体经计', '集体经济'],
    ['人材振兴', '人才振兴'],
    ['易地扶贫般迁', '易地扶贫搬迁'],
    ['领燕工程', '领雁工程'],
    ['控缀保学', '控辍保学'],
    ['厕所革名', '厕所革命'],
    ['返贫检测', '返贫监测'],
    ['组织振新', '组织振兴'],
  ])('%s is searched as %s, and the results have it', (typed, fixed) => {
    const r = engine.search(typed);
    expect(r.corrected).toBe(fixed);
    expect(r.partial).toBe(false);
    expect(r.results[0]?.text).toContain(fixed.slice(0, 2));
    const plain = engine.search(fixed);
    expect(r.results.map((x) => x.id)).toEqual(plain.results.map((x) => x.id));
  });

  it('never touches a word the texts contain', () => {
    const words = new Set<string>();
    for (const p of corpus.passages.slice(0, 40)) for (const m of p.text.matchAll(/\p{Script=Han}{2,4}/gu)) words.add(m[0]);
    for (const w of [...words].slice(0, 300)) expect(engine.search(w).corrected, w).toBeNull();
  });

  it('leaves words alone that only sound like a word of the texts by chance', () => {
    for (const q of ['上一篇', '农产品卖不出去', '责任编辑', '搬到新房子']) expect(engine.search(q).corrected, q).toBeNull();
  });

  it('with { correct: false } searches the words as typed', () => {
    const r = engine.search('集体经计', { correct: false });
    expect(r.corrected).toBeNull();
    expect(r.partial).toBe(true);
  });

  it('corrects against the words of whatever texts the engine was built over, documents added later included', () => {
    const model = corpus.passages[0] as Passage;
    const passages = [
      { ...model, id: 'n-0', text: '村里新建了光伏发电站，发展光伏产业带动增收。' },
      { ...model, id: 'n-1', text: '推进数字乡村建设，完善农村物流体系。' },
    ];
    const small = createSearchEngine({ ...corpus, passages, byId: new Map(passages.map((p) => [p.id, p])) });
    expect(small.search('光服产业').corrected).toBe('光伏产业');
    expect(small.search('光服产业').results[0]?.id).toBe('n-0');
    expect(small.search('农村物留').corrected).toBe('农村物流');
  });
});

describe('theme words', () => {
  it('组织振兴 ranks the theme’s passages, not only those with the literal string', () => {
    const themed = corpus.passages.filter((p) => p.themes.includes('organization'));
    expect(themed.length).toBeGreaterThan(20);
    const r = engine.search('组织振兴', { limit: 50 });
    expect(r.total).toBeGreaterThanOrEqual(themed.length);
    expect(r.results.map((x) => x.id)).toEqual(expect.arrayContaining(themed.map((p) => p.id)));
    // The passages that say 组织振兴 come first.
    expect(r.results[0]?.text).toContain('组织振兴');
  });

  it('English theme names do the same', () => {
    const talent = new Set(corpus.passages.filter((p) => p.themes.includes('talent')).map((p) => p.id));
    const r = engine.search('talent', { limit: 50 });
    expect(r.results.filter((x) => talent.has(x.id)).length).toBe(talent.size);
  });
});

describe('names the texts never contain whole', () => {
  it.each(['民主生活会', '中共中央政治局', '乡村振兴促进法', '推荐阅读'])('%s gets no full answer', (q) => {
    for (const p of corpus.passages) expect(p.text).not.toContain(q);
    const r = engine.search(q);
    expect(r.total === 0 || r.partial === true, `${r.total} ${r.results.map((x) => x.id).join(' ')}`).toBe(true);
  });
});

describe('highlights', () => {
  it('宅基地 does not mark 基地 of 企业+基地', () => {
    expect(marks('宅基地', '003-011')).toContain('宅基地');
    expect(marks('宅基地', '003-004')).not.toContain('基地');
  });

  it('共同富裕 does not mark 共同 of 共同体, nor answer with 共同体 passages', () => {
    expect(marks('共同富裕', '002-042')).toContain('共同富裕');
    for (const r of engine.search('共同富裕', { limit: 50 }).results) expect(r.text).toContain('共同富裕');
  });

  it('垃圾分类 does not mark 分类 of 分类施策: the partial answer matches 垃圾 and says so', () => {
    const r = engine.search('垃圾分类', { limit: 50 });
    expect(r.partial).toBe(true);
    expect(r.matched).toEqual(['垃圾']);
    expect(r.results.map((x) => x.id)).not.toContain('004-004');
    for (const x of r.results) expect(x.segments.filter((s) => s.match).map((s) => s.text)).not.toContain('分类');
    expect(marks('垃圾分类', '003-019')).toContain('垃圾');
    // Asked for itself, 分类 still finds 分类施策.
    expect(marks('分类', '004-004')).toContain('分类');
    expect(marks('分类施策', '004-004')).toEqual(['分类施策']);
  });

  it('a piece of a word the texts lack is marked only where it stands as a word', () => {
    // 中共中央政治局 is in no text; 中央 is marked where it is a word (中央农村工作会议), 政治 never inside 政治局.
    const r = engine.search('中共中央政治局', { limit: 50 });
    expect(r.partial).toBe(true);
    for (const x of r.results) for (const s of x.segments.filter((s) => s.match)) expect(['中共', '中央', '政治', '政治局']).toContain(s.text);
  });
});

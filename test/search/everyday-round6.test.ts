/**
 * Everyday words, round 6 (issue 9, item 7; docs/search.md, Everyday words, round 6): everyday focus. In a query with
 * a word the texts lack that the engine reaches only through related terms or library neighbours (低保, 借钱, 包地),
 * the literal words common in Chinese at large (一个, 一年, 公司, lone characters such as 钱) no longer outweigh it.
 * The real engine over the seeds, and small libraries made up here to show that the rule comes from jieba's general
 * word statistics, not from this library.
 */
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { generalIdf } from '../../src/search/jieba.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const ids = (e: ReturnType<typeof createSearchEngine>, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);

const model = corpus.passages[0] as Passage;
const library = (texts: string[], options: Parameters<typeof createSearchEngine>[1] = {}): ReturnType<typeof createSearchEngine> => {
  const passages = texts.map((text, i) => ({ ...model, id: `n-${i}`, docId: `n${i}`, articleId: `n${i}`, section: null, text }));
  return createSearchEngine({ ...corpus, passages, byId: new Map(passages.map((p) => [p.id, p])) }, options);
};

describe('everyday focus: a bridged word is what the query is about', () => {
  // One engine without the rule, for the before/after of each query (built once for the file).
  const before = createSearchEngine(corpus, { everydayFocus: 0 });

  it('is on by default, at idf 9, lone characters at 0.5', () => {
    expect(SEARCH_DEFAULTS.everydayFocus).toBe(9);
    expect(SEARCH_DEFAULTS.everydayFocusChar).toBe(0.5);
  });

  it('jieba knows how common a word is in Chinese at large: 一个 and 公司 are common, 低保 and 借钱 are not', () => {
    for (const w of ['一个', '一年', '公司', '地方']) expect(generalIdf(w), w).toBeLessThan(6);
    for (const w of ['低保', '借钱', '村官']) expect(generalIdf(w), w).toBeGreaterThan(8);
    // A lone character has no idf of its own in jieba's table.
    expect(generalIdf('钱')).toBeUndefined();
  });

  it('低保一个人一年多少钱: the minimum-living-allowance passage first, partial (the texts say 最低生活保障)', () => {
    const r = engine.search('低保一个人一年多少钱', { limit: 5 });
    expect(r.results[0]?.id).toBe('003-007');
    expect(r.partial).toBe(true);
    expect(r.matched).toContain('低保');
    // Before, 钱往基层投 (002-021) came first on 一个, 一年 and 钱. (The question-about-a-quantity rule of round 6,
    // precision-round6.test.ts, also puts 003-007 first, since it states 人均4550元: it is off here too.)
    // round 20 re-fit: with both off 003-007 is first too now, 002-021 2nd (the re-fitted related weights alone).
    expect(ids(createSearchEngine(corpus, { everydayFocus: 0, quantityBonus: 0 }), '低保一个人一年多少钱').slice(0, 2)).toEqual(['003-007', '002-021']);
  });

  it('农商行给农户借钱: the rural commercial bank\'s loans (001-015) first, no longer a passage that only says 农户', () => {
    expect(ids(engine, '农商行给农户借钱')[0]).toBe('001-015');
    expect(engine.search('农商行给农户借钱').partial).toBe(true);
    // round 20 re-fit: with the rule off 001-015 is first too now, 000-003 2nd; the default's answer is unchanged.
    expect(ids(before, '农商行给农户借钱').slice(0, 2)).toEqual(['001-015', '000-003']);
  });

  it('公司来村里包地还雇咱干活: land transfer with priority hiring (000-002) first, not a company selling crafts', () => {
    expect(ids(engine, '公司来村里包地还雇咱干活')[0]).toBe('000-002');
    expect(ids(before, '公司来村里包地还雇咱干活')[0]).toBe('003-017');
  });

  it('leaves a query without a bridged word as it was: its words are all in the texts', () => {
    for (const q of ['集体经济一年收入多少', '第一书记 选派', '村卫生室有多少个']) {
      expect(ids(engine, q, 10), q).toEqual(ids(before, q, 10));
    }
  });

  it('answers a topic the texts never discuss no better than before: nothing full', () => {
    for (const q of ['村里啥时候通天然气', '谁家的羊跑丢了']) {
      const r = engine.search(q);
      expect(r.total === 0 || r.partial, q).toBe(true);
    }
  });

  it('over documents added later: the common words of any library give way to the bridged word', () => {
    const texts = ['一个村要办好几件民生实事。', '农村最低生活保障标准提高到人均4550元。', '钱往基层投，人往基层走。', '乡村医生定期到户巡诊。'];
    const r = library(texts).search('低保一个人一年多少钱');
    expect(r.results[0]?.id).toBe('n-1');
    expect(r.partial).toBe(true);
    expect(library(texts, { everydayFocus: 0 }).search('低保一个人一年多少钱').results[0]?.id).toBe('n-0');
  });
});

describe('a phrase the village lexicon reads whole is not corrected as a typo', () => {
  it('选村干部看啥条件: jieba cuts 选 | 村干部, the lexicon reads 选村干部 (换届, 选任, 选拔): searched as typed', () => {
    const r = engine.search('选村干部看啥条件', { limit: 5 });
    expect(r.corrected).toBeNull();
    expect(r.results.map((x) => x.id)).toEqual(expect.arrayContaining(['000-005', '002-030']));
    // Read as a typo of 农村干部, it found the one passage that says 农村干部.
    const before = createSearchEngine(corpus, { keepUnderstood: false }).search('选村干部看啥条件', { limit: 5 });
    expect(before.corrected).toBe('农村干部看啥条件');
    expect(before.results.map((x) => x.id)).toEqual(['002-030']);
    // A typo the lexicon does not know is still corrected (everyday-round5.test.ts: 集体经计, 领头燕).
  });
});


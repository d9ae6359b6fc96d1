import { describe, expect, it } from 'vitest';
import { cut, cutForSearch, DOMAIN_WORDS, extractKeywords } from '../../src/search/jieba.js';

describe('jieba with the domain dictionary', () => {
  it('keeps domain terms whole', () => {
    for (const word of ['乡村振兴', '党建引领', '两委', '头雁', '第一书记', '集体经济', '人居环境', '易地扶贫搬迁', '厕所革命']) {
      expect(cut(`推进${word}工作`), word).toContain(word);
    }
  });

  it('cuts for search into the whole word and the dictionary words inside it', () => {
    const words = cutForSearch('深化第一书记选派帮扶制度');
    expect(words).toEqual(expect.arrayContaining(['第一书记', '第一', '书记']));
  });

  it('finds unknown words with HMM on', () => {
    // 富不富 is in no dictionary; with HMM it comes out as one word rather than single characters.
    expect(cut('农民富不富，关键看支部')).toContain('富不富');
  });

  it('lists no duplicate or blank domain words', () => {
    expect(new Set(DOMAIN_WORDS).size).toBe(DOMAIN_WORDS.length);
    for (const w of DOMAIN_WORDS) expect(w).toMatch(/^\S+$/);
  });

  it('extracts TF-IDF keywords, strongest first', () => {
    const keywords = extractKeywords('乡村人才振兴，外引人才是助力，本土人才是核心，“领头雁”队伍是关键。', 4);
    expect(keywords).toHaveLength(4);
    // 人才振兴 and 领头雁 come from the domain dictionary: without it they would be cut into pieces.
    expect(keywords.map((k) => k.word)).toEqual(expect.arrayContaining(['人才', '领头雁', '人才振兴']));
    const weights = keywords.map((k) => k.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(extractKeywords('', 5)).toEqual([]);
    expect(extractKeywords('人才', 0)).toEqual([]);
  });
});

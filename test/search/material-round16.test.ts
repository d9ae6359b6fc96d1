/**
 * Material requests, round 16 (issue 9; docs/search.md, Material requests, round 16): an English word for a kind of
 * text beside a subject typed in Chinese is a material word (englishKinds), a word for a kind of text opening a
 * request is material as it is ending one (genreOpening), and a count of texts (一篇, 几篇, 3篇) is dropped
 * (textCounts). On the real engine and library.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const noEnglishKinds = createSearchEngine(corpus, { englishKinds: false });
const noGenreOpening = createSearchEngine(corpus, { genreOpening: false });
const noTextCounts = createSearchEngine(corpus, { textCounts: false });
const ids = (e: typeof engine, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const partial = (e: typeof engine, q: string): boolean => e.search(q, { limit: 5 }).partial === true;

describe('an English word for a kind of text beside a Chinese subject (englishKinds)', () => {
  it('asks for material on the subject instead of searching the word', () => {
    // report was read as 报道: 001-010 (多家媒体报道) came before the organization passages.
    expect(ids(noEnglishKinds, '组织振兴 report 2024')[0]).toBe('001-010');
    expect(ids(engine, '组织振兴 report 2024')[0]).toBe('000-011');
    expect(engine.explain('组织振兴 report 2024').analyzed.dropped).toContain('report');
    // speech and draft: 002-028 first, and partial for want of draft.
    expect(partial(noEnglishKinds, 'speech draft 产业振兴')).toBe(true);
    expect(ids(noEnglishKinds, 'speech draft 产业振兴')[0]).toBe('002-028');
    expect(partial(engine, 'speech draft 产业振兴')).toBe(false);
    expect(ids(engine, 'speech draft 产业振兴')[0]).toBe('000-001');
  });

  it('leaves an English query, where report or speech may be the subject, as it was', () => {
    for (const q of ['media reports on poverty alleviation', 'speech of the general secretary', 'poverty alleviation report']) {
      expect(ids(engine, q, 10)).toEqual(ids(noEnglishKinds, q, 10));
    }
  });
});

describe('a word for a kind of text opening the request (genreOpening)', () => {
  it('is no longer required of a full answer', () => {
    for (const q of ['党课 发挥党员先锋模范作用', '经验交流 领头雁 队伍建设']) {
      expect(partial(noGenreOpening, q)).toBe(true);
      expect(partial(engine, q)).toBe(false);
    }
    expect(ids(engine, '党课 发挥党员先锋模范作用')[0]).toBe('000-011');
  });

  it('stays a word of the subject written against it or inside a sentence', () => {
    for (const q of ['党课怎么上', '微党课比赛评分标准', '党课发挥党员先锋模范作用']) {
      expect(engine.explain(q).analyzed.material).toBe(noGenreOpening.explain(q).analyzed.material);
      expect(ids(engine, q, 10)).toEqual(ids(noGenreOpening, q, 10));
    }
  });
});

describe('a count of texts (textCounts)', () => {
  it('is dropped, so the request is answered in full', () => {
    for (const q of ['想要一篇人才振兴的讲稿', '能不能给我一篇讲文化振兴的文章']) {
      expect(partial(noTextCounts, q)).toBe(true);
      expect(partial(engine, q)).toBe(false);
    }
    expect(ids(engine, '想要一篇人才振兴的讲稿')[0]).toBe('000-004');
    // Cut apart by jieba (3|篇), the digits and the measure go together.
    expect(engine.explain('3篇 人才振兴 心得').analyzed.dropped).toContain('3篇');
    expect(noTextCounts.explain('3篇 人才振兴 心得').analyzed.dropped).not.toContain('3篇');
  });

  it('leaves which text (上一篇, 下一篇: page chrome) and counts of other things alone', () => {
    expect(engine.explain('上一篇 下一篇').analyzed.dropped).not.toContain('一篇');
    const chrome = engine.search('上一篇 下一篇', { limit: 5 });
    expect(chrome.results.length === 0 || chrome.partial === true).toBe(true);
    expect(engine.explain('搬迁3户').analyzed.dropped).toEqual([]);
  });
});

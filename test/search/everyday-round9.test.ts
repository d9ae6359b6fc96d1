/**
 * Everyday words, round 9 (issue 9; docs/search.md, Everyday words, round 9). A related term of the village lexicon
 * that the index lacks whole (阵地建设, 空壳支部) is searched as its words, and any one of them used to credit the
 * related term in full: 建设 alone — a word of most texts — counted as 阵地建设 for 村委会办公的地方又小又破. Now a
 * passage whose only related match is common words of such terms gets three quarters of the related credit; holding
 * a related term whole, all the words of one, or a telling (rare) word of one keeps it all. Full matches are as before.
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
// Off by default since the lead's review of round 9 (it put 003-007 before 003-011 for the village lexicon's
// 低保保障过头了): measured here with the share it was written with.
const engine = createSearchEngine(corpus, { relatedPiecesShare: 0.75 });
const before = getSharedEngine();
const ids = (e: ReturnType<typeof createSearchEngine>, q: string): string[] => e.search(q, { limit: 5 }).results.map((r) => r.id);

describe('common words of a related term the index lacks whole', () => {
  it('is off by default (1); measured at three quarters of the related credit, words in at most a tenth of the passages tell', () => {
    expect(SEARCH_DEFAULTS.relatedPiecesShare).toBe(1);
    expect(SEARCH_DEFAULTS.relatedPiecesTelling).toBe(0.1);
  });

  it('the analyser records the words of each related term the index lacks whole', () => {
    const c = engine.explain('村委会办公的地方又小又破').analyzed.concepts.find((x) => x.text === '办公');
    expect(c?.relatedPieces).toEqual(expect.arrayContaining([['阵地', '建设'], ['村部', '建设']]));
    // Their words are searched as related terms, as before.
    expect(c?.related).toEqual(expect.arrayContaining(['阵地', '建设', '村部']));
    expect((c?.relatedPieces ?? []).every((words) => words.length > 1)).toBe(true);
  });

  it('村委会办公的地方又小又破: a passage with 建设 alone (of 阵地建设) no longer leads one holding 村委会 itself', () => {
    const now = ids(engine, '村委会办公的地方又小又破');
    const then = ids(before, '村委会办公的地方又小又破');
    // 003-015 (Lhasa's civilised city: 建设工程, 地方) matched 办公 only through 建设; 001-011 says 村委会.
    expect(then[0]).toBe('003-015');
    expect(now[0]).toBe('001-011');
    expect(now.indexOf('001-011')).toBeLessThan(now.indexOf('003-015'));
    // The passage on 村级组织活动场所 (狭小简陋破旧) is found either way, and the answer's kind does not change.
    expect(now).toContain('002-013');
    expect(engine.search('村委会办公的地方又小又破').partial).toBe(before.search('村委会办公的地方又小又破').partial);
    expect(new Set(now)).toEqual(new Set(then));
  });

  it('off (relatedPiecesShare: 1) reproduces the old answers', () => {
    const plain = createSearchEngine(corpus, { relatedPiecesShare: 1, relatedPiecesTelling: 0 });
    for (const q of ['村委会办公的地方又小又破', '党支部只剩个牌子没人管事', '村里的活动场地太小']) {
      expect(plain.search(q, { limit: 10 }).results.map((r) => [r.id, r.score])).toEqual(
        before.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]),
      );
    }
  });
});

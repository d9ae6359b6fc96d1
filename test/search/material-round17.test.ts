/**
 * Material requests, round 17 (issue 9; docs/search.md, Material requests, round 17): a request for material whose
 * only subject is a word nearly every passage holds (乡村振兴) is answered by the openings of the texts titled with it,
 * not by the passages under headings that repeat it (broadOpening); a chat-context or material word jieba cut in two
 * (宣讲|稿) is dropped whole, as it is uncut (rejoinMaterial). On the real engine and library.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const noBroadOpening = createSearchEngine(corpus, { broadOpening: 0 });
const noRejoin = createSearchEngine(corpus, { rejoinMaterial: false });
const noTitleSubject = createSearchEngine(corpus, { titleSubject: false });
const ids = (e: typeof engine, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const partial = (e: typeof engine, q: string): boolean => e.search(q, { limit: 5 }).partial === true;
// The openings of the four texts titled with 乡村振兴 (000-000 starts mid-sentence: a fragment, no opening).
const OPENINGS = ['001-000', '002-000', '004-000'];

describe('a request for material on a broad subject only (broadOpening)', () => {
  it('puts the openings of the texts titled with the subject first', () => {
    for (const q of ['乡村振兴ppt', '乡村振兴 心得体会', '乡村振兴 材料 2024']) {
      // Off: passages under headings that repeat 乡村振兴 (二、xx市党建引领乡村振兴的实践) lead; no opening in the top 5.
      expect(ids(noBroadOpening, q).filter((id) => OPENINGS.includes(id))).toEqual([]);
      expect(ids(engine, q).slice(0, 3).sort()).toEqual(OPENINGS);
    }
  });

  it('leaves a telling subject, a keyword and a question as they were', () => {
    // 党建引领 is in 22 of 108 passages: not broad. 乡村振兴 alone is no request for material; a question neither.
    for (const q of ['乡村振兴', '乡村振兴是什么', '人才振兴 讲稿']) {
      expect(ids(engine, q, 10)).toEqual(ids(noBroadOpening, q, 10));
    }
    // round 21 titleSubject: 党建引领乡村振兴 is not broad, so round 17's rule alone leaves it (the engine with
    // titleSubject off answers as with broadOpening off); but two articles' titles name it whole, so the default now
    // reads it as their subject and puts 002-000, the opening of …新时代党建引领乡村振兴的探讨与研究范文, first.
    const q = '党建引领乡村振兴 ppt';
    expect(ids(noTitleSubject, q, 10)).toEqual(ids(noBroadOpening, q, 10));
    expect(ids(engine, q, 10)).toEqual(['002-000', '002-029', '002-025', '002-032', '002-009', '002-004', '001-000', '002-005', '002-007', '001-001']);
  });
});

describe('a material word jieba cut in two (rejoinMaterial)', () => {
  it('is dropped whole, so that its piece does not decide and the request is material', () => {
    const q = '健康扶贫的宣讲稿';
    // Off: 宣讲 of 宣讲|稿 is searched, 003-024 (政策宣讲) leads and the answer is partial.
    expect(noRejoin.explain(q).analyzed.concepts.map((c) => c.text)).toContain('宣讲');
    expect(ids(noRejoin, q)[0]).toBe('003-024');
    expect(partial(noRejoin, q)).toBe(true);
    expect(engine.explain(q).analyzed.dropped).toContain('宣讲稿');
    expect(engine.explain(q).analyzed.material).toBe(true);
    expect(ids(engine, q)[0]).toBe('003-007');
    expect(partial(engine, q)).toBe(false);
    expect(ids(engine, '控辍保学宣讲稿')[0]).toBe('003-008');
  });

  it('leaves the word when it stands alone or whole in a longer word', () => {
    for (const q of ['宣讲', '宣讲团', '微信宣讲和大喇叭宣讲是讲给谁听的']) expect(ids(engine, q, 10)).toEqual(ids(noRejoin, q, 10));
    // 汇报|稿: 汇报 is a material word by itself and goes alone, as before.
    expect(engine.explain('产业振兴汇报稿').analyzed.dropped).toEqual(noRejoin.explain('产业振兴汇报稿').analyzed.dropped);
  });
});

/**
 * Everyday words, round 17 (issue 9; docs/search.md, Everyday words, round 17 (chat-everyday16/16x, issue 9)).
 *
 * dictionaryPlaces: in a query that names nothing the texts hold as written but places, a place word CC-CEDICT knows
 * and no text holds (乡下 "countryside") is what the query is about, not where: it counts in the coverage and library
 * neighbours stand in for it (城乡, 农村); and splitPlaceGlue cuts apart only words jieba's HMM made up (村想), never a
 * dictionary word (乡下 had been read as 乡 glued to 下). Not a direction word (外面), not beside a subject the texts
 * hold itself or through related terms (家里立规矩教育孩子, 家里揭不开锅了), not a place word CC-CEDICT lacks (城里).
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const off = createSearchEngine(corpus, { dictionaryPlaces: false });
type Engine = ReturnType<typeof createSearchEngine>;
const ids = (e: Engine, q: string, limit = 10): string[] => e.search(q, { limit }).results.map((r) => r.id);
const scored = (e: Engine, q: string): [string, number][] => e.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]);

describe('a place word the dictionary knows, named for itself (dictionaryPlaces)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.dictionaryPlaces).toBe(true);
  });

  it('城里的钱和人咋才肯往乡下走: 乡下 stays whole and reaches the passages on money and people going down to the villages', () => {
    const q = '城里的钱和人咋才肯往乡下走';
    const place = engine.explain(q).analyzed.concepts.find((c) => c.text === '乡下');
    expect(place?.place).toBeFalsy();
    expect(place?.nearby?.map((n) => n.term)).toContain('农村');
    // 002-021: 形成“人往基层走、钱往基层投、政策往基层倾斜”的态势; 004-002: 城乡融合发展共同体.
    expect(ids(engine, q, 1)[0]).toBe('002-021');
    expect(ids(engine, q)).toContain('004-002');
    expect(ids(off, q)).toEqual([]);
    // Reached only through stand-ins: the answer says it is partial.
    expect(engine.search(q).partial).toBe(true);
  });

  it('城里和乡下之间那道坎咋破: the passages on merging town and country, in the first five', () => {
    const q = '城里和乡下之间那道坎咋破';
    const top = ids(engine, q, 5);
    expect(top.some((id) => id === '004-002' || id === '004-004')).toBe(true);
    expect(ids(off, q).some((id) => id === '004-002' || id === '004-004')).toBe(false);
  });

  it('beside a subject the texts hold, a place word still says where (家里, 乡下 of 城里老人来乡下养老)', () => {
    for (const q of ['家里立规矩教育孩子', '贫困户家里至少一个人有班上', '家里老人走丢了咋找']) {
      expect(scored(engine, q), q).toEqual(scored(off, q));
    }
    // Round 29 (placeNeighbours): 乡下, an aspect beside the subject, now reads through its library neighbours (农村),
    // which the option off here cuts as 乡 + 下 and does not: the scores differ, the place and the order do not.
    const q = '城里老人来乡下养老';
    expect(engine.explain(q).analyzed.concepts.find((c) => c.text === '乡下')).toMatchObject({ place: true, aspect: true });
    expect(ids(engine, q), q).toEqual(ids(off, q));
    // Held through its related terms only (揭不开锅 → 最低生活保障): 家里 stays a place and the answer stays full.
    expect(engine.explain('家里揭不开锅了').analyzed.concepts.find((c) => c.text === '家里')?.place).toBe(true);
    expect(engine.search('家里揭不开锅了').partial).toBe(false);
  });

  it('a direction word (外面) and a place word CC-CEDICT lacks (城里) stay places', () => {
    for (const q of ['在外面发达的老乡请回来', '城里']) {
      expect(scored(engine, q), q).toEqual(scored(off, q));
      expect(engine.explain(q).analyzed.concepts.find((c) => c.text === '外面' || c.text === '城里')?.place).toBe(true);
    }
  });

  it('a place character jieba glued to a verb is still cut apart (村想 of 我们村想发展集体经济)', () => {
    const q = '我们村想发展集体经济';
    expect(engine.explain(q).analyzed.concepts.map((c) => c.text)).not.toContain('村想');
    expect(scored(engine, q)).toEqual(scored(off, q));
  });

  it('a near miss the texts never discuss gets no full answer', () => {
    for (const q of ['乡下的快递', '乡下的电影院', '村里野狗越来越多，老咬人，谁来管管']) {
      const res = engine.search(q);
      expect(res.results.length === 0 || res.partial, q).toBe(true);
    }
  });
});

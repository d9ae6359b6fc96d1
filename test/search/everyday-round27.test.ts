/**
 * Everyday words, round 27 (issue 9; docs/search.md, Everyday words, round 27 (chat-everyday23/chat-everyday23x,
 * issue 9)).
 *
 * listedExamples: the naming words a chat query lists as examples, each followed by a particle (路啊医院啊学校啊都不行,
 * 猪呀羊呀: two or more), illustrate what it asks about rather than name it. They are aspects (they add to the score,
 * neither qualify a passage nor are required of a full match) when the query names something else beside them; before,
 * 医院 of 路啊医院啊 put the passages on medical care first in a question about the gap between town and country.
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const off = createSearchEngine(corpus, { listedExamples: false });
type Engine = ReturnType<typeof createSearchEngine>;
const ids = (e: Engine, q: string, limit = 10): string[] => e.search(q, { limit }).results.map((r) => r.id);
const concept = (e: Engine, q: string, word: string) => e.explain(q).analyzed.concepts.find((c) => c.text === word);

describe('words listed as examples with a particle after each are aspects (listedExamples)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.listedExamples).toBe(true);
  });

  it('乡下的路啊医院啊比城里差一大截: the passage on the gap between town and country answers first, in full', () => {
    const q = '乡下的路啊医院啊比城里差一大截';
    expect(concept(engine, q, '医院')?.aspect).toBe(true);
    expect(concept(engine, q, '路')?.aspect).toBe(true);
    expect(concept(off, q, '医院')?.aspect).toBeFalsy();
    // 002-003 (城乡差距); off, 003-010 (medical care) was first on 医院, and the answer was partial.
    expect(ids(engine, q, 1)).toEqual(['002-003']);
    expect(engine.search(q).partial).toBe(false);
    expect(ids(off, q, 1)).toEqual(['003-010']);
    expect(off.search(q).partial).toBe(true);
  });

  it('农村跟城里差太远了，路啊医院啊啥都不如，这差距咋看: 002-003 first, not a passage on medical care', () => {
    const q = '农村跟城里差太远了，路啊医院啊啥都不如，这差距咋看';
    expect(ids(engine, q, 1)).toEqual(['002-003']);
    expect(ids(off, q, 1)).toEqual(['003-007']);
  });

  it('leaves a query whose listed words are all it names, one listed word, and particles after other words', () => {
    for (const q of ['路啊医院啊学校啊', '集体经济啊', '好啊好啊乡村振兴', '农村的路水电医院学校跟城里差得远']) {
      expect(ids(engine, q)).toEqual(ids(off, q));
      expect(engine.search(q).partial).toBe(off.search(q).partial);
    }
    expect(concept(engine, '路啊医院啊学校啊', '医院')?.aspect).toBeFalsy();
  });

  it('page chrome and topics the texts never discuss answer as with the option off', () => {
    for (const q of ['本文移动端', '推荐范文', '您的位置', '野狗咬人啊猫啊', '飞机票价格呀火车票呀']) {
      const a = engine.search(q, { limit: 10 });
      const b = off.search(q, { limit: 10 });
      expect(a.results.map((r) => r.id)).toEqual(b.results.map((r) => r.id));
      expect(a.partial).toBe(b.partial);
    }
  });
});

/**
 * Precision, round 22 (issue 9; docs/search.md, Precision, round 22): a request for material that asks how something
 * was done — a noun of MEANS_NOUNS the texts hold (经验, 做法, 措施), alone or opening its word for a kind of text
 * (经验 of 经验交流) — gets no broad or title-subject opening reading (kindOfAnswerOpening, default on): the sections
 * that give the experience lead, not the opening of the text the subject names. On the real engine and library, tuning
 * queries only (eval-chat.json's chat-precision11 and chat-typo blocks, their judgements); `off` is the engine with the
 * option off, which gives the answers before round 22 (bd2f69d's).
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { kindOfAnswerOpening: false });
const ids = (e: typeof engine, q: string): string[] => e.search(q, { limit: 10 }).results.map((r) => r.id);

describe('a request for material asking how something was done (kindOfAnswerOpening)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.kindOfAnswerOpening).toBe(true);
  });

  it('answers an experience-exchange request with the passage that states the experience, not the text’s opening', () => {
    // chat-precision11-04 (judged 001-001, 002-007, 001-002, 002-032): off, the opening 002-000 led, 002-032 second.
    const q = '党建引领乡村振兴经验交流材料 2024';
    const on = engine.search(q, { limit: 10 });
    expect(on.partial).toBe(false);
    expect(on.results[0]?.id).toBe('002-032');
    expect(ids(off, q).slice(0, 2)).toEqual(['002-000', '002-032']);
  });

  it('leaves a request for results to the opening that sums them up', () => {
    // chat-typo-15: 成效 is no noun of means; the opening 003-000 keeps the first place round 21 gave it.
    const q = '脱贫功坚 成效';
    expect(ids(engine, q)[0]).toBe('003-000');
    expect(ids(engine, q)).toEqual(ids(off, q));
  });

  it('leaves requests that ask for no kind of answer as they were', () => {
    for (const q of ['乡村振兴ppt', '党建引领乡村振兴调研报告 word版 急用', '乡村振兴心得体会 1500字左右 有范文吗']) {
      expect(ids(engine, q)).toEqual(ids(off, q));
    }
  });
});

/**
 * English, round 15 of issue 9 (docs/search.md, English, round 15): an English word whose best sense is the
 * dictionary's guess — no gloss writes it as typed or inflected, only another word of its Porter2 stem or a longer
 * gloss holding it — weighs less than the query's other words (englishGuessWeight). The real engine over the seeds,
 * against the same engine with the weight at 1 (before).
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
// Round 17's englishCharacter (money → 钱) moves `how do villages earn money from tourism` (1 → 2): the weight is
// measured here on engines without it.
const before = createSearchEngine(getSharedCorpus(), { englishGuessWeight: 1, englishCharacter: 0 });
const withoutCharacter = createSearchEngine(getSharedCorpus(), { englishCharacter: 0 });
const guessed = (e: typeof engine, q: string): string[] =>
  e.explain(q).analyzed.concepts.filter((c) => c.guess === true).map((c) => c.text);
const ids = (e: typeof engine, q: string, limit = 3): string[] => e.search(q, { limit }).results.map((r) => r.id);

describe('an English word whose best sense is the dictionary’s guess weighs less', () => {
  it('marks a word known only through its stem (activities → 积极 "active", later → 横向 "lateral"), not one glossed as typed', () => {
    expect(guessed(engine, 'venues for village activities')).toEqual(['activities']);
    expect(guessed(engine, 'treat first, pay later')).toContain('later');
    // village → 村庄 "village" (the hand table), pay → 付费 "to pay": as typed.
    expect(guessed(engine, 'treat first, pay later')).not.toContain('pay');
    // A plural whose singular is the gloss (会议 "meeting") is glossed as typed.
    expect(guessed(engine, 'bench meetings with villagers')).not.toContain('meetings');
  });

  it('rural audits and inspections: the passage on 农村审计巡查 first (2nd at full weight: inspections → 考察 "to inspect" led elsewhere)', () => {
    const q = 'rural audits and inspections';
    expect(guessed(engine, q)).toEqual(['inspections']);
    expect(ids(before, q, 1)).not.toEqual(['002-023']);
    expect(ids(engine, q, 1)).toEqual(['002-023']);
  });

  it('earn money from tourism: a passage on tourism income first (2nd at full weight: earn → 收益 "earnings"; without round 17\'s englishCharacter)', () => {
    const q = 'how do villages earn money from tourism';
    const relevant = ['001-003', '002-017', '003-004'];
    expect(relevant).not.toContain(ids(before, q, 1)[0]);
    expect(relevant).toContain(ids(withoutCharacter, q, 1)[0]);
  });

  it('a query with no guessed word answers as before', () => {
    const q = 'village public toilets';
    expect(guessed(engine, q)).toEqual([]);
    expect(ids(engine, q, 5)).toEqual(ids(before, q, 5));
  });

  it('a query without English is not touched', () => {
    expect(ids(engine, '农村审计巡查', 5)).toEqual(ids(before, '农村审计巡查', 5));
  });
});

/**
 * English, round 17 second half (issue 9; docs/search.md, English, round 17 (second half)). Two rules, the real engine
 * over the seeds against the same engine with each off:
 * - englishPhrasal: a verb and its particle are read as the texts' word the dictionary glosses with them (teaming up →
 *   抱团 "to team up", cracking down → 扫黑 "to crack down on illegal activities"), where the verb alone had been looked
 *   up (the glossary's keys drop up, out, down … as fillers); a phrasal verb glossing many of the texts' words (set up)
 *   is left to its verb.
 * - englishCharacterParts: englishCharacter reads a word as a compound of the texts the dictionary lacks only if no
 *   dictionary word inside it holding the character is glossed otherwise (big → 伟 is not 宏伟蓝图).
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const noPhrasal = createSearchEngine(getSharedCorpus(), { englishPhrasal: false });
const noParts = createSearchEngine(getSharedCorpus(), { englishCharacterParts: false });
const ids = (q: string, e = engine, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const heads = (q: string, e = engine): string[] => e.explain(q).analyzed.concepts.flatMap((c) => c.heads);

describe('an English verb and its particle read as the word the dictionary glosses with both', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.englishPhrasal).toBe(true);
  });

  it('teaming up is 抱团 "to team up" (off: teaming → 团队 "team"), and a passage on 结对 / 抱团 comes first', () => {
    const q = 'villages teaming up with each other';
    expect(heads(q)).toContain('抱团');
    expect(heads(q, noPhrasal)).not.toContain('抱团');
    expect(['001-004', '001-005', '004-001']).toContain(ids(q)[0]);
    expect(['001-004', '001-005', '004-001']).not.toContain(ids(q, noPhrasal)[0]);
  });

  it('cracking down (on gangs) is 扫黑: 002-023 first (4th with the rule off)', () => {
    const q = 'cracking down on gangs to keep villages safe';
    expect(heads(q)).toContain('扫黑');
    expect(ids(q)[0]).toBe('002-023');
    expect(ids(q, noPhrasal)[0]).not.toBe('002-023');
  });

  it('leaves a phrasal verb glossing many of the texts\' words (set up: 建立, 成立, 设立, 树立 …) and a hyphenated noun (follow-up) to the old reading', () => {
    for (const q of ['setting up party branches in new sectors', '易地扶贫搬迁 follow-up support']) {
      expect(heads(q)).toEqual(heads(q, noPhrasal));
    }
  });
});

describe("englishCharacter's compound checked by the dictionary word inside it", () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.englishCharacterParts).toBe(true);
  });

  it('big is not 宏伟蓝图 (伟 "big" stands there in 宏伟 "grand; magnificent"): it stays unknown', () => {
    expect(heads('big', noParts)).toContain('宏伟蓝图');
    expect(heads('big')).not.toContain('宏伟蓝图');
  });

  it('a cut of the profits when big agribusiness moves in: a passage on the farmers\' share first (000-010 on 宏伟蓝图 first off)', () => {
    const q = 'how do villagers get a cut of the profits when big agribusiness moves in?';
    const relevant = ['000-002', '000-003', '003-020', '003-004'];
    expect(relevant).toContain(ids(q)[0]);
    expect(relevant).not.toContain(ids(q, noParts)[0]);
  });

  it('keeps the round-17 readings whose character no dictionary word inside glosses otherwise: window → 一窗受理, bench → 板凳', () => {
    expect(heads('one window service for villagers')).toContain('一窗受理');
    expect(heads('bench meetings with villagers')).toContain('板凳');
  });
});

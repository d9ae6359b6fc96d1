/**
 * English, round 23 (issue 9; docs/search.md, English, round 23). englishLateGloss, the real engine over the seeds
 * against the same engine with the option off: a single English word found whole in the glosses whose best sense the
 * dictionary glosses with it only late in that word's line (like → 喜闻乐见, its seventh gloss; given → 一定; campaign →
 * 活动 "activity; campaign") is the dictionary's guess and weighs englishGuessWeight against the query's other words;
 * its senses are still searched. A phrase found whole (organized crime → 扫黑) and a word glossed first are not marked.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { englishLateGloss: 0 });
const ids = (q: string, e = engine, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const concept = (q: string, text: string, e = engine) => e.explain(q).analyzed.concepts.find((c) => c.text === text);

describe('an English word whose best sense is a late gloss weighs as a guess', () => {
  it('is on by default at 0.2', () => {
    expect(SEARCH_DEFAULTS.englishLateGloss).toBe(0.2);
  });

  it('like → 喜闻乐见 and given → 一定 are marked, their senses still searched; off, not marked', () => {
    for (const [q, word, head] of [
      ['party-mass activities that villagers actually like', 'like', '喜闻乐见'],
      ['party members with no official post given duties', 'given', '一定'],
    ] as const) {
      const on = concept(q, word);
      expect(on?.heads).toContain(head);
      expect(on?.guess).toBe(true);
      expect(concept(q, word, off)?.heads).toEqual(on?.heads);
      expect(concept(q, word, off)?.guess).not.toBe(true);
    }
  });

  it('a phrase found whole (organized crime → 扫黑) and a word glossed first (villages) are not marked', () => {
    const q = 'anti-organized crime campaign & petty graft in villages';
    const crime = engine.explain(q).analyzed.concepts.find((c) => c.heads.includes('扫黑'));
    expect(crime).toBeDefined();
    expect(crime?.guess).not.toBe(true);
    expect(concept('wiping out weak villages', 'villages')?.guess).not.toBe(true);
  });

  it('campaign against gang crime in villages: the passage on 扫黑除恶 in villages (002-023) first, second off', () => {
    const q = 'campaign against gang crime in villages';
    expect(ids(q)[0]).toBe('002-023');
    expect(ids(q, off)[0]).not.toBe('002-023');
    expect(ids(q, off)).toContain('002-023');
  });

  it('patriotic health campaign: 000-009 first, second off', () => {
    const q = 'patriotic health campaign';
    expect(ids(q)[0]).toBe('000-009');
    expect(ids(q, off)[0]).not.toBe('000-009');
  });

  it("butterfly-like transformation of party building: 002-005 (蝶变) first, second off", () => {
    const q = 'butterfly-like transformation of party building';
    expect(ids(q)[0]).toBe('002-005');
    expect(ids(q, off)[0]).not.toBe('002-005');
  });

  it('a query with no late-glossed word answers as before', () => {
    for (const q of ['minimum living guarantee', 'poor households relocation', 'party members too old to mobilise']) {
      expect(ids(q, engine, 10)).toEqual(ids(q, off, 10));
    }
  });
});

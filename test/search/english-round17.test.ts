/**
 * English, round 17 (issue 9; docs/search.md, English, round 17). An English word no look-up knows and no `say`
 * string gives, whose Chinese is a single character the texts hardly use, is read as the texts' word holding that
 * character, analysed as if typed in Chinese (englishCharacter): bench → 凳 → 板凳 (板凳会), window → 窗 → 一窗受理,
 * butterfly → 蝶 (蝶变), money → 钱 (钱往基层投). The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { englishCharacter: 0 });
const ids = (q: string, e = engine): string[] => e.search(q, { limit: 5 }).results.map((r) => r.id);
const heads = (q: string, e = engine): string[] => e.explain(q).analyzed.concepts.flatMap((c) => c.heads);

describe("an English word read as the texts' word holding its rare dictionary character", () => {
  it('is on by default, at 3% of the passages', () => {
    expect(SEARCH_DEFAULTS.englishCharacter).toBe(0.03);
  });

  it('window is 一窗受理 and finds 002-020 first, which the rule off did not find at all', () => {
    expect(heads('one window service for villagers')).toContain('一窗受理');
    expect(ids('one window service for villagers', off)).not.toContain('002-020');
    expect(ids('one window service for villagers')[0]).toBe('002-020');
  });

  it('bench is 板凳 (of 板凳会) and butterfly 蝶 (of 蝶变): each alone finds its passage', () => {
    expect(ids('bench', off)).toEqual([]);
    expect(ids('bench')).toEqual(['002-020']);
    expect(ids('butterfly', off)).toEqual([]);
    expect(ids('butterfly transformation of party building itself')[0]).toBe('002-005');
    expect(ids('butterfly transformation of party building itself', off)[0]).not.toBe('002-005');
  });

  it('money is 钱: money going down to the grassroots finds 钱往基层投 (002-021) first', () => {
    expect(ids('money going down to the grassroots', off)[0]).not.toBe('002-021');
    expect(ids('money going down to the grassroots')[0]).toBe('002-021');
  });

  it('leaves a character many passages hold (new → 新), a word only its stem glosses (briefings → 短 "brief") and a word of the character meaning otherwise (cap → 帽, not 摘帽)', () => {
    expect(heads('new')).toEqual(['new']);
    expect(heads('briefings')).toEqual(['briefings']);
    expect(heads('cap')).toEqual(['cap']);
    expect(heads('private')).toEqual(['private']);
  });

  it('off reproduces the old reading: bench stays unknown', () => {
    expect(heads('bench', off)).toEqual(['bench']);
  });
});

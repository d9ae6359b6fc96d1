/**
 * English, round 28 (issue 9; docs/search.md, English, round 28). pinyinAbbreviations, the real engine over the seeds
 * against the same engine with the rule off: Latin letters no look-up knows that spell, in toneless pinyin, an
 * abbreviation of the shipped dictionary the texts lack but whose expansion they hold (dibao → 低保, 城市居民最低生活保障
 * of which the texts hold 最低生活保障) are read as that abbreviation typed in Chinese. Off, dibao was searched as typed
 * and found nowhere (the pinyin reader spells only the texts' own words).
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { pinyinAbbreviations: false });
const ids = (q: string, e = engine, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const corrected = (q: string, e = engine): string | null => e.search(q, { limit: 5 }).corrected ?? null;

describe('an abbreviation the texts lack, typed in pinyin, is read as typed in Chinese', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.pinyinAbbreviations).toBe(true);
  });

  it('dibao minimum living allowance amount: read as 低保, 003-007 (the dibao standard) in the first two; off, not in the ten', () => {
    const q = 'dibao minimum living allowance amount';
    expect(corrected(q)).toBe('低保 minimum living allowance amount');
    expect(ids(q).slice(0, 2)).toContain('003-007');
    expect(corrected(q, off)).toBeNull();
    expect(ids(q, off, 10)).not.toContain('003-007');
  });

  it('dibao (low-income allowance) amount Lhasa: 003-007 in the first three; off, not in the ten', () => {
    const q = 'dibao (low-income allowance) amount Lhasa';
    expect(ids(q).slice(0, 3)).toContain('003-007');
    expect(ids(q, off, 10)).not.toContain('003-007');
  });

  it('dibao alone answers as 低保 typed in Chinese', () => {
    expect(ids('dibao amount', engine, 10)).toEqual(ids('低保 amount', engine, 10));
  });

  it('pinyin of the texts’ own words, English words and queries without such letters answer as before', () => {
    for (const q of ['zuiqiang zhibu strongest branch campaign', 'jiti jingji', 'minimum living guarantee', 'poor households relocation', 'party members without official posts']) {
      expect(ids(q, engine, 10)).toEqual(ids(q, off, 10));
    }
  });
});

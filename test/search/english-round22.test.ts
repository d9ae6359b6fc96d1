/**
 * English, round 22 (issue 9; docs/search.md, English, round 22). englishNearCharacter, the real engine over the seeds
 * against the same engine with the rule off: a single English word no gloss of the library's words has whole, found
 * only inside a longer gloss (poor of 扶贫 "assistance to the poor", teachers of 名师 "great teacher"), is read first as
 * the texts' two-character word that a dictionary character glossed first as that word, standing in the near word,
 * starts (贫 "poor" → 贫困, 师 "teacher" → 师生); the near words stay as weaker senses. A place name or place word is
 * no such reading (west is not 西藏). Follow-up (poor people): the reading stands beside the first near word as an
 * equal head and joins no neighbouring English word (poor people is not 贫困人口).
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { englishNearCharacter: false });
const ids = (q: string, e = engine, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const heads = (q: string, e = engine): string[] => e.explain(q).analyzed.concepts.flatMap((c) => c.heads);
const related = (q: string, e = engine): string[] => e.explain(q).analyzed.concepts.flatMap((c) => c.related);

describe('an English word found only inside a longer gloss, read as the word its own character starts', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.englishNearCharacter).toBe(true);
  });

  it('poor is 贫困 beside 扶贫 "assistance to the poor", both heads (off: 扶贫 alone)', () => {
    const q = 'pairing strong villages with poor ones';
    expect(heads(q)).toContain('贫困');
    expect(heads(q)).toContain('扶贫');
    expect(related(q)).not.toContain('扶贫');
    expect(heads(q, off)).toContain('扶贫');
    expect(heads(q, off)).not.toContain('贫困');
  });

  it('follow-up (poor people): the reading joins no neighbour, poor people is not 贫困人口; the job passage 003-021 stays first', () => {
    for (const q of ['follow-up visits on jobs for poor people', 'job follow-up visits for poor people']) {
      expect(heads(q)).not.toContain('贫困人口');
      expect(heads(q)).toEqual(expect.arrayContaining(['贫困', '扶贫', '人民']));
      expect(ids(q)[0]).toBe('003-021');
      expect(ids(q, off)[0]).toBe('003-021');
    }
  });

  it('follow-up (poor people): poor families is read word by word (贫困 and 扶贫, 家庭), not joined into 贫困家庭', () => {
    const q = 'cash prizes for poor families who get out of poverty through hard work';
    expect(heads(q)).not.toContain('贫困家庭');
    expect(heads(q)).toContain('家庭');
  });

  it('sending teachers to the homes of disabled kids: the passage on 送教上门 and 师生比 (003-008) first, sixth off', () => {
    const q = 'sending teachers to the homes of disabled kids';
    expect(heads(q)).toContain('师生');
    expect(ids(q)[0]).toBe('003-008');
    expect(ids(q, off, 10).indexOf('003-008')).toBeGreaterThan(0);
  });

  it("poor kids' living costs covered each term: 003-008 first (fifth off)", () => {
    const q = "poor kids' living costs covered each term";
    expect(ids(q)[0]).toBe('003-008');
    expect(ids(q, off)[0]).not.toBe('003-008');
  });

  it('boosting the self blood making capacity of poor villages: 003-028 first (second off)', () => {
    const q = 'boosting the self blood making capacity of poor villages';
    expect(ids(q)[0]).toBe('003-028');
    expect(ids(q, off)[0]).not.toBe('003-028');
  });

  it('is no place name or place word: west is not 西藏', () => {
    expect(heads('west')).not.toContain('西藏');
  });

  it('leaves a word some gloss has whole as it was (villages, families)', () => {
    for (const q of ['village cadres', 'families']) expect(heads(q)).toEqual(heads(q, off));
  });
});

/**
 * English, round 29 (issue 9; docs/search.md, English, round 29). EnglishRules.characterLists, the real engine over the
 * seeds against the same engine with the rule off: a list of English words joined by commas, and, or, & or / whose
 * dictionary characters, in the English order, spell a word of the index of three characters or more is that word
 * (small, weak and scattered → 小 + 弱 + 散 → 小弱散, a DOMAIN_WORDS word that 004-001 writes). Off, small was unknown,
 * searched as typed and required of a full answer, and weak was 薄弱: every answer was partial.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { englishRules: { characterLists: false } });
const answer = (q: string, e = engine, limit = 10): { ids: string[]; partial: boolean } => {
  const r = e.search(q, { limit });
  return { ids: r.results.map((x) => x.id), partial: r.partial === true };
};

describe('a list of English words spelling a word of the texts by their characters is that word', () => {
  it('small, weak and scattered rural party organisations: 004-001 (小弱散) first, a full answer; off, partial and not first', () => {
    const q = 'rural party organisations that are small, weak and scattered';
    expect(answer(q).ids[0]).toBe('004-001');
    expect(answer(q).partial).toBe(false);
    expect(answer(q, off).partial).toBe(true);
    expect(answer(q, off).ids[0]).not.toBe('004-001');
  });

  it('commas only, or & as the link, read the same list', () => {
    expect(answer('small, weak, scattered village party branches').ids[0]).toBe('004-001');
    expect(engine.explain('fixing small weak & scattered party branches').analyzed.concepts.map((c) => c.text)).toContain('小弱散');
    // Off, fix small had been read as 定点 by the character compounds, and no 小弱散.
    expect(off.explain('fixing small weak & scattered party branches').analyzed.concepts.map((c) => c.text)).not.toContain('小弱散');
  });

  it('words side by side, two-word lists and lists spelling no word of the index answer as before', () => {
    for (const q of ['small weak scattered rural party organisations', 'small and weak villages', 'urban and rural integration', 'poor, sick and disabled households', 'teachers and students', 'party building, rural revitalization']) {
      expect(answer(q)).toEqual(answer(q, off));
    }
  });
});

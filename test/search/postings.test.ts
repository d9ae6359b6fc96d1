import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { gramTerms, wordTerms } from '../../src/search/analyze.js';
import { foldText } from '../../src/search/normalize.js';
import { buildIndex, createScoreBuffers, scoreTerms } from '../../src/search/postings.js';
import { getSharedCorpus } from '../helpers/shared-index.js';

// The engine's index must score exactly as MiniSearch would over the same tokens, fields and boosts: MiniSearch is
// the reference implementation of the BM25 the engine uses.
describe('buildIndex/scoreTerms agree with MiniSearch', () => {
  const passages = getSharedCorpus().passages;
  const fields = ['title', 'section', 'text', 'grams'] as const;
  const tokens = passages.map((p) => {
    const text = foldText(p.text);
    return [wordTerms(foldText(p.title)), wordTerms(foldText(p.section ?? '')), wordTerms(text), gramTerms(text)];
  });
  const SEP = '\u0001';
  const ms = new MiniSearch<{ i: number; title: string; section: string; text: string; grams: string }>({
    idField: 'i',
    fields: [...fields],
    tokenize: (s) => (s.length === 0 ? [] : s.split(SEP)),
    processTerm: (t) => t,
  });
  ms.addAll(tokens.map((t, i) => ({ i, title: t[0]!.join(SEP), section: t[1]!.join(SEP), text: t[2]!.join(SEP), grams: t[3]!.join(SEP) })));
  const index = buildIndex(fields, tokens);
  const boost = { title: 1.5, section: 2, text: 1, grams: 1 };

  it.each([
    [['人才']],
    [['第一书记', '第一', '书记']],
    [['乡村', '\ue000乡村', '振兴']],
    [['集体经济', '\ue000集体', '合作社', '不存在的词']],
  ])('%j', (terms) => {
    const weights = new Map(terms.map((t, i) => [t, 1 / (i + 1)]));
    const expected = ms.search({ queries: terms, combineWith: 'OR' }, {
      boost,
      tokenize: (s) => [s],
      processTerm: (t) => t,
      boostTerm: (t) => weights.get(t) ?? 0,
    });
    const got = scoreTerms(index, terms.map((term, bit) => ({ term, weight: weights.get(term) ?? 0, bit })), boost, createScoreBuffers(index.size));
    expect(got.count).toBe(expected.length);
    for (const r of expected) {
      const doc = r.id as number;
      // MiniSearch multiplies by the number of query terms matched; the engine applies its own coverage factor.
      expect(got.scores[doc]).toBeCloseTo(r.score / r.queryTerms.length, 9);
      const bits = terms.map((t, bit) => (((got.low[doc] ?? 0) >>> bit) & 1) === 1 ? t : null).filter((t) => t !== null);
      expect(bits.sort()).toEqual([...r.queryTerms].sort());
    }
  });
});

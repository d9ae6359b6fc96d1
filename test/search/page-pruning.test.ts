/**
 * A small page lets the engine skip the text scans (whole-query bonus, full match) of passages that cannot reach it
 * (engine.ts, finish). What a user sees must not depend on that: every small page equals the same stretch of one
 * large page, with the same scores, total, partial flag and matched words.
 */
import { describe, expect, it } from 'vitest';
import { EVAL_SETS, readEvalQueries } from '../../bench/eval.js';
import type { SearchResponse } from '../../src/search/index.js';
import { getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();

const view = (r: SearchResponse['results']): [string, number, string][] => r.map((x) => [x.id, x.score, x.snippet]);

describe('search: a small page is the same stretch of a large one', () => {
  // The judged sets tuned on (queries, chat): keywords, themes, English, typos, partial answers, filters.
  const queries = EVAL_SETS.filter((s) => s.tuned).flatMap((s) => readEvalQueries(s.file).map((q) => q.query));
  queries.push('主题:人才 本土人才', '主题:生态', '人才振兴', 'organization', '乡村振兴');

  it('gives pages 1–3 of 3 results exactly as results 1–9 of a page of 50', () => {
    let prunable = 0;
    for (const query of queries) {
      const large = engine.search(query, { limit: 50 });
      // With 3 a page, pages 1–3 need at most 9 results: passages past the best 9 clusters go unscanned once a
      // query has more than 36 candidates.
      if (large.total > 36) prunable++;
      // The words a partial answer matches are the first page's, the same on every page, however much was skipped.
      const matched = engine.search(query, { limit: 3 }).matched;
      for (let page = 1; page <= 3; page++) {
        const small = engine.search(query, { limit: 3, page });
        const at = (small.page - 1) * 3;
        expect({ query, results: view(small.results) }).toEqual({ query, results: view(large.results.slice(at, at + 3)) });
        expect({ query, total: small.total, partial: small.partial, corrected: small.corrected }).toEqual({
          query,
          total: large.total,
          partial: large.partial,
          corrected: large.corrected,
        });
        expect({ query, page, matched: small.matched }).toEqual({ query, page, matched });
      }
    }
    // The comparison means something only if many queries have enough candidates for passages to be skipped.
    expect(prunable).toBeGreaterThan(20);
    // Five searches for each of the ~1 000 tuning queries: a few seconds alone, far longer on a loaded machine.
  }, 120_000);
});

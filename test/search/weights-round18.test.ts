/**
 * Ranking weights, round 18 (issue 9; docs/search.md, Ranking weights, round 18): the numeric weights re-fitted jointly
 * on the tuning queries (bench/tune-weights.ts). The re-fit passed its never-tuned gate but broke 37 earlier
 * real-engine tests, so the defaults stayed as they were and the re-fitted values are the variant 'round 18 weights'
 * (bench/eval-variants.ts). Round 20 adopted it with three rules mending its four worse examples (docs/search.md,
 * Ranking weights, round 20; weights-round20.test.ts): the defaults hold the re-fit and 'round 20 re-fit off' the old
 * values. On the real engine and library: tuning queries whose first answer the re-fit corrected, under the defaults
 * and under the old values; and BM25's parameters, lifted into an option.
 */
import { describe, expect, it } from 'vitest';
import { BIGRAM_DEFAULTS } from '../../src/search/bigram-signal.js';
import { BM25_DEFAULTS } from '../../src/search/minisearch-index.js';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { VARIANTS } from '../../bench/eval-variants.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const refit = createSearchEngine(getSharedCorpus(), VARIANTS['round 18 weights']);
// round 20 re-fit: the weights before the re-fit (and round 20's rules off) are the variant 'round 20 re-fit off'.
const old = createSearchEngine(getSharedCorpus(), VARIANTS['round 20 re-fit off']);
const first = (e: typeof engine, q: string): string | undefined => e.search(q, { limit: 5 }).results[0]?.id;

describe('round 18 weights', () => {
  // round 20 re-fit: adopted, so the defaults hold the re-fitted values (the variant 'round 18 weights' equals them).
  it('are the defaults since round 20, BM25 at MiniSearch’s k and d with b 0.875', () => {
    expect(SEARCH_DEFAULTS.bm25).toEqual({ k: 1.2, b: 0.875, d: 0.5 });
    expect(BM25_DEFAULTS).toEqual({ k: 1.2, b: 0.7, d: 0.5 });
    expect(SEARCH_DEFAULTS.fieldBoost.title).toBe(0.75);
    expect(SEARCH_DEFAULTS.gramWeight).toBe(0.6);
    expect(SEARCH_DEFAULTS.themeBoost).toBe(1.25);
    expect(BIGRAM_DEFAULTS.keywordWeight).toBe(0.1);
    for (const q of ['e-commerce talent training', '红白喜事摆酒太浪费']) {
      expect(engine.search(q, { limit: 10 }).results.map((r) => r.id)).toEqual(refit.search(q, { limit: 10 }).results.map((r) => r.id));
    }
  });

  // Tuning queries (ids of test/fixtures/eval-chat.json) answered first by a judged passage only under the re-fit.
  const corrected: [id: string, query: string, passage: string][] = [
    // English: the passage on e-commerce talent training (001-005) over 000-011, which says 电商 and 培训 apart.
    ['chat-english3-08', 'e-commerce talent training', '001-005'],
    // Everyday: 红白喜事 reaches the customs passage through related terms (relatedWeight, relatedCredit).
    ['chat-everyday3-12', '红白喜事摆酒太浪费', '002-019'],
    // Everyday: 低保 (bridged to 最低生活保障) over a passage that only says 一年 and 多少.
    ['chat-everyday16-20', '低保一年能拿多少钱', '003-007'],
    // Material: two theme names and a kind of text; the theme passages lead (themeBoost).
    ['chat-material4-29', '产业振兴 人才振兴 讲稿', '000-004'],
  ];

  for (const [id, query, passage] of corrected) {
    // round 20 re-fit: the defaults answer it now; the old values do not.
    it(`re-fitted, answers ${id} (${query}) first with ${passage}, which the old values do not`, () => {
      expect(first(engine, query)).toBe(passage);
      expect(first(old, query)).not.toBe(passage);
    });
  }
});

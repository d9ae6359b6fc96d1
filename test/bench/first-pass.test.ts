/**
 * Round 29: the bench's new-query figure (search-bench.ts measure) times the first search of the queries at odd places,
 * after those at even places were searched once, with the timed passes' limit; the timed passes are as before.
 */
import { describe, expect, it } from 'vitest';
import { measure } from '../../bench/search-bench.js';
import type { ZhenxingSearchEngine } from '../../src/search/index.js';

/** An engine whose first search of a query costs ~2 ms and every later one nothing: what a per-text memo does. */
function memoisingEngine(calls: { query: string; limit: number | undefined }[]): ZhenxingSearchEngine {
  const seen = new Set<string>();
  return {
    search(query: string, options?: { limit?: number }) {
      calls.push({ query, limit: options?.limit });
      if (!seen.has(query)) {
        seen.add(query);
        const until = performance.now() + 2;
        while (performance.now() < until);
      }
      return { results: [] };
    },
  } as unknown as ZhenxingSearchEngine;
}

describe('bench measure: the first pass', () => {
  it('times the first search of half the queries after the other half, with limit 5, then warms up twice and times the rounds as before', () => {
    const calls: { query: string; limit: number | undefined }[] = [];
    const queries = ['甲', '乙', '丙', '丁'];
    const m = measure(memoisingEngine(calls), queries, 3);
    // The first warm pass: those at even places, then those at odd places (timed), each once, limit 5.
    expect(calls.slice(0, 4)).toEqual(['甲', '丙', '乙', '丁'].map((query) => ({ query, limit: 5 })));
    // Two untimed warm passes (default limit), then 3 timed rounds (limit 5).
    expect(calls.slice(4, 12).every((c) => c.limit === undefined)).toBe(true);
    expect(calls.slice(12).every((c) => c.limit === 5)).toBe(true);
    expect(calls).toHaveLength(4 * (1 + 2 + 3));
    expect(m.samples).toBe(12);
    // The new queries (乙, 丁) are timed on their first search; the timed passes repeat every query.
    expect(m.first.wall.p99).toBeGreaterThanOrEqual(1.5);
    expect(m.first.wall.p50).toBeGreaterThanOrEqual(1.5);
    expect(m.first.cpu.p50).toBeGreaterThan(0.5);
    expect(m.wall.p50).toBeLessThan(1);
  });
});

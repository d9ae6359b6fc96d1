import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/engine.js';
import { createRecentMemo } from '../../src/search/recent-memo.js';
import { getSharedCorpus } from '../helpers/shared-index.js';

// Round 28 (speed). understand's query memo keeps the last 16 queries in a ring looked through by string equality
// (recent-memo.ts), where it kept 256 in a Map keyed by a concatenated string: a search must answer exactly as one
// that understands every query anew, whether its query is kept, was kept and dropped, or never was.

/** The memo as it was: a Map keyed by the flag and the query, its oldest key dropped when full. */
function reference<V>(size: number): { get(q: string, f: boolean): V | undefined; set(q: string, f: boolean, v: V): void } {
  const map = new Map<string, V>();
  return {
    get: (q, f) => map.get(`${f ? 1 : 0}${q}`),
    set(q, f, v) {
      if (size <= 0) return;
      if (map.size >= size) map.delete(map.keys().next().value as string);
      map.set(`${f ? 1 : 0}${q}`, v);
    },
  };
}

describe('speed, round 28', () => {
  it('the ring keeps what a Map of the same size dropping its oldest key keeps', () => {
    let seed = 28;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (const size of [0, 1, 2, 3, 16, 40]) {
      const ring = createRecentMemo<number>(size);
      const map = reference<number>(size);
      for (let step = 0; step < 5_000; step++) {
        // Few distinct queries, so that many come again, some after being dropped; '' and one query's prefix too.
        const q = ['', '人才', '人才振兴', '人才振兴 ', 'a', '1人才'][random(6)] + String(random(size + 4));
        const f = random(2) === 0;
        const want = map.get(q, f);
        expect(ring.get(q, f)).toBe(want);
        // Set only after a miss, as understand does.
        if (want === undefined) {
          ring.set(q, f, step);
          map.set(q, f, step);
        }
      }
      expect(ring.size).toBeLessThanOrEqual(size);
    }
  });

  it('a size that is not a finite number keeps nothing instead of failing', () => {
    for (const size of [Number.NaN, Number.POSITIVE_INFINITY, -3]) {
      const memo = createRecentMemo<number>(size);
      memo.set('集体经济', true, 1);
      expect(memo.get('集体经济', true)).toBeUndefined();
      expect(memo.size).toBe(0);
    }
  });

  it('a query asked again (soon, late, with and without corrections) is answered as with no memo, on the real library', () => {
    const corpus = getSharedCorpus();
    const keepsNone = createSearchEngine(corpus, { analysisCache: 0 });
    const engine = createSearchEngine(corpus);
    // The passages' first words as queries, a typo, filters, English, chat noise: 30 distinct queries, each
    // asked again at once, after a few others and after more than the memo's 16.
    const base = ['集体经计', '主题:人才', '"两委"班子', 'family doctors', '@小王 厕所革命 ppt', '民主生活会', '人材振兴'];
    for (const p of corpus.passages) {
      if (base.length >= 30) break;
      const words = p.text.slice(0, 6).trim();
      if (words.length >= 2 && !base.includes(words)) base.push(words);
    }
    const order = [...base, ...base.slice(0, 10), ...base.slice(22), ...base.slice(0, 5), ...base.slice(0, 20).reverse(), ...base];
    for (const q of order) {
      for (const options of [{ limit: 5 }, { limit: 5, page: 2 }, { limit: 5, correct: false }]) {
        const want = JSON.stringify(keepsNone.search(q, options));
        expect(JSON.stringify(engine.search(q, options))).toBe(want);
      }
    }
  }, 60_000);
});

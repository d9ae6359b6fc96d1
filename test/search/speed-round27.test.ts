import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { topHits } from '../../src/search/engine.js';
import { tag } from '../../src/search/jieba.js';
import { getSharedCorpus } from '../helpers/shared-index.js';

// Round 27 (speed). Two changes that must leave every answer as it was:
// - jieba.ts tag cuts with the native binding's own cut, not through nodejieba's `cut` wrapper: the same words;
// - engine.ts topHits sorts with one subtraction a comparison, whose sign must be the old comparator's (betterHit
//   both ways) for every pair of scores, so that Array.prototype.sort makes the same order.

function betterHit(index: readonly number[], score: readonly number[], a: number, b: number): boolean {
  return (score[a] as number) > (score[b] as number) || (score[a] === score[b] && (index[a] as number) < (index[b] as number));
}

/** topHits as it was before round 27: every hit sorted by betterHit both ways, then the first k. */
function reference(index: readonly number[], score: readonly number[], k: number): { index: number; score: number }[] {
  const order = Array.from({ length: index.length }, (_, i) => i).sort((a, b) => (betterHit(index, score, a, b) ? -1 : betterHit(index, score, b, a) ? 1 : 0));
  return order.slice(0, Math.max(0, k)).map((i) => ({ index: index[i] as number, score: score[i] as number }));
}

describe('speed, round 27', () => {
  it("tag's words are nodejieba's own cut of the library's sentences", () => {
    const require = createRequire(import.meta.url);
    const jieba = require('nodejieba') as { cut(s: string, hmm?: boolean): string[] };
    const corpus = getSharedCorpus();
    let texts = 0;
    for (const p of corpus.passages) {
      for (const sentence of p.text.split(/[。！？；\n]/u)) {
        if (sentence.length === 0) continue;
        expect(tag(sentence).map((t) => t.word)).toEqual(jieba.cut(sentence, true));
        texts++;
      }
    }
    expect(texts).toBeGreaterThan(200);
    // The binding is the module nodejieba's wrapper loaded (one dictionary in the process).
    const binding = path.join(path.dirname(require.resolve('nodejieba')), 'build/Release/nodejieba.node');
    expect(require(binding)).toBe(require(binding));
  });

  it('topHits gives the order of the full sort by betterHit, ties, infinities, -0 and NaN included', () => {
    let seed = 27;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const special = [0, -0, Infinity, -Infinity, NaN, 1, 1, 0.5, 1e-300, -1e-300, Number.MAX_VALUE, -Number.MAX_VALUE];
    for (let n = 0; n < 3000; n++) {
      const size = 1 + Math.floor(random() * 120);
      const ids = Array.from({ length: size }, (_, i) => i * 3 + Math.floor(random() * 3));
      // Shuffled passage numbers, as the clusters give them.
      for (let i = ids.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
      }
      const withNaN = random() < 0.1;
      const score = ids.map(() => {
        const r = random();
        if (r < 0.2) return special[Math.floor(random() * (withNaN ? special.length : 4))] as number;
        if (r < 0.5) return Math.floor(random() * 5) / 4;
        return random() * 20;
      });
      const scores = withNaN ? score : score.map((s) => (Number.isNaN(s) ? 0 : s));
      // With a NaN score the order is no total one: only the sorted branch (k · 4 ≥ hits), the one changed, is held
      // to the old sort; the other branch (insertion into the first k) is as it was.
      const k = withNaN ? (random() < 0.5 ? size : Infinity) : ([1, 5, 10, 30, size, Infinity][Math.floor(random() * 6)] as number);
      const got = topHits(ids, scores, k);
      const want = reference(ids, scores, k);
      expect(got.map((h) => h.index)).toEqual(want.map((h) => h.index));
      expect(got.map((h) => Object.is(h.score, -0))).toEqual(want.map((h) => Object.is(h.score, -0)));
    }
  });
});

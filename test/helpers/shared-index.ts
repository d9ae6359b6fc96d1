/**
 * One loaded corpus and search engine per vitest worker. vitest runs with isolate: false, so module state survives
 * between test files in a worker, but each file may still get a fresh module instance; caching on globalThis makes
 * every test file in the worker share one index (and jieba loads its ~240 MB dictionary once).
 */
import { loadCorpus } from '../../src/corpus/index.js';
import type { Corpus } from '../../src/corpus/types.js';
import { createSearchEngine, type ZhenxingSearchEngine } from '../../src/search/index.js';

interface SharedIndex {
  corpus?: Corpus;
  engine?: ZhenxingSearchEngine;
}

const KEY = Symbol.for('zhenxing.test.shared-index');

function shared(): SharedIndex {
  const g = globalThis as unknown as Record<symbol, SharedIndex | undefined>;
  let value = g[KEY];
  if (!value) {
    value = {};
    g[KEY] = value;
  }
  return value;
}

/** The corpus loaded from the package's seeds/, once per worker. */
export function getSharedCorpus(): Corpus {
  const s = shared();
  s.corpus ??= loadCorpus();
  return s.corpus;
}

/** A search engine with default options over {@link getSharedCorpus}, once per worker. */
export function getSharedEngine(): ZhenxingSearchEngine {
  const s = shared();
  s.engine ??= createSearchEngine(getSharedCorpus());
  return s.engine;
}

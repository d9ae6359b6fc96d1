/**
 * A started bot makes what its engine otherwise makes on the first query with a word the library lacks (the typo and
 * neighbour tables, the dictionary read: engine.firstUseSteps) in slices after the start (library/live.ts), so that
 * its first user does not wait ~0.5 s for them. Only when: the answers are the same before and after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLiveLibrary } from '../../src/library/live.js';
import { createSearchEngine, runNow, type SearchEngine } from '../../src/search/index.js';
import { getSharedCorpus } from '../helpers/shared-index.js';

// Words the texts lack (旱厕, 大夫: neighbours, the dictionary), typos, pinyin and initials, misspelt English.
const QUERIES = ['旱厕改造有补贴吗', '村里大夫不够怎么办', '集体经计', '第一书记 选排', 'jiti jingji', 'jtjj', 'family doctors', 'enviromental protection'];
const answer = (engine: SearchEngine, q: string): unknown => {
  const r = engine.search(q, { limit: 5 });
  return [r.total, r.corrected, r.partial, r.matched, r.suggestions, r.results.map((x) => [x.id, x.score, x.snippet])];
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-warm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the first-use warm-up', () => {
  it('makes the typo and neighbour tables an engine otherwise makes on first use, and leaves its answers as they were', () => {
    const corpus = getSharedCorpus();
    const cold = createSearchEngine(corpus);
    const warmed = createSearchEngine(corpus);
    runNow(warmed.firstUseSteps());
    expect(warmed.save()).toHaveProperty('typo');
    expect(warmed.save()).toHaveProperty('neighbours');
    for (const q of QUERIES) expect(answer(warmed, q), q).toEqual(answer(cold, q));
  });

  it('runs in the started bot after it is ready, not before, and its engine answers as one never warmed', async () => {
    // No cache directory (the console): nothing saved, so the loaded engine has made no table yet.
    const live = createLiveLibrary({ libraryDir: path.join(dir, 'library'), pollMs: 60_000 });
    const { engine } = live.current();
    expect(engine.save()).not.toHaveProperty('typo');
    await live.warmed();
    expect(engine.save()).toHaveProperty('typo');
    expect(engine.save()).toHaveProperty('neighbours');
    const never = createSearchEngine(getSharedCorpus());
    for (const q of QUERIES) expect(answer(engine, q), q).toEqual(answer(never, q));
    await live.stop();
  }, 60_000);

  it('is not run when the bot is told not to warm', async () => {
    const live = createLiveLibrary({ libraryDir: path.join(dir, 'library'), pollMs: 60_000, warm: false });
    await live.warmed();
    expect(live.current().engine.save()).not.toHaveProperty('typo');
    await live.stop();
  }, 60_000);
});

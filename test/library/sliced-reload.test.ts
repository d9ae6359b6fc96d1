/**
 * The reload in slices (search/pace.ts, loadLibrarySliced): the same library as the build at once, with the event
 * loop given turns all along the way, and the saved whole-library file written in pieces that make the same JSON.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary, loadLibrarySliced } from '../../src/library/index-cache.js';
import { createLibraryStore, prepareDocument, storePrepared } from '../../src/library/index.js';
import { runNow, runSliced, searchEngineSteps } from '../../src/search/index.js';
import { gbkNotice, htmlArticle, NOTICE_TITLE } from '../helpers/library-files.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

// 集体经计 and 人材振兴 are typos: the sliced reload builds the corrector's tables ahead (warmSteps), the others on use.
const QUERIES = ['稻渔综合种养', '人才振兴', '非遗工坊 就业', '"集体经济"', '主题:生态', 'doc:004 城乡融合', 'talent', '集体经计', '人材振兴'];
type Answering = { search(q: string, o: { limit: number }): { results: { id: string; score: number }[]; total: number; corrected?: string | null } };
const answers = (engine: Answering) =>
  QUERIES.map((q) => {
    const r = engine.search(q, { limit: 10 });
    return [q, r.total, r.corrected, r.results.map((x) => [x.id, x.score])];
  });

describe('sliced build', () => {
  it('builds the same engine in slices, giving the event loop turns along the way', async () => {
    const corpus = getSharedCorpus();
    let turns = 0;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const sliced = await runSliced(searchEngineSteps(corpus), {
      sliceMs: 0,
      pause: async () => {
        turns++;
        await new Promise<void>((resolve) => setImmediate(resolve));
      },
    });
    clearInterval(ticker);
    // Every passage is a point where it may pause; with slices of 0 ms it pauses at every one.
    expect(turns).toBeGreaterThan(corpus.passages.length);
    expect(ticks).toBeGreaterThan(0);
    // The typo and neighbour tables are saved once built (warmSteps): each engine's, to compare them too.
    const shared = getSharedEngine();
    runNow(shared.warmSteps());
    runNow(sliced.warmSteps());
    expect(sliced.save()).toEqual(shared.save());
    expect(answers(sliced)).toEqual(answers(shared));
    const atOnce = runNow(searchEngineSteps(corpus));
    runNow(atOnce.warmSteps());
    expect(atOnce.save()).toEqual(shared.save());
    // Three engines' tables built: slow on a loaded machine.
  }, 60_000);

  it('saves the engine in pieces that join to JSON.stringify of its saved index', () => {
    const engine = getSharedEngine();
    const pieces = [...engine.saveJson()];
    expect(pieces.length).toBeGreaterThan(1000);
    expect(pieces.join('')).toBe(JSON.stringify(engine.save()));
  });

  it('loads the same library in slices, and saves after the swap a file the next start loads whole', async () => {
    const libraryDir = mkdtempSync(path.join(tmpdir(), 'zx-sliced-lib-'));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'zx-sliced-cache-'));
    try {
      const store = createLibraryStore(libraryDir);
      storePrepared(store, [await prepareDocument('通知.txt', gbkNotice())]);
      const atOnce = loadLibrary({ libraryDir, cacheDir });
      storePrepared(store, [await prepareDocument('页面.html', htmlArticle())]);

      let save: (() => Promise<void>) | undefined;
      let turns = 0;
      const sliced = await loadLibrarySliced(
        { libraryDir, cacheDir, saveLater: (s) => (save = s) },
        { sliceMs: 0, pause: async () => void turns++ },
      );
      expect(turns).toBeGreaterThan(sliced.corpus.passages.length);
      expect([sliced.fromCache, sliced.built, sliced.reused]).toEqual([false, 1, 2]);
      expect(sliced.engine.search('稻渔综合种养').results[0]?.title).toBe(NOTICE_TITLE);
      // Not saved until asked: the bot swaps first.
      const before = readdirSync(cacheDir).filter((n) => n.startsWith('library-index-'));
      expect(before).toHaveLength(1);
      await save?.();
      const saved = readdirSync(cacheDir).filter((n) => n.startsWith('library-index-'));
      expect(saved).toHaveLength(1);
      expect(saved).not.toEqual(before);

      // The next start reads that file, and it is what a build at once from nothing makes.
      const next = loadLibrary({ libraryDir, cacheDir });
      expect(next.fromCache).toBe(true);
      const fresh = loadLibrary({ libraryDir });
      // Warmed as the sliced reload warmed its engine before it was saved: the typo and neighbour tables saved too.
      runNow(fresh.engine.warmSteps());
      expect(next.corpus.passages).toEqual(fresh.corpus.passages);
      expect(sliced.corpus.passages).toEqual(fresh.corpus.passages);
      expect(sliced.engine.save()).toEqual(fresh.engine.save());
      expect(answers(next.engine)).toEqual(answers(fresh.engine));
      expect(answers(sliced.engine)).toEqual(answers(fresh.engine));
      expect(sliced.engine.search('集体经计').corrected).toBe('集体经济');
      expect(JSON.parse(readFileSync(path.join(cacheDir, saved[0] as string), 'utf8')).engine).toEqual(fresh.engine.save());
      expect(atOnce.corpus.documents).toHaveLength(6);
    } finally {
      rmSync(libraryDir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 60_000);
});

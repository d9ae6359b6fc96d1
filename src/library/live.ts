/**
 * The library as the running bot sees it: one snapshot (corpus, search engine, digest planner) that the router
 * reads per command, replaced whole when LIBRARY_DIR changes. A new snapshot is built completely before one
 * assignment makes it current, so a search in flight never sees a half-built index; searches are synchronous, so
 * one search runs on one snapshot from start to end.
 *
 * A reload is built in slices of a few milliseconds with a turn of the event loop between them (loadLibrarySliced,
 * search/pace.ts): at 1 000 documents it takes seconds, and meanwhile Slack's 3 s acknowledgement deadline, /healthz
 * and every other command are served, from the previous snapshot, which nothing in the build touches.
 *
 * Changes are noticed two ways: fs.watch on LIBRARY_DIR (quick, but it misses events on some network and
 * container file systems) and a poll of the directory's entries every `pollMs` as the fallback. Adds and removes
 * are directory renames (see store.ts), so the list of entries is an exact fingerprint of the library.
 */
import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Corpus } from '../corpus/types.js';
import { createDigestPlanner } from '../digest/index.js';
import type { DigestPlanner } from '../digest/types.js';
import type { Logger } from '../observability/logger.js';
import { extractKeywords, runSliced, type SliceOptions, type Steps, type ZhenxingSearchEngine } from '../search/index.js';
import { loadLibrary, loadLibrarySliced, type LoadedLibrary, type LoadLibraryOptions } from './index-cache.js';
import { createLibraryStore, loadLibraryCorpus } from './index.js';

export interface LibrarySnapshot {
  corpus: Corpus;
  engine: ZhenxingSearchEngine;
  planner: DigestPlanner;
  /** The library's fingerprint this snapshot was built from. */
  signature: string;
}

/** Options of {@link createLiveLibrary}. */
export interface LiveLibraryOptions {
  /** Seeds directory (default: the package's seeds/). */
  seedsDir?: string;
  libraryDir: string;
  logger?: Logger;
  /** How often the directory is polled, as the fallback for a missed watch event. Default 5000 ms. */
  pollMs?: number;
  /** How long a burst of watch events is let settle before reloading. Default 300 ms. */
  settleMs?: number;
  /**
   * Where the built library is saved and loaded from (DATA_DIR/index-cache), see index-cache.ts. Default: none,
   * always built.
   */
  cacheDir?: string;
  /** Builds the engine for a corpus, instead of loadLibrary's (tests). Default: none. */
  buildEngine?: (corpus: Corpus) => ZhenxingSearchEngine;
  /** Told after each swap. */
  onSwap?: (snapshot: LibrarySnapshot) => void;
  /** How a reload is cut into slices (milliseconds of work between turns of the event loop). Default: pace.ts's. */
  slice?: SliceOptions;
  /**
   * Whether the first snapshot's engine makes what it otherwise makes on first use (engine.firstUseSteps: the typo
   * and neighbour tables, the dictionary read) in slices after the start, rather than on its first user's query with
   * a word the library lacks (~0.4–0.6 s CPU at 1×). Not for an engine of `buildEngine`. Default true.
   */
  warm?: boolean;
}

export interface LiveLibrary {
  /** The snapshot to serve now. */
  current(): LibrarySnapshot;
  /** Reloads now if LIBRARY_DIR changed since the current snapshot; true when it swapped. */
  refresh(): Promise<boolean>;
  /** Starts watching LIBRARY_DIR. */
  start(): void;
  /** Stops watching; a reload in progress finishes first. */
  stop(): Promise<void>;
  /** Settles when the first snapshot's warm-up (LiveLibraryOptions.warm) is done, failed, stopped or not wanted. */
  warmed(): Promise<void>;
}

export function createLiveLibrary(options: LiveLibraryOptions): LiveLibrary {
  const pollMs = options.pollMs ?? 5000;
  const settleMs = options.settleMs ?? 300;
  const store = createLibraryStore(options.libraryDir);
  const logger = options.logger;

  // The whole-library file of the latest reload, saved once it is being served (see LoadLibraryOptions.saveLater).
  let pendingSave: (() => Promise<void>) | undefined;
  const loadOptions = (later: boolean): LoadLibraryOptions => ({
    ...(options.seedsDir ? { seedsDir: options.seedsDir } : {}),
    libraryDir: options.libraryDir,
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(logger ? { logger } : {}),
    ...(later ? { saveLater: (save: () => Promise<void>) => (pendingSave = save) } : {}),
  });
  const snapshotOf = (signature: string, corpus: Corpus, engine: ZhenxingSearchEngine, loaded?: LoadedLibrary): LibrarySnapshot => {
    if (loaded) {
      logger?.info(
        {
          documents: corpus.documents.length,
          passages: corpus.passages.length,
          fromCache: loaded.fromCache,
          built: loaded.built,
          reused: loaded.reused,
          corpusMs: Math.round(loaded.corpusMs),
          indexMs: Math.round(loaded.indexMs),
        },
        loaded.fromCache ? 'library loaded from its saved index' : 'library built',
      );
    }
    return { corpus, engine, planner: createDigestPlanner(corpus, { extractKeywords }), signature };
  };
  /** The first snapshot: built at once, the bot cannot answer without one. */
  const buildNow = (): LibrarySnapshot => {
    const signature = store.signature();
    if (options.buildEngine) {
      const corpus = loadLibraryCorpus({
        ...(options.seedsDir ? { seedsDir: options.seedsDir } : {}),
        libraryDir: options.libraryDir,
        onProblem: (id, err) => logger?.warn({ id, err }, 'library entry skipped'),
      });
      return snapshotOf(signature, corpus, options.buildEngine(corpus));
    }
    const loaded = loadLibrary(loadOptions(false));
    return snapshotOf(signature, loaded.corpus, loaded.engine, loaded);
  };
  /** A reload: built in slices while the current snapshot is served, and saved after the swap. */
  const buildSliced = async (): Promise<LibrarySnapshot> => {
    // The tests' own engines are built at once.
    if (options.buildEngine) return buildNow();
    const signature = store.signature();
    const loaded = await loadLibrarySliced(loadOptions(true), options.slice);
    return snapshotOf(signature, loaded.corpus, loaded.engine, loaded);
  };

  let snapshot = buildNow();
  let reloading: Promise<boolean> | undefined;
  let watcher: FSWatcher | undefined;
  let poll: NodeJS.Timeout | undefined;
  let settle: NodeJS.Timeout | undefined;
  let stopped = false;

  // The first snapshot's first-use work, in slices from the next turn of the event loop on: the bot is ready (and
  // main.ts's first search done) before any of it runs, and a command arriving meanwhile waits one slice at most. A
  // reload's engine is warmed before it is served (index-cache.ts), so only this one needs it.
  const warmUp = async (engine: ZhenxingSearchEngine): Promise<void> => {
    await nextTurn();
    const t0 = performance.now();
    try {
      await runSliced(whileRunning(engine.firstUseSteps()), options.slice);
      logger?.debug({ ms: Math.round(performance.now() - t0) }, 'search engine warmed up');
    } catch (err) {
      // Only the first query with a word the library lacks is slower: it makes them itself.
      logger?.warn({ err }, 'search engine warm-up failed');
    }
  };
  /** The steps, left off once the library is stopped. */
  function* whileRunning(steps: Steps<void>): Steps<void> {
    for (let r = steps.next(); !r.done && !stopped; r = steps.next()) yield;
  }
  const warming = options.warm === false || options.buildEngine ? Promise.resolve() : warmUp(snapshot.engine);

  const reload = async (): Promise<boolean> => {
    if (store.signature() === snapshot.signature) return false;
    const t0 = performance.now();
    let next: LibrarySnapshot;
    try {
      next = await buildSliced();
    } catch (err) {
      // The snapshot being served stays; the next change or poll tries again.
      logger?.error({ err }, 'library reload failed; still serving the previous library');
      return false;
    }
    const before = snapshot.corpus.documents.length;
    snapshot = next;
    logger?.info(
      { documents: next.corpus.documents.length, was: before, passages: next.corpus.passages.length, ms: Math.round(performance.now() - t0) },
      'library reloaded',
    );
    options.onSwap?.(next);
    const save = pendingSave;
    pendingSave = undefined;
    if (save) {
      // After the swap, so the new document is served seconds sooner; written in slices too; a later reload's file
      // replaces this one.
      await save();
    }
    return true;
  };

  const refresh = (): Promise<boolean> => {
    // One reload at a time; a change during a reload is seen by the next check.
    reloading ??= reload().then(
      (swapped) => {
        reloading = undefined;
        // A change made while this reload was built or saved: its watch event found this reload still running.
        if (swapped && store.signature() !== snapshot.signature) schedule();
        return swapped;
      },
      (err: unknown) => {
        reloading = undefined;
        throw err;
      },
    );
    return reloading;
  };

  const schedule = (): void => {
    if (stopped) return;
    clearTimeout(settle);
    settle = setTimeout(() => void refresh(), settleMs);
    settle.unref();
  };

  return {
    current: () => snapshot,
    refresh,
    warmed: () => warming,
    start() {
      stopped = false;
      mkdirSync(options.libraryDir, { recursive: true });
      try {
        watcher = watch(options.libraryDir, { persistent: false }, schedule);
        watcher.on('error', (err) => {
          logger?.warn({ err }, 'library watch failed; polling only');
          watcher?.close();
          watcher = undefined;
        });
      } catch (err) {
        logger?.warn({ err }, 'cannot watch the library directory; polling only');
      }
      poll = setInterval(() => void refresh(), pollMs);
      poll.unref();
    },
    async stop() {
      stopped = true;
      watcher?.close();
      watcher = undefined;
      clearInterval(poll);
      clearTimeout(settle);
      await reloading;
    },
  };
}

/**
 * One bot start, as far as the library goes, in a fresh process: jieba loaded, the library loaded (from its saved
 * index when there is one) and a first search answered; then the first queries with a word the library lacks. Prints
 * one JSON line with milliseconds since the process started (and the two queries' latencies). With a third argument
 * `warm`, the engine's warm-up (warmSteps, which a reload runs in slices before serving) comes before those queries;
 * with `started`, the library is the running bot's (createLiveLibrary) and the queries come once its background
 * warm-up after the start (firstUseSteps in slices) is done (`warmMs`: from ready to then). Run by search-bench.ts
 * against dist/ (the code the bot runs), never on its own.
 */
const [libraryDir, cacheDir, mode] = process.argv.slice(2);
/** A query with a word the library lacks (旱厕, a dry latrine: the texts say 厕所), and a second one (大夫, a doctor). */
const FIRST_UNKNOWN_QUERY = '旱厕改造有补贴吗';
const SECOND_UNKNOWN_QUERY = '村里大夫不够怎么办';
const dist = new URL('../dist/', import.meta.url);
const { loadLibrary } = (await import(new URL('library/index-cache.js', dist).href)) as typeof import('../src/library/index-cache.js');
const { loadJieba } = (await import(new URL('search/jieba.js', dist).href)) as typeof import('../src/search/jieba.js');
const { runNow } = (await import(new URL('search/pace.js', dist).href)) as typeof import('../src/search/pace.js');
const { createLiveLibrary } = (await import(new URL('library/live.js', dist).href)) as typeof import('../src/library/live.js');
const importedMs = performance.now();
// The bot needs the dictionary either way (to segment new documents, and every query): loaded first, so that the
// library's figures below are its own.
const jiebaMs = loadJieba();
// `started`: as main.ts starts it, the running bot's library (the same loadLibrary, then its warm-up after the start).
// Its load figures are not reported (NaN): the other modes' are the same load's.
const live = mode === 'started' ? createLiveLibrary({ libraryDir: libraryDir!, cacheDir: cacheDir! }) : undefined;
const loaded: Pick<ReturnType<typeof loadLibrary>, 'engine' | 'corpus' | 'corpusMs' | 'indexMs' | 'fromCache'> = live
  ? { ...live.current(), corpusMs: Number.NaN, indexMs: Number.NaN, fromCache: true }
  : loadLibrary({ libraryDir: libraryDir!, cacheDir: cacheDir! });
loaded.engine.search('乡村振兴', { limit: 5 });
const readyMs = performance.now();
// Then the first query holding a word the library lacks (旱厕: typo look-up and library neighbours), which builds what
// the engine makes on first use (the typo tables, the neighbours' tables, the dictionary read): its latency, and that
// of a second such query (another word the library lacks: its own dictionary look-ups only).
// Wall and CPU time: the machine is shared, and CPU time is not inflated by other processes waiting for the cores.
const cpu: number[] = [];
const timed = (query: string): number => {
  const c = process.cpuUsage();
  const t = performance.now();
  loaded.engine.search(query, { limit: 5 });
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
  return ms;
};
// `warm`: the engine's warm-up first (warmSteps, which a reload runs in slices before the new engine is served),
// then the queries.
let warmMs = 0;
if (mode === 'warm') {
  const t = performance.now();
  runNow(loaded.engine.warmSteps());
  warmMs = performance.now() - t;
}
if (live) {
  await live.warmed();
  warmMs = performance.now() - readyMs;
}
const firstUnknownMs = timed(FIRST_UNKNOWN_QUERY);
const secondUnknownMs = timed(SECOND_UNKNOWN_QUERY);
await live?.stop();
process.stdout.write(
  `${JSON.stringify({
    readyMs,
    firstUnknownMs,
    secondUnknownMs,
    firstUnknownCpuMs: cpu[0],
    secondUnknownCpuMs: cpu[1],
    warmMs,
    importedMs,
    jiebaMs,
    corpusMs: loaded.corpusMs,
    indexMs: loaded.indexMs,
    fromCache: loaded.fromCache,
    passages: loaded.corpus.passages.length,
    documents: loaded.corpus.documents.length,
  })}\n`,
);

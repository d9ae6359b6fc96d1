/**
 * `npm run bench`: for libraries of 1×, 10× and 100× today's text (the seeds plus synthetic added documents made of
 * the seeds' sentences, see library-fixture.ts): the bot's ready time in a fresh process without and with the saved
 * index, index build and load time, and query latency p50/p99 over the judged queries (and over new queries: half the mix, each
 * searched for the first time after the other half: round 29). Then the engine alone on the
 * seeds (jieba load, build, latency, RSS) as before.
 * What is timed is the engine as production runs it: tsc's build, dist/ (`node dist/main.js`), built afresh by this
 * script before anything is timed, so it never times a stale build. `--tsx`: src/ through tsx instead (esbuild's
 * transform, with its `__name` call for every named function made; what the bench timed until round 19), to compare.
 * The fresh processes (ready-child.ts) always run dist/.
 * Figures are printed, never asserted: the machine is shared and timings vary from run to run. CPU time per search is
 * printed next to wall time because it is not inflated when other processes compete for the cores.
 * Targets: ≤ 300 µs/query p50 at 1×, ≤ 10 ms p99 at 100× (issue 9), index build ≤ 300 ms at 1× (jieba load apart).
 * The index is MiniSearch (src/search/minisearch-index.ts); its cost grows with the passages a query's terms match,
 * so the slowest queries (those with the commonest words) are printed too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { buildDist, ensureBuilt } from '../test/helpers/ensure-built.js';
import { benchDocMeta, writeSyntheticLibrary } from './library-fixture.js';
import type { Corpus, Passage } from '../src/corpus/types.js';
import type { ZhenxingSearchEngine } from '../src/search/index.js';
import { evalMix, mixCommitArg, mixLabel } from './mix.js';
import { memoryFigures, memoryLine } from './memory.js';

/** The modules whose code the bench times, all from one build: dist/ (tsc's) or src/ (through tsx, `--tsx`). */
interface Timed {
  /** What is timed, for the header line. */
  label: string;
  loadLibrary: typeof import('../src/library/index-cache.js').loadLibrary;
  createLiveLibrary: typeof import('../src/library/live.js').createLiveLibrary;
  createLibraryStore: typeof import('../src/library/index.js').createLibraryStore;
  loadCorpus: typeof import('../src/corpus/index.js').loadCorpus;
  createSearchEngine: typeof import('../src/search/index.js').createSearchEngine;
  loadJieba: typeof import('../src/search/index.js').loadJieba;
}

/**
 * dist/ built now (tsc, `npm run build`: ~15 s) and imported, or src/ under tsx. Never both: a second copy of the
 * engine's modules would hold memos and memory of its own. Only the synthetic library's writer (library-fixture.ts)
 * reads src/, and it times nothing.
 */
async function timedModules(tsx: boolean): Promise<Timed> {
  if (!tsx) buildDist();
  const root = new URL(tsx ? '../src/' : '../dist/', import.meta.url);
  const from = async <T>(file: string): Promise<T> => (await import(new URL(file, root).href)) as T;
  const [cache, live, library, corpus, search] = await Promise.all([
    from<typeof import('../src/library/index-cache.js')>('library/index-cache.js'),
    from<typeof import('../src/library/live.js')>('library/live.js'),
    from<typeof import('../src/library/index.js')>('library/index.js'),
    from<typeof import('../src/corpus/index.js')>('corpus/index.js'),
    from<typeof import('../src/search/index.js')>('search/index.js'),
  ]);
  return {
    label: tsx ? 'src/ through tsx (--tsx; production runs dist/)' : "dist/, tsc's build made just now (what `node dist/main.js` runs)",
    loadLibrary: cache.loadLibrary,
    createLiveLibrary: live.createLiveLibrary,
    createLibraryStore: library.createLibraryStore,
    loadCorpus: corpus.loadCorpus,
    createSearchEngine: search.createSearchEngine,
    loadJieba: search.loadJieba,
  };
}

/** A short notice added and removed again to time the running bot's reload. */
const BENCH_DOC_LINES = [
  'xx县关于做好村级集体经济发展工作的通知',
  '各乡镇：为发展壮大村级集体经济，推动乡村人才振兴，现就有关事项通知如下。',
  '一、盘活闲置资源。各村要清理核实集体资产，建立台账，通过入股、租赁等方式盘活闲置校舍和厂房。',
  '二、强化人才支撑。选派第一书记和驻村工作队，培育致富带头人，带动群众增收。',
];
const BENCH_DOC_TITLE = BENCH_DOC_LINES[0]!;
/** Timed on a freshly loaded library: English used to wait for the glossary's build. */
const FIRST_ENGLISH_QUERY = 'family doctors';

/** The corpus with every passage repeated `factor` times; copies get fresh ids (002-014~r7). */
export function replicateCorpus(corpus: Corpus, factor: number): Corpus {
  const passages: Passage[] = [];
  for (let r = 0; r < factor; r++) {
    for (const p of corpus.passages) passages.push(r === 0 ? p : { ...p, id: `${p.id}~r${r}` });
  }
  return { ...corpus, passages, byId: new Map(passages.map((p) => [p.id, p])) };
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
}

/** The tuning sets' queries without their held-out blocks: the only ones the bench may name among the slowest. */
const TUNED_QUERIES: string[] = [];

interface Measured {
  /**
   * New queries: half the mix (the queries at odd places) each searched for the first time in the engine's life, after
   * the other half was searched once (the JIT warm, the library's memos filled by other queries, as a running bot's
   * are): what a user's new query meets, the per-text memos of query understanding holding only what other queries
   * (and, after the 1× steps, the earlier libraries' in this process) left in them. The timed passes after the warm-up
   * repeat every query, and from the second pass on most of those memos answer every read (round 29, docs/search.md).
   */
  first: { wall: Latency; cpu: Latency };
  wall: Latency;
  /** Process CPU time per search: unlike wall time, not inflated when other processes share the cores. */
  cpu: Latency;
  samples: number;
  /** The slowest queries by their median wall time, slowest first. */
  slowest: { query: string; median: number }[];
}

function summarise(times: number[]): Latency {
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: times[times.length - 1] ?? 0 };
}

/** Per-query wall and CPU time (ms) of search(q, {limit: 5}), after a warm-up, over `rounds` passes of all queries. */
export function measure(engine: ZhenxingSearchEngine, queries: readonly string[], rounds: number): Measured {
  const printable = new Set(TUNED_QUERIES);
  // The first warm pass: the queries at even places searched once (the JIT and the library's memos warmed by other
  // queries, as a running bot's are), then those at odd places, each for the first time, timed (limit 5, as the timed
  // passes); the two other warm passes as before.
  const firstWall: number[] = [];
  const firstCpu: number[] = [];
  for (let i = 0; i < queries.length; i += 2) engine.search(queries[i] as string, { limit: 5 });
  for (let i = 1; i < queries.length; i += 2) {
    const q = queries[i] as string;
    const c = process.cpuUsage();
    const t = performance.now();
    engine.search(q, { limit: 5 });
    firstWall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    firstCpu.push((used.user + used.system) / 1000);
  }
  for (let r = 1; r < 3; r++) for (const q of queries) engine.search(q);
  const wall: number[] = [];
  const cpu: number[] = [];
  const perQuery = queries.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    queries.forEach((q, i) => {
      const c = process.cpuUsage();
      const t = performance.now();
      engine.search(q, { limit: 5 });
      const ms = performance.now() - t;
      wall.push(ms);
      perQuery[i]?.push(ms);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    });
  }
  const slowest = queries
    .map((query, i) => ({ query, median: summarise(perQuery[i] ?? []).p50 }))
    // Held-out queries are timed but never named: their texts must stay unseen by whoever tunes the engine.
    .filter((s) => printable.has(s.query))
    .sort((a, b) => b.median - a.median)
    .slice(0, 3);
  return { first: { wall: summarise(firstWall), cpu: summarise(firstCpu) }, wall: summarise(wall), cpu: summarise(cpu), samples: wall.length, slowest };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const us = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;

interface ReadyReport {
  readyMs: number;
  /** The first query with a word the library lacks, right after the start, and a second one (ready-child.ts). */
  firstUnknownMs: number;
  secondUnknownMs: number;
  /** The same two queries' CPU time. */
  firstUnknownCpuMs: number;
  secondUnknownCpuMs: number;
  /** With `warm`: the engine's warm-up before those queries. */
  warmMs: number;
  importedMs: number;
  jiebaMs: number;
  corpusMs: number;
  indexMs: number;
  fromCache: boolean;
  passages: number;
  documents: number;
}

/** One fresh process that loads the library and answers a first search (bench/ready-child.ts over dist/). */
function readyInChild(libraryDir: string, cacheDir: string, mode?: 'warm' | 'started'): ReadyReport {
  const args = [path.join(import.meta.dirname, 'ready-child.ts'), libraryDir, cacheDir, ...(mode ? [mode] : [])];
  const out = execFileSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as ReadyReport;
}

interface WatchedReload {
  /** From the change to the swap (the new library served), and to the end of the reload with its saving. */
  servedMs: number;
  totalMs: number;
  /** The event loop's longest and p99 delay meanwhile (monitorEventLoopDelay): how long a request could wait. */
  maxDelayMs: number;
  p99DelayMs: number;
}

/**
 * The running bot's reload after `change` (a document added or removed), as createLiveLibrary does it, with the event
 * loop watched: the longest time a Slack command or /healthz arriving meanwhile would have waited.
 */
async function watchedReload(live: ReturnType<Timed['createLiveLibrary']>, swaps: { at: number }, change: () => void): Promise<WatchedReload> {
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  // The histogram's timer running before the reload starts.
  await sleep(20);
  change();
  const t = performance.now();
  await live.refresh();
  const totalMs = performance.now() - t;
  await sleep(20);
  delay.disable();
  return { servedMs: swaps.at - t, totalMs, maxDelayMs: delay.max / 1e6, p99DelayMs: delay.percentile(99) / 1e6 };
}

/**
 * The library loaded from its saved index as the bot serves it: its first English query and `rounds` timed passes of
 * the queries, then the memory held with it (heap after a forced GC, the engine and what its queries built). Only
 * figures are returned: the engine is dropped when this returns, as the bot drops a replaced one, so that the later
 * steps' engines do not pile up beside it.
 */
function servedLibrary(m: Timed, libraryDir: string, cacheDir: string, queries: readonly string[], rounds: number) {
  const loaded = m.loadLibrary({ libraryDir, cacheDir });
  // The English glossary is built with the index: the first English query finds it ready (it was built on that
  // query before, 0.2–0.9 s).
  const t = performance.now();
  loaded.engine.search(FIRST_ENGLISH_QUERY, { limit: 5 });
  const firstEnglishMs = performance.now() - t;
  const lat = measure(loaded.engine, queries, rounds);
  return { firstEnglishMs, glossaryMs: loaded.engine.glossaryMs, lat, memory: memoryFigures() };
}

/** The library loaded again in this process (after an add or a remove) and a first search: its times only. */
function timedLoad(m: Timed, libraryDir: string, cacheDir: string) {
  const t = performance.now();
  const again = m.loadLibrary({ libraryDir, cacheDir });
  again.engine.search('乡村振兴', { limit: 5 });
  return { totalMs: performance.now() - t, corpusMs: again.corpusMs, indexMs: again.indexMs, built: again.built, reused: again.reused };
}

/** Ready time, build and load time, and latency for a library of `factor`× today's text. */
async function libraryAtScale(m: Timed, factor: number, queries: readonly string[], lines: string[]): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), `zhenxing-bench-${factor}x-`));
  try {
    const libraryDir = path.join(work, 'library');
    const cacheDir = path.join(work, 'index-cache');
    let t = performance.now();
    const made = factor > 1 ? writeSyntheticLibrary(libraryDir, factor) : { documents: 0, chars: 0 };
    const writeMs = performance.now() - t;
    const cold = readyInChild(libraryDir, cacheDir);
    const warm = readyInChild(libraryDir, cacheDir);
    const warmedUp = readyInChild(libraryDir, cacheDir, 'warm');
    // The running bot (createLiveLibrary) from the saved index, its first such query once its background warm-up is done.
    const started = readyInChild(libraryDir, cacheDir, 'started');
    const served = servedLibrary(m, libraryDir, cacheDir, queries, factor >= 100 ? 3 : factor >= 10 ? 10 : 40);
    const { firstEnglishMs, glossaryMs, lat } = served;
    // What the running bot does when a document is added or removed: load the library again in the same process,
    // the new document built, every other one's saved words reused.
    const store = m.createLibraryStore(libraryDir);
    const added = store.add({
      meta: benchDocMeta('bench-notice.txt', BENCH_DOC_TITLE, new Date()),
      lines: BENCH_DOC_LINES,
      original: Buffer.from(BENCH_DOC_LINES.join('\n'), 'utf8'),
    });
    const afterAdd = timedLoad(m, libraryDir, cacheDir);
    const addMs = afterAdd.totalMs;
    store.remove(added.meta.id);
    const afterRemove = timedLoad(m, libraryDir, cacheDir);
    const removeMs = afterRemove.totalMs;
    // The same add and remove in the running bot (createLiveLibrary, started from the saved index), watched.
    const swaps = { at: 0 };
    const live = m.createLiveLibrary({ libraryDir, cacheDir, pollMs: 3_600_000, onSwap: () => (swaps.at = performance.now()) });
    let liveId = '';
    const liveAdd = await watchedReload(live, swaps, () => {
      liveId = store.add({
        meta: benchDocMeta('bench-notice.txt', BENCH_DOC_TITLE, new Date()),
        lines: BENCH_DOC_LINES,
        original: Buffer.from(BENCH_DOC_LINES.join('\n'), 'utf8'),
      }).meta.id;
    });
    const liveRemove = await watchedReload(live, swaps, () => store.remove(liveId));
    await live.stop();
    lines.push(
      `${factor}× library: ${warm.documents} documents (${made.documents} added, written in ${(writeMs / 1000).toFixed(1)} s), ${warm.passages} passages`,
    );
    lines.push(
      `  ready, nothing saved (first start, or after a code change):             ${ms(cold.readyMs)}` +
        ` = modules ${ms(cold.importedMs)} + jieba ${ms(cold.jiebaMs)} + corpus build and segmentation ${ms(cold.corpusMs)} + index build ${ms(cold.indexMs)} + saving + first search`,
    );
    lines.push(
      `  ready, saved index (every later start):                                ${ms(warm.readyMs)}` +
        ` = modules ${ms(warm.importedMs)} + jieba ${ms(warm.jiebaMs)} + corpus load ${ms(warm.corpusMs)} + index load ${ms(warm.indexMs)} + first search`,
    );
    lines.push(
      `  first query with a word the library lacks, fresh process (typo and neighbour tables, dictionary):` +
        ` saved index ${ms(warm.firstUnknownMs)} (CPU ${ms(warm.firstUnknownCpuMs)}), or ${ms(warmedUp.firstUnknownMs)} after the engine's warm-up` +
        ` (warmSteps, ${ms(warmedUp.warmMs)}: what a reload runs before it is served); nothing saved ${ms(cold.firstUnknownMs)};` +
        ` started bot, saved index, after its background warm-up (firstUseSteps in slices, done ${ms(started.warmMs)} after ready)` +
        ` ${ms(started.firstUnknownMs)} (CPU ${ms(started.firstUnknownCpuMs)});` +
        ` a second such query ${ms(warm.secondUnknownMs)} / ${ms(warmedUp.secondUnknownMs)} / ${ms(cold.secondUnknownMs)}`,
    );
    lines.push(
      `  reload after an add (in the running process):                          ${ms(addMs)}` +
        ` = corpus ${ms(afterAdd.corpusMs)} (${afterAdd.built} built, ${afterAdd.reused} reused) + index ${ms(afterAdd.indexMs)} + saving + first search`,
    );
    lines.push(
      `  reload after a remove:                                                  ${ms(removeMs)}` +
        ` = corpus ${ms(afterRemove.corpusMs)} (${afterRemove.built} built, ${afterRemove.reused} reused) + index ${ms(afterRemove.indexMs)} + saving + first search`,
    );
    for (const [what, r] of [
      ['an add', liveAdd],
      ['a remove', liveRemove],
    ] as const) {
      lines.push(
        `  running bot, reload after ${what}: served in ${ms(r.servedMs)}, saved by ${ms(r.totalMs)};` +
          ` longest event-loop block meanwhile ${ms(r.maxDelayMs)} (p99 ${ms(r.p99DelayMs)}, monitorEventLoopDelay)`,
      );
    }
    lines.push(
      `  English glossary: built with the index in ${ms(glossaryMs)} (part of index load above);` +
        ` first English query (${FIRST_ENGLISH_QUERY}) ${ms(firstEnglishMs)}`,
    );
    lines.push(`  search latency (wall): p50 ${us(lat.wall.p50)}, p99 ${us(lat.wall.p99)}, max ${us(lat.wall.max)} over ${lat.samples} searches`);
    lines.push(`  search CPU time:       p50 ${us(lat.cpu.p50)}, p99 ${us(lat.cpu.p99)}`);
    lines.push(
      `  new queries (each query at an odd place, searched for the first time after those at even places): wall p50 ${us(lat.first.wall.p50)},` +
        ` p99 ${us(lat.first.wall.p99)}; CPU p50 ${us(lat.first.cpu.p50)}, p99 ${us(lat.first.cpu.p99)} over ${Math.floor(queries.length / 2)} searches`,
    );
    lines.push(`  slowest queries (median wall): ${lat.slowest.map((s) => `${s.query} ${us(s.median)}`).join(', ')}`);
    lines.push(memoryLine('  memory with the served engine after its timed passes', served.memory));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const ms = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // The fresh processes of the ready times run dist/ in either mode.
  const m = await timedModules(args.includes('--tsx'));
  if (args.includes('--tsx')) ensureBuilt();
  const rssStart = process.memoryUsage().rss;
  let t = performance.now();
  const corpus = m.loadCorpus();
  const corpusMs = performance.now() - t;
  const jiebaMs = m.loadJieba();
  const rssJieba = process.memoryUsage().rss;
  // Every judged set's queries: the first 66, and the chat and held-out sets (mentions, typos, partial answers …),
  // from the working tree or pinned to a commit's (`--mix-commit <commit>` / BENCH_MIX_COMMIT, bench/mix.ts).
  const mixCommit = mixCommitArg(args);
  const mix = evalMix(mixCommit);
  const queries = mix.flatMap((s) => s.queries);
  TUNED_QUERIES.push(...mix.flatMap((s) => s.nameable));

  const lines: string[] = [];
  lines.push(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  lines.push(`corpus load: ${corpusMs.toFixed(0)} ms (${corpus.passages.length} passages)`);
  lines.push(`jieba dictionary load: ${jiebaMs.toFixed(0)} ms, RSS ${mb(rssStart)} → ${mb(rssJieba)}`);
  lines.push(`queries: ${mixLabel(mixCommit, mix)}, limit 5, snippets included`);
  lines.push(`engine timed: ${m.label}`);
  lines.push('');
  const only = process.env.BENCH_FACTORS?.split(',').map(Number);
  for (const factor of only ?? [1, 10, 100]) {
    await libraryAtScale(m, factor, queries, lines);
    // Everything of the phase dropped: what stays is the process's own (jieba, the dictionaries, per-process memos).
    lines.push(memoryLine(`  memory after the ${factor}× library's steps, their engines dropped`));
    process.stdout.write(`${lines.splice(0).join('\n')}\n`);
  }
  lines.push('', 'The engine alone over the seeds (replicateCorpus gives the old replicated-passages figures):');

  for (const factor of [1]) {
    const c = factor === 1 ? corpus : replicateCorpus(corpus, factor);
    t = performance.now();
    const first = m.createSearchEngine(c);
    const firstMs = performance.now() - t;
    // A second build shows the steady cost once the JIT has warmed up.
    t = performance.now();
    const engine = factor === 1 ? m.createSearchEngine(c) : first;
    const secondMs = factor === 1 ? performance.now() - t : Number.NaN;
    const rounds = factor === 1 ? 40 : 5;
    const lat = measure(engine, queries, rounds);
    const rss = process.memoryUsage().rss;
    lines.push(`${factor}× (${c.passages.length} passages)`);
    lines.push(
      `  index build: ${first.buildMs.toFixed(0)} ms${factor === 1 ? ` (second build ${engine.buildMs.toFixed(0)} ms)` : ''}` +
        `  [createSearchEngine wall ${firstMs.toFixed(0)} ms${factor === 1 ? `, ${secondMs.toFixed(0)} ms` : ''}]`,
    );
    lines.push(`  English glossary build: ${first.glossaryMs.toFixed(0)} ms (second build ${engine.glossaryMs.toFixed(0)} ms), included in createSearchEngine`);
    lines.push(`  query latency (wall): p50 ${us(lat.wall.p50)}, p99 ${us(lat.wall.p99)}, max ${us(lat.wall.max)} over ${lat.samples} searches`);
    lines.push(`  query CPU time:       p50 ${us(lat.cpu.p50)}, p99 ${us(lat.cpu.p99)}, max ${us(lat.cpu.max)}`);
    const slow = lat.slowest.map((s) => `${s.query} ${us(s.median)}`);
    lines.push(`  slowest queries (median wall): ${slow.join(', ')}`);
    lines.push(`  RSS: ${mb(rss)}`);
  }
  // RSS is a high-water mark that counts garbage not yet collected (V8 lets the heap grow far beyond what is live
  // before a full collection); the heap after a forced collection is what the process holds.
  lines.push(memoryLine('At the end (the engine alone still held)'));
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

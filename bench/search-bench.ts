/**
 * `npm run bench`: jieba dictionary load, index build time, query latency p50/p99 over the judged queries, and
 * process RSS, at the corpus's real size and at 100× (passages replicated with fresh ids).
 * Figures are printed, never asserted: the machine is shared and timings vary from run to run. CPU time per search is
 * printed next to wall time because it is not inflated when other processes compete for the cores.
 * Targets: ≤ 300 µs/query p50 at 1×, ≤ 10 ms p99 at 100× (issue 9), index build ≤ 300 ms at 1× (jieba load apart).
 * The index is MiniSearch (src/search/minisearch-index.ts); its cost grows with the passages a query's terms match,
 * so the slowest queries (those with the commonest words) are printed too.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import type { Corpus, Passage } from '../src/corpus/types.js';
import { createSearchEngine, loadJieba, type ZhenxingSearchEngine } from '../src/search/index.js';
import { EVAL_SETS, readEvalQueries } from './eval.js';

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

interface Measured {
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
function measure(engine: ZhenxingSearchEngine, queries: readonly string[], rounds: number): Measured {
  for (let r = 0; r < 3; r++) for (const q of queries) engine.search(q);
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
    .sort((a, b) => b.median - a.median)
    .slice(0, 3);
  return { wall: summarise(wall), cpu: summarise(cpu), samples: wall.length, slowest };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const us = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;

function main(): void {
  const rssStart = process.memoryUsage().rss;
  let t = performance.now();
  const corpus = loadCorpus();
  const corpusMs = performance.now() - t;
  const jiebaMs = loadJieba();
  const rssJieba = process.memoryUsage().rss;
  // Every judged set's queries: the first 66, and the chat and held-out sets (mentions, typos, partial answers …).
  const queries = EVAL_SETS.flatMap((s) => readEvalQueries(s.file).map((q) => q.query));

  const lines: string[] = [];
  lines.push(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  lines.push(`corpus load: ${corpusMs.toFixed(0)} ms (${corpus.passages.length} passages)`);
  lines.push(`jieba dictionary load: ${jiebaMs.toFixed(0)} ms, RSS ${mb(rssStart)} → ${mb(rssJieba)}`);
  lines.push(`queries: ${queries.length} (test/fixtures/eval-*.json), limit 5, snippets included`);
  lines.push('');

  for (const factor of [1, 100]) {
    const c = factor === 1 ? corpus : replicateCorpus(corpus, factor);
    t = performance.now();
    const first = createSearchEngine(c);
    const firstMs = performance.now() - t;
    // A second build shows the steady cost once the JIT has warmed up.
    t = performance.now();
    const engine = factor === 1 ? createSearchEngine(c) : first;
    const secondMs = factor === 1 ? performance.now() - t : Number.NaN;
    const rounds = factor === 1 ? 40 : 5;
    const lat = measure(engine, queries, rounds);
    const rss = process.memoryUsage().rss;
    lines.push(`${factor}× (${c.passages.length} passages)`);
    lines.push(
      `  index build: ${first.buildMs.toFixed(0)} ms${factor === 1 ? ` (second build ${engine.buildMs.toFixed(0)} ms)` : ''}` +
        `  [createSearchEngine wall ${firstMs.toFixed(0)} ms${factor === 1 ? `, ${secondMs.toFixed(0)} ms` : ''}]`,
    );
    lines.push(`  query latency (wall): p50 ${us(lat.wall.p50)}, p99 ${us(lat.wall.p99)}, max ${us(lat.wall.max)} over ${lat.samples} searches`);
    lines.push(`  query CPU time:       p50 ${us(lat.cpu.p50)}, p99 ${us(lat.cpu.p99)}, max ${us(lat.cpu.max)}`);
    const slow = lat.slowest.map((s) => `${s.query} ${us(s.median)}`);
    lines.push(`  slowest queries (median wall): ${slow.join(', ')}`);
    lines.push(`  RSS: ${mb(rss)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

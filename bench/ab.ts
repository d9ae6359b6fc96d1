/**
 * `npx tsx bench/ab.ts [variant] [factor…]`: an interleaved in-process A/B of query latency, the engine as it is
 * against one of bench/eval-variants.ts's variants (default `round 3 (before)`), over every judged query, at 1× and
 * 100× (replicateCorpus). Each query is timed on both engines back to back, in alternating order, so that the load of a
 * shared machine falls on both alike; CPU time per search, p50 / p90 / p99 / mean.
 */
import os from 'node:os';
import { loadCorpus } from '../src/corpus/index.js';
import { createSearchEngine, type SearchEngine } from '../src/search/index.js';
import { EVAL_SETS, readEvalQueries } from './eval.js';
import { VARIANTS } from './eval-variants.js';
import { replicateCorpus } from './search-bench.js';

const args = process.argv.slice(2);
const name = args.find((a) => Number.isNaN(Number(a))) ?? 'round 3 (before)';
const factors = args.filter((a) => !Number.isNaN(Number(a))).map(Number);
const options = VARIANTS[name];
if (!options) throw new Error(`no variant named ${name}`);
const corpus = loadCorpus();
const queries = EVAL_SETS.flatMap((s) => readEvalQueries(s.file).map((q) => q.query));

const cpuOf = (engine: SearchEngine, q: string): number => {
  const c = process.cpuUsage();
  engine.search(q, { limit: 5 });
  const used = process.cpuUsage(c);
  return (used.user + used.system) / 1000;
};
const stats = (xs: number[]): string => {
  xs.sort((a, b) => a - b);
  const at = (p: number): number => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)] as number;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const us = (ms: number): string => `${Math.round(ms * 1000)} µs`;
  return `p50 ${us(at(0.5))}, p90 ${us(at(0.9))}, p99 ${us(at(0.99))}, mean ${us(mean)}`;
};

process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${queries.length} queries; as is vs ${name}\n`);
for (const factor of factors.length > 0 ? factors : [1, 100]) {
  const c = factor === 1 ? corpus : replicateCorpus(corpus, factor);
  const now = createSearchEngine(c);
  const then = createSearchEngine(c, options);
  for (const q of queries) {
    now.search(q);
    then.search(q);
  }
  const a: number[] = [];
  const b: number[] = [];
  const rounds = factor === 1 ? 20 : 2;
  for (let r = 0; r < rounds; r++) {
    queries.forEach((q, i) => {
      if ((i + r) % 2 === 0) {
        a.push(cpuOf(now, q));
        b.push(cpuOf(then, q));
      } else {
        b.push(cpuOf(then, q));
        a.push(cpuOf(now, q));
      }
    });
  }
  process.stdout.write(`${factor}× (${c.passages.length} passages), CPU per search over ${a.length}:\n  as is:    ${stats(a)}\n  ${name}: ${stats(b)}\n`);
}

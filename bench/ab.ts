/**
 * `npx tsx bench/ab.ts [variant] [factor…] [--mix-commit C]` (the queries of commit C's eval sets, bench/mix.ts): an interleaved in-process A/B of query latency, the engine as it is
 * against one of bench/eval-variants.ts's variants (default `round 3 (before)`), over every judged query, at 1× and
 * 100× (replicateCorpus). Each query is timed on both engines back to back, in alternating order, so that the load of a
 * shared machine falls on both alike; CPU time per search, p50 / p90 / p99 / mean.
 */
import os from 'node:os';
import { loadCorpus } from '../src/corpus/index.js';
import { createSearchEngine } from '../src/search/index.js';
import { evalMix, mixCommitArg, mixLabel, withoutMixArg } from './mix.js';
import { VARIANTS } from './eval-variants.js';
import { pairedRounds, stats } from './paired-timing.js';
import { replicateCorpus } from './search-bench.js';

const mixCommit = mixCommitArg(process.argv.slice(2));
const args = withoutMixArg(process.argv.slice(2));
const name = args.find((a) => Number.isNaN(Number(a))) ?? 'round 3 (before)';
const factors = args.filter((a) => !Number.isNaN(Number(a))).map(Number);
const options = VARIANTS[name];
if (!options) throw new Error(`no variant named ${name}`);
const corpus = loadCorpus();
const mix = evalMix(mixCommit);
const queries = mix.flatMap((s) => s.queries);

process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${mixLabel(mixCommit, mix)}; as is vs ${name}\n`);
for (const factor of factors.length > 0 ? factors : [1, 100]) {
  const c = factor === 1 ? corpus : replicateCorpus(corpus, factor);
  const now = createSearchEngine(c);
  const then = createSearchEngine(c, options);
  for (const q of queries) {
    now.search(q);
    then.search(q);
  }
  const rounds = factor === 1 ? 20 : 2;
  const { a, b } = pairedRounds(queries, now, then, rounds);
  process.stdout.write(`${factor}× (${c.passages.length} passages), CPU per search over ${a.length}:\n  as is:    ${stats(a)}\n  ${name}: ${stats(b)}\n`);
}

/**
 * `npx tsx bench/ab.ts [variant] [factor…] [--mix-commit C]` (the queries of commit C's eval sets, bench/mix.ts): an interleaved in-process A/B of query latency, the engine as it is
 * against one of bench/eval-variants.ts's variants (default `round 3 (before)`), over every judged query, at 1× and
 * 100× (replicateCorpus). Each query is timed on both engines back to back, in alternating order, so that the load of a
 * shared machine falls on both alike; CPU time per search, p50 / p90 / p99 / mean.
 * `--dist`: both engines from tsc's build, dist/ (what production runs; built first if stale), instead of src/ under
 * tsx. The variant's options are plain data, so the same options object serves either build.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import * as srcCorpus from '../src/corpus/index.js';
import * as srcSearch from '../src/search/index.js';
import { ensureBuilt } from '../test/helpers/ensure-built.js';
import { evalMix, mixCommitArg, mixLabel, withoutMixArg } from './mix.js';
import { VARIANTS } from './eval-variants.js';
import { pairedRounds, stats } from './paired-timing.js';
import { replicateCorpus } from './search-bench.js';

const mixCommit = mixCommitArg(process.argv.slice(2));
const dist = process.argv.includes('--dist');
const args = withoutMixArg(process.argv.slice(2)).filter((a) => a !== '--dist');
if (dist) ensureBuilt();
const fromDist = async <T>(file: string): Promise<T> => (await import(pathToFileURL(`${import.meta.dirname}/../dist/${file}`).href)) as T;
const { loadCorpus } = dist ? await fromDist<typeof srcCorpus>('corpus/index.js') : srcCorpus;
const { createSearchEngine } = dist ? await fromDist<typeof srcSearch>('search/index.js') : srcSearch;
const name = args.find((a) => Number.isNaN(Number(a))) ?? 'round 3 (before)';
const factors = args.filter((a) => !Number.isNaN(Number(a))).map(Number);
const options = VARIANTS[name];
if (!options) throw new Error(`no variant named ${name}`);
const corpus = loadCorpus();
const mix = evalMix(mixCommit);
const queries = mix.flatMap((s) => s.queries);

process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${mixLabel(mixCommit, mix)}; as is vs ${name}${dist ? ' (dist/)' : ''}\n`);
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

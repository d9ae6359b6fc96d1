/**
 * `npx tsx bench/ab-builds.ts [commit] [factor…] [--rounds N] [--mix-commit C]` (`--rounds 0`: answers compared only;
 * `--mix-commit`: the queries of commit C's eval sets, bench/mix.ts): an interleaved in-process A/B of query latency, the
 * engine of the working tree against the engine of another commit (default `main`), over every judged query, at 1×
 * (and at the factors given: replicateCorpus). The other commit's src/ and lexicon/ are written under .ab/<commit>/
 * and imported next to this tree's, so both engines run in one process over the same corpus: each query is timed on
 * both back to back, in alternating order, so that the load of a shared machine falls on both alike; CPU time per
 * search, p50 / p90 / p99 / mean. It also compares the two engines' answers to every query (ids, scores, snippets,
 * totals …; held-out queries are counted, never printed): a speed change must report `answers identical`.
 * `--dist` (no commit): the working tree's src/ under tsx (what `npm run bench --tsx` times) against its own build,
 * dist/ (tsc's output, what production runs and `npm run bench` times), built first if stale — tsx's transform cost,
 * paired. `<commit> --dist`: the built engines on both sides, the working tree's dist/ (built first if stale) against
 * the commit's own tsc build (.ab/<commit>/dist, built once from its src/ and tsconfig files): a speed change as
 * production sees it, without tsx's cost of named closures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import { createSearchEngine, type SearchEngine } from '../src/search/index.js';
import { ensureBuilt } from '../test/helpers/ensure-built.js';
import { evalMix, mixCommitArg, mixLabel, withoutMixArg } from './mix.js';
import { pairedRounds, stats } from './paired-timing.js';
import { replicateCorpus } from './search-bench.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const mixCommit = mixCommitArg(process.argv.slice(2));
const dist = process.argv.includes('--dist');
const args = withoutMixArg(process.argv.slice(2)).filter((a) => a !== '--dist');
const roundsAt = args.indexOf('--rounds');
const roundsArg = roundsAt >= 0 ? Number(args[roundsAt + 1]) : undefined;
// Without --rounds, indexOf gives -1 and roundsAt + 1 would drop the first argument (the commit).
const rest = roundsAt >= 0 ? args.filter((_, i) => i !== roundsAt && i !== roundsAt + 1) : args;
// A factor is a short number (1, 10, 100); an all-digit short hash (3499758) is a commit, not a 3.5-million-fold library.
const isFactor = (a: string): boolean => /^\d{1,4}$/.test(a) && Number(a) >= 1;
const named = rest.find((a) => !isFactor(a));
const factors = rest.filter(isFactor).map(Number);
/** `--dist` with a commit: both sides built (the working tree's dist/ against the commit's). */
const bothBuilt = dist && named !== undefined;
const commit = dist && !bothBuilt ? 'dist/' : execFileSync('git', ['rev-parse', '--short', named ?? 'main'], { cwd: ROOT, encoding: 'utf8' }).trim();
const dir = path.join(ROOT, '.ab', commit);
if (dist) ensureBuilt();
if (!(dist && !bothBuilt) && !existsSync(path.join(dir, 'src'))) {
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${commit} src lexicon | tar -x -C ${JSON.stringify(dir)}`], { cwd: ROOT });
}
if (bothBuilt && !existsSync(path.join(dir, 'dist/search/index.js'))) buildCommit(commit, dir);

/**
 * The commit's src/ built by tsc with its own tsconfig files into `dir`/dist (node_modules and @types resolve from
 * the repository's, two directories up; lexicon/ sits beside dist/ as in the repository). Built once: a commit's
 * build never changes.
 */
function buildCommit(at: string, into: string): void {
  execFileSync('sh', ['-c', `git archive ${at} tsconfig.json tsconfig.build.json | tar -x -C ${JSON.stringify(into)}`], { cwd: ROOT });
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  execFileSync(tsc, ['-p', path.join(into, 'tsconfig.build.json')], { cwd: into, stdio: ['ignore', 2, 2] });
}

const selfEntry = path.join(ROOT, 'dist/search/index.js');
const otherEntry = dist ? path.join(bothBuilt ? dir : ROOT, 'dist/search/index.js') : path.join(dir, 'src/search/index.ts');
const self = bothBuilt ? ((await import(pathToFileURL(selfEntry).href)) as { createSearchEngine: typeof createSearchEngine }) : { createSearchEngine };
const other = (await import(pathToFileURL(otherEntry).href)) as { createSearchEngine: typeof createSearchEngine };

const corpus = loadCorpus();
const sets = evalMix(mixCommit);
const queries = sets.flatMap((s) => s.queries);

const answer = (engine: SearchEngine, q: string): string => {
  const strip = (r: ReturnType<SearchEngine['search']>): unknown => ({ ...r, results: r.results.map(({ passage: _p, ...x }) => x) });
  return JSON.stringify([strip(engine.search(q, { limit: 10 })), strip(engine.search(q, { limit: 5, page: 2 }))]);
};

process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${mixLabel(mixCommit, sets)}; working tree vs ${commit}${bothBuilt ? ', both built (dist/)' : ''}\n`);
for (const factor of factors.length > 0 ? factors : [1]) {
  const c = factor === 1 ? corpus : replicateCorpus(corpus, factor);
  const now = self.createSearchEngine(c);
  const then = other.createSearchEngine(c);
  let differ = 0;
  for (const q of queries) if (answer(now, q) !== answer(then, q)) differ++;
  const rounds = roundsArg ?? (factor === 1 ? 10 : 2);
  // --rounds 0: the answers compared, nothing timed.
  if (rounds === 0) {
    process.stdout.write(`${factor}×: ${differ === 0 ? 'answers identical' : `${differ} answers differ`}\n`);
    continue;
  }
  for (let r = 0; r < 2; r++)
    for (const q of queries) {
      now.search(q);
      then.search(q);
    }
  const { a, b } = pairedRounds(queries, now, then, rounds);
  // Each query's least time over the rounds: what it costs when the load lets it run undisturbed.
  const least = (xs: number[]): number[] => queries.map((_, i) => Math.min(...Array.from({ length: rounds }, (_, r) => xs[r * queries.length + i] as number)));
  const leastA = least(a);
  const leastB = least(b);
  const pad = ' '.repeat(Math.max(1, 12 - commit.length));
  process.stdout.write(
    `${factor}× (${c.passages.length} passages), CPU per search over ${a.length} (${rounds} rounds):\n` +
      `  working tree: ${stats(a)}\n  ${commit}:${pad}${stats(b)}\n` +
      `  per query, least of the rounds:\n  working tree: ${stats(leastA)}\n  ${commit}:${pad}${stats(leastB)}\n` +
      `  ${differ === 0 ? 'answers identical' : `${differ} answers differ`}\n`,
  );
}
process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end\n`);

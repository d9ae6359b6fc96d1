/**
 * `npx tsx bench/profile-search.ts [--factor N] [--passes P] [--mix-commit C] [--out file.cpuprofile]`: a CPU profile
 * (inspector, 100 µs sampling) of the engine answering the bench's query mix (every judged query, search(q, {limit:
 * 5}) as `npm run bench` times it; `--dist`: the built engine), after three warm-up passes, over the seeds (or replicateCorpus ×N). Prints the
 * functions with the most self time and the most inclusive time (a function counted once per sample however deep it
 * recurses), as shares of the samples inside the timed loop. No query is printed.
 * Then, under tsx, the named closures made per search: tsx's esbuild transform (keepNames) wraps every named function
 * in `__name(fn, "name")`, a defineProperty that costs ~1.2 µs for a closure made inside a function (against ~10 ns
 * for the closure itself in dist/). A cost of tsx alone: since round 19 `npm run bench` times dist/, as production
 * runs it, so write closures where they read best; the count explains a gap between `--tsx` and dist/ figures.
 * `--middle`: only the queries that set the p50 — those whose least CPU time over the three warm-up passes lies
 * between the 30th and 70th percentile of the mix (the p50 moves only when such queries get cheaper).
 * `--lines N`: also the N source lines with the most self time (most useful with `--dist`, whose lines are tsc's).
 */
// First: it must see the src/ modules' __name helpers take Object.defineProperty.
import { countNames } from './count-names.js';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import * as srcCorpus from '../src/corpus/index.js';
import * as srcSearch from '../src/search/index.js';
import { ensureBuilt } from '../test/helpers/ensure-built.js';
import { evalMix, mixCommitArg } from './mix.js';
import { replicateCorpus } from './search-bench.js';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const factor = Number(arg('--factor') ?? 1);
const passes = Number(arg('--passes') ?? 5);
const top = Number(arg('--top') ?? 40);
// --dist: the built engine (dist/, tsc's output, what `npm start` runs) instead of src/ through tsx, whose esbuild
// transform wraps every function in a `__name` call (keepNames) and puts each module on one line.
const dist = args.includes('--dist');
if (dist) ensureBuilt();
const fromDist = async <T>(file: string): Promise<T> => (await import(pathToFileURL(`${import.meta.dirname}/../dist/${file}`).href)) as T;
const { loadCorpus } = dist ? await fromDist<typeof srcCorpus>('corpus/index.js') : srcCorpus;
const { createSearchEngine } = dist ? await fromDist<typeof srcSearch>('search/index.js') : srcSearch;
const mix = evalMix(mixCommitArg(args)).flatMap((s) => s.queries);
const base = loadCorpus();
const engine = createSearchEngine(factor === 1 ? base : replicateCorpus(base, factor));
const least = mix.map(() => Infinity);
for (let r = 0; r < 3; r++)
  mix.forEach((q, i) => {
    const c0 = process.cpuUsage();
    engine.search(q, { limit: 5 });
    const u = process.cpuUsage(c0);
    least[i] = Math.min(least[i] as number, u.user + u.system);
  });
const middle = args.includes('--middle');
const queries = middle ? middleQueries(mix, least) : mix;

/** The queries whose least time lies between the 30th and 70th percentile of all (in the mix's order). */
function middleQueries(all: readonly string[], times: readonly number[]): string[] {
  const sorted = [...times].sort((a, b) => a - b);
  const low = sorted[Math.floor(0.3 * sorted.length)] as number;
  const high = sorted[Math.floor(0.7 * sorted.length)] as number;
  return all.filter((_, i) => (times[i] as number) >= low && (times[i] as number) <= high);
}

const session = new Session();
session.connect();
const post = <T>(method: string, params?: object): Promise<T> =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 100 });
await post('Profiler.start');
const c = process.cpuUsage();
const t = performance.now();
for (let r = 0; r < passes; r++) for (const q of queries) engine.search(q, { limit: 5 });
const wall = performance.now() - t;
const used = process.cpuUsage(c);
const { profile } = await post<{ profile: Profile }>('Profiler.stop');

// Named closures made per search (one more pass, counting tsx's __name calls through Object.defineProperty).
const named = countNames.counts;
named.clear();
countNames.on = true;
try {
  for (const q of queries) engine.search(q, { limit: 5 });
} finally {
  countNames.on = false;
}
const namedTotal = [...named.values()].reduce((a, b) => a + b, 0);
const namedLine = dist
  ? 'named closures: none counted (dist/ has no __name)'
  : `named closures made per search (tsx __name): ${(namedTotal / queries.length).toFixed(1)}; most: ${[...named]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([n, c]) => `${n} ${(c / queries.length).toFixed(2)}`)
      .join(', ')}`;
const out = arg('--out');
if (out) writeFileSync(out, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const ch of n.children ?? []) parent.set(ch, n.id);
const name = (n: Node): string => {
  const f = n.callFrame;
  const file = f.url.replace(/^.*\/(src|dist|node_modules)\//, '$1/');
  // tsx puts a module on one line: the column tells its functions apart.
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}${f.lineNumber === 0 && f.url ? `:${(f as { columnNumber?: number }).columnNumber}` : ''}`;
};
const self = new Map<string, number>();
// Self time by source line, from each node's line ticks (shares of its samples by line).
const lines = new Map<string, number>();
const perTick = total0(profile);
for (const n of profile.nodes) {
  const f = n.callFrame;
  const file = f.url.replace(/^.*\/(src|dist|node_modules)\//, '$1/');
  for (const t of n.positionTicks ?? []) lines.set(`${file}:${t.line} ${f.functionName || '(anonymous)'}`, (lines.get(`${file}:${t.line} ${f.functionName || '(anonymous)'}`) ?? 0) + t.ticks * perTick);
}

/** The mean time of a sample, to weigh line ticks like the samples they come from. */
function total0(p: Profile): number {
  const sum = p.timeDeltas.reduce((a, b) => a + b, 0);
  return p.samples.length > 0 ? sum / p.samples.length : 0;
}
const incl = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, k) => {
  const dt = profile.timeDeltas[k] ?? 0;
  total += dt;
  let n = byId.get(id);
  if (!n) return;
  self.set(name(n), (self.get(name(n)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: Node | undefined = n; cur; cur = byId.get(parent.get(cur.id) ?? -1)) {
    const key = name(cur);
    if (seen.has(key)) continue;
    seen.add(key);
    incl.set(key, (incl.get(key) ?? 0) + dt);
  }
});
const pct = (v: number): string => `${((100 * v) / total).toFixed(1).padStart(5)} %`;
const list = (m: Map<string, number>): string =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `  ${pct(v)}  ${k}`)
    .join('\n');
process.stdout.write(
  `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${factor}×, ${queries.length} queries × ${passes} passes: ` +
    `wall ${((wall * 1000) / (queries.length * passes)).toFixed(0)} µs, CPU ${((used.user + used.system) / (queries.length * passes)).toFixed(0)} µs per search (mean)\n` +
    `${middle ? `the ${queries.length} queries around the p50 (least time between the 30th and 70th percentile)\n` : ''}` +
    `self time:\n${list(self)}\ninclusive time:\n${list(incl)}\n${namedLine}\n`,
);
const lineCount = Number(arg('--lines') ?? 0);
if (lineCount > 0) {
  const byLine = [...lines.entries()].sort((a, b) => b[1] - a[1]).slice(0, lineCount);
  process.stdout.write(`self time by line:\n${byLine.map(([k, v]) => `  ${pct(v)}  ${k}`).join('\n')}\n`);
}

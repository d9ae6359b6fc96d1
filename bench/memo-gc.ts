/**
 * `npx tsx bench/memo-gc.ts <analysisCache> [--passes N] [--build DIR] [--mix-commit C]`: the built engine (dist/) alone in its
 * process with the query memo of the given size, the mix timed over N passes after two warm ones: CPU per search
 * (p50, mean), the collector's time by kind (PerformanceObserver 'gc' entries) and the heap held after a forced
 * collection. Run each size in its own process, alternating: what the memo costs the collector (round 28).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import type { createSearchEngine as Create } from '../src/search/index.js';
import { ensureBuilt } from '../test/helpers/ensure-built.js';
import { gcByKind } from './gc-by-kind.js';
import { forcedGc } from './memory.js';
import { evalMix, mixCommitArg, withoutMixArg } from './mix.js';

const args = withoutMixArg(process.argv.slice(2));
const size = Number(args[0] ?? 256);
const passesAt = args.indexOf('--passes');
const passes = passesAt >= 0 ? Number(args[passesAt + 1]) : 3;
// `--build DIR`: another build's dist/ (ab-builds' .ab/<commit>/dist), to compare a commit's memo with this one's.
const buildAt = args.indexOf('--build');
const build = buildAt >= 0 ? path.resolve(args[buildAt + 1] as string) : path.resolve(import.meta.dirname, '../dist');
ensureBuilt();
const { createSearchEngine } = (await import(pathToFileURL(path.join(build, 'search/index.js')).href)) as {
  createSearchEngine: typeof Create;
};
const queries = evalMix(mixCommitArg(process.argv.slice(2))).flatMap((s) => s.queries);
const engine = createSearchEngine(loadCorpus(), { analysisCache: size });
for (let r = 0; r < 2; r++) for (const q of queries) engine.search(q, { limit: 5 });
forcedGc();
const { observer: obs, byKind: gcMs } = gcByKind();
obs.observe({ entryTypes: ['gc'] });
const times: number[] = [];
for (let r = 0; r < passes; r++)
  for (const q of queries) {
    const t = process.cpuUsage();
    engine.search(q, { limit: 5 });
    const d = process.cpuUsage(t);
    times.push(d.user + d.system);
  }
await new Promise((r) => setTimeout(r, 50));
obs.disconnect();
const sorted = [...times].sort((a, b) => a - b);
const mean = times.reduce((s, x) => s + x, 0) / times.length;
const searches = times.length;
const gcLine = [...gcMs].map(([k, g]) => `${k} ${g.n} (${((g.ms * 1000) / searches).toFixed(1)} µs a search)`).join(', ');
forcedGc();
const held = process.memoryUsage().heapUsed / 1024 / 1024;
process.stdout.write(
  `memo ${size}: ${searches} searches, p50 ${sorted[Math.floor(searches / 2)]} µs, mean ${mean.toFixed(1)} µs; gc: ${gcLine}; held after GC ${held.toFixed(1)} MB\n`,
);

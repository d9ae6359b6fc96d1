/**
 * `npx tsx bench/lexicon-ab.ts [--without=N-M | --base=FILE] [--pairs=P] [factor…]`: a paired A/B of query latency,
 * the engine with the whole village lexicon against the engine without its groups N to M (default: the groups added in
 * round 8, 409 onwards), or with the `VILLAGE_LEXICON` of another lexicon.ts (`--base=`, e.g. main's version written
 * out with `git show main:src/search/lexicon.ts > /tmp/lexicon-before.ts`). The related terms' lookups are built once at load, so the two arms cannot share a process as in
 * bench/ab.ts: each arm runs in its own child process, A and B alternately (ABAB…, then BABA…), P pairs per factor,
 * so that the load of a shared machine falls on both alike. Every judged query is timed (CPU per search, after a
 * warm-up pass); printed: p50 / p90 / p99 / mean over all samples of each arm.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { VILLAGE_LEXICON } from '../src/search/lexicon.js';
import type { RelatedTerms } from '../src/search/vocabulary.js';

async function child(drop: number[], factor: number, rounds: number): Promise<void> {
  const groups = VILLAGE_LEXICON as RelatedTerms[];
  for (const k of [...drop].sort((a, b) => b - a)) groups.splice(k, 1);
  if (process.env.LEXICON_BASE) {
    const base = (await import(pathToFileURL(path.resolve(process.env.LEXICON_BASE)).href)) as { VILLAGE_LEXICON: RelatedTerms[] };
    groups.splice(0, groups.length, ...base.VILLAGE_LEXICON);
  }
  const { loadCorpus } = await import('../src/corpus/index.js');
  const { createSearchEngine } = await import('../src/search/index.js');
  const { EVAL_SETS, readEvalQueries } = await import('./eval.js');
  const { replicateCorpus } = await import('./search-bench.js');
  const corpus = loadCorpus();
  const engine = createSearchEngine(factor === 1 ? corpus : replicateCorpus(corpus, factor));
  const queries = EVAL_SETS.flatMap((s) => readEvalQueries(s.file).map((q) => q.query));
  for (const q of queries) engine.search(q, { limit: 5 });
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const c = process.cpuUsage();
      engine.search(q, { limit: 5 });
      const used = process.cpuUsage(c);
      times.push((used.user + used.system) / 1000);
    }
  }
  process.stdout.write(JSON.stringify(times));
}

function run(drop: number[], factor: number, rounds: number, base = ''): number[] {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(factor), String(rounds)], {
    env: { ...process.env, LEXICON_DROP: drop.join(','), LEXICON_BASE: base },
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as number[];
}

const stats = (xs: number[]): string => {
  xs.sort((a, b) => a - b);
  const at = (p: number): number => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)] as number;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const us = (ms: number): string => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${Math.round(ms * 1000)} µs`);
  return `p50 ${us(at(0.5))}, p90 ${us(at(0.9))}, p99 ${us(at(0.99))}, mean ${us(mean)} (${xs.length} samples)`;
};

async function parent(args: string[]): Promise<void> {
  const range = args.find((a) => a.startsWith('--without='))?.slice(10) ?? `409-${VILLAGE_LEXICON.length - 1}`;
  const [lo, hi] = range.split('-').map(Number) as [number, number];
  const base = args.find((a) => a.startsWith('--base='))?.slice(7) ?? '';
  const drop = base ? [] : Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const pairs = Number(args.find((a) => a.startsWith('--pairs='))?.slice(8) ?? 4);
  const factors = args.filter((a) => !a.startsWith('--')).map(Number);
  process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; with all ${VILLAGE_LEXICON.length} groups vs ${base ? `the lexicon of ${base}` : `without groups ${lo}-${hi}`}\n`);
  for (const factor of factors.length > 0 ? factors : [1, 100]) {
    const rounds = factor === 1 ? 5 : 1;
    const n = factor === 1 ? pairs : Math.max(1, Math.ceil(pairs / 2));
    const a: number[] = [];
    const b: number[] = [];
    for (let p = 0; p < n; p++) {
      if (p % 2 === 0) {
        a.push(...run([], factor, rounds));
        b.push(...run(drop, factor, rounds, base));
      } else {
        b.push(...run(drop, factor, rounds, base));
        a.push(...run([], factor, rounds));
      }
    }
    process.stdout.write(`${factor}×, CPU per search:\n  with:    ${stats(a)}\n  without: ${stats(b)}\n`);
  }
}

const args = process.argv.slice(2);
if (args.includes('--child')) {
  const [, factor, rounds] = args;
  await child((process.env.LEXICON_DROP ?? '').split(',').filter(Boolean).map(Number), Number(factor), Number(rounds));
} else {
  await parent(args);
}

/**
 * The paired timing shared by bench/ab.ts and bench/ab-builds.ts: every query is timed on both engines back to back,
 * in alternating order from round to round, so the load of a shared machine falls on both alike.
 */
import type { SearchEngine } from '../src/search/index.js';

/** CPU time of one search, in ms. */
export const cpuOf = (engine: SearchEngine, q: string): number => {
  const c = process.cpuUsage();
  engine.search(q, { limit: 5 });
  const used = process.cpuUsage(c);
  return (used.user + used.system) / 1000;
};

/** p50 / p90 / p99 / mean of times in ms, printed in µs. Sorts `xs` in place. */
export const stats = (xs: number[]): string => {
  xs.sort((a, b) => a - b);
  const at = (p: number): number => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)] as number;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const us = (ms: number): string => `${Math.round(ms * 1000)} µs`;
  return `p50 ${us(at(0.5))}, p90 ${us(at(0.9))}, p99 ${us(at(0.99))}, mean ${us(mean)}`;
};

/** `rounds` passes over `queries`, each query timed on `a` and `b` back to back; times in round-major order. */
export function pairedRounds(queries: readonly string[], a: SearchEngine, b: SearchEngine, rounds: number): { a: number[]; b: number[] } {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    queries.forEach((q, i) => {
      if ((i + r) % 2 === 0) {
        ta.push(cpuOf(a, q));
        tb.push(cpuOf(b, q));
      } else {
        tb.push(cpuOf(b, q));
        ta.push(cpuOf(a, q));
      }
    });
  }
  return { a: ta, b: tb };
}

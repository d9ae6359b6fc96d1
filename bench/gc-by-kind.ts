import { PerformanceObserver, constants } from 'node:perf_hooks';

/** The collector's kinds named by bench/memo-gc.ts; any kind not named counts as 'other'. */
export const GC_KINDS: Readonly<Record<number, string>> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
};

/**
 * The collector's time by kind (PerformanceObserver 'gc' entries), counted into `byKind` once `observer.observe({
 * entryTypes: ['gc'] })` has been called; `kinds` names the kinds kept apart (bench/memo-gc.ts, bench/memo-mix.ts).
 */
export function gcByKind(kinds: Readonly<Record<number, string>> = GC_KINDS): {
  observer: PerformanceObserver;
  byKind: Map<string, { n: number; ms: number }>;
} {
  const byKind = new Map<string, { n: number; ms: number }>();
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = kinds[(e as unknown as { detail: { kind: number } }).detail.kind] ?? 'other';
      const g = byKind.get(kind) ?? { n: 0, ms: 0 };
      g.n++;
      g.ms += e.duration;
      byKind.set(kind, g);
    }
  });
  return { observer, byKind };
}

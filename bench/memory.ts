/**
 * Memory figures for the benches: RSS is the process's high-water mark of pages (V8 seldom gives them back) and the
 * heap used includes garbage not yet collected, so neither tells what is still held. `heapAfterGc` forces a full
 * collection first (V8's gc, made available at run time: `npm run bench` runs without --expose-gc) and then reads
 * the heap used: what the process retains.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Full, synchronous garbage collections until the heap stops shrinking. One or two are not enough: after a 100×
 * library's engine was built and dropped, two collections left 115 MB used and a third 42 MB (measured; what the
 * first ones keep is garbage that V8 frees on a later cycle, e.g. objects marked while a cycle was already under way).
 */
export function forcedGc(): void {
  if (!gc) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) gc = exposed;
    else {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    }
  }
  let before = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 10; round++) {
    gc();
    const used = process.memoryUsage().heapUsed;
    // At least four; then until a collection frees less than a megabyte.
    if (round >= 3 && before - used < 1 << 20) break;
    before = used;
  }
}

export interface MemoryFigures {
  /** Resident set size now (bytes). */
  rss: number;
  /** V8 heap used before the collection: retained plus garbage not yet collected. */
  heapBefore: number;
  /** V8 heap used after a forced full collection: what is retained. */
  heapAfterGc: number;
  /** Memory outside V8's heap held by JS objects (Buffers, typed arrays' backing stores), after the collection. */
  external: number;
}

/** Heap used before and after a forced full collection, and RSS and external memory after it. */
export function memoryFigures(): MemoryFigures {
  const heapBefore = process.memoryUsage().heapUsed;
  forcedGc();
  const m = process.memoryUsage();
  return { rss: m.rss, heapBefore, heapAfterGc: m.heapUsed, external: m.external };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** One printed line: `what: heap after GC … (before …), external …, RSS …`. */
export function memoryLine(what: string, m: MemoryFigures = memoryFigures()): string {
  return `${what}: heap after GC ${mb(m.heapAfterGc)} (before GC ${mb(m.heapBefore)}), external ${mb(m.external)}, RSS ${mb(m.rss)}`;
}

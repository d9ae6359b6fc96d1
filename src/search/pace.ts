/**
 * Long computations that the running bot must not let block its event loop (rebuilding a 1 000-document library
 * takes seconds, and a Slack slash command must be acknowledged within 3 s). Such a computation is written once, as
 * a generator that `yield`s wherever it may pause (after a passage, a document, a term): {@link runNow} runs it to
 * the end at once (a start, the CLI), {@link runSliced} runs it in slices of a few milliseconds with a turn of the
 * event loop between them (the live reload), so other requests are answered meanwhile. Both give the same result.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A computation that may pause at each `yield` and returns T. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end without pausing. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Options of {@link runSliced}. */
export interface SliceOptions {
  /** Milliseconds of work before the event loop gets a turn. Default 8. */
  sliceMs?: number;
  /** Awaited at each turn given away, instead of the next turn of the event loop (tests). Default: setImmediate. */
  pause?: () => Promise<void>;
}

export const DEFAULT_SLICE_MS = 8;

/**
 * Runs the steps, giving the event loop a turn (`setImmediate`, so I/O callbacks run first) whenever a slice of
 * `sliceMs` has been worked. The longest block is then a slice plus the longest single step.
 */
export async function runSliced<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const pause = options.pause ?? (() => nextTurn());
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start >= sliceMs) {
      await pause();
      start = performance.now();
    }
  }
}

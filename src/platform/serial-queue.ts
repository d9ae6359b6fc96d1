/**
 * One operation at a time, in call order, within this process: the read-modify-write stores under DATA_DIR (state,
 * seen keys, votes, the search log) each keep one, so two updates never interleave between their read and write.
 */
export interface SerialQueue {
  /** Runs `work` after everything queued before it has settled, whether that succeeded or failed. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once nothing is queued, work queued while waiting included (e.g. a post answered during shutdown). */
  drained(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(work) {
      const p = tail.then(work, work);
      // A failure belongs to its caller; the queue itself goes on.
      tail = p.catch(() => undefined);
      return p;
    },
    async drained() {
      for (;;) {
        const current = tail;
        await current;
        if (current === tail) return;
      }
    },
  };
}

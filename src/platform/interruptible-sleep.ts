/**
 * A sleep that shutdown can cut short: waits between retries must not hold up a stop, and a stopped owner must
 * start no new wait. The owner keeps its own stop flag (it may be cleared again on restart); `wakeAll` ends every
 * wait in progress.
 */
export interface InterruptibleSleep {
  /** Resolves after `ms`, at once when `isStopped()` is already true, or when `wakeAll` is called. */
  sleep(ms: number): Promise<void>;
  /** Ends every sleep in progress. */
  wakeAll(): void;
}

export function createInterruptibleSleep(isStopped: () => boolean): InterruptibleSleep {
  const wakers = new Set<() => void>();
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (isStopped()) return resolve();
        const wake = () => {
          clearTimeout(timer);
          wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        wakers.add(wake);
      }),
    wakeAll() {
      for (const wake of [...wakers]) wake();
    },
  };
}

/**
 * The busy limiter every adapter runs its answers through. Work runs one piece per event-loop turn, so requests
 * that arrive meanwhile are read and acknowledged between two searches (platforms give up on a slow ack), and
 * the number of answers pending (queued or running) is bounded: past `maxPending`, work that may be refused is
 * answered at once with its busy reply instead, so an overload cannot grow the backlog or leave answers minutes late.
 */
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';

export interface WorkQueueOptions {
  /** Names the platform in log lines and the `<platform>.busy` error count. */
  platform: string;
  logger: Pick<Logger, 'warn'>;
  metrics: Pick<Metrics, 'errors'>;
  /** Most answers pending at once before refusable work gets its busy reply. Default 500. */
  maxPending?: number;
}

/** What to do instead of the work when the bot is overloaded. */
export interface BusyReply {
  /** Names the caller in the log line. */
  where: string;
  answer(): Promise<void>;
}

export interface WorkQueue {
  /**
   * Runs `work` in its turn and resolves when it has finished. With `busy`, the work may be refused: when too many
   * answers are pending, `busy.answer` runs at once instead. Without it (a share, say) the work is never refused.
   */
  run(work: () => Promise<void>, busy?: BusyReply): Promise<void>;
  /** Answers queued or running. */
  readonly pending: number;
  /** Resolves when everything in flight has settled, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

export const DEFAULT_MAX_PENDING = 500;

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  const inFlight = new Set<Promise<void>>();
  const queue: (() => void)[] = [];
  let turning = false;
  const turn = () => {
    queue.shift()?.();
    if (queue.length > 0) setImmediate(turn);
    else turning = false;
  };
  let pending = 0;
  const settle = async (p: Promise<void>): Promise<void> => {
    inFlight.add(p);
    try {
      await p;
    } finally {
      inFlight.delete(p);
    }
  };
  return {
    get pending() {
      return pending;
    },
    run(work, busy) {
      if (busy && pending >= maxPending) {
        options.metrics.errors.inc({ where: `${options.platform}.busy` });
        options.logger.warn(
          { where: busy.where, pending, maxPending },
          `${options.platform}: too many answers pending; sent the busy message instead`,
        );
        return settle(busy.answer());
      }
      pending += 1;
      // Counting running work too keeps the bound when the slow part is the platform taking our posts.
      const p = new Promise<void>((resolve) => {
        queue.push(resolve);
        if (!turning) {
          turning = true;
          setImmediate(turn);
        }
      })
        .then(work)
        .finally(() => {
          pending -= 1;
        });
      return settle(p);
    },
    async drain(timeoutMs) {
      if (inFlight.size > 0) await waitAtMost(Promise.allSettled([...inFlight]), timeoutMs);
    },
  };
}

/** Resolves when `p` settles or after `ms`, whichever comes first. */
export async function waitAtMost(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    p.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
}

/**
 * The end of an adapter's stop(): wait a bounded time for the answers already acknowledged to the platform, then
 * say and count the ones that will now never arrive (zhenxing_undelivered_total), rather than drop them silently.
 *
 * Platform-neutral: no platform SDK is imported here (test/boundary.test.ts).
 */
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { WorkQueue } from './work-queue.js';

export interface DrainOptions {
  /** Names the platform in the log line and the count's label. */
  platform: string;
  /** How long to wait, in ms. */
  timeoutMs: number;
  logger: Pick<Logger, 'error'>;
  metrics: Pick<Metrics, 'undelivered'>;
  /** What is pending, singular and plural. Default ['answer', 'answers']. */
  noun?: [string, string];
}

/** Waits for `queue` up to `timeoutMs`; resolves with how many answers were left undelivered (logged and counted). */
export async function drainQueue(queue: Pick<WorkQueue, 'drain' | 'pending'>, o: DrainOptions): Promise<number> {
  await queue.drain(o.timeoutMs);
  const pending = queue.pending;
  if (pending > 0) {
    const [one, many] = o.noun ?? ['answer', 'answers'];
    o.metrics.undelivered.inc({ platform: o.platform }, pending);
    o.logger.error(
      { undelivered: pending, waitedMs: o.timeoutMs },
      `${o.platform}: shutting down with ${pending} ${pending === 1 ? one : many} not delivered within ${o.timeoutMs} ms`,
    );
  }
  return pending;
}

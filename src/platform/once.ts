/**
 * Doing something once per key within a window, with the claim given back when it surely did not happen: a share
 * click posts one quote however often it is clicked or redelivered, and a share that failed may be clicked again.
 *
 *   const posted = await once(shares, `share:${channel}:${ts}:${user}:${passage}`, () => post(quote), {
 *     ttlMs: 60 * 60_000,
 *     maybeDone: (err) => err instanceof OutboundTimeoutError, // a timeout may have posted: keep the claim
 *   });
 *   if (!posted) log('a repeat: nothing posted');
 *
 * Platform-neutral: no platform SDK is imported here (test/boundary.test.ts).
 */
import type { SeenKeys } from './seen-keys.js';

export interface OnceOptions {
  /** How long the claim lasts, in ms. Default: the store's. */
  ttlMs?: number;
  /**
   * Whether `work` may have done its thing although it threw (a timeout after the request was sent, a 5xx): then the
   * claim is kept, so a retry cannot do it twice. Default: it did not, and the claim is given back.
   */
  maybeDone?: (err: unknown) => boolean;
}

/**
 * Runs `work` unless `key` was claimed within the window: true when it ran, false for a repeat. When `work` throws,
 * the error is rethrown and the claim given back (unless `maybeDone` says it may have happened), so the next try
 * runs it. A store that cannot be written throws before `work` runs.
 */
export async function once(store: SeenKeys, key: string, work: () => Promise<void>, options: OnceOptions = {}): Promise<boolean> {
  if (!(await store.add(key, options.ttlMs))) return false;
  try {
    await work();
  } catch (err) {
    if (!options.maybeDone?.(err)) await store.delete(key).catch(() => undefined);
    throw err;
  }
  return true;
}

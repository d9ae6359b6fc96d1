/**
 * A plain `fetch` over the outbound client's pool (src/platform/outbound.ts), without its retries: for benchmarks
 * and callers that retry on their own. The adapter itself uses createOutbound directly (timeouts, retries, limits).
 * Measured with `npm run bench:slack`, the global fetch cost about 1.6 ms of CPU per response_url post, more than
 * the search itself; this does the same post in a fraction of that.
 */
import { createOutbound } from './outbound.js';

type FetchFn = typeof globalThis.fetch;

export interface HttpFetchOptions {
  /** Sockets kept open per host. Default 32. */
  maxSockets?: number;
  /** Timeout of each call, in ms. Default 10 000. */
  timeoutMs?: number;
}

export function createHttpFetch(options: HttpFetchOptions = {}): FetchFn & { close(): void } {
  const maxSockets = options.maxSockets ?? 32;
  const out = createOutbound({
    name: 'http',
    logger: { warn: () => undefined, debug: () => undefined } as never,
    retries: 0,
    maxSockets,
    maxPerTarget: maxSockets,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  return Object.assign(out.fetch, { close: () => void out.close() });
}

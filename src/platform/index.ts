/**
 * The platform kit: machinery every chat adapter (Slack, Feishu, DingTalk) shares instead of carrying its own copy.
 * Platform-neutral — no platform SDK is imported under src/platform (test/boundary.test.ts).
 *
 * - `createOutbound`: every outbound HTTP call with a timeout, a bounded retry (timeouts, 5xx, 429 with
 *   Retry-After), its own connection pool with a per-target limit, and given-up calls logged and counted.
 * - `SeenKeys` / `createFileSeenKeys`: a time-windowed dedupe that survives restarts (files under DATA_DIR).
 */
export {
  createOutbound,
  createOutboundMetrics,
  OutboundClosedError,
  OutboundTimeoutError,
  retryAfterMs,
  type CallPolicy,
  type Outbound,
  type OutboundOptions,
  type RetryDecision,
} from './outbound.js';
export {
  createFileSeenKeys,
  createMemorySeenKeys,
  SeenKeysError,
  type FileSeenKeysOptions,
  type SeenKeys,
} from './seen-keys.js';

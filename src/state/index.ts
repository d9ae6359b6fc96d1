/**
 * Persistent state — under DATA_DIR, or in Redis when STATE_URL is set (subscriptions, digests sent, replica claims,
 * dedupe keys) — and the delivery port the digest scheduler posts through.
 */
export { createStateStore, STATE_FILE, type StateStoreOptions } from './file-store.js';
export { acquireFileLock, LockTimeoutError, type FileLockOptions } from './file-lock.js';
export { DeliveryError, type DigestSender } from './delivery.js';
export { PLATFORMS, type ChannelRef, type ChannelSettings, type ClaimResult, type Platform, type StateSnapshot, type StateStore } from './types.js';
export {
  createStateBackend,
  openFeedbackReader,
  PENDING_FILE,
  type FeedbackReader,
  parseSnapshot,
  registerStateMetrics,
  StateImportError,
  type ImportSummary,
  type SeenKeysRequest,
  type StateBackend,
  type StateBackendOptions,
  type StateStatus,
} from './backend.js';
export { maskRedisUrl, StateUnavailableError } from './redis-connection.js';

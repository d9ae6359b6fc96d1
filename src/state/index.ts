/**
 * Persistent state under DATA_DIR (subscriptions, digests sent, replica claims) and the delivery port the digest
 * scheduler posts through.
 */
export { createStateStore, STATE_FILE, type StateStoreOptions } from './file-store.js';
export { acquireFileLock, LockTimeoutError, type FileLockOptions } from './file-lock.js';
export { DeliveryError, type DigestSender } from './delivery.js';
export type { ChannelRef, ClaimResult, Platform, StateStore } from './types.js';

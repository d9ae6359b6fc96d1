/**
 * The platform kit: machinery every chat adapter (Slack, Feishu, DingTalk) shares instead of carrying its own copy.
 * Platform-neutral — no platform SDK is imported under src/platform (test/boundary.test.ts).
 *
 * - `createOutbound`: every outbound HTTP call with a timeout, a bounded retry (timeouts, 5xx, 429 with
 *   Retry-After), its own connection pool with a per-target limit, and given-up calls logged and counted.
 * - `SeenKeys` / `createFileSeenKeys`: a time-windowed dedupe that survives restarts (files under DATA_DIR).
 * - `createAnswerer` over a `Conversation`: the one answering flow (command, page, share; where each answer goes;
 *   kind failures), run through `createWorkQueue`, the busy limiter.
 * - `drainQueue`: stop()'s bounded wait, with what was not delivered logged and counted; `createConnectionWatch`:
 *   /healthz for a long-lived connection (a grace period for reconnects).
 * - `createUploader`: a file sent in a private chat, added for ADMIN_USERS and refused for anyone else.
 * - `createDigestSender`: the daily reading's sender shape. `messages`: the kind words every adapter says.
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
export { createAnswerer, defaultPlace, type Answerer, type AnswererDeps, type Conversation } from './conversation.js';
export { createDigestSender, type DigestSenderOptions } from './digest-sender.js';
export { ALREADY_SHARED, BUSY, EXPIRED, SHARE_FAILED, SORRY, TEXT_ONLY, messageView, type ShareFailure } from './messages.js';
export { createWorkQueue, waitAtMost, type BusyReply, type WorkQueue, type WorkQueueOptions } from './work-queue.js';
export { drainQueue, type DrainOptions } from './shutdown.js';
export { createConnectionWatch, type ConnectionWatch, type ConnectionWatchOptions } from './connection-watch.js';
export { createBodyReader, InboundError, refuse, type BodyReader, type BodyReaderOptions } from './inbound.js';
export { FileError, fileErrorHint } from './file-errors.js';
export { once, type OnceOptions } from './once.js';
export { createUploader, NO_FILE, type FileSource, type Uploader, type UploaderDeps } from './uploads.js';

import type { Digest } from '../digest/types.js';
import type { Platform } from './types.js';

/**
 * Thrown by a platform adapter's sender when a post fails. `permanent` errors (channel_not_found,
 * not_in_channel, is_archived …) are not retried; others are retried with backoff, honouring retryAfterMs.
 */
export class DeliveryError extends Error {
  readonly code: string;
  readonly permanent: boolean;
  readonly retryAfterMs: number | undefined;
  constructor(code: string, message: string, options: { permanent: boolean; retryAfterMs?: number }) {
    super(message);
    this.name = 'DeliveryError';
    this.code = code;
    this.permanent = options.permanent;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The port through which the digest scheduler posts; each platform adapter provides one. */
export interface DigestSender {
  platform: Platform;
  /** Posts the digest to one channel; resolves only when the platform accepted it. Throws DeliveryError. */
  send(channelId: string, digest: Digest): Promise<void>;
  /**
   * Optional: whether this digest is already in the channel — looked up on the platform, not in our state. Asked
   * before posting again when an earlier post's answer never came (a timeout, a process killed mid-post), so that
   * a post that went out is not repeated. Resolves undefined when it cannot tell (a missing scope, an error):
   * the scheduler then posts.
   */
  wasDelivered?(channelId: string, digest: Digest): Promise<boolean | undefined>;
}

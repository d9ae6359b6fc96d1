/**
 * The digest sender's shape, the same for every platform: render the scheduled (non-preview) digest, post it
 * once, and turn whatever the post threw into the DeliveryError the scheduler retries or gives up on.
 */
import type { Digest } from '../digest/types.js';
import type { DigestView } from '../router/view-model.js';
import { DeliveryError, type DigestSender } from '../state/delivery.js';
import type { Platform } from '../state/types.js';

export interface DigestSenderOptions<R> {
  platform: Platform;
  render: (view: DigestView) => R;
  /** Posts the rendered digest to a channel; resolves once the platform accepted it. */
  post: (channelId: string, message: R, digest: Digest) => Promise<void>;
  /** Classifies a failed post (permanent or not, Retry-After). */
  toDeliveryError: (err: unknown, channelId: string) => DeliveryError;
  /** Called with each failure before it is thrown (a log line, say). */
  onFailure?: (error: DeliveryError, channelId: string, digest: Digest) => void;
  /** Whether the digest is already in the channel, looked up on the platform (see DigestSender.wasDelivered). */
  wasDelivered?: DigestSender['wasDelivered'];
}

export function createDigestSender<R>(o: DigestSenderOptions<R>): DigestSender {
  return {
    platform: o.platform,
    ...(o.wasDelivered ? { wasDelivered: o.wasDelivered } : {}),
    async send(channelId, digest) {
      const message = o.render({ kind: 'digest', lang: 'zh', digest, preview: false });
      try {
        await o.post(channelId, message, digest);
      } catch (err) {
        const delivery = err instanceof DeliveryError ? err : o.toDeliveryError(err, channelId);
        o.onFailure?.(delivery, channelId, digest);
        throw delivery;
      }
    },
  };
}

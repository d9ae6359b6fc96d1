import { createDigestSender } from '../platform/digest-sender.js';
import { DeliveryError, type DigestSender } from '../state/delivery.js';
import { toFeishuApiError, type FeishuApi } from './api.js';
import { idempotencyKey } from './crypto.js';
import { renderDigest } from './render/index.js';

/** A FeishuApiError (or anything an SDK call threw) as the DeliveryError the digest scheduler understands. */
export function toDeliveryError(err: unknown): DeliveryError {
  const e = toFeishuApiError(err);
  return new DeliveryError(e.code, e.message, {
    permanent: e.permanent,
    ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
  });
}

/**
 * Posts the daily digest card to a chat. The message carries a uuid derived from the chat and the date, so a
 * retry after a lost response cannot post the same day's digest twice (Feishu keeps a uuid for an hour).
 */
export function createFeishuDigestSender(api: FeishuApi, botName: () => string = () => '振兴'): DigestSender {
  return createDigestSender({
    platform: 'feishu',
    // Subscribed chats are groups almost always: the footer says "@振兴 退订", which works in a private chat too.
    render: (view) => renderDigest({ ...view, place: { kind: 'group', prefix: `@${botName()} `, privateAnswers: false } }),
    post: async (chatId, card, digest) => {
      await api.send(chatId, card, idempotencyKey('digest', chatId, digest.date));
    },
    toDeliveryError: (err) => toDeliveryError(err),
  });
}

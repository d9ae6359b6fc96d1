/**
 * The HTTP callback's signature, and the short tags that bind a share or page link to the user and group it was
 * made for. Both are HMAC-SHA256 keyed with the AppSecret (node:crypto), compared in constant time.
 */
import crypto from 'node:crypto';

/** DingTalk signs a callback with base64(HMAC-SHA256(key = AppSecret, message = timestamp + "\n" + AppSecret)). */
export function callbackSign(timestamp: string, appSecret: string): string {
  return crypto.createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`, 'utf8').digest('base64');
}

/** Constant-time comparison (different lengths compare unequal without leaking where). */
export function safeEqual(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb) && a.length === b.length;
}

/** DingTalk's timestamp is in milliseconds; one more than an hour away from our clock is refused. */
export const MAX_SKEW_MS = 60 * 60 * 1000;

export type SignCheck = 'ok' | 'missing' | 'stale' | 'bad';

export function checkCallbackSign(
  timestamp: string | undefined,
  sign: string | undefined,
  appSecret: string,
  nowMs: number,
): SignCheck {
  if (!timestamp || !sign) return 'missing';
  const ts = Number(timestamp);
  if (!/^\d{1,16}$/.test(timestamp) || Math.abs(nowMs - ts) > MAX_SKEW_MS) return 'stale';
  return safeEqual(callbackSign(timestamp, appSecret), sign) ? 'ok' : 'bad';
}

/** Hex characters in a group tag. 48 bits: guessing one for a given user and group is hopeless. */
export const TAG_CHARS = 12;

/**
 * The tag that lets `staffId` share into group `conversationId` from a private message: only results the bot sent
 * that user after a search in that group carry it, so nobody can post into a group by typing a command.
 */
export function groupTag(appSecret: string, staffId: string, conversationId: string): string {
  return crypto
    .createHmac('sha256', appSecret)
    .update(`zhenxing-share\n${staffId}\n${conversationId}`, 'utf8')
    .digest('hex')
    .slice(0, TAG_CHARS);
}

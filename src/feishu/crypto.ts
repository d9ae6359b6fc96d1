/**
 * Feishu's event encryption and request signatures, with node:crypto.
 *
 * Why not the SDK's own check: `EventDispatcher` recomputes the signature over `JSON.stringify` of the parsed
 * body rather than the raw bytes Feishu signed (any difference in spacing or escaping fails it), compares with
 * `===` rather than in constant time, never checks the Verification Token when no Encrypt Key is set, and its
 * `adaptDefault` answers 200 even when verification fails and only after the handler has finished.
 */
import crypto from 'node:crypto';
import { FeishuError } from './errors.js';

/**
 * Decrypts an `encrypt` field: AES-256-CBC, key = SHA-256 of the Encrypt Key, the first 16 bytes of the
 * base64-decoded data are the IV, PKCS#7 padding. Throws FeishuError DECRYPT_FAILED.
 */
export function decryptEvent(encryptKey: string, encrypted: string): string {
  const data = Buffer.from(encrypted, 'base64');
  if (data.length < 32 || data.length % 16 !== 0) {
    throw new FeishuError('DECRYPT_FAILED', `encrypted event has ${data.length} bytes; expected IV + whole AES blocks`);
  }
  const key = crypto.createHash('sha256').update(encryptKey, 'utf8').digest();
  try {
    const decipher = crypto.createDecipheriv('aes-256-cbc', key, data.subarray(0, 16));
    return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8');
  } catch {
    // A wrong key almost always shows up as bad padding.
    throw new FeishuError('DECRYPT_FAILED', 'could not decrypt the event: is FEISHU_ENCRYPT_KEY the app\'s Encrypt Key?');
  }
}

/** X-Lark-Signature: hex SHA-256 of timestamp + nonce + Encrypt Key + the raw request body. */
export function eventSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: Buffer | string): string {
  return crypto.createHash('sha256').update(timestamp + nonce + encryptKey, 'utf8').update(rawBody).digest('hex');
}

/** Constant-time string comparison (different lengths compare unequal without leaking where). */
export function safeEqual(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb) && a.length === b.length;
}

export function verifySignature(input: {
  timestamp: string;
  nonce: string;
  signature: string;
  encryptKey: string;
  rawBody: Buffer;
}): boolean {
  const expected = eventSignature(input.timestamp, input.nonce, input.encryptKey, input.rawBody);
  return safeEqual(expected, input.signature.toLowerCase());
}

/** A short idempotency key for Open API `uuid` (≤ 50 chars): Feishu sends at most one message per uuid an hour. */
export function idempotencyKey(kind: string, ...parts: string[]): string {
  return `${kind}-${crypto.createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40)}`;
}

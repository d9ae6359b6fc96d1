/**
 * SeenKeys in Redis (STATE_URL): one key per remembered id, `<prefix>seen:<name>:<key>`, set with SET NX PX, so of
 * two replicas that get the same share click or the same redelivered event exactly one is told "first", and the
 * key expires by itself when its window has passed.
 *
 * While Redis is away a store does one of two things, chosen by whoever guards what:
 * - `whenDown: 'local'` (events: a message to answer): remembers keys in this process and answers anyway, so users
 *   are still answered; a redelivery to another replica during the outage may be answered there too. The keys are
 *   written to Redis when it is back, so later redeliveries are caught everywhere.
 * - `whenDown: 'refuse'` (share clicks: a post into a channel): add() rejects with StateUnavailableError, so the
 *   adapter tells the user to try again rather than risk a second quote in the channel.
 */
import { createHash } from 'node:crypto';
import type { SeenKeys } from '../platform/seen-keys.js';
import { createMemorySeenKeys } from '../platform/seen-keys.js';
import type { Logger } from '../observability/logger.js';
import { isUnavailable, StateUnavailableError, type RedisConnection } from './redis-connection.js';

export interface RedisSeenKeysOptions {
  connection: RedisConnection;
  /** The store's name, part of each key. Letters, digits and dashes. */
  name: string;
  /** How long a key is remembered by default, in ms. */
  ttlMs: number;
  whenDown: 'local' | 'refuse';
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Key prefix. Default "zhenxing:". */
  prefix?: string;
}

/** Keys longer than this are stored as their SHA-256 (hostile ids must not make huge Redis keys). */
const MAX_KEY_CHARS = 200;

export function createRedisSeenKeys(options: RedisSeenKeysOptions): SeenKeys {
  const { connection, logger, whenDown } = options;
  const { client } = connection;
  const base = `${options.prefix ?? 'zhenxing:'}seen:${options.name}:`;
  const redisKey = (key: string) =>
    base + (key.length > MAX_KEY_CHARS ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key);
  /** Keys taken locally while Redis was away: key → expiry (ms), written to Redis when it is back. */
  const local = createMemorySeenKeys({ ttlMs: options.ttlMs });
  const owed = new Map<string, number>();
  let told = false;

  connection.onReady(() => {
    told = false;
    const entries = [...owed];
    owed.clear();
    const now = Date.now();
    for (const [key, expires] of entries) {
      if (expires <= now) continue;
      // NX: a replica that took the key meanwhile keeps its own window.
      client.set(redisKey(key), '1', 'PX', expires - now, 'NX').catch(() => owed.set(key, expires));
    }
  });

  function down(err: unknown, doing: string): void {
    if (told) return;
    told = true;
    logger.warn(
      { store: options.name, err: (err as Error)?.message },
      whenDown === 'local'
        ? `Redis is unavailable; ${options.name}: remembering keys in this process until it is back`
        : `Redis is unavailable; ${options.name}: ${doing} refused until it is back`,
    );
  }

  return {
    async add(key, ttlMs = options.ttlMs) {
      try {
        // A key this process took while Redis was away is still a repeat here.
        if (owed.has(key) && (await local.has(key))) return false;
        return (await client.set(redisKey(key), '1', 'PX', ttlMs, 'NX')) === 'OK';
      } catch (err) {
        if (!isUnavailable(err)) throw err;
        down(err, 'new keys');
        if (whenDown === 'refuse') throw new StateUnavailableError(`could not check ${options.name}`, err);
        const first = await local.add(key, ttlMs);
        if (first) owed.set(key, Date.now() + ttlMs);
        return first;
      }
    },
    async has(key) {
      try {
        return (await client.exists(redisKey(key))) === 1 || (owed.has(key) && (await local.has(key)));
      } catch (err) {
        if (!isUnavailable(err)) throw err;
        down(err, 'lookups');
        if (whenDown === 'refuse') throw new StateUnavailableError(`could not check ${options.name}`, err);
        return local.has(key);
      }
    },
    async delete(key) {
      owed.delete(key);
      await local.delete(key);
      try {
        await client.del(redisKey(key));
      } catch (err) {
        if (!isUnavailable(err)) throw err;
        // Left to expire: the guarded work is then refused as a repeat until the window ends, never done twice.
        logger.warn({ store: options.name }, `Redis is unavailable; ${options.name}: a key could not be forgotten and expires by itself`);
      }
    },
    async close() {},
  };
}

/**
 * One Redis connection per process for STATE_URL (ioredis), shared by the state store and the seen-keys stores,
 * plus a second connection for pub/sub (a subscribed connection can run no other command). Commands fail fast
 * while Redis is away (no offline queue, a per-command timeout) so that callers can fall back — answer from the
 * local mirror, queue a write — instead of hanging a user's request; the client keeps reconnecting in the
 * background and `onReady` callbacks run each time the connection comes (back).
 */
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type { Logger } from '../observability/logger.js';

// ioredis is loaded on the first connection, not with this module: the CLI reaches this module for every search (its
// vote reader) but needs Redis only with STATE_URL, and loading ioredis costs each process ~0.3 s.
const requireModule = createRequire(import.meta.url);
let RedisClient: typeof Redis | undefined;
const redisClass = (): typeof Redis => (RedisClient ??= (requireModule('ioredis') as typeof import('ioredis')).Redis);

export interface RedisConnectionOptions {
  /** STATE_URL: redis://[:password@]host:port[/db] (rediss:// for TLS). */
  url: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** A command not answered within this long fails (the caller falls back or retries). Default 2000 ms. */
  commandTimeoutMs?: number;
  /** Longest wait between reconnection attempts. Default 2000 ms. */
  maxReconnectDelayMs?: number;
}

export type RedisState = 'connecting' | 'ready' | 'down' | 'closed';

export interface RedisConnection {
  /** For commands. */
  readonly client: Redis;
  /** For SUBSCRIBE only. */
  readonly subscriber: Redis;
  /** STATE_URL with any password masked, for log lines and /healthz. */
  readonly safeUrl: string;
  state(): RedisState;
  /** Since when (ms since the epoch) the connection has been in its current state. */
  since(): number;
  /** The last connection error, while not ready. */
  lastError(): string | undefined;
  /** When the connection last came back after an outage (ms since the epoch), if it ever did. */
  recoveredAt(): number | undefined;
  /** Runs `listener` every time the command connection becomes ready (at start and after every outage). */
  onReady(listener: () => void): void;
  /** Resolves when ready, or false after `timeoutMs`. */
  waitReady(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export class StateUnavailableError extends Error {
  readonly code = 'state_unavailable';
  constructor(what: string, cause?: unknown) {
    super(`the state store (Redis) is unavailable: ${what}`, cause === undefined ? undefined : { cause });
    this.name = 'StateUnavailableError';
  }
}

/** Masks the password in a redis:// URL. */
export function maskRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return 'redis://(unparsable)';
  }
}

/** True for errors that say Redis could not be reached or did not answer (worth retrying), not a bad command. */
export function isUnavailable(err: unknown): boolean {
  const e = err as { name?: unknown } | null;
  return !(e && e.name === 'ReplyError');
}

export function createRedisConnection(options: RedisConnectionOptions): RedisConnection {
  const { logger } = options;
  const safeUrl = maskRedisUrl(options.url);
  const maxDelay = options.maxReconnectDelayMs ?? 2000;
  const common = {
    // Fail at once while disconnected rather than queue: the caller decides (mirror, pending writes, refusal).
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    connectTimeout: 2000,
    retryStrategy: (times: number) => Math.min(100 * 2 ** Math.min(times, 5), maxDelay),
    // A client name makes the replicas recognisable in CLIENT LIST.
    connectionName: 'zhenxing',
  };
  const Client = redisClass();
  const client = new Client(options.url, common);
  // The subscriber keeps its subscriptions in ioredis and re-subscribes on reconnect; its SUBSCRIBE waits in the
  // offline queue until Redis is there.
  const subscriber = new Client(options.url, {
    ...common,
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    commandTimeout: undefined,
    connectionName: 'zhenxing-changes',
  });

  let state: RedisState = 'connecting';
  let since = Date.now();
  let lastError: string | undefined;
  let recoveredAt: number | undefined;
  const readyListeners: (() => void)[] = [];
  const waiters = new Set<() => void>();

  const set = (next: RedisState) => {
    if (state === next) return;
    state = next;
    since = Date.now();
  };

  client.on('ready', () => {
    const wasDown = state === 'down';
    set('ready');
    lastError = undefined;
    if (wasDown) {
      recoveredAt = Date.now();
      logger.info({ url: safeUrl }, `Redis at ${safeUrl} is reachable again`);
    }
    for (const wake of [...waiters]) wake();
    for (const l of readyListeners) l();
  });
  client.on('error', (err: Error) => {
    const message = err.message || String(err);
    // One line per outage, not one per reconnection attempt.
    if (state !== 'down') {
      logger.error(
        { url: safeUrl, err: message },
        `Redis at ${safeUrl} is unavailable (${message}); searches are still answered, state writes are retried, and no digest is posted until it is back`,
      );
    }
    lastError = message;
    if (state !== 'closed') set('down');
  });
  client.on('end', () => {
    if (state !== 'closed') set('down');
  });
  client.on('close', () => {
    if (state !== 'ready') return;
    set('down');
    logger.error(
      { url: safeUrl },
      `lost the connection to Redis at ${safeUrl}; searches are still answered, state writes are retried, and no digest is posted until it is back`,
    );
    lastError = 'connection closed';
  });
  // Errors on the subscriber are the same outage, already logged for the client.
  subscriber.on('error', () => undefined);

  return {
    client,
    subscriber,
    safeUrl,
    state: () => state,
    since: () => since,
    lastError: () => lastError,
    recoveredAt: () => recoveredAt,
    onReady(listener) {
      readyListeners.push(listener);
    },
    waitReady(timeoutMs) {
      if (state === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(state === 'ready');
        };
        const timer = setTimeout(wake, timeoutMs);
        timer.unref();
        waiters.add(wake);
      });
    },
    async close() {
      set('closed');
      for (const wake of [...waiters]) wake();
      // QUIT lets replies in flight arrive; a connection that is not up (or does not answer within a second) is
      // simply dropped — a queued QUIT would wait for Redis forever.
      await Promise.all(
        [client, subscriber].map(async (c) => {
          if (c.status !== 'ready') return c.disconnect();
          const quit = c.quit().then(
            () => true,
            () => false,
          );
          const done = await Promise.race([quit, new Promise<false>((r) => setTimeout(() => r(false), 1000).unref())]);
          if (!done) c.disconnect();
        }),
      );
    },
  };
}

/**
 * Replicas of the state backend sharing one real redis-server, for the Redis state suites. Call it inside a
 * describe: redis-server runs for the describe; each test gets a fresh key prefix (and Redis back, if the test before
 * stopped it); after each test every replica is closed and its DATA_DIR removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createStateBackend, type StateBackend, type StateBackendOptions } from '../../src/state/backend.js';
import { captureLogger, type CapturedLogger } from '../scheduler/test-logger.js';
import { startRedis, type TestRedis } from './redis-server.js';

export type Replica = StateBackend & { log: CapturedLogger; dataDir: string };

export interface RedisReplicas {
  /** The redis-server (set once the describe's beforeAll has run). */
  readonly redis: TestRedis;
  /** This test's key prefix: `<keyPrefix><n>:`. */
  readonly prefix: string;
  /** DATA_DIRs removed after the test (a test adds those it makes itself). */
  readonly dirs: string[];
  /** Backends closed after the test (a test adds those it opens itself). */
  readonly backends: StateBackend[];
  /**
   * A replica: its own DATA_DIR (a fresh temp dir unless `over.dataDir`; either is removed after the test), its own
   * connections and a captured logger; settleMs 500 unless `over` says otherwise.
   */
  replica(over?: Partial<StateBackendOptions>): Promise<Replica>;
}

export function useRedisReplicas(options: { keyPrefix: string; tmpPrefix: string }): RedisReplicas {
  let redis: TestRedis | undefined;
  let prefixN = 0;
  let prefix = '';
  const dirs: string[] = [];
  const backends: StateBackend[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.close();
  });
  beforeEach(async () => {
    prefix = `${options.keyPrefix}${++prefixN}:`;
    if (!redis!.running()) await redis!.start();
  });
  afterEach(async () => {
    if (!redis!.running()) await redis!.start();
    await Promise.all(backends.splice(0).map((b) => b.close()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  return {
    get redis() {
      if (!redis) throw new Error('redis-server is not started yet (use it inside a test)');
      return redis;
    },
    get prefix() {
      return prefix;
    },
    dirs,
    backends,
    async replica(over = {}) {
      const dataDir = over.dataDir ?? mkdtempSync(path.join(os.tmpdir(), options.tmpPrefix));
      dirs.push(dataDir);
      const log = captureLogger();
      const b = await createStateBackend({ dataDir, stateUrl: redis!.url, logger: log.logger, prefix, settleMs: 500, ...over });
      backends.push(b);
      return Object.assign(b, { log, dataDir });
    },
  };
}

/**
 * Polls until `check` holds (pub/sub and reconnects are work a test cannot await); throws naming `what` after
 * `timeoutMs` (default 10 s, generous under load).
 */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Chooses where state lives, in one place for the bot (src/main.ts) and the CLI (`zhenxing state …`): the file
 * under DATA_DIR by default, Redis when STATE_URL is set. Either way the caller gets the same ports — a StateStore
 * for subscriptions and digests, and SeenKeys stores for dedupe — plus a status for /healthz and a snapshot for
 * export and import.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Gauge, type Registry } from 'prom-client';
import { z } from 'zod';
import type { Logger } from '../observability/logger.js';
import { createFileSeenKeys, type SeenKeys } from '../platform/seen-keys.js';
import { createStateStore } from './file-store.js';
import { createRedisConnection, type RedisConnection } from './redis-connection.js';
import { createRedisSeenKeys } from './redis-seen-keys.js';
import { createRedisStateStore, type RedisStateStore } from './redis-store.js';
import { PLATFORMS, type Platform, type StateSnapshot, type StateStore } from './types.js';

export interface StateBackendOptions {
  /** DATA_DIR: the state file (and file-backed seen keys) without STATE_URL. */
  dataDir: string;
  /** STATE_URL: redis://host:port[/db]. Absent: files under DATA_DIR. */
  stateUrl?: string | undefined;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** Redis key prefix. Default "zhenxing:". */
  prefix?: string;
  /** How long start-up waits for Redis before going on without it. Default 5000 ms. */
  startTimeoutMs?: number;
  /** After a Redis outage, claims wait this long for every replica to save what it kept. Default 5000 ms. */
  settleMs?: number;
}

/** The state store's health as /healthz shows it. */
export interface StateStatus {
  backend: 'file' | 'redis';
  /** False while Redis is unreachable or writes are waiting for it. */
  ok: boolean;
  /** file: 'ok'. redis: 'connecting', 'ready', 'down' or 'closed'. */
  state: string;
  /** redis: STATE_URL with the password masked. */
  url?: string;
  /** redis: writes kept here until Redis takes them. */
  pendingWrites?: number;
  /** redis, while down: since when (ISO time) and the last error. */
  downSince?: string;
  error?: string;
}

export interface SeenKeysRequest {
  /** Names the store: a file seen-<name>.jsonl, or Redis keys <prefix>seen:<name>:…. Letters, digits, dashes. */
  name: string;
  ttlMs: number;
  /**
   * With Redis, what to do while it is unreachable: 'local' remembers keys in this process and answers (events,
   * so users are answered); 'refuse' rejects (share clicks, so a quote is never posted twice). Default 'local'.
   */
  whenDown?: 'local' | 'refuse';
}

export interface ImportSummary {
  subscriptions: number;
  sent: number;
  failed: number;
  /** Sent or failed records older than the retention (35 days), left out. */
  expired: number;
}

export interface StateBackend {
  readonly kind: 'file' | 'redis';
  /** Where the state lives, for messages: the state file, or STATE_URL with the password masked. */
  readonly where: string;
  readonly store: StateStore;
  seenKeys(request: SeenKeysRequest): Promise<SeenKeys>;
  status(): StateStatus;
  /** Everything stored, for `zhenxing state export`. */
  exportState(): Promise<StateSnapshot>;
  /** Adds a snapshot to what is stored (a union: nothing is removed), for `zhenxing state import`. */
  importState(snapshot: StateSnapshot): Promise<ImportSummary>;
  /** Flushes pending writes and closes connections. */
  close(): Promise<void>;
}

export class StateImportError extends Error {
  readonly code = 'BAD_STATE_FILE';
  constructor(message: string) {
    super(message);
    this.name = 'StateImportError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Under DATA_DIR: state writes waiting for Redis (STATE_URL), saved when it is back. */
export const PENDING_FILE = 'state-pending.jsonl';
const RETAIN_DAYS = 35;

const snapshotSchema = z.object({
  version: z.literal(1),
  subscriptions: z.record(z.string(), z.array(z.string())).default({}),
  sent: z.record(z.string().regex(DATE), z.array(z.string())).default({}),
  failed: z.record(z.string().regex(DATE), z.record(z.string(), z.string())).default({}),
});

/**
 * Reads a state file or export (the same shape; claims are ignored). Throws StateImportError naming `source` and
 * the first problem.
 */
export function parseSnapshot(text: string, source: string): StateSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new StateImportError(`${source} is not JSON (${(err as Error).message})`);
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateImportError(
      `${source} is not a zhenxing state file or export (${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'})`,
    );
  }
  const unknown = Object.keys(parsed.data.subscriptions).filter((p) => !PLATFORMS.includes(p as Platform));
  if (unknown.length > 0) {
    throw new StateImportError(`${source} names an unknown platform "${unknown[0]}" (known: ${PLATFORMS.join(', ')})`);
  }
  return parsed.data as StateSnapshot;
}

const channelOf = (key: string) => {
  const i = key.indexOf(':');
  const platform = key.slice(0, i) as Platform;
  return i > 0 && PLATFORMS.includes(platform) ? { platform, id: key.slice(i + 1) } : undefined;
};

/** Writes a snapshot through the StateStore port, so both backends import the same way. */
async function importInto(store: StateStore, snapshot: StateSnapshot, today: string): Promise<ImportSummary> {
  const summary: ImportSummary = { subscriptions: 0, sent: 0, failed: 0, expired: 0 };
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - RETAIN_DAYS * 86_400_000).toISOString().slice(0, 10);
  for (const [platform, ids] of Object.entries(snapshot.subscriptions)) {
    for (const id of ids ?? []) {
      await store.subscribe({ platform: platform as Platform, id });
      summary.subscriptions += 1;
    }
  }
  for (const [date, keys] of Object.entries(snapshot.sent)) {
    for (const key of keys) {
      const channel = channelOf(key);
      if (!channel) throw new StateImportError(`sent.${date} names "${key}", which is not platform:id`);
      if (date < cutoff) {
        summary.expired += 1;
        continue;
      }
      await store.markSent(channel, date);
      summary.sent += 1;
    }
  }
  for (const [date, codes] of Object.entries(snapshot.failed)) {
    for (const [key, code] of Object.entries(codes)) {
      const channel = channelOf(key);
      if (!channel) throw new StateImportError(`failed.${date} names "${key}", which is not platform:id`);
      if (date < cutoff || !store.markFailed) {
        summary.expired += date < cutoff ? 1 : 0;
        continue;
      }
      await store.markFailed(channel, date, code);
      summary.failed += 1;
    }
  }
  await store.flush();
  return summary;
}

export async function createStateBackend(options: StateBackendOptions): Promise<StateBackend> {
  const { logger, dataDir } = options;
  const today = () => new Date().toISOString().slice(0, 10);

  if (!options.stateUrl) {
    const store = await createStateStore({ dataDir, logger });
    return {
      kind: 'file',
      where: store.file,
      store,
      seenKeys: (r) => createFileSeenKeys({ dataDir, name: r.name, ttlMs: r.ttlMs, logger }),
      status: () => ({ backend: 'file', ok: true, state: 'ok' }),
      async exportState() {
        await store.flush();
        // The store opened (and, if need be, repaired) the file; read it as it is now.
        const snap = parseSnapshot(readFileSync(store.file, 'utf8'), store.file);
        return { version: 1, subscriptions: snap.subscriptions, sent: snap.sent, failed: snap.failed };
      },
      importState: (snapshot) => importInto(store, snapshot, today()),
      close: () => store.flush(),
    };
  }

  const connection: RedisConnection = createRedisConnection({ url: options.stateUrl, logger });
  let store: RedisStateStore;
  try {
    store = await createRedisStateStore({
      connection,
      logger,
      ...(options.prefix ? { prefix: options.prefix } : {}),
      ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
      ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
      // Writes waiting for Redis survive a restart of this replica (a volume on DATA_DIR keeps them across pods too).
      pendingFile: path.join(dataDir, PENDING_FILE),
    });
  } catch (err) {
    await connection.close();
    throw err;
  }
  logger.info({ url: connection.safeUrl, state: connection.state() }, `state in Redis at ${connection.safeUrl}`);
  return {
    kind: 'redis',
    where: connection.safeUrl,
    store,
    async seenKeys(r) {
      return createRedisSeenKeys({
        connection,
        name: r.name,
        ttlMs: r.ttlMs,
        whenDown: r.whenDown ?? 'local',
        logger,
        ...(options.prefix ? { prefix: options.prefix } : {}),
      });
    },
    status() {
      const state = connection.state();
      const pendingWrites = store.pendingWrites();
      return {
        backend: 'redis',
        ok: state === 'ready' && pendingWrites === 0,
        state,
        url: connection.safeUrl,
        pendingWrites,
        ...(state === 'ready' ? {} : { downSince: new Date(connection.since()).toISOString() }),
        ...(connection.lastError() ? { error: connection.lastError() } : {}),
      };
    },
    exportState: () => store.exportState(),
    importState: (snapshot) => importInto(store, snapshot, today()),
    async close() {
      await store.flush();
      await store.close();
      await connection.close();
    },
  };
}

/**
 * `zhenxing_state_up` (1 while the state store can be written: always for files, while Redis is connected and no
 * write waits for it) and `zhenxing_state_pending_writes`, read at every scrape.
 */
export function registerStateMetrics(registry: Registry, backend: StateBackend): void {
  new Gauge({
    name: 'zhenxing_state_up',
    help: 'Whether the state store (files, or Redis with STATE_URL) can be written now, with no writes waiting',
    labelNames: ['backend'],
    registers: [registry],
    collect() {
      this.set({ backend: backend.kind }, backend.status().ok ? 1 : 0);
    },
  });
  new Gauge({
    name: 'zhenxing_state_pending_writes',
    help: 'State writes kept in this process until Redis takes them',
    registers: [registry],
    collect() {
      this.set(backend.status().pendingWrites ?? 0);
    },
  });
}

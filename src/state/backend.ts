/**
 * Chooses where state lives, in one place for the bot (src/main.ts) and the CLI (`zhenxing state …`): the file
 * under DATA_DIR by default, Redis when STATE_URL is set. Either way the caller gets the same ports — a StateStore
 * for subscriptions and digests, and SeenKeys stores for dedupe — plus a status for /healthz and a snapshot for
 * export and import.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { createFileSearchLog, DEFAULT_MAX_SEARCH_AGE_DAYS, SEARCH_LOG_FILE, toSearchLogEntry, type SearchLog, type SearchLogEntry } from '../feedback/search-log.js';
import { createFileVoteStore, voteSchema, VOTES_FILE, type Tally, type Vote, type VoteStore } from '../feedback/votes.js';
import type { Logger } from '../observability/logger.js';
import { createFileSeenKeys, type SeenKeys } from '../platform/seen-keys.js';
import { createStateStore } from './file-store.js';
import { createRedisConnection, StateUnavailableError, type RedisConnection } from './redis-connection.js';
import { createRedisSeenKeys } from './redis-seen-keys.js';
import { createRedisFeedback, importIds, type RedisFeedbackLimits } from './redis-feedback.js';
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
  /** Limits of the votes and the search log (both backends). Defaults: 50 000 votes; 20 000 searches, 90 days. */
  feedback?: RedisFeedbackLimits;
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
  /** Channels with a time or theme of their own. */
  settings: number;
  votes: number;
  /** Search log entries added (those already there, or older than the log keeps, are not). */
  searches: number;
  /** Sent or failed records older than the retention (35 days), or searches older than the log keeps, left out. */
  expired: number;
}

export interface StateBackend {
  readonly kind: 'file' | 'redis';
  /** Where the state lives, for messages: the state file, or STATE_URL with the password masked. */
  readonly where: string;
  readonly store: StateStore;
  /** 👍/👎 votes: a file under DATA_DIR, or Redis, shared by every replica. */
  readonly votes: VoteStore;
  /** The search log (no user or channel ids), bounded: a file under DATA_DIR, or Redis. */
  readonly searchLog: SearchLog;
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
  settings: z
    .record(z.string(), z.object({ time: z.string().regex(/^\d{2}:\d{2}$/).optional(), theme: z.string().optional() }))
    .default({}),
  lastSent: z.record(z.string(), z.object({ date: z.string().regex(DATE), at: z.number() })).default({}),
  votes: z.array(voteSchema).default([]),
  searches: z
    .array(
      z.object({
        at: z.number(),
        query: z.string(),
        count: z.number(),
        partial: z.boolean().default(false),
        corrected: z.boolean().default(false),
        platform: z.string().default('unknown'),
        id: z.string().optional(),
      }),
    )
    .default([]),
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

/** The search log's own fields, without the id Redis keeps. */
const logEntries = (entries: readonly SearchLogEntry[]): SearchLogEntry[] => entries.flatMap((e) => toSearchLogEntry(e) ?? []);

/**
 * Writes a snapshot through the ports (StateStore, VoteStore, SearchLog), so both backends import the same way, and
 * importing the same snapshot twice adds nothing the second time.
 */
async function importInto(
  target: { store: StateStore; votes: VoteStore; searchLog: SearchLog; maxSearchAgeDays: number; setLastSent?: RedisStateStore['setLastSent'] },
  snapshot: StateSnapshot,
  today: string,
): Promise<ImportSummary> {
  const { store } = target;
  const summary: ImportSummary = { subscriptions: 0, sent: 0, failed: 0, settings: 0, votes: 0, searches: 0, expired: 0 };
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
  for (const [key, settings] of Object.entries(snapshot.settings ?? {})) {
    const channel = channelOf(key);
    if (!channel) throw new StateImportError(`settings names "${key}", which is not platform:id`);
    if (!store.setSettings || (settings.time === undefined && settings.theme === undefined)) continue;
    await store.setSettings(channel, settings);
    summary.settings += 1;
  }
  for (const [key, last] of Object.entries(snapshot.lastSent ?? {})) {
    const channel = channelOf(key);
    if (!channel) throw new StateImportError(`lastSent names "${key}", which is not platform:id`);
    await target.setLastSent?.(channel, last);
  }
  // A vote replaces the voter's vote on that (query, passage) unless the one stored is newer: importing twice is one.
  for (const vote of snapshot.votes ?? []) {
    await target.votes.record(vote);
    summary.votes += 1;
  }
  if (snapshot.searches && snapshot.searches.length > 0) {
    const cutoff = Date.now() - target.maxSearchAgeDays * 86_400_000;
    // Entries already in the log (the same fields, as many times) are not added again.
    const have = new Map<string, number>();
    for (const e of await target.searchLog.list(0)) {
      const body = JSON.stringify(toSearchLogEntry(e));
      have.set(body, (have.get(body) ?? 0) + 1);
    }
    for (const e of importIds(snapshot.searches)) {
      if (e.at < cutoff) {
        summary.expired += 1;
        continue;
      }
      const body = JSON.stringify(toSearchLogEntry(e));
      const n = have.get(body) ?? 0;
      if (n > 0) {
        have.set(body, n - 1);
        continue;
      }
      await target.searchLog.record(e);
      summary.searches += 1;
    }
  }
  await store.flush();
  await target.votes.flush();
  await target.searchLog.flush();
  return summary;
}

export async function createStateBackend(options: StateBackendOptions): Promise<StateBackend> {
  const { logger, dataDir } = options;
  const today = () => new Date().toISOString().slice(0, 10);

  const maxSearchAgeDays = options.feedback?.maxSearchAgeDays ?? DEFAULT_MAX_SEARCH_AGE_DAYS;

  if (!options.stateUrl) {
    const store = await createStateStore({ dataDir, logger });
    const votes = await createFileVoteStore({ dataDir, logger, ...(options.feedback?.maxVotes ? { maxVotes: options.feedback.maxVotes } : {}) });
    const searchLog = await createFileSearchLog({
      dataDir,
      maxAgeDays: maxSearchAgeDays,
      ...(options.feedback?.maxSearches ? { maxEntries: options.feedback.maxSearches } : {}),
    });
    return {
      kind: 'file',
      where: store.file,
      store,
      votes,
      searchLog,
      seenKeys: (r) => createFileSeenKeys({ dataDir, name: r.name, ttlMs: r.ttlMs, logger }),
      status: () => ({ backend: 'file', ok: true, state: 'ok' }),
      async exportState() {
        await store.flush();
        // The store opened (and, if need be, repaired) the file; read it as it is now.
        const snap = parseSnapshot(readFileSync(store.file, 'utf8'), store.file);
        return {
          version: 1,
          subscriptions: snap.subscriptions,
          sent: snap.sent,
          failed: snap.failed,
          settings: snap.settings ?? {},
          lastSent: snap.lastSent ?? {},
          votes: await votes.list(),
          searches: await searchLog.list(),
        };
      },
      importState: (snapshot) => importInto({ store, votes, searchLog, maxSearchAgeDays }, snapshot, today()),
      async close() {
        await votes.flush();
        await searchLog.flush();
        await store.flush();
      },
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
      ...(options.feedback ? { feedback: options.feedback } : {}),
    });
  } catch (err) {
    await connection.close();
    throw err;
  }
  logger.info({ url: connection.safeUrl, state: connection.state() }, `state in Redis at ${connection.safeUrl}`);
  const redisStore = store;
  const votes: VoteStore = {
    record: (vote) => redisStore.recordVote(vote),
    tally: (query) => redisStore.tally(query),
    list: (since) => redisStore.listVotes(since),
    flush: () => redisStore.flush(),
  };
  const searchLog: SearchLog = {
    record: (entry) => redisStore.logSearch(entry),
    list: async (since) => logEntries(await redisStore.listSearches(since)),
    flush: () => redisStore.flush(),
  };
  return {
    kind: 'redis',
    where: connection.safeUrl,
    store,
    votes,
    searchLog,
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
    importState: (snapshot) =>
      importInto({ store, votes, searchLog, maxSearchAgeDays, setLastSent: (c, last) => redisStore.setLastSent(c, last) }, snapshot, today()),
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
  // Required here, not imported: the CLI loads this module for every search and never registers metrics, and
  // prom-client costs each process ~0.1–0.2 s to load.
  const { Gauge } = createRequire(import.meta.url)('prom-client') as typeof import('prom-client');
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

/** Votes and searches as `zhenxing report` and `zhenxing search --json` read them, writing nothing anywhere. */
export interface FeedbackReader {
  /** DATA_DIR, or STATE_URL with the password masked. */
  readonly where: string;
  tally(query: string): Promise<Map<string, Tally>>;
  votes(since?: number): Promise<Vote[]>;
  searches(since?: number): Promise<SearchLogEntry[]>;
  close(): Promise<void>;
}

/**
 * Opens the votes and the search log for reading: in Redis when STATE_URL is set (rejecting with
 * StateUnavailableError when it does not answer within `timeoutMs`), else the files under DATA_DIR (nothing is
 * created there when they do not exist).
 */
export async function openFeedbackReader(options: {
  dataDir: string;
  stateUrl?: string | undefined;
  prefix?: string;
  timeoutMs?: number;
}): Promise<FeedbackReader> {
  const { dataDir } = options;
  if (!options.stateUrl) {
    const votes = existsSync(path.join(dataDir, VOTES_FILE)) ? await createFileVoteStore({ dataDir }) : undefined;
    const log = existsSync(path.join(dataDir, SEARCH_LOG_FILE)) ? await createFileSearchLog({ dataDir }) : undefined;
    return {
      where: dataDir,
      tally: async (query) => (votes ? votes.tally(query) : new Map()),
      votes: async (since) => (votes ? votes.list(since) : []),
      searches: async (since) => (log ? log.list(since) : []),
      close: async () => undefined,
    };
  }
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const connection = createRedisConnection({ url: options.stateUrl, logger: quiet });
  if (!(await connection.waitReady(options.timeoutMs ?? 3000))) {
    await connection.close();
    throw new StateUnavailableError(`Redis at ${connection.safeUrl} did not answer`);
  }
  const feedback = createRedisFeedback(connection.client, options.prefix ?? 'zhenxing:');
  return {
    where: connection.safeUrl,
    tally: (query) => feedback.tally(query),
    votes: (since) => feedback.votes(since),
    searches: async (since) => logEntries(await feedback.searches(since)),
    close: () => connection.close(),
  };
}

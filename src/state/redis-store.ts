/**
 * The StateStore in Redis (STATE_URL), for several replicas that share nothing else. Keys, under the prefix
 * (default "zhenxing:"):
 *
 *   subs:<platform>                 SET of channel ids subscribed on that platform
 *   sent:<date>                     SET of "platform:id" whose digest for that date the platform accepted
 *   failed:<date>                   HASH "platform:id" → error code of a post that failed for good that date
 *   claim:<date>:<platform>:<id>    who is posting that digest (JSON), expiring after the claim's stale time
 *   settings                        HASH "platform:id" → the channel's own reading settings (JSON: time, theme)
 *   lastsent                        HASH "platform:id" → the last reading accepted there (JSON: date, at)
 *   votes:… searches                votes and the search log (see redis-feedback.ts)
 *   changes                         pub/sub channel: every change, so each replica's local mirror follows
 *
 * The once-per-channel-per-day guarantee rests on Redis alone: a claim is taken by one Lua script that checks the
 * sent set and the claim key and sets the claim atomically, and the claim expires by itself (PX) when its holder
 * dies. Reads (isSubscribed, subscriptions, wasSent, failureOf, settingsOf, lastSentOf) are synchronous in the StateStore port, so they are
 * answered from a local mirror that pub/sub keeps current, reloaded whole after every reconnection and before each
 * digest run (refresh).
 *
 * While Redis is away: reads answer from the mirror; writes (subscribe, unsubscribe, markSent, markFailed,
 * setSettings, votes, search log entries) change the mirror at once and are queued, retried in order until Redis
 * takes them; claims are refused, so no digest is posted that another replica might also post — the run is retried
 * later. Votes are read from Redis (the last tallies read are kept for while it is away); the queue holds at most
 * MAX_QUEUED_SEARCHES search log entries (later ones are not logged until Redis is back).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../observability/logger.js';
import { isGoneLocalProcess, thisProcess } from './file-lock.js';
import type { SearchLogEntry } from '../feedback/search-log.js';
import type { Tally, Vote, VoteValue } from '../feedback/votes.js';
import { isUnavailable, StateUnavailableError, type RedisConnection } from './redis-connection.js';
import { createRedisFeedback, newSearchId, type RedisFeedbackLimits, type StoredSearch } from './redis-feedback.js';
import {
  PLATFORMS,
  type ChannelRef,
  type ChannelSettings,
  type ClaimResult,
  type Platform,
  type StateSnapshot,
  type StateStore,
} from './types.js';

export interface RedisStateStoreOptions {
  connection: RedisConnection;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** Key prefix. Default "zhenxing:". */
  prefix?: string;
  /** Sent and failed records expire this many days after their date. Default 35. */
  retainDays?: number;
  /** A claim neither released nor renewed within this time expires (its holder died). Default 15 minutes. */
  claimStaleMs?: number;
  /** Names this process in claims. Default host:pid:random. */
  instanceId?: string;
  /** First wait before retrying queued writes; doubles up to 5 s. Default 250 ms. */
  retryDelayMs?: number;
  /** How long flush() waits for queued writes to reach Redis. Default 2000 ms. */
  flushTimeoutMs?: number;
  /** How long start-up waits for Redis before it goes on without it (degraded). Default 5000 ms. */
  startTimeoutMs?: number;
  /**
   * After an outage, claims are refused this long, so that every replica has reconnected and saved the records it
   * queued (a post made just before the outage) before anyone claims again. Default 5000 ms: more than the longest
   * wait between reconnection attempts (2 s).
   */
  settleMs?: number;
  /**
   * Where writes waiting for Redis are also kept (JSON lines), so that a restart while Redis is away does not lose
   * them: they are saved when Redis is back. Default: none (kept in memory only).
   */
  pendingFile?: string;
  /** Limits of the votes and the search log. */
  feedback?: RedisFeedbackLimits;
}

export interface RedisStateStore extends StateStore {
  settingsOf(channel: ChannelRef): ChannelSettings | undefined;
  setSettings(channel: ChannelRef, settings: ChannelSettings): Promise<void>;
  lastSentOf(channel: ChannelRef): { date: string; at: number } | undefined;
  /** Sets the last-sent record unless the one stored is for a later date (import). */
  setLastSent(channel: ChannelRef, last: { date: string; at: number }): Promise<void>;
  /** Writes waiting for Redis. */
  pendingWrites(): number;
  /** Stores a vote (queued while Redis is away: the earlier value is then unknown). */
  recordVote(vote: Vote): Promise<{ previous: VoteValue | undefined }>;
  /** Votes for one normalised query; while Redis is away, the tallies last read for it (or none). */
  tally(query: string): Promise<Map<string, Tally>>;
  /** Every vote at or after `since`, read from Redis (rejects while it is away). */
  listVotes(since?: number): Promise<Vote[]>;
  /** Adds a search log entry (queued while Redis is away); an entry with an id already stored is not added again. */
  logSearch(entry: SearchLogEntry & { id?: string }): Promise<void>;
  /** Search log entries at or after `since`, read from Redis (rejects while it is away). */
  listSearches(since?: number): Promise<StoredSearch[]>;
  /** Everything stored (for `zhenxing state export`). Reads Redis, not the mirror. */
  exportState(): Promise<StateSnapshot>;
  /** Stops the retry timer; the connection is closed by its owner. */
  close(): Promise<void>;
}

const channelKey = (c: ChannelRef) => `${c.platform}:${c.id}`;

/** Claim: granted unless sent already, or held by someone else (then its value and remaining ms). */
const CLAIM_LUA = `
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return {'sent'} end
local cur = redis.call('GET', KEYS[2])
if cur then
  local ok, held = pcall(cjson.decode, cur)
  if not ok or held.by ~= ARGV[4] then return {'claimed', cur, redis.call('PTTL', KEYS[2])} end
end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return {'granted'}`;

/** Takes over a claim only if it still has exactly the value judged stale. */
const TAKEOVER_LUA = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

/** Changes (ARGV[2] = new value) or deletes (no ARGV[2]) a claim only while it is ours. */
const OURS_LUA = `
local cur = redis.call('GET', KEYS[1])
if not cur then return 0 end
local ok, held = pcall(cjson.decode, cur)
if not ok or held.by ~= ARGV[1] then return 0 end
if ARGV[2] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) else redis.call('DEL', KEYS[1]) end
return 1`;

type Change =
  | { op: 'sub' | 'unsub'; platform: Platform; id: string }
  /** `at`: when it was accepted (the last-sent record); absent in queues written before it was recorded. */
  | { op: 'sent'; key: string; date: string; at?: number }
  | { op: 'failed'; key: string; date: string; code: string }
  /** Replaces the channel's settings ({}: cleared). */
  | { op: 'settings'; key: string; settings: ChannelSettings }
  /** The last-sent record, kept unless a later date is stored (import). */
  | { op: 'last'; key: string; date: string; at: number }
  | { op: 'vote'; vote: Vote }
  | { op: 'search'; entry: StoredSearch };

/** Search log entries the queue keeps while Redis is away; later ones are not logged (counted in a warning). */
export const MAX_QUEUED_SEARCHES = 5000;

/** How long a search waits for the votes on its query before it ranks with the tallies last read. */
const TALLY_WAIT_MS = 1000;

/** Changes that can be sent again without effect (re-sent after a crash mid-drain is harmless). */
const idempotent = (c: Change) => c.op === 'vote' || c.op === 'search' || c.op === 'sent' || c.op === 'failed' || c.op === 'last';

/** Changes sent side by side when queued: order-free and counted once however often they are sent. */
const batchable = (c: Change) => c.op === 'vote' || c.op === 'search';

/** Keeps the last-sent record unless a later date is stored. */
const LAST_LUA = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur then
  local ok, v = pcall(cjson.decode, cur)
  if ok and type(v) == 'table' and type(v.date) == 'string' and v.date > ARGV[2] then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`;

interface Pending {
  what: string;
  /** Re-applied to the mirror after a reload, until Redis has it. */
  change: Change;
  write: () => Promise<unknown>;
}

/** A change, said for log lines. */
function describe(c: Change): string {
  switch (c.op) {
    case 'sub':
      return `the subscription of ${c.platform}:${c.id}`;
    case 'unsub':
      return `the unsubscription of ${c.platform}:${c.id}`;
    case 'sent':
      return `the record that the digest for ${c.date} went to ${c.key}`;
    case 'failed':
      return `the record that the digest for ${c.date} to ${c.key} failed (${c.code})`;
    case 'settings':
      return `the reading settings of ${c.key}`;
    case 'last':
      return `the last reading sent to ${c.key}`;
    case 'vote':
      return `a vote on ${c.vote.passageId}`;
    case 'search':
      return 'a search log entry';
  }
}

function parseJson<T>(raw: string): Partial<T> | undefined {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' ? (v as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

/** "a; b; c", at most ten named. */
function listWhat(items: readonly { what: string }[]): string {
  const named = items.slice(0, 10).map((p) => p.what);
  return named.join('; ') + (items.length > 10 ? `; and ${items.length - 10} more` : '');
}

export async function createRedisStateStore(options: RedisStateStoreOptions): Promise<RedisStateStore> {
  const { connection, logger } = options;
  const { client, subscriber } = connection;
  const prefix = options.prefix ?? 'zhenxing:';
  const retainMs = (options.retainDays ?? 35) * 86_400_000;
  const claimStaleMs = options.claimStaleMs ?? 15 * 60_000;
  const me = thisProcess();
  const instanceId = options.instanceId ?? `${me.host}:${me.pid}:${randomUUID().slice(0, 8)}`;
  const baseRetry = options.retryDelayMs ?? 250;
  const flushTimeoutMs = options.flushTimeoutMs ?? 2000;
  const settleMs = options.settleMs ?? 5000;
  const changesChannel = `${prefix}changes`;

  const feedback = createRedisFeedback(client, prefix, options.feedback);
  const k = {
    settings: `${prefix}settings`,
    lastSent: `${prefix}lastsent`,
    subs: (p: Platform) => `${prefix}subs:${p}`,
    sent: (date: string) => `${prefix}sent:${date}`,
    failed: (date: string) => `${prefix}failed:${date}`,
    claim: (date: string, c: ChannelRef) => `${prefix}claim:${date}:${channelKey(c)}`,
  };
  /** Sent and failed records expire retainDays after their date. */
  const expireAt = (date: string) => Date.parse(`${date}T00:00:00Z`) + retainMs;

  // ---- the local mirror -----------------------------------------------------------------------------------------
  const subs = new Map<Platform, Set<string>>(PLATFORMS.map((p) => [p, new Set<string>()]));
  const sent = new Map<string, Set<string>>();
  const failed = new Map<string, Map<string, string>>();
  const settings = new Map<string, ChannelSettings>();
  const lastSent = new Map<string, { date: string; at: number }>();
  /** Tallies last read per query, answered while Redis is away (the most recent 1000 queries). */
  const tallies = new Map<string, Map<string, Tally>>();
  /** Changes heard while a reload is reading Redis, replayed over its snapshot. */
  let heardDuringReload: Change[] | undefined;

  function apply(c: Change): void {
    switch (c.op) {
      case 'sub':
        subs.get(c.platform)?.add(c.id);
        break;
      case 'unsub':
        subs.get(c.platform)?.delete(c.id);
        // A channel that subscribes again starts from the defaults.
        settings.delete(`${c.platform}:${c.id}`);
        break;
      case 'sent': {
        let s = sent.get(c.date);
        if (!s) sent.set(c.date, (s = new Set()));
        s.add(c.key);
        const last = lastSent.get(c.key);
        if (!last || last.date <= c.date) lastSent.set(c.key, { date: c.date, at: c.at ?? Date.now() });
        break;
      }
      case 'last': {
        const last = lastSent.get(c.key);
        if (!last || last.date <= c.date) lastSent.set(c.key, { date: c.date, at: c.at });
        break;
      }
      case 'settings':
        if (c.settings.time === undefined && c.settings.theme === undefined) settings.delete(c.key);
        else settings.set(c.key, { ...c.settings });
        break;
      case 'vote':
      case 'search':
        // Not mirrored: read from Redis.
        break;
      case 'failed': {
        let f = failed.get(c.date);
        if (!f) failed.set(c.date, (f = new Map()));
        f.set(c.key, c.code);
        break;
      }
    }
  }

  function heard(c: Change): void {
    apply(c);
    heardDuringReload?.push(c);
  }

  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== changesChannel) return;
    try {
      heard(JSON.parse(message) as Change);
    } catch {
      logger.warn({ channel }, `ignored an unreadable message on ${channel}`);
    }
  });

  /** Reads the keys matching `pattern` (SCAN, never KEYS: it does not block Redis). */
  async function scan(pattern: string): Promise<string[]> {
    const out: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      out.push(...keys);
    } while (cursor !== '0');
    return out;
  }

  /** Everything, read from Redis. */
  async function readAll(): Promise<StateSnapshot> {
    const snapshot: StateSnapshot = {
      version: 1,
      subscriptions: Object.fromEntries(PLATFORMS.map((p) => [p, [] as string[]])) as StateSnapshot['subscriptions'],
      sent: {},
      failed: {},
    };
    const subLists = await Promise.all(PLATFORMS.map((p) => client.smembers(k.subs(p))));
    PLATFORMS.forEach((p, i) => (snapshot.subscriptions[p] = (subLists[i] ?? []).sort()));
    const dateOf = (key: string, kind: string) => key.slice(`${prefix}${kind}:`.length);
    for (const key of await scan(`${prefix}sent:*`)) snapshot.sent[dateOf(key, 'sent')] = (await client.smembers(key)).sort();
    for (const key of await scan(`${prefix}failed:*`)) snapshot.failed[dateOf(key, 'failed')] = await client.hgetall(key);
    const [rawSettings, rawLast] = await Promise.all([client.hgetall(k.settings), client.hgetall(k.lastSent)]);
    snapshot.settings = {};
    for (const [key, raw] of Object.entries(rawSettings)) {
      const parsed = parseJson<ChannelSettings>(raw);
      if (!parsed) continue;
      const one: ChannelSettings = {};
      if (typeof parsed.time === 'string') one.time = parsed.time;
      if (typeof parsed.theme === 'string') one.theme = parsed.theme;
      snapshot.settings[key] = one;
    }
    snapshot.lastSent = {};
    for (const [key, raw] of Object.entries(rawLast)) {
      const parsed = parseJson<{ date: string; at: number }>(raw);
      if (parsed && typeof parsed.date === 'string' && typeof parsed.at === 'number') snapshot.lastSent[key] = { date: parsed.date, at: parsed.at };
    }
    return snapshot;
  }

  let reloading: Promise<void> | undefined;
  /** Replaces the mirror with what Redis holds, keeping changes heard meanwhile and writes still queued. */
  function reload(): Promise<void> {
    if (reloading) return reloading;
    let run: Promise<void> | undefined = undefined;
    run = (async () => {
      heardDuringReload = [];
      try {
        const snap = await readAll();
        for (const p of PLATFORMS) subs.set(p, new Set(snap.subscriptions[p] ?? []));
        sent.clear();
        for (const [date, keys] of Object.entries(snap.sent)) sent.set(date, new Set(keys));
        failed.clear();
        for (const [date, codes] of Object.entries(snap.failed)) failed.set(date, new Map(Object.entries(codes)));
        settings.clear();
        for (const [key, one] of Object.entries(snap.settings ?? {})) settings.set(key, one);
        lastSent.clear();
        for (const [key, last] of Object.entries(snap.lastSent ?? {})) lastSent.set(key, last);
        for (const c of heardDuringReload) apply(c);
        for (const p of pending) apply(p.change);
      } finally {
        heardDuringReload = undefined;
        if (reloading === run) reloading = undefined;
      }
    })();
    reloading = run;
    return run;
  }

  // ---- writes, queued while Redis is away ------------------------------------------------------------------------
  const pending: Pending[] = [];
  /** Search log writes started and not settled (not awaited by searches). */
  const logging = new Set<Promise<unknown>>();
  let retryTimer: NodeJS.Timeout | undefined;
  let retryDelay = baseRetry;
  let draining: Promise<void> | undefined;
  let closed = false;

  function scheduleDrain(): void {
    if (retryTimer || closed || pending.length === 0) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void drain();
    }, retryDelay);
    retryTimer.unref();
    retryDelay = Math.min(retryDelay * 2, 5000);
  }

  /** Search log entries in the queue, and those not logged because the queue had its fill of them. */
  let queuedSearches = 0;
  let droppedSearches = 0;
  /** The pending file still lists writes already sent that are harmless to send again: rewrite it when convenient. */
  let fileStale = false;

  /** Sends queued writes in order; stops at the first that fails and tries again later. */
  function drain(): Promise<void> {
    if (draining) return draining;
    if (pending.length === 0) return Promise.resolve();
    let run: Promise<void> | undefined = undefined;
    run = (async () => {
      // Let `draining` be set before the loop can end and clear it.
      await Promise.resolve();
      try {
        while (pending.length > 0) {
          // Votes and search entries at the head of the queue go together (up to 100 at once): their order does not
          // matter and sending one twice counts it once, so a batch that fails half-way is simply sent again.
          let n = 1;
          while (n < Math.min(100, pending.length) && batchable(pending[n]!.change) && batchable(pending[0]!.change)) n += 1;
          const batch = pending.slice(0, n);
          const results = await Promise.allSettled(batch.map((p) => p.write()));
          if (results.some((r) => r.status === 'rejected' && isUnavailable(r.reason))) {
            scheduleDrain();
            return;
          }
          results.forEach((r, i) => {
            if (r.status === 'fulfilled') return;
            const what = batch[i]!.what;
            logger.error({ err: r.reason, what }, `dropped a state write Redis refused: ${what} (${(r.reason as Error).message})`);
          });
          pending.splice(0, n);
          const next = batch[n - 1] as Pending;
          queuedSearches -= batch.filter((p) => p.change.op === 'search').length;
          // Rewriting the file after every write of a long queue (a day of searches) would be quadratic; writes that
          // may be sent twice are left in it until the end, the others are taken out at once.
          if (idempotent(next.change) && pending.length > 0) fileStale = true;
          else persist();
          if (pending.length === 0) {
            retryDelay = baseRetry;
            if (droppedSearches > 0) {
              logger.warn({ dropped: droppedSearches }, `${droppedSearches} searches were not logged while Redis was away (at most ${MAX_QUEUED_SEARCHES} are kept for it)`);
              droppedSearches = 0;
            }
            logger.info('queued state writes saved to Redis');
          }
        }
      } finally {
        if (fileStale) persist();
        if (draining === run) draining = undefined;
      }
    })();
    draining = run;
    return run;
  }

  /**
   * Applies `change` to the mirror and writes it to Redis. When Redis is away the write is queued (behind any
   * already queued, so order is kept) and the call resolves: the change is in effect here at once and reaches the
   * other replicas when Redis is back.
   */
  async function write<T>(change: Change, send: () => Promise<T>, offline: T): Promise<T> {
    apply(change);
    const what = describe(change);
    if (pending.length === 0) {
      try {
        return await send();
      } catch (err) {
        if (!isUnavailable(err)) throw err;
        logger.warn({ err: (err as Error).message, what }, `Redis is unavailable; ${what} is kept here and saved when it is back`);
      }
    }
    if (change.op === 'search') {
      if (queuedSearches >= MAX_QUEUED_SEARCHES) {
        if (droppedSearches++ === 0) {
          logger.warn(`Redis is still unavailable; ${MAX_QUEUED_SEARCHES} searches are kept for it, later ones are not logged until it is back`);
        }
        return offline;
      }
      queuedSearches += 1;
    }
    pending.push({ what, change, write: send });
    keep(change);
    scheduleDrain();
    return offline;
  }

  /** One change in one MULTI: the change, its expiry, the claim it ends, and the message to the other replicas. */
  function commandsFor(c: Change) {
    const m = client.multi();
    switch (c.op) {
      case 'sub':
        m.sadd(k.subs(c.platform), c.id);
        break;
      case 'unsub':
        m.srem(k.subs(c.platform), c.id).hdel(k.settings, `${c.platform}:${c.id}`);
        break;
      case 'sent':
        m.sadd(k.sent(c.date), c.key)
          .pexpireat(k.sent(c.date), expireAt(c.date))
          .del(`${prefix}claim:${c.date}:${c.key}`)
          .eval(LAST_LUA, 1, k.lastSent, c.key, c.date, JSON.stringify({ date: c.date, at: c.at ?? Date.now() }));
        break;
      case 'failed':
        m.hset(k.failed(c.date), c.key, c.code)
          .pexpireat(k.failed(c.date), expireAt(c.date))
          .del(`${prefix}claim:${c.date}:${c.key}`);
        break;
      case 'settings':
        if (c.settings.time === undefined && c.settings.theme === undefined) m.hdel(k.settings, c.key);
        else m.hset(k.settings, c.key, JSON.stringify(c.settings));
        break;
      case 'last':
        m.eval(LAST_LUA, 1, k.lastSent, c.key, c.date, JSON.stringify({ date: c.date, at: c.at }));
        break;
      case 'vote':
      case 'search':
        break;
    }
    return m.publish(changesChannel, JSON.stringify(c)).exec();
  }

  /** Sends one change: votes and search entries through redis-feedback, the rest as one MULTI. */
  function sendChange(c: Change): Promise<unknown> {
    if (c.op === 'vote') return feedback.sendVote(c.vote);
    if (c.op === 'search') return feedback.sendSearch(c.entry);
    return commandsFor(c);
  }

  /** Whether the first command of the MULTI changed anything (SADD/SREM answered 1). */
  const changedBy = (res: Awaited<ReturnType<typeof commandsFor>>) => res?.[0]?.[1] === 1;

  /** Adds a queued write to pendingFile (one line appended: a crash mid-line loses only that line). */
  function keep(change: Change): void {
    const file = options.pendingFile;
    if (!file) return;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      appendFileSync(file, `${JSON.stringify(change)}\n`);
    } catch (err) {
      logger.warn({ file, err: (err as Error).message }, `could not keep the queued state writes in ${file}; they are kept in memory`);
    }
  }

  /** Rewrites pendingFile from the queue (atomically), or removes it when the queue is empty. */
  function persist(): void {
    const file = options.pendingFile;
    fileStale = false;
    if (!file) return;
    try {
      if (pending.length === 0) {
        unlinkSync(file);
        return;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, pending.map((p) => `${JSON.stringify(p.change)}\n`).join(''));
      renameSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && pending.length === 0) return;
      logger.warn({ file, err: (err as Error).message }, `could not keep the queued state writes in ${file}; they are kept in memory`);
    }
  }

  /** Writes queued by an earlier run of this replica that Redis never got (it stopped while Redis was away). */
  function restorePending(): void {
    const file = options.pendingFile;
    if (!file) return;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const change = JSON.parse(line) as Change;
        if (change.op === 'search') {
          if (queuedSearches >= MAX_QUEUED_SEARCHES) continue;
          queuedSearches += 1;
        }
        apply(change);
        pending.push({ what: describe(change), change, write: () => sendChange(change) });
      } catch {
        /* a line cut short */
      }
    }
    if (pending.length > 0) {
      logger.warn({ file, writes: pending.length }, `${pending.length} state write${pending.length === 1 ? '' : 's'} kept from before a restart will be saved to Redis: ${listWhat(pending)}`);
    }
  }

  // ---- start ------------------------------------------------------------------------------------------------------
  restorePending();
  connection.onReady(() => {
    // Queued writes first, then a fresh mirror: changes published while we were away were missed.
    void drain()
      .then(() => reload())
      .catch((err: unknown) => logger.warn({ err }, 'could not reload the state from Redis'));
    // Once more when the other replicas have had time to save what they kept (they may reconnect after us, and our
    // subscription to their messages may come back after they published).
    setTimeout(() => {
      if (!closed && connection.state() === 'ready') void reload().catch(() => undefined);
    }, settleMs).unref();
  });
  // The subscriber re-subscribes by itself after an outage; what was published before it did is read by a reload.
  // The reload waits for Redis to confirm the subscription (subscribing again is harmless): a change saved after the
  // reload has read Redis is then published to a subscription already in place, so no change falls between the two
  // however slow the machine is (a fixed 100 ms wait did not hold under load).
  subscriber.on('ready', () => {
    void subscriber
      .subscribe(changesChannel)
      .then(() => (!closed && connection.state() === 'ready' ? reload() : undefined))
      .catch(() => undefined);
  });
  const startTimeoutMs = options.startTimeoutMs ?? 5000;
  const subscribed = subscriber.subscribe(changesChannel).then(
    () => true,
    () => false,
  );
  const deadline = Date.now() + startTimeoutMs;
  await Promise.race([subscribed, new Promise((r) => setTimeout(r, startTimeoutMs).unref())]);
  if (await connection.waitReady(Math.max(0, deadline - Date.now()))) {
    await reload().catch((err: unknown) => logger.warn({ err }, 'could not load the state from Redis'));
  } else {
    logger.error(
      { url: connection.safeUrl },
      `Redis at ${connection.safeUrl} did not answer at start; starting without it (no subscriptions known yet), and loading the state when it answers`,
    );
  }

  const claimValue = (posting: boolean) => JSON.stringify({ by: instanceId, at: Date.now(), ...me, posting });

  function ours(key: string, value?: string): Promise<unknown> {
    return value === undefined
      ? client.eval(OURS_LUA, 1, key, instanceId)
      : client.eval(OURS_LUA, 1, key, instanceId, value, claimStaleMs);
  }

  return {
    async subscribe(channel) {
      const was = subs.get(channel.platform)?.has(channel.id) ?? false;
      const change: Change = { op: 'sub', platform: channel.platform, id: channel.id };
      return write(change, async () => changedBy(await commandsFor(change)), !was);
    },

    async unsubscribe(channel) {
      const was = subs.get(channel.platform)?.has(channel.id) ?? false;
      const change: Change = { op: 'unsub', platform: channel.platform, id: channel.id };
      return write(change, async () => changedBy(await commandsFor(change)), was);
    },

    isSubscribed(channel) {
      return subs.get(channel.platform)?.has(channel.id) ?? false;
    },

    subscriptions(platform) {
      const platforms = platform ? [platform] : PLATFORMS;
      return platforms.flatMap((p) => [...(subs.get(p) ?? [])].sort().map((id) => ({ platform: p, id })));
    },

    wasSent(channel, date) {
      return sent.get(date)?.has(channelKey(channel)) ?? false;
    },

    async markSent(channel, date) {
      const change: Change = { op: 'sent', key: channelKey(channel), date, at: Date.now() };
      await write(change, () => commandsFor(change), undefined);
    },

    async markFailed(channel, date, code) {
      const change: Change = { op: 'failed', key: channelKey(channel), date, code };
      await write(change, () => commandsFor(change), undefined);
    },

    failureOf(channel, date) {
      return failed.get(date)?.get(channelKey(channel));
    },

    settingsOf(channel) {
      const found = settings.get(channelKey(channel));
      return found ? { ...found } : undefined;
    },

    async setSettings(channel, next) {
      const one: ChannelSettings = {};
      if (next.time !== undefined) one.time = next.time;
      if (next.theme !== undefined) one.theme = next.theme;
      const change: Change = { op: 'settings', key: channelKey(channel), settings: one };
      await write(change, () => commandsFor(change), undefined);
    },

    lastSentOf(channel) {
      const found = lastSent.get(channelKey(channel));
      return found ? { ...found } : undefined;
    },

    async setLastSent(channel, last) {
      const change: Change = { op: 'last', key: channelKey(channel), date: last.date, at: last.at };
      await write(change, () => commandsFor(change), undefined);
    },

    async recordVote(vote) {
      const change: Change = {
        op: 'vote',
        vote: { query: vote.query, passageId: vote.passageId, voter: vote.voter, value: vote.value, platform: vote.platform, at: vote.at },
      };
      const previous = await write(change, () => feedback.sendVote(change.vote), undefined);
      // Read afresh next time (a vote kept for later leaves the last tallies read: its effect is not known yet).
      if (pending.length === 0) tallies.delete(vote.query);
      return { previous };
    },

    async tally(query) {
      if (connection.state() === 'ready') {
        try {
          // A search waits at most TALLY_WAIT_MS for the votes; then it ranks with the tallies last read.
          const fresh = await Promise.race([
            feedback.tally(query),
            new Promise<undefined>((r) => setTimeout(() => r(undefined), TALLY_WAIT_MS).unref()),
          ]);
          if (fresh) {
            tallies.delete(query);
            tallies.set(query, fresh);
            if (tallies.size > 1000) tallies.delete(tallies.keys().next().value as string);
            return new Map(fresh);
          }
        } catch (err) {
          if (!isUnavailable(err)) throw err;
        }
      }
      return new Map(tallies.get(query) ?? []);
    },

    listVotes: (since) => feedback.votes(since),

    logSearch(entry) {
      const stored: StoredSearch = {
        id: entry.id ?? newSearchId(),
        at: entry.at,
        query: entry.query,
        count: entry.count,
        partial: entry.partial,
        corrected: entry.corrected,
        platform: entry.platform,
      };
      const change: Change = { op: 'search', entry: stored };
      // Not awaited by the search: its answer never waits for Redis. flush() waits for these.
      const p = write(change, () => feedback.sendSearch(stored), undefined).catch((err: unknown) =>
        logger.warn({ err }, `a search could not be logged: ${(err as Error).message}`),
      );
      logging.add(p);
      void p.finally(() => logging.delete(p));
      return Promise.resolve();
    },

    listSearches: (since) => feedback.searches(since),

    async claim(channel, date): Promise<ClaimResult> {
      const key = k.claim(date, channel);
      // A claim left by a post made just before a long outage may have expired meanwhile, while its holder's record
      // of the post still waits in that holder's queue: give every replica time to reconnect and save it.
      const back = connection.recoveredAt();
      if (back !== undefined && Date.now() - back < settleMs) {
        throw new StateUnavailableError(`Redis is back since ${Date.now() - back} ms; claims wait ${settleMs} ms for every replica to save what it kept`);
      }
      let res: [string, string?, number?];
      try {
        res = (await client.eval(CLAIM_LUA, 2, k.sent(date), key, channelKey(channel), claimValue(true), claimStaleMs, instanceId)) as [
          string,
          string?,
          number?,
        ];
      } catch (err) {
        // Without Redis nobody can tell whether another replica is posting: post nothing, try again later.
        if (isUnavailable(err)) throw new StateUnavailableError(`could not claim the digest for ${channelKey(channel)} on ${date}`, err);
        throw err;
      }
      if (res[0] === 'sent') {
        apply({ op: 'sent', key: channelKey(channel), date });
        return { granted: false, reason: 'sent' };
      }
      if (res[0] === 'claimed') {
        const raw = res[1] as string;
        let held: { by?: string; posting?: boolean; host?: string; pid?: number; started?: number } = {};
        try {
          held = JSON.parse(raw) as typeof held;
        } catch {
          /* an unreadable claim waits out its expiry */
        }
        // A holder on this host that is no longer running and had no post in flight cannot have posted.
        const dead = held.posting === false && isGoneLocalProcess(held);
        const taken = dead && (await client.eval(TAKEOVER_LUA, 1, key, raw, claimValue(true), claimStaleMs)) === 1;
        if (!taken) {
          return { granted: false, reason: 'claimed', by: held.by ?? 'unknown', staleAt: Date.now() + Math.max(0, Number(res[2] ?? 0)) };
        }
        logger.info({ channel, date, by: held.by }, `claim on the digest for ${channelKey(channel)} on ${date} by ${held.by} is taken over: that process is no longer running`);
      }
      return {
        granted: true,
        async release() {
          try {
            await ours(key);
          } catch (err) {
            if (!isUnavailable(err)) throw err;
            // Left to expire: until then no replica posts it, which is the safe side.
            logger.warn({ channel, date }, `could not release the claim on ${channelKey(channel)} for ${date} (Redis unavailable); it expires by itself`);
          }
        },
        async setPosting(posting) {
          await ours(key, claimValue(posting));
        },
      };
    },

    async refresh() {
      if (connection.state() !== 'ready') return;
      if (pending.length > 0) await drain();
      await reload();
    },

    async flush() {
      await Promise.all([...logging]);
      if (pending.length === 0 && !draining) return;
      const until = Date.now() + flushTimeoutMs;
      while ((pending.length > 0 || draining) && Date.now() < until) {
        await drain();
        if (pending.length > 0) await new Promise((r) => setTimeout(r, 50));
      }
      if (pending.length > 0) {
        logger.error(
          { writes: pending.length },
          `${pending.length} state write${pending.length === 1 ? '' : 's'} could not be saved to Redis before stopping: ${listWhat(pending)}`,
        );
      }
    },

    pendingWrites: () => pending.length,

    async exportState() {
      const [snap, votes, searches] = await Promise.all([readAll(), feedback.votes(), feedback.searches()]);
      return { ...snap, votes, searches };
    },

    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
    },
  };
}

/**
 * Votes and the search log in Redis (STATE_URL), so that replicas share them: a vote through one replica moves the
 * ranking on every replica, and `zhenxing report` counts the searches of all. Keys, under the prefix:
 *
 *   votes:q:<query>     HASH "<passageId>\0<voter>" → the vote (JSON), one per (query, passage, voter)
 *   votes:time          ZSET "<query key>\0<passageId>\0<voter>" scored by when: the order for listing and trimming
 *   searches            ZSET of entries (JSON with a random id, no user or channel ids) scored by when
 *
 * Every write here can be sent twice without counting twice — a write queued while Redis was away and sent again
 * after a reply was lost, or a re-import: a vote replaces the voter's vote on that (query, passage) unless the one
 * stored is newer, and a search entry is a set member with its own id.
 *
 * The vote script reaches keys it computes (the query hash of a vote it trims): fine on one Redis or a replicated
 * pair, not on Redis Cluster (documented in docs/replicas.md).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { DEFAULT_MAX_SEARCH_AGE_DAYS, DEFAULT_MAX_SEARCHES, toSearchLogEntry, type SearchLogEntry } from '../feedback/search-log.js';
import { DEFAULT_MAX_VOTES, tallyVotes, type Tally, type Vote, type VoteValue } from '../feedback/votes.js';

export interface RedisFeedbackLimits {
  /** Votes kept; past it the oldest are dropped. Default 50 000 (as the file store). */
  maxVotes?: number;
  /** Search log entries kept. Default 20 000. */
  maxSearches?: number;
  /** Search log entries older than this are dropped. Default 90. */
  maxSearchAgeDays?: number;
}

/** A search log entry as kept in Redis: with an id, so that sending it twice stores it once. */
export type StoredSearch = SearchLogEntry & { id: string };

/** Queries longer than this are keyed by their SHA-256 (a hostile query must not make a huge key). */
const MAX_QUERY_KEY = 200;

const queryKey = (query: string) =>
  query.length > MAX_QUERY_KEY || query.includes('\u0000') ? `sha256:${createHash('sha256').update(query).digest('hex')}` : query;

/**
 * Stores a vote unless the voter's stored vote on that (query, passage) is newer; trims the oldest past the limit.
 * Returns {'stored'|'older', previous value or nil}.
 */
const VOTE_LUA = `
local old = redis.call('HGET', KEYS[1], ARGV[1])
local prev = false
if old then
  local ok, v = pcall(cjson.decode, old)
  if ok and type(v) == 'table' then
    if tonumber(v.at) and tonumber(v.at) > tonumber(ARGV[3]) then return {'older', v.value} end
    prev = v.value
  end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
local extra = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[5])
if extra > 0 then
  for _, m in ipairs(redis.call('ZRANGE', KEYS[2], 0, extra - 1)) do
    local i = string.find(m, '\\0', 1, true)
    if i then redis.call('HDEL', ARGV[6] .. string.sub(m, 1, i - 1), string.sub(m, i + 1)) end
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, extra - 1)
end
return {'stored', prev}`;

export interface RedisFeedback {
  /** Sends one vote; resolves with the voter's earlier value on that (query, passage). */
  sendVote(vote: Vote): Promise<VoteValue | undefined>;
  /** Sends one search log entry (trimming the log by age and size). */
  sendSearch(entry: StoredSearch): Promise<void>;
  tally(query: string): Promise<Map<string, Tally>>;
  votes(since?: number): Promise<Vote[]>;
  searches(since?: number): Promise<StoredSearch[]>;
}

/** A fresh id for a search entry. */
export const newSearchId = (): string => randomUUID();

/**
 * Ids for entries that came without one (a file log being imported): the same entries get the same ids, so
 * importing the same file twice stores each entry once.
 */
export function importIds(entries: readonly SearchLogEntry[]): StoredSearch[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const { at, query, count, partial, corrected, platform } = e;
    const body = JSON.stringify({ at, query, count, partial, corrected, platform });
    const n = (seen.get(body) ?? 0) + 1;
    seen.set(body, n);
    const given = (e as Partial<StoredSearch>).id;
    return { at, query, count, partial, corrected, platform, id: typeof given === 'string' && given !== '' ? given : createHash('sha256').update(`${body}\u0000${n}`).digest('base64url').slice(0, 22) };
  });
}

function parseVote(raw: string | null | undefined): Vote | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<Vote>;
    if (typeof v.query !== 'string' || typeof v.passageId !== 'string' || typeof v.voter !== 'string') return undefined;
    if (v.value !== 'up' && v.value !== 'down') return undefined;
    return { query: v.query, passageId: v.passageId, voter: v.voter, value: v.value, platform: String(v.platform ?? 'unknown'), at: Number(v.at ?? 0) };
  } catch {
    return undefined;
  }
}

function parseSearch(raw: string): StoredSearch | undefined {
  try {
    const e = JSON.parse(raw) as Partial<StoredSearch>;
    const entry = toSearchLogEntry(e);
    return entry && typeof e.id === 'string' ? { id: e.id, ...entry } : undefined;
  } catch {
    return undefined;
  }
}

export function createRedisFeedback(client: Redis, prefix: string, limits: RedisFeedbackLimits = {}): RedisFeedback {
  const maxVotes = Math.max(1, limits.maxVotes ?? DEFAULT_MAX_VOTES);
  const maxSearches = Math.max(1, limits.maxSearches ?? DEFAULT_MAX_SEARCHES);
  const maxSearchAgeMs = (limits.maxSearchAgeDays ?? DEFAULT_MAX_SEARCH_AGE_DAYS) * 86_400_000;
  const qPrefix = `${prefix}votes:q:`;
  const votesByTime = `${prefix}votes:time`;
  const searchesKey = `${prefix}searches`;

  return {
    async sendVote(vote) {
      const qk = queryKey(vote.query);
      const field = `${vote.passageId}\u0000${vote.voter}`;
      const stored: Vote = {
        query: vote.query,
        passageId: vote.passageId,
        voter: vote.voter,
        value: vote.value,
        platform: vote.platform,
        at: vote.at,
      };
      const res = (await client.eval(VOTE_LUA, 2, qPrefix + qk, votesByTime, field, JSON.stringify(stored), vote.at, `${qk}\u0000${field}`, maxVotes, qPrefix)) as [
        string,
        string | null,
      ];
      const prev = res[1];
      return prev === 'up' || prev === 'down' ? prev : undefined;
    },

    async sendSearch(entry) {
      const { id, at, query, count, partial, corrected, platform } = entry;
      await client
        .multi()
        .zadd(searchesKey, at, JSON.stringify({ id, at, query, count, partial, corrected, platform }))
        .zremrangebyscore(searchesKey, '-inf', `(${Date.now() - maxSearchAgeMs}`)
        .zremrangebyrank(searchesKey, 0, -(maxSearches + 1))
        .exec();
    },

    async tally(query) {
      const raws = await client.hvals(qPrefix + queryKey(query));
      return tallyVotes(raws.flatMap((raw) => parseVote(raw) ?? []), query);
    },

    async votes(since = 0) {
      const members = await client.zrangebyscore(votesByTime, since, '+inf');
      if (members.length === 0) return [];
      const pipe = client.pipeline();
      for (const m of members) {
        const i = m.indexOf('\u0000');
        pipe.hget(qPrefix + m.slice(0, i), m.slice(i + 1));
      }
      const replies = (await pipe.exec()) ?? [];
      return replies.flatMap(([, raw]) => parseVote(raw as string | null) ?? []);
    },

    async searches(since = 0) {
      const cutoff = Math.max(since, Date.now() - maxSearchAgeMs);
      const raws = await client.zrangebyscore(searchesKey, cutoff, '+inf');
      return raws.flatMap((r) => parseSearch(r) ?? []).slice(-maxSearches);
    },
  };
}

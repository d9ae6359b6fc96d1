/**
 * 👍/👎 votes on results, one per (normalised query, passage, user): a user's second vote on the same passage for
 * the same query replaces the first. The port is small and async so that a shared store (Redis, for replicas) can
 * sit beside the file store below.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { acquireFileLock } from '../state/file-lock.js';
import { createSerialQueue } from '../platform/serial-queue.js';
import { sameVersion, versionOf, writeAtomic, type FileVersion } from './atomic-file.js';

export type VoteValue = 'up' | 'down';

export interface Vote {
  /** The normalised query the result was shown for. */
  query: string;
  passageId: string;
  /** Who voted: an opaque hash of platform and user id (see voterKey), never the id itself. */
  voter: string;
  value: VoteValue;
  /** 'slack' | 'feishu' | 'dingtalk' | 'console'. */
  platform: string;
  /** When, ms since the epoch. */
  at: number;
}

/** Up and down votes on one passage for one query. */
export interface Tally {
  up: number;
  down: number;
}

export interface VoteStore {
  /** Stores the vote, replacing the voter's earlier vote on the same (query, passage). Resolves with that earlier value. */
  record(vote: Vote): Promise<{ previous: VoteValue | undefined }>;
  /** Votes per passage id for one normalised query (passages without votes are absent). */
  tally(query: string): Promise<Map<string, Tally>>;
  /** Every vote cast at or after `since` (ms since the epoch; default all), oldest first. */
  list(since?: number): Promise<Vote[]>;
  /** Resolves once pending writes are on disk. */
  flush(): Promise<void>;
}

/** A voter key that tells voters apart without storing who they are. */
export function voterKey(platform: string, userId: string): string {
  return createHash('sha256').update(`${platform}\u0000${userId}`).digest('base64url').slice(0, 22);
}

export const VOTES_FILE = 'feedback-votes.json';

/** Votes kept by default (both stores); past it the oldest are dropped. */
export const DEFAULT_MAX_VOTES = 50_000;

/** A stored vote as JSON carries it: the votes file, a state export, and the snapshot an import reads. */
export const voteSchema = z.object({
  query: z.string(),
  passageId: z.string(),
  voter: z.string(),
  value: z.enum(['up', 'down']),
  platform: z.string(),
  at: z.number(),
});

/** Up and down votes per passage among `votes` cast for `query` (passages without votes are absent). */
export function tallyVotes(votes: Iterable<Vote>, query: string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const v of votes) {
    if (v.query !== query) continue;
    const t = out.get(v.passageId) ?? { up: 0, down: 0 };
    t[v.value] += 1;
    out.set(v.passageId, t);
  }
  return out;
}

export interface FileVoteStoreOptions {
  /** DATA_DIR; created when missing. */
  dataDir: string;
  /** Votes kept; past it the oldest are dropped. Default 50 000. */
  maxVotes?: number;
  logger?: { warn(obj: object, msg: string): void };
}

const fileSchema = z.object({
  version: z.literal(1),
  votes: z.array(voteSchema),
});

const keyOf = (v: Pick<Vote, 'query' | 'passageId' | 'voter'>) => `${v.query}\u0000${v.passageId}\u0000${v.voter}`;

/** Votes as one JSON file under DATA_DIR, rewritten atomically under a lock file so replicas sharing it take turns. */
export async function createFileVoteStore(options: FileVoteStoreOptions): Promise<VoteStore & { readonly file: string }> {
  const file = path.join(options.dataDir, VOTES_FILE);
  const maxVotes = Math.max(1, options.maxVotes ?? DEFAULT_MAX_VOTES);
  await fs.mkdir(options.dataDir, { recursive: true });

  let votes: Vote[] = [];
  let seen: FileVersion | undefined;
  const queue = createSerialQueue();

  /** The newest votes on disk (a corrupt file is set aside once, with a warning, and counts as empty). */
  async function load(): Promise<Vote[]> {
    const v = await versionOf(file);
    if (!v) {
      votes = [];
      seen = undefined;
      return votes;
    }
    if (sameVersion(v, seen)) return votes;
    const raw = await fs.readFile(file, 'utf8');
    let parsed: z.infer<typeof fileSchema> | undefined;
    try {
      parsed = fileSchema.parse(JSON.parse(raw));
    } catch (err) {
      const aside = `${file}.corrupt-${Date.now()}`;
      await fs.rename(file, aside).catch(() => undefined);
      options.logger?.warn({ file, movedTo: aside }, `votes file ${file} is corrupt (${(err as Error).message.slice(0, 200)}); moved it to ${aside}`);
      votes = [];
      seen = undefined;
      return votes;
    }
    votes = parsed.votes;
    seen = v;
    return votes;
  }

  function update<T>(change: (all: Vote[]) => T): Promise<T> {
    return queue.run(async () => {
      const release = await acquireFileLock(`${file}.lock`);
      try {
        const all = [...(await load())];
        const result = change(all);
        const kept = all.length > maxVotes ? all.slice(all.length - maxVotes) : all;
        await writeAtomic(file, `${JSON.stringify({ version: 1, votes: kept })}\n`);
        votes = kept;
        seen = await versionOf(file);
        return result;
      } finally {
        await release();
      }
    });
  }

  return {
    file,
    record(vote) {
      return update((all) => {
        const i = all.findIndex((v) => keyOf(v) === keyOf(vote));
        const previous = i >= 0 ? all[i]?.value : undefined;
        if (i >= 0) all.splice(i, 1);
        // Appended, so the newest votes are the last dropped.
        all.push({ ...vote });
        return { previous };
      });
    },
    async tally(query) {
      return tallyVotes(await load(), query);
    },
    async list(since = 0) {
      return (await load()).filter((v) => v.at >= since);
    },
    flush() {
      return queue.drained();
    },
  };
}

/**
 * What was asked: one entry per search (normalised query, result count, partial/corrected flags, platform) and
 * nothing about who asked or where. Bounded: the oldest entries are dropped past `maxEntries` or `maxAgeDays`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { acquireFileLock } from '../state/file-lock.js';
import { createSerialQueue } from '../platform/serial-queue.js';
import { writeAtomic } from './atomic-file.js';

export interface SearchLogEntry {
  /** When, ms since the epoch. */
  at: number;
  /** The normalised query. */
  query: string;
  /** Matching passages (0: a miss). */
  count: number;
  /** The results matched only part of the query. */
  partial: boolean;
  /** The query was searched after typo correction. */
  corrected: boolean;
  platform: string;
}

export interface SearchLog {
  record(entry: SearchLogEntry): Promise<void>;
  /** Entries at or after `since` (ms since the epoch; default all), oldest first. */
  list(since?: number): Promise<SearchLogEntry[]>;
  flush(): Promise<void>;
}

export const SEARCH_LOG_FILE = 'search-log.jsonl';

export interface FileSearchLogOptions {
  /** DATA_DIR; created when missing. */
  dataDir: string;
  /** Entries kept. Default 20 000. */
  maxEntries?: number;
  /** Entries older than this are dropped when the file is compacted. Default 90. */
  maxAgeDays?: number;
  /** Default Date.now. */
  now?: () => number;
}

/** Entries kept by default (both logs). */
export const DEFAULT_MAX_SEARCHES = 20_000;
/** Entries older than this many days are dropped by default (both logs). */
export const DEFAULT_MAX_SEARCH_AGE_DAYS = 90;

/**
 * An entry's own fields from what was stored (a log line, a Redis member, a snapshot), dropping any others such
 * as the id Redis keeps; undefined when `at`, `query` or `count` is missing. Absent flags are false, an absent
 * platform 'unknown'.
 */
export function toSearchLogEntry(e: Partial<SearchLogEntry>): SearchLogEntry | undefined {
  if (typeof e.at !== 'number' || typeof e.query !== 'string' || typeof e.count !== 'number') return undefined;
  return {
    at: e.at,
    query: e.query,
    count: e.count,
    partial: e.partial === true,
    corrected: e.corrected === true,
    platform: typeof e.platform === 'string' ? e.platform : 'unknown',
  };
}

function parseLine(line: string): SearchLogEntry | undefined {
  try {
    return toSearchLogEntry(JSON.parse(line) as Partial<SearchLogEntry>);
  } catch {
    // A line cut short by a crash mid-append is skipped, not fatal.
    return undefined;
  }
}

/**
 * The log as JSON lines under DATA_DIR: appends are single small writes (O_APPEND), so concurrent processes never
 * interleave a line; when the file holds a quarter more than `maxEntries` it is compacted under a lock file and
 * replaced atomically.
 */
export async function createFileSearchLog(options: FileSearchLogOptions): Promise<SearchLog & { readonly file: string }> {
  const file = path.join(options.dataDir, SEARCH_LOG_FILE);
  const maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_SEARCHES);
  const maxAgeMs = (options.maxAgeDays ?? DEFAULT_MAX_SEARCH_AGE_DAYS) * 86_400_000;
  const now = options.now ?? Date.now;
  await fs.mkdir(options.dataDir, { recursive: true });

  async function readAll(): Promise<SearchLogEntry[]> {
    let raw: string;
    try {
      raw = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return raw.split('\n').flatMap((l) => (l.trim() ? (parseLine(l) ?? []) : []));
  }

  let lines = (await readAll()).length;
  const queue = createSerialQueue();

  async function compact(): Promise<void> {
    const release = await acquireFileLock(`${file}.lock`);
    try {
      const cutoff = now() - maxAgeMs;
      const kept = (await readAll()).filter((e) => e.at >= cutoff).slice(-maxEntries);
      await writeAtomic(file, kept.map((e) => `${JSON.stringify(e)}\n`).join(''));
      lines = kept.length;
    } finally {
      await release();
    }
  }

  return {
    file,
    record(entry) {
      return queue.run(async () => {
        await fs.appendFile(file, `${JSON.stringify(entry)}\n`);
        lines += 1;
        if (lines > maxEntries * 1.25) await compact();
      });
    },
    async list(since = 0) {
      await queue.drained();
      return (await readAll()).filter((e) => e.at >= since).slice(-maxEntries);
    },
    flush() {
      return queue.drained();
    },
  };
}

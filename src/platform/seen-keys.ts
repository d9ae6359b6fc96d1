/**
 * "Seen keys": remembers for a while that something was handled — a share click by (message, user, passage), a
 * Feishu message id, a DingTalk msgId — so that a double click, a redelivery or a replay after a restart is handled
 * once. `SeenKeys` is the port; `createFileSeenKeys` keeps the keys in an append-only file under DATA_DIR, so they
 * survive restarts. A Redis implementation (issue 15) can take its place for replicas on several hosts.
 *
 *   const seen = await createFileSeenKeys({ dataDir, name: 'slack-share', ttlMs: 10 * 60_000, logger });
 *   if (!(await seen.add(`${messageTs}:${userId}:${passageId}`))) return; // a repeat within the window
 *   try { await post(); } catch (err) { await seen.delete(key); throw err; } // a failed post may be tried again
 *
 * Platform-neutral: no platform SDK is imported here (test/boundary.test.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../observability/logger.js';
import { fileErrorHint as hintFor } from './file-errors.js';
import { createSerialQueue } from './serial-queue.js';

export interface SeenKeys {
  /**
   * Records `key` for `ttlMs` (default the store's) and resolves true when it was not recorded already — the first
   * time within the window — or false for a repeat. A true answer is on disk before it resolves (a process crash
   * right after cannot forget it; a power loss can).
   */
  add(key: string, ttlMs?: number): Promise<boolean>;
  /** Whether `key` is recorded and its window has not passed. */
  has(key: string): Promise<boolean>;
  /** Forgets `key`, so that the next add(key) is true: the work it guarded failed and may be tried again. */
  delete(key: string): Promise<void>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}

export interface FileSeenKeysOptions {
  /** DATA_DIR; created when missing. */
  dataDir: string;
  /** The store's name: the file is `seen-<name>.jsonl`. Letters, digits and dashes. */
  name: string;
  /** How long a key is remembered by default, in ms. */
  ttlMs: number;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Most keys kept; the oldest are forgotten first. Default 100 000. */
  maxEntries?: number;
  /** Default Date.now. */
  now?: () => number;
}

export type SeenKeysErrorCode = 'BAD_NAME';

export class SeenKeysError extends Error {
  constructor(readonly code: SeenKeysErrorCode, message: string) {
    super(message);
    this.name = 'SeenKeysError';
  }
}

/** Keys longer than this are stored as their SHA-256, so a hostile id cannot grow the file without bound. */
const MAX_KEY_CHARS = 200;

const storedKey = (key: string) => (key.length > MAX_KEY_CHARS ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key);

/**
 * A file-backed SeenKeys. Each add or delete appends one JSON line (`{"k":key,"e":expiresAtMs}`, `e: 0` to delete);
 * the file is read back at start and compacted (rewritten with only live keys, atomically) when it has grown to
 * several times the live set. Processes sharing DATA_DIR see each other's keys: every call first reads what others
 * appended since. Two processes adding the same key within the same millisecond may both be told "first"; replicas
 * that need it exact use the Redis store.
 *
 * A file that cannot be read or written (a full disk, a directory in its place) never stops the bot: the error is
 * logged once with the file and what to do, and the keys are kept in memory until it works again.
 */
export async function createFileSeenKeys(options: FileSeenKeysOptions): Promise<SeenKeys> {
  if (!/^[a-z0-9-]+$/i.test(options.name)) {
    throw new SeenKeysError('BAD_NAME', `seen-keys store name "${options.name}" must be letters, digits and dashes`);
  }
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 100_000;
  const file = path.join(options.dataDir, `seen-${options.name}.jsonl`);
  const { logger } = options;
  /** key → expiry (ms); insertion order is age order. */
  const entries = new Map<string, number>();
  /** Bytes of the file already read, and its identity: a compaction elsewhere brings a new inode. */
  let offset = 0;
  let ino = -1;
  let lines = 0;
  /** Problems already logged ("write:ENOSPC"), so a full disk is one error line, not one per click. */
  const told = new Set<string>();
  /** One operation at a time, in call order; file errors fall back to memory. */
  const queue = createSerialQueue();

  function warnOnce(err: unknown, doing: string) {
    const code = (err as NodeJS.ErrnoException)?.code;
    const said = `${doing}:${code}`;
    if (told.has(said)) return;
    told.add(said);
    logger.error(
      { file, code, err },
      `could not ${doing} ${file} (${code ?? (err as Error)?.message}): ${hintFor(code, file)}; remembering keys in memory meanwhile`,
    );
  }

  function apply(text: string) {
    for (const line of text.split('\n')) {
      if (!line) continue;
      lines += 1;
      let rec: { k?: unknown; e?: unknown };
      try {
        rec = JSON.parse(line) as { k?: unknown; e?: unknown };
      } catch {
        continue; // a line cut short by a crash
      }
      if (typeof rec.k !== 'string' || typeof rec.e !== 'number') continue;
      entries.delete(rec.k);
      if (rec.e > now()) entries.set(rec.k, rec.e);
    }
  }

  /** Reads what was appended (by us or another process) since the last call. */
  async function catchUp(): Promise<void> {
    let handle;
    try {
      handle = await fs.open(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    try {
      const st = await handle.stat();
      if (st.ino !== ino || st.size < offset) {
        ino = st.ino;
        offset = 0;
        lines = 0;
      }
      if (st.size === offset) return;
      const buf = Buffer.alloc(st.size - offset);
      await handle.read(buf, 0, buf.length, offset);
      // Only whole lines: a writer may be half way through one.
      const end = buf.lastIndexOf(0x0a);
      if (end < 0) return;
      apply(buf.subarray(0, end + 1).toString('utf8'));
      offset += end + 1;
    } finally {
      await handle.close();
    }
  }

  function prune() {
    const t = now();
    for (const [k, e] of entries) {
      if (e > t && entries.size <= maxEntries) break;
      entries.delete(k);
    }
  }

  async function append(key: string, expires: number): Promise<void> {
    await fs.appendFile(file, `${JSON.stringify({ k: key, e: expires })}\n`);
    if (told.size > 0) {
      logger.warn({ file }, `${file} is writable again`);
      told.clear();
    }
    // Our own line is read back by the next catchUp; compaction keeps the file near the live set.
    if (lines > 1000 && lines > 4 * entries.size) await compact();
  }

  async function compact(): Promise<void> {
    const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
    const text = [...entries].map(([k, e]) => `${JSON.stringify({ k, e })}\n`).join('');
    await fs.writeFile(tmp, text);
    await fs.rename(tmp, file);
    const st = await fs.stat(file);
    ino = st.ino;
    offset = st.size;
    lines = entries.size;
  }


  async function sync(doing: string): Promise<void> {
    try {
      await catchUp();
    } catch (err) {
      warnOnce(err, doing);
    }
    prune();
  }

  await fs.mkdir(options.dataDir, { recursive: true });
  await sync('read');
  // Orphan temp files from a compaction cut short.
  try {
    for (const name of await fs.readdir(options.dataDir)) {
      if (name.startsWith(`seen-${options.name}.jsonl.`) && name.endsWith('.tmp')) {
        await fs.unlink(path.join(options.dataDir, name)).catch(() => undefined);
      }
    }
  } catch {
    /* best effort */
  }

  return {
    add(key, ttlMs = options.ttlMs) {
      const k = storedKey(key);
      return queue.run(async () => {
        await sync('read');
        const e = entries.get(k);
        if (e !== undefined && e > now()) return false;
        const expires = now() + ttlMs;
        entries.delete(k);
        entries.set(k, expires);
        prune();
        try {
          await append(k, expires);
        } catch (err) {
          warnOnce(err, 'write');
        }
        return true;
      });
    },
    has(key) {
      const k = storedKey(key);
      return queue.run(async () => {
        await sync('read');
        const e = entries.get(k);
        return e !== undefined && e > now();
      });
    },
    delete(key) {
      const k = storedKey(key);
      return queue.run(async () => {
        await sync('read');
        if (!entries.delete(k)) return;
        try {
          await append(k, 0);
        } catch (err) {
          warnOnce(err, 'write');
        }
      });
    },
    close() {
      return queue.drained();
    },
  };
}

/** An in-memory SeenKeys (tests, console mode): forgets everything on restart. */
export function createMemorySeenKeys(options: { ttlMs: number; maxEntries?: number; now?: () => number }): SeenKeys {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 100_000;
  const entries = new Map<string, number>();
  const prune = () => {
    const t = now();
    for (const [k, e] of entries) {
      if (e > t && entries.size <= maxEntries) break;
      entries.delete(k);
    }
  };
  return {
    async add(key, ttlMs = options.ttlMs) {
      prune();
      const k = storedKey(key);
      const e = entries.get(k);
      if (e !== undefined && e > now()) return false;
      entries.delete(k);
      entries.set(k, now() + ttlMs);
      prune();
      return true;
    },
    async has(key) {
      const e = entries.get(storedKey(key));
      return e !== undefined && e > now();
    },
    async delete(key) {
      entries.delete(storedKey(key));
    },
    async close() {},
  };
}

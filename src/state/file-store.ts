/**
 * The StateStore as one JSON file under DATA_DIR (state.json): subscriptions, which digests went out, and the
 * short-lived claims replicas take before posting. Every update re-reads the file under an exclusive lock file,
 * changes it and writes it back atomically (temp file, fsync, rename), so several processes can share DATA_DIR and
 * a crash never leaves half a file. Reads re-read the file when it changed on disk since it was last seen.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../observability/logger.js';
import { FileError } from '../platform/file-errors.js';
import { createSerialQueue } from '../platform/serial-queue.js';
import { acquireFileLock, isGoneLocalProcess, thisProcess } from './file-lock.js';
import type { ChannelRef, ClaimResult, Platform, StateStore } from './types.js';

export const STATE_FILE = 'state.json';

export interface StateStoreOptions {
  /** DATA_DIR; created when missing. */
  dataDir: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** Sent records older than this many days before the newest one are pruned. Default 35. */
  retainDays?: number;
  /**
   * A claim neither released nor renewed within this time is taken to be left by a crash. Default 15 minutes. A claim
   * whose holder ran on this host and is no longer running is taken over at once, unless it had a post in flight.
   */
  claimStaleMs?: number;
  /** Lock-file timings, see acquireFileLock. Defaults: stale after 30 s, give up after 10 s. */
  lockStaleMs?: number;
  lockTimeoutMs?: number;
  /** Names this process in claims and lock files. Default host:pid:random. */
  instanceId?: string;
  /** The clock for claims and file names. Default Date.now. */
  now?: () => number;
}

const channelKey = (c: ChannelRef) => `${c.platform}:${c.id}`;

const stateSchema = z.object({
  version: z.literal(1),
  subscriptions: z.object({
    slack: z.array(z.string()).default([]),
    feishu: z.array(z.string()).default([]),
    dingtalk: z.array(z.string()).default([]),
  }),
  /** date → channel keys ("slack:C123") whose digest for that date the platform accepted. */
  sent: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.array(z.string())).default({}),
  /** date → channel key → the error code of a post that failed for good that date (not_in_channel …). */
  failed: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.record(z.string(), z.string())).default({}),
  /**
   * "date|platform:id" → who is posting it and since when (ms, renewed on every attempt), which process (host, pid,
   * start time), and whether a post is in flight (absent in files written before it was recorded: taken as true).
   */
  claims: z
    .record(
      z.string(),
      z.object({
        by: z.string(),
        at: z.number(),
        host: z.string().optional(),
        pid: z.number().optional(),
        started: z.number().optional(),
        posting: z.boolean().optional(),
      }),
    )
    .default({}),
  /** "platform:id" → the channel's own reading settings (订阅 9:30, 订阅 主题:人才). */
  settings: z
    .record(z.string(), z.object({ time: z.string().regex(/^\d{2}:\d{2}$/).optional(), theme: z.string().optional() }))
    .default({}),
  /** "platform:id" → the last reading accepted there: the date it was for and when (ms). */
  lastSent: z.record(z.string(), z.object({ date: z.string(), at: z.number() })).default({}),
});

type State = z.infer<typeof stateSchema>;

const emptyState = (): State => ({
  version: 1,
  subscriptions: { slack: [], feishu: [], dingtalk: [] },
  sent: {},
  failed: {},
  claims: {},
  settings: {},
  lastSent: {},
});

/** File identity: an atomic rename always brings a new inode, so a change in any of these means a new version. */
interface Seen {
  ino: number;
  mtimeMs: number;
  size: number;
}

type ReadResult = { kind: 'ok'; state: State; seen: Seen } | { kind: 'missing' } | { kind: 'corrupt'; problem: string };

function readStateSync(file: string): ReadResult {
  let seen: Seen;
  let raw: string;
  try {
    const st = statSync(file);
    seen = { ino: st.ino, mtimeMs: st.mtimeMs, size: st.size };
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new FileError(file, 'read', err);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { kind: 'corrupt', problem: `not JSON (${(err as Error).message})` };
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'corrupt', problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { kind: 'ok', state: parsed.data, seen };
}

/**
 * Opens (or creates) the state file. A missing file starts empty with a warning; a corrupt one is moved aside as
 * state.json.corrupt-<timestamp> with a warning naming it, and the store starts empty.
 */
export async function createStateStore(options: StateStoreOptions): Promise<StateStore & { readonly file: string }> {
  const { dataDir, logger } = options;
  const retainDays = options.retainDays ?? 35;
  const claimStaleMs = options.claimStaleMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const me = thisProcess();
  const instanceId = options.instanceId ?? `${me.host}:${me.pid}:${randomUUID().slice(0, 8)}`;
  const file = path.join(dataDir, STATE_FILE);
  const lockFile = `${file}.lock`;

  try {
    await fs.mkdir(dataDir, { recursive: true });
  } catch (err) {
    throw new FileError(dataDir, 'create the directory', err);
  }
  await removeOrphanTemps();

  let state: State = emptyState();
  let seen: Seen | undefined;
  /** In-process queue: one update at a time, in call order. */
  const queue = createSerialQueue();

  async function setAside(problem: string): Promise<void> {
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const aside = `${file}.corrupt-${stamp}`;
    await fs.rename(file, aside);
    logger.warn(
      { file, movedTo: aside, problem },
      `state file ${file} is corrupt (${problem}); moved it to ${aside} and started with empty state — subscriptions there can be restored by hand`,
    );
  }

  /**
   * Temp files left by a write that never got to its rename (a kill -9, a full disk): ours by pid (this process has
   * written none yet), or a process here that is gone, or just old — a write takes milliseconds.
   */
  async function removeOrphanTemps(): Promise<void> {
    const prefix = `${STATE_FILE}.`;
    let names: string[];
    try {
      names = await fs.readdir(dataDir);
    } catch {
      return;
    }
    for (const name of names) {
      const m = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length)) : null;
      if (!m) continue;
      const full = path.join(dataDir, name);
      try {
        const age = now() - (await fs.stat(full)).mtimeMs;
        const pid = Number(m[1]);
        const orphan =
          pid === process.pid || age > 60_000 || (age > 2000 && isGoneLocalProcess({ host: me.host, pid, started: undefined }));
        if (!orphan) continue;
        await fs.unlink(full);
        logger.warn({ file: full }, `removed ${full}, left by a write that never finished (a crash or a full disk)`);
      } catch {
        /* gone meanwhile, or not ours to remove */
      }
    }
  }

  async function write(next: State): Promise<void> {
    const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
    try {
      const handle = await fs.open(tmp, 'w');
      try {
        await handle.writeFile(`${JSON.stringify(next, null, 2)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(tmp, file);
    } catch (err) {
      // Nothing half-written is left behind, and the error names the state file and what to do.
      await fs.unlink(tmp).catch(() => undefined);
      throw new FileError(file, 'write', err);
    }
    // The rename is durable only once the directory entry is; not every platform can fsync a directory.
    try {
      const dir = openSync(dataDir, 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    } catch {
      /* best effort */
    }
    const st = statSync(file);
    state = next;
    seen = { ino: st.ino, mtimeMs: st.mtimeMs, size: st.size };
  }

  /**
   * Under the lock: the newest state on disk. A missing or corrupt file (corrupt ones are moved aside) is replaced
   * by the last good state this process saw — empty at start — and must be written back.
   */
  async function loadLocked(): Promise<{ draft: State; mustWrite: boolean }> {
    const r = readStateSync(file);
    if (r.kind === 'ok') {
      state = r.state;
      seen = r.seen;
      return { draft: structuredClone(r.state), mustWrite: false };
    }
    if (r.kind === 'corrupt') {
      await setAside(r.problem);
    } else {
      logger.warn({ file }, `no state file at ${file}; starting it from ${seen ? 'the last state this process saw' : 'empty state (normal on a first start)'}`);
    }
    return { draft: structuredClone(state), mustWrite: true };
  }

  /** Runs one read-modify-write under the in-process queue and the cross-process lock. */
  function update<T>(change: (s: State) => { result: T; changed: boolean }): Promise<T> {
    return queue.run(async () => {
      const release = await acquireFileLock(lockFile, {
        owner: instanceId,
        staleMs: options.lockStaleMs,
        timeoutMs: options.lockTimeoutMs,
        onEmptyLock: (lock) =>
          logger.warn({ file: lock }, `lock file ${lock} was empty (left by a process killed while taking it, or a full disk); taking it over`),
      });
      try {
        const { draft, mustWrite } = await loadLocked();
        const { result, changed } = change(draft);
        if (changed || mustWrite) await write(draft);
        return result;
      } finally {
        await release();
      }
    });
  }

  /** Before answering a read: re-read the file if another process replaced it. Keeps the last good state otherwise. */
  function refresh(): void {
    let st;
    try {
      st = statSync(file);
    } catch {
      return;
    }
    if (seen && st.ino === seen.ino && st.mtimeMs === seen.mtimeMs && st.size === seen.size) return;
    const r = readStateSync(file);
    if (r.kind === 'ok') {
      state = r.state;
      seen = r.seen;
    } else if (r.kind === 'corrupt') {
      // Left for the next update, which holds the lock, to move aside.
      logger.warn({ file, problem: r.problem }, `state file ${file} is corrupt (${r.problem}); answering from the last good state`);
      // Warn once per bad version, not on every read.
      seen = { ino: st.ino, mtimeMs: st.mtimeMs, size: st.size };
    }
  }

  // Open now, under the lock, so that a missing or corrupt file is dealt with (and logged) at start.
  await update(() => ({ result: undefined, changed: false }));

  const list = (s: State, platform: Platform) => s.subscriptions[platform];

  /**
   * A claim another holder may take over: neither released nor renewed for claimStaleMs (its holder crashed, or is
   * stuck), or held by a process on this host that is no longer running and had no post in flight.
   */
  function isStale(c: State['claims'][string]): boolean {
    if (now() - c.at >= claimStaleMs) return true;
    return c.posting === false && isGoneLocalProcess(c);
  }

  function prune(s: State): void {
    const dates = [...new Set([...Object.keys(s.sent), ...Object.keys(s.failed)])].sort();
    const newest = dates[dates.length - 1];
    if (!newest) return;
    const cutoff = new Date(Date.parse(`${newest}T00:00:00Z`) - retainDays * 86_400_000).toISOString().slice(0, 10);
    for (const d of Object.keys(s.sent)) if (d < cutoff) delete s.sent[d];
    for (const d of Object.keys(s.failed)) if (d < cutoff) delete s.failed[d];
    for (const [key, c] of Object.entries(s.claims)) {
      const date = key.slice(0, 10);
      if (date < cutoff || (c.by !== instanceId && isStale(c))) delete s.claims[key];
    }
  }

  const claimKey = (channel: ChannelRef, date: string) => `${date}|${channelKey(channel)}`;

  return {
    file,

    subscribe(channel) {
      return update((s) => {
        const ids = list(s, channel.platform);
        if (ids.includes(channel.id)) return { result: false, changed: false };
        ids.push(channel.id);
        return { result: true, changed: true };
      });
    },

    unsubscribe(channel) {
      return update((s) => {
        const ids = list(s, channel.platform);
        const i = ids.indexOf(channel.id);
        if (i < 0) return { result: false, changed: false };
        ids.splice(i, 1);
        // A channel that subscribes again starts from the defaults.
        delete s.settings[channelKey(channel)];
        return { result: true, changed: true };
      });
    },

    isSubscribed(channel) {
      refresh();
      return list(state, channel.platform).includes(channel.id);
    },

    subscriptions(platform) {
      refresh();
      const platforms: Platform[] = platform ? [platform] : ['slack', 'feishu', 'dingtalk'];
      return platforms.flatMap((p) => list(state, p).map((id) => ({ platform: p, id })));
    },

    wasSent(channel, date) {
      refresh();
      return state.sent[date]?.includes(channelKey(channel)) ?? false;
    },

    markSent(channel, date) {
      return update((s) => {
        const keys = (s.sent[date] ??= []);
        if (!keys.includes(channelKey(channel))) keys.push(channelKey(channel));
        const last = s.lastSent[channelKey(channel)];
        if (!last || last.date <= date) s.lastSent[channelKey(channel)] = { date, at: now() };
        delete s.claims[claimKey(channel, date)];
        prune(s);
        return { result: undefined, changed: true };
      });
    },

    markFailed(channel, date, code) {
      return update((s) => {
        (s.failed[date] ??= {})[channelKey(channel)] = code;
        delete s.claims[claimKey(channel, date)];
        prune(s);
        return { result: undefined, changed: true };
      });
    },

    settingsOf(channel) {
      refresh();
      const found = state.settings[channelKey(channel)];
      return found ? { ...found } : undefined;
    },

    setSettings(channel, settings) {
      return update((s) => {
        const next: State['settings'][string] = {};
        if (settings.time !== undefined) next.time = settings.time;
        if (settings.theme !== undefined) next.theme = settings.theme;
        if (Object.keys(next).length === 0) delete s.settings[channelKey(channel)];
        else s.settings[channelKey(channel)] = next;
        return { result: undefined, changed: true };
      });
    },

    lastSentOf(channel) {
      refresh();
      const found = state.lastSent[channelKey(channel)];
      return found ? { ...found } : undefined;
    },

    failureOf(channel, date) {
      refresh();
      return state.failed[date]?.[channelKey(channel)];
    },

    claim(channel, date): Promise<ClaimResult> {
      const key = claimKey(channel, date);
      return update<ClaimResult>((s) => {
        if (s.sent[date]?.includes(channelKey(channel))) return { result: { granted: false, reason: 'sent' }, changed: false };
        const held = s.claims[key];
        // A post was in flight when its holder stopped answering (absent: files from before it was recorded).
        const uncertain = held !== undefined && held.by !== instanceId && held.posting !== false;
        if (held && held.by !== instanceId) {
          if (!isStale(held)) {
            return { result: { granted: false, reason: 'claimed', by: held.by, staleAt: held.at + claimStaleMs }, changed: false };
          }
          logger.info(
            { channel, date, by: held.by },
            now() - held.at >= claimStaleMs
              ? `claim on the digest for ${channelKey(channel)} on ${date} by ${held.by} is stale; taking it over`
              : `claim on the digest for ${channelKey(channel)} on ${date} by ${held.by} is taken over: that process is no longer running`,
          );
        }
        s.claims[key] = { by: instanceId, at: now(), ...me, posting: true };
        prune(s);
        /** Changes our claim only while it is still ours (not released, sent, or taken over as stale). */
        const ours = (change: (s2: State) => void) =>
          update((s2) => {
            if (s2.claims[key]?.by !== instanceId) return { result: undefined, changed: false };
            change(s2);
            return { result: undefined, changed: true };
          });
        return {
          result: {
            granted: true,
            ...(uncertain ? { uncertain: true } : {}),
            release: () => ours((s2) => delete s2.claims[key]),
            setPosting: (posting: boolean) => ours((s2) => (s2.claims[key] = { by: instanceId, at: now(), ...me, posting })),
          },
          changed: true,
        };
      });
    },

    flush() {
      // Updates queued while waiting (a post answered during shutdown) are waited for too.
      return queue.drained();
    },
  };
}

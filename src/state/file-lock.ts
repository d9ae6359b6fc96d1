/**
 * A lock held by creating a file exclusively (open with 'wx'), so that processes sharing DATA_DIR — on one machine
 * or over shared storage — take turns updating the state file. A lock left behind by a crashed process goes stale
 * after `staleMs` and is taken over, or at once when the lock file names a process on this host that is no longer
 * running (so a restart right after a crash does not wait out `staleMs`).
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { FileError } from '../platform/file-errors.js';

export interface FileLockOptions {
  /** A lock file older than this is left from a crash and may be taken over. Default 30 s. */
  staleMs?: number;
  /** Give up waiting after this long. Default 10 s. */
  timeoutMs?: number;
  /** Written into the lock file, to tell who holds it when debugging. */
  owner?: string;
  /** Called before an empty lock file (its writer died mid-write) is taken over: to log it. */
  onEmptyLock?: (lockPath: string) => void;
}

export class LockTimeoutError extends Error {
  readonly code = 'LOCK_TIMEOUT';
  constructor(readonly lockPath: string, timeoutMs: number, holder?: string) {
    super(
      `could not lock ${lockPath} within ${timeoutMs} ms; if no other zhenxing process is running, delete that file` +
        (holder ? ` (${holder})` : ''),
    );
    this.name = 'LockTimeoutError';
  }
}

/**
 * A lock file with nothing readable in it is one whose writer died (kill -9, or ENOSPC) between creating it and
 * writing its holder, which takes microseconds: once it is this old, it is taken over.
 */
export const EMPTY_LOCK_GRACE_MS = 1000;

const isCode = (err: unknown, code: string) => (err as NodeJS.ErrnoException | null)?.code === code;

/** Names a process: the host it runs on, its pid, and when it started (ms since the epoch). */
export interface ProcessRef {
  host?: string | undefined;
  pid?: number | undefined;
  started?: number | undefined;
}

/** This process, as recorded in lock files and claims. */
export function thisProcess(): { host: string; pid: number; started: number } {
  return { host: os.hostname(), pid: process.pid, started: Math.round(performance.timeOrigin) };
}

/**
 * True when `ref` names a process on this host that is no longer running. Signal 0 only checks: ESRCH means no such
 * process, EPERM one under another user. Our own pid with another start time is an earlier process that had it (a
 * container restarted: its main process is pid 1 again). A pid another process reused reads as running, which only
 * means waiting for the timeout, as for a process on another host.
 */
export function isGoneLocalProcess(ref: ProcessRef): boolean {
  const me = thisProcess();
  if (ref.host !== me.host || typeof ref.pid !== 'number' || !Number.isInteger(ref.pid) || ref.pid <= 0) return false;
  if (ref.pid === me.pid) return ref.started !== undefined && ref.started !== me.started;
  try {
    process.kill(ref.pid, 0);
    return false;
  } catch (err) {
    return isCode(err, 'ESRCH');
  }
}

/** The holder named in a lock file, or null when it is empty or unreadable (its writer died mid-write). */
async function holderOf(file: string): Promise<ProcessRef & { owner?: string; at?: string } | null> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as ProcessRef) : null;
  } catch {
    return null;
  }
}

/** Says who holds a lock, for the timeout message. */
async function describeHolder(file: string): Promise<string | undefined> {
  const h = await holderOf(file);
  if (!h) return undefined;
  const where = h.host === os.hostname() ? `pid ${h.pid} on this host, still running` : `pid ${h.pid} on host ${h.host}`;
  return `held by ${h.owner ?? 'another zhenxing process'}, ${where}, since ${h.at ?? 'unknown'}`;
}

/** Whether the lock file at `file` was written by a process on this host that is no longer running. */
async function heldByDeadProcess(file: string): Promise<boolean> {
  let holder: ProcessRef;
  try {
    holder = JSON.parse(await fs.readFile(file, 'utf8')) as ProcessRef;
  } catch {
    return false; // gone, or still being written: judged by age instead
  }
  return isGoneLocalProcess(holder);
}

/**
 * Moves a stale lock out of the way. Renaming is atomic, so of two processes that both saw it stale only one moves
 * it; one that instead moved a lock taken in the meantime (fresh mtime) puts it back with link(), which, like
 * 'wx', never overwrites.
 */
async function breakStaleLock(lockPath: string, staleMs: number, why: 'age' | 'dead' | 'empty'): Promise<void> {
  const aside = `${lockPath}.stale-${randomUUID()}`;
  try {
    await fs.rename(lockPath, aside);
  } catch (err) {
    if (isCode(err, 'ENOENT')) return;
    throw err;
  }
  try {
    const st = await fs.stat(aside);
    const stillStale =
      why === 'dead'
        ? await heldByDeadProcess(aside)
        : why === 'empty'
          ? (await holderOf(aside)) === null && Date.now() - st.mtimeMs >= EMPTY_LOCK_GRACE_MS
          : Date.now() - st.mtimeMs >= staleMs;
    if (!stillStale) await fs.link(aside, lockPath).catch(() => undefined);
  } finally {
    await fs.unlink(aside).catch(() => undefined);
  }
}

/** Takes the lock, waiting while another holder has it; resolves to the release function. */
export async function acquireFileLock(lockPath: string, options: FileLockOptions = {}): Promise<() => Promise<void>> {
  const staleMs = options.staleMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const started = Date.now();
  let wait = 5;
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      try {
        await handle.writeFile(
          `${JSON.stringify({ owner: options.owner ?? null, ...thisProcess(), at: new Date().toISOString() })}\n`,
        );
      } catch (err) {
        // A full disk: leave no empty lock behind for the next process to wait on.
        await handle.close().catch(() => undefined);
        await fs.unlink(lockPath).catch(() => undefined);
        throw new FileError(lockPath, 'write the lock file', err);
      } finally {
        await handle.close().catch(() => undefined);
      }
      return async () => {
        await fs.unlink(lockPath).catch((err: unknown) => {
          if (!isCode(err, 'ENOENT')) throw err;
        });
      };
    } catch (err) {
      if (err instanceof FileError) throw err;
      if (!isCode(err, 'EEXIST')) throw new FileError(lockPath, 'create the lock file', err);
    }
    try {
      const st = await fs.stat(lockPath);
      if (Date.now() - st.mtimeMs >= staleMs) {
        await breakStaleLock(lockPath, staleMs, 'age');
        continue;
      }
      if (await heldByDeadProcess(lockPath)) {
        await breakStaleLock(lockPath, staleMs, 'dead');
        continue;
      }
      if (Date.now() - st.mtimeMs >= EMPTY_LOCK_GRACE_MS && (await holderOf(lockPath)) === null) {
        options.onEmptyLock?.(lockPath);
        await breakStaleLock(lockPath, staleMs, 'empty');
        continue;
      }
    } catch (err) {
      if (isCode(err, 'ENOENT')) continue;
      throw new FileError(lockPath, 'check the lock file', err);
    }
    if (Date.now() - started >= timeoutMs) throw new LockTimeoutError(lockPath, timeoutMs, await describeHolder(lockPath));
    // Jittered so that two waiting processes do not retry in step.
    await delay(wait + Math.floor(Math.random() * wait));
    wait = Math.min(wait * 2, 100);
  }
}

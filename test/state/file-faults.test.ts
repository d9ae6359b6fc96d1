/**
 * State files under real faults (issue 10): a 0-byte lock left by a kill -9 or a full disk, temp files left by a
 * write that never finished, a directory where state.json should be (EISDIR), and a full disk — real ENOSPC on a
 * 16 KiB tmpfs when this process may mount one (root, as in CI); where it may not, that test is skipped and says so.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStateStore } from '../../src/state/file-store.js';
import type { ChannelRef } from '../../src/state/types.js';
import { captureLogger } from '../scheduler/test-logger.js';

const C1: ChannelRef = { platform: 'slack', id: 'C0001' };
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'zhenxing-state-faults-'));

async function goneProcessPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

describe('state files under faults', () => {
  it('takes over a 0-byte lock file (its writer was killed while taking it) within a second, saying so', async () => {
    const dataDir = tempDir();
    const lock = path.join(dataDir, 'state.json.lock');
    writeFileSync(lock, '');
    const { logger, messages } = captureLogger();
    // The defaults: stale after 30 s, give up after 10 s. Before, this start waited 10 s and failed.
    const store = await createStateStore({ dataDir, logger, lockTimeoutMs: 5000 });
    expect(await store.subscribe(C1)).toBe(true);
    expect(messages(40)).toContain(
      `lock file ${lock} was empty (left by a process killed while taking it, or a full disk); taking it over`,
    );
    expect(readdirSync(dataDir)).toEqual(['state.json']);
  });

  it('removes temp files left by writes that never finished, naming each', async () => {
    const dataDir = tempDir();
    const gone = await goneProcessPid();
    const orphans = [`state.json.${process.pid}.0a1b2c3d.tmp`, `state.json.${gone}.deadbeef.tmp`];
    for (const name of orphans) writeFileSync(path.join(dataDir, name), '{"version":1');
    // A temp file of a live process on this host, just written: not ours to remove.
    const live = `state.json.${process.ppid}.cafebabe.tmp`;
    writeFileSync(path.join(dataDir, live), '{');
    const past = new Date(Date.now() - 5000);
    execFileSync('touch', ['-d', past.toISOString(), path.join(dataDir, orphans[1] as string)]);
    const { logger, messages } = captureLogger();
    await createStateStore({ dataDir, logger });
    expect(readdirSync(dataDir).sort()).toEqual([live, 'state.json'].sort());
    for (const name of orphans) {
      expect(messages(40)).toContain(`removed ${path.join(dataDir, name)}, left by a write that never finished (a crash or a full disk)`);
    }
  });

  it('a directory where state.json should be: start-up fails naming the file and what to do', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'state.json');
    mkdirSync(file);
    const { logger } = captureLogger();
    await expect(createStateStore({ dataDir, logger })).rejects.toThrow(
      `could not read ${file} (EISDIR): ${file} is a directory: remove it (the bot recreates the file)`,
    );
  });

  describe('a full disk (real ENOSPC on a 16 KiB tmpfs)', () => {
    const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-full-'));
    let mounted = false;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mountPoint], { stdio: 'ignore' });
      mounted = true;
    } catch {
      // Not root, or no mount in this sandbox: nothing to fill for real.
    }
    afterAll(() => {
      if (mounted) execFileSync('umount', [mountPoint]);
    });

    it.skipIf(!mounted)('an update fails naming the state file and what to do, and leaves no temp file and no empty lock', async () => {
      const dataDir = path.join(mountPoint, 'data');
      const { logger } = captureLogger();
      const store = await createStateStore({ dataDir, logger });
      // Fill what is left of the disk.
      try {
        writeFileSync(path.join(mountPoint, 'filler'), Buffer.alloc(64 * 1024));
      } catch {
        /* ENOSPC: full now */
      }
      const file = path.join(dataDir, 'state.json');
      // The first write to meet the full disk is the lock's (a page of its own on tmpfs).
      await expect(store.subscribe(C1)).rejects.toThrow(
        `could not write the lock file ${file}.lock (ENOSPC): the disk holding ${dataDir} is full: free space there (DATA_DIR)`,
      );
      expect(readdirSync(dataDir)).toEqual(['state.json']);
      expect(existsSync(`${file}.lock`)).toBe(false);
      rmSync(path.join(mountPoint, 'filler'), { force: true });
    });

    it.skipIf(!mounted)('with room for the lock but not the new state: the write fails naming state.json, the old file intact', async () => {
      const dataDir = path.join(mountPoint, 'data2');
      const { logger } = captureLogger();
      const store = await createStateStore({ dataDir, logger });
      // Leave exactly one page: the lock file takes it, the new state.json finds none.
      const st = statfsSync(mountPoint);
      writeFileSync(path.join(mountPoint, 'filler2'), Buffer.alloc(Math.max(0, st.bavail * st.bsize - st.bsize)));
      const file = path.join(dataDir, 'state.json');
      await expect(store.subscribe(C1)).rejects.toThrow(
        `could not write ${file} (ENOSPC): the disk holding ${dataDir} is full: free space there (DATA_DIR)`,
      );
      expect(readdirSync(dataDir)).toEqual(['state.json']);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });
      rmSync(path.join(mountPoint, 'filler2'), { force: true });
      // Space again: the same store works.
      expect(await store.subscribe(C1)).toBe(true);
    });
  });
});

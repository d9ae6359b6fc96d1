/**
 * once(): one run per key within the window, also across a restart with the file store; the claim given back when
 * the work surely failed, kept when it may have happened; a store that cannot be written runs nothing.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSeenKeys, createMemorySeenKeys, once, type SeenKeys } from '../../src/platform/index.js';

const logger = { warn: () => undefined, error: () => undefined } as never;

describe('once', () => {
  it('runs the work the first time a key is offered and not for a repeat, also after a restart', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-once-'));
    const runs: string[] = [];
    const a = await createFileSeenKeys({ dataDir, name: 'once', ttlMs: 60_000, logger });
    const [first, second] = await Promise.all([
      once(a, 'k1', async () => void runs.push('a1')),
      once(a, 'k1', async () => void runs.push('a2')),
    ]);
    expect([first, second]).toEqual([true, false]);
    await a.close();
    const b = await createFileSeenKeys({ dataDir, name: 'once', ttlMs: 60_000, logger });
    expect(await once(b, 'k1', async () => void runs.push('b1'))).toBe(false);
    expect(await once(b, 'k2', async () => void runs.push('b2'))).toBe(true);
    expect(runs).toEqual(['a1', 'b2']);
    await b.close();
  });

  it('gives the claim back when the work throws, so the next try runs it; the error reaches the caller', async () => {
    const store = createMemorySeenKeys({ ttlMs: 60_000 });
    await expect(once(store, 'k', async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await store.has('k')).toBe(false);
    expect(await once(store, 'k', async () => undefined)).toBe(true);
  });

  it('keeps the claim when maybeDone says the work may have happened (a timeout after sending)', async () => {
    const store = createMemorySeenKeys({ ttlMs: 60_000 });
    const maybeDone = (err: unknown) => (err as Error).message === 'timed out';
    await expect(once(store, 'k', async () => Promise.reject(new Error('timed out')), { maybeDone })).rejects.toThrow('timed out');
    let ran = false;
    expect(await once(store, 'k', async () => void (ran = true), { maybeDone })).toBe(false);
    expect(ran).toBe(false);
  });

  it('claims for its own ttlMs, not the store default', async () => {
    let t = 0;
    const store = createMemorySeenKeys({ ttlMs: 60_000, now: () => t });
    expect(await once(store, 'k', async () => undefined, { ttlMs: 1000 })).toBe(true);
    t = 999;
    expect(await once(store, 'k', async () => undefined, { ttlMs: 1000 })).toBe(false);
    t = 1000;
    expect(await once(store, 'k', async () => undefined, { ttlMs: 1000 })).toBe(true);
  });

  it('runs nothing when the store cannot record the claim', async () => {
    const broken: SeenKeys = {
      add: () => Promise.reject(new Error('EROFS: read-only file system')),
      has: async () => false,
      delete: async () => undefined,
      close: async () => undefined,
    };
    let ran = false;
    await expect(once(broken, 'k', async () => void (ran = true))).rejects.toThrow('EROFS: read-only file system');
    expect(ran).toBe(false);
  });
});

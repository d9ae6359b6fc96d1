/**
 * The file-backed seen-keys store with real files in a temp DATA_DIR: keys survive a restart (a new store on the
 * same directory), windows pass, two stores share what they saw, and file faults — a directory in the file's place
 * (EISDIR), a full disk (ENOSPC, real: the file is a link to /dev/full) — are named with what to do, never thrown.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSeenKeys, SeenKeysError } from '../../src/platform/index.js';

function logs() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const at = (level: string) => (obj: Record<string, unknown>, msg: string) => lines.push({ level, obj, msg });
  return { lines, logger: { warn: at('warn'), error: at('error') } as never };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'zhenxing-seen-'));

describe('createFileSeenKeys', () => {
  it('says "first" once per key within the window, and remembers it across a restart', async () => {
    const dataDir = tmp();
    const { logger } = logs();
    const a = await createFileSeenKeys({ dataDir, name: 'share', ttlMs: 60_000, logger });
    expect(await a.add('m1:u1:p1')).toBe(true);
    expect(await a.add('m1:u1:p1')).toBe(false);
    expect(await a.add('m1:u1:p2')).toBe(true);
    await a.close();
    const b = await createFileSeenKeys({ dataDir, name: 'share', ttlMs: 60_000, logger });
    expect(await b.add('m1:u1:p1')).toBe(false);
    expect(await b.has('m1:u1:p2')).toBe(true);
    expect(await b.has('m9')).toBe(false);
  });

  it('forgets a key when its window has passed, or when deleted (also across a restart)', async () => {
    const dataDir = tmp();
    let t = 1_000_000;
    const { logger } = logs();
    const s = await createFileSeenKeys({ dataDir, name: 'w', ttlMs: 1000, logger, now: () => t });
    expect(await s.add('k')).toBe(true);
    t += 999;
    expect(await s.add('k')).toBe(false);
    t += 2;
    expect(await s.add('k')).toBe(true);
    expect(await s.add('long', 10_000)).toBe(true);
    await s.delete('long');
    const again = await createFileSeenKeys({ dataDir, name: 'w', ttlMs: 1000, logger, now: () => t });
    expect(await again.add('long')).toBe(true);
  });

  it('two stores on one DATA_DIR (two processes) see each other’s keys', async () => {
    const dataDir = tmp();
    const { logger } = logs();
    const a = await createFileSeenKeys({ dataDir, name: 'msg', ttlMs: 60_000, logger });
    const b = await createFileSeenKeys({ dataDir, name: 'msg', ttlMs: 60_000, logger });
    expect(await a.add('om_1')).toBe(true);
    expect(await b.add('om_1')).toBe(false);
    expect(await b.add('om_2')).toBe(true);
    expect(await a.add('om_2')).toBe(false);
  });

  it('skips a last line cut short by a crash, and compacts the file as it grows', async () => {
    const dataDir = tmp();
    const { logger } = logs();
    const file = path.join(dataDir, 'seen-c.jsonl');
    writeFileSync(file, `${JSON.stringify({ k: 'kept', e: Date.now() + 60_000 })}\n{"k":"half`);
    const s = await createFileSeenKeys({ dataDir, name: 'c', ttlMs: 60_000, logger });
    expect(await s.has('kept')).toBe(true);
    for (let i = 0; i < 1500; i++) {
      await s.add(`k${i % 10}`, i % 10 === 0 ? 60_000 : 1);
      await new Promise((r) => setImmediate(r));
    }
    const lines = readFileSync(file, 'utf8').split('\n').length;
    expect(lines).toBeLessThan(1200);
    expect(await s.has('k0')).toBe(true);
    expect(await s.has('kept')).toBe(true);
  });

  it('stores very long keys by their hash', async () => {
    const dataDir = tmp();
    const { logger } = logs();
    const s = await createFileSeenKeys({ dataDir, name: 'h', ttlMs: 60_000, logger });
    const key = 'x'.repeat(100_000);
    expect(await s.add(key)).toBe(true);
    expect(await s.add(key)).toBe(false);
    expect(readFileSync(path.join(dataDir, 'seen-h.jsonl'), 'utf8').length).toBeLessThan(200);
  });

  it('a directory in the file’s place (EISDIR): one error naming the file and what to do; keys kept in memory', async () => {
    const dataDir = tmp();
    mkdirSync(path.join(dataDir, 'seen-d.jsonl'));
    const { lines, logger } = logs();
    const s = await createFileSeenKeys({ dataDir, name: 'd', ttlMs: 60_000, logger });
    expect(await s.add('a')).toBe(true);
    expect(await s.add('a')).toBe(false);
    expect(await s.add('b')).toBe(true);
    const file = path.join(dataDir, 'seen-d.jsonl');
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors.map((l) => l.msg)).toEqual([
      `could not read ${file} (EISDIR): ${file} is a directory: remove it (the bot recreates the file); remembering keys in memory meanwhile`,
      `could not write ${file} (EISDIR): ${file} is a directory: remove it (the bot recreates the file); remembering keys in memory meanwhile`,
    ]);
  });

  it('a full disk (real ENOSPC: the file links to /dev/full): named with what to do, keys kept in memory', async () => {
    if (!existsSync('/dev/full')) return;
    const dataDir = tmp();
    symlinkSync('/dev/full', path.join(dataDir, 'seen-f.jsonl'));
    const { lines, logger } = logs();
    const s = await createFileSeenKeys({ dataDir, name: 'f', ttlMs: 60_000, logger });
    expect(await s.add('a')).toBe(true);
    expect(await s.add('a')).toBe(false);
    const file = path.join(dataDir, 'seen-f.jsonl');
    expect(lines.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([
      `could not write ${file} (ENOSPC): the disk holding ${dataDir} is full: free space there (DATA_DIR); remembering keys in memory meanwhile`,
    ]);
  });

  it('removes temp files left by a compaction cut short, and refuses a bad name word for word', async () => {
    const dataDir = tmp();
    writeFileSync(path.join(dataDir, 'seen-t.jsonl.123.abcd.tmp'), 'x');
    const { logger } = logs();
    await createFileSeenKeys({ dataDir, name: 't', ttlMs: 1, logger });
    expect(readdirSync(dataDir)).toEqual([]);
    await expect(createFileSeenKeys({ dataDir, name: '../x', ttlMs: 1, logger })).rejects.toEqual(
      new SeenKeysError('BAD_NAME', 'seen-keys store name "../x" must be letters, digits and dashes'),
    );
  });
});

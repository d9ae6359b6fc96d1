import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireFileLock } from '../../src/state/file-lock.js';
import { createStateStore } from '../../src/state/file-store.js';
import type { ChannelRef } from '../../src/state/types.js';
import { captureLogger } from '../scheduler/test-logger.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-state-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The pid of a process that has just ended (a pid is not reused that soon). */
async function goneProcessPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

const C1: ChannelRef = { platform: 'slack', id: 'C0001' };
const C2: ChannelRef = { platform: 'slack', id: 'C0002' };
const F1: ChannelRef = { platform: 'feishu', id: 'oc_abc' };

describe('subscriptions', () => {
  it('subscribes and unsubscribes Slack channels and Feishu chats, saying whether anything changed', async () => {
    const { logger } = captureLogger();
    const store = await createStateStore({ dataDir: tempDir(), logger });
    expect(await store.subscribe(C1)).toBe(true);
    expect(await store.subscribe(C1)).toBe(false);
    expect(await store.subscribe(F1)).toBe(true);
    expect(store.isSubscribed(C1)).toBe(true);
    expect(store.isSubscribed({ platform: 'feishu', id: 'C0001' })).toBe(false);
    expect(store.subscriptions('slack')).toEqual([C1]);
    expect(store.subscriptions()).toEqual([C1, F1]);
    expect(await store.unsubscribe(C1)).toBe(true);
    expect(await store.unsubscribe(C1)).toBe(false);
    expect(store.subscriptions()).toEqual([F1]);
  });

  it('persists across a restart', async () => {
    const dataDir = tempDir();
    const { logger } = captureLogger();
    const first = await createStateStore({ dataDir, logger });
    await first.subscribe(C1);
    await first.subscribe(C2);
    await first.unsubscribe(C1);
    await first.markSent(C2, '2025-06-01');
    await first.flush();
    const second = await createStateStore({ dataDir, logger });
    expect(second.subscriptions()).toEqual([C2]);
    expect(second.wasSent(C2, '2025-06-01')).toBe(true);
    expect(second.wasSent(C2, '2025-06-02')).toBe(false);
  });
});

describe('the state file', () => {
  it('is written atomically: always whole JSON, no temp files left behind', async () => {
    const dataDir = tempDir();
    const { logger } = captureLogger();
    const store = await createStateStore({ dataDir, logger });
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.subscribe({ platform: 'slack', id: `C${i}` })));
    expect(readdirSync(dataDir)).toEqual(['state.json']);
    const json = JSON.parse(readFileSync(store.file, 'utf8')) as { subscriptions: { slack: string[] } };
    expect(json.subscriptions.slack).toHaveLength(30);
  });

  it('starts from a missing file with a warning and creates it', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const log = captureLogger();
    const store = await createStateStore({ dataDir, logger: log.logger });
    expect(log.messages(40)).toEqual([`no state file at ${store.file}; starting it from empty state (normal on a first start)`]);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toEqual({ version: 1, subscriptions: { slack: [], feishu: [], dingtalk: [] }, sent: {}, failed: {}, claims: {}, settings: {}, lastSent: {} });
  });

  it('sets a corrupt file aside with a warning naming where it went, and carries on empty', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'state.json'), '{"version":1,"subscriptions":{"slack":["C1"');
    const log = captureLogger();
    const store = await createStateStore({ dataDir, logger: log.logger, now: () => Date.parse('2025-06-01T08:30:00.123Z') });
    const aside = path.join(dataDir, 'state.json.corrupt-2025-06-01T08-30-00-123Z');
    expect(readFileSync(aside, 'utf8')).toBe('{"version":1,"subscriptions":{"slack":["C1"');
    const warning = log.lines.find((l) => l.level === 40);
    expect(warning?.msg).toMatch(
      new RegExp(`^state file .*state\\.json is corrupt \\(not JSON \\(.+\\)\\); moved it to .*state\\.json\\.corrupt-2025-06-01T08-30-00-123Z and started with empty state`),
    );
    expect(warning?.movedTo).toBe(aside);
    expect(store.subscriptions()).toEqual([]);
    expect(await store.subscribe(C1)).toBe(true);
    expect(JSON.parse(readFileSync(store.file, 'utf8')).subscriptions.slack).toEqual(['C0001']);
  });

  it('sets aside a file that is JSON but not state (a wrong shape), naming the field', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'state.json'), JSON.stringify({ version: 1, subscriptions: { slack: 'C1' } }));
    const log = captureLogger();
    await createStateStore({ dataDir, logger: log.logger });
    expect(log.lines.find((l) => l.level === 40)?.problem).toBe('subscriptions.slack: Invalid input: expected array, received string');
    expect(readdirSync(dataDir).filter((f) => f.startsWith('state.json.corrupt-'))).toHaveLength(1);
  });

  it('prunes sent records of dates long past', async () => {
    const { logger } = captureLogger();
    const store = await createStateStore({ dataDir: tempDir(), logger, retainDays: 7 });
    await store.markSent(C1, '2025-06-01');
    await store.markSent(C1, '2025-06-08');
    expect(store.wasSent(C1, '2025-06-01')).toBe(true);
    await store.markSent(C1, '2025-06-09');
    expect(store.wasSent(C1, '2025-06-01')).toBe(false);
    expect(store.wasSent(C1, '2025-06-08')).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(store.file, 'utf8')).sent)).toEqual(['2025-06-08', '2025-06-09']);
  });
});

describe('several processes sharing DATA_DIR', () => {
  it('each sees what the other wrote, without a restart', async () => {
    const dataDir = tempDir();
    const { logger } = captureLogger();
    const a = await createStateStore({ dataDir, logger });
    const b = await createStateStore({ dataDir, logger });
    await a.subscribe(C1);
    expect(b.isSubscribed(C1)).toBe(true);
    await b.markSent(C1, '2025-06-01');
    expect(a.wasSent(C1, '2025-06-01')).toBe(true);
    await b.unsubscribe(C1);
    expect(a.subscriptions()).toEqual([]);
  });

  it('loses no update when both write at once', async () => {
    const dataDir = tempDir();
    const { logger } = captureLogger();
    const a = await createStateStore({ dataDir, logger });
    const b = await createStateStore({ dataDir, logger });
    await Promise.all([
      ...Array.from({ length: 15 }, (_, i) => a.subscribe({ platform: 'slack', id: `A${i}` })),
      ...Array.from({ length: 15 }, (_, i) => b.subscribe({ platform: 'feishu', id: `B${i}` })),
    ]);
    const fresh = await createStateStore({ dataDir, logger });
    expect(fresh.subscriptions('slack')).toHaveLength(15);
    expect(fresh.subscriptions('feishu')).toHaveLength(15);
  });

  it('grants a (channel, date) claim to one process at a time, and none once it was sent', async () => {
    const dataDir = tempDir();
    const { logger } = captureLogger();
    const a = await createStateStore({ dataDir, logger, instanceId: 'replica-a' });
    const b = await createStateStore({ dataDir, logger, instanceId: 'replica-b' });
    const ca = await a.claim!(C1, '2025-06-01');
    expect(ca.granted).toBe(true);
    expect(await b.claim!(C1, '2025-06-01')).toEqual({ granted: false, reason: 'claimed', by: 'replica-a', staleAt: expect.any(Number) });
    // Another channel or another date is free.
    expect((await b.claim!(C2, '2025-06-01')).granted).toBe(true);
    expect((await b.claim!(C1, '2025-06-02')).granted).toBe(true);
    // A failed post releases the claim; the other replica may then try.
    if (ca.granted) await ca.release();
    const cb = await b.claim!(C1, '2025-06-01');
    expect(cb.granted).toBe(true);
    await b.markSent(C1, '2025-06-01');
    expect(await a.claim!(C1, '2025-06-01')).toEqual({ granted: false, reason: 'sent' });
  });

  it('takes over a claim left by a crashed process once it is stale', async () => {
    const dataDir = tempDir();
    const { logger } = captureLogger();
    let clock = Date.parse('2025-06-01T00:30:00Z');
    const now = () => clock;
    const crashed = await createStateStore({ dataDir, logger, instanceId: 'crashed', now, claimStaleMs: 60_000 });
    const survivor = await createStateStore({ dataDir, logger, instanceId: 'survivor', now, claimStaleMs: 60_000 });
    expect((await crashed.claim!(C1, '2025-06-01')).granted).toBe(true);
    clock += 59_000;
    expect((await survivor.claim!(C1, '2025-06-01')).granted).toBe(false);
    clock += 1_000;
    expect((await survivor.claim!(C1, '2025-06-01')).granted).toBe(true);
  });

  it('renews a claim while its holder keeps trying, so a long run of retries never lets it go stale', async () => {
    const dataDir = tempDir();
    const { logger } = captureLogger();
    let clock = Date.parse('2025-06-01T00:30:00Z');
    const now = () => clock;
    const a = await createStateStore({ dataDir, logger, instanceId: 'retrying', now, claimStaleMs: 60_000 });
    const b = await createStateStore({ dataDir, logger, instanceId: 'other', now, claimStaleMs: 60_000 });
    const claim = await a.claim!(C1, '2025-06-01');
    if (!claim.granted) throw new Error('not granted');
    clock += 50_000;
    await claim.setPosting!(false); // waiting between attempts
    clock += 50_000;
    await claim.setPosting!(true); // the next attempt
    clock += 50_000; // 150 s after the claim, 50 s after its renewal
    expect(await b.claim!(C1, '2025-06-01')).toEqual({ granted: false, reason: 'claimed', by: 'retrying', staleAt: clock + 10_000 });
    clock += 10_000;
    expect((await b.claim!(C1, '2025-06-01')).granted).toBe(true);
  });

  it('takes over at once a claim whose holder on this host is gone and was not posting, but not one that was', async () => {
    const dataDir = tempDir();
    const gone = await goneProcessPid();
    const host = os.hostname();
    const at = Date.now();
    writeFileSync(
      path.join(dataDir, 'state.json'),
      JSON.stringify({
        version: 1,
        subscriptions: { slack: [], feishu: [], dingtalk: [] },
        sent: {},
        failed: {},
        claims: {
          // Waiting between attempts when it died: nothing can have gone out.
          '2025-06-01|slack:C0001': { by: 'gone-waiting', at, host, pid: gone, posting: false },
          // A post in flight when it stopped: it may have gone out, so it waits to go stale.
          '2025-06-01|slack:C0002': { by: 'gone-posting', at, host, pid: gone, posting: true },
          // Another host's pids say nothing here.
          '2025-06-01|feishu:oc_abc': { by: 'elsewhere', at, host: `not-${host}`, pid: gone, posting: false },
          // This pid, started at another time: the process before a container restart (pid 1 both times).
          '2025-06-01|slack:C0003': { by: 'before-restart', at, host, pid: process.pid, started: 1, posting: false },
        },
      }),
    );
    const log = captureLogger();
    const store = await createStateStore({ dataDir, logger: log.logger, instanceId: 'restarted' });
    expect((await store.claim!(C1, '2025-06-01')).granted).toBe(true);
    expect(await store.claim!(C2, '2025-06-01')).toEqual({ granted: false, reason: 'claimed', by: 'gone-posting', staleAt: at + 15 * 60_000 });
    expect(await store.claim!(F1, '2025-06-01')).toMatchObject({ granted: false, reason: 'claimed', by: 'elsewhere' });
    expect((await store.claim!({ platform: 'slack', id: 'C0003' }, '2025-06-01')).granted).toBe(true);
    expect(log.messages(30)).toContain(
      'claim on the digest for slack:C0001 on 2025-06-01 by gone-waiting is taken over: that process is no longer running',
    );
  });

  it('takes over a lock file left by a crashed process once it is stale', async () => {
    const dataDir = tempDir();
    const lock = path.join(dataDir, 'state.json.lock');
    writeFileSync(lock, '{"owner":"crashed"}\n');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const { logger } = captureLogger();
    const store = await createStateStore({ dataDir, logger, lockStaleMs: 30_000 });
    expect(await store.subscribe(C1)).toBe(true);
    expect(readdirSync(dataDir)).toEqual(['state.json']);
  });

  it('takes over at once a lock file left by a process on this host that is gone', async () => {
    const dataDir = tempDir();
    const lock = path.join(dataDir, 'state.json.lock');
    writeFileSync(lock, `${JSON.stringify({ owner: 'crashed', host: os.hostname(), pid: await goneProcessPid(), at: new Date().toISOString() })}\n`);
    const { logger } = captureLogger();
    // Fresh, so not stale by age for another 30 s; waiting for it would fail after a second.
    const store = await createStateStore({ dataDir, logger, lockTimeoutMs: 1000 });
    expect(await store.subscribe(C1)).toBe(true);
    expect(readdirSync(dataDir)).toEqual(['state.json']);
  });

  it('waits for a live lock and gives up with a message saying what to do', async () => {
    const dataDir = tempDir();
    const lock = path.join(dataDir, 'held.lock');
    const release = await acquireFileLock(lock);
    await expect(acquireFileLock(lock, { timeoutMs: 50 })).rejects.toThrow(
      `could not lock ${lock} within 50 ms; if no other zhenxing process is running, delete that file`,
    );
    const waiting = acquireFileLock(lock, { timeoutMs: 5_000 });
    setTimeout(() => void release(), 30);
    const second = await waiting;
    await second();
  });
});

describe('permanent failures', () => {
  it('are recorded per channel and date for every process to see, release the claim, and are pruned like sent records', async () => {
    const dataDir = tempDir();
    const { logger } = captureLogger();
    const a = await createStateStore({ dataDir, logger, instanceId: 'replica-a', retainDays: 7 });
    const b = await createStateStore({ dataDir, logger, instanceId: 'replica-b', retainDays: 7 });
    expect((await a.claim!(C1, '2025-06-01')).granted).toBe(true);
    await a.markFailed!(C1, '2025-06-01', 'not_in_channel');
    expect(b.failureOf!(C1, '2025-06-01')).toBe('not_in_channel');
    expect(b.failureOf!(C1, '2025-06-02')).toBeUndefined();
    expect(b.failureOf!(C2, '2025-06-01')).toBeUndefined();
    expect(JSON.parse(readFileSync(a.file, 'utf8')).claims).toEqual({});
    await b.markSent(C2, '2025-06-09');
    expect(a.failureOf!(C1, '2025-06-01')).toBeUndefined();
  });
});

describe('separate processes', () => {
  it('two replicas racing over one DATA_DIR post each (channel, date) exactly once', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const run = promisify(execFile);
    const dataDir = tempDir();
    const worker = path.join(import.meta.dirname, 'claim-worker.ts');
    const ids = ['replica-a', 'replica-b'];
    const [a, b] = await Promise.all(
      ids.map((id) => run(process.execPath, ['--import', 'tsx', worker, dataDir, id, '6', '4', ids.join(',')], { cwd: process.cwd() })),
    );
    const byA = JSON.parse(a!.stdout) as string[];
    const byB = JSON.parse(b!.stdout) as string[];
    const posted = [...byA, ...byB];
    expect(posted.sort()).toEqual(
      [1, 2, 3, 4].flatMap((d) => [0, 1, 2, 3, 4, 5].map((c) => `2025-06-0${d}|C${c}`)).sort(),
    );
  }, 60_000);
});

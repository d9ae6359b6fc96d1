/**
 * The Redis state store and seen keys against a real redis-server: two stores with their own connections play two
 * replicas. Claims are exclusive, subscriptions reach the other replica, writes made while Redis is down are kept
 * and saved when it is back, and claims are refused meanwhile so that nothing is posted twice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createStateBackend } from '../../src/state/backend.js';
import { StateUnavailableError } from '../../src/state/redis-connection.js';
import type { ChannelRef } from '../../src/state/types.js';
import { eventually, useRedisReplicas } from '../helpers/redis-replicas.js';
import { redisAvailable } from '../helpers/redis-server.js';
import { captureLogger } from '../scheduler/test-logger.js';

const C1: ChannelRef = { platform: 'slack', id: 'C0001' };
const F1: ChannelRef = { platform: 'feishu', id: 'oc_abc' };
const TODAY = new Date().toISOString().slice(0, 10);

describe.skipIf(!redisAvailable)('Redis state (real redis-server)', () => {
  const replicas = useRedisReplicas({ keyPrefix: 't', tmpPrefix: 'zhenxing-redis-state-' });
  const { dirs, backends } = replicas;
  /** A replica: its own DATA_DIR and its own Redis connections. */
  const replica = (startTimeoutMs?: number) => replicas.replica(startTimeoutMs !== undefined ? { startTimeoutMs } : {});

  it('shares subscriptions: made on one replica, seen by the other at once and after a restart', async () => {
    const a = await replica();
    const b = await replica();
    expect(await a.store.subscribe(C1)).toBe(true);
    expect(await b.store.subscribe(C1)).toBe(false);
    expect(await a.store.subscribe(F1)).toBe(true);
    await eventually(() => b.store.isSubscribed(F1), 'replica b hears of the subscription');
    expect(b.store.subscriptions()).toEqual([C1, F1]);
    expect(b.store.subscriptions('feishu')).toEqual([F1]);
    expect(await b.store.unsubscribe(C1)).toBe(true);
    await eventually(() => !a.store.isSubscribed(C1), 'replica a hears of the unsubscription');
    const c = await replica();
    expect(c.store.subscriptions()).toEqual([F1]);
  });

  it('grants a claim to exactly one of two replicas racing for it, fifty times over', async () => {
    const a = await replica();
    const b = await replica();
    let granted = 0;
    for (let i = 0; i < 50; i++) {
      const channel = { platform: 'slack' as const, id: `C${i}` };
      const [x, y] = await Promise.all([a.store.claim!(channel, TODAY), b.store.claim!(channel, TODAY)]);
      granted += Number(x.granted) + Number(y.granted);
      const loser = x.granted ? y : x;
      expect(loser).toMatchObject({ granted: false, reason: 'claimed' });
    }
    expect(granted).toBe(50);
  });

  it('says sent once recorded, frees a released claim, and lets a claim expire when its holder dies', async () => {
    const a = await replica();
    const b = await replica();
    const claim = await a.store.claim!(C1, TODAY);
    expect(claim.granted).toBe(true);
    const held = await b.store.claim!(C1, TODAY);
    expect(held).toMatchObject({ granted: false, reason: 'claimed' });
    if (held.granted) throw new Error('unreachable');
    expect(held.by).toMatch(/:\d+:/);
    expect(held.staleAt! - Date.now()).toBeGreaterThan(14 * 60_000);
    if (claim.granted) await claim.release();
    const mine = await b.store.claim!(C1, TODAY);
    expect(mine.granted).toBe(true);
    await b.store.markSent(C1, TODAY);
    expect(await a.store.claim!(C1, TODAY)).toEqual({ granted: false, reason: 'sent' });
    expect(a.store.wasSent(C1, TODAY)).toBe(true);

    // A holder that died never releases: its claim expires by itself (here after 300 ms).
    const { createRedisConnection } = await import('../../src/state/redis-connection.js');
    const { createRedisStateStore } = await import('../../src/state/redis-store.js');
    const conn = createRedisConnection({ url: replicas.redis.url, logger: captureLogger().logger });
    const dying = await createRedisStateStore({ connection: conn, logger: captureLogger().logger, prefix: replicas.prefix, claimStaleMs: 300 });
    expect((await dying.claim!(F1, TODAY)).granted).toBe(true);
    await conn.close();
    expect(await a.store.claim!(F1, TODAY)).toMatchObject({ granted: false, reason: 'claimed' });
    await new Promise((r) => setTimeout(r, 350));
    expect((await a.store.claim!(F1, TODAY)).granted).toBe(true);
  });

  it('takes over at once a claim whose holder on this host is gone with no post in flight; one mid-post waits', async () => {
    const a = await replica();
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    const ghost = (posting: boolean) => JSON.stringify({ by: 'ghost:1', at: Date.now(), host: os.hostname(), pid: child.pid, started: 1, posting });
    const raw = new Redis(replicas.redis.url);
    await raw.set(`${replicas.prefix}claim:${TODAY}:slack:C0001`, ghost(true), 'PX', 900_000);
    await raw.set(`${replicas.prefix}claim:${TODAY}:feishu:oc_abc`, ghost(false), 'PX', 900_000);
    await raw.quit();
    expect(await a.store.claim!(C1, TODAY)).toMatchObject({ granted: false, reason: 'claimed', by: 'ghost:1' });
    expect((await a.store.claim!(F1, TODAY)).granted).toBe(true);
    expect(a.log.messages(30)).toContain(
      `claim on the digest for feishu:oc_abc on ${TODAY} by ghost:1 is taken over: that process is no longer running`,
    );
  });

  it('records permanent failures for every replica', async () => {
    const a = await replica();
    const b = await replica();
    await a.store.markFailed!(C1, TODAY, 'not_in_channel');
    await eventually(() => b.store.failureOf!(C1, TODAY) === 'not_in_channel', 'replica b hears of the failure');
  });

  it('while Redis is down: answers from the mirror, keeps writes and saves them when it is back; refuses claims', async () => {
    // A settle window longer than the waits for both replicas to catch up below: with 500 ms, a loaded machine (the
    // whole suite in CI) let the window pass before the first claim was asked, and the claim was granted.
    const a = await replicas.replica({ settleMs: 5000 });
    const b = await replicas.replica({ settleMs: 5000 });
    await a.store.subscribe(C1);
    await eventually(() => b.store.isSubscribed(C1), 'replica b hears of C1');
    await replicas.redis.stop();
    await eventually(() => a.status().state === 'down', 'replica a sees Redis down');

    expect(a.store.isSubscribed(C1)).toBe(true);
    expect(await a.store.subscribe(F1)).toBe(true);
    expect(a.store.subscriptions()).toEqual([C1, F1]);
    expect(a.status()).toMatchObject({ backend: 'redis', ok: false, state: 'down', pendingWrites: 1 });
    await expect(a.store.claim!(C1, TODAY)).rejects.toBeInstanceOf(StateUnavailableError);
    await expect(a.store.claim!(C1, TODAY)).rejects.toMatchObject({ code: 'state_unavailable' });
    await a.store.markSent(C1, TODAY);
    expect(a.store.wasSent(C1, TODAY)).toBe(true);
    expect(a.log.messages(40)).toContain('Redis is unavailable; the subscription of feishu:oc_abc is kept here and saved when it is back');

    await replicas.redis.start();
    await eventually(() => a.status().ok, 'replica a saves its queued writes', 10_000).catch((err) => {
      console.log(JSON.stringify(a.status()), a.log.lines.map((l) => l.msg));
      throw err;
    });
    await eventually(() => b.store.isSubscribed(F1) && b.store.wasSent(C1, TODAY), 'replica b sees them', 10_000);
    // Claims wait a moment after the outage (here 5000 ms), for every replica to save what it kept.
    await expect(b.store.claim!(F1, TODAY)).rejects.toThrow(/claims wait 5000 ms for every replica to save what it kept/);
    await eventually(async () => (await b.store.claim!(C1, TODAY).catch(() => undefined)) !== undefined, 'claims again', 10_000);
    expect(await b.store.claim!(C1, TODAY)).toEqual({ granted: false, reason: 'sent' });
    expect(a.log.messages(30)).toContain('queued state writes saved to Redis');
  }, 30_000);

  it('starts without Redis (degraded, saying so), and loads and saves the state once Redis answers', async () => {
    const a = await replica();
    await a.store.subscribe(C1);
    await replicas.redis.stop();
    const late = await replica(300);
    expect(late.status()).toMatchObject({ backend: 'redis', ok: false, state: 'down' });
    expect(late.log.messages(50)).toContain(
      `Redis at ${replicas.redis.url} did not answer at start; starting without it (no subscriptions known yet), and loading the state when it answers`,
    );
    expect(late.store.subscriptions()).toEqual([]);
    expect(await late.store.subscribe(F1)).toBe(true);
    await replicas.redis.start();
    await eventually(() => late.status().ok && late.store.isSubscribed(C1), 'the late replica loads the state', 10_000);
    expect(late.store.subscriptions()).toEqual([C1, F1]);
    await eventually(() => a.store.isSubscribed(F1), 'the first replica hears of the subscription made while Redis was away', 20_000);
  }, 30_000);

  it('keeps writes made while Redis is away across a restart of the replica (DATA_DIR), and saves them later', async () => {
    const b = await replica();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-redis-pending-'));
    dirs.push(dataDir);
    const open = (log = captureLogger()) =>
      createStateBackend({ dataDir, stateUrl: replicas.redis.url, logger: log.logger, prefix: replicas.prefix, settleMs: 500, startTimeoutMs: 300 }).then((x) => Object.assign(x, { log }));
    const first = await open();
    await replicas.redis.stop();
    await eventually(() => first.status().state === 'down', 'the replica sees Redis down');
    await first.store.subscribe(F1);
    await first.store.markSent(C1, TODAY);
    await first.close();
    expect(first.log.messages(50)).toContain(
      `2 state writes could not be saved to Redis before stopping: the subscription of feishu:oc_abc; the record that the digest for ${TODAY} went to slack:C0001`,
    );
    const again = await open();
    backends.push(again);
    expect(again.log.messages(40)).toContain(
      `2 state writes kept from before a restart will be saved to Redis: the subscription of feishu:oc_abc; the record that the digest for ${TODAY} went to slack:C0001`,
    );
    expect(again.store.isSubscribed(F1)).toBe(true);
    expect(again.store.wasSent(C1, TODAY)).toBe(true);
    await replicas.redis.start();
    await eventually(() => again.status().ok, 'the restarted replica saves them', 10_000);
    await eventually(() => b.store.isSubscribed(F1) && b.store.wasSent(C1, TODAY), 'the other replica sees them', 10_000);
    expect(readdirSync(dataDir)).toEqual([]);
  }, 30_000);

  it('keeps what was stored across a Redis restart (append-only file)', async () => {
    const a = await replica();
    await a.store.subscribe(C1);
    await a.store.markSent(C1, TODAY);
    await replicas.redis.stop();
    await replicas.redis.start();
    const c = await replica();
    expect(c.store.subscriptions()).toEqual([C1]);
    expect(c.store.wasSent(C1, TODAY)).toBe(true);
  });

  it('seen keys: one replica of two is first; a window expires; a forgotten key is first again', async () => {
    const a = await replica();
    const b = await replica();
    const sa = await a.seenKeys({ name: 'share', ttlMs: 60_000 });
    const sb = await b.seenKeys({ name: 'share', ttlMs: 60_000 });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? sa : sb).add('click-1')));
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(await sb.has('click-1')).toBe(true);
    await sa.delete('click-1');
    expect(await sb.add('click-1')).toBe(true);
    expect(await sa.add('short', 100)).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(await sb.add('short')).toBe(true);
    // Hostile long keys are stored hashed.
    expect(await sa.add('x'.repeat(5000))).toBe(true);
    expect(await sb.add('x'.repeat(5000))).toBe(false);
  });

  it('seen keys while Redis is down: events are remembered locally and written back; shares are refused', async () => {
    const a = await replica();
    const b = await replica();
    const events = await a.seenKeys({ name: 'events', ttlMs: 60_000, whenDown: 'local' });
    const shares = await a.seenKeys({ name: 'shares', ttlMs: 60_000, whenDown: 'refuse' });
    await replicas.redis.stop();
    await eventually(() => a.status().state === 'down', 'replica a sees Redis down');
    expect(await events.add('msg-1')).toBe(true);
    expect(await events.add('msg-1')).toBe(false);
    await expect(shares.add('click-9')).rejects.toBeInstanceOf(StateUnavailableError);
    await replicas.redis.start();
    await eventually(() => a.status().state === 'ready', 'replica a reconnects', 10_000);
    const other = await b.seenKeys({ name: 'events', ttlMs: 60_000 });
    await eventually(async () => (await other.has('msg-1')) === true, 'the key taken during the outage reaches Redis');
    expect(await other.add('msg-1')).toBe(false);
    expect(await shares.add('click-9')).toBe(true);
  }, 30_000);

  it('export and import: a single bot\'s state file moves into Redis, and back out', async () => {
    const fileDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-redis-import-'));
    dirs.push(fileDir);
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      path.join(fileDir, 'state.json'),
      JSON.stringify({
        version: 1,
        subscriptions: { slack: ['C0001', 'C0002'], feishu: ['oc_abc'] },
        sent: { [TODAY]: ['slack:C0001'], [old]: ['slack:C0002'] },
        failed: { [TODAY]: { 'slack:C0002': 'not_in_channel' } },
        claims: {},
      }),
    );
    const files = await createStateBackend({ dataDir: fileDir, logger: captureLogger().logger });
    backends.push(files);
    const a = await replica();
    const summary = await a.importState(await files.exportState());
    expect(summary).toEqual({ subscriptions: 3, sent: 1, failed: 1, settings: 0, votes: 0, searches: 0, expired: 1 });
    expect(await a.exportState()).toEqual({
      version: 1,
      subscriptions: { slack: ['C0001', 'C0002'], feishu: ['oc_abc'], dingtalk: [] },
      sent: { [TODAY]: ['slack:C0001'] },
      failed: { [TODAY]: { 'slack:C0002': 'not_in_channel' } },
      settings: {},
      // Recorded by the import of the sent record.
      lastSent: { 'slack:C0001': { date: TODAY, at: expect.any(Number) } },
      votes: [],
      searches: [],
    });
    const b = await replica();
    expect(b.store.wasSent(C1, TODAY)).toBe(true);
    expect(b.store.failureOf!({ platform: 'slack', id: 'C0002' }, TODAY)).toBe('not_in_channel');
    // Keys carry the retention: sent records expire 35 days after their date.
    const raw = new Redis(replicas.redis.url);
    const ttl = await raw.pttl(`${replicas.prefix}sent:${TODAY}`);
    await raw.quit();
    expect(ttl).toBeGreaterThan(34 * 86_400_000);
  });
});

/**
 * Votes, the search log and each channel's reading settings in a real redis-server (STATE_URL), through two
 * replicas (two backends, each with its own DATA_DIR and connections): what one writes the other reads, the log
 * stays bounded and free of who asked, and Redis going away loses nothing and counts nothing twice.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { Vote } from '../../src/feedback/votes.js';
import { createStateBackend, PENDING_FILE } from '../../src/state/backend.js';
import { MAX_QUEUED_SEARCHES } from '../../src/state/redis-store.js';
import type { ChannelRef } from '../../src/state/types.js';
import { eventually, useRedisReplicas } from '../helpers/redis-replicas.js';
import { redisAvailable } from '../helpers/redis-server.js';
import { captureLogger } from '../scheduler/test-logger.js';

const C1: ChannelRef = { platform: 'slack', id: 'C0001' };
const D1: ChannelRef = { platform: 'dingtalk', id: 'cidAbc==' };
const TODAY = new Date().toISOString().slice(0, 10);

const vote = (over: Partial<Vote> = {}): Vote => ({
  query: '人才振兴',
  passageId: '002-014',
  voter: 'voterA',
  value: 'down',
  platform: 'slack',
  at: Date.now(),
  ...over,
});

const search = (query: string, at = Date.now()) => ({ at, query, count: 3, partial: false, corrected: false, platform: 'slack' });

describe.skipIf(!redisAvailable)('votes, search log and channel settings in Redis (real redis-server)', () => {
  const replicas = useRedisReplicas({ keyPrefix: 'f', tmpPrefix: 'zhenxing-redis-feedback-' });
  const { replica, dirs, backends } = replicas;

  it('a vote through one replica is counted on the other; a second vote by the same voter replaces the first', async () => {
    const a = await replica();
    const b = await replica();
    expect(await a.votes.record(vote())).toEqual({ previous: undefined });
    expect(await b.votes.record(vote({ voter: 'voterB' }))).toEqual({ previous: undefined });
    expect(await b.votes.tally('人才振兴')).toEqual(new Map([['002-014', { up: 0, down: 2 }]]));
    // voterA changes their mind on replica b.
    expect(await b.votes.record(vote({ value: 'up', at: Date.now() + 1 }))).toEqual({ previous: 'down' });
    expect(await a.votes.tally('人才振兴')).toEqual(new Map([['002-014', { up: 1, down: 1 }]]));
    // Another query is untouched.
    expect(await a.votes.tally('文化振兴')).toEqual(new Map());
    // An older vote arriving late (a replica's queue drained after the newer one) does not undo the newer.
    await a.votes.record(vote({ value: 'down', at: Date.now() - 60_000 }));
    expect(await b.votes.tally('人才振兴')).toEqual(new Map([['002-014', { up: 1, down: 1 }]]));
    const listed = await a.votes.list();
    expect(listed.map((v) => `${v.voter}:${v.value}`).sort()).toEqual(['voterA:up', 'voterB:down']);
  });

  it('keeps at most maxVotes votes, dropping the oldest', async () => {
    const a = await replica({ feedback: { maxVotes: 3 } });
    const t = Date.now();
    for (let i = 0; i < 5; i++) await a.votes.record(vote({ voter: `v${i}`, passageId: `p${i}`, at: t + i }));
    expect((await a.votes.list()).map((v) => v.voter)).toEqual(['v2', 'v3', 'v4']);
    expect(await a.votes.tally('人才振兴')).toEqual(
      new Map([
        ['p2', { up: 0, down: 1 }],
        ['p3', { up: 0, down: 1 }],
        ['p4', { up: 0, down: 1 }],
      ]),
    );
  });

  it('the search log holds both replicas’ searches, bounded by count and age, with no user or channel ids', async () => {
    const a = await replica({ feedback: { maxSearches: 5, maxSearchAgeDays: 90 } });
    const b = await replica({ feedback: { maxSearches: 5, maxSearchAgeDays: 90 } });
    await a.searchLog.record(search('旧的', Date.now() - 91 * 86_400_000));
    const t = Date.now();
    await a.searchLog.record(search('人才', t));
    await b.searchLog.record(search('人才', t + 1));
    await b.searchLog.record({ ...search('生态', t + 2), count: 0 });
    await a.searchLog.flush();
    await b.searchLog.flush();
    const entries = await a.searchLog.list();
    expect(entries.map((e) => e.query)).toEqual(['人才', '人才', '生态']);
    expect(Object.keys(entries[0]!).sort()).toEqual(['at', 'corrected', 'count', 'partial', 'platform', 'query']);
    for (let i = 0; i < 6; i++) await b.searchLog.record(search(`q${i}`, t + 10 + i));
    await b.searchLog.flush();
    expect((await a.searchLog.list()).map((e) => e.query)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    // What Redis holds names no user and no channel.
    const raw = new Redis(replicas.redis.url);
    const stored = await raw.zrange(`${replicas.prefix}searches`, 0, -1);
    await raw.quit();
    expect(stored).toHaveLength(5);
    for (const s of stored) expect(Object.keys(JSON.parse(s) as object).sort()).toEqual(['at', 'corrected', 'count', 'id', 'partial', 'platform', 'query']);
  });

  it('channel settings and the last reading sent: set on one replica, read on the other, cleared by unsubscribing', async () => {
    const a = await replica();
    const b = await replica();
    await a.store.subscribe(C1);
    await a.store.setSettings!(C1, { time: '09:30', theme: 'talent' });
    await eventually(() => b.store.settingsOf!(C1)?.time === '09:30', 'replica b hears of the settings');
    expect(b.store.settingsOf!(C1)).toEqual({ time: '09:30', theme: 'talent' });
    await b.store.setSettings!(C1, { time: '09:30' });
    await eventually(() => a.store.settingsOf!(C1)?.theme === undefined, 'replica a hears the theme cleared');
    expect(a.store.settingsOf!(C1)).toEqual({ time: '09:30' });
    await b.store.markSent(C1, TODAY);
    await eventually(() => a.store.lastSentOf!(C1)?.date === TODAY, 'replica a hears of the reading sent');
    // A replica started later loads them.
    const c = await replica();
    expect(c.store.settingsOf!(C1)).toEqual({ time: '09:30' });
    expect(c.store.lastSentOf!(C1)).toMatchObject({ date: TODAY });
    await a.store.unsubscribe(C1);
    await eventually(() => b.store.settingsOf!(C1) === undefined, 'replica b hears the settings cleared');
    await a.store.subscribe(C1);
    expect(c.store.settingsOf!(C1)).toBeUndefined();
  });

  it('while Redis is away: searches keep ranking with the last tallies, votes, searches and settings are kept; saved once when it is back', async () => {
    const a = await replica();
    const b = await replica();
    await a.votes.record(vote({ voter: 'v1' }));
    expect(await a.votes.tally('人才振兴')).toEqual(new Map([['002-014', { up: 0, down: 1 }]]));
    await replicas.redis.stop();
    await eventually(() => a.status().state === 'down', 'replica a sees Redis down');

    // Ranking goes on with the tallies last read, at once.
    expect(await a.votes.tally('人才振兴')).toEqual(new Map([['002-014', { up: 0, down: 1 }]]));
    expect(await a.votes.tally('never read')).toEqual(new Map());
    expect(await a.votes.record(vote({ voter: 'v2' }))).toEqual({ previous: undefined });
    await a.searchLog.record(search('停电时'));
    await a.searchLog.record(search('停电时'));
    await a.store.setSettings!(D1, { theme: 'ecology' });
    expect(a.store.settingsOf!(D1)).toEqual({ theme: 'ecology' });
    await a.searchLog.flush();
    expect(a.status()).toMatchObject({ ok: false, pendingWrites: 4 });
    const kept = readFileSync(path.join(a.dataDir, PENDING_FILE), 'utf8').trim().split('\n');
    expect(kept.map((l) => (JSON.parse(l) as { op: string }).op)).toEqual(['vote', 'search', 'search', 'settings']);
    expect(a.log.messages(40)).toContain('Redis is unavailable; a vote on 002-014 is kept here and saved when it is back');

    await replicas.redis.start();
    await eventually(() => a.status().ok, 'replica a saves its queued writes');
    // Replica b answers from the tallies it last read (none) until it is connected again and its read comes back within
    // the search's wait (TALLY_WAIT_MS), which a loaded CI machine can miss once: wait for both, then the exact tally.
    await eventually(() => b.status().ok, 'replica b is connected again');
    await eventually(async () => (await b.votes.tally('人才振兴')).size > 0, 'replica b reads the votes');
    expect(await b.votes.tally('人才振兴')).toEqual(new Map([['002-014', { up: 0, down: 2 }]]));
    expect((await b.searchLog.list()).filter((e) => e.query === '停电时')).toHaveLength(2);
    await eventually(() => b.store.settingsOf!(D1)?.theme === 'ecology', 'replica b sees the settings');
    expect(readdirSync(a.dataDir)).not.toContain(PENDING_FILE);
  }, 30_000);

  it('keeps at most 5000 searches while Redis is away, says how many were not logged, and saves the rest once', async () => {
    const a = await replica();
    await replicas.redis.stop();
    await eventually(() => a.status().state === 'down', 'replica a sees Redis down');
    const t = Date.now();
    for (let i = 0; i < MAX_QUEUED_SEARCHES + 3; i++) await a.searchLog.record(search(`q${i % 10}`, t + i));
    await a.searchLog.flush();
    expect(a.status().pendingWrites).toBe(MAX_QUEUED_SEARCHES);
    expect(a.log.messages(40)).toContain(
      `Redis is still unavailable; ${MAX_QUEUED_SEARCHES} searches are kept for it, later ones are not logged until it is back`,
    );
    await replicas.redis.start();
    await eventually(() => a.status().ok, 'replica a saves the searches', 20_000);
    expect(a.log.messages(40)).toContain(`3 searches were not logged while Redis was away (at most ${MAX_QUEUED_SEARCHES} are kept for it)`);
    expect(await a.searchLog.list()).toHaveLength(MAX_QUEUED_SEARCHES);
    expect(readdirSync(a.dataDir)).not.toContain(PENDING_FILE);
  }, 40_000);

  it('writes kept across a restart of the replica are saved once, even when sent again', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-redis-feedback-pending-'));
    const first = await replica({ dataDir, startTimeoutMs: 300 });
    await replicas.redis.stop();
    await eventually(() => first.status().state === 'down', 'the replica sees Redis down');
    await first.votes.record(vote({ voter: 'v9', value: 'up' }));
    await first.searchLog.record(search('重启'));
    await first.close();
    backends.splice(backends.indexOf(first), 1);
    expect(first.log.messages(50)).toContain(
      '2 state writes could not be saved to Redis before stopping: a vote on 002-014; a search log entry',
    );
    const text = readFileSync(path.join(dataDir, PENDING_FILE), 'utf8');

    const again = await replica({ dataDir, startTimeoutMs: 300 });
    await replicas.redis.start();
    await eventually(() => again.status().ok, 'the restarted replica saves them');
    // The same queue saved a second time (a crash after Redis took it but before the file was rewritten).
    const copyDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-redis-feedback-copy-'));
    writeFileSync(path.join(copyDir, PENDING_FILE), text);
    const replay = await replica({ dataDir: copyDir });
    await eventually(() => replay.status().ok, 'the replayed queue is saved');
    expect(await replay.votes.tally('人才振兴')).toEqual(new Map([['002-014', { up: 1, down: 0 }]]));
    expect((await replay.searchLog.list()).filter((e) => e.query === '重启')).toHaveLength(1);
  }, 30_000);

  it('export and import carry votes, searches, settings and last readings; importing twice adds nothing', async () => {
    const fileDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-redis-feedback-file-'));
    dirs.push(fileDir);
    const files = await createStateBackend({ dataDir: fileDir, logger: captureLogger().logger });
    backends.push(files);
    await files.store.subscribe(C1);
    await files.store.setSettings!(C1, { time: '07:15', theme: 'culture' });
    await files.store.markSent(C1, TODAY);
    await files.votes.record(vote({ voter: 'x1' }));
    await files.votes.record(vote({ voter: 'x2', value: 'up', passageId: '001-003' }));
    await files.searchLog.record(search('人才'));
    await files.searchLog.record(search('人才'));
    await files.searchLog.flush();
    const exported = await files.exportState();
    expect(exported.votes).toHaveLength(2);
    expect(exported.searches).toHaveLength(2);
    expect(exported.settings).toEqual({ 'slack:C0001': { time: '07:15', theme: 'culture' } });

    const a = await replica();
    expect(await a.importState(exported)).toEqual({ subscriptions: 1, sent: 1, failed: 0, settings: 1, votes: 2, searches: 2, expired: 0 });
    expect(await a.importState(exported)).toMatchObject({ votes: 2, searches: 0 });
    const b = await replica();
    expect(b.store.settingsOf!(C1)).toEqual({ time: '07:15', theme: 'culture' });
    expect(b.store.lastSentOf!(C1)).toEqual(exported.lastSent!['slack:C0001']);
    expect(await b.votes.tally('人才振兴')).toEqual(
      new Map([
        ['002-014', { up: 0, down: 1 }],
        ['001-003', { up: 1, down: 0 }],
      ]),
    );
    const back = await b.exportState();
    expect(back.searches).toHaveLength(2);
    expect(back.votes).toHaveLength(2);
    // And a Redis export imported into Redis again adds no search either (the entries keep their ids).
    expect(await b.importState(back)).toMatchObject({ searches: 0 });
    expect(await b.searchLog.list()).toHaveLength(2);
  });
});

/**
 * How one run delivers: retries and backoff, permanent errors, targets, and replicas sharing DATA_DIR.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Digest } from '../../src/digest/types.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { Router } from '../../src/router/view-model.js';
import { createHttpServer } from '../../src/server/http-server.js';
import { createSlackAdapter } from '../../src/slack/index.js';
import type { DigestSender } from '../../src/state/delivery.js';
import type { ChannelRef } from '../../src/state/types.js';
import { fakeClock, settle, startRig, type Rig } from './rig.js';

const A: ChannelRef = { platform: 'slack', id: 'CAAAA0001' };
const B: ChannelRef = { platform: 'slack', id: 'CBBBB0002' };
const CHAT: ChannelRef = { platform: 'feishu', id: 'oc_chat0001' };
const GONE: ChannelRef = { platform: 'slack', id: 'CGONE0001' };

/** 09:00 on Monday 2 June 2025 in Shanghai. */
const MORNING = new Date('2025-06-02T01:00:00Z');

/** The claims in state.json: key "date|platform:id" → holder. */
const claimsOnDisk = () =>
  (JSON.parse(readFileSync(path.join(rig.dataDir, 'state.json'), 'utf8')) as { claims: Record<string, { by: string; posting?: boolean }> }).claims;

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  vi.useRealTimers();
  await rig.close();
});

describe('retries', () => {
  it('retries a 5xx with doubling backoff, and records nothing when every attempt failed', async () => {
    rig.slack.script('chat.postMessage', [{ status: 503, body: 'upstream down' }, { status: 502 }, { status: 500 }]);
    const { store, scheduler } = await rig.boot({ fixedChannels: [A], maxAttempts: 3 });
    const report = await scheduler.runOnce(MORNING);
    expect(report.results).toEqual([{ channel: A, outcome: 'failed', attempts: 3, code: 'http_500', permanent: false }]);
    expect(rig.sleeps).toEqual([1000, 2000]);
    expect(store.wasSent(A, '2025-06-02')).toBe(false);
    expect(rig.log.messages(50)).toContain('digest to slack channel CAAAA0001 failed after 3 attempts (http_500: Slack answered HTTP 500 posting to CAAAA0001); will try again later');
    expect(await rig.metrics.digestFailures.get()).toMatchObject({ values: [{ labels: { platform: 'slack', code: 'http_500' }, value: 1 }] });
    // The next run (the cron firing again, or the retry later) posts it.
    const again = await scheduler.runOnce(MORNING);
    expect(again.results[0]?.outcome).toBe('sent');
    expect(store.wasSent(A, '2025-06-02')).toBe(true);
    expect(rig.posts(A.id)).toHaveLength(4);
  });

  it('retries a network error', async () => {
    const log = rig.log.logger;
    const unreachable = createSlackAdapter({
      config: { botToken: 'xoxb-x', signingSecret: 'abcdef0123456789abcdef0123456789', appToken: undefined, socketMode: false, apiUrl: 'http://127.0.0.1:9/api/', digestChannels: [] },
      router: {} as Router,
      logger: log,
      metrics: createMetrics({ defaultMetrics: false }),
      httpServer: createHttpServer(),
    });
    const { scheduler } = await rig.boot({ fixedChannels: [A], senders: [unreachable.sender], maxAttempts: 2 });
    const report = await scheduler.runOnce(MORNING);
    expect(report.results).toEqual([{ channel: A, outcome: 'failed', attempts: 2, code: 'network', permanent: false }]);
    expect(rig.sleeps).toEqual([1000]);
  });

  it('honours Retry-After over its own backoff, capped at maxDelayMs', async () => {
    rig.slack.script('chat.postMessage', [
      { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } },
      { status: 429, headers: { 'retry-after': '900' }, body: { ok: false, error: 'ratelimited' } },
    ]);
    const { scheduler } = await rig.boot({ fixedChannels: [A], maxDelayMs: 120_000 });
    const report = await scheduler.runOnce(MORNING);
    expect(report.results[0]).toMatchObject({ outcome: 'sent', attempts: 3 });
    expect(rig.sleeps).toEqual([30_000, 120_000]);
  });

  it('runs again later the same day after a passing failure', async () => {
    vi.useFakeTimers({ now: MORNING, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    rig.slack.script('chat.postMessage', [{ status: 500 }, { status: 500 }]);
    const { store, scheduler } = await rig.boot({ fixedChannels: [A], maxAttempts: 2, retryLaterMs: 600_000 });
    await (await scheduler.start()).catchUp; // 09:00: catch-up, which fails twice
    expect(store.wasSent(A, '2025-06-02')).toBe(false);
    await vi.advanceTimersByTimeAsync(600_000);
    await settle(scheduler);
    expect(store.wasSent(A, '2025-06-02')).toBe(true);
    expect(scheduler.reports.map((r) => `${r.reason}:${r.sent}/${r.failed}`)).toEqual(['catch-up:0/1', 'retry:1/0']);
  });
});

describe('shutdown', () => {
  it('does not sit out a Retry-After: stop() ends the wait, records nothing and frees the channel', async () => {
    rig.slack.script('chat.postMessage', [{ status: 429, headers: { 'retry-after': '600' }, body: { ok: false, error: 'ratelimited' } }]);
    // The real timer-based sleep, not the rig's instant one.
    const { store, scheduler } = await rig.boot({ fixedChannels: [A], sleep: undefined, instanceId: 'stopping' });
    const run = scheduler.runOnce(MORNING);
    await rig.slack.waitFor((c) => c.method === 'chat.postMessage');
    // The claim is rewritten once the 429 is read; on a loaded machine that can take longer than a fixed pause.
    for (let i = 0; i < 200 && claimsOnDisk()['2025-06-02|slack:CAAAA0001']?.posting !== false; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // Waiting, nothing in flight: should the process die now, a restart may take the claim over at once.
    expect(claimsOnDisk()).toEqual({ '2025-06-02|slack:CAAAA0001': expect.objectContaining({ by: 'stopping', posting: false }) });
    await scheduler.stop();
    const report = await run;
    expect(report.results).toEqual([{ channel: A, outcome: 'failed', attempts: 1, code: 'ratelimited', permanent: false }]);
    expect(rig.posts(A.id)).toHaveLength(1);
    expect(store.wasSent(A, '2025-06-02')).toBe(false);
    expect(rig.log.messages(50)).toContain(
      'digest to slack channel CAAAA0001 failed after 1 attempt (ratelimited: Slack rate-limited posting to CAAAA0001; retry after 600 s); shutting down: the next start catches up',
    );
    // The next process is free to post it.
    expect(claimsOnDisk()).toEqual({});
    const next = await rig.boot({ fixedChannels: [A], instanceId: 'next' });
    expect((await next.scheduler.runOnce(MORNING)).sent).toBe(1);
  });

  it('does not wait past its budget for a post in flight, starts no other, and keeps that one claimed', async () => {
    // Slack takes its time answering the first post.
    rig.slack.script('chat.postMessage', [{ status: 200, body: { ok: true, ts: '1.1' }, delayMs: 1500 }]);
    const { store, scheduler } = await rig.boot({ fixedChannels: [A, B], sleep: undefined, stopTimeoutMs: 100, instanceId: 'stopping' });
    const run = scheduler.runOnce(MORNING);
    await rig.slack.waitFor((c) => c.method === 'chat.postMessage');
    await scheduler.stop();
    // stop() returned with the post unanswered: the run is not over.
    expect(scheduler.reports).toHaveLength(0);
    // It may have gone out, so its claim stays (marked as posting): nobody posts it again until the claim is stale.
    expect(claimsOnDisk()).toEqual({ '2025-06-02|slack:CAAAA0001': expect.objectContaining({ by: 'stopping', posting: true }) });
    expect(rig.log.messages(40)).toContain(
      'digest to slack:CAAAA0001 for 2025-06-02 was sent but not answered before shutdown; it stays claimed, so nobody posts it again ' +
        'before the claim goes stale, and a run after that posts it unless it was recorded as sent',
    );
    // An answer that still comes while the process lives is recorded; the other channel was never started.
    const report = await run;
    expect(report.results.map((r) => `${r.channel.id} ${r.outcome}`)).toEqual([`${A.id} sent`, `${B.id} stopped`]);
    expect(rig.posts(B.id)).toHaveLength(0);
    expect(store.wasSent(A, '2025-06-02')).toBe(true);
    expect(claimsOnDisk()).toEqual({});
  });
});

describe('claims held elsewhere', () => {
  it('are tried again once they would be stale, so a holder that never posts does not cost the day', async () => {
    fakeClock(MORNING);
    // A process that claimed the channel and stopped before it knew whether its post went out.
    const holder = await rig.boot({ fixedChannels: [A], instanceId: 'stopped-holder', claimStaleMs: 60_000 });
    expect((await holder.store.claim!(A, '2025-06-02')).granted).toBe(true);
    // The restart: a daily cron (08:30) whose only run today is the catch-up.
    const { store, scheduler } = await rig.boot({ fixedChannels: [A], instanceId: 'restarted', claimStaleMs: 60_000 });
    const catchUp = await (await scheduler.start()).catchUp;
    expect(catchUp?.results).toEqual([{ channel: A, outcome: 'claimed-elsewhere', attempts: 0, staleAt: MORNING.getTime() + 60_000 }]);
    expect(rig.log.messages(30)).toEqual(
      expect.arrayContaining([
        'digest for slack:CAAAA0001 on 2025-06-02 is being posted by stopped-holder',
        'digest for 2025-06-02: trying again at 2025-06-02T01:01:01.000Z (another process holds the claim)',
      ]),
    );
    await vi.advanceTimersByTimeAsync(30_000);
    await settle(scheduler);
    expect(rig.posts(A.id)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(31_000);
    await settle(scheduler);
    expect(rig.posts(A.id)).toHaveLength(1);
    expect(store.wasSent(A, '2025-06-02')).toBe(true);
    expect(scheduler.reports.map((r) => `${r.reason}:${r.sent}`)).toEqual(['catch-up:0', 'retry:1']);
  });
});

describe('permanent errors', () => {
  it('are not retried, say what to do, and do not hold up the other channels', async () => {
    rig.slack.script('chat.postMessage', [{ ok: false, error: 'is_archived' }]);
    const { store, scheduler } = await rig.boot({ fixedChannels: [A, B] });
    const report = await scheduler.runOnce(MORNING);
    expect(report.results.map((r) => [r.channel.id, r.outcome, r.attempts, r.code])).toEqual([
      [A.id, 'failed', 1, 'is_archived'],
      [B.id, 'sent', 1, undefined],
    ]);
    expect(rig.sleeps).toEqual([]);
    expect(store.wasSent(B, '2025-06-02')).toBe(true);
    expect(rig.log.lines.find((l) => l.level === 50)).toMatchObject({
      channel: A.id,
      code: 'is_archived',
      msg: 'digest to slack channel CAAAA0001 failed for good (is_archived): the channel is archived: unarchive it, or remove it from DIGEST_CHANNELS / unsubscribe it',
    });
  });
});

describe('a channel that failed for good', () => {
  it('is tried once a date: later runs, restarts and replicas leave it alone, and the next date tries it again', async () => {
    fakeClock(MORNING);
    rig.slack.script('chat.postMessage', Array.from({ length: 10 }, () => ({ ok: false, error: 'not_in_channel' })));
    const { scheduler } = await rig.boot({ cron: '*/2 * * * * *', fixedChannels: [GONE], catchUp: false });
    await scheduler.start();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(2000);
      await settle(scheduler);
    }
    expect(scheduler.reports).toHaveLength(5);
    expect(rig.posts(GONE.id)).toHaveLength(1);
    expect(rig.log.messages(50)).toEqual([
      'digest to slack channel CGONE0001 failed for good (not_in_channel): invite the bot to the channel (/invite @zhenxing) or remove it from DIGEST_CHANNELS',
    ]);
    expect(await rig.metrics.digestFailures.get()).toMatchObject({ values: [{ labels: { platform: 'slack', code: 'not_in_channel' }, value: 1 }] });

    // A replica, or this one restarted, the same day.
    const other = await rig.boot({ fixedChannels: [GONE], instanceId: 'replica' });
    expect((await other.scheduler.runOnce(new Date())).results).toEqual([{ channel: GONE, outcome: 'failed-earlier', attempts: 0, code: 'not_in_channel' }]);
    expect(rig.posts(GONE.id)).toHaveLength(1);

    // The next date: one attempt again (the bot may have been invited back meanwhile).
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await other.scheduler.runOnce(tomorrow)).results[0]).toMatchObject({ outcome: 'failed', attempts: 1, code: 'not_in_channel' });
    expect((await other.scheduler.runOnce(tomorrow)).results[0]).toMatchObject({ outcome: 'failed-earlier' });
    expect(rig.posts(GONE.id)).toHaveLength(2);
    expect(rig.log.messages(50)).toHaveLength(2);
  });
});

describe('targets', () => {
  it('are the fixed channels and the subscriptions, each once, on platforms that are running', async () => {
    const feishuPosts: string[] = [];
    const feishu: DigestSender = {
      platform: 'feishu',
      async send(chatId: string, digest: Digest) {
        feishuPosts.push(`${chatId} ${digest.date}`);
      },
    };
    // Slack only: the Feishu chat is left out, with a warning at start.
    const slackOnly = await rig.boot({ fixedChannels: [A, CHAT], catchUp: false });
    await slackOnly.store.subscribe(A);
    await slackOnly.store.subscribe(B);
    await slackOnly.store.subscribe({ platform: 'feishu', id: 'oc_sub' });
    await (await slackOnly.scheduler.start()).catchUp;
    expect(rig.log.messages(40)).toContain('digest channel feishu:oc_chat0001 is ignored: feishu is not running');
    const first = await slackOnly.scheduler.runOnce(MORNING);
    expect(first.results.map((r) => `${r.channel.platform}:${r.channel.id}`)).toEqual(['slack:CAAAA0001', 'slack:CBBBB0002']);
    await slackOnly.scheduler.stop();

    const both = await rig.boot({ fixedChannels: [A, CHAT], senders: [rig.sender, feishu] });
    const report = await both.scheduler.runOnce(MORNING);
    expect(report.results.map((r) => `${r.channel.platform}:${r.channel.id} ${r.outcome}`)).toEqual([
      'slack:CAAAA0001 already-sent',
      'feishu:oc_chat0001 sent',
      'slack:CBBBB0002 already-sent',
      'feishu:oc_sub sent',
    ]);
    expect(feishuPosts).toEqual(['oc_chat0001 2025-06-02', 'oc_sub 2025-06-02']);
  });

  it('posts nothing, and says why, when the planner cannot make a digest', async () => {
    const { scheduler } = await rig.boot({
      fixedChannels: [A],
      planner: {
        digestFor: () => {
          throw new Error('corpus not loaded');
        },
      },
    });
    const report = await scheduler.runOnce(MORNING);
    expect(report).toMatchObject({ date: '2025-06-02', digest: null, results: [], error: 'corpus not loaded' });
    expect(rig.posts()).toHaveLength(0);
    expect(rig.log.messages(50)).toEqual(['could not plan the digest for 2025-06-02: corpus not loaded']);
  });
});

describe('replicas sharing DATA_DIR', () => {
  it('two schedulers firing together post once per channel', async () => {
    // Slow answers keep both replicas' posts in flight at the same time.
    rig.slack.script('chat.postMessage', [
      { status: 200, body: { ok: true, ts: '1.1' }, delayMs: 150 },
      { status: 200, body: { ok: true, ts: '1.2' }, delayMs: 150 },
    ]);
    const one = await rig.boot({ fixedChannels: [A, B], instanceId: 'replica-1', concurrency: 4 });
    const two = await rig.boot({ fixedChannels: [A, B], instanceId: 'replica-2', concurrency: 4 });
    const [r1, r2] = await Promise.all([one.scheduler.runOnce(MORNING), two.scheduler.runOnce(MORNING)]);
    expect(rig.posts(A.id)).toHaveLength(1);
    expect(rig.posts(B.id)).toHaveLength(1);
    expect(r1.sent + r2.sent).toBe(2);
    expect(r1.skipped + r2.skipped).toBe(2);
  });

  it('two schedulers on the same cron post once per channel', async () => {
    vi.useFakeTimers({ now: new Date('2025-06-02T00:29:50Z'), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const one = await rig.boot({ fixedChannels: [A, B], instanceId: 'replica-1', concurrency: 4 });
    const two = await rig.boot({ fixedChannels: [A, B], instanceId: 'replica-2', concurrency: 4 });
    await (await one.scheduler.start()).catchUp;
    await (await two.scheduler.start()).catchUp;
    await vi.advanceTimersByTimeAsync(11_000); // past 08:30:00
    await settle(one.scheduler, two.scheduler);
    expect(one.scheduler.reports).toHaveLength(1);
    expect(two.scheduler.reports).toHaveLength(1);
    expect(Object.fromEntries(rig.postsByDay())).toEqual({ [`${A.id} 2025-06-02`]: 1, [`${B.id} 2025-06-02`]: 1 });
  });

  it('a replica whose post failed releases the channel for the other', async () => {
    rig.slack.script('chat.postMessage', [{ status: 500 }]);
    const one = await rig.boot({ fixedChannels: [A], instanceId: 'replica-1', maxAttempts: 1 });
    const two = await rig.boot({ fixedChannels: [A], instanceId: 'replica-2' });
    expect((await one.scheduler.runOnce(MORNING)).failed).toBe(1);
    expect((await two.scheduler.runOnce(MORNING)).sent).toBe(1);
    expect(rig.posts(A.id)).toHaveLength(2);
  });
});

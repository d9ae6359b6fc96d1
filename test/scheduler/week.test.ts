/**
 * A week of daily digests on a fake clock: node-cron fires in Asia/Shanghai, the real Slack sender posts to the
 * loopback stand-in, state lives in a temp DATA_DIR. Restarts, a 429, a permanent error and (un)subscriptions
 * happen along the way.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayIn, addDays } from '../../src/digest/index.js';
import { SchedulerError } from '../../src/scheduler/digest-scheduler.js';
import type { ChannelRef } from '../../src/state/types.js';
import { TZ, fakeClock, settle, sh, startRig, type Rig } from './rig.js';

const FIXED: ChannelRef = { platform: 'slack', id: 'CFIXED001' };
const GONE: ChannelRef = { platform: 'slack', id: 'CGONE0001' };
const SUB: ChannelRef = { platform: 'slack', id: 'CSUB00001' };
const LEAVER: ChannelRef = { platform: 'slack', id: 'CLEAVER01' };

let rig: Rig;

beforeEach(async () => {
  rig = await startRig();
});

afterEach(async () => {
  vi.useRealTimers();
  await rig.close();
});

/** Moves the fake clock forward to `to`, firing node-cron's timers on the way, and lets the runs finish. */
async function advanceTo(to: Date, ...schedulers: Parameters<typeof settle>): Promise<void> {
  await vi.advanceTimersByTimeAsync(to.getTime() - Date.now());
  await settle(...schedulers);
}

describe('a week of digests', () => {
  it('posts once per channel per day through restarts, a 429 and a permanent error, never repeating a passage', async () => {
    const start = sh('2025-06-02 07:00'); // a Monday
    fakeClock(start);
    const fixedChannels = [FIXED, GONE];
    let { store, scheduler } = await rig.boot({ fixedChannels });
    // Channels opt in from Slack (the router calls the store).
    await store.subscribe(SUB);
    await store.subscribe(LEAVER);
    await (await scheduler.start()).catchUp;
    expect(rig.posts()).toHaveLength(0); // 07:00: not due yet, nothing to catch up

    // Day 1, Monday: the cron fires at 08:30.
    await advanceTo(sh('2025-06-02 08:31'), scheduler);
    expect(rig.posts()).toHaveLength(4);

    // Day 2: Slack rate-limits the first post; it is retried after Retry-After and goes out once.
    rig.slack.script('chat.postMessage', [{ status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }]);
    await advanceTo(sh('2025-06-03 08:31'), scheduler);
    expect(rig.sleeps).toEqual([1000]);

    // Day 3: the bot was removed from one channel; the others still get theirs. Then one channel unsubscribes.
    rig.slack.script('chat.postMessage', [{ ok: true, channel: FIXED.id, ts: '1.1' }, { ok: false, error: 'not_in_channel' }]);
    await advanceTo(sh('2025-06-04 08:31'), scheduler);
    expect(await store.unsubscribe(LEAVER)).toBe(true);

    // Day 4: restarted before the hour (a deploy), and again after it: the second start posts nothing new.
    await advanceTo(sh('2025-06-05 07:00'), scheduler);
    await scheduler.stop();
    ({ store, scheduler } = await rig.boot({ fixedChannels }));
    await (await scheduler.start()).catchUp;
    expect(store.subscriptions('slack')).toEqual([SUB]);
    await advanceTo(sh('2025-06-05 08:31'), scheduler);
    const afterDay4 = rig.posts().length;
    await scheduler.stop();
    ({ store, scheduler } = await rig.boot({ fixedChannels }));
    await advanceTo(sh('2025-06-05 09:00'));
    await (await scheduler.start()).catchUp; // catch-up finds everything sent
    expect(rig.posts()).toHaveLength(afterDay4);

    // Day 5: the bot is down at 08:30 and comes back at 10:00: catch-up posts the day's digest then.
    await advanceTo(sh('2025-06-06 07:00'), scheduler);
    await scheduler.stop();
    await advanceTo(sh('2025-06-06 10:00'));
    expect(rig.posts().filter((c) => todayIn(TZ, new Date(c.at)) === '2025-06-06')).toHaveLength(0);
    ({ store, scheduler } = await rig.boot({ fixedChannels }));
    await (await scheduler.start()).catchUp;

    // Days 6 and 7, then one more morning to see nothing stray fired in between.
    await advanceTo(sh('2025-06-07 08:31'), scheduler);
    await advanceTo(sh('2025-06-08 08:31'), scheduler);
    await advanceTo(sh('2025-06-09 08:29'), scheduler);

    // One accepted post per channel per day; the only doubles are the 429 and its retry.
    const days = Array.from({ length: 7 }, (_, i) => addDays('2025-06-02', i));
    const expected = new Map<string, number>();
    for (const day of days) {
      expected.set(`${FIXED.id} ${day}`, day === '2025-06-03' ? 2 : 1);
      expected.set(`${GONE.id} ${day}`, 1);
      expected.set(`${SUB.id} ${day}`, 1);
      if (day <= '2025-06-04') expected.set(`${LEAVER.id} ${day}`, 1);
    }
    expect(Object.fromEntries(rig.postsByDay())).toEqual(Object.fromEntries(expected));
    expect(await rig.metrics.digestPosts.get()).toMatchObject({ values: [{ labels: { platform: 'slack' }, value: 3 * 7 + 3 - 1 }] });

    // What went out each day is the planner's digest for that date: five themes, no passage twice.
    const posted = days.map((day) => rig.planner.digestFor(day));
    expect(new Set(posted.map((d) => d.theme.id)).size).toBe(5);
    const ids = posted.flatMap((d) => d.passages.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const call of rig.posts(SUB.id)) {
      const d = rig.planner.digestFor(todayIn(TZ, new Date(call.at)));
      expect(String(call.body.text)).toContain(d.theme.name);
      expect(JSON.stringify(call.body.blocks)).toContain(d.keywords[0]);
    }

    // The permanent error was logged with the channel and what to do, and counted.
    const failure = rig.log.lines.find((l) => l.level === 50 && l.code === 'not_in_channel');
    expect(failure).toMatchObject({ channel: GONE.id, platform: 'slack', date: '2025-06-04' });
    expect(failure?.msg).toBe(
      'digest to slack channel CGONE0001 failed for good (not_in_channel): invite the bot to the channel (/invite @zhenxing) or remove it from DIGEST_CHANNELS',
    );
    expect(await rig.metrics.digestFailures.get()).toMatchObject({
      values: [{ labels: { platform: 'slack', code: 'not_in_channel' }, value: 1 }],
    });
  });
});

describe('cron and catch-up', () => {
  it('posts once a day even when the cron fires every two seconds, and again after midnight', async () => {
    fakeClock(sh('2025-06-02 23:59:30'));
    const { scheduler } = await rig.boot({ cron: '*/2 * * * * *', fixedChannels: [FIXED] });
    await (await scheduler.start()).catchUp;
    for (let i = 0; i < 30; i++) {
      await vi.advanceTimersByTimeAsync(2000);
      await settle(scheduler);
    }
    expect(Object.fromEntries(rig.postsByDay())).toEqual({ [`${FIXED.id} 2025-06-02`]: 1, [`${FIXED.id} 2025-06-03`]: 1 });
    // The cron really fired all along: every run after the first of each day found the digest sent.
    expect(scheduler.reports.length).toBeGreaterThanOrEqual(28);
    expect(scheduler.reports.filter((r) => r.sent > 0)).toHaveLength(2);
  });

  it('catches up on start when the hour has passed, unless DIGEST_CATCH_UP is off', async () => {
    fakeClock(sh('2025-06-02 10:00'));
    const off = await rig.boot({ fixedChannels: [FIXED], catchUp: false });
    await (await off.scheduler.start()).catchUp;
    await settle(off.scheduler);
    expect(rig.posts()).toHaveLength(0);
    await off.scheduler.stop();
    const on = await rig.boot({ fixedChannels: [FIXED], catchUp: true });
    await (await on.scheduler.start()).catchUp;
    expect(Object.fromEntries(rig.postsByDay())).toEqual({ [`${FIXED.id} 2025-06-02`]: 1 });
    expect(on.scheduler.reports.map((r) => r.reason)).toEqual(['catch-up']);
  });

  it('does not catch up on a day the cron does not run', async () => {
    // Weekdays only; 2025-06-07 is a Saturday.
    fakeClock(sh('2025-06-07 10:00'));
    const { scheduler } = await rig.boot({ cron: '30 8 * * 1-5', fixedChannels: [FIXED] });
    await (await scheduler.start()).catchUp;
    expect(rig.posts()).toHaveLength(0);
    await advanceTo(sh('2025-06-09 08:31'), scheduler); // Monday
    expect(Object.fromEntries(rig.postsByDay())).toEqual({ [`${FIXED.id} 2025-06-09`]: 1 });
  });

  it('refuses an invalid cron expression, naming it', async () => {
    const { scheduler } = await rig.boot({ cron: '30 25 * * *' });
    await expect(scheduler.start()).rejects.toThrow(
      new SchedulerError('30 25 * * *'),
    );
    await expect(scheduler.start()).rejects.toThrow(
      'DIGEST_CRON "30 25 * * *" is not a valid cron expression (five fields, or six with seconds), e.g. "30 8 * * *"',
    );
  });
});

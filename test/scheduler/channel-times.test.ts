/**
 * Each channel's own daily reading under a fake clock: `订阅 7:15`, `订阅 18:00` + `订阅 主题:生态` typed through the
 * router into the real file store, the real scheduler posting through the real Slack sender to the loopback stand-in.
 * Own times post at those times, once a day, with catch-up after a restart; settings survive restarts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../src/router/router.js';
import type { CommandContext, View } from '../../src/router/view-model.js';
import type { StateStore } from '../../src/state/types.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';
import { TZ, fakeClock, settle, sh, startRig, type Rig } from './rig.js';
import { todayIn } from '../../src/digest/index.js';

let rig: Rig;

beforeEach(async () => {
  rig = await startRig();
});

afterEach(async () => {
  vi.useRealTimers();
  await rig.close();
});

/**
 * Moves the fake clock to `to` in 5 s steps, letting each run finish before the clock moves on: a post's HTTP call
 * is real I/O, and a long jump would fire the sender's 10 s timeout while the request is still on its way.
 */
async function advanceTo(to: Date, ...schedulers: Parameters<typeof settle>): Promise<void> {
  while (Date.now() < to.getTime()) {
    await vi.advanceTimersByTimeAsync(Math.min(5000, to.getTime() - Date.now()));
    for (const s of schedulers) await s.idle();
  }
  await settle(...schedulers);
}

/** Types a command in a Slack channel through the real router over `store`. */
async function type(store: StateStore, channelId: string, text: string): Promise<string> {
  const router = createRouter({
    engine: getSharedEngine(),
    corpus: getSharedCorpus(),
    planner: rig.planner,
    store,
    timezone: TZ,
    defaultDigestTime: '08:30',
  });
  const ctx: CommandContext = { platform: 'slack', channelId, userId: 'U1', place: { kind: 'group', prefix: '/zhenxing ', privateAnswers: true } };
  const view: View = await router.handle(text, ctx);
  if (view.kind !== 'subscription' && view.kind !== 'message') throw new Error(`unexpected view ${view.kind}`);
  return view.message.zh;
}

const postsOn = (r: Rig, channel: string, day: string) => r.posts(channel).filter((c) => todayIn(TZ, new Date(c.at)) === day);
/**
 * Minutes after `from` each post to the channel reached the stand-in (the fake clock keeps moving while a post is on
 * its way, so a post made at the minute arrives within it).
 */
const minutesAfter = (r: Rig, channel: string, from: Date) => r.posts(channel).map((c) => Math.floor((c.at - from.getTime()) / 60_000));

describe('each channel’s own reading time and theme', () => {
  it('posts at each channel’s time, once a day, with the pinned theme, catching up after a restart', async () => {
    fakeClock(sh('2025-06-02 05:00'));
    let { store, scheduler } = await rig.boot();
    await (await scheduler.start()).catchUp;

    expect(await type(store, 'CDEFAULT1', '订阅')).toBe('已订阅：本频道每天早上会收到“每日一读”。');
    expect(await type(store, 'CDEFAULT1', '订阅状态')).toBe(
      '本频道已订阅“每日一读”：每天 8:30（五个主题轮换），时区 Asia/Shanghai。还没有发送过。',
    );
    expect(await type(store, 'CEARLY001', '订阅 7:15')).toBe('已订阅：本频道每天 7:15（五个主题轮换）收到“每日一读”。');
    expect(await type(store, 'CLATE0001', 'subscribe 18:00')).toBe('已订阅：本频道每天 18:00（五个主题轮换）收到“每日一读”。');
    expect(await type(store, 'CLATE0001', '订阅 主题:生态')).toBe('已更新：本频道每天 18:00（主题：生态振兴）收到“每日一读”。');

    // Monday: 07:15 for the early channel only, 08:30 for the default one, 18:00 for the late one.
    await advanceTo(sh('2025-06-02 07:14'), scheduler);
    expect(rig.posts()).toHaveLength(0);
    await advanceTo(sh('2025-06-02 07:15:20'), scheduler);
    expect(rig.posts().map((c) => c.body.channel)).toEqual(['CEARLY001']);
    await advanceTo(sh('2025-06-02 08:31'), scheduler);
    expect(rig.posts().map((c) => c.body.channel)).toEqual(['CEARLY001', 'CDEFAULT1']);
    await advanceTo(sh('2025-06-02 17:59'), scheduler);
    expect(rig.posts('CLATE0001')).toHaveLength(0);
    await advanceTo(sh('2025-06-02 18:00:20'), scheduler);
    expect(minutesAfter(rig, 'CLATE0001', sh('2025-06-02 18:00'))).toEqual([0]);
    expect(minutesAfter(rig, 'CEARLY001', sh('2025-06-02 07:15'))).toEqual([0]);

    // 订阅状态 tells the time, the theme and when the last reading went out.
    expect(await type(store, 'CLATE0001', '订阅状态')).toBe(
      '本频道已订阅“每日一读”：每天 18:00（主题：生态振兴），时区 Asia/Shanghai。上次发送：2025-06-02。',
    );

    // Tuesday: the bot is down from 05:00 to 10:00 and misses 07:15 and 08:30; the restart catches both up, once.
    await advanceTo(sh('2025-06-03 05:00'), scheduler);
    await scheduler.stop();
    await advanceTo(sh('2025-06-03 10:00'));
    ({ store, scheduler } = await rig.boot());
    // Settings survived the restart.
    expect(store.settingsOf?.({ platform: 'slack', id: 'CLATE0001' })).toEqual({ time: '18:00', theme: 'ecology' });
    await (await scheduler.start()).catchUp;
    await settle(scheduler);
    expect(postsOn(rig, 'CEARLY001', '2025-06-03')).toHaveLength(1);
    expect(postsOn(rig, 'CDEFAULT1', '2025-06-03')).toHaveLength(1);
    expect(postsOn(rig, 'CLATE0001', '2025-06-03')).toHaveLength(0);
    // A second restart the same morning posts nothing again.
    await scheduler.stop();
    ({ store, scheduler } = await rig.boot());
    await (await scheduler.start()).catchUp;
    await advanceTo(sh('2025-06-03 18:01'), scheduler);

    // Wednesday: 订阅 轮换 gives the late channel the rotation back.
    expect(await type(store, 'CLATE0001', '订阅 轮换')).toBe('已更新：本频道每天 18:00（五个主题轮换）收到“每日一读”。');
    await advanceTo(sh('2025-06-04 18:01'), scheduler);

    // No post failed or was retried on the way.
    expect(rig.log.lines.filter((l) => (l.level as number) >= 40).map((l) => l.msg)).toEqual([
      expect.stringMatching(/^no state file/),
    ]);
    expect(Object.fromEntries(rig.postsByDay())).toEqual(
      Object.fromEntries(
        ['2025-06-02', '2025-06-03', '2025-06-04'].flatMap((d) => ['CEARLY001', 'CDEFAULT1', 'CLATE0001'].map((c) => [`${c} ${d}`, 1])),
      ),
    );
    // The pinned theme was read on Monday and Tuesday (a different reading each day); Wednesday follows the rotation.
    const late = rig.posts('CLATE0001').map((c) => String(c.body.text));
    expect(late[0]).toContain('生态振兴');
    expect(late[1]).toContain('生态振兴');
    expect(JSON.stringify(rig.posts('CLATE0001')[0]?.body.blocks)).not.toBe(JSON.stringify(rig.posts('CLATE0001')[1]?.body.blocks));
    expect(late[2]).toContain(rig.planner.digestFor('2025-06-04').theme.name);
    // The early and default channels read the date's theme.
    expect(String(rig.posts('CEARLY001')[0]?.body.text)).toContain(rig.planner.digestFor('2025-06-02').theme.name);
  });

  it('refuses a time or theme that is not one, and leaves the settings as they were', async () => {
    const { store } = await rig.boot();
    expect(await type(store, 'CBAD00001', '订阅 25:00')).toBe('时间“25:00”不对，请用 24 小时制，例如“订阅 9:30”或“订阅 18:00”。');
    expect(await type(store, 'CBAD00001', '订阅 主题:天气')).toBe('没有主题“天气”，可选：产业、人才、文化、生态、组织，例如“订阅 主题:人才”。');
    expect(store.isSubscribed({ platform: 'slack', id: 'CBAD00001' })).toBe(false);
    expect(await type(store, 'CBAD00001', 'subscription')).toBe('本频道没有订阅“每日一读”。发送“订阅”或“订阅 9:30”即可订阅。');
    expect(await type(store, 'CBAD00001', '订阅 9点半')).toBe('已订阅：本频道每天 9:30（五个主题轮换）收到“每日一读”。');
    expect(await type(store, 'CBAD00001', 'subscribe theme:talent')).toBe('已更新：本频道每天 9:30（主题：人才振兴）收到“每日一读”。');
    // Unsubscribing forgets the settings: subscribing again starts from the defaults.
    await type(store, 'CBAD00001', '退订');
    expect(await type(store, 'CBAD00001', '订阅')).toBe('已订阅：本频道每天早上会收到“每日一读”。');
    expect(store.settingsOf?.({ platform: 'slack', id: 'CBAD00001' })).toBeUndefined();
  });

  it('says so, and changes nothing, where the state store cannot keep a channel’s own time (Redis for now)', async () => {
    const { store } = await rig.boot();
    const plain: StateStore = {
      subscribe: (c) => store.subscribe(c),
      unsubscribe: (c) => store.unsubscribe(c),
      isSubscribed: (c) => store.isSubscribed(c),
      subscriptions: (p) => store.subscriptions(p),
      wasSent: (c, d) => store.wasSent(c, d),
      markSent: (c, d) => store.markSent(c, d),
      flush: () => store.flush(),
    };
    expect(await type(plain, 'CPLAIN001', '订阅 9:30')).toBe('这里暂不支持自定义时间或主题，请发送“订阅”按默认时间接收。');
    expect(store.isSubscribed({ platform: 'slack', id: 'CPLAIN001' })).toBe(false);
    expect(await type(plain, 'CPLAIN001', '订阅')).toBe('已订阅：本频道每天早上会收到“每日一读”。');
  });
});

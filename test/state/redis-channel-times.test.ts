/**
 * Each channel's own reading time and theme with the state in a real redis-server (STATE_URL), two replicas under a
 * fake clock: `订阅 7:15` and `订阅 主题:生态` typed through the router on replica A are served by replica B's
 * scheduler (A's not running yet); then both schedulers run, and every channel still gets one reading a day; a
 * change made on B (`订阅 轮换`) is honoured by whichever replica posts. Real router, real scheduler, real Slack
 * sender to the loopback stand-in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayIn } from '../../src/digest/index.js';
import { createRouter } from '../../src/router/router.js';
import type { CommandContext, View } from '../../src/router/view-model.js';
import type { DigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { createStateBackend, type StateBackend } from '../../src/state/backend.js';
import type { StateStore } from '../../src/state/types.js';
import { redisAvailable, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';
import { fakeClock, settle, sh, startRig, TZ, type Rig } from '../scheduler/rig.js';
import { captureLogger } from '../scheduler/test-logger.js';

/**
 * Three days from tomorrow: the fake clock stays near the real one, because Redis expires the sent records by its own
 * clock (35 days after their date).
 */
const DAYS = [1, 2, 3].map((i) => todayIn(TZ, new Date(Date.now() + i * 86_400_000)));
const [D1, D2, D3] = DAYS as [string, string, string];
/** Default channels follow this cron (07:20 Asia/Shanghai), close to the own time so the clock moves in small steps. */
const CRON = '20 7 * * *';

/** Real turns of the event loop (setImmediate is not faked) until `check` holds: pub/sub is real I/O. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 20_000; i++) {
    if (check()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`${what}: never happened`);
}

describe.skipIf(!redisAvailable)('channel times and themes shared through Redis, under a fake clock', () => {
  let redis: TestRedis;
  let rig: Rig;
  const backends: StateBackend[] = [];
  const dirs: string[] = [];
  let n = 0;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.close();
  });
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rig.close();
    await Promise.all(backends.splice(0).map((b) => b.close()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  async function replica(prefix: string): Promise<StateBackend> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-redis-times-'));
    dirs.push(dataDir);
    const b = await createStateBackend({ dataDir, stateUrl: redis.url, logger: captureLogger().logger, prefix, settleMs: 0 });
    backends.push(b);
    return b;
  }

  /** Types a command in a Slack channel through the real router over `store`. */
  async function type(store: StateStore, channelId: string, text: string): Promise<string> {
    const router = createRouter({ engine: getSharedEngine(), corpus: getSharedCorpus(), planner: rig.planner, store, timezone: TZ, defaultDigestTime: '07:20' });
    const ctx: CommandContext = { platform: 'slack', channelId, userId: 'U1', place: { kind: 'group', prefix: '/zhenxing ', privateAnswers: true } };
    const view: View = await router.handle(text, ctx);
    if (view.kind !== 'subscription' && view.kind !== 'message') throw new Error(`unexpected view ${view.kind}`);
    return view.message.zh;
  }

  /**
   * Moves the fake clock to `to` in steps of `stepMs`, letting each run finish (its Redis commands and posts are real
   * I/O) before the clock moves on; small steps near the due times keep a command's own timeout from firing.
   */
  async function advanceTo(to: Date, stepMs: number, ...schedulers: DigestScheduler[]): Promise<void> {
    while (Date.now() < to.getTime()) {
      await vi.advanceTimersByTimeAsync(Math.min(stepMs, to.getTime() - Date.now()));
      await settle(...schedulers);
    }
  }

  const postsOn = (channel: string, day: string) => rig.posts(channel).filter((c) => todayIn(TZ, new Date(c.at)) === day);

  it('a time and a theme set on one replica are served by the other, one reading per channel per day', async () => {
    const prefix = `times${++n}:`;
    const a = await replica(prefix);
    const b = await replica(prefix);
    fakeClock(sh(`${D1} 07:10`));

    // Only replica B runs the schedule on Monday; the channels are set up through replica A.
    const onB = (await rig.boot({ store: b.store, cron: CRON })).scheduler;
    await (await onB.start()).catchUp;
    expect(await type(a.store, 'CTIME0001', '订阅 7:15')).toBe('已订阅：本频道每天 7:15（五个主题轮换）收到“每日一读”。');
    expect(await type(a.store, 'CTHEME001', '订阅 主题:生态')).toBe('已订阅：本频道每天 7:20（主题：生态振兴）收到“每日一读”。');
    expect(await type(a.store, 'CDEFAULT1', '订阅')).toBe('已订阅：本频道每天早上会收到“每日一读”。');
    const ch = (id: string) => ({ platform: 'slack' as const, id });
    await until(() => b.store.settingsOf?.(ch('CTHEME001'))?.theme === 'ecology' && b.store.isSubscribed(ch('CDEFAULT1')), 'replica B hears of them');
    expect(b.store.settingsOf?.(ch('CTIME0001'))).toEqual({ time: '07:15' });

    await advanceTo(sh(`${D1} 07:14:30`), 60_000, onB);
    expect(rig.posts()).toHaveLength(0);
    await advanceTo(sh(`${D1} 07:15:40`), 1000, onB);
    expect(rig.posts().map((c) => c.body.channel)).toEqual(['CTIME0001']);
    await advanceTo(sh(`${D1} 07:19:30`), 60_000, onB);
    await advanceTo(sh(`${D1} 07:20:30`), 1000, onB);
    expect(rig.posts().map((c) => c.body.channel).sort()).toEqual(['CDEFAULT1', 'CTHEME001', 'CTIME0001']);
    expect(String(postsOn('CTHEME001', D1)[0]?.body.text)).toContain('生态振兴');
    expect(String(postsOn('CDEFAULT1', D1)[0]?.body.text)).toContain(rig.planner.digestFor(D1).theme.name);
    // Replica A says when the last reading went out, recorded by B.
    await until(() => a.store.lastSentOf?.(ch('CTHEME001'))?.date === D1, 'replica A hears of the reading sent');
    expect(await type(a.store, 'CTHEME001', '订阅状态')).toBe(
      `本频道已订阅“每日一读”：每天 7:20（主题：生态振兴），时区 Asia/Shanghai。上次发送：${D1}。`,
    );

    // From Tuesday both replicas run the schedule.
    const onA = (await rig.boot({ store: a.store, cron: CRON })).scheduler;
    await (await onA.start()).catchUp;
    await settle(onA, onB);
    for (const day of [D2, D3]) {
      await advanceTo(sh(`${day} 07:14:30`), 5 * 60_000, onA, onB);
      // One-second steps through the due times and the retries a replica that found a claim held schedules (15 min
      // later), so that no Redis command's own (faked) timeout fires while its answer is on the way.
      await advanceTo(sh(`${day} 07:40`), 1000, onA, onB);
      if (day === D2) {
        expect(String(postsOn('CTHEME001', day)[0]?.body.text)).toContain('生态振兴');
        // Wednesday: the rotation back, asked through replica B.
        expect(await type(b.store, 'CTHEME001', '订阅 轮换')).toBe('已更新：本频道每天 7:20（五个主题轮换）收到“每日一读”。');
        await until(() => a.store.settingsOf?.(ch('CTHEME001'))?.theme === undefined, 'replica A hears of the rotation');
      }
    }
    expect(String(postsOn('CTHEME001', D3)[0]?.body.text)).toContain(rig.planner.digestFor(D3).theme.name);
    // One reading per channel per day, whichever replica posted it, and nothing failed or was retried.
    expect(Object.fromEntries(rig.postsByDay())).toEqual(
      Object.fromEntries(
        DAYS.flatMap((d) => ['CTIME0001', 'CTHEME001', 'CDEFAULT1'].map((c) => [`${c} ${d}`, 1])),
      ),
    );
    expect(rig.log.lines.filter((l) => (l.level as number) >= 40).map((l) => l.msg)).toEqual([expect.stringMatching(/^no state file/)]);
    expect(rig.posts('CTIME0001').map((c) => Math.floor((c.at - sh(todayIn(TZ, new Date(c.at)) + ' 07:15').getTime()) / 60_000))).toEqual([0, 0, 0]);
  }, 120_000);
});

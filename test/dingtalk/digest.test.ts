/**
 * The daily reading in DingTalk groups: the scheduler wired as main wires it (real planner, the file state store in
 * a temp DATA_DIR, the DingTalk adapter's sender) posting to the OpenAPI stand-in, with a fake clock.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDigestPlanner } from '../../src/digest/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createDigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { markdownOf, startDingTalkStandIn, type DingTalkStandIn } from '../helpers/dingtalk-stand-in.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { startDingTalkHarness, type DingTalkHarness } from './harness.js';

const FIXED = 'cidFixedDigestChat==';
const SUBSCRIBED = 'cidSubscribedGroup==';
const DAY1 = new Date('2026-11-22T01:00:00Z'); // 09:00 in Shanghai
const DAY2 = new Date('2026-11-23T01:00:00Z');

let dt: DingTalkStandIn;
let dataDir = '';
afterAll(async () => {
  await dt?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** One process: the adapter over dataDir, and a scheduler posting through its sender. */
async function boot(fixed = [FIXED]): Promise<{ h: DingTalkHarness; run: (at: Date) => Promise<void> }> {
  const h = await startDingTalkHarness({ dt, dataDir, config: { digestChats: fixed } });
  const scheduler = createDigestScheduler({
    cron: '30 8 * * *',
    timezone: 'Asia/Shanghai',
    catchUp: false,
    planner: createDigestPlanner(getSharedCorpus()),
    store: h.store,
    senders: [h.adapter.sender],
    fixedChannels: fixed.map((id) => ({ platform: 'dingtalk' as const, id })),
    logger: createLogger({ level: 'silent' }),
    metrics: createMetrics({ defaultMetrics: false }),
    sleep: async () => {},
  });
  return { h, run: async (at) => void (await scheduler.runOnce(at)) };
}

const digestPosts = (cid: string) =>
  dt.calls.filter((c) => c.route === 'POST /v1.0/robot/groupMessages/send' && c.body.openConversationId === cid);

describe('daily reading in DingTalk', () => {
  it('goes to each fixed and subscribed group once per day, and nothing more after a restart', async () => {
    dt = await startDingTalkStandIn();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhenxing-dingtalk-digest-'));
    const first = await boot();
    await first.h.store.subscribe({ platform: 'dingtalk', id: SUBSCRIBED });
    await first.run(DAY1);
    await first.run(DAY1);
    expect(digestPosts(FIXED)).toHaveLength(1);
    expect(digestPosts(SUBSCRIBED)).toHaveLength(1);
    const md = markdownOf(digestPosts(FIXED)[0]!);
    expect(md.title).toMatch(/^每日一读 · .+ · 11月22日 星期日$/);
    expect(md.text).toContain('\n\n> ');
    expect(md.text).toContain('在群里 @我 发送“退订”可停止接收每日一读。');
    await first.h.close();

    const second = await boot();
    await second.run(DAY1);
    expect(digestPosts(FIXED)).toHaveLength(1);
    expect(digestPosts(SUBSCRIBED)).toHaveLength(1);
    await second.run(DAY2);
    expect(digestPosts(FIXED)).toHaveLength(2);
    expect(digestPosts(SUBSCRIBED)).toHaveLength(2);
    await second.h.close();
  });

  it('a group the robot may not post to fails for good that day; a 5xx is retried', async () => {
    const { h, run } = await boot([]);
    try {
      await h.store.unsubscribe({ platform: 'dingtalk', id: SUBSCRIBED });
      await h.store.subscribe({ platform: 'dingtalk', id: 'cidRefusing==' });
      await h.store.subscribe({ platform: 'dingtalk', id: 'cidFlaky==' });
      dt.script('POST /v1.0/robot/groupMessages/send', [
        { status: 400, body: { code: 'invalidParameter.openConversationId', message: 'openConversationId不合法' } },
        { status: 502, body: { code: 'ServiceUnavailable', message: 'busy' } },
      ]);
      const day3 = new Date('2026-11-24T01:00:00Z');
      await run(day3);
      await run(day3);
      // Refused once and left alone; the 502 tried again within the run and posted.
      expect(digestPosts('cidRefusing==')).toHaveLength(1);
      expect(digestPosts('cidFlaky==')).toHaveLength(2);
      expect(h.store.failureOf?.({ platform: 'dingtalk', id: 'cidRefusing==' }, '2026-11-24')).toBe(
        'dingtalk_invalidParameter.openConversationId',
      );
    } finally {
      await h.close();
    }
  });
});

/**
 * Faults DingTalk really produces, against the HTTP-mode adapter: a user the robot cannot reach privately, an
 * OpenAPI that accepts the connection and never answers, and more work than the bot should queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownOf } from '../helpers/dingtalk-stand-in.js';
import { startDingTalkHarness, type DingTalkHarness } from './harness.js';

const GROUP = 'cidFaultsGroup==';

describe('DingTalk faults', () => {
  let h: DingTalkHarness;
  beforeAll(async () => {
    h = await startDingTalkHarness({ options: { requestTimeoutMs: 300 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a group asker the robot cannot message privately is told so in the group, without the results', async () => {
    h.dt.script('POST /v1.0/robot/oToMessages/batchSend', [
      { status: 200, body: { processQueryKey: 'pqk', invalidStaffIdList: ['staff-outside'], flowControlledStaffIdList: [] } },
    ]);
    const m = h.message({ text: '人才振兴', group: GROUP, staffId: 'staff-outside' });
    await h.post(m);
    const note = await h.dt.waitFor((c) => c.route === 'POST /robot/sendBySession' && c.query.session === m.msgId);
    expect(markdownOf(note).text).toBe('结果没能私聊发给你，请先与机器人单聊一次（在通讯录搜索“振兴”），然后再试。');
    expect(note.body.at).toEqual({ atUserIds: ['staff-outside'], isAtAll: false });
    const line = h.logs.find((l) => l.msg === 'dingtalk: private failed' && l.msgId === m.msgId);
    expect((line?.err as { message?: string } | undefined)?.message).toBe(
      'DingTalk oToMessages/batchSend: not a staff id the robot can reach: staff-outside',
    );
    expect(h.groupPosts(GROUP)).toEqual([]);
  });

  it('an OpenAPI that never answers costs one timeout, is counted as given up, and later answers still go out', async () => {
    const never = new Promise(() => {});
    h.dt.script('POST /v1.0/robot/oToMessages/batchSend', [
      { status: 200, until: never },
      { status: 200, until: never },
    ]);
    await h.post(h.message({ text: '生态', staffId: 'staff-stalled' }));
    // The answer and the kind "sorry" after it both time out (a post that may have arrived is not sent again).
    await h.dt.waitFor(() => h.privateTo('staff-stalled').length === 2);
    const { reply } = await h.ask({ text: '帮助', staffId: 'staff-after-stall' });
    expect(markdownOf(reply).title).toBe('振兴 · 使用说明');
    const timeouts = async () =>
      (await h.metrics.registry.getSingleMetric('zhenxing_outbound_given_up_total')?.get())?.values.find(
        (v) => v.labels.peer === 'dingtalk.robot' && v.labels.reason === 'timeout',
      )?.value ?? 0;
    for (let i = 0; i < 100 && (await timeouts()) < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await timeouts()).toBe(2);
    expect(h.privateTo('staff-stalled')).toHaveLength(2);
  });
});

describe('DingTalk when busy', () => {
  it('answers a command with the busy message once too many answers are pending', async () => {
    const h = await startDingTalkHarness({ options: { maxPending: 0 } });
    try {
      const { reply } = await h.ask({ text: '人才振兴', staffId: 'staff-busy' });
      expect(markdownOf(reply).text).toBe('现在请求较多，请稍后再试。');
      const busy = (await h.metrics.registry.getSingleMetric('zhenxing_errors_total')?.get())?.values.find(
        (v) => v.labels.where === 'dingtalk.busy',
      );
      expect(busy?.value).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe('DingTalk stopping with an answer in flight', () => {
  it('waits its budget, then logs and counts the answer it could not deliver', async () => {
    const h = await startDingTalkHarness({ options: { stopTimeoutMs: 200 } });
    let release = () => undefined as void;
    h.dt.script('POST /v1.0/robot/oToMessages/batchSend', [{ status: 200, until: new Promise<void>((r) => (release = r)) }]);
    await h.post(h.message({ text: '人才振兴', staffId: 'staff-stopping' }));
    await h.dt.waitFor((c) => c.route === 'POST /v1.0/robot/oToMessages/batchSend');
    await h.adapter.stop();
    expect(h.logs.find((l) => l.msg === 'dingtalk: shutting down with 1 answer not delivered within 200 ms')).toMatchObject({ level: 50 });
    expect(await h.metrics.registry.metrics()).toContain('zhenxing_undelivered_total{platform="dingtalk"} 1');
    release();
    await h.close();
  });
});

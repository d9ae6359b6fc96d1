/**
 * Slack, Feishu and DingTalk beside each other in one process, wired by startApp from one config: each answers on
 * its own endpoint of the shared PORT, /healthz lists all three, and the morning catch-up posts to each platform's
 * fixed chats through its own API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import {
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  markdownOf,
  postMessage,
  robotMessage,
  startDingTalkStandIn,
  type DingTalkStandIn,
} from '../helpers/dingtalk-stand-in.js';
import { TEST_ENCRYPT_KEY, messageEvent, postEvent, startFeishuStandIn, type FeishuStandIn } from '../helpers/feishu-stand-in.js';
import { TEST_SIGNING_SECRET, postSigned, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';
import { TEST_APP_ID, TEST_APP_SECRET } from '../feishu/harness.js';

/** 10:00 in Shanghai: past 08:30, so start-up catches up on today's digest. */
const NOW = () => new Date('2026-11-22T02:00:00Z');

describe('Slack, Feishu and DingTalk in one process', () => {
  let slack: SlackStandIn;
  let feishu: FeishuStandIn;
  let dt: DingTalkStandIn;
  let running: AppUnderTest;
  let base: string;

  beforeAll(async () => {
    [slack, feishu, dt] = await Promise.all([startSlackStandIn(), startFeishuStandIn(), startDingTalkStandIn()]);
    running = await startAppUnderTest(
      'zhenxing-three-',
      {
        SLACK_BOT_TOKEN: 'xoxb-3-three-platforms',
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        DIGEST_CHANNELS: 'C0THREE',
        FEISHU_APP_ID: TEST_APP_ID,
        FEISHU_APP_SECRET: TEST_APP_SECRET,
        FEISHU_MODE: 'http',
        FEISHU_ENCRYPT_KEY: TEST_ENCRYPT_KEY,
        FEISHU_DOMAIN: feishu.url,
        FEISHU_DIGEST_CHATS: 'oc_three',
        DINGTALK_CLIENT_ID: TEST_CLIENT_ID,
        DINGTALK_CLIENT_SECRET: TEST_CLIENT_SECRET,
        DINGTALK_MODE: 'http',
        DINGTALK_API_URL: dt.url,
        DINGTALK_DIGEST_CHATS: 'cidThree==',
        DIGEST_CATCH_UP: 'true',
      },
      { now: NOW },
    );
    base = running.base;
  });

  afterAll(async () => {
    await running?.stop();
    await Promise.all([slack?.close(), feishu?.close(), dt?.close()]);
  });

  it('reports all three on /healthz', async () => {
    const body = (await (await fetch(`${base}/healthz`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', platforms: ['slack-http', 'feishu-http', 'dingtalk-http'] });
  });

  it("posted today's digest once to each platform's fixed chat", () => {
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0THREE')).toHaveLength(1);
    expect(feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === 'oc_three')).toHaveLength(1);
    const ding = dt.calls.filter((c) => c.route === 'POST /v1.0/robot/groupMessages/send' && c.body.openConversationId === 'cidThree==');
    expect(ding).toHaveLength(1);
    expect(markdownOf(ding[0]!).title).toMatch(/^每日一读 · .+ · 11月22日 星期日$/);
  });

  it('answers each platform on its own endpoint', async () => {
    const s = await postSigned(`${base}/slack/events`, TEST_SIGNING_SECRET, slashCommandBody({ text: '人才振兴', responseUrl: slack.responseUrl('three') }));
    expect(s.status).toBe(200);
    await slack.waitFor((c) => c.path === '/response/three');

    const event = messageEvent({ text: '人才振兴' });
    expect((await postEvent(`${base}/feishu/events`, event)).status).toBe(200);
    await feishu.waitFor((c) => c.path === `/open-apis/im/v1/messages/${event.messageId}/reply`);

    const msg = robotMessage({ text: '人才振兴', staffId: 'staff-three', sessionWebhook: dt.sessionWebhook('three') });
    expect((await postMessage(`${base}/dingtalk/events`, msg)).status).toBe(200);
    const reply = await dt.waitFor((c) => c.route === 'POST /v1.0/robot/oToMessages/batchSend');
    expect(reply.body.userIds).toEqual(['staff-three']);
    expect(markdownOf(reply).title).toBe('搜索：人才振兴');
  });
});

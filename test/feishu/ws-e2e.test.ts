/**
 * Long-connection mode (FEISHU_MODE=ws, the default) end to end: the real adapter, the SDK's own WSClient, and a
 * loopback gateway speaking the SDK's protobuf frames. Events and card callbacks arrive on the socket; the adapter's
 * answers go to the Open API stand-in (replies, shares) or back on the socket (a callback's toast or card).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/feishu/render/index.js';
import { STAND_IN_BOT_OPEN_ID, cardActionEvent, cardOf, messageEvent, type FeishuCall } from '../helpers/feishu-stand-in.js';
import { startFeishuWsStandIn, type FeishuWsStandIn, type WsConnection } from '../helpers/feishu-ws-stand-in.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { buttonsOf, cardProblems, markdownOf } from './card-check.js';
import { startFeishuHarness, type FeishuHarness } from './harness.js';

const GROUP = 'oc_wsgroup000000000000000000000001';
const asCard = (call: FeishuCall) => cardOf(call) as unknown as Card;

let h: FeishuHarness;
let gateway: FeishuWsStandIn;
let conn: WsConnection;

beforeAll(async () => {
  gateway = await startFeishuWsStandIn();
  h = await startFeishuHarness({
    config: { mode: 'ws', encryptKey: undefined, verificationToken: undefined },
    beforeStart: (feishu) => feishu.script('POST /callback/ws/endpoint', [gateway.endpointReply()]),
  });
  conn = await gateway.waitForConnection();
  await conn.ready();
  for (let i = 0; i < 100 && h.adapter.status().state !== 'connected'; i += 1) await new Promise((r) => setTimeout(r, 20));
  await h.feishu.waitFor((c) => c.route === 'GET /open-apis/bot/v3/info');
});
afterAll(async () => {
  await h?.close();
  await gateway?.close();
});

describe('long connection (ws) against a gateway stand-in', () => {
  it('connects with the credentials the endpoint gave, and reports connected', () => {
    expect(conn.path).toMatch(/^\/ws\/v2\?.*service_id=33554678/);
    expect(h.adapter.status()).toEqual({ platform: 'feishu-ws', ok: true, state: 'connected' });
  });

  it('a message gets its reply, acknowledged on the socket', async () => {
    const event = messageEvent({ text: '人才振兴' });
    const ack = await conn.deliver(event);
    expect(ack).toEqual({ code: 200, data: undefined });
    const reply = await h.feishu.waitFor((c) => c.path === `/open-apis/im/v1/messages/${event.messageId}/reply`);
    const card = asCard(reply);
    expect(cardProblems(card)).toEqual([]);
    expect(card.header.title.content).toBe('搜索：人才振兴');
    // Delivered again (a reconnect redelivers unacknowledged events): answered once. Split in fragments, as the
    // gateway does with large events.
    expect((await conn.deliver(event, { fragments: 3 })).code).toBe(200);
    await conn.deliver(messageEvent({ text: '帮助' }));
    await h.feishu.waitFor((c) => c.route === 'POST /open-apis/im/v1/messages/:id/reply' && asCard(c).header.title.content.startsWith('振兴 ·'));
    expect(h.repliesTo(event.messageId)).toHaveLength(1);
  });

  it('a page button updates the card through the callback answer on the socket', async () => {
    const ack = await conn.deliver(
      cardActionEvent({ value: { action: 'page', ref: JSON.stringify({ kind: 'search', query: '人才振兴', page: 2 }) } }),
    );
    expect(ack.code).toBe(200);
    const card = (ack.data?.card as { type: string; data: Card } | undefined)?.data;
    expect(ack.data?.card).toMatchObject({ type: 'raw' });
    expect(card && cardProblems(card)).toEqual([]);
    expect(card?.header.subtitle?.content).toMatch(/^共 \d+ 条 · 第 2\/\d+ 页$/);
    expect(markdownOf(card as Card)).toMatch(/^6&#46; /);
  });

  it('in a group, a search is an ephemeral card and its share posts exactly once', async () => {
    const asker = 'ou_wsasker00000000000000000000000001';
    const event = messageEvent({
      text: '@_user_1 生态振兴',
      chatType: 'group',
      chatId: GROUP,
      senderOpenId: asker,
      mentions: [{ key: '@_user_1', openId: STAND_IN_BOT_OPEN_ID, name: '振兴' }],
    });
    await conn.deliver(event);
    const eph = await h.feishu.waitFor((c) => c.route === 'POST /open-apis/ephemeral/v1/send' && c.body.open_id === asker);
    expect(eph.body.chat_id).toBe(GROUP);
    const share = buttonsOf(asCard(eph)).find((b) => b.value.action === 'share');
    const passage = getSharedCorpus().byId.get(String(share?.value.id));
    expect(passage).toBeDefined();

    const click = () => conn.deliver(cardActionEvent({ value: share?.value, openId: asker, chatId: GROUP, messageId: 'om_wseph' }));
    const first = await click();
    expect(first).toEqual({
      code: 200,
      data: { toast: { type: 'success', content: '已分享到当前会话。', i18n: { zh_cn: '已分享到当前会话。', en_us: 'Shared to this chat.' } } },
    });
    const second = await click();
    expect((second.data?.toast as { content: string }).content).toBe('刚刚已经分享过了。');
    const posts = h.feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === GROUP);
    expect(posts).toHaveLength(1);
    expect(asCard(posts[0] as FeishuCall).header.title.content).toBe(`《${passage?.title}》`);
    expect(h.repliesTo(event.messageId)).toEqual([]);
  });

  it('after the gateway drops the connection, the client reconnects and answers again', async () => {
    h.feishu.script('POST /callback/ws/endpoint', [gateway.endpointReply()]);
    conn.drop();
    const again = await gateway.waitForConnection(1, 10_000);
    await again.ready();
    const event = messageEvent({ text: '生态' });
    expect((await again.deliver(event)).code).toBe(200);
    await h.feishu.waitFor((c) => c.path === `/open-apis/im/v1/messages/${event.messageId}/reply`);
    conn = again;
  }, 15_000);
});

/**
 * Feishu in request-URL mode against real faults from a loopback stand-in of the Open API (issue 10): an expired
 * tenant token (99991663), 5xx, rate limits, a reply that fails for good and is redelivered, a replay after a
 * restart (message ids kept in a temp DATA_DIR), events older than an hour, and a stop with a reply in flight.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryIntake } from '../../src/library/intake.js';
import { createFileSeenKeys } from '../../src/platform/index.js';
import { NOTICE_TITLE, gbkNotice } from '../helpers/library-files.js';
import { messageEvent, postEvent, startFeishuStandIn, type FeishuStandIn } from '../helpers/feishu-stand-in.js';
import { startFeishuHarness, type FeishuHarness } from './harness.js';

const REPLY = 'POST /open-apis/im/v1/messages/:id/reply';
const TOKEN = 'POST /open-apis/auth/v3/tenant_access_token/internal';
const quiet = { warn: () => undefined, error: () => undefined } as never;

describe('a reply that meets a transient error', () => {
  let h: FeishuHarness;
  beforeAll(async () => {
    h = await startFeishuHarness();
  });
  afterAll(() => h.close());

  it('an expired tenant token (99991663): fetches a new token and replies once', async () => {
    const tokensBefore = h.feishu.calls.filter((c) => c.route === TOKEN).length;
    h.feishu.script(REPLY, [{ status: 400, body: { code: 99991663, msg: 'Invalid access token for authorization.' } }]);
    const { messageId } = await h.say({ text: '人才振兴' });
    await expect.poll(() => h.repliesTo(messageId).length).toBe(2);
    expect(h.feishu.calls.filter((c) => c.route === TOKEN).length).toBe(tokensBefore + 1);
    // Both attempts carry the same uuid: Feishu posts one message.
    const [a, b] = h.repliesTo(messageId);
    expect(a?.body.uuid).toBe(b?.body.uuid);
  });

  it('5xx, then a rate limit with its reset time, then success: one reply', async () => {
    h.feishu.script(REPLY, [
      { status: 502, body: 'Bad Gateway' },
      { status: 429, headers: { 'x-ogw-ratelimit-reset': '1' }, body: { code: 99991400, msg: 'request trigger frequency limit' } },
    ]);
    const { messageId } = await h.say({ text: '生态振兴' });
    await expect.poll(() => h.repliesTo(messageId).length, { timeout: 5000 }).toBe(3);
    const [, limited, ok] = h.repliesTo(messageId);
    expect((ok?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('a reply that fails every time is logged and counted, and its message id forgotten: the redelivery is answered', async () => {
    h.feishu.script(REPLY, [
      { status: 503, body: 'down' },
      { status: 503, body: 'down' },
      { status: 503, body: 'down' },
    ]);
    const event = messageEvent({ text: '文化振兴' });
    const before = h.logs.length;
    expect((await h.post(event)).status).toBe(200);
    await expect.poll(() => h.logs.slice(before).some((l) => l.msg === 'feishu: feishu.reply failed'), { timeout: 5000 }).toBe(true);
    expect(h.repliesTo(event.messageId)).toHaveLength(3);
    expect(await h.metrics.registry.metrics()).toContain('zhenxing_outbound_given_up_total{peer="feishu.reply",reason="server_error"} 1');
    // Feishu redelivers the event (same message id): this time it is answered.
    expect((await h.post(event)).status).toBe(200);
    await expect.poll(() => h.repliesTo(event.messageId).length).toBe(4);
  });

  it('a permanent refusal is not retried', async () => {
    h.feishu.script(REPLY, [{ status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } }]);
    const event = messageEvent({ text: '组织振兴' });
    const before = h.logs.length;
    await h.post(event);
    await expect.poll(() => h.logs.slice(before).some((l) => l.msg === 'feishu: feishu.reply failed')).toBe(true);
    expect(h.repliesTo(event.messageId)).toHaveLength(1);
  });
});

describe('replays', () => {
  let feishu: FeishuStandIn;
  let h: FeishuHarness | undefined;
  beforeAll(async () => {
    feishu = await startFeishuStandIn();
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  afterAll(() => feishu.close());

  it('a message redelivered after a restart is not answered again (message ids kept under DATA_DIR)', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-feishu-seen-'));
    const stores = async () => ({
      events: await createFileSeenKeys({ dataDir, name: 'feishu-events', ttlMs: 24 * 3600_000, logger: quiet }),
      shares: await createFileSeenKeys({ dataDir, name: 'feishu-shares', ttlMs: 3600_000, logger: quiet }),
    });
    h = await startFeishuHarness({ feishu, seenKeys: await stores() });
    const event = messageEvent({ text: '人才振兴' });
    await h.post(event);
    await expect.poll(() => h?.repliesTo(event.messageId).length).toBe(1);
    await h.close();

    h = await startFeishuHarness({ feishu, seenKeys: await stores() });
    const before = h.logs.length;
    expect((await postEvent(h.eventsUrl, event)).status).toBe(200);
    await expect.poll(() => h?.logs.slice(before).some((l) => l.msg === 'feishu: redelivered message ignored')).toBe(true);
    expect(h.repliesTo(event.messageId)).toHaveLength(1);
  });

  it('a message sent more than an hour ago is not answered', async () => {
    h = await startFeishuHarness({ feishu });
    const event = messageEvent({ text: '人才振兴', createTime: Date.now() - 61 * 60_000 });
    expect((await h.post(event)).status).toBe(200);
    await expect.poll(() => h?.logs.some((l) => l.msg === 'feishu: message sent more than 60 minutes ago ignored (a replay or a late redelivery)')).toBe(true);
    expect(h.repliesTo(event.messageId)).toHaveLength(0);
  });

  it('a signed request whose timestamp is more than an hour old is refused (401)', async () => {
    h = await startFeishuHarness({ feishu });
    const event = messageEvent({ text: '人才振兴' });
    const res = await h.post(event, { timestamp: String(Math.floor(Date.now() / 1000) - 3601) });
    expect([res.status, res.body.error]).toEqual([401, 'stale_request']);
  });
});

describe('stopping with a reply in flight', () => {
  it('waits its budget, then logs and counts the reply it could not deliver', async () => {
    const h = await startFeishuHarness({ adapterOptions: { stopTimeoutMs: 200 } });
    let release = () => undefined as void;
    h.feishu.script(REPLY, [{ status: 200, body: { code: 0, data: { message_id: 'om_late' } }, until: new Promise<void>((r) => (release = r)) }]);
    const event = messageEvent({ text: '人才振兴' });
    await h.post(event);
    await h.feishu.waitFor((c) => c.route === REPLY && c.path.includes(event.messageId));
    await h.adapter.stop();
    expect(h.logs.find((l) => l.msg === 'feishu: shutting down with 1 reply not delivered within 200 ms')).toMatchObject({ level: 50 });
    expect(await h.metrics.registry.metrics()).toContain('zhenxing_undelivered_total{platform="feishu"} 1');
    release();
    await h.close();
  });
});

describe('the platform kit, through Feishu', () => {
  it('a command past the busy limit is answered with the kit’s busy words at once', async () => {
    const h = await startFeishuHarness({ adapterOptions: { maxPending: 0 } });
    try {
      const { reply } = await h.say({ text: '人才振兴' });
      expect(JSON.stringify(reply.body)).toContain('现在请求较多，请稍后再试。');
      expect(await h.metrics.registry.metrics()).toContain('zhenxing_errors_total{where="feishu.busy"} 1');
    } finally {
      await h.close();
    }
  });

  it('a file message Feishu delivers twice is downloaded, added and answered once', async () => {
    const libraryDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-feishu-lib-'));
    const admin = 'ou_admin000000000000000000000000009';
    const h = await startFeishuHarness({ intake: createLibraryIntake({ libraryDir, adminUsers: [admin] }) });
    try {
      const fileKey = 'file_v3_twice';
      const event = messageEvent({
        text: '',
        messageType: 'file',
        content: JSON.stringify({ file_key: fileKey, file_name: '通知.txt' }),
        senderOpenId: admin,
      });
      h.feishu.serveResource(event.messageId, fileKey, gbkNotice());
      await h.post(event);
      await expect.poll(() => h.repliesTo(event.messageId).length, { timeout: 15_000 }).toBe(1);
      expect(JSON.stringify(h.repliesTo(event.messageId)[0]?.body)).toContain(`已添加《${NOTICE_TITLE}》`);
      await h.post(event);
      await h.say({ text: '帮助' });
      expect(h.repliesTo(event.messageId)).toHaveLength(1);
      expect(h.feishu.calls.filter((c) => c.path.endsWith(`/resources/${fileKey}`))).toHaveLength(1);
    } finally {
      await h.close();
      rmSync(libraryDir, { recursive: true, force: true });
    }
  });
});

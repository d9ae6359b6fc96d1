/**
 * Stream mode end to end: the real dingtalk-stream SDK (DWClient) makes its connection-open call
 * (POST /v1.0/gateway/connections/open) to the loopback stand-in, opens the websocket it hands out, receives robot
 * messages as CALLBACK frames and acknowledges them; the answers go out through the OpenAPI stand-in. A file an admin
 * sends arrives the same way and is added to the library.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryIntake } from '../../src/library/intake.js';
import {
  STREAM_TICKET,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  linksOf,
  markdownOf,
  robotMessage,
  startDingTalkStandIn,
  type DingTalkStandIn,
} from '../helpers/dingtalk-stand-in.js';
import { NOTICE_TITLE, gbkNotice } from '../helpers/library-files.js';
import { startDingTalkHarness, type DingTalkHarness } from './harness.js';

let dt: DingTalkStandIn;
let h: DingTalkHarness;

let libraryDir: string;

beforeAll(async () => {
  dt = await startDingTalkStandIn();
  libraryDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-stream-lib-'));
  h = await startDingTalkHarness({
    dt,
    config: { mode: 'stream' },
    intake: createLibraryIntake({ libraryDir, adminUsers: ['staff-stream-admin'] }),
  });
  await dt.waitForSocket();
});
afterAll(async () => {
  await h?.close();
  await dt?.close();
  rmSync(libraryDir, { recursive: true, force: true });
});

describe('Stream mode', () => {
  it('opens the connection with the app credentials and subscribes to robot messages', async () => {
    const open = await dt.waitFor((c) => c.route === 'POST /v1.0/gateway/connections/open');
    expect(open.body).toMatchObject({ clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET });
    expect(open.body.subscriptions).toContainEqual({ type: 'CALLBACK', topic: '/v1.0/im/bot/messages/get' });
    expect(dt.sockets().map((s) => s.ticket)).toEqual([STREAM_TICKET]);
    expect(h.adapter.status()).toEqual({ platform: 'dingtalk-stream', ok: true, state: 'connected' });
  });

  it('acknowledges a pushed message and answers it privately', async () => {
    const msg = robotMessage({ text: '人才振兴', staffId: 'staff-stream', sessionWebhook: dt.sessionWebhook('s1') });
    const frameId = dt.pushRobotMessage(msg);
    const ack = await dt.waitForFrame((f) => f.headers?.messageId === frameId);
    expect(ack).toMatchObject({ code: 200, message: 'OK' });
    const reply = await dt.waitFor((c) => h.privateTo('staff-stream').includes(c));
    expect(markdownOf(reply).title).toBe('搜索：人才振兴');
    expect(linksOf(markdownOf(reply).text).find((l) => l.label === '下一页 ›')?.sends).toBe('第2页 人才振兴');
  });

  it('answers a message pushed again (same msgId, new frame) once', async () => {
    const msg = robotMessage({ text: '生态', staffId: 'staff-stream-again', sessionWebhook: dt.sessionWebhook('s2') });
    dt.pushRobotMessage(msg);
    await dt.waitFor((c) => h.privateTo('staff-stream-again').includes(c));
    const again = dt.pushRobotMessage(msg);
    await dt.waitForFrame((f) => f.headers?.messageId === again);
    dt.pushRobotMessage(robotMessage({ text: '帮助', staffId: 'staff-stream-again', sessionWebhook: dt.sessionWebhook('s3') }));
    await dt.waitFor(() => h.privateTo('staff-stream-again').length === 2);
    expect(markdownOf(h.privateTo('staff-stream-again')[1]!).title).toBe('振兴 · 使用说明');
  });

  it('a group share over Stream posts one quote into the group', async () => {
    const group = 'cidStreamGroup==';
    dt.pushRobotMessage(robotMessage({ text: '人才振兴', group, staffId: 'staff-stream-share', sessionWebhook: dt.sessionWebhook('s4') }));
    const results = await dt.waitFor((c) => h.privateTo('staff-stream-share').includes(c));
    const link = linksOf(markdownOf(results).text).find((l) => l.label === '分享到群');
    if (!link) throw new Error('no share link');
    dt.pushRobotMessage(robotMessage({ text: link.sends, staffId: 'staff-stream-share', sessionWebhook: dt.sessionWebhook('s5') }));
    await dt.waitFor((c) => h.groupPosts(group).includes(c));
    expect(h.groupPosts(group)).toHaveLength(1);
  });

  it('a file an admin sends over Stream is downloaded and added, and the answer names it', async () => {
    dt.serveFile('stream-dl-code', gbkNotice());
    const msg = robotMessage({
      text: '',
      staffId: 'staff-stream-admin',
      file: { downloadCode: 'stream-dl-code', fileName: '通知.txt' },
      sessionWebhook: dt.sessionWebhook('s7'),
    });
    const frameId = dt.pushRobotMessage(msg);
    expect(await dt.waitForFrame((f) => f.headers?.messageId === frameId)).toMatchObject({ code: 200 });
    const reply = await dt.waitFor((c) => h.privateTo('staff-stream-admin').includes(c), 15_000);
    expect(markdownOf(reply).text).toContain(`已添加《${NOTICE_TITLE}》`);
    expect(readdirSync(libraryDir).length).toBeGreaterThan(0);
  });

  it('reconnects when the gateway drops the socket, and stays closed after stop()', async () => {
    const opens = () => dt.calls.filter((c) => c.route === 'POST /v1.0/gateway/connections/open').length;
    const before = opens();
    dt.sockets()[0]?.socket.terminate();
    await dt.waitFor(() => opens() === before + 1 && dt.sockets().length === 1);
    dt.pushRobotMessage(robotMessage({ text: '文化', staffId: 'staff-after-drop', sessionWebhook: dt.sessionWebhook('s6') }));
    await dt.waitFor((c) => h.privateTo('staff-after-drop').includes(c));

    await h.adapter.stop();
    expect(h.adapter.status()).toMatchObject({ ok: false, state: 'stopped' });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // past the SDK's 1 s reconnect delay
    expect(dt.sockets()).toEqual([]);
    expect(opens()).toBe(before + 1);
  });
});

/**
 * Adding a document from chat, through the real app: an admin (ADMIN_USERS) sends a file to the bot in a private
 * chat and gets its title, passage count and themes back, and the bot serves it at once; anyone else gets a polite
 * refusal and nothing is added. Slack and Feishu are played by their loopback stand-ins.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/main.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { gbkNotice, NOTICE_TITLE, pdfOpinion, PDF_TITLE } from '../helpers/library-files.js';
import { makePdf } from '../helpers/make-pdf.js';
import {
  STAND_IN_BOT_OPEN_ID,
  TEST_ENCRYPT_KEY,
  TEST_VERIFICATION_TOKEN,
  cardOf,
  messageEvent,
  postEvent,
  startFeishuStandIn,
  type FeishuStandIn,
} from '../helpers/feishu-stand-in.js';
import { TEST_SIGNING_SECRET, eventCallbackBody, postSigned, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';

const BOT_TOKEN = 'xoxb-4242-library-upload';

describe('Slack: a file sent to the bot in a DM', () => {
  let dir: string;
  let slack: SlackStandIn;
  let running: AppUnderTest;
  let app: RunningApp;
  let events: string;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    running = await startAppUnderTest('zhenxing-upload-slack-', {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      ADMIN_USERS: 'U0ADMIN, U0OTHERADMIN',
    });
    ({ dir, app } = running);
    events = `${running.base}/slack/events`;
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
    await slack?.close();
  });

  /** Slack's file_shared event for a file, signed, from `userId` in `channelId`. */
  async function share(fileId: string, userId: string, channelId: string) {
    const body = eventCallbackBody({ type: 'file_shared', file_id: fileId, user_id: userId, file: { id: fileId }, channel_id: channelId, event_ts: `${Date.now() / 1000}` });
    return postSigned(events, TEST_SIGNING_SECRET, body, { headers: { 'content-type': 'application/json' } });
  }

  /** The stand-in's files.info for a file it serves. */
  function offer(fileId: string, name: string, bytes: Uint8Array) {
    const url = slack.serveFile(`/files-pri/T0STANDIN-${fileId}/download/${encodeURIComponent(name)}`, bytes, BOT_TOKEN);
    slack.script('files.info', [{ ok: true, file: { id: fileId, name, size: bytes.length, url_private_download: url } }]);
  }

  /** The next answer posted into `channel` after the first `after` calls the stand-in received. */
  const answerIn = async (channel: string, after: number) => {
    const call = await slack.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === channel && slack.calls.indexOf(c) >= after,
      15_000,
    );
    return String(call.body.text ?? '') + JSON.stringify(call.body.blocks ?? []);
  };

  it('adds the file for an admin, answers with title, passages and themes, and serves it at once', async () => {
    const t0 = slack.calls.length;
    offer('F0PDF', '实施意见.pdf', pdfOpinion());
    expect((await share('F0PDF', 'U0ADMIN', 'D0ADMIN')).status).toBe(200);
    const answer = await answerIn('D0ADMIN', t0);
    expect(answer).toContain(`已添加《${PDF_TITLE}》`);
    expect(answer).toContain('4 段，主题：');
    expect(answer).toContain('人才振兴');
    // The download carried the bot token.
    const download = slack.calls.find((c) => c.method === 'file' && c.path.includes('F0PDF'));
    expect(download?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    // Searchable right away, by anyone.
    const id = `s-${randomUUID()}`;
    await postSigned(events, TEST_SIGNING_SECRET, slashCommandBody({ text: '非遗工坊 乡村书屋', responseUrl: slack.responseUrl(id), userId: 'U0READER' }));
    const res = await slack.waitFor((c) => c.path === `/response/${id}`);
    expect(JSON.stringify(res.body)).toContain(PDF_TITLE);
  });

  it('says so when the same file comes again, and names the problem with a bad file', async () => {
    let t = slack.calls.length;
    offer('F0PDF2', '副本.pdf', pdfOpinion());
    await share('F0PDF2', 'U0OTHERADMIN', 'D0OTHER');
    expect(await answerIn('D0OTHER', t)).toContain(`这份文件已在文库中：《${PDF_TITLE}》`);
    t = slack.calls.length;
    offer('F0SCAN', '扫描件.pdf', makePdf({ scanned: true }));
    await share('F0SCAN', 'U0ADMIN', 'D0ADMIN');
    expect(await answerIn('D0ADMIN', t)).toContain('这个 PDF 没有文字层（可能是扫描件），无法提取文字：扫描件.pdf。');
    t = slack.calls.length;
    offer('F0XLS', '台账.xlsx', Buffer.from('PK\u0003\u0004'));
    await share('F0XLS', 'U0ADMIN', 'D0ADMIN');
    expect(await answerIn('D0ADMIN', t)).toContain('不支持的文件类型 .xlsx：台账.xlsx。');
    // The unsupported file was refused by its name: never downloaded.
    expect(slack.calls.some((c) => c.method === 'file' && c.path.includes('F0XLS'))).toBe(false);
  });

  it('politely refuses anyone not in ADMIN_USERS, without downloading or adding anything', async () => {
    const before = readdirSync(path.join(dir, 'library')).sort();
    const t = slack.calls.length;
    offer('F0TXT', '通知.txt', gbkNotice());
    await share('F0TXT', 'U0STRANGER', 'D0STRANGER');
    expect(await answerIn('D0STRANGER', t)).toContain('抱歉，只有管理员可以向文库添加文档。如需添加，请联系管理员。');
    expect(slack.calls.some((c) => c.method === 'file' && c.path.includes('F0TXT'))).toBe(false);
    expect(readdirSync(path.join(dir, 'library')).sort()).toEqual(before);
    expect(app.library.current().corpus.articles.some((a) => a.title === NOTICE_TITLE)).toBe(false);
  });

  it('ignores files shared in channels', async () => {
    offer('F0CHAN', '通知.txt', gbkNotice());
    const t = slack.calls.length;
    await share('F0CHAN', 'U0ADMIN', 'C0GENERAL');
    await new Promise((r) => setTimeout(r, 500));
    expect(slack.calls.slice(t).filter((c) => c.method === 'files.info' || c.method === 'chat.postMessage')).toEqual([]);
  });
});

describe('Feishu: a file message to the bot in a private chat', () => {
  const ADMIN = 'ou_admin000000000000000000000000001';
  const STRANGER = 'ou_stranger0000000000000000000000001';
  let dir: string;
  let feishu: FeishuStandIn;
  let running: AppUnderTest;
  let app: RunningApp;
  let events: string;

  beforeAll(async () => {
    feishu = await startFeishuStandIn();
    running = await startAppUnderTest('zhenxing-upload-feishu-', {
      FEISHU_APP_ID: 'cli_a1b2c3d4e5f6a7b8',
      FEISHU_APP_SECRET: 'feishu-test-secret-0123456789',
      FEISHU_MODE: 'http',
      FEISHU_ENCRYPT_KEY: TEST_ENCRYPT_KEY,
      FEISHU_VERIFICATION_TOKEN: TEST_VERIFICATION_TOKEN,
      FEISHU_DOMAIN: feishu.url,
      ADMIN_USERS: ADMIN,
    });
    ({ dir, app } = running);
    events = `${running.base}/feishu/events`;
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
    await feishu?.close();
  });

  /** Sends a file message from `sender`; resolves with the text of the card the bot replied with. */
  async function sendFile(sender: string, name: string, bytes: Uint8Array | null, chatType: 'p2p' | 'group' = 'p2p') {
    const fileKey = `file_v3_${randomUUID().replace(/-/g, '')}`;
    const event = messageEvent({
      text: '',
      messageType: 'file',
      content: JSON.stringify({ file_key: fileKey, file_name: name }),
      senderOpenId: sender,
      chatType,
      ...(chatType === 'group' ? { mentions: [{ key: '@_user_1', openId: STAND_IN_BOT_OPEN_ID, name: '振兴' }] } : {}),
    });
    if (bytes) feishu.serveResource(event.messageId, fileKey, bytes);
    expect((await postEvent(events, event)).status).toBe(200);
    return { messageId: event.messageId, fileKey };
  }
  const replyTo = async (messageId: string) =>
    JSON.stringify(cardOf(await feishu.waitFor((c) => c.path === `/open-apis/im/v1/messages/${messageId}/reply`, 15_000)));

  it('adds the file for an admin and replies with title, passages and themes; the bot serves it at once', async () => {
    const { messageId, fileKey } = await sendFile(ADMIN, '通知.txt', gbkNotice());
    const reply = await replyTo(messageId);
    expect(reply).toContain(`已添加《${NOTICE_TITLE}》`);
    expect(reply).toContain('4 段，主题：');
    const download = feishu.calls.find((c) => c.path.endsWith(`/resources/${fileKey}`));
    expect(download?.query).toEqual({ type: 'file' });
    expect(app.library.current().corpus.articles.some((a) => a.title === NOTICE_TITLE)).toBe(true);
    const answer = await app.router.handle('稻渔综合种养', { platform: 'feishu', userId: STRANGER });
    expect(answer.kind === 'results' && answer.items[0]?.title).toBe(NOTICE_TITLE);
  });

  it('politely refuses anyone not in ADMIN_USERS, without downloading', async () => {
    const before = readdirSync(path.join(dir, 'library'));
    const { messageId, fileKey } = await sendFile(STRANGER, '意见.pdf', pdfOpinion());
    expect(await replyTo(messageId)).toContain('抱歉，只有管理员可以向文库添加文档。如需添加，请联系管理员。');
    expect(feishu.calls.some((c) => c.path.endsWith(`/resources/${fileKey}`))).toBe(false);
    expect(readdirSync(path.join(dir, 'library'))).toEqual(before);
  });

  it('tells an admin when the file cannot be downloaded', async () => {
    const { messageId } = await sendFile(ADMIN, '意见.pdf', null);
    expect(await replyTo(messageId)).toContain('文件下载失败，请稍后再发一次。');
  });
});

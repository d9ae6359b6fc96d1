/**
 * Adding a document from a Slack DM when the upload arrives as a `message` event with files (subtype file_share,
 * what an app subscribed to message.im receives), through the real app over signed HTTP with the loopback Slack
 * stand-in: an admin's file is added and answered in the DM, a stranger's is refused without a download, files in
 * channels are not ours, and an upload Slack announces twice (the message and file_shared) is added and answered once.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { DOCX_TITLE, gbkNotice, MD_TITLE, markdownPlan, NOTICE_TITLE, wordPlan } from '../helpers/library-files.js';
import { TEST_SIGNING_SECRET, eventCallbackBody, postSigned, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';

const BOT_TOKEN = 'xoxb-4242-file-share';

let dir: string;
let slack: SlackStandIn;
let running: AppUnderTest;
let events: string;

beforeAll(async () => {
  slack = await startSlackStandIn();
  running = await startAppUnderTest('zhenxing-file-share-', {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    ADMIN_USERS: 'U0ADMIN',
  });
  dir = running.dir;
  events = `${running.base}/slack/events`;
}, 60_000);

afterAll(async () => {
  await running?.stop();
  await slack?.close();
});

const signedEvent = (event: Record<string, unknown>) =>
  postSigned(events, TEST_SIGNING_SECRET, eventCallbackBody(event), { headers: { 'content-type': 'application/json' } });

/** The stand-in serves the file's bytes (to the bot token only); returns the file object a message event carries. */
function offer(fileId: string, name: string, bytes: Uint8Array) {
  const url = slack.serveFile(`/files-pri/T0STANDIN-${fileId}/download/${encodeURIComponent(name)}`, bytes, BOT_TOKEN);
  return { id: fileId, name, title: name, size: bytes.length, mimetype: 'application/octet-stream', url_private: url, url_private_download: url };
}

/** A message with files, as Slack sends it for an upload in a DM (channel_type im) or a channel. */
const fileMessage = (user: string, channel: string, files: Record<string, unknown>[]) =>
  signedEvent({
    type: 'message',
    subtype: 'file_share',
    text: '',
    files,
    upload: true,
    user,
    display_as_bot: false,
    channel,
    channel_type: channel.startsWith('D') ? 'im' : 'channel',
    ts: `${Date.now() / 1000}`,
    event_ts: `${Date.now() / 1000}`,
  });

const fileShared = (fileId: string, user: string, channel: string) =>
  signedEvent({ type: 'file_shared', file_id: fileId, user_id: user, file: { id: fileId }, channel_id: channel, event_ts: `${Date.now() / 1000}` });

const answersIn = (channel: string, after: number) =>
  slack.calls.slice(after).filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
const textOf = (call: { body: Record<string, unknown> }) => String(call.body.text ?? '') + JSON.stringify(call.body.blocks ?? []);
const downloads = (fileId: string) => slack.calls.filter((c) => c.method === 'file' && c.path.includes(fileId));

describe('Slack: a file sent to the bot in a DM as a message with files (subtype file_share)', () => {
  it('adds it for an admin from the file details in the message, answers in the DM, and serves it at once', async () => {
    const t = slack.calls.length;
    expect((await fileMessage('U0ADMIN', 'D0ADMIN', [offer('F0MD', '三年行动计划.md', markdownPlan())])).status).toBe(200);
    const answer = await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ADMIN' && slack.calls.indexOf(c) >= t, 15_000);
    expect(textOf(answer)).toContain(`已添加《${MD_TITLE}》`);
    expect(textOf(answer)).toMatch(/\d+ 段，主题：/);
    expect(downloads('F0MD')[0]?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    // The message carried the download URL: files.info was not needed.
    expect(slack.calls.slice(t).some((c) => c.method === 'files.info')).toBe(false);
    const id = `s-${randomUUID()}`;
    await postSigned(events, TEST_SIGNING_SECRET, slashCommandBody({ text: '物业经济 闲置资产', responseUrl: slack.responseUrl(id), userId: 'U0READER' }));
    expect(JSON.stringify((await slack.waitFor((c) => c.path === `/response/${id}`)).body)).toContain(MD_TITLE);
  });

  it('adds and answers once when Slack announces the same upload twice (the message and file_shared), in either order', async () => {
    const t = slack.calls.length;
    // The message first: file_shared for the same file and user is not acted on.
    const docx = offer('F0DOCX', '数字乡村驿站.docx', await wordPlan());
    await fileMessage('U0ADMIN', 'D0ADMIN', [docx]);
    await fileShared('F0DOCX', 'U0ADMIN', 'D0ADMIN');
    // file_shared first (its files.info answered): the message for the same file is not acted on.
    const gbk = offer('F0TWICE', '通知.txt', gbkNotice());
    slack.script('files.info', [{ ok: true, file: gbk }]);
    await fileShared('F0TWICE', 'U0ADMIN', 'D0ADMIN');
    await fileMessage('U0ADMIN', 'D0ADMIN', [gbk]);
    await expect.poll(() => answersIn('D0ADMIN', t).length, { timeout: 15_000 }).toBe(2);
    // A later answer in another DM has surely been handled after all four events: still two answers, one download each.
    await fileShared('F0NONE', 'U0OTHER', 'D0LATER2');
    await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0LATER2', 15_000);
    // The two files are added side by side: their answers may come in either order.
    expect(answersIn('D0ADMIN', t).map(textOf).map((x) => x.slice(0, x.indexOf('》') + 1)).sort()).toEqual(
      [`已添加《${DOCX_TITLE}》`, `已添加《${NOTICE_TITLE}》`].sort(),
    );
    expect([downloads('F0DOCX').length, downloads('F0TWICE').length]).toEqual([1, 1]);
  });

  it('asks files.info when the message carries no download URL', async () => {
    const t = slack.calls.length;
    const file = offer('F0HTML', '计划副本.md', Buffer.from(`# 关于发展庭院经济的工作方案\n\n鼓励农户利用房前屋后空地发展庭院种养，增加家庭经营收入。\n`, 'utf8'));
    slack.script('files.info', [{ ok: true, file }]);
    await fileMessage('U0ADMIN', 'D0ADMIN', [{ id: 'F0HTML', file_access: 'check_file_info', created: 1 }]);
    const answer = await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ADMIN' && slack.calls.indexOf(c) >= t, 15_000);
    expect(textOf(answer)).toContain('已添加《关于发展庭院经济的工作方案》');
    expect(slack.calls.slice(t).find((c) => c.method === 'files.info')?.body.file).toBe('F0HTML');
    expect(downloads('F0HTML')).toHaveLength(1);
  });

  it('answers an admin kindly when Slack will not describe the file (files.info refused), and adds nothing', async () => {
    const t = slack.calls.length;
    slack.script('files.info', [{ ok: false, error: 'file_not_found' }]);
    await fileShared('F0GONE', 'U0ADMIN', 'D0ADMIN');
    const answer = await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ADMIN' && slack.calls.indexOf(c) >= t, 15_000);
    expect(textOf(answer)).toContain('抱歉，处理时出了点问题，请稍后再试。');
    expect(downloads('F0GONE')).toEqual([]);
  });

  it('politely refuses anyone not in ADMIN_USERS, without downloading or adding anything', async () => {
    const before = readdirSync(path.join(dir, 'library')).sort();
    const t = slack.calls.length;
    await fileMessage('U0STRANGER', 'D0STRANGER', [offer('F0STRANGE', '计划.md', markdownPlan())]);
    const answer = await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0STRANGER' && slack.calls.indexOf(c) >= t, 15_000);
    expect(textOf(answer)).toContain('抱歉，只有管理员可以向文库添加文档。如需添加，请联系管理员。');
    expect(downloads('F0STRANGE')).toEqual([]);
    expect(readdirSync(path.join(dir, 'library')).sort()).toEqual(before);
  });

  it('ignores files shared in channels and DM messages without files', async () => {
    const t = slack.calls.length;
    await fileMessage('U0ADMIN', 'C0GENERAL', [offer('F0CHAN', '频道.md', markdownPlan())]);
    await signedEvent({ type: 'message', text: '你好', user: 'U0ADMIN', channel: 'D0ADMIN', channel_type: 'im', ts: `${Date.now() / 1000}` });
    // A later event that has surely been handled after both.
    await fileShared('F0LATER', 'U0STRANGER', 'D0LATER');
    await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0LATER', 15_000);
    expect(slack.calls.slice(t).filter((c) => c.method === 'chat.postMessage' && c.body.channel !== 'D0LATER')).toEqual([]);
    expect(downloads('F0CHAN')).toEqual([]);
  });
});

/**
 * Adding a document from DingTalk: an admin (ADMIN_USERS, DingTalk staff ids) sends a file to the robot in the 1:1
 * chat; the bot asks DingTalk for its download URL (messageFiles/download with the downloadCode and the robot code),
 * fetches it, adds it and answers privately with title, passage count and themes. Anyone else gets a polite refusal
 * and nothing is downloaded. A download DingTalk fails (5xx, no answer, a transfer that stalls) gets a kind error
 * and adds nothing. The real app in HTTP mode, with the DingTalk stand-in for the OpenAPI and the file host.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryIntake } from '../../src/library/intake.js';
import type { RunningApp } from '../../src/main.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import {
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  markdownOf,
  postMessage,
  robotMessage,
  startDingTalkStandIn,
  type DingTalkCall,
  type DingTalkStandIn,
} from '../helpers/dingtalk-stand-in.js';
import { NOTICE_TITLE, PDF_TITLE, gbkNotice, pdfOpinion } from '../helpers/library-files.js';
import { startDingTalkHarness, type DingTalkHarness } from './harness.js';

const ADMIN = 'staffadmin01';
const STRANGER = 'staffstranger01';
const BATCH = 'POST /v1.0/robot/oToMessages/batchSend';
const FILES = 'POST /v1.0/robot/messageFiles/download';

let codes = 0;
const newCode = () => `dlcode+${Date.now().toString(36)}/${(codes += 1)}==`;

/** Files under the library dir (an added document is its original plus its metadata). */
const libraryFiles = (dir: string) => {
  try {
    return readdirSync(dir, { recursive: true }).map(String).sort();
  } catch {
    return [];
  }
};

describe('DingTalk: a file sent to the robot in the 1:1 chat (the real app, HTTP mode)', () => {
  let dir: string;
  let dt: DingTalkStandIn;
  let running: AppUnderTest;
  let app: RunningApp;
  let events: string;

  beforeAll(async () => {
    dt = await startDingTalkStandIn();
    running = await startAppUnderTest('zhenxing-upload-dingtalk-', {
      DINGTALK_CLIENT_ID: TEST_CLIENT_ID,
      DINGTALK_CLIENT_SECRET: TEST_CLIENT_SECRET,
      DINGTALK_MODE: 'http',
      DINGTALK_API_URL: dt.url,
      ADMIN_USERS: `U0SLACKADMIN, ${ADMIN}`,
    });
    ({ dir, app } = running);
    events = `${running.base}/dingtalk/events`;
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
    await dt?.close();
  });

  /** Sends a file message from `staffId`; resolves with the text of the next private message to them. */
  async function sendFile(staffId: string, fileName: string, bytes: Uint8Array | null) {
    const downloadCode = newCode();
    if (bytes) dt.serveFile(downloadCode, bytes);
    const before = dt.calls.length;
    const m = robotMessage({ text: '', staffId, file: { downloadCode, fileName } });
    m.sessionWebhook = dt.sessionWebhook(m.msgId);
    expect((await postMessage(events, m)).status).toBe(200);
    const reply = await dt.waitFor(
      (c) => c.route === BATCH && (c.body.userIds as string[]).includes(staffId) && dt.calls.indexOf(c) >= before,
      15_000,
    );
    return { downloadCode, text: markdownOf(reply).text, since: before, msgId: m.msgId };
  }

  const fileCalls = (code: string): DingTalkCall[] =>
    dt.calls.filter((c) => (c.route === FILES && c.body.downloadCode === code) || c.path === `/files/${encodeURIComponent(code)}`);

  it('adds the file for an admin, answers privately with title, passages and themes, and serves it at once', async () => {
    const { downloadCode, text } = await sendFile(ADMIN, '通知.txt', gbkNotice());
    expect(text).toContain(`已添加《${NOTICE_TITLE}》`);
    expect(text).toContain('4 段，主题：');
    // The download URL was asked for with the message's code, the robot code and the access token.
    const asked = dt.calls.find((c) => c.route === FILES && c.body.downloadCode === downloadCode);
    expect(asked?.body).toEqual({ downloadCode, robotCode: TEST_CLIENT_ID });
    expect(asked?.headers['x-acs-dingtalk-access-token']).toBe('dt-stand-in-access-token');
    expect(dt.calls.some((c) => c.path === `/files/${encodeURIComponent(downloadCode)}`)).toBe(true);
    // Searchable right away, by anyone, in DingTalk too.
    expect(app.library.current().corpus.articles.some((a) => a.title === NOTICE_TITLE)).toBe(true);
    const before = dt.calls.length;
    const m = robotMessage({ text: '稻渔综合种养', staffId: 'staffreader01' });
    m.sessionWebhook = dt.sessionWebhook(m.msgId);
    await postMessage(events, m);
    const results = await dt.waitFor((c) => c.route === BATCH && (c.body.userIds as string[]).includes('staffreader01') && dt.calls.indexOf(c) >= before, 15_000);
    expect(markdownOf(results).text).toContain(NOTICE_TITLE);
  });

  it('says so when the same file comes again, and names the problem with an unsupported file without downloading it', async () => {
    expect((await sendFile(ADMIN, '通知副本.txt', gbkNotice())).text).toContain(`这份文件已在文库中：《${NOTICE_TITLE}》`);
    const xls = await sendFile(ADMIN, '台账.xlsx', Buffer.from('PK\u0003\u0004'));
    expect(xls.text).toContain('不支持的文件类型 .xlsx：台账.xlsx。');
    expect(fileCalls(xls.downloadCode)).toEqual([]);
  });

  it('politely refuses anyone not in ADMIN_USERS, without downloading or adding anything', async () => {
    const before = libraryFiles(path.join(dir, 'library'));
    const { downloadCode, text } = await sendFile(STRANGER, '意见.pdf', pdfOpinion());
    expect(text).toBe('抱歉，只有管理员可以向文库添加文档。如需添加，请联系管理员。');
    expect(fileCalls(downloadCode)).toEqual([]);
    expect(libraryFiles(path.join(dir, 'library'))).toEqual(before);
    expect(app.library.current().corpus.articles.some((a) => a.title === PDF_TITLE)).toBe(false);
  });

  it('a redelivered file message is handled once', async () => {
    const downloadCode = newCode();
    dt.serveFile(downloadCode, gbkNotice());
    const m = robotMessage({ text: '', staffId: ADMIN, file: { downloadCode, fileName: '通知.txt' } });
    m.sessionWebhook = dt.sessionWebhook(m.msgId);
    const before = dt.calls.length;
    await postMessage(events, m);
    await dt.waitFor((c) => c.route === BATCH && dt.calls.indexOf(c) >= before, 15_000);
    await postMessage(events, m);
    await new Promise((r) => setTimeout(r, 500));
    expect(dt.calls.slice(before).filter((c) => c.route === FILES)).toHaveLength(1);
    expect(dt.calls.slice(before).filter((c) => c.route === BATCH)).toHaveLength(1);
  });

  it('DingTalk failing the download URL (5xx after the retries) gets a kind error and adds nothing', async () => {
    const before = libraryFiles(path.join(dir, 'library'));
    const busy = { status: 503, body: { code: 'ServiceUnavailable', message: '服务繁忙' } };
    dt.script(FILES, [busy, busy, busy]);
    const { text } = await sendFile(ADMIN, '意见.pdf', pdfOpinion());
    expect(text).toBe('文件下载失败，请稍后再发一次。');
    expect(libraryFiles(path.join(dir, 'library'))).toEqual(before);
    expect(app.library.current().corpus.articles.some((a) => a.title === PDF_TITLE)).toBe(false);
  });

  it('the file host answering 5xx, or an expired code, gets a kind error and adds nothing', async () => {
    const before = libraryFiles(path.join(dir, 'library'));
    const code = newCode();
    dt.serveFile(code, pdfOpinion());
    dt.script(`GET /files/${encodeURIComponent(code)}`, [{ status: 502, body: { message: 'Bad Gateway' } }]);
    const m = robotMessage({ text: '', staffId: ADMIN, file: { downloadCode: code, fileName: '意见.pdf' } });
    m.sessionWebhook = dt.sessionWebhook(m.msgId);
    const t = dt.calls.length;
    await postMessage(events, m);
    const reply = await dt.waitFor((c) => c.route === BATCH && dt.calls.indexOf(c) >= t, 15_000);
    expect(markdownOf(reply).text).toBe('文件下载失败，请稍后再发一次。');
    // A code DingTalk no longer knows (400): same answer.
    expect((await sendFile(ADMIN, '意见.pdf', null)).text).toBe('文件下载失败，请稍后再发一次。');
    expect(libraryFiles(path.join(dir, 'library'))).toEqual(before);
  });

  it('a file message without its downloadCode is asked for again', async () => {
    const m = robotMessage({ text: '', staffId: ADMIN, file: { downloadCode: '', fileName: '通知.txt' } });
    m.sessionWebhook = dt.sessionWebhook(m.msgId);
    const t = dt.calls.length;
    await postMessage(events, m);
    const reply = await dt.waitFor((c) => c.route === BATCH && dt.calls.indexOf(c) >= t, 15_000);
    expect(markdownOf(reply).text).toBe('没有收到文件内容，请重新发送。');
  });
});

describe('DingTalk: a download that never finishes', () => {
  let h: DingTalkHarness;
  let libraryDir: string;
  beforeAll(async () => {
    libraryDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-upload-dingtalk-lib-'));
    h = await startDingTalkHarness({
      intake: createLibraryIntake({ libraryDir, adminUsers: [ADMIN] }),
      options: { requestTimeoutMs: 300, downloadTimeoutMs: 500 },
    });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(libraryDir, { recursive: true, force: true });
  });

  const send = async (code: string, fileName: string) => {
    const { reply } = await h.ask({ text: '', staffId: ADMIN, file: { downloadCode: code, fileName } });
    return markdownOf(reply).text;
  };

  it('messageFiles/download that never answers: timed out, a kind error, nothing added', async () => {
    const never = new Promise(() => {});
    const code = newCode();
    h.dt.serveFile(code, gbkNotice());
    h.dt.script(FILES, [0, 1, 2].map(() => ({ status: 200, until: never })));
    expect(await send(code, '通知.txt')).toBe('文件下载失败，请稍后再发一次。');
    expect(h.dt.calls.filter((c) => c.route === FILES && c.body.downloadCode === code)).toHaveLength(3);
    expect(libraryFiles(libraryDir)).toEqual([]);
  });

  it('a file host that stalls halfway through the file: timed out, a kind error, nothing added', async () => {
    const code = newCode();
    const bytes = pdfOpinion();
    h.dt.serveFile(code, bytes, { stallAfterBytes: Math.floor(bytes.length / 2) });
    expect(await send(code, '意见.pdf')).toBe('文件下载失败，请稍后再发一次。');
    expect(h.dt.calls.some((c) => c.path === `/files/${encodeURIComponent(code)}`)).toBe(true);
    expect(libraryFiles(libraryDir)).toEqual([]);
  });
});

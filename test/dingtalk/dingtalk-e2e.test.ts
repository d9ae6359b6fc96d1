/**
 * DingTalk in HTTP mode, end to end: signed robot messages in (as DingTalk posts them to /dingtalk/events), and
 * what the OpenAPI and session-webhook stand-in receives out (access token, private results, group posts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STAND_IN_ACCESS_TOKEN,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  linksOf,
  markdownOf,
  signFor,
  startDingTalkStandIn,
} from '../helpers/dingtalk-stand-in.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { startDingTalkHarness, type DingTalkHarness } from './harness.js';

const GROUP = 'cidGroupStandIn0001+/Aa==';
let h: DingTalkHarness;

beforeAll(async () => {
  h = await startDingTalkHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Proves nothing more was sent for earlier messages: a later private answer arrives after anything they caused. */
const sentinel = (staffId = 'staff001') => h.ask({ text: '帮助', staffId });

describe('private chat', () => {
  it('answers a signed message with private results: token, sampleMarkdown, matches in bold, a next-page link', async () => {
    const { reply } = await h.ask({ text: '人才振兴' });
    const token = await h.dt.waitFor((c) => c.route === 'POST /v1.0/oauth2/accessToken');
    expect(token.body).toEqual({ appKey: TEST_CLIENT_ID, appSecret: TEST_CLIENT_SECRET });
    expect(reply.headers['x-acs-dingtalk-access-token']).toBe(STAND_IN_ACCESS_TOKEN);
    expect(reply.body).toMatchObject({ robotCode: TEST_CLIENT_ID, userIds: ['staff001'], msgKey: 'sampleMarkdown' });
    const md = markdownOf(reply);
    expect(md.title).toBe('搜索：人才振兴');
    expect(md.text).toMatch(/^### 搜索：人才振兴\n\n<font color=#888888>共 \d+ 条 · 第 1\/\d+ 页<\/font>/);
    expect(md.text).toMatch(/\n\n1\. \*\*《[^》]+》/);
    expect(md.text).toMatch(/\*\*[^*]*人才[^*]*\*\*/);
    const links = linksOf(md.text);
    expect(links.find((l) => l.label === '下一页 ›')?.sends).toBe('第2页 人才振兴');
    // In a 1:1 chat there is no group to share into: no share links, and a word on how to get them.
    expect(links.some((l) => l.label === '分享到群')).toBe(false);
    expect(md.text).toContain('在群里 @我 搜索，即可把段落分享到群。');
    // Nothing went to any group.
    expect(h.dt.calls.filter((c) => c.route === 'POST /v1.0/robot/groupMessages/send')).toEqual([]);
  });

  it('pages when the next-page link is clicked (the client sends its text)', async () => {
    const { reply } = await h.ask({ text: '第2页 人才振兴' });
    const md = markdownOf(reply);
    expect(md.text).toMatch(/第 2\/\d+ 页/);
    expect(md.text).toMatch(/\n\n6\. \*\*《/);
    expect(linksOf(md.text).find((l) => l.label === '‹ 上一页')?.sends).toBe('第1页 人才振兴');
  });

  it('answers a redelivered message (same msgId) once, and caches the access token', async () => {
    const m = h.message({ text: '生态', staffId: 'staff-redeliver' });
    expect((await h.post(m)).status).toBe(200);
    await h.dt.waitFor((c) => h.privateTo('staff-redeliver').includes(c));
    expect((await h.post(m)).status).toBe(200);
    await sentinel('staff-redeliver');
    expect(h.privateTo('staff-redeliver')).toHaveLength(2); // the answer and the sentinel's
    expect(h.logs.some((l) => l.msg === 'dingtalk: redelivered message ignored' && l.msgId === m.msgId)).toBe(true);
    expect(h.dt.calls.filter((c) => c.route === 'POST /v1.0/oauth2/accessToken')).toHaveLength(1);

    // A process started later over the same DATA_DIR remembers it too.
    const restarted = await startDingTalkHarness({ dt: h.dt, dataDir: h.dataDir });
    try {
      expect((await restarted.post(m)).status).toBe(200);
      await restarted.ask({ text: '帮助', staffId: 'staff-redeliver' });
      expect(h.privateTo('staff-redeliver')).toHaveLength(3); // + the second sentinel only
      expect(restarted.logs.some((l) => l.msg === 'dingtalk: redelivered message ignored' && l.msgId === m.msgId)).toBe(true);
    } finally {
      await restarted.close();
    }
  });

  it('help, themes, docs and 今日 answer privately; English gets English too', async () => {
    expect(markdownOf((await h.ask({ text: '帮助' })).reply).title).toBe('振兴 · 使用说明');
    const themes = markdownOf((await h.ask({ text: '主题' })).reply);
    expect(linksOf(themes.text).map((l) => l.sends)).toEqual([
      '第1页 主题 产业',
      '第1页 主题 人才',
      '第1页 主题 文化',
      '第1页 主题 生态',
      '第1页 主题 组织',
    ]);
    expect(markdownOf((await h.ask({ text: '第1页 主题 生态' })).reply).title).toBe('主题：生态振兴');
    expect(markdownOf((await h.ask({ text: '文档' })).reply).text).toContain('### 收录文献');
    expect(markdownOf((await h.ask({ text: '今日' })).reply).title).toMatch(/^每日一读 · .+ · 11月22日 星期日$/);
    expect(markdownOf((await h.ask({ text: 'help' })).reply).text).toContain('In a private chat just send your words');
  });

  it('says 订阅 needs a group, and that only text is understood', async () => {
    expect(markdownOf((await h.ask({ text: '订阅' })).reply).text).toBe('订阅只能在 Slack 频道、飞书群聊或钉钉群中使用。');
    // Typed the way the help words it for groups: the bot's name is not part of the command.
    expect(markdownOf((await h.ask({ text: '@振兴 订阅' })).reply).text).toBe('订阅只能在 Slack 频道、飞书群聊或钉钉群中使用。');
    const picture = await h.ask({ text: '', msgtype: 'picture' });
    expect(markdownOf(picture.reply).text).toBe('我只能读懂文字消息。发送“帮助”查看用法。');
  });
});

describe('signature', () => {
  const verifyFailures = async () =>
    (await h.metrics.registry.getSingleMetric('zhenxing_errors_total')?.get())?.values.find((v) => v.labels.where === 'dingtalk.verify')
      ?.value ?? 0;

  it('refuses a bad sign, a stale or future timestamp and a missing header, and acts on none', async () => {
    const before = await verifyFailures();
    const m = h.message({ text: '人才振兴', staffId: 'staff-forged' });
    const bad = await h.post(m, { sign: signFor(String(Date.now()), 'not-the-secret') });
    expect([bad.status, bad.body]).toEqual([401, { error: 'invalid_signature' }]);
    const old = String(Date.now() - 61 * 60 * 1000);
    const stale = await h.post(m, { timestamp: old, sign: signFor(old, TEST_CLIENT_SECRET) });
    expect([stale.status, stale.body]).toEqual([403, { error: 'stale_timestamp' }]);
    const ahead = String(Date.now() + 61 * 60 * 1000);
    expect((await h.post(m, { timestamp: ahead, sign: signFor(ahead, TEST_CLIENT_SECRET) })).status).toBe(403);
    const unsigned = await h.post(m, { secret: null });
    expect([unsigned.status, unsigned.body]).toEqual([401, { error: 'missing_signature' }]);
    await sentinel('staff-forged');
    expect(h.privateTo('staff-forged')).toHaveLength(1); // the sentinel's only
    expect(await verifyFailures()).toBe(before + 4);
    // Within the hour, a correctly signed copy is accepted.
    const recent = String(Date.now() - 50 * 60 * 1000);
    expect((await h.post(h.message({ text: '生态' }), { timestamp: recent, sign: signFor(recent, TEST_CLIENT_SECRET) })).status).toBe(200);
  });

  it('answers a body that is not JSON with 400', async () => {
    const timestamp = String(Date.now());
    const res = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { timestamp, sign: signFor(timestamp, TEST_CLIENT_SECRET) },
      body: 'not json',
    });
    expect([res.status, await res.json()]).toEqual([400, { error: 'invalid_json' }]);
  });
});

describe('group', () => {
  it('a mention gets results privately with share links; the group gets a pointer and no passage', async () => {
    const before = h.dt.calls.length;
    const { msgId, reply } = await h.ask({ text: '人才振兴', group: GROUP, staffId: 'staff-g1' });
    const md = markdownOf(reply);
    const shares = linksOf(md.text).filter((l) => l.label === '分享到群');
    expect(shares).toHaveLength(5);
    for (const s of shares) expect(s.sends).toMatch(new RegExp(`^分享 \\d{3}-\\d+ 群 ${GROUP.replace(/[+/]/g, '\\$&')} [0-9a-f]{12}$`));
    const pointer = await h.dt.waitFor((c) => c.route === 'POST /robot/sendBySession' && c.query.session === msgId);
    expect(markdownOf(pointer).text).toBe('@staff-g1 结果已私聊发给你，请查看与“振兴”的单聊。');
    expect(pointer.body.at).toEqual({ atUserIds: ['staff-g1'], isAtAll: false });
    // No passage reached the group, by any route.
    const out = h.dt.calls.slice(before).filter((c) => c.route !== 'POST /v1.0/robot/oToMessages/batchSend');
    const passages = getSharedCorpus().passages;
    for (const c of out) for (const p of passages.slice(0, 200)) expect(JSON.stringify(c.body)).not.toContain(p.text.slice(0, 30));
    expect(h.groupPosts(GROUP)).toEqual([]);
  });

  it('help asked in a group names the @ form, and its example links send bare words (they are clicked in the 1:1 chat)', async () => {
    const help = markdownOf((await h.ask({ text: '帮助', group: GROUP, staffId: 'staff-help' })).reply).text;
    expect(help).toContain('**@振兴 订阅**');
    const examples = linksOf(help).map((l) => l.sends);
    expect(examples).toContain('人才振兴');
    for (const e of examples) expect(e).not.toMatch(/^(@|\/zhenxing)/);
  });

  it('a group message without a mention is ignored', async () => {
    const m = h.message({ text: '人才振兴', group: GROUP, staffId: 'staff-quiet', atBot: false });
    expect((await h.post(m)).status).toBe(200);
    await sentinel('staff-quiet');
    expect(h.privateTo('staff-quiet')).toHaveLength(1);
  });

  it('share posts one quote into the group; a double click does not post twice; another user cannot reuse the link', async () => {
    const { reply } = await h.ask({ text: '生态振兴', group: GROUP, staffId: 'staff-sharer', nick: '李四' });
    const link = linksOf(markdownOf(reply).text).find((l) => l.label === '分享到群');
    if (!link) throw new Error('no share link');
    const passageId = link.sends.split(' ')[1] as string;
    const passage = getSharedCorpus().byId.get(passageId);
    if (!passage) throw new Error(`unknown passage ${passageId}`);

    // The click makes the sharer's client send the link text in their 1:1 chat with the bot.
    expect((await h.post(h.message({ text: link.sends, staffId: 'staff-sharer', nick: '李四' }))).status).toBe(200);
    const post = await h.dt.waitFor((c) => h.groupPosts(GROUP).includes(c));
    expect(post.body).toMatchObject({ robotCode: TEST_CLIENT_ID, openConversationId: GROUP, msgKey: 'sampleMarkdown' });
    const quote = markdownOf(post);
    expect(quote.title).toBe(`分享：《${passage.title}》${passage.section ? `· ${passage.section}` : ''}`);
    expect(quote.text).toContain(`### 《${passage.title}》\n\n> `);
    expect(quote.text).toContain('由 李四 分享 · 振兴文库');

    await h.post(h.message({ text: link.sends, staffId: 'staff-sharer', nick: '李四' }));
    const again = await h.dt.waitFor((c) => h.privateTo('staff-sharer').length === 2 && c === h.privateTo('staff-sharer')[1]);
    expect(markdownOf(again).text).toBe('刚刚已经分享过了。');
    // Someone else sending the same text (forwarded, typed) posts nothing.
    const forged = await h.ask({ text: link.sends, staffId: 'staff-other' });
    expect(markdownOf(forged.reply).text).toBe('这个按钮已失效，请重新搜索。');
    await sentinel('staff-sharer');
    expect(h.groupPosts(GROUP)).toHaveLength(1);
  });

  it('share that DingTalk refuses says so privately and can be tried again', async () => {
    const { reply } = await h.ask({ text: '文化振兴', group: GROUP, staffId: 'staff-refused' });
    const link = linksOf(markdownOf(reply).text).find((l) => l.label === '分享到群');
    if (!link) throw new Error('no share link');
    h.dt.script('POST /v1.0/robot/groupMessages/send', [
      {
        status: 403,
        body: { code: 'Forbidden.AccessDenied.AccessTokenPermissionDenied', message: '没有调用该接口的权限', requestid: 'r1' },
      },
    ]);
    const refused = await h.ask({ text: link.sends, staffId: 'staff-refused' });
    expect(markdownOf(refused.reply).text).toBe('机器人没有在这里发消息的权限，请联系管理员。');
    const line = h.logs.find((l) => l.msg === 'dingtalk: share failed' && l.passageId === link.sends.split(' ')[1]);
    expect((line?.err as { message?: string } | undefined)?.message).toBe(
      'DingTalk groupMessages/send: HTTP 403 Forbidden.AccessDenied.AccessTokenPermissionDenied: 没有调用该接口的权限',
    );
    const before = h.groupPosts(GROUP).length;
    await h.post(h.message({ text: link.sends, staffId: 'staff-refused' }));
    await h.dt.waitFor(() => h.groupPosts(GROUP).length === before + 1);
  });

  it('a share that got a 5xx may have been posted: a second click within the window does not post it again', async () => {
    const { reply } = await h.ask({ text: '组织振兴', group: GROUP, staffId: 'staff-5xx' });
    const link = linksOf(markdownOf(reply).text).find((l) => l.label === '分享到群');
    if (!link) throw new Error('no share link');
    h.dt.script('POST /v1.0/robot/groupMessages/send', [{ status: 502, body: { code: 'BadGateway', message: 'bad gateway' } }]);
    const before = h.groupPosts(GROUP).length;
    const failed = await h.ask({ text: link.sends, staffId: 'staff-5xx' });
    expect(markdownOf(failed.reply).text).toBe('分享失败，请稍后再试。');
    const again = await h.ask({ text: link.sends, staffId: 'staff-5xx' });
    expect(markdownOf(again.reply).text).toBe('刚刚已经分享过了。');
    // The 5xx post was not sent again (robot posts are not retried after a 5xx), and no second one followed.
    expect(h.groupPosts(GROUP)).toHaveLength(before + 1);
  });

  it('subscribes and unsubscribes the group, saying so in the group', async () => {
    await h.post(h.message({ text: '订阅', group: GROUP, staffId: 'staff-admin' }));
    const sub = await h.dt.waitFor((c) => h.groupPosts(GROUP).includes(c) && markdownOf(c).text.includes('已订阅'));
    expect(markdownOf(sub).text).toBe('已订阅：本群每天早上会收到“每日一读”。');
    expect(h.store.isSubscribed({ platform: 'dingtalk', id: GROUP })).toBe(true);
    await h.post(h.message({ text: '退订', group: GROUP, staffId: 'staff-admin' }));
    await h.dt.waitFor((c) => h.groupPosts(GROUP).includes(c) && markdownOf(c).text.includes('已退订'));
    expect(h.store.isSubscribed({ platform: 'dingtalk', id: GROUP })).toBe(false);
  });
});

describe('failures', () => {
  it('a token DingTalk calls invalid is refreshed and the answer sent once', async () => {
    h.dt.script('POST /v1.0/robot/oToMessages/batchSend', [
      { status: 401, body: { code: 'InvalidAuthentication', message: '不合法的access_token' } },
    ]);
    const tokens = h.dt.calls.filter((c) => c.route === 'POST /v1.0/oauth2/accessToken').length;
    const { reply } = await h.ask({ text: '人才振兴', staffId: 'staff-token' });
    expect(markdownOf(reply).title).toBe('搜索：人才振兴');
    await h.dt.waitFor(() => h.privateTo('staff-token').length === 2);
    expect(h.dt.calls.filter((c) => c.route === 'POST /v1.0/oauth2/accessToken')).toHaveLength(tokens + 1);
    expect(markdownOf(h.privateTo('staff-token')[1]!).title).toBe('搜索：人才振兴');
  });

  it('refuses to start with credentials DingTalk rejects, naming the variables', async () => {
    const dt = await startDingTalkStandIn();
    dt.script('POST /v1.0/oauth2/accessToken', [{ status: 400, body: { code: 'invalidClientIdOrSecret', message: '无效的clientId或者clientSecret' } }]);
    try {
      await expect(startDingTalkHarness({ dt })).rejects.toThrow(
        'DingTalk refused DINGTALK_CLIENT_ID "dingstandinclientid" with DINGTALK_CLIENT_SECRET (DingTalk accessToken: HTTP 400 invalidClientIdOrSecret: 无效的clientId或者clientSecret); copy both again from DingTalk developer console (open-dev.dingtalk.com) → your app → Credentials & Basic Info → Client ID (AppKey)',
      );
    } finally {
      await dt.close();
    }
  });
});

/**
 * End to end in http mode: encrypted, signed events in (as Feishu sends them), and what the Feishu Open API
 * stand-in receives out (tenant token, replies with cards, shared quotes, card updates).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/feishu/render/index.js';
import { decodePageRef, type Router } from '../../src/router/view-model.js';
import {
  STAND_IN_BOT_OPEN_ID,
  STAND_IN_TENANT_TOKEN,
  TEST_ENCRYPT_KEY,
  cardActionEvent,
  cardOf,
  challengeEvent,
  messageEvent,
  type FeishuCall,
} from '../helpers/feishu-stand-in.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { buttonsOf, cardProblems, markdownOf } from './card-check.js';
import { TEST_APP_ID, TEST_APP_SECRET, startFeishuHarness, type FeishuHarness } from './harness.js';

const GROUP = 'oc_group00000000000000000000000001';
const botMention = [{ key: '@_user_1', openId: STAND_IN_BOT_OPEN_ID, name: '振兴' }];
const asCard = (call: FeishuCall) => cardOf(call) as unknown as Card;

/** A router whose calls wait for `release()`: shows what happens before the work is done. */
function gated(): { wrap: (r: Router) => Router; release: () => void; arm: () => void } {
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  const wait = () => gate;
  return {
    arm() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release: () => open(),
    wrap: (r) => ({
      handle: async (text, ctx) => {
        await wait();
        return r.handle(text, ctx);
      },
      page: async (ref, ctx) => {
        await wait();
        return r.page(ref, ctx);
      },
      share: (id, ctx) => r.share(id, ctx),
    }),
  };
}

const gate = gated();
let h: FeishuHarness;

beforeAll(async () => {
  h = await startFeishuHarness({ wrapRouter: gate.wrap, adapterOptions: { callbackDeadlineMs: 1000 } });
});
afterAll(async () => {
  await h?.close();
});

/** Resolves with the first log line that matches, polling (the line comes from work the test cannot await). */
async function waitForLog(logs: Record<string, unknown>[], predicate: (l: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 200; i += 1) {
    const hit = logs.find(predicate);
    if (hit) return hit;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no matching log line within 5 s');
}

/** Proves nothing was sent for earlier events: a later message's reply arrives after anything they caused. */
async function sentinel() {
  await h.say({ text: '帮助' });
}

describe('request URL', () => {
  it('answers the encrypted url_verification challenge', async () => {
    const res = await h.post(challengeEvent('challenge-123'), { signKey: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ challenge: 'challenge-123' });
  });

  it('refuses a challenge with the wrong Verification Token', async () => {
    const res = await h.post(challengeEvent('c', 'not-the-token'), { signKey: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'invalid_token' });
  });
});

describe('messages', () => {
  it('acknowledges at once, then replies to a private search with a results card', async () => {
    gate.arm();
    const event = messageEvent({ text: '人才振兴' });
    const ack = await h.post(event);
    // The router has not run yet (it waits for the gate), and the event is already acknowledged.
    expect(ack.status).toBe(200);
    expect(ack.body).toEqual({});
    expect(h.repliesTo(event.messageId)).toEqual([]);
    gate.release();

    const reply = await h.feishu.waitFor((c) => c.path === `/open-apis/im/v1/messages/${event.messageId}/reply`);
    const token = await h.feishu.waitFor((c) => c.route === 'POST /open-apis/auth/v3/tenant_access_token/internal');
    expect(token.body).toEqual({ app_id: TEST_APP_ID, app_secret: TEST_APP_SECRET });
    expect(reply.headers.authorization).toBe(`Bearer ${STAND_IN_TENANT_TOKEN}`);
    expect(reply.body.msg_type).toBe('interactive');
    expect(reply.body.uuid).toMatch(/^reply-[0-9a-f]{40}$/);

    const card = asCard(reply);
    expect(cardProblems(card)).toEqual([]);
    expect(card.header.title.content).toBe('搜索：人才振兴');
    expect(card.header.subtitle?.content).toMatch(/^共 \d+ 条 · 第 1\/\d+ 页$/);
    const md = markdownOf(card);
    expect(md).toMatch(/^1&#46; \*\*《[^》]+》/);
    expect(md).toMatch(/\*\*[^*]*人才[^*]*\*\*/);
    const corpus = getSharedCorpus();
    const shares = buttonsOf(card).filter((b) => b.value.action === 'share');
    expect(shares).toHaveLength(5);
    for (const b of shares) expect(corpus.byId.has(String(b.value.id))).toBe(true);
    const next = buttonsOf(card).find((b) => b.label === '下一页 ›');
    expect(decodePageRef(String(next?.value.ref))).toEqual({ kind: 'search', query: '人才振兴', page: 2 });
  });

  it('answers a redelivered message once', async () => {
    const event = messageEvent({ text: '生态' });
    await h.post(event);
    await h.feishu.waitFor((c) => c.path === `/open-apis/im/v1/messages/${event.messageId}/reply`);
    const again = await h.post(event);
    expect(again.status).toBe(200);
    await sentinel();
    expect(h.repliesTo(event.messageId)).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === 'feishu: redelivered message ignored' && l.messageId === event.messageId)).toBe(true);
  });

  it('reads /zhenxing and zhenxing prefixes, help, and answers English with English added', async () => {
    for (const text of ['/zhenxing 人才振兴', 'zhenxing 人才振兴']) {
      expect(asCard((await h.say({ text })).reply).header.title.content).toBe('搜索：人才振兴');
    }
    expect(asCard((await h.say({ text: '帮助' })).reply).header.title.content).toBe('振兴 · 乡村振兴与党建文献助手');
    expect(asCard((await h.say({ text: 'help' })).reply).header.title.content).toBe(
      '振兴 · 乡村振兴与党建文献助手 · Zhenxing · usage',
    );
    expect(asCard((await h.say({ text: '主题 生态' })).reply).header.title.content).toBe('主题：生态振兴');
    expect(asCard((await h.say({ text: '今日' })).reply).header.title.content).toMatch(/^每日一读 · .+ · 11月22日 星期日$/);
  });

  it('in a group answers only when mentioned, with the mention stripped, to the asker alone', async () => {
    await h.feishu.waitFor((c) => c.route === 'GET /open-apis/bot/v3/info');
    const unaddressed = messageEvent({ text: '人才振兴', chatType: 'group', chatId: GROUP });
    const other = messageEvent({
      text: '@_user_1 人才振兴',
      chatType: 'group',
      chatId: GROUP,
      mentions: [{ key: '@_user_1', openId: 'ou_someoneelse000000000000000000001', name: '张三' }],
    });
    expect((await h.post(unaddressed)).status).toBe(200);
    expect((await h.post(other)).status).toBe(200);
    const asker = 'ou_groupasker0000000000000000000001';
    const event = messageEvent({ text: '@_user_1 人才振兴', chatType: 'group', chatId: GROUP, mentions: botMention, senderOpenId: asker });
    expect((await h.post(event)).status).toBe(200);
    const eph = await h.feishu.waitFor((c) => c.route === 'POST /open-apis/ephemeral/v1/send' && c.body.open_id === asker);
    expect(eph.body.chat_id).toBe(GROUP);
    expect(eph.body.msg_type).toBe('interactive');
    expect(asCard(eph).header.title.content).toBe('搜索：人才振兴');
    await sentinel();
    expect(h.repliesTo(unaddressed.messageId)).toEqual([]);
    expect(h.repliesTo(other.messageId)).toEqual([]);
    // Nothing the group can see: no reply to the message, no message into the group.
    expect(h.repliesTo(event.messageId)).toEqual([]);
    expect(h.feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === GROUP)).toEqual([]);
    expect(h.feishu.calls.filter((c) => c.route === 'POST /open-apis/ephemeral/v1/send' && c.body.open_id === asker)).toHaveLength(1);
  });

  it('subscribes and unsubscribes a group chat', async () => {
    const sub = await h.say({ text: '@_user_1 订阅', chatType: 'group', chatId: GROUP, mentions: botMention });
    expect(markdownOf(asCard(sub.reply))).toContain('已订阅');
    expect(h.store.isSubscribed({ platform: 'feishu', id: GROUP })).toBe(true);
    const unsub = await h.say({ text: '@_user_1 退订', chatType: 'group', chatId: GROUP, mentions: botMention });
    expect(markdownOf(asCard(unsub.reply))).toContain('已退订');
    expect(h.store.isSubscribed({ platform: 'feishu', id: GROUP })).toBe(false);
  });

  it('in a private chat, words fit the place: 本会话, no prefix, and "@振兴 退订" typed from a group card works', async () => {
    const chatId = 'oc_p2pwords000000000000000000000001';
    const sub = await h.say({ text: '订阅', chatId });
    expect(markdownOf(asCard(sub.reply))).toContain('已订阅：本会话每天早上会收到“每日一读”。');
    const unsub = await h.say({ text: '@振兴 退订', chatId });
    expect(markdownOf(asCard(unsub.reply))).toContain('已退订：本会话不再接收“每日一读”。');
    expect(h.store.isSubscribed({ platform: 'feishu', id: chatId })).toBe(false);
    const help = markdownOf(asCard((await h.say({ text: '帮助', chatId })).reply));
    expect(help).toContain('直接发送关键词即可');
    expect(help).toContain('**订阅**　本会话每天早上接收每日一读');
    expect(help).not.toContain('仅自己可见');
    const today = markdownOf(asCard((await h.say({ text: '今日', chatId })).reply));
    expect(today).toContain('发送“订阅”，本会话每天早上都会收到。');
  });

  it('tells a private chat that only text is understood, and ignores other bots', async () => {
    const image = await h.say({ text: '', messageType: 'image', content: JSON.stringify({ image_key: 'img_1' }) });
    expect(markdownOf(asCard(image.reply))).toBe('我只能读懂文字消息。发送“帮助”查看用法。');
    const fromBot = messageEvent({ text: '人才振兴', senderType: 'app' });
    await h.post(fromBot);
    await sentinel();
    expect(h.repliesTo(fromBot.messageId)).toEqual([]);
  });
});

describe('private results in a group', () => {
  const TOPIC_GROUP = 'oc_topicgroup0000000000000000000001';
  const inGroup = (text: string, senderOpenId: string, chatId = GROUP) =>
    messageEvent({ text: `@_user_1 ${text}`, chatType: 'group', chatId, mentions: botMention, senderOpenId });
  const ephemeralsTo = (openId: string) =>
    h.feishu.calls.filter((c) => c.route === 'POST /open-apis/ephemeral/v1/send' && c.body.open_id === openId);

  it('a search gives one ephemeral card; its share posts one quote into the group; its page button redraws it', async () => {
    await h.feishu.waitFor((c) => c.route === 'GET /open-apis/bot/v3/info');
    const asker = 'ou_ephemeral000000000000000000000001';
    const event = inGroup('生态振兴', asker);
    await h.post(event);
    const eph = await h.feishu.waitFor((c) => c.route === 'POST /open-apis/ephemeral/v1/send' && c.body.open_id === asker);
    const card = asCard(eph);
    expect(cardProblems(card)).toEqual([]);

    // Share: exactly one quote, into this group, from the ephemeral card.
    const share = buttonsOf(card).find((b) => b.value.action === 'share');
    if (!share) throw new Error('no share button');
    expect(share.value.pick).toBeUndefined();
    const shared = await h.post(
      cardActionEvent({ value: share.value, openId: asker, chatId: GROUP, messageId: 'om_ephemeral_x1' }),
    );
    expect((shared.body.toast as { content: string }).content).toBe('已分享到当前会话。');
    const posts = h.feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages' && JSON.stringify(c.body).includes(asker));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.receive_id).toBe(GROUP);
    expect(asCard(posts[0] as FeishuCall).header.title.content).toMatch(/^《.+》$/);

    // Next page: a new ephemeral card for the same user, the old one deleted, nothing for the group.
    const next = buttonsOf(card).find((b) => b.label === '下一页 ›');
    expect(next?.value.eph).toBe(1);
    const oldId = 'om_ephemeral_page1';
    const paged = await h.post(cardActionEvent({ value: next?.value, openId: asker, chatId: GROUP, messageId: oldId }));
    expect(paged.status).toBe(200);
    expect(paged.body.card).toBeUndefined();
    const page2 = await h.feishu.waitFor(
      (c) => c.route === 'POST /open-apis/ephemeral/v1/send' && c.body.open_id === asker && c !== eph,
    );
    expect(page2.body.chat_id).toBe(GROUP);
    expect(asCard(page2).header.subtitle?.content).toMatch(/^共 \d+ 条 · 第 2\/\d+ 页$/);
    const del = await h.feishu.waitFor((c) => c.route === 'POST /open-apis/ephemeral/v1/delete');
    expect(del.body).toEqual({ message_id: oldId });
    expect(ephemeralsTo(asker)).toHaveLength(2);
    expect(h.repliesTo(event.messageId)).toEqual([]);
  });

  it('help, today, docs and themes go to the asker alone, in words that fit a group', async () => {
    const asker = 'ou_helpasker00000000000000000000001';
    const before = h.feishu.calls.length;
    for (const text of ['帮助', '今日', '文档', '主题']) await h.post(inGroup(text, asker));
    for (let i = 0; i < 4; i += 1) {
      await h.feishu.waitFor((c) => ephemeralsTo(asker).length > i && c.route === 'POST /open-apis/ephemeral/v1/send');
    }
    const cards = ephemeralsTo(asker).map(asCard);
    const titles = cards.map((c) => c.header.title.content);
    expect(titles).toHaveLength(4);
    const help = cards.find((c) => c.header.title.content === '振兴 · 乡村振兴与党建文献助手');
    const helpMd = markdownOf(help as Card);
    expect(helpMd).toContain('在群里请先 &#64;振兴 再输入');
    expect(helpMd).toContain('**&#64;振兴 订阅**　所在频道或群聊每天早上接收每日一读');
    expect(helpMd).toContain('预览今天的每日一读（仅自己可见）');
    const today = cards.find((c) => c.header.title.content.startsWith('每日一读'));
    expect(markdownOf(today as Card)).toContain('输入“&#64;振兴 订阅”，本群每天早上都会收到。');
    expect(markdownOf(today as Card)).not.toContain('发送“订阅”');
    const themes = cards.find((c) => c.header.title.content === '五个振兴主题');
    expect(markdownOf(themes as Card)).toContain('或输入“&#64;振兴 主题 人才”。');
    await sentinel();
    expect(h.feishu.calls.slice(before).filter((c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === GROUP)).toEqual([]);
  });

  it('where Feishu refuses an ephemeral card (a topic group), answers privately and says so in one line', async () => {
    const asker = 'ou_topicasker0000000000000000000001';
    // Feishu's documentation names no code for this refusal: any permanent refusal (4xx) is treated as "not here".
    h.feishu.script('POST /open-apis/ephemeral/v1/send', [
      { status: 400, body: { code: 99992402, msg: 'field validation failed' } },
    ]);
    const event = inGroup('人才振兴', asker, TOPIC_GROUP);
    await h.post(event);
    const dm = await h.feishu.waitFor((c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === asker);
    expect(dm.query).toEqual({ receive_id_type: 'open_id' });
    const card = asCard(dm);
    expect(card.header.title.content).toBe('搜索：人才振兴');
    // Shares from the private copy ask which group to share into.
    expect(buttonsOf(card).find((b) => b.value.action === 'share')?.value.pick).toBe(1);
    const note = await h.feishu.waitFor((c) => c.path === `/open-apis/im/v1/messages/${event.messageId}/reply`);
    expect(note.body.msg_type).toBe('text');
    expect(JSON.parse(String(note.body.content))).toEqual({
      text: `<at user_id="${asker}"></at> 结果已私信发给你（本群不支持仅自己可见的卡片）。`,
    });
    await sentinel();
    expect(h.repliesTo(event.messageId)).toHaveLength(1);
    expect(h.feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === TOPIC_GROUP)).toEqual([]);
  });
});

describe('private results in a group: failures', () => {
  const inGroup = (text: string, senderOpenId: string) =>
    messageEvent({ text: `@_user_1 ${text}`, chatType: 'group', chatId: GROUP, mentions: botMention, senderOpenId });

  it('an ephemeral card Feishu fails to take (5xx) is logged, and nothing goes to the group or the asker privately', async () => {
    const asker = 'ou_eph5xx00000000000000000000000001';
    h.feishu.script('POST /open-apis/ephemeral/v1/send', [{ status: 503, body: { code: 500, msg: 'service unavailable' } }]);
    const event = inGroup('人才振兴', asker);
    await h.post(event);
    const line = await waitForLog(h.logs, (l) => l.msg === 'feishu: feishu.reply failed' && l.messageId === event.messageId);
    expect((line.err as { message?: string }).message).toBe('Feishu API error 500 (HTTP 503): service unavailable');
    await sentinel();
    // A 5xx may have shown the card: no private copy, no line in the group.
    expect(h.repliesTo(event.messageId)).toEqual([]);
    expect(h.feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === asker)).toEqual([]);
  });

  it('a page whose new card Feishu refuses says so and keeps the old card; a failed delete still shows the new page', async () => {
    const asker = 'ou_ephpage00000000000000000000000001';
    const ref = JSON.stringify({ kind: 'search', query: '人才振兴', page: 2 });
    h.feishu.script('POST /open-apis/ephemeral/v1/send', [{ status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } }]);
    const refused = await h.post(cardActionEvent({ value: { action: 'page', ref, eph: 1 }, openId: asker, chatId: GROUP, messageId: 'om_eph_keep' }));
    expect(refused.body).toEqual({
      toast: { type: 'error', content: '翻页失败，请重新搜索。', i18n: { zh_cn: '翻页失败，请重新搜索。', en_us: 'Could not turn the page. Please search again.' } },
    });
    expect(h.feishu.calls.some((c) => c.route === 'POST /open-apis/ephemeral/v1/delete' && c.body.message_id === 'om_eph_keep')).toBe(false);

    // The old card is gone already (deleted by hand, say): the new page is shown anyway and the failure logged.
    h.feishu.script('POST /open-apis/ephemeral/v1/delete', [{ status: 400, body: { code: 230001, msg: 'invalid message_id' } }]);
    const ok = await h.post(cardActionEvent({ value: { action: 'page', ref, eph: 1 }, openId: asker, chatId: GROUP, messageId: 'om_eph_gone' }));
    expect(ok.body).toEqual({});
    const sent = h.feishu.calls.filter((c) => c.route === 'POST /open-apis/ephemeral/v1/send' && c.body.open_id === asker);
    expect(sent).toHaveLength(2);
    expect(asCard(sent[1] as FeishuCall).header.subtitle?.content).toMatch(/第 2\//);
    const line = await waitForLog(h.logs, (l) => l.msg === 'feishu: feishu.ephemeral_delete failed' && l.messageId === 'om_eph_gone');
    expect((line.err as { message?: string }).message).toBe('Feishu API error 230001 (HTTP 400): invalid message_id');
  });
});

describe('sharing from a private chat', () => {
  const P2P = 'oc_p2pchat000000000000000000000009';
  const user = 'ou_p2psharer0000000000000000000001';
  const WITH_USER = 'oc_withuser00000000000000000000001';

  it('offers the group chats both the bot and the user are in, and posts the quote into the chosen one once', async () => {
    h.feishu.chats.splice(
      0,
      h.feishu.chats.length,
      { chatId: 'oc_withoutuser000000000000000000001', name: '别的群', members: ['ou_someone'] },
      { chatId: WITH_USER, name: '村两委工作群', members: ['ou_a', user] },
      { chatId: 'oc_third0000000000000000000000001', name: '第三个群', members: ['ou_b'] },
    );
    const { reply } = await h.say({ text: '集体经济', chatId: P2P, senderOpenId: user });
    const share = buttonsOf(asCard(reply)).find((b) => b.value.action === 'share');
    expect(share?.value.pick).toBe(1);

    const click = await h.post(cardActionEvent({ value: share?.value, openId: user, chatId: P2P, messageId: 'om_p2presults' }));
    expect((click.body.toast as { content: string }).content).toBe('请在下方选择要分享到的群聊。');
    const picker = await h.feishu.waitFor(
      (c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === P2P && asCard(c).header.title.content === '分享到群聊',
    );
    const pickerCard = cardOf(picker) as { body: { elements: Record<string, unknown>[] } };
    const select = pickerCard.body.elements.find((e) => e.tag === 'select_static') as
      | { options: { text: { content: string }; value: string }[]; behaviors: { value: Record<string, unknown> }[] }
      | undefined;
    expect(select?.options.map((o) => [o.text.content, o.value])).toEqual([['村两委工作群', WITH_USER]]);

    const choose = (option: string) =>
      h.post(cardActionEvent({ value: select?.behaviors[0]?.value, option, openId: user, chatId: P2P, messageId: 'om_picker' }));
    const done = await choose(WITH_USER);
    expect(done.body.toast).toMatchObject({ type: 'success', content: '已分享到所选群聊。' });
    const posts = () => h.feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === WITH_USER);
    expect(posts()).toHaveLength(1);
    expect(markdownOf(asCard(posts()[0] as FeishuCall))).toContain(`由 <at id=${user}></at> 分享 · 振兴文库`);
    // The same choice again is not a second post.
    expect(((await choose(WITH_USER)).body.toast as { content: string }).content).toBe('刚刚已经分享过了。');
    // A chat the user is not in (a forged callback) gets nothing.
    const forged = await choose('oc_withoutuser000000000000000000001');
    expect(forged.body.toast).toMatchObject({ type: 'error', content: '你不在这个群聊里，无法分享到那里。' });
    await sentinel();
    expect(posts()).toHaveLength(1);
    expect(h.feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === 'oc_withoutuser000000000000000000001')).toEqual([]);
  });

  it('a double click asks once; without im:chat:readonly it names the permission', async () => {
    h.feishu.chats.splice(0, h.feishu.chats.length, { chatId: WITH_USER, name: '村两委工作群', members: [user] });
    const passage = getSharedCorpus().passages[7];
    const value = { action: 'share', id: passage?.id, pick: 1 };
    const before = h.feishu.calls.filter((c) => c.body.receive_id === P2P).length;
    const click = () => h.post(cardActionEvent({ value, openId: user, chatId: P2P, messageId: 'om_p2pdouble' }));
    expect(((await click()).body.toast as { content: string }).content).toBe('请在下方选择要分享到的群聊。');
    expect(((await click()).body.toast as { content: string }).content).toBe('请在下方选择要分享到的群聊。');
    await sentinel();
    expect(h.feishu.calls.filter((c) => c.body.receive_id === P2P).length - before).toBe(1);

    h.feishu.script('GET /open-apis/im/v1/chats', [
      { status: 400, body: { code: 99991672, msg: 'Access denied. One of the following scopes is required: [im:chat:readonly]' } },
    ]);
    const denied = await h.post(cardActionEvent({ value, openId: user, chatId: P2P, messageId: 'om_p2pnoscope' }));
    expect(denied.body.toast).toMatchObject({
      type: 'error',
      content: '机器人缺少“获取群组信息”权限（im:chat:readonly），暂时无法从私聊分享，请联系管理员。',
    });
  });

  it('with no such chat, says how to add the bot to one', async () => {
    h.feishu.chats.splice(0, h.feishu.chats.length, { chatId: 'oc_other00000000000000000000000001', name: '别的群', members: ['ou_x'] });
    const lonely = 'ou_lonely000000000000000000000001';
    const { reply } = await h.say({ text: '生态', chatId: P2P, senderOpenId: lonely });
    const share = buttonsOf(asCard(reply)).find((b) => b.value.action === 'share');
    const click = await h.post(cardActionEvent({ value: share?.value, openId: lonely, chatId: P2P, messageId: 'om_lonely' }));
    expect(click.body.toast).toMatchObject({ type: 'warning', content: '还没有你和机器人都在的群聊。' });
    const howTo = await h.feishu.waitFor(
      (c) => c.route === 'POST /open-apis/im/v1/messages' && c.body.receive_id === P2P && markdownOf(asCard(c)).includes('群机器人'),
    );
    expect(markdownOf(asCard(howTo))).toContain('还没有你和“振兴”都在的群聊，所以暂时无法分享。');
  });
});

describe('card buttons', () => {
  it('share posts one quote into the chat with its source and who shared it', async () => {
    const passage = getSharedCorpus().passages.find((p) => p.section && p.text.length > 40);
    if (!passage) throw new Error('corpus has no passage with a section');
    const user = 'ou_sharer000000000000000000000001';
    const click = () =>
      h.post(cardActionEvent({ value: { action: 'share', id: passage.id }, openId: user, chatId: GROUP, messageId: 'om_results1' }));
    const first = await click();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      toast: { type: 'success', content: '已分享到当前会话。', i18n: { zh_cn: '已分享到当前会话。', en_us: 'Shared to this chat.' } },
    });
    const post = await h.feishu.waitFor(
      (c) => c.route === 'POST /open-apis/im/v1/messages' && cardOf(c).header !== undefined && JSON.stringify(cardOf(c)).includes(user),
    );
    expect(post.query).toEqual({ receive_id_type: 'chat_id' });
    expect(post.body.receive_id).toBe(GROUP);
    const card = asCard(post);
    expect(cardProblems(card)).toEqual([]);
    expect(card.header.title.content).toBe(`《${passage.title}》`);
    const md = markdownOf(card);
    expect(md.startsWith('> ')).toBe(true);
    expect(md).toContain(`由 <at id=${user}></at> 分享 · 振兴文库`);
    expect(md).toContain('—— 《');

    // A double click does not post twice.
    const second = await click();
    expect((second.body.toast as { content: string }).content).toBe('刚刚已经分享过了。');
    await sentinel();
    expect(h.feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages' && JSON.stringify(c.body).includes(user))).toHaveLength(1);
  });

  it('share that Feishu refuses says what to do, logs it, and never says it was shared', async () => {
    const passage = getSharedCorpus().passages[3];
    if (!passage) throw new Error('corpus too small');
    const user = 'ou_refused00000000000000000000001';
    const click = (messageId: string) =>
      h.post(cardActionEvent({ value: { action: 'share', id: passage.id }, openId: user, chatId: GROUP, messageId }));
    const refused = [
      {
        feishu: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' },
        toast: { zh_cn: '请先把机器人加入本群后再分享。', en_us: 'Please add the bot to this chat first, then share again.' },
      },
      {
        feishu: { code: 230001, msg: 'invalid receive_id' },
        toast: { zh_cn: '分享失败，请稍后再试。', en_us: 'Sharing failed. Please try again later.' },
      },
    ];
    for (const [i, { feishu, toast }] of refused.entries()) {
      h.feishu.script('POST /open-apis/im/v1/messages', [{ status: 400, body: feishu }]);
      const res = await click(`om_refused${i}`);
      expect(res.body).toEqual({ toast: { type: 'error', content: toast.zh_cn, i18n: toast } });
      const lines = h.logs.filter((l) => l.msg === 'feishu: feishu.share failed' && l.passageId === passage.id);
      expect((lines[i]?.err as { message?: string } | undefined)?.message).toBe(
        `Feishu API error ${feishu.code} (HTTP 400): ${feishu.msg}`,
      );
    }
    // Once the bot is in the chat, clicking again right away shares (the failed click does not count as a share).
    const again = await click('om_refused0');
    expect((again.body.toast as { content: string }).content).toBe('已分享到当前会话。');
    const posts = h.feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages' && JSON.stringify(c.body).includes(user));
    expect(posts).toHaveLength(3);
  });

  it('share that Feishu is slow to take says "正在分享…" and posts exactly once; a late refusal is logged', async () => {
    const slow = await startFeishuHarness({ adapterOptions: { callbackDeadlineMs: 20 } });
    try {
      const [a, b] = getSharedCorpus().passages;
      if (!a || !b) throw new Error('corpus too small');
      const user = 'ou_slowsharer000000000000000000001';
      const click = (id: string, messageId: string) =>
        slow.post(cardActionEvent({ value: { action: 'share', id }, openId: user, chatId: GROUP, messageId }));

      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      slow.feishu.script('POST /open-apis/im/v1/messages', [
        { status: 200, body: { code: 0, msg: 'success', data: { message_id: 'om_slowshare' } }, until: held },
        { status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' }, until: held },
      ]);
      const ok = await click(a.id, 'om_slowresults1');
      expect(ok.body).toEqual({ toast: { type: 'info', content: '正在分享…', i18n: { zh_cn: '正在分享…', en_us: 'Sharing…' } } });
      const late = await click(b.id, 'om_slowresults2');
      expect(late.body).toEqual(ok.body);
      release();

      const line = await waitForLog(slow.logs, (l) => l.msg === 'feishu: feishu.share failed');
      expect(line.passageId).toBe(b.id);
      expect((line.err as { message?: string }).message).toBe('Feishu API error 230002 (HTTP 400): Bot/User can NOT be out of the chat.');
      // Anything still in flight from the clicks reaches the stand-in before this reply does.
      await slow.say({ text: '帮助' });
      const shares = slow.feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages');
      expect(shares.map((c) => asCard(c).header.title.content)).toEqual([`《${a.title}》`, `《${b.title}》`]);
      expect(slow.logs.filter((l) => l.msg === 'feishu: feishu.share failed')).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it('share of an unknown passage explains instead of posting', async () => {
    const res = await h.post(cardActionEvent({ value: { action: 'share', id: '999-999' }, chatId: GROUP }));
    expect(res.body.toast).toMatchObject({ type: 'error', content: '找不到这段文字，可能文库已经更新。请重新搜索后再分享。' });
  });

  it('next page answers with the updated card in the callback response', async () => {
    const before = h.feishu.calls.length;
    const res = await h.post(
      cardActionEvent({ value: { action: 'page', ref: JSON.stringify({ kind: 'search', query: '人才振兴', page: 2 }) } }),
    );
    expect(res.status).toBe(200);
    const card = (res.body.card as { type: string; data: Card }).data;
    expect((res.body.card as { type: string }).type).toBe('raw');
    expect(cardProblems(card)).toEqual([]);
    expect(card.header.subtitle?.content).toMatch(/^共 \d+ 条 · 第 2\/\d+ 页$/);
    expect(markdownOf(card)).toMatch(/^6&#46; /);
    expect(buttonsOf(card).map((b) => b.label)).toContain('‹ 上一页');
    expect(h.feishu.calls.length).toBe(before);
  });

  it('a page that takes too long is acknowledged with a toast and the card updated afterwards', async () => {
    const slow = await startFeishuHarness({ wrapRouter: gate.wrap, adapterOptions: { callbackDeadlineMs: 20 } });
    try {
      gate.arm();
      const res = await slow.post(
        cardActionEvent({
          value: { action: 'page', ref: JSON.stringify({ kind: 'theme', theme: 'ecology', page: 2 }) },
          messageId: 'om_slowcard',
        }),
      );
      expect(res.body).toEqual({ toast: { type: 'info', content: '正在加载…', i18n: { zh_cn: '正在加载…', en_us: 'Loading…' } } });
      gate.release();
      const patch = await slow.feishu.waitFor((c) => c.route === 'PATCH /open-apis/im/v1/messages/:id');
      expect(patch.path).toBe('/open-apis/im/v1/messages/om_slowcard');
      expect(asCard(patch).header.title.content).toBe('主题：生态振兴');
    } finally {
      gate.release();
      await slow.close();
    }
  });

  it('a button value this bot did not make is refused kindly', async () => {
    const res = await h.post(cardActionEvent({ value: { action: 'command', text: '订阅' } }));
    expect(res.body.toast).toMatchObject({ type: 'error', content: '这个按钮已经失效了，请重新搜索。' });
  });
});

describe('verification', () => {
  const verifyFailures = async () =>
    (await h.metrics.registry.getSingleMetric('zhenxing_errors_total')?.get())?.values.find((v) => v.labels.where === 'feishu.verify')
      ?.value ?? 0;

  it('rejects a bad signature without acting on the event', async () => {
    const failures = await verifyFailures();
    const event = messageEvent({ text: '人才振兴' });
    const res = await h.post(event, { signature: 'f'.repeat(64) });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'invalid_signature' });
    // Signed with another key: same answer.
    expect((await h.post(event, { signKey: 'another-key' })).status).toBe(401);
    await sentinel();
    expect(h.repliesTo(event.messageId)).toEqual([]);
    expect(await verifyFailures()).toBe(failures + 2);
  });

  it('rejects unsigned events and a wrong Verification Token', async () => {
    const unsigned = await h.post(messageEvent({ text: '人才振兴' }), { signKey: null });
    expect([unsigned.status, unsigned.body]).toEqual([401, { error: 'missing_signature' }]);
    const badToken = await h.post(messageEvent({ text: '人才振兴', token: 'wrong' }));
    expect([badToken.status, badToken.body]).toEqual([401, { error: 'invalid_token' }]);
    const wrongKey = await h.post(messageEvent({ text: '人才振兴' }), { encryptKey: 'not-our-key', signKey: TEST_ENCRYPT_KEY });
    expect(wrongKey.status).toBe(400);
  });

  it('with only a Verification Token, accepts plain events carrying it and refuses others', async () => {
    const plain = await startFeishuHarness({ config: { encryptKey: undefined } });
    try {
      const ok = messageEvent({ text: '人才振兴' });
      expect((await plain.post(ok, { encryptKey: null })).status).toBe(200);
      await plain.feishu.waitFor((c) => c.path === `/open-apis/im/v1/messages/${ok.messageId}/reply`);
      const forged = await plain.post(messageEvent({ text: '人才振兴', token: 'guessed' }), { encryptKey: null });
      expect([forged.status, forged.body]).toEqual([401, { error: 'invalid_token' }]);
      // An encrypted event cannot be read without the key: say which setting is missing.
      const encrypted = await plain.post(messageEvent({ text: '人才振兴' }));
      expect([encrypted.status, encrypted.body]).toEqual([400, { error: 'encrypt_key_missing' }]);
    } finally {
      await plain.close();
    }
  });

  it('answers malformed bodies with 400', async () => {
    const res = await fetch(h.eventsUrl, { method: 'POST', body: 'not json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_json' });
  });
});

describe('failures', () => {
  it('a reply Feishu refuses is logged and counted, not retried', async () => {
    h.feishu.script('POST /open-apis/im/v1/messages/:id/reply', [
      { status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } },
    ]);
    const event = messageEvent({ text: '人才振兴' });
    await h.post(event);
    await h.feishu.waitFor((c) => c.path === `/open-apis/im/v1/messages/${event.messageId}/reply`);
    await sentinel();
    expect(h.repliesTo(event.messageId)).toHaveLength(1);
    const line = h.logs.find((l) => l.msg === 'feishu: feishu.reply failed' && l.messageId === event.messageId);
    expect((line?.err as { message?: string } | undefined)?.message).toBe(
      'Feishu API error 230002 (HTTP 400): Bot/User can NOT be out of the chat.',
    );
    expect(JSON.stringify(h.logs)).not.toContain(TEST_APP_SECRET);
  });
});

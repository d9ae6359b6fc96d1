import { describe, expect, it } from 'vitest';
import { parseActionValue, suggestionRef } from '../../src/feishu/actions.js';
import { apiError, toFeishuApiError } from '../../src/feishu/api.js';
import { createMemorySeenKeys } from '../../src/platform/index.js';
import { mentionsBot, messageText, shareFailedToast } from '../../src/feishu/events.js';
import { toDeliveryError } from '../../src/feishu/sender.js';
import { DeliveryError } from '../../src/state/delivery.js';

const msg = (content: unknown, extra: Record<string, unknown> = {}) => ({
  message_id: 'om_1',
  chat_id: 'oc_1',
  message_type: 'text',
  content: JSON.stringify(content),
  ...extra,
});

describe('messageText', () => {
  it('strips mention keys before the command is parsed', () => {
    const mentions = [{ key: '@_user_1', id: { open_id: 'ou_bot' }, name: '振兴' }];
    expect(messageText(msg({ text: '@_user_1 人才振兴' }, { mentions }))).toBe('人才振兴');
    expect(messageText(msg({ text: '@_user_1 /zhenxing 主题 生态' }, { mentions }))).toBe('/zhenxing 主题 生态');
    expect(messageText(msg({ text: '帮助 @_user_1' }, { mentions }))).toBe('帮助');
    // Keys Feishu left without a mentions entry, and @all.
    expect(messageText(msg({ text: '@_all @_user_2 今日' }))).toBe('今日');
    // @_user_1 must not eat the start of @_user_12.
    expect(messageText(msg({ text: '@_user_12 订阅' }, { mentions }))).toBe('订阅');
  });

  it('reads the text of a rich-text (post) message', () => {
    const post = {
      title: '',
      content: [
        [
          { tag: 'at', user_id: 'ou_bot', user_name: '振兴' },
          { tag: 'text', text: ' 人才' },
        ],
        [{ tag: 'text', text: '振兴' }],
      ],
    };
    expect(messageText(msg(post, { message_type: 'post' }))).toBe('人才 振兴');
    expect(messageText(msg({ zh_cn: post }, { message_type: 'post' }))).toBe('人才 振兴');
  });

  it('has no text for images, stickers and unreadable content', () => {
    expect(messageText(msg({ image_key: 'img_1' }, { message_type: 'image' }))).toBeNull();
    expect(messageText({ message_id: 'om', message_type: 'text', content: 'not json' })).toBeNull();
  });
});

describe('mentionsBot', () => {
  const bot = { key: '@_user_1', id: { open_id: 'ou_bot' }, name: '振兴' };
  const other = { key: '@_user_2', id: { open_id: 'ou_other' }, name: '张三' };
  it('answers in a group only when the bot itself is mentioned', () => {
    expect(mentionsBot([bot], 'ou_bot')).toBe(true);
    expect(mentionsBot([other, bot], 'ou_bot')).toBe(true);
    expect(mentionsBot([other], 'ou_bot')).toBe(false);
    expect(mentionsBot([], 'ou_bot')).toBe(false);
    expect(mentionsBot(undefined, 'ou_bot')).toBe(false);
  });
  it('counts any person mentioned while the bot id is unknown, but never @all alone', () => {
    expect(mentionsBot([other], undefined)).toBe(true);
    expect(mentionsBot([{ key: '@_all', name: '所有人' }], undefined)).toBe(false);
  });
});

describe('createMemorySeenKeys (the in-memory dedupe, as the Feishu adapter used before DATA_DIR kept it)', () => {
  it('remembers keys for the TTL and no longer', async () => {
    let t = 0;
    const d = createMemorySeenKeys({ ttlMs: 1000, maxEntries: 100, now: () => t });
    expect(await d.add('a')).toBe(true);
    expect(await d.add('a')).toBe(false);
    t = 999;
    expect(await d.add('a')).toBe(false);
    t = 1000;
    expect(await d.add('a')).toBe(true);
  });
  it('stays within its size bound, forgetting the oldest first', async () => {
    const d = createMemorySeenKeys({ ttlMs: 60_000, maxEntries: 3, now: () => 0 });
    for (const k of ['a', 'b', 'c', 'd']) await d.add(k);
    expect(await d.has('a')).toBe(false);
    expect(await d.add('d')).toBe(false);
    expect(await d.add('b')).toBe(false);
  });
  it('forgets a key on request (a share that failed may be tried again at once)', async () => {
    const d = createMemorySeenKeys({ ttlMs: 60_000, maxEntries: 10, now: () => 0 });
    await d.add('a');
    await d.add('b');
    await d.delete('a');
    expect(await d.add('a')).toBe(true);
    expect(await d.add('b')).toBe(false);
  });
});

describe('share failure toasts', () => {
  const contentFor = (code: number, status = 400) => shareFailedToast(apiError(code, 'refused', status)).toast;
  it('say what to do where Feishu says why, and to try again otherwise', () => {
    expect(contentFor(230002)).toEqual({
      type: 'error',
      content: '请先把机器人加入本群后再分享。',
      i18n: { zh_cn: '请先把机器人加入本群后再分享。', en_us: 'Please add the bot to this chat first, then share again.' },
    });
    for (const code of [230006, 230027, 99991672]) {
      expect(contentFor(code)?.content).toBe('机器人没有在这里发消息的权限，请联系管理员。');
    }
    expect(contentFor(230020, 429)?.content).toBe('分享失败，请稍后再试。');
    expect(shareFailedToast(new Error('socket hang up')).toast?.i18n.en_us).toBe('Sharing failed. Please try again later.');
  });
});

describe('button values', () => {
  it('accepts only the values this bot puts on buttons', () => {
    expect(parseActionValue({ action: 'share', id: '002-014' })).toEqual({ action: 'share', id: '002-014' });
    expect(parseActionValue('{"action":"page","ref":"{}"}')).toEqual({ action: 'page', ref: '{}' });
    expect(parseActionValue({ action: 'share' })).toBeNull();
    expect(parseActionValue({ action: 'command', text: '订阅' })).toBeNull();
    expect(parseActionValue({ action: 'share', id: 'x'.repeat(2001) })).toBeNull();
    expect(parseActionValue('not json')).toBeNull();
    expect(parseActionValue(null)).toBeNull();
  });
  it('turns suggestions into the page they open', () => {
    expect(suggestionRef({ kind: 'theme', text: '主题 生态' })).toEqual({ kind: 'theme', theme: 'ecology', page: 1 });
    expect(suggestionRef({ kind: 'term', text: '集体经济' })).toEqual({ kind: 'search', query: '集体经济', page: 1 });
  });
});

describe('Open API errors', () => {
  it('does not retry what Feishu will keep refusing', () => {
    const notInChat = apiError(230002, 'Bot/User can NOT be out of the chat.', 400);
    expect([notInChat.code, notInChat.permanent]).toEqual(['bot_not_in_chat', true]);
    expect(notInChat.message).toBe('Feishu API error 230002 (HTTP 400): Bot/User can NOT be out of the chat.');
    expect(apiError(230001, 'Your request contains an invalid request parameter, ext=invalid receive_id.', 400).code).toBe(
      'invalid_request',
    );
    expect(apiError(99991672, 'Access denied.', 400)).toMatchObject({ code: 'missing_scope', permanent: true });
    expect(apiError(232999, 'something new', 400)).toMatchObject({ code: 'feishu_232999', permanent: true });
  });

  it('retries rate limits, server errors and token expiry, honouring the reset header', () => {
    expect(apiError(99991400, 'request trigger frequency limit', 400, { 'x-ogw-ratelimit-reset': '3' })).toMatchObject({
      code: 'rate_limited',
      permanent: false,
      retryAfterMs: 3000,
    });
    expect(apiError(undefined, 'Too Many Requests', 429, { 'retry-after': '2' })).toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 2000,
    });
    expect(apiError(undefined, 'Bad Gateway', 502)).toMatchObject({ code: 'server_error', permanent: false });
    expect(apiError(99991663, 'Invalid access token for authorization.', 400)).toMatchObject({
      code: 'invalid_token',
      permanent: false,
    });
  });

  it('reads network failures and refused token requests', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(toFeishuApiError(refused)).toMatchObject({ code: 'network_error', permanent: false });
    expect(toFeishuApiError(new Error('failed to get tenant_access_token, code: 10014, msg: app secret invalid'))).toMatchObject({
      code: 'invalid_app_secret',
      permanent: true,
    });
  });

  it('becomes the DeliveryError the digest scheduler acts on', () => {
    const e = toDeliveryError(apiError(230002, 'Bot/User can NOT be out of the chat.', 400));
    expect(e).toBeInstanceOf(DeliveryError);
    expect([e.code, e.permanent, e.message]).toEqual([
      'bot_not_in_chat',
      true,
      'Feishu API error 230002 (HTTP 400): Bot/User can NOT be out of the chat.',
    ]);
  });
});

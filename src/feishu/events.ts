/**
 * What the bot does with Feishu events, the same in long-connection and request-URL mode: messages become
 * commands answered with a card; card buttons share a passage or replace the card with another page.
 */
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { CommandContext, Router, View } from '../router/view-model.js';
import { pageRefOf, parseActionValue } from './actions.js';
import { toFeishuApiError, type FeishuApi } from './api.js';
import { idempotencyKey } from './crypto.js';
import type { Dedupe } from './dedupe.js';
import { renderView, type Card } from './render/index.js';

export interface RawMention {
  key: string;
  id?: { open_id?: string; user_id?: string; union_id?: string };
  name?: string;
}

/** `im.message.receive_v1` as the SDK's dispatcher hands it over (header and event flattened). */
export interface MessageEvent {
  event_id?: string;
  sender?: { sender_type?: string; sender_id?: { open_id?: string } };
  message?: {
    message_id?: string;
    chat_id?: string;
    chat_type?: string;
    message_type?: string;
    content?: string;
    mentions?: RawMention[];
  };
}

/** `card.action.trigger` (callback schema 2.0) as the dispatcher hands it over. */
export interface CardActionEvent {
  event_id?: string;
  operator?: { open_id?: string };
  action?: { value?: unknown; tag?: string };
  context?: { open_message_id?: string; open_chat_id?: string };
  /** Older surfaces put these at the top level. */
  open_message_id?: string;
  open_chat_id?: string;
}

export interface Toast {
  type: 'info' | 'success' | 'error' | 'warning';
  content: string;
  i18n: { zh_cn: string; en_us: string };
}

/** The body of a card callback response: a toast, a replacement card, or nothing. */
export interface CallbackResponse {
  toast?: Toast;
  card?: { type: 'raw'; data: Card };
}

const toast = (type: Toast['type'], zh: string, en: string): CallbackResponse => ({
  toast: { type, content: zh, i18n: { zh_cn: zh, en_us: en } },
});

/** Mention placeholders Feishu leaves in message text (`@_user_1`, `@_all`). */
const MENTION_KEY = /@_(?:user_\d+|all)\b/g;

/**
 * The command text of a message: plain text, or the text runs of a rich-text (post) message, with every
 * mention key removed. Null for messages without text (images, stickers, files …).
 */
export function messageText(message: NonNullable<MessageEvent['message']>): string | null {
  let content: unknown;
  try {
    content = JSON.parse(message.content ?? '');
  } catch {
    return null;
  }
  if (!content || typeof content !== 'object') return null;
  let text: string | null = null;
  if (message.message_type === 'text') {
    const t = (content as { text?: unknown }).text;
    text = typeof t === 'string' ? t : null;
  } else if (message.message_type === 'post') {
    text = postText(content);
  }
  if (text === null) return null;
  for (const m of message.mentions ?? []) {
    // `(?!\d)`: removing @_user_1 must leave @_user_12 whole (it is removed on its own turn).
    if (m.key) text = text.replace(new RegExp(`${m.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`, 'g'), ' ');
  }
  return text.replace(MENTION_KEY, ' ').replace(/[\s\u3000]+/gu, ' ').trim();
}

/** Text of a post message: `{title, content: [[{tag:'text', text}, …], …]}`, possibly under a locale key. */
function postText(content: object): string | null {
  const c = content as { title?: unknown; content?: unknown } & Record<string, unknown>;
  const body = Array.isArray(c.content)
    ? c
    : (Object.values(c).find((v) => v && typeof v === 'object' && Array.isArray((v as { content?: unknown }).content)) as
        | { content?: unknown }
        | undefined);
  if (!body || !Array.isArray(body.content)) return null;
  const parts: string[] = [];
  for (const para of body.content) {
    if (!Array.isArray(para)) continue;
    for (const el of para) {
      const e = el as { tag?: unknown; text?: unknown; user_id?: unknown };
      if ((e.tag === 'text' || e.tag === 'a') && typeof e.text === 'string') parts.push(e.text);
    }
    parts.push(' ');
  }
  return parts.join('');
}

/** In a group the bot answers only when mentioned; without a known open_id, any mention counts. */
export function mentionsBot(mentions: RawMention[] | undefined, botOpenId: string | undefined): boolean {
  if (!mentions || mentions.length === 0) return false;
  if (!botOpenId) return mentions.some((m) => m.key !== '@_all');
  return mentions.some((m) => m.id?.open_id === botOpenId);
}

export interface HandlerDeps {
  router: Router;
  api: FeishuApi;
  logger: Logger;
  metrics: Metrics;
  /** Message ids and callback event ids already handled. */
  seen: Dedupe;
  /** Recent (message, user, passage) shares, against double clicks. */
  recentShares: Dedupe;
  botOpenId: () => string | undefined;
  /** Keeps track of work that outlives the event's acknowledgement (stop() waits for it). */
  track: (work: Promise<unknown>) => void;
  /**
   * How long a card callback may take before it answers with a toast ("正在加载…", "正在分享…") and finishes the
   * work afterwards.
   */
  callbackDeadlineMs: number;
}

export interface FeishuHandlers {
  /** Schedules the answer and returns at once, so the event can be acknowledged first. */
  onMessage(event: MessageEvent): void;
  /**
   * Resolves with the callback response within callbackDeadlineMs: a share says "shared" only after Feishu took
   * the post, and names the problem if Feishu refused it.
   */
  onCardAction(event: CardActionEvent): Promise<CallbackResponse>;
}

const TIMED_OUT = Symbol('timed out');

/**
 * What to tell the sharer when Feishu refused the post: what to do where the code says, otherwise to try again.
 * Feishu shows `i18n.en_us` to users whose client is in English.
 */
export function shareFailedToast(err: unknown): CallbackResponse {
  switch (toFeishuApiError(err).code) {
    case 'bot_not_in_chat':
      return toast('error', '请先把机器人加入本群后再分享。', 'Please add the bot to this chat first, then share again.');
    case 'bot_disabled':
    case 'missing_scope':
    case 'no_permission':
      return toast('error', '机器人没有在这里发消息的权限，请联系管理员。', 'The bot is not allowed to post here. Please ask an admin.');
    default:
      return toast('error', '分享失败，请稍后再试。', 'Sharing failed. Please try again later.');
  }
}

export function createHandlers(deps: HandlerDeps): FeishuHandlers {
  const { logger } = deps;

  /** The work's result, or TIMED_OUT once the callback deadline (counted from `since`) has passed. */
  async function beforeDeadline<T>(work: Promise<T>, since: number): Promise<T | typeof TIMED_OUT> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deps.callbackDeadlineMs - (Date.now() - since)));
      timer.unref();
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }

  function failed(where: string, err: unknown, fields: Record<string, unknown>) {
    deps.metrics.errors.inc({ where });
    logger.error({ err, ...fields }, `feishu: ${where} failed`);
  }

  async function answer(messageId: string, text: string, ctx: CommandContext) {
    const view = await deps.router.handle(text, ctx);
    await deps.api.reply(messageId, renderView(view), idempotencyKey('reply', messageId));
  }

  /** Renders the view within the callback deadline, or acknowledges now and replaces the card when ready. */
  async function replaceCard(
    produce: () => Promise<View>,
    messageId: string | undefined,
    since: number,
  ): Promise<CallbackResponse> {
    const work = produce().then(renderView);
    const result = await beforeDeadline(work, since);
    if (result !== TIMED_OUT) return { card: { type: 'raw', data: result } };
    // Too slow for the callback: answer now, replace the card by message id when the page is ready.
    deps.track(
      work
        .then((card) => (messageId ? deps.api.update(messageId, card) : undefined))
        .catch((err: unknown) => failed('feishu.update', err, { messageId })),
    );
    return toast('info', '正在加载…', 'Loading…');
  }

  return {
    onMessage(event) {
      const m = event.message;
      if (!m?.message_id || !m.chat_id) return;
      if (deps.seen.seen(`msg:${m.message_id}`)) {
        logger.info({ messageId: m.message_id }, 'feishu: redelivered message ignored');
        return;
      }
      // Other bots and apps (including this one) never issue commands.
      if (event.sender?.sender_type !== 'user') return;
      const p2p = m.chat_type === 'p2p';
      if (!p2p && !mentionsBot(m.mentions, deps.botOpenId())) return;
      const ctx: CommandContext = { platform: 'feishu', channelId: m.chat_id };
      const userId = event.sender.sender_id?.open_id;
      if (userId) ctx.userId = userId;
      const messageId = m.message_id;
      const text = messageText(m);
      if (text === null) {
        // In a group an image that mentions the bot is rare enough to ignore; in a private chat say why.
        if (!p2p) return;
        const card = renderView({
          kind: 'message',
          lang: 'zh',
          tone: 'info',
          message: { zh: '我只能读懂文字消息。发送“帮助”查看用法。', en: 'I can only read text messages. Send "help".' },
        });
        deps.track(
          deps.api
            .reply(messageId, card, idempotencyKey('reply', messageId))
            .catch((err: unknown) => failed('feishu.reply', err, { messageId })),
        );
        return;
      }
      logger.debug({ messageId, chatType: m.chat_type }, 'feishu: command received');
      deps.track(answer(messageId, text, ctx).catch((err: unknown) => failed('feishu.reply', err, { messageId })));
    },

    async onCardAction(event) {
      const started = Date.now();
      if (event.event_id && deps.seen.seen(`cb:${event.event_id}`)) return {};
      const chatId = event.context?.open_chat_id ?? event.open_chat_id;
      const messageId = event.context?.open_message_id ?? event.open_message_id;
      const userId = event.operator?.open_id;
      const ctx: CommandContext = { platform: 'feishu' };
      if (chatId) ctx.channelId = chatId;
      if (userId) ctx.userId = userId;
      const value = parseActionValue(event.action?.value);
      try {
        if (!value) return toast('error', '这个按钮已经失效了，请重新搜索。', 'This button no longer works. Please search again.');
        if (value.action === 'page') {
          const ref = pageRefOf(value);
          if (!ref) return toast('error', '这个按钮已经失效了，请重新搜索。', 'This button no longer works. Please search again.');
          return await replaceCard(() => deps.router.page(ref, ctx), messageId, started);
        }

        const view = await deps.router.share(value.id, ctx);
        if (view.kind !== 'share') {
          const m = view.kind === 'message' ? view.message : { zh: '无法分享这段文字。', en: 'This passage cannot be shared.' };
          return toast('error', m.zh, m.en);
        }
        if (!chatId) return toast('error', '无法确定要分享到哪个会话。', 'Could not tell which chat to share into.');
        const shareKey = `${messageId ?? ''}:${userId ?? ''}:${value.id}`;
        if (deps.recentShares.seen(shareKey)) return toast('info', '刚刚已经分享过了。', 'Already shared.');
        const uuid = idempotencyKey('share', event.event_id ?? `${chatId}:${userId ?? ''}:${value.id}:${Date.now()}`);
        const shareFailed = (err: unknown) => {
          // A refused post did not share anything: a second click (after adding the bot, say) must try again.
          deps.recentShares.forget(shareKey);
          failed('feishu.share', err, { chatId, passageId: value.id });
        };
        // Say "shared" only once Feishu has the message; if Feishu is slow, say so and let the post finish.
        const post = deps.api.send(chatId, renderView(view), uuid);
        let outcome: Awaited<typeof post> | typeof TIMED_OUT;
        try {
          outcome = await beforeDeadline(post, started);
        } catch (err) {
          shareFailed(err);
          return shareFailedToast(err);
        }
        if (outcome === TIMED_OUT) {
          deps.track(post.catch(shareFailed));
          return toast('info', '正在分享…', 'Sharing…');
        }
        return toast('success', '已分享到当前会话。', 'Shared to this chat.');
      } catch (err) {
        failed('feishu.callback', err, { messageId });
        return toast('error', '抱歉，出了点问题，请稍后再试。', 'Sorry, something went wrong. Please try again.');
      }
    },
  };
}

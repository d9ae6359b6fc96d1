/**
 * What the bot does with Feishu events, the same in long-connection and request-URL mode: messages become
 * commands answered with a card; card buttons share a passage or replace the card with another page.
 */
import { REFUSAL, type LibraryIntake } from '../library/intake.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { SHARE_FAILED, TEXT_ONLY, type ShareFailure } from '../platform/messages.js';
import type { CommandContext, Place, Router, View } from '../router/view-model.js';
import { markButtons, pageRefOf, parseActionValue } from './actions.js';
import { toFeishuApiError, type FeishuApi } from './api.js';
import type { SeenKeys } from '../platform/index.js';
import { idempotencyKey } from './crypto.js';
import { renderNoSharedChat, renderSharePicker, renderView, type Card } from './render/index.js';
import { PICKER_MAX_CHATS } from './render/picker.js';

export interface RawMention {
  key: string;
  id?: { open_id?: string; user_id?: string; union_id?: string };
  name?: string;
}

/** `im.message.receive_v1` as the SDK's dispatcher hands it over (header and event flattened). */
export interface MessageEvent {
  event_id?: string;
  /** When Feishu created the event (ms since the epoch, as a string): the header's, flattened by the SDK. */
  create_time?: string;
  sender?: { sender_type?: string; sender_id?: { open_id?: string } };
  message?: {
    message_id?: string;
    /** When the message was sent (ms since the epoch, as a string). */
    create_time?: string;
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
  /** `option`: the value chosen in a select. */
  action?: { value?: unknown; tag?: string; option?: string };
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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  /** Message ids and callback event ids already handled (kept under DATA_DIR: a replay after a restart is ignored). */
  seen: SeenKeys;
  /** Recent (message, user, passage) shares, against double clicks. */
  recentShares: SeenKeys;
  /** Messages older than this are not answered (a replay, or a redelivery long after the fact), in ms. */
  maxEventAgeMs: number;
  /** Default Date.now. */
  now?: () => number;
  botOpenId: () => string | undefined;
  /** The bot's name as Feishu shows it (for "@振兴 订阅"); '振兴' until Feishu has said. */
  botName: () => string;
  /** Keeps track of work that outlives the event's acknowledgement (stop() waits for it). */
  track: (work: Promise<unknown>) => void;
  /**
   * How long a card callback may take before it answers with a toast ("正在加载…", "正在分享…") and finishes the
   * work afterwards.
   */
  callbackDeadlineMs: number;
  /** Adds files ADMIN_USERS send in a private chat to the library; absent: file messages get the text-only hint. */
  intake?: LibraryIntake;
  /** Downloads a message's file (im:resource). */
  downloadResource?: (messageId: string, fileKey: string, maxBytes: number) => Promise<Uint8Array>;
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

/** Pages of 100 members read to find a user in a group chat (larger groups are not searched further). */
const MEMBER_PAGES = 5;

/**
 * What to tell the sharer when Feishu refused the post: what to do where the code says, otherwise to try again.
 * Feishu shows `i18n.en_us` to users whose client is in English.
 */
export function shareFailedToast(err: unknown): CallbackResponse {
  const m = SHARE_FAILED[shareFailure(toFeishuApiError(err).code)];
  return toast('error', m.zh, m.en);
}

/** Which of the kit's share failure messages fits a Feishu error code. */
function shareFailure(code: string): ShareFailure {
  if (code === 'bot_not_in_chat') return 'bot_not_in_chat';
  if (code === 'bot_disabled' || code === 'missing_scope' || code === 'no_permission') return 'not_allowed';
  return 'other';
}

export function createHandlers(deps: HandlerDeps): FeishuHandlers {
  const { logger } = deps;
  const now = deps.now ?? Date.now;

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

  /** A private chat: every answer is a reply, and share buttons ask which group chat to share into. */
  async function answerPrivately(messageId: string, text: string, ctx: CommandContext) {
    const view = await deps.router.handle(text, ctx);
    await deps.api.reply(messageId, markButtons(renderView(view), 'p2p'), idempotencyKey('reply', messageId));
  }

  /**
   * A group: a subscription change is for everyone and is a reply; anything else goes to the asker alone as an
   * ephemeral card (仅对你可见). Where Feishu refuses one (a topic group, 话题群), the card goes to the asker's private
   * chat instead, and one short line in the group says so.
   */
  async function answerInGroup(messageId: string, chatId: string, text: string, ctx: CommandContext) {
    const view = await deps.router.handle(text, ctx);
    const userId = ctx.userId;
    if (view.kind === 'subscription' || !userId) {
      await deps.api.reply(messageId, renderView(view), idempotencyKey('reply', messageId));
      return;
    }
    try {
      await deps.api.sendEphemeral(chatId, userId, markButtons(renderView(view), 'ephemeral'));
      return;
    } catch (err) {
      const e = toFeishuApiError(err);
      // Only a refusal means "not here"; a timeout or a 5xx may have shown the card already.
      if (!e.permanent) throw err;
      logger.info({ chatId, code: e.code, feishuCode: e.feishuCode }, 'feishu: ephemeral card refused; answering in private');
    }
    await deps.api.sendToUser(userId, markButtons(renderView(view), 'p2p'), idempotencyKey('dm', messageId));
    const at = /^ou_[A-Za-z0-9_-]{1,64}$/.test(userId) ? `<at user_id="${userId}"></at> ` : '';
    await deps.api.replyText(messageId, `${at}结果已私信发给你（本群不支持仅自己可见的卡片）。`, idempotencyKey('note', messageId));
  }

  /** Redraws an ephemeral card: the next page is sent to the same user, then the old card is deleted. */
  async function redrawEphemeral(card: Card, chatId: string, userId: string, oldMessageId: string | undefined) {
    await deps.api.sendEphemeral(chatId, userId, markButtons(card, 'ephemeral'));
    if (oldMessageId) {
      await deps.api
        .deleteEphemeral(oldMessageId)
        .catch((err: unknown) => failed('feishu.ephemeral_delete', err, { messageId: oldMessageId }));
    }
  }

  /** The group chats that both the bot and this user are in, in the order Feishu lists the bot's chats. */
  async function sharedChats(userId: string): Promise<{ chatId: string; name: string }[]> {
    const chats = await deps.api.botChats(PICKER_MAX_CHATS);
    const out: { chatId: string; name: string }[] = [];
    // A few at a time: each is one members request (or a few, for large groups).
    for (let i = 0; i < chats.length; i += 5) {
      const batch = chats.slice(i, i + 5);
      const member = await Promise.all(
        batch.map((c) => deps.api.chatHasMember(c.chatId, userId, MEMBER_PAGES).catch(() => false)),
      );
      batch.forEach((c, j) => {
        if (member[j]) out.push(c);
      });
    }
    return out;
  }

  /** A file sent in a private chat: added to the library for an admin, refused politely for anyone else. */
  async function addFile(messageId: string, content: string | undefined, userId: string | undefined) {
    const intake = deps.intake!;
    const download = deps.downloadResource!;
    let file: { file_key?: unknown; file_name?: unknown } = {};
    try {
      file = JSON.parse(content ?? '{}') as typeof file;
    } catch {
      file = {};
    }
    let view: View;
    if (!intake.isAdmin(userId)) {
      logger.info({ userId }, 'feishu: file from a user not in ADMIN_USERS; refused');
      view = REFUSAL;
    } else if (typeof file.file_key !== 'string' || typeof file.file_name !== 'string') {
      view = {
        kind: 'message',
        lang: 'zh',
        tone: 'error',
        message: { zh: '没有收到文件内容，请重新发送。', en: 'The file did not come through. Please send it again.' },
      };
    } else {
      const fileKey = file.file_key;
      view = await intake.receive(
        { name: file.file_name, download: (maxBytes) => download(messageId, fileKey, maxBytes) },
        userId,
        'feishu',
      );
    }
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

  /** Waits for background card work up to the deadline: nothing to say when it is done, "正在加载…" when it is not. */
  async function redrawInBackground(work: Promise<void>, since: number, messageId: string | undefined): Promise<CallbackResponse> {
    const tracked = work.catch((err: unknown) => {
      failed('feishu.ephemeral_page', err, { messageId });
      throw err;
    });
    try {
      const result = await beforeDeadline(tracked, since);
      if (result !== TIMED_OUT) return {};
    } catch {
      return toast('error', '翻页失败，请重新搜索。', 'Could not turn the page. Please search again.');
    }
    deps.track(tracked.catch(() => undefined));
    return toast('info', '正在加载…', 'Loading…');
  }

  /** Share from a private chat: sends a card that asks which group chat (both the bot and the user are in). */
  async function offerChats(
    passageId: string,
    chatId: string,
    userId: string,
    messageId: string | undefined,
    since: number,
  ): Promise<CallbackResponse> {
    const passage = await deps.router.share(passageId, { platform: 'feishu', userId });
    if (passage.kind !== 'share') {
      const m = passage.kind === 'message' ? passage.message : { zh: '无法分享这段文字。', en: 'This passage cannot be shared.' };
      return toast('error', m.zh, m.en);
    }
    // A double click asks once.
    const pickKey = `pick:${messageId ?? ''}:${userId}:${passageId}`;
    if (!(await deps.recentShares.add(pickKey))) return toast('info', '请在下方选择要分享到的群聊。', 'Choose a chat below.');
    const work = sharedChats(userId).then(async (chats) => {
      const card = chats.length > 0 ? renderSharePicker(passage.passage, chats) : renderNoSharedChat(deps.botName());
      await deps.api.send(chatId, card);
      return chats.length;
    });
    const tracked = work.catch((err: unknown) => {
      failed('feishu.share_picker', err, { passageId });
      throw err;
    });
    try {
      const found = await beforeDeadline(tracked, since);
      if (found === TIMED_OUT) {
        deps.track(tracked.catch(() => undefined));
        return toast('info', '正在查找可以分享的群聊…', 'Looking for chats to share into…');
      }
      return found > 0
        ? toast('info', '请在下方选择要分享到的群聊。', 'Choose a chat below.')
        : toast('warning', '还没有你和机器人都在的群聊。', 'The bot is not in any chat with you yet.');
    } catch (err) {
      await deps.recentShares.delete(pickKey).catch(() => undefined);
      // Listing chats needs a scope of its own, which an app set up before this feature may lack.
      if (toFeishuApiError(err).code === 'missing_scope') {
        return toast(
          'error',
          '机器人缺少“获取群组信息”权限（im:chat:readonly），暂时无法从私聊分享，请联系管理员。',
          'The bot lacks the im:chat:readonly permission, so it cannot share from a private chat yet. Please ask an admin.',
        );
      }
      return shareFailedToast(err);
    }
  }

  /** The picker's choice: posts the quote into the chosen chat once the user is seen to be a member of it. */
  async function shareToChosen(
    passageId: string,
    target: string | undefined,
    userId: string | undefined,
    messageId: string | undefined,
    since: number,
  ): Promise<CallbackResponse> {
    if (!target || !/^oc_[A-Za-z0-9_-]{1,64}$/.test(target) || !userId) {
      return toast('error', '请选择一个群聊。', 'Please choose a chat.');
    }
    const view = await deps.router.share(passageId, { platform: 'feishu', channelId: target, userId });
    if (view.kind !== 'share') {
      const m = view.kind === 'message' ? view.message : { zh: '无法分享这段文字。', en: 'This passage cannot be shared.' };
      return toast('error', m.zh, m.en);
    }
    const shareKey = `to:${messageId ?? ''}:${userId}:${passageId}:${target}`;
    if (!(await deps.recentShares.add(shareKey))) return toast('info', '刚刚已经分享过了。', 'Already shared.');
    // The choice comes from the callback: post only into a chat this user is really in.
    const work = deps.api.chatHasMember(target, userId, MEMBER_PAGES).then((member) => {
      if (!member) return 'not_member' as const;
      return deps.api.send(target, renderView(view), idempotencyKey('share', shareKey)).then(() => 'shared' as const);
    });
    const forget = (err: unknown) => {
      void deps.recentShares.delete(shareKey).catch(() => undefined);
      failed('feishu.share', err, { chatId: target, passageId });
    };
    let outcome: Awaited<typeof work> | typeof TIMED_OUT;
    try {
      outcome = await beforeDeadline(work, since);
    } catch (err) {
      forget(err);
      return shareFailedToast(err);
    }
    if (outcome === TIMED_OUT) {
      deps.track(work.catch(forget));
      return toast('info', '正在分享…', 'Sharing…');
    }
    if (outcome === 'not_member') {
      await deps.recentShares.delete(shareKey);
      return toast('error', '你不在这个群聊里，无法分享到那里。', 'You are not a member of that chat.');
    }
    return toast('success', '已分享到所选群聊。', 'Shared to the chosen chat.');
  }

  return {
    onMessage(event) {
      const m = event.message;
      if (!m?.message_id || !m.chat_id) return;
      const messageId = m.message_id;
      const created = Number(m.create_time ?? event.create_time);
      if (Number.isFinite(created) && created > 0 && now() - created > deps.maxEventAgeMs) {
        deps.metrics.errors.inc({ where: 'feishu.stale_event' });
        logger.warn(
          { messageId, createdAt: new Date(created).toISOString() },
          `feishu: message sent more than ${Math.round(deps.maxEventAgeMs / 60_000)} minutes ago ignored (a replay or a late redelivery)`,
        );
        return;
      }
      // Other bots and apps (including this one) never issue commands.
      if (event.sender?.sender_type !== 'user') return;
      const p2p = m.chat_type === 'p2p';
      if (!p2p && !mentionsBot(m.mentions, deps.botOpenId())) return;
      const place: Place = p2p
        ? { kind: 'private', prefix: '', privateAnswers: false }
        : { kind: 'group', prefix: `@${deps.botName()} `, privateAnswers: true };
      const ctx: CommandContext = { platform: 'feishu', channelId: m.chat_id, place };
      const userId = event.sender.sender_id?.open_id;
      if (userId) ctx.userId = userId;
      if (p2p && m.message_type === 'file' && deps.intake && deps.downloadResource) {
        deps.track(addFile(messageId, m.content, userId).catch((err: unknown) => failed('feishu.file', err, { messageId })));
        return;
      }
      const raw = messageText(m);
      // In a private chat "@振兴 退订" (as group cards word it) arrives as plain text: the name is not part of the command.
      const text = raw === null ? null : raw.replace(new RegExp(`^@${escapeRegExp(deps.botName())}(?=\\s|$)\\s*`, 'u'), '');
      // In a group an image that mentions the bot is rare enough to ignore.
      if (text === null && !p2p) return;
      const chatId = m.chat_id;
      const key = `msg:${messageId}`;
      const work = async () => {
        if (!(await deps.seen.add(key))) {
          logger.info({ messageId }, 'feishu: redelivered message ignored');
          return;
        }
        try {
          if (text === null) {
            // In a private chat say why.
            const card = renderView({
              kind: 'message',
              lang: 'zh',
              tone: 'info',
              message: TEXT_ONLY,
            });
            await deps.api.reply(messageId, card, idempotencyKey('reply', messageId));
            return;
          }
          logger.debug({ messageId, chatType: m.chat_type }, 'feishu: command received');
          await (p2p ? answerPrivately(messageId, text, ctx) : answerInGroup(messageId, chatId, text, ctx));
        } catch (err) {
          // Not answered after the retries: forget the id, so that Feishu's redelivery of the event is answered.
          await deps.seen.delete(key).catch(() => undefined);
          failed('feishu.reply', err, { messageId });
        }
      };
      deps.track(work());
    },

    async onCardAction(event) {
      const started = Date.now();
      if (event.event_id && !(await deps.seen.add(`cb:${event.event_id}`))) return {};
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
          if (value.eph && chatId && userId) {
            const place: Place = { kind: 'group', prefix: `@${deps.botName()} `, privateAnswers: true };
            return await redrawInBackground(
              deps.router.page(ref, { ...ctx, place }).then((view) => redrawEphemeral(renderView(view), chatId, userId, messageId)),
              started,
              messageId,
            );
          }
          return await replaceCard(() => deps.router.page(ref, ctx), messageId, started);
        }

        if (value.action === 'feedback_up' || value.action === 'feedback_down') {
          // Thanked with a toast: only the clicker sees it, and the card stays as it is.
          const view = deps.router.vote
            ? await deps.router.vote({ query: value.q, passageId: value.p, value: value.action === 'feedback_up' ? 'up' : 'down' }, ctx)
            : undefined;
          if (view?.kind !== 'message') return toast('error', '暂时无法记录反馈。', 'Feedback cannot be recorded right now.');
          return toast(view.tone === 'error' ? 'error' : 'success', view.message.zh, view.message.en);
        }
        if (value.action === 'share_to') return await shareToChosen(value.id, event.action?.option, userId, messageId, started);
        if (value.pick) {
          if (!chatId || !userId) return toast('error', '无法确定要分享到哪个会话。', 'Could not tell which chat to share into.');
          return await offerChats(value.id, chatId, userId, messageId, started);
        }

        const view = await deps.router.share(value.id, ctx);
        if (view.kind !== 'share') {
          const m = view.kind === 'message' ? view.message : { zh: '无法分享这段文字。', en: 'This passage cannot be shared.' };
          return toast('error', m.zh, m.en);
        }
        if (!chatId) return toast('error', '无法确定要分享到哪个会话。', 'Could not tell which chat to share into.');
        const shareKey = `${messageId ?? ''}:${userId ?? ''}:${value.id}`;
        if (!(await deps.recentShares.add(shareKey))) return toast('info', '刚刚已经分享过了。', 'Already shared.');
        const uuid = idempotencyKey('share', event.event_id ?? `${chatId}:${userId ?? ''}:${value.id}:${Date.now()}`);
        const shareFailed = (err: unknown) => {
          // A refused post did not share anything: a second click (after adding the bot, say) must try again.
          void deps.recentShares.delete(shareKey).catch(() => undefined);
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

/**
 * What the bot does with Feishu events, the same in long-connection and request-URL mode. Feishu's side only: which
 * events to answer, how a message or a card callback reaches the user (a reply, an ephemeral card, a toast, a card
 * update) and the share picker of private chats. What to answer and the kind failure words are the platform kit's
 * answering flow (src/platform/conversation.ts); files from admins go through its uploader.
 */
import type { IncomingFile, LibraryIntake } from '../library/intake.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { createAnswerer, type Conversation } from '../platform/conversation.js';
import { ALREADY_SHARED, SHARE_FAILED, TEXT_ONLY, messageView, type ShareFailure } from '../platform/messages.js';
import { once, type SeenKeys } from '../platform/index.js';
import { createUploader } from '../platform/uploads.js';
import type { WorkQueue } from '../platform/work-queue.js';
import type { CommandContext, Place, Router, View } from '../router/view-model.js';
import { markButtons, pageRefOf, parseActionValue } from './actions.js';
import { toFeishuApiError, type FeishuApi } from './api.js';
import { CALLBACK_SORRY, createCallbackReply, toast, type CallbackReply, type CallbackResponse } from './callback-reply.js';
import { idempotencyKey } from './crypto.js';
import { renderView, type Card } from './render/index.js';
import { MEMBER_PAGES, createSharePicker } from './share-picker.js';

export type { CallbackResponse, Toast } from './callback-reply.js';

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
  /** The platform kit's busy limiter, which every answer runs through. */
  queue: WorkQueue;
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
  /** Counts a reply made outside the answering flow as a pending answer (stop() waits for it, or reports it). */
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

/**
 * What to tell the sharer when Feishu refused the post: what to do where the code says, otherwise to try again.
 * Feishu shows `i18n.en_us` to users whose client is in English.
 */
export function shareFailedToast(err: unknown): CallbackResponse {
  const m = SHARE_FAILED[shareFailure(err)];
  return toast('error', m.zh, m.en);
}

/** Which of the kit's share failure messages fits a Feishu error. */
function shareFailure(err: unknown): ShareFailure {
  const code = toFeishuApiError(err).code;
  if (code === 'bot_not_in_chat') return 'bot_not_in_chat';
  if (code === 'bot_disabled' || code === 'missing_scope' || code === 'no_permission') return 'not_allowed';
  return 'other';
}

const EXPIRED_TOAST = toast('error', '这个按钮已经失效了，请重新搜索。', 'This button no longer works. Please search again.');
const NO_CHAT_TOAST = toast('error', '无法确定要分享到哪个会话。', 'Could not tell which chat to share into.');
const LOADING = toast('info', '正在加载…', 'Loading…');
const SHARING = toast('info', '正在分享…', 'Sharing…');

export function createHandlers(deps: HandlerDeps): FeishuHandlers {
  const { api, logger } = deps;
  const now = deps.now ?? Date.now;

  function failed(where: string, err: unknown, fields: Record<string, unknown>) {
    deps.metrics.errors.inc({ where });
    logger.error({ err, ...fields }, `feishu: ${where} failed`);
  }

  /** The kit's failure lines in the words Feishu's operators know: `feishu: feishu.reply failed` for an answer. */
  const inFeishuWords = (where: string, err: unknown, { channel, ...fields }: Record<string, unknown>) =>
    failed(where === 'command' ? 'feishu.reply' : `feishu.${where}`, err, { ...(channel ? { chatId: channel } : {}), ...fields });

  const offerChats = createSharePicker({ ...deps, shareFailedToast });
  const kit = { platform: 'feishu', queue: deps.queue, logger, metrics: deps.metrics, onFailure: inFeishuWords };
  const answerer = createAnswerer({ ...kit, router: deps.router });
  const uploader = deps.intake && deps.downloadResource ? createUploader({ ...kit, intake: deps.intake }) : undefined;

  /**
   * A message's conversation. In a private chat every answer is a reply (share buttons then ask which group chat to
   * share into). In a group a subscription change is for everyone and is a reply; anything else goes to the asker
   * alone as an ephemeral card (仅对你可见) — where Feishu refuses one (a topic group, 话题群), to the asker's private
   * chat instead, with one short line in the group saying so.
   */
  function messageConversation(messageId: string, chatId: string, p2p: boolean, ctx: CommandContext, key: string): Conversation {
    const userId = ctx.userId;
    const reply = async (card: Card) => {
      await api.reply(messageId, card, idempotencyKey('reply', messageId));
    };
    const inGroup = async (view: View, uid: string) => {
      try {
        await api.sendEphemeral(chatId, uid, markButtons(renderView(view), 'ephemeral'));
        return;
      } catch (err) {
        const e = toFeishuApiError(err);
        // Only a refusal means "not here"; a timeout or a 5xx may have shown the card already.
        if (!e.permanent) throw err;
        logger.info({ chatId, code: e.code, feishuCode: e.feishuCode }, 'feishu: ephemeral card refused; answering in private');
      }
      await api.sendToUser(uid, markButtons(renderView(view), 'p2p'), idempotencyKey('dm', messageId));
      const at = /^ou_[A-Za-z0-9_-]{1,64}$/.test(uid) ? `<at user_id="${uid}"></at> ` : '';
      await api.replyText(messageId, `${at}结果已私信发给你（本群不支持仅自己可见的卡片）。`, idempotencyKey('note', messageId));
    };
    const p2pReply = (view: View) => reply(markButtons(renderView(view), 'p2p'));
    return {
      ctx,
      replyPrivately: p2p ? p2pReply : (view) => (userId ? inGroup(view, userId) : reply(renderView(view))),
      postToChat: p2p ? p2pReply : (view) => reply(renderView(view)),
      logFields: { messageId },
      // The reply itself failed after its retries: forget the id, so that Feishu's redelivery of the event is answered.
      onUnanswered: () => deps.seen.delete(key).catch(() => undefined),
    };
  }

  /** A card callback's conversation: what the clicker is told privately is a toast (info as `infoAs`). */
  function callbackConversation(
    reply: CallbackReply,
    ctx: CommandContext,
    messageId: string | undefined,
    infoAs: 'info' | 'success' = 'info',
  ): Conversation {
    return {
      ctx,
      async replyPrivately(view) {
        const said =
          view.kind === 'message'
            ? toast(view.tone === 'error' ? 'error' : infoAs, view.message.zh, view.message.en)
            : toast('error', '无法处理这个按钮，请重新搜索。', 'This button could not be handled. Please search again.');
        if (!reply.respond(said)) logger.debug({ messageId }, 'feishu: callback answered already; nothing more to say');
      },
      postToChat: () => Promise.reject(new Error('a card callback has no chat to post to')),
      shareFailure,
      logFields: { messageId },
    };
  }

  /**
   * A share from a card: the quote into `chatId` once per `key` within the share window, "shared" once Feishu took
   * it; a refused post gives the claim back, so a second click (after adding the bot, say) posts. `check` may
   * refuse first (a chat the user is not in).
   */
  function sharing(
    conv: Conversation,
    reply: CallbackReply,
    o: { chatId: string; key: string; uuid: string; shared: CallbackResponse; check?: () => Promise<CallbackResponse | null> },
  ): Conversation {
    conv.postToChat = async (view) => {
      const refused = o.check ? await o.check() : null;
      if (refused) return void reply.respond(refused);
      const posted = await once(deps.recentShares, o.key, async () => {
        await api.send(o.chatId, renderView(view), o.uuid);
      });
      reply.respond(posted ? o.shared : toast('info', ALREADY_SHARED.zh, ALREADY_SHARED.en));
    };
    return conv;
  }

  function fileOf(messageId: string, content: string | undefined): IncomingFile | null {
    let file: { file_key?: unknown; file_name?: unknown } = {};
    try {
      file = JSON.parse(content ?? '{}') as typeof file;
    } catch {
      file = {};
    }
    const { file_key: fileKey, file_name: name } = file;
    const download = deps.downloadResource;
    if (typeof fileKey !== 'string' || typeof name !== 'string' || !download) return null;
    return { name, download: (maxBytes) => download(messageId, fileKey, maxBytes) };
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
      const isFile = p2p && m.message_type === 'file' && uploader !== undefined;
      const raw = messageText(m);
      // In a private chat "@振兴 退订" (as group cards word it) arrives as plain text: the name is not part of the command.
      const text = raw === null ? null : raw.replace(new RegExp(`^@${escapeRegExp(deps.botName())}(?=\\s|$)\\s*`, 'u'), '');
      // In a group an image that mentions the bot is rare enough to ignore.
      if (text === null && !p2p) return;
      const key = `msg:${messageId}`;
      const work = async () => {
        if (!(await deps.seen.add(key))) {
          logger.info({ messageId }, 'feishu: redelivered message ignored');
          return;
        }
        const conv = messageConversation(messageId, m.chat_id as string, p2p, ctx, key);
        if (isFile) return uploader?.receive(fileOf(messageId, m.content), conv);
        if (text !== null) {
          logger.debug({ messageId, chatType: m.chat_type }, 'feishu: command received');
          return answerer.command(text, conv);
        }
        // In a private chat say why.
        const hint = conv.replyPrivately(messageView(TEXT_ONLY, 'zh', 'info')).catch(async (err: unknown) => {
          failed('feishu.reply', err, { messageId });
          await deps.seen.delete(key).catch(() => undefined);
        });
        deps.track(hint);
        await hint;
      };
      void work().catch((err: unknown) => failed('feishu.message', err, { messageId }));
    },

    async onCardAction(event) {
      const since = Date.now();
      if (event.event_id && !(await deps.seen.add(`cb:${event.event_id}`))) return {};
      const chatId = event.context?.open_chat_id ?? event.open_chat_id;
      const messageId = event.context?.open_message_id ?? event.open_message_id;
      const userId = event.operator?.open_id;
      const ctx: CommandContext = { platform: 'feishu' };
      if (chatId) ctx.channelId = chatId;
      if (userId) ctx.userId = userId;
      const value = parseActionValue(event.action?.value);
      const reply = createCallbackReply({ since, deadlineMs: deps.callbackDeadlineMs });
      try {
        if (!value) return EXPIRED_TOAST;
        if (value.action === 'page') {
          const ref = pageRefOf(value);
          if (!ref) return EXPIRED_TOAST;
          if (value.eph && chatId && userId) {
            // An ephemeral card is redrawn by sending the next page to the same user and deleting the old one.
            const place: Place = { kind: 'group', prefix: `@${deps.botName()} `, privateAnswers: true };
            const conv = callbackConversation(reply, { ...ctx, place }, messageId);
            conv.update = async (view) => {
              try {
                await api.sendEphemeral(chatId, userId, markButtons(renderView(view), 'ephemeral'));
              } catch (err) {
                failed('feishu.ephemeral_page', err, { messageId });
                return void reply.respond(toast('error', '翻页失败，请重新搜索。', 'Could not turn the page. Please search again.'));
              }
              if (messageId) {
                await api.deleteEphemeral(messageId).catch((err: unknown) => failed('feishu.ephemeral_delete', err, { messageId }));
              }
            };
            return await reply.settle(answerer.page(ref, conv), LOADING);
          }
          // The new page replaces the card in the callback answer, or by message id once it is ready.
          const conv = callbackConversation(reply, ctx, messageId);
          conv.update = async (view) => {
            const card = renderView(view);
            if (!reply.respond({ card: { type: 'raw', data: card } }) && messageId) await api.update(messageId, card);
          };
          return await reply.settle(answerer.page(ref, conv), LOADING);
        }
        if (value.action === 'feedback_up' || value.action === 'feedback_down') {
          // Thanked with a toast: only the clicker sees it, and the card stays as it is.
          const vote = { query: value.q, passageId: value.p, value: value.action === 'feedback_up' ? 'up' : 'down' } as const;
          return await reply.settle(answerer.vote(vote, callbackConversation(reply, ctx, messageId, 'success')), LOADING);
        }
        if (value.action === 'share_to') {
          // The picker's choice: posted once the user is seen to be a member of the chosen chat.
          const target = event.action?.option;
          if (!target || !/^oc_[A-Za-z0-9_-]{1,64}$/.test(target) || !userId) {
            return toast('error', '请选择一个群聊。', 'Please choose a chat.');
          }
          const key = `to:${messageId ?? ''}:${userId}:${value.id}:${target}`;
          const conv = sharing(callbackConversation(reply, { platform: 'feishu', channelId: target, userId }, messageId), reply, {
            chatId: target,
            key,
            uuid: idempotencyKey('share', key),
            shared: toast('success', '已分享到所选群聊。', 'Shared to the chosen chat.'),
            // The choice comes from the callback: post only into a chat this user is really in.
            check: async () =>
              (await api.chatHasMember(target, userId, MEMBER_PAGES))
                ? null
                : toast('error', '你不在这个群聊里，无法分享到那里。', 'You are not a member of that chat.'),
          });
          return await reply.settle(answerer.share(value.id, conv), SHARING);
        }
        if (value.pick) {
          if (!chatId || !userId) return NO_CHAT_TOAST;
          return await offerChats(value.id, chatId, userId, messageId, reply);
        }
        if (!chatId) return NO_CHAT_TOAST;
        const conv = sharing(callbackConversation(reply, ctx, messageId), reply, {
          chatId,
          key: `${messageId ?? ''}:${userId ?? ''}:${value.id}`,
          uuid: idempotencyKey('share', event.event_id ?? `${chatId}:${userId ?? ''}:${value.id}:${Date.now()}`),
          shared: toast('success', '已分享到当前会话。', 'Shared to this chat.'),
        });
        return await reply.settle(answerer.share(value.id, conv), SHARING);
      } catch (err) {
        failed('feishu.callback', err, { messageId });
        return CALLBACK_SORRY;
      }
    },
  };
}

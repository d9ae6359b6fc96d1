/**
 * What the bot does with a robot message, the same in Stream and HTTP mode. In a 1:1 chat any text is a command;
 * in a group only a message that @-mentions the bot. Results go to the asker's 1:1 chat with the bot; the group
 * gets a one-line pointer (through the message's sessionWebhook), subscription changes and shared quotes.
 */
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Answerer, Conversation } from '../platform/conversation.js';
import { ALREADY_SHARED, TEXT_ONLY, messageView } from '../platform/messages.js';
import { once } from '../platform/once.js';
import type { SeenKeys } from '../platform/seen-keys.js';
import type { Uploader } from '../platform/uploads.js';
import { detectLang } from '../router/parse-command.js';
import type { CommandContext, Place, View } from '../router/view-model.js';
import type { DingTalkApi, DingTalkApiError } from './api.js';
import { parseLinkText, type GroupRef } from './links.js';
import { renderView, type RenderContext } from './render.js';
import { groupTag, safeEqual } from './sign.js';

/** The robot callback body (HTTP) or the `data` of a Stream frame on /v1.0/im/bot/messages/get. */
export interface RobotMessage {
  msgId?: string;
  msgtype?: string;
  text?: { content?: string };
  /** Rich text runs; for a file (1:1 chats only), its download code and name. */
  content?: { richText?: { text?: string }[]; downloadCode?: string; fileName?: string };
  /** "1": 1:1 chat, "2": group. */
  conversationType?: string;
  /** The group's openConversationId in a group. */
  conversationId?: string;
  senderStaffId?: string;
  senderNick?: string;
  sessionWebhook?: string;
  sessionWebhookExpiredTime?: number;
  isInAtList?: boolean;
}

export interface HandlerDeps {
  api: DingTalkApi;
  answerer: Answerer;
  logger: Logger;
  metrics: Pick<Metrics, 'errors'>;
  /** Message ids already handled. */
  seen: SeenKeys;
  /** Recent (user, group, passage) shares, against double clicks. */
  recentShares: SeenKeys;
  /** AppSecret: keys the group tags of share links. */
  clientSecret: string;
  /** Whether a sessionWebhook URL may be posted to (DingTalk's hosts only: the URL comes in the message). */
  trustedWebhook: (url: string) => boolean;
  now?: () => number;
  /** Adds files ADMIN_USERS send in the 1:1 chat; absent: a file gets the text-only hint. */
  uploader?: Uploader;
  /** Downloads a received file by its downloadCode (messageFiles/download, then the URL it gives). */
  downloadFile?: (downloadCode: string, maxBytes: number) => Promise<Uint8Array>;
}

/** The text of a text or rich-text message, or null for pictures, files, audio … */
export function messageText(msg: RobotMessage): string | null {
  let text: string | null = null;
  if (msg.msgtype === 'text' && typeof msg.text?.content === 'string') text = msg.text.content;
  if (msg.msgtype === 'richText' && Array.isArray(msg.content?.richText)) {
    text = msg.content.richText.map((p) => (typeof p.text === 'string' ? p.text : '')).join('');
  }
  // "@振兴 订阅" as the help words it for groups, typed in the 1:1 chat: the name is not part of the command.
  return text === null ? null : text.trim().replace(/^(?:@振兴(?:\s+|$))+/u, '');
}

/** What the group sees when the answer went to the asker privately. */
const POINTER = { title: '振兴', text: '结果已私聊发给你，请查看与“振兴”的单聊。' };
const NOT_DELIVERED = { title: '振兴', text: '结果没能私聊发给你，请先与机器人单聊一次（在通讯录搜索“振兴”），然后再试。' };

/** Which kind share failure message fits a refused group post. */
function shareFailure(err: unknown): 'bot_not_in_chat' | 'not_allowed' | 'other' {
  const e = err as Partial<DingTalkApiError>;
  const code = `${e.dingtalkCode ?? ''} ${e.message ?? ''}`;
  if (/robot.*(not|no).*(exist|found|in)|not.*in.*(group|conversation)|chatbot/i.test(code)) return 'bot_not_in_chat';
  if (e.status === 403 || /Forbidden|permission|AccessDenied/i.test(code)) return 'not_allowed';
  return 'other';
}

export function createMessageHandler(deps: HandlerDeps): (msg: RobotMessage) => void {
  const { api, logger } = deps;
  const now = deps.now ?? Date.now;

  function failed(where: string, err: unknown, fields: Record<string, unknown> = {}) {
    deps.metrics.errors.inc({ where: `dingtalk.${where}` });
    logger.error({ err, ...fields }, `dingtalk: ${where} failed`);
  }

  /** Posts a short markdown into the message's own conversation, if its sessionWebhook is ours and still valid. */
  async function inSession(msg: RobotMessage, md: { title: string; text: string }, at: string[] = []) {
    const url = msg.sessionWebhook;
    if (!url || !deps.trustedWebhook(url)) {
      logger.warn({ msgId: msg.msgId }, 'dingtalk: no usable sessionWebhook; group reply skipped');
      return;
    }
    if (msg.sessionWebhookExpiredTime && msg.sessionWebhookExpiredTime < now()) return;
    try {
      await api.replyInSession(url, md, at);
    } catch (err) {
      failed('session', err, { msgId: msg.msgId });
    }
  }

  function conversation(msg: RobotMessage, linkGroup?: GroupRef): Conversation {
    const p2p = msg.conversationType === '1';
    const staffId = msg.senderStaffId ?? '';
    const groupId = p2p ? linkGroup?.conversationId : msg.conversationId;
    // Answers reach the asker alone either way (1:1 chat); in a group the bot reads only messages that @ it.
    const place: Place = p2p
      ? { kind: 'private', prefix: '', privateAnswers: true }
      : { kind: 'group', prefix: '@振兴 ', privateAnswers: true };
    const ctx: CommandContext = { platform: 'dingtalk', userId: staffId, place, ...(groupId ? { channelId: groupId } : {}) };
    const rc: RenderContext = {
      ...(groupId && staffId ? { group: { conversationId: groupId, tag: groupTag(deps.clientSecret, staffId, groupId) } } : {}),
      ...(msg.senderNick ? { sharerName: msg.senderNick } : {}),
    };
    const replyPrivately = async (view: View) => {
      const md = renderView(view, rc);
      // Users from outside the organisation have no staff id: in a 1:1 chat the session is private anyway.
      if (!staffId) {
        if (p2p) return inSession(msg, md);
        return inSession(msg, NOT_DELIVERED, []);
      }
      if (p2p) return api.sendPrivate([staffId], md);
      try {
        await api.sendPrivate([staffId], md);
      } catch (err) {
        failed('private', err, { msgId: msg.msgId });
        return inSession(msg, NOT_DELIVERED, [staffId]);
      }
      await inSession(msg, { ...POINTER, text: `@${staffId} ${POINTER.text}` }, [staffId]);
    };
    return {
      ctx,
      replyPrivately,
      postToChat: (view) => (groupId ? api.sendToGroup(groupId, renderView(view, rc)) : replyPrivately(view)),
      shareFailure,
    };
  }

  /** True the first time a key is offered; a store that cannot be read or written lets the work through. */
  async function first(store: SeenKeys, key: string): Promise<boolean> {
    try {
      return await store.add(key);
    } catch (err) {
      failed('seen', err, { key });
      return true;
    }
  }

  async function handle(msg: RobotMessage): Promise<void> {
    if (!msg.msgId || !msg.conversationId) return;
    if (!(await first(deps.seen, `msg:${msg.msgId}`))) {
      logger.info({ msgId: msg.msgId }, 'dingtalk: redelivered message ignored');
      return;
    }
    const p2p = msg.conversationType === '1';
    if (!p2p && msg.isInAtList !== true) return;
    if (p2p && msg.msgtype === 'file' && deps.uploader && deps.downloadFile) {
      const { downloadCode: code, fileName: name } = msg.content ?? {};
      const download = deps.downloadFile;
      const file =
        typeof code === 'string' && code !== '' && typeof name === 'string' && name !== ''
          ? { name, download: (maxBytes: number) => download(code, maxBytes) }
          : null;
      void deps.uploader.receive(file, conversation(msg));
      return;
    }
    const text = messageText(msg);
    if (text === null) {
      // In a group a picture that mentions the bot is rare enough to ignore; in a private chat say why.
      if (p2p) void conversation(msg).replyPrivately(messageView(TEXT_ONLY, 'zh', 'info')).catch((err) => failed('reply', err));
      return;
    }
    const link = p2p ? parseLinkText(text) : null;
    const staffId = msg.senderStaffId ?? '';
    const tagOk = (g: GroupRef) => staffId !== '' && safeEqual(groupTag(deps.clientSecret, staffId, g.conversationId), g.tag);
    logger.debug({ msgId: msg.msgId, conversationId: msg.conversationId, p2p, link: link?.kind }, 'dingtalk: message received');

    if (link?.kind === 'share') {
      if (!tagOk(link.group)) {
        void deps.answerer.page(null, conversation(msg));
        return;
      }
      const conv = conversation(msg, link.group);
      const key = `share:${staffId}:${link.group.conversationId}:${link.passageId}`;
      const post = conv.postToChat;
      // One quote per click window. A refused post shared nothing, so a second click (after adding the bot) posts;
      // a timeout or a 5xx may have posted, so the claim is kept then.
      const maybeDone = (err: unknown) => ['network_error', 'server_error'].includes((err as Partial<DingTalkApiError>).code ?? '');
      conv.postToChat = async (view) => {
        if (!(await once(deps.recentShares, key, () => post(view), { maybeDone }))) {
          await conv.replyPrivately(messageView(ALREADY_SHARED, 'zh', 'info'));
        }
      };
      void deps.answerer.share(link.passageId, conv);
      return;
    }
    if (link?.kind === 'vote') {
      // The vote arrives as the user's own message in the private chat: thanked there.
      void deps.answerer.vote(link.ref, conversation(msg));
      return;
    }
    if (link?.kind === 'page') {
      const group = link.group && tagOk(link.group) ? link.group : undefined;
      const lang = link.ref.kind === 'search' ? detectLang(link.ref.query) : 'zh';
      void deps.answerer.page(link.ref, conversation(msg, group), lang);
      return;
    }
    void deps.answerer.command(text, conversation(msg));
  }

  return (msg) => {
    handle(msg).catch((err: unknown) => failed('message', err, { msgId: msg.msgId }));
  };
}


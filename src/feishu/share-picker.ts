/**
 * Sharing from a private chat, which has no group to share into: the share button asks which group chat (one both
 * the bot and the user are in) with a picker card. Feishu's alone: other platforms know the group a search came from.
 * The choice itself is shared through the kit's answering flow (events.ts).
 */
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { SeenKeys } from '../platform/index.js';
import type { Router } from '../router/view-model.js';
import { toFeishuApiError, type FeishuApi } from './api.js';
import { toast, type CallbackReply, type CallbackResponse } from './callback-reply.js';
import { renderNoSharedChat, renderSharePicker } from './render/index.js';
import { PICKER_MAX_CHATS } from './render/picker.js';

/** Pages of 100 members read to find a user in a group chat (larger groups are not searched further). */
export const MEMBER_PAGES = 5;

export interface SharePickerDeps {
  router: Router;
  api: FeishuApi;
  logger: Logger;
  metrics: Pick<Metrics, 'errors'>;
  /** Recent picker offers, against double clicks. */
  recentShares: SeenKeys;
  botName: () => string;
  /** Counts the picker's work as a pending answer. */
  track: (work: Promise<unknown>) => void;
  /** The toast for a post Feishu refused. */
  shareFailedToast: (err: unknown) => CallbackResponse;
}

const CHOOSE = toast('info', '请在下方选择要分享到的群聊。', 'Choose a chat below.');
const NO_SCOPE = toast(
  'error',
  '机器人缺少“获取群组信息”权限（im:chat:readonly），暂时无法从私聊分享，请联系管理员。',
  'The bot lacks the im:chat:readonly permission, so it cannot share from a private chat yet. Please ask an admin.',
);

/** Share from a private chat: sends a card that asks which group chat to share into. */
export function createSharePicker(deps: SharePickerDeps) {
  /** The group chats that both the bot and this user are in, in the order Feishu lists the bot's chats. */
  async function sharedChats(userId: string): Promise<{ chatId: string; name: string }[]> {
    const chats = await deps.api.botChats(PICKER_MAX_CHATS);
    const out: { chatId: string; name: string }[] = [];
    // A few at a time: each is one members request (or a few, for large groups).
    for (let i = 0; i < chats.length; i += 5) {
      const batch = chats.slice(i, i + 5);
      const member = await Promise.all(batch.map((c) => deps.api.chatHasMember(c.chatId, userId, MEMBER_PAGES).catch(() => false)));
      batch.forEach((c, j) => {
        if (member[j]) out.push(c);
      });
    }
    return out;
  }

  return async function offerChats(
    passageId: string,
    chatId: string,
    userId: string,
    messageId: string | undefined,
    reply: CallbackReply,
  ): Promise<CallbackResponse> {
    const passage = await deps.router.share(passageId, { platform: 'feishu', userId });
    if (passage.kind !== 'share') {
      const m = passage.kind === 'message' ? passage.message : { zh: '无法分享这段文字。', en: 'This passage cannot be shared.' };
      return toast('error', m.zh, m.en);
    }
    // A double click asks once.
    const pickKey = `pick:${messageId ?? ''}:${userId}:${passageId}`;
    if (!(await deps.recentShares.add(pickKey))) return CHOOSE;
    const work = sharedChats(userId).then(
      async (chats) => {
        await deps.api.send(chatId, chats.length > 0 ? renderSharePicker(passage.passage, chats) : renderNoSharedChat(deps.botName()));
        reply.respond(chats.length > 0 ? CHOOSE : toast('warning', '还没有你和机器人都在的群聊。', 'The bot is not in any chat with you yet.'));
      },
      async (err: unknown) => {
        deps.metrics.errors.inc({ where: 'feishu.share_picker' });
        deps.logger.error({ err, passageId }, 'feishu: feishu.share_picker failed');
        await deps.recentShares.delete(pickKey).catch(() => undefined);
        // Listing chats needs a scope of its own, which an app set up before this feature may lack.
        reply.respond(toFeishuApiError(err).code === 'missing_scope' ? NO_SCOPE : deps.shareFailedToast(err));
      },
    );
    deps.track(work);
    return reply.settle(work, toast('info', '正在查找可以分享的群聊…', 'Looking for chats to share into…'));
  };
}

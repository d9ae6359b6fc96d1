/**
 * Before `订阅` stores a channel, ask Slack (conversations.info) whether the digest could be posted there, so the user
 * hears now what to do instead of getting ✅ and a failing post every morning.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../../observability/logger.js';
import type { Message } from '../../../router/view-model.js';

/** What the user is told, word for word (tests assert these). */
export const NOT_SUBSCRIBABLE = {
  dm: {
    zh: '私信里不能订阅“每日一读”：机器人无法在这个私信会话中发消息。请到要接收的频道里输入 /zhenxing 订阅。',
    en: 'The daily digest cannot be subscribed in a direct message: the bot cannot post in this conversation. Type /zhenxing subscribe in the channel that should get it.',
  },
  privateChannel: {
    zh: '机器人还不在这个私有频道里，每天早上的“每日一读”发不进来。请先输入 /invite @zhenxing 把机器人加进来，再输入 /zhenxing 订阅。',
    en: 'The bot is not in this private channel, so it could not post the daily digest here. Type /invite @zhenxing first, then /zhenxing subscribe.',
  },
  archived: {
    zh: '这个频道已归档，无法接收“每日一读”。',
    en: 'This channel is archived and cannot get the daily digest.',
  },
} satisfies Record<string, Message>;

interface ConversationInfo {
  is_im?: boolean;
  is_mpim?: boolean;
  is_private?: boolean;
  is_member?: boolean;
  is_archived?: boolean;
}

/**
 * A check for CommandContext.subscribable: a refusal message, or undefined when the digest can be posted. When Slack
 * cannot tell (a missing scope, an outage) the subscription goes ahead, as before this check, and is logged.
 */
export function slackSubscribable(client: webApi.WebClient, channelId: string, logger: Logger): () => Promise<Message | undefined> {
  return async () => {
    let info: ConversationInfo | undefined;
    try {
      const res = await client.conversations.info({ channel: channelId });
      info = res.channel as ConversationInfo | undefined;
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      // Slack answers channel_not_found for a conversation the bot cannot see: a DM between other people, a private
      // channel or group DM the bot was not invited to.
      if (code === 'channel_not_found') return channelId.startsWith('D') ? NOT_SUBSCRIBABLE.dm : NOT_SUBSCRIBABLE.privateChannel;
      logger.warn({ err, channelId }, 'slack: could not check the channel before subscribing; subscribing anyway');
      return undefined;
    }
    if (!info) return undefined;
    if (info.is_archived) return NOT_SUBSCRIBABLE.archived;
    // A public channel works without membership (chat:write.public); anything private needs the bot inside.
    if ((info.is_private || info.is_mpim) && info.is_member === false) return NOT_SUBSCRIBABLE.privateChannel;
    return undefined;
  };
}

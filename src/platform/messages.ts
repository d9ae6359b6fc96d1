/**
 * The kind words every adapter says when something goes wrong, in one place so Slack, Feishu and DingTalk say
 * the same thing: Chinese always, English too where the user wrote English.
 */
import type { Lang, Message, MessageView } from '../router/view-model.js';

export const SORRY: Message = {
  zh: '抱歉，处理时出了点问题，请稍后再试。',
  en: 'Sorry, something went wrong. Please try again.',
};

export const BUSY: Message = {
  zh: '现在请求较多，请稍后再试。',
  en: 'Busy right now, please try again in a moment.',
};

export const EXPIRED: Message = {
  zh: '这个按钮已失效，请重新搜索。',
  en: 'This button has expired. Please search again.',
};

export const TEXT_ONLY: Message = {
  zh: '我只能读懂文字消息。发送“帮助”查看用法。',
  en: 'I can only read text messages. Send "help".',
};

/** A second click on the same share within the share window (see once()): the quote is posted once. */
export const ALREADY_SHARED: Message = { zh: '刚刚已经分享过了。', en: 'Already shared.' };

/** Why a share did not reach the chat, by the reason a platform gave. */
export type ShareFailure = 'bot_not_in_chat' | 'not_allowed' | 'other';

export const SHARE_FAILED: Record<ShareFailure, Message> = {
  bot_not_in_chat: { zh: '请先把机器人加入本群后再分享。', en: 'Please add the bot to this chat first, then share again.' },
  not_allowed: { zh: '机器人没有在这里发消息的权限，请联系管理员。', en: 'The bot is not allowed to post here. Please ask an admin.' },
  other: { zh: '分享失败，请稍后再试。', en: 'Sharing failed. Please try again later.' },
};

export function messageView(message: Message, lang: Lang, tone: MessageView['tone'] = 'error'): MessageView {
  return { kind: 'message', lang, tone, message };
}

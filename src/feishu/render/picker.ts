/**
 * The cards of sharing from a private chat: which group chat to share into (a select of the group chats both the bot
 * and the user are in), or how to get the bot into one when there is none.
 */
import { sourceLine } from '../../router/format.js';
import type { Passage } from '../../corpus/types.js';
import { card, md, text, type Card, type SelectElement } from './card.js';
import { inline } from './markdown.js';

/** Group chats listed in the picker at most (Feishu shows a long select as a scrolling list). */
export const PICKER_MAX_CHATS = 50;

export function renderSharePicker(passage: Pick<Passage, 'id' | 'title' | 'section'>, chats: { chatId: string; name: string }[]): Card {
  const select: SelectElement = {
    tag: 'select_static',
    placeholder: text('选择群聊', 40),
    options: chats.slice(0, PICKER_MAX_CHATS).map((c) => ({ text: text(c.name, 60), value: c.chatId })),
    behaviors: [{ type: 'callback', value: { action: 'share_to', id: passage.id } }],
  };
  return card({
    title: '分享到群聊',
    template: 'red',
    summary: `分享：${sourceLine(passage)}`,
    elements: [md(`**${inline(sourceLine(passage))}**\n选择一个你和机器人都在的群聊，这段文字会以引用的形式发到群里。`), select],
  });
}

/** No group chat has both the bot and the user: say how to add the bot to one. */
export function renderNoSharedChat(botName: string): Card {
  const name = inline(botName);
  return card({
    title: '分享到群聊',
    template: 'grey',
    summary: '还没有可以分享的群聊',
    elements: [
      md(
        `还没有你和“${name}”都在的群聊，所以暂时无法分享。\n` +
          `把机器人加入群聊：打开群聊 → 右上角“…” → 设置 → 群机器人 → 添加机器人，选择“${name}”。之后在这里再点“分享”，或在群里 @${name} 搜索。`,
      ),
    ],
  });
}

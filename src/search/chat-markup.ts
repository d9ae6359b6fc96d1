/**
 * Chat markup that is no part of what the user searches for: mentions and channel links the way Slack, Feishu and
 * DingTalk put them into a message's text. Removed before the query is parsed; the query as typed is still what
 * responses echo.
 */

// Slack: <@U024BE7LH>, <@W0…|name>, <!channel>, <!here>, <!everyone>, <!subteam^S0…|@team>, <#C024BE7LR|general>,
// <!date^…|…>, and links <https://…|label> (the label is kept: it is text the user wrote).
const SLACK_SPECIAL = /<[@#!][^<>\s]*(?:\|[^<>]*)?>/gu;
const SLACK_LINK = /<((?:https?|mailto):[^<>|\s]*)(?:\|([^<>]*))?>/gu;
// Feishu puts @_user_1, @_all in message text for mentions.
const FEISHU_MENTION = /@_(?:user_\d+|all)\b/gu;
// DingTalk and people typing by hand: @name up to the next space (@所有人, @channel, @小张). An @ inside a word (an
// e-mail address) is left alone.
const AT_NAME = /(^|[\s,，、;；])@[^\s@,，、;；:：]{1,30}(?=$|[\s,，、;；:：])/gu;

/** Removes mentions and channel links; links keep their label. Collapses the spaces left behind. */
export function stripChatMarkup(text: string): string {
  if (!text.includes('@') && !text.includes('<')) return text;
  return text
    .replace(SLACK_LINK, (_, _url: string, label: string | undefined) => ` ${label ?? ''} `)
    .replace(SLACK_SPECIAL, ' ')
    .replace(FEISHU_MENTION, ' ')
    .replace(AT_NAME, '$1 ')
    .replace(/\s+/gu, ' ')
    .trim();
}

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
const AT_NAME = /(^|[\s,，、;；])@([^\s@,，、;；:：]{1,30})(?=$|[\s,，、;；:：])/gu;
// A link pasted as text (Feishu and DingTalk do not wrap it as Slack does): an address, never search words.
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>"“”'‘’（）()【】「」]+/giu;

/** Options of {@link stripChatMarkup}. */
export interface ChatMarkupOptions {
  /**
   * Whether text begins with a word of the library (集体经济…). When given, an @name typed with no space before the
   * query (@小王集体经济) is cut where such a word begins after a name of two to four characters, and the rest is
   * kept. Default: an @name runs to the next space.
   */
  leadsWithWord?: (text: string) => boolean;
  /**
   * Whether the library's texts hold a string. When given, an emoticon code as chat apps put it into text ([捂脸],
   * [抱拳], [强], [Smile]: one to four Han characters or a Latin word in square brackets) is removed unless it is a
   * word of two characters or more that the texts hold ([集体经济] stays). Default: brackets are left alone.
   */
  inTexts?: (text: string) => boolean;
}

const EMOTICON = /[[［](\p{Script=Han}{1,4}|[A-Za-z]{2,12})[\]］]/gu;

/** The name of an @mention glued to the query (@小王集体经济 → 小王): the shortest name the rest starts well after. */
function gluedName(name: string, leadsWithWord: (text: string) => boolean): string {
  const chars = Array.from(name);
  for (let k = 2; k <= 4 && chars.length - k >= 2; k++) {
    if (leadsWithWord(chars.slice(k).join(''))) return chars.slice(0, k).join('');
  }
  return name;
}

/**
 * Removes mentions, channel links, pasted addresses and emoticon codes; Slack links keep their label. Collapses the
 * spaces left behind.
 */
export function stripChatMarkup(text: string, options: ChatMarkupOptions = {}): string {
  const hasUrl = /https?:\/\/|www\./iu.test(text);
  const { leadsWithWord, inTexts } = options;
  const hasEmoticon = inTexts !== undefined && /[[［]/u.test(text);
  if (!text.includes('@') && !text.includes('<') && !hasUrl && !hasEmoticon) return text;
  return text
    // One character in brackets ([强], [汗]) is never what anyone searches for; a longer word is, if the texts hold it.
    .replace(EMOTICON, (code, word: string) => (inTexts && (Array.from(word).length === 1 || !inTexts(word)) ? ' ' : code))
    .replace(SLACK_LINK, (_, _url: string, label: string | undefined) => ` ${label ?? ''} `)
    .replace(BARE_URL, ' ')
    .replace(SLACK_SPECIAL, ' ')
    .replace(FEISHU_MENTION, ' ')
    .replace(AT_NAME, (_, lead: string, name: string) => {
      const person = leadsWithWord ? gluedName(name, leadsWithWord) : name;
      return `${lead} ${name.slice(person.length)} `;
    })
    .replace(/\s+/gu, ' ')
    .trim();
}

// Greetings a message opens with and thanks it closes with: how people address a colleague, never what they search
// for. Taken off the ends of the (normalised) query only, so the same characters inside it are untouched. Forms of
// two characters or more come off even when typed against the query (您好集体经济, 集体经济谢啦); the shortest ones
// (早, hi, ok) only when a space or punctuation follows or precedes them (早稻 keeps its 早).
const GREETINGS = [
  '早上好', '上午好', '中午好', '下午好', '晚上好', '早安', '晚安', '你好', '您好', '大家好', '各位好', '各位老师好',
  '各位领导好', '老师好', '领导好', '同志们好', '哈喽', '在吗', '在么', '在不在', '有人吗', '有人在吗', '打扰了', '打扰一下',
  '打扰下', '不好意思', '冒昧问一下', '请教一下', '请问一下',
];
const SHORT_GREETINGS = ['早', '嗨', 'hi', 'hey', 'hello', 'hallo', 'dear'];
const CLOSINGS = [
  '谢谢', '谢谢啦', '谢啦', '谢了', '多谢', '感谢', '感恩', '拜托了', '拜托拜托', '辛苦了', '辛苦啦', '麻烦了', '麻烦啦',
  '麻烦你了', '麻烦您了', '先谢了', '在线等', '急等', '谢谢老师', '谢谢领导', '谢谢大家',
];
const SHORT_CLOSINGS = ['thx', 'thanks', 'thank you', 'ty', 'tks', 'ok', 'okay', '拜托', '辛苦', '感谢感谢'];
const SEP = '[\\s\\p{P}\\p{S}]';
const alt = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
const FRAME_START = new RegExp(`^(?:${SEP}*(?:(?:${alt(GREETINGS)})(?:${SEP}|$)*|(?:${alt(SHORT_GREETINGS)})(?:${SEP}+|$)))+`, 'u');
const FRAME_END = new RegExp(`(?:(?:(?:${alt(CLOSINGS)})|(?:^|${SEP})(?:${alt(SHORT_CLOSINGS)}))${SEP}*)+$`, 'u');

/**
 * Takes greetings off the start of a normalised query and thanks off its end (您好，集体经济 谢谢啦 → 集体经济).
 * Returns the query unchanged when nothing else would be left (谢谢 alone is searched as typed and finds nothing).
 */
export function stripFraming(normalized: string): string {
  const out = normalized.replace(FRAME_START, '').replace(FRAME_END, '').trim();
  return /[\p{L}\p{N}]/u.test(out) ? out : normalized;
}

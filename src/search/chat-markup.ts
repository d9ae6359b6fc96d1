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

// Round 12 (requestFrames): the request a message opens with, typed against the subject as often as not (想问下设岗
//定责, 麻烦发一下乡贤回归工程, 再求一份…, 有没有人知道…), where jieba glues its last character to the subject's first
// (想|问|下设|港): asking, sending or finding, with a polite word before and a measure after; wanting or asking to know;
// asking who knows. 求, 问 and 请 alone only before a space or punctuation (求是 is a journal).
const REQUEST_OPENERS = [
  '(?:麻烦|劳驾|请|能否|能不能|可否|可以|能)?再?(?:帮忙|帮我)?(?:发|找|查|搜|问|推荐|分享|整理|提供)(?:给我|我)?(?:一下|一份|下)',
  '我?想(?:问|请教|咨询|了解|找|要)(?:一下|下)?',
  '再?求(?:一份|一下|问|助|分享)',
  '(?:有没有|有谁|谁)人?(?:知道|了解|有)',
  '(?:咨询|请教)(?:一下|下)',
];
const SHORT_REQUESTS = ['求', '问', '请', '麻烦', '帮忙'];
// The request a message closes with: send it (发一下, 发我一下, 给我发一下) or say where it is (是哪篇里的, 出自哪).
const REQUEST_CLOSERS = [
  '(?:麻烦|请|帮忙)?(?:给我|帮我)?(?:发|传|分享)(?:给我|我)?(?:一下|下|一份)',
  '(?:麻烦|请|帮忙)?(?:发|传)(?:给我|我)',
  '(?:是|在)?哪一?篇(?:文章|材料|文件)?(?:里面|里|中)?的?',
  '是?出自哪(?:里|儿|篇)?的?',
];
// Thanks for an earlier answer may open the next request (谢谢大家！再求一份…): before a space or punctuation only.
const requestStart = (openers: readonly string[]): RegExp =>
  new RegExp(`^${SEP}*(?:(?:${openers.join('|')})|(?:${alt([...SHORT_REQUESTS, ...CLOSINGS])})(?=${SEP}))${SEP}*`, 'u');
const REQUEST_START = requestStart(REQUEST_OPENERS);
// Round 28 (someoneKnows): asking whether anyone knows, in its shortest form (有人知道…吗, 有人了解…吗): the opener
// 有没有人知道 / 有谁知道 above without 没有 or 谁. Kept apart so that the option off reproduces the old answers.
const SOMEONE_OPENER = '有人(?:知道|了解)';
const REQUEST_START_SOMEONE = requestStart([...REQUEST_OPENERS, SOMEONE_OPENER]);
const REQUEST_END = new RegExp(`${SEP}*(?:${REQUEST_CLOSERS.join('|')})${SEP}*$`, 'u');

// The characters a request or thanks opens with, and those a request closes with (a quick test before the above).
const REQUEST_FIRST = /^[\s\p{P}\p{S}]*[麻劳请能可再帮发找查搜问推分整提我想求有谁咨谢多感拜辛先在急]/u;
const REQUEST_LAST = /[下份我的篇里面中儿哪][\s\p{P}\p{S}]*$/u;

/** Options of {@link stripFraming}. */
export interface FramingOptions {
  /** Round 12: requests at the ends too (想问下, 麻烦发一下, 求一份; 发我一下, 是哪篇里的). Default false. */
  requests?: boolean;
  /** Round 28: with `requests`, 有人知道 / 有人了解 opening the message come off too (有人知道厕所革命吗). Default false. */
  someoneKnows?: boolean;
}

/**
 * Takes greetings off the start of a normalised query and thanks off its end (您好，集体经济 谢谢啦 → 集体经济), and
 * with `requests` the requests around them (老师好 想问下设岗定责 → 设岗定责; 集体经济 发我一下 谢谢 → 集体经济).
 * Returns the query unchanged when nothing else would be left (谢谢 alone is searched as typed and finds nothing).
 */
export function stripFraming(normalized: string, options: FramingOptions = {}): string {
  let out = normalized.replace(FRAME_START, '').replace(FRAME_END, '').trim();
  if (options.requests) {
    // A greeting, a request, a greeting again (老师好 麻烦问下 在吗 …): off in turns until nothing more comes off.
    for (let k = 0; k < 3; k++) {
      // Most queries neither open nor close with a character a request or thanks can: the expressions are not run.
      let next = out;
      if (REQUEST_FIRST.test(next)) next = next.replace(options.someoneKnows ? REQUEST_START_SOMEONE : REQUEST_START, '').replace(FRAME_START, '');
      if (REQUEST_LAST.test(next)) next = next.replace(REQUEST_END, '').replace(FRAME_END, '');
      next = next.trim();
      if (next === out || !/[\p{L}\p{N}]/u.test(next)) break;
      out = next;
    }
  }
  return /[\p{L}\p{N}]/u.test(out) ? out : normalized;
}

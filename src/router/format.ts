/**
 * Presentation helpers every renderer shares, so Slack, Feishu and the console say the same words.
 * They return raw text: each renderer escapes it for its own markup.
 */
import type { Digest } from '../digest/types.js';
import type { Place } from './view-model.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** "2026-11-22" → "11月22日 星期日". The date is a calendar date, so it is read in UTC to avoid zone shifts. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return `${day.getUTCMonth() + 1}月${day.getUTCDate()}日 ${WEEKDAYS[day.getUTCDay()]}`;
}

/** "每日一读 · 人才振兴 · 11月22日 星期日" */
export function digestHeading(digest: Pick<Digest, 'date' | 'theme'>): string {
  return `每日一读 · ${digest.theme.name} · ${formatChineseDate(digest.date)}`;
}

/** "《title》· section", or "《title》" when the passage has no section. */
export function sourceLine(p: { title: string; section: string | null }): string {
  return p.section ? `《${p.title}》· ${p.section}` : `《${p.title}》`;
}

/** A sentence end, with any closing quotes or brackets that belong to it. */
const SENTENCE_END = /[。！？；!?;…\n][”’」』)）\]]*/gu;

export interface CutOptions {
  /** Room kept for the "…" that follows a cut. Default 1. */
  reserve?: number;
  /** What a character costs against the budget, e.g. its escaped length. Default its UTF-16 length. */
  cost?: (ch: string) => number;
}

/**
 * Where to cut `text` so that it, plus an ellipsis, fits `budget`: the last sentence end that fits, if it keeps at
 * least a third of the room; otherwise as much as fits (never inside a surrogate pair). Returns text.length when
 * the whole text fits. Every renderer cuts through this, each with its own cost (Slack counts escaped characters).
 */
export function cutIndex(text: string, budget: number, options: CutOptions = {}): number {
  const reserve = options.reserve ?? 1;
  const cost = options.cost ?? ((ch: string) => ch.length);
  let total = 0;
  for (const ch of text) total += cost(ch);
  if (total <= budget) return text.length;
  let used = 0;
  let limit = 0;
  for (const ch of text) {
    const c = cost(ch);
    if (used + c + reserve > budget) break;
    used += c;
    limit += ch.length;
  }
  const room = text.slice(0, limit);
  let best = -1;
  for (const m of room.matchAll(SENTENCE_END)) {
    if (m.index !== undefined) best = m.index + m[0].length;
  }
  if (best >= Math.max(1, limit / 3)) return best;
  return limit;
}

/** Cuts text to fit `budget` (see cutIndex) at a sentence end where one fits, adding "…" when anything was cut. */
export function cutAtSentence(text: string, budget: number, options: CutOptions = {}): string {
  const end = cutIndex(text, budget, options);
  if (end >= text.length) return text;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** A command as it is typed in that place: "@振兴 订阅" in a Feishu group, "/zhenxing 订阅" in Slack, "订阅" in a private chat. */
export function commandIn(place: Place | undefined, words: string): string {
  return `${place?.prefix ?? ''}${words}`;
}

/** "发送“订阅”" in a private chat, "输入“@振兴 订阅”" where a prefix is needed (a plain group message never reaches the bot). */
export function sendHint(place: Place | undefined, words: string, en: string): { zh: string; en: string } {
  const typed = commandIn(place, words);
  if (place?.prefix) return { zh: `输入“${typed}”`, en: `type "${place.prefix}${en}"` };
  return { zh: `发送“${typed}”`, en: `send "${en}"` };
}

/** "本群" / "本频道" / "本会话": how the chat a subscription belongs to is called there. */
export function hereName(platform: string, place: Place | undefined): { zh: string; en: string } {
  if (place?.kind === 'private') return { zh: '本会话', en: 'this chat' };
  return platform === 'slack' ? { zh: '本频道', en: 'this channel' } : { zh: '本群', en: 'this chat' };
}

/** Sentence ends a passage may stop on and still read as whole ("；" does not: it promises more). */
const WHOLE_END = /[。！？!?…”’」』)）\]]\s*$/u;

/**
 * The passage text as shown: a passage that stops mid-sentence (the source cuts it, or the split had to) ends with
 * "…", so a reader sees that it goes on.
 */
export function displayText(text: string): string {
  const t = text.trimEnd();
  if (t === '' || WHOLE_END.test(t)) return t;
  return `${t}…`;
}

/** Words listed in a notice: 集体经济、人才 (Chinese enumeration comma); English uses ", ". */
const listZh = (words: readonly string[]): string => words.join('、');
const listEn = (words: readonly string[]): string => words.join(', ');

/**
 * The notice of a partial answer (no passage has all of the query's words): zh and en, raw text. Every renderer
 * shows it the same way through the view's `notice`.
 */
export function partialNotice(matched: readonly string[]): { zh: string; en: string } {
  if (matched.length === 0) {
    return { zh: '没有同时包含全部词语的段落，以下结果只包含其中一部分。', en: 'No passage has all your words; these match some of them.' };
  }
  return {
    zh: `没有同时包含全部词语的段落，以下结果只包含：${listZh(matched)}`,
    en: `No passage has all your words; these match: ${listEn(matched)}`,
  };
}

/** The notice of a corrected query: what was searched and what was typed. */
export function correctedNotice(searched: string, typed: string): { zh: string; en: string } {
  return {
    zh: `已按“${searched}”搜索（你输入的是“${typed}”）`,
    en: `Searched for "${searched}" (you typed "${typed}")`,
  };
}

/** Label of the button (or hint) that searches the words exactly as typed, without correction. */
export function originalLabel(typed: string): { zh: string; en: string } {
  return { zh: `仍按“${typed}”搜索`, en: `Search "${typed}" as typed` };
}

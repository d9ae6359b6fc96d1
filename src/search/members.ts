/**
 * Round 24 (issue 9, SearchEngineOptions.askedMembersListed): a question asking the members of a numbered set
 * (三官一师具体指哪三官哪一师, X个专项行动分别是哪X个) is answered by a passage that lists them, not by one that only names
 * the set (选派党员“三官一师”到村担任…). A passage lists a set's members where, beside one of its names, an enumeration
 * stands: items separated by 、 or ; in the clause right before the name (政治、物质、精神“三笔财富”), items introduced
 * right after it (“xx十条”,即扛起…、构建…), ordinals after it (一是…二是…), or the name's own head character repeated
 * before it (党建网民生网综治网“三网合一”).
 */

import { parseChineseNumber, toChineseNumber } from './numerals.js';
import { asksMoney, asksNumber } from './quantity.js';

const NUMERAL = '[二三四五六七八九十两百0-9]';
/** A numbered name in a question: a numeral (two or more), then one character of the name (个, 官, 笔, 治 …). */
const NUMBERED = new RegExp(`(?<![哪几第每一二三四五六七八九十百0-9])(${NUMERAL}+)([\\p{Script=Han}])`, 'gu');
/**
 * The question asks for each member: 分别 / 具体 before 是, 指, 有, 包括 or 说 (分别是什么, 具体指哪三官). Not 哪 + a
 * numeral alone (是哪五个) nor 是什么 / 有哪些: the chat set's judges count a passage naming the set as an answer to those
 * (round 14's convention; measured in round 24, docs/search.md).
 */
const ASKS_MEMBERS_EACH = /(?:分别|具体)(?:都)?(?:是|指|有|包括|说)/u;

export interface MembersAsked {
  /** The set's numbered keys as a text may write them (三官; 7个 and 七个). */
  keys: string[];
  /** How many members the set has (capped at 3 for the evidence needed). */
  n: number;
}

const valueOf = (run: string): number | undefined => (/^[0-9]+$/.test(run) ? Number(run) : parseChineseNumber(run));

/** Whether `text` (a query) asks each member of a numbered set, and the set's keys; undefined otherwise. */
export function asksMembers(text: string): MembersAsked | undefined {
  // 分别是多少 asks a number of each (quantity.ts), not the members.
  if (!ASKS_MEMBERS_EACH.test(text) || asksNumber(text) || asksMoney(text, true)) return undefined;
  for (const m of text.matchAll(NUMBERED)) {
    const run = m[1] as string;
    const n = valueOf(run);
    if (n === undefined || n < 2 || n > 100) continue;
    const next = m[2] as string;
    // A count of time, money or times (两年, 3次, 5万) is no set's name.
    if (/[年月日天次岁元万亿千倍成号]/u.test(next)) continue;
    const keys = new Set<string>([run + next]);
    const other = /^[0-9]+$/.test(run) ? toChineseNumber(n) : String(n);
    if (other !== undefined) keys.add(other + next);
    if (n === 2) keys.add(`两${next}`).add(`二${next}`);
    return { keys: [...keys], n: Math.min(n, 3) };
  }
  return undefined;
}

const CLAUSE_END = /[,。;:!?\n，；：！？]/u;
const INTRO = /^[”"’」』)]*[,，]?(?:即|也就是|就是|是指|指|包括|分别是|为|是)?[:：(（]?/u;

/** Whether `text` (a folded passage) lists the members of the set `asked` beside one of its names. */
export function listsMembers(text: string, asked: MembersAsked): boolean {
  const need = asked.n - 1;
  for (const key of asked.keys) {
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      // Before: the clause that ends at the name (an opening quote skipped).
      let start = at;
      while (start > 0 && !CLAUSE_END.test(text[start - 1] as string)) start--;
      const before = text.slice(start, at);
      if ((before.match(/[、;]/gu) ?? []).length >= need) return true;
      // The name's head character repeated right before it (党建网民生网综治网“三网合一”).
      const head = key.slice(-1);
      if (!/[个种项条大类件点名位对批]/u.test(head) && before.split(head).length - 1 >= asked.n) return true;
      // After: the name's end (up to a closing quote or a clause end), then an enumeration introduced there.
      let end = at + key.length;
      while (end < text.length && end < at + key.length + 6 && /\p{Script=Han}/u.test(text[end] as string)) end++;
      const rest = text.slice(end, end + 160);
      const intro = INTRO.exec(rest)?.[0] ?? '';
      if (intro.replace(/[”"’」』)]/gu, '').length > 0) {
        const stop = rest.slice(intro.length).search(/[。!?\n]/u);
        const span = rest.slice(intro.length, stop < 0 ? undefined : intro.length + stop);
        if ((span.match(/[、;；]/gu) ?? []).length >= need) return true;
      }
      if ((rest.match(/[一二三四五六七八九]是|其[一二三]|第[一二三四五六七八九]/gu) ?? []).length >= 2) return true;
    }
  }
  return false;
}

/** Whether some occurrence of the set's keys stands in `text` (a passage not naming the set is left alone). */
export const namesSet = (text: string, asked: MembersAsked): boolean => asked.keys.some((k) => text.includes(k));

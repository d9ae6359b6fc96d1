/**
 * Round 14 (issue 9): a passage that only counts a thing (设立志愿服务站376个, 拥有农村淘宝网店xxxx余家, 发放化债专项贷款xx户)
 * does not tell how it is done, where it is or what it holds. A question asking that (志愿服务站在哪, 化债专项贷款怎么还)
 * is no full match for such a passage (SearchEngineOptions.askedHowMention).
 */

import { bare } from './normalize.js';

/**
 * Words asking how something is done, where it is or what it holds: 怎么 / 怎样 / 如何 / 咋 (not 怎么样, how well; not
 * 怎么回事), 在哪, 哪里, 哪儿, 什么内容, 讲什么.
 */
const ASKS_HOW = /(?:怎么|怎样|如何|咋)(?!样|回事)|在哪|哪里|哪儿|什么内容|讲什么|讲啥/u;

/** Whether a query asks how something is done, where it is or what it holds (see ASKS_HOW). */
export const asksHow = (text: string): boolean => ASKS_HOW.test(text);

/** What bounds a clause or an enumeration item of a folded text (normalize.ts folds ，→ , and （→ ( ). */
const BOUND = /[、,。;:!?()\n]/u;

/**
 * A count after the word, in its item, at most six characters on: 志愿服务站376个, 淘宝网店xxxx余家, 化债专项贷款xx户,
 * 志愿者5.6万余名 (digits or the texts' anonymised x, then a measure word).
 */
const COUNT_AFTER = /^[^、,。;:!?()\n]{0,6}?(?:\d+(?:\.\d+)?|x+(?:\.x+)?)(?:余|多)?(?:万|亿)?(?:余|多)?(?:个|名|户|人次|人|支|项|场次|场|次|条|家|种|所|座|处|对|批|类)/u;

/**
 * Whether the occurrence of a word ending at `end` of folded `text` is only counted: a count follows it in its item,
 * and no list of names in brackets follows the count (垃圾填埋场1个(曲水) says which and where).
 */
function countedAt(text: string, end: number): boolean {
  let right = end;
  while (right < text.length && !BOUND.test(text[right] as string)) right++;
  const count = COUNT_AFTER.exec(text.slice(end, right));
  return count !== null && text[end + count[0].length] !== '(';
}

/**
 * Whether a passage's folded `text` holds every one of `words` (a question's required words as written, the rarest
 * first) and holds the first, the rarest, only where it is counted (see countedAt), its first two characters (a word of
 * three or more) nowhere else. A word the text does not hold as written (matched through a related term) leaves the
 * passage alone: false.
 */
export function onlyMentioned(text: string, words: readonly string[]): boolean {
  if (words.length === 0 || words.some((w) => !text.includes(w))) return false;
  const w = words[0] as string;
  let n = 0;
  for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
    if (!countedAt(text, at + w.length)) return false;
    n++;
  }
  // The word's first two characters elsewhere (淘宝 of 淘宝村 in 淘宝镇, 淘宝网店 beside 淘宝村xx个): the passage speaks
  // of the thing beyond its count.
  return !stemElsewhere(text, w, n);
}

/**
 * Round 25 (SearchEngineOptions.countUnitHeld): a count's numeral just before a word — digits, or a Chinese numeral
 * with its order (五千, 三百, 万), 余 / 多 after it (活动5000余场次, 311万人次) — makes the word the count's measure
 * word: the passage counts something in it, it does not speak of it.
 */
const COUNT_BEFORE = /(?:\d|[零〇一二三四五六七八九十两]?[十百千万亿])(?:余|多)?$/u;

/** Whether the occurrence of a word starting at `at` of folded `text` is the measure word of a count (COUNT_BEFORE). */
const unitAt = (text: string, at: number): boolean => COUNT_BEFORE.test(text.slice(Math.max(0, at - 4), at));

/**
 * Whether folded `text` holds `w` and holds it only as the measure word of a count (5000余场次 for 场次): every
 * occurrence follows a count's numeral (COUNT_BEFORE).
 */
export function onlyCountUnit(text: string, w: string): boolean {
  let at = text.indexOf(w);
  if (at < 0) return false;
  for (; at >= 0; at = text.indexOf(w, at + 1)) if (!unitAt(text, at)) return false;
  return true;
}

/** Whether `text` (a query) holds `w` after a count's numeral itself (五千余场次: the count is typed, not asked of). */
export const typedAsUnit = (text: string, w: string): boolean => {
  for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) if (unitAt(text, at)) return true;
  return false;
};

/**
 * Whether the first two characters of `w` (a word of three or more) occur in `text` more often than its `n`
 * occurrences: the passage speaks of the thing beyond them (淘宝 of 淘宝镇 beside 淘宝村).
 */
function stemElsewhere(text: string, w: string, n: number): boolean {
  if (Array.from(w).length <= 2) return false;
  const stem = w.slice(0, 2);
  let stems = 0;
  for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) stems++;
  return stems > n;
}

/** What bounds a clause of a folded text: not 、 or brackets, which stand inside one. */
const CLAUSE_BOUND = /[,。;:!?\n]/u;

/** What bounds an item of an enumeration inside a clause. */
const ITEM_BOUND = /[、()]/u;

const isClauseBound = (ch: string): boolean => CLAUSE_BOUND.test(ch);
const isItemBound = (ch: string): boolean => ITEM_BOUND.test(ch) || CLAUSE_BOUND.test(ch);

/**
 * The stretch of `text` around [start, end) out to the nearest character on each side for which `bound` holds (or the
 * text's ends): the clause (isClauseBound) or the enumeration's item (isItemBound) an occurrence stands in.
 */
function spanAround(text: string, start: number, end: number, bound: (ch: string) => boolean): [number, number] {
  let left = start;
  while (left > 0 && !bound(text[left - 1] as string)) left--;
  let right = end;
  while (right < text.length && !bound(text[right] as string)) right++;
  return [left, right];
}

/**
 * Round 15: whether the occurrence of a word at [start, end) of folded `text` is an item of an enumeration: a 、 right
 * before or after it (书法、藏香、藏纸、石刻; (道德讲堂、善行义举榜)).
 */
const listedAt = (text: string, start: number, end: number): boolean => text[start - 1] === '、' || text[end] === '、';

/**
 * Round 15 (SearchEngineOptions.listedMention): whether a passage's folded `text` names the word `w` (a question's
 * rarest required word, as written) only as an item of enumerations, and the clauses holding those items say none of
 * `evidence` (what the question asks about it: its other words, with their related terms) outside the item naming
 * it. 展示书法、藏香、藏纸、石刻 answers 藏香藏纸在哪展示 (展示 stands in the clause), not 藏纸是怎么做出来的; a
 * list names the thing, it does not tell how it is made or what it holds. False when the text does not hold `w`.
 */
export function onlyListed(text: string, w: string, evidence: readonly string[]): boolean {
  let n = 0;
  for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
    const end = at + w.length;
    if (!listedAt(text, at, end)) return false;
    const [left, right] = spanAround(text, at, end, isClauseBound);
    // The item naming the thing (道德讲堂 of (道德讲堂、善行义举榜)) is the thing itself; what is said of it stands outside.
    const [itemStart, itemEnd] = spanAround(text, at, end, isItemBound);
    const clause = `${text.slice(left, itemStart)}|${text.slice(itemEnd, right)}`;
    for (const e of evidence) if (e.length > 0 && clause.includes(e)) return false;
    n++;
  }
  // The word's first two characters elsewhere (淘宝 of 淘宝村 beside 淘宝镇 and 淘宝网店): the passage speaks of the thing
  // beyond the list, as onlyMentioned has it.
  return n > 0 && !stemElsewhere(text, w, n);
}

/** The most characters of an enumeration's item before its 、 (onlyItem). */
const ITEM_MAX = 10;

/**
 * Round 16 (SearchEngineOptions.itemBonus): whether every occurrence of `w` in folded `text` stands in an item of an
 * enumeration — the stretch around it up to a 、, a bracket or a clause's end has a 、 at one end (活动分开办、阵地分开建、
 * 工作分开抓; 现代农业、乡村旅游、休闲养老、农村电商等特色产业). False when the text does not hold `w`.
 */
export function onlyItem(text: string, w: string): boolean {
  let n = 0;
  for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
    if (!itemAt(text, at, at + w.length, false)) return false;
    n++;
  }
  return n > 0;
}

/**
 * Whether the occurrence [at, end) of a word in folded `text` stands in an item of an enumeration (onlyItem). With
 * `etc`, the last item also where it runs on to the 等 closing the list within a few characters (信息共享等: standInListed).
 */
function itemAt(text: string, at: number, end: number, etc: boolean): boolean {
  const [left, right] = spanAround(text, at, end, isItemBound);
  // A 、 after the item, or before it when the word closes it (淳朴民风, 农村电商等): the last item of a list runs on to
  // the clause's end, where the list's head may stand (乡镇、县(区)、市级定点医院住院医疗费用报销: 医院 is no item).
  const rest = text.slice(end, right).replace(/^[”’"'》]+/u, '');
  // An item is short: a clause running on to a 、 of figures after it (报销比例分别达到95%、90%) is none.
  if (text[right] === '、' && right - left <= ITEM_MAX) return true;
  if (text[left - 1] !== '、') return false;
  return rest.length === 0 || rest.startsWith('等') || (etc && ETC_AFTER.test(rest));
}

/** The 等 closing a list a few characters after a word of its last item (信息|共享等). */
const ETC_AFTER = /^[^、]{0,8}?等/u;

/**
 * Round 17 (SearchEngineOptions.standInListed): whether folded `text` holds `w` (a related term standing for a word the
 * question needs) only as an item of enumerations, and the clauses holding them say none of `evidence` (the question's
 * other words, with their related terms) outside the enumeration: 推动农家书屋、寺庙书屋、广播电视“村村通”、电影放映、
 * 信息共享等文化惠民工程实现全覆盖 names 信息共享 among the programmes, it says nothing of a signal. False when the text
 * does not hold `w`.
 */
export function onlyListedItem(text: string, w: string, evidence: readonly string[]): boolean {
  let n = 0;
  for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
    const end = at + w.length;
    if (!itemAt(text, at, end, true)) return false;
    // The item holding the term, then the enumeration: the items joined by 、 on either side, and the 等 closing it.
    const [itemStart, itemRun] = spanAround(text, at, end, isItemBound);
    let first = itemStart;
    let last = itemRun;
    while (first > 1 && text[first - 1] === '、') first = spanAround(text, first - 2, first - 1, isItemBound)[0];
    let lastStart = first;
    while (last < text.length - 1 && text[last] === '、') {
      lastStart = last + 1;
      last = spanAround(text, lastStart, lastStart, isItemBound)[1];
    }
    // The last item runs on past the 等 closing the list (信息共享等文化惠民工程): the list ends there.
    const etc = ETC_AFTER.exec(text.slice(Math.max(lastStart, at), last));
    if (etc !== null) last = Math.max(lastStart, at) + etc[0].length;
    const [left, right] = spanAround(text, at, end, isClauseBound);
    // Letters and digits only: the question's words as the texts write them, past quote marks (“两委”班子).
    const outside = `${bare(text.slice(left, Math.max(left, first)))}|${bare(text.slice(Math.min(right, last), right))}`;
    // The item itself beside the term, up to the 等 closing the list: 回乡大学毕业生 holds 回乡 of 回村 beside 大学 of
    // 年轻人 — the item names two things asked, the list is what the passage speaks of.
    const item = `${bare(text.slice(itemStart, at))}|${bare(text.slice(end, Math.min(itemRun, last)))}`;
    if (evidence.some((e) => e.length > 0 && (item.includes(e) || outside.includes(e)))) return false;
    n++;
  }
  return n > 0;
}

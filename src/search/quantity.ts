/**
 * Questions about a quantity (多少, 几个, 百分之几, 比例, 哪一年): the passage that states the number answers them, not
 * one that only repeats the topic (issue 9, round 6). A passage where a quantity stands close to one of the
 * question's words (村卫生室192个, 报销比例分别达到95%) is preferred among the first results.
 */

/** The measure words after 几 that ask how many (几个, 几户 …): ASKS_QUANTITY's, and ASKS_NUMBER's with more. */
const FEW = '个|户|名|人|次|项|条|家|所|座|处|笔|位|批|场|种|支|类|年|岁|万|千|百|十';

/** Words asking for a number: how many, how much, what share, which year, what standard. */
const ASKS_QUANTITY = new RegExp(`多少|几(?:${FEW})|百分之几|百分之多少|比例|占比|哪一年|哪年|什么时候|人次`, 'u');

/** Whether a query asks for a quantity. */
export const asksQuantity = (text: string): boolean => ASKS_QUANTITY.test(text);

/**
 * A quantity as the texts write it: digits, or the anonymised x / xx of the texts, perhaps with 余 / 多 and 万 / 亿,
 * then a measure word, a unit or %; or a year (2019年).
 */
/** A figure in digits, or the texts' anonymised x / xx (QUANTITY, MONEY, NUMBER). */
const DIGITS = String.raw`\d+(?:\.\d+)?|x+(?:\.x+)?`;
/** The measure words and units a quantity ends with (QUANTITY; NUMBER takes them and more). */
const UNITS = '%|％|个|名|户|人次|人|元|亩|支|项|场次|场|次|条|家|种|所|座|对|期|周岁|岁|平方米|公斤|类|批|年|倍';
const QUANTITY = new RegExp(`(?:${DIGITS})(?:余|多)?(?:万|亿)?(?:${UNITS})`, 'gu');

/** Start and end offsets of the matches of a global pattern in a text. */
function spansOf(text: string, pattern: RegExp): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(pattern)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Start and end offsets of the quantities in a text. */
export const quantitiesOf = (text: string): [number, number][] => spansOf(text, QUANTITY);

/**
 * Whether some word of `words` stands in `text` within `window` characters of a quantity (before or after it).
 * `quantities` are the text's quantity spans ({@link quantitiesOf}).
 */
export function quantityNear(text: string, quantities: readonly [number, number][], words: readonly string[], window: number): boolean {
  if (quantities.length === 0) return false;
  for (const w of words) {
    if (w.length === 0) continue;
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      const end = at + w.length;
      for (const [s, e] of quantities) if (s <= end + window && e >= at - window) return true;
    }
  }
  return false;
}

/**
 * Round 13: words asking for an amount of money — 多少钱, a payment asked how much (交多少, 补多少), or a payment or fee
 * with 标准 / 多少 after it (补助标准, 工资多少, 收费标准, 物业费多少). Not 报多少 (报销 is answered by a share).
 */
const ASKS_MONEY =
  /多少钱|几块钱|多少块|多少元|(?:交|缴|补|给|发|赔|挣|赚|花|付|收)了?多少|(?:费|价|钱|补贴|补助|补偿|津贴|工资|薪水|奖金|奖励|资金|押金|分红)的?(?:标准|(?:是|有|大概|一般|能有|能拿)?多少)/u;

/**
 * Round 16: the amount asked before the payment it is of — 能拿多少补偿, 一个月多少工资, 有多少补贴, 给多少钱的奖励 — where
 * ASKS_MONEY reads only the payment before 多少 (补偿多少) or a verb of paying before it (给多少).
 */
const ASKS_MONEY_BEFORE = /(?:多少|几块)(?:钱的?)?(?:补贴|补助|补偿|赔偿|津贴|工资|薪水|奖金|奖励|分红|费用)/u;

/**
 * Whether a query asks for an amount of money (see ASKS_MONEY; with `before`, ASKS_MONEY_BEFORE too:
 * SearchEngineOptions.amountBeforePayment).
 */
export const asksMoney = (text: string, before = false): boolean => ASKS_MONEY.test(text) || (before && ASKS_MONEY_BEFORE.test(text));

/**
 * The words naming the payment asked about, not its subject (补助 and 标准 of 危房改造补助标准; but 生活费 of
 * 生活费补助标准 is the subject): a query word that is one of these is no anchor for the amount.
 */
const PAYMENT_WORDS: ReadonlySet<string> = new Set(['标准', '补贴', '补助', '补偿', '津贴', '工资', '薪水', '奖金', '奖励', '资金', '押金', '分红', '费用', '费', '价格', '价钱', '价', '钱', '收费', '多少', '金额']);

/** Whether a word of a query names the payment asked about rather than its subject (see PAYMENT_WORDS). */
export const namesPayment = (word: string): boolean => PAYMENT_WORDS.has(word);

/**
 * An amount of money as the texts write it: digits or the anonymised x, perhaps 余 / 多 and 万 / 亿, then 元; or a share
 * (95%), which answers what one pays of a bill (住院自己要掏多少钱: 报销比例分别达到95%).
 */
const MONEY = new RegExp(`(?:${DIGITS})(?:(?:余|多)?(?:万|亿)?元|%|％)`, 'gu');

/** Start and end offsets of the amounts of money (and shares) in a text. */
export const amountsOf = (text: string): [number, number][] => spansOf(text, MONEY);

/**
 * Round 23: words asking for a number that is not an amount of money — 是多少, 有多少, 几个 / 几户 …, 百分之几, 多久,
 * 多长时间 (SearchEngineOptions.askedNumberStated). Not 哪几个, 这几个, 近几年, 好几个 (which ones, these, lately,
 * several), 哪一年 or 什么时候 (a date answers those), nor 比例 alone.
 */
const ASKS_NUMBER = new RegExp(`多少|(?<![这那哪近好])几(?:${FEW}|天|月)|百分之几|多久|多长时间`, 'u');

/** Whether a query asks for a number (see ASKS_NUMBER). */
export const asksNumber = (text: string): boolean => ASKS_NUMBER.test(text);

/**
 * A number as the texts write it for askedNumberStated: a quantity ({@link quantitiesOf}'s digits or x with a measure or
 * unit), an amount of money, or Chinese numerals before a measure word, a unit or a time (三个, 两名, 十余万人, 五年).
 */
const NUMBER = new RegExp(`(?:${DIGITS}|[一二两三四五六七八九十百千万亿]+)(?:余|多)?(?:万|亿)?(?:${UNITS}|天|月|周|公里|米|吨|斤|位|处|笔|间|套)`, 'gu');

/** Start and end offsets of the numbers in a text (see NUMBER). */
export const numbersOf = (text: string): [number, number][] => spansOf(text, NUMBER);

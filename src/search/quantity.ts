/**
 * Questions about a quantity (多少, 几个, 百分之几, 比例, 哪一年): the passage that states the number answers them, not
 * one that only repeats the topic (issue 9, round 6). A passage where a quantity stands close to one of the
 * question's words (村卫生室192个, 报销比例分别达到95%) is preferred among the first results.
 */

/** Words asking for a number: how many, how much, what share, which year, what standard. */
const ASKS_QUANTITY = /多少|几(?:个|户|名|人|次|项|条|家|所|座|处|笔|位|批|场|种|支|类|年|岁|万|千|百|十)|百分之几|百分之多少|比例|占比|哪一年|哪年|什么时候|人次/u;

/** Whether a query asks for a quantity. */
export const asksQuantity = (text: string): boolean => ASKS_QUANTITY.test(text);

/**
 * A quantity as the texts write it: digits, or the anonymised x / xx of the texts, perhaps with 余 / 多 and 万 / 亿,
 * then a measure word, a unit or %; or a year (2019年).
 */
const QUANTITY =
  /(?:\d+(?:\.\d+)?|x+(?:\.x+)?)(?:余|多)?(?:万|亿)?(?:%|％|个|名|户|人次|人|元|亩|支|项|场次|场|次|条|家|种|所|座|对|期|周岁|岁|平方米|公斤|类|批|年|倍)/gu;

/** Start and end offsets of the quantities in a text. */
export function quantitiesOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(QUANTITY)) out.push([m.index, m.index + m[0].length]);
  return out;
}

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

/**
 * Numbers written the way the texts write them. People type 5个振兴 where a text says 五个振兴, 三十九个安置点 where it
 * says 39个, 百分之八十五 for 85%. Each number in the query (Arabic digits, a run of Chinese numerals, 百分之…) gets
 * its other spellings; one replaces the typed form only when it occurs in some passage with more of the query's
 * neighbouring characters than the typed form does (五个振兴 is in a text, 5个振兴 is not). A number the texts write
 * as typed, or in neither form, is left alone, and so are words that merely contain a numeral character (统一, 一窗受理),
 * since the texts have them as typed.
 */

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const DIGIT_NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Value of a run of Chinese numerals below 一亿 (三十九 → 39, 十五 → 15, 二十五万 → 250000), or undefined. */
export function parseChineseNumber(run: string): number | undefined {
  if (run.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of run) {
    // 一千零八十: 零 only marks a skipped place.
    if ((ch === '零' || ch === '〇') && run.length > 1) {
      if (digit !== undefined) return undefined;
      continue;
    }
    if (ch in CN_DIGITS) {
      if (digit !== undefined) return undefined; // 三五 (three or five) is not one number
      digit = CN_DIGITS[ch] as number;
    } else if (ch in CN_UNITS) {
      section += (digit ?? 1) * (CN_UNITS[ch] as number);
      digit = undefined;
    } else if (ch === '万') {
      if (total > 0) return undefined;
      total = (section + (digit ?? 0)) * 10000;
      if (total === 0) return undefined;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

/** Standard Chinese reading of a whole number below 100 000 (15 → 十五, 105 → 一百零五, 3000 → 三千). */
export function toChineseNumber(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n >= 100_000) return undefined;
  if (n === 0) return '零';
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] as string;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out.length === 0 ? '' : DIGIT_NAMES[d]) + unit;
  });
  return out;
}

/** The other spellings of a number as typed. */
function alternatives(form: string): string[] {
  const out: string[] = [];
  const percent = /^百分之(.+)$/u.exec(form);
  if (percent) {
    const n = parseChineseNumber(percent[1] as string) ?? (percent[1] === '百' ? 100 : undefined);
    if (n !== undefined) out.push(`${n}%`);
    return out;
  }
  if (/^\d+%$/.test(form)) {
    const cn = toChineseNumber(Number(form.slice(0, -1)));
    if (cn) out.push(`百分之${cn}`);
    return out;
  }
  if (/^\d+$/.test(form)) {
    const n = Number(form);
    const cn = toChineseNumber(n);
    if (cn) {
      out.push(cn);
      // 两个, 两委: 2 before a measure word is read 两.
      if (n === 2) out.push('两');
      if (cn.startsWith('十')) out.push(`一${cn}`);
    }
    return out;
  }
  // 二零一九 read digit by digit (a year, a code): 2019.
  if (/^[零〇一二三四五六七八九]{2,}$/u.test(form)) {
    out.push(Array.from(form, (ch) => String(CN_DIGITS[ch])).join(''));
    return out;
  }
  const n = parseChineseNumber(form);
  if (n === undefined) return out;
  out.push(String(n));
  // 二十五万 → 25万: the texts write large round numbers with 万 after the digits.
  if (form.endsWith('万') && form.length > 1) {
    const head = parseChineseNumber(form.slice(0, -1));
    if (head !== undefined) out.push(`${head}万`);
  }
  return out;
}

const NUMBER = /百分之[零〇一二两三四五六七八九十百千万]+|\d+(?:\.\d+)?%?|[零〇一二两三四五六七八九十百千万]+/gu;
const NEIGHBOUR = /[\p{Script=Han}\p{L}\p{N}]/u;

/** How many neighbouring characters (before + after, up to 4 each way) stand with `form` in some passage. */
function reach(form: string, before: string[], after: string[], occurs: (text: string) => boolean): number {
  if (!occurs(form)) return -1;
  let a = 0;
  while (a < after.length && a < 4 && occurs(form + after.slice(0, a + 1).join(''))) a++;
  let b = 0;
  const tail = after.slice(0, a).join('');
  while (b < before.length && b < 4 && occurs(before.slice(before.length - b - 1).join('') + form + tail)) b++;
  return a + b;
}

/**
 * Rewrites the numbers of `text` to the spelling the texts use (see the module comment). `occurs` tells whether
 * some passage's text holds a string (letters and digits compared).
 */
export function alignNumbers(text: string, occurs: (text: string) => boolean): string {
  if (!/[\d零〇一二两三四五六七八九十百千万]/u.test(text)) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    const form = m[0];
    const start = m.index;
    const end = start + form.length;
    // Decimals (1008.6, 2.3万) are left alone.
    if (form.includes('.')) continue;
    const alts = alternatives(form);
    if (alts.length === 0) continue;
    const before: string[] = [];
    for (let i = start - 1; i >= 0 && NEIGHBOUR.test(text[i] as string) && before.length < 4; i--) before.unshift(text[i] as string);
    const after: string[] = [];
    for (let i = end; i < text.length && NEIGHBOUR.test(text[i] as string) && after.length < 4; i++) after.push(text[i] as string);
    // A number standing alone has nothing to align with: 39 is 39.
    if (before.length === 0 && after.length === 0) continue;
    const typed = reach(form, before, after, occurs);
    let best: string | undefined;
    // Another spelling wins when it stands with more of the query around it, or when the typed one is in no text.
    let bestReach = typed < 0 ? -1 : Math.max(typed, 0);
    for (const alt of alts) {
      // A numeral character typed before other characters is a number only if the other spelling stands in a text
      // with the next of them (5个 → 五个): 一 of 一共 is no number however 1 stands after 搬迁 in some text.
      if (after.length > 0 && !occurs(alt + (after[0] as string))) continue;
      const r = reach(alt, before, after, occurs);
      if (r > bestReach && (r > 0 || typed < 0)) {
        best = alt;
        bestReach = r;
      }
    }
    if (best === undefined) continue;
    out += text.slice(last, start) + best;
    last = end;
  }
  const aligned = last === 0 ? text : out + text.slice(last);
  return alignTogether(aligned, occurs);
}

const NUMBERED_STRETCH = /[\p{Script=Han}\d%]+/gu;

/**
 * Numbers that stand together in one stretch (一户一人 of 一户一人就业, where a text says 1户1人以上就业) spelled the
 * other way all at once, when that stands in a text with more of the stretch than the spelling left by
 * {@link alignNumbers}' one-at-a-time pass.
 */
function alignTogether(text: string, occurs: (text: string) => boolean): string {
  return text.replace(NUMBERED_STRETCH, (stretch) => {
    const numbers = [...stretch.matchAll(NUMBER)].filter((m) => !m[0].includes('.') && alternatives(m[0]).length > 0);
    if (numbers.length < 2) return stretch;
    const first = numbers[0] as RegExpMatchArray;
    const lastMatch = numbers[numbers.length - 1] as RegExpMatchArray;
    const from = first.index as number;
    const to = (lastMatch.index as number) + lastMatch[0].length;
    let other = '';
    let at = from;
    for (const m of numbers) {
      other += stretch.slice(at, m.index) + (alternatives(m[0])[0] as string);
      at = (m.index as number) + m[0].length;
    }
    const chars = Array.from(stretch.slice(0, from));
    const before = chars.slice(-4);
    const after = Array.from(stretch.slice(to)).slice(0, 4);
    const typed = reach(stretch.slice(from, to), before, after, occurs);
    const joint = reach(other, before, after, occurs);
    if (joint <= typed || joint < 0) return stretch;
    return stretch.slice(0, from) + other + stretch.slice(to);
  });
}

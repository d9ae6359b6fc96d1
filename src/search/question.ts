/**
 * Question-form queries (怎么…, …是什么, 为什么…, …有多少): what the asking words around a question's subject mean
 * for the search. The forms dropped before the cut are QUESTION_FORMS (vocabulary.ts); the fillers QUERY_FILLERS.
 */

/** A kept word of the query with its offsets into the analysed text. */
export interface KeptSpan {
  start: number;
  end: number;
}

/**
 * The query from its first kept word to its last: the question words before and after the subject (什么是, 是什么,
 * 怎么, 吗) are trimmed, those between kept words stay, so the result is a stretch of the query as typed. The whole
 * text when no word was kept.
 */
export function questionCore(text: string, kept: readonly KeptSpan[]): string {
  if (kept.length === 0) return text;
  let start = Infinity;
  let end = -Infinity;
  for (const s of kept) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return text.slice(start, end);
}

/** A word of the query's cut, with its offsets into the analysed text. */
export interface CutSpan extends KeptSpan {
  text: string;
}

/** Words that ask which kind of thing: the noun after them is what is asked for (有什么要求, 有哪些经验, 多少钱). */
const ASKING_DETERMINERS: ReadonlySet<string> = new Set(['什么', '哪些', '哪个', '哪种', '哪类', '啥', '多少']);
/** After a verb: what, which, how many (包括哪些, 存在什么, 取得了哪些). */
const VERB_ASKED = /^(?:了|过)?(?:什么|哪些|哪几|多少|谁|啥)/u;
/** Before a noun: 的, perhaps with 主要 / 具体 (X的主要内容有哪些). */
const OF_BEFORE = /的(?:主要|具体|基本)?$/u;
/** After a noun: the question about it (X的标准是什么, X的情况怎么样, X的做法有哪些). */
const ASKED_AFTER = /^(?:都|主要|具体)?(?:是|有|包括|都有)?(?:什么|啥|多少|哪些|哪几|怎么样|怎样|如何)/u;

/**
 * Which kept words name the kind of answer asked for rather than the subject: a noun right after 什么 / 哪些 / 啥 /
 * 多少 (X有什么意义, 关于X有什么政策, X有哪些经验), or after 的 and before the question (X的标准是什么,
 * X的情况怎么样), and a verb right before 什么 / 哪些 / 谁 (X包括哪些方面, X存在什么问题, 交给谁做; `isVerb`). A passage about X answers the question whether or not it says 意义 or 标准, so such a word
 * (an *aspect*) neither makes a passage a result nor is required of a full match; it still adds to the score.
 * `spans` is the whole cut (question words included), in order; returns the indexes into `spans` of aspects.
 */
export function askedAspects(
  text: string,
  spans: readonly CutSpan[],
  isContent: (i: number) => boolean,
  isVerb: (i: number) => boolean = () => false,
): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i] as CutSpan;
    if (!isContent(i)) continue;
    const prev = spans[i - 1];
    const afterDeterminer = prev !== undefined && prev.end === s.start && ASKING_DETERMINERS.has(prev.text);
    const ofAndAsked = OF_BEFORE.test(text.slice(0, s.start)) && ASKED_AFTER.test(text.slice(s.end));
    // The question's own verb, right before what it asks: 包括 of X包括哪些方面, 存在 of X存在什么问题, 交给 of 交给谁.
    // (A verb after 如何 / 怎么 is not one: 吸引 of 怎样吸引人才回乡 says what is asked about.)
    const verb = isVerb(i) && VERB_ASKED.test(text.slice(s.end));
    if (afterDeterminer || ofAndAsked || verb) out.add(i);
  }
  return out;
}

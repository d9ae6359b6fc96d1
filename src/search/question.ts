import type { Concept } from './analyze.js';
import { bare } from './normalize.js';
import { ASPECT_NOUNS } from './vocabulary.js';

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

/** Adverbs that say how exactly a question asks (主要, 具体, 到底): before its verb or asking word, no subject. */
const QUESTION_ADVERBS: ReadonlySet<string> = new Set(['主要', '具体', '到底', '究竟', '一般', '通常', '大概', '大致']);
/** Asking words, at the start of what follows an adverb (具体怎么推进, 到底干啥). */
const ASKS_NEXT = /^(?:什么|怎么|怎样|如何|为什么|为啥|哪|谁|啥|多少|几|是什么|是怎么|是哪|是谁|有哪|有什么|有多少)/u;
/**
 * Words that ask (什么, 怎么, 哪, 谁, 吗, 多少, 有没有 …): a query holding one is a question. One list for the whole
 * engine (round 9): the bigram signal, the heading bonus and the adverbs above read the same; the adverbs had a
 * near-twin without 能不能 / 是不是 / 有没有 … (no judged answer differed).
 */
export const ASKING = /什么|怎么|怎样|如何|为什么|为啥|哪|谁|吗|呢|啥|多少|几|能不能|是不是|有没有|会不会|要不要|可不可以/u;

/** Whether a query (its free text) asks a question. */
export const isQuestion = (text: string): boolean => ASKING.test(text);

/**
 * The adverbs of a question that only say how exactly it asks (拉萨扶贫主要发展哪些产业, 五个振兴具体怎么推进, 第一书记到底
 * 干啥的): 主要 / 具体 / 到底 … right before a verb (`isVerb`) or an asking word, in a query that asks. The texts say
 * 主要任务 and 具体做法, so as words they would rank a passage holding them (003-023's 主要任务) before one about
 * the subject; before a noun (主要内容, 主要做法) they qualify what is asked for and stay. `typed` is the query before
 * its question forms were taken out (生态振兴主要抓哪两块 asks, though 哪两块 is gone from `text`). Returns indexes
 * into `spans`.
 */
export function questionAdverbs(text: string, spans: readonly CutSpan[], isVerb: (i: number) => boolean, typed = text): Set<number> {
  const out = new Set<number>();
  if (!isQuestion(typed)) return out;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i] as CutSpan;
    if (!QUESTION_ADVERBS.has(s.text)) continue;
    const next = spans[i + 1];
    if (next === undefined || next.start !== s.end) continue;
    if (isVerb(i + 1) || ASKS_NEXT.test(text.slice(s.end))) out.add(i);
  }
  return out;
}

/** Words that ask which kind of thing: the noun after them is what is asked for (有什么要求, 有哪些经验, 多少钱). */
const ASKING_DETERMINERS: ReadonlySet<string> = new Set(['什么', '哪些', '哪个', '哪种', '哪类', '啥', '多少']);
/**
 * Round 11: 哪 with a measure word as jieba cuts it whole (哪次会议, 哪家单位, 哪位领导, 哪年): the noun after it is the kind
 * of answer too. The answer names an instance (党的十九大 for 哪次会议), seldom the noun itself.
 */
const WHICH_MEASURE = /^哪[次家位届批期所座条项级年天步层]$/u;

/** Whether a word of the cut is 哪 with a measure word (哪次, 哪家): an asking word, dropped like 哪个 (round 11). */
export const isWhichMeasure = (word: string): boolean => WHICH_MEASURE.test(word);
/** Verbs of means before an asking word: 靠啥, 凭什么, 用什么, 通过什么. */
const MEANS_VERBS: ReadonlySet<string> = new Set(['靠', '凭', '用', '拿', '依靠', '通过', '借助', '依托']);
/** After a verb: what, which, how many (包括哪些, 存在什么, 取得了哪些). */
const VERB_ASKED = /^(?:了|过)?(?:什么|哪些|哪几|多少|谁|啥)/u;
/** After a verb: how well it is done (处理得怎么样, 落实得如何, 搞得好不好). */
const HOW_WELL = /^得(?:怎么样|怎样|如何|咋样|好不好|怎么|好吗)/u;
/** Before a noun: 的, perhaps with 主要 / 具体 (X的主要内容有哪些). */
const OF_BEFORE = /的(?:主要|具体|基本)?$/u;
/** After a noun: the question about it (X的标准是什么, X的情况怎么样, X的做法有哪些). */
const ASKED_AFTER = /^(?:都|主要|具体)?(?:是|有|包括|都有)?(?:什么|啥|多少|哪些|哪几|怎么样|怎样|如何)/u;

/**
 * Which kept words name the kind of answer asked for rather than the subject: a noun right after 什么 / 哪些 / 啥 /
 * 多少 (X有什么意义, 关于X有什么政策, X有哪些经验), or after 的 and before the question (X的标准是什么,
 * X的情况怎么样), a verb right before 什么 / 哪些 / 谁 (X包括哪些方面, X存在什么问题, 交给谁做; `isVerb`), and the
 * abstract nouns of ASPECT_NOUNS ending the query after X的 (X的作用和意义, X的重要意义; `isModifier` tells the
 * adjectives that may go with them) or joined to an aspect by 和 (有什么作用和意义). A passage about X answers the question whether or not it says 意义 or 标准, so such a word
 * (an *aspect*) neither makes a passage a result nor is required of a full match; it still adds to the score.
 * `spans` is the whole cut (question words included), in order; returns the indexes into `spans` of aspects.
 */
export function askedAspects(
  text: string,
  spans: readonly CutSpan[],
  isContent: (i: number) => boolean,
  isVerb: (i: number) => boolean = () => false,
  isModifier: (i: number) => boolean = () => false,
  tailOptions: AspectTailOptions = {},
  whichMeasure = false,
  determinerModifier = false,
  askedNounSubject = false,
): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i] as CutSpan;
    if (!isContent(i)) continue;
    const prev = spans[i - 1];
    // 靠啥留住, 用什么吸引: a verb after a means verb's 啥 is what the means achieve, the question's own predicate, not
    // the kind of answer asked for (措施 of 靠啥措施 is).
    const means = prev !== undefined && MEANS_VERBS.has(spans[i - 2]?.text ?? '') && isVerb(i);
    // Round 11 (determinerModifier): one adjective of one character between them (有啥好模式, 有什么新办法) changes nothing.
    const before = determinerModifier && prev !== undefined && Array.from(prev.text).length === 1 && isModifier(i - 1) ? spans[i - 2] : undefined;
    const modified = before !== undefined && prev !== undefined && before.end === prev.start && ASKING_DETERMINERS.has(before.text);
    const afterDeterminer =
      prev !== undefined && prev.end === s.start && (modified || ASKING_DETERMINERS.has(prev.text) || (whichMeasure && WHICH_MEASURE.test(prev.text))) && !means;
    const asked = OF_BEFORE.test(text.slice(0, s.start)) ? ASKED_AFTER.exec(text.slice(s.end)) : null;
    // Round 15 (askedNounSubject): X的Y有哪些Z asks for Z, a noun of its own after the asking word (迎丰村的村规民约有哪些
    // 条款): Y is then the subject, not the kind of answer; Z is (afterDeterminer).
    const askedNext = asked !== null && askedNounSubject ? spans.findIndex((n) => n.start === s.end + asked[0].length) : -1;
    const ofAndAsked = asked !== null && !(askedNext > i && isContent(askedNext) && !ASPECT_NOUNS.has((spans[askedNext] as CutSpan).text));
    // The question's own verb, right before what it asks: 包括 of X包括哪些方面, 存在 of X存在什么问题, 交给 of 交给谁.
    // (A verb after 如何 / 怎么 is not one: 吸引 of 怎样吸引人才回乡 says what is asked about.)
    const verb = isVerb(i) && VERB_ASKED.test(text.slice(s.end));
    // How well something is done: 处理 of 垃圾处理得怎么样, 落实 of X落实得如何.
    const howWell = HOW_WELL.test(text.slice(s.end));
    if (afterDeterminer || ofAndAsked || verb || howWell) out.add(i);
  }
  // X的作用和意义, X的重要意义, X的好处: the query ends in abstract nouns of the kind of answer wanted (ASPECT_NOUNS),
  // perhaps with a modifier (重要) or a conjunction between them, after 的 and a subject. Nothing else may stand there:
  // 拉萨的文化大舞台 asks about 文化大舞台.
  let of = -1;
  for (let i = spans.length - 1; i >= 0; i--) {
    if ((spans[i] as CutSpan).text === '的') {
      of = i;
      break;
    }
  }
  if (of > 0 && spans.slice(0, of).some((_, k) => isContent(k))) {
    // The next span after i names the kind of answer (an aspect noun or a material word), touching it.
    const qualifies = (i: number): boolean => {
      const next = spans[i + 1];
      return next !== undefined && next.start === (spans[i] as CutSpan).end && (ASPECT_NOUNS.has(next.text) || (tailOptions.isMaterial?.(i + 1) ?? false));
    };
    const tail: number[] = [];
    let named = false;
    let other = false;
    for (let i = of + 1; i < spans.length; i++) {
      // Round 7: a material word (X的典型案例, X的心得体会) names the kind of answer as an aspect noun does, kept or not.
      const material = tailOptions.isMaterial?.(i) ?? false;
      if (!isContent(i)) {
        if (material) named = true;
        continue;
      }
      const t = (spans[i] as CutSpan).text;
      if (ASPECT_NOUNS.has(t) || material) named = true;
      // Round 7: a short noun qualifying the aspect noun or material word right after it (典型 of X的典型经验).
      else if (!isModifier(i) && !(tailOptions.isQualifier?.(i) === true && qualifies(i))) other = true;
      tail.push(i);
    }
    if (named && !other) for (const i of tail) out.add(i);
  }
  // An asked-for noun joined to an aspect by 和 / 与 / 及 / 、 (有什么作用和意义) is one too.
  for (let i = 0; i + 2 < spans.length; i++) {
    const joined = spans[i + 2] as CutSpan;
    if (out.has(i) && CONJUNCTIONS.has((spans[i + 1] as CutSpan).text) && ASPECT_NOUNS.has(joined.text) && isContent(i + 2)) out.add(i + 2);
  }
  return out;
}

/** Round 7's reading of the tail after X的 (askedAspects); both off by default. */
export interface AspectTailOptions {
  /** Whether spans[i] is a material word (案例, 心得体会, 讲话稿), kept or dropped as chat noise. */
  isMaterial?: (i: number) => boolean;
  /** Whether spans[i] may qualify the aspect noun or material word right after it (典型, 成功: a short noun or adjective). */
  isQualifier?: (i: number) => boolean;
}

/** Words joining two asked-for nouns (作用和意义, 意义与作用, 经验及做法). */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['和', '与', '及', '以及', '、', '跟', '同']);

/**
 * The word of a question a section heading must hold for the passages under it to be about the question's subject
 * (the engine's headingBonus, round 7): the question's rarest naming word of two characters or more, as written
 * (bare), found in at most `maxShare` of the passages (`share`); not an aspect, a place word or a theme's name (the
 * theme's passages are its own matter). '' when there is none.
 */
export function headingWord(
  concepts: readonly Concept[],
  share: (c: Concept) => number,
  isTheme: (c: Concept) => boolean,
  maxShare: number,
): string {
  let word = '';
  let least = Infinity;
  for (const c of concepts) {
    if (c.aspect || c.place || !c.naming || (c.kind !== 'word' && c.kind !== 'phrase') || isTheme(c)) continue;
    const text = bare(c.text);
    if (Array.from(text).length < 2) continue;
    const sh = share(c);
    if (sh < least) {
      least = sh;
      word = text;
    }
  }
  return least <= maxShare ? word : '';
}

/**
 * Words asking which ones (哪些, 哪几种, 分别是什么): the answer names several things of a kind, and a text names them
 * as a list closed by the kind (A、B、C等多种利益联结机制, “林易贷”“耕保贷”等金融创新产品, …农村改革六大行动).
 */
const ASKS_LIST = /哪些|哪几|几种|几类|分别/u;

/** Whether a query asks which ones (see ASKS_LIST). */
export const asksList = (text: string): boolean => ASKS_LIST.test(text);

/** What closes a list right before the kind it lists: 等, 等多种 …, or a count (六大, 三项, 两个). */
const LIST_CLOSER = /(?:等(?:多种|多类|各类|各种|多项|一系列|系列|一批)?|[一二三四五六七八九十两]+(?:种|项|类|个|大|条))$/u;
/** The marks of the list itself: an enumeration comma or quoted items side by side. */
const LIST_MARK = /、|”“/u;

/**
 * Whether `text` names one of `words` as the kind closing a list (see ASKS_LIST): the word right after a closer
 * (LIST_CLOSER), with an enumeration mark (LIST_MARK) in the `span` characters before the closer.
 */
export function listsKind(text: string, words: readonly string[], span: number): boolean {
  for (const w of words) {
    if (w.length === 0) continue;
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      const before = text.slice(Math.max(0, at - 6), at);
      const m = LIST_CLOSER.exec(before);
      if (!m) continue;
      const closer = at - before.length + m.index;
      if (LIST_MARK.test(text.slice(Math.max(0, closer - span), closer))) return true;
    }
  }
  return false;
}

/** Which one of a kind a question asks for: 哪个, 哪一个, 哪家, 哪所, 哪座 (not 哪些, 哪位, 哪里). */
const WHICH_ONE = /哪一?[个家所座]/u;
/** WHICH_ONE for matchAll, every occurrence. */
const WHICH_ONE_ALL = new RegExp(WHICH_ONE.source, 'gu');

/** Whether `text` asks which one of a kind (哪个, 哪家 …): the quick test before {@link whichKinds}. */
export const asksWhichOne = (text: string): boolean => WHICH_ONE.test(text);

/**
 * Round 26 (SearchEngineOptions.askedKindNamed): the kinds a question asks one of — each of `words` (the query's
 * words) that stands right after 哪个 / 哪家 / 哪所 / 哪座 in `text` (单位 of 张青是哪个单位的专家, 省 of 从哪个省引进的,
 * 县 of 非遗扶贫就业工坊在哪个县).
 */
export function whichKinds(text: string, words: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WHICH_ONE_ALL)) {
    const at = (m.index as number) + m[0].length;
    const word = words.find((w) => w.length > 0 && text.startsWith(w, at));
    if (word !== undefined && !out.includes(word)) out.push(word);
  }
  return out;
}

/**
 * Whether `text` names something of `kind`: it holds one of the kind's characters (县 of xx县 for 哪个县; 部 of 组织部,
 * 党支部 for 哪个部门; 行 of xx银行 for 哪家银行). A passage holding none of them names no such thing.
 */
export const namesKind = (text: string, kind: string): boolean => Array.from(kind).some((ch) => text.includes(ch));

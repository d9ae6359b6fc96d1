/**
 * Tokenisation, shared by the index and the query so both sides segment alike: jieba words (cutForSearch, HMM on)
 * and Han character bigrams, indexed side by side. Bigrams carry a private-use prefix so the two kinds of term never
 * collide in MiniSearch's single term dictionary (a bigram 人才 and the word 人才 are different terms).
 */
import { cutForSearch, isStopWord, tag } from './jieba.js';
import { mapEnglish, type EnglishRules, type PhrasalWord } from './english.js';
import type { Glossary } from './glosses.js';
import { createBoundedMemo } from './bounded-memo.js';
import { bare } from './normalize.js';
import { askedAspects, isWhichMeasure, questionAdverbs, questionCore } from './question.js';
import { ASPECT_NOUNS, CHAT_CONTEXT_WORDS, ENGLISH_KIND_WORDS, ENGLISH_MATERIAL_WORDS, MATERIAL_WORDS, POLITENESS_WORDS, QUERY_FILLERS, QUESTION_FORMS, RELATED_TERMS, GENRE_WORDS, TEXT_KIND_WORDS } from './vocabulary.js';

/** Prefix of bigram terms (U+E000, private use: normalisation strips it from queries, so users cannot type it). */
export const GRAM_PREFIX = '\uE000';

const HAN_RUN = /\p{Script=Han}+/gu;
const DIGITS = /^\p{N}+$/u;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for tokens worth indexing: not whitespace or punctuation, not a stop word (numbers always count). */
export function isIndexable(token: string): boolean {
  const c = token.charCodeAt(0);
  // Fast path for the common case, a token starting with a CJK ideograph.
  if (!(c >= 0x4e00 && c <= 0x9fff) && !LETTER_OR_DIGIT.test(token)) return false;
  if (DIGITS.test(token)) return true;
  return !isStopWord(token);
}

/** Word terms of folded text: jieba cutForSearch, stop words and punctuation dropped. */
export function wordTerms(folded: string): string[] {
  if (folded.length === 0) return [];
  return cutForSearch(folded).filter(isIndexable);
}

// Query-side words repeat a lot (the same related terms for every 看病 question): cache short strings' cuts.
const SHORT_CUT_MAX = 16;
const shortCuts = createBoundedMemo<string, readonly string[]>(20_000);

function wordTermsCached(folded: string): readonly string[] {
  if (folded.length > SHORT_CUT_MAX) return wordTerms(folded);
  return shortCuts.get(folded) ?? shortCuts.set(folded, wordTerms(folded));
}

/** Bigram terms of folded text: every pair of adjacent Han characters within a run, prefixed. */
export function gramTerms(folded: string): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(HAN_RUN)) {
    const chars = Array.from(m[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${GRAM_PREFIX}${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** Whether `test` holds of some bigram term of folded text: {@link gramTerms}' terms in order, the list not made. */
export function someGram(folded: string, test: (gram: string) => boolean): boolean {
  for (const m of folded.matchAll(HAN_RUN)) {
    let prev = '';
    for (const ch of m[0]) {
      if (prev.length > 0 && test(`${GRAM_PREFIX}${prev}${ch}`)) return true;
      prev = ch;
    }
  }
  return false;
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** One unit of meaning in the query: a jieba word, an English word mapped to Chinese, or a quoted phrase. */
export interface Concept {
  /** As it appears in the (normalised, mapped) query. */
  text: string;
  kind: 'word' | 'english' | 'phrase';
  /**
   * Whether it names something (a noun, name, number, English term, phrase, or a word jieba's dictionary lacks)
   * rather than saying what to do about it or how (a verb, adjective or adverb: 防止, 减少, 偏低). The engine asks
   * that most naming words occur in the texts (SearchEngineOptions.minKnownShare); a question's verb may be absent.
   */
  naming: boolean;
  /** Word terms that stand for the concept itself: its whole form(s); any of them matching counts fully. */
  heads: string[];
  /** Smaller dictionary words inside it (第一书记 → 第一, 书记), matched at a lower weight. */
  parts: string[];
  /** Bigram terms (prefixed). */
  grams: string[];
  /** Related domain terms from {@link RELATED_TERMS}, as word terms. */
  related: string[];
  /**
   * Whether `related` holds an English word's other senses (glosses.ts: activities → 活跃, 主动 beside 积极), not
   * curated related terms: they count as SearchEngineOptions.englishSenseCredit.
   */
  senses?: boolean;
  /** Related terms as written in the texts, for highlighting. */
  relatedText: string[];
  /**
   * Related words brought by a `say` string that leaves characters of the word as cut outside it (旅游 of 红色旅游 leaves
   * 红色), each with the fewest characters any such string leaves (0, a string covering the word, is not listed): the
   * word may name something narrower than the group stands for (SearchEngineOptions.relatedUncoveredMax).
   */
  relatedUncovered?: { word: string; uncovered: number }[];
  /** Set by the engine for a word the texts have only inside another expression (分类 of 分类施策): it matches nothing. */
  stranded?: boolean;
  /**
   * The kind of answer a question asks for, not its subject (意义 of 三免一补有什么意义, 标准 of X的标准是什么; see
   * askedAspects in question.ts): it adds to the score but neither qualifies a passage nor is required of a full match.
   */
  aspect?: boolean;
  /** Set by the engine (round 18, materialClause): a request's circumstance typed after its kind of text; an aspect. */
  clause?: boolean;
  /** Set by the engine for a word the texts lack: library words standing in for it (neighbours.ts), with weights. */
  nearby?: { term: string; weight: number }[];
  /** A place or direction word (村里, 家里, 上面: jieba tags s, f): where, not what about; it weighs less. */
  place?: boolean;
  /**
   * An English word whose best sense is the dictionary's guess (english.ts Glossed.guess: glossed only with another
   * word of its stem or inside a longer gloss): it weighs SearchEngineOptions.englishGuessWeight.
   */
  guess?: boolean;
  /** Round 20: an English word's senses glossed only with another word of its stem (english.ts Glossed.looseSenses). */
  looseSenses?: string[];
}

export interface AnalyzedQuery {
  concepts: Concept[];
  /** The free text's letters and digits only, for the whole-query bonus ('' when English words were mapped). */
  wholeBare: string;
  /** Runs of adjacent Han words kept, each as its words in order (where typos are looked for). */
  runs: string[][];
  /** Words dropped as chat politeness, requests or descriptions of material (谢谢, 麻烦, ppt, 2024 …). */
  dropped: string[];
  /** English words neither the vocabulary nor the dictionary knows (where misspellings are looked for). */
  untranslated: string[];
  /**
   * Round 15: whether the query asks for material: it drops a material word or a year (ppt, 讲稿, 2024), or keeps one
   * as an aspect beside its subject (学习材料, 党课, 研究|范文). See SearchEngineOptions.lengthCoverage.
   */
  material?: boolean;
  /**
   * Round 26: the years the query drops because the texts lack them (2023 of 拉萨2023年的农村低保标准调到多少了), when
   * nothing else marks it as a request for material: no material, text-kind or chat-context word, dropped or kept. See
   * SearchEngineOptions.askedYearHeld.
   */
  askedYears?: string[];
}

/** What the analyser may ask about the library. */
export interface AnalyzeContext {
  /** Whether the index holds a word term (default: assume not). */
  hasTerm?: (term: string) => boolean;
  /** Whether some passage's text contains the string (folded). Material words and years stay when it does. */
  inTexts?: (text: string) => boolean;
  /** Dictionary glosses over the library's words (glosses.ts), for English words the vocabulary lacks. Default none. */
  glossary?: Glossary;
  /** Join separable words split by a complement or aspect marker (上不了学 → 上学; see joinSeparable). Default true. */
  separable?: boolean;
  /** Also join longer expressions split by a marker (拖了后腿 → 拖后腿; joinSeparable's `longer`). Default false. */
  separableLonger?: boolean;
  /** Also drop a complement after a one-character verb across which a stretch is said (亮出身份 → 亮身份). Default false. */
  complements?: boolean;
  /**
   * Round 12: drop a degree or scope adverb (都, 也, 太, 很 …), a 到, a 的 or a measure word that people put inside an
   * everyday expression of the related terms (年纪都大了 → 年纪大, 分到钱 → 分钱, 住院花的钱 → 住院花钱), when the
   * characters on both sides of it, without it, make a `say` string (see joinInside). Default false.
   */
  insideJoin?: boolean;
  /**
   * Round 12: a `say` string that jieba cut into words the query keeps none of (能人 of 本地的能人, cut 的|能|人, all
   * stop words) is a concept of its own, with its group's related terms: without one, the string found nothing to
   * attach to and the query lost what it said. Default false.
   */
  loneSay?: boolean;
  /**
   * Whether a string is a headword of the dictionary (CC-CEDICT, glosses.ts dictionaryFields): two lone characters of
   * jieba's cut that make such a word the texts lack are one word of the query (走|丢 → 走丢; see joinLoneCharacters).
   * Default none (no joining).
   */
  isDictionaryWord?: (word: string) => boolean;
  /** English numbers as the texts write them (english.ts numbersAsChinese). Default true. */
  englishNumbers?: boolean;
  /**
   * Material words the texts hold, years, material compounds and a verb fused to a material word are aspects beside
   * a subject (see describesMaterial). Default true.
   */
  materialAspects?: boolean;
  /**
   * Round 7: the material stretch read whole (see describesMaterial): a verb or verbal noun before the material words
   * that end a stretch is material even written against the subject before it (文化振兴调研|报告, 组织振兴工作|总结).
   * Default true.
   */
  materialStretch?: boolean;
  /**
   * Round 7: the words for the kind of answer wanted (aspect nouns: 经验, 做法, 措施, 成效) ending a keyword query, with a
   * short qualifier or verb before them (典型做法, 建设经验), are aspects beside a subject, as material words are (see
   * namesKind). Default true.
   */
  kindNouns?: boolean;
  /**
   * Round 14: the 年 or 年度 typed after a year the texts hold (2020年, 2019年度) is part of the year, not a word of its
   * own: as one it ranked passages that say xxxx年 often (002-030) first. A dropped year's 年 already goes with it.
   * Default true.
   */
  yearSuffix?: boolean;
  /**
   * Round 14: a word for a kind of speech or text (TEXT_KIND_WORDS: 讲话, 调研, 宣讲, 发言, 述职) ending a request, apart
   * from the subject or before material words, is material like 材料; and in a stretch read for material (see
   * describesMaterial) a year and a form word (稿 of 宣讲|稿) end it as material words do. Default false (measured
   * and left off: docs/search.md, Material requests, round 14).
   */
  textKinds?: boolean;
  /**
   * Round 14: a word for a kind of text no text holds (GENRE_WORDS: 党课, 范本, 读后感, 发言, 述职) ending a request, apart
   * from the subject or before material words, is material like 材料: beside a subject the texts hold the answer is
   * no longer partial for want of it. Default true.
   */
  genreWords?: boolean;
  /**
   * Round 16: an English word for a kind of text (ENGLISH_KIND_WORDS: report, speech, draft, presentation) in a query
   * whose subject is typed in Chinese (two Han characters together) is dropped like 报告 and 讲稿, and the query is a
   * request for material: 组织振兴 report 2024 had report read as 报道. Default true.
   */
  englishKinds?: boolean;
  /**
   * Round 16: a word for a kind of text no text holds (GENRE_WORDS) opening the request, apart from what follows
   * (党课 发挥党员先锋模范作用, 经验交流 领头雁 队伍建设), is material as it is ending it (genreWords). Default true.
   */
  genreOpening?: boolean;
  /**
   * Round 16: a count of texts typed as one word (一篇, 几篇, 两份, 3篇, 一套) is dropped: as a naming word no text holds
   * it made every such request partial (想要一篇人才振兴的讲稿). Default true.
   */
  textCounts?: boolean;
  /**
   * Round 17: a word the chat context or the material words list that jieba cut in two (宣讲|稿, 周|五) is dropped
   * whole, as it is when jieba keeps it whole (宣讲稿 → dropped), and a form word so rejoined (…稿, a material word)
   * makes the query a request for material. Default true.
   */
  rejoinMaterial?: boolean;
  /**
   * Round 8: 主要 / 具体 / 到底 … right before a question's verb or asking word are dropped (question.ts
   * questionAdverbs): 拉萨扶贫主要发展哪些产业 asks about 扶贫 and 产业, not 主要. Default true.
   */
  questionAdverbs?: boolean;
  /**
   * Round 7: the tail after X的 read with material words and qualifiers (question.ts AspectTailOptions): X的典型经验,
   * X的典型案例, X的心得体会 ask for a kind of text about X. Default true.
   */
  aspectTail?: boolean;
  /**
   * Round 14: a numeral a related group's `say` strings leave outside a word (四 of 四下基层's 四下, 下基层 → 深入基层)
   * counts as two characters left over: a numbered set (四下基层, 三会一课) is a name of its own, not the group's topic
   * (see SearchEngineOptions.relatedUncoveredMax). Default false here; the engine passes numberedNames.
   */
  numberedNames?: boolean;
  /** Drop a lone verb repeating a character of a longer word of the query (搬 of 易地扶贫搬迁…搬了). Default true. */
  repeatedVerbs?: boolean;
  /**
   * Round 11: a two-character word of jieba's cut that no text holds, a place character glued to the verb or
   * function word after it (村想, 镇有, 县要 of 我们村想发展…), is the place, then the verb (see splitPlaceGlue).
   * Default true.
   */
  placeGlue?: boolean;
  /**
   * Round 17: splitPlaceGlue cuts apart only a word jieba's dictionary lacks (tag x, found by its HMM): a dictionary
   * word (乡下, 乡亲, 县里) is a word, not a place character glued to a verb. Default false (every such word).
   */
  placeGlueUnknown?: boolean;
  /**
   * Round 11: a noun after 哪 and a measure word (哪次会议, 哪家单位) is the kind of answer asked for, an aspect (question.ts
   * askedAspects). Default true.
   */
  whichMeasure?: boolean;
  /** Round 15: in X的Y有哪些Z, Y is the subject and Z the kind of answer (question.ts askedAspects). Default true. */
  askedNounSubject?: boolean;
  /**
   * Round 11: a noun after an asking determiner and one one-character adjective (有啥好模式, 有什么新办法) is the kind of
   * answer asked for, as without the adjective (question.ts askedAspects). Default true.
   */
  determinerModifier?: boolean;
  /**
   * Round 12: more words for the part, form or deadline of the material wanted (段落, 表格, 电子版, 明天, 月底:
   * vocabulary.ts CHAT_CONTEXT_WORDS) and dates (12月7日, 12.7) are dropped unless the texts hold them. Default true.
   */
  chatContext?: boolean;
  /** Most adjacent English words joined into one stretch of the texts (english.ts EnglishContext.maxJoined). */
  englishJoined?: number;
  /** Round 7's English rules (english.ts EnglishRules). Default all on. */
  englishRules?: EnglishRules;
  /** An English word no look-up knows read through the everyday Chinese for it (english.ts EnglishContext.saidAs). */
  saidAs?: (key: string) => string | undefined;
  /** An English word read as the texts' word holding its rare dictionary character (english.ts EnglishContext.characterSaid). */
  characterSaid?: (word: string) => string | undefined;
  /** A word found only inside a longer gloss read first as the texts' word its own character starts (english.ts EnglishContext.nearCharacter). */
  nearCharacter?: (word: string, near: readonly string[]) => string | undefined;
  /** Round 23: english.ts EnglishContext.lateGloss (SearchEngineOptions.englishLateGloss). */
  englishLateGloss?: number;
  /** A verb and its particle read as the texts' word glossed with them (english.ts EnglishContext.phrasal). */
  phrasal?: (verbStem: string, particle: string) => readonly PhrasalWord[] | undefined;
  /** Whether the texts hold a string as whole words (english.ts EnglishContext.inTextsWhole). Default: as inTexts. */
  inTextsWhole?: (text: string) => boolean;
}

/** Round 16 (englishKinds): two Han characters together (a subject typed in Chinese); a word in Latin letters. */
const HAN_PAIR = /\p{Script=Han}{2}/u;
const LATIN_WORD = /(?<![A-Za-z])[A-Za-z]+(?![A-Za-z])/g;
/**
 * Round 16 (textCounts): 上|一篇, 下|一篇, 这|一篇, 第|一篇: which text, not how many (上一篇 下一篇 is page chrome).
 */
function afterOrdinal(spans: readonly Span[], i: number): boolean {
  const prev = spans[i - 1];
  return prev !== undefined && prev.end === (spans[i] as Span).start && /[上下这那每第前后同另首末]$/u.test(prev.text);
}

/** Round 16 (textCounts): a count of texts (一篇, 几篇, 两份, 3篇, 一套). */
const TEXT_COUNT = /^(?:[一二两三四五六七八九十几数]|\d{1,2})[篇份套]$/u;
/**
 * A day of the month as chat writes it (12月7日, 12月7号, 12.7, 12/7): month and day only, neither part of a longer
 * number nor before a unit (2.3万名 is a quantity).
 */
const CHAT_DATE = /(?<![\d.\/])(?:(?:1[0-2]|0?[1-9])月(?:3[01]|[12]\d|0?[1-9])[日号]?|(?:1[0-2]|0?[1-9])[.\/](?:3[01]|[12]\d|0?[1-9])(?![\d.\/%万亿千百元个名户人]))/gu;

/** What may stand between the two halves of a separable word: 上不了学, 看不起病, 脱了贫, 上过学. */
const SEPARATING = /(\p{Script=Han})(不了|得了|不起|得起|不上|得上|不到|不成|不着|了|过)(\p{Script=Han})/gu;
/** Two-character `say` strings of the related terms (上学, 看病, 打工): words people ask with. */
const SAY_WORDS: ReadonlySet<string> = new Set(RELATED_TERMS.flatMap((g) => g.say).filter((w) => Array.from(w).length === 2));

/**
 * Joins a separable word (离合词) split by a complement or aspect marker: 上不了学 → 上学, 看不起病 → 看病, 脱了贫 → 脱贫,
 * when the two halves together are a word people ask with (a related term's `say`) or a word of the texts. jieba cuts
 * 上|不了|学, and neither 上 nor 学 says what the query is about; the negation says nothing a passage would.
 */
export function joinSeparable(text: string, isWord: (word: string) => boolean, longer = false, complements = false): string {
  const joined = text.replace(SEPARATING, (m, a: string, _mid: string, b: string) => (SAY_WORDS.has(a + b) || isWord(a + b) ? a + b : m));
  const across = longer ? joinAcross(joined, isWord, SEPARATING) : joined;
  return complements ? joinAcross(across, isWord, COMPLEMENT) : across;
}

/**
 * A directional or resultative complement after a one-character verb (亮出身份, 选出村干部, 评上先进): like a marker, it
 * goes when the verb and what follows, without it, make a stretch the lexicon or the texts say (亮身份, 选村干部).
 * Not before 来 or 去: 出来, 回去 are one complement, and without its first half 搬出来 would read 搬来 (moved in).
 */
const COMPLEMENT = /(\p{Script=Han})(出|起|上|下|进|回|开|到|好|完|成|掉|住)([^\P{Script=Han}来去])/gu;

/** Every `say` string of the related terms of three characters or more (拖后腿, 当兵回来). */
const SAY_LONG: ReadonlySet<string> = new Set(RELATED_TERMS.flatMap((g) => g.say).filter((w) => Array.from(w).length >= 3));
/** The longest stretch looked for across a marker, in characters on each side of it. */
const ACROSS_REACH = 4;

/**
 * A longer expression split by an aspect marker or complement (拖了后腿 of 农业拖了后腿, 当过兵回来): the marker goes
 * when the characters on both sides of it, without it, make a `say` string of three characters or more (拖后腿,
 * 当兵回来) or a word of the texts, stretching across the marker (joinSeparable's `longer`). People put 了 and 过
 * inside set phrases as they talk; the lexicon and the texts write them bare.
 */
function joinAcross(text: string, isWord: (word: string) => boolean, marker: RegExp): string {
  let out = text;
  for (let from = 0; ; ) {
    marker.lastIndex = from;
    const m = marker.exec(out);
    if (!m) return out;
    const junction = m.index + (m[1] as string).length;
    const rest = junction + (m[2] as string).length;
    const joined = out.slice(0, junction) + out.slice(rest);
    let found = false;
    for (let start = Math.max(0, junction - ACROSS_REACH); start < junction && !found; start++) {
      for (let end = Math.min(joined.length, junction + ACROSS_REACH); end > junction && !found; end--) {
        const stretch = joined.slice(start, end);
        if (stretch.length >= 3 && (SAY_LONG.has(stretch) || isWord(stretch))) found = true;
      }
    }
    if (found) {
      out = joined;
      from = junction;
    } else from = m.index + 1;
  }
}

/**
 * What people put inside an everyday expression as they talk: a degree or scope adverb (年纪都大了, 村里太穷, 收入也低),
 * 到 after a verb (分到钱, 回到村里), 的 (住院花的钱, 签约的医生) and a measure word between a verb and its object (找个活干,
 * 学门手艺, 挣点钱). joinInside drops one where the lexicon writes the expression without it.
 */
const INSIDE = /(\p{Script=Han})(都|也|还|就|很|太|挺|真|特别|非常|比较|到|的|个|门|件|点|些)(?=\p{Script=Han})/gu;
const INSIDE_TEST = /\p{Script=Han}(?:都|也|还|就|很|太|挺|真|特别|非常|比较|到|的|个|门|件|点|些)\p{Script=Han}/u;

/**
 * Drops a character of INSIDE where the characters on its two sides, without it, make a related terms' `say` string:
 * the two characters around it (分到钱 → 分钱, 回到村 → 回村) or a stretch of three or more across it (年纪都大 → 年纪大,
 * 住院花的钱 → 住院花钱). The stretch must start and end where jieba's cut of the query does (编篮子 is not said in
 * 竹编的篮子, a basket of bamboo weaving, where 编 ends the word 竹编), and never cross a `say` string the query already
 * says (村里都是老人, 又变穷). Each drop is decided on the text as typed, and all are made together.
 */
export function joinInside(text: string): string {
  if (!INSIDE_TEST.test(text)) return text;
  const said = sayMatches(text).map((m) => [m.at, m.at + m.entry.say.length] as const);
  let bounds: Set<number> | undefined;
  const drops: [number, number][] = [];
  for (const m of text.matchAll(INSIDE)) {
    const start = (m.index as number) + (m[1] as string).length;
    const end = start + (m[2] as string).length;
    if (said.some(([a, b]) => a < end && b > start)) continue;
    const joined = text.slice(0, start) + text.slice(end);
    // Stretches [from, to) of the joined text across the junction, checked against the cut of the text as typed.
    const stretches: [number, number][] = [];
    if (SAY_WORDS.has(joined.slice(start - 1, start + 1))) stretches.push([start - 1, start + 1]);
    for (let from = Math.max(0, start - ACROSS_REACH); from < start; from++) {
      for (let to = Math.min(joined.length, start + ACROSS_REACH); to > start; to--) {
        if (to - from >= 3 && SAY_LONG.has(joined.slice(from, to))) stretches.push([from, to]);
      }
    }
    if (stretches.length === 0) continue;
    bounds ??= new Set(cutWithSpans(text).flatMap((sp) => [sp.start, sp.end]));
    const cut = bounds;
    if (stretches.some(([from, to]) => cut.has(from) && cut.has(to + end - start))) drops.push([start, end]);
  }
  let out = text;
  for (let k = drops.length - 1; k >= 0; k--) {
    const [a, b] = drops[k] as [number, number];
    out = out.slice(0, a) + out.slice(b);
  }
  return out;
}

/** Every pair of characters in a `say` string of the related terms (网上 of 网上卖, 看病). */
const SAY_PAIRS: ReadonlySet<string> = new Set(
  RELATED_TERMS.flatMap((g) => g.say).flatMap((say) => {
    const chars = Array.from(say);
    return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  }),
);

/** A `say` string of the related terms: its group (RELATED_TERMS position) and its place in the group's list. */
interface SayEntry {
  group: number;
  at: number;
  say: string;
}

/**
 * Per first character, the related terms' `say` strings starting with it, in RELATED_TERMS order (group, then place
 * in the group): a query is read once, each position against the strings that can start there, instead of each
 * string of every group looked for in the whole query.
 */
// Keyed by the first character's code point, not the character: sayMatches looks up every character of the query,
// and a one-character string of a Han character is a new string (and hash) each time.
const SAY_BY_FIRST: ReadonlyMap<number, readonly SayEntry[]> = (() => {
  const map = new Map<number, SayEntry[]>();
  RELATED_TERMS.forEach((g, group) => {
    g.say.forEach((say, at) => {
      const first = say.codePointAt(0);
      if (first === undefined) return;
      const list = map.get(first) ?? [];
      list.push({ group, at, say });
      map.set(first, list);
    });
  });
  return map;
})();

/** A 16-bit hash of two UTF-16 code units (SAY_PAIR_BITS). */
const pairBit = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 16;

/**
 * Where a `say` string may start, as bits (8 KB each), read before SAY_BY_FIRST: sayMatches would otherwise ask the
 * Map at every character of the query and try each string of that first character (~74 `startsWith` a query over
 * the judged ones, on ~2,900 strings scattered in memory), though a string starts at one or two places at most.
 * SAY_ONE_BITS: the one-unit strings' characters; SAY_PAIR_BITS: the first two units of the longer ones, hashed.
 */
const SAY_ONE_BITS = new Uint32Array(0x10000 >>> 5);
const SAY_PAIR_BITS = new Uint32Array(0x10000 >>> 5);
for (const g of RELATED_TERMS) {
  for (const say of g.say) {
    const h = say.length === 1 ? say.charCodeAt(0) : pairBit(say.charCodeAt(0), say.charCodeAt(1));
    const bits = say.length === 1 ? SAY_ONE_BITS : SAY_PAIR_BITS;
    if (say.length > 0) bits[h >>> 5] = ((bits[h >>> 5] as number) | (1 << (h & 31))) >>> 0;
  }
}

/** Whether some `say` string may start at `i` of `text` (false is certain). */
function maySayAt(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  if (((SAY_ONE_BITS[a >>> 5] as number) & (1 << (a & 31))) !== 0) return true;
  if (i + 1 >= text.length) return false;
  const h = pairBit(a, text.charCodeAt(i + 1));
  return ((SAY_PAIR_BITS[h >>> 5] as number) & (1 << (h & 31))) !== 0;
}

/**
 * Every occurrence of a related terms' `say` string in the text, in the order of looking each string up in turn
 * (RELATED_TERMS order, then left to right), an occurrence overlapping the same string's previous one left out (as
 * `indexOf` from the end of the last find gives them).
 */
function sayMatches(text: string): { entry: SayEntry; at: number }[] {
  const found: { entry: SayEntry; at: number }[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const list = maySayAt(text, i) ? SAY_BY_FIRST.get(cp) : undefined;
    if (list) for (const entry of list) if (text.startsWith(entry.say, i)) found.push({ entry, at: i });
    i += cp > 0xffff ? 2 : 1;
  }
  if (found.length < 2) return found;
  found.sort((a, b) => a.entry.group - b.entry.group || a.entry.at - b.entry.at || a.at - b.at);
  // The same string again inside its previous occurrence (哈哈 twice in 哈哈哈): indexOf resumes after the first.
  let end = -1;
  let prev: SayEntry | undefined;
  return found.filter((m) => {
    if (m.entry === prev && m.at < end) return false;
    prev = m.entry;
    end = m.at + m.entry.say.length;
    return true;
  });
}

const YEAR = /^(?:19|20)\d\d$/;

/** An English word for a kind of text (report, speech, draft): ENGLISH_KIND_WORDS. */
function isEnglishKindWord(word: string): boolean {
  return ENGLISH_KIND_WORDS.has(word.toLowerCase());
}

/** A character every question form holds: most queries skip the forms' expressions altogether. */
const QUESTION_FORM_START = /[干做搞意指哪多几不没理看认评解]|mean/u;
const HAN_WORD = /^\p{Script=Han}+$/u;

/** Measure words a count question ends in (多少项, 几个, 几家). */
const MEASURES = /[个户支种名人次项条家所座处笔位批场]$/u;

/**
 * The measure word ending a count question form (多少项, 几家) when it opens a word the texts hold with what follows,
 * as jieba cuts the question (多少|项目|钱, 多少|家庭, 多少|人口, but 几个|人): that character belongs to the subject,
 * not to the question; '' otherwise.
 */
function measureOpening(form: string, text: string, at: number, inTexts: (t: string) => boolean): string {
  const next = text.charAt(at + form.length);
  if (!MEASURES.test(form) || !/\p{Script=Han}/u.test(next)) return '';
  const measureAt = form.length - 1;
  let pos = 0;
  for (const { word } of tag(text.slice(at, at + form.length + 4))) {
    if (pos === measureAt) return word.length > 1 && inTexts(word) ? form.charAt(measureAt) : '';
    pos += word.length;
    if (pos > measureAt) return '';
  }
  return '';
}

/**
 * Whether a word only says how the user asks or what kind of material they want: politeness and request words
 * always; material words (ppt, 材料, 最新 …) and years unless the texts contain them.
 */
function isChatNoise(word: string, inTexts: (text: string) => boolean, chatContext = false): boolean {
  if (POLITENESS_WORDS.has(word)) return true;
  // Round 12 (chatContext): what part of a text is wanted (段落, 介绍), in what form (表格, 电子版), by when (明天, 月底).
  if (chatContext && CHAT_CONTEXT_WORDS.has(word)) return !inTexts(word);
  if (MATERIAL_WORDS.has(word) || ENGLISH_MATERIAL_WORDS.has(word) || YEAR.test(word)) return !inTexts(word);
  return false;
}

/**
 * Whether a kept word (spans[i]) describes the material wanted rather than its subject: a material word or year the
 * texts hold (学习, 文件, 2019: isChatNoise drops those they lack), a word the texts lack ending in a material word
 * (学习材料, 学习心得, 事迹材料), or a verb opening a stretch of the query written without spaces that the cut ends in
 * material words (研究|范文, 培训|课件, 工作|总结: the material's kind).
 */
function describesMaterial(spans: readonly Span[], i: number, inTexts: (text: string) => boolean, stretch = false, kinds = false, genres = false, opening = false): boolean {
  const span = spans[i] as Span;
  const t = span.text;
  // A material word used as a verb (学习 of 在手机上学习党课) says what the user does, not what they want to read.
  if (YEAR.test(t) || (MATERIAL_WORDS.has(t) && !VERB_TAG.test(span.tag))) return true;
  // Round 14 (textKinds): 讲话, 调研, 述职 … ending the request, apart from the subject or before material words.
  if (kinds && TEXT_KIND_WORDS.has(t) && endsAsKind(spans, i)) return true;
  // Round 14 (genreWords): 党课, 范本, 发言 … that no text holds, ending the request the same way.
  if (genres && GENRE_WORDS.has(t) && (endsAsKind(spans, i) || (opening && opensAsKind(spans, i))) && !inTexts(t)) return true;
  if (materialCompound(t) && !inTexts(t)) return true;
  const chars = Array.from(t);
  if (!HAN_WORD.test(t)) return false;
  // A short noun closing a stretch that material words open (最新|政策, 今年|最新|文件): what kind of text is wanted.
  if (chars.length <= 2 && /^(?:n|vn)$/.test(span.tag) && closesMaterialStretch(spans, i)) return true;
  if (!VERB_OR_VERBAL_NOUN.test(span.tag)) return false;
  const prev = spans[i - 1];
  // Round 7 (materialStretch): written against the subject too (文化振兴调研|报告, 组织振兴工作|总结): the material
  // words after the verb still end the stretch, and what they name is the kind of text wanted.
  if (!stretch && prev !== undefined && prev.end === span.start && WORDLIKE.test(prev.text) && !MATERIAL_WORDS.has(prev.text)) return false;
  let j = i + 1;
  let material = 0;
  while (j < spans.length && (spans[j] as Span).start === (spans[j - 1] as Span).end) {
    const w = (spans[j] as Span).text;
    // Round 14 (textKinds): 稿 (宣讲|稿) and a material compound end the stretch as material words do, and a year
    // with its 年 may follow them (调研|报告|2019); a year alone after the verb (审查|2020) is no material.
    if (MATERIAL_WORDS.has(w) || (kinds && (w === '稿' || materialCompound(w)))) material++;
    else if (!(kinds && material > 0 && (YEAR.test(w) || isYearSuffix(w)))) break;
    j++;
  }
  const next = spans[j];
  return material > 0 && (next === undefined || next.start !== (spans[j - 1] as Span).end || !WORDLIKE.test(next.text));
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Round 14 (textKinds): a word that may end a request for material after its subject: a material word, a word for a
 * kind of text, a year with its 年, or a form word the chat context drops (稿 of 宣讲|稿, 汇编).
 */
const endsMaterial = (t: string): boolean =>
  MATERIAL_WORDS.has(t) || TEXT_KIND_WORDS.has(t) || GENRE_WORDS.has(t) || YEAR.test(t) || isYearSuffix(t) || CHAT_CONTEXT_WORDS.has(t) || materialCompound(t);

/**
 * Round 17 (rejoinMaterial): spans[i] and the span written against it, when together (not apart) they make a word of
 * the chat context or the material words that no text holds and jieba cut in two (宣讲|稿, 周|五): that word; ''
 * otherwise. spans[i] alone must be a word the query would keep (汇报 of 汇报|稿 goes by itself).
 */
function rejoinedNoise(spans: readonly Span[], i: number, inTexts: (text: string) => boolean): string {
  const a = spans[i] as Span;
  const b = spans[i + 1];
  if (b === undefined || b.start !== a.end) return '';
  const w = a.text + b.text;
  if (!(CHAT_CONTEXT_WORDS.has(w) || MATERIAL_WORDS.has(w)) || inTexts(w)) return '';
  return isChatNoise(a.text, inTexts, true) ? '' : w;
}

/** The 年 / 年度 typed after a year (2020年, 2019年度). */
const isYearSuffix = (t: string): boolean => t === '年' || t === '年度';

/** A word of four characters or more ending in a material word (学习材料, 事迹材料, 经验交流材料). */
function materialCompound(t: string): boolean {
  const chars = Array.from(t);
  if (chars.length < 4 || !HAN_WORD.test(t)) return false;
  for (let k = 2; k <= chars.length - 2; k++) if (MATERIAL_WORDS.has(chars.slice(k).join(''))) return true;
  return false;
}

/**
 * Whether the word for a kind of text at spans[i] ends the request (only words of endsMaterial, or no words, after it)
 * and either stands apart from the word before it (a space or punctuation: 组织振兴 讲话, 党建引领乡村振兴 调研) or has
 * such a word written against it (宣讲|稿, 调研|报告). Written against the subject and alone (组织振兴调研) it may be
 * the subject's own verb, and stays a word of the subject.
 */
function endsAsKind(spans: readonly Span[], i: number): boolean {
  for (let k = i + 1; k < spans.length; k++) {
    const t = (spans[k] as Span).text;
    if (WORDLIKE.test(t) && !endsMaterial(t)) return false;
  }
  const span = spans[i] as Span;
  const prev = spans[i - 1];
  const next = spans[i + 1];
  if (next !== undefined && next.start === span.end && WORDLIKE.test(next.text)) return true;
  return prev === undefined || prev.end !== span.start || !WORDLIKE.test(prev.text) || endsMaterial(prev.text);
}

/**
 * Round 16 (genreOpening): whether the word for a kind of text at spans[i] opens the request (only words of
 * endsMaterial or request words before it: 求, 急需) and stands apart from what follows (a space or punctuation:
 * 党课 发挥党员先锋模范作用, 经验交流 领头雁): typed first, it says what is wanted as it does typed last.
 */
function opensAsKind(spans: readonly Span[], i: number): boolean {
  for (let k = 0; k < i; k++) {
    const t = (spans[k] as Span).text;
    if (WORDLIKE.test(t) && !endsMaterial(t) && !POLITENESS_WORDS.has(t) && !QUERY_FILLERS.has(t)) return false;
  }
  const span = spans[i] as Span;
  const next = spans[i + 1];
  return next !== undefined && (next.start !== span.end || !WORDLIKE.test(next.text));
}

/** A word for the kind of answer or text wanted: an aspect noun (经验, 做法, 措施, 成效), a material word or a year. */
const isKindWord = (t: string): boolean => ASPECT_NOUNS.has(t) || MATERIAL_WORDS.has(t) || YEAR.test(t);

/**
 * Whether spans[i] belongs to the words for the kind of answer wanted that end a keyword query (round 7, kindNouns):
 * 经验 of 乡村治理 经验, 经验 and 做法 of 家庭医生 经验做法, with a short noun or adjective qualifying the first of them
 * (典型 of 产业振兴 典型做法) or a verb written against it (建设 of 活动场所 建设经验). Every word after them is such a
 * word (or a year, punctuation, a space), one at least an aspect noun, and they stand apart from the subject (a space
 * or punctuation before them) or, written against it, are two words at least that make no expression the texts hold
 * with it (家庭医生经验做法, 产业振兴典型做法; not 措施 of 六脱措施, a name: “六脱”措施). 做法 of 做法创新 is not at the end.
 */
function namesKind(spans: readonly Span[], i: number, inTexts: (text: string) => boolean): boolean {
  // The kind words' run: from the end of the query back over kind words and what is no word.
  let start = spans.length;
  let aspect = false;
  while (start > 0) {
    const t = (spans[start - 1] as Span).text;
    if (WORDLIKE.test(t) && !isKindWord(t)) break;
    if (ASPECT_NOUNS.has(t)) aspect = true;
    start--;
  }
  while (start < spans.length && !WORDLIKE.test((spans[start] as Span).text)) start++;
  if (!aspect || start >= spans.length) return false;
  // A short qualifier or verb written against the first of them (典型|做法, 建设|经验).
  const first = spans[start] as Span;
  const before = spans[start - 1];
  if (before !== undefined && before.end === first.start && ASPECT_NOUNS.has(first.text)) {
    const qualifier = Array.from(before.text).length <= 2 && (QUALIFIER_TAG.test(before.tag) || VERB_OR_VERBAL_NOUN.test(before.tag));
    if (qualifier) start--;
  }
  if (i < start) return false;
  const head = spans[start] as Span;
  const prev = spans[start - 1];
  if (prev === undefined) return false;
  if (prev.end !== head.start || !WORDLIKE.test(prev.text)) return true;
  // Written against the subject: two words at least (经验做法, 典型做法), since one may end a name (“六脱”措施), and
  // no expression the texts hold with the word before them.
  let words = 0;
  for (let k = start; k < spans.length; k++) if (WORDLIKE.test((spans[k] as Span).text)) words++;
  return words >= 2 && !inTexts(prev.text + head.text);
}

/** Whether spans[i] ends a stretch written without spaces whose other words are all material words (one at least). */
function closesMaterialStretch(spans: readonly Span[], i: number): boolean {
  const span = spans[i] as Span;
  const next = spans[i + 1];
  if (next !== undefined && next.start === span.end && WORDLIKE.test(next.text)) return false;
  let k = i - 1;
  let material = 0;
  while (k >= 0 && (spans[k] as Span).end === (spans[k + 1] as Span).start && MATERIAL_WORDS.has((spans[k] as Span).text)) {
    material++;
    k--;
  }
  const before = spans[k];
  return material > 0 && (before === undefined || before.end !== (spans[k + 1] as Span).start || !WORDLIKE.test(before.text));
}

/** Whether [start, end) lies strictly inside one span, touching neither of its ends. */
function insideWord(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((sp) => sp.start < start && sp.end > end);
}

/** jieba's tags of verbs and verbal nouns (研究 vn, 学习 v). */
const VERB_OR_VERBAL_NOUN = /^v[ndi]?$/;

interface Span {
  text: string;
  start: number;
  end: number;
  /** jieba's part-of-speech tag. */
  tag: string;
}

/** A lone content character of the cut (not a stop word, not a filler). */
function lone(s: Span | undefined): s is Span {
  return s !== undefined && s.text.length === 1 && HAN_WORD.test(s.text) && !isStopWord(s.text) && !QUERY_FILLERS.has(s.text);
}

/**
 * Two lone Han characters jieba cut apart (走|丢 of 家里老人走丢了) that together make a word of the dictionary the
 * texts lack are one word of the query: as two lone characters they are no key word, so the query's other words made
 * a full answer of a topic the texts never discuss (老人 through 养老驿站). As one word the texts lack it keeps the
 * answer partial, and it gets library neighbours like any such word. Neither character may be a stop word or filler
 * (了, 的, 咋), and the pair must not be in any text: the texts' own words are cut the texts' way.
 */
function joinLoneCharacters(spans: Span[], isWord: (word: string) => boolean, inTexts: (text: string) => boolean): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i] as Span;
    const b = spans[i + 1];
    if (lone(a) && lone(b) && a.end === b.start && !inTexts(a.text + b.text) && isWord(a.text + b.text)) {
      out.push({ text: a.text + b.text, start: a.start, end: b.end, tag: VERB_TAG.test(a.tag) || VERB_TAG.test(b.tag) ? 'v' : a.tag });
      i++;
    } else out.push(a);
  }
  return out;
}

/** jieba's tags of verbs (v, vd, vi; not vn, a verb used as a noun). */
const VERB_TAG = /^v[di]?$/;

/** jieba's tags of adjectives and adverbs (重要 of X的重要意义). */
const MODIFIER_TAG = /^(?:a[dn]?|d)$/;

/** Tags of words that do not name anything: verbs, adjectives, adverbs (their nominal uses vn, an do name). */
const NOT_NAMING = /^(?:v[dgi]?|a[dg]?|d[g]?|z|[rpcuyeoq])$/;

/** jieba's tags of a word that may qualify the kind of answer after it (典型 n, 成功 a, 主要 b). */
const QUALIFIER_TAG = /^(?:n|a|an|b)$/;

/** jieba's tags of place and direction words (村里, 家里, 城里, 上面): they say where, not what about. */
export const PLACE_TAG = /^[sf]$/;

/** A Latin letter: the query has English words (EnglishRules.wholeStretches). */
const LATIN = /[a-z]/i;
/** Fewest characters of a run spelt from English that keepStretchesWhole keeps whole. */
const COMPOSED_WHOLE = 4;

/**
 * Round 14 (english.ts EnglishRules.wholeStretches): in a query with English words, a run of Chinese whose characters
 * the cut's kept words do not all cover (电|商人|才 of 电商人才 spelt from e-commerce talent; 等|靠|要 typed among English
 * words) is one word where the texts hold it — the whole run, or else its uncovered characters (two or more) — when no
 * word of the cut crosses its ends. `kept` tells a word of the cut the analyser keeps.
 */
function keepStretchesWhole(spans: Span[], text: string, typedText: string, inTexts: (text: string) => boolean, kept: (word: string) => boolean): Span[] {
  let out = spans;
  for (const m of text.matchAll(HAN_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end - start < 2) continue;
    const covered = new Uint8Array(end - start);
    for (const s of out) if (s.start >= start && s.end <= end && kept(s.text)) covered.fill(1, s.start - start, s.end - start);
    if (covered.every((c) => c === 1)) continue;
    let from = -1;
    let to = -1;
    // Typed so (等靠要 among English words): the user named it. Spelt from English, a run of four characters or more
    // (电商人才): a shorter one the English made may be characters side by side by chance (四个自 of four respects).
    const typed = typedText.includes(m[0]);
    if ((typed || end - start >= COMPOSED_WHOLE) && inTexts(m[0])) {
      from = start;
      to = end;
    } else if (typed) {
      for (let a = 0; a < covered.length; ) {
        if (covered[a] === 1) {
          a++;
          continue;
        }
        let b = a;
        while (b < covered.length && covered[b] === 0) b++;
        if (b - a >= 2 && b - a > to - from && inTexts(text.slice(start + a, start + b))) {
          from = start + a;
          to = start + b;
        }
        a = b;
      }
    }
    if (from < 0 || out.some((s) => (s.start < from && s.end > from) || (s.start < to && s.end > to))) continue;
    const whole: Span = { text: text.slice(from, to), start: from, end: to, tag: 'n' };
    out = [...out.filter((s) => s.end <= from), whole, ...out.filter((s) => s.start >= to)];
  }
  return out;
}

/** jieba's precise cut (the same words as `cut`, HMM on) with tags and offsets into `text`. */
function cutWithSpans(text: string): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  for (const { word, tag: t } of tag(text)) {
    const at = text.indexOf(word, pos);
    const start = at >= 0 ? at : pos;
    spans.push({ text: word, start, end: start + word.length, tag: t });
    pos = start + word.length;
  }
  return spans;
}

/**
 * Mends jieba's cut of a query where a word it made is in no text but a neighbour plus one of its characters is:
 * 安置|点有|几个 → 安置点|有|几个, when the character left over is a function word; and a lone content character that
 * belongs to its neighbour: 安置|点 → 安置点.
 */
/** A span of Han characters. */
function han(s: Span | undefined): s is Span {
  return s !== undefined && s.text.length > 0 && HAN_WORD.test(s.text);
}

/** Whether `prev`, a Han word of two characters or more just before `s`, followed by `c` is a string of the texts. */
function joinsBefore(prev: Span | undefined, s: Span, c: string, inTexts: (text: string) => boolean): boolean {
  return han(prev) && prev.end === s.start && Array.from(prev.text).length >= 2 && inTexts(prev.text + c);
}

/** Whether `c` followed by `next`, a Han word of two characters or more just after `s`, is a string of the texts. */
function joinsAfter(next: Span | undefined, s: Span, c: string, inTexts: (text: string) => boolean): boolean {
  return han(next) && next.start === s.end && Array.from(next.text).length >= 2 && inTexts(c + next.text);
}

/** A content word of two characters or more (not 的 of 的|新闻报道). */
function contentWord(x: Span | undefined): x is Span {
  return han(x) && Array.from(x.text).length >= 2 && !isStopWord(x.text);
}

const NEVER = (): boolean => false;
const ALWAYS = (): boolean => true;

function repairCut(spans: Span[], inTexts: (text: string) => boolean, hasTerm: (term: string) => boolean): Span[] {
  const out = spans.map((s) => ({ ...s }));
  for (let i = 0; i < out.length; i++) {
    const s = out[i] as Span;
    if (!han(s)) continue;
    const chars = Array.from(s.text);
    const prev = out[i - 1];
    const next = out[i + 1];
    if (chars.length === 1) {
      // A lone character that makes a question filler with the next word's first character: 一|共建|了 of 一共建了
      // is 一共|建|了 (the filler then goes, and 共建, a word of the texts, is not searched for).
      const first = han(next) && next.start === s.end ? (Array.from(next.text)[0] as string) : '';
      if (first && Array.from(next!.text).length >= 2 && QUERY_FILLERS.has(s.text + first)) {
        s.text += first;
        s.end += first.length;
        s.tag = 'x';
        next!.text = next!.text.slice(first.length);
        next!.start += first.length;
        continue;
      }
      // A lone content character that belongs to its neighbour in the texts: 安置|点 → 安置点.
      if (isStopWord(s.text)) continue;
      if (joinsBefore(prev, s, s.text, inTexts)) {
        (prev as Span).text += s.text;
        (prev as Span).end = s.end;
        (prev as Span).tag = 'x';
        s.text = '';
      } else if (joinsAfter(next, s, s.text, inTexts)) {
        (next as Span).text = s.text + (next as Span).text;
        (next as Span).start = s.start;
        (next as Span).tag = 'x';
        s.text = '';
      }
      continue;
    }
    // A longer word in no text whose first (last) characters complete the word before (after) it as a word of the
    // texts (as written there), leaving a word of the texts of two characters or more: 生活|垃圾处理 → 生活垃圾|处理.
    if (chars.length >= 4 && !inTexts(s.text)) {
      // Only against a content word of two characters or more (not 的 of 的|新闻报道).
      for (let k = 1; k + 2 <= chars.length; k++) {
        const head = chars.slice(0, k).join('');
        const rest = chars.slice(k).join('');
        if (contentWord(prev) && prev.end === s.start && inTexts(prev.text + head) && hasTerm(rest)) {
          prev.text += head;
          prev.end += head.length;
          prev.tag = 'x';
          s.text = rest;
          s.start += head.length;
          break;
        }
        const front = chars.slice(0, chars.length - k).join('');
        const back = chars.slice(chars.length - k).join('');
        if (front.length >= 2 && contentWord(next) && next.start === s.end && inTexts(back + next.text) && hasTerm(front)) {
          next.text = back + next.text;
          next.start -= back.length;
          next.tag = 'x';
          s.text = front;
          s.end -= back.length;
          break;
        }
      }
      continue;
    }
    // A word people ask with (看病, 网上 of 网上卖: related terms attach to it below) is left whole.
    if (chars.length !== 2 || inTexts(s.text) || SAY_PAIRS.has(s.text)) continue;
    const [a, b] = chars as [string, string];
    // Only where the character left over is a function word (点有 → 安置点 + 有): 集体|经计 is a typo, not a bad cut.
    if (joinsBefore(prev, s, a, inTexts) && isStopWord(b)) {
      (prev as Span).text += a;
      (prev as Span).end += a.length;
      s.text = b;
      s.start += a.length;
      s.tag = 'x';
    } else if (joinsAfter(next, s, b, inTexts) && isStopWord(a)) {
      (next as Span).text = b + (next as Span).text;
      (next as Span).start -= b.length;
      s.text = a;
      s.end -= b.length;
    }
  }
  return out.filter((s) => s.text.length > 0);
}

/** Characters of a kind of place a speaker puts before a verb: 我们村想…, 请问镇有…, 县要…. */
const PLACE_CHARACTERS = /^[村镇乡县区市省]$/u;
/** jieba's tags of a lone character that says what to do or how, not what about (想, 有, 要, 搞, 该, 能). */
const GLUED_TAG = /^(?:v[dgi]?|d|[rpcuy])$/;

/**
 * jieba's HMM glues a place character to the one-character verb after it (我们|村想|发展, 请问|镇有|哪些) into a word
 * no text holds: as a word the texts lack it keeps every answer partial and draws neighbours of its own. When the
 * word is in no text, its first character is a kind of place and its second, read alone, a verb, adverb or function
 * word (jieba's tag, or a stop word), the two are cut apart: the place (tagged s, a place word: it weighs as one) and
 * the verb (its own tag). The texts' own words are left whole (乡村, 市场, 县级).
 */
function splitPlaceGlue(spans: Span[], inTexts: (text: string) => boolean, unknownOnly = false): Span[] {
  let out: Span[] | undefined;
  spans.forEach((s, i) => {
    const verbTag = (!unknownOnly || s.tag === 'x') && s.text.length === 2 && PLACE_CHARACTERS.test(s.text.charAt(0)) && HAN_WORD.test(s.text) ? gluedVerbTag(s.text, inTexts) : undefined;
    if (verbTag === undefined) {
      out?.push(s);
      return;
    }
    out ??= spans.slice(0, i);
    out.push({ text: s.text.charAt(0), start: s.start, end: s.start + 1, tag: 's' }, { text: s.text.charAt(1), start: s.start + 1, end: s.end, tag: verbTag });
  });
  return out ?? spans;
}

/** The tag of the second character of a place character glued to a verb (see splitPlaceGlue), or undefined. */
function gluedVerbTag(word: string, inTexts: (text: string) => boolean): string | undefined {
  if (inTexts(word)) return undefined;
  const verb = word.charAt(1);
  const verbTag = tag(verb)[0]?.tag ?? 'x';
  return isStopWord(verb) || GLUED_TAG.test(verbTag) ? verbTag : undefined;
}

/** A concept's smaller words and bigrams, from its heads. */
function piecesOf(heads: readonly string[]): { parts: readonly string[]; grams: readonly string[] } {
  const headSet = new Set(heads);
  const parts = unique(heads.flatMap((h) => wordTermsCached(h))).filter((w) => !headSet.has(w));
  const grams = unique(heads.flatMap((h) => gramTerms(h)));
  return { parts, grams };
}

// A single head's pieces (most concepts have one), made once per process: the same words recur across queries.
const headPieces = createBoundedMemo<string, { parts: readonly string[]; grams: readonly string[] }>(20_000);

function makeConcept(text: string, kind: Concept['kind'], heads: string[], naming = true): Concept {
  const only = heads.length === 1 ? (heads[0] as string) : undefined;
  const pieces = only === undefined ? piecesOf(heads) : (headPieces.get(only) ?? headPieces.set(only, piecesOf(heads)));
  // Every optional field present from the start (undefined until set): one object shape for all concepts, where
  // fields added later made nine, and the engine's property reads on concepts megamorphic. The arrays copied by slice.
  return {
    text,
    kind,
    naming,
    heads,
    parts: pieces.parts.slice(),
    grams: pieces.grams.slice(),
    related: [],
    relatedText: [],
    senses: undefined,
    relatedUncovered: undefined,
    stranded: undefined,
    aspect: undefined,
    nearby: undefined,
    place: undefined,
  };
}

/**
 * Analyses the free text and phrases of a parsed query into concepts. English words the vocabulary knows become
 * their Chinese term; question words and fillers are dropped; related terms attach to the concept they overlap.
 * `hasTerm` tells whether the index holds a word term (default: assume not).
 */
export function analyzeQuery(
  freeText: string,
  phrases: readonly string[],
  context: AnalyzeContext | ((term: string) => boolean) = {},
): AnalyzedQuery {
  const ctx: AnalyzeContext = typeof context === 'function' ? { hasTerm: context } : context;
  const hasTerm = ctx.hasTerm ?? NEVER;
  const inTexts = ctx.inTexts ?? ALWAYS;
  const concepts: Concept[] = [];
  const dropped: string[] = [];
  let asksMaterial = false;
  // Round 26 (askedYearHeld): a dropped year, and whether anything but a year marked the query as asking for material.
  const yearsDropped: string[] = [];
  let otherMaterial = false;
  // Question forms (是干什么的, 多少种, 哪三…) out before the cut; what the texts say themselves stays.
  let asked = freeText;
  if (QUESTION_FORM_START.test(freeText)) for (const form of QUESTION_FORMS) {
    asked = asked.replace(form, (m: string, ...rest: unknown[]) => {
      if (inTexts(m)) return m;
      const at = rest.find((x) => typeof x === 'number') as number;
      const kept = measureOpening(m, asked, at, inTexts);
      dropped.push(kept ? m.slice(0, -kept.length) : m);
      return ` ${kept}`;
    });
  }
  // Round 12 (chatContext): a date the message needs the material by (12月7日, 12.7) is no part of its subject, unless
  // the texts hold it.
  const chatContext = ctx.chatContext !== false;
  if (chatContext && /\d/.test(asked)) {
    asked = asked.replace(CHAT_DATE, (m: string) => {
      if (inTexts(m)) return m;
      dropped.push(m);
      otherMaterial = true;
      return ' ';
    });
  }
  // Round 16 (englishKinds): report, speech, draft … beside a subject typed in Chinese say what kind of text is wanted.
  if (ctx.englishKinds !== false && HAN_PAIR.test(asked) && (asked.match(LATIN_WORD) ?? []).some(isEnglishKindWord)) {
    asked = asked.replace(LATIN_WORD, (m: string) => {
      if (!isEnglishKindWord(m)) return m;
      dropped.push(m);
      asksMaterial = true;
      otherMaterial = true;
      return ' ';
    });
  }
  if (ctx.separable !== false) asked = joinSeparable(asked, (w) => hasTerm(w) && inTexts(w), ctx.separableLonger === true, ctx.complements === true);
  if (ctx.insideJoin === true) asked = joinInside(asked);
  const { text, english, glossed, chinese, translated, untranslated } = mapEnglish(asked, { glossary: ctx.glossary, hasTerm, inTexts, numbers: ctx.englishNumbers, maxJoined: ctx.englishJoined, rules: ctx.englishRules, inTextsWhole: ctx.inTextsWhole, saidAs: ctx.saidAs, characterSaid: ctx.characterSaid, nearCharacter: ctx.nearCharacter, phrasal: ctx.phrasal, lateGloss: ctx.englishLateGloss });
  const cutSpans = cutWithSpans(text);
  // Typos are looked for in jieba's own cut, before the repairs below (集体|经计 must not become 集体经|计).
  const runs: string[][] = [];
  let run: string[] = [];
  let runEnd = -1;
  for (const span of cutSpans) {
    const t = span.text;
    const kept = t.length > 0 && !QUERY_FILLERS.has(t) && isIndexable(t) && (english.has(t) || !isChatNoise(t, inTexts, chatContext));
    const han = kept && HAN_WORD.test(t) && !english.has(t);
    if (han && span.start === runEnd) run.push(t);
    else {
      if (run.join('').length > 1) runs.push(run);
      run = han ? [t] : [];
    }
    runEnd = han ? span.end : -1;
  }
  if (run.join('').length > 1) runs.push(run);
  const repaired = repairCut(ctx.placeGlue === false ? cutSpans : splitPlaceGlue(cutSpans, inTexts, ctx.placeGlueUnknown === true), inTexts, hasTerm);
  const joinedLone = ctx.isDictionaryWord ? joinLoneCharacters(repaired, ctx.isDictionaryWord, inTexts) : repaired;
  const spans =
    ctx.englishRules?.wholeStretches !== false && LATIN.test(freeText)
      ? keepStretchesWhole(joinedLone, text, freeText, inTexts, (t) => t.length > 0 && !QUERY_FILLERS.has(t) && isIndexable(t) && (english.has(t) || !isChatNoise(t, inTexts, chatContext)))
      : joinedLone;
  const spanConcepts: { span: Span; concept: Concept }[] = [];
  const kept: Span[] = [];
  const aspectSpans: Span[] = [];
  // Kept words that describe the material wanted (see describesMaterial): aspects when the query names a subject.
  const materialSpans: Span[] = [];
  const aspects = askedAspects(
    text,
    spans,
    (i) => {
      const t = (spans[i] as Span).text;
      return HAN_WORD.test(t) && Array.from(t).length > 1 && !QUERY_FILLERS.has(t) && isIndexable(t) && !isChatNoise(t, inTexts, chatContext);
    },
    (i) => VERB_TAG.test((spans[i] as Span).tag),
    (i) => MODIFIER_TAG.test((spans[i] as Span).tag),
    ctx.aspectTail === false
      ? {}
      : {
          isMaterial(i) {
            return MATERIAL_WORDS.has((spans[i] as Span).text);
          },
          isQualifier(i) {
            return QUALIFIER_TAG.test((spans[i] as Span).tag) && Array.from((spans[i] as Span).text).length <= 2;
          },
        },
    ctx.whichMeasure !== false,
    ctx.determinerModifier !== false,
    ctx.askedNounSubject !== false,
  );
  const adverbs = ctx.questionAdverbs === false ? new Set<number>() : questionAdverbs(text, spans, (i) => /^v/.test((spans[i] as Span).tag), freeText);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    const t = span.text;
    if (t.length === 0 || QUERY_FILLERS.has(t) || !isIndexable(t)) continue;
    // Round 17 (rejoinMaterial): a listed word jieba cut in two (宣讲|稿) goes whole, as it would uncut.
    const rejoined = ctx.rejoinMaterial !== false && chatContext ? rejoinedNoise(spans, i, inTexts) : '';
    if (rejoined) {
      dropped.push(rejoined);
      if (MATERIAL_WORDS.has(rejoined) || rejoined.endsWith('稿')) asksMaterial = otherMaterial = true;
      i++;
      continue;
    }
    // Round 14 (yearSuffix): the 年 / 年度 of a year the texts hold (2020年) is the year's, as a dropped year's is.
    if (isYearSuffix(t) && ctx.yearSuffix !== false && i > 0 && (spans[i - 1] as Span).end === span.start && YEAR.test((spans[i - 1] as Span).text)) {
      dropped.push(t);
      continue;
    }
    if (ctx.whichMeasure !== false && isWhichMeasure(t)) {
      dropped.push(t);
      continue;
    }
    if (adverbs.has(i)) {
      dropped.push(t);
      continue;
    }
    // Round 16 (textCounts): how many texts are wanted (一篇, 几篇, 两份, 3篇) says nothing about their subject.
    if (ctx.textCounts !== false && TEXT_COUNT.test(t) && !inTexts(t) && !afterOrdinal(spans, i)) {
      dropped.push(t);
      otherMaterial = true;
      continue;
    }
    // Cut apart (3|篇): the digits and the measure go together.
    const measure = spans[i + 1];
    if (ctx.textCounts !== false && /^\d{1,2}$/.test(t) && measure !== undefined && measure.start === span.end && TEXT_COUNT.test(t + measure.text) && !inTexts(t + measure.text)) {
      dropped.push(t + measure.text);
      otherMaterial = true;
      i++;
      continue;
    }
    if (!english.has(t) && isChatNoise(t, inTexts, chatContext)) {
      dropped.push(t);
      const year = YEAR.test(t);
      const material = MATERIAL_WORDS.has(t) || ENGLISH_MATERIAL_WORDS.has(t);
      if (material || year) asksMaterial = true;
      // What part or form of a text is wanted and by when (段落, 表格, 明天) speaks of material too; politeness does not.
      if (year) yearsDropped.push(t);
      else if (material || CHAT_CONTEXT_WORDS.has(t)) otherMaterial = true;
      // "2023年": the 年 of a dropped year goes with it.
      const next = spans[i + 1];
      if (year && next && next.start === span.end && isYearSuffix(next.text)) i++;
      continue;
    }
    kept.push(span);
    const mapped = english.get(t);
    const concept = mapped
      ? makeConcept(t, 'english', [...mapped])
      : makeConcept(t, 'word', [t], !NOT_NAMING.test(span.tag));
    if (!mapped && aspects.has(i)) {
      concept.aspect = true;
      aspectSpans.push(span);
    }
    if (!mapped && ctx.materialAspects !== false && (describesMaterial(spans, i, inTexts, ctx.materialStretch !== false, ctx.textKinds === true, ctx.genreWords !== false, ctx.genreOpening !== false) || (ctx.kindNouns !== false && namesKind(spans, i, inTexts)))) materialSpans.push(span);
    if (PLACE_TAG.test(span.tag)) concept.place = true;
    const existing = concepts.find((c) => c.text === concept.text);
    if (existing) {
      spanConcepts.push({ span, concept: existing });
      continue;
    }
    concepts.push(concept);
    spanConcepts.push({ span, concept });
  }
  // Material words the texts hold (学习, 文件, a year such as 2019), material compounds (学习材料) and a verb fused
  // to a material word (研究|范文): beside a subject they say what kind of text is wanted, not what it is about. Like
  // the kind of answer a question asks for, they add to the score but neither make a passage a result nor are required.
  if (materialSpans.length > 0) {
    otherMaterial = true;
    const material = new Set(materialSpans.map((m) => m.text));
    // A subject the texts hold: beside a word they lack (念念 of 开会念念文件就完事) the material word may be the topic.
    const subject = concepts.some(
      (c) => c.kind === 'phrase' || (!material.has(c.text) && !c.aspect && c.naming && (c.kind === 'english' || c.heads.some((h) => hasTerm(h) || inTexts(h)))),
    );
    if (subject) {
      asksMaterial = true;
      for (const c of concepts) {
        if (!material.has(c.text) || c.aspect) continue;
        c.aspect = true;
        for (const m of materialSpans) if (m.text === c.text) aspectSpans.push(m);
      }
    }
  }
  // A lone verb repeating a character of a longer word of the query (搬 of 易地扶贫搬迁一共搬了多少人) adds nothing the
  // longer word does not say, yet as a rare term it would rank a passage that merely uses the character (搬得出).
  for (let k = ctx.repeatedVerbs === false ? -1 : concepts.length - 1; k >= 0; k--) {
    const c = concepts[k] as Concept;
    if (c.kind !== 'word' || c.aspect || c.naming || Array.from(c.text).length !== 1 || !HAN_WORD.test(c.text)) continue;
    if (concepts.some((o) => o !== c && o.kind === 'word' && !o.aspect && Array.from(o.text).length > 1 && o.text.includes(c.text))) {
      concepts.splice(k, 1);
    }
  }
  // Per concept, per related group: the characters of the word its `say` strings cover (bits from the word's start;
  // 银行 and 贷款, both strings of one group, cover 银行贷款 between them).
  let covered: Map<Concept, Map<number, { span: Span; bits: number }>> | undefined;
  // Related terms: a `say` string found in the query attaches its group to the concepts it overlaps.
  for (const { entry, at } of sayMatches(text)) {
    const group = RELATED_TERMS[entry.group] as (typeof RELATED_TERMS)[number];
    const say = entry.say;
    // Inside a word of the cut, touching neither of its ends (村规 of 乡村规划), the string is no word said.
    if (insideWord(spans, at, at + say.length)) continue;
    let overlapping = spanConcepts.filter((sc) => sc.span.start < at + say.length && sc.span.end > at);
    if (overlapping.length === 0 && ctx.loneSay === true && Array.from(say).length > 1) {
      const span: Span = { text: say, start: at, end: at + say.length, tag: 'n' };
      const concept = concepts.find((c) => c.text === say) ?? makeConcept(say, 'word', [say]);
      if (!concepts.includes(concept)) concepts.push(concept);
      spanConcepts.push({ span, concept });
      overlapping = [{ span, concept }];
    }
    for (const { span, concept } of overlapping) {
      let byGroup = covered?.get(concept);
      if (!byGroup) (covered ??= new Map()).set(concept, (byGroup = new Map()));
      const cover = byGroup.get(entry.group) ?? { span, bits: 0 };
      for (let k = Math.max(at, span.start); k < Math.min(at + say.length, span.end) && k - span.start < 31; k++) cover.bits |= 1 << (k - span.start);
      byGroup.set(entry.group, cover);
      for (const term of group.text) {
        if (concept.heads.includes(term) || concept.relatedText.includes(term)) continue;
        concept.relatedText.push(term);
        // The related term itself when the index has it; its smaller words only when it does not, since those
        // are often generic (农村电商 → 农村) and would pull in half the corpus. A lone character of one
        // (点 of 安置点) says nothing about the related term: left out.
        const words = hasTerm(term) ? [term] : wordTermsCached(term).filter((w) => Array.from(w).length > 1);
        for (const w of words) {
          if (!concept.related.includes(w) && !concept.heads.includes(w)) concept.related.push(w);
        }
      }
    }
  }
  for (const [concept, byGroup] of covered ?? []) {
    const least = new Map<string, number>();
    for (const [g, { span, bits }] of byGroup) {
      let outside = span.end - span.start;
      for (let b = bits; b !== 0; b &= b - 1) outside--;
      if (ctx.numberedNames === true && outside > 0) {
        for (let k = 0; k < span.end - span.start && k < 31; k++) if ((bits & (1 << k)) === 0 && NUMERAL_CHAR.test(span.text[k] as string)) outside += 1;
      }
      for (const term of (RELATED_TERMS[g] as (typeof RELATED_TERMS)[number]).text) {
        for (const w of hasTerm(term) ? [term] : wordTermsCached(term)) least.set(w, Math.min(outside, least.get(w) ?? Infinity));
      }
    }
    const list = concept.related.flatMap((word) => ((least.get(word) ?? 0) > 0 ? [{ word, uncovered: least.get(word) as number }] : []));
    if (list.length > 0) concept.relatedUncovered = list;
  }
  // English through the dictionary: a concept named as typed, matched by the library's words glossed with it.
  for (const g of glossed) {
    if (concepts.some((c) => c.text === g.text)) continue;
    const concept = makeConcept(g.text, 'english', g.heads);
    // Its weaker senses count as related terms: found, but below the strong ones.
    concept.related = g.weaker.filter((w) => !g.heads.includes(w));
    concept.relatedText = [...concept.related];
    if (concept.related.length > 0) concept.senses = true;
    if (g.guess) concept.guess = true;
    if (g.looseSenses) concept.looseSenses = g.looseSenses.filter((w) => concept.related.includes(w));
    concepts.push(concept);
  }
  for (const phrase of phrases) {
    if (concepts.some((c) => c.text === phrase)) continue;
    concepts.push(makeConcept(phrase, 'phrase', [phrase]));
  }
  // With English mapped to Chinese, the query as typed cannot occur in the texts; its translation can (family
  // doctors → 家庭医生), when every English word was translated. Dropped words are no part of what the texts hold.
  // A question's words around its subject (什么是…, …是什么, 怎么…) are no part of what a passage would say: the
  // whole query is looked for from its first kept word to its last (强村九法 of 强村九法是什么).
  let whole = translated ? chinese : questionCore(text, kept.length > aspectSpans.length ? kept.filter((s) => !aspectSpans.includes(s)) : kept);
  for (const d of dropped) whole = whole.replace(d, ' ');
  const wholeBare = bare(whole);
  return { concepts, wholeBare: translated && /[a-z]/.test(wholeBare) ? '' : wholeBare, runs, dropped, untranslated, ...(asksMaterial ? { material: true } : {}), ...(yearsDropped.length > 0 && !otherMaterial ? { askedYears: yearsDropped } : {}) };
}

/** A numeral character, Arabic or Chinese (numberedNames). */
const NUMERAL_CHAR = /[0-9一二三四五六七八九十两百千万]/u;

/**
 * Where a related terms' `say` string occurs in a (normalised) query: [start, end) offsets, each string's occurrences
 * as the analyser finds them (engine.ts asks whether one everyday expression spans the words a full match needs).
 */
export function saySpans(text: string): [number, number, number][] {
  return sayMatches(text).map(({ entry, at }) => [at, at + entry.say.length, entry.group]);
}

/**
 * The search engine: BM25 over jieba words in a MiniSearch index (minisearch-index.ts), with Han bigrams indexed
 * alongside as the fallback for query words jieba cuts differently from the text, title and section as boosted fields,
 * curated related terms at a lower weight, a coverage factor so passages matching all of the query beat passages
 * matching one word of it many times, a bonus when the whole query occurs as written, near-duplicate collapsing,
 * and snippets with the matched words marked.
 */
import { THEMES, type Corpus, type Passage, type ThemeId } from '../corpus/types.js';
import { THEME_LEXICON } from '../corpus/themes.js';
import { analyzeQuery, GRAM_PREFIX, PLACE_TAG, saySpans, someGram, wordTerms, type AnalyzeContext, type AnalyzedQuery, type Concept } from './analyze.js';
import { BM25_DEFAULTS, passageIndexSteps, type Bm25Parameters, type IndexDocument, type PassageTokens, type SavedPassageIndex, type WeightedTerm } from './minisearch-index.js';
import { createBoundedMemo } from './bounded-memo.js';
import { createRecentMemo } from './recent-memo.js';
import { clauseConcepts } from './request-clause.js';
import { nearDuplicateSteps, type DedupeOptions } from './dedupe.js';
import { runNow, type Steps } from './pace.js';
import { unknownTheme } from './errors.js';
import { cut, DOMAIN_WORDS, generalIdf, isStopWord, loadJieba, tag } from './jieba.js';
import { bare, charCount, DEFAULT_MAX_QUERY_LENGTH, foldText, foldVariants, foldWithMap, isBareWord, type FoldedText } from './normalize.js';
import { alignNumbers } from './numerals.js';
import { parseQuery, type ParsedQuery } from './query-parser.js';
import { buildSnippet, isPlainText, splitSentences, type HighlightTerm, type SnippetOptions } from './snippet.js';
import type { SearchEngine, SearchOptions, SearchResponse, SearchResult, Suggestion } from './types.js';
import { characterSaidOf, glossKey, nearCharacterOf, phrasalOf, saidAsOf, type EnglishRules } from './english.js';
import { dictionaryAbbreviations, dictionaryFields, dictionaryLines, EMPTY_GLOSSARY, glossaryFromSaved, glossarySteps, loadGlossLines, longestHeldPiece, loadSynonymLines, stem, type Glossary, type SavedGlossary } from './glosses.js';
import { createNeighbours, type Neighbour, type NeighbourOptions, type SavedNeighbours } from './neighbours.js';
import { BIGRAM_DEFAULTS, contentPairs, questionPairs, heldShare, prepareStretches, rerank, subjectPairs, typedStretches, type BigramSignalOptions } from './bigram-signal.js';
import { pinyin as pinyinOf } from 'pinyin-pro';
import { createTypoCorrector, latinGroups, soundsAlike, type SavedTypoReadings } from './typo.js';
import { asksHow, onlyCountUnit, onlyItem, onlyListed, onlyListedItem, onlyMentioned, typedAsUnit } from './mention.js';
import { asksMembers, listsMembers, namesSet } from './members.js';
import { amountsOf, asksMoney, asksNumber, asksQuantity, namesPayment, numbersOf, quantitiesOf, quantityNear } from './quantity.js';
import { ASKING, asksList, asksWhichOne, headingWord, isQuestion, listsKind, namesKind, whichKinds } from './question.js';
import { ENGLISH_ABBREVIATIONS, ENGLISH_PLACE_KINDS, ENGLISH_TERMS, MATERIAL_WORDS, MEANS_NOUNS, POLITENESS_WORDS, QUERY_FILLERS, RELATED_TERMS, resolveTheme } from './vocabulary.js';

/** Tuning and behaviour of {@link createSearchEngine}. Every field is optional; defaults are in SEARCH_DEFAULTS. */
export interface SearchEngineOptions {
  /** Longest query accepted, in characters after cleanup; longer throws QUERY_TOO_LONG. Default 200. */
  maxQueryLength?: number;
  /** Results per page when the caller gives no limit. Default 5. */
  defaultLimit?: number;
  /** Largest page size honoured; larger limits are clamped. Default 50. */
  maxLimit?: number;
  /**
   * BM25 boost per field. Section headings name a passage's subject, so they weigh most. Default title 0.75 (1.5 before
   * round 20's adoption of the joint re-fit, docs/search.md, Ranking weights, round 20), section 2, text 1.
   */
  fieldBoost?: { title?: number; section?: number; text?: number };
  /**
   * BM25's parameters for the words and bigrams: k (how fast a word's repetitions saturate), b (how much a long
   * passage's length discounts them), d (BM25+'s floor per occurrence). Round 18 lifted them out of the scorer's
   * constants to re-fit them with the other weights (docs/search.md, Ranking weights, round 18). Default MiniSearch's
   * k 1.2 and d 0.5, with b 0.875 (MiniSearch's 0.7 before round 20 adopted the re-fit: long passages discount more).
   */
  bm25?: Bm25Parameters;
  /** Weight of a concept's smaller dictionary words (第一书记 → 书记) relative to the concept itself. Default 0.5. */
  partWeight?: number;
  /** Parts found in more than this share of passages are not searched (too common to mean anything). Default 0.3. */
  maxPartShare?: number;
  /** Weight of Han bigram terms relative to words. Default 0.6 (0.4 before round 20 adopted the joint re-fit). */
  gramWeight?: number;
  /**
   * Weight of related terms (看病 → 医疗) relative to the user's own words. Default 0.375 (0.3 before round 20 adopted
   * the joint re-fit; distantRelatedShare keeps distant ones from outranking a nearer reading).
   */
  relatedWeight?: number;
  /**
   * Share of a concept credited when only its related terms match. Default 0.75 (0.6 before round 20 adopted the joint
   * re-fit); a share of it for distant ones (distantRelatedShare).
   */
  relatedCredit?: number;
  /**
   * Round 11: a related term that another concept of the query has as its own word (支部 of 空壳支部, searched as its
   * words, beside the typed 支部 of 支部人太多或者光有个空架子) no longer stands for the bridged concept: one word of a
   * passage matched both, and a passage saying 支部 three times led the one saying 空壳支部. false: as before.
   * Default true.
   */
  relatedOnce?: boolean;
  /**
   * Round 20: where a word has a related term close to it (sharing a Han character with the word as typed: 先诊疗后付费
   * for 先 of 先看病) that the texts hold, a passage reaching it only through its other, distant related terms (家庭医生,
   * 医生, 签约率) is credited this share of relatedCredit; likewise an English word whose best sense is glossed as typed
   * (村民 "villager") and held by the texts, reached only through senses glossed with another word of its stem (乡镇,
   * 村落 "village"), this share of englishSenseCredit. A passage holding a nearer reading of the concept is not
   * outranked by one that piles up distant ones. 1: off. Default 0.85.
   */
  distantRelatedShare?: number;
  /**
   * Round 20: a word the texts lack whose related terms they hold (能人治村 → 致富能手, 两委班子, 头雁): its parts and
   * bigrams (能人 of 能人引领) weigh at most relatedWeight, so that a passage holding a piece of it does not outrank one
   * holding its sense. false: off. Default true.
   */
  piecesUnderSense?: boolean;
  /**
   * Share of an English word credited when only one of its other senses matches (Concept.senses: living → 生活 beside
   * 生命), above relatedCredit: a sense the rest of the query stands beside in a passage is likely the one meant
   * (round 8). Default 0.75 (0.6, relatedCredit then, before).
   */
  englishSenseCredit?: number;
  /**
   * How strongly a passage is penalised for missing part of the query: score × (floor + (1 − floor) × coverage^power),
   * where coverage is the credited share of the query's concepts. Default 2.
   */
  coveragePower?: number;
  /** The least a passage keeps of its score however little of the query it covers (see coveragePower). Default 0.1. */
  coverageFloor?: number;
  /**
   * When some passage matches every naming word of the query (see rank()), passages that do not are kept after them
   * with their score × this factor. Default 0.5.
   */
  partialFactor?: number;
  /**
   * Score bonus (× 1 + this) of a passage holding a stretch of the query that its words lose (等靠要, 要我脱贫; see
   * stretchOf). 0: off. Default 0.5.
   */
  stretchBonus?: number;
  /**
   * Share of an article's passages that must name a word found in no other article for the article's other passages
   * to count as naming it too (拉萨 of the article on Lhasa; see ownArticle). Above 1: off. Default 0.25.
   */
  ownShare?: number;
  /**
   * Score bonus of a theme's passages for a query naming the theme (组织振兴, organization), × strength. Default 1.25
   * (0.5 before round 20 adopted the joint re-fit; themeTopicHeld keeps the theme's strongest passages from outranking
   * one about a topic named beside it).
   */
  themeBoost?: number;
  /** Score of a theme passage that matches no word of the query, relative to the best match's score. Default 0.1. */
  themeOnlyWeight?: number;
  /**
   * Weight of a theme's name (生态振兴, ecology) as a word of the texts when the query names a topic besides it (生态振兴
   * 垃圾): the theme then says where to look (its passages match it, see themeBoost), and the topic decides the order;
   * a passage that only repeats the theme's name does not outrank one about the topic. Default 0.3.
   */
  themeTopicWeight?: number;
  /**
   * Most share of the passages a topic's word may be found in for it to order a theme's passages (themeTopicWeight):
   * a word more than a fifth of the texts use (发展, 建设, 党员, 群众) says little about which of the theme's passages is meant. Default 0.2.
   */
  themeTopicShare?: number;
  /**
   * Round 20: in a query naming a topic beside a theme (产业振兴 旅游; see themeTopicWeight), a theme passage that does
   * not hold each topic word itself (only through a related term, a part or its bigrams: 农旅文融合 for 旅游) gains no
   * more from the theme bonus (themeBoost × strength) than the strongest theme passage that does: the theme says where
   * to look, the topic decides the order. Only where some theme passage holds the topics. false: off. Default true.
   */
  themeTopicHeld?: boolean;
  /** Score multiplier bonus when the whole query (letters and digits only) occurs in the passage. Default 0.5 (× 1.5). */
  wholeQueryBonus?: number;
  /** Near-duplicate collapsing thresholds, or false to show every passage. Default {} (the dedupe defaults). */
  dedupe?: DedupeOptions | false;
  /** Snippet length bounds. Default 80–160 characters. */
  snippet?: SnippetOptions;
  /** Most suggestions offered when nothing matches. Default 5. */
  maxSuggestions?: number;
  /**
   * Queries whose parse, analysis and typo correction are kept (they depend on the query alone): a page turn, the
   * feedback ranking's second fetch and a question asked again soon skip them. 0 keeps none. Default 16 (the last 16
   * queries, looked through one by one: recent-memo.ts).
   */
  analysisCache?: number;
  /**
   * Use the CC-CEDICT glosses (lexicon/cedict-glosses.tsv.gz, see glosses.ts) for English words the vocabulary lacks.
   * Default true.
   */
  glosses?: boolean;
  /**
   * For English no gloss has whole, the library words it comes nearest to (glosses.ts, Glossary.near): a gloss ending
   * on it (reimbursement → 报销 "to apply for reimbursement"), or a dictionary word one character from a library word
   * (veteran → 退伍军人 → 退役军人). Default true.
   */
  glossNear?: boolean;
  /**
   * For English no gloss has whole, even near, its WordNet synonyms of a single sense that one has
   * (lexicon/wordnet-synonyms.tsv.gz, glosses.ts Glossary.synonyms): resettlement → relocation → 搬迁. Default true.
   */
  englishSynonyms?: boolean;
  /**
   * Library neighbours of query words the texts lack (neighbours.ts: 旱厕 → 厕所, 大夫 → 医生), or false for none.
   * Default {} (the neighbour defaults).
   */
  neighbours?: NeighbourOptions | false;
  /**
   * The character-bigram signal for questions (bigram-signal.ts): a question's first results reordered by how much of
   * it they hold as written, and an empty answer answered by the bigram ranking (partial), or false for neither.
   * Default {} (the signal's defaults).
   */
  bigrams?: BigramSignalOptions | false;
  /** Weight of a neighbour relative to the user's own words (× the neighbour's own weight). Default 0.3. */
  nearbyWeight?: number;
  /** Share of a concept credited when only its neighbours match. Default 0.5. */
  nearbyCredit?: number;
  /**
   * Neighbours only in a query holding some word the texts have, and, when it names something the texts hold, only
   * neighbours standing in some passage with it (see befriend). Default true.
   */
  nearbyAnchored?: boolean;
  /** The co-occurrence half of nearbyAnchored: off, a query's named words do not choose among neighbours. Default true. */
  nearbyCooccur?: boolean;
  /**
   * The fewest characters of a named word that chooses among neighbours by co-occurrence (see befriend): a lone
   * character (钱 of 能申请救急的钱吗, 书 of 没读过几年书) stands in too many passages by chance to say which sense of a
   * neighbour the query is about, so it does not veto 救助 for 救急. Default 2.
   */
  nearbyAnchorChars?: number;
  /**
   * A neighbour at least this strong (its weight, 0–1: an exact first gloss is 1) may stand with the query's named
   * words in the same document rather than the same passage: 腐败 "corruption" for 村干部贪污 stands in the document
   * about village cadres, not beside 村干部. Default 0.8.
   */
  nearbySure?: number;
  /**
   * Round 15: neighbours for a sentence none of whose words the texts hold (庙里也放书给人看, 在外面发达的老乡请回来), at
   * least this many Han characters long as typed (0: never, as before: such a query got none, see nearbyAnchored).
   * With no word of the texts to anchor them, a word's neighbour stands in when it is sure (nearbySure: 庙里 → 寺庙,
   * 回来 → 回归) or when it stands in one passage's text with a neighbour of another word of the query: the library's
   * co-occurrence picks the sense. Page chrome (本文移动端, 推荐范文, 您的位置) is a label of a few characters, not a
   * sentence, and gets none. Neighbours never make an answer full. Default 7.
   */
  unheldNearby?: number;
  /**
   * Stand-ins weigh less in headings (round 13): a related term or a library neighbour of a Chinese word the query
   * types, unless a word of the query has it as its own, is scored in a passage's title and section at this boost
   * instead of the fields' (fieldBoost: section 2, title 1.5; 0: the text only). A heading names its section's theme
   * with the texts' broad words (乡风文明, 集体经济), which the village lexicon lists beside the specific one (移风易俗
   * for 红白喜事, 彩礼): boosted in headings, every passage under 推动实现“乡风文明” outranked those about changing
   * customs. A heading holding the query's own word still says the section is about it. false: boosted as any term.
   * Default 0.5.
   */
  standInHeadings?: number | false;
  /**
   * Everyday focus: in a query with a *bridged* word — one the texts lack, reached only through related terms or
   * library neighbours (低保 of 低保一个人一年多少钱, 村官 of 村官大多是初中毕业) — a literal word common in Chinese at large
   * (jieba's general idf below this level: 一个 2.8, 公司 3.5, 地方 4.4, 一年 5.3) weighs idf / this level, in its terms'
   * weights and in the coverage: in a small library such words are rare and so weigh much in BM25, and a passage that
   * happens to say 一个 and 一年 outranked the one about 最低生活保障. The bridged word says what the query is about.
   * 0: off. Default 9.
   */
  everydayFocus?: number;
  /** The least weight everyday focus leaves a common word (see everydayFocus). Default 0.3. */
  everydayFocusFloor?: number;
  /**
   * The weight everyday focus gives a literal lone character (钱, 年, 补: jieba's idf table has no single characters),
   * as a part of a word weighs (partWeight). Default 0.5.
   */
  everydayFocusChar?: number;
  /**
   * Round 14: a light noun heading a 的 phrase (LIGHT_NOUN: 地方, 事, 事情 … as in 吃饭休息的地方, 党的事) says what kind
   * of thing the phrase names, a place or a matter, not what it is about: the words before 的 say that. It is not
   * searched and does not count in the coverage; a full answer must still hold it, so no answer turns full. Searched,
   * 地方 (rare as a word in the texts, where it means a respect or the locality: 最大的地方, 地方特色) put 003-015 before
   * the passage about 活动场所 for 村里没个像样的地方给党员搞活动. false: searched as any word. Default true.
   */
  lightNouns?: boolean;
  /** Join separable words split by a complement or aspect marker (上不了学 → 上学, 脱了贫 → 脱贫; analyze.ts). Default true. */
  separableWords?: boolean;
  /**
   * Round 12: a degree or scope adverb (都, 也, 太, 很 …), a 到, a 的 or a measure word (个, 门, 点 …) inside an everyday
   * expression of the related terms is dropped where the expression reads without it (年纪都大了 → 年纪大, 分到钱 → 分钱,
   * 住院花的钱 → 住院花钱, 找个活干 → 找活干; analyze.ts joinInside). Needs separableWords. Default true; false reproduces
   * the answers before it.
   */
  insideJoin?: boolean;
  /**
   * Round 12: a related terms' `say` string jieba cut into words the query keeps none of (能人 of 本地的能人: 的|能|人)
   * is a concept of its own with its group's terms (analyze.ts AnalyzeContext.loneSay). Default true; false
   * reproduces the answers before it.
   */
  loneSay?: boolean;
  /**
   * A longer expression split by 了, 过 or a complement (拖了后腿, 当过兵回来) is joined when, without the marker, it makes a
   * related term's `say` string of three characters or more or a word of the texts across the marker (analyze.ts
   * joinAcross). Default true.
   */
  separableLonger?: boolean;
  /**
   * A directional or resultative complement after a one-character verb (亮出身份, 选出村干部) goes like a marker when
   * the verb and what follows make a say string or a text word without it (analyze.ts COMPLEMENT). Default true.
   */
  complementJoin?: boolean;
  /**
   * Two lone characters of jieba's cut that make a dictionary word the texts lack (走|丢 → 走丢) are one word of the
   * query, so a topic the texts never discuss stays partial (analyze.ts joinLoneCharacters). Needs glosses. Default true.
   */
  loneCharacterWords?: boolean;
  /**
   * Words describing the material wanted that the texts hold (学习, 文件, 2019), material compounds (学习材料) and a
   * verb fused to a material word (研究|范文) count beside a subject as aspects: scored, never required (analyze.ts
   * describesMaterial). Default true.
   */
  materialAspects?: boolean;
  /** Drop a lone verb repeating a character of a longer query word (搬 of 易地扶贫搬迁一共搬了多少人; analyze.ts). Default true. */
  repeatedVerbs?: boolean;
  /**
   * The material stretch read whole (analyze.ts AnalyzeContext.materialStretch): 文化振兴调研|报告, 组织振兴工作|总结.
   * Default true.
   */
  materialStretch?: boolean;
  /** The tail after X的 read with material words and qualifiers (analyze.ts AnalyzeContext.aspectTail). Default true. */
  aspectTail?: boolean;
  /** Words for the kind of answer ending a keyword query are aspects (analyze.ts AnalyzeContext.kindNouns). Default true. */
  kindNouns?: boolean;
  /** Round 14: the 年 / 年度 after a year the texts hold is the year's (analyze.ts AnalyzeContext.yearSuffix). Default true. */
  yearSuffix?: boolean;
  /**
   * Round 14: words for a kind of speech or text (讲话, 调研, 宣讲, 发言, 述职) ending a request are material, and a year or
   * 稿 ends a material stretch (analyze.ts AnalyzeContext.textKinds). Default false: measured and left off (it lowered
   * material queries it was not written for; docs/search.md, Material requests, round 14).
   */
  textKinds?: boolean;
  /**
   * Round 14: words for a kind of text no text holds (党课, 范本, 读后感, 发言, 述职) ending a request are material aspects
   * beside a subject the texts hold (analyze.ts AnalyzeContext.genreWords). Default true.
   */
  genreWords?: boolean;
  /**
   * Round 16: an English word for a kind of text (report, speech, draft, presentation) beside a subject typed in
   * Chinese is dropped like 报告 and the query is a request for material (analyze.ts AnalyzeContext.englishKinds).
   * Default true.
   */
  englishKinds?: boolean;
  /**
   * Round 16: a word for a kind of text no text holds (党课, 经验交流, 述职) opening a request apart from its subject is
   * material as it is ending one (analyze.ts AnalyzeContext.genreOpening). Default true.
   */
  genreOpening?: boolean;
  /**
   * Round 16: a count of texts typed as one word (一篇, 几篇, 两份, 3篇) is dropped (analyze.ts AnalyzeContext.textCounts).
   * Default true.
   */
  textCounts?: boolean;
  /**
   * Round 17: a chat-context or material word jieba cut in two (宣讲|稿, 周|五) is dropped whole (analyze.ts
   * AnalyzeContext.rejoinMaterial). Default true.
   */
  rejoinMaterial?: boolean;
  /** 主要 / 具体 / 到底 before a question's verb or asking word are dropped (analyze.ts AnalyzeContext.questionAdverbs). Default true. */
  questionAdverbs?: boolean;
  /**
   * For a question about a quantity (多少, 几个, 比例; quantity.ts), the bonus (× the first result's score) of one of
   * its first results stating a number near one of the question's words. 0: off. Default 0.2.
   */
  quantityBonus?: number;
  /** Characters between such a word and the number, either side. Default 12. */
  quantityWindow?: number;
  /**
   * For a question not about a quantity, the bonus (× the first result's score) of one of its first results whose
   * section heading holds the question's rarest naming word (question.ts headingWord). 0: off. Default 0.8.
   */
  headingBonus?: number;
  /** Most share of the passages that word may be found in (a rarer word says more of what a heading is about). Default 0.1. */
  headingShare?: number;
  /**
   * For a question asking which ones (哪些, 哪几种, 分别: question.ts asksList), the bonus (× the first result's score)
   * of one of its first results naming one of the question's words as the kind closing a list (A、B、C等多种利益联结机制:
   * question.ts listsKind): that passage lists the answer, where another only mentions the subject. 0: off.
   * Default 0.2.
   */
  listBonus?: number;
  /** Characters before the list's closer (等, 六大) in which its enumeration mark (、, ”“) must stand. Default 40. */
  listSpan?: number;
  /**
   * A full answer's result holding the query's typed stretches (four characters or more) as written in its text or
   * heading (bigram-signal.ts typedStretches / heldShare) gains typedStretchBonus × its held share × the first
   * result's score, among the first results: 三治融合 written together before 推进 … 深度融合 apart. 0: off. Default 0.2
   * (round 9: on since its cheap form, typedStretchDepth, costs ~1 % 1× p50; docs/search.md, Precision, round 9).
   */
  typedStretchBonus?: number;
  /**
   * How many of the first results the typed stretches may reorder (round 9: the page's, so that no result past it
   * needs an exact score), and of those only the ones within typedStretchBonus × the first result's score of it (a
   * result further down cannot reach the first place). Default 5.
   */
  typedStretchDepth?: number;
  /**
   * Round 13: a full answer's result holding a junction of the query — the two characters where two of its content
   * words typed together meet (育扶 of 教育|扶贫 in 教育扶贫政策汇编, 态扶 of 生态|扶贫) — gains junctionBonus × the share of
   * the query's telling junctions it holds × the first result's score, among the first results within reach: the
   * words stand together in its text as typed, where another holds each of them apart (003-024's 思想教育 … 易地扶贫搬迁).
   * The word scores know nothing of that; a plain bigram ranking does. A junction counts only when some text holds
   * it and at most junctionShare of the passages do (a pair in every other passage tells nothing). 0: off. Default 0.
   */
  junctionBonus?: number;
  /** Most share of the passages holding a junction for it to count (see junctionBonus). Default 0.1. */
  junctionShare?: number;
  /**
   * Round 16: among a full answer's first results within reach of the first place, a passage naming the query's
   * rarest content word in a clause of its own (四是活跃基层阵地) gains itemBonus × the first result's score over one
   * naming it only as an item of enumerations (活动分开办、阵地分开建; 现代农业、乡村旅游、休闲养老、农村电商等), when some
   * result within reach does only that (mention.ts onlyItem): a list names the thing; the clause is about it.
   * 0: off (as before round 16). Default 0.2.
   */
  itemBonus?: number;
  /**
   * Round 25: an article's scope words tell its passages apart no more than its title does. A word of the query that
   * an article's title holds, typed within a stretch of the query the title holds that no passage of another article
   * holds (边疆民族地区 of 以高质量党建引领边疆民族地区乡村振兴), is what every passage of the article is about; a section's
   * lead-in that says it again (对于边疆民族地区的党组织：一要…) is no more about it than the section's next passage. In a
   * full answer, among the first results (typedStretchDepth), a passage of the same article and section as one ranked
   * above it, holding in its text every other word of the query that one holds and one more besides, is put right
   * before it when what the higher one holds beyond it is only scope words. Default true.
   */
  scopeWords?: boolean;
  /**
   * Round 13: a one-character stop word typed right before a stretch the texts lack, glued to it by a pair no text
   * holds, is read with it by the typo corrector, kept as typed, when the word meant starts with it and has four
   * characters or more (后狼党支部 → 后浪党支部: the stop list had left 后 out, and 狼党支部 is no typo of any word). Default false.
   */
  typoStopLead?: boolean;
  /**
   * Round 24: the Han characters typed right before or after a run of the query's kept words, glued to it with no
   * space — at most two a side, closing the typed stretch (reaching its start or end, a space or punctuation), two of
   * them no word of jieba's dictionary (a stop word or a lone character: 除 and 饿 of 扫黑除饿, 侧 and 所 of 侧所革命, 对 of
   * 农牧民施工对) — are read with the run by the typo corrector when some pair among them and the run's edge character
   * is in no text (and a word of the texts could hold them there: typo.ts mayJoin, mayPair). A correction found so is
   * kept when it spans both such a character and a character of the run, has three characters or more and changes
   * such a character only to one that sounds like it (typo.ts soundsAlike: 侧 → 厕, not 把 → 村 of 把党组织): 扫黑除饿 →
   * 扫黑除恶, 侧所革命 → 厕所革命, 后狼党支部 → 后浪党支部. It replaces the run's own corrections it overlaps. The stop list
   * had put the typed error out of the corrector's reach. Default true.
   */
  typoGluedEdges?: boolean;
  /**
   * Round 24: a two-character stretch of a run that is no word of jieba's dictionary and reads exactly like a word of
   * the texts (头燕 for 头雁) is corrected when some passage holds the word together with the query's word next to it
   * (头雁 and 队伍 of 头燕队伍怎么打造), not only when a text holds the two side by side (typo.ts
   * RunContext.pairTogether). Default true.
   */
  typoPairTogether?: boolean;
  /**
   * Leave uncorrected a word of the query the engine understands: one whose related terms (the village lexicon) the
   * texts hold. It was said on purpose, however near a word of the texts it sounds or looks (领头羊 is not a typo of
   * 领头雁). A stretch of several words counts when each of them is understood so (选村干部, not 农村干部). Default true.
   */
  keepUnderstood?: boolean;
  /**
   * Weight of a place or direction word (村里, 家里, 上面) relative to other words. Default 1 (see placeAsAspect).
   */
  placeWeight?: number;
  /**
   * A place word in a query that names something else is treated like the kind of answer a question asks for (an
   * aspect): scored, but it neither makes a passage a result nor counts in the coverage. In a library about villages
   * 村里 says where, not what about. Default true.
   */
  placeAsAspect?: boolean;
  /**
   * Round 11: a place character jieba glued to the verb after it into a word no text holds (村想, 镇有, 县要 of
   * 我们村想发展集体经济) is cut apart: the place (a place word) and the verb (analyze.ts splitPlaceGlue). Default true.
   */
  placeGlue?: boolean;
  /**
   * Round 17 (everyday words): in a query naming nothing else the texts hold (itself or through related terms: 家里 of
   * 家里揭不开锅了 stays a place), a place word CC-CEDICT knows and no text holds (乡下 "countryside") is what the query is
   * about, in words the texts write otherwise (农村, 城乡): it is a word like any other the texts lack (library neighbours
   * stand in for it, it counts in the coverage), not a mere where (placeAsAspect); not a direction word (jieba's tag f:
   * 外面). And splitPlaceGlue leaves jieba's dictionary words whole (乡下 is no 乡 glued to 下; analyze.ts placeGlueUnknown).
   * Needs `glosses`. Default true.
   */
  dictionaryPlaces?: boolean;
  /**
   * Round 17, second half (everyday words): a two-character word of the texts each of whose characters means, in
   * CC-CEDICT's first two senses, one of two words the query types side by side (穷|回去 → 返贫: 返 "to return" as
   * 回去, 贫 "poor" as 穷), in either order, stands in for both words as a library neighbour (weight 1 × nearbyWeight,
   * never a full match). The texts write many of their notions as such two-character compounds of literary
   * characters, where a chat query spells the same meaning out in everyday words. Only a pair that composes exactly
   * one library word gets it (an unambiguous reading). Needs `glosses` and `neighbours`. Default true.
   */
  glossComposed?: boolean;
  /**
   * Round 24 (everyday words): a word the texts lack that nothing reaches — no related term, no library neighbour —
   * reads as the related terms' everyday expression of the same sense, and that expression's group's terms the texts
   * hold stand in for it as library neighbours (weight 1 × nearbyWeight, never a full match), when the expressions of
   * its sense all belong to one group (one reading, not a guess among several):
   * - a word of two or more characters: a `say` string sharing a CC-CEDICT sense with it (a gloss key of the first two
   *   senses of each: 调解 "to mediate" as 说和, 搞钱 "to make money" as 挣钱);
   * - a one-character verb (jieba's tag v) typed without its object, which says the expression it heads: the
   *   two-character `say` strings that begin with it and share the head word of one of its senses (挣钱 "to make
   *   money" of 挣 "to make", 跑腿 "to run errands" of 跑 "to run"; not 坐席 "to attend a banquet" of 坐 "to sit").
   * Not anchored by co-occurrence: the group is the curated reading of the expression, as related terms are. Needs
   * `neighbours` and `glosses`. Default true; false: as before round 24.
   */
  sameSenseSay?: boolean;
  /**
   * Round 26: a word the texts lack that begins with a place or direction word (村里人, 城里人, 乡下人: 村里, 城里, 乡下
   * are jieba's tags s, f) or with a count of one (一个月, 一个个, 一年到头: 一个, 一年, tags m, mq) names who or what
   * is there, or how much of it — not the place, nor the count. That leading part (and its bigram) stops standing in
   * for the word; the place is read as a place word typed alone is (an aspect: it adds to the score, it neither
   * qualifies a passage nor is required of a full match), the count is dropped. Default true; false: as before
   * round 26.
   */
  placeCountParts?: boolean;
  /**
   * Round 29 (everyday words): a place or direction word read as an aspect beside the query's subject (placeAsAspect)
   * that no text holds (城里, 乡下, 家里) reads through the library, still as an aspect (it adds to the score, neither
   * qualifies a passage nor makes an answer full): it gets the library neighbours a word the texts lack gets
   * (neighbours.ts, anchored by the query's other words as theirs are: 乡下 → 农村); a two-character place word
   * CC-CEDICT lacks made of a noun and a locative (城里: 城 + 里; 里, 上, 下, 头, 边, 面, 外, 内) that gets none reads
   * as the noun, the library's two-character words holding it that share one of its first two senses (城 "city" →
   * 城市). Before, such a word reached nothing. Default true; false: as before round 29.
   */
  placeNeighbours?: boolean;
  /**
   * Round 27: the words a chat query lists as examples, each followed by a particle (路啊医院啊学校啊都不行, 猪呀羊呀: two
   * or more), illustrate what it asks about rather than name it: they are aspects (they add to the score, neither
   * qualify a passage nor are required of a full match) when the query names something else beside them. Default
   * true; false: as before round 27.
   */
  listedExamples?: boolean;
  /**
   * Round 11: the typo corrector also corrects to a name the texts put in quotation marks and jieba cuts into single
   * characters (“化债九法”: 化债九发 → 化债九法; “耕保贷”: 耕保代 → 耕保贷), not only to the words of the texts' cut.
   * Default true.
   */
  quotedTypoTargets?: boolean;
  /**
   * Round 11: in a question, the noun after 哪 and a measure word (哪次会议, 哪家单位, 哪位领导) names the kind of answer
   * asked for, an aspect like the noun after 哪个 / 什么 (question.ts askedAspects): 乡村振兴战略是哪次会议提出的 is answered
   * by 是党的十九大提出的, which never says 会议. Default true.
   */
  whichMeasure?: boolean;
  /**
   * Round 12: a character of the query that no text holds is replaced by the simplified form of its Taiwan, Hong Kong
   * or Japanese variant where the texts hold that (normalize.ts foldVariants): 著力 → 着力, 衞生 → 卫生, 経済 → 经济,
   * which OpenCC's t2s leaves as typed. Default true.
   */
  variantFold?: boolean;
  /**
   * Round 12: with quotedTypoTargets, the items of a list the texts put in one pair of quotation marks (“千企结千村、
   * 消灭薄弱村”) are typo targets too, as a quoted name is: 千企接千村 → 千企结千村. Default true.
   */
  quotedListTargets?: boolean;
  /**
   * Round 12: the typo corrector may replace a stretch that starts or ends inside a word of the query no text holds
   * (typo.ts RunContext.splitUnknown): jieba cuts 文化大午台 文化|大午|台 and the texts 文化大舞台 文化|大|舞台, so no
   * stretch of whole words read like a word of the texts; 午台 → 舞台, beside the 大 left over. Default true.
   */
  typoSplitUnknown?: boolean;
  /**
   * Round 12: request phrases a chat message opens or closes with (想问下, 麻烦发一下, 求一份, 有没有人知道 …; 发我一下,
   * 是哪篇里的, 出自哪) come off its ends like greetings and thanks (chat-markup.ts stripFraming), before jieba cuts
   * them into words glued to the subject (想|问|下设|港 of 想问下设港定责). Default true.
   */
  requestFrames?: boolean;
  /**
   * Round 28 (chat forms): with requestFrames, the shortest way of asking whether anyone knows (有人知道…吗, 有人了解…)
   * opens the message as 有没有人知道 and 有谁知道 do and comes off with them; before, 有人 was kept as a search word the
   * texts lack and every answer so asked was partial. Default true; false: the old answers.
   */
  someoneKnows?: boolean;
  /**
   * Round 12: more words that say what kind of material is wanted or when (段落, 介绍, 表格, 电子版 …; 明天, 上午, 下周一,
   * 月底 …) and dates (12月7日, 12.7) are chat context, dropped unless the texts hold them (analyze.ts, like material
   * words and years). Default true.
   */
  chatContext?: boolean;
  /**
   * Round 11: the noun after an asking determiner with one one-character adjective between them (有啥好模式, 有什么新办法)
   * is an aspect, as 有啥模式's is (question.ts askedAspects): 村想搞乡村旅游有啥好模式 is about 乡村旅游. Default true.
   */
  determinerModifier?: boolean;
  /**
   * Round 12: in a question every word of which the texts hold (as itself or through a related term: wholeKnown), the
   * weight in the coverage factor of a word that names nothing (a verb, adverb or adjective: 推进 of 三治融合怎么推进,
   * 起来 of 淘宝村是怎么发展起来的), against 1 for a naming word. The question's verb says what is asked about its
   * subject; a passage about the subject that words it otherwise (002-018's “三治融合”的基层治理体系) answers it, where
   * one holding the verb and a piece of the subject (004-000's 推进 … 深度融合) does not. A query with a word the texts
   * lack (a partial answer) is left as it was. 1: off. Default 0.7.
   */
  questionVerbCoverage?: number;
  /**
   * Round 15: in a request for material (AnalyzedQuery.material) or a list of Chinese keywords typed apart that asks no
   * question (文化振兴 讲话 学习材料, 控辍保学 政策 宣讲), each counted concept's weight in the coverage factor is × its
   * characters ^ this, as a bigram ranking weighs a word by its pairs. Such a request names its subject with the long
   * word (文化振兴, 控辍保学, 人居环境整治) and says what kind of text it wants with short ones that some passage may hold
   * as its own topic (讲话 of 003-001's 重要讲话精神, 宣讲 of 003-024): counted alike, a passage holding the short word
   * tied on coverage with one about the subject, and its rarer word's score put it first. 0: off (every concept counts
   * alike, as before). Default 0.9375 (0.75 before round 20 adopted the joint re-fit).
   */
  lengthCoverage?: number;
  /**
   * Round 17: in a request for material whose subject words are all broad (each in more than maxPartShare of the
   * passages' texts: 乡村振兴 ppt, 乡村振兴 党课讲稿 2024), those words are not scored in titles and section headings (a
   * heading that names what nearly every passage is about says nothing of its own passages), and the opening passage
   * of an article whose title holds them all (not a fragment: the text's own statement of its subject) scores
   * × (1 + broadOpening). Default 1; 0 is off (the answers before round 17).
   */
  broadOpening?: number;
  /**
   * Round 21: broadOpening's reading (subject words scored in the body only, the article's opening × (1 +
   * broadOpening)) also for a request for material whose subject words (naming words, no theme's name) an article's
   * title holds all together (党建引领乡村振兴 ppt: 强化党建引领乡村振兴的xx区实践): the subject of a whole text, which its
   * section headings repeat. The circumstances typed after the kind of text (…调研报告 word版 急用, …党课讲稿？周五支部党课要用;
   * round 18's clause, request-clause.ts) are left out of the subject; no other naming word the texts hold as typed may
   * stand beside the title's words (最新 乡村振兴 政策解读 ppt keeps its heading scores: 政策 names a narrower subject),
   * and those words must be the longer part of the subject in Han characters. Read only with broadOpening > 0 (its
   * factor is the one applied). Default true; false is off (the answers before round 21, d3b68b8's).
   */
  titleSubject?: boolean;
  /**
   * Round 29: titleSubject's reading also for a request for material whose subject names an article by a word only
   * that article says, in its opening passage and in ownShare of its passages at least (拉萨 of 拉萨脱贫攻坚工作总结汇报: the
   * city the whole report is about, which its title leaves out), when the opening passage (title or text) holds every
   * naming word of the subject the texts hold as typed: the request is for that text, whose opening says what it is.
   * The opening scores × (1 + broadOpening) and the subject words are scored in the body only, as titleSubject's.
   * Read only with broadOpening > 0 and titleSubject. Default true; false is off (the answers before round 29).
   */
  articleSubject?: boolean;
  /**
   * Round 22: broadOpening's reading (and titleSubject's) is not made for a request for material that asks how
   * something was done — a noun of MEANS_NOUNS the texts hold (经验, 做法, 措施) kept as an aspect, alone or opening the
   * word for a kind of text (经验 of 党建引领乡村振兴经验交流材料): what is wanted is the passages that give that kind of
   * answer, which the section headings and the body name, not the text's opening (which sums up results: 成效 is left
   * to the opening). Default true; false is off (the answers before round 22, bd2f69d's).
   */
  kindOfAnswerOpening?: boolean;
  /**
   * Round 18: in a request for material, the words typed after its word for a kind of text (the first typed after a
   * subject word), from the first space or punctuation mark after it on (…的党课讲稿？周五支部党课要用 · …的PPT，明天村两委会上要用 · …调研报告 word版 急用),
   * when a word the texts hold names the subject before that kind word, are the request's circumstances (when, where,
   * for whom, how urgent), not its subject (request-clause.ts): aspects — they neither make a passage a result nor are
   * required of a full match nor count in the coverage — and their terms weigh × materialClause. Only when the
   * subject before the kind word, in Han characters of naming words held as typed, is longer than the clause (主题党日
   * 讲稿 红船精神 names its subject after it). 1 was chosen on the tuning queries (5 better, none worse; 0.5 the same,
   * 0.25 one worse), but the never-tuned run failed its gate (blind7's material line fell: docs/search.md, Material
   * requests, round 18), so the default is 0: off (the answers before round 18).
   */
  materialClause?: number;
  /**
   * Round 15: in a question, the heading boost of a word that names nothing (a verb, adverb or adjective: 提出 of
   * 乡村振兴战略是哪次会议提出的), in place of the fields' (fieldBoost: section 2, title 1.5; 0: the text only), and its
   * coverage credit taken from the text alone. A section heading names what its passages are about with the texts'
   * words (一、问题提出与研究意义, 推动实现“治理有效”), and a question's verb in it says nothing about whether a passage
   * under it answers: every passage under 问题提出与研究意义 held 提出 and outranked 001-000's 乡村振兴战略是党的十九大提出的.
   * A naming word in a heading still says the section is about it. false: off (the fields' boosts, any field covers).
   * Default 0.
   */
  questionVerbHeadings?: number | false;
  /**
   * Round 15: in a request for material or a list of Chinese keywords typed apart (as lengthCoverage; no Latin
   * letters), the words of its first part before a space that holds a counted word weigh × this in the coverage
   * factor: people type the subject first and the kind of text after it (好家风 动员讲话, 移风易俗 宣传动员 材料, 健康扶贫
   * 典型发言), and a passage holding only the later words (002-035's 群众动员力, 002-019's 典型示范) tied with the subject's
   * own. A theme's name is left at its weight (生态振兴 湿地: the theme says where to look, the topic decides; see
   * themeTopicWeight). 1: off. Default 2.
   */
  subjectFirst?: number;
  /**
   * The most characters of a word the texts lack that a related group's `say` string may leave outside it and still
   * stand for the word in a full match (round 10). A string covering only part of the word (旅游 of 红色旅游, leaving
   * 红色; 过节 of 逢年过节) brings a group about something broader or beside it: its terms still credit and rank the
   * passage, but the answer is partial unless the passage holds the word. A single character left over (厂 of 化肥厂, 主
   * of 带|货主, jieba cutting the query otherwise) does not count. A word the texts hold is matched as itself (its
   * related terms as before). Default 1; Infinity: off (every related term makes a full match, as before).
   */
  relatedUncoveredMax?: number;
  /**
   * In a query with two or more words a full match must hold, the last of them is its head, what the query is about
   * (工资 of 学校老师的工资, 培训班 of 直播带货培训班, 投票 of 村两委换届选举怎么投票): in a full match it is matched as itself
   * (the word, its theme, its own article, or the word found whole in the text) or through a related term sharing a
   * character with it (补贴 → 补助, 活动室 → 活动场所, 年纪 → 年龄), not through one that shares none (培训班 → 技术, 投票 →
   * 换届, 工资 → 就业): such a term stands for the topic beside the head, not for the head, and still credits and ranks
   * the passage (round 11). The words before the head keep all their related terms; a lone-character head (富 of
   * 怎么富起来的) and an English one are exempt. Default true since round 12, held to heads headNounOnly reads as such
   * (false: every related term stands in, as before round 11).
   */
  headStandInClose?: boolean;
  /**
   * Round 12: headStandInClose holds only a last word that reads as the head of what is asked (see readsAsHead): after
   * 的, an asking determiner or an asking adverb (学校老师的工资, 种树苗用什么土, 换届选举怎么投票) always; otherwise not a
   * predicate or an asking word by jieba's dictionary (散了架, 改来改去, 哪来), not the object of a verb or after a place
   * word (出|主意, 荒山上|栽树), not followed by a verb (懒汉等着政府|给, 送戏|下乡), and not in a query that the lexicon's
   * strings of one group say whole (法律明白人, 形式主义走过场, 舞龙舞狮). Default true; false: the last required word is
   * always the head (round 11's form, which also turned 17 judged chat answers and five village-lexicon tests partial).
   */
  headNounOnly?: boolean;
  /**
   * Round 13: a question asking for an amount of money (多少钱, 交多少, 补助标准, 工资多少: quantity.ts asksMoney) is
   * answered in full only by a passage stating an amount (…元, …万元) within amountWindow characters of one of the words
   * a full match must hold that names the subject rather than the payment (危房改造 of 危房改造补助标准, not 补助 or 标准),
   * as itself or through one of its related terms. A passage that holds the words but no amount near the subject
   * (003-012 on C、D级危房, for 危房改造补助标准是多少) still credits and ranks, but is no full match. Default true; false:
   * the words alone make a full match, as before round 13.
   */
  askedAmountStated?: boolean;
  /** Characters between the subject and the amount, either side (askedAmountStated). Default 20. */
  amountWindow?: number;
  /**
   * Round 13, with askedAmountStated: a query whose last required word names a payment (补贴, 补助, 工资 …: quantity.ts
   * namesPayment) and asks no amount (文艺队演出补贴) is answered in full only by a passage holding that word, or a
   * related term sharing a character with it, within amountWindow characters of the subject (as for the amount).
   */
  paymentNear?: boolean;
  /**
   * Round 13, with paymentNear: a payment word ending the query after a verb of two characters or more (文艺队演出补贴:
   * the verb says what the payment is for) counts as the head too, though round 12's readsAsHead says a verb governs it.
   */
  paymentModified?: boolean;
  /**
   * Round 14: a question asking how something is done, where it is or what it holds (mention.ts asksHow: 怎么, 如何, 在哪,
   * 什么内容; not one asking a quantity) is no full match for a passage that holds its required words as written but
   * its rarest one only counted (设立志愿服务站376个 for 志愿服务站在哪; 发放化债专项贷款xx户 for 化债专项贷款怎么还): the
   * count says how many, not how or where. Such a passage still credits and ranks. Default true; false: the words
   * alone make a full match, as before round 14.
   */
  askedHowMention?: boolean;
  /**
   * Round 14: a numeral that a related group's `say` strings leave outside a word the texts lack (四 of 四下基层's 四下)
   * counts as two characters left over (relatedUncoveredMax): a numbered set is a name of its own, and the group's
   * terms (深入基层) credit and rank a passage but make no full match. Default true; false: one character, as before.
   */
  numberedNames?: boolean;
  /**
   * Round 15: a question asking how something is done, where it is or what it holds (mention.ts asksHow; not one asking
   * a quantity, nor how a saying is worded: 多劳多得是怎么说的) is no full match for a passage that names the rarest of its
   * required words only as an item of enumerations (展示书法、藏香、藏纸、石刻; 文化大舞台(道德讲堂、善行义举榜)) whose clauses
   * say, outside the item, no other word of the question, none of its related terms and, for a verb of two characters,
   * not its first (培育 for 培养) (mention.ts onlyListed): a list names the thing; it does not say how it is made
   * (藏纸是怎么做出来的) or what it holds (道德讲堂讲什么内容). 藏香藏纸在哪展示 stays full (展示 stands in the clause).
   * Such a passage still credits and ranks. Default true; false: as before round 15.
   */
  listedMention?: boolean;
  /**
   * Round 15: a noun after X的 and before an asking word is the kind of answer asked for (question.ts askedAspects: X的
   * 标准是什么, X的做法有哪些), except where the question goes on to ask for a noun of its own (迎丰村的村规民约有哪些条款
   * asks for 条款, the kind of answer; 村规民约 is its subject and must be held by a full match). Default true; false: as
   * before round 15.
   */
  askedNounSubject?: boolean;
  /**
   * Round 16: a question asking how much money with 多少 before the payment it asks about (旧宅腾退能拿多少补偿, 一个月多少
   * 工资, 有多少补贴; quantity.ts ASKS_MONEY_BEFORE) asks for an amount as 补偿多少 does, and askedAmountStated holds it to
   * the same test: a full match states an amount near its subject. Default true; false: only the forms before round 16.
   */
  amountBeforePayment?: boolean;
  /**
   * Round 17: in a question asking how something is done, where it is or what it holds (mention.ts asksHow; not one
   * asking a quantity), a passage holding a required word only through related terms (a stand-in) is no full match
   * when its text names each of those terms only as an item of an enumeration, and neither the item nor the clause
   * outside the enumeration says another word of the question (mention.ts onlyListedItem): 推动农家书屋、寺庙书屋、
   * 广播电视“村村通”、电影放映、信息共享等文化惠民工程实现全覆盖 for 信号 of 村村通电视没信号怎么办. A list names the stand-in;
   * it does not speak of the thing asked. Such a passage still credits and ranks. Default true; false: as before
   * round 17.
   */
  standInListed?: boolean;
  /**
   * Round 23: a question asking for a number that is not money (是多少, 有多少, 几个, 多久: quantity.ts asksNumber) and
   * holding a word read as the kind of answer (an aspect: 举报电话 of 扫黑除恶的举报电话是多少, 新闻报道 of 脱贫攻坚的新闻报道有
   * 多少条), which a full match need not hold, is answered in full only by a passage stating a number (digits or the
   * anonymised x, or Chinese numerals, before a measure word or unit: quantity.ts numbersOf) within amountWindow
   * characters of the subject: any word of the query but the aspects and payment words, as itself, its pieces or its
   * related terms. The aspect is excused because the passage is taken to give that kind of answer; asked for a number,
   * it gives one. A passage that holds the words but states no number near them (002-023 on 扫黑除恶) still credits and
   * ranks, but is no full match. Default true; false: as before round 23.
   */
  askedNumberStated?: boolean;
  /**
   * Round 24: a question asking the members of a numbered set (三官一师具体指哪三官哪一师, X个专项行动分别是哪X个: a
   * numeral of two or more with the name's next character, and 分别 / 具体 before 是, 指, 有, 包括 or 说 — members.ts
   * asksMembers) is answered in full only by a passage that lists them beside one of the set's names (members.ts
   * listsMembers: items separated by 、 in the clause ending at the name, as 政治、物质、精神“三笔财富”; items introduced
   * right after it, as “xx十条”,即…、…; ordinals after it; the name's own head character repeated before it, as 党建网民生网
   * 综治网“三网合一”). A passage that only names the set (选派党员“三官一师”到村) still credits and ranks, but is no full
   * match; a passage not naming it is left alone. Default true; false: as before round 24.
   */
  askedMembersListed?: boolean;
  /**
   * Round 25: a passage holding a required word of the query (two characters or more) only as the measure word of a
   * count — every occurrence right after a count's numeral: digits, or a Chinese numeral with its order, 余 / 多 after
   * it (文艺下乡活动5000余场次 for 场次 of 电影放映场次安排) — is no full match: it counts something in that unit, it does
   * not speak of it. Not for a query asking a quantity (多少场次: quantity.ts asksQuantity) nor one typing the count
   * itself (五千余场次); a passage not holding the word as written is left alone (mention.ts onlyCountUnit). Such a
   * passage still credits and ranks. Default true; false: as before round 25.
   */
  countUnitHeld?: boolean;
  /**
   * Round 26: a question asking a fact (question.ts isQuestion; not how a thing is done nor where: mention.ts asksHow)
   * naming a year the texts lack — dropped as a description of the material wanted (analyze.ts isChatNoise: 2023 of
   * 拉萨2023年的农村低保标准调到多少了) — in a query that nothing else marks as a request for material (no material,
   * text-kind or chat-context word, dropped or kept: 2024 of 乡风文明 2024 最新 stays a description:
   * AnalyzedQuery.askedYears) asks a fact of that year, and is answered in full only by a passage of an article whose
   * title, date or source names the year (an article dated 2023-01-16 for 2023). The year stays out of the search, so
   * the same passages are found and ranked; the others are no full match (× partialFactor where another passage is
   * one). A year the texts hold (2019, 2020) is a word of the query as before. Default true; false: as before round 26.
   */
  askedYearHeld?: boolean;
  /**
   * Round 26: a question asking which one of a kind (哪个 / 哪一个 / 哪家 / 哪所 / 哪座 + one of its words: 单位 of
   * 张青是哪个单位的专家, 省 of 从哪个省引进的, 县 of 在哪个县 — question.ts whichKinds) is answered in full only by a passage
   * that names something of that kind: its text holds one of the kind's characters (xx县, 组织部 for 部门, xx银行 —
   * question.ts namesKind). The kind is the kind of answer, which a full match need not hold as a word; a passage
   * holding none of its characters names no such thing. Such a passage still credits and ranks; it is only no full
   * match (× partialFactor where another passage is one). Default true; false: as before round 26.
   */
  askedKindNamed?: boolean;
  /**
   * Round 27: in listedMention's test, the listed word's own related terms are no evidence that a passage says more of
   * it than its list does. They stand for the same thing, and in a list they are its sibling items: 立家训、传家风 names
   * 家训 beside 家风 (家训's related term), it does not say how a 家训 is written (家风家训怎么写, 上田村的家训原文是怎么写的).
   * A word of the question that is one of those related terms and lists the listed word among its own (家风 of 家风家训)
   * names the same subject, and goes too; one that does not (资助 of 学费怎么资助: 学费 lists it, it does not list 学费)
   * is what the question asks of the thing and stays, as do the question's other words and their related terms. Of
   * required words equally rare, the test reads the last typed — the head asked about (家训 of 上田村的家训, each held
   * by one passage), not the place or owner before it. Default true; false: as before round 27.
   */
  listedSiblings?: boolean;
  /**
   * Round 28: where paymentModified reads how a query ends (a payment word ending it right after a verb: 文艺队演出补贴),
   * what a chat message types after its last word is no part of that end: punctuation and symbols (？, ~, …, an emoji),
   * sentence-final particles (呢, 吗, 吧, 呀, 啊: jieba's y) and a verb leading to such a particle (有 of 有吗). Typed as a
   * question (文艺队演出补贴？, 文艺队演出补贴呢, …有吗) the query asks what it asks typed bare, and its answer is partial
   * as the bare query's is. Default true; false: the last word as typed, as before round 28 (a trailing ？ or 呢 then
   * ended the query, the payment no longer did, and the rule let the answer be full).
   */
  endParticles?: boolean;
  /**
   * Round 16 (everyday, second half): a concept's weight in the coverage factor × its specificity to this power — the
   * library idf of its rarest head, log(1 / share) / log(passages), 1 for a word the texts lack — so that a passage
   * holding one generic word as typed (a lone 学, 带) covers less of the query than one holding several of its ideas
   * through related terms. Default 0 (off: measured at 0.5 in round 16 and not kept, docs/search.md); 0 leaves the
   * coverage as before.
   */
  coverageSpecific?: number;
  /**
   * English numbers and ordinals as the texts write them, with the measure word CC-CEDICT glosses with the noun after
   * them (3rd batch → 第三批, eight types → 八类, 19th → 十九; english.ts numbersAsChinese). Default true.
   */
  englishNumbers?: boolean;
  /**
   * Most adjacent English words whose Chinese, joined in order, may stand for one stretch of the texts (Central Rural
   * Work Conference → 中央农村工作会议; english.ts). Default 4 (3 before round 6).
   */
  englishJoined?: number;
  /**
   * Weight of an English word's Chinese word found in more than maxPartShare of the passages (village → 乡村, rural →
   * 农村, party → 党) relative to other words: how telling a translation is, as IDF says of a word typed. The concept
   * is still required of a full match. Default 0.45 (1 before round 6, 0.6 before round 20 adopted the joint re-fit).
   */
  commonEnglishWeight?: number;
  /**
   * Round 14: in a query that types a Chinese word among English words (等靠要 mindset of poor villagers, 领雁工程
   * details), the English words' Chinese weighs this much, in the score and in the coverage, against the word typed:
   * the user named the Chinese; the English is a translation the dictionary guessed (mindset → 精神, where the passage
   * writes 观念). Only beside a telling word (in at most themeTopicShare of the passages) that is no theme's name. 1:
   * off (before round 14). Default 0.3 (0.2 gave the same tuning figures, 0.5 fewer).
   */
  englishBesideChinese?: number;
  /**
   * Round 15: an English word whose best sense is the dictionary's guess weighs this much, in the score and in the
   * coverage, against the query's other words: a single word whose best sense no gloss writes as typed or inflected,
   * only with another word of its Porter2 stem or inside a longer gloss (activities → 积极 "active", evening → 更是
   * "even", later → 横向 "lateral", going → 外出 "to go out"; analyze.ts Concept.guess), so that the words the
   * dictionary glosses as typed order the passages. 1: off (before round 15). Default 0.525 (0.7 before round 20
   * adopted the joint re-fit; in round 15 0.5 and 0.3 gained less on the tuning blocks).
   */
  englishGuessWeight?: number;
  /**
   * Round 16 (second half): an English word no look-up knows (no gloss of a library word, no near gloss, no synonym's)
   * is read through the dictionary's Chinese for it when that Chinese is a word people ask with, a `say` string of the
   * related terms and the village lexicon (disabled → 残疾, dance → 跳舞): analysed as if typed so, it reaches the
   * library's words the way a Chinese everyday query does (残疾 → 因病因残, 失能; english.ts saidAsOf). Needs the
   * glosses. false: such a word stays unknown (before). Default true.
   */
  englishSaid?: boolean;
  /**
   * Round 17: an English word no look-up knows and no `say` string gives (englishSaid), whose Chinese is a single
   * character the texts hardly use, is read as the texts' word holding that character, analysed as if typed in Chinese
   * (bench → 凳 → 板凳 of 板凳会, window → 窗 → 一窗受理, money → 钱; english.ts characterSaidOf): at most this share of
   * the passages may hold the character (a common one, 新 "new", 老 "old", stands in words of other senses). Needs the
   * glosses. 0: off (before round 17). Default 0.03.
   */
  englishCharacter?: number;
  /**
   * Round 17 (second half): an English verb and its particle (up, out, over, down, off, back, away) are read as the
   * texts' word the dictionary glosses with them (teaming up → 抱团 "to team up", cracking down → 扫黑 "to crack down
   * on illegal activities"; english.ts phrasalOf), where the verb alone had been looked up (teaming → 团队 "team": the
   * glossary's keys drop the particle as a filler); one glossing more than three of the texts' words (set up) is left
   * to its verb. Needs the glosses. false: off (before). Default true.
   */
  englishPhrasal?: boolean;
  /**
   * Round 17 (second half): englishCharacter reads an English word as a word of the texts the dictionary lacks only
   * if no dictionary word inside it holding the character is glossed otherwise (big → 伟 "big" is not 宏伟蓝图, whose
   * 伟 is 宏伟's, "grand; magnificent"; english.ts partsMeant). false: any such word (before). Default true.
   */
  englishCharacterParts?: boolean;
  /**
   * Round 22: a single English word no gloss of the library's words has whole, found only inside a longer gloss (poor
   * of 扶贫 "assistance to the poor", teachers of 名师 "great teacher"), is read first as the texts' two-character word
   * that a dictionary character glossed first as that word, standing in the near word, starts (贫 "poor" → 贫困, 师
   * "teacher" → 师生; a place name or place word aside: west is not 西藏), beside the first near word as an equal head
   * and the other near words after them as weaker senses; the reading joins no neighbouring English word (poor people is
   * not 贫困人口: the near words alone join). english.ts nearCharacterOf, Segment.own. Needs the glosses. false: the near
   * words alone (before). Default true.
   */
  englishNearCharacter?: boolean;
  /**
   * Round 23: a single English word found whole in the glosses whose best sense the dictionary glosses with it only
   * late or loosely in that word's line (its glosses.ts weight, 1 / (1 + the gloss's place), halved for a loose reading
   * or a library word inside a headword, below this) is the dictionary's guess as much as a stem-only reading, and
   * weighs englishGuessWeight: given → 一定 (its sixth gloss), rooms → 地方 (its seventh), like → 喜闻乐见 "to one's
   * liking", wiping → 报销 "to wipe out". Its senses are searched as before. english.ts EnglishContext.lateGloss. 0:
   * none marked (before). Default 0.2 (the sixth gloss or later of a headword's own, earlier when halved).
   */
  englishLateGloss?: number;
  /**
   * A place name typed in pinyin before the English for its kind (Gaohong town, Bainiu village, Linzhou county) is read
   * with that kind's syllable (gaohong zhen → 高虹镇; vocabulary.ts ENGLISH_PLACE_KINDS). Default true.
   */
  pinyinPlaces?: boolean;
  /**
   * Round 28 (issue 9, English): Latin letters no look-up knows that spell, in toneless pinyin, an abbreviation of the
   * shipped dictionary (a headword with an `=expansion`, of two characters or more) which the texts lack but whose
   * expansion they hold (dibao → 低保, 城市居民最低生活保障 of which the texts hold 最低生活保障) are read as that
   * abbreviation typed in Chinese, where {@link TypoCorrector.fromPinyin} finds no library word for them (it spells
   * only the texts' own words). A spelling several such abbreviations share is left as typed. Default true.
   */
  pinyinAbbreviations?: boolean;
  /**
   * Round 7's English rules, each on unless set false (english.ts EnglishRules: numbered names such as three
   * exemptions and one subsidy → 三免一补, how many asking as 多少 does). Default all on.
   */
  englishRules?: EnglishRules;
  /**
   * An index saved by {@link ZhenxingSearchEngine.save} from an engine over the same passages, with the same options
   * and code: loaded instead of built (segmenting and clustering a 1 000-document library takes tens of seconds).
   * Ignored when its passage count differs. Default none.
   */
  saved?: SavedEngineIndex;
  /**
   * The passages' jieba words from an earlier run of the same code (src/library caches them per document), used
   * instead of segmenting every passage again; see PassageIndexOptions.tokens. Default none.
   */
  tokens?: readonly PassageTokens[];
}

/** A built engine's index as plain data (JSON-serialisable). */
export interface SavedEngineIndex {
  index: SavedPassageIndex;
  /** Near-duplicate cluster of each passage. */
  cluster: number[];
  /** The English glossary over the library's words (absent when built with `glosses: false`). */
  glossary?: SavedGlossary;
  /** The pinyin of the library's words, for the typo corrector's tables (see TypoOptions.saved). */
  typo?: SavedTypoReadings;
  /** The library's words as the dictionary reads them, for the neighbours' tables (neighbours.ts SavedNeighbours). */
  neighbours?: SavedNeighbours;
}

type ResolvedOptions = Required<Omit<SearchEngineOptions, 'fieldBoost' | 'bm25' | 'dedupe' | 'snippet' | 'saved' | 'tokens' | 'neighbours' | 'bigrams'>> & {
  fieldBoost: Required<NonNullable<SearchEngineOptions['fieldBoost']>>;
  bm25: Required<Bm25Parameters>;
  dedupe: DedupeOptions | false;
  neighbours: NeighbourOptions | false;
  bigrams: Required<BigramSignalOptions> | false;
  snippet: SnippetOptions;
};

/** The defaults, merged in one place. */
export const SEARCH_DEFAULTS: Readonly<ResolvedOptions> = Object.freeze({
  maxQueryLength: DEFAULT_MAX_QUERY_LENGTH,
  defaultLimit: 5,
  maxLimit: 50,
  fieldBoost: { title: 0.75, section: 2, text: 1 },
  bm25: { ...BM25_DEFAULTS, b: 0.875 },
  partWeight: 0.5,
  maxPartShare: 0.3,
  gramWeight: 0.6,
  relatedWeight: 0.375,
  relatedCredit: 0.75,
  englishSenseCredit: 0.75,
  everydayFocus: 9,
  everydayFocusFloor: 0.3,
  everydayFocusChar: 0.5,
  lightNouns: true,
  coveragePower: 2,
  coverageFloor: 0.1,
  partialFactor: 0.5,
  ownShare: 0.25,
  stretchBonus: 0.5,
  themeBoost: 1.25,
  themeOnlyWeight: 0.1,
  themeTopicWeight: 0.3,
  themeTopicShare: 0.2,
  themeTopicHeld: true,
  wholeQueryBonus: 0.5,
  dedupe: {},
  snippet: {},
  maxSuggestions: 5,
  analysisCache: 16,
  glosses: true,
  glossNear: true,
  englishSynonyms: true,
  neighbours: {},
  bigrams: BIGRAM_DEFAULTS,
  nearbyWeight: 0.3,
  nearbyCredit: 0.5,
  nearbyAnchored: true,
  nearbyCooccur: true,
  nearbySure: 0.8,
  unheldNearby: 7,
  standInHeadings: 0.5,
  nearbyAnchorChars: 2,
  separableWords: true,
  insideJoin: true,
  loneSay: true,
  loneCharacterWords: true,
  separableLonger: true,
  complementJoin: true,
  materialAspects: true,
  repeatedVerbs: true,
  materialStretch: true,
  aspectTail: true,
  kindNouns: true,
  yearSuffix: true,
  textKinds: false,
  genreWords: true,
  englishKinds: true,
  genreOpening: true,
  textCounts: true,
  rejoinMaterial: true,
  questionAdverbs: true,
  quantityBonus: 0.2,
  quantityWindow: 12,
  headingBonus: 0.8,
  headingShare: 0.1,
  listBonus: 0.2,
  listSpan: 40,
  typedStretchBonus: 0.2,
  typedStretchDepth: 5,
  junctionBonus: 0.3,
  junctionShare: 0.1,
  itemBonus: 0.2,
  scopeWords: true,
  typoStopLead: false,
  typoGluedEdges: true,
  typoPairTogether: true,
  keepUnderstood: true,
  placeWeight: 1,
  placeAsAspect: true,
  placeGlue: true,
  dictionaryPlaces: true,
  glossComposed: true,
  sameSenseSay: true,
  placeCountParts: true,
  placeNeighbours: true,
  listedExamples: true,
  quotedTypoTargets: true,
  whichMeasure: true,
  determinerModifier: true,
  questionVerbCoverage: 0.7,
  lengthCoverage: 0.9375,
  broadOpening: 1,
  titleSubject: true,
  articleSubject: true,
  kindOfAnswerOpening: true,
  materialClause: 0,
  questionVerbHeadings: 0,
  subjectFirst: 2,
  variantFold: true,
  quotedListTargets: true,
  typoSplitUnknown: true,
  requestFrames: true,
  someoneKnows: true,
  chatContext: true,
  relatedUncoveredMax: 1,
  relatedOnce: true,
  distantRelatedShare: 0.85,
  piecesUnderSense: true,
  headStandInClose: true,
  headNounOnly: true,
  askedAmountStated: true,
  amountWindow: 20,
  paymentNear: true,
  paymentModified: true,
  askedHowMention: true,
  numberedNames: true,
  listedMention: true,
  askedNounSubject: true,
  amountBeforePayment: true,
  standInListed: true,
  askedNumberStated: true,
  askedMembersListed: true,
  countUnitHeld: true,
  askedYearHeld: true,
  askedKindNamed: true,
  listedSiblings: true,
  endParticles: true,
  coverageSpecific: 0,
  englishNumbers: true,
  englishJoined: 4,
  englishBesideChinese: 0.3,
  englishGuessWeight: 0.525,
  englishSaid: true,
  englishCharacter: 0.03,
  englishPhrasal: true,
  englishCharacterParts: true,
  englishNearCharacter: true,
  englishLateGloss: 0.2,
  commonEnglishWeight: 0.45,
  pinyinPlaces: true,
  pinyinAbbreviations: true,
  englishRules: {},
});

function resolveOptions(options: SearchEngineOptions): ResolvedOptions {
  return {
    ...SEARCH_DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && k !== 'saved' && k !== 'tokens')),
    fieldBoost: { ...SEARCH_DEFAULTS.fieldBoost, ...options.fieldBoost },
    bm25: { ...SEARCH_DEFAULTS.bm25, ...options.bm25 },
    dedupe: options.dedupe === false ? false : { ...(options.dedupe ?? {}) },
    neighbours: options.neighbours === false ? false : { ...(options.neighbours ?? {}) },
    bigrams: options.bigrams === false ? false : { ...BIGRAM_DEFAULTS, ...options.bigrams },
    snippet: { ...SEARCH_DEFAULTS.snippet, ...options.snippet },
  };
}

/** A SearchEngine plus facts about its index (for the benchmark and diagnostics). */
export interface ZhenxingSearchEngine extends SearchEngine {
  /** Passages indexed. */
  readonly size: number;
  /** Milliseconds spent building the index, excluding the jieba dictionary load. */
  readonly buildMs: number;
  /** Milliseconds the jieba dictionary load took in this process (it happens once, for the first engine built). */
  readonly jiebaLoadMs: number;
  /** Milliseconds spent building the English glossary over the library, or loading it with a saved index (part of the build; see glosses.ts). */
  readonly glossaryMs: number;
  /** The built index as plain data, to pass back as `saved` (see SearchEngineOptions.saved). */
  save(): SavedEngineIndex;
  /** `JSON.stringify(save())` in pieces, to write a large index without one long block (see PassageIndex.saveJson). */
  saveJson(): Generator<string, void, void>;
  /**
   * Builds now, in steps that may pause (pace.ts), what the engine otherwise builds on the query that first needs it
   * (the typo corrector's tables: a quarter of a second at 1 000 documents): the running bot warms a reloaded
   * engine before serving it, so no user's query pays for it.
   */
  warmSteps(): Steps<void>;
  /**
   * {@link warmSteps}, then what a first query with a word the library lacks reads once per process: the CC-CEDICT
   * dictionary (~0.1 s CPU to unzip and split). The running bot runs them in slices after it has started
   * (library/live.ts), so that its first user's such query does not pay for them; answers are the same either way.
   */
  firstUseSteps(): Steps<void>;
  /** Parses and analyses a query without searching (for debugging and tests). */
  explain(query: string): { parsed: ParsedQuery; analyzed: AnalyzedQuery };
}

interface Hit {
  index: number;
  score: number;
}

/** A ranking that sorts lazily: `top(k)` gives the k best hits, best first. */
interface Ranked {
  total: number;
  top(k: number): Hit[];
}

/**
 * The counted concepts' coverage weights (from each concept's focus when no rule has scaled them yet) scaled by a
 * rule's factor: rank() applies its coverage rules one after another.
 */
function scaledWeights<C extends { focus: number }>(weights: readonly number[] | undefined, bits: readonly C[], factor: (c: C, k: number) => number): number[] {
  return (weights ?? bits.map((c) => c.focus)).map((w, k) => w * factor(bits[k] as C, k));
}

/** A theme as a suggestion's text (主题:组织): what the user types to search it. It needs nothing of the engine. */
function themeText(t: ThemeId): string {
  return `主题:${THEMES.find((x) => x.id === t)?.short ?? t}`;
}

/** Whether hit a ranks before hit b: a higher score, then a lower index. */
function betterHit(index: readonly number[], score: readonly number[], a: number, b: number): boolean {
  return (score[a] as number) > (score[b] as number) || (score[a] === score[b] && (index[a] as number) < (index[b] as number));
}

/**
 * The k best hits, best first (higher score, then lower index: a total order, so the same hits as sorting them
 * all), from parallel arrays; only the k hits are made into objects.
 */
export function topHits(index: readonly number[], score: readonly number[], k: number): Hit[] {
  const n = index.length;
  if (k <= 0 || n === 0) return [];
  let order: number[];
  if (k * 4 >= n) {
    order = [];
    for (let i = 0; i < n; i++) order.push(i);
    // The comparator's sign as betterHit's both ways gives it (−1 when a is better, 1 when b is, else 0), from one
    // subtraction: scores that differ give its sign; equal ones (±Infinity too, whose difference is NaN) the
    // indices'; a NaN score, never better nor worse than another, 0.
    order.sort((a, b) => {
      const sa = score[a] as number;
      const sb = score[b] as number;
      const d = sb - sa;
      return d > 0 ? 1 : d < 0 ? -1 : sa === sb ? (index[a] as number) - (index[b] as number) : 0;
    });
    order.length = Math.min(k, n);
  } else {
    order = [];
    for (let i = 0; i < n; i++) {
      if (order.length === k && !betterHit(index, score, i, order[k - 1] as number)) continue;
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (betterHit(index, score, i, order[mid] as number)) hi = mid;
        else lo = mid + 1;
      }
      order.splice(lo, 0, i);
      if (order.length > k) order.pop();
    }
  }
  return order.map((i) => ({ index: index[i] as number, score: score[i] as number }));
}

/** Whether CC-CEDICT has the headword (for loneCharacterWords; the dictionary is read once per process). */
const inCedict = (word: string): boolean => dictionaryFields(word) !== undefined;
/** Locative characters after a noun (城里, 家里, 山上, 村头): placeNeighbours. */
const LOCATIVES = new Set(['里', '上', '下', '头', '边', '面', '外', '内']);

/** A Latin letter; a Han character (englishBesideChinese). */
const LATIN_IN = /[a-z]/i;
const HAN_IN = /\p{Script=Han}/u;
/** No passage: the answer most words get from a per-word memo of passages, shared rather than made per word. */
const NO_PASSAGES: ReadonlySet<number> = new Set();
/** Every Han character (titleSubject counts a subject's length in them). */
const HAN_CHAR = /\p{Script=Han}/gu;

/** Occurrences of a string occursWhole cuts around, and the characters of text cut on each side of one. */
const WHOLE_LOOKS = 4;
const WHOLE_WINDOW = 6;

/** The five themes' names (产业振兴 …): a stretch that is one is the theme rules' to weigh. */
const THEME_NAMES: ReadonlySet<string> = new Set(THEMES.map((t) => t.name));
/** The particles after each item of a list of examples typed in chat (路啊医院啊, 猪呀羊呀): listedExamples. */
const EXAMPLE_PARTICLES = ['啊', '呀', '啦'] as const;
/** A name of two to eight Han characters between quotation marks in a passage's text (“化债九法”, 「耕保贷」). */
const QUOTED_NAME = /[“"「『]([\p{Script=Han}]{2,8})[”"」』]/gu;
/** A list of names in one pair of quotation marks, the names set apart by 、 (“千企结千村、消灭薄弱村”). */
const QUOTED_LIST = /[“"「『]((?:\p{Script=Han}{2,8}、)+\p{Script=Han}{2,8})[”"」』]/gu;
/** A query's typed stretches (bigram-signal.ts) but the themes' names. */
const stretchesOf = (folded: string): string[] => typedStretches(folded).filter((x) => !THEME_NAMES.has(x));
/**
 * The asking words (question.ts ASKING, the engine's one list since round 10: this was a third, without 能不能 / 是不是 /
 * 有没有 …), where heldStretch and stretchOf split a query, and the mark stretchOf leaves for a dropped word; every match.
 */
const QUESTION_WORDS_ALL = new RegExp(`${ASKING.source}|\\u0000`, 'gu');

const ENGLISH_WORDS: ReadonlySet<string> = new Set(Object.keys(ENGLISH_TERMS).flatMap((k) => k.split(/[\s-]+/).map(stem)));

/** A theme's strong lexicon terms (weight 2 or more), folded once per process: marked in every theme query's snippets. */
const themeMarkCache = new Map<ThemeId, readonly { text: string; weight: number }[]>();
function themeMarks(theme: ThemeId): readonly { text: string; weight: number }[] {
  let marks = themeMarkCache.get(theme);
  if (!marks) {
    marks = (THEME_LEXICON[theme] ?? []).filter(([, weight]) => weight >= 2).map(([term, weight]) => ({ text: foldText(term), weight }));
    themeMarkCache.set(theme, marks);
  }
  return marks;
}

// Related terms as marked in snippets, folded once per process: the same few hundred recur in every query's marks.
const foldedTerms = createBoundedMemo<string, string>(10_000);
const foldTerm = (text: string): string => foldedTerms.get(text) ?? foldedTerms.set(text, foldText(text));

/** Each lexicon term of a theme as its characters, for the suggestions (split once per process). */
const themeCharCache = new Map<ThemeId, readonly string[][]>();
function themeTermChars(theme: ThemeId): readonly string[][] {
  let terms = themeCharCache.get(theme);
  if (!terms) {
    terms = (THEME_LEXICON[theme] ?? []).map(([term]) => Array.from(term));
    themeCharCache.set(theme, terms);
  }
  return terms;
}

// plan()'s helpers.

/** Keeps a query term at its highest weight, if the index holds it. */
function putWeight(weights: Map<string, number>, index: { has(term: string): boolean }, term: string, w: number): void {
  if (index.has(term) && w > (weights.get(term) ?? 0)) weights.set(term, w);
}

/** A term's coverage bit as its low word (0 for none: a term past 64, or not searched). */
function lowOf(bitByTerm: ReadonlyMap<string, number>, term: string): number {
  const bit = bitByTerm.get(term) ?? -1;
  return bit >= 0 && bit < 32 ? (1 << bit) >>> 0 : 0;
}

/** A term's coverage bit as its high word (0 for none). */
function highOf(bitByTerm: ReadonlyMap<string, number>, term: string): number {
  const bit = bitByTerm.get(term) ?? -1;
  return bit >= 32 ? (1 << (bit - 32)) >>> 0 : 0;
}

function maskLow(bitByTerm: ReadonlyMap<string, number>, list: readonly string[]): number {
  let low = 0;
  for (const t of list) low = (low | lowOf(bitByTerm, t)) >>> 0;
  return low;
}

function maskHigh(bitByTerm: ReadonlyMap<string, number>, list: readonly string[]): number {
  let high = 0;
  for (const t of list) high = (high | highOf(bitByTerm, t)) >>> 0;
  return high;
}

/** A concept's terms that are evidence of it: a lone character only for a one-character concept. */
function addEvidence(evidence: string[], list: readonly string[], chars: number): void {
  for (const t of list) if (chars === 1 || charCount(t) > 1) evidence.push(t);
}

/** Whether two strings share a Han character of the basic block or extension A (补贴 and 补助; 投票 and 换届 do not). */
function sharesHan(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) && b.includes(a[i] as string)) return true;
  }
  return false;
}

/** Light nouns: heading a 的 phrase, they say what kind of thing it names, not what it is about (see lightNouns). */
const LIGHT_NOUN = /^(?:地方|地儿|事|事情|事儿)$/u;
/** What marks the word after it as the head of what is asked: 的 (学校老师的工资), an asking determiner or adverb. */
const HEAD_MARK = /(?:[的之]|什么|啥|哪[些个种类样]|怎么|怎样|如何|咋)$/u;
/** jieba's tags of a word that says what is done or how (a predicate), not what about: verbs, adjectives, idioms. */
const PREDICATE_TAG = /^(?:v[di]?|a[d]?|d|i|l|z)$/;
/** jieba's tags of a count (一个, 一年, 三千). */
const COUNT_TAGS = /^(?:m|mq)$/;
/** Before the head, a verb it is the object of (出|主意, 搬到|县城) or a place word (荒山上|栽树). */
const GOVERNS_TAG = /^(?:v[di]?|f)$/;
/**
 * After the head (past adverbs and the verbs that lead to a question), a verb, preposition or place word that goes on
 * saying what happens (政府|给, 送戏|下乡, 县城|边上, 穷人|也能|分到钱): the head is what the sentence is about, not what is asked.
 */
const GOES_ON_TAG = /^(?:v[di]?|p|s|f)$/;
/** Verbs after a head that lead to the question or to another verb (工资|是|多少, 补助|有|多少, 穷人|也|能|分到). */
const LEADS_ON = new Set(['是', '有', '要', '能', '可以', '会', '算', '属于']);

/**
 * Whether the word at `at` of a query's text (its last word a full match must hold) reads as the head of what is asked
 * (SearchEngineOptions.headNounOnly): after 的, an asking determiner or adverb, always; otherwise not a predicate or an
 * asking word by jieba's dictionary, not governed by the verb or place word before it, not followed by a verb, and not
 * in a query one related group's `say` strings cover from end to end (法律明白人, 形式主义|走过场: the lexicon says what
 * the whole query means). Asked only where the rule would change something (the head has a distant stand-in).
 */
function readsAsHead(text: string, word: string, at: number): boolean {
  const end = at + word.length;
  let governed = false;
  let after = false;
  let pos = 0;
  for (const { word: w, tag: t } of tag(text)) {
    const i = text.indexOf(w, pos);
    const start = i >= 0 ? i : pos;
    pos = start + w.length;
    if (pos === at && GOVERNS_TAG.test(t)) governed = true;
    if (start < end) continue;
    // The first word after the head that is neither an adverb (好 of 好挣钱 too) nor a verb leading on says whether the
    // sentence goes on.
    if (t === 'd' || t === 'a' || t === 'ad' || LEADS_ON.has(w)) continue;
    after = GOES_ON_TAG.test(t) && !ASKING.test(w);
    break;
  }
  if (after) return false;
  if (HEAD_MARK.test(text.slice(0, at).trimEnd())) return true;
  const own = tag(word);
  if (governed || own.length !== 1 || PREDICATE_TAG.test(own[0]?.tag ?? 'x') || ASKING.test(word)) return false;
  return !saidWhole(text.replace(/\s+/g, ''));
}

/** Round 15 (listedMention): a question about the words of a saying (多劳多得是怎么说的), which a list quoting it gives. */
const ASKS_WORDING = /(?:怎么|怎样|如何)说/u;

/**
 * Whether a payment word ends the query right after a verb of two characters or more (演出|补贴, 养殖|补贴, 创业|补贴): such
 * a verb names the activity the payment is for, where one of one character takes it as its object (挣|工资, 拿|补贴).
 * (SearchEngineOptions.paymentModified.)
 */
function modifiedPayment(text: string, word: string, endParticles = false): boolean {
  const all = tag(text.replace(/\s+/g, ''));
  const words = endParticles ? all.slice(0, endOfWords(all)) : all;
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  return last?.word === word && before !== undefined && /^v[n]?$/.test(before.tag) && Array.from(before.word).length > 1;
}

/** jieba's tags of what a chat message types after its last word: punctuation and symbols (x), modal particles (y), interjections (e), onomatopoeia (o). */
const TAIL_TAG = /^[xyeo]$/;
/** Sentence-final particles jieba may tag otherwise (哈 as a name). */
const TAIL_PARTICLES: ReadonlySet<string> = new Set(['呢', '吗', '吧', '嘛', '呀', '啊', '啦', '哦', '哈', '呗', '哇', '喔', '嘞', '咯']);
/**
 * Round 28 (SearchEngineOptions.endParticles): how many of a query's tagged words stand before what a chat message
 * types after its last word — punctuation and symbols, sentence-final particles and a verb leading to one (有 of 有吗,
 * 是 of 是吗). Exported for its test.
 */
export function endOfWords(words: readonly { word: string; tag: string }[]): number {
  let end = words.length;
  let particle = false;
  while (end > 0) {
    const w = words[end - 1] as { word: string; tag: string };
    const punctuation = /^[\p{P}\p{S}]+$/u.test(w.word);
    // Round 29: jieba tags x the words it does not know as well as punctuation (办卡 of …要办卡吗, 哪开 of …在哪开呢):
    // an x word with a letter or digit in it is a word, not what is typed after the last one.
    const tail = TAIL_TAG.test(w.tag) && !(w.tag === 'x' && /[\p{L}\p{N}]/u.test(w.word));
    if (!punctuation && !tail && !TAIL_PARTICLES.has(w.word)) break;
    if (!punctuation) particle = true;
    end--;
  }
  if (particle && end > 1 && LEADS_ON.has((words[end - 1] as { word: string }).word)) end--;
  return end;
}

/** Whether the `say` strings of one related group cover a (bare) query from its first character to its last. */
function saidWhole(text: string): boolean {
  const spans = saySpans(text).sort((x, y) => x[0] - y[0]);
  for (const [, , group] of spans) {
    // The group's strings, left to right, chain when each starts by the end of the ones before it.
    let reach = 0;
    for (const [from, to, g] of spans) if (g === group && from <= reach && to > reach) reach = to;
    if (reach === text.length) return true;
  }
  return false;
}

/** A candidate's final score for a bonus and full-match outcome, computed as the scan computes it (same operations, order). */
function finalScoreOf(base: number, bonus: boolean, full: boolean, bonusFactor: number, partialFactor: number): number {
  let s = base;
  if (bonus) s *= bonusFactor;
  if (!full) s *= partialFactor;
  return s;
}

/** Set bits of a 32-bit word. */
function popCount(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/**
 * Round 15 (lengthCoverage): Chinese keywords typed apart (控辍保学 政策 宣讲), no question and no Latin letters (English
 * queries and their mixed forms are weighed by their own rules).
 */
const keywordList = (text: string): boolean => /\p{Script=Han}\s+\p{Script=Han}/u.test(text) && !/[a-z]/i.test(text) && !isQuestion(text);

/** Builds the engine over a loaded corpus. Loads jieba first if this process has not yet. */
export function createSearchEngine(corpus: Corpus, options: SearchEngineOptions = {}): ZhenxingSearchEngine {
  return runNow(searchEngineSteps(corpus, options));
}

/**
 * {@link createSearchEngine} as steps that may pause after each passage folded, filtered and indexed (the running
 * bot's reload, run in slices so that it keeps answering meanwhile; see pace.ts).
 */
export function* searchEngineSteps(corpus: Corpus, options: SearchEngineOptions = {}): Steps<ZhenxingSearchEngine> {
  const o = resolveOptions(options);
  const jiebaMs = loadJieba();
  const started = performance.now();
  const passages: readonly Passage[] = corpus.passages;
  const folded: FoldedText[] = [];
  // Sentence spans of passages shown so far, computed on first display, and whether each passage is plain text
  // (snippet.ts isPlainText: 0 not yet known, 1 plain, 2 not).
  const sentences: (readonly [number, number][] | undefined)[] = [];
  const plainText = new Uint8Array(passages.length);
  // Whether each passage's text holds whitespace (0 not yet known, 1 none, 2 some).
  const spacedText = new Uint8Array(passages.length);
  const bareText: string[] = [];
  // Title and section, letters and digits only: the whole-query bonus also applies when a heading says it all.
  const bareHeadings: string[] = [];
  // Section headings alone: a passage under 打造城乡党建共同体 matches that name fully though its text does not repeat it.
  const bareSections: string[] = [];
  // An article's opening passage (not a fragment: 000-000 starts mid-sentence): its title, letters and digits only;
  // '' for every other passage (broadOpening).
  const openingTitle: string[] = [];
  // The distinct titles of those openings (titleSubject).
  const openingTitles: string[] = [];
  // Titles and sections repeat across an article's passages: fold each distinct one once.
  const headingCache = new Map<string, string>();
  const foldHeading = (text: string | null): string => {
    if (!text) return '';
    let cached = headingCache.get(text);
    if (cached === undefined) {
      cached = foldText(text);
      headingCache.set(text, cached);
    }
    return cached;
  };
  const documents: IndexDocument[] = [];
  for (const p of passages) {
    const f = foldWithMap(p.text);
    folded.push(f);
    bareText.push(bare(f.folded));
    const title = foldHeading(p.title);
    const section = foldHeading(p.section);
    // NUL keeps the whole query from matching across the end of the title and the start of the section.
    bareHeadings.push(`${bare(title)}\u0000${bare(section)}`);
    bareSections.push(bare(section));
    const opening = p.position.start === 0 && !p.fragment ? bare(title) : '';
    openingTitle.push(opening);
    if (opening !== '' && !openingTitles.includes(opening)) openingTitles.push(opening);
    documents.push({ title, section, text: f.folded });
    yield;
  }
  // Per passage, a 2048-bit Bloom filter of its text's character pairs: a word with a pair missing is certainly not in
  // the text, which spares most of the `includes` scans that check a word is there whole (matchesWhole).
  const BLOOM_WORDS = 64;
  const bloom = new Uint32Array(passages.length * BLOOM_WORDS);
  const pairHash = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 21;
  for (let i = 0; i < bareText.length; i++) {
    const t = bareText[i] as string;
    const base = i * BLOOM_WORDS;
    for (let k = 0; k + 1 < t.length; k++) {
      const h = pairHash(t.charCodeAt(k), t.charCodeAt(k + 1));
      bloom[base + (h >>> 5)] = ((bloom[base + (h >>> 5)] as number) | (1 << (h & 31))) >>> 0;
    }
    if (i % 64 === 63) yield;
  }
  /** Whether the passage's text may hold `s` (letters and digits, 2+ code units): false is certain. */
  const mayHold = (i: number, s: string): boolean => {
    const base = i * BLOOM_WORDS;
    for (let k = 0; k + 1 < s.length; k++) {
      const h = pairHash(s.charCodeAt(k), s.charCodeAt(k + 1));
      if (((bloom[base + (h >>> 5)] as number) & (1 << (h & 31))) === 0) return false;
    }
    return true;
  };
  // Bigrams weigh 1 here; their weight relative to words is the query side's gramWeight.
  const saved = options.saved && options.saved.cluster.length === passages.length ? options.saved : undefined;
  const searchIndex = yield* passageIndexSteps(documents, {
    fieldBoost: { ...o.fieldBoost, grams: 1 },
    bm25: o.bm25,
    ...(saved ? { saved: saved.index } : {}),
    ...(options.tokens ? { tokens: options.tokens } : {}),
  });
  const cluster = Int32Array.from(
    saved ? saved.cluster : o.dedupe === false ? passages.map((_, i) => i) : (yield* nearDuplicateSteps(bareText, o.dedupe)),
  );
  const docIds = [...new Set(passages.map((p) => p.docId))].sort();
  const articleIds = [...new Set(passages.map((p) => p.articleId))];
  // One map look-up per passage, not a search of the article list (articles × passages as users add documents).
  const articleIndex = new Map(articleIds.map((id, k) => [id, k]));
  const articleOf = Int32Array.from(passages.map((p) => articleIndex.get(p.articleId) as number));
  // Round 26 (askedYearHeld): per article, the years its title, date and source name (a title's 2022年, a date's 2023),
  // read from its first passage in one pass (a search per article would be articles × passages).
  const articleMeta = new Map<string, (typeof corpus.articles)[number]>();
  for (const a of corpus.articles) if (!articleMeta.has(a.id)) articleMeta.set(a.id, a);
  const articleYears: string[] = [];
  passages.forEach((p, i) => {
    const k = articleOf[i] as number;
    if (articleYears[k] !== undefined) return;
    const a = articleMeta.get(p.articleId);
    const said = `${p.title} ${a?.title ?? ''} ${a?.date ?? ''} ${a?.source ?? ''}`;
    articleYears[k] = (said.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? []).join(' ');
  });
  const articleSize = new Int32Array(articleIds.length);
  for (const a of articleOf) articleSize[a] = (articleSize[a] as number) + 1;
  // Round 29 (articleSubject): per article, its opening passage (openingTitle's), -1 for none.
  const articleOpening = new Int32Array(articleIds.length).fill(-1);
  passages.forEach((_, i) => {
    if ((openingTitle[i] as string) !== '' && (articleOpening[articleOf[i] as number] as number) < 0) articleOpening[articleOf[i] as number] = i;
  });
  const buildMs = performance.now() - started;

  const hasTerm = (term: string): boolean => searchIndex.has(term);
  /** Whether some passage's text (not only a heading) holds the term. */
  const inText = (term: string): boolean => searchIndex.textFrequency(term) > 0;
  /** Share of passages whose text contains a word term. */
  const share = (term: string): number => (searchIndex.size > 0 ? searchIndex.textFrequency(term) / searchIndex.size : 0);
  /**
   * coverageSpecific: the library idf of a concept's rarest head the texts hold, scaled to 0..1 (a word in one passage
   * 1, in every passage 0), to the option's power; 1 for a concept whose heads no text holds (nothing to tell).
   */
  const specificity = (heads: readonly string[]): number => {
    if (o.coverageSpecific === 0 || searchIndex.size < 2) return 1;
    let least = 1;
    for (const h of heads) {
      const s = share(h);
      if (s > 0 && s < least) least = s;
    }
    if (least >= 1) return heads.some((h) => share(h) > 0) ? 0 : 1;
    return Math.pow(Math.log(1 / least) / Math.log(searchIndex.size), o.coverageSpecific);
  };
  /**
   * The article a name belongs to: every passage whose text holds it is in that one article, and at least
   * ownShare of the article's passages (and three) hold it: 拉萨 of the article on Lhasa. The article's other
   * passages are about it too (建成易地扶贫搬迁安置点39个 is Lhasa's), so they count as holding it for the coverage
   * and the full match, though it adds nothing to their score and does not make them results. -1 for none.
   */
  const ownCache = createBoundedMemo<string, number>(10_000);
  const ownArticle = (term: string): number => {
    let own = ownCache.get(term);
    if (own !== undefined) return own;
    own = -1;
    const df = searchIndex.textFrequency(term);
    if (df >= 3 && o.ownShare <= 1) {
      let article = -2;
      searchIndex.search([{ term, weight: 1, bit: 0 }], (i, _s, _l, _h, bodyLow) => {
        if ((bodyLow & 1) === 0 || article === -1) return;
        const a = articleOf[i] as number;
        article = article === -2 || article === a ? a : -1;
      });
      if (article >= 0 && df >= o.ownShare * (articleSize[article] as number)) own = article;
    }
    return ownCache.set(term, own);
  };
  /** Whether a pair of Han characters occurs in some passage's text. */
  const pairKnown = (pair: string): boolean => searchIndex.textFrequency(`${GRAM_PREFIX}${pair}`) > 0;

  /**
   * The Bloom words and bits of a string's character pairs (mayHold's look-ups), hashed once for a scan of every
   * passage rather than once per passage.
   */
  const probeOf = (s: string): Int32Array => {
    const probe = new Int32Array(Math.max(0, s.length - 1) * 2);
    for (let k = 0; k + 1 < s.length; k++) {
      const h = pairHash(s.charCodeAt(k), s.charCodeAt(k + 1));
      probe[2 * k] = h >>> 5;
      probe[2 * k + 1] = 1 << (h & 31);
    }
    return probe;
  };
  /** mayHold with the pairs hashed beforehand (probeOf). */
  const mayHoldProbe = (i: number, probe: Int32Array): boolean => {
    const base = i * BLOOM_WORDS;
    for (let k = 0; k < probe.length; k += 2) if (((bloom[base + (probe[k] as number)] as number) & (probe[k + 1] as number)) === 0) return false;
    return true;
  };
  /** Whether some passage's text holds a bare string, by scanning the texts its character pairs may be in. */
  const scan = (key: string): boolean => {
    const probe = probeOf(key);
    for (let i = 0; i < bareText.length; i++) if (mayHoldProbe(i, probe) && (bareText[i] as string).includes(key)) return true;
    return false;
  };
  // scan, cached: asked again of the same query's whole and words (occurs keeps its own answers).
  const scannedCache = createBoundedMemo<string, boolean>(10_000);
  const scanned = (key: string): boolean => scannedCache.get(key) ?? scannedCache.set(key, scan(key));

  // Whether some passage's text holds a string (letters and digits compared), cached: a word term answers at once, a
  // missing character pair rules it out, and only otherwise are the texts scanned.
  // Its bound: at 100× the glossary's build and one pass of the 3,240 judged queries ask ~24,000 distinct strings
  // (question stretches, English spellings, numbers); at 10,000 the memo forgot everything several times a pass.
  // 50,000 short keys and booleans are a few MB.
  const occursCache = createBoundedMemo<string, boolean>(50_000);
  const occurs = (text: string): boolean => {
    const key = bare(text);
    if (key.length === 0) return false;
    let found = occursCache.get(key);
    if (found !== undefined) return found;
    if (inText(key)) found = true;
    else if (someGram(key, (g) => !inText(g))) found = false;
    else found = scan(key);
    return occursCache.set(key, found);
  };

  /** Every word of the passages' text with its passage count (bigram terms left out), as this engine indexed it. */
  // Listed once, on first use: the glossary, the typo corrector and the neighbours each go through them.
  let wordList: readonly [string, number][] | undefined;
  function textWords(): readonly [string, number][] {
    if (wordList) return wordList;
    const list: [string, number][] = [];
    for (const [term, df] of searchIndex.terms()) if (df > 0 && !term.startsWith(GRAM_PREFIX)) list.push([term, df]);
    wordList = list;
    return list;
  }

  /**
   * The typo corrector's words: the texts' words and, with quotedTypoTargets, the names the texts put in quotation
   * marks (“化债九法”, “耕保贷”, “强村九法”) that jieba cuts into single characters, with their passage counts: a typo of
   * such a name (化债九发, 耕保代) had no word to be corrected to.
   */
  function typoWords(): readonly [string, number][] {
    const words = textWords();
    const quoted = new Map<string, number>();
    for (let i = 0; i < folded.length; i++) {
      const seen = new Set<string>();
      const text = (folded[i] as FoldedText).folded;
      const names = [...text.matchAll(QUOTED_NAME)].map((m) => m[1] as string);
      // Round 12 (quotedListTargets): the items of a list in one pair of quotation marks (“千企结千村、消灭薄弱村”).
      if (o.quotedListTargets) for (const m of text.matchAll(QUOTED_LIST)) names.push(...(m[1] as string).split('、').filter((x) => x.length >= 2 && x.length <= 8));
      for (const name of names) {
        if (seen.has(name) || searchIndex.textFrequency(name) > 0) continue;
        seen.add(name);
        quoted.set(name, (quoted.get(name) ?? 0) + 1);
      }
    }
    return quoted.size === 0 ? words : [...words, ...quoted];
  }

  // Typos are corrected against the words of the passages' text, whatever documents the engine was built over.
  // Its tables are built on the first query with a stretch the texts lack, from the words' pinyin saved with the index
  // when there is one (reading every word's pinyin is most of their cost).
  const corrector = createTypoCorrector(o.quotedTypoTargets ? typoWords : textWords, saved?.typo ? { saved: saved.typo } : {});

  // Dictionary glosses over this library's words, built with the index (in steps, like the rest of a reload) so that
  // no user's first English query waits for them, or loaded with a saved index.
  const glossaryStarted = performance.now();
  const savedGlossary =
    o.glosses && saved?.glossary ? glossaryFromSaved(saved.glossary, loadGlossLines, () => (o.englishSynonyms ? loadSynonymLines() : [])) : undefined;
  const glossary: Glossary = savedGlossary ?? (o.glosses
    ? yield* glossarySteps(
        loadGlossLines(),
        {
          has: inText,
          occurs,
          frequency: (word) => searchIndex.textFrequency(word),
          *words() {
            for (const [term] of textWords()) yield term;
          },
          *pairs() {
            for (const [term, df] of searchIndex.terms()) if (df > 0 && term.startsWith(GRAM_PREFIX)) yield term.slice(GRAM_PREFIX.length);
          },
        },
        { alsoKnown: Object.keys(ENGLISH_TERMS), near: o.glossNear, synonyms: o.englishSynonyms ? loadSynonymLines() : [] },
      )
    : EMPTY_GLOSSARY);
  const glossaryMs = performance.now() - glossaryStarted;
  /**
   * Whether text begins with a word of two characters or more, as jieba cuts it: a word of the texts or of jieba's
   * dictionary (疫情 of @小王疫情防控 ends the name there, although the texts lack it).
   */
  const leadsWithWord = (text: string): boolean => {
    const first = cut(foldText(text))[0];
    return first !== undefined && Array.from(first).length >= 2 && (inText(first) || isDictionaryWord(first));
  };
  /** Whether some passage's text holds both strings (letters and digits compared). */
  const together = (a: string, b: string): boolean => {
    const x = bare(a);
    const y = bare(b);
    if (!occurs(x) || !occurs(y)) return false;
    return bareText.some((t, i) => mayHold(i, x) && mayHold(i, y) && t.includes(x) && t.includes(y));
  };
  /** Whether jieba's dictionary has the stretch as one word (房价, 选排), not a string it does not know (乡闲). */
  const isDictionaryWord = (text: string): boolean => {
    const tags = tag(text);
    return tags.length === 1 && tags[0]?.tag !== 'x';
  };
  // Round 28 (pinyinAbbreviations): the dictionary's abbreviations of two characters or more, by their toneless pinyin
  // run together (listed on the first Latin group no library word spells: about a thousand headwords' pinyin).
  let abbreviationsByPinyin: Map<string, { head: string; expansions: string[] }[]> | undefined;
  const abbreviationFromPinyin = (letters: string): string | undefined => {
    if (letters.length < 4) return undefined;
    if (!abbreviationsByPinyin) {
      abbreviationsByPinyin = new Map();
      for (const [head, expansions] of dictionaryAbbreviations()) {
        if (Array.from(head).length < 2 || !/^\p{Script=Han}+$/u.test(head)) continue;
        const key = pinyinOf(head, { toneType: 'none', type: 'array' }).join('');
        const same = abbreviationsByPinyin.get(key);
        if (same) same.push({ head, expansions });
        else abbreviationsByPinyin.set(key, [{ head, expansions }]);
      }
    }
    // Only one the texts lack, whose expansion they hold; none where several spell the same.
    const found = (abbreviationsByPinyin.get(letters) ?? []).filter((a) => !occurs(a.head) && a.expansions.some(spelledIn));
    return found.length === 1 ? (found[0] as { head: string }).head : undefined;
  };
  /** Whether the texts hold the expansion, or a stretch of three characters or more of it (最低生活保障 of 城市居民…). */
  const spelledIn = (full: string): boolean => longestHeldPiece(full, Math.min(3, Array.from(full).length), occurs) !== undefined;
  /**
   * Latin words that are not pinyin: words the texts hold (xx of xx区), English the vocabulary or the glosses know,
   * politeness and material words.
   */
  const isKnownLatin = (word: string): boolean =>
    inText(word) ||
    ENGLISH_WORDS.has(stem(word)) ||
    POLITENESS_WORDS.has(word) ||
    MATERIAL_WORDS.has(word) ||
    glossKey(word).length === 0 ||
    ENGLISH_ABBREVIATIONS.has(word) ||
    glossary.english(glossKey(word)).length > 0;

  // Whether a two-character word stands only at the head of one longer expression throughout the library: every
  // occurrence, in the texts and the section headings of two documents or more, has the same two characters after it
  // (分类 of 分类施策). Such a word is no stand-in for a name the texts lack (垃圾分类 is not answered by 分类施策).
  // Returns the two characters it is bound to ('' when it is not bound). A longer word with a fixed neighbour keeps
  // its sense there (核心价值观 of 社会主义核心价值观, 三治融合 of 德治“三治融合”, 人居环境 of 人居环境整治): not bound.
  const boundCache = createBoundedMemo<string, string>(10_000);
  // Each document's section headings once (an article's passages repeat theirs).
  let sectionList: { doc: string; section: string }[] | undefined;
  const distinctSections = (): { doc: string; section: string }[] => {
    if (sectionList) return sectionList;
    const seen = new Set<string>();
    sectionList = [];
    passages.forEach((p, i) => {
      const section = bareSections[i] as string;
      const key = `${p.docId}\u0000${section}`;
      if (section.length === 0 || seen.has(key)) return;
      seen.add(key);
      sectionList?.push({ doc: p.docId, section });
    });
    return sectionList;
  };
  const boundTo = (word: string): string => {
    let found = boundCache.get(word);
    if (found !== undefined) return found;
    const after = new Set<string>();
    const docs = new Set<string>();
    const look = (text: string, doc: string): void => {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        after.add(text.slice(at + word.length, at + word.length + 2));
        docs.add(doc);
      }
    };
    for (let i = 0; i < passages.length && after.size <= 1; i++) {
      if (mayHold(i, word)) look(bareText[i] as string, (passages[i] as Passage).docId);
    }
    for (const { doc, section } of distinctSections()) if (section.includes(word)) look(section, doc);
    const fixed = (s: Set<string>): string => (s.size === 1 && Array.from([...s][0] as string).length === 2 ? ([...s][0] as string) : '');
    found = docs.size >= 2 ? fixed(after) : '';
    return boundCache.set(word, found);
  };
  /**
   * A word typed next to another (垃圾|分类) where the texts lack the two together, while they have the word only
   * inside a different expression (分类施策, see boundTo): it stands as no word of the texts, so it matches nothing
   * and marks nothing, and the answer, lacking it, is partial.
   */
  const unbind = (analyzed: AnalyzedQuery): AnalyzedQuery => {
    for (const run of analyzed.runs) {
      if (run.length < 2 || occurs(run.join(''))) continue;
      for (const word of run) {
        const c = analyzed.concepts.find((x) => x.kind === 'word' && x.text === word);
        if (!c || c.related.length > 0 || Array.from(word).length !== 2) continue;
        // The query saying the expression's other half too (施策 of 分类施策) is about it.
        const bound = boundTo(word);
        if (!bound || run.some((w) => w !== word && (bound.includes(w) || w.includes(bound)))) continue;
        c.stranded = true;
        c.heads = [];
        c.parts = [];
        c.grams = [];
      }
    }
    return analyzed;
  };
  // Library neighbours of the words the texts lack (neighbours.ts), built from this engine's own words on first use,
  // from their dictionary readings saved with the index when there is one. They need the dictionary: with
  // `glosses: false` there are none.
  const neighbours = o.neighbours === false || !o.glosses ? undefined : createNeighbours(
    { words: textWords },
    { isMorpheme: (ch) => !isStopWord(ch), ...o.neighbours },
    saved?.neighbours,
  );
  /** Whether the texts hold a concept: itself, a related term, or as written. */
  const heldByTexts = (c: Concept): boolean => c.kind === 'phrase' || c.related.length > 0 || c.heads.some(inText) || occurs(c.text);
  /**
   * Whether a word and one of the anchors (index terms) stand together in one passage's text or, `inDocument`, in one
   * document (one passage or two).
   */
  const cooccurs = (word: string, anchors: readonly string[], inDocument = false): boolean => {
    const withWord = new Set<number | string>();
    const withAnchor = new Set<number | string>();
    searchIndex.search([{ term: word, weight: 1, bit: 0 }, ...anchors.map((term) => ({ term, weight: 1, bit: 1 }))], (i, _s, _l, _h, bodyLow) => {
      const where = inDocument ? (passages[i] as Passage).docId : i;
      if (bodyLow & 1) withWord.add(where);
      if (bodyLow & 2) withAnchor.add(where);
    });
    for (const w of withWord) if (withAnchor.has(w)) return true;
    return false;
  };
  /**
   * Round 17 (dictionaryPlaces): in a query that names nothing else the texts hold (no naming word of two characters or
   * more but places, itself or through related terms), a place word CC-CEDICT knows and no text holds (乡下
   * "countryside") is what the query is about, not where: it stops being a place word, so that it counts in the
   * coverage and library neighbours stand in for it (乡下 → 城乡, 农村). A direction word (jieba's tag f: 外面, 上面) only says
   * where, relative to something; a place word CC-CEDICT lacks (城里) has no reading to go by here (beside a subject,
   * round 29's placeNeighbours reads it through its noun, as an aspect).
   */
  const namePlaces = (concepts: Concept[]): void => {
    if (concepts.some((c) => c.kind === 'word' && c.naming && !c.place && !c.aspect && charCount(c.text) >= 2 && heldByTexts(c))) return;
    for (const c of concepts) {
      if (c.place && c.kind === 'word' && !c.aspect && charCount(c.text) >= 2 && !heldByTexts(c) && inCedict(c.text) && tag(c.text)[0]?.tag !== 'f') c.place = undefined;
    }
  };
  /**
   * listedExamples: the words a chat query lists as examples, each followed by a particle (路啊医院啊学校啊, 猪呀羊呀:
   * two or more naming words), are aspects when the query names something else beside them.
   */
  const examplesAsAspects = (concepts: Concept[], text: string): void => {
    const listed = concepts.filter((c) => c.kind === 'word' && c.naming && !c.aspect && EXAMPLE_PARTICLES.some((p) => text.includes(c.text + p)));
    if (listed.length < 2) return;
    if (!concepts.some((c) => c.kind !== 'phrase' && c.naming && !c.aspect && !c.place && !listed.includes(c))) return;
    for (const c of listed) c.aspect = true;
  };
  /**
   * A word the texts lack, with no related term, in a query holding some word the texts have: library neighbours
   * (neighbours.ts) stand in for it at a low weight. A query none of whose words the texts hold is about something
   * else (page chrome, 飞机票价格) and gets none. When the query names something the texts hold (not a place word nor
   * a lone character, see nearbyAnchorChars), a neighbour must stand in some passage with it: the library's own
   * co-occurrence picks the sense the query is about.
   */
  const befriend = (analyzed: AnalyzedQuery, text: string): AnalyzedQuery => {
    if (o.dictionaryPlaces && o.glosses) namePlaces(analyzed.concepts);
    if (o.placeAsAspect && analyzed.concepts.some((c) => !c.place && !c.aspect && c.kind !== 'phrase')) {
      for (const c of analyzed.concepts) if (c.place) c.aspect = true;
    }
    if (o.placeCountParts) analyzed.concepts = placeCountApart(analyzed.concepts);
    if (o.listedExamples) examplesAsAspects(analyzed.concepts, text);
    if (!neighbours) return analyzed;
    const held = analyzed.concepts.map(heldByTexts);
    if (o.nearbyAnchored && !held.some(Boolean)) return o.unheldNearby > 0 && hanCount(text) >= o.unheldNearby ? befriendUnheld(analyzed) : analyzed;
    analyzed.concepts.forEach((c, k) => {
      // An aspect (意义 of X有什么意义) is not what the query is about: it gets none and anchors none.
      if (c.kind !== 'word' || c.stranded || held[k]) return;
      if (c.aspect && !(o.placeNeighbours && c.place)) return;
      // Written in a text across punctuation (志智双扶 of “志”“智”双扶): the engine finds it as a phrase.
      const whole = bare(c.text);
      if (scanned(whole)) return;
      const anchors = !o.nearbyAnchored || !o.nearbyCooccur ? [] : analyzed.concepts
        .filter((a, j) => j !== k && held[j] && a.kind === 'word' && a.naming && !a.place && !a.aspect && Array.from(a.text).length >= o.nearbyAnchorChars)
        .flatMap((a) => a.heads.filter(hasTerm));
      const near = neighbours
        .of(c.text)
        .filter((n) => hasTerm(n.word) && !c.parts.includes(n.word) && (anchors.length === 0 || cooccurs(n.word, anchors) || (n.weight >= o.nearbySure && cooccurs(n.word, anchors, true))));
      if (near.length > 0) c.nearby = near.map((n) => ({ term: n.word, weight: n.weight }));
      else if (c.aspect) {
        const stemmed = placeStemRead(c.text).filter((w) => anchors.length === 0 || cooccurs(w, anchors) || cooccurs(w, anchors, true));
        if (stemmed.length > 0) c.nearby = stemmed.map((w) => ({ term: w, weight: 1 }));
      } else if (o.sameSenseSay && o.glosses && c.related.length === 0) {
        // The group's terms are the curated reading of the expression, not a dictionary guess: not anchored, as related
        // terms are not (anchored, none of the tuning queries it reaches kept one).
        const said = sameSenseSaid(c.text).filter((w) => !c.parts.includes(w));
        if (said.length > 0) c.nearby = said.map((w) => ({ term: w, weight: 1 }));
      }
    });
    if (o.glossComposed) befriendComposed(analyzed, text);
    return analyzed;
  };
  /**
   * placeNeighbours: a place word the dictionary lacks made of a noun and a locative (城里: 城 + 里) reads as the noun:
   * the library words sharing one of the noun's first two senses (城 "city" → 城市).
   */
  const placeStemRead = (w: string): string[] => {
    const chars = Array.from(w);
    if (chars.length !== 2 || !LOCATIVES.has(chars[1] as string) || inCedict(w)) return [];
    const out: string[] = [];
    for (const k of senseKeys(chars[0] as string)) for (const m of glossary.english(k)) if (charCount(m.word) === 2 && m.word.includes(chars[0] as string) && hasTerm(m.word) && !out.includes(m.word)) out.push(m.word);
    return out.slice(0, 4);
  };
  /**
   * placeCountParts: a word the texts lack that begins with a place or direction word (村里人, 城里人: 村里, 城里, jieba's
   * tags s, f) or with a count of one (一个月, 一年到头: 一个, 一年, tags m, mq) names who or what is there, or how
   * much of it, not the place or the count: that part and its bigram stop standing in for the word. The place is read
   * as a place word typed alone is (an aspect beside the query's subject); the count is dropped.
   */
  /** jieba's tag of a part it cuts as one word, else '' (placeCountApart). */
  const tagOfWhole = (p: string): string => {
    const t = tag(p);
    return t.length === 1 ? (t[0]?.tag ?? '') : '';
  };
  const placeCountApart = (concepts: Concept[]): Concept[] => {
    const out: Concept[] = [...concepts];
    for (const c of concepts) {
      if (c.kind !== 'word' || c.place || c.aspect || c.stranded || heldByTexts(c)) continue;
      const leading = c.parts.filter((p) => charCount(p) >= 2 && c.text.startsWith(p));
      if (leading.length === 0) continue;
      const where = leading.filter((p) => PLACE_TAG.test(tagOfWhole(p)));
      const once = leading.filter((p) => p.startsWith('一') && COUNT_TAGS.test(tagOfWhole(p)));
      if (where.length === 0 && once.length === 0) continue;
      const apart = [...where, ...once];
      c.parts = c.parts.filter((p) => !apart.includes(p));
      c.grams = c.grams.filter((g) => !apart.some((p) => g === GRAM_PREFIX + p));
      for (const p of where) {
        if (out.some((x) => x.heads.includes(p))) continue;
        out.push({ text: p, kind: 'word', naming: true, heads: [p], parts: [], grams: [], related: [], relatedText: [], place: true, aspect: true });
      }
    }
    return out;
  };
  const saidMemo = createBoundedMemo<string, readonly string[]>(10_000);
  /** sameSenseSay: the library words standing in for a word nothing reaches (verbSaid, synonymSaid), kept per word. */
  const sameSenseSaid = (w: string): readonly string[] => saidMemo.get(w) ?? saidMemo.set(w, charCount(w) === 1 ? verbSaid(w) : synonymSaid(w));
  /** sameSenseSay: the terms the texts hold of a related-terms group, given as a set of groups that must be one. */
  const oneGroupTerms = (groups: ReadonlySet<number>): string[] => {
    if (groups.size !== 1) return [];
    const g = RELATED_TERMS[[...groups][0] as number];
    return g ? [...new Set(g.text)].filter(hasTerm) : [];
  };
  // sameSenseSay: the related terms' two-character `say` strings by their first character, and every `say` string's
  // groups by the gloss keys of its first two senses, built on first use.
  let saysByFirst: Map<string, { say: string; group: number }[]> | undefined;
  let sayGroupsByKey: Map<string, Set<number>> | undefined;
  /** The head words of a dictionary headword's senses: each gloss key's first word (make of "to make (money)"). */
  const glossHeads = (w: string): Set<string> => new Set(sensesOf(w).map((g) => glossKey(g).split(' ')[0] ?? '').filter(Boolean));
  /**
   * sameSenseSay for a one-character verb: the terms of the one group whose two-character `say` strings begin with it
   * and share the head word of one of its senses (挣钱 "to make money" of 挣 "to make").
   */
  const verbSaid = (w: string): string[] => {
    if (charCount(w) !== 1 || tag(w)[0]?.tag !== 'v') return [];
    if (!saysByFirst) {
      saysByFirst = new Map();
      RELATED_TERMS.forEach((g, group) => {
        for (const say of g.say) {
          if (charCount(say) !== 2) continue;
          const first = Array.from(say)[0] as string;
          const at = saysByFirst?.get(first);
          if (at) at.push({ say, group });
          else saysByFirst?.set(first, [{ say, group }]);
        }
      });
    }
    const says = saysByFirst.get(w);
    if (!says) return [];
    const heads = glossHeads(w);
    return oneGroupTerms(new Set(says.filter((x) => [...glossHeads(x.say)].some((h) => heads.has(h))).map((x) => x.group)));
  };
  /** sameSenseSay for a longer word: the terms of the one group with a `say` string sharing a sense with it. */
  const synonymSaid = (w: string): string[] => {
    if (!sayGroupsByKey) {
      sayGroupsByKey = new Map();
      RELATED_TERMS.forEach((g, group) => {
        for (const say of g.say) {
          for (const k of senseKeys(say)) {
            const at = sayGroupsByKey?.get(k);
            if (at) at.add(group);
            else sayGroupsByKey?.set(k, new Set([group]));
          }
        }
      });
    }
    return oneGroupTerms(new Set(senseKeys(w).flatMap((k) => [...(sayGroupsByKey?.get(k) ?? [])])));
  };
  /** The gloss keys of a dictionary headword's first two senses (neighbours.ts reads the same senses). */
  /** A dictionary headword's senses, in the dictionary's order (cross-references, `=…`, left out). */
  const sensesOf = (w: string): string[] => (dictionaryFields(w) ?? '').split('\t').filter((g) => g !== '' && !g.startsWith('='));
  const senseKeys = (w: string): string[] => sensesOf(w).slice(0, 2).map(glossKey).filter(Boolean);
  // glossComposed: single characters by the gloss keys of their first two senses, and the library's two-character
  // words by their first character, listed on first use; a word's characters and a pair's composed words are kept.
  let charactersByKey: Map<string, string[]> | undefined;
  let pairsByFirst: Map<string, string[]> | undefined;
  const meaningMemo = createBoundedMemo<string, ReadonlySet<string>>(10_000);
  const composedMemo = createBoundedMemo<string, readonly string[]>(10_000);
  /** The characters that mean a word (a character means itself): one of their first two senses is one of its. */
  const charactersMeaning = (w: string): ReadonlySet<string> => {
    const kept = meaningMemo.get(w);
    if (kept) return kept;
    if (!charactersByKey) {
      charactersByKey = new Map();
      for (const [head, line] of dictionaryLines()) {
        if (charCount(head) !== 1) continue;
        for (const g of line.split('\t').slice(1).filter((x) => !x.startsWith('=')).slice(0, 2)) {
          const key = glossKey(g);
          if (!key) continue;
          const at = charactersByKey.get(key);
          if (at) at.push(head);
          else charactersByKey.set(key, [head]);
        }
      }
    }
    const out = new Set<string>();
    if (charCount(w) === 1) out.add(w);
    for (const k of senseKeys(w)) for (const ch of charactersByKey.get(k) ?? []) out.add(ch);
    return meaningMemo.set(w, out);
  };
  /** The library words composed of a character meaning `a` and one meaning `b`, in either order (not `a` + `b`). */
  const composedOf = (a: string, b: string): readonly string[] => {
    const key = `${a}\u0000${b}`;
    const kept = composedMemo.get(key);
    if (kept !== undefined) return kept;
    if (!pairsByFirst) {
      pairsByFirst = new Map();
      for (const [term] of textWords()) {
        const chars = Array.from(term);
        if (chars.length !== 2) continue;
        const at = pairsByFirst.get(chars[0] as string);
        if (at) at.push(term);
        else pairsByFirst.set(chars[0] as string, [term]);
      }
    }
    const ca = charactersMeaning(a);
    const cb = charactersMeaning(b);
    const found = new Set<string>();
    for (const [first, second] of [[ca, cb], [cb, ca]] as const) {
      for (const x of first) {
        for (const w of pairsByFirst.get(x) ?? []) {
          const y = Array.from(w)[1] as string;
          if (y !== x && second.has(y) && w !== a + b && occurs(w)) found.add(w);
        }
      }
    }
    return composedMemo.set(key, [...found]);
  };
  /**
   * glossComposed: for two words typed side by side, the texts' two-character word made of a character meaning one
   * and a character meaning the other (穷|回去 → 返贫) stands in for both, when there is exactly one; not the pair as
   * typed, nor a word the query holds elsewhere.
   */
  const befriendComposed = (analyzed: AnalyzedQuery, text: string): void => {
    const cs = analyzed.concepts;
    for (let k = 0; k + 1 < cs.length; k++) {
      const a = cs[k] as Concept;
      const b = cs[k + 1] as Concept;
      if (a.kind !== 'word' || b.kind !== 'word' || a.stranded || b.stranded || a.aspect || b.aspect) continue;
      if (!text.includes(a.text + b.text)) continue;
      // Not a word the query holds elsewhere; exactly one left.
      const found = composedOf(a.text, b.text).filter((x) => !text.includes(x));
      if (found.length !== 1) continue;
      const w = found[0] as string;
      for (const c of [a, b]) {
        if (c.heads.includes(w) || c.related.includes(w) || c.nearby?.some((n) => n.term === w)) continue;
        c.nearby = [...(c.nearby ?? []), { term: w, weight: 1 }];
      }
    }
  };
  /** Han characters of a query as typed. */
  const hanCount = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;
  /** Neighbours for a sentence none of whose words the texts hold (see unheldNearby). */
  const befriendUnheld = (analyzed: AnalyzedQuery): AnalyzedQuery => {
    if (!neighbours) return analyzed;
    const eligible = (c: Concept): boolean => c.kind === 'word' && !c.stranded && !c.aspect && !c.place && charCount(c.text) >= 2 && !scanned(bare(c.text));
    const near = analyzed.concepts.map((c) => (eligible(c) ? neighbours.of(c.text).filter((n) => hasTerm(n.word) && !c.parts.includes(n.word)) : []));
    analyzed.concepts.forEach((c, k) => {
      const others = near.flatMap((n, j) => (j === k ? [] : n.map((m) => m.word)));
      const kept = (near[k] as Neighbour[]).filter((n) => {
        if (n.weight >= o.nearbySure) return true;
        const beside = others.filter((m) => m !== n.word);
        return beside.length > 0 && cooccurs(n.word, beside);
      });
      if (kept.length > 0) c.nearby = kept.map((n) => ({ term: n.word, weight: n.weight }));
    });
    return analyzed;
  };
  // englishSaid: the English → `say` string map, built on the first English word no look-up knows.
  let saidMap: ((key: string) => string | undefined) | undefined;
  const saidAs = o.englishSaid && o.glosses ? (key: string): string | undefined => (saidMap ??= saidAsOf(RELATED_TERMS, dictionaryFields))(key) : undefined;
  // englishCharacter: the texts' word holding a rare dictionary character, built on the first word it is asked of.
  let characterMap: ((word: string) => string | undefined) | undefined;
  // How many passages' text holds a character: holdersOf's scan, cached with it.
  const passagesHolding = (c: string): number => holdersOf(c).length;
  // What englishCharacter and englishNearCharacter read of the library: one object, so the table of words by character
  // that english.ts builds for it (wordsHolding) is built once and serves both.
  const characterLibrary = { words: textWords, passagesHolding, size: passages.length };
  const characterSaid = o.englishCharacter > 0 && o.glosses
    ? (word: string): string | undefined => (characterMap ??= characterSaidOf(characterLibrary, o.englishCharacter, o.englishCharacterParts))(word)
    : undefined;
  // englishNearCharacter: the texts' words each character starts, listed on the first near-only word asked of.
  // A place name or place word (jieba's tags ns, s: 西藏, 山下) is no reading of an English common word.
  const placeWord = (w: string): boolean => tag(w).some((t) => t.tag === 'ns' || t.tag === 's');
  const nearCharacter = o.englishNearCharacter && o.glosses ? nearCharacterOf(characterLibrary, placeWord) : undefined;
  // englishPhrasal: the texts' words by the phrasal verbs glossing them, listed on the first verb and particle asked.
  const phrasal = o.englishPhrasal && o.glosses ? phrasalOf(textWords) : undefined;
  /** Whether the texts hold a concept as typed (request-clause.ts; titleSubject). */
  const heldAsTyped = (c: Concept): boolean => c.heads.some(inText) || occurs(c.text);
  /** Round 18 (materialClause): a request's circumstances typed after its kind of text are aspects (request-clause.ts). */
  const clauseAsides = (text: string, analyzed: AnalyzedQuery): AnalyzedQuery => {
    if (!(o.materialClause > 0)) return analyzed;
    // The subject before the kind word is held as typed: an everyday word held through related terms (村支书) may be
    // no more the subject than the clause after it.
    const { clause, kinds } = clauseConcepts(text, analyzed, heldAsTyped);
    for (const c of clause) {
      c.aspect = true;
      c.clause = true;
    }
    // A kind word the texts lack before the clause (党课 of 党课讲稿？周五…) is the kind of text wanted, as genreWords
    // reads one ending a request.
    for (const c of kinds) c.aspect = true;
    return analyzed;
  };
  // The query's text and phrases are all analyzeQuery needs of each query: its context is the engine's (analysisContext,
  // made once below).
  const analyze = (parsed: ParsedQuery): AnalyzedQuery =>
    gluePhrases(parsed, befriend(unbind(clauseAsides(parsed.text, analyzeQuery(parsed.text, parsed.phrases, analysisContext))), parsed.text));
  /**
   * A quoted phrase written against the query's words (“党建+”模式有哪些): the phrase and the words as typed are the
   * query's whole (党建模式), for the whole-query bonus, when some text holds them so (“党建+”模式).
   */
  const gluePhrases = (parsed: ParsedQuery, analyzed: AnalyzedQuery): AnalyzedQuery => {
    if (parsed.phrases.length !== 1 || analyzed.wholeBare.length === 0) return analyzed;
    const typed = bare(parsed.normalized);
    const phrase = bare(parsed.phrases[0] as string);
    for (const glued of [phrase + analyzed.wholeBare, analyzed.wholeBare + phrase]) {
      // Scanned, not `occurs`: the quote marks between them (“党建+”模式) leave the text no bigram 建模.
      if (typed.includes(glued) && scanned(glued)) return { ...analyzed, wholeBare: glued };
    }
    return analyzed;
  };

  // Each theme's strongest label score, to express a passage's strength in its theme as a share, and its passages.
  const themeMax = new Map<ThemeId, number>();
  const themePassages = new Map<ThemeId, number[]>();
  passages.forEach((p, i) => {
    for (const t of p.themes) {
      themeMax.set(t, Math.max(themeMax.get(t) ?? 0, p.themeScores[t] ?? 0));
      const list = themePassages.get(t);
      if (list) list.push(i);
      else themePassages.set(t, [i]);
    }
  });
  // Each passage's themes as bits (THEMES order), for the theme filter: read for every candidate of 主题:人才 ….
  const themeBit = new Map<ThemeId, number>(THEMES.map((t, k) => [t.id, 1 << k]));
  const themeMask = new Int32Array(passages.length);
  passages.forEach((p, i) => {
    for (const t of p.themes) themeMask[i] = (themeMask[i] as number) | (themeBit.get(t) ?? 0);
  });
  // Each passage's strength in a theme, tabled on the theme's first use: it is read for every candidate of a query
  // naming a theme, and reaching into ten thousand passage objects for it was a hot spot of a 1 000-document library.
  const strengthTables = new Map<ThemeId, Float64Array>();
  const themeStrength = (i: number, t: ThemeId): number => {
    let table = strengthTables.get(t);
    if (table === undefined) {
      const built = new Float64Array(passages.length);
      const max = themeMax.get(t) || 1;
      passages.forEach((p, k) => {
        if (p.themes.includes(t)) built[k] = Math.min(1, (p.themeScores[t] ?? 0) / max);
      });
      strengthTables.set(t, built);
      table = built;
    }
    return table[i] as number;
  };

  /** The theme a concept names: a theme's full name (组织振兴) or an English theme word mapped to it (organization). */
  const themeOf = (c: Concept): ThemeId | undefined => {
    for (const h of c.kind === 'phrase' ? [] : c.heads) {
      const info = THEMES.find((t) => t.name === h);
      if (info) return info.id;
    }
    return undefined;
  };

  // ---- scoring -------------------------------------------------------------------------------------------------

  /** A concept's evidence as term bits (see WeightedTerm.bit), for the coverage factor. */
  interface ConceptBits {
    /** Its weight in the coverage (everyday focus, see focusOf): 1 but for common words beside a bridged one. */
    focus: number;
    kind: Concept['kind'];
    /** Share credited when only a related term matches (relatedCredit, or englishSenseCredit for a word's senses). */
    relatedCredit: number;
    /** The kind of answer asked for (Concept.aspect): scored, but no key word and not counted in the coverage. */
    aspect: boolean;
    /** Its specificity to the power coverageSpecific (1 when that is 0): × its weight in the coverage. */
    specific: number;
    /** A plain word found in more than maxPartShare of the passages' texts (发展, 乡村): not required of a full match. */
    common: boolean;
    naming: boolean;
    /** A question's verb (questionVerbHeadings): covered by a match in the text, not in a heading. */
    bodyOnly: boolean;
    chars: number;
    /** The concept as typed, letters and digits only: found whole in a passage's text, it counts as matched. */
    whole: string;
    /** Whether the texts hold the concept itself (or a related term): if not, no passage can match it fully. */
    wholeKnown: boolean;
    /** The theme the concept names, whose passages match it. */
    theme: ThemeId | undefined;
    /** A topic named beside a theme (see themeTopicHeld): the theme bonus goes to passages holding it itself. */
    topic: boolean;
    /** Any of the concept's terms (head, parts, bigrams, related): a body match of one counts it as matched. */
    anyLow: number;
    anyHigh: number;
    /**
     * The parts of a word the texts have: they qualify a passage only where it holds the word whole, cut
     * differently (村集体经济 cut 村集体|经济 still holds 集体经济), never by themselves (共同 of 共同体).
     */
    partLow: number;
    partHigh: number;
    /** Whether any of those terms occurs in some passage's text (a phrase: always, the filter checks it). */
    known: boolean;
    headLow: number;
    headHigh: number;
    parts: { low: number; high: number; chars: number; text: string }[];
    grams: { low: number; high: number }[];
    relatedLow: number;
    relatedHigh: number;
    /** Its distant related terms where it has a close one the texts hold (distantRelatedShare), else none. */
    distantLow: number;
    distantHigh: number;
    /**
     * The related terms that stand for the concept in a full match (all but those relatedUncoveredMax leaves out; for
     * the query's head, only the close ones: see headStandInClose).
     */
    fullRelatedLow: number;
    fullRelatedHigh: number;
    /** Those terms as text (standInListed reads where they stand), and the close ones. */
    fullRelatedText: string[];
    closeRelatedText: string[];
    /** Those of them from a related term sharing a Han character with the concept as typed (headStandInClose). */
    closeRelatedLow: number;
    closeRelatedHigh: number;
    /** The article whose own name the concept is (see ownArticle), or -1. */
    own: number;
    /** Library neighbours of a word the texts lack: partial credit, never a full match. */
    nearby: { low: number; high: number; text: string }[];
    nearbyLow: number;
    nearbyHigh: number;
  }

  /** Whether the texts hold the concept itself or one of its related terms. */
  const wholeKnownOf = (c: Concept): boolean =>
    c.stranded !== true &&
    (c.kind === 'phrase' || c.heads.some(inText) || occurs(c.text) || c.related.some(inText) || themeOf(c) !== undefined);

  /** Whether the texts hold a word concept as itself (not only through related terms or neighbours). */
  const literal = (c: Concept): boolean => c.kind !== 'word' || c.heads.some(inText) || occurs(c.text);
  const idfCache = createBoundedMemo<string, number>(10_000);
  /**
   * Each concept's weight under everyday focus (see SearchEngineOptions.everydayFocus): 1 unless the query has a
   * bridged word; then a literal word with no related term and no theme weighs its general idf / the focus level.
   */
  const focusOf = (concepts: readonly Concept[]): number[] => {
    const ones = concepts.map(() => 1);
    if (!(o.everydayFocus > 0)) return ones;
    const bridged = concepts.some((c) => c.kind === 'word' && !c.aspect && !literal(c) && (c.related.some(inText) || (c.nearby?.length ?? 0) > 0));
    if (!bridged) return ones;
    return concepts.map((c) => {
      if (c.kind !== 'word' || !literal(c) || c.related.length > 0 || themeOf(c) !== undefined) return 1;
      if (charCount(c.text) === 1) return o.everydayFocusChar;
      const idf = idfCache.get(c.text) ?? idfCache.set(c.text, generalIdf(c.text) ?? Infinity);
      return Math.max(o.everydayFocusFloor, Math.min(1, idf / o.everydayFocus));
    });
  };
  /**
   * Each concept's related terms, less those another concept of the query has as its own word (see relatedOnce):
   * 支部 of 空壳支部 stands for 空架子 in 支部人太多或者光有个空架子 only where 支部 is not the query's own word.
   */
  const relatedOnce = (concepts: readonly Concept[]): (readonly string[])[] => {
    if (!o.relatedOnce) return concepts.map((c) => c.related);
    const heads = new Map<string, number>();
    concepts.forEach((c, k) => {
      if (c.kind !== 'phrase') for (const h of c.heads) heads.set(h, heads.has(h) && heads.get(h) !== k ? -1 : k);
    });
    return concepts.map((c, k) => (c.related.some((t) => heads.has(t) && heads.get(t) !== k) ? c.related.filter((t) => !heads.has(t) || heads.get(t) === k) : c.related));
  };
  /** Round 22 (kindOfAnswerOpening): a noun asking how (MEANS_NOUNS) the texts hold, or a word it opens (经验 of 经验交流). */
  function kindOfAnswer(text: string): boolean {
    for (const noun of MEANS_NOUNS) if (text.startsWith(noun) && inText(noun)) return true;
    return false;
  }
  /**
   * broadOpening: the subject words of a request for material, letters and digits only, when every one is broad — a
   * naming word, no theme's name, each of its heads in more than maxPartShare of the passages' texts (乡村振兴, not
   * 党建引领) — and undefined otherwise. The subject is every concept but the aspects (a kind of text kept beside it:
   * 党课 of 乡村振兴 党课讲稿), or all of them when there is nothing else.
   */
  function broadSubject(
    concepts: readonly Concept[],
    themes: readonly (ThemeId | undefined)[],
    asidesOf: () => readonly Concept[] = () => [],
    found?: { at: number },
  ): string[] | undefined {
    const subject = concepts.some((c) => !c.aspect) ? concepts.filter((c) => !c.aspect) : concepts;
    // Round 22 (kindOfAnswerOpening): a kind of answer asked for (经验, 做法; 经验 of 经验交流) is given by sections.
    if (o.kindOfAnswerOpening && subject.length < concepts.length && concepts.some((c) => c.aspect && kindOfAnswer(c.text))) return undefined;
    const word = (c: Concept): boolean => c.kind === 'word' && c.naming && themes[concepts.indexOf(c)] === undefined && c.heads.length > 0;
    const broad = subject.every((c) => word(c) && c.heads.every((h) => share(h) > o.maxPartShare));
    if (subject.length > 0 && broad) return subject.map((c) => bare(c.text));
    // Round 21 (titleSubject): a subject an article's title names whole (党建引领乡村振兴 of 强化党建引领乡村振兴的xx区实践) is what
    // that whole text is about, as a broad word is what the library is about. The request's circumstances typed after
    // its kind of text (…的党课讲稿？周五支部党课要用 · …心得体会 1500字左右) are no part of the subject (asides); of the rest, no
    // naming word the texts hold as typed may stand outside the title (政策 of 最新 乡村振兴 政策解读 ppt names a narrower
    // subject, which headings name), and the title's words must be the longer part of it in Han characters. The
    // asides are read only here, for the few requests that get this far.
    if (!o.titleSubject || subject.length === 0) return undefined;
    const asides = asidesOf();
    const own = subject.filter((c) => !asides.includes(c));
    const chars = (cs: readonly Concept[]): number => cs.reduce((n, c) => n + (c.naming ? (c.text.match(HAN_CHAR) ?? []).length : 0), 0);
    const ownChars = chars(own);
    let best: Concept[] | undefined;
    let bestChars = 0;
    for (const t of openingTitles) {
      const held = own.filter((c) => word(c) && t.includes(bare(c.text)));
      if (held.length === 0 || own.some((c) => !held.includes(c) && c.kind === 'word' && c.naming && heldAsTyped(c))) continue;
      const heldChars = chars(held);
      if (heldChars > ownChars - heldChars && (best === undefined || heldChars > bestChars)) {
        best = held;
        bestChars = heldChars;
      }
    }
    if (best === undefined && o.articleSubject && found !== undefined) {
      // Round 29 (articleSubject): a word only one article says, in its opening and in half its passages at least,
      // names that article; its opening must hold every naming word of the subject the texts hold as typed.
      const named = own.filter((c) => c.kind === 'word' && c.naming && heldAsTyped(c));
      for (const c of named) {
        const a = c.heads.length === 1 ? ownArticle(c.heads[0] as string) : -1;
        const at = a >= 0 ? (articleOpening[a] as number) : -1;
        if (at < 0) continue;
        // Every word of the subject is the whole article's: its opening and ownShare of its passages say it (六脱 of
        // 拉萨那个“六脱”措施 names a section's subject, not the report's).
        const across = (w: string): boolean => {
          let n = 0;
          for (const i of holdersOf(w)) if (articleOf[i] === a) n++;
          return n >= o.ownShare * (articleSize[a] as number);
        };
        const said = `${openingTitle[at] as string}\u0000${bareText[at] as string}`;
        if (named.every((x) => said.includes(bare(x.text)) && across(bare(x.text)))) {
          found.at = at;
          return named.map((x) => bare(x.text));
        }
      }
    }
    return best?.map((c) => bare(c.text));
  }

  /**
   * Round 20 (distantRelatedShare): a word's related terms sharing no Han character with it as typed, when another of
   * them does and the texts hold that one; an English word's senses glossed only with another word of its stem, when its
   * best sense is glossed as typed and the texts hold it; otherwise none.
   */
  function distantRelated(c: Concept, related: readonly string[], closeText: readonly string[]): string[] {
    if (c.kind === 'english') {
      // An English word's senses glossed only with another word of its stem (乡镇 "village" for villagers), beside a
      // best sense glossed as typed (村民 "villager") that the texts hold.
      const loose = c.looseSenses ?? [];
      return loose.length > 0 && c.guess !== true && c.heads.some(inText) ? related.filter((t) => loose.includes(t)) : [];
    }
    if (related.length < 2 || c.kind !== 'word') return [];
    const own = c.text;
    const isClose = (t: string): boolean => sharesHan(t, own) || closeText.some((x) => x.includes(t));
    if (!related.some((t) => isClose(t) && inText(t))) return [];
    return related.filter((t) => !isClose(t));
  }

  /** The weighted query terms (each once, at its highest weight, only if indexed) and each concept's bits. */
  function plan(
    concepts: readonly Concept[],
    headings = false,
    text = '',
    material = false,
    asidesOf?: () => readonly Concept[],
  ): { terms: WeightedTerm[]; bits: ConceptBits[]; keys: ConceptBits[]; required: ConceptBits[]; broad: string[] | undefined; articleAt: number } {
    const weights = new Map<string, number>();
    // In the heading pass (see rank()), a word a section heading names whole is there to be matched.
    const known = concepts.map((c) => wholeKnownOf(c) || (headings && c.kind === 'word' && inHeading(bare(c.text))));
    // A theme named beside a topic the texts hold (生态振兴 垃圾, talent revitalization returning graduates): the
    // theme's own words weigh less, so that the topic orders the theme's passages (see themeTopicWeight).
    const themes = concepts.map(themeOf);
    const topicOf = (c: Concept, k: number): boolean =>
      themes[k] === undefined && known[k] === true && c.naming && !c.aspect && !c.place && c.kind !== 'phrase' && c.heads.some((h) => share(h) <= o.themeTopicShare);
    const topical = concepts.some(topicOf);
    const focus = focusOf(concepts);
    if (o.lightNouns) concepts.forEach((c, k) => {
      if (c.kind === 'word' && LIGHT_NOUN.test(c.text) && text.includes(`的${c.text}`)) focus[k] = 0;
    });
    // A Chinese word typed among English words (englishBesideChinese): the English words' Chinese weighs less.
    // Only a telling word (in at most themeTopicShare of the passages) and no theme's name: beside 党建 or 生态振兴 the
    // English names the topic (党建 alliance, 生态振兴 tree planting; see themeTopicWeight).
    if (
      o.englishBesideChinese !== 1 &&
      LATIN_IN.test(text) &&
      concepts.some((c, k) => c.kind === 'word' && c.naming && !c.aspect && themes[k] === undefined && HAN_IN.test(c.text) && text.includes(c.text) && c.heads.every((h) => share(h) <= o.themeTopicShare))
    ) {
      concepts.forEach((c, k) => {
        if (c.kind === 'english') focus[k] = (focus[k] as number) * o.englishBesideChinese;
      });
    }
    // An English word whose best sense is the dictionary's guess (englishGuessWeight) weighs less than those glossed
    // as typed.
    if (o.englishGuessWeight !== 1) concepts.forEach((c, k) => {
      if (c.kind === 'english' && c.guess === true) focus[k] = (focus[k] as number) * o.englishGuessWeight;
    });
    const ownRelated = relatedOnce(concepts);
    // Terms standing in for a Chinese word the query types (related terms, neighbours; not a word mapped from English),
    // and terms of the query's own.
    const standIns = new Set<string>();
    const own = new Set<string>();
    concepts.forEach((c, k) => {
      for (const t of c.heads) own.add(t);
      for (const t of c.parts) own.add(t);
      for (const t of c.grams) own.add(t);
      if (c.kind === 'word' && text.includes(c.text)) {
        for (const t of ownRelated[k] as string[]) standIns.add(t);
        for (const n of c.nearby ?? []) standIns.add(n.term);
      }
    });
    concepts.forEach((c, k) => {
      // Round 18 (materialClause): a request's circumstances weigh × materialClause.
      const clauseScale = c.clause === true ? o.materialClause : 1;
      const scale = (topical && themes[k] !== undefined ? o.themeTopicWeight : 1) * (focus[k] as number) * clauseScale;
      // An English word's Chinese found in most passages (village → 乡村) tells them apart less than the topic beside
      // it (village art troupes): it weighs commonEnglishWeight.
      for (const t of c.heads) putWeight(weights, searchIndex, t, (c.place ? o.placeWeight : 1) * scale * (c.kind === 'english' && share(t) > o.maxPartShare ? o.commonEnglishWeight : 1));
      // Parts stand in for a concept the texts lack (中共中央政治局 → 中央); where the texts have the concept itself
      // they only add to the score (see `evidence` below). A part found in most passages (振兴 of 人才振兴) says
      // almost nothing about relevance and is left out.
      // Round 20 (piecesUnderSense): a word the texts lack whose related terms they hold (能人治村 → 致富能手, 两委班子):
      // its pieces (能人 of 能人引领) weigh no more than its sense.
      const underSense = o.piecesUnderSense && c.kind === 'word' && !c.heads.some(inText) && (ownRelated[k] as string[]).some(inText);
      const pieceCap = underSense ? o.relatedWeight : Infinity;
      for (const t of c.parts) if (share(t) <= o.maxPartShare) putWeight(weights, searchIndex, t, Math.min(pieceCap, o.partWeight * scale));
      // Bigrams are the fallback for words jieba cut differently in the text: when the concept itself is an index
      // term they add little but cost a lot (振兴 is in most passages), so they are searched only otherwise.
      // A word found only in headings (范文 of a page title) is no evidence in the text, so its bigrams are searched.
      // A two-character word jieba did not keep whole in the texts (厕改 of 公厕改建) has one bigram, and that bigram is
      // the word itself: it weighs as the word.
      const gramWeight = c.grams.length === 1 && c.heads.length === 1 && charCount(c.text) === 2 ? 1 : o.gramWeight;
      if (!c.heads.some(inText)) for (const t of c.grams) putWeight(weights, searchIndex, t, Math.min(pieceCap, gramWeight * clauseScale));
      for (const t of ownRelated[k] as string[]) putWeight(weights, searchIndex, t, o.relatedWeight * clauseScale);
      for (const n of c.nearby ?? []) putWeight(weights, searchIndex, n.term, o.nearbyWeight * n.weight);
    });
    // Round 15 (questionVerbHeadings): a question's words that name nothing (its verb), scored in headings at that
    // boost and covered by the text alone; a term a naming word of the query has too is left as it is.
    const verbHeads = new Set<string>();
    // Only beside a telling subject the texts hold (a naming word of two characters or more, in at most maxPartShare
    // of the passages): in
    // 乡村治理为什么这么重要 or 要我脱贫和我要脱贫有什么区别 the verb (治理, 脱贫) is what the question is about.
    const subject = concepts.some(
      (c, k) => c.kind === 'word' && c.naming && !c.aspect && !c.place && known[k] && charCount(c.text) > 1 && c.heads.some((h) => share(h) <= o.maxPartShare),
    );
    if (o.questionVerbHeadings !== false && !headings && subject && isQuestion(text)) {
      const named = new Set<string>();
      for (const c of concepts) if (c.kind !== 'word' || c.naming || c.aspect) for (const t of [...c.heads, ...c.parts]) named.add(t);
      for (const c of concepts) if (c.kind === 'word' && !c.naming && !c.aspect) for (const t of c.heads) if (!named.has(t)) verbHeads.add(t);
    }
    // Bits go to the heaviest terms first; past 64 terms a match still scores but does not count for coverage.
    const ordered = [...weights.entries()].sort((x, y) => y[1] - x[1]);
    const bitByTerm = new Map<string, number>();
    // Round 17 (broadOpening): a request for material whose subject words are all broad; their heads are scored in the
    // body only.
    const article = { at: -1 };
    const broad = o.broadOpening > 0 && material && !headings ? broadSubject(concepts, themes, asidesOf, article) : undefined;
    const broadHeads = new Set(broad === undefined ? [] : concepts.flatMap((c) => (broad.includes(bare(c.text)) ? c.heads : [])));
    const terms: WeightedTerm[] = ordered.map(([term, weight], i) => {
      const bit = i < 64 ? i : -1;
      bitByTerm.set(term, bit);
      if (broadHeads.has(term)) return { term, weight, bit, headingBoost: 0 };
      if (verbHeads.has(term)) return { term, weight, bit, headingBoost: o.questionVerbHeadings as number };
      return o.standInHeadings !== false && standIns.has(term) && !own.has(term) ? { term, weight, bit, headingBoost: o.standInHeadings } : { term, weight, bit };
    });
    // A term's coverage bit as its low and high words: lowOf / highOf / maskLow / maskHigh (module functions).
    const bits = concepts.map((c, k): ConceptBits => {
      // A lone character is no evidence for a longer word (中 of 中电源云学苑 is a word of its own). The parts of a
      // word the texts have only add to the score of passages that match otherwise: alone they find unrelated
      // compounds (共同 of 共同富裕 in 共同体).
      // A theme's name is the exception: 人才 of 人才振兴 is that theme's own word.
      const theme = themeOf(c);
      const nearbyTerms = (c.nearby ?? []).map((n) => n.term);
      const chars = charCount(c.text);
      const evidence: string[] = [];
      addEvidence(evidence, c.heads, chars);
      if (!known[k] || theme) addEvidence(evidence, c.parts, chars);
      addEvidence(evidence, c.grams, chars);
      const related = ownRelated[k] as string[];
      addEvidence(evidence, related, chars);
      addEvidence(evidence, nearbyTerms, chars);
      const longParts = known[k] ? c.parts.filter((t) => charCount(t) > 1) : [];
      // Related terms brought by a string that leaves more of a word the texts lack outside it than relatedUncoveredMax.
      const beside = c.relatedUncovered === undefined || literal(c) ? [] : c.relatedUncovered.filter((x) => x.uncovered > o.relatedUncoveredMax);
      const fullRelated = beside.length === 0 ? related : related.filter((t) => !beside.some((x) => x.word === t));
      // A related word is close when the related term it comes from, as the texts write it, shares a character with
      // the concept (善行 of 善行义举榜 for 光荣榜): headStandInClose and distantRelatedShare read the same terms.
      const closeText = c.kind === 'word' ? c.relatedText.filter((t) => sharesHan(t, c.text)) : [];
      const closeTerms = o.headStandInClose ? closeText : [];
      const close = closeTerms.length === 0 ? [] : fullRelated.filter((t) => closeTerms.some((x) => x.includes(t)));
      const distant = o.distantRelatedShare !== 1 ? distantRelated(c, related, closeText) : [];
      return {
        focus: focus[k] as number,
        kind: c.kind,
        relatedCredit: c.senses ? o.englishSenseCredit : o.relatedCredit,
        aspect: c.aspect === true,
        specific: specificity(c.heads),
        common: c.kind === 'word' && theme === undefined && c.heads.length > 0 && c.heads.every((h) => share(h) > o.maxPartShare),
        naming: c.naming,
        bodyOnly: c.heads.some((h) => verbHeads.has(h)),
        chars: Math.max(1, chars),
        whole: bare(c.text),
        wholeKnown: known[k] as boolean,
        theme,
        topic: o.themeTopicHeld && themes.some((t) => t !== undefined) && topicOf(c, k),
        anyLow: maskLow(bitByTerm, evidence),
        anyHigh: maskHigh(bitByTerm, evidence),
        partLow: maskLow(bitByTerm, longParts),
        partHigh: maskHigh(bitByTerm, longParts),
        known: c.kind === 'phrase' || theme !== undefined || evidence.some((t) => weights.has(t) && inText(t)),
        headLow: maskLow(bitByTerm, c.heads),
        headHigh: maskHigh(bitByTerm, c.heads),
        parts: c.parts.map((p) => ({ low: lowOf(bitByTerm, p), high: highOf(bitByTerm, p), chars: charCount(p), text: p })),
        grams: c.grams.map((g) => ({ low: lowOf(bitByTerm, g), high: highOf(bitByTerm, g) })),
        relatedLow: maskLow(bitByTerm, related),
        relatedHigh: maskHigh(bitByTerm, related),
        distantLow: maskLow(bitByTerm, distant),
        distantHigh: maskHigh(bitByTerm, distant),
        fullRelatedLow: maskLow(bitByTerm, fullRelated),
        fullRelatedHigh: maskHigh(bitByTerm, fullRelated),
        fullRelatedText: fullRelated,
        closeRelatedText: close,
        closeRelatedLow: maskLow(bitByTerm, close),
        closeRelatedHigh: maskHigh(bitByTerm, close),
        own: c.kind === 'word' && c.naming && !theme ? c.heads.reduce((a, h) => (a >= 0 ? a : ownArticle(h)), -1) : -1,
        nearby: nearbyTerms.map((t) => ({ low: lowOf(bitByTerm, t), high: highOf(bitByTerm, t), text: t })),
        nearbyLow: maskLow(bitByTerm, nearbyTerms),
        nearbyHigh: maskHigh(bitByTerm, nearbyTerms),
      };
    });
    const keys = keysOf(bits);
    const required = requiredOf(keys);
    // The query's head stands in a full match only as itself or through close related terms (headStandInClose), where
    // it reads as the head (headNounOnly; asked only when a distant stand-in is at stake).
    const head = o.headStandInClose && required.length > 1 ? (required[required.length - 1] as ConceptBits) : undefined;
    if (head && head.kind === 'word' && head.chars > 1 && (head.fullRelatedLow !== head.closeRelatedLow || head.fullRelatedHigh !== head.closeRelatedHigh)) {
      const c = concepts[bits.indexOf(head)] as Concept;
      const at = text.lastIndexOf(c.text);
      if (!o.headNounOnly || (at >= 0 && readsAsHead(text, c.text, at))) {
        head.fullRelatedLow = head.closeRelatedLow;
        head.fullRelatedHigh = head.closeRelatedHigh;
        head.fullRelatedText = head.closeRelatedText;
      }
    }
    return { terms, bits, keys, required, broad, articleAt: article.at };
  }

  /** How much of a concept a document matched: 1 for the concept itself, partial credit for its pieces. */
  function conceptCredit(c: ConceptBits, low: number, high: number): number {
    if ((c.headLow & low) !== 0 || (c.headHigh & high) !== 0) return 1;
    if (c.kind === 'phrase') return 1; // phrases are enforced by the filter
    let credit = 0;
    if (c.parts.length > 0) {
      let covered = 0;
      for (const p of c.parts) if ((p.low & low) !== 0 || (p.high & high) !== 0) covered += p.chars;
      credit = 0.9 * Math.min(1, covered / c.chars);
    }
    if (c.grams.length > 0) {
      let hit = 0;
      for (const g of c.grams) if ((g.low & low) !== 0 || (g.high & high) !== 0) hit++;
      credit = Math.max(credit, (0.85 * hit) / c.grams.length);
    }
    if ((c.relatedLow & low) !== 0 || (c.relatedHigh & high) !== 0) {
      // Only distant related terms matched (distantRelatedShare): a share of the credit.
      const near = (c.relatedLow & ~c.distantLow & low) !== 0 || (c.relatedHigh & ~c.distantHigh & high) !== 0;
      credit = Math.max(credit, near ? c.relatedCredit : c.relatedCredit * o.distantRelatedShare);
    }
    if ((c.nearbyLow & low) !== 0 || (c.nearbyHigh & high) !== 0) credit = Math.max(credit, o.nearbyCredit);
    return credit;
  }

  /** A concept that can be a key word even with other, longer words in the query. */
  const isKeyish = (c: ConceptBits): boolean =>
    c.chars > 1 || c.relatedLow !== 0 || c.relatedHigh !== 0 || c.nearbyLow !== 0 || c.nearbyHigh !== 0;

  /**
   * The words that decide whether a passage is a result: lone characters only when the query has nothing longer (or
   * when people ask with them: 卖 of 网上卖 brings 电商); the kind of answer a question asks for (aspect) only when
   * the query has nothing else.
   */
  const keysOf = (bits: readonly ConceptBits[]): ConceptBits[] => {
    const longer = bits.filter(isKeyish);
    const keys = longer.length > 0 ? longer : [...bits];
    const subject = keys.filter((c) => !c.aspect);
    return subject.length > 0 ? subject : keys;
  };

  /**
   * The words a full match must hold: the naming ones (a passage need not repeat a question's verb), or, with none, all
   * of them. A word in more than maxPartShare of the passages (发展 of 淘宝村是怎么发展起来的) tells them too little apart
   * to be required alongside rarer ones.
   */
  const requiredOf = (keys: readonly ConceptBits[]): ConceptBits[] => {
    const namingAll = keys.filter((c) => c.naming);
    const telling = namingAll.filter((c) => !c.common);
    const naming = telling.length > 0 ? telling : namingAll;
    return naming.length > 0 ? naming : [...keys];
  };

  // Answers of matchesCheaply (and the per-candidate flags of finish()): MAYBE when only a text scan can tell.
  const NO = 0;
  const YES = 1;
  const MAYBE = 2;

  /** Whether passage `i` matches the concept fully: itself, a related term, its theme, or its text found whole. */
  function matchesWhole(c: ConceptBits, i: number, bodyLow: number, bodyHigh: number): boolean {
    const cheap = matchesCheaply(c, i, bodyLow, bodyHigh);
    if (cheap !== MAYBE) return cheap === YES;
    // jieba may cut the text differently from the query (党组织建在 → 党组织建|在): look for the word as written, in
    // the text or the section heading the passage stands under.
    return (mayHold(i, c.whole) && (bareText[i] as string).includes(c.whole)) || (bareSections[i] as string).includes(c.whole);
  }

  function passesFilters(i: number, parsed: ParsedQuery, phrasesBare: readonly string[]): boolean {
    if (parsed.themes.length > 0) {
      let wanted = 0;
      for (const t of parsed.themes) wanted |= themeBit.get(t) ?? 0;
      if (((themeMask[i] as number) & wanted) === 0) return false;
    }
    if (parsed.docs.length > 0) {
      const p = passages[i] as Passage;
      if (!parsed.docs.includes(p.docId) && !parsed.docs.includes(p.articleId)) return false;
    }
    if (phrasesBare.length === 0) return true;
    const text = bareText[i] as string;
    // A section heading names what the passages under it are about (“六脱”措施 heads the passage listing the six).
    const section = bareSections[i] as string;
    return phrasesBare.every((ph) => text.includes(ph) || section.includes(ph));
  }

  /**
   * Whether a query of several words stands as written in some text that jieba cut otherwise, so that the words'
   * index terms miss it (“强村九法” is cut 强|村|九|法 in the text, 强村|九法 in 强村九法是什么): a passage found to hold
   * it whole then counts as matching every word of it (see rank()).
   */
  const wholeCutApart = (concepts: readonly Concept[], whole: string): boolean =>
    whole.length >= 3 && concepts.length > 1 && concepts.every((c) => c.kind === 'word') && !inText(whole) && occurs(whole);

  // The passages whose text holds a string (letters and digits), per string, for wholeCutApart: found once by the
  // Bloom filters and a scan, then read by every later query with the same subject.
  const holdersCache = createBoundedMemo<string, Int32Array>(1_000);
  /** `words` the rarest first (by the passages holding them as written); [] when one of them is in no passage. */
  const rarestHeld = (words: readonly string[]): string[] => {
    const held = words.map((w) => ({ w, n: holdersOf(w).length }));
    return held.some((x) => x.n === 0) ? [] : held.sort((x, y) => x.n - y.n).map((x) => x.w);
  };
  // Round 25 (countUnitHeld): per word, the passages holding it only as a count's measure word (mention.ts
  // onlyCountUnit; such a passage holds the word, so it is among holdersOf's), found once for the full-match check too.
  const unitCache = createBoundedMemo<string, ReadonlySet<number>>(10_000);
  const onlyUnitIn = (w: string): ReadonlySet<number> => {
    const found = unitCache.get(w);
    if (found !== undefined) return found;
    const only = Array.from(holdersOf(w)).filter((i) => onlyCountUnit((folded[i] as FoldedText).folded, w));
    return unitCache.set(w, only.length === 0 ? NO_PASSAGES : new Set(only));
  };
  const holdersOf = (whole: string): Int32Array => {
    const found = holdersCache.get(whole);
    if (found) return found;
    const list: number[] = [];
    for (let i = 0; i < bareText.length; i++) if (mayHold(i, whole) && (bareText[i] as string).includes(whole)) list.push(i);
    return holdersCache.set(whole, Int32Array.from(list));
  };
  // Per passage, the query number whose subject it holds whole (see rank()).
  const holdStamp = new Uint32Array(passages.length);
  /**
   * Round 14 (english.ts EnglishRules.knownCharacters): whether some passage holds a string as whole words — jieba's
   * cut of the text around one of its first occurrences, punctuation kept, has a word starting where it starts and
   * one ending where it ends (硬措施 of 用硬措施落实; not 乡村党 of 乡村党组织, 强乡村 of 加强乡村 or 党建强、乡村美).
   * Cached per string.
   */
  const wholeCache = createBoundedMemo<string, boolean>(10_000);
  const occursWhole = (text: string): boolean => {
    const key = bare(text);
    const cached = wholeCache.get(key);
    if (cached !== undefined) return cached;
    let found = false;
    if (occurs(key)) {
      let looked = 0;
      for (const i of holdersOf(key)) {
        // The folded text, punctuation kept: 党建强、乡村美 holds no 强乡村 as words.
        const t = (folded[i] as FoldedText).folded;
        for (let at = t.indexOf(key); at >= 0 && looked < WHOLE_LOOKS && !found; at = t.indexOf(key, at + 1), looked++) {
          const from = Math.max(0, at - WHOLE_WINDOW);
          const ends = new Set<number>([from]);
          let pos = from;
          for (const w of cut(t.slice(from, at + key.length + WHOLE_WINDOW))) ends.add((pos += w.length));
          found = ends.has(at) && ends.has(at + key.length);
        }
        if (found || looked >= WHOLE_LOOKS) break;
      }
    }
    return wholeCache.set(key, found);
  };
  /**
   * What analyzeQuery reads besides the query (analyze.ts AnalyzeContext): the engine's look-ups and its options, the
   * same for every query, so made once here (after occursWhole, which it names) rather than on each analyze().
   */
  const analysisContext: AnalyzeContext = {
    hasTerm,
    inTexts: occurs,
    inTextsWhole: occursWhole,
    glossary,
    saidAs,
    characterSaid,
    nearCharacter,
    phrasal,
    englishLateGloss: o.englishLateGloss,
    isDictionaryWord: o.loneCharacterWords && o.glosses ? inCedict : undefined,
    separable: o.separableWords,
    separableLonger: o.separableWords && o.separableLonger,
    complements: o.separableWords && o.complementJoin,
    insideJoin: o.separableWords && o.insideJoin,
    englishNumbers: o.englishNumbers,
    englishJoined: o.englishJoined,
    englishRules: o.englishRules,
    materialAspects: o.materialAspects,
    repeatedVerbs: o.repeatedVerbs,
    materialStretch: o.materialStretch,
    aspectTail: o.aspectTail,
    kindNouns: o.kindNouns,
    yearSuffix: o.yearSuffix,
    textKinds: o.textKinds,
    genreWords: o.genreWords,
    englishKinds: o.englishKinds,
    genreOpening: o.genreOpening,
    textCounts: o.textCounts,
    rejoinMaterial: o.rejoinMaterial,
    loneSay: o.loneSay,
    questionAdverbs: o.questionAdverbs,
    placeGlue: o.placeGlue,
    placeGlueUnknown: o.dictionaryPlaces,
    whichMeasure: o.whichMeasure,
    askedNounSubject: o.askedNounSubject,
    determinerModifier: o.determinerModifier,
    chatContext: o.chatContext,
    numberedNames: o.numberedNames,
  };
  /** Whether jieba's cut of a stretch holds a place or direction word (村里 of 村里有): it says where, not what. */
  const saysWhere = (piece: string): boolean => tag(piece).some((t) => PLACE_TAG.test(t.tag));
  // Per passage, the query number whose held stretch (stretchOf) it holds.
  const stretchStamp = new Uint32Array(passages.length);

  /**
   * The longest stretch of a query's subject that its words do not cover and a text holds as written: three
   * characters or more, longer than any of its words (and than its subject, when a text holds that whole: the
   * whole-query bonus has it), between its question words, with a character no word of the query covers (等靠要 of
   * 等靠要思想怎么转变 and 要我脱贫 of 要我脱贫是什么意思, whose function characters jieba's cut and the stop list lose).
   * '' for none. Cached per query text.
   */
  const stretchCache = createBoundedMemo<string, string>(10_000);
  const stretchOf = (typed: string, analyzed: AnalyzedQuery): string => {
    // The query as typed, without the words dropped as question forms, politeness or material.
    let whole = bare(typed);
    for (const d of analyzed.dropped) whole = whole.replace(bare(d), '\u0000');
    if (whole.length < 3 || whole.length > 40) return '';
    let found = stretchCache.get(whole);
    if (found !== undefined) return found;
    found = '';
    {
      // Each character's word of the query (its index in `spans`), or -1: the stretches looked at are an uncovered
      // run with the word before and after it, so a query costs a handful of lookups, not one per substring.
      const owner = new Int32Array(whole.length).fill(-1);
      const spans: [number, number][] = [];
      // Longer than the subject when a text holds the subject whole (the whole-query bonus has that), and than any word.
      let longest = occurs(analyzed.wholeBare) ? analyzed.wholeBare.length : 0;
      for (const c of analyzed.concepts) {
        const t = bare(c.text);
        if (t.length === 0) continue;
        if (t.length > longest) longest = t.length;
        for (let at = whole.indexOf(t); at >= 0; at = whole.indexOf(t, at + 1)) {
          spans.push([at, at + t.length]);
          owner.fill(spans.length - 1, at, at + t.length);
        }
      }
      const isBreak = new Uint8Array(whole.length);
      for (const m of whole.matchAll(QUESTION_WORDS_ALL)) isBreak.fill(1, m.index, m.index + m[0].length);
      for (let a = 0; a < whole.length; ) {
        if (owner[a] !== -1 || isBreak[a] === 1) {
          a++;
          continue;
        }
        let b = a;
        while (b < whole.length && owner[b] === -1 && isBreak[b] === 0) b++;
        const before = a > 0 && isBreak[a - 1] === 0 && owner[a - 1] !== -1 ? (spans[owner[a - 1] as number] as [number, number])[0] : a;
        const after = b < whole.length && isBreak[b] === 0 && owner[b] !== -1 ? (spans[owner[b] as number] as [number, number])[1] : b;
        const pieces = [whole.slice(before, after), whole.slice(before, b), whole.slice(a, after), whole.slice(a, b)];
        pieces.sort((x, y) => y.length - x.length);
        for (const piece of pieces) {
          if (piece.length < 3 || piece.length <= longest || piece.length <= found.length) break;
          if (occurs(piece) && !saysWhere(piece)) {
            found = piece;
            break;
          }
        }
        a = b;
      }
    }
    return stretchCache.set(whole, found);
  };

  /** Whether some section heading holds the word whole (two characters or more). */
  const inHeading = (word: string): boolean =>
    Array.from(word).length >= 2 && distinctSections().some(({ section }) => section.includes(word));

  /**
   * The key words (two characters or more) that some section heading holds whole: what {@link headingKeys} looks for,
   * found once per query among the distinct headings rather than per passage.
   */
  const headingWordsOf = (keys: readonly { whole: string }[]): string[] => keys.map((c) => c.whole).filter(inHeading);
  /** Whether passage `i`'s section heading holds one of the key words whole (two characters or more; headingWordsOf). */
  const headingKeys = (i: number, words: readonly string[]): boolean => {
    const section = bareSections[i] as string;
    if (section.length === 0) return false;
    for (const w of words) if (section.includes(w)) return true;
    return false;
  };

  /** A query's ranking, with what the page needs to say whether and how it is partial. */
  interface QueryRanking extends Ranked {
    partial: boolean;
    bits: ConceptBits[];
    concepts: readonly Concept[];
  }
  /**
   * A ranking from its parts: every QueryRanking is made here, one shape. Not `{ ...hits, partial }`: V8 (Node 20)
   * defines a property written after a spread in an object literal by a slow path, ~2.5 µs an object against ~0.1 µs
   * (round 20: 2.2 % of a search for rank()'s own).
   */
  const rankingOf = (total: number, top: (k: number) => Hit[], partial: boolean, bits: ConceptBits[], concepts: readonly Concept[]): QueryRanking => ({
    total,
    top,
    partial,
    bits,
    concepts,
  });

  // Per passage, for the current query (stamped like the clusters below): its body bits, read when a page of results
  // is shown.
  const hitBodyLow = new Uint32Array(passages.length);
  const hitBodyHigh = new Uint32Array(passages.length);
  const hitStamp = new Uint32Array(passages.length);
  // Per passage, stamped with the query: a full match by its bits alone before a number was asked of it (askedNumberStated).
  const wordsFullStamp = new Uint32Array(passages.length);

  /**
   * Scored, filtered, deduplicated hits for a query with words in it, best first.
   *
   * A passage is a result when its text matches one of the query's key words (the body rule). It is a *full* match
   * when it matches every naming key word as a whole (itself, a related term, its theme, or the word found whole in
   * its text; a name's pieces are not enough: 民主生活会 is not matched by 民主 and 生活). When some passage is a full
   * match, the others follow it (score × partialFactor); when none is, the answer is partial (the lenient pass over
   * the words the texts know) and says so.
   */
  /**
   * The strings naming the subject of a question asking for an amount (askedAmountStated): the required words that do
   * not name the payment (quantity.ts namesPayment), as themselves and through their related terms that share a
   * character with them (two characters or more). undefined, and the rule is off for the query, when every required word names the payment.
   */
  function amountAnchors(concepts: readonly Concept[], bits: readonly ConceptBits[], required: readonly ConceptBits[], anyWord = false): string[] | undefined {
    const out: string[] = [];
    bits.forEach((b, k) => {
      const c = concepts[k] as Concept;
      // askedNumberStated (anyWord): any word of the query but the kind of answer asked for, with its pieces and all
      // its related terms (a number stands near 文艺队 for 跳舞唱歌的队伍).
      if (!(anyWord ? !c.aspect : required.includes(b)) || c.kind !== 'word' || namesPayment(c.text)) return;
      // Its related terms only where they share a character with it (医保 → 医疗保险, 退牧还草 → 草原): a distant one
      // (退牧还草 → 扶贫, 补助) stands for the topic's neighbourhood, found near many amounts.
      const close = c.related.filter((t) => (anyWord || sharesHan(t, c.text)) && !namesPayment(t));
      for (const t of [bare(c.text), ...c.heads, ...close, ...(anyWord ? c.parts : [])]) if (Array.from(t).length > 1 && !out.includes(t)) out.push(t);
    });
    return out.length > 0 ? out : undefined;
  }

  /** Whether one of `payment` stands in passage `i` within amountWindow characters of one of `anchors` (paymentNear). */
  function paymentNear(i: number, anchors: readonly string[], payment: readonly string[]): boolean {
    const text = (folded[i] as FoldedText).folded;
    const spans: [number, number][] = [];
    for (const w of payment) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) spans.push([at, at + w.length]);
    return quantityNear(text, spans, anchors, o.amountWindow);
  }

  /**
   * Whether passage `i` states a span of `spansOf` (quantity.ts) within `window` characters of one of `words`; each
   * passage's spans are found on the first question that reaches it.
   */
  function statedNear(spansOf: (text: string) => [number, number][], window: number): (i: number, words: readonly string[]) => boolean {
    const cache: ([number, number][] | undefined)[] = [];
    return (i, words) => {
      const text = (folded[i] as FoldedText).folded;
      return quantityNear(text, cache[i] ?? (cache[i] = spansOf(text)), words, window);
    };
  }
  /** An amount of money near the anchors (askedAmountStated and the rules after it). */
  const amountNear = statedNear(amountsOf, o.amountWindow);
  /** A number near the anchors (askedNumberStated). */
  const numberNear = statedNear(numbersOf, o.amountWindow);

  function rank(parsed: ParsedQuery, analyzed: AnalyzedQuery, need = Infinity, headings = false): QueryRanking {
    const { concepts } = analyzed;
    // Round 21 (titleSubject): a request's circumstances typed after its kind of text are no subject of a title.
    const asidesOf = (): readonly Concept[] => clauseConcepts(parsed.text, analyzed, heldAsTyped).clause;
    const { terms, bits, keys, required, broad, articleAt } = plan(concepts, headings, parsed.text, analyzed.material === true, asidesOf);
    const phrasesBare = parsed.phrases.map(bare).filter((p) => p.length > 0);
    const whole = analyzed.wholeBare.length >= 2 ? analyzed.wholeBare : '';
    const collapser = startCollapse();
    const current = stamp;
    const filtered = parsed.themes.length > 0 || parsed.docs.length > 0 || phrasesBare.length > 0;
    // With a single concept matched as itself, the whole query is in the passage: no need to scan for it.
    const single = bits.length === 1 && whole === bare(concepts[0]?.text ?? '') ? bits[0] : undefined;
    // The concepts the coverage factor counts: all but the kind of answer asked for (unless that is all there is).
    const subjectAt = bits.flatMap((c, k) => (c.aspect ? [] : [k]));
    const counted = subjectAt.length > 0 ? subjectAt : bits.map((_, k) => k);
    // Each counted concept's weight in the coverage: its everyday focus and, in a question every word of which the
    // texts hold, less for a word that names nothing (questionVerbCoverage: 推进 of 三治融合怎么推进).
    const asks = o.questionVerbCoverage !== 1 && isQuestion(parsed.text) && bits.every((c) => c.wholeKnown);
    let weightOf: number[] | undefined;
    // Each rule below scales every counted concept's weight (from its focus) by a factor of its own (scaledWeights).
    if (asks) weightOf = scaledWeights(weightOf, bits, (c) => (c.naming ? 1 : o.questionVerbCoverage));
    // Round 15 (lengthCoverage): in a request for material or a list of keywords, a concept counts by its length.
    // A word's characters (an English word or a phrase counts as a two-character word).
    const materialOrList = (o.lengthCoverage > 0 || o.subjectFirst !== 1) && (analyzed.material === true || keywordList(parsed.text));
    if (o.lengthCoverage > 0 && materialOrList) weightOf = scaledWeights(weightOf, bits, (c) => Math.pow(c.kind === 'word' ? c.chars : 2, o.lengthCoverage));
    // Round 15 (subjectFirst): the words of the request's first part, typed before the kind of text, weigh more.
    if (o.subjectFirst !== 1 && !LATIN_IN.test(parsed.text) && materialOrList) {
      const parts = parsed.text.split(/\s+/).filter((x) => x.length > 0);
      const first = parts.length > 1 ? parts.find((part) => counted.some((k) => part.includes((concepts[k] as Concept).text))) : undefined;
      if (first !== undefined) weightOf = scaledWeights(weightOf, bits, (c, k) => (c.theme === undefined && first.includes((concepts[k] as Concept).text) ? o.subjectFirst : 1));
    }
    // Round 16 (coverageSpecific): a generic word covers less of the query than a telling one. Not in a query with
    // English words: an English word's head is a translation, whose share in the library says little of the word typed.
    if (o.coverageSpecific !== 0 && !LATIN_IN.test(parsed.text)) weightOf = scaledWeights(weightOf, bits, (c) => c.specific);
    const cutApart = whole.length > 0 && single === undefined && wholeCutApart(concepts, whole);
    if (cutApart) for (const i of holdersOf(whole)) holdStamp[i] = current;
    // A stretch of the query that jieba's words lose (等靠要, 要我脱贫: function characters) held by some text as
    // written: its holders get the whole-query bonus (see stretchOf).
    const stretch = o.stretchBonus > 0 ? stretchOf(parsed.text, analyzed) : '';
    if (stretch) for (const i of holdersOf(stretch)) stretchStamp[i] = current;
    const stretchFactor = 1 + o.stretchBonus;
    // Round 17 (broadOpening): the opening passage of an article whose title holds every broad subject word.
    const openingFactor = 1 + o.broadOpening;
    const { coverageFloor, coveragePower, themeBoost } = o;
    // The words that decide whether a passage is a result (keys: lone characters only when the query has nothing
    // longer, or when people ask with them: 卖 of 网上卖 brings 电商) and those a full match must hold (required; plan()
    // keeps the head's stand-ins close there, headStandInClose). A key word in no text at all, of whatever kind (推荐 of
    // 推荐阅读, 防止 of 如何防止返贫), means no passage answers the whole query: the answer is partial.
    // Asked again with nothing found (headings): the key words some section heading holds.
    const headingWords = headings ? headingWordsOf(keys) : [];
    const fullPossible = required.length > 0 && keys.every((c) => c.wholeKnown);
    // A question asking for an amount of money (askedAmountStated): the words a full match must hold that name its
    // subject, with their related terms; a full match must state an amount near one of them (a text scan in finish()).
    const money = fullPossible && o.askedAmountStated && asksMoney(parsed.text, o.amountBeforePayment);
    // Round 13 (paymentNear): a query ending in the payment it asks about (文艺队演出补贴): the payment, itself or a
    // related term sharing a character with it, must stand near the subject.
    const last = required[required.length - 1];
    const lastConcept = last === undefined ? undefined : (concepts[bits.indexOf(last)] as Concept);
    const payment =
      !money &&
      fullPossible &&
      o.askedAmountStated &&
      o.paymentNear &&
      required.length > 1 &&
      lastConcept?.kind === 'word' &&
      namesPayment(lastConcept.text) &&
      (readsAsHead(parsed.text, lastConcept.text, parsed.text.lastIndexOf(lastConcept.text)) || (o.paymentModified && modifiedPayment(parsed.text, lastConcept.text, o.endParticles)))
        ? [...new Set([bare(lastConcept.text), ...lastConcept.heads, ...lastConcept.related.filter((t) => sharesHan(t, lastConcept.text))])]
        : undefined;
    // Round 23 (askedNumberStated): a question asking for a number that is not money, with a word read as the kind of
    // answer (an aspect, which a full match need not hold): a full match states a number near the subject.
    const counts = !money && payment === undefined && fullPossible && o.askedNumberStated && asksNumber(parsed.text) && concepts.some((c) => c.aspect === true);
    const anchors = money || payment || counts ? amountAnchors(concepts, bits, required, counts) : undefined;
    // Round 14 (askedHowMention): a question asking how, where or what about a thing needs more than a mention of it.
    const asksHowThing = fullPossible && (o.askedHowMention || o.listedMention) && asksHow(parsed.text) && !asksQuantity(parsed.text);
    // The question's required words as written, the rarest first (both rules look at the rarest).
    const howWords = asksHowThing ? rarestHeld(required.flatMap((c) => (c.kind === 'word' && c.whole.length > 1 ? [c.whole] : []))) : [];
    const mentioned = asksHowThing && o.askedHowMention ? howWords : undefined;
    // Round 15 (listedMention): a question about a thing some passages name only in a list asks more than the list says.
    let listed: string | undefined;
    let listedEvidence: string[] = [];
    if (asksHowThing && o.listedMention && !ASKS_WORDING.test(parsed.text)) {
      let rarest = howWords[0];
      // Round 27 (listedSiblings): of words equally rare, the last typed — the head the question asks about (家训 of
      // 上田村的家训, each held by one passage), not the place or owner before it.
      if (o.listedSiblings && rarest !== undefined) {
        const least = holdersOf(rarest).length;
        for (const w of howWords) if (holdersOf(w).length === least && parsed.text.lastIndexOf(w) > parsed.text.lastIndexOf(rarest)) rarest = w;
      }
      if (rarest !== undefined) {
        listed = rarest;
        listedEvidence = [
          ...new Set(
            concepts.flatMap((c) =>
              c.kind !== 'word' || c.place ? [] : [bare(c.text), ...c.heads, ...c.related, ...(!c.naming && charCount(c.text) === 2 ? [c.text.slice(0, 1)] : [])],
            ),
          ),
        ].filter((t) => t.length > 0 && !listed?.includes(t));
        // Round 27 (listedSiblings): the listed word's own related terms name the same thing (家风 beside 家训).
        if (o.listedSiblings) {
          const own = concepts.find((c) => c.kind === 'word' && bare(c.text) === rarest);
          if (own !== undefined && own.related.length > 0) {
            // A word of the question stays evidence unless the two are each other's related terms (家风 and 家训): 资助 of
            // 学费怎么资助 is what is asked of 学费, though 学费 lists it among its related terms.
            const asked = new Set(concepts.flatMap((c) => (c === own || c.kind !== 'word' || c.related.includes(rarest as string) ? [] : [bare(c.text), ...c.heads])));
            listedEvidence = listedEvidence.filter((t) => !own.related.includes(t) || asked.has(t));
          }
        }
      }
    }
    // Round 17 (standInListed): in such a question, the required words a passage may hold only through related terms;
    // where those terms stand in its text decides a full match (standInOnlyListed).
    const standIns = fullPossible && o.standInListed && asksHow(parsed.text) && !asksQuantity(parsed.text) ? required.filter((c) => c.kind === 'word' && c.fullRelatedText.length > 0) : [];
    // What the question says beside each such word: its other words as typed, their dictionary words and related terms.
    const standInEvidence = standIns.map((s) => {
      const at = bits.indexOf(s);
      const own = new Set(s.fullRelatedText);
      return [
        ...new Set(
          concepts.flatMap((c, k) => (k === at || c.kind !== 'word' || c.place ? [] : [bare(c.text), ...c.heads, ...c.related])).filter((t) => charCount(t) > 1 && !own.has(t)),
        ),
      ];
    });
    // Round 24 (askedMembersListed): a question asking the members of a numbered set needs a passage listing them.
    const members = fullPossible && o.askedMembersListed ? asksMembers([...parsed.phrases, parsed.text].join(' ')) : undefined;
    // Round 25 (countUnitHeld): for each required word some passage holds only as the measure word of a count, those
    // passages.
    const units =
      fullPossible && o.countUnitHeld && !asksQuantity(parsed.text)
        ? required.flatMap((c) => {
            if (c.kind !== 'word' || charCount(c.whole) <= 1 || typedAsUnit(parsed.text, c.whole)) return [];
            const only = onlyUnitIn(c.whole);
            return only.size > 0 ? [only] : [];
          })
        : [];
    // Round 26 (askedKindNamed): the kinds a question asks one of (哪个单位): a full match names something of each.
    const kinds = fullPossible && o.askedKindNamed && asksWhichOne(parsed.text) ? whichKinds(parsed.text, concepts.flatMap((c) => (c.kind === 'word' ? [c.text] : []))) : [];
    const scan = kinds.length > 0 || anchors !== undefined || (mentioned !== undefined && mentioned.length > 0) || listed !== undefined || members !== undefined || units.length > 0;
    const themed = keys.filter((c) => c.theme !== undefined);
    // Round 20 (themeTopicHeld): the topics named beside a theme.
    const topics = themed.length > 0 ? bits.filter((c) => c.topic) : [];
    // The largest theme factor of a passage holding every topic (1: none), and the others' indexes and factors.
    let heldFactor = 1;
    const topicUnheld: number[] = [];
    let keyLow = 0;
    let keyHigh = 0;
    let keyPhrase = false;
    for (const c of keys) {
      keyLow = (keyLow | c.anyLow) >>> 0;
      keyHigh = (keyHigh | c.anyHigh) >>> 0;
      if (c.kind === 'phrase') keyPhrase = true;
    }
    // Round 26 (askedYearHeld): a question asking a fact of a year no text speaks of (not how a thing is done), the year
    // the only sign of a request for material, is answered in full only by a passage of an article dated or titled in
    // that year.
    const years = o.askedYearHeld && analyzed.askedYears !== undefined && isQuestion(parsed.text) && !asksHow(parsed.text) ? analyzed.askedYears : undefined;
    let fullCount = 0;
    let bestBase = 0;
    const candidates: number[] = [];
    const consider = (index: number, base: number, low: number, high: number, bodyLow: number, bodyHigh: number): void => {
      hitStamp[index] = current;
      // A passage must match one of the key words in its text: a match in the title or section heading alone (the
      // page title of an article, a column name) adds to the score of passages that qualify, but does not qualify one.
      // A quoted phrase is checked against the text by the filter below; a theme's passages qualify for its name.
      let strength = 0;
      for (const c of themed) strength = Math.max(strength, themeStrength(index, c.theme as ThemeId));
      if (!keyPhrase && strength === 0 && (keyLow & bodyLow) === 0 && (keyHigh & bodyHigh) === 0) {
        let holds = false;
        for (const c of keys) {
          if (((c.partLow & bodyLow) !== 0 || (c.partHigh & bodyHigh) !== 0) && mayHold(index, c.whole) && (bareText[index] as string).includes(c.whole)) {
            holds = true;
            break;
          }
        }
        // Asked again with nothing found in any text (see search()): a section heading that names a key word whole
        // (以“五力”为抓手 for 五力) makes the passages under it results.
        if (!holds && headings) holds = headingKeys(index, headingWords);
        if (!holds) return;
      }
      if (filtered && !passesFilters(index, parsed, phrasesBare)) return;
      if (base > bestBase) bestBase = base;
      let coverage = 1;
      let weakest = 1;
      // Holding the query's subject as written, a passage has every word of it, however its words were cut.
      const holdsWhole = cutApart && holdStamp[index] === current;
      if (counted.length > 0 && !holdsWhole) {
        coverage = 0;
        let total = 0;
        for (const k of counted) {
          const c = bits[k] as ConceptBits;
          // Inline fast path: most candidates match a concept as itself.
          const l = c.bodyOnly ? bodyLow : low;
          const h = c.bodyOnly ? bodyHigh : high;
          let credit = (c.headLow & l) !== 0 || (c.headHigh & h) !== 0 ? 1 : conceptCredit(c, l, h);
          if (credit < 1 && c.theme !== undefined && themeStrength(index, c.theme) > 0) credit = 1;
          if (credit < 1 && c.own === articleOf[index]) credit = 1;
          const w = weightOf === undefined ? c.focus : (weightOf[k] as number);
          coverage += credit * w;
          total += w;
          if (credit < weakest) weakest = credit;
        }
        coverage = total > 0 ? coverage / total : 1;
      }
      let score = coverage === 1 ? base : base * (coverageFloor + (1 - coverageFloor) * Math.pow(coverage, coveragePower));
      const themeFactor = strength > 0 ? 1 + themeBoost * strength : 1;
      score *= themeFactor;
      // Round 20 (themeTopicHeld): whether the theme's passage holds each topic itself; settled after the search.
      if (strength > 0 && topics.length > 0) {
        let held = true;
        for (const c of topics) if ((c.headLow & low) === 0 && (c.headHigh & high) === 0) held = false;
        if (!held) topicUnheld.push(index, themeFactor);
        else if (themeFactor > heldFactor) heldFactor = themeFactor;
      }
      if (stretch && stretchStamp[index] === current) score *= stretchFactor;
      if (broad !== undefined) {
        const title = openingTitle[index] as string;
        if (articleAt >= 0 ? index === articleAt : title.length > 0 && broad.every((w) => title.includes(w))) score *= openingFactor;
      }
      hitBodyLow[index] = bodyLow;
      hitBodyHigh[index] = bodyHigh;
      // What the text scans below (the whole query, the required words found whole) may still add is settled where
      // the bits settle it; the rest is left to finish(), which scans only passages that can reach the page.
      // A passage holding the whole query has matched each concept itself or all of its bigrams (credit ≥ 0.85):
      // only then is the text scanned for it.
      let bonus = NO;
      if (holdsWhole) bonus = YES;
      else if (cutApart) bonus = NO;
      else if (whole && weakest >= 0.85) {
        bonus = single !== undefined && ((single.headLow & low) !== 0 || (single.headHigh & high) !== 0) ? YES : MAYBE;
      }
      let full = fullPossible && (years === undefined || years.every((y) => (articleYears[articleOf[index] as number] as string).includes(y))) ? YES : NO;
      if (full === YES) {
        for (const c of required) {
          const settled = matchesCheaply(c, index, bodyLow, bodyHigh);
          if (settled === NO) {
            full = NO;
            break;
          }
          if (settled === MAYBE) full = MAYBE;
        }
      }
      if (full === YES && counts) wordsFullStamp[index] = current;
      if (full === YES && scan) full = MAYBE;
      // Only where a stand-in may be all the passage has of a word is its text read (standInListed).
      if (full === YES) for (const c of standIns) if ((c.headLow & bodyLow) === 0 && (c.headHigh & bodyHigh) === 0) full = MAYBE;
      if (full === YES) fullCount++;
      candidates.push(index);
      candScore[index] = score;
      candState[index] = bonus | (full << 2);
    };
    const matched = searchIndex.search(terms, consider);
    // A theme named in the query brings its passages even where they match no word of it, below the best match.
    if (themed.length > 0) {
      const base = (bestBase || 1) * o.themeOnlyWeight;
      const themes = [...new Set(themed.map((c) => c.theme as ThemeId))];
      // One theme's list is already in passage order.
      const listed =
        themes.length === 1
          ? (themePassages.get(themes[0] as ThemeId) ?? [])
          : [...new Set(themes.flatMap((t) => themePassages.get(t) ?? []))].sort((a, b) => a - b);
      for (const i of listed) {
        if (hitStamp[i] === current) continue;
        let strength = 0;
        for (const c of themed) strength = Math.max(strength, themeStrength(i, c.theme as ThemeId));
        if (strength > 0) consider(i, base * strength, 0, 0, 0, 0);
      }
    }
    // Passages under such a heading that no term reached (the heading cut otherwise: 五|力), at the theme-only weight.
    if (headingWords.length > 0) {
      for (let i = 0; i < passages.length; i++) {
        if (hitStamp[i] !== current && headingKeys(i, headingWords)) consider(i, (bestBase || 1) * o.themeOnlyWeight, 0, 0, 0, 0);
      }
    }
    // Passages under a section heading holding the quoted phrases that no term reached (the heading cut otherwise:
    // “六脱”措施 is 六|脱|措施), at the theme-only weight: the heading says what they are about.
    if (phrasesBare.length > 0 && matched > 0) {
      for (let i = 0; i < passages.length; i++) {
        if (hitStamp[i] === current) continue;
        const section = bareSections[i] as string;
        if (section.length > 0 && phrasesBare.every((ph) => section.includes(ph))) consider(i, (bestBase || 1) * o.themeOnlyWeight, 0, 0, 0, 0);
      }
    }
    // A phrase with no indexed term at all (a lone character, say) is still honoured by scanning.
    if (matched === 0 && phrasesBare.length > 0) {
      for (let i = 0; i < passages.length; i++) consider(i, 1, 0, 0, 0, 0);
    }
    // Round 20 (themeTopicHeld): where some of the theme's passages hold the topic itself, one that does not gains no
    // more from the theme than the best of those.
    if (heldFactor > 1) {
      for (let j = 0; j < topicUnheld.length; j += 2) {
        const factor = topicUnheld[j + 1] as number;
        const at = topicUnheld[j] as number;
        if (factor > heldFactor) candScore[at] = (candScore[at] as number) * (heldFactor / factor);
      }
    }
    fullCount += finish(candidates, need, collapser.add, (index) => {
      const bodyLow = hitBodyLow[index] as number;
      const bodyHigh = hitBodyHigh[index] as number;
      // A question asking a number scans only for the number where the bits alone made the passage a full match.
      if (!(counts && wordsFullStamp[index] === current)) for (const c of required) if (!matchesWhole(c, index, bodyLow, bodyHigh)) return false;
      if (mentioned !== undefined && mentioned.length > 0 && onlyMentioned((folded[index] as FoldedText).folded, mentioned)) return false;
      if (listed !== undefined && onlyListed((folded[index] as FoldedText).folded, listed, listedEvidence)) return false;
      if (members !== undefined) {
        const text = (folded[index] as FoldedText).folded;
        if (namesSet(text, members) && !listsMembers(text, members)) return false;
      }
      for (const only of units) if (only.has(index)) return false;
      for (const kind of kinds) if (!namesKind((folded[index] as FoldedText).folded, kind)) return false;
      for (let k = 0; k < standIns.length; k++) if (standInOnlyListed(standIns[k] as ConceptBits, standInEvidence[k] as string[], index, bodyLow, bodyHigh)) return false;
      return anchors === undefined || (payment ? paymentNear(index, anchors, payment) : counts ? numberNear(index, anchors) : amountNear(index, anchors));
    }, (index) =>
      (mayHold(index, whole) && (bareText[index] as string).includes(whole)) || (bareHeadings[index] as string).includes(whole),
    fullCount);
    const { total, top } = collapser.done();
    return rankingOf(total, top, total > 0 && fullCount === 0, bits, concepts);
  }

  // Per passage, for the current query's candidates: the score before the whole-query bonus and the partial factor,
  // and whether each applies (YES, NO or MAYBE: a text scan decides), bits 0–1 the bonus, 2–3 the full match.
  const candScore = new Float64Array(passages.length);
  const candState = new Uint8Array(passages.length);
  // The most a candidate's final score can be, when the page is small enough for pruning (see finish).
  const candMost = new Float64Array(passages.length);
  // Per cluster, the least final score its best candidate is sure of, stamped per query.
  const clusterSure = new Float64Array(passages.length);
  const clusterSureStamp = new Uint32Array(passages.length);
  let sureStamp = 0;

  /**
   * Round 17 (standInListed): whether passage `i` holds required concept `c` only through related terms, each of which
   * its text names only as an item of an enumeration (mention.ts onlyItem). A passage holding the word itself, its
   * theme or its article, or none of the terms as written (cut otherwise), is left alone: false.
   */
  function standInOnlyListed(c: ConceptBits, evidence: readonly string[], i: number, bodyLow: number, bodyHigh: number): boolean {
    if ((c.headLow & bodyLow) !== 0 || (c.headHigh & bodyHigh) !== 0) return false;
    if (c.theme !== undefined && themeStrength(i, c.theme) > 0) return false;
    if (c.own === articleOf[i]) return false;
    if (c.whole.length > 0 && ((bareText[i] as string).includes(c.whole) || (bareSections[i] as string).includes(c.whole))) return false;
    const text = (folded[i] as FoldedText).folded;
    let held = 0;
    for (const t of c.fullRelatedText) {
      if (!text.includes(t)) continue;
      if (!onlyListedItem(text, t, evidence)) return false;
      held++;
    }
    return held > 0;
  }

  /** What matchesWhole answers from the bits alone: YES or NO, or MAYBE when it would scan the text. */
  function matchesCheaply(c: ConceptBits, i: number, bodyLow: number, bodyHigh: number): number {
    if (c.kind === 'phrase') return YES;
    if ((c.headLow & bodyLow) !== 0 || (c.headHigh & bodyHigh) !== 0) return YES;
    if ((c.fullRelatedLow & bodyLow) !== 0 || (c.fullRelatedHigh & bodyHigh) !== 0) return YES;
    if (c.theme !== undefined && themeStrength(i, c.theme) > 0) return YES;
    if (c.own === articleOf[i]) return YES;
    if (!c.wholeKnown || c.whole.length === 0) return NO;
    return MAYBE;
  }

  /**
   * Gives the candidates their final scores (× the whole-query bonus where the passage holds the whole query,
   * × partialFactor where it is not a full match) and adds them to the collapser. Safe pruning: a passage whose best
   * possible final score is below the `need`-th best sure score among the clusters cannot reach the first `need`
   * results, so its text is not scanned; it is added with that best possible score, which keeps the count of results
   * (its cluster) and leaves the first `need` results and their scores exactly as a full scan gives them.
   * Returns how many candidates were found to be full matches here (past `fullSoFar`, only as many as the partial
   * flag needs).
   */
  function finish(
    candidates: readonly number[],
    need: number,
    add: (index: number, score: number) => void,
    isFull: (index: number) => boolean,
    holdsWhole: (index: number) => boolean,
    fullSoFar: number,
  ): number {
    const { partialFactor } = o;
    const bonusFactor = 1 + o.wholeQueryBonus;
    // The final score for a bonus and full-match outcome: finalScoreOf (a module function; no closures made per query).
    // The need-th best sure score over distinct clusters: at least `need` clusters end at or above it.
    let threshold = -Infinity;
    if (Number.isFinite(need) && need > 0 && need * 4 < candidates.length) {
      sureStamp = sureStamp === 0xffffffff ? 1 : sureStamp + 1;
      if (sureStamp === 1) clusterSureStamp.fill(0);
      const clusters: number[] = [];
      for (const index of candidates) {
        const c = cluster[index] as number;
        // The least and the most final score the candidate can end with (its outcomes still MAYBE taken both ways).
        const state = candState[index] as number;
        const bonus = state & 3;
        const full = state >> 2;
        let least = Infinity;
        let most = -Infinity;
        for (let b = bonus === MAYBE ? 0 : bonus; b <= (bonus === MAYBE ? 1 : bonus); b++) {
          for (let f = full === MAYBE ? 0 : full; f <= (full === MAYBE ? 1 : full); f++) {
            const s = finalScoreOf(candScore[index] as number, b === YES, f === YES, bonusFactor, partialFactor);
            if (s < least) least = s;
            if (s > most) most = s;
          }
        }
        candMost[index] = most;
        if (clusterSureStamp[c] !== sureStamp) {
          clusterSureStamp[c] = sureStamp;
          clusterSure[c] = least;
          clusters.push(c);
        } else if (least > (clusterSure[c] as number)) clusterSure[c] = least;
      }
      if (clusters.length > need) {
        // The `need` largest, smallest first.
        const best: number[] = [];
        for (const c of clusters) {
          const v = clusterSure[c] as number;
          if (best.length === need && v <= (best[0] as number)) continue;
          let at = 0;
          while (at < best.length && (best[at] as number) < v) at++;
          best.splice(at, 0, v);
          if (best.length > need) best.shift();
        }
        threshold = best[0] as number;
      }
    }
    let fullCount = 0;
    const unsure: number[] = [];
    for (const index of candidates) {
      const state = candState[index] as number;
      if (threshold > -Infinity && (candMost[index] as number) < threshold) {
        if (state >> 2 === MAYBE) unsure.push(index);
        add(index, candMost[index] as number);
        continue;
      }
      const bonus = (state & 3) === YES || ((state & 3) === MAYBE && holdsWhole(index));
      let full = state >> 2 === YES;
      if (state >> 2 === MAYBE) {
        full = isFull(index);
        if (full) fullCount++;
      }
      add(index, finalScoreOf(candScore[index] as number, bonus, full, bonusFactor, partialFactor));
    }
    // Whether any passage at all is a full match decides whether the answer is partial: only then look further.
    if (fullCount === 0 && fullSoFar === 0) {
      for (const index of unsure) {
        if (isFull(index)) {
          fullCount++;
          break;
        }
      }
    }
    return fullCount;
  }

  // Per-cluster best passage of the current query, in typed arrays stamped with a query number, so that a query
  // matching thousands of passages allocates nothing per passage.
  const clusterBest = new Int32Array(passages.length);
  const clusterScore = new Float64Array(passages.length);
  const clusterStamp = new Uint32Array(passages.length);
  let stamp = 0;

  /**
   * Collects scored passages, keeping the best of each near-duplicate cluster (ties go to the earlier passage).
   * `done()` gives the ranking; its `top(k)` sorts only as much as a page needs.
   */
  function startCollapse(): { add(index: number, score: number): void; done(): Ranked } {
    stamp = stamp === 0xffffffff ? 1 : stamp + 1;
    if (stamp === 1) {
      clusterStamp.fill(0);
      hitStamp.fill(0);
      wordsFullStamp.fill(0);
      holdStamp.fill(0);
    }
    const current = stamp;
    const seen: number[] = [];
    return {
      add(index: number, score: number): void {
        const c = cluster[index] as number;
        if (clusterStamp[c] !== current) {
          clusterStamp[c] = current;
          clusterBest[c] = index;
          clusterScore[c] = score;
          seen.push(c);
        } else if (score > (clusterScore[c] as number) || (score === clusterScore[c] && index < (clusterBest[c] as number))) {
          clusterBest[c] = index;
          clusterScore[c] = score;
        }
      },
      done(): Ranked {
        // Each cluster's best passage and score, copied out of the shared arrays (the next query reuses them) into
        // two arrays of numbers: a query matching thousands of passages makes objects only for the page it shows.
        // Plain arrays, not typed ones: a typed array past 64 bytes gets its memory outside the heap, which costs
        // more to get and to collect than a short query's whole copy (two per ranking, several rankings a search).
        const n = seen.length;
        const index: number[] = [];
        const score: number[] = [];
        for (let k = 0; k < n; k++) {
          const c = seen[k] as number;
          index.push(clusterBest[c] as number);
          score.push(clusterScore[c] as number);
        }
        return {
          total: n,
          top(k) {
            return topHits(index, score, k);
          },
        };
      },
    };
  }

  /**
   * The longest stretch of `text` (letters and digits), three characters or more and between its question words,
   * that some passage's text holds as written; '' for none. Only for a query that found nothing: it checks every
   * stretch, longest first.
   */
  function heldStretch(text: string): string {
    let best = '';
    for (const segment of text.split(ASKING)) {
      const chars = Array.from(segment);
      // A stretch some text holds has each of its three-character windows held too (a text holding the stretch holds
      // them, and their character pairs): one window the texts lack rules out every stretch over it unasked. Each
      // window is asked once (0 not yet, 1 held, 2 not), so a long English query costs a scan per window, not one per
      // substring.
      const windows = new Uint8Array(Math.max(0, chars.length - 2));
      const windowsHeld = (at: number, len: number): boolean => {
        for (let w = at; w + 3 <= at + len; w++) {
          if (windows[w] === 0) windows[w] = occurs(chars.slice(w, w + 3).join('')) ? 1 : 2;
          if (windows[w] === 2) return false;
        }
        return true;
      };
      for (let len = chars.length; len >= 3 && len > Array.from(best).length; len--) {
        for (let at = 0; at + len <= chars.length; at++) {
          if (!windowsHeld(at, len)) continue;
          const stretch = chars.slice(at, at + len).join('');
          if (occurs(stretch) && !saysWhere(stretch)) {
            best = stretch;
            break;
          }
        }
      }
    }
    return best;
  }

  // How deep the bigram signal and the quantity bonus reorder a question's first results.
  const rerankDepth = o.bigrams === false ? BIGRAM_DEFAULTS.depth : o.bigrams.depth;

  /**
   * `hits` with its first `depth` results (of `first`, its top) replaced by `head`, reordered: the rest, fetched as
   * deep as a page asks, follows them.
   */
  function withHead(hits: QueryRanking, first: readonly Hit[], head: readonly Hit[], depth: number): QueryRanking {
    let cached = [...head, ...first.slice(depth)];
    const top = (k: number): Hit[] => {
      if (k > cached.length && cached.length < hits.total) cached = [...head, ...hits.top(k).slice(depth)];
      return cached.slice(0, k);
    };
    return rankingOf(hits.total, top, hits.partial, hits.bits, hits.concepts);
  }

  /**
   * `hits` with its first `rerankDepth` results reordered by the bonus each earns, × the first result's score (the
   * quantity bonus, the heading bonus); equal scores keep their order. `hits` itself when none earns one.
   */
  function withBonus(hits: QueryRanking, need: number, bonusOf: (h: Hit) => number, depth = rerankDepth): QueryRanking {
    const first = hits.top(Math.max(need, depth));
    const bonuses = first.slice(0, depth).map(bonusOf);
    if (!bonuses.some((b) => b > 0)) return hits;
    const top = first.length > 0 ? (first[0] as Hit).score : 0;
    const head = first
      .slice(0, depth)
      .map((h, k) => ({ k, hit: { index: h.index, score: h.score + (bonuses[k] as number) * top } }))
      .sort((a, b) => b.hit.score - a.hit.score || a.k - b.k)
      .map((x) => x.hit);
    return withHead(hits, first, head, depth);
  }

  // Per passage, the current question's bigram score (see withBigrams), stamped per question.
  const gramScore = new Float64Array(passages.length);
  const gramStamp = new Uint32Array(passages.length);
  let gramRound = 0;

  /**
   * A question's ranking with the character-bigram signal (bigram-signal.ts): its first results reordered, and an empty
   * answer answered by the bigram ranking (partial) where a passage holds enough of the question's content pairs.
   * Filters (theme, document) hold for what it adds; a query with a quoted phrase is left as it is (a phrase asks for
   * those words exactly).
   */
  function withBigrams(parsed: ParsedQuery, analyzed: AnalyzedQuery, hits: QueryRanking, need: number): QueryRanking {
    const b = o.bigrams;
    if (b === false || parsed.phrases.length > 0) return hits;
    const question = isQuestion(parsed.text);
    // A request for material (round 17) names its subject in a few words the texts write as such: the characters held
    // in common order its full answers, as a question's (a partial answer is left alone: its words missed).
    const material = !question && b.materialWeight > 0 && analyzed.material === true;
    // A keyword query only as a tie-breaker among full answers: where the words miss (everyday words the texts lack),
    // characters held in common are no evidence of meaning.
    const keywordWeight = material ? b.materialWeight : b.keywordWeight;
    const partialLeft = hits.partial && !(material && b.materialPartial);
    if (!question && (keywordWeight <= 0 || hits.total === 0 || partialLeft)) return hits;
    const weight = question ? b.weight : keywordWeight;
    // The parsed text is folded already (normalizeQuery).
    const folded = parsed.text;
    gramRound = gramRound === 0xffffffff ? 1 : gramRound + 1;
    if (gramRound === 1) gramStamp.fill(0);
    const round = gramRound;
    if (hits.total > 0) {
      if (weight <= 0) return hits;
      const terms: WeightedTerm[] = [];
      const subject = material && b.materialPairs === 'subject';
      const pairs = subject ? subjectPairs(folded, analyzed.dropped) : questionPairs(folded);
      for (const term of pairs) if (hasTerm(term)) terms.push({ term, weight: 1, bit: -1 });
      // The best bigram score over the library, not only over these results: a result that is the best of a weak lot
      // (matching the question's 怎么办 and little else) gets no more than its share of what the library holds.
      let best = 0;
      searchIndex.search(terms, (i, score) => {
        gramStamp[i] = round;
        gramScore[i] = score;
        if (score > best) best = score;
      });
      if (best <= 0) return hits;
      const first = hits.top(Math.max(need, b.depth));
      const head = rerank(first.slice(0, b.depth), (i) => (gramStamp[i] === round ? (gramScore[i] as number) : 0), best, weight);
      return withHead(hits, first, head, b.depth);
    }
    // Nothing by words: the passages holding enough of the question as written (half its content pairs and two at
    // least: one pair held, 村里 of 村里wifi密码多少, is a word in common, not the question), by the bigram ranking, one
    // per near-duplicate cluster, partial.
    if (b.fallbackShare > 1) return hits;
    const content = contentPairs(folded);
    const minHeld = Math.max(2, Math.ceil(b.fallbackShare * content.length));
    const terms: WeightedTerm[] = [];
    let bit = 0;
    for (const term of questionPairs(folded)) {
      if (hasTerm(term)) terms.push({ term, weight: 1, bit: bit < 64 && content.includes(term) ? bit++ : -1 });
    }
    const order: number[] = [];
    const filtered = parsed.themes.length > 0 || parsed.docs.length > 0;
    searchIndex.search(terms, (i, score, _low, _high, bodyLow, bodyHigh) => {
      if (popCount(bodyLow) + popCount(bodyHigh) < minHeld || (filtered && !passesFilters(i, parsed, []))) return;
      gramScore[i] = score;
      order.push(i);
    });
    order.sort((x, y) => (gramScore[y] as number) - (gramScore[x] as number) || x - y);
    const found: Hit[] = [];
    const taken = new Set<number>();
    for (const i of order) {
      const c = cluster[i] as number;
      if (taken.has(c)) continue;
      taken.add(c);
      found.push({ index: i, score: gramScore[i] as number });
    }
    if (found.length === 0) return hits;
    return rankingOf(found.length, (k) => found.slice(0, k), true, [], []);
  }

  /** A quantity near one of the question's words (withQuantities). */
  const quantityStated = statedNear(quantitiesOf, o.quantityWindow);
  /**
   * A question about a quantity (多少, 几个, 比例: quantity.ts): among its first results (as deep as the bigram
   * signal's), a passage stating a number within `quantityWindow` characters of one of the question's own words (not
   * its aspects) gains quantityBonus × the first result's score, so that of passages near a tie the one giving the
   * figure leads those that only repeat the topic; a clear lead stays.
   */
  function withQuantities(parsed: ParsedQuery, analyzed: AnalyzedQuery, hits: QueryRanking, need: number): QueryRanking {
    if (o.quantityBonus <= 0 || hits.total === 0 || !asksQuantity(parsed.text)) return hits;
    const words: string[] = [];
    for (const c of analyzed.concepts) {
      if (c.aspect || c.kind === 'english') continue;
      for (const h of [...c.heads, ...c.related]) if (Array.from(h).length > 1) words.push(h);
    }
    if (words.length === 0) return hits;
    return withBonus(hits, need, (h) => (quantityStated(h.index, words) ? o.quantityBonus : 0));
  }

  /**
   * A question (not about a quantity) whose rarest naming word a section heading holds (question.ts headingWord):
   * among its first results, the passages under that heading gain headingBonus × the first result's score, since the
   * heading says what they are about (“六脱”措施持续推进 for 六脱措施有哪些), while a passage that mentions the word in
   * passing (拉萨市…着力实施“六脱”措施) does not.
   */
  function withHeading(parsed: ParsedQuery, analyzed: AnalyzedQuery, hits: QueryRanking, need: number): QueryRanking {
    if (o.headingBonus <= 0 || hits.total === 0 || !isQuestion(parsed.text) || asksQuantity(parsed.text)) return hits;
    const word = headingWord(analyzed.concepts, (c) => share(c.heads[0] ?? c.text), (c) => themeOf(c) !== undefined, o.headingShare);
    if (!word) return hits;
    return withBonus(hits, need, (h) => ((bareSections[h.index] as string).includes(word) ? o.headingBonus : 0));
  }

  /**
   * A question asking which ones (哪些, 哪几种: question.ts asksList): among its first results, a passage naming one
   * of the question's own words (not its aspects) as the kind that closes a list (…“土地流转+优先雇用+社会保障”…等多种
   * 利益联结机制) gains listBonus × the first result's score: it gives the members asked for, where a passage that
   * only mentions the subject (要创新完善利益联结机制) does not. A clear lead stays.
   */
  function withList(parsed: ParsedQuery, analyzed: AnalyzedQuery, hits: QueryRanking, need: number): QueryRanking {
    if (o.listBonus <= 0 || hits.total === 0 || !asksList(parsed.text)) return hits;
    const words: string[] = [];
    for (const c of analyzed.concepts) {
      if (c.aspect || c.kind === 'english') continue;
      for (const h of c.heads) if (Array.from(h).length > 1) words.push(h);
    }
    if (words.length === 0) return hits;
    return withBonus(hits, need, (h) => (listsKind((folded[h.index] as FoldedText).folded, words, o.listSpan) ? o.listBonus : 0));
  }

  /** The first results, and how many of the first typedStretchDepth are within reach (bonus × the first's score of it). */
  function reachOf(hits: QueryRanking, need: number, bonus: number): { first: Hit[]; depth: number } {
    const first = hits.top(Math.max(need, o.typedStretchDepth));
    const reach = (first[0] as Hit).score * (1 - bonus);
    let depth = 0;
    while (depth < Math.min(first.length, o.typedStretchDepth) && (first[depth] as Hit).score >= reach) depth++;
    return { first, depth };
  }

  /**
   * A full answer: among its first results, a passage holding the query's typed stretches as written, in its text or
   * its section heading (bigram-signal.ts heldShare: four characters or more), gains typedStretchBonus × its held share
   * × the first result's score — the words the query typed together standing together (三治融合 of 三治融合怎么推进,
   * where 004-000 held 推进 and 深度融合; 两委班子成员 across the text's quotes) rather than apart or only in part. A
   * theme's name is left to the theme rules (产业振兴 in a heading says the theme, not the topic); a partial answer is
   * left alone (everyday words typed together say nothing of a text that lacks some of them).
   */
  function withTypedStretches(parsed: ParsedQuery, typed: readonly string[], hits: QueryRanking, need: number): QueryRanking {
    if (o.typedStretchBonus <= 0 || hits.total === 0 || hits.partial || parsed.phrases.length > 0 || typed.length === 0) return hits;
    // Round 9: only the first results within reach of the first place (a score within bonus × the first's of it), of
    // the page's first `typedStretchDepth`: most queries have one clear first result, and then nothing is looked up.
    const { depth } = reachOf(hits, need, o.typedStretchBonus);
    if (depth < 2) return hits;
    const stretches = prepareStretches(typed);
    // Each piece's character pairs, hashed once: a passage whose pair filter lacks one cannot hold it (mayHoldProbe),
    // and a piece with a pair no text holds is held by none. One filter whose passage is set per hit, not one made per
    // passage.
    const probes = stretches.map((x) => x.windows.map((w) => (someGram(w, (g) => !inText(g)) ? undefined : probeOf(w))));
    const filter = {
      index: 0,
      may(k: number, w: number): boolean {
        const probe = probes[k]?.[w];
        return probe !== undefined && mayHoldProbe(this.index, probe);
      },
    };
    return withBonus(hits, need, (h) => {
      filter.index = h.index;
      const body = heldShare(bareText[h.index] as string, stretches, undefined, filter);
      const section = bareSections[h.index] as string;
      return o.typedStretchBonus * (section.length > 0 ? Math.max(body, heldShare(section, stretches)) : body);
    }, depth);
  }

  /**
   * The query's junctions (see junctionBonus): per run of adjacent Han words, the last character of a content word
   * (a concept of the query that is no aspect, stop word or dropped word) and the first of the content word after it,
   * when some text holds that pair and at most junctionShare of the passages do.
   */
  function junctionsOf(analyzed: AnalyzedQuery): string[] {
    const content = new Set<string>();
    for (const c of analyzed.concepts) if (c.kind === 'word' && !c.aspect && !c.place) content.add(c.text);
    const out: string[] = [];
    for (const run of analyzed.runs) {
      for (let k = 0; k + 1 < run.length; k++) {
        const a = run[k] as string;
        const b = run[k + 1] as string;
        if (!content.has(a) || !content.has(b) || isStopWord(a) || isStopWord(b)) continue;
        const pair = `${a.slice(-1)}${b.slice(0, 1)}`;
        const df = searchIndex.textFrequency(`${GRAM_PREFIX}${pair}`);
        if (df > 0 && df <= o.junctionShare * searchIndex.size && !out.includes(pair)) out.push(pair);
      }
    }
    return out;
  }

  /**
   * A full answer: among its first results within reach of the first place (a score within junctionBonus × the
   * first's), a passage holding the query's junctions in its text gains junctionBonus × the share it holds × the
   * first result's score (see junctionBonus). A partial answer is left alone, as withTypedStretches leaves it.
   */
  function withJunctions(parsed: ParsedQuery, analyzed: AnalyzedQuery, hits: QueryRanking, need: number): QueryRanking {
    if (o.junctionBonus <= 0 || hits.total === 0 || hits.partial || parsed.phrases.length > 0) return hits;
    const junctions = junctionsOf(analyzed);
    if (junctions.length === 0) return hits;
    const { depth } = reachOf(hits, need, o.junctionBonus);
    if (depth < 2) return hits;
    return withBonus(hits, need, (h) => {
      const text = bareText[h.index] as string;
      let held = 0;
      for (const j of junctions) if (text.includes(j)) held++;
      return (o.junctionBonus * held) / junctions.length;
    }, depth);
  }

  /**
   * A full answer (see itemBonus): the query's rarest content word of two characters or more that some text holds as
   * written; among the first results within reach, those naming it in a clause of their own gain itemBonus, when
   * another within reach names it only as an item of enumerations.
   */
  function withItems(parsed: ParsedQuery, analyzed: AnalyzedQuery, hits: QueryRanking, need: number): QueryRanking {
    if (o.itemBonus <= 0 || hits.total === 0 || hits.partial || parsed.phrases.length > 0) return hits;
    const { first, depth } = reachOf(hits, need, o.itemBonus);
    if (depth < 2) return hits;
    const words: string[] = [];
    for (const c of analyzed.concepts) if (c.kind === 'word' && !c.aspect && !c.place && c.naming && charCount(c.text) > 1) words.push(c.text);
    const w = rarestHeld(words)[0];
    if (w === undefined) return hits;
    // Per result within reach: 0 not holding the word as written, 1 only in enumerations, 2 in a clause of its own.
    const kinds = new Map<number, number>();
    for (const h of first.slice(0, depth)) {
      const text = (folded[h.index] as FoldedText).folded;
      kinds.set(h.index, text.includes(w) ? (onlyItem(text, w) ? 1 : 2) : 0);
    }
    const seen = [...kinds.values()];
    if (!seen.includes(1) || !seen.includes(2)) return hits;
    return withBonus(hits, need, (h) => (kinds.get(h.index) === 2 ? o.itemBonus : 0), depth);
  }

  // Per passage, its article's title, letters and digits only (scopeWords): split from bareHeadings once, on first use
  // (few passages are ever asked about, so nothing is made for the others).
  const bareTitles: (string | undefined)[] = [];
  const bareTitleOf = (i: number): string => (bareTitles[i] ??= (bareHeadings[i] as string).split('\u0000')[0] as string);

  /**
   * A full answer (see scopeWords): among its first results, a passage whose text holds every word of the query its
   * article's section-mate ranked above it holds, and one more, goes right before it when that one's lead is only the
   * article's scope words (typed within a stretch its title holds that no other article's passage holds).
   */
  function withScopeWords(parsed: ParsedQuery, analyzed: AnalyzedQuery, hits: QueryRanking, need: number): QueryRanking {
    if (!o.scopeWords || hits.total === 0 || hits.partial) return hits;
    const depth = o.typedStretchDepth;
    const first = hits.top(Math.max(need, depth));
    const shown = first.slice(0, depth);
    if (shown.length < 2) return hits;
    // Only results sharing an article and a section with another result can move.
    const same = (x: number, y: number): boolean => passages[x]?.articleId === passages[y]?.articleId && bareSections[x] === bareSections[y];
    const paired = shown.some((a, k) => shown.some((b, m) => m > k && same(a.index, b.index)));
    if (!paired) return hits;
    const words: string[] = [];
    for (const c of analyzed.concepts) {
      if (c.aspect || c.place || c.kind === 'english' || themeOf(c) !== undefined) continue;
      const w = bare(c.text);
      if (w.length > 0 && !words.includes(w)) words.push(w);
    }
    if (words.length < 2) return hits;
    const typed = bare(parsed.text);
    const scopeMemo = new Map<string, boolean>();
    // Whether word w is a scope word of the article of passage i.
    const isScope = (i: number, w: string): boolean => {
      const article = passages[i]?.articleId;
      const key = `${article}\u0000${w}`;
      const known = scopeMemo.get(key);
      if (known !== undefined) return known;
      const title = bareTitleOf(i);
      let scope = false;
      if (title.includes(w)) {
        for (let at = typed.indexOf(w); at >= 0 && !scope; at = typed.indexOf(w, at + 1)) {
          // The longest stretch of the query around this occurrence that the title holds. Starts before `from` are
          // skipped: every stretch from one holds typed[from - 1, at + w.length), which the title lacks, so none
          // would be found there (the same longest stretch, the same tie-break: the smallest start).
          let from = at;
          while (from > 0 && title.includes(typed.slice(from - 1, at + w.length))) from--;
          let best = '';
          for (let s = from; s <= at; s++) {
            for (let e = typed.length; e >= at + w.length && e - s > best.length; e--) {
              const x = typed.slice(s, e);
              if (title.includes(x)) {
                best = x;
                break;
              }
            }
          }
          if (charCount(best) < 2) continue;
          const holders = holdersOf(best);
          scope = holders.length > 0 && Array.from(holders).every((h) => passages[h]?.articleId === article);
        }
      }
      scopeMemo.set(key, scope);
      return scope;
    };
    const held = shown.map((h) => words.filter((w) => (bareText[h.index] as string).includes(w)));
    const scores = shown.map((h) => h.score);
    let moved = false;
    for (let m = 1; m < shown.length; m++) {
      const b = shown[m] as Hit;
      const hb = held[m] as string[];
      for (let k = 0; k < m; k++) {
        const a = shown[k] as Hit;
        if (!same(a.index, b.index)) continue;
        const ha = held[k] as string[];
        const beyond = ha.filter((w) => !hb.includes(w));
        if (beyond.length === 0 || !beyond.every((w) => isScope(a.index, w))) continue;
        if (!hb.some((w) => !ha.includes(w) && !isScope(b.index, w))) continue;
        const over = (scores[k] as number) * (1 + 1e-9) + 1e-12;
        if (over > (scores[m] as number)) {
          scores[m] = over;
          moved = true;
        }
      }
    }
    if (!moved) return hits;
    const head = shown
      .map((h, k) => ({ k, hit: { index: h.index, score: scores[k] as number } }))
      .sort((x, y) => y.hit.score - x.hit.score || x.k - y.k)
      .map((x) => x.hit);
    return withHead(hits, first, head, shown.length);
  }

  /**
   * The query's typed stretches that can tell its results apart: not a theme's name (the theme rules weigh those),
   * and not one word of the query that the index holds whole (a passage holds that stretch exactly when it holds
   * the word, which the word's own score already says: 联席会议, 易地扶贫搬迁).
   */
  function telling(folded: string, analyzed: AnalyzedQuery): string[] {
    return stretchesOf(folded).filter((x) => !analyzed.concepts.some((c) => c.text === x && hasTerm(x)));
  }

  /** Passages selected by filters alone (no words): by theme strength, or in reading order for doc: only. */
  function filterOnly(parsed: ParsedQuery): Ranked {
    const collapser = startCollapse();
    passages.forEach((p, i) => {
      if (!passesFilters(i, parsed, [])) return;
      const score = parsed.themes.length > 0 ? Math.max(...parsed.themes.map((t) => p.themeScores[t] ?? 0)) : 1;
      collapser.add(i, score);
    });
    return collapser.done();
  }

  // ---- presentation --------------------------------------------------------------------------------------------

  /**
   * What to mark in snippets: the query's own words and their related terms anywhere; the pieces of a word only
   * where they stand as words of the passage (never 共同 inside 共同体, 基地 inside 宅基地).
   */
  function highlightsFor(concepts: readonly Concept[]): HighlightTerm[] {
    const terms: HighlightTerm[] = [];
    concepts.forEach((c, group) => {
      // Characters counted by charCount (code points, as Array.from counts them), no array made per word.
      const single = charCount(c.text) === 1;
      const known = wholeKnownOf(c);
      for (const h of c.heads) if (single || charCount(h) > 1) terms.push({ text: h, weight: c.kind === 'phrase' ? 4 : 3, group });
      for (const p of c.parts) if (charCount(p) > 1) terms.push({ text: p, weight: known ? 0.5 : 1, group, wordOnly: true });
      for (const r of c.relatedText) terms.push({ text: foldTerm(r), weight: 1, group });
      for (const r of c.related) if (charCount(r) > 1) terms.push({ text: r, weight: 0.8, group });
      for (const n of c.nearby ?? []) terms.push({ text: n.term, weight: 0.6, group, wordOnly: true });
      const theme = themeOf(c);
      // Property by property, not { ...t, weight }: see rankingOf.
      if (theme) for (const t of themeHighlights([theme])) terms.push({ text: t.text, weight: Math.min(t.weight, 1), group, wordOnly: true });
    });
    return terms;
  }

  function themeHighlights(themes: readonly ThemeId[]): HighlightTerm[] {
    const terms: HighlightTerm[] = [];
    let group = 0;
    for (const t of themes) for (const { text, weight } of themeMarks(t)) terms.push({ text, weight, group: group++ });
    return terms;
  }

  // Word boundaries of each passage shown so far (jieba's precise cut of its folded text), for wordOnly marks: 1 at
  // each offset a word starts or ends. A byte per character rather than a Set of offsets, which held ~6× the memory
  // in a long-running bot that has shown thousands of passages.
  const boundaries: (Uint8Array | undefined)[] = [];
  /**
   * Whether passage i's folded text may hold a term (buildSnippet's mayHold): a term of Han characters, Latin letters
   * and digits alone stands in the folded text only where it stands in its letters and digits (bareText), whose
   * character pairs the Bloom filter holds.
   */
  function heldIn(i: number): (term: string) => boolean {
    return (term) => !isBareWord(term) || mayHold(i, term);
  }

  function wordTest(i: number): (start: number, end: number) => boolean {
    return (start, end) => {
      let b = boundaries[i];
      if (!b) {
        const words = cut((folded[i] as FoldedText).folded);
        let length = 0;
        for (const w of words) length += w.length;
        b = new Uint8Array(length + 1);
        b[0] = 1;
        let at = 0;
        for (const w of words) b[(at += w.length)] = 1;
        boundaries[i] = b;
      }
      return b[start] === 1 && b[end] === 1;
    };
  }

  function toResult(hit: Hit, highlights: readonly HighlightTerm[]): SearchResult {
    const p = passages[hit.index] as Passage;
    let spans = sentences[hit.index];
    if (!spans) {
      spans = splitSentences(p.text);
      sentences[hit.index] = spans;
    }
    let plain = plainText[hit.index] as number;
    if (plain === 0) {
      plain = isPlainText(p.text) ? 1 : 2;
      plainText[hit.index] = plain;
    }
    const i = hit.index;
    let spaced = spacedText[i] as number;
    if (spaced === 0) {
      spaced = /\s/u.test(p.text) ? 2 : 1;
      spacedText[i] = spaced;
    }
    const { snippet, segments } = buildSnippet(p.text, highlights, o.snippet, folded[i], spans, wordTest(i), plain === 1, heldIn(i), spaced === 1);
    return {
      id: p.id,
      docId: p.docId,
      title: p.title,
      section: p.section,
      text: p.text,
      snippet,
      segments,
      score: Math.round(hit.score * 1000) / 1000,
      themes: p.themes,
      passage: p,
    };
  }

  /** The words a partial answer's results do match, as the query has them, in query order. */
  function matchedWords(ranked: QueryRanking, hits: readonly Hit[]): string[] {
    const out: string[] = [];
    const push = (w: string): void => {
      if (w.length > 0 && !out.includes(w)) out.push(w);
    };
    const keys = keysOf(ranked.bits);
    for (const c of keys) {
      const k = ranked.bits.indexOf(c);
      const concept = ranked.concepts[k] as Concept;
      for (const h of hits) {
        const low = hitBodyLow[h.index] as number;
        const high = hitBodyHigh[h.index] as number;
        if (matchesWhole(c, h.index, low, high)) {
          push(concept.text);
          break;
        }
        for (const p of c.parts) if (p.chars > 1 && ((p.low & low) !== 0 || (p.high & high) !== 0)) push(p.text);
        for (const n of c.nearby) if ((n.low & low) !== 0 || (n.high & high) !== 0) push(n.text);
      }
    }
    return out;
  }

  function page(
    query: string,
    ranked: Ranked | QueryRanking,
    highlights: readonly HighlightTerm[],
    options: SearchOptions,
    suggestions: () => Suggestion[],
    corrected: string | null = null,
  ): SearchResponse {
    const limit = clampInt(options.limit, o.defaultLimit, 1, o.maxLimit);
    const pageCount = Math.ceil(ranked.total / limit);
    const pageNo = clampInt(options.page, 1, 1, Math.max(1, pageCount));
    const slice = ranked.top(pageNo * limit).slice((pageNo - 1) * limit);
    const partial = 'partial' in ranked && ranked.partial;
    return {
      query,
      total: ranked.total,
      page: pageNo,
      pageCount,
      results: slice.map((h) => toResult(h, highlights)),
      suggestions: ranked.total === 0 ? suggestions() : [],
      partial,
      // The first page's words: what the answer as a whole matches, the same on every page.
      matched: partial ? matchedWords(ranked, ranked.top(limit)) : [],
      corrected,
    };
  }

  // ---- suggestions ---------------------------------------------------------------------------------------------

  // With each term's distinct characters, which the suggestions count against the query's.
  let known: { term: string; df: number; chars: readonly string[] }[] | undefined;
  function knownTerms(): { term: string; df: number; chars: readonly string[] }[] {
    if (known) return known;
    const candidates = new Set<string>([
      ...DOMAIN_WORDS,
      ...RELATED_TERMS.flatMap((g) => g.text),
      ...THEMES.map((t) => t.name),
    ]);
    known = [];
    for (const term of candidates) {
      const key = bare(foldText(term));
      if (key.length < 2) continue;
      // Index terms have their passage count in the index; scan the text only for the others.
      let df = searchIndex.textFrequency(key);
      if (df === 0) for (const text of bareText) if (text.includes(key)) df++;
      if (df > 0) known.push({ term, df, chars: [...new Set(Array.from(term))] });
    }
    return known;
  }

  function suggest(parsed: ParsedQuery, analyzed: AnalyzedQuery | undefined): Suggestion[] {
    const out: Suggestion[] = [];
    const push = (s: Suggestion): void => {
      if (out.length < o.maxSuggestions && !out.some((x) => x.text === s.text)) out.push(s);
    };
    // Words that match outside the filters: offer the words alone, and the filters alone.
    if (analyzed && (parsed.themes.length > 0 || parsed.docs.length > 0 || parsed.phrases.length > 0)) {
      const loose = rank({ ...parsed, themes: [], docs: [], phrases: [] }, analyzed);
      const words = [parsed.text, ...parsed.phrases].filter((s) => s.length > 0).join(' ');
      if (loose.total > 0 && words.length > 0) push({ kind: 'term', text: words });
      for (const t of parsed.themes) push({ kind: 'theme', text: themeText(t) });
    }
    // Known domain terms sharing characters with the query, most shared first, then the most common.
    // Only the words count here, not filter values (主题:生态 must not suggest 生态 as a term).
    const words = [parsed.text, ...parsed.phrases].join(' ');
    const chars = new Set(Array.from(words).filter((ch) => /\p{Script=Han}/u.test(ch)));
    // One shared character is too weak a hint for a longer query (飞机 and 机制 share only 机).
    const minShared = Math.min(2, chars.size);
    const scored: { term: string; df: number; shared: number }[] = [];
    for (const v of knownTerms()) {
      let shared = 0;
      for (const ch of v.chars) if (chars.has(ch)) shared++;
      if (shared >= minShared && shared > 0) scored.push({ term: v.term, df: v.df, shared });
    }
    scored.sort((a, b) => b.shared - a.shared || b.df - a.df || a.term.localeCompare(b.term));
    for (const v of scored.slice(0, 3)) push({ kind: 'term', text: v.term });
    // Themes, those whose lexicon shares most characters with the query first.
    const scores = new Map<ThemeId, number>();
    for (const t of THEMES) {
      let n = 0;
      for (const term of themeTermChars(t.id)) if (term.some((ch) => chars.has(ch))) n++;
      scores.set(t.id, n);
    }
    const themes = THEMES.map((t) => t.id).sort((a, b) => (scores.get(b) as number) - (scores.get(a) as number));
    for (const t of themes) push({ kind: 'theme', text: themeText(t) });
    return out;
  }

  // ---- the engine ----------------------------------------------------------------------------------------------

  /**
   * Whether a stretch of the query is understood (see keepUnderstood): the query's words inside it (or the one word it
   * lies in) all have related terms the texts hold — 领头羊, or 选村干部, which the village lexicon reads whole while
   * jieba cuts it 选 | 村干部, and which the corrector took for a typo of 农村干部.
   */
  const understoodWord = (analyzed: AnalyzedQuery, stretch: string): boolean => {
    const inside = analyzed.concepts.filter((c) => c.kind === 'word' && (stretch.includes(c.text) || c.text.includes(stretch)));
    return inside.length > 0 && inside.every((c) => c.related.some(inText));
  };

  /**
   * The query with its typos corrected (see typo.ts), or undefined when nothing needed correcting. Only the words
   * kept after chat cleanup are looked at, and only stretches the texts lack are replaced.
   */
  /**
   * The one-character stop word typed right before a run of the query (typoStopLead), when no text holds it with the
   * run's first character; undefined otherwise.
   */
  const leadOf = (text: string, run: readonly string[]): string | undefined => {
    const at = text.indexOf(run.join(''));
    const ch = at > 0 ? text[at - 1] : undefined;
    if (ch === undefined || !/\p{Script=Han}/u.test(ch) || !isStopWord(ch)) return undefined;
    const first = Array.from(run[0] as string)[0] as string;
    return pairKnown(ch + first) ? undefined : ch;
  };

  /** The Han character (as a string: one or two code units) ending at offset `end` of `text`, if it is one. */
  const hanBefore = (text: string, end: number): string | undefined => {
    const c = text.charCodeAt(end - 1);
    if (c >= 0x4e00 && c <= 0x9fff) return text[end - 1];
    const low = c >= 0xdc00 && c <= 0xdfff && end >= 2 ? text.slice(end - 2, end) : text[end - 1];
    return low !== undefined && HAN_IN.test(low) ? low : undefined;
  };
  /** The Han character starting at offset `start` of `text`, if it is one. */
  const hanAt = (text: string, start: number): string | undefined => {
    const c = text.charCodeAt(start);
    if (c >= 0x4e00 && c <= 0x9fff) return text[start];
    const cp = text.codePointAt(start);
    const ch = cp === undefined ? undefined : String.fromCodePoint(cp);
    return ch !== undefined && HAN_IN.test(ch) ? ch : undefined;
  };
  /**
   * The Han characters typed right before and after a run of the query with no space (typoGluedEdges), at most two a
   * side and reaching the start or end of the typed stretch, when some pair among them and the run's edge character is
   * in no text; undefined otherwise.
   */
  const gluedEdges = (text: string, run: readonly string[]): { lead: string[]; trail: string[] } | undefined => {
    const joined = run.join('');
    const at = text.indexOf(joined);
    if (at < 0) return undefined;
    // Only characters that close the typed stretch: from the run to the text's start or end, a space or punctuation
    // (拉萨是哪年创建 keeps 是: it leads on to the rest of the question, and 拉萨市 is no reading of it). Most runs stand
    // in longer stretches, so at most three characters a side are looked at.
    let lead: string[] = [];
    for (let k = at; k > 0 && lead.length <= 2; ) {
      const ch = hanBefore(text, k);
      if (!ch) break;
      lead.unshift(ch);
      k -= ch.length;
    }
    let trail: string[] = [];
    for (let k = at + joined.length; k < text.length && trail.length <= 2; ) {
      const ch = hanAt(text, k);
      if (!ch) break;
      trail.push(ch);
      k += ch.length;
    }
    if (lead.length > 2) lead = [];
    if (trail.length > 2) trail = [];
    if (lead.length === 0 && trail.length === 0) return undefined;
    const unknown = (side: readonly string[]): boolean => side.slice(1).some((c, k) => !pairKnown((side[k] as string) + c));
    const chars = Array.from(joined);
    if (!unknown([...lead, chars[0] as string]) && !unknown([chars[chars.length - 1] as string, ...trail])) return undefined;
    // Lone characters only: two that make a word of jieba's dictionary (多少, 材料, 请问) were typed as that word.
    if (lead.length === 2 && isDictionaryWord(lead.join(''))) lead = [];
    if (trail.length === 2 && isDictionaryWord(trail.join(''))) trail = [];
    // A correction spans the character beside the run, so a word of the texts must hold one that sounds like it there:
    // beside the run's edge character itself when the corrector may not change that one (both its pairs are in the
    // texts), beside any character otherwise.
    // When the corrector may change that character of the run too (one of its pairs is in no text), a word holding the
    // one beside it as typed will do, and one holding a character that sounds like it only where two characters of a
    // window of six or more may change (typo.ts fitsWindow).
    const first = chars[0] as string;
    const last = chars[chars.length - 1] as string;
    const e = lead[lead.length - 1];
    const t = trail[0];
    const long = lead.length + chars.length + trail.length >= 6;
    const meets = (runChar: string, beside: string, side: 'after' | 'before', fixed: boolean): boolean =>
      (side === 'after' ? corrector.mayPair(runChar, beside, side) : corrector.mayPair(beside, runChar, side)) ||
      (!fixed && corrector.mayJoin(beside, side, !long));
    const leadBad =
      e !== undefined &&
      unknown([...lead, first]) &&
      meets(first, e, 'before', pairKnown(e + first) && (chars.length < 2 || pairKnown(first + (chars[1] as string))));
    const trailBad =
      t !== undefined &&
      unknown([last, ...trail]) &&
      meets(last, t, 'after', pairKnown(last + t) && (chars.length < 2 || pairKnown((chars[chars.length - 2] as string) + last)));
    if (!leadBad && !trailBad) return undefined;
    return { lead: leadBad ? lead : [], trail: trailBad ? trail : [] };
  };

  function correct(parsed: ParsedQuery, analyzed: AnalyzedQuery): { parsed: ParsedQuery; query: string } | undefined {
    let text = parsed.text;
    let normalized = parsed.normalized;
    let changed = false;
    // A string is replaced where it first stands; a pattern where it first matches (a whole English word).
    const replace = (from: string | RegExp, to: string): void => {
      if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) return;
      text = text.replace(from, to);
      normalized = normalized.replace(from, to);
      changed = true;
    };
    // Each run is corrected knowing the words around it across spaces (第一书记 选排 → 选派).
    let before: string | undefined;
    analyzed.runs.forEach((run, k) => {
      const after = analyzed.runs[k + 1]?.[0];
      const context = { before, after, isWord: isDictionaryWord, together, splitUnknown: o.typoSplitUnknown, pairTogether: o.typoPairTogether };
      let fixes = corrector.correctRun(run, pairKnown, occurs, context).filter((fix) => !o.keepUnderstood || !understoodWord(analyzed, fix.from));
      // Round 13 (typoStopLead): a one-character stop word typed right before the run, glued to it by a pair no text
      // holds (后 of 后|狼|党支部, which the stop list leaves out of the run), may be the first character of the word
      // meant (后浪党支部): the run is read again with it, as typed, and a word of four characters or more starting
      // with it replaces the stretch.
      const lead = o.typoStopLead ? leadOf(parsed.text, run) : undefined;
      if (lead) {
        const led = corrector
          .correctRun([lead, ...run], pairKnown, occurs, { ...context, keepFirst: true })
          .filter((fix) => fix.start === 0 && fix.to.startsWith(lead) && Array.from(fix.to).length >= 4);
        if (led.length > 0) fixes = [...led, ...fixes.filter((fix) => !(led[0] as { from: string }).from.includes(fix.from))];
      }
      // Round 24 (typoGluedEdges): the characters glued to the run's ends that no run holds, read with it.
      const edges = o.typoGluedEdges && !lead ? gluedEdges(parsed.text, run) : undefined;
      if (edges) {
        const runChars = Array.from(run.join('')).length;
        const leadChars = edges.lead.length;
        const glued = corrector
          .correctRun([...edges.lead, ...run, ...edges.trail], pairKnown, occurs, context)
          .filter((fix) => {
            const from = fix.start;
            const to = fix.start + Array.from(fix.from).length;
            const edge = from < leadChars || to > leadChars + runChars;
            const inner = from < leadChars + runChars && to > leadChars;
            if (!edge || !inner || Array.from(fix.to).length < 3) return false;
            // An edge character changed only to one that sounds like it (侧 → 厕; not 把 → 村 of 把党组织).
            const typed = Array.from(fix.from);
            return Array.from(fix.to).every((c, k) => {
              const at = from + k;
              return (at >= leadChars && at < leadChars + runChars) || soundsAlike(typed[k] as string, c);
            });
          });
        if (glued.length > 0) fixes = [...glued, ...fixes.filter((fix) => !glued.some((g) => g.from.includes(fix.from)))];
      }
      for (const fix of fixes) replace(fix.from, fix.to);
      const last = fixes[fixes.length - 1];
      before = last && last.start + last.from.length === run.join('').length ? last.to : run[run.length - 1];
    });
    // Pinyin typed without picking characters (jiti jingji → 集体经济), or a word's initials (jtjj).
    for (const group of latinGroups(text, isKnownLatin)) {
      // A place name in pinyin before the English for its kind (Gaohong town, Bainiu village): the Chinese name ends
      // on that kind's character (高虹镇, 白牛村), as Chinese places are romanised.
      if (o.pinyinPlaces) {
        const at = text.indexOf(group.text);
        const kind = /^([\s-]+)([a-z]+)/.exec(text.slice(at + group.text.length));
        const syllable = kind ? ENGLISH_PLACE_KINDS.get(kind[2] as string)?.syllable : undefined;
        const place = syllable && kind ? corrector.fromPinyin([...group.tokens, syllable]) : undefined;
        if (place && kind) {
          replace(`${group.text}${kind[0]}`, occurs(place.join('')) ? place.join('') : place.join(' '));
          continue;
        }
        // Not a word with it: the name alone, with the kind's character where the texts write them together (昌化镇),
        // else without (林周 of 林周、墨竹工卡): the kind is part of the name, no topic of its own (EnglishRules.placeKinds).
        const character = kind && o.englishRules.placeKinds !== false ? ENGLISH_PLACE_KINDS.get(kind[2] as string)?.character : undefined;
        const name = character ? corrector.fromPinyin(group.tokens) : undefined;
        if (name && kind && character && occurs(name.join(''))) {
          replace(`${group.text}${kind[0]}`, occurs(name.join('') + character) ? name.join('') + character : name.join(''));
          continue;
        }
      }
      const whole = corrector.fromPinyin(group.tokens);
      if (whole) {
        replace(group.text, occurs(whole.join('')) ? whole.join('') : whole.join(' '));
        continue;
      }
      // An abbreviation the texts lack, typed in pinyin (dibao → 低保): read as typed in Chinese (pinyinAbbreviations).
      const abbreviation = o.pinyinAbbreviations ? abbreviationFromPinyin(group.tokens.join('')) : undefined;
      if (abbreviation) {
        replace(group.text, abbreviation);
        continue;
      }
      if (group.tokens.length < 2) continue;
      for (const token of group.tokens) {
        const words = corrector.fromPinyin([token]);
        if (words) replace(token, occurs(words.join('')) ? words.join('') : words.join(' '));
        else {
          // A word no look-up knows (minimum of dibao minimum) leaves the abbreviation in a group of two.
          const one = o.pinyinAbbreviations ? abbreviationFromPinyin(token) : undefined;
          if (one) replace(new RegExp(`(?<![a-z])${token}(?![a-z])`), one);
        }
      }
    }
    // Misspelt English (enviromental, relocaton): the known word one or two edits away (glosses.ts).
    for (const word of analyzed.untranslated) {
      const fix = glossary.spell(word);
      if (!fix) continue;
      // Gone when read as pinyin above (jiti jingji → 集体经济): nothing left to spell.
      replace(new RegExp(`(?<![a-z])${word}(?![a-z])`), fix);
    }
    return changed ? { parsed: { ...parsed, text }, query: normalized } : undefined;
  }

  /** What a query says before any passage is looked at (see understand). */
  interface Understood {
    parsed: ParsedQuery;
    /** The query searched: the parsed one, or its typos corrected. */
    searched: ParsedQuery;
    /** Its analysis; undefined when it has no words (filters alone). */
    analyzed: AnalyzedQuery | undefined;
    /** The corrected query, or null. */
    corrected: string | null;
  }
  // Per query as typed (and whether corrections are wanted), what understand() made of it: it depends on the query
  // and this engine's library alone, and nothing downstream changes it. The oldest entry goes first when full.
  const understood = createRecentMemo<Understood>(o.analysisCache);

  /** The query parsed, analysed, and its typos corrected (unless `corrections` is false); kept per query. */
  function understand(query: string, corrections: boolean): Understood {
    const kept = understood.get(query, corrections);
    if (kept) return kept;
    const parsed = parse(query);
    let result: Understood = { parsed, searched: parsed, analyzed: undefined, corrected: null };
    if (bare(parsed.text).length > 0 || parsed.phrases.length > 0) {
      const analyzed = analyze(parsed);
      const fixed = corrections ? correct(parsed, analyzed) : undefined;
      result = fixed
        ? { parsed, searched: fixed.parsed, analyzed: analyze(fixed.parsed), corrected: fixed.query }
        : { parsed, searched: parsed, analyzed, corrected: null };
    }
    understood.set(query, corrections, result);
    return result;
  }

  // The characters of the passages' text (letters and digits), on first use: foldVariants asks of a query's characters.
  let heldCharacters: Set<string> | undefined;
  const heldCharacter = (ch: string): boolean => {
    if (!heldCharacters) {
      heldCharacters = new Set<string>();
      for (const t of bareText) for (const c of t) heldCharacters.add(c);
    }
    return heldCharacters.has(ch);
  };

  function parse(query: string): ParsedQuery {
    const parsed = parseQuery(query, {
      requests: o.requestFrames,
      someoneKnows: o.someoneKnows,
      maxLength: o.maxQueryLength,
      docIds,
      articleIds,
      leadsWithWord,
      inTexts(t) {
        return occurs(foldText(t));
      },
    });
    // Numbers spelled as the texts spell them (5个振兴 → 五个振兴, 三十九个 → 39个): a folding, like 鄉 → 乡.
    const aligned = alignNumbers(parsed.text, occurs);
    // Regional variants the texts lack, as the texts write them (著力 → 着力, 衞生 → 卫生): a folding too.
    const text = o.variantFold ? foldVariants(aligned, heldCharacter) : aligned;
    const phrases = o.variantFold ? parsed.phrases.map((p) => foldVariants(p, heldCharacter)) : parsed.phrases;
    return text === parsed.text && phrases.every((p, k) => p === parsed.phrases[k]) ? parsed : { ...parsed, text, phrases };
  }

  /**
   * The typo and neighbour tables' saved data, once built (on a query's first use, by warmSteps, or from saved data):
   * saved with the index, an engine loaded from it makes them without reading every word's pinyin and dictionary
   * entry again. Not built for the saving: a first start's index is written at once (warmSteps is run in slices
   * by the running bot after it starts, and before a reloaded engine is served, whose index is saved after that).
   */
  const tablesSaved = (): Pick<SavedEngineIndex, 'typo' | 'neighbours'> => {
    const typo = corrector.save();
    const near = neighbours?.save();
    return { ...(typo ? { typo } : {}), ...(near ? { neighbours: near } : {}) };
  };

  return {
    size: passages.length,
    buildMs,
    jiebaLoadMs: jiebaMs,
    glossaryMs,
    save: () => ({
      index: searchIndex.save(),
      cluster: Array.from(cluster),
      ...(o.glosses ? { glossary: glossary.save() } : {}),
      ...tablesSaved(),
    }),
    *warmSteps() {
      yield* corrector.buildSteps();
      if (neighbours) yield* neighbours.buildSteps();
    },
    *firstUseSteps() {
      yield* this.warmSteps();
      // Read (one step: unzip and split), then prepared (its sortedness checked) as dictionaryFields does on first use.
      loadGlossLines();
      yield;
      dictionaryFields('');
      // glossComposed's table of characters by their senses (one pass over the dictionary's single characters).
      if (o.glossComposed && neighbours) {
        yield;
        charactersMeaning('');
      }
    },
    *saveJson() {
      yield '{"index":';
      yield* searchIndex.saveJson();
      yield `,"cluster":${JSON.stringify(Array.from(cluster))}`;
      if (o.glosses) {
        yield ',"glossary":';
        yield* glossary.saveJson();
      }
      const tables = tablesSaved();
      if (tables.typo) yield `,"typo":${JSON.stringify(tables.typo)}`;
      if (tables.neighbours) yield `,"neighbours":${JSON.stringify(tables.neighbours)}`;
      yield '}';
    },

    search(query: string, options: SearchOptions = {}): SearchResponse {
      const understood = understand(query, options.correct !== false);
      const { parsed } = understood;
      if (!understood.analyzed) {
        const hits = filterOnly(parsed);
        return page(query, hits, themeHighlights(parsed.themes), options, () => suggest(parsed, undefined));
      }
      let { searched, analyzed } = understood;
      const { corrected } = understood;
      // The page asks for its results and those of the pages before it: nothing past them needs a final score.
      const asked = clampInt(options.page, 1, 1, Number.MAX_SAFE_INTEGER) * clampInt(options.limit, o.defaultLimit, 1, o.maxLimit);
      // A question's first results may be reordered by the bigram signal (withBigrams): they need their exact scores.
      // And so may those of a question about a quantity (withQuantities).
      const reordered =
        (o.bigrams !== false &&
          (o.bigrams.keywordWeight > 0 ||
            isQuestion(searched.text) ||
            (o.bigrams.materialWeight > 0 && analyzed.material === true))) ||
        (o.quantityBonus > 0 && asksQuantity(searched.text)) ||
        // 分别 asks which ones without an asking word: withList reorders rerankDepth results, which must be exact.
        (o.listBonus > 0 && asksList(searched.text));
      // The typed stretches reorder only the page's first results (typedStretchDepth): no deeper exact scores.
      const typed = o.typedStretchBonus > 0 ? telling(searched.text, analyzed) : [];
      // So do the junctions (withJunctions), as deep.
      // And so do the scope words (withScopeWords), as deep.
      const joined = typed.length > 0 || (o.junctionBonus > 0 && junctionsOf(analyzed).length > 0) || o.itemBonus > 0 || o.scopeWords;
      const need = reordered ? Math.max(asked, rerankDepth) : joined ? Math.max(asked, o.typedStretchDepth) : asked;
      let hits = rank(searched, analyzed, need);
      // A quoted phrase no text holds as written, in a question about it (“一户一档”是什么, of the texts' 一村一档、一户一卡:
      // a saying misremembered): its words are searched like the rest of the query, and the answer, lacking the
      // phrase, is partial. A query that is nothing but quotes asks for those words exactly as typed ("集体经计", the
      // "search as typed" action): it still finds nothing.
      if (hits.total === 0 && searched.phrases.length > 0 && bare(searched.text).length > 0) {
        const loose: ParsedQuery = { ...searched, text: `${searched.phrases.join(' ')} ${searched.text}`, phrases: [] };
        const looseAnalyzed = analyze(loose);
        const looseHits = rank(loose, looseAnalyzed, need);
        if (looseHits.total > 0) {
          searched = loose;
          analyzed = looseAnalyzed;
          hits = rankingOf(looseHits.total, looseHits.top, true, looseHits.bits, looseHits.concepts);
        }
      }
      // Nothing by words, but the query stands in a text as written across punctuation (志智双扶 of “志”“智”双扶,
      // which jieba and the bigrams both cut apart): search it as a phrase.
      const whole = analyzed.wholeBare;
      if (hits.total === 0 && searched.phrases.length === 0 && whole.length >= 2 && scanned(whole)) {
        searched = { ...searched, text: '', phrases: [whole] };
        analyzed = analyze(searched);
        hits = rank(searched, analyzed, need);
      }
      // Still nothing: the words may name a section of a text rather than stand in its passages (五力 of
      // 以“五力”为抓手推进…, whose passages spell out 发展推动力, 群众动员力 …): the passages under that heading answer.
      if (hits.total === 0) hits = rank(searched, analyzed, need, true);
      // Still nothing: the longest stretch of the query between its question words that a text holds as written, of
      // three characters or more (等靠要 of 什么是等靠要, which jieba cuts into three function words), searched as a
      // phrase; the answer is partial unless the rest of the query is only question and function words.
      if (hits.total === 0 && searched.phrases.length === 0) {
        const typed = bare(searched.text);
        const stretch = heldStretch(typed);
        if (stretch) {
          const asPhrase: ParsedQuery = { ...searched, text: '', phrases: [stretch] };
          const phraseAnalyzed = analyze(asPhrase);
          const phraseHits = rank(asPhrase, phraseAnalyzed, need);
          if (phraseHits.total > 0) {
            searched = asPhrase;
            analyzed = phraseAnalyzed;
            const partial = wordTerms(typed.replace(stretch, ' ')).some((w) => !QUERY_FILLERS.has(w));
            hits = rankingOf(phraseHits.total, phraseHits.top, partial, phraseHits.bits, phraseHits.concepts);
          }
        }
      }
      // A question: the character-bigram signal (bigram-signal.ts) reorders its first results and answers an empty
      // one (partial).
      hits = withBigrams(searched, analyzed, hits, need);
      hits = withQuantities(searched, analyzed, hits, need);
      hits = withHeading(searched, analyzed, hits, need);
      hits = withList(searched, analyzed, hits, need);
      // The stretches of the query searched (a phrase or loose retry above changed it: then they are looked for anew).
      const stretchesNow = o.typedStretchBonus > 0 && searched !== understood.searched ? telling(searched.text, analyzed) : typed;
      hits = withTypedStretches(searched, stretchesNow, hits, need);
      hits = withJunctions(searched, analyzed, hits, need);
      hits = withItems(searched, analyzed, hits, need);
      hits = withScopeWords(searched, analyzed, hits, need);
      return page(query, hits, highlightsFor(analyzed.concepts), options, () => suggest(searched, analyzed), corrected);
    },

    byTheme(theme: ThemeId, options: SearchOptions = {}): SearchResponse {
      const id = resolveTheme(String(theme));
      if (!id) throw unknownTheme(String(theme));
      const info = THEMES.find((t) => t.id === id);
      const parsed: ParsedQuery = { raw: theme, normalized: id, text: '', phrases: [], themes: [id], docs: [] };
      const hits = filterOnly(parsed);
      return page(info?.name ?? id, hits, themeHighlights([id]), options, () => []);
    },

    get(passageId: string): Passage | undefined {
      return corpus.byId.get(passageId);
    },

    explain(query: string) {
      const parsed = parse(query);
      return { parsed, analyzed: analyze(parsed) };
    },
  };
}

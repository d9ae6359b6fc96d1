/**
 * The character-bigram signal for questions (issue 9, round 5). A plain ranking of Han character pairs knows nothing
 * of words, yet on questions it is right exactly where word rules misfire: a stretch of the question said as written
 * (困难家庭大学生 of 困难家庭大学生有多少人次得到资助 beats 家庭经济困难学生), a word jieba cuts otherwise in the question than in
 * the text. The engine's index already holds every passage's text as bigrams (the `grams` field, minisearch-index.ts),
 * so the signal costs one more index search and no memory.
 *
 * Used two ways, for question-form queries only (a keyword's own ranking is left alone):
 * - rerank: the engine's first `depth` results are ordered by their score as a share of the best plus `weight` × their
 *   bigram score as a share of the best bigram score over the library;
 * - fallback: an answer with nothing at all gets the bigram ranking, marked partial, of the passages holding at least
 *   `fallbackShare` of the question's content pairs (pairs of its question words left out), and two of them.
 */
import { GRAM_PREFIX } from './analyze.js';

/** Options of the bigram signal (SearchEngineOptions.bigrams). */
export interface BigramSignalOptions {
  /** Weight of a result's bigram score (share of the best) beside its engine score (share of the best). Default 0.2. */
  weight?: number;
  /**
   * Weight of the signal for queries that ask no question (keywords, material, typos), as a tie-breaker: 0 leaves
   * their ranking alone. Default 0.
   */
  keywordWeight?: number;
  /** How many of the engine's first results the signal may reorder. Default 10. */
  depth?: number;
  /**
   * Share of a question's content pairs a passage must hold to be offered when the engine finds nothing (a partial
   * answer). Above 1: no fallback. Default 0.5.
   */
  fallbackShare?: number;
}

export const BIGRAM_DEFAULTS: Readonly<Required<BigramSignalOptions>> = Object.freeze({ weight: 0.2, keywordWeight: 0, depth: 10, fallbackShare: 0.5 });

/** Words that ask (什么, 怎么, 哪, 谁, 吗, 多少 …): a query holding one is a question. */
export const ASKING = /什么|怎么|怎样|如何|为什么|为啥|哪|谁|吗|呢|啥|多少|几|能不能|是不是|有没有|会不会|要不要|可不可以/u;
const ASKING_ALL = new RegExp(ASKING.source, 'gu');

/** Whether a query (its free text) asks a question. */
export const isQuestion = (text: string): boolean => ASKING.test(text);

const HAN_RUN = /\p{Script=Han}+/gu;

function pairsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(HAN_RUN)) {
    const chars = Array.from(m[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.add(`${GRAM_PREFIX}${chars[i]}${chars[i + 1]}`);
  }
  return [...out];
}

/** The query's distinct Han pairs as index terms (every pair, as a plain bigram ranking searches them). */
export const questionPairs = (folded: string): string[] => pairsOf(folded);

/** The query's distinct Han pairs with its asking words cut out (什么, 怎么 … and the pairs across them). */
export const contentPairs = (folded: string): string[] => pairsOf(folded.replace(ASKING_ALL, ' '));

/** A ranked hit: a passage's position and score. */
export interface ScoredHit {
  index: number;
  score: number;
}

/**
 * The engine's first hits reordered by the bigram signal: each scores its engine score plus `weight` × the first
 * hit's score × its bigram score as a share of `best` (the best bigram score over the library), so that the order is
 * that of score share + weight × bigram share, and the scores stay in the engine's units. Ties keep the engine's order.
 */
export function rerank(head: readonly ScoredHit[], gram: (index: number) => number, best: number, weight: number): ScoredHit[] {
  if (head.length === 0 || best <= 0 || weight <= 0) return [...head];
  const top = (head[0] as ScoredHit).score;
  return head
    .map((h, k) => ({ k, hit: { index: h.index, score: h.score + (weight * top * gram(h.index)) / best } }))
    .sort((a, b) => b.hit.score - a.hit.score || a.k - b.k)
    .map((x) => x.hit);
}

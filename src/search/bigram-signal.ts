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
import { ASKING } from './question.js';

/** Options of the bigram signal (SearchEngineOptions.bigrams). */
export interface BigramSignalOptions {
  /** Weight of a result's bigram score (share of the best) beside its engine score (share of the best). Default 0.2. */
  weight?: number;
  /**
   * Weight of the signal for queries that ask no question (keywords, material, typos), as a tie-breaker: 0 leaves
   * their ranking alone. Default 0.1 (0 before round 20 adopted round 18's joint re-fit: docs/search.md, Ranking
   * weights, round 20).
   */
  keywordWeight?: number;
  /**
   * Round 17: weight of the signal for a request for material that asks no question (AnalyzedQuery.material: ppt,
   * 讲稿, 2024 …), over its full answers only: the engine's order reranked as a question's is (engine share + weight ×
   * bigram share over the first `depth` results). The character pairs searched are those of the query with its
   * dropped words (material, request and politeness words) cut out, or of the whole query (`materialPairs`). 0: off.
   * Default 0.01 (a tie-breaker: from 0.03 on it put the engine's right first result second on five tuning queries).
   */
  materialWeight?: number;
  /** Which pairs a request for material searches: 'subject' (dropped words cut out) or 'whole'. Default 'subject'. */
  materialPairs?: 'subject' | 'whole';
  /** Whether a request for material's partial answers are reranked too (its words missed in part). Default false. */
  materialPartial?: boolean;
  /** How many of the engine's first results the signal may reorder. Default 15 (10 before round 20 adopted the joint re-fit). */
  depth?: number;
  /**
   * Share of a question's content pairs a passage must hold to be offered when the engine finds nothing (a partial
   * answer). Above 1: no fallback. Default 0.5.
   */
  fallbackShare?: number;
}

export const BIGRAM_DEFAULTS: Readonly<Required<BigramSignalOptions>> = Object.freeze({
  weight: 0.2,
  keywordWeight: 0.1,
  materialWeight: 0.01,
  materialPairs: 'subject',
  materialPartial: false,
  depth: 15,
  fallbackShare: 0.5,
});

// The asking words are question.ts's (one list for what makes a question, round 9).
export { ASKING, isQuestion } from './question.js';
const ASKING_ALL = new RegExp(ASKING.source, 'gu');

const HAN_RUN = /\p{Script=Han}+/gu;

/** The least length of a typed stretch (typedStretches, heldShare). */
const STRETCH_MIN = 4;

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

/** The query's distinct Han pairs with the given words cut out (a request for material's subject: 党建 of 党建ppt). */
export function subjectPairs(folded: string, dropped: readonly string[]): string[] {
  let text = folded;
  for (const word of dropped) if (word.length > 0) text = text.split(word).join(' ');
  return pairsOf(text);
}

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

/** Rules out, without looking, a piece a text cannot hold (by a filter of its character pairs): false for no. */
export interface PieceFilter {
  may(stretch: number, window: number): boolean;
}

/** A typed stretch made ready for heldShare: its characters and, per position, the piece of `STRETCH_MIN` there. */
export interface TypedStretch {
  chars: readonly string[];
  windows: readonly string[];
}

/**
 * The stretches of a query as typed (its folded text) that a passage may hold as written: the runs of Han letters
 * and digits between its asking words (什么, 哪, 多少 …), spaces and punctuation, `minLength` characters or more
 * (default 4: a two- or three-character run is mostly one word, which the words already score, and a three-character
 * piece such as 村干部 is held by too many passages to tell them apart).
 */
export function typedStretches(folded: string, minLength = STRETCH_MIN): string[] {
  const out: string[] = [];
  for (const m of folded.replace(ASKING_ALL, ' ').matchAll(/[\p{Script=Han}\p{N}]+/gu)) {
    if (Array.from(m[0]).length >= minLength) out.push(m[0]);
  }
  return out;
}

/** Stretches made ready for heldShare (each piece of `minLength` cut once per query, not once per passage). */
export function prepareStretches(stretches: readonly string[], minLength = STRETCH_MIN): TypedStretch[] {
  return stretches.map((stretch) => {
    const chars = Array.from(stretch);
    const windows: string[] = [];
    for (let at = 0; at + minLength <= chars.length; at++) windows.push(chars.slice(at, at + minLength).join(''));
    return { chars, windows };
  });
}

/**
 * How much of the stretches `text` holds as written: per stretch, the characters it holds in pieces of `minLength`
 * characters or more (heldCover), summed, as a share of the stretches' length. Of 三治融合怎么推进 (one stretch, 三治融合), a
 * passage holding 三治融合 scores 1 where one holding 推进 and 深度融合 scores 0. `text` is a passage's bare text (letters
 * and digits: 村“两委”班子成员 holds 两委班子成员). `filter` may rule a piece out without looking.
 */
export function heldShare(text: string, stretches: readonly (string | TypedStretch)[], minLength = STRETCH_MIN, filter?: PieceFilter): number {
  let held = 0;
  let total = 0;
  for (let k = 0; k < stretches.length; k++) {
    const s = stretches[k] as string | TypedStretch;
    const stretch = typeof s === 'string' ? (prepareStretches([s], minLength)[0] as TypedStretch) : s;
    total += stretch.chars.length;
    const reach = reachIn(text, stretch, minLength, k, filter);
    if (reach) held += heldCover(reach, 0, stretch.chars.length, minLength);
  }
  return total > 0 ? held / total : 0;
}

/**
 * Per position of the stretch, the length of the longest piece starting there that `text` holds (0 when under
 * `minLength`); undefined when it holds none. A piece's suffix is held too, so each position starts from the last
 * one's reach less one: about one `includes` per character, not one per substring.
 */
function reachIn(text: string, stretch: TypedStretch, minLength: number, k: number, filter: PieceFilter | undefined): number[] | undefined {
  const { chars, windows } = stretch;
  // Whether each piece of minLength is held: 1 yes, 0 no; most texts hold none, and then nothing more is asked.
  const held = new Uint8Array(windows.length);
  let any = false;
  for (let w = 0; w < windows.length; w++) {
    if ((filter === undefined || filter.may(k, w)) && text.includes(windows[w] as string)) {
      held[w] = 1;
      any = true;
    }
  }
  if (!any) return undefined;
  const reach: number[] = [];
  let last = 0;
  for (let at = 0; at < chars.length; at++) {
    let len = last - 1;
    if (len < minLength) len = held[at] === 1 ? minLength : 0;
    if (len >= minLength) while (at + len < chars.length && text.includes(chars.slice(at, at + len + 1).join(''))) len++;
    last = len >= minLength ? len : 0;
    reach.push(last);
  }
  return reach;
}
/**
 * How many characters of [from, to) `text` holds in pieces of `minLength` or more: the longest piece held (a
 * piece's prefix is held too, so clipping a reach to the range keeps it held), then the same on either side of it
 * (发展共同体 and 治理共同体 of 发展共同体和治理共同体的关系, 10 of 14).
 */
function heldCover(reach: readonly number[], from: number, to: number, minLength: number): number {
  let best = 0;
  let bestAt = from;
  for (let at = from; at < to; at++) {
    const len = Math.min(reach[at] as number, to - at);
    if (len > best) {
      best = len;
      bestAt = at;
    }
  }
  if (best < minLength) return 0;
  return best + heldCover(reach, from, bestAt, minLength) + heldCover(reach, bestAt + best, to, minLength);
}

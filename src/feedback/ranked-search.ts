/**
 * Votes applied to an engine's answer from outside the engine: the first WINDOW results are fetched, re-ordered by
 * applyFeedback and paged here; results past the window keep the engine's order. With no votes for the query the
 * engine pages as usual, untouched.
 */
import type { SearchOptions, SearchResponse, SearchResult } from '../search/types.js';
import { applyFeedback, type FeedbackEffect } from './rerank.js';
import type { Tally } from './votes.js';

/** Results re-ranked by votes (the engine's largest page). */
export const WINDOW = 50;

export type FeedbackResponse = SearchResponse & {
  /** Per result on this page, why votes moved it (undefined: no votes on it). */
  feedback: (FeedbackEffect | undefined)[];
};

/**
 * Runs `fetch` (engine.search or engine.byTheme bound to the query) for one page, re-ranked by `tallies`
 * (passage id → votes for this normalised query).
 */
export function searchWithFeedback(
  fetch: (options: SearchOptions) => SearchResponse,
  tallies: ReadonlyMap<string, Tally>,
  options: { limit: number; page: number },
): FeedbackResponse {
  if (tallies.size === 0) {
    const res = fetch(options);
    return { ...res, feedback: res.results.map(() => undefined) };
  }
  const first = fetch({ limit: WINDOW, page: 1 });
  const ranked = applyFeedback(first.results, tallies);
  const pageCount = Math.ceil(first.total / options.limit);
  const page = Math.min(Math.max(1, options.page), Math.max(1, pageCount));
  const start = (page - 1) * options.limit;
  const end = Math.min(start + options.limit, first.total);
  const out: { result: SearchResult; feedback: FeedbackEffect | undefined }[] = [];
  for (let i = start; i < Math.min(end, ranked.length); i++) {
    const r = ranked[i];
    if (r) out.push({ result: r.item, feedback: r.feedback });
  }
  // Past the window: the engine's own order, fetched a WINDOW-sized page at a time.
  for (let k = Math.floor(Math.max(start, ranked.length) / WINDOW) + 1; out.length < end - start && (k - 1) * WINDOW < end; k++) {
    const more = fetch({ limit: WINDOW, page: k });
    more.results.forEach((result, j) => {
      const rank = (k - 1) * WINDOW + j;
      if (rank >= Math.max(start, ranked.length) && rank < end) out.push({ result, feedback: undefined });
    });
  }
  return {
    ...first,
    page,
    pageCount,
    results: out.map((o) => o.result),
    feedback: out.map((o) => o.feedback),
  };
}

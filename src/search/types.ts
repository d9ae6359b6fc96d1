import type { Passage, ThemeId } from '../corpus/types.js';

/** A run of snippet text; `match` marks words that matched the query. Renderers escape and emphasise. */
export interface Segment {
  text: string;
  match: boolean;
}

export interface SearchResult {
  id: string;
  docId: string;
  title: string;
  section: string | null;
  /** The full passage text. */
  text: string;
  /** Best-matching sentence(s), ~80–160 characters, matches wrapped in ** (see README). */
  snippet: string;
  /** The same snippet as segments, for renderers that emphasise matches their own way. */
  segments: Segment[];
  score: number;
  themes: ThemeId[];
  passage: Passage;
}

export interface SearchOptions {
  /** Results per page. Default 5. */
  limit?: number;
  /** 1-based page. Default 1. */
  page?: number;
  /**
   * Correct typos against the library's vocabulary (集体经计 → 集体经济) when the texts lack a stretch of the query.
   * Default true; false searches the words exactly as typed (the "search for what I typed" link).
   */
  correct?: boolean;
}

export interface Suggestion {
  kind: 'theme' | 'term';
  /** What to type, e.g. "主题 人才" or "集体经济". */
  text: string;
}

export interface SearchResponse {
  /** The query as the user typed it. */
  query: string;
  /** Total matching passages (after dedupe), across all pages. */
  total: number;
  page: number;
  pageCount: number;
  results: SearchResult[];
  /** Offered when nothing matched. */
  suggestions: Suggestion[];
  /**
   * True when no passage matches the whole query and the results match only some of its words (`matched`): the
   * lenient pass over the query's known words. False for a full answer and for no answer. The engine always sets
   * `partial`, `matched` and `corrected`; they are optional only so that stand-in engines need not.
   */
  partial?: boolean;
  /** The words the results of a partial answer match, as the query has them; empty otherwise. */
  matched?: string[];
  /** The query searched after typo correction (集体经计 → 集体经济), or null when nothing was corrected. */
  corrected?: string | null;
}

export interface SearchEngine {
  /** Throws SearchError (code QUERY_EMPTY, QUERY_TOO_LONG, BAD_SYNTAX …) on input it cannot answer. */
  search(query: string, options?: SearchOptions): SearchResponse;
  /** The strongest passages of a theme, as results without a query. */
  byTheme(theme: ThemeId, options?: SearchOptions): SearchResponse;
  get(passageId: string): Passage | undefined;
}

export type SearchErrorCode = 'QUERY_EMPTY' | 'QUERY_TOO_LONG' | 'BAD_SYNTAX' | 'UNKNOWN_THEME' | 'UNKNOWN_DOC';

export class SearchError extends Error {
  readonly code: SearchErrorCode;
  /** Friendly Chinese message for the user. */
  readonly zh: string;
  /** Friendly English message for the user. */
  readonly en: string;
  constructor(code: SearchErrorCode, zh: string, en: string) {
    super(`${zh} (${en})`);
    this.name = 'SearchError';
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

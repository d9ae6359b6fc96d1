/**
 * Search over the corpus. `createSearchEngine(corpus, options)` builds the index (loading jieba once per process);
 * `normalizeQuery` and `parseQuery` are exported for callers that need to echo or validate a query themselves.
 * The core never imports a platform SDK: this module depends on the corpus, nodejieba, MiniSearch and opencc-js only.
 */
export { createSearchEngine, searchEngineSteps, SEARCH_DEFAULTS, type SavedEngineIndex, type SearchEngineOptions, type ZhenxingSearchEngine } from './engine.js';
export { normalizeQuery, foldText, toSimplified, DEFAULT_MAX_QUERY_LENGTH, type NormalizeOptions } from './normalize.js';
export { parseQuery, type ParsedQuery, type ParseOptions } from './query-parser.js';
export { analyzeQuery, type AnalyzedQuery, type Concept } from './analyze.js';
export { buildSnippet, splitSentences, type HighlightTerm, type Snippet, type SnippetOptions } from './snippet.js';
export { clusterNearDuplicates, type DedupeOptions } from './dedupe.js';
export { tokenizePassages, type PassageTokens } from './minisearch-index.js';
export { runNow, runSliced, DEFAULT_SLICE_MS, type SliceOptions, type Steps } from './pace.js';
export { cut, cutForSearch, extractKeywords, loadJieba, isJiebaLoaded, DOMAIN_WORDS } from './jieba.js';
export { RELATED_TERMS, ENGLISH_TERMS, resolveTheme } from './vocabulary.js';
export * from './types.js';

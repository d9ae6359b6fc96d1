/** Learning from users: votes on results, the search log, the ranking effect of votes, and the curator's report. */
export { applyFeedback, DEMOTE_AT, MAX_LIFT, type FeedbackEffect } from './rerank.js';
export { buildReport, type FeedbackReport, type ReportOptions } from './report.js';
export { createFileSearchLog, SEARCH_LOG_FILE, type FileSearchLogOptions, type SearchLog, type SearchLogEntry } from './search-log.js';
export {
  createFileVoteStore,
  voterKey,
  VOTES_FILE,
  type FileVoteStoreOptions,
  type Tally,
  type Vote,
  type VoteStore,
  type VoteValue,
} from './votes.js';
export { searchWithFeedback, WINDOW, type FeedbackResponse } from './ranked-search.js';

import type { Passage, ThemeInfo } from '../corpus/types.js';

/** One day's reading. A pure function of the date and the corpus (see createDigestPlanner). */
export interface Digest {
  /** Calendar date in DIGEST_TZ, YYYY-MM-DD. */
  date: string;
  theme: ThemeInfo;
  /** Lead passage first, then one to four others; 1 to 5 in all. */
  passages: Passage[];
  /** The day's key terms, from nodejieba's extract over the chosen passages, filtered. */
  keywords: string[];
}

export interface DigestPlanner {
  /** Throws DigestError (code BAD_DATE, UNKNOWN_THEME) on bad input. */
  /**
   * `theme` reads that theme instead of the date's; with `daily` (a channel's pinned theme) its readings advance
   * every day instead of every fifth day.
   */
  digestFor(date: string, options?: { theme?: string; daily?: boolean }): Digest;
}

export type DigestErrorCode = 'BAD_DATE' | 'UNKNOWN_THEME' | 'EMPTY_POOL';

/**
 * Bad input to the planner, or a theme with nothing to read. `zh` and `en` are the friendly messages for users
 * (the router picks one by the user's language); `message` is both, `zh (en)`.
 */
export class DigestError extends Error {
  readonly code: DigestErrorCode;
  /** Friendly Chinese message. */
  readonly zh: string;
  /** Friendly English message. */
  readonly en: string;
  constructor(code: DigestErrorCode, message: string | { zh: string; en: string }) {
    super(typeof message === 'string' ? message : `${message.zh} (${message.en})`);
    this.name = 'DigestError';
    this.code = code;
    this.zh = typeof message === 'string' ? message : message.zh;
    this.en = typeof message === 'string' ? message : message.en;
  }
}

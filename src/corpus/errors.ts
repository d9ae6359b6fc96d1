/**
 * Errors raised while loading the corpus. Each names the file, field or value at fault so an operator can fix the
 * catalog or the seeds directory without reading the source.
 */

export type CorpusErrorCode =
  /** seeds/catalog.json is missing or unreadable. */
  | 'CATALOG_MISSING'
  /** seeds/catalog.json is not JSON, or a field fails validation. */
  | 'CATALOG_INVALID'
  /** A seed file named by the catalog is missing or unreadable. */
  | 'SEED_MISSING'
  /** An article's line range falls outside its file, or ranges overlap. */
  | 'LINE_RANGE_INVALID'
  /** A curated fix, heading or sub-heading names text that is not in the seed (the seed or the catalog changed). */
  | 'CURATION_NOT_FOUND'
  /** An included article has no text left after cleaning. */
  | 'ARTICLE_EMPTY';

export class CorpusError extends Error {
  readonly code: CorpusErrorCode;
  constructor(code: CorpusErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CorpusError';
    this.code = code;
  }
}

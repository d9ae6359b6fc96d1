/**
 * Question-form queries (怎么…, …是什么, 为什么…, …有多少): what the asking words around a question's subject mean
 * for the search. The forms dropped before the cut are QUESTION_FORMS (vocabulary.ts); the fillers QUERY_FILLERS.
 */

/** A kept word of the query with its offsets into the analysed text. */
export interface KeptSpan {
  start: number;
  end: number;
}

/**
 * The query from its first kept word to its last: the question words before and after the subject (什么是, 是什么,
 * 怎么, 吗) are trimmed, those between kept words stay, so the result is a stretch of the query as typed. The whole
 * text when no word was kept.
 */
export function questionCore(text: string, kept: readonly KeptSpan[]): string {
  if (kept.length === 0) return text;
  let start = Infinity;
  let end = -Infinity;
  for (const s of kept) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return text.slice(start, end);
}

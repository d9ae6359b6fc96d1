/**
 * The SearchError messages, in one place so tests can assert them word for word. Each names the bad value, clipped
 * so a 20 000-character paste is not echoed back.
 */
import { SearchError } from './types.js';

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\uFFFD]/gu;

/** A user value fit to quote in a message: invisible characters dropped, at most 20 characters. */
export function clipValue(value: string, max = 20): string {
  const chars = Array.from(value.replace(INVISIBLE, ''));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

export function queryEmpty(): SearchError {
  return new SearchError(
    'QUERY_EMPTY',
    '请输入要搜索的内容，例如：人才振兴、集体经济、主题:生态。',
    'Please type something to search for, e.g. 人才振兴, 集体经济 or theme:ecology.',
  );
}

export function queryTooLong(length: number, max: number): SearchError {
  return new SearchError(
    'QUERY_TOO_LONG',
    `搜索内容太长了（${length} 个字），请控制在 ${max} 个字以内。`,
    `The query is too long (${length} characters); please keep it under ${max}.`,
  );
}

export function unmatchedQuote(rest: string): SearchError {
  const v = clipValue(rest);
  return new SearchError(
    'BAD_SYNTAX',
    `引号没有配对：${v}。要搜索一个完整的短语，请用一对引号把它括起来，例如 "集体经济"。`,
    `Unmatched quote in: ${v}. To search for an exact phrase, put it between a pair of quotes, e.g. "集体经济".`,
  );
}

export function missingFilterValue(key: string): SearchError {
  const v = clipValue(key);
  return new SearchError(
    'BAD_SYNTAX',
    `“${v}:” 后面缺少内容，例如 主题:人才 或 doc:002。`,
    `"${v}:" needs a value, e.g. theme:talent or doc:002.`,
  );
}

export function unknownTheme(value: string): SearchError {
  const v = clipValue(value);
  return new SearchError(
    'UNKNOWN_THEME',
    `没有“${v}”这个主题。可选主题：产业、人才、文化、生态、组织。`,
    `There is no theme "${v}". Themes: industry, talent, culture, ecology, organization.`,
  );
}

export function unknownDoc(value: string, all: readonly string[]): SearchError {
  const v = clipValue(value);
  // A library of hundreds of documents is not listed in a chat message: the first few, then …
  const known = all.length > 10 ? [...all.slice(0, 8), '…'] : all;
  return new SearchError(
    'UNKNOWN_DOC',
    `没有编号为“${v}”的文档。可选文档：${known.join('、')}。`,
    `There is no document "${v}". Documents: ${known.join(', ')}.`,
  );
}

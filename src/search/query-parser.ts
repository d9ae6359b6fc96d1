/**
 * Query syntax: plain words; "quoted phrases" that must occur as written; theme:talent / 主题:人才 (also 主题 人才);
 * doc:002 / 文档:2. Full-width quotes “” 「」 and the full-width colon ： are accepted (NFKC turns ： into :).
 */
import type { ThemeId } from '../corpus/types.js';
import { missingFilterValue, queryEmpty, unknownDoc, unknownTheme, unmatchedQuote } from './errors.js';
import { stripChatMarkup, stripFraming } from './chat-markup.js';
import { bare, DEFAULT_MAX_QUERY_LENGTH, normalizeQuery } from './normalize.js';
import { resolveTheme } from './vocabulary.js';

export interface ParsedQuery {
  /** The query as typed. */
  raw: string;
  /** After {@link normalizeQuery}. */
  normalized: string;
  /** Free text outside phrases and filters, normalised, pieces joined by single spaces ('' if none). */
  text: string;
  /** Quoted phrases, normalised, in order. Each must occur in a result. */
  phrases: string[];
  /** Theme filters; a result must carry at least one of them. */
  themes: ThemeId[];
  /** Document filters ("002", or an article id such as "003b"); a result must come from one of them. */
  docs: string[];
}

export interface ParseOptions {
  /** Length cap passed to {@link normalizeQuery}. */
  maxLength?: number;
  /** Known document ids; when given, doc:999 fails with UNKNOWN_DOC here rather than matching nothing. */
  docIds?: readonly string[];
  /** Known article ids, also accepted by doc: (e.g. 003b). */
  articleIds?: readonly string[];
  /** Whether text begins with a word of the library: lets an @name glued to the query be cut off (chat-markup.ts). */
  leadsWithWord?: (text: string) => boolean;
  /** Whether the library's texts hold a string: lets emoticon codes ([捂脸]) be removed (chat-markup.ts). */
  inTexts?: (text: string) => boolean;
  /** Round 12: requests at the message's ends come off with greetings and thanks (chat-markup.ts). Default false. */
  requests?: boolean;
  /** Round 28: with `requests`, 有人知道 / 有人了解 opening the message come off too (chat-markup.ts). Default false. */
  someoneKnows?: boolean;
}

const OPENING_QUOTES = new Set(['"', '“', '「', '『']);
const CLOSING_QUOTES = new Set(['"', '”', '」', '』']);
const THEME_KEYS = new Set(['theme', '主题', 'topic']);
const DOC_KEYS = new Set(['doc', '文档', 'document']);
const FILTER = /^([^:\s]+):(.*)$/u;
const DOC_VALUE = /^(\d{1,3})([a-z]?)$/;
const LIBRARY_DOC_VALUE = /^lib-[0-9a-f]{8,16}$/i;

/** Splits the normalised query into quoted phrases and the whitespace-separated tokens outside them. */
function splitQuotes(normalized: string): { tokens: string[]; phrases: string[] } {
  const tokens: string[] = [];
  const phrases: string[] = [];
  let outside = '';
  const chars = Array.from(normalized);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (!OPENING_QUOTES.has(ch)) {
      outside += ch;
      continue;
    }
    let j = i + 1;
    while (j < chars.length && !CLOSING_QUOTES.has(chars[j] as string)) j++;
    if (j >= chars.length) throw unmatchedQuote(chars.slice(i).join(''));
    const phrase = chars.slice(i + 1, j).join('').trim();
    if (bare(phrase).length > 0) phrases.push(phrase);
    // A phrase separates the words around it: “两委”班子 is the phrase 两委 and the word 班子.
    outside += ' ';
    i = j;
  }
  for (const t of outside.split(' ')) if (t.length > 0) tokens.push(t);
  return { tokens, phrases };
}

function parseDoc(value: string, options: ParseOptions): string {
  // Every id doc: accepts, documents and the articles inside them (003b, 003c), so the list is a complete menu.
  const known = [...new Set([...(options.docIds ?? []), ...(options.articleIds ?? [])])].sort();
  // An added document's id (lib-3fa9c2d1) is taken as written.
  const lib = LIBRARY_DOC_VALUE.exec(value) ? value.toLowerCase() : null;
  const m = DOC_VALUE.exec(value);
  if (!m && !lib) throw unknownDoc(value, known);
  const id = lib ?? `${(m![1] as string).padStart(3, '0')}${m![2] ?? ''}`;
  if (options.docIds) {
    const isKnown = options.docIds.includes(id) || (options.articleIds ?? []).includes(id);
    if (!isKnown) throw unknownDoc(value, known);
  }
  return id;
}

/**
 * Parses a raw query. Throws SearchError: QUERY_TOO_LONG (via normalizeQuery), QUERY_EMPTY (nothing to search for),
 * BAD_SYNTAX (unmatched quote, filter without a value), UNKNOWN_THEME, UNKNOWN_DOC.
 */
export function parseQuery(raw: string, options: ParseOptions = {}): ParsedQuery {
  // Mentions and channel links (<@U…>, @_user_1, @name) are how a chat message addresses people, not search words.
  // (Absurdly long input goes to normalizeQuery untouched, which refuses it before doing any work.)
  const input = typeof raw === 'string' ? raw : '';
  const cleaned =
    input.length > (options.maxLength ?? DEFAULT_MAX_QUERY_LENGTH) * 20
      ? input
      : stripChatMarkup(input, { leadsWithWord: options.leadsWithWord, inTexts: options.inTexts });
  // Greetings and thanks at the ends of the message (您好, 谢谢啦) are no part of the query either.
  const normalized = stripFraming(normalizeQuery(cleaned, { maxLength: options.maxLength }), { requests: options.requests === true, someoneKnows: options.someoneKnows === true });
  if (normalized.length === 0) throw queryEmpty();
  const { tokens, phrases } = splitQuotes(normalized);
  const free: string[] = [];
  const themes: ThemeId[] = [];
  const docs: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const m = FILTER.exec(token);
    const key = m ? (m[1] as string) : token;
    const isThemeKey = THEME_KEYS.has(key);
    const isDocKey = DOC_KEYS.has(key);
    if (!m) {
      // "主题 人才": the bare key followed by a theme name reads as a filter too (it is how suggestions are phrased
      // elsewhere); "主题 教育" stays two words, since 教育 is not a theme.
      const next = tokens[i + 1];
      const theme = isThemeKey && next !== undefined ? resolveTheme(next) : undefined;
      if (theme) {
        if (!themes.includes(theme)) themes.push(theme);
        i++;
      } else {
        free.push(token);
      }
      continue;
    }
    if (!isThemeKey && !isDocKey) {
      free.push(token);
      continue;
    }
    let value = (m[2] as string).trim();
    if (value.length === 0) {
      // "主题: 人才" — the value is the next token.
      const next = tokens[i + 1];
      if (next === undefined) throw missingFilterValue(key);
      value = next;
      i++;
    }
    if (isThemeKey) {
      const theme = resolveTheme(value);
      if (!theme) throw unknownTheme(value);
      if (!themes.includes(theme)) themes.push(theme);
    } else {
      const doc = parseDoc(value, options);
      if (!docs.includes(doc)) docs.push(doc);
    }
  }
  const text = free.join(' ');
  if (bare(text).length === 0 && phrases.length === 0 && themes.length === 0 && docs.length === 0) {
    throw queryEmpty();
  }
  return { raw, normalized, text, phrases, themes, docs };
}

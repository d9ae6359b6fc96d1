/**
 * Parses the text after `/zhenxing` (or a Feishu message, or a console line) into a command. Keywords are matched
 * after NFKC so full-width input (ｈｅｌｐ, ／zhenxing) works, and a leading 、 is accepted because Chinese input
 * methods type it for "/". The search text itself is passed on untouched: the search engine normalises queries.
 */
import { resolveTheme as resolveThemeId, themeInfo, type ThemeInfo } from '../corpus/types.js';
import type { Suggestion } from '../search/types.js';
import type { PageRef } from './view-model.js';

export type Command =
  | { kind: 'help' }
  | { kind: 'search'; query: string }
  | { kind: 'theme'; name: string }
  | { kind: 'themes' }
  | { kind: 'today' }
  /** The document list: a page of it (文档 2), or the documents whose title has some words (文档 一号文件). */
  | { kind: 'docs'; page?: number; filter?: string }
  | { kind: 'subscribe'; options?: SubscribeOptions }
  | { kind: 'unsubscribe' }
  | { kind: 'subscription' };

/**
 * What `订阅 …` / `subscribe …` asks for besides subscribing: a time of its own (`9:30`), a pinned theme
 * (`主题:人才`, `theme:talent`) or the rotation back (`轮换`, `rotation`). `bad` names a word that looked like a time
 * or theme but is not one (`25:00`, `主题:天气`), for a friendly refusal.
 */
export interface SubscribeOptions {
  time?: string;
  theme?: ThemeInfo['id'];
  rotate?: boolean;
  bad?: { kind: 'time' | 'theme'; text: string };
}

// A Map, not an object literal: `__proto__` or `constructor` typed as a command must not hit Object.prototype.
const KEYWORDS = new Map<string, Command['kind']>(Object.entries({
  help: 'help',
  '帮助': 'help',
  '?': 'help',
  '？': 'help',
  today: 'today',
  '今日': 'today',
  '今天': 'today',
  docs: 'docs',
  '文档': 'docs',
  sources: 'docs',
  themes: 'themes',
  subscribe: 'subscribe',
  '订阅': 'subscribe',
  unsubscribe: 'unsubscribe',
  '退订': 'unsubscribe',
  '取消订阅': 'unsubscribe',
  subscription: 'subscription',
  '订阅状态': 'subscription',
}) as [string, Command['kind']][]);

const THEME_WORDS = new Set(['theme', '主题']);

/** Leading command prefixes a user may type or an input method may produce: /zhenxing, 、zhenxing, zhenxing. */
const PREFIX = /^[/、\\]?\s*(?:zhenxing(?![a-z]))?\s*/i;
const LEADING_SLASH = /^[/、\\]\s*/;

/** Unicode whitespace, including the ideographic space U+3000 that Chinese keyboards produce. */
const SPACE = /[\s\u3000]+/u;

export function parseCommand(input: string): Command {
  const text = stripPrefix(input);
  if (text === '') return { kind: 'help' };

  const [first = '', ...rest] = text.split(SPACE);
  const head = first.normalize('NFKC').toLowerCase();
  const tail = rest.join(' ').trim();

  // `theme:talent` / `主题：人才` on their own are a theme listing; with other words they are search syntax.
  const inline = /^(theme|主题)[:：](.+)$/i.exec(first.normalize('NFKC'));
  if (inline && tail === '') return { kind: 'theme', name: inline[2] ?? '' };

  if (THEME_WORDS.has(head)) {
    if (tail === '') return { kind: 'themes' };
    // `主题 产业 集体经济`: a search within the theme, written in the search syntax so paging re-runs the same thing.
    const [name = '', ...words] = tail.split(SPACE);
    if (words.length > 0 && !resolveTheme(tail) && resolveTheme(name)) {
      return { kind: 'search', query: `${first.normalize('NFKC').toLowerCase() === 'theme' ? 'theme' : '主题'}:${name} ${words.join(' ')}` };
    }
    return { kind: 'theme', name: tail };
  }
  const keyword = KEYWORDS.get(head);
  if (keyword && tail === '') return { kind: keyword } as Command;
  if (keyword === 'docs') {
    // 文档 2 is page 2; 文档 一号文件 2 is page 2 of the documents whose title has 一号文件.
    const m = /^(?:(.*?)\s+)?(\d{1,5})$/u.exec(tail.normalize('NFKC'));
    if (!m) return { kind: 'docs', filter: tail };
    return m[1] ? { kind: 'docs', filter: m[1], page: Number(m[2]) } : { kind: 'docs', page: Number(m[2]) };
  }
  if (keyword === 'subscribe') {
    const options = parseSubscribeOptions(tail);
    if (options === 'status') return { kind: 'subscription' };
    if (options) return { kind: 'subscribe', options };
  }
  return { kind: 'search', query: text };
}

/**
 * `主题 产业 集体经济` (or `theme industry 集体经济`) as the search it stands for, `主题:产业 集体经济`; null for any other
 * text. The CLI's `search` uses it so the same words mean the same there as in chat.
 */
export function themedSearch(text: string): string | null {
  const cmd = parseCommand(text);
  return cmd.kind === 'search' && cmd.query !== stripPrefix(text) ? cmd.query : null;
}

/** Strips a leading /zhenxing, 、zhenxing or zhenxing, and a bare leading / or 、 before a keyword. */
export function stripPrefix(input: string): string {
  let text = input.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
  const nfkcHead = text.slice(0, 12).normalize('NFKC');
  const m = PREFIX.exec(nfkcHead);
  if (m && m[0].length > 0) {
    // Map the NFKC prefix length back onto the original text, character by character.
    let consumed = 0;
    let i = 0;
    while (i < text.length && consumed < m[0].length) {
      const ch = text[i] ?? '';
      consumed += ch.normalize('NFKC').length;
      i += 1;
    }
    text = text.slice(i);
  }
  return text.replace(LEADING_SLASH, '').replace(/^[\s\u3000]+/u, '');
}

/** Resolves a theme name as users type it (人才, 人才振兴, talent, ｔａｌｅｎｔ, 主题:人才) to the theme, or undefined. */
export function resolveTheme(name: string): ThemeInfo | undefined {
  const id = resolveThemeId(name.normalize('NFKC').trim().replace(/^(theme|主题)[:：]\s*/i, ''));
  return id ? themeInfo(id) : undefined;
}

/** The first page a suggestion leads to, for the buttons adapters draw: a theme listing or a search for the term. */
export function suggestionRef(s: Suggestion): PageRef {
  if (s.kind === 'theme') {
    const theme = resolveTheme(s.text.replace(/^(主题|theme)[\s:：]*/i, ''));
    if (theme) return { kind: 'theme', theme: theme.id, page: 1 };
  }
  return { kind: 'search', query: s.text, page: 1 };
}

/** Chinese always; English too when the user wrote Latin words (other than our own prefix and syntax keys). */
export function detectLang(input: string): 'zh' | 'en' {
  const words = stripPrefix(input)
    .normalize('NFKC')
    .replace(/\b(theme|doc)[:]/gi, '')
    .match(/[a-z]{2,}/gi);
  return words && words.length > 0 ? 'en' : 'zh';
}

const ROTATE_WORDS = new Set(['轮换', '轮流', 'rotation', 'rotate']);
const STATUS_WORDS = new Set(['状态', 'status']);
const TIME_WORD = /^(\d{1,2})(?::(\d{1,2})|点(?:(半)|(\d{1,2})分?)?)$/;

/**
 * The words after `订阅`: undefined when they are not subscription options (then the text is a search), 'status' for
 * `订阅 状态`.
 */
export function parseSubscribeOptions(tail: string): SubscribeOptions | 'status' | undefined {
  const words = tail.normalize('NFKC').toLowerCase().split(SPACE).filter(Boolean);
  if (words.length === 1 && STATUS_WORDS.has(words[0] ?? '')) return 'status';
  const out: SubscribeOptions = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const time = TIME_WORD.exec(w);
    if (time) {
      const h = Number(time[1]);
      const m = time[3] ? 30 : Number(time[2] ?? time[4] ?? 0);
      if (h > 23 || m > 59) out.bad ??= { kind: 'time', text: w };
      else out.time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      continue;
    }
    if (ROTATE_WORDS.has(w)) {
      out.rotate = true;
      continue;
    }
    let name: string | undefined;
    const inline = /^(?:theme|主题):(.+)$/.exec(w);
    if (inline) name = inline[1];
    else if (THEME_WORDS.has(w) && i + 1 < words.length) name = words[++i];
    if (name !== undefined) {
      const theme = resolveTheme(name);
      if (theme) out.theme = theme.id;
      else out.bad ??= { kind: 'theme', text: name };
      continue;
    }
    return undefined;
  }
  return out;
}

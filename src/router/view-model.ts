/**
 * The view model: what a command produces, independent of any platform. Slack (Block Kit), Feishu (cards)
 * and the console render these; none of them decides content. Text here is raw (unescaped) corpus or user
 * text: every renderer escapes it for its own markup.
 */
import { isThemeId, type ArticleMeta, type Passage, type ThemeInfo } from '../corpus/types.js';
import type { Digest } from '../digest/types.js';
import type { FeedbackEffect } from '../feedback/rerank.js';
import type { Segment, Suggestion } from '../search/types.js';

/** The language the user wrote in. Chinese always; English added where the user wrote English. */
export type Lang = 'zh' | 'en';

/** A user-facing message: Chinese, with the English shown too when the user wrote English. */
export interface Message {
  zh: string;
  en: string;
}

/** What a page button asks for: re-running a search or a theme listing at another page. */
export type PageRef =
  /** `exact`: search the words as typed, without typo correction (the "search what I typed" button). */
  | { kind: 'search'; query: string; page: number; exact?: true }
  | { kind: 'theme'; theme: ThemeInfo['id']; page: number };

export interface ResultItem {
  /** Passage id, carried by share buttons (never the text). */
  id: string;
  docId: string;
  title: string;
  section: string | null;
  /** Snippet as segments; `match` segments are emphasised by renderers. */
  segments: Segment[];
  /** Full passage text (the shared quote uses it). */
  text: string;
  themes: ThemeInfo[];
  /** Why votes moved this result, when there are votes on it for this query. */
  feedback?: FeedbackEffect;
}

export interface ResultsView {
  kind: 'results';
  lang: Lang;
  /** 'search' for a query, 'theme' for a theme listing. */
  mode: 'search' | 'theme';
  /** The query as typed (search) or the theme's name (theme); repeated in the header. */
  query: string;
  theme?: ThemeInfo;
  total: number;
  page: number;
  /** Results per page, for numbering. */
  pageSize: number;
  pageCount: number;
  items: ResultItem[];
  /** When nothing matched: themes or terms that do. */
  suggestions: Suggestion[];
  /**
   * Shown when total is 0, and above the results of a partial answer ("没有同时包含全部词语的段落，以下结果只包含：…")
   * or of a corrected query ("已按“集体经济”搜索（你输入的是“集体经计”）"). The text comes from router/format.ts.
   */
  notice?: Message;
  /** True when no passage has all of the query's words and the results match only `matched` of them. */
  partial?: boolean;
  /** The words a partial answer's results match. */
  matched?: string[];
  /** The query searched after typo correction, when one was applied. */
  corrected?: string;
  /** Searches the query exactly as typed (offered with a correction); `originalLabel` is its button text. */
  original?: PageRef;
  originalLabel?: Message;
  prev?: PageRef;
  next?: PageRef;
  /**
   * The key votes on these results are stored under: the normalised query, or `theme:<id>` for a theme listing.
   * Renderers put 👍/👎 buttons on each result when it is set.
   */
  voteQuery?: string;
}

/**
 * Where a command was typed, so answers use words that fit the place: how to type the next command there, whether
 * "本群" or "本会话", whether "仅自己可见" is true. Adapters say where; the router and the renderers word it.
 */
export interface Place {
  /** 'group': a channel or group chat; 'private': a one-to-one chat with the bot. */
  kind: 'group' | 'private';
  /**
   * What goes before a command typed there: '/zhenxing ' (Slack), '@振兴 ' (a Feishu group, where the bot reads only
   * messages that mention it), '' (a private chat, where any message is a command).
   */
  prefix: string;
  /** True where answers are shown to the asker alone (Slack ephemeral, Feishu 仅对你可见). */
  privateAnswers: boolean;
}

export interface HelpView {
  kind: 'help';
  lang: Lang;
  /** Where help was asked for; without it the help names no place-specific details. */
  place?: Place;
  /** Lines of usage: command and what it does. */
  commands: { usage: string; zh: string; en: string }[];
  examples: string[];
}

export interface DocsView {
  kind: 'docs';
  lang: Lang;
  place?: Place;
  /** The documents on this page (at most DOCS_PAGE_SIZE), in library order: the seeds, then as they were added. */
  docs: (ArticleMeta & { passageCount: number })[];
  /** Documents listed in all (those whose title has `filter`'s words, when there is a filter). */
  total: number;
  /** Documents in the library. */
  libraryTotal: number;
  page: number;
  pageCount: number;
  /** The words the list was narrowed to (文档 一号文件), if any. */
  filter?: string;
  /** How to see more or find a document, shown under the list; absent when everything is shown. */
  note?: Message;
}

export interface ThemesView {
  kind: 'themes';
  lang: Lang;
  place?: Place;
  themes: (ThemeInfo & { passageCount: number })[];
}

export interface DigestView {
  kind: 'digest';
  lang: Lang;
  digest: Digest;
  /** True for `today` previews (private); false for the scheduled post. */
  preview: boolean;
  /** Where it is shown (previews: where `today` was typed; scheduled posts: the subscribed chat, a group by default). */
  place?: Place;
}

export interface SubscriptionView {
  kind: 'subscription';
  lang: Lang;
  subscribed: boolean;
  /** False when the channel already was in the requested state. */
  changed: boolean;
  message: Message;
  /** The channel's own reading settings, when it has any (subscribe with a time or theme, 订阅状态). */
  settings?: { time: string | null; theme: ThemeInfo | null; lastSent: string | null };
}

/** The public quote posted when someone shares a passage. */
export interface ShareView {
  kind: 'share';
  passage: Passage;
  /** Platform user id of the sharer (renderers mention them the platform's way). */
  sharedBy: string;
}

export interface MessageView {
  kind: 'message';
  lang: Lang;
  tone: 'info' | 'error';
  message: Message;
}

export type View =
  | ResultsView
  | HelpView
  | DocsView
  | ThemesView
  | DigestView
  | SubscriptionView
  | ShareView
  | MessageView;

/**
 * One renderer per kind of view. Each adapter supplies the whole set, so a new kind of view does not compile until
 * every platform can render it.
 */
export type ViewRenderers<T> = { [K in View['kind']]: (view: Extract<View, { kind: K }>) => T };

/** Renders a view with the renderer for its kind. */
export function renderWith<T>(renderers: ViewRenderers<T>, view: View): T {
  return (renderers[view.kind] as (v: View) => T)(view);
}

/** Who asked and where: the router needs it for subscriptions and shares. */
export interface CommandContext {
  platform: 'slack' | 'feishu' | 'dingtalk' | 'console';
  channelId?: string;
  userId?: string;
  /** Where the command was typed; views carry it to the renderers for wording. */
  place?: Place;
  /**
   * Asked before a subscription is stored: resolves with what to tell the user when the digest could not be posted
   * here (a Slack DM, a private channel without the bot), or undefined when it can. Adapters that can check supply it.
   */
  subscribable?: () => Promise<Message | undefined>;
}

export interface Router {
  /** Turns the text of a command (`/zhenxing <text>`, a Feishu message, a console line) into a view. */
  handle(text: string, ctx: CommandContext): Promise<View>;
  /** Another page of a search or theme listing (page buttons). */
  page(ref: PageRef, ctx: CommandContext): Promise<View>;
  /** A 👍/👎 click: stores the vote (replacing the user's earlier one) and answers privately with thanks. */
  vote?(ref: VoteRef, ctx: CommandContext): Promise<View>;
  /** The quote for a share button click; a MessageView if the passage id is unknown. */
  share(passageId: string, ctx: CommandContext): Promise<View>;
}

/** Results shown per page in chat. */
export const PAGE_SIZE = 5;

/**
 * Documents listed per page of 文档: a library of a thousand documents is read a page at a time, and ten entries
 * keep every platform's message well inside its limits (Slack's 50 blocks, a Feishu card, a DingTalk markdown).
 */
export const DOCS_PAGE_SIZE = 10;

/** Encodes a PageRef for a button value (≤ 2000 chars: queries are capped well below that). */
export function encodePageRef(ref: PageRef): string {
  return JSON.stringify(ref);
}

/** Decodes a button value; returns null for anything that is not a well-formed PageRef. */
export function decodePageRef(value: string): PageRef | null {
  try {
    const v = JSON.parse(value) as Partial<PageRef> | null;
    if (!v || typeof v !== 'object' || typeof v.page !== 'number' || !Number.isInteger(v.page) || v.page < 1) {
      return null;
    }
    if (v.kind === 'search' && typeof v.query === 'string') {
      return v.exact === true ? { kind: 'search', query: v.query, page: v.page, exact: true } : { kind: 'search', query: v.query, page: v.page };
    }
    if (v.kind === 'theme' && typeof v.theme === 'string' && isThemeId(v.theme)) {
      return { kind: 'theme', theme: v.theme, page: v.page };
    }
    return null;
  } catch {
    return null;
  }
}

/** What a 👍/👎 button carries: the vote key's query and the passage. */
export interface VoteRef {
  /** ResultsView.voteQuery. */
  query: string;
  passageId: string;
  value: 'up' | 'down';
}

/** Encodes a vote button's value (the value itself says up or down, so one listener may serve both). */
export function encodeVoteRef(ref: VoteRef): string {
  return JSON.stringify({ q: ref.query, p: ref.passageId, v: ref.value });
}

/** Decodes a vote button's value; null for anything malformed. */
export function decodeVoteRef(value: string): VoteRef | null {
  try {
    const v = JSON.parse(value) as { q?: unknown; p?: unknown; v?: unknown } | null;
    if (!v || typeof v !== 'object' || typeof v.q !== 'string' || typeof v.p !== 'string') return null;
    if (v.q === '' || v.q.length > 1000 || v.p === '' || v.p.length > 200) return null;
    if (v.v !== 'up' && v.v !== 'down') return null;
    return { query: v.q, passageId: v.p, value: v.v };
  } catch {
    return null;
  }
}

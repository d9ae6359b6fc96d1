/**
 * The command router: one place that turns a command into a view model, for every platform. It owns no
 * platform knowledge; adapters pass text and context in and render what comes out.
 */
import { THEMES, isThemeId, themeInfo, type Corpus, type ThemeId } from '../corpus/types.js';
import { searchWithFeedback, type FeedbackResponse } from '../feedback/ranked-search.js';
import type { SearchLog } from '../feedback/search-log.js';
import { voterKey, type Tally, type VoteStore } from '../feedback/votes.js';
import { normalizeQuery } from '../search/normalize.js';
import { todayIn } from '../digest/dates.js';
import { DigestError, type DigestPlanner } from '../digest/types.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { unknownTheme } from '../search/errors.js';
import { SearchError, type SearchEngine, type SearchResponse } from '../search/types.js';
import type { StateStore } from '../state/types.js';
import { commandIn, correctedNotice, hereName, originalLabel, partialNotice, sendHint } from './format.js';
import { detectLang, parseCommand, resolveTheme, type Command, type SubscribeOptions } from './parse-command.js';
import {
  DOCS_PAGE_SIZE,
  PAGE_SIZE,
  type CommandContext,
  type DocsView,
  type DigestView,
  type HelpView,
  type ThemesView,
  type Lang,
  type Message,
  type PageRef,
  type Place,
  type ResultsView,
  type Router,
  type SubscriptionView,
  type View,
  type VoteRef,
} from './view-model.js';

/** The library a command is answered from: engine, corpus and planner built together. */
export interface LibraryView {
  engine: SearchEngine;
  corpus: Corpus;
  planner: DigestPlanner;
}

export interface RouterDeps {
  engine: SearchEngine;
  corpus: Corpus;
  planner: DigestPlanner;
  /**
   * The running bot's library, which grows while it runs: when given, each command reads the current snapshot from
   * it (and `engine`, `corpus` and `planner` above only serve until then).
   */
  library?: { current(): LibraryView };
  /** Subscriptions; without one, subscribe/unsubscribe answer that they are unavailable. */
  store?: StateStore;
  /** DIGEST_TZ: `today` means the calendar date there. */
  timezone: string;
  /** Clock, replaceable in tests. */
  now?: () => Date;
  logger?: Logger;
  metrics?: Metrics;
  /** 👍/👎 votes; without it results carry no vote buttons and rank as the engine ranks them. */
  votes?: VoteStore;
  /** Where every search is recorded for `zhenxing report`; without it nothing is recorded. */
  searchLog?: SearchLog;
  /** When channels without a time of their own get the reading ("08:30", from DIGEST_CRON), for 订阅状态. */
  defaultDigestTime?: string;
}

/** The key votes on a search are stored under: the normalised query ('' when it cannot be normalised). */
export function voteKeyOf(query: string): string {
  try {
    return normalizeQuery(query);
  } catch {
    return '';
  }
}

/** The key votes on a theme listing are stored under. */
export const themeVoteKey = (theme: ThemeId) => `theme:${theme}`;

const msg = (zh: string, en: string): Message => ({ zh, en });
/** The first letter upper-cased, for an English hint that starts a sentence. */
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The help lines, worded for the place: the usage as typed there (`/zhenxing 订阅`, `@振兴 订阅`, `订阅`), 本群 or
 * 本会话, and "仅自己可见" only where answers really are private.
 */
export function helpCommands(place?: Place): { usage: string; zh: string; en: string }[] {
  const u = (words: string) => (place ? commandIn(place, words) : `/zhenxing ${words}`);
  const where =
    place?.kind === 'private'
      ? { zh: '本会话', en: 'this chat' }
      : { zh: '所在频道或群聊', en: 'this channel or chat' };
  const privately = place?.privateAnswers ? { zh: '（仅自己可见）', en: ' privately' } : { zh: '', en: '' };
  return [
    { usage: u('<关键词>'), zh: `搜索段落，例如 ${u('人才振兴')}`, en: `search passages, e.g. ${u('talent')}` },
    {
      usage: u('主题 <名称>'),
      zh: '某一主题的精选段落：产业、人才、文化、生态、组织',
      en: 'best passages of a theme: industry, talent, culture, ecology, organization (theme <name>)',
    },
    { usage: u('今日'), zh: `预览今天的每日一读${privately.zh}`, en: `preview today's digest${privately.en} (today)` },
    { usage: u('文档'), zh: '查看收录的文献及来源', en: 'list the source documents (docs)' },
    { usage: u('订阅'), zh: `${where.zh}每天早上接收每日一读`, en: `${where.en} gets the daily digest (subscribe)` },
    { usage: u('退订'), zh: `${where.zh}不再接收每日一读`, en: 'stop the daily digest here (unsubscribe)' },
    { usage: u('帮助'), zh: '显示本说明', en: 'show this help (help)' },
  ];
}

/** The help lines with no place given (the CLI, tests): `/zhenxing …`, no claim about who sees answers. */
export const HELP_COMMANDS = helpCommands();

const EXAMPLES = ['人才振兴', '怎样发展村集体经济', '"绿水青山就是金山银山"', '头雁 theme:talent', '主题 生态', 'doc:004 城乡融合'];

/** Examples typed the way the place needs them. */
export function helpExamples(place?: Place): string[] {
  return EXAMPLES.map((e) => (place ? commandIn(place, e) : `/zhenxing ${e}`));
}

export const HELP_EXAMPLES = helpExamples();

/** Shapes a search response into the results view every platform renders (also used by the CLI). */
export function buildResultsView(
  res: SearchResponse,
  lang: Lang,
  mode: 'search' | 'theme',
  query: string,
  theme: ThemeId | undefined,
  pageSize: number = PAGE_SIZE,
  exact = false,
): ResultsView {
  const ref = (page: number): PageRef =>
    mode === 'search'
      ? exact
        ? { kind: 'search', query, page, exact: true }
        : { kind: 'search', query, page }
      : { kind: 'theme', theme: theme as ThemeId, page };
  const view: ResultsView = {
    kind: 'results',
    lang,
    mode,
    query,
    total: res.total,
    page: res.page,
    pageSize,
    pageCount: res.pageCount,
    items: res.results.map((r, i) => {
      const feedback = (res as Partial<FeedbackResponse>).feedback?.[i];
      return {
        id: r.id,
        docId: r.docId,
        title: r.title,
        section: r.section,
        segments: r.segments,
        text: r.text,
        themes: r.themes.map((id) => themeInfo(id)),
        ...(feedback ? { feedback } : {}),
      };
    }),
    suggestions: res.suggestions,
  };
  if (theme) view.theme = themeInfo(theme);
  if (res.page > 1) view.prev = ref(res.page - 1);
  if (res.page < res.pageCount) view.next = ref(res.page + 1);
  const notes: Message[] = [];
  if (res.corrected) {
    view.corrected = res.corrected;
    view.original = { kind: 'search', query, page: 1, exact: true };
    view.originalLabel = originalLabel(query);
    notes.push(correctedNotice(res.corrected, query));
  }
  if (res.partial) {
    view.partial = true;
    view.matched = [...(res.matched ?? [])];
    notes.push(partialNotice(view.matched));
  }
  if (res.total === 0) {
    notes.push(msg(`没有找到与“${res.corrected ?? query}”相关的段落。`, `No passages found for "${res.corrected ?? query}".`));
  } else if (res.results.length === 0) {
    notes.push(msg('没有更多结果了。', 'No more results.'));
  }
  if (notes.length > 0) view.notice = msg(notes.map((n) => n.zh).join('\n'), notes.map((n) => n.en).join('\n'));
  return view;
}


/** The view with the place it is shown in, when the adapter said. */
function withPlace(view: HelpView | ThemesView | DigestView | DocsView, ctx: CommandContext): View {
  if (ctx.place) view.place = ctx.place;
  return view;
}

export function createRouter(deps: RouterDeps): Router {
  const now = deps.now ?? (() => new Date());
  /** The library to answer from now: one snapshot per call, so engine and corpus always belong together. */
  const lib = (): LibraryView => deps.library?.current() ?? deps;

  const count = (kind: string, ctx: CommandContext) => deps.metrics?.commands.inc({ platform: ctx.platform, kind });

  /** One log line per command, with its latency. */
  async function timed(kind: string, ctx: CommandContext, detail: string, work: () => Promise<View>): Promise<View> {
    const t0 = process.hrtime.bigint();
    const view = await work();
    deps.logger?.info(
      {
        platform: ctx.platform,
        kind,
        ms: Number(process.hrtime.bigint() - t0) / 1e6,
        detail: detail.slice(0, 100),
        view: view.kind,
        ...(view.kind === 'results' ? { total: view.total } : {}),
      },
      'command',
    );
    return view;
  }

  function themeCounts() {
    const { passages } = lib().corpus;
    return THEMES.map((t) => ({
      ...t,
      passageCount: passages.filter((p) => p.themes.includes(t.id)).length,
    }));
  }

  /** Votes for one key; a store that fails leaves the engine's order (logged), never the answer. */
  async function talliesFor(key: string): Promise<Map<string, Tally>> {
    if (!deps.votes || key === '') return new Map();
    try {
      return await deps.votes.tally(key);
    } catch (err) {
      deps.logger?.warn({ err }, 'votes could not be read; ranking without them');
      return new Map();
    }
  }

  /** Records a search (first pages only: paging is not asking again) for the report and counts misses. */
  async function logSearch(key: string, res: SearchResponse, ctx: CommandContext): Promise<void> {
    // partial/corrected come with the typo-tolerant engine; an engine without them answers in full, uncorrected.
    const flags = res as SearchResponse & { partial?: boolean; corrected?: string | null };
    const partial = flags.partial === true;
    const corrected = typeof flags.corrected === 'string' && flags.corrected !== '';
    if (res.total === 0 || partial) deps.metrics?.searchMisses.inc({ platform: ctx.platform, kind: res.total === 0 ? 'none' : 'partial' });
    if (!deps.searchLog || key === '') return;
    try {
      await deps.searchLog.record({ at: now().getTime(), query: key, count: res.total, partial, corrected, platform: ctx.platform });
    } catch (err) {
      deps.logger?.warn({ err }, 'search could not be logged');
    }
  }

  async function search(query: string, page: number, lang: Lang, ctx: CommandContext, first: boolean, exact = false): Promise<View> {
    const key = voteKeyOf(query);
    const tallies = await talliesFor(key);
    const started = process.hrtime.bigint();
    let res: FeedbackResponse;
    try {
      const { engine } = lib();
      res = searchWithFeedback((o) => engine.search(query, { ...o, ...(exact ? { correct: false } : {}) }), tallies, { limit: PAGE_SIZE, page });
    } finally {
      deps.metrics?.searchLatency.observe(
        { platform: ctx.platform },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    }
    if (first) await logSearch(key, res, ctx);
    const view = buildResultsView(res, lang, 'search', query, undefined, PAGE_SIZE, exact);
    if (deps.votes && key !== '') view.voteQuery = key;
    return view;
  }

  async function theme(name: string, page: number, lang: Lang): Promise<View> {
    const info = resolveTheme(name);
    if (!info) throw unknownTheme(name);
    const key = themeVoteKey(info.id);
    const { engine } = lib();
    const res = searchWithFeedback((o) => engine.byTheme(info.id, o), await talliesFor(key), { limit: PAGE_SIZE, page });
    const view = buildResultsView(res, lang, 'theme', info.name, info.id);
    if (deps.votes) view.voteQuery = key;
    return view;
  }

  async function vote(ref: VoteRef, ctx: CommandContext): Promise<View> {
    const lang: Lang = 'zh';
    if (!deps.votes || !ctx.userId) {
      return { kind: 'message', lang, tone: 'error', message: msg('暂时无法记录反馈。', 'Feedback cannot be recorded right now.') };
    }
    if (!lib().engine.get(ref.passageId)) {
      return {
        kind: 'message',
        lang,
        tone: 'error',
        message: msg('找不到这段文字，可能文库已经更新。', 'That passage is no longer in the library.'),
      };
    }
    const { previous } = await deps.votes.record({
      query: ref.query,
      passageId: ref.passageId,
      voter: voterKey(ctx.platform, ctx.userId),
      value: ref.value,
      platform: ctx.platform,
      at: now().getTime(),
    });
    deps.metrics?.feedbackVotes.inc({ platform: ctx.platform, vote: ref.value });
    deps.logger?.info({ platform: ctx.platform, vote: ref.value, passage: ref.passageId, replaced: previous ?? null }, 'vote');
    return {
      kind: 'message',
      lang,
      tone: 'info',
      message:
        previous && previous !== ref.value
          ? msg('谢谢反馈！已更新你对这段文字的评价。', 'Thanks for the feedback! Your vote on this passage was updated.')
          : msg('谢谢反馈！', 'Thanks for the feedback!'),
    };
  }

  /** The channel's reading settings as a view shows them. */
  function settingsView(channel: { platform: CommandContext['platform']; id: string }): NonNullable<SubscriptionView['settings']> {
    const ref = channel as Parameters<NonNullable<StateStore['settingsOf']>>[0];
    const settings = deps.store?.settingsOf?.(ref) ?? {};
    const last = deps.store?.lastSentOf?.(ref);
    return {
      time: settings.time ?? null,
      theme: settings.theme && isThemeId(settings.theme) ? themeInfo(settings.theme) : null,
      lastSent: last ? last.date : null,
    };
  }

  /** "每天 9:30（主题：人才振兴）" / "every day at 9:30 (theme: talent)". */
  function scheduleWords(settings: NonNullable<SubscriptionView['settings']>): Message {
    const time = settings.time ?? deps.defaultDigestTime;
    const when = time ? { zh: `每天 ${time.replace(/^0(\d)/, '$1')}`, en: `every day at ${time.replace(/^0(\d)/, '$1')}` } : { zh: '每天早上', en: 'every morning' };
    const what = settings.theme
      ? { zh: `主题：${settings.theme.name}`, en: `theme: ${settings.theme.en}` }
      : { zh: '五个主题轮换', en: 'the five themes in turn' };
    return msg(`${when.zh}（${what.zh}）`, `${when.en} (${what.en})`);
  }

  async function subscription(
    kind: 'subscribe' | 'unsubscribe' | 'subscription',
    lang: Lang,
    ctx: CommandContext,
    options: SubscribeOptions = {},
  ): Promise<View> {
    if (!deps.store || !ctx.channelId || ctx.platform === 'console') {
      return {
        kind: 'message',
        lang,
        tone: 'error',
        message: msg(
          '订阅只能在 Slack 频道、飞书群聊或钉钉群中使用。',
          'Subscriptions work in a Slack channel, a Feishu chat or a DingTalk group only.',
        ),
      };
    }
    const channel = { platform: ctx.platform, id: ctx.channelId };
    // Slack has channels, Feishu has group chats, and a private chat is neither: say it the way users there do.
    const { zh: here, en: hereEn } = hereName(ctx.platform, ctx.place);
    const Here = hereEn.charAt(0).toUpperCase() + hereEn.slice(1);
    if (kind === 'subscription') {
      const subscribed = deps.store.isSubscribed(channel);
      const settings = settingsView(channel);
      const words = scheduleWords(settings);
      const last = settings.lastSent
        ? msg(`上次发送：${settings.lastSent}。`, `Last reading sent: ${settings.lastSent}.`)
        : msg('还没有发送过。', 'No reading sent yet.');
      const tz = deps.timezone;
      return {
        kind: 'subscription',
        lang,
        subscribed,
        changed: false,
        settings,
        message: subscribed
          ? msg(
              `${here}已订阅“每日一读”：${words.zh}，时区 ${tz}。${last.zh}`,
              `${Here} gets the daily digest ${words.en}, time zone ${tz}. ${last.en}`,
            )
          : msg(
              `${here}没有订阅“每日一读”。发送“订阅”或“订阅 9:30”即可订阅。`,
              `${Here} is not subscribed to the daily digest. Send "subscribe" or "subscribe 9:30" to subscribe.`,
            ),
      };
    }
    if (kind === 'subscribe') {
      if (options.bad?.kind === 'time') {
        return {
          kind: 'message',
          lang,
          tone: 'error',
          message: msg(
            `时间“${options.bad.text}”不对，请用 24 小时制，例如“订阅 9:30”或“订阅 18:00”。`,
            `"${options.bad.text}" is not a time; use the 24-hour clock, e.g. "subscribe 9:30" or "subscribe 18:00".`,
          ),
        };
      }
      if (options.bad?.kind === 'theme') {
        return {
          kind: 'message',
          lang,
          tone: 'error',
          message: msg(
            `没有主题“${options.bad.text}”，可选：${THEMES.map((t) => t.short).join('、')}，例如“订阅 主题:人才”。`,
            `There is no theme "${options.bad.text}"; choose ${THEMES.map((t) => t.id).join(', ')}, e.g. "subscribe theme:talent".`,
          ),
        };
      }
      const wantsOwn = options.time !== undefined || options.theme !== undefined || options.rotate === true;
      if (wantsOwn && !deps.store.setSettings) {
        // A state store that cannot keep a channel's own time or theme: say so rather than pretend.
        return {
          kind: 'message',
          lang,
          tone: 'error',
          message: msg(
            '这里暂不支持自定义时间或主题，请发送“订阅”按默认时间接收。',
            'A time or theme of its own is not available here yet; send "subscribe" to get the reading at the usual time.',
          ),
        };
      }
      // Refuse here, not every morning: a chat the digest could never reach is not subscribed.
      const refusal = await ctx.subscribable?.();
      if (refusal) return { kind: 'message', lang, tone: 'error', message: refusal };
      const changed = await deps.store.subscribe(channel);
      const wantsSettings = options.time !== undefined || options.theme !== undefined || options.rotate === true;
      if (wantsSettings && deps.store.setSettings) {
        const next = { ...(deps.store.settingsOf?.(channel) ?? {}) };
        if (options.time !== undefined) next.time = options.time;
        if (options.rotate) delete next.theme;
        if (options.theme !== undefined) next.theme = options.theme;
        await deps.store.setSettings(channel, next);
      }
      const settings = settingsView(channel);
      const words = scheduleWords(settings);
      // A channel on the defaults hears the words it always did; one with a time or theme hears them back.
      const ownSettings = settings.time !== null || settings.theme !== null || wantsSettings;
      return {
        kind: 'subscription',
        lang,
        subscribed: true,
        changed: changed || wantsSettings,
        settings,
        message: !ownSettings
          ? changed
            ? msg(`已订阅：${here}每天早上会收到“每日一读”。`, `Subscribed: ${hereEn} will get the daily digest every morning.`)
            : msg(`${here}已经订阅了“每日一读”。`, `${Here} is already subscribed to the daily digest.`)
          : changed
            ? msg(`已订阅：${here}${words.zh}收到“每日一读”。`, `Subscribed: ${hereEn} will get the daily digest ${words.en}.`)
            : wantsSettings
              ? msg(`已更新：${here}${words.zh}收到“每日一读”。`, `Updated: ${hereEn} will get the daily digest ${words.en}.`)
              : msg(`${here}已经订阅了“每日一读”（${words.zh}）。`, `${Here} is already subscribed to the daily digest (${words.en}).`),
      };
    }
    const changed = await deps.store.unsubscribe(channel);
    return {
      kind: 'subscription',
      lang,
      subscribed: false,
      changed,
      message: changed
        ? msg(`已退订：${here}不再接收“每日一读”。`, `Unsubscribed: ${hereEn} will no longer get the daily digest.`)
        : msg(`${here}没有订阅“每日一读”。`, `${Here} was not subscribed to the daily digest.`),
    };
  }

  /**
   * A page of the document list, optionally only documents whose title, source, issuer, 文号 or id has every word of
   * `filter`; with a note saying how many there are and what to send for the next page, a title or the texts.
   */
  function docsPage(lang: Lang, ctx: CommandContext, requested: number, filter?: string): DocsView {
    const { corpus } = lib();
    const counts = new Map<string, number>();
    for (const p of corpus.passages) counts.set(p.articleId, (counts.get(p.articleId) ?? 0) + 1);
    const words = (filter ?? '').split(/[\s\u3000]+/u).map((w) => normalizeQuery(w)).filter((w) => w.length > 0);
    const matching = corpus.articles.filter((a) => {
      if (words.length === 0) return true;
      const hay = normalizeQuery([a.title, a.source, a.issuer, a.docNumber, a.id].filter(Boolean).join(' '));
      return words.every((w) => hay.includes(w));
    });
    const pageCount = Math.max(1, Math.ceil(matching.length / DOCS_PAGE_SIZE));
    const page = Math.min(Math.max(1, requested), pageCount);
    const docs = matching
      .slice((page - 1) * DOCS_PAGE_SIZE, page * DOCS_PAGE_SIZE)
      .map((a) => ({ ...a, passageCount: counts.get(a.id) ?? 0 }));
    const view: DocsView = { kind: 'docs', lang, docs, total: matching.length, libraryTotal: corpus.articles.length, page, pageCount };
    if (filter !== undefined && words.length > 0) view.filter = filter;
    const place = ctx.place;
    const findTitle = sendHint(place, '文档 关键词', 'docs <words>');
    const searchTexts = { zh: '直接发送关键词可搜索全文', en: 'or just send words to search the texts' };
    if (view.filter !== undefined && matching.length === 0) {
      const all = sendHint(place, '文档', 'docs');
      const search = sendHint(place, view.filter, view.filter);
      view.note = msg(
        `没有标题含“${view.filter}”的文档。${all.zh}查看全部 ${view.libraryTotal} 篇，或${search.zh}搜索全文。`,
        `No document title has "${view.filter}". ${cap(all.en)} for all ${view.libraryTotal}, or ${search.en} to search the texts.`,
      );
    } else if (pageCount > 1) {
      const prefix = view.filter !== undefined ? `文档 ${view.filter}` : '文档';
      const next = sendHint(place, `${prefix} ${page + 1}`, `docs ${view.filter !== undefined ? `${view.filter} ` : ''}${page + 1}`);
      const more = page < pageCount ? { zh: `${next.zh}看下一页；`, en: `${cap(next.en)} for the next page; ` } : { zh: '', en: '' };
      view.note = msg(
        `第 ${page}/${pageCount} 页，共 ${matching.length} 篇。${more.zh}${findTitle.zh}按标题查找，${searchTexts.zh}。`,
        `Page ${page} of ${pageCount}, ${matching.length} documents. ${more.en}${findTitle.en} to find a title, ${searchTexts.en}.`,
      );
    }
    return view;
  }

  async function run(cmd: Command, lang: Lang, ctx: CommandContext): Promise<View> {
    switch (cmd.kind) {
      case 'help':
        return withPlace({ kind: 'help', lang, commands: helpCommands(ctx.place), examples: helpExamples(ctx.place) }, ctx);
      case 'search':
        return search(cmd.query, 1, lang, ctx, true);
      case 'theme':
        return theme(cmd.name, 1, lang);
      case 'themes':
        return withPlace({ kind: 'themes', lang, themes: themeCounts() }, ctx);
      case 'today':
        return withPlace(
          { kind: 'digest', lang, preview: true, digest: lib().planner.digestFor(todayIn(deps.timezone, now())) },
          ctx,
        );
      case 'docs':
        return withPlace(docsPage(lang, ctx, cmd.page ?? 1, cmd.filter), ctx);
      case 'subscribe':
        return subscription('subscribe', lang, ctx, cmd.options);
      case 'unsubscribe':
      case 'subscription':
        return subscription(cmd.kind, lang, ctx);
    }
  }

  /** Known failures become friendly messages; anything else is logged and answered kindly, never thrown. */
  function failure(err: unknown, lang: Lang, where: string): View {
    if (err instanceof SearchError || err instanceof DigestError) {
      return { kind: 'message', lang, tone: 'error', message: msg(err.zh, err.en) };
    }
    deps.logger?.error({ err, where }, 'command failed');
    deps.metrics?.errors.inc({ where });
    return {
      kind: 'message',
      lang,
      tone: 'error',
      message: msg('抱歉，处理时出了点问题，请稍后再试。', 'Sorry, something went wrong. Please try again.'),
    };
  }

  return {
    async handle(text, ctx) {
      const lang = detectLang(text);
      let cmd: Command = { kind: 'help' };
      try {
        cmd = parseCommand(text);
      } catch (err) {
        return failure(err, lang, 'router.parse');
      }
      count(cmd.kind, ctx);
      return timed(cmd.kind, ctx, text, async () => {
        try {
          return await run(cmd, lang, ctx);
        } catch (err) {
          return failure(err, lang, `router.${cmd.kind}`);
        }
      });
    },

    async page(ref, ctx) {
      const lang = ref.kind === 'search' ? detectLang(ref.query) : 'zh';
      count('page', ctx);
      return timed('page', ctx, ref.kind === 'search' ? ref.query : ref.theme, async () => {
        try {
          return ref.kind === 'search'
            ? await search(ref.query, ref.page, lang, ctx, false, ref.exact === true)
            : await theme(ref.theme, ref.page, lang);
        } catch (err) {
          return failure(err, lang, 'router.page');
        }
      });
    },

    async vote(ref, ctx) {
      count('vote', ctx);
      try {
        return await vote(ref, ctx);
      } catch (err) {
        return failure(err, 'zh', 'router.vote');
      }
    },

    async share(passageId, ctx) {
      count('share', ctx);
      const passage = lib().engine.get(String(passageId));
      if (!passage) {
        return {
          kind: 'message',
          lang: 'zh',
          tone: 'error',
          message: msg(
            '找不到这段文字，可能文库已经更新。请重新搜索后再分享。',
            'That passage is no longer in the library. Please search again and share from the new results.',
          ),
        };
      }
      return { kind: 'share', passage, sharedBy: ctx.userId ?? '' };
    },
  };
}

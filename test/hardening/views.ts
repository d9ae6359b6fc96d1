/**
 * fast-check arbitraries for every View the router can produce, with hostile text (test/hardening/hostile.ts) in
 * every slot that holds user or corpus text. Renderer property tests (console, Slack, Feishu) draw from these.
 */
import fc from 'fast-check';
import { THEMES, THEME_IDS, type Passage, type ThemeId, type ThemeInfo } from '../../src/corpus/types.js';
import type { Digest } from '../../src/digest/types.js';
import type { Segment, Suggestion } from '../../src/search/types.js';
import type {
  DigestView,
  DocsView,
  HelpView,
  Lang,
  Message,
  MessageView,
  PageRef,
  ResultItem,
  ResultsView,
  ShareView,
  SubscriptionView,
  ThemesView,
  View,
} from '../../src/router/view-model.js';
import { HELP_COMMANDS, HELP_EXAMPLES } from '../../src/router/router.js';
import { anyText, hostileText } from './hostile.js';

/**
 * Text from a user or a document: anything, hostile included, but never blank — the corpus has no empty passages or
 * titles and the parser never sends a blank query (structural guarantees upstream, not properties of renderers).
 */
const nonBlank = (arb: fc.Arbitrary<string>) =>
  fc.tuple(arb, fc.constantFrom('文', '人才振兴', 'a', '。', '1'), arb).map(([a, b, c]) => `${a}${b}${c}`);
/** What a user typed: any length, 20 000 characters included (queries, theme names quoted back in messages). */
const userText = nonBlank(anyText(8));
/** Corpus metadata (titles, sections, sources): hostile characters, at a length a catalog entry has. */
const metaText = nonBlank(hostileText(8));
/** Passage text: hostile, and sometimes far longer than any real passage. */
const passageText = nonBlank(anyText(8));
const shortText = nonBlank(hostileText(4));
const lang: fc.Arbitrary<Lang> = fc.constantFrom('zh', 'en');
const themeInfo: fc.Arbitrary<ThemeInfo> = fc.constantFrom(...THEMES);
const themeId: fc.Arbitrary<ThemeId> = fc.constantFrom(...THEME_IDS);
const themeList = fc.subarray([...THEMES]);
/** The router's own sentences, quoting what the user typed (as the unknown-theme and no-results messages do). */
const message: fc.Arbitrary<Message> = fc
  .tuple(fc.constantFrom(['没有“', '”这个主题。'], ['没有找到与“', '”相关的段落。'], ['已订阅：', '']), userText)
  .map(([[before, after], t]) => ({ zh: `${before}${t}${after}`, en: `No passages found for "${t}".` }));
/** Passage ids as the corpus makes them (002-014). */
const id = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 999 }))
  .map(([d, n]) => `00${d}-${String(n).padStart(3, '0')}`);
const docId = fc.constantFrom('000', '001', '002', '003', '004');
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const segments: fc.Arbitrary<Segment[]> = fc.array(fc.record({ text: shortText, match: fc.boolean() }), { maxLength: 8 });

export const passageArb: fc.Arbitrary<Passage> = fc
  .record({
    id,
    docId,
    title: metaText,
    section: fc.option(metaText, { nil: null }),
    text: passageText,
    ordinal: fc.nat(500),
    themes: fc.subarray([...THEME_IDS]),
    fragment: fc.boolean(),
    placeholders: fc.nat(3),
  })
  .map((p) => ({
    ...p,
    articleId: p.docId,
    position: { start: 0, end: p.text.length },
    themeScores: { industry: 0, talent: 0, culture: 0, ecology: 0, organization: 0 },
  }));

const pageRef: fc.Arbitrary<PageRef> = fc.oneof(
  fc.record({ kind: fc.constant('search' as const), query: userText, page: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('theme' as const), theme: themeId, page: fc.integer({ min: 1, max: 50 }) }),
);

const resultItem: fc.Arbitrary<ResultItem> = fc.record({
  id,
  docId,
  title: metaText,
  section: fc.option(metaText, { nil: null }),
  segments,
  text: passageText,
  themes: themeList,
});

const suggestion: fc.Arbitrary<Suggestion> = fc.record({ kind: fc.constantFrom('theme' as const, 'term' as const), text: shortText });

export const resultsViewArb: fc.Arbitrary<ResultsView> = fc
  .record(
    {
      lang,
      mode: fc.constantFrom('search' as const, 'theme' as const),
      query: userText,
      theme: themeInfo,
      total: fc.nat(400),
      page: fc.integer({ min: 1, max: 50 }),
      pageCount: fc.nat(80),
      items: fc.array(resultItem, { maxLength: 5 }),
      suggestions: fc.array(suggestion, { maxLength: 6 }),
      notice: message,
      prev: pageRef,
      next: pageRef,
    },
    { requiredKeys: ['lang', 'mode', 'query', 'total', 'page', 'pageCount', 'items', 'suggestions'] },
  )
  .map((v) => ({ kind: 'results' as const, pageSize: 5, ...v }));

/** Help is the router's own text; only the language varies. */
export const helpViewArb: fc.Arbitrary<HelpView> = lang.map((l) => ({
  kind: 'help' as const,
  lang: l,
  commands: HELP_COMMANDS,
  examples: HELP_EXAMPLES,
}));

export const docsViewArb: fc.Arbitrary<DocsView> = fc.record({
  kind: fc.constant('docs' as const),
  lang,
  docs: fc.array(
    fc.record({
      id: fc.constantFrom('000', '001', '002', '003', '003b', '004'),
      docId,
      title: metaText,
      titleIsDescriptive: fc.boolean(),
      source: fc.option(metaText, { nil: null }),
      author: fc.option(metaText, { nil: null }),
      date: fc.option(shortText, { nil: null }),
      included: fc.constant(true),
      sourceUrl: fc.option(fc.oneof(fc.webUrl(), shortText), { nil: null }),
      via: fc.option(shortText, { nil: null }),
      originalTitle: fc.option(metaText, { nil: null }),
      passageCount: fc.nat(300),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  total: fc.nat(2000),
  libraryTotal: fc.nat(2000),
  page: fc.integer({ min: 1, max: 200 }),
  pageCount: fc.integer({ min: 1, max: 200 }),
  filter: fc.option(shortText, { nil: undefined }),
  note: fc.option(fc.record({ zh: metaText, en: metaText }), { nil: undefined }),
}, { requiredKeys: ['kind', 'lang', 'docs', 'total', 'libraryTotal', 'page', 'pageCount'] });

export const themesViewArb: fc.Arbitrary<ThemesView> = fc.record({
  kind: fc.constant('themes' as const),
  lang,
  themes: fc.tuple(...THEMES.map((t) => fc.nat(300).map((passageCount) => ({ ...t, passageCount })))),
});

export const digestArb: fc.Arbitrary<Digest> = fc.record({
  date,
  theme: themeInfo,
  passages: fc.array(passageArb, { minLength: 1, maxLength: 5 }),
  keywords: fc.array(shortText, { maxLength: 10 }),
});

export const digestViewArb: fc.Arbitrary<DigestView> = fc.record({
  kind: fc.constant('digest' as const),
  lang,
  digest: digestArb,
  preview: fc.boolean(),
});

export const subscriptionViewArb: fc.Arbitrary<SubscriptionView> = fc.record({
  kind: fc.constant('subscription' as const),
  lang,
  subscribed: fc.boolean(),
  changed: fc.boolean(),
  message,
});

/** Platform user ids as Slack and Feishu issue them, and sometimes a forged one. */
export const userIdArb = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[UW][A-Z0-9]{8,10}$/) },
  { weight: 2, arbitrary: fc.stringMatching(/^ou_[a-f0-9]{32}$/) },
  { weight: 1, arbitrary: shortText },
);

export const shareViewArb: fc.Arbitrary<ShareView> = fc.record({
  kind: fc.constant('share' as const),
  passage: passageArb,
  sharedBy: userIdArb,
});

export const messageViewArb: fc.Arbitrary<MessageView> = fc.record({
  kind: fc.constant('message' as const),
  lang,
  tone: fc.constantFrom('info' as const, 'error' as const),
  message,
});

export const viewArb: fc.Arbitrary<View> = fc.oneof(
  { weight: 4, arbitrary: resultsViewArb },
  { weight: 1, arbitrary: helpViewArb },
  { weight: 1, arbitrary: docsViewArb },
  { weight: 1, arbitrary: themesViewArb },
  { weight: 2, arbitrary: digestViewArb },
  { weight: 1, arbitrary: subscriptionViewArb },
  { weight: 2, arbitrary: shareViewArb },
  { weight: 1, arbitrary: messageViewArb },
);

/**
 * Shared corpus types. The corpus is platform-neutral: nothing here knows about Slack, Feishu or schedules.
 */

/** The five revitalizations, in the fixed order the daily digest cycles through. */
export const THEME_IDS = ['industry', 'talent', 'culture', 'ecology', 'organization'] as const;
export type ThemeId = (typeof THEME_IDS)[number];

export interface ThemeInfo {
  id: ThemeId;
  /** Chinese name as readers know it, e.g. 人才振兴. */
  name: string;
  /** Short Chinese name used in `主题:人才`, e.g. 人才. */
  short: string;
  /** English name, e.g. talent. */
  en: string;
}

export const THEMES: readonly ThemeInfo[] = [
  { id: 'industry', name: '产业振兴', short: '产业', en: 'industry' },
  { id: 'talent', name: '人才振兴', short: '人才', en: 'talent' },
  { id: 'culture', name: '文化振兴', short: '文化', en: 'culture' },
  { id: 'ecology', name: '生态振兴', short: '生态', en: 'ecology' },
  { id: 'organization', name: '组织振兴', short: '组织', en: 'organization' },
];

export function isThemeId(value: string): value is ThemeId {
  return (THEME_IDS as readonly string[]).includes(value);
}

/** Every name a theme answers to: id, English name, Chinese short and full names, and a few natural variants. */
const THEME_ALIASES: ReadonlyMap<string, ThemeId> = (() => {
  const map = new Map<string, ThemeId>();
  const extra: Record<ThemeId, string[]> = {
    industry: ['industrial', 'industries', '产业兴旺'],
    talent: ['talents', '人才队伍'],
    culture: ['cultural', '乡风文明'],
    ecology: ['ecological', 'environment', '生态宜居'],
    organization: ['organisation', 'organizational', 'organisational', '组织建设'],
  };
  for (const t of THEMES) {
    for (const alias of [t.id, t.en, t.short, t.name, ...extra[t.id]]) map.set(alias.toLowerCase(), t.id);
  }
  return map;
})();

/**
 * Resolves a theme name as a user types it (人才, 人才振兴, talent, Talent, full-width ｔａｌｅｎｔ) to its id, or
 * undefined. The one resolver shared by the query parser, the router and the digest.
 */
export function resolveTheme(value: string): ThemeId | undefined {
  return THEME_ALIASES.get(value.normalize('NFKC').trim().toLowerCase());
}

export function themeInfo(id: ThemeId): ThemeInfo {
  const info = THEMES.find((t) => t.id === id);
  if (!info) throw new Error(`unknown theme id: ${id}`);
  return info;
}

/** One article as described in seeds/catalog.json. A seed file may hold several. */
export interface ArticleMeta {
  /** Stable article id, e.g. "003" or "003b" (first article of a file keeps the file id's prefix). */
  id: string;
  /** File-level document id, 000…004. */
  docId: string;
  title: string;
  /** True where the text gives no title and the catalog wrote a descriptive one. */
  titleIsDescriptive: boolean;
  source: string | null;
  author: string | null;
  date: string | null;
  /** Excluded articles are described in the catalog but not indexed. */
  included: boolean;
  note?: string;
  /** Address the text was published at, where the text gives one (metadata only, never in passage text). */
  sourceUrl?: string | null;
  /** Site or paper the text was copied from when it reprints another source (e.g. 中国电源产业网 for 解放日报). */
  via?: string | null;
  /** The title the original publication used, where the text names it. */
  originalTitle?: string | null;
  /** Issuing body printed in an added document (e.g. 中共中央 国务院); library documents only. */
  issuer?: string | null;
  /** Document number (文号) printed in an added document, e.g. 中发〔2023〕1号; library documents only. */
  docNumber?: string | null;
}

/** Where a document comes from: the built-in seeds/, or the library users add to (LIBRARY_DIR). */
export type DocumentOrigin = 'seed' | 'library';

export interface DocumentMeta {
  /** 000…004 for seeds; lib-<8 hex> for added documents. */
  id: string;
  /** File name under seeds/, or the name an added document was uploaded with. */
  file: string;
  origin: DocumentOrigin;
  /** Library documents: the format it was extracted from (txt, md, html, docx, pdf). */
  format?: string;
  /** Library documents: when it was added (ISO 8601). */
  addedAt?: string;
  articles: ArticleMeta[];
}

/**
 * An added document as the corpus loader needs it: the text extracted from the original (one paragraph or line per
 * entry, not yet cleaned: cleaning happens at load time like the seeds') and its metadata.
 */
export interface LibraryDocumentInput {
  /** lib-<8 hex>, from the document's content; stable across restarts and other documents' adds and removes. */
  id: string;
  /** Original file name. */
  file: string;
  format: string;
  addedAt: string;
  title: string;
  /** True when the text gives no title and the file name stands in. */
  titleIsDescriptive: boolean;
  source: string | null;
  date: string | null;
  issuer: string | null;
  docNumber: string | null;
  /** Extracted lines. */
  lines: readonly string[];
  /** Lines the format marks as headings. */
  headings: readonly string[];
  /** Lines holding only metadata (title, 文号, date, issuer): dropped by the cleaner. */
  metaLines: readonly string[];
}

/** A passage: a sentence-aware chunk of one article, the unit that search returns and the digest quotes. */
export interface Passage {
  /** Stable id: doc id + ordinal within the document, e.g. "002-014". The same on every start. */
  id: string;
  /** File-level document id, 000…004. */
  docId: string;
  articleId: string;
  /** The article's title (never a file name). */
  title: string;
  /** Nearest section heading above the passage, or null. */
  section: string | null;
  /** Cleaned display text. Never NFKC-normalised. */
  text: string;
  /** Ordinal of the passage within its document, from 0. */
  ordinal: number;
  /** Character offsets into the article's cleaned text. */
  position: { start: number; end: number };
  /** Theme ids whose score passes the labelling threshold, strongest first. */
  themes: ThemeId[];
  /** Raw theme scores (heading + lexicon), 0 where none. */
  themeScores: Record<ThemeId, number>;
  /** True when the passage starts or ends mid-sentence because the source itself is cut. */
  fragment: boolean;
  /** Count of anonymisation placeholders (xx, xxxx年 …) in the text. */
  placeholders: number;
  /** Headings above the passage, outermost first (e.g. ["二、…实践", "突出“主体性\",…"]); `section` is the last. */
  sectionPath?: string[];
}

export interface Corpus {
  documents: DocumentMeta[];
  /** Included articles only. */
  articles: ArticleMeta[];
  passages: Passage[];
  byId: Map<string, Passage>;
  /** Each included article's cleaned text (headings and paragraphs joined by "\n"), keyed by article id; passage positions index into it. */
  articleTexts?: Map<string, string>;
}

/**
 * The digest planner: which reading a date gets. A pure function of the date and the corpus, so a preview
 * (`zhenxing digest --date …`, `/zhenxing today`) shows exactly what the scheduler will post, on any replica.
 */
import { THEMES, resolveTheme, themeInfo, type Corpus, type Passage, type ThemeId } from '../corpus/types.js';
import { extractKeywords } from '../search/jieba.js';
import { dayNumber, roundOfDate, themeOfDate } from './dates.js';
import { keyTerms, type KeywordExtractor } from './keywords.js';
import { buildPools, buildRounds, resolveSelectionOptions, type SelectionOptions } from './select.js';
import { DigestError, type Digest, type DigestPlanner } from './types.js';

export interface DigestPlannerOptions extends SelectionOptions {
  /** Key terms per digest. Default 6. */
  keywordCount?: number;
  /**
   * A word found in more than this share of all passages (党员, 群众 …) says nothing about one day: it is not a key
   * term. Default 0.2.
   */
  commonShare?: number;
  /**
   * Keyword extraction. Default: `extractKeywords` from src/search/jieba.ts (nodejieba's `extract`; that module is
   * the one place nodejieba is loaded, lazily, on the first digest).
   */
  extractKeywords?: KeywordExtractor;
}

/** Accepts a theme as its id (talent), Chinese name (人才振兴), short name (人才) or English name, any case. */
export { resolveTheme };

export function unknownThemeError(value: string): DigestError {
  return new DigestError('UNKNOWN_THEME', {
    zh: `没有主题 "${value}"，可选：${THEMES.map((t) => `${t.id}（${t.name}）`).join('、')}`,
    en: `unknown theme "${value}"; choose one of ${THEMES.map((t) => t.id).join(', ')}`,
  });
}

/**
 * Builds a planner over a loaded corpus. Pools and rounds are computed once, on the first call, and kept;
 * key terms are cached per reading.
 */
export function createDigestPlanner(corpus: Corpus, options: DigestPlannerOptions = {}): DigestPlanner & {
  /** Each theme's readings in order; round k of a theme reads `rounds(theme)[k % length]`. For previews and tests. */
  rounds(theme: ThemeId): Passage[][];
} {
  const selection = resolveSelectionOptions(options);
  const keywordCount = options.keywordCount ?? 6;
  const extract = options.extractKeywords ?? extractKeywords;
  const commonShare = options.commonShare ?? 0.2;
  const shareCache = new Map<string, number>();

  /** Share of passages whose text contains `word`. */
  function share(word: string): number {
    let s = shareCache.get(word);
    if (s === undefined) {
      const n = corpus.passages.filter((p) => p.text.includes(word)).length;
      s = corpus.passages.length === 0 ? 0 : n / corpus.passages.length;
      shareCache.set(word, s);
    }
    return s;
  }
  let roundsByTheme: Map<ThemeId, Passage[][]> | undefined;
  const keywordCache = new Map<string, string[]>();

  function rounds(theme: ThemeId): Passage[][] {
    if (!roundsByTheme) {
      roundsByTheme = new Map();
      for (const [t, pool] of buildPools(corpus.passages, selection)) {
        roundsByTheme.set(t, buildRounds(pool, selection.passagesPerDigest));
      }
    }
    return roundsByTheme.get(theme) ?? [];
  }

  function digestFor(date: string, opts: { theme?: string; daily?: boolean } = {}): Digest {
    // Validates the date first: a bad date is reported even when the theme is bad too. A theme a channel reads every
    // day (daily) moves on to its next reading every day, not every fifth.
    const round = opts.daily && opts.theme !== undefined ? dayNumber(date) : roundOfDate(date);
    let theme = themeOfDate(date);
    if (opts.theme !== undefined) {
      const t = resolveTheme(opts.theme);
      if (!t) throw unknownThemeError(opts.theme);
      theme = t;
    }
    const all = rounds(theme);
    if (all.length === 0) {
      const info = themeInfo(theme);
      throw new DigestError('EMPTY_POOL', {
        zh: `主题“${info.name}”没有可读的段落`,
        en: `theme "${theme}" has no passages to read`,
      });
    }
    const index = round % all.length;
    const passages = all[index] as Passage[];
    const key = `${theme}:${index}`;
    let keywords = keywordCache.get(key);
    if (!keywords) {
      const info = themeInfo(theme);
      keywords = keyTerms(
        passages.map((p) => p.text),
        keywordCount,
        extract,
        { exclude: (w) => w === info.short || w === info.name || share(w) > commonShare },
      );
      keywordCache.set(key, keywords);
    }
    return { date, theme: themeInfo(theme), passages: [...passages], keywords: [...keywords] };
  }

  return { digestFor, rounds };
}

/**
 * The day's key terms: nodejieba's TF-IDF `extract` over the chosen passages (through src/search/jieba.ts, the one
 * place nodejieba is loaded), filtered so that what is left names what the day's reading is about.
 */

/** Extracts weighted keywords, best first; src/search/jieba.ts's `extractKeywords` by default. */
export type KeywordExtractor = (text: string, topN: number) => ReadonlyArray<string | { word: string }>;

/**
 * Words with no topic of their own: function words, generic verbs and adverbs of policy prose. Key terms are meant
 * to tell one day from another. Words common across the whole corpus are dropped separately (see `common`).
 */
export const KEYWORD_STOPWORDS: ReadonlySet<string> = new Set(
  (
    '乡村振兴 振兴 乡村 农村 我们 他们 进行 通过 一个 以及 同时 方面 工作 发展 坚持 实现 推动 推进 加强 不断 积极 有效 ' +
    '问题 进一步 作用 方式 重要 全面 提升 提高 更多地 参与 社会 必须 确保 能力 有助于 相结合 健全 服务 得到 加快 创新 ' +
    '越来越 建立 开展 强化 注重 完善 设置 要求 相关 主要 形成 充分 切实 深入 大力 持续 广泛 具有 需要 能够 不能 各级 ' +
    '乡村振兴战略 产业振兴 人才振兴 文化振兴 生态振兴 组织振兴 新时代 当前 目前 今后 其中 特别 逐步 有力 有序 着力 努力 扎实 一批 一系列'
  ).split(' '),
);

/**
 * Not terms: counted things and quantities (一笔, 各类, 200余场次 → 余场次, 首批), list markers (二要, 三是), the
 * author's own place (我区, 以镇) and comparisons (越来越低).
 */
const NOT_A_TERM = [
  /^[一二三四五六七八九十两几余每各多首][个项条次场户人名件笔批些类种支座家所村]/,
  /^[一二三四五六七八九十]+[是要]$/,
  /^[我本该以][省市区县镇乡村]$/,
  /^越来越/,
];

/** A term worth showing: two or more Chinese characters, no digits or placeholders, not a stopword. */
function isTerm(word: string): boolean {
  if (word.length < 2 || word.length > 12) return false;
  if (!/^[\u3400-\u9fff·]+$/.test(word)) return false;
  return !KEYWORD_STOPWORDS.has(word) && !NOT_A_TERM.some((re) => re.test(word));
}

export interface KeyTermOptions {
  /** Words to leave out besides the stopwords, e.g. the theme's own name (the heading says it already). */
  exclude?: (word: string) => boolean;
}

/**
 * Up to `count` key terms from the texts, best first. The lead passage is given twice the weight of the others by
 * extracting from it twice, so the terms lean to what the day opens with.
 */
export function keyTerms(
  texts: readonly string[],
  count: number,
  extract: KeywordExtractor,
  options: KeyTermOptions = {},
): string[] {
  if (texts.length === 0 || count <= 0) return [];
  const [lead, ...rest] = texts;
  const text = [lead, lead, ...rest].join('\n');
  const out: string[] = [];
  for (const item of extract(text, count * 4)) {
    const word = (typeof item === 'string' ? item : item.word).trim();
    if (!isTerm(word) || options.exclude?.(word) || out.includes(word)) continue;
    // A term inside a longer one adds nothing (尊重 beside 尊重人才): keep the longer, in the shorter one's place.
    if (out.some((w) => w.includes(word))) continue;
    const shorter = out.findIndex((w) => word.includes(w));
    if (shorter >= 0) {
      out[shorter] = word;
      continue;
    }
    out.push(word);
    if (out.length >= count) break;
  }
  return out;
}

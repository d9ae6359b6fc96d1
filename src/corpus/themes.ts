/**
 * Theme labelling: each passage gets a score per revitalization from its headings and a curated, weighted lexicon,
 * and is labelled with the themes whose score passes a threshold. Deterministic and explainable: `explainThemes`
 * lists the terms behind a score.
 */
import { THEME_IDS, type ThemeId } from './types.js';

/** A lexicon term and its weight. */
export type LexiconEntry = readonly [term: string, weight: number];

/**
 * The curated lexicon. Weights reflect how surely a term marks its theme: the theme's own name and its part of the
 * 二十字总要求 (产业兴旺, 生态宜居, 乡风文明, 治理有效) weigh most; Party-building words that occur in nearly every
 * passage (党建, 党员, 党组织) weigh little, otherwise every passage would be labelled organization.
 * Matching is longest-first and non-overlapping, so "产业兴旺" counts once, not also as "产业".
 *
 * Three tiers, which `themeEvidence` treats differently: strong markers (weight ≥ STRONG_WEIGHT: a theme's name, its
 * part of the 二十字总要求, 集体经济, 头雁, 移风易俗, 人居环境 …) are evidence on their own; topical words (≥
 * SUPPORT_WEIGHT: 产业, 生态, 文化, 党支部 …) need a second one; supporting words (below SUPPORT_WEIGHT: 增收, 就业,
 * 环境, 党组织 …) are everywhere in poverty-relief and Party-building prose and only add to a score.
 * "千村示范、万村整治" is Zhejiang's rural environment programme (the 千万工程), named whole.
 */
export const THEME_LEXICON: Readonly<Record<ThemeId, readonly LexiconEntry[]>> = {
  industry: [
    ['产业振兴', 5], ['产业兴旺', 4], ['产业发展', 2], ['产业项目', 2], ['扶贫产业', 2], ['特色产业', 2.5],
    ['产业链', 2], ['产业融合', 2], ['产业联盟', 2], ['产业规划', 2], ['产业格局', 2], ['富民产业', 2.5],
    ['产业', 1.5], ['集体经济', 2.5], ['村级经济', 2.5], ['经济收入', 1.5], ['合作社', 2], ['电商', 2],
    ['淘宝', 1.5], ['龙头企业', 2], ['乡村旅游', 2.5], ['文化旅游业', 2], ['农旅文', 1.5], ['种养业', 2],
    ['手工业', 1.5], ['利益联结', 2], ['经营主体', 2], ['企业', 0.8], ['投资', 1.5], ['招商', 1.5],
    ['增收', 0.8], ['致富', 1], ['分红', 1.5], ['产值', 1.5], ['亩产', 1.5], ['现代农业', 2],
    ['农业产业化', 2.5], ['特色经济', 2], ['带贫益贫', 2], ['就业', 0.8], ['造血', 1], ['市场', 0.8],
    ['消薄', 1.5], ['强村富民', 1.5], ['收益', 1], ['资金', 0.5], ['项目', 0.6],
  ],
  talent: [
    ['人才振兴', 5], ['人才', 2.5], ['头雁', 3], ['领头雁', 3], ['领雁', 3], ['第一书记', 2.5], ['返乡', 2],
    ['回乡', 1.5], ['乡贤', 2.5], ['培训', 1.2], ['专家', 2], ['骨干队伍', 2.5], ['带头人', 2], ['致富能手', 2],
    ['大学生', 1.2], ['大学毕业生', 1.5], ['科技特派员', 2.5], ['农技', 2], ['选优配强', 2], ['干部队伍', 1.5],
    ['后继乏人', 2.5], ['老龄化', 2], ['学历', 2], ['知识储备', 2], ['培养', 1.5], ['培育', 1], ['选拔', 1.5],
    ['选派', 1.2], ['新农人', 2.5], ['能人', 2], ['退役军人', 1.5], ['村干部', 1.2], ['本领', 1],
    ['招考', 1.5], ['实训', 1.5], ['党员队伍', 1], ['运营师', 2], ['精英', 1.5], ['人员', 0.5], ['老化', 1.5], ['年龄结构', 2],
  ],
  culture: [
    ['文化振兴', 5], ['乡风文明', 4], ['文明乡风', 4], ['乡村文化', 2.5], ['文化', 1.5], ['家风', 2.5],
    ['民风', 2], ['乡风', 2], ['移风易俗', 3], ['文明实践', 2.5], ['非遗', 2.5], ['核心价值观', 2.5],
    ['精神文明', 2.5], ['村规民约', 2.5], ['道德', 2], ['美德', 2], ['文明村', 2], ['文艺', 2], ['书屋', 2],
    ['阅读', 1.5], ['文明城市', 1.5], ['文明', 1.5], ['精神', 0.8], ['思想政治', 1], ['宣传教育', 1.5],
    ['理想信念', 1.5], ['乡愁', 2], ['传统村落', 2], ['传统技艺', 2], ['德治', 1.5], ['志愿', 1.2],
    ['礼堂', 1.5], ['红色文化', 2], ['移风', 2], ['主旋律', 1.5], ['风尚', 1.5], ['科学文明', 1.5],
    ['封建迷信', 2], ['教育引导', 1], ['扶志', 1.5], ['淳朴', 1],
  ],
  ecology: [
    ['生态振兴', 5], ['生态宜居', 4], ['千村示范、万村整治', 4], ['生态文明', 2.5], ['生态建设', 3], ['生态保护', 3], ['生态', 2],
    ['环境整治', 3], ['人居环境', 3], ['厕所革命', 3], ['厕所', 2], ['绿水青山', 3], ['垃圾', 2.5],
    ['绿色发展', 2.5], ['绿色', 1.5], ['造林', 2], ['绿化', 2], ['退牧还草', 2.5], ['天然林', 2.5],
    ['草原', 1.5], ['湿地', 2], ['环境保护', 3], ['美丽乡村', 2], ['环境', 0.8], ['低碳', 1.5],
    ['人与自然', 3], ['卫生', 1], ['污水', 2], ['规划', 0.6], ['乡村靓化', 2], ['美丽', 1], ['整治', 0.8],
  ],
  organization: [
    ['组织振兴', 5], ['治理有效', 4], ['基层组织建设', 3], ['基层组织', 2], ['组织体系', 2.5], ['组织设置', 2.5], ['组织力', 2],
    ['组织覆盖', 2.5], ['组织保障', 2], ['组织保证', 2], ['组织基础', 2], ['组织建设', 2], ['组织优势', 1.5], ['战斗堡垒', 2.5], ['堡垒', 1.5],
    ['乡村治理', 2.5], ['基层治理', 2.5], ['治理体系', 2], ['治理能力', 2], ['治理', 1.5], ['两委', 2],
    ['网格', 2], ['自治', 1.5], ['法治', 1.5], ['三治融合', 2.5], ['换届', 2], ['领导核心', 2],
    ['党支部', 1.2], ['支部', 0.8], ['党小组', 1], ['党组织', 0.6], ['党员', 0.3], ['党建', 0.2],
    ['后进', 1.5], ['整顿', 1.5], ['软弱涣散', 2.5], ['扫黑除恶', 2], ['微腐败', 2], ['阵地', 1.5],
    ['评星定级', 2], ['晋位', 1.5], ['活动场所', 1.5], ['党群', 0.8], ['联建', 1.5], ['共建', 1],
    ['先锋模范', 1], ['干群关系', 1.5], ['组织', 0.5], ['民主法治', 1.5], ['治安', 1.5], ['干群', 1.5], ['党建工作', 0.6],
  ],
};

/**
 * Phrases that contain a lexicon term but do not mean its theme; they match first and count for nothing.
 * "“一片生态”夯实乡村基层磐石" is about the Party's working environment, 卫生院 about health care.
 */
export const NEUTRAL_TERMS: readonly string[] = [
  '一片生态', '政治生态', '卫生服务', '卫生院', '卫生室', '医疗卫生', '文化程度', '工作环境',
];

/** Label threshold: a theme is labelled when its score reaches this … */
export const THEME_THRESHOLD = 3;
/** … and is at least this share of the passage's strongest theme (keeps one passing mention from counting). */
export const THEME_RELATIVE_THRESHOLD = 0.35;
/** Heading terms weigh this many times a body term: a heading names what its whole section is about. */
export const HEADING_FACTOR = 2;
/** A body hit of at least this weight (not in a list) is evidence for its theme on its own. */
export const STRONG_WEIGHT = 2.5;
/** Hits below this weight only add to a score: they never count as evidence. */
export const SUPPORT_WEIGHT = 1;
/** Without a strong hit, a theme needs this many topical body hits (not in a list): one 生态 is not ecology. */
export const MIN_TOPICAL_HITS = 2;
/**
 * A theme word used as one item of a list that names several themes ("组建产业发展、乡村建设、乡风文明、乡村治理…
 * 人才服务队", "助力产业振兴、生态振兴") weighs this share of its weight and is never evidence: the list names the
 * themes, the passage is not about each of them.
 */
export const LISTED_FACTOR = 0.25;
/** A segment between two list separators at most this long is an item as a whole (longer ones are clauses). */
export const MAX_ITEM_CHARS = 16;
/** Outside such a segment, a hit is an item when it ends at most this many characters before a separator … */
export const ITEM_END_SLACK = 2;
/** … or starts at most this many characters after one ("、乡村党建": 党建 starts 2 after). */
export const ITEM_START_SLACK = 3;

/** Lexicon and neutral terms by first character, longest first, so matching tries only terms that can match. */
const TERMS_BY_FIRST_CHAR = new Map<string, { term: string; weight: number; theme: ThemeId | null }[]>();
for (const entry of [
  ...THEME_IDS.flatMap((theme) => THEME_LEXICON[theme].map(([term, weight]) => ({ term, weight, theme }))),
  ...NEUTRAL_TERMS.map((term) => ({ term, weight: 0, theme: null })),
]) {
  const first = entry.term[0]!;
  const list = TERMS_BY_FIRST_CHAR.get(first) ?? [];
  list.push(entry);
  TERMS_BY_FIRST_CHAR.set(first, list);
}
for (const list of TERMS_BY_FIRST_CHAR.values()) list.sort((a, b) => b.term.length - a.term.length);

const SHORT_NAMES = '产业|人才|文化|生态|组织';
const REQUIREMENTS = '产业兴旺|生态宜居|乡风文明|治理有效|生活富裕';
/**
 * Enumerations of all the themes at once ("产业、人才、文化、生态、组织“五个振兴”", "产业兴旺、生态宜居、乡风文明、
 * 治理有效、生活富裕") say nothing about any one of them; they are blanked before scoring.
 */
const ENUMERATIONS: readonly RegExp[] = [
  new RegExp(`(?:${SHORT_NAMES})(?:[、，,和与及]+(?:${SHORT_NAMES})){2,}(?:[“"]?(?:五个振兴|五位一体|振兴)[”"]?)?`, 'g'),
  new RegExp(`(?:${REQUIREMENTS})[^、，,。]{0,8}(?:[、，,]\\s*(?:${REQUIREMENTS})[^、，,。]{0,8}){2,}`, 'g'),
];

/** Blanks enumerations of all themes (see ENUMERATIONS) so they do not count for any. */
export function neutralizeEnumerations(text: string): string {
  return ENUMERATIONS.reduce((t, re) => t.replace(re, (m) => ' '.repeat(m.length)), text);
}

/** One lexicon hit. `weight` is the effective weight: LISTED_FACTOR × the lexicon weight when `listed`. */
export interface LexiconHit {
  term: string;
  theme: ThemeId;
  weight: number;
  /** Offset in the text. */
  index: number;
  /** An item of a list naming several themes (see LISTED_FACTOR). */
  listed: boolean;
}

/** A hit while matching: neutral terms (theme null) included, so separators inside them are not separators. */
interface RawHit {
  term: string;
  theme: ThemeId | null;
  weight: number;
  index: number;
  end: number;
  listed: boolean;
}

/** Clauses: a list never runs across clause punctuation. */
const CLAUSE = /[^，,。；;：:！!？?\n]+/g;
/** List separators: 、 always; 和/与/及 only directly between two hits ("组织振兴和人才振兴", not "和谐"). */
const CONJUNCTIONS = new Set(['和', '与', '及']);

/** Offsets of the list separators in text[start, end) that are not part of a hit (`covered` marks hit characters). */
function separatorsIn(text: string, start: number, end: number, covered: readonly boolean[]): number[] {
  const out: number[] = [];
  for (let j = start; j < end; j++) {
    const ch = text[j]!;
    if (covered[j]) continue;
    if (ch === '、') out.push(j);
    else if (CONJUNCTIONS.has(ch) && covered[j - 1] && covered[j + 1]) out.push(j);
  }
  return out;
}

/**
 * The hits that are items of a list: those in a short segment between two separators, and those right next to a
 * separator — so in "培育文明乡风、良好家风" the verb's 培育 is not an item, and in "…、改革助力x支人才服务队" the head
 * noun 人才 that the whole list qualifies is not either.
 */
function listItems(hits: readonly RawHit[], separators: readonly number[]): RawHit[] {
  return hits.filter((h) =>
    separators.some((s, k) => {
      const next = separators[k + 1];
      const inShortSegment = next !== undefined && next - s - 1 <= MAX_ITEM_CHARS && h.index > s && h.end <= next;
      const endsAtSeparator = h.end <= s && h.end >= s - ITEM_END_SLACK;
      const startsAtSeparator = h.index > s && h.index <= s + 1 + ITEM_START_SLACK;
      return inShortSegment || endsAtSeparator || startsAtSeparator;
    }),
  );
}

/** Marks the items of every list whose items name two or more themes with topical words (≥ SUPPORT_WEIGHT). */
function markListed(text: string, hits: readonly RawHit[]): void {
  if (!text.includes('、') && ![...CONJUNCTIONS].some((c) => text.includes(c))) return;
  const covered: boolean[] = new Array<boolean>(text.length).fill(false);
  for (const h of hits) covered.fill(true, h.index, h.end);
  for (const clause of text.matchAll(CLAUSE)) {
    const start = clause.index;
    const end = start + clause[0].length;
    const separators = separatorsIn(text, start, end, covered);
    if (separators.length === 0) continue;
    const items = listItems(
      hits.filter((h) => h.index >= start && h.end <= end),
      separators,
    );
    const themes = new Set(items.filter((h) => h.theme !== null && h.weight >= SUPPORT_WEIGHT).map((h) => h.theme));
    if (themes.size >= 2) for (const h of items) h.listed = true;
  }
}

/** Lexicon hits in a text: longest-first, non-overlapping, list items marked and discounted. */
export function lexiconHits(text: string): LexiconHit[] {
  const source = neutralizeEnumerations(text);
  const raw: RawHit[] = [];
  let i = 0;
  outer: while (i < source.length) {
    for (const t of TERMS_BY_FIRST_CHAR.get(source[i]!) ?? []) {
      if (source.startsWith(t.term, i)) {
        raw.push({ term: t.term, theme: t.theme, weight: t.weight, index: i, end: i + t.term.length, listed: false });
        i += t.term.length;
        continue outer;
      }
    }
    i++;
  }
  markListed(source, raw);
  return raw.flatMap((h) =>
    h.theme === null
      ? []
      : [{ term: h.term, theme: h.theme, weight: h.listed ? h.weight * LISTED_FACTOR : h.weight, index: h.index, listed: h.listed }],
  );
}

function zeroScores(): Record<ThemeId, number> {
  return { industry: 0, talent: 0, culture: 0, ecology: 0, organization: 0 };
}

/** See scoreThemes. */
function scoreHits(length: number, body: readonly LexiconHit[], headings: readonly string[]): Record<ThemeId, number> {
  const scores = zeroScores();
  const scale = Math.sqrt(200 / Math.max(length, 100));
  for (const hit of body) scores[hit.theme] += hit.weight * scale;
  for (const heading of headings) {
    for (const hit of lexiconHits(heading)) scores[hit.theme] += hit.weight * HEADING_FACTOR;
  }
  for (const id of THEME_IDS) scores[id] = Math.round(scores[id] * 100) / 100;
  return scores;
}

/** See themeEvidence. */
function evidenceOf(body: readonly LexiconHit[]): Record<ThemeId, boolean> {
  const strong = zeroScores();
  const topical = zeroScores();
  for (const hit of body) {
    if (hit.listed) continue;
    if (hit.weight >= STRONG_WEIGHT) strong[hit.theme]++;
    if (hit.weight >= SUPPORT_WEIGHT) topical[hit.theme]++;
  }
  const out = { industry: false, talent: false, culture: false, ecology: false, organization: false };
  for (const id of THEME_IDS) out[id] = strong[id] > 0 || topical[id] >= MIN_TOPICAL_HITS;
  return out;
}

/**
 * Scores a passage: body hits scaled to a 200-character passage (so long passages do not win by length alone),
 * plus heading hits × HEADING_FACTOR. Rounded to two decimals so scores print and compare stably.
 */
export function scoreThemes(text: string, headings: readonly string[] = []): Record<ThemeId, number> {
  return scoreHits(text.length, lexiconHits(text), headings);
}

/**
 * Whether the text itself (headings aside) gives evidence for each theme: one strong hit, or MIN_TOPICAL_HITS
 * topical ones, none of them a list item. A heading says what its section is about, but a passage under
 * "四、丰富实践活动,文明乡风不断加强" that only lists landfill sites is not about culture; one 生态 in
 * "生产、生态发展整体水平" does not make a passage about the urban–rural gap ecological.
 */
export function themeEvidence(text: string): Record<ThemeId, boolean> {
  return evidenceOf(lexiconHits(text));
}

/**
 * Theme ids passing both thresholds, strongest first (ties in THEME_IDS order). With `evidence` (from
 * `themeEvidence` of the text alone), a theme also needs evidence in the text.
 */
export function labelThemes(scores: Record<ThemeId, number>, evidence?: Record<ThemeId, boolean>): ThemeId[] {
  const max = Math.max(...THEME_IDS.map((id) => scores[id]));
  return THEME_IDS.filter(
    (id) =>
      scores[id] >= THEME_THRESHOLD &&
      scores[id] >= max * THEME_RELATIVE_THRESHOLD &&
      (evidence === undefined || evidence[id]),
  )
    .map((id, order) => ({ id, order, score: scores[id] }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((x) => x.id);
}

/** Scores and labels a passage: `{ scores, themes }` as a Passage carries them. */
export function themePassage(
  text: string,
  headings: readonly string[] = [],
): { themeScores: Record<ThemeId, number>; themes: ThemeId[] } {
  const body = lexiconHits(text);
  const themeScores = scoreHits(text.length, body, headings);
  return { themeScores, themes: labelThemes(themeScores, evidenceOf(body)) };
}

/**
 * The terms behind a passage's scores, for debugging and the notes: list items in parentheses ("(生态振兴)"),
 * heading terms in brackets ("[生态振兴]").
 */
export function explainThemes(text: string, headings: readonly string[] = []): Record<ThemeId, string[]> {
  const out: Record<ThemeId, string[]> = { industry: [], talent: [], culture: [], ecology: [], organization: [] };
  const show = (hit: LexiconHit) => (hit.listed ? `(${hit.term})` : hit.term);
  for (const hit of lexiconHits(text)) out[hit.theme].push(show(hit));
  for (const heading of headings) for (const hit of lexiconHits(heading)) out[hit.theme].push(`[${show(hit)}]`);
  return out;
}

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
 */
export const THEME_LEXICON: Readonly<Record<ThemeId, readonly LexiconEntry[]>> = {
  industry: [
    ['产业振兴', 5], ['产业兴旺', 4], ['产业发展', 2], ['产业项目', 2], ['扶贫产业', 2], ['特色产业', 2.5],
    ['产业链', 2], ['产业融合', 2], ['产业联盟', 2], ['产业规划', 2], ['产业格局', 2], ['富民产业', 2.5],
    ['产业', 1.5], ['集体经济', 2.5], ['村级经济', 2.5], ['经济收入', 1.5], ['合作社', 2], ['电商', 2],
    ['淘宝', 1.5], ['龙头企业', 2], ['乡村旅游', 2.5], ['文化旅游业', 2], ['农旅文', 1.5], ['种养业', 2],
    ['手工业', 1.5], ['利益联结', 2], ['经营主体', 2], ['企业', 0.8], ['投资', 1.5], ['招商', 1.5],
    ['增收', 1.2], ['致富', 0.8], ['分红', 1.5], ['产值', 1.5], ['亩产', 1.5], ['现代农业', 2],
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
    ['生态振兴', 5], ['生态宜居', 4], ['生态文明', 2.5], ['生态建设', 3], ['生态保护', 3], ['生态', 2],
    ['环境整治', 3], ['人居环境', 3], ['厕所革命', 3], ['厕所', 2], ['绿水青山', 3], ['垃圾', 2.5],
    ['绿色发展', 2.5], ['绿色', 1.5], ['造林', 2], ['绿化', 2], ['退牧还草', 2.5], ['天然林', 2.5],
    ['草原', 1.5], ['湿地', 2], ['环境保护', 3], ['美丽乡村', 2], ['环境', 1.2], ['低碳', 1.5],
    ['人与自然', 3], ['卫生', 1], ['污水', 2], ['规划', 0.6], ['乡村靓化', 2], ['美丽', 1], ['整治', 0.8],
  ],
  organization: [
    ['组织振兴', 5], ['治理有效', 4], ['基层组织建设', 3], ['基层组织', 2], ['组织体系', 2.5], ['组织设置', 2.5], ['组织力', 2],
    ['组织覆盖', 2.5], ['组织保障', 2], ['组织建设', 2], ['组织优势', 1.5], ['战斗堡垒', 2.5], ['堡垒', 1.5],
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
  '一片生态', '政治生态', '卫生服务', '卫生院', '卫生室', '医疗卫生', '文化程度',
];

/** Label threshold: a theme is labelled when its score reaches this … */
export const THEME_THRESHOLD = 3;
/** … and is at least this share of the passage's strongest theme (keeps one passing mention from counting). */
export const THEME_RELATIVE_THRESHOLD = 0.35;
/** Least body score (text without headings) a labelled theme needs: one clear term. */
export const MIN_BODY_SCORE = 1;
/** Heading terms weigh this many times a body term: a heading names what its whole section is about. */
export const HEADING_FACTOR = 2;

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

/** Lexicon hits in a text: longest-first, non-overlapping. */
export function lexiconHits(text: string): { term: string; theme: ThemeId; weight: number }[] {
  const source = neutralizeEnumerations(text);
  const hits: { term: string; theme: ThemeId; weight: number }[] = [];
  let i = 0;
  outer: while (i < source.length) {
    for (const t of TERMS_BY_FIRST_CHAR.get(source[i]!) ?? []) {
      if (source.startsWith(t.term, i)) {
        if (t.theme !== null) hits.push({ term: t.term, theme: t.theme, weight: t.weight });
        i += t.term.length;
        continue outer;
      }
    }
    i++;
  }
  return hits;
}

function zeroScores(): Record<ThemeId, number> {
  return { industry: 0, talent: 0, culture: 0, ecology: 0, organization: 0 };
}

/**
 * Scores a passage: body hits scaled to a 200-character passage (so long passages do not win by length alone),
 * plus heading hits × HEADING_FACTOR. Rounded to two decimals so scores print and compare stably.
 */
export function scoreThemes(text: string, headings: readonly string[] = []): Record<ThemeId, number> {
  const scores = zeroScores();
  const body = zeroScores();
  for (const hit of lexiconHits(text)) body[hit.theme] += hit.weight;
  const scale = Math.sqrt(200 / Math.max(text.length, 100));
  for (const id of THEME_IDS) scores[id] += body[id] * scale;
  for (const heading of headings) {
    for (const hit of lexiconHits(heading)) scores[hit.theme] += hit.weight * HEADING_FACTOR;
  }
  for (const id of THEME_IDS) scores[id] = Math.round(scores[id] * 100) / 100;
  return scores;
}

/**
 * Theme ids passing both thresholds, strongest first (ties in THEME_IDS order). With `body` (the scores of the text
 * alone), a theme also needs at least one body hit: a heading says what its section is about, but a passage under
 * "四、丰富实践活动,文明乡风不断加强" that only lists landfill sites is not about culture.
 */
export function labelThemes(scores: Record<ThemeId, number>, body?: Record<ThemeId, number>): ThemeId[] {
  const max = Math.max(...THEME_IDS.map((id) => scores[id]));
  return THEME_IDS.filter(
    (id) =>
      scores[id] >= THEME_THRESHOLD &&
      scores[id] >= max * THEME_RELATIVE_THRESHOLD &&
      (body === undefined || body[id] >= MIN_BODY_SCORE),
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
  const themeScores = scoreThemes(text, headings);
  return { themeScores, themes: labelThemes(themeScores, scoreThemes(text)) };
}

/** The terms behind a passage's scores, for debugging and the notes. */
export function explainThemes(text: string, headings: readonly string[] = []): Record<ThemeId, string[]> {
  const out: Record<ThemeId, string[]> = { industry: [], talent: [], culture: [], ecology: [], organization: [] };
  for (const hit of lexiconHits(text)) out[hit.theme].push(hit.term);
  for (const heading of headings) for (const hit of lexiconHits(heading)) out[hit.theme].push(`[${hit.term}]`);
  return out;
}

/**
 * The one place nodejieba is loaded. Its dictionary costs ~1.2 s and ~240 MB, so it is loaded lazily, once per
 * process, together with the domain user dictionary below. Everything else (index, query, digest keywords) goes
 * through these functions, so both sides of the search always segment the same way.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBoundedMemo } from './bounded-memo.js';

/**
 * Domain words jieba's stock dictionary splits apart (乡村振兴 → 乡村|振兴). Kept whole, they become index terms of
 * their own, and cutForSearch still emits their parts, so a search for 振兴 finds 乡村振兴 too.
 * The list lives in code rather than in a shipped file so `dist/` needs no copy step: it is written to a temp file
 * (named by its content hash) the first time jieba loads, because nodejieba.load takes a file path.
 */
export const DOMAIN_WORDS: readonly string[] = [
  // the strategy and its five parts
  '乡村振兴', '乡村振兴战略', '全面振兴', '产业振兴', '人才振兴', '文化振兴', '生态振兴', '组织振兴', '五个振兴',
  '产业兴旺', '生态宜居', '乡风文明', '治理有效', '生活富裕', '三农', '农业农村现代化', '共同富裕',
  // Party building
  '党建引领', '高质量党建', '基层党建', '党建联盟', '党建联建', '结对共建', '党组织', '村党组织', '基层党组织',
  '党支部', '党小组', '党员先锋', '先锋模范', '先锋模范作用', '战斗堡垒', '两委', '村两委', '两委班子',
  '头雁', '领头雁', '领雁', '领雁工程', '第一书记', '五级书记', '村党组织书记', '带头人', '致富带头人', '致富能手',
  '后浪党支部', '新农人', '乡贤', '乡贤回归', '选优配强', '评星定级', '三治融合', '网格化', '主题教育',
  '两个维护', '四个意识', '四个自信', '全面从严治党', '微腐败', '扫黑除恶',
  // economy and poverty
  '集体经济', '村级集体经济', '村集体经济', '消薄', '薄弱村', '强村富民', '利益联结', '利益联结机制', '龙头企业',
  '合作社', '专业合作社', '农村电商', '电商', '淘宝村', '乡村旅游', '村落景区', '带贫益贫', '脱贫攻坚',
  '精准扶贫', '精准施策', '易地扶贫搬迁', '返贫', '防返贫', '控辍保学', '建档立卡', '贫困户', '贫困人口',
  '三保障', '两不愁', '土地流转', '首席农技专家', '科技特派员', '乡村运营师',
  // environment and culture
  '人居环境', '人居环境整治', '厕所革命', '户用卫生厕所', '美丽乡村', '绿水青山', '金山银山', '退牧还草',
  '天然林保护', '移风易俗', '村规民约', '文明乡风', '新时代文明实践', '农家书屋', '非遗', '核心价值观',
  '民族团结', '民族团结进步', '模范区', '中华民族共同体意识',
  // policy verbs the stock dictionary lacks; without them jieba glues their second character to the next word
  // (织密组织网络 → 织|密组织, 筑牢党在农村 → 筑|牢党), which breaks both search terms and the digest's key terms
  '织密', '筑牢', '夯实', '压实', '建强', '做实', '擦亮', '抓实',
  // set phrases, slogans and names the stock dictionary cuts into pieces that make poor digest key terms
  // (治本之策 → 治本|之策, 小弱散 → 小弱|散, 测土配方 → 测土|配方, 高虹镇 → 如高虹|镇)
  '治本之策', '根本之策', '惠民之策', '不变之道', '小弱散', '测土配方', '八八战略', '一窗受理', '走村不漏户',
  '先诊疗后付费', '拆旧复垦', '三笔财富', '村强民富', '引领性', '十百千', '天目锋行', '高虹镇', '太湖源镇',
];

/** The parts of nodejieba this module uses (the package's own typings are incomplete: no DEFAULT_* paths). */
interface NodeJieba {
  load(options: { userDict?: string }): void;
  cut(sentence: string, hmm?: boolean): string[];
  cutForSearch(sentence: string, hmm?: boolean): string[];
  tag(sentence: string): { word: string; tag: string }[];
  extract(sentence: string, topN: number): { word: string; weight: number }[];
  DEFAULT_STOP_WORD_DICT: string;
}

interface Loaded {
  jieba: NodeJieba;
  /**
   * The native binding's own cut (the function nodejieba's `cut` wrapper calls after checking the dictionary is
   * loaded, through `apply(this, arguments)`): the same words, without the wrapper's call on every search.
   */
  native: Pick<NodeJieba, 'cut'>;
  stopWords: ReadonlySet<string>;
  loadMs: number;
}

let loaded: Loaded | undefined;

/** Writes the user dictionary once per content version; cppjieba splits dict paths on | and ;, so avoid those. */
function writeUserDict(words: readonly string[]): string {
  const body = `${words.join('\n')}\n`;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  let dir = tmpdir();
  if (/[|;]/.test(dir)) dir = '/tmp';
  const file = path.join(dir, `zhenxing-jieba-user-${hash}.utf8`);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, body, 'utf8');
    renameSync(partial, file);
  }
  return file;
}

function load(): Loaded {
  if (loaded) return loaded;
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const jieba = require('nodejieba') as NodeJieba;
  jieba.load({ userDict: writeUserDict(DOMAIN_WORDS) });
  // Warm up: nodejieba builds some tables on first cut.
  jieba.cut('乡村振兴', true);
  const stopWords = new Set(
    readFileSync(jieba.DEFAULT_STOP_WORD_DICT, 'utf8')
      .split('\n')
      .map((w) => w.trim())
      .filter((w) => w.length > 0),
  );
  // The binding nodejieba's index.js requires (build/Release/nodejieba.node beside it): the same module object from
  // the require cache, its dictionary loaded by jieba.load above.
  const native = require(path.join(path.dirname(require.resolve('nodejieba')), 'build/Release/nodejieba.node')) as Pick<NodeJieba, 'cut'>;
  loaded = { jieba, native, stopWords, loadMs: performance.now() - started };
  return loaded;
}

/** Loads nodejieba and the user dictionary now (otherwise on first use). Returns the load time in ms. */
export function loadJieba(): number {
  return load().loadMs;
}

/** True once the dictionary has been loaded in this process. */
export function isJiebaLoaded(): boolean {
  return loaded !== undefined;
}

/** Milliseconds the dictionary load took, or undefined if it has not happened. */
export function jiebaLoadMs(): number | undefined {
  return loaded?.loadMs;
}

/** Precise segmentation, HMM on so unknown words (names, new coinages) come out whole. */
export function cut(text: string): string[] {
  return load().jieba.cut(text, true);
}

/** Search segmentation: the precise words plus the dictionary words inside long ones (第一书记 → 第一, 书记, 第一书记). */
export function cutForSearch(text: string): string[] {
  return load().jieba.cutForSearch(text, true);
}

/**
 * Precise segmentation (the same words as {@link cut}) with each word's part-of-speech tag from jieba's dictionary:
 * n… nouns and names, v verbs, a adjectives, d adverbs, m numbers, eng Latin words, x words the dictionary lacks
 * (HMM-found words and the domain words, which carry no tag).
 */
export function tag(text: string): { word: string; tag: string }[] {
  const { jieba, native } = load();
  // nodejieba's tag is its precise cut (HMM on) with each word's tag looked up by the word alone (cppjieba
  // PosTagger: the dictionary's tag, else x, m or eng by its characters); making one object per word costs it as much
  // again as the cut. So: the cut, and each word's tag as the tagger gave it before; the tagger only for a new word.
  const words = native.cut(text, true);
  const out: { word: string; tag: string }[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const known = wordTags.get(word);
    if (known === undefined) return tagAndKeep(jieba, text);
    out[i] = { word, tag: known };
  }
  return out;
}

// Each word's part-of-speech tag, as jieba's tagger gave it: it depends on the word and the dictionary alone.
const wordTags = createBoundedMemo<string, string>(20_000);

function tagAndKeep(jieba: NodeJieba, text: string): { word: string; tag: string }[] {
  const tagged = jieba.tag(text);
  for (const { word, tag: t } of tagged) if (wordTags.get(word) === undefined) wordTags.set(word, t);
  return tagged;
}

/** jieba's stock stop-word list (function words, punctuation). */
export function isStopWord(word: string): boolean {
  return load().stopWords.has(word);
}

/** TF-IDF keywords of a text, strongest first (nodejieba.extract). Used by the daily digest. */
export function extractKeywords(text: string, topN: number): { word: string; weight: number }[] {
  const n = Math.max(0, Math.floor(topN));
  if (n === 0 || text.length === 0) return [];
  return load().jieba.extract(text, n);
}

/**
 * A word's inverse document frequency in jieba's general corpus (its keyword extractor's idf table), or undefined when
 * the table lacks it as one word (jieba would cut it, or it has one character): how telling the word is in Chinese at
 * large, whatever the library holds.
 */
export function generalIdf(word: string): number | undefined {
  if (Array.from(word).length < 2) return undefined;
  const got = load().jieba.extract(word, 1)[0];
  return got !== undefined && got.word === word ? got.weight : undefined;
}

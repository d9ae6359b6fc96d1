import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cut, cutForSearch, DOMAIN_WORDS, extractKeywords, tag } from '../../src/search/jieba.js';
import { getSharedCorpus } from '../helpers/shared-index.js';

describe('jieba with the domain dictionary', () => {
  it('keeps domain terms whole', () => {
    for (const word of ['乡村振兴', '党建引领', '两委', '头雁', '第一书记', '集体经济', '人居环境', '易地扶贫搬迁', '厕所革命']) {
      expect(cut(`推进${word}工作`), word).toContain(word);
    }
  });

  it('cuts for search into the whole word and the dictionary words inside it', () => {
    const words = cutForSearch('深化第一书记选派帮扶制度');
    expect(words).toEqual(expect.arrayContaining(['第一书记', '第一', '书记']));
  });

  it('finds unknown words with HMM on', () => {
    // 富不富 is in no dictionary; with HMM it comes out as one word rather than single characters.
    expect(cut('农民富不富，关键看支部')).toContain('富不富');
  });

  it('lists no duplicate or blank domain words', () => {
    expect(new Set(DOMAIN_WORDS).size).toBe(DOMAIN_WORDS.length);
    for (const w of DOMAIN_WORDS) expect(w).toMatch(/^\S+$/);
  });

  it('extracts TF-IDF keywords, strongest first', () => {
    const keywords = extractKeywords('乡村人才振兴，外引人才是助力，本土人才是核心，“领头雁”队伍是关键。', 4);
    expect(keywords).toHaveLength(4);
    // 人才振兴 and 领头雁 come from the domain dictionary: without it they would be cut into pieces.
    expect(keywords.map((k) => k.word)).toEqual(expect.arrayContaining(['人才', '领头雁', '人才振兴']));
    const weights = keywords.map((k) => k.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(extractKeywords('', 5)).toEqual([]);
    expect(extractKeywords('人才', 0)).toEqual([]);
  });

  it('cuts policy verbs whole, so key terms are words and not pieces glued across a boundary', () => {
    expect(cut('织密组织网络').join('|')).toBe('织密|组织|网络');
    expect(cut('筑牢党在农村的组织体系').slice(0, 3).join('|')).toBe('筑牢|党|在');
    const text =
      '二是优化设置方式。聚焦筑牢党在农村的组织体系根基,不断强化组织覆盖、织密组织网络、完善组织机制。依托农村网格建立党支部或党小组,加大党组织组建力度。';
    const words = extractKeywords(text, 8).map((k) => k.word);
    expect(words.length).toBeGreaterThan(3);
    expect(words).not.toContain('密组织');
    expect(words).not.toContain('牢党');
  });

  it('keeps set phrases whole, so digest key terms are not their pieces (之策, 小弱, 测土)', () => {
    expect(cut('建强村党支部是摆脱贫困的治本之策').slice(-2).join('|')).toBe('的|治本之策');
    expect(cut('农村基层党建存在小弱散的困境').join('|')).toBe('农村|基层党建|存在|小弱散|的|困境');
    expect(cut('落实测土配方示范面积').join('|')).toBe('落实|测土配方|示范|面积');
    // Sentences from the seeds whose key terms were 之策, 小弱 and 测土 before these words were added.
    const texts = [
      '文章指出,建强村党支部战斗堡垒,留下一笔“政治财富”。建强村党支部是摆脱贫困的治本之策。',
      '农村基层党建存在小弱散的困境,党建资源也相对有限。这就需要秉持开放式党建理念,扩大城乡党建联建共建的载体和覆盖范围。',
      '实施化肥农药减量增效工程项目4个,落实测土配方示范面积28万亩。',
    ];
    const words = texts.flatMap((t) => extractKeywords(t, 6).map((k) => k.word));
    for (const piece of ['之策', '小弱', '测土', '配方']) expect(words).not.toContain(piece);
    expect(words).toEqual(expect.arrayContaining(['治本之策', '小弱散', '测土配方']));
  });

  it('cuts each set phrase, slogan and place name added for the digest as one word', () => {
    const added = ['治本之策', '根本之策', '惠民之策', '不变之道', '小弱散', '测土配方', '八八战略', '一窗受理', '走村不漏户',
      '先诊疗后付费', '拆旧复垦', '三笔财富', '村强民富', '引领性', '十百千', '天目锋行', '高虹镇', '太湖源镇'];
    for (const w of added) {
      expect(DOMAIN_WORDS, w).toContain(w);
      expect(cut(w), w).toEqual([w]);
    }
  });

  it("tags every word as nodejieba's own tagger does, whether its tag was kept from an earlier text or not", () => {
    const tagger = (createRequire(import.meta.url)('nodejieba') as { tag(text: string): { word: string; tag: string }[] }).tag;
    // The seeds' sentences and the tuning queries (words the kept tags have seen, and words they have not), and
    // texts made to hold words no dictionary has, digits, Latin letters and punctuation.
    const sentences = getSharedCorpus().passages.flatMap((p) => p.text.split(/(?<=[。；！？])/u));
    const tuning = ['eval-queries.json', 'eval-chat.json'].flatMap(
      (f) => (JSON.parse(readFileSync(new URL(`../fixtures/${f}`, import.meta.url), 'utf8')) as { queries: { query: string }[] }).queries.map((q) => q.query),
    );
    const made = ['富不富靠支部', '2023年xx村的ppt', 'Party building 党建引领', '兴村强县qwzx', '，。！', ' ', ''];
    const texts = [...made, ...tuning, ...sentences, ...tuning.map((q) => `${q}吗`), ...made];
    expect(texts.length).toBeGreaterThan(1000);
    for (const text of texts) expect(tag(text), text).toEqual(tagger(text));
  });
});

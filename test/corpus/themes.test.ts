import { beforeAll, describe, expect, it } from 'vitest';
import { THEME_IDS, loadCorpus, type Corpus, type Passage, type ThemeId } from '../../src/corpus/index.js';
import {
  LISTED_FACTOR,
  THEME_LEXICON,
  THEME_THRESHOLD,
  explainThemes,
  labelThemes,
  lexiconHits,
  neutralizeEnumerations,
  scoreThemes,
  themeEvidence,
  themePassage,
} from '../../src/corpus/themes.js';

/**
 * Passages a reader agrees belong to each theme, judged by hand from the text (not from the lexicon), named by a
 * distinctive piece of their text so the list survives id changes. Each must be labelled with its theme.
 */
const AGREED: Record<ThemeId, readonly string[]> = {
  industry: [
    '实现产业集聚、企业集群', // 000-001 产业规划 and clusters
    '订单收购+分红', // 000-002 industry alliances and profit sharing
    '用工规模越来越小', // 000-003 farmers' share of industry gains
    '淘宝网店', // 001-006 Taobao villages
    '引领产业“强”起来', // 002-017 村党组织 plans industry
    '强村九法', // 002-022 collective economy
    '推进农业产业化进程', // 002-034 村级经济, 特色经济
    '以青稞、牦牛为主的种养业', // 003-004 poverty-relief industries
    '让失能和弱能贫困户得到分红', // 003-020 industry projects and dividends
    '大力推动农村产业发展,留下一笔“物质财富”', // 003-028
  ],
  talent: [
    '外引人才是助力', // 000-004
    '能干事能创业的“头雁”队伍', // 000-005
    '首席农技专家制度', // 001-013 expert service teams
    '“第一书记”一线帮扶', // 001-014
    '科技特派员', // 001-016
    '打造书记领雁工程', // 002-014
    '村干部跟班岗位实训', // 002-015
    '乡贤回归工程', // 002-016
    '专科以下(不含专科)学历', // 002-030 cadres' education
    '派用场的喊不动', // 002-031 ageing Party members
  ],
  culture: [
    '精神文明是乡风内核', // 000-006
    '留住文化乡愁', // 000-008
    '立家训、传家风', // 001-010
    '引领乡风“淳”起来', // 002-019 移风易俗, 村规民约
    '社会公德、职业道德、家庭美德、个人品德', // 002-038
    '“五有五好”文明村镇', // 003-013
    '善行义举榜', // 003-014
    '茶馆书屋、公园书屋', // 003-015
    '红色文艺轻骑兵', // 003-016
    '非遗扶贫就业工坊', // 003-017
  ],
  // Ecology is the thin one: the corpus has these eight and no more (a test below holds ecology labels to them).
  ecology: [
    '居住环境整治', // 000-009 厕所革命, 人居环境
    '规划折腾是最大的忌讳', // 000-010 绿水青山, 绿色发展
    '千村示范、万村整治', // 002-019 the rural environment programme, 低碳, 生态文化 (its second theme, after culture)
    '落实生态责任', // 002-035
    '人与自然和谐共生', // 002-036
    '退牧还草', // 003-006 ecological compensation
    '户用卫生厕所改建', // 003-018
    '县级垃圾填埋场4个', // 003-019 landfills, afforestation
  ],
  organization: [
    '打造党建联盟促改革', // 001-002
    '“最强支部”创建行动', // 002-010
    '依托农村网格建立党支部', // 002-011
    '空壳支部', // 002-012 rectifying weak branches
    '村部建设三年行动计划', // 002-013
    '党员联户e矩阵', // 002-018 grid governance
    '开展扫黑除恶专项斗争', // 002-023
    '推动党的组织有效嵌入各类社会基层组织', // 002-039
    '跨区域联建', // 002-040
    '建强村党支部是摆脱贫困的治本之策', // 003-027
    '结对共建+毗邻党建', // 004-001
  ],
};

/** Labels a reviewer disputed: the passage is not about the theme, which it only names in passing or in a list. */
const DISPUTED: readonly { text: string; theme: ThemeId; why: string }[] = [
  { text: '中国要强,农业必须强', theme: 'ecology', why: '002-003: the urban–rural gap; only "生产、生态发展整体水平"' },
  { text: '改革助力x支人才服务队', theme: 'culture', why: '001-013: 乡风文明 is the name of one service team in a list' },
  { text: 'C、D级危房', theme: 'industry', why: '003-012: unsafe housing and relocation; 配套产业项目 is a side mention' },
  { text: '助力产业振兴、生态振兴', theme: 'ecology', why: '003-028: an industry passage naming 生态振兴 once in a list' },
];

describe('theme labels over the real corpus', () => {
  let corpus: Corpus;
  beforeAll(() => {
    corpus = loadCorpus();
  });

  /** The one passage whose text contains `text` (a hand-picked piece must name exactly one passage). */
  const passageWith = (text: string): Passage => {
    const found = corpus.passages.filter((p) => p.text.includes(text));
    expect(found.map((p) => p.id), text).toHaveLength(1);
    return found[0]!;
  };

  it.each(THEME_IDS.map((id) => [id]))('labels the passages a reader agrees are %s with it (at least 8)', (id) => {
    expect(AGREED[id].length).toBeGreaterThanOrEqual(8);
    const passages = AGREED[id].map(passageWith);
    expect(new Set(passages.map((p) => p.id)).size, `${id}: two pieces name one passage`).toBe(passages.length);
    const missing = passages.filter((p) => !p.themes.includes(id)).map((p) => `${p.id} [${p.themes.join(',')}]`);
    expect(missing, `${id}: agreed passages without the label`).toEqual([]);
  });

  it.each(DISPUTED.map((d) => [d.theme, d.why, d]))('does not label as %s: %s', (_theme, _why, d) => {
    const p = passageWith(d.text);
    expect(p.themes, p.id).not.toContain(d.theme);
  });

  it('labels ecology nowhere but the passages judged by hand', () => {
    // Ecology has too little text for a loose rule to hide among: every ecology label is one a reader agrees with.
    const agreed = AGREED.ecology.map((t) => passageWith(t).id).sort();
    const labelled = corpus.passages.filter((p) => p.themes.includes('ecology')).map((p) => p.id);
    expect(labelled).toEqual(agreed);
  });

  it('labels every passage of a section whose heading names the theme with that theme first', () => {
    const sections: [string, ThemeId][] = [
      ['2、以高质量党建引领产业振兴', 'industry'],
      ['3、高质量党建引领人才振兴', 'talent'],
      ['4、高质量党建引领文化振兴', 'culture'],
      ['5、高质量党建引领生态振兴', 'ecology'],
      ['6、高质量党建引领组织振兴', 'organization'],
      ['提升基层党组织“发展推动力”,推动实现“产业兴旺”', 'industry'],
      ['提升基层党组织“群众动员力”,推动实现“生态宜居”', 'ecology'],
      ['提升基层党组织“思想引领力”,推动实现“乡风文明”', 'culture'],
      ['提升基层党组织“组织覆盖力”,推动实现“治理有效”', 'organization'],
    ];
    for (const [section, theme] of sections) {
      const passages = corpus.passages.filter((p) => p.section === section);
      expect(passages.length, section).toBeGreaterThan(0);
      for (const p of passages) expect(p.themes[0], `${p.id} ${section}`).toBe(theme);
    }
  });

  it('does not make organization of every passage that mentions 党建 or 党组织', () => {
    const mentioning = corpus.passages.filter((p) => /党建|党组织/.test(p.text));
    const organization = mentioning.filter((p) => p.themes.includes('organization'));
    expect(mentioning.length).toBeGreaterThan(60);
    expect(organization.length / mentioning.length).toBeLessThan(0.6);
  });

  it('lists themes strongest first, each passing the threshold', () => {
    for (const p of corpus.passages) {
      const scores = p.themes.map((t) => p.themeScores[t]);
      expect(scores, p.id).toEqual([...scores].sort((a, b) => b - a));
      for (const s of scores) expect(s).toBeGreaterThanOrEqual(3);
    }
  });

  it('does not label landfill and toilets as culture because of the section heading above them', () => {
    const landfill = corpus.passages.find((p) => p.text.includes('垃圾填埋场'))!;
    expect(landfill.section).toBe('四、丰富实践活动,文明乡风不断加强');
    expect(landfill.themes).toEqual(['ecology']);
  });
});

describe('the lexicon', () => {
  it('maps the 二十字总要求 to their themes', () => {
    const themeOf = (term: string) => THEME_IDS.find((id) => THEME_LEXICON[id].some(([t]) => t === term));
    expect(themeOf('产业兴旺')).toBe('industry');
    expect(themeOf('乡风文明')).toBe('culture');
    expect(themeOf('生态宜居')).toBe('ecology');
    expect(themeOf('治理有效')).toBe('organization');
    expect(themeOf('头雁')).toBe('talent');
  });

  it('weighs 党建 and 党组织 low', () => {
    const weight = (term: string) => THEME_LEXICON.organization.find(([t]) => t === term)![1];
    expect(weight('党建')).toBeLessThan(0.5);
    expect(weight('党组织')).toBeLessThan(1);
    expect(labelThemes(scoreThemes('要把基层党建同推进乡村振兴战略深度融合,以高质量党建引领高质量发展。'))).toEqual([]);
  });

  it('matches longest first: 产业兴旺 counts once, not also as 产业', () => {
    expect(lexiconHits('推动实现“产业兴旺”').map((h) => h.term)).toEqual(['产业兴旺']);
  });

  it('ignores phrases that only look like a theme', () => {
    expect(lexiconHits('“一片生态”夯实乡村基层磐石').filter((h) => h.theme === 'ecology')).toEqual([]);
    expect(lexiconHits('乡镇卫生院53个,村卫生室192个')).toEqual([]);
  });

  it('treats an enumeration of all five themes as saying nothing about any', () => {
    const text = '乡村振兴是产业、人才、文化、生态、组织五位一体的全面振兴。';
    expect(neutralizeEnumerations(text)).toHaveLength(text.length);
    expect(scoreThemes(text)).toEqual({ industry: 0, talent: 0, culture: 0, ecology: 0, organization: 0 });
    expect(scoreThemes('引领推进产业兴旺“高效益”、生态宜居“高颜值”、乡风文明“高素质”、治理有效“高水准”')).toEqual({
      industry: 0,
      talent: 0,
      culture: 0,
      ecology: 0,
      organization: 0,
    });
  });

  it('counts theme words little where a list names several themes', () => {
    const hits = lexiconHits('组建产业发展、乡村建设、乡风文明、乡村治理、强村富民、改革助力x支人才服务队,提供“点单”服务。');
    expect(hits.map((h) => [h.term, h.listed])).toEqual([
      ['产业发展', true],
      ['乡风文明', true],
      ['乡村治理', true],
      ['强村富民', true],
      ['人才', false], // the head noun the list qualifies, not an item
    ]);
    expect(hits.find((h) => h.term === '乡风文明')!.weight).toBe(4 * LISTED_FACTOR);
    // Two names joined by 、 or 和 are a list too.
    expect(lexiconHits('助力产业振兴、生态振兴').map((h) => h.listed)).toEqual([true, true]);
    expect(lexiconHits('助力组织振兴和人才振兴').map((h) => h.listed)).toEqual([true, true]);
    // A listed name is no evidence: what is left of ecology is one 绿色.
    const industryText = '必须大力发展绿色可持续的产业项目,不断增强贫困村自我“造血”功能,助力产业振兴、生态振兴。';
    expect(themeEvidence(industryText).ecology).toBe(false);
    expect(themePassage(industryText).themes).toEqual(['industry']);
  });

  it('keeps full weight for a list of one theme’s words and for the words a list hangs on', () => {
    const industries = lexiconHits('发展以青稞、牦牛为主的种养业、文化旅游业、民族手工业、商贸流通业和资源开发利用等扶贫产业');
    expect(industries.map((h) => [h.term, h.listed])).toEqual([
      ['种养业', false],
      ['文化旅游业', false],
      ['手工业', false],
      ['扶贫产业', false],
    ]);
    // 培育 governs the list; its items are all culture, so nothing is discounted.
    expect(lexiconHits('培育文明乡风、良好家风、淳朴民风').every((h) => !h.listed)).toBe(true);
  });

  it('does not label a theme from one weak hit', () => {
    const gap =
      '新形势下,农村基础设施、产品供给、公共服务、生活环境等与城市的差距较大,农村民生领域欠账较多,生产、生态发展整体水平亟待提升。';
    expect(explainThemes(gap).ecology).toEqual(['环境', '生态']);
    expect(themeEvidence(gap).ecology).toBe(false);
    expect(themePassage(gap).themes).toEqual([]);
    const housing =
      '对筛查出的现有住房为C、D级危房,出现一户改造一户。建成易地扶贫搬迁安置点39个,配套产业项目72个,辐射带动2.3万名贫困群众增收。';
    expect(themePassage(housing).themeScores.industry).toBeGreaterThanOrEqual(THEME_THRESHOLD);
    expect(themePassage(housing).themes).toEqual([]);
    // Two topical hits, or one strong one, are evidence.
    expect(themeEvidence('发展特色产业,壮大产业链').industry).toBe(true);
    expect(themeEvidence('大力推进“厕所革命”').ecology).toBe(true);
  });

  it('lets a heading naming a revitalization make its theme strong', () => {
    const { themes, themeScores } = themePassage('要完善人才引入机制,吸引外部人才返乡参与乡村振兴建设。', [
      '3、高质量党建引领人才振兴',
    ]);
    expect(themes).toEqual(['talent']);
    expect(themeScores.talent).toBeGreaterThan(10);
  });

  it('explains a score by its terms, headings in brackets', () => {
    expect(explainThemes('大力推进“厕所革命”', ['5、高质量党建引领生态振兴']).ecology).toEqual(['厕所革命', '[生态振兴]']);
    expect(explainThemes('助力产业振兴、生态振兴').ecology).toEqual(['(生态振兴)']);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { THEME_IDS, loadCorpus, type Corpus, type ThemeId } from '../../src/corpus/index.js';
import {
  THEME_LEXICON,
  explainThemes,
  labelThemes,
  lexiconHits,
  neutralizeEnumerations,
  scoreThemes,
  themePassage,
} from '../../src/corpus/themes.js';

/** Words a reader would take as an obvious sign of each theme (independent of the lexicon's weights). */
const MARKERS: Record<ThemeId, RegExp> = {
  industry: /产业|集体经济|合作社|电商|龙头企业|乡村旅游|村级经济|种养业|致富/,
  talent: /人才|头雁|领雁|第一书记|返乡|乡贤|专家|骨干队伍|带头人|科技特派员|学历|老龄化|老化/,
  culture: /文化|文明|乡风|家风|民风|移风易俗|核心价值观|非遗|道德|书屋|文艺/,
  ecology: /生态|人居环境|环境整治|环境保护|厕所|垃圾|绿水青山|绿色|造林|绿化/,
  organization: /党组织|党支部|支部|基层组织|组织体系|组织振兴|治理|两委|网格|堡垒/,
};

describe('theme labels over the real corpus', () => {
  let corpus: Corpus;
  beforeAll(() => {
    corpus = loadCorpus();
  });

  it.each(THEME_IDS.map((id) => [id]))('%s has at least 8 passages with an obvious marker of the theme', (id) => {
    const labelled = corpus.passages.filter((p) => p.themes.includes(id));
    const withMarker = labelled.filter((p) => MARKERS[id].test(p.text));
    expect(
      withMarker.length,
      `${id}: ${labelled.map((p) => `${p.id}${MARKERS[id].test(p.text) ? '' : '(no marker)'}`).join(' ')}`,
    ).toBeGreaterThanOrEqual(8);
    // And labels are rarely without any marker: a passage labelled by accident would show here.
    expect(withMarker.length / labelled.length).toBeGreaterThanOrEqual(0.9);
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

  it('lets a heading naming a revitalization make its theme strong', () => {
    const { themes, themeScores } = themePassage('要完善人才引入机制,吸引外部人才返乡参与乡村振兴建设。', [
      '3、高质量党建引领人才振兴',
    ]);
    expect(themes).toEqual(['talent']);
    expect(themeScores.talent).toBeGreaterThan(10);
  });

  it('explains a score by its terms, headings in brackets', () => {
    expect(explainThemes('大力推进“厕所革命”', ['5、高质量党建引领生态振兴']).ecology).toEqual(['厕所革命', '[生态振兴]']);
  });
});

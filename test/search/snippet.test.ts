import { describe, expect, it } from 'vitest';
import { buildSnippet, isPlainText, splitSentences, type HighlightTerm } from '../../src/search/snippet.js';

// Literal passages from seeds/000 and seeds/003.
const TALENT =
  '乡村人才振兴，外引人才是助力，本土人才是核心，“领头雁”队伍是关键。边疆民族地区的党组织在引领乡村人才振兴时：\n' +
  '一要注重吸引外来人才。要完善人才引入机制，从招考倾斜、政策优惠、配套福利等方面吸引外部人才返乡参与乡村振兴建设，' +
  '营造“尊重劳动、尊重知识、尊重人才、尊重创造”的社会氛围，吸引专业技术人才到乡村大展手脚。';
// One sentence of about 330 characters (seeds/002).
const LONG =
  '提出了党建引领乡村振兴的“xx十条”,即扛起勇作示范的红船圣地担当、构建一核多元的党建运行体系、优化全面覆盖的基层组织设置、' +
  '打造标准规范的基层支部堡垒、锻造担当有为的基层骨干队伍、建设“四个合格”的农村党员队伍、集聚振兴乡村的急需紧缺人才、' +
  '深化高质生态的强村富民工程、实施共享共用的阵地建设计划、构建全民参与的乡村振兴格局,切实加强农村基层党组织对乡村振兴的全面领导,' +
  '积极破解“领什么、怎么领、谁能领”三大难题,推动基层党建与乡村振兴的深度融合,推动全面从严治党向基层延伸,巩固党在农村的执政基础,' +
  '打造出一条以“党建强、乡村美、产业兴、治理好、群众富”为目标的党建引领乡村振兴的“xx之路”。';

const term = (text: string, weight = 3, group = 0): HighlightTerm => ({ text, weight, group });
const length = (s: string): number => Array.from(s).length;
const plain = (segments: { text: string }[]): string => segments.map((s) => s.text).join('');

describe('splitSentences', () => {
  it('splits at sentence ends and line breaks, keeping closing quotes with their sentence', () => {
    const spans = splitSentences('他说：“要强。”然后走了！\n第二段');
    expect(spans.map(([s, e]) => '他说：“要强。”然后走了！\n第二段'.slice(s, e))).toEqual(['他说：“要强。”', '然后走了！', '第二段']);
  });
});

describe('buildSnippet', () => {
  it('marks every occurrence of the matched words with ** and gives the same text as segments', () => {
    const { snippet, segments } = buildSnippet(TALENT, [term('返乡')]);
    expect(snippet).toContain('**返乡**');
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['返乡']);
    expect(snippet.replace(/\*\*/g, '')).toBe(plain(segments));
  });

  it('picks the sentence that matches best, not the first one', () => {
    const { snippet } = buildSnippet(TALENT, [term('招考倾斜'), term('配套福利', 3, 1)]);
    expect(snippet).toContain('**招考倾斜**');
    expect(snippet).toContain('**配套福利**');
    expect(snippet.startsWith('乡村人才振兴')).toBe(false);
  });

  it('stays between about 80 and 160 characters, adding neighbouring sentences to a short one', () => {
    const { segments } = buildSnippet(TALENT, [term('领头雁')]);
    const text = plain(segments);
    expect(length(text)).toBeGreaterThanOrEqual(80);
    expect(length(text)).toBeLessThanOrEqual(160);
    expect(text).toContain('领头雁');
  });

  it('cuts a sentence longer than 160 characters around the matches and marks the cut with …', () => {
    const { snippet, segments } = buildSnippet(LONG, [term('强村富民工程')]);
    const text = plain(segments);
    expect(length(text)).toBeLessThanOrEqual(160);
    expect(length(text)).toBeGreaterThanOrEqual(80);
    expect(text).toMatch(/…/);
    expect(snippet).toContain('**强村富民工程**');
    expect(text.startsWith('…')).toBe(true);
  });

  it('marks the original characters when the query was normalised (full-width digits in the text)', () => {
    const display = '实现１户１人以上就业，人均月工资３０００元以上。';
    const { snippet } = buildSnippet(display, [term('3000')]);
    expect(snippet).toContain('**３０００**');
  });

  it('shows whitespace runs inside a passage as one space', () => {
    const { segments } = buildSnippet(TALENT, [term('引领')]);
    expect(plain(segments)).not.toMatch(/\n|\s{2,}/);
  });

  it('counts characters as shown: a passage with a whitespace run or a character outside the BMP is not plain text', () => {
    expect(isPlainText(LONG)).toBe(true);
    expect(isPlainText('一行\n二行')).toBe(true);
    expect(isPlainText('一行\n\n二行')).toBe(false);
    expect(isPlainText('𠀀字')).toBe(false);
    // A plain passage's snippet is the same whether its characters are counted one by one or by its length.
    for (const [display, terms] of [[TALENT, [term('引领')]], [LONG, [term('人才'), term('乡村振兴', 3, 1)]]] as const) {
      expect(buildSnippet(display, terms, {}, undefined, undefined, undefined, true)).toEqual(
        buildSnippet(display, terms, {}, undefined, undefined, undefined, false),
      );
    }
  });

  it('skips only the terms mayHold rules out: a filter that is never wrong about absence changes nothing', () => {
    const terms = [term('人才'), term('乡村振兴', 3, 1), term('扶贫', 3, 2), term('领头雁', 10, 3)];
    const all = buildSnippet(TALENT, terms);
    // The terms the passage lacks (扶贫) ruled out, as the engine's Bloom filter of character pairs rules them out.
    expect(buildSnippet(TALENT, terms, {}, undefined, undefined, undefined, undefined, (t) => TALENT.includes(t))).toEqual(all);
    // A term ruled out is not looked for.
    const without = buildSnippet(TALENT, terms, {}, undefined, undefined, undefined, undefined, (t) => t !== '领头雁');
    expect(without.segments.filter((s) => s.match).map((s) => s.text)).not.toContain('领头雁');
    expect(all.segments.filter((s) => s.match).map((s) => s.text)).toContain('领头雁');
  });

  it('gives the same snippet when told the passage holds no whitespace (spaceless) as when it looks for itself', () => {
    for (const terms of [[term('人才'), term('乡村振兴', 3, 1)], [term('强村富民工程')], []]) {
      expect(buildSnippet(LONG, terms, {}, undefined, undefined, undefined, undefined, undefined, true)).toEqual(buildSnippet(LONG, terms));
    }
    // A passage with a line break shows it as a space whatever the caller knows of the rest.
    expect(buildSnippet('第一段。\n第二段有人才。', [term('人才')]).snippet).toBe('第一段。 第二段有**人才**。');
  });

  it('without matches, shows the opening of the passage', () => {
    const { snippet, segments } = buildSnippet(TALENT, []);
    expect(snippet.startsWith('乡村人才振兴')).toBe(true);
    expect(segments.every((s) => !s.match)).toBe(true);
  });

  it('prefers the longer of two overlapping matches', () => {
    const { segments } = buildSnippet(TALENT, [term('人才'), term('人才振兴', 3, 1)]);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toContain('人才振兴');
  });
});

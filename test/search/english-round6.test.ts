/**
 * English, round 6 of issue 9 (docs/search.md, English, round 6): English numbers and ordinals as the texts write
 * them, with the measure word CC-CEDICT glosses with the noun after them, and Chinese place names typed in pinyin
 * before the English for their kind. The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { numbersAsChinese } from '../../src/search/english.js';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const top = (q: string, k = 3): string[] => engine.search(q, { limit: k }).results.map((r) => r.id);
const marked = (q: string): string[] => engine.search(q, { limit: 1 }).results[0]?.segments.filter((s) => s.match).map((s) => s.text) ?? [];

describe('English numbers and ordinals as the texts write them', () => {
  it.each([
    ['3rd batch of national civilized cities', '003-015', '第三批'],
    ['the third batch of civilized cities', '003-015', '第三批'],
    ['eight types of jobs', '003-006', '八类'],
    ['33 kinds of diseases', '003-007', '33种'],
  ])('%s: a number, the measure word glossed with its noun, a full answer (%s, %s marked)', (q, id, shown) => {
    const r = engine.search(q, { limit: 3 });
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe(id);
    expect(marked(q).join('')).toContain(shown);
  });

  it('four kinds of people: 四种 of 四种人 first, though people (人民) is not the texts’ 人', () => {
    expect(top('four kinds of people', 1)).toEqual(['001-011']);
    expect(marked('four kinds of people').join('')).toContain('四种');
  });

  it('an ordinal whose noun takes no measure word stands alone: the 19th congress is 党的十九大', () => {
    expect(top('19th party congress rural revitalization strategy', 1)).toEqual(['001-000']);
    expect(marked('19th party congress rural revitalization strategy')).toContain('十九');
  });

  it('a year counted: three-year action is 三年行动, in the three texts that plan one', () => {
    expect(top('three-year action', 3).sort()).toEqual(['001-004', '002-013', '003-018']);
  });

  it('the same number spelt in digits, words and ordinals finds the same passages', () => {
    expect(top('eight types of jobs')).toEqual(top('8 types of jobs'));
    expect(top('3rd batch of civilized cities')).toEqual(top('third batch of civilized cities'));
  });

  const inTexts = (t: string): boolean => ['第三批', '八类', '十九', '三年', '十百千', '八八'].some((x) => x.includes(t));
  const known = (w: string): boolean => ['first', 'one'].includes(w);
  it.each([
    ['two committees', 'two committees'],
    ['first secretary', 'first secretary'],
    ['one subsidy', 'one subsidy'],
    ['three exemptions', 'three exemptions'],
    ['in 2020', 'in 2020'],
    ['10,000 party members', '10,000 party members'],
  ])('left alone where the texts lack the Chinese, it is one character, or another rule knows the word: %s', (q, out) => {
    expect(numbersAsChinese(q, inTexts, known)).toBe(out);
  });

  it.each([
    ['eight-eight strategy', ' 八八  strategy'],
    ['ten-hundred-thousand programme', ' 十百千  programme'],
    ['the 19th congress', 'the  十九  congress'],
  ])('runs of numbers read one after another, or as one: %s', (q, out) => {
    expect(numbersAsChinese(q, inTexts, known)).toBe(out);
  });

  it('a congress the texts never mention gets no full answer (the 20th is not the 19th)', () => {
    const r = engine.search('20th party congress report');
    expect(r.results.length === 0 || r.partial === true).toBe(true);
  });
});

describe('Chinese place names typed in pinyin before their kind', () => {
  it.each([
    ['Gaohong town party alliance', '高虹镇', '001-003'],
    ['Bainiu village Taobao', '白牛村', '001-005'],
  ])('%s: read with the kind’s syllable (%s), as Chinese places are romanised', (q, place, id) => {
    const r = engine.search(q, { limit: 3 });
    expect(r.corrected).toContain(place);
    expect(r.results[0]?.id).toBe(id);
  });

  it('a name the library lacks with that kind is left as typed', () => {
    expect(engine.search('Xiaoshan district party building').corrected ?? '').not.toMatch(/区/);
  });
});

describe('four English words joined into one stretch of the texts', () => {
  it('Central Rural Work Conference is 中央农村工作会议, a full answer first', () => {
    const r = engine.search('Central Rural Work Conference', { limit: 3 });
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe('002-002');
    expect(marked('Central Rural Work Conference').join('')).toContain('中央农村工作会议');
  });

  it('two words join as before: temporary assistance standards is 临时救助', () => {
    expect(marked('temporary assistance standards')).toContain('临时救助');
  });
});

describe('an English word whose Chinese is in most passages weighs less', () => {
  it('village art troupes: 003-016 (村文艺队, no 乡村) ranks higher than with village’s 乡村 at full weight', () => {
    const full = createSearchEngine(getSharedCorpus(), { commonEnglishWeight: 1 });
    const rank = (e: { search: typeof engine.search }): number => e.search('village art troupes', { limit: 10 }).results.findIndex((r) => r.id === '003-016');
    expect(rank(engine)).toBeGreaterThanOrEqual(0);
    expect(rank(engine)).toBeLessThan(rank(full));
  });
});


import { describe, expect, it } from 'vitest';
import { foldWithMap, normalizeQuery, toDisplayRange } from '../../src/search/normalize.js';
import { SearchError } from '../../src/search/types.js';

describe('normalizeQuery', () => {
  it('turns full-width letters, digits and punctuation into their ordinary forms (NFKC)', () => {
    expect(normalizeQuery('人均月工资３０００元')).toBe('人均月工资3000元');
    expect(normalizeQuery('ＴＡＬＥＮＴ')).toBe('talent');
    expect(normalizeQuery('主题：人才')).toBe('主题:人才');
  });

  it('converts traditional characters to simplified, so 鄉村振興 finds 乡村振兴', () => {
    expect(normalizeQuery('鄉村振興')).toBe('乡村振兴');
    expect(normalizeQuery('易地扶貧搬遷')).toBe('易地扶贫搬迁');
    expect(normalizeQuery('黨建引領產業振興')).toBe('党建引领产业振兴');
  });

  it('leaves simplified text as it is', () => {
    expect(normalizeQuery('乡村振兴战略是党的十九大提出的一项重大战略')).toBe('乡村振兴战略是党的十九大提出的一项重大战略');
  });

  it('collapses whitespace (including the ideographic space) and trims', () => {
    expect(normalizeQuery('  电商 \t\n  人才培养　 ')).toBe('电商 人才培养');
  });

  it('collapses runs of punctuation to one mark but keeps quote marks', () => {
    expect(normalizeQuery('！！第一书记？？？')).toBe('!第一书记?');
    expect(normalizeQuery('领雁工程。。。。')).toBe('领雁工程。');
    expect(normalizeQuery('"两委""班子"')).toBe('"两委""班子"');
  });

  it('drops control characters, zero-width characters and lone surrogates', () => {
    expect(normalizeQuery('第一\u0000书\u200b记\u0007')).toBe('第一书记');
    expect(normalizeQuery('人才\ud800振兴\udfff')).toBe('人才振兴');
  });

  it('returns an empty string for input with nothing left in it', () => {
    expect(normalizeQuery(' \u0000\u200b ')).toBe('');
  });

  it('refuses queries longer than the cap with a message naming the length and the cap', () => {
    const long = '乡'.repeat(201);
    expect(() => normalizeQuery(long)).toThrow(SearchError);
    try {
      normalizeQuery(long);
    } catch (err) {
      const e = err as SearchError;
      expect(e.code).toBe('QUERY_TOO_LONG');
      expect(e.zh).toBe('搜索内容太长了（201 个字），请控制在 200 个字以内。');
      expect(e.en).toBe('The query is too long (201 characters); please keep it under 200.');
    }
    expect(normalizeQuery('乡村'.repeat(100))).toHaveLength(200);
    // A character typed three times or more in a row is kept once (急急急 → 急); the cap counts what was typed.
    expect(normalizeQuery('急急急急 集体经济')).toBe('急 集体经济');
    expect(() => normalizeQuery('人才', { maxLength: 1 })).toThrow('请控制在 1 个字以内');
  });

  it('measures the cap after cleanup: padding does not count', () => {
    expect(normalizeQuery(`${' '.repeat(500)}人才${' '.repeat(500)}`)).toBe('人才');
  });

  it('is idempotent', () => {
    for (const q of ['！！第一书记？？？', '鄉村振興', 'Ａ　Ｂ', '"两委"班子', 'İstanbul', '①②③', '主题：人才 　doc：２']) {
      const once = normalizeQuery(q);
      expect(normalizeQuery(once)).toBe(once);
    }
  });
});

describe('foldWithMap', () => {
  it('maps folded offsets back to the original text when folding changes lengths', () => {
    const display = '目标①：乡村振兴';
    const f = foldWithMap(display);
    expect(f.folded).toBe('目标1:乡村振兴');
    const at = f.folded.indexOf('乡村');
    const [s, e] = toDisplayRange(f, display.length, at, at + 2);
    expect(display.slice(s, e)).toBe('乡村');
  });

  it('needs no map for ordinary simplified text', () => {
    expect(foldWithMap('乡村人才振兴，外引人才是助力。').map).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { foldWithMap, normalizeQuery, toDisplayRange, toSimplified } from '../../src/search/normalize.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
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

describe('the quick paths of toSimplified and normalizeQuery', () => {
  const passages = (): string[] => getSharedCorpus().passages.map((p) => p.text);
  const tuning = (): string[] =>
    ['eval-queries.json', 'eval-chat.json'].flatMap(
      (f) => (JSON.parse(readFileSync(new URL(`../fixtures/${f}`, import.meta.url), 'utf8')) as { queries: { query: string }[] }).queries.map((q) => q.query),
    );

  it('simplifies every text as opencc-js does, the texts it does not read (no entry starts in them) included', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const config = OpenCC.Locale.configs['t2s'] as unknown as { normalizationChain: string[][]; conversionChain: string[][] };
    // Every entry of its dictionaries, alone and inside simplified text; the seeds; the tuning queries.
    const keys = [...config.normalizationChain, ...config.conversionChain].flat().flatMap((d) => d.split('|').map((e) => e.split(' ')[0] as string));
    expect(keys.length).toBeGreaterThan(1000);
    const texts = [...keys, ...keys.map((k) => `乡村${k}振兴`), ...passages(), ...tuning(), '鄉村振興', '𠀀字', '', 'talent 人才'];
    let unchanged = 0;
    for (const text of texts) {
      expect(toSimplified(text), text).toBe(convert(text));
      if (convert(text) === text) unchanged++;
    }
    expect(unchanged).toBeGreaterThan(100);
  });

  it('normalises a query of Han characters alone as it normalises the same query with a space after it', () => {
    const han = [...tuning(), ...passages()].flatMap((t) => t.match(/[\u4e00-\u9fa5]+/gu) ?? []).filter((t) => t.length <= 200);
    const made = ['鄉村振興', '急急急急急', '好好学习', '黨建引領產業振興', '乾隆', '著作', '一'];
    expect(han.length).toBeGreaterThan(1000);
    for (const q of [...made, ...han]) expect(normalizeQuery(q), q).toBe(normalizeQuery(`${q} `));
    // The length cap holds on the quick path too.
    expect(() => normalizeQuery(`${'乡村'.repeat(100)}乡`)).toThrow(SearchError);
    expect(normalizeQuery('乡村'.repeat(100))).toBe('乡村'.repeat(100));
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

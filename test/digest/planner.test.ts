import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { THEME_IDS } from '../../src/corpus/types.js';
import {
  DigestError,
  KEYWORD_STOPWORDS,
  addDays,
  createDigestPlanner,
  dayNumber,
  themeOfDate,
  todayIn,
  zonedTimeToInstant,
} from '../../src/digest/index.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { corpusOf, passage } from './fixtures.js';

const corpus = getSharedCorpus();
const planner = createDigestPlanner(corpus);

function thrown(fn: () => unknown): DigestError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DigestError) return err;
    throw err;
  }
  throw new Error('expected a DigestError');
}

describe('dates', () => {
  it('names the calendar date in the digest time zone, not in UTC', () => {
    // 16:30 UTC on 1 June is already 00:30 on 2 June in Shanghai.
    const at = new Date('2025-06-01T16:30:00Z');
    expect(todayIn('Asia/Shanghai', at)).toBe('2025-06-02');
    expect(todayIn('UTC', at)).toBe('2025-06-01');
    expect(todayIn('America/Los_Angeles', at)).toBe('2025-06-01');
    expect(todayIn('Asia/Shanghai', new Date('2025-06-01T15:59:59Z'))).toBe('2025-06-01');
  });

  it('finds the instant a wall-clock time happens in a zone, across a DST change too', () => {
    expect(zonedTimeToInstant('Asia/Shanghai', '2025-06-02', 8, 30, 0).toISOString()).toBe('2025-06-02T00:30:00.000Z');
    expect(zonedTimeToInstant('America/New_York', '2025-03-09', 8, 30, 0).toISOString()).toBe('2025-03-09T12:30:00.000Z');
    expect(zonedTimeToInstant('America/New_York', '2025-03-08', 8, 30, 0).toISOString()).toBe('2025-03-08T13:30:00.000Z');
  });

  it('cycles the themes in the fixed order, so any five consecutive dates cover all five', () => {
    expect(['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06'].map(themeOfDate)).toEqual([
      'industry',
      'talent',
      'culture',
      'ecology',
      'organization',
      'industry',
    ]);
    fc.assert(
      fc.property(fc.integer({ min: -300_000, max: 2_900_000 }), (day) => {
        const start = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const themes = [0, 1, 2, 3, 4].map((i) => themeOfDate(addDays(start, i)));
        expect(new Set(themes).size).toBe(5);
      }),
    );
  });

  it('rejects malformed and impossible dates, naming them', () => {
    expect(thrown(() => dayNumber('2025-6-1')).message).toBe(
      '日期 "2025-6-1" 格式不对，应为 YYYY-MM-DD，例如 2025-06-01 (date "2025-6-1" is not YYYY-MM-DD, e.g. 2025-06-01)',
    );
    const impossible = thrown(() => planner.digestFor('2025-02-30'));
    expect(impossible.code).toBe('BAD_DATE');
    expect(impossible.zh).toBe('日期 "2025-02-30" 不存在，请用真实的日期，例如 2025-06-01');
    expect(impossible.en).toBe('date "2025-02-30" does not exist; use a real date such as 2025-06-01');
    expect(thrown(() => planner.digestFor('tomorrow')).en).toBe('date "tomorrow" is not YYYY-MM-DD, e.g. 2025-06-01');
    // 2024 is a leap year.
    expect(planner.digestFor('2024-02-29').date).toBe('2024-02-29');
  });
});

describe('digestFor', () => {
  it('gives the date its theme, a lead and one to four other passages, and key terms', () => {
    const d = planner.digestFor('2025-06-02');
    expect(d.date).toBe('2025-06-02');
    expect(d.theme).toEqual({ id: 'talent', name: '人才振兴', short: '人才', en: 'talent' });
    expect(d.passages.length).toBeGreaterThanOrEqual(2);
    expect(d.passages.length).toBeLessThanOrEqual(5);
    for (const p of d.passages) expect(p.themes).toContain('talent');
    expect(d.keywords.length).toBeGreaterThanOrEqual(3);
  });

  it('is a pure function of the date and the corpus: a second planner, over a corpus loaded anew, agrees', () => {
    const other = createDigestPlanner(loadCorpus());
    for (let i = 0; i < 15; i++) {
      const date = addDays('2025-11-20', i);
      expect(other.digestFor(date)).toEqual(planner.digestFor(date));
    }
  });

  it('never repeats a passage within any ten consecutive dates', () => {
    const start = '2025-01-01';
    const days = Array.from({ length: 120 }, (_, i) => planner.digestFor(addDays(start, i)).passages.map((p) => p.id));
    for (let i = 0; i + 10 <= days.length; i++) {
      const window = days.slice(i, i + 10).flat();
      expect(new Set(window).size, `window from ${addDays(start, i)}`).toBe(window.length);
    }
  });

  it("reads a theme's whole pool before any passage comes back", () => {
    for (const theme of THEME_IDS) {
      const rounds = planner.rounds(theme);
      // Dates on which this theme comes round, consecutively.
      const first = Array.from({ length: 5 }, (_, i) => addDays('2025-03-01', i)).find((d) => themeOfDate(d) === theme) as string;
      const ids = rounds.map((_, k) => planner.digestFor(addDays(first, 5 * k)).passages.map((p) => p.id)).flat();
      expect(new Set(ids).size, theme).toBe(ids.length);
      expect(ids.sort()).toEqual(rounds.flat().map((p) => p.id).sort());
      // …and then starts over with the same readings.
      expect(planner.digestFor(addDays(first, 5 * rounds.length))).toEqual({
        ...planner.digestFor(first),
        date: addDays(first, 5 * rounds.length),
      });
    }
  });

  it('takes a theme override by id, Chinese name, short name or any case', () => {
    const byId = planner.digestFor('2025-06-01', { theme: 'ecology' });
    expect(byId.theme.id).toBe('ecology');
    for (const alias of ['生态振兴', '生态', 'ECOLOGY', ' ecology ']) {
      expect(planner.digestFor('2025-06-01', { theme: alias })).toEqual(byId);
    }
  });

  it('rejects an unknown theme, naming it and the choices', () => {
    const err = thrown(() => planner.digestFor('2025-06-01', { theme: 'economy' }));
    expect(err.code).toBe('UNKNOWN_THEME');
    expect(err.message).toBe(
      '没有主题 "economy"，可选：industry（产业振兴）、talent（人才振兴）、culture（文化振兴）、ecology（生态振兴）、organization（组织振兴） ' +
        '(unknown theme "economy"; choose one of industry, talent, culture, ecology, organization)',
    );
  });

  it('says so when a theme has nothing to read', () => {
    const tiny = createDigestPlanner(corpusOf([passage({ theme: 'talent' })]), { extractKeywords: () => [] });
    expect(tiny.digestFor('2025-06-02').passages).toHaveLength(1);
    const err = thrown(() => tiny.digestFor('2025-06-01'));
    expect(err.code).toBe('EMPTY_POOL');
    expect(err.message).toBe('主题“产业振兴”没有可读的段落 (theme "industry" has no passages to read)');
  });
});

describe('key terms', () => {
  it('come from the chosen passages, are words not fragments, and leave out the theme name and common words', () => {
    for (let i = 0; i < 25; i++) {
      const d = planner.digestFor(addDays('2025-06-01', i));
      const text = d.passages.map((p) => p.text).join('\n');
      expect(d.keywords.length, d.date).toBeGreaterThanOrEqual(3);
      expect(d.keywords.length).toBeLessThanOrEqual(6);
      expect(new Set(d.keywords).size).toBe(d.keywords.length);
      for (const k of d.keywords) {
        expect(text, `${d.date} ${k}`).toContain(k);
        expect(k).toMatch(/^[\u3400-\u9fff·]{2,12}$/);
        expect(KEYWORD_STOPWORDS.has(k)).toBe(false);
        expect([d.theme.name, d.theme.short, '乡村振兴', '党员', '群众']).not.toContain(k);
      }
    }
  });

  it('drop quantities, list markers and a word already inside a longer one', () => {
    const extract = () => ['尊重', '二要', '一笔', '余场次', '我区', '尊重人才', '人才', 'xx', '2018', '乡贤'].map((word) => ({ word, weight: 1 }));
    // commonShare 1: in a one-passage corpus every word is in every passage.
    const tiny = createDigestPlanner(corpusOf([passage({ theme: 'talent' })]), { extractKeywords: extract, commonShare: 1 });
    // 人才 is the theme's short name; 尊重 gives way to 尊重人才.
    expect(tiny.digestFor('2025-06-02').keywords).toEqual(['尊重人才', '乡贤']);
  });
});

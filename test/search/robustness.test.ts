import { describe, expect, it } from 'vitest';
import { SearchError } from '../../src/search/index.js';
import { getSharedEngine } from '../helpers/shared-index.js';

const NASTY = [
  '\ud800',
  '\udfff人才',
  '人才\ud83d',
  '\u0000\u0001\u0002\u001f\u007f',
  '\u200b\u200e\u202e\ufeff',
  '乡'.repeat(20_000),
  ' '.repeat(20_000),
  'a'.repeat(20_000),
  '.*+?^${}()|[]\\',
  '(?<x>a)\\1',
  '__proto__',
  'constructor',
  'toString valueOf hasOwnProperty',
  'theme:__proto__',
  'theme:constructor',
  'doc:__proto__',
  'doc:',
  '主题:',
  '"',
  '“',
  '”人才“',
  '""""',
  '\\u0000',
  '🙂🌾 乡村振兴',
  'e\u0301\u0301\u0301',
  '\u3000\u3000',
  '\ue000人才',
  ':::',
  '主题:人才:人才',
  'doc:002 doc:003 theme:talent 主题:生态 "绿水青山" 人才',
  '%s%d%n',
  '<script>alert(1)</script>',
  '**人才**',
  'ｔｈｅｍｅ：ｔａｌｅｎｔ',
];

describe('search never throws anything but SearchError', () => {
  const engine = getSharedEngine();

  it.each(NASTY.map((q) => [JSON.stringify(q.length > 40 ? `${q.slice(0, 40)}…` : q), q]))('%s', (_name, query) => {
    try {
      const r = engine.search(query, { limit: 3 });
      expect(r.total).toBeGreaterThanOrEqual(0);
      expect(r.results.length).toBeLessThanOrEqual(3);
    } catch (err) {
      expect(err).toBeInstanceOf(SearchError);
      const e = err as SearchError;
      expect(e.zh.length).toBeGreaterThan(0);
      expect(e.en.length).toBeGreaterThan(0);
      // The message never echoes a 20 000-character query back.
      expect(e.zh.length).toBeLessThan(200);
    }
  });

  it('byTheme refuses non-theme strings with SearchError', () => {
    for (const t of ['__proto__', 'constructor', '', 'x'.repeat(10_000)]) {
      expect(() => engine.byTheme(t as never)).toThrow(SearchError);
    }
  });

  it('odd paging options do not throw', () => {
    for (const options of [{ limit: Number.NaN }, { page: Number.POSITIVE_INFINITY }, { limit: -1, page: -1 }, { limit: 2.7, page: 1.5 }]) {
      expect(engine.search('人才', options).results.length).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { buildSnippet, type HighlightTerm } from '../../src/search/snippet.js';
import { getSharedEngine } from '../helpers/shared-index.js';

// Round 11's snippet changes (speed only): the matches sorted by insertion when few (the built-in sort past 32), a
// long sentence's window counted on UTF-16 units rather than iterated. What a reader sees must not change.
const term = (text: string, weight = 3, group = 0): HighlightTerm => ({ text, weight, group });
const plain = (segments: { text: string }[]): string => segments.map((s) => s.text).join('');
const shown = (s: string): number => Array.from(s).length;

describe('snippets (speed, round 11)', () => {
  it('cuts a long sentence holding characters outside the BMP at 160 characters as shown, never inside a pair', () => {
    // One sentence of ~330 characters, every tenth one outside the BMP (𠮷, two UTF-16 units).
    const long = Array.from({ length: 33 }, (_, k) => (k === 10 ? '集体经济发展壮大𠮷' : '乡村振兴人才队伍𠮷')).join('，') + '。';
    const { snippet, segments } = buildSnippet(long, [term('集体经济')]);
    const text = plain(segments);
    expect(shown(text)).toBeLessThanOrEqual(160);
    expect(shown(text)).toBeGreaterThan(140);
    expect(snippet).toContain('**集体经济**');
    // No half of a surrogate pair at either cut.
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  it('marks every occurrence, the longer of overlapping matches first, with few matches and with many', () => {
    for (const times of [3, 40]) {
      // 人才振兴 holds 人才 and 振兴: each occurrence is marked once, as the longer word.
      const passage = `${Array.from({ length: times }, () => '人才振兴').join('、')}和人才。`;
      const { segments } = buildSnippet(passage, [term('人才', 1, 1), term('人才振兴', 3, 0), term('振兴', 1, 2)], { maxLength: 400 });
      const marked = segments.filter((s) => s.match).map((s) => s.text);
      expect(marked.filter((m) => m === '人才振兴')).toHaveLength(times);
      expect(marked.filter((m) => m === '人才')).toHaveLength(1);
      expect(marked).not.toContain('振兴');
    }
  });
});

// Built at import, as the other engine tests build it (the shared index of this vitest worker).
const engine = getSharedEngine();

describe('concepts (speed, round 11)', () => {
  it('every concept has the same fields, set or not: one object shape for the engine to read', () => {
    // A place word (村里), a question's aspect (意义), an English word's senses, a word the texts lack (neighbours).
    const queries = ['村里的集体经济怎么发展', '三免一补有什么意义', 'village doctors', '赤脚医生', '“一户一档”是什么', '人才振兴'];
    const shapes = new Set<string>();
    const set = new Set<string>();
    for (const q of queries) {
      for (const c of engine.explain(q).analyzed.concepts) {
        shapes.add(Object.keys(c).join(','));
        for (const [k, v] of Object.entries(c)) if (v !== undefined) set.add(k);
      }
    }
    expect(shapes.size).toBe(1);
    // The queries do set optional fields: the shape holds them all.
    expect([...set]).toEqual(expect.arrayContaining(['place', 'aspect']));
  });
});

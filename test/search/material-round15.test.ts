/**
 * Material requests, round 15 (issue 9; docs/search.md, Material requests, round 15): in a request for material or a
 * list of keywords typed apart, a word counts in the coverage by its length (lengthCoverage), as a bigram ranking
 * weighs it by its pairs. On the real engine and library.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const off = createSearchEngine(corpus, { lengthCoverage: 0 });
const ids = (e: typeof engine, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const holders = (word: string): string[] => corpus.passages.filter((p) => p.text.includes(word)).map((p) => p.id);

describe('a keyword counts in the coverage by its length (lengthCoverage)', () => {
  it('puts the subject’s passages before one holding only the short word for the kind of text', () => {
    // 003-001 is about 习近平总书记的重要讲话精神 in the poverty campaign; the culture passages say 文化振兴. Each holds one
    // of the two key words, and 讲话, the rarer, put 003-001 first.
    expect(holders('讲话')).toContain('003-001');
    expect(passageText('003-001')).not.toContain('文化振兴');
    expect(ids(off, '文化振兴 讲话 学习材料')[0]).toBe('003-001');
    expect(ids(engine, '文化振兴 讲话 学习材料')[0]).toBe('000-006');
  });

  it('does so in a list of keywords with no material word too', () => {
    // 003-024 says 宣讲 and 政策 many times (宣讲团, 政策宣讲); 003-008 is the one passage on 控辍保学.
    expect(holders('控辍保学')).toEqual(['003-008']);
    expect(ids(off, '控辍保学 政策 宣讲')[0]).toBe('003-024');
    expect(ids(engine, '控辍保学 政策 宣讲')[0]).toBe('003-008');
    expect(ids(off, '人居环境整治 动员讲话')[0]).toBe('002-035');
    expect(ids(engine, '人居环境整治 动员讲话')[0]).toBe('000-009');
  });

  it('leaves questions, sentences and English as they were', () => {
    for (const q of ['三治融合怎么推进', '村里搞活动没地方，活动场所又小又破，怎么办', '年轻人不愿意回农村', 'e-commerce talent training', '生态振兴 湿地 是什么']) {
      expect(ids(engine, q, 10)).toEqual(ids(off, q, 10));
    }
  });

  it('knows a request for material from its dropped or aspect material words', () => {
    const material = (q: string): boolean => engine.explain(q).analyzed.material === true;
    expect(material('人才振兴 ppt')).toBe(true);
    expect(material('乡村振兴 党课讲稿 2024')).toBe(true);
    expect(material('三治融合 典型 发言')).toBe(true);
    expect(material('文化振兴的心得体会范文')).toBe(true);
    expect(material('人才振兴')).toBe(false);
    expect(material('控辍保学 政策 宣讲')).toBe(false);
  });
});

function passageText(id: string): string {
  return corpus.byId.get(id)?.text ?? '';
}

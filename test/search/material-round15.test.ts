/**
 * Material requests, round 15 (issue 9; docs/search.md, Material requests, round 15): in a request for material or a
 * list of keywords typed apart, a word counts in the coverage by its length (lengthCoverage), as a bigram ranking
 * weighs it by its pairs, and the words typed first, the subject, count twice (subjectFirst). On the real engine and
 * library.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const off = createSearchEngine(corpus, { lengthCoverage: 0, subjectFirst: 1 });
const lengthOnly = createSearchEngine(corpus, { subjectFirst: 1 });
const ids = (e: typeof engine, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const holders = (word: string): string[] => corpus.passages.filter((p) => p.text.includes(word)).map((p) => p.id);

describe('a keyword counts in the coverage by its length (lengthCoverage)', () => {
  it('puts the subject’s passages before one holding only the short word for the kind of text', () => {
    // 003-001 is about 习近平总书记的重要讲话精神 in the poverty campaign; the culture passages say 文化振兴. Each holds one
    // of the two key words, and 讲话, the rarer, put 003-001 first.
    expect(holders('讲话')).toContain('003-001');
    expect(passageText('003-001')).not.toContain('文化振兴');
    // round 20 re-fit: with the rule off 000-006 leads now too (themeBoost 1.25), 003-001 2nd; the default unchanged.
    expect(ids(off, '文化振兴 讲话 学习材料').slice(0, 2)).toEqual(['000-006', '003-001']);
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

describe('the words typed first weigh more (subjectFirst)', () => {
  it('puts the subject typed first before a passage holding the kind of text typed after it', () => {
    // 002-035's heading and text say 群众动员力 / 动员; 001-010 is the passage on 好家风. Neither holds both.
    expect(holders('动员')).toEqual(['002-035']);
    expect(passageText('001-010')).toContain('好家风');
    expect(ids(lengthOnly, '好家风 动员讲话')[0]).toBe('002-035');
    expect(ids(engine, '好家风 动员讲话')[0]).toBe('001-010');
    // 002-019 says 典型示范; 003-007 says 健康扶贫, which jieba cuts 健康|扶贫.
    expect(ids(lengthOnly, '健康扶贫 典型发言')[0]).toBe('002-019');
    expect(ids(engine, '健康扶贫 典型发言')[0]).toBe('003-007');
  });

  it('leaves a theme’s name typed first at its weight, and a query in one part or with Latin letters alone', () => {
    // The theme says where to look and the topic decides (themeTopicWeight): 003-006's 湿地 ranks as it did.
    for (const q of ['生态振兴 湿地', '好家风动员讲话', '好家风 动员 ppt']) {
      expect(ids(engine, q, 10)).toEqual(ids(lengthOnly, q, 10));
    }
  });
});

function passageText(id: string): string {
  return corpus.byId.get(id)?.text ?? '';
}

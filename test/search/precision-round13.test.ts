/**
 * Ranking precision, round 13 (issue 9; docs/search.md, Precision, round 13): a full answer's first results holding a
 * junction of the query — the two characters where two of its content words typed together meet — gain a bonus
 * (junctionBonus): the words stand together in that text as typed.
 * On the real engine and library.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const passage = (id: string) => corpus.byId.get(id);
const ids = (e: typeof engine, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const scored = (e: typeof engine, q: string) => e.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]);

describe('the junction of two words typed together (junctionBonus)', () => {
  const off = createSearchEngine(corpus, { junctionBonus: 0 });

  it('ranks the passage saying the two words together before one holding each of them apart', () => {
    const q = '教育扶贫政策汇编';
    // 003-006 says 教育扶贫 (把教育扶贫作为治本之举) and 政策; 003-024 says 政策 five times, 思想教育 and 易地扶贫搬迁, never 教育扶贫.
    expect(passage('003-006')?.text).toContain('教育扶贫');
    expect(passage('003-024')?.text).not.toContain('教育扶贫');
    expect(passage('003-024')?.text).toContain('教育');
    expect(ids(off, q)[0]).toBe('003-024');
    expect(ids(engine, q)[0]).toBe('003-006');
  });

  it('outweighs a material word’s year standing in another text', () => {
    const q = '生态扶贫2020年的文件';
    // 003-026 holds 2020年 (《求是》杂志2020年第9期) and 生态 in a list of the five revitalisations; 003-006 holds 生态扶贫.
    expect(passage('003-026')?.text).toContain('2020年');
    expect(passage('003-026')?.text).not.toContain('生态扶贫');
    // Round 14's yearSuffix (the 年 of 2020年 no word of its own) puts 003-006 first as well: both off to see the junction.
    // Round 15's lengthCoverage off too (a one-character 年 weighs little in the coverage there), and round 16's
    // itemBonus (003-026 names 生态 only in the list 产业、人才、文化、生态、组织).
    const neither = createSearchEngine(corpus, { junctionBonus: 0, yearSuffix: false, lengthCoverage: 0, itemBonus: 0 });
    expect(ids(neither, q)[0]).toBe('003-026');
    expect(ids(createSearchEngine(corpus, { yearSuffix: false }), q)[0]).toBe('003-006');
    expect(ids(engine, q)[0]).toBe('003-006');
  });

  it('counts a junction inside a question’s subject too', () => {
    const q = '有哪些联系群众的工作方法';
    // 002-020 names “纳凉会”“板凳会”等联系群众的工作方法; 004-004 and 004-003 hold 工作 and 方法 apart.
    expect(passage('002-020')?.text).toContain('工作方法');
    expect(ids(off, q)[0]).not.toBe('002-020');
    expect(ids(engine, q)[0]).toBe('002-020');
  });

  it('leaves words typed apart, junctions in many passages and partial answers as they were', () => {
    // Spaces between the words: no junction.
    expect(scored(engine, '教育 扶贫 政策 汇编')).toEqual(scored(off, '教育 扶贫 政策 汇编'));
    // 党建引领|乡村振兴: 领乡 stands in more than a tenth of the passages, and tells none apart.
    const holders = corpus.passages.filter((p) => p.text.includes('领乡')).length;
    expect(holders).toBeGreaterThan(corpus.passages.length * 0.1);
    expect(scored(engine, '党建引领乡村振兴')).toEqual(scored(off, '党建引领乡村振兴'));
    // 苹果 is in no text: a partial answer, whose words typed together say nothing of a text lacking some of them.
    const q = '教育扶贫怎么搞苹果';
    expect(engine.search(q).partial).toBe(true);
    expect(scored(engine, q)).toEqual(scored(off, q));
  });
});

describe('a stop word typed before a stretch the texts lack, read with it by the typo corrector (typoStopLead, off by default)', () => {
  const lead = createSearchEngine(corpus, { typoStopLead: true });

  it('corrects a name whose first character is a stop word, kept as typed', () => {
    const q = '后狼党支部';
    // “后浪党支部” of 001-008; 后 is a stop word, so the run the corrector reads is 狼|党支部, no typo of any word.
    expect(passage('001-008')?.text).toContain('“后浪党支部”');
    // Round 24's typoGluedEdges (default on) reads 后 with the run too (precision-round24.test.ts): off, as here before.
    const before = createSearchEngine(corpus, { typoGluedEdges: false });
    expect(before.search(q).corrected).toBeNull();
    expect(ids(before, q)[0]).not.toBe('001-008');
    const r = lead.search(q);
    expect(r.corrected).toBe('后浪党支部');
    expect(r.results[0]?.id).toBe('001-008');
  });

  it('changes nothing where no word of the texts of four characters or more starts with the stop word and reads so', () => {
    // 和 before 协社会, 在 before 效学生 (pairs no text holds), 的 inside 村里的集体经济: the answers are the default engine's.
    for (const q of ['和协社会', '在效学生', '村里的集体经济']) {
      expect(lead.search(q, { limit: 10 }).results.map((x) => [x.id, x.score])).toEqual(engine.search(q, { limit: 10 }).results.map((x) => [x.id, x.score]));
    }
  });
});

/**
 * Ranking precision, round 15 (issue 9; docs/search.md, Precision, round 15): in a question with a telling subject, a
 * word that names nothing (its verb) is scored in section headings at questionVerbHeadings (default 0: the text
 * only) and covers a passage only where its text holds it — a heading shared by a whole section (一、问题提出与研究意义)
 * says nothing about whether a passage under it answers the question.
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

describe('a question’s verb found only in a section heading (questionVerbHeadings)', () => {
  const off = createSearchEngine(corpus, { questionVerbHeadings: false });

  it('ranks the passage whose text says the verb before those under a heading holding it', () => {
    const q = '乡村振兴战略是哪次会议提出的';
    // 001-000: 乡村振兴战略是党的十九大提出的. 002-002 holds 会议 and 乡村振兴战略 in its text, 提出 only in its heading.
    expect(passage('001-000')?.text).toContain('乡村振兴战略是党的十九大提出的');
    expect(passage('002-002')?.section).toContain('提出');
    expect(passage('002-002')?.text).not.toContain('提出');
    expect(ids(off, q)[0]).toBe('002-002');
    expect(ids(engine, q)[0]).toBe('001-000');
  });

  it('does so in a partial answer too', () => {
    // 最早 is in no text: a partial answer, led before by the passages under 一、问题提出与研究意义.
    const q = '乡村振兴战略最早是在什么会上提出来的';
    expect(engine.search(q).partial).toBe(true);
    expect(passage(ids(off, q)[0] as string)?.section).toContain('问题提出');
    expect(ids(engine, q)[0]).toBe('001-000');
  });

  it('leaves a question whose verb is its subject, and a query that asks nothing, as they were', () => {
    // 治理 of 乡村|治理 and 脱贫 are what these questions are about: no telling naming word beside them.
    for (const q of ['乡村治理为什么这么重要', '要我脱贫和我要脱贫有什么区别', '脱了贫怕又掉回去有人盯着吗']) {
      expect(scored(engine, q), q).toEqual(scored(off, q));
    }
    // Words typed without asking: a heading holding 提出 still says something of its section.
    expect(scored(engine, '乡村振兴战略 会议 提出')).toEqual(scored(off, '乡村振兴战略 会议 提出'));
  });
});

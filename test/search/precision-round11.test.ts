/**
 * Ranking precision, round 11 (issue 9; docs/search.md, Precision, round 11): a place character jieba glues to the
 * verb after it is cut apart, the typo corrector also corrects to names the texts put in quotation marks, and the noun
 * after 哪 and a measure word (哪次会议) is the kind of answer asked for. On the real engine and library.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const passage = (id: string) => corpus.byId.get(id);
const ids = (e: typeof engine, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);

describe('a place character glued to the verb after it (村想, 镇有)', () => {
  const off = createSearchEngine(corpus, { placeGlue: false });

  it('is the place and the verb, not a word the texts lack that makes every answer partial', () => {
    const q = '请问一下我们村想搞电商的话党组织可以怎么设置啊';
    // jieba cuts 我们|村想|搞: as a word no text holds, 村想 kept every answer partial, and 002-040's 党组织设置 led
    // 001-005, the passage on setting up Party branches for e-commerce (淘宝党支部 … 创新组织设置促产业).
    expect(off.explain(q).analyzed.concepts.map((c) => c.text)).toContain('村想');
    expect(engine.explain(q).analyzed.concepts.map((c) => c.text)).not.toContain('村想');
    expect(off.search(q).partial).toBe(true);
    expect(engine.search(q).partial).toBeFalsy();
    expect(passage('001-005')?.text).toContain('淘宝党支部');
    expect(ids(off, q)[0]).toBe('002-040');
    expect(ids(engine, q)[0]).toBe('001-005');
  });

  it('leaves the texts’ own words and a place before a noun alone', () => {
    // 乡村, 市场 and 县级 are words of the texts; 村民 is no verb after a place.
    for (const q of ['乡村旅游', '县级人民医院有几个', '村民怎么参与乡村治理', '市场资源共享']) {
      expect(engine.explain(q).analyzed.concepts.map((c) => c.text)).toEqual(off.explain(q).analyzed.concepts.map((c) => c.text));
      expect(ids(engine, q)).toEqual(ids(off, q));
    }
  });
});

describe('typos of names the texts put in quotation marks', () => {
  const off = createSearchEngine(corpus, { quotedTypoTargets: false });

  it('are corrected to the name, though jieba cuts it into single characters', () => {
    // “强村九法” stands in 002-022 only; jieba cuts it 强|村|九|法, so it was no word to correct 强村九发 to, and the
    // query found only 002-017 (产业强村) through 强村.
    expect(passage('002-022')?.text).toContain('“强村九法”');
    expect(off.search('强村九发').corrected).toBeFalsy();
    expect(ids(off, '强村九发')).not.toContain('002-022');
    expect(engine.search('强村九发').corrected).toBe('强村九法');
    expect(ids(engine, '强村九发')[0]).toBe('002-022');
    // “化债九法” of 001-014: 化债九发 found 001-015 (化债专项贷款) alone.
    expect(ids(off, '化债九发')[0]).toBe('001-015');
    expect(ids(engine, '化债九发')[0]).toBe('001-014');
    expect(engine.search('耕保代').corrected).toBe('耕保贷');
  });

  it('leaves a name typed right, and words the texts hold, as they were', () => {
    for (const q of ['强村九法', '化债九法', '耕保贷', '集体经济', '易地扶贫搬迁']) {
      expect(engine.search(q).corrected).toBeFalsy();
      expect(ids(engine, q)).toEqual(ids(off, q));
    }
  });
});

describe('the noun after 哪 and a measure word (哪次会议, 哪家单位)', () => {
  const off = createSearchEngine(corpus, { whichMeasure: false });

  it('is the kind of answer asked for, not a word the answer must hold', () => {
    const q = '乡村振兴战略是哪次会议提出的';
    // 001-000 answers (乡村振兴战略是党的十九大提出的) without the word 会议; 哪次, a word no text holds, and 会议 kept
    // every answer partial.
    expect(passage('001-000')?.text).toContain('乡村振兴战略是党的十九大提出的');
    expect(passage('001-000')?.text).not.toContain('会议');
    const concepts = engine.explain(q).analyzed.concepts;
    expect(concepts.map((c) => c.text)).not.toContain('哪次');
    expect(concepts.find((c) => c.text === '会议')?.aspect).toBe(true);
    expect(off.explain(q).analyzed.concepts.find((c) => c.text === '会议')?.aspect).toBeFalsy();
    expect(off.search(q).partial).toBe(true);
    expect(engine.search(q).partial).toBeFalsy();
    expect(ids(engine, q)).toContain('001-000');
  });

  it('leaves 哪个 and questions without 哪 as they were', () => {
    for (const q of ['新农人党组织是哪个部门组建的', '乡村振兴战略是什么时候提出的', '中央农村工作会议强调了什么']) {
      expect(ids(engine, q)).toEqual(ids(off, q));
    }
  });
});

describe('the noun after an asking determiner and a one-character adjective (有啥好模式)', () => {
  const off = createSearchEngine(corpus, { determinerModifier: false });

  it('is the kind of answer asked for, as without the adjective', () => {
    const q = '村想搞乡村旅游有啥好模式';
    // 002-017 names 乡村旅游 among the industries to develop; 003-004 (文化旅游业 … 带贫益贫模式) led while 模式 counted as a
    // subject.
    expect(passage('002-017')?.text).toContain('乡村旅游');
    expect(off.explain(q).analyzed.concepts.find((c) => c.text === '模式')?.aspect).toBeFalsy();
    expect(engine.explain(q).analyzed.concepts.find((c) => c.text === '模式')?.aspect).toBe(true);
    // round 20 re-fit: 001-016 first with the rule off now (003-004 before, 2nd now); the default unchanged.
    expect(ids(off, q).slice(0, 2)).toEqual(['001-016', '003-004']);
    expect(ids(engine, q)[0]).toBe('002-017');
  });

  it('leaves a two-character word between them, and keyword queries, as they were', () => {
    for (const q of ['有什么重要意义', '乡村旅游 模式', '带贫益贫模式']) expect(ids(engine, q)).toEqual(ids(off, q));
  });
});
